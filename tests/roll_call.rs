//! A roll call in the real binary, in a real terminal (tmux, a private
//! server): a meeting created from a participants list, pane 5, five people
//! checked in by typing a few letters of their names without accents, a
//! walk-in added at the door; the counts on the screen, still there after
//! the process is killed with SIGKILL and the console reopened, and in the
//! minutes exported afterwards.

mod common;

use std::time::Duration;

use common::tmux::{Tmux, signal};
use common::*;
use gavel::domain::{Attendance, Role};
use gavel::store::Store;

const WAIT: Duration = Duration::from_secs(15);

/// The list as a department keeps it: nobody checked in yet.
const LIST: &str = "Họ và tên;Đơn vị;Vai trò;Liên hệ;Điểm danh
Phạm Thanh Tùng;Sở Khoa học và Công nghệ;lãnh đạo;;
Đặng Văn Lộc;Văn phòng Sở;lãnh đạo phòng;;
Trần Thị Ngọc Hân;Phòng Kiểm soát thủ tục hành chính;khách mời;;
Nguyễn Văn Tư;Cơ sở sản xuất ống nhựa Tư Phát;công dân;0909 123 456;
Lý Minh Khôi;Công ty TNHH Cửu Long Xanh;đại diện tổ chức;;
Huỳnh Thị Thanh Tâm;;công dân;;
Bùi Thị Ngọc Ánh;Phòng khám Nha khoa Ngọc Ánh;đại diện tổ chức;;
Võ Thị Mai;Hợp tác xã Dừa Bến Tre;đại diện tổ chức;0275 3822 456;
";

/// Who arrives, as the secretary types them (a few letters, no accents),
/// and who that is.
const ARRIVALS: [(&str, &str); 5] = [
    ("nguyen tu", "Nguyễn Văn Tư"),
    ("khoi", "Lý Minh Khôi"),
    ("ngoc han", "Trần Thị Ngọc Hân"),
    ("dang loc", "Đặng Văn Lộc"),
    ("thanh tam", "Huỳnh Thị Thanh Tâm"),
];

const WALK_IN: &str = "Lê Văn Mới";

fn run(command: &mut std::process::Command) {
    let (code, out, err) = finished(command);
    assert_eq!(code, Some(0), "{out}\n{err}");
}

/// The number written right after `word` somewhere in `text` ("có mặt: 6",
/// "có mặt 6"), for each place the word is.
fn counts_after(text: &str, word: &str) -> Vec<usize> {
    text.match_indices(word)
        .filter_map(|(at, _)| {
            let rest = text[at + word.len()..].trim_start_matches([':', ' ']);
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect()
}

#[test]
fn five_checked_in_by_a_few_letters_and_a_walk_in_survive_sigkill_and_reach_the_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let list = dir.path().join("dai-bieu.csv");
    std::fs::write(&list, LIST).unwrap();
    run(gavel_command()
        .args(["new", "--title", "Hội nghị đối thoại", "--as", "minh"])
        .arg(&path));
    run(gavel_command()
        .arg("import")
        .arg(&path)
        .arg(&list)
        .args(["--as", "lan"]));

    let tmux = Tmux::new("rollcall");
    let console = console_command(&path, "secretary", "lan");
    tmux.start("first", 100, 30, &console);
    tmux.wait_for("first", WAIT, |s| s.contains("Phản ánh, kiến nghị"));
    tmux.keys("first", &["5"]);
    tmux.wait_for("first", WAIT, |s| s.contains("5 Đại biểu"));
    tmux.keys("first", &["c"]);
    tmux.wait_for("first", WAIT, |s| s.contains("Điểm danh —"));
    for (present, (typed, name)) in ARRIVALS.iter().enumerate() {
        tmux.type_text("first", typed);
        tmux.wait_for("first", WAIT, |s| {
            s.contains(&format!("Họ và tên: {typed}"))
        });
        tmux.keys("first", &["Enter"]);
        let said = format!("{name}: có mặt");
        let counted = format!("có mặt {} · vắng 0", present + 1);
        tmux.wait_for("first", WAIT, |s| s.contains(&said) && s.contains(&counted));
    }
    // Somebody not on the list: the form to add them, present.
    tmux.type_text("first", WALK_IN);
    tmux.wait_for("first", WAIT, |s| s.contains("Enter để thêm người mới đến"));
    tmux.keys("first", &["Enter"]);
    tmux.wait_for("first", WAIT, |s| s.contains("Thêm đại biểu"));
    tmux.type_text("first", "Công ty TNHH Mới");
    tmux.keys("first", &["C-s"]);
    let counts = "có mặt 6 · vắng 0 · chưa điểm danh 3 / 9";
    let each = "có mặt 6 · vắng có lý do 0 · vắng (VB) 0 · vắng 0 · chưa điểm danh 3";
    let screen = tmux.wait_for("first", WAIT, |s| {
        !s.contains("Thêm đại biểu") && s.contains(counts)
    });
    assert!(screen.contains(each), "{screen}");

    // Everything on the screen is in the file: kill without warning.
    signal(tmux.pane_pid("first"), libc::SIGKILL);
    assert!(tmux.wait_gone("first", WAIT));
    tmux.start("second", 100, 30, &console);
    tmux.wait_for("second", WAIT, |s| s.contains("Phản ánh, kiến nghị"));
    tmux.keys("second", &["5"]);
    tmux.wait_for("second", WAIT, |s| {
        s.contains("5 Đại biểu — có mặt 6 · vắng 0 · chưa 3 / 9")
    });
    tmux.keys("second", &["c"]);
    tmux.wait_for("second", WAIT, |s| s.contains(counts) && s.contains(each));
    tmux.keys("second", &["Escape"]);
    tmux.wait_for("second", WAIT, |s| !s.contains("Điểm danh —"));
    tmux.keys("second", &["q"]);
    assert!(tmux.wait_gone("second", WAIT));

    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    let record = store.record();
    for (_, name) in ARRIVALS {
        let person = record.participant_named(name).unwrap();
        assert_eq!(person.attendance, Attendance::Present, "{name}");
    }
    let walk_in = record.participant_named(WALK_IN).expect("the walk-in");
    assert_eq!(walk_in.attendance, Attendance::Present);
    assert_eq!(walk_in.organization, "Công ty TNHH Mới");
    drop(store);

    let minutes = dir.path().join("bien-ban.md");
    run(gavel_command()
        .args(["export", "--format", "md", "--lang", "vi", "-o"])
        .arg(&minutes)
        .arg(&path));
    let minutes = std::fs::read_to_string(&minutes).unwrap();
    assert!(counts_after(&minutes, "có mặt").contains(&6), "{minutes}");
    assert!(
        counts_after(&minutes, "chưa điểm danh").contains(&3),
        "{minutes}"
    );
    for name in ARRIVALS.map(|(_, name)| name).iter().chain([&WALK_IN]) {
        assert!(minutes.contains(name), "{name} not in:\n{minutes}");
    }
    assert!(gavel::store::check(&path).unwrap().is_ok());
}
