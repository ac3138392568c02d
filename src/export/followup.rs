//! `gavel followup`: what is still owed after the meeting — written replies
//! with their working-day deadlines, escalations and redirections with
//! their forwarding deadlines, open actions — with the days left or
//! overdue. Unlike the minutes, it gives
//! the petitioner's contact (address or phone) and their letter, which the
//! reply is sent to and answers.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::text::{sanitize, sanitize_lines};
use crate::domain::workdays::Calendar;
use crate::domain::*;
use crate::i18n::{Label, Lang};

use super::Quote;

/// The number an action goes by in follow-up (1, 2, 3... in order of
/// assignment).
pub fn action_numbers(record: &Record) -> Vec<(u32, &Action)> {
    record
        .actions
        .values()
        .zip(1..)
        .map(|(a, n)| (n, a))
        .collect()
}

struct Words {
    replies: &'static str,
    escalations: &'static str,
    actions: &'static str,
    nothing: &'static str,
    undecided: &'static str,
    due: &'static str,
    forward_due: &'static str,
    estimated: &'static str,
    left: &'static str,
    left_one: &'static str,
    overdue: &'static str,
    overdue_one: &'static str,
    today: &'static str,
    no_due: &'static str,
    open: &'static str,
    contact: &'static str,
    no_contact: &'static str,
    letter: &'static str,
    number: &'static str,
    received: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            replies: "Written replies owed",
            escalations: "Escalated and redirected",
            actions: "Open actions",
            nothing: "nothing",
            undecided: "Not answered, no way forward decided yet",
            due: "due",
            forward_due: "forward by",
            estimated: " (estimated: the days off are not announced yet)",
            left: "working days left",
            left_one: "working day left",
            overdue: "OVERDUE by {} working days",
            overdue_one: "OVERDUE by 1 working day",
            today: "due today",
            no_due: "no due date",
            open: "not yet closed",
            contact: "contact",
            no_contact: "none on record",
            letter: "their letter",
            number: " No. {}",
            received: ", received on {}",
        },
        Lang::Vi => Words {
            replies: "Phản ánh, kiến nghị phải trả lời bằng văn bản",
            escalations: "Đã chuyển cấp trên hoặc cơ quan khác",
            actions: "Phân công chưa hoàn thành",
            nothing: "không có",
            undecided: "Chưa trả lời, chưa xác định hướng xử lý",
            due: "hạn",
            forward_due: "hạn chuyển",
            estimated: " (ước tính: lịch nghỉ chưa được công bố)",
            left: "ngày làm việc còn lại",
            left_one: "ngày làm việc còn lại",
            overdue: "QUÁ HẠN {} ngày làm việc",
            overdue_one: "QUÁ HẠN 1 ngày làm việc",
            today: "hết hạn hôm nay",
            no_due: "chưa có hạn",
            open: "chưa đóng",
            contact: "liên hệ",
            no_contact: "chưa có",
            letter: "văn bản",
            number: " số {}",
            received: ", nhận ngày {}",
        },
    }
}

/// When something is owed and how far off that is, counted in working days.
struct Deadlines<'a> {
    words: &'a Words,
    calendar: Calendar,
    today: NaiveDate,
    /// The day the periods count from.
    meeting_day: NaiveDate,
}

impl Deadlines<'_> {
    /// "due 27/02/2026 — 4 working days left", with `label` for "due"; an
    /// estimate when the days counted reach a year not yet announced.
    fn line(&self, label: &str, due: Option<NaiveDate>) -> String {
        let words = self.words;
        let Some(due) = due else {
            return words.no_due.to_string();
        };
        let days = self.calendar.working_days_between(self.today, due);
        let when = match days {
            1 => format!("1 {}", words.left_one),
            d if d > 0 => format!("{d} {}", words.left),
            0 => words.today.to_string(),
            -1 => words.overdue_one.to_string(),
            d => words.overdue.replace("{}", &(-d).to_string()),
        };
        let from = self.meeting_day.min(self.today);
        let estimated = if self.calendar.estimated_between(from, due.max(self.today)) {
            words.estimated
        } else {
            ""
        };
        format!("{label} {} — {when}{estimated}", due.format("%d/%m/%Y"))
    }
}

/// The follow-up list as text; `overdue_only` keeps what is past its date.
pub fn followup_report(
    record: &Record,
    today: NaiveDate,
    lang: Lang,
    overdue_only: bool,
) -> String {
    followup_report_quoting(record, today, lang, overdue_only, Quote::Short)
}

/// The same, quoting what each issue is about as `quote` says (whole into
/// a pipe or a file).
pub fn followup_report_quoting(
    record: &Record,
    today: NaiveDate,
    lang: Lang,
    overdue_only: bool,
    quote: Quote,
) -> String {
    let w = words(lang);
    let deadlines = Deadlines {
        words: &w,
        calendar: Calendar::of(&record.meeting.details),
        today,
        // A meeting never started nor planned counts from today.
        meeting_day: record.meeting_day(today.and_time(chrono::NaiveTime::MIN).and_utc()),
    };
    let who = |issue: &Issue| -> String {
        issue
            .raised_by
            .and_then(|id| record.participants.get(&id))
            .map_or_else(String::new, |p| {
                if p.organization.is_empty() {
                    sanitize(&p.name).into_owned()
                } else {
                    format!("{} ({})", sanitize(&p.name), sanitize(&p.organization))
                }
            })
    };
    let about = |issue: &Issue| -> String {
        let text = issue.text.lines().next().unwrap_or("");
        let subject = if issue.procedure.is_empty() {
            text
        } else {
            issue.procedure.as_str()
        };
        match quote {
            Quote::Short => crate::domain::text::truncate(&sanitize(subject), 70).into_owned(),
            Quote::Whole => sanitize(subject).into_owned(),
        }
    };
    // "liên hệ: 12 Lê Lợi, Mỹ Tho; văn bản số 15/CV-PK, nhận ngày
    // 28/01/2026": where the reply goes, and the letter it answers.
    let reply_to = |issue: &Issue| -> String {
        let contact = issue
            .raised_by
            .and_then(|id| record.participants.get(&id))
            .map(|p| {
                sanitize_lines(&p.contact)
                    .iter()
                    .map(|line| line.trim())
                    .filter(|line| !line.is_empty())
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .filter(|contact| !contact.is_empty());
        let mut out = format!(
            "        {}: {}",
            w.contact,
            contact.as_deref().unwrap_or(w.no_contact)
        );
        let number = sanitize(issue.letter_number.trim());
        if !number.is_empty() || issue.letter_date.is_some() {
            out.push_str("; ");
            out.push_str(w.letter);
        }
        if !number.is_empty() {
            out.push_str(&w.number.replace("{}", &number));
        }
        if let Some(on) = issue.letter_date {
            out.push_str(&w.received.replace("{}", &on.format("%d/%m/%Y").to_string()));
        }
        out
    };
    // "#5   Nguyễn Văn A (Công ty B) — what it is about"
    let issue_line =
        |issue: &Issue| format!("  #{:<3} {} — {}", issue.number, who(issue), about(issue));

    let replies: Vec<&Issue> = record
        .issues
        .values()
        .filter(|i| i.disposition == Disposition::WrittenReplyRequired && i.closed_on.is_none())
        .filter(|i| !overdue_only || i.is_overdue(today))
        .collect();
    let escalations: Vec<&Issue> = record
        .issues
        .values()
        .filter(|i| {
            matches!(
                i.disposition,
                Disposition::Escalated | Disposition::Redirected
            )
        })
        .filter(|i| i.closed_on.is_none())
        .filter(|i| !overdue_only || i.is_overdue(today))
        .collect();
    let actions: Vec<(u32, &Action)> = action_numbers(record)
        .into_iter()
        .filter(|(_, a)| matches!(a.status, ActionStatus::Open | ActionStatus::InProgress))
        .filter(|(_, a)| !overdue_only || a.is_overdue(today))
        .collect();

    let mut out = String::new();
    let _ = writeln!(out, "{}", sanitize(&record.meeting.details.title));
    let _ = writeln!(out, "{} ({})", w.replies, replies.len());
    for issue in &replies {
        let _ = writeln!(out, "{}", issue_line(issue));
        let _ = writeln!(out, "        {}", deadlines.line(w.due, issue.reply_due));
        let _ = writeln!(out, "{}", reply_to(issue));
    }
    if replies.is_empty() {
        let _ = writeln!(out, "  {}", w.nothing);
    }
    let _ = writeln!(out, "{} ({})", w.escalations, escalations.len());
    for issue in &escalations {
        let _ = writeln!(out, "{}", issue_line(issue));
        let to = if issue.escalated_to.is_empty() {
            String::new()
        } else {
            format!(" → {}", sanitize(&issue.escalated_to))
        };
        // Issues answered before forwarding deadlines existed have none.
        let owed = match issue.forward_due {
            Some(due) => deadlines.line(w.forward_due, Some(due)),
            None => w.open.to_string(),
        };
        let _ = writeln!(
            out,
            "        {}{to} — {owed}",
            issue.disposition.label(lang),
        );
        // The sender is told where the issue went.
        let _ = writeln!(out, "{}", reply_to(issue));
    }
    if escalations.is_empty() {
        let _ = writeln!(out, "  {}", w.nothing);
    }
    let _ = writeln!(out, "{} ({})", w.actions, actions.len());
    for (number, action) in &actions {
        let _ = writeln!(
            out,
            "  A{number:<3} {} — {} [{}]",
            sanitize(&action.title),
            sanitize(&action.owner),
            action.status.label(lang)
        );
        let _ = writeln!(out, "        {}", deadlines.line(w.due, action.due));
    }
    if actions.is_empty() {
        let _ = writeln!(out, "  {}", w.nothing);
    }
    // No deadline runs for them: listed so that they are not forgotten,
    // never as overdue.
    let undecided: Vec<&Issue> = record
        .issues
        .values()
        .filter(|i| i.disposition == Disposition::Open && !overdue_only)
        .collect();
    if !undecided.is_empty() {
        let _ = writeln!(out, "{} ({})", w.undecided, undecided.len());
        for issue in &undecided {
            let _ = writeln!(out, "{}", issue_line(issue));
        }
    }
    out
}
