//! The demo meeting: a sound file, a meeting caught in the middle of the
//! dialogue, every kind of thing on screen, and the same record for the same
//! moment.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{TimeDelta, TimeZone, Utc};
use gavel::demo::{create_demo, demo_details};
use gavel::domain::clock::turn_clock;
use gavel::domain::workdays;
use gavel::domain::*;
use gavel::store::{Durability, OpenOptions, Store, check};

/// 09:20 in Vietnam on 5 February 2026.
fn now() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 2, 5, 2, 20, 0).unwrap()
}

fn demo(path: &Path, now: Timestamp) -> Store {
    let mut options = OpenOptions::new("chair", Role::Chair);
    options.durability = Durability::Normal;
    create_demo(path, options, now).expect("demo written")
}

#[test]
fn the_demo_is_a_sound_meeting_in_the_middle_of_its_dialogue() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.gavel");
    let now = now();
    let store = demo(&path, now);
    let record = store.record().clone();
    drop(store);

    let report = check(&path).expect("check runs");
    assert!(report.is_ok(), "{report:?}");

    // Live, started about 80 minutes ago.
    let meeting = &record.meeting;
    assert_eq!(meeting.status, MeetingStatus::Live);
    let started = meeting.actual_start.expect("started");
    assert_eq!(Some(started), meeting.details.planned_start);
    assert!(now - started >= TimeDelta::minutes(80) && now - started < TimeDelta::minutes(81));
    assert_eq!(record.meeting_day(now).to_string(), "2026-02-05");

    // Everybody, in every role and every kind of attendance.
    assert!(record.participants.len() >= 18);
    let roles: BTreeSet<_> = record.participants.values().map(|p| p.role).collect();
    assert_eq!(roles.len(), ParticipantRole::ALL.len(), "{roles:?}");
    let count = |a: Attendance| {
        record
            .participants
            .values()
            .filter(|p| p.attendance == a)
            .count()
    };
    assert_eq!(count(Attendance::AbsentWithWrittenSubmission), 2);
    assert_eq!(count(Attendance::AbsentWithNotice), 1);
    assert_eq!(count(Attendance::Absent), 1);
    assert_eq!(count(Attendance::Invited), 2);
    assert!(count(Attendance::Present) >= 15);
    let names: Vec<_> = record.participants.values().map(|p| &p.name).collect();
    assert!(names.contains(&&meeting.details.chair));
    assert!(names.contains(&&meeting.details.secretary));

    // Items 1-4 done, the dialogue active, the last two to come.
    let agenda = record.agenda_in_order();
    let statuses: Vec<_> = agenda.iter().map(|i| i.status).collect();
    use AgendaStatus::*;
    assert_eq!(
        statuses,
        [Done, Done, Done, Done, Active, Pending, Pending],
        "{agenda:?}"
    );
    let dialogue = record.active_item().expect("an active item");
    assert!(dialogue.title.starts_with("Đối thoại"));

    // A speaker with time left, and a queue led by a point of order.
    let speaker = record.current_speaker().expect("somebody has the floor");
    assert_eq!(speaker.agenda_item, Some(dialogue.id));
    let clock = turn_clock(speaker, now);
    assert!(clock.remaining() > TimeDelta::zero(), "{clock:?}");
    assert_eq!(clock.remaining(), TimeDelta::seconds(80));
    let queue = record.current_queue();
    assert!((3..=4).contains(&queue.len()), "{queue:?}");
    assert_eq!(queue[0].kind, RequestKind::PointOfOrder);
    assert!(queue.iter().any(|r| r.kind == RequestKind::Reply));
    assert!(queue.iter().all(|r| !r.topic.is_empty()));
    // Turns already taken: one over time, one paused, one given more time.
    let done: Vec<_> = record
        .requests
        .values()
        .filter(|r| r.status == RequestStatus::Done)
        .collect();
    assert!(done.len() >= 5);
    assert!(
        done.iter()
            .any(|r| turn_clock(r, now).remaining() < TimeDelta::zero())
    );
    assert!(done.iter().any(|r| !r.pauses.is_empty()));
    assert!(done.iter().any(|r| r.added_seconds > 0));
    // The walk-in came in through the request for the floor.
    assert!(
        record.requests.values().any(|r| r.id == r.participant
            && record.participants[&r.id].role == ParticipantRole::Citizen)
    );

    // Issues in every disposition, two sent in writing, none closed yet.
    let dispositions: BTreeSet<_> = record.issues.values().map(|i| i.disposition).collect();
    assert_eq!(
        dispositions.len(),
        Disposition::ALL.len(),
        "{dispositions:?}"
    );
    let written = record
        .issues
        .values()
        .filter(|i| i.source == IssueSource::WrittenSubmission)
        .count();
    assert!(written >= 2);
    for issue in record.issues.values() {
        assert!(issue.raised_by.is_some() && issue.closed_on.is_none());
        assert!(!issue.field.is_empty() && !issue.procedure.is_empty());
        match issue.disposition {
            Disposition::WrittenReplyRequired => {
                // 20 working days from the day of receipt, Tết (14–22/2)
                // off: the meeting, Thursday 5 February 2026, for what was
                // said in the room; the letter's date, Wednesday 4
                // February, for the written submission.
                let expected = match issue.source {
                    IssueSource::WrittenSubmission => "2026-03-11",
                    _ => "2026-03-12",
                };
                assert_eq!(issue.reply_due.unwrap().to_string(), expected);
            }
            Disposition::Escalated => {
                assert!(!issue.escalated_to.is_empty());
                assert_eq!(issue.forward_due.unwrap().to_string(), "2026-02-12");
            }
            Disposition::Open => {}
            _ => assert!(!issue.answer.is_empty()),
        }
    }

    // Actions, due after the meeting day.
    assert!(record.actions.len() >= 3);
    let day = record.meeting_day(now);
    for action in record.actions.values() {
        assert!(action.due.is_some_and(|due| due > day));
        assert!(matches!(
            action.status,
            ActionStatus::Open | ActionStatus::InProgress
        ));
    }
}

#[test]
fn the_demo_shows_who_was_there_who_answered_and_what_is_concluded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.gavel");
    let store = demo(&path, now());
    let record = store.record().clone();
    let meeting = &record.meeting;
    let day = record.meeting_day(now());

    // The chair and the secretary are participants, with their positions.
    let chair = record.chair().expect("the chair is a participant");
    assert_eq!(meeting.details.chair_id, Some(chair.id));
    assert_eq!(meeting.details.chair, chair.name);
    assert_eq!(chair.role, ParticipantRole::Leadership);
    assert_eq!(chair.position, "Phó Giám đốc Sở");
    let secretary = record.secretary().expect("the secretary is a participant");
    assert_eq!(meeting.details.secretary_id, Some(secretary.id));
    assert_eq!(meeting.details.secretary, secretary.name);
    assert!(!secretary.position.is_empty() && secretary.role.is_staff());

    // People, not strings: positions, Ông or Bà, contacts for a written
    // reply, and a citizens' group with the people who speak for it.
    let people: Vec<_> = record.participants.values().collect();
    let with = |f: &dyn Fn(&Participant) -> bool| people.iter().filter(|p| f(p)).count();
    assert!(with(&|p| !p.position.is_empty()) >= 18, "positions");
    assert!(with(&|p| p.honorific == Some(Honorific::Mr)) >= 5);
    assert!(with(&|p| p.honorific == Some(Honorific::Ms)) >= 5);
    assert!(with(&|p| !p.role.is_staff() && !p.contact.is_empty()) >= 12);
    assert_eq!(with(&|p| p.role.is_staff() && !p.contact.is_empty()), 0);
    let group = people
        .iter()
        .find(|p| p.members > 1)
        .expect("a citizens' group");
    assert_eq!(group.role, ParticipantRole::Citizen);
    assert!(group.representatives.contains("Ông") && group.representatives.contains(", "));
    assert_eq!(group.honorific, None);
    assert_eq!(group.attendance, Attendance::Present);

    // The roll call under way: every count, adding up; nobody who spoke
    // or raised an issue in the room is shown absent or unchecked.
    let roll = record.roll_call();
    assert_eq!(roll.total, record.participants.len());
    assert_eq!(
        roll.present + roll.absent_in_all() + roll.unchecked,
        roll.total,
        "{roll:?}"
    );
    assert!(roll.present >= 18, "{roll:?}");
    assert_eq!(
        (
            roll.absent_with_notice,
            roll.absent_with_written_submission,
            roll.absent,
            roll.unchecked
        ),
        (1, 2, 1, 2),
        "{roll:?}"
    );
    for p in &people {
        if record.present_by_record(p.id) {
            assert_eq!(p.attendance, Attendance::Present, "{}", p.name);
        }
    }
    // Checked in mid-way: some after the meeting started, by roll call.
    let started = meeting.actual_start.unwrap();
    let entries = store.entries_after(0).unwrap();
    assert!(
        entries.windows(2).all(|w| w[0].at <= w[1].at),
        "the demo's clock never goes back"
    );
    let late = entries
        .iter()
        .filter(|e| e.at > started)
        .filter(|e| {
            matches!(
                &e.event,
                Event::AttendanceSet {
                    attendance: Attendance::Present,
                    ..
                }
            )
        })
        .count();
    assert!(late >= 2, "{late} checked in after the start");
    // Two walk-ins: one at the door, one from the floor, whose address the
    // secretary took down; both present.
    let walk_ins: Vec<_> = entries
        .iter()
        .filter(|e| e.at > started)
        .filter_map(|e| match &e.event {
            Event::ParticipantAdded { participant } => Some(participant.id),
            Event::FloorRequested {
                new_participant: Some(participant),
                ..
            } => Some(participant.id),
            _ => None,
        })
        .collect();
    assert_eq!(walk_ins.len(), 2, "{walk_ins:?}");
    for id in walk_ins {
        let p = &record.participants[&id];
        assert_eq!(p.attendance, Attendance::Present, "{}", p.name);
        assert!(!p.contact.is_empty() && p.honorific.is_some(), "{p:?}");
    }

    // Notes on the items done and on the dialogue; none on items to come.
    let agenda = record.agenda_in_order();
    let noted: Vec<_> = agenda
        .iter()
        .filter(|i| !i.notes.trim().is_empty())
        .collect();
    assert!(noted.len() >= 3, "{noted:?}");
    assert!(noted.iter().all(|i| i.status != AgendaStatus::Pending));
    assert!(noted.iter().all(|i| i.notes_rev > 0));
    assert!(
        agenda[0].notes.contains("vắng có lý do"),
        "{}",
        agenda[0].notes
    );
    let dialogue = record.active_item().unwrap();
    assert!(dialogue.notes.lines().count() >= 2, "written twice over");

    // The conclusion begun.
    assert!(
        meeting.conclusion.starts_with("1. "),
        "{}",
        meeting.conclusion
    );
    assert!(meeting.conclusion_rev > 0);

    // Answers given by named people of the department.
    let answerers: BTreeSet<Id> = record
        .issues
        .values()
        .filter_map(|i| i.answered_by)
        .collect();
    assert!(answerers.len() >= 3, "{answerers:?}");
    for id in &answerers {
        let p = &record.participants[id];
        assert!(p.role.is_staff() && !p.position.is_empty(), "{p:?}");
    }
    assert!(answerers.contains(&chair.id), "the chair answered one");
    for issue in record.issues.values() {
        if issue.disposition == Disposition::Answered {
            assert!(issue.answered_by.is_some(), "{issue:?}");
        }
        // The answer says what, the record says who.
        assert!(!issue.answer.starts_with("Ông") && !issue.answer.starts_with("Bà"));
    }

    // Written submissions with their letters, sent by those who wrote in,
    // received on a working day before the meeting; one answered already.
    let letters: Vec<_> = record
        .issues
        .values()
        .filter(|i| i.source == IssueSource::WrittenSubmission)
        .collect();
    assert_eq!(letters.len(), 2);
    for issue in &letters {
        assert!(issue.letter_number.contains("/CV-"), "{issue:?}");
        let received = issue.letter_date.expect("a date received");
        assert!(received < day, "{received}");
        assert!(workdays::Calendar::of(&meeting.details).is_working_day(received));
        let sender = &record.participants[&issue.raised_by.unwrap()];
        assert_eq!(
            sender.attendance,
            Attendance::AbsentWithWrittenSubmission,
            "{}",
            sender.name
        );
        assert!(!sender.contact.is_empty(), "an address to reply to");
    }
    assert_eq!(
        letters
            .iter()
            .filter(|i| i.disposition == Disposition::Open)
            .count(),
        1
    );
    let answered = letters
        .iter()
        .find(|i| i.disposition != Disposition::Open)
        .unwrap();
    assert!(answered.answered_by.is_some() && !answered.answer.is_empty());
    assert_eq!(
        answered.letter_date.unwrap().to_string(),
        "2026-02-04",
        "the working day before Thursday 5 February"
    );
}

#[test]
fn the_demo_opens_with_the_conclusion_being_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.gavel");
    let mut store = demo(&path, now());
    assert!(
        store.drafts().unwrap().is_empty(),
        "the record alone has no draft"
    );
    let before = store.record().clone();
    gavel::demo::leave_conclusion_draft(&mut store).unwrap();
    assert_eq!(
        store.record(),
        &before,
        "a draft is not a change of the record"
    );
    drop(store);

    // Reopened by the same person, the console finds the conclusion form,
    // based on the conclusion written, with more typed after it.
    let store = Store::open(&path, OpenOptions::new("chair", Role::Chair)).unwrap();
    let rev = store.record().meeting.conclusion_rev;
    let written = store.record().meeting.conclusion.clone();
    let form = gavel::session::FormDraft::latest(&store.drafts().unwrap()).expect("a form");
    assert_eq!(form.key, format!("conclusion@{rev}"));
    assert_eq!(form.focus.as_deref(), Some("conclusion"));
    let field = form
        .fields
        .iter()
        .find(|f| f.field == "conclusion")
        .expect("the conclusion field");
    assert!(field.text.starts_with(&written), "{}", field.text);
    assert!(field.text.len() > written.len() + 40);
    assert!(field.text.contains("\n3. "), "{}", field.text);
    assert_eq!(
        field.cursor,
        field.text.len(),
        "the cursor where typing stopped"
    );
}

#[test]
fn the_same_moment_gives_the_same_record() {
    let dir = tempfile::tempdir().unwrap();
    let now = now() + TimeDelta::milliseconds(123);
    let first = demo(&dir.path().join("a.gavel"), now);
    let second = demo(&dir.path().join("b.gavel"), now);
    assert_eq!(first.record(), second.record());
    // The journal too, entry for entry, hashes included.
    assert_eq!(
        first.entries_after(0).unwrap(),
        second.entries_after(0).unwrap()
    );

    // Another moment gives the same story, shifted.
    let later = demo(&dir.path().join("c.gavel"), now + TimeDelta::hours(30));
    assert_eq!(later.record().issues.len(), first.record().issues.len());
    assert_ne!(later.record(), first.record());
}

#[test]
fn the_details_hold_the_settings_of_the_dialogue() {
    let details = demo_details(now());
    assert_eq!(details.superior_agency, "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG");
    assert_eq!(details.agency, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    assert_eq!(details.place, "Mỹ Tho");
    assert_eq!(details.utc_offset_minutes, 420);
    assert_eq!(details.speaking_seconds, 180);
    assert_eq!(details.reply_working_days, 20);
    assert!(details.legal_basis.contains("13/CT-TTg"));
    assert!(details.legal_basis.contains("2191/QĐ-UBND"));
    assert!(details.doc_number.starts_with("BB-"));
    // The days off are gavel's own calendar's: 30/4 is off without being
    // listed.
    assert!(details.holidays.is_empty());
    let calendar = workdays::Calendar::of(&details);
    assert!(!calendar.is_working_day(chrono::NaiveDate::from_ymd_opt(2026, 4, 30).unwrap()));
}
