//! Not one English word in the Vietnamese console (issue 18, item 6): every
//! refusal of the record's rules (each variant, each action and reason),
//! every text, every value's label, every refusal the footer shows, every
//! key's words, every error of the meeting file (with SQLite's and the
//! system's causes), of a list or a plan read, and of a command, rendered in
//! both languages. The English words of the English
//! renderings are the dictionary: one of them in a Vietnamese rendering is
//! an untranslated word, unless it is a name (gavel, Word, a key's name).

mod common;

use std::collections::BTreeSet;

use gavel::app::layers::*;
use gavel::app::pane_keys::{ANYWHERE_KEYS, footer_hints, keys_of};
use gavel::app::{Console, Msg, Pane, Status, update};
use gavel::commands::CommandError;
use gavel::domain::papers::Paper;
use gavel::domain::*;
use gavel::i18n::{self, EN, ErrorText, Label, Lang, VI, domain_error};
use gavel::input::keymap::{Binding, Described};
use gavel::plans::{Choices, PlanError, Problem, Seat};
use gavel::session::recovery::RecoveryError;
use gavel::session::{Notice, Refusal};
use gavel::store::{ImportError, StoreError};

use common::english::{prose, words};

/// Names, key names and the syntax of a command line or a file: the same
/// in both languages.
const NAMES: &[&str] = &[
    "gavel", "word", "markdown", "csv", "json", "toml", "sqlite", "docx", "utf", "enter", "esc",
    "tab", "ctrl", "shift", "alt", "home", "end", "pgup", "pgdn", "del", "space", "wal", "shm",
    "ssh", "unicode", // and the people's names the renderings carry:
    "minh", "lan",
];

/// A key of a plan a text quotes, as the plan must write it.
const QUOTED_KEYS: &[(&str, &str)] = &[("text cli_plan_needs_title", "title")];

/// Pairs of (what, English, Vietnamese) for everything the console says.
fn renderings() -> Vec<(String, String, String)> {
    let mut all = Vec::new();
    let mut pair = |what: String, en: String, vi: String| all.push((what, en, vi));

    for ((name, en), (_, vi)) in EN.entries().into_iter().zip(VI.entries()) {
        pair(format!("text {name}"), en.into(), vi.into());
    }

    fn labels<T: Label + std::fmt::Debug>(all: &[T], out: &mut dyn FnMut(String, String, String)) {
        for value in all {
            out(
                format!("label {value:?}"),
                value.label(Lang::En).into(),
                value.label(Lang::Vi).into(),
            );
        }
    }
    labels(Role::ALL, &mut pair);
    labels(Area::ALL, &mut pair);
    labels(
        &[
            Paper::Minutes,
            Paper::Notice,
            Paper::Upward,
            Paper::FollowUp,
        ],
        &mut pair,
    );
    labels(RequestKind::ALL, &mut pair);
    labels(RequestStatus::ALL, &mut pair);
    labels(Disposition::ALL, &mut pair);
    labels(IssueCategory::ALL, &mut pair);
    labels(IssueSource::ALL, &mut pair);
    labels(ActionStatus::ALL, &mut pair);
    labels(AgendaStatus::ALL, &mut pair);
    labels(ParticipantRole::ALL, &mut pair);
    labels(Attendance::ALL, &mut pair);

    for d in Disposition::ALL {
        pair(
            format!("short {d:?}"),
            i18n::short_disposition(*d, Lang::En).into(),
            i18n::short_disposition(*d, Lang::Vi).into(),
        );
    }
    for a in Attendance::ALL {
        for (spoke, short) in [(false, false), (true, false), (false, true), (true, true)] {
            pair(
                format!("attendance {a:?}"),
                i18n::attendance_word(*a, spoke, short, Lang::En).into(),
                i18n::attendance_word(*a, spoke, short, Lang::Vi).into(),
            );
        }
    }
    for g in ParticipantRole::ALL {
        pair(
            format!("group {g:?}"),
            i18n::short_group(*g, Lang::En).into(),
            i18n::short_group(*g, Lang::Vi).into(),
        );
    }
    for k in RequestKind::ALL {
        pair(
            format!("kind {k:?}"),
            i18n::kind_tag(*k, Lang::En).into(),
            i18n::kind_tag(*k, Lang::Vi).into(),
        );
    }

    for error in every_domain_error() {
        pair(
            format!("error {error:?}"),
            domain_error(Lang::En, &error),
            domain_error(Lang::Vi, &error),
        );
    }
    for refusal in every_refusal() {
        pair(
            format!("refusal {refusal:?}"),
            refusal_shown(Lang::En, &refusal),
            refusal_shown(Lang::Vi, &refusal),
        );
    }
    for (what, en, vi) in key_words() {
        pair(what, en, vi);
    }
    for error in every_store_error() {
        pair(
            format!("store {error:?}"),
            error.localized(Lang::En),
            error.localized(Lang::Vi),
        );
        let failed = ErrorText::new(|lang| error.localized(lang));
        pair(
            format!("console {error:?}"),
            failure_shown(Lang::En, &failed),
            failure_shown(Lang::Vi, &failed),
        );
    }
    for error in every_command_error() {
        pair(
            format!("command {error:?}"),
            error.localized(Lang::En),
            error.localized(Lang::Vi),
        );
    }
    for error in every_import_error() {
        pair(
            format!("json {error:?}"),
            error.localized(Lang::En),
            error.localized(Lang::Vi),
        );
    }
    for error in every_recovery_error() {
        pair(
            format!("recovery {error:?}"),
            error.localized(Lang::En),
            error.localized(Lang::Vi),
        );
    }
    for problem in every_list_problem() {
        let error = PlanError::Bad {
            file: "dai-bieu.csv".into(),
            line: 3,
            field: "Nhóm đại biểu".into(),
            problem,
        };
        pair(
            format!("list {error:?}"),
            error.localized(Lang::En),
            error.localized(Lang::Vi),
        );
    }
    all
}

/// The SQLite result codes a user can meet (another program writing, a
/// lock, a read-only or full disk, a damaged file, no permission), and one
/// no user should meet: each with SQLite's own English.
fn sqlite_errors() -> Vec<rusqlite::Error> {
    use rusqlite::ffi;
    [
        (ffi::SQLITE_BUSY, "database is locked"),
        (ffi::SQLITE_LOCKED, "database table is locked"),
        (ffi::SQLITE_READONLY, "attempt to write a readonly database"),
        (
            ffi::SQLITE_READONLY_DBMOVED,
            "attempt to write a readonly database",
        ),
        (ffi::SQLITE_CORRUPT, "database disk image is malformed"),
        (ffi::SQLITE_NOTADB, "file is not a database"),
        (ffi::SQLITE_FULL, "database or disk is full"),
        (ffi::SQLITE_CANTOPEN, "unable to open database file"),
        (ffi::SQLITE_IOERR, "disk I/O error"),
        (ffi::SQLITE_IOERR_FSYNC, "disk I/O error"),
        (ffi::SQLITE_PERM, "access permission denied"),
        (ffi::SQLITE_NOMEM, "out of memory"),
        (ffi::SQLITE_PROTOCOL, "locking protocol"),
        (ffi::SQLITE_INTERRUPT, "interrupted"),
        (ffi::SQLITE_MISMATCH, "datatype mismatch"),
    ]
    .into_iter()
    .map(|(code, message)| {
        rusqlite::Error::SqliteFailure(ffi::Error::new(code), Some(message.into()))
    })
    .chain([
        rusqlite::Error::QueryReturnedNoRows,
        rusqlite::Error::InvalidColumnType(0, "payload".into(), rusqlite::types::Type::Integer),
    ])
    .collect()
}

/// The system's errors a meeting file or a command's file can meet: each
/// kind with the system's English, and as the system gives them (with
/// their numbers: "Permission denied (os error 13)").
fn io_errors() -> Vec<std::io::Error> {
    use std::io::{Error, ErrorKind as K};
    let kinds = [
        K::NotFound,
        K::PermissionDenied,
        K::AlreadyExists,
        K::IsADirectory,
        K::NotADirectory,
        K::StorageFull,
        K::QuotaExceeded,
        K::FileTooLarge,
        K::ReadOnlyFilesystem,
        K::ResourceBusy,
        K::WouldBlock,
        K::TimedOut,
        K::Interrupted,
        K::UnexpectedEof,
        K::InvalidData,
        K::OutOfMemory,
        K::Other,
    ];
    let raw = [
        libc::ENOENT,
        libc::EACCES,
        libc::EPERM,
        libc::EEXIST,
        libc::EISDIR,
        libc::ENOTDIR,
        libc::ENOSPC,
        libc::EDQUOT,
        libc::EFBIG,
        libc::EROFS,
        libc::EBUSY,
        libc::EIO,
        libc::ENXIO,
    ];
    kinds
        .into_iter()
        .map(|kind| Error::new(kind, "something went wrong with the file"))
        .chain(raw.into_iter().map(Error::from_raw_os_error))
        .collect()
}

/// Every kind of error of the meeting file. The match is the list's
/// keeper: a kind added to `StoreError` does not compile here until it is
/// listed.
fn every_store_error() -> Vec<StoreError> {
    let mut all = vec![
        StoreError::NotFound,
        StoreError::AlreadyExists,
        StoreError::NotSqlite("file is not a database".into()),
        StoreError::Foreign,
        StoreError::NewerSchema {
            found: 9,
            supported: 4,
        },
        StoreError::Damaged("truncated: 4096 bytes of 8192".into()),
        StoreError::Damaged("entry 3: unreadable payload: expected value".into()),
        StoreError::SchemaVersion(0),
        StoreError::Unhealthy("journal entry 4 does not match its hash".into()),
        StoreError::Refused(DomainError::QueueEmpty),
        StoreError::NotAllowed {
            role: Role::Observer,
        },
        StoreError::ReadOnly,
        StoreError::NothingToUndo,
    ];
    all.extend(io_errors().into_iter().map(StoreError::Io));
    all.extend(sqlite_errors().into_iter().map(StoreError::Sqlite));
    // And as gavel makes them from SQLite's (a damaged file, not a database).
    all.extend(sqlite_errors().into_iter().map(StoreError::from));
    for error in &all {
        match error {
            StoreError::NotFound
            | StoreError::AlreadyExists
            | StoreError::NotSqlite(_)
            | StoreError::Foreign
            | StoreError::NewerSchema { .. }
            | StoreError::Damaged(_)
            | StoreError::SchemaVersion(_)
            | StoreError::Unhealthy(_)
            | StoreError::Refused(_)
            | StoreError::NotAllowed { .. }
            | StoreError::ReadOnly
            | StoreError::NothingToUndo
            | StoreError::Io(_)
            | StoreError::Sqlite(_) => {}
        }
    }
    all
}

/// The errors of a command that are its own (the others are the file's,
/// the list's and the plan's, above): a file it could not write or read.
fn every_command_error() -> Vec<CommandError> {
    let mut all = vec![CommandError::NoTerminal];
    for error in io_errors() {
        all.push(CommandError::Output {
            path: "bien-ban.docx".into(),
            error,
        });
    }
    for error in io_errors() {
        all.push(CommandError::Read {
            path: "dai-bieu.csv".into(),
            error,
        });
    }
    all.push(CommandError::Output {
        path: "standard output".into(),
        error: std::io::Error::from_raw_os_error(libc::ENOSPC),
    });
    all
}

/// Every error of a JSON export read by `gavel import`. The match is the
/// list's keeper, as above.
fn every_import_error() -> Vec<ImportError> {
    let all = vec![
        ImportError::Malformed {
            line: 3,
            column: 7,
            path: "journal[3].event".into(),
            message: "missing field `kind`".into(),
        },
        ImportError::WrongFormat {
            found: Some("something else".into()),
        },
        ImportError::WrongFormat { found: None },
        ImportError::UnsupportedVersion { found: 9 },
        ImportError::EmptyJournal,
        ImportError::Gap {
            index: 3,
            expected: 4,
            found: 6,
        },
        ImportError::Unlinked { seq: 4 },
        ImportError::Altered { seq: 4 },
        ImportError::KindMismatch {
            seq: 4,
            kind: "issue_logged".into(),
            event_kind: "participant_added",
        },
        ImportError::RecordMismatch("issues differ: issue 3 has another text".into()),
        ImportError::Store(StoreError::AlreadyExists),
    ];
    for error in &all {
        match error {
            ImportError::Malformed { .. }
            | ImportError::WrongFormat { .. }
            | ImportError::UnsupportedVersion { .. }
            | ImportError::EmptyJournal
            | ImportError::Gap { .. }
            | ImportError::Unlinked { .. }
            | ImportError::Altered { .. }
            | ImportError::KindMismatch { .. }
            | ImportError::RecordMismatch(_)
            | ImportError::Store(_) => {}
        }
    }
    all
}

/// Every error of a recovery file (`gavel recover`). The match is the
/// list's keeper, as above.
fn every_recovery_error() -> Vec<RecoveryError> {
    let all = vec![
        RecoveryError::Malformed {
            line: 3,
            column: 7,
            path: "changes[0].at".into(),
            message: "invalid type: string \"x\", expected a timestamp".into(),
        },
        RecoveryError::WrongFormat("something else".into()),
        RecoveryError::UnsupportedVersion(9),
        RecoveryError::OtherMeeting,
        RecoveryError::Store(StoreError::ReadOnly),
        RecoveryError::Io(std::io::Error::from_raw_os_error(libc::EACCES)),
    ];
    for error in &all {
        match error {
            RecoveryError::Malformed { .. }
            | RecoveryError::WrongFormat(_)
            | RecoveryError::UnsupportedVersion(_)
            | RecoveryError::OtherMeeting
            | RecoveryError::Store(_)
            | RecoveryError::Io(_) => {}
        }
    }
    all
}

/// Every problem a list of participants (or a plan) can have. The match is
/// the list's keeper, as above.
fn every_list_problem() -> Vec<Problem> {
    let choices = [
        Choices::Roles,
        Choices::Groups,
        Choices::Attendance,
        Choices::Present,
        Choices::Honorifics,
    ];
    let mut all = vec![
        // What the CSV and TOML readers say, in their English.
        Problem::Syntax("found record with 3 fields, but the previous record has 2 fields".into()),
        Problem::Syntax("invalid utf-8 sequence of 1 bytes from index 4".into()),
        Problem::Syntax("unknown field `nam`, expected one of `name`, `role`".into()),
        Problem::Syntax("unknown field `nam`".into()),
        Problem::Syntax("unknown variant `boss`, expected `chair` or `secretary`".into()),
        Problem::Syntax("missing field `title`".into()),
        Problem::Syntax("duplicate key `title`".into()),
        Problem::Syntax("invalid type: string \"x\", expected u32".into()),
        Problem::Syntax("invalid type: integer `3`, expected a string".into()),
        Problem::Syntax("invalid type: string \"x\", expected a sequence".into()),
        Problem::Syntax("invalid type: string \"x\", expected a boolean".into()),
        Problem::Syntax("invalid type: map, expected a date".into()),
        Problem::Syntax("expected `=`, found newline".into()),
        Problem::EmptyName,
        Problem::NoNameColumn,
        Problem::NotADate("mồng một".into()),
        Problem::NotADateTime("sáng mồng một".into()),
        Problem::NotANumber("mười".into()),
        Problem::CellAcrossLines,
        Problem::ControlCharacter,
        Problem::TooLong { max: 200 },
        Problem::NotText,
    ];
    for choices in choices {
        all.push(Problem::UnknownValue {
            value: "ông lớn".into(),
            choices,
        });
    }
    for listed in Attendance::ALL {
        all.push(Problem::PresentByRecord {
            name: "Lý Minh Khôi".into(),
            listed: *listed,
        });
    }
    for seat in [Seat::Chair, Seat::Secretary] {
        all.push(Problem::SeatTwice {
            seat,
            first: "Lý Minh Khôi".into(),
            second: "Đặng Quốc Bảo".into(),
        });
        all.push(Problem::SeatAmbiguous {
            seat,
            name: "Lý Minh Khôi".into(),
        });
        all.push(Problem::SeatTaken {
            seat,
            chosen: "Lý Minh Khôi".into(),
            marked: "Đặng Quốc Bảo".into(),
        });
    }
    for problem in &all {
        match problem {
            Problem::Syntax(_)
            | Problem::UnknownValue { .. }
            | Problem::EmptyName
            | Problem::NoNameColumn
            | Problem::NotADate(_)
            | Problem::NotADateTime(_)
            | Problem::NotANumber(_)
            | Problem::CellAcrossLines
            | Problem::ControlCharacter
            | Problem::TooLong { .. }
            | Problem::NotText
            | Problem::PresentByRecord { .. }
            | Problem::SeatTwice { .. }
            | Problem::SeatAmbiguous { .. }
            | Problem::SeatTaken { .. } => {}
        }
    }
    for choice in choices {
        match choice {
            Choices::Roles
            | Choices::Groups
            | Choices::Attendance
            | Choices::Present
            | Choices::Honorifics => {}
        }
    }
    all
}

/// What the console says of a failure of the file (a read, a draft, a
/// write that waits), through its own update.
fn failure_shown(lang: Lang, error: &ErrorText) -> String {
    let record = Record::default();
    let mut console = Console::new(lang, Role::Chair, chrono::DateTime::UNIX_EPOCH);
    update(
        &mut console,
        &record,
        Msg::Session(Notice::Failed {
            error: error.clone(),
        }),
    );
    match console.status {
        Some(Status::Error(message)) => message,
        other => format!("not an error: {other:?}"),
    }
}

fn every_domain_error() -> Vec<DomainError> {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 2, 5).unwrap();
    let mut all = vec![
        DomainError::NotCreated,
        DomainError::AlreadyCreated,
        DomainError::QueueEmpty,
        DomainError::QueueClosed,
        DomainError::NoSpeaker,
        DomainError::NoActiveItem,
        DomainError::AlreadyWaiting {
            who: "Lý Minh Khôi".into(),
        },
        DomainError::DueBeforeMeeting {
            due: day,
            meeting_day: day,
        },
        DomainError::Conflict {
            entity: EntityRef::Issue(1),
            base: 1,
            current: 2,
        },
        DomainError::PresentByRecord {
            who: "Lý Minh Khôi".into(),
        },
        DomainError::CannotUndo(UndoWhy::NotUndoable),
        DomainError::CannotUndo(UndoWhy::ChangedSince(12)),
    ];
    for field in Field::ALL {
        all.push(DomainError::Empty(*field));
        all.push(DomainError::Invalid(*field));
    }
    for kind in Kind::ALL {
        all.push(DomainError::NotFound { kind: *kind, id: 7 });
    }
    for action in EndedAction::ALL {
        for at in [None, chrono::NaiveTime::from_hms_opt(11, 42, 0)] {
            all.push(DomainError::MeetingEnded {
                action: *action,
                at,
            });
        }
    }
    for action in Act::ALL {
        for reason in Why::all() {
            all.push(DomainError::NotNow {
                action: *action,
                reason,
            });
        }
    }
    all
}

fn every_refusal() -> Vec<Refusal> {
    let mut all = vec![
        Refusal::ReadOnly,
        Refusal::Conflict {
            current: 3,
            author: "Lan".into(),
        },
    ];
    for role in Role::ALL {
        all.push(Refusal::NotAllowed {
            role: *role,
            area: None,
        });
        for area in Area::ALL {
            all.push(Refusal::NotAllowed {
                role: *role,
                area: Some(*area),
            });
        }
    }
    all.extend(every_domain_error().into_iter().map(Refusal::Rule));
    all
}

/// What the footer says of a refusal, through the console's own update.
fn refusal_shown(lang: Lang, refusal: &Refusal) -> String {
    let record = Record::default();
    let mut console = Console::new(lang, Role::Chair, chrono::DateTime::UNIX_EPOCH);
    update(
        &mut console,
        &record,
        Msg::Session(Notice::Refused {
            refusal: refusal.clone(),
            form: None,
            late: false,
        }),
    );
    match console.status {
        Some(Status::Warning(message)) => message,
        other => format!("not a warning: {other:?}"),
    }
}

/// Every key's words: the footer's and the help's, of every keymap.
fn key_words() -> Vec<(String, String, String)> {
    fn table<A: Described + std::fmt::Debug>(
        bindings: &[Binding<A>],
    ) -> Vec<(String, String, String)> {
        bindings
            .iter()
            .flat_map(|b| {
                [
                    (
                        format!("key {:?}", b.action),
                        b.action.describe(Lang::En).into(),
                        b.action.describe(Lang::Vi).into(),
                    ),
                    (
                        format!("help {:?}", b.action),
                        b.action.help_line(Lang::En).into(),
                        b.action.help_line(Lang::Vi).into(),
                    ),
                ]
            })
            .collect()
    }
    let mut all = table(ANYWHERE_KEYS);
    for pane in Pane::ALL {
        all.extend(table(keys_of(pane)));
    }
    all.extend(table(YES_NO_KEYS));
    all.extend(table(HELP_KEYS));
    all.extend(table(SEARCH_KEYS));
    all.extend(table(ROLL_CALL_KEYS));
    all.extend(table(CONFLICT_KEYS));
    all.extend(table(REVIEW_KEYS));
    all.extend(table(HALL_IN_CONSOLE_KEYS));
    all.extend(table(HALL_ALONE_KEYS));
    all.extend(table(PAPERS_KEYS));
    all.extend(table(gavel::app::form::ONE_LINE_KEYS));
    all.extend(table(gavel::app::form::MANY_LINES_KEYS));
    all.extend(table(gavel::app::form::FIELD_KEYS));
    all.extend(table(gavel::input::editing::EDITING));
    all
}

#[test]
fn the_vietnamese_console_has_no_english_word() {
    let all = renderings();
    let english: BTreeSet<String> = all
        .iter()
        .flat_map(|(_, en, _)| words(&prose(en)))
        .filter(|w| !NAMES.contains(&w.as_str()))
        .collect();
    let mut untranslated = Vec::new();
    for (what, en, vi) in &all {
        let leaks: Vec<String> = words(&prose(vi))
            .into_iter()
            .filter(|w| english.contains(w))
            .filter(|w| !QUOTED_KEYS.contains(&(what.as_str(), w.as_str())))
            .collect();
        if !leaks.is_empty() {
            untranslated.push(format!(
                "{what}: {vi:?} ({}) [en: {en:?}]",
                leaks.join(", ")
            ));
        }
    }
    assert!(
        untranslated.is_empty(),
        "{} Vietnamese text(s) with English words:\n{}",
        untranslated.len(),
        untranslated.join("\n")
    );
}

#[test]
fn the_check_sees_an_english_word() {
    // The dictionary and the filter together: an untranslated refusal of
    // today's kind is caught, a Vietnamese one is not.
    let english: BTreeSet<String> = words(&prose("cannot start this item: it is done"))
        .into_iter()
        .collect();
    let caught = |vi: &str| words(&prose(vi)).iter().any(|w| english.contains(w));
    assert!(caught("không thể start this item: it is done"));
    assert!(!caught("không thể bắt đầu mục này: mục này đã xong"));
    assert!(!caught("--format docx cần -o TỆP.docx"));
}

#[test]
fn every_refusal_reaches_the_footer_in_both_languages() {
    for refusal in every_refusal() {
        for lang in [Lang::En, Lang::Vi] {
            let shown = refusal_shown(lang, &refusal);
            assert!(!shown.starts_with("not a warning"), "{refusal:?}: {shown}");
        }
        let vi = refusal_shown(Lang::Vi, &refusal);
        assert!(i18n::looks_vietnamese(&vi), "{refusal:?}: {vi}");
    }
}

#[test]
fn typed_refusals_read_well_in_both_languages() {
    let error = DomainError::NotNow {
        action: Act::StartItem,
        reason: Why::ItemIs(AgendaStatus::Done),
    };
    assert_eq!(error.to_string(), "cannot start this item: it is done");
    assert_eq!(
        domain_error(Lang::Vi, &error),
        "không thể bắt đầu mục này: mục này đã xong"
    );
    let error = DomainError::NotNow {
        action: Act::CloseIssue,
        reason: Why::IssueClosed,
    };
    assert_eq!(
        error.to_string(),
        "cannot close this issue: it is already closed"
    );
    assert_eq!(
        domain_error(Lang::Vi, &error),
        "không thể đóng phản ánh, kiến nghị này: phản ánh, kiến nghị này đã đóng"
    );
    let error = DomainError::CannotUndo(UndoWhy::ChangedSince(12));
    assert_eq!(
        error.to_string(),
        "cannot undo: it was changed again since (entry 12)"
    );
    assert_eq!(
        domain_error(Lang::Vi, &error),
        "không hoàn tác được: đã có thay đổi khác sau đó (mục 12)"
    );
    let error = DomainError::Empty(Field::ActionOwner);
    assert_eq!(error.to_string(), "the action's owner must not be empty");
    assert_eq!(domain_error(Lang::Vi, &error), "chưa nhập người thực hiện");
    let error = DomainError::NotFound {
        kind: Kind::Request,
        id: 4,
    };
    assert_eq!(error.to_string(), "no such request for the floor (#4)");
    assert_eq!(
        domain_error(Lang::Vi, &error),
        "không tìm thấy đăng ký phát biểu (#4)"
    );
}

/// The footer of every pane, for every role: no key the role may not use.
#[test]
fn footer_hints_offer_only_the_keys_of_the_role() {
    for role in Role::ALL {
        for pane in Pane::ALL {
            for hint in footer_hints(pane, Lang::Vi, *role) {
                let binding = keys_of(pane)
                    .iter()
                    .chain(ANYWHERE_KEYS)
                    .find(|b| b.key.name() == hint.keys)
                    .unwrap();
                assert!(
                    binding.action.may_use(*role, pane),
                    "{role:?} in {pane:?} is offered {} ({})",
                    hint.keys,
                    hint.what
                );
            }
        }
    }
    // The chair is offered the floor; the secretary the issues.
    let chair = footer_hints(Pane::Speakers, Lang::En, Role::Chair);
    assert!(chair.iter().any(|h| h.keys == "n"));
    let secretary = footer_hints(Pane::Speakers, Lang::En, Role::Secretary);
    assert!(!secretary.iter().any(|h| h.keys == "n" || h.keys == "c"));
    assert!(secretary.iter().any(|h| h.keys == "i"));
    let observer = footer_hints(Pane::Issues, Lang::En, Role::Observer);
    assert!(observer.iter().all(|h| h.keys == "/"), "{observer:?}");
}
