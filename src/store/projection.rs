//! The projection tables: one row per entity of the record, written in the
//! same transaction as the journal entry that changed it, and read back
//! whole when a meeting is opened.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::types::Type;
use rusqlite::{Connection, Row, params};

use crate::domain::*;

pub fn format_ts(at: &Timestamp) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

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
    conn.prepare_cached(
        "INSERT OR REPLACE INTO meeting (id, title, superior_agency, agency, chair, secretary, venue,
            place, planned_start, legal_basis, doc_number, utc_offset_minutes, speaking_seconds,
            reply_working_days, holidays, status, actual_start, actual_end, minutes, approved_at,
            approved_by, approved_seq, queue_closed, rev)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20, ?21, ?22, ?23)",
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
        m.rev,
    ])?;
    Ok(())
}

fn write_participant(conn: &Connection, p: &Participant) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO participants (id, name, organization, role, contact, attendance, rev)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        p.id,
        p.name,
        p.organization,
        p.role.as_str(),
        p.contact,
        p.attendance.as_str(),
        p.rev
    ])?;
    Ok(())
}

fn write_agenda_item(conn: &Connection, item: &AgendaItem) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO agenda_items (id, position, title, planned_minutes, presenter,
            status, started_at, ended_at, queue_closed, rev)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
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
            category, field, procedure, text, answer, disposition, reply_due, escalated_to,
            closing_ref, closed_on, rev)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
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
        i.answer,
        i.disposition.as_str(),
        opt_date(&i.reply_due),
        i.escalated_to,
        i.closing_ref,
        opt_date(&i.closed_on),
        i.rev
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

/// Reads the whole record from the projection tables (not the journal).
pub fn load_record(conn: &Connection) -> rusqlite::Result<Record> {
    let mut record = Record {
        last_seq: conn.query_row("SELECT coalesce(max(seq), 0) FROM journal", [], |r| {
            r.get(0)
        })?,
        ..Record::default()
    };
    if let Some(meeting) = conn
        .prepare("SELECT * FROM meeting WHERE id = 1")?
        .query_map([], read_meeting)?
        .next()
    {
        record.meeting = meeting?;
    }
    record.participants = load_table(conn, "participants", read_participant)?;
    record.agenda = load_table(conn, "agenda_items", read_agenda_item)?;
    record.requests = load_table(conn, "speaker_requests", read_request)?;
    record.issues = load_table(conn, "issues", read_issue)?;
    record.actions = load_table(conn, "actions", read_action)?;
    record.reindex();
    Ok(record)
}

fn load_table<T>(
    conn: &Connection,
    table: &str,
    read: fn(&Row) -> rusqlite::Result<T>,
) -> rusqlite::Result<std::collections::BTreeMap<Id, T>> {
    let mut statement = conn.prepare(&format!("SELECT * FROM {table} ORDER BY id"))?;
    let rows = statement.query_map([], |row| Ok((row.get::<_, Id>("id")?, read(row)?)))?;
    rows.collect()
}

fn read_meeting(row: &Row) -> rusqlite::Result<Meeting> {
    let holidays: String = row.get("holidays")?;
    Ok(Meeting {
        details: MeetingDetails {
            title: row.get("title")?,
            superior_agency: row.get("superior_agency")?,
            agency: row.get("agency")?,
            chair: row.get("chair")?,
            secretary: row.get("secretary")?,
            venue: row.get("venue")?,
            place: row.get("place")?,
            planned_start: ts_opt(row, "planned_start")?,
            legal_basis: row.get("legal_basis")?,
            doc_number: row.get("doc_number")?,
            utc_offset_minutes: row.get("utc_offset_minutes")?,
            speaking_seconds: row.get("speaking_seconds")?,
            reply_working_days: row.get("reply_working_days")?,
            holidays: json_column(&holidays, "holidays")?,
        },
        status: enum_column(row, "status", MeetingStatus::parse)?,
        actual_start: ts_opt(row, "actual_start")?,
        actual_end: ts_opt(row, "actual_end")?,
        minutes: enum_column(row, "minutes", MinutesState::parse)?,
        approved_at: ts_opt(row, "approved_at")?,
        approved_by: row.get("approved_by")?,
        approved_seq: row.get("approved_seq")?,
        queue_closed: row.get("queue_closed")?,
        rev: row.get("rev")?,
    })
}

fn read_participant(row: &Row) -> rusqlite::Result<Participant> {
    Ok(Participant {
        id: row.get("id")?,
        name: row.get("name")?,
        organization: row.get("organization")?,
        role: enum_column(row, "role", ParticipantRole::parse)?,
        contact: row.get("contact")?,
        attendance: enum_column(row, "attendance", Attendance::parse)?,
        rev: row.get("rev")?,
    })
}

fn read_agenda_item(row: &Row) -> rusqlite::Result<AgendaItem> {
    Ok(AgendaItem {
        id: row.get("id")?,
        position: row.get("position")?,
        title: row.get("title")?,
        planned_minutes: row.get("planned_minutes")?,
        presenter: row.get("presenter")?,
        status: enum_column(row, "status", AgendaStatus::parse)?,
        started_at: ts_opt(row, "started_at")?,
        ended_at: ts_opt(row, "ended_at")?,
        queue_closed: row.get("queue_closed")?,
        rev: row.get("rev")?,
    })
}

fn read_request(row: &Row) -> rusqlite::Result<SpeakerRequest> {
    let pauses: String = row.get("pauses")?;
    Ok(SpeakerRequest {
        id: row.get("id")?,
        participant: row.get("participant_id")?,
        agenda_item: row.get("agenda_item_id")?,
        requested_at: ts(row, "requested_at")?,
        kind: enum_column(row, "kind", RequestKind::parse)?,
        status: enum_column(row, "status", RequestStatus::parse)?,
        topic: row.get("topic")?,
        limit_seconds: row.get("limit_seconds")?,
        added_seconds: row.get("added_seconds")?,
        started_at: ts_opt(row, "started_at")?,
        ended_at: ts_opt(row, "ended_at")?,
        pauses: json_column(&pauses, "pauses")?,
        rev: row.get("rev")?,
    })
}

fn read_issue(row: &Row) -> rusqlite::Result<Issue> {
    Ok(Issue {
        id: row.get("id")?,
        number: row.get("number")?,
        raised_by: row.get("raised_by")?,
        agenda_item: row.get("agenda_item_id")?,
        raised_at: ts(row, "raised_at")?,
        source: enum_column(row, "source", IssueSource::parse)?,
        category: enum_column(row, "category", IssueCategory::parse)?,
        field: row.get("field")?,
        procedure: row.get("procedure")?,
        text: row.get("text")?,
        answer: row.get("answer")?,
        disposition: enum_column(row, "disposition", Disposition::parse)?,
        reply_due: date_opt(row, "reply_due")?,
        escalated_to: row.get("escalated_to")?,
        closing_ref: row.get("closing_ref")?,
        closed_on: date_opt(row, "closed_on")?,
        rev: row.get("rev")?,
    })
}

fn read_action(row: &Row) -> rusqlite::Result<Action> {
    Ok(Action {
        id: row.get("id")?,
        title: row.get("title")?,
        owner: row.get("owner")?,
        issue: row.get("issue_id")?,
        due: date_opt(row, "due")?,
        status: enum_column(row, "status", ActionStatus::parse)?,
        completion_ref: row.get("completion_ref")?,
        rev: row.get("rev")?,
    })
}

fn bad_column(column: &str, problem: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        Type::Text,
        format!("column {column}: {problem}").into(),
    )
}

fn to_sql_error(error: serde_json::Error) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(Box::new(error))
}

fn enum_column<T>(row: &Row, column: &str, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = row.get(column)?;
    parse(&text).ok_or_else(|| bad_column(column, format!("unknown value {text:?}")))
}

fn json_column<T: serde::de::DeserializeOwned>(text: &str, column: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| bad_column(column, e))
}

fn ts(row: &Row, column: &str) -> rusqlite::Result<Timestamp> {
    let text: String = row.get(column)?;
    parse_ts(&text).ok_or_else(|| bad_column(column, format!("bad time {text:?}")))
}

pub fn parse_ts(text: &str) -> Option<Timestamp> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn ts_opt(row: &Row, column: &str) -> rusqlite::Result<Option<Timestamp>> {
    let text: Option<String> = row.get(column)?;
    text.map(|t| parse_ts(&t).ok_or_else(|| bad_column(column, format!("bad time {t:?}"))))
        .transpose()
}

fn date_opt(row: &Row, column: &str) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(column)?;
    text.map(|t| t.parse().map_err(|e| bad_column(column, e)))
        .transpose()
}
