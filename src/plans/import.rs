//! Importing a plan's agenda and a list's people into a meeting: all in
//! one transaction, and nobody added twice.

use std::collections::HashSet;

use super::{Person, PlanError, PlanItem};
use crate::domain::text::{clean_line, fold};
use crate::domain::*;
use crate::store::{Bulk, Store, StoreError};

/// What an import did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub participants_added: usize,
    pub participants_known: usize,
    pub items_added: usize,
    pub items_known: usize,
}

/// Adds the agenda items and people not already in the meeting, all in one
/// transaction: a refusal (an empty title...) leaves the meeting as it was.
///
/// Which of them are new is decided before the write lock is taken (other
/// consoles wait while it is held; folding 100,000 names and organizations
/// takes a third of a second), and decided again inside it only if another
/// program wrote meanwhile.
pub fn import(
    store: &mut Store,
    items: &[PlanItem],
    people: &[Person],
) -> Result<Imported, PlanError> {
    let mut additions = Additions::decide(store.record(), items, people);
    store
        .bulk(|bulk| {
            if bulk.record().last_seq != additions.seen {
                additions = Additions::decide(bulk.record(), items, people);
            }
            additions.execute(bulk)
        })
        .map_err(PlanError::from)
}

/// The items and people to add, as decided against the record at `seen`.
struct Additions<'a> {
    seen: Seq,
    items: Vec<&'a PlanItem>,
    people: Vec<&'a Person>,
    done: Imported,
}

impl<'a> Additions<'a> {
    /// One pass over the record and one over the lists: a set of the keys
    /// already there (a person twice in the list is added once).
    fn decide(record: &Record, items: &'a [PlanItem], people: &'a [Person]) -> Additions<'a> {
        let mut titles: HashSet<String> = record.agenda.values().map(|i| key(&i.title)).collect();
        let mut persons: HashSet<(String, String)> = record
            .participants
            .values()
            .map(|p| person_key(&p.name, &p.organization))
            .collect();
        let new_items: Vec<_> = items
            .iter()
            .filter(|item| titles.insert(key(&item.title)))
            .collect();
        let new_people: Vec<_> = people
            .iter()
            .filter(|p| persons.insert(person_key(&p.fields.name, &p.fields.organization)))
            .collect();
        Additions {
            seen: record.last_seq,
            done: Imported {
                items_added: new_items.len(),
                items_known: items.len() - new_items.len(),
                participants_added: new_people.len(),
                participants_known: people.len() - new_people.len(),
            },
            items: new_items,
            people: new_people,
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
        for person in &self.people {
            bulk.execute_at(Command::AddParticipant(person.fields.clone()), now)?;
        }
        Ok(self.done)
    }
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
