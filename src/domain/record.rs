//! The record: the state that a replay of the journal rebuilds, and `apply`,
//! the one place where an event changes it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::event::{EntityRef, Event, Snapshot};
use super::index::{Index, RequestIndex};
use super::model::*;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(from = "RecordData")]
pub struct Record {
    pub meeting: Meeting,
    pub participants: BTreeMap<Id, Participant>,
    pub agenda: BTreeMap<Id, AgendaItem>,
    pub requests: BTreeMap<Id, SpeakerRequest>,
    pub issues: BTreeMap<Id, Issue>,
    pub actions: BTreeMap<Id, Action>,
    /// Sequence number of the last journal entry applied.
    pub last_seq: Seq,
    /// Derived from the entities; rebuilt, never stored.
    #[serde(skip)]
    pub(crate) index: Index,
    /// When each kind of entity last changed (see `Versions`).
    #[serde(skip)]
    versions: Versions,
}

/// A value that changes whenever entities of a kind change: the console
/// keeps what it derived from them (a pane's rows) until it does. Values
/// come from one counter for the whole process, so no two moments of any
/// two records share one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Versions {
    pub meeting: u64,
    pub participants: u64,
    pub agenda: u64,
    pub requests: u64,
    pub issues: u64,
    pub actions: u64,
}

static NEXT_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_version() -> u64 {
    NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Default for Versions {
    fn default() -> Versions {
        let fresh = next_version();
        Versions {
            meeting: fresh,
            participants: fresh,
            agenda: fresh,
            requests: fresh,
            issues: fresh,
            actions: fresh,
        }
    }
}

impl Versions {
    fn touch(&mut self, entity: EntityRef) {
        let slot = match entity {
            EntityRef::Meeting => &mut self.meeting,
            EntityRef::Participant(_) => &mut self.participants,
            EntityRef::AgendaItem(_) => &mut self.agenda,
            EntityRef::Request(_) => &mut self.requests,
            EntityRef::Issue(_) => &mut self.issues,
            EntityRef::Action(_) => &mut self.actions,
        };
        *slot = next_version();
    }
}

/// The record as it is serialized: the entities, without the index.
#[derive(Deserialize)]
struct RecordData {
    meeting: Meeting,
    participants: BTreeMap<Id, Participant>,
    agenda: BTreeMap<Id, AgendaItem>,
    requests: BTreeMap<Id, SpeakerRequest>,
    issues: BTreeMap<Id, Issue>,
    actions: BTreeMap<Id, Action>,
    last_seq: Seq,
}

impl From<RecordData> for Record {
    fn from(data: RecordData) -> Record {
        let mut record = Record {
            meeting: data.meeting,
            participants: data.participants,
            agenda: data.agenda,
            requests: data.requests,
            issues: data.issues,
            actions: data.actions,
            last_seq: data.last_seq,
            index: Index::default(),
            versions: Versions::default(),
        };
        record.reindex();
        record
    }
}

/// Two records are equal when their entities are (the index follows).
impl PartialEq for Record {
    fn eq(&self, other: &Record) -> bool {
        self.meeting == other.meeting
            && self.participants == other.participants
            && self.agenda == other.agenda
            && self.requests == other.requests
            && self.issues == other.issues
            && self.actions == other.actions
            && self.last_seq == other.last_seq
    }
}

impl Eq for Record {}

impl Record {
    /// A record is created by its first journal entry.
    pub fn is_created(&self) -> bool {
        self.last_seq > 0
    }

    /// The sequence number the next journal entry will get; new entities
    /// take it as their id.
    pub fn next_seq(&self) -> Seq {
        self.last_seq + 1
    }

    /// Applies the event recorded as journal entry `seq`. Every touched
    /// entity gets `rev = seq`, except under an undo, which restores the
    /// revisions it had.
    pub fn apply(&mut self, seq: Seq, event: &Event) {
        let touched = event.touched();
        for entity in &touched {
            self.unindex(*entity);
        }
        self.apply_change(seq, event);
        if !matches!(event, Event::Undone { .. }) {
            for entity in &touched {
                self.set_rev(*entity, seq);
            }
        }
        for entity in &touched {
            self.index(*entity);
            self.versions.touch(*entity);
        }
        self.last_seq = seq;
    }

    pub fn versions(&self) -> Versions {
        self.versions
    }

    /// Does the incrementally kept index equal one built from scratch? (For
    /// tests: the index must never drift from the entities.)
    pub fn index_is_consistent(&self) -> bool {
        let mut fresh = self.clone();
        fresh.reindex();
        fresh.index == self.index
    }

    /// Builds the index from the entities (after loading them whole).
    pub fn reindex(&mut self) {
        let requests = RequestIndex::of(self.requests.values());
        self.reindex_with(vec![requests]);
    }

    /// Builds the index, taking the requests' part from indexes built apart
    /// (each over a disjoint share of `self.requests`).
    pub fn reindex_with(&mut self, parts: Vec<RequestIndex>) {
        self.versions = Versions::default();
        self.index = Index::default();
        for item in self.agenda.values() {
            self.index.add_agenda_item(item);
        }
        for part in parts {
            self.index.merge_requests(part.0);
        }
        for issue in self.issues.values() {
            self.index.add_issue(issue);
        }
    }

    fn index(&mut self, entity: EntityRef) {
        match entity {
            EntityRef::AgendaItem(id) => {
                if let Some(item) = self.agenda.get(&id) {
                    self.index.add_agenda_item(item);
                }
            }
            EntityRef::Request(id) => {
                if let Some(request) = self.requests.get(&id) {
                    self.index.add_request(request);
                }
            }
            EntityRef::Issue(id) => {
                if let Some(issue) = self.issues.get(&id) {
                    self.index.add_issue(issue);
                }
            }
            EntityRef::Meeting | EntityRef::Participant(_) | EntityRef::Action(_) => {}
        }
    }

    fn unindex(&mut self, entity: EntityRef) {
        match entity {
            EntityRef::AgendaItem(id) => {
                if let Some(item) = self.agenda.get(&id) {
                    self.index.remove_agenda_item(item);
                }
            }
            EntityRef::Request(id) => {
                if let Some(request) = self.requests.get(&id) {
                    self.index.remove_request(request);
                }
            }
            EntityRef::Issue(id) => {
                if let Some(issue) = self.issues.get(&id) {
                    self.index.remove_issue(issue);
                }
            }
            EntityRef::Meeting | EntityRef::Participant(_) | EntityRef::Action(_) => {}
        }
    }

    fn apply_change(&mut self, seq: Seq, event: &Event) {
        match event {
            Event::MeetingCreated { details } | Event::MeetingDetailsChanged { details } => {
                self.meeting.details = details.clone();
            }
            Event::MeetingStarted { at } => {
                // Resumed after an adjournment: it has not ended any more.
                self.meeting.status = MeetingStatus::Live;
                self.meeting.actual_start.get_or_insert(*at);
                self.meeting.actual_end = None;
            }
            Event::MeetingAdjourned {
                at,
                agenda_item,
                speaker,
            } => {
                self.meeting.status = MeetingStatus::Adjourned;
                self.meeting.actual_end = Some(*at);
                if let Some(item) = agenda_item.and_then(|id| self.agenda.get_mut(&id)) {
                    finish_agenda_item(item, *at);
                }
                if let Some(request) = speaker.and_then(|id| self.requests.get_mut(&id)) {
                    finish_turn(request, *at);
                }
            }
            Event::MeetingClosed { at } => {
                self.meeting.status = MeetingStatus::Closed;
                self.meeting.actual_end.get_or_insert(*at);
            }
            Event::MinutesApproved { at, by } => {
                self.meeting.minutes = MinutesState::Approved;
                self.meeting.approved_at = Some(*at);
                self.meeting.approved_by = Some(by.clone());
                self.meeting.approved_seq = Some(seq);
            }
            Event::ParticipantAdded { participant } | Event::ParticipantChanged { participant } => {
                self.participants
                    .insert(participant.id, participant.clone());
            }
            Event::AgendaItemAdded { item } | Event::AgendaItemChanged { item } => {
                self.agenda.insert(item.id, item.clone());
            }
            Event::AgendaItemStarted {
                id,
                at,
                previous,
                starts_meeting,
            } => {
                if let Some(item) = previous.and_then(|p| self.agenda.get_mut(&p)) {
                    finish_agenda_item(item, *at);
                }
                if let Some(item) = self.agenda.get_mut(id) {
                    item.status = AgendaStatus::Active;
                    item.started_at = Some(*at);
                    item.ended_at = None;
                }
                if *starts_meeting {
                    self.meeting.status = MeetingStatus::Live;
                    self.meeting.actual_start.get_or_insert(*at);
                }
            }
            Event::AgendaItemFinished { id, at } => {
                if let Some(item) = self.agenda.get_mut(id) {
                    finish_agenda_item(item, *at);
                }
            }
            Event::AgendaItemSkipped { id } => {
                if let Some(item) = self.agenda.get_mut(id) {
                    item.status = AgendaStatus::Skipped;
                }
            }
            Event::QueueClosed {
                agenda_item,
                closed,
            } => match agenda_item.and_then(|id| self.agenda.get_mut(&id)) {
                Some(item) => item.queue_closed = *closed,
                None => self.meeting.queue_closed = *closed,
            },
            Event::FloorRequested {
                request,
                new_participant,
            } => {
                if let Some(participant) = new_participant {
                    self.participants
                        .insert(participant.id, participant.clone());
                }
                self.requests.insert(request.id, request.clone());
            }
            Event::RequestChanged { request } => {
                self.requests.insert(request.id, request.clone());
            }
            Event::RequestWithdrawn { id, at } => {
                if let Some(request) = self.requests.get_mut(id) {
                    request.status = RequestStatus::Withdrawn;
                    request.ended_at = Some(*at);
                }
            }
            Event::FloorGiven { id, at, previous } => {
                if let Some(request) = previous.and_then(|p| self.requests.get_mut(&p)) {
                    finish_turn(request, *at);
                }
                if let Some(request) = self.requests.get_mut(id) {
                    request.status = RequestStatus::Speaking;
                    request.started_at = Some(*at);
                }
            }
            Event::SpeakerFinished { id, at } => {
                if let Some(request) = self.requests.get_mut(id) {
                    finish_turn(request, *at);
                }
            }
            Event::SpeakerPaused { id, at } => {
                if let Some(request) = self.requests.get_mut(id) {
                    request.pauses.push(Pause {
                        from: *at,
                        to: None,
                    });
                }
            }
            Event::SpeakerResumed { id, at } => {
                if let Some(pause) = self.requests.get_mut(id).and_then(|r| r.pauses.last_mut()) {
                    pause.to = Some(*at);
                }
            }
            Event::TimeAdded { id, seconds } => {
                if let Some(request) = self.requests.get_mut(id) {
                    request.added_seconds += seconds;
                }
            }
            Event::IssueLogged { issue } | Event::IssueEdited { issue } => {
                self.issues.insert(issue.id, issue.clone());
            }
            Event::IssueAnswered {
                id,
                answer,
                disposition,
                reply_due,
                escalated_to,
            } => {
                if let Some(issue) = self.issues.get_mut(id) {
                    issue.answer = answer.clone();
                    issue.disposition = *disposition;
                    issue.reply_due = *reply_due;
                    issue.escalated_to = escalated_to.clone();
                }
            }
            Event::IssueClosed {
                id,
                on,
                closing_ref,
            } => {
                if let Some(issue) = self.issues.get_mut(id) {
                    issue.closed_on = Some(*on);
                    issue.closing_ref = closing_ref.clone();
                }
            }
            Event::ActionAdded { action } | Event::ActionChanged { action } => {
                self.actions.insert(action.id, action.clone());
            }
            Event::Undone { restore, .. } => {
                for snapshot in restore {
                    self.restore(snapshot.clone());
                }
            }
        }
    }

    /// Takes back journal entry `seq` (the last one applied), given the
    /// images of what it touched as they were before it: the record goes
    /// back to how it stood at entry `seq - 1`. Review mode steps back this
    /// way without replaying the journal from the start.
    pub fn unapply(&mut self, seq: Seq, before: &[Snapshot]) {
        for snapshot in before {
            self.unindex(snapshot.entity());
            self.restore(snapshot.clone());
            self.index(snapshot.entity());
            self.versions.touch(snapshot.entity());
        }
        self.last_seq = seq.saturating_sub(1);
    }

    fn set_rev(&mut self, entity: EntityRef, seq: Seq) {
        let rev = match entity {
            EntityRef::Meeting => Some(&mut self.meeting.rev),
            EntityRef::Participant(id) => self.participants.get_mut(&id).map(|e| &mut e.rev),
            EntityRef::AgendaItem(id) => self.agenda.get_mut(&id).map(|e| &mut e.rev),
            EntityRef::Request(id) => self.requests.get_mut(&id).map(|e| &mut e.rev),
            EntityRef::Issue(id) => self.issues.get_mut(&id).map(|e| &mut e.rev),
            EntityRef::Action(id) => self.actions.get_mut(&id).map(|e| &mut e.rev),
        };
        if let Some(rev) = rev {
            *rev = seq;
        }
    }

    /// The revision of an entity, or `None` if it does not exist.
    pub fn rev_of(&self, entity: EntityRef) -> Option<Seq> {
        match entity {
            EntityRef::Meeting => Some(self.meeting.rev),
            EntityRef::Participant(id) => self.participants.get(&id).map(|e| e.rev),
            EntityRef::AgendaItem(id) => self.agenda.get(&id).map(|e| e.rev),
            EntityRef::Request(id) => self.requests.get(&id).map(|e| e.rev),
            EntityRef::Issue(id) => self.issues.get(&id).map(|e| e.rev),
            EntityRef::Action(id) => self.actions.get(&id).map(|e| e.rev),
        }
    }

    /// The entity as it is now, to be restored by a later undo.
    pub fn snapshot(&self, entity: EntityRef) -> Snapshot {
        match entity {
            EntityRef::Meeting => Snapshot::Meeting {
                value: Box::new(self.meeting.clone()),
            },
            EntityRef::Participant(id) => Snapshot::Participant {
                id,
                value: self.participants.get(&id).cloned(),
            },
            EntityRef::AgendaItem(id) => Snapshot::AgendaItem {
                id,
                value: self.agenda.get(&id).cloned(),
            },
            EntityRef::Request(id) => Snapshot::Request {
                id,
                value: self.requests.get(&id).cloned(),
            },
            EntityRef::Issue(id) => Snapshot::Issue {
                id,
                value: self.issues.get(&id).cloned(),
            },
            EntityRef::Action(id) => Snapshot::Action {
                id,
                value: self.actions.get(&id).cloned(),
            },
        }
    }

    fn restore(&mut self, snapshot: Snapshot) {
        fn put<T>(map: &mut BTreeMap<Id, T>, id: Id, value: Option<T>) {
            match value {
                Some(value) => map.insert(id, value),
                None => map.remove(&id),
            };
        }
        match snapshot {
            Snapshot::Meeting { value } => self.meeting = *value,
            Snapshot::Participant { id, value } => put(&mut self.participants, id, value),
            Snapshot::AgendaItem { id, value } => put(&mut self.agenda, id, value),
            Snapshot::Request { id, value } => put(&mut self.requests, id, value),
            Snapshot::Issue { id, value } => put(&mut self.issues, id, value),
            Snapshot::Action { id, value } => put(&mut self.actions, id, value),
        }
    }
}

fn finish_agenda_item(item: &mut AgendaItem, at: Timestamp) {
    item.status = AgendaStatus::Done;
    item.ended_at = Some(at);
}

/// Ends a turn at the floor, closing a pause that is still running.
fn finish_turn(request: &mut SpeakerRequest, at: Timestamp) {
    request.status = RequestStatus::Done;
    request.ended_at = Some(at);
    if let Some(pause) = request.pauses.last_mut()
        && pause.to.is_none()
    {
        pause.to = Some(at);
    }
}
