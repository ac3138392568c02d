//! The two borderless tables that frame the minutes: the header at the
//! top (agencies, nation and motto, number, place and date) and the
//! signature blocks at the end.

use std::io::{self, Write};

use super::page::{
    AGENCY, BODY, HEADER, HEADER_COLUMNS, HEADER_INDENT, IN_ISSUES, IN_TABLE, TEXT_WIDTH,
};
use super::tables::{Layout, end_table, row, start_table};
use super::text::{Align, Para, cell_paragraph};
use super::xml::Xml;
use crate::export::minutes::model::{Header, Inline, Signatures, Signer};
use crate::export::minutes::words::Words;

/// A borderless table of one or more rows.
fn borderless<W: Write>(
    xml: &mut Xml<W>,
    grid: &[usize],
    header_indent: Option<i32>,
    rows: &[(Vec<Vec<Para<'_>>>, bool)],
) -> io::Result<()> {
    let layout = Layout {
        grid,
        lines: false,
        header_indent,
    };
    start_table(xml, &layout)?;
    for (cells, cant_split) in rows {
        row(xml, grid, cells, *cant_split)?;
    }
    end_table(xml)
}

/// Agencies on the left, the nation and its motto (underlined) on the
/// right, then the number and, in italics, the place and date.
pub(super) fn header<W: Write>(xml: &mut Xml<W>, h: &Header) -> io::Result<()> {
    let centred = |text: &Inline, size| cell_paragraph(text.clone(), Align::Center, size);
    let motto = Para::new(Inline::fixed(h.motto))
        .align(Align::Center)
        .spacing(0, 0)
        .bold()
        .underline()
        .size(HEADER);
    let place_and_date = h.place_and_date.clone().unwrap_or_default();
    let rows = [
        (
            vec![
                vec![centred(&h.superior_agency, AGENCY)],
                vec![centred(&Inline::fixed(h.nation), AGENCY).bold()],
            ],
            false,
        ),
        (
            vec![vec![centred(&h.agency, AGENCY).bold()], vec![motto]],
            false,
        ),
        (
            vec![
                vec![centred(&h.number, HEADER).spacing(120, 0)],
                vec![centred(&place_and_date, HEADER).italic().spacing(120, 0)],
            ],
            false,
        ),
    ];
    borderless(xml, &HEADER_COLUMNS, Some(HEADER_INDENT), &rows)
}

/// A column of a signature block: the title (bold), "(signature and full
/// name)" in italics, room to sign, the name (bold); centred.
fn signing<'a>(title: &'a Inline, signature: &str, name: &'a Inline) -> Vec<Para<'a>> {
    let centred = |text: Inline| cell_paragraph(text, Align::Center, BODY);
    let mut paragraphs = vec![
        cell_paragraph(title, Align::Center, BODY)
            .bold()
            .spacing(240, 0),
        centred(Inline::fixed(signature)).italic(),
    ];
    for _ in 0..4 {
        paragraphs.push(centred(Inline::default()));
    }
    paragraphs.push(cell_paragraph(name, Align::Center, BODY).bold());
    paragraphs
}

/// The secretary on the left, the chair on the right: title, "(signature
/// and full name)", room to sign, the name.
pub(super) fn signatures<W: Write>(xml: &mut Xml<W>, s: &Signatures, w: &Words) -> io::Result<()> {
    let half = TEXT_WIDTH / 2;
    let grid = [half, TEXT_WIDTH - half];
    let secretary = Inline::fixed(w.sign_secretary);
    let chair = Inline::fixed(w.sign_chair);
    // One row that does not break across pages: a title on one page and
    // the name on the next would not be signed.
    let cells = vec![
        signing(&secretary, w.signature, &s.secretary),
        signing(&chair, w.signature, &s.chair),
    ];
    borderless(xml, &grid, None, &[(cells, true)])
}

/// A notice's foot: "Nơi nhận:" (bold, 12 pt) and its lines (11 pt)
/// at the left; the signer's position, "(signature and full name)", room
/// to sign and the name centred at the right. One row that does not break
/// across pages.
pub(super) fn signer<W: Write>(xml: &mut Xml<W>, s: &Signer) -> io::Result<()> {
    let half = TEXT_WIDTH / 2;
    let grid = [half, TEXT_WIDTH - half];
    let left_line = |text: Inline, size| cell_paragraph(text, Align::Left, size);
    let mut left = vec![
        left_line(Inline::fixed(s.recipients_label), IN_TABLE)
            .bold()
            .spacing(240, 0),
    ];
    for line in &s.recipients {
        left.push(left_line(Inline::fixed(*line), IN_ISSUES));
    }
    let right = signing(&s.position, s.signature, &s.name);
    borderless(xml, &grid, None, &[(vec![left, right], true)])
}

/// "Nơi nhận:" (bold, 12 pt) and its lines (11 pt) at the left margin,
/// under the minutes' signatures, kept together.
pub(super) fn recipients(label: &str, lines: &[&str]) -> Vec<Para<'static>> {
    let line = |text: Inline, size| cell_paragraph(text, Align::Left, size).keep_next(true);
    let mut paragraphs = vec![line(Inline::fixed(label), IN_TABLE).bold().spacing(240, 0)];
    paragraphs.extend(lines.iter().map(|l| line(Inline::fixed(*l), IN_ISSUES)));
    if let Some(last) = paragraphs.pop() {
        paragraphs.push(last.keep_next(false));
    }
    paragraphs
}
