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
//! - In English (the codes programs read): the column names and values of
//!   the JSON export, dates `YYYY-MM-DD`, times ISO 8601 in the meeting's
//!   own time zone (`utc_offset_minutes`), e.g. `2026-02-05T09:20:00+07:00`.
//! - In Vietnamese (for a secretary's spreadsheet): the minutes' words for
//!   columns and values, `có`/`không`, dates `dd/mm/yyyy` and times
//!   `dd/mm/yyyy hh:mm:ss` in the meeting's time zone, as a spreadsheet set
//!   to Vietnamese reads them.

use std::io::Write;

use chrono::NaiveDate;

use crate::domain::clock::{offset, turn_clock};
use crate::domain::text::sanitize_lines;
use crate::domain::*;
use crate::i18n::{Label, Lang};
use crate::string_enum;

string_enum!(
    /// The tables a CSV export can hold, one per file.
    CsvTable {
        Issues = "issues",
        Actions = "actions",
        Turns = "turns",
    }
);

const ISSUE_COLUMNS: [&str; 23] = [
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

const ACTION_COLUMNS: [&str; 7] = [
    "title",
    "owner",
    "issue_number",
    "due",
    "status",
    "completion_ref",
    "overdue",
];

const TURN_COLUMNS: [&str; 12] = [
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

// The same columns in Vietnamese, in the same order (the array lengths
// make a missing one a compile error), in the words of the minutes and the
// console's forms.
const ISSUE_COLUMNS_VI: [&str; 23] = [
    "Số",
    "Thời gian",
    "Người nêu",
    "Cơ quan, đơn vị",
    "Mục chương trình",
    "Hình thức",
    "Loại",
    "Lĩnh vực",
    "Thủ tục hành chính",
    "Nội dung",
    "Trả lời",
    "Hướng xử lý",
    "Hạn trả lời",
    "Chuyển đến",
    "Ngày hoàn thành",
    "Số văn bản trả lời",
    "Quá hạn",
    "Chức vụ",
    "Địa chỉ liên hệ",
    "Số văn bản đến",
    "Ngày nhận văn bản",
    "Người trả lời",
    "Chức vụ người trả lời",
];

const ACTION_COLUMNS_VI: [&str; 7] = [
    "Nội dung công việc",
    "Người thực hiện",
    "Ý kiến số",
    "Thời hạn",
    "Tình trạng",
    "Số văn bản",
    "Quá hạn",
];

const TURN_COLUMNS_VI: [&str; 12] = [
    "Thứ tự",
    "Người phát biểu",
    "Cơ quan, đơn vị",
    "Mục chương trình",
    "Loại",
    "Nội dung",
    "Thời gian đăng ký",
    "Bắt đầu",
    "Kết thúc",
    "Thời gian phát biểu (giây)",
    "Tình trạng",
    "Chức vụ",
];

impl CsvTable {
    /// The header row in English: the column names programs read.
    pub fn columns(self) -> &'static [&'static str] {
        self.headers(Lang::En)
    }

    /// The header row in `lang`.
    pub fn headers(self, lang: Lang) -> &'static [&'static str] {
        match (self, lang) {
            (CsvTable::Issues, Lang::En) => &ISSUE_COLUMNS,
            (CsvTable::Actions, Lang::En) => &ACTION_COLUMNS,
            (CsvTable::Turns, Lang::En) => &TURN_COLUMNS,
            (CsvTable::Issues, Lang::Vi) => &ISSUE_COLUMNS_VI,
            (CsvTable::Actions, Lang::Vi) => &ACTION_COLUMNS_VI,
            (CsvTable::Turns, Lang::Vi) => &TURN_COLUMNS_VI,
        }
    }
}

/// The UTF-8 byte order mark every file starts with.
pub const BOM: &str = "\u{FEFF}";

/// Writes one table in English (the codes programs read): the byte order
/// mark, the header row, then one row per issue (by number), action (in
/// order of creation) or request for the floor (see `docs/csv-format.md`).
/// "Overdue" is as of `today`.
pub fn write_csv(
    record: &Record,
    table: CsvTable,
    today: NaiveDate,
    out: impl Write,
) -> std::io::Result<()> {
    write_csv_in(record, table, today, Lang::En, out)
}

/// Writes one table in `lang`: in Vietnamese, the headers, values, dates
/// and times a Vietnamese spreadsheet reads; in English, as `write_csv`.
pub fn write_csv_in(
    record: &Record,
    table: CsvTable,
    today: NaiveDate,
    lang: Lang,
    mut out: impl Write,
) -> std::io::Result<()> {
    out.write_all(BOM.as_bytes())?;
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(table.headers(lang))?;
    let sheet = Sheet { record, lang };
    let rows: Box<dyn Iterator<Item = Vec<String>>> = match table {
        CsvTable::Issues => Box::new(issue_rows(sheet, today)),
        CsvTable::Actions => Box::new(action_rows(sheet, today)),
        CsvTable::Turns => Box::new(turn_rows(sheet)),
    };
    for row in rows {
        writer.write_record(&row)?;
    }
    writer.flush()
}

/// One table in English as a string (BOM included).
pub fn csv_string(record: &Record, table: CsvTable, today: NaiveDate) -> String {
    csv_string_in(record, table, today, Lang::En)
}

/// One table in `lang` as a string (BOM included).
pub fn csv_string_in(record: &Record, table: CsvTable, today: NaiveDate, lang: Lang) -> String {
    let mut out = Vec::new();
    write_csv_in(record, table, today, lang, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("the CSV writer keeps UTF-8")
}

/// A text cell: sanitised line by line, line breaks kept as `\n`, and
/// never read as a formula.
pub(crate) fn text(value: &str) -> String {
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

/// The cells gavel writes itself (values, dates, times, yes or no), in the
/// table's language.
#[derive(Clone, Copy)]
pub(crate) struct Sheet<'a> {
    pub(crate) record: &'a Record,
    pub(crate) lang: Lang,
}

impl Sheet<'_> {
    /// A value of the record: its code in English (`written-reply-required`),
    /// its label in Vietnamese (`trả lời bằng văn bản`).
    pub(crate) fn value<T: Label + std::fmt::Display>(self, value: T) -> String {
        match self.lang {
            Lang::En => value.to_string(),
            Lang::Vi => value.label(Lang::Vi).to_string(),
        }
    }

    fn yes_no(self, yes: bool) -> String {
        match (self.lang, yes) {
            (Lang::En, true) => "yes",
            (Lang::En, false) => "no",
            (Lang::Vi, true) => "có",
            (Lang::Vi, false) => "không",
        }
        .to_string()
    }

    /// `2026-02-06` in English, `06/02/2026` in Vietnamese.
    pub(crate) fn date(self, day: Option<NaiveDate>) -> String {
        use chrono::Datelike;
        let Some(d) = day else {
            return String::new();
        };
        match self.lang {
            Lang::En => d.to_string(),
            Lang::Vi => format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year()),
        }
    }

    /// Local to the meeting: "2026-02-05T08:40:00+07:00" in English,
    /// "05/02/2026 08:40:00" in Vietnamese. Written by hand (chrono's
    /// `format` parses its pattern on every call, and a large meeting has
    /// hundreds of thousands of times).
    fn time(self, at: Option<Timestamp>) -> String {
        use chrono::{Datelike, Timelike};
        let Some(at) = at else {
            return String::new();
        };
        let details = &self.record.meeting.details;
        let local = at.with_timezone(&offset(details));
        let (day, clock) = (local.date_naive(), local.time());
        let (h, m, s) = (clock.hour(), clock.minute(), clock.second());
        match self.lang {
            Lang::En => {
                let minutes = details.utc_offset_minutes;
                let sign = if minutes < 0 { '-' } else { '+' };
                format!(
                    "{:04}-{:02}-{:02}T{h:02}:{m:02}:{s:02}{sign}{:02}:{:02}",
                    day.year(),
                    day.month(),
                    day.day(),
                    minutes.abs() / 60,
                    minutes.abs() % 60
                )
            }
            Lang::Vi => format!("{} {h:02}:{m:02}:{s:02}", self.date(Some(day))),
        }
    }
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
fn issue_rows(sheet: Sheet<'_>, today: NaiveDate) -> impl Iterator<Item = Vec<String>> + '_ {
    let record = sheet.record;
    let mut issues: Vec<&Issue> = record.issues.values().collect();
    issues.sort_by_key(|i| (i.number, i.id));
    issues.into_iter().map(move |i| {
        let raised_by = participant(record, i.raised_by);
        let answered_by = participant(record, i.answered_by);
        vec![
            i.number.to_string(),
            sheet.time(Some(i.raised_at)),
            raised_by.name,
            raised_by.organization,
            agenda_title(record, i.agenda_item),
            sheet.value(i.source),
            sheet.value(i.category),
            text(&i.field),
            text(&i.procedure),
            text(&i.text),
            text(&i.answer),
            sheet.value(i.disposition),
            sheet.date(i.reply_due),
            text(&i.escalated_to),
            sheet.date(i.closed_on),
            text(&i.closing_ref),
            sheet.yes_no(i.is_overdue(today)),
            raised_by.position,
            raised_by.contact,
            text(&i.letter_number),
            sheet.date(i.letter_date),
            answered_by.name,
            answered_by.position,
        ]
    })
}

fn action_rows(sheet: Sheet<'_>, today: NaiveDate) -> impl Iterator<Item = Vec<String>> + '_ {
    let record = sheet.record;
    record.actions.values().map(move |a| {
        vec![
            text(&a.title),
            text(&a.owner),
            a.issue
                .and_then(|id| record.issues.get(&id))
                .map(|i| i.number.to_string())
                .unwrap_or_default(),
            sheet.date(a.due),
            sheet.value(a.status),
            text(&a.completion_ref),
            sheet.yes_no(a.is_overdue(today)),
        ]
    })
}

/// Turns at the floor in the order they were given (numbered), then the
/// requests that never had the floor, in order of asking (no number).
fn turn_rows(sheet: Sheet<'_>) -> impl Iterator<Item = Vec<String>> + '_ {
    let record = sheet.record;
    let (mut taken, mut never): (Vec<&SpeakerRequest>, Vec<&SpeakerRequest>) = record
        .requests
        .values()
        .partition(|r| r.started_at.is_some());
    taken.sort_by_key(|r| (r.started_at, r.id));
    never.sort_by_key(|r| (r.requested_at, r.id));
    let numbered = taken.into_iter().enumerate().map(|(n, r)| (Some(n + 1), r));
    numbered
        .chain(never.into_iter().map(|r| (None, r)))
        .map(move |(order, r)| {
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
                sheet.value(r.kind),
                text(&r.topic),
                sheet.time(Some(r.requested_at)),
                sheet.time(r.started_at),
                sheet.time(r.ended_at),
                spoken,
                sheet.value(r.status),
                speaker.position,
            ]
        })
}
