//! The plain rows the register is computed from, and how a meeting's
//! record gives them. Every text is as typed (sanitised where it is
//! written out); dates are the meeting's local days.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::clock::local_date;
use crate::domain::workdays::Calendar;
use crate::domain::*;

/// One meeting: where it was read from, its details (title, agency,
/// days off counted), the day it was held (or planned).
#[derive(Debug, Clone)]
pub struct Meeting {
    /// The file's path as given, or the archive's name for it.
    pub source: String,
    pub details: MeetingDetails,
    /// `None`: neither started nor planned.
    pub day: Option<NaiveDate>,
}

impl Meeting {
    pub fn calendar(&self) -> Calendar {
        Calendar::of(&self.details)
    }
}

/// One petition (an issue raised at a meeting or sent in writing to it).
#[derive(Debug, Clone)]
pub struct Petition {
    /// Its meeting, by index in `Rows::meetings`.
    pub meeting: usize,
    /// The number the meeting's minutes give it.
    pub number: u32,
    pub raised_by: String,
    pub organization: String,
    pub source: IssueSource,
    pub category: IssueCategory,
    pub field: String,
    pub procedure: String,
    pub text: String,
    pub letter_number: String,
    pub letter_date: Option<NaiveDate>,
    pub disposition: Disposition,
    pub escalated_to: String,
    /// The deadline of what is owed (the written reply, the forwarding).
    pub due: Option<NaiveDate>,
    /// The reply letter or transfer that closed it, and its day.
    pub closing_ref: String,
    pub closed_on: Option<NaiveDate>,
    /// The units or people assigned a task about it.
    pub owners: Vec<String>,
}

impl Petition {
    /// What it is about: the procedure concerned, else its first line.
    pub fn about(&self) -> &str {
        let procedure = self.procedure.trim();
        if procedure.is_empty() {
            self.text.lines().next().unwrap_or("").trim()
        } else {
            procedure
        }
    }
}

/// One task assigned at a meeting.
#[derive(Debug, Clone)]
pub struct Task {
    pub meeting: usize,
    /// As `gavel followup` numbers it.
    pub number: u32,
    pub title: String,
    /// A person or a unit (empty: nobody yet).
    pub owner: String,
    /// The number of the petition it is about.
    pub issue: Option<u32>,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    /// The day it was marked done, when known.
    pub done_on: Option<NaiveDate>,
    pub reference: String,
}

impl Task {
    pub fn is_open(&self) -> bool {
        matches!(self.status, ActionStatus::Open | ActionStatus::InProgress)
    }
}

/// Meetings, their petitions and their tasks.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub meetings: Vec<Meeting>,
    pub petitions: Vec<Petition>,
    pub tasks: Vec<Task>,
}

impl Rows {
    /// Adds the meeting in `record`, read from `source`; `done_on` the day
    /// each task done was marked done (the journal knows it, the record
    /// does not).
    pub fn add_record(&mut self, source: &str, record: &Record, done_on: &BTreeMap<Id, NaiveDate>) {
        let meeting = self.meetings.len();
        let details = &record.meeting.details;
        let start = record.meeting.actual_start.or(details.planned_start);
        self.meetings.push(Meeting {
            source: source.to_string(),
            details: details.clone(),
            day: start.map(|at| local_date(details, at)),
        });
        let mut owners: BTreeMap<Id, Vec<String>> = BTreeMap::new();
        for action in record.actions.values() {
            let owner = action.owner.trim();
            if let Some(issue) = action.issue
                && action.status != ActionStatus::Cancelled
                && !owner.is_empty()
            {
                let list = owners.entry(issue).or_default();
                if !list.iter().any(|o| o == owner) {
                    list.push(owner.to_string());
                }
            }
        }
        let mut issues: Vec<&Issue> = record.issues.values().collect();
        issues.sort_by_key(|i| (i.number, i.id));
        for issue in issues {
            let person = issue.raised_by.and_then(|id| record.participants.get(&id));
            self.petitions.push(Petition {
                meeting,
                number: issue.number,
                raised_by: person
                    .map(|p| p.name.trim().to_string())
                    .unwrap_or_default(),
                organization: person
                    .map(|p| p.organization.trim().to_string())
                    .unwrap_or_default(),
                source: issue.source,
                category: issue.category,
                field: issue.field.trim().to_string(),
                procedure: issue.procedure.trim().to_string(),
                text: issue.text.clone(),
                letter_number: issue.letter_number.trim().to_string(),
                letter_date: issue.letter_date,
                disposition: issue.disposition,
                escalated_to: issue.escalated_to.trim().to_string(),
                due: issue.due(),
                closing_ref: issue.closing_ref.trim().to_string(),
                closed_on: issue.closed_on,
                owners: owners.remove(&issue.id).unwrap_or_default(),
            });
        }
        let numbers: BTreeMap<Id, u32> = record.issues.values().map(|i| (i.id, i.number)).collect();
        // Numbered as `gavel followup` numbers them: in order of assignment.
        for (action, number) in record.actions.values().zip(1..) {
            self.tasks.push(Task {
                meeting,
                number,
                title: action.title.trim().to_string(),
                owner: action.owner.trim().to_string(),
                issue: action.issue.and_then(|id| numbers.get(&id).copied()),
                due: action.due,
                status: action.status,
                done_on: done_on.get(&action.id).copied(),
                reference: action.completion_ref.trim().to_string(),
            });
        }
    }
}
