//! The demo played into a store: the people, the agenda, the first items
//! done, then the dialogue's two rounds up to the moment shown.

use chrono::Datelike;

use super::first_round::first_round;
use super::people::*;
use super::script::*;
use super::second_round::second_round;
use super::{CHAIR_NAME, SECRETARY_NAME, start_of};
use crate::domain::clock::local_date;
use crate::domain::workdays::Calendar;
use crate::domain::*;
use crate::store::{Store, StoreError};

use super::notes;

use Attendance::{Absent, AbsentWithNotice, AbsentWithWrittenSubmission, Invited, Present};

/// Writes the demo into a store freshly created with [`demo_details`](super::demo_details)`(now)`
/// (holding only the meeting-created entry), opened with the chair's role:
/// participants, agenda, the first four items done, the dialogue under way
/// with a speaker at the floor and four waiting, issues in every
/// disposition, and actions.
pub fn write_demo(store: &mut Store, now: Timestamp) -> Result<(), StoreError> {
    let start = start_of(now);
    let details = store.record().meeting.details.clone();
    let day = local_date(&details, start);
    let calendar = Calendar::of(&details);
    let working_days = |days: u32| calendar.add_working_days(day, days);
    let working_days_before = |days: u32| calendar.working_days_before(day, days);
    let mut s = Script::new(store, start);

    // Before the meeting: the list of delegates, the chair and the secretary
    // chosen from it, then the agenda.
    let mut ids = [0; PEOPLE.len()];
    for (n, person) in PEOPLE.iter().enumerate() {
        let attendance = if is_staff(person) { Present } else { Invited };
        ids[n] = s.run_after_start(
            ms(-55, 0) + 35 * n as i64,
            Command::AddParticipant(person.fields(attendance)),
        )?;
    }
    s.seat(ms(-41, 10), ids[CHAIR], ids[SECRETARY])?;
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

    // The roll call at the door: letters in place of two invitees, then
    // the delegates as they arrive. Two come late, one sent word, one is
    // called absent, and two have not turned up at all.
    for (k, who) in [DENTAL, REFRIGERATION].into_iter().enumerate() {
        s.set_attendance(
            ms(-35, 0) + 30 * k as i64,
            ids[who],
            AbsentWithWrittenSubmission,
        )?;
    }
    let late = [UNIVERSITY, CITIZEN];
    let arrivals = PEOPLE
        .iter()
        .enumerate()
        .filter(|(n, p)| !is_staff(p) && p.attendance == Present && !late.contains(n))
        .map(|(n, _)| n);
    for (k, who) in arrivals.enumerate() {
        s.set_attendance(ms(-25, 0) + 95 * k as i64, ids[who], Present)?;
    }

    // 1-4: opening, introductions, report, briefing; the secretary writes
    // the course of each item as it goes.
    s.run_after_start(0, Command::StartMeeting)?;
    s.run_after_start(ms(0, 15), Command::StartAgendaItem(items[0]))?;
    s.set_attendance(ms(2, 0), ids[EXCUSED_CITIZEN], AbsentWithNotice)?;
    s.set_attendance(ms(2, 20), ids[ABSENT_COMPANY], Absent)?;
    s.set_attendance(ms(4, 30), ids[UNIVERSITY], Present)?;
    s.write_notes(ms(5, 40), items[0], notes::OPENING)?;
    s.run_after_start(ms(6, 0), Command::StartAgendaItem(items[1]))?;
    s.write_notes(ms(11, 10), items[1], notes::ADDRESS)?;
    s.run_after_start(ms(11, 30), Command::StartAgendaItem(items[2]))?;
    // A walk-in at the door, added to the list as present.
    s.run_after_start(ms(13, 0), Command::AddParticipant(notes::door_walk_in()))?;
    s.set_attendance(ms(16, 0), ids[CITIZEN], Present)?;
    s.write_notes(ms(23, 40), items[2], notes::REPORT)?;
    s.run_after_start(ms(24, 0), Command::StartAgendaItem(items[3]))?;
    s.write_notes(ms(36, 30), items[3], notes::BRIEFING)?;

    // 5: the dialogue. Written submissions first, then questions from the floor.
    s.run_after_start(ms(37, 0), Command::StartAgendaItem(items[4]))?;
    s.write_notes(ms(37, 20), items[4], notes::DIALOGUE_OPENED)?;
    let walk_in = first_round(&mut s, &ids, &details, &working_days, &working_days_before)?;
    s.write_notes(
        ms(64, 40),
        items[4],
        &format!("{}\n{}", notes::DIALOGUE_OPENED, notes::FIRST_ROUND),
    )?;
    // The chair's conclusion, begun while the first round's answers are
    // fresh (the rest is being typed: see `leave_conclusion_draft`).
    s.write_conclusion(s.after_start(ms(64, 50)), notes::CONCLUSION)?;
    second_round(&mut s, &ids, walk_in, &working_days, now)?;
    Ok(())
}
