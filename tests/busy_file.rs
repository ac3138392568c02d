//! Another program holds the meeting file's write lock for twenty seconds
//! (a `sqlite3` shell left in a transaction, a long import). The console,
//! the real binary in a real terminal, keeps drawing: what is typed shows
//! at once, a banner says the file is busy, a form saved meanwhile waits
//! in order; when the lock is released everything typed is written and
//! `gavel check` passes.

mod common;

use std::time::{Duration, Instant};

use common::tmux::Tmux;
use common::*;
use gavel::domain::Role;
use gavel::store::Store;

const WAIT: Duration = Duration::from_secs(15);
/// "At once": well within what a person notices as a stall.
const AT_ONCE: Duration = Duration::from_secs(1);
const HELD: Duration = Duration::from_secs(20);

/// Waits for `text` on the screen and says how long it took.
fn shows(tmux: &Tmux, text: &str) -> Duration {
    let start = Instant::now();
    tmux.wait_for("lan", WAIT, |s| s.contains(text));
    start.elapsed()
}

#[test]
fn a_write_lock_held_twenty_seconds_stalls_nothing_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let issues = Store::open(&path, options("x", Role::Observer))
        .unwrap()
        .record()
        .issues
        .len();
    let tmux = Tmux::new("busy");
    tmux.start("lan", 120, 36, &console_command(&path, "secretary", "lan"));
    tmux.wait_for("lan", WAIT, |s| s.contains("Phản ánh, kiến nghị"));

    // Another program takes the write lock.
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let held = Instant::now();

    tmux.keys("lan", &["i"]);
    assert!(shows(&tmux, "Ghi phản ánh, kiến nghị") < AT_ONCE);
    assert!(shows(&tmux, "TỆP ĐANG BẬN") < AT_ONCE, "no banner");
    let first = "Câu hỏi thứ nhất, gõ khi tệp bận";
    tmux.type_text("lan", first);
    let waited = shows(&tmux, first);
    assert!(waited < AT_ONCE, "typing showed after {waited:?}");
    // Saved while the lock is held: it waits, in order; the form closes.
    tmux.keys("lan", &["C-s"]);
    let start = Instant::now();
    tmux.wait_for("lan", WAIT, |s| !s.contains("Ghi phản ánh, kiến nghị"));
    assert!(start.elapsed() < AT_ONCE);
    // A second form, typed on and on while the lock stays held.
    tmux.keys("lan", &["i"]);
    let mut second = String::from("Câu hỏi thứ hai");
    tmux.type_text("lan", &second);
    assert!(shows(&tmux, &second) < AT_ONCE);
    let mut round = 0;
    while held.elapsed() < HELD {
        round += 1;
        // Short, so the whole text stays on one line of the field.
        let more = format!(" k{round}");
        tmux.type_text("lan", &more);
        second.push_str(&more);
        let waited = shows(&tmux, &more);
        assert!(
            waited < AT_ONCE,
            "round {round}: typing showed after {waited:?}"
        );
        let screen = tmux.screen("lan");
        assert!(
            screen.contains("TỆP ĐANG BẬN"),
            "the banner went:\n{screen}"
        );
        std::thread::sleep(Duration::from_secs(2));
    }

    // The lock is released: what waited is written, in order.
    holder.execute_batch("COMMIT").unwrap();
    drop(holder);

    tmux.wait_for("lan", WAIT, |s| {
        !s.contains("TỆP ĐANG BẬN") && s.contains("đã lưu #")
    });
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    let texts: Vec<&str> = store
        .record()
        .issues
        .values()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(texts.len(), issues + 1);
    assert_eq!(texts.last(), Some(&first));
    let drafts = store.drafts_of("lan").unwrap();
    assert!(
        drafts.iter().any(|d| d.field == "text" && d.text == second),
        "the second form's text is not in the file: {drafts:?}"
    );
    drop(store);

    tmux.keys("lan", &["C-s"]);
    tmux.wait_for("lan", WAIT, |s| !s.contains("Ghi phản ánh, kiến nghị"));
    tmux.keys("lan", &["q"]);
    assert!(tmux.wait_gone("lan", WAIT));
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    let last: Vec<&str> = store
        .record()
        .issues
        .values()
        .rev()
        .take(2)
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(last, [second.as_str(), first]);
    assert!(store.drafts_of("lan").unwrap().is_empty());
    let (code, out, err) = finished(gavel_command().arg("check").arg(&path));
    assert_eq!(code, Some(0), "{out}{err}");
}
