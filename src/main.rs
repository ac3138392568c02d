use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches};

use gavel::app::App;
use gavel::cli::{
    ApproveArgs, Cli, CliCommand, ConsoleArgs, FollowupArgs, Identity, LogArgs, NewArgs,
    RecoverArgs, ReviewArgs, RoleArg, SyncMode,
};
use gavel::commands::{CommandError, MeetingFlags};
use gavel::config::{self, ConfigFile, Flags, Settings};
use gavel::console::{self, ConsoleOptions};
use gavel::domain::{Command, MeetingDetails, Record, Role};
use gavel::export::log::format_entry;
use gavel::i18n::{Lang, fill};
use gavel::store::{self, Durability, OpenOptions, Sharing, Store, StoreError};

/// Exit codes: 0 done; 1 the work failed (a file missing or damaged, a
/// refusal, a bad input file); 2 a usage error (flags, the config file, an
/// environment variable); 3, 4, 5 from `gavel check`.
const USAGE: u8 = 2;

fn main() -> ExitCode {
    // Rust ignores SIGPIPE; a command piped into `head` should just stop.
    // SAFETY: setting a signal's disposition to its default at start-up,
    // before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let env = config::process_env;
    let loaded = config::load(&env);
    let argv: Vec<OsString> = std::env::args_os().collect();
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
        Some(CliCommand::Completions(args)) => return completions(args.shell, help_lang),
        Some(CliCommand::Man) => return man(help_lang),
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
    let context = Context { file, config_path };
    run(cli, &context)
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

/// The config file as read at start-up.
struct Context {
    file: ConfigFile,
    config_path: Option<PathBuf>,
}

impl Context {
    fn settings(&self, flags: Flags) -> Result<Settings, CommandError> {
        Ok(config::resolve(&self.file, &config::process_env, &flags)?)
    }
}

fn run(cli: Cli, context: &Context) -> ExitCode {
    let lang = cli.lang.map(Lang::from);
    let Some(command) = cli.command else {
        if let Some(file) = &cli.file {
            return with_settings(context, console_flags(&cli.console, lang), file, |s| {
                open(file, &cli.console, s)
            });
        }
        let lang = context
            .settings(lang_only(lang))
            .map_or(Lang::En, |s| s.lang.value);
        let _ = gavel::cli::localize::localize(Cli::command(), lang).print_help();
        return ExitCode::from(USAGE);
    };
    match command {
        CliCommand::Open(args) => with_settings(
            context,
            console_flags(&args.console, lang),
            &args.file,
            |s| open(&args.file, &args.console, s),
        ),
        CliCommand::Demo(args) => {
            let path = args.file.clone().unwrap_or_else(fresh_demo_path);
            with_settings(context, console_flags(&args.console, lang), &path, |s| {
                demo(&path, &args.console, args.size, s)
            })
        }
        CliCommand::New(args) => {
            let flags = identity_flags(&args.identity, lang);
            with_settings(context, flags, &args.file.clone(), |s| new(args, s))
        }
        CliCommand::Review(args) => {
            let flags = Flags {
                lang,
                color: args.color,
                no_mouse: args.no_mouse,
                ..Flags::default()
            };
            with_settings(context, flags, &args.file.clone(), |s| review(args, s))
        }
        CliCommand::Recover(args) => {
            with_settings(context, lang_only(lang), &args.file.clone(), |s| {
                recover(args, s)
            })
        }
        CliCommand::Log(args) => {
            let flags = lang_only(lang);
            with_settings(context, flags, &args.file.clone(), |s| log(args, s))
        }
        CliCommand::Export(args) => {
            with_settings(context, lang_only(lang), &args.file.clone(), |s| {
                gavel::commands::export(&args, s.lang.value)
            })
        }
        CliCommand::Import(args) => {
            let flags = identity_flags(&args.identity, lang);
            with_settings(context, flags, &args.file.clone(), |s| {
                let options = open_options(&args.identity, Role::Chair, s);
                let done =
                    gavel::commands::import(&args.file, &args.source, options, s.lang.value)?;
                println!("{done}");
                Ok(())
            })
        }
        CliCommand::Approve(args) => {
            let flags = identity_flags(&args.identity, lang);
            with_settings(context, flags, &args.file.clone(), |s| approve(args, s))
        }
        CliCommand::Followup(args) => {
            let flags = identity_flags(&args.identity, lang);
            with_settings(context, flags, &args.file.clone(), |s| followup(args, s))
        }
        CliCommand::Check(args) => {
            let lang = context
                .settings(lang_only(lang))
                .map_or(Lang::En, |s| s.lang.value);
            check(&args.file, lang)
        }
        CliCommand::Hall(args) => {
            with_settings(context, lang_only(lang), &args.file.clone(), |s| {
                hall(args, s)
            })
        }
        CliCommand::Config(args) => show_config(context, console_flags(&args.console, lang)),
        CliCommand::Completions(_) | CliCommand::Man => unreachable!("handled before the config"),
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
    context: &Context,
    flags: Flags,
    path: &Path,
    work: impl FnOnce(&Settings) -> Result<(), CommandError>,
) -> ExitCode {
    let fallback = flags.lang.unwrap_or_else(Lang::from_env);
    let settings = match context.settings(flags) {
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

fn role(arg: RoleArg) -> Role {
    match arg {
        RoleArg::Chair => Role::Chair,
        RoleArg::Secretary => Role::Secretary,
        RoleArg::Observer => Role::Observer,
    }
}

/// The live console on a meeting file.
fn open(path: &Path, args: &ConsoleArgs, settings: &Settings) -> Result<(), CommandError> {
    require_terminal()?;
    let options = open_options(&args.identity, settings.role.value, settings);
    let store = Store::open(path, options)?;
    run_console(store, settings)
}

/// The console and the hall view need a terminal; say so before anything
/// is opened or written.
fn require_terminal() -> Result<(), CommandError> {
    if gavel::terminal::available() {
        Ok(())
    } else {
        Err(CommandError::NoTerminal)
    }
}

fn run_console(store: Store, settings: &Settings) -> Result<(), CommandError> {
    let lang = settings.lang.value;
    let mut app = App::new(store, lang, store::now());
    app.color = settings.color.value;
    app.palette = settings.palette.value;
    let result = console::run(
        &mut app,
        ConsoleOptions {
            mouse: settings.mouse.value,
        },
    );
    if let Some(path) = &app.recovery_file {
        let file = app.store().path().display().to_string();
        let recovery = path.display().to_string();
        eprintln!(
            "gavel: {}",
            fill(
                lang.texts().cli_kept_in_recovery,
                &[&file, &recovery, &file, &recovery]
            )
        );
    }
    result.map_err(StoreError::from)?;
    Ok(())
}

fn recover(args: RecoverArgs, settings: &Settings) -> Result<(), CommandError> {
    let texts = settings.lang.value.texts();
    let text = std::fs::read_to_string(&args.recovery).map_err(|error| CommandError::Output {
        path: args.recovery.display().to_string(),
        error,
    })?;
    let recovery = gavel::recovery::Recovery::parse(&text)
        .map_err(|e| CommandError::Input(format!("{}: {e}", args.recovery.display())))?;
    let actor = args.name.clone().unwrap_or_else(|| recovery.actor.clone());
    let mut store = Store::open(&args.file, OpenOptions::new(actor, recovery.role))?;
    let done = gavel::recovery::apply(&mut store, &recovery)
        .map_err(|e| CommandError::Input(format!("{}: {e}", args.recovery.display())))?;
    println!(
        "{}",
        fill(
            texts.cli_recovered,
            &[&done.applied.to_string(), &done.drafts.to_string()]
        )
    );
    for reason in &done.refused {
        println!("{}", fill(texts.cli_refused_now, &[reason]));
    }
    Ok(())
}

fn new(args: NewArgs, settings: &Settings) -> Result<(), CommandError> {
    let lang = settings.lang.value;
    let options = open_options(&args.identity, Role::Chair, settings);
    let created = fill(
        lang.texts().cli_created,
        &[&args.file.display().to_string()],
    );
    if args.demo {
        gavel::demo::create_demo(&args.file, options, store::now())?;
        println!("{created}");
        return Ok(());
    }
    let holidays = args
        .holidays
        .iter()
        .map(|d| date_arg(d, lang))
        .collect::<Result<Vec<_>, _>>()?;
    // Defaults from the config file; the flags over them (and over a plan).
    let defaults = MeetingDetails {
        speaking_seconds: settings.speaking_minutes.value * 60,
        reply_working_days: settings.reply_days.value,
        holidays: settings.holidays.value.clone(),
        ..MeetingDetails::default()
    };
    let flags = MeetingFlags {
        title: args.title.clone(),
        agency: args.agency.clone(),
        speaking_minutes: args.speaking_minutes,
        reply_days: args.reply_days,
        holidays,
    };
    let sharing = if args.group {
        Sharing::Group
    } else {
        Sharing::Private
    };
    if let Some(plan) = &args.from {
        let done = gavel::commands::new_from_plan(
            &args.file, plan, defaults, flags, options, sharing, lang,
        )?;
        println!("{done}");
        return Ok(());
    }
    let mut details = defaults;
    flags.apply(&mut details);
    Store::create(&args.file, options, details, sharing)?;
    println!("{created}");
    Ok(())
}

fn fresh_demo_path() -> PathBuf {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    std::env::temp_dir().join(format!("gavel-demo-{stamp}.gavel"))
}

/// The demo meeting, written if the file does not exist yet, then opened.
fn demo(
    path: &Path,
    args: &ConsoleArgs,
    size: gavel::cli::DemoSize,
    settings: &Settings,
) -> Result<(), CommandError> {
    require_terminal()?;
    let texts = settings.lang.value.texts();
    let shown = path.display().to_string();
    if !path.exists() {
        let chair = open_options(&args.identity, Role::Chair, settings);
        match size {
            gavel::cli::DemoSize::Small => {
                drop(gavel::demo::create_demo(path, chair, store::now())?)
            }
            gavel::cli::DemoSize::Large => {
                eprintln!("gavel: {}", fill(texts.cli_writing_large, &[&shown]));
                let large = gavel::generate::Size::LARGE;
                drop(gavel::generate::create_large(
                    path,
                    chair,
                    large,
                    store::now(),
                )?);
            }
        }
    }
    let options = open_options(&args.identity, settings.role.value, settings);
    let store = Store::open(path, options)?;
    eprintln!("gavel: {}", fill(texts.cli_demo_in, &[&shown]));
    let result = run_console(store, settings);
    eprintln!("gavel: {}", fill(texts.cli_demo_kept, &[&shown, &shown]));
    result
}

fn review(args: ReviewArgs, settings: &Settings) -> Result<(), CommandError> {
    require_terminal()?;
    let options = OpenOptions::new(settings.name.value.clone(), Role::Observer);
    let store = Store::open(&args.file, options)?;
    let mut app = App::review(store, settings.lang.value)?;
    app.color = settings.color.value;
    app.palette = settings.palette.value;
    console::run(
        &mut app,
        ConsoleOptions {
            mouse: settings.mouse.value,
        },
    )
    .map_err(StoreError::from)?;
    Ok(())
}

fn approve(args: ApproveArgs, settings: &Settings) -> Result<(), CommandError> {
    let options = open_options(&args.identity, Role::Chair, settings);
    let mut store = Store::open(&args.file, options)?;
    let committed = store.execute(Command::ApproveMinutes)?;
    let texts = settings.lang.value.texts();
    println!(
        "{}",
        fill(texts.cli_approved, &[&committed.seq.to_string()])
    );
    Ok(())
}

/// A date given on the command line, dd/mm/yyyy or yyyy-mm-dd.
fn date_arg(text: &str, lang: Lang) -> Result<NaiveDate, CommandError> {
    gavel::domain::dates::parse_date(text)
        .ok_or_else(|| CommandError::Usage(fill(lang.texts().cli_bad_date, &[text])))
}

fn not_found(kind: &'static str, number: u32) -> CommandError {
    StoreError::Refused(gavel::domain::DomainError::NotFound {
        kind,
        id: u64::from(number),
    })
    .into()
}

fn followup(args: FollowupArgs, settings: &Settings) -> Result<(), CommandError> {
    let lang = settings.lang.value;
    let texts = lang.texts();
    let writes = args.close_issue.is_some() || args.close_action.is_some();
    let role = if writes {
        Role::Secretary
    } else {
        Role::Observer
    };
    let mut store = Store::open(&args.file, open_options(&args.identity, role, settings))?;
    let details = store.record().meeting.details.clone();
    let today = match &args.today {
        Some(text) => date_arg(text, lang)?,
        None => gavel::domain::clock::local_date(&details, store::now()),
    };
    let on = match &args.on {
        Some(text) => date_arg(text, lang)?,
        None => today,
    };
    let reference = args.reference.clone().unwrap_or_default();
    if let Some(number) = args.close_issue {
        let id = store
            .record()
            .issues
            .values()
            .find(|i| i.number == number)
            .map(|i| i.id)
            .ok_or_else(|| not_found("issue", number))?;
        store.execute(Command::CloseIssue {
            id,
            on,
            closing_ref: reference.clone(),
        })?;
        let day = on.format("%d/%m/%Y").to_string();
        println!(
            "{}",
            fill(
                texts.cli_issue_closed,
                &[&number.to_string(), &reference, &day]
            )
        );
    }
    if let Some(number) = args.close_action {
        let record = store.record();
        let (_, action) = gavel::export::followup::action_numbers(record)
            .into_iter()
            .find(|(n, _)| *n == number)
            .ok_or_else(|| not_found("action", number))?;
        let command = Command::EditAction {
            id: action.id,
            base_rev: action.rev,
            fields: gavel::domain::ActionFields {
                title: action.title.clone(),
                owner: action.owner.clone(),
                issue: action.issue,
                due: action.due,
                status: gavel::domain::ActionStatus::Done,
                completion_ref: reference.clone(),
            },
        };
        store.execute(command)?;
        println!(
            "{}",
            fill(texts.cli_action_done, &[&number.to_string(), &reference])
        );
    }
    if !writes {
        print!(
            "{}",
            gavel::export::followup::followup_report(store.record(), today, lang, args.overdue)
        );
    }
    Ok(())
}

fn log(args: LogArgs, settings: &Settings) -> Result<(), CommandError> {
    let lang = settings.lang.value;
    let mut store = Store::open(&args.file, OpenOptions::new("gavel-log", Role::Observer))?;
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

fn check(path: &Path, lang: Lang) -> ExitCode {
    let texts = lang.texts();
    let report = match store::check(path) {
        Ok(report) => report,
        Err(error) => {
            let message = error.localized(lang);
            eprintln!("gavel: {}: {message}", path.display());
            return ExitCode::FAILURE;
        }
    };
    println!("{}", path.display());
    let line = |name: &str, result: Result<String, String>| match result {
        Ok(detail) => println!("  {name:<18} {}{detail}", texts.check_ok),
        Err(error) => println!("  {name:<18} {}: {error}", texts.check_failed),
    };
    line(
        texts.check_integrity,
        report.integrity.clone().map(|_| String::new()),
    );
    line(
        texts.check_chain,
        report
            .chain
            .clone()
            .map(|n| format!(" ({})", fill(texts.check_entries, &[&n.to_string()]))),
    );
    line(
        texts.check_replay,
        report.replay.clone().map(|_| String::new()),
    );
    if report.integrity.is_err() {
        ExitCode::from(3)
    } else if report.chain.is_err() {
        ExitCode::from(4)
    } else if report.replay.is_err() {
        ExitCode::from(5)
    } else {
        ExitCode::SUCCESS
    }
}

fn completions(shell: clap_complete::Shell, lang: Lang) -> ExitCode {
    let mut command = gavel::cli::localize::localize(Cli::command(), lang);
    clap_complete::generate(shell, &mut command, "gavel", &mut std::io::stdout());
    ExitCode::SUCCESS
}

fn man(lang: Lang) -> ExitCode {
    use std::io::Write;
    let page = gavel::cli::localize::man_page(Cli::command(), lang);
    match page.and_then(|page| std::io::stdout().write_all(&page)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gavel: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `gavel config`: the settings in force and where each comes from.
fn show_config(context: &Context, flags: Flags) -> ExitCode {
    let settings = match context.settings(flags) {
        Ok(settings) => settings,
        Err(error) => return report(Lang::from_env(), Path::new("config"), error),
    };
    let texts = settings.lang.value.texts();
    let from = texts.config_from;
    let lang = settings.lang.value;
    match &context.config_path {
        Some(path) if path.exists() => println!("{}: {}", texts.config_file, path.display()),
        Some(path) => println!(
            "{}: {} {}",
            texts.config_file,
            path.display(),
            texts.config_missing
        ),
        None => println!("{}: {}", texts.config_file, texts.config_missing),
    }
    let row = |key: &str, value: String, source: config::Source| {
        println!("  {key:<17} {value:<24} ({from} {})", source.text(lang));
    };
    row("name", settings.name.value.clone(), settings.name.source);
    row(
        "role",
        settings.role.value.to_string(),
        settings.role.source,
    );
    let code = match lang {
        Lang::En => "en",
        Lang::Vi => "vi",
    };
    row("lang", code.into(), settings.lang.source);
    let color = if settings.color.value { "on" } else { "off" };
    row("color", color.into(), settings.color.source);
    let mouse = if settings.mouse.value { "on" } else { "off" };
    row("mouse", mouse.into(), settings.mouse.source);
    row(
        "speaking_minutes",
        settings.speaking_minutes.value.to_string(),
        settings.speaking_minutes.source,
    );
    row(
        "reply_days",
        settings.reply_days.value.to_string(),
        settings.reply_days.source,
    );
    let days: Vec<String> = settings
        .holidays
        .value
        .iter()
        .map(|d| d.format("%d/%m/%Y").to_string())
        .collect();
    row("holidays", days.join(", "), settings.holidays.source);
    let palette = settings.palette.value;
    let colours = [
        palette.accent,
        palette.good,
        palette.warning,
        palette.danger,
    ]
    .map(|colour| colour.to_string().to_lowercase())
    .join(" ");
    row("colors", colours, settings.palette.source);
    ExitCode::SUCCESS
}

/// The hall display: an observer's read-only view for the projector. It
/// speaks the meeting's language unless someone chose one.
fn hall(args: gavel::cli::HallArgs, settings: &Settings) -> Result<(), CommandError> {
    require_terminal()?;
    use gavel::hall::HallTheme;
    let theme = match args.theme {
        gavel::cli::HallThemeArg::Dark => HallTheme::Dark,
        gavel::cli::HallThemeArg::Light => HallTheme::Light,
    };
    let chosen = !matches!(
        settings.lang.source,
        config::Source::Default | config::Source::Locale
    );
    let mut app = gavel::hall::open(
        &args.file,
        &settings.name.value,
        settings.lang.value,
        theme,
        store::now(),
    )?;
    if !chosen && gavel::hall::looks_vietnamese(&app.record().meeting.details.title) {
        app.lang = Lang::Vi;
    }
    app.color = settings.color.value;
    app.palette = settings.palette.value;
    gavel::hall::run(&mut app).map_err(StoreError::from)?;
    Ok(())
}
