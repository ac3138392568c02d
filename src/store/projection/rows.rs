//! Reading the rows of the projection tables: a row read by column name,
//! the columns of each table, and one entity made from each row.

use chrono::NaiveDate;
use rusqlite::types::Type;
use rusqlite::{Connection, Row};

use super::timestamps::parse_ts;
use crate::domain::*;

/// A row read by column name, without asking SQLite for the names on every
/// access (that lookup was most of the time of opening a large meeting).
pub(super) struct Cols<'a> {
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

pub(super) const MEETING: &[&str] = &[
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
    "chair_id",
    "secretary_id",
    "conclusion",
    "conclusion_rev",
    "rev",
    "forward_working_days",
    "make_up_days",
];
pub(super) const PARTICIPANT: &[&str] = &[
    "id",
    "name",
    "organization",
    "position",
    "role",
    "honorific",
    "contact",
    "attendance",
    "members",
    "representatives",
    "rev",
];
pub(super) const AGENDA_ITEM: &[&str] = &[
    "id",
    "position",
    "title",
    "planned_minutes",
    "presenter",
    "status",
    "started_at",
    "ended_at",
    "queue_closed",
    "notes",
    "notes_rev",
    "rev",
];
pub(super) const REQUEST: &[&str] = &[
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
pub(super) const ISSUE: &[&str] = &[
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
    "letter_number",
    "letter_date",
    "answer",
    "answered_by",
    "disposition",
    "reply_due",
    "escalated_to",
    "closing_ref",
    "closed_on",
    "rev",
    "forward_due",
];
pub(super) const ACTION: &[&str] = &[
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
pub(super) fn load_table<T>(
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

pub(super) fn read_meeting(row: &Cols) -> rusqlite::Result<Meeting> {
    let holidays: String = row.get("holidays")?;
    let make_up_days: String = row.get("make_up_days")?;
    Ok(Meeting {
        details: MeetingDetails {
            title: row.get("title")?,
            superior_agency: row.get("superior_agency")?,
            agency: row.get("agency")?,
            chair: row.get("chair")?,
            secretary: row.get("secretary")?,
            chair_id: row.get("chair_id")?,
            secretary_id: row.get("secretary_id")?,
            venue: row.get("venue")?,
            place: row.get("place")?,
            planned_start: ts_opt(row, "planned_start")?,
            legal_basis: row.get("legal_basis")?,
            doc_number: row.get("doc_number")?,
            utc_offset_minutes: row.get("utc_offset_minutes")?,
            speaking_seconds: row.get("speaking_seconds")?,
            reply_working_days: row.get("reply_working_days")?,
            forward_working_days: row.get("forward_working_days")?,
            holidays: json_column(&holidays, "holidays")?,
            make_up_days: json_column(&make_up_days, "make_up_days")?,
        },
        status: enum_column(row, "status", MeetingStatus::parse)?,
        actual_start: ts_opt(row, "actual_start")?,
        actual_end: ts_opt(row, "actual_end")?,
        minutes: enum_column(row, "minutes", MinutesState::parse)?,
        approved_at: ts_opt(row, "approved_at")?,
        approved_by: row.get("approved_by")?,
        approved_seq: row.get("approved_seq")?,
        queue_closed: row.get("queue_closed")?,
        conclusion: row.get("conclusion")?,
        conclusion_rev: row.get("conclusion_rev")?,
        rev: row.get("rev")?,
    })
}

pub(super) fn read_participant(row: &Cols) -> rusqlite::Result<Participant> {
    Ok(Participant {
        id: row.get("id")?,
        name: row.get("name")?,
        organization: row.get("organization")?,
        position: row.get("position")?,
        role: enum_column(row, "role", ParticipantRole::parse)?,
        honorific: optional_enum_column(row, "honorific", Honorific::parse)?,
        contact: row.get("contact")?,
        attendance: enum_column(row, "attendance", Attendance::parse)?,
        members: row.get("members")?,
        representatives: row.get("representatives")?,
        rev: row.get("rev")?,
    })
}

pub(super) fn read_agenda_item(row: &Cols) -> rusqlite::Result<AgendaItem> {
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
        notes: row.get("notes")?,
        notes_rev: row.get("notes_rev")?,
        rev: row.get("rev")?,
    })
}

pub(super) fn read_request(row: &Cols) -> rusqlite::Result<SpeakerRequest> {
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

pub(super) fn read_issue(row: &Cols) -> rusqlite::Result<Issue> {
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
        letter_number: row.get("letter_number")?,
        letter_date: date_opt(row, "letter_date")?,
        answer: row.get("answer")?,
        answered_by: row.get("answered_by")?,
        disposition: enum_column(row, "disposition", Disposition::parse)?,
        reply_due: date_opt(row, "reply_due")?,
        forward_due: date_opt(row, "forward_due")?,
        escalated_to: row.get("escalated_to")?,
        closing_ref: row.get("closing_ref")?,
        closed_on: date_opt(row, "closed_on")?,
        rev: row.get("rev")?,
    })
}

pub(super) fn read_action(row: &Cols) -> rusqlite::Result<Action> {
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

fn enum_column<T>(row: &Cols, column: &str, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text = row.text(column)?.unwrap_or_default();
    parse(text).ok_or_else(|| bad_column(column, format!("unknown value {text:?}")))
}

fn optional_enum_column<T>(
    row: &Cols,
    column: &str,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<Option<T>> {
    row.text(column)?
        .map(|text| {
            parse(text).ok_or_else(|| bad_column(column, format!("unknown value {text:?}")))
        })
        .transpose()
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
