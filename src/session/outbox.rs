//! The outbox: changes given but not yet in the file, in the order they were
//! given, and how writing is going. A write never waits long: while
//! another process holds the write lock, the console goes on drawing and
//! what is typed waits here; it is written, in order, as soon as the lock
//! is free. Other failures (a full disk, a read-only file) are tried again
//! once a second.

use std::collections::VecDeque;
use std::time::Duration;

use chrono::TimeDelta;

use super::drafts::FormDraft;
use super::recovery::PendingChange;
use crate::domain::{Command, Timestamp};
use crate::i18n::ErrorText;
use crate::store::StoreError;

/// How long a first attempt waits for another process's write: enough for
/// another console's commit, short enough not to be seen.
pub const FIRST_WAIT: Duration = Duration::from_millis(250);

/// How often a write that failed for another reason is tried again.
const RETRY_EVERY: TimeDelta = TimeDelta::seconds(1);

/// A change waiting to be written.
// A few at a time, never stored in bulk: boxing the large variant would
// only add noise.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// A command, given at `at`, and the form it was saved from.
    Command {
        at: Timestamp,
        command: Command,
        form: Option<FormDraft>,
    },
    /// A cancelled form: its drafts go.
    Discard { form: String },
}

/// How writing to the file is going.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum WriteState {
    /// The last write went through.
    #[default]
    Saved,
    /// Another process has held the write lock since `since`.
    Busy { since: Timestamp },
    /// The last write failed for another reason.
    Failed { error: ErrorText },
}

#[derive(Debug, Default)]
pub struct Outbox {
    items: VecDeque<Pending>,
    pub state: WriteState,
    last_attempt: Option<Timestamp>,
}

impl Outbox {
    pub fn push(&mut self, pending: Pending) {
        self.items.push_back(pending);
    }

    pub fn front(&self) -> Option<&Pending> {
        self.items.front()
    }

    pub fn pop(&mut self) {
        self.items.pop_front();
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Commands waiting (a cancelled form's drafts are not a change).
    pub fn commands(&self) -> usize {
        self.items
            .iter()
            .filter(|p| matches!(p, Pending::Command { .. }))
            .count()
    }

    /// The commands waiting, for a recovery file.
    pub fn changes(&self) -> Vec<PendingChange> {
        self.items
            .iter()
            .filter_map(|pending| match pending {
                Pending::Command { at, command, form } => Some(PendingChange {
                    at: *at,
                    command: command.clone(),
                    form: form.as_ref().map(|f| f.key.clone()),
                }),
                Pending::Discard { .. } => None,
            })
            .collect()
    }

    /// Whether to try writing now: at once after success or while another
    /// process holds the lock (trying costs nothing then), once a second
    /// after another failure.
    pub fn may_try(&self, now: Timestamp) -> bool {
        match self.state {
            WriteState::Failed { .. } => self
                .last_attempt
                .is_none_or(|last| now - last >= RETRY_EVERY || now < last),
            _ => true,
        }
    }

    /// How long the next write may wait for the lock: not at all once the
    /// file is known to be busy.
    pub fn wait(&self) -> Duration {
        match self.state {
            WriteState::Busy { .. } => Duration::ZERO,
            _ => FIRST_WAIT,
        }
    }

    /// Takes note of how a write went.
    pub fn note<T>(&mut self, now: Timestamp, result: &Result<T, StoreError>) {
        self.last_attempt = Some(now);
        self.state = match result {
            Ok(_) => WriteState::Saved,
            Err(error) if error.is_busy() => match self.state {
                WriteState::Busy { since } => WriteState::Busy { since },
                _ => WriteState::Busy { since: now },
            },
            Err(error) if error.is_write_failure() => WriteState::Failed {
                error: super::error_text(error),
            },
            // A refusal by the record's rules says nothing about the file.
            Err(_) => self.state.clone(),
        };
    }
}
