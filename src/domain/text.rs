//! Text as the record keeps it and as screens and exports show it.
//!
//! - The record keeps what was typed, NFC-normalised (`clean_text`).
//! - Search folds accents ("nguyen" finds "Nguyễn"): `fold`.
//! - Anything drawn on a terminal or written to an export first goes through
//!   `sanitize`, so text typed by one person can never move another's cursor,
//!   set a window title, write the clipboard or reorder a line.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Text for the record: NFC, without leading or trailing white space.
pub fn clean_text(text: &str) -> String {
    let trimmed = text.trim();
    if unicode_normalization::is_nfc(trimmed) {
        trimmed.to_string()
    } else {
        trimmed.nfc().collect()
    }
}

/// A one-line value (a name, a title): like `clean_text`, with line breaks
/// and tabs turned into spaces.
pub fn clean_line(text: &str) -> String {
    let clean = clean_text(text);
    if clean.contains(['\n', '\r', '\t']) {
        clean.replace(['\n', '\r', '\t'], " ")
    } else {
        clean
    }
}

/// Accent-insensitive, case-insensitive form for search: NFD, combining
/// marks dropped, đ/Đ mapped to d by hand (U+0111 has no decomposition).
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Does `haystack` contain `needle`, ignoring accents and case?
pub fn fold_contains(haystack: &str, needle: &str) -> bool {
    fold(haystack).contains(&fold(needle))
}

/// Combining marks kept per grapheme when drawing; the record keeps them all.
const MAX_MARKS_SHOWN: usize = 8;

/// Makes text safe to draw or export, in one line: controls become visible
/// symbols (ESC as ␛, so an escape sequence shows as harmless text), C1
/// controls and bidirectional overrides become U+FFFD, and absurd stacks of
/// combining marks are cut. Borrowed when nothing needed changing.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !needs_sanitizing(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for grapheme in text.graphemes(true) {
        for c in grapheme.chars().take(MAX_MARKS_SHOWN + 1) {
            push_visible(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// Like `sanitize`, keeping line breaks (for multi-line text such as an
/// export's paragraphs): each line is sanitised on its own.
pub fn sanitize_lines(text: &str) -> Vec<Cow<'_, str>> {
    text.split('\n')
        .map(|line| sanitize(line.strip_suffix('\r').unwrap_or(line)))
        .collect()
}

/// One pass over the text: a control, a bidi control, or more combining
/// marks in a row than are shown. (Runs on every cell drawn and exported;
/// most text has none, and below U+0300 nothing but controls can matter.)
fn needs_sanitizing(text: &str) -> bool {
    let mut marks_in_a_row = 0;
    for c in text.chars() {
        if (c as u32) < 0x300 {
            if c.is_control() {
                return true;
            }
            marks_in_a_row = 0;
        } else if is_bidi_control(c) || c.is_control() {
            return true;
        } else if is_combining_mark(c) {
            marks_in_a_row += 1;
            if marks_in_a_row > MAX_MARKS_SHOWN {
                return true;
            }
        } else {
            marks_in_a_row = 0;
        }
    }
    false
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\t' => out.push(' '),
        '\u{7F}' => out.push('␡'),
        // C0 controls have "control pictures" at U+2400 + code.
        '\0'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
        '\u{80}'..='\u{9F}' => out.push('\u{FFFD}'),
        c if is_bidi_control(c) => out.push('\u{FFFD}'),
        c => out.push(c),
    }
}

/// Columns the text takes on a terminal (per grapheme; marks take none).
pub fn width(text: &str) -> usize {
    text.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Cuts text to at most `max` columns, ending with "…" when cut.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    // One pass that stops at the limit: texts can be long, and rows are cut
    // on every frame.
    let mut used = 0;
    let mut fits_with_ellipsis = 0; // bytes that fit in max - 1 columns
    for (at, grapheme) in text.grapheme_indices(true) {
        let w = UnicodeWidthStr::width(grapheme);
        if used + w > max {
            if max == 0 {
                return Cow::Borrowed("");
            }
            let mut out = text[..fits_with_ellipsis].to_string();
            out.push('…');
            return Cow::Owned(out);
        }
        used += w;
        if used < max {
            fits_with_ellipsis = at + grapheme.len();
        }
    }
    Cow::Borrowed(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_input_is_stored_nfc() {
        let nfd: String = "Nguyễn Thị Hữu Hạnh".nfd().collect();
        assert_ne!(nfd, "Nguyễn Thị Hữu Hạnh");
        assert_eq!(clean_text(&nfd), "Nguyễn Thị Hữu Hạnh");
    }

    #[test]
    fn old_and_new_tone_placement_stay_different_but_fold_alike() {
        assert_ne!(clean_text("Hoà"), clean_text("Hòa"));
        assert_eq!(fold("Hoà"), fold("Hòa"));
        assert!(fold_contains("Hoà, thuý, hoá đơn", "hoa"));
        assert!(fold_contains("Đăng ký đề tài", "dang ky"));
        assert!(fold_contains("Nguyễn Văn An", "nguyen"));
    }

    #[test]
    fn escape_sequences_are_neutralised_but_visible() {
        assert_eq!(sanitize("abc\x1b[2Jdef"), "abc␛[2Jdef");
        assert_eq!(sanitize("x\x1b]0;pwned\x07y"), "x␛]0;pwned␇y");
        assert_eq!(sanitize("a\u{9b}2Jb"), "a\u{FFFD}2Jb");
        assert_eq!(sanitize("approved\rREJECTED"), "approved␍REJECTED");
        assert_eq!(
            sanitize("report \u{202E}gpj.exe\u{202C}"),
            "report \u{FFFD}gpj.exe\u{FFFD}"
        );
        assert_eq!(sanitize("before\0after"), "before␀after");
        assert!(matches!(sanitize("Thủ tục"), Cow::Borrowed(_)));
    }

    #[test]
    fn combining_flood_is_cut_for_display() {
        let flood = format!("a{}", "\u{301}".repeat(10_000));
        let shown = sanitize(&flood);
        assert!(shown.chars().count() <= MAX_MARKS_SHOWN + 1);
        assert_eq!(width(&shown), 1);
    }

    #[test]
    fn width_counts_columns_per_grapheme() {
        assert_eq!(width("会议"), 4);
        assert_eq!(width("Nguyễn"), 6);
        assert_eq!(truncate("Nguyễn Văn An", 8), "Nguyễn …");
        assert_eq!(truncate("会议会议", 5), "会议…");
    }
}
