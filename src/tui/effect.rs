//! The reader's actions that reach outside its state: marks and stars saved to the state
//! folder, Markdown (a briefing's or a dossier's) written to a file, a quote or claim sent
//! to the clipboard. `update` stays pure
//! and leaves these in [`State::effect`]; the event loop calls [`run`] after it.

use crate::briefing::Briefing;
use crate::clipboard::{osc52, quote_with_speaker, statement_with_actor};
use crate::extract::{Extraction, Gazetteer};
use crate::library::report::{write_dossier_markdown, write_markdown};
use crate::tui::action::Action;
use crate::tui::claims::selected_statement;
use crate::tui::dossier::kind_word;
use crate::tui::state::{Pane, State};
use std::io::Write;
use std::path::Path;

/// Carries out `action` on the open briefing, writing clipboard sequences to `terminal`,
/// and says what happened in the status bar.
pub fn run(state: &mut State, action: Action, terminal: &mut impl Write, export_dir: &Path) {
    if state.dossier.is_some() {
        state.message = Some(in_dossier(state, action, terminal, export_dir));
        return;
    }
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
        Action::CopyQuote => copy(state, b, x, terminal),
        _ => return,
    };
    state.message = Some(message);
}

/// Over the dossier: `y` copies the selected claim or denial with its actor and party and
/// the briefing to cite, as in the claims pane; `e` writes the whole dossier as Markdown.
/// Returns the status bar's message.
fn in_dossier(
    state: &State,
    action: Action,
    terminal: &mut impl Write,
    export_dir: &Path,
) -> String {
    let Some(dossier) = &state.dossier else {
        return String::new();
    };
    let library = &state.library;
    match action {
        Action::Export => match write_dossier_markdown(library, &dossier.party, export_dir) {
            Ok(file) => format!(
                "wrote {}",
                crate::sanitize::visible(&file.display().to_string(), false)
            ),
            Err(e) => format!("export failed: {e}"),
        },
        Action::CopyQuote => {
            let Some(r) = dossier.selected() else {
                return "no claim or denial selected".into();
            };
            let doc = library.doc(r.id);
            // The sentence as the file has it now, as the dossier shows it.
            let text = doc.current_text();
            let Some(entry) = text.as_deref().and_then(|t| library.dossier_entry(r, t)) else {
                return "the briefing changed since it was read: nothing copied".into();
            };
            let kind = kind_word(entry.statement.kind);
            let date = doc.own_date().map(|d| format!(", {d}"));
            let source = format!("{}{}", doc.title, date.unwrap_or_default());
            let copied = statement_with_actor(
                &entry.text,
                kind,
                doc.actor(entry.statement),
                doc.party(entry.statement),
                &source,
            );
            send(terminal, &copied, &format!("the {kind}, who made it"))
        }
        _ => String::new(),
    }
}

/// Sends `text` to the clipboard over OSC 52 and says so (`what` was copied).
fn send(terminal: &mut impl Write, text: &str, what: &str) -> String {
    match terminal
        .write_all(osc52(text).as_bytes())
        .and_then(|()| terminal.flush())
    {
        Ok(()) => format!(
            "copied {what} and its briefing to the clipboard (OSC 52: the terminal must allow it)"
        ),
        Err(e) => format!("copy failed: {e}"),
    }
}

/// Copies what is selected in the focused pane, to cite: in the quotes pane the quote with
/// its speaker and party, in the claims pane the claim or denial with its actor and party,
/// each with the briefing's title (and date). Elsewhere nothing is selected to copy, and
/// the message says where to go. Returns the status bar's message.
fn copy(state: &State, b: &Briefing, x: &Extraction, terminal: &mut impl Write) -> String {
    // Cited by title, and by date when the briefing carries its own.
    let date = state
        .library
        .id_of(&b.path)
        .map(|id| state.library.doc(id))
        .and_then(|d| d.own_date())
        .map(|d| format!(", {d}"));
    let source = format!("{}{}", b.title, date.unwrap_or_default());
    let (what, text) = match state.focus {
        Pane::Quotes => {
            let quote = state
                .quote_rows
                .get(state.quotes.selected)
                .and_then(|&i| x.quotes.get(i));
            let Some(q) = quote else {
                return "no quote selected".into();
            };
            let text = quote_with_speaker(
                q.span.of(&b.text),
                q.speaker.as_deref(),
                q.party.as_deref(),
                &source,
            );
            ("the quote, its speaker".to_string(), text)
        }
        Pane::Claims => {
            let Some(s) = selected_statement(state).and_then(|i| x.statements.get(i)) else {
                return "no claim or denial selected".into();
            };
            let kind = kind_word(s.kind);
            let text = statement_with_actor(
                s.span.of(&b.text),
                kind,
                s.actor.as_deref(),
                s.party.as_deref(),
                &source,
            );
            (format!("the {kind}, who made it"), text)
        }
        Pane::List | Pane::Article => {
            let key = state.config.keys.keys_for(&Action::CopyQuote).next();
            let key = key.map_or_else(|| "copy".to_string(), |k| k.to_string());
            return format!(
                "{key} copies the selected quote in the quotes pane, or claim or denial in the claims pane (Tab there)"
            );
        }
    };
    send(terminal, &text, &what)
}
