//! Where `gavel export -o` writes: never over a meeting (this one, by any
//! spelling, or its `-wal`/`-shm`/`-journal` files, open or closed; nor
//! another meeting), and whole or not at all — an export killed mid-way,
//! or whose writing fails, leaves the previous export as it was.

mod common;

use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::*;
use gavel::domain::Role;
use gavel::generate::{Size, create_large};
use gavel::store::Store;

fn text(path: &Path) -> String {
    path.display().to_string()
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// The bytes of the meeting file and of the files SQLite keeps beside it.
fn snapshot(meeting: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let path = with_suffix(meeting, suffix);
            let bytes = std::fs::read(&path).ok();
            (path, bytes)
        })
        .collect()
}

fn assert_checks(meeting: &Path) {
    let (code, stdout, stderr) = finished(gavel_command().args(["check", &text(meeting)]));
    assert_eq!(code, Some(0), "gavel check: {stdout}{stderr}");
}

/// `gavel export MEETING ARGS…` is refused as a usage error, in one line
/// that names what it refused, and changes no byte of `meeting`.
fn assert_refused(meeting: &Path, args: &[&str], named: &str) -> String {
    let before = snapshot(meeting);
    let (code, stdout, stderr) = finished(gavel_command().arg("export").arg(meeting).args(args));
    assert_eq!(code, Some(2), "{args:?} was not refused: {stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "not one line: {stderr}"
    );
    assert!(stderr.contains(named), "{named} is not named: {stderr}");
    assert!(
        snapshot(meeting) == before,
        "{args:?} changed the meeting's files"
    );
    stderr
}

#[test]
fn the_meeting_itself_by_any_spelling_is_refused_as_output() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = write_demo(&dir, "chair");
    let same = text(&meeting);
    let message = assert_refused(&meeting, &["--format", "md", "-o", &same], &same);
    assert!(message.contains("this meeting"), "{message}");

    let spelled = dir.path().join(".").join("meeting.gavel");
    assert_refused(&meeting, &["--format", "json", "-o", &text(&spelled)], "");

    let hard = dir.path().join("hard-link.md");
    std::fs::hard_link(&meeting, &hard).unwrap();
    assert_refused(
        &meeting,
        &["--format", "md", "-o", &text(&hard)],
        "hard-link.md",
    );

    let other = tempfile::tempdir().unwrap();
    let soft = other.path().join("minutes.md");
    std::os::unix::fs::symlink(&meeting, &soft).unwrap();
    assert_refused(
        &meeting,
        &["--format", "md", "-o", &text(&soft)],
        "minutes.md",
    );
    assert_refused(
        &meeting,
        &["--format", "docx", "-o", &text(&soft)],
        "minutes.md",
    );
    assert_checks(&meeting);
}

#[test]
fn the_wal_of_a_closed_meeting_is_refused_and_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = write_demo(&dir, "chair");
    for suffix in ["-wal", "-shm", "-journal"] {
        let sidecar = with_suffix(&meeting, suffix);
        assert!(!sidecar.exists(), "the demo left {sidecar:?}");
        assert_refused(&meeting, &["--format", "md", "-o", &text(&sidecar)], suffix);
        assert!(!sidecar.exists(), "{sidecar:?} was created");
        // Nor a folder of that name, for the CSV tables.
        assert_refused(
            &meeting,
            &["--format", "csv", "-o", &text(&sidecar)],
            suffix,
        );
        assert!(!sidecar.exists(), "{sidecar:?} was created");
    }
    // Through a symlink to the name the WAL would have.
    let link = dir.path().join("out.json");
    std::os::unix::fs::symlink("meeting.gavel-wal", &link).unwrap();
    assert_refused(
        &meeting,
        &["--format", "json", "-o", &text(&link)],
        "out.json",
    );
    assert!(!with_suffix(&meeting, "-wal").exists());
    assert_checks(&meeting);
}

#[test]
fn the_wal_of_an_open_meeting_is_refused_and_the_console_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = write_demo(&dir, "chair");
    let mut store = Store::open(&meeting, options("lan", Role::Secretary)).unwrap();
    store.execute(issue("Trước khi xuất")).unwrap();
    let wal = with_suffix(&meeting, "-wal");
    assert!(wal.exists(), "an open meeting has its WAL");
    assert_refused(&meeting, &["--format", "md", "-o", &text(&wal)], "-wal");
    let shm = with_suffix(&meeting, "-shm");
    assert_refused(&meeting, &["--format", "json", "-o", &text(&shm)], "-shm");

    store.execute(issue("Sau khi xuất")).unwrap();
    drop(store);
    assert_checks(&meeting);
    let store = Store::open(&meeting, options("x", Role::Observer)).unwrap();
    let texts: Vec<_> = store.record().issues.values().map(|i| &i.text).collect();
    assert!(texts.iter().any(|t| *t == "Trước khi xuất"));
    assert!(texts.iter().any(|t| *t == "Sau khi xuất"));
}

#[test]
fn another_meeting_is_never_replaced_by_an_export() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = write_demo(&dir, "chair");
    let elsewhere = tempfile::tempdir().unwrap();
    let other = write_demo(&elsewhere, "chair");
    let before = snapshot(&other);
    let message = assert_refused(&meeting, &["--format", "md", "-o", &text(&other)], "");
    assert!(message.contains("another gavel meeting"), "{message}");
    // A WAL beside it would be taken as its own when it is next opened.
    let wal = with_suffix(&other, "-wal");
    assert_refused(&meeting, &["--format", "json", "-o", &text(&wal)], "-wal");
    assert!(snapshot(&other) == before, "the other meeting changed");
    assert_checks(&other);

    // The CSV tables: each of the three files is looked at before any is
    // written.
    let tables = dir.path().join("tables");
    std::fs::create_dir(&tables).unwrap();
    drop(
        gavel::demo::create_demo(
            &tables.join("turns.csv"),
            options("chair", Role::Chair),
            demo_now(),
        )
        .unwrap(),
    );
    let before = snapshot(&tables.join("turns.csv"));
    assert_refused(
        &meeting,
        &["--format", "csv", "-o", &text(&tables)],
        "turns.csv",
    );
    assert!(snapshot(&tables.join("turns.csv")) == before);
    assert!(!tables.join("issues.csv").exists(), "a table was written");
    assert!(!tables.join("actions.csv").exists(), "a table was written");
}

#[test]
fn vietnamese_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = write_demo(&dir, "chair");
    let (code, _, stderr) = finished(gavel_command().args([
        "export",
        &text(&meeting),
        "--format",
        "md",
        "--lang",
        "vi",
        "-o",
        &text(&meeting),
    ]));
    assert_eq!(code, Some(2));
    assert!(stderr.contains("không ghi bản xuất"), "{stderr}");
}

/// Everything in `folder` but `keep`: what an export left behind.
fn leftovers(folder: &Path, keep: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != keep)
        .collect();
    names.sort();
    names
}

fn json_export(meeting: &Path, out: &Path) -> std::process::Command {
    let mut command = gavel_command();
    command.args([
        "export",
        &text(meeting),
        "--format",
        "json",
        "-o",
        &text(out),
    ]);
    command
}

fn assert_previous_export(out: &Path, previous: &[u8], when: &str) {
    let now = std::fs::read(out).unwrap_or_default();
    assert!(
        now == previous,
        "{when}: out.json has {} bytes, the complete export {}",
        now.len(),
        previous.len()
    );
    serde_json::from_slice::<serde_json::Value>(&now).expect("valid JSON");
}

/// What a folder looks like: its names, and the export's size, inode and
/// time.
type Look = (Vec<String>, Option<(u64, u64, i64, i64)>);

fn look(folder: &Path, out: &Path) -> Look {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(out)
        .ok()
        .map(|m| (m.len(), m.ino(), m.mtime(), m.mtime_nsec()));
    (leftovers(folder, ""), meta)
}

#[test]
fn an_export_killed_mid_way_leaves_the_previous_one_whole() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = meeting_path(&dir);
    drop(
        create_large(
            &meeting,
            fast_options("chair", Role::Chair),
            Size::scaled(10),
            demo_now(),
        )
        .unwrap(),
    );
    // The export in a folder of its own: SQLite's files come and go beside
    // the meeting.
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("out.json");
    let started = Instant::now();
    let (code, _, stderr) = finished(&mut json_export(&meeting, &out));
    assert_eq!(code, Some(0), "{stderr}");
    let previous = std::fs::read(&out).unwrap();
    println!(
        "a complete export: {} bytes in {:?}",
        previous.len(),
        started.elapsed()
    );

    let mut kills = 0;
    for delay in [0, 1, 2, 5, 10, 20, 40, 80] {
        let mut child = json_export(&meeting, &out)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Waits for the export to start writing (something in its folder
        // changes), then gives it `delay` more milliseconds.
        let quiet = look(folder.path(), &out);
        while child.try_wait().unwrap().is_none() && look(folder.path(), &out) == quiet {
            std::thread::sleep(Duration::from_micros(200));
        }
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.signal() == Some(libc::SIGKILL) {
            kills += 1;
        } else {
            assert!(status.success(), "delay {delay} ms: {status:?}");
        }
        // The meeting did not change: the previous export and a new
        // complete one are the same bytes.
        assert_previous_export(&out, &previous, &format!("killed after {delay} ms"));
        for name in leftovers(folder.path(), "out.json") {
            assert!(
                name.starts_with(".out.json.tmp-"),
                "a visible leftover {name}"
            );
        }
    }
    assert!(kills >= 3, "only {kills} exports were killed while writing");
    // What the kills left behind does not stand in the way of the next one.
    let (code, _, stderr) = finished(&mut json_export(&meeting, &out));
    assert_eq!(code, Some(0), "{stderr}");
    assert_previous_export(&out, &previous, "after the kills");
    println!("{kills} exports killed while writing; the previous export stayed whole");
}

#[test]
fn an_export_whose_writing_fails_leaves_the_previous_one_and_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = write_demo(&dir, "chair");
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("out.json");
    let (code, _, stderr) = finished(&mut json_export(&meeting, &out));
    assert_eq!(code, Some(0), "{stderr}");
    let previous = std::fs::read(&out).unwrap();

    // A full disk, imitated: the child may not write past LIMIT bytes of any
    // file (RLIMIT_FSIZE; SIGXFSZ ignored, so the write fails with EFBIG
    // as it would with ENOSPC). SQLite's own writes stay below it.
    const LIMIT: u64 = 48 * 1024;
    assert!(
        previous.len() as u64 > LIMIT + 4096,
        "{} bytes",
        previous.len()
    );
    let mut command = json_export(&meeting, &out);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: LIMIT,
                rlim_max: LIMIT,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0
                || libc::signal(libc::SIGXFSZ, libc::SIG_IGN) == libc::SIG_ERR
            {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let (code, _, stderr) = finished(&mut command);
    assert_eq!(code, Some(1), "the export did not fail: {stderr}");
    assert!(stderr.contains("out.json"), "{stderr}");
    assert_previous_export(&out, &previous, "after a failed write");
    assert_eq!(leftovers(folder.path(), "out.json"), Vec::<String>::new());
    assert_checks(&meeting);
}

#[test]
fn an_export_replaces_the_previous_one_keeping_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let meeting = write_demo(&dir, "chair");
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("minutes.md");
    std::fs::write(&out, "an older, longer export ".repeat(10_000)).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    let (code, _, stderr) = finished(gavel_command().args([
        "export",
        &text(&meeting),
        "--format",
        "md",
        "-o",
        &text(&out),
    ]));
    assert_eq!(code, Some(0), "{stderr}");
    let minutes = std::fs::read_to_string(&out).unwrap();
    assert!(minutes.contains("MINUTES") && !minutes.contains("older"));
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(leftovers(folder.path(), "minutes.md"), Vec::<String>::new());

    // Through a symlink, the file it points to is replaced; the link stays.
    let link = folder.path().join("latest.md");
    std::os::unix::fs::symlink("minutes.md", &link).unwrap();
    std::fs::write(&out, "old").unwrap();
    let (code, _, stderr) = finished(gavel_command().args([
        "export",
        &text(&meeting),
        "--format",
        "md",
        "-o",
        &text(&link),
    ]));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(std::fs::read_to_string(&out).unwrap().contains("MINUTES"));

    // A device is written in place, as before.
    let (code, _, stderr) = finished(gavel_command().args([
        "export",
        &text(&meeting),
        "--format",
        "md",
        "-o",
        "/dev/null",
    ]));
    assert_eq!(code, Some(0), "{stderr}");
}
