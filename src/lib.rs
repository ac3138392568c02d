//! gavel: a terminal console for chairing a live public dialogue meeting and
//! keeping its record, so that nothing said in the room is ever lost.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod console;
pub mod demo;
pub mod domain;
pub mod export;
pub mod generate;
pub mod hall;
pub mod i18n;
pub mod input;
pub mod plans;
pub mod recovery;
pub mod store;
pub mod terminal;
pub mod toml_file;
pub mod ui;
