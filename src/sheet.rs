//! Spreadsheets in: workbooks (.xlsx, .xls, .xlsb, .ods) and CSV files (and,
//! through [`crate::docx`], Word documents) read
//! into sheets of text cells, and each sheet written out as tab-separated
//! text whose line numbers are the sheet's row numbers, so that the text
//! layouts read it and diagnostics point at the row a clerk sees in Excel.

use crate::decode::{self, DecodeError};
use std::io::Cursor;

/// The kinds of spreadsheet qingdan reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    /// A workbook: Office Open XML, BIFF (.xls), binary (.xlsb) or OpenDocument.
    Workbook,
    /// Comma-separated values.
    Csv,
    /// A Word document (.docx): its paragraphs and tables as one sheet.
    WordDocument,
}

/// One sheet: its name and its cells, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's name (`行政处罚`, `Sheet1`); the file name for CSV.
    pub name: String,
    /// Rows, each with its 1-based row (or CSV line) number.
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Sheet {
    /// Whether no cell holds text.
    pub fn is_blank(&self) -> bool {
        self.rows.iter().all(|(_, cells)| cells.iter().all(|c| c.trim().is_empty()))
    }

    /// The sheet as tab-separated text: line *n* is row *n*. A cell's own
    /// line breaks and tabs become spaces, which the list rules treat as the
    /// breaks they were (entries still split at their numbers and headings).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let mut line = 1;
        for (row, cells) in &self.rows {
            while line < *row {
                out.push('\n');
                line += 1;
            }
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    out.push('\t');
                }
                // A CRLF break is one space, as an LF one.
                let cell = cell.trim().replace("\r\n", "\n");
                out.extend(cell.chars().map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }));
            }
        }
        out.push('\n');
        out
    }
}

/// Why a spreadsheet could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    /// The workbook is damaged or of a kind that cannot be read.
    #[error("cannot read the workbook: {0}")]
    Workbook(String),
    /// A CSV file could not be decoded or split.
    #[error("cannot read the CSV file: {0}")]
    Csv(String),
    /// A CSV file is not text.
    #[error(transparent)]
    Decode(#[from] DecodeError),
}

impl SheetError {
    /// The error in both languages.
    pub fn message(&self) -> crate::i18n::Message {
        match self {
            SheetError::Workbook(e) => crate::tr!("cannot read the workbook: {e}", "无法读取工作簿：{e}"),
            SheetError::Csv(e) => crate::tr!("cannot read the CSV file: {e}", "无法读取 CSV 文件：{e}"),
            SheetError::Decode(e) => e.message(),
        }
    }
}

/// The spreadsheet format of an input, from its leading bytes (a ZIP or OLE
/// container with a workbook inside) or, for CSV, which has no signature,
/// from its name.
pub fn detect(name: &str, bytes: &[u8]) -> Option<SheetFormat> {
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let zip_workbook = bytes.starts_with(b"PK\x03\x04") && {
        // The names of an Office or OpenDocument package's parts appear in its local headers.
        let head = &bytes[..bytes.len().min(64 * 1024)];
        contains(head, b"xl/") || contains(head, b"[Content_Types].xml") || contains(head, b"opendocument.spreadsheet")
    };
    if bytes.starts_with(b"PK\x03\x04") && crate::docx::is_word_package(&bytes[..bytes.len().min(64 * 1024)]) {
        return Some(SheetFormat::WordDocument);
    }
    if zip_workbook || bytes.starts_with(OLE) {
        return Some(SheetFormat::Workbook);
    }
    let extension = std::path::Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "csv" => Some(SheetFormat::Csv),
        "docx" | "docm" => Some(SheetFormat::WordDocument),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => Some(SheetFormat::Workbook),
        _ => None,
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Reads every sheet of a workbook, in the workbook's order.
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<Sheet>, SheetError> {
    use calamine::Reader;
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| SheetError::Workbook(e.to_string()))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| SheetError::Workbook(format!("sheet `{name}`: {e}")))?;
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                // Leading empty columns are kept, so a cell's column is the sheet's.
                let mut texts: Vec<String> = vec![String::new(); first_col as usize];
                texts.extend(cells.iter().map(cell_text));
                while texts.last().is_some_and(|t| t.is_empty()) {
                    texts.pop();
                }
                (first_row as usize + i + 1, texts)
            })
            .filter(|(_, cells)| !cells.is_empty())
            .collect();
        sheets.push(Sheet { name, rows });
    }
    Ok(sheets)
}

/// A cell's value as the sheet shows it. Whole numbers (序号, codes typed
/// as numbers) are written without a decimal point or exponent.
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::Error(e) => e.to_string(),
    }
}

/// Reads a CSV file: decoded like any text input (UTF-8, GBK … detected or
/// forced), split by the CSV rules (quoted cells may hold commas and line
/// breaks). Rows keep their line numbers in the file.
pub fn read_csv(
    name: &str,
    bytes: &[u8],
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<(Sheet, String), SheetError> {
    let decoded = decode::decode(bytes, encoding)?;
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(decoded.text.as_bytes());
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    // Lines are counted from each record's byte offset: the reader's own line
    // count (and offset) lag behind after a CRLF record end.
    let text = decoded.text.as_bytes();
    let (mut counted_to, mut line) = (0, 1);
    for record in reader.records() {
        let record = record.map_err(|e| SheetError::Csv(e.to_string()))?;
        let mut start = record.position().map_or(counted_to, |p| (p.byte() as usize).min(text.len()));
        while start < text.len() && matches!(text[start], b'\r' | b'\n') {
            start += 1; // a record never starts with a line end; the reader's offset may stop short of one
        }
        line += text[counted_to.min(start)..start].iter().filter(|&&b| b == b'\n').count();
        counted_to = counted_to.max(start);
        let line = line.max(rows.last().map_or(1, |r| r.0 + 1));
        rows.push((line, record.iter().map(str::to_owned).collect()));
    }
    let name = std::path::Path::new(name).file_stem().map_or_else(|| name.to_owned(), |s| s.to_string_lossy().into());
    Ok((Sheet { name, rows }, decoded.encoding_name()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_signature_then_by_name() {
        assert_eq!(detect("a.bin", b"PK\x03\x04....xl/workbook.xml"), Some(SheetFormat::Workbook));
        assert_eq!(detect("a.txt", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]), Some(SheetFormat::Workbook));
        assert_eq!(detect("list.CSV", "序号,事项名称".as_bytes()), Some(SheetFormat::Csv));
        assert_eq!(detect("list.txt", "序号\t事项名称".as_bytes()), None);
        assert_eq!(detect("-", b""), None);
    }

    #[test]
    fn text_lines_are_rows() {
        let sheet = Sheet {
            name: "Sheet1".into(),
            rows: vec![(2, vec!["序号".into(), "事项名称".into()]), (4, vec!["1".into(), "甲\n乙\t丙".into()])],
        };
        assert_eq!(sheet.to_text(), "\n序号\t事项名称\n\n1\t甲 乙 丙\n");
        assert!(!sheet.is_blank());
    }

    #[test]
    fn csv_rows_keep_their_line_numbers() {
        let (sheet, encoding) = read_csv("x.csv", "序号,事项名称\n1,\"甲,\n乙\"\n2,丙\n".as_bytes(), None).unwrap();
        assert_eq!(encoding, "UTF-8");
        assert_eq!(sheet.name, "x");
        assert_eq!(sheet.rows[0].0, 1);
        assert_eq!(sheet.rows[1], (2, vec!["1".to_owned(), "甲,\n乙".to_owned()]));
        assert_eq!(sheet.rows[2].0, 4);
    }

    #[test]
    fn csv_rows_ending_in_crlf_keep_their_line_numbers() {
        let (sheet, _) = read_csv("x.csv", "序号,事项名称\r\n1,\"甲\r\n乙\"\r\n2,丙\r\n".as_bytes(), None).unwrap();
        let lines: Vec<usize> = sheet.rows.iter().map(|r| r.0).collect();
        assert_eq!(lines, [1, 2, 4]);
        assert_eq!(sheet.to_text(), "序号\t事项名称\n1\t甲 乙\n\n2\t丙\n");
    }

    #[test]
    fn whole_numbers_have_no_decimal_point() {
        assert_eq!(cell_text(&calamine::Data::Float(3700000236009.0)), "3700000236009");
        assert_eq!(cell_text(&calamine::Data::Float(1.5)), "1.5");
        assert_eq!(cell_text(&calamine::Data::Int(7)), "7");
    }

    #[test]
    fn damaged_workbook_is_an_error() {
        assert!(matches!(read_workbook(b"PK\x03\x04 not really"), Err(SheetError::Workbook(_))));
    }
}
