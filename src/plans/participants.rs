//! Lists of participants (CSV from a spreadsheet: UTF-8 with or without
//! BOM, comma or semicolon, columns named in English or Vietnamese).

use std::path::Path;

use super::{PlanError, Problem, bad, parse_attendance, parse_role, unknown_value};
use crate::domain::text::fold;
use crate::domain::*;

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
