//! Conservation: every non-space character of the table part of the input
//! is in exactly one cell or one set-aside fragment. A checked property of
//! the layout stage, through the offset maps of the cells.

use super::Laid;
use crate::text::Text;
use std::ops::Range;

/// Where the layout lost or doubled text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Source ranges of characters in no cell and no fragment.
    pub missing: Vec<Range<usize>>,
    /// Source ranges of characters in more than one.
    pub doubled: Vec<Range<usize>>,
}

impl Coverage {
    /// True when nothing is missing or doubled.
    pub fn is_exact(&self) -> bool {
        self.missing.is_empty() && self.doubled.is_empty()
    }
}

fn mark(counts: &mut [u8], text: &Text) {
    let mut last = None;
    for (i, c) in text.as_str().char_indices() {
        if c.is_whitespace() {
            continue;
        }
        let r = text.source_range(i..i + c.len_utf8());
        // Mark the first byte only: a replacement maps one char to a longer
        // source range, and several chars (`1.` for `⒈`) to the same one.
        if last == Some(r.start) {
            continue;
        }
        last = Some(r.start);
        if let Some(n) = counts.get_mut(r.start) {
            *n = n.saturating_add(1);
        }
    }
}

/// Checks that `laid`, read from `document` (normalised text of `source`),
/// holds every non-space character of `source` after the preamble once.
pub fn coverage(source: &str, document: &Text, laid: &Laid) -> Coverage {
    let mut counts = vec![0u8; source.len() + 1];
    for r in &laid.records {
        for row in &r.rows {
            for (_, cell) in row {
                mark(&mut counts, cell);
            }
        }
    }
    for f in &laid.fragments {
        mark(&mut counts, &f.text);
    }
    // Characters the document passes replaced stand for their whole source
    // range; only the first byte of each is counted above, and characters
    // they removed (zero-width spaces) count as space.
    // The delimiter of a delimited table is structure, like white space.
    let delimiter = match laid.kind {
        super::LayoutKind::Delimited(d) => Some(d),
        super::LayoutKind::Vertical => None,
    };
    let mut expected = vec![false; source.len() + 1];
    for (i, c) in document.as_str().char_indices() {
        if !c.is_whitespace() && !delimiter.is_some_and(|d| super::delimited::is_delimiter(d, c)) {
            let r = document.source_range(i..i + c.len_utf8());
            if r.start < expected.len() {
                expected[r.start] = true;
            }
        }
    }
    let start = laid.preamble.span().end.max(if laid.preamble.is_empty() { 0 } else { laid.preamble.span().end });
    let mut cov = Coverage::default();
    for (i, _) in source.char_indices().filter(|&(i, _)| i >= start && expected[i]) {
        let end = i + source[i..].chars().next().map_or(1, char::len_utf8);
        match counts[i] {
            0 => push(&mut cov.missing, i..end),
            1 => {}
            _ => push(&mut cov.doubled, i..end),
        }
    }
    cov
}

fn push(v: &mut Vec<Range<usize>>, r: Range<usize>) {
    if let Some(last) = v.last_mut() {
        if last.end == r.start {
            last.end = r.end;
            return;
        }
    }
    v.push(r);
}
