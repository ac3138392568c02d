//! Keys and text: the keymap (data) and the text field.

pub mod keymap;
pub mod textfield;
