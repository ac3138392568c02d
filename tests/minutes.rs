//! The minutes (biên bản) of the demo meeting, in Vietnamese and English:
//! golden files, the closing line once the meeting is adjourned, approval and
//! corrections made after it, and hostile text kept out of the file.
//!
//! `GAVEL_BLESS=1 cargo test --test minutes` rewrites the golden files; read
//! the difference before committing it.

mod common;
mod fixture;

use std::path::Path;

use chrono::{NaiveDate, TimeDelta};
use common::golden::*;
use common::*;
use gavel::domain::*;
use gavel::export::minutes::{Minutes, english_full_date, vietnamese_full_date};
use gavel::i18n::Lang;
use gavel::store::Store;
use serde_json::Value;

fn demo(dir: &tempfile::TempDir) -> Store {
    gavel::demo::create_demo(
        &meeting_path(dir),
        fast_options("chair", Role::Chair),
        demo_now(),
    )
    .expect("demo written")
}

fn minutes(store: &Store, lang: Lang) -> String {
    Minutes::read(store).expect("read journal").markdown(lang)
}

#[test]
fn the_demo_minutes_in_vietnamese_match_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo(&dir);
    let text = minutes(&store, Lang::Vi);
    assert_golden("minutes.vi.md", &text);
    // The same record gives the same bytes.
    assert_eq!(text, minutes(&store, Lang::Vi));
}

#[test]
fn the_demo_minutes_in_english_match_the_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo(&dir);
    assert_golden("minutes.en.md", &minutes(&store, Lang::En));
}

#[test]
fn the_demo_minutes_name_every_issue_and_the_attendance() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo(&dir);
    let record = store.record();
    let text = minutes(&store, Lang::Vi);
    // Form 1.9: the number under the agency, no place and date under the
    // motto; the body says when the meeting started.
    assert!(text.contains("| Số: …/BB-SKHCN |  |\n"), "{text}");
    assert!(!text.contains("Mỹ Tho, ngày"), "{text}");
    assert!(text.contains("- **Thời gian:** bắt đầu lúc 08 giờ 00 phút, ngày 05/02/2026."));
    for issue in record.issues.values() {
        assert!(
            text.contains(&format!("#### Ý kiến số {}\n", issue.number)),
            "issue {} missing",
            issue.number
        );
        if let Some(who) = issue.raised_by {
            assert!(text.contains(&record.participants[&who].name));
        }
    }
    // The counts add up, are the record's, and nobody who spoke is absent.
    fixture::check_attendance(&fixture::plain_markdown(&text), record, &fixture::VI);
    fixture::check_attendance(
        &fixture::plain_markdown(&minutes(&store, Lang::En)),
        record,
        &fixture::EN,
    );
    assert!(text.contains("**Bản dự thảo:** Hội nghị đang diễn ra"));
    assert!(!text.contains("Hội nghị kết thúc vào lúc"));
}

#[test]
fn the_demo_minutes_hold_its_notes_conclusion_answerers_and_letters() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo(&dir);
    let record = store.record();
    let text = minutes(&store, Lang::Vi);
    let section = |from: &str, to: &str| -> String {
        let start = text.find(from).unwrap_or_else(|| panic!("no {from:?}"));
        let end = text[start..].find(to).map_or(text.len(), |i| start + i);
        text[start..end].to_string()
    };

    // Each item's notes under its own heading, in the course of the meeting.
    let course = section("### 2. Diễn biến Hội nghị", "### 3.");
    let mut items: Vec<&AgendaItem> = record.agenda.values().collect();
    items.sort_by_key(|i| (i.position, i.id));
    let with_notes: Vec<&&AgendaItem> = items.iter().filter(|i| !i.notes.is_empty()).collect();
    assert!(
        with_notes.len() >= 3,
        "the demo writes notes on several items"
    );
    for item in with_notes {
        let heading = format!("**{}. {}**", item.position, item.title);
        let under = &course[course.find(&heading).expect("the item's heading")..];
        let next = under[heading.len()..]
            .find("\n**")
            .map_or(under.len(), |i| i + heading.len());
        for line in item.notes.lines().filter(|l| !l.trim().is_empty()) {
            assert!(
                under[..next].contains(line.trim()),
                "{line:?} not under {heading}"
            );
        }
    }

    // The conclusion in section III, before the tasks.
    let conclusion = section("## III. KẾT LUẬN CỦA CHỦ TRÌ", "Chủ trì giao nhiệm vụ");
    assert!(!record.meeting.conclusion.is_empty());
    for line in record.meeting.conclusion.lines() {
        let words = line
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .trim();
        assert!(conclusion.contains(words), "{line:?} not in section III");
    }

    // "Người trả lời: Ông/Bà Name (position)" on every issue answered by
    // someone; a written submission with its letter.
    let mut answered = 0;
    for issue in record.issues.values() {
        let entry = section(&format!("#### Ý kiến số {}\n", issue.number), "\n#### ");
        if let Some(who) = issue.answered_by {
            let p = &record.participants[&who];
            let honorific = match p.honorific {
                Some(Honorific::Mr) => "Ông ",
                Some(Honorific::Ms) => "Bà ",
                None => "",
            };
            let line = format!(
                "- **Người trả lời:** {honorific}{} ({})",
                p.name, p.position
            );
            assert!(entry.contains(&line), "{line:?} not in:\n{entry}");
            answered += 1;
        }
        if issue.source == IssueSource::WrittenSubmission && !issue.letter_number.is_empty() {
            let date = issue
                .letter_date
                .expect("a letter's date")
                .format("%d/%m/%Y");
            let line = format!(
                "- **Hình thức:** bằng văn bản số {}, nhận ngày {date}",
                issue.letter_number
            );
            assert!(entry.contains(&line), "{line:?} not in:\n{entry}");
        }
    }
    assert!(
        answered >= 3,
        "the demo's answers are given by named people"
    );
}

#[test]
fn once_adjourned_the_minutes_say_when_the_meeting_ended() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo(&dir);
    // 10:05 in Vietnam, the same day.
    let end = demo_now() + TimeDelta::minutes(45);
    store.execute_at(Command::AdjournMeeting, end).unwrap();

    let vi = minutes(&store, Lang::Vi);
    assert!(
        vi.contains("\nHội nghị kết thúc vào lúc 10 giờ 05 phút, ngày 05 tháng 02 năm 2026./.\n"),
        "{vi}"
    );
    assert!(vi.contains("\nBiên bản chưa được thông qua.\n"));
    assert!(!vi.contains("Bản dự thảo"));
    // The turn that was running ended with the meeting: 09:18:20 to 10:05.
    assert!(vi.contains("phát biểu (46 phút 40 giây)"), "{vi}");

    let en = minutes(&store, Lang::En);
    assert!(
        en.contains("\nThe meeting ended at 10:05 on 5 February 2026.\n"),
        "{en}"
    );
    assert!(!en.contains("still in progress"));
}

#[test]
fn the_date_of_issue_is_written_in_full() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(
        vietnamese_full_date(day(2026, 2, 5)),
        "ngày 05 tháng 02 năm 2026"
    );
    assert_eq!(
        vietnamese_full_date(day(2026, 11, 15)),
        "ngày 15 tháng 11 năm 2026"
    );
    assert_eq!(
        vietnamese_full_date(day(2027, 1, 1)),
        "ngày 01 tháng 01 năm 2027"
    );
    // Only months 1 and 2 take a leading zero.
    assert_eq!(
        vietnamese_full_date(day(2026, 3, 9)),
        "ngày 09 tháng 3 năm 2026"
    );
    assert_eq!(
        vietnamese_full_date(day(2026, 10, 10)),
        "ngày 10 tháng 10 năm 2026"
    );
    assert_eq!(english_full_date(day(2026, 2, 5)), "5 February 2026");
}

#[test]
fn a_change_after_approval_shows_as_a_correction() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo(&dir);
    let approved_at = demo_now() + TimeDelta::minutes(45);
    store
        .execute_at(Command::AdjournMeeting, approved_at)
        .unwrap();
    store
        .execute_at(Command::ApproveMinutes, approved_at)
        .unwrap();
    let before = minutes(&store, Lang::Vi);
    // The chair approves: the minutes name the person, not the login that
    // recorded it.
    let chair = store
        .record()
        .chair()
        .expect("the demo's chair")
        .name
        .clone();
    let approved =
        "Biên bản đã được thông qua lúc 10 giờ 05 phút ngày 05/02/2026; chủ trì Hội nghị: ";
    let line = before
        .lines()
        .find(|l| l.starts_with(approved))
        .unwrap_or_else(|| panic!("{before}"));
    assert!(line.ends_with(&format!("{chair}.")), "{line}");
    assert!(!line.contains("chair"), "{line}");
    assert!(!before.contains("SỬA ĐỔI SAU KHI THÔNG QUA"));

    // Afterwards, the open written submission gets its answer.
    let open = store
        .record()
        .issues
        .values()
        .find(|i| i.disposition == Disposition::Open)
        .unwrap()
        .clone();
    let corrected_at = approved_at + TimeDelta::minutes(7);
    let seq = store
        .execute_at(
            Command::AnswerIssue {
                id: open.id,
                base_rev: open.rev,
                fields: AnswerFields {
                    answered_by: None,
                    answer: "Sở trả lời bằng văn bản.".into(),
                    disposition: Disposition::WrittenReplyRequired,
                    reply_due: None,
                    escalated_to: String::new(),
                },
            },
            corrected_at,
        )
        .unwrap()
        .seq;

    let vi = minutes(&store, Lang::Vi);
    assert!(vi.contains("Biên bản đã được thông qua lúc 10 giờ 05 phút"));
    assert!(vi.contains("Sau khi biên bản được thông qua có 1 thay đổi"));
    assert!(vi.contains("## SỬA ĐỔI SAU KHI THÔNG QUA"));
    // The correction says what changed, from which text to which.
    let due = store.record().issues[&open.id]
        .reply_due
        .expect("a deadline")
        .format("%d/%m/%Y");
    let row = format!(
        "| #{seq} | 05/02/2026 10:12 | chair (chủ trì) | sửa Ý kiến số {}: Trả lời: chưa có → «Sở trả lời bằng văn bản.»; Hướng xử lý: «chưa xử lý» → «trả lời bằng văn bản»; Hạn trả lời: chưa có → «{due}» |",
        open.number
    );
    assert!(vi.contains(&row), "{vi}");
    // The approval itself is no correction.
    assert!(!vi.contains("thông qua biên bản (chair)"));
    // The body stays as approved: the new answer is only in the correction.
    let (body, corrections) = vi.split_once("## SỬA ĐỔI SAU KHI THÔNG QUA").unwrap();
    assert!(!body.contains("Sở trả lời bằng văn bản."));
    assert!(corrections.contains("Sở trả lời bằng văn bản."));

    let en = minutes(&store, Lang::En);
    assert!(en.contains(
        "These minutes were approved at 10:05 on 5 February 2026; chair of the meeting: "
    ));
    assert!(!en.contains("recorded by chair"));
    assert!(en.contains("## CORRECTIONS AFTER APPROVAL"));
    assert!(en.contains(&format!(
        "| #{seq} | 5 February 2026 10:12 | chair (chair) | changed Issue {}: Answer: none → “Sở trả lời bằng văn bản.”;",
        open.number
    )), "{en}");
    assert!(en.contains("1 change was made to the record after approval; it is listed"));
}

/// After the approval, what the minutes do not print (a participant's
/// contact, an action's progress) is no correction; what they print (a
/// name, a task's owner) is one, with its old and new text, in both
/// languages, the English note in the plural.
#[test]
fn only_printed_fields_make_a_correction() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo(&dir);
    let at = demo_now() + TimeDelta::minutes(45);
    store.execute_at(Command::AdjournMeeting, at).unwrap();
    store.execute_at(Command::ApproveMinutes, at).unwrap();
    let signed = minutes(&store, Lang::Vi);
    let fields = |p: &Participant| ParticipantFields {
        name: p.name.clone(),
        organization: p.organization.clone(),
        position: p.position.clone(),
        role: p.role,
        honorific: p.honorific,
        contact: p.contact.clone(),
        attendance: p.attendance,
        members: p.members,
        representatives: p.representatives.clone(),
    };
    let action_fields = |a: &Action| ActionFields {
        title: a.title.clone(),
        owner: a.owner.clone(),
        issue: a.issue,
        due: a.due,
        status: a.status,
        completion_ref: a.completion_ref.clone(),
    };
    let person = store.record().participants.values().next().unwrap().clone();
    let action = store.record().actions.values().next().unwrap().clone();

    // Follow-up and what is not printed: the minutes do not move.
    let mut new_contact = fields(&person);
    new_contact.contact = "0909 000 111".into();
    store
        .execute(Command::EditParticipant {
            id: person.id,
            base_rev: person.rev,
            fields: new_contact,
        })
        .unwrap();
    let mut done = action_fields(&action);
    done.status = ActionStatus::Done;
    done.completion_ref = "77/SKHCN-VP".into();
    store
        .execute(Command::EditAction {
            id: action.id,
            base_rev: action.rev,
            fields: done,
        })
        .unwrap();
    assert_eq!(minutes(&store, Lang::Vi), signed);

    // A name fixed, a task given to someone else: two corrections.
    let person = store.record().participants[&person.id].clone();
    let mut renamed = fields(&person);
    renamed.name = format!("{} Văn", person.name.trim());
    store
        .execute(Command::EditParticipant {
            id: person.id,
            base_rev: person.rev,
            fields: renamed.clone(),
        })
        .unwrap();
    let action = store.record().actions[&action.id].clone();
    let mut reassigned = action_fields(&action);
    reassigned.owner = "Phòng Kế hoạch - Tài chính".into();
    store
        .execute(Command::EditAction {
            id: action.id,
            base_rev: action.rev,
            fields: reassigned,
        })
        .unwrap();
    let vi = minutes(&store, Lang::Vi);
    let old = person.name.trim();
    assert!(
        vi.contains(&format!(
            "sửa đại biểu {old}: Họ và tên: «{old}» → «{}»",
            renamed.name
        )),
        "{vi}"
    );
    assert!(
        vi.contains(&format!(
            "Người thực hiện: «{}» → «Phòng Kế hoạch - Tài chính»",
            action.owner.trim()
        )),
        "{vi}"
    );
    assert!(vi.contains("có 2 thay đổi"));
    assert!(!vi.contains("0909 000 111") && !vi.contains("77/SKHCN-VP"));
    let en = minutes(&store, Lang::En);
    assert!(en.contains("2 changes were made to the record after approval; they are listed"));
    assert!(
        en.contains(&format!("changed participant {old}: Name: “{old}” → “")),
        "{en}"
    );
    // The body still names the person as signed.
    let (body, _) = vi.split_once("## SỬA ĐỔI SAU KHI THÔNG QUA").unwrap();
    assert!(!body.contains(&renamed.name));
}

fn tricky_texts() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/tricky-strings.json"
    );
    let text = std::fs::read_to_string(path).expect("../shared/data/tricky-strings.json");
    serde_json::from_str::<Vec<Value>>(&text)
        .unwrap()
        .iter()
        .filter_map(|case| case["text"].as_str().map(str::to_string))
        .collect()
}

/// Characters that must never reach the file as they are.
fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{1B}' | '\u{07}' | '\r' | '\u{80}'..='\u{9F}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[test]
fn hostile_text_never_reaches_the_minutes_verbatim() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo(&dir);
    let mut texts = tricky_texts();
    assert!(texts.len() >= 10, "the tricky strings were read");
    // Text that would turn into Markdown structure.
    texts.push("# Heading\n| a | b |\n> quote\n1. list\n---\n<script>x</script>".into());
    for text in &texts {
        let who = store
            .execute(Command::AddParticipant(ParticipantFields {
                position: String::new(),
                honorific: None,
                members: 0,
                representatives: String::new(),
                name: text.clone(),
                organization: text.clone(),
                role: ParticipantRole::Citizen,
                contact: String::new(),
                attendance: Attendance::Present,
            }))
            .unwrap()
            .seq;
        let issue = store
            .execute(Command::LogIssue(IssueFields {
                letter_number: String::new(),
                letter_date: None,
                raised_by: Some(who),
                source: IssueSource::Floor,
                category: IssueCategory::Question,
                field: text.clone(),
                procedure: text.clone(),
                text: format!("before {text} after"),
            }))
            .unwrap()
            .seq;
        let rev = store.record().issues[&issue].rev;
        store
            .execute(Command::AnswerIssue {
                id: issue,
                base_rev: rev,
                fields: AnswerFields {
                    answered_by: None,
                    answer: text.clone(),
                    disposition: Disposition::Escalated,
                    reply_due: None,
                    escalated_to: text.clone(),
                },
            })
            .unwrap();
        store
            .execute(Command::AddAction(ActionFields {
                title: text.clone(),
                owner: text.clone(),
                issue: Some(issue),
                due: None,
                status: ActionStatus::Open,
                completion_ref: text.clone(),
            }))
            .unwrap();
    }

    for lang in [Lang::Vi, Lang::En] {
        let text = minutes(&store, lang);
        if let Some((at, c)) = text.char_indices().find(|(_, c)| is_forbidden(*c)) {
            let before: String = text[..at].chars().rev().take(40).collect();
            panic!(
                "{lang:?}: U+{:04X} at byte {at}, after {:?}",
                c as u32,
                before.chars().rev().collect::<String>()
            );
        }
        for line in text.lines() {
            // A block starts at the beginning of a line or of a list item.
            let line = line.trim_start();
            for start in [line, line.strip_prefix("- ").unwrap_or(line)] {
                for markup in ["# Heading", "> quote", "| a | b |", "1. list"] {
                    assert!(!start.starts_with(markup), "{line}");
                }
                assert_ne!(start, "---", "a thematic break from a person's text");
            }
            assert!(!line.replace("\\<", "").contains("<script>"), "{line}");
        }
    }
}

#[test]
fn a_bare_meeting_gets_ellipses_not_invented_values() {
    let dir = tempfile::tempdir().unwrap();
    let store = new_meeting(&meeting_path(&dir));
    let vi = minutes(&store, Lang::Vi);
    assert!(vi.contains("| Số: …/BB-… |  |"), "{vi}");
    assert!(vi.contains("- **Thời gian:** dự kiến bắt đầu lúc 08 giờ 00 phút, ngày 05/02/2026."));
    assert!(vi.contains("- **Địa điểm:** ….\n"));
    assert!(vi.contains("- **Chủ trì:** …\n"));
    // No conclusion yet: left visibly to be written, nothing invented.
    assert!(
        vi.contains("## III. KẾT LUẬN CỦA CHỦ TRÌ\n\n…\n\nKhông có nhiệm vụ nào được giao."),
        "{vi}"
    );
    assert!(vi.contains("Không có ý kiến phản ánh, kiến nghị nào."));
    assert!(vi.contains("Không có nhiệm vụ nào được giao."));
    assert!(vi.contains("**Bản dự thảo:**"));
    assert!(!vi.contains("Căn cứ"));

    let en = minutes(&store, Lang::En);
    assert!(en.contains("| No. …/BB-… |  |"), "{en}");
    assert!(en.contains("- **Time:** planned to start at 08:00 on 5 February 2026."));
    assert!(en.contains("No tasks were assigned."));
}

#[test]
fn an_issue_without_field_or_procedure_prints_no_blank_for_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_meeting(&meeting_path(&dir));
    store
        .execute_at(issue("Xin hướng dẫn hồ sơ"), common::t0())
        .unwrap();
    for lang in [Lang::Vi, Lang::En] {
        let text = minutes(&store, lang);
        let entry = &text[text.find("#### ").expect("the issue")..];
        let entry = &entry[..entry.find("\n\n#").unwrap_or(entry.len())];
        assert!(entry.contains("Xin hướng dẫn hồ sơ"), "{entry}");
        for label in ["Lĩnh vực", "Thủ tục hành chính", "Field", "Procedure", "…"] {
            assert!(!entry.contains(label), "{label:?} in:\n{entry}");
        }
    }
    // The Word document too: no field label left without a field.
    let docx = gavel::export::minutes::Minutes::read(&store)
        .unwrap()
        .docx(Lang::Vi)
        .unwrap();
    let mut package = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut package.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("Xin hướng dẫn hồ sơ"));
    assert!(!xml.contains("Lĩnh vực: "), "a blank field label");
}

// The whole record (issue 16) -----------------------------------------------------

#[test]
fn the_minutes_state_who_was_there_who_answered_and_what_was_concluded() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = fixture::whole_record(&meeting_path(&dir));
    for lang in [Lang::Vi, Lang::En] {
        let w = fixture::words(lang);
        let markdown = minutes(&fixture.store, lang);
        // To read it: GAVEL_FIXTURE_OUT=/some/dir.
        if let Some(dir) = std::env::var_os("GAVEL_FIXTURE_OUT") {
            let name = format!("fixture.{}.md", fixture::words(lang).code);
            std::fs::write(Path::new(&dir).join(name), &markdown).unwrap();
        }
        let lines = fixture::plain_markdown(&markdown);
        fixture::check_fixture_minutes(&lines, fixture.record(), w);
        // The names written out under the signatures: the secretary left,
        // the chair right, the name alone.
        assert!(
            markdown.contains(&format!(
                "| **{}** | **{}** |\n",
                fixture::SECRETARY,
                fixture::CHAIR
            )),
            "{markdown}"
        );
        assert!(!markdown.contains(fixture::CONTACT_MARK));
    }
    let vi = minutes(&fixture.store, Lang::Vi);
    // What the issue asks for, in the words a Vietnamese reader expects.
    for expected in [
        "- **Chủ trì:** Ông Phạm Thanh Tùng, Phó Giám đốc Sở Khoa học và Công nghệ.\n",
        "- **Người trả lời:** Ông Huỳnh Minh Trí (Trưởng phòng Quản lý khoa học)\n",
        "- **Hình thức:** bằng văn bản số 15/CV-PK, nhận ngày 28/01/2026\n",
        "- **Người nêu:** Ông Đỗ Thanh Sơn (Trưởng khoa Chẩn đoán hình ảnh, Bệnh viện Đa khoa Hòa Bình Mỹ Tho)\n",
        "- Nhóm hộ dân ấp Tân Thuận (7 người), xã Tân Mỹ Chánh, đại diện: Ông Nguyễn Văn Tám, Bà Lê Thị Chín\n",
        "- Ông Phạm Thanh Tùng, Phó Giám đốc Sở Khoa học và Công nghệ (chủ trì)\n",
        "Tổng số đại biểu: 17; có mặt: 12; vắng mặt: 4 (vắng có lý do: 2; vắng, có ý kiến bằng văn bản: 1; vắng không có lý do: 1); chưa điểm danh: 1.\n",
        "*Mỗi nhóm công dân cử người đại diện được tính là một đại biểu.*\n",
        "Chủ trì mời ông Châu Văn Lợi (Giám đốc, Công ty TNHH Cơ điện lạnh Sao Việt) phát biểu",
    ] {
        assert!(vi.contains(expected), "{expected:?} not in:\n{vi}");
    }
    // Someone with no honorific on record is named without one.
    assert!(
        vi.contains("- Phan Quốc Việt, Trường Đại học Tiền Giang\n"),
        "{vi}"
    );
}

#[test]
fn approved_minutes_name_the_chair_and_invent_no_conclusion() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture::whole_record(&meeting_path(&dir)).store;
    let end = common::t0() + TimeDelta::hours(2);
    store.execute_at(Command::AdjournMeeting, end).unwrap();
    store.execute_at(Command::ApproveMinutes, end).unwrap();
    let vi = minutes(&store, Lang::Vi);
    assert!(
        vi.contains(
            "\nBiên bản đã được thông qua lúc 10 giờ 00 phút ngày 05/02/2026; chủ trì Hội nghị: \
             Ông Phạm Thanh Tùng.\n"
        ),
        "{vi}"
    );
    let en = minutes(&store, Lang::En);
    assert!(
        en.contains(
            "\nThese minutes were approved at 10:00 on 5 February 2026; chair of the meeting: \
             Mr Phạm Thanh Tùng.\n"
        ),
        "{en}"
    );

    // A meeting approved without a conclusion: section III holds the tasks
    // only, no "…" left to fill in.
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture::prepared_meeting(&meeting_path(&dir));
    store
        .execute_at(Command::StartMeeting, common::t0())
        .unwrap();
    store
        .execute_at(Command::AdjournMeeting, common::t0())
        .unwrap();
    store
        .execute_at(Command::ApproveMinutes, common::t0())
        .unwrap();
    let vi = minutes(&store, Lang::Vi);
    assert!(
        vi.contains("## III. KẾT LUẬN CỦA CHỦ TRÌ\n\nKhông có nhiệm vụ nào được giao."),
        "{vi}"
    );
    // No chair on record: the approval names nobody rather than a login.
    assert!(vi.contains("\nBiên bản đã được thông qua lúc 08 giờ 00 phút ngày 05/02/2026.\n"));
}

#[test]
fn an_older_file_with_the_chair_typed_as_name_and_title_signs_with_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_meeting(&meeting_path(&dir));
    let mut details = store.record().meeting.details.clone();
    details.chair = "Phạm Thanh Tùng, Phó Giám đốc Sở".into();
    details.secretary = "Trần Thị Ngọc Hân".into();
    let base_rev = store.record().meeting.rev;
    store
        .execute_at(Command::EditMeeting { base_rev, details }, common::t0())
        .unwrap();
    let vi = minutes(&store, Lang::Vi);
    assert!(
        vi.contains("- **Chủ trì:** Phạm Thanh Tùng, Phó Giám đốc Sở.\n"),
        "{vi}"
    );
    assert!(vi.contains("- **Thư ký:** Trần Thị Ngọc Hân.\n"), "{vi}");
    assert!(
        vi.contains("| **Trần Thị Ngọc Hân** | **Phạm Thanh Tùng** |\n"),
        "one name on one line: {vi}"
    );
}

#[test]
fn the_demo_minutes_leave_no_blank_but_the_number_given_at_registration() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo(&dir);
    for lang in [Lang::Vi, Lang::En] {
        let text = minutes(&store, lang);
        let blanks: Vec<&str> = text.lines().filter(|l| l.contains('…')).collect();
        assert_eq!(blanks.len(), 1, "{lang:?}: {blanks:#?}");
        assert!(blanks[0].contains("…/BB-SKHCN"), "{blanks:?}");
    }
}
