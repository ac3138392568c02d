//! The text of a list saved by a spreadsheet, whatever the office's Windows
//! wrote: UTF-8 with or without BOM ("CSV UTF-8"), UTF-16 with its BOM
//! (Excel's "Unicode text"), else Windows-1258 (Excel's plain "CSV" on a
//! Vietnamese Windows). Always returned in NFC.

use std::borrow::Cow;
use std::path::Path;

use encoding_rs::{Encoding, WINDOWS_1258};
use unicode_normalization::{UnicodeNormalization, is_nfc};

use super::{PlanError, Problem, bad};

/// Decodes a spreadsheet's bytes. A file that cannot be text (a workbook
/// renamed .csv, UTF-16 without its BOM: both hold NUL bytes) is refused at
/// the line where that shows.
pub fn decode_spreadsheet(file: &Path, bytes: &[u8]) -> Result<String, PlanError> {
    let (text, had_errors) = decode(bytes);
    let damaged = if had_errors {
        text.find('\u{FFFD}')
    } else {
        None
    };
    if let Some(at) = damaged.or_else(|| text.find('\0')) {
        return Err(bad(file, line_at(&text, at), "", Problem::NotText));
    }
    Ok(nfc(text))
}

/// The text, and whether some bytes were not valid in the encoding chosen
/// (they became U+FFFD). A byte order mark decides; without one, text that
/// is valid UTF-8 is UTF-8, and anything else is Windows-1258, whose every
/// byte is a character (its tone marks are combining characters, composed
/// by `nfc` afterwards).
fn decode(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom_length..]);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), false),
        Err(_) => WINDOWS_1258.decode_without_bom_handling(bytes),
    }
}

fn nfc(text: Cow<'_, str>) -> String {
    if is_nfc(&text) {
        text.into_owned()
    } else {
        text.nfc().collect()
    }
}

/// The line (from 1) of byte `at`.
fn line_at(text: &str, at: usize) -> usize {
    text[..at].bytes().filter(|b| *b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> String {
        decode_spreadsheet(Path::new("x.csv"), bytes).unwrap()
    }

    #[test]
    fn each_encoding_an_office_writes() {
        assert_eq!(decoded("Hồng".as_bytes()), "Hồng");
        assert_eq!(decoded("\u{feff}Hồng".as_bytes()), "Hồng");
        // H, ô, combining grave, n, g: what Windows-1258 writes for "Hồng".
        assert_eq!(decoded(b"H\xF4\xCCng"), "Hồng");
        let utf16: Vec<u16> = "\u{feff}Hồng".encode_utf16().collect();
        let le: Vec<u8> = utf16.iter().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = utf16.iter().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decoded(&le), "Hồng");
        assert_eq!(decoded(&be), "Hồng");
        // NFD (as macOS writes it) comes out NFC.
        let nfd: String = "Hồng".nfd().collect();
        assert_eq!(decoded(nfd.as_bytes()), "Hồng");
    }

    #[test]
    fn what_cannot_be_text_is_refused_at_its_line() {
        let error = decode_spreadsheet(Path::new("x.csv"), b"Name\nAn\nB\0\xF4").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("x.csv: line 3: not a text file")
        );
        // UTF-8 announced by its BOM, then not UTF-8.
        let error = decode_spreadsheet(Path::new("x.csv"), b"\xEF\xBB\xBFName\n\xF4").unwrap_err();
        assert!(error.to_string().starts_with("x.csv: line 2:"), "{error}");
    }
}
