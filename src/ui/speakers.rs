//! The Speakers pane: who has the floor, the queue with kinds, first-time
//! speakers and each person's total time, and the turns already taken.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::list::{self, ListView};
use super::{Ctx, clean, spread};
use crate::app::Pane;
use crate::domain::clock::{format_mm_ss, turn_clock};
use crate::domain::*;
use crate::i18n::kind_tag;

pub fn draw(frame: &mut Frame, app: &Ctx, area: Rect) {
    let theme = app.theme;
    let record = app.record();
    let t = app.texts();
    let rows = app.rows(Pane::Speakers);
    let active = record.active_item().map(|i| i.id);
    let queue = record.queue(active);
    let mut bottom = vec![Span::styled(
        format!(" {}: {} ", t.waiting, queue.len()),
        theme.dim(),
    )];
    if record.queue_is_closed(active) {
        bottom.push(Span::styled(
            format!(" {} ", t.queue_closed),
            theme.danger(),
        ));
    }
    let view = ListView {
        pane: Pane::Speakers,
        title: t.speakers,
        count: queue.len(),
        bottom: Some(Line::from(bottom)),
        summary: None,
    };
    list::draw(frame, app, area, view, &rows, |id, width| {
        let Some(request) = record.requests.get(&id) else {
            return Line::from("");
        };
        let person = record.participants.get(&request.participant);
        let name = clean(person.map_or("?", |p| p.name.as_str())).into_owned();
        let organization = person.map(Participant::affiliation).unwrap_or("");
        match request.status {
            RequestStatus::Speaking => {
                let clock = turn_clock(request, app.now);
                let remaining = clock.remaining();
                let style = theme.clock(clock.used_ratio(), remaining.num_seconds() < 0);
                let mut right = vec![Span::styled(format_mm_ss(remaining), style)];
                if clock.paused {
                    right.insert(0, Span::styled(format!("{} ", t.paused), theme.warning()));
                }
                let main = if organization.is_empty() {
                    name
                } else {
                    format!("{name} · {}", clean(organization))
                };
                spread(
                    vec![Span::styled("▶ ", theme.accent())],
                    Span::styled(main, theme.title()),
                    right,
                    width,
                )
            }
            RequestStatus::Waiting => {
                let place = queue.iter().position(|r| r.id == id).map_or(0, |i| i + 1);
                let mut left = vec![Span::raw(format!("{place:>2}. "))];
                let tag = kind_tag(request.kind, app.lang);
                if !tag.is_empty() {
                    left.push(Span::styled(tag, theme.warning()));
                }
                let mut main = name;
                if !record.has_spoken(request.participant) {
                    main.push_str(&format!(" ({})", t.first_time));
                }
                if !request.topic.is_empty() {
                    main.push_str(&format!(" — {}", clean(&request.topic)));
                }
                let total = record.speaking_time(request.participant, app.now);
                let right = vec![Span::styled(
                    format!("Σ{}", format_mm_ss(total)),
                    theme.dim(),
                )];
                spread(left, Span::raw(main), right, width)
            }
            RequestStatus::Done | RequestStatus::Withdrawn => {
                let spoken = turn_clock(request, app.now).elapsed;
                spread(
                    vec![Span::styled("  ✓ ", theme.dim())],
                    Span::styled(name, theme.dim()),
                    vec![Span::styled(format_mm_ss(spoken), theme.dim())],
                    width,
                )
            }
        }
    });
}
