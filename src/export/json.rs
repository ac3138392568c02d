//! `gavel export FILE --format json`: the whole record and the whole journal
//! in one document, `docs/json-format.md`. `crate::store::import_json` reads
//! it back into a new meeting file, hashes and all.
//!
//! Each journal entry's `event` and `before` are the stored columns
//! embedded as they are (they are JSON already), so the hashes verify
//! against the document itself. Text is exported as stored: JSON escapes
//! control characters, and `TerminalSafe` escapes DEL, C1 and bidi
//! controls as well, so no terminal escape reaches a reader verbatim.

use std::cell::RefCell;
use std::io::{BufWriter, Write};

use serde::ser::{Error as _, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::ser::{Formatter, PrettyFormatter};
use serde_json::value::RawValue;

use crate::domain::{Record, Seq};
use crate::store::journal::{self, RawEntry};
use crate::store::json_text;
use crate::store::{JSON_FORMAT, JSON_VERSION, Store};

#[derive(Debug, thiserror::Error)]
pub enum JsonExportError {
    #[error("{0}")]
    Write(#[from] std::io::Error),
    #[error("the journal could not be read: {0}")]
    Journal(String),
}

/// The meeting as a JSON document (pretty-printed, ending with a newline),
/// as of the last journal entry this store has seen (`Store::poll` first
/// for the latest).
pub fn record_json(store: &Store) -> Result<String, JsonExportError> {
    let mut out = Vec::new();
    write_record_json(store, &mut out)?;
    Ok(String::from_utf8(out).expect("serde_json writes UTF-8"))
}

/// Like `record_json`, streamed to `out`: the journal is read entry by
/// entry, never held whole in memory.
pub fn write_record_json(store: &Store, out: impl Write) -> Result<(), JsonExportError> {
    let record = store.record();
    let document = Document {
        format: JSON_FORMAT,
        version: JSON_VERSION,
        record,
        journal: JournalOut {
            store,
            last_seq: record.last_seq,
            problem: RefCell::new(None),
        },
    };
    let mut out = BufWriter::new(out);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, TerminalSafe::default());
    let written = document.serialize(&mut serializer);
    if let Some(problem) = document.journal.problem.take() {
        return Err(JsonExportError::Journal(problem));
    }
    written.map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    record: &'a Record,
    journal: JournalOut<'a>,
}

/// The journal up to `last_seq` (the record's), serialized as it is read.
struct JournalOut<'a> {
    store: &'a Store,
    last_seq: Seq,
    /// Why the journal could not be read, if it could not.
    problem: RefCell<Option<String>>,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    seq: Seq,
    at: &'a str,
    actor: &'a str,
    role: &'a str,
    kind: &'a str,
    event: &'a RawValue,
    before: &'a RawValue,
    prev_hash: &'a str,
    hash: &'a str,
}

fn raw_json<'a>(raw: &RawEntry, column: &str, text: &'a str) -> Result<&'a RawValue, String> {
    serde_json::from_str(text).map_err(|e| format!("entry {}: unreadable {column}: {e}", raw.seq))
}

impl Serialize for JournalOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut entries = serializer.serialize_seq(None)?;
        let mut failed: Option<S::Error> = None;
        let walked = journal::for_each_raw_after(self.store.connection(), 0, |raw| {
            // Entries another process added since the record was read wait
            // for the next export: the document's record is their replay.
            if raw.seq > self.last_seq {
                return Ok(());
            }
            let entry = EntryOut {
                seq: raw.seq,
                at: &raw.at,
                actor: &raw.actor,
                role: &raw.role,
                kind: &raw.kind,
                event: raw_json(&raw, "payload", &raw.payload)?,
                before: raw_json(&raw, "before-images", &raw.before)?,
                prev_hash: &raw.prev_hash,
                hash: &raw.hash,
            };
            entries.serialize_element(&entry).map_err(|e| {
                failed = Some(e);
                String::new()
            })
        });
        if let Some(error) = failed {
            return Err(error);
        }
        if let Err(problem) = walked {
            let message = problem.to_string();
            *self.problem.borrow_mut() = Some(message.clone());
            return Err(S::Error::custom(message));
        }
        entries.end()
    }
}

/// serde_json's pretty layout, with the characters JSON leaves raw that a
/// terminal could act upon (DEL, C1 controls, bidi controls) escaped as
/// `\uXXXX`, in strings and in the embedded journal columns alike.
#[derive(Default)]
struct TerminalSafe(PrettyFormatter<'static>);

impl Formatter for TerminalSafe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        writer.write_all(json_text::escape(fragment).as_bytes())
    }

    fn write_raw_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        writer.write_all(json_text::escape(fragment).as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(writer)
    }
}
