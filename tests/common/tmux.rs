//! Driving the real binary in a real terminal: a tmux server of the test's
//! own (its own socket), keys sent with `send-keys`, the screen read with
//! `capture-pane`.
#![allow(dead_code)]

use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// A private tmux server; fails clearly when tmux is not installed.
    pub fn new(name: &str) -> Tmux {
        let found = Command::new("tmux").arg("-V").output();
        assert!(
            found.is_ok_and(|o| o.status.success()),
            "tmux is needed for the end-to-end tests (apt-get install tmux; .ci/run does it)"
        );
        Tmux {
            socket: format!("gavel-test-{name}-{}", std::process::id()),
        }
    }

    fn tmux(&self, args: &[&str]) -> Output {
        super::hermetic(&mut Command::new("tmux"))
            .args(["-u", "-L", &self.socket])
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// Starts `command` in a new session of the given size.
    pub fn start(&self, session: &str, width: u16, height: u16, command: &str) {
        let output = self.tmux(&[
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            command,
        ]);
        assert!(
            output.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// Types text as it is (UTF-8, no key names).
    pub fn type_text(&self, session: &str, text: &str) {
        self.tmux(&["send-keys", "-t", session, "-l", text]);
    }

    /// Sends keys by tmux name ("Enter", "Escape", "C-s", "BSpace").
    pub fn keys(&self, session: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", session];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Sends raw bytes, as an input method does in one write.
    pub fn raw(&self, session: &str, bytes: &[u8]) {
        let hex: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let mut args = vec!["send-keys", "-t", session, "-H"];
        args.extend(hex.iter().map(String::as_str));
        self.tmux(&args);
    }

    pub fn screen(&self, session: &str) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", session]).stdout)
            .into_owned()
    }

    /// The screen with its colours and attributes as escape sequences.
    pub fn screen_with_styles(&self, session: &str) -> String {
        String::from_utf8_lossy(
            &self
                .tmux(&["capture-pane", "-e", "-p", "-t", session])
                .stdout,
        )
        .into_owned()
    }

    /// Waits until the screen satisfies `ready`; panics with the screen
    /// after `timeout`.
    pub fn wait_for(
        &self,
        session: &str,
        timeout: Duration,
        ready: impl Fn(&str) -> bool,
    ) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen(session);
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > timeout {
                panic!("timed out waiting on session {session}; the screen was:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Waits until the session has ended (its program quit); whether it did
    /// within `timeout`.
    pub fn wait_gone(&self, session: &str, timeout: Duration) -> bool {
        let start = Instant::now();
        while self.has_session(session) {
            if start.elapsed() > timeout {
                return false;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        true
    }

    /// The pid of the program running in the session's pane.
    pub fn pane_pid(&self, session: &str) -> i32 {
        let output = self.tmux(&["display-message", "-p", "-t", session, "#{pane_pid}"]);
        String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse()
            .expect("pane pid")
    }

    /// The program the pane's shell runs (its first child: gavel under
    /// the shell), waited for up to 15 seconds.
    pub fn pane_program(&self, session: &str) -> i32 {
        let shell = self.pane_pid(session);
        let start = Instant::now();
        loop {
            let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
                .unwrap_or_default();
            if let Some(child) = children.split_whitespace().next() {
                return child.parse().unwrap();
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "no child of {shell}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn has_session(&self, session: &str) -> bool {
        self.tmux(&["has-session", "-t", session]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// Sends a signal to a process.
pub fn signal(pid: i32, signal: i32) {
    // SAFETY: kill(2) has no memory effects; a stale pid is harmless here.
    let result = unsafe { libc::kill(pid, signal) };
    assert_eq!(result, 0, "kill({pid}, {signal}) failed");
}

impl Tmux {
    /// A tmux format value of a session's pane (e.g. "#{pane_title}").
    pub fn format(&self, session: &str, format: &str) -> String {
        let output = self.tmux(&["display-message", "-p", "-t", session, format]);
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    /// Pastes bytes as a terminal paste (bracketed, when the program asked
    /// for it): the way a person pastes hostile text.
    pub fn paste(&self, session: &str, text: &str) {
        let file =
            std::env::temp_dir().join(format!("gavel-paste-{}-{session}", std::process::id()));
        std::fs::write(&file, text).unwrap();
        self.tmux(&["load-buffer", "-b", "gavel-paste", file.to_str().unwrap()]);
        self.tmux(&[
            "paste-buffer",
            "-p",
            "-d",
            "-b",
            "gavel-paste",
            "-t",
            session,
        ]);
        let _ = std::fs::remove_file(file);
    }

    /// The names of tmux's paste buffers (an OSC 52 clipboard write would
    /// add one when set-clipboard is on).
    pub fn buffers(&self) -> Vec<String> {
        let output = self.tmux(&["list-buffers", "-F", "#{buffer_name}"]);
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// From now on, what the program in the pane writes to its terminal
    /// also goes to `command`'s standard input (`cat >> FILE`).
    pub fn pipe_pane(&self, session: &str, command: &str) {
        let output = self.tmux(&["pipe-pane", "-O", "-t", session, command]);
        assert!(
            output.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    pub fn set_option(&self, option: &str, value: &str) {
        self.tmux(&["set-option", "-g", option, value]);
    }
}

impl Tmux {
    pub fn resize(&self, session: &str, width: u16, height: u16) {
        self.tmux(&[
            "resize-window",
            "-t",
            session,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }
}
