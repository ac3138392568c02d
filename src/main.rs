//! The `gavel` binary: parses the command line (in the user's language)
//! and hands it to `commands`.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use gavel::cli::{Cli, CliCommand};
use gavel::commands::{Startup, USAGE};
use gavel::config::{self, ConfigFile, Flags};
use gavel::i18n::{Lang, fill};

fn main() -> ExitCode {
    // Rust ignores SIGPIPE; a command piped into `head` should just stop.
    // SAFETY: setting a signal's disposition to its default at start-up,
    // before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let argv: Vec<OsString> = std::env::args_os().collect();
    // The config file is read before the command line is parsed (it may
    // set the language of --help): `--config PATH` is found by hand and
    // read as GAVEL_CONFIG would be, which it outranks.
    let config_flag = early_config(&argv);
    let env = |name: &str| match (name, &config_flag) {
        ("GAVEL_CONFIG", Some(path)) => Some(path.clone()),
        _ => config::process_env(name),
    };
    let loaded = config::load(&env);
    let help_lang = early_lang(&argv, loaded.as_ref().ok().map(|(file, _)| file));
    let mut command = gavel::cli::localize::localize(Cli::command(), help_lang);
    let cli = match command
        .try_get_matches_from_mut(&argv)
        .and_then(|matches| console_flags_alone(&command, &matches, help_lang).map(|()| matches))
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(error) => return clap_exit(&error, help_lang),
    };
    // Commands that do not need the config work even when it is broken.
    match &cli.command {
        Some(CliCommand::Completions(args)) => {
            return gavel::commands::completions(args.shell, help_lang);
        }
        Some(CliCommand::Man(args)) => return gavel::commands::man(args.dir.as_deref(), help_lang),
        // The doctor reports a broken config file as one of its lines.
        Some(CliCommand::Doctor(args)) => {
            let state = gavel::commands::ConfigState {
                loaded: loaded.as_ref().map(|(file, _)| file),
                flag: cli.config.as_deref(),
            };
            return gavel::commands::doctor(args, &state, help_lang);
        }
        _ => {}
    }
    let (file, config_path) = match loaded {
        Ok(loaded) => loaded,
        Err(error) => {
            let message = error.localized(help_lang);
            eprintln!("gavel: {message}");
            return ExitCode::from(USAGE);
        }
    };
    let startup = Startup { file, config_path };
    gavel::commands::run(cli, &startup)
}

/// The console's flags (and `gavel FILE`) given before a subcommand would be
/// ignored by it; say so rather than drop them silently.
fn console_flags_alone(
    command: &clap::Command,
    matches: &clap::ArgMatches,
    lang: Lang,
) -> Result<(), clap::Error> {
    let Some((sub, _)) = matches.subcommand() else {
        return Ok(());
    };
    let given = command
        .get_arguments()
        .filter(|arg| !arg.is_global_set())
        .find(|arg| {
            matches.value_source(arg.get_id().as_str())
                == Some(clap::parser::ValueSource::CommandLine)
        });
    match given {
        None => Ok(()),
        Some(arg) => {
            let name = arg.get_long().map_or_else(
                || arg.get_id().to_string().to_uppercase(),
                |long| format!("--{long}"),
            );
            Err(command.clone().error(
                clap::error::ErrorKind::ArgumentConflict,
                fill(lang.texts().cli_console_flag_alone, &[&name, sub, &name]),
            ))
        }
    }
}

/// Prints what clap has to say (help, version, a usage error) in `lang`,
/// and exits as clap would: 0 for help and version, 2 for an error.
fn clap_exit(error: &clap::Error, lang: Lang) -> ExitCode {
    use std::io::Write;
    if lang == Lang::En {
        error.exit(); // clap's own way, in colour on a terminal
    }
    // Plain text, so clap's phrases can be found and translated.
    let text = gavel::cli::localize::clap_output(&error.render().to_string(), lang);
    let written = if error.use_stderr() {
        std::io::stderr().write_all(text.as_bytes())
    } else {
        std::io::stdout().write_all(text.as_bytes())
    };
    drop(written);
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(USAGE))
}

/// The value of `--config PATH` or `--config=PATH` among the arguments.
fn early_config(argv: &[OsString]) -> Option<String> {
    let mut args = argv.iter().skip(1).filter_map(|a| a.to_str());
    let mut found = None;
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        match arg.strip_prefix("--config") {
            Some("") => found = args.next().map(str::to_string),
            Some(rest) if rest.starts_with('=') => found = Some(rest[1..].to_string()),
            _ => {}
        }
    }
    found
}

/// The language for `--help`, before the command line is parsed: a
/// `--lang` among the arguments, else `GAVEL_LANG`, the config file, the
/// locale.
fn early_lang(argv: &[OsString], file: Option<&ConfigFile>) -> Lang {
    let mut args = argv.iter().filter_map(|a| a.to_str());
    let mut flag = None;
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        match value {
            Some("vi") => flag = Some(Lang::Vi),
            Some("en") => flag = Some(Lang::En),
            _ => {}
        }
    }
    let flags = Flags {
        lang: flag,
        ..Flags::default()
    };
    let empty = ConfigFile::default();
    config::resolve(file.unwrap_or(&empty), &config::process_env, &flags)
        .map_or_else(|_| flag.unwrap_or_else(Lang::from_env), |s| s.lang.value)
}
