//! The record turned into the minutes' structure (`model`): what is said,
//! in which words and in which order. The writers decide how it looks.

mod attendance;
mod closing;
mod conclusions;
mod followup;
mod header;
mod issues;
mod notice;
mod period;
mod proceedings;
mod upward;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset, NaiveDate};

pub use followup::followup_report;
pub use notice::{NoConclusion, notice};
pub use period::period_report;
pub use upward::{NothingToReport, upward};

use super::amendments::Amendment;
use super::format::{clock_time, count, running_date};
use super::model::{Block, Inline, Person};
use super::words::Words;
use crate::domain::clock::offset;
use crate::domain::text::fold;
use crate::domain::*;
use crate::i18n::Lang;

/// What a writer needs before the minutes' blocks: their date (when the
/// meeting started, or was planned to) and their words.
pub fn minutes_head(record: &Record, lang: Lang) -> (Option<Timestamp>, &'static Words) {
    // Not through `Builder::new`: it groups every request for the floor,
    // which the build itself does once.
    (start_of(record), Words::of(lang))
}

/// When the meeting started, else when it was planned to.
fn start_of(record: &Record) -> Option<Timestamp> {
    record
        .meeting
        .actual_start
        .or(record.meeting.details.planned_start)
}

/// The minutes of the meeting in `record` (as approved, once approved),
/// handed to `sink` a few blocks at a time as they are made, for a writer
/// to write them at once: a large meeting's minutes are never held whole
/// (their blocks took twice the record's memory). On the same thread: a
/// second one cost more in wake-ups and in memory freed across threads
/// than it saved. `corrections` are the corrections of their content
/// recorded after the approval, `fingerprint` the approved minutes'
/// (printed beside the signatures).
pub fn minutes_into<'a>(
    record: &'a Record,
    corrections: &[Amendment],
    fingerprint: Option<&str>,
    lang: Lang,
    sink: Sink<'a>,
) {
    let mut builder = Builder::new(record, lang);
    builder.sink = Some(sink);
    builder.header();
    builder.title();
    builder.legal_basis();
    builder.time_and_place();
    builder.attendance();
    builder.proceedings();
    builder.conclusions();
    builder.closing(corrections.len());
    builder.signatures();
    builder.fingerprint(fingerprint);
    builder.corrections(corrections);
    builder.send_blocks();
}

/// Where a builder hands its blocks as it makes them.
pub type Sink<'a> = Box<dyn FnMut(Vec<Block>) + 'a>;

/// Blocks handed to a writer at a time.
const BATCH: usize = 32;

fn number(n: impl ToString) -> Inline {
    Inline::fixed(n.to_string())
}

/// Those whose organization goes unsaid after their position: when the
/// position already names it ("Giám đốc Sở Khoa học và Công nghệ"), and for
/// the agency's own staff when it is the agency itself.
fn organization_unsaid(record: &Record) -> BTreeSet<Id> {
    let agency = fold(record.meeting.details.agency.trim());
    record
        .participants
        .values()
        .filter(|p| {
            let folded = |text: &str| piece(text).map(|piece| fold(&piece.text()));
            let Some(organization) = folded(&p.organization) else {
                return false;
            };
            let named_by_position =
                folded(&p.position).is_some_and(|position| position.contains(&organization));
            let the_agency_itself =
                p.role.is_staff() && !agency.is_empty() && organization.starts_with(&agency);
            named_by_position || the_agency_itself
        })
        .map(|p| p.id)
        .collect()
}

/// Where a person's name stands: at the head of a line, a list item or
/// after a colon, or inside a sentence, where Vietnamese writes "ông", "bà"
/// in lower case.
#[derive(Clone, Copy)]
enum Placed {
    Heading,
    InSentence,
}

/// A piece of a person's description (a position, an organization) as
/// typed, without the spaces and separators around it that would double
/// the minutes' own commas; `None` when nothing is left.
fn piece(text: &str) -> Option<Inline> {
    let text = text.trim().trim_end_matches([',', ';']).trim_end();
    (!text.is_empty()).then(|| Inline::typed(text))
}

struct Builder<'a> {
    record: &'a Record,
    /// The chair and the secretary as participants, when they are.
    chair: Option<Id>,
    secretary: Option<Id>,
    lang: Lang,
    w: &'static Words,
    /// The requests for the floor per agenda item (`None`: none, or an item
    /// no longer on the agenda), grouped once: a large meeting has tens of
    /// thousands of them and hundreds of items.
    requests_by_item: BTreeMap<Option<Id>, Vec<&'a SpeakerRequest>>,
    /// The participants whose organization the minutes leave out after
    /// their position (see `person_of`), decided once: a large meeting
    /// names people tens of thousands of times, and comparing folded text
    /// each time was a third of the export.
    organization_unsaid: BTreeSet<Id>,
    blocks: Vec<Block>,
    /// When set, the blocks go there as they are made, `BATCH` at a time.
    sink: Option<Sink<'a>>,
}

impl<'a> Builder<'a> {
    fn new(record: &'a Record, lang: Lang) -> Builder<'a> {
        let mut requests_by_item: BTreeMap<Option<Id>, Vec<&SpeakerRequest>> = BTreeMap::new();
        for request in record.requests.values() {
            let item = request
                .agenda_item
                .filter(|id| record.agenda.contains_key(id));
            requests_by_item.entry(item).or_default().push(request);
        }
        Builder {
            record,
            chair: record.chair().map(|p| p.id),
            secretary: record.secretary().map(|p| p.id),
            lang,
            w: Words::of(lang),
            requests_by_item,
            organization_unsaid: organization_unsaid(record),
            blocks: Vec::new(),
            sink: None,
        }
    }

    fn push(&mut self, block: Block) {
        self.blocks.push(block);
        if self.blocks.len() >= BATCH {
            self.send_blocks();
        }
    }

    /// Hands the blocks made so far to the writer, when there is one.
    fn send_blocks(&mut self) {
        if let Some(sink) = &mut self.sink {
            sink(std::mem::take(&mut self.blocks));
        }
    }

    fn paragraph(&mut self, text: Inline) {
        self.push(Block::Paragraph(text));
    }

    fn heading(&mut self, level: u8, text: &str) {
        self.push(Block::Heading {
            level,
            text: Inline::fixed(text),
        });
    }

    fn details(&self) -> &'a MeetingDetails {
        &self.record.meeting.details
    }

    fn local(&self, at: Timestamp) -> DateTime<FixedOffset> {
        at.with_timezone(&offset(self.details()))
    }

    fn time(&self, at: Timestamp) -> String {
        clock_time(self.local(at))
    }

    fn date(&self, date: NaiveDate) -> String {
        running_date(date, self.lang)
    }

    fn count(&self, n: u64) -> String {
        count(n, self.lang)
    }

    /// When the meeting started, else when it was planned to.
    fn start(&self) -> Option<Timestamp> {
        start_of(self.record)
    }

    /// The meeting has ended: adjourned or closed. A meeting resumed after
    /// an adjournment keeps its old `actual_end`, so the status decides.
    fn end(&self) -> Option<Timestamp> {
        match self.record.meeting.status {
            MeetingStatus::Adjourned | MeetingStatus::Closed => self.record.meeting.actual_end,
            MeetingStatus::Draft | MeetingStatus::Live => None,
        }
    }

    fn participant(&self, id: Option<Id>) -> Option<Person> {
        id.and_then(|id| self.record.participants.get(&id))
            .map(|p| self.person_of(p, Placed::Heading))
    }

    /// A participant as the minutes name them: "Ông" or "Bà" when known
    /// ("ông", "bà" inside a sentence), the name, the position and the
    /// organization; the contact never. The organization is left out when
    /// the position already names it, and for the agency's own staff when
    /// it is the agency itself: its own minutes need not say it each time.
    fn person_of(&self, p: &Participant, placed: Placed) -> Person {
        let name = match p.honorific {
            Some(honorific) => Inline::fixed(format!("{} ", self.honorific(honorific, placed)))
                .then(Inline::typed(p.name.trim())),
            None => Inline::typed_line(p.name.trim()),
        };
        let position = piece(&p.position);
        let organization =
            piece(&p.organization).filter(|_| !self.organization_unsaid.contains(&p.id));
        Person {
            name,
            position,
            organization,
        }
    }

    fn honorific(&self, honorific: Honorific, placed: Placed) -> &'static str {
        match (honorific, placed) {
            (Honorific::Mr, Placed::Heading) => self.w.mr,
            (Honorific::Ms, Placed::Heading) => self.w.ms,
            (Honorific::Mr, Placed::InSentence) => self.w.mr_in_sentence,
            (Honorific::Ms, Placed::InSentence) => self.w.ms_in_sentence,
        }
    }

    /// "ông Name (position, organization)" inside a sentence.
    fn person_in_sentence(&self, id: Id) -> Inline {
        match self.record.participants.get(&id) {
            Some(p) => self.person_of(p, Placed::InSentence).inline(),
            None => Inline::fixed(self.w.not_recorded),
        }
    }

    /// "Name (position, organization)", or "not recorded".
    fn person(&self, id: Option<Id>) -> Inline {
        match self.participant(id) {
            Some(person) => person.inline(),
            None => Inline::fixed(self.w.not_recorded),
        }
    }

    fn issue_number(&self, id: Option<Id>) -> Option<u32> {
        id.and_then(|id| self.record.issues.get(&id))
            .map(|issue| issue.number)
    }

    fn issues_in_order(&self) -> Vec<&'a Issue> {
        let mut issues: Vec<&Issue> = self.record.issues.values().collect();
        issues.sort_by_key(|issue| (issue.number, issue.id));
        issues
    }
}
