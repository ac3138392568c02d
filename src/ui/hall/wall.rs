//! Drawing each row of the wall: the title, the agenda item and its
//! time-box bar, the speaker, the clock, the queue.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::clean;
use super::digits::draw_big;
use super::palette::Palette;
use super::plan::Row;
use super::{HallEntry, HallScreen};
use crate::domain::RequestKind;
use crate::domain::clock::TurnClock;
use crate::domain::text::{truncate_words, width};
use crate::i18n::{Label, Lang, Texts};

pub(super) struct Wall<'a> {
    pub(super) screen: &'a HallScreen,
    pub(super) t: &'static Texts,
    pub(super) lang: Lang,
    pub(super) palette: &'a Palette,
    pub(super) title: (String, Option<String>),
    pub(super) item: Option<(String, Option<String>)>,
    pub(super) item_box: Option<String>,
    pub(super) clock_text: Option<&'a str>,
    pub(super) scale: Option<u16>,
}

impl Wall<'_> {
    pub(super) fn draw_row(&self, frame: &mut Frame, row: Row, rect: Rect) {
        let p = self.palette;
        let t = self.t;
        let room = usize::from(rect.width);
        let centered = |frame: &mut Frame, spans: Vec<Span>| {
            frame.render_widget(
                Paragraph::new(fit(spans, room)).alignment(Alignment::Center),
                rect,
            );
        };
        let left = |frame: &mut Frame, spans: Vec<Span>| {
            frame.render_widget(Paragraph::new(fit(spans, room)), rect);
        };
        let screen = self.screen;
        match row {
            Row::Title => centered(frame, vec![Span::styled(self.title.0.as_str(), p.strong())]),
            Row::Title2 => {
                if let Some(second) = &self.title.1 {
                    centered(frame, vec![Span::styled(second.as_str(), p.strong())]);
                }
            }
            Row::Item => match (&screen.item, &self.item, &self.item_box) {
                (Some(item), Some((title, _)), Some(box_text)) => {
                    let planned = i64::from(item.planned_minutes) * 60;
                    let spent = item.spent.num_seconds();
                    let style = p.clock(ratio(spent, planned), spent > planned);
                    let gap = room.saturating_sub(2 + width(title) + width(box_text));
                    left(
                        frame,
                        vec![
                            Span::styled("▶ ", p.accent()),
                            Span::styled(title.as_str(), p.strong()),
                            Span::styled(" ".repeat(gap), p.base),
                            Span::styled(box_text.as_str(), style),
                        ],
                    );
                }
                _ => centered(frame, vec![Span::styled(t.hall_no_item, p.base)]),
            },
            Row::Item2 => {
                if let Some((_, Some(second))) = &self.item {
                    left(
                        frame,
                        vec![
                            Span::styled("  ", p.base),
                            Span::styled(second.as_str(), p.strong()),
                        ],
                    );
                }
            }
            Row::Gauge => {
                if let Some(item) = &screen.item {
                    let planned = i64::from(item.planned_minutes) * 60;
                    let spent = item.spent.num_seconds();
                    let ratio = ratio(spent, planned);
                    let filled = (ratio * room as f64).round() as usize;
                    left(
                        frame,
                        vec![
                            Span::styled("━".repeat(filled), p.clock(ratio, spent > planned)),
                            Span::styled("─".repeat(room - filled.min(room)), p.dim),
                        ],
                    );
                }
            }
            Row::Name => match &screen.speaker {
                Some(speaker) => {
                    let mut spans = vec![Span::styled(clean(&speaker.name), p.strong())];
                    if let Some(tag) = self.kind_tag(speaker.kind) {
                        spans.insert(0, Span::raw("  "));
                        spans.insert(0, tag);
                    }
                    centered(frame, spans);
                }
                None => centered(
                    frame,
                    vec![Span::styled(t.hall_nobody_speaking, p.strong())],
                ),
            },
            Row::Organization => {
                if let Some(speaker) = &screen.speaker {
                    centered(
                        frame,
                        vec![Span::styled(clean(&speaker.organization), p.base)],
                    );
                }
            }
            Row::Clock => {
                let (Some(speaker), Some(text)) = (&screen.speaker, self.clock_text) else {
                    return;
                };
                let style = clock_style(p, &speaker.clock);
                match self.scale {
                    Some(scale) => draw_big(frame.buffer_mut(), rect, text, scale, style),
                    None => {
                        let mut spans = vec![
                            Span::styled(text.to_string(), style.add_modifier(Modifier::BOLD)),
                            Span::styled(" ", p.base),
                        ];
                        spans.extend(self.word(&speaker.clock));
                        centered(frame, spans);
                    }
                }
            }
            Row::Word => {
                if let Some(speaker) = &screen.speaker {
                    centered(frame, self.word(&speaker.clock));
                }
            }
            Row::NextHeading => {
                let mut spans = vec![Span::styled(t.hall_next, p.strong())];
                if screen.waiting > 0 {
                    spans.push(Span::styled(format!(" ({})", screen.waiting), p.base));
                }
                left(frame, spans);
            }
            Row::Next(i) => {
                if let Some(entry) = screen.next.get(i) {
                    left(frame, self.entry(i, entry));
                }
            }
            Row::NobodyWaiting => left(
                frame,
                vec![Span::styled(format!("  {}", t.hall_nobody_waiting), p.base)],
            ),
            Row::Closed => left(
                frame,
                vec![Span::styled(
                    format!(" {} ", t.hall_queue_closed),
                    p.strong().add_modifier(Modifier::REVERSED),
                )],
            ),
        }
    }

    /// "left", "over", or a "paused" badge, under the digits.
    fn word(&self, clock: &TurnClock) -> Vec<Span<'static>> {
        let p = self.palette;
        let t = self.t;
        let over = clock.remaining().num_seconds() < 0;
        let word = if over { t.over } else { t.left };
        let mut spans = vec![Span::styled(word, clock_style(p, clock))];
        if clock.paused {
            spans.push(Span::styled("  ", p.base));
            spans.push(Span::styled(
                format!(" {} ", t.paused.to_uppercase()),
                p.fg(p.warn)
                    .add_modifier(Modifier::BOLD | Modifier::REVERSED),
            ));
        }
        spans
    }

    /// "  1. [VỀ TRÌNH TỰ] Nguyễn Văn Tư · Hội Doanh nghiệp…"
    fn entry(&self, i: usize, entry: &HallEntry) -> Vec<Span<'static>> {
        let p = self.palette;
        let mut spans = vec![Span::styled(format!("  {}. ", i + 1), p.base)];
        if let Some(tag) = self.kind_tag(entry.kind) {
            spans.push(tag);
            spans.push(Span::styled(" ", p.base));
        }
        spans.push(Span::styled(clean(&entry.name).into_owned(), p.strong()));
        if !entry.organization.trim().is_empty() {
            spans.push(Span::styled(
                format!(" · {}", clean(&entry.organization)),
                p.base,
            ));
        }
        spans
    }

    /// A point of order stands out (reversed, even without colour); a reply
    /// is marked; a normal request is not.
    fn kind_tag(&self, kind: RequestKind) -> Option<Span<'static>> {
        let p = self.palette;
        match kind {
            RequestKind::Normal => None,
            RequestKind::PointOfOrder => Some(Span::styled(
                format!(" {} ", kind.label(self.lang).to_uppercase()),
                p.fg(p.danger)
                    .add_modifier(Modifier::BOLD | Modifier::REVERSED),
            )),
            RequestKind::Reply => Some(Span::styled(
                format!("[{}]", kind.label(self.lang)),
                p.accent().add_modifier(Modifier::BOLD),
            )),
        }
    }
}

/// Spans cut to `room` columns (the last ones give way first).
fn fit(spans: Vec<Span<'_>>, room: usize) -> Line<'_> {
    let mut used = 0;
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        let w = width(&span.content);
        if used + w <= room {
            used += w;
            out.push(span);
            continue;
        }
        let cut = truncate_words(&span.content, room - used).into_owned();
        if !cut.is_empty() {
            out.push(Span::styled(cut, span.style));
        }
        break;
    }
    Line::from(out)
}

fn ratio(spent: i64, allowed: i64) -> f64 {
    if allowed <= 0 {
        return 1.0;
    }
    (spent as f64 / allowed as f64).clamp(0.0, 1.0)
}

fn clock_style(p: &Palette, clock: &TurnClock) -> Style {
    p.clock(clock.used_ratio(), clock.remaining().num_seconds() < 0)
}
