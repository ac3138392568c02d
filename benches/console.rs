//! The console's own costs, each beside its baseline in the same run:
//! - one frame of the demo meeting at 160×48 on a TestBackend;
//! - one frame while typing in a form (a key typed, then the frame), drawn
//!   whole by ratatui as the loop did before issue 19, and by the loop's
//!   `Screen`, which sends only the rows that changed;
//! - one keystroke in a form, from key event to committed draft, against a
//!   bare rusqlite upsert of the same row under the same pragmas.
//!
//! cargo bench --bench console

use std::time::Duration;

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use gavel::domain::Role;
use gavel::i18n::Lang;
use gavel::runtime::{Program, Screen};
use gavel::store::{OpenOptions, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use rusqlite::{Connection, params};

fn demo_app(dir: &tempfile::TempDir) -> Program {
    let now = Utc.with_ymd_and_hms(2026, 2, 5, 2, 20, 0).unwrap();
    let path = dir.path().join("demo.gavel");
    drop(gavel::demo::create_demo(&path, OpenOptions::new("chair", Role::Chair), now).unwrap());
    let store = Store::open(&path, OpenOptions::new("lan", Role::Secretary)).unwrap();
    let view = gavel::ui::View::new(true, Default::default());
    let mut app = Program::live(store, Lang::Vi, now, view);
    app.resize(160, 48);
    app
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn render(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    // The clock moves on a second each frame, so the whole screen is drawn.
    c.bench_function("render_demo_frame_160x48", |b| {
        b.iter(|| {
            app.console.now += chrono::TimeDelta::seconds(1);
            terminal.draw(|frame| app.draw(frame)).unwrap();
        })
    });
}

fn typing_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_typing_in_form_160x48");
    // Before: ratatui's whole frame (the background copied from the view's
    // cache, then all cells compared and cleared).
    let dir = tempfile::tempdir().unwrap();
    let mut app = typing_app(&dir);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    let mut typed = false;
    group.bench_function("ratatui_whole_frame", |b| {
        b.iter(|| {
            app.event(key(next_key(&mut typed)), app.console.now);
            terminal.draw(|frame| app.draw(frame)).unwrap();
        })
    });
    // Now: the loop's screen, which keeps the last frame and sends only the
    // rows of the form and the footer.
    let dir = tempfile::tempdir().unwrap();
    let mut app = typing_app(&dir);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    let mut screen = Screen::default();
    group.bench_function("kept_screen", |b| {
        b.iter(|| {
            app.event(key(next_key(&mut typed)), app.console.now);
            screen.draw(&mut terminal, &mut app).unwrap();
        })
    });
    group.finish();
}

/// The demo with the issue form open and a few words typed.
fn typing_app(dir: &tempfile::TempDir) -> Program {
    let mut app = demo_app(dir);
    let now = app.console.now;
    app.event(key(KeyCode::Char('i')), now);
    app.event(Event::Paste("Đề nghị Sở công khai".to_string()), now);
    app
}

/// A letter, then a backspace: the text keeps its length.
fn next_key(typed: &mut bool) -> KeyCode {
    *typed = !*typed;
    if *typed {
        KeyCode::Char('ế')
    } else {
        KeyCode::Backspace
    }
}

fn keystroke(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("keystroke_in_form_to_committed_draft");
    group.measurement_time(Duration::from_secs(4));
    group.sample_size(50);

    // Baseline: the same row, upserted bare, WAL + synchronous=FULL.
    let conn = Connection::open(dir.path().join("bare.db")).unwrap();
    conn.pragma_update(None, "journal_mode", "wal").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.execute_batch(
        "CREATE TABLE drafts (actor TEXT NOT NULL, form TEXT NOT NULL, field TEXT NOT NULL,
            text TEXT NOT NULL, cursor INTEGER NOT NULL, updated_at TEXT NOT NULL,
            PRIMARY KEY (actor, form, field)) WITHOUT ROWID",
    )
    .unwrap();
    let mut upsert = conn
        .prepare(
            "INSERT INTO drafts VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (actor, form, field)
             DO UPDATE SET text = excluded.text, cursor = excluded.cursor, updated_at = excluded.updated_at",
        )
        .unwrap();
    let text = "Đề nghị Sở công khai tiến độ giải quyết hồ sơ trực tuyến";
    let texts = [text.to_string(), format!("{text}ế")];
    let mut n = 0;
    group.bench_function("bare_rusqlite_upsert", |b| {
        b.iter(|| {
            // The same two rows the console alternates between below.
            n += 1;
            let text = &texts[n % 2];
            upsert
                .execute(params![
                    "lan",
                    "issue/new",
                    "text",
                    text,
                    text.len() as i64,
                    "2026-02-05T02:20:00.000Z"
                ])
                .unwrap()
        })
    });

    let mut app = demo_app(&dir);
    let now = app.console.now;
    app.event(key(KeyCode::Char('i')), now);
    app.event(Event::Paste(text.to_string()), now);
    app.flush(now);
    let mut typed = false;
    group.bench_function("gavel_key_event_to_committed_draft", |b| {
        b.iter(|| {
            // Type a letter, then take it back: the text keeps its size.
            let code = if typed {
                KeyCode::Backspace
            } else {
                KeyCode::Char('ế')
            };
            typed = !typed;
            app.event(key(code), now);
            app.flush(now);
        })
    });
    group.finish();
}

criterion_group!(benches, render, typing_frame, keystroke);
criterion_main!(benches);
