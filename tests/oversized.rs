//! Oversized text — a 1 MB paste, ten thousand combining marks — is stored
//! whole and drawn without a hang.

mod common;

use std::time::{Duration, Instant};

use common::*;
use gavel::app::Mode;
use gavel::domain::Role;
use gavel::domain::text::clean_text;
use gavel::i18n::Lang;
use ratatui::crossterm::event::Event;

fn paste_and_save(text: &str) -> (String, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir, Lang::En, "lan", Role::Secretary);
    let start = Instant::now();
    keys(&mut app, "i");
    app.event(Event::Paste(text.to_string()));
    render(&app, 160, 48);
    // Typing goes on at the end of the huge text.
    keys(&mut app, "!");
    render(&app, 160, 48);
    keys(&mut app, "<c-s>");
    assert_eq!(app.mode(), Mode::Panes, "{:?}", app.console.status);
    keys(&mut app, "3G");
    render(&app, 160, 48);
    render(&app, 80, 24);
    let elapsed = start.elapsed();
    (
        app.record().issues.values().last().unwrap().text.clone(),
        elapsed,
    )
}

#[test]
fn a_megabyte_paste_is_stored_whole_and_drawn() {
    let text = "Đề nghị Sở rút ngắn thời hạn giải quyết hồ sơ trực tuyến. ".repeat(16_000);
    assert!(text.len() > 1_000_000);
    let (stored, elapsed) = paste_and_save(&text);
    let expected = clean_text(&format!("{text}!"));
    assert!(
        stored == expected,
        "stored {} bytes, expected {}",
        stored.len(),
        expected.len()
    );
    eprintln!("1 MB paste, save and draws: {elapsed:?}");
    assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");
}

#[test]
fn ten_thousand_combining_marks_are_stored_and_drawn_in_one_cell() {
    let text = format!("a{}b", "\u{301}".repeat(10_000));
    let (stored, elapsed) = paste_and_save(&text);
    let expected = clean_text(&format!("{text}!"));
    assert!(
        stored == expected,
        "stored {} chars, expected {}",
        stored.chars().count(),
        expected.chars().count()
    );
    eprintln!("10,000 combining marks, save and draws: {elapsed:?}");
    assert!(elapsed < Duration::from_secs(20), "{elapsed:?}");
}
