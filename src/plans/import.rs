//! Importing a plan's agenda and a list's people into a meeting: all in
//! one transaction, and nobody added twice.

use super::{Person, PlanError, PlanItem};
use crate::domain::text::fold;
use crate::domain::*;
use crate::store::Store;

/// What an import did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub participants_added: usize,
    pub participants_known: usize,
    pub items_added: usize,
    pub items_known: usize,
}

/// Adds the agenda items and people not already in the meeting, all in one
/// transaction: a refusal (an empty title...) leaves the meeting as it was.
pub fn import(
    store: &mut Store,
    items: &[PlanItem],
    people: &[Person],
) -> Result<Imported, PlanError> {
    let same_person = |p: &Participant, q: &ParticipantFields| {
        fold(&p.name) == fold(&q.name) && fold(&p.organization) == fold(&q.organization)
    };
    store
        .bulk(|bulk| {
            let mut done = Imported::default();
            let now = crate::store::now();
            for item in items {
                if bulk
                    .record()
                    .agenda
                    .values()
                    .any(|i| fold(&i.title) == fold(&item.title))
                {
                    done.items_known += 1;
                    continue;
                }
                let fields = AgendaFields {
                    title: item.title.clone(),
                    planned_minutes: item.minutes,
                    presenter: item.presenter.clone(),
                    position: None,
                };
                bulk.execute_at(Command::AddAgendaItem(fields), now)?;
                done.items_added += 1;
            }
            for person in people {
                if bulk
                    .record()
                    .participants
                    .values()
                    .any(|p| same_person(p, &person.fields))
                {
                    done.participants_known += 1;
                    continue;
                }
                bulk.execute_at(Command::AddParticipant(person.fields.clone()), now)?;
                done.participants_added += 1;
            }
            Ok(done)
        })
        .map_err(PlanError::from)
}
