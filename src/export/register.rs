//! `gavel register`: the receiving log of many meetings and what is still
//! owed across them, as text for people, a CSV table for a spreadsheet
//! (the conventions of `super::csv`: a byte order mark, CRLF, text cells
//! sanitised and never read as formulas; codes and ISO dates in English,
//! Vietnamese words and `dd/mm/yyyy` with `--lang vi`) or JSON for scripts
//! (`docs/register.md`).

use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use serde_json::{Value, json};

use crate::domain::text::{sanitize, truncate};
use crate::i18n::{Label, Lang, fill};
use crate::register::{Entry, Meeting, Owed, Period, Status};

use super::Quote;
use super::csv::{BOM, text};

/// `2026-02-06` in English, `06/02/2026` in Vietnamese; empty for none.
pub fn date(day: Option<NaiveDate>, lang: Lang) -> String {
    match (day, lang) {
        (None, _) => String::new(),
        (Some(d), Lang::En) => d.to_string(),
        (Some(d), Lang::Vi) => format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year()),
    }
}

/// What the days beside a status say: "3 working days left", "overdue by
/// 2 working days", "2 working days late".
pub fn days_said(status: Status, days: Option<i64>, lang: Lang) -> Option<String> {
    let n = days?;
    let (en, vi) = match (status, n) {
        (Status::Pending, 0) => ("due today".to_string(), "hết hạn hôm nay".to_string()),
        (Status::Pending, 1) => (
            "1 working day left".to_string(),
            "còn 1 ngày làm việc".to_string(),
        ),
        (Status::Pending, n) => (
            format!("{n} working days left"),
            format!("còn {n} ngày làm việc"),
        ),
        (Status::Overdue, 1) => (
            "by 1 working day".to_string(),
            "1 ngày làm việc".to_string(),
        ),
        (Status::Overdue, n) => (format!("by {n} working days"), format!("{n} ngày làm việc")),
        (Status::DoneLate, 1) => (
            "by 1 working day".to_string(),
            "1 ngày làm việc".to_string(),
        ),
        (Status::DoneLate, n) => (format!("by {n} working days"), format!("{n} ngày làm việc")),
        _ => return None,
    };
    Some(match lang {
        Lang::En => en,
        Lang::Vi => vi,
    })
}

/// "within its deadline, 3 working days left", "overdue by 2 working
/// days", "done late by 1 working day".
pub fn status_said(status: Status, days: Option<i64>, lang: Lang) -> String {
    let word = status.word(lang);
    match days_said(status, days, lang) {
        Some(days) if status == Status::Pending => format!("{word}, {days}"),
        Some(days) => format!("{word} {days}"),
        None => word.to_string(),
    }
}

struct Words {
    title: &'static str,
    owed_title: &'static str,
    overdue_title: &'static str,
    as_of: &'static str,
    /// "{N} petition(s), {N} meeting(s)", as `i18n::fill` says plurals.
    summary: &'static str,
    nothing: &'static str,
    not_recorded: &'static str,
    field: &'static str,
    due: &'static str,
    letter: &'static str,
    of_meeting: &'static str,
    no_owner: &'static str,
    no_agency: &'static str,
    no_day: &'static str,
    meeting_of: &'static str,
}

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &Words {
            title: "Register of petitions",
            owed_title: "Still owed",
            overdue_title: "Overdue",
            as_of: "as of",
            summary: "{0} {0:petition|petitions} at {1} {1:meeting|meetings}",
            nothing: "nothing",
            not_recorded: "not recorded",
            field: "field",
            due: "due",
            letter: "letter",
            of_meeting: "issue {} of the meeting",
            no_owner: "Not assigned to anyone",
            no_agency: "Agency not recorded",
            no_day: "no date",
            meeting_of: "meeting of",
        },
        Lang::Vi => &Words {
            title: "Sổ tiếp nhận phản ánh, kiến nghị",
            owed_title: "Việc còn phải làm",
            overdue_title: "Việc quá hạn",
            as_of: "tính đến ngày",
            summary: "{0} ý kiến tại {1} cuộc họp",
            nothing: "không có",
            not_recorded: "chưa ghi",
            field: "lĩnh vực",
            due: "hạn",
            letter: "văn bản",
            of_meeting: "ý kiến số {} của hội nghị",
            no_owner: "Chưa giao đơn vị, cá nhân thực hiện",
            no_agency: "Chưa ghi cơ quan",
            no_day: "chưa có ngày",
            meeting_of: "hội nghị ngày",
        },
    }
}

fn quoted(text_typed: &str, quote: Quote, max: usize) -> String {
    let clean = sanitize(text_typed.trim());
    match quote {
        Quote::Short => truncate(&clean, max).into_owned(),
        Quote::Whole => clean.into_owned(),
    }
}

/// "Hội nghị đối thoại … — 05/02/2026 — meetings/a.gavel".
fn meeting_line(meeting: &Meeting, lang: Lang, quote: Quote) -> String {
    let w = words(lang);
    let day = meeting
        .day
        .map_or_else(|| w.no_day.to_string(), |d| date(Some(d), Lang::Vi));
    format!(
        "{} — {day} — {}",
        quoted(&meeting.details.title, quote, 60),
        sanitize(&meeting.source)
    )
}

/// The register as text: a heading per meeting, three lines per petition.
pub fn register_text(
    entries: &[&Entry<'_>],
    period: Option<&Period>,
    today: NaiveDate,
    lang: Lang,
    quote: Quote,
) -> String {
    let w = words(lang);
    let mut out = String::new();
    let mut meetings = 0;
    let _ = write!(out, "{}", w.title);
    if let Some(period) = period {
        let _ = write!(out, " — {}", period.name(lang));
    }
    let _ = writeln!(out, " ({} {})", w.as_of, date(Some(today), Lang::Vi));
    let mut last: Option<*const Meeting> = None;
    for entry in entries {
        let here: *const Meeting = entry.meeting;
        if last != Some(here) {
            meetings += 1;
            let _ = writeln!(out, "{}", meeting_line(entry.meeting, lang, quote));
            last = Some(here);
        }
        let p = entry.petition;
        let who = if p.raised_by.is_empty() {
            w.not_recorded.to_string()
        } else if p.organization.is_empty() {
            quoted(&p.raised_by, quote, 40)
        } else {
            format!(
                "{} ({})",
                quoted(&p.raised_by, quote, 40),
                quoted(&p.organization, quote, 50)
            )
        };
        let _ = writeln!(
            out,
            "  {:>4}. {who} — {}",
            entry.number,
            w.of_meeting.replace("{}", &p.number.to_string())
        );
        let field = if p.field.is_empty() {
            w.not_recorded.to_string()
        } else {
            quoted(&p.field, quote, 40)
        };
        let _ = writeln!(
            out,
            "        {}: {field} · {}",
            w.field,
            quoted(p.about(), quote, 70)
        );
        let _ = writeln!(out, "        {}", outcome(entry, lang, quote));
    }
    if entries.is_empty() {
        let _ = writeln!(out, "  {}", w.nothing);
    }
    let counts = [entries.len().to_string(), meetings.to_string()];
    let _ = writeln!(out, "{}", fill(w.summary, &[&counts[0], &counts[1]]));
    out
}

/// "trả lời bằng văn bản, hạn 05/03/2026 — hoàn thành đúng hạn — văn bản
/// 12/SKHCN ngày 02/03/2026".
fn outcome(entry: &Entry<'_>, lang: Lang, quote: Quote) -> String {
    let w = words(lang);
    let p = entry.petition;
    let mut out = p.disposition.label(lang).to_string();
    if !p.escalated_to.is_empty() {
        let _ = write!(out, " → {}", quoted(&p.escalated_to, quote, 50));
    }
    if let Some(due) = p.due {
        let _ = write!(out, ", {} {}", w.due, date(Some(due), Lang::Vi));
    }
    let _ = write!(
        out,
        " — {}",
        status_said(entry.status(), entry.judged.days, lang)
    );
    if !p.closing_ref.is_empty() || p.closed_on.is_some() {
        let _ = write!(out, " — {}", w.letter);
        if !p.closing_ref.is_empty() {
            let _ = write!(out, " {}", quoted(&p.closing_ref, quote, 40));
        }
        if let Some(on) = p.closed_on {
            let _ = write!(out, " {}", date(Some(on), Lang::Vi));
        }
    }
    out
}

const COLUMNS: [&str; 19] = [
    "number",
    "meeting",
    "meeting_date",
    "file",
    "issue_number",
    "raised_by",
    "organization",
    "source",
    "category",
    "field",
    "procedure",
    "content",
    "disposition",
    "sent_to",
    "due",
    "reply_letter",
    "reply_date",
    "status",
    "working_days",
];

const COLUMNS_VI: [&str; 19] = [
    "Số thứ tự",
    "Hội nghị",
    "Ngày hội nghị",
    "Tệp",
    "Ý kiến số",
    "Người nêu",
    "Cơ quan, đơn vị",
    "Hình thức",
    "Loại",
    "Lĩnh vực",
    "Thủ tục hành chính",
    "Nội dung",
    "Hướng xử lý",
    "Chuyển đến",
    "Thời hạn",
    "Văn bản trả lời",
    "Ngày văn bản",
    "Tình trạng",
    "Số ngày làm việc",
];

/// The register's header row in `lang`.
pub fn register_headers(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &COLUMNS,
        Lang::Vi => &COLUMNS_VI,
    }
}

/// A value of the record: its code in English, its label in Vietnamese.
fn value<T: Label + std::fmt::Display>(value: T, lang: Lang) -> String {
    match lang {
        Lang::En => value.to_string(),
        Lang::Vi => value.label(Lang::Vi).to_string(),
    }
}

fn status_cell(status: Status, lang: Lang) -> String {
    match lang {
        Lang::En => status.as_str().to_string(),
        Lang::Vi => status.word(lang).to_string(),
    }
}

fn csv_writer(mut out: impl Write) -> io::Result<::csv::Writer<impl Write>> {
    out.write_all(BOM.as_bytes())?;
    Ok(::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out))
}

/// The register as one table: a row per petition.
pub fn write_register_csv(entries: &[&Entry<'_>], lang: Lang, out: impl Write) -> io::Result<()> {
    let mut writer = csv_writer(out)?;
    writer.write_record(register_headers(lang))?;
    for entry in entries {
        let p = entry.petition;
        let m = entry.meeting;
        writer.write_record([
            entry.number.to_string(),
            text(&m.details.title),
            date(m.day, lang),
            text(&m.source),
            p.number.to_string(),
            text(&p.raised_by),
            text(&p.organization),
            value(p.source, lang),
            value(p.category, lang),
            text(&p.field),
            text(&p.procedure),
            text(&p.text),
            value(p.disposition, lang),
            text(&p.escalated_to),
            date(p.due, lang),
            text(&p.closing_ref),
            date(p.closed_on, lang),
            status_cell(entry.status(), lang),
            entry.judged.days.map(|d| d.to_string()).unwrap_or_default(),
        ])?;
    }
    writer.flush()
}

/// The register for scripts: the period, the day counted to, and each
/// petition with its meeting.
pub fn write_register_json(
    entries: &[&Entry<'_>],
    period: Option<&Period>,
    today: NaiveDate,
    mut out: impl Write,
) -> io::Result<()> {
    let petitions: Vec<Value> = entries
        .iter()
        .map(|entry| {
            let p = entry.petition;
            json!({
                "number": entry.number,
                "meeting": meeting_json(entry.meeting),
                "issue_number": p.number,
                "raised_by": given(&p.raised_by),
                "organization": given(&p.organization),
                "source": p.source.as_str(),
                "category": p.category.as_str(),
                "field": given(&p.field),
                "procedure": given(&p.procedure),
                "content": p.text,
                "letter_number": given(&p.letter_number),
                "letter_date": p.letter_date,
                "disposition": p.disposition.as_str(),
                "sent_to": given(&p.escalated_to),
                "due": p.due,
                "reply_letter": given(&p.closing_ref),
                "reply_date": p.closed_on,
                "owners": p.owners,
                "status": entry.status().as_str(),
                "working_days": entry.judged.days,
            })
        })
        .collect();
    let document = json!({
        "format": "gavel-register",
        "version": 1,
        "today": today,
        "period": period_json(period),
        "petitions": petitions,
    });
    serde_json::to_writer_pretty(&mut out, &document)?;
    out.write_all(b"\n")
}

fn given(text: &str) -> Option<&str> {
    let text = text.trim();
    (!text.is_empty()).then_some(text)
}

fn meeting_json(m: &Meeting) -> Value {
    json!({
        "file": m.source,
        "title": m.details.title,
        "agency": given(&m.details.agency),
        "date": m.day,
    })
}

fn period_json(period: Option<&Period>) -> Value {
    match period {
        // An end left open (`--from` or `--to` alone) is null.
        Some(p) => json!({
            "from": (p.from != NaiveDate::MIN).then_some(p.from),
            "to": (p.to != NaiveDate::MAX).then_some(p.to),
        }),
        None => Value::Null,
    }
}

// What is owed -----------------------------------------------------------

/// The agency a thing owed belongs to, as its group's heading.
fn agency<'r>(owed: &Owed<'r>) -> &'r str {
    owed.meeting.details.agency.trim()
}

/// What is owed as text: by agency, then by owner, each thing with its
/// deadline and the working days left or overdue.
pub fn owed_text(
    owed: &[Owed<'_>],
    overdue_only: bool,
    today: NaiveDate,
    lang: Lang,
    quote: Quote,
) -> String {
    let w = words(lang);
    let mut out = String::new();
    let title = if overdue_only {
        w.overdue_title
    } else {
        w.owed_title
    };
    let _ = writeln!(
        out,
        "{title} ({} {}): {}",
        w.as_of,
        date(Some(today), Lang::Vi),
        owed.len()
    );
    let mut group: Option<(&str, &str)> = None;
    for item in owed {
        let here = (agency(item), item.owner.as_str());
        if group.map(|g| g.0) != Some(here.0) {
            let name = if here.0.is_empty() {
                w.no_agency.to_string()
            } else {
                quoted(here.0, quote, 60)
            };
            let _ = writeln!(out, "{name}");
        }
        if group != Some(here) {
            let count = owed
                .iter()
                .filter(|o| (agency(o), o.owner.as_str()) == here)
                .count();
            let owner = if here.1.is_empty() {
                w.no_owner.to_string()
            } else {
                quoted(here.1, quote, 60)
            };
            let _ = writeln!(out, "  {owner} ({count})");
            group = Some(here);
        }
        let head = match item.log_number {
            Some(n) => format!("{n:>4}. {}", item.kind.word(lang)),
            None => format!("{:>4}  {} {}", "", item.kind.word(lang), item.number),
        };
        let who = if item.raised_by.is_empty() {
            String::new()
        } else {
            format!("{} — ", quoted(&item.raised_by, quote, 40))
        };
        let _ = writeln!(out, "    {head}: {who}{}", quoted(&item.about, quote, 60));
        let due = item
            .due
            .map(|d| format!("{} {} — ", w.due, date(Some(d), Lang::Vi)))
            .unwrap_or_default();
        let state = status_said(item.judged.status, item.judged.days, lang);
        let held = item
            .meeting
            .day
            .map_or_else(|| w.no_day.to_string(), |d| date(Some(d), Lang::Vi));
        let _ = writeln!(
            out,
            "          {due}{state} — {} {held} ({})",
            w.meeting_of,
            sanitize(&item.meeting.source)
        );
    }
    if owed.is_empty() {
        let _ = writeln!(out, "  {}", w.nothing);
    }
    out
}

const OWED_COLUMNS: [&str; 13] = [
    "agency",
    "owner",
    "kind",
    "number",
    "issue_or_task_number",
    "meeting",
    "meeting_date",
    "file",
    "raised_by",
    "content",
    "due",
    "status",
    "working_days",
];

const OWED_COLUMNS_VI: [&str; 13] = [
    "Cơ quan",
    "Đơn vị, cá nhân thực hiện",
    "Loại việc",
    "Số thứ tự",
    "Số trong hội nghị",
    "Hội nghị",
    "Ngày hội nghị",
    "Tệp",
    "Người nêu",
    "Nội dung",
    "Thời hạn",
    "Tình trạng",
    "Số ngày làm việc",
];

pub fn owed_headers(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &OWED_COLUMNS,
        Lang::Vi => &OWED_COLUMNS_VI,
    }
}

fn kind_cell(owed: &Owed<'_>, lang: Lang) -> String {
    match lang {
        Lang::En => match owed.kind {
            crate::register::OwedKind::Reply => "written-reply",
            crate::register::OwedKind::Forwarding => "forwarding",
            crate::register::OwedKind::Task => "task",
        }
        .to_string(),
        Lang::Vi => owed.kind.word(lang).to_string(),
    }
}

/// What is owed as one table.
pub fn write_owed_csv(owed: &[Owed<'_>], lang: Lang, out: impl Write) -> io::Result<()> {
    let mut writer = csv_writer(out)?;
    writer.write_record(owed_headers(lang))?;
    for item in owed {
        writer.write_record([
            text(agency(item)),
            text(&item.owner),
            kind_cell(item, lang),
            item.log_number.map(|n| n.to_string()).unwrap_or_default(),
            item.number.to_string(),
            text(&item.meeting.details.title),
            date(item.meeting.day, lang),
            text(&item.meeting.source),
            text(&item.raised_by),
            text(&item.about),
            date(item.due, lang),
            status_cell(item.judged.status, lang),
            item.judged.days.map(|d| d.to_string()).unwrap_or_default(),
        ])?;
    }
    writer.flush()
}

/// What is owed, for scripts.
pub fn write_owed_json(
    owed: &[Owed<'_>],
    overdue_only: bool,
    period: Option<&Period>,
    today: NaiveDate,
    mut out: impl Write,
) -> io::Result<()> {
    let items: Vec<Value> = owed
        .iter()
        .map(|item| {
            json!({
                "agency": given(agency(item)),
                "owner": given(&item.owner),
                "kind": kind_cell(item, Lang::En),
                "number": item.log_number,
                "issue_or_task_number": item.number,
                "meeting": meeting_json(item.meeting),
                "raised_by": given(&item.raised_by),
                "content": item.about,
                "due": item.due,
                "status": item.judged.status.as_str(),
                "working_days": item.judged.days,
            })
        })
        .collect();
    let document = json!({
        "format": "gavel-owed",
        "version": 1,
        "today": today,
        "overdue_only": overdue_only,
        "period": period_json(period),
        "overdue": owed.iter().filter(|o| o.judged.status == Status::Overdue).count(),
        "owed": items,
    });
    serde_json::to_writer_pretty(&mut out, &document)?;
    out.write_all(b"\n")
}
