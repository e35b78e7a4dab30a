//! Layout: from normalised text to table records, whatever the shape the
//! extractor left the table in.
//!
//! Three shapes are read, chosen by what the text looks like, never by file
//! name:
//! - delimited rows (tabs or `|`) under a header row, with continuation and
//!   tier rows ([`delimited`]);
//! - vertical PDF text, where every cell is spread over lines one after the
//!   other ([`vertical`]).

pub mod columns;
mod coverage;
mod delimited;
mod scrambled;
mod vertical;

pub use columns::Column;
pub use coverage::{coverage, Coverage};
pub use scrambled::{repair_scrambled, unscramble, BigramModel, Repair};

use crate::text::Text;
use std::ops::Range;

/// One row of a record: the cells it holds, by column.
pub type Row = Vec<(Column, Text)>;

/// One item's cells, as laid out: a main row and any tier or continuation rows.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// The table heading the record sat under.
    pub section: Option<Text>,
    /// The rows, in order.
    pub rows: Vec<Row>,
}

impl Record {
    /// Every cell of `column`, in row order.
    pub fn cells(&self, column: Column) -> impl Iterator<Item = &Text> {
        self.rows.iter().flat_map(move |r| r.iter().filter(move |(c, _)| *c == column).map(|(_, t)| t))
    }

    /// Whether any row has a non-empty cell of `column`.
    pub fn has(&self, column: Column) -> bool {
        self.cells(column).any(|t| !t.as_str().trim().is_empty())
    }

    /// Source range from the first to the last cell.
    pub fn span(&self) -> Option<Range<usize>> {
        let mut spans = self.rows.iter().flatten().map(|(_, t)| t.span()).filter(|r| !r.is_empty());
        let first = spans.next()?;
        Some(spans.fold(first, |acc, r| acc.start.min(r.start)..acc.end.max(r.end)))
    }
}

/// Why a piece of text was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetAside {
    /// A header row.
    RepeatedHeader,
    /// A section heading (`权责清单目录分表(行政处罚类)`), kept in each item's `section`.
    SectionHeading,
    /// Page furniture: page numbers, running heads, separators.
    Furniture,
    /// Text that could not be placed in any cell.
    Unassigned,
    /// A note printed under a table (`注：…`), kept in the document's `notes`.
    TableNote,
}

/// A piece of text that is not in any record, and why.
#[derive(Debug, Clone)]
pub struct Fragment {
    /// The text.
    pub text: Text,
    /// Why it was set aside.
    pub reason: SetAside,
}

/// Which shape the table was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutKind {
    /// Rows split by a delimiter.
    Delimited(char),
    /// Cells spread vertically.
    Vertical,
}

impl LayoutKind {
    /// A short name.
    pub fn name(self) -> &'static str {
        match self {
            LayoutKind::Delimited('\t') => "tab-separated",
            LayoutKind::Delimited('|') => "pipe table",
            LayoutKind::Delimited(_) => "delimited",
            LayoutKind::Vertical => "vertical",
        }
    }
}

/// The table read out of a document.
#[derive(Debug, Clone)]
pub struct Laid {
    /// The shape it was read in.
    pub kind: LayoutKind,
    /// Text before the first table: the covering notice.
    pub preamble: Text,
    /// The records, in document order.
    pub records: Vec<Record>,
    /// Text set aside.
    pub fragments: Vec<Fragment>,
    /// Whether a header row was found (else columns came from content alone).
    pub header_found: bool,
    /// Headers kept beside the records, as printed (white space removed):
    /// those of the columns the format does not name ([`Column::Extra`]`(i)`
    /// is the `i`-th) and the duty groups a header names as columns
    /// ([`Column::DutyGroup`]`(i)`).
    pub extra_headers: Vec<String>,
}

/// Whether a line before the table (white space removed) could be the
/// list's title, which pages repeat at their head: it names a list (清单,
/// 目录), and is long enough that no cell repeats it by chance. The issuer's
/// name, also a department's cell, is not one.
pub(crate) fn is_running_head_text(t: &str) -> bool {
    (t.contains("清单") || t.contains("目录")) && t.chars().filter(|&c| crate::text::is_han(c)).count() >= 6
}

/// Reads the table out of normalised document text. `None` when the text
/// holds no table qingdan recognises. `whole_code` tells a whole item code
/// (one that fits a province's code grammar), white space removed: vertical
/// text prints codes in pieces, and a piece read apart is joined back by it.
pub fn lay_out(text: &Text, whole_code: &dyn Fn(&str) -> bool) -> Option<Laid> {
    if let Some(delimiter) = delimited::detect(text) {
        if let Some(laid) = delimited::read(text, delimiter, false) {
            return Some(laid);
        }
    }
    vertical::read(text, whole_code)
}

/// Reads the table out of a spreadsheet's text ([`crate::sheet::Sheet::to_text`]):
/// tab-separated, one line per row, every cell in the column of its position.
pub fn lay_out_grid(text: &Text) -> Option<Laid> {
    delimited::read(text, '\t', true)
}

/// Whether a line opens a note printed under a table: `注：`, `说明：`,
/// `备注：`, `附注：`, `注释：`, `填表说明：` (a colon either width), `注1：`.
pub(crate) fn starts_note(line: &str) -> bool {
    let t = line.trim_start();
    ["注", "说明", "备注", "附注", "注释", "填表说明"].iter().any(|w| {
        t.strip_prefix(w).is_some_and(|rest| {
            let rest = rest.trim_start().trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(['：', ':'])
        })
    })
}

/// A section heading such as `权责清单目录分表(行政处罚类)`: the type in the
/// trailing brackets, when the line is a heading.
pub fn section_heading(line: &str) -> Option<&str> {
    let t = line.trim();
    // Every heading holds a bracket or begins with a numeral: most lines are
    // told apart by that alone.
    if !(t.starts_with(TYPE_HEADING_NUMERALS) || t.starts_with('第') || t.contains(['(', '（']))
        || t.chars().count() > 60
    {
        return None;
    }
    if !(t.contains("清单") || t.contains("目录") || t.contains("分表")) {
        return numbered_type_heading(t);
    }
    let open = t.rfind(['(', '（'])?;
    let inner = t[open..].trim_start_matches(['(', '（']).trim_end_matches([')', '）']);
    let inner = inner.trim_end_matches('类').trim_end_matches("事项");
    (!inner.is_empty() && inner.chars().count() <= 10 && !inner.chars().any(|c| c.is_ascii_digit())).then_some(inner)
}

/// The numerals that number a type's heading (`一、`, `（二）`).
const TYPE_HEADING_NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// A heading that numbers a type, as documents divide their one table:
/// `一、行政许可`, `（二）行政处罚类`, `三、行政强制（共3项）`, or that counts
/// its items: `行政处罚（共18项）`. A type name alone is not one: in vertical
/// text it is as likely a type cell.
fn numbered_type_heading(t: &str) -> Option<&str> {
    let numbered = if let Some(part) = part_number(t) {
        Some(part)
    } else if let Some(inner) = t.strip_prefix(['（', '(']) {
        let r = inner.trim_start_matches(TYPE_HEADING_NUMERALS);
        (r.len() < inner.len()).then_some(()).and_then(|_| r.strip_prefix(['）', ')']))
    } else {
        let r = t.trim_start_matches(TYPE_HEADING_NUMERALS);
        (r.len() < t.len()).then_some(()).and_then(|_| r.strip_prefix(['、', '.', '．']))
    };
    let rest = numbered.unwrap_or(t).trim();
    // A count or note in brackets after the name: `（共3项）`.
    let name = match rest.find(['（', '(']) {
        Some(i) if rest.ends_with(['）', ')']) => {
            let note = &rest[i..];
            // Without a number before it, only a count makes the line a heading.
            if numbered.is_none() && !(note.contains('项') && note.chars().any(|c| c.is_ascii_digit())) {
                return None;
            }
            &rest[..i]
        }
        Some(_) => return None,
        None if numbered.is_some() => rest,
        None => return None,
    };
    let name = name.trim().trim_end_matches('类').trim_end_matches("事项").trim_end_matches('类');
    let known = columns::is_type_name(name);
    known.then_some(name)
}

/// What follows a part's number (`第一部分 行政许可`, `第二部分：行政处罚`).
fn part_number(t: &str) -> Option<&str> {
    let r = t.strip_prefix('第')?;
    let after = r.trim_start_matches(TYPE_HEADING_NUMERALS);
    if after.len() == r.len() {
        return None;
    }
    let rest = after.strip_prefix("部分")?;
    Some(rest.trim_start_matches([' ', '\u{3000}', '、', '：', ':', '.', '．']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_openings() {
        for note in
            ["注：本清单动态调整。", " 注:1.本清单", "注1：", "说明：", "备注：无", "附注：", "注释：", "填表说明："]
        {
            assert!(starts_note(note), "{note}");
        }
        for not in ["注意事项", "注册登记", "说明书", "备注", "对备注栏的处罚", "1.注：", "注销登记：申请"]
        {
            assert!(!starts_note(not), "{not}");
        }
    }

    #[test]
    fn section_headings() {
        assert_eq!(section_heading("权责清单目录分表(行政处罚类) "), Some("行政处罚"));
        assert_eq!(section_heading("山东省医疗保障系统权责清单(行政处罚)"), Some("行政处罚"));
        assert_eq!(section_heading("山东省医疗保障系统权责清单（公共服务事项）"), Some("公共服务"));
        assert_eq!(section_heading("《社会保险法》（2018年12月修改）"), None);
        assert_eq!(section_heading("天水市医保局权责清单"), None);
        assert_eq!(section_heading("权责清单(2019)"), None);
        assert_eq!(section_heading("一、行政许可"), Some("行政许可"));
        assert_eq!(section_heading("（二）行政处罚类"), Some("行政处罚"));
        assert_eq!(section_heading("三、行政强制（共3项）"), Some("行政强制"));
        assert_eq!(section_heading("十一、公共服务事项（12项）"), Some("公共服务"));
        assert_eq!(section_heading("第一部分 行政许可"), Some("行政许可"));
        assert_eq!(section_heading("第十二部分：其他行政权力（共2项）"), Some("其他行政权力"));
        assert_eq!(section_heading("第二部分 工作职责"), None);
        assert_eq!(section_heading("第八十七条 行政处罚"), None);
        assert_eq!(section_heading("行政处罚"), None);
        assert_eq!(section_heading("行政处罚（共18项）"), Some("行政处罚"));
        assert_eq!(section_heading("公共服务事项(5项)"), Some("公共服务"));
        assert_eq!(section_heading("行政处罚（2018年修订）"), None);
        assert_eq!(section_heading("五、行政备案"), Some("行政备案"));
        for odd in ["(", "（", "(一", "一", "一、", "（）行政许可", "(一)"] {
            assert_eq!(section_heading(odd), None, "{odd}");
        }
        assert_eq!(section_heading("一、依法依规实施本级行政处罚事项"), None);
        // Surrounding space is no part of the heading.
        assert_eq!(section_heading("  一、行政许可 "), Some("行政许可"));
        assert_eq!(section_heading(" （二）行政处罚类"), Some("行政处罚"));
    }
}
