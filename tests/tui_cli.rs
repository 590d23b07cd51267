//! The reader's command line: `--config`, and what `sitrep` does when stdout is not a
//! terminal (prints the briefings as Markdown instead of drawing escape codes into a pipe).

use assert_cmd::Command;

/// The binary with its configuration, cache and state folders inside `config_home`, so no
/// test reads the user's configuration or writes the user's cache.
fn sitrep(config_home: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("sitrep").unwrap();
    cmd.env("XDG_CONFIG_HOME", config_home)
        .env("XDG_CACHE_HOME", config_home.join("cache"))
        .env("XDG_STATE_HOME", config_home.join("state"));
    cmd
}

#[test]
fn without_a_terminal_the_reader_prints_markdown() {
    let home = tempfile::tempdir().unwrap();
    let out = sitrep(home.path()).arg("briefings").output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("US military will not share intellegence with Russia"));
    assert!(!stdout.contains('\x1b'), "no escape codes in a pipe");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("not a terminal"), "{stderr}");
}

/// A folder or file that is not there is named, and nothing opens.
#[test]
fn a_path_that_is_not_there_is_named() {
    let home = tempfile::tempdir().unwrap();
    let out = sitrep(home.path())
        .args(["briefings", "/no/such/folder"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stdout.is_empty(),
        "nothing printed for the folder that is there"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("/no/such/folder: no such file or folder"),
        "{stderr}"
    );
}

#[test]
fn a_bad_config_names_the_file_and_line() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("mine.toml");
    std::fs::write(&file, "[keys]\n\"j\" = \"down\"\n\"k\" = \"upp\"\n").unwrap();
    let out = sitrep(home.path())
        .arg("--config")
        .arg(&file)
        .arg("briefings")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("mine.toml") && stderr.contains("line 3") && stderr.contains("`upp`"),
        "{stderr}"
    );
}

#[test]
fn the_user_config_folder_is_read_and_its_folder_opened() {
    let home = home_with_one_of_each();
    let out = sitrep(home.path()).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Talks in Geneva"), "{stdout}");
    let missing = sitrep(home.path())
        .args(["--config", "/no/such/sitrep.toml"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/no/such/sitrep.toml"));
}

/// A `--config` file that is missing is named with its cause, once.
#[test]
fn a_missing_config_says_why_once() {
    let home = tempfile::tempdir().unwrap();
    let out = sitrep(home.path())
        .args(["--config", "/no/such/sitrep.toml", "list", "briefings"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/no/such/sitrep.toml: cannot read config: "),
        "{stderr}"
    );
    // The operating system's reason ends "(os error 2)" on every platform.
    assert_eq!(stderr.matches("(os error ").count(), 1, "{stderr}");
}

/// A config home whose config points at a folder with one briefing: one quote, one claim
/// and one denial.
fn home_with_one_of_each() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let briefings = home.path().join("mine");
    std::fs::create_dir(&briefings).unwrap();
    std::fs::write(
        briefings.join("a.txt"),
        "Talks in Geneva\n\n\"We will attend,\" said envoy Anna Weber.\n",
    )
    .unwrap();
    std::fs::create_dir(home.path().join("sitrep")).unwrap();
    std::fs::write(
        home.path().join("sitrep/config.toml"),
        format!("folder = {:?}\n", briefings.display().to_string()),
    )
    .unwrap();
    home
}

#[test]
fn list_counts_in_the_singular_and_the_plural() {
    let home = home_with_one_of_each();
    let out = sitrep(home.path()).arg("list").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line = stdout.lines().next().expect("one line");
    assert!(line.contains("\t1 quote\t"), "{line}");
    assert!(line.contains("\t0 denials\t"), "{line}");
    assert!(!line.contains(" 1 quotes"), "{line}");
}

#[test]
fn extract_without_a_path_reads_the_configs_folder() {
    let home = home_with_one_of_each();
    let out = sitrep(home.path()).arg("extract").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("\"title\": \"Talks in Geneva\""),
        "{stdout}"
    );
}

/// Run where there is no `briefings/` folder and no path is given, every subcommand names
/// the folder it looked for and says how to pass one, instead of a bare OS error.
#[test]
fn without_the_default_folder_the_message_says_what_to_do() {
    let home = tempfile::tempdir().unwrap();
    let here = tempfile::tempdir().unwrap();
    for args in [&["list"][..], &["search", "russia"], &["extract"]] {
        let out = sitrep(home.path())
            .args(args)
            .current_dir(here.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing on stdout");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains("no folder `briefings`")
                && stderr.contains(&format!("`sitrep {}", args[0]))
                && stderr.contains("PATH…`"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("os error"), "{args:?}: {stderr}");
    }
}

/// The Markdown table names a party that speaks for itself once: a report reads
/// "**Boko Haram**: Boko Haram rejected …", not "**Boko Haram** (Boko Haram): …".
#[test]
fn markdown_names_a_party_that_speaks_for_itself_once() {
    let home = tempfile::tempdir().unwrap();
    let out = sitrep(home.path())
        .args([
            "extract",
            "briefings/2014-10-18-boko-haram-truce.md",
            "--format",
            "md",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("| **Boko Haram**: Boko Haram rejected the announcement"),
        "{md}"
    );
    assert!(!md.contains("**Boko Haram** (Boko Haram)"), "{md}");
    // The party still follows a person of the other side.
    assert!(md.contains("**Abubakar Shekau** (Boko Haram):"), "{md}");
}

/// A `sitrep search` row shows where the words stand in the article, cold and warm: the
/// seed's headline and its alternate both hold "russia", but the row beside the title
/// quotes the body.
#[test]
fn a_search_row_quotes_the_body_not_the_headline_again() {
    let home = tempfile::tempdir().unwrap();
    for run in ["cold", "warm"] {
        let out = sitrep(home.path())
            .args(["search", "russia", "briefings"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{run}");
        let rows = String::from_utf8(out.stdout).unwrap();
        let seed = rows
            .lines()
            .find(|row| row.contains("000_2b1845f26494101a.txt"))
            .unwrap_or_else(|| panic!("{run}: the seed is a hit: {rows}"));
        let line = seed.rsplit('\t').next().unwrap();
        assert!(line.contains("top general Joseph Dunford"), "{run}: {seed}");
    }
}
