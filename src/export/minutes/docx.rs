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

use std::borrow::Cow;
use std::io::{self, Cursor};

use docx_rs::{
    AlignmentType, BorderType, Docx, Header as PageHeader, LineSpacing, PageMargin, PageNum,
    Paragraph, Run, RunFonts, SpecialIndentType, Table as DocxTable, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, WidthType,
};

use zip::write::FileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::model::{Block, Document, Emphasis, Header, Inline, IssueEntry, Signatures};
use super::words::Words;

/// Lengths in twentieths of a point (twips): 1 mm ≈ 56.7.
const A4_WIDTH: u32 = 11_906;
const A4_HEIGHT: u32 = 16_838;
const MARGIN_TOP: i32 = 1_134; // 20 mm
const MARGIN_BOTTOM: i32 = 1_134; // 20 mm
const MARGIN_LEFT: i32 = 1_701; // 30 mm
const MARGIN_RIGHT: i32 = 850; // 15 mm
const HEADER_DISTANCE: i32 = 567; // 10 mm: the page number
/// The width of the text: A4 less the left and right margins.
const TEXT_WIDTH: usize = (A4_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize;
/// First-line indent of a paragraph: 10 mm.
const INDENT: i32 = 567;

pub const FONT: &str = "Times New Roman";
/// Sizes in half-points.
const BODY: usize = 28; // 14 pt
const AGENCY: usize = 24; // 12 pt: the agencies and the nation, each on one line
const HEADER: usize = 26; // 13 pt: the motto, the number, the place and date
const IN_TABLE: usize = 24; // 12 pt
const IN_ISSUES: usize = 22; // 11 pt: seven columns

/// The header table: the agency's column (8 cm, reaching 5 mm into the
/// left margin, so that "ỦY BAN NHÂN DÂN TỈNH …" keeps to one line) and
/// the nation's (9 cm).
const HEADER_COLUMNS: [usize; 2] = [4_536, 5_103];
const HEADER_INDENT: i32 = -284;
/// The issues table: No., raised by, organization, procedure, content,
/// answer, disposition. The first is wide enough for "STT" in bold, the
/// last for "25/12/2026", at 11 pt and with the cells' margins.
const ISSUE_COLUMNS: [usize; 7] = [680, 1_134, 1_077, 1_361, 1_871, 1_871, 1_361];

pub fn render(document: &Document) -> io::Result<Vec<u8>> {
    let w = document.words;
    let mut docx = page_setup(document.date);
    let mut blocks = document.blocks.iter().peekable();
    let mut after_table = false;
    while let Some(block) = blocks.next() {
        let is_table = matches!(
            block,
            Block::Header(_) | Block::Table(_) | Block::Issue(_) | Block::Signatures(_)
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
            Block::Paragraph(text) => docx.add_paragraph(spaced(body(text))),
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

/// An empty A4 document: margins, font, page numbers; dated (in its
/// properties) by the meeting, so the same record gives the same file.
fn page_setup(date: Option<crate::domain::Timestamp>) -> Docx {
    let docx = Docx::new()
        .page_size(A4_WIDTH, A4_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(HEADER_DISTANCE)
                .footer(HEADER_DISTANCE),
        )
        .default_fonts(
            RunFonts::new()
                .ascii(FONT)
                .hi_ansi(FONT)
                .east_asia(FONT)
                .cs(FONT),
        )
        .default_size(BODY)
        .default_line_spacing(LineSpacing::new().before(0).after(120))
        // The page number, centred at the top, from the second page on.
        .header(
            PageHeader::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_page_num(PageNum::new()),
            ),
        )
        .first_header(PageHeader::new())
        .title_pg();
    match date {
        Some(at) => {
            let at = at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
            docx.created_at(&at).updated_at(&at)
        }
        None => docx,
    }
}

/// The same package with its parts compressed: docx-rs stores them as
/// they are, and the minutes of a long meeting then weigh megabytes
/// where a few hundred kilobytes do (to send by e-mail, to archive).
/// The parts keep docx-rs's order.
fn deflated(stored: &[u8]) -> io::Result<Vec<u8>> {
    let mut package = ZipArchive::new(Cursor::new(stored)).map_err(io::Error::other)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 4)));
    let options = FileOptions::default().compression_method(CompressionMethod::Deflated);
    for index in 0..package.len() {
        let mut part = package.by_index(index).map_err(io::Error::other)?;
        if part.is_dir() {
            out.add_directory(part.name(), options)
        } else {
            out.start_file(part.name(), options)
        }
        .map_err(io::Error::other)?;
        io::copy(&mut part, &mut out)?;
    }
    Ok(out.finish().map_err(io::Error::other)?.into_inner())
}

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
fn body(text: &Inline) -> Paragraph {
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
fn heading(level: u8, text: &Inline) -> Paragraph {
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
fn title_line(text: &Inline, before: u32) -> Paragraph {
    runs(
        Paragraph::new()
            .align(AlignmentType::Center)
            .keep_next(true)
            .line_spacing(LineSpacing::new().before(before).after(120)),
        &text.clone().bold(),
        None,
    )
}

/// A paragraph inside a table cell.
fn cell_paragraph(text: &Inline, align: AlignmentType, size: usize) -> Paragraph {
    runs(
        Paragraph::new()
            .align(align)
            .line_spacing(LineSpacing::new().before(0).after(0)),
        text,
        Some(size),
    )
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    let mut cell = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Top);
    for paragraph in paragraphs {
        cell = cell.add_paragraph(paragraph);
    }
    cell
}

fn table(rows: Vec<TableRow>, grid: &[usize], borders: TableBorders) -> DocxTable {
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

fn no_lines() -> TableBorders {
    TableBorders::new().clear_all()
}

/// Agencies on the left, the nation and its motto (underlined) on the
/// right, then the number and, in italics, the place and date.
fn header(h: &Header) -> DocxTable {
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

/// A table with a bold header row; column widths follow the length of
/// what the columns hold.
fn data_table(header: &[&str], rows: &[Vec<Inline>]) -> DocxTable {
    let grid = column_widths(header, rows);
    let align = |column: usize| {
        if column == 0 {
            AlignmentType::Center
        } else {
            AlignmentType::Left
        }
    };
    let mut table_rows = vec![TableRow::new(
        header
            .iter()
            .zip(&grid)
            .map(|(title, width)| {
                let title = Inline::fixed(*title).bold();
                cell(
                    vec![cell_paragraph(&title, AlignmentType::Center, IN_TABLE)],
                    *width,
                )
            })
            .collect(),
    )];
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
fn issues_table(entries: &[&IssueEntry], w: &Words) -> DocxTable {
    let mut rows = vec![TableRow::new(
        w.issues_header()
            .iter()
            .zip(ISSUE_COLUMNS)
            .map(|(title, width)| {
                let title = Inline::fixed(*title).bold();
                cell(
                    vec![cell_paragraph(&title, AlignmentType::Center, IN_ISSUES)],
                    width,
                )
            })
            .collect(),
    )];
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
        let (name, organization) = match &entry.raised_by {
            Some(person) => (
                Inline::typed(&person.name),
                Inline::typed(&person.organization),
            ),
            None => (Inline::fixed(w.not_recorded), Inline::default()),
        };
        let mut procedure = vec![label(
            w.field,
            join_lines(&entry.field).unwrap_or_else(|| Inline::fixed("…")),
        )];
        procedure.extend(lines_or(&entry.procedure, "…"));
        let mut content = vec![label(w.category, Inline::fixed(entry.category))];
        content.extend(lines_or(&entry.content, "…"));
        let cells = vec![
            vec![cell_paragraph(
                &Inline::fixed(entry.number.to_string()),
                AlignmentType::Center,
                IN_ISSUES,
            )],
            vec![left(&name), left(&entry.source.clone().italic())],
            vec![left(&organization)],
            procedure,
            content,
            lines_or(&entry.answer, w.not_answered),
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

/// The secretary on the left, the chair on the right: title, "(signature
/// and full name)", room to sign, the name.
fn signatures(s: &Signatures, w: &Words) -> DocxTable {
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
