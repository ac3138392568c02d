//! `gavel check FILE`: integrity, the hash chain, replay = tables, and the
//! journal's times in order; with `--fingerprint`, whether the file still
//! holds the record whose signed minutes carry that fingerprint.

use std::path::Path;
use std::process::ExitCode;

use crate::domain::clock::offset;
use crate::i18n::{Lang, Texts, fill};
use crate::store::{self, CheckReport, Store, Vouched};

pub fn check(path: &Path, fingerprint: Option<&str>, lang: Lang) -> ExitCode {
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
    println!("{}", path.display());
    print_report(&report, texts);
    if let Some(vouched) = &vouched {
        let line = fingerprint_line(path, vouched, texts);
        println!("  {:<18} {line}", texts.check_fingerprint);
    }
    exit_code(&report, vouched.as_ref())
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
        report.replay.clone().map(|_| String::new()),
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

fn exit_code(report: &CheckReport, vouched: Option<&Vouched>) -> ExitCode {
    if report.integrity.is_err() {
        ExitCode::from(3)
    } else if report.chain.is_err() {
        ExitCode::from(4)
    } else if report.replay.is_err() {
        ExitCode::from(5)
    } else if report.times.is_err() {
        ExitCode::from(6)
    } else if vouched.is_some_and(|v| !matches!(v, Vouched::Yes { .. })) {
        ExitCode::from(7)
    } else {
        ExitCode::SUCCESS
    }
}
