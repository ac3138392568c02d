//! The five panes: what each lists, in which order, and which row is
//! selected. The selection follows the entity (its id), so rows arriving
//! from another terminal do not move it.

use crate::domain::text::fold;
use crate::domain::*;

/// The five panes of the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Agenda,
    Speakers,
    Issues,
    Actions,
    /// The people: who is invited, who came (the roll call).
    Participants,
}

impl Pane {
    pub const COUNT: usize = 5;

    pub const ALL: [Pane; Pane::COUNT] = [
        Pane::Agenda,
        Pane::Speakers,
        Pane::Issues,
        Pane::Actions,
        Pane::Participants,
    ];

    pub fn index(self) -> usize {
        match self {
            Pane::Agenda => 0,
            Pane::Speakers => 1,
            Pane::Issues => 2,
            Pane::Actions => 3,
            Pane::Participants => 4,
        }
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % Pane::COUNT]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.index() + Pane::COUNT - 1) % Pane::COUNT]
    }

    /// Actions and Participants share the bottom-right corner of a narrow
    /// screen: the one of the two focused last is shown there.
    pub fn shares_the_corner(self) -> bool {
        matches!(self, Pane::Actions | Pane::Participants)
    }
}

/// How many rows of each pane's list the screen shows (set by the screen's
/// layout on every resize): for paging and keeping the selection in view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Viewport {
    pub list_rows: [usize; Pane::COUNT],
    /// The terminal's columns and rows (the help scrolls within them).
    pub screen: (u16, u16),
}

impl Default for Viewport {
    fn default() -> Self {
        // An 80×24 terminal.
        Viewport {
            list_rows: [7; Pane::COUNT],
            screen: (80, 24),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PaneState {
    /// The entity under the selection.
    pub selected: Option<Id>,
    /// Its index when last seen, used when the entity disappears.
    pub index: usize,
    /// First row shown.
    pub offset: usize,
    /// The pane shows only rows matching this (accent-insensitive).
    pub filter: Option<String>,
}

impl PaneState {
    /// The index of the selected row among `rows`.
    pub fn selected_index(&self, rows: &[Id]) -> Option<usize> {
        if rows.is_empty() {
            return None;
        }
        self.selected
            .and_then(|id| rows.iter().position(|r| *r == id))
            .or(Some(self.index.min(rows.len() - 1)))
    }

    pub fn select_index(&mut self, rows: &[Id], index: usize) {
        if rows.is_empty() {
            self.selected = None;
            self.index = 0;
            return;
        }
        let index = index.min(rows.len() - 1);
        self.index = index;
        self.selected = Some(rows[index]);
    }

    /// Keeps the selected row within a window of `height` rows.
    pub fn scroll_to_selection(&mut self, rows: &[Id], height: usize) {
        let Some(index) = self.selected_index(rows) else {
            self.offset = 0;
            return;
        };
        let height = height.max(1);
        if index < self.offset {
            self.offset = index;
        } else if index >= self.offset + height {
            self.offset = index + 1 - height;
        }
        self.offset = self.offset.min(rows.len().saturating_sub(height));
    }
}

/// The ids a pane lists, in order, filtered by `filter` (accents and case
/// aside). Without a filter, no text is looked at: this runs every frame.
pub fn rows(record: &Record, pane: Pane, filter: Option<&str>) -> Vec<Id> {
    let needle = filter.map(fold).filter(|f| !f.is_empty());
    let matches = |parts: &[&str]| {
        needle
            .as_deref()
            .is_none_or(|needle| parts.iter().any(|part| fold(part).contains(needle)))
    };
    let filtered = needle.is_some();
    match pane {
        Pane::Agenda => record
            .agenda_in_order()
            .into_iter()
            .filter(|i| !filtered || matches(&[&i.title, &i.presenter]))
            .map(|i| i.id)
            .collect(),
        Pane::Speakers => speaker_rows(record)
            .into_iter()
            .filter(|r| {
                !filtered || {
                    let person = record.participants.get(&r.participant);
                    matches(&[
                        person.map_or("", |p| p.name.as_str()),
                        person.map_or("", |p| p.organization.as_str()),
                        &r.topic,
                    ])
                }
            })
            .map(|r| r.id)
            .collect(),
        // In order of logging, which is the order of their numbers.
        Pane::Issues => record
            .issues
            .values()
            .filter(|i| {
                !filtered || {
                    let who = i.raised_by.map_or("", |p| record.participant_name(p));
                    matches(&[&i.text, &i.procedure, &i.field, who, &i.answer])
                }
            })
            .map(|i| i.id)
            .collect(),
        Pane::Actions => record
            .actions
            .values()
            .filter(|a| !filtered || matches(&[&a.title, &a.owner]))
            .map(|a| a.id)
            .collect(),
        // By delegate group, in the minutes' order, then as they were
        // listed. The contact is not searched: it is never shown in a row.
        Pane::Participants => {
            let mut people: Vec<&Participant> = record
                .participants
                .values()
                .filter(|p| !filtered || matches(&[&p.name, &p.organization, &p.position]))
                .collect();
            people.sort_by_key(|p| (p.role, p.id));
            people.into_iter().map(|p| p.id).collect()
        }
    }
}

/// The speakers pane: who has the floor, the queue in the order it will be
/// called, then the turns already taken under this agenda item, latest first.
pub fn speaker_rows(record: &Record) -> Vec<&SpeakerRequest> {
    let active = record.active_item().map(|i| i.id);
    let mut rows: Vec<&SpeakerRequest> = record.current_speaker().into_iter().collect();
    rows.extend(record.queue(active));
    let mut done: Vec<&SpeakerRequest> = record
        .requests_of_item(active)
        .filter(|r| r.status == RequestStatus::Done)
        .collect();
    done.sort_by_key(|r| std::cmp::Reverse((r.started_at, r.id)));
    rows.extend(done);
    rows
}
