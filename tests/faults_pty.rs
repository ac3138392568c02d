//! Faults in a real terminal (tmux): a panic restores the terminal; SIGKILL,
//! SIGHUP and SIGTERM while typing, many rounds, lose no keystroke that was
//! on screen; hostile text pasted by one person has no effect on another's
//! terminal, and is stored as it was pasted.

mod common;

use std::time::Duration;

use common::tmux::{Tmux, signal};
use common::*;
use gavel::domain::Role;
use gavel::domain::text::clean_text;
use gavel::store::{Store, check};

const WAIT: Duration = Duration::from_secs(15);

#[test]
fn a_panic_restores_the_terminal_and_says_what_happened() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let tmux = Tmux::new("panic");
    let script = format!(
        "echo BEFORE; RUST_BACKTRACE=0 GAVEL_TEST_PANIC_KEY=§ {}; echo EXIT=$?; stty -a | tr \" \" \"\\n\" | grep icanon; sleep 30",
        console_command(&path, "chair", "Minh")
    );
    tmux.start("p", 120, 36, &format!("sh -c '{script}'"));
    tmux.wait_for("p", WAIT, |s| s.contains("Phản ánh, kiến nghị"));
    assert_eq!(tmux.format("p", "#{alternate_on}"), "1");
    tmux.type_text("p", "§");
    // stty writes its line a moment after the shell's EXIT= line.
    let screen = tmux.wait_for("p", WAIT, |s| s.contains("EXIT=") && s.contains("icanon"));
    assert!(
        screen.contains("BEFORE"),
        "the main screen is not back:\n{screen}"
    );
    assert!(
        screen.contains("gavel stopped because of a bug"),
        "{screen}"
    );
    assert!(screen.contains("EXIT=101"), "{screen}");
    let modes: Vec<&str> = screen.lines().filter(|l| l.contains("icanon")).collect();
    assert_eq!(modes, ["icanon"], "the terminal is still raw:\n{screen}");
    assert_eq!(tmux.format("p", "#{alternate_on}"), "0");
    assert_eq!(
        tmux.format("p", "#{cursor_flag}"),
        "1",
        "the cursor is hidden"
    );
    let title = tmux.format("p", "#{pane_title}");
    assert!(!title.starts_with("gavel"), "the title is left: {title}");
}

#[test]
fn signals_while_typing_lose_no_keystroke_that_was_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let tmux = Tmux::new("rounds");
    let mut typed = String::new();
    let words = [
        "Đề nghị ",
        "rút ngắn ",
        "thời hạn ",
        "cấp phép ",
        "bức xạ ",
        "cho ",
        "phòng khám ",
        "tư nhân ",
        "sớm ",
    ];
    // As many words as rounds: a word typed again would be found on the
    // screen before its letters reached gavel, and the signal sent before
    // they were read (they are never on screen, so may be lost).
    let signals = [libc::SIGKILL, libc::SIGHUP, libc::SIGTERM];
    for round in 0..words.len() {
        let session = format!("r{round}");
        tmux.start(
            &session,
            120,
            36,
            &console_command(&path, "secretary", "Lan"),
        );
        if round == 0 {
            tmux.wait_for(&session, WAIT, |s| s.contains("Phản ánh, kiến nghị"));
            tmux.keys(&session, &["i"]);
        }
        // From the second round on, the form is back with what was typed
        // (its last word: the text wraps in the form).
        let last_word = typed.split_whitespace().last().unwrap_or("").to_string();
        tmux.wait_for(&session, WAIT, |s| {
            s.contains("Ghi phản ánh") && s.contains(&last_word)
        });
        let word = words[round];
        for letter in word.chars() {
            tmux.type_text(&session, &letter.to_string());
        }
        typed.push_str(word);
        let shown = word.trim_end().to_string();
        tmux.wait_for(&session, WAIT, |s| s.contains(&shown));
        let sig = signals[round % signals.len()];
        signal(tmux.pane_pid(&session), sig);
        assert!(
            tmux.wait_gone(&session, WAIT),
            "round {round}: gavel did not stop on signal {sig}"
        );
        assert!(check(&path).unwrap().is_ok(), "round {round}");
        let draft = text_draft(&path, "Lan", Role::Secretary);
        assert_eq!(draft.text, typed, "round {round} (signal {sig})");
    }
}

#[test]
fn hostile_text_pasted_by_one_person_has_no_effect_on_anothers_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let tmux = Tmux::new("hostile");
    // If any OSC 52 got through, tmux would make a buffer of it.
    tmux.set_option("set-clipboard", "on");
    // Under 150 columns: Issues is half the width (wider, three panes share
    // the bottom row), so a case's whole name fits in its row.
    tmux.start("chair", 140, 48, &console_command(&path, "chair", "Minh"));
    tmux.start("lan", 160, 48, &console_command(&path, "secretary", "Lan"));
    tmux.wait_for("chair", WAIT, |s| s.contains("Phản ánh, kiến nghị"));
    tmux.wait_for("lan", WAIT, |s| s.contains("Phản ánh, kiến nghị"));
    let title = tmux.format("chair", "#{pane_title}");
    let cases: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/tricky-strings.json"
        ))
        .unwrap(),
    )
    .unwrap();
    for case in cases
        .iter()
        .filter(|c| c["shown"].is_string() && c["text"].is_string())
    {
        let name = case["name"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        let before = Store::open(&path, options("x", Role::Observer))
            .unwrap()
            .record()
            .issues
            .len();
        tmux.keys("lan", &["i"]);
        tmux.wait_for("lan", WAIT, |s| s.contains("Ghi phản ánh"));
        tmux.paste("lan", &format!("{name}: {text}"));
        tmux.keys("lan", &["C-s"]);
        let store_has_it = || {
            Store::open(&path, options("x", Role::Observer))
                .unwrap()
                .record()
                .issues
                .len()
                > before
        };
        let start = std::time::Instant::now();
        while !store_has_it() {
            assert!(start.elapsed() < WAIT, "{name}: the issue was not saved");
            std::thread::sleep(Duration::from_millis(30));
        }
        // The chair's console shows it (the newest issue, selected).
        tmux.keys("chair", &["3", "G"]);
        let screen = tmux.wait_for("chair", WAIT, |s| s.contains(&format!("{name}:")));
        // No effect: the screen is whole (not cleared, nothing overwritten),
        // the title and the clipboard are untouched.
        assert!(
            screen.contains("Chương trình") && screen.contains("Phát biểu"),
            "{name}: panes gone:\n{screen}"
        );
        assert!(
            screen
                .lines()
                .next()
                .unwrap()
                .contains("Hội nghị đối thoại"),
            "{name}: header overwritten:\n{screen}"
        );
        assert_eq!(
            tmux.format("chair", "#{pane_title}"),
            title,
            "{name}: the window title changed"
        );
        assert!(
            tmux.buffers().is_empty(),
            "{name}: the clipboard was written: {:?}",
            tmux.buffers()
        );
        assert!(!screen.contains("REJECTED\n"), "{name}");
        // The record keeps what was pasted (NFC; a pasted CR is a line break).
        let store = Store::open(&path, options("x", Role::Observer)).unwrap();
        let stored = store.record().issues.values().last().unwrap().text.clone();
        let expected = clean_text(&format!("{name}: {text}").replace('\r', "\n"));
        assert_eq!(stored, expected, "{name}");
    }
}

#[test]
fn a_storm_of_resizes_down_to_one_cell_never_breaks_the_console() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let tmux = Tmux::new("resize");
    tmux.start("s", 120, 36, &console_command(&path, "chair", "Minh"));
    tmux.wait_for("s", WAIT, |s| s.contains("Phản ánh, kiến nghị"));
    tmux.keys("s", &["i"]);
    tmux.type_text("s", "Vẫn còn đây");
    let sizes = [
        (1, 1),
        (500, 200),
        (2, 1),
        (59, 15),
        (60, 16),
        (80, 24),
        (3, 40),
        (200, 3),
        (161, 49),
    ];
    for round in 0..4 {
        for (w, h) in sizes {
            tmux.resize("s", w + round, h + round);
        }
    }
    tmux.resize("s", 120, 36);
    // Back at its size, the console is whole again, with the form as typed.
    tmux.wait_for("s", WAIT, |s| {
        s.contains("Vẫn còn đây") && s.contains("Ghi phản ánh") && s.contains("Chương trình")
    });
    tmux.resize("s", 40, 10);
    tmux.wait_for("s", WAIT, |s| s.contains("nhỏ"));
    tmux.resize("s", 120, 36);
    // Save only once the form is back on screen (under load the resize
    // may still be on its way), then wait for the whole console.
    tmux.wait_for("s", WAIT, |s| {
        s.contains("Ghi phản ánh") && s.contains("Vẫn còn đây")
    });
    tmux.keys("s", &["C-s"]);
    tmux.wait_for("s", WAIT, |s| {
        !s.contains("Ghi phản ánh") && s.contains("Chương trình")
    });
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    assert_eq!(
        store.record().issues.values().last().unwrap().text,
        "Vẫn còn đây"
    );
}
