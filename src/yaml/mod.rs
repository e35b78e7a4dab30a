//! The canonical YAML form: writing it, and reading it back with the
//! position of every value.

mod modeline;
mod reader;
mod spans;
mod writer;

pub use modeline::{modeline, schema_reference, with_modeline, MODELINE_PREFIX, SCHEMA_FILE};
pub use reader::{load, LoadError, Loaded, YamlLimits};
pub use spans::{NodeSpan, SpanIndex};
pub use writer::to_canonical_string;
