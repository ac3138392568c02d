//! The export menu, drawn over the panes: one numbered line per paper
//! (the minutes, the notice... in Word and in Markdown), the one Enter
//! writes highlighted, and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{Ctx, centered};
use crate::domain::papers::CHOICES;
use crate::domain::text::{truncate_words, width};
use crate::i18n::Label;
use crate::input::keymap::hint_line;

pub fn draw(frame: &mut Frame, ctx: &Ctx, highlight: usize, area: Rect) {
    let theme = ctx.theme;
    let t = ctx.texts();
    let lines: Vec<String> = CHOICES
        .iter()
        .zip(1..)
        .map(|(choice, n)| {
            let paper = choice.paper.label(ctx.lang);
            format!(" {n}  {paper} ({}) ", choice.format.name())
        })
        .collect();
    let keys = format!(
        " {} ",
        hint_line(&crate::app::layers::hints_on_top(ctx.console))
    );
    let widest = lines
        .iter()
        .map(|l| width(l))
        .chain([width(t.papers_title) + 4, width(&keys)])
        .max()
        .unwrap_or(0);
    let popup_width = (widest as u16 + 2).min(area.width.saturating_sub(2));
    let popup = centered(area, popup_width, CHOICES.len() as u16 + 2);
    frame.render_widget(Clear, popup);
    let inner = usize::from(popup_width.saturating_sub(2));
    let body: Vec<Line> = lines
        .iter()
        .enumerate()
        .map(|(n, line)| {
            let style = if n == highlight {
                theme.selected(true)
            } else {
                ratatui::style::Style::default()
            };
            Line::from(Span::styled(
                truncate_words(line, inner).into_owned(),
                style,
            ))
        })
        .collect();
    let block = Block::bordered()
        .title(Span::styled(
            truncate_words(&format!(" {} ", t.papers_title), inner).into_owned(),
            theme.title(),
        ))
        .title_bottom(Span::styled(
            truncate_words(&keys, inner).into_owned(),
            theme.dim(),
        ));
    frame.render_widget(Paragraph::new(body).block(block), popup);
}
