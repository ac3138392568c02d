//! JSON text that is safe to print on a terminal, and back.
//!
//! JSON escapes the C0 controls (ESC among them) but lets DEL, the C1
//! controls (U+0080..U+009F, of which U+009B is a one-character CSI) and the
//! bidirectional controls through as they are. The JSON export writes those
//! as `\uXXXX` escapes too, which any JSON reader decodes to the same text.
//! The journal's columns are JSON that serde_json wrote, with those
//! characters raw: `unescape` gives back their exact bytes (and so their
//! hashes) from the exported text.

use std::borrow::Cow;

/// Characters written as `\uXXXX` in addition to what JSON escapes itself.
pub fn needs_escape(c: char) -> bool {
    matches!(c,
        '\u{7F}'..='\u{9F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}')
}

/// A quick look at the bytes: every `needs_escape` character is DEL or
/// starts with one of these UTF-8 lead bytes (C1 controls: 0xC2; U+061C:
/// 0xD8; the U+20xx marks: 0xE2). Most text has none of them, and the
/// journal of a large meeting is hundreds of megabytes.
fn may_need_escape(text: &str) -> bool {
    // Whole chunks without an early exit inside, so the compiler can use
    // vector instructions.
    text.as_bytes().chunks(64).any(|chunk| {
        chunk.iter().fold(false, |found, b| {
            found | matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE2)
        })
    })
}

/// The length in bytes of the `needs_escape` character that `bytes` (valid
/// UTF-8, from a character's start) begins with, if it does: the same set,
/// read off the encoding, so that text with an ellipsis or a curly quote
/// (lead byte 0xE2 too) is not decoded character by character.
fn escaped_at(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [0x7F, ..] => Some(1),
        // U+0080..U+009F; U+061C.
        [0xC2, 0x80..=0x9F, ..] | [0xD8, 0x9C, ..] => Some(2),
        // U+200E, U+200F, U+202A..U+202E; U+2066..U+2069.
        [0xE2, 0x80, 0x8E | 0x8F | 0xAA..=0xAE, ..] | [0xE2, 0x81, 0xA6..=0xA9, ..] => Some(3),
        _ => None,
    }
}

/// Escapes every `needs_escape` character of `text` as `\uXXXX`. `text` is
/// JSON (where such characters can only be inside strings) or a fragment
/// of a JSON string.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !may_need_escape(text) {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    // A continuation byte is never one of the lead bytes matched, so every
    // index can be tried.
    let Some(first) = (0..bytes.len()).find(|&i| escaped_at(&bytes[i..]).is_some()) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    let mut rest = &text[first..];
    while let Some(c) = rest.chars().next() {
        match escaped_at(rest.as_bytes()) {
            Some(len) => {
                out.push_str(&format!("\\u{:04x}", c as u32));
                rest = &rest[len..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    Cow::Owned(out)
}

/// The inverse of `escape` on valid JSON text: `\uXXXX` escapes of
/// `needs_escape` characters become the characters again; every other
/// escape is left as it is.
pub fn unescape(json: &str) -> Cow<'_, str> {
    if !json.contains("\\u") {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = &rest[at..];
        let decoded = escape
            .get(2..6)
            .filter(|_| escape.as_bytes().get(1) == Some(&b'u'))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32)
            .filter(|c| needs_escape(*c));
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &escape[6..];
            }
            None => {
                // A backslash and the character it escapes (ASCII in JSON).
                let len = escape.chars().take(2).map(char::len_utf8).sum();
                out.push_str(&escape[..len]);
                rest = &escape[len..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytes_read_off_are_the_characters_to_escape() {
        for c in ('\0'..=char::MAX).filter(|c| (*c as u32) < 0x3000) {
            let text = format!("a{c}b");
            let escaped = escape(&text);
            let expected = if needs_escape(c) {
                format!("a\\u{:04x}b", c as u32)
            } else {
                text.clone()
            };
            assert_eq!(escaped, expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn escape_and_unescape_are_inverse_on_serde_json_text() {
        for text in [
            "a\u{9b}2Jb",
            "report \u{202E}gpj.exe\u{202C}",
            "del\u{7f} \u{85} \u{2066}x\u{2069} \u{200f}\u{61c}",
            "a literal \\u009b stays \\\\u009b",
            "Nguyễn \u{1b}[2J \"quoted\" \\ back",
            "",
        ] {
            let json = serde_json::to_string(&vec![text]).unwrap();
            let escaped = escape(&json);
            assert!(!escaped.chars().any(needs_escape), "{escaped}");
            let decoded: Vec<String> = serde_json::from_str(&escaped).unwrap();
            assert_eq!(decoded, vec![text.to_string()], "same text for a reader");
            assert_eq!(unescape(&escaped), json, "same bytes for the hash");
        }
        assert_eq!(escape("\u{9b}"), "\\u009b");
        assert!(matches!(escape("Thủ tục"), Cow::Borrowed(_)));
    }
}
