//! The panes' keymap, as data: each pane's own keys, then the keys that
//! work anywhere (a pane's own key wins), with their words for the footer
//! and the help.

use super::Pane;
use crate::domain::{Area, Attendance, Role};
use crate::i18n::Lang;
use crate::input::key::{Key, KeyCode};
use crate::input::keymap::{Binding, Described, Hint, also, bind, lookup};

/// What a key asks of the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaneAction {
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
    /// A written submission (a letter), its writer typed.
    WrittenSubmission,
    Answer,
    AssignAction,
    Search,
    ClearFilter,
    Undo,
    Help,
    Quit,
    /// The hall display, for the projector (and back).
    HallView,
    /// The notes (the course) of the selected agenda item.
    Notes,
    /// The chair's conclusion, typed live.
    Conclusion,
    /// The meeting's details: title, chair, secretary, venue...
    MeetingDetails,
    /// Roll call on the selected participant: this attendance, or back to
    /// "not checked in" when it is already the one recorded.
    Mark(Attendance),
    /// Check people in by typing a few letters of their names.
    RollCall,
    /// The export menu: the minutes, the notice... written beside the file.
    Papers,
}

use PaneAction as A;

pub const AGENDA_KEYS: &[Binding<PaneAction>] = &[
    bind(Key::char('s'), A::StartItem),
    bind(Key::char('f'), A::FinishItem),
    bind(Key::char('d'), A::Notes),
    bind(Key::char('E'), A::Adjourn),
    bind(Key::char('A'), A::Approve),
    bind(Key::char('X'), A::Papers),
];

pub const SPEAKERS_KEYS: &[Binding<PaneAction>] = &[
    bind(Key::char('c'), A::ToggleQueue),
    bind(Key::char('r'), A::RequestReply),
    bind(Key::char('o'), A::RequestPointOfOrder),
];

pub const ISSUES_KEYS: &[Binding<PaneAction>] = &[
    bind(Key::char('r'), A::Answer),
    bind(Key::char('w'), A::WrittenSubmission),
    bind(Key::char('t'), A::AssignAction),
    bind(Key::char('c'), A::CloseIssue),
];

pub const ACTIONS_KEYS: &[Binding<PaneAction>] = &[];

pub const PARTICIPANTS_KEYS: &[Binding<PaneAction>] = &[
    bind(Key::char(' '), A::Mark(Attendance::Present)),
    bind(Key::char('c'), A::RollCall),
    bind(Key::char('l'), A::Mark(Attendance::AbsentWithNotice)),
    bind(
        Key::char('w'),
        A::Mark(Attendance::AbsentWithWrittenSubmission),
    ),
    bind(Key::char('v'), A::Mark(Attendance::Absent)),
];

pub const ANYWHERE_KEYS: &[Binding<PaneAction>] = &[
    bind(Key::new(KeyCode::Tab), A::FocusNext),
    bind(Key::new(KeyCode::BackTab), A::FocusPrev),
    bind(Key::char('1'), A::Focus(Pane::Agenda)),
    bind(Key::char('2'), A::Focus(Pane::Speakers)),
    bind(Key::char('3'), A::Focus(Pane::Issues)),
    bind(Key::char('4'), A::Focus(Pane::Actions)),
    bind(Key::char('5'), A::Focus(Pane::Participants)),
    bind(Key::new(KeyCode::Up), A::Up),
    bind(Key::char('k'), A::Up),
    bind(Key::new(KeyCode::Down), A::Down),
    bind(Key::char('j'), A::Down),
    bind(Key::new(KeyCode::PageUp), A::PageUp),
    bind(Key::new(KeyCode::PageDown), A::PageDown),
    bind(Key::new(KeyCode::Home), A::Top),
    bind(Key::char('g'), A::Top),
    bind(Key::new(KeyCode::End), A::Bottom),
    bind(Key::char('G'), A::Bottom),
    bind(Key::char('a'), A::Add),
    bind(Key::char('e'), A::Edit),
    bind(Key::new(KeyCode::Enter), A::Edit),
    bind(Key::char('x'), A::Delete),
    bind(Key::new(KeyCode::Delete), A::Delete),
    bind(Key::char('n'), A::NextSpeaker),
    bind(Key::char('p'), A::TogglePause),
    bind(Key::char('+'), A::AddTime),
    bind(Key::char('i'), A::LogIssue),
    bind(Key::char('m'), A::MeetingDetails),
    bind(Key::char('K'), A::Conclusion),
    bind(Key::char('/'), A::Search),
    bind(Key::new(KeyCode::Esc), A::ClearFilter),
    bind(Key::char('u'), A::Undo),
    bind(Key::char('h'), A::HallView),
    // Not listed in the help it opens: the footer always offers it.
    also(Key::char('?'), A::Help),
    bind(Key::char('q'), A::Quit),
    bind(Key::ctrl('c'), A::Quit),
];

/// A pane's own keys.
pub fn keys_of(pane: Pane) -> &'static [Binding<PaneAction>] {
    match pane {
        Pane::Agenda => AGENDA_KEYS,
        Pane::Speakers => SPEAKERS_KEYS,
        Pane::Issues => ISSUES_KEYS,
        Pane::Actions => ACTIONS_KEYS,
        Pane::Participants => PARTICIPANTS_KEYS,
    }
}

/// The action of a key in the focused pane: its own keys first.
pub fn action(key: &Key, focus: Pane) -> Option<PaneAction> {
    lookup(keys_of(focus), key).or_else(|| lookup(ANYWHERE_KEYS, key))
}

/// The keys the footer offers after the focused pane's own.
const COMMON: &[PaneAction] = &[
    A::Add,
    A::Edit,
    A::NextSpeaker,
    A::LogIssue,
    A::Undo,
    A::Search,
];

/// The footer's hints: the focused pane's keys, then the common ones; only
/// those `role` may use there.
pub fn footer_hints(focus: Pane, lang: Lang, role: Role) -> Vec<Hint> {
    let own = keys_of(focus)
        .iter()
        .filter(|b| b.action.may_use(role, focus))
        .map(|b| Hint {
            keys: b.key.name(),
            what: b.action.describe(lang),
        });
    let common: Vec<PaneAction> = COMMON
        .iter()
        .copied()
        .filter(|action| action.may_use(role, focus))
        .collect();
    let common = crate::input::keymap::hints(ANYWHERE_KEYS, &common, lang);
    own.chain(common).collect()
}

/// The bindings of `table` that `role` may use in some pane (in `pane`
/// when given): what the help lists for that role.
pub fn usable(
    table: &[Binding<PaneAction>],
    role: Role,
    pane: Option<Pane>,
) -> Vec<Binding<PaneAction>> {
    table
        .iter()
        .filter(|b| match pane {
            Some(pane) => b.action.may_use(role, pane),
            None => Pane::ALL.iter().any(|p| b.action.may_use(role, *p)),
        })
        .copied()
        .collect()
}

impl PaneAction {
    /// The part of the record this key changes, with `pane` focused (`a`
    /// adds a row of that pane); `None` for a key that only moves about,
    /// shows or writes a document.
    pub fn area(self, pane: Pane) -> Option<Area> {
        let of_pane = match pane {
            Pane::Agenda => Area::Agenda,
            Pane::Speakers => Area::Requests,
            Pane::Issues => Area::Issues,
            Pane::Actions => Area::Actions,
            Pane::Participants => Area::Participants,
        };
        match self {
            A::Add | A::Edit => Some(of_pane),
            // Nobody is struck off the list of participants.
            A::Delete => (pane != Pane::Participants).then_some(of_pane),
            A::StartItem | A::FinishItem => Some(Area::Agenda),
            A::Adjourn | A::Approve | A::MeetingDetails => Some(Area::Meeting),
            A::NextSpeaker | A::TogglePause | A::AddTime | A::ToggleQueue => Some(Area::Floor),
            A::RequestReply | A::RequestPointOfOrder => Some(Area::Requests),
            A::LogIssue | A::WrittenSubmission | A::Answer | A::CloseIssue => Some(Area::Issues),
            A::AssignAction => Some(Area::Actions),
            A::Notes | A::Conclusion => Some(Area::Notes),
            A::Mark(_) | A::RollCall => Some(Area::Participants),
            A::Undo => Some(Area::Undo),
            A::FocusNext
            | A::FocusPrev
            | A::Focus(_)
            | A::Up
            | A::Down
            | A::PageUp
            | A::PageDown
            | A::Top
            | A::Bottom
            | A::Search
            | A::ClearFilter
            | A::Help
            | A::Quit
            | A::HallView
            | A::Papers => None,
        }
    }

    /// Whether `role` may use this key with `pane` focused.
    pub fn may_use(self, role: Role, pane: Pane) -> bool {
        self.area(pane).is_none_or(|area| role.may(area))
    }
}

impl Described for PaneAction {
    fn describe(self, lang: Lang) -> &'static str {
        let (en, vi) = match self {
            A::FocusNext => ("next pane", "sang ô sau"),
            A::FocusPrev => ("previous pane", "về ô trước"),
            A::Focus(Pane::Agenda) => ("go to Agenda", "tới Chương trình"),
            A::Focus(Pane::Speakers) => ("go to Speakers", "tới Phát biểu"),
            A::Focus(Pane::Issues) => ("go to Issues", "tới Phản ánh, kiến nghị"),
            A::Focus(Pane::Actions) => ("go to Actions", "tới Phân công"),
            A::Focus(Pane::Participants) => ("go to Participants", "tới Đại biểu"),
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
            A::WrittenSubmission => ("log a written submission", "ghi ý kiến bằng văn bản"),
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
            A::Notes => ("notes of the item", "diễn biến của mục"),
            A::Conclusion => ("the chair's conclusion", "kết luận của chủ trì"),
            A::MeetingDetails => ("meeting details", "thông tin cuộc họp"),
            A::Mark(Attendance::Present | Attendance::Invited) => ("present", "có mặt"),
            A::Mark(Attendance::AbsentWithNotice) => ("absent (notice)", "vắng có lý do"),
            A::Mark(Attendance::AbsentWithWrittenSubmission) => {
                ("absent (wrote in)", "vắng (văn bản)")
            }
            A::Mark(Attendance::Absent) => ("absent", "vắng"),
            A::RollCall => ("roll call", "điểm danh"),
            A::Papers => ("minutes, notice… to files", "xuất biên bản, thông báo…"),
        };
        lang.pick(en, vi)
    }

    /// Pairs share a line of the help, so that all of it fits in 80×24.
    fn help_line(self, lang: Lang) -> &'static str {
        let (en, vi) = match self {
            A::FocusNext | A::FocusPrev => ("next / previous pane", "ô sau / ô trước"),
            A::Focus(_) => ("go to the pane of that number", "tới ô có số đó"),
            A::Up | A::Down => ("move up / down", "lên / xuống"),
            A::Search | A::ClearFilter => ("search this pane / clear", "tìm trong ô này / bỏ lọc"),
            A::TogglePause | A::AddTime => (
                "pause, resume / 30 s more",
                "tạm dừng, tiếp tục / thêm 30 giây",
            ),
            A::Adjourn | A::Approve => (
                "end the meeting / approve the minutes",
                "kết thúc họp / thông qua biên bản",
            ),
            A::RequestReply | A::RequestPointOfOrder => (
                "request a reply / point of order",
                "đăng ký trả lời / về trình tự",
            ),
            A::MeetingDetails | A::Conclusion => (
                "meeting details / conclusion",
                "thông tin cuộc họp / kết luận",
            ),
            A::Mark(Attendance::Present | Attendance::Invited) => {
                ("present / not checked in", "có mặt / chưa điểm danh")
            }
            A::Mark(_) => (
                "absent: notice / wrote / plain",
                "vắng có lý do / văn bản / vắng",
            ),
            A::RollCall => ("check in by name", "điểm danh theo tên"),
            A::PageUp | A::PageDown => ("page up / down", "lên / xuống một trang"),
            A::Top | A::Bottom => ("first / last row", "dòng đầu / dòng cuối"),
            other => return other.describe(lang),
        };
        lang.pick(en, vi)
    }
}
