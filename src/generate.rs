//! A large meeting for benchmarks and tests: a province-wide dialogue with
//! thousands of delegates, hundreds of agenda items and a journal of
//! hundreds of thousands of entries, with Vietnamese names and texts.
//! Deterministic: the same size and time give the same file.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{NaiveDate, TimeDelta};

use crate::domain::*;
use crate::store::{Bulk, OpenOptions, Sharing, Store, StoreError};

/// How big a meeting to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub participants: usize,
    pub agenda_items: usize,
    pub issues: usize,
    pub actions: usize,
    /// Journal entries in all.
    pub entries: usize,
}

impl Size {
    /// SPEC §7's large meeting.
    pub const LARGE: Size = Size {
        participants: 2_000,
        agenda_items: 300,
        issues: 5_000,
        actions: 3_000,
        entries: 200_000,
    };

    /// The large meeting divided by `divisor` (for tests).
    pub fn scaled(divisor: usize) -> Size {
        let d = divisor.max(1);
        Size {
            participants: (Self::LARGE.participants / d).max(10),
            agenda_items: (Self::LARGE.agenda_items / d).max(3),
            issues: Self::LARGE.issues / d,
            actions: Self::LARGE.actions / d,
            entries: Self::LARGE.entries / d,
        }
    }
}

/// Commands per transaction while generating.
const CHUNK: usize = 5_000;

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Châu", "Lâm", "Trương", "Đinh",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Minh", "Thanh", "Quốc", "Ngọc", "Hữu", "Đức", "Thu", "Hồng", "Kim", "Bảo",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Châu", "Dũng", "Hà", "Hạnh", "Hòa", "Khoa", "Lan", "Long", "Mai", "Nam", "Ngân",
    "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trí", "Tú", "Vy", "Yến", "Đạt", "Hiếu", "Nhung",
    "Tuấn",
];
const ORGANIZATION: &[&str] = &[
    "Công ty TNHH",
    "Công ty Cổ phần",
    "Hợp tác xã",
    "Doanh nghiệp tư nhân",
    "Cơ sở sản xuất",
    "Trường",
    "Bệnh viện",
    "Phòng khám",
];
const TRADE: &[&str] = &[
    "Thủy sản",
    "Cơ khí",
    "Thanh long",
    "Dược phẩm",
    "Công nghệ sinh học",
    "Điện lạnh",
    "Xây dựng",
    "Nông sản",
    "Nhựa",
    "Thực phẩm",
    "Y tế",
    "Phần mềm",
];
const PLACE: &[&str] = &[
    "Mỹ Tho",
    "Gò Công",
    "Cai Lậy",
    "Cái Bè",
    "Chợ Gạo",
    "Châu Thành",
    "Tân Phước",
    "Cao Lãnh",
    "Sa Đéc",
];
const FIELD: &[&str] = &[
    "Sở hữu trí tuệ",
    "Tiêu chuẩn đo lường chất lượng",
    "Năng lượng nguyên tử, an toàn bức xạ và hạt nhân",
    "Chuyển giao công nghệ",
    "Hoạt động khoa học và công nghệ",
];
const PROCEDURE: &[&str] = &[
    "Cấp Giấy phép tiến hành công việc bức xạ",
    "Đăng ký hợp đồng chuyển giao công nghệ",
    "Công bố hợp chuẩn, hợp quy",
    "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ",
    "Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ",
    "Đăng ký nhãn hiệu",
];
const CONCERN: &[&str] = &[
    "thời hạn giải quyết hồ sơ còn dài",
    "thành phần hồ sơ yêu cầu nhiều bản sao",
    "nộp hồ sơ trực tuyến thường bị lỗi khi tải tệp",
    "phí thẩm định chưa được công khai rõ ràng",
    "chưa có hướng dẫn cho doanh nghiệp nhỏ",
    "kết quả được trả chậm so với giấy hẹn",
];

/// A small deterministic random sequence.
struct Random(u64);

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

fn details(start: Timestamp) -> MeetingDetails {
    MeetingDetails {
        title: "Hội nghị đối thoại toàn tỉnh về thủ tục hành chính lĩnh vực khoa học và công nghệ"
            .into(),
        superior_agency: "ỦY BAN NHÂN DÂN TỈNH".into(),
        agency: "SỞ KHOA HỌC VÀ CÔNG NGHỆ".into(),
        chair: "Phạm Thanh Tùng".into(),
        secretary: "Trần Thị Ngọc Hân".into(),
        venue: "Hội trường Trung tâm Hội nghị tỉnh".into(),
        place: "Mỹ Tho".into(),
        planned_start: Some(start),
        doc_number: "BB-SKHCN".into(),
        ..MeetingDetails::default()
    }
}

/// Writes the journal of a large meeting, chunk by chunk, with times one
/// second apart starting at `start`.
struct Generator {
    random: Random,
    size: Size,
    at: Timestamp,
    written: usize,
    participants: Vec<Id>,
    agenda: Vec<Id>,
    issues: Vec<Id>,
    actions: usize,
    meeting_day: NaiveDate,
}

impl Generator {
    fn full(&self) -> bool {
        self.written >= self.size.entries
    }

    /// Records one command if there is room; a refusal is skipped.
    fn run(&mut self, bulk: &mut Bulk<'_>, command: Command) -> Result<Option<Event>, StoreError> {
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

    fn participant(&mut self, n: usize) -> Command {
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
    fn agenda_item(
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

/// Creates `path` with a large meeting (see `Size`).
pub fn create_large(
    path: &Path,
    options: OpenOptions,
    size: Size,
    now: Timestamp,
) -> Result<Store, StoreError> {
    let start = now - TimeDelta::seconds(size.entries as i64 + 60);
    let mut store = Store::create_at(path, options, details(start), Sharing::Private, start)?;
    let meeting_day = store.record().meeting_day(start);
    let mut generator = Generator {
        random: Random(0x6761_766C),
        size,
        at: start,
        written: 1,
        participants: Vec::new(),
        agenda: Vec::new(),
        issues: Vec::new(),
        actions: 0,
        meeting_day,
    };
    // The list of delegates and the agenda.
    for first in (0..size.participants).step_by(CHUNK) {
        store.bulk(|bulk| {
            for n in first..(first + CHUNK).min(size.participants) {
                let command = generator.participant(n);
                if let Some(Event::ParticipantAdded { participant }) =
                    generator.run(bulk, command)?
                {
                    generator.participants.push(participant.id);
                }
            }
            Ok(())
        })?;
    }
    store.bulk(|bulk| {
        for n in 0..size.agenda_items {
            let command = Command::AddAgendaItem(AgendaFields {
                title: format!("Phiên đối thoại {}: {}", n + 1, FIELD[n % FIELD.len()]),
                planned_minutes: 20 + (n as u32 % 4) * 10,
                presenter: "Lãnh đạo Sở".into(),
                position: None,
            });
            if let Some(Event::AgendaItemAdded { item }) = generator.run(bulk, command)? {
                generator.agenda.push(item.id);
            }
        }
        Ok(())
    })?;
    // The meeting itself, item after item, until the journal is full.
    for index in 0..generator.agenda.len() {
        let left_items = generator.agenda.len() - index;
        let budget = size.entries.saturating_sub(generator.written) / left_items;
        store.bulk(|bulk| generator.agenda_item(bulk, index, budget))?;
    }
    // Whatever room is left: the list of speakers closed and reopened.
    while !generator.full() {
        store.bulk(|bulk| {
            for n in 0..CHUNK {
                generator.run(bulk, Command::SetQueueClosed(n % 2 == 0))?;
            }
            Ok(())
        })?;
    }
    Ok(store)
}
