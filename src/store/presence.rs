//! Who else has the meeting open: each console claims a number among the
//! consoles of its person, writes a heartbeat every few seconds and removes
//! it when it closes; one that stops beating, or whose process is gone,
//! drops off. Who is typing what is read from the drafts, which are saved
//! anyway.

use std::time::Duration;

use rusqlite::{TransactionBehavior, params};

use super::projection::{format_ts, parse_ts};
use super::{Store, StoreError, now};
use crate::domain::{Role, Seq, Timestamp};

/// Another console on the same meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presence {
    pub session: String,
    pub actor: String,
    /// Which of the person's consoles (1 for the first).
    pub console: u32,
    pub role: Role,
    pub host: String,
    pub pid: u32,
    pub seen_at: Timestamp,
}

/// Somebody else typing in a form right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typing {
    pub actor: String,
    pub console: u32,
    /// The form's key ("issue/new", "answer/42@57", ...).
    pub form: String,
}

/// The console number this console got, and the consoles already open
/// under the same name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub console: u32,
    pub same_name: Vec<Presence>,
}

fn since(within: Duration) -> String {
    let within = chrono::TimeDelta::from_std(within).unwrap_or(chrono::TimeDelta::seconds(5));
    format_ts(&(now() - within))
}

/// This machine's name, as presence rows record it.
pub fn host_name() -> String {
    // Read once: the heartbeat and the look at the others ask every two
    // seconds, and a machine's name does not change during a meeting.
    static NAME: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    NAME.get_or_init(|| {
        std::fs::read_to_string("/proc/sys/kernel/hostname")
            .unwrap_or_default()
            .trim()
            .to_string()
    })
    .clone()
}

/// Whether a presence row stands for a console that is still running: its
/// heartbeat is recent and, on this machine, its process exists (a console
/// killed a second ago still has a fresh heartbeat).
fn is_alive(presence: &Presence, host: &str, within: Duration) -> bool {
    let fresh =
        chrono::TimeDelta::from_std(within).is_ok_and(|within| now() - presence.seen_at <= within);
    if !fresh {
        return false;
    }
    if presence.host != host {
        return true;
    }
    process_runs(presence.pid)
}

/// Whether process `pid` runs on this machine. A zombie (killed, not yet
/// reaped: in a container without an init that reaps, it stays) does not.
fn process_runs(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // "pid (name) S ...": the state follows the name's parenthesis.
        Ok(stat) => stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| !matches!(state, "Z" | "X" | "x")),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => false,
        // No /proc to read: ask the kernel whether the process exists.
        Err(_) => {
            let Ok(pid) = i32::try_from(pid) else {
                return false;
            };
            // SAFETY: signal 0 sends nothing; it only asks.
            let found = unsafe { libc::kill(pid, 0) } == 0;
            found || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
        }
    }
}

impl Store {
    /// Says "I am here" as a new console, `session` being unique to it: it
    /// gets the lowest number among its person's consoles that no running
    /// console holds (1 when it is alone), in one transaction, so two
    /// consoles opening at once get two numbers. Its drafts are kept under
    /// that number.
    pub fn claim_console(&mut self, session: &str, within: Duration) -> Result<Claim, StoreError> {
        if self.options.role == Role::Observer {
            return Err(StoreError::ReadOnly);
        }
        let host = host_name();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let same_name: Vec<Presence> = read_presence(
            &tx,
            "SELECT session, actor, console, role, host, pid, seen_at FROM presence
             WHERE actor = ?1 AND session != ?2 ORDER BY console",
            params![self.options.actor, session],
        )?
        .into_iter()
        .filter(|p| is_alive(p, &host, within))
        .collect();
        let console = (1..)
            .find(|n| same_name.iter().all(|p| p.console != *n))
            .unwrap_or(1);
        // A console that died under this number leaves its row behind.
        tx.prepare_cached("DELETE FROM presence WHERE actor = ?1 AND console = ?2")?
            .execute(params![self.options.actor, console])?;
        tx.prepare_cached(
            "INSERT INTO presence (session, actor, role, pid, host, seen_at, console)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (session) DO UPDATE SET seen_at = excluded.seen_at, console = excluded.console",
        )?
        .execute(params![
            session,
            self.options.actor,
            self.options.role.as_str(),
            std::process::id(),
            host,
            format_ts(&now()),
            console
        ])?;
        tx.commit()?;
        self.console = console;
        Ok(Claim { console, same_name })
    }

    /// Which of its person's consoles this connection writes drafts for.
    pub fn console(&self) -> u32 {
        self.console
    }

    /// Writes drafts as console `console` of the person without claiming
    /// it (`gavel recover` puts a console's drafts back where they were).
    pub fn use_console(&mut self, console: u32) {
        self.console = console.max(1);
    }

    /// Says "still here" for a console that has claimed its number. An
    /// observer cannot write, so it is never listed.
    pub fn heartbeat(&mut self, session: &str) -> Result<(), StoreError> {
        if self.options.role == Role::Observer {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.prepare_cached(
            "INSERT INTO presence (session, actor, role, pid, host, seen_at, console)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (session) DO UPDATE SET seen_at = excluded.seen_at",
        )?
        .execute(params![
            session,
            self.options.actor,
            self.options.role.as_str(),
            std::process::id(),
            host_name(),
            format_ts(&now()),
            self.console
        ])?;
        tx.commit()?;
        Ok(())
    }

    /// This console is closing.
    pub fn leave(&mut self, session: &str) -> Result<(), StoreError> {
        if self.options.role == Role::Observer {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.prepare_cached("DELETE FROM presence WHERE session = ?1")?
            .execute([session])?;
        tx.commit()?;
        Ok(())
    }

    /// The other consoles that beat within `within`, by session.
    pub fn others_present(
        &self,
        session: &str,
        within: Duration,
    ) -> Result<Vec<Presence>, StoreError> {
        read_presence(
            &self.conn,
            "SELECT session, actor, console, role, host, pid, seen_at FROM presence
             WHERE session != ?1 AND seen_at >= ?2 ORDER BY session",
            params![session, since(within)],
        )
    }

    /// Other consoles whose drafts changed within `within`: somebody is
    /// typing there (another person, or the same person at another console).
    pub fn others_typing(&self, within: Duration) -> Result<Vec<Typing>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT actor, console, form FROM drafts
             WHERE NOT (actor = ?1 AND console = ?2) AND updated_at >= ?3
             GROUP BY actor, console, form ORDER BY max(updated_at)",
        )?;
        let rows = statement.query_map(
            params![self.options.actor, self.console, since(within)],
            |row| {
                Ok(Typing {
                    actor: row.get(0)?,
                    console: row.get(1)?,
                    form: row.get(2)?,
                })
            },
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Who wrote journal entry `seq`.
    pub fn author_of(&self, seq: Seq) -> Result<Option<String>, StoreError> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .prepare_cached("SELECT actor FROM journal WHERE seq = ?1")?
            .query_row([seq], |r| r.get(0))
            .optional()?)
    }
}

fn read_presence(
    conn: &rusqlite::Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<Presence>, StoreError> {
    let mut statement = conn.prepare_cached(sql)?;
    let rows = statement.query_map(params, |row| {
        let role: String = row.get(3)?;
        let seen: String = row.get(6)?;
        Ok(Presence {
            session: row.get(0)?,
            actor: row.get(1)?,
            console: row.get(2)?,
            role: Role::parse(&role).unwrap_or(Role::Observer),
            host: row.get(4)?,
            pid: row.get(5)?,
            seen_at: parse_ts(&seen).unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::process_runs;

    #[test]
    fn this_process_runs_and_a_reaped_one_does_not() {
        assert!(process_runs(std::process::id()));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!process_runs(pid));
    }

    #[test]
    fn a_zombie_does_not_run() {
        let child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        // Not waited for: once it exits it is a zombie until reaped.
        let start = std::time::Instant::now();
        while process_runs(pid) && start.elapsed() < std::time::Duration::from_secs(5) {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(!process_runs(pid), "a zombie counts as gone");
        drop(child);
    }
}
