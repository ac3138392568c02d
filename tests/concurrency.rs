//! Three processes write 1,000 commands each to one file at the same time:
//! 3,000 journal entries, no error surfaced, projections equal the replay.

mod common;

use std::io::Read;

use common::*;
use gavel::domain::*;
use gavel::store::{self, Store};

const CHILD: &str = "child_writes_a_thousand_commands";
const PER_PROCESS: u32 = 1000;

/// Not a test on its own: the body of each writer process.
#[test]
#[ignore = "runs only as a child process of three_processes_write_at_once"]
fn child_writes_a_thousand_commands() {
    let path = std::env::var("GAVEL_CONC_FILE").unwrap();
    let who = std::env::var("GAVEL_CONC_WHO").unwrap();
    let role = if who == "chair" {
        Role::Chair
    } else {
        Role::Secretary
    };
    let mut store = Store::open(path.as_ref(), options(&who, role)).unwrap();
    for i in 0..PER_PROCESS {
        // A mix: issues, requests for the floor, participants, drafts.
        let command = match i % 4 {
            0 | 1 => issue(&format!("{who} issue {i}")),
            2 => Command::RequestFloor {
                speaker: Speaker::New {
                    name: format!("{who} guest {i}"),
                    organization: String::new(),
                },
                kind: RequestKind::Normal,
                topic: String::new(),
            },
            _ => participant(&format!("{who} delegate {i}")),
        };
        store
            .execute(command)
            .unwrap_or_else(|e| panic!("{who}: command {i} failed: {e}"));
        if i % 10 == 0 {
            store
                .save_draft("issue/new", "text", &format!("{who} typing {i}"), 3)
                .unwrap();
        }
    }
}

#[test]
fn three_processes_write_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    drop(new_meeting(&path));
    let writers = ["chair", "lan", "minh"];
    let children: Vec<_> = writers
        .iter()
        .map(|who| {
            spawn_self(
                CHILD,
                &[
                    ("GAVEL_CONC_FILE", path.display().to_string()),
                    ("GAVEL_CONC_WHO", who.to_string()),
                ],
            )
        })
        .collect();
    for (who, mut child) in writers.iter().zip(children) {
        let status = child.wait().unwrap();
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        assert!(status.success(), "{who} failed: {stderr}");
        assert!(
            !stderr.contains("locked"),
            "{who} saw a lock error: {stderr}"
        );
    }

    let store = Store::open(&path, options("chair", Role::Chair)).unwrap();
    let entries = store.entries_after(0).unwrap();
    assert_eq!(entries.len() as u32, 1 + 3 * PER_PROCESS);
    assert_eq!(&replay(&store), store.record());
    assert!(store::check(&path).unwrap().is_ok());
    // Every writer's issues are all there, numbered 1..=1500 without gaps.
    let record = store.record();
    for who in writers {
        let mine = record
            .issues
            .values()
            .filter(|i| i.text.starts_with(&format!("{who} issue")))
            .count();
        assert_eq!(mine as u32, PER_PROCESS / 2);
    }
    let mut numbers: Vec<u32> = record.issues.values().map(|i| i.number).collect();
    numbers.sort();
    assert_eq!(numbers, (1..=3 * PER_PROCESS / 2).collect::<Vec<_>>());
}
