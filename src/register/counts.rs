//! The counts of a period's report: the meetings held, the petitions by
//! field, procedure, kind, disposition and outcome, how the written
//! replies, the forwardings and the tasks went (on time, late, still
//! within their deadline, overdue) and what is overdue.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::text::fold;
use crate::domain::*;

use super::{Entry, Filter, Meeting, Owed, OwedKind, Rows, Status, judge, owed};

/// How one kind of thing owed went: `total` is always `on_time + late +
/// pending + overdue`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: usize,
    pub on_time: usize,
    pub late: usize,
    pub pending: usize,
    pub overdue: usize,
}

impl Tally {
    fn add(&mut self, status: Status) {
        self.total += 1;
        match status {
            Status::DoneOnTime => self.on_time += 1,
            Status::DoneLate => self.late += 1,
            Status::Overdue => self.overdue += 1,
            _ => self.pending += 1,
        }
    }

    pub fn done(&self) -> usize {
        self.on_time + self.late
    }

    /// Done on time among those done, in per mille (rounded), as the
    /// follow-up report counts it; `None` when nothing is done yet.
    pub fn on_time_per_mille(&self) -> Option<u64> {
        let done = self.done() as u64;
        (done > 0).then(|| (self.on_time as u64 * 1000 + done / 2) / done)
    }

    pub fn plus(self, other: Tally) -> Tally {
        Tally {
            total: self.total + other.total,
            on_time: self.on_time + other.on_time,
            late: self.late + other.late,
            pending: self.pending + other.pending,
            overdue: self.overdue + other.overdue,
        }
    }
}

/// A count under a name typed by people (a field, a procedure); `None`:
/// not recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: Option<String>,
    pub count: usize,
}

/// A period's report.
#[derive(Debug, Clone)]
pub struct Report<'r> {
    pub filter: Filter,
    pub today: NaiveDate,
    /// The meetings held in the period, in order, with their petitions
    /// counted.
    pub meetings: Vec<(&'r Meeting, usize)>,
    /// The meeting whose agency the report is issued by: the latest with
    /// an agency on record in the period, else of all those read.
    pub issuer: Option<&'r Meeting>,
    pub petitions: usize,
    pub by_field: Vec<Named>,
    pub by_procedure: Vec<Named>,
    /// Every kind, in the record's order, even at 0.
    pub by_category: Vec<(IssueCategory, usize)>,
    pub by_source: Vec<(IssueSource, usize)>,
    pub by_disposition: Vec<(Disposition, usize)>,
    pub by_status: Vec<(Status, usize)>,
    pub replies: Tally,
    pub forwardings: Tally,
    pub tasks: Tally,
    /// Everything overdue (petitions and tasks), as `owed` orders it.
    pub overdue: Vec<Owed<'r>>,
}

impl<'r> Report<'r> {
    /// The report on what `filter` keeps of `rows`, as of `today`;
    /// `entries` are `super::entries(rows, today)`.
    pub fn of(
        rows: &'r Rows,
        entries: &[Entry<'r>],
        filter: &Filter,
        today: NaiveDate,
    ) -> Report<'r> {
        let kept: Vec<&Entry<'r>> = entries.iter().filter(|e| filter.keeps(e)).collect();
        let mut meetings: Vec<(usize, &Meeting)> = rows
            .meetings
            .iter()
            .enumerate()
            .filter(|(_, m)| filter.keeps_meeting(m))
            .collect();
        meetings.sort_by_key(|(i, m)| (m.day.is_none(), m.day, *i));
        let issuer =
            issuer(meetings.iter().map(|(_, m)| *m)).or_else(|| issuer(rows.meetings.iter()));
        let meetings = meetings
            .into_iter()
            .map(|(i, m)| (m, kept.iter().filter(|e| e.petition.meeting == i).count()))
            .collect();
        let mut replies = Tally::default();
        let mut forwardings = Tally::default();
        for entry in &kept {
            match entry.petition.disposition {
                Disposition::WrittenReplyRequired => replies.add(entry.status()),
                Disposition::Escalated | Disposition::Redirected => forwardings.add(entry.status()),
                _ => {}
            }
        }
        let mut tasks = Tally::default();
        for task in &rows.tasks {
            let meeting = &rows.meetings[task.meeting];
            if !filter.keeps_meeting(meeting) || task.status == ActionStatus::Cancelled {
                continue;
            }
            let done = (task.status == ActionStatus::Done).then_some(task.done_on);
            tasks.add(judge(&meeting.calendar(), today, task.due, done).status);
        }
        let count_of =
            |matches: &dyn Fn(&Entry<'r>) -> bool| kept.iter().filter(|e| matches(e)).count();
        Report {
            filter: filter.clone(),
            today,
            meetings,
            issuer,
            petitions: kept.len(),
            by_field: named(kept.iter().map(|e| e.petition.field.as_str())),
            by_procedure: named(kept.iter().map(|e| e.petition.procedure.as_str())),
            by_category: IssueCategory::ALL
                .iter()
                .map(|c| (*c, count_of(&|e| e.petition.category == *c)))
                .collect(),
            by_source: IssueSource::ALL
                .iter()
                .map(|s| (*s, count_of(&|e| e.petition.source == *s)))
                .collect(),
            by_disposition: Disposition::ALL
                .iter()
                .map(|d| (*d, count_of(&|e| e.petition.disposition == *d)))
                .collect(),
            by_status: Status::ALL
                .iter()
                .map(|s| (*s, count_of(&|e| e.status() == *s)))
                .collect(),
            replies,
            forwardings,
            tasks,
            overdue: owed(rows, entries, filter, today, true),
        }
    }

    /// Overdue petitions (written replies and forwardings) and tasks.
    pub fn overdue_of(&self, kind: OwedKind) -> usize {
        self.overdue.iter().filter(|o| o.kind == kind).count()
    }
}

/// The latest of `meetings` (by day) with an agency on record.
fn issuer<'r>(meetings: impl Iterator<Item = &'r Meeting>) -> Option<&'r Meeting> {
    meetings
        .filter(|m| !m.details.agency.trim().is_empty())
        .max_by_key(|m| m.day)
}

/// Counts under names typed by people: the same name however it is
/// accented or capitalised (the first spelling met is shown), the most
/// frequent first, "not recorded" last.
fn named<'a>(names: impl Iterator<Item = &'a str>) -> Vec<Named> {
    let mut counts: BTreeMap<String, (String, usize)> = BTreeMap::new();
    let mut unnamed = 0;
    for name in names {
        let name = name.trim();
        if name.is_empty() {
            unnamed += 1;
            continue;
        }
        let key = fold(&name.split_whitespace().collect::<Vec<_>>().join(" "));
        counts.entry(key).or_insert_with(|| (name.to_string(), 0)).1 += 1;
    }
    let mut out: Vec<Named> = counts
        .into_values()
        .map(|(name, count)| Named {
            name: Some(name),
            count,
        })
        .collect();
    out.sort_by_key(|n| std::cmp::Reverse(n.count));
    if unnamed > 0 {
        out.push(Named {
            name: None,
            count: unnamed,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::{Period, Petition, entries};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn meeting(day: NaiveDate) -> Meeting {
        Meeting {
            source: format!("{day}.gavel"),
            details: MeetingDetails {
                agency: "Sở Khoa học và Công nghệ".into(),
                ..MeetingDetails::default()
            },
            day: Some(day),
        }
    }

    fn petition(meeting: usize, number: u32, field: &str, disposition: Disposition) -> Petition {
        Petition {
            meeting,
            number,
            raised_by: "Lê Văn An".into(),
            organization: String::new(),
            source: IssueSource::Floor,
            category: IssueCategory::Recommendation,
            field: field.into(),
            procedure: String::new(),
            text: "Kiến nghị".into(),
            letter_number: String::new(),
            letter_date: None,
            disposition,
            escalated_to: String::new(),
            due: None,
            closing_ref: String::new(),
            closed_on: None,
            owners: Vec::new(),
        }
    }

    /// A meeting in January and one in March; the March one is given
    /// first.
    fn rows() -> Rows {
        let mut march_reply = petition(0, 2, "Sở hữu trí tuệ", Disposition::WrittenReplyRequired);
        march_reply.due = Some(d(3, 31));
        march_reply.closed_on = Some(d(4, 2));
        let mut january_reply = petition(1, 1, "sở hữu trí tuệ", Disposition::WrittenReplyRequired);
        january_reply.due = Some(d(2, 10));
        Rows {
            meetings: vec![meeting(d(3, 5)), meeting(d(1, 20))],
            petitions: vec![
                petition(0, 1, "Khoa học", Disposition::Answered),
                march_reply,
                petition(0, 3, "", Disposition::Escalated),
                january_reply,
                petition(1, 2, "Khoa học", Disposition::Answered),
            ],
            tasks: Vec::new(),
        }
    }

    #[test]
    fn the_log_numbers_follow_the_meetings_days_not_the_order_given() {
        let rows = rows();
        let all = entries(&rows, d(4, 10));
        let order: Vec<(u32, Option<NaiveDate>, u32)> = all
            .iter()
            .map(|e| (e.number, e.meeting.day, e.petition.number))
            .collect();
        assert_eq!(
            order,
            [
                (1, Some(d(1, 20)), 1),
                (2, Some(d(1, 20)), 2),
                (3, Some(d(3, 5)), 1),
                (4, Some(d(3, 5)), 2),
                (5, Some(d(3, 5)), 3),
            ]
        );
    }

    #[test]
    fn a_period_counts_only_its_meetings_and_keeps_the_log_numbers() {
        let rows = rows();
        let today = d(4, 10);
        let all = entries(&rows, today);
        let filter = Filter {
            period: Period::parse("2026-03"),
            ..Filter::default()
        };
        let kept: Vec<u32> = all
            .iter()
            .filter(|e| filter.keeps(e))
            .map(|e| e.number)
            .collect();
        assert_eq!(kept, [3, 4, 5]);
        let report = Report::of(&rows, &all, &filter, today);
        assert_eq!(report.meetings.len(), 1);
        assert_eq!(report.petitions, 3);
        assert_eq!(
            report.replies,
            Tally {
                total: 1,
                late: 1,
                ..Tally::default()
            }
        );
        // The escalation has no deadline on record: pending.
        assert_eq!(report.forwardings.pending, 1);
        assert!(report.overdue.is_empty());
    }

    #[test]
    fn the_whole_year_counts_fields_however_they_are_spelled() {
        let rows = rows();
        let today = d(4, 10);
        let all = entries(&rows, today);
        let filter = Filter {
            period: Period::parse("2026"),
            ..Filter::default()
        };
        let report = Report::of(&rows, &all, &filter, today);
        assert_eq!(report.petitions, 5);
        let fields: Vec<(Option<&str>, usize)> = report
            .by_field
            .iter()
            .map(|n| (n.name.as_deref(), n.count))
            .collect();
        assert_eq!(
            fields,
            [
                (Some("Khoa học"), 2),
                (Some("sở hữu trí tuệ"), 2),
                (None, 1)
            ]
        );
        let answered = report
            .by_disposition
            .iter()
            .find(|(d, _)| *d == Disposition::Answered);
        assert_eq!(answered, Some(&(Disposition::Answered, 2)));
        // January's reply was due on 10 February and is not done.
        assert_eq!(report.replies.overdue, 1);
        assert_eq!(report.overdue.len(), 1);
        assert_eq!(report.overdue[0].log_number, Some(1));
        let sum: usize = report.by_status.iter().map(|(_, n)| n).sum();
        assert_eq!(sum, report.petitions);
    }

    #[test]
    fn filters_by_field_disposition_and_status() {
        let rows = rows();
        let today = d(4, 10);
        let all = entries(&rows, today);
        let count = |filter: Filter| all.iter().filter(|e| filter.keeps(e)).count();
        let field = |f: &str| Filter {
            field: Some(f.into()),
            ..Filter::default()
        };
        assert_eq!(count(field("so huu tri tue")), 2);
        assert_eq!(count(field("KHOA")), 2);
        assert_eq!(
            count(Filter {
                dispositions: vec![Disposition::Answered, Disposition::Escalated],
                ..Filter::default()
            }),
            3
        );
        assert_eq!(
            count(Filter {
                statuses: vec![Status::Overdue],
                ..Filter::default()
            }),
            1
        );
    }

    #[test]
    fn rates_round_and_need_something_done() {
        let tally = Tally {
            total: 4,
            on_time: 2,
            late: 1,
            pending: 1,
            overdue: 0,
        };
        assert_eq!(tally.on_time_per_mille(), Some(667));
        assert_eq!(Tally::default().on_time_per_mille(), None);
    }
}
