//! `gavel export`: the minutes (Markdown, Word), the record as JSON, the
//! issues, actions and turns as CSV.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::emit::{destination, emit, emit_document, progress};
use super::output::{self, Clash};
use super::progress::Progress;
use super::{CommandError, output_error};
use crate::cli::{DocumentArg, ExportArgs, ExportFormat, TableArg};
use crate::domain::clock::local_date;
use crate::export::csv::{CsvTable, write_csv_in};
use crate::export::json::write_record_json;
use crate::export::minutes::{Minutes, Notice, Upward};
use crate::i18n::{Lang, fill};
use crate::store::{self, OpenOptions, Store};

pub fn export(args: &ExportArgs, lang: Lang) -> Result<(), CommandError> {
    refuse_meetings(args, lang)?;
    let out = args.output.as_deref();
    // Shown from the start: opening a large meeting is part of the wait.
    let progress = progress(out, lang);
    let mut store = Store::open(&args.file, OpenOptions::reader("gavel-export"))?;
    store.poll()?;
    let documents = matches!(args.format, ExportFormat::Md | ExportFormat::Docx);
    if args.document != DocumentArg::Minutes && !documents {
        return Err(CommandError::Usage(needs_md_or_docx(args.document, lang)));
    }
    match args.document {
        DocumentArg::Minutes => {}
        DocumentArg::Notice => return export_notice(&store, args, &progress, lang),
        DocumentArg::Upward => return export_upward(&store, args, &progress, lang),
    }
    match args.format {
        ExportFormat::Md | ExportFormat::Docx => {
            let minutes = Minutes::read(&store)?;
            emit_document(
                out,
                &progress,
                args.format == ExportFormat::Docx,
                lang,
                |w| minutes.write_markdown(lang, w),
                || minutes.docx(lang),
            )
        }
        ExportFormat::Json => emit(out, &progress, |w| {
            write_record_json(&store, w).map_err(|e| io::Error::other(e.to_string()))
        }),
        ExportFormat::Csv => export_csv(&store, args.table, out, &progress, lang),
    }
}

/// The conclusion notice, as Markdown or a Word document; an error naming
/// what is missing when the chair's conclusion is not recorded.
fn export_notice(
    store: &Store,
    args: &ExportArgs,
    progress: &Progress,
    lang: Lang,
) -> Result<(), CommandError> {
    let notice =
        Notice::of(store.record(), lang).map_err(|e| CommandError::Input(e.to_string()))?;
    emit_document(
        args.output.as_deref(),
        progress,
        args.format == ExportFormat::Docx,
        lang,
        |w| notice.write_markdown(w),
        || notice.docx(),
    )
}

/// The report upward, as Markdown or a Word document, from the record as
/// it stands (see `Upward`); an error when no issue is escalated or
/// redirected.
fn export_upward(
    store: &Store,
    args: &ExportArgs,
    progress: &Progress,
    lang: Lang,
) -> Result<(), CommandError> {
    let report =
        Upward::of(store.record(), lang).map_err(|e| CommandError::Input(e.to_string()))?;
    emit_document(
        args.output.as_deref(),
        progress,
        args.format == ExportFormat::Docx,
        lang,
        |w| report.write_markdown(w),
        || report.docx(),
    )
}

/// "--document notice (thông báo kết luận) chỉ xuất được với --format md
/// hoặc docx.", for the document asked for.
fn needs_md_or_docx(document: DocumentArg, lang: Lang) -> String {
    let (name, vi, en) = match document {
        DocumentArg::Minutes => ("minutes", "biên bản", "the minutes"),
        DocumentArg::Notice => ("notice", "thông báo kết luận", "the conclusion notice"),
        DocumentArg::Upward => (
            "upward",
            "báo cáo tổng hợp kiến nghị vượt thẩm quyền",
            "the report upward",
        ),
    };
    match lang {
        Lang::Vi => format!("--document {name} ({vi}) chỉ xuất được với --format md hoặc docx."),
        Lang::En => format!("--document {name} ({en}) needs --format md or docx."),
    }
}

fn export_csv(
    store: &Store,
    table: Option<TableArg>,
    out: Option<&Path>,
    progress: &Progress,
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
            emit(out, progress, |w| {
                write_csv_in(record, table, today, lang, w)
            })
        }
        None => {
            let Some(folder) = destination(out) else {
                return Err(CommandError::Usage(lang.texts().cli_csv_needs_table.into()));
            };
            fs::create_dir_all(folder).map_err(output_error(folder))?;
            for table in CsvTable::ALL {
                let path = table_path(folder, *table);
                emit(Some(&path), progress, |w| {
                    write_csv_in(record, *table, today, lang, w)
                })?;
            }
            Ok(())
        }
    }
}

fn table_path(folder: &Path, table: CsvTable) -> PathBuf {
    folder.join(format!("{}.csv", table.as_str()))
}

/// Every path the export would write (for all CSV tables, the folder and
/// its three files).
fn targets(args: &ExportArgs) -> Vec<PathBuf> {
    let Some(out) = destination(args.output.as_deref()) else {
        return Vec::new();
    };
    let mut targets = vec![out.to_path_buf()];
    if args.format == ExportFormat::Csv && args.table.is_none() {
        targets.extend(CsvTable::ALL.iter().map(|table| table_path(out, *table)));
    }
    targets
}

/// A usage error, before anything is written or even opened, if any path
/// the export would write is a meeting or a file SQLite keeps beside one:
/// a careless `-o` must not replace or corrupt a meeting.
fn refuse_meetings(args: &ExportArgs, lang: Lang) -> Result<(), CommandError> {
    for target in targets(args) {
        if let Some(clash) = output::clash(&target, &args.file) {
            let text = match clash {
                Clash::ThisMeeting => lang.texts().cli_output_is_this_meeting,
                Clash::AnotherMeeting => lang.texts().cli_output_is_a_meeting,
            };
            return Err(CommandError::Usage(fill(
                text,
                &[&target.display().to_string()],
            )));
        }
    }
    Ok(())
}
