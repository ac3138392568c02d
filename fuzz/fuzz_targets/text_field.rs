//! What a terminal can send into a text field (an input method's bursts,
//! pastes, moves), and the sanitizer every screen and export uses: never a
//! panic, the cursor always on a character boundary, nothing harmful shown.
#![no_main]

use gavel::domain::text::{sanitize, truncate, width};
use gavel::input::textfield::TextField;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for multiline in [false, true] {
        let mut field = if multiline { TextField::multi_line() } else { TextField::single_line() };
        // Bytes below 0x10 steer the cursor; the rest is typed in bursts.
        for chunk in text.split(|c: char| (c as u32) < 0x10) {
            field.apply_keys(chunk);
            match chunk.len() % 7 {
                0 => field.left(),
                1 => field.word_left(),
                2 => field.home(),
                3 => {
                    field.up();
                }
                4 => {
                    field.delete();
                }
                5 => field.delete_word_before(),
                _ => field.end(),
            }
            assert!(field.text().is_char_boundary(field.cursor()));
            let _ = field.visual_lines(17);
            let _ = field.cursor_position(17);
        }
    }
    let shown = sanitize(text);
    assert!(!shown.contains(['\u{1b}', '\u{9b}', '\u{7}', '\r', '\u{202e}']));
    let cut = truncate(&shown, 20);
    assert!(width(&cut) <= 20);
});
