//! The record's entities (SPEC §2) as plain data.
//!
//! Every entity carries `rev`: the journal sequence number of the last change
//! to it. It lets an edit say which version it was based on (so a concurrent
//! change is noticed, not overwritten) and lets undo check that nobody changed
//! the row since.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Entity ids are the journal sequence number of the entry that created the
/// entity: unique, never reused, and the same after any replay.
pub type Id = u64;
/// A journal sequence number.
pub type Seq = u64;
pub type Timestamp = DateTime<Utc>;

/// Declares a plain enum stored as a kebab-case string in JSON and SQLite,
/// with `as_str`/`parse` for the projection tables and `ALL` for pickers.
/// `Variant = "name" | "old-name"` also reads an older name (files written
/// before a value was renamed); it is always written under the first.
#[macro_export]
#[doc(hidden)]
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text $(, alias = $alias)*)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text $(| $alias)* => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum!(MeetingStatus {
    Draft = "draft",
    Live = "live",
    Adjourned = "adjourned",
    Closed = "closed",
});

string_enum!(MinutesState {
    Draft = "draft",
    Approved = "approved",
});

string_enum!(
    /// The delegate group a participant is listed under (SPEC §2), in the
    /// minutes' order. Before the chair was chosen from the participants,
    /// "chair" was a group of its own: it reads as the leadership.
    ParticipantRole {
        Leadership = "leadership" | "chair",
        DivisionHead = "division-head",
        ProcedureControlOfficer = "procedure-control-officer",
        OneStopDesk = "one-stop-desk",
        OrganizationRepresentative = "organization-representative",
        Citizen = "citizen",
        Guest = "guest",
    }
);

impl ParticipantRole {
    /// The department's own people (leadership, divisions, procedure
    /// control, the One-Stop desk), as against those it invited.
    pub fn is_staff(self) -> bool {
        !matches!(
            self,
            ParticipantRole::OrganizationRepresentative
                | ParticipantRole::Citizen
                | ParticipantRole::Guest
        )
    }
}

string_enum!(
    /// How a person is addressed in the minutes' sentences ("Ông Trí
    /// trả lời").
    Honorific {
        Mr = "mr",
        Ms = "ms",
    }
);

string_enum!(Attendance {
    Invited = "invited",
    Present = "present",
    AbsentWithNotice = "absent-with-notice",
    AbsentWithWrittenSubmission = "absent-with-written-submission",
    Absent = "absent",
});

impl Attendance {
    /// Absent, in any of its three ways.
    pub fn is_absent(self) -> bool {
        matches!(
            self,
            Attendance::AbsentWithNotice
                | Attendance::AbsentWithWrittenSubmission
                | Attendance::Absent
        )
    }
}

string_enum!(AgendaStatus {
    Pending = "pending",
    Active = "active",
    Done = "done",
    Skipped = "skipped",
});

string_enum!(
    /// Point of order first, then replies, then normal requests in order of asking.
    RequestKind {
        PointOfOrder = "point-of-order",
        Reply = "reply",
        Normal = "normal",
    }
);

string_enum!(RequestStatus {
    Waiting = "waiting",
    Speaking = "speaking",
    Done = "done",
    Withdrawn = "withdrawn",
});

string_enum!(IssueSource {
    Floor = "floor",
    WrittenSubmission = "written-submission",
});

string_enum!(
    /// What kind of contribution an issue is (phản ánh, kiến nghị, ...).
    IssueCategory {
        Question = "question",
        Difficulty = "difficulty",
        Recommendation = "recommendation",
        Initiative = "initiative",
    }
);

string_enum!(Disposition {
    Open = "open",
    Answered = "answered",
    WrittenReplyRequired = "written-reply-required",
    Escalated = "escalated",
    Redirected = "redirected",
    Withdrawn = "withdrawn",
});

string_enum!(ActionStatus {
    Open = "open",
    InProgress = "in-progress",
    Done = "done",
    Cancelled = "cancelled",
});

/// The meeting's descriptive details and settings: what a "meeting details"
/// form edits as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingDetails {
    pub title: String,
    #[serde(default)]
    pub superior_agency: String,
    #[serde(default)]
    pub agency: String,
    /// The chair's name as typed, or (when `chair_id` is set) as the
    /// participant was named when chosen.
    #[serde(default)]
    pub chair: String,
    #[serde(default)]
    pub secretary: String,
    /// The chair and the secretary as participants (SPEC §2): their
    /// positions and names sign the minutes. `None` in files from before.
    #[serde(default)]
    pub chair_id: Option<Id>,
    #[serde(default)]
    pub secretary_id: Option<Id>,
    #[serde(default)]
    pub venue: String,
    /// Place named in the minutes' date line ("Mỹ Tho, ngày ...").
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub planned_start: Option<Timestamp>,
    #[serde(default)]
    pub legal_basis: String,
    /// Document number prefix of the minutes, e.g. "BB-SKHCN".
    #[serde(default)]
    pub doc_number: String,
    /// The meeting's local time zone as an offset from UTC, in minutes.
    #[serde(default = "default_utc_offset")]
    pub utc_offset_minutes: i32,
    /// Time limit for one turn at the floor, unless a request says otherwise.
    #[serde(default = "default_speaking_seconds")]
    pub speaking_seconds: u32,
    /// Written replies are due this many working days after the meeting.
    #[serde(default = "default_reply_days")]
    pub reply_working_days: u32,
    /// Escalated and redirected issues are forwarded within this many
    /// working days of the meeting.
    #[serde(default = "default_forward_days")]
    pub forward_working_days: u32,
    /// Days off besides those gavel ships (`workdays::Calendar`).
    #[serde(default)]
    pub holidays: Vec<NaiveDate>,
    /// Saturdays or Sundays worked in exchange for a day off, besides those
    /// gavel ships.
    #[serde(default)]
    pub make_up_days: Vec<NaiveDate>,
}

impl Default for MeetingDetails {
    fn default() -> Self {
        MeetingDetails {
            title: String::new(),
            superior_agency: String::new(),
            agency: String::new(),
            chair: String::new(),
            secretary: String::new(),
            chair_id: None,
            secretary_id: None,
            venue: String::new(),
            place: String::new(),
            planned_start: None,
            legal_basis: String::new(),
            doc_number: String::new(),
            utc_offset_minutes: default_utc_offset(),
            speaking_seconds: default_speaking_seconds(),
            reply_working_days: default_reply_days(),
            forward_working_days: default_forward_days(),
            holidays: Vec::new(),
            make_up_days: Vec::new(),
        }
    }
}

pub fn default_utc_offset() -> i32 {
    7 * 60
}
pub fn default_speaking_seconds() -> u32 {
    180
}
pub fn default_reply_days() -> u32 {
    20
}
/// RULES.md: what is beyond the department's authority is forwarded within
/// 5 working days of receipt.
pub fn default_forward_days() -> u32 {
    5
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub details: MeetingDetails,
    pub status: MeetingStatus,
    pub actual_start: Option<Timestamp>,
    pub actual_end: Option<Timestamp>,
    pub minutes: MinutesState,
    pub approved_at: Option<Timestamp>,
    pub approved_by: Option<String>,
    /// The journal entry that approved the minutes: any later change to the
    /// record is a correction.
    pub approved_seq: Option<Seq>,
    /// The list of speakers is closed while no agenda item is active.
    pub queue_closed: bool,
    /// The chair's conclusion, typed live during the conclusion item.
    #[serde(default)]
    pub conclusion: String,
    /// The journal entry that last wrote the conclusion (0: never): two
    /// people writing it at once are told, as with any edit.
    #[serde(default)]
    pub conclusion_rev: Seq,
    pub rev: Seq,
}

impl Default for Meeting {
    fn default() -> Self {
        Meeting {
            details: MeetingDetails::default(),
            status: MeetingStatus::Draft,
            actual_start: None,
            actual_end: None,
            minutes: MinutesState::Draft,
            approved_at: None,
            approved_by: None,
            approved_seq: None,
            queue_closed: false,
            conclusion: String::new(),
            conclusion_rev: 0,
            rev: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub id: Id,
    pub name: String,
    pub organization: String,
    /// Chức vụ: "Trưởng phòng Quản lý khoa học", "Giám đốc".
    #[serde(default)]
    pub position: String,
    /// The delegate group.
    pub role: ParticipantRole,
    #[serde(default)]
    pub honorific: Option<Honorific>,
    /// Address or phone, to send a written reply. Never on the hall display
    /// or in the printed minutes.
    pub contact: String,
    /// As checked in. Whoever spoke or raised an issue in the room is
    /// present whatever this says: see `Record::attendance_of`.
    pub attendance: Attendance,
    /// For a group of citizens who came together (the citizen-reception
    /// law's groups): how many people it stands for; 0 for one person.
    #[serde(default)]
    pub members: u32,
    /// Who speaks for the group (or the organization) at the meeting.
    #[serde(default)]
    pub representatives: String,
    pub rev: Seq,
}

impl Participant {
    /// What the room knows a person by, after the name: a staff member's
    /// position ("Trưởng phòng Quản lý khoa học" says more than the
    /// department everyone in the hall works for), anyone else's
    /// organization; the other one when that is empty.
    pub fn affiliation(&self) -> &str {
        let (first, second) = if self.role.is_staff() {
            (&self.position, &self.organization)
        } else {
            (&self.organization, &self.position)
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub id: Id,
    /// Order on the agenda; items are listed by (position, id).
    pub position: u32,
    pub title: String,
    pub planned_minutes: u32,
    pub presenter: String,
    pub status: AgendaStatus,
    pub started_at: Option<Timestamp>,
    pub ended_at: Option<Timestamp>,
    /// The chair closed the list of speakers for this item.
    pub queue_closed: bool,
    /// The course of the item, for the minutes ("Diễn biến").
    #[serde(default)]
    pub notes: String,
    /// The journal entry that last wrote the notes (0: never). Starting or
    /// finishing the item does not make notes typed meanwhile a conflict.
    #[serde(default)]
    pub notes_rev: Seq,
    pub rev: Seq,
}

/// A stretch of time when the speaker's clock was stopped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    pub from: Timestamp,
    pub to: Option<Timestamp>,
}

/// A request for the floor, and the turn that follows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerRequest {
    pub id: Id,
    pub participant: Id,
    pub agenda_item: Option<Id>,
    pub requested_at: Timestamp,
    pub kind: RequestKind,
    pub status: RequestStatus,
    pub topic: String,
    pub limit_seconds: u32,
    pub added_seconds: u32,
    pub started_at: Option<Timestamp>,
    pub ended_at: Option<Timestamp>,
    pub pauses: Vec<Pause>,
    pub rev: Seq,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    pub id: Id,
    /// The number the minutes use: 1, 2, 3... in order of logging.
    pub number: u32,
    pub raised_by: Option<Id>,
    pub agenda_item: Option<Id>,
    pub raised_at: Timestamp,
    pub source: IssueSource,
    pub category: IssueCategory,
    /// The field of procedures (lĩnh vực), free text.
    pub field: String,
    /// The administrative procedure concerned: name and/or code, free text.
    pub procedure: String,
    pub text: String,
    /// A written submission's letter: its number and the day it came in.
    #[serde(default)]
    pub letter_number: String,
    #[serde(default)]
    pub letter_date: Option<NaiveDate>,
    pub answer: String,
    /// Who gave the answer (a participant, usually a leader).
    #[serde(default)]
    pub answered_by: Option<Id>,
    pub disposition: Disposition,
    /// Deadline for a written reply.
    pub reply_due: Option<NaiveDate>,
    /// Deadline for forwarding an escalated or redirected issue.
    #[serde(default)]
    pub forward_due: Option<NaiveDate>,
    pub escalated_to: String,
    /// Reference of the reply letter or transfer that closed the issue.
    pub closing_ref: String,
    pub closed_on: Option<NaiveDate>,
    pub rev: Seq,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: Id,
    pub title: String,
    /// A person or a division.
    pub owner: String,
    pub issue: Option<Id>,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    /// E.g. the number of the reply letter.
    pub completion_ref: String,
    pub rev: Seq,
}

impl Disposition {
    /// An issue with this disposition still needs something after the meeting.
    pub fn needs_follow_up(self) -> bool {
        matches!(
            self,
            Disposition::Open | Disposition::WrittenReplyRequired | Disposition::Escalated
        )
    }
}

impl Issue {
    /// Derived, never stored: a written reply whose deadline has passed and
    /// which is not closed.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.closed_on.is_none() && self.due().is_some_and(|due| due < today)
    }

    /// The deadline of what is owed: the written reply, or the forwarding
    /// of an escalated or redirected issue.
    pub fn due(&self) -> Option<NaiveDate> {
        match self.disposition {
            Disposition::WrittenReplyRequired => self.reply_due,
            Disposition::Escalated | Disposition::Redirected => self.forward_due,
            _ => None,
        }
    }
}

impl Action {
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        matches!(self.status, ActionStatus::Open | ActionStatus::InProgress)
            && self.due.is_some_and(|due| due < today)
    }
}
