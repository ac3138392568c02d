//! The follow-up report (`gavel followup FILE --format md|docx|csv`), as
//! leadership reads it: golden files of the demo in Vietnamese and English
//! at a fixed day; written replies and an action closed through the real
//! binary shown replied with their letter, on time or so many working days
//! late, and the summary's counts checked against the record; `--overdue`
//! keeping only what is overdue; the Word document read back (its XML
//! parsed) and printed through LibreOffice to PDF; the CSV table with its
//! columns in both languages, opened by LibreOffice Calc; a bad format or a
//! Word report without -o refused, nothing written.
//!
//! `GAVEL_BLESS=1 cargo test --test followup_report` rewrites the golden
//! files; read the difference before committing it.

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use common::golden::*;
use common::office::*;
use common::word::read_body;
use common::*;
use gavel::domain::workdays::Calendar;
use gavel::domain::*;
use gavel::export::csv::BOM;
use gavel::export::followup_csv::{Kind, Status, headers};
use gavel::i18n::Lang;
use gavel::store::Store;

/// The day the golden reports count to: the first working Monday after
/// the Tết days off that followed the demo meeting (5 February 2026), when
/// some deadlines have passed and others not.
const REPORT_DAY: &str = "02/03/2026";

fn day(d: u32, m: u32, y: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn dmy(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

fn demo_file(dir: &tempfile::TempDir) -> PathBuf {
    write_demo(dir, "chair")
}

/// `gavel followup FILE ARGS...`: its exit code, output and errors.
fn followup(file: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    finished(gavel_command().arg("followup").arg(file).args(args))
}

/// `gavel followup FILE ARGS...`, which must succeed: its output.
fn followup_ok(file: &Path, args: &[&str]) -> String {
    let (code, out, err) = followup(file, args);
    assert_eq!(code, Some(0), "gavel followup {args:?}: {err}");
    out
}

/// `gavel followup FILE --overdue ARGS...` when something is overdue: its
/// output, written all the same, and the exit status 1 that says so.
fn followup_overdue(file: &Path, args: &[&str]) -> String {
    let (code, out, err) = followup(file, args);
    assert!(args.contains(&"--overdue"));
    assert_eq!(code, Some(1), "gavel followup {args:?}: {err}");
    out
}

/// The report in Markdown as of `today`, in `lang`.
fn report(file: &Path, lang: &str, today: &str) -> String {
    followup_ok(file, &["--format", "md", "--lang", lang, "--today", today])
}

// The golden files -------------------------------------------------------------

#[test]
fn the_demo_report_in_vietnamese_matches_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    let text = report(&file, "vi", REPORT_DAY);
    assert_golden("followup.vi.md", &text);
    assert_eq!(
        text,
        report(&file, "vi", REPORT_DAY),
        "the same day, the same text"
    );
}

#[test]
fn the_demo_report_in_english_matches_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    assert_golden("followup.en.md", &report(&file, "en", REPORT_DAY));
}

#[test]
fn the_demo_report_has_the_layout_of_a_report_dated_the_day_it_counts_to() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    let text = report(&file, "vi", REPORT_DAY);
    for line in [
        "| Số: …/BC-SKHCN | *Mỹ Tho, ngày 02 tháng 3 năm 2026* |",
        "# BÁO CÁO",
        "**Kết quả trả lời, xử lý ý kiến phản ánh, kiến nghị và thực hiện nhiệm vụ sau Hội nghị đối thoại",
        "Ngày 05/02/2026, Sở Khoa học và Công nghệ tổ chức Hội nghị đối thoại",
        "tính đến ngày 02/03/2026, như sau:",
        "## I. TRẢ LỜI BẰNG VĂN BẢN CÁC Ý KIẾN CHƯA TRẢ LỜI TẠI HỘI NGHỊ",
        "## II. CHUYỂN CẤP TRÊN, CHUYỂN CƠ QUAN CÓ THẨM QUYỀN",
        "## III. THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO",
        "## IV. TỔNG HỢP",
        "| **Nơi nhận:** | **PHÓ GIÁM ĐỐC SỞ** |",
        "| **Phạm Thanh Tùng** |",
    ] {
        assert!(text.contains(line), "{line:?} not in:\n{text}");
    }
    // An internal report names who raised an issue, never their contact.
    let record = read_record(&file);
    for p in record.participants.values() {
        for line in p.contact.lines().map(str::trim).filter(|l| !l.is_empty()) {
            assert!(!text.contains(line), "contact {line:?} in:\n{text}");
        }
    }
    // No English word in the Vietnamese report.
    for english in [
        "Issue",
        "Result",
        "Replied",
        "Forwarded",
        "Done",
        "overdue",
        "working day",
        "on time",
        "late",
        "Total",
        "Distribution",
        "REPORT",
        "open",
    ] {
        assert!(!text.contains(english), "{english:?} in:\n{text}");
    }
    // No field left as "…" to fill in; only the number, given when the
    // report is registered.
    assert_eq!(text.matches('…').count(), 1, "{text}");
    assert!(text.contains("Số: …/BC-SKHCN"));
}

// Closing through the real binary, and the counts ------------------------------

/// What the report must count, worked out here from the record: for each
/// kind, (total, on time, late, open, overdue).
fn expected_counts(
    record: &Record,
    done_on: &dyn Fn(&Action) -> NaiveDate,
    today: NaiveDate,
) -> [[usize; 5]; 3] {
    fn tally(
        counts: &mut [usize; 5],
        due: Option<NaiveDate>,
        done: Option<NaiveDate>,
        today: NaiveDate,
    ) {
        counts[0] += 1;
        let slot = match (done, due) {
            (Some(on), Some(due)) if on > due => 2,
            (Some(_), _) => 1,
            (None, Some(due)) if due < today => 4,
            (None, _) => 3,
        };
        counts[slot] += 1;
    }
    let mut out = [[0; 5]; 3];
    for issue in record.issues.values() {
        match issue.disposition {
            Disposition::WrittenReplyRequired => {
                tally(&mut out[0], issue.reply_due, issue.closed_on, today)
            }
            Disposition::Escalated | Disposition::Redirected => {
                tally(&mut out[1], issue.forward_due, issue.closed_on, today)
            }
            _ => {}
        }
    }
    for action in record.actions.values() {
        let done = match action.status {
            ActionStatus::Cancelled => continue,
            ActionStatus::Done => Some(done_on(action)),
            _ => None,
        };
        tally(&mut out[2], action.due, done, today);
    }
    out
}

/// The cells of the Markdown table row starting with `first`.
fn row_after(text: &str, first: &str) -> Vec<String> {
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("| {first} |")))
        .unwrap_or_else(|| panic!("no row {first:?} in:\n{text}"));
    line.trim_matches('|')
        .split(" | ")
        .map(|cell| cell.trim().trim_matches('*').to_string())
        .collect()
}

#[test]
fn replies_and_an_action_closed_show_with_their_letter_on_time_or_late_and_the_counts_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    let before = read_record(&file);
    let calendar = Calendar::of(&before.meeting.details);
    let issue = |n: u32| {
        before
            .issues
            .values()
            .find(|i| i.number == n)
            .unwrap()
            .clone()
    };
    let (five, one) = (issue(5), issue(1));
    assert_eq!(five.disposition, Disposition::WrittenReplyRequired);
    assert_eq!(one.disposition, Disposition::WrittenReplyRequired);
    // Issue 5 answered on its last day: on time. Issue 1 three working
    // days after its deadline: late.
    let five_on = five.reply_due.unwrap();
    let one_on = calendar.add_working_days(one.reply_due.unwrap(), 3);
    for (n, reference, on) in [(5, "345/SKHCN-QLCN", five_on), (1, "12/SKHCN-QLCN", one_on)] {
        followup_ok(
            &file,
            &[
                "--close-issue",
                &n.to_string(),
                "--ref",
                reference,
                "--on",
                &dmy(on),
                "--as",
                "Lan",
            ],
        );
    }
    // Action 2 (due 12/02/2026) done today, by the machine's clock: late.
    followup_ok(
        &file,
        &["--close-action", "2", "--ref", "46/SKHCN-VP", "--as", "Lan"],
    );

    let store = Store::open(&file, options("reader", Role::Observer)).unwrap();
    let after = store.record().clone();
    let last = store.entries_after(0).unwrap().pop().unwrap();
    drop(store);
    let done_day = gavel::domain::clock::local_date(&after.meeting.details, last.at);
    let action = after.actions.values().nth(1).unwrap().clone();
    assert_eq!(action.status, ActionStatus::Done);
    let action_late = -calendar.working_days_between(done_day, action.due.unwrap());
    assert!(action_late > 0);

    let today = done_day;
    let text = report(&file, "vi", &dmy(today));
    assert_eq!(
        row_after(&text, "5")[4],
        format!(
            "Đã trả lời tại văn bản số 345/SKHCN-QLCN ngày {}, đúng hạn",
            dmy(five_on)
        )
    );
    assert_eq!(
        row_after(&text, "1")[4],
        format!(
            "Đã trả lời tại văn bản số 12/SKHCN-QLCN ngày {}, chậm 3 ngày làm việc",
            dmy(one_on)
        )
    );
    assert_eq!(
        row_after(&text, "2")[4],
        format!(
            "Đã hoàn thành tại văn bản số 46/SKHCN-VP ngày {}, chậm {action_late} ngày làm việc",
            dmy(done_day)
        )
    );
    let english = report(&file, "en", &dmy(today));
    assert!(
        english.contains(&format!(
            "Replied by letter No. 345/SKHCN-QLCN on {}, on time",
            five_on.format("%-d %B %Y")
        )),
        "{english}"
    );
    assert!(english.contains("3 working days late"), "{english}");

    // The summary: each kind's counts as the record gives them, and the
    // total their sum.
    let expected = expected_counts(&after, &|_| done_day, today);
    let rows = [
        "Trả lời bằng văn bản",
        "Chuyển cấp trên, chuyển cơ quan có thẩm quyền",
        "Nhiệm vụ được giao",
    ];
    let mut total = [0; 5];
    for (label, counts) in rows.iter().zip(&expected) {
        let cells: Vec<usize> = row_after(&text, label)[1..]
            .iter()
            .map(|c| c.parse().unwrap())
            .collect();
        assert_eq!(cells, counts, "{label}");
        assert_eq!(
            counts[0],
            counts[1..].iter().sum::<usize>(),
            "{label} adds up"
        );
        for (t, c) in total.iter_mut().zip(counts) {
            *t += c;
        }
    }
    let cells: Vec<usize> = row_after(&text, "**Cộng**")[1..]
        .iter()
        .map(|c| c.parse().unwrap())
        .collect();
    assert_eq!(cells, total);
    assert_eq!(expected[0][1..3], [1, 1], "one reply on time, one late");
    assert_eq!(expected[2][2], 1, "the action done late");
    let [all, on_time, late, open, overdue] = total;
    assert!(
        text.contains(&format!(
            "Tổng số {all} việc phải theo dõi: đã hoàn thành {} (đúng hạn {on_time}, chậm {late}); chưa hoàn thành {} (còn trong hạn {open}, quá hạn {overdue}).",
            on_time + late,
            open + overdue
        )),
        "{text}"
    );
    let rate = (on_time * 1000 + (on_time + late) / 2) / (on_time + late);
    assert!(
        text.contains(&format!(
            "Tỷ lệ hoàn thành đúng hạn: {},{}% ({on_time}/{} việc đã hoàn thành).",
            rate / 10,
            rate % 10,
            on_time + late
        )),
        "{text}"
    );
}

#[test]
fn overdue_keeps_only_what_is_overdue_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    let record = read_record(&file);
    let today = day(2, 3, 2026);
    let overdue_issues: Vec<u32> = record
        .issues
        .values()
        .filter(|i| i.is_overdue(today))
        .map(|i| i.number)
        .collect();
    let overdue_actions = record
        .actions
        .values()
        .filter(|a| a.is_overdue(today))
        .count();
    assert!(!overdue_issues.is_empty() && overdue_actions > 0);

    let text = followup_overdue(
        &file,
        &[
            "--format",
            "md",
            "--lang",
            "vi",
            "--today",
            REPORT_DAY,
            "--overdue",
        ],
    );
    assert!(text.contains("chỉ gồm những việc đã quá hạn"), "{text}");
    let body = &text[text.find("## I.").unwrap()..text.find("## IV.").unwrap()];
    let rows: Vec<&str> = body
        .lines()
        .filter(|l| l.starts_with("| ") && l.chars().nth(2).is_some_and(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(rows.len(), overdue_issues.len() + overdue_actions, "{body}");
    for row in rows {
        assert!(row.contains("quá hạn"), "{row}");
    }

    let csv = followup_overdue(
        &file,
        &[
            "--format",
            "csv",
            "--lang",
            "en",
            "--today",
            REPORT_DAY,
            "--overdue",
        ],
    );
    let (header, rows) = parse_csv(&csv);
    let status = header.iter().position(|h| h == "status").unwrap();
    assert_eq!(rows.len(), overdue_issues.len() + overdue_actions);
    assert!(rows.iter().all(|r| r[status] == "overdue"), "{csv}");
}

// The Word document ------------------------------------------------------------

/// `gavel followup FILE --format docx --lang LANG --today REPORT_DAY -o OUT`.
fn export_docx(file: &Path, lang: &str, out: &Path) -> Vec<u8> {
    let mut command = gavel_command();
    command
        .arg("followup")
        .arg(file)
        .args([
            "--format", "docx", "--lang", lang, "--today", REPORT_DAY, "-o",
        ])
        .arg(out);
    let (code, _, err) = finished(&mut command);
    assert_eq!(code, Some(0), "gavel followup --format docx: {err}");
    std::fs::read(out).expect("the .docx written")
}

#[test]
fn the_word_report_reads_back_from_its_xml_the_same_bytes_each_time() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    let record = read_record(&file);
    let docx = export_docx(&file, "vi", &dir.path().join("bao-cao.docx"));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert!(
        docx == export_docx(&file, "vi", &dir.path().join("lai.docx")),
        "the same day, the same bytes"
    );
    let body = read_body(&docx);
    let header = &body.tables[0];
    assert_eq!(
        header[2],
        ["Số: …/BC-SKHCN", "Mỹ Tho, ngày 02 tháng 3 năm 2026"]
    );
    let p = &body.paragraphs;
    let title = p.iter().position(|t| t == "BÁO CÁO").expect("the title");
    assert!(p[title + 1].starts_with("Kết quả trả lời, xử lý ý kiến phản ánh, kiến nghị"));
    assert!(
        p.iter().any(|t| t.contains("tính đến ngày 02/03/2026")),
        "{p:#?}"
    );

    // The written replies, the forwardings, the tasks, the summary.
    let replies = &body.tables[1];
    assert_eq!(
        replies[0],
        [
            "Ý kiến số",
            "Người nêu",
            "Nội dung",
            "Hạn trả lời",
            "Kết quả"
        ]
    );
    let owed = |d: Disposition| {
        record
            .issues
            .values()
            .filter(|i| i.disposition == d)
            .count()
    };
    assert_eq!(replies.len(), owed(Disposition::WrittenReplyRequired) + 1);
    let forwardings = &body.tables[2];
    assert_eq!(
        forwardings.len(),
        owed(Disposition::Escalated) + owed(Disposition::Redirected) + 1
    );
    assert!(
        forwardings[1..]
            .iter()
            .all(|row| row[5].starts_with("Chưa chuyển, quá hạn"))
    );
    let tasks = &body.tables[3];
    assert_eq!(tasks.len(), record.actions.len() + 1);
    for (row, action) in tasks[1..].iter().zip(record.actions.values()) {
        assert_eq!(
            row[1..4],
            [
                action.title.clone(),
                action.owner.clone(),
                dmy(action.due.unwrap())
            ]
        );
    }
    let summary = &body.tables[4];
    assert_eq!(summary[4][0], "Cộng");
    let total: usize = summary[4][1].parse().unwrap();
    assert_eq!(total, replies.len() + forwardings.len() + tasks.len() - 3);

    let foot = body.tables.last().unwrap();
    assert!(foot[0][0].starts_with("Nơi nhận:\n"), "{foot:?}");
    let signer: Vec<&str> = foot[0][1].lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(
        signer,
        ["PHÓ GIÁM ĐỐC SỞ", "(Ký, ghi rõ họ tên)", "Phạm Thanh Tùng"]
    );
}

/// The demo report printed to PDF: everything a reader looks for in it.
fn printed_in(lang: &str, expected: &[&str]) {
    let Some([soffice, pdftotext]) = required(
        ["soffice", "pdftotext"],
        "the LibreOffice test of the Word follow-up report",
        "libreoffice-writer-nogui poppler-utils",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    let record = read_record(&file);
    let docx = dir.path().join("report.docx");
    export_docx(&file, lang, &docx);
    let pdf = convert(&soffice, &docx, "pdf", &[], dir.path());
    let text = poppler(&pdftotext, &["-enc", "UTF-8"], &pdf);
    let printed = squeezed(&text);
    let mut wanted: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    for action in record.actions.values() {
        wanted.push(action.title.clone());
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
fn libreoffice_prints_the_vietnamese_report() {
    printed_in(
        "vi",
        &[
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: …/BC-SKHCN",
            "BÁO CÁO",
            "tính đến ngày 02/03/2026",
            "I. TRẢ LỜI BẰNG VĂN BẢN CÁC Ý KIẾN CHƯA TRẢ LỜI TẠI HỘI NGHỊ",
            "IV. TỔNG HỢP",
            "Chưa chuyển, quá hạn",
            "Nơi nhận:",
            "(Ký, ghi rõ họ tên)",
        ],
    );
}

#[test]
fn libreoffice_prints_the_english_report() {
    printed_in(
        "en",
        &[
            "SOCIALIST REPUBLIC OF VIET NAM",
            "REPORT",
            "as of 2 March 2026",
            "IV. SUMMARY",
            "Not forwarded yet, overdue by",
            "(signature and full name)",
        ],
    );
}

// The CSV table ----------------------------------------------------------------

fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let body = text.strip_prefix(BOM).expect("starts with a UTF-8 BOM");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(body.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn the_table_has_a_row_per_thing_followed_up_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    let record = read_record(&file);
    let followed: usize = record
        .issues
        .values()
        .filter(|i| {
            matches!(
                i.disposition,
                Disposition::WrittenReplyRequired
                    | Disposition::Escalated
                    | Disposition::Redirected
            )
        })
        .count()
        + record.actions.len();

    let (header, rows) = parse_csv(&followup_ok(
        &file,
        &["--format", "csv", "--lang", "en", "--today", REPORT_DAY],
    ));
    assert_eq!(header, headers(Lang::En));
    assert_eq!(rows.len(), followed);
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let codes: Vec<&str> = Kind::ALL.iter().map(|k| k.word(Lang::En)).collect();
    let states: Vec<&str> = Status::ALL.iter().map(|s| s.word(Lang::En)).collect();
    for row in &rows {
        assert!(codes.contains(&row[at("kind")].as_str()), "{row:?}");
        assert!(states.contains(&row[at("status")].as_str()), "{row:?}");
        if !row[at("due")].is_empty() {
            NaiveDate::parse_from_str(&row[at("due")], "%Y-%m-%d").expect("ISO date");
        }
    }
    let actions = rows.iter().filter(|r| r[at("kind")] == "action").count();
    assert_eq!(actions, record.actions.len());

    let (header, rows) = parse_csv(&followup_ok(
        &file,
        &["--format", "csv", "--lang", "vi", "--today", REPORT_DAY],
    ));
    assert_eq!(header, headers(Lang::Vi));
    assert_eq!(rows.len(), followed);
    let kind = header.iter().position(|h| h == "Loại việc").unwrap();
    let due = header.iter().position(|h| h == "Thời hạn").unwrap();
    for row in &rows {
        assert!(
            Kind::ALL.iter().any(|k| k.word(Lang::Vi) == row[kind]),
            "{row:?}"
        );
        NaiveDate::parse_from_str(&row[due], "%d/%m/%Y").expect("dd/mm/yyyy");
    }
}

#[test]
fn libreoffice_calc_opens_the_vietnamese_table_with_its_headers() {
    let Some(soffice) = required_calc("the LibreOffice Calc test of the follow-up table") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    let csv = dir.path().join("theo-doi.csv");
    let mut command = gavel_command();
    command
        .arg("followup")
        .arg(&file)
        .args([
            "--format", "csv", "--lang", "vi", "--today", REPORT_DAY, "-o",
        ])
        .arg(&csv);
    let (code, _, err) = finished(&mut command);
    assert_eq!(code, Some(0), "{err}");
    let rows = parse_csv(&std::fs::read_to_string(&csv).unwrap()).1;

    // Comma, double quote, UTF-8 (76), from line 1, Vietnamese (1066).
    let html = convert(
        &soffice,
        &csv,
        "html",
        &["--infilter=CSV:44,34,76,1,,1066"],
        &dir.path().join("calc"),
    );
    let html = std::fs::read_to_string(&html).expect("Calc writes UTF-8 HTML");
    let cells = |tr: &str| -> Vec<String> {
        tr.split("<td")
            .skip(1)
            .map(|td| {
                let inner = td.split_once('>').map_or("", |(_, rest)| rest);
                let inner = inner.split("</td>").next().unwrap_or("");
                let mut text = String::new();
                let mut in_tag = false;
                for c in inner.chars() {
                    match c {
                        '<' => in_tag = true,
                        '>' => in_tag = false,
                        c if !in_tag => text.push(c),
                        _ => {}
                    }
                }
                text.replace("&amp;", "&")
            })
            .collect()
    };
    let trs: Vec<&str> = html.split("<tr").skip(1).collect();
    assert_eq!(trs.len(), rows.len() + 1, "{html}");
    assert_eq!(cells(trs[0]), headers(Lang::Vi), "the headers in Calc");
    let kinds: Vec<String> = trs[1..].iter().map(|tr| cells(tr)[0].clone()).collect();
    assert!(
        kinds.contains(&"trả lời bằng văn bản".to_string()),
        "{kinds:?}"
    );
    assert!(kinds.contains(&"chuyển cấp trên".to_string()), "{kinds:?}");
}

#[test]
fn the_format_document_names_every_column_and_value_of_the_table() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/csv-format.md"))
            .unwrap();
    for (en, vi) in headers(Lang::En).iter().zip(headers(Lang::Vi)) {
        let row = format!("| `{en}` | {vi} |");
        assert!(doc.contains(&row), "no {row:?} in docs/csv-format.md");
    }
    for word in Kind::ALL
        .iter()
        .flat_map(|k| [k.word(Lang::En), k.word(Lang::Vi)])
        .chain(
            Status::ALL
                .iter()
                .flat_map(|s| [s.word(Lang::En), s.word(Lang::Vi)]),
        )
    {
        assert!(
            doc.contains(&format!("`{word}`")),
            "{word} not in docs/csv-format.md"
        );
    }
}

// Refusals ---------------------------------------------------------------------

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_bad_format_or_a_word_report_without_output_is_refused_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    let meeting = std::fs::read(&file).unwrap();
    let files = listing(dir.path());

    let (code, out, err) = followup(&file, &["--format", "pdf", "-o", "x.pdf"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(out.is_empty());
    assert!(err.contains("pdf") && err.contains("--format"), "{err}");
    assert!(
        err.contains("md") && err.contains("docx") && err.contains("csv"),
        "{err}"
    );

    // On a terminal (into a pipe, the report is written: tests/pipes.rs).
    for (lang, words) in [("en", "needs -o"), ("vi", "cần -o")] {
        let (code, seen, err) = with_stdout_on_a_terminal(
            gavel_command()
                .arg("followup")
                .arg(&file)
                .args(["--format", "docx", "--lang", lang]),
        );
        assert_eq!(code, Some(2), "{err}");
        assert!(seen.is_empty(), "nothing on the terminal");
        assert!(err.contains(words), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }

    // The meeting itself as -o: refused before anything is written.
    let (code, _, err) = followup(&file, &["--format", "md", "-o", file.to_str().unwrap()]);
    assert_eq!(code, Some(2), "{err}");
    // A report is not written while closing an issue.
    let (code, _, err) = followup(
        &file,
        &["--close-issue", "5", "--ref", "1/X", "--format", "md"],
    );
    assert_eq!(code, Some(2), "{err}");

    assert_eq!(listing(dir.path()), files, "no file written");
    assert!(
        std::fs::read(&file).unwrap() == meeting,
        "the meeting untouched"
    );
}

#[test]
fn a_forwarding_done_shows_its_letter_and_an_action_keeps_the_day_it_was_done() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    // Action 3 (due 26/02/2026) marked done that day without a reference,
    // and given its letter's reference a week later: done on the 26th.
    let mut store = Store::open(&file, options("Lan", Role::Secretary)).unwrap();
    let at = |d: u32, m: u32| {
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, m, d, 2, 0, 0).unwrap()
    };
    for (reference, when) in [("", at(26, 2)), ("60/SKHCN-QLKH", at(5, 3))] {
        let action = store.record().actions.values().nth(2).unwrap().clone();
        assert_eq!(action.due, Some(day(26, 2, 2026)));
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
                        status: ActionStatus::Done,
                        completion_ref: reference.into(),
                    },
                },
                when,
            )
            .unwrap();
    }
    drop(store);
    // Issue 6, escalated, forwarded the day before its deadline.
    followup_ok(
        &file,
        &[
            "--close-issue",
            "6",
            "--ref",
            "50/SKHCN-VP",
            "--on",
            "11/02/2026",
        ],
    );

    let text = report(&file, "vi", "06/03/2026");
    assert_eq!(
        row_after(&text, "6")[5],
        "Đã chuyển tại văn bản số 50/SKHCN-VP ngày 11/02/2026, đúng hạn"
    );
    assert_eq!(
        row_after(&text, "3")[4],
        "Đã hoàn thành tại văn bản số 60/SKHCN-QLKH ngày 26/02/2026, đúng hạn"
    );
    let english = report(&file, "en", "06/03/2026");
    assert!(
        english.contains("Forwarded by letter No. 50/SKHCN-VP on 11 February 2026, on time"),
        "{english}"
    );
    assert!(
        english.contains("Done by letter No. 60/SKHCN-QLKH on 26 February 2026, on time"),
        "{english}"
    );
    assert!(english.contains("(2 of 2 items done)"), "{english}");
}

#[test]
fn days_counted_through_a_year_not_yet_announced_are_said_to_be_estimates() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    let note = "Số ngày làm việc trong báo cáo này là ước tính";
    assert!(!report(&file, "vi", REPORT_DAY).contains(note));
    // In 2027 (shipped as estimated), the days overdue count through it.
    let later = report(&file, "vi", "26/01/2027");
    assert!(later.contains(note), "{later}");
    assert!(report(&file, "en", "26/01/2027").contains("are estimates"));
}

#[test]
fn issues_left_without_a_way_forward_are_named_in_the_report_and_the_listing() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    let record = read_record(&file);
    let undecided: Vec<&Issue> = record
        .issues
        .values()
        .filter(|i| i.disposition == Disposition::Open)
        .collect();
    assert!(!undecided.is_empty(), "the demo has issues not yet decided");
    let text = report(&file, "vi", "02/03/2026");
    let paragraph = text
        .lines()
        .find(|l| l.contains("chưa xác định hướng xử lý"))
        .unwrap_or_else(|| panic!("no paragraph on the undecided issues:\n{text}"));
    let listing = followup_ok(&file, &["--today", "02/03/2026", "--lang", "vi"]);
    let section = listing
        .split("Chưa trả lời, chưa xác định hướng xử lý")
        .nth(1)
        .unwrap_or_else(|| panic!("no section in the listing:\n{listing}"));
    for issue in &undecided {
        assert!(
            paragraph.contains(&format!("số {}", issue.number)),
            "{paragraph}"
        );
        assert!(section.contains(&format!("#{}", issue.number)), "{section}");
    }
    // No deadline runs for them: never among what is overdue.
    let overdue = followup_overdue(
        &file,
        &["--today", "02/03/2026", "--lang", "vi", "--overdue"],
    );
    assert!(!overdue.contains("chưa xác định hướng xử lý"), "{overdue}");
}
