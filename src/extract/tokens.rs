//! Sentence tokens for attribution: words and the punctuation that matters, with every
//! quotation collapsed into a single token so that rules look at the words *around* it.

use super::lexicon::{self, Lex};
use super::quotes::Region;
use crate::briefing::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A word (letters, digits, inner apostrophes, hyphens and dots: `U.S`, `Russia's`).
    Word,
    /// `,`
    Comma,
    /// `:`
    Colon,
    /// `(` or `[`
    OpenParen,
    /// `)` or `]`
    CloseParen,
    /// A dash standing alone.
    Dash,
    /// `.`, `!`, `?`, `;`, `…`
    Stop,
    /// A whole quotation: the index of its region (32 bits keep a token small: a briefing
    /// keeps every token of every sentence).
    Quote(u32),
}

/// One token with its byte span in the briefing text.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokKind,
    /// What the lexicon says about a word (its normalised form), looked up once here
    /// because the rules ask about every word several times; empty for other tokens.
    pub lex: Lex,
}

impl Tok {
    /// True for a word token.
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word)
    }

    /// [`is_capitalized`] of the token's text, read from its first byte when that is ASCII:
    /// the rules ask it of most tokens of every sentence, and slicing the text for it
    /// (checking both ends fall on character boundaries, or even only that the span lies in
    /// the text) cost more than the test, which most words fail on that byte. (Always
    /// inlined: a call cost more than the test too.) Every token spans a byte or more, as
    /// [`tokenize`] makes them, so its first byte is its own: a test for an empty span cost
    /// every call a compare and a branch.
    #[inline(always)]
    pub fn is_capitalized(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        debug_assert!(!self.span.is_empty());
        match bytes.get(self.span.start) {
            Some(b) if b.is_ascii_uppercase() => true,
            Some(b'a' | b'e') => is_particle_name(&bytes[self.span.start..self.span.end]),
            Some(b) if b.is_ascii() => false,
            Some(_) => is_capitalized(self.span.of(text)),
            None => false,
        }
    }

    /// True when the token's text ends in a possessive ([`is_possessive`]); never for a plain
    /// word, which has no apostrophe.
    #[inline]
    pub fn is_possessive(&self, text: &str) -> bool {
        !self.lex.is_plain() && is_possessive(self.span.of(text))
    }

    /// [`Tok::is_possessive`], and also true for a plural possessive whose apostrophe the
    /// tokenizer leaves out of the word ("Fox News’ Jan Vos": an apostrophe that ends a word
    /// is no part of it). The byte after the word, a blank mostly, is read first: name rules
    /// ask this of every word of every name run.
    #[inline]
    pub fn ends_possessive(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let apostrophe_after = match bytes.get(self.span.end) {
            Some(b'\'') => true,
            // (The first byte of "’".)
            Some(0xE2) => bytes[self.span.end..].starts_with("’".as_bytes()),
            _ => false,
        };
        self.is_possessive(text)
            || (apostrophe_after && matches!(bytes[..self.span.end].last(), Some(b's' | b'S')))
    }

    /// The token's normal form ([`norm`]). A plain word's is its text lowercased (see
    /// [`Lex::is_plain`]), copied without looking for dots and possessives first: the rules
    /// normalise many words of every sentence.
    #[inline]
    pub fn norm(&self, text: &str) -> Norm {
        let w = &text.as_bytes()[self.span.start..self.span.end];
        if self.lex.is_plain() && w.len() <= NORM_INLINE {
            let mut buf = [0u8; NORM_BUFFER];
            // (Any byte with its high bit set, which a plain word never has, leaves the
            // form to [`norm`]: an inline form holds only ASCII.)
            let mut high = 0;
            for (to, &b) in buf.iter_mut().zip(w) {
                // (Bit 5 lowercases a plain word's letters and leaves its other bytes.)
                *to = b | 0x20;
                high |= b;
            }
            if high.is_ascii() {
                return Norm(Form::Inline(buf, w.len() as u8));
            }
        }
        norm(self.span.of(text))
    }

    /// True when the token's normal form ([`norm`]) is one of `forms` (a few lowercase
    /// words). A plain word's text is compared as it stands, ignoring case (see
    /// [`Lex::is_plain`]): the rules ask this of many tokens, and finding out that a word
    /// needs no normalising cost more than the comparison. Its bytes are ASCII letters,
    /// digits, `-` and `&`, which bit 5 set lowercases (a letter) or leaves alone: a byte
    /// compares in two instructions. (Always inlined: the forms are constants where the
    /// rules ask, and the comparisons then fold into a few tests of lengths and bytes; a
    /// call cost more than they do.)
    #[inline(always)]
    pub fn norm_is_one_of(&self, text: &str, forms: &[&str]) -> bool {
        if self.lex.is_plain() {
            let w = &text.as_bytes()[self.span.start..self.span.end];
            forms.iter().any(|f| {
                f.len() == w.len() && w.iter().zip(f.as_bytes()).all(|(&b, &l)| b | 0x20 == l)
            })
        } else {
            norm_is_one_of(self.span.of(text), forms)
        }
    }
}

/// The character at byte `i`, with a fast path for ASCII (most of any news text).
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => b as char,
        Some(_) => text[i..].chars().next().unwrap_or(' '),
        None => ' ',
    }
}

/// Which bytes are ASCII letters and digits: one load per byte of every word, where the
/// three range tests cost several.
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The end of the run of ASCII letters and digits that starts at byte `j`, stopping at
/// `end`: eight bytes at a time while eight remain before `end` (one step finds the end of
/// most words), then a byte at a time.
fn ascii_alphanumeric_end(bytes: &[u8], mut j: usize, end: usize) -> usize {
    while j + 8 <= end {
        let eight = u64::from_le_bytes(bytes[j..j + 8].try_into().expect("8 bytes"));
        let others = not_ascii_alphanumeric(eight);
        if others != 0 {
            return j + (others.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < end && ASCII_ALPHANUMERIC[usize::from(bytes[j])] {
        j += 1;
    }
    j
}

/// Bit 7 of each of eight bytes set where the byte is no ASCII letter or digit. On the low
/// seven bits of a byte, adding `0x80 - n` carries into bit 7 exactly when the byte is `n`
/// or more, and never into the next byte; a letter is found in lowercase (bit 5 set).
pub fn not_ascii_alphanumeric(eight: u64) -> u64 {
    const LANES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * LANES;
    let low = eight & !HIGH;
    let at_least = |x: u64, n: u64| x + (0x80 - n) * LANES;
    let digit = at_least(low, u64::from(b'0')) & !at_least(low, u64::from(b'9') + 1);
    let folded = low | (0x20 * LANES);
    let letter = at_least(folded, u64::from(b'a')) & !at_least(folded, u64::from(b'z') + 1);
    !((digit | letter) & !eight) & HIGH
}

/// Bit `k` set where byte `k` of `sixteen` is no ASCII letter or digit (see
/// [`not_ascii_alphanumeric`]), all sixteen tested at once with SSE2, which every x86-64
/// processor has: the tokenizer reads every word's first bytes so, and the eight-byte test
/// on general registers (its seven constants loaded anew at every word, a second test for a
/// longer word) cost extraction a fortieth of its instructions more.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn not_ascii_alphanumeric16(sixteen: &[u8; 16]) -> u32 {
    // SAFETY: the function's one requirement is SSE2, which this build enables for every
    // function (the `cfg` above: part of the x86-64 baseline), so the processor has it.
    unsafe { not_ascii_alphanumeric16_sse2(sixteen) }
}

/// [`not_ascii_alphanumeric16`] in SSE2 instructions.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn not_ascii_alphanumeric16_sse2(sixteen: &[u8; 16]) -> u32 {
    use std::arch::x86_64::{
        _mm_add_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set_epi64x,
        _mm_set1_epi8,
    };
    let half = |k: usize| i64::from_le_bytes(sixteen[k..k + 8].try_into().expect("8 bytes"));
    let v = _mm_set_epi64x(half(8), half(0));
    // A byte is in `lo..lo + n` when adding `0x80 - lo` takes it to the bottom `n` signed
    // bytes, below `-128 + n` (any other byte lands above); a letter is found in lowercase
    // (bit 5 set, which no digit needs).
    let within = |x, lo: u8, n: u8| {
        let shifted = _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8));
        _mm_cmplt_epi8(shifted, _mm_set1_epi8(0x80u8.wrapping_add(n) as i8))
    };
    let digit = within(v, b'0', 10);
    let letter = within(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26);
    !(_mm_movemask_epi8(_mm_or_si128(digit, letter)) as u32) & 0xFFFF
}

/// [`not_ascii_alphanumeric16`] elsewhere, a byte at a time (and the reference its SSE2
/// form is tested against).
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
fn not_ascii_alphanumeric16(sixteen: &[u8; 16]) -> u32 {
    not_ascii_alphanumeric16_by_table(sixteen)
}

/// [`not_ascii_alphanumeric16`] from the byte table, a byte at a time.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
fn not_ascii_alphanumeric16_by_table(sixteen: &[u8; 16]) -> u32 {
    sixteen
        .iter()
        .enumerate()
        .map(|(k, &b)| u32::from(!ASCII_ALPHANUMERIC[usize::from(b)]) << k)
        .sum()
}

/// True for a letter or digit. The general punctuation block (curly quotes and apostrophes,
/// dashes, the ellipsis: most characters past ASCII in news text) holds neither, and is
/// answered without the Unicode tables, whose look-up cost more than the rest of a word.
fn is_word_char(c: char) -> bool {
    !GENERAL_PUNCTUATION.contains(&c) && c.is_alphanumeric()
}

/// True for a combining accent ("e" and U+0301 for "é"): part of the letter before it.
fn is_combining_mark(d: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&d)
}

/// True when `d`, at byte `j`, is the second half of a letter whose UTF-8 bytes were read as
/// Latin-1 ("TrÃ©vidic" for "Trévidic", "GuantÃ¡namo"): after "Ã" or "Â" (also written
/// "A" and a combining tilde or circumflex), a sign between U+00A0 and U+00BF stands for
/// the rest of the letter, and the name stays one word.
fn mojibake_tail(text: &str, j: usize, d: char) -> bool {
    ('\u{a0}'..='\u{bf}').contains(&d) && text[..j].ends_with(['Ã', 'Â', '\u{303}', '\u{302}'])
}

/// The Unicode general punctuation block.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// What the tokenizer makes of a token's first byte: one table load decides, where tests of
/// the byte (is it a space, a letter, which mark) cost one each. (A tag byte of its own:
/// folded into the mark's kind, which the compiler does unasked, the tag took several
/// instructions to read back at every token.)
#[derive(Clone, Copy)]
#[repr(u8)]
enum Lead {
    /// A space or a mark that makes no token: passed over.
    Skip,
    /// An ASCII letter or digit: a word starts.
    Word,
    /// The capital a word of [`NAME_MODALS`] begins with: a word starts that may be one of
    /// them capitalised ([`mark_name_function_words`]), which only such a word can be.
    ModalCapital,
    /// A mark that is a token of its own.
    Mark(TokKind),
    /// The first byte of a character past ASCII, which is decoded.
    Wide,
}

/// [`Lead`] of every byte.
static LEAD: [Lead; 256] = {
    let mut table = [Lead::Skip; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            c @ b'A'..=b'Z' if begins_a_name_modal(c) => Lead::ModalCapital,
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => Lead::Word,
            b',' => Lead::Mark(TokKind::Comma),
            b':' => Lead::Mark(TokKind::Colon),
            b'(' | b'[' => Lead::Mark(TokKind::OpenParen),
            b')' | b']' => Lead::Mark(TokKind::CloseParen),
            b'-' => Lead::Mark(TokKind::Dash),
            b'.' | b'!' | b'?' | b';' => Lead::Mark(TokKind::Stop),
            0x80..=0xFF => Lead::Wide,
            _ => Lead::Skip,
        };
        b += 1;
    }
    table
};

/// The function words that, capitalised, may be part of a name ("George Will", "Theresa
/// May", "Judicial Watch", "Read"): see [`mark_name_function_words`].
const NAME_MODALS: [&str; 4] = ["will", "may", "watch", "read"];

/// True when a word of [`NAME_MODALS`] begins with `capital` lowercased, so the tokenizer's
/// table marks exactly the letters the rule needs.
const fn begins_a_name_modal(capital: u8) -> bool {
    let mut k = 0;
    while k < NAME_MODALS.len() {
        if NAME_MODALS[k].as_bytes()[0] == capital | 0x20 {
            return true;
        }
        k += 1;
    }
    false
}

/// The word that starts at byte `i` when it is at most fifteen ASCII letters and digits
/// ended by a space, a mark that joins nothing or a dot that is no part of it (most words):
/// its end, its lexicon entry and the byte after it (none, 0, when it ends at `stop`, where
/// a quotation starts or the sentence ends). Read from one sixteen-byte load of the text,
/// which finds its end and gives its lexicon key and the byte after it at once; `None` for
/// any other word (and any word less than sixteen bytes before the text's end), which the
/// tokenizer reads a character at a time.
#[inline(always)]
fn short_plain_word(bytes: &[u8], i: usize, stop: usize) -> Option<(usize, Lex, u8)> {
    // (The sixteen bytes from `i` on in one test of lengths, where a range `i..i + 16` also
    // tested that its end did not overflow, for every word.)
    let sixteen = bytes.get(i..).and_then(<[u8]>::first_chunk::<16>)?;
    let others = not_ascii_alphanumeric16(sixteen);
    if others == 0 {
        return None;
    }
    let run = others.trailing_zeros() as usize;
    let chunks = [
        u64::from_le_bytes(*sixteen.first_chunk().expect("8 bytes")),
        u64::from_le_bytes(*sixteen.last_chunk().expect("8 bytes")),
    ];
    if i + run >= stop {
        return Some((stop, lexicon::lookup_alphanumeric(chunks, stop - i), 0));
    }
    // (Masked: `run` is under sixteen, which the compiler cannot see.)
    let after = sixteen[run & 15];
    let end = i + run;
    if MAY_GO_ON[usize::from(after)] {
        // A word that ends its sentence ("said.") is read here too: its dot is no part of
        // it when no letter or digit follows the dot and the word is no abbreviation or
        // initial (see [`plain_keeps_dot`]), and sent to the full reading, a character at a
        // time, this word of every sentence cost several times any other.
        let joins = |b: u8| !b.is_ascii() || b.is_ascii_alphanumeric();
        if after != b'.' || (end + 1 < stop && joins(bytes[end + 1])) {
            return None;
        }
        let lex = lexicon::lookup_alphanumeric(chunks, run);
        let initial = run == 1 && bytes[i].is_ascii_uppercase();
        return (!initial && !lex.is(lexicon::Class::Abbreviation)).then_some((end, lex, after));
    }
    Some((end, lexicon::lookup_alphanumeric(chunks, run), after))
}

/// The bytes after a run of ASCII letters and digits that may carry the word on, which
/// [`short_plain_word`] leaves to the full reading: a joining mark, a dot, or the first byte
/// of a character past ASCII. One load tells them apart, where the tests of the byte took
/// several instructions for every word.
static MAY_GO_ON: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = !(b as u8).is_ascii() || matches!(b as u8, b'\'' | b'-' | b'.' | b'&');
        b += 1;
    }
    table
};

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | '‑')
}

/// The tokens of every sentence of a briefing, kept in one buffer (one allocation for the
/// briefing rather than one per sentence).
#[derive(Debug, Default)]
pub struct Sentences {
    toks: Vec<Tok>,
    /// Where each sentence's tokens end in `toks`.
    ends: Vec<usize>,
}

impl Sentences {
    /// Room for a text of `bytes` bytes in `sentences` sentences: news has about one token
    /// in six bytes, dense prose one in four and a half; room for one in four means the
    /// buffer seldom has to grow and copy (room never written costs no memory).
    pub fn with_capacity(bytes: usize, sentences: usize) -> Sentences {
        Sentences {
            toks: Vec::with_capacity(bytes / 4 + 16),
            ends: Vec::with_capacity(sentences),
        }
    }

    /// Tokenizes the next sentence, `span` of `text` (see [`tokenize`]).
    pub fn push(&mut self, text: &str, span: Span, regions: &[Region], first_region: usize) {
        tokenize(&mut self.toks, text, span, regions, first_region);
        self.ends.push(self.toks.len());
    }

    /// The tokens of sentence `s`.
    pub fn get(&self, s: usize) -> &[Tok] {
        let start = s.checked_sub(1).map_or(0, |p| self.ends[p]);
        &self.toks[start..self.ends[s]]
    }

    /// Every sentence's tokens, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[Tok]> {
        (0..self.ends.len()).map(|s| self.get(s))
    }
}

/// Tokenizes `span` of `text` onto the end of `out`. `regions` are all quote regions of the
/// briefing, sorted; `first_region` is the index of the first one that may overlap the span
/// (the caller keeps it advancing, so the whole briefing is tokenized in linear time).
pub fn tokenize(
    out: &mut Vec<Tok>,
    text: &str,
    span: Span,
    regions: &[Region],
    first_region: usize,
) {
    let first_tok = out.len();
    // The first region not passed yet and where it starts (a word stops there). Tokens
    // never step over a region's start, so both move on only once a quotation is passed.
    let mut r = first_region;
    let region_after = |r: &mut usize, i: usize| {
        while *r < regions.len() && regions[*r].outer.end <= i {
            *r += 1;
        }
        regions
            .get(*r)
            .map_or(span.end, |g| g.outer.start.min(span.end))
    };
    let bytes = text.as_bytes();
    let mut i = span.start;
    let mut next_region = region_after(&mut r, i);
    // The first token that may be a capitalised modal or verb ([`may_be_name_modal`]), if
    // any: the tokens before it need no second look.
    let mut first_modal = usize::MAX;
    loop {
        // The bytes up to the next quotation or the sentence's end, each read without a
        // test that it lies in the text, and the one bound the loop over them tests: a
        // token never steps over a quotation's start, so no token needs its own test for
        // one. (A word is read from the whole text: its sixteen-byte load may run past.)
        let before_region = &bytes[..next_region];
        while i < before_region.len() {
            // The length of the word's first character, once the first byte says a word starts.
            let (first_len, capital) = match LEAD[usize::from(before_region[i])] {
                Lead::Skip => {
                    i += 1;
                    continue;
                }
                Lead::Mark(kind) => {
                    out.push(Tok {
                        span: Span::new(i, i + 1),
                        kind,
                        lex: Lex::default(),
                    });
                    // Past the space after the mark too, if one follows (as after most
                    // commas and full stops): passed over as its own byte, it cost the loop
                    // another turn and the table's dispatch another guess.
                    i += 1 + usize::from(before_region.get(i + 1) == Some(&b' '));
                    continue;
                }
                lead @ (Lead::Word | Lead::ModalCapital) => {
                    let capital = matches!(lead, Lead::ModalCapital);
                    if let Some((end, lex, after)) = short_plain_word(bytes, i, next_region) {
                        if capital && may_be_name_modal(lex, end - i) {
                            first_modal = first_modal.min(out.len());
                        }
                        out.push(Tok {
                            span: Span::new(i, end),
                            kind: TokKind::Word,
                            lex: lex.plain(),
                        });
                        // Past the space after the word, if one follows (most words), at once.
                        i = end + usize::from(after == b' ');
                        continue;
                    }
                    (1, capital)
                }
                Lead::Wide => {
                    let c = char_at(text, i);
                    let len = c.len_utf8();
                    if !is_word_char(c) {
                        let kind = match c {
                            '—' | '–' | '―' | '‒' => Some(TokKind::Dash),
                            '…' => Some(TokKind::Stop),
                            _ => None,
                        };
                        if let Some(kind) = kind {
                            out.push(Tok {
                                span: Span::new(i, i + len),
                                kind,
                                lex: Lex::default(),
                            });
                        }
                        i += len;
                        continue;
                    }
                    (len, false)
                }
            };
            let (j, lex) = full_word(text, i, first_len, next_region);
            if capital && may_be_name_modal(lex, j - i) {
                first_modal = first_modal.min(out.len());
            }
            out.push(Tok {
                span: Span::new(i, j),
                kind: TokKind::Word,
                lex,
            });
            i = if j < next_region && bytes[j] == b' ' {
                j + 1
            } else {
                j
            };
        }
        if i >= span.end {
            break;
        }
        // At a quotation: one token for all of it.
        let end = regions[r].outer.end.min(span.end);
        out.push(Tok {
            span: Span::new(i, end),
            kind: TokKind::Quote(u32::try_from(r).expect("under 4 billion quotations")),
            lex: Lex::default(),
        });
        i = end.max(i + 1);
        next_region = region_after(&mut r, i);
    }
    if first_modal != usize::MAX {
        // (From the token before it, which the rule reads too.)
        mark_name_function_words(
            &mut out[first_modal.saturating_sub(1).max(first_tok)..],
            text,
        );
    }
}

/// The word that starts at byte `i`, its first character `first_len` bytes long, read a
/// character at a time up to `next_region` (where a quotation starts or the sentence ends):
/// its end and its lexicon entry. These are the words [`short_plain_word`] leaves, one in
/// fifteen. (Never inlined: inside the tokenizer's loop its many live values cost every
/// word spilled registers, more than the call costs these words.)
#[inline(never)]
fn full_word(text: &str, i: usize, first_len: usize, next_region: usize) -> (usize, Lex) {
    let bytes = text.as_bytes();
    let mut j = i + first_len;
    // A word of ASCII letters and digits, with `-` or `&` inside it, is its own lexicon
    // key once lowercased; any other word is normalised first.
    let mut plain = first_len == 1;
    while j < next_region {
        // Letters and digits of plain ASCII, most of any word, without decoding.
        j = ascii_alphanumeric_end(bytes, j, next_region);
        // A space or other ASCII mark that joins nothing ends most words.
        if j == next_region || (bytes[j] < 0x80 && !matches!(bytes[j], b'\'' | b'-' | b'.' | b'&'))
        {
            break;
        }
        let d = char_at(text, j);
        if is_word_char(d) || is_combining_mark(d) || mojibake_tail(text, j, d) {
            j += d.len_utf8();
        } else if is_inner_joiner(d) {
            let after = text[j + d.len_utf8()..].chars().next();
            if j + d.len_utf8() < next_region && after.is_some_and(is_word_char) {
                j += d.len_utf8();
                // A hyphen or ampersand stays in the normal form; an apostrophe or
                // a dot need the full normalising.
                if matches!(d, '-' | '&') {
                    continue;
                }
            } else {
                break;
            }
        } else {
            break;
        }
        plain = false;
    }
    // A plain word's entry, looked up before its dot is weighed: the entry says
    // whether it abbreviates, and the word with its dot has the same normal form.
    let plain_lex = plain.then(|| lexicon::lookup_plain(bytes, i, j));
    // "Sen.", "Mr.", "U.S.", "R." keep their dot: it is part of the word, and so is a
    // hyphenated tail ("U.S.-led").
    let mut lex_holds = true;
    if j < next_region
        && bytes[j] == b'.'
        && match plain_lex {
            Some(lex) => plain_keeps_dot(&text[i..j], lex),
            None => keeps_dot(&text[i..j]),
        }
    {
        plain = false;
        j += 1;
        if j + 1 < next_region && bytes[j] == b'-' && bytes[j + 1].is_ascii_alphanumeric() {
            j += 1;
            while j < next_region && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'-') {
                j += 1;
            }
            lex_holds = false;
        }
    }
    let lex = match plain_lex {
        Some(lex) if plain => lex.plain(),
        _ if j == i + 2 && bytes[i].is_ascii_uppercase() => {
            // "Roberta A. Kaplan", "Harry S. Truman": a capital with its dot is a
            // middle initial inside a name, not the article or pronoun it spells.
            Lex::default()
        }
        Some(lex) if lex_holds => lex,
        _ => lexicon::lookup_raw(&text[i..j]),
    };
    (j, lex)
}

/// True when a word that begins with a capital of [`NAME_MODALS`], and whose entry and length
/// are `lex` and `len`, may be one of them for [`mark_name_function_words`]: a function word
/// of three to five bytes, as the rule asks first. Its entry answers when the word is read,
/// so the rule walks only the sentences holding such a word, not every one holding a word
/// that begins with "M", "W" or "R" ("Moscow", "Russia").
fn may_be_name_modal(lex: Lex, len: usize) -> bool {
    lex.is(lexicon::Class::FunctionWord) && (3..=5).contains(&len)
}

/// A capitalised "Will", "May", "Watch" or "Read" inside a sentence is a name word, not the
/// modal or the verb, after another name word ("George Will", "Theresa May", "Human Rights
/// Watch") or between a quotation or comma and a lowercase verb ("“…,” Will wrote"): a modal that
/// opens a sentence is capitalised, but one inside a sentence is not. Without this the
/// function word cut the name short or left the cue without its subject. (Never inlined: few
/// sentences need it, and its word tests inlined into the tokenizer's loop slowed every
/// word.)
#[inline(never)]
fn mark_name_function_words(toks: &mut [Tok], text: &str) {
    for k in 1..toks.len() {
        let t = &toks[k];
        // (The tests that need no look at the text first, the class bit before all: this
        // runs for every token, and a token that is no word has no class.)
        if !may_be_name_modal(t.lex, t.span.len())
            || !t.is_word()
            || !t.is_capitalized(text)
            || !t.norm_is_one_of(text, &NAME_MODALS)
        {
            continue;
        }
        let prev = &toks[k - 1];
        let pw = prev.span.of(text);
        let after_name = prev.kind == TokKind::Word
            && is_capitalized(pw)
            && !prev.lex.is(lexicon::Class::FunctionWord)
            && !prev.lex.is(lexicon::Class::Title);
        let before_verb = matches!(prev.kind, TokKind::Quote(_) | TokKind::Comma)
            && toks.get(k + 1).is_some_and(|n| {
                n.kind == TokKind::Word && !n.is_capitalized(text) && n.lex.is_cue()
            });
        if after_name || before_verb {
            toks[k].lex = toks[k].lex.in_name();
        }
    }
}

/// [`keeps_dot`] of a word of ASCII letters, digits, `-` and `&`, whose lexicon entry is
/// `lex`: its normal form is its lowercase, so the entry says whether it abbreviates.
fn plain_keeps_dot(word: &str, lex: Lex) -> bool {
    let single_capital = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
    single_capital
        || (lex.is(lexicon::Class::Abbreviation)
            && !super::sentences::is_abbreviation_exception(word))
}

/// True when a period after `word` abbreviates rather than ends: titles, initials, acronyms.
fn keeps_dot(word: &str) -> bool {
    let single_capital = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
    single_capital
        || word.contains('.')
        || (word.is_ascii() && super::sentences::is_abbreviation(&norm(word)))
}

/// A word lowercased, with a trailing possessive (`'s`, `’s`, `'`) and dots removed, for
/// lexicon lookups on any token.
pub fn norm(word: &str) -> Norm {
    let w = strip_possessive(word);
    // Copied, lowercased and checked for ASCII and dots in one pass over the word's own
    // bytes: most words are a few bytes long, and a pass for each, or over the whole
    // buffer, cost more than the word did.
    let mut buf = [0u8; NORM_BUFFER];
    let mut has_dot = false;
    let mut ascii = true;
    if w.len() <= NORM_INLINE {
        for (to, &b) in buf.iter_mut().zip(w.as_bytes()) {
            *to = b.to_ascii_lowercase();
            has_dot |= b == b'.';
            ascii &= b.is_ascii();
        }
    }
    if w.len() <= NORM_INLINE && ascii {
        let mut len = w.len();
        if has_dot {
            len = 0;
            for k in 0..w.len() {
                buf[len] = buf[k];
                len += usize::from(buf[k] != b'.');
            }
            buf[len..].fill(0);
        }
        return Norm(Form::Inline(buf, len as u8));
    }
    Norm(Form::Heap(normal_chars(w).collect()))
}

/// The characters of a word's normal form ([`norm`]), its possessive already stripped:
/// its own, without dots, lowercased. (The lexicon writes a key from them too, see
/// [`lexicon::lookup_raw`].)
pub fn normal_chars(bare: &str) -> impl Iterator<Item = char> + '_ {
    bare.chars()
        .filter(|&c| c != '.')
        .flat_map(char::to_lowercase)
}

/// True when the normal form of `word` ([`norm`]) is one of `forms` (a few lowercase
/// words), read without building it when the word is plain ASCII without dots (its normal
/// form is then its lowercase): the rules ask this of many tokens, and building the form
/// cost more than comparing it. Nor is it built for a word with a character past ASCII
/// ("don’t") when every form is ASCII: such a character lowercases past ASCII (but the
/// kelvin sign, to "k"), so no form can match, and the form of such a word was a string on
/// the heap.
pub fn norm_is_one_of(word: &str, forms: &[&str]) -> bool {
    debug_assert!(
        forms
            .iter()
            .all(|f| !f.bytes().any(|b| b.is_ascii_uppercase()))
    );
    let w = strip_possessive(word);
    if w.bytes().all(|b| b.is_ascii() && b != b'.') {
        forms.iter().any(|f| w.eq_ignore_ascii_case(f))
    } else if !w.is_ascii() && !w.contains(KELVIN) && forms.iter().all(|f| f.is_ascii()) {
        false
    } else {
        forms.contains(&norm(word).as_str())
    }
}

/// The one character past ASCII whose lowercase is ASCII ("k").
const KELVIN: char = '\u{212A}';

/// Words up to this many bytes are normalised on the stack.
const NORM_INLINE: usize = 30;

/// The stack buffer, with room for [`NORM_INLINE`] bytes.
const NORM_BUFFER: usize = 32;

/// A normalised word: on the stack for the usual short ASCII word, so the lookups done for
/// every token of a briefing allocate nothing. Only this module builds one, and an inline
/// form only of ASCII bytes, so reading it back needs no check of its bytes: the rules read
/// normal forms over and over, and checking them each time cost a hundredth of extraction.
#[derive(Debug, Clone)]
pub struct Norm(Form);

/// Where a [`Norm`] keeps its word.
#[derive(Debug, Clone)]
enum Form {
    /// ASCII bytes (zero past the word) and their length.
    Inline([u8; NORM_BUFFER], u8),
    /// Anything longer or non-ASCII.
    Heap(String),
}

impl Norm {
    /// The word.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Form::Inline(buf, len) => {
                let bytes = &buf[..usize::from(*len)];
                debug_assert!(bytes.is_ascii());
                // SAFETY: an inline form holds only ASCII bytes (both places that build
                // one check), and ASCII is valid UTF-8.
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
            Form::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Norm {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Norm {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a look back of at most `reach` bytes before byte `at` of `text` starts: the first
/// character boundary at or after `at - reach`, so the rules that read a few sentences back
/// stay bounded and never cut a character.
pub fn start_within(text: &str, at: usize, reach: usize) -> usize {
    let mut from = at.saturating_sub(reach);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// True when bytes `at..end` of `text` hold a whole word: no letter or digit touches either
/// end ("audience" in "the audience," but not in "audiences").
pub fn is_whole_word(text: &str, at: usize, end: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// The word without a possessive ending (`'s`, `’s`, or trailing apostrophes).
#[inline]
pub fn strip_possessive(word: &str) -> &str {
    const CURLY: &[u8] = "’".as_bytes();
    let b = word.as_bytes();
    let n = b.len();
    if n >= 2 && matches!(b[n - 1], b's' | b'S') {
        if b[n - 2] == b'\'' {
            return &word[..n - 2];
        }
        if n >= 4 && &b[n - 4..n - 1] == CURLY {
            return &word[..n - 4];
        }
    }
    if matches!(b.last(), Some(b'\'') | Some(&0x99)) {
        word.trim_end_matches(['\'', '’'])
    } else {
        word
    }
}

/// True when the word ends in a possessive.
pub fn is_possessive(word: &str) -> bool {
    strip_possessive(word).len() != word.len()
}

/// True when a word begins with an upper-case letter (or is an all-caps acronym), or is an
/// Arabic name written with its article in lower case ("al-Baghdadi", "el-Sissi").
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) || is_particle_name(word.as_bytes())
}

/// "al-Adnani said", "President el-Sissi told": an Arabic surname keeps its article in
/// lower case, yet names a person as much as a capitalised word does. Only the two common
/// spellings, before a capital: "al-" and "el-".
fn is_particle_name(word: &[u8]) -> bool {
    matches!(word, [b'a' | b'e', b'l', b'-', c, ..] if c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A look back starts on a character boundary, never before the text, and a whole word
    /// is one no letter or digit touches, in any script.
    #[test]
    fn a_look_back_starts_on_a_boundary_and_whole_words_stand_alone() {
        let text = "né audience, audiences";
        assert_eq!(start_within(text, 4, 2), 3, "inside é: moved past it");
        assert_eq!(start_within(text, 4, 40), 0);
        assert!(is_whole_word(text, 4, 12), "“audience,”");
        assert!(!is_whole_word(text, 14, 22), "the start of “audiences”");
        assert!(
            !is_whole_word("éaudience", 2, 10),
            "a letter past ASCII touches it"
        );
        assert!(is_whole_word("audience", 0, 8));
    }

    /// A plural possessive ends its word even where its apostrophe stands after it, curly
    /// or straight; a word in -s before a closing quote mark after a blank does not.
    #[test]
    fn a_plural_possessive_ends_its_word_past_the_apostrophe() {
        let text = "Fox News’ Jan, the Times' Ada, Roe's aide, the cats ’ and News said";
        let mut toks = Vec::new();
        tokenize(&mut toks, text, Span::new(0, text.len()), &[], 0);
        let ends = |word: &str| {
            toks.iter()
                .filter(|t| t.span.of(text) == word)
                .map(|t| t.ends_possessive(text))
                .collect::<Vec<_>>()
        };
        assert_eq!(ends("News"), vec![true, false]);
        assert_eq!(ends("Times"), vec![true]);
        assert_eq!(ends("Roe's"), vec![true]);
        assert_eq!(ends("cats"), vec![false]);
        assert_eq!(ends("Jan"), vec![false]);
    }

    /// "al-Baghdadi" starts a name as "Baghdadi" does; "also", "el", "al-" alone do not.
    #[test]
    fn an_arabic_article_before_a_capital_is_capitalised() {
        for (word, want) in [
            ("al-Baghdadi", true),
            ("el-Sissi", true),
            ("Al-Nusra", true),
            ("also", false),
            ("al-", false),
            ("al-qaeda", false),
            ("el", false),
            ("ale-House", false),
        ] {
            assert_eq!(is_capitalized(word), want, "{word}");
            let mut toks = Vec::new();
            tokenize(&mut toks, word, Span::new(0, word.len()), &[], 0);
            assert_eq!(toks[0].is_capitalized(word), want, "token {word}");
        }
    }

    #[test]
    fn normal_forms_lowercase_and_drop_dots_and_possessives() {
        // Every ASCII byte, in every lane of the 8-byte word.
        let all: String = (0u8..0x80).map(char::from).filter(|&c| c != '.').collect();
        for piece in all.as_bytes().chunks(NORM_INLINE) {
            let piece = std::str::from_utf8(piece).expect("ASCII");
            let want = strip_possessive(piece).to_ascii_lowercase();
            assert_eq!(norm(piece).as_str(), want, "{piece:?}");
        }
        for (word, want) in [
            ("U.S.", "us"),
            ("Sen.", "sen"),
            ("Kerry's", "kerry"),
            ("SPOKESMAN’S", "spokesman"),
            ("Zürich", "zürich"),
            (
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ.A.B",
                "abcdefghijklmnopqrstuvwxyzab",
            ),
        ] {
            assert_eq!(norm(word).as_str(), want, "{word}");
        }
    }

    #[test]
    fn alphanumeric_runs_end_where_the_byte_table_ends_them() {
        // Every byte value in every lane of the eight-byte step.
        for byte in 0..=255u8 {
            for at in 0..9 {
                let mut bytes = vec![b'a'; 12];
                if at < bytes.len() {
                    bytes[at] = byte;
                }
                let by_table = bytes
                    .iter()
                    .position(|&b| !ASCII_ALPHANUMERIC[usize::from(b)])
                    .unwrap_or(bytes.len());
                assert_eq!(
                    ascii_alphanumeric_end(&bytes, 0, bytes.len()),
                    by_table,
                    "{byte:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn sixteen_bytes_are_tested_as_the_byte_table_tests_them() {
        // Every byte value in every lane, the other lanes letters or marks.
        for byte in 0..=255u8 {
            for lane in 0..16 {
                for fill in [b'a', b' '] {
                    let mut sixteen = [fill; 16];
                    sixteen[lane] = byte;
                    assert_eq!(
                        not_ascii_alphanumeric16(&sixteen),
                        not_ascii_alphanumeric16_by_table(&sixteen),
                        "{byte:#x} in lane {lane}"
                    );
                }
            }
        }
    }

    /// The short-word reading gives what the lexicon gives the word as written, ends where a
    /// quotation or the sentence cuts it, and leaves words with a joining mark, a dot or a
    /// character past ASCII after them to the tokenizer's full reading.
    #[test]
    fn short_plain_words_read_as_any_word_is() {
        let letters = "SpokesmanX7officialsQ";
        for len in 1..=17 {
            let word = &letters[..len];
            for after in [" ", ",", ":", ")", "\n", ".", "-", "'", "’", "&", "é"] {
                let text = format!("{word}{after} and more than sixteen bytes after it");
                let bytes = text.as_bytes();
                let read = short_plain_word(bytes, 0, text.len());
                // (A dot ends the word unless it abbreviates: see [`plain_keeps_dot`].)
                let stops = after == "."
                    && len > 1
                    && !lexicon::lookup_raw(word).is(lexicon::Class::Abbreviation);
                let short = len <= 15 && ([" ", ",", ":", ")", "\n"].contains(&after) || stops);
                assert_eq!(read.is_some(), short, "{text:?}");
                if let Some((end, lex, next)) = read {
                    assert_eq!((end, next), (len, after.as_bytes()[0]), "{text:?}");
                    assert_eq!(lex, lexicon::lookup_raw(word), "{text:?}");
                }
                // Cut short: read so whenever the run in the text is short.
                for stop in 1..=len {
                    let read = short_plain_word(bytes, 0, stop);
                    assert_eq!(read.is_some(), len <= 15, "{text:?} {stop}");
                    if let Some((end, lex, next)) = read {
                        assert_eq!((end, next), (stop, 0), "{text:?} {stop}");
                        assert_eq!(lex, lexicon::lookup_raw(&word[..stop]), "{text:?}");
                    }
                }
            }
            // Too near the end of the text to load: the full reading.
            assert_eq!(short_plain_word(word.as_bytes(), 0, len), None, "{word}");
        }
        // The word before a sentence's full stop is read here, as the full reading reads it;
        // an abbreviation (even one that ends sentences as often as not, "etc."), an initial,
        // a dot inside a word, or one before a character past ASCII (which may be a letter)
        // are left to the full reading.
        for (t, short) in [
            ("said. More than sixteen bytes after it", true),
            ("said.) More than sixteen bytes after it", true),
            ("said.” More than sixteen bytes after it", false),
            ("Sen. Roe and more than sixteen bytes", false),
            ("etc. and more than sixteen bytes after", false),
            ("U.S. and more than sixteen bytes after", false),
            ("A. Smith and more than sixteen bytes", false),
            ("said.é and more than sixteen bytes", false),
            ("said.x and more than sixteen bytes", false),
        ] {
            let read = short_plain_word(t.as_bytes(), 0, t.len());
            assert_eq!(read.is_some(), short, "{t}");
            if let Some((end, lex, _)) = read {
                assert_eq!(full_word(t, 0, 1, t.len()), (end, lex.plain()), "{t}");
            }
        }
        let said = "Said it, more than sixteen bytes";
        let (_, lex, _) = short_plain_word(said.as_bytes(), 0, said.len()).expect("short");
        assert_eq!(lex.cue(), Some(lexicon::Cue::Speech));
        assert!(lexicon::lookup_raw("Spokesman").is(lexicon::Class::PersonRole));
    }

    /// What [`norm_is_one_of`] relies on to answer a word with a character past ASCII
    /// without normalising it.
    #[test]
    fn only_the_kelvin_sign_lowercases_to_ascii() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(c.to_lowercase().all(|l| l.is_ascii()), c == KELVIN, "{c:?}");
        }
        assert!(norm_is_one_of("\u{212A}im", &["kim"]));
        assert!(!norm_is_one_of("Kim’s", &["kim’"]));
        assert!(norm_is_one_of("Zürich", &["zürich"]));
        assert!(!norm_is_one_of("Zürich", &["zurich"]));
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in GENERAL_PUNCTUATION {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn plain_words_answer_word_tests_as_their_normal_form_does() {
        let t = "Mr. Ryan’s AT&T-led U.S. team, Sen. McCain's aides, A. Smith and NO ONE said no. \
                 Von der Leyen met al-Assad in Zürich: “We WILL,” May said, etc.";
        let mut toks = Vec::new();
        tokenize(&mut toks, t, Span::new(0, t.len()), &[], 0);
        let forms = [
            "mr", "ryan", "at&t-led", "us", "team", "sen", "mccain", "aides", "a", "smith", "no",
            "one", "said", "von", "al-assad", "zürich", "we", "will", "may", "etc", "the",
        ];
        let mut plain = 0;
        for tok in toks.iter().filter(|k| k.is_word()) {
            let word = tok.span.of(t);
            plain += usize::from(tok.lex.is_plain());
            assert_eq!(tok.norm(t).as_str(), norm(word).as_str(), "{word}");
            assert_eq!(tok.is_possessive(t), is_possessive(word), "{word}");
            for form in forms {
                assert_eq!(
                    tok.norm_is_one_of(t, &[form]),
                    norm_is_one_of(word, &[form]),
                    "{word} {form}"
                );
            }
            // A word's entry is its normal form's, whether or not it keeps its dot (read
            // as in a name, as "May" here is).
            let entry = lexicon::lookup(&norm(word)).in_name();
            if !(word.len() == 2 && word.ends_with('.')) {
                let want = if tok.lex.is_plain() {
                    entry.plain()
                } else {
                    entry
                };
                assert_eq!(tok.lex.in_name(), want, "{word}");
            }
        }
        assert!(plain > 10, "{plain} plain words");
    }

    #[test]
    fn a_plain_word_keeps_its_dot_as_any_word_does() {
        for word in [
            "Mr", "Sen", "Gen", "Corp", "A", "a", "No", "NO", "etc", "Etc", "Co", "est",
        ] {
            let lex = lexicon::lookup_plain(word.as_bytes(), 0, word.len());
            assert_eq!(plain_keeps_dot(word, lex), keeps_dot(word), "{word}");
        }
    }

    /// A capitalised "Will", "May", "Watch" or "Read" after a name word, or between a comma and
    /// a cue, is a name word wherever it stands in the sentence; one that opens the sentence,
    /// or follows a lowercase word, stays the function word.
    #[test]
    fn capitalised_modals_inside_names_are_name_words() {
        for (t, want) in [
            ("They saw that Lee met Theresa May today.", &[][..]),
            ("They saw that Lee met Ann Read today.", &[]),
            ("They saw that Lee met Jo Will today.", &[]),
            ("They saw that Lee met Judicial Watch today.", &[]),
            ("“It is late,” Will said.", &[]),
            ("May we ask what she will read?", &["May", "will", "read"]),
        ] {
            let mut toks = Vec::new();
            tokenize(&mut toks, t, Span::new(0, t.len()), &[], 0);
            let function_words: Vec<&str> = toks
                .iter()
                .filter(|k| k.lex.is(lexicon::Class::FunctionWord))
                .map(|k| k.span.of(t))
                .filter(|w| ["May", "Read", "Will", "Watch", "will", "read"].contains(w))
                .collect();
            assert_eq!(function_words, want, "{t}");
        }
    }

    #[test]
    fn quotations_collapse_and_words_keep_inner_marks() {
        let t = "Russia’s U.S.-led plan, “quoted words,” he said.";
        let regions = super::super::quotes::find(t, &[Span::new(0, t.len())]);
        let mut toks = Vec::new();
        tokenize(&mut toks, t, Span::new(0, t.len()), &regions, 0);
        let shown: Vec<String> = toks
            .iter()
            .map(|k| match k.kind {
                TokKind::Quote(_) => "Q".into(),
                _ => k.span.of(t).to_string(),
            })
            .collect();
        assert_eq!(
            shown,
            ["Russia’s", "U.S.-led", "plan", ",", "Q", "he", "said", "."]
        );
    }
}
