//! Where each value of a YAML file stands: from a value's path
//! (`items[3].legal_basis[0].doc_number`) to its byte range and its key's.
//!
//! Two forms answer the same questions: a map by path, which the full
//! reader's events fill for any YAML, and a tree of nodes, which the
//! canonical walker fills without making a string per node (a list has tens
//! of thousands of nodes, and a run asks for a few of them).

use crate::text::CharMap;
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
#[derive(Debug, Clone)]
pub struct SpanIndex {
    form: Form,
}

#[derive(Debug, Clone)]
enum Form {
    Paths {
        spans: HashMap<String, NodeSpan>,
        /// Keys seen in each mapping, by the mapping's path, in order.
        keys: HashMap<String, Vec<String>>,
    },
    Tree {
        nodes: Vec<TreeNode>,
        /// The elements of each long sequence, by the sequence's node: an
        /// index step is one look-up, not a walk along the siblings.
        elements: CharMap<u32, Vec<u32>>,
    },
}

impl Default for SpanIndex {
    fn default() -> Self {
        SpanIndex { form: Form::Paths { spans: HashMap::new(), keys: HashMap::new() } }
    }
}

/// No node.
pub(crate) const NONE: u32 = u32::MAX;

/// A node of the tree form: a mapping entry (by key) or a sequence element
/// (by position), with its first child and next sibling. Node 0 is the root.
/// Kept small (40 bytes): a long list has a node per line, near a million.
#[derive(Debug, Clone)]
pub(crate) struct TreeNode {
    key: Option<&'static str>,
    position: u32,
    /// The value's byte range.
    value: (u32, u32),
    /// Where the key starts; it spans the key's own length. [`NONE`] for
    /// a sequence element.
    key_start: u32,
    first_child: u32,
    next_sibling: u32,
}

impl TreeNode {
    fn span(&self) -> NodeSpan {
        let key = self.key.filter(|_| self.key_start != NONE);
        NodeSpan {
            value: self.value.0 as usize..self.value.1 as usize,
            key: key.map(|k| self.key_start as usize..self.key_start as usize + k.len()),
        }
    }
}

/// One step of a path.
enum Step<'a> {
    Key(&'a str),
    Index(u32),
}

/// `items[3].legal_basis[0].doc_number` as steps; `None` if malformed.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::with_capacity(8);
    // Cut at ASCII bytes, by a plain scan: a path is a few dozen bytes, on
    // which setting up a vectorised search costs more than the scan.
    let mut from = 0;
    for cut in path.bytes().enumerate().filter(|&(_, b)| b == b'.').map(|(i, _)| i).chain([path.len()]) {
        let part = &path[from..cut];
        from = cut + 1;
        let (key, mut rest) = match part.bytes().position(|b| b == b'[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let close = r.bytes().position(|b| b == b']')?;
            out.push(Step::Index(r[..close].parse().ok()?));
            rest = &r[close + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(out)
}

impl SpanIndex {
    pub(crate) fn insert(&mut self, path: String, span: NodeSpan) {
        if let Form::Paths { spans, .. } = &mut self.form {
            spans.insert(path, span);
        }
    }

    pub(crate) fn insert_key(&mut self, map_path: &str, key: &str) {
        if let Form::Paths { keys, .. } = &mut self.form {
            keys.entry(map_path.to_owned()).or_default().push(key.to_owned());
        }
    }

    fn children<'n>(nodes: &'n [TreeNode], node: u32) -> impl Iterator<Item = (u32, &'n TreeNode)> + 'n {
        let mut next = nodes[node as usize].first_child;
        std::iter::from_fn(move || {
            if next == NONE {
                return None;
            }
            let id = next;
            next = nodes[id as usize].next_sibling;
            Some((id, &nodes[id as usize]))
        })
    }

    /// The tree node at `path`, and how many steps of it were found.
    fn walk(nodes: &[TreeNode], elements: &CharMap<u32, Vec<u32>>, path: &str) -> (u32, usize, usize) {
        let Some(steps) = steps(path) else { return (0, 0, 1) };
        let mut node = 0u32;
        for (k, step) in steps.iter().enumerate() {
            let found = match step {
                Step::Key(key) => Self::children(nodes, node).find(|(_, n)| n.key == Some(key)).map(|(id, _)| id),
                Step::Index(i) => match elements.get(&node) {
                    Some(long) => long.get(*i as usize).copied(),
                    // A short sequence's children are its elements, in order.
                    None => Self::children(nodes, node).nth(*i as usize).map(|(id, _)| id),
                },
            };
            match found {
                Some(id) => node = id,
                None => return (node, k, steps.len()),
            }
        }
        (node, steps.len(), steps.len())
    }

    /// The span of the node at `path`.
    pub fn get(&self, path: &str) -> Option<NodeSpan> {
        match &self.form {
            Form::Paths { spans, .. } => spans.get(path).cloned(),
            Form::Tree { nodes, elements } => {
                let (node, found, wanted) = Self::walk(nodes, elements, path);
                (found == wanted && node != 0).then(|| nodes[node as usize].span())
            }
        }
    }

    /// The span at `path`, or of its nearest ancestor that has one, so a
    /// diagnostic about an absent field points at the mapping that lacks it.
    pub fn nearest(&self, path: &str) -> Option<NodeSpan> {
        match &self.form {
            Form::Paths { spans, .. } => {
                let mut p = path;
                loop {
                    if let Some(s) = spans.get(p) {
                        return Some(s.clone());
                    }
                    let cut = p.rfind(['.', '['])?;
                    p = &p[..cut];
                }
            }
            Form::Tree { nodes, elements } => {
                let (node, _, _) = Self::walk(nodes, elements, path);
                (node != 0).then(|| nodes[node as usize].span())
            }
        }
    }

    /// The keys of the mapping at `path`, in the order written.
    pub fn keys_of(&self, path: &str) -> Vec<&str> {
        match &self.form {
            Form::Paths { keys, .. } => {
                keys.get(path).map_or_else(Vec::new, |k| k.iter().map(String::as_str).collect())
            }
            Form::Tree { nodes, elements } => {
                let (node, found, wanted) = Self::walk(nodes, elements, path);
                if found != wanted {
                    return Vec::new();
                }
                Self::children(nodes, node).filter_map(|(_, n)| n.key).collect()
            }
        }
    }

    /// Every indexed path with its span.
    pub fn iter(&self) -> Vec<(String, NodeSpan)> {
        match &self.form {
            Form::Paths { spans, .. } => spans.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            Form::Tree { nodes, .. } => {
                let mut out = Vec::new();
                let mut stack: Vec<(u32, String)> = vec![(0, String::new())];
                while let Some((node, path)) = stack.pop() {
                    for (id, n) in Self::children(nodes, node) {
                        let child = match n.key {
                            Some(k) if path.is_empty() => k.to_owned(),
                            Some(k) => format!("{path}.{k}"),
                            None => format!("{path}[{}]", n.position),
                        };
                        out.push((child.clone(), n.span()));
                        stack.push((id, child));
                    }
                }
                out
            }
        }
    }

    /// Number of nodes indexed.
    pub fn len(&self) -> usize {
        match &self.form {
            Form::Paths { spans, .. } => spans.len(),
            Form::Tree { nodes, .. } => nodes.len().saturating_sub(1),
        }
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Builds the tree form: nodes are added under a parent in order, each
/// after the sibling the builder's caller added before it.
pub(crate) struct TreeBuilder {
    nodes: Vec<TreeNode>,
    /// The elements of each sequence longer than [`WALKED_ELEMENTS`], by
    /// Fx hash: a node id is no attacker's choice, and a list has thousands
    /// of items.
    elements: CharMap<u32, Vec<u32>>,
}

/// Elements of a sequence found by walking along its children: a list's
/// sequences are nearly all this short (citations, duties, articles), and
/// a look-up table for each would cost more to build than walks cost.
const WALKED_ELEMENTS: u32 = 16;

impl TreeBuilder {
    /// A builder for a text of `len` bytes, with room for `capacity` nodes;
    /// `None` past the 4 GiB its offsets can hold.
    pub(crate) fn new(len: usize, capacity: usize) -> Option<TreeBuilder> {
        u32::try_from(len).ok().filter(|&l| l < NONE)?;
        let root =
            TreeNode { key: None, position: 0, value: (0, 0), key_start: NONE, first_child: NONE, next_sibling: NONE };
        let mut nodes = Vec::with_capacity(capacity);
        nodes.push(root);
        Some(TreeBuilder { nodes, elements: CharMap::default() })
    }

    /// Adds a child of `parent` after its child `after` ([`NONE`] for its
    /// first); its span is set when it is complete. The caller, adding a
    /// parent's children in turn, knows the one before: the builder keeps
    /// no record of it.
    pub(crate) fn add(&mut self, parent: u32, after: u32, key: Option<&'static str>, position: u32) -> u32 {
        let id = self.nodes.len() as u32;
        self.nodes.push(TreeNode {
            key,
            position,
            value: (0, 0),
            key_start: NONE,
            first_child: NONE,
            next_sibling: NONE,
        });
        match after {
            NONE => self.nodes[parent as usize].first_child = id,
            before => self.nodes[before as usize].next_sibling = id,
        }
        id
    }

    /// Ends the sequence `node` of `len` elements: a long one gets a table
    /// of its elements, so that an index step is one look-up.
    pub(crate) fn end_sequence(&mut self, node: u32, len: u32) {
        if len > WALKED_ELEMENTS {
            let all = SpanIndex::children(&self.nodes, node).map(|(id, _)| id).collect();
            self.elements.insert(node, all);
        }
    }

    /// Sets a node's value range and, for a mapping entry, where its key
    /// starts (the key spans its own length). Offsets fit: the text's
    /// length was checked in [`TreeBuilder::new`].
    pub(crate) fn set_span(&mut self, node: u32, value: Range<usize>, key_start: Option<usize>) {
        let n = &mut self.nodes[node as usize];
        n.value = (value.start as u32, value.end as u32);
        n.key_start = key_start.map_or(NONE, |k| k as u32);
    }

    pub(crate) fn finish(self) -> SpanIndex {
        SpanIndex { form: Form::Tree { nodes: self.nodes, elements: self.elements } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_answers_by_path_with_key_and_value_ranges() {
        // `items:\n  - code: "37"` : a mapping entry holding a sequence of one mapping.
        let mut b = TreeBuilder::new(22, 4).unwrap();
        let items = b.add(0, NONE, Some("items"), 0);
        let first = b.add(items, NONE, None, 0);
        b.end_sequence(items, 1);
        let code = b.add(first, NONE, Some("code"), 0);
        b.set_span(code, 17..21, Some(11));
        b.set_span(first, 11..21, None);
        b.set_span(items, 9..21, Some(0));
        let index = b.finish();
        assert_eq!(index.get("items[0].code"), Some(NodeSpan { value: 17..21, key: Some(11..15) }));
        assert_eq!(index.get("items[0]"), Some(NodeSpan { value: 11..21, key: None }));
        assert_eq!(index.get("items[1]"), None);
        assert_eq!(index.nearest("items[0].type").map(|s| s.value), Some(11..21));
        assert_eq!(index.keys_of("items[0]"), ["code"]);
        assert_eq!(index.len(), 3);
    }

    #[test]
    fn elements_are_found_by_index_in_short_and_long_sequences() {
        // Two sequences, of 3 and of 40 one-key mappings, each element
        // spanning 10 bytes: the long one past the length that is walked.
        for len in [3u32, 40] {
            let mut b = TreeBuilder::new(1000, 100).unwrap();
            let items = b.add(0, NONE, Some("items"), 0);
            let mut before = NONE;
            for k in 0..len {
                let element = b.add(items, before, None, k);
                let code = b.add(element, NONE, Some("code"), 0);
                let at = 10 * k as usize;
                b.set_span(code, at + 6..at + 10, Some(at));
                b.set_span(element, at..at + 10, None);
                before = element;
            }
            b.end_sequence(items, len);
            // The long sequence's elements are looked up, the short one's walked.
            assert_eq!(b.elements.contains_key(&items), len > WALKED_ELEMENTS);
            let index = b.finish();
            for k in 0..len as usize {
                let at = 10 * k;
                assert_eq!(index.get(&format!("items[{k}]")).map(|s| s.value), Some(at..at + 10), "{len}: {k}");
                assert_eq!(index.get(&format!("items[{k}].code")).map(|s| s.value), Some(at + 6..at + 10));
            }
            assert_eq!(index.get(&format!("items[{len}]")), None);
        }
    }

    #[test]
    fn paths_are_cut_into_steps() {
        let spelt = |path: &str| {
            steps(path).map(|s| {
                s.iter()
                    .map(|step| match step {
                        Step::Key(k) => (*k).to_owned(),
                        Step::Index(i) => format!("#{i}"),
                    })
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            spelt("items[3].legal_basis[0].doc_number").unwrap(),
            ["items", "#3", "legal_basis", "#0", "doc_number"]
        );
        assert_eq!(spelt("document.notes[1]").unwrap(), ["document", "notes", "#1"]);
        assert_eq!(spelt("a[1][2]").unwrap(), ["a", "#1", "#2"]);
        assert_eq!(spelt("qingdan").unwrap(), ["qingdan"]);
        assert_eq!(spelt("").unwrap(), Vec::<String>::new());
        for bad in ["a[x]", "a[1", "a[1]b", "a[-1]"] {
            assert!(steps(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn offsets_past_four_gib_are_left_to_the_path_form() {
        assert!(TreeBuilder::new(u32::MAX as usize + 1, 1).is_none());
        assert!(TreeBuilder::new(1 << 20, 1).is_some());
    }
}
