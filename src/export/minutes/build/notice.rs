//! The conclusion notice (thông báo kết luận) in the layout of a notice
//! (Decree 30/2020/NĐ-CP): the header as the minutes have it but numbered
//! "…/TB-…", the title "THÔNG BÁO" and "Kết luận của [chức vụ, tên] tại
//! [hội nghị]", an opening sentence (when, where, who held it, who chaired,
//! how many attended), the chair's conclusion as the record holds it, the
//! tasks assigned (what, who, by when; cancelled ones left out), the
//! closing formula, then "Nơi nhận" on the left and the chair's signature
//! on the right.

use std::fmt;

use chrono::NaiveDate;

use super::{Builder, Placed, number, piece};
use crate::domain::text::fold;
use crate::domain::*;
use crate::export::minutes::model::{Block, Document, Inline, Signer, Table, fill};
use crate::i18n::Lang;

/// A notice of the chair's conclusion needs one: the record has none yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoConclusion(pub Lang);

impl fmt::Display for NoConclusion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(NoticeWords::of(self.0).no_conclusion)
    }
}

impl std::error::Error for NoConclusion {}

/// The notice of the meeting in `record`, in `lang`; `NoConclusion` when
/// the chair's conclusion is not recorded (there is nothing to notify).
pub fn notice(record: &Record, lang: Lang) -> Result<Document, NoConclusion> {
    let conclusion = Inline::typed_lines(&record.meeting.conclusion);
    if conclusion.is_empty() {
        return Err(NoConclusion(lang));
    }
    let mut b = Builder::new(record, lang);
    let n = NoticeWords::of(lang);
    b.official_header("TB", None);
    b.push(Block::Title {
        title: n.title,
        subtitle: Some(b.notice_subtitle(n)),
    });
    b.opening(n);
    b.paragraph(Inline::fixed(n.concluded));
    for line in conclusion {
        b.paragraph(line);
    }
    b.tasks(n);
    b.paragraph(fill(n.closing, vec![b.agency_in_sentence()]));
    b.signer(&n.recipients);
    Ok(Document {
        date: b.start(),
        words: b.w,
        blocks: b.blocks,
    })
}

impl Builder<'_> {
    /// The header of a document the agency issues (a notice "TB", a
    /// report "BC"): as the minutes', numbered "Số: …/TB-SKHCN" and dated
    /// `day` (the meeting's when `None`).
    pub(super) fn official_header(&mut self, kind: &str, day: Option<NaiveDate>) {
        let number = Inline::fixed(format!("{} …/{kind}-", self.w.number))
            .then(agency_code(&self.details().doc_number));
        let place_and_date = self.place_and_date(day);
        self.push_header(number, Some(place_and_date));
    }

    /// "Kết luận của Phó Giám đốc Sở Phạm Thanh Tùng tại Hội nghị …".
    fn notice_subtitle(&self, n: &NoticeWords) -> Inline {
        let chair = self.chair.and_then(|id| self.record.participants.get(&id));
        let mut who = Inline::default();
        match chair.and_then(|p| piece(&p.position)) {
            Some(position) => who.push(position.then_fixed(" ")),
            None => who.push_fixed(n.the_chair),
        }
        match chair {
            Some(p) => who.push(Inline::typed(p.name.trim())),
            None => who.push(Inline::typed(
                self.details().chair.split(',').next().unwrap_or("").trim(),
            )),
        }
        fill(n.subtitle, vec![who, self.meeting_name(n.the_meeting)])
    }

    /// When, where, who held the meeting; who chaired; how many attended.
    fn opening(&mut self, n: &NoticeWords) {
        let held = self.held(n.on, n.at, n.held, n.the_meeting);
        self.paragraph(held);
        self.chaired_by(n.chaired_by);
        let present = self.record.roll_call().present as u64;
        let attended = if present == 1 {
            n.attended_one
        } else {
            n.attended
        };
        self.paragraph(fill(attended, vec![Inline::fixed(self.count(present))]));
    }

    /// "Ngày 05/02/2026, tại {venue}, {agency} tổ chức {meeting}.": `on`
    /// before the date, `at` around the venue, `held` around the agency
    /// and the meeting (`the_meeting` when it has no title); what is not
    /// known is left out.
    pub(super) fn held(&self, on: &str, at: &str, held: &str, the_meeting: &str) -> Inline {
        let mut text = Inline::default();
        if let Some(start) = self.start() {
            let day = self.date(self.local(start).date_naive());
            text.push_fixed(format!("{on} {day}, "));
        }
        let venue = self.details().venue.trim();
        if !venue.is_empty() {
            text.push(fill(at, vec![Inline::typed(venue)]));
        }
        let meeting = self.meeting_name(the_meeting);
        text.push(fill(held, vec![self.agency_in_sentence(), meeting]));
        capitalised(text)
    }

    /// The meeting's title as typed, or `the_meeting` when it has none.
    pub(super) fn meeting_name(&self, the_meeting: &str) -> Inline {
        let title = self.details().title.trim();
        if title.is_empty() {
            Inline::fixed(the_meeting)
        } else {
            Inline::typed(title)
        }
    }

    /// "Chủ trì: Ông Phạm Thanh Tùng, Phó Giám đốc Sở.", when the chair is
    /// one of the participants.
    pub(super) fn chaired_by(&mut self, template: &str) {
        let chair = self.chair.and_then(|id| self.record.participants.get(&id));
        if let Some(p) = chair {
            let person = self.person_of(p, Placed::Heading);
            self.paragraph(fill(template, vec![person.introduced()]));
        }
    }

    /// The actions assigned and not cancelled: what, who, by when.
    fn tasks(&mut self, n: &NoticeWords) {
        let rows: Vec<Vec<Inline>> = self
            .record
            .actions
            .values()
            .filter(|a| a.status != ActionStatus::Cancelled)
            .enumerate()
            .map(|(i, a)| {
                let owner = a.owner.trim();
                vec![
                    number(i + 1),
                    Inline::typed(a.title.trim()),
                    if owner.is_empty() {
                        Inline::fixed(n.no_owner)
                    } else {
                        Inline::typed(owner)
                    },
                    Inline::fixed(a.due.map_or_else(|| n.no_due.to_string(), |d| self.date(d))),
                ]
            })
            .collect();
        if rows.is_empty() {
            self.paragraph(Inline::fixed(n.no_tasks));
        } else {
            self.paragraph(Inline::fixed(n.tasks_intro));
            self.push(Block::Table(Table {
                header: n.tasks_header.to_vec(),
                rows,
            }));
        }
    }

    /// The agency inside a sentence. The header writes it in capitals
    /// ("SỞ KHOA HỌC VÀ CÔNG NGHỆ"); a participant's organization that
    /// starts with the same words gives its ordinary spelling ("Sở Khoa
    /// học và Công nghệ"); failing that, as typed.
    pub(super) fn agency_in_sentence(&self) -> Inline {
        let agency = self.details().agency.trim();
        if agency.is_empty() {
            return Inline::fixed("…");
        }
        let folded = fold(agency).to_lowercase();
        let length = agency.chars().count();
        let spelled = self.record.participants.values().find_map(|p| {
            let prefix: String = p.organization.trim().chars().take(length).collect();
            let same = fold(&prefix).to_lowercase() == folded && prefix != agency;
            same.then_some(prefix)
        });
        Inline::typed(spelled.as_deref().unwrap_or(agency))
    }

    /// "Nơi nhận" and its `recipients` on the left; the chair signs on the
    /// right (their position in capitals, or "CHỦ TRÌ", and their name).
    pub(super) fn signer(&mut self, recipients: &[&'static str]) {
        let chair = self.chair.and_then(|id| self.record.participants.get(&id));
        let position = chair
            .and_then(|p| piece(&p.position))
            .map(|p| Inline::typed(&p.text().to_uppercase()))
            .unwrap_or_else(|| Inline::fixed(self.w.sign_chair));
        let name = match chair {
            Some(p) => Inline::typed(p.name.trim()),
            None => Inline::typed(self.details().chair.split(',').next().unwrap_or("").trim()),
        };
        self.push(Block::Signer(Signer {
            recipients_label: self.w.distribution_label,
            recipients: recipients.to_vec(),
            position,
            signature: self.w.signature,
            name,
        }));
    }
}

/// The agency's code in the minutes' number ("BB-SKHCN", "15/BB-SKHCN"
/// give "SKHCN"); "…" when there is none.
pub(super) fn agency_code(doc_number: &str) -> Inline {
    let code = doc_number.trim().rsplit('/').next().unwrap_or("");
    let code = code
        .strip_prefix("BB")
        .unwrap_or(code)
        .trim_start_matches('-')
        .trim();
    if code.is_empty() {
        Inline::fixed("…")
    } else {
        Inline::typed(code)
    }
}

/// The sentence with its first letter in capitals ("tại …" after a
/// missing date).
pub(super) fn capitalised(mut text: Inline) -> Inline {
    if let Some(span) = text.0.first_mut() {
        let mut chars = span.text.chars();
        if let Some(first) = chars.next() {
            span.text = first.to_uppercase().chain(chars).collect();
        }
    }
    text
}

/// The notice's own words; the rest (nation, motto, "Số:", the signature
/// line, "Nơi nhận:") are the minutes'.
struct NoticeWords {
    title: &'static str,
    /// "Kết luận của {chức vụ tên} tại {hội nghị}".
    subtitle: &'static str,
    the_chair: &'static str,
    the_meeting: &'static str,
    on: &'static str,
    at: &'static str,
    held: &'static str,
    chaired_by: &'static str,
    attended: &'static str,
    attended_one: &'static str,
    concluded: &'static str,
    tasks_intro: &'static str,
    tasks_header: [&'static str; 4],
    no_owner: &'static str,
    no_due: &'static str,
    no_tasks: &'static str,
    closing: &'static str,
    recipients: [&'static str; 2],
    no_conclusion: &'static str,
}

impl NoticeWords {
    fn of(lang: Lang) -> &'static NoticeWords {
        match lang {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

static VI: NoticeWords = NoticeWords {
    title: "THÔNG BÁO",
    subtitle: "Kết luận của {} tại {}",
    the_chair: "chủ trì ",
    the_meeting: "hội nghị",
    on: "ngày",
    at: "tại {}, ",
    held: "{} tổ chức {}.",
    chaired_by: "Chủ trì: {}.",
    attended: "Tham dự: {} đại biểu.",
    attended_one: "Tham dự: {} đại biểu.",
    concluded: "Sau khi nghe ý kiến của các đại biểu, chủ trì hội nghị kết luận như sau:",
    tasks_intro: "Giao nhiệm vụ cụ thể như sau:",
    tasks_header: [
        "STT",
        "Nội dung công việc",
        "Đơn vị, cá nhân thực hiện",
        "Thời hạn",
    ],
    no_owner: "chưa giao",
    no_due: "chưa ấn định",
    no_tasks: "Hội nghị không giao nhiệm vụ cụ thể.",
    closing: "{} thông báo để các cơ quan, đơn vị, tổ chức, cá nhân biết, thực hiện./.",
    recipients: [
        "- Các cơ quan, đơn vị, cá nhân được giao nhiệm vụ;",
        "- Lưu: VT.",
    ],
    no_conclusion: "Chưa có kết luận của chủ trì trong biên bản: ghi kết luận trước khi xuất thông báo kết luận.",
};

static EN: NoticeWords = NoticeWords {
    title: "NOTICE",
    subtitle: "Conclusions of {} at {}",
    the_chair: "the chair ",
    the_meeting: "the meeting",
    on: "on",
    at: "at {}, ",
    held: "{} held {}.",
    chaired_by: "Chaired by: {}.",
    attended: "Attended by: {} delegates.",
    attended_one: "Attended by: {} delegate.",
    concluded: "Having heard the delegates, the chair of the meeting concluded as follows:",
    tasks_intro: "The following tasks were assigned:",
    tasks_header: ["No.", "Task", "Assigned to", "Due"],
    no_owner: "not assigned",
    no_due: "not set",
    no_tasks: "No specific tasks were assigned.",
    closing: "{} issues this notice for the agencies, units, organizations and individuals concerned to know and act upon./.",
    recipients: [
        "- The agencies, units and persons assigned;",
        "- Archived: records office.",
    ],
    no_conclusion: "The chair's conclusion is not in the record yet: record it before exporting the conclusion notice.",
};
