//! `gavel recover FILE RECOVERY`: applies what a console could not write.

use super::{CommandError, open_to_write};
use crate::cli::RecoverArgs;
use crate::config::Settings;
use crate::i18n::fill;
use crate::session::recovery::{self, Recovery};
use crate::store::OpenOptions;

pub fn recover(args: RecoverArgs, settings: &Settings) -> Result<(), CommandError> {
    let texts = settings.lang.value.texts();
    let text = std::fs::read_to_string(&args.recovery).map_err(|error| CommandError::Output {
        path: args.recovery.display().to_string(),
        error,
    })?;
    let recovery = Recovery::parse(&text)
        .map_err(|e| CommandError::Input(format!("{}: {e}", args.recovery.display())))?;
    let actor = args.name.clone().unwrap_or_else(|| recovery.actor.clone());
    let mut store = open_to_write(&args.file, OpenOptions::new(actor, recovery.role))?;
    let done = recovery::apply(&mut store, &recovery)
        .map_err(|e| CommandError::Input(format!("{}: {e}", args.recovery.display())))?;
    println!(
        "{}",
        fill(
            texts.cli_recovered,
            &[&done.applied.to_string(), &done.drafts.to_string()]
        )
    );
    for reason in &done.refused {
        println!("{}", fill(texts.cli_refused_now, &[reason]));
    }
    Ok(())
}
