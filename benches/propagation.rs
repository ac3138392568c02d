//! Live together, measured:
//! - propagation: a commit in one process → the other's state updated,
//!   p50/p99 over 1,000 changes, the reader polling as the console does;
//! - idle CPU of the real console (release binary, in tmux) with nothing
//!   happening, beside a second console on the same meeting.
//!
//! cargo bench --bench propagation

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use gavel::domain::*;
use gavel::i18n::Lang;
use gavel::runtime::Program;
use gavel::store::{OpenOptions, Store};

const CHANGES: usize = 1000;

fn issue(text: String) -> gavel::domain::Command {
    gavel::domain::Command::LogIssue(IssueFields {
        letter_number: String::new(),
        letter_date: None,
        raised_by: None,
        source: IssueSource::Floor,
        category: IssueCategory::Question,
        field: String::new(),
        procedure: String::new(),
        text,
    })
}

/// The writer process: commits CHANGES issues, a few milliseconds apart.
fn writer(path: &str) {
    let mut store =
        Store::open(path.as_ref(), OpenOptions::new("writer", Role::Secretary)).unwrap();
    for n in 0..CHANGES {
        store.execute(issue(format!("thay đổi {n}"))).unwrap();
        std::thread::sleep(Duration::from_millis(3 + (n as u64 * 7) % 11));
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn propagation(dir: &std::path::Path) {
    let path = dir.join("propagation.gavel");
    let now = Utc::now();
    drop(gavel::demo::create_demo(&path, OpenOptions::new("chair", Role::Chair), now).unwrap());
    let store = Store::open(&path, OpenOptions::new("reader", Role::Chair)).unwrap();
    let mut app = Program::live(store, Lang::En, now, gavel::ui::View::default());
    let seen_before = app.record().last_seq;
    let mut child = Command::new(std::env::current_exe().unwrap())
        .env("GAVEL_BENCH_WRITER", &path)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut delays = Vec::with_capacity(CHANGES);
    let mut last = seen_before;
    while delays.len() < CHANGES {
        // The console's loop: wait for input up to POLL, then look.
        std::thread::sleep(gavel::runtime::POLL);
        if app.sync() {
            let seen = Utc::now();
            for (_, issue) in app.record().issues.range(last + 1..) {
                delays.push((seen - issue.raised_at).num_microseconds().unwrap() as f64 / 1000.0);
            }
            last = app.record().last_seq;
        }
    }
    child.wait().unwrap();
    delays.sort_by(f64::total_cmp);
    println!(
        "propagation, commit → other process's state ({} changes, poll every {:?}): p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        delays.len(),
        gavel::runtime::POLL,
        percentile(&delays, 0.5),
        percentile(&delays, 0.99),
        delays.last().unwrap()
    );
}

fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after ')'.
    fields
        .get(11)
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0)
        + fields
            .get(12)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
}

fn idle_cpu(dir: &std::path::Path) {
    if Command::new("tmux").arg("-V").output().is_err() {
        println!("idle CPU: skipped (tmux is not installed)");
        return;
    }
    let path = dir.join("idle.gavel");
    drop(
        gavel::demo::create_demo(&path, OpenOptions::new("chair", Role::Chair), Utc::now())
            .unwrap(),
    );
    let socket = format!("gavel-bench-{}", std::process::id());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .args(["-u", "-L", &socket])
            .args(args)
            .output()
            .unwrap()
    };
    let gavel = env!("CARGO_BIN_EXE_gavel");
    for (session, role) in [("chair", "chair"), ("lan", "secretary")] {
        let command = format!(
            "{gavel} open {} --role {role} --as {session}",
            path.display()
        );
        tmux(&[
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "160",
            "-y",
            "48",
            &command,
        ]);
    }
    std::thread::sleep(Duration::from_secs(2));
    let pid: u32 = String::from_utf8_lossy(
        &tmux(&["display-message", "-p", "-t", "chair", "#{pane_pid}"]).stdout,
    )
    .trim()
    .parse()
    .unwrap();
    let seconds = 20;
    let (before, start) = (cpu_ticks(pid), Instant::now());
    std::thread::sleep(Duration::from_secs(seconds));
    let ticks = cpu_ticks(pid) - before;
    let hz = 100.0; // USER_HZ on Linux
    let percent = ticks as f64 / hz / start.elapsed().as_secs_f64() * 100.0;
    println!(
        "idle CPU of a console over {seconds} s (clock redraw each second, heartbeat, change-feed poll): {percent:.2} % of a core"
    );
    tmux(&["kill-server"]);
}

fn main() {
    if let Ok(path) = std::env::var("GAVEL_BENCH_WRITER") {
        return writer(&path);
    }
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    propagation(dir.path());
    idle_cpu(dir.path());
}
