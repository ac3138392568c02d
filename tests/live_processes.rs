//! Several real gavel processes on one meeting file: what one types shows on
//! the other's screen (and how fast), three writers at once lose nothing,
//! and an observer may open a file it can only read.

mod common;

use std::io::Read;
use std::time::Duration;

use common::tmux::Tmux;
use common::*;
use gavel::app::Status;
use gavel::domain::*;
use gavel::i18n::Lang;
use gavel::store::Store;

const WAIT: Duration = Duration::from_secs(15);

const WRITER: &str = "child_console_makes_random_changes";

/// A tiny deterministic random sequence (no extra crate for the tests).
struct Lcg(u64);

impl Lcg {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        items[(self.0 >> 33) as usize % items.len()]
    }
}

/// Not a test on its own: one of the three consoles of
/// `three_consoles_change_the_meeting_at_once`.
#[test]
#[ignore = "runs only as a child process of three_consoles_change_the_meeting_at_once"]
fn child_console_makes_random_changes() {
    let dir_path = std::env::var("GAVEL_LIVE_DIR").unwrap();
    let who = std::env::var("GAVEL_LIVE_WHO").unwrap();
    let role = if who == "Minh" {
        Role::Chair
    } else {
        Role::Secretary
    };
    let store = Store::open(
        &std::path::Path::new(&dir_path).join("meeting.gavel"),
        options(&who, role),
    )
    .unwrap();
    let mut app = App::live(store, Lang::En, demo_now());
    app.resize(160, 48);
    let scripts: &[&str] = if role == Role::Chair {
        &[
            "n",
            "p",
            "p",
            "+",
            "2aKhách của chủ trì<down><enter><enter>",
            "iÝ kiến chủ trì ghi<c-s>",
            "3rĐã trả lời<c-s>",
            "u",
        ]
    } else {
        &[
            "iThư ký ghi ý kiến<c-s>",
            "2aKhách của thư ký<down><enter><enter>",
            "3jrTrả lời<c-s>",
            // No due date: the second Enter means it.
            "4aViệc<tab>Văn phòng<enter><enter>",
            "u",
        ]
    };
    let mut random = Lcg(who.len() as u64 * 7919 + 17);
    for step in 0..120 {
        let script = random.pick(scripts);
        keys(&mut app, script);
        // A form left open (a refusal) is closed before the next change.
        if matches!(
            app.mode(),
            gavel::app::Mode::Form | gavel::app::Mode::Confirm | gavel::app::Mode::Conflict
        ) {
            keys(&mut app, "<esc>");
        }
        match &app.console.status {
            Some(Status::Warning(message)) if std::env::var("DEBUG_LIVE").is_ok() => {
                eprintln!("{who}: step {step} ({script}): warning {message}")
            }
            Some(Status::Error(message)) => panic!("{who}: step {step} ({script}): {message}"),
            _ => {}
        }
        if step % 3 == 0 {
            app.refresh();
        }
        keys(&mut app, "<esc>");
    }
    // A change kept while another console held the file is written later:
    // wait for it, and count it then.
    let start = std::time::Instant::now();
    while app.session.waiting() > 0 && start.elapsed() < WAIT {
        let now = app.clock + chrono::TimeDelta::seconds(2);
        app.tick(now);
    }
    let committed = app.written;
    assert_eq!(app.session.waiting(), 0, "{who}: changes still waiting");
    app.refresh();
    let mut replayed = Record::default();
    for entry in app.store().entries_after(0).unwrap() {
        replayed.apply(entry.seq, &entry.event);
    }
    assert_eq!(
        &replayed,
        app.record(),
        "{who}: the console's state is not a replay of the journal"
    );
    println!("COMMITTED {committed}");
}

#[test]
fn three_consoles_change_the_meeting_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let before = Store::open(&path, options("x", Role::Observer))
        .unwrap()
        .record()
        .last_seq;
    let writers = ["Minh", "Lan", "Hà"];
    let children: Vec<_> = writers
        .iter()
        .map(|who| {
            spawn_self(
                WRITER,
                &[
                    ("GAVEL_LIVE_DIR", dir.path().display().to_string()),
                    ("GAVEL_LIVE_WHO", who.to_string()),
                ],
            )
        })
        .collect();
    let mut total = 0;
    for (who, mut child) in writers.iter().zip(children) {
        let status = child.wait().unwrap();
        let (mut out, mut err) = (String::new(), String::new());
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert!(status.success(), "{who} failed:\n{out}\n{err}");
        assert!(
            !out.contains("locked") && !err.contains("locked"),
            "{who} saw a lock error"
        );
        let committed: usize = out
            .lines()
            .find_map(|l| l.split("COMMITTED ").nth(1))
            .and_then(|rest| rest.split_whitespace().next())
            .expect("the child reports its commits")
            .parse()
            .unwrap();
        let store = Store::open(&path, options("x", Role::Observer)).unwrap();
        let mine = store
            .entries_after(before)
            .unwrap()
            .into_iter()
            .filter(|e| e.actor == *who)
            .count();
        assert_eq!(
            mine, committed,
            "{who}: a change it saw saved is missing from the journal"
        );
        assert!(committed > 20, "{who} committed only {committed} changes");
        total += committed;
    }
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    assert_eq!(store.entries_after(before).unwrap().len(), total);
    assert_eq!(&replay(&store), store.record());
    assert!(gavel::store::check(&path).unwrap().is_ok());
}

/// Runs gavel as another, unprivileged user when the tests run as root, so
/// that file permissions really apply.
fn as_reader(args: &[&str]) -> std::process::Output {
    let is_root = unsafe { libc::geteuid() } == 0;
    let mut command = if is_root {
        let mut c = std::process::Command::new("setpriv");
        hermetic(&mut c).args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            gavel_bin(),
        ]);
        c
    } else {
        gavel_command()
    };
    command.args(args).output().expect("run gavel")
}

#[test]
fn an_observer_opens_a_file_it_may_only_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let before = std::fs::read(&path).unwrap();
    // Readable by all, writable by nobody but root; the folder likewise.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();

    let log = as_reader(&["log", path.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&log.stderr);
    assert!(log.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&log.stdout).contains("gave the floor to"));

    // The live console, as observer, in a real terminal; every key pressed.
    let tmux = Tmux::new("readonly");
    let prefix = if unsafe { libc::geteuid() } == 0 {
        "setpriv --reuid=65534 --regid=65534 --clear-groups "
    } else {
        ""
    };
    tmux.start(
        "observer",
        120,
        36,
        &format!(
            "{prefix}{} open {} --role observer --as khach --lang en",
            gavel_bin(),
            path.display()
        ),
    );
    tmux.wait_for("observer", WAIT, |s| s.contains("Issues"));
    for key in [
        "1", "s", "2", "n", "a", "p", "+", "c", "3", "i", "r", "t", "4", "a", "e", "x", "u",
    ] {
        tmux.keys("observer", &[key]);
    }
    let screen = tmux.wait_for("observer", WAIT, |s| {
        s.contains("Observer: this console changes nothing")
    });
    assert!(screen.contains("(observer)"), "{screen}");
    tmux.keys("observer", &["q"]);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the observer changed the file"
    );
}
