//! Keymaps as data: each layer of the console (the panes, a form, a
//! question, the help...) has a table from keys to its own actions. The
//! layer looks keys up in its table, and the footer's hints and the `?`
//! help are built from the same tables, so what is documented is what is
//! bound.

use super::key::Key;
use crate::i18n::Lang;

/// One key and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding<A> {
    pub key: Key,
    pub action: A,
    /// Listed in the help. A few second keys for the same thing (Ctrl-A
    /// beside Home, Alt-← beside Ctrl-←) are bound but not listed, so that
    /// the help fits an 80×24 terminal.
    pub listed: bool,
}

pub const fn bind<A>(key: Key, action: A) -> Binding<A> {
    Binding {
        key,
        action,
        listed: true,
    }
}

/// A second key for an action, bound but not listed in the help.
pub const fn also<A>(key: Key, action: A) -> Binding<A> {
    Binding {
        key,
        action,
        listed: false,
    }
}

/// The words for an action, in the footer and the help.
pub trait Described: Copy + PartialEq {
    /// What the action does ("next field").
    fn describe(self, lang: Lang) -> &'static str;

    /// The help's line for it, which a pair of actions may share ("next /
    /// previous field").
    fn help_line(self, lang: Lang) -> &'static str {
        self.describe(lang)
    }
}

/// The action a key is bound to in a table.
pub fn lookup<A: Copy>(table: &[Binding<A>], key: &Key) -> Option<A> {
    table.iter().find(|b| b.key == *key).map(|b| b.action)
}

/// Every key of an action in a table, as the help writes them ("↑ k").
pub fn keys_of<A: PartialEq>(table: &[Binding<A>], action: A) -> String {
    table
        .iter()
        .filter(|b| b.action == action)
        .map(|b| b.key.name())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A line of help or a footer hint: keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub what: &'static str,
}

/// The help's lines for a table: one per help line, in the table's
/// order, with every listed key that does it ("← →  move the cursor").
pub fn help<A: Described>(table: &[Binding<A>], lang: Lang) -> Vec<Hint> {
    let mut lines: Vec<Hint> = Vec::new();
    for binding in table.iter().filter(|b| b.listed) {
        let what = binding.action.help_line(lang);
        let name = binding.key.name();
        match lines.iter_mut().find(|line| line.what == what) {
            Some(line) if !line.keys.split(' ').any(|k| k == name) => {
                line.keys = format!("{} {name}", line.keys)
            }
            Some(_) => {}
            None => lines.push(Hint { keys: name, what }),
        }
    }
    lines
}

/// Footer hints for some actions of a table: the first key of each.
pub fn hints<A: Described>(table: &[Binding<A>], actions: &[A], lang: Lang) -> Vec<Hint> {
    actions
        .iter()
        .filter_map(|action| {
            table.iter().find(|b| b.action == *action).map(|b| Hint {
                keys: b.key.name(),
                what: action.describe(lang),
            })
        })
        .collect()
}

/// Footer hints for pairs of actions that share words ("← → step"): the
/// first key of each, described by the first of the pair.
pub fn paired_hints<A: Described>(table: &[Binding<A>], pairs: &[(A, A)], lang: Lang) -> Vec<Hint> {
    pairs
        .iter()
        .filter_map(|(first, second)| {
            let key = |action: &A| {
                table
                    .iter()
                    .find(|b| b.action == *action)
                    .map(|b| b.key.name())
            };
            let mut keys = key(first)?;
            if let Some(other) = key(second).filter(|other| *other != keys) {
                keys = format!("{keys} {other}");
            }
            Some(Hint {
                keys,
                what: first.describe(lang),
            })
        })
        .collect()
}

/// Hints on one line: "Enter save · Tab next field · Esc cancel".
pub fn hint_line(hints: &[Hint]) -> String {
    hints
        .iter()
        .map(|h| format!("{} {}", h.keys, h.what))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::key::KeyCode;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Move {
        Up,
        Down,
    }

    impl Described for Move {
        fn describe(self, _: Lang) -> &'static str {
            match self {
                Move::Up => "up",
                Move::Down => "down",
            }
        }
    }

    const TABLE: &[Binding<Move>] = &[
        bind(Key::new(KeyCode::Up), Move::Up),
        bind(Key::char('k'), Move::Up),
        bind(Key::new(KeyCode::Down), Move::Down),
    ];

    #[test]
    fn a_table_answers_lookups_and_writes_its_own_help() {
        assert_eq!(lookup(TABLE, &Key::char('k')), Some(Move::Up));
        assert_eq!(lookup(TABLE, &Key::char('j')), None);
        assert_eq!(keys_of(TABLE, Move::Up), "↑ k");
        let help = help(TABLE, Lang::En);
        assert_eq!(help.len(), 2);
        assert_eq!(help[0].keys, "↑ k");
        assert_eq!(
            hint_line(&hints(TABLE, &[Move::Down, Move::Up], Lang::En)),
            "↓ down · ↑ up"
        );
    }
}
