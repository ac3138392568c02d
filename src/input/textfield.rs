//! A text field that edits Vietnamese (and any Unicode) the way people
//! expect: the cursor moves and deletes by grapheme (a letter with all its
//! marks), wide characters take two columns, and the backspaces an input
//! method sends inside a burst (0x7F or 0x08) are applied in order with the
//! text around them.
//!
//! The field keeps the text exactly as typed; it becomes NFC when it enters
//! the record (`domain::text::clean_text`).

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::key::{Key, KeyCode};
use super::keymap::{Binding, Described, also, bind, lookup};
use crate::i18n::Lang;

/// What an editing key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Backspace,
    Delete,
    DeleteWord,
    DeleteToLineStart,
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
}

/// The keys every text field knows. 0x08 arrives as Ctrl-H: input methods
/// send it as a backspace.
pub const EDITING: &[Binding<Edit>] = &[
    bind(Key::new(KeyCode::Left), Edit::Left),
    bind(Key::new(KeyCode::Right), Edit::Right),
    bind(Key::new(KeyCode::Home), Edit::Home),
    bind(Key::new(KeyCode::End), Edit::End),
    also(Key::ctrl('a'), Edit::Home),
    also(Key::ctrl('e'), Edit::End),
    bind(Key::new(KeyCode::Left).with_ctrl(), Edit::WordLeft),
    bind(Key::new(KeyCode::Right).with_ctrl(), Edit::WordRight),
    also(Key::new(KeyCode::Left).with_alt(), Edit::WordLeft),
    also(Key::new(KeyCode::Right).with_alt(), Edit::WordRight),
    bind(Key::new(KeyCode::Backspace), Edit::Backspace),
    bind(Key::ctrl('h'), Edit::Backspace),
    bind(Key::new(KeyCode::Delete), Edit::Delete),
    bind(Key::ctrl('w'), Edit::DeleteWord),
    also(Key::new(KeyCode::Backspace).with_ctrl(), Edit::DeleteWord),
    also(Key::new(KeyCode::Backspace).with_alt(), Edit::DeleteWord),
    bind(Key::ctrl('u'), Edit::DeleteToLineStart),
];

impl Described for Edit {
    fn describe(self, lang: Lang) -> &'static str {
        let (en, vi) = match self {
            Edit::Left => ("left", "sang trái"),
            Edit::Right => ("right", "sang phải"),
            Edit::Home => ("line start", "đầu dòng"),
            Edit::End => ("line end", "cuối dòng"),
            Edit::WordLeft => ("word left", "về từ trước"),
            Edit::WordRight => ("word right", "sang từ sau"),
            Edit::Backspace => ("delete the letter before", "xóa chữ trước con trỏ"),
            Edit::Delete => ("delete the letter under", "xóa chữ tại con trỏ"),
            Edit::DeleteWord => ("delete a word", "xóa một từ"),
            Edit::DeleteToLineStart => ("delete to line start", "xóa tới đầu dòng"),
        };
        if lang == Lang::En { en } else { vi }
    }

    fn help_line(self, lang: Lang) -> &'static str {
        let (en, vi) = match self {
            Edit::Left | Edit::Right | Edit::Home | Edit::End => {
                ("move the cursor", "di chuyển con trỏ")
            }
            Edit::WordLeft | Edit::WordRight => ("move by word", "di chuyển theo từ"),
            Edit::Backspace | Edit::Delete => ("delete a letter", "xóa một chữ"),
            Edit::DeleteWord | Edit::DeleteToLineStart => {
                ("delete a word / to line start", "xóa một từ / tới đầu dòng")
            }
        };
        if lang == Lang::En { en } else { vi }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextField {
    text: String,
    /// Byte offset, always on a grapheme boundary.
    cursor: usize,
    multiline: bool,
}

/// One line as drawn: the byte range of the text it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisualLine {
    pub start: usize,
    pub end: usize,
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

    /// Moves to the line above (multi-line), keeping the column; false when
    /// already on the first line.
    pub fn up(&mut self) -> bool {
        let line_start = self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
        if line_start == 0 {
            return false;
        }
        let column = UnicodeWidthStr::width(&self.text[line_start..self.cursor]);
        let prev_start = self.text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
        self.cursor = self.offset_at_column(prev_start, line_start - 1, column);
        true
    }

    /// Moves to the line below; false when already on the last line.
    pub fn down(&mut self) -> bool {
        let Some(newline) = self.text[self.cursor..].find('\n').map(|i| self.cursor + i) else {
            return false;
        };
        let line_start = self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
        let column = UnicodeWidthStr::width(&self.text[line_start..self.cursor]);
        let next_start = newline + 1;
        let next_end = self.text[next_start..]
            .find('\n')
            .map_or(self.text.len(), |i| next_start + i);
        self.cursor = self.offset_at_column(next_start, next_end, column);
        true
    }

    /// The lines as drawn in `width` columns: at each line break, and
    /// wrapped (between graphemes) when a line is wider than `width`.
    pub fn visual_lines(&self, width: usize) -> Vec<VisualLine> {
        let width = width.max(1);
        let mut lines = Vec::new();
        let mut start = 0;
        for logical in self.text.split('\n') {
            let mut line_start = start;
            let mut used = 0;
            for (offset, grapheme) in logical.grapheme_indices(true) {
                let w = UnicodeWidthStr::width(grapheme);
                if used + w > width && used > 0 {
                    lines.push(VisualLine {
                        start: line_start,
                        end: start + offset,
                    });
                    line_start = start + offset;
                    used = 0;
                }
                used += w;
            }
            lines.push(VisualLine {
                start: line_start,
                end: start + logical.len(),
            });
            start += logical.len() + 1;
        }
        lines
    }

    /// Where the cursor is drawn among `visual_lines(width)`: (line, column).
    pub fn cursor_position(&self, width: usize) -> (usize, usize) {
        let lines = self.visual_lines(width);
        let mut found = (0, 0);
        for (row, line) in lines.iter().enumerate() {
            if line.start <= self.cursor && self.cursor <= line.end {
                found = (
                    row,
                    UnicodeWidthStr::width(&self.text[line.start..self.cursor]),
                );
                // A cursor at a wrap point belongs to the next line, unless
                // this line ends with a real line break.
                let wrapped = lines
                    .get(row + 1)
                    .is_some_and(|next| next.start == line.end);
                if !(wrapped && self.cursor == line.end) {
                    break;
                }
            }
        }
        found
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

    fn offset_at_column(&self, start: usize, end: usize, column: usize) -> usize {
        let mut used = 0;
        for (offset, grapheme) in self.text[start..end].grapheme_indices(true) {
            let w = UnicodeWidthStr::width(grapheme);
            if used + w > column {
                return start + offset;
            }
            used += w;
        }
        end
    }

    fn prev_boundary(&self, at: usize) -> Option<usize> {
        self.text[..at]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
    }

    fn next_boundary(&self, at: usize) -> Option<usize> {
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
}
