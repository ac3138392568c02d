//! Where a command's output goes: a file, whole or not at all
//! (`crate::export::output`), or the standard output.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use super::output::write_whole;
use super::progress::Progress;
use super::{CommandError, STDOUT, output_error, stdout_name};
use crate::i18n::{Lang, fill};

/// Where `-o` writes: `None` for the standard output (no `-o`, or `-o -`).
pub fn destination(out: Option<&Path>) -> Option<&Path> {
    out.filter(|path| *path != Path::new("-"))
}

/// A progress line for writing to `out` ("writing bien-ban.docx"): none
/// when the output goes to the terminal stderr shares, where the line
/// would be drawn over the text.
pub fn progress(out: Option<&Path>, lang: Lang) -> Progress {
    let shown = match destination(out) {
        Some(path) => path.display().to_string(),
        None if io::stdout().is_terminal() => return Progress::none(),
        None => stdout_name(lang).to_string(),
    };
    Progress::writing(&fill(lang.texts().cli_writing, &[&shown]), lang)
}

/// Writes what `write` produces to `out`, whole or not at all, or to the
/// standard output (`None`, or `-`), counting the bytes on `progress`.
pub fn emit(
    out: Option<&Path>,
    progress: &Progress,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), CommandError> {
    let counted = |w: &mut dyn Write| {
        if progress.shown() {
            write(&mut progress.counting(w))
        } else {
            write(w)
        }
    };
    match destination(out) {
        Some(path) => write_whole(path, counted).map_err(output_error(path)),
        None => {
            let stdout = io::stdout();
            let mut lock = stdout.lock();
            counted(&mut lock).map_err(output_error(Path::new(STDOUT)))
        }
    }
}

/// A document (the minutes, the notice, the follow-up report): Markdown
/// to `out` or the standard output, or, when `word`, a Word file to `out`
/// or to the standard output when it is not a terminal (a pipe, a file):
/// on a terminal, a usage error before anything is made or written.
pub fn emit_document(
    out: Option<&Path>,
    progress: &Progress,
    word: bool,
    lang: Lang,
    markdown: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    docx: impl FnOnce() -> io::Result<Vec<u8>>,
) -> Result<(), CommandError> {
    if !word {
        return emit(out, progress, markdown);
    }
    let to = destination(out);
    let path = to.unwrap_or(Path::new(STDOUT));
    if to.is_none() && io::stdout().is_terminal() {
        return Err(CommandError::Usage(
            lang.texts().cli_docx_needs_output.into(),
        ));
    }
    // The package is made whole (its compressed size) before it is
    // written: the zip's directory is written last, after seeking back.
    let document = docx().map_err(output_error(path))?;
    emit(out, progress, |w| w.write_all(&document))
}
