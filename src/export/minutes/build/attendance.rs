//! I. Attendance: the chair and the secretary, the totals, and who was
//! present, absent or not checked in.

use super::Builder;
use crate::domain::*;
use crate::export::minutes::model::{Block, Inline, Item, labelled};
use crate::export::minutes::words::{GROUP_ORDER, group_heading};
use crate::i18n;

/// Attendance counts.
#[derive(Default)]
struct Tally {
    present: u64,
    absent_written: u64,
    absent: u64,
    not_checked_in: u64,
}

impl Builder<'_> {
    // I. Attendance -----------------------------------------------------------

    pub(super) fn attendance(&mut self) {
        let w = self.w;
        self.heading(2, w.attendance);
        let chair = self.find_by_name(&self.details().chair);
        let secretary = self.find_by_name(&self.details().secretary);
        self.push(Block::List(vec![
            Item::line(labelled(
                w.chair,
                self.named(&self.details().chair, chair).then_fixed("."),
            )),
            Item::line(labelled(
                w.secretary,
                self.named(&self.details().secretary, secretary)
                    .then_fixed("."),
            )),
        ]));
        self.paragraph(Inline::fixed(self.attendance_totals()));
        let record = self.record;
        let others = |p: &&Participant| Some(p.id) != chair && Some(p.id) != secretary;
        let present: Vec<&Participant> = record
            .participants
            .values()
            .filter(|p| p.attendance == Attendance::Present)
            .filter(others)
            .collect();
        if !present.is_empty() {
            self.paragraph(Inline::fixed(format!("{}:", w.present_delegates)).bold());
            for role in GROUP_ORDER {
                let group: Vec<&Participant> =
                    present.iter().copied().filter(|p| p.role == role).collect();
                self.attendee_list(group_heading(role, self.lang), &group);
            }
        }
        for (attendance, heading) in [
            (Attendance::AbsentWithWrittenSubmission, w.absent_written),
            (Attendance::Absent, w.absent),
            (Attendance::Invited, w.not_checked_in),
        ] {
            let group: Vec<&Participant> = record
                .participants
                .values()
                .filter(|p| p.attendance == attendance)
                .collect();
            self.attendee_list(heading, &group);
        }
    }

    /// The chair and the secretary are named in the meeting's details; their
    /// position comes from the list of participants when they are on it.
    fn find_by_name(&self, name: &str) -> Option<Id> {
        if name.is_empty() {
            return None;
        }
        self.record
            .participants
            .values()
            .find(|p| p.name == name)
            .map(|p| p.id)
    }

    fn named(&self, name: &str, participant: Option<Id>) -> Inline {
        match participant.and_then(|id| self.record.participants.get(&id)) {
            Some(p) => Self::attendee(p),
            None => Inline::typed_or_ellipsis(name),
        }
    }

    fn attendance_totals(&self) -> String {
        let mut tally = Tally::default();
        for p in self.record.participants.values() {
            match p.attendance {
                Attendance::Present => tally.present += 1,
                Attendance::AbsentWithWrittenSubmission => tally.absent_written += 1,
                Attendance::Absent | Attendance::AbsentWithNotice => tally.absent += 1,
                Attendance::Invited => tally.not_checked_in += 1,
            }
        }
        let mut text = i18n::fill(
            self.w.totals,
            &[
                &self.count(self.record.participants.len() as u64),
                &self.count(tally.present),
                &self.count(tally.absent + tally.absent_written),
                &self.count(tally.absent_written),
            ],
        );
        if tally.not_checked_in > 0 {
            text.push_str(&i18n::fill(
                self.w.not_checked_in_count,
                &[&self.count(tally.not_checked_in)],
            ));
        }
        text.push('.');
        text
    }

    /// "*Heading* (3):" and one line per person; nothing for nobody.
    fn attendee_list(&mut self, heading: &str, people: &[&Participant]) {
        if people.is_empty() {
            return;
        }
        self.paragraph(
            Inline::fixed(heading)
                .italic()
                .then_fixed(format!(" ({}):", self.count(people.len() as u64))),
        );
        let items = people
            .iter()
            .map(|p| Item::line(Self::attendee(p)))
            .collect();
        self.push(Block::List(items));
    }
}
