//! The `?` overlay: every key, straight from the keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::Theme;
use crate::app::App;
use crate::domain::text::truncate;
use crate::i18n::Lang;
use crate::input::keymap::{Action, BINDINGS, FORM_KEYS, Pane, REVIEW_KEYS, Scope, keys_for};

const KEY_COLUMN: usize = 10;
const COLUMN_WIDTH: u16 = 39;

pub fn draw(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let lines = help_lines(app, theme);
    let columns = (area.width.saturating_sub(2) / COLUMN_WIDTH).clamp(1, 3);
    let per_column = lines.len().div_ceil(usize::from(columns));
    let width = (COLUMN_WIDTH * columns + 2).min(area.width);
    let height = (per_column as u16 + 2).min(area.height);
    let popup = super::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let t = app.texts();
    let block = Block::bordered()
        .title(Line::from(Span::styled(
            format!(" {} ", t.help_title),
            theme.title(),
        )))
        .title_bottom(Line::from(Span::styled(
            format!(" {} ", t.help_close),
            theme.dim(),
        )))
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

fn entry<'a>(theme: Theme, keys: String, what: &'a str) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{keys:>KEY_COLUMN$}  "), theme.accent()),
        Span::raw(what),
    ])
}

fn heading<'a>(theme: Theme, text: &'a str) -> Line<'a> {
    Line::from(Span::styled(text, theme.title()))
}

/// Everything the help lists: keys that work anywhere, each pane's own,
/// and the keys of forms.
fn help_lines(app: &App, theme: Theme) -> Vec<Line<'static>> {
    let t = app.texts();
    let lang = app.lang;
    let mut lines = vec![heading(theme, t.help_global)];
    let mut seen: Vec<Action> = Vec::new();
    for binding in BINDINGS.iter().filter(|b| b.scope == Scope::Anywhere) {
        if seen.contains(&binding.action) {
            continue;
        }
        seen.push(binding.action);
        match binding.action {
            Action::Focus(Pane::Agenda) => {
                let panes: &'static str = match lang {
                    Lang::En => "Agenda / Speakers / Issues / Actions",
                    Lang::Vi => "Chương trình / Phát biểu / PAKN / Phân công",
                };
                lines.push(entry(theme, "1 2 3 4".into(), panes));
            }
            Action::Focus(_) => {}
            // Pairs share a line, so the whole help fits in 80×24.
            Action::FocusPrev | Action::Down | Action::PageDown | Action::Bottom => {}
            first @ (Action::FocusNext | Action::Up | Action::PageUp | Action::Top) => {
                let second = match first {
                    Action::FocusNext => Action::FocusPrev,
                    Action::Up => Action::Down,
                    Action::PageUp => Action::PageDown,
                    _ => Action::Bottom,
                };
                let keys = format!(
                    "{} / {}",
                    keys_for(first, Scope::Anywhere),
                    keys_for(second, Scope::Anywhere)
                );
                lines.push(entry(theme, keys, pair_help(first, lang)));
            }
            action => lines.push(entry(
                theme,
                keys_for(action, Scope::Anywhere),
                action.help(lang),
            )),
        }
    }
    for (pane, title) in [
        (Pane::Agenda, t.agenda),
        (Pane::Speakers, t.speakers),
        (Pane::Issues, t.issues),
    ] {
        lines.push(heading(theme, title));
        for binding in BINDINGS.iter().filter(|b| b.scope == Scope::In(pane)) {
            lines.push(entry(
                theme,
                keys_for(binding.action, binding.scope),
                binding.action.help(lang),
            ));
        }
    }
    // Review is read-only: its own keys instead of the forms'.
    let (title, table) = if app.review.is_some() {
        (t.help_review, REVIEW_KEYS)
    } else {
        (t.help_forms, FORM_KEYS)
    };
    lines.push(heading(theme, title));
    for (keys, en, vi) in table {
        let what = if lang == Lang::En { *en } else { *vi };
        lines.push(entry(theme, (*keys).to_string(), what));
    }
    lines
}

/// What a pair of keys on one help line does.
fn pair_help(first: Action, lang: Lang) -> &'static str {
    let (en, vi) = match first {
        Action::FocusNext => ("next / previous pane", "ô sau / ô trước"),
        Action::Up => ("move up / down", "lên / xuống"),
        Action::PageUp => ("page up / down", "lên / xuống một trang"),
        _ => ("first / last row", "dòng đầu / dòng cuối"),
    };
    if lang == Lang::En { en } else { vi }
}
