//! Drawing the hall display: a pure function of `HallScreen` and how it
//! looks. It fills any size: the countdown in the biggest block digits that
//! fit (our own 5×7 font drawn with half blocks, scaled by any whole
//! number), or as plain text when even the smallest do not; rows of lesser
//! weight give way first on a small screen, down to one cell.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

mod digits;
mod screen;

use super::clean;
use crate::app::HallTheme;
use crate::domain::RequestKind;
use crate::domain::clock::{TurnClock, format_mm_ss};
use crate::domain::text::{truncate, width};
use crate::i18n::{Label, Lang, Texts};
use digits::{big_height, draw_big, template_width};
pub use screen::{HallEntry, HallItem, HallScreen, HallSpeaker, NEXT_SHOWN};

/// The width of the item's and the queue's column when no digits set it.
const COLUMN: u32 = 76;

/// How the wall looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Look {
    pub lang: Lang,
    pub theme: HallTheme,
    /// False under `NO_COLOR`: no colour at all, the terminal's own.
    pub color: bool,
    /// The file was opened as a snapshot: the wall will not follow changes.
    pub snapshot: bool,
    /// The key that leaves the wall ("q to leave"), from its keymap.
    pub leave: String,
}

pub fn draw(frame: &mut Frame, screen: &HallScreen, look: &Look) {
    let area = frame.area();
    let palette = Palette::new(look.theme, look.color);
    frame.buffer_mut().set_style(area, palette.base);
    if area.is_empty() {
        return;
    }
    let t = look.lang.texts();
    let margin = if area.width >= 60 {
        2
    } else {
        u16::from(area.width >= 20)
    };
    let content_width = area.width - 2 * margin;
    let room = usize::from(content_width);
    let title = two_lines(&clean(&screen.title), room);
    let item_box = screen.item.as_ref().map(|item| {
        format!(
            "  {}/{} {}",
            item.spent.num_minutes(),
            item.planned_minutes,
            t.minutes_short
        )
    });
    let clock_text = screen
        .speaker
        .as_ref()
        .map(|s| format_mm_ss(s.clock.remaining()));
    // The agenda item and the queue line up with the widest digits the
    // width allows (or take a column of ordinary width), centred.
    let column_room = clock_text.as_deref().map_or(COLUMN, |text| {
        let widest = u32::from(content_width) / template_width(text).max(1);
        (template_width(text) * widest).max(COLUMN)
    });
    let item_room = room.min(column_room as usize);
    let item = screen.item.as_ref().map(|item| {
        let box_width = item_box.as_deref().map_or(0, width);
        two_lines(&clean(&item.title), item_room.saturating_sub(box_width + 2))
    });
    let rows = rows_of(
        screen,
        title.1.is_some(),
        item.as_ref().is_some_and(|i| i.1.is_some()),
    );
    let plan = plan(&rows, clock_text.as_deref(), content_width, area.height);

    // The hint on the last row, the rest spread over the rows above it.
    let body_height = area.height - u16::from(plan.hint);
    if plan.hint {
        let mut hint = look.leave.clone();
        if look.snapshot {
            hint = format!("{} · {hint}", t.snapshot_only);
        }
        let rect = Rect::new(area.x, area.bottom() - 1, area.width, 1);
        let text = format!(
            "{} ",
            truncate(&hint, usize::from(area.width.saturating_sub(1)))
        );
        frame.render_widget(
            Paragraph::new(Span::styled(text, palette.dim)).alignment(Alignment::Right),
            rect,
        );
    }
    let groups: Vec<Vec<Row>> = GROUPS
        .iter()
        .map(|group| {
            plan.rows
                .iter()
                .copied()
                .filter(|row| row.group() == *group)
                .collect::<Vec<_>>()
        })
        .filter(|rows| !rows.is_empty())
        .collect();
    let used: u16 = plan.rows.iter().map(|row| plan.height(*row)).sum();
    // What is left is shared between the groups, a blank row between each
    // two first, then half as much at the edges as between them.
    let n = groups.len() as u32;
    let mut leftover = u32::from(body_height.saturating_sub(used));
    let inner = u32::from(leftover >= n.saturating_sub(1));
    leftover -= inner * n.saturating_sub(1);
    let share = |slot: u32| match slot {
        0 => 0,
        s if s <= n => 2 * s - 1,
        _ => 2 * n,
    };
    let gap = |slot: u32| {
        let whole = 2 * n.max(1);
        let shared = leftover * share(slot + 1) / whole - leftover * share(slot) / whole;
        let between = if slot > 0 && slot < n { inner } else { 0 };
        (shared + between) as u16
    };
    let mut y = area.y + gap(0);
    let ctx = Wall {
        screen,
        t,
        lang: look.lang,
        palette: &palette,
        title,
        item,
        item_box,
        clock_text: clock_text.as_deref(),
        scale: plan.scale,
    };
    let column = item_room as u16;
    let column_x = area.x + margin + (content_width - column) / 2;
    for (i, group) in groups.iter().enumerate() {
        for row in group {
            let height = plan.height(*row);
            let rect = match group.first().map(|r| r.group()) {
                Some(Group::Item | Group::Queue) => Rect::new(column_x, y, column, height),
                _ => Rect::new(area.x + margin, y, content_width, height),
            };
            ctx.draw_row(frame, *row, rect);
            y += height;
        }
        y += gap(i as u32 + 1);
    }
}

/// A text on one line, or on two of about the same length when it does not
/// fit (cut between words; the second line ends in "…" if even two are not
/// enough).
fn two_lines(text: &str, room: usize) -> (String, Option<String>) {
    if width(text) <= room {
        return (text.to_string(), None);
    }
    // Past two lines nothing shows: a pasted novel costs no more than that.
    let text = truncate(text, room.saturating_mul(2).saturating_add(1));
    let text = text.as_ref();
    let cuts = text
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .map(|(at, _)| (text[..at].trim_end(), text[at..].trim_start()))
        .filter(|(first, _)| !first.is_empty() && width(first) <= room);
    let balanced = cuts
        .clone()
        .filter(|(_, second)| width(second) <= room)
        .min_by_key(|(first, second)| width(first).max(width(second)));
    match balanced.or_else(|| cuts.clone().next_back()) {
        Some((first, second)) => (first.to_string(), Some(truncate(second, room).into_owned())),
        // One word longer than the line.
        None => (truncate(text, room).into_owned(), None),
    }
}

// ----- what goes on the wall, and what gives way -------------------------

/// One row (or, for the clock, one block) of the wall, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Title,
    Title2,
    Item,
    Item2,
    Gauge,
    Name,
    Organization,
    Clock,
    Word,
    NextHeading,
    Next(usize),
    NobodyWaiting,
    Closed,
}

/// Rows kept together; the room between groups stretches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Title,
    Item,
    Speaker,
    Clock,
    Queue,
}

const GROUPS: [Group; 5] = [
    Group::Title,
    Group::Item,
    Group::Speaker,
    Group::Clock,
    Group::Queue,
];

impl Row {
    fn group(self) -> Group {
        match self {
            Row::Title | Row::Title2 => Group::Title,
            Row::Item | Row::Item2 | Row::Gauge => Group::Item,
            Row::Name | Row::Organization => Group::Speaker,
            Row::Clock | Row::Word => Group::Clock,
            Row::NextHeading | Row::Next(_) | Row::NobodyWaiting | Row::Closed => Group::Queue,
        }
    }
}

/// The order in which rows give way on a small screen; the clock and the
/// speaker's name go last.
const GIVES_WAY: &[Row] = &[
    Row::Item2,
    Row::Title2,
    Row::Gauge,
    Row::Next(2),
    Row::Next(1),
    Row::Organization,
    Row::NobodyWaiting,
    Row::Next(0),
    Row::NextHeading,
    Row::Closed,
    Row::Title,
    Row::Item,
    Row::Word,
    Row::Name,
    Row::Clock,
];

/// Every row the screen has something for, in order.
fn rows_of(screen: &HallScreen, title2: bool, item2: bool) -> Vec<Row> {
    let mut rows = vec![Row::Title];
    if title2 {
        rows.push(Row::Title2);
    }
    rows.push(Row::Item);
    if item2 {
        rows.push(Row::Item2);
    }
    if screen.item.is_some() {
        rows.push(Row::Gauge);
    }
    rows.push(Row::Name);
    if let Some(speaker) = &screen.speaker {
        if !speaker.organization.trim().is_empty() {
            rows.push(Row::Organization);
        }
        rows.extend([Row::Clock, Row::Word]);
    }
    rows.push(Row::NextHeading);
    if screen.next.is_empty() {
        rows.push(Row::NobodyWaiting);
    }
    rows.extend((0..screen.next.len()).map(Row::Next));
    if screen.queue_closed {
        rows.push(Row::Closed);
    }
    rows
}

/// The rows that fit, the digits' size (`None`: plain text), and whether
/// "q to leave" has a row.
struct Plan {
    rows: Vec<Row>,
    scale: Option<u16>,
    hint: bool,
}

impl Plan {
    fn height(&self, row: Row) -> u16 {
        match (row, self.scale) {
            (Row::Clock, Some(scale)) => big_height(scale),
            _ => 1,
        }
    }

    fn total(&self) -> u32 {
        self.rows
            .iter()
            .map(|row| u32::from(self.height(*row)))
            .sum::<u32>()
            + u32::from(self.hint)
    }
}

/// Chooses the biggest digits that fit with everything else (giving up the
/// hint and the time-box bar for them, and for the smallest digits also the
/// second and third names waiting); else plain text, and rows give way
/// until the rest fits.
fn plan(rows: &[Row], clock: Option<&str>, width: u16, height: u16) -> Plan {
    let groups = |rows: &[Row]| {
        let mut seen: Vec<Group> = rows.iter().map(|r| r.group()).collect();
        seen.dedup();
        seen.len() as u32
    };
    let without = |rows: &[Row], gone: &[Row]| -> Vec<Row> {
        rows.iter().copied().filter(|r| !gone.contains(r)).collect()
    };
    if let Some(text) = clock {
        let template = template_width(text);
        let widest = u32::from(width) / template.max(1);
        for scale in (1..=widest.min(u32::from(u16::MAX))).rev() {
            let scale = scale as u16;
            let sacrifices: &[&[Row]] = if scale == 1 {
                &[
                    &[],
                    &[Row::Item2],
                    &[Row::Item2, Row::Title2],
                    &[Row::Item2, Row::Title2, Row::Gauge],
                    &[
                        Row::Item2,
                        Row::Title2,
                        Row::Gauge,
                        Row::Next(2),
                        Row::Next(1),
                    ],
                ]
            } else {
                &[
                    &[],
                    &[Row::Item2],
                    &[Row::Item2, Row::Title2],
                    &[Row::Item2, Row::Title2, Row::Gauge],
                ]
            };
            for gone in sacrifices {
                for hint in [true, false] {
                    let plan = Plan {
                        rows: without(rows, gone),
                        scale: Some(scale),
                        hint,
                    };
                    // Big digits want a blank row between the groups.
                    let gaps = if scale > 1 { groups(&plan.rows) - 1 } else { 0 };
                    if plan.total() + gaps <= u32::from(height) {
                        return plan;
                    }
                }
            }
        }
    }
    // Plain text: the word goes on the clock's row.
    let mut plan = Plan {
        rows: without(rows, &[Row::Word]),
        scale: None,
        hint: true,
    };
    let room = u32::from(height);
    if plan.total() > room {
        plan.hint = false;
    }
    for row in GIVES_WAY {
        if plan.total() <= room {
            break;
        }
        plan.rows.retain(|r| r != row);
    }
    plan
}

// ----- drawing each row -------------------------------------------------

struct Wall<'a> {
    screen: &'a HallScreen,
    t: &'static Texts,
    lang: Lang,
    palette: &'a Palette,
    title: (String, Option<String>),
    item: Option<(String, Option<String>)>,
    item_box: Option<String>,
    clock_text: Option<&'a str>,
    scale: Option<u16>,
}

impl Wall<'_> {
    fn draw_row(&self, frame: &mut Frame, row: Row, rect: Rect) {
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
        let cut = truncate(&span.content, room - used).into_owned();
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

// ----- colours -----------------------------------------------------------

/// The 16-colour palette of a theme; with colour off, only bold and reverse.
struct Palette {
    color: bool,
    base: Style,
    dim: Style,
    good: Color,
    warn: Color,
    danger: Color,
    accent: Color,
}

impl Palette {
    fn new(theme: HallTheme, color: bool) -> Palette {
        if !color {
            return Palette {
                color,
                base: Style::new(),
                dim: Style::new().add_modifier(Modifier::DIM),
                good: Color::Reset,
                warn: Color::Reset,
                danger: Color::Reset,
                accent: Color::Reset,
            };
        }
        match theme {
            // Bright colours on black: a projector washes the dark ones out.
            HallTheme::Dark => Palette {
                color,
                base: Style::new().fg(Color::White).bg(Color::Black),
                dim: Style::new().fg(Color::Gray).bg(Color::Black),
                good: Color::LightGreen,
                warn: Color::LightYellow,
                danger: Color::LightRed,
                accent: Color::LightCyan,
            },
            // The dark variants on white, where the bright ones vanish.
            HallTheme::Light => Palette {
                color,
                base: Style::new().fg(Color::Black).bg(Color::White),
                dim: Style::new().fg(Color::DarkGray).bg(Color::White),
                good: Color::Green,
                warn: Color::Yellow,
                danger: Color::Red,
                accent: Color::Blue,
            },
        }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            self.base.fg(color)
        } else {
            self.base
        }
    }

    fn strong(&self) -> Style {
        self.base.add_modifier(Modifier::BOLD)
    }

    fn accent(&self) -> Style {
        self.fg(self.accent)
    }

    /// Green while there is time, yellow in the last quarter, red when over.
    fn clock(&self, used_ratio: f64, over: bool) -> Style {
        let color = if over {
            self.danger
        } else if used_ratio >= 0.75 {
            self.warn
        } else {
            self.good
        };
        self.fg(color).add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::digits::bitmap;
    use super::*;
    use ratatui::buffer::Buffer;

    fn picture(text: &str, scale: u16) -> String {
        let columns = bitmap(text).len() as u16 * scale;
        let area = Rect::new(0, 0, columns, big_height(scale));
        let mut buf = Buffer::empty(area);
        draw_big(&mut buf, area, text, scale, Style::new());
        (0..area.height)
            .map(|y| {
                (0..area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn digits_are_drawn_in_half_blocks() {
        assert_eq!(
            picture("-1:07", 1),
            [
                "      ▄█     ▄▀▀▀▄ ▀▀▀▀█",
                "▄▄▄▄   █   ▀ █   █   ▄▀",
                "       █   ▀ █   █  █",
                "      ▀▀▀     ▀▀▀   ▀",
            ]
            .join("\n")
        );
        // Twice the size: each pixel two columns wide, one row high.
        assert_eq!(picture("1", 2).lines().count(), 7);
        assert_eq!(picture("1", 2).lines().next(), Some("    ██"));
    }

    #[test]
    fn the_size_holds_as_the_clock_runs_over() {
        assert_eq!(template_width("2:41"), template_width("-0:12"));
        assert_eq!(template_width("12:00"), template_width("-12:00"));
        assert!(template_width("120:00") > template_width("12:00"));
    }
}
