//! What the reader tests share: the seed briefing in a reader of a given size, typing keys
//! through the real key map, and drawing to a `TestBackend`.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sitrep::config::Config;
use sitrep::library::{Library, Options};
use sitrep::tui::state::State;
use sitrep::tui::{draw, to_action, update::update};
use std::path::PathBuf;

/// The user's seed briefing.
pub const SEED: &str = "briefings/000_2b1845f26494101a.txt";

/// A reader on the seed alone, `width` x `height`, without colour.
pub fn seed_reader(width: u16, height: u16) -> State {
    reader(&[SEED], width, height)
}

/// A reader on `paths` with the built-in configuration.
pub fn reader(paths: &[&str], width: u16, height: u16) -> State {
    State::new(
        library(paths),
        Config::builtin().unwrap(),
        true,
        width,
        height,
    )
}

/// The library of `paths`, read before it returns and cached nowhere (tests never touch the
/// user's cache).
pub fn library(paths: &[&str]) -> Library {
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    let options = Options {
        cache_dir: None,
        ..Options::default()
    };
    Library::open_blocking(&paths, &options)
}

/// Writes a briefing into `dir` and returns its path as a string.
pub fn briefing_file(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// Types `keys` as a terminal would report them: plain characters, or names in angle
/// brackets (`<tab>`, `<s-tab>`, `<enter>`, `<esc>`, `<c-d>`, `<c-c>`, `<down>`, `<bs>`).
pub fn type_keys(state: &mut State, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (code, modifiers, len) = match rest.find('>').filter(|_| c == '<' && rest.len() > 1) {
            Some(end) => {
                let (code, modifiers) = match &rest[1..end] {
                    "tab" => (KeyCode::Tab, KeyModifiers::NONE),
                    "s-tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                    "enter" => (KeyCode::Enter, KeyModifiers::NONE),
                    "esc" => (KeyCode::Esc, KeyModifiers::NONE),
                    "bs" => (KeyCode::Backspace, KeyModifiers::NONE),
                    "down" => (KeyCode::Down, KeyModifiers::NONE),
                    "up" => (KeyCode::Up, KeyModifiers::NONE),
                    "pgdn" => (KeyCode::PageDown, KeyModifiers::NONE),
                    "c-d" => (KeyCode::Char('d'), KeyModifiers::CONTROL),
                    "c-u" => (KeyCode::Char('u'), KeyModifiers::CONTROL),
                    "c-c" => (KeyCode::Char('c'), KeyModifiers::CONTROL),
                    other => panic!("unknown key name <{other}>"),
                };
                (code, modifiers, end + 1)
            }
            None => {
                let shift = if c.is_uppercase() {
                    KeyModifiers::SHIFT
                } else {
                    KeyModifiers::NONE
                };
                (KeyCode::Char(c), shift, c.len_utf8())
            }
        };
        rest = &rest[len..];
        let mut event = KeyEvent::new(code, modifiers);
        event.kind = KeyEventKind::Press;
        if let Some(action) = to_action(Event::Key(event), state) {
            update(state, action);
        }
    }
}

/// The status bar (the screen's last row) as text.
pub fn status_bar(state: &State) -> String {
    screen(state).lines().last().unwrap_or_default().to_string()
}

/// The screen as text, one line per row.
pub fn screen(state: &State) -> String {
    let mut terminal =
        Terminal::new(TestBackend::new(state.size.width, state.size.height)).unwrap();
    terminal.draw(|f| draw(f, state)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

/// The rows of the screen inside `area`, as text.
pub fn region(state: &State, area: ratatui::layout::Rect) -> Vec<String> {
    let shown = screen(state);
    shown
        .lines()
        .skip(usize::from(area.y))
        .take(usize::from(area.height))
        .map(|l| {
            l.chars()
                .skip(usize::from(area.x))
                .take(usize::from(area.width))
                .collect()
        })
        .collect()
}
