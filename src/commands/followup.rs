//! `gavel followup FILE`: written replies, escalations and actions still
//! open, and closing them as the replies go out.

use super::{CommandError, date_arg, not_found, open_options, open_to_write};
use crate::cli::FollowupArgs;
use crate::config::Settings;
use crate::domain::text::sanitize;
use crate::domain::{Action, ActionStatus, Command, Role};
use crate::i18n::{Texts, fill};
use crate::store::{self, Store};

pub fn followup(args: FollowupArgs, settings: &Settings) -> Result<(), CommandError> {
    let lang = settings.lang.value;
    let texts = lang.texts();
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
            .ok_or_else(|| not_found("issue", number))?;
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
            .ok_or_else(|| not_found("action", number))?;
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
        print!(
            "{}",
            crate::export::followup::followup_report(store.record(), today, lang, args.overdue)
        );
    }
    Ok(())
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
