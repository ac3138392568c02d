//! Keys, keymaps as data, and the text field: what the console reads from
//! the person, with no terminal library in sight.

pub mod editing;
pub mod key;
pub mod keymap;
pub mod textfield;

pub use key::{Key, KeyCode};
