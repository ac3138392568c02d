//! Styles from the 16-colour palette (truecolor is often missing over SSH);
//! with colour off (`NO_COLOR`), only bold, dim and reverse remain.

use ratatui::style::{Color, Modifier, Style};

pub use crate::config::Palette;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Theme {
    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        self.fg(Color::DarkGray).add_modifier(if self.color {
            Modifier::empty()
        } else {
            Modifier::DIM
        })
    }

    pub fn accent(self) -> Style {
        self.fg(self.palette.accent)
    }

    pub fn good(self) -> Style {
        self.fg(self.palette.good)
    }

    pub fn warning(self) -> Style {
        self.fg(self.palette.warning)
    }

    pub fn danger(self) -> Style {
        self.fg(self.palette.danger).add_modifier(Modifier::BOLD)
    }

    pub fn focused_border(self) -> Style {
        self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
    }

    pub fn border(self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn selected(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// Green while there is time, yellow in the last quarter, red when over.
    pub fn clock(self, used_ratio: f64, over: bool) -> Style {
        if over {
            self.danger()
        } else if used_ratio >= 0.75 {
            self.warning()
        } else {
            self.good()
        }
    }

    pub fn banner_error(self) -> Style {
        if self.color {
            Style::new()
                .fg(Color::White)
                .bg(self.palette.danger)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }
}
