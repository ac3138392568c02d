//! The domain's rules, without any file: invalid commands are refused with a
//! typed error, valid ones turn into the right event.

mod common;

use chrono::{NaiveDate, TimeDelta};
use common::*;
use gavel::domain::*;

fn ctx(secs: i64) -> Context<'static> {
    Context {
        now: t0() + TimeDelta::seconds(secs),
        actor: "chair",
    }
}

/// Decides and applies, as the store does, panicking on refusal.
fn run(record: &mut Record, command: Command, secs: i64) -> Event {
    let event = decide(record, &command, ctx(secs)).expect("command accepted");
    let seq = record.next_seq();
    record.apply(seq, &event);
    event
}

fn created() -> Record {
    let mut record = Record::default();
    run(&mut record, Command::CreateMeeting(details("Đối thoại")), 0);
    record
}

#[test]
fn nothing_before_the_meeting_exists() {
    let record = Record::default();
    assert_eq!(
        decide(&record, &Command::NextSpeaker, ctx(0)),
        Err(DomainError::NotCreated)
    );
}

#[test]
fn starting_an_agenda_item_that_does_not_exist_is_refused() {
    let record = created();
    assert_eq!(
        decide(&record, &Command::StartAgendaItem(99), ctx(1)),
        Err(DomainError::NotFound {
            kind: Kind::AgendaItem,
            id: 99
        })
    );
}

#[test]
fn giving_the_floor_with_an_empty_queue_is_refused() {
    let record = created();
    assert_eq!(
        decide(&record, &Command::NextSpeaker, ctx(1)),
        Err(DomainError::QueueEmpty)
    );
}

#[test]
fn an_empty_participant_name_is_refused() {
    let record = created();
    assert_eq!(
        decide(&record, &participant("   "), ctx(1)),
        Err(DomainError::Empty(Field::ParticipantName))
    );
}

#[test]
fn a_due_date_before_the_meeting_is_refused() {
    let record = created();
    let due = NaiveDate::from_ymd_opt(2026, 2, 4).unwrap();
    let command = Command::AddAction(ActionFields {
        title: "Trả lời bằng văn bản".into(),
        owner: "Phòng Quản lý chuyên ngành".into(),
        issue: None,
        due: Some(due),
        status: ActionStatus::Open,
        completion_ref: String::new(),
    });
    assert!(matches!(
        decide(&record, &command, ctx(1)),
        Err(DomainError::DueBeforeMeeting { .. })
    ));
}

#[test]
fn starting_an_item_finishes_the_previous_one_and_opens_the_meeting() {
    let mut record = created();
    run(&mut record, agenda("Khai mạc", 10), 1);
    run(&mut record, agenda("Đối thoại", 60), 2);
    let ids: Vec<Id> = record.agenda_in_order().iter().map(|i| i.id).collect();
    run(&mut record, Command::StartAgendaItem(ids[0]), 10);
    assert_eq!(record.meeting.status, MeetingStatus::Live);
    run(&mut record, Command::StartAgendaItem(ids[1]), 600);
    assert_eq!(record.agenda[&ids[0]].status, AgendaStatus::Done);
    assert_eq!(
        record.agenda[&ids[0]].ended_at,
        Some(t0() + TimeDelta::seconds(600))
    );
    assert_eq!(record.active_item().map(|i| i.id), Some(ids[1]));
}

#[test]
fn points_of_order_and_replies_jump_the_queue() {
    let mut record = created();
    for name in ["An", "Bình", "Chi"] {
        run(&mut record, participant(name), 1);
    }
    let id_of = |record: &Record, name: &str| {
        record
            .participants
            .values()
            .find(|p| p.name == name)
            .unwrap()
            .id
    };
    let ask = |who: Id, kind: RequestKind| Command::RequestFloor {
        speaker: Speaker::Existing(who),
        kind,
        topic: String::new(),
    };
    let (an, binh, chi) = (
        id_of(&record, "An"),
        id_of(&record, "Bình"),
        id_of(&record, "Chi"),
    );
    run(&mut record, ask(an, RequestKind::Normal), 2);
    run(&mut record, ask(binh, RequestKind::Reply), 3);
    run(&mut record, ask(chi, RequestKind::PointOfOrder), 4);
    let order: Vec<&str> = record
        .current_queue()
        .iter()
        .map(|r| record.participant_name(r.participant))
        .collect();
    assert_eq!(order, ["Chi", "Bình", "An"]);

    run(&mut record, Command::NextSpeaker, 10);
    assert_eq!(
        record.participant_name(record.current_speaker().unwrap().participant),
        "Chi"
    );
    run(&mut record, Command::NextSpeaker, 70);
    let chi = record
        .requests
        .values()
        .find(|r| r.participant == id_of(&record, "Chi"))
        .unwrap();
    assert_eq!(chi.status, RequestStatus::Done);
    assert_eq!(
        record.speaking_time(chi.participant, t0()),
        TimeDelta::seconds(60)
    );
}

#[test]
fn a_new_name_in_a_request_creates_the_participant() {
    let mut record = created();
    let event = run(
        &mut record,
        Command::RequestFloor {
            speaker: Speaker::New {
                name: "Trần Thị Hoà".into(),
                organization: "Công ty TNHH Mê Kông".into(),
            },
            kind: RequestKind::Normal,
            topic: "Đăng ký nhãn hiệu".into(),
        },
        5,
    );
    let Event::FloorRequested {
        request,
        new_participant: Some(p),
    } = event
    else {
        panic!("expected a request with a new participant");
    };
    assert_eq!(record.participants[&p.id].name, "Trần Thị Hoà");
    assert_eq!(record.requests[&request.id].participant, p.id);
}

#[test]
fn a_closed_queue_refuses_normal_requests_but_not_points_of_order() {
    let mut record = created();
    run(&mut record, participant("An"), 1);
    let an = *record.participants.keys().next().unwrap();
    run(&mut record, Command::SetQueueClosed(true), 2);
    let ask = |kind| Command::RequestFloor {
        speaker: Speaker::Existing(an),
        kind,
        topic: String::new(),
    };
    assert_eq!(
        decide(&record, &ask(RequestKind::Normal), ctx(3)),
        Err(DomainError::QueueClosed)
    );
    assert!(decide(&record, &ask(RequestKind::PointOfOrder), ctx(3)).is_ok());
}

#[test]
fn a_stale_edit_is_a_conflict() {
    let mut record = created();
    run(&mut record, issue("Thời hạn cấp phép quá dài"), 1);
    let issue = record.issues.values().next().unwrap().clone();
    let fields = IssueFields {
        letter_number: String::new(),
        letter_date: None,
        raised_by: None,
        source: IssueSource::Floor,
        category: IssueCategory::Difficulty,
        field: String::new(),
        procedure: String::new(),
        text: "Sửa lần 1".into(),
    };
    run(
        &mut record,
        Command::EditIssue {
            id: issue.id,
            base_rev: issue.rev,
            fields: fields.clone(),
        },
        2,
    );
    let stale = Command::EditIssue {
        id: issue.id,
        base_rev: issue.rev,
        fields,
    };
    assert!(matches!(
        decide(&record, &stale, ctx(3)),
        Err(DomainError::Conflict { .. })
    ));
}

#[test]
fn a_written_reply_gets_a_deadline_in_working_days() {
    let mut record = created();
    run(&mut record, issue("Xin hướng dẫn hồ sơ"), 1);
    let issue = record.issues.values().next().unwrap().clone();
    run(
        &mut record,
        Command::AnswerIssue {
            id: issue.id,
            base_rev: issue.rev,
            fields: AnswerFields {
                answered_by: None,
                answer: "Sở sẽ trả lời bằng văn bản".into(),
                disposition: Disposition::WrittenReplyRequired,
                reply_due: None,
                escalated_to: String::new(),
            },
        },
        2,
    );
    // Thursday 5 February 2026 + 20 working days, the five weekdays of
    // Tết (14–22/2) off = Thursday 12 March 2026.
    assert_eq!(
        record.issues[&issue.id].reply_due,
        NaiveDate::from_ymd_opt(2026, 3, 12)
    );
}

#[test]
fn a_written_submission_is_counted_from_the_day_its_letter_was_received() {
    let mut record = created();
    let letter = |text: &str| {
        let Command::LogIssue(fields) = issue(text) else {
            unreachable!()
        };
        Command::LogIssue(IssueFields {
            source: IssueSource::WrittenSubmission,
            letter_number: "15/CV-SV".into(),
            // Friday 30 January 2026, a week before the meeting.
            letter_date: NaiveDate::from_ymd_opt(2026, 1, 30),
            ..fields
        })
    };
    run(&mut record, letter("Đề nghị hướng dẫn hồ sơ"), 1);
    run(&mut record, letter("Kiến nghị sửa quy định"), 2);
    let mut issues: Vec<Issue> = record.issues.values().cloned().collect();
    issues.sort_by_key(|i| i.number);
    let answer = |issue: &Issue, disposition, escalated_to: &str| Command::AnswerIssue {
        id: issue.id,
        base_rev: issue.rev,
        fields: AnswerFields {
            answered_by: None,
            answer: "Sở tiếp thu".into(),
            disposition,
            reply_due: None,
            escalated_to: escalated_to.into(),
        },
    };
    run(
        &mut record,
        answer(&issues[0], Disposition::WrittenReplyRequired, ""),
        3,
    );
    run(
        &mut record,
        answer(
            &issues[1],
            Disposition::Escalated,
            "Bộ Khoa học và Công nghệ",
        ),
        4,
    );
    // 30/1 + 20 working days, Tết (14–22/2) off: 6 March, not the 12 March
    // counted from the meeting; forwarding, 5 working days: 6 February.
    assert_eq!(
        record.issues[&issues[0].id].reply_due,
        NaiveDate::from_ymd_opt(2026, 3, 6)
    );
    assert_eq!(
        record.issues[&issues[1].id].forward_due,
        NaiveDate::from_ymd_opt(2026, 2, 6)
    );
}

#[test]
fn text_enters_the_record_nfc() {
    use unicode_normalization::UnicodeNormalization;
    let mut record = created();
    let nfd: String = "Nguyễn Thị Hữu Hạnh hỏi về đăng ký nhãn hiệu"
        .nfd()
        .collect();
    run(&mut record, issue(&nfd), 1);
    let stored = &record.issues.values().next().unwrap().text;
    assert_eq!(stored, &nfd.nfc().collect::<String>());
}
