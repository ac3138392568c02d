//! The script that plays the demo meeting into a store: a `Script` runs
//! commands at their times; `write_demo` lists the delegates and the agenda,
//! checks people in, opens the meeting and runs the first four items, then
//! hands the dialogue to `first_round` and `second_round`.

use chrono::{NaiveDate, TimeDelta};

use crate::domain::*;
use crate::store::{Store, StoreError};

/// Seconds from minutes and seconds.
pub(super) const fn ms(minutes: i64, seconds: i64) -> i64 {
    minutes * 60 + seconds
}

/// Runs commands at times it is given, which never go back.
pub(super) struct Script<'s> {
    store: &'s mut Store,
    start: Timestamp,
    last: Option<Timestamp>,
}

impl<'s> Script<'s> {
    pub(super) fn new(store: &'s mut Store, start: Timestamp) -> Script<'s> {
        Script {
            store,
            start,
            last: None,
        }
    }
}

impl Script<'_> {
    /// `seconds` after the start of the meeting (negative: before it).
    pub(super) fn after_start(&self, seconds: i64) -> Timestamp {
        self.start + TimeDelta::seconds(seconds)
    }

    /// Runs `command` at `at`; returns the new entry's sequence number, which
    /// is the id of anything it created.
    pub(super) fn run(&mut self, at: Timestamp, command: Command) -> Result<Id, StoreError> {
        debug_assert!(
            self.last.is_none_or(|last| last <= at),
            "the demo's clock went back"
        );
        self.last = Some(at);
        Ok(self.store.execute_at(command, at)?.seq)
    }

    pub(super) fn run_after_start(
        &mut self,
        seconds: i64,
        command: Command,
    ) -> Result<Id, StoreError> {
        self.run(self.after_start(seconds), command)
    }

    fn rev(&self, entity: EntityRef) -> Seq {
        self.store.record().rev_of(entity).unwrap_or_default()
    }

    pub(super) fn log_issue(&mut self, seconds: i64, issue: IssueFields) -> Result<Id, StoreError> {
        self.run_after_start(seconds, Command::LogIssue(issue))
    }

    /// The roll call: where participant `id` stands.
    pub(super) fn set_attendance(
        &mut self,
        seconds: i64,
        id: Id,
        attendance: Attendance,
    ) -> Result<(), StoreError> {
        self.run_after_start(seconds, Command::SetAttendance { id, attendance })?;
        Ok(())
    }

    /// The secretary writes the course of agenda item `id` (over what was
    /// written before).
    pub(super) fn write_notes(
        &mut self,
        seconds: i64,
        id: Id,
        notes: &str,
    ) -> Result<(), StoreError> {
        let base_rev = self
            .store
            .record()
            .agenda
            .get(&id)
            .map_or(0, |item| item.notes_rev);
        self.run_after_start(
            seconds,
            Command::WriteAgendaNotes {
                id,
                base_rev,
                notes: notes.into(),
            },
        )?;
        Ok(())
    }

    /// The chair's conclusion as written so far.
    pub(super) fn write_conclusion(&mut self, at: Timestamp, text: &str) -> Result<(), StoreError> {
        let base_rev = self.store.record().meeting.conclusion_rev;
        self.run(
            at,
            Command::WriteConclusion {
                base_rev,
                text: text.into(),
            },
        )?;
        Ok(())
    }

    /// The meeting's chair and secretary are participants `chair` and
    /// `secretary`.
    pub(super) fn seat(
        &mut self,
        seconds: i64,
        chair: Id,
        secretary: Id,
    ) -> Result<(), StoreError> {
        let meeting = &self.store.record().meeting;
        let details = MeetingDetails {
            chair_id: Some(chair),
            secretary_id: Some(secretary),
            ..meeting.details.clone()
        };
        let base_rev = meeting.rev;
        self.run_after_start(seconds, Command::EditMeeting { base_rev, details })?;
        Ok(())
    }

    /// Participant `id` is now known as `fields` (a walk-in's details taken
    /// down once they have spoken).
    pub(super) fn edit_participant(
        &mut self,
        at: Timestamp,
        id: Id,
        fields: ParticipantFields,
    ) -> Result<(), StoreError> {
        let base_rev = self.rev(EntityRef::Participant(id));
        self.run(
            at,
            Command::EditParticipant {
                id,
                base_rev,
                fields,
            },
        )?;
        Ok(())
    }

    pub(super) fn answer(
        &mut self,
        at: Timestamp,
        id: Id,
        disposition: Disposition,
        answered_by: Option<Id>,
        answer: &str,
        escalated_to: &str,
    ) -> Result<Id, StoreError> {
        let base_rev = self.rev(EntityRef::Issue(id));
        self.run(
            at,
            Command::AnswerIssue {
                id,
                base_rev,
                fields: AnswerFields {
                    answer: answer.into(),
                    disposition,
                    reply_due: None,
                    escalated_to: escalated_to.into(),
                    answered_by,
                },
            },
        )
    }
}

pub(super) fn request(speaker: Speaker, kind: RequestKind, topic: &str) -> Command {
    Command::RequestFloor {
        speaker,
        kind,
        topic: topic.into(),
    }
}

pub(super) fn action(
    title: &str,
    owner: &str,
    issue: Option<Id>,
    due: NaiveDate,
    status: ActionStatus,
) -> Command {
    Command::AddAction(ActionFields {
        title: title.into(),
        owner: owner.into(),
        issue,
        due: Some(due),
        status,
        completion_ref: String::new(),
    })
}

/// A written submission: the issue, with the letter it came in.
pub(super) fn letter(fields: IssueFields, number: &str, received: NaiveDate) -> IssueFields {
    IssueFields {
        letter_number: number.into(),
        letter_date: Some(received),
        ..fields
    }
}

pub(super) fn issue(
    raised_by: Id,
    source: IssueSource,
    category: IssueCategory,
    field: &str,
    procedure: &str,
    text: &str,
) -> IssueFields {
    IssueFields {
        raised_by: Some(raised_by),
        source,
        category,
        field: field.into(),
        procedure: procedure.into(),
        text: text.into(),
        letter_number: String::new(),
        letter_date: None,
    }
}

pub(super) const FIELD_RADIATION: &str = "Năng lượng nguyên tử, an toàn bức xạ và hạt nhân";
pub(super) const FIELD_STANDARDS: &str = "Tiêu chuẩn đo lường chất lượng";
pub(super) const FIELD_TRANSFER: &str = "Chuyển giao công nghệ";
pub(super) const FIELD_IP: &str = "Sở hữu trí tuệ";
pub(super) const FIELD_SCIENCE: &str = "Hoạt động khoa học và công nghệ";
