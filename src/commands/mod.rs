//! The subcommands, one file each; this module dispatches the parsed command
//! line to them, resolves the settings each needs, and reports a failure
//! as one line in the user's language, with the exit code it deserves.

mod approve;
mod archive;
mod check;
mod config;
mod console;
mod docs;
mod doctor;
mod emit;
mod export;
mod followup;
mod import;
mod log;
mod new;
mod progress;
use crate::export::output;
mod recover;
mod register;

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::CommandFactory;

use crate::cli::{Cli, CliCommand, ConsoleArgs, Identity, RoleArg, SyncMode, Writer};
use crate::config::{self as settings, ConfigFile, Flags, Settings};
use crate::domain::Role;
use crate::i18n::{Lang, fill};
use crate::plans::PlanError;
use crate::store::{Durability, ImportError, OpenOptions, Store, StoreError};
pub use docs::{completions, man};
pub use doctor::{ConfigState, doctor};
pub use new::{MeetingFlags, new_from_plan};

/// Exit codes: 0 done; 1 the work failed (a file missing or damaged, a
/// refusal, a bad input file); 2 a usage error (flags, the config file, an
/// environment variable); 3, 4, 5, 6 from `gavel check`.
pub const USAGE: u8 = 2;

#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Import(#[from] ImportError),
    #[error("{0}")]
    Plan(#[from] PlanError),
    #[error("{path}: {error}")]
    Output { path: String, error: io::Error },
    /// A file the command reads (a list, a plan, an export, a recovery
    /// file) could not be read.
    #[error("{path}: {error}")]
    Read { path: String, error: io::Error },
    #[error("{0}")]
    Config(#[from] crate::config::ConfigError),
    /// A bad input file (a plan, a list, a recovery file).
    #[error("{0}")]
    Input(String),
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// The record refuses what the command asks (exit 1, like a refusal of
    /// its rules).
    #[error("{0}")]
    Refused(String),
    /// The console was asked for where there is no terminal.
    #[error("no terminal")]
    NoTerminal,
    /// `followup --overdue` found this many things overdue: its output is
    /// written, and the exit status says so (1).
    #[error("{0} overdue")]
    Overdue(usize),
}

/// The config file as read at start-up.
pub struct Startup {
    pub file: ConfigFile,
    pub config_path: Option<PathBuf>,
}

impl Startup {
    fn settings(&self, flags: Flags) -> Result<Settings, CommandError> {
        Ok(settings::resolve(
            &self.file,
            &settings::process_env,
            &flags,
        )?)
    }
}

pub fn run(cli: Cli, startup: &Startup) -> ExitCode {
    progress::set_quiet(cli.quiet);
    let lang = cli.lang.map(Lang::from);
    let Some(command) = cli.command else {
        if let Some(file) = &cli.file {
            return with_settings(startup, console_flags(&cli.console, lang), file, |s| {
                console::open(file, &cli.console, s)
            });
        }
        let lang = startup
            .settings(lang_only(lang))
            .map_or(Lang::En, |s| s.lang.value);
        // A short usage on stderr, as other tools do (the whole help is
        // `gavel --help`); through `clap_output`, clap's own words
        // translated.
        let usage = crate::cli::localize::localize(Cli::command(), lang).render_usage();
        eprintln!(
            "{}\n{}",
            crate::cli::localize::clap_output(&usage.to_string(), lang),
            lang.texts().cli_bare_usage
        );
        return ExitCode::from(USAGE);
    };
    match command {
        CliCommand::Open(args) => with_settings(
            startup,
            console_flags(&args.console, lang),
            &args.file,
            |s| console::open(&args.file, &args.console, s),
        ),
        CliCommand::Demo(args) => {
            let path = args.file.clone().unwrap_or_else(console::fresh_demo_path);
            with_settings(startup, console_flags(&args.console, lang), &path, |s| {
                console::demo(&path, &args.console, args.size, s)
            })
        }
        CliCommand::New(args) => {
            let flags = identity_flags(&args.identity, lang);
            with_settings(startup, flags, &args.file.clone(), |s| new::new(args, s))
        }
        CliCommand::Review(args) => {
            let flags = Flags {
                lang,
                color: args.color,
                no_mouse: args.no_mouse,
                ..Flags::default()
            };
            with_settings(startup, flags, &args.file.clone(), |s| {
                console::review(args, s)
            })
        }
        CliCommand::Recover(args) => {
            let flags = writer_flags(&args.writer, lang);
            with_settings(startup, flags, &args.file.clone(), |s| {
                recover::recover(args, s)
            })
        }
        CliCommand::Log(args) => {
            let flags = lang_only(lang);
            with_settings(startup, flags, &args.file.clone(), |s| log::log(args, s))
        }
        CliCommand::Export(args) => {
            with_settings(startup, lang_only(lang), &args.file.clone(), |s| {
                export::export(&args, s.lang.value)
            })
        }
        CliCommand::Import(args) => {
            let flags = writer_flags(&args.writer, lang);
            with_settings(startup, flags, &args.file.clone(), |s| {
                let options = open_options(&args.writer.identity, s.role.value, s);
                let done = import::import(
                    &args.file,
                    &args.source,
                    args.input_format,
                    options,
                    s.lang.value,
                )?;
                println!("{done}");
                Ok(())
            })
        }
        CliCommand::Approve(args) => {
            let flags = writer_flags(&args.writer, lang);
            with_settings(startup, flags, &args.file.clone(), |s| {
                approve::approve(args, s)
            })
        }
        CliCommand::Followup(args) => {
            let flags = writer_flags(&args.writer, lang);
            with_settings(startup, flags, &args.file.clone(), |s| {
                followup::followup(args, s)
            })
        }
        CliCommand::Register(args) => {
            register::run_many(startup, lang_only(lang), |s| register::register(args, s))
        }
        CliCommand::Report(args) => {
            register::run_many(startup, lang_only(lang), |s| register::report(args, s))
        }
        CliCommand::Check(args) => {
            let lang = startup
                .settings(lang_only(lang))
                .map_or(Lang::En, |s| s.lang.value);
            check::check(&args.file, args.fingerprint.as_deref(), args.format, lang)
        }
        CliCommand::Hall(args) => {
            with_settings(startup, lang_only(lang), &args.file.clone(), |s| {
                console::hall(args, s)
            })
        }
        CliCommand::Config(args) => {
            config::show_config(startup, console_flags(&args.console, lang), args.format)
        }
        CliCommand::Archive(args) => match args.action {
            crate::cli::ArchiveAction::Push(push) => {
                let flags = Flags {
                    name: push.name.clone(),
                    lang,
                    ..Flags::default()
                };
                // Each file's trouble is said with its name; what is left
                // (the archive unreachable) concerns them all.
                with_settings(startup, flags, Path::new(""), |s| archive::push(&push, s))
            }
        },
        CliCommand::Completions(args) => docs::completions(args.shell, lang.unwrap_or_default()),
        CliCommand::Man(args) => docs::man(args.dir.as_deref(), lang.unwrap_or_default()),
        // `main` runs it before the config file is judged.
        CliCommand::Doctor(args) => {
            let state = ConfigState {
                loaded: Ok(&startup.file),
                flag: cli.config.as_deref(),
            };
            let lang = startup
                .settings(lang_only(lang))
                .map_or(Lang::En, |s| s.lang.value);
            doctor::doctor(&args, &state, lang)
        }
    }
}

fn lang_only(lang: Option<Lang>) -> Flags {
    Flags {
        lang,
        ..Flags::default()
    }
}

/// A command that writes under your name: `--as` and `--lang`.
fn identity_flags(identity: &Identity, lang: Option<Lang>) -> Flags {
    Flags {
        name: identity.name.clone(),
        lang,
        ..Flags::default()
    }
}

/// A command that writes: `--as`, `--role` and `--lang`, resolved like the
/// console's (flag, environment, config file, default).
fn writer_flags(writer: &Writer, lang: Option<Lang>) -> Flags {
    Flags {
        name: writer.identity.name.clone(),
        role: writer.role.map(role),
        lang,
        ..Flags::default()
    }
}

fn console_flags(args: &ConsoleArgs, lang: Option<Lang>) -> Flags {
    Flags {
        name: args.identity.name.clone(),
        role: args.role.map(role),
        lang,
        color: args.color,
        no_mouse: args.no_mouse,
    }
}

/// Resolves the settings, runs `work`, and reports a failure as one line
/// naming the file, in the user's language.
fn with_settings(
    startup: &Startup,
    flags: Flags,
    path: &Path,
    work: impl FnOnce(&Settings) -> Result<(), CommandError>,
) -> ExitCode {
    let fallback = flags.lang.unwrap_or_else(Lang::from_env);
    let settings = match startup.settings(flags) {
        Ok(settings) => settings,
        Err(error) => return report(fallback, path, error),
    };
    match work(&settings) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => report(settings.lang.value, path, error),
    }
}

fn report(lang: Lang, path: &Path, error: CommandError) -> ExitCode {
    let message = error.localized(lang);
    match error {
        CommandError::Config(_) => eprintln!("gavel: {message}"),
        _ if path.as_os_str().is_empty() => eprintln!("gavel: {message}"),
        _ => eprintln!("gavel: {}: {message}", path.display()),
    }
    match error {
        CommandError::Usage(_) | CommandError::Config(_) => ExitCode::from(USAGE),
        _ => ExitCode::FAILURE,
    }
}

fn open_options(identity: &Identity, role: Role, settings: &Settings) -> OpenOptions {
    let mut options = OpenOptions::new(settings.name.value.clone(), role);
    options.durability = match identity.sync {
        SyncMode::Full => Durability::Full,
        SyncMode::Normal => Durability::Normal,
    };
    options
}

/// Opens a meeting to write to it, once it has passed its check: a damaged
/// or tampered file is refused, not written to.
pub(crate) fn open_to_write(path: &Path, options: OpenOptions) -> Result<Store, CommandError> {
    let store = Store::open(path, options)?;
    store.verify()?;
    Ok(store)
}

fn role(arg: RoleArg) -> Role {
    match arg {
        RoleArg::Chair => Role::Chair,
        RoleArg::Secretary => Role::Secretary,
        RoleArg::Observer => Role::Observer,
    }
}

/// A date given on the command line, dd/mm/yyyy or yyyy-mm-dd.
pub(crate) fn date_arg(text: &str, lang: Lang) -> Result<NaiveDate, CommandError> {
    crate::domain::dates::parse_date(text)
        .ok_or_else(|| CommandError::Usage(fill(lang.texts().cli_bad_date, &[text])))
}

fn not_found(kind: crate::domain::Kind, number: u32) -> CommandError {
    StoreError::Refused(crate::domain::DomainError::NotFound {
        kind,
        id: u64::from(number),
    })
    .into()
}

fn output_error(path: &Path) -> impl FnOnce(io::Error) -> CommandError + '_ {
    move |error| CommandError::Output {
        path: path.display().to_string(),
        error,
    }
}

/// What the standard output is called where a file's name would be.
const STDOUT: &str = "standard output";

/// The standard output, so named in `lang`.
fn stdout_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => STDOUT,
        Lang::Vi => "đầu ra chuẩn",
    }
}

/// And the standard input (`gavel import FILE -`), in `lang`.
fn stdin_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "standard input",
        Lang::Vi => "đầu vào chuẩn",
    }
}

fn read_error(path: &Path) -> impl FnOnce(io::Error) -> CommandError + '_ {
    move |error| CommandError::Read {
        path: path.display().to_string(),
        error,
    }
}

impl CommandError {
    /// The error in the user's language (the `Display` text is English).
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            CommandError::Store(error) => error.localized(lang),
            CommandError::Import(error) => error.localized(lang),
            CommandError::Plan(error) => error.localized(lang),
            CommandError::Output { path, error } if lang == Lang::Vi => {
                let path = if path == STDOUT {
                    stdout_name(lang)
                } else {
                    path
                };
                format!(
                    "{path}: không ghi được: {}",
                    crate::i18n::io_error(lang, error)
                )
            }
            CommandError::Read { path, error } if lang == Lang::Vi => {
                format!(
                    "{path}: không đọc được: {}",
                    crate::i18n::io_error(lang, error)
                )
            }
            CommandError::Output { path, error } | CommandError::Read { path, error } => {
                format!("{path}: {error}")
            }
            CommandError::Config(error) => error.localized(lang),
            CommandError::Input(message)
            | CommandError::Usage(message)
            | CommandError::Refused(message) => message.clone(),
            CommandError::NoTerminal => lang.texts().cli_no_terminal.to_string(),
            CommandError::Overdue(n) => {
                crate::i18n::fill(lang.texts().cli_overdue, &[&n.to_string()])
            }
        }
    }
}
