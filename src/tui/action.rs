//! Everything the reader can be asked to do, as data: key presses, mouse wheel and resizes
//! become [`Action`]s and only [`crate::tui::update::update`] changes state in answer, so the
//! whole reader can be driven (and tested) without a terminal.

use serde::{Deserialize, Serialize};

/// One thing the reader does. Bindable actions are named in `snake_case` so `config.toml`
/// can map keys to them; the others come from typing, the mouse and the terminal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Leave the reader, or close the overlay that is open (help, a picker, the dossier).
    Quit,
    /// Leave the reader at once from any screen, even with a prompt or a picker open
    /// (Ctrl-C, as analysts expect of every terminal program).
    QuitNow,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Scroll the footer with the selected quote or statement down a line.
    DetailDown,
    /// Scroll the footer with the selected quote or statement up a line.
    DetailUp,
    /// Move the cursor or scroll one line down.
    Down,
    /// Move the cursor or scroll one line up.
    Up,
    /// In the claims pane, select the claim side of the row.
    Left,
    /// In the claims pane, select the denial side of the row.
    Right,
    /// One page down.
    PageDown,
    /// One page up.
    PageUp,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// To the first line or item.
    Top,
    /// To the last line or item.
    Bottom,
    /// Show the selected quote or statement in the article (or read the selected briefing).
    Open,
    /// Read the next briefing in the list.
    NextBriefing,
    /// Read the previous briefing in the list.
    PrevBriefing,
    /// Start a search in the focused pane (in the briefings pane: search the library).
    Search,
    /// Go to the next search hit.
    SearchNext,
    /// Go to the previous search hit.
    SearchPrev,
    /// Open the filter picker (party, speaker, kind, tag).
    Filter,
    /// Pick a party and show every claim and denial it made across the library.
    Dossier,
    /// List the briefings by date, newest first, or back by path.
    SortList,
    /// Close what is open, else clear the search, else the filter.
    Clear,
    /// Show or hide the list of keys.
    Help,
    /// Mark the open briefing read, or unread again.
    ToggleRead,
    /// Star the open briefing, or take the star away.
    ToggleStar,
    /// Write the open briefing's quotes and claims-vs-denials table (in the dossier: the
    /// dossier) to a Markdown file.
    Export,
    /// Copy the selected quote with its speaker, or the selected claim or denial (in the
    /// panes or the dossier) with its actor, to the clipboard (OSC 52, works over SSH).
    /// Named `copy_quote` in config files.
    CopyQuote,
    /// A character typed into the search prompt.
    #[serde(skip)]
    Insert(char),
    /// Text pasted into the search prompt or a picker (bracketed paste): taken in whole,
    /// so a long paste runs one search rather than one per character.
    #[serde(skip)]
    Paste(String),
    /// Backspace in the search prompt.
    #[serde(skip)]
    DeleteBack,
    /// Ctrl-U in the search prompt or a picker: clears what was typed, as in a shell.
    #[serde(skip)]
    ClearLine,
    /// The mouse wheel over a cell of the screen.
    #[serde(skip)]
    Scroll {
        /// Column of the mouse pointer.
        column: u16,
        /// Row of the mouse pointer.
        row: u16,
        /// True when the wheel turns down.
        down: bool,
    },
    /// The terminal has a new size.
    #[serde(skip)]
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// The library took in new work: briefings read or indexed, files added, changed or
    /// removed on disk.
    #[serde(skip)]
    LibraryChanged,
    /// Time passed: the event loop says what time it is while a message stands in the
    /// status bar, so `update` can let it give way to the key hints without reading a clock.
    #[serde(skip)]
    Tick(std::time::Instant),
    /// The library's background reading got further.
    #[serde(skip)]
    Progress {
        /// Briefings read so far.
        read: usize,
        /// Briefings to read.
        total: usize,
    },
}

impl Action {
    /// Every action a key can be bound to, in the order the help lists them.
    pub const BINDABLE: [Action; 31] = [
        Action::Help,
        Action::Quit,
        Action::QuitNow,
        Action::FocusNext,
        Action::FocusPrev,
        Action::Down,
        Action::Up,
        Action::Left,
        Action::Right,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::DetailDown,
        Action::DetailUp,
        Action::Top,
        Action::Bottom,
        Action::Open,
        Action::NextBriefing,
        Action::PrevBriefing,
        Action::Search,
        Action::SearchNext,
        Action::SearchPrev,
        Action::Filter,
        Action::Dossier,
        Action::SortList,
        Action::Clear,
        Action::ToggleRead,
        Action::ToggleStar,
        Action::Export,
        Action::CopyQuote,
    ];

    /// What the action does, in the words the help overlay and the status bar use.
    pub fn describe(&self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::QuitNow => "quit from any screen, even a prompt or picker",
            Action::FocusNext => "next pane",
            Action::FocusPrev => "previous pane",
            Action::Down => "down one line",
            Action::Up => "up one line",
            Action::Left => "claims: pick the claim side",
            Action::Right => "claims: pick the denial side",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::DetailDown => "scroll the selected quote or claim's footer down",
            Action::DetailUp => "scroll the selected quote or claim's footer up",
            Action::Top => "first line",
            Action::Bottom => "last line",
            Action::Open => "show the quote or claim in the article",
            Action::NextBriefing => "next briefing",
            Action::PrevBriefing => "previous briefing",
            Action::Search => "search (in the list: the library, as in sitrep search)",
            Action::SearchNext => "next search hit",
            Action::SearchPrev => "previous search hit",
            Action::Filter => "filter by party, speaker, kind, tag",
            Action::Dossier => "party dossier: its claims and denials across the library",
            Action::SortList => "list by date (newest first) / by path",
            Action::Clear => "close / clear search / clear filter",
            Action::Help => "keys (this help)",
            Action::ToggleRead => "mark the briefing read / unread",
            Action::ToggleStar => "star / unstar the briefing",
            Action::Export => "write quotes and claims (or the dossier) as Markdown",
            Action::CopyQuote => "copy the selected quote or claim, to cite",
            Action::Insert(_) => "type",
            Action::Paste(_) => "paste",
            Action::DeleteBack => "delete back",
            Action::ClearLine => "clear the line",
            Action::Scroll { .. } => "scroll the pane under the mouse",
            Action::Resize { .. } => "resize",
            Action::LibraryChanged => "take in the library's changes",
            Action::Tick(_) => "let time pass",
            Action::Progress { .. } => "show the library's progress",
        }
    }

    /// The short word the status bar uses for a hint.
    pub fn hint(&self) -> &'static str {
        match self {
            Action::Help => "help",
            Action::Quit | Action::QuitNow => "quit",
            Action::Search => "search",
            Action::Filter => "filter",
            Action::Dossier => "party",
            Action::FocusNext => "pane",
            Action::Open => "open",
            Action::Clear => "close",
            Action::ToggleRead => "read",
            Action::ToggleStar => "star",
            Action::Export => "export",
            Action::CopyQuote => "copy",
            other => other.describe(),
        }
    }
}
