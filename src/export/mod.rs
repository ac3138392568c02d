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
pub mod register;
pub mod register_report;
pub mod tracking;

/// How much of a person's text (a title, an issue, a procedure) a line of
/// text output quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quote {
    /// Cut with "…" to keep a line on a screen (60 or 70 characters).
    Short,
    /// Whole (into a pipe or a file, where nothing should be lost).
    Whole,
}
