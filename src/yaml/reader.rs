//! Reads a list file: the model through serde-saphyr, with budgets against
//! alias bombs and deep nesting, and the [`SpanIndex`] from the parser's events.

use super::spans::{NodeSpan, SpanIndex};
use crate::model::{List, FORMAT_VERSION};
use serde_saphyr::granit_parser::{Event, Parser};
use std::ops::Range;

/// Limits on what a YAML file may ask of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YamlLimits {
    /// Deepest nesting of collections.
    pub max_depth: usize,
    /// Most alias (`*ref`) uses.
    pub max_aliases: usize,
    /// Most parser events (roughly: nodes).
    pub max_events: usize,
}

impl Default for YamlLimits {
    fn default() -> Self {
        YamlLimits { max_depth: 64, max_aliases: 1_000, max_events: 20_000_000 }
    }
}

/// A list read from YAML, with positions. Its texts borrow from the YAML
/// text it was read from.
#[derive(Debug)]
pub struct Loaded<'a> {
    /// The list.
    pub list: List<'a>,
    text: &'a str,
    /// Where the text's lines begin: the reader's and the span index's
    /// lines, found once.
    line_starts: std::sync::Arc<[usize]>,
    limits: YamlLimits,
    /// The content lines the canonical reader found, for the span index.
    lines: Option<super::canonical::ContentLines>,
    spans: std::sync::OnceLock<SpanIndex>,
}

impl Loaded<'_> {
    /// Where each value stands. Worked out on first use: a file without
    /// findings never needs it.
    pub fn spans(&self) -> &SpanIndex {
        self.spans.get_or_init(|| {
            let canonical = match &self.lines {
                Some(kept) => super::canonical::index_canonical_lines(self.text, kept),
                None => {
                    super::canonical::index_canonical(self.text, crate::text::lines_at(self.text, &self.line_starts))
                }
            };
            canonical.unwrap_or_else(|| index_spans(self.text, &self.limits).unwrap_or_default())
        })
    }
}

/// Why a YAML file could not be read as a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// What is wrong.
    pub message: crate::i18n::Message,
    /// Byte range in the YAML text, when known.
    pub range: Option<Range<usize>>,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for LoadError {}

/// Reads `text` as a list file.
pub fn load<'a>(text: &'a str, limits: &YamlLimits) -> Result<Loaded<'a>, LoadError> {
    load_indexed(text, crate::text::line_starts(text), limits)
}

/// [`load`] of a source file's text: the reader and the span index walk
/// the lines the source file has already found instead of searching the
/// text for them again.
pub fn load_source<'a>(source: &'a crate::text::SourceFile, limits: &YamlLimits) -> Result<Loaded<'a>, LoadError> {
    load_indexed(source.text(), source.line_starts(), limits)
}

/// Reads `text`, whose lines begin at `line_starts`.
fn load_indexed<'a>(
    text: &'a str,
    line_starts: std::sync::Arc<[usize]>,
    limits: &YamlLimits,
) -> Result<Loaded<'a>, LoadError> {
    // Lists in the canonical form take the fast path; everything else, and
    // every error, the full reader.
    let lines = crate::text::lines_at(text, &line_starts);
    if let Some((list, lines)) = super::canonical::read_canonical_keeping_lines(text, lines) {
        if list.qingdan == FORMAT_VERSION {
            let spans = std::sync::OnceLock::new();
            return Ok(Loaded { list, text, line_starts, limits: *limits, lines, spans });
        }
    }
    load_full_indexed(text, line_starts, limits)
}

/// Reads `text` with the full YAML reader only (serde-saphyr), whatever its form.
pub fn load_full<'a>(text: &'a str, limits: &YamlLimits) -> Result<Loaded<'a>, LoadError> {
    load_full_indexed(text, crate::text::line_starts(text), limits)
}

fn load_full_indexed<'a>(
    text: &'a str,
    line_starts: std::sync::Arc<[usize]>,
    limits: &YamlLimits,
) -> Result<Loaded<'a>, LoadError> {
    let mut options = serde_saphyr::Options::default();
    let mut budget = serde_saphyr::Budget::default();
    budget.max_aliases = limits.max_aliases;
    budget.max_events = limits.max_events;
    budget.max_depth = limits.max_depth;
    options.budget = Some(budget);
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    let list: List = serde_saphyr::from_str_with_options(text, options).map_err(|e| LoadError {
        message: {
            let text = clean_message(&e);
            crate::tr!("{text}", "无法读取为清单：{text}")
        },
        range: e.location().and_then(|l| location_range(text, l)),
    })?;
    let loaded = Loaded { list, text, line_starts, limits: *limits, lines: None, spans: std::sync::OnceLock::new() };
    if loaded.list.qingdan != FORMAT_VERSION {
        return Err(LoadError {
            message: crate::tr!(
                "unsupported format version `qingdan: {}`; this build reads version {FORMAT_VERSION}",
                "不支持的格式版本 `qingdan: {}`；本程序读取第 {FORMAT_VERSION} 版",
                loaded.list.qingdan
            ),
            range: loaded.spans().get("qingdan").map(|s| s.value.clone()),
        });
    }
    Ok(loaded)
}

fn clean_message(e: &serde_saphyr::Error) -> String {
    // The library's Display may carry its own location suffix; keep the first line.
    let full = e.to_string();
    full.lines().next().unwrap_or(&full).trim().to_owned()
}

fn location_range(text: &str, location: serde_saphyr::Location) -> Option<Range<usize>> {
    let span = location.span();
    if let (Some(start), Some(len)) = (span.byte_offset(), span.byte_len()) {
        let start = usize::try_from(start).ok()?.min(text.len());
        let end = (start + usize::try_from(len).ok()?).min(text.len());
        return Some(start..end);
    }
    let (line, col) = (location.line() as usize, location.column() as usize);
    if line == 0 {
        return None;
    }
    let start_of_line = text.split_inclusive('\n').take(line - 1).map(str::len).sum::<usize>();
    let offset = text[start_of_line.min(text.len())..]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(text.len(), |(i, _)| start_of_line + i);
    Some(offset..offset)
}

enum Frame {
    Map { path: String, key: Option<(String, Range<usize>)> },
    Seq { path: String, index: usize },
}

/// Walks the parser's events, recording the span of every node by path.
fn index_spans(text: &str, limits: &YamlLimits) -> Result<SpanIndex, LoadError> {
    let mut index = SpanIndex::default();
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut starts: Vec<(String, usize, Option<Range<usize>>)> = Vec::new();
    let mut events = 0usize;
    let mut documents = 0usize;
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| {
            let m = e.marker();
            let at = m.byte_offset().unwrap_or(0).min(text.len());
            let info = e.info();
            LoadError { message: crate::tr!("YAML syntax: {info}", "YAML 语法错误：{info}"), range: Some(at..at) }
        })?;
        events += 1;
        if events > limits.max_events {
            return Err(LoadError {
                message: crate::tr!(
                    "YAML too large: more than {} nodes",
                    "YAML 过大：超过 {} 个节点",
                    limits.max_events
                ),
                range: None,
            });
        }
        let range = span.byte_range().unwrap_or(0..0);
        match event {
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return Err(LoadError {
                        message: crate::tr!(
                            "a list file holds one YAML document; found a second",
                            "一个清单文件只能有一个 YAML 文档；发现了第二个"
                        ),
                        range: Some(range),
                    });
                }
            }
            Event::Scalar(value, ..) => {
                if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                    if key.is_none() {
                        *key = Some((value.into_owned(), range));
                        continue;
                    }
                }
                let (path, key_range) = child_path(&mut stack, &mut index);
                index.insert(path, NodeSpan { value: range, key: key_range });
            }
            Event::Alias(_) => {
                let (path, key_range) = child_path(&mut stack, &mut index);
                index.insert(path, NodeSpan { value: range, key: key_range });
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let is_map = matches!(event, Event::MappingStart(..));
                if let Some(Frame::Map { key: None, .. }) = stack.last() {
                    // A collection used as a key: index it under a placeholder.
                    if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                        *key = Some(("?".into(), range.clone()));
                    }
                }
                let (path, key_range) =
                    if stack.is_empty() { (String::new(), None) } else { child_path(&mut stack, &mut index) };
                if stack.len() >= limits.max_depth {
                    return Err(LoadError {
                        message: crate::tr!(
                            "YAML nested deeper than {} levels",
                            "YAML 嵌套超过 {} 层",
                            limits.max_depth
                        ),
                        range: Some(range),
                    });
                }
                starts.push((path.clone(), range.start, key_range));
                stack.push(if is_map { Frame::Map { path, key: None } } else { Frame::Seq { path, index: 0 } });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                stack.pop();
                if let Some((path, start, key)) = starts.pop() {
                    let end = range.end.max(start);
                    if !path.is_empty() {
                        index.insert(path, NodeSpan { value: start..end, key });
                    }
                }
            }
            _ => {}
        }
    }
    Ok(index)
}

/// The path of the next child of the innermost collection, and its key's range.
fn child_path(stack: &mut [Frame], index: &mut SpanIndex) -> (String, Option<Range<usize>>) {
    match stack.last_mut() {
        None => (String::new(), None),
        Some(Frame::Seq { path, index: i }) => {
            let p = format!("{path}[{i}]");
            *i += 1;
            (p, None)
        }
        Some(Frame::Map { path, key }) => {
            let (k, r) = key.take().unwrap_or_default();
            index.insert_key(path, &k);
            let p = if path.is_empty() { k } else { format!("{path}.{k}") };
            (p, Some(r))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "qingdan: 1\nitems:\n  - seq: 1\n    item: 甲\n    code: \"3700000236009\"\n    legal_basis:\n      - title: 社会保险法\n        articles: [第八十七条, 第八十八条]\n";

    #[test]
    fn loads_with_spans() {
        let loaded = load(SAMPLE, &YamlLimits::default()).unwrap();
        assert_eq!(loaded.list.items[0].code, "3700000236009");
        let code = loaded.spans().get("items[0].code").unwrap();
        assert_eq!(&SAMPLE[code.value.clone()], "\"3700000236009\"");
        assert_eq!(&SAMPLE[code.key.clone().unwrap()], "code");
        let art = loaded.spans().get("items[0].legal_basis[0].articles[1]").unwrap();
        assert_eq!(&SAMPLE[art.value.clone()], "第八十八条");
        assert_eq!(loaded.spans().keys_of("items[0]"), ["seq", "item", "code", "legal_basis"]);
        let full = load_full(SAMPLE, &YamlLimits::default()).unwrap();
        assert_eq!(full.spans().keys_of("items[0]"), ["seq", "item", "code", "legal_basis"]);
        assert_eq!(full.spans().get("items[0].code"), loaded.spans().get("items[0].code"));
        assert!(loaded.spans().get("items[0]").unwrap().value.start < code.value.start);
        assert_eq!(
            loaded.spans().nearest("items[0].type").unwrap().value,
            loaded.spans().get("items[0]").unwrap().value
        );
    }

    #[test]
    fn unknown_key_is_an_error_with_position() {
        let text = "qingdan: 1\nitems:\n  - item: 甲\n    colour: red\n";
        let err = load(text, &YamlLimits::default()).unwrap_err();
        assert!(err.message.en.contains("colour"), "{}", err.message.en);
        let r = err.range.unwrap();
        assert!(text[r.start..].starts_with("colour") || r.start >= text.find("colour").unwrap() - 4, "{r:?}");
    }

    #[test]
    fn wrong_version() {
        let err = load("qingdan: 2\nitems: []\n", &YamlLimits::default()).unwrap_err();
        assert!(err.message.en.contains("version"));
        assert_eq!(err.range, Some(9..10));
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut text = String::from(
            "qingdan: 1\nx0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for i in 1..10 {
            let prev = i - 1;
            text.push_str(&format!(
                "x{i}: &a{i} [*a{prev},*a{prev},*a{prev},*a{prev},*a{prev},*a{prev},*a{prev},*a{prev},*a{prev}]\n"
            ));
        }
        let limits = YamlLimits { max_aliases: 50, ..Default::default() };
        assert!(load(&text, &limits).is_err());
    }

    #[test]
    fn deep_nesting_is_refused() {
        // Refused, whether by the depth budget or by the schema, and never by a crash.
        for depth in [100, 5000, 100_000] {
            let text = format!("qingdan: 1\nitems: {}{}\n", "[".repeat(depth), "]".repeat(depth));
            assert!(load(&text, &YamlLimits::default()).is_err());
            let text = format!("qingdan: 1\ndocument: {}1{}\n", "{a: ".repeat(depth), "}".repeat(depth));
            assert!(load(&text, &YamlLimits::default()).is_err());
        }
    }

    #[test]
    fn duplicate_keys_are_refused() {
        let err = load("qingdan: 1\nqingdan: 1\n", &YamlLimits::default()).unwrap_err();
        assert!(err.message.en.to_lowercase().contains("duplicate"), "{}", err.message.en);
    }
}
