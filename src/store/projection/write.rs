//! Writing the projection tables: the row of one entity as the record now
//! has it, in the same transaction as the journal entry that changed it.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::timestamps::format_ts;
use crate::domain::*;

fn opt_ts(at: &Option<Timestamp>) -> Option<String> {
    at.as_ref().map(format_ts)
}

fn opt_date(day: &Option<NaiveDate>) -> Option<String> {
    day.map(|d| d.to_string())
}

/// Writes the row of one entity as the record now has it, or deletes it when
/// the entity no longer exists (after an undo of its creation).
pub fn write_entity(conn: &Connection, record: &Record, entity: EntityRef) -> rusqlite::Result<()> {
    match entity {
        EntityRef::Meeting => write_meeting(conn, &record.meeting),
        EntityRef::Participant(id) => match record.participants.get(&id) {
            Some(p) => write_participant(conn, p),
            None => delete(conn, "participants", id),
        },
        EntityRef::AgendaItem(id) => match record.agenda.get(&id) {
            Some(item) => write_agenda_item(conn, item),
            None => delete(conn, "agenda_items", id),
        },
        EntityRef::Request(id) => match record.requests.get(&id) {
            Some(r) => write_request(conn, r),
            None => delete(conn, "speaker_requests", id),
        },
        EntityRef::Issue(id) => match record.issues.get(&id) {
            Some(issue) => write_issue(conn, issue),
            None => delete(conn, "issues", id),
        },
        EntityRef::Action(id) => match record.actions.get(&id) {
            Some(action) => write_action(conn, action),
            None => delete(conn, "actions", id),
        },
    }
}

fn delete(conn: &Connection, table: &str, id: Id) -> rusqlite::Result<()> {
    conn.prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))?
        .execute([id])?;
    Ok(())
}

fn write_meeting(conn: &Connection, m: &Meeting) -> rusqlite::Result<()> {
    let d = &m.details;
    let holidays = serde_json::to_string(&d.holidays).map_err(to_sql_error)?;
    let make_up_days = serde_json::to_string(&d.make_up_days).map_err(to_sql_error)?;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO meeting (id, title, superior_agency, agency, chair, secretary, venue,
            place, planned_start, legal_basis, doc_number, utc_offset_minutes, speaking_seconds,
            reply_working_days, holidays, status, actual_start, actual_end, minutes, approved_at,
            approved_by, approved_seq, queue_closed, chair_id, secretary_id, conclusion,
            conclusion_rev, rev, forward_working_days, make_up_days)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)",
    )?
    .execute(params![
        d.title,
        d.superior_agency,
        d.agency,
        d.chair,
        d.secretary,
        d.venue,
        d.place,
        opt_ts(&d.planned_start),
        d.legal_basis,
        d.doc_number,
        d.utc_offset_minutes,
        d.speaking_seconds,
        d.reply_working_days,
        holidays,
        m.status.as_str(),
        opt_ts(&m.actual_start),
        opt_ts(&m.actual_end),
        m.minutes.as_str(),
        opt_ts(&m.approved_at),
        m.approved_by,
        m.approved_seq,
        m.queue_closed,
        d.chair_id,
        d.secretary_id,
        m.conclusion,
        m.conclusion_rev,
        m.rev,
        d.forward_working_days,
        make_up_days,
    ])?;
    Ok(())
}

fn write_participant(conn: &Connection, p: &Participant) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO participants (id, name, organization, position, role, honorific,
            contact, attendance, members, representatives, rev)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        p.id,
        p.name,
        p.organization,
        p.position,
        p.role.as_str(),
        p.honorific.map(Honorific::as_str),
        p.contact,
        p.attendance.as_str(),
        p.members,
        p.representatives,
        p.rev
    ])?;
    Ok(())
}

fn write_agenda_item(conn: &Connection, item: &AgendaItem) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO agenda_items (id, position, title, planned_minutes, presenter,
            status, started_at, ended_at, queue_closed, notes, notes_rev, rev)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        item.id,
        item.position,
        item.title,
        item.planned_minutes,
        item.presenter,
        item.status.as_str(),
        opt_ts(&item.started_at),
        opt_ts(&item.ended_at),
        item.queue_closed,
        item.notes,
        item.notes_rev,
        item.rev
    ])?;
    Ok(())
}

fn write_request(conn: &Connection, r: &SpeakerRequest) -> rusqlite::Result<()> {
    let pauses = serde_json::to_string(&r.pauses).map_err(to_sql_error)?;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO speaker_requests (id, participant_id, agenda_item_id, requested_at,
            kind, status, topic, limit_seconds, added_seconds, started_at, ended_at, pauses, rev)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        r.id,
        r.participant,
        r.agenda_item,
        format_ts(&r.requested_at),
        r.kind.as_str(),
        r.status.as_str(),
        r.topic,
        r.limit_seconds,
        r.added_seconds,
        opt_ts(&r.started_at),
        opt_ts(&r.ended_at),
        pauses,
        r.rev
    ])?;
    Ok(())
}

fn write_issue(conn: &Connection, i: &Issue) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO issues (id, number, raised_by, agenda_item_id, raised_at, source,
            category, field, procedure, text, letter_number, letter_date, answer, answered_by,
            disposition, reply_due, escalated_to, closing_ref, closed_on, rev, forward_due)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21)",
    )?
    .execute(params![
        i.id,
        i.number,
        i.raised_by,
        i.agenda_item,
        format_ts(&i.raised_at),
        i.source.as_str(),
        i.category.as_str(),
        i.field,
        i.procedure,
        i.text,
        i.letter_number,
        opt_date(&i.letter_date),
        i.answer,
        i.answered_by,
        i.disposition.as_str(),
        opt_date(&i.reply_due),
        i.escalated_to,
        i.closing_ref,
        opt_date(&i.closed_on),
        i.rev,
        opt_date(&i.forward_due),
    ])?;
    Ok(())
}

fn write_action(conn: &Connection, a: &Action) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO actions (id, title, owner, issue_id, due, status, completion_ref, rev)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        a.id,
        a.title,
        a.owner,
        a.issue,
        opt_date(&a.due),
        a.status.as_str(),
        a.completion_ref,
        a.rev
    ])?;
    Ok(())
}

fn to_sql_error(error: serde_json::Error) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(Box::new(error))
}
