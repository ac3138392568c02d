//! Drawing the hall display: a pure function of `HallScreen` and how it
//! looks. It fills any size: the countdown in the biggest block digits that
//! fit (our own 5×7 font drawn with half blocks, scaled by any whole
//! number), or as plain text when even the smallest do not; rows of lesser
//! weight give way first on a small screen, down to one cell.
//!
//! `plan` chooses the rows that fit and the digits' size, `palette` the
//! colours of a theme, `wall` draws each row; the font is in `digits`, what
//! the wall shows in `screen`.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

mod digits;
mod palette;
mod plan;
mod screen;
mod wall;

use super::clean;
use crate::app::HallTheme;
use crate::domain::clock::format_mm_ss;
use crate::domain::text::{truncate_words, width};
use crate::i18n::Lang;
use digits::template_width;
use palette::Palette;
use plan::{GROUPS, Group, Row, plan, rows_of};
pub use screen::{HallEntry, HallItem, HallScreen, HallSpeaker, NEXT_SHOWN};
use wall::Wall;

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
            truncate_words(&hint, usize::from(area.width.saturating_sub(1)))
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
    let text = truncate_words(text, room.saturating_mul(2).saturating_add(1));
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
        Some((first, second)) => (
            first.to_string(),
            Some(truncate_words(second, room).into_owned()),
        ),
        // One word longer than the line.
        None => (truncate_words(text, room).into_owned(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::digits::{big_height, bitmap, draw_big};
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::style::Style;

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
