//! What the session says to the console about what it was asked.

use super::drafts::FormDraft;
use crate::domain::*;
use crate::i18n::ErrorText;
use crate::store::Presence;

/// Why the record's rules (or the file) refused a command.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    Rule(DomainError),
    /// Someone changed the row since the form was opened: its revision now,
    /// and who made that change.
    Conflict {
        current: Seq,
        author: String,
    },
    /// This role may not do that (`area`: what it is about).
    NotAllowed {
        role: Role,
        area: Option<Area>,
    },
    /// Opened read-only (an observer, a review).
    ReadOnly,
}

/// What happened to what the console asked of the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A command is in the file; `form` is the key of the form it was saved
    /// from (its drafts went with it). The event is boxed: an issue is far
    /// larger than any other notice.
    Committed {
        seq: Seq,
        event: Box<Event>,
        form: Option<String>,
    },
    /// Refused. `late`: it had waited in the outbox, and `form` is the form
    /// it came from, to bring back (its drafts are kept).
    Refused {
        refusal: Refusal,
        form: Option<FormDraft>,
        late: bool,
    },
    /// Not written now: it waits in the outbox, in order.
    Kept {
        form: Option<String>,
    },
    /// Everything that waited is written: `written` commands.
    Drained {
        written: usize,
    },
    NothingToUndo,
    /// Nothing undone: changes wait to be written, or the file cannot be
    /// written just now (an undo is not kept for later: what is last then
    /// may be something else).
    UndoWaits,
    /// A read, an undo or a draft that failed (nothing typed is lost: the
    /// drafts stay in memory and are tried again).
    Failed {
        error: ErrorText,
    },
    /// Other processes' changes are in the record.
    Synced,
    /// Others came or left, started or stopped typing.
    Presence,
    /// This console's unfinished form, as it was left.
    Restored(FormDraft),
    /// Consoles under the same name were already open: this one keeps its
    /// drafts apart, as number `console`.
    SameName {
        console: u32,
        others: Vec<Presence>,
    },
    /// This computer's clock is behind the file's last entry by `by`: its
    /// entries get the file's last time until it catches up.
    ClockBehind {
        by: chrono::TimeDelta,
    },
    /// The review moved to the moment `at`.
    Reviewed {
        at: Option<Timestamp>,
    },
}
