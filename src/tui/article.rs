//! The article pane: headline, alternate headlines and body, wrapped to the pane, with
//! quotes, speaker tags, search hits and the jumped-to passage highlighted. Only the lines
//! on screen are touched, so a 1 MB article draws as fast as a short one.

use crate::library::Entry;
use crate::tui::document::BlockKind;
use crate::tui::state::{Hits, Pane, State};
use crate::tui::text::{draw_lines, one_line};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use std::ops::Range;

/// Draws the article into `area` (inside the border), centred in it when the pane is wider
/// than the longest line that still reads well.
pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let width = state.article_width().min(area.width);
    let area = Rect {
        x: area.x + (area.width - width) / 2,
        width,
        ..area
    };
    let Some(open) = state.open.as_ref().map(|o| &o.entry) else {
        let note = if state.library.is_empty() {
            "No briefings here. Start sitrep with a folder or files: sitrep PATH…"
        } else {
            "No briefing matches the search or filter; clear them to see the others."
        };
        frame.render_widget(
            Paragraph::new(Line::styled(note, t.dim)).wrap(Wrap { trim: true }),
            area,
        );
        return;
    };
    if let Entry::Failed(err) = open {
        let lines = vec![
            Line::styled("This briefing could not be read:", t.error),
            Line::raw(one_line(&err.path.display().to_string())),
            Line::styled(one_line(&err.problem.to_string()), t.error),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
        return;
    }
    let x = state.current().map(|(_, x)| x);
    let doc = &state.doc;
    let passes = |q: usize| x.is_some_and(|x| state.filter.quote(&x.quotes[q], x));
    let shown_quotes: Vec<Range<usize>> = doc
        .quotes
        .iter()
        .enumerate()
        .filter(|(i, _)| passes(*i))
        .map(|(_, r)| r.clone())
        .collect();
    // A filtered-out quote's tag is dimmed like the quote itself.
    let (tags, dimmed_tags): (Vec<_>, Vec<_>) = doc.tags.iter().partition(|(_, q)| passes(*q));
    let tags: Vec<Range<usize>> = tags.into_iter().map(|(r, _)| r.clone()).collect();
    let dimmed_tags: Vec<Range<usize>> = dimmed_tags.into_iter().map(|(r, _)| r.clone()).collect();
    let (hits, current): (&[Range<usize>], Option<Range<usize>>) = match &state.search {
        Some(s) if s.pane == Pane::Article => match &s.hits {
            Hits::Article(h) => (h, s.current.and_then(|c| h.get(c).cloned())),
            Hits::Rows(_) => (&[], None),
        },
        _ => (&[], None),
    };
    let mark: Vec<Range<usize>> = state.mark.iter().cloned().collect();
    let current: Vec<Range<usize>> = current.into_iter().collect();
    let layers: [(&[Range<usize>], Style); 6] = [
        (&shown_quotes, t.quote),
        (&tags, t.speaker),
        (&dimmed_tags, t.dim),
        (&mark, t.mark),
        (hits, t.hit),
        (&current, t.current_hit),
    ];
    let lines: Vec<Line> = state
        .article_lines()
        .iter()
        .skip(state.article_top)
        .take(usize::from(area.height))
        .map(|line| {
            let base = match line.kind {
                None => return Line::default(),
                Some(BlockKind::Warning) => t.error,
                Some(BlockKind::Headline) => t.headline,
                Some(BlockKind::Alternate) => t.alternate,
                Some(BlockKind::Body) => Style::new(),
            };
            styled_line(&doc.text, line.range.clone(), base, &layers)
        })
        .collect();
    draw_lines(frame, area, lines);
}

/// One line of text cut where any highlight starts or ends, each piece styled by every
/// layer covering it (later layers on top).
fn styled_line<'a>(
    text: &'a str,
    line: Range<usize>,
    base: Style,
    layers: &[(&[Range<usize>], Style)],
) -> Line<'a> {
    let mut cuts = vec![line.start, line.end];
    for (ranges, _) in layers {
        for r in overlapping(ranges, &line) {
            cuts.push(r.start.max(line.start));
            cuts.push(r.end.min(line.end));
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans: Vec<Span> = cuts
        .windows(2)
        .map(|w| {
            let piece = w[0]..w[1];
            let style = layers
                .iter()
                .filter(|(ranges, _)| overlapping(ranges, &piece).next().is_some())
                .fold(base, |s, (_, layer)| s.patch(*layer));
            Span::styled(&text[piece], style)
        })
        .collect();
    Line::from(spans)
}

/// The ranges (sorted, not overlapping) that share at least one byte with `span`.
fn overlapping<'r>(
    ranges: &'r [Range<usize>],
    span: &Range<usize>,
) -> impl Iterator<Item = &'r Range<usize>> {
    let first = ranges.partition_point(|r| r.end <= span.start);
    ranges[first..]
        .iter()
        .take_while(move |r| r.start < span.end)
}
