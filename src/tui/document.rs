//! The article as the reader shows it: one clean display string (control characters made
//! visible, runs of whitespace folded, load warnings on top, speaker tags inserted after
//! quotes) with the ranges of quotes and statements in it, wrapped to a width by display width
//! and cached per width. Search looks only at the article's own words, never at what the
//! reader added.
//!
//! Building it once per briefing keeps every frame cheap: drawing only slices visible lines,
//! and search, highlighting and jumping all work in the same coordinates.

use crate::briefing::Briefing;
use crate::extract::Extraction;
use crate::sanitize::{is_unsafe, visible};
use regex::Regex;
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// How many widths keep their wrapped lines (a resize back and forth costs nothing).
const CACHED_WIDTHS: usize = 3;

/// The widest speaker tag kept on one line. Glued to the quote's closing mark, a longer
/// one ("‹International Centre for the Study of Radicalisation at King's College›") made
/// one word too long for the line: the quote's last words were pushed down early and the
/// tag was cut at the pane's edge.
const TAG_ON_ONE_LINE: usize = 24;

/// What part of the article a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A warning from loading the file (odd encoding, no body).
    Warning,
    /// The headline.
    Headline,
    /// An alternate headline.
    Alternate,
    /// A body paragraph.
    Body,
}

/// One wrapped line: a range of [`Document::text`], or a blank line between blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The block it belongs to; `None` for the blank line between blocks.
    pub kind: Option<BlockKind>,
    /// Its text in [`Document::text`].
    pub range: Range<usize>,
}

/// A briefing's display text and where its quotes, tags and statements are in it.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The text as displayed, safe for a terminal.
    pub text: String,
    blocks: Vec<(BlockKind, Range<usize>)>,
    /// Each quote's range, indexed like [`Extraction::quotes`].
    pub quotes: Vec<Range<usize>>,
    /// Speaker tags `‹name›`, in order, with the quote each belongs to.
    pub tags: Vec<(Range<usize>, usize)>,
    /// Each statement's range, indexed like [`Extraction::statements`].
    pub statements: Vec<Range<usize>>,
    /// The article's own words (the display text without warnings, `also:` and tags),
    /// which is what search looks at.
    words: String,
    /// Where each run of `words` starts, in `words` and in the display text.
    runs: Vec<(usize, usize)>,
    wraps: Vec<(u16, Vec<Line>)>,
}

/// Appends cleaned text to the display string, block by block.
struct Writer {
    text: String,
    pending_space: bool,
    block_start: usize,
}

impl Writer {
    fn push(&mut self, s: &str) {
        let mut buf = [0u8; 4];
        for c in s.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            self.flush_space();
            if is_unsafe(c, false) {
                self.text.push_str(&visible(c.encode_utf8(&mut buf), false));
            } else {
                self.text.push(c);
            }
        }
    }

    /// Writes a space owed from folded whitespace, so a position taken now is where the
    /// next visible character lands.
    fn flush_space(&mut self) {
        if self.pending_space && self.text.len() > self.block_start {
            self.text.push(' ');
        }
        self.pending_space = false;
    }

    /// Starts a block on a new line of the display string, so no search matches across
    /// two blocks.
    fn start_block(&mut self) {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.block_start = self.text.len();
        self.pending_space = false;
    }
}

impl Document {
    /// Builds the display text of a briefing with its extraction.
    pub fn build(b: &Briefing, x: &Extraction) -> Document {
        let mut w = Writer {
            text: String::new(),
            pending_space: false,
            block_start: 0,
        };
        let mut blocks = Vec::new();
        let mut added = Vec::new();
        for warning in &b.warnings {
            let start = w.text.len();
            w.push("⚠ ");
            w.push(warning);
            blocks.push((BlockKind::Warning, start..w.text.len()));
            added.push(start..w.text.len());
            w.start_block();
        }
        let start = w.text.len();
        w.push(&b.title);
        blocks.push((BlockKind::Headline, start..w.text.len()));
        for h in &b.headlines {
            w.start_block();
            let start = w.text.len();
            w.push("also: ");
            added.push(start..w.text.len());
            w.push(h.of(&b.text));
            blocks.push((BlockKind::Alternate, start..w.text.len()));
        }

        let paragraph_of = |offset: usize| {
            let i = b.paragraphs.partition_point(|p| p.end < offset);
            b.paragraphs.get(i).filter(|p| p.start <= offset)
        };
        // Tags go after the word holding the quote's end, i.e. after the closing mark.
        let mut tag_points: Vec<(usize, usize)> = x
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.speaker.is_some())
            .filter_map(|(i, q)| {
                let p = paragraph_of(q.span.end)?;
                let rest = &b.text[q.span.end..p.end];
                let at = rest
                    .find(char::is_whitespace)
                    .map_or(p.end, |k| q.span.end + k);
                Some((at, i))
            })
            .collect();
        tag_points.sort_unstable();
        let mut cuts: Vec<usize> = x
            .quotes
            .iter()
            .map(|q| q.span)
            .chain(x.statements.iter().map(|s| s.span))
            .flat_map(|s| [s.start, s.end])
            .chain(tag_points.iter().map(|t| t.0))
            .filter(|&c| b.text.is_char_boundary(c))
            .collect();
        cuts.sort_unstable();
        cuts.dedup();

        let mut map: Vec<(usize, usize)> = Vec::with_capacity(cuts.len());
        let mut tags = Vec::with_capacity(tag_points.len());
        for p in &b.paragraphs {
            w.start_block();
            let start = w.text.len();
            let mut pos = p.start;
            let first = cuts.partition_point(|&c| c < p.start);
            for &cut in cuts[first..].iter().take_while(|&&c| c <= p.end) {
                w.push(&b.text[pos..cut]);
                pos = cut;
                let tagged = tag_points.partition_point(|t| t.0 < cut);
                let here = tag_points[tagged..].iter().take_while(|t| t.0 == cut);
                let mut tagged_here = false;
                for &(_, q) in here {
                    if !tagged_here {
                        map.push((cut, w.text.len()));
                        tagged_here = true;
                    }
                    let tag_start = w.text.len();
                    w.text.push('‹');
                    // No-break spaces keep a short tag on one line when the article wraps;
                    // a long one wraps between its words like the text around it.
                    let speaker =
                        visible(x.quotes[q].speaker.as_deref().unwrap_or_default(), false);
                    let space = if speaker.width() <= TAG_ON_ONE_LINE {
                        '\u{a0}'
                    } else {
                        ' '
                    };
                    for word in speaker.split_whitespace() {
                        if w.text.len() > tag_start + '‹'.len_utf8() {
                            w.text.push(space);
                        }
                        w.text.push_str(word);
                    }
                    w.text.push('›');
                    tags.push((tag_start..w.text.len(), q));
                }
                if !tagged_here {
                    w.flush_space();
                    map.push((cut, w.text.len()));
                }
            }
            w.push(&b.text[pos..p.end]);
            blocks.push((BlockKind::Body, start..w.text.len()));
        }

        let end = w.text.len();
        let locate = |offset: usize| {
            let i = map.partition_point(|m| m.0 < offset);
            map.get(i).map_or(end, |m| m.1)
        };
        let range = |s: crate::briefing::Span| locate(s.start)..locate(s.end).max(locate(s.start));
        added.extend(tags.iter().map(|(r, _)| r.clone()));
        added.sort_unstable_by_key(|r| r.start);
        let (mut words, mut runs, mut from) = (String::new(), Vec::new(), 0);
        for r in added.iter().chain([&(end..end)]) {
            runs.push((words.len(), from));
            words.push_str(&w.text[from..r.start]);
            from = r.end;
        }
        Document {
            quotes: x.quotes.iter().map(|q| range(q.span)).collect(),
            statements: x.statements.iter().map(|s| range(s.span)).collect(),
            tags,
            blocks,
            text: w.text,
            words,
            runs,
            wraps: Vec::new(),
        }
    }

    /// Makes sure lines wrapped to `width` columns are cached.
    pub fn ensure_width(&mut self, width: u16) {
        if let Some(i) = self.wraps.iter().position(|(w, _)| *w == width) {
            let hit = self.wraps.remove(i);
            self.wraps.insert(0, hit);
            return;
        }
        let lines = self.wrap(usize::from(width.max(1)));
        self.wraps.insert(0, (width, lines));
        self.wraps.truncate(CACHED_WIDTHS);
    }

    /// The lines wrapped to `width`; empty until [`Document::ensure_width`] ran for it.
    pub fn lines(&self, width: u16) -> &[Line] {
        self.wraps
            .iter()
            .find(|(w, _)| *w == width)
            .map_or(&[], |(_, l)| l.as_slice())
    }

    fn wrap(&self, width: usize) -> Vec<Line> {
        let options = textwrap::Options::new(width)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
        let mut lines = Vec::with_capacity(self.text.len() / width.max(8) + 8);
        for (kind, range) in &self.blocks {
            let follows_warning = lines
                .last()
                .is_some_and(|l: &Line| l.kind == Some(BlockKind::Warning));
            let joined =
                *kind == BlockKind::Alternate || (*kind == BlockKind::Warning && follows_warning);
            if !joined && !lines.is_empty() {
                lines.push(Line {
                    kind: None,
                    range: range.start..range.start,
                });
            }
            let block = &self.text[range.clone()];
            let mut cursor = 0;
            for piece in textwrap::wrap(block, &options) {
                let at = offset_of(block, &piece, cursor);
                cursor = at + piece.len();
                lines.push(Line {
                    kind: Some(*kind),
                    range: range.start + at..range.start + cursor,
                });
            }
        }
        lines
    }

    /// Every match of `re` in the article's own words (headline, alternates, body: not the
    /// warnings, `also:` or speaker tags), as ranges of the display text; empty matches left
    /// out.
    pub fn find(&self, re: &Regex) -> Vec<Range<usize>> {
        let display = |offset: usize, end: bool| {
            let run = self
                .runs
                .partition_point(|r| if end { r.0 < offset } else { r.0 <= offset })
                .saturating_sub(1);
            let (word, shown) = self.runs.get(run).copied().unwrap_or_default();
            shown + offset - word
        };
        re.find_iter(&self.words)
            .filter(|m| !m.is_empty())
            .map(|m| display(m.start(), false)..display(m.end(), true))
            .collect()
    }
}

/// The index of the line holding display offset `offset`.
pub fn line_of(lines: &[Line], offset: usize) -> usize {
    lines
        .partition_point(|l| {
            l.range.end <= offset && !(l.range.is_empty() && l.range.start == offset)
        })
        .min(lines.len().saturating_sub(1))
}

/// Where a wrapped piece starts in its block: pieces borrow from the block, so the pointer
/// says it; a piece textwrap had to copy is found by searching on from `cursor`.
fn offset_of(block: &str, piece: &str, cursor: usize) -> usize {
    let base = block.as_ptr() as usize;
    let at = piece.as_ptr() as usize;
    if at >= base && at + piece.len() <= base + block.len() {
        at - base
    } else {
        block[cursor..].find(piece).map_or(cursor, |k| cursor + k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::Span;
    use crate::extract::Quote;
    use std::path::Path;
    use unicode_width::UnicodeWidthStr;

    fn briefing(text: &str) -> Briefing {
        Briefing::from_text(Path::new("t.txt"), text.to_string(), vec![]).unwrap()
    }

    fn quote_of(b: &Briefing, words: &str, speaker: &str) -> Quote {
        let start = b.text.find(words).unwrap();
        Quote {
            span: Span::new(start, start + words.len()),
            paragraph: 0,
            speaker: Some(speaker.into()),
            party: None,
            cue: None,
        }
    }

    #[test]
    fn quotes_keep_their_place_and_get_a_tag() {
        let b = briefing("Head\n\nHe said   \"we\x1b[31m never did\" and\nleft.\n");
        let q = quote_of(&b, "we\x1b[31m never did", "Ann Lee");
        let x = Extraction {
            quotes: vec![q],
            ..Extraction::default()
        };
        let d = Document::build(&b, &x);
        assert_eq!(
            d.text,
            "Head\nHe said \"we^[[31m never did\"‹Ann\u{a0}Lee› and left."
        );
        assert_eq!(&d.text[d.quotes[0].clone()], "we^[[31m never did");
        assert_eq!(&d.text[d.tags[0].0.clone()], "‹Ann\u{a0}Lee›");
    }

    #[test]
    fn search_finds_the_articles_words_not_what_the_reader_added() {
        let b = briefing("Head\n\nAlso head\n\nAnn said \"also ready\" and Ann left.\n");
        let q = quote_of(&b, "also ready", "Ann Lee");
        let x = Extraction {
            quotes: vec![q],
            ..Extraction::default()
        };
        let d = Document::build(&b, &x);
        let found = |q: &str| {
            d.find(&Regex::new(q).unwrap())
                .into_iter()
                .map(|r| d.text[r].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(found("Ann"), ["Ann", "Ann"], "{}", d.text);
        assert_eq!(found("also"), ["also"]);
        assert_eq!(found("ready\" and"), ["ready\"‹Ann\u{a0}Lee› and"]);
    }

    #[test]
    fn wide_characters_wrap_by_display_width() {
        let b = briefing("标题\n\n这是一个很长的中文句子没有空格 and 🙂🙂🙂🙂 emoji words");
        let mut d = Document::build(&b, &Extraction::default());
        d.ensure_width(10);
        let lines = d.lines(10);
        assert!(lines.len() > 4);
        for l in lines {
            assert!(
                d.text[l.range.clone()].width() <= 10,
                "{:?}",
                &d.text[l.range.clone()]
            );
        }
        let body: String = lines
            .iter()
            .filter(|l| l.kind == Some(BlockKind::Body))
            .map(|l| &d.text[l.range.clone()])
            .collect();
        assert!(body.starts_with("这是一个很长的中文句子没有空格"));
    }

    #[test]
    fn line_of_finds_the_line_of_an_offset() {
        let b = briefing("Head\n\none two three four five six seven");
        let mut d = Document::build(&b, &Extraction::default());
        d.ensure_width(10);
        let lines = d.lines(10).to_vec();
        let six = d.text.find("six").unwrap();
        let l = line_of(&lines, six);
        assert!(d.text[lines[l].range.clone()].contains("six"));
        assert_eq!(line_of(&lines, 0), 0);
    }
}
