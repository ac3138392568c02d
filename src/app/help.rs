//! What `?` lists: the keys of the layers under the help, straight from
//! their keymaps: the panes' (anywhere, then each pane's own), and then a
//! form's, or the review's when reviewing. Only the keys the console's role
//! may use: a secretary is not offered the floor, an observer no form.

use super::Pane;
use super::form::{FIELD_KEYS, MANY_LINES_KEYS, ONE_LINE_KEYS};
use super::layers::REVIEW_KEYS;
use super::panes::{
    AGENDA_KEYS, ANYWHERE_KEYS, ISSUES_KEYS, PARTICIPANTS_KEYS, PaneAction, SPEAKERS_KEYS, usable,
};
use super::{Console, Layer};
use crate::domain::{Disposition, Role};
use crate::i18n::Lang;
use crate::input::editing::EDITING;
use crate::input::keymap::{Binding, Described, Hint, help};

/// A titled group of help lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: &'static str,
    pub lines: Vec<Hint>,
}

pub fn sections(console: &Console) -> Vec<Section> {
    let t = console.texts();
    let lang = console.lang;
    let role = console.role;
    let mut sections = vec![Section {
        title: t.help_global,
        lines: pane_help(ANYWHERE_KEYS, role, None, lang),
    }];
    let panes = [
        (t.agenda, AGENDA_KEYS, Pane::Agenda),
        (t.speakers, SPEAKERS_KEYS, Pane::Speakers),
        (t.issues, ISSUES_KEYS, Pane::Issues),
        (t.participants, PARTICIPANTS_KEYS, Pane::Participants),
    ];
    for (title, table, pane) in panes {
        let lines = pane_help(table, role, Some(pane), lang);
        if !lines.is_empty() {
            sections.push(Section { title, lines });
        }
    }
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
    } else if role != Role::Observer {
        // An observer opens no form.
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

/// The help lines of the panes' keys `role` may use. A line two keys share
/// ("meeting details / conclusion") names only the one left when the other
/// is not the role's.
fn pane_help(
    table: &[Binding<PaneAction>],
    role: Role,
    pane: Option<Pane>,
    lang: Lang,
) -> Vec<Hint> {
    let kept = usable(table, role, pane);
    let mut lines = help(&kept, lang);
    for line in &mut lines {
        let halved = table
            .iter()
            .any(|b| !kept.contains(b) && b.listed && b.action.help_line(lang) == line.what);
        let left = kept.iter().find(|b| b.action.help_line(lang) == line.what);
        if let (true, Some(left)) = (halved, left) {
            line.what = left.action.describe(lang);
        }
    }
    lines
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
