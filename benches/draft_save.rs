//! Keystroke → committed draft, side by side with a bare rusqlite upsert of
//! the same row under the same pragmas (WAL, same `synchronous`), in one
//! run: for a sentence, and for a long note (3 KB), where the bare upsert
//! is also measured in a table WITHOUT ROWID, as drafts were kept before
//! schema 8 (the row then spills to overflow pages: four pages a key).
//!
//! cargo bench --bench draft_save

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use gavel::domain::{MeetingDetails, Role};
use gavel::store::{Durability, OpenOptions, Sharing, Store};
use rusqlite::{Connection, params};

/// A sentence being typed, about the size of a real draft.
const TEXT: &str = "Đề nghị Sở xem xét rút ngắn thời hạn giải quyết thủ tục cấp giấy phép tiến hành công việc bức xạ";

/// The drafts' table as gavel keeps it (`rows`: "" since schema 8, or
/// "WITHOUT ROWID" as before).
fn bare_connection(path: &std::path::Path, synchronous: &str, rows: &str) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "wal").unwrap();
    conn.pragma_update(None, "synchronous", synchronous)
        .unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    conn.execute_batch(&format!(
        "CREATE TABLE drafts (actor TEXT NOT NULL, console INTEGER NOT NULL, form TEXT NOT NULL,
            field TEXT NOT NULL, text TEXT NOT NULL, cursor INTEGER NOT NULL,
            updated_at TEXT NOT NULL, PRIMARY KEY (actor, console, form, field)) {rows}"
    ))
    .unwrap();
    conn
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("keystroke_to_committed_draft");
    group.measurement_time(Duration::from_secs(4));
    group.sample_size(50);
    let long = "Ghi chú của thư ký về mục này. ".repeat(90);
    for (label, durability, synchronous) in [
        ("FULL", Durability::Full, "FULL"),
        ("NORMAL", Durability::Normal, "NORMAL"),
    ] {
        for (size, text) in [("sentence", TEXT), ("note_3KB", long.as_str())] {
            let id = |name: &str| BenchmarkId::new(name, format!("{label}/{size}"));
            let mut tables = vec![("bare_rusqlite_upsert", "")];
            if size != "sentence" {
                tables.push(("bare_upsert_without_rowid", "WITHOUT ROWID"));
            }
            for (name, rows) in tables {
                let bare_path = dir.path().join(format!("{name}-{label}-{size}.db"));
                let conn = bare_connection(&bare_path, synchronous, rows);
                let mut n = 0usize;
                group.bench_function(id(name), |b| {
                    b.iter(|| {
                        n += 1;
                        bare_upsert(&conn, text, n % text.len());
                    })
                });
            }

            let mut store = gavel_store(
                &dir.path().join(format!("gavel-{label}-{size}.gavel")),
                durability,
            );
            let mut n = 0usize;
            group.bench_function(id("gavel_save_draft"), |b| {
                b.iter(|| {
                    n += 1;
                    store
                        .save_draft("issue/new", "text", text, n % text.len())
                        .unwrap();
                })
            });
        }
    }
    group.finish();
}

fn bare_upsert(conn: &Connection, text: &str, cursor: usize) {
    conn.prepare_cached(
        "INSERT INTO drafts (actor, console, form, field, text, cursor, updated_at)
         VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (actor, console, form, field) DO UPDATE
         SET text = excluded.text, cursor = excluded.cursor, updated_at = excluded.updated_at",
    )
    .unwrap()
    .execute(params![
        "lan",
        "issue/new",
        "text",
        text,
        cursor as i64,
        "2026-02-05T01:00:00.000Z"
    ])
    .unwrap();
}

fn gavel_store(path: &std::path::Path, durability: Durability) -> Store {
    let details = MeetingDetails {
        title: "bench".into(),
        ..MeetingDetails::default()
    };
    drop(
        Store::create(
            path,
            OpenOptions::new("chair", Role::Chair),
            details,
            Sharing::Private,
        )
        .unwrap(),
    );
    let mut options = OpenOptions::new("lan", Role::Secretary);
    options.durability = durability;
    Store::open(path, options).unwrap()
}

criterion_group!(benches, bench);
criterion_main!(benches);
