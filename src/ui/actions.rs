//! The Actions pane: who does what by when.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::list::{self, ListView};
use super::{Ctx, clean, spread};
use crate::app::Pane;
use crate::domain::clock::local_date;
use crate::domain::text::{truncate_words, width as width_of};
use crate::domain::*;

pub fn draw(frame: &mut Frame, app: &Ctx, area: Rect) {
    let theme = app.theme;
    let record = app.record();
    let rows = app.rows(Pane::Actions);
    let today = local_date(&record.meeting.details, app.now);
    let view = ListView {
        pane: Pane::Actions,
        title: app.texts().actions,
        count: record.actions.len(),
        bottom: None,
        summary: None,
    };
    list::draw(frame, app, area, view, &rows, |id, width| {
        let Some(action) = record.actions.get(&id) else {
            return Line::from("");
        };
        let (mark, style) = match action.status {
            ActionStatus::Open => ("[ ] ", Default::default()),
            ActionStatus::InProgress => ("[~] ", theme.accent()),
            ActionStatus::Done => ("[x] ", theme.good()),
            ActionStatus::Cancelled => ("[-] ", theme.dim()),
        };
        let left = vec![
            Span::styled(mark, style),
            Span::styled(
                if record.is_correction(action.rev) {
                    "✎ "
                } else {
                    ""
                },
                theme.warning(),
            ),
        ];
        let title = clean(&action.title).into_owned();
        let due = action.due.map(|due| {
            let style = if action.is_overdue(today) {
                theme.danger()
            } else {
                theme.dim()
            };
            Span::styled(format!(" {}", due.format("%d/%m")), style)
        });
        let fixed = left.iter().chain(&due).map(|s| width_of(&s.content)).sum();
        let room = owner_room(width.saturating_sub(fixed), width_of(&title));
        let mut right = Vec::new();
        if room > 0 {
            let owner = truncate_words(&clean(&action.owner), room).into_owned();
            right.push(Span::styled(owner, theme.dim()));
        }
        right.extend(due);
        spread(left, Span::raw(title), right, width)
    });
}

/// Columns for the owner in a row with `room` columns for the title and
/// the owner: the title comes first (without it, a row says only who and
/// when), so the owner has what the title leaves, up to 18 columns, and
/// none when that is too little for a name.
fn owner_room(room: usize, title: usize) -> usize {
    const OWNER_MAX: usize = 18;
    const OWNER_MIN: usize = 8;
    // The title keeps at least three fifths of the row, or all it needs.
    let title = title.min(room * 3 / 5);
    // One column between the title and the owner.
    let left = room.saturating_sub(title + 2).min(OWNER_MAX);
    if left < OWNER_MIN { 0 } else { left }
}

#[cfg(test)]
mod tests {
    use super::owner_room;

    #[test]
    fn the_title_comes_before_the_owner() {
        // A wide row: the owner gets its 18 columns.
        assert_eq!(owner_room(60, 40), 18);
        // A narrow one: the title keeps three fifths.
        assert_eq!(owner_room(28, 40), 10);
        // A short title leaves the owner more.
        assert_eq!(owner_room(28, 8), 18);
        // Too narrow for a name: the owner goes, the title stays.
        assert_eq!(owner_room(12, 40), 0);
    }
}
