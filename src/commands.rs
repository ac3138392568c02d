//! The command-line actions that produce files: export and import. (The
//! console and the small commands live in `main.rs`.)

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::cli::{ExportArgs, ExportFormat, TableArg};
use crate::domain::clock::local_date;
use crate::export::csv::{CsvTable, write_csv};
use crate::export::json::write_record_json;
use crate::export::minutes::minutes_markdown;
use crate::i18n::Lang;
use crate::store::{self, ImportError, OpenOptions, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Import(#[from] ImportError),
    #[error("{path}: {error}")]
    Output { path: String, error: io::Error },
    #[error("{0}")]
    Usage(String),
}

fn output_error(path: &Path) -> impl FnOnce(io::Error) -> CommandError + '_ {
    move |error| CommandError::Output {
        path: path.display().to_string(),
        error,
    }
}

/// Writes what `write` produces to `out`, or to the standard output.
fn emit(
    out: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), CommandError> {
    match out {
        Some(path) => {
            let mut file = io::BufWriter::new(fs::File::create(path).map_err(output_error(path))?);
            write(&mut file)
                .and_then(|_| file.flush())
                .map_err(output_error(path))
        }
        None => {
            let stdout = io::stdout();
            let mut lock = stdout.lock();
            write(&mut lock).map_err(output_error(Path::new("standard output")))
        }
    }
}

pub fn export(args: &ExportArgs, lang: Lang) -> Result<(), CommandError> {
    let mut store = Store::open(
        &args.file,
        OpenOptions::new("gavel-export", crate::domain::Role::Observer),
    )?;
    store.poll()?;
    let out = args.output.as_deref();
    match args.format {
        ExportFormat::Md => {
            let journal =
                store.entries_after(crate::export::minutes::journal_needed(store.record()))?;
            let minutes = minutes_markdown(store.record(), &journal, lang);
            emit(out, |w| w.write_all(minutes.as_bytes()))
        }
        ExportFormat::Json => emit(out, |w| {
            write_record_json(&store, w).map_err(|e| io::Error::other(e.to_string()))
        }),
        ExportFormat::Csv => export_csv(&store, args.table, out),
    }
}

fn export_csv(
    store: &Store,
    table: Option<TableArg>,
    out: Option<&Path>,
) -> Result<(), CommandError> {
    let record = store.record();
    let today = local_date(&record.meeting.details, store::now());
    match table {
        Some(table) => {
            let table = match table {
                TableArg::Issues => CsvTable::Issues,
                TableArg::Actions => CsvTable::Actions,
                TableArg::Turns => CsvTable::Turns,
            };
            emit(out, |w| write_csv(record, table, today, w))
        }
        None => {
            let Some(folder) = out else {
                return Err(CommandError::Usage(
                    "--format csv needs --table issues|actions|turns, or -o FOLDER for all three"
                        .into(),
                ));
            };
            fs::create_dir_all(folder).map_err(output_error(folder))?;
            for table in CsvTable::ALL {
                let path = folder.join(format!("{}.csv", table.as_str()));
                emit(Some(&path), |w| write_csv(record, *table, today, w))?;
            }
            Ok(())
        }
    }
}

/// A new meeting file from a JSON export.
pub fn import(file: &Path, source: &Path, options: OpenOptions) -> Result<(), CommandError> {
    let is_json = source
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json {
        return Err(CommandError::Usage(format!(
            "{}: gavel imports a JSON export of a meeting (.json); participant lists and plans are not supported yet",
            source.display()
        )));
    }
    let text = fs::read_to_string(source).map_err(output_error(source))?;
    let text_source = source.display().to_string();
    store::import_json(file, &text, options).map_err(|error| match error {
        ImportError::Store(error) => CommandError::Store(error),
        other => CommandError::Usage(format!("{text_source}: {other}")),
    })?;
    Ok(())
}
