//! A key as the console understands it: the terminal's event (crossterm's)
//! becomes one of these at the edge, so the console's model, its keymaps
//! and its tests know no terminal library. Tests write keys as scripts, the
//! way helix's do: `"iHello<c-s>"`.

/// Which key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Tab,
    /// Shift-Tab.
    BackTab,
    Esc,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    PageUp,
    PageDown,
}

/// A key with its modifiers. Shift is part of the character ('G', '+'),
/// not a modifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn new(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::new(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    pub const fn with_ctrl(self) -> Key {
        Key { ctrl: true, ..self }
    }

    pub const fn with_alt(self) -> Key {
        Key { alt: true, ..self }
    }

    /// A printable character typed without Ctrl or Alt.
    pub fn typed_char(&self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }

    /// A digit 0-9 typed alone.
    pub fn digit(&self) -> Option<usize> {
        self.typed_char()
            .and_then(|c| c.to_digit(10))
            .map(|d| d as usize)
    }

    /// How the help writes the key: "x", "Ctrl-S", "↑", "Shift-Tab".
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".into(),
            KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("Ctrl-{base}"),
            (false, true) => format!("Alt-{base}"),
            (false, false) => base,
        }
    }

    /// Keys from a script: characters stand for themselves; `<esc>`,
    /// `<tab>`, `<s-tab>`, `<enter>`, `<bs>`, `<del>`, `<up>`, `<down>`,
    /// `<left>`, `<right>`, `<home>`, `<end>`, `<pgup>`, `<pgdn>`, `<lt>`
    /// (a '<'), `<c-x>` for Ctrl-x and `<a-x>` for Alt-x. An unknown name is
    /// an error naming it.
    pub fn script(script: &str) -> Result<Vec<Key>, String> {
        let mut keys = Vec::new();
        let mut rest = script;
        while let Some(c) = rest.chars().next() {
            if c == '<'
                && let Some(end) = rest.find('>')
            {
                keys.push(named(&rest[1..end])?);
                rest = &rest[end + 1..];
            } else {
                keys.push(Key::char(c));
                rest = &rest[c.len_utf8()..];
            }
        }
        Ok(keys)
    }
}

fn named(name: &str) -> Result<Key, String> {
    let code = match name {
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "s-tab" => KeyCode::BackTab,
        "enter" => KeyCode::Enter,
        "bs" => KeyCode::Backspace,
        "del" => KeyCode::Delete,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" => KeyCode::PageUp,
        "pgdn" => KeyCode::PageDown,
        "lt" => KeyCode::Char('<'),
        _ => {
            let mut chars = name.chars();
            return match (chars.next(), chars.next(), chars.next(), chars.next()) {
                (Some('c'), Some('-'), Some(c), None) => Ok(Key::ctrl(c)),
                (Some('a'), Some('-'), Some(c), None) => Ok(Key::char(c).with_alt()),
                (Some('c'), Some('-'), Some(_), Some(_)) => {
                    let inner = named(&name[2..])?;
                    Ok(inner.with_ctrl())
                }
                _ => Err(format!("unknown key <{name}>")),
            };
        }
    };
    Ok(Key::new(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_spell_keys() {
        assert_eq!(
            Key::script("a<c-s><esc><lt><c-left>").unwrap(),
            [
                Key::char('a'),
                Key::ctrl('s'),
                Key::new(KeyCode::Esc),
                Key::char('<'),
                Key::new(KeyCode::Left).with_ctrl(),
            ]
        );
        assert!(Key::script("<nonsense>").is_err());
        // A lone '<' is a character.
        assert_eq!(Key::script("<").unwrap(), [Key::char('<')]);
    }

    #[test]
    fn names_for_the_help() {
        assert_eq!(Key::ctrl('s').name(), "Ctrl-S");
        assert_eq!(Key::new(KeyCode::BackTab).name(), "Shift-Tab");
        assert_eq!(Key::char('G').name(), "G");
    }
}
