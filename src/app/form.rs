//! Forms: a layer over the panes where a row is added or edited. Each form
//! has a key (its kind and target) under which its fields are saved as drafts
//! on every keystroke, so that it can be rebuilt exactly after a crash.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::text::fold;
use crate::domain::*;
use crate::i18n::{Label, Lang, Texts, fill};
use crate::input::textfield::TextField;

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
            FormKind::EditIssue { id, base_rev } => format!("issue/{id}@{base_rev}"),
            FormKind::Answer { id, base_rev } => format!("answer/{id}@{base_rev}"),
            FormKind::NewAction { issue: None } => "action/new".into(),
            FormKind::NewAction { issue: Some(id) } => format!("action/new/{id}"),
            FormKind::EditAction { id, base_rev } => format!("action/{id}@{base_rev}"),
            FormKind::CloseIssue { id } => format!("close/{id}"),
        }
    }

    pub fn parse(key: &str) -> Option<FormKind> {
        let (what, rest) = key.split_once('/')?;
        let target = || -> Option<(Id, Seq)> {
            let (id, rev) = rest.split_once('@')?;
            Some((id.parse().ok()?, rev.parse().ok()?))
        };
        Some(match (what, rest) {
            ("agenda", "new") => FormKind::NewAgendaItem,
            ("issue", "new") => FormKind::NewIssue,
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
            FormKind::EditIssue { .. } => t.form_edit_issue,
            FormKind::Answer { .. } => t.form_answer,
            FormKind::NewAction { .. } => t.form_new_action,
            FormKind::EditAction { .. } => t.form_edit_action,
            FormKind::CloseIssue { .. } => t.form_close_issue,
        }
    }

    /// The permission area the form's command falls in.
    pub fn area(&self) -> Area {
        match self {
            FormKind::NewAgendaItem | FormKind::EditAgendaItem { .. } => Area::Agenda,
            FormKind::NewRequest(_) | FormKind::EditRequest { .. } => Area::Requests,
            FormKind::NewIssue
            | FormKind::EditIssue { .. }
            | FormKind::Answer { .. }
            | FormKind::CloseIssue { .. } => Area::Issues,
            FormKind::NewAction { .. } | FormKind::EditAction { .. } => Area::Actions,
        }
    }
}

/// The sets of values a choice field offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceSet {
    RequestKind,
    Source,
    Category,
    Disposition,
    ActionStatus,
}

impl ChoiceSet {
    fn values(self) -> Vec<&'static str> {
        fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
            all.iter().map(|v| name(*v)).collect()
        }
        match self {
            ChoiceSet::RequestKind => vec!["normal", "reply", "point-of-order"],
            ChoiceSet::Source => names(IssueSource::ALL, IssueSource::as_str),
            ChoiceSet::Category => names(IssueCategory::ALL, IssueCategory::as_str),
            ChoiceSet::Disposition => names(Disposition::ALL, Disposition::as_str),
            ChoiceSet::ActionStatus => names(ActionStatus::ALL, ActionStatus::as_str),
        }
    }

    pub fn label(self, value: &str, lang: Lang) -> &'static str {
        let label = match self {
            ChoiceSet::RequestKind => RequestKind::parse(value).map(|v| v.label(lang)),
            ChoiceSet::Source => IssueSource::parse(value).map(|v| v.label(lang)),
            ChoiceSet::Category => IssueCategory::parse(value).map(|v| v.label(lang)),
            ChoiceSet::Disposition => Disposition::parse(value).map(|v| v.label(lang)),
            ChoiceSet::ActionStatus => ActionStatus::parse(value).map(|v| v.label(lang)),
        };
        label.unwrap_or("?")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    Text(TextField),
    Choice {
        set: ChoiceSet,
        values: Vec<&'static str>,
        selected: usize,
    },
    /// A name with completion from the participants; `highlight` is the
    /// match Enter or Tab would take (`None`: keep the typed name).
    Person {
        text: TextField,
        highlight: Option<usize>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub key: &'static str,
    pub input: Input,
}

impl Field {
    fn text(key: &'static str, value: &str) -> Field {
        Field {
            key,
            input: Input::Text(TextField::single_line().with_text(value, usize::MAX)),
        }
    }

    fn multi(key: &'static str, value: &str) -> Field {
        Field {
            key,
            input: Input::Text(TextField::multi_line().with_text(value, usize::MAX)),
        }
    }

    fn choice(key: &'static str, set: ChoiceSet, value: &str) -> Field {
        let values = set.values();
        let selected = values.iter().position(|v| *v == value).unwrap_or(0);
        Field {
            key,
            input: Input::Choice {
                set,
                values,
                selected,
            },
        }
    }

    fn person(key: &'static str, value: &str) -> Field {
        Field {
            key,
            input: Input::Person {
                text: TextField::single_line().with_text(value, usize::MAX),
                highlight: None,
            },
        }
    }

    pub fn label(&self, t: &Texts) -> &'static str {
        match self.key {
            "title" => t.f_title,
            "minutes" => t.f_planned_minutes,
            "presenter" => t.f_presenter,
            "who" => t.f_who,
            "kind" => t.f_kind,
            "topic" => t.f_topic,
            "raised_by" => t.f_raised_by,
            "source" => t.f_source,
            "category" => t.f_category,
            "field" => t.f_field,
            "procedure" => t.f_procedure,
            "text" => t.f_text,
            "answer" => t.f_answer,
            "disposition" => t.f_disposition,
            "escalated_to" => t.f_escalated_to,
            "reply_due" => t.f_reply_due,
            "owner" => t.f_owner,
            "issue" => t.f_issue,
            "due" => t.f_due,
            "status" => t.f_status,
            "reference" => t.f_completion_ref,
            "closed_on" => t.f_closed_on,
            _ => "?",
        }
    }

    /// The field's value as a draft saves it: (text, cursor).
    pub fn draft(&self) -> (&str, usize) {
        match &self.input {
            Input::Text(field) | Input::Person { text: field, .. } => {
                (field.text(), field.cursor())
            }
            Input::Choice {
                values, selected, ..
            } => (values[*selected], 0),
        }
    }

    pub fn restore(&mut self, text: &str, cursor: usize) {
        match &mut self.input {
            Input::Text(field) | Input::Person { text: field, .. } => {
                let fresh = if field.is_multiline() {
                    TextField::multi_line()
                } else {
                    TextField::single_line()
                };
                *field = fresh.with_text(text, cursor);
            }
            Input::Choice {
                values, selected, ..
            } => {
                if let Some(at) = values.iter().position(|v| *v == text) {
                    *selected = at;
                }
            }
        }
    }

    fn value(&self) -> &str {
        self.draft().0
    }
}

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormOutcome {
    /// Nothing that needs saving changed.
    Unchanged,
    /// The text or the cursor of the focused field changed.
    Edited,
    /// Another field has the focus.
    Moved,
    Save,
    Cancel,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub kind: FormKind,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last save was refused, shown in the form.
    pub error: Option<String>,
    /// Someone changed the row since the form was opened: its revision now.
    pub conflict: Option<Seq>,
    /// The minutes are approved and the person confirmed that this save is
    /// a correction.
    pub correction_confirmed: bool,
}

/// Up to this many names are offered while typing a person's name.
const MAX_MATCHES: usize = 5;

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
            conflict: None,
            correction_confirmed: false,
        })
    }

    pub fn focused(&self) -> &Field {
        &self.fields[self.focus]
    }

    pub fn field_mut(&mut self, key: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.key == key)
    }

    pub fn focus_field(&mut self, key: &str) {
        if let Some(at) = self.fields.iter().position(|f| f.key == key) {
            self.focus = at;
        }
    }

    /// Handles a key; the caller saves drafts and acts on the outcome.
    pub fn handle_key(&mut self, key: KeyEvent, record: &Record) -> FormOutcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return FormOutcome::Cancel,
            KeyCode::Char('s') if ctrl => {
                self.accept_match(record);
                return FormOutcome::Save;
            }
            KeyCode::Tab => {
                self.accept_match(record);
                self.focus = (self.focus + 1) % self.fields.len();
                return FormOutcome::Moved;
            }
            KeyCode::BackTab => {
                self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
                return FormOutcome::Moved;
            }
            KeyCode::Enter if !self.is_multiline_focus() || ctrl => {
                self.accept_match(record);
                return FormOutcome::Save;
            }
            _ => {}
        }
        let matches = self.person_matches(record).len();
        let fields = self.fields.len();
        match &mut self.fields[self.focus].input {
            Input::Choice {
                values, selected, ..
            } => match key.code {
                KeyCode::Left => *selected = (*selected + values.len() - 1) % values.len(),
                KeyCode::Right | KeyCode::Char(' ') => *selected = (*selected + 1) % values.len(),
                KeyCode::Up => return self.move_focus(false, fields),
                KeyCode::Down => return self.move_focus(true, fields),
                _ => return FormOutcome::Unchanged,
            },
            Input::Person { text, highlight } => match key.code {
                KeyCode::Down if matches > 0 => {
                    *highlight = Some(highlight.map_or(0, |h| (h + 1).min(matches - 1)));
                    return FormOutcome::Unchanged;
                }
                KeyCode::Up if highlight.is_some() => {
                    *highlight = highlight.and_then(|h| h.checked_sub(1));
                    return FormOutcome::Unchanged;
                }
                KeyCode::Up => return self.move_focus(false, fields),
                KeyCode::Down => return self.move_focus(true, fields),
                _ => {
                    let before = (text.text().to_string(), text.cursor());
                    text.handle_key(&key);
                    if text.text() != before.0 {
                        // A new name: propose the best match again.
                        *highlight = None;
                    }
                    if (text.text(), text.cursor()) == (before.0.as_str(), before.1) {
                        return FormOutcome::Unchanged;
                    }
                    let has_matches = !self.person_matches(record).is_empty();
                    if let Input::Person { highlight, text } = &mut self.fields[self.focus].input
                        && has_matches
                        && !text.is_empty()
                    {
                        highlight.get_or_insert(0);
                    }
                }
            },
            Input::Text(text) => {
                if text.is_multiline() {
                    match key.code {
                        KeyCode::Up if !text.up() => return self.move_focus(false, fields),
                        KeyCode::Down if !text.down() => return self.move_focus(true, fields),
                        KeyCode::Up | KeyCode::Down => return FormOutcome::Edited,
                        KeyCode::Enter => {
                            text.insert_char('\n');
                            return FormOutcome::Edited;
                        }
                        _ => {}
                    }
                } else {
                    match key.code {
                        KeyCode::Up => return self.move_focus(false, fields),
                        KeyCode::Down => return self.move_focus(true, fields),
                        _ => {}
                    }
                }
                let before = (text.text().to_string(), text.cursor());
                text.handle_key(&key);
                if (text.text(), text.cursor()) == (before.0.as_str(), before.1) {
                    return FormOutcome::Unchanged;
                }
            }
        }
        FormOutcome::Edited
    }

    fn move_focus(&mut self, forward: bool, fields: usize) -> FormOutcome {
        let next = if forward {
            (self.focus + 1).min(fields - 1)
        } else {
            self.focus.saturating_sub(1)
        };
        if next == self.focus {
            FormOutcome::Unchanged
        } else {
            self.focus = next;
            FormOutcome::Moved
        }
    }

    /// Pasted text goes into the focused field as one edit.
    pub fn paste(&mut self, pasted: &str) -> FormOutcome {
        match &mut self.fields[self.focus].input {
            Input::Text(text) | Input::Person { text, .. } => {
                text.insert_str(pasted);
                FormOutcome::Edited
            }
            Input::Choice { .. } => FormOutcome::Unchanged,
        }
    }

    fn is_multiline_focus(&self) -> bool {
        matches!(&self.focused().input, Input::Text(t) if t.is_multiline())
    }

    /// Participants whose name or organization contains what is typed in
    /// the focused person field, accents and case aside.
    pub fn person_matches<'r>(&self, record: &'r Record) -> Vec<&'r Participant> {
        let Input::Person { text, .. } = &self.focused().input else {
            return Vec::new();
        };
        let typed = fold(text.text().trim());
        if typed.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(bool, &Participant)> = record
            .participants
            .values()
            .filter_map(|p| {
                let name = fold(&p.name);
                if name == typed {
                    return None; // already complete
                }
                let hit = name.contains(&typed) || fold(&p.organization).contains(&typed);
                hit.then(|| (!name.split_whitespace().any(|w| w.starts_with(&typed)), p))
            })
            .collect();
        found.sort_by_key(|(weak, p)| (*weak, p.id));
        found
            .into_iter()
            .take(MAX_MATCHES)
            .map(|(_, p)| p)
            .collect()
    }

    /// Takes the highlighted completion into the person field.
    fn accept_match(&mut self, record: &Record) {
        let matches: Vec<String> = self
            .person_matches(record)
            .iter()
            .map(|p| p.name.clone())
            .collect();
        if let Input::Person { text, highlight } = &mut self.fields[self.focus].input
            && let Some(name) = highlight.and_then(|h| matches.get(h))
        {
            *text = TextField::single_line().with_text(name, usize::MAX);
            *highlight = None;
        }
    }

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
        let issue_fields = || -> IssueFields {
            IssueFields {
                raised_by: existing_person(record, get("raised_by")),
                source: IssueSource::parse(get("source")).unwrap_or(IssueSource::Floor),
                category: IssueCategory::parse(get("category")).unwrap_or(IssueCategory::Question),
                field: get("field").to_string(),
                procedure: get("procedure").to_string(),
                text: get("text").to_string(),
            }
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
                let speaker = match existing_person(record, who) {
                    Some(id) => Speaker::Existing(id),
                    None => Speaker::New {
                        name: who.to_string(),
                        organization: String::new(),
                    },
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
            FormKind::NewIssue => Command::LogIssue(issue_fields()),
            FormKind::EditIssue { id, base_rev } => Command::EditIssue {
                id,
                base_rev,
                fields: issue_fields(),
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

/// The participant a typed name means: the same name, accents and case
/// aside. Anything else is a new person.
fn existing_person(record: &Record, typed: &str) -> Option<Id> {
    let typed = fold(typed.trim());
    if typed.is_empty() {
        return None;
    }
    record
        .participants
        .values()
        .find(|p| fold(&p.name) == typed)
        .map(|p| p.id)
}

/// dd/mm/yyyy as written in Vietnam, or ISO yyyy-mm-dd.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .ok()
}

pub fn format_date(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
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
        ] {
            assert_eq!(FormKind::parse(&kind.key()), Some(kind), "{}", kind.key());
        }
        assert_eq!(FormKind::parse("nonsense"), None);
        assert_eq!(FormKind::parse("issue/x@y"), None);
    }

    #[test]
    fn dates_in_both_spellings() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 5);
        assert_eq!(parse_date("05/03/2026"), day);
        assert_eq!(parse_date("2026-03-05"), day);
        assert_eq!(parse_date("5 March"), None);
    }
}
