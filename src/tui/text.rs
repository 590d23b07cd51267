//! Turning briefing strings into what a one-line cell shows: safe for the terminal
//! (through [`crate::sanitize::visible`]), whitespace folded, cut to a display width, with
//! search hits picked out.

use crate::library::fold::APOSTROPHES;
use crate::sanitize::visible;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// `s` on one line: control characters made visible, every run of whitespace one space.
pub fn one_line(s: &str) -> String {
    let safe = visible(s, true);
    safe.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `room` characters of `s` on one line (see [`one_line`]), then `…` when there
/// was more. A pane shows fewer characters than it has cells, so a cell is laid out only as
/// far as it can be seen: wrapping the whole of a megabyte-long sentence on every frame made
/// each key take a second.
pub fn one_line_within(s: &str, room: usize) -> String {
    let shown = s.char_indices().nth(room).map_or(s, |(k, _)| &s[..k]);
    let mut line = one_line(shown);
    if shown.len() < s.len() {
        line.push('…');
    }
    line
}

/// How much of a quote or statement the footer under its pane shows: far more than any
/// real sentence, and bounded, as a footer is wrapped whole on every frame.
pub const DETAIL_CHARS: usize = 16_384;

/// A count with its noun: `1 quote`, `2 quotes`, `0 denials`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `s` cut to at most `width` display columns, ending in `…` when cut. Wide characters
/// never straddle the edge, and only the part that can show is looked at.
pub fn fit(s: &str, width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    let mut used = 0;
    let mut cut = None;
    for (i, g) in s.grapheme_indices(true) {
        let w = g.width();
        if cut.is_none() && used + w > width - 1 {
            cut = Some(i);
        }
        used += w;
        if used > width {
            return format!("{}…", &s[..cut.unwrap_or(i)]);
        }
    }
    s.to_string()
}

/// `line` cut to at most `width` display columns, ending in `…` (in the style of the span
/// it cuts) when cut, so a label that does not fit says so rather than stopping mid-word.
/// Styles are kept; wide characters never straddle the edge.
pub fn fit_line(line: Line<'_>, width: usize) -> Line<'_> {
    if line.width() <= width {
        return line;
    }
    let Line {
        spans,
        style,
        alignment,
    } = line;
    let mut kept = Vec::with_capacity(spans.len());
    let mut used = 0;
    for span in spans {
        let w = span.width();
        if used + w < width {
            used += w;
            kept.push(span);
            continue;
        }
        // Whatever follows is cut too: this span ends in `…` even if it would fit.
        if let Some(room) = width.saturating_sub(used).checked_sub(1) {
            let mut taken = 0;
            let mut cut: String = (span.content.graphemes(true))
                .take_while(|g| {
                    taken += g.width();
                    taken <= room
                })
                .collect();
            cut.push('…');
            kept.push(Span::styled(cut, span.style));
        }
        break;
    }
    Line {
        spans: kept,
        style,
        alignment,
    }
}

/// `s` (already safe) as spans in `base` style with every match of `re` in `hit` style.
pub fn highlighted(s: String, re: Option<&Regex>, base: Style, hit: Style) -> Vec<Span<'static>> {
    let Some(re) = re else {
        return vec![Span::styled(s, base)];
    };
    let mut spans = Vec::new();
    let mut pos = 0;
    for m in re.find_iter(&s).filter(|m| !m.is_empty()) {
        if m.start() > pos {
            spans.push(Span::styled(s[pos..m.start()].to_string(), base));
        }
        spans.push(Span::styled(m.as_str().to_string(), hit));
        pos = m.end();
    }
    if pos < s.len() || spans.is_empty() {
        spans.push(Span::styled(s[pos..].to_string(), base));
    }
    spans
}

/// Draws one line per row of `area`, clipped to its width. Cheaper than a `Paragraph`,
/// which re-flows text the panes have already cut to size.
pub fn draw_lines<'a>(frame: &mut Frame, area: Rect, lines: impl IntoIterator<Item = Line<'a>>) {
    let buffer = frame.buffer_mut();
    for (row, line) in (area.y..area.bottom()).zip(lines) {
        buffer.set_line(area.x, row, &line, area.width);
    }
}

/// What an empty pane says: that there is nothing of the kind at all (`none`), or, when
/// `hidden_by` names what hides it ("the filter", "the search"), that nothing matches it.
pub fn draw_empty(
    frame: &mut Frame,
    area: Rect,
    style: Style,
    none: &str,
    hidden_by: Option<&str>,
) {
    let note = match hidden_by {
        Some(what) => format!(" nothing matches {what}"),
        None => none.to_string(),
    };
    draw_lines(frame, area, [Line::styled(note, style)]);
}

/// `s` wrapped to `width` columns in at most `rows` lines, the last ending in `…` when the
/// text runs longer; one row is simply `s` cut to fit.
pub fn wrap_cut(s: &str, width: usize, rows: usize) -> Vec<String> {
    if width == 0 || rows == 0 {
        return Vec::new();
    }
    if rows == 1 {
        return vec![fit(s, width)];
    }
    let wrapped = textwrap::wrap(s, width);
    let cut = wrapped.len() > rows;
    wrapped
        .into_iter()
        .take(rows)
        .enumerate()
        .map(|(i, piece)| {
            if cut && i + 1 == rows {
                fit(&format!("{piece}…"), width)
            } else {
                piece.into_owned()
            }
        })
        .collect()
}

/// How many lines `s` takes wrapped to `width` columns.
pub fn wrapped_height(s: &str, width: usize) -> usize {
    textwrap::wrap(s, width.max(1)).len().max(1)
}

/// Draws a rule and then `text` wrapped into the rest of `area`, from its line `top` (the
/// footer scrolls when the text is longer than the room, and arrows on the rule say so):
/// the full words of a row a list had to cut short.
pub fn draw_detail(frame: &mut Frame, area: Rect, text: Option<String>, top: usize, rule: Style) {
    let (Some(text), Some(width)) = (text, usize::from(area.width).checked_sub(1)) else {
        return;
    };
    if area.height == 0 || width == 0 {
        return;
    }
    let rows = usize::from(area.height - 1);
    let wrapped = textwrap::wrap(&text, width);
    let top = top.min(wrapped.len().saturating_sub(rows));
    // Arrows on the rule say the text goes on above or below what shows.
    let more = match (top > 0, top + rows < wrapped.len()) {
        (true, true) => " ↑↓ ",
        (true, false) => " ↑ ",
        (false, true) => " ↓ ",
        (false, false) => "",
    };
    let columns = usize::from(area.width);
    let tail = match more {
        "" => String::new(),
        more if columns > more.chars().count() => format!("{more}─"),
        _ => String::new(),
    };
    let edge = "─".repeat(columns - tail.chars().count());
    let mut lines = vec![Line::styled(format!("{edge}{tail}"), rule)];
    lines.extend(
        wrapped
            .iter()
            .skip(top)
            .take(rows)
            .map(|piece| Line::raw(format!(" {piece}"))),
    );
    draw_lines(frame, area, lines);
}

/// A regex matching `text` as it stands, except that an apostrophe matches any apostrophe,
/// as library search does (`doesn't` finds `doesn’t`).
pub fn literal_pattern(text: &str) -> String {
    let class: String = APOSTROPHES.iter().collect();
    regex::escape(text)
        .split(APOSTROPHES)
        .collect::<Vec<_>>()
        .join(&format!("[{class}]"))
}

/// A smart-case search for `query` as typed (like less): case-insensitive unless the
/// query has a capital letter; `None` for an empty query.
pub fn smart_case(query: &str) -> Option<Regex> {
    if query.is_empty() {
        return None;
    }
    let sensitive = query.chars().any(char::is_uppercase);
    regex::RegexBuilder::new(&literal_pattern(query))
        .case_insensitive(!sensitive)
        .build()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_text_is_cut_to_its_room_with_an_ellipsis() {
        assert_eq!(one_line_within("short  line", 20), "short line");
        assert_eq!(one_line_within("abcdef", 6), "abcdef");
        assert_eq!(one_line_within("abcdefg", 6), "abcdef…");
        // Characters, not bytes: a cut never splits one.
        assert_eq!(one_line_within("Sérgei Ryabkov", 3), "Sér…");
        assert_eq!(one_line_within("“Yes”", 0), "…");
    }

    #[test]
    fn fit_respects_display_width() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("中文中文", 5), "中文…");
        assert_eq!(fit("ok", 4), "ok");
        assert_eq!(fit("abcd", 4), "abcd");
        assert_eq!(fit("abcd", 0), "");
        assert_eq!(one_line("a\n\tb\x1bc"), "a b^[c");
    }

    #[test]
    fn fit_line_cuts_across_spans_and_keeps_styles() {
        let bold = Style::new().bold();
        let line = Line::from(vec![Span::raw("ab "), Span::styled("cdef", bold)]);
        let cut = fit_line(line.clone(), 5);
        assert_eq!(cut.to_string(), "ab c…");
        assert_eq!(cut.spans[1].style, bold);
        assert_eq!(fit_line(line.clone(), 7).to_string(), "ab cdef");
        assert_eq!(fit_line(line.clone(), 3).to_string(), "ab…");
        assert_eq!(fit_line(line, 0).to_string(), "");
    }

    #[test]
    fn wrap_cut_marks_what_it_leaves_out() {
        assert_eq!(wrap_cut("one two three", 7, 3), ["one two", "three"]);
        assert_eq!(wrap_cut("one two three four", 7, 2), ["one two", "three…"]);
        assert_eq!(wrap_cut("one two three", 7, 1), ["one tw…"]);
        assert_eq!(wrapped_height("one two three", 7), 2);
    }

    #[test]
    fn smart_case_like_less() {
        assert!(smart_case("ryabkov").unwrap().is_match("Sergei Ryabkov"));
        assert!(!smart_case("RYABKOV").unwrap().is_match("Sergei Ryabkov"));
        assert!(smart_case("").is_none());
        assert!(smart_case("doesn't").unwrap().is_match("it doesn\u{2019}t"));
        assert!(smart_case("doesn\u{2019}t").unwrap().is_match("it doesn't"));
        assert!(
            smart_case("a.b").unwrap().is_match("a.b")
                && !smart_case("a.b").unwrap().is_match("axb")
        );
    }
}
