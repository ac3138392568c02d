//! `gavel register FILES|DIRS…`: the receiving log of many meetings, or
//! (`--owed`, `--overdue`) what is still owed across them; `gavel report
//! FILES|DIRS… --period …`: a period's report. Each meeting file is opened
//! read-only, as an observer (a meeting open in a console is read as it
//! stands); one that cannot be read is named on the standard error, the
//! others are listed all the same, and the exit status is 1.
//!
//! The files give plain rows (`register::Rows`); the register, what is owed
//! and the report are computed from those alone, so another source (an
//! archive) can give the same rows.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use super::emit::{destination, emit, emit_document};
use super::output::{self, Clash};
use super::progress::Progress;
use super::{CommandError, Startup, USAGE, date_arg};
use crate::cli::{
    DispositionArg, PeriodReportArgs, PeriodReportFormat, RegisterArgs, RegisterFormat, Selection,
    StatusArg,
};
use crate::config::{Flags, Settings};
use crate::domain::{Disposition, MeetingDetails};
use crate::export::Quote;
use crate::export::minutes::PeriodReport;
use crate::export::register::{
    owed_text, register_text, write_owed_csv, write_owed_json, write_register_csv,
    write_register_json,
};
use crate::export::register_report::write_report_csv;
use crate::export::tracking::action_done_dates;
use crate::i18n::{Lang, fill};
use crate::register::{self, Filter, Period, Report, Rows, Status};
use crate::store::{self, OpenOptions, Store};

/// Runs a command over many files: a failure is one line, `gavel:
/// message` (a file's own failures name it).
pub(super) fn run_many(
    startup: &Startup,
    flags: Flags,
    work: impl FnOnce(&Settings) -> Result<(), CommandError>,
) -> ExitCode {
    let fallback = flags.lang.unwrap_or_else(Lang::from_env);
    let (lang, result) = match startup.settings(flags) {
        Ok(settings) => (settings.lang.value, work(&settings)),
        Err(error) => (fallback, Err(error)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gavel: {}", error.localized(lang));
            match error {
                CommandError::Usage(_) | CommandError::Config(_) => ExitCode::from(USAGE),
                _ => ExitCode::FAILURE,
            }
        }
    }
}

pub fn register(args: RegisterArgs, settings: &Settings) -> Result<(), CommandError> {
    let lang = settings.lang.value;
    let mut filter = filter_of(&args.selection, lang)?;
    filter.statuses = args.status.iter().flat_map(|s| statuses(*s)).collect();
    let today = today_of(&args.selection, lang)?;
    refuse_meeting_output(args.output.as_deref(), &args.selection.files, lang)?;
    let (rows, failed) = read_selected(&args.selection, lang)?;
    let entries = register::entries(&rows, today);
    let out = args.output.as_deref();
    let quote = match destination(out) {
        None if std::io::stdout().is_terminal() => Quote::Short,
        _ => Quote::Whole,
    };
    let period = filter.period;
    let mut overdue = 0;
    if args.owed || args.overdue {
        let owed = register::owed(&rows, &entries, &filter, today, args.overdue);
        overdue = owed
            .iter()
            .filter(|o| o.judged.status == Status::Overdue)
            .count();
        match args.format {
            RegisterFormat::Text => {
                let text = owed_text(&owed, args.overdue, today, lang, quote);
                emit(out, &Progress::none(), |w| w.write_all(text.as_bytes()))?;
            }
            RegisterFormat::Csv => {
                emit(out, &Progress::none(), |w| write_owed_csv(&owed, lang, w))?
            }
            RegisterFormat::Json => emit(out, &Progress::none(), |w| {
                write_owed_json(&owed, args.overdue, period.as_ref(), today, w)
            })?,
        }
    } else {
        let kept: Vec<&register::Entry<'_>> = entries.iter().filter(|e| filter.keeps(e)).collect();
        match args.format {
            RegisterFormat::Text => {
                let text = register_text(&kept, period.as_ref(), today, lang, quote);
                emit(out, &Progress::none(), |w| w.write_all(text.as_bytes()))?;
            }
            RegisterFormat::Csv => emit(out, &Progress::none(), |w| {
                write_register_csv(&kept, lang, w)
            })?,
            RegisterFormat::Json => emit(out, &Progress::none(), |w| {
                write_register_json(&kept, period.as_ref(), today, w)
            })?,
        }
    }
    finish(failed, args.overdue, overdue, lang)
}

pub fn report(args: PeriodReportArgs, settings: &Settings) -> Result<(), CommandError> {
    let lang = settings.lang.value;
    let filter = filter_of(&args.selection, lang)?;
    let today = today_of(&args.selection, lang)?;
    refuse_meeting_output(args.output.as_deref(), &args.selection.files, lang)?;
    if args.format == PeriodReportFormat::Docx
        && destination(args.output.as_deref()).is_none()
        && std::io::stdout().is_terminal()
    {
        // Refused before the files are read.
        return Err(CommandError::Usage(
            lang.texts().cli_docx_needs_output.into(),
        ));
    }
    let (rows, failed) = read_selected(&args.selection, lang)?;
    let entries = register::entries(&rows, today);
    let report = Report::of(&rows, &entries, &filter, today);
    let out = args.output.as_deref();
    match args.format {
        PeriodReportFormat::Csv => emit(out, &Progress::none(), |w| {
            write_report_csv(&report, lang, w)
        })?,
        PeriodReportFormat::Md | PeriodReportFormat::Docx => {
            let name = filter.period.map(|p| p.name(lang));
            let document = PeriodReport::of(&report, name.as_deref(), lang);
            emit_document(
                out,
                &Progress::none(),
                args.format == PeriodReportFormat::Docx,
                lang,
                |w| document.write_markdown(w),
                || document.docx(),
            )?;
        }
    }
    finish(failed, false, 0, lang)
}

/// The exit status once the output is written: 1 when a file could not
/// be read, or (`--overdue`) when something is overdue.
fn finish(
    failed: usize,
    overdue_asked: bool,
    overdue: usize,
    lang: Lang,
) -> Result<(), CommandError> {
    if failed > 0 {
        let message = fill(words(lang).failed, &[&failed.to_string()]);
        if overdue_asked && overdue > 0 {
            eprintln!("gavel: {message}");
            return Err(CommandError::Overdue(overdue));
        }
        return Err(CommandError::Refused(message));
    }
    if overdue_asked && overdue > 0 {
        return Err(CommandError::Overdue(overdue));
    }
    Ok(())
}

/// The filter the selection asks for (the period and the field, the
/// dispositions).
fn filter_of(selection: &Selection, lang: Lang) -> Result<Filter, CommandError> {
    let w = words(lang);
    let period = match (&selection.period, &selection.from, &selection.to) {
        (Some(text), _, _) => Some(
            Period::parse(text).ok_or_else(|| CommandError::Usage(fill(w.bad_period, &[text])))?,
        ),
        (None, None, None) => None,
        (None, from, to) => {
            let from = match from {
                Some(text) => date_arg(text, lang)?,
                None => NaiveDate::MIN,
            };
            let to = match to {
                Some(text) => date_arg(text, lang)?,
                None => NaiveDate::MAX,
            };
            Some(Period::days(from, to).ok_or_else(|| CommandError::Usage(w.backwards.into()))?)
        }
    };
    Ok(Filter {
        period,
        field: selection
            .field
            .clone()
            .filter(|field| !field.trim().is_empty()),
        dispositions: selection
            .disposition
            .iter()
            .map(|d| disposition(*d))
            .collect(),
        statuses: Vec::new(),
    })
}

/// The day counted to: `--today`, else today in Vietnam (the meetings'
/// own time zone by default).
fn today_of(selection: &Selection, lang: Lang) -> Result<NaiveDate, CommandError> {
    match &selection.today {
        Some(text) => date_arg(text, lang),
        None => Ok(crate::domain::clock::local_date(
            &MeetingDetails::default(),
            store::now(),
        )),
    }
}

fn disposition(arg: DispositionArg) -> Disposition {
    match arg {
        DispositionArg::Answered => Disposition::Answered,
        DispositionArg::WrittenReply => Disposition::WrittenReplyRequired,
        DispositionArg::Escalated => Disposition::Escalated,
        DispositionArg::Redirected => Disposition::Redirected,
        DispositionArg::Undecided => Disposition::Open,
        DispositionArg::Withdrawn => Disposition::Withdrawn,
    }
}

fn statuses(arg: StatusArg) -> Vec<Status> {
    match arg {
        StatusArg::Answered => vec![Status::Answered],
        StatusArg::Undecided => vec![Status::Undecided],
        StatusArg::Pending => vec![Status::Pending],
        StatusArg::Overdue => vec![Status::Overdue],
        StatusArg::Done => vec![Status::DoneOnTime, Status::DoneLate],
        StatusArg::Late => vec![Status::DoneLate],
        StatusArg::Withdrawn => vec![Status::Withdrawn],
    }
}

/// A usage error, before any file is read, when `-o` names one of the
/// meetings read, a file SQLite keeps beside one, or another meeting.
fn refuse_meeting_output(
    out: Option<&Path>,
    files: &[PathBuf],
    lang: Lang,
) -> Result<(), CommandError> {
    let Some(out) = destination(out) else {
        return Ok(());
    };
    let mut meetings: Vec<PathBuf> = Vec::new();
    for file in files {
        if file.is_dir() {
            meetings.extend(
                list_folder(file)
                    .map(|(found, _)| found)
                    .unwrap_or_default(),
            );
        } else {
            meetings.push(file.clone());
        }
    }
    if meetings.is_empty() {
        meetings.push(PathBuf::from("-"));
    }
    for meeting in &meetings {
        let text = match output::clash(out, meeting) {
            None => continue,
            Some(Clash::ThisMeeting) => lang.texts().cli_output_is_this_meeting,
            Some(Clash::AnotherMeeting) => lang.texts().cli_output_is_a_meeting,
        };
        return Err(CommandError::Usage(fill(
            text,
            &[&out.display().to_string()],
        )));
    }
    Ok(())
}

/// Is this file one SQLite keeps beside a meeting, or a hidden one?
fn is_companion(name: &str) -> bool {
    name.starts_with('.')
        || ["-wal", "-shm", "-journal"]
            .iter()
            .any(|end| name.ends_with(end))
}

/// The meeting files (`*.gavel`) in a folder, by name, and the other
/// files in it (not the companions SQLite keeps beside a meeting, nor
/// subfolders).
fn list_folder(dir: &Path) -> std::io::Result<(Vec<PathBuf>, Vec<String>)> {
    let mut found = Vec::new();
    let mut others = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() || is_companion(&name) {
            continue;
        }
        if path.extension().is_some_and(|e| e == "gavel") {
            found.push(path);
        } else {
            others.push(name);
        }
    }
    found.sort();
    others.sort();
    Ok((found, others))
}

/// The meetings the files name, and the archive's if `--archive` is given;
/// how many files could not be read.
fn read_selected(selection: &Selection, lang: Lang) -> Result<(Rows, usize), CommandError> {
    let mut seen = Seen::new();
    let (mut rows, failed) = read_meetings(&selection.files, lang, &mut seen);
    if let Some(target) = &selection.archive {
        for meeting in super::archive::archived(target, lang)? {
            let archived = fill(words(lang).in_archive, &[&meeting.source]);
            match seen.first(&meeting.meeting_id, &archived) {
                Some(first) => eprintln!("gavel: {}", once(&archived, &first, lang)),
                None => rows.add_record(&meeting.source, &meeting.record, &meeting.done_on),
            }
        }
    }
    Ok((rows, failed))
}

/// The meetings read so far, by identity (the hash of a meeting's first
/// journal entry, the same in every copy of its file and in the archive),
/// with where each was read: a meeting named twice (a file and its copy, a
/// file and the folder holding it, a file and the archive) counts once.
struct Seen(HashMap<String, String>);

impl Seen {
    fn new() -> Seen {
        Seen(HashMap::new())
    }

    /// Where the meeting `id` was read before, if it was; else it is
    /// remembered as read from `source`.
    fn first(&mut self, id: &str, source: &str) -> Option<String> {
        match self.0.get(id) {
            Some(first) => Some(first.clone()),
            None => {
                self.0.insert(id.to_string(), source.to_string());
                None
            }
        }
    }
}

/// "b.gavel: the same meeting as a.gavel, counted once".
fn once(source: &str, first: &str, lang: Lang) -> String {
    fill(words(lang).same_meeting, &[source, first])
}

/// Reads every meeting the arguments name (a folder: its `*.gavel`
/// files), in the order given; says on the standard error which could not
/// be read and which files of a folder were left aside. The rows, and how
/// many could not be read.
fn read_meetings(args: &[PathBuf], lang: Lang, seen: &mut Seen) -> (Rows, usize) {
    let w = words(lang);
    let progress = Progress::working(lang.texts().cli_reading_meetings, lang);
    let say = |line: String| progress.say(&line);
    let mut rows = Rows::default();
    let mut failed = 0;
    let mut read = |path: &Path, rows: &mut Rows| match read_meeting(path, rows, seen, lang) {
        Ok(None) => true,
        Ok(Some(first)) => {
            say(format!(
                "gavel: {}",
                once(&path.display().to_string(), &first, lang)
            ));
            true
        }
        Err(error) => {
            say(format!(
                "gavel: {}: {}",
                path.display(),
                error.localized(lang)
            ));
            false
        }
    };
    for arg in args {
        if !arg.is_dir() {
            failed += usize::from(!read(arg, &mut rows));
            continue;
        }
        match list_folder(arg) {
            Ok((found, others)) => {
                if !others.is_empty() {
                    let count = others.len().to_string();
                    let names = others.join(", ");
                    let dir = arg.display().to_string();
                    say(format!(
                        "gavel: {}",
                        fill(w.skipped, &[&dir, &count, &names])
                    ));
                }
                if found.is_empty() {
                    say(format!(
                        "gavel: {}",
                        fill(w.none_in_folder, &[&arg.display().to_string()])
                    ));
                }
                for path in found {
                    failed += usize::from(!read(&path, &mut rows));
                }
            }
            Err(error) => {
                let error = CommandError::Read {
                    path: arg.display().to_string(),
                    error,
                };
                say(format!("gavel: {}", error.localized(lang)));
                failed += 1;
            }
        }
    }
    (rows, failed)
}

/// One meeting's rows, from its file opened as the other reading commands
/// open it (`OpenOptions::reader`: an observer that never writes, and
/// leaves no `-wal` or `-shm` behind when nobody else has the file open;
/// read-only in SQLite itself where it may not write).
/// The file must hold the record as it was written (`gavel check`: the
/// hash chain, the tables equal to the journal replayed), or it is left
/// out: a register is trusted as the records, and a table edited outside
/// gavel is not one. Times out of order (a clock that was behind) do not
/// leave a meeting out.
/// `Some(where it was read)` when the meeting was read before: its rows
/// are not added again.
fn read_meeting(
    path: &Path,
    rows: &mut Rows,
    seen: &mut Seen,
    lang: Lang,
) -> Result<Option<String>, CommandError> {
    let store = Store::open(path, OpenOptions::reader("gavel-register"))?;
    match store.verify_record() {
        Err(store::StoreError::Unhealthy(problem)) => {
            // The check's own words are English: the Vietnamese line
            // names the command that shows them.
            let said = match lang {
                Lang::En => fill(words(lang).unverified, &[&problem]),
                Lang::Vi => words(lang).unverified.to_string(),
            };
            return Err(CommandError::Refused(said));
        }
        checked => checked?,
    }
    let source = path.display().to_string();
    if let Some(first) = seen.first(&store.meeting_id()?, &source) {
        return Ok(Some(first));
    }
    let done_on = action_done_dates(&store)?;
    rows.add_record(&source, store.record(), &done_on);
    Ok(None)
}

struct Words {
    bad_period: &'static str,
    backwards: &'static str,
    skipped: &'static str,
    none_in_folder: &'static str,
    failed: &'static str,
    same_meeting: &'static str,
    in_archive: &'static str,
    unverified: &'static str,
}

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &Words {
            bad_period: "not a period: {}; write a month (2026-03), a quarter (2026-Q1), a half year (2026-H1), the first months of a year (2026-9M) or a year (2026)",
            backwards: "the first day (--from) comes after the last (--to)",
            skipped: "{0}: left aside {1} {1:file|files} that {1:is|are} not a meeting file (*.gavel): {2}",
            none_in_folder: "{}: no meeting file (*.gavel) in this folder",
            failed: "{0} {0:file|files} could not be read (named above); the others are listed",
            same_meeting: "{}: the same meeting as {} (a copy, or named twice): counted once",
            in_archive: "{} in the archive",
            unverified: "does not pass its check ({}): left out; run gavel check on it",
        },
        Lang::Vi => &Words {
            bad_period: "không phải kỳ báo cáo: {}; hãy ghi một tháng (2026-03), một quý (2026-Q1), nửa năm (2026-H1), những tháng đầu năm (2026-9M) hoặc một năm (2026)",
            backwards: "ngày đầu (--from) sau ngày cuối (--to)",
            skipped: "{0}: bỏ qua {1} tệp không phải tệp cuộc họp (*.gavel): {2}",
            none_in_folder: "{}: thư mục không có tệp cuộc họp (*.gavel) nào",
            failed: "{0} tệp không đọc được (nêu ở trên); các tệp còn lại vẫn được liệt kê",
            same_meeting: "{}: cùng một cuộc họp với {} (bản sao, hoặc được nêu hai lần): chỉ tính một lần",
            in_archive: "{} trong kho lưu trữ",
            unverified: "tệp không qua được bước kiểm tra nên không được đưa vào; hãy chạy gavel check với tệp này để biết chỗ sai",
        },
    }
}
