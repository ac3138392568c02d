//! The typed parts of a refusal: what was asked (`Act`), why not now
//! (`Why`), why an undo cannot be done (`UndoWhy`), which field is empty or
//! wrong (`Field`) and what kind of row is missing (`Kind`). Each is an enum
//! with its English here (`Display`, for the CLI in English and the logs);
//! `i18n::domain_error` gives the Vietnamese with an exhaustive `match`, so
//! a new case does not compile until it is translated.

use std::fmt;

use crate::domain::model::{AgendaStatus, MeetingStatus, RequestStatus, Seq};

/// Declares a field-less enum with its English words and an `ALL` list.
macro_rules! worded {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $en:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(match self {
                    $($name::$variant => $en),+
                })
            }
        }
    };
}

worded!(
    /// What a command refused "not now" tried to do.
    Act {
        StartMeeting => "start the meeting",
        AdjournMeeting => "adjourn the meeting",
        CloseMeeting => "close the meeting",
        ApproveMinutes => "approve the minutes",
        StartItem => "start this item",
        SkipItem => "skip this item",
        ChangeRequest => "change this request",
        WithdrawRequest => "withdraw this request",
        CloseIssue => "close this issue",
    }
);

worded!(
    /// A field that must not be empty, or whose value is not valid.
    Field {
        MeetingTitle => "the meeting's title",
        ParticipantName => "the participant's name",
        AgendaTitle => "the agenda item's title",
        IssueText => "the issue's text",
        ActionTitle => "the action's title",
        ActionOwner => "the action's owner",
        EscalatedTo => "the authority the issue is escalated to",
        TimeToAdd => "the time to add",
        UtcOffset => "the UTC offset",
        SpeakingLimit => "the speaking time limit",
        LetterOnFloorIssue =>
            "a letter for an issue raised in the room (only a written submission has one)",
    }
);

worded!(
    /// The kind of row a command names by its number.
    Kind {
        Participant => "participant",
        AgendaItem => "agenda item",
        Request => "request for the floor",
        Issue => "issue",
        Action => "action",
    }
);

/// Why a command cannot be done now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    MeetingIs(MeetingStatus),
    ItemIs(AgendaStatus),
    RequestIs(RequestStatus),
    /// A live meeting is adjourned before it is closed.
    AdjournFirst,
    MinutesApproved,
    IssueClosed,
}

impl Why {
    /// Every reason, with every status it may carry (for tests that render
    /// them all).
    pub fn all() -> Vec<Why> {
        let mut all: Vec<Why> = MeetingStatus::ALL
            .iter()
            .map(|s| Why::MeetingIs(*s))
            .collect();
        all.extend(AgendaStatus::ALL.iter().map(|s| Why::ItemIs(*s)));
        all.extend(RequestStatus::ALL.iter().map(|s| Why::RequestIs(*s)));
        all.extend([Why::AdjournFirst, Why::MinutesApproved, Why::IssueClosed]);
        all
    }
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Why::MeetingIs(status) => write!(f, "it is {status}"),
            Why::ItemIs(status) => write!(f, "it is {status}"),
            Why::RequestIs(status) => write!(f, "it is {status}"),
            Why::AdjournFirst => f.write_str("adjourn it first"),
            Why::MinutesApproved => f.write_str("they are already approved"),
            Why::IssueClosed => f.write_str("it is already closed"),
        }
    }
}

/// Why an undo is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndoWhy {
    /// The entry kept no image of what it changed.
    NotUndoable,
    /// What it changed was changed again since, by this entry.
    ChangedSince(Seq),
}

impl fmt::Display for UndoWhy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UndoWhy::NotUndoable => f.write_str("that change cannot be undone"),
            UndoWhy::ChangedSince(entry) => {
                write!(f, "it was changed again since (entry {entry})")
            }
        }
    }
}
