//! `gavel check FILE`: integrity, the hash chain, replay = tables, and the
//! journal's times in order.

use std::path::Path;
use std::process::ExitCode;

use crate::i18n::{Lang, fill};
use crate::store;

pub fn check(path: &Path, lang: Lang) -> ExitCode {
    let texts = lang.texts();
    let report = match store::check(path) {
        Ok(report) => report,
        Err(error) => {
            let message = error.localized(lang);
            eprintln!("gavel: {}: {message}", path.display());
            return ExitCode::FAILURE;
        }
    };
    println!("{}", path.display());
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
    if report.integrity.is_err() {
        ExitCode::from(3)
    } else if report.chain.is_err() {
        ExitCode::from(4)
    } else if report.replay.is_err() {
        ExitCode::from(5)
    } else if report.times.is_err() {
        ExitCode::from(6)
    } else {
        ExitCode::SUCCESS
    }
}
