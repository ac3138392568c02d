//! Loading the record from the projection tables (not the journal), on one
//! thread or, for a large meeting, on two.

use rusqlite::Connection;

use super::rows::{
    ACTION, AGENDA_ITEM, ISSUE, MEETING, PARTICIPANT, REQUEST, load_table, read_action,
    read_agenda_item, read_issue, read_meeting, read_participant, read_request,
};
use crate::domain::*;

/// Reads the whole record from the projection tables (not the journal).
pub fn load_record(conn: &Connection) -> rusqlite::Result<Record> {
    // One snapshot for every table: the caller's, if it holds one.
    if !conn.is_autocommit() {
        return load_every_table(conn);
    }
    let tx = conn.unchecked_transaction()?;
    load_every_table(&tx)
}

fn load_every_table(conn: &Connection) -> rusqlite::Result<Record> {
    let mut record = load_all_but_requests(conn)?;
    record.requests = load_table(conn, "speaker_requests", REQUEST, read_request, "", 0)?;
    record.reindex();
    Ok(record)
}

/// `load_record` on two cores: the speaker requests (most of a large
/// meeting's rows) are read half here and half on a second connection that
/// `open_second` makes. Both read transactions must see the same journal
/// entry last; otherwise (a write came in between) it reads again, alone.
pub fn load_record_on_two_threads(
    conn: &Connection,
    open_second: impl FnOnce() -> rusqlite::Result<Connection> + Send,
) -> rusqlite::Result<Record> {
    // A second thread only pays for itself on a large meeting.
    let requests: u64 =
        conn.query_row("SELECT count(*) FROM speaker_requests", [], |r| r.get(0))?;
    if requests < 10_000 {
        return load_record(conn);
    }
    let split: Id = conn.query_row(
        "SELECT id FROM speaker_requests ORDER BY id LIMIT 1 OFFSET ?1",
        [requests / 2],
        |r| r.get(0),
    )?;
    let (mut record, parts, upper_seq) = std::thread::scope(|scope| -> rusqlite::Result<_> {
        let upper = scope.spawn(move || -> rusqlite::Result<_> {
            let second = open_second()?;
            let tx = second.unchecked_transaction()?;
            let last_seq = last_seq(&tx)?;
            let requests = load_table(
                &tx,
                "speaker_requests",
                REQUEST,
                read_request,
                "WHERE id >= ?1",
                split,
            )?;
            let index = RequestIndex::of(requests.values());
            Ok((last_seq, requests, index))
        });
        let tx = conn.unchecked_transaction()?;
        let mut record = load_all_but_requests(&tx)?;
        record.requests = load_table(
            &tx,
            "speaker_requests",
            REQUEST,
            read_request,
            "WHERE id < ?1",
            split,
        )?;
        let lower_index = RequestIndex::of(record.requests.values());
        drop(tx);
        let (upper_seq, mut upper_requests, upper_index) = upper.join().map_err(|_| {
            rusqlite::Error::ToSqlConversionFailure("the second loading thread failed".into())
        })??;
        record.requests.append(&mut upper_requests);
        Ok((record, vec![lower_index, upper_index], upper_seq))
    })?;
    if upper_seq != record.last_seq {
        return load_record(conn);
    }
    record.reindex_with(parts);
    Ok(record)
}

fn last_seq(conn: &Connection) -> rusqlite::Result<Seq> {
    conn.query_row("SELECT coalesce(max(seq), 0) FROM journal", [], |r| {
        r.get(0)
    })
}

/// Everything but the speaker requests, inside the caller's transaction.
fn load_all_but_requests(conn: &Connection) -> rusqlite::Result<Record> {
    let mut record = Record::default();
    record.last_seq = last_seq(conn)?;
    if let Some(meeting) = load_table(conn, "meeting", MEETING, read_meeting, "", 0)?
        .into_values()
        .next()
    {
        record.meeting = meeting;
    }
    record.participants = load_table(conn, "participants", PARTICIPANT, read_participant, "", 0)?;
    record.agenda = load_table(conn, "agenda_items", AGENDA_ITEM, read_agenda_item, "", 0)?;
    record.issues = load_table(conn, "issues", ISSUE, read_issue, "", 0)?;
    record.actions = load_table(conn, "actions", ACTION, read_action, "", 0)?;
    Ok(record)
}
