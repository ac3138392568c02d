//! `gavel recover FILE RECOVERY`: applies what a console could not write.

use super::{CommandError, open_options, open_to_write, read_error};
use crate::cli::RecoverArgs;
use crate::config::Settings;
use crate::i18n::fill;
use crate::session::recovery::{self, Recovery, RecoveryError};

pub fn recover(args: RecoverArgs, settings: &Settings) -> Result<(), CommandError> {
    let texts = settings.lang.value.texts();
    let text = std::fs::read_to_string(&args.recovery).map_err(read_error(&args.recovery))?;
    let lang = settings.lang.value;
    let recovery = Recovery::parse(&text).map_err(|e| {
        CommandError::Input(format!(
            "{}: {}",
            args.recovery.display(),
            e.localized(lang)
        ))
    })?;
    // Recorded as the person running it, in the role their settings give
    // (not the role the file claims: anyone can write a recovery file).
    let options = open_options(&args.writer.identity, settings.role.value, settings);
    let mut store = open_to_write(&args.file, options)?;
    let done = recovery::apply(&mut store, &recovery).map_err(|error| {
        let message = match error {
            RecoveryError::OtherMeeting => texts.cli_other_meeting.to_string(),
            other => other.localized(lang),
        };
        CommandError::Input(format!("{}: {message}", args.recovery.display()))
    })?;
    println!(
        "{}",
        fill(
            texts.cli_recovered,
            &[&done.applied.to_string(), &done.drafts.to_string()]
        )
    );
    if done.already > 0 {
        println!(
            "{}",
            fill(texts.cli_already_recovered, &[&done.already.to_string()])
        );
    }
    for reason in &done.refused {
        println!(
            "{}",
            fill(texts.cli_refused_now, &[&reason.localized(lang)])
        );
    }
    Ok(())
}
