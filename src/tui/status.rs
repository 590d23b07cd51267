//! The status bar: briefing n of N, the focused pane, the search (or the prompt being
//! typed), the filter, messages and errors, and key hints taken from the key map.

use crate::tui::action::Action;
use crate::tui::state::State;
use crate::tui::text::{draw_lines, fit, one_line, plural};
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
        Some(_) => format!(
            "{}/{}",
            thousands(state.list.selected + 1),
            thousands(state.shown.len())
        ),
        None => format!("0/{}", thousands(state.shown.len())),
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
            None => plural(s.hits.len(), "hit"),
        };
        // A search the list search carried into the article has its query shown once, as
        // the list's, not again in full before it.
        if s.from_list && state.list_search.is_some() {
            left.push(Span::raw(format!("{count} in the article")));
        } else {
            left.push(Span::raw(format!("/{} {count}", one_line(&s.query))));
        }
    }
    if let Some(list) = state.list_search.as_ref().filter(|_| {
        state
            .prompt
            .as_ref()
            .is_none_or(|p| p.pane != crate::tui::state::Pane::List)
    }) {
        left.push(sep());
        left.push(Span::raw(format!("list: /{}", one_line(&list.text))));
    }
    if !state.filter.is_empty() {
        left.push(sep());
        left.push(Span::raw(format!(
            "filter: {}",
            one_line(&state.filter.describe())
        )));
    }
    let searched = (state.library.searched()).filter(|_| state.list_search.is_some());
    if let Some((covered, total)) = searched {
        left.push(sep());
        left.push(Span::styled(searching(covered, total), t.focused));
    } else if let Some((read, total)) = state.progress {
        left.push(sep());
        left.push(Span::styled(reading(read, total), t.focused));
    }
    // A mistyped field is named for as long as the list search holds it, not only for the
    // few seconds a message stands.
    let unknown_field = || {
        let list = state.list_search.as_ref()?;
        list.query.unknown_fields().first().map(ToString::to_string)
    };
    if let Some(m) = &state.message {
        left.push(sep());
        left.push(Span::styled(one_line(m), t.error));
    } else if let Some(note) = unknown_field() {
        left.push(sep());
        left.push(Span::styled(one_line(&note), t.error));
    } else if state.unreadable > 0 {
        left.push(sep());
        left.push(Span::styled(
            format!("{} unreadable", state.unreadable),
            t.error,
        ));
    }
    // Over the dossier only its own keys work: q and Esc close it there.
    let actions: &[Action] = if state.dossier.is_some() {
        &[
            Action::Help,
            Action::Open,
            Action::CopyQuote,
            Action::Export,
            Action::Dossier,
            Action::Clear,
        ]
    } else {
        &[
            Action::Help,
            Action::Search,
            Action::Filter,
            Action::Dossier,
            Action::Quit,
        ]
    };
    let used: usize = left.iter().map(|s| s.width()).sum();
    let room = usize::from(area.width).saturating_sub(used);
    let hints = hints_that_fit(
        state
            .config
            .keys
            .hints(actions)
            .iter()
            .map(|(key, word)| format!("{key} {word}")),
        room.saturating_sub(2),
    );
    if !hints.is_empty() {
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

/// As many of the key hints as fit in `room` columns, in order (the help key first, so a
/// narrow terminal still says how to see every key), two spaces apart. All or nothing left
/// a 60-column bar with no hint at all.
fn hints_that_fit(hints: impl Iterator<Item = String>, room: usize) -> String {
    let mut out = String::new();
    for hint in hints {
        let gap = if out.is_empty() { 0 } else { 2 };
        if out.width() + gap + hint.width() > room {
            break;
        }
        if gap > 0 {
            out.push_str("  ");
        }
        out.push_str(&hint);
    }
    out
}

/// The background reading as the status bar says it: `reading 41,200/100,000`.
pub fn reading(read: usize, total: usize) -> String {
    if total == 0 {
        return "reading the folder…".to_string();
    }
    format!("reading {}/{}", thousands(read), thousands(total))
}

/// A list search while the archive is first read, as the status bar says it (in place of
/// the reading): `searching 41,200 of 100,000 read`.
pub fn searching(covered: usize, total: usize) -> String {
    format!(
        "searching {} of {} read",
        thousands(covered),
        thousands(total)
    )
}

/// A count with commas between thousands, as people read large numbers (the status bar
/// and the list's title say counts the same way).
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_reads_like_a_number() {
        assert_eq!(reading(41_200, 100_000), "reading 41,200/100,000");
        assert_eq!(reading(7, 12), "reading 7/12");
        assert_eq!(reading(0, 0), "reading the folder…");
        assert_eq!(
            searching(41_200, 100_000),
            "searching 41,200 of 100,000 read"
        );
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
