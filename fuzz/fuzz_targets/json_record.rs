//! A JSON export of a meeting, as `gavel import` reads it: any input is
//! refused or accepted, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = gavel::store::check_json(text);
    }
});
