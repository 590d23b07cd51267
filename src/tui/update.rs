//! The one place the reader's state changes: `update(state, action)`. Pure (no terminal,
//! no clock, no files), so every key sequence can be replayed in tests.

use crate::table::Row;
use crate::tui::action::Action;
use crate::tui::claims;
use crate::tui::document::line_of;
use crate::tui::dossier::Dossier;
use crate::tui::filter::{FilterOption, Picker, Purpose};
use crate::tui::state::{Cursor, Hits, ListSearch, Pane, Prompt, Search, State};
use crate::tui::text::smart_case;
use std::ops::Range;
use std::time::{Duration, Instant};

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: isize = 3;

/// Applies one action to the state.
pub fn update(state: &mut State, action: Action) {
    // News from the library arrives between key presses: it leaves the message alone.
    match action {
        Action::LibraryChanged => {
            let before = state.message.clone();
            library_changed(state);
            if state.message != before {
                state.message_since = None;
            }
            return;
        }
        Action::Tick(now) => return expire_message(state, now),
        Action::Progress { read, total } => {
            state.progress = Some((read, total));
            return;
        }
        // Whatever is open, Ctrl-C leaves.
        Action::QuitNow => {
            state.quit = true;
            return;
        }
        _ => {}
    }
    state.message = None;
    state.message_since = None;
    match action {
        Action::Resize { width, height } => return resize(state, width, height),
        Action::Scroll { column, row, down } => {
            let overlay = state.prompt.is_some()
                || state.picker.is_some()
                || state.help.is_some()
                || state.dossier.is_some();
            if let Some(pane) = state.areas().pane_at(column, row).filter(|_| !overlay) {
                scroll_view(
                    state,
                    pane,
                    row,
                    if down { WHEEL_LINES } else { -WHEEL_LINES },
                );
            }
            return;
        }
        _ => {}
    }
    if state.prompt.is_some() {
        prompt_action(state, action);
    } else if state.picker.is_some() {
        picker_action(state, action);
    } else if state.help.is_some() {
        help_action(state, action);
    } else if state.dossier.is_some() {
        dossier_action(state, action);
    } else {
        normal_action(state, action);
    }
}

/// A message stands for this long once drawn, then the key hints come back (a key press
/// clears it sooner).
pub const MESSAGE_LIFE: Duration = Duration::from_secs(4);

/// Time passed: a message is timed from the first tick that finds it and cleared once it
/// has stood [`MESSAGE_LIFE`], except while the `/` prompt is open, where it says why the
/// query being typed does not parse.
fn expire_message(state: &mut State, now: Instant) {
    match (&state.message, state.message_since) {
        (None, _) => state.message_since = None,
        (Some(_), None) => state.message_since = Some(now),
        (Some(_), Some(since)) => {
            if now.saturating_duration_since(since) >= MESSAGE_LIFE && state.prompt.is_none() {
                state.message = None;
                state.message_since = None;
            }
        }
    }
}

fn normal_action(state: &mut State, action: Action) {
    match action {
        Action::Quit => state.quit = true,
        Action::FocusNext => cycle_focus(state, 1),
        Action::FocusPrev => cycle_focus(state, -1),
        Action::Left | Action::Right if state.focus == Pane::Claims => {
            pick_side(state, action == Action::Right);
        }
        Action::Open => open(state),
        Action::NextBriefing => move_in(state, Pane::List, 1),
        Action::PrevBriefing => move_in(state, Pane::List, -1),
        Action::Search => {
            state.prompt = Some(Prompt {
                pane: state.focus,
                text: String::new(),
                previous_search: state.search.clone(),
                previous_list: state.list_search.clone(),
                origin: state.view_position(state.focus),
            });
        }
        Action::SearchNext => jump_to_hit(state, true),
        Action::SearchPrev => jump_to_hit(state, false),
        Action::Filter => {
            state.picker = Some(Picker::filter(state.library.docs(), &state.filter));
        }
        Action::Dossier => {
            let default = selected_party(state).or_else(|| state.filter.party.clone());
            state.picker = Some(Picker::parties(state.library.docs(), default.as_deref()));
        }
        Action::SortList => {
            state.by_date = !state.by_date;
            state.refresh_list();
            state.message = Some(
                if state.by_date {
                    "briefings by date, newest first (those dated only by their file last)"
                } else {
                    "briefings by path"
                }
                .into(),
            );
        }
        Action::Clear => clear(state),
        Action::Help => state.help = Some(0),
        Action::DetailDown => scroll_detail(state, state.focus, 1),
        Action::DetailUp => scroll_detail(state, state.focus, -1),
        Action::ToggleRead | Action::ToggleStar | Action::Export | Action::CopyQuote => {
            state.effect = Some(action);
        }
        other => {
            if let Some(delta) = motion(&other, state.page(state.focus)) {
                move_in(state, state.focus, delta);
            }
        }
    }
}

/// `h` / `l` in the claims pane: chooses the claim or the denial side of the selected row.
/// A row with nothing on that side keeps the side it shows, and the status bar says why:
/// choosing a side the screen cannot show would only surface on a later row, as a denial
/// selected that nobody saw picked.
fn pick_side(state: &mut State, denial_side: bool) {
    let Some(Row::Pair { claim, denial }) = state.claim_rows.get(state.claims.selected) else {
        return;
    };
    let (side, wanted) = if denial_side {
        ("denial", denial)
    } else {
        ("claim", claim)
    };
    if wanted.is_some() {
        state.denial_side = denial_side;
    } else {
        state.message = Some(format!("no {side} on this row"));
    }
}

/// How far a motion action moves, in items (lines for the article), with `page` items on
/// screen.
fn motion(action: &Action, page: usize) -> Option<isize> {
    let page = page.max(1) as isize;
    Some(match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown => page,
        Action::PageUp => -page,
        Action::HalfPageDown => (page / 2).max(1),
        Action::HalfPageUp => -(page / 2).max(1),
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return None,
    })
}

/// Moves the selection (or the article's first line) in `pane`.
fn move_in(state: &mut State, pane: Pane, delta: isize) {
    if pane == Pane::Article {
        let max = state.article_max_top();
        state.article_top = state.article_top.saturating_add_signed(delta).min(max);
        return;
    }
    let (heights, rows) = (state.heights(pane), state.rows(pane));
    if let Some(cursor) = state.cursor_mut(pane) {
        cursor.step(delta, &heights, rows);
    }
    state.detail_top = 0;
    match pane {
        Pane::List => state.open_selected(),
        Pane::Claims => {
            state.claims.selected =
                claims::nearest_pair(&state.claim_rows, state.claims.selected, delta);
        }
        _ => {}
    }
    state.follow_cursors();
}

/// Scrolls the view of `pane` without moving its selection (the mouse wheel); over the
/// footer it scrolls the footer.
fn scroll_view(state: &mut State, pane: Pane, row: u16, delta: isize) {
    let footer_top = state
        .inner(pane)
        .bottom()
        .saturating_sub(state.detail_rows(pane));
    if state.detail_rows(pane) > 0 && row >= footer_top {
        return scroll_detail(state, pane, delta);
    }
    if pane == Pane::Article {
        return move_in(state, pane, delta);
    }
    let (heights, rows) = (state.heights(pane), state.rows(pane));
    if let Some(cursor) = state.cursor_mut(pane) {
        cursor.offset = cursor
            .offset
            .saturating_add_signed(delta)
            .min(Cursor::max_offset(&heights, rows));
    }
}

/// Scrolls the footer of the focused quotes or claims pane through a long quote.
fn scroll_detail(state: &mut State, pane: Pane, delta: isize) {
    let (lines, shown) = state.detail_lines(pane);
    state.detail_top = state
        .detail_top
        .saturating_add_signed(delta)
        .min(lines.saturating_sub(shown));
}

fn cycle_focus(state: &mut State, step: isize) {
    let i = Pane::ALL
        .iter()
        .position(|&p| p == state.focus)
        .unwrap_or(0) as isize;
    let n = Pane::ALL.len() as isize;
    state.focus = Pane::ALL[(i + step).rem_euclid(n) as usize];
    if state.focus != Pane::Article {
        state.side = state.focus;
    }
    state.detail_top = 0;
    state.follow_cursors();
}

/// Enter: in the list, read the briefing; on a quote or statement, show it in the article
/// and mark it.
fn open(state: &mut State) {
    match state.focus {
        Pane::List => {
            state.focus = Pane::Article;
            return;
        }
        Pane::Article => return,
        Pane::Quotes | Pane::Claims => {}
    }
    let target = state.current().and_then(|(b, x)| {
        let (span, range) = if state.focus == Pane::Quotes {
            let q = *state.quote_rows.get(state.quotes.selected)?;
            (x.quotes.get(q)?.span, state.doc.quotes.get(q)?)
        } else {
            let s = claims::selected_statement(state)?;
            (x.statements.get(s)?.span, state.doc.statements.get(s)?)
        };
        Some((b.in_front_matter(span), range.clone()))
    });
    if let Some((in_front_matter, range)) = target {
        show_in_article(state, range, in_front_matter);
    }
}

/// What Enter says on a hand annotation whose words the article does not hold.
const IN_FRONT_MATTER: &str = "written by hand in the front matter, not in the article";

/// Scrolls the article to a quote or statement (display range `range`) and marks it; one
/// kept in the front matter has no place there, and the status bar says so instead.
fn show_in_article(state: &mut State, range: Range<usize>, in_front_matter: bool) {
    if in_front_matter {
        state.message = Some(IN_FRONT_MATTER.into());
    } else {
        scroll_article_to(state, range.clone());
        state.mark = Some(range);
    }
}

/// Lines of context kept above a passage jumped to, when the pane has room for them.
const CONTEXT_LINES: usize = 2;

/// Scrolls the article so the whole of display range `range` (a quote, a sentence, a hit)
/// is on screen, with a little context above it; a passage already wholly on screen stays
/// where it is, and one taller than the pane shows from its first line.
fn scroll_article_to(state: &mut State, range: Range<usize>) {
    let lines = state.article_lines();
    let first = line_of(lines, range.start);
    let last = line_of(lines, range.end.saturating_sub(1).max(range.start)).max(first);
    let height = usize::from(state.inner(Pane::Article).height).max(1);
    if first < state.article_top || last >= state.article_top + height {
        let spare = height.saturating_sub(last - first + 1);
        state.article_top = first
            .saturating_sub(CONTEXT_LINES.min(spare))
            .min(state.article_max_top());
    }
}

fn prompt_action(state: &mut State, action: Action) {
    let Some(prompt) = state.prompt.as_mut() else {
        return;
    };
    match action {
        Action::Insert(c) => {
            prompt.text.push(c);
            apply_prompt(state);
        }
        Action::Paste(text) => {
            prompt.text.push_str(&one_line_of(&text));
            apply_prompt(state);
        }
        Action::DeleteBack => {
            if prompt.text.pop().is_some() {
                apply_prompt(state);
            } else {
                cancel_prompt(state);
            }
        }
        Action::ClearLine => {
            prompt.text.clear();
            apply_prompt(state);
        }
        Action::Open => {
            let pane = prompt.pane;
            let query = std::mem::take(&mut prompt.text);
            state.prompt = None;
            if pane == Pane::List {
                return search_article_for_list_search(state);
            }
            let found = state.search.as_ref().is_some_and(|s| !s.hits.is_empty());
            if !query.is_empty() && !found {
                state.message = Some(format!("Pattern not found: {query}"));
            }
        }
        Action::Clear => cancel_prompt(state),
        _ => {}
    }
}

/// Once a list search is entered, its words and phrases are searched in the article too: the
/// opened briefing shows where they stand, the first one on screen, and `n`/`N` go through
/// them (and on through each briefing opened from the list).
fn search_article_for_list_search(state: &mut State) {
    let Some(ListSearch {
        text,
        highlight: Some(regex),
        ..
    }) = state.list_search.clone()
    else {
        return;
    };
    let hits = state.hits_for(Pane::Article, Some(&regex));
    state.search = Some(Search {
        pane: Pane::Article,
        query: text,
        regex: Some(regex),
        hits,
        current: None,
        from_list: true,
    });
    jump_to_hit(state, true);
}

fn cancel_prompt(state: &mut State) {
    if let Some(prompt) = state.prompt.take() {
        state.search = prompt.previous_search;
        state.set_view_position(prompt.pane, prompt.origin);
        let typed = |l: &Option<ListSearch>| l.as_ref().map(|s| s.text.clone());
        if prompt.pane == Pane::List && typed(&state.list_search) != typed(&prompt.previous_list) {
            state.list_search = prompt.previous_list;
            state.refresh_list();
        }
    }
}

/// Updates the search (or the list search) as the user types, jumping to the first hit
/// from where the view is, like less's incremental search.
/// Pasted text as a prompt takes it: on one line, without control characters.
fn one_line_of(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect()
}

fn apply_prompt(state: &mut State) {
    let Some(prompt) = &state.prompt else { return };
    let (pane, text, origin) = (prompt.pane, prompt.text.clone(), prompt.origin);
    if pane == Pane::List {
        // A query that does not parse yet leaves the list as it was and says why.
        let parsed = ListSearch::parse(&text, state.library.gazetteer()).and_then(|search| {
            if let Some(search) = &search {
                state.library.check_parties(&search.query)?;
            }
            Ok(search)
        });
        match parsed {
            Ok(search) => {
                state.list_search = search;
                state.refresh_list();
            }
            Err(e) => state.message = Some(e.to_string()),
        }
        return;
    }
    state.set_view_position(pane, origin);
    let regex = smart_case(&text);
    let hits = state.hits_for(pane, regex.as_ref());
    state.search = Some(Search {
        pane,
        query: text,
        regex,
        hits,
        current: None,
        from_list: false,
    });
    jump_to_hit(state, true);
}

/// n / N: the next or previous hit after the current one (or after the view), wrapping
/// around at the ends as less does.
fn jump_to_hit(state: &mut State, forward: bool) {
    let Some(search) = &state.search else {
        // A list search of filters alone (`kind:denial party:russia`) is a search, but it
        // gives the article no words to find.
        let key = state.config.keys.keys_for(&Action::Search).next();
        state.message = Some(match (&state.list_search, key) {
            (Some(_), _) => "No words to find in the article: the list search only filters".into(),
            (None, Some(k)) => format!("No search yet: press {k} to search"),
            (None, None) => "No search yet".into(),
        });
        return;
    };
    let len = search.hits.len();
    if len == 0 {
        if !search.query.is_empty() {
            state.message = Some(format!("Pattern not found: {}", search.query));
        }
        return;
    }
    let pane = search.pane;
    let here = match (&search.hits, search.current) {
        (_, Some(c)) => Position::Hit(c),
        (Hits::Article(_), None) => Position::Offset(
            state
                .article_lines()
                .get(state.article_top)
                .map_or(0, |l| l.range.start),
        ),
        (Hits::Rows(_), None) => Position::Offset(match pane {
            Pane::Quotes => state.quotes.selected,
            _ => state.claims.selected,
        }),
    };
    let key = |i: usize| match &search.hits {
        Hits::Article(h) => h[i].start,
        Hits::Rows(r) => r[i],
    };
    let (next, wrapped) = match (here, forward) {
        (Position::Hit(c), true) => ((c + 1) % len, c + 1 == len),
        (Position::Hit(c), false) => ((c + len - 1) % len, c == 0),
        (Position::Offset(o), true) => {
            let i = (0..len).find(|&i| key(i) >= o);
            (i.unwrap_or(0), i.is_none())
        }
        (Position::Offset(o), false) => {
            let i = (0..len).rev().find(|&i| key(i) < o);
            (i.unwrap_or(len - 1), i.is_none())
        }
    };
    let target = key(next);
    let hit = match &search.hits {
        Hits::Article(h) => h[next].clone(),
        Hits::Rows(_) => target..target,
    };
    if let Some(s) = state.search.as_mut() {
        s.current = Some(next);
    }
    if wrapped && len > 1 {
        state.message = Some(if forward {
            "search hit BOTTOM, continuing at TOP".into()
        } else {
            "search hit TOP, continuing at BOTTOM".into()
        });
    }
    match pane {
        Pane::Quotes => {
            state.quotes.selected = target;
            state.detail_top = 0;
            state.follow_cursors();
        }
        Pane::Claims => {
            state.claims.selected = target;
            state.detail_top = 0;
            state.follow_cursors();
        }
        Pane::Article | Pane::List => scroll_article_to(state, hit),
    }
}

/// Where a search goes on from.
enum Position {
    /// A hit was jumped to.
    Hit(usize),
    /// Nothing jumped to yet: from this offset (or row).
    Offset(usize),
}

/// Esc outside any prompt or overlay: clears the search, else the list search, else the
/// filter, else the mark (a list search and the article search it carried go together).
fn clear(state: &mut State) {
    if let Some(search) = state.search.take()
        && !search.from_list
    {
        return;
    }
    if state.list_search.take().is_some() {
        state.refresh_list();
    } else if !state.filter.is_empty() {
        state.filter = Default::default();
        apply_filter(state);
    } else {
        state.mark = None;
    }
}

fn apply_filter(state: &mut State) {
    state.refresh_list();
    state.refresh_rows();
    state.rerun_search();
}

fn picker_action(state: &mut State, action: Action) {
    let Some(picker) = state.picker.as_mut() else {
        return;
    };
    let last = picker.shown.len().saturating_sub(1);
    let page = usize::from(state.size.height.saturating_sub(9));
    if let Some(step) = motion(&action, page) {
        picker.cursor = picker.cursor.saturating_add_signed(step).min(last);
        return;
    }
    match action {
        Action::Insert(c) => {
            let query = format!("{}{c}", picker.query);
            picker.narrow(query, state.library.gazetteer());
        }
        Action::Paste(text) => {
            let query = format!("{}{}", picker.query, one_line_of(&text));
            picker.narrow(query, state.library.gazetteer());
        }
        Action::DeleteBack => {
            let mut query = picker.query.clone();
            query.pop();
            picker.narrow(query, state.library.gazetteer());
        }
        Action::ClearLine => picker.narrow(String::new(), state.library.gazetteer()),
        Action::Open => match (picker.purpose, picker.selected().cloned()) {
            (Purpose::Filter, Some(option)) => {
                state.filter.toggle(&option);
                apply_filter(state);
            }
            (Purpose::Dossier, Some(FilterOption::Party(party))) => {
                state.picker = None;
                state.dossier = Some(Dossier::open(&state.library, &party, state.size));
            }
            _ => {}
        },
        Action::Clear | Action::Filter | Action::Quit => state.picker = None,
        _ => {}
    }
}

fn help_action(state: &mut State, action: Action) {
    let (_, room) = crate::tui::help::extent(state);
    let last = crate::tui::help::max_top(state);
    let Some(top) = state.help.as_mut() else {
        return;
    };
    match (motion(&action, room), action) {
        (Some(step), _) => *top = top.saturating_add_signed(step).min(last),
        (None, Action::Help | Action::Clear | Action::Quit) => state.help = None,
        _ => {}
    }
}

fn resize(state: &mut State, width: u16, height: u16) {
    // The text at the top of the article stays at the top, as in less: the same line
    // number at another width is another place in the article.
    let reading =
        (state.article_lines().get(state.article_top)).map(|l| (l.range.start, l.range.is_empty()));
    state.size = ratatui::layout::Rect::new(0, 0, width, height);
    let width = state.article_width();
    state.doc.ensure_width(width);
    if let Some((offset, blank)) = reading {
        let lines = state.article_lines();
        let top = line_of(lines, offset);
        // A block's first line shares its offset with the blank line above it.
        let skip_blank = !blank && lines.get(top).is_some_and(|l| l.range.is_empty());
        state.article_top = (top + usize::from(skip_blank)).min(lines.len().saturating_sub(1));
    }
    state.article_top = state.article_top.min(state.article_max_top());
    let last_help_top = crate::tui::help::max_top(state);
    if let Some(top) = state.help.as_mut() {
        *top = (*top).min(last_help_top);
    }
    if let Some(dossier) = state.dossier.as_mut() {
        dossier.follow(&state.library, state.size);
    }
    state.follow_cursors();
}

/// The party of the selected quote or statement, the dossier `p` offers first.
fn selected_party(state: &State) -> Option<String> {
    let (_, x) = state.current()?;
    match state.focus {
        Pane::Quotes => x.quotes[*state.quote_rows.get(state.quotes.selected)?]
            .party
            .clone(),
        Pane::Claims => x.statements[claims::selected_statement(state)?]
            .party
            .clone(),
        Pane::List | Pane::Article => None,
    }
}

/// Keys while the dossier is open: move through it, Enter opens the briefing at the
/// statement, `y` copies the statement and `e` writes the dossier (as in the panes), `p`
/// picks another party (over the dossier, which stays until one is chosen), Esc or q
/// closes it.
fn dossier_action(state: &mut State, action: Action) {
    let Some(dossier) = state.dossier.as_mut() else {
        return;
    };
    let page = dossier.page(&state.library, state.size);
    if let Some(step) = motion(&action, page) {
        return dossier.step(step, &state.library, state.size);
    }
    match action {
        Action::Open => open_from_dossier(state),
        Action::DetailDown => dossier.scroll_detail(1, &state.library, state.size),
        Action::DetailUp => dossier.scroll_detail(-1, &state.library, state.size),
        Action::Dossier => {
            let party = dossier.party.clone();
            state.picker = Some(Picker::parties(state.library.docs(), Some(&party)));
        }
        Action::Clear | Action::Quit => state.dossier = None,
        Action::Help => state.help = Some(0),
        Action::CopyQuote | Action::Export => state.effect = Some(action),
        _ => {}
    }
}

/// Enter in the dossier: opens the briefing of the selected statement with the article
/// scrolled to its sentence and the sentence marked, as Enter on a claim does. A list search
/// or filter that hides the briefing is cleared, and the status bar says so.
fn open_from_dossier(state: &mut State) {
    let Some(r) = state.dossier.take().and_then(|d| d.selected()) else {
        return;
    };
    let doc = state.library.doc(r.id);
    let (path, span) = (doc.path.clone(), doc.statements[r.statement].span());
    if !state.shown.contains(&r.id) {
        state.list_search = None;
        state.filter = Default::default();
        state.rerun_list();
        state.message = Some("cleared the list search and filter to show the briefing".into());
    }
    state.list.selected = state.shown.iter().position(|&id| id == r.id).unwrap_or(0);
    state.open_selected();
    state.focus = Pane::Article;
    state.follow_cursors();
    let statement = state
        .current()
        .filter(|(b, _)| b.path == path)
        .and_then(|(b, x)| {
            let i = x.statements.iter().position(|s| s.span == span)?;
            Some((i, b.in_front_matter(span)))
        });
    match statement.and_then(|(i, hand)| Some((i, hand, state.doc.statements.get(i)?.clone()))) {
        Some((i, in_front_matter, range)) => {
            show_in_article(state, range, in_front_matter);
            select_statement(state, i);
        }
        None => state.message = Some("the briefing changed since it was read".into()),
    }
}

/// Selects statement `i` in the claims pane (on its side of its row), where the filter shows
/// it: the analyst who came from a claim or denial finds it selected there too.
fn select_statement(state: &mut State, i: usize) {
    if let Some((row, denial_side)) = claims::row_of(&state.claim_rows, i) {
        state.claims.selected = row;
        state.denial_side = denial_side;
        state.detail_top = 0;
        state.follow_cursors();
    }
}

/// Takes in the library's news: the list again (the search re-run), the open briefing kept
/// selected by its path, read again when its file changed, and replaced by its neighbour
/// when its file is gone; an open dossier is listed again.
fn library_changed(state: &mut State) {
    let finished = state.library.is_indexed() && state.progress.take().is_some();
    if let Some(e) = state.library.cache_error().filter(|_| finished) {
        state.message = Some(format!("cache not written: {e}"));
    }
    state.count_unreadable();
    let open_id = state.open_path().map(|p| state.library.id_of(p));
    match open_id {
        Some(None) => {
            let gone = state.open.take().map(|o| o.path);
            let at = state.list.selected;
            state.rerun_list();
            state.list.selected = at.min(state.shown.len().saturating_sub(1));
            state.follow_cursors();
            state.open_selected();
            if let Some(gone) = gone {
                let shown =
                    crate::sanitize::visible(&gone.display().to_string(), false).into_owned();
                state.message = Some(format!("removed from the folder: {shown}"));
            }
        }
        Some(Some(id)) => {
            let on_disk = state.library.doc(id).stamp;
            let read = state.open.as_ref().and_then(|o| o.stamp);
            state.refresh_list();
            if on_disk.is_some()
                && on_disk != read
                && state
                    .open_path()
                    .is_some_and(|p| state.library.id_of(p) == Some(id))
            {
                state.reload_open();
                state.message = Some("the open briefing changed on disk and was read again".into());
            }
        }
        None => state.refresh_list(),
    }
    if let Some(dossier) = state.dossier.as_mut() {
        dossier.refresh(&state.library, state.size);
    }
}
