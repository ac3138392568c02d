//! `gavel doctor [FILE]` (issue 21, item 5): the lines about where gavel
//! runs, and for a meeting file whether a second account in its group can
//! open it to write, each ok or with the command that fixes it; checked
//! against the files' real modes, the fixes run as printed, and (as root,
//! where `useradd` exists) a real second account that writes exactly when
//! the doctor says it can.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::english::{prose, words};
use common::{finished, gavel_bin, gavel_command};
use serde_json::Value;

/// `gavel doctor ARGS` in a known terminal environment, in `lang`.
fn doctor(args: &[&str], lang: &str) -> (Option<i32>, String, String) {
    let mut command = gavel_command();
    command
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .env_remove("COLORTERM")
        .arg("doctor")
        .args(args)
        .args(["--lang", lang]);
    finished(&mut command)
}

/// A check of the JSON report: its id, status and fix commands.
type Check = (String, String, Vec<String>);

/// The report as JSON: its exit status and checks.
fn checks(args: &[&str]) -> (Option<i32>, Vec<Check>) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (code, out, err) = doctor(&all, "en");
    let document: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    assert_eq!(document["format"], "gavel-doctor");
    assert_eq!(document["exit_status"].as_i64(), code.map(i64::from));
    assert_eq!(document["ok"].as_bool(), Some(code == Some(0)));
    let lines = document["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|check| {
            let fixes = check["fix"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap().to_string())
                .collect();
            (
                check["id"].as_str().unwrap().to_string(),
                check["status"].as_str().unwrap().to_string(),
                fixes,
            )
        })
        .collect();
    (code, lines)
}

fn status_of(lines: &[Check], id: &str) -> (String, Vec<String>) {
    let (_, status, fixes) = lines
        .iter()
        .find(|(found, _, _)| found == id)
        .unwrap_or_else(|| panic!("no line {id}: {lines:?}"));
    (status.clone(), fixes.clone())
}

/// A meeting created with `--group` (mode 0660) at `path`.
fn new_meeting(path: &Path) {
    let (code, _, err) = finished(gavel_command().args([
        "new",
        path.to_str().unwrap(),
        "--title",
        "Hội nghị đối thoại",
        "--group",
    ]));
    assert_eq!(code, Some(0), "{err}");
}

/// Runs a fix as the doctor printed it, through the shell.
fn run_fix(command: &str) {
    let status = Command::new("sh").args(["-c", command]).status().unwrap();
    assert!(status.success(), "{command}");
}

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn the_first_lines_name_versions_config_language_and_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut command = gavel_command();
    command
        .env("LANG", "vi_VN.UTF-8")
        .env("TERM", "xterm-256color")
        .env("COLORTERM", "truecolor")
        .env_remove("NO_COLOR")
        .current_dir(dir.path())
        .args(["doctor", "--lang", "en"]);
    let (code, out, err) = finished(&mut command);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains(env!("CARGO_PKG_VERSION")), "{out}");
    assert!(out.contains(rusqlite::version()), "{out}");
    // The config file's path and where it was named.
    assert!(out.contains("/dev/null (named by GAVEL_CONFIG)"), "{out}");
    // The language of gavel, from the variable that chose it.
    assert!(
        out.contains("gavel's language is Vietnamese (from: LANG=vi_VN.UTF-8)"),
        "{out}"
    );
    assert!(out.contains("TERM=xterm-256color"), "{out}");
    assert!(
        out.contains("on (from: default); COLORTERM=truecolor"),
        "{out}"
    );
    assert!(
        out.contains("the standard output is not a terminal"),
        "{out}"
    );

    // --config names the file; NO_COLOR turns colour off, and says so;
    // LANGUAGE outranks LANG; no TERM is a note, not a failure.
    let config = dir.path().join("cấu hình.toml");
    fs::write(&config, "lang = \"en\"\n").unwrap();
    let mut command = gavel_command();
    command
        .env("LANG", "en_US.UTF-8")
        .env("LANGUAGE", "vi")
        .env("NO_COLOR", "1")
        .env_remove("TERM")
        .args(["doctor", "--config", config.to_str().unwrap()]);
    let (code, out, err) = finished(&mut command);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains(&format!("{} (given by --config): read", config.display())),
        "{out}"
    );
    assert!(out.contains("English (from: config file)"), "{out}");
    assert!(out.contains("off (from: NO_COLOR=1)"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("note") && l.contains("TERM=")),
        "{out}"
    );
    assert!(out.contains("run: export TERM=xterm-256color"), "{out}");

    let mut command = gavel_command();
    command
        .env("LANG", "en_US.UTF-8")
        .env("LANGUAGE", "vi:en")
        .args(["doctor"]);
    let (_, out, _) = finished(&mut command);
    assert!(out.contains("ngôn ngữ"), "LANGUAGE chose Vietnamese: {out}");
    assert!(out.contains("LANGUAGE=vi:en"), "{out}");
}

#[test]
fn a_broken_config_file_or_variable_is_a_line_to_fix_not_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    fs::write(&config, "lang = \n").unwrap();
    let mut command = gavel_command();
    command
        .env("GAVEL_CONFIG", &config)
        .args(["doctor", "--lang", "en"]);
    let (code, out, err) = finished(&mut command);
    assert_eq!(code, Some(1), "{out}{err}");
    let line = out.lines().find(|l| l.contains("config file")).unwrap();
    assert!(line.starts_with("FIX") && line.contains("line 1"), "{out}");
    assert!(
        out.contains(&format!("run: ${{EDITOR:-nano}} {}", config.display())),
        "{out}"
    );

    let mut command = gavel_command();
    command
        .env("GAVEL_LANG", "fr")
        .args(["doctor", "--lang", "en"]);
    let (code, out, _) = finished(&mut command);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("GAVEL_LANG=\"fr\""), "{out}");
    assert!(out.contains("run: unset GAVEL_LANG"), "{out}");
}

#[test]
fn a_folder_a_second_account_cannot_write_is_named_and_its_fix_makes_it_ok() {
    let dir = tempfile::tempdir().unwrap();
    // Vietnamese letters and a space: the fix is quoted for the shell.
    let folder = dir.path().join("họp tháng 3");
    fs::create_dir(&folder).unwrap();
    set_mode(&folder, 0o755);
    let file = folder.join("đối thoại.gavel");
    new_meeting(&file);
    let path = file.to_str().unwrap();

    let (code, lines) = checks(&[path]);
    assert_eq!(code, Some(1));
    let (status, fixes) = status_of(&lines, "folder");
    assert_eq!(status, "fix");
    let quoted = format!("'{}'", folder.display());
    assert_eq!(fixes, [format!("chmod g+ws {quoted}")]);
    // The file itself is shared already.
    assert_eq!(status_of(&lines, "file").0, "ok");
    assert_eq!(status_of(&lines, "meeting").0, "ok");

    let (_, text, _) = doctor(&[path], "en");
    let folder_line = text.lines().find(|l| l.contains(" folder ")).unwrap();
    assert!(
        folder_line.starts_with("FIX")
            && folder_line.contains("mode 0755")
            && folder_line.contains("the group cannot write in it")
            && folder_line.contains("no setgid bit"),
        "{text}"
    );
    assert!(
        text.contains(&format!("run: chmod g+ws {quoted}")),
        "{text}"
    );

    run_fix(&fixes[0]);
    assert_eq!(fs::metadata(&folder).unwrap().mode() & 0o7777, 0o2775);
    let (_, lines) = checks(&[path]);
    assert_eq!(status_of(&lines, "folder"), ("ok".into(), vec![]));

    // A private file: the group cannot read and write it.
    set_mode(&file, 0o600);
    let (_, lines) = checks(&[path]);
    let (status, fixes) = status_of(&lines, "file");
    assert_eq!(status, "fix");
    assert_eq!(fixes, [format!("chmod g+rw '{}'", file.display())]);
    run_fix(&fixes[0]);
    assert_eq!(fs::metadata(&file).unwrap().mode() & 0o777, 0o660);
    assert_eq!(status_of(&checks(&[path]).1, "file").0, "ok");
}

#[test]
fn the_doctor_changes_nothing_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.gavel");
    new_meeting(&file);
    let before = fs::read(&file).unwrap();
    let listing = |dir: &Path| -> BTreeSet<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    let names = listing(dir.path());
    let modified = fs::metadata(&file).unwrap().modified().unwrap();
    let (code, lines) = checks(&[file.to_str().unwrap()]);
    assert!(code.is_some());
    assert_eq!(status_of(&lines, "meeting").0, "ok");
    assert_eq!(status_of(&lines, "wal").0, "ok", "not there is fine");
    assert_eq!(listing(dir.path()), names, "no -wal, no -shm left");
    assert_eq!(fs::read(&file).unwrap(), before);
    assert_eq!(fs::metadata(&file).unwrap().modified().unwrap(), modified);
}

#[test]
fn a_missing_file_a_missing_folder_and_a_file_that_is_not_a_meeting() {
    let dir = tempfile::tempdir().unwrap();
    set_mode(dir.path(), 0o2770);
    let missing = dir.path().join("chưa có.gavel");
    let (code, out, err) = doctor(&[missing.to_str().unwrap()], "en");
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(!err.contains("panicked"), "{err}");
    let line = out.lines().find(|l| l.contains(" meeting ")).unwrap();
    assert!(
        line.starts_with("FIX") && line.contains("not there"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "run: gavel new '{}' --title TITLE --group",
            missing.display()
        )),
        "{out}"
    );
    // The folder is judged all the same: where the meeting is to go.
    assert!(out.lines().any(|l| l.contains(" folder ")), "{out}");

    let nowhere = dir.path().join("không có/a.gavel");
    let (code, out, _) = doctor(&[nowhere.to_str().unwrap()], "en");
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(&format!(
            "run: sudo install -d -m 2770 -g GROUP '{}'",
            dir.path().join("không có").display()
        )),
        "{out}"
    );

    let text = dir.path().join("text.gavel");
    fs::write(&text, "Biên bản hội nghị\n".repeat(40)).unwrap();
    let other = dir.path().join("other.gavel");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE contacts (name TEXT);")
        .unwrap();
    drop(conn);
    for (file, said) in [
        (&text, "not a sqlite database"),
        (&other, "a sqlite database of another program"),
    ] {
        let (code, out, err) = doctor(&[file.to_str().unwrap()], "en");
        assert_eq!(code, Some(1), "{out}{err}");
        let line = out.lines().find(|l| l.contains(" meeting ")).unwrap();
        assert!(line.starts_with("FIX"), "{out}");
        assert!(line.to_lowercase().contains(said), "{said}: {out}");
    }

    // A folder given for the file: said, and nothing judged of it.
    let (code, lines) = checks(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert_eq!(status_of(&lines, "meeting").0, "fix");
    assert!(!lines.iter().any(|(id, _, _)| id == "file"), "{lines:?}");

    // A folder nobody may read or enter: reported, never a panic.
    let closed = dir.path().join("đóng");
    fs::create_dir(&closed).unwrap();
    set_mode(&closed, 0o000);
    let (code, out, err) = doctor(&[closed.join("a.gavel").to_str().unwrap()], "vi");
    set_mode(&closed, 0o700);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(
        !err.contains("panicked") && out.contains("CẦN SỬA"),
        "{out}{err}"
    );
}

#[test]
fn the_report_reads_in_both_languages_without_english_in_the_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("họp");
    fs::create_dir(&folder).unwrap();
    set_mode(&folder, 0o700);
    let file = folder.join("a.gavel");
    new_meeting(&file);
    set_mode(&file, 0o600);
    let text = folder.join("text.gavel");
    fs::write(&text, "x".repeat(200)).unwrap();
    let cases: Vec<Vec<String>> = vec![
        vec![],
        vec![file.to_str().unwrap().into()],
        vec![folder.join("chưa có.gavel").to_str().unwrap().into()],
        vec![dir.path().join("x/y.gavel").to_str().unwrap().into()],
        vec![text.to_str().unwrap().into()],
        vec![folder.to_str().unwrap().into()],
        vec![
            file.to_str().unwrap().into(),
            "--group".into(),
            "không-có-nhóm-này".into(),
        ],
        vec!["--help".into()],
    ];
    let runs: Vec<(String, String)> = cases
        .iter()
        .map(|args| {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let (_, en, en_err) = doctor(&args, "en");
            let (_, vi, vi_err) = doctor(&args, "vi");
            (en + &en_err, vi + &vi_err)
        })
        .collect();
    // What is not prose: the commands to run, names of programs, and the
    // names of accounts and groups.
    let me = String::from_utf8(Command::new("id").arg("-un").output().unwrap().stdout).unwrap();
    let group = String::from_utf8(Command::new("id").arg("-gn").output().unwrap().stdout).unwrap();
    let names: BTreeSet<String> = ["gavel", "sqlite", "json", "utf", "xterm"]
        .iter()
        .map(|s| s.to_string())
        .chain([me.trim().to_lowercase(), group.trim().to_lowercase()])
        .collect();
    let report_prose = |text: &str| {
        let kept: Vec<&str> = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("run:") && !l.trim_start().starts_with("chạy:"))
            .collect();
        words(&prose(&kept.join("\n")))
    };
    let english: BTreeSet<String> = runs
        .iter()
        .flat_map(|(en, _)| report_prose(en))
        .filter(|w| !names.contains(w))
        .collect();
    assert!(
        english.contains("folder") && english.contains("group"),
        "{english:?}"
    );
    for (en, vi) in &runs {
        assert!(!vi.contains("panicked"), "{vi}");
        let leaks: BTreeSet<String> = report_prose(vi)
            .into_iter()
            .filter(|w| english.contains(w))
            .collect();
        assert!(
            leaks.is_empty(),
            "English in Vietnamese ({leaks:?}):\n{vi}\n[en: {en}]"
        );
    }
    let (en, vi) = &runs[1];
    assert!(en.contains("FIX") && en.contains("run: chmod"), "{en}");
    assert!(vi.contains("CẦN SỬA") && vi.contains("chạy: chmod"), "{vi}");
    assert!(vi.contains("nhóm không ghi được vào thư mục"), "{vi}");
}

/// A throwaway account and group, removed when dropped (even when the test
/// fails).
struct Account {
    user: String,
    group: String,
}

impl Account {
    fn create() -> Account {
        let tag = format!("{}{}", std::process::id(), rand_tag());
        let account = Account {
            user: format!("gvdu{tag}"),
            group: format!("gvdg{tag}"),
        };
        let ok = |command: &mut Command| {
            let status = command.status().unwrap();
            assert!(status.success(), "{command:?}");
        };
        ok(Command::new("groupadd").arg(&account.group));
        ok(Command::new("useradd").args([
            "-M",
            "-N",
            "-g",
            &account.group,
            "-s",
            "/bin/sh",
            &account.user,
        ]));
        account
    }

    /// `gavel ARGS` as this account, with no config file.
    fn gavel(&self, bin: &Path, args: &[&str]) -> (Option<i32>, String, String) {
        let mut command = Command::new("runuser");
        command
            .args(["-u", &self.user, "--"])
            .arg(bin)
            .args(args)
            .env("GAVEL_CONFIG", "/dev/null")
            .env("LANG", "C.UTF-8")
            .env("TERM", "xterm-256color")
            .current_dir("/");
        finished(&mut command)
    }
}

impl Drop for Account {
    fn drop(&mut self) {
        let _ = Command::new("userdel").arg(&self.user).status();
        let _ = Command::new("groupdel").arg(&self.group).status();
    }
}

fn rand_tag() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("{:x}", nanos % 0x10000)
}

/// Whether a second account can be made here: root, and `useradd`. Under
/// CI=true it must be; elsewhere the test says SKIPPED.
fn can_make_accounts() -> bool {
    // SAFETY: geteuid cannot fail.
    let root = unsafe { libc::geteuid() } == 0;
    let tools = ["useradd", "groupadd", "runuser"].iter().all(|tool| {
        Command::new("sh")
            .args([
                "-c",
                &format!("command -v {tool} || test -x /usr/sbin/{tool}"),
            ])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if root && tools {
        return true;
    }
    let why = if root {
        "useradd, groupadd or runuser is missing"
    } else {
        "not running as root"
    };
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "a second account is needed under CI=true: {why}"
    );
    eprintln!("SKIPPED: a second account cannot be made ({why})");
    false
}

#[test]
fn a_real_second_account_writes_exactly_when_the_doctor_says_it_can() {
    if !can_make_accounts() {
        return;
    }
    let account = Account::create();
    // A 0700 folder above (as tempfile's are on some systems): a folder above that the group cannot
    // pass, which the doctor must name too.
    let top = tempfile::tempdir().unwrap();
    set_mode(top.path(), 0o700);
    let bin = top.path().join("gavel");
    fs::copy(gavel_bin(), &bin).unwrap();
    set_mode(&bin, 0o755);
    let list = top.path().join("participants.csv");
    fs::write(
        &list,
        "Họ và tên;Chức vụ\nTrần Thị Lan;Chuyên viên\nLê Văn Hùng;Phó Giám đốc\n",
    )
    .unwrap();
    set_mode(&list, 0o644);
    // The chair (root) makes a folder for the group but forgets the
    // setgid bit and group write, and creates the meeting in it.
    let folder = top.path().join("phòng họp");
    fs::create_dir(&folder).unwrap();
    set_mode(&folder, 0o755);
    let file = folder.join("đối thoại.gavel");
    new_meeting(&file);
    let path = file.to_str().unwrap();
    let import = |who: &Account| {
        who.gavel(
            &bin,
            &[
                "import",
                path,
                list.to_str().unwrap(),
                "--role",
                "secretary",
                "--as",
                "Lan",
            ],
        )
    };

    // Not ok: the doctor says so, and the second account cannot write.
    let (code, lines) = checks(&[path, "--group", &account.group]);
    assert_eq!(code, Some(1), "{lines:?}");
    let (code, out, err) = import(&account);
    assert_ne!(
        code,
        Some(0),
        "the secretary wrote where the doctor said no: {out}{err}"
    );
    assert!(
        !fs::read_dir(&folder)
            .unwrap()
            .any(|e| { e.unwrap().file_name().to_string_lossy().ends_with("-wal") })
    );

    // Every fix the doctor prints, run as printed.
    let fixes: Vec<String> = lines
        .iter()
        .filter(|(_, status, _)| status == "fix")
        .flat_map(|(_, _, fixes)| fixes.clone())
        .collect();
    let expected_above = format!("chmod o+x {}", top.path().display());
    assert!(fixes.contains(&expected_above), "{fixes:?}");
    assert!(
        fixes.contains(&format!("chgrp {} '{}'", account.group, folder.display())),
        "{fixes:?}"
    );
    assert!(
        fixes.contains(&format!("chmod g+ws '{}'", folder.display())),
        "{fixes:?}"
    );
    for fix in &fixes {
        run_fix(fix);
    }
    // The doctor now says every line is ok (without --group too: the
    // folder's setgid group is the meeting's)…
    let (code, lines) = checks(&[path]);
    assert_eq!(code, Some(0), "{lines:?}");
    let (code, text, _) = doctor(&[path], "en");
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains(&format!("also {}", account.user)), "{text}");
    // …and so does it for the second account, run as her…
    let (code, out, err) = account.gavel(&bin, &["doctor", path]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains(&format!("{} can open the meeting to write", account.user)),
        "{out}"
    );
    // …who now writes, with a umask that keeps nothing for the group:
    // SQLite gives -wal and -shm the meeting's mode all the same.
    let (code, out, err) = account.gavel(
        Path::new("/bin/sh"),
        &[
            "-c",
            &format!(
                "umask 077; exec {} import '{}' {} --role secretary --as Lan",
                bin.display(),
                path,
                list.display()
            ),
        ],
    );
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("added"), "{out}");
    // The chair writes after her; the meeting keeps its group.
    let (code, out, err) =
        finished(gavel_command().args(["import", path, list.to_str().unwrap(), "--as", "Minh"]));
    assert_eq!(code, Some(0), "{out}{err}");
    let (code, lines) = checks(&[path]);
    assert_eq!(code, Some(0), "{lines:?}");
    assert_eq!(
        fs::metadata(&file).unwrap().gid(),
        fs::metadata(&folder).unwrap().gid()
    );

    // Take the setgid bit away again and leave -wal behind as the chair
    // would (a crash): the doctor names it, and the secretary is locked
    // out until it is fixed.
    set_mode(&folder, 0o775);
    let wal: PathBuf = format!("{path}-wal").into();
    fs::write(&wal, b"").unwrap();
    set_mode(&wal, 0o644);
    let (code, lines) = checks(&[path, "--group", &account.group]);
    assert_eq!(code, Some(1));
    assert_eq!(status_of(&lines, "wal").0, "fix", "{lines:?}");
    assert_eq!(status_of(&lines, "folder").0, "fix", "{lines:?}");
    let (code, out, err) = import(&account);
    assert_ne!(code, Some(0), "{out}{err}");
    fs::remove_file(&wal).unwrap();
}
