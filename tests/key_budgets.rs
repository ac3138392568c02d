//! The README's table of key budgets, row by row: each test types exactly
//! the keys the table gives, through the console's own loop, as the chair
//! and as the secretary, and checks the record. Moving to the pane and to
//! the row is not counted (the table says so); here it is done first, apart.

mod common;

use common::*;
use gavel::app::{Mode, Pane};
use gavel::domain::*;
use gavel::i18n::Lang;

const SECRETARY: &str = "Nguyễn Thu Lan";

fn chair(dir: &tempfile::TempDir) -> App {
    demo_app(dir, Lang::Vi, "chair", Role::Chair)
}

fn secretary(dir: &tempfile::TempDir) -> App {
    demo_app(dir, Lang::Vi, SECRETARY, Role::Secretary)
}

/// Both consoles a row is for: the chair's and the secretary's, each on its
/// own copy of the demo.
fn both() -> Vec<(tempfile::TempDir, App)> {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let chair = chair(&first);
    let secretary = secretary(&second);
    vec![(first, chair), (second, secretary)]
}

/// Selects `target` in `pane` (not counted).
fn select(app: &mut App, pane: Pane, target: Id) {
    select_row(app, pane, target);
    assert_eq!(app.selected(pane), Some(target));
}

fn saved(app: &App) {
    assert_eq!(
        app.mode(),
        Mode::Panes,
        "the form should be saved and closed: {:?} {:?}",
        app.form().and_then(|f| f.error.clone()),
        app.status()
    );
}

// ----- the floor: the chair's -------------------------------------------

#[test]
fn give_the_floor_n() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = chair(&dir);
    let head = app.record().current_queue()[0].id;
    keys(&mut app, "n");
    assert_eq!(app.record().current_speaker().map(|r| r.id), Some(head));
}

#[test]
fn the_secretary_cannot_give_the_floor_and_is_told_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = secretary(&dir);
    let speaking = app.record().current_speaker().map(|r| r.id);
    keys(&mut app, "n");
    assert_eq!(app.record().current_speaker().map(|r| r.id), speaking);
    let status = format!("{:?}", app.status());
    assert!(status.contains("thư ký"), "{status}");
}

#[test]
fn thirty_seconds_more_plus_and_pause_p() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = chair(&dir);
    let turn = app.record().current_speaker().unwrap().id;
    let added = app.record().requests[&turn].added_seconds;
    keys(&mut app, "+");
    assert_eq!(app.record().requests[&turn].added_seconds, added + 30);
    keys(&mut app, "p");
    let paused = app.record().requests[&turn].pauses.last().cloned();
    assert!(paused.is_some_and(|p| p.to.is_none()), "paused");
}

// ----- rows for the chair and the secretary -----------------------------

#[test]
fn add_a_speaker_a_three_letters_enter() {
    for (_dir, mut app) in both() {
        let khoi = participant_named(&app, "Lý Minh Khôi");
        keys(&mut app, "2");
        let before = app.record().requests.len();
        keys(&mut app, "akho<enter>");
        saved(&app);
        let record = app.record();
        assert_eq!(record.requests.len(), before + 1);
        let request = record.requests.values().max_by_key(|r| r.id).unwrap();
        assert_eq!(request.participant, khoi);
        assert_eq!(request.status, RequestStatus::Waiting);
    }
}

#[test]
fn log_an_issue_for_the_speaker_i_text_ctrl_s() {
    for (_dir, mut app) in both() {
        let speaker = app.record().current_speaker().unwrap().participant;
        keys(&mut app, "iĐề nghị rút ngắn thời hạn cấp phép<c-s>");
        saved(&app);
        let issue = app.record().issues.values().max_by_key(|i| i.id).unwrap();
        assert_eq!(issue.raised_by, Some(speaker));
        assert_eq!(issue.text, "Đề nghị rút ngắn thời hạn cấp phép");
        assert_eq!(issue.category, IssueCategory::Question);
    }
}

#[test]
fn its_kind_one_more_key_alt_digit() {
    for (_dir, mut app) in both() {
        keys(&mut app, "iĐề nghị bỏ bản sao chứng thực<a-3><c-s>");
        saved(&app);
        let issue = app.record().issues.values().max_by_key(|i| i.id).unwrap();
        assert_eq!(issue.category, IssueCategory::Recommendation);
        // The same key in the edit form: a difficulty.
        let id = issue.id;
        select(&mut app, Pane::Issues, id);
        keys(&mut app, "e<a-2><c-s>");
        saved(&app);
        let issue = app.record().issues.values().max_by_key(|i| i.id).unwrap();
        assert_eq!(issue.category, IssueCategory::Difficulty);
    }
}

#[test]
fn record_the_answer_r_text_ctrl_s() {
    for (_dir, mut app) in both() {
        let open = first_open_issue(&app);
        select(&mut app, Pane::Issues, open);
        keys(&mut app, "rSở tiếp thu, sẽ công khai tiến độ<c-s>");
        saved(&app);
        let issue = &app.record().issues[&open];
        assert_eq!(issue.answer, "Sở tiếp thu, sẽ công khai tiến độ");
        assert_eq!(issue.disposition, Disposition::Answered);
    }
}

#[test]
fn any_disposition_r_alt_digit_then_save() {
    let cases = [
        ("r<a-1><c-s>", Disposition::Open, ""),
        ("r<a-2><c-s>", Disposition::Answered, ""),
        ("r<a-3><c-s>", Disposition::WrittenReplyRequired, ""),
        ("r<a-4>UBND tỉnh<c-s>", Disposition::Escalated, "UBND tỉnh"),
        (
            "r<a-5>Sở Tài chính<c-s>",
            Disposition::Redirected,
            "Sở Tài chính",
        ),
        ("r<a-6><c-s>", Disposition::Withdrawn, ""),
    ];
    for (_dir, mut app) in both() {
        let open = first_open_issue(&app);
        select(&mut app, Pane::Issues, open);
        for (script, disposition, to) in cases {
            keys(&mut app, script);
            saved(&app);
            let issue = &app.record().issues[&open];
            assert_eq!(issue.disposition, disposition, "{script}");
            assert_eq!(issue.escalated_to, to, "{script}");
            if disposition == Disposition::WrittenReplyRequired {
                assert!(issue.reply_due.is_some());
            }
        }
    }
}

#[test]
fn a_written_submission_w_and_its_fields() {
    for (_dir, mut app) in both() {
        let khoi = participant_named(&app, "Lý Minh Khôi");
        keys(&mut app, "3");
        keys(
            &mut app,
            "wly minh<tab>15/CV-HTX<tab>02/02/2026<tab>Đề nghị hướng dẫn thủ tục đất đai<c-s>",
        );
        saved(&app);
        let issue = app.record().issues.values().max_by_key(|i| i.id).unwrap();
        assert_eq!(issue.raised_by, Some(khoi));
        assert_eq!(issue.source, IssueSource::WrittenSubmission);
        assert_eq!(issue.letter_number, "15/CV-HTX");
        assert_eq!(issue.letter_date.unwrap().to_string(), "2026-02-02");
        assert_eq!(issue.text, "Đề nghị hướng dẫn thủ tục đất đai");
    }
}

#[test]
fn an_absent_invitee_who_wrote_in_w_in_the_roll_call_then_the_letter() {
    for (_dir, mut app) in both() {
        let absent = invitee_without_a_word(&app);
        select(&mut app, Pane::Participants, absent);
        keys(
            &mut app,
            "w07/CV<tab>01/02/2026<tab>Kiến nghị giảm phí thẩm định<a-3><c-s>",
        );
        saved(&app);
        let record = app.record();
        assert_eq!(
            record.participants[&absent].attendance,
            Attendance::AbsentWithWrittenSubmission
        );
        let issue = record.issues.values().max_by_key(|i| i.id).unwrap();
        assert_eq!(issue.raised_by, Some(absent));
        assert_eq!(issue.source, IssueSource::WrittenSubmission);
        assert_eq!(issue.letter_number, "07/CV");
        assert_eq!(issue.category, IssueCategory::Recommendation);
        // Marking them again does not ask for the letter a second time;
        // the same key clears the mark.
        keys(&mut app, "w");
        assert_eq!(app.mode(), Mode::Panes);
        assert_eq!(
            app.record().participants[&absent].attendance,
            Attendance::Invited
        );
    }
}

#[test]
fn an_action_from_an_issue_t_text_enter_owner_and_deadline_proposed() {
    for (_dir, mut app) in both() {
        // A written reply owed, promised by someone from the department.
        let (issue, owner, due) = {
            let record = app.record();
            let issue = record
                .issues
                .values()
                .find(|i| {
                    i.answered_by.is_some()
                        && i.due().is_some()
                        && !record.actions.values().any(|a| a.issue == Some(i.id))
                })
                .expect("the demo has a written reply owed, with who promised it");
            let owner = record.participants[&issue.answered_by.unwrap()]
                .name
                .clone();
            (issue.id, owner, issue.due())
        };
        select(&mut app, Pane::Issues, issue);
        keys(&mut app, "tGửi văn bản trả lời");
        // The form shows what it proposes, and says so.
        let screen = screen_text(&app, 80, 24);
        let due_shown = gavel::domain::dates::format_date(due.unwrap());
        assert!(screen.contains(&due_shown), "{screen}");
        assert!(screen.contains("(đề xuất: gõ để thay)"), "{screen}");
        keys(&mut app, "<enter>");
        saved(&app);
        let action = app.record().actions.values().max_by_key(|a| a.id).unwrap();
        assert_eq!(action.title, "Gửi văn bản trả lời");
        assert_eq!(action.issue, Some(issue));
        assert_eq!(action.owner, owner, "who answered");
        assert_eq!(action.due, due, "the issue's deadline");
    }
}

#[test]
fn an_action_owner_is_suggested_and_what_is_typed_replaces_the_proposals() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = chair(&dir);
    let open = first_open_issue(&app);
    select(&mut app, Pane::Issues, open);
    keys(&mut app, "r<a-3><c-s>t");
    // Nobody answered: the owner field offers the department's people
    // before anything is typed, and ↓ Tab takes one.
    keys(&mut app, "Trả lời bằng văn bản<tab>");
    let offered: Vec<String> = {
        let record = app.program.record();
        let form = app.form().unwrap();
        form.person_matches(record)
            .iter()
            .map(|p| p.name.clone())
            .collect()
    };
    assert!(!offered.is_empty(), "owners are suggested before typing");
    keys(&mut app, "<down><tab><tab>20/02/2026<enter>");
    saved(&app);
    let action = app.record().actions.values().max_by_key(|a| a.id).unwrap();
    assert_eq!(action.owner, offered[0]);
    assert_eq!(action.due.unwrap().to_string(), "2026-02-20", "typed over");
}

#[test]
fn an_action_without_a_date_is_saved_only_when_asked_twice() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = chair(&dir);
    let before = app.record().actions.len();
    keys(&mut app, "4aRà soát quy trình<tab>Văn phòng Sở<enter>");
    let error = app.form().and_then(|f| f.error.clone()).unwrap_or_default();
    assert!(error.contains("Chưa có hạn"), "{error}");
    assert_eq!(app.record().actions.len(), before);
    keys(&mut app, "<enter>");
    saved(&app);
    assert_eq!(app.record().actions.len(), before + 1);
    let action = app.record().actions.values().max_by_key(|a| a.id).unwrap();
    assert_eq!(action.due, None);
}

#[test]
fn undo_u() {
    for (_dir, mut app) in both() {
        let count = app.record().issues.len();
        keys(&mut app, "iĐề nghị tạm<c-s>");
        assert_eq!(app.record().issues.len(), count + 1);
        keys(&mut app, "u");
        let record = app.record();
        let last = record.issues.values().max_by_key(|i| i.id).unwrap();
        assert!(
            record.issues.len() == count || last.disposition == Disposition::Withdrawn,
            "the issue is undone"
        );
    }
}

// ----- helpers on the demo's people ---------------------------------------

fn participant_named(app: &App, name: &str) -> Id {
    app.record()
        .participants
        .values()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} is in the demo"))
        .id
}

/// An invitee not checked in, who has neither spoken nor written.
fn invitee_without_a_word(app: &App) -> Id {
    let record = app.record();
    record
        .participants
        .values()
        .find(|p| {
            p.attendance == Attendance::Invited
                && !record.present_by_record(p.id)
                && !record.issues.values().any(|i| i.raised_by == Some(p.id))
        })
        .expect("the demo has an invitee not checked in")
        .id
}
