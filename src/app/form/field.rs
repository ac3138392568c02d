//! A form's fields: text (one line or several), a choice among the record's
//! values, or a person's name with completion from the participants.

use crate::domain::*;
use crate::i18n::{Label, Lang, Texts, honorific_word, short_disposition};
use crate::input::textfield::TextField;

/// The sets of values a choice field offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceSet {
    RequestKind,
    Source,
    Category,
    Disposition,
    ActionStatus,
    /// Ông / Bà, or not known.
    Honorific,
    /// The delegate group.
    Group,
    Attendance,
}

/// What "not known" is saved as in an honorific choice.
pub const NO_HONORIFIC: &str = "none";

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
            ChoiceSet::Honorific => std::iter::once(NO_HONORIFIC)
                .chain(names(Honorific::ALL, Honorific::as_str))
                .collect(),
            ChoiceSet::Group => names(ParticipantRole::ALL, ParticipantRole::as_str),
            ChoiceSet::Attendance => names(Attendance::ALL, Attendance::as_str),
        }
    }

    /// A few words for a value, where all the values are listed on one
    /// line (numbered, for the digit keys).
    pub fn short_label(self, value: &str, lang: Lang) -> &'static str {
        match (self, Disposition::parse(value)) {
            (ChoiceSet::Disposition, Some(disposition)) => short_disposition(disposition, lang),
            _ => self.label(value, lang),
        }
    }

    pub fn label(self, value: &str, lang: Lang) -> &'static str {
        let label = match self {
            ChoiceSet::RequestKind => RequestKind::parse(value).map(|v| v.label(lang)),
            ChoiceSet::Source => IssueSource::parse(value).map(|v| v.label(lang)),
            ChoiceSet::Category => IssueCategory::parse(value).map(|v| v.label(lang)),
            ChoiceSet::Disposition => Disposition::parse(value).map(|v| v.label(lang)),
            ChoiceSet::ActionStatus => ActionStatus::parse(value).map(|v| v.label(lang)),
            ChoiceSet::Honorific => Some(match Honorific::parse(value) {
                Some(honorific) => honorific_word(honorific, lang),
                None => lang.pick("(not known)", "(không rõ)"),
            }),
            ChoiceSet::Group => ParticipantRole::parse(value).map(|v| v.label(lang)),
            ChoiceSet::Attendance => Attendance::parse(value).map(|v| v.label(lang)),
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
    /// row Enter or Tab would take: a match, or just after the matches the
    /// "+ new participant" row where a new name is welcome (`None`: keep
    /// the typed name). `new_chosen`: that row was chosen, so the typed
    /// name is a new participant (until the name changes).
    Person {
        text: TextField,
        highlight: Option<usize>,
        people: People,
        new_chosen: bool,
    },
}

/// Whom a person field offers, and whether a new name is welcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum People {
    /// Anyone on the list, or a new participant when the "+ new
    /// participant" row is chosen (never a name merely typed).
    AnyoneOrNew,
    /// Someone on the list, no one else (the chair, the secretary).
    Listed,
    /// Who answered an issue: someone on the list, offered first among
    /// those who spoke under the issue's agenda item.
    Answerer { issue: Id },
    /// Any text (an action's owner may be a department): the list only
    /// suggests, and a match is taken only when chosen or typed in full.
    Suggested,
}

impl People {
    /// Whether the field offers to add the typed name as a new participant.
    pub fn takes_new(self) -> bool {
        self == People::AnyoneOrNew
    }
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
        Field::person_of(key, value, People::AnyoneOrNew)
    }

    pub(super) fn person_of(key: &'static str, value: &str, people: People) -> Field {
        Field {
            key,
            input: Input::Person {
                text: TextField::single_line().with_text(value, usize::MAX),
                highlight: None,
                people,
                new_chosen: false,
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
            "name" => t.f_name,
            "honorific" => t.f_honorific,
            "position" => t.f_position,
            "organization" => t.f_organization,
            "group" => t.f_group,
            "contact" => t.f_contact,
            "attendance" => t.f_attendance,
            "members" => t.f_members,
            "representatives" => t.f_representatives,
            "notes" => t.f_notes,
            "conclusion" => t.f_conclusion,
            "answered_by" => t.f_answered_by,
            "letter_number" => t.f_letter_number,
            "letter_date" => t.f_letter_date,
            "chair" => t.f_chair,
            "secretary" => t.f_secretary,
            "superior_agency" => t.f_superior_agency,
            "agency" => t.f_agency,
            "venue" => t.f_venue,
            "place" => t.f_place,
            "doc_number" => t.f_doc_number,
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

    /// The value as the form shows it: a choice by its words.
    pub fn shown(&self, lang: Lang) -> String {
        match &self.input {
            Input::Choice {
                set,
                values,
                selected,
            } => set.label(values[*selected], lang).to_string(),
            _ => self.draft().0.to_string(),
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

    /// A person field where any text will do.
    pub fn suggests_only(&self) -> bool {
        matches!(
            self.input,
            Input::Person {
                people: People::Suggested,
                ..
            }
        )
    }

    pub(super) fn value(&self) -> &str {
        self.draft().0
    }
}
