//! Where the real-text corpus is: `$SITREP_CORPUS`, relative to the repository root.

use std::path::PathBuf;

/// The corpus folder, or `None` (after a note on stderr) when `$SITREP_CORPUS` is unset, so
/// the test passes on a machine without the corpus. Set but missing is a failure: CI that
/// means to test the corpus must not pass silently without it.
pub fn dir() -> Option<PathBuf> {
    let Some(value) = std::env::var_os("SITREP_CORPUS") else {
        eprintln!("note: SITREP_CORPUS is not set; skipping the corpus part of this test");
        return None;
    };
    let dir = PathBuf::from(value);
    assert!(
        dir.is_dir(),
        "SITREP_CORPUS={} is not a folder (relative paths start at the repository root)",
        dir.display()
    );
    Some(dir)
}

/// One part of the corpus (`fnc1`, `polnear-train`), as [`dir`] finds it; a corpus without
/// that part is a failure.
#[allow(dead_code)] // not every test that includes this file reads a part
pub fn part(name: &str) -> Option<PathBuf> {
    let part = dir()?.join(name);
    assert!(
        part.is_dir(),
        "SITREP_CORPUS has no {name}/: {}",
        part.display()
    );
    Some(part)
}
