//! The loop on a real terminal: crossterm's events, the wall clock, the
//! synchronized frames, the title, Ctrl-Z, and the signals (SIGTERM, SIGHUP, SIGINT) that end a
//! session cleanly.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event;
use ratatui::crossterm::queue;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use super::terminal::{FrameOutput, SetTitle, TerminalGuard};
use super::{EventSource, Frames, Next, Program, run};
use crate::domain::Timestamp;

/// How long the loop has to finish by itself after a signal.
const GRACE: Duration = Duration::from_millis(600);

impl Frames for CrosstermBackend<FrameOutput> {
    // Held, not written: it goes out with the frame, in one write.
    fn begin_frame(&mut self) -> io::Result<()> {
        self.writer_mut().begin_frame();
        queue!(self, BeginSynchronizedUpdate)
    }

    fn end_frame(&mut self) -> io::Result<()> {
        queue!(self, EndSynchronizedUpdate)?;
        self.writer_mut().end_frame()
    }

    fn set_title(&mut self, title: &str) -> io::Result<()> {
        queue!(self, SetTitle(title))
    }

    fn suspend(&mut self) -> io::Result<Option<(u16, u16)>> {
        // Nothing is held between frames: what was drawn has gone out.
        super::terminal::suspend().map(Some)
    }
}

/// The terminal's events and the wall clock.
struct TerminalEvents {
    /// For tests of the panic path only: with `GAVEL_TEST_PANIC_KEY=x` in
    /// the environment, pressing `x` panics, so that a test can see the
    /// terminal restored and the message printed.
    panic_key: Option<char>,
}

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Next> {
        if !retry_interrupted(event::poll(timeout))? {
            return Ok(Next::Idle);
        }
        let Some(event) = retry_interrupted(event::read().map(Some))? else {
            return Ok(Next::Idle);
        };
        if let (Some(key), event::Event::Key(pressed)) = (self.panic_key, &event)
            && pressed.code == event::KeyCode::Char(key)
        {
            panic!("forced by GAVEL_TEST_PANIC_KEY for a test");
        }
        Ok(Next::Event(event))
    }

    fn now(&mut self) -> Timestamp {
        crate::store::now()
    }
}

/// A signal interrupting a terminal call is not an error: the loop looks
/// at the stop flag next.
fn retry_interrupted<T: Default>(result: io::Result<T>) -> io::Result<T> {
    match result {
        Err(error) if error.kind() == io::ErrorKind::Interrupted => Ok(T::default()),
        other => other,
    }
}

/// Runs the program on the terminal until the person quits or a signal
/// ends it; then it closes (the others stop listing it) and, if changes are
/// still only in memory, writes them to a recovery file.
pub fn run_on_terminal(program: &mut Program, mouse: bool) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    let signals = watch_signals(Arc::clone(&stop))?;
    let mut guard = TerminalGuard::enter(mouse)?;
    let size = guard.terminal.get_frame().area();
    program.resize(size.width, size.height);
    let mut events = TerminalEvents {
        panic_key: std::env::var("GAVEL_TEST_PANIC_KEY")
            .ok()
            .and_then(|k| k.chars().next()),
    };
    let result = run(&mut guard.terminal, program, &mut events, &stop);
    program.close(crate::store::now());
    // Stopped (a signal, an error) with changes only in memory: keep them.
    if program.session.recovery_file.is_none() {
        let _ = program.session.write_recovery();
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
            super::terminal::restore();
            std::process::exit(0);
        }
    });
    Ok(handle)
}
