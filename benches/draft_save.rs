//! Keystroke → committed draft, side by side with a bare rusqlite upsert of
//! the same row under the same pragmas (WAL, same `synchronous`), in one run.
//!
//! cargo bench --bench draft_save

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use gavel::domain::{MeetingDetails, Role};
use gavel::store::{Durability, OpenOptions, Sharing, Store};
use rusqlite::{Connection, params};

/// A sentence being typed, about the size of a real draft.
const TEXT: &str = "Đề nghị Sở xem xét rút ngắn thời hạn giải quyết thủ tục cấp giấy phép tiến hành công việc bức xạ";

fn bare_connection(path: &std::path::Path, synchronous: &str) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "wal").unwrap();
    conn.pragma_update(None, "synchronous", synchronous)
        .unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    conn.execute_batch(
        "CREATE TABLE drafts (actor TEXT NOT NULL, form TEXT NOT NULL, field TEXT NOT NULL,
            text TEXT NOT NULL, cursor INTEGER NOT NULL, updated_at TEXT NOT NULL,
            PRIMARY KEY (actor, form, field)) WITHOUT ROWID",
    )
    .unwrap();
    conn
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("keystroke_to_committed_draft");
    group.measurement_time(Duration::from_secs(4));
    group.sample_size(50);
    for (label, durability, synchronous) in [
        ("FULL", Durability::Full, "FULL"),
        ("NORMAL", Durability::Normal, "NORMAL"),
    ] {
        let bare_path = dir.path().join(format!("bare-{label}.db"));
        let conn = bare_connection(&bare_path, synchronous);
        let mut upsert = conn
            .prepare(
                "INSERT INTO drafts (actor, form, field, text, cursor, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (actor, form, field) DO UPDATE
                 SET text = excluded.text, cursor = excluded.cursor, updated_at = excluded.updated_at",
            )
            .unwrap();
        let mut n = 0usize;
        group.bench_function(BenchmarkId::new("bare_rusqlite_upsert", label), |b| {
            b.iter(|| {
                n += 1;
                let cursor = n % TEXT.len();
                upsert
                    .execute(params![
                        "lan",
                        "issue/new",
                        "text",
                        TEXT,
                        cursor as i64,
                        "2026-02-05T01:00:00.000Z"
                    ])
                    .unwrap();
            })
        });

        let path = dir.path().join(format!("gavel-{label}.gavel"));
        let mut options = OpenOptions::new("lan", Role::Secretary);
        options.durability = durability;
        let details = MeetingDetails {
            title: "bench".into(),
            ..MeetingDetails::default()
        };
        drop(
            Store::create(
                &path,
                OpenOptions::new("chair", Role::Chair),
                details,
                Sharing::Private,
            )
            .unwrap(),
        );
        let mut store = Store::open(&path, options).unwrap();
        let mut n = 0usize;
        group.bench_function(BenchmarkId::new("gavel_save_draft", label), |b| {
            b.iter(|| {
                n += 1;
                store
                    .save_draft("issue/new", "text", TEXT, n % TEXT.len())
                    .unwrap();
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
