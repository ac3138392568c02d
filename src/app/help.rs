//! What `?` lists: the keys of the layers under the help, straight from
//! their keymaps: the panes' (anywhere, then each pane's own), and then a
//! form's, or the review's when reviewing.

use super::form::{FIELD_KEYS, MANY_LINES_KEYS, ONE_LINE_KEYS};
use super::layers::REVIEW_KEYS;
use super::panes::{AGENDA_KEYS, ANYWHERE_KEYS, ISSUES_KEYS, PARTICIPANTS_KEYS, SPEAKERS_KEYS};
use super::{Console, Layer};
use crate::domain::Disposition;
use crate::input::editing::EDITING;
use crate::input::keymap::{Binding, Hint, help};

/// A titled group of help lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: &'static str,
    pub lines: Vec<Hint>,
}

pub fn sections(console: &Console) -> Vec<Section> {
    let t = console.texts();
    let lang = console.lang;
    let mut sections = vec![
        Section {
            title: t.help_global,
            lines: help(ANYWHERE_KEYS, lang),
        },
        Section {
            title: t.agenda,
            lines: help(AGENDA_KEYS, lang),
        },
        Section {
            title: t.speakers,
            lines: help(SPEAKERS_KEYS, lang),
        },
        Section {
            title: t.issues,
            lines: help(ISSUES_KEYS, lang),
        },
        Section {
            title: t.participants,
            lines: help(PARTICIPANTS_KEYS, lang),
        },
    ];
    let reviewing = console
        .layers
        .iter()
        .any(|layer| matches!(layer, Layer::Review { .. }));
    // Review is read-only: its own keys instead of the forms'.
    if reviewing {
        sections.push(Section {
            title: t.help_review,
            lines: help(REVIEW_KEYS, lang),
        });
    } else {
        let mut lines = help(&form_keys(), lang);
        lines.extend(help(FIELD_KEYS, lang));
        // The digits pick a choice by its number, and with Alt the
        // answer's disposition (the keys are many, the line one).
        lines.push(Hint {
            keys: format!("1…9 Alt-1…{}", Disposition::ALL.len()),
            what: t.help_quick_disposition,
        });
        lines.extend(help(EDITING, lang));
        sections.push(Section {
            title: t.help_forms,
            lines,
        });
    }
    sections
}

/// A form's keys in one table: a one-line field's, then what a field of
/// several lines adds.
fn form_keys() -> Vec<Binding<super::form::FormAction>> {
    let mut keys = ONE_LINE_KEYS.to_vec();
    keys.extend(
        MANY_LINES_KEYS
            .iter()
            .filter(|b| !ONE_LINE_KEYS.iter().any(|o| o.action == b.action)),
    );
    keys
}
