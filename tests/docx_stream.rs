//! The Word minutes of a large meeting (scaled down) are written in bounded
//! memory, and say what the Markdown minutes say, item by item.
//!
//! The exact figures for the full-size meeting are in docs/performance.md
//! (`/usr/bin/time -f "%e s %M KB" gavel export … --format docx`).

mod common;

use std::path::Path;

use common::memory::{export_peak, scaled_meeting};
use common::*;
use gavel::domain::Role;
use gavel::export::minutes::Minutes;
use gavel::i18n::Lang;
use gavel::store::Store;

/// The size of `word/document.xml` in the package at `path`.
fn document_xml_size(path: &Path) -> u64 {
    let file = std::fs::File::open(path).unwrap();
    let mut package = zip::ZipArchive::new(file).unwrap();
    package.by_name("word/document.xml").unwrap().size()
}

#[test]
fn the_word_minutes_of_a_large_meeting_are_written_in_bounded_memory() {
    if cfg!(debug_assertions) {
        // Peak memory is a property of the release build (the debug one
        // keeps what the optimiser drops); `cargo test --release` checks it.
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let meeting = scaled_meeting(&dir, 10);
    let docx = dir.path().join("minutes.docx");
    let csv = dir.path().join("issues.csv");
    // The record in memory and little else: the issues as CSV.
    let record = export_peak(
        &meeting,
        &[
            "--format",
            "csv",
            "--table",
            "issues",
            "-o",
            csv.to_str().unwrap(),
        ],
    );
    let word = export_peak(
        &meeting,
        &["--format", "docx", "-o", docx.to_str().unwrap()],
    );
    let xml = document_xml_size(&docx);
    let beyond = word.saturating_sub(record);
    eprintln!(
        "record (CSV export) {} KB, Word export {} KB, beyond the record {} KB, document.xml {} KB",
        record / 1024,
        word / 1024,
        beyond / 1024,
        xml / 1024
    );
    assert!(xml > 4 << 20, "a document of megabytes: {xml} bytes");
    // Measured at this size (5.6 MB of XML, the CSV export 13.8 MB):
    // docx-rs's tree took 109 MB, 95 MB beyond the record (17 times the
    // XML); the streaming writer 25 MB, 11 MB beyond (the document model,
    // the buffers, the compressed package: twice the XML). A writer that
    // holds the XML, let alone a tree of it, passes three times.
    assert!(
        beyond < 3 * xml,
        "the Word export took {beyond} bytes beyond the record for {xml} bytes of XML"
    );
}

/// Markdown without its markup: emphasis markers dropped, escapes undone.
fn md_plain(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '*' => {}
            c => out.push(c),
        }
    }
    out
}

/// The agenda items' headings in the account of the meeting ("1. Title —
/// người trình bày: …").
fn md_agenda(markdown: &str) -> Vec<String> {
    markdown
        .lines()
        .filter(|line| line.starts_with("**") && line.contains("** — "))
        .map(md_plain)
        .collect()
}

/// Each issue's number and the lines of its content.
fn md_issues(markdown: &str) -> Vec<(String, Vec<String>)> {
    let mut issues = Vec::new();
    let mut lines = markdown.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(number) = line.strip_prefix("#### Ý kiến số ") else {
            continue;
        };
        let mut content = Vec::new();
        while let Some(line) = lines.next_if(|l| !l.starts_with('#')) {
            if let Some(first) = line.strip_prefix("- **Nội dung:** ") {
                content.push(md_plain(first));
                // Further lines: indented paragraphs of the item.
                while let Some(more) = lines.next_if(|l| l.is_empty() || l.starts_with("  ")) {
                    if !more.is_empty() {
                        content.push(md_plain(more.trim_start()));
                    }
                }
            }
        }
        issues.push((number.to_string(), content));
    }
    issues
}

/// The chair's conclusion: the paragraphs of section III before its table.
fn md_conclusion(markdown: &str) -> Vec<String> {
    markdown
        .lines()
        .skip_while(|line| *line != "## III. KẾT LUẬN CỦA CHỦ TRÌ")
        .skip(1)
        .take_while(|line| !line.starts_with('|') && !line.starts_with('#'))
        .filter(|line| !line.is_empty())
        .map(md_plain)
        .collect()
}

#[test]
fn the_word_minutes_of_a_large_meeting_say_what_the_markdown_says_item_by_item() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = scaled_meeting(&dir, 10);
    let store = Store::open(&meeting, options("x", Role::Observer)).unwrap();
    let record = store.record();
    let minutes = Minutes::read(&store).unwrap();
    let markdown = minutes.markdown(Lang::Vi);
    let body = word::read_body(&minutes.docx(Lang::Vi).unwrap());

    // The agenda items, in order.
    let agenda = md_agenda(&markdown);
    assert_eq!(agenda.len(), record.agenda.len(), "{agenda:#?}");
    let word_agenda: Vec<&String> = body
        .paragraphs
        .iter()
        .filter(|p| agenda.contains(p))
        .collect();
    assert_eq!(word_agenda, agenda.iter().collect::<Vec<_>>());

    // The issues: their numbers and contents, row by row of the table.
    let issues = md_issues(&markdown);
    assert_eq!(issues.len(), record.issues.len());
    let table = body
        .tables
        .iter()
        .find(|t| t.len() == record.issues.len() + 1 && t[0].len() == 7)
        .expect("the table of the issues");
    let word_issues: Vec<(String, Vec<String>)> = table[1..]
        .iter()
        .map(|row| {
            // The content's cell: "Loại: …", then the lines.
            let lines = row[4].lines().skip(1).map(str::to_string).collect();
            (row[0].clone(), lines)
        })
        .collect();
    assert_eq!(word_issues.len(), issues.len());
    for (word, markdown) in word_issues.iter().zip(&issues) {
        assert_eq!(word, markdown);
        assert!(!word.1.is_empty());
    }

    // The chair's conclusion, paragraph by paragraph.
    let conclusion = md_conclusion(&markdown);
    assert!(!conclusion.is_empty());
    let heading = body
        .paragraphs
        .iter()
        .position(|p| p == "III. KẾT LUẬN CỦA CHỦ TRÌ")
        .expect("the conclusion's heading");
    assert_eq!(
        &body.paragraphs[heading + 1..heading + 1 + conclusion.len()],
        conclusion.as_slice()
    );
}
