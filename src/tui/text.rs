//! Turning briefing strings into what a one-line cell shows: safe for the terminal
//! (through [`crate::sanitize::visible`]), whitespace folded, cut to a display width, with
//! search hits picked out.

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
/// `some_hidden`, that the filter hides it.
pub fn draw_empty(frame: &mut Frame, area: Rect, style: Style, none: &str, some_hidden: bool) {
    let note = if some_hidden {
        " nothing matches the filter"
    } else {
        none
    };
    draw_lines(frame, area, [Line::styled(note, style)]);
}

/// Draws a rule and then `text` wrapped into the rest of `area`, the last line cut with `…`
/// when the text runs longer: the full words of a row a list had to cut short.
pub fn draw_detail(frame: &mut Frame, area: Rect, text: Option<String>, rule: Style) {
    let (Some(text), Some(width)) = (text, usize::from(area.width).checked_sub(1)) else {
        return;
    };
    if area.height == 0 || width == 0 {
        return;
    }
    let rows = usize::from(area.height - 1);
    let wrapped = textwrap::wrap(&text, width);
    let mut lines = vec![Line::styled("─".repeat(usize::from(area.width)), rule)];
    for (i, piece) in wrapped.iter().take(rows).enumerate() {
        let piece = if i + 1 == rows && wrapped.len() > rows {
            fit(&format!("{piece}…"), width)
        } else {
            piece.to_string()
        };
        lines.push(Line::raw(format!(" {piece}")));
    }
    draw_lines(frame, area, lines);
}

/// A smart-case search for `query` as typed (like less): case-insensitive unless the
/// query has a capital letter; `None` for an empty query.
pub fn smart_case(query: &str) -> Option<Regex> {
    if query.is_empty() {
        return None;
    }
    let sensitive = query.chars().any(char::is_uppercase);
    regex::RegexBuilder::new(&regex::escape(query))
        .case_insensitive(!sensitive)
        .build()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn smart_case_like_less() {
        assert!(smart_case("ryabkov").unwrap().is_match("Sergei Ryabkov"));
        assert!(!smart_case("RYABKOV").unwrap().is_match("Sergei Ryabkov"));
        assert!(smart_case("").is_none());
        assert!(
            smart_case("a.b").unwrap().is_match("a.b")
                && !smart_case("a.b").unwrap().is_match("axb")
        );
    }
}
