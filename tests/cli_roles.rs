//! The command line's write commands take `--as` and `--role` like the
//! console, and the same role table applies: approving the minutes is the
//! chair's; the secretary closes follow-up; what each records says who.

mod common;

use common::*;
use gavel::domain::{Command, MinutesState, Role};
use gavel::store::Store;

fn last_entry(path: &std::path::Path) -> gavel::store::JournalEntry {
    let store = Store::open(path, options("x", Role::Observer)).unwrap();
    let last = store.record().last_seq;
    store.entries_after(last - 1).unwrap().pop().unwrap()
}

#[test]
fn the_secretary_may_not_approve_the_minutes_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let before = std::fs::read(&path).unwrap();
    let (code, _, err) = finished(gavel_command().args(["approve"]).arg(&path).args([
        "--as",
        "Lan",
        "--role",
        "secretary",
    ]));
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("secretary may not"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // The role set in the environment counts too.
    let (code, _, err) = finished(
        gavel_command()
            .args(["approve"])
            .arg(&path)
            .args(["--as", "Lan"])
            .env("GAVEL_ROLE", "secretary"),
    );
    assert_eq!(code, Some(1), "{err}");
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    assert_eq!(store.record().meeting.minutes, MinutesState::Draft);
    drop(store);
    // The chair approves, and the journal says so.
    let (code, _, err) = finished(
        gavel_command()
            .arg("approve")
            .arg(&path)
            .args(["--as", "Minh"]),
    );
    assert_eq!(code, Some(0), "{err}");
    let entry = last_entry(&path);
    assert_eq!((entry.actor.as_str(), entry.role), ("Minh", Role::Chair));
}

#[test]
fn follow_up_is_recorded_with_the_role_of_who_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    let number = store
        .record()
        .issues
        .values()
        .find(|i| i.disposition == gavel::domain::Disposition::WrittenReplyRequired)
        .unwrap()
        .number;
    drop(store);
    let (code, _, err) = finished(
        gavel_command()
            .arg("followup")
            .arg(&path)
            .args(["--close-issue", &number.to_string(), "--ref", "45/SKHCN"])
            .args(["--as", "Lan", "--role", "secretary"]),
    );
    assert_eq!(code, Some(0), "{err}");
    let entry = last_entry(&path);
    assert_eq!((entry.actor.as_str(), entry.role), ("Lan", Role::Secretary));
}

#[test]
fn a_plan_with_an_agenda_is_the_chairs_to_import() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let plan = dir.path().join("plan.toml");
    std::fs::write(
        &plan,
        "[[agenda]]\ntitle = \"Mục mới của thư ký\"\nminutes = 10\n",
    )
    .unwrap();
    let before = std::fs::read(&path).unwrap();
    let (code, _, err) = finished(gavel_command().arg("import").arg(&path).arg(&plan).args([
        "--as",
        "Lan",
        "--role",
        "secretary",
    ]));
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("may not"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn approving_says_how_many_invitees_are_not_checked_in_and_still_approves() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let mut store = new_meeting(&path);
    store.execute(participant("Nguyễn Văn An")).unwrap();
    for name in ["Trần Thị Bình", "Lê Văn Cường"] {
        let Command::AddParticipant(mut fields) = participant(name) else {
            unreachable!()
        };
        fields.attendance = gavel::domain::Attendance::Invited;
        store.execute(Command::AddParticipant(fields)).unwrap();
    }
    drop(store);
    let (code, out, err) = finished(
        gavel_command()
            .arg("approve")
            .arg(&path)
            .args(["--as", "Minh", "--lang", "vi"]),
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("đã được thông qua"), "{out}");
    assert!(err.contains("2 đại biểu chưa điểm danh"), "{err}");
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    assert_eq!(store.record().meeting.minutes, MinutesState::Approved);
}

#[test]
fn the_secretary_imports_the_list_and_the_seats_are_left_to_the_chair() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hop.gavel");
    drop(new_meeting(&path));
    let list = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/participants.csv");
    let import = |who: &str, role: &str| {
        finished(
            gavel_command()
                .arg("import")
                .arg(&path)
                .arg(&list)
                .args(["--as", who, "--role", role, "--lang", "vi"]),
        )
    };
    let (code, out, err) = import("Lan", "secretary");
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("người chủ trì và thư ký giữ nguyên: chọn họ là việc của người chủ trì"),
        "{out}"
    );
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    assert_eq!(store.record().participants.len(), 7);
    assert_eq!(store.record().meeting.details.secretary_id, None);
    // The list names the secretary: the chair's import chooses her.
    let (code, out, err) = import("Minh", "chair");
    assert_eq!(code, Some(0), "{err}");
    assert!(!out.contains("giữ nguyên"), "{out}");
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    assert_eq!(store.record().participants.len(), 7, "nobody twice");
    assert_eq!(store.record().meeting.details.secretary, "Trần Thị Lan");
    // A secretary's list that names another secretary is not refused for
    // it (the chair's would be): the seat stays, nobody is added for it.
    let other = dir.path().join("khac.csv");
    std::fs::write(
        &other,
        "Họ và tên;Đơn vị;Vai trò\nPhan Văn Bảy;Sở Nội vụ;thư ký\n",
    )
    .unwrap();
    let (code, out, err) = finished(gavel_command().arg("import").arg(&path).arg(&other).args([
        "--as",
        "Lan",
        "--role",
        "secretary",
        "--lang",
        "vi",
    ]));
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("giữ nguyên"), "{out}");
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    assert_eq!(store.record().participants.len(), 8, "the one on the list");
    assert_eq!(store.record().meeting.details.secretary, "Trần Thị Lan");
}
