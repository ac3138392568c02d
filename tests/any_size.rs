//! The console at any size, in Vietnamese: at 60×20, 80×24 and 160×48 the
//! help scrolls to every section, a long title is cut at a word and ends in
//! "…", the edit-conflict prompt shows both versions and its keys, and an
//! ended meeting says so. Each screen is a snapshot, read as a secretary
//! would: no English word, nothing cut inside a word without "…".

mod common;

use common::*;
use gavel::app::{Mode, Pane};
use gavel::domain::*;
use gavel::i18n::Lang;
use gavel::store::Store;

const SIZES: [(u16, u16); 3] = [(60, 20), (80, 24), (160, 48)];

/// The demo in Vietnamese, as the chair, on a terminal of this size.
fn demo_at(dir: &tempfile::TempDir, width: u16, height: u16) -> App {
    let mut app = demo_app(dir, Lang::Vi, "Minh", Role::Chair);
    app.resize(width, height);
    app
}

/// English words the Vietnamese console must never show (the English
/// console's words for what these screens show). Key names (Esc, PgDn,
/// Ctrl-S) are not words.
const ENGLISH: &[&str] = &[
    "open",
    "answered",
    "written",
    "escalated",
    "redirected",
    "withdrawn",
    "scroll",
    "page",
    "keep",
    "take",
    "yours",
    "theirs",
    "back",
    "close",
    "help",
    "empty",
    "changed",
    "since",
    "ended",
    "the",
    "and",
    "of",
    "to",
    "by",
    "at",
    "in",
    "on",
    "top",
];

fn assert_no_english(screen: &str) {
    for word in screen.split(|c: char| !c.is_alphanumeric()) {
        assert!(
            !ENGLISH.contains(&word.to_lowercase().as_str()),
            "English “{word}” on a Vietnamese screen:\n{screen}"
        );
    }
}

/// `line` shows `text` whole, or the text before its first "…" ends with
/// a whole word of `text`: cut at a word, not inside one.
fn assert_cut_at_a_word(line: &str, text: &str) {
    if line.contains(text) {
        return;
    }
    let (before, _) = line
        .split_once('…')
        .unwrap_or_else(|| panic!("not cut with “…”: {line:?}"));
    let last = before.split_whitespace().last().unwrap_or_default();
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', ':', ';', '.']))
        .collect();
    assert!(
        words.contains(&last),
        "cut inside a word: {last:?} in {line:?}"
    );
}

// ----- the help -------------------------------------------------------------

#[test]
fn the_help_scrolls_to_every_section_at_any_size() {
    for (width, height) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut app = demo_at(&dir, width, height);
        keys(&mut app, "?");
        assert_eq!(app.mode(), Mode::Help);
        let sections = gavel::app::help::sections(&app.console);
        let first = screen_text(&app, width, height);
        // Down, a line at a time, to the end: every section is seen.
        let mut seen = first.clone();
        let mut last = first.clone();
        for _ in 0..200 {
            keys(&mut app, "j");
            let now = screen_text(&app, width, height);
            if now == last {
                break;
            }
            seen.push_str(&now);
            last = now;
        }
        for section in &sections {
            assert!(
                seen.contains(section.title),
                "{width}×{height}: section {} never shown",
                section.title
            );
        }
        // G: the end, with the forms' last line.
        keys(&mut app, "gG");
        let bottom = screen_text(&app, width, height);
        assert_eq!(bottom, last, "{width}×{height}: G is not where ↓ ends");
        let last_line = sections.last().unwrap().lines.last().unwrap();
        let opening: String = last_line
            .what
            .split(' ')
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            bottom.contains(&opening),
            "{width}×{height}: the last line “{}” is not reachable:\n{bottom}",
            last_line.what
        );
        let scrolls = first != bottom;
        if width < 160 {
            assert!(scrolls, "{width}×{height}: the help should not fit");
            // The bottom line says it scrolls, where, and how to close it.
            assert!(bottom.contains("↓ ↑ cuộn"), "{bottom}");
            assert!(bottom.contains("Esc đóng trợ giúp"), "{bottom}");
            let total: usize = sections.iter().map(|s| 1 + s.lines.len()).sum();
            assert!(bottom.contains(&format!("/{total}")), "{bottom}");
            // Up and a page back leave the end; g is the top again.
            keys(&mut app, "k");
            assert_ne!(screen_text(&app, width, height), bottom);
            keys(&mut app, "<pgdn>");
            assert_eq!(
                screen_text(&app, width, height),
                bottom,
                "clamped at the end"
            );
            keys(&mut app, "<pgup>g");
            assert_eq!(screen_text(&app, width, height), first);
            keys(&mut app, "G");
        } else {
            assert!(!scrolls, "at 160×48 the help fits");
            assert!(!bottom.contains("cuộn"), "nothing to scroll:\n{bottom}");
        }
        assert_no_english(&bottom);
        insta::assert_snapshot!(
            format!("help_bottom_{width}x{height}"),
            render(&app, width, height).backend()
        );
        // The keys that close it still do.
        keys(&mut app, "q");
        assert_eq!(app.mode(), Mode::Panes);
    }
}

#[test]
fn at_60_by_20_the_first_page_of_the_help_shows_how_to_quit() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_at(&dir, 60, 20);
    keys(&mut app, "?");
    let screen = screen_text(&app, 60, 20);
    assert!(screen.contains("Mọi nơi"), "{screen}");
    assert!(screen.contains("q Ctrl-C  thoát"), "{screen}");
}

// ----- long titles ----------------------------------------------------------

const MEETING_TITLE: &str = "Hội nghị đối thoại trực tiếp giữa lãnh đạo Ủy ban nhân dân tỉnh với \
     doanh nghiệp, hợp tác xã và người dân về cải cách thủ tục hành chính năm 2026";
const ITEM_TITLE: &str = "Đối thoại: giải đáp kiến nghị của doanh nghiệp về thủ tục đất đai, \
     xây dựng và đăng ký kinh doanh";
const ACTION_TITLE: &str =
    "Hướng dẫn hồ sơ cấp giấy chứng nhận quyền sử dụng đất cho hộ kinh doanh";
const ACTION_OWNER: &str = "Phòng Tài nguyên và Môi trường huyện Chợ Gạo";

/// The demo with a long meeting title, a long item under way and a long
/// action with a long owner.
fn long_titles(dir: &tempfile::TempDir) {
    let mut store = Store::open(&meeting_path(dir), fast_options("Minh", Role::Chair)).unwrap();
    let record = store.record().clone();
    let mut details = record.meeting.details.clone();
    details.title = MEETING_TITLE.to_string();
    let at = demo_now();
    store
        .execute_at(
            Command::EditMeeting {
                base_rev: record.meeting.rev,
                details,
            },
            at,
        )
        .unwrap();
    let item = record.active_item().unwrap();
    store
        .execute_at(
            Command::EditAgendaItem {
                id: item.id,
                base_rev: item.rev,
                fields: AgendaFields {
                    title: ITEM_TITLE.to_string(),
                    planned_minutes: item.planned_minutes,
                    presenter: item.presenter.clone(),
                    position: None,
                },
            },
            at,
        )
        .unwrap();
    store
        .execute_at(
            Command::AddAction(ActionFields {
                title: ACTION_TITLE.to_string(),
                owner: ACTION_OWNER.to_string(),
                issue: None,
                due: chrono::NaiveDate::from_ymd_opt(2026, 2, 28),
                status: ActionStatus::Open,
                completion_ref: String::new(),
            }),
            at,
        )
        .unwrap();
}

#[test]
fn a_long_title_is_cut_at_a_word_and_ends_in_an_ellipsis_at_any_size() {
    let dir = tempfile::tempdir().unwrap();
    drop(demo_app(&dir, Lang::Vi, "Minh", Role::Chair));
    long_titles(&dir);
    for (width, height) in SIZES {
        let mut app = demo_at(&dir, width, height);
        // The Actions pane in the corner, its last row (the new action)
        // selected.
        keys(&mut app, "4G");
        let screen = screen_text(&app, width, height);
        let lines: Vec<&str> = screen.lines().collect();
        // The header: the meeting's title, then the item under way.
        assert_cut_at_a_word(lines[0], MEETING_TITLE);
        assert_cut_at_a_word(lines[1], ITEM_TITLE);
        // The action keeps its title ahead of the owner.
        let row = lines
            .iter()
            .find(|l| l.contains("28/02"))
            .unwrap_or_else(|| panic!("{width}×{height}: the action's title is gone:\n{screen}"));
        let cell = row.split("[ ] ").last().unwrap();
        assert!(cell.starts_with("Hướng dẫn"), "{width}×{height}: {row}");
        assert_cut_at_a_word(cell, ACTION_TITLE);
        assert_no_english(&screen);
        insta::assert_snapshot!(
            format!("long_title_{width}x{height}"),
            render(&app, width, height).backend()
        );
    }
}

// ----- the edit conflict ----------------------------------------------------

const MINE: &str = "Sở Tư pháp sẽ trả lời bằng văn bản cho ông Khôi trước ngày 15/12/2026";
const THEIRS: &str = "Chủ trì đã giải đáp trực tiếp tại hội nghị, ông Khôi đồng ý";

#[test]
fn the_conflict_prompt_shows_both_texts_and_its_keys_at_any_size() {
    for (width, height) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut chair = demo_at(&dir, width, height);
        let mut lan = demo_app(&dir, Lang::Vi, "Lan", Role::Secretary);
        lan.resize(width, height);
        let id = first_open_issue(&chair);
        select_row(&mut chair, Pane::Issues, id);
        select_row(&mut lan, Pane::Issues, id);
        keys(&mut lan, &format!("r{MINE}"));
        keys(&mut chair, &format!("r{THEIRS}<c-s>"));
        keys(&mut lan, "<c-s>");
        assert_eq!(lan.mode(), Mode::Conflict);
        let screen = screen_text(&lan, width, height);
        // Who changed what.
        assert!(screen.contains("Minh vừa sửa dòng này"), "{screen}");
        if width >= 80 {
            // Both texts whole, and the keys.
            let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
            for text in [MINE, THEIRS] {
                let words: Vec<&str> = text.split_whitespace().collect();
                for word in words {
                    assert!(
                        flat.contains(word),
                        "{width}×{height}: {word} of {text}\n{screen}"
                    );
                }
            }
            assert!(screen.contains("Bản của bạn:"), "{screen}");
            assert!(screen.contains("Bản của Minh:"), "{screen}");
        }
        for key in ["k giữ bản của bạn", "t lấy bản của họ", "Esc quay lại"] {
            assert!(screen.contains(key), "{width}×{height}: {key}\n{screen}");
        }
        assert_no_english(&screen);
        insta::assert_snapshot!(
            format!("conflict_{width}x{height}"),
            render(&lan, width, height).backend()
        );
        // The keys do what they say: k keeps this version.
        keys(&mut lan, "k");
        assert_eq!(lan.mode(), Mode::Panes);
        assert_eq!(lan.record().issues[&id].answer, MINE);
    }
}

// ----- the ended meeting ----------------------------------------------------

#[test]
fn the_chair_ends_the_meeting_with_e_then_y() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_at(&dir, 80, 24);
    // E is the Agenda pane's.
    keys(&mut app, "1E");
    assert_eq!(app.mode(), Mode::Confirm);
    keys(&mut app, "y");
    assert_eq!(app.record().meeting.status, MeetingStatus::Adjourned);
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("đã kết thúc lúc"), "{screen}");
    assert_no_english(&screen);
}

#[test]
fn an_ended_meeting_at_any_size() {
    let dir = tempfile::tempdir().unwrap();
    drop(demo_app(&dir, Lang::Vi, "Minh", Role::Chair));
    // Ended at 09:42 by the chair (written at a time of the test's, for
    // the snapshot: the console writes the computer's time).
    let mut store = Store::open(&meeting_path(&dir), fast_options("Minh", Role::Chair)).unwrap();
    let ended = demo_now() + chrono::TimeDelta::minutes(22);
    store.execute_at(Command::AdjournMeeting, ended).unwrap();
    drop(store);
    for (width, height) in SIZES {
        // An hour later: the clock has moved, the screen has not.
        let later = ended + chrono::TimeDelta::hours(1);
        let store = Store::open(&meeting_path(&dir), fast_options("Minh", Role::Chair)).unwrap();
        let mut app = App::live(store, Lang::Vi, later);
        app.resize(width, height);
        let screen = screen_text(&app, width, height);
        assert!(screen.contains("đã kết thúc lúc 09:42"), "{screen}");
        assert!(!screen.contains("10:42"), "the clock still runs: {screen}");
        assert_no_english(&screen);
        insta::assert_snapshot!(
            format!("ended_{width}x{height}"),
            render(&app, width, height).backend()
        );
    }
}

// ----- multi-line fields ----------------------------------------------------

#[test]
fn a_long_answer_wraps_at_words_with_the_cursor_after_its_last_letter() {
    const ANSWER: &str = "Sở Khoa học và Công nghệ tiếp thu ý kiến, sẽ hướng dẫn doanh \
         nghiệp hoàn thiện hồ sơ đề nghị chứng nhận và trả lời bằng văn bản trước ngày \
         mười lăm tháng mười hai theo đúng quy định về thời hạn giải quyết, xử lý";
    for (width, height) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut app = demo_at(&dir, width, height);
        // The last issue, still open, without an answer yet.
        keys(&mut app, "3G");
        let issue = app.selected(Pane::Issues).unwrap();
        assert!(app.record().issues[&issue].answer.is_empty());
        keys(&mut app, &format!("r{ANSWER}"));
        assert_eq!(app.mode(), Mode::Form);
        let mut terminal = render(&app, width, height);
        let screen = buffer_text(terminal.backend().buffer());
        let words: Vec<&str> = ANSWER.split_whitespace().collect();
        // The rows of the answer field: from the label on, inside the form.
        let rows: Vec<&str> = screen
            .lines()
            .skip_while(|l| !l.contains("Trả lời   "))
            .take_while(|l| !l.contains("Hướng xử lý"))
            .collect();
        assert!(rows.len() > 1, "{width}×{height}:\n{screen}");
        // The form's inside: from the label's column to the form's border.
        let at = rows[0].split("Trả lời   ").next().unwrap().chars().count();
        for row in &rows {
            let inside: String = row.chars().skip(at).take_while(|c| *c != '│').collect();
            let value = inside.trim_start_matches("Trả lời").trim();
            for word in value.split_whitespace() {
                assert!(
                    words.contains(&word),
                    "{width}×{height}: “{word}” is not a whole word:\n{screen}"
                );
            }
        }
        // The cursor just after the last letter typed.
        let cursor = terminal.get_cursor_position().unwrap();
        let before = terminal.backend().buffer()[(cursor.x - 1, cursor.y)]
            .symbol()
            .to_string();
        assert_eq!(before, "ý", "{width}×{height}: {cursor:?}\n{screen}");
    }
}
