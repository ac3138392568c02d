//! The reporting commands as a script reads them (`docs/scripting.md`):
//! `gavel log --format json|csv` checked entry by entry against the
//! journal, text never cut into a pipe, a reader that stops reading
//! (`| head`) ending the log quietly; `gavel check --format json` on a
//! sound and on a tampered file, with the same exit status as the text;
//! `gavel config --format json` with each setting's value and source.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

use common::memory::scaled_meeting;
use common::*;
use gavel::domain::*;
use gavel::store::{JournalEntry, Store};
use serde_json::Value;

fn journal(file: &Path) -> Vec<JournalEntry> {
    Store::open(file, options("reader", Role::Observer))
        .unwrap()
        .entries_after(0)
        .unwrap()
}

fn gavel(args: &[&str]) -> (Option<i32>, String, String) {
    finished(gavel_command().args(args))
}

fn parse(json: &str) -> Value {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("not JSON ({e}): {json}"))
}

#[test]
fn the_log_as_json_lines_is_the_journal_entry_by_entry() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_demo(&dir, "chair");
    let entries = journal(&file);
    let path = file.to_str().unwrap();
    let (code, out, err) = gavel(&["log", path, "--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<Value> = out.lines().map(parse).collect();
    assert_eq!(lines.len(), entries.len());
    for (line, entry) in lines.iter().zip(&entries) {
        assert_eq!(line["seq"], entry.seq);
        assert_eq!(line["kind"], entry.event.kind());
        assert_eq!(line["actor"], entry.actor.as_str());
        assert_eq!(line["role"], entry.role.as_str());
        assert_eq!(line["event"], serde_json::to_value(&entry.event).unwrap());
        let at: chrono::DateTime<chrono::Utc> = line["at"].as_str().unwrap().parse().unwrap();
        assert_eq!(at, entry.at);
        assert!(!line["summary"].as_str().unwrap().is_empty());
    }
    // The sentence follows --lang; the rest does not.
    let (_, vietnamese, _) = gavel(&["log", path, "--format", "json", "--lang", "vi"]);
    let first = parse(vietnamese.lines().next().unwrap());
    assert!(
        first["summary"]
            .as_str()
            .unwrap()
            .starts_with("tạo cuộc họp"),
        "{first}"
    );
    assert_eq!(first["kind"], lines[0]["kind"]);
}

#[test]
fn the_log_into_a_pipe_quotes_peoples_texts_whole() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_demo(&dir, "chair");
    let record = read_record(&file);
    let longest = record
        .issues
        .values()
        .map(|i| i.text.as_str())
        .max_by_key(|t| t.chars().count())
        .unwrap();
    assert!(longest.chars().count() > 100, "{longest}");
    let (code, out, err) = gavel(&["log", file.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains(&format!("“{longest}”")), "{out}");
}

#[test]
fn followup_into_a_pipe_says_what_each_issue_is_about_whole() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_demo(&dir, "chair");
    let record = read_record(&file);
    // What the list says an issue is about: its procedure, else the first
    // line of its text.
    let subjects: Vec<String> = record
        .issues
        .values()
        .filter(|i| i.disposition == Disposition::WrittenReplyRequired)
        .map(|i| {
            if i.procedure.is_empty() {
                i.text.lines().next().unwrap_or("").to_string()
            } else {
                i.procedure.clone()
            }
        })
        .collect();
    assert!(
        subjects.iter().any(|s| s.chars().count() > 70),
        "{subjects:?}"
    );
    let (code, out, err) = gavel(&["followup", file.to_str().unwrap(), "--today", "02/03/2026"]);
    assert_eq!(code, Some(0), "{err}");
    for subject in &subjects {
        assert!(out.contains(subject.as_str()), "{subject}\n{out}");
    }
}

#[test]
fn the_log_as_csv_has_a_row_per_entry_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_demo(&dir, "chair");
    let entries = journal(&file);
    for (lang, first_column, role) in [("en", "seq", "chair"), ("vi", "Số thứ tự", "chủ trì")]
    {
        let (code, out, err) = gavel(&[
            "log",
            file.to_str().unwrap(),
            "--format",
            "csv",
            "--lang",
            lang,
        ]);
        assert_eq!(code, Some(0), "{err}");
        let body = out.strip_prefix('\u{feff}').expect("a byte order mark");
        assert!(body.contains("\r\n"));
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let header = reader.headers().unwrap().clone();
        assert_eq!(&header[0], first_column);
        assert_eq!(header.len(), 6);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), entries.len());
        for (row, entry) in rows.iter().zip(&entries) {
            assert_eq!(row[0], entry.seq.to_string());
            assert_eq!(row[3], entry.actor);
        }
        assert_eq!(&rows[0][4], role);
    }
}

#[test]
fn a_reader_that_stops_reading_ends_the_log_quietly() {
    let dir = tempfile::tempdir().unwrap();
    // Some 20,000 entries: far more than a pipe holds.
    let file = scaled_meeting(&dir, 10);
    let mut child = gavel_command()
        .args(["log", file.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("#1 "), "{first}");
    // The reader is gone, as `| head -1` goes: gavel ends as a pipe's
    // tools do, by SIGPIPE (or, where a parent ignores it, exit 0), with
    // nothing on stderr.
    let output = child.wait_with_output().unwrap();
    use std::os::unix::process::ExitStatusExt;
    assert!(
        output.status.signal() == Some(libc::SIGPIPE) || output.status.code() == Some(0),
        "{:?}",
        output.status
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn check_as_json_gives_the_verdicts_and_the_same_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_demo(&dir, "chair");
    let entries = journal(&file).len();
    let path = file.to_str().unwrap();
    let (code, out, err) = gavel(&["check", path, "--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    let report = parse(&out);
    assert_eq!(report["format"], "gavel-check");
    assert_eq!(report["ok"], true);
    assert_eq!(report["exit_status"], 0);
    assert_eq!(report["chain"]["entries"], entries);
    for part in ["integrity", "chain", "replay", "times"] {
        assert_eq!(report[part]["ok"], true, "{part}");
    }
    assert_eq!(report["fingerprint"], Value::Null);

    // A fingerprint on minutes never approved: 7, said in the document.
    let (code, out, _) = gavel(&[
        "check",
        path,
        "--format",
        "json",
        "--fingerprint",
        "abcd1234",
    ]);
    assert_eq!(code, Some(7));
    let report = parse(&out);
    assert_eq!(report["fingerprint"]["verdict"], "not-approved");
    assert_eq!(report["fingerprint"]["given"], "abcd1234");
    assert_eq!(report["exit_status"], 7);

    // An entry altered without its hash: the chain is broken (4).
    let conn = rusqlite::Connection::open(&file).unwrap();
    conn.execute(
        "UPDATE journal SET actor = 'someone else' WHERE seq = 5",
        [],
    )
    .unwrap();
    drop(conn);
    let (code, text, _) = gavel(&["check", path]);
    let (json_code, out, _) = gavel(&["check", path, "--format", "json"]);
    assert_eq!(code, Some(4), "{text}");
    assert_eq!(json_code, code);
    let report = parse(&out);
    assert_eq!(report["ok"], false);
    assert_eq!(report["chain"]["ok"], false);
    assert!(
        report["chain"]["error"].as_str().unwrap().contains('5'),
        "{out}"
    );
}

#[test]
fn config_as_json_gives_each_value_and_where_it_comes_from() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/config.toml");
    let (code, out, err) = finished(
        gavel_command()
            .env("GAVEL_CONFIG", &example)
            .env("GAVEL_LANG", "en")
            .args(["config", "--as", "Lan", "--format", "json"]),
    );
    assert_eq!(code, Some(0), "{err}");
    let config = parse(&out);
    assert_eq!(config["format"], "gavel-config");
    assert_eq!(config["config_file"]["exists"], true);
    let settings = &config["settings"];
    assert_eq!(settings["name"]["value"], "Lan");
    assert_eq!(settings["name"]["source"], "command-line");
    assert_eq!(settings["role"]["value"], "secretary");
    assert_eq!(settings["role"]["source"], "file");
    assert_eq!(settings["lang"]["value"], "en");
    assert_eq!(settings["lang"]["source"], "environment");
    assert_eq!(settings["lang"]["variable"], "GAVEL_LANG");
    assert_eq!(settings["reply_days"]["value"], 15);
    assert_eq!(
        settings["holidays"]["value"],
        serde_json::json!(["2026-12-31"])
    );
    assert_eq!(settings["mouse"]["value"], true);
    assert_eq!(settings["speaking_minutes"]["source"], "file");
}
