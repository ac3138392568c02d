//! `gavel import MEETING people.csv` with the lists real offices send: long
//! ones (in linear time), broken ones (a quote never closed, a line break in
//! a name: refused, nothing added) and ones saved by a Vietnamese Windows
//! office (Windows-1258 "CSV", UTF-16 "Unicode text").

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::*;
use gavel::domain::{Command, Role};
use gavel::plans;
use gavel::store::Store;
use unicode_normalization::UnicodeNormalization;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    finished(gavel_command().args(args))
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A new, empty meeting in `dir`.
fn new_meeting_file(dir: &tempfile::TempDir) -> PathBuf {
    let path = meeting_path(dir);
    let (code, _, err) = run(&["new", s(&path), "--title", "Đối thoại"]);
    assert_eq!(code, Some(0), "{err}");
    path
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn names(path: &Path) -> Vec<(String, String)> {
    Store::open(path, options("reader", Role::Observer))
        .unwrap()
        .record()
        .participants
        .values()
        .map(|p| (p.name.clone(), p.organization.clone()))
        .collect()
}

// ---- 1. Linear time ------------------------------------------------------

/// Runs `gavel import` and gives up (killing it) after `limit`, so that a
/// slow import fails the test quickly instead of running for minutes.
fn import_within(path: &Path, csv: &Path, limit: Duration) -> (Duration, String) {
    let start = Instant::now();
    let mut child = gavel_command()
        .args(["import", s(path), s(csv)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("the import took more than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let elapsed = start.elapsed();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        elapsed,
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn twenty_thousand_people_import_in_well_under_a_few_seconds() {
    const ROWS: usize = 20_000;
    let dir = tempfile::tempdir().unwrap();
    let path = new_meeting_file(&dir);
    let mut text = String::from("Họ và tên;Đơn vị;Vai trò\n");
    for i in 0..ROWS {
        text.push_str(&format!(
            "Nguyễn Thị Người Số {i};Công ty Hoàng Long {};công dân\n",
            i % 700
        ));
    }
    let csv = write(&dir, "many.csv", text.as_bytes());
    // Quadratic, this took minutes; linear, about half a second in release
    // on a 2-core machine. A debug build is some ten times slower.
    let limit = if cfg!(debug_assertions) {
        Duration::from_secs(60)
    } else {
        Duration::from_secs(4)
    };

    let (elapsed, out) = import_within(&path, &csv, limit);
    eprintln!("{ROWS} new people: {elapsed:?}");
    assert!(out.starts_with("20000 participants added"), "{out}");

    // Everyone already there: the same list again adds nobody, as fast.
    let (elapsed, out) = import_within(&path, &csv, limit);
    eprintln!("{ROWS} people already there: {elapsed:?}");
    assert!(
        out.starts_with("0 participants added, 20000 already there"),
        "{out}"
    );
}

#[test]
fn someone_added_by_another_console_while_the_list_was_read_is_not_added_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_meeting_file(&dir);
    let csv = Path::new("people.csv");
    let people = plans::read_participants_csv(csv, "Name\nAn\nBình\n").unwrap();
    // The import has opened the meeting (and decided that both are new)...
    let mut importing = Store::open(&path, options("thu-ky", Role::Secretary)).unwrap();
    // ...when another console adds An.
    let mut other = Store::open(&path, options("chu-tri", Role::Chair)).unwrap();
    other
        .execute(Command::AddParticipant(people[0].fields.clone()))
        .unwrap();
    let done = plans::import(&mut importing, csv, &[], &people).unwrap();
    assert_eq!((done.participants_added, done.participants_known), (1, 1));
    assert_eq!(names(&path).len(), 2);
}

// ---- 2. Broken quotes, line breaks, control characters --------------------

/// A header, two good rows, `bad` as line 4, and 50 good rows after it.
fn list_with(bad: &str) -> String {
    let mut text = String::from("Họ và tên;Đơn vị;Vai trò\nAn;Sở Tư pháp;công dân\n");
    text.push_str("Bình;Sở Tài chính;công dân\n");
    text.push_str(bad);
    text.push('\n');
    for i in 0..50 {
        text.push_str(&format!("Người số {i};Công ty {i};công dân\n"));
    }
    text
}

/// Imports `text` and expects a refusal naming `line` that adds nobody.
fn refused(text: &str, line: usize) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = new_meeting_file(&dir);
    let before = std::fs::read(&path).unwrap();
    let csv = write(&dir, "people.csv", text.as_bytes());
    let (code, out, err) = run(&["import", s(&path), s(&csv)]);
    assert_eq!(code, Some(1), "refused: {out}{err}");
    assert!(err.contains(&format!("people.csv: line {line}:")), "{err}");
    assert!(names(&path).is_empty(), "nobody added: {err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // The same error in Vietnamese.
    let (code, _, err_vi) = run(&["--lang", "vi", "import", s(&path), s(&csv)]);
    assert_eq!(code, Some(1));
    assert!(
        err_vi.contains(&format!("people.csv: dòng {line}:")),
        "{err_vi}"
    );
    err
}

#[test]
fn a_quote_never_closed_is_refused_at_its_line_instead_of_swallowing_the_rest() {
    let err = refused(&list_with("Cường;\"Công ty Hoàng Long;công dân"), 4);
    assert!(err.contains("quote"), "{err}");
    // Opened in the name column.
    let err = refused(&list_with("\"Cường;Công ty Hoàng Long;công dân"), 4);
    assert!(err.contains("quote"), "{err}");
    // Opened on the last line of a file that ends without a line break.
    let err = refused("Name;Đơn vị\nAn;Sở Tư pháp\n\"Cường;Công ty", 3);
    assert!(err.contains("quote"), "{err}");
}

#[test]
fn a_stray_quote_inside_an_unquoted_cell_is_kept_and_swallows_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_meeting_file(&dir);
    let csv = write(
        &dir,
        "people.csv",
        list_with("Cường;Công ty \"Hoàng Long;công dân").as_bytes(),
    );
    let (code, out, err) = run(&["import", s(&path), s(&csv)]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("53 participants added"), "{out}");
    assert!(names(&path).contains(&("Cường".into(), "Công ty \"Hoàng Long".into())));
}

#[test]
fn a_name_with_a_line_break_or_a_tab_is_refused_at_its_line() {
    let err = refused(&list_with("\"Cường\nLê\";Công ty;công dân"), 4);
    assert!(err.contains("Họ và tên"), "the column is named: {err}");
    let err = refused(&list_with("\"Cường\tLê\";Công ty;công dân"), 4);
    assert!(err.contains("Họ và tên"), "{err}");
    // In the organization, and any other control character.
    let err = refused(&list_with("Cường;\"Công ty\r\nHoàng Long\";công dân"), 4);
    assert!(err.contains("Đơn vị"), "{err}");
    let err = refused(&list_with("Cường;Công ty \u{7}Hoàng Long;công dân"), 4);
    assert!(err.contains("Đơn vị") && err.contains("control"), "{err}");
    let err = refused(&list_with("Cư\u{85}ờng;Công ty;công dân"), 4);
    assert!(err.contains("Họ và tên"), "{err}");
}

#[test]
fn a_name_too_long_to_be_a_name_is_refused_at_its_line() {
    let long = "Nguyễn ".repeat(40);
    let err = refused(&list_with(&format!("{long};Công ty;công dân")), 4);
    assert!(err.contains("200"), "{err}");
    let err = refused(&list_with(&format!("Cường;{long};công dân")), 4);
    assert!(err.contains("Đơn vị") && err.contains("200"), "{err}");
    // 200 characters is still a name.
    let dir = tempfile::tempdir().unwrap();
    let path = new_meeting_file(&dir);
    let name = "ễ".repeat(200);
    let csv = write(&dir, "ok.csv", format!("Name\n{name}\n").as_bytes());
    let (code, _, err) = run(&["import", s(&path), s(&csv)]);
    assert_eq!(code, Some(0), "{err}");
}

// ---- 3. What a Vietnamese Windows office saves ----------------------------

/// Text as Windows-1258 writes it: the letters with a vowel sign (ă â ê ô ơ
/// ư) precomposed, the tone marks as combining characters after them.
fn windows_1258(text: &str) -> Vec<u8> {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut split = String::new();
    for c in text.chars() {
        let parts: String = c.to_string().nfd().collect();
        let base: String = parts.chars().filter(|m| !TONES.contains(m)).nfc().collect();
        split.push_str(&base);
        split.extend(parts.chars().filter(|m| TONES.contains(m)));
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&split);
    assert!(!unmappable, "{split}");
    bytes.into_owned()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    std::iter::once('\u{feff}')
        .chain(text.chars())
        .collect::<String>()
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect()
}

fn expect_hong_nhung(bytes: &[u8], file_name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = new_meeting_file(&dir);
    let csv = write(&dir, file_name, bytes);
    let (code, out, err) = run(&["import", s(&path), s(&csv)]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("2 participants added"), "{out}");
    let people = names(&path);
    let wanted = (
        "Nguyễn Thị Hồng Nhung".to_string(),
        "Công ty Hoàng Long".to_string(),
    );
    assert!(people.contains(&wanted), "{people:?}");
    assert!(
        people.iter().any(|(name, _)| name == "Trần Văn Đức"),
        "{people:?}"
    );
    for (name, organization) in &people {
        assert!(unicode_normalization::is_nfc(name), "{name:?}");
        assert!(
            unicode_normalization::is_nfc(organization),
            "{organization:?}"
        );
    }
    // The same people written in UTF-8 are the same people.
    let again = write(
        &dir,
        "again.csv",
        "Họ và tên,Đơn vị\nNguyễn Thị Hồng Nhung,Công ty Hoàng Long\n".as_bytes(),
    );
    let (_, out, _) = run(&["import", s(&path), s(&again)]);
    assert!(
        out.starts_with("0 participants added, 1 already there"),
        "{out}"
    );
}

const OFFICE_LIST: &str = "Họ và tên;Đơn vị;Vai trò\r\n\
     Nguyễn Thị Hồng Nhung;Công ty Hoàng Long;đại diện tổ chức\r\n\
     Trần Văn Đức;Sở Khoa học và Công nghệ;khách mời\r\n";

#[test]
fn excel_csv_from_a_vietnamese_windows_office_imports_in_windows_1258() {
    let bytes = windows_1258(OFFICE_LIST);
    assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8 by chance");
    expect_hong_nhung(&bytes, "excel.csv");
}

#[test]
fn excel_unicode_text_imports_as_utf16_with_tabs() {
    let tabbed = OFFICE_LIST.replace(';', "\t");
    expect_hong_nhung(&utf16le_with_bom(&tabbed), "unicode.txt");
}

/// The invitation list as the office sends it back from the door: the new
/// columns, and attendance in Vietnamese.
const TICKED_LIST: &str = "Họ và tên;Danh xưng;Chức vụ;Đơn vị;Vai trò;Liên hệ;Điểm danh\r\n\
     Nguyễn Thị Hồng Nhung;Bà;Giám đốc;Công ty Hoàng Long;đại diện tổ chức;0909 1;có mặt\r\n\
     Trần Văn Đức;Ông;Phó Giám đốc;Sở Khoa học và Công nghệ;khách mời;;vắng có lý do\r\n\
     Lê Thị Thu Ba;Bà;;Phường 6;công dân;0939 2;vắng, có văn bản\r\n";

#[test]
fn a_ticked_list_from_a_vietnamese_windows_office_updates_the_roll_call() {
    for (bytes, file_name) in [
        (windows_1258(TICKED_LIST), "excel.csv"),
        (
            utf16le_with_bom(&TICKED_LIST.replace(';', "\t")),
            "unicode.txt",
        ),
        (
            format!("\u{feff}{TICKED_LIST}").into_bytes(),
            "utf8-bom.csv",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = new_meeting_file(&dir);
        // The invitation list first, in the same encoding, without the
        // attendance column: everybody not checked in.
        let invited: String = TICKED_LIST
            .lines()
            .map(|line| line.rsplit_once(';').unwrap().0.to_string() + "\r\n")
            .collect();
        let invited = match file_name {
            "excel.csv" => windows_1258(&invited),
            "unicode.txt" => utf16le_with_bom(&invited.replace(';', "\t")),
            _ => format!("\u{feff}{invited}").into_bytes(),
        };
        let list = write(&dir, &format!("invited-{file_name}"), &invited);
        let (code, out, err) = run(&["import", s(&path), s(&list)]);
        assert_eq!(code, Some(0), "{file_name}: {err}");
        assert!(out.starts_with("3 participants added"), "{out}");

        let ticked = write(&dir, file_name, &bytes);
        let (code, out, err) = run(&["import", s(&path), s(&ticked)]);
        assert_eq!(code, Some(0), "{file_name}: {err}");
        assert!(
            out.starts_with("0 participants added, 3 already there")
                && out.contains("attendance updated for 3"),
            "{file_name}: {out}"
        );
        let store = Store::open(&path, options("reader", Role::Observer)).unwrap();
        let record = store.record();
        let attendance = |name: &str| {
            let p = record
                .participants
                .values()
                .find(|p| p.name == name)
                .unwrap_or_else(|| panic!("{file_name}: {name}"));
            (p.attendance, p.position.clone(), p.honorific)
        };
        use gavel::domain::{Attendance as A, Honorific as H};
        assert_eq!(
            attendance("Nguyễn Thị Hồng Nhung"),
            (A::Present, "Giám đốc".into(), Some(H::Ms)),
            "{file_name}"
        );
        assert_eq!(
            attendance("Trần Văn Đức"),
            (A::AbsentWithNotice, "Phó Giám đốc".into(), Some(H::Mr)),
            "{file_name}"
        );
        assert_eq!(
            attendance("Lê Thị Thu Ba").0,
            A::AbsentWithWrittenSubmission,
            "{file_name}"
        );
    }
}

#[test]
fn a_file_that_is_not_text_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_meeting_file(&dir);
    // An Excel workbook renamed .csv (a zip), and UTF-16 without its mark.
    let workbook =
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb5U0#\xf4\x00\x00\x00L\x02\x00\x00";
    let no_bom: Vec<u8> = utf16le_with_bom("Name\nAn\n")[2..].to_vec();
    for bytes in [&workbook[..], &no_bom[..]] {
        let csv = write(&dir, "people.csv", bytes);
        let (code, _, err) = run(&["import", s(&path), s(&csv)]);
        assert_eq!(code, Some(1), "{err}");
        assert!(
            err.contains("people.csv") && err.contains("not a text file"),
            "{err}"
        );
        assert!(err.contains("CSV") && err.contains("Unicode text"), "{err}");
        let (_, _, err) = run(&["--lang", "vi", "import", s(&path), s(&csv)]);
        assert!(err.contains("không phải tệp văn bản"), "{err}");
        assert!(names(&path).is_empty());
    }
}
