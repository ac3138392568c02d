//! Shell completions and the man page, from the clap definitions.

use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::i18n::Lang;

pub fn completions(shell: clap_complete::Shell, lang: Lang) -> ExitCode {
    let mut command = crate::cli::localize::localize(Cli::command(), lang);
    clap_complete::generate(shell, &mut command, "gavel", &mut std::io::stdout());
    ExitCode::SUCCESS
}

pub fn man(lang: Lang) -> ExitCode {
    use std::io::Write;
    let page = crate::cli::localize::man_page(Cli::command(), lang);
    match page.and_then(|page| std::io::stdout().write_all(&page)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gavel: {error}");
            ExitCode::FAILURE
        }
    }
}
