//! The command-line actions that move whole files: export, import, and a
//! new meeting from a plan. (The console and the small commands live in
//! `main.rs`.)

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::cli::{ExportArgs, ExportFormat, TableArg};
use crate::domain::MeetingDetails;
use crate::domain::clock::local_date;
use crate::export::csv::{CsvTable, write_csv};
use crate::export::json::write_record_json;
use crate::export::minutes::{minutes_docx, minutes_markdown};
use crate::i18n::{Lang, fill};
use crate::plans::{self, Imported, PlanError};
use crate::store::{self, ImportError, OpenOptions, Sharing, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Import(#[from] ImportError),
    #[error("{0}")]
    Plan(#[from] PlanError),
    #[error("{path}: {error}")]
    Output { path: String, error: io::Error },
    #[error("{0}")]
    Config(#[from] crate::config::ConfigError),
    /// A bad input file (a plan, a list, a recovery file).
    #[error("{0}")]
    Input(String),
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// The console was asked for where there is no terminal.
    #[error("no terminal")]
    NoTerminal,
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
        ExportFormat::Docx => {
            let Some(path) = out else {
                return Err(CommandError::Usage(
                    lang.texts().cli_docx_needs_output.into(),
                ));
            };
            let journal =
                store.entries_after(crate::export::minutes::journal_needed(store.record()))?;
            let document =
                minutes_docx(store.record(), &journal, lang).map_err(output_error(path))?;
            emit(Some(path), |w| w.write_all(&document))
        }
        ExportFormat::Json => emit(out, |w| {
            write_record_json(&store, w).map_err(|e| io::Error::other(e.to_string()))
        }),
        ExportFormat::Csv => export_csv(&store, args.table, out, lang),
    }
}

fn export_csv(
    store: &Store,
    table: Option<TableArg>,
    out: Option<&Path>,
    lang: Lang,
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
                return Err(CommandError::Usage(lang.texts().cli_csv_needs_table.into()));
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

/// What `gavel import` reads, by the source's extension.
enum SourceKind {
    Json,
    Participants,
    Plan,
}

fn source_kind(source: &Path) -> Option<SourceKind> {
    let extension = source.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "json" => Some(SourceKind::Json),
        "csv" | "txt" => Some(SourceKind::Participants),
        "toml" => Some(SourceKind::Plan),
        _ => None,
    }
}

fn read_source(source: &Path) -> Result<String, CommandError> {
    let bytes = fs::read(source).map_err(output_error(source))?;
    String::from_utf8(bytes).map_err(|error| CommandError::Output {
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
    options: OpenOptions,
    lang: Lang,
) -> Result<String, CommandError> {
    let Some(kind) = source_kind(source) else {
        return Err(CommandError::Usage(fill(
            lang.texts().cli_unknown_source,
            &[&source.display().to_string()],
        )));
    };
    let text = read_source(source)?;
    match kind {
        SourceKind::Json => {
            let text_source = source.display().to_string();
            store::import_json(file, &text, options).map_err(|error| match error {
                ImportError::Store(error) => CommandError::Store(error),
                other => CommandError::Input(format!(
                    "{text_source}: {}",
                    other.localized(lang)
                )),
            })?;
            Ok(fill(
                lang.texts().cli_created,
                &[&file.display().to_string()],
            ))
        }
        SourceKind::Participants => {
            let people = plans::read_participants_csv(source, &text)?;
            let mut store = Store::open(file, options)?;
            let done = plans::import(&mut store, &[], &people)?;
            Ok(imported_message(&done, lang))
        }
        SourceKind::Plan => {
            let plan = plans::read_plan(source, &text)?;
            let mut store = Store::open(file, options)?;
            let done = plans::import(&mut store, &plan.agenda, &plans::plan_people(&plan))?;
            Ok(imported_message(&done, lang))
        }
    }
}

fn imported_message(done: &Imported, lang: Lang) -> String {
    fill(
        lang.texts().cli_imported,
        &[
            &done.participants_added.to_string(),
            &done.participants_known.to_string(),
            &done.items_added.to_string(),
            &done.items_known.to_string(),
        ],
    )
}

/// What `gavel new` was told on the command line: it outranks the plan.
#[derive(Debug, Default)]
pub struct MeetingFlags {
    pub title: Option<String>,
    pub agency: Option<String>,
    pub speaking_minutes: Option<u32>,
    pub reply_days: Option<u32>,
    pub holidays: Vec<chrono::NaiveDate>,
}

impl MeetingFlags {
    pub fn apply(self, details: &mut MeetingDetails) {
        if let Some(title) = self.title {
            details.title = title;
        }
        if let Some(agency) = self.agency {
            details.agency = agency;
        }
        if let Some(minutes) = self.speaking_minutes {
            details.speaking_seconds = minutes * 60;
        }
        if let Some(days) = self.reply_days {
            details.reply_working_days = days;
        }
        if !self.holidays.is_empty() {
            details.holidays = self.holidays;
        }
    }
}

/// `gavel new FILE --from plan.toml`: the plan over `defaults` (the config
/// file's), the flags over the plan. The plan is read and checked before
/// the file exists; if adding its agenda and people fails, the new file is
/// removed, so a failed `new` leaves nothing behind.
pub fn new_from_plan(
    file: &Path,
    plan_path: &Path,
    defaults: MeetingDetails,
    flags: MeetingFlags,
    options: OpenOptions,
    sharing: Sharing,
    lang: Lang,
) -> Result<String, CommandError> {
    let plan = plans::read_plan(plan_path, &read_source(plan_path)?)?;
    let mut details = plan.details(defaults);
    flags.apply(&mut details);
    if details.title.trim().is_empty() {
        return Err(CommandError::Usage(
            lang.texts().cli_plan_needs_title.into(),
        ));
    }
    let mut store = Store::create(file, options, details, sharing)?;
    match plans::import(&mut store, &plan.agenda, &plans::plan_people(&plan)) {
        Ok(done) => Ok(format!(
            "{}\n{}",
            fill(lang.texts().cli_created, &[&file.display().to_string()]),
            imported_message(&done, lang)
        )),
        Err(error) => {
            drop(store);
            store::remove_meeting_file(file);
            Err(error.into())
        }
    }
}

impl CommandError {
    /// The error in the user's language (the `Display` text is English).
    pub fn localized(&self, lang: Lang) -> String {
    match self {
        CommandError::Store(error) => error.localized(lang),
        CommandError::Import(error) => error.localized(lang),
        CommandError::Plan(error) => error.localized(lang),
        CommandError::Output { path, error } if lang == Lang::Vi => {
            format!("{path}: không ghi được: {error}")
        }
        CommandError::Output { path, error } => format!("{path}: {error}"),
        CommandError::Config(error) => error.localized(lang),
        CommandError::Input(message) | CommandError::Usage(message) => message.clone(),
        CommandError::NoTerminal => lang.texts().cli_no_terminal.to_string(),
    }
}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_outrank_the_defaults_they_name_and_leave_the_rest() {
        let mut details = MeetingDetails {
            speaking_seconds: 5 * 60,
            reply_working_days: 15,
            ..MeetingDetails::default()
        };
        MeetingFlags {
            speaking_minutes: Some(2),
            ..MeetingFlags::default()
        }
        .apply(&mut details);
        assert_eq!(details.speaking_seconds, 2 * 60);
        assert_eq!(details.reply_working_days, 15);
    }
}
