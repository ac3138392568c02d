//! A meeting written by the gavel before the record's missing half (schema
//! 5: no positions, no chair chosen from the participants, "chair" as a
//! delegate group; schema 7's forwarding period, make-up days and
//! forwarding deadline missing too) opens in this one, is upgraded in
//! place, and passes its check: the journal replays to the same tables.

mod common;

use common::*;
use gavel::domain::*;
use gavel::store::Store;

/// Keys the journal's payloads did not have before schemas 6 and 7.
const NEW_PARTICIPANT_KEYS: [&str; 4] = ["position", "honorific", "members", "representatives"];
const NEW_KEYS: [&str; 12] = [
    "forward_working_days",
    "make_up_days",
    "forward_due",
    "letter_number",
    "letter_date",
    "answered_by",
    "notes",
    "notes_rev",
    "conclusion",
    "conclusion_rev",
    "chair_id",
    "secretary_id",
];

/// Removes what schema 6 added from one payload, and writes the chair's
/// group as it was written then.
fn as_schema_5(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if map.contains_key("attendance") {
                for key in NEW_PARTICIPANT_KEYS {
                    map.remove(key);
                }
                if map.get("role") == Some(&serde_json::json!("leadership")) {
                    map.insert("role".into(), serde_json::json!("chair"));
                }
            }
            for key in NEW_KEYS {
                map.remove(key);
            }
            for child in map.values_mut() {
                as_schema_5(child);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(as_schema_5),
        _ => {}
    }
}

#[test]
fn a_schema_5_meeting_opens_upgraded_and_checks() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let mut store = new_meeting(&path);
    let chair = store
        .execute(Command::AddParticipant(ParticipantFields::named(
            "Phạm Thanh Tùng",
            "Sở Khoa học và Công nghệ",
            ParticipantRole::Leadership,
        )))
        .unwrap()
        .seq;
    store.execute(issue("Thời hạn cấp phép?")).unwrap();
    drop(store);

    rewrite_journal(&path, |raw| {
        let mut payload: serde_json::Value = serde_json::from_str(&raw.payload).unwrap();
        as_schema_5(&mut payload);
        let text = serde_json::to_string(&payload).unwrap();
        let changed = text != raw.payload;
        raw.payload = text;
        changed
    });
    let conn = rusqlite::Connection::open(&path).unwrap();
    drop_columns_after_schema_5(&conn);
    conn.execute_batch(
        "UPDATE participants SET role = 'chair' WHERE role = 'leadership';
         PRAGMA user_version = 5;",
    )
    .unwrap();
    let old_payload: String = conn
        .query_row("SELECT payload FROM journal WHERE seq = ?1", [chair], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(old_payload.contains(r#""role":"chair""#), "{old_payload}");
    drop(conn);

    let store = Store::open(&path, options("chair", Role::Chair)).unwrap();
    let person = &store.record().participants[&chair];
    assert_eq!(person.role, ParticipantRole::Leadership);
    assert_eq!(person.position, "");
    assert_eq!(store.record().meeting.conclusion, "");
    let details = &store.record().meeting.details;
    assert_eq!(details.forward_working_days, 5);
    assert!(details.make_up_days.is_empty());
    drop(store);
    let report = gavel::store::check(&path).unwrap();
    assert!(report.is_ok(), "{report:?}");
}
