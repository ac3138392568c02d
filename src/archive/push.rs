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
    let (entries, store, done_on) = read_verified(path)?;
    let record = store.record();
    let Some(first) = entries.first() else {
        return Err(ArchiveError::Refused("the journal is empty".into()));
    };
    let meeting_id = first.hash.clone();
    let mut tx = client.transaction()?;
    // Two pushes of the same meeting at once: one waits for the other.
    tx.execute("SELECT pg_advisory_xact_lock(hashtext($1))", &[&meeting_id])?;
    let held = archived_head(&mut tx, &meeting_id)?;
    let new = held.is_none();
    let already = match held {
        None => 0,
        Some((seq, hash)) => {
            let same = usize::try_from(seq)
                .ok()
                .and_then(|seq| seq.checked_sub(1))
                .and_then(|index| entries.get(index))
                .is_some_and(|entry| entry.hash == hash);
            if !same {
                return Err(ArchiveError::Diverged { seq });
            }
            seq as usize
        }
    };
    if already == entries.len() {
        // The record is a function of the journal: the same journal, the
        // same rows. Only who pushed, from where and when is new.
        tx.execute(
            "UPDATE gavel.meetings SET source_file = $2, pushed_at = now(), pushed_by = $3 \
             WHERE meeting_id = $1",
            &[&meeting_id, &path.display().to_string(), &pushed_by],
        )?;
    } else {
        write_meeting(&mut tx, &meeting_id, record, &entries, path, pushed_by)?;
        copy_journal(&mut tx, &meeting_id, &entries[already..])?;
        replace_rows(&mut tx, &meeting_id, record, &done_on)?;
    }
    tx.commit()?;
    Ok(Pushed {
        meeting_id,
        title: record.meeting.details.title.clone(),
        added: (entries.len() - already) as u64,
        entries: entries.len() as u64,
        new,
    })
}

/// The file's journal and record, verified, with the day each action done
/// was marked so (which the journal tells). The file passes its check (its
/// integrity, the hash chain, the tables equal to the journal replayed,
/// times in order); the entries then read for the archive, up to the one
/// the record was read at, are checked link by link and hash by hash as
/// they are read, so the COPY carries exactly the chain that was checked.
fn read_verified(path: &Path) -> Result<(Vec<RawEntry>, Store, DoneOn), ArchiveError> {
    let mut store = Store::open(path, OpenOptions::reader("gavel-archive"))?;
    store.poll()?;
    store.verify()?;
    let last = store.record().last_seq;
    let mut entries = Vec::with_capacity(last as usize);
    let mut broken = None;
    journal::for_each_raw_after(store.connection(), 0, |raw| {
        // Written by a console since the record was read: the next push.
        if raw.seq > last || broken.is_some() {
            return Ok(());
        }
        let prev = entries
            .last()
            .map_or(GENESIS, |e: &RawEntry| e.hash.as_str());
        if raw.seq != entries.len() as u64 + 1 || raw.prev_hash != prev {
            broken = Some(ImportError::Unlinked { seq: raw.seq });
        } else if raw.compute_hash() != raw.hash {
            broken = Some(ImportError::Altered { seq: raw.seq });
        } else {
            entries.push(raw);
        }
        Ok(())
    })
    .map_err(StoreError::from)?;
    if let Some(broken) = broken {
        return Err(broken.into());
    }
    if entries.len() as u64 != last {
        return Err(ImportError::Unlinked {
            seq: entries.len() as u64 + 1,
        }
        .into());
    }
    let done_on = action_done_dates(&store)?;
    Ok((entries, store, done_on))
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
    entries: &[RawEntry],
    path: &Path,
    pushed_by: &str,
) -> Result<(), ArchiveError> {
    let meeting = &record.meeting;
    let details = &meeting.details;
    let first_at = entries
        .first()
        .and_then(|entry| crate::store::projection::parse_ts(&entry.at))
        .unwrap_or_else(crate::store::now);
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
    let last_hash = entries.last().map(|e| e.hash.as_str()).unwrap_or("");
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
            &(entries.len() as i64),
            &last_hash,
            &json,
            &source,
            &pushed_by,
        ],
    )?;
    Ok(())
}

/// The entries the archive lacks, by binary COPY (a large meeting's
/// journal is 200,000 rows).
fn copy_journal(
    tx: &mut Transaction<'_>,
    meeting_id: &str,
    entries: &[RawEntry],
) -> Result<(), ArchiveError> {
    if entries.is_empty() {
        return Ok(());
    }
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
    for entry in entries {
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
        ])?;
    }
    writer.finish()?;
    Ok(())
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
