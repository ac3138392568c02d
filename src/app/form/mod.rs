//! Forms: a layer over the panes where a row is added or edited. The form's
//! own keys (save, next field, cancel) are a table; what a field does with
//! the other keys depends on its kind (text, choice, person).

mod build;
mod command;
pub mod field;
pub mod kind;
pub mod names;

pub use field::{ChoiceSet, Field, Input, People};
pub use kind::FormKind;

use crate::domain::text::fold;
use crate::domain::*;
use crate::i18n::Lang;
use crate::input::key::{Key, KeyCode};
use crate::input::keymap::{Binding, Described, Hint, also, bind, lookup};
use crate::input::textfield::TextField;

/// What the form's own keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    Save,
    NextField,
    PreviousField,
    Cancel,
    /// In a field of several lines.
    NewLine,
}

impl Described for FormAction {
    fn describe(self, lang: Lang) -> &'static str {
        let (en, vi) = match self {
            FormAction::Save => ("save", "lưu"),
            FormAction::NextField => ("next field", "sang ô sau"),
            FormAction::PreviousField => ("previous field", "về ô trước"),
            FormAction::Cancel => ("cancel", "hủy"),
            FormAction::NewLine => ("new line", "xuống dòng"),
        };
        lang.pick(en, vi)
    }

    fn help_line(self, lang: Lang) -> &'static str {
        let (en, vi) = match self {
            FormAction::NextField | FormAction::PreviousField => {
                ("next / previous field", "ô sau / ô trước")
            }
            FormAction::NewLine => ("new line (in a long text)", "xuống dòng (ô nhiều dòng)"),
            other => return other.describe(lang),
        };
        lang.pick(en, vi)
    }
}

/// The form's keys while a one-line field (or a choice) has the focus.
pub const ONE_LINE_KEYS: &[Binding<FormAction>] = &[
    bind(Key::new(KeyCode::Enter), FormAction::Save),
    bind(Key::ctrl('s'), FormAction::Save),
    bind(Key::new(KeyCode::Tab), FormAction::NextField),
    bind(Key::new(KeyCode::BackTab), FormAction::PreviousField),
    bind(Key::new(KeyCode::Esc), FormAction::Cancel),
];

/// The form's keys in a field of several lines: Enter breaks the line.
pub const MANY_LINES_KEYS: &[Binding<FormAction>] = &[
    bind(Key::ctrl('s'), FormAction::Save),
    also(Key::new(KeyCode::Enter).with_ctrl(), FormAction::Save),
    bind(Key::new(KeyCode::Enter), FormAction::NewLine),
    bind(Key::new(KeyCode::Tab), FormAction::NextField),
    bind(Key::new(KeyCode::BackTab), FormAction::PreviousField),
    bind(Key::new(KeyCode::Esc), FormAction::Cancel),
];

/// The footer's hints in a form, in this order (those the table has).
pub const HINTS: &[FormAction] = &[
    FormAction::Save,
    FormAction::NewLine,
    FormAction::NextField,
    FormAction::Cancel,
];

/// What the arrow keys and Space do inside a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldAction {
    PreviousChoice,
    NextChoice,
    Up,
    Down,
}

impl Described for FieldAction {
    fn describe(self, lang: Lang) -> &'static str {
        let (en, vi) = match self {
            FieldAction::PreviousChoice | FieldAction::NextChoice => {
                ("change a choice", "đổi lựa chọn")
            }
            FieldAction::Up | FieldAction::Down => {
                ("pick a name / line / field", "chọn tên / dòng / ô")
            }
        };
        lang.pick(en, vi)
    }
}

pub const FIELD_KEYS: &[Binding<FieldAction>] = &[
    bind(Key::new(KeyCode::Left), FieldAction::PreviousChoice),
    bind(Key::new(KeyCode::Right), FieldAction::NextChoice),
    bind(Key::char(' '), FieldAction::NextChoice),
    bind(Key::new(KeyCode::Up), FieldAction::Up),
    bind(Key::new(KeyCode::Down), FieldAction::Down),
];

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormOutcome {
    /// Nothing that needs saving changed.
    Unchanged,
    /// The text or the cursor of the focused field changed.
    Edited,
    /// Another field has the focus; `from` had it before.
    Moved {
        from: usize,
    },
    /// A choice was set with a digit: `field` changed, and the focus may
    /// have gone on from `from`.
    Set {
        field: usize,
        from: usize,
    },
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
    /// The minutes are approved and the person confirmed that this save is
    /// a correction.
    pub correction_confirmed: bool,
    /// Told that the action has no due date, the person saved again.
    pub undated_confirmed: bool,
    /// Fields filled in with a proposal (an action's due date from its
    /// issue's deadline, its owner from who answered the issue; where an
    /// issue was sent before): the first letter typed in one replaces it,
    /// as a selected text would be; any other key in it makes it the
    /// person's own.
    pub proposed: Vec<&'static str>,
    /// Keys this form's drafts were saved under before (it was rebased to
    /// keep one's own version over another's): they go when it is saved.
    pub earlier_keys: Vec<String>,
}

/// Up to this many names are offered while typing a person's name.
const MAX_MATCHES: usize = 5;

impl Form {
    pub fn focused(&self) -> &Field {
        &self.fields[self.focus]
    }

    /// Whether the focused field is a text field drawn from its own text
    /// alone: nothing else in the form changes with what is typed in it
    /// (no names offered, no proposal to replace, not greyed).
    pub fn focus_is_plain_text(&self) -> bool {
        let Some(field) = self.fields.get(self.focus) else {
            return false;
        };
        matches!(field.input, Input::Text(_))
            && self.applies(self.focus)
            && !self.proposed.contains(&field.key)
    }

    /// Whether `other` is this form with at most the text (and cursor) of
    /// the focused text field changed: what a key typed in it changes. A
    /// frame then draws that field again and nothing else of the form.
    pub fn differs_only_in_focused_text(&self, other: &Form) -> bool {
        let same_shape = |a: &Field, b: &Field| match (&a.input, &b.input) {
            (Input::Text(a_text), Input::Text(b_text)) => {
                a.key == b.key && a_text.is_multiline() == b_text.is_multiline()
            }
            _ => false,
        };
        self.kind == other.kind
            && self.focus == other.focus
            && self.error == other.error
            && self.proposed == other.proposed
            && self.fields.len() == other.fields.len()
            && self
                .fields
                .iter()
                .zip(&other.fields)
                .enumerate()
                .all(|(i, (a, b))| match i == self.focus {
                    true => same_shape(a, b),
                    false => a == b,
                })
    }

    pub fn field_mut(&mut self, key: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.key == key)
    }

    pub fn focus_field(&mut self, key: &str) {
        if let Some(at) = self.fields.iter().position(|f| f.key == key) {
            self.focus = at;
        }
    }

    /// The form's own keys for the focused field.
    pub fn keys(&self) -> &'static [Binding<FormAction>] {
        if self.is_multiline_focus() {
            MANY_LINES_KEYS
        } else {
            ONE_LINE_KEYS
        }
    }

    /// Handles a key; the caller saves drafts and acts on the outcome.
    pub fn handle_key(&mut self, key: &Key, record: &Record) -> FormOutcome {
        self.replace_proposal(key);
        if let Some(action) = lookup(self.keys(), key) {
            return self.form_action(action, record);
        }
        if let Some(outcome) = self.pick_by_digit(key) {
            return outcome;
        }
        let field_action = lookup(FIELD_KEYS, key);
        let rows = self.person_rows(record);
        let from = self.focus;
        let focus_moved = |form: &mut Form, forward: bool| form.move_focus(forward, from);
        match &mut self.fields[self.focus].input {
            Input::Choice {
                values, selected, ..
            } => match field_action {
                Some(FieldAction::PreviousChoice) => {
                    *selected = (*selected + values.len() - 1) % values.len()
                }
                Some(FieldAction::NextChoice) => *selected = (*selected + 1) % values.len(),
                Some(FieldAction::Up) => return focus_moved(self, false),
                Some(FieldAction::Down) => return focus_moved(self, true),
                None => return FormOutcome::Unchanged,
            },
            Input::Person {
                text,
                highlight,
                new_chosen,
                ..
            } => match field_action {
                Some(FieldAction::Down) if rows > 0 => {
                    *highlight = Some(highlight.map_or(0, |h| (h + 1).min(rows - 1)));
                    return FormOutcome::Unchanged;
                }
                Some(FieldAction::Up) if highlight.is_some() => {
                    *highlight = highlight.and_then(|h| h.checked_sub(1));
                    return FormOutcome::Unchanged;
                }
                Some(FieldAction::Up) => return focus_moved(self, false),
                Some(FieldAction::Down) => return focus_moved(self, true),
                _ => {
                    let before = (text.text().to_string(), text.cursor());
                    text.handle_key(key);
                    if text.text() != before.0 {
                        // A new name: propose the best match again, and
                        // ask again whether it is someone new.
                        *highlight = None;
                        *new_chosen = false;
                    }
                    if (text.text(), text.cursor()) == (before.0.as_str(), before.1) {
                        return FormOutcome::Unchanged;
                    }
                    let matches = self.person_matches(record);
                    // Where any text will do, a name is proposed only
                    // when typed in full.
                    let proposed = match matches.first() {
                        Some(_) if self.fields[self.focus].suggests_only() => {
                            let typed = self.fields[self.focus].value();
                            names::named(record, typed) == matches.first().map(|p| p.id)
                        }
                        Some(_) => true,
                        None => false,
                    };
                    if let Input::Person {
                        highlight, text, ..
                    } = &mut self.fields[self.focus].input
                        && proposed
                        && !text.is_empty()
                    {
                        highlight.get_or_insert(0);
                    }
                }
            },
            Input::Text(text) => {
                match field_action {
                    Some(FieldAction::Up) if !(text.is_multiline() && text.up()) => {
                        return focus_moved(self, false);
                    }
                    Some(FieldAction::Down) if !(text.is_multiline() && text.down()) => {
                        return focus_moved(self, true);
                    }
                    Some(FieldAction::Up | FieldAction::Down) => return FormOutcome::Edited,
                    _ => {}
                }
                let before = (text.text().to_string(), text.cursor());
                text.handle_key(key);
                if (text.text(), text.cursor()) == (before.0.as_str(), before.1) {
                    return FormOutcome::Unchanged;
                }
            }
        }
        FormOutcome::Edited
    }

    fn form_action(&mut self, action: FormAction, record: &Record) -> FormOutcome {
        let from = self.focus;
        match action {
            FormAction::Cancel => FormOutcome::Cancel,
            FormAction::Save | FormAction::NextField if self.choose_new(record) => {
                FormOutcome::Moved { from }
            }
            FormAction::Save => {
                self.accept_match(record);
                FormOutcome::Save
            }
            FormAction::NextField => {
                self.accept_match(record);
                self.focus = self.step(self.focus, true);
                FormOutcome::Moved { from }
            }
            FormAction::PreviousField => {
                self.focus = self.step(self.focus, false);
                FormOutcome::Moved { from }
            }
            FormAction::NewLine => {
                if let Input::Text(text) = &mut self.fields[self.focus].input {
                    text.insert_char('\n');
                }
                FormOutcome::Edited
            }
        }
    }

    /// The field after (or before) `at`, round the form, skipping those
    /// that do not apply.
    fn step(&self, at: usize, forward: bool) -> usize {
        let count = self.fields.len();
        let mut next = at;
        for _ in 0..count {
            next = if forward {
                (next + 1) % count
            } else {
                (next + count - 1) % count
            };
            if self.applies(next) {
                return next;
            }
        }
        at
    }

    /// Whether a field applies as the form is filled in now: a letter's
    /// number and date only to a written submission. The others are
    /// greyed and skipped.
    pub fn applies(&self, index: usize) -> bool {
        let Some(field) = self.fields.get(index) else {
            return false;
        };
        match field.key {
            // Asked of a new participant only, in a form that may add one.
            "organization" => self.new_person_chosen().unwrap_or(true),
            "letter_number" | "letter_date" => self
                .fields
                .iter()
                .find(|f| f.key == "source")
                .is_none_or(|source| source.value() != IssueSource::Floor.as_str()),
            _ => true,
        }
    }

    /// Puts a value in a field (a choice by its saved name).
    pub fn set(&mut self, key: &str, value: &str) {
        if let Some(field) = self.field_mut(key) {
            field.restore(value, value.len());
        }
    }

    fn move_focus(&mut self, forward: bool, from: usize) -> FormOutcome {
        let step = self.step(self.focus, forward);
        // The arrows stop at the ends instead of going round.
        let next = if (forward && step < self.focus) || (!forward && step > self.focus) {
            self.focus
        } else {
            step
        };
        if next == self.focus {
            FormOutcome::Unchanged
        } else {
            self.focus = next;
            FormOutcome::Moved { from }
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

    /// A character typed over a proposal replaces it; after any other key
    /// in its field the value is no longer a proposal.
    fn replace_proposal(&mut self, key: &Key) {
        let focused = self.focused().key;
        if !self.proposed.contains(&focused) {
            return;
        }
        self.proposed.retain(|key| *key != focused);
        let typed = matches!(key.code, KeyCode::Char(_)) && !key.ctrl && !key.alt;
        if !typed {
            return;
        }
        match &mut self.fields[self.focus].input {
            Input::Text(text) | Input::Person { text, .. } => {
                *text = TextField::single_line();
            }
            Input::Choice { .. } => {}
        }
    }

    pub fn is_multiline_focus(&self) -> bool {
        matches!(&self.focused().input, Input::Text(t) if t.is_multiline())
    }

    /// The participants the focused person field offers (see `names`):
    /// for who answered an issue, first those who spoke under its agenda
    /// item, even before anything is typed.
    pub fn person_matches<'r>(&self, record: &'r Record) -> Vec<&'r Participant> {
        let Input::Person { text, people, .. } = &self.focused().input else {
            return Vec::new();
        };
        let first = match people {
            People::Answerer { issue } => speakers_under(record, *issue),
            People::Suggested => likely_owners(record, self.kind),
            _ => Vec::new(),
        };
        if fold(text.text()).trim().is_empty() {
            return first.into_iter().take(MAX_MATCHES).collect();
        }
        let mut found = names::matching(record, text.text(), &first);
        found.truncate(MAX_MATCHES);
        found
    }

    /// The rows under the focused person field that ↑ ↓ go through: the
    /// matches, then "+ new participant" where the field may add one.
    fn person_rows(&self, record: &Record) -> usize {
        let matches = self.person_matches(record).len();
        matches + usize::from(self.new_row(record).is_some())
    }

    /// Where the focused person field offers the typed name as a new
    /// participant: the row just after the matches.
    pub fn new_row(&self, record: &Record) -> Option<usize> {
        match &self.focused().input {
            Input::Person { text, people, .. }
                if people.takes_new() && !text.text().trim().is_empty() =>
            {
                Some(self.person_matches(record).len())
            }
            _ => None,
        }
    }

    /// In a form that may add a participant: whether the typed name was
    /// chosen as a new one (`None`: the form cannot add one).
    pub fn new_person_chosen(&self) -> Option<bool> {
        self.fields.iter().find_map(|f| match &f.input {
            Input::Person {
                people, new_chosen, ..
            } if people.takes_new() => Some(*new_chosen),
            _ => None,
        })
    }

    /// After a crash: the typed name had been chosen as a new participant.
    pub fn restore_new_chosen(&mut self) {
        for field in &mut self.fields {
            if let Input::Person {
                text,
                people,
                new_chosen,
                ..
            } = &mut field.input
                && people.takes_new()
                && !text.is_empty()
            {
                *new_chosen = true;
            }
        }
    }

    /// Marks the typed name as a new participant when the "+ new
    /// participant" row is highlighted, and goes on to ask for their
    /// organization. Whether it did.
    fn choose_new(&mut self, record: &Record) -> bool {
        let Some(row) = self.new_row(record) else {
            return false;
        };
        let Input::Person {
            highlight,
            new_chosen,
            ..
        } = &mut self.fields[self.focus].input
        else {
            return false;
        };
        if *highlight != Some(row) {
            return false;
        }
        *highlight = None;
        *new_chosen = true;
        match self.fields.iter().position(|f| f.key == "organization") {
            Some(at) => self.focus = at,
            None => self.focus = self.step(self.focus, true),
        }
        true
    }

    /// A digit on a choice picks its value by number (1 the first); Alt
    /// and a digit anywhere in a form that has one main choice (the
    /// disposition of an answer) picks that one. A disposition that sends
    /// the issue elsewhere then takes the focus to where.
    fn pick_by_digit(&mut self, key: &Key) -> Option<FormOutcome> {
        let KeyCode::Char(digit) = key.code else {
            return None;
        };
        let number = digit.to_digit(10).filter(|n| *n >= 1)? as usize;
        let at = match (key.ctrl, key.alt, &self.focused().input) {
            (false, true, _) => {
                let main = self.kind.main_choice()?;
                self.fields.iter().position(|f| f.key == main)?
            }
            (false, false, Input::Choice { .. }) => self.focus,
            _ => return None,
        };
        let from = self.focus;
        let Input::Choice {
            values, selected, ..
        } = &mut self.fields[at].input
        else {
            return None;
        };
        let Some(value) = values.get(number - 1) else {
            return Some(FormOutcome::Unchanged);
        };
        *selected = number - 1;
        let sends_elsewhere = matches!(
            Disposition::parse(value),
            Some(Disposition::Escalated | Disposition::Redirected)
        );
        if self.fields[at].key == "disposition" && sends_elsewhere {
            self.focus_field("escalated_to");
            // Where it was sent before: typing a new destination replaces it.
            if !self.focused().value().is_empty() && !self.proposed.contains(&"escalated_to") {
                self.proposed.push("escalated_to");
            }
        }
        Some(FormOutcome::Set { field: at, from })
    }

    /// The footer's hints for the digit keys, where they do something.
    pub fn digit_hints(&self, lang: Lang) -> Vec<Hint> {
        let t = lang.texts();
        let count = |key: &str| {
            self.fields
                .iter()
                .find(|f| f.key == key)
                .map(|f| match &f.input {
                    Input::Choice { values, .. } => values.len().min(9),
                    _ => 0,
                })
        };
        let mut hints = Vec::new();
        if let Input::Choice { values, .. } = &self.focused().input {
            hints.push(Hint {
                keys: format!("1…{}", values.len().min(9)),
                what: t.hint_pick_number,
            });
        }
        if let Some(main) = self.kind.main_choice()
            && let Some(count) = count(main)
        {
            let what = match main {
                "disposition" => t.hint_disposition,
                _ => t.hint_category,
            };
            hints.push(Hint {
                keys: format!("Alt-1…{count}"),
                what,
            });
        }
        hints
    }

    /// Takes the highlighted completion into the person field.
    fn accept_match(&mut self, record: &Record) {
        let matches: Vec<String> = self
            .person_matches(record)
            .iter()
            .map(|p| p.name.clone())
            .collect();
        if let Input::Person {
            text,
            highlight,
            new_chosen,
            ..
        } = &mut self.fields[self.focus].input
            && let Some(name) = highlight.and_then(|h| matches.get(h))
        {
            *text = TextField::single_line().with_text(name, usize::MAX);
            *highlight = None;
            *new_chosen = false;
        }
    }
}

/// Who is likely to carry out an action: for an issue, who answered it
/// first; then the department's own people, in the list's order.
fn likely_owners(record: &Record, kind: FormKind) -> Vec<&Participant> {
    let answerer = match kind {
        FormKind::NewAction { issue: Some(id) } => record
            .issues
            .get(&id)
            .and_then(|i| i.answered_by)
            .and_then(|p| record.participants.get(&p)),
        _ => None,
    };
    let staff = record
        .participants
        .values()
        .filter(|p| p.role.is_staff() && Some(p.id) != answerer.map(|a| a.id));
    answerer.into_iter().chain(staff).collect()
}

/// Who spoke under the agenda item an issue was raised in, the department's
/// own people first (they are the ones who answer), each group the most
/// recent first.
pub fn speakers_under(record: &Record, issue: Id) -> Vec<&Participant> {
    let Some(issue) = record.issues.get(&issue) else {
        return Vec::new();
    };
    let mut turns: Vec<&SpeakerRequest> = record
        .requests_of_item(issue.agenda_item)
        .filter(|r| r.started_at.is_some())
        .collect();
    turns.sort_by_key(|r| std::cmp::Reverse((r.started_at, r.id)));
    let mut people: Vec<&Participant> = Vec::new();
    for turn in turns {
        if let Some(person) = record.participants.get(&turn.participant)
            && !people.iter().any(|p| p.id == person.id)
        {
            people.push(person);
        }
    }
    people.sort_by_key(|p| !p.role.is_staff());
    people
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(form: &mut Form, text: &str, record: &Record) {
        for c in text.chars() {
            form.handle_key(&Key::char(c), record);
        }
    }

    #[test]
    fn typing_in_the_focused_text_changes_nothing_else_of_the_form() {
        let record = Record::default();
        let form = Form::new(FormKind::NewIssue, &record).unwrap();
        assert!(form.focus_is_plain_text(), "an issue's text is plain text");
        let mut after = form.clone();
        typed(&mut after, "Đề nghị công khai", &record);
        assert_ne!(after, form);
        assert!(form.differs_only_in_focused_text(&after));
        // Another field focused: not the same frame any more.
        let mut moved = after.clone();
        moved.handle_key(&Key::new(KeyCode::BackTab), &record);
        assert!(!after.differs_only_in_focused_text(&moved));
        // Another field's text changed (the focus back where it was).
        let mut other = moved.clone();
        typed(&mut other, "x", &record);
        assert_ne!(other, moved, "the next field takes text");
        other.handle_key(&Key::new(KeyCode::Tab), &record);
        assert_eq!(other.focus, after.focus);
        assert!(!after.differs_only_in_focused_text(&other));
        // A refusal shown in the form.
        let mut refused = after.clone();
        refused.error = Some("no".into());
        assert!(!after.differs_only_in_focused_text(&refused));
    }
}
