//! The page and the type: A4 and its margins, the font and its sizes, the
//! widths of the tables' columns, and the empty document they make, with
//! its page numbers.

use docx_rs::{
    AlignmentType, Docx, Header as PageHeader, LineSpacing, PageMargin, PageNum, Paragraph,
    RunFonts,
};

/// Lengths in twentieths of a point (twips): 1 mm ≈ 56.7.
const A4_WIDTH: u32 = 11_906;
const A4_HEIGHT: u32 = 16_838;
const MARGIN_TOP: i32 = 1_134; // 20 mm
const MARGIN_BOTTOM: i32 = 1_134; // 20 mm
const MARGIN_LEFT: i32 = 1_701; // 30 mm
const MARGIN_RIGHT: i32 = 850; // 15 mm
const HEADER_DISTANCE: i32 = 567; // 10 mm: the page number
/// The width of the text: A4 less the left and right margins.
pub(super) const TEXT_WIDTH: usize = (A4_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize;
/// First-line indent of a paragraph: 10 mm.
pub(super) const INDENT: i32 = 567;

pub const FONT: &str = "Times New Roman";
/// Sizes in half-points.
pub(super) const BODY: usize = 28; // 14 pt
pub(super) const AGENCY: usize = 24; // 12 pt: the agencies and the nation, each on one line
pub(super) const HEADER: usize = 26; // 13 pt: the motto, the number, the place and date
pub(super) const IN_TABLE: usize = 24; // 12 pt
pub(super) const IN_ISSUES: usize = 22; // 11 pt: seven columns

/// The header table: the agency's column (8 cm, reaching 5 mm into the
/// left margin, so that "ỦY BAN NHÂN DÂN TỈNH …" keeps to one line) and
/// the nation's (9 cm).
pub(super) const HEADER_COLUMNS: [usize; 2] = [4_536, 5_103];
pub(super) const HEADER_INDENT: i32 = -284;
/// The issues table: No., raised by, organization, procedure, content,
/// answer, disposition. The first is wide enough for "STT" in bold, the
/// last for "25/12/2026", at 11 pt and with the cells' margins.
pub(super) const ISSUE_COLUMNS: [usize; 7] = [680, 1_134, 1_077, 1_361, 1_871, 1_871, 1_361];

/// An empty A4 document: margins, font, page numbers; dated (in its
/// properties) by the meeting, so the same record gives the same file.
pub(super) fn page_setup(date: Option<crate::domain::Timestamp>) -> Docx {
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
