//! Styles for every part of the screen, from the configured colours. With NO_COLOR the
//! colours go and the modifiers (bold, underline, reverse) stay, so every highlight still
//! shows.

use crate::config::ThemeConfig;
use ratatui::style::{Color, Modifier, Style};

/// The styles the panes draw with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Border of an unfocused pane.
    pub border: Style,
    /// Border and title of the focused pane.
    pub focused: Style,
    /// The headline.
    pub headline: Style,
    /// Alternate headlines.
    pub alternate: Style,
    /// A quotation.
    pub quote: Style,
    /// A speaker tag or name.
    pub speaker: Style,
    /// A claim.
    pub claim: Style,
    /// A denial.
    pub denial: Style,
    /// A search hit.
    pub hit: Style,
    /// The current search hit.
    pub current_hit: Style,
    /// The quote or statement jumped to.
    pub mark: Style,
    /// The selected row of a list.
    pub selected: Style,
    /// Errors.
    pub error: Style,
    /// Secondary text.
    pub dim: Style,
}

impl Theme {
    /// The theme for `colours`; `no_color` (from the NO_COLOR convention) drops colours.
    pub fn new(colours: &ThemeConfig, no_color: bool) -> Theme {
        let fg = |c: Color| {
            if no_color {
                Style::new()
            } else {
                Style::new().fg(c)
            }
        };
        Theme {
            border: fg(colours.dim),
            focused: fg(colours.accent).add_modifier(Modifier::BOLD),
            headline: Style::new().add_modifier(Modifier::BOLD),
            alternate: fg(colours.dim).add_modifier(Modifier::ITALIC),
            quote: fg(colours.quote).add_modifier(Modifier::ITALIC),
            speaker: fg(colours.speaker).add_modifier(Modifier::BOLD),
            claim: fg(colours.claim),
            denial: fg(colours.denial),
            hit: fg(colours.hit).add_modifier(Modifier::REVERSED),
            current_hit: fg(colours.hit)
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            mark: fg(colours.mark).add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            error: fg(colours.error).add_modifier(Modifier::BOLD),
            dim: fg(colours.dim),
        }
    }

    /// True when the environment asks for no colour (`NO_COLOR` set and not empty).
    pub fn no_color_requested() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }
}
