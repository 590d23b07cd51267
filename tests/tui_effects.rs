//! The reader's keys that reach outside it: `m` and `s` keep marks in the state folder,
//! `e` writes Markdown next to where the analyst is, `y` copies a quote or a claim over OSC 52.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use sitrep::config::Config;
use sitrep::library::marks::Marks;
use sitrep::library::{Library, Options};
use sitrep::tui::action::Action;
use sitrep::tui::state::State;
use sitrep::tui::{effect, to_action, update::update};
use std::path::PathBuf;

/// A reader on the seed briefing, as the other reader tests use.
fn seed_reader(width: u16, height: u16) -> State {
    let options = Options {
        cache_dir: None,
        ..Options::default()
    };
    let library = Library::open_blocking(
        &[PathBuf::from("briefings/000_2b1845f26494101a.txt")],
        &options,
    );
    State::new(library, Config::builtin().unwrap(), true, width, height)
}

/// Presses plain character keys through the built-in key map.
fn type_keys(state: &mut State, keys: &str) {
    for c in keys.chars() {
        let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        if let Some(action) = to_action(event, state) {
            update(state, action);
        }
    }
}

#[test]
fn keys_leave_effects_and_effects_do_what_they_say() {
    let state_dir = tempfile::tempdir().unwrap();
    let export_dir = tempfile::tempdir().unwrap();
    let mut state = seed_reader(100, 30);
    state.marks = Marks::load(state_dir.path()).unwrap();
    let mut terminal = Vec::new();

    type_keys(&mut state, "s");
    let action = state.effect.take().expect("s leaves an effect");
    assert_eq!(action, Action::ToggleStar);
    effect::run(&mut state, action, &mut terminal, export_dir.path());
    assert!(state.message.as_deref().unwrap().starts_with("starred"));
    let path = state.current().unwrap().0.path.clone();
    assert!(Marks::load(state_dir.path()).unwrap().is_starred(&path));

    type_keys(&mut state, "e");
    let action = state.effect.take().expect("e leaves an effect");
    effect::run(&mut state, action, &mut terminal, export_dir.path());
    let written = export_dir.path().join("000_2b1845f26494101a.sitrep.md");
    assert!(state.message.as_deref().unwrap().contains("sitrep.md"));
    let md = std::fs::read_to_string(written).unwrap();
    assert!(md.contains("## Claims and denials"), "{md}");

    // In the article nothing is selected to copy: y says what it copies and where.
    type_keys(&mut state, "y");
    let action = state.effect.take().expect("y leaves an effect");
    effect::run(&mut state, action, &mut terminal, export_dir.path());
    assert!(terminal.is_empty(), "nothing copied from the article");
    assert_eq!(
        state.message.as_deref(),
        Some(
            "y copies the selected quote in the quotes pane, or claim or denial in the claims pane (Tab there)"
        )
    );

    update(&mut state, Action::FocusNext);
    type_keys(&mut state, "y");
    let action = state.effect.take().expect("y leaves an effect");
    effect::run(&mut state, action, &mut terminal, export_dir.path());
    let sent = String::from_utf8(std::mem::take(&mut terminal)).unwrap();
    assert!(
        sent.starts_with("\x1b]52;c;") && sent.ends_with('\x07'),
        "{sent:?}"
    );
    assert!(
        state
            .message
            .as_deref()
            .is_some_and(|m| m.starts_with("copied the quote, its speaker and its briefing")),
        "{:?}",
        state.message
    );
    // What reaches the clipboard is the quote, its speaker, and the briefing to cite.
    let copied = base64_decode(&sent["\x1b]52;c;".len()..sent.len() - 1]);
    assert!(
        copied.contains(" — ")
            && copied.ends_with("US military will not share intellegence with Russia"),
        "{copied:?}"
    );

    // In the claims pane, y copies the selected claim or denial with who made it.
    update(&mut state, Action::FocusNext);
    let statement = sitrep::tui::claims::selected_text(&state).expect("a claim is selected");
    type_keys(&mut state, "y");
    let action = state.effect.take().expect("y leaves an effect");
    effect::run(&mut state, action, &mut terminal, export_dir.path());
    let sent = String::from_utf8(terminal).unwrap();
    let copied = base64_decode(&sent["\x1b]52;c;".len()..sent.len() - 1]);
    let (kind, rest) = statement.split_once(" · ").unwrap();
    let (who, sentence) = rest.split_once(": ").unwrap();
    assert!(
        copied.starts_with(&format!("“{sentence}” — {kind} by "))
            && copied.contains(who.split(" · ").next().unwrap())
            && copied.ends_with("US military will not share intellegence with Russia"),
        "{statement:?} copied as {copied:?}"
    );
    assert_eq!(
        state.message.as_deref(),
        Some(format!(
            "copied the {kind}, who made it and its briefing to the clipboard (OSC 52: the terminal must allow it)"
        ))
        .as_deref()
    );
}

#[test]
fn in_the_dossier_y_copies_the_statement_and_e_writes_the_dossier() {
    let export_dir = tempfile::tempdir().unwrap();
    let mut state = seed_reader(100, 30);
    let mut terminal = Vec::new();
    type_keys(&mut state, "p");
    update(&mut state, Action::Open);
    let dossier = state.dossier.clone().expect("p and Enter open a dossier");
    let selected = dossier.selected().unwrap();
    let doc = state.library.doc(selected.id);
    let statement = &doc.statements[selected.statement];
    let actor = doc.actor(statement).unwrap().to_string();
    let kind = match statement.kind {
        sitrep::extract::Kind::Claim => "claim",
        sitrep::extract::Kind::Denial => "denial",
    };
    let sentence = dossier.rows[&dossier.cursor.selected]
        .sentence
        .clone()
        .unwrap();

    type_keys(&mut state, "y");
    let action = state
        .effect
        .take()
        .expect("y in the dossier leaves an effect");
    effect::run(&mut state, action, &mut terminal, export_dir.path());
    let sent = String::from_utf8(std::mem::take(&mut terminal)).unwrap();
    assert!(sent.starts_with("\x1b]52;c;"), "nothing copied: {sent:?}");
    let copied = base64_decode(&sent["\x1b]52;c;".len()..sent.len() - 1]);
    assert!(
        copied.starts_with(&format!("“{sentence}” — {kind} by {actor}"))
            && copied.ends_with("US military will not share intellegence with Russia"),
        "{copied:?}"
    );
    assert_eq!(
        state.message.as_deref(),
        Some(format!(
            "copied the {kind}, who made it and its briefing to the clipboard (OSC 52: the terminal must allow it)"
        ))
        .as_deref()
    );
    assert!(state.dossier.is_some(), "the dossier stays open");

    type_keys(&mut state, "e");
    let action = state
        .effect
        .take()
        .expect("e in the dossier leaves an effect");
    effect::run(&mut state, action, &mut terminal, export_dir.path());
    let written = export_dir.path().join("dossier-russia.sitrep.md");
    let message = state.message.clone().unwrap_or_default();
    assert!(
        message.starts_with("wrote ") && message.contains("dossier-russia.sitrep.md"),
        "{message}"
    );
    let md = std::fs::read_to_string(&written).expect("the dossier is written");
    assert!(md.starts_with("# Dossier: Russia\n"), "{md}");
    assert!(
        md.contains("| Date | Kind | Who | Statement | Answers | Briefing |"),
        "{md}"
    );
    assert_eq!(
        md.lines().filter(|l| l.starts_with("| 20")).count(),
        dossier.refs.len(),
        "a row per claim and denial: {md}"
    );
    assert!(md.contains(&format!("| {kind} | {actor} |")), "{md}");
}

/// Standard base64 (with padding) back to text, to read what OSC 52 carried.
fn base64_decode(encoded: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in encoded.bytes().take_while(|&c| c != b'=') {
        let value = ALPHABET
            .iter()
            .position(|&a| a == c)
            .expect("base64 character");
        bits = (bits << 6) | value as u32;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    String::from_utf8(out).expect("UTF-8 text")
}
