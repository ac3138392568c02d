//! Everything a console does with the meeting file, and nothing it draws:
//! the outbox of changes waiting to be written, the drafts of what is being
//! typed, this console's presence among the others, the change feed of
//! other processes, and the review of the journal. No ratatui here.
//!
//! A save is one transaction with the discard of its form's drafts. Writes
//! never wait long for another process's lock: what cannot be written now
//! waits, in order, and the console keeps drawing (see `outbox`). The
//! record's rules (`decide`) and the role are checked once, by the store,
//! inside the transaction that writes.

pub mod drafts;
mod notice;
pub mod outbox;
mod presence;
pub mod recovery;
pub mod review;
mod writes;

use std::path::PathBuf;

use crate::domain::*;
use crate::i18n::ErrorText;
use crate::store::{self, JournalEntry, Presence, Store, StoreError, Typing};
use drafts::Dirty;
pub use drafts::{DraftField, FOCUS_FIELD, FormDraft};
pub use notice::{Notice, Refusal};
use outbox::Outbox;
pub use outbox::WriteState;
use presence::{Here, PRESENCE_TIMEOUT};
use recovery::{PendingDraft, Recovery};
use review::Review;

/// Where the review is, for the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewPoint {
    pub position: Seq,
    pub last: Seq,
    pub entry: Option<JournalEntry>,
}

/// The session as the screen shows it: who I am, how saving goes, who
/// else is here.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionView {
    pub actor: String,
    pub role: Role,
    /// Which of the person's consoles this is (1 alone).
    pub console: u32,
    /// Opened as a read-only snapshot: no live updates.
    pub snapshot_only: bool,
    pub last_seq: Seq,
    pub write: WriteState,
    /// Changes only in memory: commands waiting and fields not written.
    pub unsaved: usize,
    pub others: Vec<Presence>,
    pub typing: Vec<Typing>,
    pub review: Option<ReviewPoint>,
}

pub struct Session {
    store: Store,
    outbox: Outbox,
    dirty: Dirty,
    here: Here,
    review: Option<Review>,
    /// This console has its number among its person's consoles (see
    /// `claim`); nothing is written before.
    claimed: bool,
    /// The person was told that this computer's clock is behind the file's.
    told_clock_behind: bool,
    /// Where the unsaved changes went when the console stopped with some.
    pub recovery_file: Option<PathBuf>,
}

impl Session {
    /// A live session on an open store. A writer claims its number among
    /// its person's consoles and gets back its unfinished form (or does so
    /// as soon as the file can be written, if another program holds it).
    pub fn open(store: Store) -> (Session, Vec<Notice>) {
        let mut session = Session::new(store, None);
        // An observer types nothing: drafts under its name are a writer's
        // (the same person at another terminal).
        session.claimed = session.store.role() == Role::Observer;
        let notices = session.claim(store::now());
        (session, notices)
    }

    /// Claims this console's number, then brings back its unfinished form.
    /// Until the claim is made nothing is written: drafts and commands
    /// wait, so that none lands under another console's number.
    fn claim(&mut self, now: Timestamp) -> Vec<Notice> {
        if self.claimed || !self.outbox.may_try(now) {
            return Vec::new();
        }
        let session = self.here.session.clone();
        let claim = match self.write(now, |store| store.claim_console(&session, PRESENCE_TIMEOUT)) {
            Ok(claim) => claim,
            Err(error) if error.is_write_failure() => return Vec::new(),
            Err(error) => {
                // Not a gavel file this version can write presence to:
                // the console still works, as its person's first.
                self.claimed = true;
                return vec![Notice::Failed {
                    error: error_text(&error),
                }];
            }
        };
        self.claimed = true;
        let mut notices = Vec::new();
        if !claim.same_name.is_empty() {
            notices.push(Notice::SameName {
                console: claim.console,
                others: claim.same_name,
            });
        }
        match self.store.drafts() {
            Ok(drafts) => notices.extend(FormDraft::latest(&drafts).map(Notice::Restored)),
            Err(error) => notices.push(Notice::Failed {
                error: error_text(&error),
            }),
        }
        notices
    }

    /// A read-only session over the journal: the record as it stood at any
    /// entry (opened at the last one).
    pub fn review(store: Store) -> Result<Session, StoreError> {
        let review = Review::at_end(&store)?;
        Ok(Session::new(store, Some(review)))
    }

    fn new(store: Store, review: Option<Review>) -> Session {
        Session {
            store,
            outbox: Outbox::default(),
            dirty: Dirty::default(),
            here: Here::new(),
            review,
            claimed: true,
            told_clock_behind: false,
            recovery_file: None,
        }
    }

    /// The record on screen: the live one, or the reviewed moment.
    pub fn record(&self) -> &Record {
        match &self.review {
            Some(review) => &review.record,
            None => self.store.record(),
        }
    }

    /// The store, for reading (tests, and reads of other modules).
    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn role(&self) -> Role {
        self.store.role()
    }

    /// The moment the review shows, if this is a review.
    pub fn reviewed_at(&self) -> Option<Timestamp> {
        self.review.as_ref()?.entry.as_ref().map(|e| e.at)
    }

    pub fn view(&self) -> SessionView {
        SessionView {
            actor: self.store.actor().to_string(),
            role: self.store.role(),
            console: self.store.console(),
            snapshot_only: self.store.is_snapshot(),
            last_seq: self.store.record().last_seq,
            write: self.outbox.state.clone(),
            unsaved: self.unsaved(),
            others: self.here.others.clone(),
            typing: self.here.typing.clone(),
            review: self.review.as_ref().map(|review| ReviewPoint {
                position: review.position,
                last: self.store.record().last_seq,
                entry: review.entry.clone(),
            }),
        }
    }

    /// Commands waiting to be written, in order.
    pub fn waiting(&self) -> usize {
        self.outbox.commands()
    }

    /// Changes that are only in memory: commands waiting, and form fields
    /// whose drafts could not be written.
    pub fn unsaved(&self) -> usize {
        let fields = if self.outbox.state == WriteState::Saved {
            0
        } else {
            self.dirty.typed_count()
        };
        self.outbox.commands() + fields
    }

    /// The clock: what waits is tried again, the heartbeat beats, and the
    /// others are looked at.
    pub fn tick(&mut self, now: Timestamp) -> Vec<Notice> {
        let mut notices = self.flush(now);
        if self.review.is_some() || !self.here.due(now) {
            return notices;
        }
        notices.extend(self.clock_behind(now));
        self.here.beat(now);
        let writer = self.store.role() != Role::Observer;
        if writer && self.claimed && self.outbox.state == WriteState::Saved {
            // A courtesy: if the file is busy, the next beat will do.
            self.store.set_busy_timeout(std::time::Duration::ZERO).ok();
            let _ = self.store.heartbeat(&self.here.session);
            if self.here.beats() > 1 {
                // From the second beat: the first comes before the first
                // frame, which is not to wait for it.
                let _ = self.store.make_room_in_log();
            }
        }
        if self.here.look(&self.store) {
            notices.push(Notice::Presence);
        }
        notices
    }

    /// Says once if this computer's clock is behind the file's last entry
    /// (beyond what a second computer's clock may differ by anyway).
    fn clock_behind(&mut self, now: Timestamp) -> Option<Notice> {
        let by = self.store.last_entry_at()? - now;
        if self.told_clock_behind || by <= chrono::TimeDelta::seconds(30) {
            return None;
        }
        self.told_clock_behind = true;
        Some(Notice::ClockBehind { by })
    }

    /// Reads what other processes committed.
    pub fn sync(&mut self) -> Vec<Notice> {
        match self.store.poll() {
            Ok(entries) if entries.is_empty() => Vec::new(),
            Ok(_) => vec![Notice::Synced],
            Err(error) => vec![Notice::Failed {
                error: error_text(&error),
            }],
        }
    }

    /// Moves the review to entry `target` (clamped to the journal).
    pub fn review_to(&mut self, target: Seq) -> Vec<Notice> {
        let Some(review) = self.review.as_mut() else {
            return Vec::new();
        };
        match review.go_to(&self.store, target) {
            Ok(()) => vec![Notice::Reviewed {
                at: review.entry.as_ref().map(|e| e.at),
            }],
            Err(error) => vec![Notice::Failed {
                error: error_text(&error),
            }],
        }
    }

    /// Where the review is now.
    pub fn review_position(&self) -> Option<Seq> {
        self.review.as_ref().map(|r| r.position)
    }

    /// Everything not yet written, as a recovery file's content.
    pub fn recovery(&self) -> Recovery {
        let mut recovery = Recovery::new(
            self.store.path(),
            self.store.actor(),
            self.store.role(),
            store::now(),
        );
        recovery.console = self.store.console();
        recovery.meeting_id = self.store.meeting_id().unwrap_or_default();
        recovery.changes = self.outbox.changes();
        recovery.drafts = self
            .dirty
            .rows()
            .map(|(form, row)| PendingDraft {
                form: form.to_string(),
                field: row.field.clone(),
                text: row.text.clone(),
                cursor: row.cursor,
            })
            .collect();
        recovery
    }

    /// Writes the unsaved changes to a recovery file (if there are any) and
    /// remembers where.
    pub fn write_recovery(&mut self) -> std::io::Result<Option<PathBuf>> {
        if self.unsaved() == 0 {
            return Ok(None);
        }
        let path = self.recovery().write()?;
        self.recovery_file = Some(path.clone());
        Ok(Some(path))
    }

    /// The console is closing: a last try at what waits, and the others
    /// stop listing it at once.
    pub fn close(&mut self, now: Timestamp) {
        self.flush(now);
        if self.store.role() != Role::Observer {
            self.store.set_busy_timeout(outbox::FIRST_WAIT).ok();
            let _ = self.store.leave(&self.here.session);
        }
    }
}

impl Drop for Session {
    /// However the console ends (short of being killed), the others stop
    /// listing it at once, and its number is free for the next console of
    /// its person.
    fn drop(&mut self) {
        if self.store.role() != Role::Observer {
            self.store.set_busy_timeout(std::time::Duration::ZERO).ok();
            let _ = self.store.leave(&self.here.session);
        }
    }
}

/// A failure of the file, to show in the console's language.
fn error_text(error: &StoreError) -> ErrorText {
    ErrorText::new(|lang| error.localized(lang))
}
