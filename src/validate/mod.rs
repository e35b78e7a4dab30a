//! `validate`: read lists with positions, run the rules, report diagnostics.

pub mod law_import;
pub mod laws;
pub mod profile;
pub mod regions;
