//! The province's archive on PostgreSQL: `gavel archive push` loads each
//! meeting's record and journal into the documented schema
//! (`schema.sql`, docs/archive.md), idempotently: a meeting pushed again,
//! or after a correction, is one up-to-date copy. What comes in is
//! verified on the way: the file's own check, the journal's hash chain, and
//! that what the archive already holds is the beginning of the same
//! history.

mod connect;
mod push;
mod read;

pub use connect::config;
pub use push::{Pushed, push};
pub use read::{Archived, meetings};

use postgres::{Client, NoTls};

/// The schema version this gavel writes and reads.
pub const SCHEMA_VERSION: i32 = 1;

const SCHEMA: &str = include_str!("schema.sql");

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The connection string or a `PG*` variable cannot be read.
    #[error("the archive's address: {0}")]
    Address(String),
    #[error(
        "sslmode={0}: this gavel connects without TLS (the local socket, the province's network \
         or an SSH tunnel); use sslmode=disable or sslmode=prefer"
    )]
    Tls(String),
    #[error("the archive: {0}")]
    Server(#[from] postgres::Error),
    #[error("the archive holds schema version {0}; this gavel knows version {SCHEMA_VERSION}")]
    NewerSchema(i32),
    /// The file cannot be read whole.
    #[error("{0}")]
    Refused(String),
    /// The journal read from the file does not verify.
    #[error("{0}")]
    Journal(#[from] crate::store::ImportError),
    /// The archive's copy is not the beginning of the file's journal.
    #[error(
        "the archive holds another history of this meeting: its entry {seq} differs from the \
         file's; nothing was changed"
    )]
    Diverged { seq: i64 },
    #[error("{0}")]
    Store(#[from] crate::store::StoreError),
}

/// A connection to the archive, its schema created or checked.
pub fn connect(config: &postgres::Config) -> Result<Client, ArchiveError> {
    let mut client = config.connect(NoTls)?;
    ensure_schema(&mut client)?;
    Ok(client)
}

/// Creates the schema on first use; refuses an archive written by a newer
/// gavel (its tables may mean more than this one knows).
fn ensure_schema(client: &mut Client) -> Result<(), ArchiveError> {
    let mut tx = client.transaction()?;
    // Two first pushes at once must not both create the tables.
    tx.execute("SELECT pg_advisory_xact_lock(7467617665)", &[])?;
    tx.batch_execute(SCHEMA)?;
    let version: Option<i32> = tx
        .query_opt("SELECT max(version) FROM gavel.schema_version", &[])?
        .and_then(|row| row.get(0));
    match version {
        None => {
            tx.execute(
                "INSERT INTO gavel.schema_version (version) VALUES ($1)",
                &[&SCHEMA_VERSION],
            )?;
        }
        Some(version) if version > SCHEMA_VERSION => {
            return Err(ArchiveError::NewerSchema(version));
        }
        Some(_) => {}
    }
    tx.commit()?;
    Ok(())
}
