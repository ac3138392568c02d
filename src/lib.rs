//! gavel: a terminal console for chairing a live public dialogue meeting and
//! keeping its record, so that nothing said in the room is ever lost.

pub mod cli;
pub mod demo;
pub mod domain;
pub mod export;
pub mod store;
pub mod app;
pub mod i18n;
pub mod input;
pub mod ui;
pub mod console;
pub mod terminal;
