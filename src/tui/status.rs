//! The status bar: briefing n of N, the focused pane, the search (or the prompt being
//! typed), the filter, messages and errors, and key hints taken from the key map.

use crate::library::Entry;
use crate::tui::state::State;
use crate::tui::text::{draw_lines, fit, one_line};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Draws the status bar into `area` (one row).
pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let sep = || Span::styled(" │ ", t.dim);
    let mut left: Vec<Span> = vec![Span::styled(format!(" {}", state.focus.name()), t.focused)];
    let position = match state.open {
        Some(_) => format!("{}/{}", state.list.selected + 1, state.shown.len()),
        None => format!("0/{}", state.shown.len()),
    };
    left.push(sep());
    left.push(Span::raw(position));
    let mut cursor = None;
    if let Some(p) = &state.prompt {
        left.push(sep());
        let typed = format!("/{}", one_line(&p.text));
        let column =
            area.x + left.iter().map(|s| s.width()).sum::<usize>() as u16 + typed.width() as u16;
        cursor = Some(Position::new(
            column.min(area.right().saturating_sub(1)),
            area.y,
        ));
        left.push(Span::styled(typed, t.headline));
    } else if let Some(s) = &state.search {
        left.push(sep());
        let count = match s.current {
            Some(c) => format!("{}/{}", c + 1, s.hits.len()),
            None => format!("{} hits", s.hits.len()),
        };
        left.push(Span::raw(format!("/{} {count}", one_line(&s.query))));
    }
    if !state.list_query.is_empty()
        && state
            .prompt
            .as_ref()
            .is_none_or(|p| p.pane != crate::tui::state::Pane::List)
    {
        left.push(sep());
        left.push(Span::raw(format!("list: /{}", one_line(&state.list_query))));
    }
    if !state.filter.is_empty() {
        left.push(sep());
        left.push(Span::raw(format!(
            "filter: {}",
            one_line(&state.filter.describe())
        )));
    }
    let failed = state
        .entries
        .iter()
        .filter(|e| matches!(e, Entry::Failed(_)))
        .count();
    if let Some(m) = &state.message {
        left.push(sep());
        left.push(Span::styled(one_line(m), t.error));
    } else if failed > 0 {
        left.push(sep());
        left.push(Span::styled(format!("{failed} unreadable"), t.error));
    }
    let hints: String = state
        .config
        .keys
        .hints()
        .iter()
        .map(|(key, word)| format!("{key} {word}"))
        .collect::<Vec<_>>()
        .join("  ");
    let used: usize = left.iter().map(|s| s.width()).sum();
    let room = usize::from(area.width).saturating_sub(used);
    if hints.width() + 2 <= room {
        left.push(Span::raw(" ".repeat(room - hints.width() - 1)));
        left.push(Span::styled(hints, t.dim));
    }
    let text: String = left.iter().map(|s| s.content.as_ref()).collect();
    let line = if text.width() > usize::from(area.width) {
        Line::raw(fit(&text, usize::from(area.width)))
    } else {
        Line::from(left)
    };
    draw_lines(frame, area, [line]);
    if let Some(c) = cursor {
        frame.set_cursor_position(c);
    }
}
