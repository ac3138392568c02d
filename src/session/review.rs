//! Review mode: the record as it stood at any entry of the journal. Forward
//! is a replay of the next entries; back is an undo of the last ones with
//! the before-images the journal keeps, so stepping costs one entry either
//! way, however long the meeting.

use crate::domain::{Record, Seq};
use crate::store::{JournalEntry, Store, StoreError};

pub struct Review {
    /// How many journal entries the record shows.
    pub position: Seq,
    pub record: Record,
    /// The entry at `position` (what just happened).
    pub entry: Option<JournalEntry>,
    /// The statistics view instead of the panes.
    pub stats: bool,
}

impl Review {
    /// At the end of the journal.
    pub fn at_end(store: &Store) -> Result<Review, StoreError> {
        let record = store.record().clone();
        let position = record.last_seq;
        let entry = store
            .entries_between(position.saturating_sub(1), position)?
            .pop();
        Ok(Review {
            position,
            record,
            entry,
            stats: false,
        })
    }

    /// Moves to entry `target` (1 is the meeting's creation; clamped to the
    /// journal).
    pub fn go_to(&mut self, store: &Store, target: Seq) -> Result<(), StoreError> {
        let target = target.clamp(1, store.record().last_seq.max(1));
        // Far back, a replay from the start reads fewer entries.
        if target < self.position && target < self.position - target {
            self.record = Record::default();
            self.position = 0;
        }
        if target > self.position {
            for entry in store.entries_between(self.position, target)? {
                self.record.apply(entry.seq, &entry.event);
                self.position = entry.seq;
                self.entry = Some(entry);
            }
        }
        while self.position > target {
            let Some((_, before)) = store.entry_with_before(self.position)? else {
                break;
            };
            self.record.unapply(self.position, &before);
            self.position -= 1;
        }
        if self.entry.as_ref().is_none_or(|e| e.seq != self.position) {
            self.entry = store
                .entries_between(self.position - 1, self.position)?
                .pop();
        }
        Ok(())
    }

    pub fn step(&mut self, store: &Store, delta: i64) -> Result<(), StoreError> {
        let target = (self.position as i64).saturating_add(delta).max(1) as Seq;
        self.go_to(store, target)
    }
}
