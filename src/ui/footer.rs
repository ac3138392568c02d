//! The footer: a message or the focused pane's keys; who you are; what is
//! saved.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::{clean, spread};
use crate::app::{App, Mode, Status};
use crate::i18n::{Label, fill};
use crate::input::keymap::{Action, BINDINGS, Scope, key_name};

/// The actions whose keys the footer offers besides the pane's own.
const COMMON: &[Action] = &[
    Action::Add,
    Action::Edit,
    Action::NextSpeaker,
    Action::LogIssue,
    Action::Undo,
    Action::Search,
];

pub fn draw(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let t = app.texts();
    let [first, second] = Layout::vertical([Constraint::Length(1); 2]).areas(area);
    let width = usize::from(area.width);

    let line = match (&app.status, &app.mode) {
        (_, Mode::Form(form)) => {
            let multiline = matches!(&form.focused().input, crate::app::form::Input::Text(f) if f.is_multiline());
            Line::from(Span::styled(
                if multiline {
                    t.form_hints_multiline
                } else {
                    t.form_hints
                },
                theme.dim(),
            ))
        }
        (_, Mode::Search(_)) => Line::from(Span::styled("Enter ✓ · Esc ✗", theme.dim())),
        (Some(Status::Error(message)), _) => Line::from(Span::styled(
            format!(" {} ", clean(message)),
            theme.banner_error(),
        )),
        (Some(Status::Warning(message)), _) => {
            Line::from(Span::styled(clean(message).into_owned(), theme.warning()))
        }
        (Some(Status::Info(message)), _) => {
            Line::from(Span::styled(clean(message).into_owned(), theme.good()))
        }
        (None, _) => match &app.review {
            Some(review) => super::review::timeline(app, theme, review),
            None => hints(app, theme, width),
        },
    };
    frame.render_widget(Paragraph::new(line), first);

    let store = app.store();
    let mut who = format!(
        "{}: {} ({})",
        t.you_are,
        clean(store.actor()),
        store.role().label(app.lang)
    );
    if store.is_snapshot() {
        who = format!("{who} · {}", t.snapshot_only);
    }
    if !app.others.is_empty() {
        let others: Vec<String> = app
            .others
            .iter()
            .map(|p| format!("{} ({})", clean(&p.actor), p.role.label(app.lang)))
            .collect();
        who = format!("{who} · {}: {}", t.also_here, others.join(", "));
    }
    let saved = match &app.write_error {
        Some(error) => Span::styled(fill(t.msg_write_failed, &[error]), theme.banner_error()),
        None => Span::styled(
            format!("{} #{}", t.saved, store.record().last_seq),
            theme.good(),
        ),
    };
    let mut right = vec![
        saved,
        Span::styled(format!("  {}", t.help_hint), theme.dim()),
    ];
    if let Some(typing) = app.typing.last() {
        let template = match typing.form.split('/').next() {
            Some("issue") => t.typing_issue,
            Some("answer") => t.typing_answer,
            _ => t.typing_other,
        };
        let says = fill(template, &[&clean(&typing.actor)]);
        right.insert(0, Span::styled(format!("{says}  "), theme.dim()));
    }
    frame.render_widget(
        Paragraph::new(spread(vec![], Span::raw(who), right, width)),
        second,
    );
}

/// "s start · f finish · a add · …": the focused pane's keys first, as
/// many whole hints as fit in `width`.
fn hints<'a>(app: &App, theme: Theme, width: usize) -> Line<'a> {
    let mut spans = Vec::new();
    let mut used = 0;
    let pane_keys = BINDINGS.iter().filter(|b| b.scope == Scope::In(app.focus));
    let common = COMMON.iter().filter_map(|action| {
        BINDINGS
            .iter()
            .find(|b| b.action == *action && b.scope == Scope::Anywhere)
    });
    for binding in pane_keys.chain(common) {
        let key = key_name(binding);
        let what = format!(" {}", binding.action.help(app.lang));
        let separator = if spans.is_empty() { "" } else { " · " };
        let needed = crate::domain::text::width(&key)
            + crate::domain::text::width(&what)
            + separator.len().min(3);
        if used + needed > width {
            break;
        }
        used += needed;
        if !separator.is_empty() {
            spans.push(Span::styled(separator, theme.dim()));
        }
        spans.push(Span::styled(key, theme.accent()));
        spans.push(Span::raw(what));
    }
    Line::from(spans)
}
