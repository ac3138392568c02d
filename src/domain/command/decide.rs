//! `decide`: the one entry point from a command to its event. It routes each
//! command to the function of its area (`meeting.rs`, `floor.rs`,
//! `entries.rs`); undo, and the small checks the areas share, live here.

use super::{Command, Context, DomainError, UndoWhy, entries, floor, meeting};
use crate::domain::event::{Event, Snapshot};
use crate::domain::model::*;
use crate::domain::record::Record;

/// Checks `command` against `record` and returns the event that records it.
/// Pure: no I/O, no clock; the same inputs always give the same answer.
pub fn decide(record: &Record, command: &Command, ctx: Context) -> Result<Event, DomainError> {
    if !record.is_created() && !matches!(command, Command::CreateMeeting(_)) {
        return Err(DomainError::NotCreated);
    }
    let now = ctx.now;
    let new_id = record.next_seq();
    match command {
        Command::CreateMeeting(details) => meeting::create_meeting(record, details),
        Command::EditMeeting { base_rev, details } => {
            meeting::edit_meeting(record, *base_rev, details)
        }
        Command::StartMeeting => meeting::start_meeting(record, now),
        Command::AdjournMeeting => meeting::adjourn_meeting(record, now),
        Command::CloseMeeting => meeting::close_meeting(record, now),
        Command::ApproveMinutes => meeting::approve_minutes(record, ctx),
        Command::AddParticipant(fields) => entries::add_participant(new_id, fields),
        Command::EditParticipant {
            id,
            base_rev,
            fields,
        } => entries::edit_participant(record, *id, *base_rev, fields),
        Command::SetAttendance { id, attendance } => {
            entries::set_attendance(record, *id, *attendance)
        }
        Command::WriteAgendaNotes {
            id,
            base_rev,
            notes,
        } => meeting::write_agenda_notes(record, *id, *base_rev, notes),
        Command::WriteConclusion { base_rev, text } => {
            meeting::write_conclusion(record, *base_rev, text)
        }
        Command::AddAgendaItem(fields) => meeting::add_agenda_item(record, new_id, fields),
        Command::EditAgendaItem {
            id,
            base_rev,
            fields,
        } => meeting::edit_agenda_item(record, *id, *base_rev, fields),
        Command::StartAgendaItem(id) => meeting::start_agenda_item(record, now, *id),
        Command::FinishAgendaItem => meeting::finish_agenda_item(record, now),
        Command::SkipAgendaItem(id) => meeting::skip_agenda_item(record, *id),
        Command::SetQueueClosed(closed) => floor::set_queue_closed(record, *closed),
        Command::RequestFloor {
            speaker,
            kind,
            topic,
        } => floor::request_floor(record, ctx, speaker, *kind, topic),
        Command::EditRequest {
            id,
            base_rev,
            kind,
            topic,
        } => floor::edit_request(record, *id, *base_rev, *kind, topic),
        Command::WithdrawRequest(id) => floor::withdraw_request(record, now, *id),
        Command::NextSpeaker => floor::next_speaker(record, now),
        Command::TogglePause => floor::toggle_pause(record, now),
        Command::AddTime { seconds } => floor::add_time(record, *seconds),
        Command::LogIssue(fields) => entries::log_issue(record, now, new_id, fields),
        Command::EditIssue {
            id,
            base_rev,
            fields,
        } => entries::edit_issue(record, *id, *base_rev, fields),
        Command::AnswerIssue {
            id,
            base_rev,
            fields,
        } => entries::answer_issue(record, now, *id, *base_rev, fields),
        Command::CloseIssue {
            id,
            on,
            closing_ref,
        } => entries::close_issue(record, *id, *on, closing_ref),
        Command::AddAction(fields) => entries::add_action(record, now, new_id, fields),
        Command::EditAction {
            id,
            base_rev,
            fields,
        } => entries::edit_action(record, now, *id, *base_rev, fields),
        Command::Undo { target, before } => undo(record, *target, before),
    }
}

fn undo(record: &Record, target: Seq, before: &[Snapshot]) -> Result<Event, DomainError> {
    if before.is_empty() {
        return Err(DomainError::CannotUndo(UndoWhy::NotUndoable));
    }
    for snapshot in before {
        let entity = snapshot.entity();
        if let Some(current) = record.rev_of(entity)
            && current != target
        {
            return Err(DomainError::CannotUndo(UndoWhy::ChangedSince(current)));
        }
    }
    Ok(Event::Undone {
        target,
        restore: before.to_vec(),
    })
}
