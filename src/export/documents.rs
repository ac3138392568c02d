//! The documents a department issues after a dialogue, as the console's
//! export menu offers them: which paper, in which format, under which file
//! name beside the meeting, and its bytes from the store.
//!
//! The command line (`gavel export --document`) reaches the same papers
//! with its own flags; this is the list a person picks from without
//! knowing them.

use std::fmt;
use std::io;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::followup_csv::write_followup_csv;
use super::minutes::{FollowupReport, Minutes, NoConclusion, NothingToReport, Notice, Upward};
use super::output;
use super::tracking::{Tracking, action_done_dates};
pub use crate::domain::papers::{CHOICES, Choice, Paper, PaperFormat};
use crate::i18n::{Lang, fill, io_error};
use crate::store::{Store, StoreError};

/// The file's name beside the meeting `stem.gavel`: "stem-bien-ban.docx"
/// (no accents: the name travels by e-mail and USB sticks).
pub fn file_name(choice: Choice, stem: &str, lang: Lang) -> String {
    let slug = match (choice.paper, lang) {
        (Paper::Minutes, Lang::Vi) => "bien-ban",
        (Paper::Minutes, Lang::En) => "minutes",
        (Paper::Notice, Lang::Vi) => "thong-bao-ket-luan",
        (Paper::Notice, Lang::En) => "conclusion-notice",
        (Paper::Upward, Lang::Vi) => "bao-cao-vuot-tham-quyen",
        (Paper::Upward, Lang::En) => "report-upward",
        (Paper::FollowUp, Lang::Vi) => "bao-cao-ket-qua-xu-ly",
        (Paper::FollowUp, Lang::En) => "follow-up-report",
    };
    format!("{stem}-{slug}.{}", choice.format.extension())
}

/// The document's bytes from the store, in `lang`; `today` dates the
/// papers that report the state of things on a day.
pub fn render(
    choice: Choice,
    store: &Store,
    lang: Lang,
    today: NaiveDate,
) -> Result<Vec<u8>, PaperError> {
    let record = store.record();
    match choice.paper {
        Paper::Minutes => {
            let minutes = Minutes::read(store)?;
            word_or_text(choice, || minutes.docx(lang), || minutes.markdown(lang))
        }
        Paper::Notice => {
            let notice = Notice::of(record, lang)?;
            word_or_text(choice, || notice.docx(), || notice.markdown())
        }
        Paper::Upward => {
            let report = Upward::of(record, lang)?;
            word_or_text(choice, || report.docx(), || report.markdown())
        }
        Paper::FollowUp => {
            let done_on = action_done_dates(store)?;
            let tracking = Tracking::of(record, &done_on, today, false);
            if choice.format == PaperFormat::Csv {
                let mut bytes = Vec::new();
                write_followup_csv(record, &tracking, lang, &mut bytes)?;
                return Ok(bytes);
            }
            let report = FollowupReport::of(record, &tracking, lang);
            word_or_text(choice, || report.docx(), || report.markdown())
        }
    }
}

/// The Word document, or the Markdown text, as `choice` asks.
fn word_or_text(
    choice: Choice,
    docx: impl FnOnce() -> io::Result<Vec<u8>>,
    markdown: impl FnOnce() -> String,
) -> Result<Vec<u8>, PaperError> {
    Ok(match choice.format {
        PaperFormat::Word => docx()?,
        PaperFormat::Markdown => markdown().into_bytes(),
        PaperFormat::Csv => return Err(PaperError::NoSuchFormat),
    })
}

/// Writes `choice` beside the meeting file of `store`, whole or not at all
/// (`output::write_whole`), over the previous export of the same paper;
/// returns where.
pub fn write_beside(
    store: &Store,
    choice: Choice,
    lang: Lang,
    today: NaiveDate,
) -> Result<PathBuf, PaperError> {
    let meeting = store.path();
    let stem = meeting
        .file_stem()
        .map_or_else(|| "gavel".into(), |s| s.to_string_lossy());
    let path = meeting.with_file_name(file_name(choice, &stem, lang));
    // The names end in "-bien-ban.docx" and the like, but a meeting file
    // could have been given such a name.
    if output::clash(&path, meeting).is_some() {
        return Err(PaperError::MeetingInTheWay(path));
    }
    let bytes = render(choice, store, lang, today)?;
    match output::write_whole(&path, |w| w.write_all(&bytes)) {
        Ok(()) => Ok(path),
        Err(error) => Err(PaperError::Write { path, error }),
    }
}

/// Why a paper could not be written.
#[derive(Debug)]
pub enum PaperError {
    Store(StoreError),
    /// The paper needs what the record does not hold yet.
    Missing(String),
    /// The paper has no such format (a table of the minutes).
    NoSuchFormat,
    /// A meeting file has the paper's name: it is not replaced.
    MeetingInTheWay(PathBuf),
    /// Making the document (in memory) failed.
    Make(io::Error),
    Write {
        path: PathBuf,
        error: io::Error,
    },
}

impl PaperError {
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            PaperError::Store(error) => error.localized(lang),
            PaperError::Missing(what) => what.clone(),
            PaperError::NoSuchFormat => lang
                .pick(
                    "this document has no such format",
                    "văn bản này không có dạng này",
                )
                .into(),
            PaperError::MeetingInTheWay(path) => fill(
                lang.pick(
                    "{}: a meeting file, not replaced",
                    "{}: là tệp cuộc họp, không ghi đè",
                ),
                &[&path.display().to_string()],
            ),
            PaperError::Make(error) => io_error(lang, error),
            PaperError::Write { path, error } => {
                format!("{}: {}", path.display(), io_error(lang, error))
            }
        }
    }
}

impl fmt::Display for PaperError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localized(Lang::En))
    }
}

impl From<StoreError> for PaperError {
    fn from(error: StoreError) -> Self {
        PaperError::Store(error)
    }
}

impl From<io::Error> for PaperError {
    fn from(error: io::Error) -> Self {
        PaperError::Make(error)
    }
}

impl From<NothingToReport> for PaperError {
    fn from(error: NothingToReport) -> Self {
        PaperError::Missing(error.to_string())
    }
}

impl From<NoConclusion> for PaperError {
    fn from(error: NoConclusion) -> Self {
        PaperError::Missing(error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_has_its_own_file_name_in_both_languages() {
        for lang in [Lang::Vi, Lang::En] {
            let mut names: Vec<String> = CHOICES
                .iter()
                .map(|c| file_name(*c, "hoi-nghi", lang))
                .collect();
            assert!(
                names
                    .iter()
                    .all(|n| n.is_ascii() && n.starts_with("hoi-nghi-"))
            );
            names.sort();
            names.dedup();
            assert_eq!(names.len(), CHOICES.len(), "{names:?}");
        }
    }
}
