//! End to end: the real binary in a real terminal (tmux), on the shipped `briefings/`.
//! The four panes show, search and help work, `q`, SIGTERM and SIGHUP give back a usable
//! shell, and a briefing written into, rewritten in or deleted from the open folder shows
//! in the list by itself.
//! The reader's cache and state go to temporary folders, never the user's.
//!
//! Without tmux the tests print a note and pass, unless `CI` is set: CI installs tmux,
//! so there a missing tmux is a failure.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A private tmux server with one 120x40 window running `sh`, killed on drop. Its
/// configuration, cache and state folders are inside `config_home`.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(dir: &Path, config_home: &Path) -> Tmux {
        // One server per test: tests run in parallel threads of one process.
        static SERVERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = SERVERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmux = Tmux {
            socket: format!("sitrep-e2e-{}-{n}", std::process::id()),
        };
        let ok = tmux
            .run(&[
                "new-session",
                "-d",
                "-s",
                "e2e",
                "-x",
                "120",
                "-y",
                "40",
                "-c",
                dir.to_str().unwrap(),
                "-e",
                &format!("XDG_CONFIG_HOME={}", config_home.display()),
                "-e",
                &format!("XDG_CACHE_HOME={}", config_home.join("cache").display()),
                "-e",
                &format!("XDG_STATE_HOME={}", config_home.join("state").display()),
                "-e",
                "TERM=xterm-256color",
                "sh",
            ])
            .status
            .success();
        assert!(ok, "tmux could not start a session");
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    fn type_text(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "e2e", "-l", text])
                .status
                .success()
        );
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// Waits until the screen satisfies `done` (a generous limit, since CI machines are
    /// slow; this checks behaviour, not speed).
    fn wait(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        self.wait_within(what, Duration::from_secs(30), done)
    }

    /// Waits up to `limit` until the screen satisfies `done`.
    fn wait_within(&self, what: &str, limit: Duration, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + limit;
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for(&self, needle: &str) -> String {
        self.wait(needle, |s| s.contains(needle))
    }

    /// Waits for the shell's prompt on the last line. The shell prints it only once the
    /// reader has exited, so text typed after it reaches a terminal already back in cooked
    /// mode (text typed while raw mode is still on would keep its raw line endings).
    fn wait_for_prompt(&self) -> String {
        self.wait("the shell's prompt", |s| {
            let last = s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
            matches!(last.trim(), "#" | "$")
        })
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// True when tmux can run `test`. Without tmux the test is skipped with a note, except in
/// CI, which installs tmux: there a missing tmux is a failure.
fn tmux_ready(test: &str) -> bool {
    let available = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required in CI (install it in .ci/run)"
        );
        eprintln!("note: tmux is not installed, so {test} is skipped");
    }
    available
}

/// The reader started on the shipped `briefings/` in a fresh tmux session, with a config
/// folder of its own (the returned folder lives until the session is gone).
fn reader_on_shipped_briefings() -> (tempfile::TempDir, Tmux) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config_home = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(repo, config_home.path());
    tmux.wait_for_prompt();
    tmux.type_text(&format!("{} briefings", env!("CARGO_BIN_EXE_sitrep")));
    tmux.send(&["Enter"]);
    (config_home, tmux)
}

/// A message in the status bar gives way to the key hints by itself after a few seconds,
/// and Ctrl-C leaves the reader even while the `/` prompt is open.
#[test]
fn messages_fade_and_ctrl_c_quits_from_a_prompt() {
    if !tmux_ready("the end-to-end message and Ctrl-C test") {
        return;
    }
    let (_config_home, tmux) = reader_on_shipped_briefings();
    tmux.wait_for("Claims ◀─▶ denials");
    tmux.type_text("o");
    tmux.wait_for("briefings by date, newest first");
    tmux.wait_within(
        "the message to give way to the hints",
        Duration::from_secs(15),
        |s| !s.contains("briefings by date, newest first") && s.contains("? help"),
    );
    tmux.type_text("/Mosc");
    tmux.wait_for("/Mosc");
    tmux.send(&["C-c"]);
    let back = tmux.wait_for_prompt();
    assert!(
        !back.contains("Briefings"),
        "the reader's screen is gone:\n{back}"
    );
}

#[test]
fn reader_in_a_real_terminal() {
    if !tmux_ready("the end-to-end reader test") {
        return;
    }
    let (config_home, tmux) = reader_on_shipped_briefings();

    let screen = tmux.wait_for("Claims ◀─▶ denials");
    for pane in ["Briefings", "Article", "Quotes", "Claims ◀─▶ denials"] {
        assert!(screen.contains(pane), "{pane} not on screen:\n{screen}");
    }
    assert!(screen.contains("Sergei Ryabkov · Russia"), "{screen}");

    tmux.type_text("/Moscow");
    tmux.send(&["Enter"]);
    tmux.wait_for("/Moscow 1/");
    tmux.type_text("n");
    tmux.wait_for("/Moscow 2/");

    tmux.type_text("?");
    tmux.wait("the help to list the keys", |s| {
        s.contains("every key") && s.contains("next search hit") && s.contains("closes")
    });
    tmux.send(&["Escape"]);
    tmux.wait("help to close", |s| {
        !s.contains("every key") && s.contains("Claims ◀─▶ denials")
    });

    tmux.type_text("q");
    let back = tmux.wait_for_prompt();
    assert!(
        !back.contains("Briefings"),
        "the reader's screen is gone:\n{back}"
    );
    assert!(
        back.contains("briefings"),
        "the shell's own screen is back:\n{back}"
    );
    tmux.type_text(
        "stty -a | grep -q -e -icanon -e '-echo ' && echo STILL-RAW || echo COOKED-$((40+2))",
    );
    tmux.send(&["Enter"]);
    let answered = |s: &str, word: &str| s.lines().any(|l| l.trim() == word);
    let after = tmux.wait("the shell to answer", |s| {
        answered(s, "COOKED-42") || answered(s, "STILL-RAW")
    });
    assert!(
        answered(&after, "COOKED-42"),
        "the terminal was left raw:\n{after}"
    );

    // SIGTERM and SIGHUP (a dropped SSH session) restore the terminal and exit with
    // 128 + the signal's number.
    let pid_file = config_home.path().join("pid");
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        tmux.type_text(&format!(
            "clear; sh -c 'echo $$ > {}; exec {} briefings'; echo EXIT-$?",
            pid_file.display(),
            env!("CARGO_BIN_EXE_sitrep")
        ));
        tmux.send(&["Enter"]);
        tmux.wait_for("Claims ◀─▶ denials");
        let pid = std::fs::read_to_string(&pid_file).unwrap();
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), pid.trim()])
            .status()
            .unwrap();
        assert!(killed.success());
        let exit = format!("EXIT-{code}");
        tmux.wait(&format!("the reader to exit on SIG{signal}"), |s| {
            answered(s, &exit)
        });
        tmux.wait_for_prompt();
        tmux.type_text(&format!(
            "stty -a | grep -q -e -icanon -e '-echo ' && echo STILL-RAW || echo COOKED-{signal}"
        ));
        tmux.send(&["Enter"]);
        let cooked = format!("COOKED-{signal}");
        let after = tmux.wait("the shell to answer", |s| {
            answered(s, &cooked) || answered(s, "STILL-RAW")
        });
        assert!(
            answered(&after, &cooked),
            "SIG{signal} left the terminal raw:\n{after}"
        );
    }
}

/// Writes the bad-input matrix (in sizes a debug build reads quickly) and a hostile
/// briefing beside the seed; returns the broken files with the reason each must show.
fn bad_input_folder(dir: &Path) -> Vec<(&'static str, &'static str)> {
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/000_2b1845f26494101a.txt"),
        dir.join("000_seed.txt"),
    )
    .unwrap();
    write("empty.txt", b"");
    write("blank.txt", b" \n\t\n");
    write("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
    write("open.md", b"+++\ntitle = \"never closed\"\n\nBody.\n");
    write("wrong.md", b"+++\ntags = 3\n+++\nBody.\n");
    write(
        "stray.txt",
        b"Stray byte \xff here\n\nThe envoy said it was calm.\n",
    );
    write(
        "legacy.txt",
        b"Caf\xe9 talks\n\nHe said \x93no deal\x94 today.\n",
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Wide talks\n\nThey said “yes”.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    write("utf16.txt", &utf16);
    write("oneword.txt", "x".repeat(1_000_000).as_bytes());
    write("many.txt", "Many\n\n".repeat(10_000).as_bytes());
    write(
        "hostile.md",
        b"+++\ntitle = \"Hostile \\u001b]0;PWNED\\u0007\\u001b]52;c;cHduZWQ=\\u0007\\u001b[2J\\u001b[31mred\"\n+++\n\
          \xe2\x80\x9cGive up\x1b[5m,\xe2\x80\x9d said Ivan\xe2\x80\xae Petrov.\n",
    );
    std::os::unix::fs::symlink("loop.txt", dir.join("loop.txt")).unwrap();
    let fifo = Command::new("mkfifo").arg(dir.join("pipe.txt")).status();
    assert!(fifo.is_ok_and(|s| s.success()));
    vec![
        ("empty.txt", "empty file"),
        ("blank.txt", "empty file"),
        ("photo.txt", "binary file"),
        ("open.md", "never closed"),
        ("wrong.md", "invalid type"),
        ("loop.txt", "symbolic links"),
        ("pipe.txt", "not a regular file"),
    ]
}

#[test]
fn reader_on_the_bad_input_matrix() {
    if !tmux_ready("the bad-input reader test") {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let broken = bad_input_folder(folder.path());
    let config_home = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(folder.path(), config_home.path());
    assert!(
        tmux.run(&["resize-window", "-t", "e2e", "-x", "220", "-y", "60"])
            .status
            .success()
    );
    tmux.wait_for_prompt();
    tmux.type_text(&format!("{} .", env!("CARGO_BIN_EXE_sitrep")));
    tmux.send(&["Enter"]);
    // The list is on screen at once; titles and errors fill in as the background reading
    // gets to each file, and the status bar says "reading" until it is done.
    let first = tmux.wait("every file read", |s| {
        s.contains("Claims ◀─▶ denials") && !s.contains("reading")
    });
    // The seed comes first and reads normally.
    assert!(
        first.contains("Sergei Ryabkov · Russia") && first.contains("Joint Chiefs chairman"),
        "{first}"
    );
    // Walk the whole list, collecting what it shows: after each `j`, the screen once the
    // selection has moved (a fixed pause missed a redraw on a loaded machine), until it
    // stops moving at the end of the list.
    let selected = |s: &str| s.lines().find(|l| l.contains("▶ ")).map(str::to_string);
    let mut seen = first;
    let mut last = selected(&seen);
    for _ in 0..40 {
        tmux.type_text("j");
        let deadline = Instant::now() + Duration::from_secs(3);
        let screen = loop {
            let screen = tmux.screen();
            if selected(&screen) != last || Instant::now() > deadline {
                break screen;
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let now = selected(&screen);
        seen.push_str(&screen);
        if now == last {
            break;
        }
        last = now;
    }
    for title in ["Stray byte ÿ here", "Café talks", "Wide talks", "Many"] {
        assert!(seen.contains(title), "{title} is not listed:\n{seen}");
    }
    for (name, reason) in &broken {
        assert!(
            seen.lines().any(|l| l.contains(&format!("✗ {name}"))),
            "{name} is not marked broken:\n{seen}"
        );
        assert!(seen.contains(reason), "{name}: no {reason:?} on screen");
    }
    assert!(
        seen.contains("Hostile ^[]0;PWNED^G"),
        "escapes are shown visibly"
    );
    // Nothing the hostile file holds took effect: no title change, no clipboard write, no
    // operating-system command in what the pane holds, styled.
    let title = tmux.run(&["display-message", "-p", "-t", "e2e", "#{pane_title}"]);
    assert!(!String::from_utf8_lossy(&title.stdout).contains("PWNED"));
    let buffers = tmux.run(&["list-buffers"]);
    assert!(String::from_utf8_lossy(&buffers.stdout).trim().is_empty());
    let styled = tmux.run(&["capture-pane", "-p", "-e", "-t", "e2e"]).stdout;
    let styled = String::from_utf8_lossy(&styled);
    assert!(
        !styled.contains("\x1b]") && !styled.contains("\x1b[5m"),
        "{styled:?}"
    );
    tmux.type_text("q");
    tmux.wait_for_prompt();
}

/// A terminal that vanishes (the tmux server killed, as when an SSH session drops without a
/// hang-up signal reaching the reader) ends the reader instead of leaving it spinning on an
/// input that only reads end-of-file.
#[test]
fn the_reader_ends_when_its_terminal_disappears() {
    if !tmux_ready("the vanishing terminal test") {
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config_home = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(dir, config_home.path());
    let pid_file = config_home.path().join("pid");
    tmux.type_text(&format!(
        "sh -c 'echo $$ > {}; exec {} briefings'",
        pid_file.display(),
        env!("CARGO_BIN_EXE_sitrep")
    ));
    tmux.send(&["Enter"]);
    tmux.wait_for("Claims ◀─▶ denials");
    let pid = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .to_string();
    assert!(tmux.run(&["kill-server"]).status.success());
    let proc_dir = std::path::PathBuf::from(format!("/proc/{pid}"));
    let gone = (0..100).any(|_| {
        std::thread::sleep(Duration::from_millis(50));
        // Gone, or a zombie waiting for its (already dead) parent to reap it.
        std::fs::read_to_string(proc_dir.join("stat"))
            .map_or(true, |stat| stat.split_whitespace().nth(2) == Some("Z"))
    });
    if !gone {
        let _ = Command::new("kill").args(["-9", &pid]).status();
    }
    assert!(gone, "the reader kept running after its terminal went away");
}

/// The live reload promise: a briefing written into the open folder is listed within a
/// second or two, without a restart, shows its new title when rewritten, and leaves the
/// list when it is deleted.
#[test]
fn new_briefings_appear_in_the_list_by_themselves() {
    if !tmux_ready("the live reload test") {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/000_2b1845f26494101a.txt"),
        folder.path().join("000_seed.txt"),
    )
    .unwrap();
    let config_home = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(folder.path(), config_home.path());
    tmux.wait_for_prompt();
    tmux.type_text(&format!("{} .", env!("CARGO_BIN_EXE_sitrep")));
    tmux.send(&["Enter"]);
    tmux.wait("the reader with the seed read", |s| {
        s.contains("Claims ◀─▶ denials") && s.contains("5 quotes") && !s.contains("reading")
    });

    let added = folder.path().join("001_geneva.txt");
    let written = Instant::now();
    std::fs::write(
        &added,
        "Ceasefire talks resume in Geneva\n\nDelegates met on Monday, an envoy said.\n",
    )
    .unwrap();
    let limit = Duration::from_millis(2500);
    let screen = tmux.wait_within("the new briefing in the list", limit, |s| {
        s.contains("Ceasefire talks resume")
    });
    eprintln!(
        "a new briefing was listed {:?} after it was written",
        written.elapsed()
    );
    assert!(screen.contains("Briefings 2"), "{screen}");

    std::fs::write(
        &added,
        "Ceasefire talks collapse in Geneva\n\nDelegates left on Tuesday, an envoy said.\n",
    )
    .unwrap();
    tmux.wait_within("the changed briefing's new title", limit, |s| {
        s.contains("Ceasefire talks collapse") && !s.contains("Ceasefire talks resume")
    });

    std::fs::remove_file(&added).unwrap();
    tmux.wait_within("the deleted briefing to leave the list", limit, |s| {
        !s.contains("Ceasefire talks resume") && s.contains("Briefings 1")
    });
    tmux.type_text("q");
    tmux.wait_for_prompt();
    let cache = config_home.path().join("cache/sitrep");
    assert!(
        std::fs::read_dir(&cache).is_ok_and(|mut d| d.next().is_some()),
        "the reader saved its cache on quit, in the test's own folder"
    );
}

#[test]
fn the_reader_opens_again_where_the_analyst_stopped() {
    if !tmux_ready("the resume test") {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
    for entry in std::fs::read_dir(&shipped).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.path().join(path.file_name().unwrap())).unwrap();
    }
    let config_home = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(folder.path(), config_home.path());
    // Only the open briefing's article shows its alternate headline.
    let kobani = "Kurdish commanders deny Kobani fighter captured";
    let start = || {
        tmux.wait_for_prompt();
        tmux.type_text(&format!("{} .", env!("CARGO_BIN_EXE_sitrep")));
        tmux.send(&["Enter"]);
        tmux.wait("the reader", |s| s.contains("Claims ◀─▶ denials"))
    };
    let first = start();
    assert!(
        !first.contains(kobani),
        "a first start opens the first briefing"
    );
    tmux.type_text("]]");
    tmux.wait_for(kobani);
    tmux.type_text("q");
    let again = start();
    let again = if again.contains(kobani) {
        again
    } else {
        tmux.wait_for(kobani)
    };
    assert!(again.contains("3/4"), "{again}");
    tmux.type_text("[[q");
    let third = start();
    std::thread::sleep(Duration::from_millis(300));
    assert!(!tmux.screen().contains(kobani), "{third}");
    tmux.type_text("q");
    tmux.wait_for_prompt();
}
