//! Which form, and on what: each form has a key (its kind and target) under
//! which its fields are saved as drafts, so that it can be rebuilt exactly
//! after a crash.

use crate::app::Pane;
use crate::domain::*;
use crate::i18n::Texts;

/// Which form, and on what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    NewAgendaItem,
    EditAgendaItem {
        id: Id,
        base_rev: Seq,
    },
    NewRequest(RequestKind),
    EditRequest {
        id: Id,
        base_rev: Seq,
    },
    NewIssue,
    /// A written submission (a letter), from `by` when it is known: an
    /// absent invitee's, opened from the roll call.
    WrittenIssue {
        by: Option<Id>,
    },
    EditIssue {
        id: Id,
        base_rev: Seq,
    },
    Answer {
        id: Id,
        base_rev: Seq,
    },
    NewAction {
        issue: Option<Id>,
    },
    EditAction {
        id: Id,
        base_rev: Seq,
    },
    /// Close an issue with the reference of the reply letter.
    CloseIssue {
        id: Id,
    },
    NewParticipant,
    EditParticipant {
        id: Id,
        base_rev: Seq,
    },
    /// The meeting's details, the chair and the secretary among them.
    MeetingDetails {
        base_rev: Seq,
    },
    /// The course of an agenda item; `base_rev` is its `notes_rev`.
    AgendaNotes {
        id: Id,
        base_rev: Seq,
    },
    /// The chair's conclusion; `base_rev` is the meeting's
    /// `conclusion_rev`.
    Conclusion {
        base_rev: Seq,
    },
}

impl FormKind {
    /// The name its drafts are saved under, e.g. "issue/new" or
    /// "answer/42@57" (issue 42 as it was at journal entry 57).
    pub fn key(&self) -> String {
        match self {
            FormKind::NewAgendaItem => "agenda/new".into(),
            FormKind::EditAgendaItem { id, base_rev } => format!("agenda/{id}@{base_rev}"),
            FormKind::NewRequest(kind) => format!("request/new/{kind}"),
            FormKind::EditRequest { id, base_rev } => format!("request/{id}@{base_rev}"),
            FormKind::NewIssue => "issue/new".into(),
            FormKind::WrittenIssue { by: None } => "issue/written".into(),
            FormKind::WrittenIssue { by: Some(id) } => format!("issue/written/{id}"),
            FormKind::EditIssue { id, base_rev } => format!("issue/{id}@{base_rev}"),
            FormKind::Answer { id, base_rev } => format!("answer/{id}@{base_rev}"),
            FormKind::NewAction { issue: None } => "action/new".into(),
            FormKind::NewAction { issue: Some(id) } => format!("action/new/{id}"),
            FormKind::EditAction { id, base_rev } => format!("action/{id}@{base_rev}"),
            FormKind::CloseIssue { id } => format!("close/{id}"),
            FormKind::NewParticipant => "participant/new".into(),
            FormKind::EditParticipant { id, base_rev } => format!("participant/{id}@{base_rev}"),
            FormKind::MeetingDetails { base_rev } => format!("meeting@{base_rev}"),
            FormKind::AgendaNotes { id, base_rev } => format!("notes/{id}@{base_rev}"),
            FormKind::Conclusion { base_rev } => format!("conclusion@{base_rev}"),
        }
    }

    pub fn parse(key: &str) -> Option<FormKind> {
        // The meeting's own forms have no target but the meeting.
        if let Some(rev) = key.strip_prefix("meeting@") {
            return Some(FormKind::MeetingDetails {
                base_rev: rev.parse().ok()?,
            });
        }
        if let Some(rev) = key.strip_prefix("conclusion@") {
            return Some(FormKind::Conclusion {
                base_rev: rev.parse().ok()?,
            });
        }
        let (what, rest) = key.split_once('/')?;
        let target = || -> Option<(Id, Seq)> {
            let (id, rev) = rest.split_once('@')?;
            Some((id.parse().ok()?, rev.parse().ok()?))
        };
        Some(match (what, rest) {
            ("agenda", "new") => FormKind::NewAgendaItem,
            ("participant", "new") => FormKind::NewParticipant,
            ("issue", "new") => FormKind::NewIssue,
            ("issue", "written") => FormKind::WrittenIssue { by: None },
            ("issue", by) if by.starts_with("written/") => FormKind::WrittenIssue {
                by: Some(by[8..].parse().ok()?),
            },
            ("action", "new") => FormKind::NewAction { issue: None },
            ("request", kind) if kind.starts_with("new/") => {
                FormKind::NewRequest(RequestKind::parse(&kind[4..])?)
            }
            ("close", id) => FormKind::CloseIssue {
                id: id.parse().ok()?,
            },
            ("action", issue) if issue.starts_with("new/") => FormKind::NewAction {
                issue: Some(issue[4..].parse().ok()?),
            },
            ("agenda", _) => {
                target().map(|(id, base_rev)| FormKind::EditAgendaItem { id, base_rev })?
            }
            ("request", _) => {
                target().map(|(id, base_rev)| FormKind::EditRequest { id, base_rev })?
            }
            ("issue", _) => target().map(|(id, base_rev)| FormKind::EditIssue { id, base_rev })?,
            ("answer", _) => target().map(|(id, base_rev)| FormKind::Answer { id, base_rev })?,
            ("action", _) => {
                target().map(|(id, base_rev)| FormKind::EditAction { id, base_rev })?
            }
            ("participant", _) => {
                target().map(|(id, base_rev)| FormKind::EditParticipant { id, base_rev })?
            }
            ("notes", _) => {
                target().map(|(id, base_rev)| FormKind::AgendaNotes { id, base_rev })?
            }
            _ => return None,
        })
    }

    /// The same edit, based on revision `rev` (to keep one's own version
    /// over a change made meanwhile).
    pub fn rebased(self, rev: Seq) -> FormKind {
        match self {
            FormKind::EditAgendaItem { id, .. } => FormKind::EditAgendaItem { id, base_rev: rev },
            FormKind::EditRequest { id, .. } => FormKind::EditRequest { id, base_rev: rev },
            FormKind::EditIssue { id, .. } => FormKind::EditIssue { id, base_rev: rev },
            FormKind::Answer { id, .. } => FormKind::Answer { id, base_rev: rev },
            FormKind::EditAction { id, .. } => FormKind::EditAction { id, base_rev: rev },
            FormKind::EditParticipant { id, .. } => FormKind::EditParticipant { id, base_rev: rev },
            FormKind::MeetingDetails { .. } => FormKind::MeetingDetails { base_rev: rev },
            FormKind::AgendaNotes { id, .. } => FormKind::AgendaNotes { id, base_rev: rev },
            FormKind::Conclusion { .. } => FormKind::Conclusion { base_rev: rev },
            other => other,
        }
    }

    pub fn title(&self, t: &Texts) -> &'static str {
        match self {
            FormKind::NewAgendaItem => t.form_new_agenda,
            FormKind::EditAgendaItem { .. } => t.form_edit_agenda,
            FormKind::NewRequest(_) => t.form_new_request,
            FormKind::EditRequest { .. } => t.form_edit_request,
            FormKind::NewIssue => t.form_new_issue,
            FormKind::WrittenIssue { .. } => t.form_written_issue,
            FormKind::EditIssue { .. } => t.form_edit_issue,
            FormKind::Answer { .. } => t.form_answer,
            FormKind::NewAction { .. } => t.form_new_action,
            FormKind::EditAction { .. } => t.form_edit_action,
            FormKind::CloseIssue { .. } => t.form_close_issue,
            FormKind::NewParticipant => t.form_new_participant,
            FormKind::EditParticipant { .. } => t.form_edit_participant,
            FormKind::MeetingDetails { .. } => t.form_meeting,
            FormKind::AgendaNotes { .. } => t.form_notes,
            FormKind::Conclusion { .. } => t.form_conclusion,
        }
    }

    /// The pane the form belongs to, and the row it acts on: where the
    /// focus and the selection go when the form comes back after a reopen.
    /// The meeting's own forms (its details, the conclusion) belong to none.
    pub fn home(&self) -> Option<(Pane, Option<Id>)> {
        Some(match *self {
            FormKind::NewAgendaItem => (Pane::Agenda, None),
            FormKind::EditAgendaItem { id, .. } | FormKind::AgendaNotes { id, .. } => {
                (Pane::Agenda, Some(id))
            }
            FormKind::NewRequest(_) => (Pane::Speakers, None),
            FormKind::EditRequest { id, .. } => (Pane::Speakers, Some(id)),
            FormKind::NewIssue | FormKind::WrittenIssue { by: None } => (Pane::Issues, None),
            FormKind::WrittenIssue { by: Some(id) } => (Pane::Participants, Some(id)),
            FormKind::EditIssue { id, .. }
            | FormKind::Answer { id, .. }
            | FormKind::CloseIssue { id } => (Pane::Issues, Some(id)),
            // An action for an issue is assigned from the issue's row.
            FormKind::NewAction { issue: Some(id) } => (Pane::Issues, Some(id)),
            FormKind::NewAction { issue: None } => (Pane::Actions, None),
            FormKind::EditAction { id, .. } => (Pane::Actions, Some(id)),
            FormKind::NewParticipant => (Pane::Participants, None),
            FormKind::EditParticipant { id, .. } => (Pane::Participants, Some(id)),
            FormKind::MeetingDetails { .. } | FormKind::Conclusion { .. } => return None,
        })
    }

    /// The choice that Alt and a digit set from anywhere in the form: the
    /// disposition of an answer, the kind of an issue (question,
    /// difficulty, recommendation, initiative).
    pub fn main_choice(&self) -> Option<&'static str> {
        match self {
            FormKind::Answer { .. } => Some("disposition"),
            FormKind::NewIssue | FormKind::WrittenIssue { .. } | FormKind::EditIssue { .. } => {
                Some("category")
            }
            _ => None,
        }
    }

    /// The permission area the form's command falls in.
    pub fn area(&self) -> Area {
        match self {
            FormKind::NewAgendaItem | FormKind::EditAgendaItem { .. } => Area::Agenda,
            FormKind::NewRequest(_) | FormKind::EditRequest { .. } => Area::Requests,
            FormKind::NewIssue
            | FormKind::WrittenIssue { .. }
            | FormKind::EditIssue { .. }
            | FormKind::Answer { .. }
            | FormKind::CloseIssue { .. } => Area::Issues,
            FormKind::NewAction { .. } | FormKind::EditAction { .. } => Area::Actions,
            FormKind::NewParticipant | FormKind::EditParticipant { .. } => Area::Participants,
            FormKind::MeetingDetails { .. } => Area::Meeting,
            FormKind::AgendaNotes { .. } | FormKind::Conclusion { .. } => Area::Notes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_keys_round_trip() {
        for kind in [
            FormKind::NewAgendaItem,
            FormKind::EditAgendaItem { id: 3, base_rev: 9 },
            FormKind::NewRequest(RequestKind::PointOfOrder),
            FormKind::EditRequest {
                id: 4,
                base_rev: 10,
            },
            FormKind::NewIssue,
            FormKind::WrittenIssue { by: None },
            FormKind::WrittenIssue { by: Some(12) },
            FormKind::EditIssue {
                id: 5,
                base_rev: 11,
            },
            FormKind::Answer {
                id: 6,
                base_rev: 12,
            },
            FormKind::NewAction { issue: None },
            FormKind::NewAction { issue: Some(7) },
            FormKind::EditAction {
                id: 8,
                base_rev: 13,
            },
            FormKind::CloseIssue { id: 9 },
            FormKind::NewParticipant,
            FormKind::EditParticipant {
                id: 10,
                base_rev: 14,
            },
            FormKind::MeetingDetails { base_rev: 15 },
            FormKind::AgendaNotes {
                id: 11,
                base_rev: 0,
            },
            FormKind::Conclusion { base_rev: 16 },
        ] {
            assert_eq!(FormKind::parse(&kind.key()), Some(kind), "{}", kind.key());
        }
        assert_eq!(FormKind::parse("nonsense"), None);
        assert_eq!(FormKind::parse("issue/x@y"), None);
        assert_eq!(FormKind::parse("conclusion@"), None);
        // The names the other parts of gavel (the demo) leave drafts under.
        assert_eq!(
            FormKind::parse("conclusion@42"),
            Some(FormKind::Conclusion { base_rev: 42 })
        );
        assert_eq!(FormKind::Conclusion { base_rev: 7 }.key(), "conclusion@7");
        assert_eq!(
            FormKind::AgendaNotes { id: 3, base_rev: 0 }.key(),
            "notes/3@0"
        );
    }
}
