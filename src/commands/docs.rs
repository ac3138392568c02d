//! Shell completions and the man page, from the clap definitions.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::export::output::write_whole;
use crate::i18n::Lang;

pub fn completions(shell: clap_complete::Shell, lang: Lang) -> ExitCode {
    let mut command = crate::cli::localize::localize(Cli::command(), lang);
    clap_complete::generate(shell, &mut command, "gavel", &mut std::io::stdout());
    ExitCode::SUCCESS
}

/// The main page to the standard output, or every page into `dir`.
pub fn man(dir: Option<&Path>, lang: Lang) -> ExitCode {
    let written = match dir {
        None => crate::cli::localize::man_page(Cli::command(), lang)
            .and_then(|page| std::io::stdout().write_all(&page)),
        Some(dir) => write_pages(dir, lang),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let shown = dir.map_or_else(String::new, |d| format!("{}: ", d.display()));
            eprintln!("gavel: {shown}{}", crate::i18n::io_error(lang, &error));
            ExitCode::FAILURE
        }
    }
}

/// gavel.1 and a gavel-COMMAND.1 for each command, each whole or not at
/// all.
fn write_pages(dir: &Path, lang: Lang) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, page) in crate::cli::localize::man_pages(Cli::command(), lang)? {
        write_whole(&dir.join(format!("{name}.1")), |out| out.write_all(&page))?;
    }
    Ok(())
}
