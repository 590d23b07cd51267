//! Where each pane goes for a terminal size. Drawing and event handling both ask this one
//! function, so the mouse, paging and wrapping always agree with what is on screen.

use crate::config::LayoutConfig;
use crate::tui::state::Pane;
use ratatui::layout::{Constraint, Layout, Rect};

/// The screen cut into panes. A pane that is not on screen has no area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The briefings list.
    pub list: Option<Rect>,
    /// The article.
    pub article: Rect,
    /// The quotes.
    pub quotes: Option<Rect>,
    /// Claims vs denials.
    pub claims: Option<Rect>,
    /// The status bar.
    pub status: Rect,
    /// True when the side panes share one tabbed area under the article.
    pub tabbed: bool,
}

impl Areas {
    /// Cuts `screen` for the configured proportions. Narrow terminals (below
    /// `narrow_below` columns or 20 rows) show the article on top and `side` (the side
    /// pane last focused) under it, so every pane stays reachable with Tab.
    pub fn new(screen: Rect, layout: &LayoutConfig, side: Pane) -> Areas {
        let [body, status] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(screen);
        let [top, bottom] = Layout::vertical([
            Constraint::Percentage(layout.top_height),
            Constraint::Min(0),
        ])
        .areas(body);
        if screen.width < layout.narrow_below || screen.height < 20 {
            let area = Some(bottom);
            return Areas {
                list: area.filter(|_| side == Pane::List),
                article: top,
                quotes: area.filter(|_| side == Pane::Quotes),
                claims: area.filter(|_| side == Pane::Claims),
                status,
                tabbed: true,
            };
        }
        let [list, article] = Layout::horizontal([
            Constraint::Percentage(layout.list_width),
            Constraint::Min(0),
        ])
        .areas(top);
        let [quotes, claims] = Layout::horizontal([
            Constraint::Percentage(layout.quotes_width),
            Constraint::Min(0),
        ])
        .areas(bottom);
        Areas {
            list: Some(list),
            article,
            quotes: Some(quotes),
            claims: Some(claims),
            status,
            tabbed: false,
        }
    }

    /// The area of `pane`, when it is on screen.
    pub fn of(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::List => self.list,
            Pane::Article => Some(self.article),
            Pane::Quotes => self.quotes,
            Pane::Claims => self.claims,
        }
    }

    /// The pane under a screen cell.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let at = ratatui::layout::Position::new(column, row);
        Pane::ALL
            .into_iter()
            .find(|&p| self.of(p).is_some_and(|r| r.contains(at)))
    }
}

/// The inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    ratatui::widgets::Block::bordered().inner(area)
}
