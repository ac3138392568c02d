//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod tmux;

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

use chrono::{DateTime, TimeZone, Utc};
use gavel::domain::*;
use gavel::store::{Durability, OpenOptions, Sharing, Store};

pub fn gavel_bin() -> &'static str {
    env!("CARGO_BIN_EXE_gavel")
}

/// The settings a test must not inherit from the person running it: no
/// config file (an empty one), no GAVEL_* variables, an English locale.
pub const HERMETIC_ENV: [(&str, Option<&str>); 6] = [
    ("GAVEL_CONFIG", Some("/dev/null")),
    ("GAVEL_LANG", None),
    ("GAVEL_AS", None),
    ("GAVEL_ROLE", None),
    ("LC_ALL", None),
    ("LANG", Some("C.UTF-8")),
];

/// Runs `command` to its end: exit code, standard output, standard error.
pub fn finished(command: &mut std::process::Command) -> (Option<i32>, String, String) {
    let output = command.output().expect("run gavel");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Gives `command` the hermetic environment.
pub fn hermetic(command: &mut std::process::Command) -> &mut std::process::Command {
    for (name, value) in HERMETIC_ENV {
        match value {
            Some(value) => command.env(name, value),
            None => command.env_remove(name),
        };
    }
    command
}

/// The gavel binary as a process, untouched by the caller's config.
pub fn gavel_command() -> std::process::Command {
    let mut command = std::process::Command::new(gavel_bin());
    hermetic(&mut command);
    command
}

/// A fixed instant: 08:00 in Vietnam on 5 February 2026.
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 2, 5, 1, 0, 0).unwrap()
}

pub fn details(title: &str) -> MeetingDetails {
    MeetingDetails {
        title: title.to_string(),
        agency: "Sở Khoa học và Công nghệ".to_string(),
        planned_start: Some(t0()),
        ..MeetingDetails::default()
    }
}

pub fn options(actor: &str, role: Role) -> OpenOptions {
    OpenOptions::new(actor, role)
}

pub fn fast_options(actor: &str, role: Role) -> OpenOptions {
    let mut o = OpenOptions::new(actor, role);
    o.durability = Durability::Normal;
    o
}

pub fn new_meeting(path: &Path) -> Store {
    Store::create(
        path,
        options("chair", Role::Chair),
        details("Hội nghị đối thoại"),
        Sharing::Private,
    )
    .expect("create meeting")
}

pub fn meeting_path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("meeting.gavel")
}

/// The demo meeting, written to `dir`'s meeting file by `chair`.
pub fn write_demo(dir: &tempfile::TempDir, chair: &str) -> PathBuf {
    let path = meeting_path(dir);
    drop(gavel::demo::create_demo(&path, options(chair, Role::Chair), demo_now()).unwrap());
    path
}

/// The console on `path` as a shell command for a terminal (tmux), in
/// Vietnamese.
pub fn console_command(path: &Path, role: &str, name: &str) -> String {
    format!(
        "{} open {} --as {name} --role {role} --lang vi",
        gavel_bin(),
        path.display()
    )
}

/// What `actor` had typed in the `text` field of a form, as the meeting
/// file keeps it.
pub fn text_draft(path: &Path, actor: &str, role: Role) -> gavel::store::Draft {
    Store::open(path, options(actor, role))
        .unwrap()
        .drafts()
        .unwrap()
        .into_iter()
        .find(|d| d.field == "text")
        .expect("a draft of the text in the file")
}

/// Runs one `#[ignore]`d test of the current test binary as a child process:
/// the way these tests get real, separate processes on one file.
pub fn spawn_self(test_name: &str, envs: &[(&str, String)]) -> Child {
    let exe = std::env::current_exe().expect("current test binary");
    let mut command = std::process::Command::new(exe);
    command
        .args([
            "--ignored",
            "--exact",
            test_name,
            "--nocapture",
            "--test-threads=1",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in envs {
        command.env(key, value);
    }
    command.spawn().expect("spawn child test process")
}

pub fn issue(text: &str) -> Command {
    Command::LogIssue(IssueFields {
        raised_by: None,
        source: IssueSource::Floor,
        category: IssueCategory::Question,
        field: String::new(),
        procedure: String::new(),
        text: text.to_string(),
    })
}

pub fn participant(name: &str) -> Command {
    Command::AddParticipant(ParticipantFields {
        name: name.to_string(),
        organization: String::new(),
        role: ParticipantRole::Citizen,
        contact: String::new(),
        attendance: Attendance::Present,
    })
}

pub fn agenda(title: &str, minutes: u32) -> Command {
    Command::AddAgendaItem(AgendaFields {
        title: title.to_string(),
        planned_minutes: minutes,
        presenter: String::new(),
        position: None,
    })
}

/// A replay of the whole journal of the file behind `store`.
pub fn replay(store: &Store) -> Record {
    let mut record = Record::default();
    for entry in store.entries_after(0).expect("read journal") {
        record.apply(entry.seq, &entry.event);
    }
    record
}

/// 09:20 in Vietnam on 5 February 2026: the moment the demo is caught at.
pub fn demo_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 2, 5, 2, 20, 0).unwrap()
}

/// The demo meeting in a console, as `actor` in `role`.
pub fn demo_app(
    dir: &tempfile::TempDir,
    lang: gavel::i18n::Lang,
    actor: &str,
    role: Role,
) -> gavel::app::App {
    let path = meeting_path(dir);
    if !path.exists() {
        drop(
            gavel::demo::create_demo(&path, fast_options("chair", Role::Chair), demo_now())
                .unwrap(),
        );
    }
    let store = Store::open(&path, fast_options(actor, role)).unwrap();
    let mut app = gavel::app::App::new(store, lang, demo_now());
    app.resize(160, 48);
    app
}

/// Draws the console on a test terminal of the given size.
pub fn render(
    app: &gavel::app::App,
    width: u16,
    height: u16,
) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| gavel::ui::draw(frame, app)).unwrap();
    terminal
}

/// The screen as text, one line per row.
pub fn screen_text(app: &gavel::app::App, width: u16, height: u16) -> String {
    let terminal = render(app, width, height);
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Types a key script into the console, the way helix's tests do:
/// plain characters, and `<esc>`, `<tab>`, `<s-tab>`, `<enter>`, `<bs>`,
/// `<del>`, `<up>`, `<down>`, `<left>`, `<right>`, `<c-x>` for Ctrl-x.
/// Drafts are flushed after the script, as the event loop does.
pub fn keys(app: &mut gavel::app::App, script: &str) {
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut rest = script;
    while let Some(c) = rest.chars().next() {
        let (code, modifiers, len) = if c == '<'
            && let Some(end) = rest.find('>')
        {
            let name = &rest[1..end];
            let (code, modifiers) = match name {
                "esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "s-tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                "enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "bs" => (KeyCode::Backspace, KeyModifiers::NONE),
                "del" => (KeyCode::Delete, KeyModifiers::NONE),
                "up" => (KeyCode::Up, KeyModifiers::NONE),
                "down" => (KeyCode::Down, KeyModifiers::NONE),
                "left" => (KeyCode::Left, KeyModifiers::NONE),
                "right" => (KeyCode::Right, KeyModifiers::NONE),
                "lt" => (KeyCode::Char('<'), KeyModifiers::NONE),
                ctrl if ctrl.starts_with("c-") => (
                    KeyCode::Char(ctrl.chars().nth(2).unwrap()),
                    KeyModifiers::CONTROL,
                ),
                other => panic!("unknown key <{other}>"),
            };
            (code, modifiers, end + 1)
        } else {
            (KeyCode::Char(c), KeyModifiers::NONE, c.len_utf8())
        };
        app.handle_event(Event::Key(KeyEvent::new(code, modifiers)));
        rest = &rest[len..];
    }
    app.flush();
}
