//! `gavel archive push FILE… [--to URL]`: meetings into the province's
//! archive on PostgreSQL (`crate::archive`, docs/archive.md).

use std::path::PathBuf;

use super::CommandError;
use super::progress::Progress;
use crate::archive::{self, ArchiveError, Pushed};
use crate::cli::ArchivePushArgs;
use crate::config::Settings;
use crate::export::minutes::count;
use crate::i18n::{Lang, fill};

/// Pushes each meeting; one that is refused (damaged, altered, another
/// history) is said and the others are pushed all the same: exit 1 if any
/// was refused.
pub fn push(args: &ArchivePushArgs, settings: &Settings) -> Result<(), CommandError> {
    let lang = settings.lang.value;
    let files = meeting_files(&args.files, lang)?;
    let mut client = connect(args.to.as_deref(), lang)?;
    let mut refused = 0;
    for file in &files {
        let shown = file.display().to_string();
        let progress = Progress::working(&fill(lang.texts().archive_pushing, &[&shown]), lang);
        let pushed = archive::push(&mut client, file, &settings.name.value);
        drop(progress);
        match pushed {
            Ok(pushed) => println!("{}", said(&shown, &pushed, lang)),
            Err(error) => {
                refused += 1;
                eprintln!("gavel: {shown}: {}", localized(&error, lang));
                if matches!(error, ArchiveError::Server(_)) && client.is_closed() {
                    break;
                }
            }
        }
    }
    match refused {
        0 => Ok(()),
        n => Err(CommandError::Refused(fill(
            lang.texts().archive_refused,
            &[&n.to_string(), &files.len().to_string()],
        ))),
    }
}

/// A connection to the archive at `target` (or the `PG*` variables'), its
/// schema created or checked.
pub(super) fn connect(target: Option<&str>, lang: Lang) -> Result<postgres::Client, CommandError> {
    let config = archive::config(target, &crate::config::process_env)
        .map_err(|error| CommandError::Usage(localized(&error, lang)))?;
    archive::connect(&config).map_err(|error| archive_error(&error, lang))
}

/// Every meeting the archive at `target` holds.
pub(super) fn archived(target: &str, lang: Lang) -> Result<Vec<archive::Archived>, CommandError> {
    let mut client = connect(Some(target), lang)?;
    archive::meetings(&mut client).map_err(|error| archive_error(&error, lang))
}

/// The files named, a folder standing for the meeting files in it.
fn meeting_files(paths: &[PathBuf], lang: Lang) -> Result<Vec<PathBuf>, CommandError> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let entries = std::fs::read_dir(path).map_err(super::read_error(path))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|file| crate::store::is_meeting_file(file))
            .collect();
        if found.is_empty() {
            return Err(CommandError::Input(fill(
                lang.texts().archive_no_meetings,
                &[&path.display().to_string()],
            )));
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// "pushed a.gavel: Hội nghị…, 120 entries added (4,310 in all)".
fn said(file: &str, pushed: &Pushed, lang: Lang) -> String {
    let texts = lang.texts();
    let text = match (pushed.new, pushed.added) {
        (true, _) => texts.archive_new,
        (false, 0) => texts.archive_up_to_date,
        (false, _) => texts.archive_updated,
    };
    let title = crate::domain::text::sanitize(&pushed.title);
    fill(
        text,
        &[
            file,
            &title,
            &count(pushed.added, lang),
            &count(pushed.entries, lang),
        ],
    )
}

fn archive_error(error: &ArchiveError, lang: Lang) -> CommandError {
    CommandError::Refused(localized(error, lang))
}

/// The error in `lang`: the server's own words stay as the server said
/// them (its language is the server's setting).
fn localized(error: &ArchiveError, lang: Lang) -> String {
    let texts = lang.texts();
    match error {
        ArchiveError::Address(detail) => fill(texts.archive_bad_address, &[detail]),
        ArchiveError::Tls(mode) => fill(texts.archive_no_tls, &[mode]),
        ArchiveError::Server(error) => fill(texts.archive_server, &[&server_words(error)]),
        ArchiveError::NewerSchema(version) => {
            fill(texts.archive_newer_schema, &[&version.to_string()])
        }
        ArchiveError::Refused(detail) => fill(texts.archive_file_refused, &[detail]),
        ArchiveError::Diverged { seq } => fill(texts.archive_diverged, &[&seq.to_string()]),
        ArchiveError::Store(error) => error.localized(lang),
        ArchiveError::Journal(error) => error.localized(lang),
    }
}

/// The server's message (its "db error: " prefix left out).
fn server_words(error: &postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => db.message().to_string(),
        None => error.to_string(),
    }
}
