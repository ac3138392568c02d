//! Everything that turns the record into text for people or programs.

pub mod csv;
pub mod documents;
pub mod followup;
pub mod followup_csv;
pub mod followup_json;
pub mod json;
pub mod log;
pub mod minutes;
pub mod output;
pub mod tracking;
