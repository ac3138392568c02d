//! `gavel followup FILE --format csv`: everything followed up after the
//! meeting as one table (`docs/csv-format.md`, "The follow-up table"): a
//! row per written reply, per escalated or redirected issue (the
//! forwarding owed) and per action, with its deadline and where it stands
//! as of the report's day. The same conventions as the export's tables
//! (`super::csv`): a byte order mark, CRLF, text cells sanitised and never
//! read as formulas; codes and ISO dates in English, the Vietnamese words
//! and `dd/mm/yyyy` with `--lang vi`.

use std::io::Write;

use crate::domain::*;
use crate::i18n::Lang;

use super::csv::{BOM, Sheet, text};
use super::tracking::{Owed, State, Tracking};

const COLUMNS: [&str; 14] = [
    "kind",
    "issue_number",
    "action_number",
    "raised_by",
    "organization",
    "content",
    "owner",
    "sent_to",
    "due",
    "status",
    "done_on",
    "reference",
    "working_days_left",
    "working_days_late",
];

/// The same columns in Vietnamese, in the same order.
const COLUMNS_VI: [&str; 14] = [
    "Loại việc",
    "Ý kiến số",
    "Nhiệm vụ số",
    "Người nêu",
    "Cơ quan, đơn vị",
    "Nội dung",
    "Người thực hiện",
    "Chuyển đến",
    "Thời hạn",
    "Tình trạng",
    "Ngày hoàn thành",
    "Số văn bản",
    "Số ngày làm việc còn lại",
    "Số ngày làm việc quá hạn",
];

/// The header row in `lang`.
pub fn headers(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &COLUMNS,
        Lang::Vi => &COLUMNS_VI,
    }
}

/// What a row is about: the `kind` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    WrittenReply,
    Escalated,
    Redirected,
    Action,
}

impl Kind {
    pub const ALL: &'static [Kind] = &[
        Kind::WrittenReply,
        Kind::Escalated,
        Kind::Redirected,
        Kind::Action,
    ];

    pub fn word(self, lang: Lang) -> &'static str {
        let (en, vi) = match self {
            Kind::WrittenReply => ("written-reply", "trả lời bằng văn bản"),
            Kind::Escalated => ("escalated", "chuyển cấp trên"),
            Kind::Redirected => ("redirected", "chuyển cơ quan khác"),
            Kind::Action => ("action", "nhiệm vụ"),
        };
        pick(lang, en, vi)
    }
}

/// Where a row stands: the `status` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    DoneOnTime,
    DoneLate,
    Open,
    Overdue,
}

impl Status {
    pub const ALL: &'static [Status] = &[
        Status::DoneOnTime,
        Status::DoneLate,
        Status::Open,
        Status::Overdue,
    ];

    pub fn of(state: &State) -> Status {
        match state {
            State::Done { late_by: 0, .. } => Status::DoneOnTime,
            State::Done { .. } => Status::DoneLate,
            State::Open { .. } => Status::Open,
            State::Overdue { .. } => Status::Overdue,
        }
    }

    pub fn word(self, lang: Lang) -> &'static str {
        let (en, vi) = match self {
            Status::DoneOnTime => ("done-on-time", "hoàn thành đúng hạn"),
            Status::DoneLate => ("done-late", "hoàn thành quá hạn"),
            Status::Open => ("open", "đang trong hạn"),
            Status::Overdue => ("overdue", "quá hạn, chưa hoàn thành"),
        };
        pick(lang, en, vi)
    }
}

fn pick(lang: Lang, en: &'static str, vi: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Vi => vi,
    }
}

/// Writes the table: the byte order mark, the header row, the written
/// replies and the forwardings by issue number, then the actions.
pub fn write_followup_csv(
    record: &Record,
    tracking: &Tracking<'_>,
    lang: Lang,
    mut out: impl Write,
) -> std::io::Result<()> {
    out.write_all(BOM.as_bytes())?;
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(headers(lang))?;
    let sheet = Sheet { record, lang };
    for owed in &tracking.replies {
        writer.write_record(issue_row(sheet, Kind::WrittenReply, owed))?;
    }
    for owed in &tracking.forwardings {
        let kind = if owed.item.disposition == Disposition::Escalated {
            Kind::Escalated
        } else {
            Kind::Redirected
        };
        writer.write_record(issue_row(sheet, kind, owed))?;
    }
    for owed in &tracking.actions {
        writer.write_record(action_row(sheet, owed))?;
    }
    writer.flush()
}

/// The table as a string (BOM included).
pub fn followup_csv_string(record: &Record, tracking: &Tracking<'_>, lang: Lang) -> String {
    let mut out = Vec::new();
    write_followup_csv(record, tracking, lang, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("the CSV writer keeps UTF-8")
}

/// The cells from `due` on: due, status, done on, reference, days left,
/// days late.
fn state_cells<T>(sheet: Sheet<'_>, owed: &Owed<T>) -> [String; 6] {
    let (done_on, reference, left, late) = match &owed.state {
        State::Done {
            on,
            reference,
            late_by,
        } => (
            sheet.date(*on),
            text(reference),
            String::new(),
            if *late_by > 0 {
                late_by.to_string()
            } else {
                String::new()
            },
        ),
        State::Open { days_left } => (
            String::new(),
            String::new(),
            days_left.map(|d| d.to_string()).unwrap_or_default(),
            String::new(),
        ),
        State::Overdue { days } => (
            String::new(),
            String::new(),
            String::new(),
            days.to_string(),
        ),
    };
    [
        sheet.date(owed.due),
        Status::of(&owed.state).word(sheet.lang).to_string(),
        done_on,
        reference,
        left,
        late,
    ]
}

fn issue_row(sheet: Sheet<'_>, kind: Kind, owed: &Owed<&Issue>) -> Vec<String> {
    let issue = owed.item;
    let raised_by = issue
        .raised_by
        .and_then(|id| sheet.record.participants.get(&id));
    let mut row = vec![
        kind.word(sheet.lang).to_string(),
        issue.number.to_string(),
        String::new(),
        raised_by.map(|p| text(&p.name)).unwrap_or_default(),
        raised_by.map(|p| text(&p.organization)).unwrap_or_default(),
        text(&issue.text),
        String::new(),
        text(&issue.escalated_to),
    ];
    row.extend(state_cells(sheet, owed));
    row
}

fn action_row(sheet: Sheet<'_>, owed: &Owed<(u32, &Action)>) -> Vec<String> {
    let (number, action) = owed.item;
    let issue = action.issue.and_then(|id| sheet.record.issues.get(&id));
    let mut row = vec![
        Kind::Action.word(sheet.lang).to_string(),
        issue.map(|i| i.number.to_string()).unwrap_or_default(),
        number.to_string(),
        String::new(),
        String::new(),
        text(&action.title),
        text(&action.owner),
        String::new(),
    ];
    row.extend(state_cells(sheet, owed));
    row
}
