//! The projection tables: one row per entity of the record, written in the
//! same transaction as the journal entry that changed it, and read back
//! whole when a meeting is opened.

mod load;
mod rows;
mod timestamps;
mod write;

pub use load::{load_record, load_record_on_two_threads};
pub use timestamps::{format_ts, parse_ts};
pub use write::write_entity;
