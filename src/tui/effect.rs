//! The reader's actions that reach outside its state: marks and stars saved to the state
//! folder, Markdown written to a file, a quote sent to the clipboard. `update` stays pure
//! and leaves these in [`State::effect`]; the event loop calls [`run`] after it.

use crate::clipboard::{osc52, quote_with_speaker};
use crate::extract::Gazetteer;
use crate::library::report::write_markdown;
use crate::tui::action::Action;
use crate::tui::state::State;
use std::io::Write;
use std::path::Path;

/// Carries out `action` on the open briefing, writing clipboard sequences to `terminal`,
/// and says what happened in the status bar.
pub fn run(state: &mut State, action: Action, terminal: &mut impl Write, export_dir: &Path) {
    let Some((b, x)) = state.current() else {
        state.message = Some("no readable briefing is open".into());
        return;
    };
    let path = b.path.clone();
    let shown = crate::sanitize::visible(&path.display().to_string(), false).into_owned();
    let message = match action {
        Action::ToggleRead => match state.marks.toggle_read(&path) {
            Ok(true) => format!("marked read: {shown}"),
            Ok(false) => format!("marked unread: {shown}"),
            Err(e) => format!("marks not saved: {e}"),
        },
        Action::ToggleStar => match state.marks.toggle_star(&path) {
            Ok(true) => format!("starred: {shown}"),
            Ok(false) => format!("star removed: {shown}"),
            Err(e) => format!("marks not saved: {e}"),
        },
        Action::Export => {
            let parties = Gazetteer::builtin().with_extra(&state.config.parties);
            match write_markdown(&path, &parties, export_dir) {
                Ok(file) => format!(
                    "wrote {}",
                    crate::sanitize::visible(&file.display().to_string(), false)
                ),
                Err(e) => format!("export failed: {e}"),
            }
        }
        Action::CopyQuote => {
            let quote = state
                .quote_rows
                .get(state.quotes.selected)
                .and_then(|&i| x.quotes.get(i));
            match quote {
                Some(q) => {
                    // Cited by title, and by date when the briefing carries its own.
                    let date = state
                        .library
                        .id_of(&path)
                        .map(|id| state.library.doc(id))
                        .filter(|d| d.has_own_date() && !d.date.is_empty())
                        .map(|d| format!(", {}", d.date));
                    let source = format!("{}{}", b.title, date.unwrap_or_default());
                    let text = quote_with_speaker(
                        q.span.of(&b.text),
                        q.speaker.as_deref(),
                        q.party.as_deref(),
                        &source,
                    );
                    match terminal
                        .write_all(osc52(&text).as_bytes())
                        .and_then(|()| terminal.flush())
                    {
                        Ok(()) => "copied the quote, its speaker and its briefing to the clipboard (OSC 52: the terminal must allow it)".into(),
                        Err(e) => format!("copy failed: {e}"),
                    }
                }
                None => "no quote selected".into(),
            }
        }
        _ => return,
    };
    state.message = Some(message);
}
