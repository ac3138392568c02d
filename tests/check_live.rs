//! `gavel check` on a healthy file that another process is writing: it
//! reads one snapshot, so it never sees the journal from before a commit
//! and the tables from after it, and never reports tampering.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use common::*;
use gavel::domain::Role;
use gavel::store::{Store, check};

#[test]
fn check_during_a_stream_of_commits_never_reports_tampering() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let done = Arc::new(AtomicBool::new(false));
    let writer = {
        let (path, done) = (path.clone(), Arc::clone(&done));
        std::thread::spawn(move || {
            let mut store = Store::open(&path, fast_options("lan", Role::Secretary)).unwrap();
            for i in 0..400 {
                store
                    .execute(issue(&format!("Kiến nghị gửi trong lúc kiểm tra {i}")))
                    .unwrap();
            }
            done.store(true, Ordering::SeqCst);
        })
    };
    let mut checks = 0;
    while !done.load(Ordering::SeqCst) {
        let report = check(&path).unwrap();
        assert!(
            report.is_ok(),
            "check {checks} during the writes: {report:?}"
        );
        checks += 1;
    }
    writer.join().unwrap();
    assert!(checks >= 3, "only {checks} checks ran during the writes");
    assert!(check(&path).unwrap().is_ok());
}
