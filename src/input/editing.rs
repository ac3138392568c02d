//! The editing keys every text field knows, as data, with their words for
//! the help.

use super::key::{Key, KeyCode};
use super::keymap::{Binding, Described, also, bind};
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
        lang.pick(en, vi)
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
        lang.pick(en, vi)
    }
}
