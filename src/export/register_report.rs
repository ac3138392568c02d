//! `gavel report --format csv`: a period's counts as one table of three
//! columns — the section, the item, the value — for a spreadsheet or a
//! province's compilation (`docs/register.md`). The conventions of
//! `super::csv`: a byte order mark, CRLF, text cells sanitised; codes in
//! English, Vietnamese words (and `dd/mm/yyyy`, a decimal comma) with
//! `--lang vi`.

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::i18n::{Label, Lang};
use crate::register::{OwedKind, Report, Tally};

use super::csv::{BOM, text};
use super::register::date;

const COLUMNS: [&str; 3] = ["section", "item", "value"];
const COLUMNS_VI: [&str; 3] = ["Mục", "Nội dung", "Giá trị"];

pub fn report_headers(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &COLUMNS,
        Lang::Vi => &COLUMNS_VI,
    }
}

/// A section's name: its code in English, its words in Vietnamese.
fn section(code: &'static str, lang: Lang) -> &'static str {
    if lang == Lang::En {
        return code;
    }
    match code {
        "period" => "Kỳ báo cáo",
        "meetings" => "Hội nghị",
        "petitions" => "Ý kiến",
        "field" => "Lĩnh vực",
        "procedure" => "Thủ tục hành chính",
        "category" => "Loại ý kiến",
        "source" => "Hình thức tiếp nhận",
        "disposition" => "Hướng xử lý",
        "status" => "Tình trạng",
        "written_replies" => "Trả lời bằng văn bản",
        "forwardings" => "Chuyển cấp trên, chuyển cơ quan có thẩm quyền",
        "tasks" => "Nhiệm vụ được giao",
        "overdue" => "Quá hạn",
        _ => code,
    }
}

/// An item gavel names itself: its code in English, its words in
/// Vietnamese.
fn item(code: &'static str, vi: &'static str, lang: Lang) -> String {
    match lang {
        Lang::En => code.to_string(),
        Lang::Vi => vi.to_string(),
    }
}

/// "66.7" in English, "66,7" in Vietnamese.
fn decimal(per_mille: u64, lang: Lang) -> String {
    let mark = if lang == Lang::Vi { ',' } else { '.' };
    format!("{}{mark}{}", per_mille / 10, per_mille % 10)
}

/// Writes the table.
pub fn write_report_csv(report: &Report<'_>, lang: Lang, mut out: impl Write) -> io::Result<()> {
    out.write_all(BOM.as_bytes())?;
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(report_headers(lang))?;
    let mut row = |code: &'static str, name: String, value: String| {
        writer.write_record([section(code, lang).to_string(), name, value])
    };
    let not_recorded = item("not-recorded", "chưa ghi", lang);
    if let Some(period) = report.filter.period {
        // An end left open (`--from` or `--to` alone) has no row.
        if period.from != NaiveDate::MIN {
            let from = date(Some(period.from), lang);
            row("period", item("from", "từ ngày", lang), from)?;
        }
        if period.to != NaiveDate::MAX {
            let to = date(Some(period.to), lang);
            row("period", item("to", "đến ngày", lang), to)?;
        }
    }
    row(
        "period",
        item("as-of", "tính đến ngày", lang),
        date(Some(report.today), lang),
    )?;
    for (meeting, count) in &report.meetings {
        let name = format!(
            "{} ({})",
            text(meeting.details.title.trim()),
            date(meeting.day, lang)
        );
        row("meetings", name, count.to_string())?;
    }
    row(
        "meetings",
        item("total", "tổng số", lang),
        report.meetings.len().to_string(),
    )?;
    row(
        "petitions",
        item("total", "tổng số", lang),
        report.petitions.to_string(),
    )?;
    for (code, list) in [
        ("field", &report.by_field),
        ("procedure", &report.by_procedure),
    ] {
        for named in list {
            let name = named
                .name
                .as_deref()
                .map_or_else(|| not_recorded.clone(), text);
            row(code, name, named.count.to_string())?;
        }
    }
    let value = |code: &str, vi: &str| match lang {
        Lang::En => code.to_string(),
        Lang::Vi => vi.to_string(),
    };
    for (c, n) in &report.by_category {
        row("category", value(c.as_str(), c.label(lang)), n.to_string())?;
    }
    for (s, n) in &report.by_source {
        row("source", value(s.as_str(), s.label(lang)), n.to_string())?;
    }
    for (d, n) in &report.by_disposition {
        row(
            "disposition",
            value(d.as_str(), d.label(lang)),
            n.to_string(),
        )?;
    }
    for (s, n) in &report.by_status {
        row("status", value(s.as_str(), s.word(lang)), n.to_string())?;
    }
    let tallies: [(&'static str, Tally); 3] = [
        ("written_replies", report.replies),
        ("forwardings", report.forwardings),
        ("tasks", report.tasks),
    ];
    for (code, tally) in tallies {
        for (name, vi, n) in [
            ("total", "tổng số", tally.total),
            ("done-on-time", "hoàn thành đúng hạn", tally.on_time),
            ("done-late", "hoàn thành chậm", tally.late),
            ("pending", "chưa hoàn thành, còn trong hạn", tally.pending),
            ("overdue", "chưa hoàn thành, quá hạn", tally.overdue),
        ] {
            row(code, item(name, vi, lang), n.to_string())?;
        }
        if let Some(per_mille) = tally.on_time_per_mille() {
            row(
                code,
                item("on-time-percent", "tỷ lệ đúng hạn (%)", lang),
                decimal(per_mille, lang),
            )?;
        }
    }
    for (kind, name, vi) in [
        (OwedKind::Reply, "written-reply", "trả lời bằng văn bản"),
        (
            OwedKind::Forwarding,
            "forwarding",
            "chuyển cơ quan có thẩm quyền",
        ),
        (OwedKind::Task, "task", "nhiệm vụ"),
    ] {
        row(
            "overdue",
            item(name, vi, lang),
            report.overdue_of(kind).to_string(),
        )?;
    }
    writer.flush()
}
