//! `gavel followup FILE --format json`: everything followed up after the
//! meeting, for scripts (`docs/followup-json.md`): the counts, then an item
//! per written reply, per forwarding owed and per action, with the same
//! fields as the follow-up table (`super::followup_csv`), and the issues
//! still undecided. Keys and codes are English and dates ISO 8601 whatever
//! `--lang` says, so a script reads the same document in either language;
//! people's text is given as stored (sanitised of what a terminal would
//! act upon, as the JSON export is).

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::*;
use crate::i18n::Lang;
use crate::store::json_text;

use super::followup_csv::{Kind, Status};
use super::tracking::{Counts, Owed, State, Tracking};

/// The document's `format`; its `version` changes when a field changes
/// meaning or goes.
pub const FOLLOWUP_JSON_FORMAT: &str = "gavel-followup";
pub const FOLLOWUP_JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    today: NaiveDate,
    meeting_day: Option<NaiveDate>,
    /// Some deadline counts through a year whose days off are not
    /// announced yet.
    estimated: bool,
    overdue_only: bool,
    counts: CountsJson,
    items: Vec<Item<'a>>,
    /// Numbers of the issues neither answered nor given a way forward.
    undecided: Vec<u32>,
}

#[derive(Serialize)]
struct CountsJson {
    total: usize,
    done_on_time: usize,
    done_late: usize,
    open: usize,
    overdue: usize,
}

impl From<Counts> for CountsJson {
    fn from(c: Counts) -> CountsJson {
        CountsJson {
            total: c.total,
            done_on_time: c.on_time,
            done_late: c.late,
            open: c.open,
            overdue: c.overdue,
        }
    }
}

#[derive(Serialize)]
struct Item<'a> {
    kind: &'static str,
    issue_number: Option<u32>,
    action_number: Option<u32>,
    raised_by: Option<&'a str>,
    organization: Option<&'a str>,
    /// The petitioner's address or phone, for a written reply.
    contact: Option<&'a str>,
    /// Their letter, when the issue came in writing.
    letter_number: Option<&'a str>,
    letter_date: Option<NaiveDate>,
    content: &'a str,
    owner: Option<&'a str>,
    sent_to: Option<&'a str>,
    due: Option<NaiveDate>,
    status: &'static str,
    done_on: Option<NaiveDate>,
    reference: Option<&'a str>,
    working_days_left: Option<i64>,
    working_days_late: Option<i64>,
}

/// `Some(text)` unless it is blank.
fn given(text: &str) -> Option<&str> {
    (!text.trim().is_empty()).then_some(text)
}

impl<'a> Item<'a> {
    fn new(kind: Kind, content: &'a str, owed_state: &'a State) -> Item<'a> {
        let (done_on, reference, left, late) = match owed_state {
            State::Done {
                on,
                reference,
                late_by,
            } => (
                *on,
                given(reference),
                None,
                (*late_by > 0).then_some(*late_by),
            ),
            State::Open { days_left } => (None, None, *days_left, None),
            State::Overdue { days } => (None, None, None, Some(*days)),
        };
        Item {
            kind: kind.word(Lang::En),
            issue_number: None,
            action_number: None,
            raised_by: None,
            organization: None,
            contact: None,
            letter_number: None,
            letter_date: None,
            content,
            owner: None,
            sent_to: None,
            due: None,
            status: Status::of(owed_state).word(Lang::En),
            done_on,
            reference,
            working_days_left: left,
            working_days_late: late,
        }
    }

    fn issue(record: &'a Record, kind: Kind, owed: &'a Owed<&'a Issue>) -> Item<'a> {
        let issue = owed.item;
        let raised_by = issue.raised_by.and_then(|id| record.participants.get(&id));
        Item {
            issue_number: Some(issue.number),
            raised_by: raised_by.and_then(|p| given(&p.name)),
            organization: raised_by.and_then(|p| given(&p.organization)),
            contact: raised_by.and_then(|p| given(&p.contact)),
            letter_number: given(&issue.letter_number),
            letter_date: issue.letter_date,
            sent_to: given(&issue.escalated_to),
            due: owed.due,
            ..Item::new(kind, &issue.text, &owed.state)
        }
    }

    fn action(record: &'a Record, owed: &'a Owed<(u32, &'a Action)>) -> Item<'a> {
        let (number, action) = owed.item;
        let issue = action.issue.and_then(|id| record.issues.get(&id));
        Item {
            issue_number: issue.map(|i| i.number),
            action_number: Some(number),
            owner: given(&action.owner),
            due: owed.due,
            ..Item::new(Kind::Action, &action.title, &owed.state)
        }
    }
}

/// Writes the document (one line of JSON and a newline).
pub fn write_followup_json(
    record: &Record,
    tracking: &Tracking<'_>,
    mut out: impl Write,
) -> std::io::Result<()> {
    let mut items = Vec::new();
    for owed in &tracking.replies {
        items.push(Item::issue(record, Kind::WrittenReply, owed));
    }
    for owed in &tracking.forwardings {
        let kind = if owed.item.disposition == Disposition::Escalated {
            Kind::Escalated
        } else {
            Kind::Redirected
        };
        items.push(Item::issue(record, kind, owed));
    }
    for owed in &tracking.actions {
        items.push(Item::action(record, owed));
    }
    let document = Document {
        format: FOLLOWUP_JSON_FORMAT,
        version: FOLLOWUP_JSON_VERSION,
        today: tracking.today,
        meeting_day: tracking.meeting_day,
        estimated: tracking.estimated,
        overdue_only: tracking.overdue_only,
        counts: tracking.counts().into(),
        items,
        undecided: tracking.undecided.iter().map(|i| i.number).collect(),
    };
    let json = serde_json::to_string(&document).map_err(std::io::Error::from)?;
    out.write_all(json_text::escape(&json).as_bytes())?;
    out.write_all(b"\n")
}
