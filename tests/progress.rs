//! Long work shows a line of progress on stderr when a person watches it
//! (stderr a terminal), and nothing when stderr is a file or a pipe or
//! `--quiet` is given; what is written is the same either way, and the
//! line is cleared when the work ends.

mod common;

use std::path::Path;

use common::memory::scaled_meeting;
use common::{gavel_command, with_stderr_on_a_terminal};

/// A line erased: what indicatif writes to clear the line it drew.
const ERASE_LINE: &[u8] = b"\x1b[2K";

fn export(file: &Path, out: &Path, extra: &[&str]) -> std::process::Command {
    let mut command = gavel_command();
    command
        .env("TERM", "xterm-256color")
        .arg("export")
        .arg(file)
        .args(["--format", "docx", "-o"])
        .arg(out)
        .args(extra);
    command
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_long_export_shows_its_progress_on_a_terminal_and_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = scaled_meeting(&dir, 8);
    let watched = dir.path().join("watched.docx");
    let (code, terminal, stdout) =
        with_stderr_on_a_terminal(&mut export(&meeting, &watched, &["--lang", "vi"]));
    assert_eq!(code, Some(0), "{}", text(&terminal));
    assert!(stdout.is_empty());
    let seen = text(&terminal);
    assert!(
        seen.contains(&format!("đang ghi {}", watched.display())),
        "the line names what is written, in Vietnamese: {seen:?}"
    );
    assert!(
        terminal.ends_with(ERASE_LINE) || text(&terminal).trim_end().ends_with("\x1b[2K"),
        "the line is cleared at the end: {seen:?}"
    );
    // Into a pipe nothing is drawn, and the document is the same.
    let piped = dir.path().join("piped.docx");
    let output = export(&meeting, &piped, &["--lang", "vi"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "nothing on a piped stderr: {:?}",
        text(&output.stderr)
    );
    assert_eq!(
        std::fs::read(&watched).unwrap(),
        std::fs::read(&piped).unwrap(),
        "the document does not depend on who watched"
    );
}

#[test]
fn quiet_draws_nothing_even_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = scaled_meeting(&dir, 20);
    let out = dir.path().join("quiet.docx");
    for quiet in ["--quiet", "-q"] {
        let (code, terminal, _) = with_stderr_on_a_terminal(&mut export(&meeting, &out, &[quiet]));
        assert_eq!(code, Some(0));
        assert!(terminal.is_empty(), "{quiet}: {:?}", text(&terminal));
    }
    // A terminal that cannot move its cursor gets no progress either.
    let mut dumb = export(&meeting, &out, &[]);
    dumb.env("TERM", "dumb");
    let (code, terminal, _) = with_stderr_on_a_terminal(&mut dumb);
    assert_eq!(code, Some(0));
    assert!(terminal.is_empty(), "TERM=dumb: {:?}", text(&terminal));
}

#[test]
fn an_error_is_said_on_a_clean_line() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = scaled_meeting(&dir, 20);
    // A folder that does not exist: the export fails after the line is
    // drawn; the error must not be glued to the progress line.
    let out = dir.path().join("no-such-folder").join("x.docx");
    let (code, terminal, _) = with_stderr_on_a_terminal(&mut export(&meeting, &out, &[]));
    assert_eq!(code, Some(1));
    let seen = text(&terminal);
    let error = seen
        .rfind("gavel:")
        .map(|at| &seen[at..])
        .unwrap_or_else(|| panic!("an error is said: {seen:?}"));
    assert!(error.contains("x.docx"), "{seen:?}");
    assert!(!error.contains("writing"), "{seen:?}");
    if let Some(line) = seen.find("writing") {
        let between = &seen[line..seen.rfind("gavel:").unwrap()];
        assert!(
            between.contains("\x1b[2K"),
            "the line is erased first: {seen:?}"
        );
    }
}

#[test]
fn an_import_shows_it_is_working_and_writes_the_same_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = scaled_meeting(&dir, 20);
    let json = dir.path().join("meeting.json");
    let exported = gavel_command()
        .arg("export")
        .arg(&meeting)
        .args(["--format", "json", "-o"])
        .arg(&json)
        .output()
        .unwrap();
    assert!(exported.status.success());
    let copy = dir.path().join("copy.gavel");
    let mut import = gavel_command();
    import
        .env("TERM", "xterm-256color")
        .arg("import")
        .arg(&copy)
        .arg(&json);
    let (code, terminal, stdout) = with_stderr_on_a_terminal(&mut import);
    let seen = text(&terminal);
    assert_eq!(code, Some(0), "{seen}");
    assert!(
        seen.contains(&format!(
            "importing {} into {}",
            json.display(),
            copy.display()
        )),
        "{seen:?}"
    );
    assert!(text(&stdout).contains("created"), "{}", text(&stdout));
    let check = gavel_command().arg("check").arg(&copy).output().unwrap();
    assert!(check.status.success(), "{}", text(&check.stdout));
}
