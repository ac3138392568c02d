//! `gavel archive push`: one meeting file into the archive, in one
//! PostgreSQL transaction.
//!
//! The file is read as an export reads it (an observer's connection, never
//! written) and checked as `gavel check` checks it (the hash chain, the
//! tables equal to the journal replayed); the entries pushed are linked and
//! hashed again as they are read. The archive then gains the entries it lacks; its
//! copy's last entry must be the file's entry of that number, hash for
//! hash, or nothing is changed. The record's rows (participants, agenda,
//! issues, actions) are replaced by the file's: a correction made after a
//! first push reaches the archive.

use std::path::Path;

use chrono::NaiveDate;
use postgres::Transaction;
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::{ToSql, Type};
use serde::Serialize;

use super::ArchiveError;
use crate::domain::Record;
use crate::domain::clock::local_date;
use crate::export::tracking::action_done_dates;
use crate::store::journal::{self, GENESIS, RawEntry};
use crate::store::{ImportError, OpenOptions, Store, StoreError};

/// What a push did to one meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pushed {
    pub meeting_id: String,
    pub title: String,
    /// Journal entries the archive gained (0: it was up to date).
    pub added: u64,
    /// Journal entries the archive now holds for the meeting.
    pub entries: u64,
    /// The meeting was not in the archive before.
    pub new: bool,
}

/// Pushes the meeting file `path` into the archive, as `pushed_by`.
pub fn push(
    client: &mut postgres::Client,
    path: &Path,
    pushed_by: &str,
) -> Result<Pushed, ArchiveError> {
    let (store, done_on) = open_verified(path)?;
    let record = store.record();
    let last = record.last_seq;
    let ends = journal_ends(&store, last)?;
    let meeting_id = ends.first.hash.clone();
    let mut tx = client.transaction()?;
    // Two pushes of the same meeting at once: one waits for the other.
    tx.execute("SELECT pg_advisory_xact_lock(hashtext($1))", &[&meeting_id])?;
    let held = archived_head(&mut tx, &meeting_id)?;
    let new = held.is_none();
    // How many entries the archive holds, and the hash of its last one
    // (the first entry's link when it holds none).
    let (already, archived_hash) = match held {
        None => (0, GENESIS.to_string()),
        Some((seq, hash)) => {
            let file_entry = u64::try_from(seq)
                .ok()
                .filter(|&seq| seq <= last)
                .map(|seq| journal::raw_entry(store.connection(), seq))
                .transpose()
                .map_err(StoreError::from)?
                .flatten();
            if file_entry.is_none_or(|entry| entry.hash != hash) {
                return Err(ArchiveError::Diverged { seq });
            }
            (seq as u64, hash)
        }
    };
    if already == last {
        // The record is a function of the journal: the same journal, the
        // same rows. Only who pushed, from where and when is new.
        tx.execute(
            "UPDATE gavel.meetings SET source_file = $2, pushed_at = now(), pushed_by = $3 \
             WHERE meeting_id = $1",
            &[&meeting_id, &path.display().to_string(), &pushed_by],
        )?;
    } else {
        write_meeting(&mut tx, &meeting_id, record, &ends, path, pushed_by)?;
        copy_journal(
            &mut tx,
            &meeting_id,
            &store,
            (already, archived_hash),
            &ends,
        )?;
        replace_rows(&mut tx, &meeting_id, record, &done_on)?;
    }
    tx.commit()?;
    Ok(Pushed {
        meeting_id,
        title: record.meeting.details.title.clone(),
        added: last - already,
        entries: last,
        new,
    })
}

/// The file's record and the day each action done was marked so (which
/// the journal tells), once the file is known to hold the record as it was
/// written (its integrity, the hash chain, the tables equal to the journal
/// replayed; entries dated out of order by a clock that was behind are
/// still the record).
fn open_verified(path: &Path) -> Result<(Store, DoneOn), ArchiveError> {
    let mut store = Store::open(path, OpenOptions::reader("gavel-archive"))?;
    store.poll()?;
    store.verify_record()?;
    let done_on = action_done_dates(&store)?;
    Ok((store, done_on))
}

/// The journal's first entry, and the last one the record was read at.
struct Ends {
    first: RawEntry,
    last: RawEntry,
}

fn journal_ends(store: &Store, last: u64) -> Result<Ends, ArchiveError> {
    let entry = |seq| journal::raw_entry(store.connection(), seq).map_err(StoreError::from);
    match (entry(1)?, entry(last)?) {
        (Some(first), Some(last)) => Ok(Ends { first, last }),
        _ => Err(ArchiveError::Refused("the journal is empty".into())),
    }
}

type DoneOn = std::collections::BTreeMap<crate::domain::Id, NaiveDate>;

/// The last entry the archive holds for the meeting, if it holds it.
fn archived_head(
    tx: &mut Transaction<'_>,
    meeting_id: &str,
) -> Result<Option<(i64, String)>, ArchiveError> {
    let row = tx.query_opt(
        "SELECT entries, last_hash FROM gavel.meetings WHERE meeting_id = $1 FOR UPDATE",
        &[&meeting_id],
    )?;
    Ok(row.map(|row| (row.get(0), row.get(1))))
}

fn write_meeting(
    tx: &mut Transaction<'_>,
    meeting_id: &str,
    record: &Record,
    ends: &Ends,
    path: &Path,
    pushed_by: &str,
) -> Result<(), ArchiveError> {
    let meeting = &record.meeting;
    let details = &meeting.details;
    let first_at =
        crate::store::projection::parse_ts(&ends.first.at).unwrap_or_else(crate::store::now);
    let held_on: NaiveDate = local_date(
        details,
        meeting
            .actual_start
            .or(details.planned_start)
            .unwrap_or(first_at),
    );
    let json = serde_json::to_value(record).map_err(|error| {
        ArchiveError::Refused(format!("the record cannot be written as JSON: {error}"))
    })?;
    let last_hash = ends.last.hash.as_str();
    let source = path.display().to_string();
    tx.execute(
        "INSERT INTO gavel.meetings (meeting_id, title, agency, superior_agency, venue, \
           meeting_date, status, minutes, approved_at, conclusion, entries, last_hash, record, \
           source_file, pushed_at, pushed_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now(), $15) \
         ON CONFLICT (meeting_id) DO UPDATE SET title = $2, agency = $3, superior_agency = $4, \
           venue = $5, meeting_date = $6, status = $7, minutes = $8, approved_at = $9, \
           conclusion = $10, entries = $11, last_hash = $12, record = $13, source_file = $14, \
           pushed_at = now(), pushed_by = $15",
        &[
            &meeting_id,
            &details.title,
            &details.agency,
            &details.superior_agency,
            &details.venue,
            &held_on,
            &meeting.status.as_str(),
            &meeting.minutes.as_str(),
            &meeting.approved_at,
            &meeting.conclusion,
            &(ends.last.seq as i64),
            &last_hash,
            &json,
            &source,
            &pushed_by,
        ],
    )?;
    Ok(())
}

/// The entries the archive lacks (after its copy's last entry `archived`,
/// its number and hash, up to the one the record was read at), by binary
/// COPY, read from the file one at a time
/// and checked link by link and hash by hash as they are read: the COPY
/// carries exactly the chain that was checked, and a large meeting's
/// 200,000 entries are never all in memory. An entry that does not verify
/// ends the push; the transaction, dropped, changes nothing.
fn copy_journal(
    tx: &mut Transaction<'_>,
    meeting_id: &str,
    store: &Store,
    archived: (u64, String),
    ends: &Ends,
) -> Result<(), ArchiveError> {
    let (already, mut prev) = archived;
    let sink = tx.copy_in(
        "COPY gavel.journal (meeting_id, seq, at, actor, role, kind, payload, before, \
         prev_hash, hash) FROM STDIN (FORMAT binary)",
    )?;
    let types = [
        Type::TEXT,
        Type::INT8,
        Type::TEXT,
        Type::TEXT,
        Type::TEXT,
        Type::TEXT,
        Type::TEXT,
        Type::TEXT,
        Type::TEXT,
        Type::TEXT,
    ];
    let mut writer = BinaryCopyInWriter::new(sink, &types);
    let mut next = already + 1;
    let mut failed: Option<ArchiveError> = None;
    let walked = journal::for_each_raw_after(store.connection(), already, |raw| {
        // Written by a console since the record was read: the next push.
        if raw.seq > ends.last.seq {
            return Ok(());
        }
        if raw.seq != next || raw.prev_hash != prev {
            failed = Some(ImportError::Unlinked { seq: raw.seq }.into());
        } else if raw.compute_hash() != raw.hash {
            failed = Some(ImportError::Altered { seq: raw.seq }.into());
        } else if let Err(error) = write_entry(&mut writer, meeting_id, &raw) {
            failed = Some(error.into());
        }
        if failed.is_some() {
            return Err("stopped".into());
        }
        next += 1;
        prev = raw.hash;
        Ok(())
    });
    if let Some(failed) = failed {
        return Err(failed);
    }
    walked.map_err(StoreError::from)?;
    if next != ends.last.seq + 1 || prev != ends.last.hash {
        return Err(ImportError::Unlinked { seq: next }.into());
    }
    writer.finish()?;
    Ok(())
}

fn write_entry(
    writer: &mut BinaryCopyInWriter<'_>,
    meeting_id: &str,
    entry: &RawEntry,
) -> Result<(), postgres::Error> {
    let seq = entry.seq as i64;
    writer.write(&[
        &meeting_id,
        &seq,
        &entry.at,
        &entry.actor,
        &entry.role,
        &entry.kind,
        &entry.payload,
        &entry.before,
        &entry.prev_hash,
        &entry.hash,
    ])
}

/// The record's rows, replaced by the file's.
fn replace_rows(
    tx: &mut Transaction<'_>,
    meeting_id: &str,
    record: &Record,
    done_on: &DoneOn,
) -> Result<(), ArchiveError> {
    for table in ["participants", "agenda_items", "issues", "actions"] {
        tx.execute(
            &format!("DELETE FROM gavel.{table} WHERE meeting_id = $1"),
            &[&meeting_id],
        )?;
    }
    let id = |id: u64| id as i64;
    let participants = tx.prepare(
        "INSERT INTO gavel.participants (meeting_id, id, name, organization, position, role, \
         attendance) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )?;
    for p in record.participants.values() {
        let row: [&(dyn ToSql + Sync); 7] = [
            &meeting_id,
            &id(p.id),
            &p.name,
            &p.organization,
            &p.position,
            &p.role.as_str(),
            &p.attendance.as_str(),
        ];
        tx.execute(&participants, &row)?;
    }
    let agenda = tx.prepare(
        "INSERT INTO gavel.agenda_items (meeting_id, id, position, title, presenter, \
         planned_minutes, status, started_at, ended_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )?;
    for item in record.agenda.values() {
        let row: [&(dyn ToSql + Sync); 9] = [
            &meeting_id,
            &id(item.id),
            &(item.position as i32),
            &item.title,
            &item.presenter,
            &(item.planned_minutes as i32),
            &item.status.as_str(),
            &item.started_at,
            &item.ended_at,
        ];
        tx.execute(&agenda, &row)?;
    }
    let issues = tx.prepare(
        "INSERT INTO gavel.issues (meeting_id, id, number, raised_by, raised_by_name, \
         organization, agenda_item, raised_at, source, category, field, procedure, text, \
         letter_number, letter_date, answer, disposition, reply_due, forward_due, escalated_to, \
         closing_ref, closed_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
         $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)",
    )?;
    for issue in record.issues.values() {
        let raiser = issue.raised_by.and_then(|p| record.participants.get(&p));
        let name = raiser.map(|p| p.name.as_str()).unwrap_or("");
        let organization = raiser.map(|p| p.affiliation()).unwrap_or("");
        let row: [&(dyn ToSql + Sync); 22] = [
            &meeting_id,
            &id(issue.id),
            &(issue.number as i32),
            &issue.raised_by.map(id),
            &name,
            &organization,
            &issue.agenda_item.map(id),
            &issue.raised_at,
            &issue.source.as_str(),
            &issue.category.as_str(),
            &issue.field,
            &issue.procedure,
            &issue.text,
            &issue.letter_number,
            &issue.letter_date,
            &issue.answer,
            &issue.disposition.as_str(),
            &issue.reply_due,
            &issue.forward_due,
            &issue.escalated_to,
            &issue.closing_ref,
            &issue.closed_on,
        ];
        tx.execute(&issues, &row)?;
    }
    let actions = tx.prepare(
        "INSERT INTO gavel.actions (meeting_id, id, title, owner, issue, due, status, \
         completion_ref, done_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )?;
    for action in record.actions.values() {
        let done = done_on.get(&action.id);
        let row: [&(dyn ToSql + Sync); 9] = [
            &meeting_id,
            &id(action.id),
            &action.title,
            &action.owner,
            &action.issue.map(id),
            &action.due,
            &action.status.as_str(),
            &action.completion_ref,
            &done,
        ];
        tx.execute(&actions, &row)?;
    }
    Ok(())
}
