//! The command line as people expect it: help and version, completions for
//! three shells, a man page, exit codes, and every message in both
//! languages.

mod common;

use common::*;
use gavel::domain::Role;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    finished(gavel_command().args(args))
}

const SUBCOMMANDS: [&str; 15] = [
    "open",
    "demo",
    "new",
    "review",
    "log",
    "export",
    "import",
    "approve",
    "followup",
    "recover",
    "check",
    "hall",
    "completions",
    "man",
    "config",
];

#[test]
fn help_and_version() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, Some(0));
    for sub in SUBCOMMANDS {
        assert!(
            out.contains(&format!("  {sub} ")),
            "--help lists {sub}:\n{out}"
        );
    }
    assert!(out.contains("Exit codes"), "{out}");
    let (code, out, _) = run(&["--version"]);
    assert_eq!(code, Some(0));
    assert_eq!(out.trim(), format!("gavel {}", env!("CARGO_PKG_VERSION")));

    let (code, out, _) = run(&["--lang", "vi", "--help"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("Cách dùng:") && out.contains("Lệnh:"), "{out}");
    assert!(
        !out.contains("Usage:") && !out.contains("Print help"),
        "{out}"
    );
}

#[test]
fn completions_for_bash_zsh_and_fish() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, out, err) = run(&["completions", shell]);
        assert_eq!(code, Some(0), "{shell}: {err}");
        // fish writes `-l lang` where the others write `--lang`.
        for word in ["followup", "export", "from", "lang"] {
            assert!(out.contains(word), "{shell} completion lacks {word}");
        }
    }
    // The bash script is valid bash, and completes the subcommands.
    let (_, script, _) = run(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gavel.bash");
    std::fs::write(&file, &script).unwrap();
    let probe = format!(
        "source {}; COMP_WORDS=(gavel ex); COMP_CWORD=1; _gavel gavel ex gavel; echo ${{COMPREPLY[@]}}",
        file.display()
    );
    let output = std::process::Command::new("bash")
        .args(["-c", &probe])
        .output()
        .unwrap();
    let words = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(words.trim(), "export", "completing `gavel ex`");
    // Other shells, where this machine has them.
    for shell in ["zsh", "fish"] {
        if std::process::Command::new(shell)
            .arg("--version")
            .output()
            .is_err()
        {
            eprintln!("{shell} is not installed: its script is checked for content only");
            continue;
        }
        let (_, script, _) = run(&["completions", shell]);
        let file = dir.path().join(format!("gavel.{shell}"));
        std::fs::write(&file, &script).unwrap();
        let checked = std::process::Command::new(shell)
            .arg("-n")
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            checked.status.success(),
            "{shell} -n: {}",
            String::from_utf8_lossy(&checked.stderr)
        );
    }
    let (code, _, err) = run(&["completions", "tcsh"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("tcsh"), "{err}");
}

#[test]
fn a_man_page_in_each_language() {
    let (code, page, _) = run(&["man"]);
    assert_eq!(code, Some(0));
    assert!(
        page.contains(".TH gavel 1"),
        "{}",
        &page[..200.min(page.len())]
    );
    assert!(page.contains(".SH SYNOPSIS") && page.contains(".SH SUBCOMMANDS"));
    for sub in ["followup", "export", "import", "completions"] {
        assert!(page.contains(sub), "the man page names {sub}");
    }
    // The console's keys that a shell user looks for there: the help, and
    // Ctrl-Z with fg.
    assert!(
        page.contains(".SH \"KEYS IN THE CONSOLE\"") && page.contains("\\fBCtrl\\-Z\\fR"),
        "{page}"
    );
    let (code, page, _) = run(&["--lang", "vi", "man"]);
    assert_eq!(code, Some(0));
    assert!(
        page.contains(".SH \"TÙY CHỌN\"") && page.contains(".SH \"LỆNH CON\""),
        "{page}"
    );
    assert!(
        page.contains("Chủ trì hội nghị đối thoại"),
        "the Vietnamese summary"
    );
    assert!(
        page.contains(".SH \"PHÍM TRONG BẢNG ĐIỀU KHIỂN\"") && page.contains("\\fBCtrl\\-Z\\fR"),
        "{page}"
    );

    // man itself renders it, where man is installed.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gavel.1");
    std::fs::write(&file, run(&["man"]).1).unwrap();
    match std::process::Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANPAGER", "cat")
        .output()
    {
        Ok(output) if output.status.success() => {
            let text = String::from_utf8_lossy(&output.stdout);
            assert!(text.contains("SYNOPSIS"), "{text}");
        }
        _ => eprintln!("man is not installed here: the page was checked as text"),
    }
}

/// `man` itself, when installed; under `CI=true` it must be.
fn man_program() -> Option<std::path::PathBuf> {
    let [man] = common::office::required(["man"], "the manual pages", "man-db")?;
    Some(man)
}

#[test]
fn a_manual_page_for_every_command_read_by_man_without_warnings() {
    for lang in ["en", "vi"] {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("man1");
        let (code, _, err) = run(&["--lang", lang, "man", "--dir", folder.to_str().unwrap()]);
        assert_eq!(code, Some(0), "{err}");
        let main = std::fs::read_to_string(folder.join("gavel.1")).unwrap();
        // Every page the main page points to exists.
        for sub in SUBCOMMANDS {
            let page = folder.join(format!("gavel-{sub}.1"));
            let text = std::fs::read_to_string(&page)
                .unwrap_or_else(|e| panic!("{}: {e}", page.display()));
            assert!(text.contains(&format!(".TH gavel-{sub} 1")), "{text}");
            assert!(
                main.contains(&format!("gavel\\-{sub}(1)")),
                "gavel-{sub}(1) in the main page"
            );
        }
        let sections: &[&str] = match lang {
            "en" => &[".SH ENVIRONMENT", ".SH FILES", ".SH \"EXIT STATUS\""],
            _ => &[".SH \"BIẾN MÔI TRƯỜNG\"", ".SH \"TỆP\"", ".SH \"MÃ THOÁT\""],
        };
        for section in sections {
            assert!(main.contains(section), "{section}");
        }
        assert!(main.contains("GAVEL_CONFIG") && main.contains("NO_COLOR"));
        let Some(man) = man_program() else {
            continue;
        };
        for entry in std::fs::read_dir(&folder).unwrap() {
            let page = entry.unwrap().path();
            let output = std::process::Command::new(&man)
                .args(["--warnings", "-l"])
                .arg(&page)
                .env("MANPAGER", "cat")
                .env("MANWIDTH", "80")
                .env("LC_ALL", "C.UTF-8")
                .output()
                .unwrap();
            let warnings = String::from_utf8_lossy(&output.stderr);
            assert!(output.status.success(), "{}: {warnings}", page.display());
            assert!(warnings.trim().is_empty(), "{}: {warnings}", page.display());
            let text = String::from_utf8_lossy(&output.stdout);
            let name = page.file_stem().unwrap().to_str().unwrap();
            assert!(text.contains(name), "{}", page.display());
        }
    }
}

#[test]
fn bare_gavel_prints_a_short_usage_to_stderr() {
    for (lang, usage, help) in [
        ("en", "Usage: gavel", "gavel --help"),
        ("vi", "Cách dùng: gavel", "gavel --help"),
    ] {
        let (code, out, err) = finished(gavel_command().env("GAVEL_LANG", lang));
        assert_eq!(code, Some(2), "a usage error");
        assert!(out.is_empty(), "nothing on stdout: {out}");
        assert!(err.starts_with(usage) && err.contains(help), "{err}");
        assert!(err.lines().count() <= 3, "short: {err}");
    }
}

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let file = path.to_str().unwrap();
    // 0: done.
    assert_eq!(run(&["check", file]).0, Some(0));
    assert_eq!(run(&["log", file]).0, Some(0));
    // 1: the work failed: a missing meeting, a refusal.
    let missing = dir.path().join("missing.gavel");
    let (code, _, err) = run(&["log", missing.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("missing.gavel") && err.contains("no such file"),
        "{err}"
    );
    let (code, _, err) = run(&["new", file, "--title", "again"]);
    assert_eq!(code, Some(1), "a meeting file is never overwritten");
    assert!(err.contains("exists"), "{err}");
    // 2: usage: an unknown flag, a missing argument, console flags given
    // to another command.
    let (code, _, err) = run(&["log", file, "--colour"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--colour"), "{err}");
    assert_eq!(run(&["new"]).0, Some(2));
    let (code, _, err) = run(&["--as", "Lan", "export", file, "--format", "md"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--as") && err.contains("export"), "{err}");
}

#[test]
fn messages_and_errors_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("khong-co.gavel");
    let (code, _, err) = run(&["--lang", "vi", "log", missing.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(err.contains("không có tệp này"), "{err}");

    let (code, _, err) = run(&["--lang", "vi", "log", "--colour"]);
    assert_eq!(code, Some(2));
    assert!(err.starts_with("lỗi:") && err.contains("--colour"), "{err}");
    assert!(!err.contains("error:") && !err.contains("Usage:"), "{err}");

    let path = dir.path().join("moi.gavel");
    let (code, out, _) = run(&[
        "--lang",
        "vi",
        "new",
        path.to_str().unwrap(),
        "--title",
        "Đối thoại",
    ]);
    assert_eq!(code, Some(0));
    assert!(out.starts_with("đã tạo"), "{out}");
    let (code, out, _) = run(&["--lang", "vi", "check", path.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    assert!(out.contains("chuỗi băm") && out.contains("đạt"), "{out}");

    // The locale alone is enough.
    let output = gavel_command()
        .env("LANG", "vi_VN.UTF-8")
        .args(["log", missing.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stderr).contains("không có tệp này"));
}

/// `gavel` in a new session with no controlling terminal and nothing on
/// standard input: `ssh host gavel open FILE` without `-t`.
fn without_terminal(args: &[&str]) -> (Option<i32>, String) {
    use std::os::unix::process::CommandExt;
    let mut command = gavel_command();
    command.args(args).stdin(std::process::Stdio::null());
    // SAFETY: setsid is async-signal-safe; it only detaches the child from
    // the test's controlling terminal.
    unsafe {
        command.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    let (code, _, stderr) = finished(&mut command);
    (code, stderr)
}

#[test]
fn the_console_without_a_terminal_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let file = path.to_str().unwrap();
    let seq = gavel::store::Store::open(&path, options("x", Role::Observer))
        .unwrap()
        .record()
        .last_seq;
    for args in [
        vec!["open", file],
        vec![file],
        vec!["hall", file],
        vec!["review", file],
    ] {
        let (code, err) = without_terminal(&args);
        assert_eq!(code, Some(1), "{args:?}: {err}");
        assert!(
            err.contains("no terminal") && err.contains("ssh -t"),
            "{args:?}: {err}"
        );
    }
    let (_, err) = without_terminal(&["--lang", "vi", "open", file]);
    assert!(
        err.contains("ssh -t") && err.contains("không có cửa sổ dòng lệnh"),
        "{err}"
    );
    // No demo file is made for a console that cannot start.
    let demo = dir.path().join("demo.gavel");
    let (code, _) = without_terminal(&["demo", demo.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(!demo.exists());
    let after = gavel::store::Store::open(&path, options("x", Role::Observer)).unwrap();
    assert_eq!(after.record().last_seq, seq, "nothing was written");
}

/// `gavel [COMMAND] --help` in `lang`, for a terminal `columns` wide (clap
/// asks the terminal, then COLUMNS; the test's output is a pipe).
fn help_at(lang: &str, command: Option<&str>, columns: usize) -> String {
    let mut gavel = gavel_command();
    gavel.env("COLUMNS", columns.to_string());
    gavel.args(command).args(["--help", "--lang", lang]);
    let (code, out, err) = finished(&mut gavel);
    assert_eq!(code, Some(0), "{command:?} --help: {err}");
    out
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

#[test]
fn help_is_wrapped_to_the_terminal_and_keeps_every_word() {
    use clap::CommandFactory;
    let names: Vec<String> = gavel::cli::Cli::command()
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    let commands = std::iter::once(None).chain(names.iter().map(|name| Some(name.as_str())));
    for command in commands {
        for lang in ["en", "vi"] {
            let unwrapped = help_at(lang, command, 100_000);
            for columns in [40, 72, 100] {
                let help = help_at(lang, command, columns);
                // The usage line is the one clap never breaks, and a word
                // (a path) wider than the terminal cannot be broken.
                let too_wide: Vec<&str> = help
                    .lines()
                    .filter(|line| !line.starts_with("Usage:") && !line.starts_with("Cách dùng:"))
                    .filter(|line| line.split_whitespace().nth(1).is_some())
                    .filter(|line| line.chars().count() > columns)
                    .collect();
                assert!(
                    too_wide.is_empty(),
                    "{command:?} --help --lang {lang} at {columns} columns: {too_wide:#?}"
                );
                // Wrapping moves words to new lines and changes nothing
                // else: the Vietnamese phrases put in after clap renders
                // are whole at any width.
                assert_eq!(
                    words(&help),
                    words(&unwrapped),
                    "{command:?} --help --lang {lang} at {columns} columns"
                );
            }
        }
    }
    // Wider than 100 columns the help is as wide as the terminal, not
    // capped at 100 (a wide terminal is used).
    let wide = help_at("en", Some("export"), 200);
    assert!(
        wide.lines().any(|line| line.chars().count() > 110),
        "{wide}"
    );
}
