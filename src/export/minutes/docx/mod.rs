//! The minutes (`model::Document`) as a Word document, in the layout of
//! Vietnamese administrative documents (Decree 30/2020/NĐ-CP): A4, margins
//! 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman, 14 pt
//! text; the agency and the national motto side by side in a borderless
//! table; page numbers centred at the top from the second page; the
//! issues, the actions and the other lists of the record as tables; the
//! secretary's and the chair's signature blocks side by side.
//!
//! `word/document.xml` is streamed, paragraph by paragraph and row by row,
//! through quick-xml's writer into its compressed zip entry: nothing the
//! size of the document is held in memory (a tree of the whole document
//! took 860 MB for a large meeting). The writer escapes XML markup; text a
//! person typed arrives sanitised, and anything XML 1.0 cannot carry is
//! replaced here.

mod frame;
mod package;
mod page;
mod tables;
mod text;
mod xml;

use std::borrow::Borrow;
use std::io::{self, Cursor, Seek, Write};

use super::model::{Block, Document, Inline};
use super::words::Words;
use crate::domain::Timestamp;
use frame::{header, recipients, signatures, signer};
use page::{end_document, start_document};
use tables::{data_table, end_table, issue_row, start_issues};
use text::{Para, addressees, body, heading, title_line};
use xml::Xml;

/// The Word document's bytes (compressed: a fraction of its XML).
pub fn render(document: &Document) -> io::Result<Vec<u8>> {
    Ok(write(document, Cursor::new(Vec::new()))?.into_inner())
}

/// Writes the Word document into `out`, as it is made.
pub fn write<W: Write + Seek + Send>(document: &Document, out: W) -> io::Result<W> {
    write_blocks(document.date, document.words, document.blocks.iter(), out)
}

/// Writes a Word document of `blocks` into `out`, each as it comes.
pub fn write_blocks<W, B>(
    date: Option<Timestamp>,
    w: &Words,
    blocks: impl Iterator<Item = B>,
    out: W,
) -> io::Result<W>
where
    W: Write + Seek + Send,
    B: Borrow<Block>,
{
    package::write(out, date, |xml| {
        let mut body = Body::start(w, xml)?;
        for block in blocks {
            body.push(block);
        }
        body.finish()
    })
}

/// Writes a Word document into `out` from the blocks `build` hands over
/// as it makes them (see `build::minutes_into`).
pub fn write_built<W: Write + Seek + Send>(
    date: Option<Timestamp>,
    w: &Words,
    out: W,
    build: impl FnOnce(&mut dyn FnMut(Vec<Block>)),
) -> io::Result<W> {
    package::write(out, date, |xml| {
        let mut body = Body::start(w, xml)?;
        build(&mut |blocks| {
            for block in blocks {
                body.push(block);
            }
        });
        body.finish()
    })
}

/// A little room before `paragraph` when it follows a table.
fn spaced(paragraph: Para<'_>, gap: bool) -> Para<'_> {
    if gap {
        paragraph.before(120)
    } else {
        paragraph
    }
}

/// What the block after the one being written is, as far as the writing
/// of this one depends on it.
#[derive(Clone, Copy)]
struct Next {
    /// An issue: the table of issues goes on.
    issue: bool,
    /// A table or a signature block: a paragraph before it stays on its
    /// page.
    table: bool,
}

impl Next {
    fn of(block: Option<&Block>) -> Next {
        Next {
            issue: matches!(block, Some(Block::Issue(_))),
            table: matches!(
                block,
                Some(Block::Table(_) | Block::Issue(_) | Block::Signatures(_) | Block::Signer(_))
            ),
        }
    }
}

/// The document's body, written block by block with one block of look
/// ahead. The first error stops the writing; `finish` gives it.
struct Body<'w, 'x, W: Write, B: Borrow<Block>> {
    w: &'w Words,
    xml: &'x mut Xml<W>,
    pending: Option<B>,
    after_table: bool,
    in_issues: bool,
    failed: io::Result<()>,
}

impl<'w, 'x, W: Write, B: Borrow<Block>> Body<'w, 'x, W, B> {
    fn start(w: &'w Words, xml: &'x mut Xml<W>) -> io::Result<Self> {
        start_document(xml)?;
        Ok(Body {
            w,
            xml,
            pending: None,
            after_table: false,
            in_issues: false,
            failed: Ok(()),
        })
    }

    fn push(&mut self, block: B) {
        if self.failed.is_err() {
            return;
        }
        if let Some(previous) = self.pending.take() {
            let next = Next::of(Some(block.borrow()));
            self.failed = self.write(previous.borrow(), next);
        }
        self.pending = Some(block);
    }

    fn finish(mut self) -> io::Result<()> {
        if let Some(last) = self.pending.take()
            && self.failed.is_ok()
        {
            self.failed = self.write(last.borrow(), Next::of(None));
        }
        self.failed?;
        if self.after_table {
            // Word ends a document with a paragraph.
            Para::empty().write(self.xml)?;
        }
        end_document(self.xml)
    }

    fn write(&mut self, block: &Block, next: Next) -> io::Result<()> {
        let (xml, w) = (&mut *self.xml, self.w);
        let is_table = matches!(
            block,
            Block::Header(_)
                | Block::Table(_)
                | Block::Issue(_)
                | Block::Signatures(_)
                | Block::Signer(_)
        );
        // A little room between a table and the text after it.
        let gap = std::mem::replace(&mut self.after_table, is_table) && !is_table;
        match block {
            Block::Header(h) => header(xml, h)?,
            Block::Title { title, subtitle } => {
                spaced(title_line(Inline::fixed(*title), 240), gap).write(xml)?;
                if let Some(subtitle) = subtitle {
                    title_line(subtitle, 0).write(xml)?;
                }
            }
            Block::Heading { level, text } => heading(*level, text).write(xml)?,
            Block::Paragraph(text) => {
                // A sentence that introduces a table ("Chủ trì giao nhiệm
                // vụ như sau:") stays on the page of the table's first row.
                spaced(body(text), gap).keep_next(next.table).write(xml)?;
            }
            Block::List(items) => {
                for (n, item) in items.iter().enumerate() {
                    let first = body(Inline::fixed("- ").then(item.first.clone()));
                    spaced(first, gap && n == 0).write(xml)?;
                    for line in &item.more {
                        body(line).write(xml)?;
                    }
                }
            }
            Block::Table(table) => data_table(xml, &table.header, &table.rows)?,
            Block::Issue(entry) => {
                // The issues one after another make one table.
                if !std::mem::replace(&mut self.in_issues, next.issue) {
                    start_issues(xml, w)?;
                }
                issue_row(xml, entry, w)?;
                if !next.issue {
                    end_table(xml)?;
                }
            }
            Block::Signatures(s) => signatures(xml, s, w)?,
            Block::Signer(s) => signer(xml, s)?,
            Block::Recipients { label, lines } => {
                for paragraph in recipients(label, lines) {
                    paragraph.write(xml)?;
                }
            }
            Block::Addressees { label, to } => {
                for paragraph in addressees(label, to) {
                    paragraph.write(xml)?;
                }
            }
        }
        Ok(())
    }
}
