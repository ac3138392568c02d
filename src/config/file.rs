//! The config file as written: its types, where it is, reading it and
//! parsing it (errors name the line and the field).

use std::path::{Path, PathBuf};
use std::str::FromStr;

use ratatui::style::Color;
use serde::Deserialize;

use super::ConfigError;
use crate::domain::Role;
use crate::i18n::Lang;

/// The config file as written (see `examples/config.toml`).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Your name in the journal.
    pub name: Option<String>,
    pub role: Option<Role>,
    pub lang: Option<LangSetting>,
    /// For new meetings.
    pub speaking_minutes: Option<u32>,
    pub reply_days: Option<u32>,
    /// Working days to forward an escalated or redirected issue.
    pub forward_days: Option<u32>,
    #[serde(default)]
    /// Days off besides those gavel ships. Kept with their place in the
    /// file: toml reports an error inside an array at the array's first
    /// line, so dates are checked in `parse`.
    pub holidays: Vec<toml::Spanned<String>>,
    /// Saturdays or Sundays worked in exchange, besides those gavel ships.
    #[serde(default)]
    pub make_up_days: Vec<toml::Spanned<String>>,
    pub color: Option<ColorChoice>,
    pub mouse: Option<bool>,
    #[serde(default)]
    pub colors: Colors,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LangSetting {
    En,
    Vi,
}

impl From<LangSetting> for Lang {
    fn from(lang: LangSetting) -> Lang {
        match lang {
            LangSetting::En => Lang::En,
            LangSetting::Vi => Lang::Vi,
        }
    }
}

/// Colour on screen: `auto` follows `NO_COLOR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// The four colours that carry meaning, by name from the 16-colour palette
/// ("cyan", "lightred"...) so they look the same over SSH.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Colors {
    pub accent: Option<ColorName>,
    pub good: Option<ColorName>,
    pub warning: Option<ColorName>,
    pub danger: Option<ColorName>,
}

/// A colour by name ("cyan", "lightred"), checked as the file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColorName(pub Color);

impl<'de> Deserialize<'de> for ColorName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Color::from_str(&text).map(ColorName).map_err(|_| {
            serde::de::Error::custom(format!(
                "not a colour: {text:?} (a name such as cyan, lightred, yellow)"
            ))
        })
    }
}

/// The config file's path: `GAVEL_CONFIG`, else the platform's folder.
pub fn config_path(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if let Some(path) = env("GAVEL_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    directories::ProjectDirs::from("", "", "gavel")
        .map(|dirs| dirs.config_dir().join("config.toml"))
}

/// Reads the config file. A missing file in the default place is no
/// config; a missing file that `GAVEL_CONFIG` names is an error.
pub fn load(
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(ConfigFile, Option<PathBuf>), ConfigError> {
    let Some(path) = config_path(env) else {
        return Ok((ConfigFile::default(), None));
    };
    let explicit = env("GAVEL_CONFIG").is_some_and(|p| !p.is_empty());
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok((parse(&path, &text)?, Some(path))),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && !explicit => {
            Ok((ConfigFile::default(), Some(path)))
        }
        Err(error) => Err(ConfigError::Unreadable {
            file: path.display().to_string(),
            message: error.to_string(),
        }),
    }
}

/// Parses a config file's text; errors name the line and the field.
pub fn parse(path: &Path, text: &str) -> Result<ConfigFile, ConfigError> {
    let config: ConfigFile = crate::toml_file::parse(text).map_err(|error| ConfigError::File {
        file: path.display().to_string(),
        line: error.line,
        message: crate::toml_file::field_prefix(&error.field) + &error.message,
    })?;
    let lists = [
        ("holidays", &config.holidays),
        ("make_up_days", &config.make_up_days),
    ];
    for (key, days) in lists {
        for (n, day) in days.iter().enumerate() {
            if crate::domain::dates::parse_date(day.get_ref()).is_none() {
                return Err(ConfigError::File {
                    file: path.display().to_string(),
                    line: crate::toml_file::line_of(text, day.span().start),
                    message: format!(
                        "{key}[{n}]: not a date: {:?} (use 2026-04-30 or 30/04/2026)",
                        day.get_ref()
                    ),
                });
            }
        }
    }
    Ok(config)
}
