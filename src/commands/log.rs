//! `gavel log FILE [--follow]`: the journal, human-readable.

use std::time::Duration;

use super::CommandError;
use crate::cli::LogArgs;
use crate::config::Settings;
use crate::domain::Record;
use crate::export::log::format_entry;
use crate::i18n::Lang;
use crate::store::{self, OpenOptions, Store};

pub fn log(args: LogArgs, settings: &Settings) -> Result<(), CommandError> {
    let lang = settings.lang.value;
    let mut store = Store::open(&args.file, OpenOptions::reader("gavel-log"))?;
    let mut record = Record::default();
    print_entries(&mut record, store.entries_after(0)?, lang);
    if !args.follow {
        return Ok(());
    }
    loop {
        std::thread::sleep(Duration::from_millis(100));
        print_entries(&mut record, store.poll()?, lang);
    }
}

/// Prints entries, replaying them into `record` so names can be looked up.
fn print_entries(record: &mut Record, entries: Vec<store::JournalEntry>, lang: Lang) {
    for entry in entries {
        println!("{}", format_entry(record, &entry, lang));
        record.apply(entry.seq, &entry.event);
    }
}
