//! `gavel followup FILE --format json` as a script reads it: the document
//! parsed and checked against the record (every written reply, forwarding
//! and action owed, with its deadline and state), the same document
//! whatever `--lang`, and `--overdue`'s exit status (1 when something is
//! overdue, with its count on stderr; 0 when nothing is), so that
//! `gavel followup FILE --overdue --format json || notify` works from cron.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use common::*;
use gavel::domain::*;
use serde_json::Value;

/// The first working Monday after the Tết days off that followed the demo
/// meeting (5 February 2026): some deadlines have passed, others not.
const REPORT_DAY: &str = "02/03/2026";

fn report_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

/// `gavel followup FILE ARGS...`: its exit code, output and errors.
fn followup(file: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    finished(gavel_command().arg("followup").arg(file).args(args))
}

fn parse(json: &str) -> Value {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("not JSON ({e}): {json}"))
}

fn date(value: &Value) -> Option<NaiveDate> {
    value
        .as_str()
        .map(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("an ISO date"))
}

fn items<'v>(document: &'v Value, kind: &str) -> Vec<&'v Value> {
    document["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item["kind"] == kind)
        .collect()
}

#[test]
fn the_json_says_what_the_record_owes() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_demo(&dir, "chair");
    let record = read_record(&file);
    let today = report_day();
    let (code, out, err) = followup(&file, &["--format", "json", "--today", REPORT_DAY]);
    assert_eq!(code, Some(0), "{err}");
    let document = parse(&out);
    assert_eq!(document["format"], "gavel-followup");
    assert_eq!(document["version"], 1);
    assert_eq!(document["today"], "2026-03-02");
    assert_eq!(document["overdue_only"], false);

    // Every written reply owed, by number, with its deadline and state.
    let mut replies: Vec<&Issue> = record
        .issues
        .values()
        .filter(|i| i.disposition == Disposition::WrittenReplyRequired)
        .collect();
    replies.sort_by_key(|i| i.number);
    let listed = items(&document, "written-reply");
    assert!(!replies.is_empty());
    assert_eq!(listed.len(), replies.len(), "{out}");
    for (issue, item) in replies.iter().zip(&listed) {
        assert_eq!(item["issue_number"], issue.number);
        assert_eq!(item["content"], issue.text.as_str());
        assert_eq!(date(&item["due"]), issue.reply_due);
        let person = &record.participants[&issue.raised_by.unwrap()];
        assert_eq!(item["raised_by"], person.name.as_str());
        let status = if issue.is_overdue(today) {
            "overdue"
        } else {
            "open"
        };
        assert_eq!(item["status"], status, "issue {}", issue.number);
    }

    // Every forwarding owed, escalated or redirected, with where it goes.
    for (kind, disposition) in [
        ("escalated", Disposition::Escalated),
        ("redirected", Disposition::Redirected),
    ] {
        let issues: Vec<&Issue> = record
            .issues
            .values()
            .filter(|i| i.disposition == disposition)
            .collect();
        let listed = items(&document, kind);
        assert_eq!(listed.len(), issues.len(), "{kind}");
        for item in listed {
            let number = item["issue_number"].as_u64().unwrap() as u32;
            let issue = issues.iter().find(|i| i.number == number).unwrap();
            // A destination not recorded is null, not an empty string.
            assert_eq!(item["sent_to"].as_str().unwrap_or(""), issue.escalated_to);
            assert_eq!(date(&item["due"]), issue.forward_due);
        }
    }

    // Every action not cancelled, numbered as `followup` numbers them.
    let actions: Vec<(usize, &Action)> = record
        .actions
        .values()
        .enumerate()
        .filter(|(_, a)| a.status != ActionStatus::Cancelled)
        .collect();
    let listed = items(&document, "action");
    assert_eq!(listed.len(), actions.len());
    for ((index, action), item) in actions.iter().zip(&listed) {
        assert_eq!(item["action_number"], index + 1);
        assert_eq!(item["content"], action.title.as_str());
        assert_eq!(item["owner"].as_str().unwrap_or(""), action.owner);
        assert_eq!(date(&item["due"]), action.due);
        let overdue = action.is_overdue(today);
        assert_eq!(item["status"] == "overdue", overdue, "action {}", index + 1);
        if overdue {
            let late = item["working_days_late"].as_i64().unwrap();
            assert!(late > 0);
        }
    }

    // The counts are those of the items.
    let all = document["items"].as_array().unwrap();
    let counted = |status: &str| all.iter().filter(|i| i["status"] == status).count();
    let counts = &document["counts"];
    assert_eq!(counts["total"], all.len());
    assert_eq!(counts["overdue"], counted("overdue"));
    assert_eq!(counts["open"], counted("open"));
    assert!(counted("overdue") > 0 && counted("open") > 0, "{out}");
}

#[test]
fn the_json_is_the_same_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_demo(&dir, "chair");
    let args = ["--format", "json", "--today", REPORT_DAY, "--lang"];
    let (_, english, _) = followup(&file, &[&args[..], &["en"]].concat());
    let (_, vietnamese, _) = followup(&file, &[&args[..], &["vi"]].concat());
    assert_eq!(parse(&english), parse(&vietnamese));
    assert_eq!(english, vietnamese);
}

#[test]
fn overdue_exits_1_when_something_is_overdue_and_0_when_nothing_is() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_demo(&dir, "chair");
    let record = read_record(&file);
    let today = report_day();
    let overdue = record
        .issues
        .values()
        .filter(|i| i.is_overdue(today))
        .count()
        + record
            .actions
            .values()
            .filter(|a| a.is_overdue(today))
            .count();
    assert!(overdue > 0);

    // Something overdue: the document is written all the same, exit 1,
    // and stderr says how many.
    let (code, out, err) = followup(
        &file,
        &["--overdue", "--format", "json", "--today", REPORT_DAY],
    );
    assert_eq!(code, Some(1), "{err}");
    let document = parse(&out);
    assert_eq!(document["overdue_only"], true);
    let listed = document["items"].as_array().unwrap();
    assert_eq!(listed.len(), overdue);
    assert!(listed.iter().all(|i| i["status"] == "overdue"), "{out}");
    assert_eq!(document["counts"]["overdue"], overdue);
    assert!(err.contains(&format!("overdue now: {overdue}")), "{err}");

    // In Vietnamese, the same, said in Vietnamese; as text too.
    let (code, out, err) = followup(&file, &["--overdue", "--today", REPORT_DAY, "--lang", "vi"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(out.contains("QUÁ HẠN"), "{out}");
    assert!(
        err.contains(&format!("đang quá hạn: {overdue} việc")),
        "{err}"
    );

    // Into a file: written, and the exit status still says so.
    let json = dir.path().join("overdue.json");
    let (code, _, err) = followup(
        &file,
        &[
            "--overdue",
            "--format",
            "json",
            "--today",
            REPORT_DAY,
            "-o",
            json.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(parse(&std::fs::read_to_string(&json).unwrap()), document);

    // Before any deadline: nothing overdue, exit 0, nothing on stderr.
    let (code, out, err) = followup(
        &file,
        &["--overdue", "--format", "json", "--today", "06/02/2026"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
    let document = parse(&out);
    assert_eq!(document["items"].as_array().unwrap().len(), 0);
    assert_eq!(document["counts"]["overdue"], 0);

    // Without --overdue, overdue things are listed and the exit is 0.
    let (code, _, err) = followup(&file, &["--format", "json", "--today", REPORT_DAY]);
    assert_eq!(code, Some(0), "{err}");
}
