//! Extraction throughput on real news (the whole fnc1 corpus) and on adversarial input, on one
//! core, reported in MB/s and as a ratio to a plain scan of the same bytes (counting quote
//! marks with memchr), so the numbers mean the same on any machine.
//!
//! Run: `SITREP_CORPUS=../shared/corpus cargo bench --bench extract`

use sitrep::briefing::Briefing;
use sitrep::extract::{Gazetteer, extract};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

unsafe extern "C" {
    /// mimalloc's own "return free memory to the system" (the library makes mimalloc the
    /// allocator of every program built on it, so glibc's `malloc_trim` would find nothing).
    fn mi_collect(force: bool);
}

/// Median wall time of `runs` calls of `f`. Before each, the allocator hands its free memory
/// back to the system, so every run pays for the memory it touches the same way: otherwise a
/// small input's buffers are reused warm from the run before while a large input's (mapped
/// and unmapped afresh each time) are not, and sizes would not compare.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            // SAFETY: mi_collect only returns free memory; no allocation is in use by it.
            unsafe { mi_collect(true) };
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

/// Extracts every briefing once; returns the number of quotes so nothing is optimised away.
fn extract_all(briefings: &[Briefing], g: &Gazetteer) -> usize {
    briefings.iter().map(|b| extract(b, g).quotes.len()).sum()
}

/// The reference: one pass over the same bytes counting quote marks.
fn scan_all(briefings: &[Briefing]) -> usize {
    briefings
        .iter()
        .map(|b| memchr::memchr_iter(b'"', b.text.as_bytes()).count())
        .sum()
}

fn report(name: &str, briefings: &[Briefing], runs: usize) -> f64 {
    let g = Gazetteer::builtin();
    let bytes: usize = briefings.iter().map(|b| b.text.len()).sum();
    let t_extract = median(runs, || {
        black_box(extract_all(black_box(briefings), g));
    });
    let t_scan = median(runs.max(5), || {
        black_box(scan_all(black_box(briefings)));
    });
    let speed = mb_per_s(bytes, t_extract);
    println!(
        "{name:<28} {:>7.2} MB  extract {:>8.1} MB/s  scan {:>9.1} MB/s  extract/scan time ratio {:>6.1}x",
        bytes as f64 / 1e6,
        speed,
        mb_per_s(bytes, t_scan),
        t_extract.as_secs_f64() / t_scan.as_secs_f64()
    );
    speed
}

/// A named generator of `n` bytes of hostile text.
type AdversarialCase = (&'static str, fn(usize) -> String);

fn synthetic(name: &str, body: String) -> Briefing {
    Briefing::from_text(Path::new(name), format!("Headline\n\n{body}"), Vec::new())
        .expect("synthetic briefing parses")
}

fn main() {
    match std::env::var("SITREP_CORPUS") {
        Ok(dir) => {
            let fnc1 = Path::new(&dir).join("fnc1");
            let mut files: Vec<_> = std::fs::read_dir(&fnc1)
                .unwrap_or_else(|e| panic!("{}: {e}", fnc1.display()))
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            let briefings: Vec<Briefing> = files
                .iter()
                .filter_map(|p| Briefing::load(p).ok())
                .collect();
            let speed = report("fnc1 (all files, 1 core)", &briefings, 7);
            println!(
                "  target >= 50 MB/s: {}",
                if speed >= 50.0 { "met" } else { "NOT met" }
            );
        }
        Err(_) => println!("SITREP_CORPUS unset: skipping the fnc1 corpus benchmark"),
    }
    // Linear growth on adversarial input: time per MB must stay flat as size grows.
    let cases: [AdversarialCase; 4] = [
        ("quote marks", |n| "\"“”".repeat(n / 7)),
        ("said said", |n| "said ".repeat(n / 5)),
        ("no newline prose", |n| {
            "Officials said “it was bad,” he told reporters. ".repeat(n / 49)
        }),
        ("one word", |n| "a".repeat(n)),
    ];
    for (label, make) in cases {
        let mut per_mb = Vec::new();
        for mb in [1usize, 4, 16] {
            let b = synthetic(label, make(mb * 1_000_000));
            let g = Gazetteer::builtin();
            let t = median(3, || {
                black_box(extract(black_box(&b), g));
            });
            per_mb.push(t.as_secs_f64() * 1e3 / mb as f64);
        }
        println!(
            "{label:<28} ms per MB at 1/4/16 MB: {:.1} / {:.1} / {:.1}  (16 MB vs 1 MB: {:.2}x)",
            per_mb[0],
            per_mb[1],
            per_mb[2],
            per_mb[2] / per_mb[0]
        );
    }
}
