//! Two real consoles in tmux on one meeting: what the chair types shows on
//! the secretary's screen, and how fast. Alone in its test binary, so that
//! no other test competes for the two cores while it measures.

mod common;

use std::time::{Duration, Instant};

use common::tmux::Tmux;
use common::*;

const WAIT: Duration = Duration::from_secs(15);

#[test]
fn what_the_chair_types_shows_on_the_secretarys_screen_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let tmux = Tmux::new("propagation");
    tmux.start("chair", 160, 48, &console_command(&path, "chair", "Minh"));
    tmux.start("lan", 160, 48, &console_command(&path, "secretary", "Lan"));
    for session in ["chair", "lan"] {
        tmux.wait_for(session, WAIT, |s| s.contains("Phản ánh, kiến nghị"));
    }
    // The secretary narrows the issues to the ones about to come.
    tmux.keys("lan", &["3", "/"]);
    tmux.type_text("lan", "thay doi so");
    tmux.keys("lan", &["Enter"]);

    let issues_before = 10;
    let mut delays = Vec::new();
    for n in 1..=30 {
        let text = format!("Thay đổi số {n:02}");
        tmux.keys("chair", &["i"]);
        tmux.type_text("chair", &text);
        tmux.wait_for("chair", WAIT, |s| s.contains(&text));
        let sent = Instant::now();
        tmux.keys("chair", &["C-s"]);
        // The pane's count always shows; the text while the rows fit.
        let count = format!("Phản ánh, kiến nghị ({})", issues_before + n);
        tmux.wait_for("lan", WAIT, |s| {
            s.contains(&count) && (n > 18 || s.contains(&text))
        });
        delays.push(sent.elapsed());
    }
    delays.sort();
    let p50 = delays[delays.len() / 2];
    let p99 = delays[delays.len() * 99 / 100];
    eprintln!(
        "chair's save → secretary's screen: p50 {p50:?}, p99 {p99:?}, max {:?}",
        delays.last().unwrap()
    );
    assert!(p99 < Duration::from_millis(500), "p99 {p99:?}: {delays:?}");
    tmux.keys("chair", &["q"]);
    tmux.keys("lan", &["q"]);
}
