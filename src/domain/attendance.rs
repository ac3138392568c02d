//! Who was there: attendance as the record proves it (whoever spoke or
//! raised an issue in the room was present, whatever the roll call says),
//! the roll call's counts, and the chair and the secretary as participants.

use super::model::*;
use super::record::Record;
use super::text::{clean_line, fold};

/// The roll call's counts over the list of participants. Every participant
/// is in exactly one count, so they add up to `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RollCall {
    pub total: usize,
    pub present: usize,
    pub absent_with_notice: usize,
    pub absent_with_written_submission: usize,
    pub absent: usize,
    /// Invited, and neither checked in nor recorded absent yet.
    pub unchecked: usize,
}

impl RollCall {
    pub fn absent_in_all(&self) -> usize {
        self.absent_with_notice + self.absent_with_written_submission + self.absent
    }

    fn count(&mut self, attendance: Attendance) {
        self.total += 1;
        match attendance {
            Attendance::Invited => self.unchecked += 1,
            Attendance::Present => self.present += 1,
            Attendance::AbsentWithNotice => self.absent_with_notice += 1,
            Attendance::AbsentWithWrittenSubmission => self.absent_with_written_submission += 1,
            Attendance::Absent => self.absent += 1,
        }
    }
}

impl Record {
    /// Did this person speak, or raise an issue, in the room? Then they were
    /// present, by record.
    pub fn present_by_record(&self, participant: Id) -> bool {
        self.index.turns.contains_key(&participant)
            || self.index.floor_issues.contains_key(&participant)
    }

    /// Whoever spoke or raised an issue in the room was there: the roll
    /// call cannot say otherwise. The rule the domain applies, and the one
    /// the console asks before sending.
    pub fn check_attendance(
        &self,
        participant: &Participant,
        attendance: Attendance,
    ) -> Result<(), crate::domain::DomainError> {
        if attendance != Attendance::Present && self.present_by_record(participant.id) {
            return Err(crate::domain::DomainError::PresentByRecord {
                who: participant.name.clone(),
            });
        }
        Ok(())
    }

    /// A participant's attendance as the record proves it.
    pub fn attendance_of(&self, participant: &Participant) -> Attendance {
        if self.present_by_record(participant.id) {
            Attendance::Present
        } else {
            participant.attendance
        }
    }

    pub fn roll_call(&self) -> RollCall {
        let mut counts = RollCall::default();
        for participant in self.participants.values() {
            counts.count(self.attendance_of(participant));
        }
        counts
    }

    /// The chair as a participant: the one chosen, else (files from before
    /// the choice) the participant named as the chair.
    pub fn chair(&self) -> Option<&Participant> {
        let details = &self.meeting.details;
        self.chosen(details.chair_id, &details.chair)
    }

    pub fn secretary(&self) -> Option<&Participant> {
        let details = &self.meeting.details;
        self.chosen(details.secretary_id, &details.secretary)
    }

    fn chosen(&self, id: Option<Id>, name: &str) -> Option<&Participant> {
        match id {
            Some(id) => self.participants.get(&id),
            None => self.participant_named(name),
        }
    }

    /// The participant of this name (accents, case and spacing aside), if
    /// exactly one is.
    pub fn participant_named(&self, name: &str) -> Option<&Participant> {
        let wanted = fold(&clean_line(name));
        if wanted.is_empty() {
            return None;
        }
        let mut found = self
            .participants
            .values()
            .filter(|p| fold(&p.name) == wanted);
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        Command, Context, IssueFields, ParticipantFields, Speaker, decide, event::Event,
    };
    use chrono::TimeZone;

    fn now() -> Timestamp {
        chrono::Utc.with_ymd_and_hms(2026, 2, 5, 1, 0, 0).unwrap()
    }

    fn run(record: &mut Record, command: Command) -> Result<Event, crate::domain::DomainError> {
        let event = decide(
            record,
            &command,
            Context {
                now: now(),
                actor: "test",
            },
        )?;
        record.apply(record.next_seq(), &event);
        Ok(event)
    }

    fn meeting() -> Record {
        let mut record = Record::default();
        run(
            &mut record,
            Command::CreateMeeting(MeetingDetails {
                title: "Đối thoại".into(),
                ..MeetingDetails::default()
            }),
        )
        .unwrap();
        record
    }

    fn add(record: &mut Record, name: &str) -> Id {
        let id = record.next_seq();
        run(
            record,
            Command::AddParticipant(ParticipantFields::named(name, "", ParticipantRole::Citizen)),
        )
        .unwrap();
        id
    }

    #[test]
    fn counts_add_up_and_speaking_makes_present() {
        let mut record = meeting();
        let an = add(&mut record, "Nguyễn Văn An");
        let binh = add(&mut record, "Trần Thị Bình");
        let chi = add(&mut record, "Lê Chí");
        run(
            &mut record,
            Command::SetAttendance {
                id: binh,
                attendance: Attendance::AbsentWithNotice,
            },
        )
        .unwrap();
        let counts = record.roll_call();
        assert_eq!(
            (counts.total, counts.unchecked, counts.absent_with_notice),
            (3, 2, 1)
        );

        // An raises an issue from the floor: present by record, and no
        // longer to be marked absent.
        run(
            &mut record,
            Command::LogIssue(IssueFields {
                raised_by: Some(an),
                source: IssueSource::Floor,
                category: IssueCategory::Question,
                field: String::new(),
                procedure: String::new(),
                text: "Hỏi".into(),
                letter_number: String::new(),
                letter_date: None,
            }),
        )
        .unwrap();
        let counts = record.roll_call();
        assert_eq!((counts.present, counts.unchecked), (1, 1));
        assert_eq!(
            run(
                &mut record,
                Command::SetAttendance {
                    id: an,
                    attendance: Attendance::Absent,
                },
            ),
            Err(crate::domain::DomainError::PresentByRecord {
                who: "Nguyễn Văn An".into()
            })
        );

        // Chí speaks: present too.
        run(
            &mut record,
            Command::RequestFloor {
                speaker: Speaker::Existing(chi),
                kind: RequestKind::Normal,
                topic: String::new(),
            },
        )
        .unwrap();
        assert!(!record.present_by_record(chi), "asking is not speaking");
        run(&mut record, Command::NextSpeaker).unwrap();
        assert!(record.present_by_record(chi));
        let counts = record.roll_call();
        assert_eq!(
            counts.present + counts.absent_in_all() + counts.unchecked,
            counts.total
        );
        assert_eq!(counts.present, 2);
    }

    #[test]
    fn the_chair_by_choice_or_by_name() {
        let mut record = meeting();
        let tung = add(&mut record, "Phạm Thanh Tùng");
        assert!(record.chair().is_none());
        let mut details = record.meeting.details.clone();
        details.chair = "pham thanh tung".into();
        let base_rev = record.meeting.rev;
        run(
            &mut record,
            Command::EditMeeting {
                base_rev,
                details: details.clone(),
            },
        )
        .unwrap();
        assert_eq!(record.chair().map(|p| p.id), Some(tung), "found by name");
        details.chair_id = Some(tung);
        details.chair = String::new();
        let base_rev = record.meeting.rev;
        run(&mut record, Command::EditMeeting { base_rev, details }).unwrap();
        assert_eq!(record.meeting.details.chair, "Phạm Thanh Tùng");
        assert_eq!(record.chair().map(|p| p.id), Some(tung));
    }
}
