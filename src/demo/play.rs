//! The demo played into a store: the people, the agenda, the first items
//! done, then the dialogue's two rounds up to the moment shown.

use chrono::Datelike;

use super::first_round::first_round;
use super::people::*;
use super::script::*;
use super::second_round::second_round;
use super::{CHAIR_NAME, SECRETARY_NAME, start_of};
use crate::domain::clock::local_date;
use crate::domain::workdays::add_working_days;
use crate::domain::*;
use crate::store::{Store, StoreError};

use Attendance::{Absent, AbsentWithWrittenSubmission, Invited, Present};

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
    let mut s = Script::new(store, start);

    // Before the meeting: the list of delegates, then the agenda.
    let mut ids = [0; PEOPLE.len()];
    for (n, person) in PEOPLE.iter().enumerate() {
        let attendance = if is_staff(person) { Present } else { Invited };
        ids[n] = s.run_after_start(
            ms(-55, 0) + 40 * n as i64,
            Command::AddParticipant(ParticipantFields {
                attendance,
                ..ParticipantFields::named(person.name, person.organization, person.role)
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
