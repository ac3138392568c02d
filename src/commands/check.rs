//! `gavel check FILE`: integrity, the hash chain, replay = tables, and the
//! journal's times in order; with `--fingerprint`, whether the file still
//! holds the record whose signed minutes carry that fingerprint.

use std::path::Path;
use std::process::ExitCode;

use serde_json::{Value, json};

use crate::cli::ReportFormat;
use crate::domain::clock::offset;
use crate::i18n::{Lang, Texts, fill};
use crate::store::{self, CheckReport, Store, Vouched};

pub fn check(path: &Path, fingerprint: Option<&str>, format: ReportFormat, lang: Lang) -> ExitCode {
    let texts = lang.texts();
    let verdicts = match fingerprint {
        None => store::check(path).map(|report| (report, None)),
        Some(typed) => {
            store::verify_fingerprint(path, typed).map(|(report, vouched)| (report, Some(vouched)))
        }
    };
    let (report, vouched) = match verdicts {
        Ok(verdicts) => verdicts,
        Err(error) => {
            let message = error.localized(lang);
            eprintln!("gavel: {}: {message}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let code = exit_code(&report, vouched.as_ref());
    if format == ReportFormat::Json {
        println!(
            "{}",
            check_json(path, &report, fingerprint, vouched.as_ref(), code)
        );
        return ExitCode::from(code);
    }
    println!("{}", path.display());
    print_report(&report, texts);
    if let Some(vouched) = &vouched {
        let line = fingerprint_line(path, vouched, texts);
        println!("  {:<18} {line}", texts.check_fingerprint);
    }
    ExitCode::from(code)
}

/// The same verdicts as one JSON document (`docs/scripting.md`).
fn check_json(
    path: &Path,
    report: &CheckReport,
    fingerprint: Option<&str>,
    vouched: Option<&Vouched>,
    code: u8,
) -> String {
    let verdict = |result: Result<Value, &String>| match result {
        Ok(mut value) => {
            value["ok"] = json!(true);
            value
        }
        Err(error) => json!({ "ok": false, "error": error }),
    };
    let fingerprint = vouched.map(|vouched| {
        let mut value = match vouched {
            Vouched::Yes { seq, at, after } => json!({
                "verdict": "signed",
                "approved_seq": seq,
                "approved_at": at,
                "entries_after": after,
            }),
            Vouched::NotApproved => json!({ "verdict": "not-approved" }),
            Vouched::No { now } => json!({ "verdict": "not-the-signed-record", "now": now }),
            Vouched::Unreadable => json!({ "verdict": "unreadable" }),
        };
        value["given"] = json!(fingerprint);
        value
    });
    let document = json!({
        "format": "gavel-check",
        "version": 1,
        "file": path.to_string_lossy(),
        "ok": code == 0,
        "exit_status": code,
        "integrity": verdict(report.integrity.as_ref().map(|()| json!({}))),
        "chain": verdict(report.chain.as_ref().map(|n| json!({ "entries": n }))),
        "replay": verdict(report.replay.as_ref().map(|()| match report.older_schema {
            Some(version) => json!({ "older_schema": version }),
            None => json!({}),
        })),
        "times": verdict(report.times.as_ref().map(|()| json!({}))),
        "fingerprint": fingerprint,
    });
    crate::store::json_text::escape(&document.to_string()).into_owned()
}

fn print_report(report: &CheckReport, texts: &Texts) {
    let line = |name: &str, result: Result<String, String>| match result {
        Ok(detail) => println!("  {name:<18} {}{detail}", texts.check_ok),
        Err(error) => println!("  {name:<18} {}: {error}", texts.check_failed),
    };
    line(
        texts.check_integrity,
        report.integrity.clone().map(|_| String::new()),
    );
    line(
        texts.check_chain,
        report
            .chain
            .clone()
            .map(|n| format!(" ({})", fill(texts.check_entries, &[&n.to_string()]))),
    );
    line(
        texts.check_replay,
        report.replay.clone().map(|()| match report.older_schema {
            Some(version) => format!(
                " ({})",
                fill(texts.check_older_tables, &[&version.to_string()])
            ),
            None => String::new(),
        }),
    );
    line(
        texts.check_times,
        report.times.clone().map(|_| String::new()),
    );
}

/// What the fingerprint says: vouched for (and what came after), or not.
fn fingerprint_line(path: &Path, vouched: &Vouched, texts: &Texts) -> String {
    match vouched {
        Vouched::Yes { seq, at, after } => {
            let when = Store::open(path, store::OpenOptions::reader("gavel-check"))
                .map(|s| offset(&s.record().meeting.details))
                .map_or_else(
                    |_| at.format("%d/%m/%Y %H:%M UTC").to_string(),
                    |zone| at.with_timezone(&zone).format("%d/%m/%Y %H:%M").to_string(),
                );
            let mut line = format!(
                "{}{}",
                texts.check_ok,
                fill(texts.check_signed, &[&seq.to_string(), &when])
            );
            if !after.is_empty() {
                let numbers: Vec<String> = after.iter().map(|s| format!("#{s}")).collect();
                line.push_str(&fill(texts.check_after_signing, &[&numbers.join(", ")]));
            }
            line
        }
        Vouched::NotApproved => format!("{}: {}", texts.check_failed, texts.check_not_approved),
        Vouched::No { now } => format!(
            "{}: {}",
            texts.check_failed,
            fill(texts.check_not_signed_record, &[now])
        ),
        Vouched::Unreadable => format!("{}: {}", texts.check_failed, texts.check_bad_fingerprint),
    }
}

fn exit_code(report: &CheckReport, vouched: Option<&Vouched>) -> u8 {
    if report.integrity.is_err() {
        3
    } else if report.chain.is_err() {
        4
    } else if report.replay.is_err() {
        5
    } else if report.times.is_err() {
        6
    } else if vouched.is_some_and(|v| !matches!(v, Vouched::Yes { .. })) {
        7
    } else {
        0
    }
}
