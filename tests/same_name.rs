//! Chair and secretary both forget `--as` (one account on the machine, the
//! README's simplest setup): two consoles under one name. The second is
//! told so and keeps its drafts apart; both type, both are killed; both
//! texts are in the file, and each comes back in a console of that name.

mod common;

use std::time::Duration;

use common::tmux::{Tmux, signal};
use common::*;
use gavel::domain::Role;
use gavel::store::Store;

const WAIT: Duration = Duration::from_secs(15);

#[test]
fn two_consoles_under_one_name_both_killed_lose_neither_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let tmux = Tmux::new("samename");
    let console = || console_command(&path, "secretary", "lan");
    tmux.start("one", 120, 36, &console());
    tmux.wait_for("one", WAIT, |s| s.contains("bạn: lan (thư ký)"));
    tmux.start("two", 120, 36, &console());
    // The second is told, and is console 2 of that name.
    let screen = tmux.wait_for("two", WAIT, |s| s.contains("bạn: lan (bảng 2) (thư ký)"));
    assert!(screen.contains("lan đang mở ở"), "{screen}");

    let (first, second) = ("Chủ trì gõ dở câu này", "Thư ký gõ dở câu khác");
    for (session, text) in [("one", first), ("two", second)] {
        tmux.keys(session, &["i"]);
        tmux.wait_for(session, WAIT, |s| s.contains("Ghi phản ánh, kiến nghị"));
        tmux.type_text(session, text);
    }
    for (session, text) in [("one", first), ("two", second)] {
        tmux.wait_for(session, WAIT, |s| s.contains(text));
        // Each sees the other typing.
        tmux.wait_for(session, WAIT, |s| s.contains("đang ghi phản ánh"));
    }
    for session in ["one", "two"] {
        signal(tmux.pane_pid(session), libc::SIGKILL);
        assert!(tmux.wait_gone(session, WAIT));
    }

    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    let texts: Vec<(u32, String)> = store
        .drafts_of("lan")
        .unwrap()
        .into_iter()
        .filter(|d| d.field == "text")
        .map(|d| (d.console, d.text))
        .collect();
    assert!(texts.contains(&(1, first.to_string())), "{texts:?}");
    assert!(texts.contains(&(2, second.to_string())), "{texts:?}");
    drop(store);

    // Reopened, each console of that name gets its own form back.
    // (Names that are not the start of one another: tmux matches prefixes.)
    tmux.start("three", 120, 36, &console());
    tmux.wait_for("three", WAIT, |s| s.contains(first));
    tmux.start("four", 120, 36, &console());
    tmux.wait_for("four", WAIT, |s| s.contains(second));
    for session in ["three", "four"] {
        tmux.keys(session, &["C-s"]);
        tmux.wait_for(session, WAIT, |s| !s.contains("Ghi phản ánh, kiến nghị"));
        tmux.keys(session, &["q"]);
        assert!(tmux.wait_gone(session, WAIT), "{}", tmux.screen(session));
    }
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    let issues: Vec<&str> = store
        .record()
        .issues
        .values()
        .map(|i| i.text.as_str())
        .collect();
    assert!(
        issues.contains(&first) && issues.contains(&second),
        "{issues:?}"
    );
    assert!(store.drafts_of("lan").unwrap().is_empty());
}

/// The second console opens while another program holds the file: it
/// cannot claim its number yet, so it writes nothing — what it types waits
/// — until it can; then its text goes under its own number, and the first
/// console's unfinished text is untouched.
#[test]
fn a_console_that_opens_on_a_busy_file_writes_nothing_before_it_has_its_number() {
    use gavel::i18n::Lang;
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let open = || {
        let store = Store::open(&path, fast_options("lan", Role::Secretary)).unwrap();
        App::live(store, Lang::Vi, demo_now())
    };
    let mut first = open();
    keys(&mut first, "iCủa bảng thứ nhất");

    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut second = open();
    keys(&mut second, "iCủa bảng thứ hai");
    assert!(second.last_screen().contains("TỆP ĐANG BẬN"));
    let texts = |path: &std::path::Path| -> Vec<(u32, String)> {
        let store = Store::open(path, options("x", Role::Observer)).unwrap();
        let mut texts: Vec<(u32, String)> = store
            .drafts_of("lan")
            .unwrap()
            .into_iter()
            .filter(|d| d.field == "text")
            .map(|d| (d.console, d.text))
            .collect();
        texts.sort();
        texts
    };
    assert_eq!(texts(&path), [(1, "Của bảng thứ nhất".to_string())]);

    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    second.tick(demo_now());
    assert_eq!(
        texts(&path),
        [
            (1, "Của bảng thứ nhất".to_string()),
            (2, "Của bảng thứ hai".to_string())
        ]
    );
    assert!(second.last_screen().contains("bảng 2"));
    drop(first);
}
