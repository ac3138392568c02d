//! `gavel import FILE SOURCE`: a JSON export makes a new meeting file; a
//! participants list or a plan adds to an existing meeting.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use super::progress::Progress;
use super::{CommandError, open_to_write, read_error, stdin_name};
use crate::cli::InputFormat;
use crate::i18n::{Lang, fill};
use crate::plans::{self, Imported};
use crate::store::{self, ImportError, OpenOptions};

/// What `gavel import` reads, by the source's extension.
enum SourceKind {
    Json,
    Participants,
    Plan,
}

/// The kind `--input-format` gives, else the source's extension's.
fn source_kind(source: &Path, format: Option<InputFormat>) -> Option<SourceKind> {
    match format {
        Some(InputFormat::Json) => return Some(SourceKind::Json),
        Some(InputFormat::Csv) => return Some(SourceKind::Participants),
        Some(InputFormat::Toml) => return Some(SourceKind::Plan),
        None => {}
    }
    let extension = source.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "json" => Some(SourceKind::Json),
        "csv" | "txt" => Some(SourceKind::Participants),
        "toml" => Some(SourceKind::Plan),
        _ => None,
    }
}

/// A JSON export or a plan: UTF-8 text.
pub(super) fn read_source(source: &Path) -> Result<String, CommandError> {
    utf8_text(source, fs::read(source).map_err(read_error(source))?)
}

fn utf8_text(source: &Path, bytes: Vec<u8>) -> Result<String, CommandError> {
    String::from_utf8(bytes).map_err(|error| CommandError::Read {
        path: source.display().to_string(),
        error: io::Error::new(io::ErrorKind::InvalidData, error.utf8_error()),
    })
}

/// `gavel import FILE SOURCE`: a JSON export makes a new meeting file; a
/// participants list (.csv) or a plan (.toml) adds to an existing meeting
/// whoever and whatever it does not have yet. Returns what to tell the user.
pub fn import(
    file: &Path,
    source: &Path,
    format: Option<InputFormat>,
    options: OpenOptions,
    lang: Lang,
) -> Result<String, CommandError> {
    let from_stdin = source == Path::new("-");
    let Some(kind) = source_kind(source, format).filter(|_| !from_stdin || format.is_some()) else {
        let text = if from_stdin {
            lang.texts().cli_stdin_needs_format
        } else {
            lang.texts().cli_unknown_source
        };
        return Err(CommandError::Usage(fill(
            text,
            &[&source.display().to_string()],
        )));
    };
    // The standard input is named so in what is said about it.
    let source = if from_stdin {
        Path::new(stdin_name(lang))
    } else {
        source
    };
    // A sign of life while a large JSON export is checked and written.
    let _progress = Progress::working(
        &fill(
            lang.texts().cli_importing,
            &[&source.display().to_string(), &file.display().to_string()],
        ),
        lang,
    );
    let bytes = if from_stdin {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(read_error(source))?;
        bytes
    } else {
        fs::read(source).map_err(read_error(source))?
    };
    match kind {
        SourceKind::Json => {
            let text = utf8_text(source, bytes)?;
            let text_source = source.display().to_string();
            store::import_json(file, &text, options).map_err(|error| match error {
                ImportError::Store(error) => CommandError::Store(error),
                other => CommandError::Input(format!("{text_source}: {}", other.localized(lang))),
            })?;
            Ok(fill(
                lang.texts().cli_created,
                &[&file.display().to_string()],
            ))
        }
        SourceKind::Participants => {
            // Whatever encoding the office's spreadsheet saved it in.
            let text = plans::decode_spreadsheet(source, &bytes)?;
            let people = plans::read_participants_csv(source, &text)?;
            let mut store = open_to_write(file, options)?;
            let done = plans::import(&mut store, source, &[], &people)?;
            Ok(imported_message(&done, lang))
        }
        SourceKind::Plan => {
            let plan = plans::read_plan(source, &utf8_text(source, bytes)?)?;
            let mut store = open_to_write(file, options)?;
            let people = plans::plan_people(&plan);
            let done = plans::import(&mut store, source, &plan.agenda, &people)?;
            Ok(imported_message(&done, lang))
        }
    }
}

/// What an import did: who and what it added, then (on a line of its own)
/// attendance updated, details filled in, the chair and the secretary
/// chosen.
pub(super) fn imported_message(done: &Imported, lang: Lang) -> String {
    let added = fill(
        lang.texts().cli_imported,
        &[
            &done.participants_added.to_string(),
            &done.participants_known.to_string(),
            &done.items_added.to_string(),
            &done.items_known.to_string(),
        ],
    );
    match done.more(lang) {
        Some(more) => format!("{added}\n{more}"),
        None => added,
    }
}
