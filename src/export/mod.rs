//! Everything that turns the record into text for people or programs.

pub mod followup;
pub mod log;
