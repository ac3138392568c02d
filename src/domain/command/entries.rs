//! `decide` for the entries kept on lists: participants (adding, editing),
//! issues (logging, editing, answering, closing) and actions (adding,
//! editing), with the builders that check and clean their fields.

use chrono::NaiveDate;

use super::checks::{check_rev, get, not_now, required, required_text};
use super::{
    Act, ActionFields, AnswerFields, DomainError, Field, IssueFields, Kind, ParticipantFields, Why,
};
use crate::domain::event::{EntityRef, Event};
use crate::domain::model::*;
use crate::domain::record::Record;
use crate::domain::text::{clean_line, clean_text};
use crate::domain::workdays::Calendar;

pub(super) fn add_participant(
    new_id: Id,
    fields: &ParticipantFields,
) -> Result<Event, DomainError> {
    Ok(Event::ParticipantAdded {
        participant: participant_from(new_id, fields)?,
    })
}

pub(super) fn edit_participant(
    record: &Record,
    id: Id,
    base_rev: Seq,
    fields: &ParticipantFields,
) -> Result<Event, DomainError> {
    let current = get(&record.participants, id, Kind::Participant)?;
    check_rev(EntityRef::Participant(id), base_rev, current.rev)?;
    record.check_attendance(current, fields.attendance)?;
    Ok(Event::ParticipantChanged {
        participant: Participant {
            rev: current.rev,
            ..participant_from(id, fields)?
        },
    })
}

pub(super) fn set_attendance(
    record: &Record,
    id: Id,
    attendance: Attendance,
) -> Result<Event, DomainError> {
    let participant = get(&record.participants, id, Kind::Participant)?;
    record.check_attendance(participant, attendance)?;
    Ok(Event::AttendanceSet { id, attendance })
}

pub(super) fn log_issue(
    record: &Record,
    now: Timestamp,
    new_id: Id,
    fields: &IssueFields,
) -> Result<Event, DomainError> {
    let number = record.next_issue_number();
    let issue = issue_from(record, new_id, fields, now)?;
    Ok(Event::IssueLogged {
        issue: Issue { number, ..issue },
    })
}

pub(super) fn edit_issue(
    record: &Record,
    id: Id,
    base_rev: Seq,
    fields: &IssueFields,
) -> Result<Event, DomainError> {
    let current = get(&record.issues, id, Kind::Issue)?;
    check_rev(EntityRef::Issue(id), base_rev, current.rev)?;
    let edited = issue_from(record, id, fields, current.raised_at)?;
    Ok(Event::IssueEdited {
        issue: Issue {
            raised_by: edited.raised_by,
            source: edited.source,
            category: edited.category,
            field: edited.field,
            procedure: edited.procedure,
            text: edited.text,
            letter_number: edited.letter_number,
            letter_date: edited.letter_date,
            ..current.clone()
        },
    })
}

/// The day an issue was received: a written submission's letter date when
/// it came before the meeting, else the meeting day.
fn received_on(issue: &Issue, meeting_day: NaiveDate) -> NaiveDate {
    match issue.letter_date {
        Some(letter) if issue.source == IssueSource::WrittenSubmission => letter.min(meeting_day),
        _ => meeting_day,
    }
}

pub(super) fn answer_issue(
    record: &Record,
    now: Timestamp,
    id: Id,
    base_rev: Seq,
    fields: &AnswerFields,
) -> Result<Event, DomainError> {
    let current = get(&record.issues, id, Kind::Issue)?;
    check_rev(EntityRef::Issue(id), base_rev, current.rev)?;
    let details = &record.meeting.details;
    let calendar = Calendar::of(details);
    // Counted from the day of receipt, not itself counted: the meeting for
    // what was said in the room, the letter's date for a written
    // submission received before it. A date typed that falls on a day off
    // moves to the next working day.
    let received = received_on(current, record.meeting_day(now));
    let reply_due = match fields.disposition {
        Disposition::WrittenReplyRequired => match fields.reply_due {
            Some(typed) => {
                let due = calendar.on_or_after(typed);
                check_not_before_meeting(record, now, due)?;
                Some(due)
            }
            None => Some(calendar.add_working_days(received, details.reply_working_days)),
        },
        _ => None,
    };
    let forward_due = match fields.disposition {
        Disposition::Escalated | Disposition::Redirected => {
            Some(calendar.add_working_days(received, details.forward_working_days))
        }
        _ => None,
    };
    if let Some(person) = fields.answered_by {
        get(&record.participants, person, Kind::Participant)?;
    }
    // Where an issue is sent is kept only while it is sent somewhere: a
    // destination typed before it was answered or withdrawn goes.
    let sent = matches!(
        fields.disposition,
        Disposition::Escalated | Disposition::Redirected
    );
    let escalated_to = if sent {
        clean_line(&fields.escalated_to)
    } else {
        String::new()
    };
    if fields.disposition == Disposition::Escalated && escalated_to.is_empty() {
        return Err(DomainError::Empty(Field::EscalatedTo));
    }
    Ok(Event::IssueAnswered {
        id,
        answer: clean_text(&fields.answer),
        disposition: fields.disposition,
        reply_due,
        forward_due,
        escalated_to,
        answered_by: fields.answered_by,
    })
}

pub(super) fn close_issue(
    record: &Record,
    id: Id,
    on: NaiveDate,
    closing_ref: &str,
) -> Result<Event, DomainError> {
    let issue = get(&record.issues, id, Kind::Issue)?;
    if issue.closed_on.is_some() {
        return Err(not_now(Act::CloseIssue, Why::IssueClosed));
    }
    Ok(Event::IssueClosed {
        id,
        on,
        closing_ref: clean_line(closing_ref),
    })
}

pub(super) fn add_action(
    record: &Record,
    now: Timestamp,
    new_id: Id,
    fields: &ActionFields,
) -> Result<Event, DomainError> {
    Ok(Event::ActionAdded {
        action: action_from(record, new_id, fields, now)?,
    })
}

pub(super) fn edit_action(
    record: &Record,
    now: Timestamp,
    id: Id,
    base_rev: Seq,
    fields: &ActionFields,
) -> Result<Event, DomainError> {
    let current = get(&record.actions, id, Kind::Action)?;
    check_rev(EntityRef::Action(id), base_rev, current.rev)?;
    Ok(Event::ActionChanged {
        action: Action {
            rev: current.rev,
            ..action_from(record, id, fields, now)?
        },
    })
}

pub(super) fn participant_from(
    id: Id,
    fields: &ParticipantFields,
) -> Result<Participant, DomainError> {
    Ok(Participant {
        id,
        name: required(&fields.name, Field::ParticipantName)?,
        organization: clean_line(&fields.organization),
        position: clean_line(&fields.position),
        role: fields.role,
        honorific: fields.honorific,
        contact: clean_line(&fields.contact),
        attendance: fields.attendance,
        members: fields.members,
        representatives: clean_line(&fields.representatives),
        rev: id,
    })
}

/// A new issue from its fields (number 0 until the caller sets it).
fn issue_from(
    record: &Record,
    id: Id,
    fields: &IssueFields,
    raised_at: Timestamp,
) -> Result<Issue, DomainError> {
    if let Some(person) = fields.raised_by {
        get(&record.participants, person, Kind::Participant)?;
    }
    let letter_number = clean_line(&fields.letter_number);
    if fields.source == IssueSource::Floor
        && (!letter_number.is_empty() || fields.letter_date.is_some())
    {
        return Err(DomainError::Invalid(Field::LetterOnFloorIssue));
    }
    Ok(Issue {
        id,
        number: 0,
        raised_by: fields.raised_by,
        agenda_item: record.active_item().map(|i| i.id),
        raised_at,
        source: fields.source,
        category: fields.category,
        field: clean_line(&fields.field),
        procedure: clean_line(&fields.procedure),
        text: required_text(&fields.text, Field::IssueText)?,
        letter_number,
        letter_date: fields.letter_date,
        answer: String::new(),
        answered_by: None,
        disposition: Disposition::Open,
        reply_due: None,
        forward_due: None,
        escalated_to: String::new(),
        closing_ref: String::new(),
        closed_on: None,
        rev: id,
    })
}

fn action_from(
    record: &Record,
    id: Id,
    fields: &ActionFields,
    now: Timestamp,
) -> Result<Action, DomainError> {
    if let Some(issue) = fields.issue {
        get(&record.issues, issue, Kind::Issue)?;
    }
    if let Some(due) = fields.due {
        check_not_before_meeting(record, now, due)?;
    }
    Ok(Action {
        id,
        title: required(&fields.title, Field::ActionTitle)?,
        owner: required(&fields.owner, Field::ActionOwner)?,
        issue: fields.issue,
        due: fields.due,
        status: fields.status,
        completion_ref: clean_line(&fields.completion_ref),
        rev: id,
    })
}

fn check_not_before_meeting(
    record: &Record,
    now: Timestamp,
    due: NaiveDate,
) -> Result<(), DomainError> {
    let meeting_day = record.meeting_day(now);
    if due < meeting_day {
        return Err(DomainError::DueBeforeMeeting { due, meeting_day });
    }
    Ok(())
}
