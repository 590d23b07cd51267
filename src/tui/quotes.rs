//! The quotes pane: who said what, in article order: speaker · party, then the words, on as
//! many lines as the pane has room for.

use crate::briefing::Briefing;
use crate::extract::{Extraction, Kind, Quote};
use crate::tui::state::{Pane, State};
use crate::tui::text::{
    DETAIL_CHARS, draw_empty, draw_lines, fit, highlighted, one_line, one_line_within, wrap_cut,
    wrapped_height,
};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// The quoted words as a row shows them, at most `room` characters of them (a row `w`
/// columns wide and `h` high shows fewer than `w * (h + 1)`).
fn words(b: &Briefing, q: &Quote, room: usize) -> String {
    format!("“{}”", one_line_within(q.span.of(&b.text), room))
}

/// What a quote is: a denial or a claim when it lies inside one, else just a quote.
fn kind(q: &Quote, x: &Extraction) -> &'static str {
    let inside = x.statements.iter().find(|s| s.span.overlaps(q.span));
    match inside.map(|s| s.kind) {
        Some(Kind::Denial) => "denial",
        Some(Kind::Claim) => "claim",
        None => "quote",
    }
}

/// The selected quote in full with its kind, speaker and party, for the foot of the pane.
pub fn selected_text(state: &State) -> Option<String> {
    let (b, x) = state.current()?;
    let q = &x.quotes[*state.quote_rows.get(state.quotes.selected)?];
    let who = q.speaker.as_deref().unwrap_or("speaker unknown");
    let party = q
        .party
        .as_deref()
        .map_or(String::new(), |p| format!(" · {}", one_line(p)));
    Some(format!(
        "{} · {}{party}: {}",
        kind(q, x),
        one_line(who),
        words(b, q, DETAIL_CHARS)
    ))
}

/// Rows each quote takes in a pane `width` x `rows`: who said it, then the words on as many
/// lines as they need, as far as the room shared out among the quotes allows (one line of
/// words each when the pane is crowded).
pub fn heights(state: &State, width: usize, rows: usize) -> Vec<usize> {
    let count = state.quote_rows.len();
    let cap = (rows / count.max(1)).max(2);
    let Some((b, x)) = state.current().filter(|_| cap > 2) else {
        return vec![2; count];
    };
    // (A row's words show on at most `cap - 1` lines.)
    let room = width.saturating_mul(cap);
    state
        .quote_rows
        .iter()
        .map(|&i| {
            1 + wrapped_height(&words(b, &x.quotes[i], room), width.saturating_sub(2)).min(cap - 1)
        })
        .collect()
}

/// Draws the quotes into `area` (inside the border).
pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let Some((b, x)) = state.current() else {
        return;
    };
    if state.quote_rows.is_empty() {
        let hidden_by = (!x.quotes.is_empty()).then_some("the filter");
        return draw_empty(frame, area, t.dim, " no quotes found", hidden_by);
    }
    let width = usize::from(area.width);
    let heights = heights(state, width, usize::from(area.height));
    let regex = state
        .search
        .as_ref()
        .filter(|s| s.pane == Pane::Quotes)
        .and_then(|s| s.regex.as_ref());
    let mut lines = Vec::with_capacity(usize::from(area.height));
    for (row, &i) in state
        .quote_rows
        .iter()
        .enumerate()
        .skip(state.quotes.offset)
    {
        if lines.len() >= usize::from(area.height) {
            break;
        }
        let q = &x.quotes[i];
        let selected = row == state.quotes.selected && state.focus == Pane::Quotes;
        let who = match (&q.speaker, &q.party) {
            (Some(s), Some(p)) => format!("{} · {}", one_line(s), one_line(p)),
            (Some(s), None) => one_line(s),
            (None, Some(p)) => format!("speaker unknown · {}", one_line(p)),
            (None, None) => "speaker unknown".into(),
        };
        let who_style = if q.speaker.is_some() {
            t.speaker
        } else {
            t.dim
        };
        let pick = |s: ratatui::style::Style| if selected { s.patch(t.selected) } else { s };
        let mut head = vec![Span::raw(" ")];
        head.extend(highlighted(
            fit(&who, width.saturating_sub(1)),
            regex,
            pick(who_style),
            t.hit,
        ));
        lines.push(Line::from(head));
        let room = width.saturating_mul(heights[row]);
        for piece in wrap_cut(
            &words(b, q, room),
            width.saturating_sub(2),
            heights[row] - 1,
        ) {
            let mut body = vec![Span::raw("  ")];
            body.extend(highlighted(piece, regex, pick(t.quote), t.hit));
            lines.push(Line::from(body));
        }
    }
    draw_lines(frame, area, lines);
}
