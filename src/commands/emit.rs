//! Where a command's output goes: a file, whole or not at all
//! (`crate::export::output`), or the standard output.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use super::output::write_whole;
use super::{CommandError, STDOUT, output_error};
use crate::i18n::Lang;

/// Where `-o` writes: `None` for the standard output (no `-o`, or `-o -`).
pub fn destination(out: Option<&Path>) -> Option<&Path> {
    out.filter(|path| *path != Path::new("-"))
}

/// Writes what `write` produces to `out`, whole or not at all, or to the
/// standard output (`None`, or `-`).
pub fn emit(
    out: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), CommandError> {
    match destination(out) {
        Some(path) => write_whole(path, write).map_err(output_error(path)),
        None => {
            let stdout = io::stdout();
            let mut lock = stdout.lock();
            write(&mut lock).map_err(output_error(Path::new(STDOUT)))
        }
    }
}

/// A document (the minutes, the notice, the follow-up report): Markdown
/// to `out` or the standard output, or, when `word`, a Word file to `out`
/// or to the standard output when it is not a terminal (a pipe, a file):
/// on a terminal, a usage error before anything is made or written.
pub fn emit_document(
    out: Option<&Path>,
    word: bool,
    lang: Lang,
    markdown: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    docx: impl FnOnce() -> io::Result<Vec<u8>>,
) -> Result<(), CommandError> {
    if !word {
        return emit(out, markdown);
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
    emit(out, |w| w.write_all(&document))
}
