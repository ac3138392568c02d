//! The follow-up report (báo cáo kết quả trả lời, xử lý ý kiến phản ánh,
//! kiến nghị sau hội nghị) in the layout of a report (Decree 30/2020/NĐ-CP):
//! the header numbered "…/BC-…" and dated the day of the report, the title
//! "BÁO CÁO" and what it reports on, an opening sentence stating the day it
//! counts to, then (I) the written replies owed, (II) the forwardings owed
//! for what was escalated or redirected, (III) the tasks assigned, each
//! with its deadline and its result (done with the letter, on time or so
//! many working days late; or not done, with the working days left or
//! overdue), (IV) the counts, which add up, and the on-time rate; the
//! closing sentence, then "Nơi nhận" and the chair's signature as in the
//! conclusion notice.
//!
//! Whoever raised an issue is named as the minutes name them (name,
//! position, organization), never with their contact: the report goes to
//! the agency's leadership and its units to check what was done, not to
//! write to the petitioner (`gavel followup` lists the contact for whoever
//! sends the reply), and personal data goes only where it is needed
//! (Decree 13/2023/NĐ-CP on personal data protection).
//!
//! Written from the record as it stands (`Tracking`), not the approved
//! minutes, and dated by the report's day, not by a clock: the same file
//! and day give the same document.

use chrono::{NaiveDate, NaiveTime};

use super::notice::capitalised;
use super::{Builder, Placed, number, piece};
use crate::domain::*;
use crate::export::minutes::model::{Block, Document, Inline, Table, fill};
use crate::export::tracking::{Counts, Owed, State, Tracking};
use crate::i18n::{Label, Lang};

/// The follow-up report of `record` in `lang`, from what `tracking` found.
pub fn followup_report(record: &Record, tracking: &Tracking<'_>, lang: Lang) -> Document {
    let mut b = Builder::new(record, lang);
    let r = ReportWords::of(lang);
    b.official_header("BC", Some(tracking.today));
    let subject = b.subject(r);
    b.push(Block::Title {
        title: r.title,
        subtitle: Some(capitalised(subject)),
    });
    b.report_opening(r, tracking);
    b.replies(r, &tracking.replies);
    b.undecided(r, &tracking.undecided);
    b.forwardings(r, &tracking.forwardings);
    b.report_tasks(r, &tracking.actions);
    b.tracking_summary(r, tracking);
    b.paragraph(fill(r.closing, vec![b.agency_in_sentence()]));
    b.report_signer(r);
    let day = tracking.today.and_time(NaiveTime::MIN);
    let date = day
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
    /// "kết quả trả lời, xử lý … sau Hội nghị …": what the report is on.
    fn subject(&self, r: &ReportWords) -> Inline {
        fill(r.subject, vec![self.meeting_name(r.the_meeting)])
    }

    /// When the meeting was held, by whom; what the report is on and the
    /// day it counts to.
    fn report_opening(&mut self, r: &ReportWords, tracking: &Tracking<'_>) {
        // When and by whom, as the notice says it; the venue is the
        // minutes' business, not the report's ("" leaves it out).
        let held = self.held(r.on, "", r.held, r.the_meeting);
        self.paragraph(held);
        let as_of = Inline::fixed(self.date(tracking.today));
        self.paragraph(fill(r.reports, vec![self.agency_in_sentence(), as_of]));
        if tracking.overdue_only {
            self.paragraph(Inline::fixed(r.overdue_only).italic());
        }
        if tracking.estimated {
            self.paragraph(Inline::fixed(r.estimated).italic());
        }
    }

    /// "Bà Name (position, organization)", or "not recorded".
    fn raised_by(&self, issue: &Issue) -> Inline {
        match issue
            .raised_by
            .and_then(|id| self.record.participants.get(&id))
        {
            Some(p) => self.person_of(p, Placed::Heading).inline(),
            None => Inline::fixed(self.w.not_recorded),
        }
    }

    /// What an issue is about: the procedure concerned, else the first
    /// sentence of its text.
    fn about(&self, issue: &Issue) -> Inline {
        if let Some(procedure) = piece(&issue.procedure) {
            return procedure;
        }
        let first = Inline::typed_lines(&issue.text).into_iter().next();
        let Some(first) = first else {
            return Inline::fixed("");
        };
        let text = first.text();
        match text.find(". ") {
            Some(end) => Inline::typed(&text[..=end]),
            None => first,
        }
    }

    /// The deadline's cell: the date, or nothing.
    fn due_cell(&self, due: Option<NaiveDate>) -> Inline {
        Inline::fixed(due.map(|d| self.date(d)).unwrap_or_default())
    }

    /// "Đã trả lời: văn bản số 345/SKHCN-QLCN ngày 02/03/2026, đúng hạn",
    /// "Chưa trả lời, còn 4 ngày làm việc", "Chưa trả lời, quá hạn 2 ngày
    /// làm việc" (in bold), with the words of `verbs`.
    fn result(&self, r: &ReportWords, verbs: &Verbs, state: &State) -> Inline {
        match state {
            State::Done {
                on,
                reference,
                late_by,
            } => {
                let mut out = Inline::fixed(verbs.done);
                if !reference.is_empty() {
                    out.push(fill(r.letter, vec![Inline::typed(reference)]));
                }
                if let Some(on) = on {
                    out.push_fixed(r.on_day.replace("{}", &self.date(*on)));
                }
                out.push_fixed(", ");
                out.push_fixed(match late_by {
                    0 => r.on_time.to_string(),
                    1 => r.late_one.to_string(),
                    n => r.late.replace("{}", &n.to_string()),
                });
                out
            }
            State::Open { days_left } => {
                let mut out = Inline::fixed(verbs.not_done);
                match days_left {
                    Some(0) => out.push_fixed(r.due_today),
                    Some(1) => out.push_fixed(r.left_one),
                    Some(n) => out.push_fixed(r.left.replace("{}", &n.to_string())),
                    None => {}
                }
                out
            }
            State::Overdue { days } => {
                let overdue = match days {
                    1 => r.overdue_one.to_string(),
                    n => r.overdue.replace("{}", &n.to_string()),
                };
                Inline::fixed(format!("{}{overdue}", verbs.not_done)).bold()
            }
        }
    }

    fn table_or_none(&mut self, header: &[&'static str], rows: Vec<Vec<Inline>>) {
        if rows.is_empty() {
            self.paragraph(Inline::fixed(self.w.none));
        } else {
            self.push(Block::Table(Table {
                header: header.to_vec(),
                rows,
            }));
        }
    }

    /// I. Each issue to answer in writing and its reply.
    fn replies(&mut self, r: &ReportWords, replies: &[Owed<&Issue>]) {
        self.heading(2, r.replies);
        let rows = replies
            .iter()
            .map(|owed| {
                vec![
                    number(owed.item.number),
                    self.raised_by(owed.item),
                    self.about(owed.item),
                    self.due_cell(owed.due),
                    self.result(r, &r.reply, &owed.state),
                ]
            })
            .collect();
        self.table_or_none(&r.replies_header, rows);
    }

    /// The issues still without a way forward, after section I: by number
    /// and who raised them, and what is asked.
    fn undecided(&mut self, r: &ReportWords, undecided: &[&Issue]) {
        if undecided.is_empty() {
            return;
        }
        let mut list = Inline::default();
        for (n, issue) in undecided.iter().enumerate() {
            if n > 0 {
                list.push_fixed("; ");
            }
            list.push_fixed(format!("{} {}", r.number_word, issue.number));
            let person = issue
                .raised_by
                .and_then(|id| self.record.participants.get(&id));
            if let Some(p) = person {
                list.push_fixed(r.of_person);
                list.push(self.person_of(p, Placed::InSentence).inline());
            }
        }
        let template = if undecided.len() == 1 {
            r.undecided_one
        } else {
            r.undecided
        };
        self.paragraph(fill(template, vec![list]));
    }

    /// II. Each issue escalated or redirected: where to, by when, whether
    /// it was forwarded.
    fn forwardings(&mut self, r: &ReportWords, forwardings: &[Owed<&Issue>]) {
        self.heading(2, r.forwardings);
        let rows = forwardings
            .iter()
            .map(|owed| {
                let issue = owed.item;
                let mut to = Inline::fixed(issue.disposition.label(self.lang));
                if let Some(place) = piece(&issue.escalated_to) {
                    to.push_fixed(": ");
                    to.push(place);
                }
                vec![
                    number(issue.number),
                    self.raised_by(issue),
                    self.about(issue),
                    capitalised(to),
                    self.due_cell(owed.due),
                    self.result(r, &r.forward, &owed.state),
                ]
            })
            .collect();
        self.table_or_none(&r.forwardings_header, rows);
    }

    /// III. Each task assigned (cancelled ones left out): who, by when,
    /// done or not.
    fn report_tasks(&mut self, r: &ReportWords, actions: &[Owed<(u32, &Action)>]) {
        self.heading(2, r.tasks);
        let rows = actions
            .iter()
            .map(|owed| {
                let (n, action) = owed.item;
                let verbs = if action.status == ActionStatus::InProgress {
                    &r.task_in_progress
                } else {
                    &r.task
                };
                let result = self.result(r, verbs, &owed.state);
                vec![
                    number(n),
                    Inline::typed(action.title.trim()),
                    piece(&action.owner).unwrap_or_else(|| Inline::fixed(r.no_owner)),
                    self.due_cell(owed.due),
                    result,
                ]
            })
            .collect();
        self.table_or_none(&r.tasks_header, rows);
    }

    /// IV. The counts per kind and in all, and the on-time rate.
    fn tracking_summary(&mut self, r: &ReportWords, tracking: &Tracking<'_>) {
        self.heading(2, r.summary);
        let all = tracking.counts();
        let n = |count: usize| count.to_string();
        let items = if all.total == 1 { r.item_one } else { r.items };
        self.paragraph(Inline::fixed(crate::i18n::fill(
            items,
            &[
                &n(all.total),
                &n(all.done()),
                &n(all.on_time),
                &n(all.late),
                &n(all.open + all.overdue),
                &n(all.open),
                &n(all.overdue),
            ],
        )));
        if tracking.cancelled > 0 {
            let cancelled = if tracking.cancelled == 1 {
                r.cancelled_one
            } else {
                r.cancelled
            };
            self.paragraph(Inline::fixed(
                cancelled.replace("{}", &n(tracking.cancelled)),
            ));
        }
        let row = |label: &'static str, c: Counts| -> Vec<Inline> {
            [c.total, c.on_time, c.late, c.open, c.overdue]
                .into_iter()
                .fold(vec![Inline::fixed(label)], |mut row, count| {
                    row.push(number(count));
                    row
                })
        };
        let total: Vec<Inline> = row(r.total, all).into_iter().map(Inline::bold).collect();
        self.push(Block::Table(Table {
            header: r.summary_header.to_vec(),
            rows: vec![
                row(r.replies_row, tracking.reply_counts()),
                row(r.forwardings_row, tracking.forwarding_counts()),
                row(r.tasks_row, tracking.action_counts()),
                total,
            ],
        }));
        let rate = match all.on_time_per_mille() {
            Some(per_mille) => {
                let mark = if self.lang == Lang::Vi { ',' } else { '.' };
                let percent = format!("{}{mark}{}%", per_mille / 10, per_mille % 10);
                let rate = if all.done() == 1 { r.rate_one } else { r.rate };
                crate::i18n::fill(rate, &[&percent, &n(all.on_time), &n(all.done())])
            }
            None => r.no_rate.to_string(),
        };
        self.paragraph(Inline::fixed(rate));
    }

    /// "Nơi nhận" on the left, the chair's signature on the right.
    fn report_signer(&mut self, r: &ReportWords) {
        let department = crate::domain::text::fold(self.details().agency.trim()).starts_with("so ");
        let leadership = if department {
            r.leadership_of_department
        } else {
            r.leadership
        };
        self.signer(&[leadership, r.units, r.archive]);
    }
}

/// How the result of each kind is told: "Đã trả lời" / "Chưa trả lời".
struct Verbs {
    done: &'static str,
    not_done: &'static str,
}

/// The report's own words; the rest (nation, motto, "Số:", the signature
/// line, "Nơi nhận:", "Không có.") are the minutes'.
struct ReportWords {
    title: &'static str,
    /// "kết quả … sau {hội nghị}": the subtitle.
    subject: &'static str,
    the_meeting: &'static str,
    on: &'static str,
    held: &'static str,
    /// "… {cơ quan} báo cáo kết quả … tính đến ngày {}, như sau:".
    reports: &'static str,
    overdue_only: &'static str,
    estimated: &'static str,
    replies: &'static str,
    replies_header: [&'static str; 5],
    /// "Ngoài ra, … chưa xác định hướng xử lý: {}. Đề nghị …".
    undecided: &'static str,
    undecided_one: &'static str,
    /// "số" and " của " in "số 2 của ông …".
    number_word: &'static str,
    of_person: &'static str,
    forwardings: &'static str,
    forwardings_header: [&'static str; 6],
    tasks: &'static str,
    tasks_header: [&'static str; 5],
    reply: Verbs,
    forward: Verbs,
    task: Verbs,
    letter: &'static str,
    on_day: &'static str,
    on_time: &'static str,
    late: &'static str,
    late_one: &'static str,
    due_today: &'static str,
    left: &'static str,
    left_one: &'static str,
    overdue: &'static str,
    overdue_one: &'static str,
    task_in_progress: Verbs,
    no_owner: &'static str,
    summary: &'static str,
    /// Total, done, on time, late, not done, open, overdue.
    items: &'static str,
    item_one: &'static str,
    cancelled: &'static str,
    cancelled_one: &'static str,
    summary_header: [&'static str; 6],
    replies_row: &'static str,
    forwardings_row: &'static str,
    tasks_row: &'static str,
    total: &'static str,
    /// The rate, on time, done.
    rate: &'static str,
    rate_one: &'static str,
    no_rate: &'static str,
    closing: &'static str,
    leadership_of_department: &'static str,
    leadership: &'static str,
    units: &'static str,
    archive: &'static str,
}

impl ReportWords {
    fn of(lang: Lang) -> &'static ReportWords {
        match lang {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

static VI: ReportWords = ReportWords {
    title: "BÁO CÁO",
    subject: "kết quả trả lời, xử lý ý kiến phản ánh, kiến nghị và thực hiện nhiệm vụ sau {}",
    the_meeting: "hội nghị",
    on: "ngày",
    held: "{} tổ chức {}.",
    reports: "Thực hiện kết luận của chủ trì Hội nghị, {} báo cáo kết quả trả lời, xử lý ý kiến phản ánh, kiến nghị và thực hiện nhiệm vụ sau Hội nghị, tính đến ngày {}, như sau:",
    overdue_only: "Báo cáo này chỉ gồm những việc đã quá hạn mà chưa hoàn thành.",
    estimated: "Số ngày làm việc trong báo cáo này là ước tính: lịch nghỉ của năm chưa được công bố được tính theo dự kiến.",
    replies: "I. TRẢ LỜI BẰNG VĂN BẢN CÁC Ý KIẾN CHƯA TRẢ LỜI TẠI HỘI NGHỊ",
    undecided: "Ngoài ra, các ý kiến sau chưa được trả lời tại Hội nghị và chưa xác định hướng xử lý: {}. Đề nghị xác định hướng xử lý (trả lời bằng văn bản hoặc chuyển cơ quan có thẩm quyền) để theo dõi.",
    undecided_one: "Ngoài ra, ý kiến sau chưa được trả lời tại Hội nghị và chưa xác định hướng xử lý: {}. Đề nghị xác định hướng xử lý (trả lời bằng văn bản hoặc chuyển cơ quan có thẩm quyền) để theo dõi.",
    number_word: "số",
    of_person: " của ",
    replies_header: [
        "Ý kiến số",
        "Người nêu",
        "Nội dung",
        "Hạn trả lời",
        "Kết quả",
    ],
    forwardings: "II. CHUYỂN CẤP TRÊN, CHUYỂN CƠ QUAN CÓ THẨM QUYỀN",
    forwardings_header: [
        "Ý kiến số",
        "Người nêu",
        "Nội dung",
        "Chuyển đến",
        "Hạn chuyển",
        "Kết quả",
    ],
    tasks: "III. THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO",
    tasks_header: [
        "Nhiệm vụ số",
        "Nội dung công việc",
        "Đơn vị, cá nhân thực hiện",
        "Thời hạn",
        "Kết quả",
    ],
    reply: Verbs {
        done: "Đã trả lời",
        not_done: "Chưa trả lời",
    },
    forward: Verbs {
        done: "Đã chuyển",
        not_done: "Chưa chuyển",
    },
    task: Verbs {
        done: "Đã hoàn thành",
        not_done: "Chưa hoàn thành",
    },
    letter: " tại văn bản số {}",
    on_day: " ngày {}",
    on_time: "đúng hạn",
    late: "chậm {} ngày làm việc",
    late_one: "chậm 1 ngày làm việc",
    due_today: ", hết hạn hôm nay",
    left: ", còn {} ngày làm việc",
    left_one: ", còn 1 ngày làm việc",
    overdue: ", quá hạn {} ngày làm việc",
    overdue_one: ", quá hạn 1 ngày làm việc",
    task_in_progress: Verbs {
        done: "Đã hoàn thành",
        not_done: "Đang thực hiện",
    },
    no_owner: "chưa giao",
    summary: "IV. TỔNG HỢP",
    items: "Tổng số {} việc phải theo dõi: đã hoàn thành {} (đúng hạn {}, chậm {}); chưa hoàn thành {} (còn trong hạn {}, quá hạn {}).",
    item_one: "Tổng số {} việc phải theo dõi: đã hoàn thành {} (đúng hạn {}, chậm {}); chưa hoàn thành {} (còn trong hạn {}, quá hạn {}).",
    cancelled: "Không tính {} nhiệm vụ đã hủy.",
    cancelled_one: "Không tính {} nhiệm vụ đã hủy.",
    summary_header: [
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
    rate: "Tỷ lệ hoàn thành đúng hạn: {} ({}/{} việc đã hoàn thành).",
    rate_one: "Tỷ lệ hoàn thành đúng hạn: {} ({}/{} việc đã hoàn thành).",
    no_rate: "Chưa có việc nào hoàn thành.",
    closing: "Trên đây là báo cáo của {} về kết quả trả lời, xử lý ý kiến phản ánh, kiến nghị và thực hiện nhiệm vụ sau Hội nghị./.",
    leadership_of_department: "- Lãnh đạo Sở;",
    leadership: "- Lãnh đạo cơ quan;",
    units: "- Các đơn vị, cá nhân được giao nhiệm vụ;",
    archive: "- Lưu: VT.",
};

static EN: ReportWords = ReportWords {
    title: "REPORT",
    subject: "on the replies to and the handling of the issues raised, and the tasks carried out, after {}",
    the_meeting: "the meeting",
    on: "On",
    held: "{} held {}.",
    reports: "Following up the conclusions of the chair of the meeting, {} reports on the replies to and the handling of the issues raised, and the tasks carried out, after the meeting, as of {}, as follows:",
    overdue_only: "This report holds only what is overdue and not done.",
    estimated: "The working days counted in this report are estimates: the days off of a year not announced yet are counted as expected.",
    replies: "I. WRITTEN REPLIES TO ISSUES NOT ANSWERED AT THE MEETING",
    undecided: "In addition, these issues were not answered at the meeting and have no way forward yet: {}. A way forward (a written reply, or forwarding to the competent authority) should be decided so that they can be followed up.",
    undecided_one: "In addition, this issue was not answered at the meeting and has no way forward yet: {}. A way forward (a written reply, or forwarding to the competent authority) should be decided so that it can be followed up.",
    number_word: "No.",
    of_person: " from ",
    replies_header: ["Issue", "Raised by", "Content", "Reply due", "Result"],
    forwardings: "II. ISSUES ESCALATED OR REDIRECTED TO THE COMPETENT AUTHORITY",
    forwardings_header: [
        "Issue",
        "Raised by",
        "Content",
        "Sent to",
        "Forward by",
        "Result",
    ],
    tasks: "III. TASKS ASSIGNED",
    tasks_header: ["Task", "What", "Assigned to", "Due", "Result"],
    reply: Verbs {
        done: "Replied",
        not_done: "Not replied yet",
    },
    forward: Verbs {
        done: "Forwarded",
        not_done: "Not forwarded yet",
    },
    task: Verbs {
        done: "Done",
        not_done: "Not done yet",
    },
    letter: " by letter No. {}",
    on_day: " on {}",
    on_time: "on time",
    late: "{} working days late",
    late_one: "1 working day late",
    due_today: ", due today",
    left: ", {} working days left",
    left_one: ", 1 working day left",
    overdue: ", overdue by {} working days",
    overdue_one: ", overdue by 1 working day",
    task_in_progress: Verbs {
        done: "Done",
        not_done: "In progress",
    },
    no_owner: "not assigned",
    summary: "IV. SUMMARY",
    items: "{} items followed up: {} done ({} on time, {} late); {} not done ({} within the deadline, {} overdue).",
    item_one: "{} item followed up: {} done ({} on time, {} late); {} not done ({} within the deadline, {} overdue).",
    cancelled: "Not counting {} cancelled tasks.",
    cancelled_one: "Not counting {} cancelled task.",
    summary_header: [
        "Kind",
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
    rate: "Done on time: {} ({} of {} items done).",
    rate_one: "Done on time: {} ({} of {} item done).",
    no_rate: "Nothing is done yet.",
    closing: "This is the report of {} on the replies to and the handling of the issues raised, and the tasks carried out, after the meeting./.",
    leadership_of_department: "- Leadership of the department;",
    leadership: "- Leadership of the agency;",
    units: "- The units and persons assigned;",
    archive: "- Archived: records office.",
};
