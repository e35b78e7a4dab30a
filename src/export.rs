//! Spreadsheets out: a list as the table clerks know, one row per item and
//! 实施层级, under the usual 权责清单 header names, as .xlsx or CSV.
//!
//! Each value is printed the way documents print it (`1.【法律】《社会保险法》
//! （2018年12月修改）第八十七条：……`, duty groups as `直接实施责任：` headings), so
//! `qingdan parse` reads an exported table back into the same list.

use crate::extract::parse_citation;
use crate::layout::Column;
use crate::model::{Citation, ExtraCell, Item, List, Tier};

/// A spreadsheet format qingdan writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Office Open XML workbook: one sheet per run of items with the same section.
    Xlsx,
    /// Comma-separated values, UTF-8 with a byte-order mark (which Excel needs to read Chinese).
    Csv,
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The workbook writer failed.
    #[error("cannot write the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The CSV writer failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
}

impl ExportError {
    /// The error in both languages.
    pub fn message(&self) -> crate::i18n::Message {
        match self {
            ExportError::Xlsx(e) => crate::tr!("cannot write the workbook: {e}", "无法写出工作簿：{e}"),
            ExportError::Csv(e) => crate::tr!("cannot write CSV: {e}", "无法写出 CSV：{e}"),
        }
    }
}

/// The columns every export has, in order, and the optional ones, which
/// appear (at their usual place) only when some item has a value for them.
const ALWAYS: [Column; 10] = [
    Column::Seq,
    Column::Item,
    Column::Code,
    Column::Type,
    Column::LegalBasis,
    Column::Level,
    Column::Scope,
    Column::Duties,
    Column::Liability,
    Column::Remarks,
];
const ORDER: [Column; 15] = [
    Column::Seq,
    Column::Item,
    Column::SubItem,
    Column::Code,
    Column::SubCode,
    Column::Type,
    Column::Department,
    Column::Office,
    Column::Responsibility,
    Column::LegalBasis,
    Column::Level,
    Column::Scope,
    Column::Duties,
    Column::Liability,
    Column::Remarks,
];

/// One table of the export: the items of one section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The section the items sit under (empty when none).
    pub section: String,
    /// The rows under the header: one per item and tier.
    pub rows: Vec<Vec<String>>,
}

/// The whole export, before it is written in a format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// Lines of the covering notice that precede the table: title, issuer, number, date, each labelled.
    pub notice: Vec<String>,
    /// The columns.
    pub columns: Vec<Column>,
    /// The headers of the columns the format does not name, which
    /// [`Column::Extra`] counts: every header under which an item has a cell,
    /// after the usual columns, in the order first met.
    pub extra_headers: Vec<String>,
    /// Tables, one per run of items with the same section, in the list's order.
    pub tables: Vec<Table>,
    /// Notes printed under the last table, as the document printed them.
    pub notes: Vec<String>,
}

impl Export {
    /// Lays `list` out as tables.
    pub fn new(list: &List) -> Export {
        let mut extra_headers: Vec<String> = Vec::new();
        for cell in list.items.iter().flat_map(|item| &item.extra) {
            if !extra_headers.iter().any(|h| *h == cell.header) {
                extra_headers.push(cell.header.to_string());
            }
        }
        let used = |c: Column| list.items.iter().any(|item| !cell(item, None, c, &extra_headers).is_empty());
        let mut columns: Vec<Column> = ORDER.into_iter().filter(|c| ALWAYS.contains(c) || used(*c)).collect();
        // At most as many as the column index holds; a list with more is not a table anyone prints.
        columns.extend((0..extra_headers.len().min(usize::from(u8::MAX) + 1)).map(|i| Column::Extra(i as u8)));
        let mut tables: Vec<Table> = Vec::new();
        for item in &list.items {
            if tables.last().is_none_or(|t| t.section != item.section) {
                tables.push(Table { section: item.section.to_string(), rows: Vec::new() });
            }
            let table = tables.last_mut().expect("pushed above");
            // A row per tier, and as many as the most cells under one other
            // column's header (a tier's own 办理时限 each on a row of its own).
            let most_under_a_header =
                extra_headers.iter().map(|h| item.extra.iter().filter(|c| &c.header == h).count()).max().unwrap_or(0);
            let rows = item.tier.len().max(most_under_a_header).max(1);
            for i in 0..rows {
                let tier = item.tier.get(i);
                // The item's own cells on its first row only, as in a table with merged cells.
                let row = columns.iter().map(|&c| match c {
                    Column::Extra(x) => extra_on_row(item, &extra_headers[usize::from(x)], i),
                    c if i > 0 && !c.is_per_tier() => String::new(),
                    c => cell(item, tier, c, &extra_headers),
                });
                table.rows.push(row.collect());
            }
        }
        let d = &list.document;
        let date = chinese_date(&d.date);
        // Labelled, as forms print them, so that each reads back as what it is.
        let notice =
            [("标题", &*d.title), ("发文机关", &*d.issuer), ("发文字号", &*d.doc_number), ("成文日期", date.as_str())]
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(label, v)| format!("{label}：{v}"))
                .collect();
        Export { notice, columns, extra_headers, tables, notes: d.notes.iter().map(|n| n.to_string()).collect() }
    }

    /// The header row.
    pub fn header(&self) -> Vec<&str> {
        self.columns
            .iter()
            .map(|&c| match c {
                Column::Extra(i) => self.extra_headers[usize::from(i)].as_str(),
                c => export_header(c),
            })
            .collect()
    }

    /// Writes the export in `format`.
    pub fn write(&self, format: ExportFormat) -> Result<Vec<u8>, ExportError> {
        match format {
            ExportFormat::Xlsx => self.to_xlsx(),
            ExportFormat::Csv => self.to_csv(),
        }
    }

    fn to_csv(&self) -> Result<Vec<u8>, ExportError> {
        let mut out = "\u{FEFF}".as_bytes().to_vec();
        {
            let mut w = csv::WriterBuilder::new().flexible(true).from_writer(&mut out);
            for line in &self.notice {
                w.write_record([line])?;
            }
            w.write_record(self.header())?;
            for table in &self.tables {
                if !table.section.is_empty() {
                    // A heading row, as documents print sections between tables.
                    w.write_record([format!("权责清单（{}）", table.section)])?;
                }
                for row in &table.rows {
                    w.write_record(row)?;
                }
            }
            for note in &self.notes {
                w.write_record([note])?;
            }
            w.flush().map_err(csv::Error::from)?;
        }
        Ok(out)
    }

    fn to_xlsx(&self) -> Result<Vec<u8>, ExportError> {
        use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};
        let mut book = Workbook::new();
        let header_format = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_border(FormatBorder::Thin)
            .set_background_color(0xD9E1F2);
        let text_format = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin)
            .set_num_format("@");
        let number_format = Format::new().set_align(FormatAlign::Top).set_border(FormatBorder::Thin);
        let tables: Vec<Table> = if self.tables.is_empty() {
            vec![Table { section: String::new(), rows: Vec::new() }]
        } else {
            self.tables.clone()
        };
        let mut used_names: Vec<String> = Vec::new();
        for (index, table) in tables.iter().enumerate() {
            let sheet = book.add_worksheet();
            sheet.set_name(sheet_name(&table.section, &mut used_names))?;
            let mut row: u32 = 0;
            if index == 0 {
                for line in &self.notice {
                    sheet.write_string(row, 0, line)?;
                    row += 1;
                }
            }
            for (col, header) in self.header().iter().enumerate() {
                sheet.write_string_with_format(row, col_num(col), *header, &header_format)?;
            }
            row += 1;
            // The header row stays in view while scrolling.
            sheet.set_freeze_panes(row, 0)?;
            for cells in &table.rows {
                for (col, value) in cells.iter().enumerate() {
                    let column = self.columns[col];
                    match value.parse::<f64>() {
                        Ok(n) if column == Column::Seq => {
                            sheet.write_number_with_format(row, col_num(col), n, &number_format)?
                        }
                        _ => sheet.write_string_with_format(row, col_num(col), value, &text_format)?,
                    };
                }
                row += 1;
            }
            if index + 1 == tables.len() {
                for note in &self.notes {
                    sheet.write_string(row, 0, note)?;
                    row += 1;
                }
            }
            for (col, column) in self.columns.iter().enumerate() {
                sheet.set_column_width(col_num(col), column_width(*column))?;
            }
        }
        Ok(book.save_to_buffer()?)
    }
}

fn col_num(col: usize) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX)
}

/// Header names as 权责清单 tables print them.
fn export_header(column: Column) -> &'static str {
    match column {
        Column::Department => "实施主体",
        Column::LegalBasis => "设定依据",
        Column::Duties => "责任事项",
        Column::Liability => "追责情形",
        other => other.header(),
    }
}

/// Column widths in characters: wide for the long text columns.
fn column_width(column: Column) -> f64 {
    match column {
        Column::Seq | Column::Level => 6.0,
        Column::Type | Column::Department | Column::Office => 12.0,
        Column::Code | Column::SubCode => 18.0,
        Column::Item | Column::SubItem | Column::Remarks | Column::Extra(_) => 24.0,
        Column::LegalBasis
        | Column::Duties
        | Column::DutyGroup(_)
        | Column::Liability
        | Column::Scope
        | Column::Responsibility => 48.0,
    }
}

/// A sheet name Excel accepts (at most 31 characters, none of `[]:*?/\`),
/// unique in the workbook.
fn sheet_name(section: &str, used: &mut Vec<String>) -> String {
    let base: String = if section.trim().is_empty() { "权责清单".to_owned() } else { section.trim().to_owned() };
    let base: String = base
        .chars()
        .map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') { '_' } else { c })
        .take(31)
        .collect();
    let base = base.trim_matches('\'').to_owned();
    let mut name = base.clone();
    let mut n = 2;
    while used.iter().any(|u| u.eq_ignore_ascii_case(&name)) {
        let suffix = format!(" ({n})");
        name = base.chars().take(31 - suffix.chars().count()).collect::<String>() + &suffix;
        n += 1;
    }
    used.push(name.clone());
    name
}

/// `2019-07-30` as `2019年7月30日`, the form a notice prints.
fn chinese_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (m.parse::<u32>(), d.parse::<u32>()) {
            (Ok(m), Ok(d)) => format!("{y}年{m}月{d}日"),
            _ => iso.to_owned(),
        },
        _ => iso.to_owned(),
    }
}

/// The text of `column` for `item` on the row of `tier`; `extra_headers`
/// names the columns [`Column::Extra`] counts.
fn cell(item: &Item, tier: Option<&Tier>, column: Column, extra_headers: &[String]) -> String {
    match column {
        Column::Seq => item.seq.map(|s| s.to_string()).unwrap_or_default(),
        Column::Item => item.item.to_string(),
        Column::SubItem => item.sub_item.to_string(),
        Column::Code => item.code.to_string(),
        Column::SubCode => item.sub_code.to_string(),
        Column::Type => item.kind.to_string(),
        Column::Department => item.department.to_string(),
        Column::Office => item.office.to_string(),
        Column::Responsibility => item.responsibility.to_string(),
        Column::LegalBasis => numbered(item.legal_basis.iter().map(render_citation)),
        Column::Level => tier.map(|t| t.level.to_string()).unwrap_or_default(),
        Column::Scope => tier.map(|t| t.scope.to_string()).unwrap_or_default(),
        // Export prints a tier's groups in one cell, under their headings.
        Column::Duties | Column::DutyGroup(_) => tier.map(render_duties).unwrap_or_default(),
        Column::Liability => {
            let cases = numbered(item.liability.iter().map(render_citation));
            match (item.liability_preamble.is_empty(), cases.is_empty()) {
                (true, _) => cases,
                (false, true) => item.liability_preamble.to_string(),
                (false, false) => format!("{}\n{cases}", item.liability_preamble),
            }
        }
        Column::Remarks => item.remarks.to_string(),
        Column::Extra(i) => extra_headers.get(usize::from(i)).map_or_else(String::new, |h| nth_extra(item, h, 0)),
    }
}

/// The `n`-th of `item`'s cells under `header`, or nothing.
fn nth_extra(item: &Item, header: &str, n: usize) -> String {
    item.extra.iter().filter(|c| c.header == header).nth(n).map(|c| c.text.to_string()).unwrap_or_default()
}

/// `item`'s cell under `header` on its `row`-th row: a tier's own cell on the
/// row of its tier's level, the others in order.
fn extra_on_row(item: &Item, header: &str, row: usize) -> String {
    let cells: Vec<&ExtraCell> = item.extra.iter().filter(|c| c.header == header).collect();
    if cells.iter().any(|c| !c.level.is_empty()) {
        if let Some(tier) = item.tier.get(row) {
            return cells.iter().find(|c| c.level == tier.level).map(|c| c.text.to_string()).unwrap_or_default();
        }
    }
    nth_extra(item, header, row)
}

/// Entries one per line, numbered `1.` `2.` … when there are several.
fn numbered(entries: impl Iterator<Item = String>) -> String {
    let entries: Vec<String> = entries.collect();
    if entries.len() <= 1 {
        return entries.into_iter().next().unwrap_or_default();
    }
    entries.iter().enumerate().map(|(i, e)| format!("{}.{e}", i + 1)).collect::<Vec<_>>().join("\n")
}

/// Duties numbered within their group, each group under its heading.
fn render_duties(tier: &Tier) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut start = 0;
    while start < tier.duties.len() {
        let group = &tier.duties[start].group;
        let end = tier.duties[start..].iter().position(|d| &d.group != group).map_or(tier.duties.len(), |p| start + p);
        if !group.is_empty() {
            lines.push(format!("{group}："));
        }
        let texts = tier.duties[start..end].iter().map(|d| d.text.to_string());
        if group.is_empty() {
            lines.push(numbered(texts));
        } else {
            // Under a heading, entries are numbered even when alone, as documents print them.
            lines.extend(texts.enumerate().map(|(i, t)| format!("{}.{t}", i + 1)));
        }
        start = end;
    }
    lines.join("\n")
}

/// A citation printed as documents print it:
/// `【法律】《社会保险法》（国务院令第735号，2018年12月修改）第八十七条：……`.
/// A citation whose text is prose naming the instrument itself (`按照《办法》
/// 规定……`) is printed as that prose, which is how it was read.
pub fn render_citation(c: &Citation) -> String {
    let tag = if c.tag.is_empty() { String::new() } else { format!("【{}】", c.tag) };
    let prose = format!("{tag}{}", c.text);
    if c.title.is_empty() {
        return prose;
    }
    if c.text.contains('《') && parse_citation(&prose) == *c {
        return prose;
    }
    let mut out = format!("{tag}《{}》", c.title);
    let note: Vec<&str> = [&*c.doc_number, &*c.edition].into_iter().filter(|s| !s.is_empty()).collect();
    if !note.is_empty() {
        out.push_str(&format!("（{}）", note.join("，")));
    }
    out.push_str(&c.articles.join("、"));
    if !c.text.is_empty() {
        if !c.articles.is_empty() || !note.is_empty() {
            out.push('：');
        }
        out.push_str(&c.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Duty;

    #[test]
    fn citations_print_as_documents_do_and_read_back() {
        let c = Citation {
            tag: "法律".into(),
            title: "社会保险法".into(),
            edition: "2018年12月修改".into(),
            doc_number: "主席令第35号".into(),
            articles: vec!["第八十七条".into(), "第八十八条".into()],
            text: "社会保险经办机构以及医疗机构骗取的，处罚。".into(),
        };
        let printed = render_citation(&c);
        assert_eq!(
            printed,
            "【法律】《社会保险法》（主席令第35号，2018年12月修改）第八十七条、第八十八条：社会保险经办机构以及医疗机构骗取的，处罚。"
        );
        assert_eq!(parse_citation(&printed), c);
        let prose = parse_citation("按照《社会保险稽核办法》第十条规定处理。");
        assert_eq!(render_citation(&prose), "按照《社会保险稽核办法》第十条规定处理。");
        let plain =
            Citation { text: "没有法律和事实依据实施行政处罚的；".into(), ..Default::default() };
        assert_eq!(parse_citation(&render_citation(&plain)), plain);
    }

    #[test]
    fn one_row_per_tier_with_item_cells_on_the_first() {
        let tier = |level: &'static str| Tier {
            level: level.into(),
            scope: format!("{level}范围").into(),
            duties: vec![
                Duty { group: "直接实施责任".into(), text: "受理".into() },
                Duty { group: "直接实施责任".into(), text: "审查".into() },
                Duty { group: "指导监督责任".into(), text: "监督".into() },
            ],
        };
        let list = List {
            qingdan: 1,
            items: vec![Item {
                seq: Some(3),
                section: "行政处罚".into(),
                item: "对某事的处罚".into(),
                code: "3700000236009".into(),
                kind: "行政处罚".into(),
                tier: vec![tier("省"), tier("市")],
                ..Default::default()
            }],
            ..Default::default()
        };
        let export = Export::new(&list);
        assert_eq!(export.header(), ALWAYS.map(export_header).to_vec());
        assert_eq!(export.tables.len(), 1);
        assert_eq!(export.tables[0].section, "行政处罚");
        let rows = &export.tables[0].rows;
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][..4], ["3", "对某事的处罚", "3700000236009", "行政处罚"]);
        assert!(rows[1][..5].iter().all(String::is_empty));
        assert_eq!(rows[1][5], "市");
        assert_eq!(rows[1][7], "直接实施责任：\n1.受理\n2.审查\n指导监督责任：\n1.监督");
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut used = Vec::new();
        assert_eq!(sheet_name("", &mut used), "权责清单");
        assert_eq!(sheet_name("行政处罚", &mut used), "行政处罚");
        assert_eq!(sheet_name("行政处罚", &mut used), "行政处罚 (2)");
        assert_eq!(sheet_name("a/b[c]", &mut used), "a_b_c_");
        assert!(sheet_name(&"长".repeat(40), &mut used).chars().count() <= 31);
    }

    #[test]
    fn dates_print_in_chinese() {
        assert_eq!(chinese_date("2019-07-30"), "2019年7月30日");
        assert_eq!(chinese_date("2019"), "2019");
    }
}
