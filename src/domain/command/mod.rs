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

pub use decide::decide;

use chrono::NaiveDate;
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
