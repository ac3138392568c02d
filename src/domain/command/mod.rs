//! Commands: what a person asks for. `decide` checks a command against the
//! record and turns it into the one event that records it, or refuses it with
//! a typed error, in which case nothing is written.
//!
//! This file holds the command types, their field structs, `DomainError` and
//! `Context`. `decide` itself lives in `decide.rs`, which routes each command
//! to the file of its area: `meeting.rs` (the meeting and its agenda),
//! `floor.rs` (the list of speakers and the floor) and `entries.rs`
//! (participants, issues and actions).

mod checks;
mod decide;
mod entries;
mod floor;
mod meeting;
mod reasons;

pub use checks::not_ended;
pub use decide::decide;
pub use reasons::{Act, Field, Kind, UndoWhy, Why};

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::event::{EntityRef, Snapshot};
use super::model::*;

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
    #[serde(default)]
    pub position: String,
    pub role: ParticipantRole,
    #[serde(default)]
    pub honorific: Option<Honorific>,
    pub contact: String,
    pub attendance: Attendance,
    #[serde(default)]
    pub members: u32,
    #[serde(default)]
    pub representatives: String,
}

impl ParticipantFields {
    /// A person with a name and an organization, invited, and nothing else
    /// known yet.
    pub fn named(name: &str, organization: &str, role: ParticipantRole) -> ParticipantFields {
        ParticipantFields {
            name: name.to_string(),
            organization: organization.to_string(),
            position: String::new(),
            role,
            honorific: None,
            contact: String::new(),
            attendance: Attendance::Invited,
            members: 0,
            representatives: String::new(),
        }
    }

    /// The fields of a participant as they are, to edit.
    pub fn of(p: &Participant) -> ParticipantFields {
        ParticipantFields {
            name: p.name.clone(),
            organization: p.organization.clone(),
            position: p.position.clone(),
            role: p.role,
            honorific: p.honorific,
            contact: p.contact.clone(),
            attendance: p.attendance,
            members: p.members,
            representatives: p.representatives.clone(),
        }
    }
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
    /// For a written submission: the letter's number and the day it came in.
    #[serde(default)]
    pub letter_number: String,
    #[serde(default)]
    pub letter_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerFields {
    pub answer: String,
    /// Who answered (a participant).
    #[serde(default)]
    pub answered_by: Option<Id>,
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
    /// Roll call: check a person in, or record them absent.
    SetAttendance {
        id: Id,
        attendance: Attendance,
    },
    AddAgendaItem(AgendaFields),
    EditAgendaItem {
        id: Id,
        base_rev: Seq,
        fields: AgendaFields,
    },
    /// The course of an agenda item, for the minutes. `base_rev` is the
    /// item's `notes_rev` when the writer began.
    WriteAgendaNotes {
        id: Id,
        base_rev: Seq,
        notes: String,
    },
    /// The chair's conclusion; `base_rev` is the meeting's `conclusion_rev`
    /// when the writer began.
    WriteConclusion {
        base_rev: Seq,
        text: String,
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
    Empty(Field),
    #[error("{0} is not a valid value")]
    Invalid(Field),
    #[error("no such {kind} (#{id})")]
    NotFound { kind: Kind, id: Id },
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
    NotNow { action: Act, reason: Why },
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
    CannotUndo(UndoWhy),
    #[error("{who} spoke or raised an issue at the meeting: present by record")]
    PresentByRecord { who: String },
    /// The meeting is over (adjourned or closed): the floor and the agenda
    /// no longer move. `at` is the local time it ended, when known.
    #[error("the meeting ended{}: cannot {action}", at_time(.at))]
    MeetingEnded {
        action: EndedAction,
        at: Option<NaiveTime>,
    },
}

/// " at 11:42", or nothing when the time is not known.
fn at_time(at: &Option<NaiveTime>) -> String {
    at.map(|t| t.format(" at %H:%M").to_string())
        .unwrap_or_default()
}

/// What is refused once the meeting has ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndedAction {
    GiveFloor,
    Pause,
    AddTime,
    StartItem,
    FinishItem,
    RequestFloor,
    CloseQueue,
}

impl EndedAction {
    pub const ALL: &'static [EndedAction] = &[
        EndedAction::GiveFloor,
        EndedAction::Pause,
        EndedAction::AddTime,
        EndedAction::StartItem,
        EndedAction::FinishItem,
        EndedAction::RequestFloor,
        EndedAction::CloseQueue,
    ];
}

impl std::fmt::Display for EndedAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            EndedAction::GiveFloor => "give the floor",
            EndedAction::Pause => "pause or resume the speaker",
            EndedAction::AddTime => "add speaking time",
            EndedAction::StartItem => "start an agenda item",
            EndedAction::FinishItem => "finish the agenda item",
            EndedAction::RequestFloor => "add a request for the floor",
            EndedAction::CloseQueue => "close or reopen the list of speakers",
        })
    }
}

/// What `decide` needs besides the record: the time of the command and who
/// gives it.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub now: Timestamp,
    pub actor: &'a str,
}
