//! What the terminal shows, kept by the loop between frames. ratatui's own
//! `Terminal::draw` starts every frame from a blank buffer, copies and
//! compares all of it (7,680 cells at 160×48) and clears it again: most of
//! a keystroke's time while typing in a form. Here the terminal's buffer
//! keeps the last frame, the view draws again only what changed
//! (`ui::draw_kept`), and only the rows it names are compared with what
//! the terminal shows and sent.

use std::io;
use std::ops::Range;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::{Frames, Program};
use crate::ui::Damage;

/// The cells the terminal shows, as this loop last sent them. None before
/// the first frame: the terminal is cleared and drawn whole.
#[derive(Default)]
pub struct Screen {
    shown: Option<Buffer>,
    /// The program's count of resize events at the last frame.
    resizes: u64,
    /// The window title last set (None: not yet, or not known).
    title: Option<String>,
}

impl Screen {
    /// What the terminal shows is not known any more (after a suspension):
    /// the next frame is drawn whole, the title set again.
    pub fn forget(&mut self) {
        self.shown = None;
        self.title = None;
    }

    /// Draws the program's frame and sends the terminal what changed, in
    /// one synchronized update.
    pub fn draw<B: Frames>(
        &mut self,
        terminal: &mut Terminal<B>,
        program: &mut Program,
    ) -> io::Result<()> {
        let (width, height) = program.size();
        let wanted = Rect::new(0, 0, width, height);
        let before = terminal.get_frame().area();
        if before != wanted {
            // The size the resize events gave; a terminal with a fixed
            // viewport is not asked for it again.
            terminal.resize(wanted).map_err(other)?;
        }
        // A full-screen viewport (the tests' backend) follows the backend's
        // size, as in ratatui's own `draw`.
        terminal.autoresize().map_err(other)?;
        let area = terminal.get_frame().area();
        if before != wanted || area != before || program.resizes() != self.resizes {
            // Resized: cleared, or (back to the same size within one burst
            // of events) reflowed by the terminal. Drawn whole again.
            self.shown = None;
            self.resizes = program.resizes();
        }
        terminal.backend_mut().begin_frame()?;
        let title = program.title();
        if self.title.as_deref() != Some(title) {
            terminal.backend_mut().set_title(title)?;
            self.title = Some(title.to_string());
        }
        if self.shown.is_none() {
            // What the terminal shows is not known: cleared, drawn whole.
            terminal.backend_mut().clear().map_err(other)?;
            terminal.current_buffer_mut().reset();
            program.view.forget();
        }
        let shown = self.shown.get_or_insert_with(|| Buffer::empty(area));
        let damage = program.draw_kept(&mut terminal.get_frame());
        let changed = changes(shown, terminal.current_buffer_mut(), &damage);
        let cells = changed.iter().map(|&i| {
            let (x, y) = shown.pos_of(i);
            (x, y, &shown.content[i])
        });
        terminal.backend_mut().draw(cells).map_err(other)?;
        match program.view.cursor() {
            None => terminal.hide_cursor().map_err(other)?,
            Some(position) => {
                terminal.show_cursor().map_err(other)?;
                terminal.set_cursor_position(position).map_err(other)?;
            }
        }
        Backend::flush(terminal.backend_mut()).map_err(other)?;
        terminal.backend_mut().end_frame()
    }
}

fn other(error: impl std::fmt::Display) -> io::Error {
    io::Error::other(error.to_string())
}

/// The cells of `next` that differ from `shown` in the damaged rows (and
/// field), as indices; `shown` takes their new content.
fn changes(shown: &mut Buffer, next: &Buffer, damage: &Damage) -> Vec<usize> {
    let width = usize::from(next.area.width);
    let all = 0..next.area.height;
    let (rows, field): (&[Range<u16>], _) = match damage {
        Damage::All => (std::slice::from_ref(&all), None),
        Damage::Rows(rows) => (rows, None),
        Damage::Field { field, rows } => (rows, Some(*field)),
    };
    let mut changed = Vec::new();
    if let Some(field) = field.map(|field| field.intersection(next.area)) {
        // Only the field's columns: nothing straddles its edges.
        let columns = usize::from(field.x)..usize::from(field.right());
        for y in field.rows().map(|row| usize::from(row.y)) {
            let cells = y * width + columns.start..y * width + columns.end;
            row_changes(
                &mut shown.content[cells.clone()],
                &next.content[cells.clone()],
                cells.start,
                &mut changed,
            );
        }
    }
    let mut done = vec![false; usize::from(next.area.height)];
    for range in rows {
        for y in range.clone() {
            let Some(first) = done.get_mut(usize::from(y)) else {
                continue;
            };
            if std::mem::replace(first, true) {
                continue;
            }
            let start = usize::from(y) * width;
            row_changes(
                &mut shown.content[start..start + width],
                &next.content[start..start + width],
                start,
                &mut changed,
            );
        }
    }
    changed
}

/// One row, as ratatui compares it: a wide symbol covers the cells after
/// it (not sent: the terminal draws them with it); where a wider symbol
/// was, the columns it covered are sent again.
fn row_changes(shown: &mut [Cell], next: &[Cell], offset: usize, changed: &mut Vec<usize>) {
    let mut x = 0;
    while x < next.len() {
        let width = symbol_width(next[x].symbol());
        if next[x] != shown[x] {
            let was = shown[x].symbol().width();
            let end = (x + width.max(was)).min(next.len());
            for covered in x..end {
                shown[covered] = next[covered].clone();
                if covered == x || covered >= x + width {
                    changed.push(offset + covered);
                }
            }
        }
        x += width;
    }
}

/// The columns a cell's symbol takes, at least one. A symbol of one byte
/// (ASCII, as most cells are) takes one: not looked up.
fn symbol_width(symbol: &str) -> usize {
    if symbol.len() == 1 {
        1
    } else {
        symbol.width().max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 6, 2));
        buffer.set_string(0, 1, text, ratatui::style::Style::default());
        buffer
    }

    #[test]
    fn only_the_damaged_rows_are_compared_and_a_wide_symbol_leaves_no_half() {
        let mut shown = row("a世b");
        let next = row("ax b");
        // Rows outside the damage are not looked at.
        let outside = changes(
            &mut shown.clone(),
            &next,
            &Damage::Rows(std::iter::once(0..1).collect()),
        );
        assert!(outside.is_empty());
        // The wide symbol's two columns are both sent again.
        let changed = changes(&mut shown, &next, &Damage::Rows(vec![1..2, 1..2]));
        assert_eq!(changed, vec![6 + 1, 6 + 2]);
        assert_eq!(shown, next);
        assert!(changes(&mut shown, &next, &Damage::All).is_empty());
    }

    #[test]
    fn a_symbols_width_is_the_looked_up_one() {
        for symbol in [
            " ", "a", "~", "\u{7f}", "Đ", "ồ", "世", "e\u{301}", "👍", "\u{ad}",
        ] {
            assert_eq!(symbol_width(symbol), symbol.width().max(1), "{symbol:?}");
        }
    }

    #[test]
    fn a_field_is_compared_within_its_columns_only() {
        let mut shown = row("abcdef");
        let next = row("xbcdey");
        let field = Damage::Field {
            field: Rect::new(1, 1, 4, 1),
            rows: Vec::new(),
        };
        assert!(changes(&mut shown.clone(), &next, &field).is_empty());
        let next = row("xbZdey");
        assert_eq!(changes(&mut shown, &next, &field), vec![6 + 2]);
        // With the footer's rows: those whole.
        let field = Damage::Field {
            field: Rect::new(1, 1, 4, 1),
            rows: std::iter::once(1..2).collect(),
        };
        assert_eq!(changes(&mut shown, &next, &field), vec![6, 6 + 5]);
        assert_eq!(shown, next);
    }
}
