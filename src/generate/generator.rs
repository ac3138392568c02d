//! The generator of the large meeting's journal: a small deterministic
//! random sequence, and the commands of delegates, issues, answers and
//! actions, one agenda item after another.

use std::collections::BTreeSet;

use chrono::{NaiveDate, TimeDelta};

use super::Size;
use super::texts::{CONCERN, FAMILY, FIELD, GIVEN, MIDDLE, ORGANIZATION, PLACE, PROCEDURE, TRADE};
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

    pub(super) fn participant(&mut self, n: usize) -> Command {
        let r = &mut self.random;
        let name = format!("{} {} {}", r.pick(FAMILY), r.pick(MIDDLE), r.pick(GIVEN));
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
        let role = if organization.is_empty() {
            ParticipantRole::Citizen
        } else {
            ParticipantRole::OrganizationRepresentative
        };
        Command::AddParticipant(ParticipantFields {
            name,
            organization,
            role,
            contact: String::new(),
            attendance: if r.chance(95) {
                Attendance::Present
            } else {
                Attendance::AbsentWithWrittenSubmission
            },
            position: String::new(),
            honorific: None,
            members: 0,
            representatives: String::new(),
        })
    }

    fn someone(&mut self) -> Id {
        self.participants[self.random.below(self.participants.len())]
    }

    fn issue(&mut self, raised_by: Option<Id>) -> Command {
        let r = &mut self.random;
        let procedure = r.pick(PROCEDURE);
        let text = format!(
            "Về thủ tục {}: {}; đề nghị Sở xem xét, hướng dẫn và rút ngắn thời gian giải quyết.",
            procedure.to_lowercase(),
            r.pick(CONCERN)
        );
        Command::LogIssue(IssueFields {
            raised_by,
            source: if r.chance(90) {
                IssueSource::Floor
            } else {
                IssueSource::WrittenSubmission
            },
            category: IssueCategory::ALL[r.below(IssueCategory::ALL.len())],
            field: r.pick(FIELD).to_string(),
            procedure: procedure.to_string(),
            text,
            letter_number: String::new(),
            letter_date: None,
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
        Some(Command::AnswerIssue {
            id,
            base_rev: issue.rev,
            fields: AnswerFields {
                answer: "Lãnh đạo Sở đã giải đáp tại hội nghị; phòng chuyên môn tiếp tục hướng dẫn cụ thể.".into(),
                disposition,
                reply_due: None,
                escalated_to: "Bộ Khoa học và Công nghệ".into(),
                answered_by: None,
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
        Ok(())
    }
}
