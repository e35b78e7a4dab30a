//! The canonical YAML form: writing it, and reading it back with the
//! position of every value.

mod reader;
mod spans;
mod writer;

pub use reader::{load, LoadError, Loaded, YamlLimits};
pub use spans::{NodeSpan, SpanIndex};
pub use writer::to_canonical_string;
