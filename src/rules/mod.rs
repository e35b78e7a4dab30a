//! Rules: what `validate` checks, one per file, grouped by family.

pub mod registry;
