//! The tricky strings of ../shared/data/tricky-strings.json, typed and
//! pasted into a real form of the console: what the record keeps, and what
//! the screen may show.

mod common;

use common::*;
use gavel::app::Mode;
use gavel::domain::text::{clean_text, sanitize, width};
use gavel::i18n::Lang;
use ratatui::crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

fn cases() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/tricky-strings.json"
    );
    let text = std::fs::read_to_string(path).expect("../shared/data/tricky-strings.json");
    serde_json::from_str::<Vec<Value>>(&text).unwrap()
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> TermEvent {
    TermEvent::Key(KeyEvent::new(code, modifiers))
}

/// The key events a terminal delivers for raw input bytes, as crossterm
/// parses them: 0x7F is Backspace, 0x08 is Ctrl-H.
fn key_events(raw: &str) -> Vec<TermEvent> {
    raw.chars()
        .map(|c| match c {
            '\u{7f}' => key(KeyCode::Backspace, KeyModifiers::NONE),
            '\u{8}' => key(KeyCode::Char('h'), KeyModifiers::CONTROL),
            c => key(KeyCode::Char(c), KeyModifiers::NONE),
        })
        .collect()
}

/// Opens the issue form, feeds `events`, saves with Ctrl-S, and returns the
/// stored text of the new issue.
fn log_issue(events: Vec<TermEvent>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let store = new_meeting(&meeting_path(&dir));
    let mut app = App::live(store, Lang::En, t0());
    app.event(key(KeyCode::Char('i'), KeyModifiers::NONE));
    assert!((app.mode() == Mode::Form));
    for event in events {
        app.event(event);
    }
    app.event(key(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert_eq!(
        app.mode(),
        Mode::Panes,
        "form not saved: {:?}",
        app.console.status
    );
    app.record()
        .issues
        .values()
        .last()
        .expect("issue logged")
        .text
        .clone()
}

#[test]
fn typed_text_is_stored_nfc() {
    for case in cases() {
        let (Some(text), Some(stored)) = (case["text"].as_str(), case["stored"].as_str()) else {
            continue;
        };
        if !stored.starts_with("nfc of text") {
            continue;
        }
        let typed = log_issue(key_events(text));
        assert_eq!(
            typed,
            text.nfc().collect::<String>().trim(),
            "{}",
            case["name"]
        );
        let pasted = log_issue(vec![TermEvent::Paste(text.to_string())]);
        assert_eq!(pasted, typed, "{}: paste differs from typing", case["name"]);
    }
}

#[test]
fn input_method_bursts_are_applied_in_order() {
    let mut seen = 0;
    for case in cases() {
        let (Some(keys), Some(stored)) = (case["keys"].as_str(), case["stored"].as_str()) else {
            continue;
        };
        seen += 1;
        assert_eq!(log_issue(key_events(keys)), stored, "{}", case["name"]);
    }
    assert!(seen >= 2);
}

#[test]
fn hostile_text_is_kept_as_typed_but_shown_harmless() {
    for case in cases() {
        let (Some(text), Some(_)) = (case["text"].as_str(), case["shown"].as_str()) else {
            continue;
        };
        let stored = log_issue(vec![TermEvent::Paste(text.to_string())]);
        // Terminals send a pasted line break as CR: a multi-line field takes
        // a bare CR as a line break. Everything else is kept as typed.
        let expected = clean_text(&text.replace('\r', "\n"));
        assert_eq!(
            stored, expected,
            "{}: the record must keep the text",
            case["name"]
        );
        let shown = sanitize(&stored);
        for forbidden in ['\x1b', '\u{9b}', '\x07', '\r', '\u{202e}', '\0'] {
            assert!(
                !shown.contains(forbidden),
                "{}: {forbidden:?} reaches the screen",
                case["name"]
            );
        }
        if case["name"] == "combining-flood" {
            assert_eq!(width(&shown), 1);
            assert!(shown.len() < 64);
        }
    }
}

#[test]
fn long_and_odd_text_is_stored_whole() {
    for name in ["long-line", "nul-byte", "wide-cjk-emoji"] {
        let case = cases().into_iter().find(|c| c["name"] == name).unwrap();
        let text = case["text"].as_str().unwrap();
        let stored = log_issue(vec![TermEvent::Paste(text.to_string())]);
        assert_eq!(stored, clean_text(text), "{name}");
    }
}
