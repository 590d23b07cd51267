//! Every file of the real-text corpus (`$SITREP_CORPUS`) loads and extracts without a panic,
//! and every span it yields is a valid slice whose JSON text matches. Loaded the way the
//! reader loads a folder, in parallel, so the whole corpus takes seconds.

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/spans.rs"]
mod spans;

use sitrep::briefing::collect_paths;
use sitrep::extract::Gazetteer;
use sitrep::library::{Entry, load_all};
use std::panic::{AssertUnwindSafe, catch_unwind};

#[test]
fn every_corpus_file_extracts_into_valid_spans() {
    let Some(dir) = corpus::dir() else { return };
    let gazetteer = Gazetteer::builtin();
    let Ok(entries) = catch_unwind(|| load_all(std::slice::from_ref(&dir), gazetteer)) else {
        // Find which files panic, one by one, so the failure names them.
        let (files, _) = collect_paths(&[dir]);
        let panicking: Vec<_> = files
            .iter()
            .filter(|f| catch_unwind(AssertUnwindSafe(|| Entry::load(f, gazetteer))).is_err())
            .collect();
        panic!("extraction panics on {panicking:?}");
    };
    let (files, _) = collect_paths(std::slice::from_ref(&dir));
    assert_eq!(entries.len(), files.len(), "one entry per file");
    assert!(files.len() > 3000, "the whole corpus is there");
    let mut quotes = 0;
    for entry in &entries {
        match entry {
            Entry::Ok(b, x) => {
                spans::assert_valid(b, x);
                quotes += x.quotes.len();
            }
            Entry::Failed(e) => panic!("a corpus file fails to load: {e}"),
        }
    }
    eprintln!(
        "{} corpus files, {quotes} quotes, all spans valid",
        entries.len()
    );
}
