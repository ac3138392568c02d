//! A command that writes first makes sure the file is a healthy gavel
//! meeting: a schema version out of range, another program's database
//! carrying gavel's id, a journal entry that cannot be read, a missing
//! meeting row, a FIFO — each is refused with one line and a hint, without
//! a panic and without a byte written; nothing hangs.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::*;

/// The commands that write to an existing meeting, each with what it needs.
fn writers(dir: &Path) -> Vec<Vec<String>> {
    let people = dir.join("people.csv");
    fs::write(&people, "name,organization\nNguyễn Văn Mới,Công ty Mới\n").unwrap();
    vec![
        vec!["approve".into()],
        vec![
            "followup".into(),
            "--close-issue".into(),
            "1".into(),
            "--ref".into(),
            "12/SKHCN".into(),
        ],
        vec!["import".into(), people.display().to_string()],
    ]
}

/// Every writing command refuses `path` with one line naming it and
/// `problem`, exits 1, and leaves it byte for byte as it was.
fn refused_by_writers(path: &Path, problem: &str) {
    let dir = path.parent().unwrap();
    let before = fs::read(path).unwrap();
    for args in writers(dir) {
        let (code, _, stderr) = finished(
            gavel_command()
                .arg(&args[0])
                .arg(path)
                .args(&args[1..])
                .args(["--as", "Minh"]),
        );
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        assert_eq!(
            stderr.lines().count(),
            1,
            "{args:?}: not one line: {stderr}"
        );
        assert!(
            stderr.contains(problem),
            "{args:?}: {problem:?} not in {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(
            fs::read(path).unwrap(),
            before,
            "{args:?} wrote to the file"
        );
    }
}

/// The demo meeting, closed, copied to `name`.
fn meeting(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    let demo = write_demo(dir, "Minh");
    let path = dir.path().join(name);
    fs::rename(demo, &path).unwrap();
    path
}

#[test]
fn a_schema_version_below_one_is_refused_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    for version in [-1, 0] {
        let path = meeting(&dir, &format!("v{version}.gavel"));
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
        drop(conn);
        refused_by_writers(&path, "schema version");
        let (code, _, stderr) = finished(gavel_command().arg("check").arg(&path));
        assert_eq!(code, Some(1), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
}

#[test]
fn another_programs_database_with_gavels_id_gets_no_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mimic.gavel");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "application_id", 0x6761_766C)
        .unwrap();
    conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Lan');")
        .unwrap();
    drop(conn);
    refused_by_writers(&path, "schema version");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        tables, 1,
        "gavel created its tables in another program's database"
    );
}

#[test]
fn a_file_whose_check_fails_is_not_written_to() {
    let dir = tempfile::tempdir().unwrap();
    // An entry of the journal that cannot be read.
    let path = meeting(&dir, "unreadable.gavel");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE journal SET payload = '{not json' WHERE seq = 40",
        [],
    )
    .unwrap();
    drop(conn);
    refused_by_writers(&path, "gavel check");
    // The meeting row deleted.
    let path = meeting(&dir, "headless.gavel");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("DELETE FROM meeting", []).unwrap();
    drop(conn);
    refused_by_writers(&path, "gavel check");
    // A projection changed behind the journal's back.
    let path = meeting(&dir, "edited.gavel");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE issues SET text = 'khác' WHERE number = 3", [])
        .unwrap();
    drop(conn);
    refused_by_writers(&path, "gavel check");
}

#[test]
fn a_fifo_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.gavel");
    let c_path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: mkfifo with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    for command in [
        &["check"][..],
        &["log"],
        &["approve"],
        &["export", "--format", "md"],
    ] {
        let start = Instant::now();
        let mut child = gavel_command()
            .arg(command[0])
            .arg(&path)
            .args(&command[1..])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > Duration::from_secs(5) {
                child.kill().unwrap();
                panic!("{command:?} hangs on a FIFO");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(status.code(), Some(1), "{command:?}: {stderr}");
        assert!(
            stderr.contains("not a regular file"),
            "{command:?}: {stderr}"
        );
    }
}
