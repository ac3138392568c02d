//! Where a command's output goes: a file, whole or not at all
//! (`crate::export::output`), or the standard output.

use std::io::{self, Write};
use std::path::Path;

use super::output::write_whole;
use super::{CommandError, STDOUT, output_error};
use crate::i18n::Lang;

/// Writes what `write` produces to `out`, whole or not at all, or to the
/// standard output.
pub fn emit(
    out: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), CommandError> {
    match out {
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
/// only (a usage error without it, before anything is made or written).
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
    let Some(path) = out else {
        return Err(CommandError::Usage(
            lang.texts().cli_docx_needs_output.into(),
        ));
    };
    let document = docx().map_err(output_error(path))?;
    emit(Some(path), |w| w.write_all(&document))
}
