//! The user's settings: a TOML file in the platform's config folder
//! (`~/.config/gavel/config.toml` on Linux, or the file `GAVEL_CONFIG`
//! names), then the environment, then the command line; each one overrides
//! the one before. `resolve` is pure, so the precedence is tested without
//! touching the process's environment.
//!
//! `file` holds the file's types and their parsing; `settings` resolves
//! them with the environment and the flags; here are what both share (the
//! colour palette, where a setting came from, the errors) and the process's
//! environment.

use ratatui::style::Color;

use crate::i18n::Lang;

mod file;
mod settings;

pub use file::{ColorChoice, ColorName, Colors, ConfigFile, LangSetting, config_path, load, parse};
pub use settings::{
    DEFAULT_REPLY_DAYS, DEFAULT_SPEAKING_MINUTES, Flags, Settings, account_name, resolve,
};

/// The colours that carry meaning; the config file may rename them (for a
/// projector that washes out cyan, or a chair who cannot tell red from
/// green).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Palette {
    pub accent: Color,
    pub good: Color,
    pub warning: Color,
    pub danger: Color,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            accent: Color::Cyan,
            good: Color::Green,
            warning: Color::Yellow,
            danger: Color::Red,
        }
    }
}

impl Colors {
    /// The palette, and whether the file named any colour of it.
    fn palette(&self) -> Option<Palette> {
        let named = [&self.accent, &self.good, &self.warning, &self.danger];
        if named.iter().all(|colour| colour.is_none()) {
            return None;
        }
        let pick = |value: &Option<ColorName>, default: Color| value.map_or(default, |c| c.0);
        let default = Palette::default();
        Some(Palette {
            accent: pick(&self.accent, default.accent),
            good: pick(&self.good, default.good),
            warning: pick(&self.warning, default.warning),
            danger: pick(&self.danger, default.danger),
        })
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("{file}: line {line}: {message}")]
    File {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: {message}")]
    Unreadable { file: String, message: String },
    #[error("{var}={value:?}: {message}")]
    Env {
        var: &'static str,
        value: String,
        message: String,
    },
}

/// Where a setting came from, for `gavel config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Default,
    Locale,
    File,
    Env(&'static str),
    Flag,
}

impl Source {
    /// Where a setting came from, in words.
    pub fn text(self, lang: Lang) -> String {
        let texts = lang.texts();
        match self {
            Source::Default => texts.source_default.to_string(),
            Source::Locale => texts.source_locale.to_string(),
            Source::File => texts.source_file.to_string(),
            Source::Env(var) => format!("${var}"),
            Source::Flag => texts.source_flag.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Sourced<T> {
    fn new(value: T, source: Source) -> Self {
        Sourced { value, source }
    }
}

/// The process's environment, for `load` and `resolve`.
pub fn process_env(var: &str) -> Option<String> {
    std::env::var(var).ok()
}

impl ConfigError {
    /// The error in the user's language (the `Display` text is English).
    pub fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ConfigError::File {
                file,
                line,
                message,
            } => format!("{file}: dòng {line}: {message}"),
            ConfigError::Unreadable { file, message } => {
                format!("{file}: không đọc được tệp cấu hình: {message}")
            }
            ConfigError::Env {
                var,
                value,
                message,
            } => format!("{var}={value:?}: giá trị không hợp lệ ({message})"),
        }
    }
}
