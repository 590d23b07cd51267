//! End to end: the real binary in a real terminal (tmux), on the shipped `briefings/`.
//! The four panes show, search and help work, and `q`, SIGTERM and SIGHUP give back a
//! usable shell.
//!
//! Without tmux the test prints a note and passes, unless `CI` is set: CI installs tmux,
//! so there a missing tmux is a failure.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A private tmux server with one 120x40 window running `sh`, killed on drop.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(dir: &Path, config_home: &Path) -> Tmux {
        let tmux = Tmux {
            socket: format!("sitrep-e2e-{}", std::process::id()),
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
        let deadline = Instant::now() + Duration::from_secs(30);
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

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn reader_in_a_real_terminal() {
    if !tmux_available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required in CI (install it in .ci/run)"
        );
        eprintln!("note: tmux is not installed, so the end-to-end reader test is skipped");
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config_home = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(repo, config_home.path());
    tmux.wait_for_prompt();
    tmux.type_text(&format!("{} briefings", env!("CARGO_BIN_EXE_sitrep")));
    tmux.send(&["Enter"]);

    let screen = tmux.wait_for("Claims ◀─▶ denials");
    for pane in ["Briefings", "Article", "Quotes", "Claims ◀─▶ denials"] {
        assert!(screen.contains(pane), "{pane} not on screen:\n{screen}");
    }
    assert!(screen.contains("Sergei Ryabkov · Russia"), "{screen}");

    tmux.type_text("/Ryabkov");
    tmux.send(&["Enter"]);
    tmux.wait_for("/Ryabkov 1/");
    tmux.type_text("n");
    tmux.wait_for("/Ryabkov 2/");

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
