//! The live console (`gavel open FILE`, `gavel FILE`), the demo, the review
//! of the journal and the hall display: each opens the file and runs the
//! one loop on the terminal.

use std::path::{Path, PathBuf};

use super::progress::{self, Progress};
use super::{CommandError, open_options};
use crate::app::HallTheme;
use crate::cli::{ConsoleArgs, DemoSize, HallArgs, HallThemeArg, ReviewArgs};
use crate::config::{self, Settings};
use crate::domain::Role;
use crate::i18n::{Lang, fill, looks_vietnamese};
use crate::runtime::{Program, terminal, tty};
use crate::store::{self, OpenOptions, Store, StoreError};
use crate::ui::View;

/// The live console on a meeting file.
pub fn open(path: &Path, args: &ConsoleArgs, settings: &Settings) -> Result<(), CommandError> {
    require_terminal()?;
    let options = open_options(&args.identity, settings.role.value, settings);
    let store = Store::open(path, options)?;
    run_console(store, settings)
}

/// The console and the hall view need a terminal; say so before anything
/// is opened or written.
fn require_terminal() -> Result<(), CommandError> {
    if terminal::available() {
        Ok(())
    } else {
        Err(CommandError::NoTerminal)
    }
}

fn view(settings: &Settings) -> View {
    View::new(settings.color.value, settings.palette.value)
}

fn run_console(store: Store, settings: &Settings) -> Result<(), CommandError> {
    let lang = settings.lang.value;
    let file = store.path().display().to_string();
    let mut program = Program::live(store, lang, store::now(), view(settings));
    let result = tty::run_on_terminal(&mut program, settings.mouse.value);
    if let Some(path) = &program.session.recovery_file {
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

pub fn fresh_demo_path() -> PathBuf {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    std::env::temp_dir().join(format!("gavel-demo-{stamp}.gavel"))
}

/// The demo meeting, written if the file does not exist yet, then opened.
pub fn demo(
    path: &Path,
    args: &ConsoleArgs,
    size: DemoSize,
    settings: &Settings,
) -> Result<(), CommandError> {
    require_terminal()?;
    let texts = settings.lang.value.texts();
    let shown = path.display().to_string();
    if !path.exists() {
        let chair = open_options(&args.identity, Role::Chair, settings);
        match size {
            DemoSize::Small => {
                // Opened with the conclusion being typed, as it was left.
                let mut demo = crate::demo::create_demo(path, chair, store::now())?;
                crate::demo::leave_conclusion_draft(&mut demo)?;
            }
            DemoSize::Large => {
                let large = crate::generate::Size::LARGE;
                let what = fill(texts.cli_writing_large, &[&shown]);
                let progress = Progress::counted(&what, large.entries as u64, settings.lang.value);
                if !progress.shown() && !progress::quiet() {
                    eprintln!("gavel: {what}");
                }
                drop(crate::generate::create_large_telling(
                    path,
                    chair,
                    large,
                    store::now(),
                    &mut |written| progress.set(written as u64),
                )?);
            }
        }
    }
    let options = open_options(&args.identity, settings.role.value, settings);
    let store = Store::open(path, options)?;
    if !progress::quiet() {
        eprintln!("gavel: {}", fill(texts.cli_demo_in, &[&shown]));
    }
    let result = run_console(store, settings);
    if !progress::quiet() {
        eprintln!("gavel: {}", fill(texts.cli_demo_kept, &[&shown, &shown]));
    }
    result
}

/// The journal stepped through, read-only.
pub fn review(args: ReviewArgs, settings: &Settings) -> Result<(), CommandError> {
    require_terminal()?;
    let options = OpenOptions::new(settings.name.value.clone(), Role::Observer);
    let store = Store::open(&args.file, options)?;
    let mut program = Program::review(store, settings.lang.value, view(settings))?;
    tty::run_on_terminal(&mut program, settings.mouse.value).map_err(StoreError::from)?;
    Ok(())
}

/// The hall display: an observer's read-only view for the projector (SQLite
/// opens the file read-only, so the wall can never change the record). It
/// speaks the meeting's language unless someone chose one.
pub fn hall(args: HallArgs, settings: &Settings) -> Result<(), CommandError> {
    require_terminal()?;
    let theme = match args.theme {
        HallThemeArg::Dark => HallTheme::Dark,
        HallThemeArg::Light => HallTheme::Light,
    };
    let chosen = !matches!(
        settings.lang.source,
        config::Source::Default | config::Source::Locale
    );
    let store = Store::open(
        &args.file,
        OpenOptions::new(settings.name.value.clone(), Role::Observer),
    )?;
    let lang = if !chosen && looks_vietnamese(&store.record().meeting.details.title) {
        Lang::Vi
    } else {
        settings.lang.value
    };
    let mut program = Program::hall(store, lang, theme, store::now(), view(settings));
    // The wall does not capture the mouse.
    tty::run_on_terminal(&mut program, false).map_err(StoreError::from)?;
    Ok(())
}
