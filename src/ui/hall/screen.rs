//! What the wall shows at one moment, read from the record: the meeting's
//! title, the agenda item under way with its time box, who has the floor
//! with the countdown, and who speaks next. Nothing else: no issue texts,
//! no topics, no contact details, no drafts — what is on the wall is public.

use chrono::TimeDelta;

use crate::domain::clock::{TurnClock, agenda_elapsed, turn_clock};
use crate::domain::{Record, RequestKind, Timestamp};

/// How many waiting speakers the wall lists.
pub const NEXT_SHOWN: usize = 3;

/// The agenda item under way.
#[derive(Debug, Clone, PartialEq)]
pub struct HallItem {
    pub title: String,
    pub spent: TimeDelta,
    pub planned_minutes: u32,
}

/// The person who has the floor.
#[derive(Debug, Clone, PartialEq)]
pub struct HallSpeaker {
    pub name: String,
    pub organization: String,
    pub kind: RequestKind,
    pub clock: TurnClock,
}

/// Somebody waiting for the floor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HallEntry {
    pub name: String,
    pub organization: String,
    pub kind: RequestKind,
}

/// Everything the wall shows at one moment, read from the record: the hall
/// view's state. Text is kept as typed; `ui::hall` sanitizes it.
#[derive(Debug, Clone, PartialEq)]
pub struct HallScreen {
    pub title: String,
    pub item: Option<HallItem>,
    pub speaker: Option<HallSpeaker>,
    /// The head of the queue, at most `NEXT_SHOWN`.
    pub next: Vec<HallEntry>,
    /// Everyone waiting.
    pub waiting: usize,
    pub queue_closed: bool,
}

impl HallScreen {
    pub fn new(record: &Record, now: Timestamp) -> HallScreen {
        let person = |id| {
            record.participants.get(&id).map_or_else(
                || ("?".to_string(), String::new()),
                |p| (p.name.clone(), p.affiliation().to_string()),
            )
        };
        let active = record.active_item();
        let queue = record.current_queue();
        HallScreen {
            title: record.meeting.details.title.clone(),
            item: active.map(|item| HallItem {
                title: item.title.clone(),
                spent: agenda_elapsed(item, now),
                planned_minutes: item.planned_minutes,
            }),
            speaker: record.current_speaker().map(|request| {
                let (name, organization) = person(request.participant);
                HallSpeaker {
                    name,
                    organization,
                    kind: request.kind,
                    clock: turn_clock(request, now),
                }
            }),
            next: queue
                .iter()
                .take(NEXT_SHOWN)
                .map(|request| {
                    let (name, organization) = person(request.participant);
                    HallEntry {
                        name,
                        organization,
                        kind: request.kind,
                    }
                })
                .collect(),
            waiting: queue.len(),
            queue_closed: record.queue_is_closed(active.map(|i| i.id)),
        }
    }
}
