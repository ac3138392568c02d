//! How a meeting file is opened (who, in what role, how durably, how long
//! to wait for another writer) and with what file modes it is created.

use std::time::Duration;

use crate::domain::Role;

/// How hard SQLite works to make a commit durable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Durability {
    /// fsync on every commit: survives power loss (the default).
    #[default]
    Full,
    /// fsync at checkpoints only: survives a crash of gavel, not of the machine.
    Normal,
}

/// Who opens the file, and how.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    pub actor: String,
    pub role: Role,
    pub durability: Durability,
    /// How long a write waits for another process's write to finish.
    pub busy_timeout: Duration,
    /// A command that only reads (check, log, export): it opens the file
    /// as SQLite would to write — never writing — so that, being the last
    /// to close it, SQLite removes the `-wal` and `-shm` files it made and
    /// the folder is left as it was. (A console's observer stays read-only
    /// in SQLite itself.)
    pub tidy_reader: bool,
}

impl OpenOptions {
    pub fn new(actor: impl Into<String>, role: Role) -> Self {
        OpenOptions {
            actor: actor.into(),
            role,
            durability: Durability::Full,
            busy_timeout: Duration::from_secs(10),
            tidy_reader: false,
        }
    }

    /// Options for a command that only reads (see `tidy_reader`).
    pub fn reader(actor: impl Into<String>) -> Self {
        OpenOptions {
            tidy_reader: true,
            ..OpenOptions::new(actor, Role::Observer)
        }
    }
}

/// File modes of a new meeting file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sharing {
    /// 0600: only the owner.
    Private,
    /// 0660: the owner's group too (a secretary logging in as another user).
    Group,
}
