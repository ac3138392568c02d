//! A fresh form of each kind, filled from the record.

use super::field::{ChoiceSet, Field};
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
                    issue_fields(
                        speaker,
                        IssueSource::Floor,
                        IssueCategory::Question,
                        "",
                        "",
                        "",
                    ),
                    5,
                )
            }
            FormKind::EditIssue { id, .. } => {
                let issue = record.issues.get(&id)?;
                let who = issue.raised_by.map_or("", |p| record.participant_name(p));
                (
                    issue_fields(
                        who,
                        issue.source,
                        issue.category,
                        &issue.field,
                        &issue.procedure,
                        &issue.text,
                    ),
                    5,
                )
            }
            FormKind::Answer { id, .. } => {
                let issue = record.issues.get(&id)?;
                let disposition = match issue.disposition {
                    Disposition::Open => Disposition::Answered,
                    other => other,
                };
                (
                    vec![
                        Field::multi("answer", &issue.answer),
                        Field::choice("disposition", ChoiceSet::Disposition, disposition.as_str()),
                        Field::text("escalated_to", &issue.escalated_to),
                        Field::text(
                            "reply_due",
                            &issue.reply_due.map(format_date).unwrap_or_default(),
                        ),
                    ],
                    0,
                )
            }
            FormKind::NewAction { issue } => {
                let number = issue
                    .and_then(|id| record.issues.get(&id))
                    .map(|i| i.number.to_string())
                    .unwrap_or_default();
                (
                    action_fields("", "", &number, "", ActionStatus::Open, ""),
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
        };
        Some(Form {
            kind,
            fields,
            focus,
            error: None,
            earlier_keys: Vec::new(),
            correction_confirmed: false,
        })
    }
}

fn issue_fields(
    who: &str,
    source: IssueSource,
    category: IssueCategory,
    field: &str,
    procedure: &str,
    text: &str,
) -> Vec<Field> {
    vec![
        Field::person("raised_by", who),
        Field::choice("source", ChoiceSet::Source, source.as_str()),
        Field::choice("category", ChoiceSet::Category, category.as_str()),
        Field::text("field", field),
        Field::text("procedure", procedure),
        Field::multi("text", text),
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
        Field::text("owner", owner),
        Field::text("issue", issue),
        Field::text("due", due),
        Field::choice("status", ChoiceSet::ActionStatus, status.as_str()),
        Field::text("reference", reference),
    ]
}
