//! Roll call by name: the secretary at the door types a few letters of a
//! name, the matches narrow (accents aside: "nguyen" finds "Nguyễn", "dang"
//! finds "Đặng"), ↑ ↓ choose, Enter checks the person in and clears the
//! field for the next arrival. A name nobody has is a walk-in: Enter opens
//! the new-participant form with that name, present.

use super::form::FormKind;
use super::layers::{CheckingIn, Layer, ROLL_CALL_KEYS, RollCallAction};
use super::{Console, Effect, Pane};
use crate::domain::text::fold;
use crate::domain::*;
use crate::i18n::{Lang, attendance_word, fill};
use crate::input::key::Key;
use crate::input::keymap::lookup;
use crate::input::textfield::TextField;

/// `c` in the Participants pane.
pub fn open(console: &mut Console) {
    if !console.allowed(Area::Participants) {
        return;
    }
    console.status = None;
    console.layers.push(Layer::RollCall(CheckingIn::default()));
}

/// The participants whose names hold every word typed, accents and case
/// aside. First those where each typed word starts a word of the name, then
/// those not yet here before those already checked in; then by group and
/// in the order of the list.
pub fn matches<'r>(record: &'r Record, typed: &str) -> Vec<&'r Participant> {
    let typed = fold(typed);
    let words: Vec<&str> = typed.split_whitespace().collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(bool, bool, &Participant)> = record
        .participants
        .values()
        .filter_map(|p| {
            let name = fold(&p.name);
            if !words.iter().all(|w| name.contains(w)) {
                return None;
            }
            let starts = |w: &&str| name.split_whitespace().any(|n| n.starts_with(*w));
            let weak = !words.iter().all(starts);
            let here = record.attendance_of(p) == Attendance::Present;
            Some((weak, here, p))
        })
        .collect();
    found.sort_by_key(|(weak, here, p)| (*weak, *here, p.role, p.id));
    found.into_iter().map(|(_, _, p)| p).collect()
}

fn state(console: &mut Console) -> Option<&mut CheckingIn> {
    match console.layers.last_mut() {
        Some(Layer::RollCall(state)) => Some(state),
        _ => None,
    }
}

/// A key in roll-call mode: its own keys, else typing into the name.
pub fn key(console: &mut Console, record: &Record, key: &Key) -> Vec<Effect> {
    let action = lookup(ROLL_CALL_KEYS, key);
    if action == Some(RollCallAction::CheckIn) {
        return check_in(console, record);
    }
    let Some(state) = state(console) else {
        return Vec::new();
    };
    match action {
        Some(RollCallAction::Leave) => {
            console.layers.pop();
        }
        Some(RollCallAction::Previous) => state.highlight = state.highlight.saturating_sub(1),
        Some(RollCallAction::Next) => {
            let count = matches(record, state.field.text()).len();
            state.highlight = (state.highlight + 1).min(count.saturating_sub(1));
        }
        Some(RollCallAction::CheckIn) | None => {
            let before = state.field.text().to_string();
            state.field.handle_key(key);
            if state.field.text() != before {
                state.highlight = 0;
            }
        }
    }
    Vec::new()
}

/// A paste goes into the name.
pub fn paste(console: &mut Console, text: &str) {
    if let Some(state) = state(console) {
        state.field.insert_str(text);
        state.highlight = 0;
    }
}

/// Enter: the highlighted match is checked in; with no match, a walk-in.
fn check_in(console: &mut Console, record: &Record) -> Vec<Effect> {
    let Some(state) = state(console) else {
        return Vec::new();
    };
    let typed = state.field.text().trim().to_string();
    if typed.is_empty() {
        return Vec::new();
    }
    let found = matches(record, &typed);
    let chosen = found
        .get(state.highlight.min(found.len().saturating_sub(1)))
        .copied();
    // Ready for the next arrival.
    state.field = TextField::single_line();
    state.highlight = 0;
    let Some(person) = chosen else {
        return walk_in(console, record, &typed);
    };
    // The pane shows the person just checked in.
    let pane = Pane::Participants;
    console.panes[pane.index()].selected = Some(person.id);
    console.scroll(record, pane);
    if person.attendance == Attendance::Present {
        let message = fill(console.texts().msg_already_present, &[&person.name]);
        console.info(message);
        return Vec::new();
    }
    let command = Command::SetAttendance {
        id: person.id,
        attendance: Attendance::Present,
    };
    console.execute(record, command)
}

/// Somebody not on the list came: the new-participant form, with the name
/// as typed and present; the organization is asked next.
fn walk_in(console: &mut Console, record: &Record, name: &str) -> Vec<Effect> {
    super::typing::open_form_with(console, record, FormKind::NewParticipant, |form| {
        form.set("name", name);
        form.set("attendance", Attendance::Present.as_str());
        form.focus_field("organization");
    })
}

/// A participant's attendance in words, as the record proves it: someone
/// the roll call has not marked present who spoke or raised an issue in
/// the room shows as present, marked as such.
pub fn attendance_shown(
    record: &Record,
    person: &Participant,
    short: bool,
    lang: Lang,
) -> &'static str {
    let shown = record.attendance_of(person);
    let spoke = shown != person.attendance;
    attendance_word(shown, spoke, short, lang)
}
