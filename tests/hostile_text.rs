//! Article text is data, not terminal commands. Briefings (and file names) full of escape
//! sequences, control characters, bidirectional overrides and zero-width characters go
//! through the real binary: what `sitrep extract --format md` and `sitrep list` print, and
//! every error they write, holds no byte a terminal would act on, and shows the hostile
//! characters visibly instead. JSON is data: it keeps the text exact, escaped as JSON.

use assert_cmd::cargo::cargo_bin_cmd;
use std::path::Path;

/// Every kind of sequence that could steer a terminal: colour, cursor moves and screen
/// clearing (CSI), window title changes and clipboard writes (OSC 0/2/52), a hyperlink
/// (OSC 8), a device control string, single C0 controls, the 8-bit C1 forms, DEL,
/// bidirectional overrides and isolates.
const HOSTILE: &str = "\x1b[31m\x1b[2J\x1b[H\x1b[10A\x1b]0;pwned\x07\x1b]2;pwned\x1b\\\
    \x1b]52;c;ZWNobyBwd25lZA==\x07\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\\
    \x1bP+q\x1b\\\x07\x08\x0b\x0c\r\x7f\u{9b}31m\u{9d}0;x\u{9c}\u{85}\u{202e}\u{2066}\u{200f}";

/// Zero-width characters: harmless to a terminal, and kept as text.
const ZERO_WIDTH: &str = "\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}";

/// A TOML basic string holding `s`, with every control character escaped as TOML needs.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => out.extend(['\\', c]),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A briefing with hostile text in the front matter (title, date, source, url, tags, a party
/// and hand-annotated quote, claim and denial), the body, the quotes and the speaker names.
fn hostile_briefing() -> String {
    let h = toml_string(HOSTILE);
    let speaker = format!("Ivan{HOSTILE} Petrov{ZERO_WIDTH}");
    let quote = format!("Surrender{HOSTILE} now{ZERO_WIDTH}");
    format!(
        "+++\n\
         title = {title}\n\
         date = {h}\n\
         source = {h}\n\
         url = {h}\n\
         tags = [{h}, \"syria\"]\n\
         [[parties]]\n\
         name = {party}\n\
         aliases = [\"Evil Army\"]\n\
         [[quote]]\n\
         text = {quote_toml}\n\
         speaker = {speaker_toml}\n\
         party = {party}\n\
         [[claim]]\n\
         actor = {speaker_toml}\n\
         text = {quote_toml}\n\
         [[denial]]\n\
         actor = {h}\n\
         text = {h}\n\
         +++\n\
         Body{HOSTILE} headline{ZERO_WIDTH}\n\n\
         Gen. {speaker} of the Evil Army said: “{quote},” in a statement{HOSTILE}.\n\n\
         “{HOSTILE}We deny everything{HOSTILE},” {speaker} told reporters. The Evil Army \
         denied that it had fired on the convoy{HOSTILE}.\n",
        title = toml_string(&format!("Title{HOSTILE}{ZERO_WIDTH} end")),
        party = toml_string(&format!("Evil{HOSTILE} Army")),
        quote_toml = toml_string(&quote),
        speaker_toml = toml_string(&speaker),
    )
}

/// A folder with the hostile briefing, a hostile file name that loads, one that fails with
/// a hostile error message, and the seed briefing.
fn hostile_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let name = HOSTILE.replace('/', "_");
    std::fs::write(dir.path().join("hostile.md"), hostile_briefing()).unwrap();
    std::fs::write(
        dir.path().join(format!("name{name}.txt")),
        format!("A headline\n\nThe text{HOSTILE} said “{HOSTILE}”.\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join(format!("broken{name}.md")),
        format!("+++\n{} = 1\n+++\nBody.\n", toml_string(HOSTILE)),
    )
    .unwrap();
    let (shipped, _) = sitrep::briefing::collect_paths(&["briefings".into()]);
    let seed = shipped.first().expect("a shipped briefing");
    std::fs::copy(seed, dir.path().join("seed.txt")).unwrap();
    dir
}

/// Runs the binary and returns (exit code, stdout, stderr).
fn run(args: &[&str], dir: &Path) -> (Option<i32>, String, String) {
    let home = tempfile::tempdir().unwrap();
    let out = cargo_bin_cmd!("sitrep")
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .args(args)
        .arg(dir)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        String::from_utf8(out.stderr).expect("UTF-8 errors"),
    )
}

/// The first character a terminal would act on, other than line breaks (and tabs, where the
/// format uses them), with its position.
fn first_unsafe(text: &str, allow_tab: bool) -> Option<(usize, char)> {
    text.char_indices().find(|&(_, c)| match c {
        '\n' => false,
        '\t' => !allow_tab,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => true,
        _ => false,
    })
}

fn assert_terminal_safe(what: &str, text: &str, allow_tab: bool) {
    if let Some((at, c)) = first_unsafe(text, allow_tab) {
        let from = text.floor_char_boundary(at.saturating_sub(60));
        panic!(
            "{what} holds {c:?} at byte {at}, after {:?}",
            &text[from..at]
        );
    }
}

#[test]
fn markdown_output_and_errors_show_hostile_text_visibly() {
    let dir = hostile_folder();
    let (code, out, err) = run(&["extract", "--format", "md"], dir.path());
    assert_eq!(
        code,
        Some(1),
        "one file fails, the rest print; stderr: {err}"
    );
    assert_terminal_safe("extract --format md", &out, false);
    assert_terminal_safe("extract's errors", &err, false);
    assert!(
        out.contains("# Title^[[31m^[[2J^[[H"),
        "the title is shown visibly"
    );
    assert!(
        out.contains("^[]52;c;ZWNobyBwd25lZA==^G"),
        "OSC 52 is shown visibly"
    );
    // (Escaped as Markdown shows an angle bracket as written.)
    assert!(out.contains("\\<U+009B>31m") && out.contains("\\<U+202E>"));
    assert!(out.contains("US military will not share intellegence with Russia"));
    assert!(
        err.contains("broken^[[31m") && err.contains("unknown field"),
        "{err}"
    );
}

#[test]
fn list_output_and_errors_show_hostile_text_visibly() {
    let dir = hostile_folder();
    let (code, out, err) = run(&["list"], dir.path());
    assert_eq!(code, Some(1));
    assert_terminal_safe("list", &out, true);
    assert_terminal_safe("list's errors", &err, false);
    assert_eq!(out.lines().count(), 4, "every file has its line:\n{out}");
    assert!(
        out.contains("name^[[31m^[[2J"),
        "the file name is shown visibly"
    );
    assert!(out.contains("Title^[[31m"), "the title is shown visibly");
    assert!(
        out.contains("error: front matter: line 2: unknown field"),
        "{out}"
    );
}

/// The JSON report whose path satisfies `path_matches`, which must exist.
fn report_where(
    reports: &[serde_json::Value],
    path_matches: impl Fn(&str) -> bool,
) -> &serde_json::Value {
    reports
        .iter()
        .find(|r| r["path"].as_str().is_some_and(&path_matches))
        .expect("a report for the file")
}

#[test]
fn json_keeps_hostile_text_exact_and_escaped() {
    let dir = hostile_folder();
    let (code, out, _) = run(&["extract", "--format", "json"], dir.path());
    assert_eq!(code, Some(1));
    assert!(
        !out.bytes().any(|b| b < 0x20 && b != b'\n'),
        "JSON escapes every C0 control"
    );
    let reports: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let reports = reports.as_array().expect("an array");
    assert_eq!(reports.len(), 4);
    let hostile = report_where(reports, |p| p.ends_with("hostile.md"));
    assert_eq!(hostile["error"], serde_json::Value::Null);
    let title = format!("Title{HOSTILE}{ZERO_WIDTH} end");
    let folded: Vec<&str> = title
        .split(sitrep::briefing::is_blank_char)
        .filter(|w| !w.is_empty())
        .collect();
    assert_eq!(
        hostile["title"],
        folded.join(" "),
        "the title is exact data"
    );
    assert_eq!(hostile["source"], HOSTILE);
    // The file name is reported exactly, escapes and all.
    let named = report_where(reports, |p| p.contains("name\x1b[31m"));
    assert_eq!(named["title"], "A headline");
}
