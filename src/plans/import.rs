//! Importing a plan's agenda and a list's people into a meeting: all in
//! one transaction, and nobody added twice. People already there get the
//! attendance the list gives them, and the details they lacked; the
//! meeting's chair and secretary become participants.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::seats::{Candidates, Choice, Who};
use super::words::Seat;
use super::{Person, PlanError, PlanItem, Problem, bad};
use crate::domain::text::{clean_line, fold};
use crate::domain::*;
use crate::i18n::Lang;
use crate::store::{Bulk, Store, StoreError};

/// What an import did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Imported {
    pub participants_added: usize,
    pub participants_known: usize,
    pub items_added: usize,
    pub items_known: usize,
    /// People already there whose attendance the list changed.
    pub attendance_changed: usize,
    /// People already there given a position, honorific, contact, size or
    /// representatives they did not have.
    pub details_filled: usize,
    /// The chair and the secretary, when this import chose them.
    pub chair: Option<String>,
    pub secretary: Option<String>,
    /// The list named a chair or a secretary the person importing may not
    /// choose (only the chair edits the meeting's details): left as they
    /// were, the people added all the same.
    pub seats_left: bool,
}

impl Imported {
    /// What the import did besides adding, in the user's language (`None`
    /// when it did nothing else).
    pub fn more(&self, lang: Lang) -> Option<String> {
        let vi = lang == Lang::Vi;
        let mut parts = Vec::new();
        if self.attendance_changed > 0 {
            parts.push(if vi {
                format!("cập nhật điểm danh {} đại biểu", self.attendance_changed)
            } else {
                format!("attendance updated for {}", self.attendance_changed)
            });
        }
        if self.details_filled > 0 {
            parts.push(if vi {
                format!("bổ sung thông tin cho {} đại biểu", self.details_filled)
            } else {
                format!("details filled in for {}", self.details_filled)
            });
        }
        for (seat, name) in [
            (Seat::Chair, &self.chair),
            (Seat::Secretary, &self.secretary),
        ] {
            if let Some(name) = name {
                parts.push(format!("{}: {name}", seat.word(lang)));
            }
        }
        if self.seats_left {
            parts.push(if vi {
                "người chủ trì và thư ký giữ nguyên: chọn họ là việc của người chủ trì".to_string()
            } else {
                "the chair and the secretary left as they were: choosing them is the chair's"
                    .to_string()
            });
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// Adds the agenda items and people not already in the meeting, updates
/// those already there (attendance the list gives; details they lack) and
/// chooses the chair and the secretary among them, all in one transaction:
/// a refusal (an empty title, someone who spoke listed as absent...) leaves
/// the meeting as it was. `file` is the list or plan, named in refusals.
///
/// What to do is decided before the write lock is taken (other consoles
/// wait while it is held; folding 100,000 names and organizations takes a
/// third of a second), and decided again inside it only if another program
/// wrote meanwhile.
pub fn import(
    store: &mut Store,
    file: &Path,
    items: &[PlanItem],
    people: &[Person],
) -> Result<Imported, PlanError> {
    // Choosing the chair and the secretary edits the meeting's details.
    let may_seat = store.role().may(Area::Meeting);
    let mut changes = Changes::decide(store.record(), file, items, people, may_seat)?;
    store.bulk(|bulk| {
        if bulk.record().last_seq != changes.seen {
            match Changes::decide(bulk.record(), file, items, people, may_seat) {
                Ok(again) => changes = again,
                // Refused: nothing was written in this transaction.
                Err(refusal) => return Ok(Err(refusal)),
            }
        }
        changes.execute(bulk).map(Ok)
    })?
}

/// What an import does, as decided against the record at `seen`.
struct Changes<'a> {
    seen: Seq,
    items: Vec<&'a PlanItem>,
    /// People to add, in order.
    additions: Vec<Cow<'a, ParticipantFields>>,
    updates: Vec<Update>,
    /// The chair, then the secretary.
    seats: [Option<Who>; 2],
    done: Imported,
}

/// A person already there, as the list changes them.
struct Update {
    id: Id,
    /// Their fields with what they lacked filled in.
    filled: Option<ParticipantFields>,
    /// The attendance the list gives, when it differs from theirs.
    attendance: Option<Attendance>,
}

impl<'a> Changes<'a> {
    /// One pass over the record and one over the lists: a map of the
    /// people already there (a person twice in the list counts once).
    /// `may_seat`: whether the chair and the secretary the list names are
    /// chosen (only the chair edits the meeting's details).
    fn decide(
        record: &Record,
        file: &Path,
        items: &'a [PlanItem],
        people: &'a [Person],
        may_seat: bool,
    ) -> Result<Changes<'a>, PlanError> {
        let mut titles: HashSet<String> = record.agenda.values().map(|i| key(&i.title)).collect();
        let new_items: Vec<_> = items
            .iter()
            .filter(|item| titles.insert(key(&item.title)))
            .collect();
        let mut known: HashMap<(String, String), Who> = record
            .participants
            .values()
            .map(|p| (person_key(&p.name, &p.organization), Who::Existing(p.id)))
            .collect();
        let mut changes = Changes {
            seen: record.last_seq,
            done: Imported {
                items_added: new_items.len(),
                items_known: items.len() - new_items.len(),
                ..Imported::default()
            },
            items: new_items,
            additions: Vec::new(),
            updates: Vec::new(),
            seats: [None, None],
        };
        let mut listed = Vec::with_capacity(people.len());
        let mut updated: HashSet<Id> = HashSet::new();
        for person in people {
            let k = person_key(&person.fields.name, &person.fields.organization);
            let who = match known.get(&k) {
                Some(who) => *who,
                None => {
                    let who = Who::Added(changes.additions.len());
                    changes.additions.push(Cow::Borrowed(&person.fields));
                    known.insert(k, who);
                    listed.push((person, who));
                    continue;
                }
            };
            changes.done.participants_known += 1;
            listed.push((person, who));
            if let Who::Existing(id) = who {
                if updated.insert(id) {
                    let present = &record.participants[&id];
                    let update = Update::of(record, file, present, person)?;
                    changes.push_update(update);
                }
            }
        }
        changes.done.participants_added = changes.additions.len();
        let candidates = Candidates {
            record,
            file,
            listed,
        };
        for (n, seat) in [Seat::Chair, Seat::Secretary].into_iter().enumerate() {
            match (may_seat, candidates.choose(seat)) {
                (true, choice) => {
                    if let Some(choice) = choice? {
                        changes.take_seat(record, n, choice);
                    }
                }
                (false, Ok(None)) => {}
                // Not this person's to choose: whatever the list says of
                // the seat (even a conflict) is left for the chair, and
                // nobody is added or given a position for it.
                (false, _) => changes.done.seats_left = true,
            }
        }
        Ok(changes)
    }

    fn push_update(&mut self, update: Update) {
        self.done.details_filled += usize::from(update.filled.is_some());
        self.done.attendance_changed += usize::from(update.attendance.is_some());
        if update.filled.is_some() || update.attendance.is_some() {
            self.updates.push(update);
        }
    }

    /// Seat `n` (chair, secretary) goes to `choice`; a position the details
    /// gave goes to a person who has none.
    fn take_seat(&mut self, record: &Record, n: usize, choice: Choice) {
        let (who, position) = match choice {
            Choice::New(fields) => {
                let who = Who::Added(self.additions.len());
                self.additions.push(Cow::Owned(fields));
                self.done.participants_added += 1;
                (who, String::new())
            }
            Choice::Person { who, position } => (who, position),
        };
        self.seats[n] = Some(who);
        if position.is_empty() {
            return;
        }
        match who {
            Who::Added(index) => {
                let fields = &mut self.additions[index];
                if fields.position.is_empty() {
                    fields.to_mut().position = position;
                }
            }
            Who::Existing(id) => {
                let participant = &record.participants[&id];
                if !participant.position.is_empty() {
                    return;
                }
                match self.updates.iter_mut().find(|u| u.id == id) {
                    Some(Update {
                        filled: Some(fields),
                        ..
                    }) => fields.position = position,
                    Some(update) => {
                        update.filled = Some(ParticipantFields {
                            position,
                            ..present_fields(record, participant)
                        });
                        self.done.details_filled += 1;
                    }
                    None => {
                        self.updates.push(Update {
                            id,
                            filled: Some(ParticipantFields {
                                position,
                                ..present_fields(record, participant)
                            }),
                            attendance: None,
                        });
                        self.done.details_filled += 1;
                    }
                }
            }
        }
    }

    fn execute(&self, bulk: &mut Bulk<'_>) -> Result<Imported, StoreError> {
        let now = crate::store::now();
        for item in &self.items {
            let fields = AgendaFields {
                title: item.title.clone(),
                planned_minutes: item.minutes,
                presenter: item.presenter.clone(),
                position: None,
            };
            bulk.execute_at(Command::AddAgendaItem(fields), now)?;
        }
        let mut done = self.done.clone();
        let mut added = Vec::with_capacity(self.additions.len());
        for fields in &self.additions {
            let fields = fields.clone().into_owned();
            added.push(bulk.execute_at(Command::AddParticipant(fields), now)?.seq);
        }
        for update in &self.updates {
            if let Some(fields) = &update.filled {
                let base_rev = bulk.record().participants[&update.id].rev;
                let command = Command::EditParticipant {
                    id: update.id,
                    base_rev,
                    fields: fields.clone(),
                };
                bulk.execute_at(command, now)?;
            }
            if let Some(attendance) = update.attendance {
                // The edit just made may have recorded it already (someone
                // who spoke, now present).
                if bulk.record().participants[&update.id].attendance == attendance {
                    done.attendance_changed -= 1;
                    continue;
                }
                let command = Command::SetAttendance {
                    id: update.id,
                    attendance,
                };
                bulk.execute_at(command, now)?;
            }
        }
        let id_of = |who: Who| match who {
            Who::Existing(id) => id,
            Who::Added(index) => added[index],
        };
        if self.seats.iter().any(Option::is_some) {
            let meeting = &bulk.record().meeting;
            let mut details = meeting.details.clone();
            if let Some(who) = self.seats[0] {
                details.chair_id = Some(id_of(who));
            }
            if let Some(who) = self.seats[1] {
                details.secretary_id = Some(id_of(who));
            }
            let base_rev = meeting.rev;
            bulk.execute_at(Command::EditMeeting { base_rev, details }, now)?;
            let details = &bulk.record().meeting.details;
            done.chair = self.seats[0].map(|_| details.chair.clone());
            done.secretary = self.seats[1].map(|_| details.secretary.clone());
        }
        Ok(done)
    }
}

impl Update {
    /// What the list changes of `present`, a person already there: the
    /// details they lack, and their attendance if the list gives another.
    /// Someone who spoke cannot be listed absent.
    fn of(
        record: &Record,
        file: &Path,
        present: &Participant,
        listed: &Person,
    ) -> Result<Update, PlanError> {
        let filled = fill(record, present, &listed.fields);
        // An edit keeps the attendance the record shows (a person who spoke
        // is present), so compare with what it leaves.
        let stored = if filled.is_some() {
            record.attendance_of(present)
        } else {
            present.attendance
        };
        let attendance = listed.attendance.filter(|a| *a != stored);
        let absent_who_spoke = attendance
            .is_some_and(|a| a != Attendance::Present && record.present_by_record(present.id));
        if let (true, Some(attendance)) = (absent_who_spoke, attendance) {
            return Err(bad(
                file,
                listed.line,
                "",
                Problem::PresentByRecord {
                    name: present.name.clone(),
                    listed: attendance,
                },
            ));
        }
        Ok(Update {
            id: present.id,
            filled,
            attendance,
        })
    }
}

/// A person's fields as they are, but for the attendance the record shows
/// (an edit may not say absent of someone who spoke).
fn present_fields(record: &Record, participant: &Participant) -> ParticipantFields {
    ParticipantFields {
        attendance: record.attendance_of(participant),
        ..ParticipantFields::of(participant)
    }
}

/// The details the list gives that the person lacks: an empty position,
/// honorific, contact, size or representatives is filled in; anything the
/// record has is kept (a list is often older than the record), and the
/// delegate group stays.
fn fill(
    record: &Record,
    present: &Participant,
    listed: &ParticipantFields,
) -> Option<ParticipantFields> {
    let mut fields = present_fields(record, present);
    let mut changed = false;
    for (have, given) in [
        (&mut fields.position, &listed.position),
        (&mut fields.contact, &listed.contact),
        (&mut fields.representatives, &listed.representatives),
    ] {
        if have.trim().is_empty() && !given.trim().is_empty() {
            have.clone_from(given);
            changed = true;
        }
    }
    if fields.honorific.is_none() && listed.honorific.is_some() {
        fields.honorific = listed.honorific;
        changed = true;
    }
    if fields.members == 0 && listed.members > 0 {
        fields.members = listed.members;
        changed = true;
    }
    changed.then_some(fields)
}

/// The form two texts are the same in: as the record keeps it (one line),
/// accents and case ignored.
fn key(text: &str) -> String {
    fold(&clean_line(text))
}

/// Same name and same organization: the same person.
fn person_key(name: &str, organization: &str) -> (String, String) {
    (key(name), key(organization))
}
