//! Room made ahead in the write-ahead log: the `-wal` file lengthened with
//! zeros to what SQLite writes into it between two checkpoints, so that a
//! keystroke's frame is written over blocks the file already has instead
//! of growing it. Growing a file costs the filesystem a block and a new
//! length every time; writing over a block costs neither (on this ext4,
//! cold: 46–54 µs against 23–34 µs for a frame's two writes, 733–868 µs
//! against 490–651 µs with their fsync; docs/performance.md). PostgreSQL fills
//! its WAL segments with zeros ahead for the same reason.
//!
//! Safe to do because it is done inside a write transaction, which holds
//! SQLite's write lock: nobody else appends to the file meanwhile. SQLite
//! reads a log only up to its last valid frame (each carries the log's salt
//! and a checksum), so zeros past it are never taken for a frame; after a
//! checkpoint SQLite writes the log from its start again, over what is
//! there, as it always does.

use std::fs::OpenOptions;
use std::io;
use std::os::unix::fs::FileExt;
use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::file::wal_path;
use super::{Durability, Store, StoreError};
use crate::domain::Role;

/// A frame's header before each page in the log.
const FRAME_HEADER: u64 = 24;
/// The log's own header.
const LOG_HEADER: u64 = 32;
/// Zeros are written this much at a time. In one write of 4 MB the page
/// cache keeps them in large folios, and a frame written over one of them
/// then dirties the whole folio: slower than growing the file (measured).
const CHUNK: usize = 64 * 1024;

impl Store {
    /// Makes room ahead in the `-wal` file, once: a console calls it when
    /// it has drawn its first frame and stands open (the zeros, and their
    /// sync with `FULL`, take a few milliseconds to tens of them). Another
    /// process holding the write lock: it is tried again at the next call.
    /// A file that cannot be lengthened (a full disk) is not tried again.
    pub fn make_room_in_log(&mut self) -> Result<(), StoreError> {
        if self.wal_room_tried || self.options.role == Role::Observer {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        self.wal_room_tried = true;
        let sync = self.options.durability == Durability::Full;
        let made = make_room(&tx, &self.path, sync);
        // Nothing was written through SQLite: the transaction ends empty.
        tx.rollback()?;
        Ok(made?)
    }
}

/// Lengthens the `-wal` file of the meeting at `path` to the frames SQLite
/// writes before it checkpoints, if it is shorter. Call inside a write
/// transaction on `conn`. `sync`: the zeros are made durable too, so that
/// the next commit's sync does not carry them. A file that cannot be
/// lengthened (a full disk) is given back the length it had.
fn make_room(conn: &Connection, path: &Path, sync: bool) -> io::Result<()> {
    let wanted = room_wanted(conn).map_err(io::Error::other)?;
    let log = open_log(path)?;
    let had = log.metadata()?.len();
    if had >= wanted {
        return Ok(());
    }
    let written = fill_with_zeros(&log, had, wanted).and_then(|()| match sync {
        true => log.sync_data(),
        false => Ok(()),
    });
    if written.is_err() {
        let _ = log.set_len(had);
    }
    written
}

/// The meeting's `-wal` file, for writing. It exists once the connection
/// has begun a transaction: it is never created here. Opened by its name
/// beside the meeting (SQLite's own handle is not reachable), so a name
/// that is no longer the log is refused: a symbolic link put in its place
/// in a shared folder (it would have the zeros written into whatever file
/// it points at), a FIFO (opening it would wait for a reader).
fn open_log(path: &Path) -> io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let log = OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(wal_path(path))?;
    if !log.metadata()?.is_file() {
        return Err(io::Error::other("the -wal file is not a regular file"));
    }
    Ok(log)
}

/// The log's length when SQLite checkpoints: its autocheckpoint's frames
/// (a thousand by default), one more for the commit that crosses it.
fn room_wanted(conn: &Connection) -> rusqlite::Result<u64> {
    let page_size: i64 = conn.pragma_query_value(None, "page_size", |row| row.get(0))?;
    let frames: i64 = conn.pragma_query_value(None, "wal_autocheckpoint", |row| row.get(0))?;
    let frames = u64::try_from(frames).unwrap_or(0).clamp(1, 10_000) + 1;
    Ok(LOG_HEADER + frames * (FRAME_HEADER + u64::try_from(page_size).unwrap_or(4096)))
}

fn fill_with_zeros(log: &std::fs::File, from: u64, to: u64) -> io::Result<()> {
    let zeros = vec![0u8; CHUNK];
    let mut at = from;
    while at < to {
        let length = usize::try_from(to - at).map_or(CHUNK, |left| left.min(CHUNK));
        log.write_all_at(&zeros[..length], at)?;
        at += length as u64;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wal_database(dir: &Path) -> (Connection, std::path::PathBuf) {
        let path = dir.join("m.db");
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "wal").unwrap();
        conn.execute_batch("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")
            .unwrap();
        (conn, path)
    }

    #[test]
    fn the_log_is_lengthened_once_and_its_rows_read_back_after_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let (mut conn, path) = wal_database(dir.path());
        let tx = conn.transaction().unwrap();
        tx.execute("INSERT INTO t (v) VALUES ('trước')", [])
            .unwrap();
        make_room(&tx, &path, true).unwrap();
        tx.commit().unwrap();
        let length = std::fs::metadata(wal_path(&path)).unwrap().len();
        assert_eq!(length, 32 + 1001 * (24 + 4096));

        // Written over, never grown: the log keeps its length.
        for n in 0..50 {
            conn.execute("INSERT INTO t (v) VALUES (?1)", [format!("dòng {n}")])
                .unwrap();
        }
        make_room(&conn, &path, false).unwrap();
        assert_eq!(std::fs::metadata(wal_path(&path)).unwrap().len(), length);

        // The files as a process killed here leaves them, without the
        // shared memory: SQLite rebuilds its index from the log, reading
        // the frames up to the zeros, and only them.
        let copy = dir.path().join("copy.db");
        std::fs::copy(&path, &copy).unwrap();
        std::fs::copy(wal_path(&path), wal_path(&copy)).unwrap();
        let again = Connection::open(&copy).unwrap();
        let rows: i64 = again
            .query_row("SELECT count(*) FROM t", [], |row| row.get(0))
            .unwrap();
        assert_eq!(rows, 51);
        let check: String = again
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        drop(conn);
    }

    #[test]
    fn a_log_replaced_by_a_link_to_another_file_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let (mut conn, path) = wal_database(dir.path());
        conn.execute("INSERT INTO t (v) VALUES ('một')", [])
            .unwrap();
        let other = dir.path().join("bao-cao.docx");
        std::fs::write(&other, "nội dung của người khác").unwrap();
        std::fs::rename(wal_path(&path), dir.path().join("moved-wal")).unwrap();
        std::os::unix::fs::symlink(&other, wal_path(&path)).unwrap();

        let tx = conn.transaction().unwrap();
        tx.execute("INSERT INTO t (v) VALUES ('hai')", []).unwrap();
        assert!(make_room(&tx, &path, false).is_err());
        assert_eq!(
            std::fs::read_to_string(&other).unwrap(),
            "nội dung của người khác"
        );
    }

    #[test]
    fn a_missing_log_is_not_created() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("none.db");
        let conn = Connection::open_in_memory().unwrap();
        assert!(make_room(&conn, &path, false).is_err());
        assert!(!wal_path(&path).exists());
    }
}
