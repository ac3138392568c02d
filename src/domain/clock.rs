//! Clocks derived from recorded timestamps, never from counters kept in
//! memory: after a crash, or on another terminal, they show the same time.

use chrono::{FixedOffset, NaiveDate, TimeDelta};

use super::model::*;

/// Where a speaker's turn stands at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TurnClock {
    /// Time actually spoken, pauses excluded.
    pub elapsed: TimeDelta,
    /// The limit plus any time the chair added.
    pub allowed: TimeDelta,
    pub paused: bool,
}

impl TurnClock {
    /// Time left; negative when the speaker is over time.
    pub fn remaining(&self) -> TimeDelta {
        self.allowed - self.elapsed
    }

    /// Fraction of the allowed time used, 0.0..=1.0 (clamped).
    pub fn used_ratio(&self) -> f64 {
        let allowed = self.allowed.num_milliseconds();
        if allowed <= 0 {
            return 1.0;
        }
        (self.elapsed.num_milliseconds() as f64 / allowed as f64).clamp(0.0, 1.0)
    }
}

/// The clock of a turn at `now`. A turn not yet started has spoken nothing.
pub fn turn_clock(request: &SpeakerRequest, now: Timestamp) -> TurnClock {
    let allowed =
        TimeDelta::seconds(i64::from(request.limit_seconds) + i64::from(request.added_seconds));
    let Some(start) = request.started_at else {
        return TurnClock {
            elapsed: TimeDelta::zero(),
            allowed,
            paused: false,
        };
    };
    let end = request.ended_at.unwrap_or(now).max(start);
    let paused_total = request
        .pauses
        .iter()
        .map(|pause| pause.to.unwrap_or(end).min(end) - pause.from.max(start).min(end))
        .filter(|d| *d > TimeDelta::zero())
        .fold(TimeDelta::zero(), |sum, d| sum + d);
    TurnClock {
        elapsed: (end - start - paused_total).max(TimeDelta::zero()),
        allowed,
        paused: request.ended_at.is_none() && request.pauses.last().is_some_and(|p| p.to.is_none()),
    }
}

/// Time spent on an agenda item so far (or in all, once it is done).
pub fn agenda_elapsed(item: &AgendaItem, now: Timestamp) -> TimeDelta {
    match item.started_at {
        Some(start) => (item.ended_at.unwrap_or(now) - start).max(TimeDelta::zero()),
        None => TimeDelta::zero(),
    }
}

/// The meeting's local time zone.
pub fn offset(details: &MeetingDetails) -> FixedOffset {
    FixedOffset::east_opt(details.utc_offset_minutes * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset is valid"))
}

/// The calendar day of `at` in the meeting's time zone.
pub fn local_date(details: &MeetingDetails, at: Timestamp) -> NaiveDate {
    at.with_timezone(&offset(details)).date_naive()
}

/// "2:41" or "-0:12": minutes and seconds, signed.
pub fn format_mm_ss(delta: TimeDelta) -> String {
    let total = delta.num_seconds();
    let sign = if total < 0 { "-" } else { "" };
    let total = total.abs();
    format!("{sign}{}:{:02}", total / 60, total % 60)
}

/// "2:05:09": hours, minutes and seconds (negative with a minus).
pub fn format_h_mm_ss(delta: TimeDelta) -> String {
    let total = delta.num_seconds();
    let sign = if total < 0 { "-" } else { "" };
    let total = total.abs();
    format!(
        "{sign}{}:{:02}:{:02}",
        total / 3600,
        total / 60 % 60,
        total % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn t(secs: i64) -> Timestamp {
        Utc.timestamp_opt(1_780_000_000 + secs, 0).unwrap()
    }

    fn request() -> SpeakerRequest {
        SpeakerRequest {
            id: 1,
            participant: 1,
            agenda_item: None,
            requested_at: t(0),
            kind: RequestKind::Normal,
            status: RequestStatus::Speaking,
            topic: String::new(),
            limit_seconds: 180,
            added_seconds: 30,
            started_at: Some(t(10)),
            ended_at: None,
            pauses: vec![],
            rev: 1,
        }
    }

    #[test]
    fn pauses_do_not_count_and_added_time_extends_the_limit() {
        let mut r = request();
        r.pauses.push(Pause {
            from: t(70),
            to: Some(t(100)),
        });
        r.pauses.push(Pause {
            from: t(200),
            to: None,
        });
        let clock = turn_clock(&r, t(260));
        // 10..200 spoken = 190 s minus the 30 s pause = 160 s; still paused.
        assert_eq!(clock.elapsed, TimeDelta::seconds(160));
        assert!(clock.paused);
        assert_eq!(clock.remaining(), TimeDelta::seconds(50));
    }

    #[test]
    fn over_time_goes_negative_and_a_finished_turn_stops() {
        let mut r = request();
        assert_eq!(turn_clock(&r, t(230)).remaining(), TimeDelta::seconds(-10));
        r.ended_at = Some(t(100));
        assert_eq!(turn_clock(&r, t(5000)).elapsed, TimeDelta::seconds(90));
        assert_eq!(format_mm_ss(TimeDelta::seconds(-75)), "-1:15");
        assert_eq!(format_mm_ss(TimeDelta::seconds(161)), "2:41");
    }
}
