//! A Word document's body read back from its XML (`word/document.xml`),
//! as a reader sees it: the paragraphs outside tables, and the tables as
//! rows of cells.

use std::io::Read;

use quick_xml::events::Event;

/// The body of the Word document: paragraphs outside tables (their text),
/// and tables as rows of cells (each cell's paragraphs joined by "\n").
#[derive(Debug, Default)]
pub struct Body {
    pub paragraphs: Vec<String>,
    pub tables: Vec<Vec<Vec<String>>>,
}

pub fn read_body(docx: &[u8]) -> Body {
    let mut package = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip package");
    let mut xml = String::new();
    package
        .by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut body = Body::default();
    let mut table: Option<Vec<Vec<String>>> = None;
    let (mut row, mut cell): (Option<Vec<String>>, Option<Vec<String>>) = (None, None);
    let mut para: Option<String> = None;
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed document.xml") {
            Event::Start(e) => match e.name().as_ref() {
                b"w:tbl" => table = Some(Vec::new()),
                b"w:tr" => row = Some(Vec::new()),
                b"w:tc" => cell = Some(Vec::new()),
                b"w:p" => para = Some(String::new()),
                b"w:t" => in_text = true,
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Some(p) = para.as_mut() {
                    p.push_str(&t.unescape().expect("text"));
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => {
                    if let Some(p) = para.take() {
                        match cell.as_mut() {
                            Some(c) => c.push(p),
                            None => body.paragraphs.push(p),
                        }
                    }
                }
                b"w:tc" => {
                    if let (Some(r), Some(c)) = (row.as_mut(), cell.take()) {
                        r.push(c.join("\n"));
                    }
                }
                b"w:tr" => {
                    if let (Some(t), Some(r)) = (table.as_mut(), row.take()) {
                        t.push(r);
                    }
                }
                b"w:tbl" => body.tables.extend(table.take()),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    body
}
