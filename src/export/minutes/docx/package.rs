//! The package docx-rs writes, its parts compressed.

use std::io::{self, Cursor};

use zip::write::FileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The same package with its parts compressed: docx-rs stores them as
/// they are, and the minutes of a long meeting then weigh megabytes
/// where a few hundred kilobytes do (to send by e-mail, to archive).
/// The parts keep docx-rs's order.
pub(super) fn deflated(stored: &[u8]) -> io::Result<Vec<u8>> {
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
