//! The quotes pane: who said what, in article order: speaker · party, then the words.

use crate::tui::state::{Pane, State};
use crate::tui::text::{draw_empty, draw_lines, fit, highlighted, one_line};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// The selected quote in full with who said it, for the foot of the pane.
pub fn selected_text(state: &State) -> Option<String> {
    let (b, x) = state.current()?;
    let q = &x.quotes[*state.quote_rows.get(state.quotes.selected)?];
    let who = q.speaker.as_deref().unwrap_or("speaker unknown");
    Some(format!(
        "“{}” — {}",
        one_line(q.span.of(&b.text)),
        one_line(who)
    ))
}

/// Draws the quotes into `area` (inside the border): two lines per quote.
pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let Some((b, x)) = state.current() else {
        return;
    };
    if state.quote_rows.is_empty() {
        return draw_empty(frame, area, t.dim, " no quotes found", !x.quotes.is_empty());
    }
    let width = usize::from(area.width);
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
        .take(usize::from(area.height).div_ceil(2))
    {
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
        let words = fit(
            &format!("“{}”", one_line(q.span.of(&b.text))),
            width.saturating_sub(2),
        );
        let pick = |s: ratatui::style::Style| if selected { s.patch(t.selected) } else { s };
        let mut head = vec![Span::raw(" ")];
        head.extend(highlighted(
            fit(&who, width.saturating_sub(1)),
            regex,
            pick(who_style),
            t.hit,
        ));
        let mut body = vec![Span::raw("  ")];
        body.extend(highlighted(words, regex, pick(t.quote), t.hit));
        lines.push(Line::from(head));
        lines.push(Line::from(body));
    }
    draw_lines(frame, area, lines);
}
