//! A large meeting for benchmarks and tests: a province-wide dialogue with
//! thousands of delegates, hundreds of agenda items and a journal of
//! hundreds of thousands of entries, with Vietnamese names and texts.
//! Deterministic: the same size and time give the same file.

mod generator;
mod texts;

use std::path::Path;

use chrono::TimeDelta;

use self::generator::{Generator, Random};
use self::texts::{CONCLUSION, FIELD, details};
use crate::domain::*;
use crate::store::{OpenOptions, Sharing, Store, StoreError};

/// How big a meeting to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub participants: usize,
    pub agenda_items: usize,
    pub issues: usize,
    pub actions: usize,
    /// Journal entries in all.
    pub entries: usize,
}

impl Size {
    /// SPEC §7's large meeting.
    pub const LARGE: Size = Size {
        participants: 2_000,
        agenda_items: 300,
        issues: 5_000,
        actions: 3_000,
        entries: 200_000,
    };

    /// The large meeting divided by `divisor` (for tests).
    pub fn scaled(divisor: usize) -> Size {
        let d = divisor.max(1);
        Size {
            participants: (Self::LARGE.participants / d).max(10),
            agenda_items: (Self::LARGE.agenda_items / d).max(3),
            issues: Self::LARGE.issues / d,
            actions: Self::LARGE.actions / d,
            entries: Self::LARGE.entries / d,
        }
    }
}

/// Commands per transaction while generating.
const CHUNK: usize = 5_000;

/// Creates `path` with a large meeting (see `Size`).
pub fn create_large(
    path: &Path,
    options: OpenOptions,
    size: Size,
    now: Timestamp,
) -> Result<Store, StoreError> {
    create_large_telling(path, options, size, now, &mut |_| {})
}

/// `create_large`, telling `written` how many journal entries are written
/// after each transaction (of `size.entries`), for a progress line.
pub fn create_large_telling(
    path: &Path,
    options: OpenOptions,
    size: Size,
    now: Timestamp,
    written: &mut dyn FnMut(usize),
) -> Result<Store, StoreError> {
    let start = now - TimeDelta::seconds(size.entries as i64 + 60);
    let mut store = Store::create_at(path, options, details(start), Sharing::Private, start)?;
    let meeting_day = store.record().meeting_day(start);
    let mut generator = Generator {
        random: Random(0x6761_766C),
        size,
        at: start,
        written: 1,
        participants: Vec::new(),
        staff_ids: Vec::new(),
        speakers: Vec::new(),
        unchecked: Vec::new(),
        writers: Vec::new(),
        agenda: Vec::new(),
        issues: Vec::new(),
        actions: 0,
        meeting_day,
    };
    // The list of delegates and the agenda.
    for first in (0..size.participants).step_by(CHUNK) {
        store.bulk(|bulk| {
            for n in first..(first + CHUNK).min(size.participants) {
                let command = generator.participant(n);
                if let Some(Event::ParticipantAdded { participant }) =
                    generator.run(bulk, command)?
                {
                    generator.listed(&participant);
                }
            }
            Ok(())
        })?;
    }
    store.bulk(|bulk| {
        // The chair and the secretary are the first two on the list.
        let meeting = &bulk.record().meeting;
        let details = MeetingDetails {
            chair_id: generator.participants.first().copied(),
            secretary_id: generator.participants.get(1).copied(),
            ..meeting.details.clone()
        };
        let base_rev = meeting.rev;
        generator.run(bulk, Command::EditMeeting { base_rev, details })?;
        for n in 0..size.agenda_items {
            let command = Command::AddAgendaItem(AgendaFields {
                title: format!("Phiên đối thoại {}: {}", n + 1, FIELD[n % FIELD.len()]),
                planned_minutes: 20 + (n as u32 % 4) * 10,
                presenter: "Lãnh đạo Sở".into(),
                position: None,
            });
            if let Some(Event::AgendaItemAdded { item }) = generator.run(bulk, command)? {
                generator.agenda.push(item.id);
            }
        }
        Ok(())
    })?;
    // The meeting itself: the roll call, then item after item until the
    // journal is full, and the chair's conclusion.
    store.bulk(|bulk| generator.roll_call(bulk))?;
    written(generator.written);
    for index in 0..generator.agenda.len() {
        let left_items = generator.agenda.len() - index;
        if left_items == 1 {
            // The chair's conclusion, before the last item takes what room
            // is left.
            store.bulk(|bulk| {
                let text = CONCLUSION.to_string();
                generator.run(bulk, Command::WriteConclusion { base_rev: 0, text })?;
                Ok(())
            })?;
        }
        let budget = size.entries.saturating_sub(generator.written) / left_items;
        store.bulk(|bulk| generator.agenda_item(bulk, index, budget))?;
        written(generator.written);
    }
    // Whatever room is left: the list of speakers closed and reopened.
    while !generator.full() {
        store.bulk(|bulk| {
            for n in 0..CHUNK {
                generator.run(bulk, Command::SetQueueClosed(n % 2 == 0))?;
            }
            Ok(())
        })?;
        written(generator.written);
    }
    Ok(store)
}
