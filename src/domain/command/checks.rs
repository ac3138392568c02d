//! The checks every area of `decide` shares: the revision an edit is based
//! on, a row that must exist, a text that must not be empty.

use super::{Act, DomainError, EndedAction, Field, Kind, Why};
use crate::domain::clock::offset;
use crate::domain::event::EntityRef;
use crate::domain::model::*;
use crate::domain::record::Record;
use crate::domain::text::{clean_line, clean_text};

pub(super) fn check_rev(entity: EntityRef, base: Seq, current: Seq) -> Result<(), DomainError> {
    if base == current {
        Ok(())
    } else {
        Err(DomainError::Conflict {
            entity,
            base,
            current,
        })
    }
}

pub(super) fn get<T>(
    map: &std::collections::BTreeMap<Id, T>,
    id: Id,
    kind: Kind,
) -> Result<&T, DomainError> {
    map.get(&id).ok_or(DomainError::NotFound { kind, id })
}

pub(super) fn required(text: &str, what: Field) -> Result<String, DomainError> {
    let clean = clean_line(text);
    if clean.is_empty() {
        Err(DomainError::Empty(what))
    } else {
        Ok(clean)
    }
}

pub(super) fn required_text(text: &str, what: Field) -> Result<String, DomainError> {
    let clean = clean_text(text);
    if clean.trim().is_empty() {
        Err(DomainError::Empty(what))
    } else {
        Ok(clean)
    }
}

pub(super) fn not_now(action: Act, reason: Why) -> DomainError {
    DomainError::NotNow { action, reason }
}

/// Refuses `action` once the meeting has ended (adjourned or closed): the
/// floor and the agenda stand as they were at its end.
pub fn not_ended(record: &Record, action: EndedAction) -> Result<(), DomainError> {
    if !record.is_ended() {
        return Ok(());
    }
    let local = offset(&record.meeting.details);
    Err(DomainError::MeetingEnded {
        action,
        at: record
            .ended_at()
            .map(|end| end.with_timezone(&local).time()),
    })
}
