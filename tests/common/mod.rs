//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod english;
pub mod golden;
pub mod memory;
pub mod office;
pub mod tmux;
pub mod word;

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
pub const HERMETIC_ENV: [(&str, Option<&str>); 8] = [
    ("GAVEL_CONFIG", Some("/dev/null")),
    ("GAVEL_LANG", None),
    ("GAVEL_AS", None),
    ("GAVEL_ROLE", None),
    ("LC_ALL", None),
    ("LC_MESSAGES", None),
    ("LANGUAGE", None),
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
        letter_number: String::new(),
        letter_date: None,
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
        position: String::new(),
        honorific: None,
        members: 0,
        representatives: String::new(),
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

/// Rewrites the journal as someone with write access to the file could:
/// `edit` changes entries (returning whether it changed one), and every
/// hash from the first changed entry on is recomputed, so the chain holds.
pub fn rewrite_journal(
    path: &Path,
    mut edit: impl FnMut(&mut gavel::store::journal::RawEntry) -> bool,
) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut raws = Vec::new();
    gavel::store::journal::for_each_raw_after(&conn, 0, |raw| {
        raws.push(raw);
        Ok(())
    })
    .unwrap();
    let mut prev = None;
    for raw in &mut raws {
        let changed = edit(raw);
        if prev.is_none() && !changed {
            continue;
        }
        if let Some(prev) = &prev {
            raw.prev_hash = String::clone(prev);
        }
        raw.hash = raw.compute_hash();
        prev = Some(raw.hash.clone());
        conn.execute(
            "UPDATE journal SET at = ?1, payload = ?2, prev_hash = ?3, hash = ?4 WHERE seq = ?5",
            rusqlite::params![raw.at, raw.payload, raw.prev_hash, raw.hash, raw.seq],
        )
        .unwrap();
    }
}

/// Dates entry `seq` an hour before the entry it follows, the chain
/// recomputed: the journal a computer whose clock was behind left, before
/// gavel kept the times of its entries in order.
pub fn date_before_the_previous(path: &Path, seq: u64) {
    let mut previous = None;
    rewrite_journal(path, |raw| {
        let at = gavel::store::projection::parse_ts(&raw.at).unwrap();
        let before = previous.replace(at);
        if raw.seq != seq {
            return false;
        }
        let earlier = before.unwrap() - chrono::TimeDelta::hours(1);
        raw.at = gavel::store::projection::format_ts(&earlier);
        true
    });
}

/// The record of the meeting in `file`, as a reader opens it.
pub fn read_record(file: &Path) -> Record {
    Store::open(file, options("reader", Role::Observer))
        .expect("open the meeting")
        .record()
        .clone()
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

/// A console as the binary runs it, on a test terminal: the program (the
/// console's model, its session on the file, its view) and the runtime's
/// own loop, fed by scripts instead of a keyboard.
pub struct App {
    pub program: gavel::runtime::Program,
    pub terminal: ratatui::Terminal<ratatui::backend::TestBackend>,
    /// The clock the scripts run at.
    pub clock: DateTime<Utc>,
}

impl std::ops::Deref for App {
    type Target = gavel::runtime::Program;
    fn deref(&self) -> &Self::Target {
        &self.program
    }
}

impl std::ops::DerefMut for App {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.program
    }
}

impl App {
    /// The live console on an open store, on a 160×48 terminal.
    pub fn live(store: Store, lang: gavel::i18n::Lang, now: DateTime<Utc>) -> App {
        let view = gavel::ui::View::new(true, Default::default());
        App::on(gavel::runtime::Program::live(store, lang, now, view), now)
    }

    pub fn on(mut program: gavel::runtime::Program, now: DateTime<Utc>) -> App {
        program.resize(160, 48);
        let terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48)).unwrap();
        App {
            program,
            terminal,
            clock: now,
        }
    }

    /// Runs the loop over `source` until it runs out.
    pub fn run(&mut self, mut source: gavel::runtime::Scripted) {
        let stop = std::sync::atomic::AtomicBool::new(false);
        gavel::runtime::run(&mut self.terminal, &mut self.program, &mut source, &stop).unwrap();
    }

    /// One turn of the loop at `now`, without a key: the clock, retries,
    /// heartbeat, others' changes.
    pub fn tick(&mut self, now: DateTime<Utc>) {
        self.clock = now;
        self.run(gavel::runtime::Scripted::new(now));
    }

    /// A terminal event through the loop.
    pub fn event(&mut self, event: ratatui::crossterm::event::Event) {
        let source = gavel::runtime::Scripted::new(self.clock).event(event);
        self.run(source);
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resize(width, height);
        self.event(ratatui::crossterm::event::Event::Resize(width, height));
    }

    /// Gives a command as a key of the console would.
    pub fn execute(&mut self, command: Command) {
        self.program.ask(gavel::app::Effect::Submit {
            command,
            form: None,
        });
    }

    /// Reads the others' changes; true when there were some.
    pub fn refresh(&mut self) -> bool {
        self.program.sync()
    }

    pub fn mode(&self) -> gavel::app::Mode {
        self.program.console.mode()
    }

    pub fn status(&self) -> Option<&gavel::app::Status> {
        self.program.console.status.as_ref()
    }

    pub fn rows(&self, pane: gavel::app::Pane) -> Vec<Id> {
        self.program.console.rows(self.program.record(), pane)
    }

    pub fn selected(&self, pane: gavel::app::Pane) -> Option<Id> {
        self.program.console.selected(self.program.record(), pane)
    }

    pub fn store(&self) -> &Store {
        self.program.session.store()
    }

    pub fn form(&self) -> Option<&gavel::app::Form> {
        self.program.console.form()
    }

    /// The screen as the loop last drew it, one line per row.
    pub fn last_screen(&self) -> String {
        buffer_text(self.terminal.backend().buffer())
    }
}

/// The demo meeting in a console, as `actor` in `role`.
pub fn demo_app(dir: &tempfile::TempDir, lang: gavel::i18n::Lang, actor: &str, role: Role) -> App {
    let path = meeting_path(dir);
    if !path.exists() {
        drop(
            gavel::demo::create_demo(&path, fast_options("chair", Role::Chair), demo_now())
                .unwrap(),
        );
    }
    let store = Store::open(&path, fast_options(actor, role)).unwrap();
    App::live(store, lang, demo_now())
}

/// Draws the console on a new test terminal of the given size.
pub fn render(
    app: &App,
    width: u16,
    height: u16,
) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    render_program(&app.program, width, height)
}

/// The state of `program` drawn whole on a new terminal by a new view.
pub fn render_program(
    program: &gavel::runtime::program::Program,
    width: u16,
    height: u16,
) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    let mut view = gavel::ui::View::new(program.view.color, program.view.palette);
    let session = program.session.view();
    terminal
        .draw(|frame| {
            gavel::ui::draw(
                frame,
                &mut view,
                &program.console,
                &session,
                program.record(),
            )
        })
        .unwrap();
    terminal
}

/// A drawn buffer as text, one line per row.
pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The screen as text, one line per row.
pub fn screen_text(app: &App, width: u16, height: u16) -> String {
    buffer_text(render(app, width, height).backend().buffer())
}

/// Types a key script into the console, the way helix's tests do:
/// plain characters, and `<esc>`, `<tab>`, `<s-tab>`, `<enter>`, `<bs>`,
/// `<del>`, `<up>`, `<down>`, `<left>`, `<right>`, `<c-x>` for Ctrl-x. The
/// keys go through the runtime's own loop, as one burst.
pub fn keys(app: &mut App, script: &str) {
    let source = gavel::runtime::Scripted::new(app.clock).keys(script);
    app.run(source);
}

/// Selects `target` in `pane` with `j` from the pane's first row, as a
/// person would (the digit focuses the pane, `g` goes to the top).
pub fn select_row(app: &mut App, pane: gavel::app::Pane, target: Id) {
    keys(app, &format!("{}g", pane.index() + 1));
    let index = app
        .rows(pane)
        .iter()
        .position(|id| *id == target)
        .expect("the row is listed");
    keys(app, &"j".repeat(index));
}

/// The first issue of the record still open (the demo has some).
pub fn first_open_issue(app: &App) -> Id {
    app.record()
        .issues
        .values()
        .find(|i| i.disposition == Disposition::Open)
        .expect("an open issue")
        .id
}

/// One person of a participants list for the roll-call tests.
pub fn person(
    honorific: Option<Honorific>,
    name: &str,
    position: &str,
    organization: &str,
    role: ParticipantRole,
    contact: &str,
) -> ParticipantFields {
    ParticipantFields {
        honorific,
        position: position.into(),
        contact: contact.into(),
        attendance: Attendance::Invited,
        ..ParticipantFields::named(name, organization, role)
    }
}

/// A meeting under way with ten invitees not checked in yet, every group
/// of the minutes among them, contacts for some, a cooperative that two
/// people represent, and Nguyễn Văn Tư speaking (present by record).
pub fn roll_call_meeting(path: &Path) -> Store {
    use Honorific::{Mr, Ms};
    use ParticipantRole as G;
    let mut store = Store::create(
        path,
        fast_options("chair", Role::Chair),
        details("Hội nghị đối thoại"),
        Sharing::Private,
    )
    .expect("create meeting");
    let mut coop = person(
        None,
        "Hợp tác xã Thanh long Chợ Gạo",
        "",
        "",
        G::OrganizationRepresentative,
        "ấp Bình Phục, Chợ Gạo",
    );
    coop.members = 25;
    coop.representatives = "Ông Lê Văn Tám, Bà Võ Thị Mai".into();
    let people = [
        person(
            Some(Mr),
            "Phạm Thanh Tùng",
            "Phó Giám đốc Sở",
            "",
            G::Leadership,
            "",
        ),
        person(
            Some(Ms),
            "Nguyễn Thị Kim Loan",
            "Trưởng phòng",
            "Phòng Quản lý chuyên ngành",
            G::DivisionHead,
            "",
        ),
        person(
            Some(Mr),
            "Đặng Văn Lộc",
            "Chánh Văn phòng Sở",
            "",
            G::DivisionHead,
            "",
        ),
        person(
            Some(Ms),
            "Trần Thị Ngọc Hân",
            "Chuyên viên",
            "Phòng Kiểm soát thủ tục hành chính",
            G::ProcedureControlOfficer,
            "",
        ),
        person(
            Some(Mr),
            "Trương Văn Khang",
            "Giám đốc",
            "Công ty Cổ phần Thủy sản Gò Công",
            G::OrganizationRepresentative,
            "0903 111 222",
        ),
        coop,
        person(
            Some(Ms),
            "Huỳnh Thị Thanh Tâm",
            "",
            "",
            G::Citizen,
            "45 Lê Lợi, Mỹ Tho",
        ),
        person(
            Some(Mr),
            "Nguyễn Văn Tư",
            "Chủ cơ sở",
            "Cơ sở sản xuất ống nhựa Tư Phát",
            G::Citizen,
            "0909 123 456",
        ),
        person(Some(Mr), "Lý Minh Khôi", "", "", G::Citizen, ""),
        person(
            Some(Ms),
            "Bùi Thị Ngọc Ánh",
            "",
            "Phòng khám Nha khoa Ngọc Ánh",
            G::OrganizationRepresentative,
            "",
        ),
    ];
    let mut at = t0();
    let mut run = |store: &mut Store, command: Command| {
        at += chrono::TimeDelta::seconds(10);
        store.execute_at(command, at).expect("a valid command");
    };
    for fields in people {
        run(&mut store, Command::AddParticipant(fields));
    }
    run(&mut store, Command::StartMeeting);
    run(&mut store, agenda("Đối thoại", 60));
    let item = *store.record().agenda.keys().next().unwrap();
    run(&mut store, Command::StartAgendaItem(item));
    let tu = store
        .record()
        .participant_named("Nguyễn Văn Tư")
        .unwrap()
        .id;
    run(
        &mut store,
        Command::RequestFloor {
            speaker: Speaker::Existing(tu),
            kind: RequestKind::Normal,
            topic: String::new(),
        },
    );
    run(&mut store, Command::NextSpeaker);
    store
}

/// Takes a meeting file back to schema 5's tables: drops every column a
/// later migration added (6: the record's people, notes, conclusion; 7:
/// the forwarding period and make-up days). A new migration's columns go
/// here, and both downgrade tests (fingerprint, schema_upgrade) follow.
pub fn drop_columns_after_schema_5(conn: &rusqlite::Connection) {
    for (table, column) in [
        ("meeting", "chair_id"),
        ("meeting", "secretary_id"),
        ("meeting", "conclusion"),
        ("meeting", "conclusion_rev"),
        ("participants", "position"),
        ("participants", "honorific"),
        ("participants", "members"),
        ("participants", "representatives"),
        ("agenda_items", "notes"),
        ("agenda_items", "notes_rev"),
        ("issues", "letter_number"),
        ("issues", "letter_date"),
        ("issues", "answered_by"),
        ("meeting", "forward_working_days"),
        ("meeting", "make_up_days"),
        ("issues", "forward_due"),
    ] {
        conn.execute_batch(&format!("ALTER TABLE {table} DROP COLUMN {column}"))
            .unwrap();
    }
}

/// Runs `command` with its standard output on a new pseudo terminal, as a
/// person at a terminal runs it, and its standard error captured: the exit
/// code, what reached the terminal, the standard error.
pub fn with_stdout_on_a_terminal(
    command: &mut std::process::Command,
) -> (Option<i32>, Vec<u8>, String) {
    let (code, seen, stderr) = on_a_terminal(command, Stream::Stdout);
    (code, seen, String::from_utf8_lossy(&stderr).into_owned())
}

/// Runs `command` with its standard error on a new pseudo terminal (where
/// progress is drawn) and its standard output captured: the exit code,
/// what reached the terminal, the standard output.
pub fn with_stderr_on_a_terminal(
    command: &mut std::process::Command,
) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    on_a_terminal(command, Stream::Stderr)
}

enum Stream {
    Stdout,
    Stderr,
}

/// `command` with `stream` on a new pseudo terminal and the other stream
/// captured: the exit code, what reached the terminal, the other stream.
fn on_a_terminal(
    command: &mut std::process::Command,
    stream: Stream,
) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    use std::io::Read;
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty writes two descriptors we then own.
    let opened = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(opened, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: fresh descriptors, owned here.
    let (mut master, slave) = unsafe {
        (
            std::fs::File::from_raw_fd(master),
            OwnedFd::from_raw_fd(slave),
        )
    };
    command.stdin(Stdio::null());
    match stream {
        Stream::Stdout => command.stdout(Stdio::from(slave)).stderr(Stdio::piped()),
        Stream::Stderr => command.stderr(Stdio::from(slave)).stdout(Stdio::piped()),
    };
    let output = command.output().expect("run the command");
    // The child is gone; what it wrote waits in the terminal. Read it
    // without waiting for more.
    // SAFETY: fcntl on a descriptor we own.
    unsafe {
        use std::os::fd::AsRawFd;
        let fd = master.as_raw_fd();
        libc::fcntl(
            fd,
            libc::F_SETFL,
            libc::fcntl(fd, libc::F_GETFL) | libc::O_NONBLOCK,
        );
    }
    let mut seen = Vec::new();
    let mut chunk = [0u8; 4096];
    // Ends on "would block" (nothing more) or EIO (the terminal closed).
    while let Ok(n @ 1..) = master.read(&mut chunk) {
        seen.extend_from_slice(&chunk[..n]);
    }
    let other = match stream {
        Stream::Stdout => output.stderr,
        Stream::Stderr => output.stdout,
    };
    (output.status.code(), seen, other)
}
