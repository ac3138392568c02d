//! The record turned into the minutes' structure (`model`): what is said,
//! in which words and in which order. The writers decide how it looks.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::format::{
    clock_time, count, duration, english_full_date, running_date, spelled_time,
    vietnamese_full_date,
};
use super::model::{
    Block, Document, Header, Inline, IssueEntry, Item, Person, Signatures, Table, fill, labelled,
};
use super::words::{GROUP_ORDER, Words, group_heading};
use crate::domain::clock::{offset, turn_clock};
use crate::domain::*;
use crate::export::log::describe;
use crate::i18n::{self, Label, Lang};
use crate::store::JournalEntry;

/// The minutes of the meeting in `record`; `corrections` are the journal
/// entries recorded after the approval.
pub fn document(record: &Record, corrections: &[&JournalEntry], lang: Lang) -> Document {
    let mut requests_by_item: BTreeMap<Option<Id>, Vec<&SpeakerRequest>> = BTreeMap::new();
    for request in record.requests.values() {
        let item = request
            .agenda_item
            .filter(|id| record.agenda.contains_key(id));
        requests_by_item.entry(item).or_default().push(request);
    }
    let mut builder = Builder {
        record,
        lang,
        w: Words::of(lang),
        requests_by_item,
        blocks: Vec::new(),
    };
    builder.header();
    builder.title();
    builder.legal_basis();
    builder.time_and_place();
    builder.attendance();
    builder.proceedings();
    builder.conclusions();
    builder.closing(corrections.len());
    builder.signatures();
    builder.corrections(corrections);
    Document {
        date: builder.start(),
        words: builder.w,
        blocks: builder.blocks,
    }
}

fn number(n: impl ToString) -> Inline {
    Inline::fixed(n.to_string())
}

struct Builder<'a> {
    record: &'a Record,
    lang: Lang,
    w: &'static Words,
    /// The requests for the floor per agenda item (`None`: none, or an item
    /// no longer on the agenda), grouped once: a large meeting has tens of
    /// thousands of them and hundreds of items.
    requests_by_item: BTreeMap<Option<Id>, Vec<&'a SpeakerRequest>>,
    blocks: Vec<Block>,
}

/// Attendance counts.
#[derive(Default)]
struct Tally {
    present: u64,
    absent_written: u64,
    absent: u64,
    not_checked_in: u64,
}

impl<'a> Builder<'a> {
    fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    fn paragraph(&mut self, text: Inline) {
        self.push(Block::Paragraph(text));
    }

    fn heading(&mut self, level: u8, text: &str) {
        self.push(Block::Heading {
            level,
            text: Inline::fixed(text),
        });
    }

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

    fn count(&self, n: u64) -> String {
        count(n, self.lang)
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

    fn participant(&self, id: Option<Id>) -> Option<Person> {
        id.and_then(|id| self.record.participants.get(&id))
            .map(|p| Person {
                name: p.name.clone(),
                organization: p.organization.clone(),
            })
    }

    /// "Name (Organization)", or "not recorded".
    fn person(&self, id: Option<Id>) -> Inline {
        match self.participant(id) {
            Some(person) => person.inline(),
            None => Inline::fixed(self.w.not_recorded),
        }
    }

    /// "Name, position or organization": how attendance lists introduce a
    /// person.
    fn attendee(p: &Participant) -> Inline {
        let name = Inline::typed_line(&p.name);
        if p.organization.is_empty() {
            name
        } else {
            name.then_fixed(", ").then(Inline::typed(&p.organization))
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

    fn header(&mut self) {
        let d = self.details();
        let header = Header {
            superior_agency: Inline::typed(&d.superior_agency),
            agency: Inline::typed_or_ellipsis(&d.agency),
            nation: self.w.nation,
            motto: self.w.motto,
            number: Inline::fixed(format!("{} ", self.w.number)).then(self.doc_number()),
            place_and_date: self.place_and_date(),
        };
        self.push(Block::Header(header));
    }

    /// "…/BB-SKHCN": the number is given when the minutes are registered,
    /// so it stays "…" unless `doc_number` already holds a whole number
    /// ("15/BB-SKHCN"); with no `doc_number` at all, "…/BB-…".
    fn doc_number(&self) -> Inline {
        let number = self.details().doc_number.trim();
        if number.is_empty() {
            Inline::fixed("…/BB-…")
        } else if number.contains('/') {
            Inline::typed(number)
        } else {
            Inline::fixed("…/").then(Inline::typed(number))
        }
    }

    fn place_and_date(&self) -> Inline {
        let day = self.start().map(|at| self.local(at).date_naive());
        let date = match (day, self.lang) {
            (Some(day), Lang::Vi) => vietnamese_full_date(day),
            (Some(day), Lang::En) => english_full_date(day),
            (None, _) => self.w.unknown_date.to_string(),
        };
        Inline::typed_or_ellipsis(&self.details().place)
            .then_fixed(", ")
            .then_fixed(date)
    }

    fn title(&mut self) {
        let title = &self.details().title;
        let subtitle = (!title.is_empty()).then(|| Inline::typed(title));
        self.push(Block::Title {
            title: self.w.title,
            subtitle,
        });
    }

    /// One line per line of the legal basis, each starting with "Căn cứ"
    /// in Vietnamese.
    fn legal_basis(&mut self) {
        let lines = Inline::typed_lines(&self.details().legal_basis);
        if lines.is_empty() {
            return;
        }
        if let Some(intro) = self.w.legal_basis {
            self.paragraph(Inline::fixed(intro));
        }
        for line in lines {
            let line = match self.w.basis_prefix {
                Some(prefix) if !line.text().starts_with(prefix) => {
                    Inline::fixed(format!("{prefix} ")).then(line)
                }
                _ => line,
            };
            self.paragraph(line.italic());
        }
    }

    fn time_and_place(&mut self) {
        let w = self.w;
        let when = match (
            self.record.meeting.actual_start,
            self.details().planned_start,
        ) {
            (Some(at), _) => self.starting(w.started_at, at),
            (None, Some(at)) => self.starting(w.planned_at, at),
            (None, None) => "…".to_string(),
        };
        let venue = Inline::typed_or_ellipsis(&self.details().venue);
        self.push(Block::List(vec![
            Item::line(labelled(w.time, Inline::fixed(format!("{when}.")))),
            Item::line(labelled(w.venue, venue.then_fixed("."))),
            Item::line(labelled(w.form, Inline::fixed(format!("{}.", w.in_person)))),
        ]));
    }

    fn starting(&self, template: &str, at: Timestamp) -> String {
        let local = self.local(at);
        i18n::fill(
            template,
            &[
                &spelled_time(local, self.lang),
                &self.date(local.date_naive()),
            ],
        )
    }

    // I. Attendance -----------------------------------------------------------

    fn attendance(&mut self) {
        let w = self.w;
        self.heading(2, w.attendance);
        let chair = self.find_by_name(&self.details().chair);
        let secretary = self.find_by_name(&self.details().secretary);
        self.push(Block::List(vec![
            Item::line(labelled(
                w.chair,
                self.named(&self.details().chair, chair).then_fixed("."),
            )),
            Item::line(labelled(
                w.secretary,
                self.named(&self.details().secretary, secretary)
                    .then_fixed("."),
            )),
        ]));
        self.paragraph(Inline::fixed(self.attendance_totals()));
        let record = self.record;
        let others = |p: &&Participant| Some(p.id) != chair && Some(p.id) != secretary;
        let present: Vec<&Participant> = record
            .participants
            .values()
            .filter(|p| p.attendance == Attendance::Present)
            .filter(others)
            .collect();
        if !present.is_empty() {
            self.paragraph(Inline::fixed(format!("{}:", w.present_delegates)).bold());
            for role in GROUP_ORDER {
                let group: Vec<&Participant> =
                    present.iter().copied().filter(|p| p.role == role).collect();
                self.attendee_list(group_heading(role, self.lang), &group);
            }
        }
        for (attendance, heading) in [
            (Attendance::AbsentWithWrittenSubmission, w.absent_written),
            (Attendance::Absent, w.absent),
            (Attendance::Invited, w.not_checked_in),
        ] {
            let group: Vec<&Participant> = record
                .participants
                .values()
                .filter(|p| p.attendance == attendance)
                .collect();
            self.attendee_list(heading, &group);
        }
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

    fn named(&self, name: &str, participant: Option<Id>) -> Inline {
        match participant.and_then(|id| self.record.participants.get(&id)) {
            Some(p) => Self::attendee(p),
            None => Inline::typed_or_ellipsis(name),
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
        let mut text = i18n::fill(
            self.w.totals,
            &[
                &self.count(self.record.participants.len() as u64),
                &self.count(tally.present),
                &self.count(tally.absent + tally.absent_written),
                &self.count(tally.absent_written),
            ],
        );
        if tally.not_checked_in > 0 {
            text.push_str(&i18n::fill(
                self.w.not_checked_in_count,
                &[&self.count(tally.not_checked_in)],
            ));
        }
        text.push('.');
        text
    }

    /// "*Heading* (3):" and one line per person; nothing for nobody.
    fn attendee_list(&mut self, heading: &str, people: &[&Participant]) {
        if people.is_empty() {
            return;
        }
        self.paragraph(
            Inline::fixed(heading)
                .italic()
                .then_fixed(format!(" ({}):", self.count(people.len() as u64))),
        );
        let items = people
            .iter()
            .map(|p| Item::line(Self::attendee(p)))
            .collect();
        self.push(Block::List(items));
    }

    // II. Proceedings ---------------------------------------------------------

    fn proceedings(&mut self) {
        self.heading(2, self.w.proceedings);
        self.agenda_table();
        self.course();
        self.issues();
        self.follow_up();
    }

    fn agenda_table(&mut self) {
        let w = self.w;
        let rows: Vec<Vec<Inline>> = self
            .record
            .agenda_in_order()
            .into_iter()
            .enumerate()
            .map(|(n, item)| {
                vec![
                    number(n + 1),
                    Inline::typed(&item.title),
                    Inline::typed(&item.presenter),
                    Inline::fixed(i18n::fill(
                        w.planned_minutes,
                        &[&self.count(u64::from(item.planned_minutes))],
                    )),
                    Inline::fixed(self.actual_times(item)),
                ]
            })
            .collect();
        self.heading(3, w.agenda);
        if rows.is_empty() {
            self.paragraph(Inline::fixed(w.none));
        } else {
            self.push(Block::Table(Table {
                header: w.agenda_header.to_vec(),
                rows,
            }));
        }
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
                i18n::fill(self.w.in_progress_since, &[&self.time(start)])
            }
            (AgendaStatus::Skipped, _, _) => self.w.skipped.to_string(),
            _ => self.w.not_yet.to_string(),
        }
    }

    /// What happened under each agenda item that was taken up: who
    /// presented it, and each turn at the floor in the order given.
    fn course(&mut self) {
        let w = self.w;
        self.heading(3, w.course);
        let mut any = false;
        let items = self.record.agenda_in_order();
        for (n, item) in items.iter().enumerate() {
            if item.started_at.is_none() {
                continue;
            }
            any = true;
            let mut heading = Inline::fixed(format!("{}. ", n + 1))
                .then(Inline::typed(&item.title))
                .bold();
            if !item.presenter.is_empty() {
                heading.push_fixed(" — ");
                heading.push(fill(w.presented_by, vec![Inline::typed(&item.presenter)]));
            }
            self.paragraph(heading);
            self.turns(Some(item.id));
        }
        if self.requests_by_item.contains_key(&None) {
            any = true;
            self.paragraph(Inline::fixed(w.outside_agenda).bold());
            self.turns(None);
        }
        if !any {
            self.paragraph(Inline::fixed(w.no_turns));
        }
    }

    /// The turns given under an agenda item (`None`: outside the agenda),
    /// then those who asked for the floor and were not called.
    fn turns(&mut self, item: Option<Id>) {
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
        let mut waiting: Vec<&SpeakerRequest> = requests
            .iter()
            .copied()
            .filter(|r| r.status == RequestStatus::Waiting)
            .collect();
        // In the order they would get the floor, as `Record::queue` has it.
        waiting.sort_by_key(|r| (r.kind, r.requested_at, r.id));
        let given: Vec<Item> = given.into_iter().map(|r| self.turn(r)).collect();
        let waiting: Vec<Item> = waiting
            .into_iter()
            .map(|r| self.waiting_request(r))
            .collect();
        if !given.is_empty() {
            self.push(Block::List(given));
        }
        if !waiting.is_empty() {
            self.paragraph(Inline::fixed(i18n::fill(
                self.w.not_called,
                &[&self.count(waiting.len() as u64)],
            )));
            self.push(Block::List(waiting));
        }
    }

    /// "Nguyễn Văn Tư (…) — về trình tự: Đề nghị bố trí thêm micro".
    fn waiting_request(&self, request: &SpeakerRequest) -> Item {
        let mut line = self.person(Some(request.participant));
        if request.kind != RequestKind::Normal {
            line.push_fixed(" — ");
            line.push_fixed(request.kind.label(self.lang));
        }
        if !request.topic.is_empty() {
            line.push_fixed(": ");
            line.push(Inline::typed(&request.topic));
        }
        Item::line(line)
    }

    /// "08:40 — Chủ trì mời Đỗ Thanh Sơn (Bệnh viện …) phát biểu (2 phút 50
    /// giây). Nội dung: …". A turn still running has no length yet: the
    /// minutes read no clock.
    fn turn(&self, request: &SpeakerRequest) -> Item {
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
        let started = request
            .started_at
            .map_or_else(String::new, |at| self.time(at));
        let mut line = Inline::fixed(format!("{started} — "))
            .then(fill(template, vec![self.person(Some(request.participant))]))
            .then_fixed(format!(" ({spoken})."));
        if !request.topic.is_empty() {
            line.push_fixed(" ");
            line.push(fill(w.topic, vec![Inline::typed(&request.topic)]));
        }
        Item::line(line)
    }

    fn issues(&mut self) {
        let w = self.w;
        self.heading(3, w.issues);
        let issues = self.issues_in_order();
        if issues.is_empty() {
            self.paragraph(Inline::fixed(w.no_issues));
            return;
        }
        let written = issues
            .iter()
            .filter(|i| i.source == IssueSource::WrittenSubmission)
            .count() as u64;
        self.paragraph(Inline::fixed(i18n::fill(
            w.issue_totals,
            &[
                &self.count(issues.len() as u64),
                &self.count(issues.len() as u64 - written),
                &self.count(written),
            ],
        )));
        for issue in issues {
            let entry = self.issue(issue);
            self.push(Block::Issue(Box::new(entry)));
        }
    }

    /// One issue: who raised it, how, about what, the answer and what
    /// happens next.
    fn issue(&self, issue: &Issue) -> IssueEntry {
        let source = match issue.source {
            IssueSource::Floor => i18n::fill(
                self.w.at_time,
                &[issue.source.label(self.lang), &self.time(issue.raised_at)],
            ),
            // The time a written submission was typed in says nothing.
            IssueSource::WrittenSubmission => issue.source.label(self.lang).to_string(),
        };
        IssueEntry {
            number: issue.number,
            raised_by: self.participant(issue.raised_by),
            source: Inline::fixed(source),
            category: issue.category.label(self.lang),
            field: Inline::typed_lines(&issue.field),
            procedure: Inline::typed_lines(&issue.procedure),
            content: Inline::typed_lines(&issue.text),
            answer: Inline::typed_lines(&issue.answer),
            disposition: self.disposition(issue),
        }
    }

    /// "trả lời bằng văn bản, hạn trả lời 06/03/2026", "chuyển cấp trên: Cục
    /// Sở hữu trí tuệ", and when the issue was closed.
    fn disposition(&self, issue: &Issue) -> Inline {
        let label = issue.disposition.label(self.lang);
        let mut text = match (issue.disposition, issue.reply_due) {
            (Disposition::WrittenReplyRequired, Some(due)) => {
                Inline::fixed(i18n::fill(self.w.reply_due, &[label, &self.date(due)]))
            }
            (Disposition::Escalated | Disposition::Redirected, _)
                if !issue.escalated_to.is_empty() =>
            {
                Inline::fixed(format!("{label}: ")).then(Inline::typed(&issue.escalated_to))
            }
            _ => Inline::fixed(label),
        };
        if let Some(on) = issue.closed_on {
            text.push_fixed(i18n::fill(self.w.closed_on, &[&self.date(on)]));
            if !issue.closing_ref.is_empty() {
                text.push_fixed(" (");
                text.push(Inline::typed(&issue.closing_ref));
                text.push_fixed(")");
            }
        }
        text
    }

    /// The written replies owed, the issues sent elsewhere, and those not
    /// answered yet.
    fn follow_up(&mut self) {
        let w = self.w;
        let issues = self.issues_in_order();
        let owed: Vec<Vec<Inline>> = issues
            .iter()
            .filter(|i| i.disposition == Disposition::WrittenReplyRequired)
            .map(|i| self.reply_row(i))
            .collect();
        let referred: Vec<Vec<Inline>> = issues
            .iter()
            .filter(|i| {
                matches!(
                    i.disposition,
                    Disposition::Escalated | Disposition::Redirected
                )
            })
            .map(|i| {
                vec![
                    number(i.number),
                    self.person(i.raised_by),
                    Inline::fixed(i.disposition.label(self.lang)),
                    if i.escalated_to.is_empty() {
                        Inline::fixed("…")
                    } else {
                        Inline::typed(&i.escalated_to)
                    },
                ]
            })
            .collect();
        let unanswered: Vec<Vec<Inline>> = issues
            .iter()
            .filter(|i| i.disposition == Disposition::Open)
            .map(|i| {
                vec![
                    number(i.number),
                    self.person(i.raised_by),
                    Inline::fixed(i.source.label(self.lang)),
                ]
            })
            .collect();
        self.heading(3, w.follow_up);
        self.follow_up_table(w.replies_owed, &w.replies_header, owed, true);
        self.follow_up_table(w.referred, &w.referred_header, referred, true);
        self.follow_up_table(w.unanswered, &w.unanswered_header, unanswered, false);
    }

    /// "**Heading (n):**" and its table; with no rows, "None." or nothing.
    fn follow_up_table(
        &mut self,
        heading: &str,
        header: &[&'static str],
        rows: Vec<Vec<Inline>>,
        say_none: bool,
    ) {
        let heading = Inline::fixed(i18n::fill(heading, &[&self.count(rows.len() as u64)])).bold();
        match (rows.is_empty(), say_none) {
            (false, _) => {
                self.paragraph(heading);
                self.push(Block::Table(Table {
                    header: header.to_vec(),
                    rows,
                }));
            }
            (true, true) => self.paragraph(heading.then_fixed(" ").then_fixed(self.w.none)),
            (true, false) => {}
        }
    }

    fn reply_row(&self, issue: &Issue) -> Vec<Inline> {
        let mut owners = Inline::default();
        for action in self
            .record
            .actions
            .values()
            .filter(|a| a.issue == Some(issue.id) && a.status != ActionStatus::Cancelled)
        {
            if !owners.0.is_empty() {
                owners.push_fixed("; ");
            }
            owners.push(Inline::typed(&action.owner));
        }
        if owners.0.is_empty() {
            owners = Inline::fixed("…");
        }
        let state = match issue.closed_on {
            Some(on) => {
                let mut state = Inline::fixed(i18n::fill(self.w.reply_sent, &[&self.date(on)]));
                if !issue.closing_ref.is_empty() {
                    state.push_fixed(" (");
                    state.push(Inline::typed(&issue.closing_ref));
                    state.push_fixed(")");
                }
                state
            }
            None => Inline::fixed(self.w.reply_pending),
        };
        vec![
            number(issue.number),
            self.person(issue.raised_by),
            Inline::fixed(
                issue
                    .reply_due
                    .map_or_else(|| "…".to_string(), |d| self.date(d)),
            ),
            owners,
            state,
        ]
    }

    // III. The chair's conclusions --------------------------------------------

    /// Who does what by when: the actions, in the order they were assigned.
    fn conclusions(&mut self) {
        let w = self.w;
        let rows: Vec<Vec<Inline>> = self
            .record
            .actions
            .values()
            .enumerate()
            .map(|(n, action)| {
                vec![
                    number(n + 1),
                    Inline::typed(&action.title),
                    Inline::typed(&action.owner),
                    Inline::fixed(action.due.map_or_else(|| "…".to_string(), |d| self.date(d))),
                    Inline::fixed(
                        self.issue_number(action.issue)
                            .map_or_else(String::new, |n| n.to_string()),
                    ),
                    self.action_status(action),
                ]
            })
            .collect();
        self.heading(2, w.conclusions);
        if rows.is_empty() {
            self.paragraph(Inline::fixed(w.no_actions));
        } else {
            self.paragraph(Inline::fixed(w.conclusions_intro));
            self.push(Block::Table(Table {
                header: w.actions_header.to_vec(),
                rows,
            }));
        }
    }

    fn action_status(&self, action: &Action) -> Inline {
        let label = Inline::fixed(action.status.label(self.lang));
        if action.completion_ref.is_empty() {
            label
        } else {
            label
                .then_fixed(" (")
                .then(Inline::typed(&action.completion_ref))
                .then_fixed(")")
        }
    }

    // Closing -----------------------------------------------------------------

    /// When the meeting ended (or that it has not), whether the minutes are
    /// approved, and whether the record changed since.
    fn closing(&mut self, corrections: usize) {
        let w = self.w;
        match self.end() {
            Some(end) => self.paragraph(Inline::fixed(self.ended_line(end))),
            None => self.paragraph(
                Inline::fixed(w.draft)
                    .bold()
                    .then_fixed(" ")
                    .then_fixed(w.still_in_progress),
            ),
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
            let by = Inline::typed_or_ellipsis(meeting.approved_by.as_deref().unwrap_or(""));
            self.paragraph(fill(
                w.approved,
                vec![Inline::fixed(time), Inline::fixed(date), by],
            ));
        } else if self.end().is_some() {
            self.paragraph(Inline::fixed(w.not_approved));
        }
        if corrections > 0 {
            self.paragraph(Inline::fixed(i18n::fill(
                w.corrections_note,
                &[&self.count(corrections as u64)],
            )));
        }
    }

    fn ended_line(&self, end: Timestamp) -> String {
        let local_end = self.local(end);
        let same_day = self
            .start()
            .is_none_or(|start| self.local(start).date_naive() == local_end.date_naive());
        let time = spelled_time(local_end, self.lang);
        if same_day {
            i18n::fill(self.w.ended_same_day, &[&time])
        } else {
            i18n::fill(
                self.w.ended_on,
                &[&time, &self.date(local_end.date_naive())],
            )
        }
    }

    /// The secretary on the left, the chair on the right, with room to
    /// sign; then who receives the minutes.
    fn signatures(&mut self) {
        let name = |text: &str| {
            if text.is_empty() {
                Inline::default()
            } else {
                Inline::typed(text)
            }
        };
        let signatures = Signatures {
            secretary: name(&self.details().secretary),
            chair: name(&self.details().chair),
        };
        self.push(Block::Signatures(signatures));
        self.paragraph(
            Inline::fixed(self.w.distribution_label)
                .bold()
                .then_fixed(" ")
                .then_fixed(self.w.distribution),
        );
    }

    /// Each change recorded after the approval: when, who, what.
    fn corrections(&mut self, entries: &[&JournalEntry]) {
        if entries.is_empty() {
            return;
        }
        let rows: Vec<Vec<Inline>> = entries
            .iter()
            .map(|entry| {
                let local = self.local(entry.at);
                vec![
                    Inline::fixed(format!("#{}", entry.seq)),
                    Inline::fixed(format!(
                        "{} {}",
                        self.date(local.date_naive()),
                        clock_time(local)
                    )),
                    Inline::typed(&entry.actor)
                        .then_fixed(format!(" ({})", entry.role.label(self.lang))),
                    Inline::typed(&describe(self.record, &entry.event, self.lang)),
                ]
            })
            .collect();
        let w = self.w;
        self.heading(2, w.corrections);
        self.paragraph(Inline::fixed(w.corrections_intro));
        self.push(Block::Table(Table {
            header: w.corrections_header.to_vec(),
            rows,
        }));
    }
}
