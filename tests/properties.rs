//! Property tests over loading and extraction. Inputs are arbitrary bytes, token soup made of
//! the pieces extraction cares about (quote marks, cue verbs, abbreviations, line breaks,
//! front matter, stray bytes), and real articles from `$SITREP_CORPUS` with random edits.
//! For every input: no panic, every span on character boundaries inside the text, the JSON
//! `text` equal to its slice, quotes in order without overlap, and the same output on a second
//! run. The default runs are quick; `cargo test --release -- --ignored fuzz` runs long ones.

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/spans.rs"]
mod spans;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use sitrep::briefing::collect_paths;
use sitrep::export::{Report, to_json};
use sitrep::extract::Gazetteer;
use sitrep::library::Entry;
use std::path::{Path, PathBuf};

/// Cases per property in the default run: enough to catch the common breakages in seconds.
const QUICK_CASES: u32 = 128;
/// Cases per property in the `fuzz` run.
const FUZZ_CASES: u32 = 20_000;

/// Pieces of text that steer loading and extraction.
const FRAGMENTS: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "''",
    "``",
    " said ",
    "said",
    " told ",
    " denied ",
    " denies ",
    "according to ",
    " added",
    "Mr. ",
    "U.S. ",
    "U.N. ",
    "Gen. ",
    "Lt. Col. ",
    ".",
    "!",
    "?",
    ",",
    ":",
    ";",
    " — ",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\t",
    "+++\n",
    "title = \"T\"\n",
    "[[quote]]\ntext = \"x\"\n",
    "[[parties]]\nname = \"P\"\n",
    "\u{feff}",
    "\u{200b}",
    "\u{a0}",
    "\x1b[31m",
    "\u{202e}",
    "é",
    "😀",
    "Russia",
    "Moscow",
    "the Kremlin",
    "Washington",
    "ISIS",
    "He",
    " she ",
    "the minister",
    "Sergei Ryabkov",
    "Joseph Dunford",
    "# ",
    "not true",
];

/// Bytes that are not UTF-8 on their own, or are byte-order marks.
const RAW: &[&[u8]] = &[
    b"\xff",
    b"\xc3",
    b"\xe2\x80",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\x93",
    b"\0",
];

/// One piece of generated input.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        6 => proptest::sample::select(FRAGMENTS).prop_map(|s| s.as_bytes().to_vec()),
        3 => "[A-Za-z]{1,10}".prop_map(String::into_bytes),
        1 => proptest::sample::select(RAW).prop_map(<[u8]>::to_vec),
        1 => any::<u8>().prop_map(|b| vec![b]),
    ]
}

/// Arbitrary bytes, or text assembled from pieces.
fn input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..512),
        proptest::collection::vec(piece(), 0..300).prop_map(|p| p.concat()),
    ]
}

/// One random edit to a real article.
#[derive(Debug, Clone)]
enum Edit {
    /// Insert a piece at a relative position (0..=u16::MAX maps to the whole text).
    Insert(u16, Vec<u8>),
    /// Delete up to the given number of bytes.
    Delete(u16, u16),
    /// Copy a range to another place.
    Duplicate(u16, u16, u16),
    /// Cut the text at a position.
    Truncate(u16),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<u16>(), piece()).prop_map(|(at, p)| Edit::Insert(at, p)),
        2 => (any::<u16>(), 0..200u16).prop_map(|(at, n)| Edit::Delete(at, n)),
        2 => (any::<u16>(), 0..400u16, any::<u16>()).prop_map(|(a, n, b)| Edit::Duplicate(a, n, b)),
        1 => any::<u16>().prop_map(Edit::Truncate),
    ]
}

/// Where a relative position falls in `len` bytes.
fn at(relative: u16, len: usize) -> usize {
    len * relative as usize / u16::MAX as usize
}

fn apply(bytes: &mut Vec<u8>, e: &Edit) {
    match e {
        Edit::Insert(p, piece) => {
            let i = at(*p, bytes.len());
            bytes.splice(i..i, piece.iter().copied());
        }
        Edit::Delete(p, n) => {
            let i = at(*p, bytes.len());
            let end = (i + *n as usize).min(bytes.len());
            bytes.drain(i..end);
        }
        Edit::Duplicate(from, n, to) => {
            let i = at(*from, bytes.len());
            let copy = bytes[i..(i + *n as usize).min(bytes.len())].to_vec();
            let j = at(*to, bytes.len());
            bytes.splice(j..j, copy);
        }
        Edit::Truncate(p) => bytes.truncate(at(*p, bytes.len())),
    }
}

/// Loads `bytes` as a file twice, asserts the invariants and that both runs agree.
fn check(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let path = dir.join(name);
    std::fs::write(&path, bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let gazetteer = Gazetteer::builtin();
    let (first, second) = (Entry::load(&path, gazetteer), Entry::load(&path, gazetteer));
    match (&first, &second) {
        (Entry::Ok(b, x), Entry::Ok(b2, x2)) => {
            spans::assert_valid(b, x);
            prop_assert_eq!(format!("{b:?}"), format!("{b2:?}"));
            prop_assert_eq!(x, x2);
            prop_assert_eq!(
                to_json(&[Report::new(b, x)]),
                to_json(&[Report::new(b2, x2)])
            );
        }
        (Entry::Failed(e), Entry::Failed(e2)) => {
            prop_assert_eq!(e, e2);
            prop_assert!(e.to_string().contains(name), "the error names the file");
        }
        _ => prop_assert!(false, "two loads of the same file disagree"),
    }
    Ok(())
}

/// Runs `cases` generated inputs, `.txt` and `.md` alike.
fn run_generated(cases: u32) {
    let dir = tempfile::tempdir().unwrap();
    let mut runner = TestRunner::new(Config::with_cases(cases));
    let strategy = (input(), any::<bool>());
    runner
        .run(&strategy, |(bytes, markdown)| {
            check(dir.path(), if markdown { "x.md" } else { "x.txt" }, &bytes)
        })
        .unwrap();
}

/// Runs `cases` edited corpus articles; passes with a note when there is no corpus.
fn run_edited_corpus(cases: u32) {
    let Some(corpus) = corpus::dir() else { return };
    let (files, _) = collect_paths(&[corpus]);
    let files: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "txt"))
        .collect();
    assert!(!files.is_empty(), "the corpus holds articles");
    let dir = tempfile::tempdir().unwrap();
    let mut runner = TestRunner::new(Config::with_cases(cases));
    let strategy = (0..files.len(), proptest::collection::vec(edit(), 0..12));
    runner
        .run(&strategy, |(i, edits)| {
            let mut bytes = std::fs::read(&files[i]).unwrap();
            edits.iter().for_each(|e| apply(&mut bytes, e));
            check(dir.path(), "edited.txt", &bytes)
        })
        .unwrap();
}

#[test]
fn generated_input_never_breaks_loading_or_extraction() {
    run_generated(QUICK_CASES);
}

#[test]
fn edited_corpus_articles_never_break_loading_or_extraction() {
    run_edited_corpus(QUICK_CASES);
}

#[test]
#[ignore = "long run for release checks: cargo test --release -- --ignored fuzz"]
fn fuzz_generated_input() {
    run_generated(FUZZ_CASES);
}

#[test]
#[ignore = "long run for release checks: cargo test --release -- --ignored fuzz"]
fn fuzz_edited_corpus_articles() {
    run_edited_corpus(FUZZ_CASES);
}
