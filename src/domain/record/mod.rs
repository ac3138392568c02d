//! The record: the state that a replay of the journal rebuilds, and `apply`,
//! the one place where an event changes it.
//!
//! This file holds the `Record` struct, its `Versions`, its index upkeep and
//! its lookups; `apply.rs` holds `apply` (an event changes the record) and
//! `snapshot.rs` holds the snapshots an undo restores and `unapply`.

mod apply;
mod snapshot;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::event::EntityRef;
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
}
