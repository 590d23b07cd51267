//! Finding quoted regions: pairing quote marks paragraph by paragraph, the way news text
//! uses them.
//!
//! `“` opens, `”` closes, a straight `"` (or the `''` some outlets write) toggles. A quote still
//! open at the end of a paragraph continues when the next paragraph opens with a quote mark
//! (the multi-paragraph convention); otherwise it runs to the paragraph's end. A stray closing
//! mark is ignored. One pass, no backtracking: linear in the text whatever its marks.

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

/// Quoted regions of one paragraph: (outer start, inner start, inner end, outer end, closed).
fn paragraph_regions(text: &str, para: Span) -> Vec<(usize, usize, usize, usize, bool)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (outer start, inner start)
    let mut i = para.start;
    // Two cached cursors over the candidate bytes; each is searched again only once passed,
    // so the scan stays linear.
    let (mut next_common, mut next_rare) = (para.start, para.start);
    let find = |from: usize, rare: bool| {
        let hay = &bytes[from..para.end];
        let hit = if rare {
            memchr::memchr2(b'`', 0xC2, hay)
        } else {
            memchr::memchr3(b'"', b'\'', 0xE2, hay)
        };
        hit.map_or(para.end, |k| from + k)
    };
    while i < para.end {
        if next_common < i || (next_common == para.start && i == para.start) {
            next_common = find(i, false);
        }
        if next_rare < i || (next_rare == para.start && i == para.start) {
            next_rare = find(i, true);
        }
        i = next_common.min(next_rare);
        if i >= para.end {
            break;
        }
        let Some((mark, len)) = mark_at(bytes, i) else {
            i += 1;
            continue;
        };
        match (open, mark) {
            (None, Mark::Close) => {}
            (None, _) => open = Some((i, i + len)),
            (Some(_), Mark::Open) => open = Some((i, i + len)),
            (Some((os, is)), _) => {
                // Marks around no letter or digit quote nothing ("“”", a run of stray
                // marks): left out here, a file of quote marks no longer makes a region, a
                // token and a speaker of every pair, some 30 bytes for each byte read.
                if text[is..i].chars().any(char::is_alphanumeric) {
                    out.push((os, is, i, i + len, true));
                }
                open = None;
            }
        }
        i += len;
    }
    if let Some((os, is)) = open {
        out.push((os, is, para.end, para.end, false));
    }
    out
}

/// True when the paragraph begins with an opening quote mark.
fn opens_with_quote(text: &str, para: Span) -> bool {
    mark_at(text.as_bytes(), para.start).is_some_and(|(m, _)| m != Mark::Close)
}

/// All quoted regions of the body, in order. Regions left open at a paragraph end are joined
/// with the next paragraph's opening quote into one multi-paragraph region.
pub fn find(text: &str, paragraphs: &[Span]) -> Vec<Region> {
    let mut out: Vec<Region> = Vec::new();
    let mut carrying = false; // the last region was open at its paragraph end
    for (p, &para) in paragraphs.iter().enumerate() {
        let regions = paragraph_regions(text, para);
        for (k, &(os, is, ie, oe, closed)) in regions.iter().enumerate() {
            let continues = k == 0 && carrying && os == para.start && opens_with_quote(text, para);
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
    fn unclosed_quote_stops_at_paragraph_end() {
        let t = "A “dangling quote here.\n\nNext para “ok”.";
        assert_eq!(quotes(t), vec!["dangling quote here.", "ok"]);
    }
}
