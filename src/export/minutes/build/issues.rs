//! II. Proceedings, continued: the issues raised, one entry each, and the
//! follow-up (written replies owed, issues referred elsewhere, issues not
//! answered yet).

use super::{Builder, number, piece};
use crate::domain::*;
use crate::export::minutes::model::{Block, Inline, IssueEntry, Table, fill};
use crate::i18n::{self, Label};

impl Builder<'_> {
    pub(super) fn issues(&mut self) {
        let w = self.w;
        self.heading(3, w.issues);
        let issues = self.issues_in_order();
        if issues.is_empty() {
            self.paragraph(Inline::fixed(w.no_issues));
            return;
        }
        let written = issues
            .iter()
            .filter(|i| i.source == IssueSource::WrittenSubmission)
            .count() as u64;
        self.paragraph(Inline::fixed(i18n::fill(
            w.issue_totals,
            &[
                &self.count(issues.len() as u64),
                &self.count(issues.len() as u64 - written),
                &self.count(written),
            ],
        )));
        for issue in issues {
            let entry = self.issue(issue);
            self.push(Block::Issue(Box::new(entry)));
        }
    }

    /// One issue: who raised it, how, about what, the answer and what
    /// happens next.
    pub(super) fn issue(&self, issue: &Issue) -> IssueEntry {
        let source = match issue.source {
            IssueSource::Floor => Inline::fixed(i18n::fill(
                self.w.at_time,
                &[issue.source.label(self.lang), &self.time(issue.raised_at)],
            )),
            // The time a written submission was typed in says nothing; its
            // letter does.
            IssueSource::WrittenSubmission => self.letter(issue),
        };
        IssueEntry {
            number: issue.number,
            raised_by: self.participant(issue.raised_by),
            source,
            category: issue.category.label(self.lang),
            field: Inline::typed_lines(&issue.field),
            procedure: Inline::typed_lines(&issue.procedure),
            content: Inline::typed_lines(&issue.text),
            answer: Inline::typed_lines(&issue.answer),
            answered_by: self.participant(issue.answered_by),
            disposition: self.disposition(issue),
        }
    }

    /// "bằng văn bản số 15/CV-PK, nhận ngày 28/01/2026", with what is known
    /// of the letter.
    fn letter(&self, issue: &Issue) -> Inline {
        let mut text = Inline::fixed(issue.source.label(self.lang));
        if let Some(number) = piece(&issue.letter_number) {
            text.push(fill(self.w.letter_number, vec![number]));
        }
        if let Some(date) = issue.letter_date {
            text.push_fixed(i18n::fill(self.w.letter_date, &[&self.date(date)]));
        }
        text
    }

    /// "trả lời bằng văn bản, hạn trả lời 06/03/2026", "chuyển cấp trên: Cục
    /// Sở hữu trí tuệ", and when the issue was closed.
    fn disposition(&self, issue: &Issue) -> Inline {
        let label = issue.disposition.label(self.lang);
        let mut text = match (issue.disposition, issue.reply_due) {
            (Disposition::WrittenReplyRequired, Some(due)) => {
                Inline::fixed(i18n::fill(self.w.reply_due, &[label, &self.date(due)]))
            }
            (Disposition::Escalated | Disposition::Redirected, _)
                if !issue.escalated_to.is_empty() =>
            {
                Inline::fixed(format!("{label}: ")).then(Inline::typed(&issue.escalated_to))
            }
            _ => Inline::fixed(label),
        };
        if let Some(on) = issue.closed_on {
            text.push_fixed(i18n::fill(self.w.closed_on, &[&self.date(on)]));
            if !issue.closing_ref.is_empty() {
                text.push_fixed(" (");
                text.push(Inline::typed(&issue.closing_ref));
                text.push_fixed(")");
            }
        }
        text
    }

    /// The written replies owed, the issues sent elsewhere, and those not
    /// answered yet.
    pub(super) fn follow_up(&mut self) {
        let w = self.w;
        let issues = self.issues_in_order();
        let owed: Vec<Vec<Inline>> = issues
            .iter()
            .filter(|i| i.disposition == Disposition::WrittenReplyRequired)
            .map(|i| self.reply_row(i))
            .collect();
        let referred: Vec<Vec<Inline>> = issues
            .iter()
            .filter(|i| {
                matches!(
                    i.disposition,
                    Disposition::Escalated | Disposition::Redirected
                )
            })
            .map(|i| {
                vec![
                    number(i.number),
                    self.person(i.raised_by),
                    Inline::fixed(i.disposition.label(self.lang)),
                    if i.escalated_to.trim().is_empty() {
                        // Not a blank to fill in on the signed paper.
                        Inline::fixed(self.w.not_recorded)
                    } else {
                        Inline::typed(&i.escalated_to)
                    },
                ]
            })
            .collect();
        let unanswered: Vec<Vec<Inline>> = issues
            .iter()
            .filter(|i| i.disposition == Disposition::Open)
            .map(|i| {
                vec![
                    number(i.number),
                    self.person(i.raised_by),
                    Inline::fixed(i.source.label(self.lang)),
                ]
            })
            .collect();
        self.heading(3, w.follow_up);
        self.follow_up_table(w.replies_owed, &w.replies_header, owed, true);
        self.follow_up_table(w.referred, &w.referred_header, referred, true);
        self.follow_up_table(w.unanswered, &w.unanswered_header, unanswered, false);
    }

    /// "**Heading (n):**" and its table; with no rows, "None." or nothing.
    fn follow_up_table(
        &mut self,
        heading: &str,
        header: &[&'static str],
        rows: Vec<Vec<Inline>>,
        say_none: bool,
    ) {
        let heading = Inline::fixed(i18n::fill(heading, &[&self.count(rows.len() as u64)])).bold();
        match (rows.is_empty(), say_none) {
            (false, _) => {
                self.paragraph(heading);
                self.push(Block::Table(Table {
                    header: header.to_vec(),
                    rows,
                }));
            }
            (true, true) => self.paragraph(heading.then_fixed(" ").then_fixed(self.w.none)),
            (true, false) => {}
        }
    }

    fn reply_row(&self, issue: &Issue) -> Vec<Inline> {
        let mut owners = Inline::default();
        for action in self
            .record
            .actions
            .values()
            .filter(|a| a.issue == Some(issue.id) && a.status != ActionStatus::Cancelled)
        {
            if !owners.0.is_empty() {
                owners.push_fixed("; ");
            }
            owners.push(Inline::typed(&action.owner));
        }
        if owners.0.is_empty() {
            owners = Inline::fixed("…");
        }
        let state = match issue.closed_on {
            Some(on) => {
                let mut state = Inline::fixed(i18n::fill(self.w.reply_sent, &[&self.date(on)]));
                if !issue.closing_ref.is_empty() {
                    state.push_fixed(" (");
                    state.push(Inline::typed(&issue.closing_ref));
                    state.push_fixed(")");
                }
                state
            }
            None => Inline::fixed(self.w.reply_pending),
        };
        vec![
            number(issue.number),
            self.person(issue.raised_by),
            Inline::fixed(
                issue
                    .reply_due
                    .map_or_else(|| "…".to_string(), |d| self.date(d)),
            ),
            owners,
            state,
        ]
    }
}
