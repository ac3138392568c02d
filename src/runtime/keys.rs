//! The terminal's key events, as the console's keys: the one place that
//! knows crossterm's key type.

use ratatui::crossterm::event::{KeyCode as Term, KeyEvent, KeyModifiers};

use crate::input::key::{Key, KeyCode};

/// The console's key for a terminal key event, if it is one gavel knows.
/// Shift is in the character already ('G'), and in Shift-Tab.
pub fn key_of(event: &KeyEvent) -> Option<Key> {
    let code = match event.code {
        Term::Char(c) => KeyCode::Char(c),
        Term::Enter => KeyCode::Enter,
        Term::Tab => KeyCode::Tab,
        Term::BackTab => KeyCode::BackTab,
        Term::Esc => KeyCode::Esc,
        Term::Backspace => KeyCode::Backspace,
        Term::Delete => KeyCode::Delete,
        Term::Left => KeyCode::Left,
        Term::Right => KeyCode::Right,
        Term::Up => KeyCode::Up,
        Term::Down => KeyCode::Down,
        Term::Home => KeyCode::Home,
        Term::End => KeyCode::End,
        Term::PageUp => KeyCode::PageUp,
        Term::PageDown => KeyCode::PageDown,
        _ => return None,
    };
    Some(Key {
        code,
        ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        alt: event.modifiers.contains(KeyModifiers::ALT),
    })
}

/// The terminal's key event for a console key (scripts in tests and
/// benchmarks go through the same conversion as a real terminal's keys).
pub fn event_of(key: &Key) -> KeyEvent {
    let code = match key.code {
        KeyCode::Char(c) => Term::Char(c),
        KeyCode::Enter => Term::Enter,
        KeyCode::Tab => Term::Tab,
        KeyCode::BackTab => Term::BackTab,
        KeyCode::Esc => Term::Esc,
        KeyCode::Backspace => Term::Backspace,
        KeyCode::Delete => Term::Delete,
        KeyCode::Left => Term::Left,
        KeyCode::Right => Term::Right,
        KeyCode::Up => Term::Up,
        KeyCode::Down => Term::Down,
        KeyCode::Home => Term::Home,
        KeyCode::End => Term::End,
        KeyCode::PageUp => Term::PageUp,
        KeyCode::PageDown => Term::PageDown,
    };
    let mut modifiers = KeyModifiers::NONE;
    if key.ctrl {
        modifiers |= KeyModifiers::CONTROL;
    }
    if key.alt {
        modifiers |= KeyModifiers::ALT;
    }
    if key.code == KeyCode::BackTab {
        modifiers |= KeyModifiers::SHIFT;
    }
    KeyEvent::new(code, modifiers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_survive_the_round_trip_through_the_terminal_type() {
        for key in Key::script("aG+<c-s><s-tab><esc><bs><a-x><c-left>").unwrap() {
            assert_eq!(key_of(&event_of(&key)), Some(key));
        }
        // 0x08 from an input method arrives as Ctrl-H.
        let ctrl_h = KeyEvent::new(Term::Char('h'), KeyModifiers::CONTROL);
        assert_eq!(key_of(&ctrl_h), Some(Key::ctrl('h')));
        let shifted = KeyEvent::new(Term::Char('+'), KeyModifiers::SHIFT);
        assert_eq!(key_of(&shifted), Some(Key::char('+')));
    }
}
