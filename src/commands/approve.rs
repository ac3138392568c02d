//! `gavel approve FILE`: the minutes are read out and approved.

use super::{CommandError, open_options, open_to_write};
use crate::cli::ApproveArgs;
use crate::config::Settings;
use crate::domain::Command;
use crate::i18n::fill;

pub fn approve(args: ApproveArgs, settings: &Settings) -> Result<(), CommandError> {
    let options = open_options(&args.writer.identity, settings.role.value, settings);
    let mut store = open_to_write(&args.file, options)?;
    let texts = settings.lang.value.texts();
    // Said, not refused: whoever approves may know why they are unchecked.
    let unchecked = store.record().roll_call().unchecked;
    let committed = store.execute(Command::ApproveMinutes)?;
    if unchecked > 0 {
        eprintln!(
            "{}",
            fill(texts.cli_approved_unchecked, &[&unchecked.to_string()])
        );
    }
    println!(
        "{}",
        fill(texts.cli_approved, &[&committed.seq.to_string()])
    );
    Ok(())
}
