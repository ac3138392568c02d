//! The frame every pane shares: a bordered list that draws only the rows
//! that fit, and marks the selection.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Ctx;
use super::layout::list_height;
use crate::app::{Layer, Mode, Pane};
use crate::domain::Id;
use crate::i18n::Texts;

pub struct ListView<'a> {
    pub pane: Pane,
    pub title: &'a str,
    pub count: usize,
    /// Said after the title instead of the count.
    pub summary: Option<String>,
    pub bottom: Option<Line<'a>>,
}

/// A pane's name, as its title says it.
pub fn pane_title(pane: Pane, t: &Texts) -> &'static str {
    match pane {
        Pane::Agenda => t.agenda,
        Pane::Speakers => t.speakers,
        Pane::Issues => t.issues,
        Pane::Actions => t.actions,
        Pane::Participants => t.participants,
    }
}

/// Draws the rows of `pane` visible at its scroll offset; `row` makes the
/// line for one id in the given width.
pub fn draw<'a>(
    frame: &mut Frame,
    app: &Ctx,
    area: Rect,
    view: ListView<'a>,
    rows: &[Id],
    row: impl Fn(Id, usize) -> Line<'a>,
) {
    let theme = app.theme;
    let focused =
        app.focus == view.pane && matches!(app.mode(), Mode::Panes | Mode::Review | Mode::Search);
    let state = app.pane(view.pane);
    let said = match &view.summary {
        Some(summary) => format!(" — {summary} "),
        None => format!(" ({}) ", view.count),
    };
    let mut title = vec![
        Span::styled(format!(" {} ", view.pane.index() + 1), theme.dim()),
        Span::styled(view.title.to_string(), theme.title()),
        Span::raw(said),
    ];
    if let Some(filter) = &state.filter {
        let label = app.texts().filter;
        title.push(Span::styled(
            format!("[{label}: {}] ", super::clean(filter)),
            theme.accent(),
        ));
    }
    if let Some(Layer::Search(field)) = app.console.top()
        && app.focus == view.pane
    {
        title.push(Span::styled(
            format!("/{}▏", super::clean(field.text())),
            theme.accent(),
        ));
    }
    let mut block =
        Block::bordered()
            .title(Line::from(title))
            .border_style(if app.focus == view.pane {
                theme.focused_border()
            } else {
                theme.border()
            });
    // In a shared corner, the pane says which other one is behind it.
    let behind = match view.pane {
        Pane::Actions => Some(Pane::Participants),
        Pane::Participants => Some(Pane::Actions),
        _ => None,
    };
    let bottom = match behind.filter(|_| app.shared_corner) {
        Some(other) => {
            let mut spans = vec![Span::styled(
                format!(
                    " ⇄ {} {} ",
                    other.index() + 1,
                    pane_title(other, app.texts())
                ),
                theme.dim(),
            )];
            // The pane's own words after it, separated by the border.
            if let Some(own) = view.bottom {
                spans.push(Span::styled("─", theme.border()));
                spans.extend(own.spans);
            }
            Some(Line::from(spans))
        }
        None => view.bottom,
    };
    if let Some(bottom) = bottom {
        block = block.title_bottom(bottom);
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let height = list_height(area);
    if rows.is_empty() {
        let empty = Paragraph::new(Span::styled(app.texts().empty_list, theme.dim()));
        frame.render_widget(empty, inner);
        return;
    }
    let selected = state.selected_index(rows);
    let offset = state.offset.min(rows.len().saturating_sub(1));
    let width = usize::from(inner.width);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(index, id)| {
            let line = row(*id, width);
            if Some(index) == selected {
                line.patch_style(theme.selected(focused))
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).style(Style::new()), inner);
}
