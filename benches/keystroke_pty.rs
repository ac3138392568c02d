//! Keystroke to screen through a real pseudo terminal (SPEC §7): the time
//! from a key written to the terminal until the character comes back in
//! the program's output, for the release binary typing into an issue form
//! (every keystroke committed to SQLite with synchronous=FULL before it is
//! drawn, then with NORMAL), beside a plain raw-mode echo program and vim in
//! insert mode (when installed), measured the same way in the same run;
//! and a bare rusqlite commit of the same row, the `FULL` goal's baseline.
//!
//! The subjects are measured in alternation, one key each in turn (in a
//! new order every round), so that a slow moment of the machine (a
//! virtual machine's neighbours, the disk's journal) falls on all of them
//! alike and the comparisons of one run hold.
//!
//! cargo bench --bench keystroke_pty
//!
//! `GAVEL_BENCH_BIN=/path/to/gavel` measures another build of gavel (an
//! older one, to compare in the same run of the same harness), and
//! `GAVEL_BENCH_BIN_B=/path/to/gavel` a second build beside the first, in
//! the same alternation: an A/B comparison that one run can settle.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Typed again and again: it appears nowhere else on gavel's screen.
const KEY: &str = "§";
const KEYSTROKES: usize = 300;

/// A program on the slave side of a new pseudo terminal of 160×48.
struct Pty {
    master: File,
    child: Child,
    output: mpsc::Receiver<Vec<u8>>,
    /// Typed before the program is killed, a pause after each: how it is
    /// left (gavel: its form, then the console).
    leave: Vec<&'static [u8]>,
}

impl Pty {
    fn spawn(mut command: Command) -> Pty {
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize {
            ws_row: 48,
            ws_col: 160,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two descriptors we then own.
        let opened = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(opened, 0, "openpty failed");
        // SAFETY: the descriptors are fresh and owned here.
        let slave = unsafe { OwnedFd::from_raw_fd(slave) };
        command
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave))
            .env("TERM", "xterm-256color");
        // SAFETY: only async-signal-safe calls between fork and exec: a new
        // session whose controlling terminal is the pty.
        unsafe {
            command.pre_exec(|| {
                libc::setsid();
                libc::ioctl(0, libc::TIOCSCTTY, 0);
                Ok(())
            });
        }
        let child = command.spawn().expect("spawn on the pty");
        // SAFETY: the master descriptor is ours.
        let master = unsafe { File::from_raw_fd(master) };
        let mut reader = master.try_clone().unwrap();
        let (send, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 || send.send(buffer[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Pty {
            master,
            child,
            output,
            leave: Vec::new(),
        }
    }

    /// Waits until the output received from now on contains `needle`.
    fn wait_for(&self, needle: &[u8], timeout: Duration) -> Option<Instant> {
        let deadline = Instant::now() + timeout;
        let mut seen: Vec<u8> = Vec::new();
        while let Ok(chunk) = self
            .output
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            let at = Instant::now();
            seen.extend_from_slice(&chunk);
            if seen.windows(needle.len()).any(|w| w == needle) {
                return Some(at);
            }
        }
        None
    }

    fn drain(&self) {
        while self.output.recv_timeout(Duration::from_millis(150)).is_ok() {}
    }

    /// One keystroke's latency: written, then waited for on screen.
    fn key(&mut self) -> Duration {
        self.drain_quick();
        let sent = Instant::now();
        self.master.write_all(KEY.as_bytes()).unwrap();
        let shown = self
            .wait_for(KEY.as_bytes(), Duration::from_secs(5))
            .expect("the key came back");
        shown - sent
    }

    fn drain_quick(&self) {
        while self.output.try_recv().is_ok() {}
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        for keys in &self.leave {
            let _ = self.master.write_all(keys);
            std::thread::sleep(Duration::from_millis(300));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The echo program: raw mode on its terminal, every byte written back.
fn echo() {
    // SAFETY: plain termios calls on our own stdin.
    unsafe {
        let mut termios: libc::termios = std::mem::zeroed();
        libc::tcgetattr(0, &mut termios);
        libc::cfmakeraw(&mut termios);
        libc::tcsetattr(0, libc::TCSANOW, &termios);
    }
    let (mut input, mut output) = (std::io::stdin().lock(), std::io::stdout().lock());
    let mut buffer = [0u8; 4096];
    while let Ok(n) = input.read(&mut buffer) {
        if n == 0
            || output
                .write_all(&buffer[..n])
                .and_then(|_| output.flush())
                .is_err()
        {
            break;
        }
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn report(name: &str, delays: &[Duration]) -> Duration {
    let p50 = percentile(delays, 0.5);
    println!(
        "{name:<44} p50 {:>7.3} ms  p90 {:>7.3} ms  p99 {:>7.3} ms",
        p50.as_secs_f64() * 1000.0,
        percentile(delays, 0.9).as_secs_f64() * 1000.0,
        percentile(delays, 0.99).as_secs_f64() * 1000.0
    );
    p50
}

fn main() {
    match std::env::var("GAVEL_BENCH_ECHO").as_deref() {
        Ok("crossterm") => return crossterm_echo(),
        Ok(_) => return echo(),
        Err(_) => {}
    }
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // The FULL goal's subjects, then the NORMAL goal's: a writer that does
    // not sync leaves the disk's journal work for the next fsync of any
    // file, which would slow the bare commit and gavel's FULL commit by
    // turns.
    let second = std::env::var_os("GAVEL_BENCH_BIN_B");
    // gavel with `sync`, this build's and (in the same group) the second's.
    let gavels = |sync: &str| {
        let this = gavel_ready(
            &gavel_binary(),
            &dir.path().join(format!("{sync}.gavel")),
            sync,
        );
        let other = second.as_ref().map(|second| {
            let path = dir.path().join(format!("{sync}-b.gavel"));
            Subject::Typed(gavel_ready(second, &path, sync))
        });
        (Subject::Typed(this), other)
    };
    let (gavel, second_gavel) = gavels("full");
    let mut subjects = vec![
        Subject::Typed(echo_ready("raw")),
        Subject::Bare(BareCommit::new(dir.path(), "FULL", "grown")),
        Subject::Bare(BareCommit::new(dir.path(), "FULL", "written-over")),
        gavel,
    ];
    subjects.extend(second_gavel);
    let mut full = alternate(subjects).into_iter();
    let (gavel, second_gavel) = gavels("normal");
    let mut subjects = vec![Subject::Typed(echo_ready("crossterm")), gavel];
    let vim = vim_ready(dir.path());
    let with_vim = vim.is_some();
    subjects.extend(vim.map(Subject::Typed));
    subjects.extend(second_gavel);
    let mut normal = alternate(subjects).into_iter();

    let echo_p50 = report("raw-mode echo program", &full.next().unwrap());
    let bare_p50 = report(
        "bare rusqlite upsert of the row, FULL",
        &full.next().unwrap(),
    );
    let over_p50 = report(
        "the same, its log written over (checkpointed)",
        &full.next().unwrap(),
    );
    let full_p50 = report(
        "gavel, key → committed draft → drawn (FULL)",
        &full.next().unwrap(),
    );
    report(
        "echo through crossterm's event reader",
        &normal.next().unwrap(),
    );
    let normal_p50 = report(
        "gavel, the same with --sync normal",
        &normal.next().unwrap(),
    );
    let vim_p50 = with_vim.then(|| report("vim -u NONE, insert mode", &normal.next().unwrap()));
    for (bare, which) in [
        (bare_p50, "bare commit"),
        (over_p50, "bare commit, log written over"),
    ] {
        let goal = echo_p50 + bare.mul_f64(1.2);
        println!(
            "gavel (FULL) at p50: {:.3} ms against the goal echo + 1.2 × {which} = {:.3} ms ({})",
            ms(full_p50),
            ms(goal),
            if full_p50 <= goal { "met" } else { "not met" }
        );
    }
    match vim_p50 {
        Some(vim_p50) => println!(
            "gavel (NORMAL) / vim at p50: {:.2}× ({})",
            normal_p50.as_secs_f64() / vim_p50.as_secs_f64(),
            if normal_p50 <= vim_p50 {
                "met"
            } else {
                "not met"
            }
        ),
        None => println!("vim is not installed: no second baseline"),
    }
    if let (Some(full_b), Some(normal_b)) = (full.next(), normal.next()) {
        let b_full = report("second build (GAVEL_BENCH_BIN_B), FULL", &full_b);
        let b_normal = report("second build (GAVEL_BENCH_BIN_B), NORMAL", &normal_b);
        println!(
            "second build / first at p50: FULL {:.2}×, NORMAL {:.2}×",
            b_full.as_secs_f64() / full_p50.as_secs_f64(),
            b_normal.as_secs_f64() / normal_p50.as_secs_f64()
        );
    }
}

/// Measures the subjects in alternation, a key each in turn, in a new
/// order every round; each one's delays, sorted.
fn alternate(mut subjects: Vec<Subject>) -> Vec<Vec<Duration>> {
    let mut delays = vec![Vec::with_capacity(KEYSTROKES); subjects.len()];
    let mut order: Vec<usize> = (0..subjects.len()).collect();
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    for _ in 0..KEYSTROKES {
        shuffle(&mut order, &mut seed);
        for &which in &order {
            delays[which].push(subjects[which].key());
            std::thread::sleep(PAUSE);
        }
    }
    for delays in &mut delays {
        delays.sort();
    }
    delays
}

/// A new order for the round (Fisher–Yates on a xorshift): each subject
/// follows each of the others in turn, so that what one leaves behind (a
/// journal commit of the disk owed, a cache emptied) is not always met by
/// the same next one. The same every run.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        order.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// Between two measurements: each subject then waits a few milliseconds
/// between its keys, a fast typist's pace.
const PAUSE: Duration = Duration::from_millis(1);

/// What is measured: a program on its pty, typed into, or the bare commit.
enum Subject {
    Typed(Pty),
    Bare(BareCommit),
}

impl Subject {
    fn key(&mut self) -> Duration {
        match self {
            Subject::Typed(pty) => pty.key(),
            Subject::Bare(bare) => bare.commit(),
        }
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// An echo program on the pty (`kind`: "raw" reads and writes bytes,
/// "crossterm" reads events as gavel does), ready to be typed into.
fn echo_ready(kind: &str) -> Pty {
    let mut echo = Command::new(std::env::current_exe().unwrap());
    echo.env("GAVEL_BENCH_ECHO", kind);
    let echo = Pty::spawn(echo);
    std::thread::sleep(Duration::from_millis(200));
    echo.drain();
    echo
}

/// The bare baseline of a keystroke's commit: the same draft row upserted
/// with rusqlite on its own (one statement, its own transaction), WAL and
/// `synchronous` as given, in a file beside the meetings. `log`: "grown",
/// a new file's log, which every commit makes longer; or "written-over",
/// the log of a file one checkpoint on, which SQLite writes from its start
/// again (as gavel's is, its room made ahead: see `store::wal_room`).
struct BareCommit {
    conn: rusqlite::Connection,
    text: String,
}

impl BareCommit {
    fn new(dir: &std::path::Path, synchronous: &str, log: &str) -> BareCommit {
        let conn = rusqlite::Connection::open(dir.join(format!("bare-{log}.db"))).unwrap();
        conn.pragma_update(None, "journal_mode", "wal").unwrap();
        conn.pragma_update(None, "synchronous", synchronous)
            .unwrap();
        conn.execute_batch(
            "CREATE TABLE drafts (actor TEXT NOT NULL, console INTEGER NOT NULL, form TEXT NOT NULL,
                field TEXT NOT NULL, text TEXT NOT NULL, cursor INTEGER NOT NULL,
                updated_at TEXT NOT NULL, PRIMARY KEY (actor, console, form, field))",
        )
        .unwrap();
        let mut bare = BareCommit {
            conn,
            text: String::new(),
        };
        if log == "written-over" {
            // Past SQLite's autocheckpoint (1,000 frames): the log is
            // checkpointed, and the next commits write over it.
            for _ in 0..1_100 {
                bare.commit();
            }
            bare.text.clear();
        }
        bare
    }

    /// One upsert of the row, one key longer than the last.
    fn commit(&mut self) -> Duration {
        self.text.push_str(KEY);
        let mut upsert = self
            .conn
            .prepare_cached(
                "INSERT INTO drafts VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (actor, console, form, field)
                 DO UPDATE SET text = excluded.text, cursor = excluded.cursor, updated_at = excluded.updated_at",
            )
            .unwrap();
        let started = Instant::now();
        upsert
            .execute(rusqlite::params![
                "lan",
                "issue/new",
                "text",
                self.text,
                self.text.len() as i64,
                "2026-02-05T02:20:00.000Z"
            ])
            .unwrap();
        started.elapsed()
    }
}

/// The echo program again, reading through crossterm's event reader (as
/// gavel does): whether that reader costs anything.
fn crossterm_echo() {
    use ratatui::crossterm::event::{self, Event, KeyCode};
    ratatui::crossterm::terminal::enable_raw_mode().unwrap();
    let mut output = std::io::stdout().lock();
    loop {
        let Ok(Event::Key(key)) = event::read() else {
            continue;
        };
        if let KeyCode::Char(c) = key.code {
            let mut bytes = [0u8; 4];
            let written = output
                .write_all(c.encode_utf8(&mut bytes).as_bytes())
                .and_then(|_| output.flush());
            if written.is_err() {
                return;
            }
        }
    }
}

/// The gavel to measure: this build's, or `GAVEL_BENCH_BIN`.
fn gavel_binary() -> std::ffi::OsString {
    std::env::var_os("GAVEL_BENCH_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_gavel").into())
}

/// `binary` on a demo meeting of its own made at `path`, with `sync` as
/// SQLite's synchronous, its issue form open and ready to be typed into.
/// Dropped, it leaves the form (its draft goes) and the console.
fn gavel_ready(binary: &std::ffi::OsStr, path: &std::path::Path, sync: &str) -> Pty {
    let made = Command::new(binary)
        .args(["new", "--demo"])
        .arg(path)
        .output()
        .unwrap();
    assert!(made.status.success());
    let mut gavel = Command::new(binary);
    gavel.args([
        "open",
        path.to_str().unwrap(),
        "--as",
        "lan",
        "--role",
        "secretary",
        "--lang",
        "en",
        "--no-mouse",
        "--sync",
        sync,
    ]);
    let mut gavel = Pty::spawn(gavel);
    gavel
        .wait_for(b"Issues", Duration::from_secs(10))
        .expect("the console started");
    gavel.master.write_all(b"i").unwrap();
    gavel
        .wait_for(b"Log an issue", Duration::from_secs(5))
        .expect("the form opened");
    wait_for_room(path);
    gavel.drain();
    gavel.leave = vec![b"\x1b", b"q"];
    gavel
}

/// A console is typed into after it has stood open a few seconds, as in a
/// meeting: by then it has made room ahead in its log (at its second
/// heartbeat, two seconds in; see `store::wal_room`). A build without the
/// room is waited for as long.
fn wait_for_room(meeting: &std::path::Path) {
    let mut log = meeting.as_os_str().to_owned();
    log.push("-wal");
    let until = Instant::now() + Duration::from_secs(4);
    while Instant::now() < until {
        if std::fs::metadata(&log).is_ok_and(|m| m.len() > 4_000_000) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// vim in insert mode on an empty file, no configuration: the peer to
/// beat. None when vim is not installed.
fn vim_ready(dir: &std::path::Path) -> Option<Pty> {
    let installed = Command::new("vim")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !installed {
        return None;
    }
    let mut vim = Command::new("vim");
    vim.args(["-u", "NONE", "-N", "-i", "NONE", "-n"])
        .arg(dir.join("vim.txt"));
    let mut vim = Pty::spawn(vim);
    std::thread::sleep(Duration::from_millis(500));
    vim.drain();
    vim.master.write_all(b"i").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    vim.drain();
    Some(vim)
}
