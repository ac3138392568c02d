//! gavel: a terminal console for chairing a live public dialogue meeting and
//! keeping its record, so that nothing said in the room is ever lost.

pub mod app;
pub mod archive;
pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod domain;
pub mod export;
pub mod generate;
pub mod i18n;
pub mod input;
pub mod plans;
pub mod register;
pub mod runtime;
pub mod session;
pub mod store;
pub mod toml_file;
pub mod ui;
