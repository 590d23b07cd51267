//! Running the real binary from tests: the output of a command that must succeed.

use std::ffi::OsStr;

/// Runs `sitrep` with `args` and returns its standard output, failing the test (with the
/// binary's own error output) when it does not exit successfully. The cache and state go to
/// a temporary folder, never the user's own.
pub fn sitrep_stdout<I, S>(args: I) -> Vec<u8>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let home = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("sitrep")
        .unwrap()
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}
