//! A meeting written by the gavel before the record's missing half (schema
//! 5: no positions, no chair chosen from the participants, "chair" as a
//! delegate group; schema 7's forwarding period, make-up days and
//! forwarding deadline missing too) opens in this one, is upgraded in
//! place, and passes its check: the journal replays to the same tables.
//! A meeting of schema 7 (drafts in a table WITHOUT ROWID) is read from its
//! tables by a reader, and upgraded with its drafts by a writer.

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

/// A meeting at schema 5 at `path`: a leader and an issue; the leader's
/// journal entry.
fn schema_5_meeting(path: &std::path::Path) -> u64 {
    let mut store = new_meeting(path);
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

    rewrite_journal(path, |raw| {
        let mut payload: serde_json::Value = serde_json::from_str(&raw.payload).unwrap();
        as_schema_5(&mut payload);
        let text = serde_json::to_string(&payload).unwrap();
        let changed = text != raw.payload;
        raw.payload = text;
        changed
    });
    let conn = rusqlite::Connection::open(path).unwrap();
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
    chair
}

#[test]
fn a_schema_5_meeting_opens_upgraded_and_checks() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let chair = schema_5_meeting(&path);

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

/// `gavel export` (a reader, which may not upgrade the file) of a meeting
/// written by an older gavel: the same minutes as once the file is
/// upgraded, and the file left as it was.
#[test]
fn a_reader_exports_an_older_meeting_without_upgrading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    schema_5_meeting(&path);
    let export = || {
        let output = gavel_command()
            .arg("export")
            .arg(&path)
            .args(["--format", "md", "--lang", "vi"])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let version = || -> i64 {
        rusqlite::Connection::open(&path)
            .unwrap()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap()
    };
    let before = export();
    assert!(before.contains("Thời hạn cấp phép?"), "{before}");
    assert_eq!(version(), 5, "a reader changes nothing");
    drop(Store::open(&path, options("chair", Role::Chair)).unwrap());
    assert!(version() > 5, "a writer upgrades it");
    assert_eq!(export(), before);
}

/// `gavel register` checks each file as `gavel check` does: a meeting
/// written by an older gavel, and never opened since by one that writes,
/// passes that check (its tables are of the older schema: every reader
/// replays its journal instead) and is listed, the file left as it was.
#[test]
fn an_older_meeting_passes_the_registers_check_without_being_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    schema_5_meeting(&path);
    let before = std::fs::read(&path).unwrap();
    let output = gavel_command()
        .arg("register")
        .arg(&path)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{err}");
    let register: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let petitions = register["petitions"].as_array().unwrap();
    assert_eq!(petitions.len(), 1, "{register}");
    assert_eq!(petitions[0]["content"], "Thời hạn cấp phép?");
    // `gavel check` says the same, and why the tables were not compared.
    let output = gavel_command().arg("check").arg(&path).output().unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{said}");
    assert!(said.contains("the tables are of schema 5"), "{said}");
    assert!(
        std::fs::read(&path).unwrap() == before,
        "a reader changes nothing"
    );
}

/// A meeting as schema 7 left it: its drafts in a table WITHOUT ROWID.
fn schema_7_meeting(path: &std::path::Path, draft: &str) {
    let mut store = new_meeting(path);
    store.execute(issue("Thời hạn cấp phép?")).unwrap();
    store
        .save_draft("issue/new", "text", draft, draft.len())
        .unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE drafts_7 (
            actor TEXT NOT NULL, console INTEGER NOT NULL, form TEXT NOT NULL,
            field TEXT NOT NULL, text TEXT NOT NULL, cursor INTEGER NOT NULL,
            updated_at TEXT NOT NULL, PRIMARY KEY (actor, console, form, field)
         ) WITHOUT ROWID;
         INSERT INTO drafts_7 SELECT actor, console, form, field, text, cursor, updated_at FROM drafts;
         DROP TABLE drafts;
         ALTER TABLE drafts_7 RENAME TO drafts;
         PRAGMA user_version = 7;",
    )
    .unwrap();
}

/// Schema 8 changed only the drafts' table: a reader of a schema 7 file
/// reads its record's tables (and checks them against the journal) rather
/// than replaying the journal, and a writer upgrades it with its drafts.
#[test]
fn a_schema_7_meeting_is_read_from_its_tables_and_upgraded_with_its_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let draft = "Đề nghị rút ngắn thời hạn ".repeat(40);
    schema_7_meeting(&path, &draft);

    let report = gavel::store::check(&path).unwrap();
    assert!(report.is_ok(), "{report:?}");
    assert_eq!(report.older_schema, None, "the tables were compared");

    let store = Store::open(&path, options("chair", Role::Chair)).unwrap();
    let drafts = store.drafts().unwrap();
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    assert_eq!(drafts[0].text, draft);
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 8);
    let table: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'drafts'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!table.contains("WITHOUT ROWID"), "{table}");
}

/// A keystroke in a draft of 3 KB (a long note) writes about one page to
/// the log, not the four it wrote when the row spilled to overflow pages.
#[test]
fn a_keystroke_in_a_long_draft_writes_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let mut store = new_meeting(&path);
    let mut text = "Ghi chú của thư ký về mục này. ".repeat(90);
    assert!(text.len() > 3_000 && text.len() < 3_900, "{}", text.len());
    store
        .save_draft("agenda/notes", "notes", &text, text.len())
        .unwrap();
    let log = || {
        std::fs::metadata(format!("{}-wal", path.display()))
            .unwrap()
            .len()
    };
    let before = log();
    for letter in "thêm chữ".chars().cycle().take(20) {
        text.push(letter);
        store
            .save_draft("agenda/notes", "notes", &text, text.len())
            .unwrap();
    }
    let pages = (log() - before) as f64 / (4096.0 + 24.0) / 20.0;
    assert!(pages <= 1.1, "{pages:.2} pages a keystroke");
}
