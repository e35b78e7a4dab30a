//! qingdan: parse, validate, format and diff 权责清单 (lists of a government
//! department's powers and responsibilities).
//!
//! The data's path through the crate:
//! bytes → [`decode`] (→ [`page`] for a web page's tables) → [`normalize`] → layout → extract
//! → [`model`] → [`yaml`];
//! and YAML (with spans) → [`model`] → rules → diagnostics.
#![forbid(unsafe_code)]

pub mod decode;
pub mod diagnostic;
pub mod docx;
pub mod extract;
pub mod i18n;
pub mod io;
pub mod layout;
pub mod model;
pub mod normalize;
pub mod page;
pub mod parallel;
pub mod parse;
pub mod rules;
pub mod sheet;
pub mod text;
pub mod yaml;

/// The JSON Schema of the list format, as shipped in `schema/qingdan.schema.json`.
pub const SCHEMA: &str = include_str!("../schema/qingdan.schema.json");
pub mod diff;
pub mod export;
pub mod format;
pub mod validate;
