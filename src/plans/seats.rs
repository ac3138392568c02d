//! The meeting's chair and secretary among the people of an import: the
//! person a list marks ("chủ trì", "thư ký"), else the one the meeting's
//! details name (a plan's `chair = "…"`), else, when nobody on the list
//! has that name, a new participant of that name. A choice already made
//! stays; two candidates are refused, never guessed between.

use std::path::Path;

use super::words::Seat;
use super::{Person, PlanError, Problem, bad};
use crate::domain::text::{clean_line, fold};
use crate::domain::*;

/// A participant of the meeting once the import is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Who {
    /// Already in the meeting.
    Existing(Id),
    /// The n-th person the import adds.
    Added(usize),
}

/// Who takes a seat, and what the import learns of them on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Choice {
    /// Somebody on the list or in the meeting; `position` is what the
    /// details wrote after the name ("Nguyễn Văn Hùng, Phó Giám đốc Sở"),
    /// for a person whose position is not known yet.
    Person { who: Who, position: String },
    /// Nobody has that name: a new participant (added after the list).
    New(ParticipantFields),
}

/// What the seat search looks at: the record, and the people the import
/// adds (in order, with the people of the list they come from).
pub(super) struct Candidates<'a> {
    pub record: &'a Record,
    pub file: &'a Path,
    /// The people of the list, each with who they are in the meeting.
    pub listed: Vec<(&'a Person, Who)>,
}

impl Candidates<'_> {
    /// The choice for `seat`, or `None` when there is nothing to choose (a
    /// choice made before, no name given, or the list's mark already the
    /// one chosen).
    pub(super) fn choose(&self, seat: Seat) -> Result<Option<Choice>, PlanError> {
        let details = &self.record.meeting.details;
        let (chosen, named) = match seat {
            Seat::Chair => (details.chair_id, details.chair.as_str()),
            Seat::Secretary => (details.secretary_id, details.secretary.as_str()),
        };
        if let Some(marked) = self.marked(seat)? {
            let (person, who) = marked;
            let taken_by = match chosen {
                Some(id) if who == Who::Existing(id) => return Ok(None),
                Some(id) => self.record.participants.get(&id).map(|p| p.name.clone()),
                // The details name somebody else.
                None if !named.trim().is_empty() && !fits(named, &person.fields.name) => {
                    Some(clean_line(named))
                }
                None => None,
            };
            if let Some(chosen) = taken_by {
                return Err(bad(
                    self.file,
                    person.line,
                    "",
                    Problem::SeatTaken {
                        seat,
                        chosen,
                        marked: person.fields.name.clone(),
                    },
                ));
            }
            return Ok(Some(Choice::Person {
                who,
                position: position_in(named, &person.fields.name),
            }));
        }
        if chosen.is_some() || named.trim().is_empty() {
            return Ok(None);
        }
        self.by_name(seat, named).map(Some)
    }

    /// The one person the list marks for `seat` (the same person listed
    /// twice is one).
    fn marked(&self, seat: Seat) -> Result<Option<(&Person, Who)>, PlanError> {
        let mut found: Option<(&Person, Who)> = None;
        for (person, who) in self.listed.iter().filter(|(p, _)| p.seat == Some(seat)) {
            match found {
                Some((_, first)) if first == *who => {}
                Some((first, _)) => {
                    return Err(bad(
                        self.file,
                        person.line,
                        "",
                        Problem::SeatTwice {
                            seat,
                            first: first.fields.name.clone(),
                            second: person.fields.name.clone(),
                        },
                    ));
                }
                None => found = Some((person, *who)),
            }
        }
        Ok(found)
    }

    /// The participant the details name, among those in the meeting and
    /// those the list adds; a new one if nobody has that name.
    fn by_name(&self, seat: Seat, named: &str) -> Result<Choice, PlanError> {
        let (name, position) = split(named);
        let wanted = [fold(&clean_line(named)), fold(&name)];
        let is_named = |candidate: &str| {
            let candidate = fold(candidate);
            wanted.contains(&candidate)
        };
        let mut found: Vec<(Who, usize)> = self
            .record
            .participants
            .values()
            .filter(|p| is_named(&p.name))
            .map(|p| (Who::Existing(p.id), 0))
            .collect();
        for (person, who) in &self.listed {
            if !found.iter().any(|(w, _)| w == who) && is_named(&person.fields.name) {
                found.push((*who, person.line));
            }
        }
        match found.as_slice() {
            [] => Ok(Choice::New(ParticipantFields {
                position,
                ..ParticipantFields::named(&name, "", seat.default_group())
            })),
            [(who, _)] => Ok(Choice::Person {
                who: *who,
                position,
            }),
            [.., (_, line)] => Err(bad(
                self.file,
                *line,
                "",
                Problem::SeatAmbiguous {
                    seat,
                    name: clean_line(named),
                },
            )),
        }
    }
}

/// "Nguyễn Văn Hùng, Phó Giám đốc Sở": the name and the position, as older
/// plans wrote the chair and the secretary. A name without a comma has no
/// position.
fn split(named: &str) -> (String, String) {
    let named = clean_line(named);
    match named.split_once(',') {
        Some((name, position)) => (name.trim().to_string(), position.trim().to_string()),
        None => (named, String::new()),
    }
}

/// Does the text the details give name this person (alone, or followed by
/// the position)?
fn fits(named: &str, name: &str) -> bool {
    let name = fold(&clean_line(name));
    fold(&clean_line(named)) == name || fold(&split(named).0) == name
}

/// The position the details give after this person's name, if any.
fn position_in(named: &str, name: &str) -> String {
    let (before, position) = split(named);
    if fold(&before) == fold(&clean_line(name)) {
        position
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_may_carry_its_position() {
        assert_eq!(
            split("Nguyễn Văn Hùng, Phó Giám đốc Sở"),
            ("Nguyễn Văn Hùng".into(), "Phó Giám đốc Sở".into())
        );
        assert_eq!(
            split("Nguyễn Văn Hùng"),
            ("Nguyễn Văn Hùng".into(), String::new())
        );
        assert!(fits("nguyen van hung, Phó Giám đốc", "Nguyễn Văn Hùng"));
        assert!(!fits("Nguyễn Văn Hải", "Nguyễn Văn Hùng"));
        assert_eq!(position_in("Nguyễn Văn Hùng", "Nguyễn Văn Hùng"), "");
    }
}
