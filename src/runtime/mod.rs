//! The one event loop: terminal events, the clock and the change feed of
//! other processes, merged. Each batch of keys is applied, what it typed is
//! written, and only then is the screen drawn. The loop is generic over the
//! backend and the source of events: the binary runs it on the terminal
//! (`tty`), the tests on ratatui's `TestBackend` with a scripted source.

mod keys;
pub mod program;
mod screen;
pub mod scripted;
pub mod terminal;
pub mod tty;

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;

use crate::domain::Timestamp;
pub use keys::{event_of, key_of};
pub use program::Program;
pub use screen::Screen;
pub use scripted::Scripted;

/// How long the loop waits for an event before it looks at the clock and
/// the other processes' changes.
pub const POLL: Duration = Duration::from_millis(40);

/// What a source of events has next.
pub enum Next {
    Event(Event),
    /// Nothing within the time given.
    Idle,
    /// No more events: the loop returns (a script has run out).
    End,
}

/// Where events and the time come from.
pub trait EventSource {
    /// Waits up to `timeout` for the next event.
    fn next(&mut self, timeout: Duration) -> io::Result<Next>;
    fn now(&mut self) -> Timestamp;
}

/// A backend that can wrap a frame in a synchronized update (no flicker
/// over a slow SSH link), set the window's title and step aside for the
/// shell on Ctrl-Z, or has no need to.
pub trait Frames: Backend {
    fn begin_frame(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn end_frame(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// Sets the window's title (within a frame).
    fn set_title(&mut self, _title: &str) -> io::Result<()> {
        Ok(())
    }
    /// Gives the terminal back to the shell and stops until continued;
    /// then takes it again and says its size. None: nothing to suspend
    /// (a test's backend).
    fn suspend(&mut self) -> io::Result<Option<(u16, u16)>> {
        Ok(None)
    }
}

impl Frames for ratatui::backend::TestBackend {}

/// Runs `program` until it quits, `stop` is set (a signal), or the source
/// ends. Everything typed is in the file (or waiting, on screen) by then.
pub fn run<B: Frames, S: EventSource>(
    terminal: &mut Terminal<B>,
    program: &mut Program,
    source: &mut S,
    stop: &AtomicBool,
) -> io::Result<()> {
    let mut screen = Screen::default();
    let mut dirty = true;
    let mut shown_second = i64::MIN;
    let mut ended = false;
    while !stop.load(Ordering::Relaxed) && !program.quit && !ended {
        if program.tick(source.now()) {
            dirty = true;
        }
        if program.console.now.timestamp() != shown_second {
            shown_second = program.console.now.timestamp();
            dirty = true;
        }
        if dirty {
            screen.draw(terminal, program)?;
            dirty = false;
        }
        match source.next(POLL)? {
            Next::End => ended = true,
            Next::Idle => {}
            Next::Event(event) => {
                ended = burst(program, source, event, stop)?;
                program.flush(source.now());
                if program.take_suspend() {
                    suspend(terminal, program, &mut screen)?;
                }
                // What was typed is on screen before the others' changes
                // are looked for: a key is not kept waiting on that read.
                if !ended && !program.quit {
                    screen.draw(terminal, program)?;
                }
            }
        }
        if program.sync() {
            dirty = true;
        }
    }
    if ended && !program.quit {
        // A script ran out: the screen shows where it left off.
        program.tick(source.now());
        screen.draw(terminal, program)?;
    }
    Ok(())
}

/// Ctrl-Z: the terminal goes back to the shell until `fg`; what it shows
/// then is not known, so the next frame is drawn whole (and the title set
/// again), at the size the terminal has now.
fn suspend<B: Frames>(
    terminal: &mut Terminal<B>,
    program: &mut Program,
    screen: &mut Screen,
) -> io::Result<()> {
    let resumed = terminal.backend_mut().suspend()?;
    screen.forget();
    if let Some((width, height)) = resumed
        && (width, height) != program.size()
    {
        program.resize(width, height);
    }
    Ok(())
}

/// A burst (an input method's backspaces and letters, a fast typist, a
/// script) is applied in order, then saved once. Returns whether the
/// source ended.
fn burst<S: EventSource>(
    program: &mut Program,
    source: &mut S,
    first: Event,
    stop: &AtomicBool,
) -> io::Result<bool> {
    let mut event = first;
    loop {
        program.event(event, source.now());
        // Keys typed after Ctrl-Z wait for `fg`, as in a shell.
        if program.quit || program.suspending() || stop.load(Ordering::Relaxed) {
            return Ok(false);
        }
        match source.next(Duration::ZERO)? {
            Next::Event(next) => event = next,
            Next::Idle => return Ok(false),
            Next::End => return Ok(true),
        }
    }
}
