//! The large meeting, scaled down for the test suite (the full size is for
//! `cargo bench --bench large`): it opens, draws, exports in every format,
//! round-trips through JSON, and passes `gavel check`.

mod common;

use std::io::Read;

use common::*;
use gavel::domain::Role;
use gavel::export::csv::{CsvTable, csv_string};
use gavel::export::json::record_json;
use gavel::export::minutes::Minutes;
use gavel::generate::{Size, create_large};
use gavel::i18n::Lang;
use gavel::store::{Store, check, import_json};

#[test]
fn a_large_meeting_opens_draws_exports_and_checks() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    // About 14,000 requests for the floor: enough for the two-thread load.
    let size = Size::scaled(6);
    drop(create_large(&path, fast_options("chair", Role::Chair), size, demo_now()).unwrap());

    let store = Store::open(&path, options("lan", Role::Secretary)).unwrap();
    let record = store.record().clone();
    assert_eq!(record.last_seq as usize, size.entries);
    assert_eq!(record.participants.len(), size.participants);
    assert_eq!(record.agenda.len(), size.agenda_items);
    assert_eq!(record.issues.len(), size.issues);
    assert_eq!(record.actions.len(), size.actions);
    assert!(record.index_is_consistent());
    // The record's people, roll call, answers, letters, notes and
    // conclusion are all there at scale.
    let roll = record.roll_call();
    assert_eq!(roll.total, size.participants);
    assert_eq!(
        roll.present + roll.absent_in_all() + roll.unchecked,
        roll.total
    );
    assert!(
        roll.absent_with_notice > 0
            && roll.absent_with_written_submission > 0
            && roll.absent > 0
            && roll.unchecked > 0,
        "{roll:?}"
    );
    let chair = record.chair().expect("the chair is a participant");
    assert_eq!(chair.role, gavel::domain::ParticipantRole::Leadership);
    assert!(!chair.position.is_empty());
    assert!(record.secretary().is_some());
    let people = record.participants.values();
    assert!(
        people.clone().filter(|p| p.members > 1).count() > 0,
        "citizens' groups"
    );
    assert!(
        people
            .clone()
            .all(|p| p.honorific.is_some() || p.members > 1)
    );
    assert!(people.filter(|p| !p.position.is_empty()).count() > size.participants / 2);
    let answered = record.issues.values().filter(|i| i.answered_by.is_some());
    assert!(answered.clone().count() > size.issues / 2);
    assert!(
        answered
            .clone()
            .all(|i| record.participants[&i.answered_by.unwrap()].role.is_staff())
    );
    let written = record
        .issues
        .values()
        .filter(|i| i.source == gavel::domain::IssueSource::WrittenSubmission);
    assert!(written.clone().count() > 0);
    assert!(
        written
            .clone()
            .all(|i| !i.letter_number.is_empty() && i.letter_date.is_some())
    );
    assert!(
        record
            .agenda
            .values()
            .filter(|i| !i.notes.is_empty())
            .count()
            > size.agenda_items / 2
    );
    assert!(!record.meeting.conclusion.is_empty());
    // Loading on two threads gives what a replay of the journal gives.
    assert_eq!(&replay(&store), store.record());
    assert!(check(&path).unwrap().is_ok());

    let mut app = App::live(store, Lang::Vi, demo_now());
    app.resize(160, 48);
    let screen = screen_text(&app, 160, 48);
    assert!(
        screen.contains(&format!("Phản ánh, kiến nghị ({})", size.issues)),
        "{screen}"
    );
    keys(&mut app, "3G");
    let screen = screen_text(&app, 160, 48);
    assert!(
        screen.contains(&format!("#{}", size.issues)),
        "the last issue is not shown:\n{screen}"
    );

    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    let read = Minutes::read(&store).unwrap();
    let minutes = read.markdown(Lang::Vi);
    assert!(minutes.contains(&format!("Ý kiến số {}", size.issues)));
    let docx = read.docx(Lang::Vi).unwrap();
    let mut package = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    package
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let last = store
        .record()
        .issues
        .values()
        .max_by_key(|i| i.number)
        .unwrap();
    let line = last.text.lines().next().unwrap().trim();
    assert!(xml.contains(&*quick_xml::escape::escape(line)), "{line}");
    for table in CsvTable::ALL {
        let text = csv_string(
            store.record(),
            *table,
            chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        );
        let rows = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .count();
        let expected = match table {
            CsvTable::Issues => size.issues,
            CsvTable::Actions => size.actions,
            CsvTable::Turns => store.record().requests.len(),
        };
        assert_eq!(rows, expected, "{table}");
    }
    let json = record_json(&store).unwrap();
    let copy = dir.path().join("copy.gavel");
    let imported = import_json(&copy, &json, fast_options("chair", Role::Chair)).unwrap();
    assert_eq!(imported.record(), store.record());
    assert!(check(&copy).unwrap().is_ok());
}
