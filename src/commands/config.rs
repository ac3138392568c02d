//! `gavel config`: the settings in force and where each comes from.

use std::path::Path;
use std::process::ExitCode;

use super::{Startup, report};
use crate::config::{self, Flags};
use crate::i18n::Lang;

/// `gavel config`: the settings in force and where each comes from.
pub fn show_config(startup: &Startup, flags: Flags) -> ExitCode {
    let settings = match startup.settings(flags) {
        Ok(settings) => settings,
        Err(error) => return report(Lang::from_env(), Path::new("config"), error),
    };
    let texts = settings.lang.value.texts();
    let from = texts.config_from;
    let lang = settings.lang.value;
    match &startup.config_path {
        Some(path) if path.exists() => println!("{}: {}", texts.config_file, path.display()),
        Some(path) => println!(
            "{}: {} {}",
            texts.config_file,
            path.display(),
            texts.config_missing
        ),
        None => println!("{}: {}", texts.config_file, texts.config_missing),
    }
    let row = |key: &str, value: String, source: config::Source| {
        println!("  {key:<17} {value:<24} ({from} {})", source.text(lang));
    };
    row("name", settings.name.value.clone(), settings.name.source);
    row(
        "role",
        settings.role.value.to_string(),
        settings.role.source,
    );
    let code = match lang {
        Lang::En => "en",
        Lang::Vi => "vi",
    };
    row("lang", code.into(), settings.lang.source);
    let color = if settings.color.value { "on" } else { "off" };
    row("color", color.into(), settings.color.source);
    let mouse = if settings.mouse.value { "on" } else { "off" };
    row("mouse", mouse.into(), settings.mouse.source);
    row(
        "speaking_minutes",
        settings.speaking_minutes.value.to_string(),
        settings.speaking_minutes.source,
    );
    row(
        "reply_days",
        settings.reply_days.value.to_string(),
        settings.reply_days.source,
    );
    row(
        "forward_days",
        settings.forward_days.value.to_string(),
        settings.forward_days.source,
    );
    let days = |list: &[chrono::NaiveDate]| {
        list.iter()
            .map(|d| d.format("%d/%m/%Y").to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    row(
        "holidays",
        days(&settings.holidays.value),
        settings.holidays.source,
    );
    row(
        "make_up_days",
        days(&settings.make_up_days.value),
        settings.make_up_days.source,
    );
    let palette = settings.palette.value;
    let colours = [
        palette.accent,
        palette.good,
        palette.warning,
        palette.danger,
    ]
    .map(|colour| colour.to_string().to_lowercase())
    .join(" ");
    row("colors", colours, settings.palette.source);
    ExitCode::SUCCESS
}
