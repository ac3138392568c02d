//! The console's model and `update`, in the manner of The Elm Architecture:
//! every key, paste, click, resize, tick and word from the session is a
//! `Msg`; `update` changes the `Console` and returns the `Effect`s it asks
//! of the session (submit a command, save a draft, undo, quit...). It knows
//! no file and no terminal: tests drive it with a record built in memory.
//!
//! The modes are a stack of layers over the panes (a form, a question, the
//! help...): the layer on top takes the keys, each with its keymap as data,
//! and the footer and `?` come from it.

mod dispatch;
pub mod form;
pub mod help;
pub mod layers;
mod notices;
pub mod pane;
pub mod pane_keys;
pub mod panes;
pub mod roll_call;
mod title;
mod typing;

use crate::domain::clock::local_date;
pub use crate::domain::papers::Choice;
use crate::domain::*;
use crate::i18n::{Label, Lang, Texts, fill};
use crate::input::key::Key;
use crate::session::{FormDraft, Notice};
pub use form::{Form, FormKind};
pub use layers::{Change, CheckingIn, Confirm, Conflict, HallTheme, HallView, Layer};
pub use pane::{Pane, PaneState, Viewport};
pub use title::window_title;

/// What the console is told.
// A few at a time, never stored in bulk: boxing the large variant would
// only add noise.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(Key),
    /// A bracketed paste: one edit, however long.
    Paste(String),
    /// A click on a pane; `row` is the list row clicked, counted from the
    /// first row shown.
    Click {
        pane: Pane,
        row: Option<usize>,
    },
    /// The wheel over a pane: its list moves `lines` rows (up when
    /// negative).
    Scroll {
        pane: Pane,
        lines: isize,
    },
    /// The screen changed size: how many list rows each pane shows now.
    Resize(Viewport),
    /// The clock.
    Tick(Timestamp),
    /// What the session did with what was asked, or saw in the file.
    Session(Notice),
    /// Quitting was asked while `count` changes wait to be written.
    Unsaved(usize),
    /// A paper from the export menu was written here, or why not.
    PaperWritten(Result<std::path::PathBuf, String>),
}

/// What the console asks of the session (and the runtime).
// A few at a time, never stored in bulk: boxing the large variant would
// only add noise.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Record a command; from a form, whose drafts go with it.
    Submit {
        command: Command,
        form: Option<FormDraft>,
    },
    /// Save what is typed in a field (`@focus`: which field has the focus).
    SaveDraft {
        form: String,
        field: String,
        text: String,
        cursor: usize,
    },
    /// A form was cancelled: its drafts go.
    DiscardDrafts {
        form: String,
    },
    Undo,
    /// Move the review through the journal.
    Review(ReviewMove),
    /// Stop, if nothing waits to be written (else the runtime says
    /// `Msg::Unsaved`).
    Quit,
    /// Write what waits to a recovery file, then stop.
    WriteRecoveryAndQuit,
    /// Write a paper (the minutes, the notice...) beside the meeting file.
    WritePaper(Choice),
    /// Ctrl-Z: give the terminal back to the shell until `fg`. Everything
    /// typed is saved already (drafts on each key).
    Suspend,
}

/// A move through the journal in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewMove {
    Step(i64),
    First,
    Last,
}

/// The footer's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Info(String),
    Warning(String),
    Error(String),
}

/// What is on top, for the screen and for tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Panes,
    Review,
    Hall,
    Form,
    Conflict,
    Search,
    /// Checking people in by name as they arrive.
    RollCall,
    Confirm,
    Unsaved,
    Help,
    /// The export menu: which paper to write.
    Papers,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Console {
    pub lang: Lang,
    /// The role this console writes as: forms a role may not save are not
    /// offered (the store is what refuses a command).
    pub role: Role,
    /// The time the screen shows; set by the clock tick (in review, the
    /// reviewed moment), so drawing is a pure function of the state.
    pub now: Timestamp,
    pub focus: Pane,
    /// Which of Actions and Participants a narrow screen shows in the
    /// corner they share: the one focused last.
    pub corner: Pane,
    pub panes: [PaneState; Pane::COUNT],
    pub viewport: Viewport,
    /// The layers over the panes, bottom first.
    pub layers: Vec<Layer>,
    pub status: Option<Status>,
}

impl Console {
    pub fn new(lang: Lang, role: Role, now: Timestamp) -> Console {
        Console {
            lang,
            role,
            now,
            focus: Pane::Speakers,
            corner: Pane::Actions,
            panes: Default::default(),
            viewport: Viewport::default(),
            layers: Vec::new(),
            status: None,
        }
    }

    /// The live console as it opens on `record`: the agenda's selection on
    /// the item under way (not the first item).
    pub fn live(lang: Lang, role: Role, now: Timestamp, record: &Record) -> Console {
        let mut console = Console::new(lang, role, now);
        if let Some(item) = record.active_item() {
            console.panes[Pane::Agenda.index()].selected = Some(item.id);
            console.scroll(record, Pane::Agenda);
        }
        console
    }

    /// A console reviewing the journal (read-only).
    pub fn reviewing(lang: Lang, now: Timestamp) -> Console {
        let mut console = Console::new(lang, Role::Observer, now);
        console.layers.push(Layer::Review { stats: false });
        console
    }

    /// The hall display alone (`gavel hall`).
    pub fn hall(lang: Lang, theme: HallTheme, now: Timestamp) -> Console {
        let mut console = Console::new(lang, Role::Observer, now);
        console.layers.push(Layer::Hall(HallView {
            theme,
            standalone: true,
        }));
        console
    }

    pub fn texts(&self) -> &'static Texts {
        self.lang.texts()
    }

    pub fn top(&self) -> Option<&Layer> {
        self.layers.last()
    }

    pub fn mode(&self) -> Mode {
        self.top().map_or(Mode::Panes, Layer::mode)
    }

    /// The open form (under a conflict's question too).
    pub fn form(&self) -> Option<&Form> {
        self.layers.iter().rev().find_map(|layer| match layer {
            Layer::Form(form) => Some(&**form),
            _ => None,
        })
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        self.layers.iter_mut().rev().find_map(|layer| match layer {
            Layer::Form(form) => Some(&mut **form),
            _ => None,
        })
    }

    pub fn reviewing_stats(&self) -> Option<bool> {
        self.layers.iter().find_map(|layer| match layer {
            Layer::Review { stats } => Some(*stats),
            _ => None,
        })
    }

    pub fn hall_view(&self) -> Option<HallView> {
        self.layers.iter().rev().find_map(|layer| match layer {
            Layer::Hall(view) => Some(*view),
            _ => None,
        })
    }

    pub fn pane(&self, pane: Pane) -> &PaneState {
        &self.panes[pane.index()]
    }

    /// The ids the pane lists now.
    pub fn rows(&self, record: &Record, pane: Pane) -> Vec<Id> {
        pane::rows(record, pane, self.pane(pane).filter.as_deref())
    }

    pub fn selected(&self, record: &Record, pane: Pane) -> Option<Id> {
        let rows = self.rows(record, pane);
        self.pane(pane).selected_index(&rows).map(|i| rows[i])
    }

    /// Keeps the selected row of `pane` in view.
    fn scroll(&mut self, record: &Record, pane: Pane) {
        let rows = self.rows(record, pane);
        let height = self.viewport.list_rows[pane.index()];
        self.panes[pane.index()].scroll_to_selection(&rows, height);
    }

    /// After a search narrows a pane, select its first row if the selected one
    /// is filtered out.
    fn select_first_if_lost(&mut self, record: &Record, pane: Pane) {
        let rows = self.rows(record, pane);
        let state = &mut self.panes[pane.index()];
        if state.selected.is_none_or(|id| !rows.contains(&id)) {
            state.select_index(&rows, 0);
        }
        state.offset = 0;
        self.scroll(record, pane);
    }

    fn scroll_all(&mut self, record: &Record) {
        for pane in Pane::ALL {
            self.scroll(record, pane);
        }
    }

    /// The local date of the meeting's place.
    fn today(&self, record: &Record) -> chrono::NaiveDate {
        local_date(&record.meeting.details, self.now)
    }

    fn info(&mut self, message: String) {
        self.status = Some(Status::Info(message));
    }

    fn warn(&mut self, message: &str) {
        self.status = Some(Status::Warning(message.to_string()));
    }

    fn error(&mut self, message: String) {
        self.status = Some(Status::Error(message));
    }

    /// Whether this console's role may do what is in `area`: asked before a
    /// form or a question is offered, so nobody types what cannot be saved.
    fn allowed(&mut self, area: Area) -> bool {
        if self.role == Role::Observer {
            self.warn(self.texts().msg_read_only);
            return false;
        }
        if !self.role.may(area) {
            let message = fill(
                self.texts().msg_not_allowed,
                &[self.role.label(self.lang), area.label(self.lang)],
            );
            self.status = Some(Status::Warning(message));
            return false;
        }
        true
    }

    /// Would this command change a record whose minutes are approved?
    fn is_correction(record: &Record, command: &Command) -> bool {
        record.meeting.minutes == MinutesState::Approved
            && !matches!(command, Command::ApproveMinutes | Command::Undo { .. })
    }

    /// Records a command; once the minutes are approved, asks first.
    fn execute(&mut self, record: &Record, command: Command) -> Vec<Effect> {
        if Console::is_correction(record, &command) {
            self.confirm(record, self.texts().confirm_correction.to_string(), command);
            Vec::new()
        } else {
            vec![Effect::Submit {
                command,
                form: None,
            }]
        }
    }

    /// Asks before a command; after approval, the question says that the
    /// change will be a correction.
    fn confirm(&mut self, record: &Record, question: String, command: Command) {
        if !self.allowed(Area::of(&command)) {
            return;
        }
        let correction = self.texts().confirm_correction;
        let question = if Console::is_correction(record, &command) && question != correction {
            format!("{question} {correction}")
        } else {
            question
        };
        self.layers.push(Layer::Confirm(Confirm {
            question,
            command: Box::new(command),
        }));
    }
}

/// One message: the console changes, and says what it asks of the session.
pub fn update(console: &mut Console, record: &Record, msg: Msg) -> Vec<Effect> {
    let effects = handle(console, record, msg);
    if console.focus.shares_the_corner() {
        console.corner = console.focus;
    }
    effects
}

fn handle(console: &mut Console, record: &Record, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => dispatch::key(console, record, &key),
        // The name at the roll call (not in typing: the roll call opens
        // forms through it).
        Msg::Paste(text) if console.mode() == Mode::RollCall => {
            roll_call::paste(console, &text);
            Vec::new()
        }
        Msg::Paste(text) => typing::paste(console, record, &text),
        Msg::Click { pane, row } => {
            panes::click(console, record, pane, row);
            Vec::new()
        }
        // Over the help, the help scrolls, whatever pane is under it.
        Msg::Scroll { lines, .. } if console.mode() == Mode::Help => {
            help::wheel(console, lines);
            Vec::new()
        }
        Msg::Scroll { pane, lines } => {
            panes::scroll(console, record, pane, lines);
            Vec::new()
        }
        Msg::Resize(viewport) => {
            console.viewport = viewport;
            console.scroll_all(record);
            Vec::new()
        }
        Msg::Tick(now) => {
            // In review, the clock shows the reviewed moment.
            if console.reviewing_stats().is_none() {
                console.now = now;
            }
            Vec::new()
        }
        Msg::Session(notice) => notices::notice(console, record, notice),
        Msg::Unsaved(count) => {
            if console.mode() != Mode::Unsaved {
                console.layers.push(Layer::Unsaved { count });
            }
            Vec::new()
        }
        Msg::PaperWritten(Ok(path)) => {
            let path = path.display().to_string();
            console.info(fill(console.texts().msg_paper_written, &[&path]));
            Vec::new()
        }
        Msg::PaperWritten(Err(error)) => {
            console.error(fill(console.texts().msg_paper_failed, &[&error]));
            Vec::new()
        }
    }
}
