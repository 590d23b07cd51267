//! The help overlay (`?`): every binding of the key map, generated from it, and a short
//! guide to reading the panes.

use crate::tui::action::Action;
use crate::tui::filter::centered;
use crate::tui::state::State;
use crate::tui::text::fit;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// How to read the screen, shown under the keys.
pub const GUIDE: [&str; 6] = [
    "Briefings: every file, with its date or source and counts; ✗ marks unreadable ones.",
    "Article: quotes are highlighted and ‹name› tags say who spoke.",
    "Quotes: who said what (speaker · party), in article order.",
    "Claims ◀─▶ denials: one section per party with its claims on the left; a denial",
    "  stands on the right of the claim it answers, and ◀─▶ joins the two.",
    "Searching in the briefings pane filters the whole library.",
];

/// Draws the help overlay, scrolled to `top`.
pub fn render(frame: &mut Frame, state: &State, top: usize) {
    let t = &state.theme;
    let rows = state.config.keys.help_rows();
    let key_width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!(" {keys:<key_width$}  "), t.focused),
                Span::raw(*what),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.extend(GUIDE.iter().map(|g| Line::styled(format!(" {g}"), t.dim)));
    let area = centered(frame.area(), 84, lines.len() as u16 + 2);
    let width = usize::from(area.width.saturating_sub(2));
    let lines: Vec<Line> = lines
        .into_iter()
        .skip(top)
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            if unicode_width::UnicodeWidthStr::width(text.as_str()) > width {
                Line::raw(fit(&text, width))
            } else {
                l
            }
        })
        .collect();
    frame.render_widget(Clear, area);
    let keys = &state.config.keys;
    let closing: Vec<String> = [Action::Help, Action::Clear]
        .into_iter()
        .filter_map(|a| keys.keys_for(a).next().map(|k| k.to_string()))
        .collect();
    let close = format!(" {} closes ", closing.join(" or "));
    let block = Block::bordered()
        .title(" Keys ")
        .title_bottom(Line::from(close).right_aligned())
        .border_style(t.focused);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
