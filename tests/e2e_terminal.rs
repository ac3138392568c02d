//! The real binary in a real terminal (tmux): type an issue in Vietnamese,
//! kill the process with SIGKILL mid-sentence, reopen, and find the form
//! with the text and the cursor where they were.

mod common;

use std::time::Duration;

use common::tmux::{Tmux, signal};
use common::*;
use gavel::domain::Role;
use gavel::store::Store;

const WAIT: Duration = Duration::from_secs(15);

fn console(path: &std::path::Path) -> String {
    console_command(path, "secretary", "lan")
}

#[test]
fn a_form_typed_in_vietnamese_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let created = gavel_command()
        .args(["new", "--demo"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );

    let tmux = Tmux::new("sigkill");
    tmux.start("first", 120, 36, &console(&path));
    tmux.wait_for("first", WAIT, |s| s.contains("Phản ánh, kiến nghị"));
    tmux.keys("first", &["i"]);
    tmux.wait_for("first", WAIT, |s| s.contains("Ghi phản ánh, kiến nghị"));
    tmux.type_text("first", "Đề nghị Sở rút ngắn thời hạn cấp giấy phép");
    // An input method's burst in one write: "vie", DEL, "ệt" → "việt".
    tmux.raw("first", " vie\x7f\u{1ec7}t".as_bytes());
    let typed = "Đề nghị Sở rút ngắn thời hạn cấp giấy phép việt";
    tmux.wait_for("first", WAIT, |s| s.contains(typed));
    // What is on the screen is committed: kill without warning.
    signal(tmux.pane_pid("first"), libc::SIGKILL);
    tmux.wait_gone("first", WAIT);

    let draft = text_draft(&path, "lan", Role::Secretary);
    assert_eq!(draft.form, "issue/new");
    assert_eq!(draft.text, typed);
    assert_eq!(draft.cursor, typed.len());

    tmux.start("second", 120, 36, &console(&path));
    let screen = tmux.wait_for("second", WAIT, |s| s.contains(typed));
    assert!(
        screen.contains("Ghi phản ánh, kiến nghị"),
        "the form is not open:\n{screen}"
    );
    // The cursor is at the end of the text: typing goes on from there.
    tmux.type_text("second", " ngay");
    tmux.wait_for("second", WAIT, |s| s.contains(&format!("{typed} ngay")));
    tmux.keys("second", &["C-s"]);
    tmux.wait_for("second", WAIT, |s| !s.contains("Ghi phản ánh, kiến nghị"));
    tmux.keys("second", &["q"]);

    let store = Store::open(&path, options("lan", Role::Secretary)).unwrap();
    let issue = store.record().issues.values().last().unwrap();
    assert_eq!(issue.text, format!("{typed} ngay"));
    assert!(
        store.drafts().unwrap().is_empty(),
        "drafts are gone once saved"
    );
    assert!(gavel::store::check(&path).unwrap().is_ok());
}

#[test]
fn sigterm_and_sighup_end_the_console_cleanly() {
    let tmux = Tmux::new("signals");
    for (session, sig) in [("term", libc::SIGTERM), ("hup", libc::SIGHUP)] {
        let dir = tempfile::tempdir().unwrap();
        let path = write_demo(&dir, "chair");
        // The shell stays to show what gavel left behind.
        let command = format!("{}; echo EXIT=$?; sleep 30", console(&path));
        tmux.start(session, 100, 30, &format!("sh -c '{command}'"));
        tmux.wait_for(session, WAIT, |s| s.contains("Phản ánh, kiến nghị"));
        tmux.keys(session, &["i"]);
        tmux.type_text(session, "Dở dang");
        tmux.wait_for(session, WAIT, |s| s.contains("Dở dang"));
        let gavel = tmux.pane_program(session);
        signal(gavel, sig);
        let screen = tmux.wait_for(session, WAIT, |s| s.contains("EXIT="));
        assert!(screen.contains("EXIT=0"), "{screen}");
        // The main screen is back: the console's panes are gone.
        assert!(!screen.contains("Phản ánh, kiến nghị"), "{screen}");
        // The title from before gavel, not the meeting's.
        let title = tmux.format(session, "#{pane_title}");
        assert!(
            !title.starts_with("gavel"),
            "{session}: the title is left: {title}"
        );
        let store = Store::open(&path, options("lan", Role::Secretary)).unwrap();
        assert!(
            store.drafts().unwrap().iter().any(|d| d.text == "Dở dang"),
            "{session}"
        );
    }
}

#[test]
fn a_hung_up_terminal_does_not_leave_gavel_running() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let tmux = Tmux::new("hangup");
    tmux.start("gone", 100, 30, &console(&path));
    tmux.wait_for("gone", WAIT, |s| s.contains("Phản ánh, kiến nghị"));
    tmux.keys("gone", &["i"]);
    tmux.type_text("gone", "Mất kết nối");
    tmux.wait_for("gone", WAIT, |s| s.contains("Mất kết nối"));
    let gavel = tmux.pane_pid("gone");
    // The terminal disappears, as when an SSH connection drops.
    drop(tmux);
    let start = std::time::Instant::now();
    while std::path::Path::new(&format!("/proc/{gavel}/status")).exists() && !is_zombie(gavel) {
        assert!(
            start.elapsed() < WAIT,
            "gavel {gavel} is still running after its terminal went away"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let store = Store::open(&path, options("lan", Role::Secretary)).unwrap();
    assert!(
        store
            .drafts()
            .unwrap()
            .iter()
            .any(|d| d.text == "Mất kết nối")
    );
}

fn is_zombie(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|stat| {
            stat.rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z')
        })
        .unwrap_or(true)
}
