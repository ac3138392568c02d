//! The `?` overlay: the keys of the layers under it, from their keymaps.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::Ctx;
use super::theme::Theme;
use crate::app::help::{Fit, fit_lines, sections};
use crate::app::layers::help_hints;
use crate::domain::text::truncate_words;
use crate::input::keymap::hint_line;

const KEY_COLUMN: usize = 10;
/// The widest a column of the help gets.
const WIDEST_COLUMN: u16 = 52;

/// The help at its scroll position (`scroll`: the first line shown, when
/// it does not fit and shows one column).
pub fn draw(frame: &mut Frame, app: &Ctx, scroll: usize, area: Rect) {
    let theme = app.theme;
    let lines = help_lines(app, theme);
    let fit = fit_lines(lines.len(), area.width, area.height);
    let columns = fit.columns;
    // Columns wider than the least where the screen has room: fewer lines
    // cut.
    // One column takes the screen.
    let width = if columns == 1 {
        area.width
    } else {
        (WIDEST_COLUMN * columns + 2).min(area.width)
    };
    let height = (fit.rows as u16 + 2).min(area.height);
    let popup = super::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let t = app.texts();
    let scroll = scroll.min(fit.max_scroll);
    let bottom = bottom_line(app, fit, scroll, usize::from(width.saturating_sub(4)));
    let block = Block::bordered()
        .title(Line::from(Span::styled(
            format!(" {} ", t.help_title),
            theme.title(),
        )))
        .title_bottom(Line::from(Span::styled(bottom, theme.dim())))
        .border_style(theme.focused_border());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let areas = Layout::horizontal(vec![
        Constraint::Ratio(1, u32::from(columns));
        usize::from(columns)
    ])
    .split(inner);
    let shown = &lines[scroll..(scroll + fit.shown()).min(lines.len())];
    for (column, rect) in shown.chunks(fit.rows.max(1)).zip(areas.iter()) {
        let room = usize::from(rect.width.saturating_sub(1));
        let column: Vec<Line> = column
            .iter()
            .map(|line| {
                let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
                if crate::domain::text::width(&text) <= room {
                    line.clone()
                } else {
                    Line::from(truncate_words(&text, room).into_owned())
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(column), *rect);
    }
}

/// The bottom border: where the lines shown are ("12–29/75") and the
/// scrolling keys when it scrolls, and the keys that close it, which are
/// always there: a scrolling hint that does not fit is left out.
fn bottom_line(app: &Ctx, fit: Fit, scroll: usize, room: usize) -> String {
    let mut hints = help_hints(fit.scrolls(), app.lang);
    let close = hints.pop().map(|h| hint_line(&[h])).unwrap_or_default();
    let mut parts = Vec::new();
    if fit.scrolls() {
        let last = (scroll + fit.shown()).min(fit.lines);
        parts.push(format!("{}–{last}/{}", scroll + 1, fit.lines));
    }
    let width_of = |parts: &[String]| crate::domain::text::width(&parts.join(" · "));
    for hint in hints {
        let mut longer = parts.clone();
        longer.push(hint_line(&[hint]));
        longer.push(close.clone());
        if width_of(&longer) <= room {
            longer.pop();
            parts = longer;
        }
    }
    parts.push(close);
    format!(" {} ", truncate_words(&parts.join(" · "), room))
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
