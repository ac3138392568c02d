//! `gavel import MEETING people.csv` with the lists real offices send: long
//! ones (in linear time).

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::*;
use gavel::domain::{Command, Role};
use gavel::plans;
use gavel::store::Store;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    finished(gavel_command().args(args))
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A new, empty meeting in `dir`.
fn new_meeting_file(dir: &tempfile::TempDir) -> PathBuf {
    let path = meeting_path(dir);
    let (code, _, err) = run(&["new", s(&path), "--title", "Đối thoại"]);
    assert_eq!(code, Some(0), "{err}");
    path
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn names(path: &Path) -> Vec<(String, String)> {
    Store::open(path, options("reader", Role::Observer))
        .unwrap()
        .record()
        .participants
        .values()
        .map(|p| (p.name.clone(), p.organization.clone()))
        .collect()
}

// ---- 1. Linear time ------------------------------------------------------

/// Runs `gavel import` and gives up (killing it) after `limit`, so that a
/// slow import fails the test quickly instead of running for minutes.
fn import_within(path: &Path, csv: &Path, limit: Duration) -> (Duration, String) {
    let start = Instant::now();
    let mut child = gavel_command()
        .args(["import", s(path), s(csv)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("the import took more than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let elapsed = start.elapsed();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        elapsed,
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn twenty_thousand_people_import_in_well_under_a_few_seconds() {
    const ROWS: usize = 20_000;
    let dir = tempfile::tempdir().unwrap();
    let path = new_meeting_file(&dir);
    let mut text = String::from("Họ và tên;Đơn vị;Vai trò\n");
    for i in 0..ROWS {
        text.push_str(&format!(
            "Nguyễn Thị Người Số {i};Công ty Hoàng Long {};công dân\n",
            i % 700
        ));
    }
    let csv = write(&dir, "many.csv", text.as_bytes());
    // Quadratic, this took minutes; linear, about half a second in release
    // on a 2-core machine. A debug build is some ten times slower.
    let limit = if cfg!(debug_assertions) {
        Duration::from_secs(60)
    } else {
        Duration::from_secs(4)
    };

    let (elapsed, out) = import_within(&path, &csv, limit);
    eprintln!("{ROWS} new people: {elapsed:?}");
    assert!(out.starts_with("20000 participant(s) added"), "{out}");

    // Everyone already there: the same list again adds nobody, as fast.
    let (elapsed, out) = import_within(&path, &csv, limit);
    eprintln!("{ROWS} people already there: {elapsed:?}");
    assert!(
        out.starts_with("0 participant(s) added, 20000 already there"),
        "{out}"
    );
}

#[test]
fn someone_added_by_another_console_while_the_list_was_read_is_not_added_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_meeting_file(&dir);
    let csv = Path::new("people.csv");
    let people = plans::read_participants_csv(csv, "Name\nAn\nBình\n").unwrap();
    // The import has opened the meeting (and decided that both are new)...
    let mut importing = Store::open(&path, options("thu-ky", Role::Secretary)).unwrap();
    // ...when another console adds An.
    let mut other = Store::open(&path, options("chu-tri", Role::Chair)).unwrap();
    other
        .execute(Command::AddParticipant(people[0].fields.clone()))
        .unwrap();
    let done = plans::import(&mut importing, &[], &people).unwrap();
    assert_eq!((done.participants_added, done.participants_known), (1, 1));
    assert_eq!(names(&path).len(), 2);
}
