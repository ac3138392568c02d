//! The event loop of the live console: terminal events, a clock tick and
//! the change feed of other processes, merged in one loop. Each batch of
//! keys is applied, its drafts committed, and only then drawn.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::crossterm::event;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::crossterm::{execute, queue};

use crate::app::App;
use crate::store;
use crate::terminal::TerminalGuard;
use crate::ui;

/// How often the console looks for other processes' changes when idle.
pub const POLL: Duration = Duration::from_millis(40);

pub struct ConsoleOptions {
    pub mouse: bool,
}

/// How long the loop has to finish by itself after a signal.
const GRACE: Duration = Duration::from_millis(600);

/// Runs the console until the person quits or a signal (SIGTERM, SIGHUP,
/// SIGINT) ends it. Everything typed is already in the file by then.
pub fn run(app: &mut App, options: ConsoleOptions) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    let signals = watch_signals(Arc::clone(&stop))?;
    let mut guard = TerminalGuard::enter(options.mouse)?;
    let size = guard.terminal.size()?;
    app.resize(size.width, size.height);
    let result = event_loop(&mut guard, app, &stop);
    app.close();
    // Stopped (a signal, an error) with changes only in memory: keep them.
    if app.recovery_file.is_none() {
        app.write_recovery();
    }
    drop(guard);
    signals.close();
    result
}

/// A thread that turns SIGTERM, SIGHUP and SIGINT into a clean stop. The
/// loop sees the flag within one poll; if it does not finish in time (on a
/// hung-up terminal crossterm can spin inside its read), the thread restores
/// what it can and exits. Every keystroke is committed before it is shown,
/// so nothing typed is lost either way.
fn watch_signals(stop: Arc<AtomicBool>) -> io::Result<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            stop.store(true, Ordering::SeqCst);
            std::thread::sleep(GRACE);
            crate::terminal::restore();
            std::process::exit(0);
        }
    });
    Ok(handle)
}

/// For tests of the panic path only: with `GAVEL_TEST_PANIC_KEY=x` in the
/// environment, pressing `x` panics, so that a test can see the terminal
/// restored and the message printed. Without the variable, nothing.
fn forced_panic(event: &event::Event, key: Option<char>) {
    if let (Some(key), event::Event::Key(pressed)) = (key, event)
        && pressed.code == event::KeyCode::Char(key)
    {
        panic!("forced by GAVEL_TEST_PANIC_KEY for a test");
    }
}

fn event_loop(guard: &mut TerminalGuard, app: &mut App, stop: &AtomicBool) -> io::Result<()> {
    let panic_key = std::env::var("GAVEL_TEST_PANIC_KEY")
        .ok()
        .and_then(|k| k.chars().next());
    let mut dirty = true;
    let mut shown_second = i64::MIN;
    while !stop.load(Ordering::Relaxed) && !app.quit {
        if app.tick(store::now()) {
            dirty = true;
        }
        if app.now.timestamp() != shown_second {
            shown_second = app.now.timestamp();
            dirty = true;
        }
        if dirty {
            draw(guard, app)?;
            dirty = false;
        }
        if retry_interrupted(event::poll(POLL))? {
            // A burst (an input method's backspaces and letters, a fast
            // typist) is applied in order, then saved once.
            loop {
                if let Some(event) = retry_interrupted(event::read().map(Some))? {
                    forced_panic(&event, panic_key);
                    app.handle_event(event);
                }
                if app.quit
                    || stop.load(Ordering::Relaxed)
                    || !retry_interrupted(event::poll(Duration::ZERO))?
                {
                    break;
                }
            }
            app.flush();
            dirty = true;
        }
        if app.refresh() {
            dirty = true;
        }
    }
    Ok(())
}

/// A signal interrupting a terminal call is not an error: the loop looks
/// at the stop flag next.
fn retry_interrupted<T: Default>(result: io::Result<T>) -> io::Result<T> {
    match result {
        Err(error) if error.kind() == io::ErrorKind::Interrupted => Ok(T::default()),
        other => other,
    }
}

fn draw(guard: &mut TerminalGuard, app: &App) -> io::Result<()> {
    // Synchronized updates: no flicker over a slow SSH link.
    // Queued, not flushed: it goes out with the frame.
    queue!(guard.terminal.backend_mut(), BeginSynchronizedUpdate)?;
    guard.terminal.draw(|frame| ui::draw(frame, app))?;
    execute!(guard.terminal.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}
