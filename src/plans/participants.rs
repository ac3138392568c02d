//! Lists of participants (CSV from a spreadsheet, its text decoded by
//! `encoding`: comma, semicolon or tab separated, columns named in English or
//! Vietnamese).

use std::borrow::Cow;
use std::path::Path;

use csv::StringRecord;

use super::words::{self, Seat, is_header};
use super::{Choices, PlanError, Problem, bad, unknown_value};
use crate::domain::*;

/// The longest name or organization taken from a list, in characters: far
/// beyond any real one, well short of a whole file swallowed into a cell.
const MAX_NAME_CHARS: usize = 200;

/// One person of a list or a plan, ready to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// As the person is added if new (attendance: as listed, else not
    /// checked in).
    pub fields: ParticipantFields,
    /// The line of the list (or plan) the person is on, from 1.
    pub line: usize,
    /// Marked as the meeting's chair or secretary.
    pub seat: Option<Seat>,
    /// What the list says of the person's attendance: `None` when it says
    /// nothing (no such column, or an empty cell), which changes nobody's.
    pub attendance: Option<Attendance>,
}

impl Person {
    /// A person with these fields, on `line`, attendance as the fields say.
    pub fn new(fields: ParticipantFields, line: usize) -> Person {
        Person {
            attendance: Some(fields.attendance),
            fields,
            line,
            seat: None,
        }
    }
}

/// Reads a participants CSV: a header row naming the columns in English or
/// Vietnamese, accents or not (name/họ và tên, organization/đơn vị,
/// position/chức vụ, honorific/danh xưng, role/vai trò or group/nhóm đại
/// biểu, contact/liên hệ/địa chỉ/điện thoại, attendance/điểm danh or a
/// ticked có mặt/present, members/số người, representatives/người đại
/// diện: see `words`), comma, semicolon or tab separated. Every cell must fit on its line; a name or an organization
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
    position: Option<usize>,
    honorific: Option<usize>,
    role: Option<usize>,
    group: Option<usize>,
    /// An address column and a phone column are both kept.
    contact: Vec<usize>,
    attendance: Option<usize>,
    present: Option<usize>,
    members: Option<usize>,
    representatives: Option<usize>,
}

impl Columns {
    fn find(file: &Path, headers: StringRecord) -> Result<Columns, PlanError> {
        if headers.iter().any(has_line_break) {
            return Err(bad(file, 1, "", Problem::CellAcrossLines));
        }
        let column = |names: &[&str]| headers.iter().position(|h| is_header(h, names));
        Ok(Columns {
            name: column(words::NAME_HEADERS)
                .ok_or_else(|| bad(file, 1, "", Problem::NoNameColumn))?,
            organization: column(words::ORGANIZATION_HEADERS),
            position: column(words::POSITION_HEADERS),
            honorific: column(words::HONORIFIC_HEADERS),
            role: column(words::ROLE_HEADERS),
            group: column(words::GROUP_HEADERS),
            contact: (0..headers.len())
                .filter(|&i| is_header(&headers[i], words::CONTACT_HEADERS))
                .collect(),
            attendance: column(words::ATTENDANCE_HEADERS),
            present: column(words::PRESENT_HEADERS),
            members: column(words::MEMBERS_HEADERS),
            representatives: column(words::REPRESENTATIVES_HEADERS),
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

    /// The cell of a one-line text column, checked.
    fn line_cell<'r>(
        &self,
        file: &Path,
        line: usize,
        row: &'r StringRecord,
        at: Option<usize>,
    ) -> Result<&'r str, PlanError> {
        let text = self.cell(row, at);
        plain_line(text).map_err(|problem| bad(file, line, self.header(at, ""), problem))?;
        Ok(text)
    }

    /// The cell of a column of words, read by `parse`; empty is `None`.
    fn word_cell<T>(
        &self,
        file: &Path,
        line: usize,
        row: &StringRecord,
        at: Option<usize>,
        parse: fn(&str) -> Option<T>,
        choices: Choices,
    ) -> Result<Option<T>, PlanError> {
        match self.cell(row, at) {
            "" => Ok(None),
            text => parse(text).map(Some).ok_or_else(|| {
                bad(
                    file,
                    line,
                    self.header(at, ""),
                    unknown_value(text, choices),
                )
            }),
        }
    }

    fn person(&self, file: &Path, line: usize, row: &StringRecord) -> Result<Person, PlanError> {
        let name = self.cell(row, Some(self.name));
        if name.is_empty() {
            let name_header = self.header(Some(self.name), "name");
            return Err(bad(file, line, name_header, Problem::EmptyName));
        }
        let name = self.line_cell(file, line, row, Some(self.name))?;
        let organization = self.line_cell(file, line, row, self.organization)?;
        let position = self.line_cell(file, line, row, self.position)?;
        let representatives = self.line_cell(file, line, row, self.representatives)?;
        let (role_group, seat) = self
            .word_cell(
                file,
                line,
                row,
                self.role,
                words::parse_role_cell,
                Choices::Roles,
            )?
            .unwrap_or((None, None));
        let group = self.word_cell(
            file,
            line,
            row,
            self.group,
            words::parse_group,
            Choices::Groups,
        )?;
        let role = group
            .or(role_group)
            .or(seat.map(Seat::default_group))
            .unwrap_or(ParticipantRole::Citizen);
        let attendance = match self.word_cell(
            file,
            line,
            row,
            self.attendance,
            words::parse_attendance,
            Choices::Attendance,
        )? {
            Some(attendance) => Some(attendance),
            None => self.word_cell(
                file,
                line,
                row,
                self.present,
                words::parse_present_cell,
                Choices::Present,
            )?,
        };
        let honorific = self.word_cell(
            file,
            line,
            row,
            self.honorific,
            words::parse_honorific,
            Choices::Honorifics,
        )?;
        let members = match self.cell(row, self.members) {
            "" => 0,
            text => words::parse_members(text).ok_or_else(|| {
                bad(
                    file,
                    line,
                    self.header(self.members, ""),
                    Problem::NotANumber(text.to_string()),
                )
            })?,
        };
        let contact = self
            .contact
            .iter()
            .map(|&at| self.cell(row, Some(at)))
            .filter(|cell| !cell.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        Ok(Person {
            fields: ParticipantFields {
                name: name.to_string(),
                organization: organization.to_string(),
                position: position.to_string(),
                role,
                honorific,
                contact,
                attendance: attendance.unwrap_or(Attendance::Invited),
                members,
                representatives: representatives.to_string(),
            },
            line,
            seat,
            attendance,
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
