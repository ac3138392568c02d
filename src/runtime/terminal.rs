//! The terminal as gavel leaves it: raw mode, alternate screen, bracketed
//! paste and (optionally) mouse capture are undone on drop, on panic, and on
//! the signals that end a session.

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode,
    enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

pub type Tty = Terminal<CrosstermBackend<Stdout>>;

/// Whether there is a terminal to take: crossterm reads keys from standard
/// input when it is one, else from `/dev/tty`. Under `ssh host gavel …`
/// without `-t` there is neither, and raw mode would fail with a bare
/// "No such device or address".
pub fn available() -> bool {
    use std::io::IsTerminal;
    io::stdin().is_terminal() || std::fs::File::open("/dev/tty").is_ok()
}

/// Whether gavel has the terminal (raw mode, alternate screen) now.
/// Restoring twice would move the cursor back to where the alternate screen
/// was entered and print over the panic message.
static TAKEN: AtomicBool = AtomicBool::new(false);

pub struct TerminalGuard {
    pub terminal: Tty,
}

impl TerminalGuard {
    /// Takes over the terminal. A panic from here on restores it before the
    /// message is printed.
    pub fn enter(mouse: bool) -> io::Result<TerminalGuard> {
        install_panic_hook();
        enable_raw_mode()?;
        TAKEN.store(true, Ordering::SeqCst);
        let mut stdout = io::stdout();
        let entered = execute!(stdout, EnterAlternateScreen, EnableBracketedPaste).and_then(|_| {
            if mouse {
                execute!(stdout, EnableMouseCapture)
            } else {
                Ok(())
            }
        });
        if let Err(error) = entered {
            restore();
            return Err(error);
        }
        match Terminal::new(CrosstermBackend::new(stdout)) {
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

/// Cooked mode, main screen, cursor visible. Errors are ignored: after a
/// dropped connection there may be no terminal left to restore.
pub fn restore() {
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let mut stdout = io::stdout();
    // A stop in the middle of a frame leaves a synchronized update open, and
    // the terminal would show nothing more: end it first.
    let _ = execute!(
        stdout,
        EndSynchronizedUpdate,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = stdout.flush();
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
