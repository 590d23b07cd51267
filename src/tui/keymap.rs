//! The key map: which key runs which [`Action`]. It is one table, read from `config.toml`,
//! and everything that shows keys (the help overlay, the status-bar hints) is generated
//! from it, so what the screen says is always what the keys do.

use crate::tui::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Deserializer};
use std::fmt;
use std::str::FromStr;

/// A key with its modifiers, as written in `config.toml` (`j`, `G`, `ctrl-d`, `shift-tab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyChord {
    code: KeyCodeOrd,
    modifiers: u8,
}

/// `KeyCode` with an order, so chords can sit in sorted maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KeyCodeOrd {
    Char(char),
    F(u8),
    Named(Named),
}

/// Keys with names rather than characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Named {
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
}

const NAMES: [(&str, Named); 17] = [
    ("enter", Named::Enter),
    ("esc", Named::Esc),
    ("tab", Named::Tab),
    ("backtab", Named::BackTab),
    ("backspace", Named::Backspace),
    ("delete", Named::Delete),
    ("insert", Named::Insert),
    ("up", Named::Up),
    ("down", Named::Down),
    ("left", Named::Left),
    ("right", Named::Right),
    ("pageup", Named::PageUp),
    ("pagedown", Named::PageDown),
    ("home", Named::Home),
    ("end", Named::End),
    ("pgup", Named::PageUp),
    ("pgdn", Named::PageDown),
];

const CTRL: u8 = 1;
const ALT: u8 = 2;

impl KeyChord {
    /// The chord a terminal key press stands for. Shift is folded into the character
    /// (`G`, `?`) and into back-tab, because terminals disagree on reporting it.
    pub fn from_event(key: KeyEvent) -> Option<KeyChord> {
        let mut modifiers = 0;
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            modifiers |= CTRL;
        }
        if key.modifiers.contains(KeyModifiers::ALT) {
            modifiers |= ALT;
        }
        let code = match key.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            KeyCode::Tab if key.modifiers.contains(KeyModifiers::SHIFT) => {
                KeyCodeOrd::Named(Named::BackTab)
            }
            KeyCode::Enter => KeyCodeOrd::Named(Named::Enter),
            KeyCode::Esc => KeyCodeOrd::Named(Named::Esc),
            KeyCode::Tab => KeyCodeOrd::Named(Named::Tab),
            KeyCode::BackTab => KeyCodeOrd::Named(Named::BackTab),
            KeyCode::Backspace => KeyCodeOrd::Named(Named::Backspace),
            KeyCode::Delete => KeyCodeOrd::Named(Named::Delete),
            KeyCode::Insert => KeyCodeOrd::Named(Named::Insert),
            KeyCode::Up => KeyCodeOrd::Named(Named::Up),
            KeyCode::Down => KeyCodeOrd::Named(Named::Down),
            KeyCode::Left => KeyCodeOrd::Named(Named::Left),
            KeyCode::Right => KeyCodeOrd::Named(Named::Right),
            KeyCode::PageUp => KeyCodeOrd::Named(Named::PageUp),
            KeyCode::PageDown => KeyCodeOrd::Named(Named::PageDown),
            KeyCode::Home => KeyCodeOrd::Named(Named::Home),
            KeyCode::End => KeyCodeOrd::Named(Named::End),
            _ => return None,
        };
        Some(KeyChord { code, modifiers })
    }
}

/// Why a key name could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown key `{0}` (write keys like `j`, `G`, `?`, `ctrl-d`, `alt-x`, `shift-tab`, `enter`, `esc`, `pagedown`, `f1`)"
)]
pub struct UnknownKey(String);

impl FromStr for KeyChord {
    type Err = UnknownKey;

    fn from_str(s: &str) -> Result<KeyChord, UnknownKey> {
        let unknown = || UnknownKey(s.to_string());
        let mut modifiers = 0;
        let mut shift = false;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, flag) = if lower.starts_with("ctrl-") && rest.len() > 5 {
                ("ctrl-", CTRL)
            } else if lower.starts_with("alt-") && rest.len() > 4 {
                ("alt-", ALT)
            } else if lower.starts_with("shift-") && rest.len() > 6 {
                shift = true;
                ("shift-", 0)
            } else {
                break;
            };
            modifiers |= flag;
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() && !c.is_whitespace() => {
                KeyCodeOrd::Char(if shift { c.to_ascii_uppercase() } else { c })
            }
            _ => {
                let lower = rest.to_ascii_lowercase();
                if lower == "space" {
                    KeyCodeOrd::Char(' ')
                } else if lower == "tab" && shift {
                    KeyCodeOrd::Named(Named::BackTab)
                } else if let Some((_, named)) = NAMES.iter().find(|(n, _)| *n == lower) {
                    KeyCodeOrd::Named(*named)
                } else if let Some(n) = lower
                    .strip_prefix('f')
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=24).contains(n))
                {
                    KeyCodeOrd::F(n)
                } else {
                    return Err(unknown());
                }
            }
        };
        Ok(KeyChord { code, modifiers })
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers & CTRL != 0 {
            f.write_str("ctrl-")?;
        }
        if self.modifiers & ALT != 0 {
            f.write_str("alt-")?;
        }
        match self.code {
            KeyCodeOrd::Char(' ') => f.write_str("space"),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::F(n) => write!(f, "f{n}"),
            KeyCodeOrd::Named(Named::BackTab) => f.write_str("shift-tab"),
            KeyCodeOrd::Named(named) => {
                let name = NAMES
                    .iter()
                    .find(|(_, n)| *n == named)
                    .map_or("?", |(s, _)| s);
                f.write_str(name)
            }
        }
    }
}

impl<'de> Deserialize<'de> for KeyChord {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<KeyChord, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Keys bound to actions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyMap {
    bindings: Vec<(KeyChord, Action)>,
}

impl KeyMap {
    /// A key map from (key, action) rows; a later row for the same key replaces an earlier
    /// one.
    pub fn new(rows: impl IntoIterator<Item = (KeyChord, Action)>) -> KeyMap {
        let mut bindings: Vec<(KeyChord, Action)> = Vec::new();
        for (key, action) in rows {
            match bindings.iter_mut().find(|(k, _)| *k == key) {
                Some(row) => row.1 = action,
                None => bindings.push((key, action)),
            }
        }
        KeyMap { bindings }
    }

    /// The action for a key press. While the user types into a prompt, printable
    /// characters are text, Ctrl-U clears the line as in a shell, and only Enter, Esc,
    /// Backspace and the arrows keep their meaning.
    pub fn translate(&self, key: KeyEvent, typing: bool) -> Option<Action> {
        if typing {
            let plain = !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            match key.code {
                KeyCode::Char(c) if plain => return Some(Action::Insert(c)),
                KeyCode::Char('u') if key.modifiers == KeyModifiers::CONTROL => {
                    return Some(Action::ClearLine);
                }
                KeyCode::Backspace => return Some(Action::DeleteBack),
                KeyCode::Enter => return Some(Action::Open),
                KeyCode::Esc => return Some(Action::Clear),
                _ => {}
            }
        }
        let chord = KeyChord::from_event(key)?;
        self.bindings
            .iter()
            .find(|(k, _)| *k == chord)
            .map(|(_, a)| a.clone())
    }

    /// The keys bound to `action`, shortest first (`j` before `down`), which is the one
    /// hints show.
    pub fn keys_for<'a>(&'a self, action: &'a Action) -> impl Iterator<Item = KeyChord> + 'a {
        let mut keys: Vec<KeyChord> = self
            .bindings
            .iter()
            .filter(|(_, a)| a == action)
            .map(|(k, _)| *k)
            .collect();
        keys.sort_by_key(|k| k.to_string().chars().count());
        keys.into_iter()
    }

    /// One row per bound action: its keys (joined) and what it does, in help order.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        Action::BINDABLE
            .iter()
            .filter_map(|action| {
                let keys: Vec<String> = self.keys_for(action).map(|k| k.to_string()).collect();
                (!keys.is_empty()).then(|| (keys.join(", "), action.describe()))
            })
            .collect()
    }

    /// The status bar's key hints for `actions`, each with the first key bound to it, so
    /// the bar never names a key the map does not bind.
    pub fn hints(&self, actions: &[Action]) -> Vec<(String, &'static str)> {
        actions
            .iter()
            .filter_map(|a| self.keys_for(a).next().map(|k| (k.to_string(), a.hint())))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn key_names_round_trip() {
        for name in [
            "j",
            "G",
            "?",
            "/",
            "]",
            "ctrl-d",
            "alt-x",
            "shift-tab",
            "enter",
            "esc",
            "pagedown",
            "f5",
            "space",
            "-",
        ] {
            let chord: KeyChord = name.parse().unwrap();
            assert_eq!(chord.to_string(), name);
        }
        assert_eq!("shift-g".parse::<KeyChord>(), "G".parse());
        assert_eq!("PgDn".parse::<KeyChord>(), "pagedown".parse());
        assert!("ctrl-".parse::<KeyChord>().is_err());
        assert!("hyper-x".parse::<KeyChord>().is_err());
        assert!("f99".parse::<KeyChord>().is_err());
    }

    #[test]
    fn terminal_events_match_config_names() {
        let map = KeyMap::new([
            ("G".parse().unwrap(), Action::Bottom),
            ("ctrl-d".parse().unwrap(), Action::HalfPageDown),
            ("shift-tab".parse().unwrap(), Action::FocusPrev),
        ]);
        let shifted_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(map.translate(shifted_g, false), Some(Action::Bottom));
        let ctrl_d = press(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(map.translate(ctrl_d, false), Some(Action::HalfPageDown));
        let back = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(map.translate(back, false), Some(Action::FocusPrev));
        let g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(map.translate(g, true), Some(Action::Insert('G')));
    }

    #[test]
    fn later_rows_override_earlier_ones() {
        let j: KeyChord = "j".parse().unwrap();
        let map = KeyMap::new([(j, Action::Down), (j, Action::Up)]);
        assert_eq!(map.keys_for(&Action::Up).collect::<Vec<_>>(), vec![j]);
        assert_eq!(map.keys_for(&Action::Down).count(), 0);
    }
}
