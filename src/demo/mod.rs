//! The demo meeting: a dialogue of a provincial Department of Science and
//! Technology with organizations and citizens about its administrative
//! procedures, in Vietnamese, caught in the middle of the dialogue item.
//!
//! Everything is derived from `now`: the meeting started about 80 minutes
//! earlier (on a whole minute), somebody has had the floor for 100 seconds,
//! four people wait for it. The same `now` always gives the same record; no
//! clock is read and nothing is random.
//!
//! People, companies and the plan's number are invented. Procedure names are
//! those in use in the field; the procedure codes follow the national format
//! (`1.00xxxx.000.00.00.Hnn`) but are illustrative, not looked up.
//!
//! The record shows the whole of it: participants with their positions,
//! honorifics, groups and contacts (a citizens' group among them), the
//! chair and the secretary chosen from them, a roll call with every kind of
//! attendance and two walk-ins, notes on the items so far, answers given by
//! named people, written submissions with their letters, and the chair's
//! conclusion begun; `leave_conclusion_draft` leaves its next point being
//! typed, as `gavel demo` opens it.
//!
//! `people` holds who is there and `notes` what the secretary writes
//! (data), `play` writes the demo into a store up to the dialogue,
//! `first_round` and `second_round` the dialogue itself, up to `now`.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Datelike, DurationRound, TimeDelta};

use crate::app::FormKind;
use crate::domain::clock::local_date;
use crate::domain::*;
use crate::session::FOCUS_FIELD;
use crate::store::{OpenOptions, Sharing, Store, StoreError};

mod first_round;
mod notes;
mod people;
mod play;
mod script;
mod second_round;

pub use play::write_demo;

/// How long before `now` the demo meeting started (then rounded down to the
/// minute).
const MINUTES_IN_PROGRESS: i64 = 80;
/// How long the current speaker has had the floor at `now`.
const CURRENT_TURN_SECONDS: i64 = 100;

const TITLE_PREFIX: &str =
    "Hội nghị đối thoại với tổ chức, cá nhân về thủ tục hành chính lĩnh vực khoa học và công nghệ";
const CHAIR_NAME: &str = "Phạm Thanh Tùng";
const SECRETARY_NAME: &str = "Trần Thị Ngọc Hân";

/// The moment the demo meeting started.
fn start_of(now: Timestamp) -> Timestamp {
    let start = now - TimeDelta::minutes(MINUTES_IN_PROGRESS);
    start.duration_trunc(TimeDelta::minutes(1)).unwrap_or(start)
}

/// The demo meeting's details: title, agencies, chair and secretary, venue,
/// legal basis and settings, for a meeting that started about 80 minutes
/// before `now`.
pub fn demo_details(now: Timestamp) -> MeetingDetails {
    let start = start_of(now);
    let mut details = MeetingDetails {
        planned_start: Some(start),
        utc_offset_minutes: 7 * 60,
        ..MeetingDetails::default()
    };
    let day = local_date(&details, start);
    let year = day.year();
    let plan_date = day - TimeDelta::days(28);
    details.title = format!("{TITLE_PREFIX} năm {year}");
    details.superior_agency = "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG".into();
    details.agency = "SỞ KHOA HỌC VÀ CÔNG NGHỆ".into();
    details.chair = CHAIR_NAME.into();
    details.secretary = SECRETARY_NAME.into();
    details.venue = "Hội trường Sở Khoa học và Công nghệ tỉnh Tiền Giang, thành phố Mỹ Tho".into();
    details.place = "Mỹ Tho".into();
    details.legal_basis = format!(
        "Căn cứ Chỉ thị số 13/CT-TTg ngày 10/6/2015 của Thủ tướng Chính phủ về việc tăng cường \
         trách nhiệm của người đứng đầu cơ quan hành chính nhà nước các cấp trong công tác cải \
         cách thủ tục hành chính;\n\
         Căn cứ Quyết định số 2191/QĐ-UBND ngày 24/8/2019 của Ủy ban nhân dân tỉnh Tiền Giang ban \
         hành Kế hoạch triển khai thực hiện Chỉ thị số 13/CT-TTg ngày 10/6/2015 của Thủ tướng \
         Chính phủ;\n\
         Căn cứ Kế hoạch số 12/KH-SKHCN ngày {} của Sở Khoa học và Công nghệ về tổ chức tiếp xúc, \
         đối thoại với cá nhân, tổ chức về thủ tục hành chính, giải quyết thủ tục hành chính năm \
         {year}.",
        plan_date.format("%d/%m/%Y"),
    );
    details.doc_number = "BB-SKHCN".into();
    details.speaking_seconds = 180;
    details.reply_working_days = 20;
    // The days off are gavel's calendar (`workdays::Calendar`): the demo
    // adds none of its own.
    details.holidays = Vec::new();
    details
}

/// Creates `path` with the demo meeting in it. If writing the demo fails,
/// the half-written file is removed again.
pub fn create_demo(path: &Path, options: OpenOptions, now: Timestamp) -> Result<Store, StoreError> {
    // The meeting was prepared the day before.
    let prepared = start_of(now) - TimeDelta::days(1);
    let mut store = Store::create_at(path, options, demo_details(now), Sharing::Private, prepared)?;
    match write_demo(&mut store, now) {
        Ok(()) => Ok(store),
        Err(error) => {
            drop(store);
            for file in [
                path.to_path_buf(),
                sidecar(path, "-wal"),
                sidecar(path, "-shm"),
            ] {
                let _ = fs::remove_file(file);
            }
            Err(error)
        }
    }
}

/// Leaves the next point of the chair's conclusion half typed in the
/// conclusion form of the store's console (a draft, as the console saves
/// each keystroke), so that the console opens the demo with the form
/// showing it. The record is untouched.
pub fn leave_conclusion_draft(store: &mut Store) -> Result<(), StoreError> {
    let rev = store.record().meeting.conclusion_rev;
    let text = format!(
        "{}{}",
        store.record().meeting.conclusion,
        notes::CONCLUSION_TYPING
    );
    store.save_drafts(
        // The key the console opens the conclusion form under.
        &FormKind::Conclusion { base_rev: rev }.key(),
        &[
            (CONCLUSION_FIELD, &text, text.len()),
            (FOCUS_FIELD, CONCLUSION_FIELD, 0),
        ],
    )
}

/// The conclusion form's one field.
pub const CONCLUSION_FIELD: &str = "conclusion";

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
