//! Drawing: a pure function of the console's state. Every text that came
//! from a person goes through `clean` (the one sanitizer) before it reaches
//! the terminal.

mod actions;
mod agenda;
mod footer;
mod form;
pub mod hall;
mod header;
mod help;
mod issues;
mod list;
pub(crate) mod review;
mod speakers;
pub mod theme;

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::app::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::app::{App, Mode};
use crate::domain::text::{sanitize, truncate, width};
use crate::i18n::fill;
use crate::input::keymap::Pane;
use theme::Theme;

/// Draws the whole console.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if let Some(view) = app.hall {
        // The wall fills any size by itself.
        let look = hall::Look {
            lang: app.lang,
            theme: view.theme,
            color: app.color,
            snapshot: app.store().is_snapshot(),
        };
        return hall::draw(
            frame,
            &crate::hall::HallScreen::new(app.record(), app.now),
            look,
        );
    }
    let theme = Theme {
        color: app.color,
        palette: app.palette,
    };
    if layout::is_too_small(area) {
        return draw_too_small(frame, app, area);
    }
    let screen = layout::screen(area);
    draw_background(frame, app, theme, &screen);
    footer::draw(frame, app, theme, screen.footer);
    match &app.mode {
        Mode::Form(form) => form::draw(frame, app, theme, form, area),
        Mode::Help => help::draw(frame, app, theme, area),
        Mode::Confirm { question, .. } => draw_confirm(frame, app, theme, question, area),
        Mode::Unsaved => {
            let question = fill(
                app.texts().confirm_unsaved,
                &[&app.unsaved_count().to_string()],
            );
            draw_confirm(frame, app, theme, &question, area);
        }
        Mode::Normal | Mode::Search(_) => {}
    }
}

/// The header and the panes. While a form is open they do not change from
/// one keystroke to the next: the last drawing is reused when nothing it
/// depends on has changed (the key), which keeps typing fast.
fn draw_background(frame: &mut Frame, app: &App, theme: Theme, screen: &layout::Screen) {
    let key = background_key(app, frame.area());
    if let Some((cached_key, cached)) = app.background_cache.borrow().as_ref()
        && *cached_key == key
        && cached.area == *frame.buffer_mut().area()
    {
        frame.buffer_mut().content.clone_from(&cached.content);
        return;
    }
    header::draw(frame, app, theme, screen.header);
    if app.review.as_ref().is_some_and(|r| r.stats) {
        let panes = screen.panes[0].union(screen.panes[3]);
        review::draw_stats(frame, app, theme, panes);
    } else {
        draw_panes(frame, app, theme, screen);
    }
    *app.background_cache.borrow_mut() = Some((key, frame.buffer_mut().clone()));
}

/// Everything the header and the panes are drawn from.
fn background_key(app: &App, area: Rect) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    area.hash(&mut hasher);
    app.record().versions().hash(&mut hasher);
    app.record().last_seq.hash(&mut hasher);
    app.review
        .as_ref()
        .map(|r| (r.position, r.stats))
        .hash(&mut hasher);
    // The clocks show seconds.
    app.now.timestamp().hash(&mut hasher);
    app.focus.hash(&mut hasher);
    app.panes.hash(&mut hasher);
    app.lang.hash(&mut hasher);
    app.color.hash(&mut hasher);
    app.palette.hash(&mut hasher);
    matches!(app.mode, Mode::Normal | Mode::Search(_)).hash(&mut hasher);
    if let Mode::Search(field) = &app.mode {
        field.text().hash(&mut hasher);
    }
    hasher.finish()
}

fn draw_panes(frame: &mut Frame, app: &App, theme: Theme, screen: &layout::Screen) {
    for pane in Pane::ALL {
        let rect = screen.panes[pane.index()];
        match pane {
            Pane::Agenda => agenda::draw(frame, app, theme, rect),
            Pane::Speakers => speakers::draw(frame, app, theme, rect),
            Pane::Issues => issues::draw(frame, app, theme, rect),
            Pane::Actions => actions::draw(frame, app, theme, rect),
        }
    }
}

/// Text typed by a person, made safe to draw.
pub fn clean(text: &str) -> Cow<'_, str> {
    sanitize(text)
}

/// A row: `left` spans, then `main` cut to fit, then `right` flush right.
pub fn spread<'a>(
    left: Vec<Span<'a>>,
    main: Span<'a>,
    right: Vec<Span<'a>>,
    width_available: usize,
) -> Line<'a> {
    let used = |spans: &[Span]| spans.iter().map(|s| width(&s.content)).sum::<usize>();
    let fixed = used(&left) + used(&right);
    let room = width_available.saturating_sub(fixed + 1);
    let main_text = truncate(&main.content, room).into_owned();
    let gap = width_available.saturating_sub(fixed + width(&main_text));
    let mut spans = left;
    spans.push(Span::styled(main_text, main.style));
    if !right.is_empty() {
        spans.push(Span::raw(" ".repeat(gap)));
        spans.extend(right);
    }
    Line::from(spans)
}

/// A rectangle of at most `width`×`height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

fn draw_too_small(frame: &mut Frame, app: &App, area: Rect) {
    let message = fill(
        app.texts().too_small,
        &[
            &MIN_WIDTH.to_string(),
            &MIN_HEIGHT.to_string(),
            &area.width.to_string(),
            &area.height.to_string(),
        ],
    );
    let y = area.height / 2;
    let rect = Rect::new(
        area.x,
        area.y + y.saturating_sub(1),
        area.width,
        area.height - y.saturating_sub(1),
    );
    frame.render_widget(
        Paragraph::new(message)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

fn draw_confirm(frame: &mut Frame, app: &App, theme: Theme, question: &str, area: Rect) {
    let rect = centered(area, (width(question) as u16 + 6).max(36), 5);
    frame.render_widget(Clear, rect);
    let block = ratatui::widgets::Block::bordered().border_style(theme.warning());
    let text = vec![
        Line::from(Span::styled(clean(question).into_owned(), theme.title())),
        Line::from(""),
        Line::from(Span::styled(app.texts().yes_no, theme.dim())),
    ];
    frame.render_widget(
        Paragraph::new(text)
            .block(block)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}
