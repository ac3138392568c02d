//! The hall's colours: the 16-colour palette of a theme, or only bold and
//! reverse with colour off.

use ratatui::style::{Color, Modifier, Style};

use crate::app::HallTheme;

/// The 16-colour palette of a theme; with colour off, only bold and reverse.
pub(super) struct Palette {
    pub(super) color: bool,
    pub(super) base: Style,
    pub(super) dim: Style,
    pub(super) good: Color,
    pub(super) warn: Color,
    pub(super) danger: Color,
    pub(super) accent: Color,
}

impl Palette {
    pub(super) fn new(theme: HallTheme, color: bool) -> Palette {
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

    pub(super) fn fg(&self, color: Color) -> Style {
        if self.color {
            self.base.fg(color)
        } else {
            self.base
        }
    }

    pub(super) fn strong(&self) -> Style {
        self.base.add_modifier(Modifier::BOLD)
    }

    pub(super) fn accent(&self) -> Style {
        self.fg(self.accent)
    }

    /// Green while there is time, yellow in the last quarter, red when over.
    pub(super) fn clock(&self, used_ratio: f64, over: bool) -> Style {
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
