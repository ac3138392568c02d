//! What the record says differently from the approved minutes, entry by
//! entry of the journal after the approval.
//!
//! Signed is signed: the body of approved minutes is the record as it stood
//! at the approval, and stays so. After it, two kinds of entries are
//! recorded. Follow-up (a written reply sent and closed, an action done,
//! forwarding done) is what the minutes asked for, not a change of them: it
//! never shows. A correction of the minutes' content (a changed answer, a
//! fixed name) is listed after the signatures, dated, with the old and the
//! new text, as a correction is written beside a signed paper: the body is
//! not rewritten, so the document still reads as it was signed.

use chrono::NaiveDate;

use super::format::{clock_time, running_date};
use super::model::Inline;
use super::words::Words;
use crate::domain::clock::offset;
use crate::domain::*;
use crate::export::log::describe;
use crate::i18n::{Label, Lang};
use crate::store::JournalEntry;

/// What an entry recorded after the approval does to the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterApproval {
    /// It changes what the minutes say: always a correction, with the old
    /// and the new text of each printed field it changed.
    Content,
    /// It carries a whole entity (or restores one) whose printed fields may
    /// or may not change: a correction only when one of them did (a
    /// participant's contact, an action's progress are not in the minutes).
    Fields,
    /// Follow-up of the meeting (a reply closed, forwarding done), or
    /// nothing the minutes print: never shown.
    FollowUp,
}

/// The one decision, per kind of entry. Exhaustive on purpose: a new kind
/// of event does not compile until it is decided here.
pub fn after_approval(event: &Event) -> AfterApproval {
    use AfterApproval::*;
    match event {
        // The conduct of the meeting as the minutes tell it.
        Event::MeetingCreated { .. }
        | Event::MeetingStarted { .. }
        | Event::MeetingAdjourned { .. }
        | Event::ParticipantAdded { .. }
        | Event::AttendanceSet { .. }
        | Event::AgendaItemAdded { .. }
        | Event::AgendaItemStarted { .. }
        | Event::AgendaItemFinished { .. }
        | Event::AgendaItemSkipped { .. }
        | Event::AgendaNotesWritten { .. }
        | Event::ConclusionWritten { .. }
        | Event::FloorRequested { .. }
        | Event::RequestChanged { .. }
        | Event::RequestWithdrawn { .. }
        | Event::FloorGiven { .. }
        | Event::SpeakerFinished { .. }
        | Event::SpeakerPaused { .. }
        | Event::SpeakerResumed { .. }
        | Event::TimeAdded { .. }
        | Event::IssueLogged { .. }
        | Event::IssueAnswered { .. }
        | Event::ActionAdded { .. } => Content,
        // Details also hold settings (speaking time, reply period); closing
        // the meeting files it away and changes its end only if it had none;
        // an action changes with its progress; an undo may undo either kind.
        Event::MeetingDetailsChanged { .. }
        | Event::MeetingClosed { .. }
        | Event::ParticipantChanged { .. }
        | Event::AgendaItemChanged { .. }
        | Event::IssueEdited { .. }
        | Event::ActionChanged { .. }
        | Event::Undone { .. } => Fields,
        // A written reply sent: follow-up. The list of speakers closing
        // is not printed. A later approval becomes the approval itself.
        Event::IssueClosed { .. } | Event::QueueClosed { .. } | Event::MinutesApproved { .. } => {
            FollowUp
        }
    }
}

/// One correction: the entry, and what it changed, ready to print.
pub struct Amendment<'j> {
    pub entry: &'j JournalEntry,
    pub what: Inline,
}

/// The corrections among `later` (the entries after the approval, in
/// order), replayed from `approved`, the record as approved.
pub fn amendments<'j>(
    approved: &Record,
    later: &[&'j JournalEntry],
    lang: Lang,
) -> Vec<Amendment<'j>> {
    if later
        .iter()
        .all(|e| after_approval(&e.event) == AfterApproval::FollowUp)
    {
        return Vec::new();
    }
    let w = Words::of(lang);
    let mut record = approved.clone();
    let mut found = Vec::new();
    for &entry in later {
        let decision = after_approval(&entry.event);
        let touched = entry.event.touched();
        let before: Vec<Snapshot> = touched.iter().map(|e| record.snapshot(*e)).collect();
        let sentence = describe(&record, &entry.event, lang);
        record.apply(entry.seq, &entry.event);
        if decision == AfterApproval::FollowUp {
            continue;
        }
        let mut parts: Vec<Inline> = Vec::new();
        for (old, entity) in before.iter().zip(&touched) {
            let new = record.snapshot(*entity);
            let changes = Printed {
                record: &record,
                lang,
                w,
            }
            .changes(old, &new);
            if let Some(changes) = changes {
                parts.push(changes);
            }
        }
        let what = match (decision, parts.is_empty()) {
            (AfterApproval::Fields, true) => continue,
            (AfterApproval::Content, true) => Inline::typed(&sentence),
            _ => join(parts, "; "),
        };
        found.push(Amendment { entry, what });
    }
    found
}

fn join(parts: Vec<Inline>, separator: &str) -> Inline {
    let mut all = Inline::default();
    for (n, part) in parts.into_iter().enumerate() {
        if n > 0 {
            all.push_fixed(separator);
        }
        all.push(part);
    }
    all
}

/// One printed field's old and new value.
struct Change {
    field: &'static str,
    old: Value,
    new: Value,
}

/// A value as the minutes print it: typed by a person (sanitised when
/// drawn) or made by gavel.
#[derive(PartialEq)]
enum Value {
    Typed(String),
    Fixed(String),
}

impl Value {
    /// «the value», or `empty` ("chưa có") where there was none.
    fn quoted(&self, open: &str, close: &str, empty: &str) -> Inline {
        let text = match self {
            Value::Typed(text) | Value::Fixed(text) if text.trim().is_empty() => {
                return Inline::fixed(empty);
            }
            Value::Typed(text) => Inline::typed(text),
            Value::Fixed(text) => Inline::fixed(text.clone()),
        };
        Inline::fixed(open).then(text).then_fixed(close)
    }
}

/// Compares the fields the minutes print.
struct Printed<'a> {
    record: &'a Record,
    lang: Lang,
    w: &'static Words,
}

impl Printed<'_> {
    /// "sửa Ý kiến số 6: Trả lời: «old» → «new»", or `None` when nothing
    /// printed changed. An entity that appears or goes is said by the
    /// entry's own sentence (`Content`) or not at all.
    fn changes(&self, old: &Snapshot, new: &Snapshot) -> Option<Inline> {
        let (subject, changes) = match (old, new) {
            (Snapshot::Meeting { value: a }, Snapshot::Meeting { value: b }) => {
                (self.w.amended_meeting.to_string(), self.meeting(a, b))
            }
            (
                Snapshot::Participant { value: Some(a), .. },
                Snapshot::Participant { value: Some(b), .. },
            ) => (
                crate::i18n::fill(self.w.amended_participant, &[a.name.trim()]),
                self.participant(a, b),
            ),
            (
                Snapshot::AgendaItem { value: Some(a), .. },
                Snapshot::AgendaItem { value: Some(b), .. },
            ) => (
                crate::i18n::fill(self.w.amended_item, &[&a.position.to_string()]),
                self.item(a, b),
            ),
            (Snapshot::Issue { value: Some(a), .. }, Snapshot::Issue { value: Some(b), .. }) => (
                crate::i18n::fill(self.w.issue, &[&a.number.to_string()]),
                self.issue(a, b),
            ),
            (Snapshot::Action { value: Some(a), .. }, Snapshot::Action { value: Some(b), .. }) => (
                crate::i18n::fill(self.w.amended_action, &[a.title.trim()]),
                self.action(a, b),
            ),
            _ => return None,
        };
        let changes: Vec<Change> = changes.into_iter().filter(|c| c.old != c.new).collect();
        if changes.is_empty() {
            return None;
        }
        let (open, close) = self.w.quotes;
        let mut text = Inline::fixed(crate::i18n::fill(self.w.amended, &[""]))
            .then(Inline::typed(&subject))
            .then_fixed(": ");
        for (n, change) in changes.iter().enumerate() {
            if n > 0 {
                text.push_fixed("; ");
            }
            text.push_fixed(format!("{}: ", change.field));
            text.push(change.old.quoted(open, close, self.w.empty_value));
            text.push_fixed(" → ");
            text.push(change.new.quoted(open, close, self.w.empty_value));
        }
        Some(text)
    }

    fn typed(&self, field: &'static str, old: &str, new: &str) -> Change {
        Change {
            field,
            old: Value::Typed(old.trim().to_string()),
            new: Value::Typed(new.trim().to_string()),
        }
    }

    fn fixed(&self, field: &'static str, old: String, new: String) -> Change {
        Change {
            field,
            old: Value::Fixed(old),
            new: Value::Fixed(new),
        }
    }

    fn label<T: Label>(&self, field: &'static str, old: &T, new: &T) -> Change {
        self.fixed(
            field,
            old.label(self.lang).to_string(),
            new.label(self.lang).to_string(),
        )
    }

    fn date(&self, date: Option<NaiveDate>) -> String {
        date.map(|d| running_date(d, self.lang)).unwrap_or_default()
    }

    fn time(&self, at: Option<Timestamp>) -> String {
        let details = &self.record.meeting.details;
        at.map(|at| {
            let local = at.with_timezone(&offset(details));
            format!(
                "{} {}",
                running_date(local.date_naive(), self.lang),
                clock_time(local)
            )
        })
        .unwrap_or_default()
    }

    fn person(&self, id: Option<Id>) -> Value {
        Value::Typed(
            id.map(|id| self.record.participant_name(id).trim().to_string())
                .unwrap_or_default(),
        )
    }

    fn meeting(&self, a: &Meeting, b: &Meeting) -> Vec<Change> {
        let (w, x, y) = (self.w, &a.details, &b.details);
        vec![
            self.typed(w.field_title, &x.title, &y.title),
            self.typed(w.field_superior, &x.superior_agency, &y.superior_agency),
            self.typed(w.field_agency, &x.agency, &y.agency),
            self.typed(w.field_chair, &x.chair, &y.chair),
            self.typed(w.field_secretary, &x.secretary, &y.secretary),
            Change {
                field: w.field_chair,
                old: self.person(x.chair_id),
                new: self.person(y.chair_id),
            },
            Change {
                field: w.field_secretary,
                old: self.person(x.secretary_id),
                new: self.person(y.secretary_id),
            },
            self.typed(w.field_venue, &x.venue, &y.venue),
            self.typed(w.field_place, &x.place, &y.place),
            self.typed(w.field_legal_basis, &x.legal_basis, &y.legal_basis),
            self.typed(w.field_doc_number, &x.doc_number, &y.doc_number),
            self.fixed(
                w.field_planned,
                self.time(x.planned_start),
                self.time(y.planned_start),
            ),
            self.fixed(
                w.field_started,
                self.time(a.actual_start),
                self.time(b.actual_start),
            ),
            self.fixed(
                w.field_ended,
                self.time(a.actual_end),
                self.time(b.actual_end),
            ),
            self.typed(w.field_conclusion, &a.conclusion, &b.conclusion),
        ]
    }

    fn participant(&self, a: &Participant, b: &Participant) -> Vec<Change> {
        let w = self.w;
        let honorific = |h: Option<Honorific>| {
            match h {
                Some(Honorific::Mr) => w.mr,
                Some(Honorific::Ms) => w.ms,
                None => "",
            }
            .to_string()
        };
        vec![
            self.fixed(
                w.field_honorific,
                honorific(a.honorific),
                honorific(b.honorific),
            ),
            self.typed(w.field_name, &a.name, &b.name),
            self.typed(w.field_position, &a.position, &b.position),
            self.typed(w.organization, &a.organization, &b.organization),
            self.label(w.field_role, &a.role, &b.role),
            self.label(w.field_attendance, &a.attendance, &b.attendance),
            self.fixed(
                w.field_members,
                a.members.to_string(),
                b.members.to_string(),
            ),
            self.typed(
                w.field_representatives,
                &a.representatives,
                &b.representatives,
            ),
        ]
    }

    fn item(&self, a: &AgendaItem, b: &AgendaItem) -> Vec<Change> {
        let w = self.w;
        vec![
            self.typed(w.field_title, &a.title, &b.title),
            self.typed(w.field_presenter, &a.presenter, &b.presenter),
            self.fixed(
                w.field_planned,
                a.planned_minutes.to_string(),
                b.planned_minutes.to_string(),
            ),
            self.fixed(
                w.field_position_in_agenda,
                a.position.to_string(),
                b.position.to_string(),
            ),
            self.label(w.field_status, &a.status, &b.status),
            self.fixed(
                w.field_started,
                self.time(a.started_at),
                self.time(b.started_at),
            ),
            self.fixed(w.field_ended, self.time(a.ended_at), self.time(b.ended_at)),
            self.typed(w.field_notes, &a.notes, &b.notes),
        ]
    }

    fn issue(&self, a: &Issue, b: &Issue) -> Vec<Change> {
        let w = self.w;
        vec![
            Change {
                field: w.raised_by,
                old: self.person(a.raised_by),
                new: self.person(b.raised_by),
            },
            self.label(w.source, &a.source, &b.source),
            self.typed(w.field_letter_number, &a.letter_number, &b.letter_number),
            self.fixed(
                w.field_letter_date,
                self.date(a.letter_date),
                self.date(b.letter_date),
            ),
            self.label(w.category, &a.category, &b.category),
            self.typed(w.field, &a.field, &b.field),
            self.typed(w.procedure, &a.procedure, &b.procedure),
            self.typed(w.content, &a.text, &b.text),
            self.typed(w.answer, &a.answer, &b.answer),
            Change {
                field: w.answered_by,
                old: self.person(a.answered_by),
                new: self.person(b.answered_by),
            },
            self.label(w.disposition, &a.disposition, &b.disposition),
            self.fixed(
                w.field_reply_due,
                self.date(a.reply_due),
                self.date(b.reply_due),
            ),
            self.typed(w.field_escalated_to, &a.escalated_to, &b.escalated_to),
        ]
    }

    /// An action's title, owner, due date and issue are what the chair
    /// assigned; its status and completion are its follow-up.
    fn action(&self, a: &Action, b: &Action) -> Vec<Change> {
        let w = self.w;
        let issue = |id: Option<Id>| {
            id.and_then(|id| self.record.issues.get(&id))
                .map(|i| i.number.to_string())
                .unwrap_or_default()
        };
        vec![
            self.typed(w.field_task, &a.title, &b.title),
            self.typed(w.field_owner, &a.owner, &b.owner),
            self.fixed(w.field_due, self.date(a.due), self.date(b.due)),
            self.fixed(w.field_issue, issue(a.issue), issue(b.issue)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of event, decided. Adding a kind to `Event` breaks
    /// `after_approval`'s match until it is decided there, and this list
    /// until it is written down here.
    #[test]
    fn every_kind_of_entry_is_decided() {
        use AfterApproval::*;
        let expected: &[(&str, AfterApproval)] = &[
            ("meeting-created", Content),
            ("meeting-details-changed", Fields),
            ("meeting-started", Content),
            ("meeting-adjourned", Content),
            ("meeting-closed", Fields),
            ("minutes-approved", FollowUp),
            ("participant-added", Content),
            ("participant-changed", Fields),
            ("attendance-set", Content),
            ("agenda-item-added", Content),
            ("agenda-item-changed", Fields),
            ("agenda-item-started", Content),
            ("agenda-item-finished", Content),
            ("agenda-item-skipped", Content),
            ("agenda-notes-written", Content),
            ("conclusion-written", Content),
            ("queue-closed", FollowUp),
            ("floor-requested", Content),
            ("request-changed", Content),
            ("request-withdrawn", Content),
            ("floor-given", Content),
            ("speaker-finished", Content),
            ("speaker-paused", Content),
            ("speaker-resumed", Content),
            ("time-added", Content),
            ("issue-logged", Content),
            ("issue-edited", Fields),
            ("issue-answered", Content),
            ("issue-closed", FollowUp),
            ("action-added", Content),
            ("action-changed", Fields),
            ("undone", Fields),
        ];
        let events = one_of_each();
        let mut kinds: Vec<&str> = events.iter().map(Event::kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        let mut listed: Vec<&str> = expected.iter().map(|(kind, _)| *kind).collect();
        listed.sort_unstable();
        assert_eq!(kinds, listed, "every kind of event, once");
        for event in &events {
            let (_, decided) = expected.iter().find(|(k, _)| *k == event.kind()).unwrap();
            assert_eq!(after_approval(event), *decided, "{}", event.kind());
        }
    }

    /// One event of each kind, its entities taken from the demo meeting.
    fn one_of_each() -> Vec<Event> {
        let dir = tempfile::tempdir().unwrap();
        let options = crate::store::OpenOptions::new("test", Role::Chair);
        let now = crate::store::now();
        let store = crate::demo::create_demo(&dir.path().join("m.gavel"), options, now).unwrap();
        let r = store.record();
        let participant = r.participants.values().next().unwrap().clone();
        let item = r.agenda.values().next().unwrap().clone();
        let request = r.requests.values().next().unwrap().clone();
        let issue = r.issues.values().next().unwrap().clone();
        let action = r.actions.values().next().unwrap().clone();
        let details = r.meeting.details.clone();
        let (id, at) = (1, now);
        vec![
            Event::MeetingCreated {
                details: details.clone(),
            },
            Event::MeetingDetailsChanged { details },
            Event::MeetingStarted { at },
            Event::MeetingAdjourned {
                at,
                agenda_item: None,
                speaker: None,
            },
            Event::MeetingClosed { at },
            Event::MinutesApproved {
                at,
                by: "chair".into(),
            },
            Event::ParticipantAdded {
                participant: participant.clone(),
            },
            Event::ParticipantChanged {
                participant: participant.clone(),
            },
            Event::AttendanceSet {
                id,
                attendance: participant.attendance,
            },
            Event::AgendaItemAdded { item: item.clone() },
            Event::AgendaItemChanged { item },
            Event::AgendaItemStarted {
                id,
                at,
                previous: None,
                starts_meeting: false,
                speaker: None,
            },
            Event::AgendaItemFinished {
                id,
                at,
                speaker: None,
            },
            Event::AgendaItemSkipped { id },
            Event::AgendaNotesWritten {
                id,
                notes: String::new(),
            },
            Event::ConclusionWritten {
                text: String::new(),
            },
            Event::QueueClosed {
                agenda_item: None,
                closed: true,
            },
            Event::FloorRequested {
                request: request.clone(),
                new_participant: None,
            },
            Event::RequestChanged { request },
            Event::RequestWithdrawn { id, at },
            Event::FloorGiven {
                id,
                at,
                previous: None,
            },
            Event::SpeakerFinished { id, at },
            Event::SpeakerPaused { id, at },
            Event::SpeakerResumed { id, at },
            Event::TimeAdded { id, seconds: 60 },
            Event::IssueLogged {
                issue: issue.clone(),
            },
            Event::IssueEdited {
                issue: issue.clone(),
            },
            Event::IssueAnswered {
                id,
                answer: String::new(),
                disposition: issue.disposition,
                reply_due: None,
                forward_due: None,
                escalated_to: String::new(),
                answered_by: None,
            },
            Event::IssueClosed {
                id,
                on: now.date_naive(),
                closing_ref: String::new(),
            },
            Event::ActionAdded {
                action: action.clone(),
            },
            Event::ActionChanged { action },
            Event::Undone {
                target: 1,
                restore: Vec::new(),
            },
        ]
    }
}
