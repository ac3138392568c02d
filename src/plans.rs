//! Meetings prepared in files: a plan (TOML: the meeting's details, its
//! agenda, the invited delegates) and a list of participants (CSV from a
//! spreadsheet: UTF-8 with or without BOM, comma or semicolon). A bad file
//! is refused with the file, line and field named, and nothing is written;
//! importing the same people twice adds nobody twice.

use std::path::Path;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Deserialize;
use toml::Spanned;

use crate::domain::text::fold;
use crate::domain::*;
use crate::i18n::{Label, Lang};
use crate::store::{Store, StoreError};
pub use crate::toml_file::field_prefix;

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

/// A plan file, as written by a person (see `examples/plan.toml`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    #[serde(default)]
    pub meeting: Option<PlanMeeting>,
    #[serde(default)]
    pub agenda: Vec<PlanItem>,
    #[serde(default)]
    pub participants: Vec<PlanPerson>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanMeeting {
    pub title: String,
    #[serde(default)]
    pub superior_agency: String,
    #[serde(default)]
    pub agency: String,
    #[serde(default)]
    pub chair: String,
    #[serde(default)]
    pub secretary: String,
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub place: String,
    /// "2026-02-05 08:00" (local time of the meeting) or RFC 3339.
    #[serde(default)]
    pub start: Option<Spanned<String>>,
    #[serde(default)]
    pub legal_basis: String,
    #[serde(default)]
    pub doc_number: String,
    /// Hours from UTC of the meeting's time zone (7 for Vietnam).
    #[serde(default)]
    pub utc_offset_hours: Option<i32>,
    #[serde(default)]
    pub speaking_minutes: Option<u32>,
    #[serde(default)]
    pub reply_days: Option<u32>,
    /// "2026-04-30" or "30/04/2026".
    #[serde(default)]
    pub holidays: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    pub title: String,
    #[serde(default)]
    pub minutes: u32,
    #[serde(default)]
    pub presenter: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanPerson {
    pub name: String,
    #[serde(default)]
    pub organization: String,
    #[serde(default)]
    pub role: Option<Spanned<String>>,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub attendance: Option<Spanned<String>>,
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

/// Reads a plan; every problem names the line and the field.
pub fn read_plan(file: &Path, text: &str) -> Result<Plan, PlanError> {
    let plan: Plan = crate::toml_file::parse(text).map_err(|error| {
        bad(
            file,
            error.line,
            &error.field,
            Problem::Syntax(error.message),
        )
    })?;
    // Values the schema cannot check: roles, dates, times.
    let refuse = |value: &Spanned<String>, field: String, problem: Problem| {
        bad(
            file,
            crate::toml_file::line_of(text, value.span().start),
            &field,
            problem,
        )
    };
    for (n, person) in plan.participants.iter().enumerate() {
        let at = |field: &str| format!("participants[{n}].{field}");
        if let Some(role) = &person.role {
            parse_role(role.get_ref()).ok_or_else(|| {
                refuse(
                    role,
                    at("role"),
                    unknown_value(role.get_ref(), ParticipantRole::ALL),
                )
            })?;
        }
        if let Some(attendance) = &person.attendance {
            parse_attendance(attendance.get_ref()).ok_or_else(|| {
                refuse(
                    attendance,
                    at("attendance"),
                    unknown_value(attendance.get_ref(), Attendance::ALL),
                )
            })?;
        }
    }
    if let Some(meeting) = &plan.meeting {
        for (n, day) in meeting.holidays.iter().enumerate() {
            parse_day(day.get_ref()).ok_or_else(|| {
                refuse(
                    day,
                    format!("meeting.holidays[{n}]"),
                    Problem::NotADate(day.get_ref().clone()),
                )
            })?;
        }
        if let Some(start) = &meeting.start {
            parse_start(start.get_ref(), meeting.utc_offset_hours.unwrap_or(7)).ok_or_else(
                || {
                    refuse(
                        start,
                        "meeting.start".into(),
                        Problem::NotADateTime(start.get_ref().clone()),
                    )
                },
            )?;
        }
    }
    Ok(plan)
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

fn parse_day(text: &str) -> Option<NaiveDate> {
    crate::domain::dates::parse_date(text.trim())
}

fn parse_start(text: &str, offset_hours: i32) -> Option<Timestamp> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.with_timezone(&Utc));
    }
    let offset = chrono::FixedOffset::east_opt(offset_hours * 3600)?;
    ["%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text.trim(), format).ok())
        .and_then(|local| local.and_local_timezone(offset).single())
        .map(|at| at.with_timezone(&Utc))
}

impl Plan {
    /// The meeting's details from the plan, over `defaults`.
    pub fn details(&self, mut defaults: MeetingDetails) -> MeetingDetails {
        let Some(m) = &self.meeting else {
            return defaults;
        };
        let offset_hours = m
            .utc_offset_hours
            .unwrap_or(defaults.utc_offset_minutes / 60);
        defaults.title = m.title.clone();
        defaults.superior_agency = m.superior_agency.clone();
        defaults.agency = m.agency.clone();
        defaults.chair = m.chair.clone();
        defaults.secretary = m.secretary.clone();
        defaults.venue = m.venue.clone();
        defaults.place = m.place.clone();
        defaults.legal_basis = m.legal_basis.clone();
        defaults.doc_number = m.doc_number.clone();
        defaults.utc_offset_minutes = offset_hours * 60;
        defaults.planned_start = m
            .start
            .as_ref()
            .and_then(|s| parse_start(s.get_ref(), offset_hours));
        if let Some(minutes) = m.speaking_minutes {
            defaults.speaking_seconds = minutes * 60;
        }
        if let Some(days) = m.reply_days {
            defaults.reply_working_days = days;
        }
        if !m.holidays.is_empty() {
            defaults.holidays = m
                .holidays
                .iter()
                .filter_map(|d| parse_day(d.get_ref()))
                .collect();
        }
        defaults
    }
}

/// One person of a list, ready to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub fields: ParticipantFields,
}

/// Reads a participants CSV: a header row naming the columns (in English or
/// Vietnamese: name/họ và tên, organization/đơn vị, role/vai trò,
/// contact/liên hệ, attendance/điểm danh), comma or semicolon separated.
pub fn read_participants_csv(file: &Path, text: &str) -> Result<Vec<Person>, PlanError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_line = text.lines().next().unwrap_or("");
    let delimiter = if header_line.matches(';').count() > header_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| bad(file, 1, "", Problem::Syntax(e.to_string())))?
        .clone();
    let column = |names: &[&str]| -> Option<usize> {
        headers
            .iter()
            .position(|h| names.iter().any(|n| fold(h) == fold(n)))
    };
    let name_at = column(&["name", "họ và tên", "họ tên", "tên"])
        .ok_or_else(|| bad(file, 1, "", Problem::NoNameColumn))?;
    let organization_at = column(&["organization", "đơn vị", "tổ chức", "cơ quan"]);
    let role_at = column(&["role", "vai trò"]);
    let contact_at = column(&["contact", "liên hệ", "điện thoại", "email"]);
    let attendance_at = column(&["attendance", "điểm danh", "tham dự"]);

    let mut people = Vec::new();
    for row in reader.records() {
        // The reader counts lines itself: a quoted cell may span several.
        let row = row.map_err(|e| {
            let line = e.position().map_or(1, |p| p.line() as usize);
            bad(file, line, "", Problem::Syntax(e.to_string()))
        })?;
        let line = row.position().map_or(1, |p| p.line() as usize);
        let cell = |at: Option<usize>| at.and_then(|i| row.get(i)).unwrap_or("").to_string();
        let name = cell(Some(name_at));
        if name.is_empty() {
            if row.iter().all(str::is_empty) {
                continue; // a blank line at the end of a spreadsheet
            }
            return Err(bad(file, line, &headers[name_at], Problem::EmptyName));
        }
        let role = match cell(role_at) {
            text if text.is_empty() => ParticipantRole::Citizen,
            text => parse_role(&text).ok_or_else(|| {
                bad(
                    file,
                    line,
                    role_at.map_or("role", |i| &headers[i]),
                    unknown_value(&text, ParticipantRole::ALL),
                )
            })?,
        };
        let attendance = match cell(attendance_at) {
            text if text.is_empty() => Attendance::Invited,
            text => parse_attendance(&text).ok_or_else(|| {
                bad(
                    file,
                    line,
                    attendance_at.map_or("attendance", |i| &headers[i]),
                    unknown_value(&text, Attendance::ALL),
                )
            })?,
        };
        people.push(Person {
            fields: ParticipantFields {
                name,
                organization: cell(organization_at),
                role,
                contact: cell(contact_at),
                attendance,
            },
        });
    }
    Ok(people)
}

/// What an import did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub participants_added: usize,
    pub participants_known: usize,
    pub items_added: usize,
    pub items_known: usize,
}

/// The people of a plan, as a list.
pub fn plan_people(plan: &Plan) -> Vec<Person> {
    plan.participants
        .iter()
        .map(|p| Person {
            fields: ParticipantFields {
                name: p.name.clone(),
                organization: p.organization.clone(),
                role: p
                    .role
                    .as_ref()
                    .and_then(|r| parse_role(r.get_ref()))
                    .unwrap_or(ParticipantRole::Citizen),
                contact: p.contact.clone(),
                attendance: p
                    .attendance
                    .as_ref()
                    .and_then(|a| parse_attendance(a.get_ref()))
                    .unwrap_or(Attendance::Invited),
            },
        })
        .collect()
}

/// Adds the agenda items and people not already in the meeting, all in one
/// transaction: a refusal (an empty title...) leaves the meeting as it was.
pub fn import(
    store: &mut Store,
    items: &[PlanItem],
    people: &[Person],
) -> Result<Imported, PlanError> {
    let same_person = |p: &Participant, q: &ParticipantFields| {
        fold(&p.name) == fold(&q.name) && fold(&p.organization) == fold(&q.organization)
    };
    store
        .bulk(|bulk| {
            let mut done = Imported::default();
            let now = crate::store::now();
            for item in items {
                if bulk
                    .record()
                    .agenda
                    .values()
                    .any(|i| fold(&i.title) == fold(&item.title))
                {
                    done.items_known += 1;
                    continue;
                }
                let fields = AgendaFields {
                    title: item.title.clone(),
                    planned_minutes: item.minutes,
                    presenter: item.presenter.clone(),
                    position: None,
                };
                bulk.execute_at(Command::AddAgendaItem(fields), now)?;
                done.items_added += 1;
            }
            for person in people {
                if bulk
                    .record()
                    .participants
                    .values()
                    .any(|p| same_person(p, &person.fields))
                {
                    done.participants_known += 1;
                    continue;
                }
                bulk.execute_at(Command::AddParticipant(person.fields.clone()), now)?;
                done.participants_added += 1;
            }
            Ok(done)
        })
        .map_err(PlanError::from)
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
