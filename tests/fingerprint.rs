//! The paper vouches for the file: the approved minutes carry the
//! fingerprint of their approval entry; `gavel check --fingerprint` says
//! whether the file still holds that record, lists what came after it, and
//! fails once a payload is rewritten and the chain recomputed. And the
//! journal's `undoes` column, an index of what the chain covers, cannot be
//! edited unseen.

mod common;

use std::path::Path;

use common::*;
use gavel::domain::{Command, Role};
use gavel::store::Store;

fn gavel(args: &[&str], path: &Path) -> (Option<i32>, String, String) {
    finished(
        gavel_command()
            .arg(args[0])
            .arg(path)
            .args(&args[1..])
            .args(["--lang", "en"]),
    )
}

/// The fingerprint as the approved minutes print it.
fn printed_fingerprint(path: &Path) -> String {
    let (code, minutes, err) = gavel(&["export", "--format", "md"], path);
    assert_eq!(code, Some(0), "{err}");
    let line = minutes
        .lines()
        .find(|l| l.contains("Fingerprint of the approved minutes:"))
        .unwrap_or_else(|| panic!("no fingerprint in the minutes:\n{minutes}"));
    let after = line.split("minutes: ").nth(1).unwrap();
    after.split(" (").next().unwrap().to_string()
}

/// Rewrites the first entry whose payload holds `old` to say `new`, and
/// recomputes every hash after it — and the table row — as someone with
/// write access to the file could: `check` alone passes.
fn rewrite(path: &Path, old: &str, new: &str) {
    let mut done = false;
    rewrite_journal(path, |raw| {
        if done || !raw.payload.contains(old) {
            return false;
        }
        raw.payload = raw.payload.replacen(old, new, 1);
        done = true;
        true
    });
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute("UPDATE issues SET text = replace(text, ?1, ?2)", [old, new])
        .unwrap();
}

#[test]
fn the_fingerprint_on_the_minutes_vouches_for_the_file_and_no_longer_after_a_rewrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let (code, _, err) = gavel(&["approve", "--as", "Minh"], &path);
    assert_eq!(code, Some(0), "{err}");
    let fingerprint = printed_fingerprint(&path);
    assert_eq!(fingerprint.len(), 19, "{fingerprint}");
    // The Word minutes carry the same.
    let docx = dir.path().join("minutes.docx");
    let (code, _, err) = gavel(
        &["export", "--format", "docx", "-o", docx.to_str().unwrap()],
        &path,
    );
    assert_eq!(code, Some(0), "{err}");
    let xml = docx_text(&docx);
    assert!(xml.contains(&fingerprint), "not in the Word minutes");

    let (code, out, _) = gavel(&["check", "--fingerprint", &fingerprint], &path);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("holds the record signed"), "{out}");

    // A correction after approval: still the signed record, and listed.
    let mut store = Store::open(&path, options("Minh", Role::Chair)).unwrap();
    let committed = store.execute(Command::TogglePause).unwrap();
    drop(store);
    let (code, out, _) = gavel(&["check", "--fingerprint", &fingerprint], &path);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains(&format!("#{}", committed.seq)), "{out}");

    // An issue's text rewritten, and every hash after it recomputed: the
    // chain holds again, but it is not the record that was signed.
    rewrite(&path, "Công ty nộp hồ sơ", "Nội dung đã bị sửa");
    let (code, out, _) = gavel(&["check"], &path);
    assert_eq!(code, Some(0), "the rewrite passes check alone: {out}");
    let (code, out, _) = gavel(&["check", "--fingerprint", &fingerprint], &path);
    assert_eq!(code, Some(7), "{out}");
    assert!(out.contains("not the record that was signed"), "{out}");
}

#[test]
fn a_fingerprint_of_unapproved_minutes_or_not_a_fingerprint_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let (code, out, _) = gavel(&["check", "--fingerprint", "ab12 cd34 ef56 7890"], &path);
    assert_eq!(code, Some(7), "{out}");
    assert!(out.contains("never approved"), "{out}");
    let (code, out, _) = gavel(&["check", "--fingerprint", "xyz"], &path);
    assert_eq!(code, Some(7), "{out}");
    // Draft minutes carry no fingerprint.
    let (_, minutes, _) = gavel(&["export", "--format", "md"], &path);
    assert!(!minutes.contains("Fingerprint"));
}

#[test]
fn every_column_of_the_journal_is_under_the_hash_chain() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let mut store = new_meeting(&path);
    let first = store.execute(participant("Nguyễn Văn An")).unwrap().seq;
    store.execute(participant("Trần Thị Bình")).unwrap();
    store.undo_last().unwrap();
    drop(store);
    let hashed = [
        "seq",
        "at",
        "actor",
        "role",
        "kind",
        "payload",
        "before",
        "prev_hash",
        "hash",
    ];
    let conn = rusqlite::Connection::open(&path).unwrap();
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('journal')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        columns.iter().all(|c| hashed.contains(&c.as_str())),
        "a column outside the chain: {columns:?}"
    );
    drop(conn);
    // What is undone comes from the payloads: the first is next.
    let mut store = Store::open(&path, options("chair", Role::Chair)).unwrap();
    let next = store.undo_last().unwrap();
    let gavel::domain::Event::Undone { target, .. } = next.event else {
        panic!("{:?}", next.event)
    };
    assert_eq!(target, first);
}

#[test]
fn an_older_file_loses_its_unhashed_column_when_opened_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let mut store = new_meeting(&path);
    store.execute(participant("Nguyễn Văn An")).unwrap();
    let undo = store.undo_last().unwrap().seq;
    drop(store);
    // As a gavel of schema 4 left it: the `undoes` column and its index,
    // and none of the columns later schemas added.
    let conn = rusqlite::Connection::open(&path).unwrap();
    drop_columns_after_schema_5(&conn);
    conn.execute_batch(&format!(
        "ALTER TABLE journal ADD COLUMN undoes INTEGER;
         UPDATE journal SET undoes = 2 WHERE seq = {undo};
         CREATE INDEX journal_undoes ON journal (undoes) WHERE undoes IS NOT NULL;
         PRAGMA user_version = 4;"
    ))
    .unwrap();
    drop(conn);
    let store = Store::open(&path, options("chair", Role::Chair)).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let has_it: i64 = conn
        .query_row(
            "SELECT count(*) FROM pragma_table_info('journal') WHERE name = 'undoes'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(has_it, 0);
    drop(conn);
    assert!(gavel::store::check(&path).unwrap().is_ok());
}

/// The text of a .docx's main part.
fn docx_text(path: &Path) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}
