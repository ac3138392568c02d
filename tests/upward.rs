//! The report upward (báo cáo tổng hợp phản ánh, kiến nghị vượt thẩm
//! quyền, `gavel export FILE --format md|docx --document upward`): golden
//! files of the demo in Vietnamese and English; every issue escalated or
//! redirected in it, in its part, and no other; no English word in the
//! Vietnamese report; the Word document read back (its XML parsed), the
//! same bytes each time, and printed through LibreOffice to PDF and read
//! back as text; a meeting with nothing beyond the agency's authority gets
//! an error saying so, and no file.
//!
//! `GAVEL_BLESS=1 cargo test --test upward` rewrites the golden files; read
//! the difference before committing it.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::golden::*;
use common::office::*;
use common::word::*;
use common::*;
use gavel::domain::*;
use gavel::export::minutes::{NothingToReport, Upward};
use gavel::i18n::Lang;
use gavel::store::Store;

fn demo_file(dir: &tempfile::TempDir) -> (PathBuf, Store) {
    let path = meeting_path(dir);
    let store = gavel::demo::create_demo(&path, fast_options("chair", Role::Chair), demo_now())
        .expect("demo written");
    (path, store)
}

fn report(record: &Record, lang: Lang) -> String {
    Upward::of(record, lang)
        .expect("the demo has issues escalated and redirected")
        .markdown()
}

/// The issues with `disposition`, in the minutes' order.
fn with(record: &Record, disposition: Disposition) -> Vec<&Issue> {
    let mut issues: Vec<&Issue> = record
        .issues
        .values()
        .filter(|i| i.disposition == disposition)
        .collect();
    issues.sort_by_key(|i| i.number);
    issues
}

/// `gavel export FILE --document upward ARGS`.
fn gavel_export(file: &Path, args: &[&str]) -> Output {
    gavel_command()
        .args(["export", "--document", "upward"])
        .args(args)
        .arg(file)
        .output()
        .expect("run gavel")
}

#[test]
fn the_demo_report_in_vietnamese_matches_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = demo_file(&dir);
    let text = report(store.record(), Lang::Vi);
    assert_golden("upward.vi.md", &text);
    assert_eq!(
        text,
        report(store.record(), Lang::Vi),
        "the same record, the same text"
    );
}

#[test]
fn the_demo_report_in_english_matches_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = demo_file(&dir);
    assert_golden("upward.en.md", &report(store.record(), Lang::En));
}

#[test]
fn the_demo_report_holds_every_issue_sent_on_in_its_part_and_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = demo_file(&dir);
    let record = store.record();
    let escalated = with(record, Disposition::Escalated);
    let redirected = with(record, Disposition::Redirected);
    assert!(!escalated.is_empty() && !redirected.is_empty());
    let text = report(record, Lang::Vi);
    let at = |what: &str| {
        text.find(what)
            .unwrap_or_else(|| panic!("{what:?} not in:\n{text}"))
    };
    for line in [
        "| Số: …/BC-SKHCN | *Mỹ Tho, ngày 05 tháng 02 năm 2026* |",
        "# BÁO CÁO",
        "**Tổng hợp phản ánh, kiến nghị của tổ chức, cá nhân vượt thẩm quyền giải quyết tại Hội \
         nghị đối thoại với tổ chức, cá nhân về thủ tục hành chính",
        "Kính gửi: Cục Sở hữu trí tuệ - Bộ Khoa học và Công nghệ.",
        "Chủ trì: Ông Phạm Thanh Tùng, Phó Giám đốc Sở.",
        "kính đề nghị Quý cơ quan xem xét, giải quyết theo thẩm quyền",
        "| **Nơi nhận:** | **PHÓ GIÁM ĐỐC SỞ** |",
        "| - Như trên; | *(Ký, ghi rõ họ tên)* |",
        "| **Phạm Thanh Tùng** |",
    ] {
        at(line);
    }
    let total = record.issues.len();
    at(&format!(
        "Hội nghị đã tiếp nhận {total} ý kiến phản ánh, kiến nghị của tổ chức, cá nhân, trong đó \
         {} ý kiến vượt thẩm quyền giải quyết và {} ý kiến thuộc thẩm quyền giải quyết của cơ \
         quan khác. Sở Khoa học và Công nghệ tổng hợp, báo cáo như sau",
        escalated.len(),
        redirected.len()
    ));

    // Part I the escalated issues, part II the redirected ones, each under
    // its number in the minutes, with its content, who raised it (never
    // their contact), the answer, where it goes and by when.
    let part_one = at("## I. PHẢN ÁNH, KIẾN NGHỊ VƯỢT THẨM QUYỀN\n");
    let part_two = at("## II. NỘI DUNG THUỘC THẨM QUYỀN CỦA CƠ QUAN KHÁC\n");
    let closing = at("Trên đây là báo cáo");
    for (issues, from, to) in [
        (&escalated, part_one, part_two),
        (&redirected, part_two, closing),
    ] {
        for issue in issues.iter() {
            let heading = at(&format!("### Ý kiến số {}\n", issue.number));
            assert!(from < heading && heading < to, "issue {}", issue.number);
            let entry = &text[heading..to];
            let person = &record.participants[&issue.raised_by.unwrap()];
            let due = issue.forward_due.expect("a forwarding deadline");
            for wanted in [
                issue.text.as_str(),
                issue.answer.as_str(),
                person.name.as_str(),
                person.organization.as_str(),
                &format!("- **Thời hạn chuyển:** {}\n", due.format("%d/%m/%Y")),
            ] {
                assert!(entry.contains(wanted), "{wanted:?} not in:\n{entry}");
            }
            assert!(!entry.contains(person.contact.as_str()) || person.contact.is_empty());
        }
    }
    // The other issues are the minutes' business, not the report's.
    for issue in record.issues.values() {
        if !matches!(
            issue.disposition,
            Disposition::Escalated | Disposition::Redirected
        ) {
            let heading = format!("Ý kiến số {}\n", issue.number);
            assert!(!text.contains(&heading), "{heading:?} in:\n{text}");
            assert!(!text.contains(&issue.text), "{text}");
        }
    }
    // No field left with a blank to fill in.
    assert!(!text.contains(":** …"), "{text}");
}

/// The words of `text`: runs of letters and digits that hold a letter,
/// in lower case.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect()
}

/// Every piece of text people typed into the record.
fn typed_text(record: &Record) -> String {
    let d = &record.meeting.details;
    let mut out: Vec<&str> = vec![
        &d.title,
        &d.superior_agency,
        &d.agency,
        &d.chair,
        &d.secretary,
        &d.venue,
        &d.place,
        &d.legal_basis,
        &d.doc_number,
        &record.meeting.conclusion,
    ];
    for p in record.participants.values() {
        out.extend([
            p.name.as_str(),
            &p.organization,
            &p.position,
            &p.representatives,
            &p.contact,
        ]);
    }
    for i in record.issues.values() {
        out.extend([
            i.text.as_str(),
            &i.answer,
            &i.field,
            &i.procedure,
            &i.escalated_to,
            &i.letter_number,
            &i.closing_ref,
        ]);
    }
    for a in record.actions.values() {
        out.extend([a.title.as_str(), &a.owner]);
    }
    for item in record.agenda.values() {
        out.extend([item.title.as_str(), &item.presenter, &item.notes]);
    }
    out.join("\n")
}

#[test]
fn the_vietnamese_report_has_no_english_word() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store) = demo_file(&dir);
    let record = store.record().clone();
    drop(store);
    // gavel's English words: those of the English report that nobody
    // typed. "BC" (báo cáo) is the report's code and "I", "II" number its
    // parts in both languages.
    let typed = words(&typed_text(&record));
    let english: BTreeSet<String> = words(&report(&record, Lang::En))
        .into_iter()
        .filter(|w| !typed.contains(w) && !["bc", "i", "ii"].contains(&w.as_str()))
        .collect();
    assert!(
        ["report", "issues", "authority", "february", "forward"]
            .iter()
            .all(|w| english.contains(*w)),
        "{english:?}"
    );
    let out = dir.path().join("bao-cao.docx");
    let docx = export_docx(&path, "vi", &out);
    let body = read_body(&docx);
    let word_text = body
        .paragraphs
        .iter()
        .chain(body.tables.iter().flatten().flatten())
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    for (what, text) in [("Markdown", report(&record, Lang::Vi)), ("Word", word_text)] {
        let found: Vec<String> = words(&text)
            .into_iter()
            .filter(|w| english.contains(w))
            .collect();
        assert!(found.is_empty(), "{what}: English {found:?} in:\n{text}");
    }
}

/// The demo with the escalated and the redirected issues answered instead.
fn nothing_beyond_authority(store: &mut Store) {
    let sent_on: Vec<Issue> = store
        .record()
        .issues
        .values()
        .filter(|i| {
            matches!(
                i.disposition,
                Disposition::Escalated | Disposition::Redirected
            )
        })
        .cloned()
        .collect();
    for issue in sent_on {
        store
            .execute_at(
                Command::AnswerIssue {
                    id: issue.id,
                    base_rev: issue.rev,
                    fields: AnswerFields {
                        answer: issue.answer.clone(),
                        answered_by: issue.answered_by,
                        disposition: Disposition::Answered,
                        reply_due: None,
                        escalated_to: String::new(),
                    },
                },
                demo_now(),
            )
            .unwrap();
    }
}

#[test]
fn a_meeting_with_nothing_beyond_authority_gets_an_error_and_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = demo_file(&dir);
    nothing_beyond_authority(&mut store);
    for lang in [Lang::Vi, Lang::En] {
        assert_eq!(
            Upward::of(store.record(), lang).err(),
            Some(NothingToReport(lang))
        );
    }
    drop(store);
    for (lang, words) in [
        (
            "vi",
            "Biên bản không có ý kiến nào chuyển cấp trên hoặc chuyển cơ quan khác",
        ),
        ("en", "No issue in the record is escalated or redirected"),
    ] {
        for format in ["md", "docx"] {
            let out = dir.path().join(format!("bao-cao.{lang}.{format}"));
            let output = gavel_export(
                &path,
                &[
                    "--format",
                    format,
                    "--lang",
                    lang,
                    "-o",
                    out.to_str().unwrap(),
                ],
            );
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(!output.status.success(), "{lang} {format}");
            assert!(output.stdout.is_empty());
            assert!(stderr.contains(words), "{stderr}");
            assert!(!stderr.contains("panicked"), "{stderr}");
            assert!(!out.exists(), "{out:?} written");
        }
        // To the standard output: nothing written there either.
        let output = gavel_export(&path, &["--format", "md", "--lang", lang]);
        assert!(!output.status.success());
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn the_report_is_a_document_not_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store) = demo_file(&dir);
    drop(store);
    for (lang, words) in [
        (
            "vi",
            "--document upward (báo cáo tổng hợp kiến nghị vượt thẩm quyền) chỉ xuất được với \
             --format md hoặc docx.",
        ),
        (
            "en",
            "--document upward (the report upward) needs --format md or docx.",
        ),
    ] {
        for format in ["json", "csv"] {
            let output = gavel_export(&path, &["--format", format, "--lang", lang]);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{format}: {stderr}");
            assert!(output.stdout.is_empty());
            assert!(stderr.contains(words), "{stderr}");
        }
    }
    // A Word file goes to a file named with -o, or into a pipe: never
    // onto a terminal.
    let (code, seen, stderr) = with_stdout_on_a_terminal(
        gavel_command()
            .args([
                "export",
                "--document",
                "upward",
                "--format",
                "docx",
                "--lang",
                "vi",
            ])
            .arg(&path),
    );
    assert_eq!(code, Some(2), "{stderr}");
    assert!(seen.is_empty(), "no binary on the terminal");
    let piped = gavel_export(&path, &["--format", "docx", "--lang", "vi"]);
    assert!(piped.status.success());
    assert!(piped.stdout.starts_with(b"PK"), "a zip package");
}

// The Word document --------------------------------------------------------------

/// `gavel export FILE --format docx --document upward --lang LANG -o OUT`.
fn export_docx(file: &Path, lang: &str, out: &Path) -> Vec<u8> {
    let output = gavel_export(
        file,
        &[
            "--format",
            "docx",
            "--lang",
            lang,
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        output.status.success(),
        "gavel export failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read(out).expect("the .docx written")
}

#[test]
fn the_demo_report_reads_back_from_the_word_xml() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store) = demo_file(&dir);
    let record = store.record().clone();
    drop(store);
    let out = dir.path().join("bao-cao.docx");
    let docx = export_docx(&path, "vi", &out);
    assert_eq!(
        docx,
        export_docx(&path, "vi", &dir.path().join("again.docx")),
        "the same report, the same bytes"
    );
    let body = read_body(&docx);

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
        ["Số: …/BC-SKHCN", "Mỹ Tho, ngày 05 tháng 02 năm 2026"]
    );

    let p = &body.paragraphs;
    let index = |text: &str| {
        p.iter()
            .position(|para| para.contains(text))
            .unwrap_or_else(|| panic!("{text:?} not in {p:#?}"))
    };
    let title = index("BÁO CÁO");
    assert_eq!(p[title], "BÁO CÁO");
    assert!(p[title + 1].starts_with(
        "Tổng hợp phản ánh, kiến nghị của tổ chức, cá nhân vượt thẩm quyền giải quyết tại Hội \
         nghị đối thoại"
    ));
    assert_eq!(
        p[title + 2],
        "Kính gửi: Cục Sở hữu trí tuệ - Bộ Khoa học và Công nghệ."
    );
    let part_one = index("I. PHẢN ÁNH, KIẾN NGHỊ VƯỢT THẨM QUYỀN");
    let part_two = index("II. NỘI DUNG THUỘC THẨM QUYỀN CỦA CƠ QUAN KHÁC");
    let closing = index("Trên đây là báo cáo");
    for (disposition, from, to) in [
        (Disposition::Escalated, part_one, part_two),
        (Disposition::Redirected, part_two, closing),
    ] {
        for issue in with(&record, disposition) {
            let heading = index(&format!("Ý kiến số {}", issue.number));
            let content = index(&format!("- Nội dung: {}", issue.text));
            assert!(from < heading && heading < content && content < to);
        }
    }

    let foot = body.tables.last().unwrap();
    assert_eq!(foot[0][0], "Nơi nhận:\n- Như trên;\n- Lưu: VT.");
    let signer: Vec<&str> = foot[0][1].lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(
        signer,
        ["PHÓ GIÁM ĐỐC SỞ", "(Ký, ghi rõ họ tên)", "Phạm Thanh Tùng"]
    );
}

#[test]
fn several_addressees_are_named_one_a_line_in_the_order_of_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = demo_file(&dir);
    // The complaint goes to the provincial inspectorate: a second
    // addressee, after the superior authority of part I.
    let issue = with(store.record(), Disposition::Redirected)[0].clone();
    store
        .execute_at(
            Command::AnswerIssue {
                id: issue.id,
                base_rev: issue.rev,
                fields: AnswerFields {
                    answer: issue.answer.clone(),
                    answered_by: issue.answered_by,
                    disposition: Disposition::Redirected,
                    reply_due: None,
                    escalated_to: "Thanh tra tỉnh Tiền Giang".into(),
                },
            },
            demo_now(),
        )
        .unwrap();
    let text = report(store.record(), Lang::Vi);
    assert!(
        text.contains(
            "\nKính gửi:\n\n- Cục Sở hữu trí tuệ - Bộ Khoa học và Công nghệ;\n- Thanh tra tỉnh \
             Tiền Giang.\n"
        ),
        "{text}"
    );
    assert!(text.contains("- **Cơ quan có thẩm quyền:** Thanh tra tỉnh Tiền Giang\n"));
    drop(store);
    let docx = export_docx(&path, "vi", &dir.path().join("bao-cao.docx"));
    let p = read_body(&docx).paragraphs;
    let at = p
        .iter()
        .position(|para| para == "Kính gửi:")
        .expect("Kính gửi:");
    assert_eq!(
        p[at + 1..at + 3],
        [
            "- Cục Sở hữu trí tuệ - Bộ Khoa học và Công nghệ;",
            "- Thanh tra tỉnh Tiền Giang."
        ]
    );
}

// Printed through LibreOffice ----------------------------------------------------

/// The demo report printed to PDF: everything a reader looks for in it.
fn printed_in(lang: &str, expected: &[&str]) {
    let Some([soffice, pdftotext]) = required(
        ["soffice", "pdftotext"],
        "the LibreOffice test of the Word report upward",
        "libreoffice-writer-nogui poppler-utils",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (path, store) = demo_file(&dir);
    let record = store.record().clone();
    drop(store);
    let docx = dir.path().join("report.docx");
    export_docx(&path, lang, &docx);
    let pdf = convert(&soffice, &docx, "pdf", &[], dir.path());
    let text = poppler(&pdftotext, &["-enc", "UTF-8"], &pdf);
    let printed = squeezed(&text);
    let mut wanted: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    for disposition in [Disposition::Escalated, Disposition::Redirected] {
        for issue in with(&record, disposition) {
            wanted.push(issue.text.clone());
            wanted.push(issue.answer.clone());
            wanted.push(record.participants[&issue.raised_by.unwrap()].name.clone());
        }
    }
    wanted.push("Phạm Thanh Tùng".into());
    for what in wanted {
        assert!(
            printed.contains(&squeezed(&what)),
            "{what:?} not in the printed report:\n{text}"
        );
    }
}

#[test]
fn libreoffice_prints_the_vietnamese_demo_report() {
    printed_in(
        "vi",
        &[
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: …/BC-SKHCN",
            "BÁO CÁO",
            "Kính gửi: Cục Sở hữu trí tuệ - Bộ Khoa học và Công nghệ.",
            "I. PHẢN ÁNH, KIẾN NGHỊ VƯỢT THẨM QUYỀN",
            "Thời hạn chuyển:",
            "kính đề nghị Quý cơ quan xem xét, giải quyết theo thẩm quyền",
            "Nơi nhận:",
            "PHÓ GIÁM ĐỐC SỞ",
            "(Ký, ghi rõ họ tên)",
        ],
    );
}

#[test]
fn libreoffice_prints_the_english_demo_report() {
    printed_in(
        "en",
        &[
            "SOCIALIST REPUBLIC OF VIET NAM",
            "REPORT",
            "To: Cục Sở hữu trí tuệ - Bộ Khoa học và Công nghệ.",
            "I. ISSUES BEYOND THE AGENCY'S AUTHORITY",
            "Forward by:",
            "PHÓ GIÁM ĐỐC SỞ",
            "(signature and full name)",
        ],
    );
}
