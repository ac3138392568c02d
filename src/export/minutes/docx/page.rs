//! The page and the type: A4 and its margins, the font and its sizes, the
//! widths of the tables' columns; the styles that set the font, the page
//! numbers' header, and the section that sets the page.

use std::io::{self, Write};

use super::xml::Xml;

/// Lengths in twentieths of a point (twips): 1 mm ≈ 56.7.
const A4_WIDTH: i32 = 11_906;
const A4_HEIGHT: i32 = 16_838;
const MARGIN_TOP: i32 = 1_134; // 20 mm
const MARGIN_BOTTOM: i32 = 1_134; // 20 mm
const MARGIN_LEFT: i32 = 1_701; // 30 mm
const MARGIN_RIGHT: i32 = 850; // 15 mm
const HEADER_DISTANCE: i32 = 567; // 10 mm: the page number
/// The width of the text: A4 less the left and right margins.
pub(super) const TEXT_WIDTH: usize = (A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) as usize;
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

/// The document's defaults: the font and its size, no space before a
/// paragraph and 6 pt after.
pub(super) fn styles() -> String {
    format!(
        concat!(
            r#"<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
            r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
            r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
            r#"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" "#,
            r#"xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">"#,
            r#"<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>"#,
            r#"<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/>"#,
            r#"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:rPr/><w:spacing w:before="0" w:after="120"/>"#,
            r#"</w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="Normal">"#,
            r#"<w:name w:val="Normal"/><w:rPr/><w:pPr><w:rPr/></w:pPr><w:qFormat/></w:style></w:styles>"#,
        ),
        size = BODY,
        font = FONT,
    )
}

const HEADER_NAMESPACES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:hdr xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" "#,
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:w10="urn:schemas-microsoft-com:office:word" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" "#,
    r#"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14 wp14""#,
);

/// The page number, centred at the top (from the second page on: the
/// first page's header is empty). Its paragraph is the document's first
/// (`w14:paraId` 1).
pub(super) fn page_number_header() -> String {
    format!(
        concat!(
            "{}>",
            r#"<w:p w14:paraId="00000001"><w:pPr><w:rPr/><w:jc w:val="center"/></w:pPr>"#,
            r#"<w:r><w:rPr/><w:fldChar w:fldCharType="begin" w:dirty="false"/><w:instrText>PAGE</w:instrText>"#,
            r#"<w:fldChar w:fldCharType="separate" w:dirty="false"/><w:t xml:space="preserve">1</w:t>"#,
            r#"<w:fldChar w:fldCharType="end" w:dirty="false"/></w:r></w:p></w:hdr>"#,
        ),
        HEADER_NAMESPACES
    )
}

/// The first page's header: empty.
pub(super) fn first_page_header() -> String {
    format!("{HEADER_NAMESPACES}/>")
}

/// The document element, its namespaces, and the body opened.
pub(super) fn start_document<W: Write>(xml: &mut Xml<W>) -> io::Result<()> {
    xml.declaration()?;
    xml.start(
        "w:document",
        &[
            ("xmlns:o", "urn:schemas-microsoft-com:office:office"),
            (
                "xmlns:r",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            ),
            ("xmlns:v", "urn:schemas-microsoft-com:vml"),
            (
                "xmlns:w",
                "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            ),
            ("xmlns:w10", "urn:schemas-microsoft-com:office:word"),
            (
                "xmlns:wp",
                "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
            ),
            (
                "xmlns:wps",
                "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
            ),
            (
                "xmlns:wpg",
                "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
            ),
            (
                "xmlns:mc",
                "http://schemas.openxmlformats.org/markup-compatibility/2006",
            ),
            (
                "xmlns:wp14",
                "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
            ),
            (
                "xmlns:w14",
                "http://schemas.microsoft.com/office/word/2010/wordml",
            ),
            (
                "xmlns:w15",
                "http://schemas.microsoft.com/office/word/2012/wordml",
            ),
            ("mc:Ignorable", "w14 wp14"),
        ],
    )?;
    xml.start("w:body", &[])
}

/// The section (A4, the margins, the headers: none on the first page,
/// the page number on the others), and the body and document closed.
pub(super) fn end_document<W: Write>(xml: &mut Xml<W>) -> io::Result<()> {
    xml.start("w:sectPr", &[])?;
    let (width, height) = (A4_WIDTH.to_string(), A4_HEIGHT.to_string());
    xml.empty("w:pgSz", &[("w:w", &width), ("w:h", &height)])?;
    let margins = [MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_LEFT].map(|m| m.to_string());
    let distance = HEADER_DISTANCE.to_string();
    xml.empty(
        "w:pgMar",
        &[
            ("w:top", &margins[0]),
            ("w:right", &margins[1]),
            ("w:bottom", &margins[2]),
            ("w:left", &margins[3]),
            ("w:header", &distance),
            ("w:footer", &distance),
            ("w:gutter", "0"),
        ],
    )?;
    xml.empty("w:cols", &[("w:space", "425"), ("w:num", "1")])?;
    xml.empty(
        "w:headerReference",
        &[("w:type", "default"), ("r:id", "rIdHeader1")],
    )?;
    xml.empty(
        "w:headerReference",
        &[("w:type", "first"), ("r:id", "rIdHeader2")],
    )?;
    xml.empty("w:titlePg", &[])?;
    xml.end("w:sectPr")?;
    xml.end("w:body")?;
    xml.end("w:document")
}
