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
        /// The elements of each sequence, by the sequence's node: an index
        /// step is one look-up, not a walk along the siblings.
        elements: CharMap<u32, Vec<u32>>,
    },
}

impl Default for SpanIndex {
    fn default() -> Self {
        SpanIndex { form: Form::Paths { spans: HashMap::new(), keys: HashMap::new() } }
    }
}

/// No node.
const NONE: u32 = u32::MAX;

/// A node of the tree form: a mapping entry (by key) or a sequence element
/// (by position), with its first child and next sibling. Node 0 is the root.
#[derive(Debug, Clone)]
pub(crate) struct TreeNode {
    pub key: Option<&'static str>,
    pub position: u32,
    pub span: NodeSpan,
    pub first_child: u32,
    pub last_child: u32,
    pub next_sibling: u32,
}

/// One step of a path.
enum Step<'a> {
    Key(&'a str),
    Index(u32),
}

/// `items[3].legal_basis[0].doc_number` as steps; `None` if malformed.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let close = r.find(']')?;
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
                Step::Index(i) => elements.get(&node).and_then(|v| v.get(*i as usize)).copied(),
            };
            match found {
                Some(id) => node = id,
                None => return (node, k, steps.len()),
            }
        }
        (node, steps.len(), steps.len())
    }

    /// The span of the node at `path`.
    pub fn get(&self, path: &str) -> Option<&NodeSpan> {
        match &self.form {
            Form::Paths { spans, .. } => spans.get(path),
            Form::Tree { nodes, elements } => {
                let (node, found, wanted) = Self::walk(nodes, elements, path);
                (found == wanted && node != 0).then(|| &nodes[node as usize].span)
            }
        }
    }

    /// The span at `path`, or of its nearest ancestor that has one, so a
    /// diagnostic about an absent field points at the mapping that lacks it.
    pub fn nearest(&self, path: &str) -> Option<&NodeSpan> {
        match &self.form {
            Form::Paths { spans, .. } => {
                let mut p = path;
                loop {
                    if let Some(s) = spans.get(p) {
                        return Some(s);
                    }
                    let cut = p.rfind(['.', '['])?;
                    p = &p[..cut];
                }
            }
            Form::Tree { nodes, elements } => {
                let (node, _, _) = Self::walk(nodes, elements, path);
                (node != 0).then(|| &nodes[node as usize].span)
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
    pub fn iter(&self) -> Vec<(String, &NodeSpan)> {
        match &self.form {
            Form::Paths { spans, .. } => spans.iter().map(|(k, v)| (k.clone(), v)).collect(),
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
                        out.push((child.clone(), &n.span));
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

/// Builds the tree form: nodes are added under a parent in order.
pub(crate) struct TreeBuilder {
    nodes: Vec<TreeNode>,
    /// By Fx hash: a node id is no attacker's choice, and a list has
    /// thousands of sequence elements.
    elements: CharMap<u32, Vec<u32>>,
}

impl TreeBuilder {
    pub(crate) fn new(capacity: usize) -> TreeBuilder {
        let root = TreeNode {
            key: None,
            position: 0,
            span: NodeSpan { value: 0..0, key: None },
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
        };
        let mut nodes = Vec::with_capacity(capacity);
        nodes.push(root);
        TreeBuilder { nodes, elements: CharMap::default() }
    }

    /// Adds a child of `parent`; its span is set when it is complete.
    pub(crate) fn add(&mut self, parent: u32, key: Option<&'static str>, position: u32) -> u32 {
        let id = self.nodes.len() as u32;
        self.nodes.push(TreeNode {
            key,
            position,
            span: NodeSpan { value: 0..0, key: None },
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
        });
        let p = &mut self.nodes[parent as usize];
        if p.first_child == NONE {
            p.first_child = id;
        } else {
            let last = p.last_child;
            self.nodes[last as usize].next_sibling = id;
        }
        self.nodes[parent as usize].last_child = id;
        if key.is_none() {
            self.elements.entry(parent).or_default().push(id);
        }
        id
    }

    pub(crate) fn set_span(&mut self, node: u32, span: NodeSpan) {
        self.nodes[node as usize].span = span;
    }

    pub(crate) fn finish(self) -> SpanIndex {
        SpanIndex { form: Form::Tree { nodes: self.nodes, elements: self.elements } }
    }
}
