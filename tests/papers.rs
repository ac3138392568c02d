//! Every document from the console (`X` in the agenda pane): the export
//! menu lists the papers, a digit or Enter writes one beside the meeting
//! file, the footer says where; a paper the record cannot give yet (a
//! notice without a conclusion) is refused with the reason, nothing
//! written; the bytes are those `gavel export` writes. Driven through the
//! runtime's loop, the one the binary runs, under `TestBackend`.

mod common;

use std::sync::atomic::AtomicBool;

use common::*;
use gavel::app::Mode;
use gavel::domain::Role;
use gavel::export::minutes::{Minutes, Notice, Upward};
use gavel::i18n::Lang;
use gavel::runtime::{Program, Scripted, run};
use gavel::store::Store;
use gavel::ui::View;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(terminal: &Terminal<TestBackend>) -> String {
    buffer_text(terminal.backend().buffer())
}

fn console(path: &std::path::Path, role: Role, width: u16, height: u16) -> Program {
    let store = Store::open(path, fast_options("lan", role)).unwrap();
    let mut program = Program::live(
        store,
        Lang::Vi,
        demo_now(),
        View::new(true, Default::default()),
    );
    program.resize(width, height);
    program
}

/// Types `keys` into `program` and returns the screen after them.
fn type_keys(program: &mut Program, terminal: &mut Terminal<TestBackend>, keys: &str) -> String {
    let stop = AtomicBool::new(false);
    let mut source = Scripted::new(demo_now()).keys(keys);
    run(terminal, program, &mut source, &stop).unwrap();
    screen(terminal)
}

#[test]
fn the_menu_lists_the_papers_and_a_digit_writes_one_beside_the_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let mut program = console(&path, Role::Secretary, 80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();

    let shown = type_keys(&mut program, &mut terminal, "1X");
    assert_eq!(program.console.mode(), Mode::Papers);
    insta::assert_snapshot!("papers_menu_80x24", shown);

    let shown = type_keys(&mut program, &mut terminal, "1");
    assert_eq!(program.console.mode(), Mode::Panes, "the menu closes");
    let minutes = dir.path().join("meeting-bien-ban.docx");
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    let expected = Minutes::read(&store).unwrap().docx(Lang::Vi).unwrap();
    assert_eq!(
        std::fs::read(&minutes).unwrap(),
        expected,
        "what gavel export writes"
    );
    assert!(shown.contains("Đã ghi văn bản:"), "{shown}");

    // Down twice and Enter: the third line, the report upward in Word.
    type_keys(&mut program, &mut terminal, "X<down><down><enter>");
    let upward = std::fs::read(dir.path().join("meeting-bao-cao-vuot-tham-quyen.docx")).unwrap();
    let expected = Upward::of(store.record(), Lang::Vi)
        .unwrap()
        .docx()
        .unwrap();
    assert_eq!(upward, expected);

    // The fifth: the minutes in Markdown.
    type_keys(&mut program, &mut terminal, "X5");
    let markdown = std::fs::read_to_string(dir.path().join("meeting-bien-ban.md")).unwrap();
    assert_eq!(markdown, Minutes::read(&store).unwrap().markdown(Lang::Vi));

    // The follow-up report, as Markdown (dated by the console's clock) and
    // as a table with Vietnamese headers.
    type_keys(&mut program, &mut terminal, "X8X9");
    let report =
        std::fs::read_to_string(dir.path().join("meeting-bao-cao-ket-qua-xu-ly.md")).unwrap();
    assert!(report.contains("BÁO CÁO"), "{report}");
    assert!(report.contains("ngày 05 tháng 02 năm 2026"), "{report}");
    let table =
        std::fs::read_to_string(dir.path().join("meeting-bao-cao-ket-qua-xu-ly.csv")).unwrap();
    let header = table.lines().next().unwrap_or_default().to_string();
    assert!(gavel::i18n::looks_vietnamese(&header), "{header}");

    // The notice, as Word; Esc closes the menu without writing.
    type_keys(&mut program, &mut terminal, "X2");
    let notice = std::fs::read(dir.path().join("meeting-thong-bao-ket-luan.docx")).unwrap();
    let expected = Notice::of(store.record(), Lang::Vi)
        .unwrap()
        .docx()
        .unwrap();
    assert_eq!(notice, expected);
    let before = std::fs::read_dir(dir.path()).unwrap().count();
    type_keys(&mut program, &mut terminal, "X<esc>");
    assert_eq!(program.console.mode(), Mode::Panes);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), before);
}

#[test]
fn an_observer_may_write_the_papers_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let mut program = console(&path, Role::Observer, 80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let shown = type_keys(&mut program, &mut terminal, "1X1");
    assert!(
        dir.path().join("meeting-bien-ban.docx").is_file(),
        "{shown}"
    );
}

#[test]
fn a_notice_without_a_conclusion_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    drop(new_meeting(&path));
    let mut program = console(&path, Role::Chair, 100, 30);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let shown = type_keys(&mut program, &mut terminal, "1X2");
    assert!(shown.contains("Chưa ghi được văn bản"), "{shown}");
    assert!(shown.contains("Chưa có kết luận"), "{shown}");
    assert!(!dir.path().join("meeting-thong-bao-ket-luan.docx").exists());
}

#[test]
fn a_paper_that_cannot_be_written_says_why_and_the_console_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    // A folder where the file would go: it cannot be replaced.
    std::fs::create_dir(dir.path().join("meeting-bien-ban.docx")).unwrap();
    let mut program = console(&path, Role::Chair, 100, 30);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let shown = type_keys(&mut program, &mut terminal, "1X1");
    assert!(shown.contains("Chưa ghi được văn bản"), "{shown}");
    // Why, in Vietnamese: not the system's "Is a directory".
    assert!(shown.contains("đây là một thư mục"), "{shown}");
    assert!(!shown.contains("directory"), "{shown}");
    assert_eq!(program.console.mode(), Mode::Panes);
    // The console still records.
    let issues = program.record().issues.len();
    type_keys(&mut program, &mut terminal, "iMột ý kiến<c-s>");
    assert_eq!(program.record().issues.len(), issues + 1);
}

#[test]
fn the_menu_fits_a_small_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let mut program = console(&path, Role::Chair, 60, 20);
    let mut terminal = Terminal::new(TestBackend::new(60, 20)).unwrap();
    let shown = type_keys(&mut program, &mut terminal, "1X");
    insta::assert_snapshot!("papers_menu_60x20", shown);
}

/// The real binary in a real terminal (tmux): `1`, `X`, `1` write the Word
/// minutes beside the meeting, the bytes `gavel export` writes.
#[test]
fn in_the_real_console_three_keys_write_the_minutes_that_gavel_export_writes() {
    use common::tmux::Tmux;
    const WAIT: std::time::Duration = std::time::Duration::from_secs(20);
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let tmux = Tmux::new("papers");
    tmux.start(
        "console",
        80,
        24,
        &console_command(&path, "secretary", "lan"),
    );
    tmux.wait_for("console", WAIT, |s| s.contains("Phản ánh, kiến nghị"));
    tmux.keys("console", &["1", "X"]);
    tmux.wait_for("console", WAIT, |s| s.contains("Xuất văn bản"));
    tmux.keys("console", &["1"]);
    tmux.wait_for("console", WAIT, |s| s.contains("Đã ghi văn bản"));
    tmux.keys("console", &["q"]);
    assert!(tmux.wait_gone("console", WAIT));

    let exported = dir.path().join("bien-ban.docx");
    let status = gavel_command()
        .arg("export")
        .arg(&path)
        .args(["--format", "docx", "--lang", "vi", "-o"])
        .arg(&exported)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(
        std::fs::read(dir.path().join("meeting-bien-ban.docx")).unwrap(),
        std::fs::read(&exported).unwrap()
    );
}
