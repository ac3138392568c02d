//! The Participants pane: who is invited and who came. Each row: the name
//! (with Ông/Bà when known), position and organization, the delegate group,
//! and the attendance as the record proves it. The title counts the roll
//! call. A row never shows the contact: this screen may be projected.

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::list::{self, ListView};
use super::theme::Theme;
use super::{Ctx, clean};
use crate::app::Pane;
use crate::app::roll_call::attendance_shown;

use crate::domain::text::{truncate_to_words, truncate_words, width};
use crate::domain::*;
use crate::i18n::{Lang, Texts, attendance_word, fill, honorific_word, short_group};

/// From this many columns inside the pane, the rows name the group.
const WITH_GROUP: usize = 48;
/// From this many, the attendance is said in full.
const FULL_WORDS: usize = 64;

pub fn draw(frame: &mut Frame, app: &Ctx, area: Rect) {
    let theme = app.theme;
    let record = app.record();
    let t = app.texts();
    let rows = app.rows(Pane::Participants);
    let counts = record.roll_call();
    let filter = app
        .pane(Pane::Participants)
        .filter
        .as_deref()
        .map_or(0, width);
    // The title's room for the counts: the corners, " 5 ", the name, " — ".
    let room = usize::from(area.width)
        .saturating_sub(2 + 3 + width(t.participants) + 4 + filter)
        .saturating_sub(if filter > 0 { 10 } else { 0 });
    // The bottom border: each count, when it fits beside what the border
    // already says (the pane sharing the corner).
    let beside = if app.shared_corner {
        width(t.actions) + 8
    } else {
        0
    };
    let bottom_room = usize::from(area.width).saturating_sub(4 + beside);
    let bottom = breakdown(&counts, app.lang, bottom_room)
        .map(|text| Line::from(Span::styled(format!(" {text} "), theme.dim())));
    let view = ListView {
        pane: Pane::Participants,
        title: t.participants,
        count: counts.total,
        summary: Some(summary(&counts, t, room)),
        bottom,
    };
    let lang = app.lang;
    list::draw(frame, app, area, view, &rows, |id, width| {
        match record.participants.get(&id) {
            Some(person) => row(record, person, lang, theme, width),
            None => Line::from(""),
        }
    });
}

/// The roll call in as many words as fit: "có mặt 12 · vắng 3 · chưa điểm
/// danh 5 / 22", or shorter.
pub fn summary(counts: &RollCall, t: &Texts, room: usize) -> String {
    let (present, absent, unchecked, total) = (
        counts.present,
        counts.absent_in_all(),
        counts.unchecked,
        counts.total,
    );
    let full = format!(
        "{} {present} · {} {absent} · {} {unchecked} / {total}",
        t.count_present, t.count_absent, t.count_unchecked
    );
    let medium = format!(
        "{} {present} · {} {absent} · {} {unchecked} / {total}",
        t.count_present, t.count_absent, t.count_unchecked_short
    );
    let short = format!("{present}/{total} {}", t.count_present);
    [full, medium]
        .into_iter()
        .find(|text| width(text) <= room)
        .unwrap_or(short)
}

/// Every count of the roll call, which add up to the title's total: "có
/// mặt 12 · vắng có lý do 1 · vắng (VB) 2 · vắng 1 · chưa điểm danh 5", in
/// shorter words when that does not fit in `room`, or nothing.
pub fn breakdown(counts: &RollCall, lang: Lang, room: usize) -> Option<String> {
    let each = [
        (Attendance::Present, counts.present),
        (Attendance::AbsentWithNotice, counts.absent_with_notice),
        (
            Attendance::AbsentWithWrittenSubmission,
            counts.absent_with_written_submission,
        ),
        (Attendance::Absent, counts.absent),
        (Attendance::Invited, counts.unchecked),
    ];
    let said = |short: bool| {
        each.iter()
            .map(|(attendance, count)| {
                // The long word for "with a letter" is a sentence: always short.
                let short = short || *attendance == Attendance::AbsentWithWrittenSubmission;
                format!(
                    "{} {count}",
                    attendance_word(*attendance, false, short, lang)
                )
            })
            .collect::<Vec<_>>()
            .join(" · ")
    };
    // The fewest words, for the bottom border of a narrow pane.
    let fewest = [
        lang.pick("present", "có mặt"),
        lang.pick("notice", "có lý do"),
        lang.pick("wrote", "VB"),
        lang.pick("absent", "vắng"),
        lang.pick("unchecked", "chưa"),
    ]
    .iter()
    .zip(each)
    .map(|(word, (_, count))| format!("{word} {count}"))
    .collect::<Vec<_>>()
    .join(" · ");
    [said(false), said(true), fewest]
        .into_iter()
        .find(|text| width(text) <= room)
}

/// "Ông Nguyễn Văn An · Trưởng phòng, Sở Tư pháp        đơn vị · có mặt".
pub(super) fn row<'a>(
    record: &Record,
    person: &Participant,
    lang: Lang,
    theme: Theme,
    room: usize,
) -> Line<'a> {
    let shown = record.attendance_of(person);
    let word = attendance_shown(record, person, room < FULL_WORDS, lang);
    let mut right = Vec::new();
    if room >= WITH_GROUP {
        right.push(Span::styled(
            format!("{} · ", short_group(person.role, lang)),
            theme.dim(),
        ));
    }
    right.push(Span::styled(
        word.to_string(),
        attendance_style(shown, theme),
    ));
    let name = match person.honorific {
        Some(honorific) => format!(
            "{} {}",
            honorific_word(honorific, lang),
            clean(&person.name)
        ),
        None => clean(&person.name).into_owned(),
    };
    let details = details(person, lang);
    let used: usize = right.iter().map(|s| width(&s.content)).sum();
    let left = room.saturating_sub(used + 1);
    let name = truncate_words(&name, left).into_owned();
    let rest = left.saturating_sub(width(&name));
    // Whole words of them, or none.
    let details = if details.is_empty() || rest < MIN_DETAILS {
        String::new()
    } else {
        truncate_to_words(&format!(" · {details}"), rest)
            .map(Cow::into_owned)
            .unwrap_or_default()
    };
    let gap = room.saturating_sub(used + width(&name) + width(&details));
    let mut spans = vec![
        Span::raw(name),
        Span::styled(details, theme.dim()),
        Span::raw(" ".repeat(gap)),
    ];
    spans.extend(right);
    Line::from(spans)
}

/// Columns below which a person's position and organization are left
/// out rather than shown as a few letters.
const MIN_DETAILS: usize = 8;

/// Position and organization, and how many a group stands for.
/// How many a group stands for comes first: it is what the roll call
/// counts on, and a narrow row cuts the end.
fn details(person: &Participant, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    if person.members > 0 {
        let group = lang.pick("group of {}", "nhóm {} người");
        parts.push(fill(group, &[&person.members.to_string()]));
    }
    parts.extend(
        [&person.position, &person.organization]
            .into_iter()
            .filter(|part| !part.is_empty())
            .map(|part| clean(part).into_owned()),
    );
    parts.join(", ")
}

fn attendance_style(attendance: Attendance, theme: Theme) -> Style {
    match attendance {
        Attendance::Present => theme.good(),
        Attendance::Invited => theme.dim(),
        Attendance::AbsentWithNotice | Attendance::AbsentWithWrittenSubmission => theme.accent(),
        Attendance::Absent => theme.warning(),
    }
}
