//! Tables: cells, grids and borders, the lined tables of the record (with
//! their columns' widths), and the table of the issues raised. A table is
//! written row by row: its properties and grid, then each row as it is
//! made from the model.

use std::io::{self, Write};

use super::page::{IN_ISSUES, IN_TABLE, ISSUE_COLUMNS, TEXT_WIDTH};
use super::text::{Align, Para, cell_paragraph};
use super::xml::Xml;
use crate::export::minutes::model::{Inline, IssueEntry};
use crate::export::minutes::words::Words;

/// How a table is drawn: its columns, and whether it has lines.
pub(super) struct Layout<'g> {
    pub grid: &'g [usize],
    /// Lines around and between the cells, or none at all.
    pub lines: bool,
    /// The header's table: no margins in its cells, and reaching into the
    /// left margin by this much (twips).
    pub header_indent: Option<i32>,
}

/// Opens a table: its properties and its grid.
pub(super) fn start_table<W: Write>(xml: &mut Xml<W>, layout: &Layout<'_>) -> io::Result<()> {
    let dxa = |name: &str, xml: &mut Xml<W>, width: &str| {
        xml.empty(name, &[("w:w", width), ("w:type", "dxa")])
    };
    xml.start("w:tbl", &[])?;
    xml.start("w:tblPr", &[])?;
    dxa(
        "w:tblW",
        xml,
        &layout.grid.iter().sum::<usize>().to_string(),
    )?;
    xml.val("w:jc", "left")?;
    xml.start("w:tblBorders", &[])?;
    let (kind, size) = if layout.lines {
        ("single", "4")
    } else {
        ("nil", "2")
    };
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        xml.empty(
            side,
            &[
                ("w:val", kind),
                ("w:sz", size),
                ("w:space", "0"),
                ("w:color", "000000"),
            ],
        )?;
    }
    xml.end("w:tblBorders")?;
    if let Some(indent) = layout.header_indent {
        xml.start("w:tblCellMar", &[])?;
        for side in ["w:top", "w:left", "w:bottom", "w:right"] {
            dxa(side, xml, "0")?;
        }
        xml.end("w:tblCellMar")?;
        dxa("w:tblInd", xml, &indent.to_string())?;
    }
    xml.empty("w:tblLayout", &[("w:type", "fixed")])?;
    xml.end("w:tblPr")?;
    xml.start("w:tblGrid", &[])?;
    for width in layout.grid {
        dxa("w:gridCol", xml, &width.to_string())?;
    }
    xml.end("w:tblGrid")
}

pub(super) fn end_table<W: Write>(xml: &mut Xml<W>) -> io::Result<()> {
    xml.end("w:tbl")
}

/// One row: each cell's paragraphs, in a column of the grid. A row that
/// `cant_split` moves to the next page whole.
pub(super) fn row<W: Write>(
    xml: &mut Xml<W>,
    grid: &[usize],
    cells: &[Vec<Para<'_>>],
    cant_split: bool,
) -> io::Result<()> {
    xml.start("w:tr", &[])?;
    if cant_split {
        xml.start("w:trPr", &[])?;
        xml.empty("w:cantSplit", &[])?;
        xml.end("w:trPr")?;
    } else {
        xml.empty("w:trPr", &[])?;
    }
    for (paragraphs, width) in cells.iter().zip(grid) {
        xml.start("w:tc", &[])?;
        xml.start("w:tcPr", &[])?;
        xml.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")])?;
        xml.fixed(r#"w:vAlign w:val="top""#)?;
        xml.end("w:tcPr")?;
        for paragraph in paragraphs {
            paragraph.write(xml)?;
        }
        xml.end("w:tc")?;
    }
    xml.end("w:tr")
}

/// The titles of a table's columns, bold and centred. The row never
/// breaks, and its paragraphs keep with the next one, so that the header
/// moves with the first row instead of staying alone at the foot of a
/// page (Word honours "keep with next" inside a table row).
fn header_row<W: Write>(
    xml: &mut Xml<W>,
    titles: &[&str],
    grid: &[usize],
    size: usize,
) -> io::Result<()> {
    let cells: Vec<Vec<Para<'_>>> = titles
        .iter()
        .map(|title| {
            vec![
                cell_paragraph(Inline::fixed(*title), Align::Center, size)
                    .bold()
                    .keep_next(true),
            ]
        })
        .collect();
    row(xml, grid, &cells, true)
}

/// A table with a bold header row; column widths follow the length of
/// what the columns hold.
pub(super) fn data_table<W: Write>(
    xml: &mut Xml<W>,
    header: &[&str],
    rows: &[Vec<Inline>],
) -> io::Result<()> {
    let grid = column_widths(header, rows);
    let layout = Layout {
        grid: &grid,
        lines: true,
        header_indent: None,
    };
    start_table(xml, &layout)?;
    header_row(xml, header, &grid, IN_TABLE)?;
    let align = |column: usize| {
        if column == 0 {
            Align::Center
        } else {
            Align::Left
        }
    };
    for cells in rows {
        // A row is read as one line of the table: it moves to the next
        // page whole.
        let cells: Vec<Vec<Para<'_>>> = cells
            .iter()
            .enumerate()
            .map(|(column, text)| vec![cell_paragraph(text, align(column), IN_TABLE)])
            .collect();
        row(xml, &grid, &cells, true)?;
    }
    end_table(xml)
}

/// Column widths: each column at least as wide as its longest word (so
/// that no word breaks), the rest shared in proportion to the length of
/// what the columns hold.
fn column_widths(header: &[&str], rows: &[Vec<Inline>]) -> Vec<usize> {
    // About what a character takes at 12 pt, in twips: capitals more,
    // bold a little more.
    let width = |word: &str, bold: bool| -> usize {
        let plain: usize = word
            .chars()
            .map(|c| if c.is_uppercase() { 170 } else { 115 })
            .sum();
        if bold { plain * 11 / 10 } else { plain }
    };
    const PADDING: usize = 2 * 115;
    let longest_word = |text: &str, bold: bool| {
        text.split_whitespace()
            .map(|word| width(word, bold))
            .max()
            .unwrap_or(0)
    };
    let mut least = Vec::with_capacity(header.len());
    let mut weights = Vec::with_capacity(header.len());
    for (column, title) in header.iter().enumerate() {
        let mut word = longest_word(title, true);
        let mut longest = 0;
        for text in rows.iter().filter_map(|row| row.get(column)) {
            let text = text.text();
            word = word.max(longest_word(&text, false));
            longest = longest.max(text.chars().count());
        }
        least.push((word + PADDING).min(TEXT_WIDTH / 3));
        weights.push(longest.clamp(4, 40));
    }
    // Columns whose share would be narrower than their longest word get
    // that width; the others share what is left, in proportion.
    let mut fixed = vec![false; least.len()];
    loop {
        let free_width = TEXT_WIDTH.saturating_sub(
            (0..least.len())
                .filter(|&i| fixed[i])
                .map(|i| least[i])
                .sum(),
        );
        let free_weight: usize = (0..least.len())
            .filter(|&i| !fixed[i])
            .map(|i| weights[i])
            .sum();
        let narrow: Vec<usize> = (0..least.len())
            .filter(|&i| !fixed[i] && free_width * weights[i] / free_weight < least[i])
            .collect();
        if narrow.is_empty() {
            break;
        }
        for i in narrow {
            fixed[i] = true;
        }
        if fixed.iter().all(|f| *f) {
            break;
        }
    }
    let floor: usize = (0..least.len())
        .filter(|&i| fixed[i])
        .map(|i| least[i])
        .sum();
    let mut grid: Vec<usize> = if floor >= TEXT_WIDTH {
        // Too many columns for the page: shrink them all alike.
        least.iter().map(|w| w * TEXT_WIDTH / floor).collect()
    } else {
        let free_width = TEXT_WIDTH - floor;
        let free_weight: usize = (0..least.len())
            .filter(|&i| !fixed[i])
            .map(|i| weights[i])
            .sum::<usize>()
            .max(1);
        (0..least.len())
            .map(|i| {
                if fixed[i] {
                    least[i]
                } else {
                    free_width * weights[i] / free_weight
                }
            })
            .collect()
    };
    // What rounding lost goes to the widest column.
    let lost = TEXT_WIDTH - grid.iter().sum::<usize>();
    if let Some(widest) = (0..grid.len()).max_by_key(|&i| grid[i]) {
        grid[widest] += lost;
    }
    grid
}

/// Opens the table of the issues raised, with its header row.
pub(super) fn start_issues<W: Write>(xml: &mut Xml<W>, w: &Words) -> io::Result<()> {
    let layout = Layout {
        grid: &ISSUE_COLUMNS,
        lines: true,
        header_indent: None,
    };
    start_table(xml, &layout)?;
    header_row(xml, &w.issues_header(), &ISSUE_COLUMNS, IN_ISSUES)
}

/// One issue raised: one row, every field of the record in it.
pub(super) fn issue_row<W: Write>(
    xml: &mut Xml<W>,
    entry: &IssueEntry,
    w: &Words,
) -> io::Result<()> {
    let left = |text: &Inline| cell_paragraph(text.clone(), Align::Left, IN_ISSUES);
    let lines_or = |lines: &[Inline], empty: &str| -> Vec<Para<'static>> {
        if lines.is_empty() {
            vec![left(&Inline::fixed(empty))]
        } else {
            lines.iter().map(left).collect()
        }
    };
    let label = |label: &str, value: Inline| {
        cell_paragraph(
            Inline::fixed(format!("{label}: ")).then(value),
            Align::Left,
            IN_ISSUES,
        )
        .italic()
    };
    // The name and the position in the second column, the organization
    // in the third.
    let (mut raised_by, organization) = match &entry.raised_by {
        Some(person) => (
            std::iter::once(&person.name)
                .chain(&person.position)
                .map(left)
                .collect(),
            person.organization.clone().unwrap_or_default(),
        ),
        None => (
            vec![left(&Inline::fixed(w.not_recorded))],
            Inline::default(),
        ),
    };
    raised_by.push(left(&entry.source).italic());
    let mut answer = Vec::new();
    if let Some(person) = &entry.answered_by {
        answer.push(label(w.answered_by, person.with_position()));
    }
    answer.extend(lines_or(&entry.answer, w.not_answered));
    // What is not recorded is left out, not printed as a blank.
    let mut procedure: Vec<Para<'_>> = join_lines(&entry.field)
        .map(|field| label(w.field, field))
        .into_iter()
        .collect();
    procedure.extend(entry.procedure.iter().map(left));
    if procedure.is_empty() {
        // A Word table cell holds at least one paragraph.
        procedure.push(left(&Inline::default()));
    }
    let mut content = vec![label(w.category, Inline::fixed(entry.category))];
    content.extend(lines_or(&entry.content, "…"));
    let cells = [
        vec![cell_paragraph(
            Inline::fixed(entry.number.to_string()),
            Align::Center,
            IN_ISSUES,
        )],
        raised_by,
        vec![left(&organization)],
        procedure,
        content,
        answer,
        vec![left(&entry.disposition)],
    ];
    // An issue is read as a whole: its row moves to the next page rather
    // than breaking (only a row longer than a page breaks).
    row(xml, &ISSUE_COLUMNS, &cells, true)
}

/// Lines joined with "; " into one run of text (a field of procedures
/// typed on several lines), or `None` for no line.
fn join_lines(lines: &[Inline]) -> Option<Inline> {
    let mut lines = lines.iter();
    let mut out = lines.next()?.clone();
    for line in lines {
        out.push_fixed("; ");
        out.push(line.clone());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_a4_with_the_official_margins() {
        // 30 mm left, 15 mm right: 165 mm of text.
        assert_eq!(TEXT_WIDTH, 9_355);
        assert_eq!(ISSUE_COLUMNS.iter().sum::<usize>(), TEXT_WIDTH);
        let grid = column_widths(
            &["STT", "Nội dung"],
            &[vec![Inline::fixed("1"), Inline::fixed("x".repeat(90))]],
        );
        assert_eq!(grid.iter().sum::<usize>(), TEXT_WIDTH);
        assert!(grid[0] < grid[1] / 5);
    }
}
