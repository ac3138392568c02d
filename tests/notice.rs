//! The conclusion notice (thông báo kết luận, `gavel export FILE --format
//! md|docx --document notice`): golden files of the demo in Vietnamese and
//! English; the Word document read back (its XML parsed) and printed
//! through LibreOffice to PDF and read back as text; tasks cancelled are
//! left out; a meeting without a conclusion gets an error saying so.
//!
//! `GAVEL_BLESS=1 cargo test --test notice` rewrites the golden files; read
//! the difference before committing it.

mod common;

use std::path::{Path, PathBuf};

use common::golden::*;
use common::office::*;
use common::word::*;
use common::*;
use gavel::domain::*;
use gavel::export::minutes::{NoConclusion, Notice};
use gavel::i18n::Lang;
use gavel::store::Store;

fn demo_file(dir: &tempfile::TempDir) -> (PathBuf, Store) {
    let path = meeting_path(dir);
    let store = gavel::demo::create_demo(&path, fast_options("chair", Role::Chair), demo_now())
        .expect("demo written");
    (path, store)
}

fn notice(store: &Store, lang: Lang) -> String {
    Notice::of(store.record(), lang)
        .expect("the demo has a conclusion")
        .markdown()
}

/// The conclusion's non-blank lines, as typed.
fn conclusion_lines(record: &Record) -> Vec<String> {
    record
        .meeting
        .conclusion
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn the_demo_notice_in_vietnamese_matches_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = demo_file(&dir);
    let text = notice(&store, Lang::Vi);
    assert_golden("notice.vi.md", &text);
    assert_eq!(
        text,
        notice(&store, Lang::Vi),
        "the same record, the same text"
    );
}

#[test]
fn the_demo_notice_in_english_matches_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = demo_file(&dir);
    assert_golden("notice.en.md", &notice(&store, Lang::En));
}

#[test]
fn the_demo_notice_holds_the_conclusion_and_every_task_in_the_layout_of_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = demo_file(&dir);
    let record = store.record();
    let text = notice(&store, Lang::Vi);
    for line in [
        "| Số: …/TB-SKHCN | *Mỹ Tho, ngày 05 tháng 02 năm 2026* |",
        "# THÔNG BÁO",
        "**Kết luận của Phó Giám đốc Sở Phạm Thanh Tùng tại Hội nghị đối thoại",
        "Chủ trì: Ông Phạm Thanh Tùng, Phó Giám đốc Sở.",
        "thông báo để các cơ quan, đơn vị, tổ chức, cá nhân biết, thực hiện./.",
        "| **Nơi nhận:** | **PHÓ GIÁM ĐỐC SỞ** |",
        "| **Phạm Thanh Tùng** |",
    ] {
        assert!(text.contains(line), "{line:?} not in:\n{text}");
    }
    // The conclusion as the record holds it (Markdown escapes "1." at the
    // start of a line), in order, after the opening and before the tasks.
    let mut at = 0;
    for line in conclusion_lines(record) {
        let shown = line.replacen(". ", "\\. ", 1);
        let found = text[at..]
            .find(&shown)
            .unwrap_or_else(|| panic!("{shown:?} not in order in:\n{text}"));
        at += found + shown.len();
    }
    assert!(at < text.find("Giao nhiệm vụ cụ thể như sau:").unwrap());
    for action in record.actions.values() {
        let due = action.due.unwrap().format("%d/%m/%Y").to_string();
        let row = format!("| {} | {} | {due} |", action.title, action.owner);
        assert!(text.contains(&row), "{row:?} not in:\n{text}");
    }
    let present = record.roll_call().present;
    assert!(
        text.contains(&format!("Tham dự: {present} đại biểu.")),
        "{text}"
    );
}

#[test]
fn a_cancelled_task_is_not_in_the_notice() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut store) = demo_file(&dir);
    let action = store.record().actions.values().next().unwrap().clone();
    store
        .execute_at(
            Command::EditAction {
                id: action.id,
                base_rev: action.rev,
                fields: ActionFields {
                    title: action.title.clone(),
                    owner: action.owner.clone(),
                    issue: action.issue,
                    due: action.due,
                    status: ActionStatus::Cancelled,
                    completion_ref: String::new(),
                },
            },
            demo_now(),
        )
        .unwrap();
    let text = notice(&store, Lang::Vi);
    assert!(!text.contains(&action.title), "{text}");
    let others = store.record().actions.len() - 1;
    assert!(text.contains(&format!("| {others} | ")), "{text}");
    assert!(!text.contains(&format!("| {} | ", others + 1)), "{text}");
}

#[test]
fn a_meeting_without_a_conclusion_gets_an_error_not_an_empty_notice() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = demo_file(&dir);
    let rev = store.record().meeting.conclusion_rev;
    store
        .execute_at(
            Command::WriteConclusion {
                base_rev: rev,
                text: "  \n".into(),
            },
            demo_now(),
        )
        .unwrap();
    assert_eq!(
        Notice::of(store.record(), Lang::Vi).err(),
        Some(NoConclusion(Lang::Vi))
    );
    drop(store);
    for (lang, words) in [
        ("vi", "Chưa có kết luận của chủ trì"),
        ("en", "The chair's conclusion is not in the record yet"),
    ] {
        let output = gavel_command()
            .args([
                "export",
                "--format",
                "md",
                "--document",
                "notice",
                "--lang",
                lang,
            ])
            .arg(&path)
            .output()
            .expect("run gavel");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success());
        assert!(output.stdout.is_empty());
        assert!(stderr.contains(words), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn text_typed_by_people_stays_their_text_in_the_notice() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut store) = demo_file(&dir);
    let rev = store.record().meeting.conclusion_rev;
    store
        .execute_at(
            Command::WriteConclusion {
                base_rev: rev,
                text: "# Kết luận\n<script>| a |\x1b[2J".into(),
            },
            demo_now(),
        )
        .unwrap();
    let text = notice(&store, Lang::Vi);
    assert!(text.contains("\n\\# Kết luận\n"), "{text}");
    assert!(text.contains("\n\\<script>| a |␛\\[2J\n"), "{text}");
    assert!(!text.contains('\x1b'));
}

#[test]
fn the_notice_is_a_document_not_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store) = demo_file(&dir);
    drop(store);
    // JSON has no notice: a usage error.
    let output = gavel_command()
        .arg("export")
        .args(["--format", "json", "--document", "notice", "--lang", "vi"])
        .arg(&path)
        .output()
        .expect("run gavel");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(output.stdout.is_empty());
    // A Word notice without -o: refused on a terminal (into a pipe it is
    // written, as tests/pipes.rs checks for the minutes).
    let (code, seen, stderr) = with_stdout_on_a_terminal(
        gavel_command()
            .arg("export")
            .args(["--format", "docx", "--document", "notice", "--lang", "vi"])
            .arg(&path),
    );
    assert_eq!(code, Some(2), "{stderr}");
    assert!(seen.is_empty(), "no binary on the terminal");
}

// The Word document --------------------------------------------------------------

/// `gavel export FILE --format docx --document notice --lang LANG -o OUT`.
fn export_docx(file: &Path, lang: &str, out: &Path) -> Vec<u8> {
    let output = gavel_command()
        .args(["export", "--format", "docx", "--document", "notice"])
        .args(["--lang", lang, "-o"])
        .arg(out)
        .arg(file)
        .output()
        .expect("run gavel");
    assert!(
        output.status.success(),
        "gavel export failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read(out).expect("the .docx written")
}

#[test]
fn the_demo_notice_reads_back_from_the_word_xml() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store) = demo_file(&dir);
    let record = store.record().clone();
    drop(store);
    let out = dir.path().join("thong-bao.docx");
    let docx = export_docx(&path, "vi", &out);
    assert_eq!(
        docx,
        export_docx(&path, "vi", &dir.path().join("again.docx")),
        "the same notice, the same bytes"
    );
    let body = read_body(&docx);

    // The header: agencies beside the nation and motto, then the number
    // beside the place and date.
    let header = &body.tables[0];
    assert_eq!(
        header[0],
        [
            "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        ]
    );
    assert_eq!(
        header[1],
        ["SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Độc lập - Tự do - Hạnh phúc"]
    );
    assert_eq!(
        header[2],
        ["Số: …/TB-SKHCN", "Mỹ Tho, ngày 05 tháng 02 năm 2026"]
    );

    // The title, the opening, the conclusion's paragraphs, the closing.
    let p = &body.paragraphs;
    let index = |text: &str| {
        p.iter()
            .position(|para| para.contains(text))
            .unwrap_or_else(|| panic!("{text:?} not in {p:#?}"))
    };
    assert_eq!(p[index("THÔNG BÁO")], "THÔNG BÁO");
    assert!(
        p[index("THÔNG BÁO") + 1]
            .starts_with("Kết luận của Phó Giám đốc Sở Phạm Thanh Tùng tại Hội nghị")
    );
    let lines = conclusion_lines(&record);
    let first = index(&lines[0]);
    for (n, line) in lines.iter().enumerate() {
        assert_eq!(&p[first + n], line);
    }
    assert!(index("Chủ trì: Ông Phạm Thanh Tùng") < first);
    assert!(index("thông báo để các cơ quan, đơn vị, tổ chức, cá nhân biết, thực hiện./.") > first);

    // The tasks: what, who, by when.
    let tasks = &body.tables[1];
    assert_eq!(
        tasks[0],
        [
            "STT",
            "Nội dung công việc",
            "Đơn vị, cá nhân thực hiện",
            "Thời hạn"
        ]
    );
    assert_eq!(tasks.len(), record.actions.len() + 1);
    for (row, action) in tasks[1..].iter().zip(record.actions.values()) {
        let due = action.due.unwrap().format("%d/%m/%Y").to_string();
        assert_eq!(row[1..], [action.title.clone(), action.owner.clone(), due]);
    }

    // Recipients on the left; the chair's position, the signature line and
    // the name on the right.
    let foot = body.tables.last().unwrap();
    assert!(foot[0][0].starts_with("Nơi nhận:\n"), "{foot:?}");
    assert!(foot[0][0].ends_with("- Lưu: VT."), "{foot:?}");
    let signer: Vec<&str> = foot[0][1].lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(
        signer,
        ["PHÓ GIÁM ĐỐC SỞ", "(Ký, ghi rõ họ tên)", "Phạm Thanh Tùng"]
    );
}

// Printed through LibreOffice ----------------------------------------------------

/// The demo notice printed to PDF: everything a reader looks for in it.
fn printed_in(lang: &str, expected: &[&str]) {
    let Some([soffice, pdftotext]) = required(
        ["soffice", "pdftotext"],
        "the LibreOffice test of the Word notice",
        "libreoffice-writer-nogui poppler-utils",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (path, store) = demo_file(&dir);
    let record = store.record().clone();
    drop(store);
    let docx = dir.path().join("notice.docx");
    export_docx(&path, lang, &docx);
    let pdf = convert(&soffice, &docx, "pdf", &[], dir.path());
    let text = poppler(&pdftotext, &["-enc", "UTF-8"], &pdf);
    let printed = squeezed(&text);
    let mut wanted: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    wanted.extend(conclusion_lines(&record));
    for action in record.actions.values() {
        wanted.push(action.title.clone());
        wanted.push(action.owner.clone());
    }
    wanted.push("Phạm Thanh Tùng".into());
    for what in wanted {
        assert!(
            printed.contains(&squeezed(&what)),
            "{what:?} not in the printed notice:\n{text}"
        );
    }
}

#[test]
fn libreoffice_prints_the_vietnamese_demo_notice() {
    printed_in(
        "vi",
        &[
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: …/TB-SKHCN",
            "THÔNG BÁO",
            "Kết luận của Phó Giám đốc Sở Phạm Thanh Tùng",
            "thông báo để các cơ quan, đơn vị, tổ chức, cá nhân biết, thực hiện./.",
            "Nơi nhận:",
            "PHÓ GIÁM ĐỐC SỞ",
            "(Ký, ghi rõ họ tên)",
        ],
    );
}

#[test]
fn libreoffice_prints_the_english_demo_notice() {
    printed_in(
        "en",
        &[
            "SOCIALIST REPUBLIC OF VIET NAM",
            "NOTICE",
            "Conclusions of Phó Giám đốc Sở Phạm Thanh Tùng",
            "to know and act upon./.",
            "PHÓ GIÁM ĐỐC SỞ",
            "(signature and full name)",
        ],
    );
}
