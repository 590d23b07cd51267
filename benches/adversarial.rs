//! Linear time on adversarial input: loading with extraction, wrapping (textwrap, as the
//! article pane wraps) and a plain substring search, each over 1, 4 and 16 MB of text built to
//! hurt: nothing but quote marks, "said said …", one huge word, deeply nested quotes, cue
//! words and party names shuffled, and prose without a single newline. Prints the time per MB
//! at each size and, per case, the ratio of the largest to the smallest: linear work keeps it
//! near 1, and the run fails when it passes 1.5 (unless the work takes under a millisecond per
//! MB at every size, see [`FAST_MS_PER_MB`]). Run with `cargo bench --bench adversarial`.

use sitrep::briefing::Briefing;
use sitrep::extract::{Gazetteer, extract};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const MB: usize = 1_000_000;
const SIZES_MB: [usize; 3] = [1, 4, 16];
/// The acceptance bound on largest/smallest time per MB.
const MAX_RATIO: f64 = 1.5;
/// Work this fast at every size (1 GB/s) is linear whatever its ratio: no superlinear cost
/// hides under a millisecond per megabyte at 16 MB, and what still differs between sizes is
/// whether the input fits in the processor's caches (a substring search over quote marks
/// runs at 37 GB/s on 1 MB and at 14 GB/s on 16 MB, a ratio of 2.6).
const FAST_MS_PER_MB: f64 = 1.0;
/// Each measurement takes samples for at least this long (and at least five rounds), and
/// keeps the fastest sample of each size: the one least disturbed by the rest of the machine.
const MEASURE_FOR: Duration = Duration::from_secs(3);

/// An adversarial input: its name and how to build it to a given number of bytes.
type Case = (&'static str, fn(usize) -> String);

/// The adversarial inputs.
fn cases() -> Vec<Case> {
    vec![
        ("quote marks", |n| {
            cycle(n, &["\"", "“", "”", "\"", "‘", "’"])
        }),
        ("said said", |n| cycle(n, &["said "])),
        ("one huge word", |n| "x".repeat(n)),
        ("nested quotes", nested_quotes),
        ("shuffled cues", shuffled_cues),
        ("no newline", |n| {
            cycle(
                n,
                &[
                    "Officials said “the convoy was hit,” Ryabkov told reporters, ",
                    "and the U.S. Gen. Dunford said: “It was an ‘unacceptable’ act.” ",
                ],
            )
        }),
    ]
}

/// `pieces` repeated in turn until the text reaches `n` bytes.
fn cycle(n: usize, pieces: &[&str]) -> String {
    let mut s = String::with_capacity(n + 64);
    for p in pieces.iter().cycle() {
        if s.len() >= n {
            break;
        }
        s.push_str(p);
    }
    s
}

/// Cue verbs, a denial, party names and lone quote marks in a seeded random order with no
/// punctuation: one endless sentence of many statements, each running on to the end. A
/// tester's text like this once took quadratic time (eight minutes for 4.5 MB): every
/// statement's terms were checked against every party named in it.
fn shuffled_cues(n: usize) -> String {
    let words = [
        "said", "the", "Russia", "denied", "\"", "army", "claims", "Kremlin",
    ];
    let mut state: u64 = 3;
    let mut s = String::with_capacity(n + 16);
    while s.len() < n {
        // A linear congruential generator: the same text on every run, with no dependency.
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        s.push_str(words[(state >> 33) as usize % words.len()]);
        s.push(' ');
    }
    s
}

/// Quotes inside quotes, as deep as half the size allows, then all closed again.
fn nested_quotes(n: usize) -> String {
    let opens = ["“He said ", "‘she said ", "\"they said "];
    let closes = ["” ", "’ ", "\" "];
    let depth = n / 2 / 12;
    let mut s = String::with_capacity(n + 64);
    for level in 0..depth {
        s.push_str(opens[level % 3]);
    }
    for level in (0..depth).rev() {
        s.push_str(closes[level % 3]);
    }
    s
}

/// Time per MB of `work` at each size. A round takes one sample of every size in turn, so
/// that whatever else the machine does hits all sizes alike; every sample handles as many
/// bytes as the largest input (a smaller input is run several times in a row); the fastest
/// sample of each size counts.
fn time_per_mb(sizes: &[usize], work: &dyn Fn(usize) -> usize) -> Vec<f64> {
    let largest = *sizes.iter().max().expect("sizes");
    let mut best = vec![Duration::MAX; sizes.len()];
    let started = Instant::now();
    let mut rounds = 0;
    while rounds < 5 || started.elapsed() < MEASURE_FOR {
        for (i, &size) in sizes.iter().enumerate() {
            let repeats = largest.div_ceil(size);
            let t = Instant::now();
            for _ in 0..repeats {
                black_box(work(black_box(i)));
            }
            best[i] = best[i].min(t.elapsed() / repeats as u32);
        }
        rounds += 1;
    }
    best.iter()
        .zip(sizes)
        .map(|(t, &size)| t.as_secs_f64() * 1e3 * MB as f64 / size as f64)
        .collect()
}

/// Loads `text` as a briefing and extracts it, as the reader does for each file (the copy
/// stands for reading the file: the briefing owns its text).
fn load_and_extract(text: &str, gazetteer: &Gazetteer) -> usize {
    let b = Briefing::from_text(Path::new("adversarial.txt"), text.to_string(), Vec::new())
        .expect("adversarial text loads");
    let x = extract(&b, gazetteer);
    b.paragraphs.len() + x.sentences.len() + x.quotes.len() + x.statements.len()
}

/// Wraps every paragraph to 80 columns, as the article pane does.
fn wrap(briefing: &Briefing) -> usize {
    briefing
        .paragraphs
        .iter()
        .map(|p| textwrap::wrap(p.of(&briefing.text), 80).len())
        .sum()
}

/// A plain substring search, counting every hit.
fn search(text: &str) -> usize {
    memchr::memmem::find_iter(text.as_bytes(), "said").count()
}

fn main() {
    let gazetteer = Gazetteer::builtin();
    println!(
        "adversarial input: time per MB, best of repeated runs; flat means the largest is \
         within {MAX_RATIO}x of the smallest"
    );
    println!(
        "{:<14} {:<8} {:>12} {:>12} {:>12}  largest/smallest",
        "case", "work", "1 MB", "4 MB", "16 MB"
    );
    let mut steep = Vec::new();
    for (name, build) in cases() {
        let texts: Vec<String> = SIZES_MB.iter().map(|&mb| build(mb * MB)).collect();
        let briefings: Vec<Briefing> = texts
            .iter()
            .map(|t| Briefing::from_text(Path::new("a.txt"), t.clone(), Vec::new()).unwrap())
            .collect();
        let works: [(&str, &dyn Fn(usize) -> usize); 3] = [
            ("extract", &|i| load_and_extract(&texts[i], gazetteer)),
            ("wrap", &|i| wrap(&briefings[i])),
            ("search", &|i| search(&texts[i])),
        ];
        let sizes: Vec<usize> = texts.iter().map(String::len).collect();
        for (work, run) in works {
            let per_mb = time_per_mb(&sizes, run);
            let ratio = per_mb.iter().cloned().fold(f64::MIN, f64::max)
                / per_mb.iter().cloned().fold(f64::MAX, f64::min);
            let fast = per_mb.iter().all(|&ms| ms < FAST_MS_PER_MB);
            let verdict = if ratio <= MAX_RATIO {
                "flat"
            } else if fast {
                "flat (under 1 ms per MB: caches)"
            } else {
                "NOT FLAT"
            };
            println!(
                "{name:<14} {work:<8} {:>9.3} ms {:>9.3} ms {:>9.3} ms  {ratio:.2} {verdict}",
                per_mb[0], per_mb[1], per_mb[2]
            );
            if ratio > MAX_RATIO && !fast {
                steep.push(format!("{name} / {work}"));
            }
        }
    }
    if !steep.is_empty() {
        eprintln!("not linear: {}", steep.join(", "));
        std::process::exit(1);
    }
}
