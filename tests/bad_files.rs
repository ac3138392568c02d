//! Files gavel must refuse: each gives a one-line error naming the file and
//! the problem, a non-zero exit, and the file stays byte-for-byte as it was.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use gavel::domain::Role;
use gavel::store::{Store, StoreError};

/// A real meeting file with a few entries, closed (WAL checkpointed).
fn real_meeting(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    let path = dir.path().join(name);
    let mut store = new_meeting(&path);
    for i in 0..200 {
        store
            .execute(issue(&format!(
                "Kiến nghị số {i}: {}",
                "thủ tục ".repeat(20)
            )))
            .unwrap();
    }
    drop(store);
    assert!(!Path::new(&format!("{}-wal", path.display())).exists());
    path
}

/// Runs every command that opens a file and checks the refusal.
fn assert_refused(path: &Path, problem: &str) {
    let before = fs::read(path).unwrap();
    for args in [&["check"][..], &["log"][..]] {
        let output = gavel_command().args(args).arg(path).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !output.status.success(),
            "{args:?} accepted {}",
            path.display()
        );
        assert_eq!(stderr.lines().count(), 1, "not one line: {stderr}");
        assert!(
            stderr.contains(&path.display().to_string()),
            "file not named: {stderr}"
        );
        assert!(
            stderr.contains(problem),
            "expected {problem:?} in: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    // Opening it to write (as the chair) is refused too.
    let error = Store::open(path, options("chair", Role::Chair))
        .err()
        .expect("refused");
    assert!(error.to_string().contains(problem), "{error}");
    assert_eq!(
        fs::read(path).unwrap(),
        before,
        "{} was changed",
        path.display()
    );
}

#[test]
fn a_file_that_is_not_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.gavel");
    fs::write(&path, "Biên bản hội nghị\n".repeat(50)).unwrap();
    assert_refused(&path, "not a SQLite database");
}

#[test]
fn an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.gavel");
    fs::write(&path, "").unwrap();
    assert_refused(&path, "empty");
}

#[test]
fn a_truncated_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let path = real_meeting(&dir, "cut.gavel");
    let bytes = fs::read(&path).unwrap();
    fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    assert_refused(&path, "truncated");
}

#[test]
fn a_damaged_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let path = real_meeting(&dir, "damaged.gavel");
    let mut bytes = fs::read(&path).unwrap();
    // Keep page 1 (header and schema), scribble over everything else.
    let page_size = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    for (i, byte) in bytes.iter_mut().enumerate().skip(page_size) {
        *byte = (i * 7 % 251) as u8;
    }
    fs::write(&path, &bytes).unwrap();
    assert_refused(&path, "damaged");
}

#[test]
fn a_database_of_another_program() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Lan');")
        .unwrap();
    drop(conn);
    assert_refused(&path, "another program");
}

#[test]
fn a_meeting_from_a_newer_gavel() {
    let dir = tempfile::tempdir().unwrap();
    let path = real_meeting(&dir, "newer.gavel");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    assert_refused(&path, "newer gavel");
}

#[test]
fn a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.gavel");
    let output = gavel_command().arg("check").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no such file"));
    assert!(!path.exists(), "check created the file");
}

#[test]
fn new_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keep.txt");
    fs::write(&path, "do not touch").unwrap();
    let output = gavel_command()
        .args(["new", "--title", "X"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("already exists"));
    assert_eq!(fs::read_to_string(&path).unwrap(), "do not touch");
    assert!(matches!(
        Store::create(
            &path,
            options("c", Role::Chair),
            details("X"),
            gavel::store::Sharing::Private
        ),
        Err(StoreError::AlreadyExists)
    ));
}

#[test]
fn new_files_are_private_or_group_shared() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    for (name, extra, mode) in [
        ("private.gavel", None, 0o600),
        ("group.gavel", Some("--group"), 0o660),
    ] {
        let path = dir.path().join(name);
        let output = gavel_command()
            .args(["new", "--title", "Đối thoại"])
            .args(extra)
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            mode,
            "{name}"
        );
    }
}

#[test]
fn check_names_a_tampered_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = real_meeting(&dir, "tampered.gavel");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE journal SET actor = 'mallory' WHERE seq = 5", [])
        .unwrap();
    drop(conn);
    let output = gavel_command().arg("check").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&output.stdout).contains("entry 5 was altered"));

    // A projection changed behind the journal's back is caught by the replay.
    let path = real_meeting(&dir, "edited.gavel");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE issues SET text = 'khác' WHERE number = 3", [])
        .unwrap();
    drop(conn);
    let output = gavel_command().arg("check").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&output.stdout).contains("differs from the replay"));
}
