//! Indexes over the record, kept up to date by `Record::apply` (and undo),
//! so that the questions asked on every command and every frame — who has
//! the floor, the queue, who has spoken how long — do not scan every request
//! of a meeting with tens of thousands of them. Derived data only: two
//! records with the same entities have the same index.

use std::collections::{BTreeMap, BTreeSet};

use chrono::TimeDelta;

use super::clock::turn_clock;
use super::model::*;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Index {
    pub active_item: Option<Id>,
    pub speaking: Option<Id>,
    /// Waiting requests in the order they get the floor, per agenda item.
    pub waiting: BTreeSet<(Option<Id>, RequestKind, Timestamp, Id)>,
    /// Every request, per agenda item.
    pub by_item: BTreeMap<Option<Id>, BTreeSet<Id>>,
    /// Turns started, per participant.
    pub turns: BTreeMap<Id, usize>,
    /// Time spoken in finished turns, per participant.
    pub spoken: BTreeMap<Id, TimeDelta>,
    /// Issue numbers in use (a multiset).
    pub issue_numbers: BTreeMap<u32, usize>,
    /// Issues raised in the room, per participant.
    pub floor_issues: BTreeMap<Id, usize>,
}

fn waiting_key(r: &SpeakerRequest) -> (Option<Id>, RequestKind, Timestamp, Id) {
    (r.agenda_item, r.kind, r.requested_at, r.id)
}

impl Index {
    pub fn add_agenda_item(&mut self, item: &AgendaItem) {
        if item.status == AgendaStatus::Active {
            self.active_item = Some(item.id);
        }
    }

    pub fn remove_agenda_item(&mut self, item: &AgendaItem) {
        if self.active_item == Some(item.id) {
            self.active_item = None;
        }
    }

    pub fn add_request(&mut self, r: &SpeakerRequest) {
        match r.status {
            RequestStatus::Speaking => self.speaking = Some(r.id),
            RequestStatus::Waiting => {
                self.waiting.insert(waiting_key(r));
            }
            RequestStatus::Done | RequestStatus::Withdrawn => {}
        }
        self.by_item.entry(r.agenda_item).or_default().insert(r.id);
        if r.started_at.is_some() {
            *self.turns.entry(r.participant).or_default() += 1;
        }
        if let (Some(_), Some(end)) = (r.started_at, r.ended_at) {
            *self.spoken.entry(r.participant).or_default() += turn_clock(r, end).elapsed;
        }
    }

    pub fn remove_request(&mut self, r: &SpeakerRequest) {
        if self.speaking == Some(r.id) {
            self.speaking = None;
        }
        self.waiting.remove(&waiting_key(r));
        if let Some(ids) = self.by_item.get_mut(&r.agenda_item) {
            ids.remove(&r.id);
            if ids.is_empty() {
                self.by_item.remove(&r.agenda_item);
            }
        }
        if r.started_at.is_some() {
            decrement(&mut self.turns, r.participant);
        }
        if let (Some(_), Some(end)) = (r.started_at, r.ended_at) {
            let left = self.spoken.get(&r.participant).copied().unwrap_or_default()
                - turn_clock(r, end).elapsed;
            if left.is_zero() && !self.turns.contains_key(&r.participant) {
                self.spoken.remove(&r.participant);
            } else {
                self.spoken.insert(r.participant, left);
            }
        }
    }

    pub fn add_issue(&mut self, issue: &Issue) {
        *self.issue_numbers.entry(issue.number).or_default() += 1;
        if let Some(who) = raised_in_room(issue) {
            *self.floor_issues.entry(who).or_default() += 1;
        }
    }

    pub fn remove_issue(&mut self, issue: &Issue) {
        decrement(&mut self.issue_numbers, issue.number);
        if let Some(who) = raised_in_room(issue) {
            decrement(&mut self.floor_issues, who);
        }
    }
}

impl Index {
    /// Adds what another index of disjoint requests holds (requests loaded
    /// in parts, on two threads).
    pub fn merge_requests(&mut self, other: Index) {
        self.speaking = self.speaking.or(other.speaking);
        self.waiting.extend(other.waiting);
        for (item, ids) in other.by_item {
            self.by_item.entry(item).or_default().extend(ids);
        }
        for (participant, count) in other.turns {
            *self.turns.entry(participant).or_default() += count;
        }
        for (participant, spoken) in other.spoken {
            *self.spoken.entry(participant).or_default() += spoken;
        }
    }
}

/// The index of some requests, built apart (see `Record::reindex_with`).
#[derive(Debug, Default)]
pub struct RequestIndex(pub(crate) Index);

impl RequestIndex {
    pub fn of<'a>(requests: impl IntoIterator<Item = &'a SpeakerRequest>) -> RequestIndex {
        let mut index = Index::default();
        for request in requests {
            index.add_request(request);
        }
        RequestIndex(index)
    }
}

fn raised_in_room(issue: &Issue) -> Option<Id> {
    issue
        .raised_by
        .filter(|_| issue.source == IssueSource::Floor)
}

fn decrement<K: Ord + Copy>(counts: &mut BTreeMap<K, usize>, key: K) {
    if let Some(count) = counts.get_mut(&key) {
        *count -= 1;
        if *count == 0 {
            counts.remove(&key);
        }
    }
}
