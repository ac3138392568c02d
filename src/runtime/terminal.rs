//! The terminal as gavel leaves it: raw mode, alternate screen, bracketed
//! paste, (optionally) mouse capture and the window title are undone on
//! drop, on panic, on the signals that end a session, and on Ctrl-Z
//! (`suspend`), which takes them again when the shell continues gavel.

use std::fmt;
use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::terminal::{
    EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode,
    enable_raw_mode,
};
use ratatui::crossterm::{Command, cursor, execute};

pub type Tty = Terminal<CrosstermBackend<FrameOutput>>;

/// Standard output, held back while a frame is drawn: the frame (with its
/// synchronized-update brackets and the cursor) goes out in one write when
/// it is complete, instead of one per flush ratatui and crossterm ask for.
pub struct FrameOutput<W: Write = Stdout> {
    held: Vec<u8>,
    in_frame: bool,
    out: W,
}

impl<W: Write> FrameOutput<W> {
    fn new(out: W) -> FrameOutput<W> {
        FrameOutput {
            held: Vec::with_capacity(64 * 1024),
            in_frame: false,
            out,
        }
    }

    /// From here to `end_frame`, flushes keep the output.
    pub fn begin_frame(&mut self) {
        self.in_frame = true;
    }

    /// The frame is complete: written at once.
    pub fn end_frame(&mut self) -> io::Result<()> {
        self.in_frame = false;
        self.flush()
    }
}

impl<W: Write> Write for FrameOutput<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.held.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.in_frame || self.held.is_empty() {
            return Ok(());
        }
        let written = self
            .out
            .write_all(&self.held)
            .and_then(|()| self.out.flush());
        self.held.clear();
        written
    }
}

/// Whether there is a terminal to take: crossterm reads keys from standard
/// input when it is one, else from `/dev/tty`. Under `ssh host gavel …`
/// without `-t` there is neither, and raw mode would fail with a bare
/// "No such device or address".
pub fn available() -> bool {
    use std::io::IsTerminal;
    io::stdin().is_terminal() || std::fs::File::open("/dev/tty").is_ok()
}

/// Clicks and the wheel, nothing else: button presses and releases (the
/// wheel is buttons 4 and 5) in the SGR encoding, which has no limit of 223
/// columns. crossterm's `EnableMouseCapture` also asks for every movement
/// of the pointer (1002, 1003): a report per cell crossed, over SSH too,
/// for nothing gavel uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnableClicksAndWheel;

impl Command for EnableClicksAndWheel {
    fn write_ansi(&self, f: &mut impl fmt::Write) -> fmt::Result {
        f.write_str("\x1b[?1000h\x1b[?1006h")
    }

    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        ratatui::crossterm::event::EnableMouseCapture.execute_winapi()
    }
}

/// Undoes `EnableClicksAndWheel` (harmless when it was not done).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisableClicksAndWheel;

impl Command for DisableClicksAndWheel {
    fn write_ansi(&self, f: &mut impl fmt::Write) -> fmt::Result {
        f.write_str("\x1b[?1006l\x1b[?1000l")
    }

    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        ratatui::crossterm::event::DisableMouseCapture.execute_winapi()
    }
}

/// Saves the window and icon titles on the terminal's stack (xterm's
/// XTWINOPS 22), so that the one gavel sets can be taken back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PushTitle;

impl Command for PushTitle {
    fn write_ansi(&self, f: &mut impl fmt::Write) -> fmt::Result {
        f.write_str("\x1b[22;0t")
    }

    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        Ok(())
    }
}

/// Puts back the titles `PushTitle` saved (XTWINOPS 23).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PopTitle;

impl Command for PopTitle {
    fn write_ansi(&self, f: &mut impl fmt::Write) -> fmt::Result {
        f.write_str("\x1b[23;0t")
    }

    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        Ok(())
    }
}

/// The window title (OSC 2). The text must hold no control character: it
/// comes from `Program::title`, sanitized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetTitle<'a>(pub &'a str);

impl Command for SetTitle<'_> {
    fn write_ansi(&self, f: &mut impl fmt::Write) -> fmt::Result {
        debug_assert!(!self.0.chars().any(char::is_control));
        write!(f, "\x1b]2;{}\x1b\\", self.0)
    }

    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        ratatui::crossterm::terminal::SetTitle(self.0).execute_winapi()
    }
}

/// Whether gavel has the terminal (raw mode, alternate screen) now.
/// Restoring twice would move the cursor back to where the alternate screen
/// was entered and print over the panic message.
static TAKEN: AtomicBool = AtomicBool::new(false);

/// Whether the mouse is captured when gavel takes the terminal (again,
/// after a suspension).
static MOUSE: AtomicBool = AtomicBool::new(false);

pub struct TerminalGuard {
    pub terminal: Tty,
}

impl TerminalGuard {
    /// Takes over the terminal. A panic from here on restores it before the
    /// message is printed.
    pub fn enter(mouse: bool) -> io::Result<TerminalGuard> {
        install_panic_hook();
        MOUSE.store(mouse, Ordering::SeqCst);
        take()?;
        let stdout = io::stdout();
        // A fixed viewport: the size is read once here and then taken from
        // the resize events (`runtime::draw`), not asked of the terminal
        // before every frame (crossterm opens /dev/tty to ask).
        let options =
            ratatui::crossterm::terminal::size().map(|(width, height)| ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, width, height)),
            });
        let terminal = options.and_then(|options| {
            Terminal::with_options(CrosstermBackend::new(FrameOutput::new(stdout)), options)
        });
        match terminal {
            Ok(terminal) => Ok(TerminalGuard { terminal }),
            Err(error) => {
                restore();
                Err(error)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode, the alternate screen, bracketed paste, the mouse if asked,
/// and the title saved (the frames set it). Undone if any of it fails.
fn take() -> io::Result<()> {
    enable_raw_mode()?;
    TAKEN.store(true, Ordering::SeqCst);
    let mut stdout = io::stdout();
    let entered = execute!(
        stdout,
        PushTitle,
        EnterAlternateScreen,
        EnableBracketedPaste
    )
    .and_then(|_| {
        if MOUSE.load(Ordering::SeqCst) {
            execute!(stdout, EnableClicksAndWheel)
        } else {
            Ok(())
        }
    });
    if let Err(error) = entered {
        restore();
        return Err(error);
    }
    Ok(())
}

/// Cooked mode, main screen, cursor visible, the title as it was. Errors
/// are ignored: after a dropped connection there may be no terminal left
/// to restore.
pub fn restore() {
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let mut stdout = io::stdout();
    // A stop in the middle of a frame leaves a synchronized update open, and
    // the terminal would show nothing more: end it first. (gavel asks for
    // no keyboard enhancement: nothing to pop.)
    let _ = execute!(
        stdout,
        EndSynchronizedUpdate,
        DisableClicksAndWheel,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show,
        PopTitle
    );
    let _ = stdout.flush();
}

/// Ctrl-Z: the terminal as it was before gavel, the process stopped as a
/// shell stops a job; when the shell continues it (`fg`), the terminal
/// taken again. Returns its size then (it may have changed meanwhile).
pub fn suspend() -> io::Result<(u16, u16)> {
    restore();
    // The whole process group, as the terminal's own Ctrl-Z would (raw
    // mode turned that off): the default action stops it here until
    // SIGCONT. In a group no shell watches (orphaned), the kernel drops
    // the signal and gavel goes on at once rather than hang.
    // SAFETY: kill(2) touches no memory of this process.
    if unsafe { libc::kill(0, libc::SIGTSTP) } != 0 {
        let error = io::Error::last_os_error();
        take()?;
        return Err(error);
    }
    take()?;
    ratatui::crossterm::terminal::size()
}

fn install_panic_hook() {
    use std::sync::Once;
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            eprintln!("gavel stopped because of a bug. Everything committed is in the meeting file; reopen it to continue.");
            previous(info);
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts the writes that reach it.
    #[derive(Default)]
    struct Counted {
        writes: usize,
        bytes: Vec<u8>,
    }

    impl Write for Counted {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.writes += 1;
            self.bytes.extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_frame_goes_out_in_one_write_whatever_is_flushed_inside_it() {
        let mut output = FrameOutput::new(Counted::default());
        output.begin_frame();
        for part in ["\x1b[?2026h", "cells", "\x1b[?25l"] {
            output.write_all(part.as_bytes()).unwrap();
            output.flush().unwrap();
        }
        assert_eq!(output.out.writes, 0, "held until the frame is complete");
        output.write_all(b"\x1b[?2026l").unwrap();
        output.end_frame().unwrap();
        assert_eq!(output.out.writes, 1);
        assert_eq!(output.out.bytes, b"\x1b[?2026hcells\x1b[?25l\x1b[?2026l");
        // Outside a frame (entering, leaving the screen) a flush writes.
        output.write_all(b"bye").unwrap();
        output.flush().unwrap();
        assert_eq!(output.out.writes, 2);
    }
}
