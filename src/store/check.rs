//! `gavel check`: is the file sound, is the hash chain intact, and do the
//! projection tables equal a replay of the journal?

use std::path::Path;

use rusqlite::Connection;

use super::file::schema_version;
use super::journal::{self, GENESIS};
use super::projection::load_record;
use super::schema::RECORD_TABLES_SINCE;
use super::{OpenOptions, Store, StoreError};
use crate::domain::Record;

/// The three verdicts; `Err` holds what is wrong, in one line.
#[derive(Debug)]
pub struct CheckReport {
    pub integrity: Result<(), String>,
    /// `Ok(n)`: n entries, all linked.
    pub chain: Result<u64, String>,
    pub replay: Result<(), String>,
    /// No entry dated before the one it follows.
    pub times: Result<(), String>,
    /// The file's schema version, when an older gavel wrote it and none
    /// that writes has opened it since: its tables are of that version and
    /// are not compared (every reader replays such a file's journal, which
    /// the chain vouches for; the first writer rebuilds them).
    pub older_schema: Option<i64>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.integrity.is_ok() && self.chain.is_ok() && self.replay.is_ok() && self.times.is_ok()
    }
}

impl CheckReport {
    /// The first thing wrong, in one line.
    pub fn first_problem(&self) -> Option<String> {
        self.record_problem().or_else(|| self.times.clone().err())
    }

    /// The first thing that makes the file not the record: damage, an
    /// altered or unlinked entry, tables that differ from the journal.
    /// (Times out of order, from a computer whose clock was behind, are
    /// not: the entries are the ones that were written.)
    pub fn record_problem(&self) -> Option<String> {
        [&self.integrity, &self.replay]
            .into_iter()
            .find_map(|verdict| verdict.clone().err())
            .or_else(|| self.chain.clone().err())
    }
}

/// Checks a meeting file without writing to it.
pub fn check(path: &Path) -> Result<CheckReport, StoreError> {
    let store = Store::open(path, OpenOptions::reader("gavel-check"))?;
    check_connection(store.connection())
}

impl Store {
    /// Whether the file passes its check; a command that writes asks first,
    /// so that a damaged or tampered file is not written to.
    pub fn verify(&self) -> Result<(), StoreError> {
        self.verify_by(CheckReport::first_problem)
    }

    /// Whether the file holds the record as it was written
    /// (`CheckReport::record_problem`): what a reader that gathers many
    /// meetings asks before it trusts one.
    pub fn verify_record(&self) -> Result<(), StoreError> {
        self.verify_by(CheckReport::record_problem)
    }

    fn verify_by(&self, problem: fn(&CheckReport) -> Option<String>) -> Result<(), StoreError> {
        match problem(&check_connection(&self.conn)?) {
            None => Ok(()),
            Some(problem) => Err(StoreError::Unhealthy(problem)),
        }
    }
}

/// The three verdicts, all read from one snapshot of the file: a healthy
/// file that another process writes meanwhile is never seen half-written
/// (its journal from before a commit, its tables from after).
pub(super) fn check_connection(conn: &Connection) -> Result<CheckReport, StoreError> {
    let snapshot = conn.unchecked_transaction()?;
    let integrity = integrity(&snapshot);
    let (chain, replayed, times) = verify_chain(&snapshot);
    let version = schema_version(&snapshot)?;
    let older_schema = (version < RECORD_TABLES_SINCE).then_some(version);
    let replay = match (replayed, older_schema) {
        (None, _) => Err("no replay: the journal could not be read through".into()),
        (Some(_), Some(_)) => Ok(()),
        (Some(replayed), None) => match load_record(&snapshot) {
            Ok(projected) => compare(&replayed, &projected),
            Err(e) => Err(format!("projection tables unreadable: {e}")),
        },
    };
    snapshot.rollback()?;
    Ok(CheckReport {
        integrity,
        chain,
        replay,
        times,
        older_schema,
    })
}

fn integrity(conn: &Connection) -> Result<(), String> {
    let mut statement = conn
        .prepare("PRAGMA integrity_check")
        .map_err(|e| e.to_string())?;
    let problems: Vec<String> = statement
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(|e| e.to_string())?
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    match problems.as_slice() {
        [ok] if ok == "ok" => Ok(()),
        _ => Err(problems.join("; ")),
    }
}

/// Walks the journal: sequence without gaps, each entry linked to the one
/// before, each hash right; and no entry dated before the one before it.
/// Returns the record the entries replay to.
fn verify_chain(conn: &Connection) -> (Result<u64, String>, Option<Record>, Result<(), String>) {
    let mut record = Record::default();
    let mut prev_hash = GENESIS.to_string();
    let mut count = 0u64;
    let mut first_problem: Option<String> = None;
    let mut previous_at = None;
    let mut backwards: Option<String> = None;
    let walked = journal::for_each_raw_after(conn, 0, |raw| {
        count += 1;
        if first_problem.is_none() {
            if raw.seq != count {
                first_problem = Some(format!("entry {} follows entry {}", raw.seq, count - 1));
            } else if raw.prev_hash != prev_hash {
                first_problem = Some(format!(
                    "entry {} is not linked to the entry before it",
                    raw.seq
                ));
            } else if raw.compute_hash() != raw.hash {
                first_problem = Some(format!(
                    "entry {} was altered (its hash does not match)",
                    raw.seq
                ));
            }
        }
        prev_hash = raw.hash.clone();
        let entry = raw.decode()?;
        if backwards.is_none() && previous_at.is_some_and(|before| entry.at < before) {
            backwards = Some(format!(
                "entry {} is dated before the entry before it (a clock that was behind)",
                entry.seq
            ));
        }
        previous_at = Some(entry.at);
        record.apply(entry.seq, &entry.event);
        Ok(())
    });
    let times = backwards.map_or(Ok(()), Err);
    match walked {
        Err(e) => (Err(e.to_string()), None, times),
        Ok(()) => (first_problem.map_or(Ok(count), Err), Some(record), times),
    }
}

/// Names the first entity where the projections differ from the replay.
pub(super) fn compare(replayed: &Record, projected: &Record) -> Result<(), String> {
    if replayed == projected {
        return Ok(());
    }
    if replayed.meeting != projected.meeting {
        return Err("the meeting row differs from the replay".into());
    }
    fn first_difference<T: PartialEq>(
        name: &str,
        a: &std::collections::BTreeMap<u64, T>,
        b: &std::collections::BTreeMap<u64, T>,
    ) -> Option<String> {
        let ids = a.keys().chain(b.keys());
        for id in ids {
            if a.get(id) != b.get(id) {
                return Some(format!("{name} #{id} differs from the replay"));
            }
        }
        None
    }
    first_difference(
        "participant",
        &replayed.participants,
        &projected.participants,
    )
    .or_else(|| first_difference("agenda item", &replayed.agenda, &projected.agenda))
    .or_else(|| first_difference("speaker request", &replayed.requests, &projected.requests))
    .or_else(|| first_difference("issue", &replayed.issues, &projected.issues))
    .or_else(|| first_difference("action", &replayed.actions, &projected.actions))
    .map_or_else(
        || {
            Err(format!(
                "the journal ends at entry {} but the projections at {}",
                replayed.last_seq, projected.last_seq
            ))
        },
        Err,
    )
}
