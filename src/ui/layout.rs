//! The screen's geometry: where drawing puts things, how many rows each
//! pane's list shows (the console's viewport), and what a click hits.
//!
//! Header on top, footer below, and the panes between: Agenda and Speakers
//! above; below, Issues, Actions and Participants side by side on a wide
//! terminal, or, on a narrower one, Issues beside one corner that Actions
//! and Participants share (the one focused last is shown, its title says
//! which).

use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::{Pane, Viewport};

/// Below this the console shows "terminal too small" instead of panes.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// From this width on, the bottom row holds three panes. Each then gets
/// about 50 columns: a participant's name, a short position and the roll
/// call's word fit in a row, as they do in the 2×2 grid of a 100-column
/// terminal. Narrower, three panes would be thinner than the halves of an
/// 80-column screen, so Actions and Participants share a corner instead.
pub const WIDE: u16 = 150;

pub const HEADER_HEIGHT: u16 = 3;
pub const FOOTER_HEIGHT: u16 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub header: Rect,
    /// Each pane's place, by `Pane::index`; Actions and Participants have
    /// the same one when they share the corner.
    pub panes: [Rect; Pane::COUNT],
    pub footer: Rect,
    /// Actions and Participants share the bottom-right corner.
    pub shared_corner: bool,
}

impl Screen {
    /// Whether `pane` is on screen, `corner` being the pane shown in the
    /// shared corner.
    pub fn shows(&self, pane: Pane, corner: Pane) -> bool {
        !self.shared_corner || !pane.shares_the_corner() || pane == corner
    }

    /// Where all the panes are.
    pub fn body(&self) -> Rect {
        self.panes[1..]
            .iter()
            .fold(self.panes[0], |all, pane| all.union(*pane))
    }
}

pub fn is_too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

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
    let shared_corner = area.width < WIDE;
    let [issues, actions, participants] = if shared_corner {
        let [issues, corner] = halves(bottom);
        [issues, corner, corner]
    } else {
        Layout::horizontal([Constraint::Ratio(1, 3); 3]).areas(bottom)
    };
    Screen {
        header,
        panes: [agenda, speakers, issues, actions, participants],
        footer,
        shared_corner,
    }
}

/// Rows of a pane's list that fit inside its border.
pub fn list_height(pane_area: Rect) -> usize {
    usize::from(pane_area.height.saturating_sub(2))
}

/// The pane shown at a point, `corner` being the one in the shared corner.
pub fn pane_at(screen: &Screen, column: u16, row: u16, corner: Pane) -> Option<(Pane, Rect)> {
    Pane::ALL
        .iter()
        .zip(screen.panes.iter())
        .filter(|(pane, _)| screen.shows(**pane, corner))
        .find(|(_, area)| area.contains((column, row).into()))
        .map(|(pane, area)| (*pane, *area))
}

/// How many list rows each pane shows on a screen of this size (the two
/// that share a corner, the same).
pub fn viewport(width: u16, height: u16) -> Viewport {
    let screen = screen(Rect::new(0, 0, width, height));
    Viewport {
        list_rows: screen.panes.map(list_height),
        screen: (width, height),
    }
}

/// The pane under a click on a screen of this size, and the list row
/// clicked (counted from the first row shown), if it is one; `corner` is
/// the pane the shared corner shows.
pub fn hit(
    width: u16,
    height: u16,
    column: u16,
    row: u16,
    corner: Pane,
) -> Option<(Pane, Option<usize>)> {
    let screen = screen(Rect::new(0, 0, width, height));
    let (pane, rect) = pane_at(&screen, column, row, corner)?;
    let inside = row > rect.y && row < rect.bottom().saturating_sub(1);
    Some((pane, inside.then(|| usize::from(row - rect.y - 1))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_narrow_screen_shares_the_corner_and_a_wide_one_shows_five() {
        let narrow = screen(Rect::new(0, 0, 80, 24));
        assert!(narrow.shared_corner);
        let corner = narrow.panes[Pane::Actions.index()];
        assert_eq!(corner, narrow.panes[Pane::Participants.index()]);
        let inside = (corner.x + 2, corner.y + 2);
        for shown in [Pane::Actions, Pane::Participants] {
            let (pane, _) = hit(80, 24, inside.0, inside.1, shown).unwrap();
            assert_eq!(pane, shown);
        }
        let wide = screen(Rect::new(0, 0, WIDE, 40));
        assert!(!wide.shared_corner);
        let places: std::collections::HashSet<Rect> = wide.panes.iter().copied().collect();
        assert_eq!(places.len(), Pane::COUNT, "five places");
        let people = wide.panes[Pane::Participants.index()];
        let (pane, row) = hit(WIDE, 40, people.x + 1, people.y + 1, Pane::Actions).unwrap();
        assert_eq!((pane, row), (Pane::Participants, Some(0)));
        assert_eq!(wide.body().width, WIDE);
    }
}
