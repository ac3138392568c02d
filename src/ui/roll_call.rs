//! Roll call by name, drawn over the panes: the name being typed, the
//! people it matches with their attendance now (the one Enter checks in
//! highlighted), and the counts in the title, which go up as people arrive.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::participants::{breakdown, row, summary};
use super::{Ctx, centered, clean};
use crate::app::roll_call::matches;
use crate::app::{CheckingIn, Status};
use crate::domain::text::{truncate_words, width};
use crate::i18n::fill;
use crate::input::keymap::hint_line;

/// At most this many matches are listed.
const SHOWN: usize = 8;

pub fn draw(frame: &mut Frame, app: &Ctx, state: &CheckingIn, area: Rect) {
    let theme = app.theme;
    let t = app.texts();
    let record = app.record();
    let typed = state.field.text();
    let found = matches(record, typed);
    // The room between the header and the footer decides how many fit.
    let room = usize::from(area.height.saturating_sub(9)).clamp(1, SHOWN);
    let listed = found.len().min(room);
    let popup_width = area.width.saturating_sub(4).min(76);
    let popup = centered(area, popup_width, listed.max(1) as u16 + 5);
    frame.render_widget(Clear, popup);

    let inner_width = usize::from(popup_width.saturating_sub(2));
    let counts = summary(
        &record.roll_call(),
        t,
        inner_width.saturating_sub(width(t.roll_call) + 6),
    );
    let bottom = match &app.console.status {
        Some(Status::Info(message)) => Span::styled(format!(" {} ", clean(message)), theme.good()),
        Some(Status::Warning(message) | Status::Error(message)) => {
            Span::styled(format!(" {} ", clean(message)), theme.warning())
        }
        None => Span::styled(
            format!(
                " {} ",
                hint_line(&crate::app::layers::hints_on_top(app.console))
            ),
            theme.dim(),
        ),
    };
    let bottom = Span {
        content: truncate_words(&bottom.content, inner_width)
            .into_owned()
            .into(),
        ..bottom
    };
    let block = Block::bordered()
        .title(Line::from(vec![
            Span::styled(format!(" {} ", t.roll_call), theme.title()),
            Span::raw(format!("— {counts} ")),
        ]))
        .title_bottom(Line::from(bottom))
        .border_style(theme.focused_border());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    if inner.height == 0 {
        return;
    }

    // The name, with the cursor where the input method expects it.
    let prompt = format!("{}: ", t.f_name);
    let before = clean(&typed[..state.field.cursor()]).into_owned();
    let line = Line::from(vec![
        Span::styled(prompt.clone(), theme.dim()),
        Span::raw(clean(typed).into_owned()),
    ]);
    frame.render_widget(Paragraph::new(line), Rect { height: 1, ..inner });
    let column = (width(&prompt) + width(&before)).min(inner_width.saturating_sub(1));
    app.set_cursor(frame, (inner.x + column as u16, inner.y));

    // Under the name, every count; they add up to the title's total.
    let counts = breakdown(&record.roll_call(), app.lang, inner_width).unwrap_or_default();
    let mut lines: Vec<Line> = vec![Line::from(Span::styled(counts, theme.dim()))];
    if typed.trim().is_empty() {
        lines.push(Line::from(Span::styled(t.roll_call_prompt, theme.dim())));
    } else if found.is_empty() {
        lines.push(Line::from(Span::styled(
            t.roll_call_walk_in,
            theme.warning(),
        )));
    }
    let highlight = state.highlight.min(found.len().saturating_sub(1));
    let first = (highlight + 1).saturating_sub(listed);
    for (index, person) in found.iter().enumerate().skip(first).take(listed) {
        let line = row(record, person, app.lang, theme, inner_width);
        lines.push(if index == highlight {
            line.patch_style(theme.selected(true))
        } else {
            line
        });
    }
    if found.len() > listed {
        let more = fill(t.roll_call_more, &[&(found.len() - listed).to_string()]);
        lines.push(Line::from(Span::styled(more, theme.dim())));
    }
    let rest = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), rest);
}
