//! The command line as a user types it: exports to files, the JSON round
//! trip through `gavel import`, usage errors.

mod common;

use common::*;
use gavel::domain::Role;
use gavel::store::Store;

fn gavel(args: &[&str]) -> std::process::Output {
    gavel_command().args(args).output().unwrap()
}

fn demo_file(dir: &tempfile::TempDir) -> String {
    write_demo(dir, "chair").display().to_string()
}

#[test]
fn minutes_json_and_csv_exports_land_in_files() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    let out = |name: &str| dir.path().join(name).display().to_string();

    let done = gavel(&[
        "export",
        &file,
        "--format",
        "md",
        "--lang",
        "vi",
        "-o",
        &out("bien-ban.md"),
    ]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let minutes = std::fs::read_to_string(out("bien-ban.md")).unwrap();
    assert!(minutes.contains("BIÊN BẢN") && minutes.contains("KẾT LUẬN CỦA CHỦ TRÌ"));
    let english = gavel(&["export", &file, "--format", "md", "--lang", "en"]);
    assert!(String::from_utf8_lossy(&english.stdout).contains("MINUTES"));

    assert!(
        gavel(&[
            "export",
            &file,
            "--format",
            "json",
            "-o",
            &out("meeting.json")
        ])
        .status
        .success()
    );
    let imported = out("copy.gavel");
    let done = gavel(&["import", &imported, &out("meeting.json")]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let original = Store::open(std::path::Path::new(&file), options("x", Role::Observer)).unwrap();
    let copy = Store::open(
        std::path::Path::new(&imported),
        options("x", Role::Observer),
    )
    .unwrap();
    assert_eq!(original.record(), copy.record());
    assert_eq!(
        original.entries_after(0).unwrap(),
        copy.entries_after(0).unwrap()
    );

    assert!(
        gavel(&["export", &file, "--format", "csv", "-o", &out("tables")])
            .status
            .success()
    );
    for table in ["issues", "actions", "turns"] {
        let text = std::fs::read_to_string(dir.path().join("tables").join(format!("{table}.csv")))
            .unwrap();
        assert!(text.starts_with('\u{feff}'), "{table}.csv has no BOM");
    }
}

#[test]
fn usage_errors_are_clear_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(&dir);
    let csv = gavel(&["export", &file, "--format", "csv"]);
    assert_eq!(csv.status.code(), Some(2), "a usage error exits with 2");
    assert!(String::from_utf8_lossy(&csv.stderr).contains("--table"));

    let target = dir.path().join("new.gavel");
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\"format\": \"gavel-meeting\", \"version\": 1, \"record\": 42}",
    )
    .unwrap();
    let import = gavel(&["import", target.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(import.status.code(), Some(1));
    let message = String::from_utf8_lossy(&import.stderr);
    assert!(
        message.contains("line 1") && message.contains("record"),
        "{message}"
    );
    assert!(!target.exists(), "a refused import left a file");

    // Unknown flags and missing arguments: clap's usual error, exit 2.
    assert_eq!(
        gavel(&["export", &file, "--format", "pdf"]).status.code(),
        Some(2)
    );
    assert_eq!(gavel(&["--bogus"]).status.code(), Some(2));
    assert_eq!(gavel(&["new"]).status.code(), Some(2));
}

#[test]
fn new_takes_the_speaking_time_reply_period_and_holidays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tet.gavel");
    let file = path.to_str().unwrap();
    let made = gavel(&[
        "new",
        file,
        "--title",
        "Đối thoại",
        "--speaking-minutes",
        "5",
        "--reply-days",
        "10",
        "--holiday",
        "16/02/2026",
        "--holiday",
        "2026-02-17",
    ]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    let details = &store.record().meeting.details;
    assert_eq!(details.speaking_seconds, 300);
    assert_eq!(details.reply_working_days, 10);
    let days: Vec<String> = details.holidays.iter().map(|d| d.to_string()).collect();
    assert_eq!(days, ["2026-02-16", "2026-02-17"]);

    let bad = dir.path().join("bad.gavel");
    let refused = gavel(&[
        "new",
        bad.to_str().unwrap(),
        "--title",
        "X",
        "--holiday",
        "31/02/2026",
    ]);
    assert_eq!(
        refused.status.code(),
        Some(2),
        "a bad date in a flag is a usage error"
    );
    assert!(String::from_utf8_lossy(&refused.stderr).contains("31/02/2026"));
    assert!(!bad.exists());
}
