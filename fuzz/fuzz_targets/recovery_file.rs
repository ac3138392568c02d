//! A recovery file, as `gavel recover` reads it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = gavel::session::recovery::Recovery::parse(text);
    }
});
