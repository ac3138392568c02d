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
    let tx = conn.unchecked_transaction()?; // one snapshot for every table
    let mut record = load_all_but_requests(&tx)?;
    record.requests = load_table(&tx, "speaker_requests", REQUEST, read_request, "", 0)?;
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

/// A row read by column name, without asking SQLite for the names on every
/// access (that lookup was most of the time of opening a large meeting).
struct Cols<'a> {
    row: &'a Row<'a>,
    names: &'static [&'static str],
    /// Readers ask for the columns in the list's order: try the next one
    /// first.
    next: std::cell::Cell<usize>,
}

impl Cols<'_> {
    fn index(&self, name: &str) -> rusqlite::Result<usize> {
        let guess = self.next.get();
        let index = if self.names.get(guess) == Some(&name) {
            guess
        } else {
            self.names
                .iter()
                .position(|n| *n == name)
                .ok_or_else(|| rusqlite::Error::InvalidColumnName(name.to_string()))?
        };
        self.next.set(index + 1);
        Ok(index)
    }

    fn get<T: rusqlite::types::FromSql>(&self, name: &str) -> rusqlite::Result<T> {
        self.row.get(self.index(name)?)
    }

    /// A text column without copying it (`None` for NULL).
    fn text(&self, name: &str) -> rusqlite::Result<Option<&str>> {
        let index = self.index(name)?;
        match self.row.get_ref(index)? {
            rusqlite::types::ValueRef::Null => Ok(None),
            value => value.as_str().map(Some).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e))
            }),
        }
    }
}

const MEETING: &[&str] = &[
    "id",
    "title",
    "superior_agency",
    "agency",
    "chair",
    "secretary",
    "venue",
    "place",
    "planned_start",
    "legal_basis",
    "doc_number",
    "utc_offset_minutes",
    "speaking_seconds",
    "reply_working_days",
    "holidays",
    "status",
    "actual_start",
    "actual_end",
    "minutes",
    "approved_at",
    "approved_by",
    "approved_seq",
    "queue_closed",
    "rev",
];
const PARTICIPANT: &[&str] = &[
    "id",
    "name",
    "organization",
    "role",
    "contact",
    "attendance",
    "rev",
];
const AGENDA_ITEM: &[&str] = &[
    "id",
    "position",
    "title",
    "planned_minutes",
    "presenter",
    "status",
    "started_at",
    "ended_at",
    "queue_closed",
    "rev",
];
const REQUEST: &[&str] = &[
    "id",
    "participant_id",
    "agenda_item_id",
    "requested_at",
    "kind",
    "status",
    "topic",
    "limit_seconds",
    "added_seconds",
    "started_at",
    "ended_at",
    "pauses",
    "rev",
];
const ISSUE: &[&str] = &[
    "id",
    "number",
    "raised_by",
    "agenda_item_id",
    "raised_at",
    "source",
    "category",
    "field",
    "procedure",
    "text",
    "answer",
    "disposition",
    "reply_due",
    "escalated_to",
    "closing_ref",
    "closed_on",
    "rev",
];
const ACTION: &[&str] = &[
    "id",
    "title",
    "owner",
    "issue_id",
    "due",
    "status",
    "completion_ref",
    "rev",
];

/// The rows of a projection table, by id (`names` lists the columns read,
/// "id" first; `filter` is a WHERE clause over `?1 = bound`, or empty).
fn load_table<T>(
    conn: &Connection,
    table: &str,
    names: &'static [&'static str],
    read: fn(&Cols) -> rusqlite::Result<T>,
    filter: &str,
    bound: Id,
) -> rusqlite::Result<std::collections::BTreeMap<Id, T>> {
    let sql = format!(
        "SELECT {} FROM {table} {filter} ORDER BY id",
        names.join(", ")
    );
    let mut statement = conn.prepare(&sql)?;
    let mut rows = if filter.is_empty() {
        statement.query([])?
    } else {
        statement.query([bound])?
    };
    // Straight into the map, in id order: no intermediate list to sort.
    let mut map = std::collections::BTreeMap::new();
    while let Some(row) = rows.next()? {
        let cols = Cols {
            row,
            names,
            next: std::cell::Cell::new(0),
        };
        map.insert(row.get::<_, Id>(0)?, read(&cols)?);
    }
    Ok(map)
}

fn read_meeting(row: &Cols) -> rusqlite::Result<Meeting> {
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

fn read_participant(row: &Cols) -> rusqlite::Result<Participant> {
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

fn read_agenda_item(row: &Cols) -> rusqlite::Result<AgendaItem> {
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

fn read_request(row: &Cols) -> rusqlite::Result<SpeakerRequest> {
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
        pauses: json_column(row.text("pauses")?.unwrap_or("[]"), "pauses")?,
        rev: row.get("rev")?,
    })
}

fn read_issue(row: &Cols) -> rusqlite::Result<Issue> {
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

fn read_action(row: &Cols) -> rusqlite::Result<Action> {
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

fn enum_column<T>(row: &Cols, column: &str, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text = row.text(column)?.unwrap_or_default();
    parse(text).ok_or_else(|| bad_column(column, format!("unknown value {text:?}")))
}

fn json_column<T: serde::de::DeserializeOwned + Default>(
    text: &str,
    column: &str,
) -> rusqlite::Result<T> {
    // Most lists are empty: no need to run the JSON parser for "[]".
    if text == "[]" {
        return Ok(T::default());
    }
    serde_json::from_str(text).map_err(|e| bad_column(column, e))
}

fn ts(row: &Cols, column: &str) -> rusqlite::Result<Timestamp> {
    let text = row.text(column)?.unwrap_or_default();
    parse_ts(text).ok_or_else(|| bad_column(column, format!("bad time {text:?}")))
}

/// Reads a time as gavel writes it ("2026-02-05T01:00:00.000Z") quickly,
/// and any other RFC 3339 time the general way.
pub fn parse_ts(text: &str) -> Option<Timestamp> {
    parse_ts_millis_z(text).or_else(|| {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    })
}

/// The fixed form `format_ts` writes; `None` for anything else. (Opening a
/// large meeting parses a few hundred thousand of these.)
fn parse_ts_millis_z(text: &str) -> Option<Timestamp> {
    let b = text.as_bytes();
    if b.len() != 24
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'.'
        || b[23] != b'Z'
    {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let date = NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)?;
    let time = date.and_hms_milli_opt(
        number(11..13)?,
        number(14..16)?,
        number(17..19)?,
        number(20..23)?,
    )?;
    Some(time.and_utc())
}

fn ts_opt(row: &Cols, column: &str) -> rusqlite::Result<Option<Timestamp>> {
    row.text(column)?
        .map(|t| parse_ts(t).ok_or_else(|| bad_column(column, format!("bad time {t:?}"))))
        .transpose()
}

fn date_opt(row: &Cols, column: &str) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(column)?;
    text.map(|t| t.parse().map_err(|e| bad_column(column, e)))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_back_exactly_by_the_quick_and_the_general_way() {
        let at = DateTime::parse_from_rfc3339("2026-02-05T01:02:03.456Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(parse_ts(&format_ts(&at)), Some(at));
        assert_eq!(parse_ts_millis_z("2026-02-05T01:02:03.456Z"), Some(at));
        assert_eq!(parse_ts("2026-02-05T08:02:03.456+07:00"), Some(at));
        assert_eq!(parse_ts_millis_z("2026-02-30T01:02:03.456Z"), None);
        assert_eq!(parse_ts_millis_z("2026-02-05T01:02:03.4x6Z"), None);
        assert_eq!(parse_ts("nonsense"), None);
    }
}
