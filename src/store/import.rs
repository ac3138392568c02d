//! `gavel import FILE record.json`: a meeting exported as JSON (see
//! `docs/json-format.md`) becomes a new meeting file again, journal entry for
//! journal entry, hashes included.
//!
//! Everything is checked before the file is created: the document parses,
//! it is this format and version, the journal's sequence has no gap, each
//! entry is linked to the one before and matches its hash, and the record
//! the document carries equals a replay of its journal. Then the entries
//! are written as they were, in one transaction. A file that cannot be
//! finished is removed: bad input writes nothing.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, TransactionBehavior};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::journal::{self, GENESIS, RawEntry};
use super::json_text;
use super::projection::{self, parse_ts};
use super::schema::APPLICATION_ID;
use super::{OpenOptions, Sharing, Store, StoreError};
use crate::domain::text::sanitize;
use crate::domain::*;
use crate::i18n::Lang;

/// The `format` member of a meeting exported as JSON.
pub const JSON_FORMAT: &str = "gavel-meeting";
/// The `version` member this gavel writes and the only one it reads.
pub const JSON_VERSION: u32 = 1;

/// Why an import was refused. Nothing was written in any case.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Not JSON, cut short, or a member of the wrong type or value.
    #[error("line {line}, column {column}, at {path}: {message}")]
    Malformed {
        line: usize,
        column: usize,
        /// Where in the document, e.g. `journal[3].event`.
        path: String,
        message: String,
    },
    #[error("not a gavel meeting export (format {}, expected {JSON_FORMAT:?})",
        found.as_deref().map_or_else(|| "missing".to_string(), |f| format!("{:?}", sanitize(f))))]
    WrongFormat { found: Option<String> },
    #[error(
        "export format version {found} is not supported (this gavel reads version {JSON_VERSION})"
    )]
    UnsupportedVersion { found: u64 },
    #[error("the journal is empty: a meeting starts with the entry that created it")]
    EmptyJournal,
    #[error(
        "journal[{index}] is entry {found}, where entry {expected} was expected (a gap in the sequence)"
    )]
    Gap {
        index: usize,
        expected: Seq,
        found: Seq,
    },
    #[error("journal entry {seq} is not linked to the entry before it (prev_hash)")]
    Unlinked { seq: Seq },
    #[error("journal entry {seq} does not match its hash: it was altered")]
    Altered { seq: Seq },
    #[error("journal entry {seq}: kind {kind:?} does not match its event ({event_kind})")]
    KindMismatch {
        seq: Seq,
        kind: String,
        event_kind: &'static str,
    },
    #[error("the record in the document does not equal a replay of its journal: {0}")]
    RecordMismatch(String),
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for ImportError {
    fn from(error: rusqlite::Error) -> Self {
        ImportError::Store(error.into())
    }
}

/// Creates the meeting file `path` (never over an existing one; mode 0600,
/// private to its owner) from a meeting exported as JSON, and opens it with
/// `options` (chair or secretary: the actor of later commands; imported
/// entries keep their own). The journal is written entry for entry as it
/// was exported (sequence, time, actor, role, payload, before-images,
/// hashes), and the projection tables as its replay gives them. On any
/// error nothing is left behind.
pub fn import_json(path: &Path, json: &str, options: OpenOptions) -> Result<Store, ImportError> {
    if options.role == Role::Observer {
        return Err(StoreError::ReadOnly.into());
    }
    let verified = verify(json)?;
    let sidecars: Vec<PathBuf> = ["-wal", "-shm"]
        .into_iter()
        .map(|suffix| super::file::sidecar(path, suffix))
        .filter(|p| !p.exists())
        .collect();
    super::create_file(path, Sharing::Private)?;
    let written = write(path, options, verified);
    if written.is_err() {
        // The file is ours and unfinished: remove it and what SQLite made
        // beside it (the connection is closed by now).
        let _ = fs::remove_file(path);
        for file in sidecars {
            let _ = fs::remove_file(file);
        }
    }
    written
}

/// A document whose journal checked out, ready to be written.
struct Verified {
    entries: Vec<RawEntry>,
    record: Record,
}

/// Reads and verifies a JSON export without writing anything: what
/// `import_json` refuses, this refuses too (and the fuzzer drives it).
pub fn check_json(json: &str) -> Result<(), ImportError> {
    verify(json).map(|_| ())
}

fn write(path: &Path, options: OpenOptions, verified: Verified) -> Result<Store, ImportError> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    conn.pragma_update(None, "journal_mode", "wal")?;
    super::file::migrate(&conn, true)?;
    let mut store = Store::with_connection(conn, path, options, false)?;
    let tx = store
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)?;
    for raw in &verified.entries {
        journal::append_raw(&tx, raw)?;
    }
    // The projections are a function of the record: writing each entity of
    // the replayed record once gives the rows entry-by-entry writing would.
    let record = &verified.record;
    let entities = std::iter::once(EntityRef::Meeting)
        .chain(
            record
                .participants
                .keys()
                .map(|id| EntityRef::Participant(*id)),
        )
        .chain(record.agenda.keys().map(|id| EntityRef::AgendaItem(*id)))
        .chain(record.requests.keys().map(|id| EntityRef::Request(*id)))
        .chain(record.issues.keys().map(|id| EntityRef::Issue(*id)))
        .chain(record.actions.keys().map(|id| EntityRef::Action(*id)));
    for entity in entities {
        projection::write_entity(&tx, record, entity)?;
    }
    tx.commit()?;
    store.reload()?;
    Ok(store)
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: u64,
}

#[derive(Deserialize)]
struct Document<'a> {
    record: Record,
    #[serde(borrow)]
    journal: Vec<EntryIn<'a>>,
}

/// One journal entry of the document. `event` and `before` are kept as the
/// exact text of the document: the stored column byte for byte, but for
/// the escapes of `json_text::escape`.
#[derive(Deserialize)]
struct EntryIn<'a> {
    seq: Seq,
    at: TimeText,
    actor: String,
    role: Role,
    kind: String,
    #[serde(borrow)]
    event: &'a RawValue,
    #[serde(borrow)]
    before: &'a RawValue,
    prev_hash: String,
    hash: String,
}

/// A journal time as its exact text (hashed as is), refused unless it is
/// an RFC 3339 time.
struct TimeText(String);

impl<'de> Deserialize<'de> for TimeText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        match parse_ts(&text) {
            Some(_) => Ok(TimeText(text)),
            None => Err(serde::de::Error::custom(format!(
                "not an RFC 3339 time: {:?}",
                sanitize(&text)
            ))),
        }
    }
}

/// Parses and checks the whole document; writes nothing.
fn verify(json: &str) -> Result<Verified, ImportError> {
    let header: Header = match parse(json, json, "") {
        Ok(header) => header,
        // Not even a header: the full parse names the place best.
        Err(error) => return Err(parse::<Document>(json, json, "").err().unwrap_or(error)),
    };
    if header.format.as_deref() != Some(JSON_FORMAT) {
        return Err(ImportError::WrongFormat {
            found: header.format,
        });
    }
    if header.version != u64::from(JSON_VERSION) {
        return Err(ImportError::UnsupportedVersion {
            found: header.version,
        });
    }
    let document: Document = parse(json, json, "")?;
    if document.journal.is_empty() {
        return Err(ImportError::EmptyJournal);
    }

    let mut record = Record::default();
    let mut prev_hash = GENESIS.to_string();
    let mut entries = Vec::with_capacity(document.journal.len());
    for (index, entry) in document.journal.into_iter().enumerate() {
        let expected = index as Seq + 1;
        if entry.seq != expected {
            return Err(ImportError::Gap {
                index,
                expected,
                found: entry.seq,
            });
        }
        if entry.prev_hash != prev_hash {
            return Err(ImportError::Unlinked { seq: entry.seq });
        }
        let event: Event = parse(json, entry.event.get(), &format!("journal[{index}].event"))?;
        let before: Vec<Snapshot> = parse(
            json,
            entry.before.get(),
            &format!("journal[{index}].before"),
        )?;
        if event.kind() != entry.kind {
            return Err(ImportError::KindMismatch {
                seq: entry.seq,
                kind: sanitize(&entry.kind).into_owned(),
                event_kind: event.kind(),
            });
        }
        let mut raw = RawEntry {
            seq: entry.seq,
            at: entry.at.0,
            actor: entry.actor,
            role: entry.role.as_str().to_string(),
            kind: entry.kind,
            payload: json_text::unescape(entry.event.get()).into_owned(),
            before: json_text::unescape(entry.before.get()).into_owned(),
            prev_hash: entry.prev_hash,
            hash: String::new(),
        };
        if raw.compute_hash() != entry.hash {
            // Reformatted by some tool? gavel writes both columns in serde's
            // compact form; if that is what was hashed, it is the original.
            raw.payload = serde_json::to_string(&event).expect("an event serializes");
            raw.before = serde_json::to_string(&before).expect("snapshots serialize");
            if raw.compute_hash() != entry.hash {
                return Err(ImportError::Altered { seq: entry.seq });
            }
        }
        raw.hash = entry.hash;
        prev_hash = raw.hash.clone();
        record.apply(raw.seq, &event);
        entries.push(raw);
    }
    super::check::compare(&record, &document.record).map_err(ImportError::RecordMismatch)?;
    Ok(Verified { entries, record })
}

/// Deserializes `part`, a slice of `whole` (the document itself, or the
/// text of one of its members), naming the line and column in `whole` and
/// the path, under `prefix`, of whatever is wrong.
fn parse<'a, T: Deserialize<'a>>(
    whole: &str,
    part: &'a str,
    prefix: &str,
) -> Result<T, ImportError> {
    let mut deserializer = serde_json::Deserializer::from_str(part);
    let result = match serde_path_to_error::deserialize(&mut deserializer) {
        Ok(value) => deserializer
            .end()
            .map(|()| value)
            .map_err(|e| (".".into(), e)),
        Err(error) => Err((error.path().to_string(), error.into_inner())),
    };
    result.map_err(|(inner_path, inner)| {
        let (line, column) = position_in(whole, part, inner.line(), inner.column());
        let location = format!(" at line {} column {}", inner.line(), inner.column());
        let message = inner.to_string();
        let message = message.strip_suffix(&location).unwrap_or(&message);
        let path = match (prefix, inner_path.as_str()) {
            ("", inner) => inner.to_string(),
            (prefix, ".") => prefix.to_string(),
            (prefix, inner) if inner.starts_with('[') => format!("{prefix}{inner}"),
            (prefix, inner) => format!("{prefix}.{inner}"),
        };
        ImportError::Malformed {
            line,
            column,
            path: sanitize(&path).into_owned(),
            message: sanitize(message).into_owned(),
        }
    })
}

/// Turns a line and column in `part` into a line and column in `whole`, of
/// which `part` is a slice (borrowed from it); both one-based, columns in
/// bytes as serde_json counts them. serde_json knows no position (0, 0) for
/// some errors (those inside an event, whose kind is a tag inside it): then
/// the start of `part` is the place.
fn position_in(whole: &str, part: &str, line: usize, column: usize) -> (usize, usize) {
    let (line, column) = if line == 0 { (1, 1) } else { (line, column) };
    let start = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
    let Some(before) = whole.get(..start).filter(|b| !b.is_empty()) else {
        return (line, column);
    };
    let base_line = 1 + before.matches('\n').count();
    let base_column = start - before.rfind('\n').map_or(0, |i| i + 1);
    if line <= 1 {
        (base_line, base_column + column)
    } else {
        (base_line + line - 1, column)
    }
}

impl ImportError {
    /// The error in the user's language (the `Display` text is English).
    pub fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            // The JSON reader's own English is left out of the Vietnamese.
            ImportError::Malformed {
                line, column, path, ..
            } => format!("dòng {line}, cột {column}, tại {path}: sai định dạng bản xuất JSON"),
            ImportError::WrongFormat { .. } => {
                "không phải bản xuất JSON của một cuộc họp gavel".into()
            }
            ImportError::UnsupportedVersion { found } => {
                format!("phiên bản định dạng {found} chưa được hỗ trợ")
            }
            ImportError::EmptyJournal => {
                "nhật ký trống: cuộc họp phải bắt đầu bằng mục tạo ra nó".into()
            }
            ImportError::Gap {
                index,
                expected,
                found,
            } => {
                format!("journal[{index}] là mục {found}, trong khi cần mục {expected} (thiếu mục)")
            }
            ImportError::Unlinked { seq } => {
                format!("mục nhật ký {seq} không nối với mục trước nó (prev_hash)")
            }
            ImportError::Altered { seq } => {
                format!("mục nhật ký {seq} không khớp mã băm: đã bị sửa")
            }
            ImportError::KindMismatch { seq, kind, .. } => {
                format!("mục nhật ký {seq}: loại {kind:?} không khớp với sự kiện")
            }
            ImportError::RecordMismatch(_) => {
                "dữ liệu trong tệp không khớp với việc phát lại nhật ký".into()
            }
            ImportError::Store(error) => error.localized(lang),
        }
    }
}
