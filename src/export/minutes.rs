//! The minutes (biên bản) in the Vietnamese official layout (GLOSSARY.md,
//! "The minutes (biên bản) layout") or the same in English: as Markdown,
//! or as a Word document ready to print.
//!
//! Everything comes from the record, and from the journal only for the
//! changes made after the minutes were approved: no clock, no I/O, so the
//! same record always gives the same text. `build` turns the record into
//! one structure (`model`) that both writers render, so the Markdown file
//! and the Word document say the same things in the same words; every
//! piece of text a person typed is sanitised there, and each writer keeps
//! it from turning into its own markup.

mod build;
mod docx;
mod format;
mod markdown;
mod model;
mod words;

use std::io;

pub use format::{english_full_date, vietnamese_full_date};

use crate::domain::*;
use crate::i18n::Lang;
use crate::store::JournalEntry;

/// The journal entries the minutes need (those after this entry): the
/// approval (its hash is the minutes' fingerprint) and those after it
/// (shown as corrections). Reading the whole journal of a large meeting
/// costs far more than writing the minutes.
pub fn journal_needed(record: &Record) -> crate::domain::Seq {
    match (record.meeting.minutes, record.meeting.approved_seq) {
        (MinutesState::Approved, Some(approved)) => approved.saturating_sub(1),
        _ => record.last_seq,
    }
}

/// The minutes of the meeting in `record`, in `lang`. `journal` is the
/// meeting's journal (any part of it that includes the entries after the
/// approval); only the entries after the approval are used, as corrections.
pub fn minutes_markdown(record: &Record, journal: &[JournalEntry], lang: Lang) -> String {
    markdown::render(&document(record, journal, lang))
}

/// The same minutes as a Word document (.docx): A4, Times New Roman, the
/// header as a borderless two-column table, the issues and the actions as
/// tables, the two signature blocks side by side.
pub fn minutes_docx(record: &Record, journal: &[JournalEntry], lang: Lang) -> io::Result<Vec<u8>> {
    docx::render(&document(record, journal, lang))
}

/// The minutes as one structure, for either writer.
fn document(record: &Record, journal: &[JournalEntry], lang: Lang) -> model::Document {
    let corrections = corrections_after_approval(record, journal);
    let fingerprint = fingerprint(record, journal);
    build::document(record, &corrections, fingerprint.as_deref(), lang)
}

/// The approved minutes' fingerprint: the approval entry's hash, short.
fn fingerprint(record: &Record, journal: &[JournalEntry]) -> Option<String> {
    let approved = record
        .meeting
        .approved_seq
        .filter(|_| record.meeting.minutes == MinutesState::Approved)?;
    let entry = journal.iter().find(|e| e.seq == approved)?;
    Some(crate::store::fingerprint_of(&entry.hash))
}

/// Journal entries recorded after the minutes were approved.
fn corrections_after_approval<'j>(
    record: &Record,
    journal: &'j [JournalEntry],
) -> Vec<&'j JournalEntry> {
    match (record.meeting.minutes, record.meeting.approved_seq) {
        (MinutesState::Approved, Some(approved)) => {
            journal.iter().filter(|e| e.seq > approved).collect()
        }
        _ => Vec::new(),
    }
}
