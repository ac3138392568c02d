//! Text as the record keeps it and as screens and exports show it.
//!
//! - The record keeps what was typed, NFC-normalised (`clean_text`).
//! - Search folds accents ("nguyen" finds "Nguyễn"): `fold`.
//! - Anything drawn on a terminal or written to an export first goes through
//!   `sanitize` (the console's screen through `sanitize_for_screen`), so
//!   text typed by one person can never move another's cursor, set a window
//!   title, write the clipboard, reorder a line or shift the columns of a
//!   row (a character of uncertain width is drawn as U+FFFD).

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

/// What is drawn for a character whose width is uncertain (and for a C1
/// control or a bidi control): one column, for unicode-width and terminals
/// alike.
pub const PLACEHOLDER: char = '\u{FFFD}';

/// Makes text safe to draw or export, in one line: controls become visible
/// symbols (ESC as ␛, so an escape sequence shows as harmless text), C1
/// controls and bidirectional overrides become U+FFFD, and absurd stacks of
/// combining marks are cut. Characters of uncertain width
/// (`width_is_uncertain`, a regional indicator alone) become U+FFFD too.
/// Borrowed when nothing needed changing.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    sanitize_for(text, Medium::Export)
}

/// `sanitize` for a terminal's grid, which the console draws on: it also
/// leaves out what asks the terminal to join or restyle characters
/// (`joins_or_restyles`, a skin tone after its emoji), so that `width` of
/// the result is what every terminal draws. (An export keeps them: a
/// spreadsheet or a Word document joins them as it should.)
pub fn sanitize_for_screen(text: &str) -> Cow<'_, str> {
    sanitize_for(text, Medium::Screen)
}

/// Where sanitised text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Medium {
    Export,
    Screen,
}

fn sanitize_for(text: &str, medium: Medium) -> Cow<'_, str> {
    if !needs_sanitizing(text, medium) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for grapheme in text.graphemes(true) {
        push_grapheme(&mut out, grapheme, medium);
    }
    Cow::Owned(out)
}

/// One grapheme, sanitised: a regional indicator not paired into a flag
/// becomes the placeholder (terminals draw it in one column or two); on a
/// screen, joiners, selectors and a skin tone after its emoji are left out
/// (a terminal that does not join a thumb and its skin tone draws two
/// pictures, four columns, where unicode-width counts two).
fn push_grapheme(out: &mut String, grapheme: &str, medium: Medium) {
    let lone_indicator = grapheme
        .chars()
        .filter(|c| is_regional_indicator(*c))
        .count()
        == 1;
    for (at, c) in grapheme.chars().take(MAX_MARKS_SHOWN + 1).enumerate() {
        let joins = joins_or_restyles(c) || (at > 0 && is_skin_tone(c));
        let left_out = medium == Medium::Screen && joins;
        if lone_indicator && is_regional_indicator(c) {
            out.push(PLACEHOLDER);
        } else if !left_out {
            push_visible(out, c);
        }
    }
}

/// Characters whose width terminals and unicode-width (which ratatui and
/// `width` use) do not agree on, or terminals among themselves: drawn, they
/// move everything after them on the row, borders included, and a border
/// left from an earlier frame can show inside text. Each is drawn as the
/// placeholder instead; the record keeps it as typed.
fn width_is_uncertain(c: char) -> bool {
    // Noncharacters: the last two code points of every plane, and
    // U+FDD0–U+FDEF. Terminals draw them in no column, or one.
    (c as u32 & 0xFFFE) == 0xFFFE
        || matches!(c,
            '\u{FDD0}'..='\u{FDEF}'
            // Private use: what a font puts there (icons) takes one column
            // or two.
            | '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}'
            // Hangul fillers: unicode-width gives 2 or 0, terminals 0, 1 or 2.
            | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}'
            // Line and paragraph separators: one column for unicode-width,
            // none for many terminals.
            | '\u{2028}' | '\u{2029}'
            // Format characters unicode-width and terminals disagree on:
            // prepended concatenation marks, interlinear annotation, Egyptian
            // hieroglyph format controls.
            | '\u{0600}'..='\u{0605}' | '\u{06DD}' | '\u{070F}' | '\u{0890}' | '\u{0891}'
            | '\u{08E2}' | '\u{110BD}' | '\u{110CD}' | '\u{FFF9}'..='\u{FFFB}'
            | '\u{13430}'..='\u{1343F}'
            // Tag characters, and the unassigned planes 4–13 and rest of
            // plane 14 (not its variation selectors): a terminal draws them
            // in no column, or as a box.
            | '\u{E0000}'..='\u{E00FF}' | '\u{E01F0}'..='\u{EFFFF}'
            | '\u{40000}'..='\u{DFFFF}'
        )
}

/// Characters that ask a terminal to join or restyle their neighbours:
/// U+200D between emoji (a family is one picture, or three), and the text
/// and emoji presentation selectors (a watch in text style is one column
/// for unicode-width, two for most terminals; a heart in emoji style two,
/// or one). Left out of a screen: the parts alone have a certain width.
fn joins_or_restyles(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{FE0E}' | '\u{FE0F}')
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

fn is_skin_tone(c: char) -> bool {
    matches!(c, '\u{1F3FB}'..='\u{1F3FF}')
}

/// Like `sanitize`, keeping line breaks (for multi-line text such as an
/// export's paragraphs): each line is sanitised on its own.
pub fn sanitize_lines(text: &str) -> Vec<Cow<'_, str>> {
    text.split('\n')
        .map(|line| sanitize(line.strip_suffix('\r').unwrap_or(line)))
        .collect()
}

/// One pass over the text: a control, a bidi control, a character of
/// uncertain width or one that joins (a flag's halves included), or more
/// combining marks in a row than are shown. (Runs on every cell drawn and
/// exported; most text has none, and below U+0300 nothing but controls can
/// matter.)
fn needs_sanitizing(text: &str, medium: Medium) -> bool {
    let mut marks_in_a_row = 0;
    for c in text.chars() {
        if (c as u32) < 0x300 {
            if c.is_control() {
                return true;
            }
            marks_in_a_row = 0;
        } else if is_bidi_control(c) || c.is_control() || width_may_change(c, medium) {
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

/// A character `push_grapheme` may change.
fn width_may_change(c: char, medium: Medium) -> bool {
    width_is_uncertain(c)
        || is_regional_indicator(c)
        || (medium == Medium::Screen && (joins_or_restyles(c) || is_skin_tone(c)))
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\t' => out.push(' '),
        '\u{7F}' => out.push('␡'),
        // C0 controls have "control pictures" at U+2400 + code.
        '\0'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or(PLACEHOLDER)),
        '\u{80}'..='\u{9F}' => out.push(PLACEHOLDER),
        c if is_bidi_control(c) || width_is_uncertain(c) => out.push(PLACEHOLDER),
        c => out.push(c),
    }
}

/// Columns the text takes on a terminal (per grapheme; marks take none).
/// For text sanitised for the screen this is what every terminal draws.
pub fn width(text: &str) -> usize {
    lone_width(text).unwrap_or_else(|| text.graphemes(true).map(UnicodeWidthStr::width).sum())
}

/// The width of text whose characters are all lone (`is_lone`): one
/// column each. None for any other text.
fn lone_width(text: &str) -> Option<usize> {
    text.chars()
        .try_fold(0, |columns, c| is_lone(c).then_some(columns + 1))
}

/// Whether `c` is a grapheme of its own whatever comes before or after it,
/// printable and one column wide on every terminal: ASCII, the Latin
/// letters (Vietnamese's precomposed ones among them) and the common
/// punctuation. Nothing a sanitizer changes.
fn is_lone(c: char) -> bool {
    matches!(c,
        ' '..='~' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{2FF}'
        | '\u{1E00}'..='\u{1EFF}' | '\u{2010}'..='\u{2027}')
}

/// Whether every character of `text` is lone (`is_lone`): then its
/// graphemes are its characters, each one column, and it is measured and
/// cut without the grapheme rules (the console measures the field being
/// typed in on every key; most Vietnamese text is such).
pub fn all_lone(text: &str) -> bool {
    text.chars().all(is_lone)
}

/// The graphemes of `text` with their byte offsets, as
/// `UnicodeSegmentation::grapheme_indices` gives them, char by char when
/// every char is lone.
pub fn grapheme_indices(text: &str) -> GraphemeIndices<'_> {
    if all_lone(text) {
        GraphemeIndices::Lone(text, text.char_indices())
    } else {
        GraphemeIndices::Rules(text.grapheme_indices(true))
    }
}

/// See `grapheme_indices`.
pub enum GraphemeIndices<'a> {
    Lone(&'a str, std::str::CharIndices<'a>),
    Rules(unicode_segmentation::GraphemeIndices<'a>),
}

impl<'a> Iterator for GraphemeIndices<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        match self {
            GraphemeIndices::Lone(text, chars) => chars
                .next()
                .map(|(at, c)| (at, &text[at..at + c.len_utf8()])),
            GraphemeIndices::Rules(graphemes) => graphemes.next(),
        }
    }
}

/// Columns text as typed takes once drawn (`sanitize_for_screen`): for
/// measuring a text being edited the way the screen shows it.
pub fn shown_width(text: &str) -> usize {
    // Lone characters are never sanitized.
    lone_width(text).unwrap_or_else(|| width(&sanitize_for_screen(text)))
}

/// Cuts text to at most `max` columns, ending with "…" when cut.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    // One pass that stops at the limit: texts can be long, and rows are cut
    // on every frame.
    let mut used = 0;
    let mut fits_with_ellipsis = 0; // bytes that fit in max - 1 columns
    for (at, grapheme) in grapheme_indices(text) {
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

/// Cuts text to at most `max` columns like `truncate`, but at the end of a
/// word where one is near: "Nguyễn Văn…", not "Nguyễn Vă…". The cut falls
/// inside a word (between graphemes) only when the words that fit would
/// fill less than half the room (a long first word, text without spaces
/// such as Chinese). A separator left at the end ("," ":" "—" "·") goes
/// before the "…": "công khai…", not "công khai,…".
pub fn truncate_words(text: &str, max: usize) -> Cow<'_, str> {
    match words_that_fit(text, max) {
        None => Cow::Borrowed(text),
        Some(words) if 2 * width(words) >= max.saturating_sub(1) && !words.is_empty() => {
            Cow::Owned(format!("{words}…"))
        }
        Some(_) => truncate(text, max),
    }
}

/// Like `truncate_words`, but only whole words: `None` when not one fits
/// (for what is better left out than shown as a few letters, such as a
/// person's position beside their name).
pub fn truncate_to_words(text: &str, max: usize) -> Option<Cow<'_, str>> {
    match words_that_fit(text, max) {
        None => Some(Cow::Borrowed(text)),
        Some("") => None,
        Some(words) => Some(Cow::Owned(format!("{words}…"))),
    }
}

/// `None` when `text` fits in `max` columns; else the words at its start
/// that fit with a "…" after them, without a separator at their end (empty
/// when not one does).
fn words_that_fit(text: &str, max: usize) -> Option<&str> {
    let cut = truncate(text, max);
    // Borrowed whole: it fits (at no room, `truncate` borrows "").
    if matches!(cut, Cow::Borrowed(_)) && cut.len() == text.len() {
        return None;
    }
    if max < 2 {
        return Some("");
    }
    // What `truncate` kept before its "…": max - 1 columns at most.
    let kept = &text[..cut.len() - '…'.len_utf8()];
    // The cut already falls between two words.
    let at_boundary = text[kept.len()..].starts_with(char::is_whitespace);
    let words = if at_boundary {
        kept
    } else {
        kept.rfind(char::is_whitespace)
            .map_or("", |space| &kept[..space])
    };
    Some(words.trim_end_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(&c)))
}

/// What may end the words before a "…" and is left out.
const SEPARATORS: &[char] = &[',', ';', ':', '.', '—', '–', '-', '·', '/', '(', '|'];

#[cfg(test)]
mod tests {
    #[test]
    fn lone_text_is_measured_and_split_as_by_the_grapheme_rules() {
        let texts = [
            "Đề nghị Sở Tư pháp công khai tiến độ – “hồ sơ” … §3",
            "Nguyễn Văn A, 12/3",
            // Not lone: a combining mark (NFD), a wide letter, an emoji,
            // a control character, a soft hyphen.
            "Nguye\u{302}\u{303}n",
            "hồ sơ 世界",
            "👍🏽 ok",
            "tab\there",
            "soft\u{AD}hyphen",
            "",
        ];
        for text in texts {
            let by_rules: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
            assert_eq!(
                grapheme_indices(text).collect::<Vec<_>>(),
                by_rules,
                "{text}"
            );
            let by_rules: usize = text.graphemes(true).map(UnicodeWidthStr::width).sum();
            assert_eq!(width(text), by_rules, "{text}");
            assert_eq!(
                shown_width(text),
                width(&sanitize_for_screen(text)),
                "{text}"
            );
        }
        assert!(all_lone(texts[0]) && all_lone(texts[1]));
        assert!(texts[2..7].iter().all(|text| !all_lone(text)));
    }

    use super::*;

    #[test]
    fn truncate_words_cuts_at_a_word_and_says_so() {
        // Fits: unchanged.
        assert_eq!(truncate_words("Lý Minh Khôi", 12), "Lý Minh Khôi");
        // At the end of a word, never inside one.
        assert_eq!(truncate_words("Nguyễn Thị Hồng Nhung", 15), "Nguyễn Thị…");
        assert_eq!(truncate_words("Trương Văn Khang", 12), "Trương Văn…");
        // A separator before the cut goes.
        assert_eq!(
            truncate_words("Đề nghị công khai, minh bạch tiến độ", 20),
            "Đề nghị công khai…"
        );
        assert_eq!(
            truncate_words("Nguyễn Văn Tư — Kiến nghị", 17),
            "Nguyễn Văn Tư…"
        );
        // A word longer than the room is cut between graphemes.
        assert_eq!(truncate_words("Thànhphốhồchíminh rất dài", 8), "Thànhph…");
        // Too few words before the cut: between graphemes rather than
        // leaving most of the room empty.
        assert_eq!(truncate_words("Ủy nhândânthànhphố", 12), "Ủy nhândânt…");
        assert_eq!(truncate_words("Ủy ban nhândânthànhphố", 12), "Ủy ban…");
        // Wide characters: never half of one.
        let cut = truncate_words("hội nghị 人民委员会会议记录", 14);
        assert!(width(&cut) <= 14, "{cut}");
        assert!(cut.ends_with('…'), "{cut}");
        assert_eq!(truncate_words("人民委员会", 6), "人民…");
        assert_eq!(truncate_words("人民委员会", 5), "人民…");
        // Combining marks stay with their letter (NFD text).
        let nfd: String = "Nguyễn Thị Hồng".nfd().collect();
        let cut = truncate_words(&nfd, 12);
        assert_eq!(cut.nfc().collect::<String>(), "Nguyễn Thị…");
        // Every width: at most the room, and "…" when cut.
        let text = "Đối thoại: giải đáp ý kiến tại Hội nghị và ý kiến bằng văn bản";
        for max in 0..=width(text) + 1 {
            let cut = truncate_words(text, max);
            assert!(width(&cut) <= max, "{max}: {cut}");
            if max >= 1 && max < width(text) {
                assert!(cut.ends_with('…'), "{max}: {cut}");
            }
        }
        assert_eq!(truncate_words("abc", 0), "");
        assert_eq!(truncate_words("abc", 1), "…");
        // Whole words or nothing.
        assert_eq!(
            truncate_to_words(" · Chuyên viên, Phòng", 12).as_deref(),
            Some(" · Chuyên…")
        );
        assert_eq!(truncate_to_words(" · Chuyên viên, Phòng", 8), None);
        assert_eq!(
            truncate_to_words("Sở Tư pháp", 20).as_deref(),
            Some("Sở Tư pháp")
        );
    }

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

    /// What a terminal that measures each character alone (and joins no
    /// sequence) takes for the text.
    fn width_char_by_char(text: &str) -> usize {
        use unicode_width::UnicodeWidthChar;
        text.chars().map(|c| c.width().unwrap_or(0)).sum()
    }

    /// `c` between two letters is drawn as the placeholder: one column, by
    /// `width` and by a terminal alike.
    fn assert_placeholder(c: char) {
        let text = format!("a{c}b");
        let shown = sanitize(&text);
        assert_eq!(shown, "a\u{FFFD}b", "U+{:04X}", c as u32);
        assert_eq!(sanitize_for_screen(&text), shown, "U+{:04X}", c as u32);
        assert_eq!(width(&shown), 3, "U+{:04X}", c as u32);
        assert_eq!(width_char_by_char(&shown), 3, "U+{:04X}", c as u32);
        // The record keeps it as typed.
        assert_eq!(clean_text(&text), text, "U+{:04X}", c as u32);
    }

    #[test]
    fn noncharacters_are_drawn_as_the_placeholder() {
        for c in ['\u{FFFF}', '\u{FFFE}', '\u{FDD0}', '\u{FDE0}', '\u{FDEF}'] {
            assert_placeholder(c);
        }
        // U+nFFFE and U+nFFFF in every plane.
        for plane in 0..=0x10 {
            for last in [0xFFFE, 0xFFFF] {
                assert_placeholder(char::from_u32(plane << 16 | last).unwrap());
            }
        }
    }

    #[test]
    fn hangul_fillers_are_drawn_as_the_placeholder() {
        for c in ['\u{115F}', '\u{1160}', '\u{3164}', '\u{FFA0}'] {
            assert_placeholder(c);
        }
        // Real Hangul stays: a syllable, and conjoining jamo.
        assert_eq!(sanitize("한국 \u{1100}\u{1161}"), "한국 \u{1100}\u{1161}");
    }

    #[test]
    fn tag_characters_are_drawn_as_the_placeholder() {
        for c in [
            '\u{E0000}',
            '\u{E0001}',
            '\u{E0020}',
            '\u{E0041}',
            '\u{E007F}',
        ] {
            assert_placeholder(c);
        }
    }

    #[test]
    fn line_and_paragraph_separators_are_drawn_as_the_placeholder() {
        assert_placeholder('\u{2028}');
        assert_placeholder('\u{2029}');
    }

    #[test]
    fn private_use_characters_are_drawn_as_the_placeholder() {
        for c in [
            '\u{E000}',
            '\u{F8FF}',
            '\u{F0000}',
            '\u{FFFFD}',
            '\u{100000}',
            '\u{10FFFD}',
        ] {
            assert_placeholder(c);
        }
    }

    #[test]
    fn format_characters_given_a_column_are_drawn_as_the_placeholder() {
        // Interlinear annotation, prepended concatenation marks, Egyptian
        // hieroglyph format controls: unicode-width and terminals disagree.
        for c in [
            '\u{FFF9}',
            '\u{FFFA}',
            '\u{FFFB}',
            '\u{0600}',
            '\u{0605}',
            '\u{06DD}',
            '\u{070F}',
            '\u{0890}',
            '\u{08E2}',
            '\u{110BD}',
            '\u{110CD}',
            '\u{13430}',
        ] {
            assert_placeholder(c);
        }
    }

    #[test]
    fn unassigned_planes_are_drawn_as_the_placeholder() {
        for c in [
            '\u{40000}',
            '\u{DFFFD}',
            '\u{E0080}',
            '\u{E01F0}',
            '\u{EFFFD}',
        ] {
            assert_placeholder(c);
        }
    }

    #[test]
    fn a_lone_regional_indicator_is_drawn_as_the_placeholder() {
        assert_placeholder('\u{1F1E6}');
        assert_placeholder('\u{1F1FF}');
        // A pair is a flag, two columns everywhere; an odd one out is not.
        assert_eq!(sanitize("🇻🇳"), "🇻🇳");
        assert_eq!(width(&sanitize("🇻🇳")), 2);
        assert_eq!(sanitize("🇻🇳🇦 x"), "🇻🇳\u{FFFD} x");
        assert_eq!(width(&sanitize("🇻🇳🇦 x")), 5);
    }

    #[test]
    fn joiners_selectors_and_skin_tones_are_left_out_of_the_drawing() {
        // Whether a terminal joins these is uncertain; the parts alone are not.
        let cases = [
            ("\u{231A}\u{FE0E}", "\u{231A}", 2),   // watch, text style
            ("\u{2764}\u{FE0F}", "\u{2764}", 1),   // heart, emoji style
            ("1\u{FE0F}\u{20E3}", "1\u{20E3}", 1), // keycap
            ("👍🏻", "👍", 2),
            ("👨\u{200D}👩", "👨👩", 4),
            ("👩🏽\u{200D}💼", "👩💼", 4),
            ("\u{FE0F}a", "a", 1), // a selector standing alone
        ];
        for (text, shown, columns) in cases {
            let drawn = sanitize_for_screen(text);
            assert_eq!(drawn, shown, "{text:?}");
            assert_eq!(width(&drawn), columns, "{text:?}");
            assert_eq!(width_char_by_char(&drawn), columns, "{text:?}");
            // An export keeps them: a spreadsheet joins them as it should.
            assert_eq!(sanitize(text), text, "{text:?}");
        }
        // A skin tone alone is a colour swatch, two columns everywhere.
        assert_eq!(sanitize_for_screen("🏻"), "🏻");
    }

    #[test]
    fn zero_width_characters_of_their_own_are_left_as_they_are() {
        // Each is a grapheme of its own with no column: unicode-width and
        // the terminal agree, and ratatui skips it.
        for c in ['\u{200B}', '\u{200C}', '\u{2060}', '\u{FEFF}'] {
            let text = format!("a{c}b");
            assert_eq!(sanitize(&text), text);
            assert_eq!(width(&text), 2);
        }
    }

    #[test]
    fn sanitized_text_measures_the_same_whole_or_character_by_character() {
        let text = "Ký\u{FFFF}\u{115F}\u{E0041}\u{2028}\u{1F1E6}\u{E000} ⌚\u{FE0E}👍🏻👨\u{200D}👩 🇻🇳 会议 Nguyễn";
        let shown = sanitize_for_screen(text);
        assert_eq!(width(&shown), width_char_by_char(&shown), "{shown:?}");
        assert_eq!(clean_text(text), text);
    }

    #[test]
    fn width_counts_columns_per_grapheme() {
        assert_eq!(width("会议"), 4);
        assert_eq!(width("Nguyễn"), 6);
        assert_eq!(truncate("Nguyễn Văn An", 8), "Nguyễn …");
        assert_eq!(truncate("会议会议", 5), "会议…");
    }
}
