//! `gavel doctor [FILE]`: what gavel runs with (versions, the config file,
//! the language, the terminal, colours) and, for a meeting file, whether a
//! second account in its group can open it to write. Each line is ok, or
//! says what is wrong and the command that fixes it; the exit status is 1
//! when anything needs fixing. It changes nothing: the meeting is opened
//! read-only, and as an immutable snapshot when SQLite's companions are
//! not there (a read-only connection would create them).

mod sharing;
mod system;
mod words;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rusqlite::{Connection, OpenFlags};
use serde_json::json;

use crate::cli::{DoctorArgs, ReportFormat};
use crate::config::{self, ConfigError, ConfigFile, Flags, Source};
use crate::i18n::{Lang, fill};
use crate::store::StoreError;
use sharing::{Finding, Status, Which, quote};
use words::Words;

/// The config file as `main` found it: read, or the error, and whether
/// `--config` named it.
pub struct ConfigState<'a> {
    pub loaded: Result<&'a ConfigFile, &'a ConfigError>,
    pub flag: Option<&'a Path>,
}

/// One line of the report.
struct Out {
    id: &'static str,
    label: &'static str,
    status: Status,
    detail: String,
    fixes: Vec<String>,
}

impl Out {
    fn new(id: &'static str, label: &'static str, status: Status, detail: String) -> Out {
        Out {
            id,
            label,
            status,
            detail,
            fixes: Vec::new(),
        }
    }

    fn fix(mut self, commands: Vec<String>) -> Out {
        self.fixes = commands;
        self
    }
}

pub fn doctor(args: &DoctorArgs, config: &ConfigState, lang: Lang) -> ExitCode {
    let w = Words::of(lang);
    let env = config::process_env;
    let mut lines = environment(config, &env, lang, w);
    if let Some(file) = &args.file {
        lines.extend(meeting(file, args.group.as_deref(), w));
    }
    let code = u8::from(lines.iter().any(|line| line.status == Status::Fix));
    match args.format {
        ReportFormat::Text => print_text(&lines, w),
        ReportFormat::Json => println!("{}", report_json(&lines, args.file.as_deref(), code)),
    }
    ExitCode::from(code)
}

/// The lines about gavel and where it runs.
fn environment(
    config: &ConfigState,
    env: &dyn Fn(&str) -> Option<String>,
    lang: Lang,
    w: &Words,
) -> Vec<Out> {
    let mut lines = vec![
        Out::new(
            "gavel",
            "gavel",
            Status::Ok,
            env!("CARGO_PKG_VERSION").into(),
        ),
        Out::new("sqlite", "SQLite", Status::Ok, rusqlite::version().into()),
        config_line(config, env, w),
    ];
    let empty = ConfigFile::default();
    let file = config.loaded.unwrap_or(&empty);
    let settings = match config::resolve(file, env, &Flags::default()) {
        Ok(settings) => Some(settings),
        Err(error) => {
            let fixes = match &error {
                ConfigError::Env { var, .. } => vec![format!("unset {var}")],
                _ => Vec::new(),
            };
            lines.push(
                Out::new("settings", w.settings, Status::Fix, error.localized(lang)).fix(fixes),
            );
            None
        }
    };
    lines.push(language_line(lang, settings.as_ref(), env, w));
    lines.push(term_line(env, w));
    lines.push(colour_line(settings.as_ref(), env, lang, w));
    let (status, detail) = if std::io::stdout().is_terminal() {
        (Status::Ok, w.stdout_terminal)
    } else {
        (Status::Ok, w.stdout_not_terminal)
    };
    lines.push(Out::new("stdout", w.stdout, status, detail.into()));
    lines
}

fn config_line(config: &ConfigState, env: &dyn Fn(&str) -> Option<String>, w: &Words) -> Out {
    let named_by_env = env("GAVEL_CONFIG").is_some_and(|p| !p.is_empty());
    let path = match config.flag {
        Some(path) => Some(path.to_path_buf()),
        None => config::config_path(env),
    };
    let origin = if config.flag.is_some() {
        w.config_from_flag
    } else if named_by_env {
        w.config_from_env
    } else {
        w.config_usual_place
    };
    let Some(path) = path else {
        return Out::new("config", w.config, Status::Ok, w.config_nowhere.into());
    };
    let shown = path.display();
    match config.loaded {
        Ok(_) if path.is_file() => Out::new(
            "config",
            w.config,
            Status::Ok,
            format!("{shown} ({origin}): {}", w.config_read),
        ),
        Ok(_) => Out::new(
            "config",
            w.config,
            Status::Ok,
            format!("{shown} ({origin}): {}", w.config_none),
        ),
        Err(error) => {
            let fixes = match error {
                ConfigError::File { .. } => {
                    vec![format!("${{EDITOR:-nano}} {}", quote(&shown.to_string()))]
                }
                _ if named_by_env && config.flag.is_none() => vec!["unset GAVEL_CONFIG".into()],
                _ => Vec::new(),
            };
            let lang = w.lang;
            Out::new(
                "config",
                w.config,
                Status::Fix,
                format!("{shown} ({origin}): {}", error.localized(lang)),
            )
            .fix(fixes)
        }
    }
}

fn language_line(
    lang: Lang,
    settings: Option<&config::Settings>,
    env: &dyn Fn(&str) -> Option<String>,
    w: &Words,
) -> Out {
    let name = match lang {
        Lang::En => w.english,
        Lang::Vi => w.vietnamese,
    };
    // The language of this report may come from --lang; the settings say
    // where the language of everything else comes from.
    let from = match settings.map(|s| s.lang.source) {
        Some(Source::Locale) => match crate::i18n::locale_choice(env) {
            Some((_, var, value)) => format!("{var}={value}"),
            None => Source::Locale.text(lang),
        },
        Some(Source::Env(var)) => format!("{var}={}", env(var).unwrap_or_default()),
        Some(source) => source.text(lang),
        None => Source::Default.text(lang),
    };
    let detail = match settings.map(|s| s.lang.value) {
        Some(setting) if setting != lang => {
            let other = match setting {
                Lang::En => w.english,
                Lang::Vi => w.vietnamese,
            };
            fill(w.language_flag, &[name, other, &from])
        }
        _ => format!("{name} ({}: {from})", w.from),
    };
    Out::new("language", w.language, Status::Ok, detail)
}

fn term_line(env: &dyn Fn(&str) -> Option<String>, w: &Words) -> Out {
    match env("TERM").filter(|t| !t.is_empty() && t != "dumb") {
        Some(term) => Out::new("term", w.term, Status::Ok, format!("TERM={term}")),
        None => Out::new(
            "term",
            w.term,
            Status::Note,
            fill(w.term_missing, &[&env("TERM").unwrap_or_default()]),
        )
        .fix(vec!["export TERM=xterm-256color".into()]),
    }
}

fn colour_line(
    settings: Option<&config::Settings>,
    env: &dyn Fn(&str) -> Option<String>,
    lang: Lang,
    w: &Words,
) -> Out {
    let mut detail = match settings {
        Some(settings) => {
            let on = if settings.color.value { w.on } else { w.off };
            let from = match settings.color.source {
                Source::Env(var) => format!("{var}={}", env(var).unwrap_or_default()),
                source => source.text(lang),
            };
            format!("{on} ({}: {from})", w.from)
        }
        None => w.unknown.to_string(),
    };
    match env("COLORTERM").filter(|v| !v.is_empty()) {
        Some(value) => detail.push_str(&format!("; COLORTERM={value}")),
        None => detail.push_str(&format!("; {}", w.no_colorterm)),
    }
    Out::new("colour", w.colours, Status::Ok, detail)
}

/// The lines about a meeting file and whether it can be shared.
fn meeting(file: &Path, asked_group: Option<&str>, w: &Words) -> Vec<Out> {
    let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let folder_path = absolute
        .parent()
        .map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
    // The folder's real path, so that the folders above are the real ones.
    let folder_path = std::fs::canonicalize(&folder_path).unwrap_or(folder_path);
    let shown = quote(&absolute.to_string_lossy());
    let mut lines = Vec::new();
    let folder = match system::node(&folder_path) {
        Ok(folder) if !std::fs::metadata(&folder_path).is_ok_and(|m| m.is_dir()) => {
            let detail = fill(w.not_a_folder, &[&folder.path.to_string_lossy()]);
            lines.push(Out::new("meeting", w.meeting, Status::Fix, detail));
            return lines;
        }
        Ok(folder) => folder,
        Err(error) => {
            let (detail, fixes) = if error.kind() == std::io::ErrorKind::NotFound {
                let command = format!(
                    "sudo install -d -m 2770 -g {} {}",
                    w.group_placeholder,
                    quote(&folder_path.to_string_lossy())
                );
                (
                    fill(w.folder_missing, &[&folder_path.to_string_lossy()]),
                    vec![command],
                )
            } else {
                let said = crate::i18n::io_error(w.lang, &error);
                (
                    fill(w.unreachable, &[&folder_path.to_string_lossy(), &said]),
                    Vec::new(),
                )
            };
            lines.push(Out::new("folder", w.folder, Status::Fix, detail).fix(fixes));
            return lines;
        }
    };
    let file_node = match system::node(&absolute) {
        // A folder or a device: nothing to share; say only that.
        Ok(_) if !std::fs::metadata(&absolute).is_ok_and(|m| m.is_file()) => {
            let detail = fill(w.not_a_file, &[&shown]);
            lines.push(Out::new("meeting", w.meeting, Status::Fix, detail));
            return lines;
        }
        Ok(node) => {
            let opened = open_read_only(&absolute).map_err(|e| e.localized(w.lang));
            lines.push(match opened {
                Ok(entries) => Out::new(
                    "meeting",
                    w.meeting,
                    Status::Ok,
                    fill(w.meeting_ok, &[&shown, &entries.to_string()]),
                ),
                Err(said) => Out::new(
                    "meeting",
                    w.meeting,
                    Status::Fix,
                    format!("{shown}: {said}"),
                ),
            });
            Some(node)
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            let command = format!("gavel new {shown} --title {} --group", w.title_placeholder);
            lines.push(
                Out::new(
                    "meeting",
                    w.meeting,
                    Status::Fix,
                    fill(w.meeting_missing, &[&shown]),
                )
                .fix(vec![command]),
            );
            None
        }
        Err(error) => {
            let said = crate::i18n::io_error(w.lang, &error);
            lines.push(Out::new(
                "meeting",
                w.meeting,
                Status::Fix,
                fill(w.unreachable, &[&shown, &said]),
            ));
            None
        }
    };
    let companion = |suffix: &str| {
        let mut name = absolute.clone().into_os_string();
        name.push(suffix);
        system::node(Path::new(&name)).ok()
    };
    let asked = match asked_group {
        None => None,
        Some(name) => match system::group_id(name) {
            Some(gid) => Some((gid, name.to_string())),
            None => {
                lines.push(
                    Out::new(
                        "group",
                        w.group,
                        Status::Fix,
                        fill(w.no_such_group, &[name]),
                    )
                    .fix(vec![format!("sudo groupadd {}", quote(name))]),
                );
                return lines;
            }
        },
    };
    let (gid, group) = sharing::meeting_group(&folder, file_node.as_ref(), asked.clone());
    let facts = sharing::Facts {
        group: asked,
        ancestors: system::ancestors(&folder.path),
        folder,
        wal: file_node.as_ref().and_then(|_| companion("-wal")),
        shm: file_node.as_ref().and_then(|_| companion("-shm")),
        file: file_node,
        members: system::group_members(gid),
        umask: system::umask(),
    };
    for line in sharing::verdict(&facts, w.account_placeholder) {
        lines.push(sharing_out(&line, &facts, &group, w));
    }
    lines.push(this_account_line(&facts, &group, w));
    lines
}

/// Opens the meeting without writing a byte nor creating a file: read-only
/// when SQLite's companions are there, else as an immutable snapshot (a
/// read-only connection in WAL mode would create them). The number of
/// journal entries.
fn open_read_only(path: &Path) -> Result<u64, StoreError> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(StoreError::NotSqlite("not a regular file".into()));
    }
    if !crate::store::is_meeting_file(path) {
        let mut head = [0u8; 16];
        let sqlite = std::fs::File::open(path)
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
            .is_ok()
            && &head == b"SQLite format 3\0";
        return Err(if sqlite {
            StoreError::Foreign
        } else {
            StoreError::NotSqlite("not a SQLite database".into())
        });
    }
    let beside = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name).exists()
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = if beside("-wal") && beside("-shm") {
        Connection::open_with_flags(path, flags)?
    } else {
        let uri = format!("file:{}?immutable=1", uri_path(path));
        Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?
    };
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let supported = crate::store::schema::latest_version();
    if version > supported {
        return Err(StoreError::NewerSchema {
            found: version,
            supported,
        });
    }
    if version < 1 {
        return Err(StoreError::SchemaVersion(version));
    }
    let entries: i64 = conn.query_row("SELECT count(*) FROM journal", [], |r| r.get(0))?;
    Ok(u64::try_from(entries).unwrap_or(0))
}

/// A path as a `file:` URI's path: every byte but the unreserved ones and
/// `/` percent-encoded (a space, `?`, `#`, Vietnamese letters).
fn uri_path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str()
        .as_bytes()
        .iter()
        .map(|&byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                char::from(byte).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// A verdict's line in words.
fn sharing_out(line: &sharing::Line, facts: &sharing::Facts, group: &str, w: &Words) -> Out {
    let described = |node: &sharing::Node| {
        fill(
            w.node,
            &[
                &quote(&node.path.to_string_lossy()),
                &node.owner,
                &node.group,
                &format!("{:04o}", node.mode),
            ],
        )
    };
    let (id, label, detail) = match &line.finding {
        Finding::Folder {
            wrong_group,
            no_write,
            no_search,
            no_setgid,
        } => {
            let mut wrong = Vec::new();
            if *wrong_group {
                wrong.push(fill(w.not_in_group, &[group]));
            }
            if *no_write {
                wrong.push(w.folder_no_write.to_string());
            }
            if *no_search {
                wrong.push(w.folder_no_search.to_string());
            }
            if *no_setgid {
                wrong.push(fill(w.folder_no_setgid, &[group]));
            }
            let verdict = if wrong.is_empty() {
                fill(w.folder_ok, &[group])
            } else {
                wrong.join("; ")
            };
            (
                "folder",
                w.folder,
                format!("{}: {verdict}", described(&facts.folder)),
            )
        }
        Finding::File {
            which,
            wrong_group,
            no_read_write,
        } => {
            let node = match which {
                Which::Meeting => facts.file.as_ref(),
                Which::Wal => facts.wal.as_ref(),
                Which::Shm => facts.shm.as_ref(),
            };
            let mut wrong = Vec::new();
            if *wrong_group {
                wrong.push(fill(w.not_in_group, &[group]));
            }
            if *no_read_write {
                wrong.push(w.file_no_read_write.to_string());
            }
            let verdict = if wrong.is_empty() {
                fill(w.file_ok, &[group])
            } else {
                wrong.join("; ")
            };
            let (id, label) = which_label(*which, w);
            let said = node.map(described).unwrap_or_default();
            (id, label, format!("{said}: {verdict}"))
        }
        Finding::Absent(which) => {
            let (id, label) = which_label(*which, w);
            (id, label, w.companion_absent.to_string())
        }
        Finding::Blocked(paths) if paths.is_empty() => ("above", w.above, w.above_ok.to_string()),
        Finding::Blocked(paths) => {
            let list: Vec<String> = paths.iter().map(|p| quote(&p.to_string_lossy())).collect();
            ("above", w.above, fill(w.above_blocked, &[&list.join(", ")]))
        }
        Finding::Members { others } => {
            let detail = match others {
                Some(others) if others.is_empty() => fill(w.group_alone, &[group]),
                Some(others) => fill(w.group_members, &[group, &others.join(", ")]),
                None => fill(w.group_unknown, &[group]),
            };
            ("group", w.group, detail)
        }
        Finding::Umask { value } => {
            let detail = match value {
                None => w.unknown.to_string(),
                Some(mask) if line.status == Status::Ok => {
                    fill(w.umask_ok, &[&format!("{mask:04o}")])
                }
                Some(mask) => fill(w.umask_note, &[&format!("{mask:04o}")]),
            };
            ("umask", w.umask, detail)
        }
    };
    Out {
        id,
        label,
        status: line.status,
        detail,
        fixes: line.fixes.clone(),
    }
}

fn which_label(which: Which, w: &Words) -> (&'static str, &'static str) {
    match which {
        Which::Meeting => ("file", w.file),
        Which::Wal => ("wal", "-wal"),
        Which::Shm => ("shm", "-shm"),
    }
}

/// Whether the account running `gavel doctor` may open the meeting to
/// write (the secretary running it learns whether her login works).
fn this_account_line(facts: &sharing::Facts, group: &str, w: &Words) -> Out {
    let me = system::this_account();
    let folder_ok = system::may(&facts.folder.path, libc::W_OK | libc::X_OK);
    let file_ok = facts
        .file
        .as_ref()
        .is_none_or(|file| system::may(&file.path, libc::R_OK | libc::W_OK));
    let companions_ok = [&facts.wal, &facts.shm]
        .into_iter()
        .flatten()
        .all(|node| system::may(&node.path, libc::R_OK | libc::W_OK));
    if folder_ok && file_ok && companions_ok {
        return Out::new("account", w.account, Status::Ok, fill(w.account_ok, &[&me]));
    }
    Out::new(
        "account",
        w.account,
        Status::Fix,
        fill(w.account_cannot, &[&me, group]),
    )
    .fix(vec![format!(
        "sudo usermod -aG {} {}",
        quote(group),
        quote(&me)
    )])
}

fn print_text(lines: &[Out], w: &Words) {
    let status_width = [w.ok, w.note, w.fix]
        .iter()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0);
    let label_width = lines
        .iter()
        .map(|l| l.label.chars().count())
        .max()
        .unwrap_or(0);
    for line in lines {
        let status = match line.status {
            Status::Ok => w.ok,
            Status::Note => w.note,
            Status::Fix => w.fix,
        };
        println!(
            "{status}{} {}{} {}",
            " ".repeat(status_width - status.chars().count()),
            line.label,
            " ".repeat(label_width - line.label.chars().count()),
            crate::domain::text::sanitize_for_screen(&line.detail)
        );
        for command in &line.fixes {
            println!(
                "{} {} {}",
                " ".repeat(status_width + label_width + 1),
                w.run,
                crate::domain::text::sanitize_for_screen(command)
            );
        }
    }
}

/// The report as one JSON document (`docs/scripting.md`).
fn report_json(lines: &[Out], file: Option<&Path>, code: u8) -> String {
    let checks: Vec<serde_json::Value> = lines
        .iter()
        .map(|line| {
            json!({
                "id": line.id,
                "status": match line.status {
                    Status::Ok => "ok",
                    Status::Note => "note",
                    Status::Fix => "fix",
                },
                "label": line.label,
                "detail": line.detail,
                "fix": line.fixes,
            })
        })
        .collect();
    let document = json!({
        "format": "gavel-doctor",
        "version": 1,
        "file": file.map(|f| f.to_string_lossy()),
        "ok": code == 0,
        "exit_status": code,
        "checks": checks,
    });
    crate::store::json_text::escape(&document.to_string()).into_owned()
}
