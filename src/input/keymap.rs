//! The keymap as data: one table from keys to actions. The console looks
//! keys up in it, and the help overlay and the footer's hints are built
//! from it, so what is documented is what is bound.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Lang;

/// The four panes of the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Agenda,
    Speakers,
    Issues,
    Actions,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Agenda, Pane::Speakers, Pane::Issues, Pane::Actions];

    pub fn index(self) -> usize {
        match self {
            Pane::Agenda => 0,
            Pane::Speakers => 1,
            Pane::Issues => 2,
            Pane::Actions => 3,
        }
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % 4]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.index() + 3) % 4]
    }
}

/// What a key asks the console to do (outside forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    FocusNext,
    FocusPrev,
    Focus(Pane),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Add,
    Edit,
    Delete,
    StartItem,
    FinishItem,
    Adjourn,
    Approve,
    CloseIssue,
    NextSpeaker,
    TogglePause,
    AddTime,
    ToggleQueue,
    RequestReply,
    RequestPointOfOrder,
    LogIssue,
    Answer,
    AssignAction,
    Search,
    ClearFilter,
    Undo,
    Help,
    Quit,
    /// The hall display, for the projector (and back).
    HallView,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Anywhere,
    In(Pane),
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub code: KeyCode,
    pub ctrl: bool,
    pub scope: Scope,
    pub action: Action,
}

const fn key(c: char, scope: Scope, action: Action) -> Binding {
    Binding {
        code: KeyCode::Char(c),
        ctrl: false,
        scope,
        action,
    }
}

const fn special(code: KeyCode, scope: Scope, action: Action) -> Binding {
    Binding {
        code,
        ctrl: false,
        scope,
        action,
    }
}

use Action as A;
use Scope::{Anywhere, In};

/// Pane bindings come first: they win over the ones that apply anywhere.
pub const BINDINGS: &[Binding] = &[
    key('s', In(Pane::Agenda), A::StartItem),
    key('f', In(Pane::Agenda), A::FinishItem),
    key('E', In(Pane::Agenda), A::Adjourn),
    key('A', In(Pane::Agenda), A::Approve),
    key('c', In(Pane::Speakers), A::ToggleQueue),
    key('r', In(Pane::Speakers), A::RequestReply),
    key('o', In(Pane::Speakers), A::RequestPointOfOrder),
    key('r', In(Pane::Issues), A::Answer),
    key('t', In(Pane::Issues), A::AssignAction),
    key('c', In(Pane::Issues), A::CloseIssue),
    special(KeyCode::Tab, Anywhere, A::FocusNext),
    special(KeyCode::BackTab, Anywhere, A::FocusPrev),
    key('1', Anywhere, A::Focus(Pane::Agenda)),
    key('2', Anywhere, A::Focus(Pane::Speakers)),
    key('3', Anywhere, A::Focus(Pane::Issues)),
    key('4', Anywhere, A::Focus(Pane::Actions)),
    special(KeyCode::Up, Anywhere, A::Up),
    key('k', Anywhere, A::Up),
    special(KeyCode::Down, Anywhere, A::Down),
    key('j', Anywhere, A::Down),
    special(KeyCode::PageUp, Anywhere, A::PageUp),
    special(KeyCode::PageDown, Anywhere, A::PageDown),
    special(KeyCode::Home, Anywhere, A::Top),
    key('g', Anywhere, A::Top),
    special(KeyCode::End, Anywhere, A::Bottom),
    key('G', Anywhere, A::Bottom),
    key('a', Anywhere, A::Add),
    key('e', Anywhere, A::Edit),
    special(KeyCode::Enter, Anywhere, A::Edit),
    key('x', Anywhere, A::Delete),
    special(KeyCode::Delete, Anywhere, A::Delete),
    key('n', Anywhere, A::NextSpeaker),
    key('p', Anywhere, A::TogglePause),
    key('+', Anywhere, A::AddTime),
    key('i', Anywhere, A::LogIssue),
    key('/', Anywhere, A::Search),
    special(KeyCode::Esc, Anywhere, A::ClearFilter),
    key('u', Anywhere, A::Undo),
    key('h', Anywhere, A::HallView),
    key('?', Anywhere, A::Help),
    key('q', Anywhere, A::Quit),
    Binding {
        code: KeyCode::Char('c'),
        ctrl: true,
        scope: Anywhere,
        action: A::Quit,
    },
];

/// The action bound to a key in the focused pane.
pub fn lookup(event: &KeyEvent, focus: Pane) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    if event.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    BINDINGS
        .iter()
        .filter(|b| b.scope == Anywhere || b.scope == In(focus))
        .find(|b| b.code == event.code && b.ctrl == ctrl)
        .map(|b| b.action)
}

/// How a key is written in the help.
pub fn key_name(binding: &Binding) -> String {
    let name = match binding.code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Esc => "Esc".into(),
        other => format!("{other:?}"),
    };
    if binding.ctrl {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// All keys of an action in a scope, as the help writes them ("↑ k").
pub fn keys_for(action: Action, scope: Scope) -> String {
    BINDINGS
        .iter()
        .filter(|b| b.action == action && b.scope == scope)
        .map(key_name)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Action {
    /// What the action does, for the help and the footer.
    pub fn help(self, lang: Lang) -> &'static str {
        let (en, vi) = match self {
            A::FocusNext => ("next pane", "sang ô sau"),
            A::FocusPrev => ("previous pane", "về ô trước"),
            A::Focus(Pane::Agenda) => ("go to Agenda", "tới Chương trình"),
            A::Focus(Pane::Speakers) => ("go to Speakers", "tới Phát biểu"),
            A::Focus(Pane::Issues) => ("go to Issues", "tới Phản ánh, kiến nghị"),
            A::Focus(Pane::Actions) => ("go to Actions", "tới Phân công"),
            A::Up => ("move up", "lên"),
            A::Down => ("move down", "xuống"),
            A::PageUp => ("page up", "lên một trang"),
            A::PageDown => ("page down", "xuống một trang"),
            A::Top => ("first row", "dòng đầu"),
            A::Bottom => ("last row", "dòng cuối"),
            A::Add => ("add", "thêm"),
            A::Edit => ("edit the selected row", "sửa dòng đang chọn"),
            A::Delete => ("withdraw / skip / cancel", "rút / bỏ qua / hủy"),
            A::StartItem => ("start the selected item", "bắt đầu mục đang chọn"),
            A::FinishItem => ("finish the active item", "kết thúc mục đang diễn ra"),
            A::Adjourn => ("end the meeting", "kết thúc cuộc họp"),
            A::Approve => ("approve the minutes", "thông qua biên bản"),
            A::CloseIssue => ("close with the reply letter", "đóng bằng văn bản trả lời"),
            A::NextSpeaker => ("next speaker", "mời người tiếp theo"),
            A::TogglePause => (
                "pause / resume the speaker's time",
                "tạm dừng / tiếp tục giờ phát biểu",
            ),
            A::AddTime => ("30 seconds more", "thêm 30 giây"),
            A::ToggleQueue => ("close / reopen the list", "khóa / mở danh sách"),
            A::RequestReply => ("request a reply", "đăng ký trả lời"),
            A::RequestPointOfOrder => ("request a point of order", "đăng ký ý kiến về trình tự"),
            A::LogIssue => ("log an issue by the speaker", "ghi PAKN của người đang nói"),
            A::Answer => ("record the answer", "ghi trả lời, hướng xử lý"),
            A::AssignAction => ("assign an action", "phân công thực hiện"),
            A::Search => ("search this pane", "tìm trong ô này"),
            A::ClearFilter => ("clear the search", "bỏ lọc"),
            A::Undo => (
                "undo your last change",
                "hoàn tác thay đổi gần nhất của bạn",
            ),
            A::Help => ("help", "trợ giúp"),
            A::Quit => ("quit (everything is saved)", "thoát (mọi thứ đã được lưu)"),
            A::HallView => ("hall display (projector)", "màn hình hội trường"),
        };
        match lang {
            Lang::En => en,
            Lang::Vi => vi,
        }
    }
}

/// Keys inside a form, for the help overlay.
/// The keys of review mode (`gavel review`), handled before the keymap.
pub const REVIEW_KEYS: &[(&str, &str, &str)] = &[
    ("← → h l", "one entry back / on", "lùi / tiến một mục"),
    ("[ ]", "ten entries back / on", "lùi / tiến mười mục"),
    ("{ }", "the first / the last entry", "mục đầu / mục cuối"),
    ("s", "statistics on / off", "bật / tắt thống kê"),
];

pub const FORM_KEYS: &[(&str, &str, &str)] = &[
    (
        "Tab / Shift-Tab",
        "next / previous field",
        "ô sau / ô trước",
    ),
    ("Enter", "save", "lưu"),
    (
        "Ctrl-S",
        "save (in a multi-line field)",
        "lưu (trong ô nhiều dòng)",
    ),
    ("Esc", "cancel", "hủy"),
    ("← → Home End", "move the cursor", "di chuyển con trỏ"),
    ("Ctrl-← Ctrl-→", "move by word", "di chuyển theo từ"),
    ("Backspace Ctrl-H / Del", "delete a letter", "xóa một chữ"),
    (
        "Ctrl-W / Ctrl-U",
        "delete a word / to line start",
        "xóa một từ / tới đầu dòng",
    ),
    ("← → Space", "change a choice", "đổi lựa chọn"),
    (
        "↑ ↓",
        "pick a name / move between lines",
        "chọn tên / lên xuống dòng",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn pane_keys_win_over_global_ones() {
        assert_eq!(lookup(&press('r'), Pane::Issues), Some(Action::Answer));
        assert_eq!(
            lookup(&press('r'), Pane::Speakers),
            Some(Action::RequestReply)
        );
        assert_eq!(lookup(&press('r'), Pane::Agenda), None);
        assert_eq!(lookup(&press('s'), Pane::Agenda), Some(Action::StartItem));
        assert_eq!(
            lookup(&press('n'), Pane::Actions),
            Some(Action::NextSpeaker)
        );
    }

    #[test]
    fn ctrl_c_quits_and_shifted_keys_match() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&ctrl_c, Pane::Speakers), Some(Action::Quit));
        let plus = KeyEvent::new(KeyCode::Char('+'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&plus, Pane::Agenda), Some(Action::AddTime));
    }
}
