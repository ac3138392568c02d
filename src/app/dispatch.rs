//! Who takes a key: the layer on top. A modal layer (a form, a question,
//! the help) takes every key; review passes the keys it does not know down
//! to the panes, for moving about; the hall display takes every key. The
//! small layers' keys are handled here; the panes' and the forms' in their
//! own modules. Ctrl-Z is looked up before any of them.

use super::layers::{
    ANY_LAYER_KEYS, AnyLayerAction, CONFLICT_KEYS, HELP_KEYS, HallAction, Layer, PAPERS_KEYS,
    PapersAction, REVIEW_KEYS, ReviewAction, YES_NO_KEYS, YesNo, hall_keys,
};
use super::{Console, Effect, Mode, ReviewMove, panes, roll_call, typing};
use crate::domain::Record;
use crate::domain::papers::CHOICES;
use crate::input::key::Key;
use crate::input::keymap::lookup;

/// A key goes to the layer on top, unless it is one every layer leaves
/// alone (Ctrl-Z).
pub fn key(console: &mut Console, record: &Record, key: &Key) -> Vec<Effect> {
    if let Some(AnyLayerAction::Suspend) = lookup(ANY_LAYER_KEYS, key) {
        return vec![Effect::Suspend];
    }
    match console.mode() {
        Mode::Panes => panes::key(console, record, key),
        Mode::Review => match lookup(REVIEW_KEYS, key) {
            Some(action) => review(console, action),
            None => panes::key(console, record, key),
        },
        Mode::Hall => hall(console, key),
        Mode::Form => typing::form_key(console, record, key),
        Mode::Conflict => match lookup(CONFLICT_KEYS, key) {
            Some(action) => typing::conflict(console, record, action),
            None => Vec::new(),
        },
        Mode::Search => typing::search_key(console, record, key),
        Mode::RollCall => roll_call::key(console, record, key),
        Mode::Confirm => confirm(console, key),
        Mode::Unsaved => unsaved(console, key),
        Mode::Help => {
            if let Some(action) = lookup(HELP_KEYS, key) {
                super::help::key(console, action);
            }
            Vec::new()
        }
        Mode::Papers => papers(console, key),
    }
}

/// The export menu: a digit writes that line's paper, Enter the one
/// highlighted; the menu closes on either.
fn papers(console: &mut Console, key: &Key) -> Vec<Effect> {
    let Some(Layer::Papers { highlight }) = console.layers.last_mut() else {
        return Vec::new();
    };
    let last = CHOICES.len() - 1;
    let chosen = match (key.digit(), lookup(PAPERS_KEYS, key)) {
        (Some(n), _) if (1..=CHOICES.len()).contains(&n) => Some(n - 1),
        (_, Some(PapersAction::Write)) => Some(*highlight),
        (_, Some(PapersAction::Previous)) => {
            *highlight = highlight.checked_sub(1).unwrap_or(last);
            None
        }
        (_, Some(PapersAction::Next)) => {
            *highlight = if *highlight >= last {
                0
            } else {
                *highlight + 1
            };
            None
        }
        (_, Some(PapersAction::Close)) => {
            console.layers.pop();
            None
        }
        _ => None,
    };
    let Some(line) = chosen else {
        return Vec::new();
    };
    console.layers.pop();
    vec![Effect::WritePaper(CHOICES[line])]
}

fn confirm(console: &mut Console, key: &Key) -> Vec<Effect> {
    let Some(answer) = lookup(YES_NO_KEYS, key) else {
        return Vec::new();
    };
    let Some(Layer::Confirm(question)) = console.layers.pop() else {
        return Vec::new();
    };
    match answer {
        YesNo::Yes => vec![Effect::Submit {
            command: *question.command,
            form: None,
        }],
        YesNo::No => Vec::new(),
    }
}

fn unsaved(console: &mut Console, key: &Key) -> Vec<Effect> {
    match lookup(YES_NO_KEYS, key) {
        Some(YesNo::Yes) => vec![Effect::WriteRecoveryAndQuit],
        Some(YesNo::No) => {
            console.layers.pop();
            Vec::new()
        }
        None => Vec::new(),
    }
}

fn review(console: &mut Console, action: ReviewAction) -> Vec<Effect> {
    let step = match action {
        ReviewAction::Back => ReviewMove::Step(-1),
        ReviewAction::On => ReviewMove::Step(1),
        ReviewAction::BackTen => ReviewMove::Step(-10),
        ReviewAction::OnTen => ReviewMove::Step(10),
        ReviewAction::First => ReviewMove::First,
        ReviewAction::Last => ReviewMove::Last,
        ReviewAction::Statistics => {
            if let Some(Layer::Review { stats }) = console.layers.first_mut() {
                *stats = !*stats;
            }
            return Vec::new();
        }
    };
    console.status = None;
    vec![Effect::Review(step)]
}

/// The wall shows no cursor and takes no commands: only the keys that
/// leave it do anything.
fn hall(console: &mut Console, key: &Key) -> Vec<Effect> {
    let Some(view) = console.hall_view() else {
        return Vec::new();
    };
    match (lookup(hall_keys(view), key), view.standalone) {
        (None, _) => Vec::new(),
        (Some(_), true) => vec![Effect::Quit],
        (Some(HallAction::Leave), false) => {
            console.layers.pop();
            Vec::new()
        }
        (Some(HallAction::Quit), false) => {
            // Back to the console first: it may have a question.
            console.layers.pop();
            console.status = None;
            vec![Effect::Quit]
        }
    }
}
