//! When the meeting file cannot be written (disk full, a lock held too
//! long, the file turned read-only), the console keeps the changes in
//! memory and retries. If it must stop before they are written, they go to
//! a recovery file beside the meeting (or in the temporary folder), and
//! `gavel recover FILE RECOVERY` applies them later. Nothing typed is lost.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::{Command, Role, Timestamp};
use crate::store::{Store, StoreError};

pub const RECOVERY_FORMAT: &str = "gavel-recovery";
pub const RECOVERY_VERSION: u32 = 1;

/// A command given but not yet written, with the moment it was given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingChange {
    pub at: Timestamp,
    pub command: Command,
    /// The form it was saved from: its drafts go with it, in the same
    /// transaction.
    #[serde(default)]
    pub form: Option<String>,
}

/// A form field being typed when the console stopped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingDraft {
    pub form: String,
    pub field: String,
    pub text: String,
    pub cursor: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    pub format: String,
    pub version: u32,
    /// The meeting file the changes belong to.
    pub meeting: PathBuf,
    pub actor: String,
    /// Which of the person's consoles it was (its drafts go back there).
    #[serde(default = "first_console")]
    pub console: u32,
    pub role: Role,
    pub written_at: Timestamp,
    pub changes: Vec<PendingChange>,
    pub drafts: Vec<PendingDraft>,
}

#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    #[error("line {line}, column {column}, at {path}: {message}")]
    Malformed {
        line: usize,
        column: usize,
        path: String,
        message: String,
    },
    #[error("not a gavel recovery file (format {0:?})")]
    WrongFormat(String),
    #[error(
        "recovery format version {0} is not supported (this gavel reads version {RECOVERY_VERSION})"
    )]
    UnsupportedVersion(u32),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

fn first_console() -> u32 {
    1
}

impl Recovery {
    pub fn new(meeting: &Path, actor: &str, role: Role, now: Timestamp) -> Recovery {
        Recovery {
            format: RECOVERY_FORMAT.into(),
            version: RECOVERY_VERSION,
            meeting: meeting.to_path_buf(),
            actor: actor.into(),
            console: 1,
            role,
            written_at: now,
            changes: Vec::new(),
            drafts: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.drafts.is_empty()
    }

    /// Writes the file beside the meeting; if that fails (the same full
    /// disk, a read-only folder), in the temporary folder. Returns where.
    pub fn write(&self) -> Result<PathBuf, std::io::Error> {
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        let stamp = self.written_at.format("%Y%m%d-%H%M%S");
        let name = format!(
            "{}.recovery-{stamp}.json",
            self.meeting
                .file_name()
                .map_or("meeting".into(), |n| n.to_string_lossy())
        );
        let beside = self.meeting.with_file_name(&name);
        let places = [beside, std::env::temp_dir().join(&name)];
        let mut last_error = None;
        for place in places {
            match std::fs::write(&place, &text) {
                Ok(()) => return Ok(place),
                Err(error) => {
                    let _ = std::fs::remove_file(&place);
                    last_error = Some(error);
                }
            }
        }
        Err(last_error.unwrap_or_else(|| std::io::Error::other("nowhere to write")))
    }

    /// Reads a recovery file, naming the line and field of a problem.
    pub fn parse(text: &str) -> Result<Recovery, RecoveryError> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let recovery: Recovery =
            serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
                let path = error.path().to_string();
                let inner = error.into_inner();
                RecoveryError::Malformed {
                    line: inner.line(),
                    column: inner.column(),
                    path,
                    message: inner.to_string(),
                }
            })?;
        if recovery.format != RECOVERY_FORMAT {
            return Err(RecoveryError::WrongFormat(recovery.format));
        }
        if recovery.version != RECOVERY_VERSION {
            return Err(RecoveryError::UnsupportedVersion(recovery.version));
        }
        Ok(recovery)
    }
}

/// What applying a recovery file did.
#[derive(Debug, Default)]
pub struct Recovered {
    pub applied: usize,
    /// Changes the record refused now (it moved on meanwhile), with why.
    pub refused: Vec<String>,
    pub drafts: usize,
}

/// Applies the changes in order, each at the moment it was first given,
/// and puts the drafts back so the forms reopen with their text.
pub fn apply(store: &mut Store, recovery: &Recovery) -> Result<Recovered, RecoveryError> {
    let mut done = Recovered::default();
    store.use_console(recovery.console);
    for change in &recovery.changes {
        let forms: Vec<&str> = change.form.iter().map(String::as_str).collect();
        match store.submit_at(change.command.clone(), change.at, &forms) {
            Ok(_) => done.applied += 1,
            Err(StoreError::Refused(error)) => done.refused.push(error.to_string()),
            Err(error) => return Err(error.into()),
        }
    }
    for draft in &recovery.drafts {
        store.save_draft(&draft.form, &draft.field, &draft.text, draft.cursor)?;
        done.drafts += 1;
    }
    Ok(done)
}
