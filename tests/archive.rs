//! The province's archive on a real PostgreSQL server, started by the test
//! as a throwaway cluster on a local socket (`.ci/run` installs the
//! distribution's server): meetings pushed, pushed again, pushed after a
//! correction; a tampered file and another history of a meeting refused.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use chrono::{TimeZone, Utc};
use common::*;
use gavel::domain::Role;
use gavel::generate::{Size, create_large};

/// A PostgreSQL cluster of its own in a temporary folder, reached on a
/// socket in that folder only; stopped and removed when dropped.
struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    /// Started as the `postgres` account (the server refuses root).
    as_postgres: bool,
}

impl Cluster {
    /// A running cluster, or `None` (SKIPPED) when the server is not
    /// installed on a developer's machine; under CI a missing server fails.
    fn start() -> Option<Cluster> {
        let Some(bin) = server_bin() else {
            assert!(
                std::env::var_os("CI").is_none(),
                "PostgreSQL's server (initdb, pg_ctl) is not installed: .ci/run installs it"
            );
            eprintln!("SKIPPED: PostgreSQL's server is not installed");
            return None;
        };
        let as_postgres = unsafe { libc::geteuid() } == 0;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        if as_postgres {
            chown_to_postgres(dir.path());
        }
        let cluster = Cluster {
            dir,
            bin,
            as_postgres,
        };
        cluster.run(
            "initdb",
            &[
                "-D",
                data.to_str().unwrap(),
                "-A",
                "trust",
                "-U",
                "archivist",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
        );
        let options = format!(
            "-c listen_addresses='' -k {} -c fsync=off",
            cluster.dir.path().display()
        );
        // The server's output goes to a log file: a server holding this
        // process's pipes would keep `run` waiting for their end.
        let log = cluster.dir.path().join("server.log");
        cluster.run(
            "pg_ctl",
            &[
                "-D",
                data.to_str().unwrap(),
                "-l",
                log.to_str().unwrap(),
                "-o",
                &options,
                "-w",
                "start",
            ],
        );
        Some(cluster)
    }

    /// Runs a server program, as `postgres` when the test runs as root.
    fn run(&self, program: &str, args: &[&str]) {
        let path = self.bin.join(program);
        let mut command = if self.as_postgres {
            let mut command = Process::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(&path);
            command
        } else {
            Process::new(&path)
        };
        let output = command
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{program} {args:?}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// The connection string `gavel archive push --to` takes.
    fn url(&self) -> String {
        format!(
            "host={} user=archivist dbname=postgres",
            self.dir.path().display()
        )
    }

    fn client(&self) -> postgres::Client {
        postgres::Client::connect(&self.url(), postgres::NoTls).unwrap()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.dir.path().join("data");
        let path = self.bin.join("pg_ctl");
        let mut command = if self.as_postgres {
            let mut command = Process::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(&path);
            command
        } else {
            Process::new(&path)
        };
        let _ = command
            .args(["-D", data.to_str().unwrap(), "-m", "immediate", "stop"])
            .output();
    }
}

/// The newest installed server's programs (Debian keeps them out of PATH).
fn server_bin() -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path().join("bin"))
        .filter(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
        .collect();
    found.sort_by_key(|bin| {
        bin.parent()
            .and_then(|v| v.file_name())
            .and_then(|v| v.to_str())
            .and_then(|v| v.parse::<u32>().ok())
    });
    found.pop()
}

fn chown_to_postgres(path: &Path) {
    let status = Process::new("chown")
        .args(["postgres:postgres"])
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success(), "chown postgres {}", path.display());
}

/// A generated meeting held on `day` of `month` 2026.
fn meeting_in(dir: &Path, name: &str, month: u32, day: u32) -> PathBuf {
    let path = dir.join(name);
    let at = Utc.with_ymd_and_hms(2026, month, day, 2, 0, 0).unwrap();
    drop(
        create_large(
            &path,
            fast_options("chair", Role::Chair),
            Size::scaled(400),
            at,
        )
        .unwrap(),
    );
    path
}

fn push(url: &str, files: &[&Path]) -> (Option<i32>, String, String) {
    finished(
        gavel_command()
            .args(["archive", "push", "--to", url, "--as", "Văn thư Sở"])
            .args(files),
    )
}

/// The journal of a meeting file, (seq, hash) entry by entry.
fn file_journal(path: &Path) -> Vec<(i64, String)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut statement = conn
        .prepare("SELECT seq, hash FROM journal ORDER BY seq")
        .unwrap();
    statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn archive_journal(client: &mut postgres::Client, meeting_id: &str) -> Vec<(i64, String)> {
    client
        .query(
            "SELECT seq, hash FROM gavel.journal WHERE meeting_id = $1 ORDER BY seq",
            &[&meeting_id],
        )
        .unwrap()
        .iter()
        .map(|row| (row.get(0), row.get(1)))
        .collect()
}

fn count(client: &mut postgres::Client, sql: &str, meeting_id: &str) -> i64 {
    client.query_one(sql, &[&meeting_id]).unwrap().get(0)
}

/// The archive holds exactly the file's journal and record for its meeting.
fn assert_archived(client: &mut postgres::Client, file: &Path) {
    let journal = file_journal(file);
    let meeting_id = journal[0].1.clone();
    assert_eq!(
        archive_journal(client, &meeting_id),
        journal,
        "{}",
        file.display()
    );
    let record = read_record(file);
    let issues = count(
        client,
        "SELECT count(*) FROM gavel.issues WHERE meeting_id = $1",
        &meeting_id,
    );
    assert_eq!(issues as usize, record.issues.len());
    let people = count(
        client,
        "SELECT count(*) FROM gavel.participants WHERE meeting_id = $1",
        &meeting_id,
    );
    assert_eq!(people as usize, record.participants.len());
    let actions = count(
        client,
        "SELECT count(*) FROM gavel.actions WHERE meeting_id = $1",
        &meeting_id,
    );
    assert_eq!(actions as usize, record.actions.len());
    let row = client
        .query_one(
            "SELECT title, entries, last_hash, record->'meeting'->'details'->>'title' \
             FROM gavel.meetings WHERE meeting_id = $1",
            &[&meeting_id],
        )
        .unwrap();
    assert_eq!(row.get::<_, String>(0), record.meeting.details.title);
    assert_eq!(row.get::<_, i64>(1) as usize, journal.len());
    assert_eq!(row.get::<_, String>(2), journal.last().unwrap().1);
    assert_eq!(row.get::<_, String>(3), record.meeting.details.title);
}

#[test]
fn meetings_pushed_again_and_after_a_correction_leave_one_copy_each() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let march = meeting_in(dir.path(), "thang-3.gavel", 3, 12);
    let june = meeting_in(dir.path(), "thang-6.gavel", 6, 18);
    let october = meeting_in(dir.path(), "thang-10.gavel", 10, 8);
    let all = [march.as_path(), june.as_path(), october.as_path()];

    let (code, out, err) = push(&cluster.url(), &all);
    assert_eq!(code, Some(0), "{out}{err}");
    assert_eq!(out.matches("added to the archive").count(), 3, "{out}");
    let mut client = cluster.client();
    for file in all {
        assert_archived(&mut client, file);
    }

    // The register, what is owed and a year's report read from the
    // archive are those read from the files.
    for asked in [
        &["register", "--format", "json"][..],
        &["register", "--owed", "--format", "json"],
        &[
            "report", "--period", "2026", "--format", "csv", "--lang", "vi",
        ],
        &["report", "--period", "2026-Q2", "--format", "md"],
    ] {
        let today = ["--today", "01/12/2026"];
        let from_files = finished(gavel_command().args(asked).args(today).args(all));
        let from_archive = finished(
            gavel_command()
                .args(asked)
                .args(today)
                .args(["--archive", &cluster.url()]),
        );
        assert_eq!(from_files.0, Some(0), "{asked:?}: {}", from_files.2);
        assert!(from_files.1.len() > 200, "{asked:?}: {}", from_files.1);
        assert_eq!(from_archive, from_files, "{asked:?}");
        // Both at once: each meeting counted once, the files' copies first.
        let (code, both, said) = finished(
            gavel_command()
                .args(asked)
                .args(today)
                .args(all)
                .args(["--archive", &cluster.url()]),
        );
        assert_eq!(code, Some(0), "{said}");
        assert_eq!(both, from_files.1, "{asked:?}");
        let once = said.matches("counted once").count() + said.matches("chỉ tính một lần").count();
        assert_eq!(once, 3, "{said}");
        assert!(
            said.contains("in the archive") || said.contains("trong kho lưu trữ"),
            "{said}"
        );
    }

    // Pushed again: nothing is doubled.
    let (code, out, err) = push(&cluster.url(), &all);
    assert_eq!(code, Some(0), "{out}{err}");
    assert_eq!(out.matches("already up to date").count(), 3, "{out}");
    let meetings: i64 = client
        .query_one("SELECT count(*) FROM gavel.meetings", &[])
        .unwrap()
        .get(0);
    assert_eq!(meetings, 3);
    for file in all {
        assert_archived(&mut client, file);
    }

    // A change after the first push (a participant added): the archive
    // gains that entry and the new row.
    let mut store = gavel::store::Store::open(&june, options("Lan", Role::Secretary)).unwrap();
    store.execute(participant("Trần Thị Mới")).unwrap();
    drop(store);
    let (code, out, err) = push(&cluster.url(), &[june.as_path()]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("1 entry added"), "{out}");
    assert_archived(&mut client, &june);
    let named: i64 = client
        .query_one(
            "SELECT count(*) FROM gavel.participants WHERE name = 'Trần Thị Mới'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(named, 1);
    let pushed_by: String = client
        .query_one("SELECT DISTINCT pushed_by FROM gavel.meetings", &[])
        .unwrap()
        .get(0);
    assert_eq!(pushed_by, "Văn thư Sở");
}

#[test]
fn a_tampered_file_and_another_history_are_refused_and_change_nothing() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let meeting = meeting_in(dir.path(), "hoi-nghi.gavel", 4, 9);
    // A copy made before the meeting goes on: the same meeting, whose
    // history will part from the original's.
    let copy = dir.path().join("ban-sao.gavel");
    std::fs::copy(&meeting, &copy).unwrap();
    let mut store = gavel::store::Store::open(&meeting, options("Lan", Role::Secretary)).unwrap();
    store.execute(participant("Lê Văn Gốc")).unwrap();
    drop(store);
    let (code, out, err) = push(&cluster.url(), &[meeting.as_path()]);
    assert_eq!(code, Some(0), "{out}{err}");
    let mut client = cluster.client();
    let before = archive_journal(&mut client, &file_journal(&meeting)[0].1);

    // The copy takes another turn: its entry after the common part is not
    // the archive's.
    let mut store = gavel::store::Store::open(&copy, options("Minh", Role::Secretary)).unwrap();
    store.execute(participant("Phạm Văn Khác")).unwrap();
    store.execute(participant("Đỗ Thị Khác")).unwrap();
    drop(store);
    let (code, out, err) = push(&cluster.url(), &[copy.as_path()]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(err.contains("another history"), "{err}");

    // An entry altered in the file, its hash left as it was.
    let tampered = dir.path().join("sua-len.gavel");
    std::fs::copy(&meeting, &tampered).unwrap();
    let conn = rusqlite::Connection::open(&tampered).unwrap();
    conn.execute("UPDATE journal SET actor = 'Người lạ' WHERE seq = 5", [])
        .unwrap();
    drop(conn);
    let (code, out, err) = push(&cluster.url(), &[tampered.as_path()]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(err.contains("sua-len.gavel"), "{err}");
    assert!(err.contains("not pushed") || err.contains("chain"), "{err}");

    let after = archive_journal(&mut client, &file_journal(&meeting)[0].1);
    assert_eq!(before, after, "nothing was changed");
    let names: i64 = client
        .query_one(
            "SELECT count(*) FROM gavel.participants WHERE name LIKE '%Khác'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(names, 0);

    // A meeting recorded where the clock was behind (an entry dated before
    // the one it follows, the chain whole) is the record all the same:
    // pushed, though `gavel check` exits 6 on it.
    let behind = meeting_in(dir.path(), "dong-ho-cham.gavel", 5, 14);
    date_before_the_previous(&behind, 5);
    let (code, _, _) = finished(gavel_command().arg("check").arg(&behind));
    assert_eq!(code, Some(6));
    let (code, out, err) = push(&cluster.url(), &[behind.as_path()]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert_archived(&mut client, &behind);
}

#[test]
fn an_unreachable_archive_is_said_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let meeting = meeting_in(dir.path(), "a.gavel", 5, 5);
    let nowhere = format!("host={} user=x dbname=x", dir.path().display());
    let (code, _, err) = push(&nowhere, &[meeting.as_path()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.starts_with("gavel: the archive: "), "{err}");
    let (code, _, err) = finished(
        gavel_command()
            .args(["archive", "push", "--lang", "vi", "--to", &nowhere])
            .arg(&meeting),
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.starts_with("gavel: kho lưu trữ: "), "{err}");
    let (code, _, err) = finished(
        gavel_command()
            .args(["archive", "push", "--to", "postgres://h/db?sslmode=require"])
            .arg(&meeting),
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("sslmode=require"), "{err}");
}
