//! Diagnostics: what parse and validate report, located in a file, and the
//! formats they are written in (human, concise, JSON, GitHub, SARIF).

mod render;

pub use render::{render, render_human, render_summary, DiagnosticStream, Format, RenderOptions, Summary};

use crate::i18n::Message;
use crate::text::SourceFile;
use serde::Serialize;
use std::ops::Range;
use std::sync::Arc;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A note about a repair that changed nothing of substance.
    Info,
    /// Doubtful; worth a look.
    Warning,
    /// Wrong.
    Error,
}

impl Severity {
    /// Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }

    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A file that diagnostics point into.
#[derive(Debug, Clone)]
pub struct Located {
    /// The file.
    pub file: Arc<SourceFile>,
    /// Byte range in the file's text.
    pub range: Range<usize>,
    /// Start and end line and column, worked out before the file's text was
    /// let go (see [`Diagnostic::detached`]).
    pub fixed: Option<(crate::text::LineCol, crate::text::LineCol)>,
}

/// One finding.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Rule code (`QD201`), or a parse code (`QP003`).
    pub code: &'static str,
    /// Kebab-case rule name.
    pub name: &'static str,
    /// Severity.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: Message,
    /// Where.
    pub location: Option<Located>,
    /// Label on the span, when it adds to the message.
    pub label: Option<Message>,
    /// How to fix it.
    pub help: Option<Message>,
    /// The item's code, or its 序号 when it has no code.
    pub item: Option<String>,
    /// Path of the value in the list (`items[3].code`).
    pub path: Option<String>,
    /// Whether `fmt` (or parse, which did) repairs it.
    pub fixable: bool,
}

impl Diagnostic {
    /// A diagnostic with no location.
    pub fn new(code: &'static str, name: &'static str, severity: Severity, message: Message) -> Self {
        Diagnostic {
            code,
            name,
            severity,
            message,
            location: None,
            label: None,
            help: None,
            item: None,
            path: None,
            fixable: false,
        }
    }

    /// Places it at `range` of `file`.
    pub fn at(mut self, file: &Arc<SourceFile>, range: Range<usize>) -> Self {
        self.location = Some(Located { file: Arc::clone(file), range, fixed: None });
        self
    }

    /// Adds a label for the span.
    pub fn with_label(mut self, label: Message) -> Self {
        self.label = Some(label);
        self
    }

    /// Adds help.
    pub fn with_help(mut self, help: Message) -> Self {
        self.help = Some(help);
        self
    }

    /// Names the item.
    pub fn for_item(mut self, item: impl Into<String>) -> Self {
        let item = item.into();
        if !item.is_empty() {
            self.item = Some(item);
        }
        self
    }

    /// Names the path of the value.
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// Marks it fixable.
    pub fn fixable(mut self, fixable: bool) -> Self {
        self.fixable = fixable;
        self
    }

    /// Start and end line/column, when located.
    pub fn line_cols(&self) -> Option<(crate::text::LineCol, crate::text::LineCol)> {
        self.location
            .as_ref()
            .map(|l| l.fixed.unwrap_or_else(|| (l.file.line_col(l.range.start), l.file.line_col(l.range.end))))
    }

    /// The same diagnostic pointing into `light` (the file by name, without
    /// its text), its lines and columns worked out first: what the formats
    /// that show no source lines need, so a run over thousands of files
    /// need not keep their texts.
    pub fn detached(mut self, light: &Arc<SourceFile>) -> Diagnostic {
        let fixed = self.line_cols();
        if let Some(l) = &mut self.location {
            l.fixed = fixed;
            l.file = Arc::clone(light);
        }
        self
    }

    /// The file name, when located.
    pub fn file_name(&self) -> Option<&str> {
        self.location.as_ref().map(|l| l.file.name())
    }

    /// Orders diagnostics by file, position, code, then message, for stable
    /// output (without making a key per comparison: reports run to
    /// hundreds of thousands of diagnostics).
    pub fn order(a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
        fn place(d: &Diagnostic) -> (&str, usize) {
            d.location.as_ref().map_or(("", 0), |l| (l.file.name(), l.range.start))
        }
        let by_place = match (&a.location, &b.location) {
            // One file's diagnostics (as a file's report sorts them): no names to compare.
            (Some(x), Some(y)) if Arc::ptr_eq(&x.file, &y.file) => x.range.start.cmp(&y.range.start),
            _ => place(a).cmp(&place(b)),
        };
        by_place.then_with(|| a.code.cmp(b.code)).then_with(|| a.message.en.cmp(&b.message.en))
    }

    /// Sorts `diagnostics` by [`Diagnostic::order`], stably: their places
    /// are sorted and each diagnostic moved once, as a diagnostic is large
    /// and a sort moves its elements many times over.
    pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
        let mut places: Vec<usize> = (0..diagnostics.len()).collect();
        places.sort_by(|&i, &j| Diagnostic::order(&diagnostics[i], &diagnostics[j]));
        if places.iter().enumerate().all(|(k, &i)| k == i) {
            return;
        }
        let mut taken: Vec<Option<Diagnostic>> = diagnostics.drain(..).map(Some).collect();
        diagnostics.extend(places.into_iter().filter_map(|i| taken[i].take()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_are_ordered_by_file_place_code_and_message() {
        let a = Arc::new(SourceFile::new("a.yaml", "0123456789"));
        let also_a = Arc::new(SourceFile::new("a.yaml", "0123456789"));
        let b = Arc::new(SourceFile::new("b.yaml", "0123456789"));
        let d = |code: &'static str, file: Option<&Arc<SourceFile>>, at: usize, text: &str| {
            let d = Diagnostic::new(code, "rule", Severity::Error, Message::same(text));
            match file {
                Some(f) => d.at(f, at..at + 1),
                None => d,
            }
        };
        let mut all = [
            d("QD201", Some(&b), 0, "x"),
            d("QD202", Some(&a), 5, "x"),
            d("QD201", Some(&also_a), 5, "y"),
            d("QD201", Some(&a), 5, "x"),
            d("QD101", None, 0, "x"),
            d("QD201", Some(&a), 2, "x"),
        ];
        let mut sorted = all.to_vec();
        Diagnostic::sort(&mut sorted);
        all.sort_by(Diagnostic::order);
        fn seen_of(all: &[Diagnostic]) -> Vec<(&str, usize, &str, &str)> {
            all.iter()
                .map(|d| {
                    let (file, at) = d.location.as_ref().map_or(("", 0), |l| (l.file.name(), l.range.start));
                    (file, at, d.code, d.message.en.as_str())
                })
                .collect()
        }
        let seen = seen_of(&all);
        assert_eq!(seen_of(&sorted), seen, "sorting by places sorts as sorting the diagnostics");
        // Equal diagnostics keep their order: the two a.yaml files' at 5 are told apart by their files.
        let also_a_first =
            sorted.iter().position(|d| d.location.as_ref().is_some_and(|l| Arc::ptr_eq(&l.file, &also_a)));
        assert_eq!(
            also_a_first,
            all.iter().position(|d| d.location.as_ref().is_some_and(|l| Arc::ptr_eq(&l.file, &also_a)))
        );
        assert_eq!(
            seen,
            [
                ("", 0, "QD101", "x"),
                ("a.yaml", 2, "QD201", "x"),
                ("a.yaml", 5, "QD201", "x"),
                ("a.yaml", 5, "QD201", "y"),
                ("a.yaml", 5, "QD202", "x"),
                ("b.yaml", 0, "QD201", "x"),
            ]
        );
    }
}
