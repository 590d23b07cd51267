//! The claims vs denials pane: one section per party with its claims on the left and, on
//! the same row, the denial that answers each claim (whichever party made it) on the right,
//! laid out by [`crate::table`] like the Markdown export.

use crate::briefing::Briefing;
use crate::extract::{Extraction, Kind};
use crate::table::{self, Placed, Row};
use crate::tui::filter::Filter;
use crate::tui::state::{Pane, State};
use crate::tui::text::{draw_empty, draw_lines, fit, highlighted, one_line};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use regex::Regex;
use unicode_width::UnicodeWidthStr;

/// The rows for an extraction under a filter: the shared claims-vs-denials layout.
pub fn rows(x: &Extraction, filter: &Filter) -> Vec<Row> {
    let placed: Vec<Placed> = x
        .statements
        .iter()
        .map(|s| Placed {
            kind: s.kind,
            party: s.party.as_deref(),
            counter: s.counter,
        })
        .collect();
    table::layout(&placed, |i| filter.statement(&x.statements[i]))
}

/// The pair row nearest `from` going in `direction` (±1), turning back at the ends;
/// section headers are never selected.
pub fn nearest_pair(rows: &[Row], from: usize, direction: isize) -> usize {
    let is_pair = |i: usize| matches!(rows.get(i), Some(Row::Pair { .. }));
    let from = from.min(rows.len().saturating_sub(1));
    let forward = (from..rows.len()).find(|&i| is_pair(i));
    let backward = (0..=from).rev().find(|&i| is_pair(i));
    let found = if direction >= 0 {
        forward.or(backward)
    } else {
        backward.or(forward)
    };
    found.unwrap_or(0)
}

/// True when the search matches either statement of a row (text or actor) or a header.
pub fn row_matches(row: &Row, b: &Briefing, x: &Extraction, re: &Regex) -> bool {
    match row {
        Row::Section { party, deniers } => {
            party.as_deref().is_some_and(|p| re.is_match(p))
                || deniers.iter().any(|d| re.is_match(d))
        }
        Row::Pair { claim, denial } => [claim, denial]
            .into_iter()
            .flatten()
            .any(|&i| re.is_match(&cell_text(b, x, i))),
    }
}

/// What a statement's cell says: the sentence, led by the speaker's last name when a
/// person (not the party itself) makes it, as in `Ryabkov: … denied …`.
fn cell_text(b: &Briefing, x: &Extraction, i: usize) -> String {
    let s = &x.statements[i];
    let text = one_line(s.span.of(&b.text));
    let person = s
        .actor
        .as_deref()
        .filter(|a| Some(*a) != s.party.as_deref());
    match person.and_then(|a| a.split_whitespace().last()) {
        Some(name) => format!("{}: {text}", one_line(name)),
        None => text,
    }
}

/// The statement Enter jumps to on the selected row: the chosen side, else the other.
pub fn selected_statement(state: &State) -> Option<usize> {
    match state.claim_rows.get(state.claims.selected)? {
        Row::Pair { claim, denial } => {
            if state.denial_side {
                denial.or(*claim)
            } else {
                claim.or(*denial)
            }
        }
        Row::Section { .. } => None,
    }
}

/// The chosen statement of the selected row in full, with its kind, actor and party, for
/// the foot of the pane.
pub fn selected_text(state: &State) -> Option<String> {
    let (b, x) = state.current()?;
    let s = &x.statements[selected_statement(state)?];
    let kind = match s.kind {
        Kind::Claim => "claim",
        Kind::Denial => "denial",
    };
    let mut who: Vec<&str> = [s.actor.as_deref(), s.party.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    who.dedup();
    Some(format!(
        "{kind} · {}: {}",
        one_line(&who.join(" · ")),
        one_line(s.span.of(&b.text))
    ))
}

/// Draws the pane's rows into `area` (inside the border).
pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let Some((b, x)) = state.current() else {
        return;
    };
    if state.claim_rows.is_empty() {
        let none = " no claims or denials found";
        return draw_empty(frame, area, t.dim, none, !x.statements.is_empty());
    }
    let width = usize::from(area.width);
    let left_width = width.saturating_sub(3) / 2;
    let right_width = width.saturating_sub(left_width + 3);
    let search = state.search.as_ref().filter(|s| s.pane == Pane::Claims);
    let regex = search.and_then(|s| s.regex.as_ref());
    let focused = state.focus == Pane::Claims;
    let lines: Vec<Line> = state
        .claim_rows
        .iter()
        .enumerate()
        .skip(state.claims.offset)
        .take(usize::from(area.height))
        .map(|(r, row)| match row {
            Row::Section { party, deniers } => {
                let left = fit(
                    &one_line(party.as_deref().unwrap_or("no party")),
                    left_width,
                );
                let right = fit(&one_line(&deniers.join(", ")), right_width);
                let pad = left_width.saturating_sub(left.width());
                Line::from(vec![
                    Span::styled(left, t.claim.patch(t.headline)),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(" │ ", t.dim),
                    Span::styled(right, t.denial.patch(t.headline)),
                ])
            }
            Row::Pair { claim, denial } => {
                let selected = focused && r == state.claims.selected;
                let cell = |i: &Option<usize>, w: usize, style: Style, chosen: bool| {
                    let text = i
                        .map(|i| fit(&format!(" {}", cell_text(b, x, i)), w))
                        .unwrap_or_default();
                    let pad = w.saturating_sub(text.width());
                    let style = if selected && chosen {
                        style.patch(t.selected)
                    } else {
                        style
                    };
                    let mut spans = highlighted(text, regex, style, t.hit);
                    spans.push(Span::raw(" ".repeat(pad)));
                    spans
                };
                let link = if claim.is_some() && denial.is_some() {
                    "◀─▶"
                } else {
                    " │ "
                };
                let mut spans = cell(
                    claim,
                    left_width,
                    t.claim,
                    !state.denial_side || denial.is_none(),
                );
                spans.push(Span::styled(link, t.dim));
                spans.extend(cell(
                    denial,
                    right_width,
                    t.denial,
                    state.denial_side || claim.is_none(),
                ));
                Line::from(spans)
            }
        })
        .collect();
    draw_lines(frame, area, lines);
}
