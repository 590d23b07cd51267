//! Folding text for search: lower case, diacritics stripped, typographic apostrophes made
//! straight, so `Sérgei` is found by `sergei` and `doesn’t` by `doesn't`. The index and every query go through the same functions, which is what makes a
//! search mean the same thing in the reader, on the command line and in the cache.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The characters written for an apostrophe: the typed one, which folding makes of all of
/// them, and those of typeset text (’ ‘ ʼ), which nobody types into a search.
pub const APOSTROPHES: [char; 4] = ['\'', '\u{2019}', '\u{2018}', '\u{2BC}'];

/// Appends the folded form of one character: ASCII lower-cased in place, anything else
/// decomposed with its combining marks dropped, then lower-cased. Letters that do not
/// decompose but have a usual ASCII spelling (ß, æ, ø, ł, đ, œ) are spelt out, and every
/// apostrophe becomes `'`.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let spelt = match c {
        'ß' | 'ẞ' => Some("ss"),
        'æ' | 'Æ' => Some("ae"),
        'œ' | 'Œ' => Some("oe"),
        'ø' | 'Ø' => Some("o"),
        'ł' | 'Ł' => Some("l"),
        'đ' | 'Đ' => Some("d"),
        'ı' => Some("i"),
        _ if APOSTROPHES.contains(&c) => Some("'"),
        _ => None,
    };
    if let Some(s) = spelt {
        out.push_str(s);
        return;
    }
    if PUNCTUATION.contains(&c) {
        out.push(c);
        return;
    }
    decomposed(c, out);
}

/// General punctuation (dashes, curly quotes, ellipses, spaces): in every other line of
/// news text, and left as it is by folding (of the block, only U+2000 and U+2001
/// decompose), so pushed without looking it up in the Unicode tables.
pub(super) const PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2002}'..='\u{206F}';

/// A character decomposed, its combining marks dropped, the rest lower-cased.
fn decomposed(c: char, out: &mut String) {
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// The folded form of a whole string.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Folds `text` onto the end of `out` (so callers can reuse one buffer). Runs of ASCII,
/// most of any English article, are copied and lower-cased in bulk.
pub fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            fold_char(c, out);
            rest = &rest[c.len_utf8()..];
        }
    }
}

/// True when two party names are the same party: equal ignoring case, or after folding
/// (cheap for the usual ASCII names, which never allocate).
pub fn same_party(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || (!(a.is_ascii() && b.is_ascii()) && fold(a) == fold(b))
}

/// True when `text`, folded, contains `needle` (already folded). ASCII text, like most
/// names, is compared in place without allocating.
pub fn folded_contains(text: &str, needle: &str) -> bool {
    if text.is_ascii() {
        needle.is_empty()
            || text
                .as_bytes()
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    } else {
        fold(text).contains(needle)
    }
}

/// True for the characters words are made of: what a word search matches inside.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True for the punctuation that joins words into one term when it stands alone between
/// them: "u.s", "al-qaeda", "10:30", "9/11", "o'brien", "at&t".
pub fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '-' | ':' | '/' | '\'' | '’' | '&')
}

/// True when `term` (folded) is words joined by single [`is_joiner`] marks, starting and
/// ending on a word character: the terms the index holds besides plain words, so a search
/// for "u.s." is answered by the index instead of by reading every file holding "u" and "s".
pub fn is_joined_words(term: &str) -> bool {
    let mut after_word = false;
    for c in term.chars() {
        if is_word_char(c) {
            after_word = true;
        } else if after_word && is_joiner(c) {
            after_word = false;
        } else {
            return false;
        }
    }
    after_word
}

/// Calls `each` with every word of already folded text (maximal runs of word characters)
/// and, after the last word of a run joined by single [`is_joiner`] marks, with the whole run
/// ("u.s", "al-qaeda"). Any text without whitespace that a search looks for lies inside one
/// word or one such run. Indexing calls this on every byte of the archive, so it jumps from
/// word to word through [`Blocks`], classifying ASCII bytes by table without decoding them.
pub fn for_each_word(folded: &str, mut each: impl FnMut(&str)) {
    let bytes = folded.as_bytes();
    // The run of joined words the last word belongs to: where it starts and how many words
    // it has so far; and where the last word ended.
    let (mut run_start, mut run_words, mut last_end) = (0, 0, 0);
    let mut i = 0;
    let mut blocks = Blocks::new(folded);
    while let Some(start) = next_word_char(folded, &mut blocks, i, true) {
        let end = next_word_char(folded, &mut blocks, start, false).unwrap_or(bytes.len());
        // Joined: the gap since the last word is one joiner.
        let mut gap = folded[last_end..start].chars();
        let joined = run_words > 0
            && start - last_end <= '’'.len_utf8()
            && gap.next().is_some_and(is_joiner)
            && gap.next().is_none();
        if !joined {
            if run_words > 1 {
                each(&folded[run_start..last_end]);
            }
            (run_start, run_words) = (start, 0);
        }
        each(&folded[start..end]);
        run_words += 1;
        last_end = end;
        i = end;
    }
    if run_words > 1 {
        each(&folded[run_start..last_end]);
    }
}

/// What a byte says about the character it starts: an ASCII word character, other ASCII,
/// or part of a character beyond ASCII (to be decoded).
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    Word,
    Other,
    Beyond,
}

/// [`ByteClass`] of every byte.
static BYTE_CLASS: [ByteClass; 256] = {
    let mut classes = [ByteClass::Beyond; 256];
    let mut b = 0;
    while b < 128 {
        classes[b] = if (b as u8).is_ascii_alphanumeric() {
            ByteClass::Word
        } else {
            ByteClass::Other
        };
        b += 1;
    }
    classes
};

/// The classes of one 64-byte block of text at a time, as bits (bit `k` for the block's
/// byte `k`), so [`next_word_char`] finds the next word's start or end with a count of
/// trailing zeros. Deciding byte by byte whether the word goes on mispredicted a branch at
/// nearly every word's start and end, and the byte loop was most of indexing's own time.
struct Blocks<'a> {
    bytes: &'a [u8],
    /// The block whose bits are loaded (`usize::MAX` before the first).
    block: usize,
    /// ASCII word bytes of the block.
    word: u64,
    /// Bytes of characters beyond ASCII.
    beyond: u64,
    /// The block's bytes that are in the text (all but those past the end of the last).
    valid: u64,
}

impl<'a> Blocks<'a> {
    fn new(text: &'a str) -> Blocks<'a> {
        Blocks {
            bytes: text.as_bytes(),
            block: usize::MAX,
            word: 0,
            beyond: 0,
            valid: 0,
        }
    }

    /// Loads a block's bits eight bytes at a time: the classes follow from byte ranges,
    /// tested on all eight at once (each test sets a byte's top bit), and the top bits are
    /// gathered into eight mask bits by one multiplication.
    fn load(&mut self, block: usize) {
        const TOP: u64 = 0x8080_8080_8080_8080;
        const ONES: u64 = 0x0101_0101_0101_0101;
        /// Top bit of each byte of `low7` (bytes below 0x80) that lies in `lo..=hi`.
        fn in_range(low7: u64, lo: u8, hi: u8) -> u64 {
            let at_least_lo = low7 + ONES * u64::from(0x80 - lo);
            let above_hi = low7 + ONES * u64::from(0x7F - hi);
            at_least_lo & !above_hi & TOP
        }
        /// Bit `k` for byte `k`'s top bit.
        fn gather(tops: u64) -> u64 {
            (tops >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
        }
        let start = block * 64;
        let chunk = &self.bytes[start..self.bytes.len().min(start + 64)];
        let (mut word, mut beyond) = (0u64, 0u64);
        for (lane, eight) in chunk.chunks(8).enumerate() {
            let x = match <[u8; 8]>::try_from(eight) {
                Ok(full) => u64::from_le_bytes(full),
                // The text's last few bytes: the rest are zeros, which `valid` leaves out.
                Err(_) => eight.iter().rev().fold(0, |x, &b| x << 8 | u64::from(b)),
            };
            let high = x & TOP;
            let low7 = x & !TOP;
            let words = (in_range(low7, b'0', b'9')
                | in_range(low7, b'a', b'z')
                | in_range(low7, b'A', b'Z'))
                & !high;
            word |= gather(words) << (8 * lane);
            beyond |= gather(high) << (8 * lane);
        }
        self.block = block;
        self.word = word;
        self.beyond = beyond;
        self.valid = u64::MAX >> (64 - chunk.len());
    }

    /// The first byte from `i` on that is not of the class skipped: not other ASCII when
    /// looking for a `word`, not an ASCII word byte otherwise (bytes beyond ASCII stop
    /// both, to be decoded); `None` when the text ends first.
    #[inline(always)]
    fn next(&mut self, i: usize, word: bool) -> Option<usize> {
        let mut block = i / 64;
        let mut from = u64::MAX << (i % 64);
        loop {
            if block * 64 >= self.bytes.len() {
                return None;
            }
            if self.block != block {
                self.load(block);
            }
            let stops = if word {
                self.word | self.beyond
            } else {
                !self.word
            };
            let hits = stops & self.valid & from;
            if hits != 0 {
                return Some(block * 64 + hits.trailing_zeros() as usize);
            }
            block += 1;
            from = u64::MAX;
        }
    }
}

/// Where, from byte `i` on, the first character that is a word character (`word`) or is
/// not one (`!word`) starts; `None` when the text ends first. Always inlined: called twice
/// a word, the call cost more than the scan of a short word.
#[inline(always)]
fn next_word_char(text: &str, blocks: &mut Blocks, mut i: usize, word: bool) -> Option<usize> {
    loop {
        i = blocks.next(i, word)?;
        if BYTE_CLASS[usize::from(text.as_bytes()[i])] != ByteClass::Beyond {
            return Some(i);
        }
        let c = text[i..].chars().next().expect("i is a char boundary");
        if is_word_char(c) == word {
            return Some(i);
        }
        i += c.len_utf8();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_pushed_as_it_stands_is_what_folding_makes_of_it() {
        for c in PUNCTUATION.filter(|c| !APOSTROPHES.contains(c)) {
            let mut out = String::new();
            decomposed(c, &mut out);
            assert_eq!(out, c.to_string(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Sérgei RYABKOV"), "sergei ryabkov");
        assert_eq!(fold("Łódź Straße Ærø"), "lodz strasse aero");
        assert_eq!(fold("İstanbul"), "istanbul");
    }

    #[test]
    fn typographic_apostrophes_fold_to_the_typed_one() {
        assert_eq!(
            fold("Doesn\u{2019}t \u{2018}q\u{2019} \u{2BC}a"),
            "doesn't 'q' 'a"
        );
        assert!(folded_contains("it\u{2019}s", "it's"));
    }

    #[test]
    fn contains_after_folding() {
        assert!(folded_contains("Gen. Joseph Dunford", "dunford"));
        assert!(folded_contains("Sérgei Ryabkov", "sergei"));
        assert!(!folded_contains("Obama", "obamacare"));
    }

    #[test]
    fn words_split_on_punctuation() {
        let mut words = Vec::new();
        for_each_word(&fold("Russia's U.S.-led “strike”, 2016"), |w| {
            words.push(w.to_string())
        });
        assert_eq!(
            words,
            [
                "russia", "s", "russia's", "u", "s", "u.s", "led", "strike", "2016"
            ]
        );
        words.clear();
        for_each_word(&fold("AT&T, 9/11 and al-Qaeda: 10:30"), |w| {
            words.push(w.to_string())
        });
        assert_eq!(
            words,
            [
                "at", "t", "at&t", "9", "11", "9/11", "and", "al", "qaeda", "al-qaeda", "10", "30",
                "10:30"
            ]
        );
        words.clear();
        for_each_word("a..b c.d. e’f -g", |w| words.push(w.to_string()));
        assert_eq!(words, ["a", "b", "c", "d", "c.d", "e", "f", "e’f", "g"]);
    }

    /// Words are found wherever they stand against the 64-byte blocks the scan works in:
    /// starting or ending on a block's edge, spanning one, with characters beyond ASCII
    /// (word characters or not) on either side of it, and at the very end of the text.
    #[test]
    fn words_are_the_same_wherever_blocks_begin() {
        let tail = " café—naïve «Ωmega» x9 Zürich’s 1,5 ";
        for pad in 0..140 {
            let text = format!("{}{tail}{}", "w".repeat(pad), "é".repeat(pad % 3));
            let mut words = Vec::new();
            for_each_word(&text, |w| {
                if w.chars().all(is_word_char) {
                    words.push(w.to_string());
                }
            });
            let expected: Vec<&str> = text
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words, expected, "{pad} bytes before");
        }
    }

    #[test]
    fn joined_words_are_words_with_single_joiners_between() {
        for yes in ["u.s", "al-qaeda", "10:30", "russia", "o'brien"] {
            assert!(is_joined_words(yes), "{yes}");
        }
        for no in ["u.s.", ".us", "u..s", "u s", "a—b", ""] {
            assert!(!is_joined_words(no), "{no}");
        }
    }
}
