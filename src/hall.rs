//! The hall display: what the room sees on the projector. The meeting's
//! title, the agenda item under way with its time box, who has the floor
//! with a countdown in big digits, and who speaks next. Nothing else: no
//! issue texts, no topics, no contact details, no drafts — what is on the
//! wall is public.
//!
//! `gavel hall FILE` runs it on an observer's connection (read-only in SQLite
//! itself) through the console's own event loop, so it follows the meeting
//! through the same change feed, ticks with the same clock and ends on the
//! same signals. In the live console, `h` switches to it and back.
//!
//! This module holds the state (`HallView`, and `HallScreen`: what the wall
//! shows, read from the record); `ui::hall` draws it.

use std::io;
use std::path::Path;

use chrono::TimeDelta;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::App;
use crate::console::{self, ConsoleOptions};
use crate::domain::clock::{TurnClock, agenda_elapsed, turn_clock};
use crate::domain::{Record, RequestKind, Role, Timestamp};
use crate::i18n::Lang;
use crate::store::{OpenOptions, Store, StoreError};

/// How many waiting speakers the wall lists.
pub const NEXT_SHOWN: usize = 3;

/// Light text on a dark room's screen, or dark text on a bright room's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum HallTheme {
    /// White on black.
    #[default]
    Dark,
    /// Black on white.
    Light,
}

/// The hall view is on: how it looks, and whether it is all there is
/// (`gavel hall`) or a view the console switches to (`h`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HallView {
    pub theme: HallTheme,
    pub standalone: bool,
}

/// What a key does in the hall view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HallKey {
    /// Nothing: the wall shows no cursor and takes no commands.
    Ignore,
    /// Back to the console.
    Leave,
    /// Quit gavel (through the console's own quit, which asks first if
    /// changes wait to be written).
    Quit,
}

impl HallView {
    /// `q` and `Esc` leave (the console, or gavel when the hall is all
    /// there is); `h` switches back to the console; `Ctrl-C` quits.
    pub fn key(self, key: &KeyEvent) -> HallKey {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('c') if ctrl => HallKey::Quit,
            _ if ctrl || key.modifiers.contains(KeyModifiers::ALT) => HallKey::Ignore,
            KeyCode::Char('q') | KeyCode::Esc if self.standalone => HallKey::Quit,
            KeyCode::Char('q') | KeyCode::Esc | KeyCode::Char('h') if !self.standalone => {
                HallKey::Leave
            }
            _ => HallKey::Ignore,
        }
    }
}

/// The agenda item under way.
#[derive(Debug, Clone, PartialEq)]
pub struct HallItem {
    pub title: String,
    pub spent: TimeDelta,
    pub planned_minutes: u32,
}

/// The person who has the floor.
#[derive(Debug, Clone, PartialEq)]
pub struct HallSpeaker {
    pub name: String,
    pub organization: String,
    pub kind: RequestKind,
    pub clock: TurnClock,
}

/// Somebody waiting for the floor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HallEntry {
    pub name: String,
    pub organization: String,
    pub kind: RequestKind,
}

/// Everything the wall shows at one moment, read from the record: the hall
/// view's state. Text is kept as typed; `ui::hall` sanitizes it.
#[derive(Debug, Clone, PartialEq)]
pub struct HallScreen {
    pub title: String,
    pub item: Option<HallItem>,
    pub speaker: Option<HallSpeaker>,
    /// The head of the queue, at most `NEXT_SHOWN`.
    pub next: Vec<HallEntry>,
    /// Everyone waiting.
    pub waiting: usize,
    pub queue_closed: bool,
}

impl HallScreen {
    pub fn new(record: &Record, now: Timestamp) -> HallScreen {
        let person = |id| {
            record.participants.get(&id).map_or_else(
                || ("?".to_string(), String::new()),
                |p| (p.name.clone(), p.organization.clone()),
            )
        };
        let active = record.active_item();
        let queue = record.current_queue();
        HallScreen {
            title: record.meeting.details.title.clone(),
            item: active.map(|item| HallItem {
                title: item.title.clone(),
                spent: agenda_elapsed(item, now),
                planned_minutes: item.planned_minutes,
            }),
            speaker: record.current_speaker().map(|request| {
                let (name, organization) = person(request.participant);
                HallSpeaker {
                    name,
                    organization,
                    kind: request.kind,
                    clock: turn_clock(request, now),
                }
            }),
            next: queue
                .iter()
                .take(NEXT_SHOWN)
                .map(|request| {
                    let (name, organization) = person(request.participant);
                    HallEntry {
                        name,
                        organization,
                        kind: request.kind,
                    }
                })
                .collect(),
            waiting: queue.len(),
            queue_closed: record.queue_is_closed(active.map(|i| i.id)),
        }
    }
}

/// Whether a text is written in Vietnamese: it has letters only Vietnamese
/// uses (ă â đ ê ô ơ ư, or a vowel with a tone mark from the Latin Extended
/// Additional block).
pub fn looks_vietnamese(text: &str) -> bool {
    text.chars()
        .any(|c| "ăâđêôơưĂÂĐÊÔƠƯ".contains(c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c))
}

/// The hall view on a meeting file, on an observer's connection: SQLite
/// opens the file read-only, so the wall can never change the record.
pub fn open(
    path: &Path,
    actor: &str,
    lang: Lang,
    theme: HallTheme,
    now: Timestamp,
) -> Result<App, StoreError> {
    let store = Store::open(path, OpenOptions::new(actor, Role::Observer))?;
    // An observer's App restores no unfinished form (App::restore_form).
    let mut app = App::new(store, lang, now);
    app.hall = Some(HallView {
        theme,
        standalone: true,
    });
    Ok(app)
}

/// Runs the hall view in the console's event loop (same change feed, clock
/// tick, signals and terminal guard), without mouse capture.
pub fn run(app: &mut App) -> io::Result<()> {
    console::run(app, ConsoleOptions { mouse: false })
}

#[cfg(test)]
mod tests {
    use super::looks_vietnamese;

    #[test]
    fn a_vietnamese_title_is_told_from_an_english_one() {
        assert!(looks_vietnamese("Hội nghị đối thoại"));
        assert!(looks_vietnamese("Đối thoại"));
        assert!(looks_vietnamese("Sở Tư pháp"));
        assert!(!looks_vietnamese("Public dialogue on procedures"));
        assert!(!looks_vietnamese("Café société")); // French accents are not Vietnamese
    }
}
