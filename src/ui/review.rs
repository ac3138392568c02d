//! Review mode on screen: the timeline line, and the statistics view with
//! bar charts in place of the panes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block};

use super::theme::Theme;
use super::{Ctx, clean};
use crate::domain::clock::{format_mm_ss, offset};
use crate::domain::stats;
use crate::domain::text::truncate_words;
use crate::export::log::describe;
use crate::i18n::{Label, short_disposition};
use crate::input::keymap::hint_line;
use crate::session::ReviewPoint;

/// Labels of bars are cut to this many columns.
const LABEL_WIDTH: usize = 24;

/// "◀ 57/94 ▶ 08:45:12 Lan (secretary): logged issue 7 …" and the keys.
pub fn timeline<'a>(app: &Ctx, review: &ReviewPoint) -> Line<'a> {
    let t = app.texts();
    let theme = app.theme;
    let last = review.last;
    let mut spans = vec![Span::styled(
        format!("◀ {} {}/{last} ▶ ", t.review_entry, review.position),
        theme.accent(),
    )];
    if let Some(entry) = &review.entry {
        let local = entry
            .at
            .with_timezone(&offset(&app.record().meeting.details));
        let what = describe(app.record(), &entry.event, app.lang);
        spans.push(Span::raw(format!(
            "{} {} ({}): {what}  ",
            local.format("%H:%M:%S"),
            clean(&entry.actor),
            entry.role.label(app.lang)
        )));
    }
    let keys = hint_line(&crate::app::layers::hints_on_top(app.console));
    spans.push(Span::styled(keys, theme.dim()));
    Line::from(spans)
}

fn minutes_bar<'a>(label: &str, spent: chrono::TimeDelta, theme: Theme) -> Bar<'a> {
    Bar::default()
        .label(Line::from(
            truncate_words(&clean(label), LABEL_WIDTH).into_owned(),
        ))
        .value(spent.num_seconds().max(0) as u64)
        .text_value(format_mm_ss(spent))
        .style(theme.accent())
}

fn chart<'a>(title: &'a str, bars: Vec<Bar<'a>>, theme: Theme) -> BarChart<'a> {
    BarChart::horizontal(bars)
        .block(
            Block::bordered()
                .title(Span::styled(title, theme.title()))
                .border_style(theme.border()),
        )
        .bar_width(1)
        .bar_gap(0)
        .value_style(theme.title())
}

/// Four charts where the panes are: speaking time per person and per
/// organization; issues per field and per disposition; the agenda's actual
/// against planned minutes.
pub fn draw_stats(frame: &mut Frame, app: &Ctx, area: Rect) {
    let theme = app.theme;
    let t = app.texts();
    let record = app.record();
    let [top, bottom] = Layout::vertical([Constraint::Percentage(50); 2]).areas(area);
    let [people, organizations] = Layout::horizontal([Constraint::Percentage(50); 2]).areas(top);
    let [issues, agenda] = Layout::horizontal([Constraint::Percentage(50); 2]).areas(bottom);

    let room = |rect: Rect| usize::from(rect.height.saturating_sub(2));
    let by_person: Vec<Bar> = stats::speaking_by_participant(record, app.now)
        .iter()
        .take(room(people))
        .map(|(name, spent)| minutes_bar(name, *spent, theme))
        .collect();
    frame.render_widget(chart(t.stats_by_person, by_person, theme), people);

    let by_org: Vec<Bar> = stats::speaking_by_organization(record, app.now, t.stats_none)
        .iter()
        .take(room(organizations))
        .map(|(name, spent)| minutes_bar(name, *spent, theme))
        .collect();
    frame.render_widget(chart(t.stats_by_organization, by_org, theme), organizations);

    let [fields, dispositions] =
        Layout::new(Direction::Vertical, [Constraint::Percentage(50); 2]).areas(issues);
    let by_field: Vec<Bar> = stats::issues_by_field(record, t.stats_none)
        .iter()
        .take(room(fields))
        .map(|(field, count)| {
            Bar::default()
                .label(Line::from(
                    truncate_words(&clean(field), LABEL_WIDTH).into_owned(),
                ))
                .value(*count as u64)
                .style(theme.warning())
        })
        .collect();
    frame.render_widget(chart(t.stats_by_field, by_field, theme), fields);
    let by_disposition: Vec<Bar> = stats::issues_by_disposition(record)
        .iter()
        .map(|(disposition, count)| {
            Bar::default()
                .label(Line::from(short_disposition(*disposition, app.lang)))
                .value(*count as u64)
                .style(theme.good())
        })
        .collect();
    frame.render_widget(
        chart(t.stats_by_disposition, by_disposition, theme),
        dispositions,
    );

    let items: Vec<Bar> = stats::agenda_planned_actual(record, app.now)
        .iter()
        .enumerate()
        .take(room(agenda))
        .map(|(i, (title, planned, actual))| {
            let style = if *actual > i64::from(*planned) {
                theme.danger()
            } else {
                theme.accent()
            };
            Bar::default()
                .label(Line::from(
                    truncate_words(&format!("{}. {}", i + 1, clean(title)), LABEL_WIDTH)
                        .into_owned(),
                ))
                .value((*actual).max(0) as u64)
                .text_value(format!("{actual}/{planned}′"))
                .style(style)
        })
        .collect();
    frame.render_widget(chart(t.stats_agenda, items, theme), agenda);
}
