//! The meeting file on disk: looked at before SQLite touches it (a file that
//! is not ours is refused without a single byte of it changed), created
//! with the right modes, migrated under the write lock, named in URIs.

use std::fs;
use std::io::Read;
use std::path::Path;

use rusqlite::Connection;

use super::schema::{APPLICATION_ID, MIGRATIONS, latest_version};
use super::{Sharing, StoreError};

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

fn be_u32(bytes: &[u8]) -> u32 {
    u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])
}

/// Reads the 100-byte SQLite header and refuses anything that is not a
/// gavel meeting this version can open: missing, empty, not SQLite,
/// truncated, another program's database, or a newer schema.
pub fn check_header(path: &Path) -> Result<(), StoreError> {
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound,
        _ => StoreError::Io(e),
    })?;
    if meta.is_dir() {
        return Err(StoreError::NotSqlite("it is a directory".into()));
    }
    // A FIFO would block the read below forever; a device is nobody's
    // meeting.
    if !meta.is_file() {
        return Err(StoreError::NotSqlite("not a regular file".into()));
    }
    let mut header = Vec::with_capacity(100);
    fs::File::open(path)
        .map_err(StoreError::Io)?
        .take(100)
        .read_to_end(&mut header)
        .map_err(StoreError::Io)?;
    if header.is_empty() {
        return Err(StoreError::NotSqlite("the file is empty".into()));
    }
    if header.len() < 100 || &header[..16] != MAGIC {
        return Err(StoreError::NotSqlite("not a SQLite database".into()));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let change_counter = be_u32(&header[24..28]);
    let page_count = u64::from(be_u32(&header[28..32]));
    let user_version = i64::from(be_u32(&header[60..64]) as i32);
    let application_id = be_u32(&header[68..72]) as i32;
    let valid_for = be_u32(&header[92..96]);

    if application_id != APPLICATION_ID {
        return Err(StoreError::Foreign);
    }
    if user_version > latest_version() {
        return Err(StoreError::NewerSchema {
            found: user_version,
            supported: latest_version(),
        });
    }
    // Pages not yet checkpointed live in the -wal file, so the size check
    // only holds when there is none.
    let wal_len = fs::metadata(wal_path(path)).map(|m| m.len()).unwrap_or(0);
    let expected = page_count * page_size;
    if wal_len == 0 && change_counter == valid_for && page_count > 0 && meta.len() < expected {
        return Err(StoreError::Damaged(format!(
            "truncated: {} bytes of {expected}",
            meta.len()
        )));
    }
    Ok(())
}

/// Whether `path` is a gavel meeting, whatever state it is in (a newer
/// schema, cut short): a regular file whose SQLite header carries gavel's
/// application id. Only a regular file is opened (a FIFO would block).
pub fn is_meeting_file(path: &Path) -> bool {
    let mut header = [0u8; 72];
    fs::metadata(path).is_ok_and(|meta| meta.is_file())
        && fs::File::open(path)
            .and_then(|mut file| file.read_exact(&mut header))
            .is_ok()
        && &header[..16] == MAGIC
        && be_u32(&header[68..72]) as i32 == APPLICATION_ID
}

/// The file SQLite keeps beside the meeting with `suffix` ("-wal", "-shm").
pub(super) fn sidecar(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

pub(super) fn wal_path(path: &Path) -> std::path::PathBuf {
    sidecar(path, "-wal")
}

pub(super) fn create_file(path: &Path, sharing: Sharing) -> Result<(), StoreError> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mode = match sharing {
        Sharing::Private => 0o600,
        Sharing::Group => 0o660,
    };
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => StoreError::AlreadyExists,
            _ => StoreError::Io(e),
        })?;
    // The umask may have taken bits away; set exactly what was asked.
    fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
    Ok(())
}

/// The schema version SQLite reads (the file's header may be behind its
/// WAL). Below 1 is no gavel meeting: a file gavel creates is at 1 or more
/// before its first entry is written.
pub(super) fn schema_version(conn: &Connection) -> Result<i64, StoreError> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > latest_version() {
        return Err(StoreError::NewerSchema {
            found: version,
            supported: latest_version(),
        });
    }
    Ok(version)
}

/// Brings the schema up to date under the write lock, re-reading the version
/// inside it: several processes may open the file at the same moment. Only
/// a file being created starts from version 0.
pub(super) fn migrate(conn: &Connection, creating: bool) -> Result<(), StoreError> {
    let current = schema_version(conn)?;
    if current == latest_version() {
        return Ok(());
    }
    if current < 1 && !creating {
        return Err(StoreError::SchemaVersion(current));
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let result = (|| {
        let application_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        if application_id != APPLICATION_ID {
            return Err(StoreError::Foreign);
        }
        let current = schema_version(conn)?;
        if current < 1 && !creating {
            return Err(StoreError::SchemaVersion(current));
        }
        let from = usize::try_from(current).unwrap_or(0);
        for migration in &MIGRATIONS[from..] {
            conn.execute_batch(migration)?;
        }
        conn.pragma_update(None, "user_version", latest_version())?;
        Ok(())
    })();
    match result {
        Ok(()) => conn.execute_batch("COMMIT")?,
        Err(_) => conn.execute_batch("ROLLBACK")?,
    }
    result
}

/// A path as the path part of a SQLite `file:` URI.
pub(super) fn uri_escape(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for byte in path.as_os_str().as_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(*byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Removes a meeting file this process has just made and what SQLite keeps
/// beside it (`-wal`, `-shm`): for a creation that failed half-way. The
/// connection must be closed.
pub fn remove_meeting_file(path: &Path) {
    let _ = fs::remove_file(path);
    for suffix in ["-wal", "-shm"] {
        let _ = fs::remove_file(sidecar(path, suffix));
    }
}
