//! The journal: append-only, one entry per committed command, each carrying
//! the hash of the one before it.

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::projection::{format_ts, parse_ts};
use crate::domain::{Event, Role, Seq, Snapshot, Timestamp};

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "";

/// One journal entry as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct JournalEntry {
    pub seq: Seq,
    pub at: Timestamp,
    pub actor: String,
    pub role: Role,
    pub event: Event,
    pub hash: String,
}

/// The raw columns of an entry, as hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntry {
    pub seq: Seq,
    pub at: String,
    pub actor: String,
    pub role: String,
    pub kind: String,
    pub payload: String,
    pub before: String,
    pub prev_hash: String,
    pub hash: String,
}

impl RawEntry {
    /// SHA-256 over every column but the hash itself, each length-prefixed so
    /// that no two different entries hash the same input.
    pub fn compute_hash(&self) -> String {
        let mut hasher = Sha256::new();
        for part in [
            self.prev_hash.as_str(),
            &self.seq.to_string(),
            &self.at,
            &self.actor,
            &self.role,
            &self.kind,
            &self.payload,
            &self.before,
        ] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    pub fn decode(&self) -> Result<JournalEntry, String> {
        let event: Event = serde_json::from_str(&self.payload)
            .map_err(|e| format!("entry {}: unreadable payload: {e}", self.seq))?;
        if event.kind() != self.kind {
            return Err(format!(
                "entry {}: kind {:?} does not match its payload ({})",
                self.seq,
                self.kind,
                event.kind()
            ));
        }
        Ok(JournalEntry {
            seq: self.seq,
            at: parse_ts(&self.at)
                .ok_or_else(|| format!("entry {}: bad time {:?}", self.seq, self.at))?,
            actor: self.actor.clone(),
            role: Role::parse(&self.role)
                .ok_or_else(|| format!("entry {}: unknown role {:?}", self.seq, self.role))?,
            event,
            hash: self.hash.clone(),
        })
    }
}

/// One entry with the images of what it touched before it (for stepping
/// back in review mode).
pub fn entry_with_before(
    conn: &Connection,
    seq: Seq,
) -> Result<Option<(JournalEntry, Vec<Snapshot>)>, JournalReadError> {
    let raw = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM journal WHERE seq = ?1"))?
        .query_row([seq], read_raw)
        .optional()?;
    let Some(raw) = raw else {
        return Ok(None);
    };
    let before: Vec<Snapshot> = serde_json::from_str(&raw.before).map_err(|e| {
        JournalReadError::Entry(format!("entry {seq}: unreadable before-images: {e}"))
    })?;
    let entry = raw.decode().map_err(JournalReadError::Entry)?;
    Ok(Some((entry, before)))
}

/// The columns of a raw entry, in `read_raw`'s order.
const COLUMNS: &str = "seq, at, actor, role, kind, payload, before, prev_hash, hash";

fn read_raw(row: &rusqlite::Row) -> rusqlite::Result<RawEntry> {
    Ok(RawEntry {
        seq: row.get(0)?,
        at: row.get(1)?,
        actor: row.get(2)?,
        role: row.get(3)?,
        kind: row.get(4)?,
        payload: row.get(5)?,
        before: row.get(6)?,
        prev_hash: row.get(7)?,
        hash: row.get(8)?,
    })
}

/// Appends an entry; returns its hash.
#[allow(clippy::too_many_arguments)]
pub fn append(
    conn: &Connection,
    seq: Seq,
    at: &Timestamp,
    actor: &str,
    role: Role,
    event: &Event,
    before: &[Snapshot],
    prev_hash: &str,
) -> rusqlite::Result<String> {
    let to_sql = |e: serde_json::Error| rusqlite::Error::ToSqlConversionFailure(Box::new(e));
    let mut raw = RawEntry {
        seq,
        at: format_ts(at),
        actor: actor.to_string(),
        role: role.as_str().to_string(),
        kind: event.kind().to_string(),
        payload: serde_json::to_string(event).map_err(to_sql)?,
        before: serde_json::to_string(before).map_err(to_sql)?,
        prev_hash: prev_hash.to_string(),
        hash: String::new(),
    };
    raw.hash = raw.compute_hash();
    append_raw(conn, &raw)?;
    Ok(raw.hash)
}

/// The entry an event undoes.
pub fn undoes(event: &Event) -> Option<Seq> {
    match event {
        Event::Undone { target, .. } => Some(*target),
        _ => None,
    }
}

/// Appends an entry made elsewhere (an import) exactly as it is: every
/// column, its hash included, is written unchanged. The caller has checked
/// that it follows the last entry and that its hash is right.
pub fn append_raw(conn: &Connection, raw: &RawEntry) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO journal (seq, at, actor, role, kind, payload, before, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        raw.seq,
        raw.at,
        raw.actor,
        raw.role,
        raw.kind,
        raw.payload,
        raw.before,
        raw.prev_hash,
        raw.hash
    ])?;
    Ok(())
}

/// The raw entry numbered `seq`, if the journal holds it.
pub fn raw_entry(conn: &Connection, seq: Seq) -> Result<Option<RawEntry>, JournalReadError> {
    let mut statement =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM journal WHERE seq = ?1"))?;
    let mut rows = statement.query([seq])?;
    Ok(rows.next()?.map(read_raw).transpose()?)
}

/// Every raw entry after `after`, in order, passed to `each`.
pub fn for_each_raw_after(
    conn: &Connection,
    after: Seq,
    mut each: impl FnMut(RawEntry) -> Result<(), String>,
) -> Result<(), JournalReadError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM journal WHERE seq > ?1 ORDER BY seq"
    ))?;
    let mut rows = statement.query([after])?;
    while let Some(row) = rows.next()? {
        each(read_raw(row)?).map_err(JournalReadError::Entry)?;
    }
    Ok(())
}

/// Decoded entries after `after` up to and including `until`, in order.
pub fn entries_between(
    conn: &Connection,
    after: Seq,
    until: Seq,
) -> Result<Vec<JournalEntry>, JournalReadError> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM journal WHERE seq > ?1 AND seq <= ?2 ORDER BY seq"
    ))?;
    let mut rows = statement.query([after, until])?;
    let mut entries = Vec::new();
    while let Some(row) = rows.next()? {
        entries.push(read_raw(row)?.decode().map_err(JournalReadError::Entry)?);
    }
    Ok(entries)
}

/// Decoded entries after `after`, in order.
pub fn entries_after(conn: &Connection, after: Seq) -> Result<Vec<JournalEntry>, JournalReadError> {
    let mut entries = Vec::new();
    for_each_raw_after(conn, after, |raw| {
        entries.push(raw.decode()?);
        Ok(())
    })?;
    Ok(entries)
}

/// The last entry of the journal: its hash (what the next entry links to)
/// and its time (no entry is dated before it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Head {
    pub hash: String,
    pub at: Option<Timestamp>,
}

impl Head {
    /// Takes `entry` as the new last entry.
    pub fn follow(&mut self, entry: &JournalEntry) {
        self.hash = entry.hash.clone();
        self.at = Some(entry.at);
    }
}

pub fn head(conn: &Connection) -> rusqlite::Result<Head> {
    let last: Option<(String, String)> = conn
        .query_row(
            "SELECT hash, at FROM journal ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(match last {
        Some((hash, at)) => Head {
            hash,
            at: parse_ts(&at),
        },
        None => Head {
            hash: GENESIS.to_string(),
            at: None,
        },
    })
}

/// The latest entry of `actor` that can still be undone (not an undo itself,
/// not already undone, not the creation of the meeting), with the images of
/// what it touched. What is already undone is read from the undo entries'
/// payloads, which the hash chain covers.
pub fn last_undoable(
    conn: &Connection,
    actor: &str,
) -> Result<Option<(Seq, Vec<Snapshot>)>, JournalReadError> {
    let undone = undone_entries(conn)?;
    let mut statement = conn.prepare_cached(
        "SELECT seq, before FROM journal
         WHERE actor = ?1 AND kind NOT IN ('undone', 'meeting-created')
         ORDER BY seq DESC",
    )?;
    let mut rows = statement.query([actor])?;
    while let Some(row) = rows.next()? {
        let seq: Seq = row.get(0)?;
        if undone.contains(&seq) {
            continue;
        }
        let before: String = row.get(1)?;
        let images = serde_json::from_str(&before).map_err(|e| {
            JournalReadError::Entry(format!("entry {seq}: unreadable before-images: {e}"))
        })?;
        return Ok(Some((seq, images)));
    }
    Ok(None)
}

/// The entries undone so far, from the payloads of the undo entries.
fn undone_entries(conn: &Connection) -> Result<std::collections::HashSet<Seq>, JournalReadError> {
    let mut statement =
        conn.prepare_cached("SELECT seq, payload FROM journal WHERE kind = 'undone'")?;
    let mut rows = statement.query([])?;
    let mut undone = std::collections::HashSet::new();
    while let Some(row) = rows.next()? {
        let seq: Seq = row.get(0)?;
        let payload: String = row.get(1)?;
        let event: Event = serde_json::from_str(&payload).map_err(|e| {
            JournalReadError::Entry(format!("entry {seq}: unreadable payload: {e}"))
        })?;
        undone.extend(undoes(&event));
    }
    Ok(undone)
}

#[derive(Debug, thiserror::Error)]
pub enum JournalReadError {
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Entry(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_covers_every_column() {
        let raw = RawEntry {
            seq: 1,
            at: "2026-02-05T01:00:00.000Z".into(),
            actor: "lan".into(),
            role: "secretary".into(),
            kind: "meeting-started".into(),
            payload: "{}".into(),
            before: "[]".into(),
            prev_hash: GENESIS.into(),
            hash: String::new(),
        };
        let hash = raw.compute_hash();
        assert_eq!(hash.len(), 64);
        let tampered = RawEntry {
            actor: "lam".into(),
            ..raw
        };
        assert_ne!(tampered.compute_hash(), hash);
    }
}
