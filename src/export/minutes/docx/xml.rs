//! The XML writer the parts are streamed through: quick-xml's `Writer`
//! over whatever receives the bytes (the zip entry, compressing as it
//! goes), with the few shapes of element WordprocessingML needs. Nothing
//! is kept but the element being written.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

pub(super) struct Xml<W: Write> {
    writer: Writer<W>,
    /// The last paragraph's `w14:paraId`: Word's identifiers of paragraphs
    /// (unique in the document, below 0x80000000), counted so that the
    /// same minutes give the same bytes.
    para_id: u32,
}

fn xml_error(error: quick_xml::Error) -> io::Error {
    match error {
        quick_xml::Error::Io(error) => io::Error::new(error.kind(), error.to_string()),
        other => io::Error::other(other),
    }
}

impl<W: Write> Xml<W> {
    /// A writer whose paragraphs are numbered after `para_id` (the page
    /// number's paragraph in the header is 1).
    pub(super) fn new(inner: W, para_id: u32) -> Xml<W> {
        Xml {
            writer: Writer::new(inner),
            para_id,
        }
    }

    fn event(&mut self, event: Event<'_>) -> io::Result<()> {
        self.writer.write_event(event).map_err(xml_error)
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`.
    pub(super) fn declaration(&mut self) -> io::Result<()> {
        self.event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )))
    }

    fn element<'a>(name: &'a str, attributes: &[(&'a str, &'a str)]) -> BytesStart<'a> {
        let mut element = BytesStart::new(name);
        for attribute in attributes {
            element.push_attribute(*attribute);
        }
        element
    }

    pub(super) fn start(&mut self, name: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
        self.event(Event::Start(Self::element(name, attributes)))
    }

    pub(super) fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
        self.event(Event::Empty(Self::element(name, attributes)))
    }

    pub(super) fn end(&mut self, name: &str) -> io::Result<()> {
        self.event(Event::End(BytesEnd::new(name)))
    }

    /// Text, its markup characters escaped.
    pub(super) fn text(&mut self, text: &str) -> io::Result<()> {
        self.event(Event::Text(BytesText::new(text)))
    }

    /// An empty element whose name and attributes never change, written
    /// as it is given (`w:jc w:val="left"`): no attribute to build.
    pub(super) fn fixed(&mut self, content: &'static str) -> io::Result<()> {
        let name = content.find(' ').unwrap_or(content.len());
        self.event(Event::Empty(BytesStart::from_content(content, name)))
    }

    /// The same, opening an element.
    pub(super) fn fixed_start(&mut self, content: &'static str) -> io::Result<()> {
        let name = content.find(' ').unwrap_or(content.len());
        self.event(Event::Start(BytesStart::from_content(content, name)))
    }

    /// `<name w:val="value"/>`, the most common element of all.
    pub(super) fn val(&mut self, name: &str, value: &str) -> io::Result<()> {
        self.empty(name, &[("w:val", value)])
    }

    /// Opens a paragraph with the next identifier.
    pub(super) fn start_paragraph(&mut self) -> io::Result<()> {
        self.para_id += 1;
        // `<w:p w14:paraId="0000002a">`, without an allocation.
        let mut tag = *b"w:p w14:paraId=\"00000000\"";
        let mut id = self.para_id;
        for digit in tag[16..24].iter_mut().rev() {
            *digit = b"0123456789abcdef"[(id & 0xF) as usize];
            id >>= 4;
        }
        let tag = std::str::from_utf8(&tag).expect("ASCII");
        self.event(Event::Start(BytesStart::from_content(tag, 3)))
    }
}
