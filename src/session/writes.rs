//! Writing: what the console asks of the file (a command from a form, an
//! undo, drafts, a cancelled form's drafts to forget), the outbox drained
//! in order, and what the session says about each.

use super::drafts::FormDraft;
use super::outbox::Pending;
use super::{Notice, Refusal, Session};
use crate::domain::*;
use crate::store::{self, Store, StoreError};

impl Session {
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
        let mut notices = self.claim(now);
        if !self.outbox.is_empty() || !self.claimed {
            self.forget_dirty(form.as_ref());
            self.outbox.push(Pending::Command { at, command, form });
            notices.push(Notice::Kept { form: key });
            notices.extend(self.drain(now));
            return notices;
        }
        let keys: Vec<&str> = form.iter().flat_map(FormDraft::all_keys).collect();
        let result = self.write(now, |store| store.submit_at(command.clone(), at, &keys));
        notices.push(match result {
            Ok(committed) => {
                self.forget_dirty(form.as_ref());
                Notice::Committed {
                    seq: committed.seq,
                    event: Box::new(committed.event),
                    form: key,
                }
            }
            Err(error) if error.is_write_failure() => {
                self.forget_dirty(form.as_ref());
                self.outbox.push(Pending::Command { at, command, form });
                Notice::Kept { form: key }
            }
            Err(error) => self.refused(error, form, false, Some(Area::of(&command))),
        });
        notices
    }

    /// Undoes this person's last change that can still be undone. Not kept
    /// for later: undoing what is no longer the last change would surprise.
    pub fn undo(&mut self, now: Timestamp) -> Vec<Notice> {
        if !self.outbox.is_empty() || !self.claimed {
            return vec![Notice::UndoWaits];
        }
        match self.write(now, Store::undo_last) {
            Ok(committed) => vec![Notice::Committed {
                seq: committed.seq,
                event: Box::new(committed.event),
                form: None,
            }],
            Err(StoreError::NothingToUndo) => vec![Notice::NothingToUndo],
            // Not kept for later: the file's state (a banner says why) is
            // the person's cue to try again.
            Err(error) if error.is_write_failure() => vec![Notice::UndoWaits],
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
        let mut notices = self.claim(now);
        if !self.claimed {
            return notices;
        }
        notices.extend(self.drain(now));
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
                    error: super::error_text(&error),
                }),
            }
        }
        notices
    }

    /// One write, waiting for the lock as long as the outbox allows.
    pub(super) fn write<T>(
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
        if !self.claimed {
            return notices;
        }
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
                            event: Box::new(committed.event),
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
                    error: super::error_text(&other),
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
