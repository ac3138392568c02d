//! A fresh form of each kind, filled from the record.

use super::field::{ChoiceSet, Field, NO_HONORIFIC, People};
use super::{Form, FormKind};
use crate::domain::dates::format_date;
use crate::domain::*;

impl Form {
    /// A fresh form; `None` when its target no longer exists.
    pub fn new(kind: FormKind, record: &Record) -> Option<Form> {
        let (fields, focus) = match kind {
            FormKind::NewAgendaItem => (
                vec![
                    Field::text("title", ""),
                    Field::text("minutes", ""),
                    Field::text("presenter", ""),
                ],
                0,
            ),
            FormKind::EditAgendaItem { id, .. } => {
                let item = record.agenda.get(&id)?;
                (
                    vec![
                        Field::text("title", &item.title),
                        Field::text("minutes", &item.planned_minutes.to_string()),
                        Field::text("presenter", &item.presenter),
                    ],
                    0,
                )
            }
            FormKind::NewRequest(kind) => (
                vec![
                    Field::person("who", ""),
                    // Asked only when "who" is chosen as a new participant.
                    Field::text("organization", ""),
                    Field::choice("kind", ChoiceSet::RequestKind, kind.as_str()),
                    Field::text("topic", ""),
                ],
                0,
            ),
            FormKind::EditRequest { id, .. } => {
                let request = record.requests.get(&id)?;
                (
                    vec![
                        Field::choice("kind", ChoiceSet::RequestKind, request.kind.as_str()),
                        Field::text("topic", &request.topic),
                    ],
                    1,
                )
            }
            FormKind::NewIssue => {
                let speaker = record
                    .current_speaker()
                    .map_or("", |r| record.participant_name(r.participant));
                (
                    issue_fields(speaker, &fresh_issue(IssueSource::Floor)),
                    ISSUE_TEXT,
                )
            }
            FormKind::WrittenIssue { by } => {
                let who = match by {
                    Some(id) => &record.participants.get(&id)?.name,
                    None => "",
                };
                written_fields(who)
            }
            FormKind::EditIssue { id, .. } => {
                let issue = record.issues.get(&id)?;
                let who = issue.raised_by.map_or("", |p| record.participant_name(p));
                let fields = IssueFields {
                    raised_by: issue.raised_by,
                    source: issue.source,
                    category: issue.category,
                    field: issue.field.clone(),
                    procedure: issue.procedure.clone(),
                    text: issue.text.clone(),
                    letter_number: issue.letter_number.clone(),
                    letter_date: issue.letter_date,
                };
                (issue_fields(who, &fields), ISSUE_TEXT)
            }
            FormKind::Answer { id, .. } => {
                let issue = record.issues.get(&id)?;
                let disposition = match issue.disposition {
                    Disposition::Open => Disposition::Answered,
                    other => other,
                };
                let who = issue.answered_by.map_or("", |p| record.participant_name(p));
                (
                    vec![
                        Field::person_of("answered_by", who, People::Answerer { issue: id }),
                        Field::multi("answer", &issue.answer),
                        Field::choice("disposition", ChoiceSet::Disposition, disposition.as_str()),
                        Field::text("escalated_to", &issue.escalated_to),
                        Field::text(
                            "reply_due",
                            &issue.reply_due.map(format_date).unwrap_or_default(),
                        ),
                    ],
                    1,
                )
            }
            FormKind::NewAction { issue } => {
                let issue = issue.and_then(|id| record.issues.get(&id));
                let number = issue.map(|i| i.number.to_string()).unwrap_or_default();
                // Proposed: what the issue itself is owed by (its written
                // reply, or its forwarding).
                let due = issue
                    .and_then(Issue::due)
                    .map(format_date)
                    .unwrap_or_default();
                // Who answered at the meeting is the one who follows it up.
                let owner = issue
                    .and_then(|i| i.answered_by)
                    .and_then(|p| record.participants.get(&p))
                    .map_or("", |p| p.name.as_str());
                (
                    action_fields("", owner, &number, &due, ActionStatus::Open, ""),
                    0,
                )
            }
            FormKind::CloseIssue { id } => {
                record.issues.get(&id)?;
                (
                    vec![Field::text("reference", ""), Field::text("closed_on", "")],
                    0,
                )
            }
            FormKind::EditAction { id, .. } => {
                let action = record.actions.get(&id)?;
                let number = action
                    .issue
                    .and_then(|id| record.issues.get(&id))
                    .map(|i| i.number.to_string())
                    .unwrap_or_default();
                let due = action.due.map(format_date).unwrap_or_default();
                (
                    action_fields(
                        &action.title,
                        &action.owner,
                        &number,
                        &due,
                        action.status,
                        &action.completion_ref,
                    ),
                    0,
                )
            }
            FormKind::NewParticipant => {
                let fresh = ParticipantFields::named("", "", ParticipantRole::Citizen);
                (participant_fields(&fresh), 0)
            }
            FormKind::EditParticipant { id, .. } => {
                let person = record.participants.get(&id)?;
                let mut fields = ParticipantFields::of(person);
                // As the record proves it: the one that can be saved.
                fields.attendance = record.attendance_of(person);
                (participant_fields(&fields), 0)
            }
            FormKind::MeetingDetails { .. } => (meeting_fields(record), 0),
            FormKind::AgendaNotes { id, .. } => {
                let item = record.agenda.get(&id)?;
                (vec![Field::multi("notes", &item.notes)], 0)
            }
            FormKind::Conclusion { .. } => (
                vec![Field::multi("conclusion", &record.meeting.conclusion)],
                0,
            ),
        };
        // What a new action's form proposes is replaced by typing.
        let proposed = match kind {
            FormKind::NewAction { .. } => fields
                .iter()
                .filter(|f| matches!(f.key, "due" | "owner") && !f.value().is_empty())
                .map(|f| f.key)
                .collect(),
            _ => Vec::new(),
        };
        Some(Form {
            proposed,
            kind,
            fields,
            focus,
            error: None,
            earlier_keys: Vec::new(),
            correction_confirmed: false,
            undated_confirmed: false,
        })
    }
}

/// Where the text of an issue is in its form: the field typed first.
const ISSUE_TEXT: usize = 7;

fn issue_fields(who: &str, issue: &IssueFields) -> Vec<Field> {
    let letter_date = issue.letter_date.map(format_date).unwrap_or_default();
    vec![
        Field::person_of("raised_by", who, People::Listed),
        Field::choice("source", ChoiceSet::Source, issue.source.as_str()),
        Field::text("letter_number", &issue.letter_number),
        Field::text("letter_date", &letter_date),
        Field::choice("category", ChoiceSet::Category, issue.category.as_str()),
        Field::text("field", &issue.field),
        Field::text("procedure", &issue.procedure),
        Field::multi("text", &issue.text),
    ]
}

/// An issue as nothing is typed yet, from `source`.
fn fresh_issue(source: IssueSource) -> IssueFields {
    IssueFields {
        raised_by: None,
        source,
        category: IssueCategory::Question,
        field: String::new(),
        procedure: String::new(),
        text: String::new(),
        letter_number: String::new(),
        letter_date: None,
    }
}

/// A letter: the issue's fields, with who wrote it, its number and date and
/// what it says first, in the order they are read off the letter.
fn written_fields(who: &str) -> (Vec<Field>, usize) {
    const READ_OFF_A_LETTER: [&str; 4] = ["raised_by", "letter_number", "letter_date", "text"];
    let mut fields = issue_fields(who, &fresh_issue(IssueSource::WrittenSubmission));
    // A stable sort: the others keep their order after these.
    fields.sort_by_key(|f| {
        READ_OFF_A_LETTER
            .iter()
            .position(|key| *key == f.key)
            .unwrap_or(READ_OFF_A_LETTER.len())
    });
    // The writer known (from the roll call): straight to the letter.
    let focus = usize::from(!who.is_empty());
    (fields, focus)
}

fn participant_fields(p: &ParticipantFields) -> Vec<Field> {
    let honorific = p.honorific.map_or(NO_HONORIFIC, Honorific::as_str);
    let members = if p.members == 0 {
        String::new()
    } else {
        p.members.to_string()
    };
    vec![
        Field::text("name", &p.name),
        Field::choice("honorific", ChoiceSet::Honorific, honorific),
        Field::text("position", &p.position),
        Field::text("organization", &p.organization),
        Field::choice("group", ChoiceSet::Group, p.role.as_str()),
        Field::text("contact", &p.contact),
        Field::choice("attendance", ChoiceSet::Attendance, p.attendance.as_str()),
        Field::text("members", &members),
        Field::text("representatives", &p.representatives),
    ]
}

/// The details a chair fixes on the day; the chair and the secretary are
/// chosen from the participants.
fn meeting_fields(record: &Record) -> Vec<Field> {
    let details = &record.meeting.details;
    let chair = record.chair().map_or(details.chair.as_str(), |p| &p.name);
    let secretary = record
        .secretary()
        .map_or(details.secretary.as_str(), |p| &p.name);
    vec![
        Field::text("title", &details.title),
        Field::person_of("chair", chair, People::Listed),
        Field::person_of("secretary", secretary, People::Listed),
        Field::text("superior_agency", &details.superior_agency),
        Field::text("agency", &details.agency),
        Field::text("venue", &details.venue),
        Field::text("place", &details.place),
        Field::text("doc_number", &details.doc_number),
    ]
}

fn action_fields(
    title: &str,
    owner: &str,
    issue: &str,
    due: &str,
    status: ActionStatus,
    reference: &str,
) -> Vec<Field> {
    vec![
        Field::text("title", title),
        Field::person_of("owner", owner, People::Suggested),
        Field::text("issue", issue),
        Field::text("due", due),
        Field::choice("status", ChoiceSet::ActionStatus, status.as_str()),
        Field::text("reference", reference),
    ]
}
