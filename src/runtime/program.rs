//! The program the loop runs: the console's model, the session on the file
//! and the view, wired together. A message goes to `update`; the effects it
//! returns go to the session; what the session says comes back as
//! messages, until nothing is left to do.

use std::collections::VecDeque;

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::Rect;

use super::keys::key_of;
use crate::app::{self, Console, Effect, HallTheme, Msg, Pane, ReviewMove};
use crate::domain::{Record, Seq, Timestamp};
use crate::i18n::Lang;
use crate::session::{Notice, Session};
use crate::store::{Store, StoreError};
use crate::ui::{self, View, layout};

pub struct Program {
    pub console: Console,
    pub session: Session,
    pub view: View,
    /// The person asked to quit and nothing waits to be written (or it went
    /// to a recovery file).
    pub quit: bool,
    /// Journal entries this console has written (each was shown saved).
    pub written: usize,
    /// The terminal's size, for clicks.
    size: (u16, u16),
    /// Resize events so far: the screen is drawn whole after each.
    resizes: u64,
    /// The time of the last event or tick.
    clock: Timestamp,
    /// Ctrl-Z was pressed: the loop gives the terminal back to the shell.
    suspend: bool,
    /// The meeting's title and the window title made of it (made again
    /// only when the meeting's title changes, not on every frame).
    title: Option<(String, String)>,
}

/// Rows the list under the pointer moves per notch of the wheel.
pub const WHEEL_LINES: isize = 3;

impl Program {
    pub fn new(console: Console, session: Session, view: View) -> Program {
        let clock = console.now;
        Program {
            console,
            session,
            view,
            quit: false,
            written: 0,
            size: (80, 24),
            resizes: 0,
            clock,
            suspend: false,
            title: None,
        }
    }

    /// The live console on an open store: a writer gets back its unfinished
    /// form and is told if its name is already open elsewhere.
    pub fn live(store: Store, lang: Lang, now: Timestamp, view: View) -> Program {
        let role = store.role();
        let (session, notices) = Session::open(store);
        let console = Console::live(lang, role, now, session.record());
        let mut program = Program::new(console, session, view);
        for notice in notices {
            program.handle(Msg::Session(notice));
        }
        program
    }

    /// The console over the journal, read-only, at its last entry.
    pub fn review(store: Store, lang: Lang, view: View) -> Result<Program, StoreError> {
        let session = Session::review(store)?;
        let now = session.reviewed_at().unwrap_or_else(crate::store::now);
        Ok(Program::new(Console::reviewing(lang, now), session, view))
    }

    /// The hall display alone, on an observer's connection.
    pub fn hall(store: Store, lang: Lang, theme: HallTheme, now: Timestamp, view: View) -> Program {
        let (session, _) = Session::open(store);
        Program::new(Console::hall(lang, theme, now), session, view)
    }

    /// The record on screen.
    pub fn record(&self) -> &Record {
        self.session.record()
    }

    /// One message, and everything it leads to.
    pub fn handle(&mut self, msg: Msg) {
        let mut queue = VecDeque::from([msg]);
        while let Some(msg) = queue.pop_front() {
            if let Msg::Session(Notice::Committed { .. }) = msg {
                self.written += 1;
            }
            for effect in app::update(&mut self.console, self.session.record(), msg) {
                queue.extend(self.apply(effect));
            }
        }
    }

    /// Asks the session for something as the console would (a test or a
    /// benchmark giving a command without typing it).
    pub fn ask(&mut self, effect: Effect) {
        for msg in self.apply(effect) {
            self.handle(msg);
        }
    }

    /// A terminal event.
    pub fn event(&mut self, event: Event, now: Timestamp) {
        self.clock = now;
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                if let Some(key) = key_of(&key) {
                    self.handle(Msg::Key(key));
                }
            }
            Event::Paste(text) => self.handle(Msg::Paste(text)),
            Event::Resize(width, height) => self.resize(width, height),
            Event::Mouse(mouse) => {
                let Some((pane, row)) = self.hit(mouse.column, mouse.row) else {
                    return;
                };
                match mouse.kind {
                    MouseEventKind::Down(MouseButton::Left) => {
                        self.handle(Msg::Click { pane, row })
                    }
                    MouseEventKind::ScrollUp => self.handle(Msg::Scroll {
                        pane,
                        lines: -WHEEL_LINES,
                    }),
                    MouseEventKind::ScrollDown => self.handle(Msg::Scroll {
                        pane,
                        lines: WHEEL_LINES,
                    }),
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// The pane under the pointer, as the view lays the screen out at its
    /// size (the layout drawing uses, `ui::layout::screen`), and the list
    /// row, if it is one. None on the header, the footer, or a screen too
    /// small for panes.
    fn hit(&self, column: u16, row: u16) -> Option<(Pane, Option<usize>)> {
        let (width, height) = self.size;
        if layout::is_too_small(Rect::new(0, 0, width, height)) {
            return None;
        }
        layout::hit(width, height, column, row, self.console.corner)
    }

    /// Whether Ctrl-Z asked the loop to give the terminal back; asked once.
    pub fn take_suspend(&mut self) -> bool {
        std::mem::take(&mut self.suspend)
    }

    /// Whether Ctrl-Z waits for the loop (the keys after it wait too).
    pub fn suspending(&self) -> bool {
        self.suspend
    }

    /// The terminal window's title: the program and the meeting.
    pub fn title(&mut self) -> &str {
        let meeting = &self.session.record().meeting.details.title;
        match &self.title {
            Some((made_of, _)) if made_of == meeting => {}
            _ => {
                let title = app::window_title(self.session.record());
                self.title = Some((meeting.clone(), title));
            }
        }
        self.title.as_ref().map_or("gavel", |(_, title)| title)
    }

    /// The terminal's size, as the last resize event gave it.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Resize events so far.
    pub fn resizes(&self) -> u64 {
        self.resizes
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.resizes += 1;
        self.handle(Msg::Resize(layout::viewport(width, height)));
    }

    /// The clock: the screen's time, and the session's retries, heartbeat
    /// and presence. Returns whether anything changed.
    pub fn tick(&mut self, now: Timestamp) -> bool {
        self.clock = now;
        self.handle(Msg::Tick(now));
        let notices = self.session.tick(now);
        self.notices(notices)
    }

    /// Writes what was typed (after each batch of keys, before drawing).
    pub fn flush(&mut self, now: Timestamp) -> bool {
        self.clock = now;
        let notices = self.session.flush(now);
        self.notices(notices)
    }

    /// Reads what other processes committed; returns whether anything
    /// changed.
    pub fn sync(&mut self) -> bool {
        let notices = self.session.sync();
        self.notices(notices)
    }

    pub fn draw(&mut self, frame: &mut Frame) {
        let session = self.session.view();
        ui::draw(
            frame,
            &mut self.view,
            &self.console,
            &session,
            self.session.record(),
        );
    }

    /// Draws into a buffer that still holds the last frame drawn this way
    /// (the loop's `Screen`); says which rows changed.
    pub fn draw_kept(&mut self, frame: &mut Frame) -> ui::Damage {
        let session = self.session.view();
        ui::draw_kept(
            frame,
            &mut self.view,
            &self.console,
            &session,
            self.session.record(),
        )
    }

    /// The console is closing: a last try at what waits; the others stop
    /// listing it.
    pub fn close(&mut self, now: Timestamp) {
        self.session.close(now);
    }

    fn notices(&mut self, notices: Vec<Notice>) -> bool {
        let changed = !notices.is_empty();
        for notice in notices {
            self.handle(Msg::Session(notice));
        }
        changed
    }

    /// Carries out an effect; what the session says becomes messages.
    fn apply(&mut self, effect: Effect) -> Vec<Msg> {
        let now = self.clock;
        let notices = match effect {
            Effect::Submit { command, form } => self.session.submit(now, command, form),
            Effect::SaveDraft {
                form,
                field,
                text,
                cursor,
            } => {
                self.session.save_draft(&form, &field, &text, cursor);
                Vec::new()
            }
            Effect::DiscardDrafts { form } => self.session.discard_drafts(now, &form),
            Effect::Undo => self.session.undo(now),
            Effect::Review(step) => {
                let position = self.session.review_position().unwrap_or(0);
                let target = match step {
                    ReviewMove::Step(delta) => position.saturating_add_signed(delta).max(1),
                    ReviewMove::First => 1,
                    ReviewMove::Last => Seq::MAX,
                };
                self.session.review_to(target)
            }
            Effect::Quit => match self.session.unsaved() {
                0 => {
                    self.quit = true;
                    Vec::new()
                }
                count => return vec![Msg::Unsaved(count)],
            },
            Effect::WritePaper(choice) => {
                let details = &self.session.record().meeting.details;
                let today = crate::domain::clock::local_date(details, now);
                let written = crate::export::documents::write_beside(
                    self.session.store(),
                    choice,
                    self.console.lang,
                    today,
                );
                let lang = self.console.lang;
                return vec![Msg::PaperWritten(written.map_err(|e| e.localized(lang)))];
            }
            Effect::Suspend => {
                self.suspend = true;
                Vec::new()
            }
            Effect::WriteRecoveryAndQuit => match self.session.write_recovery() {
                Ok(_) => {
                    self.quit = true;
                    Vec::new()
                }
                Err(error) => vec![Notice::Failed {
                    error: crate::i18n::ErrorText::new(|lang| crate::i18n::io_error(lang, &error)),
                }],
            },
        };
        notices.into_iter().map(Msg::Session).collect()
    }
}
