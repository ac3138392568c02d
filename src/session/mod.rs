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
pub mod outbox;
mod presence;
pub mod recovery;
pub mod review;

use std::path::PathBuf;

use crate::domain::*;
use crate::store::{self, JournalEntry, Presence, Store, StoreError, Typing};
use drafts::Dirty;
pub use drafts::{DraftField, FOCUS_FIELD, FormDraft};
pub use outbox::WriteState;
use outbox::{Outbox, Pending};
use presence::{Here, PRESENCE_TIMEOUT};
use recovery::{PendingDraft, Recovery};
use review::Review;

/// Why the record's rules (or the file) refused a command.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    Rule(DomainError),
    /// Someone changed the row since the form was opened: its revision now,
    /// and who made that change.
    Conflict {
        current: Seq,
        author: String,
    },
    /// This role may not do that (`area`: what it is about).
    NotAllowed {
        role: Role,
        area: Option<Area>,
    },
    /// Opened read-only (an observer, a review).
    ReadOnly,
}

/// What happened to what the console asked of the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A command is in the file; `form` is the key of the form it was saved
    /// from (its drafts went with it).
    Committed {
        seq: Seq,
        event: Event,
        form: Option<String>,
    },
    /// Refused. `late`: it had waited in the outbox, and `form` is the form
    /// it came from, to bring back (its drafts are kept).
    Refused {
        refusal: Refusal,
        form: Option<FormDraft>,
        late: bool,
    },
    /// Not written now: it waits in the outbox, in order.
    Kept {
        form: Option<String>,
    },
    /// Everything that waited is written: `written` commands.
    Drained {
        written: usize,
    },
    NothingToUndo,
    /// An undo must wait until the changes waiting are written.
    UndoWaits,
    /// A read, an undo or a draft that failed (nothing typed is lost: the
    /// drafts stay in memory and are tried again).
    Failed {
        error: String,
    },
    /// Other processes' changes are in the record.
    Synced,
    /// Others came or left, started or stopped typing.
    Presence,
    /// This console's unfinished form, as it was left.
    Restored(FormDraft),
    /// Consoles under the same name were already open: this one keeps its
    /// drafts apart, as number `console`.
    SameName {
        console: u32,
        others: Vec<Presence>,
    },
    /// The review moved to the moment `at`.
    Reviewed {
        at: Option<Timestamp>,
    },
}

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
    /// Where the unsaved changes went when the console stopped with some.
    pub recovery_file: Option<PathBuf>,
}

impl Session {
    /// A live session on an open store. A writer claims its number among
    /// its person's consoles and gets back its unfinished form.
    pub fn open(store: Store) -> (Session, Vec<Notice>) {
        let mut session = Session::new(store, None);
        let mut notices = Vec::new();
        if session.store.role() == Role::Observer {
            // An observer types nothing: drafts under its name are a
            // writer's (the same person at another terminal).
            return (session, notices);
        }
        session.store.set_busy_timeout(outbox::FIRST_WAIT).ok();
        match session
            .store
            .claim_console(&session.here.session, PRESENCE_TIMEOUT)
        {
            Ok(claim) if !claim.same_name.is_empty() => notices.push(Notice::SameName {
                console: claim.console,
                others: claim.same_name,
            }),
            Ok(_) => {}
            Err(error) => notices.push(Notice::Failed {
                error: error.to_string(),
            }),
        }
        match session.store.drafts() {
            Ok(drafts) => notices.extend(FormDraft::latest(&drafts).map(Notice::Restored)),
            Err(error) => notices.push(Notice::Failed {
                error: error.to_string(),
            }),
        }
        (session, notices)
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

    // ----- what the console asks ---------------------------------------

    /// Records a command (from `form`, whose drafts go with it). Written
    /// now if nothing waits before it and the file can be written; else it
    /// waits in the outbox, in order.
    pub fn submit(
        &mut self,
        now: Timestamp,
        command: Command,
        form: Option<FormDraft>,
    ) -> Vec<Notice> {
        let at = store::now();
        let key = form.as_ref().map(|f| f.key.clone());
        if !self.outbox.is_empty() {
            self.forget_dirty(form.as_ref());
            self.outbox.push(Pending::Command { at, command, form });
            let mut notices = vec![Notice::Kept { form: key }];
            notices.extend(self.drain(now));
            return notices;
        }
        let keys: Vec<&str> = form.iter().flat_map(FormDraft::all_keys).collect();
        let result = self.write(now, |store| store.submit_at(command.clone(), at, &keys));
        match result {
            Ok(committed) => {
                self.forget_dirty(form.as_ref());
                vec![Notice::Committed {
                    seq: committed.seq,
                    event: committed.event,
                    form: key,
                }]
            }
            Err(error) if error.is_write_failure() => {
                self.forget_dirty(form.as_ref());
                self.outbox.push(Pending::Command { at, command, form });
                vec![Notice::Kept { form: key }]
            }
            Err(error) => vec![self.refused(error, form, false, Some(Area::of(&command)))],
        }
    }

    /// Undoes this person's last change that can still be undone. Not kept
    /// for later: undoing what is no longer the last change would surprise.
    pub fn undo(&mut self, now: Timestamp) -> Vec<Notice> {
        if !self.outbox.is_empty() {
            return vec![Notice::UndoWaits];
        }
        match self.write(now, Store::undo_last) {
            Ok(committed) => vec![Notice::Committed {
                seq: committed.seq,
                event: committed.event,
                form: None,
            }],
            Err(StoreError::NothingToUndo) => vec![Notice::NothingToUndo],
            Err(error) if error.is_write_failure() => vec![Notice::Failed {
                error: error.to_string(),
            }],
            Err(error) => vec![self.refused(error, None, false, Some(Area::Undo))],
        }
    }

    /// What is typed in a field, to be written with the next `flush`.
    pub fn save_draft(&mut self, form: &str, field: &str, text: &str, cursor: usize) {
        if self.store.role() != Role::Observer {
            self.dirty.set(form, field, text, cursor);
        }
    }

    /// A cancelled form: its drafts go (in order with what waits).
    pub fn discard_drafts(&mut self, now: Timestamp, form: &str) -> Vec<Notice> {
        self.dirty.forget(form);
        if self.store.role() == Role::Observer {
            return Vec::new();
        }
        self.outbox.push(Pending::Discard {
            form: form.to_string(),
        });
        self.drain(now)
    }

    /// Writes what waits: the outbox first, in order, then the drafts typed
    /// since the last flush, in one transaction. Called after each batch of
    /// keys, before the screen is drawn.
    pub fn flush(&mut self, now: Timestamp) -> Vec<Notice> {
        let mut notices = self.drain(now);
        if self.outbox.is_empty() && !self.dirty.is_empty() && self.outbox.may_try(now) {
            let forms = self.dirty.by_form();
            let timeout = self.outbox.wait();
            self.store.set_busy_timeout(timeout).ok();
            let result = self.store.save_forms_drafts(&forms);
            self.outbox.note(now, &result);
            match result {
                Ok(()) => self.dirty.clear(),
                // Kept dirty: the next flush tries again.
                Err(error) if error.is_write_failure() => {}
                Err(error) => notices.push(Notice::Failed {
                    error: error.to_string(),
                }),
            }
        }
        notices
    }

    /// The clock: what waits is tried again, the heartbeat beats, and the
    /// others are looked at.
    pub fn tick(&mut self, now: Timestamp) -> Vec<Notice> {
        let mut notices = self.flush(now);
        if self.review.is_some() || !self.here.due(now) {
            return notices;
        }
        self.here.beat(now);
        if self.store.role() != Role::Observer && self.outbox.state == WriteState::Saved {
            // A courtesy: if the file is busy, the next beat will do.
            self.store.set_busy_timeout(std::time::Duration::ZERO).ok();
            let _ = self.store.heartbeat(&self.here.session);
        }
        if self.here.look(&self.store) {
            notices.push(Notice::Presence);
        }
        notices
    }

    /// Reads what other processes committed.
    pub fn sync(&mut self) -> Vec<Notice> {
        match self.store.poll() {
            Ok(entries) if entries.is_empty() => Vec::new(),
            Ok(_) => vec![Notice::Synced],
            Err(error) => vec![Notice::Failed {
                error: error.to_string(),
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
                error: error.to_string(),
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

    // ----- inside ------------------------------------------------------

    /// One write, waiting for the lock as long as the outbox allows.
    fn write<T>(
        &mut self,
        now: Timestamp,
        work: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.store.set_busy_timeout(self.outbox.wait()).ok();
        let result = work(&mut self.store);
        self.outbox.note(now, &result);
        result
    }

    /// Writes what waits in the outbox, in order, while the file takes it.
    fn drain(&mut self, now: Timestamp) -> Vec<Notice> {
        let mut notices = Vec::new();
        let mut written = 0;
        while let Some(pending) = self.outbox.front().cloned() {
            if !self.outbox.may_try(now) {
                break;
            }
            let area = match &pending {
                Pending::Command { command, .. } => Some(Area::of(command)),
                Pending::Discard { .. } => None,
            };
            let result = match &pending {
                Pending::Command { at, command, form } => {
                    let keys: Vec<&str> = form.iter().flat_map(FormDraft::all_keys).collect();
                    self.write(now, |store| store.submit_at(command.clone(), *at, &keys))
                        .map(Some)
                }
                Pending::Discard { form } => self
                    .write(now, |store| store.discard_drafts(form))
                    .map(|()| None),
            };
            match result {
                Err(error) if error.is_write_failure() => break,
                Ok(committed) => {
                    self.outbox.pop();
                    if let Some(committed) = committed {
                        written += 1;
                        // Its form closed when it was kept: another form
                        // open now under the same key is not this one.
                        notices.push(Notice::Committed {
                            seq: committed.seq,
                            event: committed.event,
                            form: None,
                        });
                    }
                }
                Err(error) => {
                    self.outbox.pop();
                    let form = match pending {
                        Pending::Command { form, .. } => form,
                        Pending::Discard { .. } => None,
                    };
                    // The record moved on meanwhile: say so, and keep what
                    // was typed as drafts, so the form can come back.
                    if let Some(form) = &form {
                        self.dirty.set_form(form);
                    }
                    notices.push(self.refused(error, form, true, area));
                }
            }
        }
        if written > 0 && self.outbox.is_empty() {
            notices.push(Notice::Drained { written });
        }
        notices
    }

    fn forget_dirty(&mut self, form: Option<&FormDraft>) {
        for key in form.iter().flat_map(|f| f.all_keys()) {
            self.dirty.forget(key);
        }
    }

    fn refused(
        &self,
        error: StoreError,
        form: Option<FormDraft>,
        late: bool,
        area: Option<Area>,
    ) -> Notice {
        let refusal = match error {
            StoreError::Refused(DomainError::Conflict { current, .. }) => Refusal::Conflict {
                current,
                author: self
                    .store
                    .author_of(current)
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            },
            StoreError::Refused(error) => Refusal::Rule(error),
            StoreError::NotAllowed { role } => Refusal::NotAllowed { role, area },
            StoreError::ReadOnly => Refusal::ReadOnly,
            other => {
                return Notice::Failed {
                    error: other.to_string(),
                };
            }
        };
        Notice::Refused {
            refusal,
            form,
            late,
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
