//! The archive read back: each meeting's record as pushed, for the
//! register and the period reports (`gavel register --archive URL`), which
//! then count exactly as they count the files.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use postgres::Client;

use super::ArchiveError;
use crate::domain::{Id, Record};

/// One archived meeting: the file it was pushed from, its record, and the
/// day each action done was marked so.
pub struct Archived {
    /// The meeting's identity: the hash of its first journal entry.
    pub meeting_id: String,
    pub source: String,
    pub record: Record,
    pub done_on: BTreeMap<Id, NaiveDate>,
}

/// Every meeting in the archive, oldest first.
pub fn meetings(client: &mut Client) -> Result<Vec<Archived>, ArchiveError> {
    let mut done: BTreeMap<String, BTreeMap<Id, NaiveDate>> = BTreeMap::new();
    for row in client.query(
        "SELECT meeting_id, id, done_on FROM gavel.actions WHERE done_on IS NOT NULL",
        &[],
    )? {
        let id: i64 = row.get(1);
        done.entry(row.get(0))
            .or_default()
            .insert(id as Id, row.get(2));
    }
    let rows = client.query(
        "SELECT meeting_id, source_file, record FROM gavel.meetings \
         ORDER BY meeting_date, meeting_id",
        &[],
    )?;
    let mut meetings = Vec::with_capacity(rows.len());
    for row in rows {
        let meeting_id: String = row.get(0);
        let json: serde_json::Value = row.get(2);
        let record: Record = serde_json::from_value(json).map_err(|error| {
            ArchiveError::Refused(format!("meeting {meeting_id}: its record: {error}"))
        })?;
        meetings.push(Archived {
            meeting_id: meeting_id.clone(),
            source: row.get(1),
            record,
            done_on: done.remove(&meeting_id).unwrap_or_default(),
        });
    }
    Ok(meetings)
}
