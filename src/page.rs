//! Web pages in: a list published as an HTML page, or a document saved from
//! Word or Excel as a web page. The page's tables are read as tab-separated
//! text, one line per table row and a tab before each cell after the first,
//! with the places a merged cell (`rowspan`, `colspan`) reaches left empty, as
//! a workbook's are. Text outside the tables (the title, the covering notice,
//! headings between tables) becomes lines of its own. The text keeps its map
//! to the page, so diagnostics point at the page's own lines and columns.

use crate::text::{entity_at, Text, TextBuilder, HTML_BLOCK_TAGS};
use std::ops::Range;

/// The largest `colspan` taken as written: no list has more columns.
const MAX_COLSPAN: usize = 100;
/// The last column a merged cell's empty places are kept in.
const MAX_COLUMNS: usize = 256;
/// The largest `rowspan` taken as written (`0`, "to the end", is this too).
const MAX_ROWSPAN: usize = 100_000;

/// The longest tag taken for markup (Word's carry long style attributes);
/// a `<` with no `>` within it is text.
const MAX_TAG_LEN: usize = 8 * 1024;

/// Elements whose content is never text of the page.
const SKIPPED_ELEMENTS: &[&str] = &["script", "style", "template", "textarea", "noscript", "xml"];

/// A page read as table text.
#[derive(Debug, Clone)]
pub struct Page {
    /// The tables as tab-separated rows, with the text around them as lines.
    pub text: Text,
    /// Source ranges that are markup (tags, comments, scripts, the rest of a
    /// character reference): what no field is expected to hold.
    pub markup: Vec<Range<usize>>,
}

impl Page {
    /// The page's source with its markup blanked out (each byte a space), so
    /// that what is left is the page's text at its own offsets.
    pub fn text_only(&self, source: &str) -> String {
        let mut bytes = source.as_bytes().to_vec();
        for r in &self.markup {
            for b in &mut bytes[r.clone()] {
                *b = b' ';
            }
        }
        // Markup ranges start and end at character boundaries (at `<`, `>`,
        // `&` or `;`), so whole characters are blanked.
        String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// Source ranges of the page's text (what is not markup, nor space) that
    /// the table text does not hold: what reading the page lost. Empty, by
    /// construction; a checked property.
    pub fn lost(&self, source: &str) -> Vec<Range<usize>> {
        let mut held = vec![false; source.len() + 1];
        for (i, c) in self.text.as_str().char_indices() {
            if !c.is_whitespace() {
                let r = self.text.source_range(i..i + c.len_utf8());
                if let Some(h) = held.get_mut(r.start) {
                    *h = true;
                }
            }
        }
        let text = self.text_only(source);
        let mut lost: Vec<Range<usize>> = Vec::new();
        for (i, c) in text.char_indices().filter(|&(i, c)| !c.is_whitespace() && !held[i]) {
            match lost.last_mut() {
                Some(last) if last.end == i => last.end = i + c.len_utf8(),
                _ => lost.push(i..i + c.len_utf8()),
            }
        }
        lost
    }
}

/// Whether a file is a web page: by its name (`.html`, `.htm`, `.xhtml`), or
/// by its first markup (`<!DOCTYPE html>`, `<html>`, or a `<table>` at the
/// start), which pages saved under other names (`.doc`, `.xls`) carry.
pub fn is_html(name: &str, text: &str) -> bool {
    let extension = std::path::Path::new(name).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if matches!(extension.as_deref(), Some("html" | "htm" | "xhtml" | "shtml")) {
        return true;
    }
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if !start.starts_with('<') {
        return false;
    }
    let head: String = start.chars().take(2048).collect::<String>().to_ascii_lowercase();
    ["<!doctype html", "<html", "<table", "<?xml"].iter().any(|m| head.starts_with(m))
        && (head.contains("<html") || head.contains("<table") || head.contains("<body"))
}

/// The encoding a page declares (`<meta charset="gb2312">`,
/// `content="text/html; charset=GBK"`), read from its first bytes.
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .copied()
        .collect();
    encoding_rs::Encoding::for_label(&label)
}

/// One tag of the page.
struct Tag<'a> {
    /// Lower-case name (`td`, `o:p`).
    name: String,
    /// Whether it is a closing tag (`</td>`).
    closing: bool,
    /// The text between the name and the closing `>`.
    attributes: &'a str,
    /// Its end (after `>`).
    end: usize,
}

/// The tag starting at `start` (a `<`), when one does.
fn tag_at(s: &str, start: usize) -> Option<Tag<'_>> {
    let bytes = s.as_bytes();
    let mut i = start + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b':' || *b == b'-') {
        i += 1;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    // The tag ends at the first `>` outside a quoted attribute value.
    let attributes_start = i;
    let mut quote = None;
    let limit = bytes.len().min(start + MAX_TAG_LEN);
    while i < limit {
        match (bytes[i], quote) {
            (b'>', None) => {
                return Some(Tag { name, closing, attributes: &s[attributes_start..i], end: i + 1 });
            }
            (q @ (b'"' | b'\''), None) if bytes[i - 1].is_ascii_whitespace() || bytes[i - 1] == b'=' => quote = Some(q),
            // A `<` outside quotes: this `<` did not open a tag.
            (b'<', None) => return None,
            (q, Some(open)) if q == open => quote = None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The number an attribute holds (`rowspan="2"`, `colspan=3`), when present.
fn attribute_number(attributes: &str, name: &str) -> Option<usize> {
    let lower = attributes.to_ascii_lowercase();
    let mut from = 0;
    while let Some(k) = lower[from..].find(name) {
        let at = from + k;
        from = at + name.len();
        // A whole attribute name, not the end of another (`data-rowspan`).
        if at > 0 && !lower.as_bytes()[at - 1].is_ascii_whitespace() {
            continue;
        }
        let rest = lower[from..].trim_start();
        let Some(value) = rest.strip_prefix('=') else { continue };
        let digits: String = value
            .trim_start()
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(char::is_ascii_digit)
            .take(7)
            .collect();
        return digits.parse().ok();
    }
    None
}

/// Where a table is in its current row.
#[derive(Default)]
struct Table {
    /// Whether it lays out the page (it holds another table).
    layout: bool,
    /// Per column, how many more rows a cell above still covers.
    covered: Vec<usize>,
    /// Whether a row is open, and whether it has had a cell.
    row: Option<bool>,
    /// The column the next cell takes.
    column: usize,
    /// The open cell's colspan and rowspan.
    cell: Option<(usize, usize)>,
}

/// Builds the table text.
struct Reader<'a> {
    page: &'a Text,
    out: TextBuilder,
    tables: Vec<Table>,
    markup: Vec<Range<usize>>,
    /// Whether any table cell was seen.
    cells: bool,
    /// Per table, in the order they open, whether it lays out the page.
    layout: Vec<bool>,
    /// How many tables have opened.
    opened: usize,
    /// Where the tabs before the current cell stand, until text is written in it.
    pending_tabs: Vec<Range<usize>>,
    /// A paragraph's or line break's space in a cell, until text follows it there.
    pending_space: Option<Range<usize>>,
}

impl Reader<'_> {
    fn ends_line(&self) -> bool {
        let s = self.out.as_str();
        s.is_empty() || s.ends_with('\n')
    }

    /// Ends the line being written, if it holds anything; `at` is the markup
    /// that ends it.
    fn break_line(&mut self, at: Range<usize>) {
        self.pending_tabs.clear();
        self.pending_space = None;
        if !self.ends_line() {
            self.out.push_replace(self.page, at, "\n");
        }
    }

    /// Writes the page's text `range`: white space of any kind is a space,
    /// and character references are decoded.
    fn text(&mut self, range: Range<usize>) {
        let s = self.page.as_str();
        let bytes = s.as_bytes();
        // Character references and white space, with what each stands for.
        let mut replaced: Vec<(Range<usize>, std::borrow::Cow<'static, str>)> = Vec::new();
        let mut content = false;
        let mut i = range.start;
        while i < range.end {
            let found = match bytes[i] {
                b'\n' | b'\r' | b'\t' => Some((i + 1, std::borrow::Cow::Borrowed(" "))),
                b'&' => entity_at(s, i).filter(|(end, _)| *end <= range.end),
                _ => None,
            };
            match found {
                Some((end, with)) => {
                    if bytes[i] == b'&' {
                        // The reference's text stands for it; the rest is
                        // markup, and all of it when it stands for white space.
                        let from = if with.trim().is_empty() { i } else { i + 1 };
                        self.markup.push(from..end);
                    }
                    content |= !with.trim().is_empty();
                    let with = if with.contains(['\t', '\n', '\r']) { std::borrow::Cow::Borrowed(" ") } else { with };
                    replaced.push((i..end, with));
                    i = end;
                }
                None => {
                    let c = s[i..].chars().next().expect("within the text");
                    content |= !c.is_whitespace();
                    i += c.len_utf8();
                }
            }
        }
        let in_cell = self.tables.last().is_some_and(|t| t.cell.is_some());
        if !content {
            // White space between a table's cells and rows, opening a line,
            // or before a cell's text is layout of the markup.
            if self.ends_line()
                || self.out.as_str().ends_with([' ', '\t'])
                || !self.pending_tabs.is_empty()
                || self.pending_space.is_some()
                || (!in_cell && !self.tables.is_empty())
            {
                return;
            }
        } else {
            self.write_pending_tabs();
        }
        let mut copied = range.start;
        for (r, with) in replaced {
            self.out.push_copy(self.page, copied..r.start);
            self.out.push_replace(self.page, r.clone(), &with);
            copied = r.end;
        }
        self.out.push_copy(self.page, copied..range.end);
    }

    /// Writes the tabs before the cell that text is now written in: a row's
    /// empty cells after its last text are never written, as a workbook's
    /// trailing empty cells are not.
    fn write_pending_tabs(&mut self) {
        let space = self.pending_space.take();
        if self.pending_tabs.is_empty() {
            if let Some(at) = space {
                self.out.push_replace(self.page, at, " ");
            }
        }
        for at in std::mem::take(&mut self.pending_tabs) {
            self.out.push_replace(self.page, at, "\t");
        }
    }

    /// Writes an empty cell at the table's current column.
    fn empty_cell(&mut self, at: Range<usize>) {
        let table = self.tables.last_mut().expect("a table is open");
        if table.column >= MAX_COLUMNS {
            return; // no list has so many: merged places this far out are not kept
        }
        if table.column > 0 {
            self.pending_tabs.push(at);
        }
        table.column += 1;
    }

    /// Passes the columns that cells of rows above still cover: those at the
    /// current column, or with `to_end` every one left in the row.
    fn pass_covered(&mut self, to_end: bool, at: Range<usize>) {
        loop {
            let table = self.tables.last_mut().expect("a table is open");
            let c = table.column;
            let covered = table.covered.get(c).copied().unwrap_or(0);
            let more_below = table.covered[c.min(table.covered.len())..].iter().any(|&n| n > 0);
            if !(covered > 0 || (to_end && more_below)) {
                return;
            }
            if covered > 0 {
                table.covered[c] -= 1;
            }
            self.empty_cell(at.clone());
        }
    }

    fn open_row(&mut self, at: Range<usize>) {
        self.close_row(at.clone());
        self.break_line(at);
        if let Some(table) = self.tables.last_mut() {
            table.row = Some(false);
            table.column = 0;
        }
    }

    fn close_cell(&mut self, at: Range<usize>) {
        let Some(table) = self.tables.last_mut() else { return };
        let Some((colspan, rowspan)) = table.cell.take() else { return };
        let first = table.column;
        let needed = (first + colspan).min(MAX_COLUMNS);
        if table.covered.len() < needed {
            table.covered.resize(needed, 0);
        }
        for c in first..needed {
            table.covered[c] = rowspan - 1;
        }
        table.column += 1;
        for _ in 1..colspan {
            self.empty_cell(at.clone());
        }
    }

    fn close_row(&mut self, at: Range<usize>) {
        self.close_cell(at.clone());
        let Some(table) = self.tables.last_mut() else { return };
        let Some(had_cells) = table.row.take() else { return };
        if had_cells {
            table.row = Some(true);
            self.pass_covered(true, at.clone());
            self.tables.last_mut().expect("a table is open").row = None;
        }
        self.break_line(at);
    }

    fn open_cell(&mut self, tag: &Tag<'_>, at: Range<usize>) {
        if self.tables.last().is_some_and(|t| t.row.is_none()) {
            self.open_row(at.clone());
        }
        self.close_cell(at.clone());
        self.pass_covered(false, at.clone());
        let colspan = attribute_number(tag.attributes, "colspan").unwrap_or(1).clamp(1, MAX_COLSPAN);
        let rowspan = match attribute_number(tag.attributes, "rowspan") {
            Some(0) => MAX_ROWSPAN,
            Some(n) => n.min(MAX_ROWSPAN),
            None => 1,
        };
        let table = self.tables.last_mut().expect("a table is open");
        if table.column > 0 {
            self.pending_tabs.push(at);
        }
        table.row = Some(true);
        table.cell = Some((colspan, rowspan));
        self.cells = true;
    }

    fn tag(&mut self, tag: &Tag<'_>, at: Range<usize>) {
        let in_cell = self.tables.last().is_some_and(|t| t.cell.is_some());
        match (tag.name.as_str(), tag.closing) {
            ("table", false) => {
                self.break_line(at);
                let layout = self.layout.get(self.opened).copied().unwrap_or(false);
                self.opened += 1;
                self.tables.push(Table { layout, ..Table::default() });
            }
            ("table", true) => {
                if !self.tables.is_empty() {
                    self.close_row(at.clone());
                    self.tables.pop();
                }
                self.break_line(at);
            }
            // A table that lays out the page: its rows and cells part lines
            // of running text, as blocks do.
            ("tr" | "td" | "th" | "thead" | "tbody" | "tfoot", _) if self.tables.last().is_some_and(|t| t.layout) => {
                self.break_line(at)
            }
            ("tr", false) if !self.tables.is_empty() => self.open_row(at),
            ("tr", true) if !self.tables.is_empty() => self.close_row(at),
            ("td" | "th", false) if !self.tables.is_empty() => self.open_cell(tag, at),
            ("td" | "th", true) if !self.tables.is_empty() => self.close_cell(at),
            ("thead" | "tbody" | "tfoot", _) if !self.tables.is_empty() => self.close_row(at),
            // Outside a cell a block boundary breaks the line; inside one, a word.
            (name, _) if HTML_BLOCK_TAGS.contains(&name) => {
                if in_cell {
                    // Within a cell a paragraph or line break parts words;
                    // the list's own numbers still split its entries.
                    if self.pending_tabs.is_empty() && !self.ends_line() && !self.out.as_str().ends_with(['\t', ' ']) {
                        self.pending_space = Some(at);
                    }
                } else if self.tables.last().is_none_or(|t| t.row.is_none()) {
                    self.break_line(at);
                }
            }
            _ => {}
        }
    }
}

/// A piece of the page: text, or markup with the tag it is (comments,
/// declarations and skipped elements are markup without a tag).
enum Piece<'a> {
    Text(Range<usize>),
    Markup(Range<usize>, Option<Tag<'a>>),
}

/// The page cut into text and markup. The content of `<head>` (but its
/// title) and of scripts and styles is markup.
fn pieces(s: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut text_from = 0;
    let mut i = 0;
    let (mut in_head, mut in_title) = (false, false);
    while let Some(k) = s[i..].find('<') {
        i += k;
        // Markup of the kinds that hold no text: comments (Word's conditional
        // ones too), declarations and processing instructions.
        let skipped_end = if s[i..].starts_with("<!--") {
            Some(s[i + 4..].find("-->").map_or(s.len(), |e| i + 4 + e + 3))
        } else if s[i..].starts_with("<!") || s[i..].starts_with("<?") {
            Some(s[i..].find('>').map_or(s.len(), |e| i + e + 1))
        } else {
            None
        };
        let (end, tag) = match skipped_end {
            Some(end) => (end, None),
            None => match tag_at(s, i) {
                Some(tag) => (tag.end, Some(tag)),
                None => {
                    i += 1; // a `<` that is text
                    continue;
                }
            },
        };
        let text = text_from..i;
        if !text.is_empty() {
            out.push(if in_head && !in_title { Piece::Markup(text, None) } else { Piece::Text(text) });
        }
        let mut next = end;
        let mut skipped = None;
        if let Some(tag) = &tag {
            match (tag.name.as_str(), tag.closing) {
                ("head", false) => in_head = true,
                ("head", true) | ("body", false) => in_head = false,
                // The page's title is its first line, though the head holds it.
                ("title", closing) => in_title = !closing,
                (name, false) if SKIPPED_ELEMENTS.contains(&name) => {
                    next = closing_tag_end(s, end, name);
                    skipped = Some(end..next);
                }
                _ => {}
            }
        }
        let keep = tag.filter(|t| !in_head || t.name == "title");
        out.push(Piece::Markup(i..end, keep));
        if let Some(r) = skipped {
            out.push(Piece::Markup(r, None));
        }
        text_from = next;
        i = next;
    }
    if text_from < s.len() {
        out.push(if in_head && !in_title {
            Piece::Markup(text_from..s.len(), None)
        } else {
            Piece::Text(text_from..s.len())
        });
    }
    out
}

/// Which tables, in the order they open, hold another table: tables that lay
/// out a page rather than hold a list, read as running text.
fn layout_tables(pieces: &[Piece<'_>]) -> Vec<bool> {
    let mut layout = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for piece in pieces {
        let Piece::Markup(_, Some(tag)) = piece else { continue };
        if tag.name != "table" {
            continue;
        }
        if tag.closing {
            open.pop();
        } else {
            // The enclosing table; those around it were marked when it opened.
            if let Some(&k) = open.last() {
                layout[k] = true;
            }
            open.push(layout.len());
            layout.push(false);
        }
    }
    layout
}

/// Reads a page's tables as table text. `None` when the page has no table cell.
pub fn read(page: &Text) -> Option<Page> {
    let s = page.as_str();
    let pieces = pieces(s);
    let layout = layout_tables(&pieces);
    let mut r = Reader {
        page,
        out: TextBuilder::with_capacity(s.len() / 2),
        tables: Vec::new(),
        markup: Vec::new(),
        cells: false,
        layout,
        opened: 0,
        pending_tabs: Vec::new(),
        pending_space: None,
    };
    for piece in &pieces {
        match piece {
            Piece::Text(range) => r.text(range.clone()),
            Piece::Markup(range, tag) => {
                r.markup.push(range.clone());
                if let Some(tag) = tag {
                    r.tag(tag, range.clone());
                }
            }
        }
    }
    let end = s.len()..s.len();
    while !r.tables.is_empty() {
        r.close_row(end.clone());
        r.tables.pop();
    }
    if !r.ends_line() {
        r.out.push_str_at("\n", end);
    }
    r.cells.then(|| Page { text: r.out.finish(), markup: merge(r.markup) })
}

/// The end of the closing tag of the element `name` whose content starts at
/// `from` (the end of the page when it is never closed).
fn closing_tag_end(s: &str, from: usize, name: &str) -> usize {
    let bytes = s.as_bytes();
    let mut at = from;
    while let Some(k) = s[at..].find("</") {
        let name_at = at + k + 2;
        let candidate = bytes.get(name_at..name_at + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return s[name_at..].find('>').map_or(s.len(), |e| name_at + e + 1);
        }
        at = name_at;
    }
    s.len()
}

/// Sorted, merged ranges.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_text(html: &str) -> String {
        read(&Text::from_source(html)).map(|p| p.text.into_string()).unwrap_or_default()
    }

    #[test]
    fn pages_are_known_by_name_or_by_their_first_markup() {
        assert!(is_html("list.HTM", "序号\t事项名称"));
        assert!(is_html(
            "list.xls",
            "\u{feff}\n<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><body><table>"
        ));
        assert!(is_html("-", "<!DOCTYPE html>\n<html><head>"));
        assert!(is_html("list.txt", "<table><tr><td>1</td></tr></table>"));
        assert!(!is_html("list.txt", "序号\t事项名称\n1\t<p>对…</p>"));
        assert!(!is_html("list.txt", "<p>权责清单</p>"));
    }

    #[test]
    fn declared_encodings() {
        let gbk = declared_encoding(b"<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">");
        assert_eq!(gbk, Some(encoding_rs::GBK));
        assert_eq!(declared_encoding(b"<meta charset='UTF-8'>"), Some(encoding_rs::UTF_8));
        assert_eq!(declared_encoding(b"<html><body>"), None);
    }

    #[test]
    fn rows_are_lines_and_cells_are_tabs() {
        let t = table_text(
            "<table><tr><th>序号</th><th>事项名称</th></tr>\n<tr><td>1</td>\n<td>对…的<b>处罚</b></td></tr></table>",
        );
        assert_eq!(t, "序号\t事项名称\n1\t对…的处罚\n");
    }

    #[test]
    fn merged_cells_leave_their_places_empty() {
        let t = table_text(
            "<table><tr><td rowspan=2>1</td><td>甲</td><td rowspan='2'>乙</td><td>丙</td></tr>\
             <tr><td>丁</td><td>戊</td></tr>\
             <tr><td colspan=\"2\">己</td><td>庚</td></tr></table>",
        );
        assert_eq!(t, "1\t甲\t乙\t丙\n\t丁\t\t戊\n己\t\t庚\n");
    }

    #[test]
    fn a_rows_trailing_empty_cells_are_not_written() {
        let t = table_text(
            "<table><tr><td colspan=9>某局权责清单</td></tr><tr><td>1</td><td></td><td>&nbsp;</td></tr></table>",
        );
        assert_eq!(t, "某局权责清单\n1\n");
    }

    #[test]
    fn cell_paragraphs_and_breaks_part_words_only() {
        let t = table_text("<table><tr><td><p>1.立案责任。</p>\n<p>2.调查责任。</p></td><td>a<br/>b</td></tr></table>");
        assert_eq!(t, "1.立案责任。 2.调查责任。\ta b\n");
    }

    #[test]
    fn text_around_tables_is_lines_and_layout_tables_are_running_text() {
        let t = table_text(
            "<html><head><title>某局权责清单_某市政府</title><style>td{}</style><script>var s='<table><tr><td>x</td></tr></table>';</script></head>\
             <body><table><tr><td><h2>某局权责清单</h2><p>一、行政处罚</p>\
             <table><tr><td>序号</td><td>事项名称</td></tr></table></td></tr></table><!-- <td>注释</td> --><div>版权所有</div></body></html>",
        );
        assert_eq!(t, "某局权责清单_某市政府\n某局权责清单\n一、行政处罚\n序号\t事项名称\n版权所有\n");
    }

    #[test]
    fn references_are_decoded_and_offsets_point_into_the_page() {
        let html = "<table>\n<tr><td>A&amp;B&#x6765;</td><td>x &lt; y</td></tr></table>";
        let page = read(&Text::from_source(html)).unwrap();
        assert_eq!(page.text.as_str(), "A&B来\tx < y\n");
        let at = page.text.as_str().find('来').unwrap();
        assert_eq!(&html[page.text.source_range(at..at + 3)], "&#x6765;");
        assert!(page.lost(html).is_empty());
        assert!(page.text_only(html).contains("A&"));
        assert!(!page.text_only(html).contains("amp;"));
    }

    #[test]
    fn stray_angle_brackets_are_text() {
        let t = table_text("<table><tr><td>a < b 和 <1> 与 <</td></tr></table>");
        assert_eq!(t, "a < b 和 <1> 与 <\n");
    }

    #[test]
    fn a_page_without_cells_has_no_table() {
        assert!(read(&Text::from_source("<html><body><p>权责清单</p></body></html>")).is_none());
    }

    #[test]
    fn attribute_numbers() {
        assert_eq!(attribute_number(" rowspan=\"3\" class=x", "rowspan"), Some(3));
        assert_eq!(attribute_number(" ROWSPAN = 2", "rowspan"), Some(2));
        assert_eq!(attribute_number(" data-rowspan=4", "rowspan"), None);
        assert_eq!(attribute_number(" colspan=abc", "colspan"), None);
    }
}
