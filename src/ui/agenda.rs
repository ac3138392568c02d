//! The Agenda pane: planned against actual minutes, and the forecast end.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::list::{self, ListView};
use super::{Ctx, clean, spread};
use crate::app::Pane;
use crate::domain::clock::{agenda_elapsed, offset};
use crate::domain::*;
use crate::i18n::fill;

pub fn draw(frame: &mut Frame, app: &Ctx, area: Rect) {
    let theme = app.theme;
    let record = app.record();
    let t = app.texts();
    let rows = app.rows(Pane::Agenda);
    let ordinal: HashMap<Id, usize> = record
        .agenda_in_order()
        .iter()
        .enumerate()
        .map(|(i, item)| (item.id, i + 1))
        .collect();
    let forecast = record
        .forecast_end(app.now)
        .with_timezone(&offset(&record.meeting.details))
        .format("%H:%M")
        .to_string();
    // Once the meeting has ended, the forecast is when it did.
    let bottom = if record.is_ended() {
        format!(" {} ", fill(t.ended_at, &[&forecast]))
    } else {
        format!(" {} {forecast} ", t.forecast_end)
    };
    let bottom = Line::from(Span::styled(bottom, theme.dim()));
    let view = ListView {
        pane: Pane::Agenda,
        title: t.agenda,
        count: record.agenda.len(),
        bottom: Some(bottom),
        summary: None,
    };
    list::draw(frame, app, area, view, &rows, |id, width| {
        let Some(item) = record.agenda.get(&id) else {
            return Line::from("");
        };
        let (mark, mark_style) = match item.status {
            AgendaStatus::Done => ("✓ ", theme.good()),
            AgendaStatus::Active => ("▶ ", theme.accent()),
            AgendaStatus::Pending => ("  ", theme.dim()),
            AgendaStatus::Skipped => ("- ", theme.dim()),
        };
        let planned = item.planned_minutes;
        let spent = agenda_elapsed(item, app.now).num_minutes();
        let (minutes, style) = match item.status {
            AgendaStatus::Pending => (format!("{planned}′"), theme.dim()),
            AgendaStatus::Skipped => ("—".to_string(), theme.dim()),
            _ => {
                let style = if spent > i64::from(planned) {
                    theme.warning()
                } else {
                    theme.dim()
                };
                (format!("{spent}/{planned}′"), style)
            }
        };
        let title_style = match item.status {
            AgendaStatus::Active => theme.title(),
            AgendaStatus::Skipped => theme.dim(),
            _ => Default::default(),
        };
        spread(
            vec![
                Span::styled(mark, mark_style),
                Span::styled(
                    if record.is_correction(item.rev) {
                        "✎"
                    } else {
                        ""
                    },
                    theme.warning(),
                ),
                Span::raw(format!("{}. ", ordinal.get(&id).copied().unwrap_or(0))),
            ],
            Span::styled(clean(&item.title).into_owned(), title_style),
            // ¶: the item has notes for the minutes.
            vec![
                Span::styled(
                    if item.notes.is_empty() { "" } else { "¶ " },
                    theme.accent(),
                ),
                Span::styled(minutes, style),
            ],
            width,
        )
    });
}
