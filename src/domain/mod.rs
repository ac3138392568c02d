//! The record of a meeting as pure data and rules: no I/O, no terminal, no
//! clock. `Command` → `decide` → `Event` → `Record::apply`.

mod attendance;
pub use attendance::RollCall;
pub mod clock;
pub mod command;
pub mod dates;
pub mod event;
mod index;
pub use index::RequestIndex;
pub mod model;
pub mod papers;
mod queries;
pub mod record;
pub mod roles;
pub mod stats;
pub mod text;
pub mod workdays;

pub use command::{
    Act, ActionFields, AgendaFields, AnswerFields, Command, Context, DomainError, EndedAction,
    Field, IssueFields, Kind, ParticipantFields, Speaker, UndoWhy, Why, decide,
};
pub use event::{EntityRef, Event, Snapshot};
pub use model::*;
pub use record::{Record, Versions};
pub use roles::{Area, Role};
