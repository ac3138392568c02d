//! Everything that turns the record into text for people or programs.

pub mod log;
pub mod minutes;
