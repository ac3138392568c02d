//! Events: the facts the journal records. An event is explicit enough that
//! applying it needs no decision (every id it touches is named in it), so a
//! replay of the journal always rebuilds the same record.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::*;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Event {
    MeetingCreated {
        details: MeetingDetails,
    },
    MeetingDetailsChanged {
        details: MeetingDetails,
    },
    MeetingStarted {
        at: Timestamp,
    },
    /// Ends the meeting: the active agenda item and the current speaker, if
    /// any, end at the same moment.
    MeetingAdjourned {
        at: Timestamp,
        agenda_item: Option<Id>,
        speaker: Option<Id>,
    },
    MeetingClosed {
        at: Timestamp,
    },
    MinutesApproved {
        at: Timestamp,
        by: String,
    },
    ParticipantAdded {
        participant: Participant,
    },
    ParticipantChanged {
        participant: Participant,
    },
    AttendanceSet {
        id: Id,
        attendance: Attendance,
    },
    AgendaItemAdded {
        item: AgendaItem,
    },
    AgendaItemChanged {
        item: AgendaItem,
    },
    /// `previous` (the item active until now) is done at `at`; if the meeting
    /// was still a draft, it goes live at `at`. `speaker`, who had the
    /// floor, is done at `at` too: a turn does not carry into the next item.
    AgendaItemStarted {
        id: Id,
        at: Timestamp,
        previous: Option<Id>,
        starts_meeting: bool,
        /// Absent in files from before the floor closed with the item.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        speaker: Option<Id>,
    },
    /// The item is done at `at`, and so is the turn of `speaker`, who still
    /// had the floor: the floor closes with the item.
    AgendaItemFinished {
        id: Id,
        at: Timestamp,
        /// Absent in files from before the floor closed with the item.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        speaker: Option<Id>,
    },
    AgendaItemSkipped {
        id: Id,
    },
    AgendaNotesWritten {
        id: Id,
        notes: String,
    },
    ConclusionWritten {
        text: String,
    },
    QueueClosed {
        agenda_item: Option<Id>,
        closed: bool,
    },
    /// A request for the floor; `new_participant` is set when the request
    /// named somebody not yet on the list of participants.
    FloorRequested {
        request: SpeakerRequest,
        new_participant: Option<Participant>,
    },
    RequestChanged {
        request: SpeakerRequest,
    },
    RequestWithdrawn {
        id: Id,
        at: Timestamp,
    },
    /// `id` gets the floor; `previous` (the speaker until now) is done at `at`.
    FloorGiven {
        id: Id,
        at: Timestamp,
        previous: Option<Id>,
    },
    SpeakerFinished {
        id: Id,
        at: Timestamp,
    },
    SpeakerPaused {
        id: Id,
        at: Timestamp,
    },
    SpeakerResumed {
        id: Id,
        at: Timestamp,
    },
    TimeAdded {
        id: Id,
        seconds: u32,
    },
    IssueLogged {
        issue: Issue,
    },
    IssueEdited {
        issue: Issue,
    },
    IssueAnswered {
        id: Id,
        answer: String,
        disposition: Disposition,
        reply_due: Option<NaiveDate>,
        /// Absent in files from before forwarding deadlines.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        forward_due: Option<NaiveDate>,
        escalated_to: String,
        #[serde(default)]
        answered_by: Option<Id>,
    },
    IssueClosed {
        id: Id,
        on: NaiveDate,
        closing_ref: String,
    },
    ActionAdded {
        action: Action,
    },
    ActionChanged {
        action: Action,
    },
    /// An undo: the entities touched by entry `target` go back to how they
    /// were before it. Nothing is removed from the journal.
    Undone {
        target: Seq,
        restore: Vec<Snapshot>,
    },
}

/// Names one entity of the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "entity", content = "id", rename_all = "kebab-case")]
pub enum EntityRef {
    Meeting,
    Participant(Id),
    AgendaItem(Id),
    Request(Id),
    Issue(Id),
    Action(Id),
}

/// An entity as it was at some moment; `None` means it did not exist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "entity", rename_all = "kebab-case")]
pub enum Snapshot {
    Meeting {
        value: Box<Meeting>,
    },
    Participant {
        id: Id,
        value: Option<Participant>,
    },
    AgendaItem {
        id: Id,
        value: Option<AgendaItem>,
    },
    Request {
        id: Id,
        value: Option<SpeakerRequest>,
    },
    Issue {
        id: Id,
        value: Option<Issue>,
    },
    Action {
        id: Id,
        value: Option<Action>,
    },
}

impl Snapshot {
    pub fn entity(&self) -> EntityRef {
        match self {
            Snapshot::Meeting { .. } => EntityRef::Meeting,
            Snapshot::Participant { id, .. } => EntityRef::Participant(*id),
            Snapshot::AgendaItem { id, .. } => EntityRef::AgendaItem(*id),
            Snapshot::Request { id, .. } => EntityRef::Request(*id),
            Snapshot::Issue { id, .. } => EntityRef::Issue(*id),
            Snapshot::Action { id, .. } => EntityRef::Action(*id),
        }
    }
}

impl Event {
    /// The journal's `kind` column: the same name as the JSON tag.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::MeetingCreated { .. } => "meeting-created",
            Event::MeetingDetailsChanged { .. } => "meeting-details-changed",
            Event::MeetingStarted { .. } => "meeting-started",
            Event::MeetingAdjourned { .. } => "meeting-adjourned",
            Event::MeetingClosed { .. } => "meeting-closed",
            Event::MinutesApproved { .. } => "minutes-approved",
            Event::ParticipantAdded { .. } => "participant-added",
            Event::ParticipantChanged { .. } => "participant-changed",
            Event::AttendanceSet { .. } => "attendance-set",
            Event::AgendaItemAdded { .. } => "agenda-item-added",
            Event::AgendaItemChanged { .. } => "agenda-item-changed",
            Event::AgendaItemStarted { .. } => "agenda-item-started",
            Event::AgendaItemFinished { .. } => "agenda-item-finished",
            Event::AgendaItemSkipped { .. } => "agenda-item-skipped",
            Event::AgendaNotesWritten { .. } => "agenda-notes-written",
            Event::ConclusionWritten { .. } => "conclusion-written",
            Event::QueueClosed { .. } => "queue-closed",
            Event::FloorRequested { .. } => "floor-requested",
            Event::RequestChanged { .. } => "request-changed",
            Event::RequestWithdrawn { .. } => "request-withdrawn",
            Event::FloorGiven { .. } => "floor-given",
            Event::SpeakerFinished { .. } => "speaker-finished",
            Event::SpeakerPaused { .. } => "speaker-paused",
            Event::SpeakerResumed { .. } => "speaker-resumed",
            Event::TimeAdded { .. } => "time-added",
            Event::IssueLogged { .. } => "issue-logged",
            Event::IssueEdited { .. } => "issue-edited",
            Event::IssueAnswered { .. } => "issue-answered",
            Event::IssueClosed { .. } => "issue-closed",
            Event::ActionAdded { .. } => "action-added",
            Event::ActionChanged { .. } => "action-changed",
            Event::Undone { .. } => "undone",
        }
    }

    /// Every entity this event changes. The store uses it to write exactly
    /// those projection rows, and to keep their before-images for undo.
    pub fn touched(&self) -> Vec<EntityRef> {
        use EntityRef as E;
        match self {
            Event::MeetingCreated { .. }
            | Event::MeetingDetailsChanged { .. }
            | Event::MeetingStarted { .. }
            | Event::MeetingClosed { .. }
            | Event::MinutesApproved { .. }
            | Event::ConclusionWritten { .. } => vec![E::Meeting],
            Event::MeetingAdjourned {
                agenda_item,
                speaker,
                ..
            } => {
                let mut touched = vec![E::Meeting];
                touched.extend(agenda_item.map(E::AgendaItem));
                touched.extend(speaker.map(E::Request));
                touched
            }
            Event::ParticipantAdded { participant } | Event::ParticipantChanged { participant } => {
                vec![E::Participant(participant.id)]
            }
            Event::AttendanceSet { id, .. } => vec![E::Participant(*id)],
            Event::AgendaItemAdded { item } | Event::AgendaItemChanged { item } => {
                vec![E::AgendaItem(item.id)]
            }
            Event::AgendaItemStarted {
                id,
                previous,
                starts_meeting,
                speaker,
                ..
            } => {
                let mut touched = vec![E::AgendaItem(*id)];
                touched.extend(previous.map(E::AgendaItem));
                if *starts_meeting {
                    touched.push(E::Meeting);
                }
                touched.extend(speaker.map(E::Request));
                touched
            }
            Event::AgendaItemFinished { id, speaker, .. } => {
                let mut touched = vec![E::AgendaItem(*id)];
                touched.extend(speaker.map(E::Request));
                touched
            }
            Event::AgendaItemSkipped { id } | Event::AgendaNotesWritten { id, .. } => {
                vec![E::AgendaItem(*id)]
            }
            Event::QueueClosed { agenda_item, .. } => match agenda_item {
                Some(id) => vec![E::AgendaItem(*id)],
                None => vec![E::Meeting],
            },
            Event::FloorRequested {
                request,
                new_participant,
            } => {
                let mut touched = vec![E::Request(request.id)];
                touched.extend(new_participant.as_ref().map(|p| E::Participant(p.id)));
                touched
            }
            Event::RequestChanged { request } => vec![E::Request(request.id)],
            Event::FloorGiven { id, previous, .. } => {
                let mut touched = vec![E::Request(*id)];
                touched.extend(previous.map(E::Request));
                touched
            }
            Event::RequestWithdrawn { id, .. }
            | Event::SpeakerFinished { id, .. }
            | Event::SpeakerPaused { id, .. }
            | Event::SpeakerResumed { id, .. }
            | Event::TimeAdded { id, .. } => vec![E::Request(*id)],
            Event::IssueLogged { issue } | Event::IssueEdited { issue } => vec![E::Issue(issue.id)],
            Event::IssueAnswered { id, .. } | Event::IssueClosed { id, .. } => vec![E::Issue(*id)],
            Event::ActionAdded { action } | Event::ActionChanged { action } => {
                vec![E::Action(action.id)]
            }
            Event::Undone { restore, .. } => restore.iter().map(Snapshot::entity).collect(),
        }
    }
}
