//! The demo meeting: a sound file, a meeting caught in the middle of the
//! dialogue, every kind of thing on screen, and the same record for the same
//! moment.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{TimeDelta, TimeZone, Utc};
use gavel::demo::{create_demo, demo_details};
use gavel::domain::clock::turn_clock;
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
    assert_eq!(count(Attendance::Absent), 1);
    assert_eq!(count(Attendance::Invited), 1);
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
                // 20 working days from Thursday 5 February 2026.
                assert_eq!(issue.reply_due.unwrap().to_string(), "2026-03-05");
            }
            Disposition::Escalated => assert!(!issue.escalated_to.is_empty()),
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
    assert!(
        details
            .holidays
            .iter()
            .any(|d| d.to_string() == "2026-04-30")
    );
}
