//! After the meeting: approval locks the record and later changes show as
//! corrections; follow-up lists what is owed with working-day deadlines.

mod common;
mod fixture;

use chrono::NaiveDate;
use common::*;
use gavel::app::Pane;
use gavel::app::{Layer, Mode};
use gavel::domain::*;
use gavel::export::followup::followup_report;
use gavel::i18n::Lang;
use gavel::store::Store;

fn day(d: u32, m: u32, y: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn approval_locks_the_record_and_a_later_change_is_a_visible_correction() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app(&dir, Lang::En, "chair", Role::Chair);
    keys(&mut app, "1A");
    assert!(app.mode() == Mode::Confirm);
    keys(&mut app, "y");
    let approved = app.record().meeting.approved_seq.expect("approved");
    assert_eq!(app.record().meeting.minutes, MinutesState::Approved);
    assert!(screen_text(&app, 160, 48).contains("minutes approved"));

    // A key that changes the record now asks first...
    let seq = app.record().last_seq;
    keys(&mut app, "n");
    assert!(
        matches!(app.console.top(), Some(Layer::Confirm(c)) if c.question.contains("correction"))
    );
    keys(&mut app, "n");
    assert_eq!(
        app.record().last_seq,
        seq,
        "refusing the question writes nothing"
    );
    // ...and a form asks by a second save.
    keys(&mut app, "3");
    let issue = app.selected(Pane::Issues).unwrap();
    keys(&mut app, "e<c-s>");
    let Some(form) = app.form() else {
        panic!("the form should ask")
    };
    assert!(form.error.as_deref().unwrap().contains("correction"));
    keys(&mut app, " (đính chính)<c-s>");
    assert_eq!(app.mode(), Mode::Panes, "{:?}", app.console.status);
    let corrected = &app.record().issues[&issue];
    assert!(corrected.text.ends_with("(đính chính)"));
    assert!(corrected.rev > approved && app.record().is_correction(corrected.rev));
    let screen = screen_text(&app, 160, 48);
    assert!(
        screen.contains(&format!("#{}✎", corrected.number)),
        "the correction is not marked:\n{screen}"
    );
    // A second approval is refused.
    let store = Store::open(&meeting_path(&dir), options("chair", Role::Chair));
    let refused = store.unwrap().execute(Command::ApproveMinutes);
    assert!(refused.is_err());
}

/// Signed is signed: follow-up after the approval (a written reply closed,
/// an action done) leaves the approved minutes byte for byte as they were,
/// in both formats and languages, exported by the real binary at different
/// times; a correction of their content then shows, dated, with its old and
/// new text, while the body still reads as approved.
#[test]
fn approved_minutes_stay_as_signed_and_only_a_correction_shows() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let file = path.to_str().unwrap();
    let mut store = Store::open(&path, options("chair", Role::Chair)).unwrap();
    store.execute(Command::ApproveMinutes).unwrap();
    drop(store);
    let run = |args: &[&str]| {
        let output = gavel_command().args(args).output().unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let export = |name: &str| -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        for lang in ["vi", "en"] {
            for format in ["md", "docx"] {
                let out = dir.path().join(format!("{name}-{lang}.{format}"));
                let out = out.to_str().unwrap();
                run(&[
                    "export", file, "--format", format, "--lang", lang, "-o", out,
                ]);
                files.push((out.to_string(), std::fs::read(out).unwrap()));
            }
        }
        files
    };
    let signed = export("signed");
    // The Word file's zip entries carry no clock: a second later, the same.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    run(&[
        "followup",
        file,
        "--close-issue",
        "5",
        "--ref",
        "345/SKHCN-QLCN",
    ]);
    run(&[
        "followup",
        file,
        "--close-action",
        "2",
        "--ref",
        "46/SKHCN-VP",
    ]);
    let followed = export("followed");
    for ((name, before), (_, after)) in signed.iter().zip(&followed) {
        assert!(before == after, "{name} changed with follow-up");
    }
    // No clock in the Word package: its parts carry the zip's fixed time,
    // its properties the meeting's date, not the day it was exported.
    let docx = &signed[1].1;
    let mut package = zip::ZipArchive::new(std::io::Cursor::new(docx.as_slice())).unwrap();
    for n in 0..package.len() {
        let part = package.by_index(n).unwrap();
        let time = part.last_modified();
        assert_eq!(
            (time.year(), time.month(), time.day()),
            (1980, 1, 1),
            "{}",
            part.name()
        );
    }
    let mut core = String::new();
    std::io::Read::read_to_string(
        &mut package.by_name("docProps/core.xml").unwrap(),
        &mut core,
    )
    .unwrap();
    let meeting_day = demo_now().format("%Y-%m-%d").to_string();
    // Created and modified: both the meeting's day.
    assert_eq!(
        core.matches(&format!(">{meeting_day}T")).count(),
        2,
        "{core}"
    );

    let vi = String::from_utf8(signed[0].1.clone()).unwrap();
    assert!(!vi.contains("SỬA ĐỔI SAU KHI THÔNG QUA"), "{vi}");
    assert!(!vi.contains("345/SKHCN-QLCN"));

    // A correction of an answer.
    let mut store = Store::open(&path, options("chair", Role::Chair)).unwrap();
    let issue = store
        .record()
        .issues
        .values()
        .find(|i| i.number == 6)
        .unwrap()
        .clone();
    assert!(!issue.answer.is_empty());
    let fields = AnswerFields {
        answer: "Sở sẽ trả lời bằng văn bản trong 10 ngày làm việc.".into(),
        answered_by: issue.answered_by,
        disposition: issue.disposition,
        reply_due: issue.reply_due,
        escalated_to: issue.escalated_to.clone(),
    };
    store
        .execute(Command::AnswerIssue {
            id: issue.id,
            base_rev: issue.rev,
            fields,
        })
        .unwrap();
    drop(store);
    let corrected = export("corrected");
    let vi = String::from_utf8(corrected[0].1.clone()).unwrap();
    let en = String::from_utf8(corrected[2].1.clone()).unwrap();
    let old = issue.answer.trim();
    let line = format!(
        "sửa Ý kiến số 6: Trả lời: «{old}» → «Sở sẽ trả lời bằng văn bản trong 10 ngày làm việc.»"
    );
    assert!(vi.contains(&line), "{line}\nnot in:\n{vi}");
    assert!(vi.contains("SỬA ĐỔI SAU KHI THÔNG QUA"));
    assert!(en.contains("changed Issue 6: Answer: “"), "{en}");
    assert!(en.contains("1 change was made"), "{en}");
    // The body still reads as signed: the old answer stands in its place.
    let body = vi.split("SỬA ĐỔI SAU KHI THÔNG QUA").next().unwrap();
    assert!(body.contains(old));
    assert!(!body.contains("trong 10 ngày làm việc."));
    // Follow-up still never shows.
    assert!(!vi.contains("345/SKHCN-QLCN"));
    assert!(!vi.contains("46/SKHCN-VP"));
    let docx = unzipped(&corrected[1].1);
    assert!(docx.contains("Sở sẽ trả lời bằng văn bản trong 10 ngày làm việc."));
}

#[test]
fn a_secretary_cannot_approve() {
    let dir = tempfile::tempdir().unwrap();
    drop(demo_app(&dir, Lang::En, "chair", Role::Chair));
    let mut app = demo_app(&dir, Lang::En, "lan", Role::Secretary);
    keys(&mut app, "1A");
    assert_eq!(app.mode(), Mode::Panes);
    assert!(format!("{:?}", app.console.status).contains("may not"));
}

#[test]
fn written_reply_deadlines_count_working_days_and_configured_holidays() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    // A meeting on Friday 13 February 2026, with Tết (16–20 February) as
    // holidays and a 5-working-day reply period.
    let details = MeetingDetails {
        planned_start: Some(
            chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 2, 13, 1, 0, 0).unwrap(),
        ),
        reply_working_days: 5,
        holidays: (16..=20).map(|d| day(d, 2, 2026)).collect(),
        ..details("Đối thoại trước Tết")
    };
    let mut store = Store::create(
        &path,
        options("chair", Role::Chair),
        details,
        gavel::store::Sharing::Private,
    )
    .unwrap();
    let at = t0() + chrono::TimeDelta::days(8);
    store.execute_at(issue("Hỏi về lệ phí"), at).unwrap();
    let id = *store.record().issues.keys().next().unwrap();
    let rev = store.record().issues[&id].rev;
    store
        .execute_at(
            Command::AnswerIssue {
                id,
                base_rev: rev,
                fields: AnswerFields {
                    answered_by: None,
                    answer: "Sẽ trả lời bằng văn bản".into(),
                    disposition: Disposition::WrittenReplyRequired,
                    reply_due: None,
                    escalated_to: String::new(),
                },
            },
            at,
        )
        .unwrap();
    // Mon 23, Tue 24, Wed 25, Thu 26, Fri 27 February: five working days.
    assert_eq!(store.record().issues[&id].reply_due, Some(day(27, 2, 2026)));

    let report = followup_report(store.record(), day(23, 2, 2026), Lang::En, false);
    assert!(
        report.contains("due 27/02/2026 — 4 working days left"),
        "{report}"
    );
    let report = followup_report(store.record(), day(3, 3, 2026), Lang::En, true);
    assert!(report.contains("OVERDUE by 2 working days"), "{report}");
    let report = followup_report(store.record(), day(3, 3, 2026), Lang::Vi, true);
    assert!(report.contains("QUÁ HẠN 2 ngày làm việc"), "{report}");
}

#[test]
fn followup_lists_what_is_owed_and_closing_takes_it_off() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let run = |args: &[&str]| {
        let output = gavel_command().args(args).output().unwrap();
        // `--overdue` exits 1 when something is overdue (tests/followup_json.rs).
        let expected = if args.contains(&"--overdue") { 1 } else { 0 };
        assert_eq!(
            output.status.code(),
            Some(expected),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let file = path.to_str().unwrap();
    let list = run(&["followup", file, "--lang", "en", "--today", "06/02/2026"]);
    assert!(list.contains("Written replies owed (2)"), "{list}");
    assert!(list.contains("Escalated and redirected (2)"), "{list}");
    assert!(list.contains("Cục Sở hữu trí tuệ"), "{list}");
    assert!(list.contains("Open actions (5)"), "{list}");
    assert!(
        list.contains("due 12/03/2026 — 19 working days left"),
        "{list}"
    );

    run(&[
        "followup",
        file,
        "--close-issue",
        "5",
        "--ref",
        "12/SKHCN-QLCN",
        "--on",
        "02/03/2026",
        "--as",
        "Lan",
    ]);
    run(&[
        "followup",
        file,
        "--close-action",
        "1",
        "--ref",
        "45/SKHCN-VP",
        "--as",
        "Lan",
    ]);
    let list = run(&["followup", file, "--lang", "en", "--today", "06/02/2026"]);
    assert!(list.contains("Written replies owed (1)"), "{list}");
    assert!(list.contains("Open actions (4)"), "{list}");
    let store = Store::open(&path, options("x", Role::Observer)).unwrap();
    let closed = store
        .record()
        .issues
        .values()
        .find(|i| i.number == 5)
        .unwrap();
    assert_eq!(closed.closing_ref, "12/SKHCN-QLCN");
    assert_eq!(closed.closed_on, Some(day(2, 3, 2026)));
    let entries = store.entries_after(0).unwrap();
    assert_eq!(entries.last().unwrap().actor, "Lan");

    // Overdue only: a month after every deadline.
    let overdue = run(&[
        "followup",
        file,
        "--lang",
        "en",
        "--overdue",
        "--today",
        "01/06/2026",
    ]);
    assert!(overdue.contains("OVERDUE"), "{overdue}");
    // The forwarding deadline (12/02/2026) has passed too.
    assert!(
        overdue.contains("Escalated and redirected (2)")
            && overdue.contains("forward by 12/02/2026 — OVERDUE"),
        "{overdue}"
    );
    // A number that does not exist is refused.
    let output = gavel_command()
        .args(["followup", file, "--close-issue", "99", "--ref", "x"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no such issue"));
}

#[test]
fn closing_an_action_already_done_is_refused_and_keeps_its_reference() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let file = path.to_str().unwrap();
    let close = |number: &str, reference: &str, lang: &str| {
        finished(gavel_command().args([
            "followup",
            file,
            "--close-action",
            number,
            "--ref",
            reference,
            "--as",
            "Lan",
            "--lang",
            lang,
        ]))
    };
    let action = |number: usize| {
        let store = Store::open(&path, options("x", Role::Observer)).unwrap();
        let action = store
            .record()
            .actions
            .values()
            .nth(number - 1)
            .unwrap()
            .clone();
        (action, store.record().last_seq)
    };
    // Open, and in progress: both can be closed.
    assert_eq!(action(1).0.status, ActionStatus::Open);
    assert_eq!(action(2).0.status, ActionStatus::InProgress);
    for number in ["1", "2"] {
        let (code, _, stderr) = close(number, "45/SKHCN-VP", "en");
        assert_eq!(code, Some(0), "{stderr}");
    }
    assert_eq!(action(2).0.status, ActionStatus::Done);
    let (before, seq_before) = action(1);
    assert_eq!(before.completion_ref, "45/SKHCN-VP");

    let (code, stdout, stderr) = close("1", "99/SKHCN-VP", "en");
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("A1") && stderr.contains("45/SKHCN-VP") && stderr.contains("already done"),
        "{stderr}"
    );
    let (code, _, stderr) = close("1", "99/SKHCN-VP", "vi");
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("A1") && stderr.contains("45/SKHCN-VP") && stderr.contains("đã xong"),
        "{stderr}"
    );
    // Nothing was written.
    assert_eq!(action(1), (before, seq_before));

    // Done without a reference: giving it one replaces nothing.
    let (third, _) = action(3);
    let mut store = Store::open(&path, options("Lan", Role::Secretary)).unwrap();
    store
        .execute(Command::EditAction {
            id: third.id,
            base_rev: third.rev,
            fields: ActionFields {
                title: third.title.clone(),
                owner: third.owner.clone(),
                issue: third.issue,
                due: third.due,
                status: ActionStatus::Done,
                completion_ref: String::new(),
            },
        })
        .unwrap();
    drop(store);
    let (code, _, stderr) = close("3", "46/SKHCN-VP", "en");
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(action(3).0.completion_ref, "46/SKHCN-VP");
}

#[test]
fn the_followup_list_gives_the_contact_the_minutes_never_show() {
    let dir = tempfile::tempdir().unwrap();
    let path = meeting_path(&dir);
    let fixture = fixture::whole_record(&path);
    let record = fixture.record().clone();
    drop(fixture);
    let contact_of = |name: &str| {
        record
            .participants
            .values()
            .find(|p| p.name == name)
            .unwrap()
            .contact
            .clone()
    };
    let writer = contact_of(fixture::WRITER);
    let speaker = contact_of("Đỗ Thanh Sơn");

    // `gavel followup`: each written reply owed with where it goes, and
    // the letter it answers.
    for (lang, words) in [
        (
            "vi",
            [
                format!("liên hệ: {writer}; văn bản số 15/CV-PK, nhận ngày 28/01/2026"),
                format!("liên hệ: {speaker}\n"),
            ],
        ),
        (
            "en",
            [
                format!("contact: {writer}; their letter No. 15/CV-PK, received on 28/01/2026"),
                format!("contact: {speaker}\n"),
            ],
        ),
    ] {
        let output = gavel_command()
            .args(["followup", "--lang", lang, "--today", "06/02/2026"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(output.status.success());
        let list = String::from_utf8(output.stdout).unwrap();
        for expected in &words {
            assert!(
                list.contains(expected.as_str()),
                "{expected:?} not in:\n{list}"
            );
        }
        // Only those owed something: nobody else's contact.
        let shown = record
            .participants
            .values()
            .filter(|p| list.contains(&p.contact))
            .count();
        assert_eq!(shown, 2, "{list}");
    }

    // The minutes, in both languages and both formats, hold none.
    let store = Store::open(&path, options("reader", Role::Observer)).unwrap();
    let minutes = gavel::export::minutes::Minutes::read(&store).unwrap();
    for lang in [Lang::Vi, Lang::En] {
        let markdown = minutes.markdown(lang);
        let docx = minutes.docx(lang).unwrap();
        let xml = unzipped(&docx);
        for p in record.participants.values() {
            assert!(!markdown.contains(&p.contact), "{}", p.contact);
            assert!(!xml.contains(&p.contact), "{}", p.contact);
        }
        assert!(!markdown.contains(fixture::CONTACT_MARK));
        assert!(!xml.contains(fixture::CONTACT_MARK));
    }
}

/// Every part of a Word document's package, as text, one after the other.
fn unzipped(docx: &[u8]) -> String {
    use std::io::Read;
    let mut package = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut all = String::new();
    for n in 0..package.len() {
        let mut part = package.by_index(n).unwrap();
        let mut text = String::new();
        if part.read_to_string(&mut text).is_ok() {
            all.push_str(&text);
        }
    }
    all
}

/// A meeting planned for 08:00 (Vietnam) on `on`, with `details`' periods
/// and days.
fn meeting_on(dir: &tempfile::TempDir, on: NaiveDate, details: MeetingDetails) -> Store {
    let path = dir.path().join(format!("{on}.gavel"));
    let start = on.and_hms_opt(1, 0, 0).unwrap().and_utc();
    let details = MeetingDetails {
        planned_start: Some(start),
        ..details
    };
    Store::create(
        &path,
        options("chair", Role::Chair),
        details,
        gavel::store::Sharing::Private,
    )
    .unwrap()
}

/// Logs an issue at the meeting and answers it with `disposition`.
fn answered(store: &mut Store, disposition: Disposition, reply_due: Option<NaiveDate>) -> Issue {
    let at = store.record().meeting.details.planned_start.unwrap();
    store.execute_at(issue("Hỏi về lệ phí"), at).unwrap();
    let id = *store.record().issues.keys().last().unwrap();
    let rev = store.record().issues[&id].rev;
    let escalated_to = if disposition == Disposition::Escalated {
        "UBND tỉnh"
    } else {
        ""
    };
    store
        .execute_at(
            Command::AnswerIssue {
                id,
                base_rev: rev,
                fields: AnswerFields {
                    answered_by: None,
                    answer: "Sẽ xử lý".into(),
                    disposition,
                    reply_due,
                    escalated_to: escalated_to.into(),
                },
            },
            at,
        )
        .unwrap();
    store.record().issues[&id].clone()
}

#[test]
fn deadlines_count_the_days_off_and_the_saturday_worked_of_2026() {
    let dir = tempfile::tempdir().unwrap();
    // Nothing configured: the shipped calendar alone. Received Friday
    // 13/2/2026, 10 working days, Tết 14–22/2 off: due 6/3/2026.
    let mut store = meeting_on(
        &dir,
        day(13, 2, 2026),
        MeetingDetails {
            reply_working_days: 10,
            ..details("Đối thoại trước Tết")
        },
    );
    let reply = answered(&mut store, Disposition::WrittenReplyRequired, None);
    assert_eq!(reply.reply_due, Some(day(6, 3, 2026)));
    assert_eq!(reply.forward_due, None);

    // Received Friday 21/8/2026, 5 working days with Saturday 22/8 worked:
    // due Thursday 27/8, for a reply and for forwarding alike.
    let mut store = meeting_on(
        &dir,
        day(21, 8, 2026),
        MeetingDetails {
            reply_working_days: 5,
            ..details("Đối thoại tháng Tám")
        },
    );
    assert_eq!(store.record().meeting.details.forward_working_days, 5);
    let reply = answered(&mut store, Disposition::WrittenReplyRequired, None);
    assert_eq!(reply.reply_due, Some(day(27, 8, 2026)));
    for disposition in [Disposition::Escalated, Disposition::Redirected] {
        let forwarded = answered(&mut store, disposition, None);
        assert_eq!(forwarded.forward_due, Some(day(27, 8, 2026)));
        assert_eq!(forwarded.reply_due, None);
    }
    // A reply date typed on a day off (Monday 31/8, then 1–2/9) moves to
    // the next working day.
    let moved = answered(
        &mut store,
        Disposition::WrittenReplyRequired,
        Some(day(31, 8, 2026)),
    );
    assert_eq!(moved.reply_due, Some(day(3, 9, 2026)));
    // The file holds what the journal says.
    assert_eq!(&replay(&store), store.record());
}

#[test]
fn a_meetings_own_day_off_and_make_up_day_are_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = meeting_on(
        &dir,
        day(2, 3, 2026),
        MeetingDetails {
            reply_working_days: 1,
            forward_working_days: 4,
            holidays: vec![day(3, 3, 2026)],
            make_up_days: vec![day(7, 3, 2026)],
            ..details("Đối thoại tháng Ba")
        },
    );
    // Tuesday 3/3 off: the next day.
    let reply = answered(&mut store, Disposition::WrittenReplyRequired, None);
    assert_eq!(reply.reply_due, Some(day(4, 3, 2026)));
    // 4, 5, 6 and Saturday 7/3, worked.
    let forwarded = answered(&mut store, Disposition::Redirected, None);
    assert_eq!(forwarded.forward_due, Some(day(7, 3, 2026)));
}

#[test]
fn followup_says_when_a_deadline_counts_days_off_not_yet_announced() {
    let dir = tempfile::tempdir().unwrap();
    // Monday 25/1/2027, 10 working days through the estimated Tết 4–10/2.
    let mut store = meeting_on(
        &dir,
        day(25, 1, 2027),
        MeetingDetails {
            reply_working_days: 10,
            ..details("Đối thoại đầu năm 2027")
        },
    );
    let reply = answered(&mut store, Disposition::WrittenReplyRequired, None);
    assert_eq!(reply.reply_due, Some(day(15, 2, 2027)));
    let escalated = answered(&mut store, Disposition::Escalated, None);
    assert_eq!(escalated.forward_due, Some(day(1, 2, 2027)));

    let vi = followup_report(store.record(), day(26, 1, 2027), Lang::Vi, false);
    assert!(
        vi.contains(
            "hạn 15/02/2027 — 9 ngày làm việc còn lại (ước tính: lịch nghỉ chưa được công bố)"
        ),
        "{vi}"
    );
    assert!(
        vi.contains("hạn chuyển 01/02/2027 — 4 ngày làm việc còn lại (ước tính"),
        "{vi}"
    );
    for english in ["due", "forward", "OVERDUE", "estimated", "working", "left"] {
        assert!(!vi.contains(english), "{english:?} in\n{vi}");
    }
    let en = followup_report(store.record(), day(26, 1, 2027), Lang::En, false);
    assert!(
        en.contains(
            "due 15/02/2027 — 9 working days left (estimated: the days off are not announced yet)"
        ),
        "{en}"
    );

    // Announced days: no estimate.
    let mut store = meeting_on(&dir, day(2, 3, 2026), details("Đối thoại tháng Ba"));
    answered(&mut store, Disposition::Escalated, None);
    let vi = followup_report(store.record(), day(3, 3, 2026), Lang::Vi, false);
    assert!(
        vi.contains("hạn chuyển 09/03/2026 — 4 ngày làm việc còn lại\n"),
        "{vi}"
    );
    assert!(!vi.contains("ước tính"), "{vi}");
}

#[test]
fn followup_lists_the_forwarding_owed_with_its_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "chair");
    let file = path.to_str().unwrap();
    let run = |args: &[&str]| {
        let (code, out, err) = finished(gavel_command().arg("followup").arg(file).args(args));
        assert_eq!(code, Some(0), "{err}");
        out
    };
    // The demo meets on Thursday 5/2/2026: forwarding is due 5 working days
    // later, Thursday 12/2.
    let vi = run(&["--lang", "vi", "--today", "06/02/2026"]);
    assert!(
        vi.contains("Đã chuyển cấp trên hoặc cơ quan khác (2)"),
        "{vi}"
    );
    assert_eq!(
        vi.matches("hạn chuyển 12/02/2026 — 4 ngày làm việc còn lại")
            .count(),
        2,
        "{vi}"
    );
    // Friday 13/2 passed it by one working day; Tết does not count.
    let en = run(&["--lang", "en", "--today", "16/02/2026"]);
    assert_eq!(
        en.matches("forward by 12/02/2026 — OVERDUE by 1 working day\n")
            .count(),
        2,
        "{en}"
    );
    // Forwarded: closing the issue takes it off the list.
    let number = {
        let store = Store::open(&path, options("x", Role::Observer)).unwrap();
        store
            .record()
            .issues
            .values()
            .find(|i| i.disposition == Disposition::Escalated)
            .unwrap()
            .number
    };
    let (code, _, err) = finished(gavel_command().args([
        "followup",
        file,
        "--close-issue",
        &number.to_string(),
        "--ref",
        "20/SKHCN-VP",
        "--on",
        "11/02/2026",
        "--as",
        "Lan",
    ]));
    assert_eq!(code, Some(0), "{err}");
    let vi = run(&["--lang", "vi", "--today", "16/02/2026"]);
    assert!(
        vi.contains("Đã chuyển cấp trên hoặc cơ quan khác (1)"),
        "{vi}"
    );
    assert!(
        vi.contains("hạn chuyển 12/02/2026 — QUÁ HẠN 1 ngày làm việc"),
        "{vi}"
    );
}
