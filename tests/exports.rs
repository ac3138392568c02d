//! The machine exports: the JSON document round-trips into a new file equal
//! to the original, entry for entry and hash for hash; bad documents are
//! refused with the line and the field named, and write nothing; the CSV
//! tables parse back, keep Vietnamese and multi-line text, defuse formulas
//! and let no escape sequence through.

mod common;
mod fixture;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, TimeDelta};
use common::*;
use gavel::domain::*;
use gavel::export::csv::{BOM, CsvTable, csv_string, csv_string_in};
use gavel::export::json::record_json;
use gavel::i18n::Lang;
use gavel::store::journal::{self, RawEntry};
use gavel::store::{self, ImportError, Store, StoreError, import_json};
use serde_json::Value;

fn demo(dir: &tempfile::TempDir) -> Store {
    gavel::demo::create_demo(
        &meeting_path(dir),
        fast_options("chair", Role::Chair),
        demo_now(),
    )
    .expect("create the demo")
}

fn raw_journal(store: &Store) -> Vec<RawEntry> {
    let mut entries = Vec::new();
    journal::for_each_raw_after(store.connection(), 0, |raw| {
        entries.push(raw);
        Ok(())
    })
    .expect("read the journal");
    entries
}

fn sidecars(path: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    })
}

/// Imports `json` into a fresh path, expects a refusal, and checks that
/// nothing was left on disk.
fn refused(dir: &tempfile::TempDir, json: &str) -> ImportError {
    let target = dir.path().join("imported.gavel");
    let error = match import_json(&target, json, fast_options("chair", Role::Chair)) {
        Ok(_) => panic!("the import was accepted"),
        Err(error) => error,
    };
    assert!(
        !target.exists(),
        "a refused import left {target:?}: {error}"
    );
    for file in sidecars(&target) {
        assert!(!file.exists(), "a refused import left {file:?}");
    }
    let message = error.to_string();
    assert!(!message.contains('\n'), "not one line: {message}");
    error
}

fn edited(json: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut document: Value = serde_json::from_str(json).unwrap();
    edit(&mut document);
    serde_json::to_string_pretty(&document).unwrap()
}

/// The one-based number of the first line of `text` containing `needle`
/// after the line containing `after`.
fn line_of(text: &str, after: &str, needle: &str) -> usize {
    let start = text.lines().position(|l| l.contains(after)).unwrap();
    start
        + 1
        + text
            .lines()
            .skip(start)
            .position(|l| l.contains(needle))
            .unwrap()
}

#[test]
fn json_round_trip_of_the_demo_is_exact() {
    let dir = tempfile::tempdir().unwrap();
    let original = demo(&dir);
    let json = record_json(&original).unwrap();

    let target = dir.path().join("imported.gavel");
    let imported = import_json(&target, &json, fast_options("lan", Role::Secretary)).unwrap();
    assert_eq!(imported.record(), original.record());
    assert_eq!(imported.actor(), "lan");
    let (a, b) = (raw_journal(&original), raw_journal(&imported));
    assert_eq!(a.len() as u64, original.record().last_seq);
    assert_eq!(a, b, "the journal, entry for entry, hashes included");
    assert_eq!(replay(&imported), *original.record());

    drop(imported);
    let report = store::check(&target).unwrap();
    assert!(report.is_ok(), "{report:?}");

    // The copy exports to the very same document, and goes on working.
    let mut reopened = Store::open(&target, fast_options("chair", Role::Chair)).unwrap();
    assert_eq!(record_json(&reopened).unwrap(), json);
    reopened.execute(issue("Sau khi nhập lại")).unwrap();
    drop(reopened);
    assert!(store::check(&target).unwrap().is_ok());
}

fn tricky_texts() -> Vec<(String, String)> {
    let cases: Vec<Value> = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/tricky-strings.json"
    )))
    .unwrap();
    cases
        .iter()
        .filter_map(|c| Some((c["name"].as_str()?.into(), c["text"].as_str()?.into())))
        .collect()
}

/// A character a terminal could act upon, or one that reorders a line.
fn unsafe_for_terminal(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// A meeting whose issues, an action and a participant hold every tricky
/// string.
fn tricky_meeting(path: &Path) -> Store {
    let texts = tricky_texts();
    let mut store = new_meeting(path);
    for (_, text) in &texts {
        store.execute(issue(text)).unwrap();
    }
    let all: Vec<&str> = texts.iter().map(|(_, t)| t.as_str()).collect();
    store.execute(participant(&all.join(" "))).unwrap();
    store
        .execute(Command::AddAction(ActionFields {
            title: all.join(" "),
            owner: "x\u{1b}]0;pwned\u{7}y".into(),
            issue: None,
            due: None,
            status: ActionStatus::Open,
            completion_ref: "\u{202e}gpj.exe".into(),
        }))
        .unwrap();
    store
}

#[test]
fn json_export_lets_no_escape_through_and_still_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let original = tricky_meeting(&meeting_path(&dir));
    let json = record_json(&original).unwrap();
    let bad: Vec<String> = json
        .chars()
        .filter(|c| unsafe_for_terminal(*c) || *c == '\r')
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(bad.is_empty(), "raw in the JSON: {bad:?}");
    assert!(json.contains("\\u001b[2J"), "ESC escaped by JSON");
    assert!(json.contains("\\u009b"), "C1 CSI escaped");
    assert!(json.contains("\\u202e"), "bidi override escaped");

    let target = dir.path().join("imported.gavel");
    let imported = import_json(&target, &json, fast_options("chair", Role::Chair)).unwrap();
    assert_eq!(imported.record(), original.record());
    assert_eq!(raw_journal(&imported), raw_journal(&original));
    drop(imported);
    assert!(store::check(&target).unwrap().is_ok());
}

#[test]
fn json_document_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo(&dir);
    let document: Value = serde_json::from_str(&record_json(&store).unwrap()).unwrap();
    assert_eq!(document["format"], "gavel-meeting");
    assert_eq!(document["version"], 1);
    assert_eq!(
        serde_json::from_value::<Record>(document["record"].clone()).unwrap(),
        *store.record()
    );
    let journal = document["journal"].as_array().unwrap();
    assert_eq!(journal.len() as u64, store.record().last_seq);
    let first = &journal[0];
    for field in [
        "seq",
        "at",
        "actor",
        "role",
        "kind",
        "event",
        "before",
        "prev_hash",
        "hash",
    ] {
        assert!(first.get(field).is_some(), "no {field}");
    }
    assert_eq!(first["kind"], "meeting-created");
    assert_eq!(first["event"]["kind"], "meeting-created");
    assert_eq!(first["prev_hash"], "");
    assert_eq!(journal[1]["prev_hash"], first["hash"]);
}

#[test]
fn a_reformatted_document_still_imports() {
    // A tool that re-indents the document and sorts its keys (serde_json's
    // Value does) changes the bytes of each event: gavel's own compact form
    // of the event is what was hashed, so the import still verifies.
    let dir = tempfile::tempdir().unwrap();
    let original = demo(&dir);
    let json = edited(&record_json(&original).unwrap(), |_| {});
    let target = dir.path().join("imported.gavel");
    let imported = import_json(&target, &json, fast_options("chair", Role::Chair)).unwrap();
    assert_eq!(imported.record(), original.record());
    assert_eq!(raw_journal(&imported), raw_journal(&original));
}

#[test]
fn truncated_json_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let json = record_json(&demo(&dir)).unwrap();
    let cut = &json[..json.len() / 2];
    match refused(&dir, cut) {
        ImportError::Malformed { line, message, .. } => {
            assert_eq!(line, cut.lines().count(), "{message}");
            assert!(message.contains("EOF"), "{message}");
        }
        other => panic!("{other}"),
    }
    assert!(matches!(
        refused(&dir, "this is not JSON"),
        ImportError::Malformed { line: 1, .. }
    ));
}

#[test]
fn a_wrong_type_in_an_event_names_the_entry_and_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let json = record_json(&demo(&dir)).unwrap();
    // Entry 4 (journal[3]) adds participant #4.
    let line = line_of(&json, "\"seq\":4,", "\"event\":");
    let bad = json.replacen(
        "\"participant\":{\"id\":4,",
        "\"participant\":{\"id\":\"four\",",
        1,
    );
    assert_ne!(bad, json);
    let error = refused(&dir, &bad);
    let message = error.to_string();
    match error {
        ImportError::Malformed {
            line: at,
            column,
            path,
            ..
        } => {
            assert_eq!(path, "journal[3].event", "{message}");
            assert_eq!(at, line, "{message}");
            // The column of the event's opening brace.
            let event_line = json.lines().nth(line - 1).unwrap();
            let event_at = event_line.find("\"event\":{").unwrap() + "\"event\":".len();
            assert_eq!(column, event_at + 1, "{message}");
        }
        other => panic!("{other}"),
    }
    assert!(message.contains(&format!("line {line}")), "{message}");
    assert!(message.contains("journal[3].event"), "{message}");
}

#[test]
fn a_wrong_type_in_the_record_names_the_field_and_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let json = record_json(&demo(&dir)).unwrap();
    let line = line_of(&json, "\"record\"", "\"speaking_seconds\"");
    let bad = json.replacen(
        "\"speaking_seconds\":180,",
        "\"speaking_seconds\":\"three minutes\",",
        1,
    );
    match refused(&dir, &bad) {
        ImportError::Malformed { line: at, path, .. } => {
            assert_eq!(path, "record.meeting.details.speaking_seconds");
            assert_eq!(at, line);
        }
        other => panic!("{other}"),
    }
    // A bad time in a journal entry is named too.
    let bad = edited(&json, |d| d["journal"][2]["at"] = "yesterday".into());
    match refused(&dir, &bad) {
        ImportError::Malformed { path, .. } => assert_eq!(path, "journal[2].at"),
        other => panic!("{other}"),
    }
}

#[test]
fn another_format_or_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let json = record_json(&demo(&dir)).unwrap();
    let v2 = edited(&json, |d| d["version"] = 2.into());
    assert!(matches!(
        refused(&dir, &v2),
        ImportError::UnsupportedVersion { found: 2 }
    ));
    let other = edited(&json, |d| d["format"] = "minutes".into());
    assert!(matches!(
        refused(&dir, &other),
        ImportError::WrongFormat { found: Some(f) } if f == "minutes"
    ));
    assert!(matches!(
        refused(&dir, r#"{"version": 1, "rows": []}"#),
        ImportError::WrongFormat { found: None }
    ));
    let no_journal = edited(&json, |d| d["journal"] = Value::Array(vec![]));
    assert!(matches!(
        refused(&dir, &no_journal),
        ImportError::EmptyJournal
    ));
}

#[test]
fn a_broken_hash_chain_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let json = record_json(&demo(&dir)).unwrap();

    let tampered = edited(&json, |d| d["journal"][5]["actor"] = "mallory".into());
    assert!(matches!(
        refused(&dir, &tampered),
        ImportError::Altered { seq: 6 }
    ));
    let tampered = edited(&json, |d| {
        d["journal"][7]["event"]["participant"]["name"] = "Ai đó khác".into()
    });
    assert!(matches!(
        refused(&dir, &tampered),
        ImportError::Altered { seq: 8 }
    ));
    let unlinked = edited(&json, |d| {
        d["journal"][5]["prev_hash"] = "0".repeat(64).into()
    });
    assert!(matches!(
        refused(&dir, &unlinked),
        ImportError::Unlinked { seq: 6 }
    ));
    let gap = edited(&json, |d| {
        d["journal"].as_array_mut().unwrap().remove(4);
    });
    assert!(matches!(
        refused(&dir, &gap),
        ImportError::Gap {
            index: 4,
            expected: 5,
            found: 6
        }
    ));
}

#[test]
fn a_record_that_is_not_the_replay_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo(&dir);
    let json = record_json(&store).unwrap();
    let first_issue = store.record().issues.keys().next().unwrap().to_string();
    let bad = edited(&json, |d| {
        d["record"]["issues"][first_issue.as_str()]["text"] = "Nội dung đã bị sửa".into()
    });
    let error = refused(&dir, &bad);
    assert!(matches!(error, ImportError::RecordMismatch(_)), "{error}");
    assert!(error.to_string().contains(&format!("issue #{first_issue}")));
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let json = record_json(&demo(&dir)).unwrap();
    let target = dir.path().join("taken.gavel");
    std::fs::write(&target, b"somebody's file").unwrap();
    let error = import_json(&target, &json, fast_options("chair", Role::Chair))
        .err()
        .unwrap();
    assert!(matches!(
        error,
        ImportError::Store(StoreError::AlreadyExists)
    ));
    assert_eq!(std::fs::read(&target).unwrap(), b"somebody's file");

    // An observer may not write a file at all.
    let error = import_json(
        &dir.path().join("new.gavel"),
        &json,
        fast_options("x", Role::Observer),
    )
    .err()
    .unwrap();
    assert!(matches!(error, ImportError::Store(StoreError::ReadOnly)));
    assert!(!dir.path().join("new.gavel").exists());
}

// ---------------------------------------------------------------- CSV

/// Parses one exported table: the BOM, then RFC 4180 with a header row.
fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let body = text.strip_prefix(BOM).expect("starts with a UTF-8 BOM");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(body.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn today() -> NaiveDate {
    demo_now().date_naive()
}

#[test]
fn csv_tables_of_the_demo_parse_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo(&dir);
    let record = store.record();
    for (table, count) in [
        (CsvTable::Issues, record.issues.len()),
        (CsvTable::Actions, record.actions.len()),
        (CsvTable::Turns, record.requests.len()),
    ] {
        let (header, rows) = parse_csv(&csv_string(record, table, today()));
        assert_eq!(header, table.columns(), "{table}");
        assert_eq!(rows.len(), count, "{table}");
        assert!(count > 0, "the demo has {table}");
        assert!(rows.iter().all(|r| r.len() == header.len()));
    }

    let (header, rows) = parse_csv(&csv_string(record, CsvTable::Issues, today()));
    assert_eq!(header[0], "number");
    let mut issues: Vec<&Issue> = record.issues.values().collect();
    issues.sort_by_key(|i| i.number);
    for (row, issue) in rows.iter().zip(issues) {
        assert_eq!(row[0], issue.number.to_string());
        assert_eq!(row[9], issue.text, "Vietnamese text intact");
        assert_eq!(row[11], issue.disposition.as_str());
    }
    // Times in the meeting's zone, dates ISO.
    assert!(rows[0][1].ends_with("+07:00"), "{}", rows[0][1]);

    let (_, turns) = parse_csv(&csv_string(record, CsvTable::Turns, today()));
    assert_eq!(turns[0][0], "1");
    let speaking: Vec<_> = turns.iter().filter(|r| r[10] == "speaking").collect();
    assert_eq!(speaking.len(), 1);
    assert_eq!(speaking[0][9], "", "a turn still running has no total yet");
}

#[test]
fn csv_keeps_line_breaks_and_defuses_formulas() {
    let dir = tempfile::tempdir().unwrap();
    // Created before the entries below: no entry is dated before another.
    let mut store = Store::create_at(
        &meeting_path(&dir),
        options("chair", Role::Chair),
        details("Hội nghị đối thoại"),
        gavel::store::Sharing::Private,
        t0() - TimeDelta::hours(1),
    )
    .unwrap();
    let t = t0();
    let person = store
        .execute_at(
            Command::AddParticipant(ParticipantFields {
                position: String::new(),
                honorific: None,
                members: 0,
                representatives: String::new(),
                name: "Nguyễn Thị Hữu Hạnh".into(),
                organization: "=cmd|' /C calc'!A0".into(),
                role: ParticipantRole::Citizen,
                contact: String::new(),
                attendance: Attendance::Present,
            }),
            t,
        )
        .unwrap()
        .seq;
    let item = store.execute_at(agenda("Đối thoại", 60), t).unwrap().seq;
    store.execute_at(Command::StartAgendaItem(item), t).unwrap();
    let log = |text: &str| {
        Command::LogIssue(IssueFields {
            letter_number: String::new(),
            letter_date: None,
            raised_by: Some(person),
            source: IssueSource::Floor,
            category: IssueCategory::Question,
            field: "@lĩnh vực".into(),
            procedure: "+84 thủ tục".into(),
            text: text.into(),
        })
    };
    let multi = store
        .execute_at(log("Dòng một\r\nDòng hai, có dấu phẩy\nDòng \"ba\""), t)
        .unwrap()
        .seq;
    store
        .execute_at(log("=HYPERLINK(\"http://example.invalid\",\"Bấm vào\")"), t)
        .unwrap();
    store.execute_at(log("-2+3"), t).unwrap();
    store
        .execute_at(
            Command::AddAction(ActionFields {
                title: "=1+1".into(),
                owner: "@Văn phòng Sở".into(),
                issue: Some(multi),
                due: Some(NaiveDate::from_ymd_opt(2026, 2, 4).unwrap() + TimeDelta::days(2)),
                status: ActionStatus::Open,
                completion_ref: "-".into(),
            }),
            t,
        )
        .unwrap();
    // A turn with a 30-second pause: 100 s at the floor, 70 s spoken.
    store
        .execute_at(
            Command::RequestFloor {
                speaker: Speaker::Existing(person),
                kind: RequestKind::Normal,
                topic: "-Thời hạn".into(),
            },
            t,
        )
        .unwrap();
    let at = |s: i64| t + TimeDelta::seconds(s);
    store.execute_at(Command::NextSpeaker, at(10)).unwrap();
    store.execute_at(Command::TogglePause, at(40)).unwrap();
    store.execute_at(Command::TogglePause, at(70)).unwrap();
    store.execute_at(Command::AdjournMeeting, at(110)).unwrap();
    let record = store.record();

    let later = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let (_, issues) = parse_csv(&csv_string(record, CsvTable::Issues, later));
    assert_eq!(issues.len(), 3);
    assert_eq!(issues[0][2], "Nguyễn Thị Hữu Hạnh");
    assert_eq!(issues[0][3], "'=cmd|' /C calc'!A0");
    assert_eq!(issues[0][4], "Đối thoại");
    assert_eq!(issues[0][7], "'@lĩnh vực");
    assert_eq!(issues[0][8], "'+84 thủ tục");
    assert_eq!(issues[0][9], "Dòng một\nDòng hai, có dấu phẩy\nDòng \"ba\"");
    assert_eq!(
        issues[1][9],
        "'=HYPERLINK(\"http://example.invalid\",\"Bấm vào\")"
    );
    assert_eq!(issues[2][9], "'-2+3");
    assert_eq!(issues[0][16], "no");

    let (_, actions) = parse_csv(&csv_string(record, CsvTable::Actions, later));
    assert_eq!(
        actions,
        vec![vec![
            "'=1+1",
            "'@Văn phòng Sở",
            "1",
            "2026-02-06",
            "open",
            "'-",
            "yes"
        ]]
    );
    let (_, actions) = parse_csv(&csv_string(record, CsvTable::Actions, today()));
    assert_eq!(actions[0][6], "no");

    let (_, turns) = parse_csv(&csv_string(record, CsvTable::Turns, later));
    assert_eq!(turns.len(), 1);
    let turn = &turns[0];
    assert_eq!(turn[0], "1");
    assert_eq!(turn[5], "'-Thời hạn");
    assert_eq!(turn[6], "2026-02-05T08:00:00+07:00");
    assert_eq!(turn[7], "2026-02-05T08:00:10+07:00");
    assert_eq!(turn[8], "2026-02-05T08:01:50+07:00");
    assert_eq!(turn[9], "70", "pauses excluded");
    assert_eq!(turn[10], "done");

    // In Vietnamese: the same text cells, defused the same way; the values
    // gavel writes in Vietnamese.
    let (_, vi) = parse_csv(&csv_string_in(record, CsvTable::Issues, later, Lang::Vi));
    for (vi, en) in vi.iter().zip(&issues) {
        for column in [2, 3, 4, 7, 8, 9] {
            assert_eq!(vi[column], en[column], "column {column}");
        }
    }
    assert_eq!(vi[0][16], "không");
    let (_, vi) = parse_csv(&csv_string_in(record, CsvTable::Actions, later, Lang::Vi));
    assert_eq!(
        vi,
        vec![vec![
            "'=1+1",
            "'@Văn phòng Sở",
            "1",
            "06/02/2026",
            "chưa làm",
            "'-",
            "có"
        ]]
    );
    let (_, vi) = parse_csv(&csv_string_in(record, CsvTable::Turns, later, Lang::Vi));
    assert_eq!(vi[0][5], "'-Thời hạn");
    assert_eq!(
        vi[0][6..11],
        [
            "05/02/2026 08:00:00",
            "05/02/2026 08:00:10",
            "05/02/2026 08:01:50",
            "70",
            "đã phát biểu"
        ]
    );

    // Each row ends in CRLF (RFC 4180); inside a cell a line break is LF.
    let text = csv_string(record, CsvTable::Issues, later);
    assert_eq!(text.matches("\r\n").count(), 4);
    assert_eq!(text.matches('\r').count(), 4);
}

#[test]
fn tricky_strings_never_reach_a_spreadsheet_raw() {
    let named = tricky_texts();
    assert!(named.len() >= 10);
    let dir = tempfile::tempdir().unwrap();
    let store = tricky_meeting(&meeting_path(&dir));
    let record = store.record();

    for (table, lang) in CsvTable::ALL
        .iter()
        .flat_map(|table| [(table, Lang::En), (table, Lang::Vi)])
    {
        let text = csv_string_in(record, *table, today(), lang);
        let bad: Vec<String> = text
            .chars()
            .filter(|c| unsafe_for_terminal(*c))
            .map(|c| format!("U+{:04X}", c as u32))
            .collect();
        assert!(
            bad.is_empty(),
            "{table} ({lang:?}): raw in the CSV: {bad:?}"
        );
        let bare_cr = text
            .match_indices('\r')
            .any(|(i, _)| !text[i..].starts_with("\r\n"));
        assert!(!bare_cr, "{table} ({lang:?}): a bare CR");
        parse_csv(&text);
    }

    let (_, rows) = parse_csv(&csv_string(record, CsvTable::Issues, today()));
    assert_eq!(rows.len(), named.len());
    // Issues are numbered in the order they were logged, as the cases are.
    for ((name, _), (row, issue)) in named.iter().zip(rows.iter().zip(record.issues.values())) {
        if [
            "vietnamese",
            "old-tone",
            "d-stroke",
            "wide-cjk",
            "long-line",
        ]
        .iter()
        .any(|plain| name.starts_with(plain))
        {
            assert_eq!(row[9], issue.text, "{name}: text as stored (NFC)");
        }
    }
    let shown: Vec<&str> = rows.iter().map(|r| r[9].as_str()).collect();
    assert!(shown.contains(&"abc␛[2Jdef"));
    assert!(shown.contains(&"approved␍REJECTED"));
    assert!(shown.contains(&"Nguyễn Thị Hữu Hạnh hỏi về đăng ký nhãn hiệu"));
}

// The whole record (issue 16) ------------------------------------------------------

/// The members `value` (an object) has, each checked against the
/// documented schema: a member the export writes and the document does not
/// name is a schema out of date.
fn documented(value: &Value, what: &str) {
    let schema =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/json-format.md"))
            .unwrap();
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("{what}: {value}"));
    for member in object.keys() {
        assert!(
            schema.contains(&format!("`{member}`")),
            "{what}.{member} is not in docs/json-format.md"
        );
    }
}

#[test]
fn the_whole_record_goes_into_the_json_export_as_documented() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = fixture::whole_record(&meeting_path(&dir));
    let json = record_json(&fixture.store).unwrap();

    // It round-trips, hash for hash.
    let target = dir.path().join("imported.gavel");
    let imported = import_json(&target, &json, fast_options("chair", Role::Chair)).unwrap();
    assert_eq!(imported.record(), fixture.record());
    assert_eq!(raw_journal(&imported), raw_journal(&fixture.store));

    // The new facts are in it, under the documented names.
    let document: Value = serde_json::from_str(&json).unwrap();
    let record = &document["record"];
    let meeting = &record["meeting"];
    assert_eq!(
        meeting["conclusion"],
        fixture::CONCLUSION.join("\n").as_str()
    );
    let chair = fixture.id(fixture::CHAIR);
    assert_eq!(meeting["details"]["chair_id"], chair);
    documented(meeting, "meeting");
    documented(&meeting["details"], "meeting.details");
    let person = &record["participants"][chair.to_string()];
    assert_eq!(person["honorific"], "mr");
    assert_eq!(person["role"], "leadership");
    assert_eq!(person["position"], "Phó Giám đốc Sở Khoa học và Công nghệ");
    let group = &record["participants"][fixture.id(fixture::GROUP).to_string()];
    assert_eq!(group["members"], 7);
    assert_eq!(group["representatives"], fixture::REPRESENTATIVES);
    for p in record["participants"].as_object().unwrap().values() {
        documented(p, "participant");
    }
    for item in record["agenda"].as_object().unwrap().values() {
        documented(item, "agenda item");
    }
    let written = record["issues"]
        .as_object()
        .unwrap()
        .values()
        .find(|i| i["source"] == "written-submission")
        .unwrap();
    assert_eq!(written["letter_number"], fixture::LETTER_NUMBER);
    assert_eq!(written["letter_date"], "2026-01-28");
    assert!(written["answered_by"].is_u64());
    documented(written, "issue");

    // Every kind of entry the meeting wrote is documented, with its members.
    for entry in document["journal"].as_array().unwrap() {
        let kind = entry["kind"].as_str().unwrap();
        documented(&entry["event"], kind);
    }
    let kinds: Vec<&str> = document["journal"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    for kind in [
        "attendance-set",
        "agenda-notes-written",
        "conclusion-written",
    ] {
        assert!(kinds.contains(&kind), "{kind}");
    }
}

#[test]
fn csv_tables_carry_positions_letters_and_who_answered_after_the_older_columns() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = fixture::whole_record(&meeting_path(&dir));
    let record = fixture.record();
    let (header, rows) = parse_csv(&csv_string(record, CsvTable::Issues, today()));
    // The columns a spreadsheet already reads stay where they were.
    let older = [
        "number",
        "raised_at",
        "raised_by",
        "organization",
        "agenda_item",
        "source",
        "category",
        "field",
        "procedure",
        "text",
        "answer",
        "disposition",
        "reply_due",
        "escalated_to",
        "closed_on",
        "closing_ref",
        "overdue",
    ];
    assert_eq!(header[..older.len()], older);
    assert_eq!(
        header[older.len()..],
        [
            "position",
            "contact",
            "letter_number",
            "letter_date",
            "answered_by",
            "answered_by_position"
        ]
    );
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let written = rows
        .iter()
        .find(|r| r[column("source")] == "written-submission")
        .unwrap();
    assert_eq!(written[column("raised_by")], fixture::WRITER);
    assert_eq!(written[column("position")], "Giám đốc");
    let writer = &record.participants[&fixture.id(fixture::WRITER)];
    assert_eq!(written[column("contact")], writer.contact);
    assert_eq!(written[column("letter_number")], fixture::LETTER_NUMBER);
    assert_eq!(written[column("letter_date")], "2026-01-28");
    assert_eq!(written[column("answered_by")], "Nguyễn Thị Kim Loan");
    assert_eq!(
        written[column("answered_by_position")],
        "Trưởng phòng Quản lý công nghệ và Chuyên ngành"
    );
    let answered = rows
        .iter()
        .find(|r| r[column("raised_by")] == fixture::UNCHECKED_WHO_RAISED)
        .unwrap();
    assert_eq!(answered[column("answered_by")], fixture::ANSWERER);
    assert_eq!(
        answered[column("answered_by_position")],
        fixture::ANSWERER_POSITION
    );
    assert_eq!(answered[column("letter_number")], "");

    let (header, turns) = parse_csv(&csv_string(record, CsvTable::Turns, today()));
    assert_eq!(header.last().map(String::as_str), Some("position"));
    assert_eq!(header[1], "participant");
    let spoke = turns
        .iter()
        .find(|r| r[1] == fixture::ABSENT_WHO_SPOKE)
        .unwrap();
    assert_eq!(spoke.last().map(String::as_str), Some("Giám đốc"));
}
