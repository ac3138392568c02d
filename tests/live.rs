//! Several consoles on one meeting file, in one test process: live updates,
//! presence, "is typing", concurrent edits, and the queue's order when two
//! people add requests at the same moment.

mod common;

use common::*;
use gavel::app::Mode;
use gavel::app::Pane;
use gavel::domain::*;
use gavel::i18n::Lang;
use gavel::store::{Store, now};

fn two(dir: &tempfile::TempDir) -> (App, App) {
    let chair = demo_app(dir, Lang::En, "Minh", Role::Chair);
    let secretary = demo_app(dir, Lang::En, "Lan", Role::Secretary);
    (chair, secretary)
}

#[test]
fn a_change_in_one_console_reaches_the_other_without_moving_its_selection_or_form() {
    let dir = tempfile::tempdir().unwrap();
    let (mut chair, mut lan) = two(&dir);
    keys(&mut lan, "3jj");
    let selected = lan.selected(Pane::Issues).unwrap();
    keys(&mut lan, "<tab>");
    keys(&mut lan, "3");
    keys(&mut lan, "iĐang gõ dở");
    let form_before = lan.form().cloned();

    keys(&mut chair, "n");
    keys(&mut chair, "3aCâu hỏi mới từ chủ trì<c-s>");
    assert!(lan.refresh(), "the secretary's console saw nothing");
    assert_eq!(lan.record(), chair.record());
    assert_eq!(lan.form().cloned(), form_before, "the open form moved");
    keys(&mut lan, "<esc>");
    assert_eq!(
        lan.selected(Pane::Issues),
        Some(selected),
        "the selection moved"
    );
    // Its own commits do not come back as news.
    keys(&mut lan, "iCủa thư ký<c-s>");
    assert!(!lan.refresh());
    assert!(chair.refresh());
}

#[test]
fn presence_lists_the_others_with_their_roles_and_drops_those_who_left() {
    let dir = tempfile::tempdir().unwrap();
    let (mut chair, mut lan) = two(&dir);
    chair.tick(now());
    lan.tick(now());
    chair.tick(now() + chrono::TimeDelta::seconds(3));
    let others: Vec<(String, Role)> = chair
        .session
        .view()
        .others
        .iter()
        .map(|p| (p.actor.clone(), p.role))
        .collect();
    assert_eq!(others, [("Lan".to_string(), Role::Secretary)]);
    let footer = screen_text(&chair, 160, 48);
    assert!(footer.contains("also here: Lan (secretary)"), "{footer}");

    lan.program.close(now());
    chair.tick(now() + chrono::TimeDelta::seconds(6));
    assert!(chair.session.view().others.is_empty());

    // A console that stopped beating (killed) drops off after a few seconds.
    let conn = rusqlite::Connection::open(meeting_path(&dir)).unwrap();
    let stale = gavel::store::projection::format_ts(&(now() - chrono::TimeDelta::seconds(30)));
    conn.execute(
        "INSERT INTO presence VALUES ('gone', 'Hà', 'secretary', 1, 'h', ?1, 1)",
        [stale],
    )
    .unwrap();
    chair.tick(now() + chrono::TimeDelta::seconds(9));
    assert!(
        chair.session.view().others.is_empty(),
        "{:?}",
        chair.session.view().others
    );
}

#[test]
fn the_others_see_who_is_typing_an_issue() {
    let dir = tempfile::tempdir().unwrap();
    let (mut chair, mut lan) = two(&dir);
    keys(&mut lan, "iCông dân hỏi về");
    chair.tick(now());
    assert_eq!(chair.session.view().typing.len(), 1);
    let screen = screen_text(&chair, 160, 48);
    assert!(
        screen.contains("Lan is typing an issue…"),
        "{}",
        &screen[screen.len() - 400..]
    );
    keys(&mut lan, "<esc>");
    chair.tick(now() + chrono::TimeDelta::seconds(3));
    assert!(
        chair.session.view().typing.is_empty(),
        "a cancelled form is not typing"
    );
}

#[test]
fn saving_over_someone_elses_change_asks_and_keep_yours_keeps_both_in_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let (mut chair, mut lan) = two(&dir);
    let id = first_open_issue(&chair);
    select_row(&mut chair, Pane::Issues, id);
    select_row(&mut lan, Pane::Issues, id);
    keys(&mut lan, "rTrả lời của thư ký");
    keys(&mut chair, "rTrả lời của chủ trì<c-s>");
    let seq = chair.record().last_seq;
    keys(&mut lan, "<c-s>");
    assert_eq!(lan.mode(), Mode::Conflict, "the form should stay open");
    let message = lan.last_screen();
    assert!(
        message.contains("Minh") && message.contains("Answer"),
        "{message}"
    );
    assert_eq!(lan.record().last_seq, seq, "nothing written yet");

    keys(&mut lan, "k");
    assert_eq!(lan.mode(), Mode::Panes, "{:?}", lan.console.status);
    assert_eq!(lan.record().issues[&id].answer, "Trả lời của thư ký");
    let store = Store::open(&meeting_path(&dir), options("x", Role::Chair)).unwrap();
    let answers: Vec<String> = store
        .entries_after(seq - 1)
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.event {
            Event::IssueAnswered { answer, .. } => Some(answer),
            _ => None,
        })
        .collect();
    assert_eq!(answers, ["Trả lời của chủ trì", "Trả lời của thư ký"]);
    assert!(store.drafts().unwrap().is_empty(), "no draft left behind");
}

#[test]
fn take_theirs_drops_your_edit() {
    let dir = tempfile::tempdir().unwrap();
    let (mut chair, mut lan) = two(&dir);
    let id = first_open_issue(&chair);
    select_row(&mut chair, Pane::Issues, id);
    select_row(&mut lan, Pane::Issues, id);
    keys(&mut lan, "rBản của thư ký");
    keys(&mut chair, "rBản của chủ trì<c-s>");
    keys(&mut lan, "<c-s>t");
    assert_eq!(lan.mode(), Mode::Panes);
    assert_eq!(lan.record().issues[&id].answer, "Bản của chủ trì");
    assert!(format!("{:?}", lan.console.status).contains("Minh"));
}

#[test]
fn two_requests_at_the_same_moment_are_queued_in_the_same_order_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let (mut chair, mut lan) = two(&dir);
    // Both type a request before either saves: both commit "at once".
    keys(&mut chair, "2aVõ Văn Một<down><enter><tab><tab>một");
    keys(&mut lan, "2aVõ Văn Hai<down><enter><tab><tab>hai");
    keys(&mut lan, "<enter>");
    keys(&mut chair, "<enter>");
    chair.refresh();
    lan.refresh();
    let order =
        |app: &App| -> Vec<Id> { app.record().current_queue().iter().map(|r| r.id).collect() };
    assert_eq!(order(&chair), order(&lan));
    // The journal's order is the queue's order: the later seq is later.
    let queue = chair.record().current_queue();
    let last_two: Vec<&str> = queue[queue.len() - 2..]
        .iter()
        .map(|r| chair.record().participant_name(r.participant))
        .collect();
    assert_eq!(last_two, ["Võ Văn Hai", "Võ Văn Một"]);
}
