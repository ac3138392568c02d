//! `decide` for the meeting and its agenda: creating and editing the meeting,
//! starting, adjourning and closing it, approving the minutes, and adding,
//! editing, starting, finishing and skipping agenda items.

use super::checks::{check_rev, get, not_ended, not_now, required};
use super::{Act, AgendaFields, Context, DomainError, EndedAction, Field, Kind, Why};
use crate::domain::event::{EntityRef, Event};
use crate::domain::model::*;
use crate::domain::record::Record;
use crate::domain::text::{clean_line, clean_text};

pub(super) fn create_meeting(
    record: &Record,
    details: &MeetingDetails,
) -> Result<Event, DomainError> {
    if record.is_created() {
        return Err(DomainError::AlreadyCreated);
    }
    Ok(Event::MeetingCreated {
        details: clean_details(record, details)?,
    })
}

pub(super) fn edit_meeting(
    record: &Record,
    base_rev: Seq,
    details: &MeetingDetails,
) -> Result<Event, DomainError> {
    check_rev(EntityRef::Meeting, base_rev, record.meeting.rev)?;
    Ok(Event::MeetingDetailsChanged {
        details: clean_details(record, details)?,
    })
}

pub(super) fn write_agenda_notes(
    record: &Record,
    id: Id,
    base_rev: Seq,
    notes: &str,
) -> Result<Event, DomainError> {
    let item = get(&record.agenda, id, Kind::AgendaItem)?;
    check_rev(EntityRef::AgendaItem(id), base_rev, item.notes_rev)?;
    Ok(Event::AgendaNotesWritten {
        id,
        notes: clean_text(notes),
    })
}

pub(super) fn write_conclusion(
    record: &Record,
    base_rev: Seq,
    text: &str,
) -> Result<Event, DomainError> {
    check_rev(EntityRef::Meeting, base_rev, record.meeting.conclusion_rev)?;
    Ok(Event::ConclusionWritten {
        text: clean_text(text),
    })
}

pub(super) fn start_meeting(record: &Record, now: Timestamp) -> Result<Event, DomainError> {
    match record.meeting.status {
        MeetingStatus::Draft | MeetingStatus::Adjourned => Ok(Event::MeetingStarted { at: now }),
        status => Err(not_now(Act::StartMeeting, Why::MeetingIs(status))),
    }
}

pub(super) fn adjourn_meeting(record: &Record, now: Timestamp) -> Result<Event, DomainError> {
    match record.meeting.status {
        MeetingStatus::Live => Ok(Event::MeetingAdjourned {
            at: now,
            agenda_item: record.active_item().map(|i| i.id),
            speaker: record.current_speaker().map(|r| r.id),
        }),
        status => Err(not_now(Act::AdjournMeeting, Why::MeetingIs(status))),
    }
}

pub(super) fn close_meeting(record: &Record, now: Timestamp) -> Result<Event, DomainError> {
    match record.meeting.status {
        MeetingStatus::Closed => Err(not_now(
            Act::CloseMeeting,
            Why::MeetingIs(MeetingStatus::Closed),
        )),
        MeetingStatus::Live => Err(not_now(Act::CloseMeeting, Why::AdjournFirst)),
        _ => Ok(Event::MeetingClosed { at: now }),
    }
}

pub(super) fn approve_minutes(record: &Record, ctx: Context) -> Result<Event, DomainError> {
    if record.meeting.minutes == MinutesState::Approved {
        return Err(not_now(Act::ApproveMinutes, Why::MinutesApproved));
    }
    Ok(Event::MinutesApproved {
        at: ctx.now,
        by: clean_line(ctx.actor),
    })
}

pub(super) fn add_agenda_item(
    record: &Record,
    new_id: Id,
    fields: &AgendaFields,
) -> Result<Event, DomainError> {
    let position = fields.position.unwrap_or_else(|| {
        record
            .agenda
            .values()
            .map(|i| i.position + 1)
            .max()
            .unwrap_or(1)
    });
    Ok(Event::AgendaItemAdded {
        item: AgendaItem {
            id: new_id,
            position,
            title: required(&fields.title, Field::AgendaTitle)?,
            planned_minutes: fields.planned_minutes,
            presenter: clean_line(&fields.presenter),
            status: AgendaStatus::Pending,
            started_at: None,
            ended_at: None,
            queue_closed: false,
            notes: String::new(),
            notes_rev: 0,
            rev: new_id,
        },
    })
}

pub(super) fn edit_agenda_item(
    record: &Record,
    id: Id,
    base_rev: Seq,
    fields: &AgendaFields,
) -> Result<Event, DomainError> {
    let current = get(&record.agenda, id, Kind::AgendaItem)?;
    check_rev(EntityRef::AgendaItem(id), base_rev, current.rev)?;
    Ok(Event::AgendaItemChanged {
        item: AgendaItem {
            title: required(&fields.title, Field::AgendaTitle)?,
            planned_minutes: fields.planned_minutes,
            presenter: clean_line(&fields.presenter),
            position: fields.position.unwrap_or(current.position),
            ..current.clone()
        },
    })
}

pub(super) fn start_agenda_item(
    record: &Record,
    now: Timestamp,
    id: Id,
) -> Result<Event, DomainError> {
    not_ended(record, EndedAction::StartItem)?;
    let item = get(&record.agenda, id, Kind::AgendaItem)?;
    if !matches!(item.status, AgendaStatus::Pending | AgendaStatus::Skipped) {
        return Err(not_now(Act::StartItem, Why::ItemIs(item.status)));
    }
    Ok(Event::AgendaItemStarted {
        id,
        at: now,
        previous: record.active_item().map(|i| i.id),
        starts_meeting: record.meeting.status != MeetingStatus::Live,
        speaker: record.current_speaker().map(|r| r.id),
    })
}

/// The active item is done, and whoever still has the floor with it.
pub(super) fn finish_agenda_item(record: &Record, now: Timestamp) -> Result<Event, DomainError> {
    not_ended(record, EndedAction::FinishItem)?;
    let item = record.active_item().ok_or(DomainError::NoActiveItem)?;
    Ok(Event::AgendaItemFinished {
        id: item.id,
        at: now,
        speaker: record.current_speaker().map(|r| r.id),
    })
}

pub(super) fn skip_agenda_item(record: &Record, id: Id) -> Result<Event, DomainError> {
    let item = get(&record.agenda, id, Kind::AgendaItem)?;
    if item.status != AgendaStatus::Pending {
        return Err(not_now(Act::SkipItem, Why::ItemIs(item.status)));
    }
    Ok(Event::AgendaItemSkipped { id })
}

fn clean_details(record: &Record, details: &MeetingDetails) -> Result<MeetingDetails, DomainError> {
    let mut clean = details.clone();
    // A chair or secretary chosen from the participants signs under the
    // name they have on the list.
    for (id, name) in [
        (details.chair_id, &mut clean.chair),
        (details.secretary_id, &mut clean.secretary),
    ] {
        if let Some(id) = id {
            name.clone_from(&get(&record.participants, id, Kind::Participant)?.name);
        }
    }
    clean.title = required(&details.title, Field::MeetingTitle)?;
    for field in [
        &mut clean.superior_agency,
        &mut clean.agency,
        &mut clean.chair,
        &mut clean.secretary,
        &mut clean.venue,
        &mut clean.place,
        &mut clean.doc_number,
    ] {
        *field = clean_line(field);
    }
    clean.legal_basis = clean_text(&details.legal_basis);
    if !(-14 * 60..=14 * 60).contains(&details.utc_offset_minutes) {
        return Err(DomainError::Invalid(Field::UtcOffset));
    }
    if details.speaking_seconds == 0 {
        return Err(DomainError::Invalid(Field::SpeakingLimit));
    }
    clean.holidays.sort();
    clean.holidays.dedup();
    clean.make_up_days.sort();
    clean.make_up_days.dedup();
    Ok(clean)
}
