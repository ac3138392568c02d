//! The minutes (biên bản) as Markdown: in the Vietnamese official layout
//! (GLOSSARY.md, "The minutes (biên bản) layout") or the same in English.
//!
//! Everything comes from the record, and from the journal only for the
//! changes made after the minutes were approved: no clock, no I/O, so the
//! same record always gives the same bytes. Every piece of text a person
//! typed goes through `markdown::inline`, `cell` or `block_lines`, which
//! sanitise it and keep it from turning into Markdown structure.

mod format;
mod markdown;
mod words;

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

pub use format::{english_full_date, vietnamese_full_date};

use self::format::{clock_time, count, duration, running_date, spelled_time};
use self::markdown::{
    block_lines, cell, centered_table, in_cell, inline, inline_at_start, list_item, table,
};
use self::words::{GROUP_ORDER, Words, group_heading};
use crate::domain::clock::{offset, turn_clock};
use crate::domain::*;
use crate::export::log::describe;
use crate::i18n::{Label, Lang, fill};
use crate::store::JournalEntry;

/// The journal entries the minutes need: those after the approval (shown
/// as corrections). Reading the whole journal of a large meeting costs far
/// more than writing the minutes.
pub fn journal_needed(record: &Record) -> crate::domain::Seq {
    match (record.meeting.minutes, record.meeting.approved_seq) {
        (MinutesState::Approved, Some(approved)) => approved,
        _ => record.last_seq,
    }
}

/// The minutes of the meeting in `record`, in `lang`. `journal` is the
/// meeting's journal (any part of it that includes the entries after the
/// approval); only the entries after the approval are used, as corrections.
pub fn minutes_markdown(record: &Record, journal: &[JournalEntry], lang: Lang) -> String {
    let mut requests_by_item: BTreeMap<Option<Id>, Vec<&SpeakerRequest>> = BTreeMap::new();
    for request in record.requests.values() {
        let item = request
            .agenda_item
            .filter(|id| record.agenda.contains_key(id));
        requests_by_item.entry(item).or_default().push(request);
    }
    let minutes = Minutes {
        record,
        lang,
        w: Words::of(lang),
        requests_by_item,
    };
    let corrections = corrections_after_approval(record, journal);
    let sections = [
        minutes.header(),
        minutes.title(),
        minutes.legal_basis(),
        minutes.time_and_place(),
        minutes.attendance(),
        minutes.proceedings(),
        minutes.conclusions(),
        minutes.closing(corrections.len()),
        minutes.signatures(),
        minutes.corrections(&corrections),
    ];
    join_blocks(sections)
}

/// Journal entries recorded after the minutes were approved.
fn corrections_after_approval<'j>(
    record: &Record,
    journal: &'j [JournalEntry],
) -> Vec<&'j JournalEntry> {
    match (record.meeting.minutes, record.meeting.approved_seq) {
        (MinutesState::Approved, Some(approved)) => {
            journal.iter().filter(|e| e.seq > approved).collect()
        }
        _ => Vec::new(),
    }
}

/// Markdown blocks (each ending in a newline), separated by blank lines;
/// empty ones left out.
fn join_blocks(blocks: impl IntoIterator<Item = String>) -> String {
    blocks
        .into_iter()
        .filter(|block| !block.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn paragraph(text: &str) -> String {
    format!("{text}\n")
}

/// A person's one-line text, or "…" when it is empty.
fn or_ellipsis(text: &str) -> String {
    if text.trim().is_empty() {
        "…".to_string()
    } else {
        inline(text)
    }
}

fn cell_or_ellipsis(text: &str) -> String {
    in_cell(&or_ellipsis(text))
}

struct Minutes<'a> {
    record: &'a Record,
    lang: Lang,
    w: &'static Words,
    /// The requests for the floor per agenda item (`None`: none, or an item
    /// no longer on the agenda), grouped once: a large meeting has tens of
    /// thousands of them and hundreds of items.
    requests_by_item: BTreeMap<Option<Id>, Vec<&'a SpeakerRequest>>,
}

/// Attendance counts.
#[derive(Default)]
struct Tally {
    present: u64,
    absent_written: u64,
    absent: u64,
    not_checked_in: u64,
}

impl<'a> Minutes<'a> {
    fn details(&self) -> &'a MeetingDetails {
        &self.record.meeting.details
    }

    fn local(&self, at: Timestamp) -> DateTime<FixedOffset> {
        at.with_timezone(&offset(self.details()))
    }

    fn time(&self, at: Timestamp) -> String {
        clock_time(self.local(at))
    }

    fn date(&self, date: NaiveDate) -> String {
        running_date(date, self.lang)
    }

    /// When the meeting started, else when it was planned to.
    fn start(&self) -> Option<Timestamp> {
        self.record
            .meeting
            .actual_start
            .or(self.details().planned_start)
    }

    /// The meeting has ended: adjourned or closed. A meeting resumed after
    /// an adjournment keeps its old `actual_end`, so the status decides.
    fn end(&self) -> Option<Timestamp> {
        match self.record.meeting.status {
            MeetingStatus::Adjourned | MeetingStatus::Closed => self.record.meeting.actual_end,
            MeetingStatus::Draft | MeetingStatus::Live => None,
        }
    }

    /// "Name (Organization)", escaped; it may start a list item.
    fn person(&self, id: Option<Id>) -> String {
        match id.and_then(|id| self.record.participants.get(&id)) {
            Some(p) if p.organization.is_empty() => inline_at_start(&p.name),
            Some(p) => format!("{} ({})", inline_at_start(&p.name), inline(&p.organization)),
            None => self.w.not_recorded.to_string(),
        }
    }

    /// "Name, position or organization", escaped: how attendance lists
    /// introduce a person (at the start of a list item).
    fn attendee(p: &Participant) -> String {
        if p.organization.is_empty() {
            inline_at_start(&p.name)
        } else {
            format!("{}, {}", inline_at_start(&p.name), inline(&p.organization))
        }
    }

    fn issue_number(&self, id: Option<Id>) -> Option<u32> {
        id.and_then(|id| self.record.issues.get(&id))
            .map(|issue| issue.number)
    }

    fn issues_in_order(&self) -> Vec<&'a Issue> {
        let mut issues: Vec<&Issue> = self.record.issues.values().collect();
        issues.sort_by_key(|issue| (issue.number, issue.id));
        issues
    }

    // The header ------------------------------------------------------------

    /// Agencies on the left, the nation and its motto on the right, then the
    /// number and the place and date: a two-column table whose first row is
    /// the header row (Markdown tables need one).
    fn header(&self) -> String {
        let d = self.details();
        let superior = cell(&d.superior_agency);
        let nation = format!("**{}**", self.w.nation);
        let agency = format!("**{}**", cell_or_ellipsis(&d.agency));
        let motto = format!("**{}**", self.w.motto);
        let number = format!("{} {}", self.w.number, self.doc_number());
        let place_date = format!("*{}*", self.place_and_date());
        centered_table(
            &[&superior, &nation],
            &[vec![agency, motto], vec![number, place_date]],
        )
    }

    /// "…/BB-SKHCN": the number is given when the minutes are registered,
    /// so it stays "…" unless `doc_number` already holds a whole number
    /// ("15/BB-SKHCN"); with no `doc_number` at all, "…/BB-…".
    fn doc_number(&self) -> String {
        let number = self.details().doc_number.trim();
        if number.is_empty() {
            "…/BB-…".to_string()
        } else if number.contains('/') {
            cell(number)
        } else {
            format!("…/{}", cell(number))
        }
    }

    fn place_and_date(&self) -> String {
        let place = cell_or_ellipsis(&self.details().place);
        let day = self.start().map(|at| self.local(at).date_naive());
        let date = match (day, self.lang) {
            (Some(day), Lang::Vi) => vietnamese_full_date(day),
            (Some(day), Lang::En) => english_full_date(day),
            (None, _) => self.w.unknown_date.to_string(),
        };
        format!("{place}, {date}")
    }

    fn title(&self) -> String {
        let mut out = format!("# {}\n", self.w.title);
        if !self.details().title.is_empty() {
            out.push_str(&format!("\n**{}**\n", inline(&self.details().title)));
        }
        out
    }

    /// One line per line of the legal basis, each starting with "Căn cứ"
    /// in Vietnamese.
    fn legal_basis(&self) -> String {
        let lines = block_lines(&self.details().legal_basis);
        if lines.is_empty() {
            return String::new();
        }
        let mut blocks: Vec<String> = self.w.legal_basis.map(paragraph).into_iter().collect();
        for line in lines {
            let line = match self.w.basis_prefix {
                Some(prefix) if !line.starts_with(prefix) => format!("{prefix} {line}"),
                _ => line,
            };
            blocks.push(paragraph(&format!("*{line}*")));
        }
        join_blocks(blocks)
    }

    fn time_and_place(&self) -> String {
        let w = self.w;
        let when = match (
            self.record.meeting.actual_start,
            self.details().planned_start,
        ) {
            (Some(at), _) => self.starting(w.started_at, at),
            (None, Some(at)) => self.starting(w.planned_at, at),
            (None, None) => "…".to_string(),
        };
        format!(
            "- **{}:** {when}.\n- **{}:** {}.\n- **{}:** {}.\n",
            w.time,
            w.venue,
            or_ellipsis(&self.details().venue),
            w.form,
            w.in_person
        )
    }

    fn starting(&self, template: &str, at: Timestamp) -> String {
        let local = self.local(at);
        fill(
            template,
            &[
                &spelled_time(local, self.lang),
                &self.date(local.date_naive()),
            ],
        )
    }

    // I. Attendance -----------------------------------------------------------

    fn attendance(&self) -> String {
        let chair = self.find_by_name(&self.details().chair);
        let secretary = self.find_by_name(&self.details().secretary);
        let mut blocks = vec![
            format!("## {}\n", self.w.attendance),
            format!(
                "- **{}:** {}.\n- **{}:** {}.\n",
                self.w.chair,
                self.named(&self.details().chair, chair),
                self.w.secretary,
                self.named(&self.details().secretary, secretary),
            ),
            paragraph(&self.attendance_totals()),
        ];
        let others = |p: &&Participant| Some(p.id) != chair && Some(p.id) != secretary;
        let present: Vec<&Participant> = self
            .record
            .participants
            .values()
            .filter(|p| p.attendance == Attendance::Present)
            .filter(others)
            .collect();
        if !present.is_empty() {
            blocks.push(format!("**{}:**\n", self.w.present_delegates));
            for role in GROUP_ORDER {
                let group: Vec<&Participant> =
                    present.iter().copied().filter(|p| p.role == role).collect();
                blocks.push(self.attendee_list(group_heading(role, self.lang), &group));
            }
        }
        for (attendance, heading) in [
            (
                Attendance::AbsentWithWrittenSubmission,
                self.w.absent_written,
            ),
            (Attendance::Absent, self.w.absent),
            (Attendance::Invited, self.w.not_checked_in),
        ] {
            let group: Vec<&Participant> = self
                .record
                .participants
                .values()
                .filter(|p| p.attendance == attendance)
                .collect();
            blocks.push(self.attendee_list(heading, &group));
        }
        join_blocks(blocks)
    }

    /// The chair and the secretary are named in the meeting's details; their
    /// position comes from the list of participants when they are on it.
    fn find_by_name(&self, name: &str) -> Option<Id> {
        if name.is_empty() {
            return None;
        }
        self.record
            .participants
            .values()
            .find(|p| p.name == name)
            .map(|p| p.id)
    }

    fn named(&self, name: &str, participant: Option<Id>) -> String {
        match participant.and_then(|id| self.record.participants.get(&id)) {
            Some(p) => Self::attendee(p),
            None => or_ellipsis(name),
        }
    }

    fn attendance_totals(&self) -> String {
        let mut tally = Tally::default();
        for p in self.record.participants.values() {
            match p.attendance {
                Attendance::Present => tally.present += 1,
                Attendance::AbsentWithWrittenSubmission => tally.absent_written += 1,
                Attendance::Absent => tally.absent += 1,
                Attendance::Invited => tally.not_checked_in += 1,
            }
        }
        let n = |value: u64| count(value, self.lang);
        let mut text = fill(
            self.w.totals,
            &[
                &n(self.record.participants.len() as u64),
                &n(tally.present),
                &n(tally.absent + tally.absent_written),
                &n(tally.absent_written),
            ],
        );
        if tally.not_checked_in > 0 {
            text.push_str(&fill(
                self.w.not_checked_in_count,
                &[&n(tally.not_checked_in)],
            ));
        }
        text.push('.');
        text
    }

    /// "*Heading* (3):" and one line per person; nothing for nobody.
    fn attendee_list(&self, heading: &str, people: &[&Participant]) -> String {
        if people.is_empty() {
            return String::new();
        }
        let mut out = format!(
            "*{heading}* ({}):\n\n",
            count(people.len() as u64, self.lang)
        );
        for p in people {
            out.push_str(&format!("- {}\n", Self::attendee(p)));
        }
        out
    }

    // II. Proceedings ---------------------------------------------------------

    fn proceedings(&self) -> String {
        join_blocks([
            format!("## {}\n", self.w.proceedings),
            self.agenda_table(),
            self.course(),
            self.issues(),
            self.follow_up(),
        ])
    }

    fn agenda_table(&self) -> String {
        let rows: Vec<Vec<String>> = self
            .record
            .agenda_in_order()
            .into_iter()
            .enumerate()
            .map(|(n, item)| {
                vec![
                    (n + 1).to_string(),
                    cell(&item.title),
                    cell(&item.presenter),
                    fill(
                        self.w.planned_minutes,
                        &[&count(u64::from(item.planned_minutes), self.lang)],
                    ),
                    self.actual_times(item),
                ]
            })
            .collect();
        if rows.is_empty() {
            return format!("### {}\n\n{}\n", self.w.agenda, self.w.none);
        }
        format!(
            "### {}\n\n{}",
            self.w.agenda,
            table(&self.w.agenda_header, &rows)
        )
    }

    /// "08:11–08:24 (12 phút 30 giây)", or where the item stands.
    fn actual_times(&self, item: &AgendaItem) -> String {
        match (item.status, item.started_at, item.ended_at) {
            (_, Some(start), Some(end)) => format!(
                "{}–{} ({})",
                self.time(start),
                self.time(end),
                duration(end - start, self.lang)
            ),
            (AgendaStatus::Active, Some(start), None) => {
                fill(self.w.in_progress_since, &[&self.time(start)])
            }
            (AgendaStatus::Skipped, _, _) => self.w.skipped.to_string(),
            _ => self.w.not_yet.to_string(),
        }
    }

    /// What happened under each agenda item that was taken up: who
    /// presented it, and each turn at the floor in the order given.
    fn course(&self) -> String {
        let mut blocks = vec![format!("### {}\n", self.w.course)];
        let items = self.record.agenda_in_order();
        for (n, item) in items.iter().enumerate() {
            if item.started_at.is_none() {
                continue;
            }
            let mut heading = format!("**{}. {}**", n + 1, inline(&item.title));
            if !item.presenter.is_empty() {
                heading.push_str(" — ");
                heading.push_str(&fill(self.w.presented_by, &[&inline(&item.presenter)]));
            }
            blocks.push(paragraph(&heading));
            blocks.push(self.turns(Some(item.id)));
        }
        if self.requests_by_item.contains_key(&None) {
            blocks.push(paragraph(&format!("**{}**", self.w.outside_agenda)));
            blocks.push(self.turns(None));
        }
        if blocks.len() == 1 {
            blocks.push(paragraph(self.w.no_turns));
        }
        join_blocks(blocks)
    }

    /// The turns given under an agenda item (`None`: outside the agenda),
    /// then those who asked for the floor and were not called.
    fn turns(&self, item: Option<Id>) -> String {
        let requests = self
            .requests_by_item
            .get(&item)
            .map_or(&[][..], Vec::as_slice);
        let mut given: Vec<&SpeakerRequest> = requests
            .iter()
            .copied()
            .filter(|r| r.started_at.is_some())
            .collect();
        given.sort_by_key(|r| (r.started_at, r.id));
        let mut out = String::new();
        for request in given {
            out.push_str(&self.turn(request));
        }
        let mut waiting: Vec<&SpeakerRequest> = requests
            .iter()
            .copied()
            .filter(|r| r.status == RequestStatus::Waiting)
            .collect();
        // In the order they would get the floor, as `Record::queue` has it.
        waiting.sort_by_key(|r| (r.kind, r.requested_at, r.id));
        if !waiting.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&fill(
                self.w.not_called,
                &[&count(waiting.len() as u64, self.lang)],
            ));
            out.push_str("\n\n");
            for request in waiting {
                out.push_str(&self.waiting_request(request));
            }
        }
        out
    }

    /// "- Nguyễn Văn Tư (…) — về trình tự: Đề nghị bố trí thêm micro".
    fn waiting_request(&self, request: &SpeakerRequest) -> String {
        let mut line = format!("- {}", self.person(Some(request.participant)));
        if request.kind != RequestKind::Normal {
            line.push_str(" — ");
            line.push_str(request.kind.label(self.lang));
        }
        if !request.topic.is_empty() {
            line.push_str(": ");
            line.push_str(&inline(&request.topic));
        }
        line.push('\n');
        line
    }

    /// "- 08:40 — Chủ trì mời Đỗ Thanh Sơn (Bệnh viện …) phát biểu (2 phút 50
    /// giây). Nội dung: …". A turn still running has no length yet: the
    /// minutes read no clock.
    fn turn(&self, request: &SpeakerRequest) -> String {
        let w = self.w;
        let template = match request.kind {
            RequestKind::Normal => w.turn_normal,
            RequestKind::Reply => w.turn_reply,
            RequestKind::PointOfOrder => w.turn_point_of_order,
        };
        let spoken = match request.ended_at {
            Some(end) => duration(turn_clock(request, end).elapsed, self.lang),
            None => w.still_speaking.to_string(),
        };
        let mut line = format!(
            "- {} — {} ({spoken}).",
            request
                .started_at
                .map_or_else(String::new, |at| self.time(at)),
            fill(template, &[&self.person(Some(request.participant))]),
        );
        if !request.topic.is_empty() {
            line.push(' ');
            line.push_str(&fill(w.topic, &[&inline(&request.topic)]));
        }
        line.push('\n');
        line
    }

    fn issues(&self) -> String {
        let w = self.w;
        let issues = self.issues_in_order();
        let mut blocks = vec![format!("### {}\n", w.issues)];
        if issues.is_empty() {
            blocks.push(paragraph(w.no_issues));
            return join_blocks(blocks);
        }
        let written = issues
            .iter()
            .filter(|i| i.source == IssueSource::WrittenSubmission)
            .count() as u64;
        let n = |value: u64| count(value, self.lang);
        blocks.push(paragraph(&fill(
            w.issue_totals,
            &[
                &n(issues.len() as u64),
                &n(issues.len() as u64 - written),
                &n(written),
            ],
        )));
        for issue in issues {
            blocks.push(self.issue(issue));
        }
        join_blocks(blocks)
    }

    /// One issue: who raised it, how, about what, the answer and what
    /// happens next.
    fn issue(&self, issue: &Issue) -> String {
        let w = self.w;
        let source = match issue.source {
            IssueSource::Floor => fill(
                w.at_time,
                &[issue.source.label(self.lang), &self.time(issue.raised_at)],
            ),
            // The time a written submission was typed in says nothing.
            IssueSource::WrittenSubmission => issue.source.label(self.lang).to_string(),
        };
        let mut out = format!("#### {}\n\n", fill(w.issue, &[&issue.number.to_string()]));
        out.push_str(&format!(
            "- **{}:** {}\n",
            w.raised_by,
            self.person(issue.raised_by)
        ));
        out.push_str(&format!("- **{}:** {source}\n", w.source));
        out.push_str(&format!(
            "- **{}:** {}\n",
            w.category,
            issue.category.label(self.lang)
        ));
        out.push_str(&list_item(w.field, &issue.field, "…"));
        out.push_str(&list_item(w.procedure, &issue.procedure, "…"));
        out.push_str(&list_item(w.content, &issue.text, "…"));
        out.push_str(&list_item(w.answer, &issue.answer, w.not_answered));
        out.push_str(&format!(
            "- **{}:** {}\n",
            w.disposition,
            self.disposition(issue)
        ));
        out
    }

    /// "trả lời bằng văn bản, hạn trả lời 06/03/2026", "chuyển cấp trên: Cục
    /// Sở hữu trí tuệ", and when the issue was closed.
    fn disposition(&self, issue: &Issue) -> String {
        let label = issue.disposition.label(self.lang);
        let mut text = match (issue.disposition, issue.reply_due) {
            (Disposition::WrittenReplyRequired, Some(due)) => {
                fill(self.w.reply_due, &[label, &self.date(due)])
            }
            (Disposition::Escalated | Disposition::Redirected, _)
                if !issue.escalated_to.is_empty() =>
            {
                format!("{label}: {}", inline(&issue.escalated_to))
            }
            _ => label.to_string(),
        };
        if let Some(on) = issue.closed_on {
            text.push_str(&fill(self.w.closed_on, &[&self.date(on)]));
            if !issue.closing_ref.is_empty() {
                text.push_str(&format!(" ({})", inline(&issue.closing_ref)));
            }
        }
        text
    }

    /// The written replies owed, the issues sent elsewhere, and those not
    /// answered yet.
    fn follow_up(&self) -> String {
        let w = self.w;
        let issues = self.issues_in_order();
        let owed: Vec<Vec<String>> = issues
            .iter()
            .filter(|i| i.disposition == Disposition::WrittenReplyRequired)
            .map(|i| self.reply_row(i))
            .collect();
        let referred: Vec<Vec<String>> = issues
            .iter()
            .filter(|i| {
                matches!(
                    i.disposition,
                    Disposition::Escalated | Disposition::Redirected
                )
            })
            .map(|i| {
                vec![
                    i.number.to_string(),
                    self.person_cell(i.raised_by),
                    i.disposition.label(self.lang).to_string(),
                    if i.escalated_to.is_empty() {
                        "…".to_string()
                    } else {
                        cell(&i.escalated_to)
                    },
                ]
            })
            .collect();
        let unanswered: Vec<Vec<String>> = issues
            .iter()
            .filter(|i| i.disposition == Disposition::Open)
            .map(|i| {
                vec![
                    i.number.to_string(),
                    self.person_cell(i.raised_by),
                    i.source.label(self.lang).to_string(),
                ]
            })
            .collect();
        join_blocks([
            format!("### {}\n", w.follow_up),
            self.follow_up_table(w.replies_owed, &w.replies_header, &owed, true),
            self.follow_up_table(w.referred, &w.referred_header, &referred, true),
            self.follow_up_table(w.unanswered, &w.unanswered_header, &unanswered, false),
        ])
    }

    /// "**Heading (n):**" and its table; with no rows, "None." or nothing.
    fn follow_up_table(
        &self,
        heading: &str,
        header: &[&str],
        rows: &[Vec<String>],
        say_none: bool,
    ) -> String {
        let heading = fill(heading, &[&count(rows.len() as u64, self.lang)]);
        match (rows.is_empty(), say_none) {
            (false, _) => format!("**{heading}**\n\n{}", table(header, rows)),
            (true, true) => format!("**{heading}** {}\n", self.w.none),
            (true, false) => String::new(),
        }
    }

    fn reply_row(&self, issue: &Issue) -> Vec<String> {
        let owners: Vec<String> = self
            .record
            .actions
            .values()
            .filter(|a| a.issue == Some(issue.id) && a.status != ActionStatus::Cancelled)
            .map(|a| cell(&a.owner))
            .collect();
        let state = match issue.closed_on {
            Some(on) if issue.closing_ref.is_empty() => fill(self.w.reply_sent, &[&self.date(on)]),
            Some(on) => format!(
                "{} ({})",
                fill(self.w.reply_sent, &[&self.date(on)]),
                cell(&issue.closing_ref)
            ),
            None => self.w.reply_pending.to_string(),
        };
        vec![
            issue.number.to_string(),
            self.person_cell(issue.raised_by),
            issue
                .reply_due
                .map_or_else(|| "…".to_string(), |d| self.date(d)),
            if owners.is_empty() {
                "…".to_string()
            } else {
                owners.join("; ")
            },
            state,
        ]
    }

    fn person_cell(&self, id: Option<Id>) -> String {
        in_cell(&self.person(id))
    }

    // III. The chair's conclusions --------------------------------------------

    /// Who does what by when: the actions, in the order they were assigned.
    fn conclusions(&self) -> String {
        let w = self.w;
        let rows: Vec<Vec<String>> = self
            .record
            .actions
            .values()
            .enumerate()
            .map(|(n, action)| {
                vec![
                    (n + 1).to_string(),
                    cell(&action.title),
                    cell(&action.owner),
                    action.due.map_or_else(|| "…".to_string(), |d| self.date(d)),
                    self.issue_number(action.issue)
                        .map_or_else(String::new, |n| n.to_string()),
                    self.action_status(action),
                ]
            })
            .collect();
        let body = if rows.is_empty() {
            paragraph(w.no_actions)
        } else {
            format!(
                "{}\n\n{}",
                w.conclusions_intro,
                table(&w.actions_header, &rows)
            )
        };
        format!("## {}\n\n{body}", w.conclusions)
    }

    fn action_status(&self, action: &Action) -> String {
        let label = action.status.label(self.lang);
        if action.completion_ref.is_empty() {
            label.to_string()
        } else {
            format!("{label} ({})", cell(&action.completion_ref))
        }
    }

    // Closing -----------------------------------------------------------------

    /// When the meeting ended (or that it has not), whether the minutes are
    /// approved, and whether the record changed since.
    fn closing(&self, corrections: usize) -> String {
        let w = self.w;
        let mut blocks = Vec::new();
        match self.end() {
            Some(end) => blocks.push(paragraph(&self.ended_line(end))),
            None => blocks.push(paragraph(w.still_in_progress)),
        }
        let meeting = &self.record.meeting;
        if meeting.minutes == MinutesState::Approved {
            let (time, date) = meeting.approved_at.map_or_else(
                || ("…".to_string(), "…".to_string()),
                |at| {
                    let local = self.local(at);
                    (
                        spelled_time(local, self.lang),
                        self.date(local.date_naive()),
                    )
                },
            );
            let by = or_ellipsis(meeting.approved_by.as_deref().unwrap_or(""));
            blocks.push(paragraph(&fill(w.approved, &[&time, &date, &by])));
        } else if self.end().is_some() {
            blocks.push(paragraph(w.not_approved));
        }
        if corrections > 0 {
            blocks.push(paragraph(&fill(
                w.corrections_note,
                &[&count(corrections as u64, self.lang)],
            )));
        }
        join_blocks(blocks)
    }

    fn ended_line(&self, end: Timestamp) -> String {
        let local_end = self.local(end);
        let same_day = self
            .start()
            .is_none_or(|start| self.local(start).date_naive() == local_end.date_naive());
        let time = spelled_time(local_end, self.lang);
        if same_day {
            fill(self.w.ended_same_day, &[&time])
        } else {
            fill(
                self.w.ended_on,
                &[&time, &self.date(local_end.date_naive())],
            )
        }
    }

    /// The secretary on the left, the chair on the right, with room to sign.
    fn signatures(&self) -> String {
        let w = self.w;
        let sign = format!("*{}*", w.signature);
        let name = |text: &str| {
            if text.is_empty() {
                String::new()
            } else {
                format!("**{}**", cell(text))
            }
        };
        let table = centered_table(
            &[
                &format!("**{}**", w.sign_secretary),
                &format!("**{}**", w.sign_chair),
            ],
            &[
                vec![sign.clone(), sign],
                vec![String::new(), String::new()],
                vec![String::new(), String::new()],
                vec![name(&self.details().secretary), name(&self.details().chair)],
            ],
        );
        join_blocks([table, paragraph(w.distribution)])
    }

    /// Each change recorded after the approval: when, who, what.
    fn corrections(&self, entries: &[&JournalEntry]) -> String {
        if entries.is_empty() {
            return String::new();
        }
        let rows: Vec<Vec<String>> = entries
            .iter()
            .map(|entry| {
                let local = self.local(entry.at);
                vec![
                    format!("#{}", entry.seq),
                    format!("{} {}", self.date(local.date_naive()), clock_time(local)),
                    format!("{} ({})", cell(&entry.actor), entry.role.label(self.lang)),
                    cell(&describe(self.record, &entry.event, self.lang)),
                ]
            })
            .collect();
        format!(
            "## {}\n\n{}\n\n{}",
            self.w.corrections,
            self.w.corrections_intro,
            table(&self.w.corrections_header, &rows)
        )
    }
}
