//! The two borderless tables that frame the minutes: the header at the
//! top (agencies, nation and motto, number, place and date) and the
//! signature blocks at the end.

use docx_rs::{
    AlignmentType, LineSpacing, Paragraph, Run, Table as DocxTable, TableCellMargins, TableRow,
};

use super::page::{
    AGENCY, BODY, HEADER, HEADER_COLUMNS, HEADER_INDENT, IN_ISSUES, IN_TABLE, TEXT_WIDTH,
};
use super::tables::{cell, no_lines, table};
use super::text::cell_paragraph;
use crate::export::minutes::model::{Header, Inline, Signatures, Signer};
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
            centred(
                &h.place_and_date.clone().unwrap_or_default().italic(),
                HEADER,
            )
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

/// A notice's foot: "Nơi nhận:" (bold, 12 pt) and its lines (11 pt)
/// at the left; the signer's position, "(signature and full name)", room
/// to sign and the name centred at the right. One row that does not break
/// across pages.
pub(super) fn signer(s: &Signer) -> DocxTable {
    let half = TEXT_WIDTH / 2;
    let grid = [half, TEXT_WIDTH - half];
    let left_line = |text: &Inline, size| cell_paragraph(text, AlignmentType::Left, size);
    let mut left = vec![
        left_line(&Inline::fixed(s.recipients_label).bold(), IN_TABLE)
            .line_spacing(LineSpacing::new().before(240).after(0)),
    ];
    for line in &s.recipients {
        left.push(left_line(&Inline::fixed(*line), IN_ISSUES));
    }
    let centred = |text: &Inline| cell_paragraph(text, AlignmentType::Center, BODY);
    let mut right = vec![
        centred(&s.position.clone().bold()).line_spacing(LineSpacing::new().before(240).after(0)),
        centred(&Inline::fixed(s.signature).italic()),
    ];
    for _ in 0..4 {
        right.push(centred(&Inline::default()));
    }
    right.push(centred(&s.name.clone().bold()));
    let row = TableRow::new(vec![cell(left, grid[0]), cell(right, grid[1])]).cant_split();
    table(vec![row], &grid, no_lines())
}

/// "Nơi nhận:" (bold, 12 pt) and its lines (11 pt) at the left margin,
/// under the minutes' signatures, kept together.
pub(super) fn recipients(label: &str, lines: &[&str]) -> Vec<Paragraph> {
    let line =
        |text: &Inline, size| cell_paragraph(text, AlignmentType::Left, size).keep_next(true);
    let mut paragraphs = vec![
        line(&Inline::fixed(label).bold(), IN_TABLE)
            .line_spacing(LineSpacing::new().before(240).after(0)),
    ];
    paragraphs.extend(lines.iter().map(|l| line(&Inline::fixed(*l), IN_ISSUES)));
    if let Some(last) = paragraphs.pop() {
        paragraphs.push(last.keep_next(false));
    }
    paragraphs
}
