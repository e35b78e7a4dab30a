//! A decoded input file and the line/column arithmetic on it.

use std::ops::Range;
use std::sync::Arc;

/// A line and column, both counted from 1; the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// A named text (a decoded input file or a YAML file) with a line index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    name: String,
    text: Arc<str>,
    /// Where each line begins: shared with the YAML reader, which reads
    /// the same lines.
    line_starts: Arc<[usize]>,
}

impl SourceFile {
    /// Indexes `text`, naming it `name` (as given by the user).
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> SourceFile {
        let text: Arc<str> = text.into();
        let line_starts = line_starts(&text);
        SourceFile { name: name.into(), text, line_starts }
    }

    /// The name the user gave.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where each line begins: `0`, then each byte after a `\n`.
    pub(crate) fn line_starts(&self) -> Arc<[usize]> {
        Arc::clone(&self.line_starts)
    }

    /// Line and column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        LineCol { line: line + 1, column: self.text[start..offset].chars().count() + 1 }
    }

    /// Byte range of a line (1-based), without its line end.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let i = line.saturating_sub(1).min(self.line_starts.len() - 1);
        let start = self.line_starts[i];
        let mut end = self.line_starts.get(i + 1).map_or(self.text.len(), |&n| n - 1);
        if self.text[start..end].ends_with('\r') {
            end -= 1;
        }
        start..end
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    fn floor_char_boundary(&self, mut i: usize) -> usize {
        while i > 0 && !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

/// Where each line of `text` begins: `0`, then each byte after a `\n`.
pub(crate) fn line_starts(text: &str) -> Arc<[usize]> {
    std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let f = SourceFile::new("a.txt", "序号\n事项名称 编码\r\nx");
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(3), LineCol { line: 1, column: 2 });
        assert_eq!(f.line_col(7), LineCol { line: 2, column: 1 });
        assert_eq!(f.line_col(7 + 12 + 1), LineCol { line: 2, column: 6 });
        assert_eq!(&f.text()[f.line_range(2)], "事项名称 编码");
        assert_eq!(f.line_count(), 3);
        assert_eq!(f.line_col(999).line, 3);
    }
}
