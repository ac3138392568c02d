//! The Issues pane: every question, difficulty and recommendation raised,
//! with who raised it and what became of it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::list::{self, ListView};
use super::theme::Theme;
use super::{Ctx, clean, spread};
use crate::app::Pane;
use crate::domain::text::truncate_words;
use crate::domain::*;
use crate::i18n::{Label, Lang};

pub fn draw(frame: &mut Frame, app: &Ctx, area: Rect) {
    let theme = app.theme;
    let record = app.record();
    let rows = app.rows(Pane::Issues);
    let today = record
        .meeting_day(app.now)
        .max(crate::domain::clock::local_date(
            &record.meeting.details,
            app.now,
        ));
    let view = ListView {
        pane: Pane::Issues,
        title: app.texts().issues,
        count: record.issues.len(),
        bottom: None,
        summary: None,
    };
    list::draw(frame, app, area, view, &rows, |id, width| {
        let Some(issue) = record.issues.get(&id) else {
            return Line::from("");
        };
        let badge_style = match issue.disposition {
            Disposition::Open => theme.warning(),
            Disposition::Answered => theme.good(),
            Disposition::WrittenReplyRequired | Disposition::Escalated => theme.accent(),
            Disposition::Redirected | Disposition::Withdrawn => theme.dim(),
        };
        let who = issue.raised_by.map_or("", |p| record.participant_name(p));
        let first_line = issue.text.lines().next().unwrap_or("");
        let main = if who.is_empty() {
            clean(first_line).into_owned()
        } else {
            format!("{}: {}", clean(who), clean(first_line))
        };
        let mut right = Vec::new();
        // A narrow row keeps the issue's words rather than its date.
        let dated = width >= DATED_ROW;
        if let Some(due) = issue.due().filter(|_| issue.closed_on.is_none() && dated) {
            let style = if issue.is_overdue(today) {
                theme.danger()
            } else {
                theme.dim()
            };
            right.push(Span::styled(due.format("%d/%m").to_string(), style));
        }
        spread(
            vec![
                number_cell(issue.number, record.is_correction(issue.rev), theme),
                Span::styled(badge(issue.disposition, app.lang, width), badge_style),
            ],
            Span::raw(main),
            right,
            width,
        )
    });
}

/// Columns from which a row has room for an issue's reply deadline.
const DATED_ROW: usize = 36;

/// "[chưa xử lý] ": the disposition in the answer form's words, cut by
/// the "…" rule to a third of the row, but never so short that two read
/// alike ("trả lời bằng…" is not "đã trả lời", "chuyển cấp…" not
/// "chuyển cơ…"), so that the issue's own words keep the rest.
fn badge(disposition: Disposition, lang: Lang, row: usize) -> String {
    const LEAST: usize = 13;
    const MOST: usize = 20;
    let room = (row.saturating_sub(5) / 3).clamp(LEAST, MOST);
    format!("[{}] ", truncate_words(disposition.label(lang), room))
}

/// "#7  " or "#7✎ " (a correction after the minutes were approved).
fn number_cell<'a>(number: u32, corrected: bool, theme: Theme) -> Span<'a> {
    let mark = if corrected { "✎" } else { "" };
    let cell = format!("{:<5}", format!("#{number}{mark}"));
    if corrected {
        Span::styled(cell, theme.warning())
    } else {
        Span::raw(cell)
    }
}
