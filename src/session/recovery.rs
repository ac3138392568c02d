//! When the meeting file cannot be written (disk full, a lock held too
//! long, the file turned read-only), the console keeps the changes in
//! memory and retries. If it must stop before they are written, they go to
//! a recovery file beside the meeting (or in the user's own state folder),
//! readable by its owner only (a citizen's complaint is in it), and
//! `gavel recover FILE RECOVERY` applies them later — to that meeting only,
//! each change once, as the person running it. Nothing typed is lost.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::{Command, Role, Timestamp};
use crate::i18n::Lang;
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
    /// The meeting file the changes belong to, where it was.
    pub meeting: PathBuf,
    /// The meeting's identity (the hash of its first journal entry): a
    /// copy of the file is the same meeting, another file is not.
    #[serde(default)]
    pub meeting_id: String,
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
    #[error("the recovery file belongs to another meeting; nothing was applied")]
    OtherMeeting,
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl RecoveryError {
    /// The error in the user's language (the `Display` text is English;
    /// the JSON reader's own words are left out of the Vietnamese).
    pub fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            RecoveryError::Malformed {
                line, column, path, ..
            } => format!("dòng {line}, cột {column}, tại {path}: sai định dạng tệp khôi phục"),
            RecoveryError::WrongFormat(_) => "không phải tệp khôi phục của gavel".into(),
            RecoveryError::UnsupportedVersion(version) => {
                format!("phiên bản tệp khôi phục {version} chưa được hỗ trợ")
            }
            RecoveryError::OtherMeeting => {
                "tệp khôi phục thuộc về một cuộc họp khác; chưa ghi gì".into()
            }
            RecoveryError::Store(error) => error.localized(lang),
            RecoveryError::Io(error) => crate::i18n::io_error(lang, error),
        }
    }
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
            meeting_id: String::new(),
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

    /// Where it may be written, in order: beside the meeting, else the
    /// user's own state folder (never the shared temporary folder, where
    /// every local user could read it).
    pub fn places(&self) -> Vec<PathBuf> {
        let name = format!(
            "{}.recovery-{}-{}.json",
            self.meeting
                .file_name()
                .map_or("meeting".into(), |n| n.to_string_lossy()),
            self.written_at.format("%Y%m%d-%H%M%S"),
            unpredictable()
        );
        let mut places = vec![self.meeting.with_file_name(&name)];
        if let Some(dirs) = directories::ProjectDirs::from("", "", "gavel") {
            let state = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
            places.push(state.join(&name));
        }
        places
    }

    /// Writes the file (mode 0600, never over another) at the first place
    /// that takes it. Returns where.
    pub fn write(&self) -> Result<PathBuf, std::io::Error> {
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        let mut last_error = None;
        for place in self.places() {
            match write_private(&place, text.as_bytes()) {
                Ok(()) => return Ok(place),
                Err(error) => last_error = Some(error),
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
    /// Changes applied by an earlier run of the same file.
    pub already: usize,
    /// Changes the record refused now (it moved on meanwhile), with why.
    pub refused: Vec<StoreError>,
    pub drafts: usize,
}

/// Applies the changes in order, each at the moment it was first given,
/// and puts the drafts back so the forms reopen with their text. A change
/// or a draft already applied (the file run before) is left alone; a file
/// of another meeting is refused before anything is written.
pub fn apply(store: &mut Store, recovery: &Recovery) -> Result<Recovered, RecoveryError> {
    if !belongs_to(store, recovery)? {
        return Err(RecoveryError::OtherMeeting);
    }
    let mut done = Recovered::default();
    for change in &recovery.changes {
        let forms: Vec<&str> = change.form.iter().map(String::as_str).collect();
        let digest = digest_of(&change);
        match store.submit_recovered(&digest, change.command.clone(), change.at, &forms) {
            Ok(Some(_)) => done.applied += 1,
            Ok(None) => done.already += 1,
            Err(error @ (StoreError::Refused(_) | StoreError::NotAllowed { .. })) => {
                done.refused.push(error);
            }
            Err(error) => return Err(error.into()),
        }
    }
    for draft in &recovery.drafts {
        let digest = digest_of(&(&recovery.actor, recovery.console, draft));
        let put_back = store.restore_recovered_draft(
            &digest,
            &recovery.actor,
            recovery.console.max(1),
            &draft.form,
            &draft.field,
            &draft.text,
            draft.cursor,
        )?;
        if put_back {
            done.drafts += 1;
        }
    }
    Ok(done)
}

/// Whether the file is the meeting the recovery file was written for: by
/// its identity, or — a file from before identities were written — by its
/// path.
fn belongs_to(store: &Store, recovery: &Recovery) -> Result<bool, RecoveryError> {
    if recovery.meeting_id.is_empty() {
        let same = |path: &Path| std::fs::canonicalize(path).ok();
        return Ok(
            same(&recovery.meeting).is_some() && same(&recovery.meeting) == same(store.path())
        );
    }
    Ok(store.meeting_id()? == recovery.meeting_id)
}

/// A stable name for an item of a recovery file: the same item gives the
/// same digest however often the file is read.
fn digest_of(item: &impl Serialize) -> String {
    let json = serde_json::to_string(item).unwrap_or_default();
    Sha256::digest(json.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Creates `path` readable and writable by its owner only, and writes it
/// whole (a failure leaves nothing behind).
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    if let Some(folder) = path.parent() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(folder)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if written.is_err() {
        let _ = std::fs::remove_file(path);
    }
    written
}

/// Twelve hex digits nobody can guess: from the kernel's random source,
/// else from the time and the process.
fn unpredictable() -> String {
    use std::io::Read;
    let mut bytes = [0u8; 6];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if read.is_err() {
        let seed = format!("{:?}{}", std::time::SystemTime::now(), std::process::id());
        bytes.copy_from_slice(&Sha256::digest(seed.as_bytes())[..6]);
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
