//! Questions the screen, the exports and `decide` ask of the record.

use chrono::{NaiveDate, TimeDelta};

use super::clock::{local_date, turn_clock};
use super::model::*;
use super::record::Record;

impl Record {
    /// Agenda items in agenda order.
    pub fn agenda_in_order(&self) -> Vec<&AgendaItem> {
        let mut items: Vec<&AgendaItem> = self.agenda.values().collect();
        items.sort_by_key(|item| (item.position, item.id));
        items
    }

    pub fn active_item(&self) -> Option<&AgendaItem> {
        self.index.active_item.and_then(|id| self.agenda.get(&id))
    }

    /// The request whose speaker has the floor.
    pub fn current_speaker(&self) -> Option<&SpeakerRequest> {
        self.index.speaking.and_then(|id| self.requests.get(&id))
    }

    /// Waiting requests for an agenda item, in the order they get the floor:
    /// points of order, then replies, then normal requests, each in order of
    /// asking.
    pub fn queue(&self, agenda_item: Option<Id>) -> Vec<&SpeakerRequest> {
        let from = (
            agenda_item,
            RequestKind::PointOfOrder,
            Timestamp::MIN_UTC,
            0,
        );
        self.index
            .waiting
            .range(from..)
            .take_while(|(item, ..)| *item == agenda_item)
            .filter_map(|(.., id)| self.requests.get(id))
            .collect()
    }

    /// Every request made under an agenda item (or outside any), by id.
    pub fn requests_of_item(
        &self,
        agenda_item: Option<Id>,
    ) -> impl Iterator<Item = &SpeakerRequest> {
        self.index
            .by_item
            .get(&agenda_item)
            .into_iter()
            .flatten()
            .filter_map(|id| self.requests.get(id))
    }

    /// The queue of the active agenda item (or of the meeting when none is).
    pub fn current_queue(&self) -> Vec<&SpeakerRequest> {
        self.queue(self.active_item().map(|i| i.id))
    }

    /// The number the next issue gets.
    pub fn next_issue_number(&self) -> u32 {
        self.index
            .issue_numbers
            .keys()
            .next_back()
            .copied()
            .unwrap_or(0)
            + 1
    }

    pub fn queue_is_closed(&self, agenda_item: Option<Id>) -> bool {
        match agenda_item.and_then(|id| self.agenda.get(&id)) {
            Some(item) => item.queue_closed,
            None => self.meeting.queue_closed,
        }
    }

    pub fn participant_name(&self, id: Id) -> &str {
        self.participants.get(&id).map_or("?", |p| p.name.as_str())
    }

    /// Has this person already had the floor in this meeting?
    pub fn has_spoken(&self, participant: Id) -> bool {
        self.index.turns.contains_key(&participant)
    }

    /// Everything this person has spoken so far, pauses excluded.
    pub fn speaking_time(&self, participant: Id, now: Timestamp) -> TimeDelta {
        let finished = self
            .index
            .spoken
            .get(&participant)
            .copied()
            .unwrap_or_default();
        let live = self
            .current_speaker()
            .filter(|r| r.participant == participant)
            .map_or(TimeDelta::zero(), |r| turn_clock(r, now).elapsed);
        finished + live
    }

    /// The day of the meeting in its own time zone: the actual start, else
    /// the planned one, else `now`.
    pub fn meeting_day(&self, now: Timestamp) -> NaiveDate {
        let at = self
            .meeting
            .actual_start
            .or(self.meeting.details.planned_start)
            .unwrap_or(now);
        local_date(&self.meeting.details, at)
    }

    /// Was this revision written after the minutes were approved (a
    /// correction)?
    pub fn is_correction(&self, rev: Seq) -> bool {
        self.meeting
            .approved_seq
            .is_some_and(|approved| rev > approved)
    }

    /// Has the meeting ended (adjourned or closed)? The floor and the
    /// agenda then stand as they were at its end.
    pub fn is_ended(&self) -> bool {
        matches!(
            self.meeting.status,
            MeetingStatus::Adjourned | MeetingStatus::Closed
        )
    }

    /// When the meeting ended, if it has.
    pub fn ended_at(&self) -> Option<Timestamp> {
        self.meeting.actual_end.filter(|_| self.is_ended())
    }

    /// When the meeting will end if the remaining items take their planned
    /// time and the active one at least its planned time; once it has
    /// ended, when it did (the forecast no longer follows the clock).
    pub fn forecast_end(&self, now: Timestamp) -> Timestamp {
        if let Some(ended) = self.ended_at() {
            return ended;
        }
        let mut end = now;
        for item in self.agenda.values() {
            let planned = TimeDelta::minutes(i64::from(item.planned_minutes));
            match item.status {
                AgendaStatus::Pending => end += planned,
                AgendaStatus::Active => {
                    let spent = super::clock::agenda_elapsed(item, now);
                    end += (planned - spent).max(TimeDelta::zero());
                }
                AgendaStatus::Done | AgendaStatus::Skipped => {}
            }
        }
        end
    }
}
