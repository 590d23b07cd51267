//! The help overlay (`?`): every binding of the key map, generated from it, and a short
//! guide to reading the panes.

use crate::tui::action::Action;
use crate::tui::filter::centered;
use crate::tui::state::State;
use crate::tui::text::fit_line;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

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

/// The widest the box gets; a narrower screen gets a narrower box, its lines wrapped.
const BOX_WIDTH: u16 = 86;

/// Columns inside the box on a screen `width` wide.
fn inner_width(width: u16) -> usize {
    usize::from(width.min(BOX_WIDTH).saturating_sub(2))
}

/// The overlay's lines wrapped to `width` columns: the guide, a blank line, and a row per
/// binding whose description goes on under itself, so nothing is cut off on a narrow
/// screen (below 80 columns "⚠ = read with warnings" lost its end).
fn lines(state: &State, width: usize) -> Vec<Line<'static>> {
    let t = &state.theme;
    let rows = state.config.keys.help_rows();
    let key_width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    let mut lines = Vec::new();
    // Each piece of `text` wrapped to the room after `lead`, under `lead` and then under
    // as many spaces as `indent` is wide.
    let mut wrap = |lead: Span<'static>, indent: usize, text: &str| {
        let room = width.saturating_sub(indent).max(1);
        let mut lead = Some(lead);
        for piece in textwrap::wrap(text, room) {
            let first = lead.take().unwrap_or_else(|| Span::raw(" ".repeat(indent)));
            let line = Line::from(vec![first, Span::raw(piece.into_owned())]);
            lines.push(fit_line(line, width));
        }
    };
    for g in GUIDE {
        let body = g.trim_start();
        let lead = format!(" {}", &g[..g.len() - body.len()]);
        // A guide line's own continuation is indented two spaces, as the guide's are.
        wrap(Span::raw(lead), 3, body);
    }
    wrap(Span::raw(""), 0, "");
    for (keys, what) in &rows {
        let lead = format!(" {keys:<key_width$}  ");
        let indent = lead.width();
        wrap(Span::styled(lead, t.focused), indent, what);
    }
    lines
}

/// Lines of the overlay once wrapped, and how many fit in its box on screen.
pub fn extent(state: &State) -> (usize, usize) {
    let total = lines(state, inner_width(state.size.width)).len();
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
    let lines = lines(state, inner_width(frame.area().width));
    let total = lines.len();
    let area = centered(frame.area(), BOX_WIDTH, total as u16 + 2);
    let lines: Vec<Line> = lines.into_iter().skip(top).collect();
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
