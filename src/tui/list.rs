//! The briefings pane: every briefing with its date (or source) and counts, unreadable
//! files marked `✗` with their reason, files read with warnings marked `⚠`; `/` here
//! filters the whole library.

use crate::extract::Kind;
use crate::library::Entry;
use crate::tui::state::{Pane, State};
use crate::tui::text::{draw_empty, draw_lines, fit, highlighted, one_line, plural, smart_case};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use regex::Regex;

/// True when a briefing's title, text, speakers or parties match; an unreadable file
/// matches on its path and error.
pub fn matches(e: &Entry, re: &Regex) -> bool {
    match e {
        Entry::Ok(b, x) => {
            re.is_match(&b.title)
                || re.is_match(&b.text)
                || x.quotes.iter().any(|q| {
                    q.speaker.as_deref().is_some_and(|s| re.is_match(s))
                        || q.party.as_deref().is_some_and(|p| re.is_match(p))
                })
                || x.statements
                    .iter()
                    .any(|s| s.actor.as_deref().is_some_and(|a| re.is_match(a)))
        }
        Entry::Failed(err) => re.is_match(&err.to_string()),
    }
}

/// Draws the list into `area` (inside the border): two lines per briefing.
pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let width = usize::from(area.width);
    let regex = smart_case(&state.list_query);
    if state.shown.is_empty() {
        let none = " no briefings here";
        return draw_empty(frame, area, t.dim, none, !state.entries.is_empty());
    }
    let mut lines = Vec::with_capacity(usize::from(area.height));
    for (row, &i) in state
        .shown
        .iter()
        .enumerate()
        .skip(state.list.offset)
        .take(usize::from(area.height).div_ceil(2))
    {
        let selected = row == state.list.selected;
        let marker = if selected { "▶ " } else { "  " };
        let (title, detail, detail_style) = match &state.entries[i] {
            Entry::Ok(b, x) => {
                let denials = x.count(Kind::Denial);
                let when = b.meta.date.as_deref().or(b.meta.source.as_deref());
                let counts = format!(
                    "{} · {}",
                    plural(x.quotes.len(), "quote"),
                    plural(denials, "denial")
                );
                let detail = match when {
                    Some(w) => format!("{} · {counts}", one_line(w)),
                    None => counts,
                };
                let detail = match (
                    state.marks.is_starred(&b.path),
                    state.marks.is_read(&b.path),
                ) {
                    (true, true) => format!("★ read · {detail}"),
                    (true, false) => format!("★ {detail}"),
                    (false, true) => format!("read · {detail}"),
                    (false, false) => detail,
                };
                let title = if b.warnings.is_empty() {
                    one_line(&b.title)
                } else {
                    format!("⚠ {}", one_line(&b.title))
                };
                (title, detail, t.dim)
            }
            Entry::Failed(err) => (
                format!("✗ {}", one_line(&err.path.display().to_string())),
                one_line(&err.problem.to_string()),
                t.error,
            ),
        };
        let title = fit(&title, width.saturating_sub(2));
        let title_style = if selected && state.focus == Pane::List {
            t.selected
        } else if selected {
            t.headline
        } else {
            ratatui::style::Style::new()
        };
        let mut first = vec![Span::raw(marker)];
        first.extend(highlighted(title, regex.as_ref(), title_style, t.hit));
        lines.push(Line::from(first));
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(fit(&detail, width.saturating_sub(2)), detail_style),
        ]));
    }
    draw_lines(frame, area, lines);
}
