//! A source of events from a script, for tests and benchmarks: keys as the
//! terminal would deliver them, pastes, resizes, clicks, at a clock the
//! script sets. The loop it feeds is the binary's own.

use std::collections::VecDeque;
use std::io;
use std::time::Duration;

use ratatui::crossterm::event::Event;

use super::{EventSource, Next, event_of};
use crate::domain::Timestamp;
use crate::input::key::Key;

#[derive(Debug, Clone)]
pub struct Scripted {
    events: VecDeque<Event>,
    pub now: Timestamp,
}

impl Scripted {
    pub fn new(now: Timestamp) -> Scripted {
        Scripted {
            events: VecDeque::new(),
            now,
        }
    }

    /// The keys of a script (`"iHello<c-s>"`, see `Key::script`).
    pub fn keys(mut self, script: &str) -> Scripted {
        let keys = Key::script(script).unwrap_or_else(|error| panic!("{error}"));
        self.events
            .extend(keys.iter().map(|key| Event::Key(event_of(key))));
        self
    }

    pub fn event(mut self, event: Event) -> Scripted {
        self.events.push_back(event);
        self
    }
}

impl EventSource for Scripted {
    fn next(&mut self, _timeout: Duration) -> io::Result<Next> {
        Ok(self.events.pop_front().map_or(Next::End, Next::Event))
    }

    fn now(&mut self) -> Timestamp {
        self.now
    }
}
