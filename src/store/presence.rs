//! Who else has the meeting open: each console writes a heartbeat every few
//! seconds and removes it when it closes; one that stops beating drops off.
//! Who is typing what is read from the drafts, which are saved anyway.

use std::time::Duration;

use rusqlite::{TransactionBehavior, params};

use super::projection::{format_ts, parse_ts};
use super::{Store, StoreError, now};
use crate::domain::{Role, Seq, Timestamp};

/// Another console on the same meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presence {
    pub session: String,
    pub actor: String,
    pub role: Role,
    pub host: String,
    pub pid: u32,
    pub seen_at: Timestamp,
}

/// Somebody else typing in a form right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typing {
    pub actor: String,
    /// The form's key ("issue/new", "answer/42@57", ...).
    pub form: String,
}

fn since(within: Duration) -> String {
    let within = chrono::TimeDelta::from_std(within).unwrap_or(chrono::TimeDelta::seconds(5));
    format_ts(&(now() - within))
}

impl Store {
    /// Says "I am here" for this console (`session` is unique to it). An
    /// observer cannot write, so it is never listed.
    pub fn heartbeat(&mut self, session: &str) -> Result<(), StoreError> {
        if self.options.role == Role::Observer {
            return Ok(());
        }
        let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.prepare_cached(
            "INSERT INTO presence (session, actor, role, pid, host, seen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (session) DO UPDATE SET seen_at = excluded.seen_at",
        )?
        .execute(params![
            session,
            self.options.actor,
            self.options.role.as_str(),
            std::process::id(),
            host.trim(),
            format_ts(&now())
        ])?;
        tx.commit()?;
        Ok(())
    }

    /// This console is closing.
    pub fn leave(&mut self, session: &str) -> Result<(), StoreError> {
        if self.options.role == Role::Observer {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.prepare_cached("DELETE FROM presence WHERE session = ?1")?
            .execute([session])?;
        tx.commit()?;
        Ok(())
    }

    /// The other consoles that beat within `within`, oldest first.
    pub fn others_present(
        &self,
        session: &str,
        within: Duration,
    ) -> Result<Vec<Presence>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT session, actor, role, host, pid, seen_at FROM presence
             WHERE session != ?1 AND seen_at >= ?2 ORDER BY session",
        )?;
        let rows = statement.query_map(params![session, since(within)], |row| {
            let role: String = row.get(2)?;
            let seen: String = row.get(5)?;
            Ok(Presence {
                session: row.get(0)?,
                actor: row.get(1)?,
                role: Role::parse(&role).unwrap_or(Role::Observer),
                host: row.get(3)?,
                pid: row.get(4)?,
                seen_at: parse_ts(&seen).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Other people whose drafts changed within `within`: they are typing.
    pub fn others_typing(&self, within: Duration) -> Result<Vec<Typing>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT actor, form FROM drafts WHERE actor != ?1 AND updated_at >= ?2
             GROUP BY actor, form ORDER BY max(updated_at)",
        )?;
        let rows = statement.query_map(params![self.options.actor, since(within)], |row| {
            Ok(Typing {
                actor: row.get(0)?,
                form: row.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Who wrote journal entry `seq`.
    pub fn author_of(&self, seq: Seq) -> Result<Option<String>, StoreError> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .prepare_cached("SELECT actor FROM journal WHERE seq = ?1")?
            .query_row([seq], |r| r.get(0))
            .optional()?)
    }
}
