//! The two borderless tables that frame the minutes: the header at the
//! top (agencies, nation and motto, number, place and date) and the
//! signature blocks at the end.

use docx_rs::{
    AlignmentType, LineSpacing, Paragraph, Run, Table as DocxTable, TableCellMargins, TableRow,
};

use super::page::{AGENCY, BODY, HEADER, HEADER_COLUMNS, HEADER_INDENT, TEXT_WIDTH};
use super::tables::{cell, no_lines, table};
use super::text::cell_paragraph;
use crate::export::minutes::model::{Header, Inline, Signatures};
use crate::export::minutes::words::Words;

/// Agencies on the left, the nation and its motto (underlined) on the
/// right, then the number and, in italics, the place and date.
pub(super) fn header(h: &Header) -> DocxTable {
    let centred = |text: &Inline, size| cell_paragraph(text, AlignmentType::Center, size);
    let row = |left: Paragraph, right: Paragraph| {
        TableRow::new(vec![
            cell(vec![left], HEADER_COLUMNS[0]),
            cell(vec![right], HEADER_COLUMNS[1]),
        ])
    };
    let motto = Run::new()
        .add_text(h.motto)
        .bold()
        .underline("single")
        .size(HEADER);
    let rows = vec![
        row(
            centred(&h.superior_agency, AGENCY),
            centred(&Inline::fixed(h.nation).bold(), AGENCY),
        ),
        row(
            centred(&h.agency.clone().bold(), AGENCY),
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(0).after(0))
                .add_run(motto),
        ),
        row(
            centred(&h.number, HEADER).line_spacing(LineSpacing::new().before(120).after(0)),
            centred(&h.place_and_date.clone().italic(), HEADER)
                .line_spacing(LineSpacing::new().before(120).after(0)),
        ),
    ];
    table(rows, &HEADER_COLUMNS, no_lines())
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
        .indent(HEADER_INDENT)
}

/// The secretary on the left, the chair on the right: title, "(signature
/// and full name)", room to sign, the name.
pub(super) fn signatures(s: &Signatures, w: &Words) -> DocxTable {
    let half = TEXT_WIDTH / 2;
    let grid = [half, TEXT_WIDTH - half];
    let block = |title: &str, name: &Inline, width| {
        let centred = |text: &Inline| cell_paragraph(text, AlignmentType::Center, BODY);
        let mut paragraphs = vec![
            centred(&Inline::fixed(title).bold())
                .line_spacing(LineSpacing::new().before(240).after(0)),
            centred(&Inline::fixed(w.signature).italic()),
        ];
        for _ in 0..4 {
            paragraphs.push(centred(&Inline::default()));
        }
        paragraphs.push(centred(&name.clone().bold()));
        cell(paragraphs, width)
    };
    // One row that does not break across pages: a title on one page and
    // the name on the next would not be signed.
    let row = TableRow::new(vec![
        block(w.sign_secretary, &s.secretary, grid[0]),
        block(w.sign_chair, &s.chair, grid[1]),
    ])
    .cant_split();
    table(vec![row], &grid, no_lines())
}
