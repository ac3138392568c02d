//! What people expect of a program in their terminal (issue 21, item 6):
//! Ctrl-Z gives the shell back and `fg` the whole console, with what was
//! being typed; the window's title names the meeting while gavel runs and
//! is put back after; the mouse is asked for clicks and the wheel only,
//! and the wheel scrolls the pane under the pointer.
//!
//! The terminal is tmux on a private server, a shell in its pane: gavel is
//! a job of that shell, as it is for a person.

mod common;

use std::path::Path;
use std::time::Duration;

use common::tmux::{Tmux, signal};
use common::*;
use gavel::app::{Console, Effect, Mode, Msg, Pane, update, window_title};
use gavel::domain::Role;
use gavel::i18n::Lang;
use gavel::input::key::Key;
use gavel::store::Store;
use gavel::ui::layout;
use ratatui::crossterm::event::{Event, KeyModifiers, MouseEvent, MouseEventKind};

const WAIT: Duration = Duration::from_secs(15);

/// The shell's prompt: nothing gavel draws looks like it.
const PROMPT: &str = "shell>";

/// An interactive shell (job control on) in a new tmux session, with a
/// title of its own that gavel must leave as it found it.
fn shell(tmux: &Tmux, session: &str, width: u16, height: u16) {
    tmux.start(
        session,
        width,
        height,
        &format!("env PS1='{PROMPT} ' bash --norc --noprofile -i"),
    );
    tmux.wait_for(session, WAIT, |s| s.contains(PROMPT));
    tmux.type_text(session, r"printf '\033]2;%s\033\\' 'the shell'");
    tmux.keys(session, &["Enter"]);
    wait_title(tmux, session, "the shell");
}

fn wait_title(tmux: &Tmux, session: &str, wanted: &str) {
    let start = std::time::Instant::now();
    loop {
        let title = tmux.format(session, "#{pane_title}");
        if title == wanted {
            return;
        }
        assert!(
            start.elapsed() < WAIT,
            "the title is {title:?}, not {wanted:?}"
        );
        std::thread::sleep(Duration::from_millis(30));
    }
}

/// Runs gavel in the session's shell.
fn run_gavel(tmux: &Tmux, session: &str, path: &Path, extra: &str) {
    let command = format!("{} {extra}", console_command(path, "secretary", "Lan"));
    tmux.type_text(session, command.trim_end());
    tmux.keys(session, &["Enter"]);
    tmux.wait_for(session, WAIT, |s| s.contains("Phản ánh, kiến nghị"));
}

/// The state letter of a process (R, S, T for stopped...).
fn state(pid: i32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit(')')
        .next()
        .and_then(|rest| rest.trim_start().chars().next())
        .unwrap_or('?')
}

fn wait_state(pid: i32, wanted: char) {
    let start = std::time::Instant::now();
    while state(pid) != wanted {
        assert!(
            start.elapsed() < WAIT,
            "gavel {pid} is in state {}, not {wanted}",
            state(pid)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_whole_console_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let meeting = read_record(&path);
    let tmux = Tmux::new("suspend");
    shell(&tmux, "z", 100, 30);
    run_gavel(&tmux, "z", &path, "");
    let gavel = tmux.pane_program("z");
    // The title names the meeting while gavel runs.
    let title = window_title(&meeting);
    assert!(
        title.starts_with(&format!(
            "gavel — {}",
            meeting.meeting.details.title.split(' ').next().unwrap()
        )),
        "{title}"
    );
    wait_title(&tmux, "z", &title);

    tmux.keys("z", &["i"]);
    tmux.wait_for("z", WAIT, |s| s.contains("Ghi phản ánh"));
    tmux.type_text("z", "Đường ngập nước");
    tmux.wait_for("z", WAIT, |s| s.contains("Đường ngập nước"));

    tmux.keys("z", &["C-z"]);
    // The shell's screen and prompt are back, gavel a stopped job; the
    // shell's own title is back too.
    let screen = tmux.wait_for("z", WAIT, |s| {
        s.contains("Stopped") && s.trim_end().ends_with(PROMPT.trim_end())
    });
    assert!(!screen.contains("Phản ánh, kiến nghị"), "{screen}");
    wait_state(gavel, 'T');
    wait_title(&tmux, "z", "the shell");
    assert_eq!(tmux.format("z", "#{alternate_on}"), "0", "alternate screen");
    assert_eq!(tmux.format("z", "#{mouse_any_flag}"), "0", "mouse left on");
    assert_eq!(tmux.format("z", "#{cursor_flag}"), "1", "cursor hidden");
    // Cooked mode: the shell reads a line as typed.
    tmux.type_text("z", "jobs");
    tmux.keys("z", &["Enter"]);
    tmux.wait_for("z", WAIT, |s| {
        s.lines()
            .any(|l| l.contains("Stopped") && l.contains("gavel"))
            && s.matches("Stopped").count() >= 2
    });

    tmux.type_text("z", "fg");
    tmux.keys("z", &["Enter"]);
    // Drawn whole: the panes under the form, the header, the footer, not
    // only what changed (the alternate screen comes back empty).
    let screen = tmux.wait_for("z", WAIT, |s| {
        s.contains("Đường ngập nước") && s.contains("Chương trình") && s.contains("Phát biểu")
    });
    assert!(
        !screen.contains(PROMPT),
        "the shell shows through:\n{screen}"
    );
    assert!(
        !screen.contains("Stopped"),
        "the shell shows through:\n{screen}"
    );
    assert!(
        screen
            .lines()
            .next()
            .unwrap()
            .contains(meeting.meeting.details.title.split(' ').next().unwrap()),
        "no header:\n{screen}"
    );
    assert_ne!(state(gavel), 'T');
    wait_title(&tmux, "z", &title);

    // Typing goes on where it was; nothing typed is lost.
    tmux.type_text("z", " sau mưa");
    tmux.wait_for("z", WAIT, |s| s.contains("Đường ngập nước sau mưa"));
    signal(gavel, libc::SIGKILL);
    assert_eq!(
        text_draft(&path, "Lan", Role::Secretary).text,
        "Đường ngập nước sau mưa"
    );
    // Reopened, the form is there with the text, and saves.
    tmux.start(
        "again",
        100,
        30,
        &console_command(&path, "secretary", "Lan"),
    );
    tmux.wait_for("again", WAIT, |s| s.contains("Đường ngập nước sau mưa"));
    tmux.keys("again", &["C-s"]);
    let start = std::time::Instant::now();
    loop {
        let record = read_record(&path);
        if record
            .issues
            .values()
            .any(|i| i.text == "Đường ngập nước sau mưa")
        {
            break;
        }
        assert!(start.elapsed() < WAIT, "the issue was not saved");
        std::thread::sleep(Duration::from_millis(30));
    }
}

#[test]
fn the_hall_display_and_the_review_suspend_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let tmux = Tmux::new("suspend-others");
    for (session, command, shown) in [
        ("hall", "hall", "Hội nghị đối thoại"),
        ("review", "review", "Chương trình"),
    ] {
        shell(&tmux, session, 100, 30);
        let line = format!("{} {command} {} --lang vi", gavel_bin(), path.display());
        tmux.type_text(session, &line);
        tmux.keys(session, &["Enter"]);
        let before = tmux.wait_for(session, WAIT, |s| !s.contains(PROMPT) && s.contains(shown));
        let gavel = tmux.pane_program(session);
        std::thread::sleep(Duration::from_millis(300));
        tmux.keys(session, &["C-z"]);
        tmux.wait_for(session, WAIT, |s| s.contains("Stopped"));
        wait_state(gavel, 'T');
        wait_title(&tmux, session, "the shell");
        tmux.type_text(session, "fg");
        tmux.keys(session, &["Enter"]);
        let after = tmux.wait_for(session, WAIT, |s| !s.contains("Stopped"));
        assert!(
            !after.contains(PROMPT),
            "{command}: the shell shows through:\n{after}"
        );
        let first = |screen: &str| {
            screen
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(first(&after), first(&before), "{command}:\n{after}");
        assert!(after.contains(shown), "{command}:\n{after}");
        tmux.keys(session, &["q"]);
        tmux.wait_for(session, WAIT, |s| s.trim_end().ends_with(PROMPT.trim_end()));
        wait_title(&tmux, session, "the shell");
    }
}

/// What gavel writes to its terminal, as tmux's pane receives it.
fn piped(tmux: &Tmux, session: &str, file: &Path) {
    tmux.pipe_pane(session, &format!("cat >> {}", file.display()));
}

#[test]
fn the_mouse_is_asked_for_clicks_and_the_wheel_only_and_given_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let tmux = Tmux::new("mouse");
    for (session, extra) in [("mouse", ""), ("none", "--no-mouse")] {
        shell(&tmux, session, 100, 30);
        let output = dir.path().join(format!("{session}.out"));
        piped(&tmux, session, &output);
        run_gavel(&tmux, session, &path, extra);
        let mouse = extra.is_empty();
        let flag = |name: &str| tmux.format(session, &format!("#{{{name}}}"));
        assert_eq!(flag("mouse_standard_flag"), if mouse { "1" } else { "0" });
        assert_eq!(flag("mouse_sgr_flag"), if mouse { "1" } else { "0" });
        assert_eq!(flag("mouse_button_flag"), "0", "drags are not asked for");
        assert_eq!(flag("mouse_all_flag"), "0", "movements are not asked for");
        tmux.keys(session, &["q"]);
        tmux.wait_for(session, WAIT, |s| s.trim_end().ends_with(PROMPT.trim_end()));
        assert_eq!(flag("mouse_any_flag"), "0", "given back");
        wait_title(&tmux, session, "the shell");
        let start = std::time::Instant::now();
        let written = loop {
            let written = std::fs::read(&output).unwrap_or_default();
            if written.windows(7).any(|w| w == b"\x1b[23;0t") {
                break String::from_utf8_lossy(&written).into_owned();
            }
            assert!(start.elapsed() < WAIT, "no title popped");
            std::thread::sleep(Duration::from_millis(30));
        };
        for unwanted in ["\x1b[?1002h", "\x1b[?1003h", "\x1b[?1015h"] {
            assert!(
                !written.contains(unwanted),
                "{session}: {unwanted:?} written"
            );
        }
        for sequence in ["\x1b[?1000h", "\x1b[?1006h"] {
            assert_eq!(written.contains(sequence), mouse, "{session}: {sequence:?}");
        }
        // The title is pushed before it is set, and popped after.
        let push = written.find("\x1b[22;0t").expect("title pushed");
        let set = written.find("\x1b]2;gavel — ").expect("title set");
        let pop = written.rfind("\x1b[23;0t").unwrap();
        assert!(push < set && set < pop, "{session}");
    }
}

/// The SGR report of a wheel notch at a cell (1-based, as terminals count).
fn wheel(down: bool, column: u16, row: u16) -> Vec<u8> {
    let button = if down { 65 } else { 64 };
    format!("\x1b[<{button};{};{}M", column + 1, row + 1).into_bytes()
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer_in_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let record = read_record(&path);
    let tmux = Tmux::new("wheel");
    let (width, height) = (100, 30);
    shell(&tmux, "w", width, height);
    run_gavel(&tmux, "w", &path, "");
    // The participants share the corner with the actions: shown with 5.
    tmux.keys("w", &["5"]);
    let screen = layout::screen(ratatui::layout::Rect::new(0, 0, width, height));
    let people = screen.panes[Pane::Participants.index()];
    let names: Vec<String> = gavel::app::Console::new(Lang::Vi, Role::Secretary, demo_now())
        .rows(&record, Pane::Participants)
        .iter()
        .map(|id| record.participants[id].name.clone())
        .collect();
    let first = names[0].clone();
    let fourth = names[3].clone();
    let row_of = |screen: &str, name: &str| {
        screen
            .lines()
            .position(|line| line.contains(name))
            .map(|row| row as u16)
    };
    let before = tmux.wait_for("w", WAIT, |s| s.contains(&first));
    assert_eq!(row_of(&before, &first), Some(people.y + 1), "{before}");
    // Focus back on the agenda: the wheel needs no focus.
    tmux.keys("w", &["1"]);
    tmux.raw("w", &wheel(true, people.x + 3, people.y + 2));
    let after = tmux.wait_for("w", WAIT, |s| !s.contains(&first));
    assert_eq!(row_of(&after, &fourth), Some(people.y + 1), "{after}");
    tmux.raw("w", &wheel(false, people.x + 3, people.y + 2));
    tmux.wait_for("w", WAIT, |s| row_of(s, &first) == Some(people.y + 1));
    // Over the header nothing moves.
    tmux.raw("w", &wheel(true, 3, 0));
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(row_of(&tmux.screen("w"), &first), Some(people.y + 1));
    tmux.keys("w", &["q"]);
}

// ----- the console's model and the runtime, without a terminal --------------

fn scrolled(console: &mut Console, record: &gavel::domain::Record, pane: Pane, lines: isize) {
    let effects = update(console, record, Msg::Scroll { pane, lines });
    assert!(effects.is_empty());
}

#[test]
fn the_wheel_moves_the_list_under_it_and_the_selection_only_to_stay_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let record = read_record(&path);
    let mut console = Console::new(Lang::Vi, Role::Chair, demo_now());
    update(&mut console, &record, Msg::Resize(layout::viewport(80, 24)));
    let height = console.viewport.list_rows[Pane::Participants.index()];
    let rows = console.rows(&record, Pane::Participants);
    assert!(rows.len() > height + 6, "the demo has a long list");
    let focus = console.focus;
    assert_ne!(focus, Pane::Participants);

    scrolled(&mut console, &record, Pane::Participants, 3);
    let state = console.pane(Pane::Participants).clone();
    assert_eq!(state.offset, 3);
    // The first row went out of view: the selection is the first shown.
    assert_eq!(console.selected(&record, Pane::Participants), Some(rows[3]));
    assert_eq!(console.focus, focus, "the focus stays");
    // Back up: the selection is in view, it stays.
    scrolled(&mut console, &record, Pane::Participants, -2);
    assert_eq!(console.pane(Pane::Participants).offset, 1);
    assert_eq!(console.selected(&record, Pane::Participants), Some(rows[3]));
    // Past either end: the list stops at its last page and its top.
    scrolled(&mut console, &record, Pane::Participants, 10_000);
    assert_eq!(console.pane(Pane::Participants).offset, rows.len() - height);
    assert_eq!(
        console.selected(&record, Pane::Participants),
        Some(rows[rows.len() - height])
    );
    scrolled(&mut console, &record, Pane::Participants, -10_000);
    assert_eq!(console.pane(Pane::Participants).offset, 0);
    // The other panes did not move.
    for pane in [Pane::Agenda, Pane::Speakers, Pane::Issues, Pane::Actions] {
        assert_eq!(console.pane(pane).offset, 0, "{pane:?}");
    }

    // Under a form the list stays still.
    update(&mut console, &record, Msg::Key(Key::char('i')));
    assert_eq!(console.mode(), Mode::Form);
    scrolled(&mut console, &record, Pane::Participants, 3);
    assert_eq!(console.pane(Pane::Participants).offset, 0);
}

#[test]
fn the_wheel_scrolls_the_help_when_it_is_on_top() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let record = read_record(&path);
    let mut console = Console::new(Lang::Vi, Role::Chair, demo_now());
    update(&mut console, &record, Msg::Resize(layout::viewport(60, 20)));
    update(&mut console, &record, Msg::Key(Key::char('?')));
    assert_eq!(console.mode(), Mode::Help);
    let scroll = |console: &Console| match console.layers.last() {
        Some(gavel::app::Layer::Help { scroll }) => *scroll,
        other => panic!("{other:?}"),
    };
    scrolled(&mut console, &record, Pane::Agenda, 3);
    assert_eq!(scroll(&console), 3);
    scrolled(&mut console, &record, Pane::Agenda, -3);
    assert_eq!(scroll(&console), 0);
}

#[test]
fn ctrl_z_suspends_from_every_layer_and_leaves_it_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let record = read_record(&path);
    let ctrl_z = Msg::Key(Key::ctrl('z'));
    let mut console = Console::new(Lang::Vi, Role::Chair, demo_now());
    for (opening, mode) in [
        ("", Mode::Panes),
        ("i", Mode::Form),
        ("?", Mode::Help),
        ("h", Mode::Hall),
        ("/", Mode::Search),
        ("5c", Mode::RollCall),
        ("1X", Mode::Papers),
    ] {
        let mut console = console.clone();
        for key in Key::script(opening).unwrap() {
            update(&mut console, &record, Msg::Key(key));
        }
        for key in Key::script("Lan")
            .unwrap()
            .into_iter()
            .filter(|_| mode == Mode::Form)
        {
            update(&mut console, &record, Msg::Key(key));
        }
        assert_eq!(console.mode(), mode, "after {opening:?}");
        let before = console.clone();
        let effects = update(&mut console, &record, ctrl_z.clone());
        assert_eq!(effects, vec![Effect::Suspend], "{mode:?}");
        assert_eq!(console.mode(), mode, "{mode:?}: the layer stays");
        if mode == Mode::Form {
            assert_eq!(console.form(), before.form(), "the form as it was");
        }
    }
    // In review and on the hall display alone too.
    console = Console::reviewing(Lang::Vi, demo_now());
    assert_eq!(
        update(&mut console, &record, ctrl_z.clone()),
        vec![Effect::Suspend]
    );
    console = Console::hall(Lang::Vi, gavel::app::HallTheme::Dark, demo_now());
    assert_eq!(update(&mut console, &record, ctrl_z), vec![Effect::Suspend]);
}

#[test]
fn ctrl_z_is_in_the_help_in_both_languages() {
    for (lang, words) in [(Lang::En, "suspend (fg"), (Lang::Vi, "tạm rời (gõ fg")] {
        let console = Console::new(lang, Role::Chair, demo_now());
        let sections = gavel::app::help::sections(&console);
        let line = sections[0]
            .lines
            .iter()
            .find(|line| line.keys == "Ctrl-Z")
            .unwrap_or_else(|| panic!("{lang:?}: no Ctrl-Z in {:?}", sections[0].lines));
        assert!(line.what.contains(words), "{lang:?}: {}", line.what);
    }
}

#[test]
fn a_wheel_event_reaches_the_pane_the_layout_puts_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir, Lang::Vi, "Minh", Role::Chair);
    for (width, height) in [(80, 24), (160, 48)] {
        app.resize(width, height);
        let screen = layout::screen(ratatui::layout::Rect::new(0, 0, width, height));
        for pane in [
            Pane::Agenda,
            Pane::Speakers,
            Pane::Issues,
            Pane::Participants,
        ] {
            // The shared corner shows the pane focused last of the two.
            if pane == Pane::Participants {
                keys(&mut app, "5");
            }
            keys(&mut app, "1");
            let rows = app.rows(pane).len();
            let area = screen.panes[pane.index()];
            let before = app.console.pane(pane).offset;
            app.event(Event::Mouse(MouseEvent {
                kind: MouseEventKind::ScrollDown,
                column: area.x + area.width / 2,
                row: area.y + area.height / 2,
                modifiers: KeyModifiers::NONE,
            }));
            let moved = app.console.pane(pane).offset;
            let room = app.console.viewport.list_rows[pane.index()];
            let expected = (before + 3).min(rows.saturating_sub(room));
            assert_eq!(moved, expected, "{pane:?} at {width}×{height}");
            assert_eq!(app.console.focus, Pane::Agenda, "{pane:?}");
            app.event(Event::Mouse(MouseEvent {
                kind: MouseEventKind::ScrollUp,
                column: area.x + 1,
                row: area.bottom() - 1,
                modifiers: KeyModifiers::NONE,
            }));
            assert_eq!(app.console.pane(pane).offset, before, "{pane:?}");
        }
    }
    // Too small for panes: the wheel hits nothing.
    app.resize(50, 12);
    let before: Vec<usize> = Pane::ALL
        .iter()
        .map(|p| app.console.pane(*p).offset)
        .collect();
    app.event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 10,
        row: 8,
        modifiers: KeyModifiers::NONE,
    }));
    let after: Vec<usize> = Pane::ALL
        .iter()
        .map(|p| app.console.pane(*p).offset)
        .collect();
    assert_eq!(before, after);
}

#[test]
fn ctrl_z_in_the_loop_keeps_the_form_and_the_keys_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir, Lang::Vi, "Minh", Role::Chair);
    // The test's backend has nothing to suspend: the loop goes on, and
    // the keys typed after Ctrl-Z are applied after it.
    app.run(gavel::runtime::Scripted::new(demo_now()).keys("iĐèn<c-z> hỏng"));
    assert_eq!(app.mode(), Mode::Form);
    let store = Store::open(&meeting_path(&dir), options("Minh", Role::Chair)).unwrap();
    assert!(
        store.drafts().unwrap().iter().any(|d| d.text == "Đèn hỏng"),
        "{:?}",
        store.drafts().unwrap()
    );
}
