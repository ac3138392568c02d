//! I. Attendance: the chair and the secretary, the totals, and who was
//! present (by group), absent (by kind of absence) or not checked in.
//!
//! Attendance is the record's (`Record::attendance_of`): whoever spoke or
//! raised an issue in the room is present whatever the roll call said. The
//! numbers add up where a reader can see it: the total is present, absent
//! and not checked in together; the absent are the sum of their kinds; the lists under
//! "present" (the chair and the secretary inside their groups) add up to
//! the number present, and so on.

use super::{Builder, Placed, piece};
use crate::domain::text::fold;
use crate::domain::*;
use crate::export::minutes::model::{Block, Inline, Item, labelled};
use crate::export::minutes::words::{GROUP_ORDER, group_heading};
use crate::i18n;

/// The kinds of absence, in the order the minutes list them.
const ABSENCES: [Attendance; 3] = [
    Attendance::AbsentWithNotice,
    Attendance::AbsentWithWrittenSubmission,
    Attendance::Absent,
];

impl Builder<'_> {
    // I. Attendance -----------------------------------------------------------

    pub(super) fn attendance(&mut self) {
        let w = self.w;
        self.heading(2, w.attendance);
        let chair = self.chair.and_then(|id| self.record.participants.get(&id));
        let secretary = self
            .secretary
            .and_then(|id| self.record.participants.get(&id));
        self.push(Block::List(vec![
            Item::line(labelled(
                w.chair,
                self.chair_or_secretary(chair, &self.details().chair),
            )),
            Item::line(labelled(
                w.secretary,
                self.chair_or_secretary(secretary, &self.details().secretary),
            )),
        ]));
        self.paragraph(Inline::fixed(self.attendance_totals()));
        let record = self.record;
        if record.participants.values().any(|p| p.members > 0) {
            self.paragraph(Inline::fixed(w.group_counts_once).italic());
        }
        let with = |attendance: Attendance| -> Vec<&Participant> {
            record
                .participants
                .values()
                .filter(|p| record.attendance_of(p) == attendance)
                .collect()
        };

        let present = with(Attendance::Present);
        self.count_heading(w.present_delegates, present.len());
        let department = fold(self.details().agency.trim()).starts_with("so ");
        for role in GROUP_ORDER {
            let group: Vec<&Participant> =
                present.iter().copied().filter(|p| p.role == role).collect();
            self.attendee_list(group_heading(role, self.lang, department), &group);
        }

        let absent: Vec<Vec<&Participant>> = ABSENCES.into_iter().map(with).collect();
        self.count_heading(w.absent_delegates, absent.iter().map(Vec::len).sum());
        for (heading, people) in w.absent_lists.iter().zip(&absent) {
            self.attendee_list(heading, people);
        }

        let unchecked = with(Attendance::Invited);
        if !unchecked.is_empty() {
            self.count_heading(w.not_checked_in, unchecked.len());
            self.push(Block::List(
                unchecked
                    .iter()
                    .map(|p| Item::line(self.attendee(p)))
                    .collect(),
            ));
        }
    }

    /// "Ông Phạm Thanh Tùng, Phó Giám đốc Sở Khoa học và Công nghệ.": the
    /// participant chosen, else the name as typed in the meeting's details
    /// (files from before the choice), else "…" to be filled in.
    fn chair_or_secretary(&self, participant: Option<&Participant>, typed: &str) -> Inline {
        let text = match participant {
            Some(p) => self.person_of(p, Placed::Heading).introduced(),
            None => piece(typed).unwrap_or_else(|| Inline::fixed("…")),
        };
        end_sentence(text)
    }

    /// "Tổng số đại biểu: 22; có mặt: 18; vắng mặt: 3 (vắng có lý do: 1;
    /// vắng, có ý kiến bằng văn bản: 2); chưa điểm danh: 1.": the kinds of
    /// absence and the unchecked only when there are some.
    fn attendance_totals(&self) -> String {
        let roll = self.record.roll_call();
        let count = |n: usize| self.count(n as u64);
        let mut text = i18n::fill(
            self.w.totals,
            &[
                &count(roll.total),
                &count(roll.present),
                &count(roll.absent_in_all()),
            ],
        );
        let kinds: Vec<String> = self
            .w
            .absent_kinds
            .iter()
            .zip([
                roll.absent_with_notice,
                roll.absent_with_written_submission,
                roll.absent,
            ])
            .filter(|(_, n)| *n > 0)
            .map(|(template, n)| i18n::fill(template, &[&count(n)]))
            .collect();
        if !kinds.is_empty() {
            text.push_str(&format!(" ({})", kinds.join("; ")));
        }
        if roll.unchecked > 0 {
            text.push_str(&i18n::fill(
                self.w.not_checked_in_count,
                &[&count(roll.unchecked)],
            ));
        }
        text.push('.');
        text
    }

    /// "**Đại biểu có mặt (18):**"; nothing for nobody (the totals say 0).
    fn count_heading(&mut self, template: &str, n: usize) {
        if n == 0 {
            return;
        }
        let text = i18n::fill(template, &[&self.count(n as u64)]);
        self.paragraph(Inline::fixed(text).bold());
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
            .map(|p| Item::line(self.attendee(p)))
            .collect();
        self.push(Block::List(items));
    }

    /// A line of an attendance list: "Ông Võ Văn Hiếu, Chánh Văn phòng Sở";
    /// a group "Nhóm hộ dân ấp Tân Thuận (7 người), đại diện: Ông A, Bà B";
    /// the chair and the secretary marked as such.
    fn attendee(&self, p: &Participant) -> Inline {
        let w = self.w;
        let person = self.person_of(p, Placed::Heading);
        let mut line = person.name.clone();
        if p.members > 0 {
            line.push_fixed(format!(
                " ({})",
                i18n::fill(w.members, &[&self.count(u64::from(p.members))])
            ));
        }
        for detail in person.position.iter().chain(&person.organization) {
            line.push_fixed(", ");
            line.push(detail.clone());
        }
        if let Some(representatives) = piece(&p.representatives) {
            line.push_fixed(", ");
            line.push(crate::export::minutes::model::fill(
                w.represented_by,
                vec![representatives],
            ));
        }
        if self.chair == Some(p.id) {
            line.push_fixed(format!(" ({})", w.chairing));
        } else if self.secretary == Some(p.id) {
            line.push_fixed(format!(" ({})", w.minuting));
        }
        line
    }
}

/// The text with a full stop at its end, unless it already has one.
fn end_sentence(text: Inline) -> Inline {
    if text.text().trim_end().ends_with(['.', '…', '!', '?']) {
        text
    } else {
        text.then_fixed(".")
    }
}
