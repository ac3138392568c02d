//! The footer: a banner while the file cannot be written; else the top
//! layer's keys, a message, or the focused pane's keys; then who you are,
//! who else is here and typing, and what is saved.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{Ctx, clean, spread};
use crate::app::{Mode, Status, panes};
use crate::domain::text::{truncate_words, width};
use crate::i18n::{Label, fill};
use crate::input::keymap::Hint;
use crate::session::WriteState;

/// The footer's two lines as a frame draws them.
pub type Lines = [Line<'static>; 2];

/// Draws the footer; returns its lines (a frame while typing draws them
/// again only when they changed).
pub fn draw(frame: &mut Frame, app: &Ctx, area: Rect) -> Lines {
    let lines = lines(app, area.width);
    draw_lines(frame, &lines, area);
    lines
}

/// What the footer says now, at `width` columns.
pub fn lines(app: &Ctx, width: u16) -> Lines {
    let width = usize::from(width);
    [message_line(app, width), who_line(app, width)]
}

/// Draws `lines` over whatever the footer's rows held.
pub fn draw_lines(frame: &mut Frame, lines: &Lines, area: Rect) {
    frame.render_widget(Clear, area);
    let [first, second] = Layout::vertical([Constraint::Length(1); 2]).areas(area);
    frame.render_widget(Paragraph::new(lines[0].clone()), first);
    frame.render_widget(Paragraph::new(lines[1].clone()), second);
}

/// The first line, most urgent first.
fn message_line<'a>(app: &Ctx, width: usize) -> Line<'a> {
    let t = app.texts();
    let theme = app.theme;
    let session = app.session;
    let banner = |text: String| Line::from(Span::styled(format!(" {text} "), theme.banner_error()));
    match &session.write {
        WriteState::Busy { .. } => {
            return banner(fill(t.msg_busy, &[&session.unsaved.to_string()]));
        }
        WriteState::Failed { error } => {
            return banner(fill(t.msg_kept_for_retry, &[error.get(app.console.lang)]));
        }
        WriteState::Saved => {}
    }
    // As many whole hints as fit: none cut in the middle.
    if matches!(app.mode(), Mode::Form | Mode::Search) {
        return hints(app, &crate::app::layers::hints_on_top(app.console), width);
    }
    // A message longer than the line ends in "…", so that a cut one is
    // seen to be cut.
    let fit = |message: &str, room: usize| truncate_words(&clean(message), room).into_owned();
    match (&app.console.status, &session.review) {
        (Some(Status::Error(message)), _) => banner(fit(message, width.saturating_sub(2))),
        (Some(Status::Warning(message)), _) => {
            Line::from(Span::styled(fit(message, width), theme.warning()))
        }
        (Some(Status::Info(message)), _) => {
            Line::from(Span::styled(fit(message, width), theme.good()))
        }
        (None, Some(review)) => super::review::timeline(app, review),
        (None, None) if app.mode() == Mode::RollCall => {
            hints(app, &crate::app::layers::hints_on_top(app.console), width)
        }
        (None, None) => hints(
            app,
            &panes::footer_hints(app.focus, app.lang, app.console.role),
            width,
        ),
    }
}

/// Who you are and who else is here; on the right, who is typing and what
/// is saved.
fn who_line<'a>(app: &Ctx, width: usize) -> Line<'a> {
    let t = app.texts();
    let theme = app.theme;
    let session = app.session;
    let lang = app.lang;
    let mut who = format!(
        "{}: {}{} ({})",
        t.you_are,
        clean(&session.actor),
        console_number(session.console, t.console_number),
        session.role.label(lang)
    );
    if session.snapshot_only {
        who = format!("{who} · {}", t.snapshot_only);
    }
    if !session.others.is_empty() {
        let others: Vec<String> = session
            .others
            .iter()
            .map(|p| {
                format!(
                    "{}{} ({})",
                    clean(&p.actor),
                    console_number(p.console, t.console_number),
                    p.role.label(lang)
                )
            })
            .collect();
        who = format!("{who} · {}: {}", t.also_here, others.join(", "));
    }
    let saved = match &session.write {
        WriteState::Saved if session.unsaved == 0 => {
            Span::styled(format!("{} #{}", t.saved, session.last_seq), theme.good())
        }
        WriteState::Failed { error } => Span::styled(
            fill(t.msg_write_failed, &[error.get(app.console.lang)]),
            theme.banner_error(),
        ),
        _ => Span::styled(
            fill(
                t.msg_write_failed,
                &[&fill(t.waiting_to_write, &[&session.unsaved.to_string()])],
            ),
            theme.banner_error(),
        ),
    };
    let mut right = vec![
        saved,
        Span::styled(format!("  {}", t.help_hint), theme.dim()),
    ];
    if let Some(typing) = session.typing.last() {
        let template = match typing.form.split(['/', '@']).next() {
            Some("issue") => t.typing_issue,
            Some("answer") => t.typing_answer,
            Some("notes") => t.typing_notes,
            Some("conclusion") => t.typing_conclusion,
            Some("participant") => t.typing_participant,
            _ => t.typing_other,
        };
        let name = format!(
            "{}{}",
            clean(&typing.actor),
            console_number(typing.console, t.console_number)
        );
        right.insert(
            0,
            Span::styled(format!("{}  ", fill(template, &[&name])), theme.dim()),
        );
    }
    spread(vec![], Span::raw(who), right, width)
}

/// " (console 2)" for a person's second console; nothing for the first.
fn console_number(number: u32, word: &str) -> String {
    if number > 1 {
        format!(" ({word} {number})")
    } else {
        String::new()
    }
}

/// "s start · f finish · a add · …": as many whole hints as fit in `width`.
fn hints<'a>(app: &Ctx, hints: &[Hint], room: usize) -> Line<'a> {
    let theme = app.theme;
    let mut spans = Vec::new();
    let mut used = 0;
    for hint in hints {
        let what = format!(" {}", hint.what);
        let separator = if spans.is_empty() { "" } else { " · " };
        let needed = width(&hint.keys) + width(&what) + separator.len().min(3);
        if used + needed > room {
            break;
        }
        used += needed;
        if !separator.is_empty() {
            spans.push(Span::styled(separator, theme.dim()));
        }
        spans.push(Span::styled(hint.keys.clone(), theme.accent()));
        spans.push(Span::raw(what));
    }
    Line::from(spans)
}
