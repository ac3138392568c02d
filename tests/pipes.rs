//! `-` is the standard output for every `-o` and the standard input for
//! `import` (with `--input-format`): a meeting exported into a pipe and
//! imported from one is the same meeting, hash for hash; the Word minutes
//! and the follow-up report go into a pipe byte for byte as into a file; a
//! participants list typed into the standard input is imported; the
//! standard input without `--input-format` is refused, in either language,
//! and no file named `-` is ever written.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

use common::*;
use gavel::domain::Role;
use gavel::store::Store;

fn gavel(args: &[&str]) -> Output {
    gavel_command().args(args).output().expect("run gavel")
}

fn ok(output: Output) -> Vec<u8> {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// `gavel ARGS` with `input` on its standard input.
fn gavel_fed(args: &[&str], input: &[u8]) -> Output {
    let mut child = gavel_command()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gavel");
    // gavel may refuse before it reads what it is given (a usage error):
    // then its end of the pipe is closed already.
    match child.stdin.take().unwrap().write_all(input) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
        written => written.unwrap(),
    }
    child.wait_with_output().unwrap()
}

fn hashes(file: &Path) -> Vec<String> {
    Store::open(file, options("reader", Role::Observer))
        .unwrap()
        .entries_after(0)
        .unwrap()
        .into_iter()
        .map(|entry| entry.hash)
        .collect()
}

#[test]
fn a_meeting_goes_through_a_pipe_and_comes_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_demo(&dir, "chair");
    let meeting = file.to_str().unwrap();
    let json = ok(gavel(&["export", meeting, "--format", "json", "-o", "-"]));
    let to_file = dir.path().join("meeting.json");
    ok(gavel(&[
        "export",
        meeting,
        "--format",
        "json",
        "-o",
        to_file.to_str().unwrap(),
    ]));
    assert_eq!(json, std::fs::read(&to_file).unwrap());

    let copy = dir.path().join("copy.gavel");
    let copy_path = copy.to_str().unwrap();
    let output = gavel_fed(&["import", copy_path, "-", "--input-format", "json"], &json);
    ok(output);
    assert_eq!(hashes(&copy), hashes(&file));
    assert!(!dir.path().join("-").exists(), "no file named -");
}

#[test]
fn documents_go_into_a_pipe_as_into_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_demo(&dir, "chair");
    let meeting = file.to_str().unwrap();
    let cases: [&[&str]; 5] = [
        &["export", meeting, "--format", "docx", "--lang", "vi"],
        &["export", meeting, "--format", "md", "--lang", "vi"],
        &["export", meeting, "--format", "csv", "--table", "issues"],
        &[
            "followup",
            meeting,
            "--format",
            "docx",
            "--today",
            "02/03/2026",
        ],
        &[
            "followup",
            meeting,
            "--format",
            "json",
            "--today",
            "02/03/2026",
        ],
    ];
    for (n, args) in cases.iter().enumerate() {
        let out = dir.path().join(format!("out-{n}"));
        ok(gavel(&[args, &["-o", out.to_str().unwrap()][..]].concat()));
        let piped = ok(gavel(&[args, &["-o", "-"][..]].concat()));
        assert_eq!(piped, std::fs::read(&out).unwrap(), "{args:?}");
        assert!(!piped.is_empty());
    }
    assert!(!dir.path().join("-").exists(), "no file named -");
    assert!(!Path::new("-").exists(), "no file named - here either");
}

#[test]
fn a_participants_list_is_read_from_the_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_demo(&dir, "chair");
    let meeting = file.to_str().unwrap();
    let list = "name,organization,position\nNguyễn Văn Mới,Công ty TNHH Mới,Giám đốc\n";
    let output = gavel_fed(
        &["import", meeting, "-", "--input-format", "csv"],
        list.as_bytes(),
    );
    let said = String::from_utf8(ok(output)).unwrap();
    assert!(said.contains("1 participant"), "{said}");
    let store = Store::open(&file, options("reader", Role::Observer)).unwrap();
    let added = store
        .record()
        .participants
        .values()
        .find(|p| p.name == "Nguyễn Văn Mới")
        .expect("imported");
    assert_eq!(added.organization, "Công ty TNHH Mới");

    // A damaged list from the standard input: refused, named as such.
    let output = gavel_fed(
        &[
            "import",
            meeting,
            "-",
            "--input-format",
            "csv",
            "--lang",
            "vi",
        ],
        b"name,organization\n\"bad\n",
    );
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("đầu vào chuẩn: dòng 2"), "{err}");
}

#[test]
fn the_standard_input_needs_its_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_demo(&dir, "chair");
    let before = std::fs::read(&file).unwrap();
    for (lang, words) in [("en", "add --input-format"), ("vi", "thêm --input-format")] {
        let output = gavel_fed(
            &["import", file.to_str().unwrap(), "-", "--lang", lang],
            b"name\nA\n",
        );
        assert_eq!(output.status.code(), Some(2));
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(err.contains(words), "{err}");
    }
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the meeting untouched"
    );
}
