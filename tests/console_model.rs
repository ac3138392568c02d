//! Model-based fuzzing of the console: random keys, pastes (hostile text
//! included), resizes down to 1×1, the clock, and changes made at the same
//! time by another process's connection. After every step: no panic, the
//! screen draws, and no typed text is missing from the drafts; at the end the
//! tables equal a replay of the journal and the hash chain holds.

mod common;

use chrono::TimeDelta;
use common::*;
use gavel::domain::*;
use gavel::i18n::Lang;
use gavel::store::{Store, check};
use proptest::prelude::*;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone)]
enum Step {
    Key(KeyCode, bool),
    Paste(String),
    Resize(u16, u16),
    Tick(i64),
    Remote(u8),
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        prop::sample::select(
            "abcdefghijklmnopqrstuvwxyzAEG0123456789?/+ .,ếđươ§xynq"
                .chars()
                .collect::<Vec<_>>()
        )
        .prop_map(KeyCode::Char),
        prop::sample::select(vec![
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Backspace,
            KeyCode::Delete,
        ]),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => (key_code(), prop::bool::weighted(0.08)).prop_map(|(k, ctrl)| Step::Key(k, ctrl)),
        1 => "[a-zA-Zàáạảãâầấậẩẫđ\u{1b}\u{9b}\u{7}\r\n\u{202e}\u{301} \\[\\]0-9;]{0,40}".prop_map(Step::Paste),
        1 => (1u16..300, 1u16..120).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => (0i64..400).prop_map(Step::Tick),
        1 => any::<u8>().prop_map(Step::Remote),
    ]
}

/// Another process's change: the same file, its own connection.
fn remote_change(other: &mut Store, n: u8) {
    let record = other.record();
    let command = match n % 5 {
        0 => issue(&format!("Từ máy khác {n}")),
        1 => Command::RequestFloor {
            speaker: Speaker::New {
                name: format!("Khách {n}"),
                organization: String::new(),
            },
            kind: RequestKind::Normal,
            topic: String::new(),
        },
        2 => Command::NextSpeaker,
        3 => match record.issues.values().last() {
            Some(i) => Command::AnswerIssue {
                id: i.id,
                base_rev: i.rev,
                fields: AnswerFields {
                    answered_by: None,
                    answer: "Đã trả lời".into(),
                    disposition: Disposition::Answered,
                    reply_due: None,
                    escalated_to: String::new(),
                },
            },
            None => return,
        },
        _ => participant(&format!("Đại biểu {n}")),
    };
    let _ = other.execute(command);
}

/// Every form field that has a draft row holds exactly what is on screen.
fn drafts_match(app: &App) -> Result<(), TestCaseError> {
    let Some(form) = app.form() else {
        return Ok(());
    };
    if app.session.view().write != gavel::session::WriteState::Saved {
        return Ok(());
    }
    let key = form.kind.key();
    let drafts = app.store().drafts().unwrap();
    let focused = form.focused().key;
    prop_assert!(
        drafts.iter().any(|d| d.form == key && d.field == focused),
        "the focused field {} of {} has no draft",
        focused,
        key
    );
    for field in &form.fields {
        if let Some(draft) = drafts
            .iter()
            .find(|d| d.form == key && d.field == field.key)
        {
            prop_assert_eq!(
                &draft.text,
                field.draft().0,
                "field {} of {}",
                field.key,
                key
            );
        }
    }
    Ok(())
}

fn run(steps: &[Step]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir, Lang::Vi, "chair", Role::Chair);
    let mut other = Store::open(&meeting_path(&dir), fast_options("lan", Role::Secretary)).unwrap();
    let mut size = (120u16, 40u16);
    for step in steps {
        match step {
            Step::Key(code, ctrl) => {
                let modifiers = if *ctrl {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::NONE
                };
                app.event(Event::Key(KeyEvent::new(*code, modifiers)));
            }
            Step::Paste(text) => app.event(Event::Paste(text.clone())),
            Step::Resize(w, h) => {
                size = (*w, *h);
                app.event(Event::Resize(*w, *h));
            }
            Step::Tick(seconds) => {
                let now = app.console.now + TimeDelta::seconds(*seconds);
                app.tick(now);
            }
            Step::Remote(n) => {
                remote_change(&mut other, *n);
                app.refresh();
            }
        }
        if app.quit {
            // Quitting is allowed; the model goes on with the same state.
            app.quit = false;
        }
        render(&app, size.0, size.1);
        drafts_match(&app)?;
    }
    app.refresh();
    let report = check(&meeting_path(&dir)).unwrap();
    prop_assert!(report.is_ok(), "{:?}", report);
    prop_assert_eq!(&replay(app.store()), app.store().record());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn the_console_survives_anything_and_loses_nothing(steps in prop::collection::vec(step(), 1..80)) {
        run(&steps)?;
    }
}
