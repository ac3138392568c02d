//! Every export of a large meeting (scaled down) runs in bounded memory:
//! the record, and little beyond it that grows with what is written.
//!
//! Each export runs in a child process whose peak resident memory the
//! kernel reports (`common::memory`); the issues as CSV, which read the
//! record and write little, are the floor. The exact figures for the
//! full-size meeting are in docs/performance.md. The Word minutes have
//! their own test beside the comparison of their content
//! (`docx_stream.rs`).

mod common;

use std::path::Path;

use common::memory::{export_peak, scaled_meeting};

/// What `args` took beyond the floor, and the size of what it wrote at
/// `output` (a file, or the files of a folder).
struct Measured {
    beyond: u64,
    written: u64,
}

fn measure(meeting: &Path, floor: u64, args: &[&str], output: &Path) -> Measured {
    let peak = export_peak(meeting, args);
    let written = if output.is_dir() {
        std::fs::read_dir(output)
            .unwrap()
            .map(|entry| entry.unwrap().metadata().unwrap().len())
            .sum()
    } else {
        std::fs::metadata(output).unwrap().len()
    };
    let beyond = peak.saturating_sub(floor);
    eprintln!(
        "{args:?}: peak {} KB, beyond the record {} KB, written {} KB",
        peak / 1024,
        beyond / 1024,
        written / 1024
    );
    Measured { beyond, written }
}

#[test]
fn every_export_of_a_large_meeting_runs_in_bounded_memory() {
    if cfg!(debug_assertions) {
        // Peak memory is a property of the release build (the debug one
        // keeps what the optimiser drops); `cargo test --release` checks it.
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let meeting = scaled_meeting(&dir, 4);
    let path = |name: &str| dir.path().join(name);
    let arg = |name: &str| path(name).to_str().unwrap().to_string();
    let floor = export_peak(
        &meeting,
        &[
            "--format",
            "csv",
            "--table",
            "issues",
            "-o",
            &arg("issues.csv"),
        ],
    );
    eprintln!("floor (the issues as CSV): {} KB", floor / 1024);

    let markdown = measure(
        &meeting,
        floor,
        &["--format", "md", "-o", &arg("minutes.md")],
        &path("minutes.md"),
    );
    let json = measure(
        &meeting,
        floor,
        &["--format", "json", "-o", &arg("record.json")],
        &path("record.json"),
    );
    std::fs::create_dir(path("tables")).unwrap();
    let tables = measure(
        &meeting,
        floor,
        &["--format", "csv", "-o", &arg("tables")],
        &path("tables"),
    );
    // Measured at this size (the floor 22 MB): the Markdown minutes
    // 0.4-1 MB beyond it for 4.6 MB written; building the minutes' whole
    // model first, as before, took 23 MB (five times what is written).
    assert!(
        markdown.beyond < 2 * markdown.written,
        "the Markdown minutes took {} bytes beyond the record for {} bytes written",
        markdown.beyond,
        markdown.written
    );
    // JSON: two chunks of 4,096 journal entries and a second thread, 6-10
    // MB whatever the journal's length, for 46 MB written; holding the
    // journal (or 60 % of it, as before) takes about half of it or more.
    assert!(
        json.beyond < json.written / 3,
        "the JSON export took {} bytes beyond the record for {} bytes written",
        json.beyond,
        json.written
    );
    // The three tables, a row at a time: under 1 MB beyond for 6 MB.
    assert!(
        tables.beyond < tables.written,
        "the CSV tables took {} bytes beyond the record for {} bytes written",
        tables.beyond,
        tables.written
    );
}
