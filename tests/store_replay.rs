//! Random command sequences from two people on one file: the projection
//! tables always equal a replay of the journal, the hash chain verifies, and
//! a refused command writes nothing.

mod common;

use chrono::{NaiveDate, TimeDelta};
use common::*;
use gavel::domain::*;
use gavel::store::{self, Store, StoreError};
use proptest::prelude::*;

/// An abstract step; indices pick among what exists when it runs.
#[derive(Debug, Clone)]
enum Op {
    AddParticipant(u8),
    AddAgenda(u8, u32),
    StartAgenda(u8),
    FinishAgenda,
    RequestExisting(u8, u8),
    RequestNew(u8),
    Withdraw(u8),
    Next,
    TogglePause,
    AddTime,
    CloseQueue(bool),
    LogIssue(u8, String),
    Answer(u8, u8),
    EditIssue(u8, bool),
    CloseIssue(u8),
    AddAction(u8, i64),
    Undo,
    Adjourn,
    Reopen,
}

const NAMES: &[&str] = &[
    "Nguyễn Văn An",
    "Trần Thị Hoà",
    "Lê Đức",
    "Phạm Thuý",
    "会议 Ltd",
];

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        any::<u8>().prop_map(Op::AddParticipant),
        (any::<u8>(), 0u32..90).prop_map(|(t, m)| Op::AddAgenda(t, m)),
        any::<u8>().prop_map(Op::StartAgenda),
        Just(Op::FinishAgenda),
        (any::<u8>(), 0u8..3).prop_map(|(p, k)| Op::RequestExisting(p, k)),
        any::<u8>().prop_map(Op::RequestNew),
        any::<u8>().prop_map(Op::Withdraw),
        Just(Op::Next),
        Just(Op::Next),
        Just(Op::TogglePause),
        Just(Op::AddTime),
        any::<bool>().prop_map(Op::CloseQueue),
        (any::<u8>(), "[a-zA-Zàáạảãâầấậẩẫđ \n]{0,30}").prop_map(|(p, t)| Op::LogIssue(p, t)),
        (any::<u8>(), 0u8..6).prop_map(|(i, d)| Op::Answer(i, d)),
        (any::<u8>(), any::<bool>()).prop_map(|(i, stale)| Op::EditIssue(i, stale)),
        any::<u8>().prop_map(Op::CloseIssue),
        (any::<u8>(), -3i64..30).prop_map(|(i, d)| Op::AddAction(i, d)),
        Just(Op::Undo),
        Just(Op::Adjourn),
        Just(Op::Reopen),
    ]
}

fn pick<T: Copy>(items: &[T], index: u8) -> Option<T> {
    (!items.is_empty()).then(|| items[index as usize % items.len()])
}

/// Turns an op into a command against the current record (`None`: the op
/// has nothing to act on, or is an undo).
fn to_command(record: &Record, op: &Op) -> Option<Command> {
    let participants: Vec<Id> = record.participants.keys().copied().collect();
    let items: Vec<Id> = record.agenda.keys().copied().collect();
    let issues: Vec<&Issue> = record.issues.values().collect();
    let waiting: Vec<Id> = record.current_queue().iter().map(|r| r.id).collect();
    Some(match op {
        Op::AddParticipant(n) => participant(NAMES[*n as usize % NAMES.len()]),
        Op::AddAgenda(t, minutes) => agenda(&format!("Mục {t}"), *minutes),
        Op::StartAgenda(i) => Command::StartAgendaItem(pick(&items, *i)?),
        Op::FinishAgenda => Command::FinishAgendaItem,
        Op::RequestExisting(p, kind) => Command::RequestFloor {
            speaker: Speaker::Existing(pick(&participants, *p)?),
            kind: RequestKind::ALL[*kind as usize],
            topic: "chủ đề".into(),
        },
        Op::RequestNew(n) => Command::RequestFloor {
            speaker: Speaker::New {
                name: format!("Khách {n}"),
                organization: String::new(),
            },
            kind: RequestKind::Normal,
            topic: String::new(),
        },
        Op::Withdraw(i) => Command::WithdrawRequest(pick(&waiting, *i)?),
        Op::Next => Command::NextSpeaker,
        Op::TogglePause => Command::TogglePause,
        Op::AddTime => Command::AddTime { seconds: 30 },
        Op::CloseQueue(closed) => Command::SetQueueClosed(*closed),
        Op::LogIssue(p, text) => Command::LogIssue(IssueFields {
            letter_number: String::new(),
            letter_date: None,
            raised_by: pick(&participants, *p),
            source: IssueSource::Floor,
            category: IssueCategory::Question,
            field: "Sở hữu trí tuệ".into(),
            procedure: String::new(),
            text: text.clone(),
        }),
        Op::Answer(i, d) => {
            let issue = pick(&issues, *i)?;
            Command::AnswerIssue {
                id: issue.id,
                base_rev: issue.rev,
                fields: AnswerFields {
                    answered_by: None,
                    answer: "Trả lời".into(),
                    disposition: Disposition::ALL[*d as usize],
                    reply_due: None,
                    escalated_to: "Bộ Khoa học và Công nghệ".into(),
                },
            }
        }
        Op::EditIssue(i, stale) => {
            let issue = pick(&issues, *i)?;
            Command::EditIssue {
                id: issue.id,
                base_rev: if *stale {
                    issue.rev.saturating_sub(1)
                } else {
                    issue.rev
                },
                fields: IssueFields {
                    letter_number: String::new(),
                    letter_date: None,
                    raised_by: issue.raised_by,
                    source: issue.source,
                    category: IssueCategory::Recommendation,
                    field: issue.field.clone(),
                    procedure: "1.001612.000.00.00.H01".into(),
                    text: format!("{} (sửa)", issue.text),
                },
            }
        }
        Op::CloseIssue(i) => Command::CloseIssue {
            id: pick(&issues, *i)?.id,
            on: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            closing_ref: "123/SKHCN".into(),
        },
        Op::AddAction(i, days) => Command::AddAction(ActionFields {
            title: "Trả lời bằng văn bản".into(),
            owner: "Văn phòng Sở".into(),
            issue: pick(&issues, *i).map(|i| i.id),
            due: Some(NaiveDate::from_ymd_opt(2026, 2, 5).unwrap() + TimeDelta::days(*days)),
            status: ActionStatus::Open,
            completion_ref: String::new(),
        }),
        Op::Adjourn => Command::AdjournMeeting,
        Op::Reopen => Command::StartMeeting,
        Op::Undo => return None,
    })
}

fn run_ops(ops: &[(bool, Op)]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    drop(new_meeting(&path));
    let mut chair = Store::open(&path, fast_options("chair", Role::Chair)).unwrap();
    let mut secretary = Store::open(&path, fast_options("lan", Role::Secretary)).unwrap();
    for (step, (by_secretary, op)) in ops.iter().enumerate() {
        let store = if *by_secretary {
            &mut secretary
        } else {
            &mut chair
        };
        store.poll().unwrap();
        let before = store.record().last_seq;
        let at = t0() + TimeDelta::seconds(step as i64 * 7);
        let result = match to_command(store.record(), op) {
            Some(command) => store.execute_at(command, at),
            None if matches!(op, Op::Undo) => store.undo_last(),
            None => continue,
        };
        match result {
            Ok(committed) => prop_assert_eq!(committed.seq, before + 1),
            Err(
                StoreError::Refused(_) | StoreError::NotAllowed { .. } | StoreError::NothingToUndo,
            ) => {
                // Refused: nothing written.
                prop_assert_eq!(store.entries_after(before).unwrap().len(), 0);
            }
            Err(other) => return Err(TestCaseError::fail(format!("store error: {other}"))),
        }
        // Invariants of the record.
        let record = store.record();
        prop_assert!(
            record
                .agenda
                .values()
                .filter(|i| i.status == AgendaStatus::Active)
                .count()
                <= 1
        );
        prop_assert!(
            record
                .requests
                .values()
                .filter(|r| r.status == RequestStatus::Speaking)
                .count()
                <= 1
        );
        prop_assert!(
            record.index_is_consistent(),
            "the index drifted at step {}",
            step
        );
    }
    chair.poll().unwrap();
    secretary.poll().unwrap();
    let replayed = replay(&chair);
    prop_assert_eq!(&replayed, chair.record());
    prop_assert_eq!(&replayed, secretary.record());
    let report = store::check(&path).unwrap();
    prop_assert!(report.is_ok(), "check failed: {:?}", report);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn projections_equal_a_replay_of_the_journal(ops in prop::collection::vec((any::<bool>(), op()), 1..60)) {
        run_ops(&ops)?;
    }
}

#[test]
fn undo_restores_and_is_itself_journaled() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let mut store = new_meeting(&path);
    store.execute(issue("Phí thẩm định quá cao")).unwrap();
    assert_eq!(store.record().issues.len(), 1);
    let undo = store.undo_last().unwrap();
    assert!(matches!(undo.event, Event::Undone { target: 2, .. }));
    assert!(store.record().issues.is_empty());
    // The journal keeps both: the issue and its undo.
    assert_eq!(store.entries_after(0).unwrap().len(), 3);
    assert!(matches!(store.undo_last(), Err(StoreError::NothingToUndo)));
    assert!(store::check(&path).unwrap().is_ok());
}

#[test]
fn undo_is_refused_when_someone_changed_the_row_since() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let mut chair = new_meeting(&path);
    let mut lan = Store::open(&path, options("lan", Role::Secretary)).unwrap();
    lan.execute(issue("Câu hỏi")).unwrap();
    chair.poll().unwrap();
    let issue = chair.record().issues.values().next().unwrap().clone();
    chair
        .execute(Command::AnswerIssue {
            id: issue.id,
            base_rev: issue.rev,
            fields: AnswerFields {
                answered_by: None,
                answer: "Đã trả lời".into(),
                disposition: Disposition::Answered,
                reply_due: None,
                escalated_to: String::new(),
            },
        })
        .unwrap();
    assert!(matches!(
        lan.undo_last(),
        Err(StoreError::Refused(DomainError::CannotUndo(_)))
    ));
    assert_eq!(lan.record().issues[&issue.id].answer, "Đã trả lời");
}
