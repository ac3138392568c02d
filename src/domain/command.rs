//! Commands: what a person asks for. `decide` checks a command against the
//! record and turns it into the one event that records it, or refuses it with
//! a typed error, in which case nothing is written.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::event::{EntityRef, Event, Snapshot};
use super::model::*;
use super::record::Record;
use super::text::{clean_line, clean_text};
use super::workdays::add_working_days;

/// Who asks for the floor: somebody on the list, or a new name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Speaker {
    Existing(Id),
    New { name: String, organization: String },
}

/// The fields of a participant as a form edits them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantFields {
    pub name: String,
    pub organization: String,
    pub role: ParticipantRole,
    pub contact: String,
    pub attendance: Attendance,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaFields {
    pub title: String,
    pub planned_minutes: u32,
    pub presenter: String,
    /// `None` puts a new item last.
    pub position: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueFields {
    pub raised_by: Option<Id>,
    pub source: IssueSource,
    pub category: IssueCategory,
    pub field: String,
    pub procedure: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerFields {
    pub answer: String,
    pub disposition: Disposition,
    /// For a written reply: `None` takes the meeting's default period in
    /// working days from the meeting day.
    pub reply_due: Option<NaiveDate>,
    pub escalated_to: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionFields {
    pub title: String,
    pub owner: String,
    pub issue: Option<Id>,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub completion_ref: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    CreateMeeting(MeetingDetails),
    EditMeeting {
        base_rev: Seq,
        details: MeetingDetails,
    },
    StartMeeting,
    AdjournMeeting,
    CloseMeeting,
    ApproveMinutes,
    AddParticipant(ParticipantFields),
    EditParticipant {
        id: Id,
        base_rev: Seq,
        fields: ParticipantFields,
    },
    AddAgendaItem(AgendaFields),
    EditAgendaItem {
        id: Id,
        base_rev: Seq,
        fields: AgendaFields,
    },
    StartAgendaItem(Id),
    FinishAgendaItem,
    SkipAgendaItem(Id),
    /// Close or reopen the list of speakers of the active agenda item.
    SetQueueClosed(bool),
    RequestFloor {
        speaker: Speaker,
        kind: RequestKind,
        topic: String,
    },
    /// Change the kind or topic of a waiting request.
    EditRequest {
        id: Id,
        base_rev: Seq,
        kind: RequestKind,
        topic: String,
    },
    WithdrawRequest(Id),
    /// The current speaker is done; the head of the queue gets the floor.
    NextSpeaker,
    /// Pause the current speaker's clock, or resume it.
    TogglePause,
    AddTime {
        seconds: u32,
    },
    LogIssue(IssueFields),
    EditIssue {
        id: Id,
        base_rev: Seq,
        fields: IssueFields,
    },
    AnswerIssue {
        id: Id,
        base_rev: Seq,
        fields: AnswerFields,
    },
    CloseIssue {
        id: Id,
        on: NaiveDate,
        closing_ref: String,
    },
    AddAction(ActionFields),
    EditAction {
        id: Id,
        base_rev: Seq,
        fields: ActionFields,
    },
    /// Undo journal entry `target`: `before` holds the images of what it
    /// touched, as the store kept them.
    Undo {
        target: Seq,
        before: Vec<Snapshot>,
    },
}

/// Why a command was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("the meeting has not been created yet")]
    NotCreated,
    #[error("the meeting already exists")]
    AlreadyCreated,
    #[error("{0} must not be empty")]
    Empty(&'static str),
    #[error("{0} is not a valid value")]
    Invalid(&'static str),
    #[error("no such {kind} (#{id})")]
    NotFound { kind: &'static str, id: Id },
    #[error("the list of speakers is empty")]
    QueueEmpty,
    #[error("the list of speakers is closed")]
    QueueClosed,
    #[error("nobody has the floor")]
    NoSpeaker,
    #[error("no agenda item is active")]
    NoActiveItem,
    #[error("{who} is already waiting for the floor")]
    AlreadyWaiting { who: String },
    #[error("cannot {action}: {reason}")]
    NotNow {
        action: &'static str,
        reason: String,
    },
    #[error("the due date {due} is before the meeting ({meeting_day})")]
    DueBeforeMeeting {
        due: NaiveDate,
        meeting_day: NaiveDate,
    },
    #[error("changed by someone else since you opened it (now revision {current}, yours {base})")]
    Conflict {
        entity: EntityRef,
        base: Seq,
        current: Seq,
    },
    #[error("cannot undo: {0}")]
    CannotUndo(String),
}

/// What `decide` needs besides the record: the time of the command and who
/// gives it.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub now: Timestamp,
    pub actor: &'a str,
}

/// Checks `command` against `record` and returns the event that records it.
/// Pure: no I/O, no clock; the same inputs always give the same answer.
pub fn decide(record: &Record, command: &Command, ctx: Context) -> Result<Event, DomainError> {
    if !record.is_created() && !matches!(command, Command::CreateMeeting(_)) {
        return Err(DomainError::NotCreated);
    }
    let now = ctx.now;
    let new_id = record.next_seq();
    match command {
        Command::CreateMeeting(details) => {
            if record.is_created() {
                return Err(DomainError::AlreadyCreated);
            }
            Ok(Event::MeetingCreated {
                details: clean_details(details)?,
            })
        }
        Command::EditMeeting { base_rev, details } => {
            check_rev(EntityRef::Meeting, *base_rev, record.meeting.rev)?;
            Ok(Event::MeetingDetailsChanged {
                details: clean_details(details)?,
            })
        }
        Command::StartMeeting => match record.meeting.status {
            MeetingStatus::Draft | MeetingStatus::Adjourned => {
                Ok(Event::MeetingStarted { at: now })
            }
            status => Err(not_now("start the meeting", format!("it is {status}"))),
        },
        Command::AdjournMeeting => match record.meeting.status {
            MeetingStatus::Live => Ok(Event::MeetingAdjourned {
                at: now,
                agenda_item: record.active_item().map(|i| i.id),
                speaker: record.current_speaker().map(|r| r.id),
            }),
            status => Err(not_now("adjourn the meeting", format!("it is {status}"))),
        },
        Command::CloseMeeting => match record.meeting.status {
            MeetingStatus::Closed => Err(not_now("close the meeting", "it is closed".into())),
            MeetingStatus::Live => Err(not_now("close the meeting", "adjourn it first".into())),
            _ => Ok(Event::MeetingClosed { at: now }),
        },
        Command::ApproveMinutes => {
            if record.meeting.minutes == MinutesState::Approved {
                return Err(not_now(
                    "approve the minutes",
                    "they are already approved".into(),
                ));
            }
            Ok(Event::MinutesApproved {
                at: now,
                by: clean_line(ctx.actor),
            })
        }
        Command::AddParticipant(fields) => Ok(Event::ParticipantAdded {
            participant: participant_from(new_id, fields)?,
        }),
        Command::EditParticipant {
            id,
            base_rev,
            fields,
        } => {
            let current = get(&record.participants, *id, "participant")?;
            check_rev(EntityRef::Participant(*id), *base_rev, current.rev)?;
            Ok(Event::ParticipantChanged {
                participant: Participant {
                    rev: current.rev,
                    ..participant_from(*id, fields)?
                },
            })
        }
        Command::AddAgendaItem(fields) => {
            let position = fields.position.unwrap_or_else(|| {
                record
                    .agenda
                    .values()
                    .map(|i| i.position + 1)
                    .max()
                    .unwrap_or(1)
            });
            Ok(Event::AgendaItemAdded {
                item: AgendaItem {
                    id: new_id,
                    position,
                    title: required(&fields.title, "the agenda item's title")?,
                    planned_minutes: fields.planned_minutes,
                    presenter: clean_line(&fields.presenter),
                    status: AgendaStatus::Pending,
                    started_at: None,
                    ended_at: None,
                    queue_closed: false,
                    rev: new_id,
                },
            })
        }
        Command::EditAgendaItem {
            id,
            base_rev,
            fields,
        } => {
            let current = get(&record.agenda, *id, "agenda item")?;
            check_rev(EntityRef::AgendaItem(*id), *base_rev, current.rev)?;
            Ok(Event::AgendaItemChanged {
                item: AgendaItem {
                    title: required(&fields.title, "the agenda item's title")?,
                    planned_minutes: fields.planned_minutes,
                    presenter: clean_line(&fields.presenter),
                    position: fields.position.unwrap_or(current.position),
                    ..current.clone()
                },
            })
        }
        Command::StartAgendaItem(id) => {
            let item = get(&record.agenda, *id, "agenda item")?;
            if !matches!(item.status, AgendaStatus::Pending | AgendaStatus::Skipped) {
                return Err(not_now("start this item", format!("it is {}", item.status)));
            }
            Ok(Event::AgendaItemStarted {
                id: *id,
                at: now,
                previous: record.active_item().map(|i| i.id),
                starts_meeting: record.meeting.status != MeetingStatus::Live,
            })
        }
        Command::FinishAgendaItem => {
            let item = record.active_item().ok_or(DomainError::NoActiveItem)?;
            Ok(Event::AgendaItemFinished {
                id: item.id,
                at: now,
            })
        }
        Command::SkipAgendaItem(id) => {
            let item = get(&record.agenda, *id, "agenda item")?;
            if item.status != AgendaStatus::Pending {
                return Err(not_now("skip this item", format!("it is {}", item.status)));
            }
            Ok(Event::AgendaItemSkipped { id: *id })
        }
        Command::SetQueueClosed(closed) => Ok(Event::QueueClosed {
            agenda_item: record.active_item().map(|i| i.id),
            closed: *closed,
        }),
        Command::RequestFloor {
            speaker,
            kind,
            topic,
        } => request_floor(record, ctx, speaker, *kind, topic),
        Command::EditRequest {
            id,
            base_rev,
            kind,
            topic,
        } => {
            let current = get(&record.requests, *id, "request for the floor")?;
            check_rev(EntityRef::Request(*id), *base_rev, current.rev)?;
            if current.status != RequestStatus::Waiting {
                return Err(not_now(
                    "change this request",
                    format!("it is {}", current.status),
                ));
            }
            Ok(Event::RequestChanged {
                request: SpeakerRequest {
                    kind: *kind,
                    topic: clean_line(topic),
                    ..current.clone()
                },
            })
        }
        Command::WithdrawRequest(id) => {
            let request = get(&record.requests, *id, "request for the floor")?;
            if request.status != RequestStatus::Waiting {
                return Err(not_now(
                    "withdraw this request",
                    format!("it is {}", request.status),
                ));
            }
            Ok(Event::RequestWithdrawn { id: *id, at: now })
        }
        Command::NextSpeaker => {
            let current = record.current_speaker().map(|r| r.id);
            match record.current_queue().first() {
                Some(next) => Ok(Event::FloorGiven {
                    id: next.id,
                    at: now,
                    previous: current,
                }),
                None => match current {
                    Some(id) => Ok(Event::SpeakerFinished { id, at: now }),
                    None => Err(DomainError::QueueEmpty),
                },
            }
        }
        Command::TogglePause => {
            let speaker = record.current_speaker().ok_or(DomainError::NoSpeaker)?;
            let paused = speaker.pauses.last().is_some_and(|p| p.to.is_none());
            Ok(if paused {
                Event::SpeakerResumed {
                    id: speaker.id,
                    at: now,
                }
            } else {
                Event::SpeakerPaused {
                    id: speaker.id,
                    at: now,
                }
            })
        }
        Command::AddTime { seconds } => {
            let speaker = record.current_speaker().ok_or(DomainError::NoSpeaker)?;
            if *seconds == 0 {
                return Err(DomainError::Invalid("the time to add"));
            }
            Ok(Event::TimeAdded {
                id: speaker.id,
                seconds: *seconds,
            })
        }
        Command::LogIssue(fields) => {
            let number = record.next_issue_number();
            let issue = issue_from(record, new_id, fields, now)?;
            Ok(Event::IssueLogged {
                issue: Issue { number, ..issue },
            })
        }
        Command::EditIssue {
            id,
            base_rev,
            fields,
        } => {
            let current = get(&record.issues, *id, "issue")?;
            check_rev(EntityRef::Issue(*id), *base_rev, current.rev)?;
            let edited = issue_from(record, *id, fields, current.raised_at)?;
            Ok(Event::IssueEdited {
                issue: Issue {
                    raised_by: edited.raised_by,
                    source: edited.source,
                    category: edited.category,
                    field: edited.field,
                    procedure: edited.procedure,
                    text: edited.text,
                    ..current.clone()
                },
            })
        }
        Command::AnswerIssue {
            id,
            base_rev,
            fields,
        } => answer_issue(record, now, *id, *base_rev, fields),
        Command::CloseIssue {
            id,
            on,
            closing_ref,
        } => {
            let issue = get(&record.issues, *id, "issue")?;
            if issue.closed_on.is_some() {
                return Err(not_now("close this issue", "it is already closed".into()));
            }
            Ok(Event::IssueClosed {
                id: *id,
                on: *on,
                closing_ref: clean_line(closing_ref),
            })
        }
        Command::AddAction(fields) => Ok(Event::ActionAdded {
            action: action_from(record, new_id, fields, now)?,
        }),
        Command::EditAction {
            id,
            base_rev,
            fields,
        } => {
            let current = get(&record.actions, *id, "action")?;
            check_rev(EntityRef::Action(*id), *base_rev, current.rev)?;
            Ok(Event::ActionChanged {
                action: Action {
                    rev: current.rev,
                    ..action_from(record, *id, fields, now)?
                },
            })
        }
        Command::Undo { target, before } => undo(record, *target, before),
    }
}

fn request_floor(
    record: &Record,
    ctx: Context,
    speaker: &Speaker,
    kind: RequestKind,
    topic: &str,
) -> Result<Event, DomainError> {
    let new_id = record.next_seq();
    let agenda_item = record.active_item().map(|i| i.id);
    if record.queue_is_closed(agenda_item) && kind == RequestKind::Normal {
        return Err(DomainError::QueueClosed);
    }
    let (participant, new_participant) = match speaker {
        Speaker::Existing(id) => {
            let person = get(&record.participants, *id, "participant")?;
            let waiting = record
                .queue(agenda_item)
                .iter()
                .any(|r| r.participant == *id && r.kind == kind);
            if waiting {
                return Err(DomainError::AlreadyWaiting {
                    who: person.name.clone(),
                });
            }
            (*id, None)
        }
        Speaker::New { name, organization } => {
            let participant = participant_from(
                new_id,
                &ParticipantFields {
                    name: name.clone(),
                    organization: organization.clone(),
                    role: ParticipantRole::Citizen,
                    contact: String::new(),
                    attendance: Attendance::Present,
                },
            )?;
            (new_id, Some(participant))
        }
    };
    Ok(Event::FloorRequested {
        request: SpeakerRequest {
            id: new_id,
            participant,
            agenda_item,
            requested_at: ctx.now,
            kind,
            status: RequestStatus::Waiting,
            topic: clean_line(topic),
            limit_seconds: record.meeting.details.speaking_seconds,
            added_seconds: 0,
            started_at: None,
            ended_at: None,
            pauses: Vec::new(),
            rev: new_id,
        },
        new_participant,
    })
}

fn answer_issue(
    record: &Record,
    now: Timestamp,
    id: Id,
    base_rev: Seq,
    fields: &AnswerFields,
) -> Result<Event, DomainError> {
    let current = get(&record.issues, id, "issue")?;
    check_rev(EntityRef::Issue(id), base_rev, current.rev)?;
    let details = &record.meeting.details;
    let reply_due = match fields.disposition {
        Disposition::WrittenReplyRequired => {
            let due = fields.reply_due.unwrap_or_else(|| {
                add_working_days(
                    record.meeting_day(now),
                    details.reply_working_days,
                    &details.holidays,
                )
            });
            check_not_before_meeting(record, now, due)?;
            Some(due)
        }
        _ => None,
    };
    let escalated_to = clean_line(&fields.escalated_to);
    if fields.disposition == Disposition::Escalated && escalated_to.is_empty() {
        return Err(DomainError::Empty(
            "the authority the issue is escalated to",
        ));
    }
    Ok(Event::IssueAnswered {
        id,
        answer: clean_text(&fields.answer),
        disposition: fields.disposition,
        reply_due,
        escalated_to,
    })
}

fn undo(record: &Record, target: Seq, before: &[Snapshot]) -> Result<Event, DomainError> {
    if before.is_empty() {
        return Err(DomainError::CannotUndo(
            "that change cannot be undone".into(),
        ));
    }
    for snapshot in before {
        let entity = snapshot.entity();
        if let Some(current) = record.rev_of(entity)
            && current != target
        {
            return Err(DomainError::CannotUndo(format!(
                "it was changed again since (entry {current})"
            )));
        }
    }
    Ok(Event::Undone {
        target,
        restore: before.to_vec(),
    })
}

fn clean_details(details: &MeetingDetails) -> Result<MeetingDetails, DomainError> {
    let mut clean = details.clone();
    clean.title = required(&details.title, "the meeting's title")?;
    for field in [
        &mut clean.superior_agency,
        &mut clean.agency,
        &mut clean.chair,
        &mut clean.secretary,
        &mut clean.venue,
        &mut clean.place,
        &mut clean.doc_number,
    ] {
        *field = clean_line(field);
    }
    clean.legal_basis = clean_text(&details.legal_basis);
    if !(-14 * 60..=14 * 60).contains(&details.utc_offset_minutes) {
        return Err(DomainError::Invalid("the UTC offset"));
    }
    if details.speaking_seconds == 0 {
        return Err(DomainError::Invalid("the speaking time limit"));
    }
    clean.holidays.sort();
    clean.holidays.dedup();
    Ok(clean)
}

fn participant_from(id: Id, fields: &ParticipantFields) -> Result<Participant, DomainError> {
    Ok(Participant {
        id,
        name: required(&fields.name, "the participant's name")?,
        organization: clean_line(&fields.organization),
        role: fields.role,
        contact: clean_line(&fields.contact),
        attendance: fields.attendance,
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
        get(&record.participants, person, "participant")?;
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
        text: required_text(&fields.text, "the issue's text")?,
        answer: String::new(),
        disposition: Disposition::Open,
        reply_due: None,
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
        get(&record.issues, issue, "issue")?;
    }
    if let Some(due) = fields.due {
        check_not_before_meeting(record, now, due)?;
    }
    Ok(Action {
        id,
        title: required(&fields.title, "the action's title")?,
        owner: required(&fields.owner, "the action's owner")?,
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

fn check_rev(entity: EntityRef, base: Seq, current: Seq) -> Result<(), DomainError> {
    if base == current {
        Ok(())
    } else {
        Err(DomainError::Conflict {
            entity,
            base,
            current,
        })
    }
}

fn get<'a, T>(
    map: &'a std::collections::BTreeMap<Id, T>,
    id: Id,
    kind: &'static str,
) -> Result<&'a T, DomainError> {
    map.get(&id).ok_or(DomainError::NotFound { kind, id })
}

fn required(text: &str, what: &'static str) -> Result<String, DomainError> {
    let clean = clean_line(text);
    if clean.is_empty() {
        Err(DomainError::Empty(what))
    } else {
        Ok(clean)
    }
}

fn required_text(text: &str, what: &'static str) -> Result<String, DomainError> {
    let clean = clean_text(text);
    if clean.trim().is_empty() {
        Err(DomainError::Empty(what))
    } else {
        Ok(clean)
    }
}

fn not_now(action: &'static str, reason: String) -> DomainError {
    DomainError::NotNow { action, reason }
}
