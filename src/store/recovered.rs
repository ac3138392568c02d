//! What recovery files have put in the file, by digest: a change applied
//! once is not applied again, and a draft put back once is not put back
//! again (after its form was saved, it would bring the form back).

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::{Bulk, Committed, Store, StoreError};
use crate::domain::{Command, Seq, Timestamp};

impl Bulk<'_> {
    /// Whether a recovery file's item with this digest is in the file.
    pub fn was_recovered(&self, digest: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM recovered WHERE digest = ?1")?
            .query_row([digest], |_| Ok(()))
            .optional()?
            .is_some())
    }

    fn mark_recovered(&self, digest: &str, seq: Option<Seq>) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("INSERT INTO recovered (digest, seq) VALUES (?1, ?2)")?
            .execute(params![digest, seq])?;
        Ok(())
    }
}

impl Store {
    /// Records a recovery file's change, its form's drafts forgotten and
    /// the change marked applied, in one transaction; `None` when it was
    /// applied before.
    pub fn submit_recovered(
        &mut self,
        digest: &str,
        command: Command,
        at: Timestamp,
        forms: &[&str],
    ) -> Result<Option<Committed>, StoreError> {
        self.bulk(|bulk| {
            if bulk.was_recovered(digest)? {
                return Ok(None);
            }
            let committed = bulk.execute_at(command, at)?;
            for form in forms {
                bulk.discard_drafts(form)?;
            }
            bulk.mark_recovered(digest, Some(committed.seq))?;
            Ok(Some(committed))
        })
    }

    /// Puts back a draft row a person was typing (whoever applies the
    /// file); false when it was put back before.
    #[allow(clippy::too_many_arguments)]
    pub fn restore_recovered_draft(
        &mut self,
        digest: &str,
        actor: &str,
        console: u32,
        form: &str,
        field: &str,
        text: &str,
        cursor: usize,
    ) -> Result<bool, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let seen = tx
            .prepare_cached("SELECT 1 FROM recovered WHERE digest = ?1")?
            .query_row([digest], |_| Ok(()))
            .optional()?
            .is_some();
        if seen {
            return Ok(false);
        }
        super::drafts::upsert(&tx, actor, console, form, &[(field, text, cursor)])?;
        tx.prepare_cached("INSERT INTO recovered (digest, seq) VALUES (?1, NULL)")?
            .execute([digest])?;
        tx.commit()?;
        Ok(true)
    }

    /// This meeting's identity: the hash of its first journal entry (its
    /// creation), the same in a copy of the file or a JSON re-import.
    pub fn meeting_id(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT hash FROM journal WHERE seq = 1")?
            .query_row([], |r| r.get(0))
            .optional()?
            .unwrap_or_default())
    }
}
