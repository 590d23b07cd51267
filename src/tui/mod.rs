//! The reader: a terminal UI in ratatui's Elm style. Terminal events become
//! [`action::Action`]s through the [`keymap`]; [`update::update`] is the only code that
//! changes the [`state::State`]; the pane modules only draw it.
//!
//! The terminal is always given back as it was found: on quit, on an error, on a panic
//! (with a note on where to report it) and on SIGTERM or SIGHUP.

pub mod action;
pub mod article;
pub mod claims;
pub mod document;
pub mod dossier;
pub mod effect;
pub mod filter;
pub mod help;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod quotes;
pub mod state;
pub mod status;
pub mod text;
pub mod theme;
pub mod update;

use crate::config::Config;
use crate::library::Library;
use crate::library::marks::{self, Marks};
use action::Action;
use crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use crossterm::{execute, terminal};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use state::{Pane, State};
use std::io::{Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How often the loop wakes while no key arrives: to look for a termination signal and to
/// take in what the library's background thread has done.
const TICK: Duration = Duration::from_millis(100);

/// Draws the whole screen from the state.
pub fn draw(frame: &mut Frame, state: &State) {
    let areas = state.areas();
    for pane in Pane::ALL {
        let Some(area) = areas.of(pane) else { continue };
        let focused = state.focus == pane;
        let t = &state.theme;
        let border = if focused { t.focused } else { t.border };
        let title = if areas.tabbed && pane != Pane::Article {
            tab_titles(state, pane)
        } else {
            Line::from(Span::styled(pane_title(state, pane), border))
        };
        // A title (or the tab strip) too long for the pane ends in `…`.
        let title = text::fit_line(title, usize::from(area.width.saturating_sub(2)));
        let block = Block::bordered().border_style(border).title(title);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        match pane {
            Pane::List => list::render(frame, inner, state),
            Pane::Article => article::render(frame, inner, state),
            Pane::Quotes | Pane::Claims => {
                let [rows, detail] = Layout::vertical([
                    Constraint::Min(0),
                    Constraint::Length(state.detail_rows(pane)),
                ])
                .areas(inner);
                if pane == Pane::Quotes {
                    quotes::render(frame, rows, state);
                } else {
                    claims::render(frame, rows, state);
                }
                let text = state.detail_text(pane);
                text::draw_detail(frame, detail, text, state.detail_top, state.theme.dim);
            }
        }
    }
    status::render(frame, areas.status, state);
    if let Some(dossier) = &state.dossier {
        dossier::render(frame, state, dossier);
    }
    if let Some(picker) = &state.picker {
        filter::render(frame, state, picker);
    }
    if let Some(top) = state.help {
        help::render(frame, state, top);
    }
}

fn pane_title(state: &State, pane: Pane) -> String {
    match pane {
        Pane::List => {
            // A search or a filter shows how much of the archive it kept.
            let all = state.library.order().len();
            let shown = state.shown.len();
            format!(
                " Briefings {}{} ",
                if shown == all {
                    status::thousands(all)
                } else {
                    format!("{} of {}", status::thousands(shown), status::thousands(all))
                },
                if state.by_date { " by date" } else { "" }
            )
        }
        Pane::Article => {
            let lines = state.article_lines().len();
            let first = state.article_top + 1;
            let last =
                (state.article_top + usize::from(state.inner(Pane::Article).height)).min(lines);
            // Lines first-last of all; a pane too small to show a line gives the count.
            if first <= last {
                format!(" Article {first}-{last}/{lines} ")
            } else {
                format!(" Article {lines} lines ")
            }
        }
        Pane::Quotes => format!(" Quotes {} ", state.quote_rows.len()),
        Pane::Claims => " Claims ◀─▶ denials ".to_string(),
    }
}

/// The narrow layout's tab strip: every side pane's title, the shown one highlighted.
fn tab_titles(state: &State, shown: Pane) -> Line<'static> {
    let t = &state.theme;
    let mut spans = Vec::new();
    for pane in [Pane::List, Pane::Quotes, Pane::Claims] {
        let style = if pane == shown {
            if state.focus == pane {
                t.focused.patch(t.selected)
            } else {
                t.headline
            }
        } else {
            t.dim
        };
        spans.push(Span::styled(pane_title(state, pane), style));
    }
    Line::from(spans)
}

/// Runs the reader on `library` until the user quits or a signal asks it to stop, then
/// saves the library's cache so what it read is not read again. Returns the signal number
/// when one ended it, so the caller can exit with the conventional status.
pub fn run(library: Library, config: Config) -> anyhow::Result<Option<i32>> {
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    install_panic_hook();
    let mut terminal = init()?;
    let mut state = match terminal.size() {
        Ok(size) => State::new(
            library,
            config,
            theme::Theme::no_color_requested(),
            size.width,
            size.height,
        ),
        Err(e) => {
            restore();
            return Err(e.into());
        }
    };
    match marks::default_state_dir().map(|dir| Marks::load(&dir)) {
        Some(Ok(marks)) => {
            state.marks = marks;
            state.resume();
        }
        Some(Err(e)) => state.message = Some(format!("marks not loaded: {e}")),
        None => {}
    }
    let outcome = event_loop(&mut terminal, &mut state, &signal);
    restore();
    if let Err(e) = state.remember_open() {
        let _ = writeln!(
            std::io::stderr(),
            "sitrep: where you stopped not saved: {e}"
        );
    }
    if let Err(e) = state.library.save() {
        // Not eprintln!: a stderr that has gone away must not turn quitting into a panic.
        let _ = writeln!(std::io::stderr(), "sitrep: cache not written: {e}");
    }
    outcome
}

fn event_loop(
    terminal: &mut ratatui::Terminal<ratatui::backend::CrosstermBackend<Stdout>>,
    state: &mut State,
    signal: &AtomicUsize,
) -> anyhow::Result<Option<i32>> {
    loop {
        terminal.draw(|f| draw(f, state))?;
        if state.quit {
            return Ok(None);
        }
        // Wait for input, a signal, or news from the library (which only needs a redraw).
        let input = loop {
            let sig = signal.load(Ordering::Relaxed);
            if sig != 0 {
                return Ok(Some(sig as i32));
            }
            // A terminal that went away (ssh dropped, tmux killed) does not always deliver
            // SIGHUP, and its input then reads end-of-file forever, which crossterm's own
            // wait spins on: so wait on the input ourselves and only ask crossterm for
            // events that are already there (resizes arrive that way within a tick).
            if input_hung_up(TICK) {
                return Ok(Some(signal_hook::consts::SIGHUP));
            }
            if event::poll(Duration::ZERO)? {
                break true;
            }
            if take_library_news(state) {
                break false;
            }
            // A message gives way to the key hints after a while: update is told the time.
            if state.message.is_some() {
                update::update(state, Action::Tick(std::time::Instant::now()));
                if state.message.is_none() {
                    break false;
                }
            }
        };
        if !input {
            continue;
        }
        // Take every event already waiting before drawing again, so held keys never lag.
        loop {
            if let Some(action) = to_action(event::read()?, state) {
                update::update(state, action);
            }
            if let Some(action) = state.effect.take() {
                let here = std::env::current_dir().unwrap_or_default();
                effect::run(state, action, terminal.backend_mut(), &here);
            }
            if state.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}

/// Hands what the library's thread has done to `update` (the list, the index, files changed
/// on disk, how far the reading got); true when there is something new to draw.
fn take_library_news(state: &mut State) -> bool {
    let changed = state.library.poll();
    if changed {
        update::update(state, Action::LibraryChanged);
    }
    let mut moved = false;
    if !state.library.is_indexed() {
        let (read, total) = state.library.progress();
        moved = state.progress != Some((read, total));
        if moved {
            update::update(state, Action::Progress { read, total });
        }
    }
    changed || moved
}

/// Waits up to `timeout` for input; true when standard input is a terminal that has hung up
/// (or is closed): `poll(2)` reports POLLHUP, POLLERR or POLLNVAL.
fn input_hung_up(timeout: Duration) -> bool {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let millis = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: one valid pollfd and a count of one; poll only writes its revents.
    let ready = unsafe { libc::poll(&mut fd, 1, millis) };
    ready > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// The action for a terminal event: key presses through the key map (releases and repeats
/// reported by some terminals are ignored; while the search prompt or the filter picker is
/// open, characters are text), the wheel, and resizes.
pub fn to_action(event: Event, state: &State) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            let typing = state.prompt.is_some() || state.picker.is_some();
            state.config.keys.translate(key, typing)
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Paste(text) => Some(Action::Paste(text)),
        _ => None,
    }
}

fn init() -> anyhow::Result<ratatui::Terminal<ratatui::backend::CrosstermBackend<Stdout>>> {
    terminal::enable_raw_mode()?;
    let mut stdout = std::io::stdout();
    if let Err(e) = execute!(
        stdout,
        terminal::EnterAlternateScreen,
        event::EnableMouseCapture,
        // A paste arrives whole: crossterm returns after the first 1 KB of a burst of
        // keys and is not woken for the rest, so an unbracketed long paste sat unread.
        event::EnableBracketedPaste
    ) {
        restore();
        return Err(e.into());
    }
    let terminal = ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(stdout));
    if terminal.is_err() {
        restore();
    }
    Ok(terminal?)
}

/// Gives the terminal back: mouse off, main screen, cooked mode, cursor shown. Safe to call
/// more than once and on a terminal that is already gone.
pub fn restore() {
    let mut stdout = std::io::stdout();
    let _ = execute!(
        stdout,
        event::DisableMouseCapture,
        event::DisableBracketedPaste,
        terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = terminal::disable_raw_mode();
}

/// On a panic, restore the terminal first so the message is readable, and say where to
/// report it.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
        let _ = writeln!(
            std::io::stderr(),
            "\nsitrep {} stopped on a bug; your terminal has been restored and no briefing was changed.\n\
             Please report it on {}, with the message above and, if you can, the briefing that was open.",
            env!("CARGO_PKG_VERSION"),
            report_address()
        );
    }));
}

fn report_address() -> &'static str {
    match env!("CARGO_PKG_REPOSITORY") {
        "" => "the sitrep issue tracker",
        repo => repo,
    }
}
