//! Key press to finished frame: `update` plus a full draw into a 200x60 `TestBackend`,
//! paging through the largest article of `$SITREP_CORPUS/fnc1`, a synthetic 1 MB article
//! and a 1 MB article of one sentence. Prints the median and 99th percentile of each
//! (target: median under 2 ms), and what opening the article costs (reading and extracting
//! the file, as the reader does when a briefing is selected, then building and wrapping its
//! display text).
//!
//! Without `SITREP_CORPUS` the fnc1 case is skipped with a note; with it set to a
//! missing folder the benchmark fails.

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sitrep::config::Config;
use sitrep::library::{Library, Options};
use sitrep::tui::action::Action;
use sitrep::tui::draw;
use sitrep::tui::state::State;
use sitrep::tui::update::update;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
const SEED: &str = "briefings/000_2b1845f26494101a.txt";

/// The largest article of the fnc1 corpus, or `None` (with a note) without SITREP_CORPUS.
fn largest_fnc1() -> Option<PathBuf> {
    let Some(corpus) = std::env::var_os("SITREP_CORPUS") else {
        eprintln!("note: SITREP_CORPUS is not set, so the fnc1 case is skipped");
        return None;
    };
    let dir = Path::new(&corpus).join("fnc1");
    let files = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "SITREP_CORPUS is set but {} cannot be read: {e}",
            dir.display()
        )
    });
    files
        .filter_map(Result::ok)
        .map(|f| f.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
}

/// A 1 MB article written into `dir`: the seed's body repeated, so it has quotes, speakers
/// and denials all the way through.
fn synthetic_megabyte(dir: &Path) -> PathBuf {
    let seed = std::fs::read_to_string(SEED).expect("the seed briefing ships in briefings/");
    let (headline, body) = seed.split_once("\n\n").expect("a headline and a body");
    let mut text = format!("{headline} (1 MB)\n\n");
    while text.len() < 1_000_000 {
        text.push_str(body.trim());
        text.push_str("\n\n");
    }
    let path = dir.join("synthetic-1mb.txt");
    std::fs::write(&path, text).expect("the temporary folder is writable");
    path
}

/// A 1 MB article of one reported sentence (a statement a megabyte long, as text with no
/// full stop makes): the claims pane and its footer must lay out only what they show.
fn one_sentence_megabyte(dir: &Path) -> PathBuf {
    let mut text = String::from("One sentence (1 MB)\n\nThe minister said that");
    while text.len() < 1_000_000 {
        text.push_str(" the convoy was hit near the border");
    }
    text.push_str(".\n");
    let path = dir.join("one-sentence-1mb.txt");
    std::fs::write(&path, text).expect("the temporary folder is writable");
    path
}

/// A reader at 200x60 on one briefing file, timing how long opening it takes.
fn reader(path: &Path) -> (State, Duration) {
    let options = Options {
        cache_dir: None,
        ..Options::default()
    };
    let library = Library::open_blocking(&[path.to_path_buf()], &options);
    let started = Instant::now();
    let state = State::new(library, Config::builtin().unwrap(), false, WIDTH, HEIGHT);
    (state, started.elapsed())
}

/// The action for the i-th key press: page down through the article, then back up.
fn key(state: &State, i: usize) -> Action {
    let pages = state.article_max_top() / usize::from(HEIGHT) + 1;
    if (i / pages.max(1)).is_multiple_of(2) {
        Action::PageDown
    } else {
        Action::PageUp
    }
}

/// Times `presses` key presses one by one and prints the median and p99.
fn report(name: &str, state: &mut State, terminal: &mut Terminal<TestBackend>, presses: usize) {
    let mut times: Vec<Duration> = (0..presses)
        .map(|i| {
            let action = key(state, i);
            let started = Instant::now();
            update(state, action);
            terminal.draw(|f| draw(f, state)).unwrap();
            started.elapsed()
        })
        .collect();
    times.sort_unstable();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize].as_secs_f64() * 1e3;
    println!(
        "frame {name}: median {:.3} ms, p99 {:.3} ms over {presses} key presses at {WIDTH}x{HEIGHT} (target: median < 2 ms)",
        at(0.5),
        at(0.99)
    );
}

fn frames(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut cases = Vec::new();
    if let Some(path) = largest_fnc1() {
        let kb = std::fs::metadata(&path).map_or(0.0, |m| m.len() as f64 / 1e3);
        cases.push((
            format!("fnc1 largest ({}, {kb:.1} KB)", path.display()),
            path,
        ));
    }
    cases.push(("synthetic 1 MB".to_string(), synthetic_megabyte(dir.path())));
    cases.push((
        "one 1 MB sentence".to_string(),
        one_sentence_megabyte(dir.path()),
    ));
    for (name, path) in cases {
        let (mut state, open) = reader(&path);
        println!(
            "open {name}: {:.2} ms to read, extract, build and wrap {} lines",
            open.as_secs_f64() * 1e3,
            state.article_lines().len()
        );
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        terminal.draw(|f| draw(f, &state)).unwrap();
        report(&name, &mut state, &mut terminal, 2000);
        let mut i = 0;
        c.bench_function(&format!("key press to frame: {name}"), |bench| {
            bench.iter(|| {
                let action = key(&state, i);
                i += 1;
                update(&mut state, action);
                terminal.draw(|f| draw(f, &state)).unwrap();
            })
        });
    }
}

criterion_group!(benches, frames);
criterion_main!(benches);
