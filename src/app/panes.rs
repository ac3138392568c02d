//! The panes, the console's bottom layer: moving about, and the keys that
//! change the record. Each pane has its own keys; the keys that work
//! anywhere come after them, so a pane's own key wins.

use super::form::FormKind;
use super::layers::Layer;
use super::{Console, Effect, Pane};
use crate::domain::*;
use crate::i18n::{Lang, fill};
use crate::input::key::{Key, KeyCode};
use crate::input::keymap::{Binding, Described, Hint, bind, lookup};
use crate::input::textfield::TextField;

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

use PaneAction as A;

pub const AGENDA_KEYS: &[Binding<PaneAction>] = &[
    bind(Key::char('s'), A::StartItem),
    bind(Key::char('f'), A::FinishItem),
    bind(Key::char('E'), A::Adjourn),
    bind(Key::char('A'), A::Approve),
];

pub const SPEAKERS_KEYS: &[Binding<PaneAction>] = &[
    bind(Key::char('c'), A::ToggleQueue),
    bind(Key::char('r'), A::RequestReply),
    bind(Key::char('o'), A::RequestPointOfOrder),
];

pub const ISSUES_KEYS: &[Binding<PaneAction>] = &[
    bind(Key::char('r'), A::Answer),
    bind(Key::char('t'), A::AssignAction),
    bind(Key::char('c'), A::CloseIssue),
];

pub const ACTIONS_KEYS: &[Binding<PaneAction>] = &[];

pub const ANYWHERE_KEYS: &[Binding<PaneAction>] = &[
    bind(Key::new(KeyCode::Tab), A::FocusNext),
    bind(Key::new(KeyCode::BackTab), A::FocusPrev),
    bind(Key::char('1'), A::Focus(Pane::Agenda)),
    bind(Key::char('2'), A::Focus(Pane::Speakers)),
    bind(Key::char('3'), A::Focus(Pane::Issues)),
    bind(Key::char('4'), A::Focus(Pane::Actions)),
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
    bind(Key::char('/'), A::Search),
    bind(Key::new(KeyCode::Esc), A::ClearFilter),
    bind(Key::char('u'), A::Undo),
    bind(Key::char('h'), A::HallView),
    bind(Key::char('?'), A::Help),
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

/// The footer's hints: the focused pane's keys, then the common ones.
pub fn footer_hints(focus: Pane, lang: Lang) -> Vec<Hint> {
    let own = keys_of(focus).iter().map(|b| Hint {
        keys: b.key.name(),
        what: b.action.describe(lang),
    });
    let common = crate::input::keymap::hints(ANYWHERE_KEYS, COMMON, lang);
    own.chain(common).collect()
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
        if lang == Lang::En { en } else { vi }
    }

    /// Pairs share a line of the help, so that all of it fits in 80×24.
    fn help_line(self, lang: Lang) -> &'static str {
        let (en, vi) = match self {
            A::FocusNext | A::FocusPrev => ("next / previous pane", "ô sau / ô trước"),
            A::Focus(_) => (
                "Agenda / Speakers / Issues / Actions",
                "Chương trình / Phát biểu / PAKN / Phân công",
            ),
            A::Up | A::Down => ("move up / down", "lên / xuống"),
            A::PageUp | A::PageDown => ("page up / down", "lên / xuống một trang"),
            A::Top | A::Bottom => ("first / last row", "dòng đầu / dòng cuối"),
            other => return other.describe(lang),
        };
        if lang == Lang::En { en } else { vi }
    }
}

/// A key on the panes.
pub fn key(console: &mut Console, record: &Record, key: &Key) -> Vec<Effect> {
    match action(key, console.focus) {
        Some(action) => {
            console.status = None;
            perform(console, record, action)
        }
        None => Vec::new(),
    }
}

fn perform(console: &mut Console, record: &Record, action: PaneAction) -> Vec<Effect> {
    let pane = console.focus;
    let page = console.viewport.list_rows[pane.index()].max(1) as isize;
    match action {
        A::FocusNext => console.focus = pane.next(),
        A::FocusPrev => console.focus = pane.prev(),
        A::Focus(target) => console.focus = target,
        A::Up => move_selection(console, record, -1),
        A::Down => move_selection(console, record, 1),
        A::PageUp => move_selection(console, record, -page),
        A::PageDown => move_selection(console, record, page),
        A::Top => move_selection(console, record, isize::MIN / 2),
        A::Bottom => move_selection(console, record, isize::MAX / 2),
        A::Add => {
            let kind = match pane {
                Pane::Agenda => FormKind::NewAgendaItem,
                Pane::Speakers => FormKind::NewRequest(RequestKind::Normal),
                Pane::Issues => FormKind::NewIssue,
                Pane::Actions => FormKind::NewAction { issue: None },
            };
            return super::typing::open_form(console, record, kind);
        }
        A::Edit => return edit_selected(console, record),
        A::Delete => confirm_delete(console, record),
        A::StartItem => match console.selected(record, Pane::Agenda) {
            Some(id) => return console.execute(record, Command::StartAgendaItem(id)),
            None => console.warn(console.texts().msg_nothing_selected),
        },
        A::FinishItem => return console.execute(record, Command::FinishAgendaItem),
        A::Adjourn => {
            let question = console.texts().confirm_adjourn.into();
            console.confirm(record, question, Command::AdjournMeeting);
        }
        A::Approve => {
            let question = console.texts().confirm_approve.into();
            console.confirm(record, question, Command::ApproveMinutes);
        }
        A::CloseIssue => match selected_issue(console, record) {
            Some(issue) => {
                let kind = FormKind::CloseIssue { id: issue.id };
                return super::typing::open_form(console, record, kind);
            }
            None => console.warn(console.texts().msg_nothing_selected),
        },
        A::NextSpeaker => return console.execute(record, Command::NextSpeaker),
        A::TogglePause => return console.execute(record, Command::TogglePause),
        A::AddTime => return console.execute(record, Command::AddTime { seconds: 30 }),
        A::ToggleQueue => {
            let active = record.active_item().map(|i| i.id);
            let closed = record.queue_is_closed(active);
            return console.execute(record, Command::SetQueueClosed(!closed));
        }
        A::RequestReply => {
            let kind = FormKind::NewRequest(RequestKind::Reply);
            return super::typing::open_form(console, record, kind);
        }
        A::RequestPointOfOrder => {
            let kind = FormKind::NewRequest(RequestKind::PointOfOrder);
            return super::typing::open_form(console, record, kind);
        }
        A::LogIssue => return super::typing::open_form(console, record, FormKind::NewIssue),
        A::Answer => match selected_issue(console, record) {
            Some(issue) => {
                let kind = FormKind::Answer {
                    id: issue.id,
                    base_rev: issue.rev,
                };
                return super::typing::open_form(console, record, kind);
            }
            None => console.warn(console.texts().msg_nothing_selected),
        },
        A::AssignAction => {
            let issue = selected_issue(console, record).map(|i| i.id);
            return super::typing::open_form(console, record, FormKind::NewAction { issue });
        }
        A::Search => {
            let current = console.pane(pane).filter.clone().unwrap_or_default();
            let field = TextField::single_line().with_text(&current, usize::MAX);
            console.layers.push(Layer::Search(field));
        }
        A::ClearFilter => console.panes[pane.index()].filter = None,
        A::Undo => return vec![Effect::Undo],
        A::Help => console.layers.push(Layer::Help),
        A::HallView => console.layers.push(Layer::Hall(super::HallView {
            theme: super::HallTheme::Dark,
            standalone: false,
        })),
        A::Quit => return vec![Effect::Quit],
    }
    Vec::new()
}

/// A click: the pane gets the focus, the row under the pointer the
/// selection. Only on the panes themselves, not under a form or question.
pub fn click(console: &mut Console, record: &Record, pane: Pane, row: Option<usize>) {
    if !matches!(console.mode(), super::Mode::Panes | super::Mode::Review) {
        return;
    }
    console.focus = pane;
    if let Some(row) = row {
        let index = console.pane(pane).offset + row;
        let rows = console.rows(record, pane);
        if index < rows.len() {
            console.panes[pane.index()].select_index(&rows, index);
        }
    }
}

fn selected_issue<'r>(console: &Console, record: &'r Record) -> Option<&'r Issue> {
    if console.focus != Pane::Issues {
        return None;
    }
    console
        .selected(record, Pane::Issues)
        .and_then(|id| record.issues.get(&id))
}

fn move_selection(console: &mut Console, record: &Record, delta: isize) {
    let pane = console.focus;
    let rows = console.rows(record, pane);
    let state = &mut console.panes[pane.index()];
    let current = state.selected_index(&rows).unwrap_or(0) as isize;
    let target = (current.saturating_add(delta)).clamp(0, rows.len().saturating_sub(1) as isize);
    state.select_index(&rows, target as usize);
    console.scroll(record, pane);
}

fn edit_selected(console: &mut Console, record: &Record) -> Vec<Effect> {
    let Some(id) = console.selected(record, console.focus) else {
        console.warn(console.texts().msg_nothing_selected);
        return Vec::new();
    };
    let kind = match console.focus {
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
        Some(kind) => super::typing::open_form(console, record, kind),
        None => {
            console.warn(console.texts().msg_cannot_edit_row);
            Vec::new()
        }
    }
}

/// `x`: withdraw a request, skip an agenda item, withdraw an issue or
/// cancel an action, after a question.
fn confirm_delete(console: &mut Console, record: &Record) {
    let Some(id) = console.selected(record, console.focus) else {
        return console.warn(console.texts().msg_nothing_selected);
    };
    match delete_question(console, record, id) {
        Some((question, command)) => console.confirm(record, question, command),
        None => console.warn(console.texts().msg_cannot_edit_row),
    }
}

/// What `x` would ask, and the command it would record.
fn delete_question(console: &Console, record: &Record, id: Id) -> Option<(String, Command)> {
    let t = console.texts();
    match console.focus {
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
                let fields = AnswerFields {
                    answer: i.answer.clone(),
                    disposition: Disposition::Withdrawn,
                    reply_due: None,
                    escalated_to: String::new(),
                };
                (
                    fill(t.confirm_withdraw_issue, &[&i.number.to_string()]),
                    Command::AnswerIssue {
                        id,
                        base_rev: i.rev,
                        fields,
                    },
                )
            }),
        Pane::Actions => record
            .actions
            .get(&id)
            .filter(|a| a.status != ActionStatus::Cancelled)
            .map(|a| {
                let fields = ActionFields {
                    title: a.title.clone(),
                    owner: a.owner.clone(),
                    issue: a.issue,
                    due: a.due,
                    status: ActionStatus::Cancelled,
                    completion_ref: a.completion_ref.clone(),
                };
                (
                    fill(t.confirm_cancel_action, &[&a.title]),
                    Command::EditAction {
                        id,
                        base_rev: a.rev,
                        fields,
                    },
                )
            }),
    }
}
