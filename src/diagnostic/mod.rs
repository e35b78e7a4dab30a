//! Diagnostics: what parse and validate report, located in a file, and the
//! formats they are written in (human, concise, JSON, GitHub, SARIF).

mod render;

pub use render::{render, render_summary, Format, RenderOptions, Summary};

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
        self.location = Some(Located { file: Arc::clone(file), range });
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
        self.location.as_ref().map(|l| (l.file.line_col(l.range.start), l.file.line_col(l.range.end)))
    }

    /// The file name, when located.
    pub fn file_name(&self) -> Option<&str> {
        self.location.as_ref().map(|l| l.file.name())
    }

    /// Orders diagnostics by file, position, then code, for stable output.
    pub fn sort_key(&self) -> (String, usize, &'static str, String) {
        match &self.location {
            Some(l) => (l.file.name().to_owned(), l.range.start, self.code, self.message.en.clone()),
            None => (String::new(), 0, self.code, self.message.en.clone()),
        }
    }
}
