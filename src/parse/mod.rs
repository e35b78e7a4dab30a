//! `parse`: from the bytes of an extracted document to a canonical list and
//! the warnings that say, at the place in the source, what was doubtful,
//! repaired or set aside.

use crate::decode::{self, DecodeError, Decoded};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::{self, Note};
use crate::i18n::Message;
use crate::layout::{self, SetAside};
use crate::model::{List, FORMAT_VERSION};
use crate::normalize::{self, Change, ChangeKind};
use crate::page;
use crate::rules::registry;
use crate::sheet::{self, Sheet, SheetError, SheetFormat};
use crate::text::{SourceFile, Text};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// Default largest input, in bytes.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Options for [`parse_bytes`].
#[derive(Debug, Clone)]
pub struct ParseOptions {
    /// Decode with this encoding instead of detecting one.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Refuse inputs larger than this.
    pub max_input_bytes: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions { encoding: None, max_input_bytes: DEFAULT_MAX_INPUT_BYTES }
    }
}

/// A parsed document.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The list.
    pub list: List<'static>,
    /// Warnings and errors, located in the decoded input.
    pub diagnostics: Vec<Diagnostic>,
    /// The decoded input, for showing the source lines.
    pub source: Arc<SourceFile>,
    /// What the input was read as.
    pub input: InputKind,
}

/// What an input was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Extracted document text, through the text layouts.
    Text,
    /// A web page's tables.
    WebPage,
    /// The cells of a workbook, a CSV file or a Word document: typed cells,
    /// not text laid out (so [`check_conservation`] does not apply).
    Cells,
}

impl Parsed {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Why a document could not be parsed at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// The bytes are not text.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// The input is over the size limit.
    #[error("input is {size} bytes, over the limit of {limit} bytes (raise it with --max-input-bytes)")]
    TooLarge {
        /// Input size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The input is empty or white space only.
    #[error("input is empty")]
    Empty,
    /// A workbook or CSV file could not be read.
    #[error(transparent)]
    Sheet(#[from] SheetError),
    /// No table was found.
    #[error("no 权责清单 table found: no header row (事项名称, 事项编码 …) and no cells recognisable as items")]
    NoTable,
}

impl ParseError {
    /// The error in both languages.
    pub fn message(&self) -> Message {
        match self {
            ParseError::Decode(e) => e.message(),
            ParseError::TooLarge { size, limit } => crate::tr!(
                "input is {size} bytes, over the limit of {limit} bytes (raise it with --max-input-bytes)",
                "输入有 {size} 字节，超过上限 {limit} 字节（可用 --max-input-bytes 调高）"
            ),
            ParseError::Empty => crate::tr!("input is empty", "输入为空"),
            ParseError::Sheet(e) => e.message(),
            ParseError::NoTable => crate::tr!(
                "no 权责清单 table found: no header row (事项名称, 事项编码 …) and no cells recognisable as items",
                "没有找到权责清单表格：既无表头行（事项名称、事项编码……），也无可识别为事项的单元格"
            ),
        }
    }
}

/// Checks the layout of `bytes` for conservation: every non-space character
/// after the covering notice is in exactly one cell or set-aside fragment.
/// Returns the places where text was lost or doubled, as `line:column: text`.
pub fn check_conservation(bytes: &[u8], options: &ParseOptions) -> Result<Vec<String>, ParseError> {
    let decoded = decode::decode(bytes, options.encoding)?;
    // A web page's text (not its markup) must all be in the table text read from it.
    let page = page::is_html("", &decoded.text).then(|| page::read(&Text::from_source(&decoded.text)));
    let (text, grid, page_lost) = match page {
        Some(page) => {
            let page = page.ok_or(ParseError::NoTable)?;
            let lost = page.lost(&decoded.text);
            (page.text, true, lost)
        }
        None => (Text::from_source(&decoded.text), false, Vec::new()),
    };
    let text = normalize::document(text, &mut Vec::new());
    let profiles = crate::validate::profile::builtin_profiles();
    let laid = lay_out(&text, grid, profiles).ok_or(ParseError::NoTable)?;
    let mut cov = layout::coverage(&decoded.text, &text, &laid);
    cov.missing.extend(page_lost);
    let file = SourceFile::new("input", decoded.text.as_str());
    let describe = |what: &str, r: &std::ops::Range<usize>| {
        let lc = file.line_col(r.start);
        format!("{what} {}:{}: {}", lc.line, lc.column, &decoded.text[r.clone()])
    };
    Ok(cov
        .missing
        .iter()
        .map(|r| describe("lost", r))
        .chain(cov.doubled.iter().map(|r| describe("doubled", r)))
        .collect())
}

/// Parses the bytes of the file named `name`: extracted document text, a
/// workbook, a CSV file, a Word document or a web page.
pub fn parse_bytes(name: &str, bytes: &[u8], options: &ParseOptions) -> Result<Parsed, ParseError> {
    if bytes.len() > options.max_input_bytes {
        return Err(ParseError::TooLarge { size: bytes.len(), limit: options.max_input_bytes });
    }
    // A web page saved under a workbook's name (`.xls` pages are common) is read as the page it is.
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    if !page::is_html("", &head) {
        if let Some(format) = sheet::detect(name, bytes) {
            return parse_sheets(name, bytes, format, options);
        }
    }
    let decoded = decode::decode(bytes, options.encoding.or_else(|| page_encoding(name, &head, bytes)))?;
    if decoded.text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let source = Arc::new(SourceFile::new(name, decoded.text.as_str()));
    let mut parsed = if page::is_html(name, &decoded.text) {
        let page = page::read(&Text::from_source(source.text())).ok_or(ParseError::NoTable)?;
        Parsed { input: InputKind::WebPage, ..parse_text_from(&source, page.text, None, true)? }
    } else {
        let parsed = parse_text(&source, None, false);
        if let Some(csv) = csv_instead(name, bytes, &decoded.text, &parsed, options) {
            return Ok(csv);
        }
        parsed?
    };
    parsed.list.document.source = base_name(name).into();
    parsed.list.document.sha256 = hex(&Sha256::digest(bytes)).into();
    parsed.list.document.encoding = decoded.encoding_name().into();
    let mut notes = Vec::new();
    decoding_notes(&decoded, &source, &mut notes);
    parsed.diagnostics.splice(0..0, notes);
    Ok(parsed)
}

/// Comma-separated text under another name than .csv (or on stdin), read as
/// CSV: when the text layouts found no item in it and the CSV reading does.
fn csv_instead(
    name: &str,
    bytes: &[u8],
    text: &str,
    as_text: &Result<Parsed, ParseError>,
    options: &ParseOptions,
) -> Option<Parsed> {
    let no_items = match as_text {
        Err(ParseError::NoTable) => true,
        Ok(p) => p.list.items.is_empty(),
        Err(_) => false,
    };
    if !(no_items && text.contains(',')) {
        return None;
    }
    parse_sheets(name, bytes, SheetFormat::Csv, options).ok().filter(|csv| !csv.list.items.is_empty())
}

/// The encoding a web page (whose first bytes are `head`) declares, when its
/// bytes are not UTF-8: a page saved as GBK says so in its `<meta>`, which is
/// surer than a guess.
fn page_encoding(name: &str, head: &str, bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if !page::is_html(name, head) || std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    page::declared_encoding(bytes).filter(|e| *e != encoding_rs::UTF_8)
}

/// Parses a workbook or CSV file: each sheet as a table of its own (its
/// lines are its rows), the items in sheet order. A sheet named for an item
/// type (`行政处罚`) is the section of the items on it; a sheet with no
/// table is the covering notice when it is the first to carry metadata, and
/// is reported either way.
fn parse_sheets(name: &str, bytes: &[u8], format: SheetFormat, options: &ParseOptions) -> Result<Parsed, ParseError> {
    let (sheets, encoding) = match format {
        SheetFormat::Workbook => (sheet::read_workbook(bytes)?, String::new()),
        SheetFormat::Csv => {
            let (sheet, encoding) = sheet::read_csv(name, bytes, options.encoding)?;
            (vec![sheet], encoding)
        }
        SheetFormat::WordDocument => (vec![crate::docx::read_document(name, bytes)?], String::new()),
    };
    let sheets: Vec<Sheet> = sheets.into_iter().filter(|s| !s.is_blank()).collect();
    if sheets.is_empty() {
        return Err(ParseError::Empty);
    }
    let several = sheets.len() > 1;
    let mut list = List { qingdan: FORMAT_VERSION, ..Default::default() };
    let mut diagnostics = Vec::new();
    let mut first_source = None;
    let mut notices = Vec::new();
    for sheet in &sheets {
        let label = match format {
            SheetFormat::Workbook => format!("{name}[{}]", sheet.name),
            SheetFormat::Csv | SheetFormat::WordDocument => name.to_owned(),
        };
        let source = Arc::new(SourceFile::new(label, sheet.to_text()));
        first_source.get_or_insert_with(|| source.clone());
        let section = sheet_section(&sheet.name, several);
        match parse_text(&source, section, true) {
            Ok(parsed) => {
                merge_document(&mut list.document, &parsed.list.document);
                list.items.extend(parsed.list.items);
                diagnostics.extend(parsed.diagnostics);
            }
            Err(ParseError::NoTable) => notices.push(source),
            Err(e) => return Err(e),
        }
    }
    if list.items.is_empty() && diagnostics.is_empty() {
        return Err(ParseError::NoTable);
    }
    for source in notices {
        let found = extract::extract_metadata(&Text::from_source(source.text()));
        let range = Some(0..source.text().trim_end().len());
        let d = if found.is_empty() {
            // Neither table nor notice: its text is set aside, and said so.
            parse_diag(
                "unassigned-text",
                crate::tr!(
                    "this sheet holds no list table and no covering notice: its text was not read",
                    "此工作表既无清单表格也无通知：其中的文字没有读取"
                ),
                &source,
                range,
            )
        } else {
            let mut d = parse_diag(
                "unassigned-text",
                crate::tr!(
                    "this sheet holds no list table: read for the covering notice's title, number, issuer and date",
                    "此工作表没有清单表格：从中读取了通知的标题、文号、发文机关和日期"
                ),
                &source,
                range,
            );
            d.severity = Severity::Info;
            d
        };
        merge_document(&mut list.document, &found);
        diagnostics.push(d);
    }
    list.document.source = base_name(name).into();
    list.document.sha256 = hex(&Sha256::digest(bytes)).into();
    list.document.encoding = encoding.into();
    let source = first_source.expect("at least one sheet");
    Ok(Parsed { list, diagnostics, source, input: InputKind::Cells })
}

/// The section a sheet's name gives its items: a name that holds an item
/// type, or any name but the default ones when the workbook has several sheets.
fn sheet_section(name: &str, several: bool) -> Option<&str> {
    let name = name.trim();
    let default_name = {
        let lower = name.to_lowercase();
        let stem = lower.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
        stem.is_empty() || ["sheet", "工作表", "表", "清单", "权责清单"].contains(&stem)
    };
    let typed = crate::model::ITEM_TYPES.iter().any(|t| name.contains(t));
    (typed || (several && !default_name)).then_some(name)
}

/// Fills the keys of `into` that are empty from `from`.
fn merge_document<'a>(into: &mut crate::model::Document<'a>, from: &crate::model::Document<'a>) {
    for (to, value) in [
        (&mut into.title, &from.title),
        (&mut into.issuer, &from.issuer),
        (&mut into.doc_number, &from.doc_number),
        (&mut into.date, &from.date),
    ] {
        if to.is_empty() {
            to.clone_from(value);
        }
    }
    // Each sheet's notes, in sheet order.
    into.notes.extend(from.notes.iter().cloned());
}

/// Parses decoded text; `grid` when it is a spreadsheet's. Records that sit
/// under no section heading get `default_section`, when there is one.
fn parse_text(source: &Arc<SourceFile>, default_section: Option<&str>, grid: bool) -> Result<Parsed, ParseError> {
    parse_text_from(source, Text::from_source(source.text()), default_section, grid)
}

/// The table of normalised text: a spreadsheet's grid as it is, other text
/// by its layout, a code whole when it fits one of `profiles`.
fn lay_out(text: &Text, grid: bool, profiles: &[crate::validate::profile::Profile]) -> Option<layout::Laid> {
    if grid {
        return layout::lay_out_grid(text);
    }
    layout::lay_out(text, &|code| profiles.iter().any(|p| p.fits(code)))
}

/// [`parse_text`] of `text`, read out of `source` (a web page's tables).
fn parse_text_from(
    source: &Arc<SourceFile>,
    text: Text,
    default_section: Option<&str>,
    grid: bool,
) -> Result<Parsed, ParseError> {
    let source = source.clone();
    let mut changes: Vec<Change> = Vec::new();
    let text = normalize::document(text, &mut changes);
    let profiles = crate::validate::profile::builtin_profiles();
    let mut laid = lay_out(&text, grid, profiles).ok_or(ParseError::NoTable)?;
    // A spreadsheet's cells are what was typed: nothing there was scrambled by an extractor.
    let repairs = if grid { Vec::new() } else { layout::repair_scrambled(&mut laid, text.as_str()) };
    if let Some(section) = default_section {
        for record in laid.records.iter_mut().filter(|r| r.section.is_none()) {
            record.section = Some(Text::at_offset(section, 0));
        }
    }

    let mut list = List { qingdan: FORMAT_VERSION, ..Default::default() };
    list.document = extract::extract_metadata(&laid.preamble);

    let mut diagnostics = Vec::new();
    if !laid.header_found {
        diagnostics.push(parse_diag(
            "missing-header",
            crate::tr!(
                "no header row found: columns were recognised from the cells' content",
                "没有找到表头行：各列按单元格内容识别"
            ),
            &source,
            None,
        ));
    }
    for repair in &repairs {
        let quoted: String = repair.raw.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        let d = match &repair.recovered {
            Some(fixed) => parse_diag(
                "scrambled-cell",
                {
                    let width = repair.width;
                    let (also, also_zh) = if repair.confirmed {
                        (", confirmed elsewhere in the document", "，文中别处可以印证")
                    } else {
                        ("", "")
                    };
                    crate::tr!(
                        "scrambled cell read back {width} characters per line{also}: `{quoted}` → `{fixed}`",
                        "错乱的单元格按每行 {width} 字还原{also_zh}：`{quoted}` → `{fixed}`"
                    )
                },
                &source,
                Some(repair.raw.span()),
            ),
            None => parse_diag(
                "scrambled-cell",
                crate::tr!(
                    "cell reads as scrambled or garbled and could not be recovered; kept as printed: `{quoted}`",
                    "单元格文字错乱，无法还原；按原样保留：`{quoted}`"
                ),
                &source,
                Some(repair.raw.span()),
            ),
        };
        diagnostics.push(d);
    }
    let mut fragments = laid.fragments.clone();
    let word_ends = WordEnds::new(text.as_str());
    list.items.reserve(laid.records.len());
    for record in &laid.records {
        let mut extracted = extract::extract_record(record, &laid.extra_headers);
        if let Some(parent) = list.items.last() {
            extract::inherit_merged_cells(&mut extracted, parent);
        }
        if extracted.item.code.is_empty() && extracted.item.kind.is_empty() {
            // Neither code nor type: not an item but pieces of cells that
            // could not be placed. They are reported, not made into an item.
            fragments.extend(
                record
                    .rows
                    .iter()
                    .flatten()
                    .map(|(_, t)| layout::Fragment { text: t.clone(), reason: SetAside::Unassigned }),
            );
            continue;
        }
        diagnostics.extend(type_from_section(&mut extracted.item, record, &source));
        if let Some(d) = complete_type(&mut extracted.item, profiles, record, &source) {
            diagnostics.push(d);
        }
        let who = item_label(&extracted.item);
        for note in &extracted.notes {
            if let Note::Truncated { tail, .. } = note {
                if !word_ends.cut_off(tail) {
                    continue;
                }
            }
            diagnostics.push(note_diagnostic(note, &source).for_item(who.clone()));
        }
        changes.extend(extracted.changes);
        list.items.push(extracted.item);
    }
    for fragment in &fragments {
        let range = fragment.text.span();
        let quoted: String = fragment.text.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        let (name, what, what_zh) = match fragment.reason {
            SetAside::RepeatedHeader => ("header-row", "header row", "表头行"),
            SetAside::SectionHeading => ("section-heading", "section heading", "分表标题"),
            SetAside::Furniture => ("page-furniture", "page furniture removed", "已去除页眉页码"),
            SetAside::Unassigned => ("unassigned-text", "text not placed in any field", "未能归入任何字段的文字"),
            SetAside::TableNote => {
                // The document's own text: kept, and said where it went.
                let note = extract::clean_value(&fragment.text, &mut changes).into_string();
                let quoted: String = note.chars().take(40).collect();
                let more = if note.chars().count() > 40 { "…" } else { "" };
                list.document.notes.push(note.into());
                let message = crate::tr!(
                    "note under the table kept in document.notes: `{quoted}{more}`",
                    "表格下方的注释记入 document.notes：`{quoted}{more}`"
                );
                diagnostics.push(parse_diag("table-note", message, &source, Some(range)));
                continue;
            }
        };
        let message = crate::tr!("{what}: `{quoted}`", "{what_zh}：`{quoted}`");
        diagnostics.push(parse_diag(name, message, &source, Some(range)));
    }
    diagnostics.extend(change_diagnostics(&changes, &source));
    Diagnostic::sort(&mut diagnostics);
    Ok(Parsed { list, diagnostics, source, input: InputKind::Text })
}

/// An item printed without a type (a table with no type column, divided by
/// headings that name them: `一、行政许可`) takes the type of its section
/// heading. Reported, pointing at the heading.
fn type_from_section(
    item: &mut crate::model::Item,
    record: &layout::Record,
    source: &Arc<SourceFile>,
) -> Option<Diagnostic> {
    if !item.kind.is_empty() || !layout::columns::is_type_name(&item.section) {
        return None;
    }
    item.kind = item.section.clone();
    let kind = &item.kind;
    Some(parse_diag(
        "type-completed",
        crate::tr!(
            "no type printed for the item: {kind}, from its section heading",
            "事项未印类型：取其分表标题的{kind}"
        ),
        source,
        record.section.as_ref().map(|t| t.span()),
    ))
}

/// A type cell that is not a type, read again: one that holds a type among
/// other words takes that type; one whose characters are a broken-off part
/// of the type the code's type digits name (`上罚`, `公服`, `政`, as OCR
/// leaves them) takes that type. Either repair is reported, quoting the cell.
fn complete_type(
    item: &mut crate::model::Item,
    profiles: &[crate::validate::profile::Profile],
    record: &layout::Record,
    source: &Arc<SourceFile>,
) -> Option<Diagnostic> {
    use crate::model::ITEM_TYPES;
    let printed = item.kind.clone();
    if printed.is_empty() || ITEM_TYPES.contains(&printed.as_ref()) {
        return None;
    }
    let from_code = profiles
        .iter()
        .filter(|p| p.fits(&item.code))
        .find_map(|p| p.type_digits(&item.code).and_then(|d| p.types.get(d)).map(|t| (t.clone(), p)))
        .filter(|(t, _)| ITEM_TYPES.contains(&t.as_str()));
    let held: Vec<&str> = ITEM_TYPES.iter().copied().filter(|t| printed.contains(t)).collect();
    // Its characters, in order, are the type's, all but one at most (OCR
    // misreads a character: `上罚` for 处罚).
    let is_part_of = |whole: &str| {
        let n = printed.chars().count();
        let mut rest = whole.chars();
        let mut matched = 0;
        for c in printed.chars() {
            let mut probe = rest.clone();
            if probe.any(|w| w == c) {
                rest = probe;
                matched += 1;
            }
        }
        n <= whole.chars().count() && matched >= 1 && matched + 1 >= n
    };
    let (kind, how) = match (held.as_slice(), &from_code) {
        ([one], _) => (one.to_string(), crate::tr!("the type among other words", "其他文字中的类型")),
        ([], Some((t, _))) if is_part_of(t) => {
            (t.clone(), crate::tr!("completed by the code's type digits", "按编码的类型位补全"))
        }
        _ => return None,
    };
    item.kind = kind.clone().into();
    let range =
        record.cells(layout::Column::Type).map(|t| t.span()).reduce(|a, b| a.start.min(b.start)..a.end.max(b.end));
    let (how_en, how_zh) = (how.en, how.zh);
    Some(parse_diag(
        "type-completed",
        crate::tr!("type cell `{printed}` read as {kind}: {how_en}", "类型单元格 `{printed}` 读作{kind}：{how_zh}"),
        source,
        range,
    ))
}

/// How the document's own text goes on after each Han character: whether it
/// is almost always inside a word (`监` before `督`, `处` before `罚`). An
/// entry that stops on such a character was cut off; one that stops on a
/// character that often ends a phrase (`形` of 情形, `文` of 全文) may be whole.
struct WordEnds<'a> {
    text: &'a str,
    /// Bytes the searches for single characters have read so far.
    scanned: std::cell::Cell<usize>,
    /// For each character: how often a Han character follows it, and how
    /// often anything does. Counted over the whole document once the
    /// searches have read it [`WordEnds::SEARCHES`] times over: most
    /// documents ask of a few characters, or none.
    counts: std::cell::OnceCell<HanCounts>,
}

/// Counts kept per Han character: those of U+3400..U+9FFF (nearly every
/// character of a Chinese text) in a table by their code.
type HanCounts = crate::text::CharTable<(u32, u32), 0x3400, 0x9FFF>;

impl<'a> WordEnds<'a> {
    /// How many times over the searches may read the text before it is counted whole.
    const SEARCHES: usize = 16;

    fn new(text: &'a str) -> WordEnds<'a> {
        WordEnds { text, scanned: std::cell::Cell::new(0), counts: std::cell::OnceCell::new() }
    }

    /// How often a Han character follows `c`, a Han character, and how
    /// often anything does. Line breaks and spaces inside a word are
    /// layout: the count looks past them.
    fn followers(&self, c: char) -> (u32, u32) {
        if self.counts.get().is_none() && self.scanned.get() < Self::SEARCHES * self.text.len() {
            self.scanned.set(self.scanned.get() + self.text.len());
            let mut utf8 = [0u8; 4];
            let needle = c.encode_utf8(&mut utf8).as_bytes();
            let (mut inside, mut all) = (0, 0);
            for at in memchr::memmem::find_iter(self.text.as_bytes(), needle) {
                let after = &self.text[at + needle.len()..];
                if let Some(next) = after.chars().find(|&n| !crate::text::is_white_space(n)) {
                    all += 1;
                    inside += u32::from(crate::text::is_han(next));
                }
            }
            return (inside, all);
        }
        self.counts().get(c)
    }

    fn counts(&self) -> &HanCounts {
        self.counts.get_or_init(|| {
            let mut counts = HanCounts::default();
            let mut prev: Option<char> = None;
            for c in self.text.chars().filter(|&c| !crate::text::is_white_space(c)) {
                if let Some(p) = prev.filter(|&p| crate::text::is_han(p)) {
                    let e = counts.entry(p);
                    e.1 += 1;
                    if crate::text::is_han(c) {
                        e.0 += 1;
                    }
                }
                prev = Some(c);
            }
            counts
        })
    }

    /// Whether an entry ending in `tail` was cut off: it ends on a comma,
    /// colon or opening bracket, or on a character the document nearly
    /// always continues with another.
    fn cut_off(&self, tail: &str) -> bool {
        let tail = tail.trim_end();
        let Some(last) = tail.chars().last() else { return false };
        if !crate::text::is_han(last) {
            return true;
        }
        // A lone character after a break (`直接实施责任：无`) is a word of its own.
        if tail.chars().rev().take_while(|&c| crate::text::is_han(c)).count() < 2 {
            return false;
        }
        let (inside, all) = self.followers(last);
        all >= 3 && inside * 10 >= all * 9
    }
}

fn base_name(name: &str) -> String {
    if name == "-" {
        return String::new();
    }
    std::path::Path::new(name).file_name().map_or_else(|| name.to_owned(), |f| f.to_string_lossy().into_owned())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn item_label(item: &crate::model::Item) -> String {
    if !item.code.is_empty() {
        item.code.to_string()
    } else {
        item.seq.map(|s| s.to_string()).unwrap_or_default()
    }
}

fn ellipsis(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

/// A diagnostic of one of parse's own kinds, by name.
fn parse_diag(
    name: &str,
    message: Message,
    source: &Arc<SourceFile>,
    range: Option<std::ops::Range<usize>>,
) -> Diagnostic {
    let meta = registry::by_name(name).unwrap_or(&registry::UNREGISTERED);
    let d = Diagnostic::new(meta.code, meta.name, meta.severity, message);
    match range {
        Some(r) => d.at(source, r),
        None => d,
    }
}

fn decoding_notes(decoded: &Decoded, source: &Arc<SourceFile>, out: &mut Vec<Diagnostic>) {
    for &offset in &decoded.malformed {
        let at = decoded.text.char_indices().filter(|(_, c)| *c == '\u{FFFD}').map(|(i, _)| i).next().unwrap_or(0);
        out.push(parse_diag(
            "malformed-bytes",
            crate::tr!(
                "malformed {} sequence at byte {offset} replaced with U+FFFD",
                "第 {offset} 字节处有无效的 {} 字节序列，已替换为 U+FFFD",
                decoded.encoding_name()
            ),
            source,
            Some(at..at + 3),
        ));
    }
}

fn note_diagnostic(note: &Note, source: &Arc<SourceFile>) -> Diagnostic {
    match note {
        Note::CodeReassembled { source: r, pieces } => parse_diag(
            "code-reassembled",
            crate::tr!("code put together from {pieces} pieces", "编码由 {pieces} 段拼合而成"),
            source,
            Some(r.clone()),
        ),
        Note::CodeDash { source: r, printed } => parse_diag(
            "code-dash",
            crate::tr!(
                "code printed `{printed}`: its dashes read as `-`",
                "编码印作 `{printed}`：其中的连字符按 `-` 读出"
            ),
            source,
            Some(r.clone()),
        ),
        Note::SeqAsPrinted { source: r, printed, seq } => parse_diag(
            "seq-as-printed",
            match seq {
                Some(n) => crate::tr!("序号 printed `{printed}`, read as {n}", "序号印作 `{printed}`，按 {n} 读出"),
                None => crate::tr!("序号 printed `{printed}`: no number to read", "序号印作 `{printed}`：读不出数字"),
            },
            source,
            Some(r.clone()),
        ),
        Note::MissingSeq { source: r } => {
            let at = r.start..r.start;
            let meta = registry::by_name("missing-seq").unwrap_or(&registry::UNREGISTERED);
            Diagnostic::new(meta.code, meta.name, Severity::Warning, crate::tr!("item has no 序号", "事项没有序号"))
                .at(source, at)
        }
        Note::Truncated { source: r, tail } => parse_diag(
            "truncated-cell",
            crate::tr!(
                "entry stops mid-sentence at `…{tail}`: the cell looks cut off; check the source for the rest",
                "条目在 `……{tail}` 处中断：单元格似乎被截断，请对照原文补全"
            ),
            source,
            Some(r.clone()),
        ),
        Note::MissingCode { source: r } => parse_diag(
            "missing-code",
            crate::tr!("no code found for this item", "没有找到本事项的编码"),
            source,
            Some(r.start..r.start),
        ),
    }
}

/// Repairs made by normalisation, reported under the rule that `validate`
/// would raise for the same problem. Line ends and spaces are not defects
/// and are not reported one by one.
fn change_diagnostics(changes: &[Change], source: &Arc<SourceFile>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for c in changes {
        let Some(rule) = c.kind.rule_name() else { continue };
        if c.kind == ChangeKind::LayoutSpace {
            continue; // reported per line below
        }
        let meta = registry::by_name(rule).unwrap_or(&registry::UNREGISTERED);
        let message = match c.kind {
            ChangeKind::Html => {
                let before = ellipsis(&c.before, 40);
                crate::tr!("HTML removed: `{before}`", "已去除 HTML：`{before}`")
            }
            _ => {
                let (before, after) = (crate::text::escape_debug(&c.before), crate::text::escape_debug(&c.after));
                // `{what}: `{before}` → `{after}``, put together without
                // `format!`: these come by the hundred in a document.
                let quoted = |what: &str, colon: &str| {
                    let mut m = String::with_capacity(what.len() + before.len() + after.len() + 16);
                    for part in [what, colon, "`", &before, "` → `", &after, "`"] {
                        m.push_str(part);
                    }
                    m
                };
                Message { en: quoted(c.kind.describe(), ": "), zh: quoted(c.kind.describe_zh(), "：") }
            }
        };
        out.push(
            Diagnostic::new(meta.code, meta.name, Severity::Info, message).at(source, c.source.clone()).fixable(true),
        );
    }
    // Justification spaces come by the thousand: one note per source line.
    let mut by_line: std::collections::BTreeMap<usize, (std::ops::Range<usize>, usize)> = Default::default();
    for c in changes.iter().filter(|c| c.kind == ChangeKind::LayoutSpace) {
        let line = source.line_col(c.source.start).line;
        let e = by_line.entry(line).or_insert((c.source.clone(), 0));
        e.0 = e.0.start.min(c.source.start)..e.0.end.max(c.source.end);
        e.1 += 1;
    }
    if let Some(meta) = registry::by_name("layout-space") {
        for (_, (range, n)) in by_line {
            out.push(
                Diagnostic::new(meta.code, meta.name, Severity::Info, {
                    let s = if n == 1 { "" } else { "s" };
                    crate::tr!("{n} justification space{s} removed", "已去除 {n} 个排版空格")
                })
                .at(source, range)
                .fixable(true),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_ends_from_the_documents_own_text() {
        let doc = "使用监督。加强监管。实施监察。开展监测。相关情形。下列情形的，其他情形：依法全文。";
        let ends = WordEnds::new(doc);
        assert!(ends.cut_off("基金使用监"), "监 always goes on");
        assert!(!ends.cut_off("规定的情形"), "形 often ends a phrase");
        assert!(ends.cut_off("信息的真实性、"));
        assert!(!ends.cut_off("实施责任：无"), "a lone character is a word");
        assert!(!ends.cut_off("未见过的字"), "a character seen too rarely says nothing");
        // Characters outside the table count alike: 〇 (U+3007), a
        // compatibility ideograph and one of Extension B.
        for c in ['〇', '\u{F900}', '𠀀'] {
            let doc = format!("{c}甲。{c}乙。{c}丙。");
            assert!(WordEnds::new(&doc).cut_off(&format!("甲乙{c}")), "{c} always goes on");
        }
    }

    #[test]
    fn a_characters_search_counts_as_the_whole_texts_count() {
        let doc = "使用监\n督。加强监 管。实施监察。监\n\n。相关情形。下列情形的，其他情形：依法全文。监";
        let ends = WordEnds::new(doc);
        let han: Vec<char> = doc.chars().filter(|&c| crate::text::is_han(c)).chain(['字']).collect();
        // The searches first, until they have read the text their number of times over.
        let searched: Vec<(u32, u32)> = han.iter().map(|&c| ends.followers(c)).collect();
        assert!(ends.counts.get().is_some(), "the text was never counted whole");
        for (&c, &by_search) in han.iter().zip(&searched) {
            assert_eq!(by_search, ends.counts().get(c), "{c}");
        }
        assert_eq!(ends.followers('监'), (3, 4));
    }
}
