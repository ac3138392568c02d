//! Not one English word in what the command line says in Vietnamese (issue
//! 18, item 6): clap's errors and tips, every `--help`, and the errors of
//! the files a command opens or reads (a meeting file damaged, not a
//! meeting, from a newer gavel, missing; a participants list that is
//! malformed; a source that cannot be read), from the real binary. Each
//! case runs in English and in Vietnamese; the English words of all the
//! English runs are the dictionary, and none may be in a Vietnamese run,
//! except what a person types as it is (options, paths, a command's name, a
//! value listed as one of its choices) and a few names.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use clap::CommandFactory;

use common::english::{prose, words};
use common::{gavel_command, new_meeting};

/// Names the same in both languages: programs, formats, shells.
const NAMES: &[&str] = &[
    "gavel",
    "sqlite",
    "toml",
    "csv",
    "json",
    "docx",
    "markdown",
    "word",
    "windows",
    "utf",
    "unicode",
    "shell",
    "fsync",
    "roff",
    "postgresql",
];

/// The words a person types: the commands' names and every value an
/// option takes, from the command line's own definition.
fn typed_words() -> BTreeSet<String> {
    fn walk(command: &clap::Command, out: &mut BTreeSet<String>) {
        for arg in command.get_arguments() {
            for value in arg.get_possible_values() {
                out.insert(value.get_name().to_lowercase());
            }
        }
        for sub in command.get_subcommands() {
            out.insert(sub.get_name().to_lowercase());
            walk(sub, out);
        }
    }
    let mut command = gavel::cli::Cli::command();
    command.build();
    let mut out = BTreeSet::new();
    walk(&command, &mut out);
    out
}

/// The prose of what the command line printed: without a command's name at
/// the head of a line of the commands' list or before a path (`man
/// ./gavel.1`), nor a value where it is given as one (`md:`, `issues;`,
/// `'pdf'`, `[en; vi]`).
fn cli_prose(text: &str, typed: &BTreeSet<String>) -> String {
    let mut kept = Vec::new();
    for line in text.lines() {
        let listing = line.starts_with("  ");
        let tokens: Vec<&str> = line.split_whitespace().collect();
        for (i, token) in tokens.iter().enumerate() {
            let core = token.trim_matches(|c: char| "[](),;:'".contains(c));
            let quoted_or_listed = core.len() != token.len();
            let before_a_path = tokens
                .get(i + 1)
                .is_some_and(|next| next.starts_with(['.', '/', '~', '>']));
            let is_typed = typed.contains(&core.to_lowercase());
            // `gavel archive push …` in an example: a command line.
            let in_a_command = i > 0
                && (tokens[i - 1] == "gavel" || typed.contains(&tokens[i - 1].to_lowercase()));
            if is_typed
                && (quoted_or_listed || before_a_path || in_a_command || (listing && i == 0))
            {
                continue;
            }
            // What follows an option in an example is a value a person
            // types (`--as Lan`, a name).
            if i > 0 && tokens[i - 1].starts_with("--") && !tokens[i - 1].contains('=') {
                continue;
            }
            kept.push(*token);
        }
    }
    prose(&kept.join(" "))
}

/// What the binary prints (both streams) for `args` in `lang`.
fn run(dir: &Path, lang: &str, args: &[String]) -> String {
    let output = gavel_command()
        .current_dir(dir)
        .env("GAVEL_LANG", lang)
        .args(args)
        .output()
        .expect("run gavel");
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The files the cases open: meeting files in every state a user can
/// meet, malformed lists, sources that cannot be read. Returns what the
/// lists say: their words come back in the errors, in both languages.
fn files(dir: &Path) -> String {
    let written = std::cell::RefCell::new(String::new());
    let write = |name: &str, bytes: &[u8]| {
        if [".csv", ".toml", ".json"]
            .iter()
            .any(|end| name.ends_with(end))
        {
            written
                .borrow_mut()
                .push_str(&String::from_utf8_lossy(bytes));
        }
        fs::write(dir.join(name), bytes).unwrap();
    };
    drop(new_meeting(&dir.join("good.gavel")));
    write("text.gavel", "Biên bản hội nghị\n".repeat(50).as_bytes());
    write("empty.gavel", b"");
    let conn = rusqlite::Connection::open(dir.join("other.gavel")).unwrap();
    conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Lan');")
        .unwrap();
    drop(conn);
    drop(new_meeting(&dir.join("newer.gavel")));
    let conn = rusqlite::Connection::open(dir.join("newer.gavel")).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let mut store = new_meeting(&dir.join("cut.gavel"));
    for i in 0..100 {
        store
            .execute(common::issue(&format!(
                "Kiến nghị {i}: {}",
                "thủ tục ".repeat(20)
            )))
            .unwrap();
    }
    drop(store);
    let bytes = fs::read(dir.join("cut.gavel")).unwrap();
    write("cut.gavel", &bytes[..bytes.len() / 2]);

    write("no-name.csv", "Đơn vị,Chức vụ\nSở A,Giám đốc\n".as_bytes());
    write("empty-name.csv", "Họ và tên,Đơn vị\n,Sở A\n".as_bytes());
    write(
        "bad-role.csv",
        "Họ và tên,Vai trò\nLê Văn An,trưởng đoàn\n".as_bytes(),
    );
    write(
        "bad-group.csv",
        "Họ và tên,Nhóm\nLê Văn An,đoàn thể\n".as_bytes(),
    );
    write(
        "bad-attendance.csv",
        "Họ và tên,Điểm danh\nLê Văn An,đến muộn\n".as_bytes(),
    );
    write(
        "bad-present.csv",
        "Họ và tên,Có mặt\nLê Văn An,đủ\n".as_bytes(),
    );
    write(
        "bad-honorific.csv",
        "Họ và tên,Danh xưng\nLê Văn An,Cụ\n".as_bytes(),
    );
    write(
        "bad-members.csv",
        "Họ và tên,Số người\nLê Văn An,mười\n".as_bytes(),
    );
    write(
        "across.csv",
        "Họ và tên,Đơn vị\nLê Văn An,\"Sở A\nLê Thị B,Sở B\n".as_bytes(),
    );
    write(
        "control.csv",
        "Họ và tên,Đơn vị\n\"Lê\tVăn An\",Sở A\n".as_bytes(),
    );
    let long = format!("Họ và tên\n{}\n", "Lê".repeat(300));
    write("long.csv", long.as_bytes());
    write("binary.csv", b"PK\x03\x04\x00\x00\x08\x00workbook");
    write(
        "twice.csv",
        "Họ và tên,Vai trò\nLê Văn An,chủ trì\nLê Thị B,chủ trì\n".as_bytes(),
    );
    write("plan.toml", b"[meeting]\ntitle = \"\xff\"\n");
    write("list.xlsx", b"PK");
    write(
        "broken.json",
        b"{\"format\": \"gavel-recovery\", \"version\": ",
    );
    write("other.json", b"{\"format\": \"something else\"}");
    fs::create_dir(dir.join("folder.csv")).unwrap();
    written.into_inner()
}

/// Every case: the command line's own errors, the helps, and the files'.
fn cases() -> Vec<Vec<String>> {
    let mut all: Vec<Vec<&str>> = vec![
        // clap's errors and tips, each kind a user can cause.
        vec!["export", "good.gavel", "--format", "pdf"],
        vec!["export", "good.gavel", "--format=pdx"],
        vec!["export", "good.gavel", "--formt", "md"],
        vec!["export", "good.gavel", "--format"],
        vec!["export", "--format", "md"],
        vec!["new", "x.gavel", "--reply-days", "mười", "--title", "a"],
        vec![
            "new",
            "x.gavel",
            "--reply-days",
            "99999999999",
            "--title",
            "a",
        ],
        vec!["new", "x.gavel", "--reply-days", "-3", "--title", "a"],
        vec!["new", "x.gavel", "--title", "a", "--title", "b"],
        vec!["new", "x.gavel", "--demo", "--title", "a"],
        vec!["new", "x.gavel"],
        vec!["log", "good.gavel", "--follow=yes"],
        vec!["log", "a", "b"],
        vec!["log", "-x"],
        vec!["opne", "good.gavel"],
        vec!["good.gavel", "expotr"],
        vec!["followup", "good.gavel", "--close-issue", "5"],
        vec![
            "followup",
            "good.gavel",
            "--close-issue",
            "5",
            "--close-action",
            "2",
        ],
        vec!["--role", "chair", "log", "good.gavel"],
        vec!["hall", "good.gavel", "--theme", "drak"],
        vec!["completions", "bsh"],
        // The helps.
        vec![],
        vec!["--help"],
        vec!["-h"],
        vec!["help"],
        vec!["help", "export"],
        // A meeting file a user can meet, as each command opens it.
        vec!["log", "missing.gavel"],
        vec!["log", "text.gavel"],
        vec!["log", "empty.gavel"],
        vec!["log", "other.gavel"],
        vec!["log", "newer.gavel"],
        vec!["log", "cut.gavel"],
        vec!["check", "missing.gavel"],
        vec!["check", "text.gavel"],
        vec!["approve", "newer.gavel"],
        vec!["new", "good.gavel", "--title", "Hội nghị"],
        vec![
            "export",
            "good.gavel",
            "--format",
            "md",
            "-o",
            "nowhere/minutes.md",
        ],
        vec!["export", "good.gavel", "--format", "md", "-o", "folder.csv"],
        // What `gavel import` reads.
        vec!["import", "good.gavel", "list.xlsx"],
        vec!["import", "good.gavel", "missing.csv"],
        vec!["import", "good.gavel", "folder.csv"],
        vec!["import", "good.gavel", "plan.toml"],
        vec!["import", "cut.gavel", "no-name.csv"],
        // What `gavel recover` reads.
        vec!["recover", "good.gavel", "broken.json"],
        vec!["recover", "good.gavel", "other.json"],
        vec!["recover", "good.gavel", "missing.json"],
    ];
    for list in [
        "no-name.csv",
        "empty-name.csv",
        "bad-role.csv",
        "bad-group.csv",
        "bad-attendance.csv",
        "bad-present.csv",
        "bad-honorific.csv",
        "bad-members.csv",
        "across.csv",
        "control.csv",
        "long.csv",
        "binary.csv",
        "twice.csv",
    ] {
        all.push(vec!["import", "good.gavel", list]);
    }
    let mut all: Vec<Vec<String>> = all
        .into_iter()
        .map(|args| args.into_iter().map(String::from).collect())
        .collect();
    let mut command = gavel::cli::Cli::command();
    command.build();
    for sub in command.get_subcommands() {
        all.push(vec![sub.get_name().to_string(), "--help".into()]);
    }
    all
}

#[test]
fn the_vietnamese_command_line_has_no_english_word() {
    let dir = tempfile::tempdir().unwrap();
    let given = words(&files(dir.path()));
    let typed = typed_words();
    let runs: Vec<(Vec<String>, String, String)> = cases()
        .into_iter()
        .map(|args| {
            let en = run(dir.path(), "en", &args);
            let vi = run(dir.path(), "vi", &args);
            (args, en, vi)
        })
        .collect();
    let english: BTreeSet<String> = runs
        .iter()
        .flat_map(|(_, en, _)| words(&cli_prose(en, &typed)))
        .filter(|w| !NAMES.contains(&w.as_str()) && !given.contains(w))
        .collect();
    let mut untranslated = Vec::new();
    for (args, en, vi) in &runs {
        assert!(!vi.trim().is_empty(), "{args:?}: nothing said");
        assert!(!vi.contains("panicked"), "{args:?}: {vi}");
        let leaks: BTreeSet<String> = words(&cli_prose(vi, &typed))
            .into_iter()
            .filter(|w| english.contains(w))
            .collect();
        if !leaks.is_empty() {
            untranslated.push(format!(
                "gavel {}: ({})\n{vi}\n[en: {en}]",
                args.join(" "),
                leaks.into_iter().collect::<Vec<_>>().join(", ")
            ));
        }
    }
    assert!(
        untranslated.is_empty(),
        "{} Vietnamese output(s) with English words:\n{}",
        untranslated.len(),
        untranslated.join("\n\n")
    );
}

/// The dictionary and the filter together: clap's English tip is caught,
/// a value listed as a choice and an option are not.
#[test]
fn the_check_sees_english_on_the_command_line() {
    let typed = typed_words();
    let english: BTreeSet<String> =
        words(&cli_prose("tip: a similar value exists: 'docx'", &typed))
            .into_iter()
            .collect();
    let caught = |vi: &str| {
        words(&cli_prose(vi, &typed))
            .iter()
            .any(|w| english.contains(w))
    };
    assert!(caught("gợi ý: a similar value exists: 'docx'"));
    assert!(!caught("gợi ý: có giá trị gần giống: 'docx'"));
    assert!(!caught("  [giá trị có thể: md, docx, json, csv]"));
    assert!(!caught(
        "Định dạng --format <ĐỊNH_DẠNG> [giá trị: md: Biên bản]"
    ));
}

/// `--lang vi` says it in Vietnamese as GAVEL_LANG does.
#[test]
fn the_lang_flag_translates_errors_too() {
    let dir = tempfile::tempdir().unwrap();
    files(dir.path());
    let output = gavel_command()
        .current_dir(dir.path())
        .args(["import", "good.gavel", "bad-role.csv", "--lang", "vi"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("dòng 2: Vai trò: giá trị không hợp lệ \"trưởng đoàn\""),
        "{stderr}"
    );
    let output = gavel_command()
        .current_dir(dir.path())
        .args(["import", "good.gavel", "missing.csv", "--lang", "vi"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("missing.csv: không đọc được: không có thư mục hoặc tệp này"),
        "{stderr}"
    );
}
