//! Where each value of a YAML file stands: a map from a value's path
//! (`items[3].legal_basis[0].doc_number`) to its byte range and its key's.

use std::collections::HashMap;
use std::ops::Range;

/// Where one node stands in the YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeSpan {
    /// The value's byte range.
    pub value: Range<usize>,
    /// The key's byte range, for a mapping entry.
    pub key: Option<Range<usize>>,
}

/// Positions of the values of one YAML file, by path.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    spans: HashMap<String, NodeSpan>,
    /// Keys seen in each mapping, by the mapping's path, in order.
    keys: HashMap<String, Vec<String>>,
}

impl SpanIndex {
    pub(crate) fn insert(&mut self, path: String, span: NodeSpan) {
        self.spans.insert(path, span);
    }

    pub(crate) fn insert_key(&mut self, map_path: &str, key: &str) {
        self.keys.entry(map_path.to_owned()).or_default().push(key.to_owned());
    }

    /// The span of the node at `path`.
    pub fn get(&self, path: &str) -> Option<&NodeSpan> {
        self.spans.get(path)
    }

    /// The span at `path`, or of its nearest ancestor that has one, so a
    /// diagnostic about an absent field points at the mapping that lacks it.
    pub fn nearest(&self, path: &str) -> Option<&NodeSpan> {
        let mut p = path;
        loop {
            if let Some(s) = self.spans.get(p) {
                return Some(s);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }

    /// The keys of the mapping at `path`, in the order written.
    pub fn keys_of(&self, path: &str) -> &[String] {
        self.keys.get(path).map_or(&[], Vec::as_slice)
    }

    /// Number of nodes indexed.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}
