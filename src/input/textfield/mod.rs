//! A text field that edits Vietnamese (and any Unicode) the way people
//! expect: the cursor moves and deletes by grapheme (a letter with all its
//! marks), wide characters take two columns, and the backspaces an input
//! method sends inside a burst (0x7F or 0x08) are applied in order with the
//! text around them.
//!
//! The field keeps the text exactly as typed; it becomes NFC when it enters
//! the record (`domain::text::clean_text`).

use unicode_segmentation::UnicodeSegmentation;

use super::editing::{EDITING, Edit};
use super::key::Key;
use super::keymap::lookup;

mod lines;
pub use lines::VisualLine;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextField {
    text: String,
    /// Byte offset, always on a grapheme boundary.
    cursor: usize,
    multiline: bool,
}

impl TextField {
    pub fn single_line() -> Self {
        TextField::default()
    }

    pub fn multi_line() -> Self {
        TextField {
            multiline: true,
            ..TextField::default()
        }
    }

    /// A field holding `text` with the cursor at byte `cursor` (moved back
    /// to the nearest grapheme boundary if it is not on one).
    pub fn with_text(mut self, text: &str, cursor: usize) -> Self {
        self.text = String::new();
        self.cursor = 0;
        self.insert_str(text);
        self.cursor = self.boundary_at_or_before(cursor.min(self.text.len()));
        self
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Inserts text at the cursor (a typed letter or a whole paste). A
    /// one-line field turns line breaks into spaces.
    pub fn insert_str(&mut self, text: &str) {
        let text = if self.multiline {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.replace("\r\n", " ").replace(['\r', '\n'], " ")
        };
        self.text.insert_str(self.cursor, &text);
        self.cursor += text.len();
        // A combining mark typed after a letter joins its grapheme: stay on
        // a boundary.
        self.cursor = self.boundary_at_or_after(self.cursor);
    }

    pub fn insert_char(&mut self, c: char) {
        let mut buffer = [0u8; 4];
        self.insert_str(c.encode_utf8(&mut buffer));
    }

    /// Applies what an input method sends in one read, in order: 0x7F and
    /// 0x08 are backspaces, everything else is text.
    pub fn apply_keys(&mut self, keys: &str) {
        let mut pending = String::new();
        for c in keys.chars() {
            if c == '\u{7f}' || c == '\u{8}' {
                self.insert_str(&pending);
                pending.clear();
                self.backspace();
            } else {
                pending.push(c);
            }
        }
        self.insert_str(&pending);
    }

    /// The editing keys every text field shares (`EDITING`), and typed
    /// characters. Line breaks, Enter, Tab and arrows up and down are the
    /// form's business.
    pub fn handle_key(&mut self, key: &Key) {
        if let Some(edit) = lookup(EDITING, key) {
            self.edit(edit);
        } else if let Some(c) = key.typed_char() {
            self.insert_char(c);
        }
    }

    pub fn edit(&mut self, edit: Edit) {
        match edit {
            Edit::Backspace => {
                self.backspace();
            }
            Edit::Delete => {
                self.delete();
            }
            Edit::DeleteWord => self.delete_word_before(),
            Edit::DeleteToLineStart => self.delete_to_line_start(),
            Edit::Left => self.left(),
            Edit::Right => self.right(),
            Edit::WordLeft => self.word_left(),
            Edit::WordRight => self.word_right(),
            Edit::Home => self.home(),
            Edit::End => self.end(),
        }
    }

    /// Deletes the grapheme before the cursor.
    pub fn backspace(&mut self) -> bool {
        match self.prev_boundary(self.cursor) {
            Some(start) => {
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
                true
            }
            None => false,
        }
    }

    /// Deletes the grapheme under the cursor.
    pub fn delete(&mut self) -> bool {
        match self.next_boundary(self.cursor) {
            Some(end) => {
                self.text.replace_range(self.cursor..end, "");
                true
            }
            None => false,
        }
    }

    pub fn left(&mut self) {
        if let Some(at) = self.prev_boundary(self.cursor) {
            self.cursor = at;
        }
    }

    pub fn right(&mut self) {
        if let Some(at) = self.next_boundary(self.cursor) {
            self.cursor = at;
        }
    }

    /// To the start of the current line.
    pub fn home(&mut self) {
        self.cursor = self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
    }

    /// To the end of the current line.
    pub fn end(&mut self) {
        self.cursor = self.text[self.cursor..]
            .find('\n')
            .map_or(self.text.len(), |i| self.cursor + i);
    }

    /// To the start of the previous word.
    pub fn word_left(&mut self) {
        self.cursor = self.word_start_before(self.cursor);
    }

    /// To the end of the next word.
    pub fn word_right(&mut self) {
        let mut at = self.cursor;
        for (start, word) in self.text[self.cursor..].split_word_bound_indices() {
            at = self.cursor + start + word.len();
            if !word.trim().is_empty() {
                break;
            }
        }
        self.cursor = at;
    }

    /// Deletes back to the start of the word (Ctrl-W).
    pub fn delete_word_before(&mut self) {
        let start = self.word_start_before(self.cursor);
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Deletes back to the start of the line (Ctrl-U).
    pub fn delete_to_line_start(&mut self) {
        let start = self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    fn word_start_before(&self, from: usize) -> usize {
        let mut at = from;
        for (start, word) in self.text[..from].split_word_bound_indices().rev() {
            at = start;
            if !word.trim().is_empty() {
                break;
            }
        }
        at
    }

    pub(super) fn prev_boundary(&self, at: usize) -> Option<usize> {
        self.text[..at]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
    }

    pub(super) fn next_boundary(&self, at: usize) -> Option<usize> {
        self.text[at..].graphemes(true).next().map(|g| at + g.len())
    }

    fn boundary_at_or_before(&self, at: usize) -> usize {
        let mut boundary = 0;
        for (i, _) in self.text.grapheme_indices(true) {
            if i > at {
                break;
            }
            boundary = i;
        }
        if at >= self.text.len() {
            self.text.len()
        } else {
            boundary
        }
    }

    fn boundary_at_or_after(&self, at: usize) -> usize {
        self.text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .find(|i| *i >= at)
            .unwrap_or(self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backspace_removes_a_letter_with_all_its_marks() {
        // "ệ" typed as e + combining circumflex + combining dot below (NFD).
        let mut field = TextField::single_line().with_text("Viê\u{323}t", 99);
        field.left();
        assert!(field.backspace());
        assert_eq!(field.text(), "Vit");
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let field = TextField::single_line().with_text("会议 A", 99);
        assert_eq!(field.cursor_position(80), (0, 6));
        let lines = field.visual_lines(3);
        assert_eq!(lines.len(), 3, "{lines:?}");
    }

    #[test]
    fn the_cursor_stands_where_the_text_is_drawn() {
        // U+115F is drawn as a one-column placeholder (sanitize_for_screen),
        // though unicode-width gives it two; a text-style watch is drawn
        // without its selector, two columns.
        let field = TextField::single_line().with_text("a\u{115F}b", 99);
        assert_eq!(field.cursor_position(80), (0, 3));
        let field = TextField::single_line().with_text("\u{231A}\u{FE0E}b", 99);
        assert_eq!(field.cursor_position(80), (0, 3));
        let field = TextField::single_line().with_text("\u{115F}\u{115F}\u{115F}", 99);
        assert_eq!(field.visual_lines(3).len(), 1);
    }

    #[test]
    fn a_mark_typed_after_a_letter_joins_it() {
        let mut field = TextField::single_line();
        field.insert_str("e");
        field.insert_str("\u{302}");
        assert_eq!(field.cursor(), field.text().len());
        field.backspace();
        assert_eq!(field.text(), "");
    }

    #[test]
    fn multi_line_moves_by_column() {
        let mut field = TextField::multi_line().with_text("Kiến nghị\nabc\nxyz dài", 0);
        field.right();
        field.right();
        assert!(field.down());
        assert_eq!(&field.text()[..field.cursor()], "Kiến nghị\nab");
        assert!(field.down());
        assert!(!field.down());
        field.end();
        assert_eq!(field.cursor(), field.text().len());
        assert!(field.up());
        assert_eq!(field.cursor_position(80), (1, 3));
    }

    #[test]
    fn single_line_turns_line_breaks_into_spaces() {
        let mut field = TextField::single_line();
        field.insert_str("a\r\nb\nc");
        assert_eq!(field.text(), "a b c");
    }

    #[test]
    fn words() {
        let mut field = TextField::single_line().with_text("Thủ tục  hành chính", 999);
        field.word_left();
        assert_eq!(&field.text()[field.cursor()..], "chính");
        field.delete_word_before();
        assert_eq!(field.text(), "Thủ tục  chính");
        field.home();
        field.word_right();
        assert_eq!(&field.text()[..field.cursor()], "Thủ");
    }

    fn shown(field: &TextField, width: usize) -> Vec<&str> {
        field
            .visual_lines(width)
            .iter()
            .map(|l| &field.text()[l.start..l.end])
            .collect()
    }

    #[test]
    fn long_lines_wrap_between_words() {
        let field = TextField::multi_line().with_text("giải đáp ngay tại Hội nghị", 0);
        assert_eq!(shown(&field, 11), ["giải đáp ", "ngay tại ", "Hội nghị"]);
        // A space where the line is full stays on it: no line starts with
        // one.
        let text = "Hội nghị kết thúc";
        let field = TextField::multi_line().with_text(text, "Hội nghị".len());
        assert_eq!(shown(&field, 8), ["Hội nghị ", "kết thúc"]);
        assert_eq!(field.cursor_position(8), (0, 8));
        // The cursor after that space is at the head of the next line.
        let field = TextField::multi_line().with_text(text, "Hội nghị ".len());
        assert_eq!(field.cursor_position(8), (1, 0));
        // A word wider than the line is cut where it must be.
        let field = TextField::multi_line().with_text("ab 0123456789", 0);
        assert_eq!(shown(&field, 5), ["ab ", "01234", "56789"]);
        // Every byte is on exactly one line, in order.
        let text = "Một hai ba bốn năm sáu bảy tám chín mười\nmười một";
        let field = TextField::multi_line().with_text(text, 0);
        for width in 1..20 {
            let lines = field.visual_lines(width);
            let joined: String = lines.iter().map(|l| &text[l.start..l.end]).collect();
            assert_eq!(joined, text.replace('\n', ""), "width {width}");
        }
    }
}
