//! The console's state — focus, selection, the open form, the mode — and
//! `update`: every key, paste, click and tick goes through here. It knows no
//! terminal: tests drive it with key events and draw it on a `TestBackend`.

pub mod form;
pub mod layout;
pub mod panes;
pub mod review;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use ratatui::crossterm::event::{
    Event as TermEvent, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};

use crate::domain::clock::local_date;
use crate::domain::*;
use crate::i18n::{Label, Lang, Texts, domain_error, fill};
use crate::input::keymap::{self, Action, Pane};
use crate::input::textfield::TextField;
use crate::recovery::{PendingChange, PendingDraft, Recovery};
use crate::store::{self, Presence, Store, StoreError, Typing};
use form::{Form, FormKind, FormOutcome};
use panes::PaneState;

/// The draft row that remembers which field of a form has the focus.
const FOCUS_FIELD: &str = "@focus";

/// A console says it is here this often...
const HEARTBEAT: chrono::TimeDelta = chrono::TimeDelta::seconds(2);
/// ...and drops off the others' footers when silent this long.
const PRESENCE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(6);
/// Drafts changed this recently mean somebody is typing.
const TYPING_WINDOW: std::time::Duration = std::time::Duration::from_secs(5);

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Normal,
    Help,
    /// Typing a search for the focused pane.
    Search(TextField),
    /// A question before a command that withdraws or cancels something.
    Confirm {
        question: String,
        command: Box<Command>,
    },
    Form(Box<Form>),
    /// Quitting while changes wait to be written: a recovery file?
    Unsaved,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Info(String),
    Warning(String),
    Error(String),
}

pub struct App {
    store: Store,
    pub lang: Lang,
    /// The time the screen shows; set by the clock tick, so drawing is a
    /// pure function of the state.
    pub now: Timestamp,
    pub focus: Pane,
    pub panes: [PaneState; 4],
    pub mode: Mode,
    pub status: Option<Status>,
    /// The terminal's size, for scrolling and mouse clicks.
    pub size: (u16, u16),
    pub color: bool,
    pub palette: crate::ui::theme::Palette,
    pub quit: bool,
    /// Form fields edited since the last draft save (indices), and whether
    /// the focus moved.
    dirty_fields: BTreeSet<usize>,
    focus_moved: bool,
    /// The last write that failed, if the latest attempt failed.
    pub write_error: Option<String>,
    /// This console among the others on the same meeting.
    session: String,
    last_heartbeat: Option<Timestamp>,
    /// The other consoles, and who of them is typing.
    pub others: Vec<Presence>,
    pub typing: Vec<Typing>,
    /// Review mode: the record at a point of the journal, read-only.
    pub review: Option<review::Review>,
    rows_cache: RefCell<[Option<CachedRows>; 4]>,
    /// The header and panes as last drawn, and what they were drawn from
    /// (kept by `ui`, which alone knows what that is).
    pub background_cache: RefCell<Option<(u64, ratatui::buffer::Buffer)>>,
    /// Commands given while the file could not be written, in order; tried
    /// again every second.
    pub pending: Vec<PendingChange>,
    last_retry: Option<Timestamp>,
    /// Where the unsaved changes went when the console stopped with some.
    pub recovery_file: Option<std::path::PathBuf>,
    /// The hall display (`h`, or `gavel hall`) is on instead of the panes.
    pub hall: Option<crate::hall::HallView>,
}

/// A pane's rows and what they were made of.
type CachedRows = (RowsKey, Rc<Vec<Id>>);

/// What a pane's rows depend on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RowsKey {
    depends_on: [u64; 3],
    filter: Option<String>,
}

impl App {
    /// A console on an open store; brings back an unfinished form.
    pub fn new(store: Store, lang: Lang, now: Timestamp) -> App {
        let mut app = App {
            store,
            lang,
            now,
            focus: Pane::Speakers,
            panes: Default::default(),
            mode: Mode::Normal,
            status: None,
            size: (80, 24),
            color: true,
            palette: Default::default(),
            quit: false,
            dirty_fields: BTreeSet::new(),
            focus_moved: false,
            write_error: None,
            session: session_id(),
            last_heartbeat: None,
            others: Vec::new(),
            typing: Vec::new(),
            review: None,
            rows_cache: RefCell::default(),
            background_cache: RefCell::default(),
            pending: Vec::new(),
            last_retry: None,
            recovery_file: None,
            hall: None,
        };
        app.restore_form();
        app
    }

    /// A console over the journal: the record as it stood at any entry
    /// (opened at the last one), read-only.
    pub fn review(store: Store, lang: Lang) -> Result<App, StoreError> {
        let review = review::Review::at_end(&store)?;
        let now = review.entry.as_ref().map_or_else(store::now, |e| e.at);
        let mut app = App::new(store, lang, now);
        app.mode = Mode::Normal;
        app.review = Some(review);
        Ok(app)
    }

    /// The record on screen: the live one, or the reviewed moment.
    pub fn record(&self) -> &Record {
        match &self.review {
            Some(review) => &review.record,
            None => self.store.record(),
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn texts(&self) -> &'static Texts {
        self.lang.texts()
    }

    pub fn role(&self) -> Role {
        self.store.role()
    }

    pub fn pane(&self, pane: Pane) -> &PaneState {
        &self.panes[pane.index()]
    }

    /// The ids the pane lists now.
    /// The ids the pane lists now. Kept until the record or the pane's
    /// filter changes: drawing asks on every frame, and a large meeting has
    /// thousands of rows.
    pub fn rows(&self, pane: Pane) -> Rc<Vec<Id>> {
        let v = self.record().versions();
        // What each pane's rows are made of.
        let depends_on = match pane {
            Pane::Agenda => [v.agenda, 0, 0],
            Pane::Speakers => [v.requests, v.agenda, v.participants],
            Pane::Issues => [v.issues, v.participants, 0],
            Pane::Actions => [v.actions, 0, 0],
        };
        let key = RowsKey {
            depends_on,
            filter: self.pane(pane).filter.clone(),
        };
        let mut cache = self.rows_cache.borrow_mut();
        let slot = &mut cache[pane.index()];
        match slot {
            Some((cached_key, rows)) if *cached_key == key => Rc::clone(rows),
            _ => {
                let rows = Rc::new(panes::rows(self.record(), pane, key.filter.as_deref()));
                *slot = Some((key, Rc::clone(&rows)));
                rows
            }
        }
    }

    /// Drops the cached rows (a benchmark measures a frame after a change).
    pub fn forget_cached_rows(&self) {
        *self.rows_cache.borrow_mut() = Default::default();
        *self.background_cache.borrow_mut() = None;
    }

    pub fn selected(&self, pane: Pane) -> Option<Id> {
        let rows = self.rows(pane);
        self.pane(pane).selected_index(&rows).map(|i| rows[i])
    }

    // ----- events -------------------------------------------------------

    /// One terminal event. Drafts are saved by `flush` (the event loop calls
    /// it after each batch of events, before drawing).
    pub fn handle_event(&mut self, event: TermEvent) {
        if self.hall.is_some() {
            // The wall takes no pastes and no clicks.
            return match event {
                TermEvent::Key(key) if key.kind != KeyEventKind::Release => self.hall_key(&key),
                TermEvent::Resize(width, height) => self.resize(width, height),
                _ => {}
            };
        }
        match event {
            TermEvent::Key(key) if key.kind != KeyEventKind::Release => self.handle_key(key),
            TermEvent::Paste(text) => self.paste(&text),
            TermEvent::Resize(width, height) => self.resize(width, height),
            TermEvent::Mouse(mouse) => self.click(mouse),
            _ => {}
        }
    }

    /// A key in the hall view: only the keys that leave it do anything.
    fn hall_key(&mut self, key: &KeyEvent) {
        let Some(view) = self.hall else {
            return;
        };
        match view.key(key) {
            crate::hall::HallKey::Ignore => {}
            crate::hall::HallKey::Leave => self.hall = None,
            crate::hall::HallKey::Quit => {
                if !view.standalone {
                    // Back to the console first: it may have a question.
                    self.hall = None;
                }
                self.perform(Action::Quit);
            }
        }
    }

    /// Review keys: ← → one entry, [ ] ten, { } the first and last, `s`
    /// statistics. Returns whether the key was one of them.
    fn review_key(&mut self, key: &KeyEvent) -> bool {
        use ratatui::crossterm::event::KeyCode;
        let Some(review) = self.review.as_mut() else {
            return false;
        };
        let moved = match key.code {
            KeyCode::Left | KeyCode::Char('h') => review.step(&self.store, -1),
            KeyCode::Right | KeyCode::Char('l') => review.step(&self.store, 1),
            KeyCode::Char('[') => review.step(&self.store, -10),
            KeyCode::Char(']') => review.step(&self.store, 10),
            KeyCode::Char('{') => review.go_to(&self.store, 1),
            KeyCode::Char('}') => review.go_to(&self.store, Seq::MAX),
            KeyCode::Char('s') => {
                review.stats = !review.stats;
                Ok(())
            }
            _ => return false,
        };
        match moved {
            Ok(()) => {
                if let Some(entry) = &review.entry {
                    self.now = entry.at;
                }
                for pane in Pane::ALL {
                    self.scroll(pane);
                }
            }
            Err(error) => self.write_failed(&error),
        }
        true
    }

    /// The clock: sets the time the screen shows, beats the heartbeat and
    /// looks at who else is here. Returns whether presence changed.
    pub fn tick(&mut self, now: Timestamp) -> bool {
        // In review, the clock shows the reviewed moment.
        if self.review.is_none() {
            self.now = now;
        }
        self.retry_unsaved(now);
        if self
            .last_heartbeat
            .is_some_and(|last| now - last < HEARTBEAT)
        {
            return false;
        }
        self.last_heartbeat = Some(now);
        if let Err(error) = self.store.heartbeat(&self.session) {
            self.write_failed(&error);
        }
        // Presence is a courtesy: a file without it (an old schema opened
        // by an observer) just shows nobody.
        let others = self
            .store
            .others_present(&self.session, PRESENCE_TIMEOUT)
            .unwrap_or_default();
        let typing = self.store.others_typing(TYPING_WINDOW).unwrap_or_default();
        let changed = others != self.others || typing != self.typing;
        self.others = others;
        self.typing = typing;
        changed
    }

    /// Tries again, once a second, what could not be written: the drafts,
    /// then the commands in the order they were given.
    fn retry_unsaved(&mut self, now: Timestamp) {
        let waiting = !self.pending.is_empty()
            || (self.write_error.is_some() && !self.dirty_fields.is_empty());
        if !waiting
            || self
                .last_retry
                .is_some_and(|last| now - last < chrono::TimeDelta::seconds(1))
        {
            return;
        }
        self.last_retry = Some(now);
        self.flush();
        let mut saved = 0;
        while let Some(change) = self.pending.first().cloned() {
            match self.store.execute_at(change.command, change.at) {
                Ok(_) => {
                    saved += 1;
                    if let Some(form) = &change.form {
                        let _ = self.store.discard_drafts(form);
                    }
                }
                Err(StoreError::Refused(error)) => {
                    // The record moved on meanwhile: say so, do not insist.
                    let message = fill(
                        self.texts().msg_refused,
                        &[&domain_error(self.lang, &error)],
                    );
                    self.status = Some(Status::Warning(message));
                }
                Err(error) => {
                    self.kept_for_retry(&error);
                    break;
                }
            }
            self.pending.remove(0);
        }
        if saved > 0 && self.pending.is_empty() {
            self.write_error = None;
            self.info(fill(self.texts().msg_retried, &[&saved.to_string()]));
        }
    }

    /// Changes that are only in memory: commands waiting, and form fields
    /// whose drafts could not be written.
    pub fn unsaved_count(&self) -> usize {
        let drafts = if self.write_error.is_some() {
            self.dirty_fields.len()
        } else {
            0
        };
        self.pending.len() + drafts
    }

    /// Everything not yet written, as a recovery file's content.
    pub fn recovery(&self) -> Recovery {
        let mut recovery = Recovery::new(
            self.store.path(),
            self.store.actor(),
            self.role(),
            store::now(),
        );
        recovery.changes = self.pending.clone();
        if let Mode::Form(form) = &self.mode
            && self.write_error.is_some()
        {
            let key = form.kind.key();
            recovery.drafts = form
                .fields
                .iter()
                .map(|field| {
                    let (text, cursor) = field.draft();
                    PendingDraft {
                        form: key.clone(),
                        field: field.key.to_string(),
                        text: text.to_string(),
                        cursor,
                    }
                })
                .collect();
        }
        recovery
    }

    /// Writes the unsaved changes to a recovery file (if there are any) and
    /// remembers where.
    pub fn write_recovery(&mut self) -> Option<std::path::PathBuf> {
        if self.unsaved_count() == 0 {
            return None;
        }
        match self.recovery().write() {
            Ok(path) => {
                self.recovery_file = Some(path.clone());
                Some(path)
            }
            Err(error) => {
                self.status = Some(Status::Error(fill(
                    self.texts().msg_write_failed,
                    &[&error.to_string()],
                )));
                None
            }
        }
    }

    /// The console is closing: the others stop listing it at once.
    pub fn close(&mut self) {
        self.flush();
        let _ = self.store.leave(&self.session);
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        for pane in Pane::ALL {
            self.scroll(pane);
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if self.mode == Mode::Normal && self.review.is_some() && self.review_key(&key) {
            return;
        }
        match &mut self.mode {
            Mode::Normal => {
                if let Some(action) = keymap::lookup(&key, self.focus) {
                    self.status = None;
                    self.perform(action);
                }
            }
            Mode::Help => {
                use ratatui::crossterm::event::KeyCode;
                if matches!(
                    key.code,
                    KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q')
                ) {
                    self.mode = Mode::Normal;
                }
            }
            Mode::Search(field) => {
                use ratatui::crossterm::event::KeyCode;
                match key.code {
                    KeyCode::Esc => {
                        self.panes[self.focus.index()].filter = None;
                        self.mode = Mode::Normal;
                    }
                    KeyCode::Enter => self.mode = Mode::Normal,
                    _ => field.handle_key(&key),
                }
                if let Mode::Search(field) = &self.mode {
                    let filter = Some(field.text().to_string()).filter(|f| !f.is_empty());
                    self.panes[self.focus.index()].filter = filter;
                    self.select_first_if_lost(self.focus);
                }
            }
            Mode::Confirm { command, .. } => {
                use ratatui::crossterm::event::KeyCode;
                match key.code {
                    KeyCode::Char('y') | KeyCode::Char('Y') => {
                        let command = (**command).clone();
                        self.mode = Mode::Normal;
                        self.execute_confirmed(command);
                    }
                    KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => {
                        self.mode = Mode::Normal
                    }
                    _ => {}
                }
            }
            Mode::Unsaved => {
                use ratatui::crossterm::event::KeyCode;
                match key.code {
                    KeyCode::Char('y') | KeyCode::Char('Y') => {
                        if self.write_recovery().is_some() {
                            self.quit = true;
                        } else {
                            self.mode = Mode::Normal;
                        }
                    }
                    KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => {
                        self.mode = Mode::Normal
                    }
                    _ => {}
                }
            }
            Mode::Form(form) if form.conflict.is_some() => {
                use ratatui::crossterm::event::KeyCode;
                match key.code {
                    KeyCode::Char('k') => self.keep_mine(),
                    KeyCode::Char('t') => self.take_theirs(),
                    KeyCode::Esc => {
                        form.conflict = None;
                        form.error = None;
                    }
                    _ => {}
                }
            }
            Mode::Form(form) => {
                let before = form.focus;
                let outcome = form.handle_key(key, self.store.record());
                self.after_form_input(outcome, before);
            }
        }
    }

    fn paste(&mut self, text: &str) {
        match &mut self.mode {
            Mode::Form(form) => {
                let before = form.focus;
                let outcome = form.paste(text);
                self.after_form_input(outcome, before);
            }
            Mode::Search(field) => {
                field.insert_str(text);
                let filter = Some(field.text().to_string());
                self.panes[self.focus.index()].filter = filter;
            }
            _ => self.status = Some(Status::Warning(self.texts().msg_paste_ignored.into())),
        }
    }

    fn click(&mut self, mouse: MouseEvent) {
        if mouse.kind != MouseEventKind::Down(MouseButton::Left) || self.mode != Mode::Normal {
            return;
        }
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let screen = layout::screen(area);
        if let Some((pane, rect)) = layout::pane_at(&screen, mouse.column, mouse.row) {
            self.focus = pane;
            if mouse.row > rect.y && mouse.row < rect.bottom().saturating_sub(1) {
                let index = self.pane(pane).offset + usize::from(mouse.row - rect.y - 1);
                let rows = self.rows(pane);
                if index < rows.len() {
                    self.panes[pane.index()].select_index(&rows, index);
                }
            }
        }
    }

    fn after_form_input(&mut self, outcome: FormOutcome, focus_before: usize) {
        let Mode::Form(form) = &mut self.mode else {
            return;
        };
        match outcome {
            FormOutcome::Unchanged => {}
            FormOutcome::Edited => {
                self.dirty_fields.insert(form.focus);
            }
            FormOutcome::Moved => {
                self.dirty_fields.insert(focus_before);
                self.dirty_fields.insert(form.focus);
                self.focus_moved = true;
            }
            FormOutcome::Save => {
                // Saving may have taken a completion into the field: if the
                // save is refused, the draft must hold what is shown.
                self.dirty_fields.insert(form.focus);
                self.save_form();
            }
            FormOutcome::Cancel => {
                let key = form.kind.key();
                self.mode = Mode::Normal;
                self.dirty_fields.clear();
                self.focus_moved = false;
                if let Err(error) = self.store.discard_drafts(&key) {
                    self.write_failed(&error);
                }
            }
        }
    }

    /// Saves what changed in the open form as drafts: one transaction for
    /// the whole batch of keys. Called before anything is drawn.
    pub fn flush(&mut self) {
        if self.dirty_fields.is_empty() && !self.focus_moved {
            return;
        }
        let Mode::Form(form) = &self.mode else {
            self.dirty_fields.clear();
            return;
        };
        let key = form.kind.key();
        let mut rows: Vec<(&str, &str, usize)> = self
            .dirty_fields
            .iter()
            .filter_map(|i| form.fields.get(*i))
            .map(|field| {
                let (text, cursor) = field.draft();
                (field.key, text, cursor)
            })
            .collect();
        if self.focus_moved {
            rows.push((FOCUS_FIELD, form.focused().key, 0));
        }
        match self.store.save_drafts(&key, &rows) {
            Ok(()) => {
                self.dirty_fields.clear();
                self.focus_moved = false;
                self.write_error = None;
            }
            // Kept dirty: the next flush tries again.
            Err(error) => self.write_failed(&error),
        }
    }

    /// Reads what other processes committed; returns true when the record
    /// changed.
    pub fn refresh(&mut self) -> bool {
        match self.store.poll() {
            Ok(entries) => {
                if !entries.is_empty() {
                    for pane in Pane::ALL {
                        self.scroll(pane);
                    }
                }
                !entries.is_empty()
            }
            Err(error) => {
                self.write_failed(&error);
                false
            }
        }
    }

    // ----- actions ------------------------------------------------------

    fn perform(&mut self, action: Action) {
        let pane = self.focus;
        match action {
            Action::FocusNext => self.focus = pane.next(),
            Action::FocusPrev => self.focus = pane.prev(),
            Action::Focus(target) => self.focus = target,
            Action::Up => self.move_selection(-1),
            Action::Down => self.move_selection(1),
            Action::PageUp => self.move_selection(-(self.page() as isize)),
            Action::PageDown => self.move_selection(self.page() as isize),
            Action::Top => self.move_selection(isize::MIN / 2),
            Action::Bottom => self.move_selection(isize::MAX / 2),
            Action::Add => match pane {
                Pane::Agenda => self.open_form(FormKind::NewAgendaItem),
                Pane::Speakers => self.open_form(FormKind::NewRequest(RequestKind::Normal)),
                Pane::Issues => self.open_form(FormKind::NewIssue),
                Pane::Actions => self.open_form(FormKind::NewAction { issue: None }),
            },
            Action::Edit => self.edit_selected(),
            Action::Delete => self.confirm_delete(),
            Action::StartItem => {
                if let Some(id) = self.selected(Pane::Agenda) {
                    self.execute(Command::StartAgendaItem(id));
                } else {
                    self.warn(self.texts().msg_nothing_selected);
                }
            }
            Action::FinishItem => self.execute(Command::FinishAgendaItem),
            Action::Adjourn => {
                self.confirm(self.texts().confirm_adjourn.into(), Command::AdjournMeeting)
            }
            Action::Approve => {
                self.confirm(self.texts().confirm_approve.into(), Command::ApproveMinutes)
            }
            Action::CloseIssue => match self.selected_issue() {
                Some(issue) => self.open_form(FormKind::CloseIssue { id: issue.id }),
                None => self.warn(self.texts().msg_nothing_selected),
            },
            Action::NextSpeaker => self.execute(Command::NextSpeaker),
            Action::TogglePause => self.execute(Command::TogglePause),
            Action::AddTime => self.execute(Command::AddTime { seconds: 30 }),
            Action::ToggleQueue => {
                let active = self.record().active_item().map(|i| i.id);
                let closed = self.record().queue_is_closed(active);
                self.execute(Command::SetQueueClosed(!closed));
            }
            Action::RequestReply => self.open_form(FormKind::NewRequest(RequestKind::Reply)),
            Action::RequestPointOfOrder => {
                self.open_form(FormKind::NewRequest(RequestKind::PointOfOrder))
            }
            Action::LogIssue => self.open_form(FormKind::NewIssue),
            Action::Answer => match self.selected_issue() {
                Some(issue) => self.open_form(FormKind::Answer {
                    id: issue.id,
                    base_rev: issue.rev,
                }),
                None => self.warn(self.texts().msg_nothing_selected),
            },
            Action::AssignAction => {
                let issue = self.selected_issue().map(|i| i.id);
                self.open_form(FormKind::NewAction { issue });
            }
            Action::Search => {
                let current = self.pane(pane).filter.clone().unwrap_or_default();
                self.mode = Mode::Search(TextField::single_line().with_text(&current, usize::MAX));
            }
            Action::ClearFilter => self.panes[pane.index()].filter = None,
            Action::Undo => self.undo(),
            Action::Help => self.mode = Mode::Help,
            Action::HallView => {
                self.hall = Some(crate::hall::HallView {
                    theme: crate::hall::HallTheme::Dark,
                    standalone: false,
                })
            }
            Action::Quit => {
                if self.unsaved_count() > 0 {
                    self.mode = Mode::Unsaved;
                } else {
                    self.quit = true;
                }
            }
        }
    }

    fn selected_issue(&self) -> Option<&Issue> {
        if self.focus != Pane::Issues {
            return None;
        }
        self.selected(Pane::Issues)
            .and_then(|id| self.record().issues.get(&id))
    }

    fn page(&self) -> usize {
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let screen = layout::screen(area);
        layout::list_height(screen.panes[self.focus.index()]).max(1)
    }

    fn move_selection(&mut self, delta: isize) {
        let pane = self.focus;
        let rows = self.rows(pane);
        let state = &mut self.panes[pane.index()];
        let current = state.selected_index(&rows).unwrap_or(0) as isize;
        let target =
            (current.saturating_add(delta)).clamp(0, rows.len().saturating_sub(1) as isize);
        state.select_index(&rows, target as usize);
        self.scroll(pane);
    }

    /// After a search narrows a pane, select its first row if the selected
    /// one is filtered out.
    fn select_first_if_lost(&mut self, pane: Pane) {
        let rows = self.rows(pane);
        let state = &mut self.panes[pane.index()];
        if state.selected.is_none_or(|id| !rows.contains(&id)) {
            state.select_index(&rows, 0);
        }
        state.offset = 0;
        self.scroll(pane);
    }

    fn scroll(&mut self, pane: Pane) {
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let height = layout::list_height(layout::screen(area).panes[pane.index()]);
        let rows = self.rows(pane);
        self.panes[pane.index()].scroll_to_selection(&rows, height);
    }

    fn edit_selected(&mut self) {
        let Some(id) = self.selected(self.focus) else {
            return self.warn(self.texts().msg_nothing_selected);
        };
        let record = self.record();
        let kind = match self.focus {
            Pane::Agenda => record.agenda.get(&id).map(|i| FormKind::EditAgendaItem {
                id,
                base_rev: i.rev,
            }),
            Pane::Speakers => record
                .requests
                .get(&id)
                .filter(|r| r.status == RequestStatus::Waiting)
                .map(|r| FormKind::EditRequest {
                    id,
                    base_rev: r.rev,
                }),
            Pane::Issues => record.issues.get(&id).map(|i| FormKind::EditIssue {
                id,
                base_rev: i.rev,
            }),
            Pane::Actions => record.actions.get(&id).map(|a| FormKind::EditAction {
                id,
                base_rev: a.rev,
            }),
        };
        match kind {
            Some(kind) => self.open_form(kind),
            None => self.warn(self.texts().msg_cannot_edit_row),
        }
    }

    /// `x`: withdraw a request, skip an agenda item, withdraw an issue or
    /// cancel an action, after a question.
    fn confirm_delete(&mut self) {
        let Some(id) = self.selected(self.focus) else {
            return self.warn(self.texts().msg_nothing_selected);
        };
        let t = self.texts();
        let record = self.record();
        let question = match self.focus {
            Pane::Speakers => record
                .requests
                .get(&id)
                .filter(|r| r.status == RequestStatus::Waiting)
                .map(|r| {
                    (
                        fill(
                            t.confirm_withdraw_request,
                            &[record.participant_name(r.participant)],
                        ),
                        Command::WithdrawRequest(id),
                    )
                }),
            Pane::Agenda => record
                .agenda
                .get(&id)
                .filter(|i| i.status == AgendaStatus::Pending)
                .map(|i| {
                    (
                        fill(t.confirm_skip_item, &[&i.title]),
                        Command::SkipAgendaItem(id),
                    )
                }),
            Pane::Issues => record
                .issues
                .get(&id)
                .filter(|i| i.disposition != Disposition::Withdrawn)
                .map(|i| {
                    (
                        fill(t.confirm_withdraw_issue, &[&i.number.to_string()]),
                        Command::AnswerIssue {
                            id,
                            base_rev: i.rev,
                            fields: AnswerFields {
                                answer: i.answer.clone(),
                                disposition: Disposition::Withdrawn,
                                reply_due: None,
                                escalated_to: String::new(),
                            },
                        },
                    )
                }),
            Pane::Actions => record
                .actions
                .get(&id)
                .filter(|a| a.status != ActionStatus::Cancelled)
                .map(|a| {
                    (
                        fill(t.confirm_cancel_action, &[&a.title]),
                        Command::EditAction {
                            id,
                            base_rev: a.rev,
                            fields: ActionFields {
                                title: a.title.clone(),
                                owner: a.owner.clone(),
                                issue: a.issue,
                                due: a.due,
                                status: ActionStatus::Cancelled,
                                completion_ref: a.completion_ref.clone(),
                            },
                        },
                    )
                }),
        };
        match question {
            Some((question, command)) => self.confirm(question, command),
            None => self.warn(self.texts().msg_cannot_edit_row),
        }
    }

    // ----- forms --------------------------------------------------------

    pub fn open_form(&mut self, kind: FormKind) {
        if !self.allowed(kind.area()) {
            return;
        }
        let Some(form) = Form::new(kind, self.record()) else {
            return self.warn(self.texts().msg_cannot_edit_row);
        };
        // Saved at once, so that even an untouched form comes back.
        self.dirty_fields.insert(form.focus);
        self.focus_moved = true;
        self.mode = Mode::Form(Box::new(form));
        self.flush();
    }

    fn save_form(&mut self) {
        let Mode::Form(form) = &self.mode else {
            return;
        };
        let today = local_date(&self.record().meeting.details, self.now);
        let command = form.to_command(self.store.record(), self.lang, today);
        let key = form.kind.key();
        let command = match command {
            Ok(command) => command,
            Err(message) => return self.form_error(message),
        };
        if self.is_correction(&command) && !form.correction_confirmed {
            let message = self.texts().msg_correction_form.to_string();
            if let Mode::Form(form) = &mut self.mode {
                form.correction_confirmed = true;
            }
            return self.form_error(message);
        }
        self.flush();
        // The record's rules need no disk: a refusal is known at once, even
        // while writes wait.
        let ctx = Context {
            now: store::now(),
            actor: self.store.actor(),
        };
        if let Err(error) = decide(self.store.record(), &command, ctx) {
            return match error {
                DomainError::Conflict { current, .. } => self.conflict(current),
                error => self.form_error(domain_error(self.lang, &error)),
            };
        }
        let at = store::now();
        let result = if self.pending.is_empty() {
            self.store.execute_at(command.clone(), at)
        } else {
            // Others wait to be written: this one goes behind them.
            Err(StoreError::Io(std::io::Error::other(
                "waiting behind unsaved changes",
            )))
        };
        match result {
            Ok(committed) => {
                self.mode = Mode::Normal;
                self.dirty_fields.clear();
                self.focus_moved = false;
                self.after_commit(&committed);
                if let Err(error) = self.store.discard_drafts(&key) {
                    self.write_failed(&error);
                }
            }
            Err(error) if error.is_write_failure() => {
                // Kept whole in memory (and in the recovery file if need
                // be): the form can close.
                self.pending.push(PendingChange {
                    at,
                    command,
                    form: Some(key.clone()),
                });
                self.mode = Mode::Normal;
                self.dirty_fields.clear();
                self.focus_moved = false;
                let _ = self.store.discard_drafts(&key);
                self.kept_for_retry(&error);
            }
            Err(StoreError::Refused(DomainError::Conflict { current, .. })) => {
                self.conflict(current)
            }
            Err(StoreError::Refused(error)) => {
                let message = domain_error(self.lang, &error);
                self.form_error(message);
            }
            Err(error) => {
                let message = error.to_string();
                self.write_failed(&error);
                self.form_error(message);
            }
        }
    }

    /// The row changed since the form was opened: say who changed what, and
    /// offer to keep this version or take theirs.
    fn conflict(&mut self, current: Seq) {
        let who = self
            .store
            .author_of(current)
            .ok()
            .flatten()
            .unwrap_or_default();
        let t = self.texts();
        let Mode::Form(form) = &mut self.mode else {
            return;
        };
        let changed: Vec<&str> = match Form::new(form.kind.rebased(current), self.store.record()) {
            Some(theirs) => form
                .fields
                .iter()
                .zip(&theirs.fields)
                .filter(|(mine, theirs)| mine.draft().0 != theirs.draft().0)
                .map(|(mine, _)| mine.label(t))
                .collect(),
            None => Vec::new(),
        };
        form.conflict = Some(current);
        form.error = Some(fill(t.msg_conflict, &[&who, &changed.join(", ")]));
    }

    /// Saves this version over the other person's; the journal keeps both.
    fn keep_mine(&mut self) {
        let Mode::Form(form) = &mut self.mode else {
            return;
        };
        let Some(current) = form.conflict.take() else {
            return;
        };
        let old_key = form.kind.key();
        form.kind = form.kind.rebased(current);
        form.error = None;
        // The drafts move to the form's new name before it is saved.
        self.dirty_fields.extend(0..form.fields.len());
        self.focus_moved = true;
        self.flush();
        if let Err(error) = self.store.discard_drafts(&old_key) {
            self.write_failed(&error);
        }
        self.save_form();
    }

    /// Drops this edit: the other person's version stands.
    fn take_theirs(&mut self) {
        let Mode::Form(form) = &self.mode else {
            return;
        };
        let key = form.kind.key();
        let who = form
            .conflict
            .and_then(|rev| self.store.author_of(rev).ok().flatten())
            .unwrap_or_default();
        self.mode = Mode::Normal;
        self.dirty_fields.clear();
        self.focus_moved = false;
        if let Err(error) = self.store.discard_drafts(&key) {
            self.write_failed(&error);
        }
        self.info(fill(self.texts().msg_took_theirs, &[&who]));
    }

    fn form_error(&mut self, message: String) {
        if let Mode::Form(form) = &mut self.mode {
            form.error = Some(message);
        }
    }

    /// Brings back the form this person was typing in when the console last
    /// stopped (a crash, a closed terminal, a dropped connection).
    fn restore_form(&mut self) {
        // An observer types nothing: drafts under its name are a writer's
        // (the same person at another terminal), which it could not save.
        if self.role() == Role::Observer {
            return;
        }
        let drafts = match self.store.drafts() {
            Ok(drafts) => drafts,
            Err(error) => return self.write_failed(&error),
        };
        // The form typed in last: drafts come oldest first.
        let Some(latest) = drafts.last().map(|d| d.form.clone()) else {
            return;
        };
        let Some(kind) = FormKind::parse(&latest) else {
            return;
        };
        let Some(mut form) = Form::new(kind, self.record()) else {
            return;
        };
        let mut focus = None;
        for draft in drafts.iter().filter(|d| d.form == latest) {
            if draft.field == FOCUS_FIELD {
                focus = Some(draft.text.clone());
            } else if let Some(field) = form.field_mut(&draft.field) {
                field.restore(&draft.text, draft.cursor);
            }
        }
        if let Some(focus) = focus {
            form.focus_field(&focus);
        }
        self.mode = Mode::Form(Box::new(form));
        self.status = Some(Status::Info(self.texts().msg_form_restored.into()));
    }

    // ----- commands -----------------------------------------------------

    fn allowed(&mut self, area: Area) -> bool {
        let role = self.role();
        if role == Role::Observer {
            self.warn(self.texts().msg_read_only);
            return false;
        }
        if !role.may(area) {
            let what = match area {
                Area::Meeting => "meeting",
                Area::Agenda => "agenda",
                Area::Floor => "floor",
                Area::Requests => "requests",
                Area::Participants => "participants",
                Area::Issues => "issues",
                Area::Actions => "actions",
                Area::Undo => "undo",
            };
            let message = fill(self.texts().msg_not_allowed, &[role.label(self.lang), what]);
            self.status = Some(Status::Warning(message));
            return false;
        }
        true
    }

    /// Records a command; the footer says what happened.
    /// Once the minutes are approved, a change asks first.
    pub fn execute(&mut self, command: Command) {
        if self.is_correction(&command) {
            self.confirm(self.texts().confirm_correction.to_string(), command);
        } else {
            self.execute_confirmed(command);
        }
    }

    fn execute_confirmed(&mut self, command: Command) {
        if !self.allowed(Area::of(&command)) {
            return;
        }
        self.flush();
        if !self.pending.is_empty() {
            // Keep the order: this one waits behind the others.
            self.pending.push(PendingChange {
                at: store::now(),
                command,
                form: None,
            });
            return;
        }
        let at = store::now();
        match self.store.execute_at(command.clone(), at) {
            Err(error) if error.is_write_failure() => {
                self.pending.push(PendingChange {
                    at,
                    command,
                    form: None,
                });
                self.kept_for_retry(&error);
            }
            result => self.report(result),
        }
    }

    /// The red banner of a write kept in memory to be tried again.
    fn kept_for_retry(&mut self, error: &StoreError) {
        let message = error.to_string();
        self.status = Some(Status::Error(fill(
            self.texts().msg_kept_for_retry,
            &[&message],
        )));
        self.write_error = Some(message);
    }

    /// Would this command change a record whose minutes are approved?
    fn is_correction(&self, command: &Command) -> bool {
        self.record().meeting.minutes == MinutesState::Approved
            && !matches!(command, Command::ApproveMinutes | Command::Undo { .. })
    }

    /// Asks before a command; after approval, the question says that the
    /// change will be a correction.
    fn confirm(&mut self, question: String, command: Command) {
        if !self.allowed(Area::of(&command)) {
            return;
        }
        let question =
            if self.is_correction(&command) && question != self.texts().confirm_correction {
                format!("{question} {}", self.texts().confirm_correction)
            } else {
                question
            };
        self.mode = Mode::Confirm {
            question,
            command: Box::new(command),
        };
    }

    fn undo(&mut self) {
        if !self.allowed(Area::Undo) {
            return;
        }
        self.flush();
        let result = self.store.undo_last();
        self.report(result);
    }

    /// The footer's word on a write.
    fn report(&mut self, result: Result<store::Committed, StoreError>) {
        match result {
            Ok(committed) => self.after_commit(&committed),
            Err(StoreError::NothingToUndo) => self.warn(self.texts().msg_nothing_to_undo),
            Err(StoreError::Refused(error)) => {
                let message = fill(
                    self.texts().msg_refused,
                    &[&domain_error(self.lang, &error)],
                );
                self.status = Some(Status::Warning(message));
            }
            Err(error) => self.write_failed(&error),
        }
    }

    /// Says what a commit did, and selects what it created.
    fn after_commit(&mut self, committed: &store::Committed) {
        self.write_error = None;
        let t = self.texts();
        let record = self.store.record();
        let message = match &committed.event {
            Event::FloorGiven { id, .. } => {
                let name = record
                    .requests
                    .get(id)
                    .map_or("?", |r| record.participant_name(r.participant));
                fill(t.msg_floor_to, &[name])
            }
            Event::Undone { target, .. } => fill(t.msg_undone, &[&target.to_string()]),
            Event::SpeakerFinished { id, .. } => {
                let name = record
                    .requests
                    .get(id)
                    .map_or("?", |r| record.participant_name(r.participant));
                fill(t.msg_speaker_done, &[name])
            }
            _ => fill(t.msg_saved_entry, &[&committed.seq.to_string()]),
        };
        let created = match &committed.event {
            Event::AgendaItemAdded { item } => Some((Pane::Agenda, item.id)),
            Event::FloorRequested { request, .. } => Some((Pane::Speakers, request.id)),
            Event::IssueLogged { issue } => Some((Pane::Issues, issue.id)),
            Event::ActionAdded { action } => Some((Pane::Actions, action.id)),
            _ => None,
        };
        if let Some((pane, id)) = created {
            self.panes[pane.index()].selected = Some(id);
            self.scroll(pane);
        }
        self.info(message);
    }

    fn info(&mut self, message: String) {
        self.status = Some(Status::Info(message));
    }

    fn warn(&mut self, message: &str) {
        self.status = Some(Status::Warning(message.to_string()));
    }

    fn write_failed(&mut self, error: &StoreError) {
        let message = error.to_string();
        self.status = Some(Status::Error(fill(
            self.texts().msg_write_failed,
            &[&message],
        )));
        self.write_error = Some(message);
    }
}

/// A name for this console among the others: host, process, start time.
fn session_id() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
    let started = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
    format!("{}:{}:{started:x}", host.trim(), std::process::id())
}
