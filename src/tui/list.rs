//! The briefings pane: every briefing of the library with its date and counts (the file
//! name and "not read yet" until the background reading gets to it; the title and date
//! alone for one listed from the cache or just read, until its counts come with the
//! finished index), unreadable files
//! marked `✗` with their reason, files read with warnings marked `⚠`; `/` here searches the
//! whole library. Only the rows on screen are looked at, so 100,000 briefings draw as fast
//! as ten.

use crate::extract::Kind;
use crate::tui::state::{Pane, State};
use crate::tui::status::thousands;
use crate::tui::text::{draw_empty, draw_lines, fit, highlighted, one_line, plural};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the list into `area` (inside the border): two lines per briefing.
pub fn render(frame: &mut Frame, area: Rect, state: &State) {
    let t = &state.theme;
    let width = usize::from(area.width);
    let highlight = state
        .list_search
        .as_ref()
        .and_then(|s| s.highlight.as_ref());
    if state.shown.is_empty() {
        // While the archive is first read, a search covers the briefings read so far.
        if let Some((covered, _)) = state
            .library
            .searched()
            .filter(|_| state.list_search.is_some())
        {
            let note = format!(
                "Nothing yet among the briefings read so far ({}): the search goes on as \
                 the rest is read.",
                thousands(covered)
            );
            let note = Paragraph::new(Line::styled(note, t.dim)).wrap(Wrap { trim: true });
            return frame.render_widget(note, area);
        }
        let none = " no briefings here";
        let hidden_by = match (state.library.is_empty(), &state.list_search) {
            (true, _) => None,
            (false, Some(_)) => Some("the search"),
            (false, None) => Some("the filter"),
        };
        return draw_empty(frame, area, t.dim, none, hidden_by);
    }
    let mut lines = Vec::with_capacity(usize::from(area.height));
    for (row, &id) in state
        .shown
        .iter()
        .enumerate()
        .skip(state.list.offset)
        .take(usize::from(area.height).div_ceil(2))
    {
        let selected = row == state.list.selected;
        let marker = if selected { "▶ " } else { "  " };
        let doc = state.library.doc(id);
        let (title, detail, detail_style) = match &doc.error {
            None => {
                let starred = state.marks.is_starred(&doc.path);
                let read = state.marks.is_read(&doc.path);
                // A date guessed from the file's modification time is left out: it says
                // when the file was copied, not when the news happened.
                let when = doc.own_date().map(one_line);
                // A briefing with a stamp but no extraction here was read (listed from the
                // cache, or in this round of reading): its counts follow with the index.
                let counts = if doc.extracted {
                    Some(format!(
                        "{} · {}",
                        plural(doc.quotes, "quote"),
                        plural(doc.count(Kind::Denial), "denial")
                    ))
                } else {
                    doc.stamp.is_none().then(|| "not read yet".to_string())
                };
                let parts = [read.then(|| "read".to_string()), when, counts];
                let detail = parts.into_iter().flatten().collect::<Vec<_>>().join(" · ");
                let detail = if starred {
                    format!("★ {detail}").trim_end().to_string()
                } else {
                    detail
                };
                let title = if doc.warned {
                    format!("⚠ {}", one_line(&doc.title))
                } else {
                    one_line(&doc.title)
                };
                (title, detail, t.dim)
            }
            // The file's name, as for a briefing not read yet: a whole path (an archive's
            // is often long and absolute) left the name itself cut off; the article pane
            // names the whole path.
            Some(err) => {
                let name = doc
                    .path
                    .file_name()
                    .unwrap_or(doc.path.as_os_str())
                    .to_string_lossy();
                (format!("✗ {}", one_line(&name)), one_line(err), t.error)
            }
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
        first.extend(highlighted(title, highlight, title_style, t.hit));
        lines.push(Line::from(first));
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(fit(&detail, width.saturating_sub(2)), detail_style),
        ]));
    }
    draw_lines(frame, area, lines);
}
