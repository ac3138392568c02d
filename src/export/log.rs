//! `gavel log`: the journal, one readable line per entry.

use std::fmt::Write as _;

use crate::domain::clock::offset;
use crate::domain::text::{sanitize, truncate};
use crate::domain::*;
use crate::store::JournalEntry;

/// One line: sequence, local time, who, and what happened. `record` is the
/// record just before the entry (names are looked up in it).
pub fn format_entry(record: &Record, entry: &JournalEntry) -> String {
    let local = entry.at.with_timezone(&offset(&record.meeting.details));
    let mut line = String::new();
    let _ = write!(
        line,
        "#{:<6} {}  {} ({})  {}",
        entry.seq,
        local.format("%Y-%m-%d %H:%M:%S"),
        sanitize(&entry.actor),
        entry.role,
        describe(record, &entry.event)
    );
    line
}

fn quoted(text: &str) -> String {
    format!("“{}”", truncate(&sanitize(text), 60))
}

/// What an event did, in a short English sentence.
pub fn describe(record: &Record, event: &Event) -> String {
    let name = |id: Id| sanitize(record.participant_name(id)).into_owned();
    let request_name = |id: Id| {
        record
            .requests
            .get(&id)
            .map_or_else(|| format!("request #{id}"), |r| name(r.participant))
    };
    let item_title = |id: Id| {
        record
            .agenda
            .get(&id)
            .map_or_else(|| format!("item #{id}"), |i| quoted(&i.title))
    };
    let issue_no = |id: Id| record.issues.get(&id).map_or(0, |i| i.number);
    match event {
        Event::MeetingCreated { details } => {
            format!("created the meeting {}", quoted(&details.title))
        }
        Event::MeetingDetailsChanged { .. } => "changed the meeting's details".into(),
        Event::MeetingStarted { .. } => "opened the meeting".into(),
        Event::MeetingAdjourned { .. } => "adjourned the meeting".into(),
        Event::MeetingClosed { .. } => "closed the meeting".into(),
        Event::MinutesApproved { by, .. } => format!("approved the minutes (by {})", sanitize(by)),
        Event::ParticipantAdded { participant } => {
            format!("added participant {}", sanitize(&participant.name))
        }
        Event::ParticipantChanged { participant } => {
            format!("changed participant {}", sanitize(&participant.name))
        }
        Event::AgendaItemAdded { item } => format!("added agenda item {}", quoted(&item.title)),
        Event::AgendaItemChanged { item } => format!("changed agenda item {}", quoted(&item.title)),
        Event::AgendaItemStarted { id, .. } => format!("started agenda item {}", item_title(*id)),
        Event::AgendaItemFinished { id, .. } => format!("finished agenda item {}", item_title(*id)),
        Event::AgendaItemSkipped { id } => format!("skipped agenda item {}", item_title(*id)),
        Event::QueueClosed { closed: true, .. } => "closed the list of speakers".into(),
        Event::QueueClosed { closed: false, .. } => "reopened the list of speakers".into(),
        Event::FloorRequested {
            request,
            new_participant,
        } => {
            let who = new_participant.as_ref().map_or_else(
                || name(request.participant),
                |p| sanitize(&p.name).into_owned(),
            );
            format!("{who} asked for the floor ({})", request.kind)
        }
        Event::RequestChanged { request } => {
            format!("changed the request of {}", name(request.participant))
        }
        Event::RequestWithdrawn { id, .. } => {
            format!("withdrew the request of {}", request_name(*id))
        }
        Event::FloorGiven { id, .. } => format!("gave the floor to {}", request_name(*id)),
        Event::SpeakerFinished { id, .. } => format!("{} finished speaking", request_name(*id)),
        Event::SpeakerPaused { id, .. } => format!("paused {}'s time", request_name(*id)),
        Event::SpeakerResumed { id, .. } => format!("resumed {}'s time", request_name(*id)),
        Event::TimeAdded { id, seconds } => format!("gave {} {seconds} s more", request_name(*id)),
        Event::IssueLogged { issue } => {
            format!("logged issue {}: {}", issue.number, quoted(&issue.text))
        }
        Event::IssueEdited { issue } => format!("edited issue {}", issue.number),
        Event::IssueAnswered {
            id, disposition, ..
        } => {
            format!("answered issue {} ({disposition})", issue_no(*id))
        }
        Event::IssueClosed {
            id, closing_ref, ..
        } => {
            format!("closed issue {} ({})", issue_no(*id), sanitize(closing_ref))
        }
        Event::ActionAdded { action } => format!(
            "assigned {} to {}",
            quoted(&action.title),
            sanitize(&action.owner)
        ),
        Event::ActionChanged { action } => format!("changed action {}", quoted(&action.title)),
        Event::Undone { target, .. } => format!("undid entry #{target}"),
    }
}
