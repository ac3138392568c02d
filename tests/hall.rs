//! The hall display (`gavel hall`, `h` in the console): snapshots on the
//! demo meeting at three sizes with a speaker within time, over time and
//! nobody speaking; the themes; following another process's changes; never
//! writing; and any size, down to one cell.

mod common;

use chrono::TimeDelta;
use common::*;
use gavel::app::HallTheme;
use gavel::domain::*;
use gavel::i18n::Lang;
use gavel::store::Store;
use gavel::ui::hall::HallScreen;
use ratatui::style::Color;

/// The demo meeting on the wall, as `gavel hall` opens it.
fn hall(dir: &tempfile::TempDir, lang: Lang, theme: HallTheme) -> App {
    if !meeting_path(dir).exists() {
        drop(demo_app(dir, Lang::Vi, "chair", Role::Chair));
    }
    let store = Store::open(&meeting_path(dir), options("projector", Role::Observer)).unwrap();
    let view = gavel::ui::View::new(true, Default::default());
    App::on(
        gavel::runtime::Program::hall(store, lang, theme, demo_now(), view),
        demo_now(),
    )
}

fn chair(dir: &tempfile::TempDir) -> Store {
    Store::open(&meeting_path(dir), fast_options("chair", Role::Chair)).unwrap()
}

fn state(app: &App) -> HallScreen {
    HallScreen::new(app.record(), app.console.now)
}

/// Gives the floor until nobody is left: the last speaker finishes.
fn empty_the_queue(dir: &tempfile::TempDir) {
    let mut chair = chair(dir);
    let mut at = demo_now();
    while chair.record().current_speaker().is_some() {
        at += TimeDelta::seconds(1);
        chair.execute_at(Command::NextSpeaker, at).unwrap();
    }
}

/// Rows of the screen with ink from the big digits.
fn digit_rows(screen: &str) -> usize {
    screen
        .lines()
        .filter(|line| line.contains(['█', '▀', '▄']))
        .count()
}

// ----- snapshots ------------------------------------------------------------

#[test]
fn snapshot_within_time() {
    let dir = tempfile::tempdir().unwrap();
    let app = hall(&dir, Lang::Vi, HallTheme::Dark);
    let speaker = state(&app).speaker.unwrap();
    assert_eq!(speaker.name, "Lý Minh Khôi");
    assert!(speaker.clock.remaining() > TimeDelta::zero());
    insta::assert_snapshot!("within_time_80x24", render(&app, 80, 24).backend());
    insta::assert_snapshot!("within_time_160x48", render(&app, 160, 48).backend());
    insta::assert_snapshot!("within_time_300x80", render(&app, 300, 80).backend());
}

#[test]
fn snapshot_over_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = hall(&dir, Lang::Vi, HallTheme::Dark);
    app.tick(demo_now() + TimeDelta::seconds(100));
    let clock = state(&app).speaker.unwrap().clock;
    assert_eq!(clock.remaining(), TimeDelta::seconds(-20));
    insta::assert_snapshot!("over_time_80x24", render(&app, 80, 24).backend());
    insta::assert_snapshot!("over_time_160x48", render(&app, 160, 48).backend());
    insta::assert_snapshot!("over_time_300x80", render(&app, 300, 80).backend());
}

#[test]
fn snapshot_nobody_speaking() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = hall(&dir, Lang::Vi, HallTheme::Dark);
    empty_the_queue(&dir);
    app.refresh();
    let screen = state(&app);
    assert!(screen.speaker.is_none() && screen.next.is_empty());
    insta::assert_snapshot!("nobody_80x24", render(&app, 80, 24).backend());
    insta::assert_snapshot!("nobody_160x48", render(&app, 160, 48).backend());
    insta::assert_snapshot!("nobody_300x80", render(&app, 300, 80).backend());
}

#[test]
fn snapshot_in_english_paused_with_the_list_closed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = hall(&dir, Lang::En, HallTheme::Dark);
    let mut chair = chair(&dir);
    chair
        .execute_at(Command::TogglePause, demo_now() + TimeDelta::seconds(1))
        .unwrap();
    chair
        .execute_at(
            Command::SetQueueClosed(true),
            demo_now() + TimeDelta::seconds(2),
        )
        .unwrap();
    app.refresh();
    app.tick(demo_now() + TimeDelta::seconds(90));
    let screen = state(&app);
    assert!(screen.speaker.as_ref().unwrap().clock.paused);
    assert!(screen.queue_closed);
    insta::assert_snapshot!("paused_closed_en_100x30", render(&app, 100, 30).backend());
}

#[test]
fn snapshot_light_theme() {
    let dir = tempfile::tempdir().unwrap();
    let app = hall(&dir, Lang::Vi, HallTheme::Light);
    let terminal = render(&app, 80, 24);
    insta::assert_snapshot!("light_80x24", terminal.backend());
    // Black on white everywhere, green digits (1:20 left of 3:00).
    let buffer = terminal.backend().buffer();
    for (x, y) in [(0, 0), (79, 0), (0, 23), (40, 12)] {
        assert_eq!(buffer[(x, y)].bg, Color::White, "cell {x},{y}");
    }
    assert_eq!(buffer[(0, 0)].fg, Color::Black);
    let digit_colours: Vec<Color> = buffer
        .content()
        .iter()
        .filter(|cell| cell.symbol() == "█")
        .map(|cell| cell.fg)
        .collect();
    assert!(!digit_colours.is_empty());
    assert!(digit_colours.iter().all(|c| *c == Color::Green));
}

// ----- colours: green, yellow in the last quarter, red when over ------------

fn digit_colour(app: &App) -> Color {
    let terminal = render(app, 160, 48);
    let buffer = terminal.backend().buffer();
    let cell = buffer
        .content()
        .iter()
        .find(|cell| cell.symbol() == "█")
        .expect("big digits on the screen");
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| c.symbol() != "█" || c.fg == cell.fg)
    );
    cell.fg
}

#[test]
fn the_countdown_turns_yellow_then_red_and_ticks_each_second() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = hall(&dir, Lang::Vi, HallTheme::Dark);
    assert_eq!(digit_colour(&app), Color::LightGreen);
    let left = state(&app).speaker.unwrap().clock.remaining();
    app.tick(demo_now() + TimeDelta::seconds(1));
    assert_eq!(
        state(&app).speaker.unwrap().clock.remaining(),
        left - TimeDelta::seconds(1)
    );
    // 1:20 left of 3:00: the last quarter begins at 0:45 left.
    app.tick(demo_now() + TimeDelta::seconds(40));
    assert_eq!(digit_colour(&app), Color::LightYellow);
    app.tick(demo_now() + TimeDelta::seconds(81));
    assert_eq!(digit_colour(&app), Color::LightRed);
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("quá giờ"), "{screen}");
    // NO_COLOR: no colour at all.
    app.view.color = false;
    let terminal = render(&app, 160, 48);
    assert!(
        terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
}

// ----- size ---------------------------------------------------------------

#[test]
fn the_digits_grow_with_the_screen_and_give_way_to_text_on_a_small_one() {
    let dir = tempfile::tempdir().unwrap();
    let app = hall(&dir, Lang::Vi, HallTheme::Dark);
    let heights: Vec<usize> = [(80, 24), (160, 48), (300, 80), (400, 120)]
        .iter()
        .map(|(w, h)| digit_rows(&screen_text(&app, *w, *h)))
        .collect();
    assert_eq!(heights, [7, 18, 32, 46]);
    // Below the smallest digits: plain text, and the name is still there.
    let small = screen_text(&app, 30, 8);
    assert_eq!(digit_rows(&small), 0, "{small}");
    assert!(small.contains("1:20 còn"), "{small}");
    assert!(small.contains("Lý Minh Khôi"), "{small}");
}

#[test]
fn any_size_draws_without_a_panic_down_to_one_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = hall(&dir, Lang::Vi, HallTheme::Light);
    let mut sizes: Vec<(u16, u16)> = vec![(1, 1), (2, 1), (1, 2), (500, 200), (1000, 3)];
    for w in (1..=100).step_by(3) {
        for h in 1..=30 {
            sizes.push((w, h));
        }
    }
    for (w, h) in &sizes {
        render(&app, *w, *h);
    }
    app.tick(demo_now() + TimeDelta::seconds(4000));
    empty_the_queue(&dir);
    for (w, h) in &sizes {
        render(&app, *w, *h);
    }
    app.refresh();
    for (w, h) in &sizes {
        render(&app, *w, *h);
    }
}

// ----- live ---------------------------------------------------------------

#[test]
fn a_change_by_the_chair_shows_after_a_refresh() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = hall(&dir, Lang::Vi, HallTheme::Dark);
    let before = state(&app);
    let head = before.next[0].clone();
    assert_eq!(head.kind, RequestKind::PointOfOrder);
    let mut chair = chair(&dir);
    chair
        .execute_at(Command::NextSpeaker, demo_now() + TimeDelta::seconds(1))
        .unwrap();
    assert_eq!(state(&app), before, "not before the change feed is read");
    assert!(app.refresh());
    let after = state(&app);
    let speaker = after.speaker.as_ref().unwrap();
    assert_eq!(speaker.name, head.name);
    assert_eq!(speaker.kind, RequestKind::PointOfOrder);
    assert_eq!(after.next[0], before.next[1]);
    assert_eq!(after.waiting, before.waiting - 1);
    let screen = screen_text(&app, 160, 48);
    assert!(screen.contains(&head.name), "{screen}");
    assert!(screen.contains("VỀ TRÌNH TỰ"), "{screen}");
    // Closing the list shows too.
    chair.execute(Command::SetQueueClosed(true)).unwrap();
    assert!(app.refresh());
    assert!(state(&app).queue_closed);
    assert!(screen_text(&app, 80, 24).contains("Đã khóa danh sách phát biểu"));
}

#[test]
fn a_point_of_order_is_marked_in_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    let app = hall(&dir, Lang::En, HallTheme::Dark);
    let screen = screen_text(&app, 80, 24);
    let line = screen
        .lines()
        .find(|line| line.contains("1. "))
        .expect("the queue");
    assert!(line.contains("POINT OF ORDER"), "{screen}");
    assert!(screen.contains("[reply]"), "{screen}");
}

// ----- read-only, public --------------------------------------------------

#[test]
fn the_hall_view_never_writes_whatever_is_pressed() {
    use ratatui::crossterm::event::{
        Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
    };
    let dir = tempfile::tempdir().unwrap();
    let mut app = hall(&dir, Lang::Vi, HallTheme::Dark);
    assert_eq!(app.session.role(), Role::Observer);
    let journal = |dir: &tempfile::TempDir| {
        let store = chair(dir);
        let entries = store.entries_after(0).unwrap();
        (entries.len(), entries.last().map(|e| e.hash.clone()))
    };
    let before = journal(&dir);
    let before_state = state(&app);
    let mut codes: Vec<KeyCode> = (' '..='~')
        .chain("ếđươăâêôàáạảã".chars())
        .map(KeyCode::Char)
        .collect();
    codes.extend([
        KeyCode::Enter,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Insert,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
    ]);
    codes.extend((1..=12).map(KeyCode::F));
    for modifiers in [
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    ] {
        for code in &codes {
            app.event(Event::Key(KeyEvent::new(*code, modifiers)));
        }
    }
    app.event(Event::Paste("Kiến nghị\x1b[2J".into()));
    app.event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    }));
    app.tick(demo_now() + TimeDelta::seconds(5));
    app.program.close(demo_now());
    assert!(app.quit, "q quits the hall");
    assert!(app.console.hall_view().is_some(), "the wall stays the wall");
    assert_eq!(journal(&dir), before);
    assert_eq!(state(&app).title, before_state.title);
    // The connection itself cannot write: SQLite opened it read-only.
    let refused = app
        .store()
        .connection()
        .execute("CREATE TABLE intruder (x)", []);
    assert!(refused.is_err());
}

#[test]
fn nothing_private_reaches_the_wall() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = hall(&dir, Lang::Vi, HallTheme::Dark);
    let mut private: Vec<String> = Vec::new();
    let record = app.record();
    private.extend(
        record
            .participants
            .values()
            .filter(|p| !p.contact.is_empty())
            .map(|p| p.contact.clone()),
    );
    private.extend(record.issues.values().map(|i| i.text.clone()));
    private.extend(
        record
            .requests
            .values()
            .filter(|r| !r.topic.is_empty())
            .map(|r| r.topic.clone()),
    );
    assert!(private.len() > 10);
    let mut chair = chair(&dir);
    // The one on the wall now, with a phone and an address for the written
    // reply: the name shows, the contact does not.
    let speaker = app.record().current_speaker().unwrap().participant;
    let person = app.record().participants[&speaker].clone();
    let mut fields = ParticipantFields::of(&person);
    fields.contact = "0903 555 777, 12 Lý Thường Kiệt".into();
    chair
        .execute(Command::EditParticipant {
            id: speaker,
            base_rev: person.rev,
            fields,
        })
        .unwrap();
    private.push("0903 555 777".into());
    private.push("12 Lý Thường Kiệt".into());
    // A draft somebody is typing.
    chair
        .save_drafts("issue/new", &[("text", "Bản nháp riêng tư", 3)])
        .unwrap();
    private.push("Bản nháp riêng tư".into());
    app.refresh();
    for (w, h) in [(80, 24), (160, 48), (300, 80)] {
        let screen = screen_text(&app, w, h);
        let shown: String = person.name.chars().take(10).collect();
        assert!(
            screen.contains(&shown),
            "{shown:?} not on the wall:\n{screen}"
        );
        for text in &private {
            let start: String = text.chars().take(16).collect();
            assert!(
                !screen.contains(&start),
                "{start:?} is on the wall:\n{screen}"
            );
        }
    }
}

#[test]
fn hostile_names_are_neutralised_on_the_wall() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = hall(&dir, Lang::Vi, HallTheme::Dark);
    let mut chair = chair(&dir);
    chair
        .execute(Command::RequestFloor {
            speaker: Speaker::New {
                name: "Kẻ\x1b]0;pwned\x07 Lạ\u{202e}".into(),
                organization: "\x1b[2JCông ty".into(),
            },
            kind: RequestKind::PointOfOrder,
            topic: String::new(),
        })
        .unwrap();
    chair.execute(Command::NextSpeaker).unwrap();
    app.refresh();
    app.console.now = gavel::store::now();
    let screen = screen_text(&app, 120, 30);
    assert!(screen.contains("Kẻ"), "{screen}");
    assert!(!screen.contains(['\x1b', '\x07', '\u{202e}']), "{screen:?}");
}

// ----- the console's key --------------------------------------------------

#[test]
fn h_in_the_console_switches_to_the_hall_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir, Lang::Vi, "chair", Role::Chair);
    let speaking = app.record().current_speaker().unwrap().id;
    keys(&mut app, "h");
    assert!(app.console.hall_view().is_some());
    let screen = screen_text(&app, 80, 24);
    assert!(
        screen.contains("q thoát") && digit_rows(&screen) > 0,
        "{screen}"
    );
    assert!(
        !screen.contains("Phân công"),
        "no panes on the wall:\n{screen}"
    );
    // On the wall the console's keys do nothing.
    keys(&mut app, "n1ax");
    assert_eq!(app.record().current_speaker().unwrap().id, speaking);
    assert!(app.console.hall_view().is_some());
    keys(&mut app, "h");
    assert!(app.console.hall_view().is_none());
    keys(&mut app, "hq");
    assert!(
        app.console.hall_view().is_none() && !app.quit,
        "q leaves the wall, not gavel"
    );
    keys(&mut app, "h<esc>");
    assert!(app.console.hall_view().is_none() && !app.quit);
    keys(&mut app, "h<c-c>");
    assert!(app.console.hall_view().is_none() && app.quit);
}

#[test]
fn the_help_lists_the_hall_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir, Lang::En, "chair", Role::Chair);
    keys(&mut app, "?");
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("h  hall display (projector)"), "{screen}");
}

#[test]
fn in_gavel_hall_h_stays_and_q_quits() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = hall(&dir, Lang::Vi, HallTheme::Dark);
    keys(&mut app, "h");
    assert!(app.console.hall_view().is_some() && !app.quit);
    keys(&mut app, "q");
    assert!(app.console.hall_view().is_some() && app.quit);
}

/// The real binary on a projector-sized terminal: it speaks the meeting's
/// language unless told otherwise, follows the chair live, and leaves on `q`.
#[test]
fn gavel_hall_in_a_real_terminal_speaks_the_meetings_language_and_follows_the_chair() {
    use common::tmux::Tmux;
    use std::time::Duration;
    const WAIT: Duration = Duration::from_secs(15);
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let tmux = Tmux::new("hall");
    let command = |extra: &str| format!("{} hall {} {extra}", gavel_bin(), path.display());
    // The locale is English (C.UTF-8), the meeting Vietnamese.
    tmux.start("vi", 120, 36, &command(""));
    let screen = tmux.wait_for("vi", WAIT, |s| s.contains("Tiếp theo"));
    assert!(
        screen.contains("q thoát") && !screen.contains("Next"),
        "{screen}"
    );
    tmux.start("en", 120, 36, &command("--lang en"));
    tmux.wait_for("en", WAIT, |s| {
        s.contains("Next") && s.contains("q to leave")
    });

    // The chair gives the floor to the next speaker: the wall follows.
    let speaking = |store: &Store| {
        let record = store.record();
        let request = record.current_speaker().expect("someone has the floor");
        record.participant_name(request.participant).to_string()
    };
    let mut store = chair(&dir);
    let before = speaking(&store);
    store.execute(Command::NextSpeaker).unwrap();
    let after = speaking(&store);
    assert_ne!(before, after);
    tmux.wait_for("vi", WAIT, |s| s.contains(&after) && !s.contains(&before));

    tmux.keys("vi", &["q"]);
    assert!(tmux.wait_gone("vi", WAIT), "q leaves the hall view");
}
