//! The minutes as a Word document (`gavel export FILE --format docx`), read
//! back the way a secretary would check them before printing:
//! - always: the package unzipped and `word/document.xml` parsed; the page
//!   (A4, the official margins), the font, the header table (agencies and
//!   the national motto side by side, borderless), the number and the
//!   date, the title, every issue in the issues table, the actions, the
//!   two signature blocks side by side;
//! - with LibreOffice: the document printed to PDF (`soffice --headless
//!   --convert-to pdf`) and its text (`pdftotext`) checked for the same;
//!   skipped, with a message on stderr, where soffice or pdftotext is
//!   missing on a developer's machine; a failure under `CI=true`
//!   (`.ci/run` installs them).

mod common;
mod fixture;

use std::io::Read;
use std::path::{Path, PathBuf};

use common::office::*;
use common::*;
use gavel::domain::*;
use quick_xml::events::{BytesStart, Event};

// Reading the document back ---------------------------------------------------

#[derive(Debug, Default)]
struct Run {
    text: String,
    bold: bool,
    italic: bool,
    underline: bool,
}

#[derive(Debug, Default)]
struct Para {
    runs: Vec<Run>,
    align: Option<String>,
}

impl Para {
    fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

#[derive(Debug, Default)]
struct Cell {
    paras: Vec<Para>,
}

impl Cell {
    fn text(&self) -> String {
        self.paras
            .iter()
            .map(Para::text)
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn para(&self, text: &str) -> &Para {
        self.paras
            .iter()
            .find(|p| p.text() == text)
            .unwrap_or_else(|| panic!("no paragraph {text:?} in the cell {:?}", self.text()))
    }
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
    /// `w:tblBorders`: each edge and its `w:val`.
    borders: Vec<(String, String)>,
}

impl Table {
    fn header(&self) -> Vec<String> {
        self.rows[0].iter().map(Cell::text).collect()
    }

    fn has_no_borders(&self) -> bool {
        self.borders.len() == 6
            && self
                .borders
                .iter()
                .all(|(_, val)| val == "nil" || val == "none")
    }
}

#[derive(Debug)]
enum Block {
    Para(Para),
    Table(Table),
}

/// What a reader of the Word document sees, as the XML says it.
#[derive(Debug, Default)]
struct Document {
    body: Vec<Block>,
    /// `w:pgSz` and `w:pgMar`, in twips.
    page: Vec<(String, u32)>,
    /// From `word/styles.xml`: the default font and size (half-points).
    font: String,
    size: u32,
}

impl Document {
    fn tables(&self) -> impl Iterator<Item = &Table> {
        self.body.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Para(_) => None,
        })
    }

    fn page(&self, name: &str) -> u32 {
        self.page
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no {name} in the section properties"))
            .1
    }

    /// The table whose header row is `header`.
    fn table(&self, header: &[&str]) -> &Table {
        self.tables()
            .find(|t| t.header() == header)
            .unwrap_or_else(|| panic!("no table with the header {header:?}"))
    }

    /// The position of the first paragraph outside tables reading `text`.
    fn para_index(&self, text: &str) -> usize {
        self.body
            .iter()
            .position(|b| matches!(b, Block::Para(p) if p.text() == text))
            .unwrap_or_else(|| panic!("no paragraph {text:?}"))
    }
}

/// An attribute's value as written (the ones read here, numbers, names and
/// keywords, hold no XML escapes).
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name.as_bytes())
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// A `w:b`, `w:i` or `w:u` element: on unless its value says off.
fn on(e: &BytesStart) -> bool {
    !matches!(
        attr(e, "w:val").as_deref(),
        Some("false" | "0" | "none" | "off")
    )
}

fn part(docx: &[u8], name: &str) -> String {
    let mut package = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip package");
    let mut text = String::new();
    package
        .by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut text)
        .expect("UTF-8 XML");
    text
}

/// Parses the parts of the package a reader needs. Panics on XML that is
/// not well-formed: Word refuses to open such a file.
fn read_docx(docx: &[u8]) -> Document {
    let mut doc = Document::default();
    read_body(&part(docx, "word/document.xml"), &mut doc);
    read_defaults(&part(docx, "word/styles.xml"), &mut doc);
    doc
}

fn read_body(xml: &str, doc: &mut Document) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut table, mut row, mut cell): (Option<Table>, Option<Vec<Cell>>, Option<Cell>) =
        (None, None, None);
    let (mut para, mut run): (Option<Para>, Option<Run>) = (None, None);
    let (mut in_text, mut in_borders) = (false, false);
    loop {
        let event = reader.read_event().expect("well-formed document.xml");
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.name().as_ref() {
                    b"w:tbl" => table = Some(Table::default()),
                    b"w:tr" => row = Some(Vec::new()),
                    b"w:tc" => cell = Some(Cell::default()),
                    b"w:p" if empty => push_para(Para::default(), &mut cell, doc),
                    b"w:p" => para = Some(Para::default()),
                    b"w:r" => run = Some(Run::default()),
                    b"w:t" => in_text = !empty,
                    b"w:b" => run.iter_mut().for_each(|r| r.bold = on(e)),
                    b"w:i" => run.iter_mut().for_each(|r| r.italic = on(e)),
                    b"w:u" => run.iter_mut().for_each(|r| r.underline = on(e)),
                    b"w:jc" => {
                        if let Some(p) = para.as_mut() {
                            p.align = attr(e, "w:val");
                        }
                    }
                    b"w:tblBorders" => in_borders = !empty,
                    name if in_borders => {
                        let edge = String::from_utf8_lossy(name).into_owned();
                        let val = attr(e, "w:val").unwrap_or_default();
                        table
                            .iter_mut()
                            .for_each(|t| t.borders.push((edge.clone(), val.clone())));
                    }
                    b"w:pgSz" | b"w:pgMar" => {
                        for a in e.attributes().flatten() {
                            let name = String::from_utf8_lossy(a.key.as_ref()).into_owned();
                            if let Ok(value) = String::from_utf8_lossy(&a.value).parse() {
                                doc.page.push((name, value));
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(text) if in_text => {
                if let Some(r) = run.as_mut() {
                    r.text.push_str(&text.unescape().expect("text"));
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:tblBorders" => in_borders = false,
                b"w:r" => {
                    if let (Some(p), Some(r)) = (para.as_mut(), run.take()) {
                        p.runs.push(r);
                    }
                }
                b"w:p" => {
                    if let Some(p) = para.take() {
                        push_para(p, &mut cell, doc);
                    }
                }
                b"w:tc" => {
                    if let (Some(r), Some(c)) = (row.as_mut(), cell.take()) {
                        r.push(c);
                    }
                }
                b"w:tr" => {
                    if let (Some(t), Some(r)) = (table.as_mut(), row.take()) {
                        t.rows.push(r);
                    }
                }
                b"w:tbl" => {
                    if let Some(t) = table.take() {
                        doc.body.push(Block::Table(t));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
}

fn push_para(p: Para, cell: &mut Option<Cell>, doc: &mut Document) {
    match cell.as_mut() {
        Some(c) => c.paras.push(p),
        None => doc.body.push(Block::Para(p)),
    }
}

/// The default font and size of the document (`w:docDefaults`).
fn read_defaults(xml: &str, doc: &mut Document) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut in_defaults = false;
    loop {
        match reader.read_event().expect("well-formed styles.xml") {
            Event::Start(e) if e.name().as_ref() == b"w:rPrDefault" => in_defaults = true,
            Event::End(e) if e.name().as_ref() == b"w:rPrDefault" => in_defaults = false,
            Event::Empty(e) | Event::Start(e) if in_defaults => match e.name().as_ref() {
                b"w:rFonts" => doc.font = attr(&e, "w:ascii").unwrap_or_default(),
                b"w:sz" => doc.size = attr(&e, "w:val").and_then(|v| v.parse().ok()).unwrap_or(0),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
}

// The meeting and its export ---------------------------------------------------

/// The demo meeting, caught at 09:20 on 5 February 2026, in `dir`.
fn demo_file(dir: &tempfile::TempDir) -> PathBuf {
    let path = meeting_path(dir);
    drop(
        gavel::demo::create_demo(&path, fast_options("chair", Role::Chair), demo_now())
            .expect("demo written"),
    );
    path
}

/// `gavel export FILE --format docx --lang LANG -o OUT` through the binary;
/// the document written.
fn export_docx(file: &Path, lang: &str, out: &Path) -> Vec<u8> {
    let output = gavel_command()
        .args(["export", "--format", "docx", "--lang", lang, "-o"])
        .arg(out)
        .arg(file)
        .output()
        .expect("run gavel");
    assert!(
        output.status.success(),
        "gavel export failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.is_empty(), "nothing on the standard output");
    std::fs::read(out).expect("the .docx written")
}

/// A person's text as the minutes show it: its non-blank lines, trimmed.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The name under a signature block: the chair's or the secretary's, as a
/// participant or (older files) as typed.
fn signed_name(record: &Record, role: Role) -> String {
    let (chosen, typed) = match role {
        Role::Chair => (record.chair(), &record.meeting.details.chair),
        _ => (record.secretary(), &record.meeting.details.secretary),
    };
    chosen.map_or_else(|| typed.clone(), |p| p.name.clone())
}

fn issues_in_order(record: &Record) -> Vec<&Issue> {
    let mut issues: Vec<&Issue> = record.issues.values().collect();
    issues.sort_by_key(|i| i.number);
    issues
}

/// The fixed words of the minutes in one language, as a reader expects them.
struct Words {
    lang: &'static str,
    nation: &'static str,
    motto: &'static str,
    number: &'static str,
    /// The place-and-date line a notice has under the motto, and form 1.9
    /// of the minutes has not.
    place_and_date: &'static str,
    title: &'static str,
    sections: [&'static str; 3],
    issues_header: [&'static str; 7],
    actions_header: [&'static str; 6],
    not_answered: &'static str,
    secretary: &'static str,
    chair: &'static str,
    sign: &'static str,
    /// The last line of "Nơi nhận".
    recipients: &'static str,
}

const VI: Words = Words {
    lang: "vi",
    nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto: "Độc lập - Tự do - Hạnh phúc",
    number: "Số: …/BB-SKHCN",
    place_and_date: "Mỹ Tho, ngày 05 tháng 02 năm 2026",
    title: "BIÊN BẢN",
    sections: ["I. THÀNH PHẦN", "II. NỘI DUNG", "III. KẾT LUẬN CỦA CHỦ TRÌ"],
    issues_header: [
        "STT",
        "Người nêu",
        "Tổ chức",
        "Thủ tục hành chính",
        "Nội dung",
        "Trả lời",
        "Hướng xử lý",
    ],
    actions_header: [
        "STT",
        "Nội dung công việc",
        "Người thực hiện",
        "Thời hạn",
        "Ý kiến số",
        "Tình trạng",
    ],
    not_answered: "chưa trả lời",
    secretary: "THƯ KÝ",
    chair: "CHỦ TRÌ",
    sign: "(Ký, ghi rõ họ tên)",
    recipients: "- Lưu: VT, hồ sơ Hội nghị.",
};

const EN: Words = Words {
    lang: "en",
    nation: "SOCIALIST REPUBLIC OF VIET NAM",
    motto: "Independence - Freedom - Happiness",
    number: "No. …/BB-SKHCN",
    place_and_date: "Mỹ Tho, 5 February 2026",
    title: "MINUTES",
    sections: [
        "I. ATTENDANCE",
        "II. PROCEEDINGS",
        "III. THE CHAIR'S CONCLUSIONS",
    ],
    issues_header: [
        "No.",
        "Raised by",
        "Organization",
        "Procedure",
        "Content",
        "Answer",
        "Disposition",
    ],
    actions_header: ["No.", "Task", "Owner", "Due", "Issue", "Status"],
    not_answered: "not answered yet",
    secretary: "SECRETARY",
    chair: "CHAIR",
    sign: "(signature and full name)",
    recipients: "- Filed: records office (VT), meeting file.",
};

// Always: the XML read back ----------------------------------------------------

/// A4 portrait, margins 20–25 mm top and bottom, 30–35 mm left, 15–20 mm
/// right (1 mm = 56.7 twips); Times New Roman, 13–14 pt.
fn check_page_and_font(doc: &Document) {
    assert_eq!((doc.page("w:w"), doc.page("w:h")), (11_906, 16_838), "A4");
    for (edge, mm) in [
        ("w:top", 20..=25),
        ("w:bottom", 20..=25),
        ("w:left", 30..=35),
        ("w:right", 15..=20),
    ] {
        let twips = doc.page(edge);
        let in_mm = (f64::from(twips) / 56.7).round() as u32;
        assert!(
            mm.contains(&in_mm),
            "{edge} margin {twips} twips = {in_mm} mm"
        );
    }
    assert_eq!(doc.font, "Times New Roman");
    assert!((26..=28).contains(&doc.size), "{} half-points", doc.size);
}

/// The header table, the title, the sections, the issues, the actions and
/// the signatures of the demo meeting.
fn check_demo_document(doc: &Document, record: &Record, w: &Words) {
    check_page_and_font(doc);
    let d = &record.meeting.details;

    // The header: agencies left, nation and motto right, no borders.
    let Some(Block::Table(header)) = doc.body.first() else {
        panic!("the document starts with the header table");
    };
    assert!(header.has_no_borders(), "{:?}", header.borders);
    let text = |row: usize, column: usize| header.rows[row][column].text();
    assert!(header.rows.iter().all(|row| row.len() == 2));
    assert_eq!(text(0, 0), d.superior_agency);
    assert_eq!(text(1, 0), d.agency);
    assert_eq!(text(0, 1), w.nation);
    assert_eq!(text(1, 1), w.motto);
    assert_eq!(text(2, 0), w.number);
    assert_eq!(
        text(2, 1),
        "",
        "form 1.9 has no place and date under the motto"
    );
    let motto = header.rows[1][1].para(w.motto);
    assert!(
        motto.runs.iter().all(|r| r.underline),
        "the motto underlined"
    );
    let nation = header.rows[0][1].para(w.nation);
    assert!(nation.runs.iter().all(|r| r.bold));
    assert!(
        header.rows[1][0]
            .para(&d.agency)
            .runs
            .iter()
            .all(|r| r.bold)
    );

    // The title, centred, bold, in capitals; the meeting's name under it.
    let title_at = doc.para_index(w.title);
    let Block::Para(title) = &doc.body[title_at] else {
        unreachable!()
    };
    assert_eq!(title.text(), title.text().to_uppercase());
    assert_eq!(title.align.as_deref(), Some("center"));
    assert!(title.runs.iter().all(|r| r.bold));
    let Some(Block::Para(name)) = doc.body.get(title_at + 1) else {
        panic!("the meeting's name follows the title");
    };
    assert_eq!(name.text(), d.title);
    assert_eq!(name.align.as_deref(), Some("center"));

    // The sections, in order.
    let at: Vec<usize> = w.sections.iter().map(|s| doc.para_index(s)).collect();
    assert!(at.is_sorted() && at[0] > title_at, "{at:?}");

    // Every issue, one row each, with all its fields.
    let issues = doc.table(&w.issues_header);
    let in_order = issues_in_order(record);
    assert!(in_order.len() >= 10, "the demo has its issues");
    assert_eq!(issues.rows.len(), in_order.len() + 1);
    for (row, issue) in issues.rows[1..].iter().zip(&in_order) {
        let cell = |column: usize| row[column].text();
        assert_eq!(cell(0), issue.number.to_string());
        let person = issue
            .raised_by
            .and_then(|id| record.participants.get(&id))
            .expect("the demo's issues are raised by participants");
        // The name (after Ông or Bà) and the position; the organization
        // in its own column, unless the position already names it.
        assert!(cell(1).contains(&person.name), "{}", cell(1));
        assert!(cell(1).contains(&person.position), "{}", cell(1));
        if !person.position.contains(person.organization.as_str()) {
            assert_eq!(cell(2), person.organization);
        }
        for line in lines(&issue.procedure) {
            assert!(cell(3).contains(&line), "issue {}: {line:?}", issue.number);
        }
        for line in lines(&issue.text) {
            assert!(cell(4).contains(&line), "issue {}: {line:?}", issue.number);
        }
        let answer = lines(&issue.answer);
        if answer.is_empty() {
            assert_eq!(cell(5), w.not_answered);
        }
        for line in answer {
            assert!(cell(5).contains(&line), "issue {}: {line:?}", issue.number);
        }
        assert!(!cell(6).is_empty());
    }

    // The actions.
    let actions = doc.table(&w.actions_header);
    assert!(!record.actions.is_empty());
    assert_eq!(actions.rows.len(), record.actions.len() + 1);
    for (row, action) in actions.rows[1..].iter().zip(record.actions.values()) {
        assert_eq!(row[1].text(), action.title);
        assert_eq!(row[2].text(), action.owner);
    }

    // The signatures: one borderless row, the secretary left, the chair
    // right, each with room to sign and the name.
    let signatures = doc.tables().last().expect("tables");
    assert!(signatures.has_no_borders());
    assert_eq!(signatures.rows.len(), 1);
    let [secretary, chair] = &signatures.rows[0][..] else {
        panic!("two signature blocks side by side");
    };
    for (cell, title, name) in [
        (
            secretary,
            w.secretary,
            &signed_name(record, Role::Secretary),
        ),
        (chair, w.chair, &signed_name(record, Role::Chair)),
    ] {
        let lines: Vec<String> = cell.paras.iter().map(Para::text).collect();
        assert_eq!(lines.first().map(String::as_str), Some(title), "{lines:?}");
        assert_eq!(lines.get(1).map(String::as_str), Some(w.sign), "{lines:?}");
        assert_eq!(lines.last(), Some(name), "{lines:?}");
        assert!(
            lines.iter().filter(|l| l.is_empty()).count() >= 3,
            "room to sign"
        );
        assert!(cell.para(title).runs.iter().all(|r| r.bold));
        assert!(cell.para(w.sign).runs.iter().all(|r| r.italic));
    }
}

fn demo_in(w: &Words) {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    let docx = export_docx(&file, w.lang, &dir.path().join("minutes.docx"));
    check_demo_document(&read_docx(&docx), &read_record(&file), w);
}

#[test]
fn the_demo_minutes_in_vietnamese_read_back_from_the_word_xml() {
    demo_in(&VI);
}

#[test]
fn the_demo_minutes_in_english_read_back_from_the_word_xml() {
    demo_in(&EN);
}

#[test]
fn agency_details_not_on_record_are_blanks_to_fill_in_not_invented() {
    let dir = tempfile::tempdir().unwrap();
    let file = meeting_path(&dir);
    // The title, the agency and the start only: no superior agency, place,
    // number, chair or secretary.
    drop(new_meeting(&file));
    let doc = read_docx(&export_docx(&file, "vi", &dir.path().join("m.docx")));
    let Some(Block::Table(header)) = doc.body.first() else {
        panic!("the header table first");
    };
    assert_eq!(header.rows[0][0].text(), "");
    assert_eq!(header.rows[1][0].text(), "Sở Khoa học và Công nghệ");
    assert_eq!(header.rows[2][0].text(), "Số: …/BB-…");
    assert_eq!(header.rows[2][1].text(), "", "form 1.9: no place and date");
    let signatures = doc.tables().last().unwrap();
    for cell in &signatures.rows[0] {
        let last = cell.paras.last().unwrap().text();
        assert_eq!(last, "", "no name on record: the line is left to write in");
    }
}

#[test]
fn markup_typed_by_people_stays_their_text_in_the_word_xml() {
    let dir = tempfile::tempdir().unwrap();
    let file = meeting_path(&dir);
    let mut store = new_meeting(&file);
    let hostile = "</w:t></w:r><w:r><w:t>x & y <b>\"]]> \u{1b}[2J \u{FFFF}";
    let who = store
        .execute_at(
            Command::AddParticipant(ParticipantFields {
                position: String::new(),
                honorific: None,
                members: 0,
                representatives: String::new(),
                name: hostile.into(),
                organization: "A & B <Co>".into(),
                role: ParticipantRole::Citizen,
                contact: String::new(),
                attendance: Attendance::Present,
            }),
            t0(),
        )
        .unwrap()
        .seq;
    let mut log = issue(hostile);
    if let Command::LogIssue(fields) = &mut log {
        fields.raised_by = Some(who);
    }
    store.execute_at(log, t0()).unwrap();
    drop(store);
    let doc = read_docx(&export_docx(&file, "en", &dir.path().join("m.docx")));
    let issues = doc.table(&EN.issues_header);
    // The escape turned visible (as everywhere), what XML cannot hold
    // replaced; the rest exactly as typed.
    let shown = "</w:t></w:r><w:r><w:t>x & y <b>\"]]> ␛[2J \u{FFFD}";
    assert!(
        issues.rows[1][1].text().starts_with(shown),
        "{:?}",
        issues.rows[1][1].text()
    );
    assert_eq!(issues.rows[1][2].text(), "A & B <Co>");
    assert!(issues.rows[1][4].text().contains(shown));
}

/// The document as a reader goes through it: each paragraph outside tables
/// a line; each table row a line, "| a | b |", the paragraphs of a cell
/// joined by " / ".
fn reader_lines(doc: &Document) -> Vec<String> {
    let mut lines = Vec::new();
    for block in &doc.body {
        match block {
            Block::Para(p) => lines.push(p.text()),
            Block::Table(t) => {
                for row in &t.rows {
                    let cells: Vec<String> = row
                        .iter()
                        .map(|c| {
                            c.paras
                                .iter()
                                .map(Para::text)
                                .filter(|t| !t.is_empty())
                                .collect::<Vec<_>>()
                                .join(" / ")
                        })
                        .collect();
                    lines.push(format!("| {} |", cells.join(" | ")));
                }
            }
        }
    }
    lines.retain(|line| !line.trim().is_empty());
    lines
}

#[test]
fn the_whole_record_reads_right_in_the_word_document() {
    let dir = tempfile::tempdir().unwrap();
    let file = meeting_path(&dir);
    let record = fixture::whole_record(&file).record().clone();
    for w in [&fixture::VI, &fixture::EN] {
        let docx = export_docx(
            &file,
            w.code,
            &dir.path().join(format!("m.{}.docx", w.code)),
        );
        let doc = read_docx(&docx);
        fixture::check_fixture_minutes(&reader_lines(&doc), &record, w);

        // Who answered, before the answer, in the issue's row.
        let issues = doc
            .tables()
            .find(|t| t.rows.len() == record.issues.len() + 1)
            .expect("the table of issues");
        let answered = issues
            .rows
            .iter()
            .find(|row| row[1].text().contains(fixture::UNCHECKED_WHO_RAISED))
            .expect("the issue raised by a citizen never checked in");
        let answer: Vec<String> = answered[5].paras.iter().map(Para::text).collect();
        assert!(answer[0].contains(fixture::ANSWERER), "{answer:?}");
        assert_eq!(answer[1], fixture::ANSWER);

        // The names written out under the signatures, one line each.
        let signatures = doc.tables().last().unwrap();
        let last = |cell: &Cell| cell.paras.last().unwrap().text();
        assert_eq!(last(&signatures.rows[0][0]), fixture::SECRETARY);
        assert_eq!(last(&signatures.rows[0][1]), fixture::CHAIR);

        // No contact anywhere in the document's XML.
        let xml = part(&docx, "word/document.xml");
        assert!(!xml.contains(fixture::CONTACT_MARK));
        for p in record.participants.values() {
            assert!(!xml.contains(&p.contact), "{}", p.contact);
        }
    }
}

#[test]
fn a_word_document_needs_an_output_file_or_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    for (lang, words) in [("en", "needs -o"), ("vi", "cần -o")] {
        let (code, seen, stderr) = with_stdout_on_a_terminal(
            gavel_command()
                .args(["export", "--format", "docx", "--lang", lang])
                .arg(&file),
        );
        assert_eq!(code, Some(2), "a usage error: {stderr}");
        assert!(seen.is_empty(), "no binary on the terminal");
        assert!(stderr.contains(words), "{stderr}");
    }
    // Into a pipe, the document itself, as a file gets it.
    let docx = dir.path().join("minutes.docx");
    export_docx(&file, "vi", &docx);
    let piped = gavel_command()
        .args(["export", "--format", "docx", "--lang", "vi"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(piped.status.success());
    assert_eq!(piped.stdout, std::fs::read(&docx).unwrap());
}

// With LibreOffice: the document printed ----------------------------------------

/// The demo minutes printed to PDF by LibreOffice: A4, and everything a
/// reader looks for in its text.
fn printed_in(w: &Words) {
    let Some([soffice, pdftotext, pdfinfo]) = required(
        ["soffice", "pdftotext", "pdfinfo"],
        "the LibreOffice test of the Word minutes",
        "libreoffice-writer-nogui poppler-utils",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    let docx = dir.path().join("minutes.docx");
    export_docx(&file, w.lang, &docx);
    let record = read_record(&file);

    let pdf = convert(&soffice, &docx, "pdf", &[], dir.path());
    let info = poppler(&pdfinfo, &[], &pdf);
    assert!(info.contains("(A4)"), "{info}");

    // Text in reading order: each table cell's text in one piece.
    let text = poppler(&pdftotext, &["-enc", "UTF-8"], &pdf);
    let printed = squeezed(&text);
    let expect = |what: &str| {
        assert!(
            printed.contains(&squeezed(what)),
            "{what:?} not in the printed minutes:\n{text}"
        )
    };
    let d = &record.meeting.details;
    for line in [
        d.superior_agency.as_str(),
        &d.agency,
        w.nation,
        w.motto,
        w.number,
        w.title,
        &d.title,
    ] {
        expect(line);
    }
    for section in w.sections {
        expect(section);
    }
    let issues = issues_in_order(&record);
    assert!(issues.len() >= 10);
    for issue in issues {
        for line in lines(&issue.text) {
            expect(&line);
        }
    }
    for action in record.actions.values() {
        expect(&action.title);
    }
    assert!(
        !printed.contains(&squeezed(w.place_and_date)),
        "form 1.9 has no place-and-date line:\n{text}"
    );
    for line in [
        w.secretary,
        w.chair,
        w.sign,
        w.recipients,
        &signed_name(&record, Role::Secretary),
        &signed_name(&record, Role::Chair),
    ] {
        expect(line);
    }

    // Text as laid out on the page: the two signature blocks side by side,
    // the nation beside the agency.
    let layout = poppler(&pdftotext, &["-layout", "-enc", "UTF-8"], &pdf);
    let on_one_line = |left: &str, right: &str| {
        layout.lines().any(|l| {
            l.find(left)
                .zip(l.find(right))
                .is_some_and(|(left, right)| left < right)
        })
    };
    assert!(on_one_line(w.secretary, w.chair), "{layout}");
    assert!(on_one_line(&d.superior_agency, w.nation), "{layout}");
}

#[test]
fn libreoffice_prints_the_vietnamese_demo_minutes() {
    printed_in(&VI);
}

#[test]
fn libreoffice_prints_the_english_demo_minutes() {
    printed_in(&EN);
}
