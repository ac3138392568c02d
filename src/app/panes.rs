//! The panes, the console's bottom layer: moving about, and the keys that
//! change the record (their keymap is `pane_keys`).

use super::form::FormKind;
use super::layers::Layer;
pub use super::pane_keys::*;
use super::{Console, Effect, Pane};
use crate::domain::*;
use crate::i18n::fill;
use crate::input::key::Key;
use crate::input::textfield::TextField;
use PaneAction as A;

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
                Pane::Participants => FormKind::NewParticipant,
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
            let t = console.texts();
            let mut question = t.confirm_approve.to_string();
            // Better said now than found in the signed minutes.
            let unchecked = record.roll_call().unchecked;
            if unchecked > 0 {
                question = format!(
                    "{question} {}",
                    fill(t.confirm_unchecked, &[&unchecked.to_string()])
                );
            }
            console.confirm(record, question, Command::ApproveMinutes);
        }
        A::Notes => match console.selected(record, Pane::Agenda) {
            Some(id) => {
                let base_rev = record.agenda.get(&id).map_or(0, |i| i.notes_rev);
                let kind = FormKind::AgendaNotes { id, base_rev };
                return super::typing::open_form(console, record, kind);
            }
            None => console.warn(console.texts().msg_nothing_selected),
        },
        A::Conclusion => {
            let base_rev = record.meeting.conclusion_rev;
            return super::typing::open_form(console, record, FormKind::Conclusion { base_rev });
        }
        A::MeetingDetails => {
            let base_rev = record.meeting.rev;
            let kind = FormKind::MeetingDetails { base_rev };
            return super::typing::open_form(console, record, kind);
        }
        A::Mark(attendance) => return mark(console, record, attendance),
        A::RollCall => super::roll_call::open(console),
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
        A::WrittenSubmission => {
            let kind = FormKind::WrittenIssue { by: None };
            return super::typing::open_form(console, record, kind);
        }
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
        A::Help => console.layers.push(Layer::Help { scroll: 0 }),
        A::Papers => console.layers.push(Layer::Papers { highlight: 0 }),
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

/// The wheel over a pane: its list moves by `lines` rows, the selection
/// with it only when it would leave the rows shown; the focus stays where
/// it is. Only on the panes themselves (and in review), as a click.
pub fn scroll(console: &mut Console, record: &Record, pane: Pane, lines: isize) {
    if !matches!(console.mode(), super::Mode::Panes | super::Mode::Review) {
        return;
    }
    let rows = console.rows(record, pane);
    let height = console.viewport.list_rows[pane.index()].max(1);
    let state = &mut console.panes[pane.index()];
    let last_offset = rows.len().saturating_sub(height);
    state.offset = state.offset.saturating_add_signed(lines).min(last_offset);
    if let Some(index) = state.selected_index(&rows) {
        let last_shown = (state.offset + height - 1).min(rows.len() - 1);
        let kept = index.clamp(state.offset, last_shown);
        if kept != index {
            state.select_index(&rows, kept);
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
        Pane::Participants => record
            .participants
            .get(&id)
            .map(|p| FormKind::EditParticipant {
                id,
                base_rev: p.rev,
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

/// Roll call on the selected participant: `attendance`, or back to "not
/// checked in" when it is what the roll call already says. The record
/// refuses to make absent someone who spoke (the footer says so).
fn mark(console: &mut Console, record: &Record, attendance: Attendance) -> Vec<Effect> {
    if !console.allowed(Area::Participants) {
        return Vec::new();
    }
    let person = console
        .selected(record, Pane::Participants)
        .and_then(|id| record.participants.get(&id));
    let Some(person) = person else {
        console.warn(console.texts().msg_nothing_selected);
        return Vec::new();
    };
    let attendance = if person.attendance == attendance {
        Attendance::Invited
    } else {
        attendance
    };
    // Said at once, in the record's own words, rather than after a round
    // trip to the file.
    if let Err(refusal) = record.check_attendance(person, attendance) {
        console.warn(&crate::i18n::domain_error(console.lang, &refusal));
        return Vec::new();
    }
    let command = Command::SetAttendance {
        id: person.id,
        attendance,
    };
    let mut effects = console.execute(record, command);
    // Absent, but wrote in: what they wrote is the next thing to record,
    // unless it already is.
    let wrote = attendance == Attendance::AbsentWithWrittenSubmission;
    let recorded = record
        .issues
        .values()
        .any(|i| i.raised_by == Some(person.id) && i.source == IssueSource::WrittenSubmission);
    // Not when the mark waits on a question (a correction of approved
    // minutes): the form would hide it.
    let sent = !effects.is_empty();
    if wrote && !recorded && sent && console.role.may(Area::Issues) {
        let kind = FormKind::WrittenIssue {
            by: Some(person.id),
        };
        effects.extend(super::typing::open_form(console, record, kind));
    }
    effects
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
                    answered_by: i.answered_by,
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
        // Nobody is struck off the list: the roll call says who was not there.
        Pane::Participants => None,
    }
}
