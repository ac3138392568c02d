//! The register and the period reports across many meeting files (`gavel
//! register`, `gavel report`), as a department's secretary and leadership
//! use them: three generated meetings in January, March and June 2026, two
//! written replies closed through the real binary (one on time, one late);
//! every count checked against the records as `gavel export --format json`
//! gives them, read here on their own (not through the register's code);
//! periods leaving meetings out; filters; what is owed, by owner, and
//! `--overdue`'s exit status; CSV parsed back in both languages; the report
//! as Markdown, Word (its XML read back) and CSV; no English word in the
//! Vietnamese outputs; a damaged file among good ones; a meeting held open
//! by another process mid-write; and the files read left as they were.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use common::english::words;
use common::word::read_body;
use common::*;
use gavel::domain::Role;
use gavel::export::csv::BOM;
use gavel::generate::{Size, create_large};
use serde_json::Value;

/// The day the tests count to.
const TODAY: &str = "01/07/2026";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()
}

/// Three meetings in `dir` (January, March, June 2026), named so that the
/// folder's order is not the meetings' order; in March, a written reply
/// closed on its deadline and another ten days after it.
fn meetings(dir: &Path) -> Vec<PathBuf> {
    let made = [
        ("b-thang-1.gavel", 2026, 1, 20),
        ("a-thang-3.gavel", 2026, 3, 10),
        ("c-thang-6.gavel", 2026, 6, 16),
    ];
    let paths: Vec<PathBuf> = made
        .iter()
        .map(|(name, y, m, d)| {
            let path = dir.join(name);
            let now = Utc.with_ymd_and_hms(*y, *m, *d, 3, 0, 0).unwrap();
            drop(
                create_large(
                    &path,
                    fast_options("gen", Role::Chair),
                    Size::scaled(200),
                    now,
                )
                .unwrap(),
            );
            path
        })
        .collect();
    let march = &paths[1];
    let replies: Vec<Value> = issues(&export(march))
        .into_iter()
        .filter(|i| i["disposition"] == "written-reply-required")
        .collect();
    assert!(replies.len() >= 2, "the generator gives written replies");
    for (issue, late) in [(&replies[0], 0), (&replies[1], 10)] {
        let due = day(&issue["reply_due"]).expect("a written reply has a deadline");
        let on = (due + Duration::days(late)).format("%d/%m/%Y").to_string();
        let number = issue["number"].to_string();
        let (code, _, err) = finished(gavel_command().args([
            "followup",
            &march.display().to_string(),
            "--close-issue",
            &number,
            "--ref",
            &format!("{number}/SKHCN-QLCN"),
            "--on",
            &on,
            "--as",
            "Lan",
        ]));
        assert_eq!(code, Some(0), "{err}");
    }
    paths
}

/// A meeting's record as its JSON export gives it.
fn export(file: &Path) -> Value {
    let (code, out, err) =
        finished(gavel_command().args(["export", &file.display().to_string(), "--format", "json"]));
    assert_eq!(code, Some(0), "{err}");
    serde_json::from_str(&out).unwrap()
}

fn issues(export: &Value) -> Vec<Value> {
    let mut list: Vec<Value> = export["record"]["issues"]
        .as_object()
        .unwrap()
        .values()
        .cloned()
        .collect();
    list.sort_by_key(|i| i["number"].as_u64());
    list
}

fn day(value: &Value) -> Option<NaiveDate> {
    value.as_str().map(|s| s.parse().unwrap())
}

/// The local day a meeting started.
fn meeting_day(export: &Value) -> NaiveDate {
    let meeting = &export["record"]["meeting"];
    let start: chrono::DateTime<Utc> = meeting["actual_start"].as_str().unwrap().parse().unwrap();
    let offset = meeting["details"]["utc_offset_minutes"].as_i64().unwrap();
    (start + Duration::minutes(offset)).date_naive()
}

/// Where an issue stands as of `today`, worked out here from its fields.
fn expected_status(issue: &Value, today: NaiveDate) -> &'static str {
    let due = match issue["disposition"].as_str().unwrap() {
        "answered" => return "answered",
        "withdrawn" => return "withdrawn",
        "open" => return "undecided",
        "written-reply-required" => day(&issue["reply_due"]),
        _ => day(&issue["forward_due"]),
    };
    match day(&issue["closed_on"]) {
        Some(on) if due.is_some_and(|due| on > due) => "done-late",
        Some(_) => "done-on-time",
        None if due.is_some_and(|due| due < today) => "overdue",
        None => "pending",
    }
}

/// Every issue of the meetings, in the register's order (by meeting day,
/// then number), with its meeting's day.
fn expected(paths: &[PathBuf]) -> Vec<(NaiveDate, Value)> {
    let mut all: Vec<(NaiveDate, Value)> = paths
        .iter()
        .flat_map(|p| {
            let record = export(p);
            let on = meeting_day(&record);
            issues(&record).into_iter().map(move |i| (on, i))
        })
        .collect();
    all.sort_by_key(|(on, i)| (*on, i["number"].as_u64()));
    all
}

fn gavel(args: &[&str]) -> (Option<i32>, String, String) {
    finished(gavel_command().args(args))
}

fn json_of(args: &[&str]) -> Value {
    let (code, out, err) = gavel(args);
    assert_eq!(code, Some(0), "gavel {args:?}: {err}");
    serde_json::from_str(&out).unwrap()
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let body = text.strip_prefix(BOM).expect("a byte order mark");
    let mut reader = csv::ReaderBuilder::new().from_reader(body.as_bytes());
    let headers = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (headers, rows)
}

#[test]
fn the_register_numbers_every_petition_in_the_order_of_the_meetings() {
    let dir = tempfile::tempdir().unwrap();
    let paths = meetings(dir.path());
    let folder = dir.path().display().to_string();
    let want = expected(&paths);
    assert!(want.len() > 40, "{} petitions", want.len());
    let register = json_of(&["register", &folder, "--today", TODAY, "--format", "json"]);
    let got = register["petitions"].as_array().unwrap();
    assert_eq!(got.len(), want.len());
    for (n, (entry, (on, issue))) in got.iter().zip(&want).enumerate() {
        assert_eq!(entry["number"], n + 1, "numbered through the year");
        assert_eq!(day(&entry["meeting"]["date"]), Some(*on));
        assert_eq!(entry["issue_number"], issue["number"]);
        assert_eq!(entry["disposition"], issue["disposition"]);
        assert_eq!(
            entry["field"].as_str().unwrap_or(""),
            issue["field"].as_str().unwrap().trim()
        );
        assert_eq!(
            entry["status"],
            expected_status(issue, today()),
            "{entry:#}\n{issue:#}"
        );
        assert_eq!(entry["reply_date"], issue["closed_on"]);
    }
    let statuses: BTreeSet<&str> = got.iter().map(|e| e["status"].as_str().unwrap()).collect();
    for status in ["answered", "overdue", "done-on-time", "done-late"] {
        assert!(statuses.contains(status), "{status} in {statuses:?}");
    }

    // The files given one by one, in another order: the same register.
    let mut args = vec!["register".to_string()];
    args.extend(paths.iter().rev().map(|p| p.display().to_string()));
    args.extend(["--today", TODAY, "--format", "json"].map(String::from));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let again = json_of(&args);
    let numbers = |doc: &Value| -> Vec<(u64, String, u64)> {
        doc["petitions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["number"].as_u64().unwrap(),
                    e["meeting"]["date"].as_str().unwrap().to_string(),
                    e["issue_number"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(numbers(&again), numbers(&register));

    // As a table, in both languages.
    let (code, out, err) = gavel(&["register", &folder, "--today", TODAY, "--format", "csv"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("\r\n"), "CRLF");
    let (headers, rows) = csv_rows(&out);
    assert_eq!(headers[0], "number");
    assert_eq!(rows.len(), want.len());
    let status_at = headers.iter().position(|h| h == "status").unwrap();
    let date_at = headers.iter().position(|h| h == "meeting_date").unwrap();
    for (row, (on, issue)) in rows.iter().zip(&want) {
        assert_eq!(row[status_at], expected_status(issue, today()));
        assert_eq!(row[date_at], on.to_string());
    }
    let (code, out, err) = gavel(&[
        "register", &folder, "--today", TODAY, "--format", "csv", "--lang", "vi",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let (headers, rows) = csv_rows(&out);
    assert_eq!(headers[0], "Số thứ tự");
    assert_eq!(rows.len(), want.len());
    let status_at = headers.iter().position(|h| h == "Tình trạng").unwrap();
    let overdue = rows.iter().filter(|r| r[status_at] == "quá hạn").count();
    let want_overdue = want
        .iter()
        .filter(|(_, i)| expected_status(i, today()) == "overdue")
        .count();
    assert_eq!(overdue, want_overdue);
    let date_at = headers.iter().position(|h| h == "Ngày hội nghị").unwrap();
    assert_eq!(rows[0][date_at], want[0].0.format("%d/%m/%Y").to_string());

    // As text: each petition under its number, the count at the end.
    let (code, out, err) = gavel(&["register", &folder, "--today", TODAY]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains(&format!("{} petitions at 3 meetings", want.len())),
        "{out}"
    );
    assert!(out.contains(&format!("{:>4}. ", want.len())), "{out}");
}

#[test]
fn periods_and_filters_leave_out_what_they_should() {
    let dir = tempfile::tempdir().unwrap();
    let paths = meetings(dir.path());
    let folder = dir.path().display().to_string();
    let want = expected(&paths);
    let register = |extra: &[&str]| -> Vec<Value> {
        let mut args = vec![
            "register",
            folder.as_str(),
            "--today",
            TODAY,
            "--format",
            "json",
        ];
        args.extend(extra);
        json_of(&args)["petitions"].as_array().unwrap().clone()
    };
    let in_months = |months: &[u32]| -> Vec<&(NaiveDate, Value)> {
        use chrono::Datelike;
        want.iter()
            .filter(|(on, _)| months.contains(&on.month()))
            .collect()
    };
    for (period, months) in [
        ("2026-03", vec![3]),
        ("2026-Q1", vec![1, 3]),
        ("2026-H1", vec![1, 3, 6]),
        ("2026-9M", vec![1, 3, 6]),
        ("2026", vec![1, 3, 6]),
        ("2026-Q2", vec![6]),
        ("2026-02", vec![]),
    ] {
        let got = register(&["--period", period]);
        let kept = in_months(&months);
        assert_eq!(got.len(), kept.len(), "{period}");
        // A petition keeps its number in the log, whatever is left out.
        let first_kept = want.iter().position(|w| Some(w) == kept.first().copied());
        if let (Some(first), Some(at)) = (got.first(), first_kept) {
            assert_eq!(first["number"], at + 1, "{period}");
        }
    }
    assert!(register(&["--period", "2025"]).is_empty());
    let days = register(&["--from", "01/03/2026", "--to", "30/06/2026"]);
    assert_eq!(days.len(), in_months(&[3, 6]).len());

    let field = want[0].1["field"].as_str().unwrap().to_string();
    let got = register(&["--field", &field.to_uppercase()]);
    let same_field = want
        .iter()
        .filter(|(_, i)| i["field"] == field.as_str())
        .count();
    assert_eq!(got.len(), same_field, "{field}");

    let got = register(&["--disposition", "escalated,redirected"]);
    let forwarded = want
        .iter()
        .filter(|(_, i)| ["escalated", "redirected"].contains(&i["disposition"].as_str().unwrap()))
        .count();
    assert_eq!(got.len(), forwarded);
    assert!(forwarded > 0);

    let got = register(&["--status", "done"]);
    assert_eq!(got.len(), 2, "the two replies closed");
    let got = register(&["--status", "late", "--period", "2026-Q1"]);
    assert_eq!(got.len(), 1);

    let (code, _, err) = gavel(&["register", &folder, "--period", "2026-Q5"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("2026-Q5"), "{err}");
    let (code, _, err) = gavel(&[
        "register",
        &folder,
        "--from",
        "02/03/2026",
        "--to",
        "01/03/2026",
    ]);
    assert_eq!(code, Some(2), "{err}");
}

#[test]
fn what_is_owed_across_the_meetings_and_overdue_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let paths = meetings(dir.path());
    let folder = dir.path().display().to_string();
    let records: Vec<Value> = paths.iter().map(|p| export(p)).collect();
    let owed_issues = records
        .iter()
        .flat_map(issues)
        .filter(|i| ["pending", "overdue"].contains(&expected_status(i, today())))
        .count();
    let open_tasks: Vec<Value> = records
        .iter()
        .flat_map(|r| {
            r["record"]["actions"]
                .as_object()
                .unwrap()
                .values()
                .cloned()
                .collect::<Vec<_>>()
        })
        .filter(|a| ["open", "in-progress"].contains(&a["status"].as_str().unwrap()))
        .collect();
    let owed = json_of(&[
        "register", &folder, "--today", TODAY, "--owed", "--format", "json",
    ]);
    let items = owed["owed"].as_array().unwrap();
    assert_eq!(items.len(), owed_issues + open_tasks.len());
    // By agency, then owner: each owner's things together.
    let owners: Vec<&str> = items
        .iter()
        .map(|i| i["owner"].as_str().unwrap_or(""))
        .collect();
    let mut seen = Vec::new();
    for owner in &owners {
        if seen.last() != Some(owner) {
            assert!(!seen.contains(owner), "{owner} twice in {owners:?}");
            seen.push(*owner);
        }
    }
    let tasks_overdue = open_tasks
        .iter()
        .filter(|a| day(&a["due"]).is_some_and(|d| d < today()))
        .count();
    let issues_overdue = records
        .iter()
        .flat_map(issues)
        .filter(|i| expected_status(i, today()) == "overdue")
        .count();
    let (code, out, err) = gavel(&[
        "register",
        &folder,
        "--today",
        TODAY,
        "--overdue",
        "--format",
        "json",
    ]);
    assert_eq!(code, Some(1), "something is overdue: {err}");
    let overdue: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(overdue["overdue"], issues_overdue + tasks_overdue);
    assert_eq!(
        overdue["owed"].as_array().unwrap().len(),
        issues_overdue + tasks_overdue
    );
    // The day before the first deadline: nothing overdue, exit 0.
    let first_due = records
        .iter()
        .flat_map(issues)
        .filter_map(|i| day(&i["reply_due"]).or(day(&i["forward_due"])))
        .chain(open_tasks.iter().filter_map(|a| day(&a["due"])))
        .min()
        .unwrap();
    let before = (first_due - Duration::days(1))
        .format("%d/%m/%Y")
        .to_string();
    let (code, out, err) = gavel(&["register", &folder, "--today", &before, "--overdue"]);
    assert_eq!(code, Some(0), "{out}{err}");
    // The owed list as text and as a table, in Vietnamese.
    let (code, out, _) = gavel(&[
        "register", &folder, "--today", TODAY, "--owed", "--lang", "vi",
    ]);
    assert_eq!(code, Some(0));
    assert!(
        out.starts_with("Việc còn phải làm (tính đến ngày 01/07/2026)"),
        "{out}"
    );
    let (_, out, _) = gavel(&[
        "register", &folder, "--today", TODAY, "--owed", "--format", "csv", "--lang", "vi",
    ]);
    let (headers, rows) = csv_rows(&out);
    assert_eq!(headers[1], "Đơn vị, cá nhân thực hiện");
    assert_eq!(rows.len(), items.len());
}

#[test]
fn the_report_counts_what_the_records_hold() {
    let dir = tempfile::tempdir().unwrap();
    let paths = meetings(dir.path());
    let folder = dir.path().display().to_string();
    // The first quarter: January and March.
    let q1: Vec<(NaiveDate, Value)> = expected(&paths)
        .into_iter()
        .filter(|(on, _)| *on < NaiveDate::from_ymd_opt(2026, 4, 1).unwrap())
        .collect();
    let (code, out, err) = gavel(&[
        "report", &folder, "--period", "2026-Q1", "--today", TODAY, "--format", "csv",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let (headers, rows) = csv_rows(&out);
    assert_eq!(headers, ["section", "item", "value"]);
    let value = |section: &str, item: &str| -> String {
        rows.iter()
            .find(|r| r[0] == section && r[1] == item)
            .unwrap_or_else(|| panic!("{section} {item} in {rows:?}"))[2]
            .clone()
    };
    assert_eq!(value("meetings", "total"), "2");
    assert_eq!(value("petitions", "total"), q1.len().to_string());
    let mut dispositions: BTreeMap<&str, usize> = BTreeMap::new();
    let mut fields: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, issue) in &q1 {
        *dispositions
            .entry(issue["disposition"].as_str().unwrap())
            .or_default() += 1;
        *fields.entry(issue["field"].as_str().unwrap()).or_default() += 1;
    }
    for (disposition, n) in &dispositions {
        assert_eq!(
            value("disposition", disposition),
            n.to_string(),
            "{disposition}"
        );
    }
    for (field, n) in &fields {
        assert_eq!(value("field", field), n.to_string(), "{field}");
    }
    let replies: Vec<&str> = q1
        .iter()
        .filter(|(_, i)| i["disposition"] == "written-reply-required")
        .map(|(_, i)| expected_status(i, today()))
        .collect();
    let count = |status: &str| replies.iter().filter(|s| **s == status).count().to_string();
    assert_eq!(value("written_replies", "total"), replies.len().to_string());
    assert_eq!(
        value("written_replies", "done-on-time"),
        count("done-on-time")
    );
    assert_eq!(value("written_replies", "done-late"), count("done-late"));
    assert_eq!(value("written_replies", "overdue"), count("overdue"));
    assert_eq!(value("written_replies", "on-time-percent"), "50.0");
    let overdue_replies = count("overdue");
    assert_eq!(value("overdue", "written-reply"), overdue_replies);

    // Markdown in both languages; no English word in the Vietnamese.
    let (code, en, err) = gavel(&["report", &folder, "--period", "2026-Q1", "--today", TODAY]);
    assert_eq!(code, Some(0), "{err}");
    assert!(en.contains("the first quarter of 2026"), "{en}");
    assert!(en.contains("50.0% (1 of 2 replied)"), "{en}");
    let (code, vi, err) = gavel(&[
        "report", &folder, "--period", "2026-Q1", "--today", TODAY, "--lang", "vi",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(vi.contains("quý I năm 2026"), "{vi}");
    assert!(vi.contains("50,0% (1/2 ý kiến đã trả lời)"), "{vi}");
    assert!(
        vi.contains(&format!("tiếp nhận {} ý kiến", q1.len())),
        "{vi}"
    );
    assert_no_english(&vi, &en, &paths);

    // The Word document, read back.
    let out = dir.path().join("bao-cao.docx");
    let (code, _, err) = gavel(&[
        "report",
        &folder,
        "--period",
        "2026-Q1",
        "--today",
        TODAY,
        "--lang",
        "vi",
        "--format",
        "docx",
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let body = read_body(&std::fs::read(&out).unwrap());
    let text = body.paragraphs.join("\n");
    assert!(text.contains("BÁO CÁO"), "{text}");
    assert!(text.contains("quý I năm 2026"), "{text}");
    let meetings_table = body
        .tables
        .iter()
        .find(|t| t[0].first().is_some_and(|c| c == "STT"))
        .expect("the meetings' table");
    assert_eq!(meetings_table.len(), 3, "a header and two meetings");
    // A Word report onto a terminal is refused elsewhere; -o naming a
    // meeting is refused here, before anything is read.
    let (code, _, err) = gavel(&[
        "report",
        &folder,
        "--format",
        "md",
        "-o",
        &paths[0].display().to_string(),
    ]);
    assert_eq!(code, Some(2), "{err}");
}

const NAMES: &[&str] = &["gavel", "docx", "csv", "json", "iii", "nam", "yyyy"];

/// No word of the English output in the Vietnamese one, but for what
/// people typed (the records) and the paths.
fn assert_no_english(vi: &str, en: &str, paths: &[PathBuf]) {
    assert_no_english_beside(vi, en, paths, "");
}

/// The same, `typed` also being what a person typed (a file's name).
fn assert_no_english_beside(vi: &str, en: &str, paths: &[PathBuf], typed: &str) {
    let mut given: BTreeSet<String> = words(typed).into_iter().collect();
    for path in paths {
        given.extend(words(&path.display().to_string()));
        given.extend(words(&export(path)["record"].to_string()));
    }
    let english: BTreeSet<String> = words(en)
        .into_iter()
        // Names the same in both languages: the program, formats, Roman
        // numerals of the sections, the country's name.
        .filter(|w| !given.contains(w) && !NAMES.contains(&w.as_str()))
        .collect();
    let leaks: BTreeSet<String> = words(vi)
        .into_iter()
        .filter(|w| english.contains(w))
        .collect();
    assert!(leaks.is_empty(), "English in Vietnamese: {leaks:?}\n{vi}");
}

#[test]
fn the_vietnamese_lists_have_no_english_word() {
    let dir = tempfile::tempdir().unwrap();
    let paths = meetings(dir.path());
    let folder = dir.path().display().to_string();
    for extra in [
        vec![],
        vec!["--owed"],
        vec!["--overdue"],
        vec!["--format", "csv"],
        vec!["--owed", "--format", "csv"],
    ] {
        let run = |lang: &str| {
            let mut args = vec![
                "register",
                folder.as_str(),
                "--today",
                TODAY,
                "--lang",
                lang,
            ];
            args.extend(&extra);
            let (_, out, err) = gavel(&args);
            format!("{out}{err}")
        };
        assert_no_english(&run("vi"), &run("en"), &paths);
    }
    let run = |lang: &str| {
        let (_, out, err) = gavel(&[
            "report", &folder, "--period", "2026", "--format", "csv", "--today", TODAY, "--lang",
            lang,
        ]);
        format!("{out}{err}")
    };
    assert_no_english(&run("vi"), &run("en"), &paths);

    // What goes wrong: a damaged file, a file left aside, a folder with no
    // meeting, a period or days that are not.
    let bytes = std::fs::read(&paths[0]).unwrap();
    std::fs::write(dir.path().join("hong.gavel"), &bytes[..bytes.len() / 2]).unwrap();
    std::fs::write(dir.path().join("ghi-chu.txt"), "không phải cuộc họp").unwrap();
    let empty = dir.path().join("trong");
    std::fs::create_dir(&empty).unwrap();
    let empty = empty.display().to_string();
    for args in [
        vec!["register", folder.as_str(), "--overdue", "--today", TODAY],
        vec!["register", empty.as_str()],
        vec!["register", folder.as_str(), "--period", "2026-Q7"],
        vec![
            "report",
            folder.as_str(),
            "--from",
            "02/03/2026",
            "--to",
            "01/03/2026",
        ],
        vec!["report", folder.as_str(), "--to", "mai"],
    ] {
        let run = |lang: &str| {
            let mut all = args.clone();
            all.extend(["--lang", lang]);
            let (_, out, err) = gavel(&all);
            assert!(!err.is_empty(), "{all:?}: nothing said");
            format!("{out}{err}")
        };
        assert_no_english_beside(&run("vi"), &run("en"), &paths, "hong ghi chu txt trong mai");
    }
}

#[test]
fn a_damaged_file_is_named_and_the_others_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let paths = meetings(dir.path());
    let folder = dir.path().display().to_string();
    let want = expected(&paths).len();
    let bytes = std::fs::read(&paths[0]).unwrap();
    std::fs::write(dir.path().join("hong.gavel"), &bytes[..bytes.len() / 2]).unwrap();
    std::fs::write(dir.path().join("ghi-chu.txt"), "không phải cuộc họp").unwrap();
    for lang in ["en", "vi"] {
        let (code, out, err) = gavel(&[
            "register", &folder, "--today", TODAY, "--format", "json", "--lang", lang,
        ]);
        assert_eq!(code, Some(1), "{err}");
        assert!(err.contains("hong.gavel"), "{err}");
        assert!(
            err.contains("ghi-chu.txt"),
            "a file left aside is named: {err}"
        );
        let register: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(register["petitions"].as_array().unwrap().len(), want);
    }
    let (code, out, err) = gavel(&["report", &folder, "--today", TODAY, "--lang", "vi"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(out.contains(&format!("tiếp nhận {want} ý kiến")), "{out}");
    let (code, _, err) = gavel(&["register", "khong-co.gavel"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("khong-co.gavel"), "{err}");
}

#[test]
fn a_meeting_altered_outside_gavel_is_left_out_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let paths = meetings(dir.path());
    let folder = dir.path().display().to_string();
    let all = expected(&paths).len();
    let register = |lang: &str| {
        let (code, out, err) = gavel(&[
            "register", &folder, "--today", TODAY, "--format", "json", "--lang", lang,
        ]);
        let listed: Value = serde_json::from_str(&out).unwrap();
        (code, listed["petitions"].as_array().unwrap().clone(), err)
    };
    assert_eq!(register("en").1.len(), all);

    // June: a petition's text changed in its table with sqlite3; the
    // journal, which the hashes hold, still says what was said.
    let conn = rusqlite::Connection::open(&paths[2]).unwrap();
    conn.execute(
        "UPDATE issues SET text = 'Sửa tay ngoài gavel' WHERE id = (SELECT min(id) FROM issues)",
        [],
    )
    .unwrap();
    drop(conn);
    // March: an entry of the journal changed, its hash left as it was.
    let conn = rusqlite::Connection::open(&paths[1]).unwrap();
    conn.execute(
        "UPDATE journal SET payload = replace(payload, '\"', '\" ') WHERE seq = 3",
        [],
    )
    .unwrap();
    drop(conn);

    let january = expected(&paths[..1]).len();
    assert!(january > 0 && january < all);
    for (lang, said) in [
        ("en", "does not pass its check"),
        (
            "vi",
            "tệp không qua được bước kiểm tra nên không được đưa vào",
        ),
    ] {
        let (code, listed, err) = register(lang);
        assert_eq!(code, Some(1), "{err}");
        for name in ["c-thang-6.gavel", "a-thang-3.gavel"] {
            let line = err.lines().find(|l| l.contains(name));
            assert!(
                line.is_some_and(|l| l.contains(said)),
                "{name} named: {err}"
            );
        }
        assert!(!err.contains("b-thang-1.gavel"), "{err}");
        assert_eq!(listed.len(), january, "{err}");
        assert!(!serde_json::to_string(&listed).unwrap().contains("Sửa tay"));
    }
    let (code, out, err) = gavel(&["report", &folder, "--today", TODAY, "--lang", "vi"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        out.contains(&format!("tiếp nhận {january} ý kiến")),
        "{out}"
    );
    assert!(err.contains("c-thang-6.gavel"), "{err}");
}

/// A meeting recorded on a computer whose clock was behind (an entry
/// dated before the one it follows, as gavel wrote them before it kept
/// times in order) is still the record: listed, and `gavel check` alone
/// says so.
#[test]
fn a_meeting_whose_clock_was_behind_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let paths = meetings(dir.path());
    let all = expected(&paths).len();
    date_before_the_previous(&paths[0], 5);
    let (code, _, _) = gavel(&["check", &paths[0].display().to_string()]);
    assert_eq!(code, Some(6), "the check says the times go backwards");
    let folder = dir.path().display().to_string();
    let listed = json_of(&["register", &folder, "--today", TODAY, "--format", "json"]);
    assert_eq!(listed["petitions"].as_array().unwrap().len(), all);
}

#[test]
fn a_meeting_held_open_mid_write_is_read_and_files_are_left_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let paths = meetings(dir.path());
    let folder = dir.path().display().to_string();
    let want = expected(&paths).len();
    let listing = |dir: &Path| -> BTreeSet<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    // Nobody has them open: the files and the folder stay as they were.
    let before: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let names = listing(dir.path());
    let (code, _, err) = gavel(&["report", &folder, "--today", TODAY]);
    assert_eq!(code, Some(0), "{err}");
    let after: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert!(before == after, "the meeting files were changed");
    assert_eq!(listing(dir.path()), names);

    // This process holds a write transaction on the June meeting, with an
    // issue written into its WAL and not committed.
    let mut store = gavel::store::Store::open(&paths[2], options("Lan", Role::Secretary)).unwrap();
    store.execute(issue("Kiến nghị đã lưu")).unwrap();
    let conn = rusqlite::Connection::open(&paths[2]).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE; UPDATE issues SET text = 'chưa lưu' WHERE 0;")
        .unwrap();
    let (code, out, err) = gavel(&["register", &folder, "--today", TODAY, "--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    let register: Value = serde_json::from_str(&out).unwrap();
    let got = register["petitions"].as_array().unwrap();
    assert_eq!(got.len(), want + 1, "the committed issue is read");
    assert_eq!(got.last().unwrap()["content"], "Kiến nghị đã lưu");
    conn.execute_batch("ROLLBACK").unwrap();
    drop(store);
}

#[test]
fn a_meeting_named_twice_or_copied_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let paths = meetings(dir.path());
    let folder = dir.path().display().to_string();
    let want = expected(&paths).len();
    // A copy in the folder, and a file named beside its folder.
    let copy = dir.path().join("ban-sao.gavel");
    std::fs::copy(&paths[0], &copy).unwrap();
    let first = paths[0].display().to_string();
    for lang in ["en", "vi"] {
        let (code, out, err) = gavel(&[
            "register", &first, &folder, "--today", TODAY, "--format", "json", "--lang", lang,
        ]);
        assert_eq!(code, Some(0), "{err}");
        let register: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(register["petitions"].as_array().unwrap().len(), want);
        assert!(err.contains("ban-sao.gavel"), "the copy is named: {err}");
        let said = if lang == "en" {
            "counted once"
        } else {
            "chỉ tính một lần"
        };
        assert_eq!(err.matches(said).count(), 2, "{err}");
    }
    let (code, out, err) = gavel(&["report", &first, &folder, "--today", TODAY, "--lang", "vi"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains(&format!("tiếp nhận {want} ý kiến")), "{out}");
}
