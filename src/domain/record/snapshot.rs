//! Snapshots: the image of an entity as it stands, kept so that an undo can
//! restore it, and `unapply`, which takes back the last entry applied.

use std::collections::BTreeMap;

use super::Record;
use crate::domain::event::{EntityRef, Snapshot};
use crate::domain::model::*;

impl Record {
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

    pub(super) fn restore(&mut self, snapshot: Snapshot) {
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
