//! `validate`: read lists with positions, run the rules, report diagnostics.

pub mod config;
mod engine;
pub mod law_import;
pub mod laws;
pub mod profile;
pub mod regions;

pub use config::Config;
pub use engine::{Engine, FileReport};
