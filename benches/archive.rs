//! The archive benchmark: cold and warm start, first frame, full background extraction,
//! search latency per keystroke, `sitrep search` against `rg -il` and `grep -ril`, and peak
//! memory, on an archive built from the fnc1 corpus by `scripts/build-archive.sh`.
//!
//! The first frame and the reader's keystrokes are measured through the reader itself, as
//! the event loop runs it: the library opened, the reader's state built (which reads and
//! extracts the first briefing) and a frame drawn into a `TestBackend`; a keystroke in the
//! briefings pane's `/` prompt is `update` (parse, search, list, open the first result)
//! plus a frame.
//!
//! `SITREP_BENCH_N` sizes the archive (default 100000); `SITREP_BENCH_ARCHIVE` reuses an
//! archive already built; `SITREP_CORPUS` says where the corpus is (default
//! `../shared/corpus`). Without the corpus the benchmark says so and does nothing. It prints
//! a Markdown table; ratios compare tools run on the same files in the same run, round by
//! round (each tool once a round, after the same warm-up of the page cache), as the median
//! of the per-round ratios, so a busy moment of the machine slows both sides of a ratio.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sitrep::config::Config;
use sitrep::library::search::Query;
use sitrep::library::{Library, Options};
use sitrep::tui::action::Action;
use sitrep::tui::state::{Pane, State};
use sitrep::tui::update::update;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a user types, one keystroke at a time.
const TYPED: &[&str] = &[
    "russia",
    "islamic state",
    "\"islamic state\"",
    "party:russia kind:denial",
    "ebola -liberia",
    "date:2015-03..2015-06 syria",
    "speaker:obama",
    "kurdish forces denied",
    "tag:yemen",
    "u.s. sanctions",
];

/// Words compared with ripgrep and grep.
const WORDS: &[&str] = &["russia", "ebola", "denied", "baghdadi"];

/// Rounds of the comparison with ripgrep and grep (each tool once a round).
const ROUNDS: usize = 7;

/// Time this thread has spent running on a CPU (from the scheduler's own accounting), so
/// numbers say what the work costs even when other processes crowd the machine.
fn on_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

/// CPU time of the whole process so far (all threads), from /proc/self/stat.
fn process_cpu() -> Duration {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let fields: Vec<&str> = s.rsplit(')').next()?.split_whitespace().collect();
            Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
        });
    Duration::from_millis(ticks.unwrap_or(0) * 10)
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Peak resident memory of this process so far (VmHWM), in MB of 1,000,000 bytes like every
/// size sitrep prints (the kernel's "kB" are KiB, 1,024 bytes).
fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kib| kib * 1024.0 / 1e6)
}

fn archive_bytes(dir: &Path) -> u64 {
    let (files, _) = sitrep::library::catalog::walk(&[dir.to_path_buf()]);
    files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum()
}

/// A command a benchmark runs: program, arguments, environment.
type Run<'a> = (&'a str, Vec<&'a str>, &'a [(&'a str, &'a Path)]);

/// What one run of a command cost: wall time, and CPU time (user + system) of the
/// process, from the kernel's accounting of waited-for children (`getrusage`), which a
/// crowded machine inflates far less than the wall time.
#[derive(Clone, Copy)]
struct Cost {
    wall: Duration,
    cpu: Duration,
}

/// CPU time (user + system) of all children this process has waited for.
fn children_cpu() -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: `usage` is room for one `rusage`, filled by the call.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr());
        usage.assume_init()
    };
    let tv = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// Runs one command once (output discarded) and returns what it cost.
fn run_once((program, args, env): &Run) -> Cost {
    let mut cmd = Command::new(program);
    cmd.args(args).stdout(Stdio::null()).stderr(Stdio::null());
    for (k, v) in env.iter() {
        cmd.env(k, v);
    }
    let (start, cpu) = (Instant::now(), children_cpu());
    cmd.status().expect("command runs");
    Cost {
        wall: start.elapsed(),
        cpu: children_cpu() - cpu,
    }
}

/// Runs `commands` round by round, each once a round, and returns each command's costs,
/// one a round. Each round starts one command further along, so no tool always runs
/// first after another's reading (or the benchmark's own work) or always last; a slow
/// moment of a crowded machine falls on all of them at once, which the per-round ratios
/// ([`ratio`]) then cancel.
fn interleaved(commands: &[Run], rounds: usize) -> Vec<Vec<Cost>> {
    let mut costs = vec![Vec::with_capacity(rounds); commands.len()];
    for round in 0..rounds {
        for i in (0..commands.len()).map(|i| (i + round) % commands.len()) {
            costs[i].push(run_once(&commands[i]));
        }
    }
    costs
}

/// The median of `values`.
fn median<T: Copy + PartialOrd>(mut values: Vec<T>) -> T {
    values.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    values[values.len() / 2]
}

/// The median of the per-round ratios of `reference`'s wall time to `ours` (how many times
/// faster we were than the reference in the same round), and the same of CPU time.
fn ratio(reference: &[Cost], ours: &[Cost]) -> (f64, f64) {
    let per_round = |of: fn(&Cost) -> Duration| {
        median(
            reference
                .iter()
                .zip(ours)
                .map(|(r, o)| of(r).as_secs_f64() / of(o).as_secs_f64())
                .collect(),
        )
    };
    (per_round(|c| c.wall), per_round(|c| c.cpu))
}

/// Median wall and CPU time of a command's runs.
fn costs(runs: &[Cost]) -> String {
    format!(
        "{} (CPU {})",
        ms(median(runs.iter().map(|c| c.wall).collect())),
        ms(median(runs.iter().map(|c| c.cpu).collect()))
    )
}

fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn build_archive() -> Option<(PathBuf, Option<tempfile::TempDir>)> {
    if let Some(dir) = std::env::var_os("SITREP_BENCH_ARCHIVE") {
        return Some((PathBuf::from(dir), None));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::env::var_os("SITREP_CORPUS")
        .map_or_else(|| root.join("../shared/corpus"), |c| root.join(c));
    if !corpus.join("fnc1").is_dir() {
        println!(
            "note: no corpus at {} — set SITREP_CORPUS; nothing measured",
            corpus.display()
        );
        return None;
    }
    let temp = tempfile::tempdir().expect("temporary folder");
    let status = Command::new("bash")
        .arg(root.join("scripts/build-archive.sh"))
        .arg(temp.path())
        .env("SITREP_CORPUS", &corpus)
        .stdout(Stdio::null())
        .status()
        .expect("bash runs");
    assert!(status.success(), "build-archive.sh failed");
    Some((temp.path().to_path_buf(), Some(temp)))
}

/// The terminal the reader is measured in.
fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(120, 40)).expect("a test terminal")
}

/// Opens the reader as `sitrep PATH` does and returns it with the time to its first frame
/// (the list on screen, the first briefing read) and to a complete index, taking in the
/// library's news on the way as the event loop does.
fn open_and_wait(roots: &[PathBuf], options: &Options) -> (State, String, String) {
    let (start, cpu, process) = (Instant::now(), on_cpu(), process_cpu());
    let library = Library::open(roots, options);
    let mut state = State::new(library, Config::builtin().expect("config"), true, 120, 40);
    let mut terminal = terminal();
    terminal
        .draw(|f| sitrep::tui::draw(f, &state))
        .expect("a frame");
    let first_frame = format!("{} (on CPU {})", ms(start.elapsed()), ms(on_cpu() - cpu));
    while !state.library.is_indexed() {
        std::thread::sleep(Duration::from_millis(5));
        if state.library.poll() {
            update(&mut state, Action::LibraryChanged);
        }
    }
    let all = format!(
        "{} (CPU, all threads: {})",
        ms(start.elapsed()),
        ms(process_cpu() - process)
    );
    (state, first_frame, all)
}

/// Types every query of [`TYPED`] into the briefings pane's `/` prompt, one key at a time,
/// and returns each keystroke's time to its frame, wall and on CPU, with what was typed so
/// far (Esc between queries, untimed).
fn reader_keystrokes(state: &mut State) -> Vec<(Duration, Duration, &'static str)> {
    let mut terminal = terminal();
    state.focus = Pane::List;
    let mut times = Vec::new();
    for typed in TYPED {
        update(state, Action::Search);
        for (i, c) in typed.char_indices() {
            let (start, cpu) = (Instant::now(), on_cpu());
            update(state, Action::Insert(c));
            terminal
                .draw(|f| sitrep::tui::draw(f, state))
                .expect("a frame");
            times.push((start.elapsed(), on_cpu() - cpu, &typed[..i + c.len_utf8()]));
        }
        update(state, Action::Clear);
        update(state, Action::Clear);
    }
    times.sort();
    times
}

/// Opens Russia's dossier as an analyst does (`p`, type the name, Enter) and then the
/// briefing of its first statement (Enter); returns the time to each frame and how many
/// statements the dossier lists.
fn reader_dossier(state: &mut State) -> (Duration, Duration, usize) {
    let mut terminal = terminal();
    state.focus = Pane::Article;
    let start = Instant::now();
    update(state, Action::Dossier);
    for c in "russia".chars() {
        update(state, Action::Insert(c));
    }
    update(state, Action::Open);
    terminal
        .draw(|f| sitrep::tui::draw(f, state))
        .expect("a frame");
    let listed = start.elapsed();
    let count = state.dossier.as_ref().map_or(0, |d| d.refs.len());
    let start = Instant::now();
    update(state, Action::Open);
    terminal
        .draw(|f| sitrep::tui::draw(f, state))
        .expect("a frame");
    (listed, start.elapsed(), count)
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing and expects speed.
    if !std::env::args().any(|a| a == "--bench") {
        println!("archive benchmark: run with `cargo bench --bench archive`");
        return;
    }
    let Some((dir, _keep)) = build_archive() else {
        return;
    };
    let roots = [dir.clone()];
    let cache = tempfile::tempdir().expect("cache folder");
    let options = Options {
        cache_dir: Some(cache.path().to_path_buf()),
        watch_interval: Duration::from_secs(3600),
        ..Options::default()
    };
    let bytes = archive_bytes(&dir);
    let mut rows: Vec<(String, String)> = Vec::new();

    let (state, cold_frame, cold_full) = open_and_wait(&roots, &options);
    let count = state.library.len();
    rows.push((
        "briefings / bytes".into(),
        format!("{count} / {:.0} MB", bytes as f64 / 1e6),
    ));
    rows.push((
        "cold start: reader's first frame (list, first briefing read)".into(),
        cold_frame,
    ));
    rows.push(("cold start: all read, extracted, indexed".into(), cold_full));
    let cold_peak = peak_mb();
    rows.push((
        "peak memory after cold start (VmHWM)".into(),
        format!(
            "{cold_peak:.0} MB = {:.2}x archive",
            cold_peak * 1e6 / bytes as f64
        ),
    ));
    drop(state);

    let (mut state, warm_frame, warm_full) = open_and_wait(&roots, &options);
    rows.push((
        "warm start: reader's first frame (list from cache)".into(),
        warm_frame,
    ));
    rows.push((
        "warm start: checked against files, index loaded".into(),
        warm_full,
    ));

    let library = &state.library;
    let mut keystrokes = Vec::new();
    let mut on_cpu_keystrokes = Vec::new();
    for typed in TYPED {
        for end in typed.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let (start, cpu) = (Instant::now(), on_cpu());
            if let Ok(q) = Query::parse(&typed[..end], library.gazetteer()) {
                std::hint::black_box(library.search(&q));
            }
            keystrokes.push((start.elapsed(), &typed[..end]));
            on_cpu_keystrokes.push(on_cpu() - cpu);
        }
    }
    keystrokes.sort();
    let slowest: Vec<String> = keystrokes
        .iter()
        .rev()
        .take(4)
        .map(|(d, q)| format!("`{q}` {}", ms(*d)))
        .collect();
    let keystrokes: Vec<Duration> = keystrokes.into_iter().map(|(d, _)| d).collect();
    rows.push((
        format!("search per keystroke ({} keystrokes)", keystrokes.len()),
        format!(
            "median {} · p99 {} · max {}",
            ms(percentile(&keystrokes, 0.5)),
            ms(percentile(&keystrokes, 0.99)),
            ms(*keystrokes.last().expect("keystrokes"))
        ),
    ));
    on_cpu_keystrokes.sort();
    rows.push((
        "search per keystroke, on CPU (this thread)".into(),
        format!(
            "median {} · p99 {}",
            ms(percentile(&on_cpu_keystrokes, 0.5)),
            ms(percentile(&on_cpu_keystrokes, 0.99)),
        ),
    ));
    rows.push(("slowest keystrokes (wall)".into(), slowest.join(" · ")));
    let typed = reader_keystrokes(&mut state);
    let wall: Vec<Duration> = typed.iter().map(|t| t.0).collect();
    let mut cpu: Vec<Duration> = typed.iter().map(|t| t.1).collect();
    cpu.sort();
    rows.push((
        format!(
            "reader: `/` keystroke to frame in the briefings pane ({} keystrokes)",
            typed.len()
        ),
        format!(
            "median {} · p99 {} · max {} (on CPU: median {} · p99 {})",
            ms(percentile(&wall, 0.5)),
            ms(percentile(&wall, 0.99)),
            ms(*wall.last().expect("keystrokes")),
            ms(percentile(&cpu, 0.5)),
            ms(percentile(&cpu, 0.99)),
        ),
    ));
    let slowest: Vec<String> = typed
        .iter()
        .rev()
        .take(4)
        .map(|(d, _, q)| format!("`{q}` {}", ms(*d)))
        .collect();
    rows.push((
        "slowest reader keystrokes (wall)".into(),
        slowest.join(" · "),
    ));
    let (listed, opened, count) = reader_dossier(&mut state);
    rows.push((
        "reader: `p`, `russia`, Enter: the dossier on screen".into(),
        format!("{} ({count} claims and denials listed)", ms(listed)),
    ));
    rows.push((
        "reader: Enter in the dossier: the briefing at the sentence".into(),
        ms(opened),
    ));
    drop(state);

    let sitrep = env!("CARGO_BIN_EXE_sitrep");
    let dir_arg = dir.to_str().expect("UTF-8 temp path");
    let env = [("XDG_CACHE_HOME", cache.path())];
    let rg = have("rg");
    if !rg {
        rows.push(("rg -il".into(), "not installed — comparison skipped".into()));
    }
    // Warm the shared caches (the sitrep cache and the OS page cache) once, for every
    // tool alike.
    run_once(&(sitrep, vec!["search", "warmup", dir_arg], &env));
    run_once(&("grep", vec!["-ril", "warmup", dir_arg], &[]));
    if rg {
        run_once(&("rg", vec!["-il", "warmup", dir_arg], &[]));
    }
    for word in WORDS {
        // With matching lines (each hit's line read), and paths only (`-l`, the index
        // alone answers: the same output as `rg -il`), against the same files read by
        // `grep -ril` and `rg -il`, round by round.
        let mut commands: Vec<Run> = vec![
            (sitrep, vec!["search", word, dir_arg], &env),
            (sitrep, vec!["search", "-l", word, dir_arg], &env),
            ("grep", vec!["-ril", word, dir_arg], &[]),
        ];
        if rg {
            commands.push(("rg", vec!["-il", word, dir_arg], &[]));
        }
        let runs = interleaved(&commands, ROUNDS);
        let (ours, paths) = (&runs[0], &runs[1]);
        let vs = |name: &str, reference: &[Cost]| {
            let ((plain, plain_cpu), (l, l_cpu)) =
                (ratio(reference, ours), ratio(reference, paths));
            format!(
                "{name} {} ({plain:.2}x · -l {l:.2}x; CPU {plain_cpu:.2}x · -l {l_cpu:.2}x)",
                costs(reference),
            )
        };
        let mut line = format!(
            "{} · -l {} · {}",
            costs(ours),
            costs(paths),
            vs("grep -ril", &runs[2])
        );
        if rg {
            line.push_str(&format!(" · {}", vs("rg -il", &runs[3])));
        }
        rows.push((format!("`sitrep search {word}` (warm cache)"), line));
    }

    println!("\n| measure | result |\n|---|---|");
    for (what, value) in rows {
        println!("| {what} | {value} |");
    }
}
