//! The Actions pane: who does what by when.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::list::{self, ListView};
use super::{Ctx, clean, spread};
use crate::app::Pane;
use crate::domain::clock::local_date;
use crate::domain::text::truncate;
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
        let owner = clean(&action.owner);
        let mut right = vec![Span::styled(truncate(&owner, 18).into_owned(), theme.dim())];
        if let Some(due) = action.due {
            let style = if action.is_overdue(today) {
                theme.danger()
            } else {
                theme.dim()
            };
            right.push(Span::styled(format!(" {}", due.format("%d/%m")), style));
        }
        spread(
            vec![
                Span::styled(mark, style),
                Span::styled(
                    if record.is_correction(action.rev) {
                        "✎ "
                    } else {
                        ""
                    },
                    theme.warning(),
                ),
            ],
            Span::raw(clean(&action.title).into_owned()),
            right,
            width,
        )
    });
}
