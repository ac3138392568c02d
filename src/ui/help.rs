//! The `?` overlay: the keys of the layers under it, from their keymaps.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::Ctx;
use super::theme::Theme;
use crate::app::help::sections;
use crate::domain::text::truncate;
use crate::input::keymap::hint_line;

const KEY_COLUMN: usize = 10;
const COLUMN_WIDTH: u16 = 39;

pub fn draw(frame: &mut Frame, app: &Ctx, area: Rect) {
    let theme = app.theme;
    let lines = help_lines(app, theme);
    let columns = (area.width.saturating_sub(2) / COLUMN_WIDTH).clamp(1, 3);
    let per_column = lines.len().div_ceil(usize::from(columns));
    let width = (COLUMN_WIDTH * columns + 2).min(area.width);
    let height = (per_column as u16 + 2).min(area.height);
    let popup = super::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let t = app.texts();
    let close = hint_line(&crate::app::layers::hints_on_top(app.console));
    let block = Block::bordered()
        .title(Line::from(Span::styled(
            format!(" {} ", t.help_title),
            theme.title(),
        )))
        .title_bottom(Line::from(Span::styled(format!(" {close} "), theme.dim())))
        .border_style(theme.focused_border());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let areas = Layout::horizontal(vec![
        Constraint::Ratio(1, u32::from(columns));
        usize::from(columns)
    ])
    .split(inner);
    for (column, rect) in lines.chunks(per_column.max(1)).zip(areas.iter()) {
        let room = usize::from(rect.width.saturating_sub(1));
        let column: Vec<Line> = column
            .iter()
            .map(|line| {
                let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
                if crate::domain::text::width(&text) <= room {
                    line.clone()
                } else {
                    Line::from(truncate(&text, room).into_owned())
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(column), *rect);
    }
}

/// Every section's title, then its keys.
fn help_lines(app: &Ctx, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for section in sections(app.console) {
        lines.push(Line::from(Span::styled(section.title, theme.title())));
        for hint in section.lines {
            lines.push(Line::from(vec![
                Span::styled(format!("{:>KEY_COLUMN$}  ", hint.keys), theme.accent()),
                Span::raw(hint.what),
            ]));
        }
    }
    lines
}
