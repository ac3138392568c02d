//! Drafts: the text of a form field as it is being typed, saved on every
//! keystroke, per actor, so that reopening the meeting brings the form back.

use rusqlite::{TransactionBehavior, params};

use super::projection::{format_ts, parse_ts};
use super::{Store, StoreError, now};
use crate::domain::{Role, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// Which form, as the console names it (e.g. "issue/new").
    pub form: String,
    pub field: String,
    pub text: String,
    /// Cursor position in the text, in bytes.
    pub cursor: usize,
    pub updated_at: Timestamp,
}

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
    pub fn save_drafts(
        &mut self,
        form: &str,
        fields: &[(&str, &str, usize)],
    ) -> Result<(), StoreError> {
        if self.options.role == Role::Observer {
            return Err(StoreError::ReadOnly);
        }
        let at = format_ts(&now());
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        {
            let mut upsert = tx.prepare_cached(
                "INSERT INTO drafts (actor, form, field, text, cursor, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (actor, form, field) DO UPDATE
                 SET text = excluded.text, cursor = excluded.cursor, updated_at = excluded.updated_at",
            )?;
            for (field, text, cursor) in fields {
                upsert.execute(params![
                    self.options.actor,
                    form,
                    field,
                    text,
                    *cursor as i64,
                    at
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// This actor's drafts, oldest change first: the last one tells which
    /// form and field were being typed in.
    pub fn drafts(&self) -> Result<Vec<Draft>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT form, field, text, cursor, updated_at FROM drafts
             WHERE actor = ?1 ORDER BY updated_at, form, field",
        )?;
        let rows = statement.query_map([&self.options.actor], |row| {
            let updated: String = row.get(4)?;
            let cursor: i64 = row.get(3)?;
            Ok(Draft {
                form: row.get(0)?,
                field: row.get(1)?,
                text: row.get(2)?,
                cursor: usize::try_from(cursor).unwrap_or(0),
                updated_at: parse_ts(&updated).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Forgets the drafts of a form (it was saved or cancelled).
    pub fn discard_drafts(&mut self, form: &str) -> Result<(), StoreError> {
        if self.options.role == Role::Observer {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.prepare_cached("DELETE FROM drafts WHERE actor = ?1 AND form = ?2")?
            .execute(params![self.options.actor, form])?;
        tx.commit()?;
        Ok(())
    }
}
