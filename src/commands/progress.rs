//! A line of progress on stderr for long work (generating the large demo,
//! an import, an export): a sign of life, drawn only when stderr is a
//! terminal and `--quiet` was not given, and cleared when the work ends, so
//! that what is left on the screen is what the command has to say.

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use crate::export::minutes::count;
use crate::i18n::Lang;

/// `--quiet`, for the whole run: set once by `commands::run` before any
/// work, so that the few places that show progress need not carry it.
static QUIET: AtomicBool = AtomicBool::new(false);

pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// Whether notes and progress on stderr are to be left out.
pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// How often the line is redrawn (and the spinner turns) while the work
/// itself says nothing.
const TICK: Duration = Duration::from_millis(120);

/// One piece of long work under way; hidden when nobody would see it.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// Nothing shown (work with no progress to show).
    pub fn none() -> Progress {
        Progress { bar: None }
    }

    /// Work of a known size: `what`, a bar, done of `total` (counted in
    /// `lang`'s way: 12.000/200.000 in Vietnamese) and the time so far.
    pub fn counted(what: &str, total: u64, lang: Lang) -> Progress {
        let template = "{spinner} {msg} {bar:24} {done} {time}";
        Progress::start(what, Some(total), template, lang)
    }

    /// Output of an unknown size: `what`, the bytes written so far and the
    /// time.
    pub fn writing(what: &str, lang: Lang) -> Progress {
        Progress::start(what, None, "{spinner} {msg} {written}{time}", lang)
    }

    /// Work with nothing to count: `what` and the time so far.
    pub fn working(what: &str, lang: Lang) -> Progress {
        Progress::start(what, None, "{spinner} {msg} {time}", lang)
    }

    fn start(what: &str, total: Option<u64>, template: &str, lang: Lang) -> Progress {
        if !shown() {
            return Progress::none();
        }
        let Ok(style) = ProgressStyle::with_template(template) else {
            return Progress::none();
        };
        let style = style
            .tick_strings(&["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏", " "])
            .progress_chars("█▌ ")
            .with_key(
                "done",
                move |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let total = state.len().unwrap_or(0);
                    let _ = write!(w, "{}/{}", count(state.pos(), lang), count(total, lang));
                },
            )
            .with_key(
                "written",
                move |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    // Nothing yet while a Word document is made whole before
                    // it is written: "0.0 MB" would look like a stall.
                    if state.pos() > 0 {
                        let _ = write!(w, "{} ", megabytes(state.pos(), lang));
                    }
                },
            )
            .with_key(
                "time",
                |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let seconds = state.elapsed().as_secs();
                    let _ = write!(w, "{}:{:02}", seconds / 60, seconds % 60);
                },
            );
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr_with_hz(8));
        bar.set_style(style);
        bar.set_message(crate::domain::text::sanitize_for_screen(what).into_owned());
        bar.enable_steady_tick(TICK);
        Progress { bar: Some(bar) }
    }

    /// So much done, of the total given to `counted`.
    pub fn set(&self, done: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(done);
        }
    }

    /// So much more done (bytes written, for `writing`).
    pub fn add(&self, more: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(more);
        }
    }

    /// A line on stderr, above the progress line if one is drawn (which
    /// would otherwise be cut through).
    pub fn say(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Whether anything is drawn (a writer need not count otherwise).
    pub fn shown(&self) -> bool {
        self.bar.is_some()
    }

    /// Writes through `inner`, counting the bytes on this line.
    pub fn counting<'a>(&'a self, inner: &'a mut dyn Write) -> Counting<'a> {
        Counting {
            inner,
            progress: self,
            uncounted: 0,
        }
    }
}

impl Drop for Progress {
    /// The line goes when the work ends, whether it succeeded or not: an
    /// error is then said on a clean line.
    fn drop(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

/// A writer that shows on a `Progress` how much has gone through it.
pub struct Counting<'a> {
    inner: &'a mut dyn Write,
    progress: &'a Progress,
    /// Bytes written since the line was last told: it is told every
    /// `COUNT_EVERY` bytes, not on each of the many small writes.
    uncounted: u64,
}

const COUNT_EVERY: u64 = 256 * 1024;

impl Counting<'_> {
    fn count(&mut self, bytes: usize) {
        self.uncounted += bytes as u64;
        if self.uncounted >= COUNT_EVERY {
            self.progress.add(std::mem::take(&mut self.uncounted));
        }
    }
}

impl Write for Counting<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.count(written);
        Ok(written)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf)?;
        self.count(buf.len());
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl Drop for Counting<'_> {
    fn drop(&mut self) {
        self.progress.add(self.uncounted);
    }
}

/// Progress is drawn for a person watching stderr, never into a file or a
/// pipe, nor on a terminal that cannot move its cursor.
fn shown() -> bool {
    !quiet()
        && io::stderr().is_terminal()
        && std::env::var_os("TERM").is_none_or(|term| term != "dumb")
}

/// Bytes as megabytes with one decimal: "12.3 MB", "12,3 MB".
fn megabytes(bytes: u64, lang: Lang) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    let decimal = match lang {
        Lang::En => '.',
        Lang::Vi => ',',
    };
    format!("{}{decimal}{} MB", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn megabytes_as_each_language_writes_them() {
        assert_eq!(megabytes(0, Lang::En), "0.0 MB");
        assert_eq!(megabytes(12_345_678, Lang::En), "12.3 MB");
        assert_eq!(megabytes(12_355_678, Lang::Vi), "12,4 MB");
    }
}
