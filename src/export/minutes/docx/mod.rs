//! The minutes (`model::Document`) as a Word document, in the layout of
//! Vietnamese administrative documents (Decree 30/2020/NĐ-CP): A4, margins
//! 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman, 14 pt
//! text; the agency and the national motto side by side in a borderless
//! table; page numbers centred at the top from the second page; the
//! issues, the actions and the other lists of the record as tables; the
//! secretary's and the chair's signature blocks side by side.
//!
//! Written with `docx-rs`, which escapes XML markup; text a person typed
//! arrives sanitised, and anything XML 1.0 cannot carry is replaced here.

mod frame;
mod package;
mod page;
mod tables;
mod text;

use std::io::{self, Cursor};

use docx_rs::{LineSpacing, Paragraph};

use super::model::{Block, Document, Inline};
use frame::{header, recipients, signatures, signer};
use package::deflated;
use page::page_setup;
use tables::{data_table, issues_table};
use text::{addressees, body, heading, title_line};

pub fn render(document: &Document) -> io::Result<Vec<u8>> {
    let w = document.words;
    let mut docx = page_setup(document.date);
    let mut blocks = document.blocks.iter().peekable();
    let mut after_table = false;
    while let Some(block) = blocks.next() {
        let is_table = matches!(
            block,
            Block::Header(_)
                | Block::Table(_)
                | Block::Issue(_)
                | Block::Signatures(_)
                | Block::Signer(_)
        );
        // A little room between a table and the text after it.
        let gap = std::mem::replace(&mut after_table, is_table) && !is_table;
        let spaced = |paragraph: Paragraph| {
            if gap {
                paragraph.line_spacing(LineSpacing::new().before(120))
            } else {
                paragraph
            }
        };
        docx = match block {
            Block::Header(header) => docx.add_table(self::header(header)),
            Block::Title { title, subtitle } => {
                let docx = docx.add_paragraph(spaced(title_line(&Inline::fixed(*title), 240)));
                match subtitle {
                    Some(subtitle) => docx.add_paragraph(title_line(subtitle, 0)),
                    None => docx,
                }
            }
            Block::Heading { level, text } => docx.add_paragraph(heading(*level, text)),
            Block::Paragraph(text) => {
                // A sentence that introduces a table ("Chủ trì giao nhiệm
                // vụ như sau:") stays on the page of the table's first row.
                let introduces_table = blocks.peek().is_some_and(|next| {
                    matches!(
                        next,
                        Block::Table(_) | Block::Issue(_) | Block::Signatures(_) | Block::Signer(_)
                    )
                });
                docx.add_paragraph(spaced(body(text)).keep_next(introduces_table))
            }
            Block::List(items) => {
                let mut docx = docx;
                for (n, item) in items.iter().enumerate() {
                    let first = body(&Inline::fixed("- ").then(item.first.clone()));
                    docx = docx.add_paragraph(if n == 0 { spaced(first) } else { first });
                    for line in &item.more {
                        docx = docx.add_paragraph(body(line));
                    }
                }
                docx
            }
            Block::Table(table) => docx.add_table(data_table(&table.header, &table.rows)),
            Block::Issue(first) => {
                // The issues one after another make one table.
                let mut entries = vec![first.as_ref()];
                while let Some(Block::Issue(next)) = blocks.peek() {
                    entries.push(next);
                    blocks.next();
                }
                docx.add_table(issues_table(&entries, w))
            }
            Block::Signatures(signatures) => docx.add_table(self::signatures(signatures, w)),
            Block::Signer(s) => docx.add_table(signer(s)),
            Block::Recipients { label, lines } => {
                let mut docx = docx;
                for paragraph in recipients(label, lines) {
                    docx = docx.add_paragraph(paragraph);
                }
                docx
            }
            Block::Addressees { label, to } => {
                let mut docx = docx;
                for paragraph in addressees(label, to) {
                    docx = docx.add_paragraph(paragraph);
                }
                docx
            }
        };
    }
    if after_table {
        // Word ends a document with a paragraph.
        docx = docx.add_paragraph(Paragraph::new());
    }
    let mut stored = Cursor::new(Vec::new());
    docx.build().pack(&mut stored).map_err(io::Error::other)?;
    deflated(stored.get_ref())
}
