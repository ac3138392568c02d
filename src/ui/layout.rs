//! The screen's geometry: where drawing puts things, how many rows each
//! pane's list shows (the console's viewport), and what a click hits.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::{Pane, Viewport};

/// Below this the console shows "terminal too small" instead of panes.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub const HEADER_HEIGHT: u16 = 3;
pub const FOOTER_HEIGHT: u16 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub header: Rect,
    pub panes: [Rect; 4],
    pub footer: Rect,
}

pub fn is_too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Header on top, footer below, and the four panes in a 2×2 grid: Agenda and
/// Speakers above, Issues and Actions below.
pub fn screen(area: Rect) -> Screen {
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(HEADER_HEIGHT),
        Constraint::Min(0),
        Constraint::Length(FOOTER_HEIGHT),
    ])
    .areas(area);
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);
    let halves = |row: Rect| -> [Rect; 2] {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(row)
    };
    let [agenda, speakers] = halves(top);
    let [issues, actions] = halves(bottom);
    Screen {
        header,
        panes: [agenda, speakers, issues, actions],
        footer,
    }
}

/// Rows of a pane's list that fit inside its border.
pub fn list_height(pane_area: Rect) -> usize {
    usize::from(pane_area.height.saturating_sub(2))
}

pub fn pane_at(screen: &Screen, column: u16, row: u16) -> Option<(Pane, Rect)> {
    Pane::ALL
        .iter()
        .zip(screen.panes.iter())
        .find(|(_, area)| area.contains((column, row).into()))
        .map(|(pane, area)| (*pane, *area))
}

/// How many list rows each pane shows on a screen of this size.
pub fn viewport(width: u16, height: u16) -> Viewport {
    let screen = screen(Rect::new(0, 0, width, height));
    Viewport {
        list_rows: screen.panes.map(list_height),
    }
}

/// The pane under a click on a screen of this size, and the list row
/// clicked (counted from the first row shown), if it is one.
pub fn hit(width: u16, height: u16, column: u16, row: u16) -> Option<(Pane, Option<usize>)> {
    let screen = screen(Rect::new(0, 0, width, height));
    let (pane, rect) = pane_at(&screen, column, row)?;
    let inside = row > rect.y && row < rect.bottom().saturating_sub(1);
    Some((pane, inside.then(|| usize::from(row - rect.y - 1))))
}
