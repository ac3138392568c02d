//! `gavel log`: the journal, one readable line per entry.

use std::fmt::Write as _;

use crate::domain::clock::offset;
use crate::domain::text::{sanitize, truncate};
use crate::domain::*;
use crate::i18n::{Label, Lang, fill};
use crate::store::JournalEntry;

use super::Quote;

/// One line: sequence, local time, who, and what happened. `record` is the
/// record just before the entry (names are looked up in it).
pub fn format_entry(record: &Record, entry: &JournalEntry, lang: Lang, quote: Quote) -> String {
    let local = entry.at.with_timezone(&offset(&record.meeting.details));
    let mut line = String::new();
    let _ = write!(
        line,
        "#{:<6} {}  {} ({})  {}",
        entry.seq,
        local.format("%Y-%m-%d %H:%M:%S"),
        sanitize(&entry.actor),
        entry.role.label(lang),
        describe_quoting(record, &entry.event, lang, quote)
    );
    line
}

fn quoted(text: &str, quote: Quote) -> String {
    let text = sanitize(text);
    match quote {
        Quote::Short => format!("“{}”", truncate(&text, 60)),
        // `sanitize` keeps a text of several lines on one (␊).
        Quote::Whole => format!("“{text}”"),
    }
}

/// The words of each kind of entry, English and Vietnamese; `{}` are filled
/// in order.
fn template(event: &Event) -> (&'static str, &'static str) {
    match event {
        Event::MeetingCreated { .. } => ("created the meeting {}", "tạo cuộc họp {}"),
        Event::MeetingDetailsChanged { .. } => {
            ("changed the meeting's details", "sửa thông tin cuộc họp")
        }
        Event::MeetingStarted { .. } => ("opened the meeting", "khai mạc cuộc họp"),
        Event::MeetingAdjourned { .. } => ("adjourned the meeting", "kết thúc cuộc họp"),
        Event::MeetingClosed { .. } => ("closed the meeting", "đóng cuộc họp"),
        Event::MinutesApproved { .. } => {
            ("approved the minutes (by {})", "thông qua biên bản ({})")
        }
        Event::ParticipantAdded { .. } => ("added participant {}", "thêm đại biểu {}"),
        Event::ParticipantChanged { .. } => ("changed participant {}", "sửa thông tin đại biểu {}"),
        Event::AttendanceSet { .. } => ("roll call: {} {}", "điểm danh: {} {}"),
        Event::AgendaItemAdded { .. } => ("added agenda item {}", "thêm mục chương trình {}"),
        Event::AgendaItemChanged { .. } => ("changed agenda item {}", "sửa mục chương trình {}"),
        Event::AgendaItemStarted { .. } => ("started agenda item {}", "bắt đầu mục {}"),
        Event::AgendaItemFinished { .. } => ("finished agenda item {}", "kết thúc mục {}"),
        Event::AgendaItemSkipped { .. } => ("skipped agenda item {}", "bỏ qua mục {}"),
        Event::AgendaNotesWritten { .. } => {
            ("wrote the notes of agenda item {}", "ghi diễn biến mục {}")
        }
        Event::ConclusionWritten { .. } => {
            ("wrote the chair's conclusion", "ghi kết luận của chủ trì")
        }
        Event::QueueClosed { closed: true, .. } => {
            ("closed the list of speakers", "khóa danh sách phát biểu")
        }
        Event::QueueClosed { closed: false, .. } => (
            "reopened the list of speakers",
            "mở lại danh sách phát biểu",
        ),
        Event::FloorRequested { .. } => {
            ("{} asked for the floor ({})", "{} đăng ký phát biểu ({})")
        }
        Event::RequestChanged { .. } => {
            ("changed the request of {}", "sửa đăng ký phát biểu của {}")
        }
        Event::RequestWithdrawn { .. } => {
            ("withdrew the request of {}", "rút đăng ký phát biểu của {}")
        }
        Event::FloorGiven { .. } => ("gave the floor to {}", "mời {} phát biểu"),
        Event::SpeakerFinished { .. } => ("{} finished speaking", "{} phát biểu xong"),
        Event::SpeakerPaused { .. } => ("paused {}'s time", "tạm dừng giờ của {}"),
        Event::SpeakerResumed { .. } => ("resumed {}'s time", "tiếp tục giờ của {}"),
        Event::TimeAdded { .. } => ("gave {} {} s more", "cho {} thêm {} giây"),
        Event::IssueLogged { .. } => ("logged issue {}: {}", "ghi PAKN số {}: {}"),
        Event::IssueEdited { .. } => ("edited issue {}", "sửa PAKN số {}"),
        Event::IssueAnswered { .. } => ("answered issue {} ({})", "trả lời PAKN số {} ({})"),
        Event::IssueClosed { .. } => ("closed issue {} ({})", "đóng PAKN số {} ({})"),
        Event::ActionAdded { .. } => ("assigned {} to {}", "giao {} cho {}"),
        Event::ActionChanged { .. } => ("changed action {}", "sửa phân công {}"),
        Event::Undone { .. } => ("undid entry #{}", "hoàn tác mục #{}"),
    }
}

/// What an event did, in a short sentence in `lang`, people's texts cut
/// to fit a screen.
pub fn describe(record: &Record, event: &Event, lang: Lang) -> String {
    describe_quoting(record, event, lang, Quote::Short)
}

/// The same, quoting people's texts as `quote` says.
pub fn describe_quoting(record: &Record, event: &Event, lang: Lang, quote: Quote) -> String {
    let quoted = |text: &str| quoted(text, quote);
    let name = |id: Id| sanitize(record.participant_name(id)).into_owned();
    let request_name = |id: Id| {
        record
            .requests
            .get(&id)
            .map_or_else(|| format!("#{id}"), |r| name(r.participant))
    };
    let item_title = |id: Id| {
        record
            .agenda
            .get(&id)
            .map_or_else(|| format!("#{id}"), |i| quoted(&i.title))
    };
    let issue_no = |id: Id| record.issues.get(&id).map_or(0, |i| i.number).to_string();
    let values: Vec<String> = match event {
        Event::MeetingCreated { details } => vec![quoted(&details.title)],
        Event::MinutesApproved { by, .. } => vec![sanitize(by).into_owned()],
        Event::ParticipantAdded { participant } | Event::ParticipantChanged { participant } => {
            vec![sanitize(&participant.name).into_owned()]
        }
        Event::AgendaItemAdded { item } | Event::AgendaItemChanged { item } => {
            vec![quoted(&item.title)]
        }
        Event::AttendanceSet { id, attendance } => {
            vec![name(*id), attendance.label(lang).to_string()]
        }
        Event::AgendaItemStarted { id, .. }
        | Event::AgendaItemFinished { id, .. }
        | Event::AgendaItemSkipped { id }
        | Event::AgendaNotesWritten { id, .. } => vec![item_title(*id)],
        Event::FloorRequested {
            request,
            new_participant,
        } => {
            let who = new_participant.as_ref().map_or_else(
                || name(request.participant),
                |p| sanitize(&p.name).into_owned(),
            );
            vec![who, request.kind.label(lang).to_string()]
        }
        Event::RequestChanged { request } => vec![name(request.participant)],
        Event::RequestWithdrawn { id, .. }
        | Event::FloorGiven { id, .. }
        | Event::SpeakerFinished { id, .. }
        | Event::SpeakerPaused { id, .. }
        | Event::SpeakerResumed { id, .. } => vec![request_name(*id)],
        Event::TimeAdded { id, seconds } => vec![request_name(*id), seconds.to_string()],
        Event::IssueLogged { issue } => vec![issue.number.to_string(), quoted(&issue.text)],
        Event::IssueEdited { issue } => vec![issue.number.to_string()],
        Event::IssueAnswered {
            id, disposition, ..
        } => {
            vec![issue_no(*id), disposition.label(lang).to_string()]
        }
        Event::IssueClosed {
            id, closing_ref, ..
        } => vec![issue_no(*id), sanitize(closing_ref).into_owned()],
        Event::ActionAdded { action } => {
            vec![quoted(&action.title), sanitize(&action.owner).into_owned()]
        }
        Event::ActionChanged { action } => vec![quoted(&action.title)],
        Event::Undone { target, .. } => vec![target.to_string()],
        Event::MeetingDetailsChanged { .. }
        | Event::MeetingStarted { .. }
        | Event::MeetingAdjourned { .. }
        | Event::MeetingClosed { .. }
        | Event::QueueClosed { .. }
        | Event::ConclusionWritten { .. } => Vec::new(),
    };
    let (en, vi) = template(event);
    let values: Vec<&str> = values.iter().map(String::as_str).collect();
    fill(if lang == Lang::En { en } else { vi }, &values)
}

/// One entry as a line of JSON (JSON Lines, `docs/scripting.md`): its
/// number, time, who and the event as recorded, with the sentence in
/// `lang`; the characters a terminal could act upon escaped, as in the
/// JSON export.
pub fn json_line(record: &Record, entry: &JournalEntry, lang: Lang) -> String {
    #[derive(serde::Serialize)]
    struct Line<'a> {
        seq: Seq,
        at: Timestamp,
        local_time: String,
        actor: &'a str,
        role: &'static str,
        kind: &'static str,
        summary: String,
        event: &'a Event,
    }
    let line = Line {
        seq: entry.seq,
        at: entry.at,
        local_time: local_time(record, entry),
        actor: &entry.actor,
        role: entry.role.as_str(),
        kind: entry.event.kind(),
        summary: describe_quoting(record, &entry.event, lang, Quote::Whole),
        event: &entry.event,
    };
    let json = serde_json::to_string(&line).expect("an entry serialises");
    crate::store::json_text::escape(&json).into_owned()
}

/// The CSV header row in `lang` (`docs/scripting.md`).
pub fn csv_header(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::En => ["seq", "at_utc", "local_time", "actor", "role", "summary"],
        Lang::Vi => [
            "Số thứ tự",
            "Thời điểm (UTC)",
            "Giờ địa phương",
            "Người thực hiện",
            "Vai trò",
            "Nội dung",
        ],
    }
}

/// One entry as a CSV row, its texts never read as formulas.
pub fn csv_row(record: &Record, entry: &JournalEntry, lang: Lang) -> [String; 6] {
    [
        entry.seq.to_string(),
        entry.at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        local_time(record, entry),
        super::csv::text(&entry.actor),
        entry.role.label(lang).to_string(),
        super::csv::text(&describe_quoting(record, &entry.event, lang, Quote::Whole)),
    ]
}

/// "2026-02-05 08:43:00" in the meeting's time zone.
fn local_time(record: &Record, entry: &JournalEntry) -> String {
    entry
        .at
        .with_timezone(&offset(&record.meeting.details))
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}
