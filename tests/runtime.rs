//! The runtime's loop — the one the binary runs — under ratatui's
//! `TestBackend`, fed by a scripted source: what is typed is in the file by
//! the time the frame shows it; a save closes the form; quitting and a
//! stop flag end the loop.

mod common;

use std::sync::atomic::AtomicBool;

use common::*;
use gavel::app::Mode;
use gavel::domain::Role;
use gavel::i18n::Lang;
use gavel::runtime::{Program, Scripted, run};
use gavel::store::Store;
use gavel::ui::View;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(terminal: &Terminal<TestBackend>) -> String {
    buffer_text(terminal.backend().buffer())
}

fn program(dir: &tempfile::TempDir) -> Program {
    let path = write_demo(dir, "chair");
    let store = Store::open(&path, fast_options("lan", Role::Secretary)).unwrap();
    let mut program = Program::live(
        store,
        Lang::Vi,
        demo_now(),
        View::new(true, Default::default()),
    );
    program.resize(120, 36);
    program
}

#[test]
fn what_the_loop_draws_is_in_the_file_and_a_save_closes_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut program = program(&dir);
    let mut terminal = Terminal::new(TestBackend::new(120, 36)).unwrap();
    let stop = AtomicBool::new(false);
    let issues = program.record().issues.len();

    let mut typing = Scripted::new(demo_now()).keys("iĐề nghị công khai tiến độ");
    run(&mut terminal, &mut program, &mut typing, &stop).unwrap();
    let shown = screen(&terminal);
    assert!(shown.contains("Ghi phản ánh, kiến nghị"), "{shown}");
    assert!(shown.contains("Đề nghị công khai tiến độ"), "{shown}");
    // On screen means in the file: another connection reads it there.
    let draft = text_draft(&meeting_path(&dir), "lan", Role::Secretary);
    assert_eq!(draft.text, "Đề nghị công khai tiến độ");

    let mut saving = Scripted::new(demo_now()).keys("<c-s>");
    run(&mut terminal, &mut program, &mut saving, &stop).unwrap();
    assert_eq!(program.console.mode(), Mode::Panes);
    let shown = screen(&terminal);
    assert!(!shown.contains("Ghi phản ánh, kiến nghị"), "{shown}");
    let seq = program.record().last_seq;
    assert!(shown.contains(&format!("Đã lưu (#{seq})")), "{shown}");
    let store = Store::open(&meeting_path(&dir), options("x", Role::Observer)).unwrap();
    assert_eq!(store.record().issues.len(), issues + 1);
}

#[test]
fn a_paste_is_one_edit_and_a_resize_redraws_at_the_new_size() {
    use ratatui::crossterm::event::Event;
    let dir = tempfile::tempdir().unwrap();
    let mut program = program(&dir);
    let mut terminal = Terminal::new(TestBackend::new(120, 36)).unwrap();
    let stop = AtomicBool::new(false);
    let mut source = Scripted::new(demo_now())
        .keys("i")
        .event(Event::Paste("Dán một lần".into()))
        .event(Event::Resize(80, 24));
    terminal.backend_mut().resize(80, 24);
    run(&mut terminal, &mut program, &mut source, &stop).unwrap();
    let shown = screen(&terminal);
    assert_eq!(shown.lines().count(), 24);
    assert!(shown.contains("Dán một lần"), "{shown}");
}

#[test]
fn quitting_and_a_stop_end_the_loop() {
    let dir = tempfile::tempdir().unwrap();
    let mut program = program(&dir);
    let mut terminal = Terminal::new(TestBackend::new(120, 36)).unwrap();
    let stop = AtomicBool::new(false);
    // The keys after q are never read.
    let mut source = Scripted::new(demo_now()).keys("qiSau khi thoát");
    run(&mut terminal, &mut program, &mut source, &stop).unwrap();
    assert!(program.quit);
    assert_eq!(program.console.mode(), Mode::Panes);

    let mut program = program_again(&dir);
    let stopped = AtomicBool::new(true);
    let mut source = Scripted::new(demo_now()).keys("iKhông bao giờ");
    run(&mut terminal, &mut program, &mut source, &stopped).unwrap();
    assert_eq!(
        program.console.mode(),
        Mode::Panes,
        "a signal stops before any key"
    );
}

fn program_again(dir: &tempfile::TempDir) -> Program {
    let store = Store::open(&meeting_path(dir), fast_options("lan", Role::Secretary)).unwrap();
    Program::live(store, Lang::Vi, demo_now(), View::default())
}

/// A source that types, pauses (the loop draws and reads the others'
/// changes), and lets another console commit in between.
enum Step {
    Key(&'static str),
    Pause,
    Peer(Box<dyn FnOnce()>),
}

struct Steps {
    steps: std::collections::VecDeque<Step>,
}

impl gavel::runtime::EventSource for Steps {
    fn next(&mut self, _timeout: std::time::Duration) -> std::io::Result<gavel::runtime::Next> {
        use gavel::runtime::Next;
        Ok(match self.steps.pop_front() {
            None => Next::End,
            Some(Step::Pause) => Next::Idle,
            Some(Step::Peer(commit)) => {
                commit();
                Next::Idle
            }
            Some(Step::Key(script)) => {
                let key = gavel::input::key::Key::script(script).unwrap()[0];
                Next::Event(ratatui::crossterm::event::Event::Key(
                    gavel::runtime::event_of(&key),
                ))
            }
        })
    }

    fn now(&mut self) -> gavel::domain::Timestamp {
        demo_now()
    }
}

/// The same state drawn whole on a new terminal by a new view.
fn drawn_afresh(program: &Program) -> String {
    screen(&render_program(program, 120, 36))
}

#[test]
fn while_typing_only_the_form_is_redrawn_yet_a_change_from_another_console_shows() {
    let dir = tempfile::tempdir().unwrap();
    let mut program = program(&dir);
    let mut terminal = Terminal::new(TestBackend::new(120, 36)).unwrap();
    let stop = AtomicBool::new(false);
    let path = meeting_path(&dir);
    let peer: Box<dyn FnOnce()> = Box::new(move || {
        let mut chair = Store::open(&path, fast_options("chair", Role::Chair)).unwrap();
        chair
            .execute(issue("Kiến nghị mới từ bàn chủ tọa"))
            .unwrap();
    });
    // Keys one by one, each drawn before the next: after the form opens,
    // a frame redraws the form's rows and the footer's only.
    let mut source = Steps {
        steps: [
            Step::Key("i"),
            Step::Pause,
            Step::Key("Đ"),
            Step::Pause,
            Step::Key("ề"),
            Step::Pause,
            Step::Peer(peer),
            Step::Key(" "),
            Step::Pause,
            Step::Key("n"),
        ]
        .into_iter()
        .collect(),
    };
    run(&mut terminal, &mut program, &mut source, &stop).unwrap();
    let shown = screen(&terminal);
    assert!(shown.contains("Đề n"), "{shown}");
    assert!(
        program
            .record()
            .issues
            .values()
            .any(|i| i.text == "Kiến nghị mới từ bàn chủ tọa")
    );
    // What the terminal shows is the whole frame of the state now: the
    // panes behind the form took the other console's issue.
    assert_eq!(shown, drawn_afresh(&program));
    assert!(shown.contains("Kiến nghị mới từ bàn chủ tọa"), "{shown}");
}

/// Each key drawn by the loop's `Screen` into the terminal it keeps: the
/// terminal then holds, cell for cell and style for style, the whole frame
/// of the state drawn afresh, and the cursor where that frame puts it.
fn assert_each_frame_whole(
    terminal: &mut Terminal<TestBackend>,
    kept: &mut gavel::runtime::Screen,
    program: &mut Program,
    keys: &str,
) {
    use ratatui::backend::Backend;
    for key in gavel::input::key::Key::script(keys).unwrap() {
        let event = ratatui::crossterm::event::Event::Key(gavel::runtime::event_of(&key));
        program.event(event, demo_now());
        program.flush(demo_now());
        kept.draw(terminal, program).unwrap();
        let mut fresh = render_program(program, 120, 36);
        assert_eq!(
            as_seen(terminal.backend().buffer()),
            as_seen(fresh.backend().buffer()),
            "after {key:?}:\n{}",
            screen(terminal)
        );
        if program.view.cursor().is_some() {
            assert_eq!(
                terminal.backend_mut().get_cursor_position().unwrap(),
                fresh.backend_mut().get_cursor_position().unwrap(),
                "the cursor after {key:?}"
            );
        }
    }
}

/// The cells as a terminal shows them: a cell under the second half of a
/// wide letter is not seen (and never sent), whatever it holds.
fn as_seen(buffer: &ratatui::buffer::Buffer) -> ratatui::buffer::Buffer {
    use unicode_width::UnicodeWidthStr;
    let mut seen = buffer.clone();
    let width = usize::from(buffer.area.width);
    for row in seen.content.chunks_mut(width) {
        let mut hidden = 0;
        for cell in row {
            if hidden > 0 {
                hidden -= 1;
                cell.reset();
            } else {
                hidden = cell.symbol().width().saturating_sub(1);
            }
        }
    }
    seen
}

#[test]
fn typing_redraws_the_field_alone_yet_every_frame_is_the_whole_state() {
    let dir = tempfile::tempdir().unwrap();
    let mut program = program(&dir);
    let mut terminal = Terminal::new(TestBackend::new(120, 36)).unwrap();
    let mut kept = gavel::runtime::Screen::default();
    // The issue's text: wrapped onto more lines than the field shows, so
    // it scrolls; wide letters, edits inside it, the cursor moved.
    let long = "Đề nghị Sở Tư pháp công khai tiến độ giải quyết hồ sơ 世界 ".repeat(9);
    let keys = format!("i{long}<bs><bs><left><left>ễ<home>Ở<end><bs>");
    assert_each_frame_whole(&mut terminal, &mut kept, &mut program, &keys);
    // Another field (one line, scrolled sideways), then back.
    let keys = format!(
        "<s-tab>{}<s-tab><tab><tab>x",
        "Cấp phiếu lý lịch tư pháp ".repeat(4)
    );
    assert_each_frame_whole(&mut terminal, &mut kept, &mut program, &keys);
    // The file held by another process: the footer says what waits.
    let path = meeting_path(&dir);
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    assert_each_frame_whole(&mut terminal, &mut kept, &mut program, "ab");
    let shown = screen(&terminal);
    holder.execute_batch("ROLLBACK").unwrap();
    assert_each_frame_whole(&mut terminal, &mut kept, &mut program, "c");
    assert_ne!(shown, screen(&terminal), "the footer said the wait");
    let draft = text_draft(&meeting_path(&dir), "lan", Role::Secretary);
    assert!(draft.text.ends_with("xabc"), "{}", draft.text);
}
