//! The package: the zip of the document's parts, each compressed as it is
//! written. `word/document.xml` is streamed into its entry; the other
//! parts are a few fixed lines. The entries carry zip's fixed time
//! (1980-01-01) and the properties the meeting's date, so the same record
//! gives the same bytes.

use std::io::{self, Seek, Write};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use zip::write::FileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::page::{first_page_header, page_number_header, styles};
use super::xml::Xml;
use crate::domain::Timestamp;

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/>"#,
    r#"<Default ContentType="application/xml" Extension="xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>"#,
    r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#,
    r#"<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#,
    r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"</Types>"#,
);

const PACKAGE_RELATIONSHIPS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"</Relationships>"#,
);

const APP_PROPERTIES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#,
    r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>"#,
);

const DOCUMENT_RELATIONSHIPS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
    r#"<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#,
    r#"<Relationship Id="rIdHeader2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>"#,
    r#"</Relationships>"#,
);

/// Word 2013's compatibility mode, tab stops every 840 twips.
const SETTINGS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" "#,
    r#"xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">"#,
    r#"<w:defaultTabStop w:val="840"/><w:zoom w:percent="100"/><w:compat><w:spaceForUL/>"#,
    r#"<w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/>"#,
    r#"<w:doNotExpandShiftReturn/><w:useFELayout/>"#,
    r#"<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>"#,
    r#"<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
    r#"<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
    r#"<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
    r#"<w:compatSetting w:name="differentiateMultirowTableHeaders" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
    r#"<w:compatSetting w:name="useWord2013TrackBottomHyphenation" w:uri="http://schemas.microsoft.com/office/word" w:val="0"/>"#,
    r#"</w:compat></w:settings>"#,
);

const FONT_TABLE: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    r#"<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="Symbol"><w:charset w:val="02"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="Arial"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>"#,
    r#"</w:fonts>"#,
);

/// Created and modified: the meeting's date (no clock), or the epoch.
fn core_properties(date: Option<Timestamp>) -> String {
    let at = date.map_or_else(
        || "1970-01-01T00:00:00Z".to_string(),
        |at| at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    );
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{at}</dcterms:created>"#,
            r#"<dc:creator>unknown</dc:creator><cp:lastModifiedBy>unknown</cp:lastModifiedBy>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{at}</dcterms:modified>"#,
            r#"<cp:revision>1</cp:revision></cp:coreProperties>"#,
        ),
        at = at
    )
}

/// `word/document.xml` goes to deflate in chunks of this size, on a
/// thread of its own: making the XML and compressing it take about the
/// same time, and run side by side.
const CHUNK: usize = 64 * 1024;
/// Chunks made and not yet compressed, at most: what bounds the memory
/// between the two threads.
const IN_FLIGHT: usize = 4;

/// The XML's bytes, gathered into chunks and sent to the thread that
/// compresses them.
pub(super) struct Chunks {
    chunk: Vec<u8>,
    to_deflate: SyncSender<Vec<u8>>,
}

impl Chunks {
    fn send(&mut self) -> io::Result<()> {
        let full = std::mem::replace(&mut self.chunk, Vec::with_capacity(CHUNK));
        self.to_deflate
            .send(full)
            // The other thread stopped: its error is the one reported.
            .map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe))
    }
}

impl Write for Chunks {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.chunk.extend_from_slice(bytes);
        if self.chunk.len() >= CHUNK {
            self.send()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.chunk.is_empty() {
            Ok(())
        } else {
            self.send()
        }
    }
}

/// Compresses what arrives into the open entry, until the sender is done.
fn deflate<W: Write + Seek>(zip: &mut ZipWriter<W>, chunks: Receiver<Vec<u8>>) -> io::Result<()> {
    for chunk in chunks {
        zip.write_all(&chunk)?;
    }
    Ok(())
}

/// Writes the package into `out`: the fixed parts, and the document's
/// body as `body` writes it, straight into its compressed entry.
pub(super) fn write<W, F>(out: W, date: Option<Timestamp>, body: F) -> io::Result<W>
where
    W: Write + Seek + Send,
    F: FnOnce(&mut Xml<&mut Chunks>) -> io::Result<()>,
{
    let mut zip = ZipWriter::new(out);
    let options = FileOptions::default().compression_method(CompressionMethod::Deflated);
    let part = |zip: &mut ZipWriter<W>, name: &str, text: &str| -> io::Result<()> {
        zip.start_file(name, options).map_err(io::Error::other)?;
        zip.write_all(text.as_bytes())
    };
    part(&mut zip, "[Content_Types].xml", CONTENT_TYPES)?;
    part(&mut zip, "_rels/.rels", PACKAGE_RELATIONSHIPS)?;
    part(&mut zip, "docProps/app.xml", APP_PROPERTIES)?;
    part(&mut zip, "docProps/core.xml", &core_properties(date))?;
    part(
        &mut zip,
        "word/_rels/document.xml.rels",
        DOCUMENT_RELATIONSHIPS,
    )?;
    zip.start_file("word/document.xml", options)
        .map_err(io::Error::other)?;
    std::thread::scope(|scope| {
        let (to_deflate, chunks) = sync_channel(IN_FLIGHT);
        let deflater = scope.spawn(|| deflate(&mut zip, chunks));
        let mut chunks = Chunks {
            chunk: Vec::with_capacity(CHUNK),
            to_deflate,
        };
        // The page number's paragraph in header1.xml is the first.
        let made = body(&mut Xml::new(&mut chunks, 1)).and_then(|()| chunks.flush());
        // The channel closes: the deflater ends.
        drop(chunks);
        let deflated = deflater
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("deflate stopped")));
        deflated.and(made)
    })?;
    part(&mut zip, "word/styles.xml", &styles())?;
    part(&mut zip, "word/settings.xml", SETTINGS)?;
    part(&mut zip, "word/fontTable.xml", FONT_TABLE)?;
    part(&mut zip, "word/header1.xml", &page_number_header())?;
    part(&mut zip, "word/header2.xml", &first_page_header())?;
    zip.finish().map_err(io::Error::other)
}
