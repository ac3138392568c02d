//! What became of everything owed after the meeting, as of a day: each
//! written reply, each forwarding (escalated or redirected issues) and each
//! action, done (when, with which reference, on time or late) or not (the
//! working days left, or how far overdue), and the counts leadership
//! checks. The follow-up report (`minutes::FollowupReport`) and its CSV
//! table (`followup_csv`) are both written from this, so they say the same.
//!
//! It reads the record as it stands now (not the approved minutes: follow-
//! up happens after them) and counts the days from `today`, so the same
//! file and the same day give the same report. A closed issue carries its
//! date (`closed_on`); an action does not, so the day it was marked done
//! is the day of the journal entry that made it done (`action_done_dates`).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::clock::local_date;
use crate::domain::workdays::Calendar;
use crate::domain::*;
use crate::store::{Store, StoreError};

use super::followup::action_numbers;

/// Where something owed stands on the day of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// Done on `on` (`None`: the day is not known) with the reference of
    /// the letter or document (may be empty); `late_by` working days after
    /// its deadline (0: on time).
    Done {
        on: Option<NaiveDate>,
        reference: String,
        late_by: i64,
    },
    /// Not done, and not past its deadline: the working days left (0: due
    /// today; `None`: no deadline).
    Open { days_left: Option<i64> },
    /// Not done, `days` working days past its deadline.
    Overdue { days: i64 },
}

impl State {
    pub fn is_overdue(&self) -> bool {
        matches!(self, State::Overdue { .. })
    }
}

/// One thing owed: the issue or the action, its deadline and its state.
#[derive(Debug, Clone)]
pub struct Owed<T> {
    pub item: T,
    pub due: Option<NaiveDate>,
    pub state: State,
}

/// The counts of one kind of thing owed (or of all): `total` is always
/// `on_time + late + open + overdue`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    /// Done by the deadline (or done, with none).
    pub on_time: usize,
    /// Done after the deadline.
    pub late: usize,
    /// Not done, the deadline not passed (or none).
    pub open: usize,
    /// Not done, the deadline passed.
    pub overdue: usize,
}

impl Counts {
    fn of<T>(owed: &[Owed<T>]) -> Counts {
        let mut counts = Counts {
            total: owed.len(),
            ..Counts::default()
        };
        for o in owed {
            match o.state {
                State::Done { late_by: 0, .. } => counts.on_time += 1,
                State::Done { .. } => counts.late += 1,
                State::Open { .. } => counts.open += 1,
                State::Overdue { .. } => counts.overdue += 1,
            }
        }
        counts
    }

    pub fn done(&self) -> usize {
        self.on_time + self.late
    }

    /// Done on time among those done, in per mille (rounded), so that both
    /// languages print it with their own decimal mark; `None` when nothing
    /// is done yet.
    pub fn on_time_per_mille(&self) -> Option<u64> {
        let done = self.done() as u64;
        (done > 0).then(|| (self.on_time as u64 * 1000 + done / 2) / done)
    }

    fn plus(self, other: Counts) -> Counts {
        Counts {
            total: self.total + other.total,
            on_time: self.on_time + other.on_time,
            late: self.late + other.late,
            open: self.open + other.open,
            overdue: self.overdue + other.overdue,
        }
    }
}

/// Everything followed up after the meeting, as of `today`.
pub struct Tracking<'a> {
    pub today: NaiveDate,
    /// The day the meeting was held (or planned), when known.
    pub meeting_day: Option<NaiveDate>,
    /// Some deadline counts through a year whose days off are not
    /// announced yet: the days left are estimates.
    pub estimated: bool,
    /// Only what is overdue was asked for (`--overdue`).
    pub overdue_only: bool,
    /// Issues to answer in writing, by number.
    pub replies: Vec<Owed<&'a Issue>>,
    /// Issues escalated or redirected, by number: the forwarding owed.
    pub forwardings: Vec<Owed<&'a Issue>>,
    /// Actions (numbered as `gavel followup` numbers them), cancelled ones
    /// left out.
    pub actions: Vec<Owed<(u32, &'a Action)>>,
    /// Actions cancelled, not followed up (and not counted).
    pub cancelled: usize,
    /// Issues neither answered nor given a way forward (still "open"): no
    /// deadline runs for them, so they are not counted, but a report that
    /// left them out would let them be forgotten.
    pub undecided: Vec<&'a Issue>,
}

impl<'a> Tracking<'a> {
    /// What `record` owes as of `today`; `done_on` the day each action
    /// done was marked done (`action_done_dates`); `overdue_only` keeps
    /// what is overdue.
    pub fn of(
        record: &'a Record,
        done_on: &BTreeMap<Id, NaiveDate>,
        today: NaiveDate,
        overdue_only: bool,
    ) -> Tracking<'a> {
        let calendar = Calendar::of(&record.meeting.details);
        let start = record
            .meeting
            .actual_start
            .or(record.meeting.details.planned_start);
        let meeting_day = start.map(|at| local_date(&record.meeting.details, at));
        let judge = Judge {
            calendar: &calendar,
            today,
        };
        let mut issues: Vec<&Issue> = record.issues.values().collect();
        issues.sort_by_key(|i| (i.number, i.id));
        let issue_state = |i: &&'a Issue, due: Option<NaiveDate>| Owed {
            item: *i,
            due,
            state: judge.state(due, i.closed_on.map(Some), &i.closing_ref),
        };
        let replies: Vec<Owed<&Issue>> = issues
            .iter()
            .filter(|i| i.disposition == Disposition::WrittenReplyRequired)
            .map(|i| issue_state(i, i.reply_due))
            .collect();
        let forwardings: Vec<Owed<&Issue>> = issues
            .iter()
            .filter(|i| {
                matches!(
                    i.disposition,
                    Disposition::Escalated | Disposition::Redirected
                )
            })
            .map(|i| issue_state(i, i.forward_due))
            .collect();
        let undecided: Vec<&Issue> = issues
            .iter()
            .filter(|i| i.disposition == Disposition::Open && !overdue_only)
            .copied()
            .collect();
        let numbered = action_numbers(record);
        let cancelled = numbered
            .iter()
            .filter(|(_, a)| a.status == ActionStatus::Cancelled)
            .count();
        let actions: Vec<Owed<(u32, &Action)>> = numbered
            .into_iter()
            .filter(|(_, a)| a.status != ActionStatus::Cancelled)
            .map(|(n, a)| {
                let done = (a.status == ActionStatus::Done).then(|| done_on.get(&a.id).copied());
                Owed {
                    item: (n, a),
                    due: a.due,
                    state: judge.state(a.due, done, &a.completion_ref),
                }
            })
            .collect();
        let mut tracking = Tracking {
            today,
            meeting_day,
            estimated: false,
            overdue_only,
            replies,
            forwardings,
            actions,
            cancelled,
            undecided,
        };
        if overdue_only {
            tracking.replies.retain(|o| o.state.is_overdue());
            tracking.forwardings.retain(|o| o.state.is_overdue());
            tracking.actions.retain(|o| o.state.is_overdue());
        }
        let from = meeting_day.unwrap_or(today).min(today);
        let estimated = tracking
            .open_dues()
            .iter()
            .any(|due| calendar.estimated_between(from, (*due).max(today)));
        tracking.estimated = estimated;
        tracking
    }

    /// The deadlines of what is not done yet.
    fn open_dues(&self) -> Vec<NaiveDate> {
        let open = |state: &State| !matches!(state, State::Done { .. });
        let issues = self.replies.iter().chain(&self.forwardings);
        let issue_dues = issues.filter(|o| open(&o.state)).filter_map(|o| o.due);
        let action_dues = self
            .actions
            .iter()
            .filter(|o| open(&o.state))
            .filter_map(|o| o.due);
        issue_dues.chain(action_dues).collect()
    }

    pub fn reply_counts(&self) -> Counts {
        Counts::of(&self.replies)
    }

    pub fn forwarding_counts(&self) -> Counts {
        Counts::of(&self.forwardings)
    }

    pub fn action_counts(&self) -> Counts {
        Counts::of(&self.actions)
    }

    /// All three kinds together.
    pub fn counts(&self) -> Counts {
        self.reply_counts()
            .plus(self.forwarding_counts())
            .plus(self.action_counts())
    }
}

/// Decides a state from a deadline and what was done, as of `today`.
struct Judge<'c> {
    calendar: &'c Calendar,
    today: NaiveDate,
}

impl Judge<'_> {
    /// `done`: `None` when not done; `Some(None)` done on a day not known.
    fn state(
        &self,
        due: Option<NaiveDate>,
        done: Option<Option<NaiveDate>>,
        reference: &str,
    ) -> State {
        match done {
            Some(on) => State::Done {
                on,
                reference: reference.trim().to_string(),
                late_by: match (on, due) {
                    (Some(on), Some(due)) if on > due => {
                        // Done on a day off after the deadline is still late.
                        (-self.calendar.working_days_between(on, due)).max(1)
                    }
                    _ => 0,
                },
            },
            None => match due {
                Some(due) if due < self.today => State::Overdue {
                    days: (-self.calendar.working_days_between(self.today, due)).max(1),
                },
                Some(due) => State::Open {
                    days_left: Some(self.calendar.working_days_between(self.today, due)),
                },
                None => State::Open { days_left: None },
            },
        }
    }
}

/// The day each action now done was marked done: the meeting's local date
/// of the journal entry that turned it done, found by stepping back from
/// its last change through the before-images the journal keeps (a later
/// edit of a done action, giving it its reference, keeps the first day).
pub fn action_done_dates(store: &Store) -> Result<BTreeMap<Id, NaiveDate>, StoreError> {
    let record = store.record();
    let mut dates = BTreeMap::new();
    for action in record.actions.values() {
        if action.status != ActionStatus::Done {
            continue;
        }
        let mut seq = action.rev;
        while let Some((entry, before)) = store.entry_with_before(seq)? {
            let earlier = before.iter().find_map(|snapshot| match snapshot {
                Snapshot::Action { id, value } if *id == action.id => value.as_ref(),
                _ => None,
            });
            match earlier {
                Some(was) if was.status == ActionStatus::Done && was.rev < seq => seq = was.rev,
                _ => {
                    dates.insert(action.id, local_date(&record.meeting.details, entry.at));
                    break;
                }
            }
        }
    }
    Ok(dates)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32, month: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    fn judge(calendar: &Calendar, today: NaiveDate) -> Judge<'_> {
        Judge { calendar, today }
    }

    #[test]
    fn done_by_the_deadline_is_on_time_and_after_it_late_in_working_days() {
        let calendar = Calendar::new(&[], &[]);
        let j = judge(&calendar, d(20, 3));
        // Due Thursday 5 March 2026.
        let due = Some(d(5, 3));
        let on_time = j.state(due, Some(Some(d(5, 3))), " 12/SKHCN ");
        assert_eq!(
            on_time,
            State::Done {
                on: Some(d(5, 3)),
                reference: "12/SKHCN".into(),
                late_by: 0
            }
        );
        // Monday 9 March: Friday 6 and Monday 9 are two working days late.
        let late = j.state(due, Some(Some(d(9, 3))), "");
        assert!(matches!(late, State::Done { late_by: 2, .. }), "{late:?}");
        // Saturday 7 March, after a Thursday deadline: late, by one day.
        let saturday = j.state(Some(d(6, 3)), Some(Some(d(7, 3))), "");
        assert!(
            matches!(saturday, State::Done { late_by: 1, .. }),
            "{saturday:?}"
        );
    }

    #[test]
    fn not_done_is_open_until_the_deadline_then_overdue() {
        let calendar = Calendar::new(&[], &[]);
        let due = Some(d(5, 3));
        assert_eq!(
            judge(&calendar, d(3, 3)).state(due, None, ""),
            State::Open { days_left: Some(2) }
        );
        assert_eq!(
            judge(&calendar, d(5, 3)).state(due, None, ""),
            State::Open { days_left: Some(0) }
        );
        assert_eq!(
            judge(&calendar, d(9, 3)).state(due, None, ""),
            State::Overdue { days: 2 }
        );
        assert_eq!(
            judge(&calendar, d(9, 3)).state(None, None, ""),
            State::Open { days_left: None }
        );
    }

    #[test]
    fn counts_add_up_and_the_rate_is_of_what_is_done() {
        let owed = |state| Owed {
            item: (),
            due: None,
            state,
        };
        let done = |late_by| State::Done {
            on: None,
            reference: String::new(),
            late_by,
        };
        let all = [
            owed(done(0)),
            owed(done(0)),
            owed(done(3)),
            owed(State::Open { days_left: None }),
            owed(State::Overdue { days: 1 }),
        ];
        let counts = Counts::of(&all);
        assert_eq!(
            counts,
            Counts {
                total: 5,
                on_time: 2,
                late: 1,
                open: 1,
                overdue: 1
            }
        );
        assert_eq!(counts.on_time_per_mille(), Some(667));
        assert_eq!(Counts::default().on_time_per_mille(), None);
    }
}
