//! One write transaction: every command recorded in it gets its own journal
//! entry (decided against the record caught up with the file), and they
//! are committed together; a form's drafts can go in the same transaction.

use rusqlite::Connection;

use super::{Committed, OpenOptions, StoreError, drafts, journal, projection};
use crate::domain::*;

/// Commands recorded inside one transaction (see `Store::bulk`).
pub struct Bulk<'a> {
    pub(super) conn: &'a Connection,
    pub(super) record: &'a mut Record,
    pub(super) head: &'a mut journal::Head,
    pub(super) options: &'a OpenOptions,
    /// Which of the actor's consoles writes (for its drafts).
    pub(super) console: u32,
    /// An event was applied to the record in memory.
    pub(super) applied: bool,
}

impl Bulk<'_> {
    pub fn record(&self) -> &Record {
        self.record
    }

    /// Decides, appends the journal entry, applies it and writes the rows it
    /// touched. No entry is dated before the one it follows: a clock that is
    /// behind the file's gives its entries the file's last time instead.
    pub fn execute_at(&mut self, command: Command, at: Timestamp) -> Result<Committed, StoreError> {
        let at = self.head.at.map_or(at, |last| at.max(last));
        if !self.options.role.may_command(&command) {
            return Err(StoreError::NotAllowed {
                role: self.options.role,
            });
        }
        let ctx = Context {
            now: at,
            actor: &self.options.actor,
        };
        let event = decide(self.record, &command, ctx)?;
        let seq = self.record.next_seq();
        let touched = event.touched();
        let before: Vec<Snapshot> = touched.iter().map(|e| self.record.snapshot(*e)).collect();
        let hash = journal::append(
            self.conn,
            seq,
            &at,
            &self.options.actor,
            self.options.role,
            &event,
            &before,
            &self.head.hash,
        )?;
        self.applied = true;
        self.record.apply(seq, &event);
        *self.head = journal::Head { hash, at: Some(at) };
        for entity in touched {
            projection::write_entity(self.conn, self.record, entity)?;
        }
        Ok(Committed { seq, event })
    }

    /// Forgets this console's drafts of `form` in the same transaction: a
    /// form saved and its drafts gone stand or fall together.
    pub fn discard_drafts(&mut self, form: &str) -> Result<(), StoreError> {
        drafts::delete_drafts(self.conn, &self.options.actor, self.console, form)
    }
}
