//! The bad-input matrix: every kind of file an analyst may point the reader at by mistake or
//! malice. Each case asserts its own outcome (a clear error naming the file and why, or a
//! lossy reading with a warning) and, through `Folder::load_checked`, that every shipped
//! briefing in the same folder still loads and extracts exactly as it does alone. All inputs
//! are generated here, in a temporary folder.

#[path = "support/folder.rs"]
mod folder;
#[path = "support/spans.rs"]
mod spans;

use folder::{Folder, entry_path};
use sitrep::briefing::{Briefing, LoadProblem, MAX_FILE_BYTES, collect_paths};
use sitrep::extract::Gazetteer;
use sitrep::library::{Entry, load_all};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A short article of our own with curly quotes and an accented letter, all of which
/// Windows-1252 can encode.
const ARTICLE: &str = "Ceasefire talks stall in Geneva\n\n\
    The United Nations envoy said on Monday that “no agreement is in sight,” adding that \
    both delegations had left the room.\n\n\
    “We did not leave the table,” a Russian Foreign Ministry spokeswoman said, denying the \
    report. Café owners near the venue said the city was calm.\n";

/// A 1x1 PNG image, byte for byte.
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\
    \0\0\0\nIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4\0\0\0\0IEND\xaeB`\x82";

/// The entry for `name`, which must be there.
fn entry<'a>(entries: &'a BTreeMap<PathBuf, Entry>, name: &str) -> &'a Entry {
    entries
        .get(Path::new(name))
        .unwrap_or_else(|| panic!("{name} is not listed; listed: {:?}", entries.keys()))
}

/// The error message for `name`, asserting it failed and that the message names the file.
fn error_of(entries: &BTreeMap<PathBuf, Entry>, name: &str) -> String {
    match entry(entries, name) {
        Entry::Failed(e) => {
            let message = e.to_string();
            assert!(message.contains(name), "{message:?} does not name {name}");
            message
        }
        Entry::Ok(b, _) => panic!("{name} loaded (title {:?}) but should have failed", b.title),
    }
}

/// The briefing loaded from `name`, asserting it loaded.
fn loaded<'a>(entries: &'a BTreeMap<PathBuf, Entry>, name: &str) -> &'a Briefing {
    match entry(entries, name) {
        Entry::Ok(b, _) => b,
        Entry::Failed(e) => panic!("{name} failed: {e}"),
    }
}

/// How `ARTICLE` loads and extracts as plain UTF-8, to compare decoded versions against.
fn article_as_utf8() -> Entry {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    Entry::load(&path, Gazetteer::builtin())
}

/// Asserts that `name` loaded with exactly `ARTICLE`'s text and extraction, and a warning
/// containing `warning`.
fn assert_reads_as_article(entries: &BTreeMap<PathBuf, Entry>, name: &str, warning: &str) {
    let Entry::Ok(reference, reference_x) = article_as_utf8() else {
        panic!("the reference article loads")
    };
    let Entry::Ok(b, x) = entry(entries, name) else {
        panic!("{name} did not load")
    };
    assert_eq!(b.text, reference.text, "{name} decodes to the article");
    assert_eq!(b.title, "Ceasefire talks stall in Geneva");
    assert_eq!(b.paragraphs, reference.paragraphs);
    assert_eq!(x, &reference_x, "{name} extracts as the UTF-8 article does");
    assert!(
        b.warnings.iter().any(|w| w.contains(warning)),
        "{name}: no warning about {warning:?} in {:?}",
        b.warnings
    );
}

#[test]
fn empty_and_whitespace_only_files_are_errors_saying_so() {
    let folder = Folder::with_shipped_briefings();
    folder.write("empty.txt", "");
    folder.write("blank.txt", " \n\t\r\n   \n");
    folder.write(
        "invisible.md",
        "\u{FEFF}\u{00A0}\u{200B}\n\u{2060}\u{3000}\n",
    );
    let entries = folder.load_checked();
    for name in ["empty.txt", "blank.txt", "invisible.md"] {
        let message = error_of(&entries, name);
        assert!(message.contains("empty file"), "{message}");
    }
}

#[test]
fn binary_files_are_refused_with_what_they_look_like() {
    let folder = Folder::with_shipped_briefings();
    folder.write("photo.txt", PNG);
    folder.write("scan.md", b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01");
    let mut noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    noise[100] = 0;
    folder.write("dump.txt", noise);
    let entries = folder.load_checked();
    assert!(error_of(&entries, "photo.txt").contains("binary file, not text (PNG image)"));
    assert!(error_of(&entries, "scan.md").contains("JPEG image"));
    assert!(error_of(&entries, "dump.txt").contains("contains NUL bytes"));
}

#[test]
fn invalid_utf8_keeps_the_valid_text_and_reads_stray_bytes_as_windows_1252() {
    let folder = Folder::with_shipped_briefings();
    let at = ARTICLE.find("Geneva").unwrap() + 3;
    let mut bytes = ARTICLE.as_bytes().to_vec();
    bytes.insert(at, 0xFF);
    folder.write("stray.txt", &bytes);
    let entries = folder.load_checked();
    let b = loaded(&entries, "stray.txt");
    let mut expected = ARTICLE.to_string();
    expected.insert(at, 'ÿ');
    assert_eq!(b.text, expected, "only the stray byte changes");
    assert_eq!(b.title, "Ceasefire talks stall in Genÿeva");
    assert!(
        b.warnings[0].contains("not valid UTF-8: 1 byte(s), the first at offset 28"),
        "{:?}",
        b.warnings
    );
}

#[test]
fn latin1_and_windows_1252_files_decode_to_the_same_article() {
    let folder = Folder::with_shipped_briefings();
    let encoded: Vec<u8> = ARTICLE
        .chars()
        .map(|c| match c {
            'é' => 0xE9,
            '“' => 0x93,
            '”' => 0x94,
            c if c.is_ascii() => c as u8,
            c => panic!("{c} is not in the test's Windows-1252 table"),
        })
        .collect();
    folder.write("legacy.txt", encoded);
    let entries = folder.load_checked();
    assert_reads_as_article(&entries, "legacy.txt", "read as Windows-1252");
}

#[test]
fn utf16_and_utf32_with_a_bom_decode_to_the_same_article() {
    let folder = Folder::with_shipped_briefings();
    let units: Vec<u16> = ARTICLE.encode_utf16().collect();
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(units.iter().flat_map(|u| u.to_le_bytes()))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(units.iter().flat_map(|u| u.to_be_bytes()))
        .collect();
    let utf32: Vec<u8> = [0xFF, 0xFE, 0, 0]
        .into_iter()
        .chain(ARTICLE.chars().flat_map(|c| (c as u32).to_le_bytes()))
        .collect();
    folder.write("windows.txt", &le);
    folder.write("mac.txt", &be);
    folder.write("wide.txt", &utf32);
    let mut cut = le.clone();
    cut.push(b'x');
    folder.write("cut.txt", &cut);
    let entries = folder.load_checked();
    assert_reads_as_article(&entries, "windows.txt", "decoded from UTF-16LE");
    assert_reads_as_article(&entries, "mac.txt", "decoded from UTF-16BE");
    assert_reads_as_article(&entries, "wide.txt", "decoded from UTF-32LE");
    assert_reads_as_article(&entries, "cut.txt", "1 trailing byte(s) of a cut character");
}

#[test]
fn a_file_cut_inside_a_character_keeps_everything_before_the_cut() {
    let folder = Folder::with_shipped_briefings();
    let cut = ARTICLE.find("” a Russian").unwrap() + 2;
    folder.write("cut.txt", &ARTICLE.as_bytes()[..cut]);
    let entries = folder.load_checked();
    let b = loaded(&entries, "cut.txt");
    assert!(
        b.text.starts_with(&ARTICLE[..cut - 2]),
        "the valid part is kept"
    );
    assert!(b.text.ends_with("table,â€"), "{:?}", b.text);
    assert!(b.warnings[0].contains("2 byte(s)"), "{:?}", b.warnings);
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "extracting 50 MB in a debug build takes minutes: runs under cargo test --release"
)]
fn a_50_mb_article_loads_and_extracts_whole() {
    let folder = Folder::with_shipped_briefings();
    let paragraph = "The envoy said the talks would resume, and officials from both sides \
                     said they had “no comment at this stage” on the report.\n\n";
    let mut text = String::from("A very long briefing\n\n");
    while text.len() < 50_000_000 {
        text.push_str(paragraph);
    }
    folder.write("long.txt", &text);
    let entries = folder.load_checked();
    let b = loaded(&entries, "long.txt");
    assert_eq!(b.text.len(), text.len());
    assert_eq!(b.paragraphs.len(), (text.len() - 22) / paragraph.len());
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let folder = Folder::with_shipped_briefings();
    // Sparse: the limit is checked before reading, so this costs no disk.
    let huge = std::fs::File::create(folder.path("huge.txt")).unwrap();
    huge.set_len(MAX_FILE_BYTES + 1).unwrap();
    let entries = folder.load_checked();
    let message = error_of(&entries, "huge.txt");
    assert!(
        message.contains("too large: 64.0 MB (the limit is 64 MB)"),
        "{message}"
    );
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "extracting 10 MB in a debug build takes minutes: runs under cargo test --release"
)]
fn one_5_mb_line_is_read_as_body_under_a_short_title() {
    let folder = Folder::with_shipped_briefings();
    let line = "Officials said “the convoy was hit” and others denied it; ".repeat(90_000);
    assert!(line.len() > 5_000_000);
    folder.write("oneline.txt", &line);
    let word = "x".repeat(5_000_000);
    folder.write("oneword.txt", &word);
    let entries = folder.load_checked();
    let b = loaded(&entries, "oneline.txt");
    assert_eq!(b.title_span, None);
    assert!(b.title.starts_with("Officials said “the convoy was hit”"));
    assert!(b.title.ends_with('…') && b.title.chars().count() <= 101);
    assert_eq!(b.paragraphs.len(), 1, "the line is the body");
    assert_eq!(b.paragraphs[0].of(&b.text), line.trim_end());
    assert!(b.warnings[0].contains("no headline"), "{:?}", b.warnings);
    let b = loaded(&entries, "oneword.txt");
    assert_eq!(b.title, format!("{}…", "x".repeat(100)));
    assert_eq!(b.paragraphs[0].len(), 5_000_000);
}

#[test]
fn a_first_paragraph_running_into_the_body_gives_its_first_line_as_headline() {
    let folder = Folder::with_shipped_briefings();
    folder.write(
        "noblank.txt",
        "Rebels deny shelling the port\nThe rebels said they \"never fired\" on it.\n",
    );
    let entries = folder.load_checked();
    let b = loaded(&entries, "noblank.txt");
    assert_eq!(b.title, "Rebels deny shelling the port");
    assert_eq!(b.paragraphs.len(), 1);
    assert_eq!(
        b.paragraphs[0].of(&b.text),
        "The rebels said they \"never fired\" on it."
    );
    assert!(b.warnings[0].contains("no blank line after the headline"));
}

#[test]
fn a_hundred_thousand_paragraphs_load_with_few_headlines() {
    let folder = Folder::with_shipped_briefings();
    folder.write("list.txt", "Item without a full stop\n\n".repeat(100_000));
    folder.write(
        "many.txt",
        "Many paragraphs\n\n".to_string() + &"One sentence, said the officer.\n\n".repeat(100_000),
    );
    let entries = folder.load_checked();
    let b = loaded(&entries, "list.txt");
    assert_eq!(b.headlines.len(), 16, "alternate headlines are capped");
    assert_eq!(b.paragraphs.len(), 100_000 - 1 - 16);
    assert_eq!(loaded(&entries, "many.txt").paragraphs.len(), 100_000);
}

#[test]
fn ten_thousand_unbalanced_quote_marks_load_and_extract() {
    let folder = Folder::with_shipped_briefings();
    let mut text = String::from("Quote storm\n\n");
    for i in 0..10_000 {
        text.push_str(["“", "\"", "”", "‘"][i % 4]);
        text.push_str(if i % 7 == 0 {
            "said Ivanov\n\n"
        } else {
            "word "
        });
    }
    text.push('"');
    folder.write("quotes.txt", &text);
    let entries = folder.load_checked();
    assert_eq!(loaded(&entries, "quotes.txt").text, text);
}

#[test]
fn broken_front_matter_names_the_file_the_line_and_the_problem() {
    let folder = Folder::with_shipped_briefings();
    folder.write(
        "not-toml.md",
        "+++\ntitle = \"ok\"\nthis is not toml\n+++\nBody.\n",
    );
    folder.write(
        "wrong-type.md",
        "+++\ntitle = \"ok\"\ntags = 3\n+++\nBody.\n",
    );
    folder.write("unknown.md", "+++\ntitel = \"typo\"\n+++\nBody.\n");
    folder.write("open.md", "+++\ntitle = \"never closed\"\n\nBody.\n");
    // Deep nesting must meet a limit, not overflow the stack and abort the reader.
    let deep = format!(
        "+++\nx = {}{}\n+++\nBody.\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    folder.write("deep.md", deep);
    let entries = folder.load_checked();
    let message = error_of(&entries, "not-toml.md");
    assert!(message.contains("front matter: line 3"), "{message}");
    let message = error_of(&entries, "wrong-type.md");
    assert!(
        message.contains("line 3") && message.contains("invalid type: integer `3`"),
        "{message}"
    );
    let message = error_of(&entries, "unknown.md");
    assert!(message.contains("unknown field `titel`"), "{message}");
    let message = error_of(&entries, "open.md");
    assert!(message.contains("never closed"), "{message}");
    let message = error_of(&entries, "deep.md");
    assert!(
        message.contains("front matter: line 2: cannot recurse further"),
        "{message}"
    );
}

#[test]
fn symlink_loops_are_reported_once_and_never_followed_forever() {
    use std::os::unix::fs::symlink;
    let folder = Folder::with_shipped_briefings();
    symlink("self.txt", folder.path("self.txt")).unwrap();
    symlink("ping.txt", folder.path("pong.txt")).unwrap();
    symlink("pong.txt", folder.path("ping.txt")).unwrap();
    symlink("missing.txt", folder.path("dangling.txt")).unwrap();
    folder.write("nested/inner.txt", ARTICLE);
    symlink("..", folder.path("nested/up")).unwrap();
    symlink("../nested", folder.path("nested/again")).unwrap();
    let entries = folder.load_checked();
    for name in ["self.txt", "pong.txt", "ping.txt"] {
        let message = error_of(&entries, name);
        assert!(message.contains("symbolic links"), "{message}");
    }
    assert!(error_of(&entries, "dangling.txt").contains("No such file"));
    loaded(&entries, "nested/inner.txt");
    assert_eq!(entries.len(), 5, "each file once: {:?}", entries.keys());
}

/// Runs `load_all` on another thread and fails instead of hanging when it does not return.
fn load_within(folder: &Folder, limit: Duration) -> Vec<Entry> {
    let dir = folder.dir.path().to_path_buf();
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || done.send(load_all(&[dir], Gazetteer::builtin())));
    result
        .recv_timeout(limit)
        .expect("loading the folder hangs")
}

#[test]
fn pipes_sockets_devices_and_folders_named_like_briefings_never_hang_the_load() {
    let folder = Folder::with_shipped_briefings();
    let fifo = folder.path("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo makes a named pipe");
    let _socket = std::os::unix::net::UnixListener::bind(folder.path("socket.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", folder.path("zero.txt")).unwrap();
    folder.write("folder.txt/inside.txt", ARTICLE);
    load_within(&folder, Duration::from_secs(60));
    let entries = folder.load_checked();
    assert!(error_of(&entries, "pipe.txt").contains("not a regular file (a named pipe)"));
    assert!(error_of(&entries, "socket.txt").contains("not a regular file (a socket)"));
    assert!(error_of(&entries, "zero.txt").contains("not a regular file (a device)"));
    loaded(&entries, "folder.txt/inside.txt");
    let message = Briefing::load(&folder.path("folder.txt"))
        .unwrap_err()
        .to_string();
    assert!(
        message.ends_with("folder.txt: cannot read: is a folder"),
        "{message}"
    );
}

#[test]
fn a_file_without_read_permission_is_an_error_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let folder = Folder::with_shipped_briefings();
    let path = folder.write("secret.txt", ARTICLE);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        eprintln!(
            "note: running as root, which reads any file: the permission case is skipped \
             (the special-file test covers files that cannot be read)"
        );
        return;
    }
    let entries = folder.load_checked();
    assert!(error_of(&entries, "secret.txt").contains("Permission denied"));
}

#[test]
fn a_file_deleted_or_cut_between_listing_and_reading_fails_alone() {
    let folder = Folder::with_shipped_briefings();
    let gone = folder.write("gone.txt", ARTICLE);
    let cut = folder.write("cut.txt", ARTICLE);
    let (files, errors) = collect_paths(&[folder.dir.path().to_path_buf()]);
    assert!(errors.is_empty() && files.contains(&gone) && files.contains(&cut));
    std::fs::remove_file(&gone).unwrap();
    std::fs::write(&cut, &ARTICLE.as_bytes()[..ARTICLE.find('“').unwrap() + 1]).unwrap();
    let message = Briefing::load(&gone).unwrap_err().to_string();
    assert!(
        message.contains("gone.txt: cannot read: No such file"),
        "{message}"
    );
    let b = Briefing::load(&cut).unwrap();
    assert!(
        b.warnings[0].contains("not valid UTF-8"),
        "{:?}",
        b.warnings
    );
    folder.load_checked();
}

#[test]
fn files_changing_while_the_folder_loads_never_disturb_the_others() {
    let folder = Folder::with_shipped_briefings();
    let victim = folder.write("victim.txt", ARTICLE);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let churn = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut round = 0usize;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let _ = match round % 3 {
                    0 => std::fs::remove_file(&victim),
                    1 => std::fs::write(&victim, ARTICLE),
                    _ => std::fs::write(&victim, &ARTICLE.as_bytes()[..round % ARTICLE.len()]),
                };
                round += 1;
            }
        })
    };
    for _ in 0..20 {
        let entries = folder.load_checked();
        for (name, e) in &entries {
            assert_eq!(name, Path::new("victim.txt"), "only the victim is extra");
            assert!(entry_path(e).ends_with("victim.txt"));
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    churn.join().unwrap();
}

#[test]
fn a_folder_of_ten_thousand_empty_files_lists_each_as_empty() {
    let folder = Folder::with_shipped_briefings();
    std::fs::create_dir(folder.path("empties")).unwrap();
    for i in 0..10_000 {
        std::fs::File::create(folder.path(&format!("empties/{i:05}.txt"))).unwrap();
    }
    let entries = folder.load_checked();
    assert_eq!(entries.len(), 10_000);
    assert!(entries.values().all(|e| matches!(
        e,
        Entry::Failed(err) if err.problem == LoadProblem::Empty
    )));
    assert!(error_of(&entries, "empties/09999.txt").contains("empty file"));
}

/// `sitrep … | head`: when the reader of the output goes away, every command ends quietly
/// and successfully (like grep and rg), with nothing on stderr, even when stderr is the same
/// closed pipe.
#[test]
fn output_cut_short_by_its_reader_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    // Enough briefings that every command writes more than a pipe holds (64 KB).
    for k in 0..1500 {
        std::fs::write(dir.path().join(format!("b{k:04}.txt")), ARTICLE).unwrap();
    }
    let home = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    let commands: [&[&str]; 4] = [
        &["extract", folder, "--format", "md"],
        &["search", "said", folder],
        &["list", folder],
        &["party", "Russia", folder],
    ];
    for args in commands {
        for stderr_too in [false, true] {
            let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
                .args(args)
                .env("XDG_CACHE_HOME", home.path().join("cache"))
                .env("XDG_STATE_HOME", home.path().join("state"))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let mut out = child.stdout.take().unwrap();
            let mut first = [0u8; 16];
            out.read_exact(&mut first).unwrap();
            drop(out);
            let mut err = child.stderr.take().unwrap();
            if stderr_too {
                drop(err);
                let status = child.wait().unwrap();
                assert!(status.success(), "{args:?} (stderr closed): {status}");
            } else {
                let mut said = String::new();
                err.read_to_string(&mut said).unwrap();
                let status = child.wait().unwrap();
                assert!(status.success(), "{args:?}: {status}, {said}");
                assert!(said.is_empty(), "{args:?} said {said:?}");
            }
        }
    }
}
