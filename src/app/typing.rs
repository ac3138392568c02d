//! Typing: into a form (every change is a draft to save), into the search,
//! a paste; saving a form, and what to do when someone else changed the
//! same row meanwhile.

use super::form::{Form, FormKind, FormOutcome};
use super::layers::{Change, Conflict, ConflictAction, Layer, SEARCH_KEYS, Search};
use super::{Console, Effect, Mode};
use crate::domain::*;
use crate::i18n::{domain_error, fill};
use crate::input::key::Key;
use crate::input::keymap::lookup;
use crate::session::{DraftField, FOCUS_FIELD, FormDraft};

/// Opens a form over the panes, if this console's role may save it.
pub fn open_form(console: &mut Console, record: &Record, kind: FormKind) -> Vec<Effect> {
    open_form_with(console, record, kind, |_| {})
}

/// Opens a form with some fields filled in beforehand (a walk-in's name).
pub fn open_form_with(
    console: &mut Console,
    record: &Record,
    kind: FormKind,
    prefill: impl FnOnce(&mut Form),
) -> Vec<Effect> {
    if !console.allowed(kind.area()) {
        return Vec::new();
    }
    // Once the meeting has ended nobody asks for the floor: said before a
    // name is typed, not after.
    if let FormKind::NewRequest(_) = kind
        && let Err(error) = command::not_ended(record, EndedAction::RequestFloor)
    {
        let refused = console.texts().msg_refused;
        console.warn(&fill(refused, &[&domain_error(console.lang, &error)]));
        return Vec::new();
    }
    let Some(mut form) = Form::new(kind, record) else {
        console.warn(console.texts().msg_cannot_edit_row);
        return Vec::new();
    };
    let fresh = form.fields.clone();
    prefill(&mut form);
    // Saved at once, so that even an untouched form comes back, with what
    // was filled in for it.
    let saved: Vec<usize> = (0..form.fields.len())
        .filter(|i| *i == form.focus || form.fields[*i] != fresh[*i])
        .collect();
    let effects = drafts_of(&form, &saved, true);
    console.layers.push(Layer::Form(Box::new(form)));
    effects
}

/// A form as typed, for the session: all its fields and its focus.
pub fn form_draft(form: &Form) -> FormDraft {
    FormDraft {
        key: form.kind.key(),
        fields: form
            .fields
            .iter()
            .map(|field| {
                let (text, cursor) = field.draft();
                DraftField {
                    field: field.key.to_string(),
                    text: text.to_string(),
                    cursor,
                }
            })
            .collect(),
        focus: Some(form.focused().key.to_string()),
        earlier_keys: form.earlier_keys.clone(),
    }
}

/// A form rebuilt from its drafts, if its target still exists.
pub fn form_from_draft(draft: &FormDraft, record: &Record) -> Option<Form> {
    let kind = FormKind::parse(&draft.key)?;
    let mut form = Form::new(kind, record)?;
    for field in &draft.fields {
        if let Some(target) = form.field_mut(&field.field) {
            target.restore(&field.text, field.cursor);
        }
    }
    if let Some(focus) = &draft.focus {
        form.focus_field(focus);
    }
    // A new participant's organization is saved once the new row was
    // chosen, so its draft says that it was.
    if draft.fields.iter().any(|f| f.field == "organization") {
        form.restore_new_chosen();
    }
    form.earlier_keys = draft.earlier_keys.clone();
    Some(form)
}

/// The drafts to save for some fields of a form (and its focus).
fn drafts_of(form: &Form, fields: &[usize], focus: bool) -> Vec<Effect> {
    let key = form.kind.key();
    let mut effects: Vec<Effect> = fields
        .iter()
        .filter_map(|i| form.fields.get(*i))
        .map(|field| {
            let (text, cursor) = field.draft();
            Effect::SaveDraft {
                form: key.clone(),
                field: field.key.to_string(),
                text: text.to_string(),
                cursor,
            }
        })
        .collect();
    if focus {
        effects.push(Effect::SaveDraft {
            form: key,
            field: FOCUS_FIELD.to_string(),
            text: form.focused().key.to_string(),
            cursor: 0,
        });
    }
    effects
}

fn top_form(console: &mut Console) -> Option<&mut Form> {
    match console.layers.last_mut() {
        Some(Layer::Form(form)) => Some(form),
        _ => None,
    }
}

pub fn form_key(console: &mut Console, record: &Record, key: &Key) -> Vec<Effect> {
    let Some(form) = top_form(console) else {
        return Vec::new();
    };
    let outcome = form.handle_key(key, record);
    after_form_input(console, record, outcome)
}

fn after_form_input(console: &mut Console, record: &Record, outcome: FormOutcome) -> Vec<Effect> {
    let Some(form) = top_form(console) else {
        return Vec::new();
    };
    match outcome {
        FormOutcome::Unchanged => Vec::new(),
        FormOutcome::Edited => drafts_of(form, &[form.focus], false),
        FormOutcome::Moved { from } => drafts_of(form, &[from, form.focus], true),
        FormOutcome::Set { field, from } => {
            let mut fields = vec![field, from, form.focus];
            fields.dedup();
            drafts_of(form, &fields, from != form.focus)
        }
        FormOutcome::Save => {
            // Saving may have taken a completion into the field: if the
            // save is refused, the draft must hold what is shown.
            let mut effects = drafts_of(form, &[form.focus], false);
            effects.extend(save(console, record));
            effects
        }
        FormOutcome::Cancel => {
            let draft = form_draft(form);
            console.layers.pop();
            draft
                .all_keys()
                .map(|key| Effect::DiscardDrafts {
                    form: key.to_string(),
                })
                .collect()
        }
    }
}

/// Asks to save the form on top; it stays open until the session says what
/// became of it.
fn save(console: &mut Console, record: &Record) -> Vec<Effect> {
    let today = console.today(record);
    let lang = console.lang;
    let correction_form = console.texts().msg_correction_form;
    let no_due = console.texts().msg_no_due;
    let Some(form) = top_form(console) else {
        return Vec::new();
    };
    let command = match form.to_command(record, lang, today) {
        Ok(command) => command,
        Err(message) => {
            form.error = Some(message);
            return Vec::new();
        }
    };
    // An action without a date is never followed up: said once, and a
    // second save means it.
    let undated = matches!(&command, Command::AddAction(fields) if fields.due.is_none());
    if undated && !form.undated_confirmed {
        form.undated_confirmed = true;
        form.error = Some(no_due.to_string());
        return Vec::new();
    }
    if Console::is_correction(record, &command) && !form.correction_confirmed {
        form.correction_confirmed = true;
        form.error = Some(correction_form.to_string());
        return Vec::new();
    }
    vec![Effect::Submit {
        command,
        form: Some(form_draft(form)),
    }]
}

/// The row changed since the form was opened: say who changed what, and
/// offer to keep this version or take theirs.
pub fn show_conflict(console: &mut Console, record: &Record, current: Seq, author: String) {
    let t = console.texts();
    let lang = console.lang;
    let Some(form) = top_form(console) else {
        return;
    };
    // Theirs: the row as the record has it now.
    let changes = match Form::new(form.kind.rebased(current), record) {
        Some(theirs) => form
            .fields
            .iter()
            .zip(&theirs.fields)
            .filter(|(mine, theirs)| mine.draft().0 != theirs.draft().0)
            .map(|(mine, theirs)| Change {
                label: mine.label(t),
                mine: mine.shown(lang),
                theirs: theirs.shown(lang),
            })
            .collect(),
        None => Vec::new(),
    };
    form.error = None;
    console.layers.push(Layer::Conflict(Conflict {
        current,
        author,
        changes,
    }));
}

pub fn conflict(console: &mut Console, record: &Record, action: ConflictAction) -> Vec<Effect> {
    let Some(Layer::Conflict(conflict)) = console.layers.pop() else {
        return Vec::new();
    };
    let Some(form) = top_form(console) else {
        return Vec::new();
    };
    match action {
        ConflictAction::Back => Vec::new(),
        // Saves this version over the other person's; the journal keeps
        // both. The drafts under the form's old name go with the save.
        ConflictAction::KeepMine => {
            form.earlier_keys.push(form.kind.key());
            form.kind = form.kind.rebased(conflict.current);
            save(console, record)
        }
        // Drops this edit: the other person's version stands.
        ConflictAction::TakeTheirs => {
            let draft = form_draft(form);
            console.layers.pop();
            let message = fill(console.texts().msg_took_theirs, &[&conflict.author]);
            console.info(message);
            draft
                .all_keys()
                .map(|key| Effect::DiscardDrafts {
                    form: key.to_string(),
                })
                .collect()
        }
    }
}

pub fn search_key(console: &mut Console, record: &Record, key: &Key) -> Vec<Effect> {
    let pane = console.focus;
    match lookup(SEARCH_KEYS, key) {
        Some(Search::Keep) => {
            console.layers.pop();
        }
        Some(Search::Clear) => {
            console.layers.pop();
            console.panes[pane.index()].filter = None;
        }
        None => {
            let Some(Layer::Search(field)) = console.layers.last_mut() else {
                return Vec::new();
            };
            field.handle_key(key);
            let filter = Some(field.text().to_string()).filter(|f| !f.is_empty());
            console.panes[pane.index()].filter = filter;
            console.select_first_if_lost(record, pane);
        }
    }
    Vec::new()
}

/// A paste goes into the form or the search as one edit.
pub fn paste(console: &mut Console, record: &Record, text: &str) -> Vec<Effect> {
    match console.mode() {
        Mode::Form => {
            let Some(form) = top_form(console) else {
                return Vec::new();
            };
            let outcome = form.paste(text);
            after_form_input(console, record, outcome)
        }
        Mode::Search => {
            let pane = console.focus;
            if let Some(Layer::Search(field)) = console.layers.last_mut() {
                field.insert_str(text);
                console.panes[pane.index()].filter = Some(field.text().to_string());
                console.select_first_if_lost(record, pane);
            }
            Vec::new()
        }
        _ => {
            console.warn(console.texts().msg_paste_ignored);
            Vec::new()
        }
    }
}
