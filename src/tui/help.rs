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
pub const GUIDE: [&str; 7] = [
    "Briefings: date and counts; ✗ = unreadable, ⚠ = read with warnings.",
    "Article: quotes highlighted, ‹name› = who spoke. Quotes: speaker · party.",
    "Claims ◀─▶ denials: a section per party, its claims on the left; a denial",
    "  sits right of the claim it answers. Party dossier: one party, everywhere.",
    "Searching in the briefings pane searches the library: words, \"phrase\",",
    "  -word, party:, speaker:, kind:claim|denial, tag:, date:2016-09..2016-10.",
    "Below 100 columns (layout.narrow_below) side panes become tabs: Tab moves.",
];

/// Lines of the overlay, and how many fit in its box on screen.
pub fn extent(state: &State) -> (usize, usize) {
    let total = GUIDE.len() + 1 + state.config.keys.help_rows().len();
    let room = usize::from(state.size.height)
        .min(total + 2)
        .saturating_sub(2);
    (total, room)
}

/// The last first line that still fills the box (G goes there, never past it).
pub fn max_top(state: &State) -> usize {
    let (total, room) = extent(state);
    total.saturating_sub(room)
}

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
    let mut lines: Vec<Line> = GUIDE.iter().map(|g| Line::raw(format!(" {g}"))).collect();
    lines.push(Line::default());
    lines.extend(rows.iter().map(|(keys, what)| {
        Line::from(vec![
            Span::styled(format!(" {keys:<key_width$}  "), t.focused),
            Span::raw(*what),
        ])
    }));
    let total = lines.len();
    let area = centered(frame.area(), 86, total as u16 + 2);
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
        .filter_map(|a| keys.keys_for(&a).next().map(|k| k.to_string()))
        .collect();
    let close = format!(" {} closes ", closing.join(" or "));
    let inside = usize::from(area.height.saturating_sub(2));
    let more = match keys.keys_for(&Action::Down).next() {
        Some(k) if top + inside < total => format!(" more: {k} "),
        _ => String::new(),
    };
    let block = Block::bordered()
        .title(" sitrep: how to read it, and every key ")
        .title_bottom(Line::from(more))
        .title_bottom(Line::from(close).right_aligned())
        .border_style(t.focused);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
