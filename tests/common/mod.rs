//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};

use chrono::{DateTime, TimeZone, Utc};
use gavel::domain::*;
use gavel::store::{Durability, OpenOptions, Sharing, Store};

pub fn gavel_bin() -> &'static str {
    env!("CARGO_BIN_EXE_gavel")
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
