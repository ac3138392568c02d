//! Meetings prepared in files: a plan (TOML: the meeting's details, its
//! agenda, the invited delegates) and a list of participants (CSV from a
//! spreadsheet: UTF-8, UTF-16 or Windows-1258; comma, semicolon or tab). A
//! bad file is refused with the file, line and field named, and nothing is
//! written; importing the same people twice adds nobody twice.

mod encoding;
mod import;
mod participants;
mod plan;
mod seats;
mod words;

use std::path::Path;

use crate::domain::*;
use crate::i18n::{Label, Lang};
use crate::store::StoreError;
pub use crate::toml_file::field_prefix;

pub use encoding::decode_spreadsheet;
pub use import::{Imported, import};
pub use participants::{Person, read_participants_csv};
pub use plan::{Plan, PlanItem, PlanMeeting, PlanPerson, plan_people, read_plan};
pub use words::Seat;

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("{}", self.localized(Lang::En))]
    Bad {
        file: String,
        /// 1-based; 0 when the problem is not on one line (the meeting's
        /// chair named twice over).
        line: usize,
        field: String,
        problem: Problem,
    },
    #[error("{0}")]
    Store(#[from] StoreError),
}

/// The values a field takes, shown when one is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choices {
    /// A delegate group, or the meeting's chair or secretary.
    Roles,
    Groups,
    Attendance,
    /// A ticked "có mặt" column.
    Present,
    Honorifics,
}

impl Choices {
    fn words(self, lang: Lang) -> Vec<String> {
        match self {
            Choices::Roles => words::role_choices(lang),
            Choices::Groups => words::group_choices(lang),
            Choices::Attendance => words::attendance_choices(lang),
            Choices::Present => words::present_choices(lang),
            Choices::Honorifics => words::honorific_choices(lang),
        }
    }
}

/// What is wrong with a line of a plan or a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The TOML or CSV reader's own words (in English).
    Syntax(String),
    UnknownValue {
        value: String,
        choices: Choices,
    },
    EmptyName,
    NoNameColumn,
    NotADate(String),
    NotADateTime(String),
    /// A group's size that is not a whole number.
    NotANumber(String),
    /// A quoted cell ran on to the next lines (a quote never closed).
    CellAcrossLines,
    /// A tab or another control character in a name or an organization.
    ControlCharacter,
    TooLong {
        max: usize,
    },
    /// Bytes no spreadsheet saves as text (a workbook, UTF-16 without BOM).
    NotText,
    /// The list says absent (or not checked in) of someone who spoke or
    /// raised an issue in the room.
    PresentByRecord {
        name: String,
        listed: Attendance,
    },
    /// Two people marked as the chair (or the secretary).
    SeatTwice {
        seat: Seat,
        first: String,
        second: String,
    },
    /// The name given for the chair (or the secretary) is two participants'.
    SeatAmbiguous {
        seat: Seat,
        name: String,
    },
    /// The meeting already has its chair (or secretary); the list marks
    /// someone else.
    SeatTaken {
        seat: Seat,
        chosen: String,
        marked: String,
    },
}

impl Problem {
    pub fn text(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Problem::Syntax(message) if vi => vi_syntax(message),
            Problem::Syntax(message) => message.clone(),
            Problem::UnknownValue { value, choices } if vi => {
                format!(
                    "giá trị không hợp lệ {value:?} (một trong: {})",
                    choices.words(lang).join(", ")
                )
            }
            Problem::UnknownValue { value, choices } => {
                format!(
                    "unknown value {value:?} (one of: {})",
                    choices.words(lang).join(", ")
                )
            }
            Problem::EmptyName if vi => "thiếu họ và tên".into(),
            Problem::EmptyName => "the name is empty".into(),
            Problem::NoNameColumn if vi => {
                "không có cột họ và tên (dòng đầu cần một cột \"Họ và tên\")".into()
            }
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
            Problem::NotANumber(value) if vi => {
                format!("không phải số người: {value:?} (ví dụ 12)")
            }
            Problem::NotANumber(value) => format!("not a number of people: {value:?} (e.g. 12)"),
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
            Problem::PresentByRecord { name, listed } if vi => format!(
                "{name} đã phát biểu hoặc nêu ý kiến tại hội nghị nên có mặt theo biên bản, \
                 danh sách lại ghi \"{}\"; không có gì được ghi",
                listed.label(lang)
            ),
            Problem::PresentByRecord { name, listed } => format!(
                "{name} spoke or raised an issue at the meeting, so is present by record, but \
                 the list says \"{}\"; nothing was written",
                listed.label(lang)
            ),
            Problem::SeatTwice {
                seat,
                first,
                second,
            } if vi => format!(
                "hai người cùng được ghi là {}: {first} và {second}",
                seat.word(lang)
            ),
            Problem::SeatTwice {
                seat,
                first,
                second,
            } => format!(
                "two people are marked as the {}: {first} and {second}",
                seat.word(lang)
            ),
            Problem::SeatAmbiguous { seat, name } if vi => format!(
                "có hai đại biểu cùng tên {name:?} được ghi là {}: hãy ghi rõ người nào \
                 (vai trò \"{}\" trong danh sách)",
                seat.word(lang),
                seat.word(lang)
            ),
            Problem::SeatAmbiguous { seat, name } => format!(
                "two participants are named {name:?}, given as the {}: say which one \
                 (role \"{}\" in the list)",
                seat.word(lang),
                seat.word(lang)
            ),
            Problem::SeatTaken {
                seat,
                chosen,
                marked,
            } if vi => format!(
                "{} của hội nghị là {chosen}, danh sách lại ghi {marked}",
                capitalized(seat.word(lang))
            ),
            Problem::SeatTaken {
                seat,
                chosen,
                marked,
            } => format!(
                "the meeting's {} is {chosen}, but the list marks {marked}",
                seat.word(lang)
            ),
        }
    }
}

/// The TOML or CSV reader's English, said in Vietnamese: the common cases
/// with the names they quote (a field is named as the file writes it), any
/// other as a syntax error of that line, without the reader's English.
fn vi_syntax(message: &str) -> String {
    let names: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    let named = |n: usize| {
        names
            .get(n)
            .map_or(String::new(), |name| format!("`{name}`"))
    };
    let listed = || {
        names
            .iter()
            .skip(1)
            .map(|name| format!("`{name}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if message.starts_with("unknown field") {
        if names.len() > 1 {
            format!(
                "không có trường {} (các trường dùng được: {})",
                named(0),
                listed()
            )
        } else {
            format!("không có trường {} ở đây", named(0))
        }
    } else if message.starts_with("unknown variant") {
        format!(
            "giá trị không hợp lệ {} (một trong: {})",
            named(0),
            listed()
        )
    } else if message.starts_with("missing field") {
        format!("thiếu trường {}", named(0))
    } else if message.starts_with("duplicate key") {
        format!("khóa {} bị ghi hai lần", named(0))
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        let expected = message.rsplit("expected ").next().unwrap_or("");
        let wanted = if expected.contains("integer")
            || expected.starts_with('u')
            || expected.starts_with('i')
        {
            "cần một số nguyên"
        } else if expected.contains("string") {
            "cần một chuỗi trong dấu ngoặc kép"
        } else if expected.contains("sequence") {
            "cần một danh sách trong [ ]"
        } else if expected.contains("bool") {
            "cần true hoặc false"
        } else {
            "sai kiểu"
        };
        format!("giá trị không hợp lệ: {wanted}")
    } else if message.contains("found record with") {
        "số cột của dòng này khác với dòng trước".into()
    } else if message.to_ascii_lowercase().contains("utf-8") {
        "không phải văn bản UTF-8".into()
    } else {
        "sai cú pháp, không đọc được dòng này".into()
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn bad(file: &Path, line: usize, field: &str, problem: Problem) -> PlanError {
    PlanError::Bad {
        file: file.display().to_string(),
        line,
        field: field.to_string(),
        problem,
    }
}

fn unknown_value(value: &str, choices: Choices) -> Problem {
    Problem::UnknownValue {
        value: value.to_string(),
        choices,
    }
}

/// A delegate group as gavel writes it, as the console names it in either
/// language ("công dân", "citizen", "organization-representative"), or as a
/// list says it ("cá nhân", "chair": the chair is one of the leaders).
pub fn parse_role(text: &str) -> Option<ParticipantRole> {
    let (group, seat) = words::parse_role_cell(text)?;
    group.or(seat.map(Seat::default_group))
}

/// Attendance as a list or a plan writes it ("có mặt", "vắng có lý do",
/// "absent, wrote in", "x").
pub fn parse_attendance(text: &str) -> Option<Attendance> {
    words::parse_attendance(text)
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
                let at = match line {
                    0 => String::new(),
                    line => format!("{line_word} {line}: "),
                };
                format!("{file}: {at}{}{}", field_prefix(field), problem.text(lang))
            }
            PlanError::Store(error) => error.localized(lang),
        }
    }
}
