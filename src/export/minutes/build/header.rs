//! The top of the minutes: the header (agency, nation and motto, number;
//! form 1.9 has no place-and-date line), the title, the legal basis, the
//! time and the place.

use chrono::NaiveDate;

use super::Builder;
use crate::domain::*;
use crate::export::minutes::format::{english_full_date, spelled_time, vietnamese_full_date};
use crate::export::minutes::model::{Block, Header, Inline, Item, labelled};
use crate::i18n::{self, Lang};

impl Builder<'_> {
    // The header ------------------------------------------------------------

    /// The minutes' header: form 1.9 has no place and date under it.
    pub(super) fn header(&mut self) {
        let number = Inline::fixed(format!("{} ", self.w.number)).then(self.doc_number());
        self.push_header(number, None);
    }

    /// The agencies on the left, the nation and its motto on the right,
    /// then `number` and the place and date (if the form has them).
    pub(super) fn push_header(&mut self, number: Inline, place_and_date: Option<Inline>) {
        let d = self.details();
        let header = Header {
            superior_agency: Inline::typed(&d.superior_agency),
            agency: Inline::typed_or_ellipsis(&d.agency),
            nation: self.w.nation,
            motto: self.w.motto,
            number,
            place_and_date,
        };
        self.push(Block::Header(header));
    }

    /// "…/BB-SKHCN": the number is given when the minutes are registered,
    /// so it stays "…" unless `doc_number` already holds a whole number
    /// ("15/BB-SKHCN"); with no `doc_number` at all, "…/BB-…".
    fn doc_number(&self) -> Inline {
        let number = self.details().doc_number.trim();
        if number.is_empty() {
            Inline::fixed("…/BB-…")
        } else if number.contains('/') {
            Inline::typed(number)
        } else {
            Inline::fixed("…/").then(Inline::typed(number))
        }
    }

    /// "Mỹ Tho, ngày 05 tháng 02 năm 2026": the place, and `day` (the
    /// meeting's when `None`) written out.
    pub(super) fn place_and_date(&self, day: Option<NaiveDate>) -> Inline {
        let day = day.or_else(|| self.start().map(|at| self.local(at).date_naive()));
        let date = match (day, self.lang) {
            (Some(day), Lang::Vi) => vietnamese_full_date(day),
            (Some(day), Lang::En) => english_full_date(day),
            (None, _) => self.w.unknown_date.to_string(),
        };
        Inline::typed_or_ellipsis(&self.details().place)
            .then_fixed(", ")
            .then_fixed(date)
    }

    pub(super) fn title(&mut self) {
        let title = &self.details().title;
        let subtitle = (!title.is_empty()).then(|| Inline::typed(title));
        self.push(Block::Title {
            title: self.w.title,
            subtitle,
        });
    }

    /// One line per line of the legal basis, each starting with "Căn cứ"
    /// in Vietnamese.
    pub(super) fn legal_basis(&mut self) {
        let lines = Inline::typed_lines(&self.details().legal_basis);
        if lines.is_empty() {
            return;
        }
        if let Some(intro) = self.w.legal_basis {
            self.paragraph(Inline::fixed(intro));
        }
        for line in lines {
            let line = match self.w.basis_prefix {
                Some(prefix) if !line.text().starts_with(prefix) => {
                    Inline::fixed(format!("{prefix} ")).then(line)
                }
                _ => line,
            };
            self.paragraph(line.italic());
        }
    }

    pub(super) fn time_and_place(&mut self) {
        let w = self.w;
        let when = match (
            self.record.meeting.actual_start,
            self.details().planned_start,
        ) {
            (Some(at), _) => self.starting(w.started_at, at),
            (None, Some(at)) => self.starting(w.planned_at, at),
            (None, None) => "…".to_string(),
        };
        let venue = Inline::typed_or_ellipsis(&self.details().venue);
        self.push(Block::List(vec![
            Item::line(labelled(w.time, Inline::fixed(format!("{when}.")))),
            Item::line(labelled(w.venue, venue.then_fixed("."))),
            Item::line(labelled(w.form, Inline::fixed(format!("{}.", w.in_person)))),
        ]));
    }

    fn starting(&self, template: &str, at: Timestamp) -> String {
        let local = self.local(at);
        i18n::fill(
            template,
            &[
                &spelled_time(local, self.lang),
                &self.date(local.date_naive()),
            ],
        )
    }
}
