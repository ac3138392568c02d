//! The department's register across many meetings: every petition in one
//! numbered receiving log, what is still owed and by whom, and the counts
//! of a period's report.
//!
//! Computed from plain rows (`Rows`: a header per meeting, a row per
//! petition and per task) that say nothing of where they came from: a
//! meeting file gives them today (`Rows::add_record`), an archive can give
//! the same rows tomorrow, and the register, the list of what is owed and
//! the report are the same whatever the source. Pure: no file, no clock
//! (the day counted to is given).

pub mod counts;
pub mod period;
mod rows;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::domain::text::fold_contains;
use crate::domain::workdays::Calendar;
use crate::domain::*;
use crate::i18n::Lang;

pub use counts::{Report, Tally};
pub use period::{Period, Span};
pub use rows::{Meeting, Petition, Rows, Task};

crate::string_enum!(
    /// Where a petition stands on the day counted to: answered in the
    /// room; no way forward decided yet (no deadline runs); a written
    /// reply or forwarding owed, within its deadline or overdue; done on
    /// time or late; withdrawn.
    Status {
        Answered = "answered",
        Undecided = "undecided",
        Pending = "pending",
        Overdue = "overdue",
        DoneOnTime = "done-on-time",
        DoneLate = "done-late",
        Withdrawn = "withdrawn",
    }
);

impl Status {
    pub fn word(self, lang: Lang) -> &'static str {
        let (en, vi) = match self {
            Status::Answered => ("answered at the meeting", "đã trả lời tại hội nghị"),
            Status::Undecided => ("no way forward yet", "chưa xác định hướng xử lý"),
            Status::Pending => ("within its deadline", "đang trong hạn"),
            Status::Overdue => ("overdue", "quá hạn"),
            Status::DoneOnTime => ("done on time", "hoàn thành đúng hạn"),
            Status::DoneLate => ("done late", "hoàn thành chậm"),
            Status::Withdrawn => ("withdrawn", "đã rút"),
        };
        match lang {
            Lang::En => en,
            Lang::Vi => vi,
        }
    }

    /// Something is still owed.
    pub fn is_owed(self) -> bool {
        matches!(self, Status::Pending | Status::Overdue)
    }
}

/// A status and the working days that go with it: left (pending), past
/// the deadline (overdue), late (done late).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judged {
    pub status: Status,
    pub days: Option<i64>,
}

/// Where something owed stands as of `today`: `done` the day it was done
/// (`Some(None)`: done on a day not known, taken as on time).
pub fn judge(
    calendar: &Calendar,
    today: NaiveDate,
    due: Option<NaiveDate>,
    done: Option<Option<NaiveDate>>,
) -> Judged {
    match (done, due) {
        (Some(Some(on)), Some(due)) if on > due => Judged {
            status: Status::DoneLate,
            // Done on a day off after the deadline is still late.
            days: Some((-calendar.working_days_between(on, due)).max(1)),
        },
        (Some(_), _) => Judged {
            status: Status::DoneOnTime,
            days: None,
        },
        (None, Some(due)) if due < today => Judged {
            status: Status::Overdue,
            days: Some((-calendar.working_days_between(today, due)).max(1)),
        },
        (None, due) => Judged {
            status: Status::Pending,
            days: due.map(|due| calendar.working_days_between(today, due)),
        },
    }
}

/// A petition where it stands, under its number in the receiving log.
#[derive(Debug, Clone)]
pub struct Entry<'r> {
    /// The receiving log's number: 1, 2, 3… through the year of the
    /// meeting, in the order of the meetings and of each meeting's issues.
    pub number: u32,
    pub meeting: &'r Meeting,
    pub petition: &'r Petition,
    pub judged: Judged,
}

impl Entry<'_> {
    pub fn status(&self) -> Status {
        self.judged.status
    }
}

/// The petition's status as of `today`.
pub fn petition_status(meeting: &Meeting, petition: &Petition, today: NaiveDate) -> Judged {
    let status = |status| Judged { status, days: None };
    match petition.disposition {
        Disposition::Answered => status(Status::Answered),
        Disposition::Withdrawn => status(Status::Withdrawn),
        Disposition::Open => status(Status::Undecided),
        Disposition::WrittenReplyRequired | Disposition::Escalated | Disposition::Redirected => {
            let done = petition.closed_on.map(Some);
            judge(&meeting.calendar(), today, petition.due, done)
        }
    }
}

/// Every petition of `rows`, numbered and judged as of `today`, in the
/// order of the meetings' days (a meeting with no day last), then of each
/// meeting's numbers. The numbers run through a year, whatever a filter
/// leaves out afterwards: a petition keeps its number in every list.
pub fn entries(rows: &Rows, today: NaiveDate) -> Vec<Entry<'_>> {
    let mut order: Vec<&Petition> = rows.petitions.iter().collect();
    order.sort_by_key(|p| {
        let meeting = &rows.meetings[p.meeting];
        (meeting.day.is_none(), meeting.day, p.meeting, p.number)
    });
    let mut numbers: BTreeMap<Option<i32>, u32> = BTreeMap::new();
    order
        .into_iter()
        .map(|petition| {
            let meeting = &rows.meetings[petition.meeting];
            let number = numbers.entry(meeting.day.map(|d| d.year())).or_default();
            *number += 1;
            Entry {
                number: *number,
                meeting,
                petition,
                judged: petition_status(meeting, petition, today),
            }
        })
        .collect()
}

/// What a list keeps: meetings held in a period, petitions of a field,
/// with a disposition, in a status. Empty lists keep everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub period: Option<Period>,
    /// Part of the field's name, accents and case ignored.
    pub field: Option<String>,
    pub dispositions: Vec<Disposition>,
    pub statuses: Vec<Status>,
}

impl Filter {
    /// A meeting held in the period (one with no day is in no period).
    pub fn keeps_meeting(&self, meeting: &Meeting) -> bool {
        match self.period {
            Some(period) => meeting.day.is_some_and(|day| period.contains(day)),
            None => true,
        }
    }

    pub fn keeps(&self, entry: &Entry<'_>) -> bool {
        let petition = entry.petition;
        self.keeps_meeting(entry.meeting)
            && self.field.as_deref().is_none_or(|field| {
                !petition.field.trim().is_empty() && fold_contains(&petition.field, field.trim())
            })
            && (self.dispositions.is_empty() || self.dispositions.contains(&petition.disposition))
            && (self.statuses.is_empty() || self.statuses.contains(&entry.status()))
    }
}

/// What is owed: a written reply, a forwarding, a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum OwedKind {
    Reply,
    Forwarding,
    Task,
}

impl OwedKind {
    pub fn word(self, lang: Lang) -> &'static str {
        let (en, vi) = match self {
            OwedKind::Reply => ("written reply", "trả lời bằng văn bản"),
            OwedKind::Forwarding => ("forwarding", "chuyển cơ quan có thẩm quyền"),
            OwedKind::Task => ("task", "nhiệm vụ"),
        };
        match lang {
            Lang::En => en,
            Lang::Vi => vi,
        }
    }
}

/// One thing owed, with who owes it.
#[derive(Debug, Clone)]
pub struct Owed<'r> {
    pub meeting: &'r Meeting,
    pub kind: OwedKind,
    /// The receiving log's number of a petition; `None` for a task.
    pub log_number: Option<u32>,
    /// The meeting's own number of the issue or the task.
    pub number: u32,
    /// Who raised the petition (empty for a task).
    pub raised_by: String,
    /// What it is about: the procedure, else the first line of the text;
    /// a task's title.
    pub about: String,
    /// The unit or person the work is assigned to (empty: nobody yet).
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub judged: Judged,
}

/// What is still owed among `entries` and the tasks of the meetings
/// `filter` keeps, as of `today`; `overdue_only` keeps what is overdue.
/// In order of the department (the agency), the owner, the deadline.
pub fn owed<'r>(
    rows: &'r Rows,
    entries: &[Entry<'r>],
    filter: &Filter,
    today: NaiveDate,
    overdue_only: bool,
) -> Vec<Owed<'r>> {
    let mut out: Vec<Owed<'r>> = entries
        .iter()
        .filter(|e| e.status().is_owed() && filter.keeps(e))
        .map(|e| Owed {
            meeting: e.meeting,
            kind: match e.petition.disposition {
                Disposition::WrittenReplyRequired => OwedKind::Reply,
                _ => OwedKind::Forwarding,
            },
            log_number: Some(e.number),
            number: e.petition.number,
            raised_by: e.petition.raised_by.clone(),
            about: e.petition.about().to_string(),
            owner: e.petition.owners.join("; "),
            due: e.petition.due,
            judged: e.judged,
        })
        .collect();
    // Tasks belong to the meeting, not to a petition's field or
    // disposition: only the period chooses them.
    let task_filter = Filter {
        period: filter.period,
        ..Filter::default()
    };
    for task in &rows.tasks {
        let meeting = &rows.meetings[task.meeting];
        if !task_filter.keeps_meeting(meeting) || !task.is_open() {
            continue;
        }
        out.push(Owed {
            meeting,
            kind: OwedKind::Task,
            log_number: None,
            number: task.number,
            raised_by: String::new(),
            about: task.title.clone(),
            owner: task.owner.trim().to_string(),
            due: task.due,
            judged: judge(&meeting.calendar(), today, task.due, None),
        });
    }
    if overdue_only {
        out.retain(|o| o.judged.status == Status::Overdue);
    }
    out.sort_by(|a, b| {
        let key = |o: &Owed<'_>| {
            (
                o.meeting.details.agency.trim().to_string(),
                o.owner.is_empty(),
                o.owner.to_lowercase(),
                o.due.is_none(),
                o.due,
                o.kind,
                o.meeting.day,
                o.number,
            )
        };
        key(a).cmp(&key(b))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn a_deadline_is_judged_in_working_days() {
        let calendar = Calendar::new(&[], &[]);
        // Due Thursday 5 March 2026.
        let due = Some(d(3, 5));
        let j = |today, done| judge(&calendar, today, due, done);
        assert_eq!(j(d(3, 3), None).status, Status::Pending);
        assert_eq!(j(d(3, 3), None).days, Some(2));
        assert_eq!(j(d(3, 5), None).days, Some(0));
        let overdue = j(d(3, 9), None);
        assert_eq!((overdue.status, overdue.days), (Status::Overdue, Some(2)));
        assert_eq!(j(d(3, 20), Some(Some(d(3, 5)))).status, Status::DoneOnTime);
        let late = j(d(3, 20), Some(Some(d(3, 9))));
        assert_eq!((late.status, late.days), (Status::DoneLate, Some(2)));
        // Saturday after a Thursday deadline: one day late all the same.
        assert_eq!(j(d(3, 20), Some(Some(d(3, 7)))).days, Some(1));
        assert_eq!(j(d(3, 20), Some(None)).status, Status::DoneOnTime);
        let none = judge(&calendar, d(3, 20), None, None);
        assert_eq!((none.status, none.days), (Status::Pending, None));
    }
}
