//! The command a filled-in form stands for, or why it cannot be one yet.

use chrono::NaiveDate;

use super::field::Field;
use super::{Form, FormKind};
use crate::domain::dates::parse_date;
use crate::domain::text::fold;
use crate::domain::*;
use crate::i18n::{Lang, fill};

impl Form {
    /// The command the form describes, or why it cannot be one yet; `today`
    /// is the default for dates that may be left empty.
    pub fn to_command(
        &self,
        record: &Record,
        lang: Lang,
        today: NaiveDate,
    ) -> Result<Command, String> {
        let t = lang.texts();
        let get = |key: &str| {
            self.fields
                .iter()
                .find(|f| f.key == key)
                .map_or("", Field::value)
        };
        let label = |key: &str| {
            self.fields
                .iter()
                .find(|f| f.key == key)
                .map_or("?", |f| f.label(t))
        };
        // An empty number is zero (an agenda item without a time box).
        let number = |key: &str| -> Result<u32, String> {
            match get(key).trim() {
                "" => Ok(0),
                value => value
                    .parse()
                    .map_err(|_| fill(t.msg_not_a_number, &[label(key)])),
            }
        };
        let chosen =
            |key: &str, written: &str, id: Option<Id>| self.chosen(record, lang, key, written, id);
        let date = |key: &str| -> Result<Option<NaiveDate>, String> {
            let value = get(key).trim();
            if value.is_empty() {
                return Ok(None);
            }
            parse_date(value)
                .map(Some)
                .ok_or_else(|| fill(t.msg_not_a_date, &[label(key)]))
        };
        let agenda_fields = || -> Result<AgendaFields, String> {
            Ok(AgendaFields {
                title: get("title").to_string(),
                planned_minutes: number("minutes")?,
                presenter: get("presenter").to_string(),
                position: None,
            })
        };
        // Someone on the list, or nobody when left empty; any other name is
        // refused here, never made a new participant.
        let listed = |key: &str| -> Result<Option<Id>, String> {
            match get(key).trim() {
                "" => Ok(None),
                typed => existing_person(record, typed)
                    .map(Some)
                    .ok_or_else(|| fill(t.msg_not_a_participant, &[label(key)])),
            }
        };
        let issue_fields = || -> Result<IssueFields, String> {
            Ok(IssueFields {
                raised_by: listed("raised_by")?,
                source: IssueSource::parse(get("source")).unwrap_or(IssueSource::Floor),
                category: IssueCategory::parse(get("category")).unwrap_or(IssueCategory::Question),
                field: get("field").to_string(),
                procedure: get("procedure").to_string(),
                text: get("text").to_string(),
                // Sent as typed: the record says why a letter does not go
                // with an issue raised in the room.
                letter_number: get("letter_number").to_string(),
                letter_date: date("letter_date")?,
            })
        };
        let participant_fields = || -> Result<ParticipantFields, String> {
            Ok(ParticipantFields {
                name: get("name").to_string(),
                organization: get("organization").to_string(),
                position: get("position").to_string(),
                role: ParticipantRole::parse(get("group")).unwrap_or(ParticipantRole::Citizen),
                honorific: Honorific::parse(get("honorific")),
                contact: get("contact").to_string(),
                attendance: Attendance::parse(get("attendance")).unwrap_or(Attendance::Invited),
                members: number("members")?,
                representatives: get("representatives").to_string(),
            })
        };
        let action_fields = || -> Result<ActionFields, String> {
            let issue = match get("issue").trim() {
                "" => None,
                n => {
                    let n: u32 = n
                        .parse()
                        .map_err(|_| fill(t.msg_not_a_number, &[label("issue")]))?;
                    Some(
                        record
                            .issues
                            .values()
                            .find(|i| i.number == n)
                            .map(|i| i.id)
                            .ok_or_else(|| fill(t.msg_not_a_number, &[label("issue")]))?,
                    )
                }
            };
            Ok(ActionFields {
                title: get("title").to_string(),
                owner: get("owner").to_string(),
                issue,
                due: date("due")?,
                status: ActionStatus::parse(get("status")).unwrap_or(ActionStatus::Open),
                completion_ref: get("reference").to_string(),
            })
        };
        Ok(match self.kind {
            FormKind::NewAgendaItem => Command::AddAgendaItem(agenda_fields()?),
            FormKind::EditAgendaItem { id, base_rev } => Command::EditAgendaItem {
                id,
                base_rev,
                fields: agenda_fields()?,
            },
            FormKind::NewRequest(_) => {
                let who = get("who").trim();
                // A new participant only when chosen as one, never a name
                // merely typed (an answer typed into the wrong form).
                let speaker = match (self.new_person_chosen(), existing_person(record, who)) {
                    (Some(true), _) => Speaker::New {
                        name: who.to_string(),
                        organization: get("organization").trim().to_string(),
                    },
                    (_, Some(id)) => Speaker::Existing(id),
                    _ if who.is_empty() => {
                        return Err(fill(t.msg_not_a_participant, &[label("who")]));
                    }
                    _ => return Err(fill(t.msg_choose_new, &[label("who"), who])),
                };
                Command::RequestFloor {
                    speaker,
                    kind: RequestKind::parse(get("kind")).unwrap_or(RequestKind::Normal),
                    topic: get("topic").to_string(),
                }
            }
            FormKind::EditRequest { id, base_rev } => Command::EditRequest {
                id,
                base_rev,
                kind: RequestKind::parse(get("kind")).unwrap_or(RequestKind::Normal),
                topic: get("topic").to_string(),
            },
            FormKind::NewIssue | FormKind::WrittenIssue { .. } => {
                Command::LogIssue(issue_fields()?)
            }
            FormKind::EditIssue { id, base_rev } => Command::EditIssue {
                id,
                base_rev,
                fields: issue_fields()?,
            },
            FormKind::Answer { id, base_rev } => Command::AnswerIssue {
                id,
                base_rev,
                fields: AnswerFields {
                    answer: get("answer").to_string(),
                    disposition: Disposition::parse(get("disposition"))
                        .unwrap_or(Disposition::Answered),
                    reply_due: date("reply_due")?,
                    escalated_to: get("escalated_to").to_string(),
                    answered_by: listed("answered_by")?,
                },
            },
            FormKind::NewAction { .. } => Command::AddAction(action_fields()?),
            FormKind::EditAction { id, base_rev } => Command::EditAction {
                id,
                base_rev,
                fields: action_fields()?,
            },
            FormKind::CloseIssue { id } => Command::CloseIssue {
                id,
                on: date("closed_on")?.unwrap_or(today),
                closing_ref: get("reference").to_string(),
            },
            FormKind::NewParticipant => Command::AddParticipant(participant_fields()?),
            FormKind::EditParticipant { id, base_rev } => Command::EditParticipant {
                id,
                base_rev,
                fields: participant_fields()?,
            },
            FormKind::MeetingDetails { base_rev } => {
                let mut details = record.meeting.details.clone();
                details.title = get("title").to_string();
                details.superior_agency = get("superior_agency").to_string();
                details.agency = get("agency").to_string();
                details.venue = get("venue").to_string();
                details.place = get("place").to_string();
                details.doc_number = get("doc_number").to_string();
                let (chair, chair_id) = chosen("chair", &details.chair, details.chair_id)?;
                let (secretary, secretary_id) =
                    chosen("secretary", &details.secretary, details.secretary_id)?;
                details.chair = chair;
                details.chair_id = chair_id;
                details.secretary = secretary;
                details.secretary_id = secretary_id;
                Command::EditMeeting { base_rev, details }
            }
            FormKind::AgendaNotes { id, base_rev } => Command::WriteAgendaNotes {
                id,
                base_rev,
                notes: get("notes").to_string(),
            },
            FormKind::Conclusion { base_rev } => Command::WriteConclusion {
                base_rev,
                text: get("conclusion").to_string(),
            },
        })
    }

    /// The chair or the secretary as typed in `key`: a participant (the
    /// record then signs with their name), nobody, or, in a file from
    /// before they were chosen from the list, the name as it was written
    /// (kept when left as it is).
    fn chosen(
        &self,
        record: &Record,
        lang: Lang,
        key: &str,
        written: &str,
        chosen: Option<Id>,
    ) -> Result<(String, Option<Id>), String> {
        let field = self.fields.iter().find(|f| f.key == key);
        let typed = field.map_or("", Field::value).trim();
        if typed.is_empty() {
            return Ok((String::new(), None));
        }
        if let Some(id) = existing_person(record, typed) {
            return Ok((record.participant_name(id).to_string(), Some(id)));
        }
        if chosen.is_none() && fold(typed) == fold(written) {
            return Ok((written.to_string(), None));
        }
        let label = field.map_or("?", |f| f.label(lang.texts()));
        Err(fill(lang.texts().msg_not_a_participant, &[label]))
    }
}

/// The participant a typed name means: the same name, accents, case and
/// spaces aside.
fn existing_person(record: &Record, typed: &str) -> Option<Id> {
    super::names::named(record, typed)
}
