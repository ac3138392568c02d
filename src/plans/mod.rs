//! Meetings prepared in files: a plan (TOML: the meeting's details, its
//! agenda, the invited delegates) and a list of participants (CSV from a
//! spreadsheet: UTF-8, UTF-16 or Windows-1258; comma, semicolon or tab). A
//! bad file is refused with the file, line and field named, and nothing is
//! written; importing the same people twice adds nobody twice.

mod encoding;
mod import;
mod participants;
mod plan;

use std::path::Path;

use crate::domain::text::fold;
use crate::domain::*;
use crate::i18n::{Label, Lang};
use crate::store::StoreError;
pub use crate::toml_file::field_prefix;

pub use encoding::decode_spreadsheet;
pub use import::{Imported, import};
pub use participants::{Person, read_participants_csv};
pub use plan::{Plan, PlanItem, PlanMeeting, PlanPerson, plan_people, read_plan};

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("{file}: line {line}: {}{}", field_prefix(field), problem.text(Lang::En))]
    Bad {
        file: String,
        line: usize,
        field: String,
        problem: Problem,
    },
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// What is wrong with a line of a plan or a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The TOML or CSV reader's own words (in English).
    Syntax(String),
    UnknownValue {
        value: String,
        allowed: Vec<String>,
    },
    EmptyName,
    NoNameColumn,
    NotADate(String),
    NotADateTime(String),
    /// A quoted cell ran on to the next lines (a quote never closed).
    CellAcrossLines,
    /// A tab or another control character in a name or an organization.
    ControlCharacter,
    TooLong {
        max: usize,
    },
    /// Bytes no spreadsheet saves as text (a workbook, UTF-16 without BOM).
    NotText,
}

impl Problem {
    pub fn text(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Problem::Syntax(message) => message.clone(),
            Problem::UnknownValue { value, allowed } if vi => {
                format!(
                    "giá trị không hợp lệ {value:?} (một trong: {})",
                    allowed.join(", ")
                )
            }
            Problem::UnknownValue { value, allowed } => {
                format!("unknown value {value:?} (one of: {})", allowed.join(", "))
            }
            Problem::EmptyName if vi => "thiếu họ và tên".into(),
            Problem::EmptyName => "the name is empty".into(),
            Problem::NoNameColumn if vi => "không có cột họ và tên (name, họ và tên)".into(),
            Problem::NoNameColumn => "no name column (name, họ và tên)".into(),
            Problem::NotADate(value) if vi => {
                format!("không phải ngày: {value:?} (2026-04-30 hoặc 30/04/2026)")
            }
            Problem::NotADate(value) => format!("not a date: {value:?} (2026-04-30 or 30/04/2026)"),
            Problem::NotADateTime(value) if vi => {
                format!("không phải ngày giờ: {value:?} (ví dụ 2026-02-05 08:00)")
            }
            Problem::NotADateTime(value) => {
                format!("not a date and time: {value:?} (use 2026-02-05 08:00)")
            }
            Problem::CellAcrossLines if vi => {
                "một ô trong dấu ngoặc kép kéo sang các dòng sau (thiếu dấu ngoặc kép đóng?); \
                 mỗi ô phải nằm trên một dòng"
                    .into()
            }
            Problem::CellAcrossLines => {
                "a quoted cell runs on to the next lines (is a closing quote missing?); \
                 each cell must fit on one line"
                    .into()
            }
            Problem::ControlCharacter if vi => "chứa ký tự điều khiển không in ra được".into(),
            Problem::ControlCharacter => "contains a tab or another control character".into(),
            Problem::TooLong { max } if vi => format!("dài quá {max} ký tự"),
            Problem::TooLong { max } => format!("longer than {max} characters"),
            Problem::NotText if vi => "không phải tệp văn bản: hãy lưu danh sách từ bảng tính \
                 dưới dạng CSV hoặc văn bản Unicode"
                .into(),
            Problem::NotText => {
                "not a text file: save the list from the spreadsheet as CSV or as Unicode text"
                    .into()
            }
        }
    }
}

fn bad(file: &Path, line: usize, field: &str, problem: Problem) -> PlanError {
    PlanError::Bad {
        file: file.display().to_string(),
        line,
        field: field.to_string(),
        problem,
    }
}

fn unknown_value<T: Copy + std::fmt::Display>(value: &str, all: &[T]) -> Problem {
    Problem::UnknownValue {
        value: value.to_string(),
        allowed: all.iter().map(|v| v.to_string()).collect(),
    }
}

/// A role as gavel writes it, or as the console names it in either
/// language ("công dân", "citizen", "organization-representative").
pub fn parse_role(text: &str) -> Option<ParticipantRole> {
    parse_label(text, ParticipantRole::ALL, ParticipantRole::parse)
}

pub fn parse_attendance(text: &str) -> Option<Attendance> {
    parse_label(text, Attendance::ALL, Attendance::parse)
}

fn parse_label<T: Copy + Label>(text: &str, all: &[T], parse: fn(&str) -> Option<T>) -> Option<T> {
    let wanted = fold(text.trim());
    parse(text.trim()).or_else(|| {
        all.iter()
            .copied()
            .find(|v| fold(v.label(Lang::En)) == wanted || fold(v.label(Lang::Vi)) == wanted)
    })
}

impl PlanError {
    /// The error in the user's language (the `Display` text is English).
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            PlanError::Bad {
                file,
                line,
                field,
                problem,
            } => {
                let line_word = if lang == Lang::Vi { "dòng" } else { "line" };
                format!(
                    "{file}: {line_word} {line}: {}{}",
                    field_prefix(field),
                    problem.text(lang)
                )
            }
            PlanError::Store(error) => error.localized(lang),
        }
    }
}
