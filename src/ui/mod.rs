//! Drawing: a pure view of the console's model, the record and a plain
//! snapshot of the session. Every text that came from a person goes through
//! `clean` (the one sanitizer) before it reaches the terminal. The caches
//! that keep drawing fast live here, in `View`.

mod actions;
mod agenda;
mod conflict;
mod footer;
mod form;
pub mod hall;
mod header;
mod help;
mod issues;
pub mod layout;
mod list;
mod papers;
mod participants;
mod review;
mod roll_call;
mod speakers;
pub mod theme;

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::app::{Console, Layer, Mode, Pane, PaneState};
use crate::domain::text::{sanitize_for_screen, truncate_words, width};
use crate::domain::{Id, Participant, Record, Timestamp};
use crate::i18n::{Lang, Texts, fill};
use crate::input::keymap::hint_line;
use crate::session::SessionView;
use layout::{MIN_HEIGHT, MIN_WIDTH};
use theme::{Palette, Theme};

/// How the screen looks, and what it remembers between frames.
#[derive(Debug, Default)]
pub struct View {
    /// False under `NO_COLOR`: bold, dim and reverse only.
    pub color: bool,
    pub palette: Palette,
    rows: [Option<CachedRows>; Pane::COUNT],
    /// The header and panes as last drawn, and what they were drawn from.
    background: Option<(u64, Buffer)>,
    /// The last frame drawn into a kept buffer (`draw_kept`): the key of
    /// its background and the rows drawn over it. None when that frame
    /// had something else on top (help, a question…): drawn whole.
    kept: Option<(u64, Vec<Range<u16>>)>,
    /// Where the last frame put the cursor (None: hidden).
    cursor: Option<Position>,
    names: Names,
    /// The last frame drawn whole with a form on top (see `Typing`).
    typing: Option<Typing>,
}

/// What the last frame with a form on top was drawn from, in a kept
/// buffer: while a key changes only the text of the form's focused field,
/// that field alone is drawn again, and the footer if its lines changed.
/// Kept beside `View::kept`, from the same frame: the background's key
/// (with the screen's size) is the one that frame was drawn over.
#[derive(Debug)]
struct Typing {
    /// The form as that frame drew it (its focused text aside).
    form: crate::app::form::Form,
    /// Where its focused field's value is.
    value: Rect,
    footer: footer::Lines,
}

/// Names looked up among the participants (accents and case aside), kept
/// while the list does not change: a form's person fields are drawn on
/// every key, and each look-up folds every participant's name.
#[derive(Debug, Default)]
struct Names {
    version: u64,
    found: HashMap<String, Option<Id>>,
}

/// Names kept at most, whatever is typed.
const NAMES_KEPT: usize = 1024;

/// What a frame drawn into a kept buffer changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// Anything may have changed.
    All,
    /// Only these rows (whole rows: a wide character never straddles
    /// their edge).
    Rows(Vec<Range<u16>>),
    /// Only this rectangle (a form's field: the form draws nothing that
    /// straddles its edges), and these whole rows.
    Field { field: Rect, rows: Vec<Range<u16>> },
}

/// A pane's rows and what they were made of.
type CachedRows = (RowsKey, Rc<Vec<Id>>);

/// What a pane's rows depend on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RowsKey {
    depends_on: [u64; 3],
    filter: Option<String>,
}

impl View {
    pub fn new(color: bool, palette: Palette) -> View {
        View {
            color,
            palette,
            ..View::default()
        }
    }

    /// Forgets what was drawn (a benchmark measures a frame after a change).
    pub fn forget(&mut self) {
        self.rows = Default::default();
        self.background = None;
        self.kept = None;
        self.typing = None;
    }

    /// Where the last frame put the cursor; None when it is hidden.
    pub fn cursor(&self) -> Option<Position> {
        self.cursor
    }

    /// The ids each pane lists now. Kept until the record or the pane's
    /// filter changes: a large meeting has thousands of rows.
    fn rows(&mut self, console: &Console, record: &Record) -> [Rc<Vec<Id>>; Pane::COUNT] {
        let v = record.versions();
        Pane::ALL.map(|pane| {
            let depends_on = match pane {
                Pane::Agenda => [v.agenda, 0, 0],
                Pane::Speakers => [v.requests, v.agenda, v.participants],
                Pane::Issues => [v.issues, v.participants, 0],
                Pane::Actions => [v.actions, 0, 0],
                Pane::Participants => [v.participants, 0, 0],
            };
            let key = RowsKey {
                depends_on,
                filter: console.pane(pane).filter.clone(),
            };
            let slot = &mut self.rows[pane.index()];
            match slot {
                Some((cached, rows)) if *cached == key => Rc::clone(rows),
                _ => {
                    let rows = Rc::new(console.rows(record, pane));
                    *slot = Some((key, Rc::clone(&rows)));
                    rows
                }
            }
        })
    }
}

/// What one frame is drawn from.
pub struct Ctx<'a> {
    pub console: &'a Console,
    pub session: &'a SessionView,
    record: &'a Record,
    pub theme: Theme,
    pub now: Timestamp,
    pub lang: Lang,
    pub focus: Pane,
    /// Actions and Participants share a corner of the screen.
    pub shared_corner: bool,
    rows: [Rc<Vec<Id>>; Pane::COUNT],
    /// Where the frame puts the cursor, kept for `View::cursor`.
    cursor: Cell<Option<Position>>,
    names: RefCell<Names>,
}

impl<'a> Ctx<'a> {
    pub fn record(&self) -> &'a Record {
        self.record
    }

    pub fn texts(&self) -> &'static Texts {
        self.lang.texts()
    }

    pub fn rows(&self, pane: Pane) -> Rc<Vec<Id>> {
        Rc::clone(&self.rows[pane.index()])
    }

    pub fn pane(&self, pane: Pane) -> &'a PaneState {
        self.console.pane(pane)
    }

    pub fn mode(&self) -> Mode {
        self.console.mode()
    }

    /// The participant of this name, if there is exactly one
    /// (`Record::participant_named`).
    pub fn participant_named(&self, name: &str) -> Option<&'a Participant> {
        let version = self.record.versions().participants;
        let mut names = self.names.borrow_mut();
        if names.version != version || names.found.len() >= NAMES_KEPT {
            *names = Names {
                version,
                found: HashMap::new(),
            };
        }
        let record = self.record;
        let id = *names
            .found
            .entry(name.to_string())
            .or_insert_with(|| record.participant_named(name).map(|p| p.id));
        id.and_then(|id| record.participants.get(&id))
    }

    /// Shows the cursor at `position` after the frame.
    pub fn set_cursor(&self, frame: &mut Frame, position: (u16, u16)) {
        frame.set_cursor_position(position);
        self.cursor.set(Some(position.into()));
    }
}

/// Draws the whole console into a blank buffer.
pub fn draw(
    frame: &mut Frame,
    view: &mut View,
    console: &Console,
    session: &SessionView,
    record: &Record,
) {
    draw_frame(frame, view, console, session, record, false);
}

/// Draws the whole console into a buffer that still holds the last frame
/// this view drew with `draw_kept` (the loop's `Screen` keeps it; anything
/// else calls `View::forget` first). While only a form and the footer
/// change (typing), the header and the panes are left as they are and
/// only the rows of the form and the footer are drawn again; the damage
/// says which rows the terminal has to be sent.
pub fn draw_kept(
    frame: &mut Frame,
    view: &mut View,
    console: &Console,
    session: &SessionView,
    record: &Record,
) -> Damage {
    draw_frame(frame, view, console, session, record, true)
}

fn draw_frame(
    frame: &mut Frame,
    view: &mut View,
    console: &Console,
    session: &SessionView,
    record: &Record,
    kept: bool,
) -> Damage {
    let last = if kept { view.kept.take() } else { None };
    view.kept = None;
    let typing = view.typing.take();
    view.cursor = None;
    let area = frame.area();
    let theme = Theme {
        color: view.color,
        palette: view.palette,
    };
    if let Some(hall_view) = console.hall_view() {
        // The wall fills any size by itself.
        let look = hall::Look {
            lang: console.lang,
            theme: hall_view.theme,
            color: view.color,
            snapshot: session.snapshot_only,
            leave: hint_line(&crate::app::layers::hints_on_top(console)),
        };
        if kept {
            frame.buffer_mut().reset();
        }
        hall::draw(frame, &hall::HallScreen::new(record, console.now), &look);
        return Damage::All;
    }
    let screen = layout::screen(area);
    let ctx = Ctx {
        console,
        session,
        record,
        theme,
        now: console.now,
        lang: console.lang,
        focus: console.focus,
        shared_corner: screen.shared_corner,
        rows: view.rows(console, record),
        cursor: Cell::new(None),
        names: RefCell::new(std::mem::take(&mut view.names)),
    };
    if layout::is_too_small(area) {
        if kept {
            frame.buffer_mut().reset();
        }
        draw_too_small(frame, &ctx, area);
        return Damage::All;
    }
    let key = background_key(&ctx, area);
    let same_background =
        matches!(&last, Some((last_key, _)) if *last_key == key) && view.background_is(key, area);
    if same_background
        && let Some(mut typing) = typing
        && let Some(rows) = redraw_typed_field(frame, &ctx, &screen, &mut typing)
    {
        let field = typing.value;
        view.kept = last;
        view.typing = Some(typing);
        view.cursor = ctx.cursor.get();
        view.names = ctx.names.take();
        return Damage::Field { field, rows };
    }
    let damage = match last {
        // The same background under the last frame: put it back where the
        // form and the footer were, and draw them again.
        Some((last_key, rows)) if last_key == key && view.background_is(key, area) => {
            view.restore_background(frame.buffer_mut(), &rows);
            Some(rows)
        }
        _ => {
            if kept {
                frame.buffer_mut().reset();
            }
            draw_background(frame, view, &ctx, &screen, key);
            None
        }
    };
    let footer = footer::draw(frame, &ctx, screen.footer);
    // The rows over the background: the footer's, and the form's.
    let mut over = vec![rows_of(screen.footer)];
    let mut only_a_form = true;
    match console.top() {
        Some(Layer::Form(form)) => {
            let drawn = form::draw(frame, &ctx, form, area);
            over.push(rows_of(drawn.popup));
            view.typing = drawn
                .focused_value
                .filter(|_| kept && form.focus_is_plain_text())
                .map(|value| Typing {
                    form: (**form).clone(),
                    value,
                    footer,
                });
        }
        Some(Layer::Conflict(conflict)) => {
            if let Some(form) = console.form() {
                form::draw(frame, &ctx, form, area);
            }
            conflict::draw(frame, &ctx, conflict, area);
            only_a_form = false;
        }
        Some(Layer::Help { scroll }) => {
            help::draw(frame, &ctx, *scroll, area);
            only_a_form = false;
        }
        Some(Layer::RollCall(state)) => {
            roll_call::draw(frame, &ctx, state, area);
            only_a_form = false;
        }
        Some(Layer::Papers { highlight }) => {
            papers::draw(frame, &ctx, *highlight, area);
            only_a_form = false;
        }
        Some(Layer::Confirm(confirm)) => {
            draw_question(frame, &ctx, &confirm.question, area);
            only_a_form = false;
        }
        Some(Layer::Unsaved { count }) => {
            let question = fill(ctx.texts().confirm_unsaved, &[&count.to_string()]);
            draw_question(frame, &ctx, &question, area);
            only_a_form = false;
        }
        _ => {}
    }
    view.cursor = ctx.cursor.get();
    view.names = ctx.names.take();
    if kept && only_a_form {
        view.kept = Some((key, over.clone()));
    }
    match damage {
        Some(mut rows) if only_a_form => {
            rows.extend(over);
            Damage::Rows(rows)
        }
        _ => Damage::All,
    }
}

/// A key that changed only the text of the focused field of the form the
/// last frame drew (over the same background): that field is drawn again,
/// and the footer if what it says changed. Returns the footer's rows if
/// they were drawn; None when anything else may have changed (then the
/// frame is drawn as usual).
fn redraw_typed_field(
    frame: &mut Frame,
    ctx: &Ctx,
    screen: &layout::Screen,
    typing: &mut Typing,
) -> Option<Vec<Range<u16>>> {
    let Some(Layer::Form(form)) = ctx.console.top() else {
        return None;
    };
    if !form.focus_is_plain_text() || !typing.form.differs_only_in_focused_text(form) {
        return None;
    }
    form::redraw_focused_value(frame, ctx, form, typing.value);
    let mut rows = Vec::new();
    let footer = footer::lines(ctx, screen.footer.width);
    if footer != typing.footer {
        footer::draw_lines(frame, &footer, screen.footer);
        typing.footer = footer;
        rows.push(rows_of(screen.footer));
    }
    Some(rows)
}

/// The rows a rectangle covers.
fn rows_of(rect: Rect) -> Range<u16> {
    rect.y..rect.bottom()
}

impl View {
    fn background_is(&self, key: u64, area: Rect) -> bool {
        matches!(&self.background, Some((k, b)) if *k == key && b.area == area)
    }

    /// Copies these rows of the background as last drawn into `buffer`.
    fn restore_background(&self, buffer: &mut Buffer, rows: &[Range<u16>]) {
        let Some((_, background)) = &self.background else {
            return;
        };
        let (top, width) = (background.area.y, usize::from(background.area.width));
        for range in rows {
            let row = |y: u16| usize::from(y.saturating_sub(top)) * width;
            let cells = row(range.start)..row(range.end).min(background.content.len());
            buffer.content[cells.clone()].clone_from_slice(&background.content[cells]);
        }
    }
}

/// The header and the panes. While a form is open they do not change from
/// one keystroke to the next: the last drawing is reused when nothing it
/// depends on has changed (the key), which keeps typing fast.
fn draw_background(
    frame: &mut Frame,
    view: &mut View,
    ctx: &Ctx,
    screen: &layout::Screen,
    key: u64,
) {
    if let Some((cached_key, cached)) = view.background.as_ref()
        && *cached_key == key
        && cached.area == *frame.buffer_mut().area()
    {
        frame.buffer_mut().content.clone_from(&cached.content);
        return;
    }
    header::draw(frame, ctx, screen.header);
    if ctx.console.reviewing_stats() == Some(true) {
        review::draw_stats(frame, ctx, screen.body());
    } else {
        draw_panes(frame, ctx, screen);
    }
    view.background = Some((key, frame.buffer_mut().clone()));
}

/// Everything the header and the panes are drawn from.
fn background_key(ctx: &Ctx, area: Rect) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    area.hash(&mut hasher);
    ctx.record.versions().hash(&mut hasher);
    ctx.record.last_seq.hash(&mut hasher);
    ctx.session
        .review
        .as_ref()
        .map(|r| r.position)
        .hash(&mut hasher);
    ctx.console.reviewing_stats().hash(&mut hasher);
    // The clocks show seconds.
    ctx.now.timestamp().hash(&mut hasher);
    ctx.focus.hash(&mut hasher);
    ctx.console.corner.hash(&mut hasher);
    ctx.console.panes.hash(&mut hasher);
    ctx.lang.hash(&mut hasher);
    ctx.theme.color.hash(&mut hasher);
    ctx.theme.palette.hash(&mut hasher);
    let mode = ctx.mode();
    matches!(mode, Mode::Panes | Mode::Review | Mode::Search).hash(&mut hasher);
    if let Some(Layer::Search(field)) = ctx.console.top() {
        field.text().hash(&mut hasher);
    }
    hasher.finish()
}

fn draw_panes(frame: &mut Frame, ctx: &Ctx, screen: &layout::Screen) {
    for pane in Pane::ALL {
        if !screen.shows(pane, ctx.console.corner) {
            continue;
        }
        let rect = screen.panes[pane.index()];
        match pane {
            Pane::Agenda => agenda::draw(frame, ctx, rect),
            Pane::Speakers => speakers::draw(frame, ctx, rect),
            Pane::Issues => issues::draw(frame, ctx, rect),
            Pane::Actions => actions::draw(frame, ctx, rect),
            Pane::Participants => participants::draw(frame, ctx, rect),
        }
    }
}

/// Text typed by a person, made safe to draw (`sanitize_for_screen`: no
/// character of uncertain width, so no border moves).
pub fn clean(text: &str) -> Cow<'_, str> {
    sanitize_for_screen(text)
}

/// A row: `left` spans, then `main` cut to fit, then `right` flush right.
pub fn spread<'a>(
    left: Vec<Span<'a>>,
    main: Span<'a>,
    right: Vec<Span<'a>>,
    width_available: usize,
) -> Line<'a> {
    let used = |spans: &[Span]| spans.iter().map(|s| width(&s.content)).sum::<usize>();
    let fixed = used(&left) + used(&right);
    let room = width_available.saturating_sub(fixed + 1);
    let main_text = truncate_words(&main.content, room).into_owned();
    let gap = width_available.saturating_sub(fixed + width(&main_text));
    let mut spans = left;
    spans.push(Span::styled(main_text, main.style));
    if !right.is_empty() {
        spans.push(Span::raw(" ".repeat(gap)));
        spans.extend(right);
    }
    Line::from(spans)
}

/// A rectangle of at most `width`×`height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

fn draw_too_small(frame: &mut Frame, ctx: &Ctx, area: Rect) {
    let message = fill(
        ctx.texts().too_small,
        &[
            &MIN_WIDTH.to_string(),
            &MIN_HEIGHT.to_string(),
            &area.width.to_string(),
            &area.height.to_string(),
        ],
    );
    let y = area.height / 2;
    let rect = Rect::new(
        area.x,
        area.y + y.saturating_sub(1),
        area.width,
        area.height - y.saturating_sub(1),
    );
    frame.render_widget(
        Paragraph::new(message)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

/// A question in a box, with its keys (from the question's keymap).
fn draw_question(frame: &mut Frame, ctx: &Ctx, question: &str, area: Rect) {
    let theme = ctx.theme;
    let rect = centered(area, (width(question) as u16 + 6).max(36), 5);
    frame.render_widget(Clear, rect);
    let block = ratatui::widgets::Block::bordered().border_style(theme.warning());
    let keys = hint_line(&crate::app::layers::hints_on_top(ctx.console));
    let text = vec![
        Line::from(Span::styled(clean(question).into_owned(), theme.title())),
        Line::from(""),
        Line::from(Span::styled(keys, theme.dim())),
    ];
    frame.render_widget(
        Paragraph::new(text)
            .block(block)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}
