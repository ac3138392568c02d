//! `gavel import MEETING people.csv` with 100,000 people, beside a bare
//! rusqlite insert of the same rows (same pragmas: WAL, synchronous=FULL,
//! one transaction) in the same run:
//! - the whole import: decode, read and check the list, open the meeting,
//!   decide who is new, add them (one journal entry each), commit;
//! - of which deciding who is new and the write transaction (the write
//!   lock is held for the transaction only);
//! - the same list again (everybody already there).
//!
//! cargo bench --bench participants_import

use std::path::Path;
use std::time::{Duration, Instant};

use gavel::domain::{MeetingDetails, Role};
use gavel::plans::{self, Person};
use gavel::store::{OpenOptions, Sharing, Store};
use rusqlite::{Connection, params};

const PEOPLE: usize = 100_000;
const RUNS: usize = 3;

fn list() -> String {
    let mut text = String::from("Họ và tên;Đơn vị;Vai trò;Liên hệ\n");
    for i in 0..PEOPLE {
        text.push_str(&format!(
            "Nguyễn Thị Hồng Nhung {i};Công ty TNHH Hoàng Long {};đại diện tổ chức;0909 {:06}\n",
            i % 900,
            i
        ));
    }
    text
}

fn options() -> OpenOptions {
    OpenOptions::new("thu-ky", Role::Secretary)
}

fn new_meeting(path: &Path) {
    let details = MeetingDetails {
        title: "Hội nghị đối thoại".into(),
        ..MeetingDetails::default()
    };
    let chair = OpenOptions::new("chu-tri", Role::Chair);
    drop(Store::create(path, chair, details, Sharing::Private).unwrap());
}

/// The command's path, minus starting the process: (whole, of which
/// deciding and writing).
fn gavel_import(meeting: &Path, csv: &Path) -> (Duration, Duration) {
    let start = Instant::now();
    let bytes = std::fs::read(csv).unwrap();
    let text = plans::decode_spreadsheet(csv, &bytes).unwrap();
    let people = plans::read_participants_csv(csv, &text).unwrap();
    let mut store = Store::open(meeting, options()).unwrap();
    let writing = Instant::now();
    plans::import(&mut store, csv, &[], &people).unwrap();
    (start.elapsed(), writing.elapsed())
}

fn bare_insert(path: &Path, people: &[Person]) -> Duration {
    let start = Instant::now();
    let mut conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "wal").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.execute_batch(
        "CREATE TABLE participants (id INTEGER PRIMARY KEY, name TEXT NOT NULL,
            organization TEXT NOT NULL, role TEXT NOT NULL, contact TEXT NOT NULL,
            attendance TEXT NOT NULL, rev INTEGER NOT NULL)",
    )
    .unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO participants (id, name, organization, role, contact, attendance, rev)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?1)",
            )
            .unwrap();
        for (id, person) in people.iter().enumerate() {
            let f = &person.fields;
            insert
                .execute(params![
                    id as i64 + 2,
                    f.name,
                    f.organization,
                    f.role.as_str(),
                    f.contact,
                    f.attendance.as_str()
                ])
                .unwrap();
        }
    }
    tx.commit().unwrap();
    start.elapsed()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn s(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, list()).unwrap();
    let people = plans::read_participants_csv(&csv, &list()).unwrap();

    let (mut whole, mut writing, mut again, mut bare) = (vec![], vec![], vec![], vec![]);
    for run in 0..RUNS {
        let meeting = dir.path().join(format!("m{run}.gavel"));
        new_meeting(&meeting);
        let (all, lock) = gavel_import(&meeting, &csv);
        whole.push(all);
        writing.push(lock);
        again.push(gavel_import(&meeting, &csv).0);
        bare.push(bare_insert(
            &dir.path().join(format!("bare{run}.db")),
            &people,
        ));
    }
    println!("{PEOPLE} participants, median of {RUNS} runs:");
    println!(
        "  gavel import: {} (of which deciding and writing {})",
        s(median(whole)),
        s(median(writing))
    );
    println!("  the same list again: {}", s(median(again)));
    println!(
        "  bare rusqlite insert of the same rows: {}",
        s(median(bare))
    );
}
