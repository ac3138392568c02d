//! `gavel recover`: applies a recovery file exactly once, only to the
//! meeting it belongs to, as the person running it (with their role, not the
//! one the file claims); recovery files are private to their owner and
//! named unpredictably, never in the shared temporary folder.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::*;
use gavel::domain::{Command, Role};
use gavel::session::recovery::{PendingChange, PendingDraft, Recovery};
use gavel::store::Store;

/// A recovery file for the meeting at `path`: two issues typed while the
/// disk was full, and a form being typed, as `lan` claiming to be the chair.
fn recovery_for(path: &Path, out: &Path) -> PathBuf {
    let store = Store::open(path, options("x", Role::Observer)).unwrap();
    let mut recovery = Recovery::new(path, "lan", Role::Chair, gavel::store::now());
    recovery.meeting_id = store.meeting_id().unwrap();
    for text in [
        "Kiến nghị thứ nhất khi đĩa đầy",
        "Kiến nghị thứ hai khi đĩa đầy",
    ] {
        recovery.changes.push(PendingChange {
            at: gavel::store::now(),
            command: issue(text),
            form: None,
        });
    }
    recovery.drafts.push(PendingDraft {
        form: "issue/new".into(),
        field: "text".into(),
        text: "Đang gõ dở".into(),
        cursor: 4,
    });
    std::fs::write(out, serde_json::to_string(&recovery).unwrap()).unwrap();
    out.to_path_buf()
}

fn recover(path: &Path, file: &Path, extra: &[&str]) -> (Option<i32>, String, String) {
    finished(
        gavel_command()
            .arg("recover")
            .arg(path)
            .arg(file)
            .args(extra)
            .args(["--lang", "en"]),
    )
}

fn issues_with(path: &Path, text: &str) -> usize {
    let store = Store::open(path, options("x", Role::Observer)).unwrap();
    store
        .record()
        .issues
        .values()
        .filter(|i| i.text.contains(text))
        .count()
}

#[test]
fn a_recovery_file_applied_twice_is_applied_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let file = recovery_for(&path, &dir.path().join("r.json"));
    let (code, out, err) = recover(&path, &file, &["--as", "Lan", "--role", "secretary"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("applied 2"), "{out}");
    let seq = Store::open(&path, options("x", Role::Observer))
        .unwrap()
        .record()
        .last_seq;
    let (code, out, err) = recover(&path, &file, &["--as", "Lan", "--role", "secretary"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("applied 0"), "{out}");
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    assert_eq!(store.record().last_seq, seq, "the second run wrote");
    assert_eq!(issues_with(&path, "khi đĩa đầy"), 2);
    // The form being typed came back once, for the person who typed it.
    let drafts = store.drafts_of("lan").unwrap();
    assert_eq!(drafts.iter().filter(|d| d.text == "Đang gõ dở").count(), 1);
}

#[test]
fn a_recovery_file_is_applied_only_to_its_own_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let file = recovery_for(&path, &dir.path().join("r.json"));
    let other = dir.path().join("other.gavel");
    let (code, _, err) = finished(
        gavel_command()
            .args(["new", "--title", "Một cuộc họp khác"])
            .arg(&other),
    );
    assert_eq!(code, Some(0), "{err}");
    let before = std::fs::read(&other).unwrap();
    let (code, _, err) = recover(&other, &file, &[]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("another meeting"), "{err}");
    assert_eq!(std::fs::read(&other).unwrap(), before);
    // Copied elsewhere, the meeting is still the same meeting.
    let copy = dir.path().join("copy.gavel");
    std::fs::copy(&path, &copy).unwrap();
    let (code, _, err) = recover(&copy, &file, &[]);
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn the_journal_records_the_role_of_the_person_running_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let file = dir.path().join("r.json");
    recovery_for(&path, &file);
    // The file claims the chair; a chair's command in it.
    let mut recovery = Recovery::parse(&std::fs::read_to_string(&file).unwrap()).unwrap();
    recovery.changes.push(PendingChange {
        at: gavel::store::now(),
        command: Command::ApproveMinutes,
        form: None,
    });
    std::fs::write(&file, serde_json::to_string(&recovery).unwrap()).unwrap();
    let (code, out, err) = recover(&path, &file, &["--as", "Lan", "--role", "secretary"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("applied 2"), "{out}");
    assert!(
        out.contains("may not"),
        "the chair's command is refused: {out}"
    );
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    let last = store.entries_after(store.record().last_seq - 2).unwrap();
    assert!(
        last.iter()
            .all(|e| e.actor == "Lan" && e.role == Role::Secretary),
        "{last:?}"
    );
    assert!(store.record().meeting.approved_seq.is_none());
}

#[test]
fn recovery_files_are_private_and_not_in_the_shared_temporary_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    let mut recovery = Recovery::new(&path, "lan", Role::Secretary, gavel::store::now());
    recovery.meeting_id = store.meeting_id().unwrap();
    recovery.changes.push(PendingChange {
        at: gavel::store::now(),
        command: issue("Khiếu nại riêng tư của công dân"),
        form: None,
    });
    let first = recovery.write().unwrap();
    let second = recovery.write().unwrap();
    assert_ne!(
        first, second,
        "two files, two names, even in the same second"
    );
    for written in [&first, &second] {
        let mode = std::fs::metadata(written).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", written.display());
        assert_eq!(written.parent(), path.parent());
    }
    // Where the meeting's folder cannot be written: the user's own state
    // folder, never the shared temporary one.
    let places = recovery.places();
    assert_eq!(places.len(), 2, "{places:?}");
    assert!(!places[1].starts_with(std::env::temp_dir()), "{places:?}");
}
