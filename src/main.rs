use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;

use chrono::NaiveDate;
use gavel::app::App;
use gavel::cli::{
    ApproveArgs, Cli, CliCommand, ConsoleArgs, FollowupArgs, Identity, LangArg, LogArgs, NewArgs,
    RecoverArgs, ReviewArgs, RoleArg, SyncMode,
};
use gavel::console::{self, ConsoleOptions};
use gavel::domain::{Command, MeetingDetails, Record, Role};
use gavel::export::log::format_entry;
use gavel::i18n::Lang;
use gavel::store::{self, Durability, OpenOptions, Sharing, Store, StoreError};

fn main() -> ExitCode {
    // Rust ignores SIGPIPE; a command piped into `head` should just stop.
    // SAFETY: setting a signal's disposition to its default at start-up,
    // before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let Some(command) = cli.command else {
        if let Some(file) = cli.file {
            return report(&file, open(&file, &cli.console));
        }
        use clap::CommandFactory;
        let _ = Cli::command().print_help();
        return ExitCode::from(2);
    };
    match command {
        CliCommand::Open(args) => report(&args.file, open(&args.file, &args.console)),
        CliCommand::Demo(args) => {
            let path = args.file.clone().unwrap_or_else(fresh_demo_path);
            report(&path.clone(), demo(&path, &args.console, args.size))
        }
        CliCommand::New(args) => report(&args.file.clone(), new(args)),
        CliCommand::Review(args) => report(&args.file.clone(), review(args)),
        CliCommand::Recover(args) => report_command(&args.file.clone(), recover(args)),
        CliCommand::Log(args) => report(&args.file.clone(), log(args)),
        CliCommand::Export(args) => {
            let result = gavel::commands::export(&args, lang(args.lang));
            report_command(&args.file, result)
        }
        CliCommand::Import(args) => {
            let options = open_options(&args.identity, Role::Chair);
            report_command(
                &args.file,
                gavel::commands::import(&args.file, &args.source, options),
            )
        }
        CliCommand::Approve(args) => report(&args.file.clone(), approve(args)),
        CliCommand::Followup(args) => report(&args.file.clone(), followup(args)),
        CliCommand::Check(args) => check(&args.file),
        CliCommand::Hall(args) => report(&args.file.clone(), hall(args)),
    }
}

/// Prints an error as one line naming the file, and turns it into exit 1.
fn report(path: &Path, result: Result<(), StoreError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gavel: {}: {error}", path.display());
            ExitCode::FAILURE
        }
    }
}

fn report_command(path: &Path, result: Result<(), gavel::commands::CommandError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gavel: {}: {error}", path.display());
            ExitCode::FAILURE
        }
    }
}

fn login_name() -> String {
    ["GAVEL_USER", "USER", "LOGNAME"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_string())
}

fn open_options(identity: &Identity, role: Role) -> OpenOptions {
    let mut options = OpenOptions::new(identity.name.clone().unwrap_or_else(login_name), role);
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

fn lang(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Vi) => Lang::Vi,
        None => Lang::from_env(),
    }
}

/// The live console on a meeting file.
fn open(path: &Path, args: &ConsoleArgs) -> Result<(), StoreError> {
    let store = Store::open(path, open_options(&args.identity, role(args.role)))?;
    run_console(store, args)
}

fn run_console(store: Store, args: &ConsoleArgs) -> Result<(), StoreError> {
    let mut app = App::new(store, lang(args.lang), store::now());
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let result = console::run(
        &mut app,
        ConsoleOptions {
            mouse: !args.no_mouse,
        },
    );
    if let Some(path) = &app.recovery_file {
        eprintln!(
            "gavel: changes not written to {} are kept in {}; apply them with: gavel recover {0} {1}",
            app.store().path().display(),
            path.display()
        );
    }
    result?;
    Ok(())
}

fn recover(args: RecoverArgs) -> Result<(), gavel::commands::CommandError> {
    use gavel::commands::CommandError;
    let text = std::fs::read_to_string(&args.recovery).map_err(|error| CommandError::Output {
        path: args.recovery.display().to_string(),
        error,
    })?;
    let recovery = gavel::recovery::Recovery::parse(&text)
        .map_err(|e| CommandError::Usage(format!("{}: {e}", args.recovery.display())))?;
    let actor = args.name.clone().unwrap_or_else(|| recovery.actor.clone());
    let mut store = Store::open(&args.file, OpenOptions::new(actor, recovery.role))?;
    let done = gavel::recovery::apply(&mut store, &recovery)
        .map_err(|e| CommandError::Usage(format!("{}: {e}", args.recovery.display())))?;
    println!(
        "applied {} change(s); {} form field(s) back as drafts",
        done.applied, done.drafts
    );
    for reason in &done.refused {
        println!("  refused now: {reason}");
    }
    Ok(())
}

fn new(args: NewArgs) -> Result<(), StoreError> {
    let options = open_options(&args.identity, Role::Chair);
    if args.demo {
        gavel::demo::create_demo(&args.file, options, store::now())?;
    } else {
        let holidays = args
            .holidays
            .iter()
            .map(|d| date_arg(d))
            .collect::<Result<Vec<_>, _>>()?;
        let details = MeetingDetails {
            title: args.title.unwrap_or_default(),
            agency: args.agency,
            speaking_seconds: args.speaking_minutes * 60,
            reply_working_days: args.reply_days,
            holidays,
            ..MeetingDetails::default()
        };
        let sharing = if args.group {
            Sharing::Group
        } else {
            Sharing::Private
        };
        Store::create(&args.file, options, details, sharing)?;
    }
    println!("created {}", args.file.display());
    Ok(())
}

fn fresh_demo_path() -> PathBuf {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    std::env::temp_dir().join(format!("gavel-demo-{stamp}.gavel"))
}

/// The demo meeting, written if the file does not exist yet, then opened.
fn demo(path: &Path, args: &ConsoleArgs, size: gavel::cli::DemoSize) -> Result<(), StoreError> {
    if !path.exists() {
        let chair = open_options(&args.identity, Role::Chair);
        match size {
            gavel::cli::DemoSize::Small => {
                drop(gavel::demo::create_demo(path, chair, store::now())?)
            }
            gavel::cli::DemoSize::Large => {
                eprintln!(
                    "gavel: writing a large meeting to {} (about a minute)…",
                    path.display()
                );
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
    let store = Store::open(path, open_options(&args.identity, role(args.role)))?;
    eprintln!("gavel: demo meeting in {}", path.display());
    let result = run_console(store, args);
    eprintln!(
        "gavel: the demo meeting is kept in {} (gavel open {0})",
        path.display()
    );
    result
}

fn review(args: ReviewArgs) -> Result<(), StoreError> {
    let store = Store::open(&args.file, OpenOptions::new(login_name(), Role::Observer))?;
    let mut app = App::review(store, lang(args.lang))?;
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    console::run(
        &mut app,
        ConsoleOptions {
            mouse: !args.no_mouse,
        },
    )?;
    Ok(())
}

fn approve(args: ApproveArgs) -> Result<(), StoreError> {
    let mut store = Store::open(&args.file, open_options(&args.identity, Role::Chair))?;
    let committed = store.execute(Command::ApproveMinutes)?;
    println!("minutes approved (journal entry #{})", committed.seq);
    Ok(())
}

/// A date given on the command line, dd/mm/yyyy or yyyy-mm-dd.
fn date_arg(text: &str) -> Result<NaiveDate, StoreError> {
    gavel::app::form::parse_date(text).ok_or_else(|| {
        StoreError::Refused(gavel::domain::DomainError::Invalid("the date (dd/mm/yyyy)"))
    })
}

fn followup(args: FollowupArgs) -> Result<(), StoreError> {
    let writes = args.close_issue.is_some() || args.close_action.is_some();
    let role = if writes {
        Role::Secretary
    } else {
        Role::Observer
    };
    let mut store = Store::open(&args.file, open_options(&args.identity, role))?;
    let details = store.record().meeting.details.clone();
    let today = match &args.today {
        Some(text) => date_arg(text)?,
        None => gavel::domain::clock::local_date(&details, store::now()),
    };
    let on = args
        .on
        .as_deref()
        .map(date_arg)
        .transpose()?
        .unwrap_or(today);
    let reference = args.reference.clone().unwrap_or_default();
    if let Some(number) = args.close_issue {
        let id = store
            .record()
            .issues
            .values()
            .find(|i| i.number == number)
            .map(|i| i.id)
            .ok_or(StoreError::Refused(gavel::domain::DomainError::NotFound {
                kind: "issue",
                id: u64::from(number),
            }))?;
        store.execute(Command::CloseIssue {
            id,
            on,
            closing_ref: reference.clone(),
        })?;
        println!(
            "issue {number} closed ({reference}, {})",
            on.format("%d/%m/%Y")
        );
    }
    if let Some(number) = args.close_action {
        let record = store.record();
        let (_, action) = gavel::export::followup::action_numbers(record)
            .into_iter()
            .find(|(n, _)| *n == number)
            .ok_or(StoreError::Refused(gavel::domain::DomainError::NotFound {
                kind: "action",
                id: u64::from(number),
            }))?;
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
        println!("action A{number} done ({reference})");
    }
    if !writes {
        print!(
            "{}",
            gavel::export::followup::followup_report(
                store.record(),
                today,
                lang(args.lang),
                args.overdue
            )
        );
    }
    Ok(())
}

fn log(args: LogArgs) -> Result<(), StoreError> {
    let mut store = Store::open(&args.file, OpenOptions::new("gavel-log", Role::Observer))?;
    let mut record = Record::default();
    print_entries(&mut record, store.entries_after(0)?, lang(args.lang));
    if !args.follow {
        return Ok(());
    }
    loop {
        std::thread::sleep(Duration::from_millis(100));
        print_entries(&mut record, store.poll()?, lang(args.lang));
    }
}

/// Prints entries, replaying them into `record` so names can be looked up.
fn print_entries(record: &mut Record, entries: Vec<store::JournalEntry>, lang: Lang) {
    for entry in entries {
        println!("{}", format_entry(record, &entry, lang));
        record.apply(entry.seq, &entry.event);
    }
}

fn check(path: &Path) -> ExitCode {
    let report = match store::check(path) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("gavel: {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let verdict = |ok: bool| if ok { "ok" } else { "FAILED" };
    println!("{}", path.display());
    match &report.integrity {
        Ok(()) => println!("  SQLite integrity   ok"),
        Err(e) => println!("  SQLite integrity   {}: {e}", verdict(false)),
    }
    match &report.chain {
        Ok(n) => println!("  hash chain         ok ({n} entries)"),
        Err(e) => println!("  hash chain         {}: {e}", verdict(false)),
    }
    match &report.replay {
        Ok(()) => println!("  replay = tables    ok"),
        Err(e) => println!("  replay = tables    {}: {e}", verdict(false)),
    }
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

/// The hall display: an observer's read-only view for the projector.
fn hall(args: gavel::cli::HallArgs) -> Result<(), StoreError> {
    use gavel::hall::HallTheme;
    let theme = match args.theme {
        gavel::cli::HallThemeArg::Dark => HallTheme::Dark,
        gavel::cli::HallThemeArg::Light => HallTheme::Light,
    };
    let mut app = gavel::hall::open(
        &args.file,
        &login_name(),
        lang(args.lang),
        theme,
        store::now(),
    )?;
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    gavel::hall::run(&mut app)?;
    Ok(())
}
