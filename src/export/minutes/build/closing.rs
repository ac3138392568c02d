//! The end of the minutes: when the meeting ended, the approval, the
//! signature blocks and who receives the minutes, then the corrections
//! recorded after the approval.

use super::{Builder, Placed};
use crate::domain::*;
use crate::export::minutes::amendments::Amendment;
use crate::export::minutes::format::{
    clock_time, english_full_date, spelled_time, vietnamese_full_date,
};
use crate::export::minutes::model::{Block, Inline, Signatures, Table, fill};
use crate::i18n::{self, Label, Lang};

impl Builder<'_> {
    // Closing -----------------------------------------------------------------

    /// When the meeting ended (or that it has not), whether the minutes are
    /// approved, and whether the record changed since.
    pub(super) fn closing(&mut self, corrections: usize) {
        let w = self.w;
        match self.end() {
            Some(end) => self.paragraph(Inline::fixed(self.ended_line(end))),
            None => self.paragraph(
                Inline::fixed(w.draft)
                    .bold()
                    .then_fixed(" ")
                    .then_fixed(w.still_in_progress),
            ),
        }
        let meeting = &self.record.meeting;
        if meeting.minutes == MinutesState::Approved {
            let (time, date) = meeting.approved_at.map_or_else(
                || ("…".to_string(), "…".to_string()),
                |at| {
                    let local = self.local(at);
                    (
                        spelled_time(local, self.lang),
                        self.date(local.date_naive()),
                    )
                },
            );
            // The chair approves; the login that recorded it stays in the
            // journal.
            let text = match self.chair_named() {
                Some(chair) => fill(
                    w.approved_chair,
                    vec![Inline::fixed(time), Inline::fixed(date), chair],
                ),
                None => fill(w.approved, vec![Inline::fixed(time), Inline::fixed(date)]),
            };
            self.paragraph(text);
        } else if self.end().is_some() {
            self.paragraph(Inline::fixed(w.not_approved));
        }
        if corrections > 0 {
            let note = if corrections == 1 {
                w.corrections_note_one
            } else {
                w.corrections_note
            };
            self.paragraph(Inline::fixed(i18n::fill(
                note,
                &[&self.count(corrections as u64)],
            )));
        }
    }

    /// "Hội nghị kết thúc vào lúc 11 giờ 30 phút, ngày 05 tháng 02 năm
    /// 2026./.": the day written out, as form 1.9 has it.
    fn ended_line(&self, end: Timestamp) -> String {
        let local_end = self.local(end);
        let time = spelled_time(local_end, self.lang);
        let day = local_end.date_naive();
        let day = match self.lang {
            Lang::Vi => vietnamese_full_date(day),
            Lang::En => english_full_date(day),
        };
        i18n::fill(self.w.ended, &[&time, &day])
    }

    /// "Ông Phạm Thanh Tùng": the chair as a participant, else the name in
    /// the meeting's details (files from before the choice).
    fn chair_named(&self) -> Option<Inline> {
        match self.chair.and_then(|id| self.record.participants.get(&id)) {
            Some(p) => Some(self.person_of(p, Placed::Heading).name),
            None => typed_name(&self.details().chair),
        }
    }

    /// The secretary on the left, the chair on the right, with room to
    /// sign and the name written out; then who receives the minutes.
    pub(super) fn signatures(&mut self) {
        let name = |chosen: Option<Id>, typed: &str| {
            let text = match chosen.and_then(|id| self.record.participants.get(&id)) {
                Some(p) => Some(Inline::typed(p.name.trim())),
                None => typed_name(typed),
            };
            text.unwrap_or_default()
        };
        let signatures = Signatures {
            secretary: name(self.secretary, &self.details().secretary),
            chair: name(self.chair, &self.details().chair),
        };
        self.push(Block::Signatures(signatures));
        self.push(Block::Recipients {
            label: self.w.distribution_label,
            lines: self.w.distribution.to_vec(),
        });
    }

    /// The approved minutes' fingerprint, and how to check the file with it.
    pub(super) fn fingerprint(&mut self, fingerprint: Option<&str>) {
        if let Some(fingerprint) = fingerprint {
            let digits = fingerprint.replace(' ', "");
            let text = i18n::fill(self.w.fingerprint, &[fingerprint, &digits]);
            self.paragraph(Inline::fixed(text));
        }
    }

    /// Each correction recorded after the approval: when, who, what
    /// changed from which text to which.
    pub(super) fn corrections(&mut self, amendments: &[Amendment]) {
        if amendments.is_empty() {
            return;
        }
        let rows: Vec<Vec<Inline>> = amendments
            .iter()
            .map(|amendment| {
                let entry = amendment.entry;
                let local = self.local(entry.at);
                vec![
                    Inline::fixed(format!("#{}", entry.seq)),
                    Inline::fixed(format!(
                        "{} {}",
                        self.date(local.date_naive()),
                        clock_time(local)
                    )),
                    Inline::typed(&entry.actor)
                        .then_fixed(format!(" ({})", entry.role.label(self.lang))),
                    amendment.what.clone(),
                ]
            })
            .collect();
        let w = self.w;
        self.heading(2, w.corrections);
        self.paragraph(Inline::fixed(w.corrections_intro));
        self.push(Block::Table(Table {
            header: w.corrections_header.to_vec(),
            rows,
        }));
    }
}

/// The name in a name typed in the meeting's details: older files may hold
/// "Name, title" there; a name has no comma.
fn typed_name(typed: &str) -> Option<Inline> {
    let name = typed.split(',').next().unwrap_or("").trim();
    (!name.is_empty()).then(|| Inline::typed(name))
}
