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

/// A meeting under way: two agenda items, the first active, An at the
/// floor (for 10 s at 30 s), Bình on the list.
fn meeting_under_way() -> (Record, Vec<Id>, Id, Id) {
    let mut record = created();
    run(&mut record, agenda("Khai mạc", 10), 1);
    run(&mut record, agenda("Đối thoại", 60), 2);
    run(&mut record, participant("An"), 3);
    run(&mut record, participant("Bình"), 4);
    let items: Vec<Id> = record.agenda_in_order().iter().map(|i| i.id).collect();
    let id_of = |record: &Record, name: &str| {
        record
            .participants
            .values()
            .find(|p| p.name == name)
            .unwrap()
            .id
    };
    let (an, binh) = (id_of(&record, "An"), id_of(&record, "Bình"));
    run(&mut record, Command::StartAgendaItem(items[0]), 10);
    for who in [an, binh] {
        run(
            &mut record,
            Command::RequestFloor {
                speaker: Speaker::Existing(who),
                kind: RequestKind::Normal,
                topic: String::new(),
            },
            20,
        );
    }
    run(&mut record, Command::NextSpeaker, 30);
    let speaking = record.current_speaker().expect("An has the floor").id;
    (record, items, speaking, binh)
}

#[test]
fn once_the_meeting_has_ended_the_floor_and_the_agenda_are_refused_with_the_time_it_ended() {
    let (mut record, items, _, binh) = meeting_under_way();
    // 01:00 UTC + 3 h 42 min is 11:42 in Hà Nội (UTC+7).
    let end = 3 * 3600 + 42 * 60;
    run(&mut record, Command::AdjournMeeting, end);
    let ended_at = chrono::NaiveTime::from_hms_opt(11, 42, 0);
    let refused = [
        (Command::NextSpeaker, EndedAction::GiveFloor),
        (Command::TogglePause, EndedAction::Pause),
        (Command::AddTime { seconds: 30 }, EndedAction::AddTime),
        (Command::FinishAgendaItem, EndedAction::FinishItem),
        (Command::StartAgendaItem(items[1]), EndedAction::StartItem),
        (
            Command::RequestFloor {
                speaker: Speaker::Existing(binh),
                kind: RequestKind::PointOfOrder,
                topic: String::new(),
            },
            EndedAction::RequestFloor,
        ),
        (Command::SetQueueClosed(true), EndedAction::CloseQueue),
    ];
    for (command, action) in &refused {
        assert_eq!(
            decide(&record, command, ctx(end + 60)),
            Err(DomainError::MeetingEnded {
                action: *action,
                at: ended_at,
            }),
            "{command:?}"
        );
    }
    // The reason, in both languages.
    let error = decide(&record, &Command::NextSpeaker, ctx(end + 60)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the meeting ended at 11:42: cannot give the floor"
    );
    assert_eq!(
        gavel::i18n::domain_error(gavel::i18n::Lang::Vi, &error),
        "cuộc họp đã kết thúc lúc 11:42, không thể mời phát biểu"
    );
    // Closed, the same; the forecast end is the end, whatever the clock.
    run(&mut record, Command::CloseMeeting, end + 600);
    assert!(matches!(
        decide(&record, &Command::StartAgendaItem(items[1]), ctx(end + 900)),
        Err(DomainError::MeetingEnded {
            action: EndedAction::StartItem,
            at,
        }) if at == ended_at
    ));
    let end_time = t0() + TimeDelta::seconds(end);
    assert_eq!(record.forecast_end(t0() + TimeDelta::hours(5)), end_time);
    assert_eq!(record.forecast_end(t0() + TimeDelta::hours(9)), end_time);
}

#[test]
fn before_the_end_the_forecast_follows_the_clock() {
    let (record, ..) = meeting_under_way();
    // Item 1 (10 min) started at 10 s, item 2 (60 min) pending.
    let at = |secs| t0() + TimeDelta::seconds(secs);
    assert_eq!(record.forecast_end(at(10)), at(10 + 70 * 60));
    assert_eq!(record.forecast_end(at(3600)), at(3600 + 60 * 60));
}

#[test]
fn finishing_an_item_ends_the_turn_of_whoever_has_the_floor_in_the_same_event() {
    let (mut record, items, speaking, _) = meeting_under_way();
    run(&mut record, Command::TogglePause, 90);
    let event = run(&mut record, Command::FinishAgendaItem, 200);
    let at = t0() + TimeDelta::seconds(200);
    assert_eq!(
        event,
        Event::AgendaItemFinished {
            id: items[0],
            at,
            speaker: Some(speaking),
        }
    );
    // One entry touches both: an undo restores both.
    assert_eq!(
        event.touched(),
        [
            EntityRef::AgendaItem(items[0]),
            EntityRef::Request(speaking)
        ]
    );
    let turn = &record.requests[&speaking];
    assert_eq!(turn.status, RequestStatus::Done);
    assert_eq!(turn.ended_at, Some(at));
    assert_eq!(turn.pauses.last().unwrap().to, Some(at), "the pause closes");
    assert!(record.current_speaker().is_none());
    assert!(record.index_is_consistent());
    // The next item starts with nobody at the floor.
    run(&mut record, Command::StartAgendaItem(items[1]), 300);
    assert!(record.current_speaker().is_none());
}

#[test]
fn starting_the_next_item_ends_the_turn_at_the_floor_too() {
    let (mut record, items, speaking, _) = meeting_under_way();
    let event = run(&mut record, Command::StartAgendaItem(items[1]), 200);
    assert!(matches!(
        event,
        Event::AgendaItemStarted { speaker: Some(id), previous: Some(prev), .. }
            if id == speaking && prev == items[0]
    ));
    assert_eq!(record.requests[&speaking].status, RequestStatus::Done);
    assert!(record.current_speaker().is_none());
    assert!(record.index_is_consistent());
}

#[test]
fn finishing_an_item_with_its_speaker_is_undone_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_meeting(&meeting_path(&dir));
    let at = |secs| t0() + TimeDelta::seconds(secs);
    store.execute_at(agenda("Đối thoại", 60), at(1)).unwrap();
    store.execute_at(participant("An"), at(2)).unwrap();
    let item = *store.record().agenda.keys().next().unwrap();
    let an = *store.record().participants.keys().next().unwrap();
    store
        .execute_at(Command::StartAgendaItem(item), at(3))
        .unwrap();
    store
        .execute_at(
            Command::RequestFloor {
                speaker: Speaker::Existing(an),
                kind: RequestKind::Normal,
                topic: String::new(),
            },
            at(4),
        )
        .unwrap();
    store.execute_at(Command::NextSpeaker, at(5)).unwrap();
    let before = store.record().clone();
    let committed = store.execute_at(Command::FinishAgendaItem, at(60)).unwrap();
    assert_eq!(store.entries_after(committed.seq - 1).unwrap().len(), 1);
    assert!(store.record().current_speaker().is_none());
    store.undo_last().unwrap();
    let record = store.record();
    assert_eq!(record.agenda[&item], before.agenda[&item]);
    let speaking = before.current_speaker().unwrap();
    assert_eq!(record.current_speaker(), Some(speaking));
}
