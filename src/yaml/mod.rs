//! The canonical YAML form: writing it, and reading it back with the
//! position of every value.

mod canonical;
mod modeline;
mod reader;
mod spans;
mod writer;

pub use canonical::read_canonical;
pub use modeline::{modeline, schema_reference, with_modeline, MODELINE_PREFIX, SCHEMA_FILE};
pub use reader::{load, load_full, load_source, LoadError, Loaded, YamlLimits};
pub use spans::{NodeSpan, SpanIndex};
pub use writer::to_canonical_string;
