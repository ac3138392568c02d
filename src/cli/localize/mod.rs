//! `--help`, the man page and the completions' descriptions in Vietnamese.
//!
//! The English lives in the clap definitions (`cli/mod.rs`); the Vietnamese is
//! this table, keyed by where each text goes. `localize` walks the command
//! tree and replaces every text; a test walks the same tree and fails when
//! a command, an argument or a value has no Vietnamese here (or when the
//! table holds a key the tree no longer has).

use clap::builder::{PossibleValue, Str, StyledStr};
use clap::{Arg, Command};

use crate::i18n::Lang;

mod words;
pub use words::VI;
use words::{MAN_SECTIONS_EN, MAN_SECTIONS_VI, VI_CLAP_PHRASES, VI_MAN_SECTIONS};

/// What clap prints (help, usage, errors), in `lang`.
pub fn clap_output(text: &str, lang: Lang) -> String {
    let mut text = text.to_string();
    if lang == Lang::Vi {
        for (en, vi) in VI_CLAP_PHRASES {
            text = text.replace(en, vi);
        }
    }
    text
}

const VI_TEMPLATE: &str =
    "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

pub fn vi(key: &str) -> Option<&'static str> {
    VI.iter().find(|(k, _)| *k == key).map(|(_, text)| *text)
}

/// The text for argument `id` of command `path`: its own, else the one
/// shared by every command.
fn vi_arg(path: &str, id: &str) -> Option<&'static str> {
    vi(&format!("{path}.{id}")).or_else(|| vi(&format!("*.{id}")))
}

/// The command tree with its texts in `lang` (English is the definitions'
/// own). Built first, so the generated `--help`, `--version` and `help`
/// are there to translate too.
pub fn localize(command: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return command;
    }
    let mut command = command;
    command.build();
    localize_command(command, "")
}

fn localize_command(mut command: Command, path: &str) -> Command {
    command = command
        .help_template(VI_TEMPLATE)
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name(vi("name:COMMAND").unwrap_or("COMMAND"));
    if let Some(about) = vi(&format!("about:{path}")) {
        command = command.about(about);
    }
    command = command.long_about(vi(&format!("long:{path}")));
    if let Some(after) = vi(&format!("after:{path}")) {
        command = command.after_help(after).after_long_help(None::<&str>);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(&id, |arg| localize_arg(arg, path));
    }
    if path == "help" {
        return command; // its subcommands are names only
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in subcommands {
        command = command.mut_subcommand(&name, |sub| localize_command(sub, &name));
    }
    command
}

fn localize_arg(arg: Arg, path: &str) -> Arg {
    let id = arg.get_id().to_string();
    let mut help = vi_arg(path, &id).map(str::to_string);
    // clap prints "[possible values]" and "[default]" in English: hide
    // them and say it here.
    let values: Vec<PossibleValue> = arg.get_possible_values();
    let is_flag = values
        .iter()
        .all(|v| matches!(v.get_name(), "true" | "false"));
    if !values.is_empty() && !is_flag {
        let listed: Vec<String> = values
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| {
                // A command may say what a shared value means for it
                // ("md" is the minutes for export, the report for followup).
                let name = v.get_name();
                let text = vi(&format!("value:{path}.{id}.{name}"))
                    .or_else(|| vi(&format!("value:{id}.{name}")));
                match text {
                    Some(text) => format!("{name}: {text}"),
                    None => name.to_string(),
                }
            })
            .collect();
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        let mut text = help.unwrap_or_default();
        text.push_str(&format!(" [giá trị: {}]", listed.join("; ")));
        if !defaults.is_empty() {
            text.push_str(&format!(" [mặc định: {}]", defaults.join(", ")));
        }
        help = Some(text.trim_start().to_string());
    }
    let names: Option<Vec<Str>> = arg.get_value_names().map(|names| {
        names
            .iter()
            .map(|n| vi(&format!("name:{n}")).map_or_else(|| n.clone(), Str::from))
            .collect()
    });
    let heading = if arg.is_positional() {
        "Đối số"
    } else {
        "Tùy chọn"
    };
    let mut arg = arg;
    if let Some(help) = help {
        arg = arg.help(StyledStr::from(help));
    }
    arg = arg
        .long_help(None::<&str>)
        .hide_possible_values(true)
        .hide_default_value(true)
        .help_heading(heading);
    if let Some(names) = names
        && arg.get_action().takes_values()
    {
        arg = arg.value_names(names);
    }
    arg
}

/// The man page in `lang`.
pub fn man_page(command: Command, lang: Lang) -> std::io::Result<Vec<u8>> {
    let mut command = localize(command, lang);
    if lang == Lang::Vi {
        // clap_mangen titles the subcommands' section with this heading.
        command = command.subcommand_help_heading("LỆNH CON");
    }
    let mut page = render_man(command, lang)?;
    page.extend_from_slice(man_sections(lang).as_bytes());
    Ok(page)
}

/// The main page (`gavel`) and a page per command (`gavel-open`…), by
/// name, in `lang`.
pub fn man_pages(command: Command, lang: Lang) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut pages = vec![("gavel".to_string(), man_page(command.clone(), lang)?)];
    let mut command = localize(command, lang);
    command.build();
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("gavel-{}", sub.get_name());
        let page = render_man(sub.clone().name(name.clone()).bin_name(&name), lang)?;
        pages.push((name, page));
    }
    Ok(pages)
}

/// clap_mangen's page of `command`, its section titles in `lang`.
fn render_man(command: Command, lang: Lang) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(command).render(&mut out)?;
    if lang == Lang::En {
        return Ok(out);
    }
    let mut text = String::from_utf8_lossy(&out).into_owned();
    for (en, vi) in VI_MAN_SECTIONS {
        text = text.replace(&format!(".SH {en}\n"), &format!(".SH {vi}\n"));
    }
    Ok(text.into_bytes())
}

/// The main page's ENVIRONMENT, FILES and EXIT STATUS, in roff.
fn man_sections(lang: Lang) -> &'static str {
    match lang {
        Lang::En => MAN_SECTIONS_EN,
        Lang::Vi => MAN_SECTIONS_VI,
    }
}

/// Every key the command tree asks for, for the completeness test: about
/// texts, argument helps, value descriptions and value names.
pub fn wanted_keys(command: &Command) -> Vec<String> {
    let mut command = command.clone();
    command.build();
    let mut keys = Vec::new();
    collect_keys(&command, "", &mut keys);
    keys
}

fn collect_keys(command: &Command, path: &str, keys: &mut Vec<String>) {
    if command.get_about().is_some() || path.is_empty() {
        keys.push(format!("about:{path}"));
    }
    if command.get_after_help().is_some() {
        keys.push(format!("after:{path}"));
    }
    for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
        let id = arg.get_id().to_string();
        keys.push(format!("{path}.{id}"));
        for value in arg.get_possible_values() {
            if value.get_help().is_some() {
                keys.push(format!("value:{id}.{}", value.get_name()));
            }
        }
        if arg.get_action().takes_values() {
            for name in arg.get_value_names().unwrap_or_default() {
                keys.push(format!("name:{name}"));
            }
        }
    }
    if path == "help" {
        return;
    }
    for sub in command.get_subcommands() {
        collect_keys(sub, sub.get_name(), keys);
    }
}

/// Whether the table answers `key` (an argument key may be answered by
/// its `*.` form).
pub fn has(key: &str) -> bool {
    if vi(key).is_some() {
        return true;
    }
    match key.split_once('.') {
        Some((path, id)) if !key.contains(':') => vi_arg(path, id).is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_command_argument_and_value_has_vietnamese() {
        let wanted = wanted_keys(&crate::cli::Cli::command());
        let missing: Vec<&String> = wanted.iter().filter(|k| !has(k)).collect();
        assert!(missing.is_empty(), "no Vietnamese for: {missing:?}");
    }

    /// "value:followup.format.md": the command has the argument, and the
    /// argument the value.
    fn scoped_value_in_use(key: &str, wanted: &[String]) -> bool {
        let Some(rest) = key.strip_prefix("value:") else {
            return false;
        };
        let mut parts = rest.splitn(3, '.');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(path), Some(id), Some(name)) => {
                wanted.iter().any(|w| *w == format!("{path}.{id}"))
                    && wanted.iter().any(|w| *w == format!("value:{id}.{name}"))
            }
            _ => false,
        }
    }

    #[test]
    fn the_table_holds_no_stale_keys() {
        let wanted = wanted_keys(&crate::cli::Cli::command());
        let used = |key: &str| {
            wanted.iter().any(|w| w == key)
                || key == "long:"
                || key == "name:COMMAND"
                || key.strip_prefix("*.").is_some_and(|id| {
                    wanted
                        .iter()
                        .any(|w| !w.contains(':') && w.ends_with(&format!(".{id}")))
                })
                || scoped_value_in_use(key, &wanted)
        };
        let stale: Vec<&str> = VI.iter().map(|(k, _)| *k).filter(|k| !used(k)).collect();
        assert!(stale.is_empty(), "keys no command has: {stale:?}");
    }

    #[test]
    fn vietnamese_help_is_vietnamese() {
        let mut command = localize(crate::cli::Cli::command(), Lang::Vi);
        let help = command.render_help().to_string();
        assert!(help.contains("Cách dùng:"), "{help}");
        assert!(help.contains("Lệnh"), "{help}");
        assert!(help.contains("Tùy chọn"), "{help}");
        assert!(help.contains("Mở cuộc họp trong bảng điều khiển"), "{help}");
        assert!(!help.contains("Options:"), "{help}");
        assert!(!help.contains("Print help"), "{help}");
        let export = command.find_subcommand_mut("export").unwrap();
        let help = export.render_help().to_string();
        assert!(
            help.contains("[giá trị: md: Biên bản dạng Markdown"),
            "{help}"
        );
        assert!(!help.contains("possible values"), "{help}");
    }

    #[test]
    fn clap_errors_read_in_vietnamese() {
        let command = localize(crate::cli::Cli::command(), Lang::Vi);
        let error = command
            .try_get_matches_from(["gavel", "export", "x.gavel", "--format", "pdf"])
            .unwrap_err();
        let text = clap_output(&error.render().to_string(), Lang::Vi);
        assert!(
            text.contains("lỗi: giá trị không hợp lệ 'pdf' cho '--format"),
            "{text}"
        );
        assert!(
            text.contains("giá trị có thể: md, docx, json, csv"),
            "{text}"
        );
        let command = localize(crate::cli::Cli::command(), Lang::Vi);
        let error = command
            .try_get_matches_from(["gavel", "export", "--format", "md"])
            .unwrap_err();
        let text = clap_output(&error.render().to_string(), Lang::Vi);
        assert!(text.contains("thiếu các tham số bắt buộc:"), "{text}");
        assert!(text.contains("Cách dùng: gavel export --format"), "{text}");
    }
}
