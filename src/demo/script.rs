//! The script that plays the demo meeting into a store: a `Script` runs
//! commands at their times; `write_demo` lists the delegates and the agenda,
//! checks people in, opens the meeting and runs the first four items, then
//! hands the dialogue to `first_round` and `second_round`.

use chrono::{Datelike, NaiveDate, TimeDelta};

use super::first_round::first_round;
use super::people::*;
use super::second_round::second_round;
use super::{CHAIR_NAME, SECRETARY_NAME, start_of};
use crate::domain::clock::local_date;
use crate::domain::workdays::add_working_days;
use crate::domain::*;
use crate::store::{Store, StoreError};

use Attendance::{Absent, AbsentWithWrittenSubmission, Invited, Present};

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

    /// Marks where person `who` (participant `id`) stands.
    fn set_attendance(
        &mut self,
        seconds: i64,
        who: usize,
        id: Id,
        attendance: Attendance,
    ) -> Result<(), StoreError> {
        let person = &PEOPLE[who];
        let base_rev = self.rev(EntityRef::Participant(id));
        self.run_after_start(
            seconds,
            Command::EditParticipant {
                id,
                base_rev,
                fields: ParticipantFields {
                    name: person.name.into(),
                    organization: person.organization.into(),
                    role: person.role,
                    contact: String::new(),
                    attendance,
                },
            },
        )?;
        Ok(())
    }

    pub(super) fn answer(
        &mut self,
        at: Timestamp,
        id: Id,
        disposition: Disposition,
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
    }
}

pub(super) const FIELD_RADIATION: &str = "Năng lượng nguyên tử, an toàn bức xạ và hạt nhân";
pub(super) const FIELD_STANDARDS: &str = "Tiêu chuẩn đo lường chất lượng";
pub(super) const FIELD_TRANSFER: &str = "Chuyển giao công nghệ";
pub(super) const FIELD_IP: &str = "Sở hữu trí tuệ";
pub(super) const FIELD_SCIENCE: &str = "Hoạt động khoa học và công nghệ";

/// Writes the demo into a store freshly created with [`demo_details`](super::demo_details)`(now)`
/// (holding only the meeting-created entry), opened with the chair's role:
/// participants, agenda, the first four items done, the dialogue under way
/// with a speaker at the floor and four waiting, issues in every
/// disposition, and actions.
pub fn write_demo(store: &mut Store, now: Timestamp) -> Result<(), StoreError> {
    let start = start_of(now);
    let details = store.record().meeting.details.clone();
    let day = local_date(&details, start);
    let working_days = |days: u32| add_working_days(day, days, &details.holidays);
    let mut s = Script {
        store,
        start,
        last: None,
    };

    // Before the meeting: the list of delegates, then the agenda.
    let mut ids = [0; PEOPLE.len()];
    for (n, person) in PEOPLE.iter().enumerate() {
        let attendance = if is_staff(person) { Present } else { Invited };
        ids[n] = s.run_after_start(
            ms(-55, 0) + 40 * n as i64,
            Command::AddParticipant(ParticipantFields {
                name: person.name.into(),
                organization: person.organization.into(),
                role: person.role,
                contact: String::new(),
                attendance,
            }),
        )?;
    }
    let report_period = if day.month() <= 6 {
        format!("năm {}", day.year() - 1)
    } else {
        format!("6 tháng đầu năm {}", day.year())
    };
    let agenda = [
        (
            "Tuyên bố lý do, giới thiệu đại biểu".to_string(),
            5,
            PEOPLE[OFFICE_HEAD].name,
        ),
        (
            "Phát biểu khai mạc của chủ trì Hội nghị".to_string(),
            5,
            CHAIR_NAME,
        ),
        (
            format!(
                "Báo cáo kết quả giải quyết thủ tục hành chính {report_period}: hồ sơ tiếp nhận, \
                 đúng hạn, trễ hạn, tỷ lệ nộp trực tuyến, phản ánh kiến nghị đã nhận"
            ),
            10,
            PEOPLE[CONTROL_OFFICER].name,
        ),
        (
            "Phổ biến thủ tục hành chính mới ban hành, sửa đổi, bổ sung lĩnh vực khoa học và \
             công nghệ"
                .to_string(),
            10,
            PEOPLE[TECH_HEAD].name,
        ),
        (
            "Đối thoại: giải đáp ý kiến tại Hội nghị và ý kiến gửi bằng văn bản".to_string(),
            60,
            "Lãnh đạo Sở và các phòng chuyên môn",
        ),
        ("Kết luận của chủ trì Hội nghị".to_string(), 10, CHAIR_NAME),
        (
            "Thông qua biên bản Hội nghị, bế mạc".to_string(),
            10,
            SECRETARY_NAME,
        ),
    ];
    let mut items = [0; 7];
    for (n, (title, minutes, presenter)) in agenda.into_iter().enumerate() {
        items[n] = s.run_after_start(
            ms(-40, 0) + 30 * n as i64,
            Command::AddAgendaItem(AgendaFields {
                title,
                planned_minutes: minutes,
                presenter: presenter.into(),
                position: None,
            }),
        )?;
    }

    // Attendance: written submissions noted, delegates checked in at the door.
    s.set_attendance(ms(-35, 0), DENTAL, ids[DENTAL], AbsentWithWrittenSubmission)?;
    s.set_attendance(
        ms(-34, 30),
        REFRIGERATION,
        ids[REFRIGERATION],
        AbsentWithWrittenSubmission,
    )?;
    let arrivals = PEOPLE
        .iter()
        .enumerate()
        .filter(|(_, p)| !is_staff(p) && p.attendance == Present)
        .map(|(n, _)| n);
    for (k, who) in arrivals.enumerate() {
        s.set_attendance(ms(-25, 0) + 95 * k as i64, who, ids[who], Present)?;
    }

    // 1-4: opening, introductions, report, briefing.
    s.run_after_start(0, Command::StartMeeting)?;
    s.run_after_start(ms(0, 15), Command::StartAgendaItem(items[0]))?;
    s.set_attendance(ms(3, 0), ABSENT_CITIZEN, ids[ABSENT_CITIZEN], Absent)?;
    s.run_after_start(ms(6, 0), Command::StartAgendaItem(items[1]))?;
    s.run_after_start(ms(11, 30), Command::StartAgendaItem(items[2]))?;
    s.run_after_start(ms(24, 0), Command::StartAgendaItem(items[3]))?;

    // 5: the dialogue. Written submissions first, then questions from the floor.
    s.run_after_start(ms(37, 0), Command::StartAgendaItem(items[4]))?;
    let walk_in = first_round(&mut s, &ids, &details, &working_days)?;
    second_round(&mut s, &ids, walk_in, &working_days, now)?;
    Ok(())
}
