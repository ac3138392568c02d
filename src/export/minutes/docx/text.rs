//! Paragraphs and runs: text made safe for XML, the spans as runs, and the
//! kinds of paragraph the minutes use (running text, headings, the title,
//! a paragraph in a table cell). A `Para` describes one paragraph (its
//! text borrowed from the model where it can be) and writes itself.

use std::borrow::Cow;
use std::io::{self, Write};

use super::page::INDENT;
use super::xml::Xml;
use crate::export::minutes::model::{Emphasis, Inline};

/// Characters XML 1.0 can carry (and no C1 control). `sanitize` already
/// turned controls into visible symbols; this keeps the file well-formed
/// whatever arrives (U+FFFE and U+FFFF are not controls, and not XML).
fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn push_xml_text(out: &mut String, text: &str) {
    if text.chars().all(is_xml_char) {
        out.push_str(text);
    } else {
        out.extend(
            text.chars()
                .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' }),
        );
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Center,
    Both,
}

impl Align {
    fn jc(self) -> &'static str {
        match self {
            Align::Left => r#"w:jc w:val="left""#,
            Align::Center => r#"w:jc w:val="center""#,
            Align::Both => r#"w:jc w:val="both""#,
        }
    }
}

/// A paragraph's text: borrowed from the model, or made for the paragraph.
pub(super) trait IntoText<'a> {
    fn into_text(self) -> Cow<'a, Inline>;
}

impl<'a> IntoText<'a> for &'a Inline {
    fn into_text(self) -> Cow<'a, Inline> {
        Cow::Borrowed(self)
    }
}

impl<'a> IntoText<'a> for Inline {
    fn into_text(self) -> Cow<'a, Inline> {
        Cow::Owned(self)
    }
}

/// One paragraph: its text and how it is set.
pub(super) struct Para<'a> {
    text: Cow<'a, Inline>,
    /// Every run in this emphasis (a heading, a title), whatever the spans say.
    emphasis: Option<Emphasis>,
    underline: bool,
    align: Option<Align>,
    /// The left indent and the first line's.
    indent: Option<(i32, Option<i32>)>,
    /// Space before and after, in twips; `None` for the document's.
    spacing: Option<(Option<u32>, Option<u32>)>,
    keep_next: bool,
    /// Half-points; `None` for the document's size.
    size: Option<usize>,
}

impl<'a> Para<'a> {
    pub(super) fn new(text: impl IntoText<'a>) -> Para<'a> {
        Para {
            text: text.into_text(),
            emphasis: None,
            underline: false,
            align: None,
            indent: None,
            spacing: None,
            keep_next: false,
            size: None,
        }
    }

    /// The paragraph Word ends a document with when it would end with a table.
    pub(super) fn empty() -> Para<'static> {
        Para::new(Inline::default())
    }

    pub(super) fn align(mut self, align: Align) -> Self {
        self.align = Some(align);
        self
    }

    pub(super) fn bold(mut self) -> Self {
        self.emphasis = Some(Emphasis::Bold);
        self
    }

    pub(super) fn italic(mut self) -> Self {
        self.emphasis = Some(Emphasis::Italic);
        self
    }

    pub(super) fn underline(mut self) -> Self {
        self.underline = true;
        self
    }

    pub(super) fn indent(mut self, left: i32, first_line: Option<i32>) -> Self {
        self.indent = Some((left, first_line));
        self
    }

    /// Space before and after (replacing what was set).
    pub(super) fn spacing(mut self, before: u32, after: u32) -> Self {
        self.spacing = Some((Some(before), Some(after)));
        self
    }

    /// Space before only, the space after left to the document.
    pub(super) fn before(mut self, before: u32) -> Self {
        self.spacing = Some((Some(before), None));
        self
    }

    pub(super) fn keep_next(mut self, keep: bool) -> Self {
        self.keep_next = keep;
        self
    }

    pub(super) fn size(mut self, size: usize) -> Self {
        self.size = Some(size);
        self
    }

    pub(super) fn write<W: Write>(&self, xml: &mut Xml<W>) -> io::Result<()> {
        xml.start_paragraph()?;
        xml.start("w:pPr", &[])?;
        xml.empty("w:rPr", &[])?;
        if let Some(align) = self.align {
            xml.fixed(align.jc())?;
        }
        if let Some((left, first_line)) = self.indent {
            let left = left.to_string();
            let first = first_line.map(|f| f.to_string());
            let mut attributes = vec![("w:left", left.as_str()), ("w:right", "0")];
            if let Some(first) = &first {
                attributes.push(("w:firstLine", first));
            }
            xml.empty("w:ind", &attributes)?;
        }
        if let Some(fixed) = self.fixed_spacing() {
            xml.fixed(fixed)?;
        } else if let Some((before, after)) = self.spacing {
            let before = before.map(|b| b.to_string());
            let after = after.map(|a| a.to_string());
            let mut attributes = Vec::with_capacity(2);
            if let Some(before) = &before {
                attributes.push(("w:before", before.as_str()));
            }
            if let Some(after) = &after {
                attributes.push(("w:after", after.as_str()));
            }
            xml.empty("w:spacing", &attributes)?;
        }
        if self.keep_next {
            xml.empty("w:keepNext", &[])?;
        }
        xml.end("w:pPr")?;
        self.runs(xml)?;
        xml.end("w:p")
    }

    /// The spacing of the paragraphs in the tables, which make most of a
    /// long document, as it is written: nothing to build.
    fn fixed_spacing(&self) -> Option<&'static str> {
        match self.spacing {
            Some((Some(0), Some(0))) => Some(r#"w:spacing w:before="0" w:after="0""#),
            _ => None,
        }
    }

    /// The spans as runs: one run for each stretch of spans with the same
    /// emphasis (whether gavel or a person wrote them makes no difference
    /// here), which keeps the XML of a long meeting to a fraction of its
    /// size.
    fn runs<W: Write>(&self, xml: &mut Xml<W>) -> io::Result<()> {
        let emphasis =
            |span: &crate::export::minutes::model::Span| self.emphasis.unwrap_or(span.emphasis);
        let mut spans = self
            .text
            .0
            .iter()
            .filter(|span| !span.text.is_empty())
            .peekable();
        let mut joined = String::new();
        while let Some(first) = spans.next() {
            let first_emphasis = emphasis(first);
            joined.clear();
            push_xml_text(&mut joined, &first.text);
            while let Some(next) = spans.next_if(|span| emphasis(span) == first_emphasis) {
                push_xml_text(&mut joined, &next.text);
            }
            xml.start("w:r", &[])?;
            self.run_properties(xml, first_emphasis)?;
            xml.fixed_start(r#"w:t xml:space="preserve""#)?;
            xml.text(&joined)?;
            xml.end("w:t")?;
            xml.end("w:r")?;
        }
        Ok(())
    }

    fn run_properties<W: Write>(&self, xml: &mut Xml<W>, emphasis: Emphasis) -> io::Result<()> {
        if self.size.is_none() && emphasis == Emphasis::Plain && !self.underline {
            return xml.empty("w:rPr", &[]);
        }
        xml.start("w:rPr", &[])?;
        match self.size {
            Some(22) => xml.fixed(r#"w:sz w:val="22""#)?,
            Some(24) => xml.fixed(r#"w:sz w:val="24""#)?,
            Some(size) => xml.val("w:sz", &size.to_string())?,
            None => {}
        }
        match self.size {
            Some(22) => xml.fixed(r#"w:szCs w:val="22""#)?,
            Some(24) => xml.fixed(r#"w:szCs w:val="24""#)?,
            Some(size) => xml.val("w:szCs", &size.to_string())?,
            None => {}
        }
        match emphasis {
            Emphasis::Plain => {}
            Emphasis::Bold => {
                xml.empty("w:b", &[])?;
                xml.empty("w:bCs", &[])?;
            }
            Emphasis::Italic => {
                xml.empty("w:i", &[])?;
                xml.empty("w:iCs", &[])?;
            }
        }
        if self.underline {
            xml.val("w:u", "single")?;
        }
        xml.end("w:rPr")
    }
}

/// A paragraph of running text: justified, its first line indented.
pub(super) fn body<'a>(text: impl IntoText<'a>) -> Para<'a> {
    Para::new(text).align(Align::Both).indent(0, Some(INDENT))
}

/// "I. THÀNH PHẦN" at the margin, "1. Chương trình …" indented; bold, and
/// kept with what follows.
pub(super) fn heading(level: u8, text: &Inline) -> Para<'_> {
    let paragraph = Para::new(text).align(Align::Both).bold();
    let paragraph = if level > 2 {
        paragraph.indent(0, Some(INDENT))
    } else {
        paragraph
    };
    paragraph.spacing(120, 120).keep_next(true)
}

/// The title and the meeting's name under it: centred, bold.
pub(super) fn title_line<'a>(text: impl IntoText<'a>, before: u32) -> Para<'a> {
    Para::new(text)
        .align(Align::Center)
        .bold()
        .spacing(before, 120)
        .keep_next(true)
}

/// "Kính gửi: A." centred under the title; with several addressees,
/// "Kính gửi:" centred and the addressees under it, one a line ("- A;",
/// "- B."), from a third of the line.
pub(super) fn addressees(label: &str, to: &[Inline]) -> Vec<Para<'static>> {
    let line = |text: Inline, align: Align, left: Option<i32>| {
        let paragraph = Para::new(text).align(align);
        let paragraph = match left {
            Some(left) => paragraph.indent(left, None),
            None => paragraph.indent(0, None),
        };
        paragraph.spacing(0, 0).keep_next(true)
    };
    if let [one] = to {
        let text = Inline::fixed(format!("{label} "))
            .then(one.clone())
            .then_fixed(".");
        return vec![line(text, Align::Center, None).spacing(120, 240)];
    }
    let mut paragraphs = vec![line(Inline::fixed(label), Align::Center, None).spacing(120, 0)];
    for (n, addressee) in to.iter().enumerate() {
        let end = if n + 1 == to.len() { "." } else { ";" };
        let text = Inline::fixed("- ").then(addressee.clone()).then_fixed(end);
        paragraphs.push(line(text, Align::Left, Some(3 * INDENT)));
    }
    if let Some(last) = paragraphs.pop() {
        paragraphs.push(last.spacing(0, 240));
    }
    paragraphs
}

/// A paragraph inside a table cell.
pub(super) fn cell_paragraph<'a>(text: impl IntoText<'a>, align: Align, size: usize) -> Para<'a> {
    Para::new(text).align(align).spacing(0, 0).size(size)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xml_text(text: &str) -> String {
        let mut out = String::new();
        push_xml_text(&mut out, text);
        out
    }

    #[test]
    fn what_xml_cannot_carry_is_replaced() {
        assert_eq!(xml_text("Thủ tục 会议 📋"), "Thủ tục 会议 📋");
        assert_eq!(
            xml_text("a\u{FFFF}b\u{1B}c\u{85}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}"
        );
    }
}
