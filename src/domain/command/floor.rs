//! `decide` for the floor: closing or reopening the list of speakers,
//! requests for the floor (asking, editing, withdrawing), giving the floor to
//! the next speaker, pausing the speaker's clock and adding time.

use super::checks::{check_rev, get, not_ended, not_now};
use super::entries::participant_from;
use super::{Act, Context, DomainError, EndedAction, Field, Kind, ParticipantFields, Speaker, Why};
use crate::domain::event::{EntityRef, Event};
use crate::domain::model::*;
use crate::domain::record::Record;
use crate::domain::text::clean_line;

pub(super) fn set_queue_closed(record: &Record, closed: bool) -> Result<Event, DomainError> {
    // After the end there is no list of speakers to close or reopen.
    not_ended(record, EndedAction::CloseQueue)?;
    Ok(Event::QueueClosed {
        agenda_item: record.active_item().map(|i| i.id),
        closed,
    })
}

pub(super) fn request_floor(
    record: &Record,
    ctx: Context,
    speaker: &Speaker,
    kind: RequestKind,
    topic: &str,
) -> Result<Event, DomainError> {
    not_ended(record, EndedAction::RequestFloor)?;
    let new_id = record.next_seq();
    let agenda_item = record.active_item().map(|i| i.id);
    if record.queue_is_closed(agenda_item) && kind == RequestKind::Normal {
        return Err(DomainError::QueueClosed);
    }
    let (participant, new_participant) = match speaker {
        Speaker::Existing(id) => {
            let person = get(&record.participants, *id, Kind::Participant)?;
            let waiting = record
                .queue(agenda_item)
                .iter()
                .any(|r| r.participant == *id && r.kind == kind);
            if waiting {
                return Err(DomainError::AlreadyWaiting {
                    who: person.name.clone(),
                });
            }
            (*id, None)
        }
        Speaker::New { name, organization } => {
            let participant = participant_from(
                new_id,
                &ParticipantFields {
                    attendance: Attendance::Present,
                    ..ParticipantFields::named(name, organization, ParticipantRole::Citizen)
                },
            )?;
            (new_id, Some(participant))
        }
    };
    Ok(Event::FloorRequested {
        request: SpeakerRequest {
            id: new_id,
            participant,
            agenda_item,
            requested_at: ctx.now,
            kind,
            status: RequestStatus::Waiting,
            topic: clean_line(topic),
            limit_seconds: record.meeting.details.speaking_seconds,
            added_seconds: 0,
            started_at: None,
            ended_at: None,
            pauses: Vec::new(),
            rev: new_id,
        },
        new_participant,
    })
}

pub(super) fn edit_request(
    record: &Record,
    id: Id,
    base_rev: Seq,
    kind: RequestKind,
    topic: &str,
) -> Result<Event, DomainError> {
    let current = get(&record.requests, id, Kind::Request)?;
    check_rev(EntityRef::Request(id), base_rev, current.rev)?;
    if current.status != RequestStatus::Waiting {
        return Err(not_now(Act::ChangeRequest, Why::RequestIs(current.status)));
    }
    Ok(Event::RequestChanged {
        request: SpeakerRequest {
            kind,
            topic: clean_line(topic),
            ..current.clone()
        },
    })
}

pub(super) fn withdraw_request(
    record: &Record,
    now: Timestamp,
    id: Id,
) -> Result<Event, DomainError> {
    let request = get(&record.requests, id, Kind::Request)?;
    if request.status != RequestStatus::Waiting {
        return Err(not_now(
            Act::WithdrawRequest,
            Why::RequestIs(request.status),
        ));
    }
    Ok(Event::RequestWithdrawn { id, at: now })
}

pub(super) fn next_speaker(record: &Record, now: Timestamp) -> Result<Event, DomainError> {
    not_ended(record, EndedAction::GiveFloor)?;
    let current = record.current_speaker().map(|r| r.id);
    match record.current_queue().first() {
        Some(next) => Ok(Event::FloorGiven {
            id: next.id,
            at: now,
            previous: current,
        }),
        None => match current {
            Some(id) => Ok(Event::SpeakerFinished { id, at: now }),
            None => Err(DomainError::QueueEmpty),
        },
    }
}

pub(super) fn toggle_pause(record: &Record, now: Timestamp) -> Result<Event, DomainError> {
    not_ended(record, EndedAction::Pause)?;
    let speaker = record.current_speaker().ok_or(DomainError::NoSpeaker)?;
    let paused = speaker.pauses.last().is_some_and(|p| p.to.is_none());
    Ok(if paused {
        Event::SpeakerResumed {
            id: speaker.id,
            at: now,
        }
    } else {
        Event::SpeakerPaused {
            id: speaker.id,
            at: now,
        }
    })
}

pub(super) fn add_time(record: &Record, seconds: u32) -> Result<Event, DomainError> {
    not_ended(record, EndedAction::AddTime)?;
    let speaker = record.current_speaker().ok_or(DomainError::NoSpeaker)?;
    if seconds == 0 {
        return Err(DomainError::Invalid(Field::TimeToAdd));
    }
    Ok(Event::TimeAdded {
        id: speaker.id,
        seconds,
    })
}
