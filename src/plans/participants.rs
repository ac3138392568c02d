//! Lists of participants (CSV from a spreadsheet, its text decoded by
//! `encoding`: comma, semicolon or tab separated, columns named in English or
//! Vietnamese).

use std::borrow::Cow;
use std::path::Path;

use csv::StringRecord;

use super::{PlanError, Problem, bad, parse_attendance, parse_role, unknown_value};
use crate::domain::text::fold;
use crate::domain::*;

/// The longest name or organization taken from a list, in characters: far
/// beyond any real one, well short of a whole file swallowed into a cell.
const MAX_NAME_CHARS: usize = 200;

/// One person of a list, ready to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub fields: ParticipantFields,
}

/// Reads a participants CSV: a header row naming the columns (in English or
/// Vietnamese: name/họ và tên, organization/đơn vị, role/vai trò,
/// contact/liên hệ, attendance/điểm danh), comma, semicolon or tab
/// separated. Every cell must fit on its line; a name or an organization
/// must be one plain line of at most `MAX_NAME_CHARS` characters.
pub fn read_participants_csv(file: &Path, text: &str) -> Result<Vec<Person>, PlanError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = ending_with_line_break(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text.lines().next().unwrap_or("")))
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| bad(file, 1, "", Problem::Syntax(e.to_string())))?
        .clone();
    let columns = Columns::find(file, headers)?;

    let mut people = Vec::new();
    for row in reader.records() {
        // The reader counts lines itself: a quoted cell may span several.
        let row = row.map_err(|e| {
            let line = e.position().map_or(1, |p| p.line() as usize);
            bad(file, line, "", Problem::Syntax(e.to_string()))
        })?;
        let line = row.position().map_or(1, |p| p.line() as usize);
        if row.iter().all(|cell| cell.trim().is_empty()) {
            continue; // a blank line at the end of a spreadsheet
        }
        columns.one_line_cells(file, line, &row)?;
        people.push(columns.person(file, line, &row)?);
    }
    Ok(people)
}

/// The text with a line break at its end: a quote opened on the last line
/// and never closed then leaves a line break in its cell, and is caught like
/// any other (see `Columns::one_line_cells`).
fn ending_with_line_break(text: &str) -> Cow<'_, str> {
    if text.is_empty() || text.ends_with(['\n', '\r']) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(format!("{text}\n"))
    }
}

/// The separator the header line uses most: a comma, a semicolon (Excel's
/// "CSV" where the decimal separator is a comma, as in Vietnam) or a tab
/// (Excel's "Unicode text"). A tie goes to the comma, then the semicolon.
fn delimiter(header_line: &str) -> u8 {
    let count = |c: char| header_line.matches(c).count();
    let (commas, semicolons, tabs) = (count(','), count(';'), count('\t'));
    if tabs > commas.max(semicolons) {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// Where each field is in the list's rows.
struct Columns {
    headers: StringRecord,
    name: usize,
    organization: Option<usize>,
    role: Option<usize>,
    contact: Option<usize>,
    attendance: Option<usize>,
}

impl Columns {
    fn find(file: &Path, headers: StringRecord) -> Result<Columns, PlanError> {
        if headers.iter().any(has_line_break) {
            return Err(bad(file, 1, "", Problem::CellAcrossLines));
        }
        let column = |names: &[&str]| -> Option<usize> {
            headers
                .iter()
                .position(|h| names.iter().any(|n| fold(h.trim()) == fold(n)))
        };
        Ok(Columns {
            name: column(&["name", "họ và tên", "họ tên", "tên"])
                .ok_or_else(|| bad(file, 1, "", Problem::NoNameColumn))?,
            organization: column(&["organization", "đơn vị", "tổ chức", "cơ quan"]),
            role: column(&["role", "vai trò"]),
            contact: column(&["contact", "liên hệ", "điện thoại", "email"]),
            attendance: column(&["attendance", "điểm danh", "tham dự"]),
            headers,
        })
    }

    /// The column's header as the list writes it, or `default`.
    fn header<'a>(&'a self, at: Option<usize>, default: &'a str) -> &'a str {
        at.and_then(|i| self.headers.get(i))
            .map_or(default, str::trim)
    }

    fn cell<'r>(&self, row: &'r StringRecord, at: Option<usize>) -> &'r str {
        at.and_then(|i| row.get(i)).map_or("", str::trim)
    }

    /// A line break in a cell means a quoted cell ran on past its line:
    /// nearly always a quote never closed, which would swallow the lines
    /// after it into one cell. Refused at the line where the row starts.
    fn one_line_cells(
        &self,
        file: &Path,
        line: usize,
        row: &StringRecord,
    ) -> Result<(), PlanError> {
        match row.iter().position(has_line_break) {
            Some(at) => Err(bad(
                file,
                line,
                self.header(Some(at), ""),
                Problem::CellAcrossLines,
            )),
            None => Ok(()),
        }
    }

    fn person(&self, file: &Path, line: usize, row: &StringRecord) -> Result<Person, PlanError> {
        let name = self.cell(row, Some(self.name));
        let name_header = self.header(Some(self.name), "name");
        if name.is_empty() {
            return Err(bad(file, line, name_header, Problem::EmptyName));
        }
        plain_line(name).map_err(|problem| bad(file, line, name_header, problem))?;
        let organization = self.cell(row, self.organization);
        plain_line(organization)
            .map_err(|problem| bad(file, line, self.header(self.organization, ""), problem))?;
        let role = match self.cell(row, self.role) {
            "" => ParticipantRole::Citizen,
            text => parse_role(text).ok_or_else(|| {
                let field = self.header(self.role, "role");
                bad(file, line, field, unknown_value(text, ParticipantRole::ALL))
            })?,
        };
        let attendance = match self.cell(row, self.attendance) {
            "" => Attendance::Invited,
            text => parse_attendance(text).ok_or_else(|| {
                let field = self.header(self.attendance, "attendance");
                bad(file, line, field, unknown_value(text, Attendance::ALL))
            })?,
        };
        Ok(Person {
            fields: ParticipantFields {
                name: name.to_string(),
                organization: organization.to_string(),
                role,
                contact: self.cell(row, self.contact).to_string(),
                attendance,
                position: String::new(),
                honorific: None,
                members: 0,
                representatives: String::new(),
            },
        })
    }
}

fn has_line_break(cell: &str) -> bool {
    cell.contains(['\n', '\r'])
}

/// A name or an organization must be one plain line: the record would keep
/// a tab as a space, and the list would then no longer match it on the next
/// import (the same person added again each time).
fn plain_line(text: &str) -> Result<(), Problem> {
    if text.chars().any(char::is_control) {
        Err(Problem::ControlCharacter)
    } else if text.chars().count() > MAX_NAME_CHARS {
        Err(Problem::TooLong {
            max: MAX_NAME_CHARS,
        })
    } else {
        Ok(())
    }
}
