//! This console among the others on the same meeting: its own identity (a
//! session id, and its number among its person's consoles), its heartbeat,
//! and who else is here and typing.

use std::time::Duration;

use chrono::TimeDelta;

use crate::domain::Timestamp;
use crate::store::{Presence, Store, Typing};

/// A console says it is here this often...
const HEARTBEAT: TimeDelta = TimeDelta::seconds(2);
/// ...and drops off the others' footers when silent this long.
pub const PRESENCE_TIMEOUT: Duration = Duration::from_secs(6);
/// Drafts changed this recently mean somebody is typing.
const TYPING_WINDOW: Duration = Duration::from_secs(5);

#[derive(Debug)]
pub struct Here {
    /// Unique to this console: host, process, start time.
    pub session: String,
    last_heartbeat: Option<Timestamp>,
    /// Beats so far.
    beats: u32,
    pub others: Vec<Presence>,
    pub typing: Vec<Typing>,
}

impl Here {
    pub fn new() -> Here {
        Here {
            session: session_id(),
            last_heartbeat: None,
            beats: 0,
            others: Vec::new(),
            typing: Vec::new(),
        }
    }

    /// Whether it is time to beat again.
    pub fn due(&self, now: Timestamp) -> bool {
        self.last_heartbeat
            .is_none_or(|last| now - last >= HEARTBEAT || now < last)
    }

    pub fn beat(&mut self, now: Timestamp) {
        self.last_heartbeat = Some(now);
        self.beats = self.beats.saturating_add(1);
    }

    pub fn beats(&self) -> u32 {
        self.beats
    }

    /// Looks again at who else is here; returns whether that changed.
    /// Presence is a courtesy: a file without it (an old schema opened by
    /// an observer) just shows nobody.
    pub fn look(&mut self, store: &Store) -> bool {
        let others = store
            .others_present(&self.session, PRESENCE_TIMEOUT)
            .unwrap_or_default();
        let typing = store.others_typing(TYPING_WINDOW).unwrap_or_default();
        let changed = others != self.others || typing != self.typing;
        self.others = others;
        self.typing = typing;
        changed
    }
}

impl Default for Here {
    fn default() -> Self {
        Here::new()
    }
}

/// A name for this console among the others: host, process, start time.
fn session_id() -> String {
    let started = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
    format!(
        "{}:{}:{started:x}",
        crate::store::host_name(),
        std::process::id()
    )
}
