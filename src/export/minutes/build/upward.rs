//! The report upward (báo cáo tổng hợp phản ánh, kiến nghị vượt thẩm
//! quyền): what the dialogue raised that the agency cannot settle itself,
//! compiled for the authorities that can (Decree 20/2008/NĐ-CP Art. 9: what
//! is beyond the agency's authority is forwarded, within 5 working days by
//! default, see `Issue::forward_due`).
//!
//! The layout is that of a report (báo cáo, Decree 30/2020/NĐ-CP): the
//! header as the notice has it but numbered "…/BC-…", the title "BÁO CÁO"
//! and "Tổng hợp phản ánh, kiến nghị … tại [hội nghị]", "Kính gửi:" the
//! authorities the issues go to, an opening sentence (when, where, who
//! held the meeting, who chaired it, how many issues it recorded), then
//! one part per kind of issue sent on:
//!
//! - I. the issues escalated (chuyển cấp trên): beyond the agency's
//!   authority, for the superior authority to settle;
//! - II. the issues redirected (chuyển cơ quan khác): not a petition about
//!   administrative rules at all (a complaint, a denunciation), for the
//!   agency competent under their own law;
//!
//! each issue under its number in the minutes, with who raised it (as the
//! minutes name people: never their contact), how, its field and procedure
//! when recorded, its content, the answer given at the meeting, where it
//! goes and by when; then the closing formula asking the authorities to
//! settle them, "Nơi nhận" and the chair's signature.

use std::fmt;

use super::Builder;
use crate::domain::text::fold;
use crate::domain::*;
use crate::export::minutes::model::{
    Block, Document, Inline, IssueEntry, Item, fill, labelled, labelled_lines,
};
use crate::i18n::{self, Lang};

/// A report upward needs an issue beyond the agency's authority: the
/// record has none escalated or redirected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NothingToReport(pub Lang);

impl fmt::Display for NothingToReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(UpwardWords::of(self.0).nothing_to_report)
    }
}

impl std::error::Error for NothingToReport {}

/// The parts of the report, in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Beyond the agency's authority: for the superior authority.
    Escalated,
    /// Outside petitions about administrative rules: for the agency
    /// competent under another law.
    Redirected,
}

impl Part {
    const ALL: [Part; 2] = [Part::Escalated, Part::Redirected];

    fn disposition(self) -> Disposition {
        match self {
            Part::Escalated => Disposition::Escalated,
            Part::Redirected => Disposition::Redirected,
        }
    }
}

/// The parts that have issues, each with its issues in the minutes'
/// order; empty when nothing is to be reported.
fn parts<'i>(issues: &[&'i Issue]) -> Vec<(Part, Vec<&'i Issue>)> {
    Part::ALL
        .into_iter()
        .map(|part| {
            let chosen: Vec<&'i Issue> = issues
                .iter()
                .copied()
                .filter(|issue| issue.disposition == part.disposition())
                .collect();
            (part, chosen)
        })
        .filter(|(_, chosen)| !chosen.is_empty())
        .collect()
}

/// Where the issues go, in the report's order, each once (the same
/// authority typed twice with other capitals is one); empty when none is
/// recorded.
fn destinations<'i>(parts: &[(Part, Vec<&'i Issue>)]) -> Vec<&'i str> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for issue in parts.iter().flat_map(|(_, issues)| issues) {
        let to = issue.escalated_to.trim();
        let key = fold(to).to_lowercase();
        if !to.is_empty() && !seen.contains(&key) {
            seen.push(key);
            out.push(to);
        }
    }
    out
}

/// The report upward of the meeting in `record`, in `lang`;
/// `NothingToReport` when no issue is escalated or redirected.
pub fn upward(record: &Record, lang: Lang) -> Result<Document, NothingToReport> {
    let mut b = Builder::new(record, lang);
    let all = b.issues_in_order();
    let parts = parts(&all);
    if parts.is_empty() {
        return Err(NothingToReport(lang));
    }
    let u = UpwardWords::of(lang);
    b.official_header("BC", None);
    b.push(Block::Title {
        title: u.title,
        subtitle: Some(fill(u.subtitle, vec![b.meeting_name(u.the_meeting)])),
    });
    let to = destinations(&parts);
    b.push(Block::Addressees {
        label: u.addressed_to,
        to: if to.is_empty() {
            vec![Inline::fixed(u.no_addressee)]
        } else {
            to.into_iter().map(Inline::typed).collect()
        },
    });
    let held = b.held(u.on, u.at, u.held, u.the_meeting);
    b.paragraph(held);
    b.chaired_by(u.chaired_by);
    b.summary(all.len(), &parts, u);
    for (n, (part, issues)) in parts.iter().enumerate() {
        let (heading, intro) = match part {
            Part::Escalated => (u.escalated_heading, u.escalated_intro),
            Part::Redirected => (u.redirected_heading, u.redirected_intro),
        };
        b.heading(2, &format!("{}. {heading}", ROMAN[n]));
        b.paragraph(Inline::fixed(intro));
        for issue in issues {
            b.reported(issue, u);
        }
    }
    let agency = b.agency_in_sentence();
    b.paragraph(fill(u.closing, vec![agency]));
    b.signer(&u.recipients);
    Ok(Document {
        date: b.start(),
        words: b.w,
        blocks: b.blocks,
    })
}

const ROMAN: [&str; 2] = ["I", "II"];

impl Builder<'_> {
    /// "Hội nghị đã tiếp nhận 7 ý kiến …, trong đó 1 ý kiến vượt thẩm
    /// quyền giải quyết và 1 ý kiến thuộc thẩm quyền của cơ quan khác. Sở
    /// … tổng hợp, báo cáo như sau …:"
    fn summary(&mut self, total: usize, parts: &[(Part, Vec<&Issue>)], u: &UpwardWords) {
        let agency = self.agency_in_sentence();
        let mut text = Inline::fixed(i18n::fill(
            plural(total, u.received),
            &[&self.count(total as u64)],
        ));
        for (n, (part, issues)) in parts.iter().enumerate() {
            text.push_fixed(if n == 0 { u.of_which } else { u.and });
            let forms = match part {
                Part::Escalated => u.beyond_authority,
                Part::Redirected => u.other_authority,
            };
            let count = self.count(issues.len() as u64);
            text.push_fixed(i18n::fill(plural(issues.len(), forms), &[&count]));
        }
        text.push_fixed(". ");
        text.push(fill(u.reports, vec![agency]));
        self.paragraph(text);
    }

    /// One issue sent on: its number in the minutes, then its fields.
    fn reported(&mut self, issue: &Issue, u: &UpwardWords) {
        let number = i18n::fill(self.w.issue, &[&issue.number.to_string()]);
        self.heading(3, &number);
        let entry = self.issue(issue);
        let forward_due = issue.forward_due.map(|due| self.date(due));
        let forwarded = issue.closed_on.map(|on| {
            let mut text = Inline::fixed(i18n::fill(u.forwarded_on, &[&self.date(on)]));
            if !issue.closing_ref.trim().is_empty() {
                text.push_fixed(" (");
                text.push(Inline::typed(issue.closing_ref.trim()));
                text.push_fixed(")");
            }
            text
        });
        let items = self.reported_items(entry, &issue.escalated_to, forward_due, forwarded, u);
        self.push(Block::List(items));
    }

    /// The labelled lines of an issue sent on; a field, a procedure, who
    /// answered, a deadline or a forwarding not on record is left out, not
    /// printed as a blank.
    fn reported_items(
        &self,
        entry: IssueEntry,
        escalated_to: &str,
        forward_due: Option<String>,
        forwarded: Option<Inline>,
        u: &UpwardWords,
    ) -> Vec<Item> {
        let w = self.w;
        let raised_by = match &entry.raised_by {
            Some(person) => person.inline(),
            None => Inline::fixed(w.not_recorded),
        };
        let mut items = vec![
            Item::line(labelled(w.raised_by, raised_by)),
            Item::line(labelled(w.source, entry.source)),
        ];
        for (label, lines) in [(w.field, &entry.field), (w.procedure, &entry.procedure)] {
            if !lines.is_empty() {
                items.push(labelled_lines(label, lines, ""));
            }
        }
        items.push(labelled_lines(w.content, &entry.content, w.not_recorded));
        if let Some(person) = &entry.answered_by {
            items.push(Item::line(labelled(w.answered_by, person.with_position())));
        }
        items.push(labelled_lines(u.view, &entry.answer, u.no_view));
        let to = escalated_to.trim();
        items.push(Item::line(labelled(
            u.destination,
            if to.is_empty() {
                Inline::fixed(u.no_destination)
            } else {
                Inline::typed(to)
            },
        )));
        if let Some(due) = forward_due {
            items.push(Item::line(labelled(u.forward_due, Inline::fixed(due))));
        }
        if let Some(forwarded) = forwarded {
            items.push(Item::line(labelled(u.forwarded, forwarded)));
        }
        items
    }
}

/// `(one, many)`: the form for `n`.
fn plural(n: usize, forms: (&'static str, &'static str)) -> &'static str {
    if n == 1 { forms.0 } else { forms.1 }
}

/// The report's own words; the rest (nation, motto, "Số:", an issue's
/// labels, the signature line, "Nơi nhận:") are the minutes'. A pair is
/// (one, many): Vietnamese says both alike.
struct UpwardWords {
    title: &'static str,
    /// "Tổng hợp phản ánh, kiến nghị … tại {hội nghị}".
    subtitle: &'static str,
    the_meeting: &'static str,
    addressed_to: &'static str,
    no_addressee: &'static str,
    on: &'static str,
    at: &'static str,
    held: &'static str,
    chaired_by: &'static str,
    /// "Hội nghị đã tiếp nhận {} ý kiến …".
    received: (&'static str, &'static str),
    of_which: &'static str,
    and: &'static str,
    /// "{} ý kiến vượt thẩm quyền giải quyết".
    beyond_authority: (&'static str, &'static str),
    other_authority: (&'static str, &'static str),
    /// "{agency} tổng hợp, báo cáo như sau …:".
    reports: &'static str,
    escalated_heading: &'static str,
    escalated_intro: &'static str,
    redirected_heading: &'static str,
    redirected_intro: &'static str,
    view: &'static str,
    no_view: &'static str,
    destination: &'static str,
    no_destination: &'static str,
    forward_due: &'static str,
    forwarded: &'static str,
    forwarded_on: &'static str,
    /// "Trên đây là … {agency} kính đề nghị … xem xét, giải quyết …./.".
    closing: &'static str,
    recipients: [&'static str; 2],
    nothing_to_report: &'static str,
}

impl UpwardWords {
    fn of(lang: Lang) -> &'static UpwardWords {
        match lang {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

static VI: UpwardWords = UpwardWords {
    title: "BÁO CÁO",
    subtitle: "Tổng hợp phản ánh, kiến nghị của tổ chức, cá nhân vượt thẩm quyền giải quyết tại {}",
    the_meeting: "hội nghị",
    addressed_to: "Kính gửi:",
    no_addressee: "Cơ quan có thẩm quyền",
    on: "ngày",
    at: "tại {}, ",
    held: "{} tổ chức {}.",
    chaired_by: "Chủ trì: {}.",
    received: (
        "Hội nghị đã tiếp nhận {} ý kiến phản ánh, kiến nghị của tổ chức, cá nhân",
        "Hội nghị đã tiếp nhận {} ý kiến phản ánh, kiến nghị của tổ chức, cá nhân",
    ),
    of_which: ", trong đó ",
    and: " và ",
    beyond_authority: (
        "{} ý kiến vượt thẩm quyền giải quyết",
        "{} ý kiến vượt thẩm quyền giải quyết",
    ),
    other_authority: (
        "{} ý kiến thuộc thẩm quyền giải quyết của cơ quan khác",
        "{} ý kiến thuộc thẩm quyền giải quyết của cơ quan khác",
    ),
    reports: "{} tổng hợp, báo cáo như sau (số thứ tự các ý kiến theo Biên bản Hội nghị):",
    escalated_heading: "PHẢN ÁNH, KIẾN NGHỊ VƯỢT THẨM QUYỀN",
    escalated_intro: "Các phản ánh, kiến nghị sau đây thuộc thẩm quyền giải quyết của cơ quan cấp trên, đề nghị xem xét, giải quyết:",
    redirected_heading: "NỘI DUNG THUỘC THẨM QUYỀN CỦA CƠ QUAN KHÁC",
    redirected_intro: "Các nội dung sau đây không thuộc phạm vi phản ánh, kiến nghị về quy định hành chính, được chuyển hoặc hướng dẫn tổ chức, cá nhân gửi đến cơ quan có thẩm quyền giải quyết theo quy định của pháp luật:",
    view: "Ý kiến trả lời tại Hội nghị",
    no_view: "chưa trả lời tại Hội nghị",
    destination: "Cơ quan có thẩm quyền",
    no_destination: "chưa xác định",
    forward_due: "Thời hạn chuyển",
    forwarded: "Đã chuyển",
    forwarded_on: "ngày {}",
    closing: "Trên đây là báo cáo tổng hợp phản ánh, kiến nghị của tổ chức, cá nhân vượt thẩm quyền giải quyết tại Hội nghị. {} kính đề nghị Quý cơ quan xem xét, giải quyết theo thẩm quyền và thông báo kết quả để trả lời tổ chức, cá nhân có phản ánh, kiến nghị./.",
    recipients: ["- Như trên;", "- Lưu: VT."],
    nothing_to_report: "Biên bản không có ý kiến nào chuyển cấp trên hoặc chuyển cơ quan khác: không có nội dung để lập báo cáo tổng hợp phản ánh, kiến nghị vượt thẩm quyền.",
};

static EN: UpwardWords = UpwardWords {
    title: "REPORT",
    subtitle: "Compilation of the issues raised by organizations and individuals at {} that are beyond the organizing agency's authority",
    the_meeting: "the meeting",
    addressed_to: "To:",
    no_addressee: "The competent authorities",
    on: "on",
    at: "at {}, ",
    held: "{} held {}.",
    chaired_by: "Chaired by: {}.",
    received: (
        "The meeting received {} issue raised by organizations and individuals",
        "The meeting received {} issues raised by organizations and individuals",
    ),
    of_which: ", of which ",
    and: " and ",
    beyond_authority: (
        "{} is beyond the agency's authority",
        "{} are beyond the agency's authority",
    ),
    other_authority: (
        "{} falls within the authority of another agency",
        "{} fall within the authority of other agencies",
    ),
    reports: "{} reports them as follows (issues are numbered as in the minutes of the meeting):",
    escalated_heading: "ISSUES BEYOND THE AGENCY'S AUTHORITY",
    escalated_intro: "The following issues fall within the authority of the superior authorities, which are asked to consider and settle them:",
    redirected_heading: "MATTERS FOR OTHER AGENCIES",
    redirected_intro: "The following matters are not petitions about administrative rules; they were forwarded, or their authors directed, to the agencies competent under the law:",
    view: "Answer given at the meeting",
    no_view: "no answer was given at the meeting",
    destination: "Competent authority",
    no_destination: "not yet determined",
    forward_due: "Forward by",
    forwarded: "Forwarded",
    forwarded_on: "on {}",
    closing: "This concludes the report on the issues raised at the meeting beyond the authority of the organizing agency. {} respectfully asks the authorities addressed to consider and settle them within their authority, and to share the outcome so that the organizations and individuals concerned can be answered./.",
    recipients: ["- As addressed;", "- Archived: records office."],
    nothing_to_report: "No issue in the record is escalated or redirected: there is nothing beyond the agency's authority to report upward.",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::minutes::markdown;

    fn issue(number: u32, disposition: Disposition, escalated_to: &str) -> Issue {
        Issue {
            id: u64::from(number) * 10,
            number,
            raised_by: None,
            agenda_item: None,
            raised_at: Timestamp::default(),
            source: IssueSource::Floor,
            category: IssueCategory::Recommendation,
            field: String::new(),
            procedure: String::new(),
            text: format!("Nội dung ý kiến {number}"),
            letter_number: String::new(),
            letter_date: None,
            answer: String::new(),
            answered_by: None,
            disposition,
            reply_due: None,
            forward_due: None,
            escalated_to: escalated_to.into(),
            closing_ref: String::new(),
            closed_on: None,
            rev: 1,
        }
    }

    fn record(issues: Vec<Issue>) -> Record {
        let mut record = Record::default();
        record.meeting.details.agency = "Sở Khoa học và Công nghệ".into();
        for issue in issues {
            record.issues.insert(issue.id, issue);
        }
        record
    }

    fn report(record: &Record, lang: Lang) -> String {
        markdown::render(&upward(record, lang).expect("something to report"))
    }

    #[test]
    fn escalated_issues_come_first_then_redirected_ones_each_in_the_minutes_order() {
        let issues = [
            issue(1, Disposition::Redirected, ""),
            issue(2, Disposition::Answered, ""),
            issue(3, Disposition::Escalated, "Cục A"),
            issue(4, Disposition::WrittenReplyRequired, ""),
            issue(5, Disposition::Escalated, "Cục B"),
            issue(6, Disposition::Withdrawn, ""),
            issue(7, Disposition::Open, ""),
        ];
        let all: Vec<&Issue> = issues.iter().collect();
        let chosen: Vec<(Part, Vec<u32>)> = parts(&all)
            .into_iter()
            .map(|(part, issues)| (part, issues.iter().map(|i| i.number).collect()))
            .collect();
        assert_eq!(
            chosen,
            [(Part::Escalated, vec![3, 5]), (Part::Redirected, vec![1])]
        );

        let text = report(&record(issues.to_vec()), Lang::Vi);
        let at = |what: &str| {
            text.find(what)
                .unwrap_or_else(|| panic!("{what:?} not in:\n{text}"))
        };
        assert!(at("## I. PHẢN ÁNH, KIẾN NGHỊ VƯỢT THẨM QUYỀN") < at("### Ý kiến số 3"));
        assert!(at("### Ý kiến số 3") < at("### Ý kiến số 5"));
        assert!(at("### Ý kiến số 5") < at("## II. NỘI DUNG THUỘC THẨM QUYỀN"));
        assert!(at("## II. NỘI DUNG THUỘC THẨM QUYỀN") < at("### Ý kiến số 1"));
        for left_out in [2, 4, 6, 7] {
            assert!(!text.contains(&format!("Ý kiến số {left_out}\n")), "{text}");
        }
        assert!(
            text.contains(
                "Hội nghị đã tiếp nhận 7 ý kiến phản ánh, kiến nghị của tổ chức, cá nhân, trong \
                 đó 2 ý kiến vượt thẩm quyền giải quyết và 1 ý kiến thuộc thẩm quyền giải quyết \
                 của cơ quan khác."
            ),
            "{text}"
        );
        assert!(text.contains("Kính gửi:\n\n- Cục A;\n- Cục B.\n"), "{text}");
    }

    #[test]
    fn with_only_redirected_issues_their_part_is_the_first() {
        let text = report(
            &record(vec![issue(2, Disposition::Redirected, "Thanh tra tỉnh")]),
            Lang::En,
        );
        assert!(text.contains("## I. MATTERS FOR OTHER AGENCIES"), "{text}");
        assert!(!text.contains("## II."), "{text}");
        assert!(!text.contains("BEYOND THE AGENCY"), "{text}");
        assert!(text.contains("To: Thanh tra tỉnh.\n"), "{text}");
        assert!(
            text.contains(
                "The meeting received 1 issue raised by organizations and individuals, of which \
                 1 falls within the authority of another agency."
            ),
            "{text}"
        );
    }

    #[test]
    fn nothing_escalated_or_redirected_is_nothing_to_report() {
        let record = record(vec![
            issue(1, Disposition::Answered, ""),
            issue(2, Disposition::WrittenReplyRequired, ""),
        ]);
        for lang in [Lang::Vi, Lang::En] {
            let error = upward(&record, lang).err();
            assert_eq!(error, Some(NothingToReport(lang)));
        }
        assert!(upward(&Record::default(), Lang::Vi).is_err());
        assert!(
            NothingToReport(Lang::Vi)
                .to_string()
                .starts_with("Biên bản không có ý kiến nào chuyển cấp trên")
        );
    }

    #[test]
    fn destinations_are_named_once_in_the_order_of_the_report() {
        let issues = [
            issue(1, Disposition::Redirected, "Thanh tra tỉnh"),
            issue(2, Disposition::Escalated, " Cục Sở hữu trí tuệ "),
            issue(3, Disposition::Escalated, "cục sở hữu trí tuệ"),
            issue(4, Disposition::Redirected, ""),
        ];
        let all: Vec<&Issue> = issues.iter().collect();
        assert_eq!(
            destinations(&parts(&all)),
            ["Cục Sở hữu trí tuệ", "Thanh tra tỉnh"]
        );
        let none = [issue(4, Disposition::Redirected, "")];
        let all: Vec<&Issue> = none.iter().collect();
        assert!(destinations(&parts(&all)).is_empty());
        let text = report(&record(none.to_vec()), Lang::Vi);
        assert!(
            text.contains("Kính gửi: Cơ quan có thẩm quyền.\n"),
            "{text}"
        );
        assert!(
            text.contains("- **Cơ quan có thẩm quyền:** chưa xác định\n"),
            "{text}"
        );
    }

    #[test]
    fn what_is_not_recorded_is_left_out_not_printed_as_a_blank() {
        let bare = issue(1, Disposition::Escalated, "Cục A");
        let text = report(&record(vec![bare.clone()]), Lang::Vi);
        for label in [
            "Lĩnh vực:",
            "Thủ tục hành chính:",
            "Người trả lời:",
            "Thời hạn chuyển:",
            "Đã chuyển:",
        ] {
            assert!(!text.contains(label), "{label:?} in:\n{text}");
        }
        assert!(!text.contains(":** …"), "{text}");
        assert!(
            text.contains("- **Ý kiến trả lời tại Hội nghị:** chưa trả lời tại Hội nghị\n"),
            "{text}"
        );

        let full = Issue {
            field: "Sở hữu trí tuệ".into(),
            procedure: "Đăng ký nhãn hiệu".into(),
            answer: "Sở tiếp thu.".into(),
            forward_due: chrono::NaiveDate::from_ymd_opt(2026, 2, 12),
            closed_on: chrono::NaiveDate::from_ymd_opt(2026, 2, 10),
            closing_ref: "12/SKHCN-VP".into(),
            ..bare
        };
        let text = report(&record(vec![full]), Lang::Vi);
        for line in [
            "- **Lĩnh vực:** Sở hữu trí tuệ\n",
            "- **Thủ tục hành chính:** Đăng ký nhãn hiệu\n",
            "- **Ý kiến trả lời tại Hội nghị:** Sở tiếp thu.\n",
            "- **Cơ quan có thẩm quyền:** Cục A\n",
            "- **Thời hạn chuyển:** 12/02/2026\n",
            "- **Đã chuyển:** ngày 10/02/2026 (12/SKHCN-VP)\n",
        ] {
            assert!(text.contains(line), "{line:?} not in:\n{text}");
        }
    }
}
