//! Drafts: the text of a form field as it is being typed, saved on every
//! keystroke, per console (a person's name and which of their consoles), so
//! that reopening the meeting brings the form back and two consoles under
//! one name never overwrite each other's unfinished text.

use rusqlite::{Connection, TransactionBehavior, params};

use super::projection::{format_ts, parse_ts};
use super::{Store, StoreError, now};
use crate::domain::{Role, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// Which of the person's consoles typed it (1 for the first).
    pub console: u32,
    /// Which form, as the console names it (e.g. "issue/new").
    pub form: String,
    pub field: String,
    pub text: String,
    /// Cursor position in the text, in bytes.
    pub cursor: usize,
    pub updated_at: Timestamp,
}

/// One field's text and cursor, to be saved.
pub type DraftRow<'a> = (&'a str, &'a str, usize);

impl Store {
    /// Saves the current text of one field: one upsert in one short
    /// `BEGIN IMMEDIATE` transaction, durable when this returns.
    pub fn save_draft(
        &mut self,
        form: &str,
        field: &str,
        text: &str,
        cursor: usize,
    ) -> Result<(), StoreError> {
        self.save_drafts(form, &[(field, text, cursor)])
    }

    /// Saves several fields of one form (text, cursor) in one transaction:
    /// a burst of keys, or a field left and another entered.
    pub fn save_drafts(&mut self, form: &str, fields: &[DraftRow]) -> Result<(), StoreError> {
        self.save_forms_drafts(&[(form, fields.to_vec())])
    }

    /// Saves the fields of several forms in one transaction.
    pub fn save_forms_drafts(&mut self, forms: &[(&str, Vec<DraftRow>)]) -> Result<(), StoreError> {
        let actor = self.options.actor.clone();
        self.save_drafts_of(&actor, self.console, forms)
    }

    /// Saves drafts for console `console` of `actor` (a recovery file puts
    /// back what its person typed, whoever applies it).
    fn save_drafts_of(
        &mut self,
        actor: &str,
        console: u32,
        forms: &[(&str, Vec<DraftRow>)],
    ) -> Result<(), StoreError> {
        if self.options.role == Role::Observer {
            return Err(StoreError::ReadOnly);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (form, fields) in forms {
            upsert(&tx, actor, console, form, fields)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// This console's drafts, oldest change first: the last one tells which
    /// form and field were being typed in.
    pub fn drafts(&self) -> Result<Vec<Draft>, StoreError> {
        let mut drafts = self.drafts_of(&self.options.actor)?;
        drafts.retain(|d| d.console == self.console);
        Ok(drafts)
    }

    /// The drafts of every console of `actor`, oldest change first.
    pub fn drafts_of(&self, actor: &str) -> Result<Vec<Draft>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT console, form, field, text, cursor, updated_at FROM drafts
             WHERE actor = ?1 ORDER BY updated_at, console, form, field",
        )?;
        let rows = statement.query_map([actor], |row| {
            let updated: String = row.get(5)?;
            let cursor: i64 = row.get(4)?;
            Ok(Draft {
                console: row.get(0)?,
                form: row.get(1)?,
                field: row.get(2)?,
                text: row.get(3)?,
                cursor: usize::try_from(cursor).unwrap_or(0),
                updated_at: parse_ts(&updated).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Forgets the drafts of a form (it was cancelled).
    pub fn discard_drafts(&mut self, form: &str) -> Result<(), StoreError> {
        if self.options.role == Role::Observer {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        delete_drafts(&tx, &self.options.actor, self.console, form)?;
        tx.commit()?;
        Ok(())
    }
}

/// Saves a form's fields for one console, inside the caller's transaction.
pub(super) fn upsert(
    conn: &Connection,
    actor: &str,
    console: u32,
    form: &str,
    fields: &[DraftRow],
) -> Result<(), StoreError> {
    let at = format_ts(&now());
    let mut upsert = conn.prepare_cached(
        "INSERT INTO drafts (actor, console, form, field, text, cursor, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (actor, console, form, field) DO UPDATE
         SET text = excluded.text, cursor = excluded.cursor, updated_at = excluded.updated_at",
    )?;
    for (field, text, cursor) in fields {
        upsert.execute(params![
            actor,
            console,
            form,
            field,
            text,
            *cursor as i64,
            at
        ])?;
    }
    Ok(())
}

/// Deletes one console's drafts of one form, inside the caller's
/// transaction.
pub(super) fn delete_drafts(
    conn: &Connection,
    actor: &str,
    console: u32,
    form: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM drafts WHERE actor = ?1 AND console = ?2 AND form = ?3")?
        .execute(params![actor, console, form])?;
    Ok(())
}
