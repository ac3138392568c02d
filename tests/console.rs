//! The console on the demo meeting: screen snapshots (TestBackend + insta)
//! and the key contract of SPEC §4, each key checked against the record.

mod common;

use common::*;
use gavel::app::Mode;
use gavel::app::Pane;
use gavel::domain::*;
use gavel::i18n::Lang;
use gavel::store::Store;

fn demo(dir: &tempfile::TempDir) -> App {
    demo_app(dir, Lang::Vi, "chair", Role::Chair)
}

fn name_of(app: &App, request: Id) -> String {
    let record = app.record();
    record
        .participant_name(record.requests[&request].participant)
        .to_string()
}

// ----- snapshots ----------------------------------------------------------

#[test]
fn snapshot_demo_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let app = demo(&dir);
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

#[test]
fn snapshot_demo_160x48() {
    let dir = tempfile::tempdir().unwrap();
    let app = demo(&dir);
    insta::assert_snapshot!(render(&app, 160, 48).backend());
}

#[test]
fn snapshot_demo_in_english_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let app = demo_app(&dir, Lang::En, "chair", Role::Chair);
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

#[test]
fn snapshot_issue_form_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    keys(&mut app, "iCông ty đề nghị rút ngắn thời hạn");
    insta::assert_snapshot!(render(&app, 100, 30).backend());
}

#[test]
fn snapshot_request_form_offers_the_match_then_someone_new() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    keys(&mut app, "2ahong nhung");
    insta::assert_snapshot!(render(&app, 100, 30).backend());
}

#[test]
fn snapshot_answer_form_numbers_the_dispositions() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    keys(&mut app, "3rSở sẽ trả lời<tab>");
    insta::assert_snapshot!(render(&app, 100, 30).backend());
}

#[test]
fn snapshot_help_overlay() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    keys(&mut app, "?");
    insta::assert_snapshot!(render(&app, 80, 24).backend());
    app.console.lang = Lang::En;
    insta::assert_snapshot!("help_en_160x48", render(&app, 160, 48).backend());
}

#[test]
fn snapshot_tiny_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let app = demo(&dir);
    insta::assert_snapshot!(render(&app, 40, 10).backend());
    // Any size draws without a panic, down to one cell.
    for (w, h) in [(1, 1), (2, 1), (59, 15), (60, 16), (80, 24), (500, 200)] {
        render(&app, w, h);
    }
}

// ----- the key contract ----------------------------------------------------

#[test]
fn tab_shift_tab_and_digits_move_the_focus() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    assert_eq!(app.console.focus, Pane::Speakers);
    keys(&mut app, "<tab>");
    assert_eq!(app.console.focus, Pane::Issues);
    keys(&mut app, "<s-tab><s-tab>");
    assert_eq!(app.console.focus, Pane::Agenda);
    keys(&mut app, "4");
    assert_eq!(app.console.focus, Pane::Actions);
    keys(&mut app, "3");
    assert_eq!(app.console.focus, Pane::Issues);
}

#[test]
fn arrows_and_jk_move_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    keys(&mut app, "3");
    let rows = app.rows(Pane::Issues);
    assert_eq!(app.selected(Pane::Issues), Some(rows[0]));
    keys(&mut app, "jj<down>");
    assert_eq!(app.selected(Pane::Issues), Some(rows[3]));
    keys(&mut app, "k<up>");
    assert_eq!(app.selected(Pane::Issues), Some(rows[1]));
    keys(&mut app, "G");
    assert_eq!(app.selected(Pane::Issues), rows.last().copied());
}

#[test]
fn n_gives_the_floor_to_the_head_of_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    let speaking = app.record().current_speaker().unwrap().id;
    let head = app.record().current_queue()[0].id;
    assert_eq!(app.record().requests[&head].kind, RequestKind::PointOfOrder);
    keys(&mut app, "1n");
    let record = app.record();
    assert_eq!(record.requests[&speaking].status, RequestStatus::Done);
    assert_eq!(record.current_speaker().map(|r| r.id), Some(head));
    let status = format!("{:?}", app.console.status);
    assert!(status.contains(&name_of(&app, head)), "{status}");
}

#[test]
fn s_starts_the_selected_agenda_item_and_finishes_the_active_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    let active = app.record().active_item().unwrap().id;
    keys(&mut app, "1G");
    let last = app.selected(Pane::Agenda).unwrap();
    keys(&mut app, "s");
    assert_eq!(app.record().agenda[&active].status, AgendaStatus::Done);
    assert_eq!(app.record().active_item().map(|i| i.id), Some(last));
}

#[test]
fn a_adds_a_speaker_request_by_a_few_letters_of_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    let before = app.record().current_queue().len();
    // "hong nhung" without accents finds Nguyễn Thị Hồng Nhung.
    keys(&mut app, "2ahong nhung<enter>");
    assert_eq!(app.mode(), Mode::Panes, "{:?}", app.console.status);
    let queue = app.record().current_queue();
    assert_eq!(queue.len(), before + 1);
    let added = queue.iter().max_by_key(|r| r.id).unwrap().id;
    assert_eq!(name_of(&app, added), "Nguyễn Thị Hồng Nhung");
}

#[test]
fn a_new_name_in_a_request_creates_the_participant_only_when_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    let people = app.record().participants.len();
    let requests = app.record().requests.len();
    // Typed and Enter: refused with how to add them, nothing written.
    keys(&mut app, "2aVõ Thị Sáu Mới<enter>");
    assert_eq!(app.mode(), Mode::Form);
    assert_eq!(app.record().participants.len(), people);
    assert_eq!(app.record().requests.len(), requests);
    let screen = screen_text(&app, 100, 30);
    assert!(
        screen.contains("+ đại biểu mới: Võ Thị Sáu Mới"),
        "{screen}"
    );
    // ↓ to "+ new participant", Enter: the organization is asked.
    keys(
        &mut app,
        "<down><enter>Tổ dân phố 3<tab><tab>Hỏi về phí<enter>",
    );
    assert_eq!(app.mode(), Mode::Panes, "{:?}", app.console.status);
    assert_eq!(app.record().participants.len(), people + 1);
    let request = app.record().requests.values().last().unwrap();
    assert_eq!(request.topic, "Hỏi về phí");
    let added = &app.record().participants[&request.participant];
    assert_eq!(added.name, "Võ Thị Sáu Mới");
    assert_eq!(added.organization, "Tổ dân phố 3");
}

#[test]
fn a_full_name_without_accents_is_shown_and_taken_as_that_person() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    let people = app.record().participants.len();
    let (name, typed) = app
        .record()
        .participants
        .values()
        .find(|p| p.name.contains('Đ') || p.name.contains('đ'))
        .map(|p| (p.name.clone(), gavel::domain::text::fold(&p.name)))
        .expect("the demo has a name with đ");
    keys(&mut app, &format!("2a{typed}"));
    let screen = screen_text(&app, 100, 30);
    assert!(screen.contains(&format!("  {name}")), "{screen}");
    keys(&mut app, "<enter>");
    assert_eq!(app.mode(), Mode::Panes, "{:?}", app.console.status);
    assert_eq!(app.record().participants.len(), people);
    let added = app
        .record()
        .current_queue()
        .iter()
        .max_by_key(|r| r.id)
        .unwrap()
        .id;
    assert_eq!(name_of(&app, added), name);
}

#[test]
fn o_and_r_requests_jump_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    // A reply from the guest jumps ahead of every normal request.
    keys(&mut app, "2rđỗ thanh<enter>");
    let queue = app.record().current_queue();
    let position = queue
        .iter()
        .position(|r| name_of(&app, r.id) == "Đỗ Thanh Sơn")
        .unwrap();
    assert!(
        queue[position..]
            .iter()
            .skip(1)
            .all(|r| r.kind == RequestKind::Normal)
    );
    assert!(
        queue[..position]
            .iter()
            .all(|r| r.kind != RequestKind::Normal)
    );
    keys(&mut app, "ophan quoc<enter>");
    let queue = app.record().current_queue();
    assert_eq!(queue[1].kind, RequestKind::PointOfOrder);
    assert_eq!(name_of(&app, queue[1].id), "Phan Quốc Việt");
}

#[test]
fn p_pauses_and_resumes_plus_adds_thirty_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    let id = app.record().current_speaker().unwrap().id;
    let added = app.record().requests[&id].added_seconds;
    keys(&mut app, "p");
    assert!(
        app.record().requests[&id]
            .pauses
            .last()
            .unwrap()
            .to
            .is_none()
    );
    keys(&mut app, "p+");
    assert!(
        app.record().requests[&id]
            .pauses
            .last()
            .unwrap()
            .to
            .is_some()
    );
    assert_eq!(app.record().requests[&id].added_seconds, added + 30);
}

#[test]
fn c_closes_and_reopens_the_list_of_speakers() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    let active = app.record().active_item().map(|i| i.id);
    keys(&mut app, "2c");
    assert!(app.record().queue_is_closed(active));
    keys(&mut app, "c");
    assert!(!app.record().queue_is_closed(active));
}

#[test]
fn i_logs_an_issue_raised_by_the_current_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    let speaker = app.record().current_speaker().unwrap().participant;
    let count = app.record().issues.len();
    keys(
        &mut app,
        "iĐề nghị công khai tiến độ<enter>hồ sơ trực tuyến<c-s>",
    );
    assert_eq!(app.mode(), Mode::Panes, "{:?}", app.console.status);
    let issue = app.record().issues.values().last().unwrap();
    assert_eq!(app.record().issues.len(), count + 1);
    assert_eq!(issue.raised_by, Some(speaker));
    assert_eq!(issue.text, "Đề nghị công khai tiến độ\nhồ sơ trực tuyến");
    assert_eq!(issue.number as usize, count + 1);
    assert_eq!(app.selected(Pane::Issues), Some(issue.id));
}

#[test]
fn r_records_the_answer_and_the_disposition() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    let open = first_open_issue(&app);
    select_row(&mut app, Pane::Issues, open);
    // Answer, then the disposition: three steps right of "answered" is
    // "redirected"... use the arrow keys to reach "written reply".
    keys(&mut app, "rSở sẽ trả lời bằng văn bản<tab><right><enter>");
    let issue = &app.record().issues[&open];
    assert_eq!(issue.answer, "Sở sẽ trả lời bằng văn bản");
    assert_eq!(issue.disposition, Disposition::WrittenReplyRequired);
    assert!(issue.reply_due.is_some());
}

#[test]
fn alt_and_a_digit_set_a_disposition_and_go_to_where_it_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    let open = first_open_issue(&app);
    select_row(&mut app, Pane::Issues, open);
    // The answer, Alt-4 (escalated), where to, save: one key for the
    // disposition.
    keys(&mut app, "rXin ý kiến cấp trên<a-4>UBND tỉnh<c-s>");
    assert_eq!(app.mode(), Mode::Panes, "{:?}", app.console.status);
    let issue = &app.record().issues[&open];
    assert_eq!(issue.answer, "Xin ý kiến cấp trên");
    assert_eq!(issue.disposition, Disposition::Escalated);
    assert_eq!(issue.escalated_to, "UBND tỉnh");
    // Again, on the selector: Tab and 6 (withdrawn), two keys.
    keys(&mut app, "r<tab>6<c-s>");
    assert_eq!(
        app.record().issues[&open].disposition,
        Disposition::Withdrawn
    );
}

#[test]
fn t_assigns_an_action_from_an_issue_with_owner_and_due_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    keys(&mut app, "3");
    let issue = app.selected(Pane::Issues).unwrap();
    keys(
        &mut app,
        "tGửi văn bản trả lời<tab>Phòng Quản lý chuyên ngành<tab><tab>20/02/2026<enter>",
    );
    assert_eq!(app.mode(), Mode::Panes, "{:?}", app.console.top());
    let action = app.record().actions.values().last().unwrap();
    assert_eq!(action.title, "Gửi văn bản trả lời");
    assert_eq!(action.owner, "Phòng Quản lý chuyên ngành");
    assert_eq!(action.issue, Some(issue));
    assert_eq!(action.due.unwrap().to_string(), "2026-02-20");
}

#[test]
fn a_due_date_before_the_meeting_is_refused_in_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    let count = app.record().actions.len();
    keys(
        &mut app,
        "4aViệc cũ<tab>Văn phòng<tab><tab>01/01/2026<enter>",
    );
    let Some(form) = app.form() else {
        panic!("the form should stay open")
    };
    assert!(
        form.error.as_deref().unwrap().contains("01/01/2026"),
        "{:?}",
        form.error
    );
    assert_eq!(app.record().actions.len(), count);
}

#[test]
fn e_edits_the_selected_row_and_esc_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    keys(&mut app, "1");
    let id = app.selected(Pane::Agenda).unwrap();
    let title = app.record().agenda[&id].title.clone();
    keys(&mut app, "e (sửa)<esc>");
    assert_eq!(app.record().agenda[&id].title, title);
    keys(&mut app, "e (sửa)<enter>");
    assert_eq!(app.record().agenda[&id].title, format!("{title} (sửa)"));
}

#[test]
fn x_withdraws_after_a_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    keys(&mut app, "2j");
    let id = app.selected(Pane::Speakers).unwrap();
    assert_eq!(app.record().requests[&id].status, RequestStatus::Waiting);
    keys(&mut app, "xn");
    assert_eq!(app.record().requests[&id].status, RequestStatus::Waiting);
    keys(&mut app, "x");
    assert_eq!(app.mode(), Mode::Confirm);
    keys(&mut app, "y");
    assert_eq!(app.record().requests[&id].status, RequestStatus::Withdrawn);
}

#[test]
fn u_undoes_your_own_last_change_as_a_new_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    let speaking = app.record().current_speaker().unwrap().id;
    let entries = app.record().last_seq;
    keys(&mut app, "n");
    assert_ne!(app.record().current_speaker().unwrap().id, speaking);
    keys(&mut app, "u");
    assert_eq!(app.record().current_speaker().unwrap().id, speaking);
    assert_eq!(
        app.record().last_seq,
        entries + 2,
        "the undo is a new journal entry"
    );
}

#[test]
fn slash_searches_the_focused_pane_without_accents() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    keys(&mut app, "3/x-quang<enter>");
    let rows = app.rows(Pane::Issues);
    assert!(!rows.is_empty() && rows.len() < app.record().issues.len());
    assert!(rows.iter().all(|id| {
        app.record().issues[id]
            .text
            .to_lowercase()
            .contains("x-quang")
    }));
    keys(&mut app, "<esc>");
    assert_eq!(app.rows(Pane::Issues).len(), app.record().issues.len());
    keys(&mut app, "2/nguyen van tu<enter>");
    let rows = app.rows(Pane::Speakers);
    assert!(
        rows.iter().all(|id| name_of(&app, *id) == "Nguyễn Văn Tư"),
        "{rows:?}"
    );
}

#[test]
fn question_mark_opens_the_help_and_q_quits() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    keys(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    keys(&mut app, "<esc>");
    assert_eq!(app.mode(), Mode::Panes);
    keys(&mut app, "q");
    assert!(app.quit);
    let mut app = demo(&dir);
    keys(&mut app, "<c-c>");
    assert!(app.quit);
}

#[test]
fn a_form_comes_back_after_the_console_stops_mid_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    keys(&mut app, "iKiến nghị rút ngắn thời hạn<left><left>");
    let Some(before) = app.form().cloned() else {
        panic!()
    };
    drop(app); // no save, no cancel: as if the process died
    let app = demo(&dir);
    let Some(after) = app.form() else {
        panic!("form not restored")
    };
    assert_eq!(after.fields, before.fields);
    assert_eq!(after.focus, before.focus);
    assert_eq!(after.kind, before.kind);
}

#[test]
fn a_secretary_is_told_when_a_key_is_the_chairs() {
    let dir = tempfile::tempdir().unwrap();
    drop(demo(&dir));
    let mut app = demo_app(&dir, Lang::En, "lan", Role::Secretary);
    let seq = app.record().last_seq;
    keys(&mut app, "n");
    let status = format!("{:?}", app.console.status);
    assert!(status.contains("secretary may not"), "{status}");
    assert_eq!(app.record().last_seq, seq);
    // The secretary logs issues.
    keys(&mut app, "iCâu hỏi<c-s>");
    assert_eq!(app.record().last_seq, seq + 1);
}

#[test]
fn an_observer_writes_nothing_whatever_it_presses() {
    let dir = tempfile::tempdir().unwrap();
    drop(demo(&dir));
    let mut app = demo_app(&dir, Lang::En, "guest", Role::Observer);
    let seq = app.record().last_seq;
    keys(&mut app, "1s2nap+c3irt4aexu?<esc>q");
    assert_eq!(app.record().last_seq, seq);
    let store = Store::open(&meeting_path(&dir), options("chair", Role::Chair)).unwrap();
    assert_eq!(store.record().last_seq, seq);
}

#[test]
fn an_observer_under_the_chairs_name_does_not_get_the_chairs_unfinished_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut chair = demo(&dir);
    keys(&mut chair, "iKiến nghị chưa lưu");
    assert_eq!(chair.mode(), Mode::Form);
    let name = chair.store().actor().to_string();
    drop(chair);
    // The same person watching from another terminal, read-only.
    let observer = demo_app(&dir, Lang::En, &name, Role::Observer);
    assert_eq!(observer.mode(), Mode::Panes, "a form it could never save");
    // The chair's draft is still there for the chair.
    let chair = demo(&dir);
    assert_eq!(chair.mode(), Mode::Form);
}

#[test]
fn a_click_focuses_a_pane_and_selects_the_row() {
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    app.resize(160, 48);
    let screen = gavel::ui::layout::screen(ratatui::layout::Rect::new(0, 0, 160, 48));
    let issues = screen.panes[Pane::Issues.index()];
    app.event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: issues.x + 5,
        row: issues.y + 3,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(app.console.focus, Pane::Issues);
    assert_eq!(app.selected(Pane::Issues), Some(app.rows(Pane::Issues)[2]));
}

#[test]
fn a_resize_keeps_the_selection_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    keys(&mut app, "3G");
    let last = app.selected(Pane::Issues).unwrap();
    app.resize(80, 24);
    let screen = screen_text(&app, 80, 24);
    let number = app.record().issues[&last].number;
    assert!(
        screen.contains(&format!("#{number:<3}")),
        "the selected issue #{number} is off screen:\n{screen}"
    );
}

// ----- characters of uncertain width ----------------------------------------

/// Characters terminals measure differently from unicode-width, or from one
/// another: noncharacters, Hangul fillers, tag characters, the line and
/// paragraph separators, a regional indicator alone, private use, a format
/// character given a column; then a watch asked in text style, a thumb with
/// a skin tone and a family joined by U+200D, which some terminals join and
/// others draw part by part.
const UNCERTAIN: &str = "Ký tự lạ \u{FFFF}\u{FFFE}\u{FDD0}\u{FDEF}\u{1FFFF}\u{115F}\u{3164}\
    \u{E0041}\u{E007F}\u{2028}\u{2029}\u{1F1E6}\u{E000}\u{F8FF}\u{F0000}\u{FFF9} \
    ⌚\u{FE0E}👍🏻👨\u{200D}👩 hết";

/// The characters of `UNCERTAIN` that are plain text.
const PLAIN: &str = "Ký tự lạ hết⌚👍👨👩";

/// A row as a terminal that measures each character alone draws it when
/// ratatui sends the whole row in one run: each cell sent (cells hidden
/// under a wide symbol are not), with the column it lands on; and the
/// column the row ends at.
fn drawn_row(buffer: &ratatui::buffer::Buffer, y: u16) -> (Vec<(u16, usize, &str)>, usize) {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let mut cells = Vec::new();
    let (mut x, mut column) = (buffer.area.x, 0);
    while x < buffer.area.right() {
        let symbol = buffer[(x, y)].symbol();
        cells.push((x, column, symbol));
        column += symbol
            .chars()
            .map(|c| c.width().unwrap_or(0))
            .sum::<usize>();
        x += symbol.width().max(1) as u16;
    }
    (cells, column)
}

#[test]
fn characters_of_uncertain_width_move_no_border() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    app.execute(issue(UNCERTAIN));
    // The record keeps the text as typed, in memory and in the file.
    let logged = app.record().issues.values().last().unwrap();
    assert_eq!(logged.text, UNCERTAIN);
    let reopened = Store::open(&meeting_path(&dir), options("x", Role::Observer)).unwrap();
    let stored = reopened.record().issues.values().last().unwrap();
    assert_eq!(stored.text, UNCERTAIN);
    // And so does the JSON export: imported back, the text is the same.
    let json = gavel::export::json::record_json(&reopened).unwrap();
    let copy = dir.path().join("copy.gavel");
    let copy = gavel::store::import_json(&copy, &json, fast_options("x", Role::Chair)).unwrap();
    let imported = copy.record().issues.values().last().unwrap();
    assert_eq!(imported.text, UNCERTAIN);

    keys(&mut app, "3G");
    let terminal = render(&app, 160, 48);
    let buffer = terminal.backend().buffer();
    let screen = screen_text(&app, 160, 48);
    assert!(screen.contains("Ký tự lạ \u{FFFD}"), "{screen}");
    let panes = gavel::ui::layout::screen(buffer.area).panes;
    for y in 0..buffer.area.height {
        let (row, end) = drawn_row(buffer, y);
        let text: String = row.iter().map(|(_, _, s)| *s).collect();
        let uncertain: Vec<String> = text
            .chars()
            .filter(|c| UNCERTAIN.contains(*c) && !PLAIN.contains(*c))
            .map(|c| format!("U+{:04X}", c as u32))
            .collect();
        assert!(uncertain.is_empty(), "row {y} draws {uncertain:?}: {text}");
        assert_eq!(end, 160, "row {y} is {end} columns wide: {text}");
        for pane in panes.iter().filter(|p| p.y < y && y + 1 < p.bottom()) {
            for x in [pane.x, pane.right() - 1] {
                let (_, column, symbol) = row.iter().find(|(at, _, _)| *at == x).unwrap();
                assert_eq!((*column, *symbol), (usize::from(x), "│"), "row {y}: {text}");
            }
        }
    }
}

// ----- the participants and the roll call ------------------------------------

/// The roll-call meeting in a Vietnamese console, as the secretary, with
/// some checked in: Tùng and Loan present, Lộc away with notice, Khôi
/// absent; Tư is speaking.
fn roll_call(dir: &tempfile::TempDir) -> App {
    let path = meeting_path(dir);
    let mut store = roll_call_meeting(&path);
    let id = |store: &Store, name: &str| store.record().participant_named(name).unwrap().id;
    for (name, attendance) in [
        ("Phạm Thanh Tùng", Attendance::Present),
        ("Nguyễn Thị Kim Loan", Attendance::Present),
        ("Đặng Văn Lộc", Attendance::AbsentWithNotice),
        ("Lý Minh Khôi", Attendance::Absent),
    ] {
        let id = id(&store, name);
        store
            .execute(Command::SetAttendance { id, attendance })
            .unwrap();
    }
    drop(store);
    let store = Store::open(&path, fast_options("lan", Role::Secretary)).unwrap();
    App::live(store, Lang::Vi, t0() + chrono::TimeDelta::minutes(5))
}

fn person_id(app: &App, name: &str) -> Id {
    app.record().participant_named(name).unwrap().id
}

#[test]
fn snapshot_participants_pane() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = roll_call(&dir);
    keys(&mut app, "5");
    insta::assert_snapshot!("participants_80x24", render(&app, 80, 24).backend());
    insta::assert_snapshot!("participants_60x20", render(&app, 60, 20).backend());
    insta::assert_snapshot!("participants_160x40", render(&app, 160, 40).backend());
}

#[test]
fn snapshot_roll_call() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = roll_call(&dir);
    keys(&mut app, "5cng");
    insta::assert_snapshot!("roll_call_80x24", render(&app, 80, 24).backend());
    insta::assert_snapshot!("roll_call_60x20", render(&app, 60, 20).backend());
}

#[test]
fn the_participants_pane_never_shows_a_contact_the_form_does() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = roll_call(&dir);
    keys(&mut app, "5");
    for (w, h) in [(80, 24), (160, 40)] {
        let screen = screen_text(&app, w, h);
        assert!(screen.contains("Trương Văn Khang"), "{screen}");
        assert!(!screen.contains("0903 111 222"), "{screen}");
    }
    keys(&mut app, "/khang<enter>e");
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("Liên hệ"), "{screen}");
    assert!(screen.contains("0903 111 222"), "{screen}");
}

#[test]
fn five_keys_mark_the_selected_row_and_the_counts_follow() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = roll_call(&dir);
    keys(&mut app, "5/tran thi ngoc<enter> ");
    assert_eq!(app.rows(Pane::Participants).len(), 1);
    let han = person_id(&app, "Trần Thị Ngọc Hân");
    assert_eq!(
        app.record().participants[&han].attendance,
        Attendance::Present
    );
    keys(&mut app, "l");
    assert_eq!(
        app.record().participants[&han].attendance,
        Attendance::AbsentWithNotice
    );
    keys(&mut app, "v");
    assert_eq!(
        app.record().participants[&han].attendance,
        Attendance::Absent
    );
    // The same key again: back to not checked in.
    keys(&mut app, "v");
    assert_eq!(
        app.record().participants[&han].attendance,
        Attendance::Invited
    );
    let counts = app.record().roll_call();
    assert_eq!(
        counts.present
            + counts.absent_with_notice
            + counts.absent_with_written_submission
            + counts.absent
            + counts.unchecked,
        counts.total
    );
    keys(&mut app, "<esc>");
    let screen = screen_text(&app, 160, 40);
    let title = format!(
        "có mặt {} · vắng {} · chưa {} / {}",
        counts.present,
        counts.absent_in_all(),
        counts.unchecked,
        counts.total
    );
    assert!(screen.contains(&title), "{title} not in:\n{screen}");
    let each = format!(
        "có mặt {} · có lý do {} · VB {} · vắng {} · chưa {}",
        counts.present,
        counts.absent_with_notice,
        counts.absent_with_written_submission,
        counts.absent,
        counts.unchecked
    );
    assert!(screen.contains(&each), "{each} not in:\n{screen}");
}

#[test]
fn someone_who_spoke_cannot_be_marked_absent_and_is_told_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = roll_call(&dir);
    keys(&mut app, "5/nguyen van tu<enter>v");
    let tu = person_id(&app, "Nguyễn Văn Tư");
    assert_eq!(
        app.record().attendance_of(&app.record().participants[&tu]),
        Attendance::Present
    );
    let Some(gavel::app::Status::Warning(message)) = app.status() else {
        panic!("{:?}", app.status())
    };
    assert!(
        message.contains("Nguyễn Văn Tư") && message.contains("có mặt"),
        "{message}"
    );
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("đã phát biểu"), "{screen}");
}

#[test]
fn roll_call_checks_in_by_a_few_letters_and_a_new_name_is_a_walk_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = roll_call(&dir);
    keys(&mut app, "5chuynh tam<enter>");
    let tam = person_id(&app, "Huỳnh Thị Thanh Tâm");
    assert_eq!(
        app.record().participants[&tam].attendance,
        Attendance::Present
    );
    assert_eq!(app.mode(), Mode::RollCall, "ready for the next arrival");
    keys(&mut app, "dang loc<enter>");
    let loc = person_id(&app, "Đặng Văn Lộc");
    assert_eq!(
        app.record().participants[&loc].attendance,
        Attendance::Present
    );
    // Nobody of that name: the new-participant form, present.
    keys(&mut app, "Võ Văn Kiệt<enter>");
    assert_eq!(app.mode(), Mode::Form);
    keys(&mut app, "Hợp tác xã Dừa<c-s>");
    let kiet = app
        .record()
        .participant_named("Võ Văn Kiệt")
        .expect("added");
    assert_eq!(kiet.attendance, Attendance::Present);
    assert_eq!(kiet.organization, "Hợp tác xã Dừa");
}

#[test]
fn chair_and_secretary_are_chosen_from_the_participants() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    drop(roll_call_meeting(&path));
    let store = Store::open(&path, fast_options("chair", Role::Chair)).unwrap();
    let mut app = App::live(store, Lang::Vi, t0());
    keys(&mut app, "m<tab>pham thanh<tab>tran thi ngoc<c-s>");
    assert_eq!(
        app.mode(),
        Mode::Panes,
        "{:?}",
        app.form().map(|f| &f.error)
    );
    let record = app.record();
    let (tung, han) = (
        person_id(&app, "Phạm Thanh Tùng"),
        person_id(&app, "Trần Thị Ngọc Hân"),
    );
    assert_eq!(record.meeting.details.chair_id, Some(tung));
    assert_eq!(record.meeting.details.secretary_id, Some(han));
    assert_eq!(record.meeting.details.chair, "Phạm Thanh Tùng");
}

#[test]
fn notes_and_the_conclusion_are_written_from_the_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    drop(roll_call_meeting(&path));
    let store = Store::open(&path, fast_options("chair", Role::Chair)).unwrap();
    let mut app = App::live(store, Lang::Vi, t0());
    keys(&mut app, "1d");
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("Diễn biến"), "{screen}");
    keys(&mut app, "Ông Tư nêu ý kiến<enter>về thời hạn<c-s>");
    let item = app.record().agenda.values().next().unwrap();
    assert_eq!(item.notes, "Ông Tư nêu ý kiến\nvề thời hạn");
    keys(&mut app, "KSở sẽ trả lời bằng văn bản");
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("Kết luận của chủ trì"), "{screen}");
    // Saved keystroke by keystroke, like every form.
    let drafts = app.store().drafts().unwrap();
    let draft = drafts
        .iter()
        .find(|d| d.field == "conclusion")
        .expect("a draft of the conclusion");
    assert_eq!(draft.form, "conclusion@0");
    assert_eq!(draft.text, "Sở sẽ trả lời bằng văn bản");
    keys(&mut app, "<c-s>");
    assert_eq!(
        app.record().meeting.conclusion,
        "Sở sẽ trả lời bằng văn bản"
    );
}

#[test]
fn snapshot_walk_in_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = roll_call(&dir);
    keys(&mut app, "5cVõ Văn Kiệt<enter>Hợp tác xã Dừa");
    insta::assert_snapshot!("walk_in_form_80x24", render(&app, 80, 24).backend());
}

#[test]
fn a_group_is_recorded_with_how_many_it_stands_for_and_who_speaks_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = roll_call(&dir);
    keys(&mut app, "5a");
    // Name, honorific, position, organization, group, contact, attendance,
    // members, representatives.
    keys(
        &mut app,
        "Tổ hợp tác Rau sạch Tân Phước<tab><tab><tab>ấp 3, Tân Phước<tab><left>\
         <tab><tab><right><tab>12<tab>Bà Lê Thị Hồng<c-s>",
    );
    assert_eq!(
        app.mode(),
        Mode::Panes,
        "{:?}",
        app.form().map(|f| &f.error)
    );
    let group = app
        .record()
        .participant_named("Tổ hợp tác Rau sạch Tân Phước")
        .unwrap()
        .clone();
    assert_eq!(group.organization, "ấp 3, Tân Phước");
    assert_eq!(group.members, 12);
    assert_eq!(group.representatives, "Bà Lê Thị Hồng");
    assert_eq!(group.attendance, Attendance::Present);
    assert_eq!(group.role, ParticipantRole::OrganizationRepresentative);
    // The roll call's wider rows say how many the group stands for.
    keys(&mut app, "crau sach");
    let screen = screen_text(&app, 100, 30);
    assert!(screen.contains("nhóm 12 người"), "{screen}");
}

#[test]
fn snapshot_meeting_details_choosing_the_chair() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    drop(roll_call_meeting(&path));
    let store = Store::open(&path, fast_options("chair", Role::Chair)).unwrap();
    let mut app = App::live(store, Lang::Vi, t0());
    keys(&mut app, "m<tab>nguyen");
    insta::assert_snapshot!("meeting_details_80x24", render(&app, 80, 24).backend());
}

#[test]
fn the_demo_opens_with_the_chairs_conclusion_being_typed() {
    // What `gavel demo` leaves: the conclusion's next point half typed.
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let mut store =
        gavel::demo::create_demo(&path, fast_options("chair", Role::Chair), demo_now()).unwrap();
    gavel::demo::leave_conclusion_draft(&mut store).unwrap();
    let written = store.record().meeting.conclusion.clone();
    drop(store);

    let store = Store::open(&path, fast_options("chair", Role::Chair)).unwrap();
    let mut app = App::live(store, Lang::Vi, demo_now());
    // The form the console opens is the conclusion's, under the key the
    // demo wrote it with, and the text wraps between words.
    insta::assert_snapshot!("demo_conclusion_80x24", render(&app, 80, 24).backend());
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("Kết luận của chủ trì"), "{screen}");
    assert!(
        screen.contains("nộp hồ sơ trực tuyến; Văn phòng Sở công khai"),
        "{screen}"
    );

    // The chair finishes the sentence and saves: the record holds all three
    // points.
    keys(&mut app, "Trang thông tin điện tử của Sở.<c-s>");
    let conclusion = &app.record().meeting.conclusion;
    assert!(conclusion.starts_with(&written), "{conclusion}");
    assert!(
        conclusion.ends_with("công khai kết quả trả lời trên Trang thông tin điện tử của Sở."),
        "{conclusion}"
    );
    assert!(app.store().drafts().unwrap().is_empty());
}

// ----- context on screen, the end of the meeting ---------------------------

#[test]
fn snapshot_answer_form_names_its_issue() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    keys(
        &mut app,
        "iĐề nghị công khai tiến độ giải quyết hồ sơ trực tuyến của từng tổ chức, \
         cá nhân trên Cổng dịch vụ công<c-s>",
    );
    let issue = app.record().issues.values().last().unwrap().clone();
    keys(&mut app, "3r");
    assert!(matches!(
        app.form().map(|f| f.kind),
        Some(gavel::app::FormKind::Answer { id, .. }) if id == issue.id
    ));
    let number = issue.number;
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains(&format!(
            " Trả lời ý kiến số {number}: Đề nghị công khai tiến độ giải quyết hồ sơ trực… "
        )),
        "{text}"
    );
    insta::assert_snapshot!("answer_form_80x24", render(&app, 80, 24).backend());
    // Narrower, fewer words, still cut at a word.
    let text = screen_text(&app, 60, 20);
    assert!(
        text.contains(&format!(
            " Trả lời ý kiến số {number}: Đề nghị công khai tiến độ… "
        )),
        "{text}"
    );
}

#[test]
fn an_edit_form_names_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    keys(&mut app, "4");
    let action = app.selected(Pane::Actions).unwrap();
    keys(&mut app, "e");
    let title = app.record().actions[&action].title.clone();
    let words: Vec<&str> = title.split_whitespace().take(2).collect();
    let text = screen_text(&app, 160, 48);
    assert!(
        text.contains(&format!(" Sửa phân công: {}", words.join(" "))),
        "{text}"
    );
}

#[test]
fn after_a_reopen_the_answer_form_comes_back_in_the_issues_pane_on_the_item_under_way() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo(&dir);
    let active = app.record().active_item().unwrap().id;
    assert_eq!(app.selected(Pane::Agenda), Some(active));
    assert_ne!(app.rows(Pane::Agenda)[0], active, "the demo is past item 1");
    keys(&mut app, "3j");
    let issue = app.selected(Pane::Issues).unwrap();
    keys(&mut app, "rSở sẽ trả lời");
    drop(app); // as if the connection dropped
    let app = demo(&dir);
    assert!(matches!(
        app.form().map(|f| f.kind),
        Some(gavel::app::FormKind::Answer { id, .. }) if id == issue
    ));
    assert_eq!(app.console.focus, Pane::Issues);
    assert_eq!(app.selected(Pane::Issues), Some(issue));
    assert_eq!(app.selected(Pane::Agenda), Some(active));
}

#[test]
fn snapshot_ended_meeting() {
    let dir = tempfile::tempdir().unwrap();
    drop(demo(&dir));
    // Ended at 09:42 (the time a commit from the console gets is the
    // computer's, not the test's: written here at a time of the test's).
    let mut store = Store::open(&meeting_path(&dir), fast_options("chair", Role::Chair)).unwrap();
    let speaking = store.record().current_speaker().unwrap().id;
    let ended = demo_now() + chrono::TimeDelta::minutes(22);
    store.execute_at(Command::AdjournMeeting, ended).unwrap();
    drop(store);
    let mut app = demo(&dir);
    assert_eq!(app.record().meeting.status, MeetingStatus::Adjourned);
    assert_eq!(app.record().requests[&speaking].status, RequestStatus::Done);
    // An hour later: the clock has moved, the screen has not.
    app.tick(ended + chrono::TimeDelta::hours(1));
    let before = app.record().last_seq;
    // The floor keys are refused, each saying why.
    for key in ["n", "p", "+", "1f", "1s"] {
        keys(&mut app, key);
        assert_eq!(app.record().last_seq, before, "{key} wrote something");
        let status = format!("{:?}", app.status());
        assert!(
            status.contains("cuộc họp đã kết thúc lúc 09:42"),
            "{key}: {status}"
        );
    }
    // Nor is a request for the floor: the form does not even open.
    keys(&mut app, "2a");
    assert_eq!(app.mode(), Mode::Panes);
    let status = format!("{:?}", app.status());
    assert!(
        status.contains("cuộc họp đã kết thúc lúc 09:42, không thể thêm đăng ký phát biểu"),
        "{status}"
    );
    keys(&mut app, "1n");
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("đã kết thúc lúc 09:42"), "{text}");
    assert!(!text.contains("10:42"), "the clock still runs: {text}");
    insta::assert_snapshot!("ended_meeting_80x24", render(&app, 80, 24).backend());
    insta::assert_snapshot!("ended_meeting_60x20", render(&app, 60, 20).backend());
    // At 60 columns the reason does not fit: it is seen to be cut.
    let narrow = screen_text(&app, 60, 20);
    let message = narrow
        .lines()
        .find(|l| l.contains("cuộc họp đã kết thúc"))
        .unwrap_or_else(|| panic!("{narrow}"));
    assert!(message.trim_end().ends_with('…'), "{message:?}");
}

// ----- keys offered by role ------------------------------------------------

/// The footer's hints as drawn, at 160 columns: (key, words).
fn footer_hints_drawn(app: &App) -> Vec<(String, String)> {
    let screen = screen_text(app, 160, 48);
    let line = screen
        .lines()
        .nth(46)
        .unwrap_or_default()
        .trim()
        .to_string();
    line.split(" · ")
        .filter_map(|hint| {
            let (key, what) = hint.split_once(' ')?;
            Some((key.to_string(), what.trim().to_string()))
        })
        .collect()
}

#[test]
fn the_secretarys_and_the_observers_footers_offer_only_their_keys() {
    use gavel::app::pane_keys::{ANYWHERE_KEYS, keys_of};
    let dir = tempfile::tempdir().unwrap();
    drop(demo(&dir));
    for (role, name) in [(Role::Secretary, "lan"), (Role::Observer, "guest")] {
        let mut app = demo_app(&dir, Lang::Vi, name, role);
        for pane in Pane::ALL {
            keys(&mut app, &(pane.index() + 1).to_string());
            let hints = footer_hints_drawn(&app);
            assert!(!hints.is_empty(), "{role:?} {pane:?}: no hints drawn");
            for (key, what) in hints {
                let binding = keys_of(pane)
                    .iter()
                    .chain(ANYWHERE_KEYS)
                    .find(|b| b.key.name() == key)
                    .unwrap_or_else(|| panic!("{role:?} {pane:?}: {key} is no key"));
                assert!(
                    binding.action.may_use(role, pane),
                    "{role:?} in {pane:?} is offered {key} ({what})"
                );
            }
        }
    }
    // The chair's footer does offer the floor.
    let mut chair = demo(&dir);
    keys(&mut chair, "2");
    assert!(footer_hints_drawn(&chair).iter().any(|(k, _)| k == "n"));
}

#[test]
fn the_help_lists_only_the_keys_of_the_role() {
    let dir = tempfile::tempdir().unwrap();
    drop(demo(&dir));
    let mut secretary = demo_app(&dir, Lang::Vi, "lan", Role::Secretary);
    keys(&mut secretary, "?");
    let help = screen_text(&secretary, 160, 48);
    for chairs in [
        "mời người tiếp theo",
        "khóa / mở danh sách",
        "bắt đầu mục đang chọn",
    ] {
        assert!(!help.contains(chairs), "{chairs}:\n{help}");
    }
    assert!(help.contains("ghi PAKN của người đang nói"), "{help}");
    // The conclusion is the secretary's, the meeting's details are not.
    assert!(!help.contains("thông tin cuộc họp"), "{help}");
    assert!(help.contains("kết luận của chủ trì"), "{help}");
    let mut observer = demo_app(&dir, Lang::Vi, "guest", Role::Observer);
    keys(&mut observer, "?");
    let sections = gavel::app::help::sections(&observer.console);
    let titles: Vec<&str> = sections.iter().map(|s| s.title).collect();
    // It writes nothing and opens no form; it may write documents (X).
    assert_eq!(titles, ["Mọi nơi", "Chương trình"]);
    let agenda: Vec<&str> = sections[1].lines.iter().map(|l| l.keys.as_str()).collect();
    assert_eq!(agenda, ["X"]);
    let keys_listed: Vec<&str> = sections[0].lines.iter().map(|l| l.keys.as_str()).collect();
    for writes in ["a", "e Enter", "x Delete", "n", "i", "u", "m K"] {
        assert!(!keys_listed.contains(&writes), "{writes}: {keys_listed:?}");
    }
    assert!(keys_listed.contains(&"/ Esc"), "{keys_listed:?}");
}

#[test]
fn a_key_refused_to_the_secretary_says_why_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    drop(demo(&dir));
    let mut app = demo_app(&dir, Lang::Vi, "lan", Role::Secretary);
    for (script, area) in [
        ("n", "điều hành phát biểu"),
        ("2c", "điều hành phát biểu"),
        ("1s", "chương trình"),
        ("m", "cuộc họp"),
    ] {
        keys(&mut app, script);
        let status = format!("{:?}", app.console.status);
        assert!(
            status.contains("Vai trò thư ký không được làm việc này") && status.contains(area),
            "{script}: {status}"
        );
    }
    // A refusal of the record's rules, in the console's language too: an
    // item already done cannot start again.
    let mut chair = demo(&dir);
    keys(&mut chair, "1gs");
    let status = format!("{:?}", chair.console.status);
    assert!(
        status.contains("không thể bắt đầu mục này: mục này đã xong"),
        "{status}"
    );
}
