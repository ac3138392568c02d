//! The config file, the environment and the command line, through the
//! real binary: a flag beats an environment variable, which beats the
//! file, which beats the default; NO_COLOR is honoured; a bad config file
//! is a usage error that names its line.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::tmux::Tmux;
use common::*;
use gavel::domain::Role;
use gavel::store::Store;

const CONFIG: &str = r#"
name = "Lan"
role = "secretary"
lang = "vi"
speaking_minutes = 4
reply_days = 12
holidays = ["2026-09-02", "01/09/2026"]

[colors]
accent = "magenta"
"#;

fn config_file(dir: &tempfile::TempDir, text: &str) -> PathBuf {
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// `gavel` with the config file and extra environment variables.
fn gavel(config: &Path, env: &[(&str, &str)], args: &[&str]) -> (Option<i32>, String, String) {
    finished(
        gavel_command()
            .env("GAVEL_CONFIG", config)
            .envs(env.iter().copied())
            .args(args),
    )
}

/// The value and source `gavel config --lang en` shows for `key`.
fn setting(out: &str, key: &str) -> String {
    let line = out
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{key} ")))
        .unwrap_or_else(|| panic!("no {key} in:\n{out}"));
    line.trim_start()[key.len()..]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_flag_beats_the_environment_which_beats_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_file(&dir, CONFIG);

    let (code, out, err) = gavel(&config, &[], &["config", "--lang", "en"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with(&format!("config file: {}", config.display())),
        "{out}"
    );
    assert_eq!(setting(&out, "name"), "Lan (from config file)");
    assert_eq!(setting(&out, "role"), "secretary (from config file)");
    assert_eq!(setting(&out, "speaking_minutes"), "4 (from config file)");
    assert_eq!(
        setting(&out, "holidays"),
        "02/09/2026, 01/09/2026 (from config file)"
    );
    assert_eq!(
        setting(&out, "colors"),
        "magenta green yellow red (from config file)"
    );

    let env = [("GAVEL_AS", "Minh"), ("GAVEL_ROLE", "observer")];
    let (_, out, _) = gavel(&config, &env, &["config", "--lang", "en"]);
    assert_eq!(setting(&out, "name"), "Minh (from $GAVEL_AS)");
    assert_eq!(setting(&out, "role"), "observer (from $GAVEL_ROLE)");

    let (_, out, _) = gavel(
        &config,
        &env,
        &["config", "--lang", "en", "--as", "Hoa", "--role", "chair"],
    );
    assert_eq!(setting(&out, "name"), "Hoa (from command line)");
    assert_eq!(setting(&out, "role"), "chair (from command line)");
}

#[test]
fn the_language_comes_from_the_flag_the_environment_the_file_or_the_locale() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_file(&dir, CONFIG);
    // The file says Vietnamese.
    let (_, out, _) = gavel(&config, &[], &["config"]);
    assert!(out.starts_with("tệp cấu hình:"), "{out}");
    assert!(out.contains("(theo tệp cấu hình)"), "{out}");
    // GAVEL_LANG beats it; --lang beats GAVEL_LANG.
    let (_, out, _) = gavel(&config, &[("GAVEL_LANG", "en")], &["config"]);
    assert!(out.starts_with("config file:"), "{out}");
    let (_, out, _) = gavel(
        &config,
        &[("GAVEL_LANG", "en")],
        &["config", "--lang", "vi"],
    );
    assert!(out.starts_with("tệp cấu hình:"), "{out}");
    // With no word from anyone, the locale decides.
    let empty = Path::new("/dev/null");
    let (_, out, _) = gavel(empty, &[("LANG", "vi_VN.UTF-8")], &["config"]);
    assert!(
        out.contains("vi ") && out.contains("(theo ngôn ngữ hệ thống)"),
        "{out}"
    );
    let (_, out, _) = gavel(empty, &[], &["config"]);
    assert!(out.starts_with("config file: /dev/null"), "{out}");
    // LANGUAGE comes before the locale, as gettext reads it...
    let (_, out, _) = gavel(
        empty,
        &[("LANGUAGE", "fr:vi"), ("LANG", "en_US.UTF-8")],
        &["config"],
    );
    assert!(out.contains("(theo ngôn ngữ hệ thống)"), "{out}");
    // ... but not when the locale is C.
    let (_, out, _) = gavel(
        empty,
        &[("LANGUAGE", "vi"), ("LANG", "C.UTF-8")],
        &["config"],
    );
    assert!(out.starts_with("config file:"), "{out}");
    // The early messages (--help) agree.
    let (_, out, _) = gavel(
        empty,
        &[("LANGUAGE", "vi"), ("LC_MESSAGES", "en_GB.UTF-8")],
        &["--help"],
    );
    assert!(out.contains("Cách dùng:"), "{out}");
}

#[test]
fn config_flag_names_the_file_and_outranks_gavel_config() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_file(&dir, CONFIG);
    let path = config.to_str().unwrap();
    // GAVEL_CONFIG names an empty file; --config the real one.
    let (code, out, err) = gavel(Path::new("/dev/null"), &[], &["config", "--config", path]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with(&format!("tệp cấu hình: {path}")), "{out}");
    let (_, out, _) = gavel(
        Path::new("/dev/null"),
        &[],
        &[&format!("--config={path}"), "config"],
    );
    assert!(out.starts_with(&format!("tệp cấu hình: {path}")), "{out}");
    // A --config that names nothing is an error, not the defaults.
    let missing = dir.path().join("missing.toml");
    let (code, _, err) = gavel(
        Path::new("/dev/null"),
        &[],
        &["config", "--config", missing.to_str().unwrap()],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("missing.toml"), "{err}");
}

#[test]
fn new_meetings_take_their_defaults_from_the_file_unless_a_flag_says_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_file(&dir, CONFIG);
    let from_file = dir.path().join("a.gavel");
    let (code, _, err) = gavel(
        &config,
        &[],
        &["new", from_file.to_str().unwrap(), "--title", "A"],
    );
    assert_eq!(code, Some(0), "{err}");
    let details = read_details(&from_file);
    assert_eq!(details.reply_working_days, 12);
    assert_eq!(details.speaking_seconds, 240);
    assert_eq!(details.holidays.len(), 2);

    let from_flags = dir.path().join("b.gavel");
    let (code, _, err) = gavel(
        &config,
        &[],
        &[
            "new",
            from_flags.to_str().unwrap(),
            "--title",
            "B",
            "--reply-days",
            "5",
            "--speaking-minutes",
            "2",
            "--holiday",
            "30/04/2026",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    let details = read_details(&from_flags);
    assert_eq!(details.reply_working_days, 5);
    assert_eq!(details.speaking_seconds, 120);
    assert_eq!(details.holidays.len(), 1);
}

fn read_details(path: &Path) -> gavel::domain::MeetingDetails {
    Store::open(path, options("reader", Role::Observer))
        .unwrap()
        .record()
        .meeting
        .details
        .clone()
}

#[test]
fn no_color_is_honoured_and_an_explicit_flag_beats_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_file(&dir, "");
    let (_, out, _) = gavel(&config, &[("NO_COLOR", "1")], &["config", "--lang", "en"]);
    assert_eq!(setting(&out, "color"), "off (from $NO_COLOR)");
    let (_, out, _) = gavel(
        &config,
        &[("NO_COLOR", "1")],
        &["config", "--lang", "en", "--color", "always"],
    );
    assert_eq!(setting(&out, "color"), "on (from command line)");
    // An empty NO_COLOR does not count (no-color.org).
    let (_, out, _) = gavel(&config, &[("NO_COLOR", "")], &["config", "--lang", "en"]);
    assert_eq!(setting(&out, "color"), "on (from default)");
}

/// The foreground colours (indices of the 16-colour palette) set in a
/// styled capture: `30`–`37`, `90`–`97` and `38;5;N` (tmux writes the
/// latter).
fn colours_in(styled: &str) -> Vec<u32> {
    let mut found = Vec::new();
    for sequence in styled.split("\x1b[").skip(1) {
        let Some(end) = sequence.find('m') else {
            continue;
        };
        let codes: Vec<u32> = sequence[..end]
            .split(';')
            .filter_map(|c| c.parse().ok())
            .collect();
        let mut i = 0;
        while i < codes.len() {
            match codes[i] {
                n @ 30..=37 => found.push(n - 30),
                n @ 90..=97 => found.push(n - 90 + 8),
                38 if codes.get(i + 1) == Some(&5) => {
                    found.extend(codes.get(i + 2));
                    i += 2;
                }
                48 => i += 2, // a background colour: skip its arguments
                _ => {}
            }
            i += 1;
        }
    }
    found
}

#[test]
fn the_screen_has_no_colour_under_no_color_and_the_files_colours_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let config = config_file(&dir, "[colors]\naccent = \"magenta\"\n");
    let tmux = Tmux::new("nocolor");
    let open = |session: &str, env: &str| {
        tmux.start(
            session,
            120,
            36,
            &format!(
                "TERM=xterm-256color GAVEL_CONFIG={} {env} {} open {} --as Minh --lang en",
                config.display(),
                gavel_bin(),
                path.display()
            ),
        );
        tmux.wait_for(session, Duration::from_secs(15), |s| s.contains("Issues"));
        // Let the first full frame land.
        std::thread::sleep(Duration::from_millis(300));
        tmux.screen_with_styles(session)
    };
    let plain = open("plain", "NO_COLOR=1");
    assert!(plain.contains("Issues"));
    assert_eq!(
        colours_in(&plain),
        Vec::<u32>::new(),
        "colour under NO_COLOR"
    );

    let coloured = open("coloured", "");
    let colours = colours_in(&coloured);
    // The focused pane's border is the accent colour: magenta (5), not
    // the default cyan (6).
    assert!(colours.contains(&5), "no magenta in {colours:?}");
    assert!(!colours.contains(&6), "cyan was replaced: {colours:?}");
}

#[test]
fn a_bad_config_file_is_a_usage_error_naming_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_file(&dir, "name = \"Lan\"\nrole = \"king\"\n");
    let meeting = meeting_path(&dir);
    let (code, _, err) = gavel(
        &config,
        &[],
        &["new", meeting.to_str().unwrap(), "--title", "A"],
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("config.toml: line 2"), "{err}");
    assert!(!meeting.exists(), "nothing is done with a broken config");

    let typo = config_file(&dir, "reply_dayz = 3\n");
    let (code, _, err) = gavel(&typo, &[], &["config"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("line 1") && err.contains("reply_dayz"),
        "{err}"
    );

    // A GAVEL_CONFIG that names no file is an error, not silence.
    let (code, _, err) = gavel(&dir.path().join("none.toml"), &[], &["config"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("none.toml"), "{err}");

    // Help, completions and the manual still work, to help fix it.
    assert_eq!(gavel(&config, &[], &["completions", "bash"]).0, Some(0));
    assert_eq!(gavel(&config, &[], &["man"]).0, Some(0));
    assert_eq!(gavel(&config, &[], &["--help"]).0, Some(0));
}

#[test]
fn a_bad_environment_variable_is_a_usage_error() {
    let (code, _, err) = gavel(
        Path::new("/dev/null"),
        &[("GAVEL_ROLE", "king")],
        &["config"],
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("GAVEL_ROLE") && err.contains("king"), "{err}");
}

#[test]
fn the_example_config_is_valid() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/config.toml");
    let (code, out, err) = gavel(&example, &[], &["config", "--lang", "en"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(setting(&out, "role"), "secretary (from config file)");
    assert!(
        setting(&out, "colors").starts_with("cyan green yellow lightred"),
        "{out}"
    );
}

#[test]
fn the_config_files_days_and_forwarding_period_reach_a_new_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_file(
        &dir,
        "forward_days = 4\nholidays = [\"2026-03-03\"]\nmake_up_days = [\"07/03/2026\"]\n",
    );
    let (code, out, _) = gavel(&config, &[], &["config", "--lang", "en"]);
    assert_eq!(code, Some(0));
    assert!(setting(&out, "forward_days").contains('4'), "{out}");
    assert!(
        setting(&out, "make_up_days").contains("07/03/2026"),
        "{out}"
    );
    let path = dir.path().join("a.gavel");
    let (code, _, err) = gavel(
        &config,
        &[],
        &["new", path.to_str().unwrap(), "--title", "A"],
    );
    assert_eq!(code, Some(0), "{err}");
    let details = read_details(&path);
    assert_eq!(details.forward_working_days, 4);
    // Monday 2/3/2026, Tuesday 3/3 off: 4, 5, 6 and Saturday 7/3 worked.
    let calendar = gavel::domain::workdays::Calendar::of(&details);
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    assert_eq!(
        calendar.add_working_days(monday, details.forward_working_days),
        chrono::NaiveDate::from_ymd_opt(2026, 3, 7).unwrap()
    );
    // A flag outranks the file.
    let flagged = dir.path().join("b.gavel");
    let (code, _, err) = gavel(
        &config,
        &[],
        &[
            "new",
            flagged.to_str().unwrap(),
            "--title",
            "B",
            "--forward-days",
            "2",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(read_details(&flagged).forward_working_days, 2);
}
