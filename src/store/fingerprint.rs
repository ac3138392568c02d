//! The paper vouches for the file. Approving the minutes is a journal
//! entry; its hash covers, through the chain, everything recorded up to
//! the approval. Its first 64 bits, printed on the minutes beside the
//! signatures, are their fingerprint: `gavel check FILE --fingerprint …`
//! says whether the file still holds exactly the record that was signed.
//! A chain rewritten after signing (an entry edited, every hash after it
//! recomputed) gives the approval entry another hash: the fingerprint no
//! longer matches. What was recorded after the approval is listed.

use std::path::Path;

use super::check::check_connection;
use super::{CheckReport, OpenOptions, Store, StoreError, journal};
use crate::domain::{MinutesState, Seq, Timestamp};

/// Hex digits of the approval entry's hash that the paper carries.
pub const DIGITS: usize = 16;

/// "ab12 cd34 ef56 7890": the printed form of a hash's fingerprint.
pub fn fingerprint_of(hash: &str) -> String {
    let digits: Vec<char> = hash.chars().take(DIGITS).collect();
    digits
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A fingerprint as typed: hex digits only, lower case (spaces and dashes
/// as printed or copied are ignored).
pub fn normalize(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// What a fingerprint says of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Vouched {
    /// The file holds the record that was signed: approved at entry `seq`,
    /// at `at`; `after` are the entries recorded since.
    Yes {
        seq: Seq,
        at: Timestamp,
        after: Vec<Seq>,
    },
    /// The minutes of this meeting were never approved.
    NotApproved,
    /// The approval entry now carries another fingerprint, or the chain up
    /// to it does not hold: this is not the record that was signed.
    No { now: String },
    /// Fewer than 8 hex digits, or not hex: nothing can be vouched for.
    Unreadable,
}

/// Checks the file as `check` does and, from the same snapshot, whether it
/// still holds the record a fingerprint was printed for.
pub fn verify_fingerprint(path: &Path, typed: &str) -> Result<(CheckReport, Vouched), StoreError> {
    let store = Store::open(path, OpenOptions::reader("gavel-check"))?;
    let report = check_connection(store.connection())?;
    let given = normalize(typed);
    if given.len() < 8 || given.len() > DIGITS || !given.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok((report, Vouched::Unreadable));
    }
    let record = store.record();
    let Some(approved) = record
        .meeting
        .approved_seq
        .filter(|_| record.meeting.minutes == MinutesState::Approved)
    else {
        return Ok((report, Vouched::NotApproved));
    };
    let entries = store.entries_between(approved - 1, approved)?;
    let Some(entry) = entries.first() else {
        return Ok((report, Vouched::NotApproved));
    };
    let now = fingerprint_of(&entry.hash);
    // A broken link or an altered entry anywhere up to the approval means
    // the stored hash vouches for nothing.
    if report.chain.is_err() || !entry.hash.starts_with(&given) {
        return Ok((report, Vouched::No { now }));
    }
    let after = journal::entries_after(store.connection(), approved)?
        .iter()
        .map(|e| e.seq)
        .collect();
    Ok((
        report,
        Vouched::Yes {
            seq: approved,
            at: entry.at,
            after,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_and_typed_forms() {
        let hash = "ab12cd34ef567890aaaabbbbccccdddd";
        assert_eq!(fingerprint_of(hash), "ab12 cd34 ef56 7890");
        assert_eq!(normalize("AB12 cd34-EF56 7890"), "ab12cd34ef567890");
    }
}
