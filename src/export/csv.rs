//! `gavel export FILE --format csv --table issues|actions|turns`: one table
//! of the record for a spreadsheet, RFC 4180 (`docs/csv-format.md`).
//!
//! - The file starts with a UTF-8 byte order mark: without it Excel reads
//!   the file in the machine's legacy code page and garbles Vietnamese.
//! - Every text cell is sanitised like the screen (`sanitize`), line by
//!   line: line breaks inside a cell stay real line breaks (the cell is
//!   quoted), but no escape sequence, C1 control, bare CR or bidi override
//!   gets through.
//! - A text cell starting with `=`, `+`, `-` or `@` gets a leading `'`, so
//!   that a spreadsheet shows it as text instead of running it as a formula
//!   (CSV injection).
//! - Dates are `YYYY-MM-DD`; times are ISO 8601 in the meeting's own time
//!   zone (`utc_offset_minutes`), e.g. `2026-02-05T09:20:00+07:00`.

use std::io::Write;

use chrono::NaiveDate;

use crate::domain::clock::{offset, turn_clock};
use crate::domain::text::sanitize_lines;
use crate::domain::*;
use crate::string_enum;

string_enum!(
    /// The tables a CSV export can hold, one per file.
    CsvTable {
        Issues = "issues",
        Actions = "actions",
        Turns = "turns",
    }
);

const ISSUE_COLUMNS: &[&str] = &[
    "number",
    "raised_at",
    "raised_by",
    "organization",
    "agenda_item",
    "source",
    "category",
    "field",
    "procedure",
    "text",
    "answer",
    "disposition",
    "reply_due",
    "escalated_to",
    "closed_on",
    "closing_ref",
    "overdue",
    // Added with the record's people (issue 16): after the older columns,
    // whose order stays as it was.
    "position",
    "contact",
    "letter_number",
    "letter_date",
    "answered_by",
    "answered_by_position",
];

const ACTION_COLUMNS: &[&str] = &[
    "title",
    "owner",
    "issue_number",
    "due",
    "status",
    "completion_ref",
    "overdue",
];

const TURN_COLUMNS: &[&str] = &[
    "order",
    "participant",
    "organization",
    "agenda_item",
    "kind",
    "topic",
    "requested_at",
    "started_at",
    "ended_at",
    "seconds_spoken",
    "status",
    "position",
];

impl CsvTable {
    /// The header row.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            CsvTable::Issues => ISSUE_COLUMNS,
            CsvTable::Actions => ACTION_COLUMNS,
            CsvTable::Turns => TURN_COLUMNS,
        }
    }
}

/// The UTF-8 byte order mark every file starts with.
pub const BOM: &str = "\u{FEFF}";

/// Writes one table: the byte order mark, the header row, then one row per
/// issue (by number), action (in order of creation) or request for the
/// floor (see `docs/csv-format.md`). "Overdue" is as of `today`.
pub fn write_csv(
    record: &Record,
    table: CsvTable,
    today: NaiveDate,
    mut out: impl Write,
) -> std::io::Result<()> {
    out.write_all(BOM.as_bytes())?;
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(table.columns())?;
    let rows: Box<dyn Iterator<Item = Vec<String>>> = match table {
        CsvTable::Issues => Box::new(issue_rows(record, today)),
        CsvTable::Actions => Box::new(action_rows(record, today)),
        CsvTable::Turns => Box::new(turn_rows(record)),
    };
    for row in rows {
        writer.write_record(&row)?;
    }
    writer.flush()
}

/// One table as a string (BOM included).
pub fn csv_string(record: &Record, table: CsvTable, today: NaiveDate) -> String {
    let mut out = Vec::new();
    write_csv(record, table, today, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("the CSV writer keeps UTF-8")
}

/// A text cell: sanitised line by line, line breaks kept as `\n`, and
/// never read as a formula.
fn text(value: &str) -> String {
    let cell = if value.contains(['\n', '\r']) {
        sanitize_lines(value).join("\n")
    } else {
        crate::domain::text::sanitize(value).into_owned()
    };
    if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell
    }
}

fn date(day: Option<NaiveDate>) -> String {
    day.map(|d| d.to_string()).unwrap_or_default()
}

/// "2026-02-05T08:40:00+07:00": local to the meeting, written by hand
/// (chrono's `format` parses its pattern on every call, and a large meeting
/// has hundreds of thousands of times).
fn time(record: &Record, at: Option<Timestamp>) -> String {
    use chrono::{Datelike, Timelike};
    let Some(at) = at else {
        return String::new();
    };
    let local = at.with_timezone(&offset(&record.meeting.details));
    let minutes = record.meeting.details.utc_offset_minutes;
    let sign = if minutes < 0 { '-' } else { '+' };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        local.year(),
        local.month(),
        local.day(),
        local.hour(),
        local.minute(),
        local.second(),
        minutes.abs() / 60,
        minutes.abs() % 60
    )
}

fn yes_no(yes: bool) -> String {
    if yes { "yes" } else { "no" }.to_string()
}

/// A participant's cells: name, organization, position and contact (empty
/// for nobody).
struct Cells {
    name: String,
    organization: String,
    position: String,
    contact: String,
}

fn participant(record: &Record, id: Option<Id>) -> Cells {
    match id.and_then(|id| record.participants.get(&id)) {
        Some(p) => Cells {
            name: text(&p.name),
            organization: text(&p.organization),
            position: text(&p.position),
            contact: text(&p.contact),
        },
        None => Cells {
            name: String::new(),
            organization: String::new(),
            position: String::new(),
            contact: String::new(),
        },
    }
}

fn agenda_title(record: &Record, id: Option<Id>) -> String {
    id.and_then(|id| record.agenda.get(&id))
        .map(|item| text(&item.title))
        .unwrap_or_default()
}

/// Rows are made one at a time as the writer takes them (a large meeting
/// has tens of thousands).
fn issue_rows(record: &Record, today: NaiveDate) -> impl Iterator<Item = Vec<String>> + '_ {
    let mut issues: Vec<&Issue> = record.issues.values().collect();
    issues.sort_by_key(|i| (i.number, i.id));
    issues.into_iter().map(move |i| {
        let raised_by = participant(record, i.raised_by);
        let answered_by = participant(record, i.answered_by);
        vec![
            i.number.to_string(),
            time(record, Some(i.raised_at)),
            raised_by.name,
            raised_by.organization,
            agenda_title(record, i.agenda_item),
            i.source.to_string(),
            i.category.to_string(),
            text(&i.field),
            text(&i.procedure),
            text(&i.text),
            text(&i.answer),
            i.disposition.to_string(),
            date(i.reply_due),
            text(&i.escalated_to),
            date(i.closed_on),
            text(&i.closing_ref),
            yes_no(i.is_overdue(today)),
            raised_by.position,
            raised_by.contact,
            text(&i.letter_number),
            date(i.letter_date),
            answered_by.name,
            answered_by.position,
        ]
    })
}

fn action_rows(record: &Record, today: NaiveDate) -> impl Iterator<Item = Vec<String>> + '_ {
    record.actions.values().map(move |a| {
        vec![
            text(&a.title),
            text(&a.owner),
            a.issue
                .and_then(|id| record.issues.get(&id))
                .map(|i| i.number.to_string())
                .unwrap_or_default(),
            date(a.due),
            a.status.to_string(),
            text(&a.completion_ref),
            yes_no(a.is_overdue(today)),
        ]
    })
}

/// Turns at the floor in the order they were given (numbered), then the
/// requests that never had the floor, in order of asking (no number).
fn turn_rows(record: &Record) -> impl Iterator<Item = Vec<String>> + '_ {
    let (mut taken, mut never): (Vec<&SpeakerRequest>, Vec<&SpeakerRequest>) = record
        .requests
        .values()
        .partition(|r| r.started_at.is_some());
    taken.sort_by_key(|r| (r.started_at, r.id));
    never.sort_by_key(|r| (r.requested_at, r.id));
    let numbered = taken.into_iter().enumerate().map(|(n, r)| (Some(n + 1), r));
    numbered
        .chain(never.into_iter().map(|r| (None, r)))
        .map(|(order, r)| {
            let speaker = participant(record, Some(r.participant));
            // Time spoken, pauses excluded; only for a turn that has ended.
            let spoken = match (r.started_at, r.ended_at) {
                (Some(_), Some(end)) => turn_clock(r, end).elapsed.num_seconds().to_string(),
                _ => String::new(),
            };
            vec![
                order.map(|n| n.to_string()).unwrap_or_default(),
                speaker.name,
                speaker.organization,
                agenda_title(record, r.agenda_item),
                r.kind.to_string(),
                text(&r.topic),
                time(record, Some(r.requested_at)),
                time(record, r.started_at),
                time(record, r.ended_at),
                spoken,
                r.status.to_string(),
                speaker.position,
            ]
        })
}
