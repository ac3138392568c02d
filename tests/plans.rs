//! Meetings prepared in files, through the real binary: `gavel new --from
//! plan.toml`, `gavel import FILE participants.csv`; the examples in
//! `examples/` work; a bad file names its line and changes nothing.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use gavel::domain::{
    AnswerFields, Attendance, Command, Disposition, Honorific, Participant, ParticipantRole,
    Record, Role,
};
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

fn named<'r>(record: &'r Record, name: &str) -> &'r Participant {
    record
        .participants
        .values()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} is on the list"))
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
        out.contains("9 participants added") && out.contains("4 agenda items"),
        "{out}"
    );
    assert!(
        out.contains("chair: Nguyễn Văn Hùng; secretary: Trần Thị Lan"),
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

    // The chair and the secretary named in [meeting] are participants.
    let hung = record.chair().expect("the chair is a participant");
    assert_eq!(details.chair_id, Some(hung.id));
    assert_eq!(hung.name, "Nguyễn Văn Hùng");
    assert_eq!(hung.role, ParticipantRole::Leadership);
    assert_eq!(hung.position, "Phó Giám đốc Sở");
    assert_eq!(hung.honorific, Some(Honorific::Mr));
    assert_eq!(hung.attendance, Attendance::Present);
    let lan = record.secretary().expect("the secretary is a participant");
    assert_eq!(details.secretary_id, Some(lan.id));
    assert_eq!(lan.position, "Chuyên viên Văn phòng Sở");
    assert_eq!(lan.honorific, Some(Honorific::Ms));
    assert_eq!(
        lan.role,
        ParticipantRole::DivisionHead,
        "the secretary is listed with the specialised divisions"
    );
    // A citizens' group, its size and who speaks for it.
    let group = named(&record, "Nhóm hộ trồng thanh long xã Tân Mỹ Chánh");
    assert_eq!(group.members, 12);
    assert_eq!(group.representatives, "Ông Trần Văn Út, Bà Lê Thị Hoa");
    assert!(group.contact.contains("Tân Mỹ Chánh"));
    assert_eq!(group.attendance, Attendance::Invited);
    assert_eq!(
        named(&record, "Võ Thị Mai").attendance,
        Attendance::AbsentWithWrittenSubmission
    );
    assert_eq!(
        named(&record, "Lê Hoàng Nam").honorific,
        Some(Honorific::Mr),
        "\"mr\" is Ông"
    );
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
        out.starts_with("7 participants added, 0 already there"),
        "{out}"
    );
    assert!(out.contains("secretary: Trần Thị Lan"), "{out}");
    let record = read(&path);
    assert_eq!(record.participants.len(), 7);
    // A quoted cell keeps its semicolon; groups, attendance and honorifics
    // in Vietnamese.
    let ngoc = named(&record, "Trần Thị Bích; Ngọc");
    assert_eq!(ngoc.role, ParticipantRole::Guest);
    assert_eq!(ngoc.honorific, Some(Honorific::Ms));
    assert_eq!(ngoc.position, "Phó Giám đốc");
    let mai = named(&record, "Võ Thị Mai");
    assert_eq!(mai.attendance, Attendance::AbsentWithWrittenSubmission);
    assert_eq!(mai.contact, "0275 3822 456");
    assert_eq!(
        named(&record, "Phan Thanh Sơn").attendance,
        Attendance::AbsentWithNotice
    );
    assert_eq!(
        named(&record, "Nguyễn Văn Tư").attendance,
        Attendance::Invited
    );
    assert_eq!(
        named(&record, "Lý Minh Khôi").attendance,
        Attendance::Present
    );
    let group = named(&record, "Nhóm hộ trồng thanh long xã Tân Mỹ Chánh");
    assert_eq!(
        (group.members, group.representatives.as_str()),
        (12, "Ông Trần Văn Út, Bà Lê Thị Hoa")
    );
    // "thư ký" makes her the meeting's secretary, with her position.
    let lan = record.secretary().expect("the secretary");
    assert_eq!(record.meeting.details.secretary_id, Some(lan.id));
    assert_eq!(record.meeting.details.secretary, "Trần Thị Lan");
    assert_eq!(lan.position, "Chuyên viên Văn phòng Sở");
    assert_eq!(lan.role, ParticipantRole::DivisionHead);
    assert!(
        record.meeting.details.chair_id.is_none(),
        "nobody is marked chair"
    );

    let (code, out, _) = run(&["import", s(&path), &example("participants.csv")]);
    assert_eq!(code, Some(0));
    assert_eq!(
        out.trim(),
        "0 participants added, 7 already there; 0 agenda items added, 0 already there",
        "the same list twice changes nothing"
    );
    let again = read(&path);
    assert_eq!(again.participants.len(), 7);
    assert_eq!(again.last_seq, record.last_seq, "no journal entry");
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
    assert!(out.starts_with("2 participants added"), "{out}");
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
        out.starts_with("0 participants added, 1 already there"),
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
fn the_toml_readers_english_is_said_in_vietnamese() {
    use gavel::i18n::Lang;
    let refused = |text: &str| {
        gavel::plans::read_plan(Path::new("plan.toml"), text)
            .unwrap_err()
            .localized(Lang::Vi)
    };
    let typo = refused("[meeting]\ntitle = \"X\"\nreply_dayz = 3\n");
    assert!(
        typo.contains("dòng 3")
            && typo.contains("không có trường `reply_dayz`")
            && typo.contains("`reply_days`"),
        "{typo}"
    );
    let number = refused("[[agenda]]\ntitle = \"Khai mạc\"\nminutes = \"mười\"\n");
    assert!(number.contains("cần một số nguyên"), "{number}");
    let missing = refused("[[agenda]]\nminutes = 10\n");
    assert!(missing.contains("thiếu trường `title`"), "{missing}");
    let broken = refused("[meeting\ntitle = 1\n");
    assert!(broken.contains("sai cú pháp"), "{broken}");
    for message in [&typo, &number, &missing, &broken] {
        // The reader's English is gone; only the file's own names remain.
        let outside_names: String = message.split('`').step_by(2).collect();
        for english in [
            "unknown", "expected", "invalid", "missing", "field", "line", "type",
        ] {
            assert!(!outside_names.contains(english), "{english}: {message}");
        }
    }
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

#[test]
fn the_old_words_of_plans_and_lists_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    // A plan as written before: the chair a group of its own, and named
    // in [meeting] with the position after a comma.
    let plan = write(
        &dir,
        "old.toml",
        "[meeting]\n\
         title = \"Đối thoại\"\n\
         chair = \"Nguyễn Văn Hùng, Phó Giám đốc Sở\"\n\
         secretary = \"Trần Thị Lan, chuyên viên Văn phòng Sở\"\n\n\
         [[participants]]\nname = \"Nguyễn Văn Hùng\"\nrole = \"chair\"\nattendance = \"present\"\n\n\
         [[participants]]\nname = \"Huỳnh Minh Trí\"\nrole = \"division head\"\n\n\
         [[participants]]\nname = \"Phạm Thị Thu\"\nrole = \"procedure-control-officer\"\n\n\
         [[participants]]\nname = \"Lê Hoàng Nam\"\nrole = \"bộ phận một cửa\"\n\n\
         [[participants]]\nname = \"Võ Thị Mai\"\nrole = \"organization\"\nattendance = \"absent-with-written-submission\"\n\n\
         [[participants]]\nname = \"Đặng Quốc Bảo\"\nrole = \"cong dan\"\nattendance = \"invited\"\n"
            .as_bytes(),
    );
    let (code, out, err) = run(&["new", s(&path), "--from", s(&plan)]);
    assert_eq!(code, Some(0), "{err}");
    // The secretary is on no list: she is added, with her position.
    assert!(out.contains("\n7 participants added"), "{out}");
    let record = read(&path);
    use ParticipantRole as R;
    for (name, role) in [
        ("Nguyễn Văn Hùng", R::Leadership),
        ("Huỳnh Minh Trí", R::DivisionHead),
        ("Phạm Thị Thu", R::ProcedureControlOfficer),
        ("Lê Hoàng Nam", R::OneStopDesk),
        ("Võ Thị Mai", R::OrganizationRepresentative),
        ("Đặng Quốc Bảo", R::Citizen),
        ("Trần Thị Lan", R::DivisionHead),
    ] {
        assert_eq!(named(&record, name).role, role, "{name}");
    }
    let hung = record.chair().expect("the chair");
    assert_eq!(
        (hung.name.as_str(), hung.position.as_str()),
        ("Nguyễn Văn Hùng", "Phó Giám đốc Sở")
    );
    assert_eq!(record.meeting.details.chair, "Nguyễn Văn Hùng");
    let lan = record.secretary().expect("the secretary");
    assert_eq!(
        (lan.name.as_str(), lan.position.as_str()),
        ("Trần Thị Lan", "chuyên viên Văn phòng Sở")
    );
    assert_eq!(
        named(&record, "Võ Thị Mai").attendance,
        Attendance::AbsentWithWrittenSubmission
    );

    // A list with the old Vietnamese words: "chủ trì" marks the chair of a
    // meeting that has none yet.
    let path = dir.path().join("second.gavel");
    assert_eq!(run(&["new", s(&path), "--title", "Đối thoại"]).0, Some(0));
    let csv = write(
        &dir,
        "old.csv",
        "Họ và tên;Đơn vị;Vai trò;Điểm danh\n\
         Nguyễn Văn Hùng;Sở KH&CN;chủ trì;có mặt\n\
         Huỳnh Minh Trí;Phòng QLKH;lãnh đạo phòng;được mời\n\
         Võ Thị Mai;HTX Dừa;đại diện tổ chức;vắng, có văn bản\n"
            .as_bytes(),
    );
    let (code, out, err) = run(&["import", s(&path), s(&csv)]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("chair: Nguyễn Văn Hùng"), "{out}");
    let record = read(&path);
    let hung = record.chair().expect("the chair");
    assert_eq!(hung.role, R::Leadership);
    assert_eq!(record.meeting.details.chair_id, Some(hung.id));
    assert_eq!(named(&record, "Huỳnh Minh Trí").role, R::DivisionHead);
}

#[test]
fn every_new_header_in_vietnamese_without_accents_and_in_english() {
    let lists = [
        "Ho va ten;Danh xung;Chuc vu;Don vi;Nhom dai bieu;Lien he;Diem danh;So nguoi;Nguoi dai dien\n\
         Nguyen Van Hung;Ong;Pho Giam doc;So KHCN;lanh dao;0273 1;co mat;;\n\
         Nhom ho Tan My Chanh;;;;cong dan;Ap Tan Thanh;vang co ly do;12;Ong Tran Van Ut\n",
        "Name,Honorific,Position,Organization,Group,Contact,Attendance,Members,Representatives\n\
         Nguyen Van Hung,mr,Pho Giam doc,So KHCN,leadership,0273 1,present,,\n\
         Nhom ho Tan My Chanh,,,,citizen,Ap Tan Thanh,absent with notice,12,Ong Tran Van Ut\n",
        "Họ và tên;Danh xưng;Chức vụ;Đơn vị;Nhóm đại biểu;Liên hệ;Điểm danh;Số người;Người đại diện\n\
         Nguyen Van Hung;Ông;Pho Giam doc;So KHCN;lãnh đạo;0273 1;có mặt;;\n\
         Nhom ho Tan My Chanh;;;;công dân;Ap Tan Thanh;vắng có lý do;12 người;Ong Tran Van Ut\n",
    ];
    for list in lists {
        let dir = tempfile::tempdir().unwrap();
        let path = meeting_path(&dir);
        assert_eq!(run(&["new", s(&path), "--title", "Đối thoại"]).0, Some(0));
        let csv = write(&dir, "people.csv", list.as_bytes());
        let (code, out, err) = run(&["import", s(&path), s(&csv)]);
        assert_eq!(code, Some(0), "{list}\n{err}");
        assert!(out.starts_with("2 participants added"), "{out}");
        let record = read(&path);
        let hung = named(&record, "Nguyen Van Hung");
        assert_eq!(hung.honorific, Some(Honorific::Mr), "{list}");
        assert_eq!(hung.position, "Pho Giam doc", "{list}");
        assert_eq!(hung.organization, "So KHCN", "{list}");
        assert_eq!(hung.role, ParticipantRole::Leadership, "{list}");
        assert_eq!(hung.contact, "0273 1", "{list}");
        assert_eq!(hung.attendance, Attendance::Present, "{list}");
        let group = named(&record, "Nhom ho Tan My Chanh");
        assert_eq!(group.role, ParticipantRole::Citizen, "{list}");
        assert_eq!(group.attendance, Attendance::AbsentWithNotice, "{list}");
        assert_eq!(group.members, 12, "{list}");
        assert_eq!(group.representatives, "Ong Tran Van Ut", "{list}");
        assert_eq!(group.contact, "Ap Tan Thanh", "{list}");
    }
}

#[test]
fn a_ticked_present_column_and_an_address_and_a_phone() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    assert_eq!(run(&["new", s(&path), "--title", "Đối thoại"]).0, Some(0));
    let csv = write(
        &dir,
        "people.csv",
        "Họ và tên;Địa chỉ;Điện thoại;Có mặt\n\
         An;12 Lê Lợi, Mỹ Tho;0909 1;x\n\
         Bình;;0909 2;✓\n\
         Chi;;;có\n\
         Dũng;;;yes\n\
         Em;;;1\n\
         Giang;;;\n\
         Hà;;;vắng\n"
            .as_bytes(),
    );
    let (code, _, err) = run(&["import", s(&path), s(&csv)]);
    assert_eq!(code, Some(0), "{err}");
    let record = read(&path);
    for name in ["An", "Bình", "Chi", "Dũng", "Em"] {
        assert_eq!(
            named(&record, name).attendance,
            Attendance::Present,
            "{name}"
        );
    }
    assert_eq!(named(&record, "Giang").attendance, Attendance::Invited);
    assert_eq!(named(&record, "Hà").attendance, Attendance::Absent);
    assert_eq!(named(&record, "An").contact, "12 Lê Lợi, Mỹ Tho; 0909 1");
    assert_eq!(named(&record, "Bình").contact, "0909 2");

    let bad = write(&dir, "bad.csv", "Họ và tên;Có mặt\nAn;có lẽ\n".as_bytes());
    let (code, _, err) = run(&["import", s(&path), s(&bad)]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("bad.csv: line 2: Có mặt:") && err.contains("\"có lẽ\""),
        "{err}"
    );
}

#[test]
fn the_chair_or_the_secretary_twice_over_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    // Two people of the chair's name.
    let plan = write(
        &dir,
        "two.toml",
        "[meeting]\ntitle = \"Đối thoại\"\nchair = \"Nguyễn Văn An\"\n\n\
         [[participants]]\nname = \"Nguyễn Văn An\"\norganization = \"Sở KH&CN\"\n\n\
         [[participants]]\nname = \"Nguyen Van An\"\norganization = \"Công ty A\"\n"
            .as_bytes(),
    );
    let (code, _, err) = run(&["new", s(&path), "--from", s(&plan)]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("two.toml: line 10:")
            && err.contains("two participants are named \"Nguyễn Văn An\""),
        "{err}"
    );
    assert!(!path.exists(), "nothing is left behind");
    let (_, _, err) = run(&["--lang", "vi", "new", s(&path), "--from", s(&plan)]);
    assert!(
        err.contains("dòng 10") && err.contains("hai đại biểu cùng tên"),
        "{err}"
    );

    // Two people marked as the secretary.
    assert_eq!(run(&["new", s(&path), "--title", "Đối thoại"]).0, Some(0));
    let before = std::fs::read(&path).unwrap();
    let csv = write(
        &dir,
        "two.csv",
        "Name,Role\nLan,secretary\nHân,thư ký\n".as_bytes(),
    );
    let (code, _, err) = run(&["import", s(&path), s(&csv)]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("two.csv: line 3:")
            && err.contains("two people are marked as the secretary: Lan and Hân"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");

    // The meeting has its secretary; a list marking another is refused.
    let one = write(&dir, "one.csv", "Name,Role\nLan,secretary\n".as_bytes());
    assert_eq!(run(&["import", s(&path), s(&one)]).0, Some(0));
    let other = write(&dir, "other.csv", "Name,Role\nHân,thư ký\n".as_bytes());
    let (code, _, err) = run(&["import", s(&path), s(&other)]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("other.csv: line 2:")
            && err.contains("the meeting's secretary is Lan, but the list marks Hân"),
        "{err}"
    );
    assert_eq!(read(&path).participants.len(), 1);
}

#[test]
fn a_list_imported_again_with_an_attendance_column_updates_the_roll_call() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    assert_eq!(run(&["new", s(&path), "--title", "Đối thoại"]).0, Some(0));
    // The invitation list, before the meeting: nobody checked in.
    let invited = write(
        &dir,
        "invited.csv",
        "Họ và tên;Đơn vị\n\
         Nguyễn Văn Tư;Cơ sở Tư Phát\n\
         Lý Minh Khôi;Công ty Cửu Long Xanh\n\
         Võ Thị Mai;HTX Dừa Bến Tre\n\
         Phan Thanh Sơn;\n\
         Lê Thị Thu Ba;Phường 6\n\
         Đặng Quốc Bảo;\n"
            .as_bytes(),
    );
    let (code, out, err) = run(&["import", s(&path), s(&invited)]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("6 participants added"), "{out}");
    let record = read(&path);
    assert!(
        record
            .participants
            .values()
            .all(|p| p.attendance == Attendance::Invited)
    );

    // The same list back from the door, ticked: every kind of attendance,
    // one row left blank (its person stays as they were).
    let ticked = write(
        &dir,
        "ticked.csv",
        "Họ và tên;Đơn vị;Điểm danh\n\
         Nguyễn Văn Tư;Cơ sở Tư Phát;có mặt\n\
         Lý Minh Khôi;Công ty Cửu Long Xanh;Có mặt\n\
         Võ Thị Mai;HTX Dừa Bến Tre;vắng, có văn bản\n\
         Phan Thanh Sơn;;vắng có lý do\n\
         Lê Thị Thu Ba;Phường 6;vắng\n\
         Đặng Quốc Bảo;;\n"
            .as_bytes(),
    );
    let (code, out, err) = run(&["import", s(&path), s(&ticked)]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with("0 participants added, 6 already there")
            && out.contains("attendance updated for 5"),
        "{out}"
    );
    let record = read(&path);
    assert_eq!(record.participants.len(), 6, "nobody added twice");
    for (name, attendance) in [
        ("Nguyễn Văn Tư", Attendance::Present),
        ("Lý Minh Khôi", Attendance::Present),
        ("Võ Thị Mai", Attendance::AbsentWithWrittenSubmission),
        ("Phan Thanh Sơn", Attendance::AbsentWithNotice),
        ("Lê Thị Thu Ba", Attendance::Absent),
        ("Đặng Quốc Bảo", Attendance::Invited),
    ] {
        assert_eq!(named(&record, name).attendance, attendance, "{name}");
    }
    let roll = record.roll_call();
    assert_eq!(
        (
            roll.total,
            roll.present,
            roll.absent_with_notice,
            roll.absent_with_written_submission,
            roll.absent,
            roll.unchecked
        ),
        (6, 2, 1, 1, 1, 1)
    );

    // Đặng Quốc Bảo raises an issue from the floor: present by record. A
    // later list calling him absent is refused at his line, in both
    // languages, and nothing of it is written, not even the other rows.
    let bao = named(&record, "Đặng Quốc Bảo").id;
    {
        let mut store = Store::open(&path, options("secretary", Role::Secretary)).unwrap();
        store
            .execute(gavel::domain::Command::LogIssue(
                gavel::domain::IssueFields {
                    raised_by: Some(bao),
                    source: gavel::domain::IssueSource::Floor,
                    category: gavel::domain::IssueCategory::Question,
                    field: "Sở hữu trí tuệ".into(),
                    procedure: String::new(),
                    text: "Đề nghị hướng dẫn đăng ký nhãn hiệu.".into(),
                    letter_number: String::new(),
                    letter_date: None,
                },
            ))
            .unwrap();
    }
    let before = read(&path);
    assert!(before.present_by_record(bao));
    let wrong = write(
        &dir,
        "wrong.csv",
        "Họ và tên;Đơn vị;Điểm danh\n\
         Lê Thị Thu Ba;Phường 6;có mặt\n\
         Đặng Quốc Bảo;;vắng\n"
            .as_bytes(),
    );
    let (code, _, err) = run(&["import", s(&path), s(&wrong)]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("wrong.csv: line 3:")
            && err.contains("Đặng Quốc Bảo spoke or raised an issue")
            && err.contains("\"absent\"")
            && err.contains("nothing was written"),
        "{err}"
    );
    let (_, _, err) = run(&["--lang", "vi", "import", s(&path), s(&wrong)]);
    assert!(
        err.contains("dòng 3") && err.contains("có mặt theo biên bản"),
        "{err}"
    );
    let after = read(&path);
    assert_eq!(after.last_seq, before.last_seq, "nothing written");
    assert_eq!(
        named(&after, "Lê Thị Thu Ba").attendance,
        Attendance::Absent
    );
    assert_eq!(
        after.attendance_of(&after.participants[&bao]),
        Attendance::Present
    );

    // Listed present, he is: no refusal, and his stored attendance follows.
    let right = write(
        &dir,
        "right.csv",
        "Họ và tên;Đơn vị;Điểm danh\nĐặng Quốc Bảo;;có mặt\n".as_bytes(),
    );
    let (code, _, err) = run(&["import", s(&path), s(&right)]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        named(&read(&path), "Đặng Quốc Bảo").attendance,
        Attendance::Present
    );

    // A malformed row: refused with its line and the words it takes.
    let bad = write(
        &dir,
        "bad.csv",
        "Họ và tên;Đơn vị;Điểm danh\n\
         Nguyễn Văn Tư;Cơ sở Tư Phát;vắng\n\
         Lý Minh Khôi;Công ty Cửu Long Xanh;đến muộn\n"
            .as_bytes(),
    );
    let before = read(&path);
    let (code, _, err) = run(&["import", s(&path), s(&bad)]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("bad.csv: line 3: Điểm danh: unknown value \"đến muộn\"")
            && err.contains("present, absent with notice"),
        "{err}"
    );
    let after = read(&path);
    assert_eq!(after.last_seq, before.last_seq, "nothing written");
    assert_eq!(
        named(&after, "Nguyễn Văn Tư").attendance,
        Attendance::Present
    );
}

#[test]
fn a_plans_days_off_make_up_days_and_forwarding_period_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    // Monday 2/3/2026; Tuesday 3/3 off and Saturday 7/3 worked, by the plan.
    let plan = write(
        &dir,
        "plan.toml",
        "[meeting]\ntitle = \"Đối thoại\"\nstart = \"2026-03-02 08:00\"\nreply_days = 1\n\
         forward_days = 4\nholidays = [\"2026-03-03\"]\nmake_up_days = [\"07/03/2026\"]\n"
            .as_bytes(),
    );
    let (code, _, err) = run(&["new", s(&path), "--from", s(&plan)]);
    assert_eq!(code, Some(0), "{err}");
    let mut store = Store::open(&path, options("chair", Role::Chair)).unwrap();
    let at = store.record().meeting.details.planned_start.unwrap();
    let due = |store: &mut Store, disposition: Disposition| {
        store.execute_at(issue("Hỏi"), at).unwrap();
        let id = *store.record().issues.keys().last().unwrap();
        let rev = store.record().issues[&id].rev;
        let fields = AnswerFields {
            answered_by: None,
            answer: "Sẽ xử lý".into(),
            disposition,
            reply_due: None,
            escalated_to: "UBND tỉnh".into(),
        };
        store
            .execute_at(
                Command::AnswerIssue {
                    id,
                    base_rev: rev,
                    fields,
                },
                at,
            )
            .unwrap();
        store.record().issues[&id].due().unwrap().to_string()
    };
    assert_eq!(
        due(&mut store, Disposition::WrittenReplyRequired),
        "2026-03-04"
    );
    assert_eq!(due(&mut store, Disposition::Escalated), "2026-03-07");

    // A make-up day that is not a date names its line.
    let bad = write(
        &dir,
        "bad.toml",
        "[meeting]\ntitle = \"X\"\nmake_up_days = [\n  \"2026-08-22\",\n  \"22-08\"]\n".as_bytes(),
    );
    let other = dir.path().join("other.gavel");
    let (code, _, err) = run(&["new", s(&other), "--from", s(&bad)]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("line 5") && err.contains("meeting.make_up_days[1]"),
        "{err}"
    );
}
