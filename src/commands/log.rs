//! `gavel log FILE [--follow] [--format text|json|csv]`: the journal,
//! human-readable, or for programs.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

use super::{CommandError, STDOUT, output_error};
use crate::cli::{LogArgs, LogFormat};
use crate::config::Settings;
use crate::domain::Record;
use crate::export::Quote;
use crate::export::csv::BOM;
use crate::export::log::{csv_header, csv_row, format_entry, json_line};
use crate::i18n::Lang;
use crate::store::{self, OpenOptions, Store};

pub fn log(args: LogArgs, settings: &Settings) -> Result<(), CommandError> {
    let lang = settings.lang.value;
    let mut store = Store::open(&args.file, OpenOptions::reader("gavel-log"))?;
    let stdout = io::stdout();
    let mut printer = Printer {
        format: args.format,
        lang,
        // On a terminal a line fits the screen; into a pipe or a file,
        // nothing is cut.
        quote: if stdout.is_terminal() {
            Quote::Short
        } else {
            Quote::Whole
        },
        out: io::BufWriter::new(stdout.lock()),
        record: Record::default(),
    };
    let entries = store.entries_after(0)?;
    let written = printer.start().and_then(|()| printer.entries(entries));
    if let Some(result) = finished(written) {
        return result;
    }
    if !args.follow {
        return Ok(());
    }
    loop {
        std::thread::sleep(Duration::from_millis(100));
        let entries = store.poll()?;
        if let Some(result) = finished(printer.entries(entries)) {
            return result;
        }
    }
}

/// `None` to go on; the end when writing failed. A reader that stopped
/// reading (`gavel log FILE | head`) ends the log quietly, as a pipe's
/// tools do (`main` lets SIGPIPE end gavel; this is for a parent that
/// made gavel ignore it).
fn finished(written: io::Result<()>) -> Option<Result<(), CommandError>> {
    match written {
        Ok(()) => None,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Some(Ok(())),
        Err(error) => Some(Err(output_error(Path::new(STDOUT))(error))),
    }
}

/// Prints entries as they come, replaying them into `record` so names can
/// be looked up.
struct Printer<W: Write> {
    format: LogFormat,
    lang: Lang,
    quote: Quote,
    out: W,
    record: Record,
}

impl<W: Write> Printer<W> {
    /// What comes before the first entry: for CSV, the byte order mark
    /// and the header row.
    fn start(&mut self) -> io::Result<()> {
        if self.format == LogFormat::Csv {
            self.out.write_all(BOM.as_bytes())?;
            self.row(csv_header(self.lang).map(String::from))?;
        }
        self.out.flush()
    }

    fn entries(&mut self, entries: Vec<store::JournalEntry>) -> io::Result<()> {
        for entry in entries {
            let record = &self.record;
            match self.format {
                LogFormat::Text => {
                    let line = format_entry(record, &entry, self.lang, self.quote);
                    writeln!(self.out, "{line}")?;
                }
                LogFormat::Json => writeln!(self.out, "{}", json_line(record, &entry, self.lang))?,
                LogFormat::Csv => {
                    let row = csv_row(record, &entry, self.lang);
                    self.row(row)?;
                }
            }
            self.record.apply(entry.seq, &entry.event);
        }
        // With --follow, each batch is seen as soon as it is committed.
        self.out.flush()
    }

    fn row(&mut self, cells: [String; 6]) -> io::Result<()> {
        let mut writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut self.out);
        writer.write_record(cells)?;
        writer.flush()
    }
}
