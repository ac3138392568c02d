//! A console whose clock is behind the file's: its entries never go back in
//! time (each gets at least its predecessor's time), it is told, and
//! `gavel check` reports a journal whose times go backwards (from an older
//! gavel, or edited).

mod common;

use chrono::TimeDelta;
use common::*;
use gavel::domain::{Command, Role};
use gavel::i18n::Lang;
use gavel::store::{Store, check, now};

#[test]
fn a_clock_two_hours_behind_writes_no_time_before_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let mut chair = new_meeting(&path);
    chair.execute(participant("Nguyễn Văn An")).unwrap();
    let last = chair.last_entry_at().unwrap();
    // The secretary's computer is two hours behind.
    let mut late = Store::open(&path, options("lan", Role::Secretary)).unwrap();
    let behind = now() - TimeDelta::hours(2);
    let committed = late
        .execute_at(issue("Ghi khi đồng hồ chậm"), behind)
        .unwrap();
    let entries = late.entries_after(committed.seq - 1).unwrap();
    assert!(entries[0].at >= last, "{} is before {last}", entries[0].at);
    assert!(check(&path).unwrap().is_ok());
}

#[test]
fn the_console_says_when_its_clock_is_behind_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    // The file's last entry is now; this console thinks it is two hours ago.
    let mut store = Store::open(&path, options("chair", Role::Chair)).unwrap();
    store.execute(Command::TogglePause).unwrap();
    drop(store);
    let store = Store::open(&path, fast_options("lan", Role::Secretary)).unwrap();
    let mut app = App::live(store, Lang::Vi, now() - TimeDelta::hours(2));
    app.tick(now() - TimeDelta::hours(2));
    let screen = app.last_screen();
    assert!(screen.contains("đồng hồ"), "{screen}");
}

#[test]
fn check_reports_a_journal_whose_times_go_backwards() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    // Entry 50 dated an hour before entry 49, and the chain recomputed, as a
    // computer with a slow clock (before this fix) would have left it.
    date_before_the_previous(&path, 50);
    let report = check(&path).unwrap();
    assert!(report.chain.is_ok() && report.replay.is_ok(), "{report:?}");
    assert!(
        report.times.as_ref().is_err_and(|e| e.contains("entry 50")),
        "{report:?}"
    );
    let (code, out, _) = finished(gavel_command().arg("check").arg(&path));
    assert_eq!(code, Some(6), "{out}");
}
