//! Tables: cells, grids and borders, the lined tables of the record (with
//! their columns' widths), and the table of the issues raised.

use docx_rs::{
    AlignmentType, BorderType, Paragraph, Table as DocxTable, TableBorder, TableBorderPosition,
    TableBorders, TableCell, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::page::{IN_ISSUES, IN_TABLE, ISSUE_COLUMNS, TEXT_WIDTH};
use super::text::cell_paragraph;
use crate::export::minutes::model::{Inline, IssueEntry};
use crate::export::minutes::words::Words;

pub(super) fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    let mut cell = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Top);
    for paragraph in paragraphs {
        cell = cell.add_paragraph(paragraph);
    }
    cell
}

pub(super) fn table(rows: Vec<TableRow>, grid: &[usize], borders: TableBorders) -> DocxTable {
    DocxTable::new(rows)
        .set_grid(grid.to_vec())
        .width(grid.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(borders)
}

fn lines() -> TableBorders {
    let line = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
    };
    TableBorders::new()
        .set(line(TableBorderPosition::Top))
        .set(line(TableBorderPosition::Left))
        .set(line(TableBorderPosition::Bottom))
        .set(line(TableBorderPosition::Right))
        .set(line(TableBorderPosition::InsideH))
        .set(line(TableBorderPosition::InsideV))
}

pub(super) fn no_lines() -> TableBorders {
    TableBorders::new().clear_all()
}

/// The titles of a table's columns, bold and centred. The row never
/// breaks, and its paragraphs keep with the next one, so that the header
/// moves with the first row instead of staying alone at the foot of a
/// page (Word honours "keep with next" inside a table row).
fn header_row(titles: &[&str], grid: &[usize], size: usize) -> TableRow {
    TableRow::new(
        titles
            .iter()
            .zip(grid)
            .map(|(title, width)| {
                let title = Inline::fixed(*title).bold();
                let paragraph = cell_paragraph(&title, AlignmentType::Center, size).keep_next(true);
                cell(vec![paragraph], *width)
            })
            .collect(),
    )
    .cant_split()
}

/// A table with a bold header row; column widths follow the length of
/// what the columns hold.
pub(super) fn data_table(header: &[&str], rows: &[Vec<Inline>]) -> DocxTable {
    let grid = column_widths(header, rows);
    let align = |column: usize| {
        if column == 0 {
            AlignmentType::Center
        } else {
            AlignmentType::Left
        }
    };
    let mut table_rows = vec![header_row(header, &grid, IN_TABLE)];
    for row in rows {
        // A row is read as one line of the table: it moves to the next
        // page whole.
        table_rows.push(
            TableRow::new(
                row.iter()
                    .zip(&grid)
                    .enumerate()
                    .map(|(column, (text, width))| {
                        cell(vec![cell_paragraph(text, align(column), IN_TABLE)], *width)
                    })
                    .collect(),
            )
            .cant_split(),
        );
    }
    table(table_rows, &grid, lines())
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

/// The issues raised: one row each, every field of the record in it.
pub(super) fn issues_table(entries: &[&IssueEntry], w: &Words) -> DocxTable {
    let mut rows = vec![header_row(&w.issues_header(), &ISSUE_COLUMNS, IN_ISSUES)];
    let left = |text: &Inline| cell_paragraph(text, AlignmentType::Left, IN_ISSUES);
    let lines_or = |lines: &[Inline], empty: &str| -> Vec<Paragraph> {
        if lines.is_empty() {
            vec![left(&Inline::fixed(empty))]
        } else {
            lines.iter().map(left).collect()
        }
    };
    let label = |label: &str, value: Inline| {
        left(
            &Inline::fixed(format!("{label}: "))
                .italic()
                .then(value.italic()),
        )
    };
    for entry in entries {
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
        raised_by.push(left(&entry.source.clone().italic()));
        let mut answer = Vec::new();
        if let Some(person) = &entry.answered_by {
            answer.push(label(w.answered_by, person.with_position()));
        }
        answer.extend(lines_or(&entry.answer, w.not_answered));
        // What is not recorded is left out, not printed as a blank.
        let mut procedure: Vec<Paragraph> = join_lines(&entry.field)
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
        let cells = vec![
            vec![cell_paragraph(
                &Inline::fixed(entry.number.to_string()),
                AlignmentType::Center,
                IN_ISSUES,
            )],
            raised_by,
            vec![left(&organization)],
            procedure,
            content,
            answer,
            vec![left(&entry.disposition)],
        ];
        // An issue is read as a whole: its row moves to the next page
        // rather than breaking (only a row longer than a page breaks).
        rows.push(
            TableRow::new(
                cells
                    .into_iter()
                    .zip(ISSUE_COLUMNS)
                    .map(|(paragraphs, width)| cell(paragraphs, width))
                    .collect(),
            )
            .cant_split(),
        );
    }
    table(rows, &ISSUE_COLUMNS, lines())
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
