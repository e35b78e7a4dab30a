//! Writing diagnostics: miette's graphical report, one line each, JSON,
//! GitHub workflow commands and SARIF 2.1.0.

use super::{Diagnostic, Severity};
use crate::i18n::Lang;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, Report};
use serde_json::{json, Value};
use std::fmt::Write as _;

/// An output format for diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// miette's graphical report with the source line shown.
    Human,
    /// One line per diagnostic: `file:line:col: severity[code] message`.
    Concise,
    /// A JSON array.
    Json,
    /// GitHub Actions workflow commands.
    Github,
    /// SARIF 2.1.0.
    Sarif,
}

/// Options for [`render`].
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// Colour the human format.
    pub color: bool,
    /// Terminal width for the human format.
    pub width: usize,
    /// Language of the messages (codes, names and JSON keys are the same in both).
    pub lang: Lang,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions { color: false, width: 100, lang: Lang::En }
    }
}

/// Counts for the closing line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files read.
    pub files: usize,
    /// Items read.
    pub items: usize,
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// Diagnostics left out by a limit.
    pub omitted: usize,
    /// Wall time in milliseconds.
    pub millis: u128,
}

/// The closing line: files, items, errors, warnings and time.
pub fn render_summary(s: &Summary, lang: Lang) -> String {
    if lang == Lang::Zh {
        let mut line = format!(
            "{} 个文件，{} 个事项：{} 个错误，{} 个警告（{} 毫秒）",
            s.files, s.items, s.errors, s.warnings, s.millis
        );
        if s.omitted > 0 {
            let _ = write!(line, "；另有 {} 条未显示（--max-diagnostics）", s.omitted);
        }
        return line;
    }
    let mut line = format!(
        "{} file{}, {} item{}: {} error{}, {} warning{} ({} ms)",
        s.files,
        plural(s.files),
        s.items,
        plural(s.items),
        s.errors,
        plural(s.errors),
        s.warnings,
        plural(s.warnings),
        s.millis
    );
    if s.omitted > 0 {
        let _ = write!(line, "; {} more not shown (--max-diagnostics)", s.omitted);
    }
    line
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Writes `diagnostics` in `format`.
pub fn render(diagnostics: &[Diagnostic], format: Format, options: &RenderOptions) -> String {
    let mut stream = DiagnosticStream::new(Vec::new(), format, *options);
    for d in diagnostics {
        stream.write(d);
    }
    String::from_utf8(stream.finish().unwrap_or_default()).unwrap_or_default()
}

/// Writes diagnostics one at a time as a run produces them, so that a run
/// over thousands of files holds none of them: JSON and SARIF are opened
/// on the first and closed by [`DiagnosticStream::finish`].
pub struct DiagnosticStream<W: std::io::Write> {
    out: W,
    format: Format,
    options: RenderOptions,
    written: usize,
    /// SARIF: the rules met so far, in the order of their `ruleIndex`.
    rules: Vec<(&'static str, &'static str)>,
    /// The JSON of the diagnostic being written.
    json: Vec<u8>,
    error: Option<std::io::Error>,
}

impl<W: std::io::Write> DiagnosticStream<W> {
    /// A stream writing to `out`.
    pub fn new(out: W, format: Format, options: RenderOptions) -> Self {
        DiagnosticStream { out, format, options, written: 0, rules: Vec::new(), json: Default::default(), error: None }
    }

    fn put(&mut self, s: &str) {
        self.put_bytes(s.as_bytes());
    }

    /// Writes `value` as pretty JSON `depth` levels in (every line indented
    /// by two spaces a level), through a buffer kept from one diagnostic to
    /// the next.
    fn put_pretty(&mut self, value: &impl serde::Serialize, depth: usize) {
        let mut json = std::mem::take(&mut self.json);
        json.clear();
        json.resize(2 * depth, b' ');
        if pretty_at(value, depth, &mut json).is_ok() {
            // One write, for writers without a buffer of their own (stderr).
            self.put_bytes(&json);
        }
        self.json = json;
    }

    fn put_bytes(&mut self, bytes: &[u8]) {
        if self.error.is_none() {
            if let Err(e) = self.out.write_all(bytes) {
                self.error = Some(e);
            }
        }
    }

    /// Whether the reader of the output has gone away (`| head`): nothing
    /// more written will be read.
    pub fn reader_gone(&self) -> bool {
        self.error.as_ref().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// Writes one diagnostic of the human format already rendered by
    /// [`render_human`] (on another thread, say): the same bytes
    /// [`DiagnosticStream::write`] would write.
    pub fn write_rendered(&mut self, rendered: &str) {
        debug_assert!(self.format == Format::Human);
        self.written += 1;
        self.put(rendered);
    }

    /// Writes one diagnostic.
    pub fn write(&mut self, d: &Diagnostic) {
        let lang = self.options.lang;
        let first = self.written == 0;
        self.written += 1;
        match self.format {
            Format::Human => {
                let s = render_human(d, &self.options);
                self.put(&s);
            }
            Format::Concise => self.put(&concise(d, lang)),
            Format::Github => self.put(&github(d, lang)),
            Format::Json => {
                self.put(if first { "[\n" } else { ",\n" });
                self.put_pretty(&JsonDiagnostic::new(d, lang), 1);
            }
            Format::Sarif => {
                let index = match self.rules.iter().position(|r| r.0 == d.code) {
                    Some(i) => i,
                    None => {
                        self.rules.push((d.code, d.name));
                        self.rules.len() - 1
                    }
                };
                self.put(if first { SARIF_OPEN } else { ",\n" });
                self.put_pretty(&sarif_result(d, index, lang), 4);
            }
        }
    }

    /// Closes the document (JSON, SARIF) and hands back the writer, or the
    /// first error met in writing.
    pub fn finish(mut self) -> std::io::Result<W> {
        match self.format {
            Format::Json => {
                let close = if self.written == 0 { "[]\n" } else { "\n]\n" };
                self.put(close);
            }
            Format::Sarif => {
                if self.written == 0 {
                    self.put(SARIF_OPEN.trim_end_matches('\n'));
                    self.put("]");
                } else {
                    self.put("\n      ]");
                }
                let rules: Vec<Value> = self
                    .rules
                    .iter()
                    .map(|(code, name)| json!({ "id": code, "name": name, "shortDescription": { "text": name } }))
                    .collect();
                let tool =
                    json!({ "driver": { "name": "qingdan", "version": env!("CARGO_PKG_VERSION"), "rules": rules } });
                let mut nested = Vec::new();
                let _ = pretty_at(&tool, 3, &mut nested);
                self.put(",\n      \"tool\": ");
                self.put_bytes(&nested);
                self.put("\n    }\n  ]\n}\n");
            }
            _ => {}
        }
        if self.error.is_none() {
            if let Err(e) = self.out.flush() {
                self.error = Some(e);
            }
        }
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(self.out),
        }
    }
}

/// The SARIF document up to its results array.
const SARIF_OPEN: &str = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"results\": [\n";

/// Appends `value` to `out` as pretty JSON `depth` levels into a document
/// written around it: what serde_json's pretty printer writes, with every
/// line after the first indented by two more spaces a level, in one pass.
fn pretty_at(value: &impl serde::Serialize, depth: usize, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, NestedPretty { depth, has_value: false });
    value.serialize(&mut ser)
}

/// serde_json's pretty formatter (two spaces a level) starting at a depth.
struct NestedPretty {
    depth: usize,
    has_value: bool,
}

impl NestedPretty {
    fn new_line<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        const SPACES: &[u8] = &[b' '; 64];
        w.write_all(b"\n")?;
        let mut n = 2 * self.depth;
        while n > 0 {
            let k = n.min(SPACES.len());
            w.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }

    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(w)?;
        }
        w.write_all(bracket)
    }

    fn entry<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.new_line(w)
    }
}

impl serde_json::ser::Formatter for NestedPretty {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.entry(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.entry(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// One diagnostic in the human format (graphical, with its source lines),
/// as [`DiagnosticStream`] writes it: the costly format to render, so a
/// run over many files renders each file's on the thread that checked it.
pub fn render_human(d: &Diagnostic, options: &RenderOptions) -> String {
    let severity = match d.severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    };
    let mut diag = MietteDiagnostic::new(d.message.get(options.lang))
        .with_code(format!("{}({})", d.code, d.name))
        .with_severity(severity);
    if let Some(help) = &d.help {
        diag = diag.with_help(help.get(options.lang));
    }
    let theme = if options.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(options.width).with_links(false);
    let report = match &d.location {
        Some(loc) => {
            let len = loc.range.end.saturating_sub(loc.range.start);
            diag = diag.with_label(LabeledSpan::new_primary_with_span(
                d.label.as_ref().map(|l| l.get(options.lang).to_owned()),
                (loc.range.start, len),
            ));
            Report::new(diag).with_source_code(Excerpt::around(&loc.file, loc.range.clone()))
        }
        None => Report::new(diag),
    };
    let mut out = String::new();
    if handler.render_report(&mut out, report.as_ref()).is_err() {
        out = concise(d, options.lang);
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The lines around a span, for miette to show: a report over a large file
/// copies a few lines, not the file, and still shows the file's line numbers.
struct Excerpt {
    file: std::sync::Arc<crate::text::SourceFile>,
    /// Byte range of the excerpt in the file.
    window: std::ops::Range<usize>,
    /// Lines of the file before the excerpt.
    lines_before: usize,
}

impl Excerpt {
    /// Lines of context kept on each side (miette shows fewer).
    const CONTEXT: usize = 3;

    fn around(file: &std::sync::Arc<crate::text::SourceFile>, span: std::ops::Range<usize>) -> Excerpt {
        let first = file.line_col(span.start).line.saturating_sub(Self::CONTEXT).max(1);
        let last = (file.line_col(span.end).line + Self::CONTEXT).min(file.line_count());
        let start = file.line_range(first).start;
        let end = file.line_range(last).end;
        Excerpt { file: std::sync::Arc::clone(file), window: start..end, lines_before: first - 1 }
    }
}

impl miette::SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let text = &self.file.text()[self.window.clone()];
        let offset = span.offset().saturating_sub(self.window.start).min(text.len());
        let len = span.len().min(text.len() - offset);
        let local = miette::SourceSpan::new(offset.into(), len);
        let inner = text.read_span(&local, context_lines_before, context_lines_after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.file.name().to_owned(),
            inner.data(),
            miette::SourceSpan::new((inner.span().offset() + self.window.start).into(), inner.span().len()),
            inner.line() + self.lines_before,
            inner.column(),
            inner.line_count(),
        )))
    }
}

fn concise(d: &Diagnostic, lang: Lang) -> String {
    let place = match (d.file_name(), d.line_cols()) {
        (Some(f), Some((s, _))) => format!("{f}:{}:{}: ", s.line, s.column),
        _ => String::new(),
    };
    format!("{place}{}[{}] {} ({})\n", d.severity.as_str(), d.code, d.message.get(lang), d.name)
}

/// One diagnostic in the JSON format, its keys in alphabetical order.
#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    column: Option<usize>,
    end_column: Option<usize>,
    end_line: Option<usize>,
    file: Option<&'a str>,
    fixable: bool,
    item: Option<&'a str>,
    line: Option<usize>,
    message: &'a str,
    name: &'a str,
    path: Option<&'a str>,
    severity: &'a str,
}

impl<'a> JsonDiagnostic<'a> {
    fn new(d: &'a Diagnostic, lang: Lang) -> Self {
        let (start, end) = d.line_cols().map_or((None, None), |(s, e)| (Some(s), Some(e)));
        JsonDiagnostic {
            code: d.code,
            column: start.map(|p| p.column),
            end_column: end.map(|p| p.column),
            end_line: end.map(|p| p.line),
            file: d.file_name(),
            fixable: d.fixable,
            item: d.item.as_deref(),
            line: start.map(|p| p.line),
            message: d.message.get(lang),
            name: d.name,
            path: d.path.as_deref(),
            severity: d.severity.as_str(),
        }
    }
}

fn github_escape(s: &str, property: bool) -> String {
    let mut out = s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

fn github(d: &Diagnostic, lang: Lang) -> String {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut props = Vec::new();
    if let (Some(f), Some((s, e))) = (d.file_name(), d.line_cols()) {
        props.push(format!("file={}", github_escape(f, true)));
        props.push(format!("line={}", s.line));
        props.push(format!("col={}", s.column));
        props.push(format!("endLine={}", e.line));
        if s.line == e.line {
            props.push(format!("endColumn={}", e.column));
        }
    }
    props.push(format!("title={}", github_escape(&format!("{} {}", d.code, d.name), true)));
    format!("::{command} {}::{}\n", props.join(","), github_escape(d.message.get(lang), false))
}

fn sarif_result(d: &Diagnostic, rule_index: usize, lang: Lang) -> Value {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    };
    let mut result = json!({
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": level,
        "message": { "text": d.message.get(lang) },
    });
    if let (Some(f), Some((s, e))) = (d.file_name(), d.line_cols()) {
        result["locations"] = json!([{
            "physicalLocation": {
                "artifactLocation": { "uri": f.replace('\\', "/") },
                "region": { "startLine": s.line, "startColumn": s.column, "endLine": e.line, "endColumn": e.column }
            }
        }]);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::SourceFile;
    use std::sync::Arc;

    fn sample() -> Vec<Diagnostic> {
        let file = Arc::new(SourceFile::new("list.yaml", "qingdan: 1\nitems:\n  - code: \"12\"\n"));
        let start = file.text().find("\"12\"").unwrap();
        vec![Diagnostic::new(
            "QD201",
            "code-length",
            Severity::Error,
            crate::tr!("code has 2 characters, the profile wants 13", "编码有 2 位，配置要求 13 位"),
        )
        .at(&file, start..start + 4)
        .for_item("12")
        .with_path("items[0].code")]
    }

    #[test]
    fn nested_pretty_json_is_the_pretty_printer_indented() {
        let value = json!({
            "b": [1, [], {}, [2, {"x": null}]],
            "a": {"s": "行\n\"引\"", "empty": {}, "list": []},
            "n": 1.5,
        });
        for v in [value.clone(), json!([]), json!({}), json!("x"), json!([value])] {
            let pretty = serde_json::to_string_pretty(&v).unwrap();
            for depth in 0..5 {
                let pad = " ".repeat(2 * depth);
                let indented = pretty.split('\n').collect::<Vec<_>>().join(&format!("\n{pad}"));
                let mut nested = Vec::new();
                pretty_at(&v, depth, &mut nested).unwrap();
                assert_eq!(String::from_utf8(nested).unwrap(), indented, "depth {depth}");
            }
        }
    }

    #[test]
    fn concise_line() {
        assert_eq!(
            render(&sample(), Format::Concise, &RenderOptions::default()),
            "list.yaml:3:11: error[QD201] code has 2 characters, the profile wants 13 (code-length)\n"
        );
    }

    #[test]
    fn json_shape() {
        let v: Value = serde_json::from_str(&render(&sample(), Format::Json, &RenderOptions::default())).unwrap();
        let d = &v[0];
        for key in [
            "code",
            "name",
            "severity",
            "message",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "item",
            "path",
            "fixable",
        ] {
            assert!(d.get(key).is_some(), "missing {key}");
        }
        assert_eq!(d["line"], 3);
        assert_eq!(d["end_column"], 15);
    }

    #[test]
    fn json_text_keeps_its_layout_and_key_order() {
        // The report is read by scripts that diff it: keys stay in this order
        // and indentation, a diagnostic an element of one array.
        let mut two = sample();
        two.push(two[0].clone());
        let text = render(&two, Format::Json, &RenderOptions::default());
        let one = r#"  {
    "code": "QD201",
    "column": 11,
    "end_column": 15,
    "end_line": 3,
    "file": "list.yaml",
    "fixable": false,
    "item": "12",
    "line": 3,
    "message": "code has 2 characters, the profile wants 13",
    "name": "code-length",
    "path": "items[0].code",
    "severity": "error"
  }"#;
        assert_eq!(text, format!("[\n{one},\n{one}\n]\n"));
        assert_eq!(render(&[], Format::Json, &RenderOptions::default()), "[]\n");
    }

    #[test]
    fn github_command() {
        let s = render(&sample(), Format::Github, &RenderOptions::default());
        assert_eq!(s, "::error file=list.yaml,line=3,col=11,endLine=3,endColumn=15,title=QD201 code-length::code has 2 characters, the profile wants 13\n");
    }

    #[test]
    fn human_shows_the_line() {
        let s = render(&sample(), Format::Human, &RenderOptions::default());
        assert!(s.contains("code: \"12\""), "{s}");
        assert!(s.contains("QD201"), "{s}");
    }

    #[test]
    fn summary_line() {
        let s = Summary { files: 2, items: 1, errors: 0, warnings: 3, omitted: 0, millis: 5 };
        assert_eq!(render_summary(&s, Lang::En), "2 files, 1 item: 0 errors, 3 warnings (5 ms)");
        assert_eq!(render_summary(&s, Lang::Zh), "2 个文件，1 个事项：0 个错误，3 个警告（5 毫秒）");
    }
}
