//! `gavel export FILE --format json`: the whole record and the whole journal
//! in one document, `docs/json-format.md`. `crate::store::import_json` reads
//! it back into a new meeting file, hashes and all.
//!
//! Each journal entry's `event` and `before` are the stored columns
//! embedded as they are (they are JSON already), so the hashes verify
//! against the document itself. Text is exported as stored: JSON escapes
//! control characters, and `TerminalSafe` escapes DEL, C1 and bidi
//! controls as well, so no terminal escape reaches a reader verbatim.

use std::io::{BufWriter, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};

use crate::domain::Seq;
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
/// entry, never held whole in memory (at most two chunks of it). The record is written compactly and
/// each journal entry on a line of its own, its stored `event` and `before`
/// columns copied as they are (they are JSON already): a large meeting's
/// journal is hundreds of megabytes, and this is what keeps its export fast.
pub fn write_record_json(store: &Store, out: impl Write) -> Result<(), JsonExportError> {
    let record = store.record();
    let mut out = BufWriter::with_capacity(1 << 16, out);
    // Entries another process added since the record was read wait for the
    // next export: the document's record is their replay.
    write_journal(store, record.last_seq, CHUNK, &mut out, |out| {
        write!(out, "{{\"format\":")?;
        write_json(out, &JSON_FORMAT)?;
        write!(out, ",\"version\":{JSON_VERSION},\n\"record\":")?;
        write_json(out, record)?;
        write!(out, ",\n\"journal\":[")?;
        Ok(())
    })?;
    out.write_all(b"\n]}\n")?;
    out.flush()?;
    Ok(())
}

/// Entries per chunk when the journal is shared by two threads: a few
/// megabytes. A journal of one chunk is written on one thread.
const CHUNK: Seq = 4_096;

/// `head`, then the journal's entries `1..=last`. A long journal is cut
/// in chunks, and every other chunk is written into memory on a second
/// core (its own connection: entries never change, any connection reads
/// the same), from before `head` is written (the record: a seventh of the
/// export) while this thread writes `head` and streams the others out. At
/// most two chunks wait in memory, whatever the journal's length.
fn write_journal<W: Write>(
    store: &Store,
    last: Seq,
    chunk: Seq,
    out: &mut W,
    head: impl FnOnce(&mut W) -> Result<(), JsonExportError>,
) -> Result<(), JsonExportError> {
    if last <= chunk {
        head(out)?;
        return write_entries(store.connection(), 1, last, out);
    }
    let reader = store
        .reader()
        .map_err(|e| JsonExportError::Journal(e.to_string()))?;
    let chunks: Vec<(Seq, Seq)> = (0..last.div_ceil(chunk))
        .map(|k| (k * chunk + 1, ((k + 1) * chunk).min(last)))
        .collect();
    let odd: Vec<(Seq, Seq)> = chunks.iter().copied().skip(1).step_by(2).collect();
    std::thread::scope(|scope| -> Result<(), JsonExportError> {
        let (done, written) = std::sync::mpsc::sync_channel(1);
        scope.spawn(move || {
            for (from, to) in odd {
                let mut buffer = Vec::with_capacity(4 << 20);
                let chunk = write_entries(&reader, from, to, &mut buffer).map(|()| buffer);
                // The receiver gone: this thread's work is not wanted.
                if done.send(chunk).is_err() {
                    break;
                }
            }
        });
        head(out)?;
        for (index, (from, to)) in chunks.iter().copied().enumerate() {
            if index % 2 == 0 {
                write_entries(store.connection(), from, to, out)?;
            } else {
                let chunk = written.recv().map_err(|_| {
                    JsonExportError::Journal("the second writing thread failed".into())
                })??;
                out.write_all(&chunk)?;
            }
        }
        Ok(())
    })
}

/// Entries `from..=to`, each on a line of its own after a comma (none
/// before the first entry of the journal).
fn write_entries(
    conn: &rusqlite::Connection,
    from: Seq,
    to: Seq,
    out: &mut impl Write,
) -> Result<(), JsonExportError> {
    let mut statement = conn
        .prepare_cached(
            "SELECT seq, at, actor, role, kind, payload, before, prev_hash, hash
             FROM journal WHERE seq >= ?1 AND seq <= ?2 ORDER BY seq",
        )
        .map_err(journal_error)?;
    let mut rows = statement.query([from, to]).map_err(journal_error)?;
    let mut seen = 0;
    while let Some(row) = rows.next().map_err(journal_error)? {
        write_entry(out, row, from + seen == 1)?;
        seen += 1;
    }
    if seen != to + 1 - from {
        return Err(JsonExportError::Journal(format!(
            "entries {from} to {to}: {seen} found, the journal has gaps"
        )));
    }
    Ok(())
}

/// A value as compact JSON, with the characters a terminal could act upon
/// escaped too (see `TerminalSafe`).
fn write_json(out: &mut impl Write, value: &impl Serialize) -> std::io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, TerminalSafe::default());
    value
        .serialize(&mut serializer)
        .map_err(std::io::Error::from)
}

/// A string as JSON. The journal's short columns (times, roles, kinds,
/// hashes) are plain ASCII that needs no escape: written as they are,
/// without a serializer for each (a sixth of the export's time).
fn write_string(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    let plain = text
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\');
    if plain {
        out.write_all(b"\"")?;
        out.write_all(text.as_bytes())?;
        out.write_all(b"\"")
    } else {
        write_json(out, &text)
    }
}

fn journal_error(error: rusqlite::Error) -> JsonExportError {
    JsonExportError::Journal(error.to_string())
}

/// One journal entry on its own line, straight from the row (no copy of
/// the columns). `event` and `before` are the stored JSON, copied with
/// `json_text::escape`, not parsed again.
fn write_entry(
    out: &mut impl Write,
    row: &rusqlite::Row,
    first: bool,
) -> Result<(), JsonExportError> {
    let text = |index: usize| -> Result<&str, JsonExportError> {
        let value = row.get_ref(index).map_err(journal_error)?;
        value
            .as_str()
            .map_err(|e| JsonExportError::Journal(e.to_string()))
    };
    let seq: i64 = row.get(0).map_err(journal_error)?;
    out.write_all(if first {
        b"\n{\"seq\":"
    } else {
        b",\n{\"seq\":"
    })?;
    write!(out, "{seq}")?;
    for (index, key) in [
        (1, &b",\"at\":"[..]),
        (2, b",\"actor\":"),
        (3, b",\"role\":"),
        (4, b",\"kind\":"),
    ] {
        out.write_all(key)?;
        write_string(out, text(index)?)?;
    }
    out.write_all(b",\"event\":")?;
    out.write_all(json_text::escape(text(5)?).as_bytes())?;
    out.write_all(b",\"before\":")?;
    out.write_all(json_text::escape(text(6)?).as_bytes())?;
    for (index, key) in [(7, &b",\"prev_hash\":"[..]), (8, b",\"hash\":")] {
        out.write_all(key)?;
        write_string(out, text(index)?)?;
    }
    out.write_all(b"}")?;
    Ok(())
}

/// serde_json's compact layout, with the characters JSON leaves raw that a
/// terminal could act upon (DEL, C1 controls, bidi controls) escaped as
/// `\uXXXX`, in strings and in the embedded journal columns alike.
#[derive(Default)]
struct TerminalSafe(CompactFormatter);

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;
    use crate::store::OpenOptions;

    #[test]
    fn plain_strings_are_written_as_serde_json_writes_them() {
        for text in [
            "2026-02-05T02:20:00Z",
            "chair",
            "",
            "a\"b",
            "a\\b",
            "Lê\u{9b}",
            "x\u{7f}",
            "\n",
        ] {
            let mut fast = Vec::new();
            write_string(&mut fast, text).unwrap();
            let mut serde = Vec::new();
            write_json(&mut serde, &text).unwrap();
            assert_eq!(fast, serde, "{text:?}");
        }
    }

    #[test]
    fn the_journal_in_chunks_on_two_threads_is_the_journal_on_one() {
        let dir = tempfile::tempdir().unwrap();
        let now = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 2, 5, 2, 20, 0).unwrap();
        let path = dir.path().join("demo.gavel");
        let store =
            crate::demo::create_demo(&path, OpenOptions::new("chair", Role::Chair), now).unwrap();
        let last = store.record().last_seq;
        assert!(last > 50, "a journal of some length: {last}");
        let mut whole = Vec::new();
        write_journal(&store, last, last, &mut whole, |_| Ok(())).unwrap();
        // Chunks of 7 entries, even and odd on different threads; the last
        // one short.
        let mut chunked = Vec::new();
        write_journal(&store, last, 7, &mut chunked, |_| Ok(())).unwrap();
        assert_eq!(
            String::from_utf8(chunked).unwrap(),
            String::from_utf8(whole).unwrap()
        );
    }
}
