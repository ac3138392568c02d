//! III. The chair's conclusions: the conclusion as the chair gave it, then
//! the actions assigned, who does what by when.

use super::{Builder, number};
use crate::domain::*;
use crate::export::minutes::model::{Block, Inline, Table};
use crate::i18n::Label;

impl Builder<'_> {
    // III. The chair's conclusions --------------------------------------------

    /// The conclusion's paragraphs (or, in a draft, "…" where it is still to
    /// be written), then the actions in the order they were assigned.
    pub(super) fn conclusions(&mut self) {
        let w = self.w;
        self.heading(2, w.conclusions);
        let conclusion = Inline::typed_lines(&self.record.meeting.conclusion);
        if conclusion.is_empty() {
            // Nothing invented: a draft shows what is left to write; approved
            // minutes without a conclusion say nothing of one.
            if self.record.meeting.minutes != MinutesState::Approved {
                self.paragraph(Inline::fixed("…"));
            }
        }
        for line in conclusion {
            self.paragraph(line);
        }
        let rows: Vec<Vec<Inline>> = self
            .record
            .actions
            .values()
            .enumerate()
            .map(|(n, action)| {
                vec![
                    number(n + 1),
                    Inline::typed(&action.title),
                    Inline::typed(&action.owner),
                    Inline::fixed(action.due.map_or_else(|| "…".to_string(), |d| self.date(d))),
                    Inline::fixed(
                        self.issue_number(action.issue)
                            .map_or_else(String::new, |n| n.to_string()),
                    ),
                    self.action_status(action),
                ]
            })
            .collect();
        if rows.is_empty() {
            self.paragraph(Inline::fixed(w.no_actions));
        } else {
            self.paragraph(Inline::fixed(w.conclusions_intro));
            self.push(Block::Table(Table {
                header: w.actions_header.to_vec(),
                rows,
            }));
        }
    }

    fn action_status(&self, action: &Action) -> Inline {
        let label = Inline::fixed(action.status.label(self.lang));
        if action.completion_ref.is_empty() {
            label
        } else {
            label
                .then_fixed(" (")
                .then(Inline::typed(&action.completion_ref))
                .then_fixed(")")
        }
    }
}
