//! Fault injection for the tests that prove a save is atomic: with
//! `GAVEL_TEST_KILL_AT_WRITE=N` in the environment, the process kills
//! itself (SIGKILL, as a crash or `kill -9` would) just before its N-th
//! writing statement (INSERT, UPDATE, DELETE, COMMIT) runs. Without the
//! variable, nothing is installed.

use std::sync::atomic::{AtomicU64, Ordering};

use rusqlite::Connection;
use rusqlite::trace::{TraceEvent, TraceEventCodes};

/// Writing statements started so far in this process.
static WRITES: AtomicU64 = AtomicU64::new(0);

pub fn install(conn: &mut Connection) -> rusqlite::Result<()> {
    let Some(kill_at) = std::env::var("GAVEL_TEST_KILL_AT_WRITE")
        .ok()
        .and_then(|n| n.parse::<u64>().ok())
    else {
        return Ok(());
    };
    conn.trace_v2(
        TraceEventCodes::SQLITE_TRACE_STMT,
        Some(move |event: TraceEvent<'_>| {
            if let TraceEvent::Stmt(_, sql) = event
                && is_write(sql)
                && WRITES.fetch_add(1, Ordering::SeqCst) + 1 == kill_at
            {
                // SAFETY: sends a signal to this very process.
                unsafe {
                    libc::kill(libc::getpid(), libc::SIGKILL);
                }
            }
        }),
    )
}

fn is_write(sql: &str) -> bool {
    let first = sql.split_whitespace().next().unwrap_or("");
    ["INSERT", "UPDATE", "DELETE", "COMMIT"]
        .iter()
        .any(|word| first.eq_ignore_ascii_case(word))
}
