//! `gavel followup FILE`: written replies, escalations and actions still
//! open, and closing them as the replies go out; with `--format md|docx`
//! the follow-up report for leadership, with `--format csv` one table of
//! everything followed up.

use std::io::IsTerminal;

use chrono::NaiveDate;

use super::emit::{destination, emit, emit_document, progress};
use super::output::{self, Clash};
use super::{CommandError, date_arg, not_found, open_options, open_to_write};
use crate::cli::{FollowupArgs, FollowupFormat};
use crate::config::Settings;
use crate::domain::text::sanitize;
use crate::domain::{Action, ActionStatus, Command, Role};
use crate::export::Quote;
use crate::export::followup_csv::write_followup_csv;
use crate::export::followup_json::write_followup_json;
use crate::export::minutes::FollowupReport;
use crate::export::tracking::{Tracking, action_done_dates};
use crate::i18n::{Lang, Texts, fill};
use crate::store::{self, Store};

pub fn followup(args: FollowupArgs, settings: &Settings) -> Result<(), CommandError> {
    let lang = settings.lang.value;
    let texts = lang.texts();
    refuse_meeting_output(&args, lang)?;
    let writes = args.close_issue.is_some() || args.close_action.is_some();
    let role = if writes {
        settings.role.value
    } else {
        Role::Observer
    };
    let mut store = if writes {
        open_to_write(
            &args.file,
            open_options(&args.writer.identity, role, settings),
        )?
    } else {
        Store::open(
            &args.file,
            crate::store::OpenOptions::reader("gavel-followup"),
        )?
    };
    let details = store.record().meeting.details.clone();
    let today = match &args.today {
        Some(text) => date_arg(text, lang)?,
        None => crate::domain::clock::local_date(&details, store::now()),
    };
    let on = match &args.on {
        Some(text) => date_arg(text, lang)?,
        None => today,
    };
    let reference = args.reference.clone().unwrap_or_default();
    if let Some(number) = args.close_issue {
        let id = store
            .record()
            .issues
            .values()
            .find(|i| i.number == number)
            .map(|i| i.id)
            .ok_or_else(|| not_found(crate::domain::Kind::Issue, number))?;
        store.execute(Command::CloseIssue {
            id,
            on,
            closing_ref: reference.clone(),
        })?;
        let day = on.format("%d/%m/%Y").to_string();
        println!(
            "{}",
            fill(
                texts.cli_issue_closed,
                &[&number.to_string(), &reference, &day]
            )
        );
    }
    if let Some(number) = args.close_action {
        let record = store.record();
        let (_, action) = crate::export::followup::action_numbers(record)
            .into_iter()
            .find(|(n, _)| *n == number)
            .ok_or_else(|| not_found(crate::domain::Kind::Action, number))?;
        refuse_replacing_a_reply(action, number, texts)?;
        let command = Command::EditAction {
            id: action.id,
            base_rev: action.rev,
            fields: crate::domain::ActionFields {
                title: action.title.clone(),
                owner: action.owner.clone(),
                issue: action.issue,
                due: action.due,
                status: crate::domain::ActionStatus::Done,
                completion_ref: reference.clone(),
            },
        };
        store.execute(command)?;
        println!(
            "{}",
            fill(texts.cli_action_done, &[&number.to_string(), &reference])
        );
    }
    if !writes {
        let overdue = write_followup(&store, &args, today, lang)?;
        if args.overdue && overdue > 0 {
            return Err(CommandError::Overdue(overdue));
        }
    }
    Ok(())
}

/// The list, the report, the table or the JSON document, as `--format`
/// asks, to `-o` or the standard output (a Word report to `-o` only); how
/// many things are overdue.
fn write_followup(
    store: &Store,
    args: &FollowupArgs,
    today: NaiveDate,
    lang: Lang,
) -> Result<usize, CommandError> {
    let record = store.record();
    let out = args.output.as_deref();
    let progress = progress(out, lang);
    if args.format == FollowupFormat::Text {
        // Cut to a screen only on a terminal: into a pipe or a file,
        // nothing is lost.
        let quote = match destination(out) {
            None if std::io::stdout().is_terminal() => Quote::Short,
            _ => Quote::Whole,
        };
        let text = crate::export::followup::followup_report_quoting(
            record,
            today,
            lang,
            args.overdue,
            quote,
        );
        emit(out, &progress, |w| w.write_all(text.as_bytes()))?;
        if !args.overdue {
            // Nobody asked how many are overdue: the journal is not read.
            return Ok(0);
        }
    }
    let done_on = action_done_dates(store)?;
    let tracking = Tracking::of(record, &done_on, today, args.overdue);
    match args.format {
        FollowupFormat::Text => {}
        FollowupFormat::Csv => emit(out, &progress, |w| {
            write_followup_csv(record, &tracking, lang, w)
        })?,
        FollowupFormat::Json => emit(out, &progress, |w| {
            write_followup_json(record, &tracking, w)
        })?,
        FollowupFormat::Md | FollowupFormat::Docx => {
            let report = FollowupReport::of(record, &tracking, lang);
            emit_document(
                out,
                &progress,
                args.format == FollowupFormat::Docx,
                lang,
                |w| report.write_markdown(w),
                || report.docx(),
            )?;
        }
    }
    Ok(tracking.counts().overdue)
}

/// A usage error, before the meeting is even opened, when `-o` names this
/// meeting, a file SQLite keeps beside it, or another meeting.
fn refuse_meeting_output(args: &FollowupArgs, lang: Lang) -> Result<(), CommandError> {
    let Some(out) = destination(args.output.as_deref()) else {
        return Ok(());
    };
    let Some(clash) = output::clash(out, &args.file) else {
        return Ok(());
    };
    let text = match clash {
        Clash::ThisMeeting => lang.texts().cli_output_is_this_meeting,
        Clash::AnotherMeeting => lang.texts().cli_output_is_a_meeting,
    };
    Err(CommandError::Usage(fill(
        text,
        &[&out.display().to_string()],
    )))
}

/// An action already done keeps the reference of its reply: closing it
/// again would replace that reference without a word. (One done without a
/// reference can still be given one: nothing is replaced.)
fn refuse_replacing_a_reply(
    action: &Action,
    number: u32,
    texts: &Texts,
) -> Result<(), CommandError> {
    if action.status == ActionStatus::Done && !action.completion_ref.is_empty() {
        let existing = sanitize(&action.completion_ref);
        return Err(CommandError::Refused(fill(
            texts.cli_action_already_done,
            &[&number.to_string(), &existing],
        )));
    }
    Ok(())
}
