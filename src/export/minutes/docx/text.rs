//! Paragraphs and runs: text made safe for XML, the spans as runs, and the
//! kinds of paragraph the minutes use (running text, headings, the title,
//! a paragraph in a table cell).

use std::borrow::Cow;

use docx_rs::{AlignmentType, LineSpacing, Paragraph, Run, SpecialIndentType};

use super::page::INDENT;
use crate::export::minutes::model::{Emphasis, Inline};

/// Characters XML 1.0 can carry (and no C1 control). `sanitize` already
/// turned controls into visible symbols; this keeps the file well-formed
/// whatever arrives (U+FFFE and U+FFFF are not controls, and not XML).
fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn xml_text(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(
            text.chars()
                .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
                .collect(),
        )
    }
}

/// The spans as runs, at `size` (half-points) or the document's size: one
/// run for each stretch of spans with the same emphasis (whether gavel or
/// a person wrote them makes no difference here), which keeps the XML of
/// a long meeting to a fraction of its size.
fn runs(mut paragraph: Paragraph, text: &Inline, size: Option<usize>) -> Paragraph {
    let mut spans = text
        .0
        .iter()
        .filter(|span| !span.text.is_empty())
        .peekable();
    while let Some(first) = spans.next() {
        let mut joined = xml_text(&first.text).into_owned();
        while let Some(next) = spans.next_if(|span| span.emphasis == first.emphasis) {
            joined.push_str(&xml_text(&next.text));
        }
        let mut run = Run::new().add_text(joined);
        match first.emphasis {
            Emphasis::Plain => {}
            Emphasis::Bold => run = run.bold(),
            Emphasis::Italic => run = run.italic(),
        }
        if let Some(size) = size {
            run = run.size(size);
        }
        paragraph = paragraph.add_run(run);
    }
    paragraph
}

/// A paragraph of running text: justified, its first line indented.
pub(super) fn body(text: &Inline) -> Paragraph {
    runs(
        Paragraph::new().align(AlignmentType::Both).indent(
            None,
            Some(SpecialIndentType::FirstLine(INDENT)),
            None,
            None,
        ),
        text,
        None,
    )
}

/// "I. THÀNH PHẦN" at the margin, "1. Chương trình …" indented; bold, and
/// kept with what follows.
pub(super) fn heading(level: u8, text: &Inline) -> Paragraph {
    let paragraph = Paragraph::new()
        .align(AlignmentType::Both)
        .keep_next(true)
        .line_spacing(LineSpacing::new().before(120).after(120));
    let paragraph = if level > 2 {
        paragraph.indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
    } else {
        paragraph
    };
    runs(paragraph, &text.clone().bold(), None)
}

/// The title and the meeting's name under it: centred, bold.
pub(super) fn title_line(text: &Inline, before: u32) -> Paragraph {
    runs(
        Paragraph::new()
            .align(AlignmentType::Center)
            .keep_next(true)
            .line_spacing(LineSpacing::new().before(before).after(120)),
        &text.clone().bold(),
        None,
    )
}

/// "Kính gửi: A." centred under the title; with several addressees,
/// "Kính gửi:" centred and the addressees under it, one a line ("- A;",
/// "- B."), from a third of the line.
pub(super) fn addressees(label: &str, to: &[Inline]) -> Vec<Paragraph> {
    let line = |text: &Inline, align: AlignmentType, left: Option<i32>| {
        runs(
            Paragraph::new()
                .align(align)
                .keep_next(true)
                .indent(left, None, None, None)
                .line_spacing(LineSpacing::new().before(0).after(0)),
            text,
            None,
        )
    };
    if let [one] = to {
        let text = Inline::fixed(format!("{label} "))
            .then(one.clone())
            .then_fixed(".");
        return vec![
            line(&text, AlignmentType::Center, None)
                .line_spacing(LineSpacing::new().before(120).after(240)),
        ];
    }
    let mut paragraphs = vec![
        line(&Inline::fixed(label), AlignmentType::Center, None)
            .line_spacing(LineSpacing::new().before(120).after(0)),
    ];
    for (n, addressee) in to.iter().enumerate() {
        let end = if n + 1 == to.len() { "." } else { ";" };
        let text = Inline::fixed("- ").then(addressee.clone()).then_fixed(end);
        paragraphs.push(line(&text, AlignmentType::Left, Some(3 * INDENT)));
    }
    if let Some(last) = paragraphs.pop() {
        paragraphs.push(last.line_spacing(LineSpacing::new().before(0).after(240)));
    }
    paragraphs
}

/// A paragraph inside a table cell.
pub(super) fn cell_paragraph(text: &Inline, align: AlignmentType, size: usize) -> Paragraph {
    runs(
        Paragraph::new()
            .align(align)
            .line_spacing(LineSpacing::new().before(0).after(0)),
        text,
        Some(size),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_xml_cannot_carry_is_replaced() {
        assert_eq!(xml_text("Thủ tục 会议 📋"), "Thủ tục 会议 📋");
        assert_eq!(
            xml_text("a\u{FFFF}b\u{1B}c\u{85}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}"
        );
    }
}
