//! Meetings prepared in files, through the real binary: `gavel new --from
//! plan.toml`, `gavel import FILE participants.csv`; the examples in
//! `examples/` work; a bad file names its line and changes nothing.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use gavel::domain::{Attendance, ParticipantRole, Role};
use gavel::store::Store;

fn example(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    finished(gavel_command().args(args))
}

fn read(path: &Path) -> gavel::domain::Record {
    Store::open(path, options("reader", Role::Observer))
        .unwrap()
        .record()
        .clone()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_meeting_made_from_the_example_plan_has_its_details_agenda_and_people() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let (code, out, err) = run(&["new", s(&path), "--from", &example("plan.toml")]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("7 participant(s) added") && out.contains("4 agenda item(s)"),
        "{out}"
    );

    let record = read(&path);
    let details = &record.meeting.details;
    assert!(
        details
            .title
            .starts_with("Hội nghị đối thoại với tổ chức, cá nhân")
    );
    assert_eq!(details.agency, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    assert_eq!(details.speaking_seconds, 180);
    assert_eq!(details.reply_working_days, 20);
    assert_eq!(details.utc_offset_minutes, 7 * 60);
    assert_eq!(details.holidays.len(), 2);
    // 08:00 in Mỹ Tho is 01:00 UTC.
    let start = details.planned_start.expect("the plan's start");
    assert_eq!(start.to_rfc3339(), "2026-06-18T01:00:00+00:00");

    let agenda: Vec<_> = record.agenda.values().collect();
    assert_eq!(agenda.len(), 4);
    assert_eq!(agenda[0].title, "Khai mạc, giới thiệu đại biểu");
    assert_eq!(agenda[0].planned_minutes, 10);
    assert_eq!(agenda[2].planned_minutes, 90);
    assert_eq!(agenda[2].presenter, "Lãnh đạo Sở");

    let hung = record
        .participants
        .values()
        .find(|p| p.name == "Nguyễn Văn Hùng")
        .expect("the chair is on the list");
    assert_eq!(hung.role, ParticipantRole::Leadership);
    // Roles written in Vietnamese in the plan are understood.
    assert!(
        record
            .participants
            .values()
            .any(|p| p.role == ParticipantRole::Citizen)
    );
    assert!(matches!(run(&["check", s(&path)]).0, Some(0)));
}

#[test]
fn flags_override_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let (code, _, err) = run(&[
        "new",
        s(&path),
        "--from",
        &example("plan.toml"),
        "--title",
        "Hội nghị đối thoại (bổ sung)",
        "--reply-days",
        "15",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let details = read(&path).meeting.details;
    assert_eq!(details.title, "Hội nghị đối thoại (bổ sung)");
    assert_eq!(details.reply_working_days, 15);
    assert_eq!(
        details.speaking_seconds, 180,
        "what no flag says stays the plan's"
    );
}

#[test]
fn the_example_spreadsheet_imports_once_and_not_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    assert_eq!(run(&["new", s(&path), "--title", "Đối thoại"]).0, Some(0));

    let (code, out, err) = run(&["import", s(&path), &example("participants.csv")]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with("5 participant(s) added, 0 already there"),
        "{out}"
    );
    let record = read(&path);
    assert_eq!(record.participants.len(), 5);
    // A quoted cell keeps its semicolon; roles and attendance in Vietnamese.
    let ngoc = record
        .participants
        .values()
        .find(|p| p.name == "Trần Thị Bích; Ngọc")
        .expect("the quoted name");
    assert_eq!(ngoc.role, ParticipantRole::Guest);
    let mai = record
        .participants
        .values()
        .find(|p| p.name == "Võ Thị Mai")
        .unwrap();
    assert_eq!(mai.attendance, Attendance::AbsentWithWrittenSubmission);
    assert_eq!(mai.contact, "0275 3822 456");

    let (code, out, _) = run(&["import", s(&path), &example("participants.csv")]);
    assert_eq!(code, Some(0));
    assert!(
        out.starts_with("0 participant(s) added, 5 already there"),
        "{out}"
    );
    assert_eq!(
        read(&path).participants.len(),
        5,
        "the same list twice adds nobody"
    );
}

#[test]
fn a_spreadsheet_with_commas_english_headers_and_no_bom_imports_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    assert_eq!(run(&["new", s(&path), "--title", "Đối thoại"]).0, Some(0));
    let csv = write(
        &dir,
        "people.csv",
        "Name,Organization,Role\n\
         Phạm Văn Đồng,\"Công ty A, chi nhánh Gò Công\",organization-representative\n\
         \n\
         Lê Thị Hoa,,citizen\n"
            .as_bytes(),
    );
    let (code, out, err) = run(&["import", s(&path), s(&csv)]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("2 participant(s) added"), "{out}");
    let record = read(&path);
    let dong = record
        .participants
        .values()
        .find(|p| p.name == "Phạm Văn Đồng")
        .unwrap();
    assert_eq!(dong.organization, "Công ty A, chi nhánh Gò Công");
    assert_eq!(dong.role, ParticipantRole::OrganizationRepresentative);
    // The same person typed without accents is the same person.
    let again = write(
        &dir,
        "again.csv",
        "Name,Organization\nLe Thi Hoa,\n".as_bytes(),
    );
    let (_, out, _) = run(&["import", s(&path), s(&again)]);
    assert!(
        out.starts_with("0 participant(s) added, 1 already there"),
        "{out}"
    );
}

#[test]
fn a_bad_spreadsheet_names_its_line_and_adds_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    assert_eq!(run(&["new", s(&path), "--title", "Đối thoại"]).0, Some(0));
    let before = std::fs::read(&path).unwrap();
    let csv = write(
        &dir,
        "bad.csv",
        "\u{feff}Họ và tên;Vai trò\nAn;công dân\nBình;vua\n".as_bytes(),
    );
    let (code, _, err) = run(&["import", s(&path), s(&csv)]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("bad.csv: line 3") && err.contains("Vai trò"),
        "{err}"
    );
    assert!(err.contains("\"vua\""), "the bad value is quoted: {err}");
    assert!(
        read(&path).participants.is_empty(),
        "not even the good first row"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let no_name = write(&dir, "noname.csv", b"Email,Phone\na@b.vn,1\n");
    let (code, _, err) = run(&["import", s(&path), s(&no_name)]);
    assert_eq!(code, Some(1));
    assert!(err.contains("line 1") && err.contains("name"), "{err}");
}

#[test]
fn a_bad_plan_names_its_line_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let plan = write(
        &dir,
        "plan.toml",
        "[meeting]\ntitle = \"Đối thoại\"\n\n[[agenda]]\ntitle = \"Khai mạc\"\nminutes = \"mười\"\n"
            .as_bytes(),
    );
    let (code, _, err) = run(&["new", s(&path), "--from", s(&plan)]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("plan.toml: line 6") && err.contains("agenda[0].minutes"),
        "{err}"
    );
    assert!(!path.exists(), "no half-made meeting is left behind");

    // A typo in a field name is refused, not ignored.
    let typo = write(
        &dir,
        "typo.toml",
        "[meeting]\ntitle = \"X\"\nreply_dayz = 3\n".as_bytes(),
    );
    let (code, _, err) = run(&["new", s(&path), "--from", s(&typo)]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("line 3") && err.contains("reply_dayz"),
        "{err}"
    );
    assert!(!path.exists());

    // Broken TOML.
    let broken = write(&dir, "broken.toml", "[meeting\ntitle = 1\n".as_bytes());
    let (code, _, err) = run(&["new", s(&path), "--from", s(&broken)]);
    assert_eq!(code, Some(1));
    assert!(err.contains("broken.toml: line 1"), "{err}");
    assert!(!path.exists());
}

#[test]
fn a_plan_error_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let plan = write(
        &dir,
        "plan.toml",
        "[meeting]\ntitle = \"Đối thoại\"\n\n[[participants]]\nname = \"An\"\nrole = \"vua\"\n"
            .as_bytes(),
    );
    let (code, _, err) = run(&["--lang", "vi", "new", s(&path), "--from", s(&plan)]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("dòng 6") && err.contains("không hợp lệ"),
        "{err}"
    );
    assert!(!err.contains("line 6"), "{err}");
}

#[test]
fn importing_an_unknown_kind_of_file_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    assert_eq!(run(&["new", s(&path), "--title", "Đối thoại"]).0, Some(0));
    let odd = write(&dir, "people.xlsx", b"PK\x03\x04");
    let (code, _, err) = run(&["import", s(&path), s(&odd)]);
    assert_eq!(code, Some(2));
    assert!(err.contains(".csv") && err.contains(".toml"), "{err}");
    let (code, _, err) = run(&[
        "import",
        s(&path),
        &dir.path().join("missing.csv").display().to_string(),
    ]);
    assert_eq!(code, Some(1));
    assert!(err.contains("missing.csv"), "{err}");
}
