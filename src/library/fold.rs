//! Folding text for search: lower case, diacritics stripped, so `Sérgei` is found by
//! `sergei`. The index and every query go through the same functions, which is what makes a
//! search mean the same thing in the reader, on the command line and in the cache.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends the folded form of one character: ASCII lower-cased in place, anything else
/// decomposed with its combining marks dropped, then lower-cased. Letters that do not
/// decompose but have a usual ASCII spelling (ß, æ, ø, ł, đ, œ) are spelt out.
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
        _ => None,
    };
    if let Some(s) = spelt {
        out.push_str(s);
        return;
    }
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
/// word to word, classifying ASCII bytes by table without decoding them.
pub fn for_each_word(folded: &str, mut each: impl FnMut(&str)) {
    let bytes = folded.as_bytes();
    // The run of joined words the last word belongs to: where it starts and how many words
    // it has so far; and where the last word ended.
    let (mut run_start, mut run_words, mut last_end) = (0, 0, 0);
    let mut i = 0;
    while let Some(start) = next_word_char(folded, i, true) {
        let end = next_word_char(folded, start, false).unwrap_or(bytes.len());
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

/// Where, from byte `i` on, the first character that is a word character (`word`) or is
/// not one (`!word`) starts; `None` when the text ends first. Always inlined: called twice
/// a word, the call cost more than the scan of a short word.
#[inline(always)]
fn next_word_char(text: &str, mut i: usize, word: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let skip = if word {
        ByteClass::Other
    } else {
        ByteClass::Word
    };
    loop {
        i += bytes
            .get(i..)?
            .iter()
            .position(|&b| BYTE_CLASS[usize::from(b)] != skip)?;
        if BYTE_CLASS[usize::from(bytes[i])] != ByteClass::Beyond {
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
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Sérgei RYABKOV"), "sergei ryabkov");
        assert_eq!(fold("Łódź Straße Ærø"), "lodz strasse aero");
        assert_eq!(fold("İstanbul"), "istanbul");
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
