//! The event loop of the live console: terminal events, a clock tick and
//! the change feed of other processes, merged in one loop. Each batch of
//! keys is applied, its drafts committed, and only then drawn.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::crossterm::event;
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use crate::app::App;
use crate::store;
use crate::terminal::TerminalGuard;
use crate::ui;

/// How often the console looks for other processes' changes when idle.
const POLL: Duration = Duration::from_millis(40);

pub struct ConsoleOptions {
    pub mouse: bool,
}

/// Runs the console until the person quits or a signal (SIGTERM, SIGHUP,
/// SIGINT) ends it. Everything typed is already in the file by then.
pub fn run(app: &mut App, options: ConsoleOptions) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut guard = TerminalGuard::enter(options.mouse)?;
    let size = guard.terminal.size()?;
    app.resize(size.width, size.height);
    let result = event_loop(&mut guard, app, &stop);
    app.flush();
    drop(guard);
    result
}

fn event_loop(guard: &mut TerminalGuard, app: &mut App, stop: &AtomicBool) -> io::Result<()> {
    let mut dirty = true;
    let mut shown_second = i64::MIN;
    while !stop.load(Ordering::Relaxed) && !app.quit {
        app.now = store::now();
        if app.now.timestamp() != shown_second {
            shown_second = app.now.timestamp();
            dirty = true;
        }
        if dirty {
            draw(guard, app)?;
            dirty = false;
        }
        if event::poll(POLL)? {
            // A burst (an input method's backspaces and letters, a fast
            // typist) is applied in order, then saved once.
            loop {
                app.handle_event(event::read()?);
                if app.quit || !event::poll(Duration::ZERO)? {
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

fn draw(guard: &mut TerminalGuard, app: &App) -> io::Result<()> {
    // Synchronized updates: no flicker over a slow SSH link.
    execute!(guard.terminal.backend_mut(), BeginSynchronizedUpdate)?;
    guard.terminal.draw(|frame| ui::draw(frame, app))?;
    execute!(guard.terminal.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}
