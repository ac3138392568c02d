//! The layers over the panes (a form, a question, the help, the review,
//! the hall display), and the keymaps of the small ones, as data.

use super::{Console, Mode};
use crate::domain::{Command, Seq};
use crate::i18n::Lang;
use crate::input::key::{Key, KeyCode};
use crate::input::keymap::{Binding, Described, Hint, bind, hints, paired_hints};
use crate::input::textfield::TextField;

/// What a key does whatever layer is on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnyLayerAction {
    /// Ctrl-Z: back to the shell, as any terminal program; `fg` returns.
    Suspend,
}

impl Described for AnyLayerAction {
    fn describe(self, lang: Lang) -> &'static str {
        match self {
            // Short: a column of the help on 80 columns holds 24.
            AnyLayerAction::Suspend => lang.pick("suspend (fg to return)", "tạm rời (gõ fg để về)"),
        }
    }
}

/// The keys looked up before the top layer's own: in a form too (what is
/// typed is saved on each key), in the help, the review, the hall display.
pub const ANY_LAYER_KEYS: &[Binding<AnyLayerAction>] =
    &[bind(Key::ctrl('z'), AnyLayerAction::Suspend)];

/// Light text on a dark room's screen, or dark text on a bright room's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum HallTheme {
    /// White on black.
    #[default]
    Dark,
    /// Black on white.
    Light,
}

/// The hall display is on: how it looks, and whether it is all there is
/// (`gavel hall`) or a view the console switches to (`h`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HallView {
    pub theme: HallTheme,
    pub standalone: bool,
}

/// A question before a command that withdraws, skips, ends or corrects.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub question: String,
    pub command: Box<Command>,
}

/// Checking people in as they arrive: a few letters of a name narrow the
/// list, Enter checks in the one highlighted.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CheckingIn {
    pub field: TextField,
    /// The match Enter checks in, counted from the first.
    pub highlight: usize,
}

/// The row of an open form was changed by someone else since it opened.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// The row's revision now.
    pub current: Seq,
    /// Who changed it.
    pub author: String,
    /// The fields where the two versions differ, with both values.
    pub changes: Vec<Change>,
}

impl Conflict {
    /// The labels of the fields that differ.
    pub fn labels(&self) -> Vec<&'static str> {
        self.changes.iter().map(|c| c.label).collect()
    }
}

/// One field of a conflict: what you typed, and what the other person
/// saved (as the form shows them: a choice by its words).
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub label: &'static str,
    pub mine: String,
    pub theirs: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Layer {
    /// The record at a point of the journal (read-only); `stats`: the
    /// charts instead of the panes.
    Review {
        stats: bool,
    },
    /// The hall display.
    Hall(HallView),
    Form(Box<super::Form>),
    /// Over the form whose save met someone else's change.
    Conflict(Conflict),
    /// Typing a search for the focused pane.
    Search(TextField),
    RollCall(CheckingIn),
    Confirm(Confirm),
    /// Quitting while `count` changes wait to be written.
    Unsaved {
        count: usize,
    },
    /// The help; `scroll`: its first line shown, when it does not fit.
    Help {
        scroll: usize,
    },
    /// The export menu; `highlight`: the line Enter writes.
    Papers {
        highlight: usize,
    },
}

impl Layer {
    pub fn mode(&self) -> Mode {
        match self {
            Layer::Review { .. } => Mode::Review,
            Layer::Hall(_) => Mode::Hall,
            Layer::Form(_) => Mode::Form,
            Layer::Conflict(_) => Mode::Conflict,
            Layer::Search(_) => Mode::Search,
            Layer::RollCall(_) => Mode::RollCall,
            Layer::Confirm(_) => Mode::Confirm,
            Layer::Unsaved { .. } => Mode::Unsaved,
            Layer::Help { .. } => Mode::Help,
            Layer::Papers { .. } => Mode::Papers,
        }
    }
}

/// The footer's hints from the layer on top (the panes' own are the
/// panes' business, which know the width they have).
pub fn hints_on_top(console: &Console) -> Vec<Hint> {
    let lang = console.lang;
    match console.top() {
        None => Vec::new(),
        Some(Layer::Review { .. }) => paired_hints(REVIEW_KEYS, REVIEW_HINTS, lang),
        Some(Layer::Hall(view)) => hints(hall_keys(*view), &[HallAction::Leave], lang),
        Some(Layer::Form(form)) => {
            let mut form_hints = hints(form.keys(), super::form::HINTS, lang);
            form_hints.extend(form.digit_hints(lang));
            form_hints
        }
        Some(Layer::Conflict(_)) => hints(CONFLICT_KEYS, CONFLICT_HINTS, lang),
        Some(Layer::Search(_)) => hints(SEARCH_KEYS, &[Search::Keep, Search::Clear], lang),
        Some(Layer::RollCall(_)) => paired_hints(ROLL_CALL_KEYS, ROLL_CALL_HINTS, lang),
        Some(Layer::Confirm(_) | Layer::Unsaved { .. }) => {
            hints(YES_NO_KEYS, &[YesNo::Yes, YesNo::No], lang)
        }
        // All its keys: the help's own bottom line leaves out the
        // scrolling ones when it fits the screen.
        Some(Layer::Help { .. }) => help_hints(true, lang),
        Some(Layer::Papers { .. }) => paired_hints(PAPERS_KEYS, PAPERS_HINTS, lang),
    }
}

// ----- questions ------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YesNo {
    Yes,
    No,
}

impl Described for YesNo {
    fn describe(self, lang: Lang) -> &'static str {
        match self {
            YesNo::Yes => lang.pick("yes", "đồng ý"),
            YesNo::No => lang.pick("no", "không"),
        }
    }
}

pub const YES_NO_KEYS: &[Binding<YesNo>] = &[
    bind(Key::char('y'), YesNo::Yes),
    bind(Key::char('Y'), YesNo::Yes),
    bind(Key::char('n'), YesNo::No),
    bind(Key::char('N'), YesNo::No),
    bind(Key::new(KeyCode::Esc), YesNo::No),
];

// ----- the help -------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpAction {
    Close,
    /// One line on or back, when the help does not fit the screen.
    Down,
    Up,
    /// A screenful on or back.
    PageDown,
    PageUp,
    Top,
    Bottom,
}

impl Described for HelpAction {
    fn describe(self, lang: Lang) -> &'static str {
        match self {
            HelpAction::Close => lang.pick("close this help", "đóng trợ giúp"),
            HelpAction::Down | HelpAction::Up => lang.pick("scroll", "cuộn"),
            HelpAction::PageDown | HelpAction::PageUp => lang.pick("page", "trang"),
            HelpAction::Top | HelpAction::Bottom => lang.pick("top/end", "đầu/cuối"),
        }
    }
}

pub const HELP_KEYS: &[Binding<HelpAction>] = &[
    bind(Key::new(KeyCode::Esc), HelpAction::Close),
    bind(Key::char('?'), HelpAction::Close),
    bind(Key::char('q'), HelpAction::Close),
    bind(Key::new(KeyCode::Down), HelpAction::Down),
    bind(Key::char('j'), HelpAction::Down),
    bind(Key::new(KeyCode::Up), HelpAction::Up),
    bind(Key::char('k'), HelpAction::Up),
    bind(Key::new(KeyCode::PageDown), HelpAction::PageDown),
    bind(Key::char(' '), HelpAction::PageDown),
    bind(Key::new(KeyCode::PageUp), HelpAction::PageUp),
    bind(Key::char('g'), HelpAction::Top),
    bind(Key::new(KeyCode::Home), HelpAction::Top),
    bind(Key::char('G'), HelpAction::Bottom),
    bind(Key::new(KeyCode::End), HelpAction::Bottom),
];

/// The help's keys: how to scroll it when it does not fit, then how to
/// close it (always the last).
pub fn help_hints(scrolls: bool, lang: Lang) -> Vec<Hint> {
    let mut help_hints = Vec::new();
    if scrolls {
        help_hints = paired_hints(HELP_KEYS, HELP_SCROLL_HINTS, lang);
    }
    help_hints.extend(hints(HELP_KEYS, &[HelpAction::Close], lang));
    help_hints
}

/// The help's bottom line when it scrolls: "↓ ↑ cuộn · PgDn PgUp trang · g G
/// đầu/cuối", then how to close it.
const HELP_SCROLL_HINTS: &[(HelpAction, HelpAction)] = &[
    (HelpAction::Down, HelpAction::Up),
    (HelpAction::PageDown, HelpAction::PageUp),
    (HelpAction::Top, HelpAction::Bottom),
];

// ----- search ---------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Search {
    /// Keep the filter and go back to the pane.
    Keep,
    /// Drop the filter.
    Clear,
}

impl Described for Search {
    fn describe(self, lang: Lang) -> &'static str {
        match self {
            Search::Keep => lang.pick("keep the filter", "giữ bộ lọc"),
            Search::Clear => lang.pick("clear the search", "bỏ lọc"),
        }
    }
}

pub const SEARCH_KEYS: &[Binding<Search>] = &[
    bind(Key::new(KeyCode::Enter), Search::Keep),
    bind(Key::new(KeyCode::Esc), Search::Clear),
];

// ----- the roll call by name --------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RollCallAction {
    /// Check in the highlighted match, or add a walk-in when none matches.
    CheckIn,
    Previous,
    Next,
    Leave,
}

impl Described for RollCallAction {
    fn describe(self, lang: Lang) -> &'static str {
        match self {
            RollCallAction::CheckIn => lang.pick(
                "check in (no match: a walk-in)",
                "điểm danh (không có tên: thêm người mới)",
            ),
            RollCallAction::Previous | RollCallAction::Next => lang.pick("choose", "chọn"),
            RollCallAction::Leave => lang.pick("done", "xong"),
        }
    }
}

pub const ROLL_CALL_KEYS: &[Binding<RollCallAction>] = &[
    bind(Key::new(KeyCode::Enter), RollCallAction::CheckIn),
    bind(Key::new(KeyCode::Up), RollCallAction::Previous),
    bind(Key::new(KeyCode::Down), RollCallAction::Next),
    bind(Key::new(KeyCode::Esc), RollCallAction::Leave),
];

/// "Enter check in · ↑ ↓ choose · Esc done".
const ROLL_CALL_HINTS: &[(RollCallAction, RollCallAction)] = &[
    (RollCallAction::CheckIn, RollCallAction::CheckIn),
    (RollCallAction::Previous, RollCallAction::Next),
    (RollCallAction::Leave, RollCallAction::Leave),
];

// ----- a conflict -----------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictAction {
    KeepMine,
    TakeTheirs,
    Back,
}

impl Described for ConflictAction {
    fn describe(self, lang: Lang) -> &'static str {
        match self {
            ConflictAction::KeepMine => lang.pick("keep yours", "giữ bản của bạn"),
            ConflictAction::TakeTheirs => lang.pick("take theirs", "lấy bản của họ"),
            ConflictAction::Back => lang.pick("back", "quay lại"),
        }
    }
}

pub const CONFLICT_KEYS: &[Binding<ConflictAction>] = &[
    bind(Key::char('k'), ConflictAction::KeepMine),
    bind(Key::char('t'), ConflictAction::TakeTheirs),
    bind(Key::new(KeyCode::Esc), ConflictAction::Back),
];

pub const CONFLICT_HINTS: &[ConflictAction] = &[
    ConflictAction::KeepMine,
    ConflictAction::TakeTheirs,
    ConflictAction::Back,
];

// ----- review ---------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAction {
    Back,
    On,
    BackTen,
    OnTen,
    First,
    Last,
    Statistics,
}

impl Described for ReviewAction {
    fn describe(self, lang: Lang) -> &'static str {
        match self {
            ReviewAction::Back | ReviewAction::On => lang.pick("step", "từng mục"),
            ReviewAction::BackTen | ReviewAction::OnTen => lang.pick("×10", "×10"),
            ReviewAction::First | ReviewAction::Last => lang.pick("first/last", "đầu/cuối"),
            ReviewAction::Statistics => lang.pick("statistics", "thống kê"),
        }
    }

    fn help_line(self, lang: Lang) -> &'static str {
        match self {
            ReviewAction::Back | ReviewAction::On => {
                lang.pick("one entry back / on", "lùi / tiến một mục")
            }
            ReviewAction::BackTen | ReviewAction::OnTen => {
                lang.pick("ten entries back / on", "lùi / tiến mười mục")
            }
            ReviewAction::First | ReviewAction::Last => {
                lang.pick("the first / the last entry", "mục đầu / mục cuối")
            }
            ReviewAction::Statistics => lang.pick("statistics on / off", "bật / tắt thống kê"),
        }
    }
}

pub const REVIEW_KEYS: &[Binding<ReviewAction>] = &[
    bind(Key::new(KeyCode::Left), ReviewAction::Back),
    bind(Key::new(KeyCode::Right), ReviewAction::On),
    bind(Key::char('h'), ReviewAction::Back),
    bind(Key::char('l'), ReviewAction::On),
    bind(Key::char('['), ReviewAction::BackTen),
    bind(Key::char(']'), ReviewAction::OnTen),
    bind(Key::char('{'), ReviewAction::First),
    bind(Key::char('}'), ReviewAction::Last),
    bind(Key::char('s'), ReviewAction::Statistics),
];

/// The review's footer: "← → step · [ ] ×10 · { } first/last · s statistics".
const REVIEW_HINTS: &[(ReviewAction, ReviewAction)] = &[
    (ReviewAction::Back, ReviewAction::On),
    (ReviewAction::BackTen, ReviewAction::OnTen),
    (ReviewAction::First, ReviewAction::Last),
    (ReviewAction::Statistics, ReviewAction::Statistics),
];

// ----- the hall display -------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HallAction {
    /// Back to the console (or out of gavel, when the hall is all there is).
    Leave,
    /// Quit gavel, through the console's own quit (which asks first if
    /// changes wait to be written).
    Quit,
}

impl Described for HallAction {
    fn describe(self, lang: Lang) -> &'static str {
        match self {
            HallAction::Leave => lang.pick("to leave", "thoát"),
            HallAction::Quit => lang.pick("quit", "thoát gavel"),
        }
    }
}

/// In the console: `q`, `Esc` and `h` go back to it.
pub const HALL_IN_CONSOLE_KEYS: &[Binding<HallAction>] = &[
    bind(Key::char('q'), HallAction::Leave),
    bind(Key::new(KeyCode::Esc), HallAction::Leave),
    bind(Key::char('h'), HallAction::Leave),
    bind(Key::ctrl('c'), HallAction::Quit),
];

/// Alone (`gavel hall`): `q` and `Esc` quit.
pub const HALL_ALONE_KEYS: &[Binding<HallAction>] = &[
    bind(Key::char('q'), HallAction::Leave),
    bind(Key::new(KeyCode::Esc), HallAction::Leave),
    bind(Key::ctrl('c'), HallAction::Quit),
];

pub fn hall_keys(view: HallView) -> &'static [Binding<HallAction>] {
    if view.standalone {
        HALL_ALONE_KEYS
    } else {
        HALL_IN_CONSOLE_KEYS
    }
}

// ----- the export menu ------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PapersAction {
    /// Write the highlighted paper beside the meeting file.
    Write,
    Previous,
    Next,
    Close,
}

impl Described for PapersAction {
    fn describe(self, lang: Lang) -> &'static str {
        match self {
            PapersAction::Write => {
                lang.pick("write it beside the meeting", "ghi cạnh tệp cuộc họp")
            }
            PapersAction::Previous | PapersAction::Next => lang.pick("choose", "chọn"),
            PapersAction::Close => lang.pick("close", "đóng"),
        }
    }
}

/// A digit writes the paper of that line at once; these are the rest.
pub const PAPERS_KEYS: &[Binding<PapersAction>] = &[
    bind(Key::new(KeyCode::Enter), PapersAction::Write),
    bind(Key::new(KeyCode::Up), PapersAction::Previous),
    bind(Key::char('k'), PapersAction::Previous),
    bind(Key::new(KeyCode::Down), PapersAction::Next),
    bind(Key::char('j'), PapersAction::Next),
    bind(Key::new(KeyCode::Esc), PapersAction::Close),
    bind(Key::char('q'), PapersAction::Close),
];

const PAPERS_HINTS: &[(PapersAction, PapersAction)] = &[
    (PapersAction::Write, PapersAction::Write),
    (PapersAction::Previous, PapersAction::Next),
    (PapersAction::Close, PapersAction::Close),
];
