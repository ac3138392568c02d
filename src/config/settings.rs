//! Resolving the settings in force: flag over environment over file over
//! default. `resolve` is pure, so the precedence is tested without touching
//! the process's environment.

use chrono::NaiveDate;

use super::{ColorChoice, ConfigError, ConfigFile, Palette, Source, Sourced};
use crate::domain::Role;
use crate::i18n::Lang;

/// What the command line said, where it says anything.
#[derive(Debug, Default, Clone)]
pub struct Flags {
    pub name: Option<String>,
    pub role: Option<Role>,
    pub lang: Option<Lang>,
    pub color: Option<ColorChoice>,
    pub no_mouse: bool,
}

/// The settings in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub name: Sourced<String>,
    pub role: Sourced<Role>,
    pub lang: Sourced<Lang>,
    pub color: Sourced<bool>,
    pub palette: Sourced<Palette>,
    pub mouse: Sourced<bool>,
    pub speaking_minutes: Sourced<u32>,
    pub reply_days: Sourced<u32>,
    pub forward_days: Sourced<u32>,
    pub holidays: Sourced<Vec<NaiveDate>>,
    pub make_up_days: Sourced<Vec<NaiveDate>>,
}

pub const DEFAULT_SPEAKING_MINUTES: u32 = 3;
pub const DEFAULT_REPLY_DAYS: u32 = 20;
pub const DEFAULT_FORWARD_DAYS: u32 = 5;

/// The language of the locale (see `crate::i18n::locale_lang`).
fn locale_lang(env: &dyn Fn(&str) -> Option<String>) -> Option<Lang> {
    crate::i18n::locale_lang(env)
}

/// Your login name, when nothing else names you: USER or LOGNAME, else the
/// system's account of this process (as `id -un` says it), else "user"
/// and the user id in the console's language. It is written in the journal
/// beside what you record, so it is never a word like "unknown".
fn login_name(env: &dyn Fn(&str) -> Option<String>, lang: Lang) -> String {
    // SAFETY: getuid cannot fail and touches no memory of ours.
    let uid = unsafe { libc::getuid() };
    ["USER", "LOGNAME"]
        .iter()
        .find_map(|var| env(var).filter(|v| !v.trim().is_empty()))
        .or_else(|| account_name(uid))
        .unwrap_or_else(|| user_number(uid, lang))
}

/// The account name of user `uid` from the system's user database.
pub fn account_name(uid: libc::uid_t) -> Option<String> {
    let mut buffer = vec![0 as libc::c_char; 4096];
    // SAFETY: an all-zero passwd is a valid value to be written over.
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer is to memory of ours of the length given;
    // getpwuid_r writes the strings of `entry` into `buffer`, which lives
    // until the name is copied out below.
    let status = unsafe {
        libc::getpwuid_r(
            uid,
            &mut entry,
            buffer.as_mut_ptr(),
            buffer.len(),
            &mut found,
        )
    };
    if status != 0 || found.is_null() || entry.pw_name.is_null() {
        return None;
    }
    // SAFETY: pw_name points into `buffer`, a NUL-terminated string.
    let name = unsafe { std::ffi::CStr::from_ptr(entry.pw_name) };
    let name = name.to_string_lossy().trim().to_string();
    (!name.is_empty()).then_some(name)
}

/// "user 1000" / "người dùng 1000": a person the system has no name for.
fn user_number(uid: libc::uid_t, lang: Lang) -> String {
    format!("{} {uid}", lang.pick("user", "người dùng"))
}

fn env_value<T>(
    env: &dyn Fn(&str) -> Option<String>,
    var: &'static str,
    parse: impl Fn(&str) -> Option<T>,
    expected: &str,
) -> Result<Option<T>, ConfigError> {
    match env(var).filter(|v| !v.trim().is_empty()) {
        None => Ok(None),
        Some(value) => match parse(value.trim()) {
            Some(parsed) => Ok(Some(parsed)),
            None => Err(ConfigError::Env {
                var,
                value,
                message: format!("expected {expected}"),
            }),
        },
    }
}

/// The first of flag, environment, file that says something, else `default`.
fn pick<T>(
    flag: Option<T>,
    env: Option<(T, &'static str)>,
    file: Option<T>,
    default: Sourced<T>,
) -> Sourced<T> {
    if let Some(value) = flag {
        Sourced::new(value, Source::Flag)
    } else if let Some((value, var)) = env {
        Sourced::new(value, Source::Env(var))
    } else if let Some(value) = file {
        Sourced::new(value, Source::File)
    } else {
        default
    }
}

fn parse_lang(text: &str) -> Option<Lang> {
    match text.to_ascii_lowercase().as_str() {
        "en" => Some(Lang::En),
        "vi" => Some(Lang::Vi),
        _ => None,
    }
}

/// The settings in force: flag over environment over file over default.
pub fn resolve(
    file: &ConfigFile,
    env: &dyn Fn(&str) -> Option<String>,
    flags: &Flags,
) -> Result<Settings, ConfigError> {
    let env_name = env_value(env, "GAVEL_AS", |v| Some(v.to_string()), "a name")?;
    let env_role = env_value(
        env,
        "GAVEL_ROLE",
        Role::parse,
        "chair, secretary or observer",
    )?;
    let env_lang = env_value(env, "GAVEL_LANG", parse_lang, "en or vi")?;
    let no_color = env("NO_COLOR").is_some_and(|v| !v.is_empty());

    let role = pick(
        flags.role,
        env_role.map(|v| (v, "GAVEL_ROLE")),
        file.role,
        Sourced::new(Role::Chair, Source::Default),
    );
    let lang_default = match locale_lang(env) {
        Some(lang) => Sourced::new(lang, Source::Locale),
        None => Sourced::new(Lang::En, Source::Default),
    };
    let lang = pick(
        flags.lang,
        env_lang.map(|v| (v, "GAVEL_LANG")),
        file.lang.map(Lang::from),
        lang_default,
    );
    let name = pick(
        flags.name.clone(),
        env_name.map(|v| (v, "GAVEL_AS")),
        file.name.clone().filter(|n| !n.trim().is_empty()),
        Sourced::new(login_name(env, lang.value), Source::Default),
    );
    // NO_COLOR outranks the file but not an explicit --color.
    let color = match flags.color {
        Some(choice) if choice != ColorChoice::Auto => {
            Sourced::new(choice == ColorChoice::Always, Source::Flag)
        }
        _ if no_color => Sourced::new(false, Source::Env("NO_COLOR")),
        _ => match file.color {
            Some(choice) => Sourced::new(choice != ColorChoice::Never, Source::File),
            None => Sourced::new(true, Source::Default),
        },
    };
    let mouse = pick(
        flags.no_mouse.then_some(false),
        None,
        file.mouse,
        Sourced::new(true, Source::Default),
    );
    // Meeting defaults: `gavel new`'s flags outrank a plan as well, so they
    // are applied there (`commands::MeetingFlags`), not here.
    let speaking_minutes = pick(
        None,
        None,
        file.speaking_minutes,
        Sourced::new(DEFAULT_SPEAKING_MINUTES, Source::Default),
    );
    let reply_days = pick(
        None,
        None,
        file.reply_days,
        Sourced::new(DEFAULT_REPLY_DAYS, Source::Default),
    );
    let forward_days = pick(
        None,
        None,
        file.forward_days,
        Sourced::new(DEFAULT_FORWARD_DAYS, Source::Default),
    );
    let days = |list: &[toml::Spanned<String>]| {
        let days: Vec<NaiveDate> = list
            .iter()
            .filter_map(|day| crate::domain::dates::parse_date(day.get_ref()))
            .collect();
        pick(
            None,
            None,
            (!days.is_empty()).then_some(days),
            Sourced::new(Vec::new(), Source::Default),
        )
    };
    let holidays = days(&file.holidays);
    let make_up_days = days(&file.make_up_days);
    Ok(Settings {
        name,
        role,
        lang,
        color,
        palette: pick(
            None,
            None,
            file.colors.palette(),
            Sourced::new(Palette::default(), Source::Default),
        ),
        mouse,
        speaking_minutes,
        reply_days,
        forward_days,
        holidays,
        make_up_days,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse;
    use ratatui::style::Color;
    use std::collections::HashMap;
    use std::path::Path;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |var| map.get(var).cloned()
    }

    fn file(text: &str) -> ConfigFile {
        parse(Path::new("config.toml"), text).unwrap()
    }

    #[test]
    fn without_user_or_logname_the_name_is_the_account_never_unknown() {
        for (word, lang) in [("en", Lang::En), ("vi", Lang::Vi)] {
            let pairs = [("GAVEL_LANG", word)];
            let env = env_of(&pairs);
            let settings = resolve(&ConfigFile::default(), &env, &Flags::default()).unwrap();
            let name = settings.name.value;
            assert!(!name.trim().is_empty() && name != "unknown", "{name:?}");
            assert_eq!(settings.name.source, Source::Default);
            // SAFETY: getuid cannot fail.
            let uid = unsafe { libc::getuid() };
            let expected = account_name(uid).unwrap_or_else(|| user_number(uid, lang));
            assert_eq!(name, expected);
        }
    }

    #[test]
    fn a_user_with_no_account_name_is_named_in_the_console_language() {
        assert_eq!(user_number(1000, Lang::En), "user 1000");
        assert_eq!(user_number(1000, Lang::Vi), "người dùng 1000");
    }

    #[test]
    fn flag_beats_env_beats_file_beats_default() {
        let config = file("name = \"Lan\"\nrole = \"secretary\"\nlang = \"vi\"\n");
        let nothing = env_of(&[("USER", "root")]);
        let from_file = resolve(&config, &nothing, &Flags::default()).unwrap();
        assert_eq!(
            from_file.name,
            Sourced::new("Lan".to_string(), Source::File)
        );
        assert_eq!(from_file.role, Sourced::new(Role::Secretary, Source::File));
        assert_eq!(from_file.lang, Sourced::new(Lang::Vi, Source::File));

        let env = env_of(&[
            ("GAVEL_AS", "Minh"),
            ("GAVEL_ROLE", "observer"),
            ("GAVEL_LANG", "en"),
        ]);
        let from_env = resolve(&config, &env, &Flags::default()).unwrap();
        assert_eq!(from_env.name.value, "Minh");
        assert_eq!(
            from_env.role,
            Sourced::new(Role::Observer, Source::Env("GAVEL_ROLE"))
        );
        assert_eq!(from_env.lang.value, Lang::En);

        let flags = Flags {
            name: Some("Hùng".into()),
            role: Some(Role::Chair),
            lang: Some(Lang::Vi),
            ..Flags::default()
        };
        let from_flags = resolve(&config, &env, &flags).unwrap();
        assert_eq!(
            from_flags.name,
            Sourced::new("Hùng".to_string(), Source::Flag)
        );
        assert_eq!(from_flags.role.value, Role::Chair);
        assert_eq!(from_flags.lang.value, Lang::Vi);

        let bare = resolve(&ConfigFile::default(), &nothing, &Flags::default()).unwrap();
        assert_eq!(bare.name, Sourced::new("root".to_string(), Source::Default));
        assert_eq!(bare.role.value, Role::Chair);
        assert_eq!(bare.speaking_minutes.value, DEFAULT_SPEAKING_MINUTES);
    }

    #[test]
    fn the_locale_is_the_last_word_on_language() {
        let vi_locale = env_of(&[("LANG", "vi_VN.UTF-8")]);
        let settings = resolve(&ConfigFile::default(), &vi_locale, &Flags::default()).unwrap();
        assert_eq!(settings.lang, Sourced::new(Lang::Vi, Source::Locale));
        let settings = resolve(&file("lang = \"en\""), &vi_locale, &Flags::default()).unwrap();
        assert_eq!(settings.lang, Sourced::new(Lang::En, Source::File));
    }

    #[test]
    fn no_color_beats_the_file_but_not_the_flag() {
        let config = file("color = \"always\"");
        let no_color = env_of(&[("NO_COLOR", "1")]);
        assert!(
            !resolve(&config, &no_color, &Flags::default())
                .unwrap()
                .color
                .value
        );
        let always = Flags {
            color: Some(ColorChoice::Always),
            ..Flags::default()
        };
        assert!(resolve(&config, &no_color, &always).unwrap().color.value);
        let plain = env_of(&[]);
        assert!(
            !resolve(&file("color = \"never\""), &plain, &Flags::default())
                .unwrap()
                .color
                .value
        );
    }

    #[test]
    fn meeting_defaults_come_from_the_file_unless_given() {
        let config = file(
            "speaking_minutes = 5\nreply_days = 15\nholidays = [\"2026-04-30\", \"01/05/2026\"]\n",
        );
        let env = env_of(&[]);
        let settings = resolve(&config, &env, &Flags::default()).unwrap();
        assert_eq!(settings.speaking_minutes, Sourced::new(5, Source::File));
        assert_eq!(settings.reply_days.value, 15);
        assert_eq!(settings.holidays.value.len(), 2);
    }

    #[test]
    fn colours_by_name_make_the_palette() {
        let settings = resolve(
            &file("[colors]\naccent = \"magenta\"\ndanger = \"lightred\"\n"),
            &env_of(&[]),
            &Flags::default(),
        )
        .unwrap();
        assert_eq!(settings.palette.source, Source::File);
        let palette = settings.palette.value;
        assert_eq!(palette.accent, Color::Magenta);
        assert_eq!(palette.danger, Color::LightRed);
        assert_eq!(palette.good, Palette::default().good);
    }

    #[test]
    fn bad_files_and_values_name_the_line() {
        let error = parse(Path::new("c.toml"), "name = \"An\"\nrole = \"boss\"\n").unwrap_err();
        let ConfigError::File { line, message, .. } = &error else {
            panic!("{error:?}")
        };
        assert_eq!(*line, 2);
        assert!(message.contains("boss"), "{message}");
        let error = parse(Path::new("c.toml"), "\n\nholidays = [\"30-04\"]").unwrap_err();
        assert!(
            matches!(error, ConfigError::File { line: 3, .. }),
            "{error:?}"
        );
        // The element's own line, even in a long array, and not the line
        // of a comment that happens to mention the same text.
        let text = "# not 30-04\nholidays = [\"2026-04-30\",\n  \"30-04\"]";
        let error = parse(Path::new("c.toml"), text).unwrap_err();
        assert!(
            matches!(error, ConfigError::File { line: 3, .. }),
            "{error:?}"
        );
        let error =
            parse(Path::new("c.toml"), "[colors]\naccent = \"chartreuse-ish\"").unwrap_err();
        assert!(
            matches!(error, ConfigError::File { line: 2, .. }),
            "{error:?}"
        );
        let error = parse(Path::new("c.toml"), "speakin_minutes = 3").unwrap_err();
        assert!(error.to_string().contains("speakin_minutes"), "{error}");
        let error = resolve(
            &ConfigFile::default(),
            &env_of(&[("GAVEL_ROLE", "boss")]),
            &Flags::default(),
        )
        .unwrap_err();
        assert!(error.to_string().contains("GAVEL_ROLE"), "{error}");
    }
}
