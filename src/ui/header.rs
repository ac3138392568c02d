//! The header: title, wall clock and elapsed time (once the meeting has
//! ended, the time it ended); the active agenda item with its time box; who
//! has the floor with a countdown that turns yellow, then red, and goes
//! negative when over.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph};

use super::theme::Theme;

use super::{Ctx, clean, spread};
use crate::domain::Participant;
use crate::domain::clock::{agenda_elapsed, format_mm_ss, offset, turn_clock};
use crate::domain::text::{truncate_to_words, truncate_words, width};
use crate::i18n::fill;

const GAUGE_WIDTH: u16 = 28;

/// Columns below which a speaker's organization is left out rather than
/// shown as a word or two.
const MIN_AFFILIATION: usize = 8;

pub fn draw(frame: &mut Frame, app: &Ctx, area: Rect) {
    let theme = app.theme;
    let record = app.record();
    let t = app.texts();
    let details = &record.meeting.details;
    let local_now = app.now.with_timezone(&offset(details));
    let [first, second, third] = Layout::vertical([Constraint::Length(1); 3]).areas(area);

    // 1. Title, clock, elapsed; or when the meeting ended.
    let elapsed = match record.meeting.actual_start {
        Some(start) => {
            let end = record.meeting.actual_end.unwrap_or(app.now);
            let secs = (end - start).num_seconds().max(0);
            format!(
                "{} {}:{:02}:{:02}",
                t.elapsed,
                secs / 3600,
                secs / 60 % 60,
                secs % 60
            )
        }
        None => t.not_started.to_string(),
    };
    let mut right = match record.ended_at() {
        Some(end) => {
            let end = end.with_timezone(&offset(details)).format("%H:%M");
            vec![Span::styled(
                fill(t.ended_at, &[&end.to_string()]),
                theme.title(),
            )]
        }
        None => vec![
            Span::styled(local_now.format("%H:%M:%S").to_string(), theme.title()),
            Span::styled(format!("  {elapsed}"), theme.dim()),
        ],
    };
    if let Some(at) = record.meeting.approved_at {
        let at = at.with_timezone(&offset(details)).format("%H:%M");
        right.insert(
            0,
            Span::styled(format!("✓ {} {at}  ", t.approved), theme.good()),
        );
    }
    let title = Span::styled(clean(&details.title).into_owned(), theme.title());
    frame.render_widget(
        Paragraph::new(spread(vec![], title, right, usize::from(first.width))),
        first,
    );

    // 2. The active agenda item and its time box.
    let [item_text, item_gauge] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(GAUGE_WIDTH)]).areas(second);
    match record.active_item() {
        Some(item) => {
            let spent = agenda_elapsed(item, app.now);
            let planned = i64::from(item.planned_minutes) * 60;
            let ratio = if planned > 0 {
                spent.num_seconds() as f64 / planned as f64
            } else {
                1.0
            };
            let over = spent.num_seconds() > planned;
            let line = spread(
                vec![Span::styled("▶ ", theme.accent())],
                Span::raw(clean(&item.title).into_owned()),
                vec![],
                usize::from(item_text.width),
            );
            frame.render_widget(Paragraph::new(line), item_text);
            let label = format!(
                "{}/{} {}",
                spent.num_minutes(),
                item.planned_minutes,
                t.minutes_short
            );
            frame.render_widget(gauge(theme, ratio, over, label), item_gauge);
        }
        None => {
            let said = if record.is_ended() {
                t.meeting_ended
            } else {
                t.no_active_item
            };
            let said = truncate_words(&format!("  {said}"), usize::from(second.width)).into_owned();
            let line = Line::from(Span::styled(said, theme.dim()));
            frame.render_widget(Paragraph::new(line), second);
        }
    }

    // 3. The speaker and the countdown.
    let [speaker_text, speaker_gauge] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(GAUGE_WIDTH)]).areas(third);
    match record.current_speaker() {
        Some(request) => {
            let clock = turn_clock(request, app.now);
            let remaining = clock.remaining();
            let over = remaining.num_seconds() < 0;
            let person = record.participants.get(&request.participant);
            // The name first; the organization in what is left, if enough.
            let room = usize::from(speaker_text.width.saturating_sub(3));
            let name = clean(person.map_or("?", |p| p.name.as_str())).into_owned();
            let name = truncate_words(&name, room).into_owned();
            let rest = room.saturating_sub(width(&name));
            let mut spans = vec![
                Span::styled("● ", theme.clock(clock.used_ratio(), over)),
                Span::styled(name, theme.title()),
            ];
            if let Some(org) = person
                .map(Participant::affiliation)
                .filter(|o| !o.is_empty() && rest >= MIN_AFFILIATION)
                .and_then(|org| {
                    truncate_to_words(&format!(" · {}", clean(org)), rest).map(|o| o.into_owned())
                })
            {
                spans.push(Span::styled(org, theme.dim()));
            }
            frame.render_widget(Paragraph::new(Line::from(spans)), speaker_text);
            let word = if over { t.over } else { t.left };
            let mut label = format!("{} {word}", format_mm_ss(remaining));
            if clock.paused {
                label = format!("{label} ({})", t.paused);
            }
            frame.render_widget(gauge(theme, clock.used_ratio(), over, label), speaker_gauge);
        }
        None => {
            let line = Line::from(Span::styled(
                format!("  {}", t.nobody_speaking),
                theme.dim(),
            ));
            frame.render_widget(Paragraph::new(line), third);
        }
    }
}

/// A one-line gauge whose colour says how much time is left.
fn gauge<'a>(theme: Theme, ratio: f64, over: bool, label: String) -> LineGauge<'a> {
    let ratio = ratio.clamp(0.0, 1.0);
    let style = theme.clock(ratio, over);
    let label = format!("{label:>width$}", width = 13usize.max(width(&label)));
    LineGauge::default()
        .ratio(ratio)
        .label(Span::styled(label, style))
        .filled_style(style)
        .unfilled_style(theme.dim())
        .filled_symbol(symbols::line::THICK_HORIZONTAL)
        .unfilled_symbol(symbols::line::HORIZONTAL)
}
