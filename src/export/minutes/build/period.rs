//! A period's report on the dialogues (báo cáo kết quả tổ chức hội nghị
//! đối thoại và trả lời, xử lý phản ánh, kiến nghị — tháng, quý, 6 tháng,
//! 9 tháng, năm) in the layout of a report (Decree 30/2020/NĐ-CP), as the
//! follow-up report is laid out: the header numbered "…/BC-…" and dated the
//! day counted to, "BÁO CÁO" and what it reports on, then (I) the meetings
//! held, (II) the petitions received by field, procedure, kind and way
//! received, (III) how they were handled (dispositions, outcomes, the
//! written replies, forwardings and tasks on time or late, the on-time
//! rate), (IV) what is overdue; the closing sentence, "Nơi nhận" and the
//! head of the agency's signature, name left to write in.
//!
//! The header's agency, its superior agency, place and number code are
//! those of the latest meeting in the period (a department's meetings
//! share them; `Report::issuer`). Whoever raised a petition is not named: the report counts,
//! the register lists.

use chrono::NaiveTime;

use super::notice::capitalised;
use super::{Builder, number};
use crate::domain::*;
use crate::export::minutes::model::{Block, Document, Inline, Signer, Table, fill};
use crate::i18n::{Label, Lang};
use crate::register::{Report, Tally};

/// The report in `lang`; `period` its name ("quý I năm 2026"), `None`
/// when every meeting given is covered.
pub fn period_report(report: &Report<'_>, period: Option<&str>, lang: Lang) -> Document {
    let mut header = Record::default();
    if let Some(issuer) = report.issuer {
        header.meeting.details = issuer.details.clone();
    }
    let mut b = Builder::new(&header, lang);
    let p = PeriodWords::of(lang);
    b.official_header("BC", Some(report.today));
    let when = period.map_or_else(|| p.all_given.to_string(), str::to_string);
    b.push(Block::Title {
        title: p.title,
        subtitle: Some(capitalised(Inline::fixed(p.subject.replace("{}", &when)))),
    });
    let as_of = Inline::fixed(b.date(report.today));
    b.paragraph(fill(
        p.reports,
        vec![b.agency_in_sentence(), Inline::fixed(when), as_of],
    ));
    b.meetings_held(p, report);
    b.received(p, report);
    b.handled(p, report);
    b.overdue_list(p, report);
    b.paragraph(fill(p.closing, vec![b.agency_in_sentence()]));
    b.push(Block::Signer(Signer {
        recipients_label: b.w.distribution_label,
        recipients: p.recipients.to_vec(),
        position: Inline::fixed(p.signer),
        signature: b.w.signature,
        name: Inline::default(),
    }));
    let date = report
        .today
        .and_time(NaiveTime::MIN)
        .and_local_timezone(crate::domain::clock::offset(b.details()))
        .single()
        .map(|at| at.to_utc());
    Document {
        date,
        words: b.w,
        blocks: b.blocks,
    }
}

impl Builder<'_> {
    fn count_table(&mut self, header: [&'static str; 2], rows: Vec<(Inline, usize)>) {
        if rows.is_empty() {
            self.paragraph(Inline::fixed(self.w.none));
            return;
        }
        let total: usize = rows.iter().map(|(_, n)| n).sum();
        let mut rows: Vec<Vec<Inline>> = rows
            .into_iter()
            .map(|(name, n)| vec![name, number(n)])
            .collect();
        rows.push(vec![
            Inline::fixed(PeriodWords::of(self.lang).total).bold(),
            number(total).bold(),
        ]);
        self.push(Block::Table(Table {
            header: header.to_vec(),
            rows,
        }));
    }

    /// I. The meetings held: how many, each with its day and petitions.
    fn meetings_held(&mut self, p: &PeriodWords, report: &Report<'_>) {
        self.heading(2, p.meetings);
        let n = report.meetings.len().to_string();
        let petitions = report.petitions.to_string();
        self.paragraph(Inline::fixed(crate::i18n::fill(p.held, &[&n, &petitions])));
        if report.meetings.is_empty() {
            return;
        }
        let rows = report
            .meetings
            .iter()
            .enumerate()
            .map(|(i, (m, count))| {
                let title = m.details.title.trim();
                vec![
                    number(i + 1),
                    if title.is_empty() {
                        Inline::fixed(p.untitled)
                    } else {
                        Inline::typed(title)
                    },
                    Inline::fixed(m.day.map(|d| self.date(d)).unwrap_or_default()),
                    number(*count),
                ]
            })
            .collect();
        self.push(Block::Table(Table {
            header: p.meetings_header.to_vec(),
            rows,
        }));
    }

    /// II. The petitions received, counted by field, procedure, kind and
    /// the way they came in.
    fn received(&mut self, p: &PeriodWords, report: &Report<'_>) {
        self.heading(2, p.received);
        let named = |list: &[crate::register::counts::Named]| -> Vec<(Inline, usize)> {
            list.iter()
                .map(|n| {
                    let name = match &n.name {
                        Some(name) => Inline::typed(name),
                        None => Inline::fixed(p.not_recorded),
                    };
                    (name, n.count)
                })
                .collect()
        };
        self.heading(3, p.by_field);
        self.count_table(p.field_header, named(&report.by_field));
        self.heading(3, p.by_procedure);
        self.count_table(p.procedure_header, named(&report.by_procedure));
        self.heading(3, p.by_category);
        let lang = self.lang;
        let categories = report
            .by_category
            .iter()
            .map(|(c, n)| (Inline::fixed(capitalised_word(c.label(lang))), *n))
            .collect();
        self.count_table(p.category_header, categories);
        let sources = report
            .by_source
            .iter()
            .map(|(s, n)| (Inline::fixed(capitalised_word(s.label(lang))), *n))
            .collect();
        self.heading(3, p.by_source);
        self.count_table(p.source_header, sources);
    }

    /// III. How they were handled.
    fn handled(&mut self, p: &PeriodWords, report: &Report<'_>) {
        let lang = self.lang;
        self.heading(2, p.handled);
        self.heading(3, p.by_disposition);
        let dispositions = report
            .by_disposition
            .iter()
            .map(|(d, n)| (Inline::fixed(capitalised_word(d.label(lang))), *n))
            .collect();
        self.count_table(p.disposition_header, dispositions);
        self.heading(3, p.by_status);
        let statuses = report
            .by_status
            .iter()
            .map(|(s, n)| (Inline::fixed(capitalised_word(s.word(lang))), *n))
            .collect();
        self.count_table(p.status_header, statuses);
        self.heading(3, p.follow_up);
        let row = |label: &'static str, t: Tally| -> Vec<Inline> {
            [t.total, t.on_time, t.late, t.pending, t.overdue]
                .into_iter()
                .fold(vec![Inline::fixed(label)], |mut row, n| {
                    row.push(number(n));
                    row
                })
        };
        let all = report.replies.plus(report.forwardings).plus(report.tasks);
        let total: Vec<Inline> = row(p.total, all).into_iter().map(Inline::bold).collect();
        self.push(Block::Table(Table {
            header: p.follow_up_header.to_vec(),
            rows: vec![
                row(p.replies_row, report.replies),
                row(p.forwardings_row, report.forwardings),
                row(p.tasks_row, report.tasks),
                total,
            ],
        }));
        let rate = match report.replies.on_time_per_mille() {
            Some(per_mille) => {
                let percent = percent(per_mille, lang);
                let on_time = report.replies.on_time.to_string();
                let done = report.replies.done().to_string();
                crate::i18n::fill(p.rate, &[&percent, &on_time, &done])
            }
            None => p.no_rate.to_string(),
        };
        self.paragraph(Inline::fixed(rate));
    }

    /// IV. Everything overdue: the log's number, the meeting's day, what
    /// it is about, who owes it, the deadline, how far past it.
    fn overdue_list(&mut self, p: &PeriodWords, report: &Report<'_>) {
        self.heading(2, p.overdue);
        if report.overdue.is_empty() {
            self.paragraph(Inline::fixed(p.nothing_overdue));
            return;
        }
        let lang = self.lang;
        let rows = report
            .overdue
            .iter()
            .map(|o| {
                let number_cell = match o.log_number {
                    Some(n) => number(n),
                    None => Inline::fixed(format!("{} {}", p.task, o.number)),
                };
                let mut about = Inline::fixed(capitalised_word(o.kind.word(lang)));
                if !o.about.trim().is_empty() {
                    about.push_fixed(": ");
                    about.push(Inline::typed(o.about.trim()));
                }
                let days = o.judged.days.unwrap_or(0);
                vec![
                    number_cell,
                    Inline::fixed(o.meeting.day.map(|d| self.date(d)).unwrap_or_default()),
                    about,
                    if o.owner.trim().is_empty() {
                        Inline::fixed(p.no_owner)
                    } else {
                        Inline::typed(o.owner.trim())
                    },
                    Inline::fixed(o.due.map(|d| self.date(d)).unwrap_or_default()),
                    number(days),
                ]
            })
            .collect();
        self.push(Block::Table(Table {
            header: p.overdue_header.to_vec(),
            rows,
        }));
    }
}

/// "66,7%" in Vietnamese, "66.7%" in English.
fn percent(per_mille: u64, lang: Lang) -> String {
    let mark = if lang == Lang::Vi { ',' } else { '.' };
    format!("{}{mark}{}%", per_mille / 10, per_mille % 10)
}

fn capitalised_word(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The report's own words; the rest are the minutes'.
struct PeriodWords {
    title: &'static str,
    /// "kết quả … {kỳ}".
    subject: &'static str,
    all_given: &'static str,
    /// The agency, the period, the day counted to.
    reports: &'static str,
    meetings: &'static str,
    /// Meetings, petitions.
    held: &'static str,
    untitled: &'static str,
    meetings_header: [&'static str; 4],
    received: &'static str,
    by_field: &'static str,
    field_header: [&'static str; 2],
    by_procedure: &'static str,
    procedure_header: [&'static str; 2],
    by_category: &'static str,
    category_header: [&'static str; 2],
    by_source: &'static str,
    source_header: [&'static str; 2],
    not_recorded: &'static str,
    handled: &'static str,
    by_disposition: &'static str,
    disposition_header: [&'static str; 2],
    by_status: &'static str,
    status_header: [&'static str; 2],
    follow_up: &'static str,
    follow_up_header: [&'static str; 6],
    replies_row: &'static str,
    forwardings_row: &'static str,
    tasks_row: &'static str,
    total: &'static str,
    /// The rate, on time, done.
    rate: &'static str,
    no_rate: &'static str,
    overdue: &'static str,
    nothing_overdue: &'static str,
    overdue_header: [&'static str; 6],
    task: &'static str,
    no_owner: &'static str,
    closing: &'static str,
    recipients: [&'static str; 3],
    signer: &'static str,
}

impl PeriodWords {
    fn of(lang: Lang) -> &'static PeriodWords {
        match lang {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

static VI: PeriodWords = PeriodWords {
    title: "BÁO CÁO",
    subject: "kết quả tổ chức hội nghị đối thoại và trả lời, xử lý phản ánh, kiến nghị {}",
    all_given: "của các hội nghị đã tổ chức",
    reports: "{} báo cáo kết quả tổ chức hội nghị đối thoại và trả lời, xử lý phản ánh, kiến nghị {}, tính đến ngày {}, như sau:",
    meetings: "I. CÁC HỘI NGHỊ ĐÃ TỔ CHỨC",
    held: "Trong kỳ báo cáo, đã tổ chức {0} hội nghị, tiếp nhận {1} ý kiến phản ánh, kiến nghị.",
    untitled: "Hội nghị đối thoại",
    meetings_header: ["STT", "Hội nghị", "Ngày tổ chức", "Số ý kiến"],
    received: "II. Ý KIẾN PHẢN ÁNH, KIẾN NGHỊ TIẾP NHẬN",
    by_field: "1. Theo lĩnh vực",
    field_header: ["Lĩnh vực", "Số ý kiến"],
    by_procedure: "2. Theo thủ tục hành chính",
    procedure_header: ["Thủ tục hành chính", "Số ý kiến"],
    by_category: "3. Theo loại ý kiến",
    category_header: ["Loại ý kiến", "Số ý kiến"],
    by_source: "4. Theo hình thức tiếp nhận",
    source_header: ["Hình thức", "Số ý kiến"],
    not_recorded: "Chưa ghi",
    handled: "III. KẾT QUẢ TRẢ LỜI, XỬ LÝ",
    by_disposition: "1. Theo hướng xử lý",
    disposition_header: ["Hướng xử lý", "Số ý kiến"],
    by_status: "2. Theo tình trạng",
    status_header: ["Tình trạng", "Số ý kiến"],
    follow_up: "3. Trả lời bằng văn bản, chuyển cơ quan có thẩm quyền và thực hiện nhiệm vụ",
    follow_up_header: [
        "Nội dung",
        "Tổng số",
        "Hoàn thành đúng hạn",
        "Hoàn thành chậm",
        "Chưa hoàn thành, còn trong hạn",
        "Chưa hoàn thành, quá hạn",
    ],
    replies_row: "Trả lời bằng văn bản",
    forwardings_row: "Chuyển cấp trên, chuyển cơ quan có thẩm quyền",
    tasks_row: "Nhiệm vụ được giao",
    total: "Cộng",
    rate: "Tỷ lệ trả lời bằng văn bản đúng hạn: {} ({}/{} ý kiến đã trả lời).",
    no_rate: "Chưa có ý kiến nào được trả lời bằng văn bản.",
    overdue: "IV. NHỮNG VIỆC QUÁ HẠN",
    nothing_overdue: "Không có việc nào quá hạn.",
    overdue_header: [
        "Số thứ tự",
        "Ngày hội nghị",
        "Nội dung",
        "Đơn vị, cá nhân thực hiện",
        "Thời hạn",
        "Số ngày làm việc quá hạn",
    ],
    task: "Nhiệm vụ",
    no_owner: "Chưa giao",
    closing: "Trên đây là báo cáo của {} về kết quả tổ chức hội nghị đối thoại và trả lời, xử lý phản ánh, kiến nghị./.",
    recipients: [
        "- Lãnh đạo cơ quan;",
        "- Các đơn vị thuộc cơ quan;",
        "- Lưu: VT.",
    ],
    signer: "THỦ TRƯỞNG CƠ QUAN",
};

static EN: PeriodWords = PeriodWords {
    title: "REPORT",
    subject: "on the dialogue meetings held and the petitions answered and handled, {}",
    all_given: "at the meetings held",
    reports: "{} reports on the dialogue meetings held and the petitions answered and handled, {}, as of {}, as follows:",
    meetings: "I. MEETINGS HELD",
    held: "In the period, {0} {0:meeting was|meetings were} held and {1} {1:petition was|petitions were} received.",
    untitled: "Dialogue meeting",
    meetings_header: ["No.", "Meeting", "Held on", "Petitions"],
    received: "II. PETITIONS RECEIVED",
    by_field: "1. By field",
    field_header: ["Field", "Petitions"],
    by_procedure: "2. By administrative procedure",
    procedure_header: ["Procedure", "Petitions"],
    by_category: "3. By kind",
    category_header: ["Kind", "Petitions"],
    by_source: "4. By the way received",
    source_header: ["Received", "Petitions"],
    not_recorded: "Not recorded",
    handled: "III. HOW THEY WERE HANDLED",
    by_disposition: "1. By disposition",
    disposition_header: ["Disposition", "Petitions"],
    by_status: "2. By status",
    status_header: ["Status", "Petitions"],
    follow_up: "3. Written replies, forwardings and tasks",
    follow_up_header: [
        "Item",
        "Total",
        "Done on time",
        "Done late",
        "Not done, within the deadline",
        "Not done, overdue",
    ],
    replies_row: "Written replies",
    forwardings_row: "Escalated or redirected",
    tasks_row: "Tasks assigned",
    total: "Total",
    rate: "Written replies on time: {} ({} of {} replied).",
    no_rate: "No written reply has been sent yet.",
    overdue: "IV. OVERDUE",
    nothing_overdue: "Nothing is overdue.",
    overdue_header: [
        "No.",
        "Meeting held on",
        "Subject",
        "Assigned to",
        "Due",
        "Working days overdue",
    ],
    task: "Task",
    no_owner: "Not assigned",
    closing: "This is the report of {} on the dialogue meetings held and the petitions answered and handled./.",
    recipients: [
        "- The agency's leadership;",
        "- The agency's units;",
        "- Archive: Office.",
    ],
    signer: "HEAD OF THE AGENCY",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::minutes::markdown;
    use crate::register::Status;
    use crate::register::{Filter, Meeting as Held, Period, Petition, Rows, entries};
    use chrono::NaiveDate;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn the_report_counts_and_names_its_period_in_both_languages() {
        let meeting = Held {
            source: "a.gavel".into(),
            details: MeetingDetails {
                title: "Hội nghị đối thoại quý I".into(),
                agency: "Sở Khoa học và Công nghệ".into(),
                doc_number: "BB-SKHCN".into(),
                ..MeetingDetails::default()
            },
            day: Some(d(2, 5)),
        };
        let petition = |number, disposition, due, closed_on| Petition {
            meeting: 0,
            number,
            raised_by: "Lê Văn An".into(),
            organization: "Công ty A".into(),
            source: IssueSource::Floor,
            category: IssueCategory::Recommendation,
            field: "Sở hữu trí tuệ".into(),
            procedure: String::new(),
            text: "Kiến nghị".into(),
            letter_number: String::new(),
            letter_date: None,
            disposition,
            escalated_to: String::new(),
            due,
            closing_ref: String::new(),
            closed_on,
            owners: vec!["Phòng Quản lý chuyên ngành".into()],
        };
        let rows = Rows {
            meetings: vec![meeting],
            petitions: vec![
                petition(1, Disposition::Answered, None, None),
                petition(
                    2,
                    Disposition::WrittenReplyRequired,
                    Some(d(3, 5)),
                    Some(d(3, 2)),
                ),
                petition(3, Disposition::WrittenReplyRequired, Some(d(3, 5)), None),
            ],
            tasks: Vec::new(),
        };
        let today = d(3, 20);
        let all = entries(&rows, today);
        let period = Period::parse("2026-Q1").unwrap();
        let filter = Filter {
            period: Some(period),
            ..Filter::default()
        };
        let report = Report::of(&rows, &all, &filter, today);
        let vi = markdown::render(&period_report(
            &report,
            Some(&period.name(Lang::Vi)),
            Lang::Vi,
        ));
        assert!(vi.contains("quý I năm 2026"), "{vi}");
        assert!(vi.contains("…/BC-SKHCN"), "{vi}");
        assert!(
            vi.contains("đã tổ chức 1 hội nghị, tiếp nhận 3 ý kiến"),
            "{vi}"
        );
        assert!(vi.contains("100,0% (1/1 ý kiến đã trả lời)"), "{vi}");
        assert!(vi.contains("Phòng Quản lý chuyên ngành"), "{vi}");
        assert!(
            !vi.contains("Lê Văn An"),
            "the report counts, it does not name: {vi}"
        );
        let en = markdown::render(&period_report(
            &report,
            Some(&period.name(Lang::En)),
            Lang::En,
        ));
        assert!(en.contains("the first quarter of 2026"), "{en}");
        assert!(en.contains("100.0% (1 of 1 replied)"), "{en}");
        assert_eq!(
            report
                .by_status
                .iter()
                .find(|(s, _)| *s == Status::Overdue)
                .map(|x| x.1),
            Some(1)
        );
    }
}
