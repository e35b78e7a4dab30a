//! Word documents in (.docx): the document's paragraphs and table rows, in
//! their order, read into one sheet: a paragraph is a row of one cell, a
//! table row a row of cells, each cell in the column of its place in the
//! table's grid (a cell merged across columns leaves the columns after it
//! empty; one merged down a column is empty in the rows below, as Word keeps
//! it). Row *n* of the sheet is the document's *n*-th paragraph or table row.
//! The numbers Word draws before the paragraphs of a numbered list (`1.`,
//! `（一）`) are not in the text but are part of what the document shows: they
//! are written in, as the list's entries are split at them.

use crate::sheet::{Sheet, SheetError};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// The largest unpacked part read: a list's document.xml is a few megabytes;
/// a part beyond this is refused, not unpacked (a zip bomb).
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;
/// The last grid column a merged cell's empty places are kept in.
const MAX_COLUMNS: usize = 256;

/// Reads a Word document's paragraphs and tables as one sheet, named `name`.
pub fn read_document(name: &str, bytes: &[u8]) -> Result<Sheet, SheetError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| SheetError::Workbook(format!("not a Word document: {e}")))?;
    let document = part(&mut archive, "word/document.xml")?
        .ok_or_else(|| SheetError::Workbook("not a Word document: it has no word/document.xml".into()))?;
    let numbering = part(&mut archive, "word/numbering.xml")?.map(|x| Numbering::read(&x)).unwrap_or_default();
    let rows = Body::read(&document, numbering)?;
    let name = std::path::Path::new(name).file_stem().map_or_else(|| name.to_owned(), |s| s.to_string_lossy().into());
    Ok(Sheet { name, rows: rows.into_iter().enumerate().map(|(i, cells)| (i + 1, cells)).collect() })
}

/// Whether a ZIP container's first bytes name a Word document's parts.
pub fn is_word_package(head: &[u8]) -> bool {
    head.windows(5).any(|w| w == b"word/")
}

/// A part of the package as text, when present.
fn part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, SheetError> {
    let file = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(SheetError::Workbook(format!("cannot read {name}: {e}"))),
    };
    let mut text = String::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| SheetError::Workbook(format!("cannot read {name}: {e}")))?;
    if text.len() as u64 > MAX_PART_BYTES {
        return Err(SheetError::Workbook(format!("{name} unpacks to more than {MAX_PART_BYTES} bytes")));
    }
    Ok(Some(text))
}

/// The value of an element's attribute `key`, whatever its prefix
/// (`w:numId="3"` for `numId`).
fn attribute(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// The value of an element's `val` attribute (`<w:gridSpan w:val="2"/>`).
fn val(e: &BytesStart<'_>) -> Option<String> {
    attribute(e, b"val")
}

/// How each numbered list draws its numbers: per list (`numId`) and level,
/// the number format and the text around it (`%1.`).
#[derive(Debug, Default)]
struct Numbering {
    lists: HashMap<String, HashMap<u8, (String, String)>>,
}

impl Numbering {
    fn read(xml: &str) -> Numbering {
        let mut abstract_levels: HashMap<String, HashMap<u8, (String, String)>> = HashMap::new();
        let mut list_abstract: HashMap<String, String> = HashMap::new();
        let mut reader = Reader::from_str(xml);
        let (mut abstract_id, mut num_id, mut level) = (None::<String>, None::<String>, None::<u8>);
        loop {
            let event = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(e) => e,
            };
            match event {
                Event::Start(e) | Event::Empty(e) => {
                    let attr = |key: &[u8]| attribute(&e, key);
                    match e.local_name().as_ref() {
                        b"abstractNum" => abstract_id = attr(b"abstractNumId"),
                        b"num" => num_id = attr(b"numId"),
                        b"abstractNumId" => {
                            if let (Some(n), Some(a)) = (&num_id, val(&e)) {
                                list_abstract.insert(n.clone(), a);
                            }
                        }
                        b"lvl" => level = attr(b"ilvl").and_then(|l| l.parse().ok()),
                        b"numFmt" | b"lvlText" => {
                            if let (Some(a), Some(l), Some(v)) = (&abstract_id, level, val(&e)) {
                                let entry = abstract_levels.entry(a.clone()).or_default().entry(l).or_default();
                                if e.local_name().as_ref() == b"numFmt" {
                                    entry.0 = v;
                                } else {
                                    entry.1 = v;
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    b"abstractNum" => abstract_id = None,
                    b"num" => num_id = None,
                    b"lvl" => level = None,
                    _ => {}
                },
                _ => {}
            }
        }
        let lists = list_abstract
            .into_iter()
            .filter_map(|(num, abs)| abstract_levels.get(&abs).map(|levels| (num, levels.clone())))
            .collect();
        Numbering { lists }
    }

    /// The number drawn before the `count`-th paragraph (from 1) of list
    /// `num_id` at `level`, when the format is one qingdan writes.
    fn label(&self, num_id: &str, level: u8, count: u32) -> Option<String> {
        let (format, text) = self.lists.get(num_id)?.get(&level)?;
        let number = match format.as_str() {
            "decimal" | "" => count.to_string(),
            "chineseCounting" | "chineseCountingThousand" | "ideographTraditional" | "taiwaneseCounting" => {
                crate::text::to_chinese(count)
            }
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
                char::from_u32(0x2460 + count.checked_sub(1)?).filter(|_| count <= 20)?.to_string()
            }
            "decimalFullWidth" | "decimalFullWidth2" => count.to_string(),
            // Bullets and letters carry no entry number the lists use.
            _ => return None,
        };
        let label = text.replace(&format!("%{}", level + 1), &number);
        (!label.contains('%') && !label.trim().is_empty()).then_some(label)
    }
}

/// The document body being read.
struct Body {
    numbering: Numbering,
    /// Rows read so far.
    rows: Vec<Vec<String>>,
    /// Open tables, innermost last.
    tables: Vec<Table>,
    /// The paragraph being read.
    paragraph: String,
    /// Its list and level, when Word numbers it.
    numbered: (Option<String>, u8),
    /// How many paragraphs of each list and level have been numbered.
    counts: HashMap<(String, u8), u32>,
    /// Inside text that is not the document's (deleted text, field codes, a
    /// drawing's fallback copy), how deep.
    hidden: usize,
    /// Inside a run's text element.
    in_text: bool,
    /// Inside a run (where a tab or a break is text, not a paragraph's tab stop).
    in_run: bool,
    /// The run is formatted hidden (`<w:vanish/>`): not shown, so not read.
    run_hidden: bool,
}

#[derive(Default)]
struct Table {
    /// The row being read, when one is open.
    row: Option<Vec<String>>,
    /// The cell being read, when one is open.
    cell: Option<String>,
    /// The open cell's span across grid columns.
    span: usize,
    /// Grid columns skipped before the row's first cell.
    before: usize,
}

impl Body {
    fn read(xml: &str, numbering: Numbering) -> Result<Vec<Vec<String>>, SheetError> {
        let mut body = Body {
            numbering,
            rows: Vec::new(),
            tables: Vec::new(),
            paragraph: String::new(),
            numbered: (None, 0),
            counts: HashMap::new(),
            hidden: 0,
            in_text: false,
            in_run: false,
            run_hidden: false,
        };
        let mut reader = Reader::from_str(xml);
        loop {
            let event = reader.read_event().map_err(|e| {
                SheetError::Workbook(format!("word/document.xml at byte {}: {e}", reader.error_position()))
            })?;
            match event {
                Event::Eof => break,
                Event::Start(e) => body.start(&e, false),
                Event::Empty(e) => body.start(&e, true),
                Event::End(e) => body.end(e.local_name().as_ref()),
                Event::Text(t) if body.in_text && body.hidden == 0 && !body.run_hidden => {
                    body.paragraph.push_str(&t.xml10_content().unwrap_or_default());
                }
                Event::GeneralRef(r) if body.in_text && body.hidden == 0 && !body.run_hidden => {
                    let name = r.decode().unwrap_or_default();
                    let reference = format!("&{name};");
                    if let Some((_, text)) = crate::text::entity_at(&reference, 0) {
                        body.paragraph.push_str(&text);
                    }
                }
                _ => {}
            }
        }
        while !body.tables.is_empty() {
            body.end(b"tbl");
        }
        Ok(body.rows)
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        match e.local_name().as_ref() {
            b"delText" | b"instrText" | b"Fallback" if !empty => self.hidden += 1,
            b"r" if !empty => self.in_run = true,
            b"vanish" if self.in_run => self.run_hidden = !matches!(val(e).as_deref(), Some("0" | "false" | "off")),
            b"t" if !empty => self.in_text = true,
            b"tab" if self.in_run && self.hidden == 0 => self.paragraph.push(' '),
            b"br" | b"cr" if self.in_run && self.hidden == 0 => self.paragraph.push('\n'),
            b"numId" => self.numbered.0 = val(e).filter(|v| v != "0"),
            b"ilvl" => self.numbered.1 = val(e).and_then(|v| v.parse().ok()).unwrap_or(0),
            b"tbl" if !empty => {
                self.end_paragraph();
                self.tables.push(Table::default());
            }
            b"tr" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.row = Some(Vec::new());
                    t.before = 0;
                }
            }
            b"gridBefore" => {
                let n = val(e).and_then(|v| v.parse::<usize>().ok()).unwrap_or(0).min(MAX_COLUMNS);
                if let Some(t) = self.tables.last_mut() {
                    t.before = n;
                }
            }
            b"tc" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    let row = t.row.get_or_insert_with(Vec::new);
                    if row.is_empty() {
                        row.extend(std::iter::repeat_n(String::new(), t.before));
                    }
                    t.cell = Some(String::new());
                    t.span = 1;
                }
                // A numbered list in a cell counts from its first entry.
                self.counts.clear();
            }
            b"gridSpan" => {
                let n = val(e).and_then(|v| v.parse::<usize>().ok()).unwrap_or(1).clamp(1, MAX_COLUMNS);
                if let Some(t) = self.tables.last_mut() {
                    t.span = n;
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"delText" | b"instrText" | b"Fallback" => self.hidden = self.hidden.saturating_sub(1),
            b"t" => self.in_text = false,
            b"r" => {
                self.in_run = false;
                self.run_hidden = false;
            }
            b"p" => self.end_paragraph(),
            b"tc" => {
                self.end_paragraph();
                if let Some(t) = self.tables.last_mut() {
                    if let (Some(cell), Some(row)) = (t.cell.take(), t.row.as_mut()) {
                        row.push(cell.trim_end_matches('\n').to_owned());
                        let room = MAX_COLUMNS.saturating_sub(row.len());
                        row.extend(std::iter::repeat_n(String::new(), (t.span - 1).min(room)));
                    }
                }
            }
            b"tr" => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.row.take()) {
                    self.push_row(row);
                }
            }
            b"tbl" => {
                self.end(b"tc");
                self.end(b"tr");
                self.tables.pop();
            }
            _ => {}
        }
    }

    /// Ends the paragraph: a row of its own, or a line of the open cell.
    fn end_paragraph(&mut self) {
        let mut text = std::mem::take(&mut self.paragraph);
        let (num_id, level) = std::mem::take(&mut self.numbered);
        if let Some(num_id) = num_id {
            if !text.trim().is_empty() {
                // An entry of a level restarts the counts of the levels below it.
                self.counts.retain(|(n, l), _| !(*n == num_id && *l > level));
                let count = self.counts.entry((num_id.clone(), level)).or_insert(0);
                *count += 1;
                if let Some(label) = self.numbering.label(&num_id, level, *count) {
                    text.insert_str(0, &label);
                }
            }
        }
        let outside_tables = self.tables.is_empty();
        match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => {
                if !cell.is_empty() && !text.is_empty() {
                    cell.push('\n');
                }
                cell.push_str(&text);
            }
            // Text outside any table is a row of one cell.
            None if outside_tables && !text.trim().is_empty() => self.rows.push(vec![text]),
            None => {}
        }
    }

    fn push_row(&mut self, row: Vec<String>) {
        // A table inside a cell: its rows become lines of the outer cell.
        if let Some(outer) = self.tables.iter_mut().rev().nth(1).and_then(|t| t.cell.as_mut()) {
            let line = row.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" ");
            if !line.is_empty() {
                if !outer.is_empty() {
                    outer.push('\n');
                }
                outer.push_str(&line);
            }
            return;
        }
        let mut row = row;
        while row.last().is_some_and(|c| c.trim().is_empty()) {
            row.pop();
        }
        if !row.is_empty() {
            self.rows.push(row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn package(body: &str, numbering: Option<&str>) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("[Content_Types].xml", options).unwrap();
        zip.write_all(b"<Types/>").unwrap();
        zip.start_file("word/document.xml", options).unwrap();
        write!(zip, "<w:document {W}><w:body>{body}</w:body></w:document>").unwrap();
        if let Some(n) = numbering {
            zip.start_file("word/numbering.xml", options).unwrap();
            write!(zip, "<w:numbering {W}>{n}</w:numbering>").unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    fn rows(body: &str, numbering: Option<&str>) -> Vec<Vec<String>> {
        read_document("x.docx", &package(body, numbering)).unwrap().rows.into_iter().map(|r| r.1).collect()
    }

    #[test]
    fn paragraphs_and_table_rows_in_order() {
        let body = format!(
            "{}<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}{}</w:tc></w:tr></w:tbl>{}",
            p("某局权责清单"),
            p("序号"),
            p("事项名称"),
            p("1"),
            p("对甲的"),
            p("处罚"),
            p("注")
        );
        assert_eq!(
            rows(&body, None),
            [vec!["某局权责清单"], vec!["序号", "事项名称"], vec!["1", "对甲的\n处罚"], vec!["注"]]
        );
        let sheet = read_document("dir/list.docx", &package(&body, None)).unwrap();
        assert_eq!(sheet.name, "list");
        assert_eq!(sheet.rows[2].0, 3, "row n is the n-th paragraph or table row");
    }

    #[test]
    fn merged_cells_keep_the_grid() {
        let cell = |props: &str, text: &str| format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text));
        let body = format!(
            "<w:tbl><w:tr>{}{}{}</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell("<w:vMerge w:val=\"restart\"/>", "1"),
            cell("", "甲"),
            cell("", "乙"),
            cell("", "丙"),
            cell("", "丁"),
            cell("<w:gridSpan w:val=\"2\"/>", "戊"),
            cell("", "己"),
        );
        assert_eq!(rows(&body, None), [vec!["1", "甲", "乙"], vec!["", "丙", "丁"], vec!["戊", "", "己"]]);
    }

    #[test]
    fn deleted_hidden_and_field_code_text_and_tab_stops_are_not_text() {
        let body = r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>甲</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">乙 &amp; 丙</w:t><w:br/><w:t>丁</w:t></w:r></w:p>"#;
        assert_eq!(rows(body, None), [vec!["甲 乙 & 丙\n丁"]]);
    }

    #[test]
    fn word_numbers_are_written_in_each_cell_from_one() {
        let numbering = r#"<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="6"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="·"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="6"/></w:num>"#;
        let item = |level: u8, num: u8, text: &str| {
            format!("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
        };
        let cell = |paras: String| format!("<w:tc>{paras}</w:tc>");
        let body = format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            cell(
                [item(0, 3, "受理"), item(1, 3, "甲"), item(1, 3, "乙"), item(0, 3, "调查"), item(1, 3, "丙")].concat()
            ),
            cell([item(0, 3, "决定"), item(0, 4, "要点")].concat()),
        );
        assert_eq!(
            rows(&body, Some(numbering)),
            [vec!["1.受理\n（一）甲\n（二）乙\n2.调查\n（一）丙", "1.决定\n要点"]]
        );
    }

    #[test]
    fn not_a_word_document() {
        assert!(read_document("x.docx", b"PK\x03\x04 broken").is_err());
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        zip.start_file("other.xml", zip::write::SimpleFileOptions::default()).unwrap();
        zip.finish().unwrap();
        let err = read_document("x.docx", &out.into_inner()).unwrap_err();
        assert!(err.to_string().contains("word/document.xml"), "{err}");
    }
}
