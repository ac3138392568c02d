//! LibreOffice and poppler for the tests that print or open a document as a
//! secretary's office suite would: finding the programs (a failure under
//! `CI=true`, where `.ci/run` installs them; SKIPPED on a developer's
//! machine), converting with a fresh profile, reading a PDF's text.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// `name` on the PATH.
pub fn find_program(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
}

/// The programs `names`, or `None` after saying SKIPPED (what `test`
/// needs, and the packages to `install`); under `CI=true` a missing one
/// fails the test instead.
pub fn required<const N: usize>(
    names: [&str; N],
    test: &str,
    install: &str,
) -> Option<[PathBuf; N]> {
    let found = names.map(find_program);
    if found.iter().all(Option::is_some) {
        return Some(found.map(Option::unwrap));
    }
    assert!(
        !std::env::var("CI").is_ok_and(|v| v == "true"),
        "CI=true: {test} needs {names:?} (apt-get install {install})"
    );
    // Straight to the process's stderr: the test harness captures
    // eprintln! and shows it only for a failing test.
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: {test} needs {names:?} (apt-get install {install})"
    );
    None
}

/// soffice with LibreOffice Calc beside it (Debian packages Writer and
/// Calc apart: `libsclo` is Calc's library), or `None` after saying
/// SKIPPED; under `CI=true` a missing Calc fails `test`.
pub fn required_calc(test: &str) -> Option<PathBuf> {
    let calc = find_program("soffice").filter(|soffice| {
        std::fs::canonicalize(soffice).is_ok_and(|program| {
            ["libsclo.so", "libsclo.dylib"]
                .iter()
                .any(|lib| program.with_file_name(lib).exists())
        })
    });
    if calc.is_none() {
        let install = "apt-get install libreoffice-calc-nogui";
        assert!(
            !std::env::var("CI").is_ok_and(|v| v == "true"),
            "CI=true: {test} needs LibreOffice Calc ({install})"
        );
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: {test} needs LibreOffice Calc ({install})"
        );
    }
    calc
}

/// Runs `command`, killed after `limit`: a stuck office suite must not
/// hang the test run.
pub fn run_with_timeout(mut command: Command, limit: Duration) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the program");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} still running after {limit:?}: killed");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.wait_with_output().expect("output")
}

/// `soffice --headless --convert-to FORMAT` of `input` into `out`, with
/// `options` before the conversion (an import filter), in a profile of its
/// own inside `out`, fresh each run: no clash with a LibreOffice already
/// running or with another test. Returns the converted file.
pub fn convert(
    soffice: &Path,
    input: &Path,
    format: &str,
    options: &[&str],
    out: &Path,
) -> PathBuf {
    let mut command = Command::new(soffice);
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            out.join("lo-profile").display()
        ))
        .args(["--headless", "--norestore"])
        .args(options)
        .args(["--convert-to", format, "--outdir"])
        .arg(out)
        .arg(input)
        .env("HOME", out);
    let output = run_with_timeout(command, Duration::from_secs(180));
    let stem = input.file_stem().expect("a file name");
    let converted = out.join(stem).with_extension(format);
    assert!(
        output.status.success() && converted.is_file(),
        "soffice could not convert {input:?} to {format}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    converted
}

/// `convert` of several `inputs` in one run of the office suite (starting
/// it costs seconds); the converted files in the order of `inputs`.
pub fn convert_all(soffice: &Path, inputs: &[PathBuf], format: &str, out: &Path) -> Vec<PathBuf> {
    let mut command = Command::new(soffice);
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            out.join("lo-profile").display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            format,
            "--outdir",
        ])
        .arg(out)
        .args(inputs)
        .env("HOME", out);
    let output = run_with_timeout(command, Duration::from_secs(300));
    let converted: Vec<PathBuf> = inputs
        .iter()
        .map(|input| {
            out.join(input.file_stem().expect("a file name"))
                .with_extension(format)
        })
        .collect();
    assert!(
        output.status.success() && converted.iter().all(|c| c.is_file()),
        "soffice could not convert {inputs:?} to {format}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    converted
}

/// A poppler program (`pdftotext`, `pdfinfo`) on `pdf`, its output as text.
pub fn poppler(program: &Path, args: &[&str], pdf: &Path) -> String {
    let mut command = Command::new(program);
    command.args(args).arg(pdf);
    if program.ends_with("pdftotext") {
        command.arg("-");
    }
    let output = run_with_timeout(command, Duration::from_secs(60));
    assert!(output.status.success(), "{program:?} failed");
    String::from_utf8(output.stdout).expect("UTF-8 text")
}

/// Text compared across line breaks: no whitespace, and no hyphens
/// (pdftotext joins a word hyphenated at the end of a line, "X-" "quang").
pub fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}
