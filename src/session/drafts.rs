//! What is typed in a form, on its way to the file: the fields changed
//! since the last write (one row per field, the latest text winning), and
//! the form that comes back when a console reopens.

use crate::store::{Draft, DraftRow};

/// The draft row that remembers which field of a form has the focus.
pub const FOCUS_FIELD: &str = "@focus";

/// One field of a form as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftField {
    pub field: String,
    pub text: String,
    /// Cursor position in the text, in bytes.
    pub cursor: usize,
}

/// A form as typed: its key, its fields, the focused field. What a console
/// gets back on reopening, and what a save carries so that a refusal
/// arriving later can bring the form back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormDraft {
    /// The key its drafts are saved under (e.g. "issue/new").
    pub key: String,
    pub fields: Vec<DraftField>,
    pub focus: Option<String>,
    /// Keys the same form's drafts were saved under before (an edit rebased
    /// over another's change): they go when the form is saved.
    pub earlier_keys: Vec<String>,
}

impl FormDraft {
    /// Every key whose drafts belong to this form.
    pub fn all_keys(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.key.as_str()).chain(self.earlier_keys.iter().map(String::as_str))
    }

    /// The form typed in last among a console's drafts (oldest first).
    pub fn latest(drafts: &[Draft]) -> Option<FormDraft> {
        let key = drafts.last()?.form.clone();
        let mut form = FormDraft {
            key,
            ..FormDraft::default()
        };
        for draft in drafts.iter().filter(|d| d.form == form.key) {
            if draft.field == FOCUS_FIELD {
                form.focus = Some(draft.text.clone());
            } else {
                form.fields.push(DraftField {
                    field: draft.field.clone(),
                    text: draft.text.clone(),
                    cursor: draft.cursor,
                });
            }
        }
        Some(form)
    }
}

/// Rows typed but not yet written, in the order first typed; a field typed
/// again replaces its row.
#[derive(Debug, Default)]
pub struct Dirty {
    rows: Vec<(String, DraftField)>,
}

impl Dirty {
    pub fn set(&mut self, form: &str, field: &str, text: &str, cursor: usize) {
        let row = DraftField {
            field: field.to_string(),
            text: text.to_string(),
            cursor,
        };
        match self
            .rows
            .iter_mut()
            .find(|(f, r)| f == form && r.field == field)
        {
            Some((_, existing)) => *existing = row,
            None => self.rows.push((form.to_string(), row)),
        }
    }

    /// A whole form's fields and focus, dirty again (it came back).
    pub fn set_form(&mut self, form: &FormDraft) {
        for field in &form.fields {
            self.set(&form.key, &field.field, &field.text, field.cursor);
        }
        if let Some(focus) = &form.focus {
            self.set(&form.key, FOCUS_FIELD, focus, 0);
        }
    }

    /// Forgets the rows of a form (it was saved or cancelled).
    pub fn forget(&mut self, form: &str) {
        self.rows.retain(|(f, _)| f != form);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Rows of form fields (not the focus marker): what a person would
    /// lose.
    pub fn typed_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|(_, r)| r.field != FOCUS_FIELD)
            .count()
    }

    /// The rows grouped by form, as the store writes them.
    pub fn by_form(&self) -> Vec<(&str, Vec<DraftRow<'_>>)> {
        let mut forms: Vec<(&str, Vec<DraftRow>)> = Vec::new();
        for (form, row) in &self.rows {
            let entry = (row.field.as_str(), row.text.as_str(), row.cursor);
            match forms.iter_mut().find(|(f, _)| f == form) {
                Some((_, rows)) => rows.push(entry),
                None => forms.push((form.as_str(), vec![entry])),
            }
        }
        forms
    }

    pub fn rows(&self) -> impl Iterator<Item = (&str, &DraftField)> {
        self.rows.iter().map(|(form, row)| (form.as_str(), row))
    }

    pub fn clear(&mut self) {
        self.rows.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_typed_again_keeps_one_row_and_forms_stay_apart() {
        let mut dirty = Dirty::default();
        dirty.set("issue/new", "text", "a", 1);
        dirty.set("issue/new", "text", "ab", 2);
        dirty.set("answer/3@9", "answer", "x", 1);
        dirty.set("issue/new", FOCUS_FIELD, "text", 0);
        assert_eq!(dirty.typed_count(), 2);
        let forms = dirty.by_form();
        assert_eq!(
            forms[0],
            (
                "issue/new",
                vec![("text", "ab", 2), (FOCUS_FIELD, "text", 0)]
            )
        );
        dirty.forget("issue/new");
        assert_eq!(dirty.typed_count(), 1);
    }
}
