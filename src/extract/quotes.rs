//! Finding quoted regions: pairing quote marks paragraph by paragraph, the way news text
//! uses them.
//!
//! `“` opens, `”` closes, a straight `"` (or the `''` some outlets write) toggles. A quote still
//! open at the end of a paragraph continues when the next paragraph opens with a quote mark
//! (the multi-paragraph convention); otherwise it runs to the paragraph's end. Such a quotation
//! in straight marks holds the curly-marked ones of its later paragraphs nested in it (a block
//! quotation quoting others). A stray closing mark is ignored. One pass, no backtracking: linear in the text whatever its marks.
//!
//! A briefing that quotes with single marks, as British papers do (‘…’), has them paired too;
//! elsewhere they nest inside double quotes or are apostrophes, and are left alone.

use crate::briefing::Span;

/// A quoted region: the inner span (without marks) and the paragraphs it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Inner text, quote marks excluded.
    pub inner: Span,
    /// Outer span, quote marks included (what the attribution context must skip).
    pub outer: Span,
    /// Paragraph index where it starts.
    pub first_paragraph: usize,
    /// Paragraph index where it ends.
    pub last_paragraph: usize,
    /// True when a closing mark was found (not cut at a paragraph end).
    pub closed: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Toggle,
}

/// The quote mark starting at byte `i`, with its length.
fn mark_at(bytes: &[u8], i: usize) -> Option<(Mark, usize)> {
    match bytes[i] {
        b'"' => Some((Mark::Toggle, 1)),
        b'\'' if bytes.get(i + 1) == Some(&b'\'') => Some((Mark::Toggle, 2)),
        b'`' if bytes.get(i + 1) == Some(&b'`') => Some((Mark::Open, 2)),
        0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
            Some(0x9C) => Some((Mark::Open, 3)),  // “
            Some(0x9D) => Some((Mark::Close, 3)), // ”
            Some(0x9E) => Some((Mark::Open, 3)),  // „
            // ’’ and ‘‘: typeset double apostrophes used as closing and opening marks.
            Some(0x99) if bytes[i + 3..].starts_with(&[0xE2, 0x80, 0x99]) => Some((Mark::Close, 6)),
            Some(0x98) if bytes[i + 3..].starts_with(&[0xE2, 0x80, 0x98]) => Some((Mark::Open, 6)),
            _ => None,
        },
        0xC2 => match bytes.get(i + 1) {
            Some(0xAB) => Some((Mark::Open, 2)),  // «
            Some(0xBB) => Some((Mark::Close, 2)), // »
            _ => None,
        },
        _ => None,
    }
}

/// `‘`, which opens a quotation in a briefing that quotes with single marks (`’` is as long).
const OPEN_SINGLE: &[u8] = "‘".as_bytes();

/// `’`: an apostrophe, or the close of a single-marked quotation.
const CLOSE_SINGLE: &[u8] = "’".as_bytes();

/// True when `‘` at byte `i` opens a quotation: it starts a word (after the paragraph's start,
/// a space, a dash or a bracket) and a word follows it.
fn opens_single(bytes: &[u8], para: Span, i: usize, len: usize) -> bool {
    let before_ok = i == para.start
        || matches!(bytes[i - 1], b' ' | b'(' | b'[' | b'-' | b'\n')
        || bytes[..i].ends_with("—".as_bytes())
        || bytes[..i].ends_with("\u{a0}".as_bytes());
    let after = i + len;
    before_ok && after < para.end && !bytes[after].is_ascii_whitespace()
}

/// What `’` at byte `i` is inside a single-marked quotation: an apostrophe inside a word
/// ("it’s") or after a space is no close; after an s and before a space it may be a
/// plural's possessive ("the soldiers’ claims") or the close.
#[derive(PartialEq, Eq)]
enum SingleClose {
    No,
    Maybe,
    Yes,
}

fn closes_single(text: &str, para: Span, i: usize, len: usize) -> SingleClose {
    let bytes = text.as_bytes();
    let after = i + len;
    let next = text[after..para.end].chars().next();
    if i == para.start
        || bytes[i - 1].is_ascii_whitespace()
        || next.is_some_and(char::is_alphanumeric)
    {
        return SingleClose::No;
    }
    if matches!(bytes[i - 1], b's' | b'S') && next == Some(' ') {
        SingleClose::Maybe
    } else {
        SingleClose::Yes
    }
}

/// True when a briefing quotes with single marks: more `‘` open a quotation outside double
/// marks than double marks open quotations (elsewhere they nest inside double quotes). A
/// straight `'` before a capital at a word's start counts as an opening mark too ("'This is
/// a long fight,' a student said"): some papers quote with nothing else. (A doubled `''`, a
/// double mark in some papers, is one, and an elision such as "'em" or "'90s" is no
/// capital.)
/// `marks` holds each paragraph's [`mark_candidates`].
fn quotes_with_singles(text: &str, paragraphs: &[Span], marks: &[&[usize]]) -> bool {
    let bytes = text.as_bytes();
    let (mut singles, mut doubles) = (0, 0);
    for (&para, marks) in paragraphs.iter().zip(marks) {
        let mut inside_double = false;
        let mut after_doubled = false;
        for &i in *marks {
            let rest = &bytes[i..];
            if rest[0] == b'\'' {
                if std::mem::take(&mut after_doubled) {
                    continue;
                }
                if rest.get(1) == Some(&b'\'') {
                    after_doubled = true;
                    inside_double = !inside_double;
                    doubles += usize::from(inside_double);
                } else if !inside_double
                    && rest.get(1).is_some_and(u8::is_ascii_uppercase)
                    && opens_single(bytes, para, i, 1)
                {
                    singles += 1;
                }
            } else if rest[0] == b'"' {
                inside_double = !inside_double;
                doubles += usize::from(inside_double);
            } else if rest.starts_with("“".as_bytes()) {
                inside_double = true;
                doubles += 1;
            } else if rest.starts_with("”".as_bytes()) {
                inside_double = false;
            } else if !inside_double
                && rest.starts_with(OPEN_SINGLE)
                && opens_single(bytes, para, i, OPEN_SINGLE.len())
            {
                singles += 1;
            }
        }
    }
    singles >= 2 && singles > doubles
}

/// Where a quote mark may start in `body`, in order: every `"` and `'`, the first byte of
/// every three-byte mark (`“`, `”`, `’`, also dashes and the like), and the rare backtick and
/// two-byte marks (`«`, `»`). Found once for the whole text: searching each paragraph, and
/// again after each mark, cost a search's setup for every paragraph and every mark, more
/// than the searching.
fn mark_candidates(bytes: &[u8], body: Span) -> Vec<usize> {
    let hay = &bytes[body.start..body.end];
    let mut out: Vec<usize> = memchr::memchr3_iter(b'"', b'\'', 0xE2, hay)
        .map(|k| body.start + k)
        .collect();
    let rare: Vec<usize> = memchr::memchr2_iter(b'`', 0xC2, hay)
        .map(|k| body.start + k)
        .collect();
    if !rare.is_empty() {
        // (Disjoint sets of bytes: the merged list has each position once.)
        out.extend(rare);
        out.sort_unstable();
    }
    out
}

/// Quoted regions of one paragraph: (outer start, inner start, inner end, outer end, closed).
/// With `singles`, `‘…’` quote as well (see [`quotes_with_singles`]), and marks of the
/// other kind inside a quotation nest in it. `marks` are the paragraph's
/// [`mark_candidates`]. With `in_straight`, the paragraph carries on a quotation that
/// straight marks opened, and curly ones inside it nest in it until a straight mark closes
/// it (see [`find`]).
fn paragraph_regions(
    text: &str,
    para: Span,
    singles: bool,
    marks: &[usize],
    in_straight: bool,
) -> Vec<(usize, usize, usize, usize, bool)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // The open quotation: outer start, inner start, and whether a single mark opened it.
    let mut open: Option<(usize, usize, bool)> =
        in_straight.then_some((para.start, para.start, false));
    // Whether the open quotation is the straight-marked one carried on, curly marks nesting.
    let mut nesting = in_straight;
    // Where a `’` that may close a single-marked quotation stands (after an s: the close if
    // no later one comes).
    let mut maybe_close: Option<(usize, usize)> = None;
    let push = |out: &mut Vec<_>, os: usize, is: usize, ie: usize, oe: usize| {
        // Marks around no letter or digit quote nothing ("“”", a run of stray marks): left
        // out here, a file of quote marks no longer makes a region, a token and a speaker
        // of every pair, some 30 bytes for each byte read.
        if text[is..ie].chars().any(char::is_alphanumeric) {
            out.push((os, is, ie, oe, true));
        }
    };
    let mut i = para.start;
    // A cursor over the candidates, which only moves forward, so the scan stays linear.
    let mut next = 0;
    while i < para.end {
        while next < marks.len() && marks[next] < i {
            next += 1;
        }
        let Some(&at) = marks.get(next) else {
            break;
        };
        i = at;
        // A single mark: `‘`, `’`, or a lone straight `'` (papers that quote with single
        // marks mix the two kinds).
        let single = singles
            .then(|| {
                if bytes[i..].starts_with(OPEN_SINGLE) || bytes[i..].starts_with(CLOSE_SINGLE) {
                    Some(OPEN_SINGLE.len())
                } else {
                    (bytes[i] == b'\'' && bytes.get(i + 1) != Some(&b'\'')).then_some(1)
                }
            })
            .flatten();
        let open_single = open.is_some_and(|(_, _, single)| single);
        if let Some(len) = single {
            let close = if open_single && !bytes[i..].starts_with(OPEN_SINGLE) {
                closes_single(text, para, i, len)
            } else {
                SingleClose::No
            };
            match (open, close) {
                (Some(_), SingleClose::Maybe) => maybe_close = Some((i, len)),
                (Some((os, is, _)), SingleClose::Yes) => {
                    push(&mut out, os, is, i, i + len);
                    (open, maybe_close) = (None, None);
                }
                // (A straight mark before a digit elides: "the '90s".)
                _ if !bytes[i..].starts_with(CLOSE_SINGLE)
                    && opens_single(bytes, para, i, len)
                    && !(bytes[i] == b'\'' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
                    && (open.is_none() || open_single) =>
                {
                    if let (Some((os, is, _)), Some((at, l))) = (open, maybe_close.take()) {
                        push(&mut out, os, is, at, at + l);
                    }
                    open = Some((i, i + len, true));
                }
                _ => {}
            }
            i += len;
            continue;
        }
        let Some((mark, len)) = mark_at(bytes, i) else {
            i += 1;
            continue;
        };
        match (open, mark) {
            // Double marks inside a single-marked quotation nest in it.
            (Some(_), _) if open_single => {}
            // (A curly close that ends the paragraph closes the quotation itself: "…
            // ¶ “… This is war.”" mixes the marks, nesting nothing.)
            (Some(_), _)
                if nesting
                    && bytes[i] != b'"'
                    && !(mark == Mark::Close && text[i + len..para.end].trim().is_empty()) => {}
            (Some((os, is, _)), _) if nesting => {
                push(&mut out, os, is, i, i + len);
                (open, nesting) = (None, false);
            }
            (None, Mark::Close) => {}
            (None, _) => open = Some((i, i + len, false)),
            (Some(_), Mark::Open) if !misturned_close(bytes, para, i, len) => {
                open = Some((i, i + len, false));
            }
            (Some((os, is, _)), _) => {
                push(&mut out, os, is, i, i + len);
                open = None;
            }
        }
        i += len;
    }
    match (open, maybe_close) {
        (Some((os, is, _)), Some((at, len))) => push(&mut out, os, is, at, at + len),
        (Some((os, is, _)), None) => out.push((os, is, para.end, para.end, false)),
        (None, _) => {}
    }
    out
}

/// True when an opening mark at byte `i` stands where only a close can: straight after the
/// end of a clause, with a blank or the paragraph's end after it (“… for her here,“ said
/// Jim Clyburn). Typesetting turned the close the wrong way; read as an opening mark, it
/// would quote the attribution after it and leave the quotation open.
fn misturned_close(bytes: &[u8], para: Span, i: usize, len: usize) -> bool {
    i > para.start
        && matches!(bytes[i - 1], b',' | b'.' | b'?' | b'!')
        && bytes
            .get(i + len)
            .is_none_or(|&b| i + len >= para.end || b.is_ascii_whitespace())
}

/// True when the paragraph begins with an opening quote mark (`‘` too, with `singles`).
fn opens_with_quote(text: &str, para: Span, singles: bool) -> bool {
    let bytes = text.as_bytes();
    mark_at(bytes, para.start).is_some_and(|(m, _)| m != Mark::Close)
        || (singles && bytes[para.start..].starts_with(OPEN_SINGLE))
}

/// All quoted regions of the body, in order. Regions left open at a paragraph end are joined
/// with the next paragraph's opening quote into one multi-paragraph region.
pub fn find(text: &str, paragraphs: &[Span]) -> Vec<Region> {
    let mut out: Vec<Region> = Vec::new();
    let mut carrying = false; // the last region was open at its paragraph end
    debug_assert!(paragraphs.windows(2).all(|w| w[0].end <= w[1].start));
    let body = match (paragraphs.first(), paragraphs.last()) {
        (Some(first), Some(last)) => Span::new(first.start, last.end),
        _ => return out,
    };
    let candidates = mark_candidates(text.as_bytes(), body);
    // Each paragraph's candidates, read off the list with one cursor (the paragraphs are in
    // order and apart).
    let mut k = 0;
    let marks: Vec<&[usize]> = paragraphs
        .iter()
        .map(|para| {
            while k < candidates.len() && candidates[k] < para.start {
                k += 1;
            }
            let start = k;
            while k < candidates.len() && candidates[k] < para.end {
                k += 1;
            }
            &candidates[start..k]
        })
        .collect();
    let singles = quotes_with_singles(text, paragraphs, &marks);
    // Whether the region carried on was opened by a straight mark in its last paragraph.
    let mut carrying_straight = false;
    for (p, (&para, marks)) in paragraphs.iter().zip(&marks).enumerate() {
        // "As Acme reported: ¶ "The hearing was closed … ¶ “He … my recollection,” King
        // said. ¶ “…,” he said."": a quotation set off in straight marks, paragraph after
        // paragraph, quotes others in curly ones; those nest in it, and its own speaker is
        // the one who set it off, not the one its last inner quotation names.
        let in_straight = carrying
            && carrying_straight
            && text.as_bytes()[para.start..].starts_with("“".as_bytes());
        let regions = paragraph_regions(text, para, singles, marks, in_straight);
        for (k, &(os, is, ie, oe, closed)) in regions.iter().enumerate() {
            let continues =
                k == 0 && carrying && os == para.start && opens_with_quote(text, para, singles);
            match out.last_mut() {
                Some(last) if continues => {
                    last.inner.end = ie;
                    last.outer.end = oe;
                    last.last_paragraph = p;
                    last.closed = closed;
                }
                _ => out.push(Region {
                    inner: Span::new(is, ie),
                    outer: Span::new(os, oe),
                    first_paragraph: p,
                    last_paragraph: p,
                    closed,
                }),
            }
        }
        carrying = regions.last().is_some_and(|r| !r.4);
        carrying_straight = regions.last().is_some_and(|r| {
            !r.4 && (text.as_bytes()[r.0] == b'"' || (in_straight && r.0 == para.start))
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::split_paragraphs;

    fn quotes(t: &str) -> Vec<&str> {
        let paras = split_paragraphs(t, 0);
        find(t, &paras).iter().map(|r| r.inner.of(t)).collect()
    }

    #[test]
    fn curly_straight_and_double_apostrophes() {
        assert_eq!(
            quotes("He said “one” and \"two\" and ''three'' and ”stray."),
            vec!["one", "two", "three"]
        );
    }

    /// Guillemets and doubled backticks quote as curly marks do, among them and in any
    /// paragraph.
    #[test]
    fn guillemets_and_backticks_quote_too() {
        let t = "He said «one», then ``two'' and “three”.\n\nShe said «four» and \"five\".";
        assert_eq!(quotes(t), vec!["one", "two", "three", "four", "five"]);
    }

    /// A curly opening mark right after a clause's end, before a blank, closes the quotation
    /// typeset the wrong way round; one before a word still opens.
    #[test]
    fn an_opening_mark_after_a_clause_end_closes() {
        let t = "“We lost here,“ said Jo Roe, a member.\n\n“Did you?“\n\nHe said,“Yes.”";
        assert_eq!(quotes(t), vec!["We lost here,", "Did you?", "Yes."]);
    }

    #[test]
    fn marks_around_no_word_quote_nothing() {
        assert_eq!(quotes("“” \"“” ''…'' “ok” \"“”"), vec!["ok"]);
    }

    #[test]
    fn multi_paragraph_quote_is_one_region() {
        let t = "“First part.\n\n“Second part,” he said.\n\nAfter.";
        assert_eq!(quotes(t), vec!["First part.\n\n“Second part,"]);
    }

    #[test]
    fn curly_quotations_nest_in_a_straight_marked_block_quotation() {
        let t = "As Acme reported:\n\n\"The hearing was closed.\n\n“Not my recollection,” Roe \
                 said.\n\n“It was no attack,” he said.\"\n\nAfter “ok”.";
        assert_eq!(
            quotes(t),
            vec![
                "The hearing was closed.\n\n“Not my recollection,” Roe said.\n\n“It was no \
                 attack,” he said.",
                "ok"
            ]
        );
        // A curly close that ends its paragraph closes the block: the marks were mixed.
        let t = "\"It is our fight.\n\n“This is war.”\n\nGraham said “ok”.";
        assert_eq!(quotes(t), vec!["It is our fight.\n\n“This is war.", "ok"]);
    }

    #[test]
    fn single_marks_quote_where_a_briefing_quotes_with_them() {
        let t = "Critics called it ‘half-hearted’.\n\n‘The soldiers’ version was known, and it’s \
                 “embarrassing”,’ an insider said.\n\n‘Yes,’ she said. ‘Over\n\n‘and out.’";
        assert_eq!(
            quotes(t),
            vec![
                "half-hearted",
                "The soldiers’ version was known, and it’s “embarrassing”,",
                "Yes,",
                "Over\n\n‘and out.",
            ]
        );
        // Straight marks mixed in, as some papers print them.
        assert_eq!(
            quotes("‘He’d not,’ Al said. ‘Maybe he wouldn’t,' he said. 'I was glad.’"),
            vec!["He’d not,", "Maybe he wouldn’t,", "I was glad."]
        );
        // A double-marked quotation after a closed single-marked one closes at its own mark.
        assert_eq!(
            quotes("Call it ‘acid’ or ‘gas’, “held fast” in ice, he said."),
            vec!["acid", "gas", "held fast"]
        );
        // A plural's possessive closes when no later mark does.
        assert_eq!(
            quotes("‘Ask the Smiths’ neighbours’ she said. ‘Ask the Smiths’ he said."),
            vec!["Ask the Smiths’ neighbours", "Ask the Smiths"]
        );
        // Where double marks quote, single ones nest or are apostrophes.
        assert_eq!(
            quotes("“It’s the ‘new normal’,” he said. “Fine,” she said. ‘Fine’ is ‘old’."),
            vec!["It’s the ‘new normal’,", "Fine,"]
        );
    }

    #[test]
    fn straight_single_marks_quote_where_nothing_else_does() {
        assert_eq!(
            quotes("'This is a long fight,' a student said. 'We stay,' he said of the '90s."),
            vec!["This is a long fight,", "We stay,"]
        );
        // Doubled straight marks are double quotes: single marks inside them nest.
        assert_eq!(
            quotes("''He said 'Go' and 'Stay','' she said. ''Yes,'' he said. 'Fine' is a word."),
            vec!["He said 'Go' and 'Stay',", "Yes,"]
        );
    }

    #[test]
    fn unclosed_quote_stops_at_paragraph_end() {
        let t = "A “dangling quote here.\n\nNext para “ok”.";
        assert_eq!(quotes(t), vec!["dangling quote here.", "ok"]);
    }
}
