//! Review mode: the record at any point of the journal equals a replay up
//! to that point, stepping forward or back; statistics; nothing written.

mod common;

use common::*;
use gavel::domain::*;
use gavel::i18n::Lang;
use gavel::store::Store;

fn review(dir: &tempfile::TempDir) -> (App, Vec<gavel::store::JournalEntry>) {
    let path = meeting_path(dir);
    drop(gavel::demo::create_demo(&path, fast_options("chair", Role::Chair), demo_now()).unwrap());
    let store = Store::open(&path, options("reviewer", Role::Observer)).unwrap();
    let entries = store.entries_after(0).unwrap();
    let view = gavel::ui::View::new(true, Default::default());
    let program = gavel::runtime::Program::review(store, Lang::En, view).unwrap();
    let mut app = App::on(program, demo_now());
    app.resize(160, 48);
    (app, entries)
}

fn replay_to(entries: &[gavel::store::JournalEntry], position: u64) -> Record {
    let mut record = Record::default();
    for entry in entries.iter().take_while(|e| e.seq <= position) {
        record.apply(entry.seq, &entry.event);
    }
    record
}

fn position(app: &App) -> u64 {
    app.session.review_position().unwrap()
}

#[test]
fn every_position_equals_a_replay_up_to_it_forward_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, entries) = review(&dir);
    let last = entries.len() as u64;
    assert_eq!(position(&app), last);
    assert_eq!(app.record(), &replay_to(&entries, last));

    keys(&mut app, "{");
    assert_eq!(position(&app), 1);
    for step in 2..=last {
        keys(&mut app, "<right>");
        assert_eq!(position(&app), step);
        assert_eq!(
            app.record(),
            &replay_to(&entries, step),
            "forward to {step}"
        );
    }
    // Back, one entry at a time, with the journal's before-images.
    for step in (1..last).rev() {
        keys(&mut app, "<left>");
        assert_eq!(app.record(), &replay_to(&entries, step), "back to {step}");
    }
    // Jumps.
    keys(&mut app, "]]]");
    assert_eq!(app.record(), &replay_to(&entries, 31));
    keys(&mut app, "}[");
    assert_eq!(app.record(), &replay_to(&entries, last - 10));
    keys(&mut app, "{");
    assert_eq!(app.record(), &replay_to(&entries, 1));
    // The clock shows the reviewed moment.
    keys(&mut app, "]]");
    assert_eq!(app.console.now, entries[20].at);
}

#[test]
fn the_timeline_and_the_statistics_are_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, entries) = review(&dir);
    let screen = screen_text(&app, 160, 48);
    assert!(
        screen.contains(&format!("entry {}/{}", entries.len(), entries.len())),
        "{screen}"
    );
    keys(&mut app, "s");
    let screen = screen_text(&app, 160, 48);
    for title in [
        "Speaking time per participant",
        "per organization",
        "Issues per field",
        "Issues per disposition",
        "actual / planned",
    ] {
        assert!(screen.contains(title), "{title} missing:\n{screen}");
    }
    // The longest speaker of the demo is first, with her time.
    assert!(
        screen.contains("Nguyễn Thị Hồng Nhung") && screen.contains("3:55"),
        "{screen}"
    );
    render(&app, 80, 24);
    render(&app, 60, 16);
}

#[test]
fn review_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, entries) = review(&dir);
    keys(&mut app, "[[1s2nap+c3irt4aexu");
    keys(&mut app, "<esc>");
    let store = Store::open(&meeting_path(&dir), options("x", Role::Observer)).unwrap();
    assert_eq!(store.entries_after(0).unwrap().len(), entries.len());
}

#[test]
fn the_help_lists_the_review_keys_not_the_forms() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = review(&dir);
    keys(&mut app, "?");
    let screen = screen_text(&app, 160, 48);
    for wanted in [
        "Review (read-only)",
        "one entry back / on",
        "statistics on / off",
    ] {
        assert!(screen.contains(wanted), "{wanted} missing:\n{screen}");
    }
    assert!(!screen.contains("In a form"), "{screen}");
}
