//! Looking at a file before SQLite touches it, so that a file that is not
//! ours is refused without a single byte of it changed.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::StoreError;
use super::schema::{APPLICATION_ID, latest_version};

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

pub fn wal_path(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    name.into()
}
