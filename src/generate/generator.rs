//! The generator of the large meeting's journal: a small deterministic
//! random sequence, and the commands of delegates, issues, answers and
//! actions, one agenda item after another.

use std::collections::BTreeSet;

use chrono::{NaiveDate, TimeDelta};

use super::Size;
use super::texts::{
    CHAIR, CONCERN, DEPARTMENT, FAMILY, FIELD, GIVEN, MIDDLE, NOTES, ORGANIZATION, PLACE, POSITION,
    PROCEDURE, SECRETARY, STAFF, TRADE,
};
use crate::domain::*;
use crate::store::{Bulk, StoreError};

/// A small deterministic random sequence.
pub(super) struct Random(pub(super) u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Writes the journal of a large meeting, chunk by chunk, with times one
/// second apart starting at `start`.
pub(super) struct Generator {
    pub(super) random: Random,
    pub(super) size: Size,
    pub(super) at: Timestamp,
    pub(super) written: usize,
    pub(super) participants: Vec<Id>,
    /// Leaders and division heads, who answer.
    pub(super) staff_ids: Vec<Id>,
    /// Those checked in, who speak.
    pub(super) speakers: Vec<Id>,
    /// Those not checked in when the list is made.
    pub(super) unchecked: Vec<Id>,
    /// Those who wrote in instead of coming.
    pub(super) writers: Vec<Id>,
    pub(super) agenda: Vec<Id>,
    pub(super) issues: Vec<Id>,
    pub(super) actions: usize,
    pub(super) meeting_day: NaiveDate,
}

impl Generator {
    pub(super) fn full(&self) -> bool {
        self.written >= self.size.entries
    }

    /// Records one command if there is room; a refusal is skipped.
    pub(super) fn run(
        &mut self,
        bulk: &mut Bulk<'_>,
        command: Command,
    ) -> Result<Option<Event>, StoreError> {
        if self.full() {
            return Ok(None);
        }
        self.at += TimeDelta::seconds(1);
        match bulk.execute_at(command, self.at) {
            Ok(committed) => {
                self.written += 1;
                Ok(Some(committed.event))
            }
            Err(StoreError::Refused(_)) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Delegate `n`: the department's staff first (the chair, then the
    /// secretary), then organizations and citizens, a few citizens' groups
    /// and guests among them, with positions, Ông or Bà, contacts and every
    /// kind of attendance.
    pub(super) fn participant(&mut self, n: usize) -> Command {
        let staff = self.staff();
        let r = &mut self.random;
        let name = format!("{} {} {}", r.pick(FAMILY), r.pick(MIDDLE), r.pick(GIVEN));
        if let Some(&(role, position)) = STAFF.get(n).filter(|_| n < staff) {
            let name = match n {
                0 => CHAIR.to_string(),
                1 => SECRETARY.to_string(),
                _ => name,
            };
            return Command::AddParticipant(ParticipantFields {
                position: position.into(),
                honorific: Some(honorific_of(&name)),
                attendance: Attendance::Present,
                ..ParticipantFields::named(&name, DEPARTMENT, role)
            });
        }
        let organization = match r.below(4) {
            0 => String::new(),
            _ => format!(
                "{} {} {} {}",
                r.pick(ORGANIZATION),
                r.pick(TRADE),
                r.pick(PLACE),
                n % 97
            ),
        };
        let contact = format!("09{:02} {:03} {:03}", n % 100, (n * 7) % 1000, n % 1000);
        let mut fields = if organization.is_empty() {
            ParticipantFields::named(&name, "", ParticipantRole::Citizen)
        } else if n % 50 == 7 {
            ParticipantFields::named(&name, &organization, ParticipantRole::Guest)
        } else {
            ParticipantFields {
                position: r.pick(POSITION).into(),
                ..ParticipantFields::named(
                    &name,
                    &organization,
                    ParticipantRole::OrganizationRepresentative,
                )
            }
        };
        fields.honorific = Some(honorific_of(&name));
        fields.contact = contact;
        // One citizen in twenty-five speaks for a group of households.
        if fields.role == ParticipantRole::Citizen && n % 25 == 3 {
            fields.name = format!("Nhóm hộ {} {}", r.pick(TRADE).to_lowercase(), r.pick(PLACE));
            fields.members = 5 + r.below(26) as u32;
            fields.representatives = format!("Ông {name}");
            fields.honorific = None;
        }
        fields.attendance = match r.below(100) {
            0..=84 => Attendance::Present,
            85..=88 => Attendance::AbsentWithNotice,
            89..=92 => Attendance::AbsentWithWrittenSubmission,
            93..=94 => Attendance::Absent,
            _ => Attendance::Invited,
        };
        Command::AddParticipant(fields)
    }

    /// How many of the delegates are the department's staff.
    fn staff(&self) -> usize {
        STAFF.len().min(self.size.participants / 4).max(2)
    }

    /// Notes where `participant`, just added, can be drawn from: to speak
    /// (in the room), to write in, to answer.
    pub(super) fn listed(&mut self, participant: &Participant) {
        let id = participant.id;
        self.participants.push(id);
        match participant.attendance {
            _ if participant.role.is_staff() => {
                // Leaders and division heads answer; the secretary writes.
                if matches!(
                    participant.role,
                    ParticipantRole::Leadership | ParticipantRole::DivisionHead
                ) {
                    self.staff_ids.push(id);
                }
            }
            Attendance::Present => self.speakers.push(id),
            Attendance::Invited => self.unchecked.push(id),
            Attendance::AbsentWithWrittenSubmission => self.writers.push(id),
            _ => {}
        }
    }

    /// The roll call once the meeting opens: half of those not checked in
    /// arrive.
    pub(super) fn roll_call(&mut self, bulk: &mut Bulk<'_>) -> Result<(), StoreError> {
        let arrived: Vec<Id> = self.unchecked.iter().copied().step_by(2).collect();
        for id in arrived {
            let attendance = Attendance::Present;
            if self
                .run(bulk, Command::SetAttendance { id, attendance })?
                .is_some()
            {
                self.speakers.push(id);
            }
        }
        Ok(())
    }

    /// Someone checked in, to speak (anyone, in a meeting too small to
    /// have three).
    fn someone(&mut self) -> Id {
        let pool = if self.speakers.len() >= 3 {
            &self.speakers
        } else {
            &self.participants
        };
        pool[self.random.below(pool.len())]
    }

    fn issue(&mut self, speaker: Option<Id>) -> Command {
        let written = self.random.chance(10);
        let mut raised_by = speaker;
        let (mut letter_number, mut letter_date) = (String::new(), None);
        if written {
            if !self.writers.is_empty() {
                raised_by = Some(self.writers[self.random.below(self.writers.len())]);
            }
            let number = self.issues.len() + 1;
            letter_number = format!("{number}/CV-DN");
            letter_date =
                Some(self.meeting_day - TimeDelta::days(1 + self.random.below(10) as i64));
        }
        let r = &mut self.random;
        let procedure = r.pick(PROCEDURE);
        let text = format!(
            "Về thủ tục {}: {}; đề nghị Sở xem xét, hướng dẫn và rút ngắn thời gian giải quyết.",
            procedure.to_lowercase(),
            r.pick(CONCERN)
        );
        Command::LogIssue(IssueFields {
            raised_by,
            source: if written {
                IssueSource::WrittenSubmission
            } else {
                IssueSource::Floor
            },
            category: IssueCategory::ALL[r.below(IssueCategory::ALL.len())],
            field: r.pick(FIELD).to_string(),
            procedure: procedure.to_string(),
            text,
            letter_number,
            letter_date,
        })
    }

    fn answer(&mut self, record: &Record, id: Id) -> Option<Command> {
        let issue = record.issues.get(&id)?;
        let disposition = match self.random.below(10) {
            0..=4 => Disposition::Answered,
            5..=7 => Disposition::WrittenReplyRequired,
            8 => Disposition::Escalated,
            _ => Disposition::Redirected,
        };
        let answered_by = match self.staff_ids.len() {
            0 => None,
            staff => Some(self.staff_ids[self.random.below(staff)]),
        };
        Some(Command::AnswerIssue {
            id,
            base_rev: issue.rev,
            fields: AnswerFields {
                answer: "Lãnh đạo Sở đã giải đáp tại hội nghị; phòng chuyên môn tiếp tục hướng dẫn cụ thể.".into(),
                disposition,
                reply_due: None,
                escalated_to: "Bộ Khoa học và Công nghệ".into(),
                answered_by,
            },
        })
    }

    fn action(&mut self, issue: Option<Id>) -> Command {
        let days = 5 + self.random.below(40) as i64;
        Command::AddAction(ActionFields {
            title: format!(
                "Trả lời bằng văn bản và hướng dẫn thủ tục (đợt {})",
                self.actions + 1
            ),
            owner: [
                "Văn phòng Sở",
                "Phòng Quản lý chuyên ngành",
                "Phòng Quản lý khoa học",
                "Chi cục TĐC",
            ][self.random.below(4)]
            .to_string(),
            issue,
            due: Some(self.meeting_day + TimeDelta::days(days)),
            status: if self.random.chance(70) {
                ActionStatus::Open
            } else {
                ActionStatus::InProgress
            },
            completion_ref: String::new(),
        })
    }

    /// One agenda item's share of the meeting: its turns at the floor,
    /// the issues raised, their answers, and the actions assigned.
    pub(super) fn agenda_item(
        &mut self,
        bulk: &mut Bulk<'_>,
        index: usize,
        budget: usize,
    ) -> Result<(), StoreError> {
        let stop = (self.written + budget).min(self.size.entries);
        self.run(bulk, Command::StartAgendaItem(self.agenda[index]))?;
        let items = self.size.agenda_items.max(1);
        let issues_here = self.size.issues * (index + 1) / items - self.size.issues * index / items;
        let actions_here =
            self.size.actions * (index + 1) / items - self.size.actions * index / items;
        let (mut issues_left, mut actions_left) = (issues_here, actions_here);
        let mut waiting: BTreeSet<Id> = BTreeSet::new();
        while self.written < stop {
            let before = self.written;
            // Keep about three people waiting for the floor.
            while waiting.len() < 3 && self.written < stop {
                let who = self.someone();
                if waiting.insert(who) {
                    let kind = if self.random.chance(8) {
                        RequestKind::Reply
                    } else {
                        RequestKind::Normal
                    };
                    let command = Command::RequestFloor {
                        speaker: Speaker::Existing(who),
                        kind,
                        topic: "Ý kiến về thủ tục".into(),
                    };
                    self.run(bulk, command)?;
                }
            }
            if let Some(Event::FloorGiven { id, .. }) = self.run(bulk, Command::NextSpeaker)? {
                if let Some(request) = bulk.record().requests.get(&id) {
                    waiting.remove(&request.participant);
                }
            }
            if self.random.chance(10) {
                self.run(bulk, Command::TogglePause)?;
                self.run(bulk, Command::TogglePause)?;
            }
            if self.random.chance(5) {
                self.run(bulk, Command::AddTime { seconds: 30 })?;
            }
            let speaker = bulk.record().current_speaker().map(|r| r.participant);
            if issues_left > 0 && self.random.chance(60) {
                let command = self.issue(speaker);
                if let Some(Event::IssueLogged { issue }) = self.run(bulk, command)? {
                    self.issues.push(issue.id);
                    issues_left -= 1;
                    if let Some(answer) = self.answer(bulk.record(), issue.id) {
                        self.run(bulk, answer)?;
                    }
                    if actions_left > 0 && self.random.chance(70) {
                        let command = self.action(Some(issue.id));
                        if self.run(bulk, command)?.is_some() {
                            self.actions += 1;
                            actions_left -= 1;
                        }
                    }
                }
            }
            if self.written == before {
                break; // nothing more this item can take
            }
        }
        // The item's share of actions not yet assigned goes to its issues.
        while actions_left > 0 && !self.full() {
            let issue = self.issues.last().copied();
            let command = self.action(issue);
            if self.run(bulk, command)?.is_none() {
                break;
            }
            self.actions += 1;
            actions_left -= 1;
        }
        // The secretary's notes on the item.
        let notes = NOTES[index % NOTES.len()].to_string();
        let id = self.agenda[index];
        self.run(
            bulk,
            Command::WriteAgendaNotes {
                id,
                base_rev: 0,
                notes,
            },
        )?;
        Ok(())
    }
}

/// Ông or Bà, as the middle name says (Thị is a woman's).
fn honorific_of(name: &str) -> Honorific {
    if name.split(' ').any(|word| word == "Thị") {
        Honorific::Ms
    } else {
        Honorific::Mr
    }
}
