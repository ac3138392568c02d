//! `gavel config`: the settings in force and where each comes from.

use std::path::Path;
use std::process::ExitCode;

use serde_json::{Value, json};

use super::{Startup, report};
use crate::cli::ReportFormat;
use crate::config::{self, Flags, Settings};
use crate::i18n::Lang;

/// `gavel config`: the settings in force and where each comes from, as
/// lines for people or one JSON document.
pub fn show_config(startup: &Startup, flags: Flags, format: ReportFormat) -> ExitCode {
    let settings = match startup.settings(flags) {
        Ok(settings) => settings,
        Err(error) => return report(Lang::from_env(), Path::new("config"), error),
    };
    let rows = rows(&settings);
    match format {
        ReportFormat::Text => print_text(startup, &settings, &rows),
        ReportFormat::Json => println!("{}", config_json(startup, &rows)),
    }
    ExitCode::SUCCESS
}

/// One setting: its key, its value (as JSON; the text shows it as
/// written in the config file) and where it came from.
struct Row {
    key: &'static str,
    value: Value,
    source: config::Source,
}

fn rows(settings: &Settings) -> Vec<Row> {
    let row = |key, value, source| Row { key, value, source };
    let days = |list: &[chrono::NaiveDate]| json!(list);
    let lang = match settings.lang.value {
        Lang::En => "en",
        Lang::Vi => "vi",
    };
    let palette = settings.palette.value;
    let colours: Vec<String> = [
        palette.accent,
        palette.good,
        palette.warning,
        palette.danger,
    ]
    .map(|colour| colour.to_string().to_lowercase())
    .into();
    vec![
        row("name", json!(settings.name.value), settings.name.source),
        row(
            "role",
            json!(settings.role.value.to_string()),
            settings.role.source,
        ),
        row("lang", json!(lang), settings.lang.source),
        row("color", json!(settings.color.value), settings.color.source),
        row("mouse", json!(settings.mouse.value), settings.mouse.source),
        row(
            "speaking_minutes",
            json!(settings.speaking_minutes.value),
            settings.speaking_minutes.source,
        ),
        row(
            "reply_days",
            json!(settings.reply_days.value),
            settings.reply_days.source,
        ),
        row(
            "forward_days",
            json!(settings.forward_days.value),
            settings.forward_days.source,
        ),
        row(
            "holidays",
            days(&settings.holidays.value),
            settings.holidays.source,
        ),
        row(
            "make_up_days",
            days(&settings.make_up_days.value),
            settings.make_up_days.source,
        ),
        row("colors", json!(colours), settings.palette.source),
    ]
}

fn print_text(startup: &Startup, settings: &Settings, rows: &[Row]) {
    let lang = settings.lang.value;
    let texts = lang.texts();
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
    for row in rows {
        let value = text_value(&row.value);
        let from = texts.config_from;
        let source = row.source.text(lang);
        println!("  {:<17} {value:<24} ({from} {source})", row.key);
    }
}

/// A value as the text shows it: on/off, dates dd/mm/yyyy, lists joined.
fn text_value(value: &Value) -> String {
    match value {
        Value::Bool(true) => "on".into(),
        Value::Bool(false) => "off".into(),
        Value::String(text) => match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(day) => day.format("%d/%m/%Y").to_string(),
            Err(_) => text.clone(),
        },
        Value::Array(items) => {
            let separator = if items.iter().all(|i| i.as_str().is_some_and(is_day)) {
                ", "
            } else {
                " "
            };
            items
                .iter()
                .map(text_value)
                .collect::<Vec<_>>()
                .join(separator)
        }
        other => other.to_string(),
    }
}

fn is_day(text: &str) -> bool {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

/// The settings as one JSON document (`docs/scripting.md`).
fn config_json(startup: &Startup, rows: &[Row]) -> String {
    let settings: serde_json::Map<String, Value> = rows
        .iter()
        .map(|row| {
            let (source, variable) = match row.source {
                config::Source::Default => ("default", None),
                config::Source::Locale => ("locale", None),
                config::Source::File => ("file", None),
                config::Source::Env(variable) => ("environment", Some(variable)),
                config::Source::Flag => ("command-line", None),
            };
            let mut entry = json!({ "value": row.value, "source": source });
            if let Some(variable) = variable {
                entry["variable"] = json!(variable);
            }
            (row.key.to_string(), entry)
        })
        .collect();
    let file = startup
        .config_path
        .as_ref()
        .map(|path| json!({ "path": path.to_string_lossy(), "exists": path.exists() }));
    let document = json!({
        "format": "gavel-config",
        "version": 1,
        "config_file": file,
        "settings": settings,
    });
    crate::store::json_text::escape(&document.to_string()).into_owned()
}
