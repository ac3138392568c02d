//! Reading a meeting nobody has open (check, log, export, followup) leaves
//! its folder as it was: no `-wal` or `-shm` beside it afterwards. While a
//! console has it open, the readers leave the console's files alone.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;
use gavel::domain::Role;
use gavel::store::Store;

fn names(folder: &Path) -> BTreeSet<String> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn readers(path: &Path) -> Vec<Vec<String>> {
    let file = path.display().to_string();
    vec![
        vec!["check".into(), file.clone()],
        vec![
            "check".into(),
            file.clone(),
            "--fingerprint".into(),
            "0123456789abcdef".into(),
        ],
        vec!["log".into(), file.clone()],
        vec![
            "export".into(),
            file.clone(),
            "--format".into(),
            "md".into(),
        ],
        vec![
            "export".into(),
            file.clone(),
            "--format".into(),
            "json".into(),
        ],
        vec!["followup".into(), file],
    ]
}

#[test]
fn readers_leave_no_files_beside_a_meeting_nobody_has_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let before = names(dir.path());
    assert!(
        !before
            .iter()
            .any(|n| n.ends_with("-wal") || n.ends_with("-shm")),
        "{before:?}"
    );
    for args in readers(&path) {
        let (code, _, err) = finished(gavel_command().args(&args));
        assert!(code == Some(0) || code == Some(7), "{args:?}: {err}");
        assert_eq!(names(dir.path()), before, "{args:?} left files behind");
    }
}

#[test]
fn readers_leave_an_open_meetings_files_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let mut store = Store::open(&path, options("chair", Role::Chair)).unwrap();
    store.execute(issue("Ghi trong lúc có người đọc")).unwrap();
    for args in readers(&path) {
        let (code, _, err) = finished(gavel_command().args(&args));
        assert!(code == Some(0) || code == Some(7), "{args:?}: {err}");
    }
    // The console goes on writing, and the file is sound.
    store.execute(issue("Ghi tiếp sau khi đọc")).unwrap();
    drop(store);
    assert!(gavel::store::check(&path).unwrap().is_ok());
}
