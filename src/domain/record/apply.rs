//! `apply`: the one place where an event changes the record, and the
//! revisions it stamps on what it touched.

use super::Record;
use crate::domain::event::{EntityRef, Event};
use crate::domain::model::*;

impl Record {
    /// Applies the event recorded as journal entry `seq`. Every touched
    /// entity gets `rev = seq`, except under an undo, which restores the
    /// revisions it had.
    pub fn apply(&mut self, seq: Seq, event: &Event) {
        let touched = event.touched();
        for entity in &touched {
            self.unindex(*entity);
        }
        self.apply_change(seq, event);
        if !matches!(event, Event::Undone { .. }) {
            for entity in &touched {
                self.set_rev(*entity, seq);
            }
        }
        for entity in &touched {
            self.index(*entity);
            self.versions.touch(*entity);
        }
        self.last_seq = seq;
    }

    fn apply_change(&mut self, seq: Seq, event: &Event) {
        match event {
            Event::MeetingCreated { details } | Event::MeetingDetailsChanged { details } => {
                self.meeting.details = details.clone();
            }
            Event::MeetingStarted { at } => {
                // Resumed after an adjournment: it has not ended any more.
                self.meeting.status = MeetingStatus::Live;
                self.meeting.actual_start.get_or_insert(*at);
                self.meeting.actual_end = None;
            }
            Event::MeetingAdjourned {
                at,
                agenda_item,
                speaker,
            } => {
                self.meeting.status = MeetingStatus::Adjourned;
                self.meeting.actual_end = Some(*at);
                if let Some(item) = agenda_item.and_then(|id| self.agenda.get_mut(&id)) {
                    finish_agenda_item(item, *at);
                }
                if let Some(request) = speaker.and_then(|id| self.requests.get_mut(&id)) {
                    finish_turn(request, *at);
                }
            }
            Event::MeetingClosed { at } => {
                self.meeting.status = MeetingStatus::Closed;
                self.meeting.actual_end.get_or_insert(*at);
            }
            Event::MinutesApproved { at, by } => {
                self.meeting.minutes = MinutesState::Approved;
                self.meeting.approved_at = Some(*at);
                self.meeting.approved_by = Some(by.clone());
                self.meeting.approved_seq = Some(seq);
            }
            Event::ParticipantAdded { participant } | Event::ParticipantChanged { participant } => {
                self.participants
                    .insert(participant.id, participant.clone());
            }
            Event::AttendanceSet { id, attendance } => {
                if let Some(participant) = self.participants.get_mut(id) {
                    participant.attendance = *attendance;
                }
            }
            Event::AgendaItemAdded { item } | Event::AgendaItemChanged { item } => {
                self.agenda.insert(item.id, item.clone());
            }
            Event::AgendaItemStarted {
                id,
                at,
                previous,
                starts_meeting,
                speaker,
            } => {
                if let Some(item) = previous.and_then(|p| self.agenda.get_mut(&p)) {
                    finish_agenda_item(item, *at);
                }
                if let Some(request) = speaker.and_then(|id| self.requests.get_mut(&id)) {
                    finish_turn(request, *at);
                }
                if let Some(item) = self.agenda.get_mut(id) {
                    item.status = AgendaStatus::Active;
                    item.started_at = Some(*at);
                    item.ended_at = None;
                }
                if *starts_meeting {
                    self.meeting.status = MeetingStatus::Live;
                    self.meeting.actual_start.get_or_insert(*at);
                }
            }
            Event::AgendaItemFinished { id, at, speaker } => {
                if let Some(item) = self.agenda.get_mut(id) {
                    finish_agenda_item(item, *at);
                }
                if let Some(request) = speaker.and_then(|id| self.requests.get_mut(&id)) {
                    finish_turn(request, *at);
                }
            }
            Event::AgendaItemSkipped { id } => {
                if let Some(item) = self.agenda.get_mut(id) {
                    item.status = AgendaStatus::Skipped;
                }
            }
            Event::AgendaNotesWritten { id, notes } => {
                if let Some(item) = self.agenda.get_mut(id) {
                    item.notes = notes.clone();
                    item.notes_rev = seq;
                }
            }
            Event::ConclusionWritten { text } => {
                self.meeting.conclusion = text.clone();
                self.meeting.conclusion_rev = seq;
            }
            Event::QueueClosed {
                agenda_item,
                closed,
            } => match agenda_item.and_then(|id| self.agenda.get_mut(&id)) {
                Some(item) => item.queue_closed = *closed,
                None => self.meeting.queue_closed = *closed,
            },
            Event::FloorRequested {
                request,
                new_participant,
            } => {
                if let Some(participant) = new_participant {
                    self.participants
                        .insert(participant.id, participant.clone());
                }
                self.requests.insert(request.id, request.clone());
            }
            Event::RequestChanged { request } => {
                self.requests.insert(request.id, request.clone());
            }
            Event::RequestWithdrawn { id, at } => {
                if let Some(request) = self.requests.get_mut(id) {
                    request.status = RequestStatus::Withdrawn;
                    request.ended_at = Some(*at);
                }
            }
            Event::FloorGiven { id, at, previous } => {
                if let Some(request) = previous.and_then(|p| self.requests.get_mut(&p)) {
                    finish_turn(request, *at);
                }
                if let Some(request) = self.requests.get_mut(id) {
                    request.status = RequestStatus::Speaking;
                    request.started_at = Some(*at);
                }
            }
            Event::SpeakerFinished { id, at } => {
                if let Some(request) = self.requests.get_mut(id) {
                    finish_turn(request, *at);
                }
            }
            Event::SpeakerPaused { id, at } => {
                if let Some(request) = self.requests.get_mut(id) {
                    request.pauses.push(Pause {
                        from: *at,
                        to: None,
                    });
                }
            }
            Event::SpeakerResumed { id, at } => {
                if let Some(pause) = self.requests.get_mut(id).and_then(|r| r.pauses.last_mut()) {
                    pause.to = Some(*at);
                }
            }
            Event::TimeAdded { id, seconds } => {
                if let Some(request) = self.requests.get_mut(id) {
                    request.added_seconds += seconds;
                }
            }
            Event::IssueLogged { issue } | Event::IssueEdited { issue } => {
                self.issues.insert(issue.id, issue.clone());
            }
            Event::IssueAnswered {
                id,
                answer,
                disposition,
                reply_due,
                forward_due,
                escalated_to,
                answered_by,
            } => {
                if let Some(issue) = self.issues.get_mut(id) {
                    issue.answer = answer.clone();
                    issue.answered_by = *answered_by;
                    issue.disposition = *disposition;
                    issue.reply_due = *reply_due;
                    issue.forward_due = *forward_due;
                    issue.escalated_to = escalated_to.clone();
                }
            }
            Event::IssueClosed {
                id,
                on,
                closing_ref,
            } => {
                if let Some(issue) = self.issues.get_mut(id) {
                    issue.closed_on = Some(*on);
                    issue.closing_ref = closing_ref.clone();
                }
            }
            Event::ActionAdded { action } | Event::ActionChanged { action } => {
                self.actions.insert(action.id, action.clone());
            }
            Event::Undone { restore, .. } => {
                for snapshot in restore {
                    self.restore(snapshot.clone());
                }
            }
        }
    }

    fn set_rev(&mut self, entity: EntityRef, seq: Seq) {
        let rev = match entity {
            EntityRef::Meeting => Some(&mut self.meeting.rev),
            EntityRef::Participant(id) => self.participants.get_mut(&id).map(|e| &mut e.rev),
            EntityRef::AgendaItem(id) => self.agenda.get_mut(&id).map(|e| &mut e.rev),
            EntityRef::Request(id) => self.requests.get_mut(&id).map(|e| &mut e.rev),
            EntityRef::Issue(id) => self.issues.get_mut(&id).map(|e| &mut e.rev),
            EntityRef::Action(id) => self.actions.get_mut(&id).map(|e| &mut e.rev),
        };
        if let Some(rev) = rev {
            *rev = seq;
        }
    }
}

fn finish_agenda_item(item: &mut AgendaItem, at: Timestamp) {
    item.status = AgendaStatus::Done;
    item.ended_at = Some(at);
}

/// Ends a turn at the floor, closing a pause that is still running.
fn finish_turn(request: &mut SpeakerRequest, at: Timestamp) {
    request.status = RequestStatus::Done;
    request.ended_at = Some(at);
    if let Some(pause) = request.pauses.last_mut()
        && pause.to.is_none()
    {
        pause.to = Some(at);
    }
}
