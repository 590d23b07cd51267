//! The archive: the cache never loses a briefing or returns wrong results, search agrees
//! with grep, party dossiers carry dates and the right sentences, and new files show up by
//! themselves. Every test keeps its cache and state in a temporary folder.

use assert_cmd::Command;
use sitrep::library::cache::CacheFile;
use sitrep::library::search::Query;
use sitrep::library::{CachedLibrary, Library, Options};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "support/corpus.rs"]
mod corpus;

fn options(cache: &Path) -> Options {
    Options {
        cache_dir: Some(cache.to_path_buf()),
        watch_interval: Duration::from_millis(100),
        ..Options::default()
    }
}

/// A small archive written here (no corpus text) and an empty cache folder: a Russian
/// denial answering a claim, with a front matter date; a briefing dated by its file name;
/// and plain ones.
fn small_archive() -> (tempfile::TempDir, tempfile::TempDir) {
    archive_of(&[
        (
            "2016-09-20-convoy.md",
            "+++\ndate = \"2016-09-21\"\ntags = [\"syria\"]\n+++\nConvoy struck near Aleppo\n\n\
             U.S. officials said Russian jets struck the aid convoy.\n\n\
             Russia's Defence Ministry denied that its aircraft struck the convoy.\n",
        ),
        (
            "2015-03-02 raid.txt",
            "Raid on Tikrit\n\nIraqi forces said Islamic State fighters fled the city.\n",
        ),
        (
            "notes/ebola.txt",
            "Ebola clinic opens\n\nThe clinic in Monrovia opened on Monday, officials said.\n\n\
             \u{201c}We are ready for patients,\u{201d} said Jane Wahome, the clinic's director.\n",
        ),
        (
            "notes/cafe.txt",
            "Café talks in Genève\n\nDiplomats met in a café to discuss the truce.\n",
        ),
    ])
}

/// A folder holding `files` (path in it, text) and an empty cache folder.
fn archive_of(files: &[(&str, &str)]) -> (tempfile::TempDir, tempfile::TempDir) {
    let (docs, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for (name, text) in files {
        let path = docs.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    (docs, cache)
}

fn names(library: &Library, query: &str) -> Vec<String> {
    let q = Query::parse(query, library.gazetteer()).unwrap();
    library
        .search(&q)
        .into_iter()
        .map(|id| {
            library
                .doc(id)
                .path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

#[test]
fn search_language_on_a_small_archive() {
    let (docs, cache) = small_archive();
    let lib = Library::open_blocking(&[docs.path().to_path_buf()], &options(cache.path()));
    assert_eq!(lib.len(), 4);
    assert_eq!(names(&lib, "CONVOY struck"), ["2016-09-20-convoy.md"]);
    assert_eq!(names(&lib, "geneve cafe"), ["cafe.txt"]);
    assert_eq!(names(&lib, "\"aid  convoy\""), ["2016-09-20-convoy.md"]);
    assert!(names(&lib, "\"convoy aid\"").is_empty());
    assert_eq!(names(&lib, "said -convoy -ebola"), ["2015-03-02 raid.txt"]);
    assert_eq!(names(&lib, "tag:syria"), ["2016-09-20-convoy.md"]);
    assert_eq!(
        names(&lib, "date:2016-09..2016-10"),
        ["2016-09-20-convoy.md"]
    );
    assert_eq!(names(&lib, "date:2015"), ["2015-03-02 raid.txt"]);
    assert_eq!(names(&lib, "party:kremlin"), ["2016-09-20-convoy.md"]);
    assert_eq!(names(&lib, "party:IRAQ said"), ["2015-03-02 raid.txt"]);
    assert_eq!(
        names(&lib, "-party:russia -party:iraq"),
        ["cafe.txt", "ebola.txt"]
    );
    assert_eq!(
        names(&lib, "party:russia kind:denial"),
        ["2016-09-20-convoy.md"]
    );
    assert!(names(&lib, "party:russia kind:denial ebola").is_empty());
    // Speakers, as typed a letter at a time.
    for typed in [
        "speaker:w",
        "speaker:wah",
        "speaker:WAHOME",
        "speaker:jane wahome",
    ] {
        assert_eq!(names(&lib, typed), ["ebola.txt"], "{typed}");
    }
    assert!(names(&lib, "speaker:wahomex").is_empty());
    assert_eq!(names(&lib, "said -speaker:wahome").len(), 2);
}

#[test]
fn dossier_of_a_small_archive_answers_the_claim() {
    let (docs, cache) = small_archive();
    let lib = Library::open_blocking(&[docs.path().to_path_buf()], &options(cache.path()));
    let (name, entries) = lib.dossier("Moscow");
    assert_eq!(name, "Russia");
    let denial = entries
        .iter()
        .find(|e| e.statement.kind == sitrep::extract::Kind::Denial)
        .expect("the Russian denial is in the dossier");
    assert_eq!(denial.doc.date, "2016-09-21");
    assert_eq!(
        denial.text,
        "Russia's Defence Ministry denied that its aircraft struck the convoy."
    );
}

#[test]
fn a_dossier_lists_briefings_dated_only_by_their_file_last_and_says_so() {
    let (docs, cache) = small_archive();
    // Written today, with no date of its own: its file date is newer than every other date.
    std::fs::write(
        docs.path().join("notes/kremlin.txt"),
        "Kremlin answers\n\nThe Kremlin denied the report on Monday, its spokesman said.\n",
    )
    .unwrap();
    let lib = Library::open_blocking(&[docs.path().to_path_buf()], &options(cache.path()));
    let (_, entries) = lib.dossier("Russia");
    let labels: Vec<String> = entries.iter().map(|e| e.doc.date_label()).collect();
    assert!(labels.len() >= 2, "{labels:?}");
    assert_eq!(
        labels[0], "2016-09-21",
        "the briefing's own date first: {labels:?}"
    );
    let last = labels.last().unwrap();
    assert!(last.ends_with(" (file date)"), "{labels:?}");
}

/// Everything a search can tell about the small archive, to compare runs.
fn answers(lib: &Library) -> Vec<Vec<String>> {
    [
        "convoy",
        "said",
        "party:russia",
        "date:2015",
        "\"aid convoy\"",
        "tikrit -zzz",
    ]
    .iter()
    .map(|q| names(lib, q))
    .collect()
}

#[test]
fn a_deleted_corrupted_or_half_written_cache_changes_nothing() {
    let (docs, cache) = small_archive();
    let roots = [docs.path().to_path_buf()];
    let opts = options(cache.path());
    let fresh = Library::open_blocking(&roots, &opts);
    let expected = answers(&fresh);
    let file = CacheFile::new(cache.path(), &roots, &opts.gazetteer.names().join("\0"));
    let written = std::fs::read(file.path()).expect("the cache was written");

    // Warm, then with each kind of damage: same list, same answers. A temporary file left
    // by a killed writer is never read, and the next write (after "deleted") removes it.
    type Damage<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let damages: [Damage; 5] = [
        ("warm", Box::new(|| {})),
        (
            "killed mid-write",
            Box::new(|| {
                let temp = cache.path().join(format!(
                    ".{}.2000000000.tmp",
                    file.path().file_name().unwrap().to_string_lossy()
                ));
                std::fs::write(temp, &written[..written.len() / 2]).unwrap();
            }),
        ),
        (
            "deleted",
            Box::new(|| std::fs::remove_file(file.path()).unwrap()),
        ),
        (
            "a flipped byte",
            Box::new(|| {
                let mut bad = written.clone();
                let mid = bad.len() / 2;
                bad[mid] ^= 0x55;
                std::fs::write(file.path(), bad).unwrap();
            }),
        ),
        (
            "truncated",
            Box::new(|| std::fs::write(file.path(), &written[..written.len() / 3]).unwrap()),
        ),
    ];
    for (what, damage) in damages {
        damage();
        let lib = Library::open_blocking(&roots, &opts);
        assert_eq!(lib.len(), 4, "{what}: a briefing was lost");
        assert_eq!(answers(&lib), expected, "{what}: different answers");
        assert!(file.read().is_some(), "{what}: the cache was not rebuilt");
    }
    let leftovers = std::fs::read_dir(cache.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0, "temporary files are cleaned up");
}

/// What the briefing list shows of each briefing, in list order.
fn listing(lib: &Library) -> Vec<(PathBuf, String, String, bool)> {
    lib.docs()
        .map(|d| {
            (
                d.path.clone(),
                d.title.clone(),
                d.date_label(),
                d.error.is_some(),
            )
        })
        .collect()
}

#[test]
fn a_warm_start_lists_titles_and_dates_in_order_before_reading_anything() {
    let (docs, cache) = small_archive();
    // Written after the others, so its place in the cache is not its place in the list.
    std::fs::write(docs.path().join("0-first.txt"), [0xff, 0xfe, 0x00]).unwrap();
    let roots = [docs.path().to_path_buf()];
    let opts = options(cache.path());
    let cold = listing(&Library::open_blocking(&roots, &opts));
    assert!(cold.is_sorted(), "the list is in path order: {cold:?}");
    assert!(cold[0].0.ends_with("0-first.txt") && cold[0].3, "{cold:?}");
    let labels: Vec<&str> = cold.iter().map(|l| l.2.as_str()).collect();
    assert!(
        labels.contains(&"2016-09-21"),
        "front matter date: {labels:?}"
    );
    assert!(labels.contains(&"2015-03-02"), "file name date: {labels:?}");
    assert!(
        labels.iter().any(|l| l.ends_with("(file date)")),
        "{labels:?}"
    );
    // The reader's start: the list is on screen before the background thread reads a file.
    let warm = Library::open(&roots, &opts);
    assert!(!warm.is_indexed());
    assert_eq!(
        listing(&warm),
        cold,
        "a warm start lists what a cold one did"
    );
}

#[test]
fn a_folder_named_another_way_lists_its_own_paths_from_the_first_frame() {
    // A folder reached by a link (or by a relative and an absolute path) is one folder, but
    // the list, and what the reader opens, holds paths as the folder was named: a cache
    // written under one name must not hand the other its paths, which the scan then
    // reported as removed from the folder.
    let (docs, cache) = small_archive();
    let opts = options(cache.path());
    let plain = [docs.path().to_path_buf()];
    Library::open_blocking(&plain, &opts);
    let elsewhere = tempfile::tempdir().unwrap();
    let link = elsewhere.path().join("archive");
    std::os::unix::fs::symlink(docs.path(), &link).unwrap();
    let linked = [link.clone()];
    let warm = Library::open(&linked, &opts);
    let paths: Vec<PathBuf> = warm.docs().map(|d| d.path.clone()).collect();
    assert!(!paths.is_empty());
    assert!(paths.iter().all(|p| p.starts_with(&link)), "{paths:?}");
    let settled = listing(&Library::open_blocking(&linked, &opts));
    assert_eq!(listing(&warm).len(), settled.len());
    for (first, last) in listing(&warm).iter().zip(&settled) {
        assert_eq!(first.0, last.0, "the first frame's paths are the scan's");
    }
}

#[test]
fn a_stale_cache_is_not_believed() {
    let (docs, cache) = small_archive();
    let roots = [docs.path().to_path_buf()];
    let opts = options(cache.path());
    assert_eq!(
        names(&Library::open_blocking(&roots, &opts), "tikrit"),
        ["2015-03-02 raid.txt"]
    );
    std::fs::write(
        docs.path().join("2015-03-02 raid.txt"),
        "Raid on Mosul\n\nIraqi forces entered Mosul.\n",
    )
    .unwrap();
    std::fs::remove_file(docs.path().join("notes/ebola.txt")).unwrap();
    let lib = Library::open_blocking(&roots, &opts);
    assert!(names(&lib, "tikrit").is_empty());
    assert_eq!(names(&lib, "mosul"), ["2015-03-02 raid.txt"]);
    assert!(names(&lib, "ebola").is_empty());
    assert_eq!(lib.len(), 3);
}

#[test]
fn files_added_changed_and_removed_show_up_by_themselves() {
    let (docs, cache) = small_archive();
    let mut lib = Library::open(&[docs.path().to_path_buf()], &options(cache.path()));
    assert_eq!(lib.len(), 4, "the list is there before anything is read");
    let wait_for = |lib: &mut Library, what: &str, done: &dyn Fn(&Library) -> bool| {
        // Generous: the watcher shares the thread pool with tests reading the corpus.
        let deadline = Instant::now() + Duration::from_secs(60);
        while !done(lib) {
            assert!(Instant::now() < deadline, "{what} never happened");
            std::thread::sleep(Duration::from_millis(20));
            lib.poll();
        }
    };
    wait_for(&mut lib, "indexing", &|l| l.is_indexed());
    std::fs::write(
        docs.path().join("new.txt"),
        "Truce in Yemen\n\nThe truce held.\n",
    )
    .unwrap();
    wait_for(&mut lib, "the new file", &|l| {
        names(l, "yemen") == ["new.txt"]
    });
    assert_eq!(lib.len(), 5);
    std::fs::write(
        docs.path().join("new.txt"),
        "Truce in Libya broken\n\nFighting resumed.\n",
    )
    .unwrap();
    wait_for(&mut lib, "the change", &|l| {
        names(l, "libya") == ["new.txt"]
    });
    assert!(names(&lib, "yemen").is_empty());
    std::fs::remove_file(docs.path().join("new.txt")).unwrap();
    wait_for(&mut lib, "the removal", &|l| l.len() == 4);
    lib.save().unwrap();
    let reopened = Library::open_blocking(&[docs.path().to_path_buf()], &options(cache.path()));
    assert_eq!(reopened.len(), 4);
}

/// A correction copied over a briefing by a tool that keeps file times (`cp -p`,
/// `rsync -a`, unpacking an archive) leaves the old time, and a corrected number or name of
/// the same length leaves the size: the reader still shows the corrected text.
#[test]
fn a_correction_copied_in_with_the_old_time_is_read_again() {
    let (docs, cache) = small_archive();
    let mut lib = Library::open(&[docs.path().to_path_buf()], &options(cache.path()));
    let deadline = Instant::now() + Duration::from_secs(60);
    while !lib.is_indexed() {
        assert!(Instant::now() < deadline, "indexing never finished");
        std::thread::sleep(Duration::from_millis(20));
        lib.poll();
    }
    let path = docs.path().join("2015-03-02 raid.txt");
    let time = std::fs::metadata(&path).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Tikrit", "Sinjar")).unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(time).unwrap();
    // Generous: the watcher shares the thread pool with tests reading the corpus.
    let deadline = Instant::now() + Duration::from_secs(60);
    while names(&lib, "sinjar").is_empty() {
        assert!(Instant::now() < deadline, "the correction never showed");
        std::thread::sleep(Duration::from_millis(20));
        lib.poll();
    }
    assert_eq!(names(&lib, "sinjar"), ["2015-03-02 raid.txt"]);
    assert!(names(&lib, "tikrit").is_empty());
}

fn cli(args: &[&str], cache: &Path) -> std::process::Output {
    Command::cargo_bin("sitrep")
        .unwrap()
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .output()
        .unwrap()
}

/// `sitrep search ARGS… DIR` with its cache in `cache`: exit status, output and errors.
fn search_in(dir: &str, cache: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = cli(&[&["search"], args, &[dir]].concat(), cache);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `sitrep party` takes any name or alias in any case, and tells a name it does not know
/// from a known party that said nothing.
#[test]
fn party_takes_aliases_in_any_case_and_says_when_a_name_is_unknown() {
    let (docs, cache) = small_archive();
    let dir = docs.path().to_str().unwrap();
    for name in ["Russia", "russia", "kremlin", "KREMLIN", "moscow"] {
        let out = cli(&["party", name, dir], cache.path());
        assert_eq!(out.status.code(), Some(0), "{name}: {out:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout)
                .contains("Russia's Defence Ministry denied that its aircraft struck the convoy."),
            "{name}: {out:?}"
        );
    }
    let silent = cli(&["party", "syria", dir], cache.path());
    assert_eq!(silent.status.code(), Some(1));
    assert!(silent.stdout.is_empty());
    assert!(String::from_utf8_lossy(&silent.stderr).contains("no claims or denials by Syria"));
    let unknown = cli(&["party", "narnia", dir], cache.path());
    assert_eq!(unknown.status.code(), Some(1));
    assert!(unknown.stdout.is_empty());
    let said = String::from_utf8_lossy(&unknown.stderr);
    assert!(said.contains("narnia is not a known party"), "{said}");
    assert!(!said.contains("no claims or denials"), "{said}");
}

/// A mistyped field (`partty:russia`) matched nothing and said nothing: it is named on
/// stderr with the fields there are, and still searched as text.
#[test]
fn a_mistyped_field_is_named_on_stderr() {
    let (docs, cache) = small_archive();
    let dir = docs.path().to_str().unwrap();
    let (status, out, err) = search_in(dir, cache.path(), &["partty:russia"]);
    assert_eq!(status, Some(1), "{out}");
    assert!(
        err.contains(
            "sitrep: unknown field \"partty:\" in \"partty:russia\" — fields are party:, \
             speaker:, kind:, tag:, date:\n"
        ),
        "{err}"
    );
    // A time is a word, not a field.
    let (_, _, err) = search_in(dir, cache.path(), &["10:30"]);
    assert!(!err.contains("unknown field"), "{err}");
}

/// A field typed without a value is answered with an example of that field.
#[test]
fn a_field_without_a_value_is_shown_with_an_example_of_its_own() {
    let (docs, cache) = small_archive();
    let dir = docs.path().to_str().unwrap();
    for (field, example) in [
        ("kind:", "kind:denial"),
        ("date:", "date:2016-09..2016-10"),
        ("speaker:", "speaker:dunford"),
        ("party:", "party:russia"),
        ("tag:", "tag:syria"),
    ] {
        let out = cli(&["search", field, dir], cache.path());
        assert!(!out.status.success());
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains(&format!("{field} needs a value, as in {example}\n")),
            "{said}"
        );
    }
}

#[test]
fn search_json_names_path_title_date_and_lines() {
    let (docs, cache) = small_archive();
    let dir = docs.path().to_str().unwrap();
    let out = cli(
        &["search", "convoy struck", dir, "--format", "json"],
        cache.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert_eq!(hits[0]["title"], "Convoy struck near Aleppo");
    assert_eq!(hits[0]["date"], "2016-09-21");
    assert!(
        hits[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("2016-09-20-convoy.md")
    );
    assert_eq!(hits[0]["lines"][0], "Convoy struck near Aleppo");
    let denial = cli(
        &[
            "search",
            "party:russia kind:denial",
            dir,
            "--format",
            "json",
        ],
        cache.path(),
    );
    let hits: serde_json::Value = serde_json::from_slice(&denial.stdout).unwrap();
    assert_eq!(
        hits[0]["lines"][0],
        "Russia's Defence Ministry denied that its aircraft struck the convoy."
    );
    let none = cli(&["search", "nothinglikethis", dir], cache.path());
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
    // A query may open with an exclusion; -l after it is still the flag.
    let all = cli(&["search", "-l", "said", dir], cache.path());
    let but = cli(&["search", "-convoy said", "-l", dir], cache.path());
    assert!(
        but.status.success(),
        "{}",
        String::from_utf8_lossy(&but.stderr)
    );
    let lines = |o: &std::process::Output| String::from_utf8_lossy(&o.stdout).lines().count();
    assert!(lines(&but) < lines(&all), "the exclusion narrows");
    assert!(!String::from_utf8_lossy(&but.stdout).contains("convoy.md"));
}

/// In JSON every date says where it comes from — the front matter, the file name or only
/// the file's modification time (what the text output calls "(file date)") — from a cold
/// start and from the cache alike, beside the fields that were there before.
#[test]
fn json_dates_say_where_they_come_from() {
    let (docs, cache) = small_archive();
    let dir = docs.path().to_str().unwrap();
    let source_of = |hits: &serde_json::Value, name: &str| {
        let hit = hits
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["path"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name} not in {hits}"));
        assert!(hit["date"].is_string(), "{hit}");
        hit["date_source"].clone()
    };
    for run in ["cold", "warm"] {
        let out = cli(&["search", "said", dir, "--format", "json"], cache.path());
        let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(source_of(&hits, "convoy.md"), "front_matter", "{run}");
        assert_eq!(source_of(&hits, "raid.txt"), "file_name", "{run}");
        assert_eq!(source_of(&hits, "ebola.txt"), "modified", "{run}");
    }
    let party = cli(&["party", "russia", dir, "--format", "json"], cache.path());
    let statements: serde_json::Value = serde_json::from_slice(&party.stdout).unwrap();
    assert_eq!(source_of(&statements, "convoy.md"), "front_matter");
}

/// `sitrep list --format json` gives scripts what the text lists: an array with one object
/// per briefing, in list order, with the fields `search` and `party` use for the same
/// things, its counts, and the error of one that could not be read (exit 1 then, as in
/// text).
#[test]
fn list_json_has_an_object_per_briefing() {
    let (docs, cache) = small_archive();
    std::fs::write(docs.path().join("empty.txt"), "").unwrap();
    let dir = docs.path().to_str().unwrap();
    let text = cli(&["list", dir], cache.path());
    let out = cli(&["list", dir, "--format", "json"], cache.path());
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let listed = listed.as_array().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert_eq!(listed.len(), text.lines().count());
    for (object, line) in listed.iter().zip(text.lines()) {
        assert_eq!(object["path"].as_str(), line.split('\t').next(), "{object}");
    }
    let convoy = listed
        .iter()
        .find(|o| o["path"].as_str().unwrap().ends_with("convoy.md"))
        .unwrap();
    assert_eq!(convoy["title"], "Convoy struck near Aleppo");
    assert_eq!(convoy["date"], "2016-09-21");
    assert_eq!(convoy["date_source"], "front_matter");
    assert_eq!(convoy["error"], serde_json::Value::Null);
    assert_eq!(convoy["tags"], serde_json::json!(["syria"]));
    assert!(convoy["quotes"].is_u64() && convoy["claims"].is_u64());
    assert_eq!(convoy["denials"], 1);
    let empty = listed
        .iter()
        .find(|o| o["path"].as_str().unwrap().ends_with("empty.txt"))
        .unwrap();
    assert!(
        empty["error"].as_str().is_some_and(|e| e.contains("empty")),
        "{empty}"
    );
}

/// A front matter or file name date the calendar does not have (2014-02-30) is not the
/// briefing's date: it is dated by its file, and the front matter one is warned about.
#[test]
fn an_impossible_date_dates_a_briefing_by_its_file() {
    let (docs, cache) = archive_of(&[
        (
            "feb.md",
            "+++\ndate = \"2014-02-30\"\n+++\nTalks in February\n\nEnvoys met, officials said.\n",
        ),
        (
            "2015-02-29 talks.txt",
            "Talks again\n\nEnvoys met again, officials said.\n",
        ),
    ]);
    let dir = docs.path().to_str().unwrap();
    let out = cli(&["list", dir, "--format", "json"], cache.path());
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for briefing in listed.as_array().unwrap() {
        assert_eq!(briefing["date_source"], "modified", "{briefing}");
    }
    let feb = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["path"].as_str().unwrap().ends_with("feb.md"))
        .unwrap();
    assert_eq!(feb["warned"], true, "{feb}");
}

/// `sitrep search` answers a text query on a current cache from the cache file alone; it
/// must still see every change made since, be it a file rewritten in place with the same
/// size, a new unreadable file or a damaged cache, and print what a cold start prints.
#[test]
fn search_on_a_warm_cache_sees_every_change_since() {
    let (docs, cache) = small_archive();
    let dir = docs.path().to_str().unwrap();
    let search = |args: &[&str]| search_in(dir, cache.path(), args);
    let cold = search(&["tikrit"]);
    assert_eq!(cold.0, Some(0));
    assert!(
        cold.1.contains("raid.txt\tRaid on Tikrit\tRaid on Tikrit"),
        "{cold:?}"
    );
    for args in [
        &["tikrit"][..],
        &["\"islamic state\""],
        &["-l", "clinic"],
        &["caf -talks"],
    ] {
        let first = search(args);
        assert_eq!(
            search(args),
            first,
            "warm search {args:?} differs from the first"
        );
    }
    let phrase = search(&["\"islamic state\""]).1;
    assert!(phrase.ends_with("\tIraqi forces said Islamic State fighters fled the city.\n"));
    assert_eq!(phrase.split('\t').next(), cold.1.split('\t').next());
    assert_eq!(search(&["caf -talks"]).0, Some(1));
    // JSON from a cold start (no cache) and from the cache alike.
    std::fs::remove_dir_all(cache.path().join("sitrep")).unwrap();
    let json = ["--format", "json", "said"];
    let cold_json = search(&json);
    assert_eq!(search(&json), cold_json, "warm JSON differs from cold");
    let hits: serde_json::Value = serde_json::from_str(&cold_json.1).unwrap();
    assert_eq!(hits.as_array().map(Vec::len), Some(3), "{hits}");

    // Rewritten in place, same size: only the file's time tells.
    let raid = docs.path().join("2015-03-02 raid.txt");
    let before = std::fs::read_to_string(&raid).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&raid, before.replace("Tikrit", "Ramadi")).unwrap();
    assert_eq!(search(&["tikrit"]).0, Some(1), "a stale cache answered");
    let ramadi = search(&["ramadi"]);
    assert!(ramadi.1.contains("Raid on Ramadi"), "{ramadi:?}");
    assert_eq!(search(&["ramadi"]), ramadi);

    // An unreadable briefing is named on stderr, warm as cold.
    std::fs::write(docs.path().join("broken.txt"), b"\x00\x00binary\x00").unwrap();
    let named = search(&["ramadi"]);
    assert!(named.2.contains("broken.txt"), "{named:?}");
    assert_eq!(search(&["ramadi"]), named);

    // A damaged cache is not believed.
    let file = std::fs::read_dir(cache.path().join("sitrep"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "bin"))
        .expect("a cache file");
    let mut bytes = std::fs::read(&file).unwrap();
    let len = bytes.len();
    for at in [len / 5, len / 2, len - 9] {
        bytes[at] ^= 0x55;
        std::fs::write(&file, &bytes).unwrap();
        assert_eq!(search(&["ramadi"]), named, "damage at byte {at} of {len}");
        bytes = std::fs::read(&file).unwrap();
    }
}

/// A warm search shows each hit's line from the texts kept beside the cache (the text the
/// index was built from), and a store of texts that is damaged, short, gone or another
/// cache's changes no result: the files are read instead.
#[test]
fn a_warm_search_shows_the_lines_it_indexed_whatever_befalls_the_texts_kept() {
    let (docs, cache) = small_archive();
    let dir = docs.path().to_str().unwrap();
    let search = |args: &[&str]| search_in(dir, cache.path(), args).1;
    let searches = || {
        [
            search(&["tikrit"]),
            search(&["clinic"]),
            search(&["--format", "json", "said"]),
        ]
    };
    let cold = searches();
    let texts = std::fs::read_dir(cache.path().join("sitrep"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "texts"))
        .expect("the texts are kept beside the cache");
    let kept = std::fs::read(&texts).unwrap();
    assert!(kept.windows(14).any(|w| w == b"Raid on Tikrit"));

    // Rewritten in place with its size and time as before, which a cache cannot tell
    // apart: the hit still shows the line its index entry was made from.
    let raid = docs.path().join("2015-03-02 raid.txt");
    let time = std::fs::metadata(&raid).unwrap().modified().unwrap();
    let rewrite = |text: &str| {
        std::fs::write(&raid, text).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&raid)
            .unwrap()
            .set_modified(time)
            .unwrap();
    };
    let before = std::fs::read_to_string(&raid).unwrap();
    rewrite(&before.replace("Tikrit", "Ramadi"));
    assert_eq!(search(&["tikrit"]), cold[0], "the line the index matched");
    rewrite(&before);

    let at = kept.windows(6).position(|w| w == b"clinic").unwrap();
    let mut flipped = kept.clone();
    flipped[at] ^= 0x20;
    let mut other = kept.clone();
    other[8] ^= 0x01;
    let damages: [(&str, Vec<u8>); 4] = [
        ("a flipped byte", flipped),
        ("truncated", kept[..kept.len() / 2].to_vec()),
        ("another cache's", other),
        ("no header", Vec::new()),
    ];
    for (what, bytes) in damages {
        std::fs::write(&texts, bytes).unwrap();
        assert_eq!(searches(), cold, "{what}");
    }
    std::fs::remove_file(&texts).unwrap();
    assert_eq!(searches(), cold, "deleted");
}

/// A cache that matches its folders answers text queries without the library being
/// opened; a few files changed since are read by the search itself; a missing cache, or
/// more changes than a search reads, is left to the library.
#[test]
fn a_current_cache_answers_text_searches_by_itself() {
    let (docs, cache) = small_archive();
    let roots = [docs.path().to_path_buf()];
    let opts = options(cache.path());
    assert!(
        matches!(CachedLibrary::open(&roots, &opts), Err(None)),
        "no cache yet, and nothing scanned for it"
    );
    let library = Library::open_blocking(&roots, &opts);
    let parse = |q: &str| Query::parse(q, library.gazetteer()).unwrap();
    let cached_names = |cached: &CachedLibrary, q: &str| -> Vec<String> {
        let hits = cached
            .search(&parse(q))
            .expect("a word needs only the index");
        hits.iter()
            .map(|hit| {
                let path = cached.path_of(hit);
                path.file_name().unwrap().to_string_lossy().into_owned()
            })
            .collect()
    };
    let Ok(cached) = CachedLibrary::open(&roots, &opts) else {
        panic!("a fresh cache is current");
    };
    assert_eq!(cached_names(&cached, "iraqi"), ["2015-03-02 raid.txt"]);
    assert_eq!(
        cached_names(&cached, "c"),
        names(&library, "c"),
        "the same briefings in the same order"
    );
    assert!(
        cached.search(&parse("party:russia")).is_none(),
        "fields need the library"
    );

    // A few files changed, added and removed since: the search reads those itself and
    // leaves out what the cache says of them.
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(
        docs.path().join("notes/cafe.txt"),
        "Talks\n\nNone in Mosul.\n",
    )
    .unwrap();
    std::fs::write(docs.path().join("a-new.txt"), "Mosul\n\nTalks in Mosul.\n").unwrap();
    std::fs::remove_file(docs.path().join("notes/ebola.txt")).unwrap();
    let Ok(cached) = CachedLibrary::open(&roots, &opts) else {
        panic!("three changes are read by the search itself");
    };
    assert!(
        cached_names(&cached, "diplomats").is_empty(),
        "the old text is gone"
    );
    assert!(
        cached_names(&cached, "ebola").is_empty(),
        "the removed file is gone"
    );
    assert_eq!(cached_names(&cached, "mosul"), ["a-new.txt", "cafe.txt"]);
    assert_eq!(
        cached_names(&cached, "said"),
        ["2015-03-02 raid.txt", "2016-09-20-convoy.md"]
    );
    assert_eq!(
        cached_names(&cached, "\"in mosul\""),
        ["a-new.txt", "cafe.txt"],
        "phrases in the files read since too"
    );

    // Too many changes: the scan that showed them is handed on, and the library opened
    // with it sees them and brings the cache up to date.
    let many = docs.path().join("many");
    std::fs::create_dir(&many).unwrap();
    for i in 0..=sitrep::library::cached::MAX_READ_SINCE {
        std::fs::write(many.join(format!("{i}.txt")), "Filler\n\nNothing.\n").unwrap();
    }
    let Err(Some(scanned)) = CachedLibrary::open(&roots, &opts) else {
        panic!("more changes than a search reads itself");
    };
    assert_eq!(
        scanned.len(),
        4 + sitrep::library::cached::MAX_READ_SINCE + 1
    );
    let reopened = Library::open_blocking_scanned(&roots, &opts, Some(scanned));
    assert!(names(&reopened, "diplomats").is_empty());
    assert_eq!(names(&reopened, "mosul").len(), 2);
    assert!(CachedLibrary::open(&roots, &opts).is_ok(), "current again");
}

/// The files `grep -ril -F word` finds under `dir`; a word with an apostrophe is looked for
/// with each of the apostrophes search takes for one (`it's`, `it’s`).
fn grep_files(word: &str, dir: &Path) -> BTreeSet<String> {
    let spellings = ["'", "’", "‘", "ʼ"].map(|a| ["-e".to_string(), word.replace('\'', a)]);
    let out = std::process::Command::new("grep")
        .args(["-r", "-i", "-l", "-F"])
        .args(spellings.iter().flatten())
        .arg(dir)
        .output()
        .expect("grep runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn plain_word_search_finds_the_same_files_as_grep() {
    let Some(fnc1) = corpus::part("fnc1") else {
        return;
    };
    let (docs, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut sources: Vec<PathBuf> = std::fs::read_dir(fnc1)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    sources.sort();
    for src in sources.iter().take(400) {
        std::fs::copy(src, docs.path().join(src.file_name().unwrap())).unwrap();
    }
    let dir = docs.path().to_str().unwrap();
    for word in [
        "russia", "Islamic", "denied", "ebola", "kurd", "said", "isis", "2014", "xyzzyq",
        // Words joined by single marks, which the index holds whole.
        "u.s", "al-qaeda", "it's",
    ] {
        let out = cli(&["search", word, dir], cache.path());
        let ours: BTreeSet<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect();
        let expected = grep_files(word, docs.path());
        assert_eq!(ours, expected, "search {word}");
        let files = cli(&["search", "-l", word, dir], cache.path());
        let listed: BTreeSet<String> = String::from_utf8_lossy(&files.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        assert_eq!(listed, expected, "search -l {word}");
    }
}

#[test]
fn fnc1_dossiers_list_denials_with_dates_and_sentences() {
    let Some(fnc1) = corpus::part("fnc1") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let lib = Library::open_blocking(&[fnc1], &options(cache.path()));
    for party in ["Russia", "Islamic State"] {
        let (name, entries) = lib.dossier(party);
        assert_eq!(name, party);
        assert!(!entries.is_empty(), "{party} says something in fnc1");
        for e in &entries {
            assert_eq!(
                e.doc.date.len(),
                10,
                "{party}: {} has a date",
                e.doc.path.display()
            );
            let text = std::fs::read_to_string(&e.doc.path).unwrap();
            assert_eq!(
                &text[e.statement.span().start..e.statement.span().end],
                e.text,
                "the entry opens at its own sentence"
            );
        }
        assert!(
            entries.windows(2).all(|w| w[0].doc.date >= w[1].doc.date),
            "{party}: newest first"
        );
    }
    let (_, entries) = lib.dossier("ISIS");
    let denials: Vec<_> = entries
        .iter()
        .filter(|e| e.statement.kind == sitrep::extract::Kind::Denial)
        .collect();
    assert!(
        denials.len() >= 2,
        "Islamic State denials in fnc1: {}",
        denials.len()
    );
    assert!(
        denials
            .iter()
            .any(|d| d.text.contains("denied that al-Baghdadi")),
        "the fighter's denial about al-Baghdadi's wife is listed"
    );
}

#[path = "support/many.rs"]
mod many;

#[test]
fn a_search_during_the_first_reading_finds_exactly_the_matches_read_so_far() {
    let (_dir, mut library) = many::opened(10_000);
    // Each with how many of the 10,000 it finds in the end (a third each of the three texts).
    let queries = [
        ("russia", 3334),
        ("\"aid convoy\"", 3334),
        ("party:russia kind:denial", 3334),
        ("geneva -convoy", 3333),
        ("speaker:mistura", 3333),
        ("-zakharova shelling", 3333),
    ];
    many::until_partly_read(|| {
        library.poll();
        (library.is_indexed(), many::read_so_far(&library).len())
    });
    let read: BTreeSet<String> = many::read_so_far(&library).into_iter().collect();
    assert!(read.len() < library.len(), "only part is read");
    let partial: Vec<Vec<String>> = queries.iter().map(|(q, _)| names(&library, q)).collect();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !library.is_indexed() {
        assert!(Instant::now() < deadline, "the reading never ends");
        std::thread::sleep(Duration::from_millis(5));
        library.poll();
    }
    for ((query, count), partial) in queries.iter().zip(partial) {
        let all = names(&library, query);
        assert_eq!(all.len(), *count, "{query}");
        let expected: Vec<String> = all.into_iter().filter(|n| read.contains(n)).collect();
        assert!(!expected.is_empty(), "{query}");
        assert_eq!(partial, expected, "{query}: the matches among those read");
    }
}

/// Words are searched in what the reader shows (the headline and the body), never in the
/// TOML of the front matter: its keys, its source and its party aliases are not text of the
/// article. Cold and warm (answered from the cache) alike, in text, JSON and `-l`.
#[test]
fn front_matter_is_not_searched_but_its_title_is() {
    let (docs, cache) = archive_of(&[(
        "airport.md",
        "+++\ntitle = \"Rebels shell the airport\"\nsource = \"Sample Wire\"\n\
         parties = [{ name = \"Donetsk rebels\", aliases = [\"insurgents\"] }]\n+++\n\
         Separatists fired on the airport on Monday, officials said.\n",
    )]);
    let dir = docs.path().to_str().unwrap();
    let search = |args: &[&str]| {
        let (code, out, _) = search_in(dir, cache.path(), args);
        (code, out)
    };
    for _warm in [false, true] {
        for missing in [
            "title",
            "sample",
            "source",
            "insurgents",
            "aliases",
            "\"sample wire\"",
        ] {
            assert_eq!(search(&[missing]), (Some(1), String::new()), "{missing}");
            assert_eq!(search(&["-l", missing]).1, "", "-l {missing}");
        }
        let shell = search(&["shell"]);
        assert_eq!(shell.0, Some(0));
        assert!(
            shell
                .1
                .ends_with("\tRebels shell the airport\tRebels shell the airport\n"),
            "{shell:?}"
        );
        assert_eq!(search(&["\"shell the airport\""]).0, Some(0));
        let json = search(&["--format", "json", "airport"]).1;
        let hits: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            hits[0]["lines"],
            serde_json::json!([
                "Rebels shell the airport",
                "Separatists fired on the airport on Monday, officials said."
            ]),
            "{json}"
        );
    }
}

/// A typographic apostrophe (’, ‘, ʼ) and a typed one (') are the same to search: `doesn't`
/// finds `doesn’t` and the other way round, and shows the line as it stands.
#[test]
fn apostrophes_are_one_for_search() {
    let (docs, cache) = archive_of(&[
        (
            "curly.txt",
            "Talks stall\n\nThe envoy said the plan doesn\u{2019}t hold.\n",
        ),
        (
            "straight.txt",
            "Talks resume\n\nThe envoy said the truce doesn't hold.\n",
        ),
    ]);
    let dir = docs.path().to_str().unwrap();
    for query in [
        "doesn't",
        "doesn\u{2019}t",
        "DOESN\u{2018}T",
        "\"truce doesn\u{2019}t\"",
    ] {
        let out = cli(&["search", "-l", query, dir], cache.path());
        let found: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| {
                Path::new(l)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        let expected: &[&str] = if query.contains("truce") {
            &["straight.txt"]
        } else {
            &["curly.txt", "straight.txt"]
        };
        assert_eq!(found, expected, "{query}: {out:?}");
    }
    let out = cli(&["search", "doesn't", dir], cache.path());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("the plan doesn\u{2019}t hold."),
        "{out:?}"
    );
}

/// A file named besides the folder that holds it (or twice, spelt two ways) is one briefing,
/// as in the reader: listed once, its statements counted once.
#[test]
fn a_file_named_besides_its_folder_is_read_once() {
    let (docs, cache) = small_archive();
    let dir = docs.path().to_str().unwrap();
    let file = docs.path().join("2016-09-20-convoy.md");
    let dotted = docs.path().join(".").join("2016-09-20-convoy.md");
    let (file, dotted) = (file.to_str().unwrap(), dotted.to_str().unwrap());
    let stdout = |args: &[&str]| String::from_utf8(cli(args, cache.path()).stdout).unwrap();
    let listed = stdout(&["list", file, dir, dotted]);
    assert_eq!(listed.lines().count(), 4, "{listed}");
    assert_eq!(stdout(&["list", dotted, file]).lines().count(), 1);
    assert_eq!(
        stdout(&["party", "russia", dir, file]),
        stdout(&["party", "russia", dir])
    );
    // extract reads it once too, however it is spelled (`notes ./notes/ebola.txt`).
    let extract = |args: &[&str]| {
        let out = Command::cargo_bin("sitrep")
            .unwrap()
            .arg("extract")
            .args(args)
            .current_dir(docs.path())
            .env("XDG_CACHE_HOME", cache.path())
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let json = |args: &[&str]| -> Vec<String> {
        let reports: serde_json::Value = serde_json::from_str(&extract(args)).unwrap();
        let reports = reports.as_array().unwrap().iter();
        reports
            .map(|r| r["path"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(json(&["notes", "./notes/ebola.txt"]), json(&["notes"]));
    assert_eq!(
        json(&["./notes/ebola.txt", "notes/ebola.txt"]),
        ["./notes/ebola.txt"]
    );
    assert_eq!(
        extract(&["--format", "md", "notes", "./notes/cafe.txt"]),
        extract(&["--format", "md", "notes"])
    );
}

/// A path that cannot be read is named on stderr and makes `search` and `party` exit 2 (like
/// grep), apart from 1 for nothing found; `party` then says nothing about the party. An
/// unknown party in `party:` is an error, as `kind:foo` is and as `sitrep party` says.
#[test]
fn unreadable_paths_and_unknown_parties_are_errors() {
    let (docs, cache) = small_archive();
    let dir = docs.path().to_str().unwrap();
    let missing = docs.path().join("nonexistent");
    let missing = missing.to_str().unwrap();
    let found = cli(&["search", "convoy", dir, missing], cache.path());
    assert_eq!(found.status.code(), Some(2), "{found:?}");
    assert!(String::from_utf8_lossy(&found.stdout).contains("convoy.md"));
    assert!(String::from_utf8_lossy(&found.stderr).contains("nonexistent"));
    let party = cli(&["party", "russia", missing], cache.path());
    assert_eq!(party.status.code(), Some(2), "{party:?}");
    let said = String::from_utf8_lossy(&party.stderr);
    assert!(
        said.contains("nonexistent") && !said.contains("no claims"),
        "{said}"
    );
    let narnia = cli(&["search", "party:narnia", dir], cache.path());
    assert_eq!(narnia.status.code(), Some(2), "{narnia:?}");
    let said = String::from_utf8_lossy(&narnia.stderr);
    assert!(
        said.contains("party:narnia") && said.contains("not a known party"),
        "{said}"
    );
    let kremlin = cli(&["search", "party:kremlin", dir], cache.path());
    assert_eq!(kremlin.status.code(), Some(0), "{kremlin:?}");
    // A day the calendar does not have is refused like a month it does not have.
    for bad in [
        "date:2014-02-30",
        "date:2015-02-29",
        "date:2016-04-31..2016-05",
    ] {
        let refused = cli(&["search", bad, dir], cache.path());
        assert_eq!(refused.status.code(), Some(2), "{bad}: {refused:?}");
        let said = String::from_utf8_lossy(&refused.stderr);
        assert!(said.contains(bad.split("..").next().unwrap()), "{said}");
    }
    let leap = cli(&["search", "date:2016-02-29", dir], cache.path());
    assert_eq!(leap.status.code(), Some(1), "a leap day is a day: {leap:?}");
}

/// A front matter date with no day (`"2016-09"`) cannot date a briefing to the day its JSON
/// promises: like any other date that is no day, it is warned about, by value, in the
/// file's own entry, and the briefing is dated by its file.
#[test]
fn a_front_matter_month_without_a_day_is_warned_about() {
    let (docs, cache) = archive_of(&[(
        "month.md",
        "+++\ndate = \"2016-09\"\n+++\nTalks in September\n\nEnvoys met, officials said.\n",
    )]);
    let file = docs.path().join("month.md");
    let out = cli(&["extract", file.to_str().unwrap()], cache.path());
    let extracted: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let warnings = extracted[0]["warnings"].as_array().unwrap();
    assert!(
        warnings.iter().any(|w| {
            let w = w.as_str().unwrap();
            w.contains("\"2016-09\"") && w.contains("YYYY-MM-DD") && w.contains("dated by its file")
        }),
        "{warnings:?}"
    );
    let dir = docs.path().to_str().unwrap();
    let out = cli(&["list", dir, "--format", "json"], cache.path());
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed[0]["warned"], true, "{listed}");
    assert_eq!(listed[0]["date_source"], "modified", "{listed}");
}

/// A folder with `good.md` and `bad\xff.md`, the same briefing of Russia's denial, whose
/// second name is not UTF-8 (Linux allows any bytes but `/` and NUL); and a cache folder.
#[cfg(unix)]
fn good_and_not_utf8_named() -> (tempfile::TempDir, tempfile::TempDir) {
    use std::os::unix::ffi::OsStrExt;
    let text =
        "Convoy struck\n\nRussia's Defence Ministry denied that its aircraft struck the convoy.\n";
    let (docs, cache) = archive_of(&[("good.md", text)]);
    std::fs::write(
        docs.path().join(std::ffi::OsStr::from_bytes(b"bad\xff.md")),
        text,
    )
    .unwrap();
    (docs, cache)
}

/// A file name that is not UTF-8 (Linux allows any bytes but `/` and NUL) is printed
/// lossily in JSON, as in text, and never costs the other briefings their entries.
#[cfg(unix)]
#[test]
fn json_prints_a_path_that_is_not_utf8_lossily_beside_every_other_entry() {
    let (docs, cache) = good_and_not_utf8_named();
    let dir = docs.path().to_str().unwrap();
    for command in [
        &["list", dir][..],
        &["search", "convoy", dir],
        &["party", "russia", dir],
    ] {
        let out = cli(&[command, &["--format", "json"]].concat(), cache.path());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{command:?}: {stderr}");
        let printed: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{command:?}: {e}: {stderr}"));
        let mut names: Vec<String> = printed
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                o["path"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect();
        names.sort();
        assert_eq!(names, ["bad\u{FFFD}.md", "good.md"], "{command:?}");
    }
}

/// A folder holding a file name that is not UTF-8 is cached like any other: the second
/// run reads the cache (no "cache not written" on every run) and still finds that file.
#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_cached_with_the_rest() {
    let (docs, cache) = good_and_not_utf8_named();
    let dir = docs.path().to_str().unwrap();
    for run in ["first", "second"] {
        let out = cli(&["search", "convoy", dir], cache.path());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("cache not written"), "{run} run: {stderr}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("bad\u{FFFD}.md"), "{run} run: {stdout}");
        assert!(stdout.contains("good.md"), "{run} run: {stdout}");
    }
    let written = std::fs::read_dir(cache.path().join("sitrep"))
        .unwrap()
        .any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".bin"));
    assert!(written, "no cache file");
}

/// `sitrep list` on a folder with a briefing it cannot read lists every other one and exits
/// 1, and its `--help` says so (as every subcommand's help gives its exit status).
#[test]
fn list_exits_as_its_help_says_when_a_briefing_cannot_be_read() {
    let (docs, cache) = archive_of(&[
        ("ok.md", "Talks\n\nEnvoys met, officials said.\n"),
        (
            "also-ok.txt",
            "More talks\n\nEnvoys met again, officials said.\n",
        ),
        ("broken.md", "+++\ntitle = \n+++\nTalks\n"),
    ]);
    let dir = docs.path().to_str().unwrap();
    let out = cli(&["list", dir], cache.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert_eq!(stdout.matches("\terror: ").count(), 1, "{stdout}");
    let help = cli(&["list", "--help"], cache.path());
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("Exit status: 0 when every briefing was read, 1 when one could not be"),
        "{help}"
    );
    for command in ["extract", "search", "party"] {
        let help = cli(&[command, "--help"], cache.path());
        let help = String::from_utf8_lossy(&help.stdout);
        assert!(help.contains("Exit status: "), "{command}: {help}");
    }
}

/// A hand annotation whose words are not in the article is the analyst's own note, not a
/// mistake to drop: it is kept, its span the bytes of its `text` string in the front matter,
/// so `text` is still exactly the slice `start..end` of the file, and no warning is given.
#[test]
fn a_hand_annotation_not_in_the_body_is_kept_at_its_text_in_the_front_matter() {
    let briefing = "+++\ntitle = \"Convoy struck\"\n[[denial]]\nactor = \"Maria Zakharova\"\n\
         party = \"Russia\"\ntext = \"Moscow had nothing to do with the strike.\"\n\
         [[quote]]\nspeaker = \"Maria Zakharova\"\ntext = 'a provocation'\n+++\n\
         Convoy struck\n\nU.S. officials said Russian jets struck the aid convoy.\n";
    let (docs, cache) = archive_of(&[("hand.md", briefing)]);
    let file = docs.path().join("hand.md");
    let out = cli(&["extract", file.to_str().unwrap()], cache.path());
    let extracted: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entry = &extracted[0];
    assert_eq!(entry["warnings"], serde_json::json!([]), "{entry}");
    let slice = |o: &serde_json::Value| {
        let (start, end) = (o["start"].as_u64().unwrap(), o["end"].as_u64().unwrap());
        briefing[start as usize..end as usize].to_string()
    };
    let denial = entry["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "denial")
        .unwrap_or_else(|| panic!("the hand denial is kept: {entry}"));
    assert_eq!(denial["text"], "Moscow had nothing to do with the strike.");
    assert_eq!(slice(denial), denial["text"].as_str().unwrap());
    assert_eq!(denial["actor"], "Maria Zakharova");
    assert_eq!(denial["party"], "Russia");
    let quote = entry["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"] == "a provocation")
        .unwrap_or_else(|| panic!("the hand quote is kept: {entry}"));
    assert_eq!(slice(quote), "a provocation");
    assert_eq!(quote["speaker"], "Maria Zakharova");
    // The dossier has it too.
    let dir = docs.path().to_str().unwrap();
    let out = cli(&["party", "russia", dir, "--format", "json"], cache.path());
    let dossier: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        dossier
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["text"] == "Moscow had nothing to do with the strike."),
        "{dossier}"
    );
}
