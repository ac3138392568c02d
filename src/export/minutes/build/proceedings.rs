//! II. Proceedings: the agenda with its times, and the course of the
//! meeting item by item, each turn at the floor in the order given.

use super::{Builder, number};
use crate::domain::clock::turn_clock;
use crate::domain::*;
use crate::export::minutes::format::duration;
use crate::export::minutes::model::{Block, Inline, Item, Table, fill};
use crate::i18n::{self, Label};

impl Builder<'_> {
    // II. Proceedings ---------------------------------------------------------

    pub(super) fn proceedings(&mut self) {
        self.heading(2, self.w.proceedings);
        self.agenda_table();
        self.course();
        self.issues();
        self.follow_up();
    }

    fn agenda_table(&mut self) {
        let w = self.w;
        let rows: Vec<Vec<Inline>> = self
            .record
            .agenda_in_order()
            .into_iter()
            .enumerate()
            .map(|(n, item)| {
                vec![
                    number(n + 1),
                    Inline::typed(&item.title),
                    Inline::typed(&item.presenter),
                    Inline::fixed(i18n::fill(
                        w.planned_minutes,
                        &[&self.count(u64::from(item.planned_minutes))],
                    )),
                    Inline::fixed(self.actual_times(item)),
                ]
            })
            .collect();
        self.heading(3, w.agenda);
        if rows.is_empty() {
            self.paragraph(Inline::fixed(w.none));
        } else {
            self.push(Block::Table(Table {
                header: w.agenda_header.to_vec(),
                rows,
            }));
        }
    }

    /// "08:11–08:24 (12 phút 30 giây)", or where the item stands.
    fn actual_times(&self, item: &AgendaItem) -> String {
        match (item.status, item.started_at, item.ended_at) {
            (_, Some(start), Some(end)) => format!(
                "{}–{} ({})",
                self.time(start),
                self.time(end),
                duration(end - start, self.lang)
            ),
            (AgendaStatus::Active, Some(start), None) => {
                i18n::fill(self.w.in_progress_since, &[&self.time(start)])
            }
            (AgendaStatus::Skipped, _, _) => self.w.skipped.to_string(),
            _ => self.w.not_yet.to_string(),
        }
    }

    /// What happened under each agenda item that was taken up (or has
    /// notes): who presented it, the secretary's notes of its course, and
    /// each turn at the floor in the order given.
    fn course(&mut self) {
        let w = self.w;
        self.heading(3, w.course);
        let mut any = false;
        let items = self.record.agenda_in_order();
        for (n, item) in items.iter().enumerate() {
            let notes = Inline::typed_lines(&item.notes);
            if item.started_at.is_none() && notes.is_empty() {
                continue;
            }
            any = true;
            let mut heading = Inline::fixed(format!("{}. ", n + 1))
                .then(Inline::typed(&item.title))
                .bold();
            if !item.presenter.is_empty() {
                heading.push_fixed(" — ");
                heading.push(fill(w.presented_by, vec![Inline::typed(&item.presenter)]));
            }
            self.paragraph(heading);
            for line in notes {
                self.paragraph(line);
            }
            self.turns(Some(item.id));
        }
        if self.requests_by_item.contains_key(&None) {
            any = true;
            self.paragraph(Inline::fixed(w.outside_agenda).bold());
            self.turns(None);
        }
        if !any {
            self.paragraph(Inline::fixed(w.no_turns));
        }
    }

    /// The turns given under an agenda item (`None`: outside the agenda),
    /// then those who asked for the floor and were not called.
    fn turns(&mut self, item: Option<Id>) {
        let requests = self
            .requests_by_item
            .get(&item)
            .map_or(&[][..], Vec::as_slice);
        let mut given: Vec<&SpeakerRequest> = requests
            .iter()
            .copied()
            .filter(|r| r.started_at.is_some())
            .collect();
        given.sort_by_key(|r| (r.started_at, r.id));
        let mut waiting: Vec<&SpeakerRequest> = requests
            .iter()
            .copied()
            .filter(|r| r.status == RequestStatus::Waiting)
            .collect();
        // In the order they would get the floor, as `Record::queue` has it.
        waiting.sort_by_key(|r| (r.kind, r.requested_at, r.id));
        let given: Vec<Item> = given.into_iter().map(|r| self.turn(r)).collect();
        let waiting: Vec<Item> = waiting
            .into_iter()
            .map(|r| self.waiting_request(r))
            .collect();
        if !given.is_empty() {
            self.push(Block::List(given));
        }
        if !waiting.is_empty() {
            self.paragraph(Inline::fixed(i18n::fill(
                self.w.not_called,
                &[&self.count(waiting.len() as u64)],
            )));
            self.push(Block::List(waiting));
        }
    }

    /// "Nguyễn Văn Tư (…) — về trình tự: Đề nghị bố trí thêm micro".
    fn waiting_request(&self, request: &SpeakerRequest) -> Item {
        let mut line = self.person(Some(request.participant));
        if request.kind != RequestKind::Normal {
            line.push_fixed(" — ");
            line.push_fixed(request.kind.label(self.lang));
        }
        if !request.topic.is_empty() {
            line.push_fixed(": ");
            line.push(Inline::typed(&request.topic));
        }
        Item::line(line)
    }

    /// "08:40 — Chủ trì mời Đỗ Thanh Sơn (Bệnh viện …) phát biểu (2 phút 50
    /// giây). Nội dung: …". A turn still running has no length yet: the
    /// minutes read no clock.
    fn turn(&self, request: &SpeakerRequest) -> Item {
        let w = self.w;
        let template = match request.kind {
            RequestKind::Normal => w.turn_normal,
            RequestKind::Reply => w.turn_reply,
            RequestKind::PointOfOrder => w.turn_point_of_order,
        };
        let spoken = match request.ended_at {
            Some(end) => duration(turn_clock(request, end).elapsed, self.lang),
            None => w.still_speaking.to_string(),
        };
        let started = request
            .started_at
            .map_or_else(String::new, |at| self.time(at));
        let mut line = Inline::fixed(format!("{started} — "))
            .then(fill(
                template,
                vec![self.person_in_sentence(request.participant)],
            ))
            .then_fixed(format!(" ({spoken})."));
        if !request.topic.is_empty() {
            line.push_fixed(" ");
            line.push(fill(w.topic, vec![Inline::typed(&request.topic)]));
        }
        Item::line(line)
    }
}
