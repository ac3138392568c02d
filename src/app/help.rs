//! What `?` lists: the keys of the layers under the help, straight from
//! their keymaps: the panes' (anywhere, then each pane's own), and then a
//! form's, or the review's when reviewing. Only the keys the console's role
//! may use: a secretary is not offered the floor, an observer no form.

use super::Pane;
use super::form::{FIELD_KEYS, MANY_LINES_KEYS, ONE_LINE_KEYS};
use super::layers::{ANY_LAYER_KEYS, HelpAction, REVIEW_KEYS};
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
    let mut global = pane_help(ANYWHERE_KEYS, role, None, lang);
    global.extend(help(ANY_LAYER_KEYS, lang));
    let mut sections = vec![Section {
        title: t.help_global,
        lines: global,
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

/// Columns of one column of the help, when the screen holds several.
pub const COLUMN_WIDTH: u16 = 39;

/// How the help sits on a screen: in up to three columns side by side,
/// read down the first, then the next; when it does not fit, the columns
/// show a window of its lines that scrolls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    pub columns: u16,
    /// Lines per column.
    pub rows: usize,
    /// The help's lines in all.
    pub lines: usize,
    /// The last first line: 0 when it fits.
    pub max_scroll: usize,
}

impl Fit {
    pub fn scrolls(&self) -> bool {
        self.max_scroll > 0
    }

    /// Lines shown at once.
    pub fn shown(&self) -> usize {
        usize::from(self.columns) * self.rows
    }
}

/// How `lines` lines of help sit on a `width`×`height` screen (the
/// renderer and the keys both ask, so they agree).
pub fn fit_lines(lines: usize, width: u16, height: u16) -> Fit {
    // Inside the border.
    let room = usize::from(height.saturating_sub(2)).max(1);
    let columns = (width.saturating_sub(2) / COLUMN_WIDTH).clamp(1, 3);
    let per_column = lines.div_ceil(usize::from(columns));
    let rows = per_column.min(room);
    Fit {
        columns,
        rows,
        lines,
        max_scroll: lines.saturating_sub(usize::from(columns) * rows),
    }
}

/// How the help of this console sits on its screen.
pub fn fit(console: &Console) -> Fit {
    let (width, height) = console.viewport.screen;
    fit_lines(line_count(console), width, height)
}

/// Every section's title, and its lines.
fn line_count(console: &Console) -> usize {
    sections(console).iter().map(|s| 1 + s.lines.len()).sum()
}

/// The wheel while the help is open: a line per row it turns.
pub fn wheel(console: &mut Console, lines: isize) {
    let step = if lines < 0 {
        HelpAction::Up
    } else {
        HelpAction::Down
    };
    for _ in 0..lines.unsigned_abs() {
        key(console, step);
    }
}

/// A key while the help is open: close it, or scroll it.
pub fn key(console: &mut Console, action: HelpAction) {
    if action == HelpAction::Close {
        console.layers.pop();
        return;
    }
    let fit = fit(console);
    let Some(Layer::Help { scroll }) = console.layers.last_mut() else {
        return;
    };
    // A page on keeps the last line of the one before in sight.
    let page = fit.shown().saturating_sub(1).max(1);
    *scroll = match action {
        HelpAction::Close => 0,
        HelpAction::Down => *scroll + 1,
        HelpAction::Up => scroll.saturating_sub(1),
        HelpAction::PageDown => *scroll + page,
        HelpAction::PageUp => scroll.saturating_sub(page),
        HelpAction::Top => 0,
        HelpAction::Bottom => fit.max_scroll,
    }
    .min(fit.max_scroll);
}
