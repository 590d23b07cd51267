//! Sentence boundaries inside a paragraph.
//!
//! A period ends a sentence unless it closes a known abbreviation (U.S., Sen., Gen., Lt. Col.,
//! Mr., an initial) or the next word starts in lower case (`“…,” he said.` continues after a
//! quoted full stop).

use super::lexicon::{self, Class};
use crate::briefing::Span;
use memchr::{memchr, memchr3};

/// True for a lowercased word that is an abbreviation when followed by a period.
pub fn is_abbreviation(word: &str) -> bool {
    lexicon::lookup(word).is(Class::Abbreviation) && !is_abbreviation_exception(word)
}

/// The listed abbreviations that are ordinary words far more often ("no", "am", "co"), or
/// end a sentence as often as not ("etc"), in any case: their dot ends a sentence.
pub fn is_abbreviation_exception(word: &str) -> bool {
    ["no", "am", "pm", "etc", "co", "est"]
        .iter()
        .any(|e| word.eq_ignore_ascii_case(e))
}

/// Words that, after a dotted abbreviation like "U.S.", show that a new sentence began.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "This",
    "That",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "On",
    "At",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Some",
    "Many",
    "Officials",
    "However",
    "Meanwhile",
    "Earlier",
    "Later",
];

/// Splits `para` (a paragraph span of `text`) into sentence spans, trimmed of whitespace,
/// appended to `out`: one buffer for a briefing's sentences, where a vector for each
/// paragraph cost an allocation, its growth and a copy.
pub fn split(text: &str, para: Span, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut start = para.start;
    // Whether a double quote mark stands inside the sentence so far, past its first character,
    // read up to `marks_from` (each stretch once, so splitting stays linear), only when a
    // quoted full stop asks.
    let mut closed_before = false;
    let mut marks_from = start;
    let mut i = para.start;
    let mut next_ellipsis = None;
    while i < para.end {
        // Jump to the next `.`, `!`, `?` or `…`.
        if next_ellipsis.is_none_or(|e| e < i) {
            next_ellipsis = Some(find_ellipsis(bytes, i, para.end));
        }
        let mark = memchr3(b'.', b'!', b'?', &bytes[i..para.end]).map_or(para.end, |k| i + k);
        i = mark.min(next_ellipsis.unwrap_or(para.end));
        if i >= para.end {
            break;
        }
        let b = bytes[i];
        let is_ellipsis = b == 0xE2;
        let mark_len = if is_ellipsis { '…'.len_utf8() } else { 1 };
        // Swallow runs of terminal punctuation and any closing quotes or brackets.
        let mut j = i + mark_len;
        while j < para.end {
            let c = text[j..].chars().next().unwrap_or(' ');
            if matches!(
                c,
                '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | ']' | '…'
            ) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        if j >= para.end {
            break;
        }
        let next_char = text[j..].chars().next().unwrap_or(' ');
        if !crate::briefing::is_blank_char(next_char) {
            if j == i + 1 && b == b'.' && space_left_out(text, start, i) {
                out.push(Span::new(start, j));
                start = j;
                marks_from = start;
                closed_before = false;
            }
            i = j.max(i + 1);
            continue;
        }
        // Next word after the whitespace.
        let after_ws = j + text[j..para.end]
            .find(|c: char| !crate::briefing::is_blank_char(c))
            .unwrap_or(para.end - j);
        if after_ws >= para.end {
            break;
        }
        if b == b'.' && !is_ellipsis && !ends_sentence_at(text, para.start, i, after_ws) {
            i = j;
            continue;
        }
        let first = text[after_ws..].chars().next().unwrap_or(' ');
        // A quoted full stop is followed by its attribution ("“It was bad.” Roe said.") only
        // when the quotation opens the sentence: after "Roe called Doe a “liar.”" the
        // quotation has its speaker, and "Poe said …" opens the next sentence. So it is after
        // "“…,” Roe said, adding that “….”": the quotation closing here is not the one that
        // opened the sentence, which closed before it.
        // (The marks are read only when the answer depends on them: rarely.)
        let closes_quote = text[i..j].contains(['"', '”', '\''])
            && (b != b'.'
                || (text[start..i].starts_with(['"', '“', '\'']) && {
                    let open = text[start..i].chars().next().map_or(1, char::len_utf8);
                    if marks_from < i {
                        closed_before |= has_double_mark(&text[marks_from.max(start + open)..i]);
                        marks_from = i;
                    }
                    !closed_before
                }));
        let look = text.floor_char_boundary((after_ws + 120).min(para.end));
        if first.is_lowercase()
            || (closes_quote && attribution_follows(&text[after_ws..look], b != b'.'))
        {
            i = j;
            continue;
        }
        out.push(Span::new(start, j));
        start = after_ws;
        i = after_ws;
        marks_from = start;
        closed_before = false;
    }
    if start < para.end {
        out.push(Span::new(start, para.end));
    }
}

/// True when the full stop at `dot` ends a sentence whose writer left out the space after
/// it ("… North Korea,” Trump said.Trump claimed that …"): a lowercase word of two letters
/// or more stands before it, and a capitalised word of lowercase letters after it. A web
/// address ("example.Com/page", "share#sthash.Ksrlg") or an abbreviation ("e.g.") holds
/// other marks or shorter pieces.
fn space_left_out(text: &str, floor: usize, dot: usize) -> bool {
    let bytes = text.as_bytes();
    // (Asked of every full stop with no blank after it, "U.S." and "3.5" among them: the
    // bytes either side of it answer most before the words are read.)
    if dot == 0
        || !bytes[dot - 1].is_ascii_lowercase()
        || !bytes.get(dot + 1).is_some_and(u8::is_ascii_uppercase)
    {
        return false;
    }
    let before = bytes[floor.max(dot.saturating_sub(40))..dot]
        .iter()
        .rev()
        .take_while(|b| !b.is_ascii_whitespace())
        .count();
    let word = &bytes[dot - before..dot];
    let after = bytes[dot + 1..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let next = &bytes[dot + 1..dot + 1 + after];
    word.len() >= 2
        && word.iter().all(u8::is_ascii_lowercase)
        && next.len() >= 2
        && next[0].is_ascii_uppercase()
        && next[1..].iter().all(u8::is_ascii_lowercase)
        && bytes
            .get(dot + 1 + after)
            .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b',' | b'.'))
}

/// Where the first "…" that lies wholly in `bytes[from..end]` starts, or `end`. Found by its
/// last byte, which only a few letters past ASCII share: a search for the whole character
/// cost each paragraph the setup of a prefilter, several times the search itself.
fn find_ellipsis(bytes: &[u8], from: usize, end: usize) -> usize {
    const ELLIPSIS: &[u8] = "…".as_bytes();
    let mut k = from + ELLIPSIS.len() - 1;
    while k < end {
        let Some(at) = memchr(ELLIPSIS[2], &bytes[k..end]) else {
            break;
        };
        let start = k + at + 1 - ELLIPSIS.len();
        if bytes[start..start + 2] == ELLIPSIS[..2] {
            return start;
        }
        k += at + 1;
    }
    end
}

/// True when `s` holds a double quote mark, or the two apostrophes some papers write for one.
fn has_double_mark(s: &str) -> bool {
    s.contains(['"', '“', '”']) || s.contains("''")
}

/// True when the words after a closing quote attribute it ("…?” Sanders said."), so the
/// quotation and its speaker stay one sentence. After a question or an exclamation, which
/// cannot end in a comma, a title's period may stand in the subject too ("…?” Mr. Trump
/// asked."); after a period, "Mr. Zahed said: …" opens the next quotation instead.
fn attribution_follows(rest: &str, titles: bool) -> bool {
    if titles && name_then_past_tense(rest) {
        return true;
    }
    for word in rest.split_whitespace().take(5) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if bare.is_ascii()
            && lexicon::cue(&super::tokens::norm(bare))
                .is_some_and(|c| c != lexicon::Cue::QuoteOnly)
            && !bare.starts_with(char::is_uppercase)
        {
            return true;
        }
        // A title's period ("Mr.", "Sen.") stays inside the subject.
        let abbreviation = titles
            && word.len() == bare.len() + 1
            && word.ends_with('.')
            && bare.starts_with(char::is_uppercase)
            && is_abbreviation(&super::tokens::norm(bare));
        if bare.len() != word.len() && !abbreviation {
            // punctuation before any cue: a new sentence after all, unless a name with a
            // description set off by commas comes first ("…?” Miller, a retired worker,
            // said.")
            return titles && appositive_then_cue(rest);
        }
    }
    false
}

/// True when `rest` opens with a capitalised name of a word or two, then a past tense that
/// ends the clause, with its particle when the lexicon knows it as an irregular verb ("…?”
/// Hannity pressed.", "…!” Roe interjected, …", "…?” Trump went on, …"): how the name spoke
/// the question or exclamation, though the verb is no cue.
fn name_then_past_tense(rest: &str) -> bool {
    let mut names = 0;
    let mut words = rest.split_whitespace().take(4);
    while let Some(word) = words.next() {
        if word.starts_with(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        {
            names += 1;
            continue;
        }
        let bare = word.trim_end_matches(['.', ',']);
        let regular = bare.len() + 1 == word.len()
            && bare.len() > 4
            && bare.ends_with("ed")
            && bare.bytes().all(|b| b.is_ascii_lowercase());
        // "…?” Trump went on, …", "…!” Roe shot back.": an irregular past tense, then the
        // particle that ends the clause.
        let irregular = bare == word
            && lexicon::lookup(word).is(Class::IrregularVerb)
            && words.next().is_some_and(|particle| {
                let bare = particle.trim_end_matches(['.', ',']);
                bare.len() + 1 == particle.len()
                    && matches!(bare, "on" | "back" | "up" | "in" | "out")
            });
        return (1..=2).contains(&names) && (regular || irregular);
    }
    false
}

/// True when `rest` opens with a capitalised name, then a description between commas, then a
/// cue ("Miller, a retired worker from a nuclear plant, said", "Rep. Glenn Thompson, R-Pa.,
/// said").
fn appositive_then_cue(rest: &str) -> bool {
    let mut words = rest.split_whitespace().take(16);
    // The name: capitalised words, the last one ending in the comma.
    loop {
        let Some(word) = words.next() else {
            return false;
        };
        if !word.starts_with(char::is_uppercase) {
            return false;
        }
        if word.ends_with(',') {
            break;
        }
        let title = word.strip_suffix('.').is_some_and(|bare| {
            bare.bytes().all(|b| b.is_ascii_alphabetic())
                && is_abbreviation(&super::tokens::norm(bare))
        });
        if !title
            && !word
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
        {
            return false;
        }
    }
    // The description, up to its closing comma; then the cue.
    let mut described = false;
    for word in words.by_ref() {
        if word.ends_with(',') {
            described = true;
            break;
        }
        if word.ends_with(['.', '!', '?', ';', ':']) {
            return false;
        }
    }
    described
        && words.next().is_some_and(|word| {
            let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            bare.is_ascii()
                && !bare.starts_with(char::is_uppercase)
                && lexicon::cue(&super::tokens::norm(bare))
                    .is_some_and(|c| c != lexicon::Cue::QuoteOnly)
        })
}

/// Where the last word of `before` starts: after its last space, opening bracket or opening
/// quote mark. Read back a byte at a time over ASCII, which a table answers, and a
/// character at a time past it: the period of every sentence asks, and decoding each
/// character back cost more than the test.
fn word_start(before: &str) -> usize {
    let bytes = before.as_bytes();
    let mut k = bytes.len();
    while k > 0 {
        let b = bytes[k - 1];
        if b.is_ascii() {
            if WORD_BOUNDARY[usize::from(b)] {
                return k;
            }
            k -= 1;
        } else {
            let c = before[..k].chars().next_back().unwrap_or(' ');
            if c.is_whitespace() || matches!(c, '“' | '‘') {
                return k;
            }
            k -= c.len_utf8();
        }
    }
    0
}

/// The ASCII bytes that [`word_start`] stops at: white space, `(` and the straight quote
/// marks.
static WORD_BOUNDARY: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8 as char).is_whitespace() || matches!(b as u8, b'(' | b'"' | b'\'');
        b += 1;
    }
    table
};

/// The letters and digits `s` opens with. Read a byte at a time while they are ASCII, where
/// decoding each character and asking the Unicode tables of it (the opening quote mark of
/// a quoted sentence) cost more than the rest of the test of a period.
fn first_word(s: &str) -> &str {
    let ascii = s
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(s.len());
    if s.as_bytes().get(ascii).is_some_and(|b| !b.is_ascii()) {
        s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("")
    } else {
        &s[..ascii]
    }
}

/// Decides whether the period at `dot` ends a sentence, given where the next word starts.
fn ends_sentence_at(text: &str, floor: usize, dot: usize, next: usize) -> bool {
    let before = &text[text.floor_char_boundary(floor.max(dot.saturating_sub(40)))..dot];
    let word = &before[word_start(before)..];
    if word.is_empty() {
        return true;
    }
    let next_word = first_word(&text[next..text.floor_char_boundary((next + 40).min(text.len()))]);
    // Dotted abbreviations (U.S., U.N., a.m.) and single initials (John F. Kennedy); a web
    // address ("… on UnitedGunGroup.com.") has a longer piece and ends its sentence.
    let dotted =
        word.as_bytes().contains(&b'.') && word.split('.').all(|piece| piece.chars().count() <= 3);
    let mut chars = word.chars();
    let single_letter = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    if dotted || single_letter {
        return SENTENCE_STARTERS.contains(&next_word) && !single_letter;
    }
    // (Most words start with a letter: the byte answers without decoding.)
    let bare = if word.as_bytes()[0].is_ascii_alphanumeric() {
        word
    } else {
        word.trim_start_matches(|c: char| !c.is_alphanumeric())
    };
    let abbreviation = bare.bytes().all(|b| b.is_ascii_alphanumeric())
        && lexicon::lookup_plain(bare.as_bytes(), 0, bare.len()).is(Class::Abbreviation);
    if abbreviation {
        // "No." only abbreviates before a number; "etc." often ends a sentence.
        if bare.eq_ignore_ascii_case("no") {
            return !next_word.starts_with(|c: char| c.is_ascii_digit());
        }
        return bare.eq_ignore_ascii_case("etc") && SENTENCE_STARTERS.contains(&next_word);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(t: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        split(t, Span::new(0, t.len()), &mut spans);
        spans.into_iter().map(|s| s.of(t)).collect()
    }

    /// A full stop with its space left out still ends a sentence between a lowercase word
    /// and a capitalised one; web addresses, abbreviations and dotted names keep theirs.
    #[test]
    fn a_full_stop_without_its_space_ends_a_sentence_between_words() {
        assert_eq!(
            sentences("“It is,” Roe said.Roe claimed that she knew."),
            ["“It is,” Roe said.", "Roe claimed that she knew."]
        );
        for whole in [
            "See share#sthash.Ksrlg2 for more.",
            "Go to example.Com/page now.",
            "He cited e.g.Smith here.",
            "The U.S.Army said so.",
            "It rose 3.5 points.",
        ] {
            assert_eq!(sentences(whole), [whole]);
        }
    }

    /// The last word before a period starts after white space of any kind, a bracket or an
    /// opening quote mark, as reading back a character at a time finds it.
    #[test]
    fn the_word_before_a_period_starts_after_space_brackets_and_quote_marks() {
        let by_chars = |s: &str| {
            s.rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '\''))
                .map_or(0, |k| k + s[k..].chars().next().map_or(1, char::len_utf8))
        };
        let marks = [
            " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{85}", "\u{a0}", "\u{2003}", "\u{3000}",
            "(", "\"", "'", "“", "‘", "”", "’", "[", "-", "é", "—", "",
        ];
        for a in marks {
            for b in marks {
                for word in ["Sen", "Zürich", "U.S", "x"] {
                    let s = format!("{a}said {b}{word}");
                    assert_eq!(word_start(&s), by_chars(&s), "{s:?}");
                }
            }
        }
    }

    /// The ellipsis is found where a search for the whole character finds it, past letters
    /// that share its last byte ("æ", "Ц") and halves cut by the range.
    #[test]
    fn an_ellipsis_is_found_by_its_last_byte_where_it_stands() {
        let t = "Bæ Ц… wait…… x…";
        let b = t.as_bytes();
        for from in 0..=b.len() {
            for end in from..=b.len() {
                let want =
                    memchr::memmem::find(&b[from..end], "…".as_bytes()).map_or(end, |k| from + k);
                assert_eq!(find_ellipsis(b, from, end), want, "{from}..{end}");
            }
        }
    }

    /// A sentence's first word is its letters and digits, past ASCII too, up to any other mark.
    #[test]
    fn the_first_word_ends_at_any_mark() {
        for (s, want) in [
            ("The end", "The"),
            ("Zürich is", "Zürich"),
            ("“The", ""),
            ("U.S. forces", "U"),
            ("Abc—def", "Abc"),
            ("A1", "A1"),
            ("", ""),
        ] {
            assert_eq!(first_word(s), want, "{s}");
        }
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("The U.S. military and Sen. John McCain met Lt. Col. Smith. He left."),
            vec![
                "The U.S. military and Sen. John McCain met Lt. Col. Smith.",
                "He left."
            ]
        );
        assert_eq!(
            sentences("Aid reached the U.S. The next day it rained."),
            vec!["Aid reached the U.S.", "The next day it rained."]
        );
        assert_eq!(
            sentences("It moved to ExampleGunSite.com. George Doe is selling it."),
            vec![
                "It moved to ExampleGunSite.com.",
                "George Doe is selling it."
            ]
        );
    }

    #[test]
    fn a_name_and_a_past_tense_after_a_question_keep_it() {
        assert_eq!(
            sentences("“Would it be negotiable?” Roe pressed. “Maybe.” “Why?” She left."),
            vec![
                "“Would it be negotiable?” Roe pressed.",
                "“Maybe.”",
                "“Why?”",
                "She left."
            ]
        );
    }

    #[test]
    fn a_quoted_stop_inside_a_reported_sentence_ends_it() {
        assert_eq!(
            sentences("Roe called Doe a “liar.” Poe said Doe “lies.”"),
            vec!["Roe called Doe a “liar.”", "Poe said Doe “lies.”"]
        );
    }

    #[test]
    fn a_quoted_stop_closing_a_later_quotation_ends_the_sentence() {
        assert_eq!(
            sentences("“It is new,” Roe said, adding that “it is late.” Poe agreed that it was."),
            vec![
                "“It is new,” Roe said, adding that “it is late.”",
                "Poe agreed that it was."
            ]
        );
        assert_eq!(
            sentences(
                "''It is new,'' Roe said, adding that ''it is late.'' Poe agreed that it was."
            ),
            vec![
                "''It is new,'' Roe said, adding that ''it is late.''",
                "Poe agreed that it was."
            ]
        );
    }

    #[test]
    fn quoted_stops_continue_into_attribution() {
        assert_eq!(
            sentences("“It was bad.” he said. “Really?” She left."),
            vec!["“It was bad.” he said.", "“Really?”", "She left."]
        );
        assert_eq!(
            sentences("“Where are you?” Sanders said. “Okay.”"),
            vec!["“Where are you?” Sanders said.", "“Okay.”"]
        );
        assert_eq!(
            sentences(
                "“Can we win there?” Mr. Roe asked. “We are not thieves.” Ms. Doe said: “No.”"
            ),
            vec![
                "“Can we win there?” Mr. Roe asked.",
                "“We are not thieves.”",
                "Ms. Doe said: “No.”"
            ]
        );
        assert_eq!(
            sentences(
                "“How are you?” Doe, a retired worker, said. “Really?” Roe, Lee and Poe left."
            ),
            vec![
                "“How are you?” Doe, a retired worker, said.",
                "“Really?”",
                "Roe, Lee and Poe left."
            ]
        );
        assert_eq!(
            sentences("“Perpetual motion!” Rep. Jane Roe, R-Pa., said. It was late."),
            vec![
                "“Perpetual motion!” Rep. Jane Roe, R-Pa., said.",
                "It was late."
            ]
        );
        assert_eq!(
            sentences("John F. Kennedy spoke. Then Mr. Smith did."),
            vec!["John F. Kennedy spoke.", "Then Mr. Smith did."]
        );
    }
}
