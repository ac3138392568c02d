//! The minutes (biên bản) in the Vietnamese official layout (GLOSSARY.md,
//! "The minutes (biên bản) layout") or the same in English: as Markdown,
//! or as a Word document ready to print.
//!
//! Everything comes from the record (as approved, once the minutes are)
//! and from the journal for the corrections made after the approval
//! (`amendments`): no clock, and no I/O but reading the store, so the same
//! record always gives the same text and the same bytes. `build` turns the record into
//! one structure (`model`) that both writers render, so the Markdown file
//! and the Word document say the same things in the same words; every
//! piece of text a person typed is sanitised there, and each writer keeps
//! it from turning into its own markup.

mod amendments;
mod build;
mod docx;
mod format;
mod markdown;
mod model;
mod words;

use std::borrow::Cow;
use std::io::{self, Cursor};

pub use amendments::{AfterApproval, after_approval};
pub use build::{NoConclusion, NothingToReport};
pub use format::{count, english_full_date, vietnamese_full_date};

use crate::domain::*;
use crate::i18n::Lang;
use crate::store::{JournalEntry, Store, StoreError};

/// The journal entries the minutes need (those after this entry): the
/// approval (its hash is the minutes' fingerprint) and those after it
/// (replayed for the corrections). Reading the whole journal of a large
/// meeting costs far more than writing the minutes.
pub fn journal_needed(record: &Record) -> crate::domain::Seq {
    match (record.meeting.minutes, record.meeting.approved_seq) {
        (MinutesState::Approved, Some(approved)) => approved.saturating_sub(1),
        _ => record.last_seq,
    }
}

/// What the minutes are written from: the record as the minutes show it
/// (for approved minutes, as it stood at the approval) and the journal
/// from the approval on.
pub struct Minutes<'s> {
    record: Cow<'s, Record>,
    journal: Vec<JournalEntry>,
}

impl<'s> Minutes<'s> {
    /// Reads them from `store`. Approved minutes are the record as
    /// approved: the entries recorded since are stepped back with the
    /// before-images the journal keeps (as review mode steps back), so
    /// follow-up never changes the body, and the cost is that of the
    /// entries since the approval, not of the whole journal.
    pub fn read(store: &'s Store) -> Result<Minutes<'s>, StoreError> {
        let current = store.record();
        let journal = store.entries_after(journal_needed(current))?;
        let record = match approved_seq(current) {
            Some(approved) if current.last_seq > approved => {
                let mut record = current.clone();
                for seq in (approved + 1..=current.last_seq).rev() {
                    if let Some((_, before)) = store.entry_with_before(seq)? {
                        record.unapply(seq, &before);
                    }
                }
                Cow::Owned(record)
            }
            _ => Cow::Borrowed(current),
        };
        Ok(Minutes { record, journal })
    }

    /// The record the body of the minutes shows.
    pub fn record(&self) -> &Record {
        &self.record
    }

    /// The minutes in `lang`, as Markdown.
    pub fn markdown(&self, lang: Lang) -> String {
        let mut out = Vec::new();
        self.write_markdown(lang, &mut out)
            .expect("writing to memory does not fail");
        String::from_utf8(out).expect("the minutes are text")
    }

    /// The same, written to `out` block by block as they are made.
    pub fn write_markdown(&self, lang: Lang, out: &mut dyn io::Write) -> io::Result<()> {
        let (_, words) = build::minutes_head(self.record(), lang);
        let mut writer = markdown::Writer::new(words, out);
        self.build(lang, Box::new(|blocks| writer.blocks(blocks)));
        writer.finish()
    }

    /// The same minutes as a Word document (.docx): A4, Times New Roman,
    /// the header as a borderless two-column table, the issues and the
    /// actions as tables, the two signature blocks side by side. The same
    /// minutes give the same bytes, whenever they are written.
    pub fn docx(&self, lang: Lang) -> io::Result<Vec<u8>> {
        let (date, words) = build::minutes_head(self.record(), lang);
        docx::write_built(date, words, Cursor::new(Vec::new()), |sink| {
            self.build(lang, Box::new(sink))
        })
        .map(Cursor::into_inner)
    }

    /// Builds the minutes in `lang`, handing their blocks to `sink` as
    /// they are made: a writer holds a few blocks at a time, never the
    /// whole minutes (for a large meeting, the blocks took twice the
    /// record's memory).
    fn build<'a>(&'a self, lang: Lang, sink: build::Sink<'a>) {
        let record = self.record.as_ref();
        let later: Vec<&JournalEntry> = match approved_seq(record) {
            Some(approved) => self.journal.iter().filter(|e| e.seq > approved).collect(),
            None => Vec::new(),
        };
        let corrections = amendments::amendments(record, &later, lang);
        let fingerprint = fingerprint(record, &self.journal);
        build::minutes_into(record, &corrections, fingerprint.as_deref(), lang, sink);
    }
}

/// The approval's entry, when the minutes are approved.
fn approved_seq(record: &Record) -> Option<Seq> {
    record
        .meeting
        .approved_seq
        .filter(|_| record.meeting.minutes == MinutesState::Approved)
}

/// The approved minutes' fingerprint: the approval entry's hash, short.
fn fingerprint(record: &Record, journal: &[JournalEntry]) -> Option<String> {
    let approved = approved_seq(record)?;
    let entry = journal.iter().find(|e| e.seq == approved)?;
    Some(crate::store::fingerprint_of(&entry.hash))
}

/// The conclusion notice (thông báo kết luận) of a meeting: the chair's
/// conclusion and the tasks assigned, in the layout of a notice, from the
/// record as it stands.
pub struct Notice {
    document: model::Document,
}

impl Notice {
    /// The notice of `record` in `lang`; `NoConclusion` when the chair's
    /// conclusion is not recorded yet.
    pub fn of(record: &Record, lang: Lang) -> Result<Notice, NoConclusion> {
        build::notice(record, lang).map(|document| Notice { document })
    }
}

/// The report upward (báo cáo tổng hợp phản ánh, kiến nghị vượt thẩm
/// quyền): the issues escalated to a superior authority and those
/// redirected to another agency, compiled for them in the layout of a
/// report.
///
/// Written from the record as it stands, not as the minutes were approved:
/// the report is a document of its own, issued after the meeting, and
/// gives the agency's current knowledge (an answer corrected since, a
/// forwarding already done); the issues keep the numbers the minutes gave
/// them, so both documents can be read side by side.
pub struct Upward {
    document: model::Document,
}

impl Upward {
    /// The report of `record` in `lang`; `NothingToReport` when no issue
    /// is escalated or redirected.
    pub fn of(record: &Record, lang: Lang) -> Result<Upward, NothingToReport> {
        build::upward(record, lang).map(|document| Upward { document })
    }
}

/// The follow-up report (báo cáo kết quả trả lời, xử lý sau hội nghị): the
/// written replies, the forwardings and the tasks, done or not, as of the
/// report's day, from the record as it stands (`tracking::Tracking`).
pub struct FollowupReport {
    document: model::Document,
}

impl FollowupReport {
    pub fn of(
        record: &Record,
        tracking: &crate::export::tracking::Tracking<'_>,
        lang: Lang,
    ) -> FollowupReport {
        FollowupReport {
            document: build::followup_report(record, tracking, lang),
        }
    }
}

/// A period's report on the dialogues (a month, a quarter, six or nine
/// months, a year): the meetings held, the petitions counted by field,
/// procedure, disposition and outcome, the on-time rate of written
/// replies, what is overdue (`crate::register::Report`).
pub struct PeriodReport {
    document: model::Document,
}

impl PeriodReport {
    /// `period`: the period's name ("quý I năm 2026"), `None` for every
    /// meeting given.
    pub fn of(
        report: &crate::register::Report<'_>,
        period: Option<&str>,
        lang: Lang,
    ) -> PeriodReport {
        PeriodReport {
            document: build::period_report(report, period, lang),
        }
    }
}

/// What every document here is written as: Markdown, whole or to a
/// writer, and a Word document. The same document gives the same bytes.
macro_rules! written_as_markdown_and_word {
    ($($document:ty),*) => {$(
        impl $document {
            pub fn markdown(&self) -> String {
                markdown::render(&self.document)
            }

            pub fn write_markdown(&self, out: &mut dyn io::Write) -> io::Result<()> {
                markdown::write(&self.document, out)
            }

            pub fn docx(&self) -> io::Result<Vec<u8>> {
                docx::render(&self.document)
            }
        }
    )*};
}

written_as_markdown_and_word!(Notice, Upward, FollowupReport, PeriodReport);
