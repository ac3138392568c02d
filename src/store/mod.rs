//! The meeting file: SQLite in WAL mode, shared by every process that has
//! the meeting open. One command is one `BEGIN IMMEDIATE` transaction that
//! appends a journal entry and updates the projection tables.

mod bulk;
mod check;
mod drafts;
mod error;
mod fault;
mod file;
mod fingerprint;
mod import;
pub mod journal;
pub(crate) mod json_text;
mod options;
mod presence;
pub mod projection;
mod recovered;
pub mod schema;
mod wal_room;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DurationRound, TimeDelta, Utc};
use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

pub use bulk::Bulk;
pub use check::{CheckReport, check};
pub use drafts::{Draft, DraftRow};
pub use error::StoreError;
pub use fingerprint::{Vouched, fingerprint_of, verify_fingerprint};
pub use import::{ImportError, JSON_FORMAT, JSON_VERSION, check_json, import_json};
pub use journal::JournalEntry;
pub use options::{Durability, OpenOptions, Sharing};
pub use presence::{Claim, Presence, Typing, host_name};

use crate::domain::*;
use file::{create_file, migrate, uri_escape};
pub use file::{is_meeting_file, remove_meeting_file};
use schema::APPLICATION_ID;

/// A command that made it into the journal.
#[derive(Debug, Clone, PartialEq)]
pub struct Committed {
    pub seq: Seq,
    pub event: Event,
}

/// An open meeting file and the record as of the last entry this process has
/// seen.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    options: OpenOptions,
    record: Record,
    /// The journal's last entry as this process has seen it.
    head: journal::Head,
    /// `PRAGMA data_version` when last looked at: it changes when another
    /// connection commits.
    data_version: i64,
    snapshot: bool,
    /// Which of the actor's consoles this connection writes drafts for
    /// (see `claim_console`); 1 unless claimed otherwise.
    console: u32,
    /// Room was made ahead in the `-wal` file, or tried (see `wal_room`).
    wal_room_tried: bool,
}

impl Store {
    /// Creates a new meeting file (never over an existing one).
    pub fn create(
        path: &Path,
        options: OpenOptions,
        details: MeetingDetails,
        sharing: Sharing,
    ) -> Result<Store, StoreError> {
        Self::create_at(path, options, details, sharing, now())
    }

    /// Creates a new meeting file whose first entry is dated `at` (the demo
    /// and tests set the time, so the same input gives the same journal).
    pub fn create_at(
        path: &Path,
        options: OpenOptions,
        details: MeetingDetails,
        sharing: Sharing,
        at: Timestamp,
    ) -> Result<Store, StoreError> {
        create_file(path, sharing)?;
        let created = Self::initialise(path, options, details, at);
        if created.is_err() {
            // The file is ours and holds nothing yet: do not leave a husk.
            let _ = fs::remove_file(path);
        }
        created
    }

    fn initialise(
        path: &Path,
        options: OpenOptions,
        details: MeetingDetails,
        at: Timestamp,
    ) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        conn.pragma_update(None, "journal_mode", "wal")?;
        migrate(&conn, true)?;
        let mut store = Self::with_connection(conn, path, options, false)?;
        store.execute_at(Command::CreateMeeting(details), at)?;
        Ok(store)
    }

    /// Opens an existing meeting file. Anything that is not a gavel meeting
    /// this version can read is refused before SQLite writes to it.
    pub fn open(path: &Path, options: OpenOptions) -> Result<Store, StoreError> {
        file::check_header(path)?;
        if options.role != Role::Observer {
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(path, flags)?;
            return Self::with_connection(conn, path, options, false);
        }
        if options.tidy_reader {
            // Where it cannot (a file or folder it may only read), it reads
            // as an observer does.
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let tidy = Connection::open_with_flags(path, flags)
                .map_err(StoreError::from)
                .and_then(|conn| Self::with_connection(conn, path, options.clone(), false));
            match tidy {
                Ok(store) => return Ok(store),
                Err(error @ (StoreError::SchemaVersion(_) | StoreError::NewerSchema { .. })) => {
                    return Err(error);
                }
                Err(_) => {}
            }
        }
        // An observer's connection is read-only in SQLite itself. A WAL file
        // nobody has open, in a folder the observer may not write, cannot
        // get its shared-memory file: then it is read as an immutable
        // snapshot (no live updates until somebody opens it to write).
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let live = Connection::open_with_flags(path, flags)
            .map_err(StoreError::from)
            .and_then(|conn| Self::with_connection(conn, path, options.clone(), false));
        match live {
            Err(StoreError::Sqlite(error))
                if matches!(
                    error.sqlite_error_code(),
                    Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen)
                ) =>
            {
                let uri = format!("file:{}?immutable=1", uri_escape(path));
                let conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?;
                let mut store = Self::with_connection(conn, path, options, true)?;
                store.snapshot = true;
                Ok(store)
            }
            other => other,
        }
    }

    /// The time of the journal's last entry, if it has one.
    pub fn last_entry_at(&self) -> Option<Timestamp> {
        self.head.at
    }

    /// Opened as an immutable snapshot (see `open`): no live updates.
    pub fn is_snapshot(&self) -> bool {
        self.snapshot
    }

    /// `snapshot`: the connection reads an immutable snapshot (no second
    /// connection can be opened the same way).
    fn with_connection(
        mut conn: Connection,
        path: &Path,
        options: OpenOptions,
        snapshot: bool,
    ) -> Result<Store, StoreError> {
        conn.busy_timeout(options.busy_timeout)?;
        fault::install(&mut conn)?;
        let synchronous = match options.durability {
            Durability::Full => "FULL",
            Durability::Normal => "NORMAL",
        };
        conn.pragma_update(None, "synchronous", synchronous)?;
        if options.role != Role::Observer {
            migrate(&conn, false)?;
        } else if file::schema_version(&conn)? < 1 {
            return Err(StoreError::SchemaVersion(file::schema_version(&conn)?));
        }
        // A reader does not upgrade a file written by an older gavel (it
        // may not write, and a reader changes nothing): if its projection
        // tables lack the newer columns, the record is the journal
        // replayed, which every version writes the same way.
        let older_schema = file::schema_version(&conn)? < schema::RECORD_TABLES_SINCE;
        // Read before the record: a commit that lands while it loads is
        // then seen by the next poll.
        let data_version = data_version(&conn)?;
        let record = if older_schema {
            replayed(&conn)?
        } else if snapshot {
            projection::load_record(&conn)?
        } else {
            let second = || {
                let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                Connection::open_with_flags(path, flags)
            };
            projection::load_record_on_two_threads(&conn, second)?
        };
        let head = journal::head(&conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            options,
            record,
            head,
            data_version,
            snapshot: false,
            console: 1,
            wal_room_tried: false,
        })
    }

    pub fn record(&self) -> &Record {
        &self.record
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn actor(&self) -> &str {
        &self.options.actor
    }

    pub fn role(&self) -> Role {
        self.options.role
    }

    /// A second, read-only connection to the same file (for work on another
    /// thread; an immutable snapshot opens as one too).
    pub fn reader(&self) -> Result<Connection, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if self.snapshot {
            let uri = format!("file:{}?immutable=1", uri_escape(&self.path));
            return Ok(Connection::open_with_flags(
                uri,
                flags | OpenFlags::SQLITE_OPEN_URI,
            )?);
        }
        Ok(Connection::open_with_flags(&self.path, flags)?)
    }

    /// The connection, for read-only queries of other modules (export, log).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Records a command now. The time is read once the write lock is
    /// held, so the journal's times follow its order.
    pub fn execute(&mut self, command: Command) -> Result<Committed, StoreError> {
        self.commit(None, |_, _| Ok(command))
    }

    /// Records a command as given at `at` (the demo and tests set the time).
    pub fn execute_at(&mut self, command: Command, at: Timestamp) -> Result<Committed, StoreError> {
        self.commit(Some(at), |_, _| Ok(command))
    }

    /// Records a command given at `at` and forgets this console's drafts of
    /// the form it was saved from (under each of `forms`, its keys) in the
    /// same transaction: killed at any point, the file holds either the
    /// saved command and no draft, or the draft and no command.
    pub fn submit_at(
        &mut self,
        command: Command,
        at: Timestamp,
        forms: &[&str],
    ) -> Result<Committed, StoreError> {
        self.bulk(|bulk| {
            let at = at.duration_trunc(TimeDelta::milliseconds(1)).unwrap_or(at);
            let committed = bulk.execute_at(command, at)?;
            for form in forms {
                bulk.discard_drafts(form)?;
            }
            Ok(committed)
        })
    }

    /// How long the next writes wait for another process's write lock
    /// (the console waits little and tries again later, so that it never
    /// stops drawing).
    pub fn set_busy_timeout(&mut self, timeout: Duration) -> Result<(), StoreError> {
        self.conn.busy_timeout(timeout)?;
        Ok(())
    }

    /// Undoes this actor's latest change that can still be undone.
    pub fn undo_last(&mut self) -> Result<Committed, StoreError> {
        let actor = self.options.actor.clone();
        self.commit(None, move |conn, _| {
            let (target, before) =
                journal::last_undoable(conn, &actor)?.ok_or(StoreError::NothingToUndo)?;
            Ok(Command::Undo { target, before })
        })
    }

    /// One transaction: catch up with what others committed, decide, append
    /// the journal entry, write the touched projection rows, commit.
    fn commit(
        &mut self,
        at: Option<Timestamp>,
        make_command: impl FnOnce(&Connection, &Record) -> Result<Command, StoreError>,
    ) -> Result<Committed, StoreError> {
        self.bulk(|bulk| {
            let at = at.map_or_else(now, |at| {
                at.duration_trunc(TimeDelta::milliseconds(1)).unwrap_or(at)
            });
            let command = make_command(bulk.conn, bulk.record)?;
            bulk.execute_at(command, at)
        })
    }

    /// Runs `work` in one write transaction: every command it records gets
    /// its own journal entry, and they are committed together (a generator,
    /// a plan imported at once). A refused command writes nothing and the
    /// others stand; any other error rolls the whole transaction back.
    pub fn bulk<T>(
        &mut self,
        work: impl FnOnce(&mut Bulk<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        if self.options.role == Role::Observer {
            return Err(StoreError::ReadOnly);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut bulk = Bulk {
            conn: &tx,
            record: &mut self.record,
            head: &mut self.head,
            options: &self.options,
            console: self.console,
            applied: false,
        };
        let result = catch_up(bulk.conn, bulk.record, bulk.head).and_then(|_| work(&mut bulk));
        let applied = bulk.applied;
        match result.and_then(|done| tx.commit().map(|_| done).map_err(StoreError::from)) {
            Ok(done) => Ok(done),
            Err(error) => {
                // Rolled back: if the record in memory took an event that is
                // not in the file, read it again. (A refusal changed nothing.)
                if applied {
                    self.reload()?;
                }
                Err(error)
            }
        }
    }

    fn reload(&mut self) -> Result<(), StoreError> {
        self.record = projection::load_record(&self.conn)?;
        self.head = journal::head(&self.conn)?;
        Ok(())
    }

    /// Applies the journal entries other processes committed since we last
    /// looked, and returns them. Our own commits never show up here.
    pub fn poll(&mut self) -> Result<Vec<JournalEntry>, StoreError> {
        let version = data_version(&self.conn)?;
        if version == self.data_version {
            return Ok(Vec::new());
        }
        self.data_version = version;
        let entries = journal::entries_after(&self.conn, self.record.last_seq)?;
        for entry in &entries {
            self.record.apply(entry.seq, &entry.event);
            self.head.follow(entry);
        }
        Ok(entries)
    }

    /// Journal entries after `after` up to and including `until`.
    pub fn entries_between(&self, after: Seq, until: Seq) -> Result<Vec<JournalEntry>, StoreError> {
        Ok(journal::entries_between(&self.conn, after, until)?)
    }

    /// Journal entry `seq` with the images of what it touched before it.
    pub fn entry_with_before(
        &self,
        seq: Seq,
    ) -> Result<Option<(JournalEntry, Vec<Snapshot>)>, StoreError> {
        Ok(journal::entry_with_before(&self.conn, seq)?)
    }

    /// Journal entries after `seq`, decoded.
    pub fn entries_after(&self, seq: Seq) -> Result<Vec<JournalEntry>, StoreError> {
        Ok(journal::entries_after(&self.conn, seq)?)
    }
}

/// The time of a command: now, to the millisecond (what the journal keeps).
pub fn now() -> Timestamp {
    let at = Utc::now();
    at.duration_trunc(TimeDelta::milliseconds(1)).unwrap_or(at)
}

fn catch_up(
    conn: &Connection,
    record: &mut Record,
    head: &mut journal::Head,
) -> Result<(), StoreError> {
    for entry in journal::entries_after(conn, record.last_seq)? {
        record.apply(entry.seq, &entry.event);
        head.follow(&entry);
    }
    Ok(())
}

fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.prepare_cached("PRAGMA data_version")?
        .query_row([], |r| r.get(0))
}

/// The record as the journal tells it, from its first entry.
fn replayed(conn: &Connection) -> Result<Record, StoreError> {
    let mut record = Record::default();
    for entry in journal::entries_after(conn, 0)? {
        record.apply(entry.seq, &entry.event);
    }
    Ok(record)
}
