//! A form's fields: text (one line or several), a choice among the record's
//! values, or a person's name with completion from the participants.

use crate::domain::*;
use crate::i18n::{Label, Lang, Texts};
use crate::input::textfield::TextField;

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
    pub(super) fn text(key: &'static str, value: &str) -> Field {
        Field {
            key,
            input: Input::Text(TextField::single_line().with_text(value, usize::MAX)),
        }
    }

    pub(super) fn multi(key: &'static str, value: &str) -> Field {
        Field {
            key,
            input: Input::Text(TextField::multi_line().with_text(value, usize::MAX)),
        }
    }

    pub(super) fn choice(key: &'static str, set: ChoiceSet, value: &str) -> Field {
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

    pub(super) fn person(key: &'static str, value: &str) -> Field {
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

    pub(super) fn value(&self) -> &str {
        self.draft().0
    }
}
