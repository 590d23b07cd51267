//! All of the reader's state in one struct (the Elm model). Only
//! [`crate::tui::update::update`] changes it; the panes only read it to draw.

use crate::briefing::Briefing;
use crate::config::Config;
use crate::extract::{Extraction, Gazetteer};
use crate::library::doc::Stamp;
use crate::library::marks::Marks;
use crate::library::search::Query;
use crate::library::{Entry, Library};
use crate::table::Row;
use crate::tui::action::Action;
use crate::tui::claims;
use crate::tui::document::Document;
use crate::tui::dossier::Dossier;
use crate::tui::filter::{Filter, Picker};
use crate::tui::layout::{self, Areas};
use crate::tui::quotes;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use regex::Regex;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The longest article line: beyond about 100 columns the eye loses its place going back
/// to the start of the next line.
const ARTICLE_COLUMNS: u16 = 100;

/// The smallest quotes or claims pane that keeps a footer with the selected item in full.
const DETAIL_MIN_PANE: u16 = 5;

/// The four panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The briefings list.
    List,
    /// The article.
    Article,
    /// Quotes with speakers.
    Quotes,
    /// Claims vs denials.
    Claims,
}

impl Pane {
    /// Every pane in Tab order.
    pub const ALL: [Pane; 4] = [Pane::List, Pane::Article, Pane::Quotes, Pane::Claims];

    /// The name the status bar and the pane title use.
    pub fn name(self) -> &'static str {
        match self {
            Pane::List => "briefings",
            Pane::Article => "article",
            Pane::Quotes => "quotes",
            Pane::Claims => "claims",
        }
    }
}

/// A selected row in a list and the first row on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// The selected item.
    pub selected: usize,
    /// The first item drawn.
    pub offset: usize,
}

impl Cursor {
    /// Moves the selection by `delta` among items `heights` rows tall and scrolls so it
    /// stays on the `rows` rows of the screen.
    pub fn step(&mut self, delta: isize, heights: &[usize], rows: usize) {
        let last = heights.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.follow(heights, rows);
    }

    /// Keeps the selection among the items and on screen, and the screen full: the view
    /// never scrolls so far that rows below the last item stay empty while items above
    /// are hidden (after a filter, a search, a resize or a new briefing).
    pub fn follow(&mut self, heights: &[usize], rows: usize) {
        self.selected = self.selected.min(heights.len().saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        }
        // The first item from which the selection still ends on screen.
        let mut used = heights.get(self.selected).copied().unwrap_or(0);
        let mut first = self.selected;
        while first > self.offset && used + heights[first - 1] <= rows {
            first -= 1;
            used += heights[first];
        }
        self.offset = first.min(Cursor::max_offset(heights, rows));
    }

    /// How many items fit on `rows` rows from the first one drawn (at least one).
    pub fn fitting(&self, heights: &[usize], rows: usize) -> usize {
        let mut used = 0;
        let fit = heights
            .iter()
            .skip(self.offset)
            .take_while(|&&h| {
                used += h;
                used <= rows
            })
            .count();
        fit.max(1)
    }

    /// The first item to draw so that the last item ends at the bottom of `rows` rows.
    pub fn max_offset(heights: &[usize], rows: usize) -> usize {
        let mut used = 0;
        let below = heights
            .iter()
            .rev()
            .take_while(|&&h| {
                used += h;
                used <= rows
            })
            .count();
        heights.len().saturating_sub(below.max(1))
    }
}

/// What the hits of a search are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hits {
    /// Ranges of the article's display text.
    Article(Vec<Range<usize>>),
    /// Indices of matching rows of the quotes or claims pane.
    Rows(Vec<usize>),
}

impl Hits {
    /// How many hits.
    pub fn len(&self) -> usize {
        match self {
            Hits::Article(h) => h.len(),
            Hits::Rows(r) => r.len(),
        }
    }

    /// True when nothing matched.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// An active search in one pane, as in less.
#[derive(Debug, Clone)]
pub struct Search {
    /// The pane searched.
    pub pane: Pane,
    /// What was typed.
    pub query: String,
    /// The compiled query (smart case); `None` for an empty query.
    pub regex: Option<Regex>,
    /// Where it matches.
    pub hits: Hits,
    /// The hit last jumped to.
    pub current: Option<usize>,
    /// True when the search came from the list search (its words looked for in the
    /// article), so clearing one clears both.
    pub from_list: bool,
}

/// The `/` prompt while the user types.
#[derive(Debug, Clone)]
pub struct Prompt {
    /// The pane the prompt searches (the list pane filters the library).
    pub pane: Pane,
    /// Typed so far.
    pub text: String,
    /// The search before the prompt opened, back on Esc.
    pub previous_search: Option<Search>,
    /// The list search before the prompt opened, back on Esc.
    pub previous_list: Option<ListSearch>,
    /// Where the view was when the prompt opened (the article's first line, the selected
    /// row), so each keystroke searches from there and Esc goes back.
    pub origin: usize,
}

/// The briefings list narrowed by the search language (`/` in the briefings pane).
#[derive(Debug, Clone)]
pub struct ListSearch {
    /// What was typed.
    pub text: String,
    /// The parsed query, run again whenever the library changes.
    pub query: Query,
    /// The query's words and phrases, for picking them out in the titles.
    pub highlight: Option<Regex>,
}

impl ListSearch {
    /// A list search for `text`, or why it cannot be understood; `None` when it asks for
    /// nothing (the whole library).
    pub fn parse(
        text: &str,
        gazetteer: &Gazetteer,
    ) -> Result<Option<ListSearch>, crate::library::search::QueryError> {
        let query = Query::parse(text, gazetteer)?;
        if query.is_empty() {
            return Ok(None);
        }
        // Needles are folded (lower case, no diacritics): titles are matched ignoring case.
        let pattern = query
            .needles()
            .iter()
            .map(|n| super::text::literal_pattern(n).replace(' ', r"\s+"))
            .collect::<Vec<_>>()
            .join("|");
        let highlight = (!pattern.is_empty())
            .then(|| {
                regex::RegexBuilder::new(&pattern)
                    .case_insensitive(true)
                    .build()
                    .ok()
            })
            .flatten();
        Ok(Some(ListSearch {
            text: text.to_string(),
            query,
            highlight,
        }))
    }
}

/// The briefing the article shows, read from its file when it was selected (the library
/// keeps only what the list, search and dossiers need).
#[derive(Debug)]
pub struct Opened {
    /// The file.
    pub path: PathBuf,
    /// Its size and time when it was read, to notice when it changes on disk.
    pub stamp: Option<Stamp>,
    /// The briefing with its extraction, or why it could not be read.
    pub entry: Entry,
}

impl Opened {
    /// Reads and extracts one briefing (one file: fast even for a large article).
    pub fn read(path: PathBuf, gazetteer: &Gazetteer) -> Opened {
        let stamp = std::fs::metadata(&path).ok().map(|m| Stamp::of(&m));
        let entry = Entry::load(&path, gazetteer);
        Opened { path, stamp, entry }
    }
}

/// The reader's whole state.
#[derive(Debug)]
pub struct State {
    /// Keys, layout and colours.
    pub config: Config,
    /// Styles derived from the config and NO_COLOR.
    pub theme: Theme,
    /// Every briefing: listed at once, read on a background thread, watched for changes.
    pub library: Library,
    /// Library ids the list shows, in list order (after the list search and the filter).
    pub shown: Vec<u32>,
    /// Selection in the list (over `shown`).
    pub list: Cursor,
    /// The briefing the article shows.
    pub open: Option<Opened>,
    /// Display text of the open briefing.
    pub doc: Document,
    /// First article line on screen.
    pub article_top: usize,
    /// The display range jumped to with Enter.
    pub mark: Option<Range<usize>>,
    /// Quotes shown (indices into the extraction), in article order.
    pub quote_rows: Vec<usize>,
    /// Selection in the quotes pane.
    pub quotes: Cursor,
    /// Rows of the claims vs denials pane.
    pub claim_rows: Vec<Row>,
    /// Selection in the claims pane (over `claim_rows`).
    pub claims: Cursor,
    /// True when the denial side of the selected claims row is chosen.
    pub denial_side: bool,
    /// First line of the selected item's footer on screen (long quotes scroll there).
    pub detail_top: usize,
    /// The focused pane.
    pub focus: Pane,
    /// The side pane shown under the article in the narrow layout.
    pub side: Pane,
    /// Terminal size.
    pub size: Rect,
    /// The active search.
    pub search: Option<Search>,
    /// The list search typed with `/` in the briefings pane.
    pub list_search: Option<ListSearch>,
    /// True when the list is ordered by date, newest first (briefings that carry their own
    /// date before those dated only by their file), rather than by path.
    pub by_date: bool,
    /// The `/` prompt, while open.
    pub prompt: Option<Prompt>,
    /// The filter narrowing every pane.
    pub filter: Filter,
    /// The filter picker, while open.
    pub picker: Option<Picker>,
    /// The help overlay's scroll position, while open.
    pub help: Option<usize>,
    /// The party dossier, while open.
    pub dossier: Option<Dossier>,
    /// (briefings read, briefings to read) while the library reads in the background.
    pub progress: Option<(usize, usize)>,
    /// How many briefings could not be read (counted when the library changes, so a frame
    /// never walks the whole archive).
    pub unreadable: usize,
    /// A one-off message for the status bar.
    pub message: Option<String>,
    /// When the message was first drawn (the first tick that found it), so it can give
    /// way to the key hints a few seconds later.
    pub message_since: Option<std::time::Instant>,
    /// Read and starred briefings (kept apart from the briefings, which are never written).
    pub marks: Marks,
    /// An action that touches the world outside the state (files, the clipboard), left by
    /// `update` for the event loop to carry out with [`crate::tui::effect::run`].
    pub effect: Option<Action>,
    /// Set when the reader should exit.
    pub quit: bool,
}

impl State {
    /// A reader over `library`, sized `width` x `height`, reading the first briefing.
    pub fn new(library: Library, config: Config, no_color: bool, width: u16, height: u16) -> State {
        let theme = Theme::new(&config.theme, no_color);
        let mut state = State {
            config,
            theme,
            shown: library.order().to_vec(),
            progress: (!library.is_indexed()).then(|| library.progress()),
            unreadable: 0,
            library,
            list: Cursor::default(),
            open: None,
            doc: Document::default(),
            article_top: 0,
            mark: None,
            quote_rows: Vec::new(),
            quotes: Cursor::default(),
            claim_rows: Vec::new(),
            claims: Cursor::default(),
            denial_side: false,
            detail_top: 0,
            focus: Pane::Article,
            side: Pane::List,
            size: Rect::new(0, 0, width, height),
            search: None,
            list_search: None,
            by_date: false,
            prompt: None,
            filter: Filter::default(),
            picker: None,
            help: None,
            dossier: None,
            message: None,
            message_since: None,
            marks: Marks::default(),
            effect: None,
            quit: false,
        };
        state.count_unreadable();
        state.open_selected();
        state
    }

    /// Opens the briefing that was open when the reader last quit on these folders, when
    /// it is still listed (analysts come back to where they stopped).
    pub fn resume(&mut self) {
        let roots = self.library.roots();
        let Some(wanted) = self.marks.last_open(roots) else {
            return;
        };
        // Marks keep absolute paths; the list has them as the folders were named.
        let Some(id) = roots.iter().find_map(|root| {
            let rest = wanted
                .strip_prefix(std::fs::canonicalize(root).ok()?)
                .ok()?;
            self.library.id_of(&root.join(rest))
        }) else {
            return;
        };
        if let Some(row) = self.shown.iter().position(|&shown| shown == id) {
            self.list.selected = row;
            // Scrolled as it was left: the briefing on the same row of the pane (as far as
            // the pane, perhaps smaller now, allows).
            self.list.offset = row.saturating_sub(self.marks.last_row(roots));
            self.open_selected();
            self.follow_cursors();
        }
    }

    /// Remembers the open briefing and the row of the list it is shown in for
    /// [`State::resume`] next time.
    pub fn remember_open(&mut self) -> std::io::Result<()> {
        let row = self.list.selected.saturating_sub(self.list.offset);
        match self.open_path().map(Path::to_path_buf) {
            Some(path) => self.marks.set_last_open(self.library.roots(), &path, row),
            None => Ok(()),
        }
    }

    /// Counts the briefings that could not be read (after the library changed).
    pub fn count_unreadable(&mut self) {
        self.unreadable = self.library.docs().filter(|d| d.error.is_some()).count();
    }

    /// The file of the open briefing.
    pub fn open_path(&self) -> Option<&Path> {
        self.open.as_ref().map(|o| o.path.as_path())
    }

    /// Where the focused pane's view is: the article's first line, else the selected row.
    pub fn view_position(&self, pane: Pane) -> usize {
        match pane {
            Pane::List => self.list.selected,
            Pane::Article => self.article_top,
            Pane::Quotes => self.quotes.selected,
            Pane::Claims => self.claims.selected,
        }
    }

    /// Puts the view of `pane` back at `position` (see [`State::view_position`]); the list
    /// follows its list search instead, which the prompt restores itself.
    pub fn set_view_position(&mut self, pane: Pane, position: usize) {
        match pane {
            Pane::List => return,
            Pane::Article => self.article_top = position.min(self.article_max_top()),
            Pane::Quotes => self.quotes.selected = position,
            Pane::Claims => self.claims.selected = position,
        }
        self.follow_cursors();
    }

    /// Where the panes are now.
    pub fn areas(&self) -> Areas {
        Areas::new(self.size, &self.config.layout, self.side)
    }

    /// The inside (without borders) of `pane`, or an empty rect when it is off screen.
    pub fn inner(&self, pane: Pane) -> Rect {
        self.areas().of(pane).map(layout::inner).unwrap_or_default()
    }

    /// Columns the article wraps to: the pane's width, up to a line length that still
    /// reads well on a very wide terminal.
    pub fn article_width(&self) -> u16 {
        self.inner(Pane::Article).width.clamp(1, ARTICLE_COLUMNS)
    }

    /// The open briefing and its extraction, when it could be read.
    pub fn current(&self) -> Option<(&Briefing, &Extraction)> {
        match &self.open.as_ref()?.entry {
            Entry::Ok(b, x) => Some((b, x)),
            Entry::Failed(_) => None,
        }
    }

    /// The article's lines at the current width.
    pub fn article_lines(&self) -> &[crate::tui::document::Line] {
        self.doc.lines(self.article_width())
    }

    /// Opens the briefing selected in the list (reading its file), rebuilding what depends
    /// on it.
    pub fn open_selected(&mut self) {
        let id = self.shown.get(self.list.selected).copied();
        let path = id.map(|id| &self.library.doc(id).path);
        if path.is_some() && path.map(PathBuf::as_path) == self.open_path() {
            return;
        }
        self.open = path.map(|p| Opened::read(p.clone(), self.library.gazetteer()));
        self.rebuild_document();
        self.article_top = 0;
        self.mark = None;
        self.quotes = Cursor::default();
        self.claims = Cursor::default();
        self.denial_side = false;
        self.quote_rows.clear();
        self.claim_rows.clear();
        self.refresh_rows();
        self.rerun_search();
    }

    /// Reads the open briefing again (it changed on disk), keeping the article's first line
    /// and the selected quote and claim where they still exist.
    pub fn reload_open(&mut self) {
        let Some(path) = self.open.take().map(|o| o.path) else {
            return;
        };
        self.open = Some(Opened::read(path, self.library.gazetteer()));
        self.rebuild_document();
        self.article_top = self.article_top.min(self.article_max_top());
        self.mark = None;
        self.refresh_rows();
        self.rerun_search();
    }

    /// Builds the open briefing's display text and wraps it to the article's width.
    pub fn rebuild_document(&mut self) {
        self.doc = self
            .current()
            .map(|(b, x)| Document::build(b, x))
            .unwrap_or_default();
        self.doc.ensure_width(self.article_width());
    }

    /// Recomputes the quotes and claims rows for the open briefing and the filter, keeping
    /// the selected quote and statement selected while they are still shown (else the
    /// nearest one after them).
    pub fn refresh_rows(&mut self) {
        let quote = self.quote_rows.get(self.quotes.selected).copied();
        let statement = claims::selected_statement(self);
        let (quote_rows, claim_rows) = match self.current() {
            Some((_, x)) => (
                (0..x.quotes.len())
                    .filter(|&i| self.filter.quote(&x.quotes[i], x))
                    .collect(),
                claims::rows(x, &self.filter),
            ),
            None => (Vec::new(), Vec::new()),
        };
        self.quote_rows = quote_rows;
        self.claim_rows = claim_rows;
        if let Some(q) = quote {
            self.quotes.selected = self.quote_rows.partition_point(|&r| r < q);
        }
        if let Some(kept) = statement.and_then(|s| claims::row_of(&self.claim_rows, s)) {
            self.claims.selected = kept.0;
            self.denial_side = kept.1;
        } else {
            self.claims.selected = claims::nearest_pair(&self.claim_rows, self.claims.selected, 1);
        }
        self.detail_top = 0;
        self.follow_cursors();
    }

    /// Scrolls every list so its selection is on screen and the screen full (after a
    /// resize, a layout change, a filter or a move), keeping a claims section's header in
    /// view above its first row.
    pub fn follow_cursors(&mut self) {
        for pane in [Pane::List, Pane::Quotes, Pane::Claims] {
            let (heights, rows) = (self.heights(pane), self.rows(pane));
            if let Some(cursor) = self.cursor_mut(pane) {
                cursor.follow(&heights, rows);
            }
        }
        let heights = self.heights(Pane::Claims);
        let (offset, selected) = (self.claims.offset, self.claims.selected);
        let header_above = offset.checked_sub(1).and_then(|i| self.claim_rows.get(i));
        if offset == selected
            && matches!(header_above, Some(Row::Section { .. }))
            && heights[offset - 1..=selected].iter().sum::<usize>() <= self.rows(Pane::Claims)
        {
            self.claims.offset -= 1;
        }
    }

    /// The selection of a pane that lists items.
    pub fn cursor_mut(&mut self, pane: Pane) -> Option<&mut Cursor> {
        match pane {
            Pane::List => Some(&mut self.list),
            Pane::Quotes => Some(&mut self.quotes),
            Pane::Claims => Some(&mut self.claims),
            Pane::Article => None,
        }
    }

    /// How many rows each item of a listing pane takes on screen now.
    pub fn heights(&self, pane: Pane) -> Vec<usize> {
        let width = usize::from(self.inner(pane).width);
        let rows = self.rows(pane);
        match pane {
            Pane::List => vec![2; self.shown.len()],
            Pane::Quotes => quotes::heights(self, width, rows),
            Pane::Claims => claims::heights(self, width, rows),
            Pane::Article => Vec::new(),
        }
    }

    /// Rows of `pane` for its items (or lines), the footer left out.
    pub fn rows(&self, pane: Pane) -> usize {
        usize::from(
            self.inner(pane)
                .height
                .saturating_sub(self.detail_rows(pane)),
        )
    }

    /// Recomputes which briefings the list shows (running the list search through the
    /// library's index), keeping the open one selected if it is still there.
    pub fn refresh_list(&mut self) {
        self.rerun_list();
        let open = self.open_path().and_then(|p| self.library.id_of(p));
        self.list.selected = open
            .and_then(|o| self.shown.iter().position(|&i| i == o))
            .unwrap_or(0);
        self.follow_cursors();
        self.open_selected();
    }

    /// Recomputes the ids the list shows, selecting nothing.
    pub fn rerun_list(&mut self) {
        let found = match &self.list_search {
            Some(s) => self.library.search(&s.query),
            None => self.library.order().to_vec(),
        };
        self.shown = if self.filter.is_empty() {
            found
        } else {
            found
                .into_iter()
                .filter(|&id| self.filter.doc(self.library.doc(id)))
                .collect()
        };
        if self.by_date {
            let bound = self.shown.iter().max().map_or(0, |&id| id as usize + 1);
            let mut wanted = vec![false; bound];
            self.shown.iter().for_each(|&id| wanted[id as usize] = true);
            self.shown = (self.library.order_by_date().iter().copied())
                .filter(|&id| wanted.get(id as usize) == Some(&true))
                .collect();
        }
    }

    /// Runs the active search again (after the briefing or the rows changed).
    pub fn rerun_search(&mut self) {
        if let Some(mut s) = self.search.take() {
            s.hits = self.hits_for(s.pane, s.regex.as_ref());
            s.current = None;
            self.search = Some(s);
        }
    }

    /// Where `regex` matches in `pane`.
    pub fn hits_for(&self, pane: Pane, regex: Option<&Regex>) -> Hits {
        let Some(re) = regex else {
            return match pane {
                Pane::Article => Hits::Article(Vec::new()),
                _ => Hits::Rows(Vec::new()),
            };
        };
        match pane {
            Pane::Quotes => Hits::Rows(
                self.current()
                    .map(|(b, x)| {
                        (0..self.quote_rows.len())
                            .filter(|&r| {
                                let q = &x.quotes[self.quote_rows[r]];
                                re.is_match(q.span.of(&b.text))
                                    || q.speaker.as_deref().is_some_and(|s| re.is_match(s))
                                    || q.party.as_deref().is_some_and(|s| re.is_match(s))
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            ),
            Pane::Claims => Hits::Rows(
                self.current()
                    .map(|(b, x)| {
                        (0..self.claim_rows.len())
                            .filter(|&r| claims::row_matches(&self.claim_rows[r], b, x, re))
                            .collect()
                    })
                    .unwrap_or_default(),
            ),
            Pane::Article | Pane::List => Hits::Article(self.doc.find(re)),
        }
    }

    /// The selected quote or statement in full, for the footer of `pane`.
    pub fn detail_text(&self, pane: Pane) -> Option<String> {
        match pane {
            Pane::Quotes => quotes::selected_text(self),
            Pane::Claims => claims::selected_text(self),
            Pane::List | Pane::Article => None,
        }
    }

    /// Lines of the footer's text wrapped to the pane, and how many show at once: all of
    /// them up to a third of the pane, the rest scrolled to.
    pub fn detail_lines(&self, pane: Pane) -> (usize, usize) {
        let inner = self.inner(pane);
        let listed = matches!(pane, Pane::Quotes | Pane::Claims);
        if !listed || self.focus != pane || inner.height < DETAIL_MIN_PANE {
            return (0, 0);
        }
        let Some(text) = self.detail_text(pane) else {
            return (0, 0);
        };
        let lines = text::wrapped_height(&text, usize::from(inner.width.saturating_sub(1)));
        (lines, lines.min(usize::from(inner.height / 3).max(1)))
    }

    /// Rows at the foot of the quotes or claims pane that show the selected item in full
    /// (a rule, then its text), while that pane has the focus and room for it.
    pub fn detail_rows(&self, pane: Pane) -> u16 {
        match self.detail_lines(pane) {
            (_, 0) => 0,
            (_, shown) => shown as u16 + 1,
        }
    }

    /// How many items of `pane` are on screen (lines for the article).
    pub fn page(&self, pane: Pane) -> usize {
        let rows = self.rows(pane);
        match pane {
            Pane::Article => rows.max(1),
            Pane::List => self.list.fitting(&self.heights(pane), rows),
            Pane::Quotes => self.quotes.fitting(&self.heights(pane), rows),
            Pane::Claims => self.claims.fitting(&self.heights(pane), rows),
        }
    }

    /// The largest first line that still fills the article pane.
    pub fn article_max_top(&self) -> usize {
        self.article_lines()
            .len()
            .saturating_sub(usize::from(self.inner(Pane::Article).height))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_keeps_its_selection_on_screen_and_the_screen_full() {
        let heights = [1, 3, 1, 2, 1];
        let mut c = Cursor {
            selected: 4,
            offset: 4,
        };
        c.follow(&heights, 4);
        assert_eq!(c.offset, 2, "rows above come back into view: {c:?}");
        c.step(-3, &heights, 4);
        assert_eq!((c.selected, c.offset), (1, 1));
        c.step(1, &heights, 4);
        assert_eq!((c.selected, c.offset), (2, 1));
        c.step(1, &heights, 4);
        assert_eq!((c.selected, c.offset), (3, 2));
        c.follow(&heights[..2], 4);
        assert_eq!((c.selected, c.offset), (1, 0), "fewer items: all on screen");
        assert_eq!(c.fitting(&heights, 4), 2);
    }
}
