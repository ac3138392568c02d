//! A child process writes drafts and commands in a loop and is killed with
//! SIGKILL at random moments, many times: after each kill the file passes
//! `gavel check`, and everything the child reported as committed is there.
//! The child first makes room ahead in the `-wal` file, as a console does
//! at its second heartbeat: its keystrokes are written over zeros there,
//! and recovered from there.

mod common;

use std::io::{BufRead, BufReader};
use std::sync::mpsc;
use std::time::Duration;

use common::*;
use gavel::domain::*;
use gavel::store::{self, Store};

const CHILD: &str = "child_writes_until_killed";
const FORM: &str = "issue/new";

/// Not a test on its own: the body of the child process that
/// `a_killed_writer_loses_nothing_it_reported` starts and kills.
#[test]
#[ignore = "runs only as the child process of a_killed_writer_loses_nothing_it_reported"]
fn child_writes_until_killed() {
    let path = std::env::var("GAVEL_CRASH_FILE").expect("GAVEL_CRASH_FILE");
    let round: u32 = std::env::var("GAVEL_CRASH_ROUND").unwrap().parse().unwrap();
    let mut store = Store::open(path.as_ref(), options("chair", Role::Chair)).unwrap();
    store.make_room_in_log().unwrap();
    let mut text = String::new();
    for i in 0u64.. {
        // One keystroke: the draft grows by one Vietnamese letter.
        text.push(['ệ', 'a', 'ố', ' '][i as usize % 4]);
        store.save_draft(FORM, "text", &text, text.len()).unwrap();
        println!("draft {round} {}", text.chars().count());
        if i % 3 == 0 {
            let committed = store
                .execute(issue(&format!("round {round} issue {i}")))
                .unwrap();
            println!("seq {} round {round} issue {i}", committed.seq);
        }
    }
}

#[test]
fn a_killed_writer_loses_nothing_it_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    drop(new_meeting(&path));
    let mut reported_issues: Vec<(u64, String)> = Vec::new();
    for round in 0..24u32 {
        let mut child = spawn_self(
            CHILD,
            &[
                ("GAVEL_CRASH_FILE", path.display().to_string()),
                ("GAVEL_CRASH_ROUND", round.to_string()),
            ],
        );
        let stdout = child.stdout.take().unwrap();
        let (lines_tx, lines) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = lines_tx.send(line);
            }
        });
        // Wait until the child is writing (libtest prints its own lines
        // first), then kill it at a random moment.
        let mut seen = Vec::new();
        loop {
            let line = lines
                .recv_timeout(Duration::from_secs(30))
                .expect("child started writing");
            let writing = line.starts_with("draft");
            seen.push(line);
            if writing {
                break;
            }
        }
        let delay = 5 + (round as u64 * 37) % 90;
        std::thread::sleep(Duration::from_millis(delay));
        child.kill().expect("SIGKILL");
        child.wait().unwrap();
        reader.join().unwrap();
        let log = std::fs::metadata(format!("{}-wal", path.display()))
            .unwrap()
            .len();
        assert!(
            log > 4_000_000,
            "round {round}: the writer's log is {log} bytes, no room was made ahead"
        );

        let mut last_draft_chars = 0usize;
        for line in seen.into_iter().chain(lines.try_iter()) {
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                ["draft", _, n] => last_draft_chars = n.parse().unwrap(),
                ["seq", seq, "round", r, "issue", i] => {
                    reported_issues.push((seq.parse().unwrap(), format!("round {r} issue {i}")))
                }
                _ => {}
            }
        }

        let report = store::check(&path).unwrap();
        assert!(report.is_ok(), "round {round}: check failed: {report:?}");
        let reopened = Store::open(&path, options("chair", Role::Chair)).unwrap();
        for (seq, text) in &reported_issues {
            let found = reopened.record().issues.get(seq).map(|i| i.text.as_str());
            assert_eq!(
                found,
                Some(text.as_str()),
                "round {round}: committed entry {seq} lost"
            );
        }
        let draft = reopened
            .drafts()
            .unwrap()
            .into_iter()
            .find(|d| d.form == FORM)
            .expect("draft kept");
        assert!(
            draft.text.chars().count() >= last_draft_chars,
            "round {round}: draft has {} letters, {last_draft_chars} were reported saved",
            draft.text.chars().count()
        );
    }
    assert!(
        reported_issues.len() > 24,
        "the children committed too little to mean anything"
    );
}
