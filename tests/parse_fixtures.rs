//! Layouts beyond the seeds' own: other column orders, `|` tables,
//! space-aligned tables, GBK with CRLF, narrow vertical text.

mod common;

use common::*;
use qingdan::model::List;
use qingdan::parse::{parse_bytes, ParseOptions};

fn parse_fixture(name: &str) -> List<'static> {
    let path = root().join("fixtures").join(name);
    let bytes = std::fs::read(&path).unwrap();
    parse_bytes(name, &bytes, &ParseOptions::default()).unwrap().list
}

#[test]
fn pipe_table_in_another_column_order() {
    let list = parse_fixture("pipe-table.txt");
    assert_eq!(list.items.len(), 2);
    let second = &list.items[1];
    assert_eq!(second.seq, Some(2));
    assert_eq!(second.code, "3707000336004");
    assert_eq!(second.kind, "行政强制");
    assert_eq!(second.legal_basis[0].articles, ["第七十九条"]);
    assert_eq!(second.tier[0].level, "县");
    assert_eq!(second.liability.len(), 2);
}

#[test]
fn space_aligned_table() {
    let list = parse_fixture("space-aligned.txt");
    let codes: Vec<&str> = list.items.iter().map(|i| &*i.code).collect();
    assert_eq!(codes, ["3701002036022", "3701002036023", "3701002036027"]);
    assert!(list.items.iter().all(|i| i.kind == "公共服务" && i.department == "市医保局"));
    assert_eq!(list.items[2].remarks, "无");
    assert_eq!(list.items[0].remarks, "");
}

#[test]
fn gbk_with_crlf_and_tabs() {
    let list = parse_fixture("tsv-gbk-crlf.txt");
    assert_eq!(list.document.encoding, "GB18030");
    assert_eq!(list.items.len(), 2);
    assert_eq!(list.items[0].office, "基金监管科");
    assert_eq!(list.items[1].legal_basis[0].doc_number, "国务院令第649号");
    assert_eq!(list.items[1].tier[0].duties.len(), 2);
    assert_eq!(list.items[1].tier[0].level, "县");
}

#[test]
fn narrow_vertical_text_with_a_different_column_set() {
    let list = parse_fixture("vertical-narrow.txt");
    assert_eq!(list.items.len(), 2);
    assert_eq!(list.items[0].item, "对定点医药机构服务行为的监督检查");
    assert_eq!(list.items[0].code, "3701020636003");
    assert_eq!(list.items[0].legal_basis[0].doc_number, "国务院令第735号");
    assert_eq!(list.items[1].legal_basis[0].doc_number, "劳动和社会保障部令第16号");
    assert_eq!(list.items[1].liability[1].text, "泄露被稽核对象信息的。");
    assert!(list.items.iter().all(|i| i.section == "行政检查"));
}

#[test]
fn csv_in_gbk_with_crlf_and_synonym_headers() {
    let list = parse_fixture("csv-gbk-crlf.csv");
    assert_eq!(list.document.encoding, "GB18030");
    let codes: Vec<&str> = list.items.iter().map(|i| &*i.code).collect();
    assert_eq!(
        codes,
        ["11620700MB1234567X3620236001000", "11620700MB1234567X3620636002001", "11620700MB1234567X3622036003000"]
    );
    let second = &list.items[1];
    assert_eq!(second.sub_item, "对定点医药机构的检查");
    // One cell naming two levels, its duties headed `检查责任：`, `处置责任：`.
    assert_eq!(second.tier.len(), 1);
    assert_eq!(second.tier[0].level, "市；县");
    assert_eq!(second.tier[0].duties.len(), 2);
    assert_eq!(second.liability.len(), 2);
    assert_eq!(second.remarks, "无");
    let third = &list.items[2];
    assert!(third.liability_preamble.starts_with("因不履行"));
    assert_eq!(third.legal_basis[0].articles, ["第五十七条", "第五十八条"]);
}

#[test]
fn vertical_text_without_blank_lines_between_cells() {
    // Gansu codes, 实施主体 after the type, the header repeated after a page
    // number, and no blank line anywhere between cells.
    let list = parse_fixture("vertical-dense.txt");
    assert_eq!(list.items.len(), 4);
    let types: Vec<&str> = list.items.iter().map(|i| &*i.kind).collect();
    assert_eq!(types, ["行政处罚", "行政检查", "公共服务", "行政处罚"]);
    assert!(list.items.iter().all(|i| i.tier.len() == 1 && i.tier[0].level == "市"));
    assert_eq!(list.items[2].department, "张掖市医疗保障事业中心");
    assert_eq!(list.items[2].tier[0].duties.len(), 2);
    assert_eq!(list.items[2].tier[0].duties[1].text, "办理责任：按时办结。");
    assert_eq!(list.items[2].liability.len(), 2);
    assert_eq!(list.items[0].legal_basis.len(), 2);
    assert_eq!(list.items[0].legal_basis[1].doc_number, "国务院令第259号");
    // `无` alone on its line after the liability's last sentence is the 备注.
    assert_eq!(list.items[1].remarks, "无");
    assert_eq!(list.items[1].liability.last().unwrap().text, "检查中徇私舞弊的。");
}

#[test]
fn narrow_vertical_text_under_other_header_names() {
    // 权力名称 / 权力编码 (in pieces of five) / 行使主体 / 法律依据 / 责任事项内容 /
    // 追责依据; cells wrapped mid-number (`第73` / `5号`) and mid-marker (`1` / `.对`).
    let list = parse_fixture("vertical-narrow-synonyms.txt");
    assert_eq!(list.items.len(), 4);
    assert_eq!(list.items[0].code, "11620700MB1234567X3620236001000");
    assert_eq!(list.items[3].code, "11620700MB1234567X3620236004000");
    assert_eq!(list.items[3].legal_basis[0].doc_number, "国务院令第735号");
    assert_eq!(list.items[3].legal_basis[0].articles, ["第三十八条"]);
    let third = &list.items[2];
    assert_eq!(third.tier[0].duties.len(), 2);
    assert!(third.liability_preamble.ends_with("应承担相应责任："));
    let liability: Vec<&str> = third.liability.iter().map(|l| &*l.text).collect();
    assert_eq!(liability, ["对符合条件的申请不予受理的；", "未按时办结的。"]);
    assert!(list.items.iter().any(|i| i.remarks == "无"));
    assert!(list.items.iter().flat_map(|i| &i.liability).all(|l| !l.text.ends_with('无')));
}

#[test]
fn sub_items_under_merged_item_cells() {
    // 子项 rows leave the item's cells empty (merged in the source): each
    // sub-item is an item of its own under the item's name and code.
    let list = parse_fixture("tsv-sub-items.txt");
    let rows: Vec<(Option<u64>, &str, &str, &str)> =
        list.items.iter().map(|i| (i.seq, &*i.code, &*i.sub_code, &*i.sub_item)).collect();
    assert_eq!(
        rows,
        [
            (
                Some(1),
                "11620500MB161709673620236002000",
                "11620500MB161709673620236002001",
                "对定点医药机构分解住院的处罚"
            ),
            (
                Some(1),
                "11620500MB161709673620236002000",
                "11620500MB161709673620236002002",
                "对定点医药机构重复收费的处罚"
            ),
            (Some(2), "11620500MB161709673620236003000", "", ""),
        ]
    );
    let second = &list.items[1];
    assert_eq!(second.item, "对违反医疗保障基金使用规定行为的处罚");
    assert_eq!(second.kind, "行政处罚");
    assert_eq!(second.department, "市医保局");
    assert_eq!(second.tier[0].duties.len(), 2);
    assert_eq!(second.liability.len(), 1);
}

#[test]
fn space_aligned_table_with_cells_wrapped_in_their_columns() {
    // As `pdftotext -layout` prints a table: each cell wraps within its own
    // column, so an item's lines carry pieces of several cells.
    let list = parse_fixture("space-aligned-wrapped.txt");
    assert_eq!(list.items.len(), 2);
    assert_eq!(list.items[0].item, "对骗取医疗保障基金支出的处罚");
    assert_eq!(list.items[0].legal_basis[0].title, "中华人民共和国社会保险法");
    assert_eq!(list.items[0].legal_basis[0].text, "社会保险经办机构骗取基金支出的，责令退回。");
    assert_eq!(list.items[0].liability.len(), 2);
    let second = &list.items[1];
    assert_eq!(second.item, "医疗保险关系转入");
    assert_eq!(second.kind, "公共服务");
    assert_eq!(second.legal_basis[0].articles, ["第三十二条"]);
    assert_eq!(second.tier[0].level, "市");
}

#[test]
fn spreadsheet_rows_under_a_two_row_header_with_sub_items() {
    let list = parse_fixture("csv-two-row-header-sub-items.csv");
    let rows: Vec<(&str, &str, &str, &str)> =
        list.items.iter().map(|i| (&*i.code, &*i.sub_code, &*i.kind, &*i.tier[0].scope)).collect();
    assert_eq!(
        rows,
        [
            ("3700000236020", "3700000236020001", "行政处罚", "负责全省"),
            ("3700000236020", "3700000236020002", "行政处罚", "负责全省"),
            ("3700000236009", "", "行政处罚", "负责本市"),
        ]
    );
    assert_eq!(list.items[1].sub_item, "对重复收费的处罚");
    assert_eq!(list.items[2].tier[0].level, "市");
    assert_eq!(list.items[2].remarks, "无");
}

#[test]
fn lists_numbered_other_than_one_two_three() {
    let list = parse_fixture("tsv-other-list-markers.txt");
    let duties = |i: usize| list.items[i].tier[0].duties.iter().map(|d| &*d.text).collect::<Vec<_>>();
    let liability = |i: usize| list.items[i].liability.iter().map(|d| &*d.text).collect::<Vec<_>>();
    assert_eq!(duties(0), ["立案责任：依法立案。", "调查责任：依法调查。", "决定责任：依法决定。"]);
    assert_eq!(list.items[0].liability_preamble, "有下列情形之一的，依法追究责任：");
    assert_eq!(liability(0), ["没有法律依据实施处罚的；", "擅自改变处罚种类的；", "违反法定程序的。"]);
    assert_eq!(duties(1), ["受理责任：一次性告知。", "办理责任：按时办结。"]);
    assert_eq!(liability(1), ["不予受理的；", "未按时办结的。"]);
}

#[test]
fn vertical_text_without_any_header_row() {
    // Later pages of a document: no header anywhere. Columns are read in the
    // order lists print them, each cell's kind deciding, and QP001 says so.
    let parsed = parse_bytes(
        "vertical-no-header.txt",
        &std::fs::read(root().join("fixtures/vertical-no-header.txt")).unwrap(),
        &ParseOptions::default(),
    )
    .unwrap();
    assert!(parsed.diagnostics.iter().any(|d| d.code == "QP001"));
    let list = parsed.list;
    let rows: Vec<(Option<u64>, &str, &str)> = list.items.iter().map(|i| (i.seq, &*i.kind, &*i.department)).collect();
    assert_eq!(
        rows,
        [
            (Some(1), "行政处罚", "张掖市医疗保障局"),
            (Some(2), "行政检查", "张掖市医疗保障局"),
            (Some(3), "公共服务", "张掖市医疗保障事业中心"),
            (Some(4), "行政处罚", "张掖市医疗保障局"),
        ]
    );
    assert_eq!(list.items[0].legal_basis.len(), 2);
    assert_eq!(list.items[2].tier[0].duties.len(), 2);
    assert_eq!(list.items[2].liability.len(), 2);
}

#[test]
fn a_vertical_list_with_every_header_row_removed_reads_as_with_them() {
    // A real vertical list (five sections) with each repeated header row cut
    // out: the column order is chosen from the cells, and the result matches
    // the list read with its headers in everything but one name that the
    // header's widths are needed to cut apart. Two codes whose second piece
    // read as a sub-item's code (`3700000` / `336004`) are joined back, as
    // together they have the length of the list's other codes.
    let without = parse_fixture("vertical-header-rows-removed.txt");
    let with = {
        let seed =
            list_seeds().into_iter().find(|p| p.file_name().unwrap().to_string_lossy().starts_with("000")).unwrap();
        parse_bytes("000", &std::fs::read(seed).unwrap(), &ParseOptions::default()).unwrap().list
    };
    assert_eq!(without.items.len(), 18);
    let facts = |l: &List| -> Vec<(Option<u64>, String, String, String, usize)> {
        l.items
            .iter()
            .map(|i| (i.seq, i.section.to_string(), i.kind.to_string(), i.department.to_string(), i.legal_basis.len()))
            .collect()
    };
    assert_eq!(facts(&without), facts(&with));
    let codes = |l: &List| -> Vec<(String, String)> {
        l.items.iter().map(|i| (i.code.to_string(), i.sub_code.to_string())).collect()
    };
    assert_eq!(codes(&without), codes(&with));
    let same_names = without.items.iter().zip(&with.items).filter(|(a, b)| a.item == b.item).count();
    assert!(same_names >= 17, "{same_names} of 18 names as with the header");
}

#[test]
fn a_web_page_laid_out_with_tables_and_merged_cells() {
    let list = parse_fixture("web-page-nested-layout.html");
    assert_eq!(list.document.title, "某市医疗保障局权责清单");
    assert_eq!(list.document.date, "2022-03-15");
    assert_eq!(list.document.issuer, "市医疗保障局");
    let codes: Vec<&str> = list.items.iter().map(|i| &*i.code).collect();
    assert_eq!(codes, ["3705000236001", "3705000236002", "3705002036001"]);
    let sections: Vec<&str> = list.items.iter().map(|i| &*i.section).collect();
    assert_eq!(sections, ["行政处罚", "行政处罚", "公共服务"]);
    let first = &list.items[0];
    // Two tier rows under cells merged across them.
    let levels: Vec<&str> = first.tier.iter().map(|t| &*t.level).collect();
    assert_eq!(levels, ["市", "县"]);
    assert_eq!(first.tier[1].scope, "负责本辖区的行政处罚");
    assert_eq!(first.tier[0].duties.len(), 3);
    assert_eq!(first.legal_basis.len(), 2);
    assert_eq!(first.legal_basis[1].doc_number, "国务院令第735号");
    assert_eq!(first.liability.len(), 2);
    // Neither the script's table nor the site's footer is read as the list's.
    let out = parse_bytes(
        "p.html",
        &std::fs::read(root().join("fixtures/web-page-nested-layout.html")).unwrap(),
        &ParseOptions::default(),
    )
    .unwrap();
    assert!(
        out.diagnostics.iter().all(|d| d.severity != qingdan::diagnostic::Severity::Warning),
        "{:?}",
        out.diagnostics
    );
}

#[test]
fn a_word_document_saved_as_a_gbk_web_page() {
    let list = parse_fixture("word-page-gbk.htm");
    assert_eq!(list.document.encoding, "GBK");
    assert_eq!(list.document.title, "张掖市医疗保障局权责清单");
    assert_eq!(list.items.len(), 3);
    // The second sub-item's row has its own name and code; the merged cells are the item's.
    let sub = &list.items[1];
    assert_eq!(sub.item, "对定点医药机构违法违规行为的处罚");
    assert_eq!(sub.sub_item, "对定点医药机构重复收费、超标准收费的处罚");
    assert_eq!(sub.code, "11620700MB1950812X620236001002");
    assert_eq!(sub.seq, Some(1));
    assert_eq!(sub.kind, "行政处罚");
    assert_eq!(sub.department, "张掖市医疗保障局");
    assert_eq!(sub.legal_basis[0].articles, ["第三十八条"]);
    assert!(list.items.iter().all(|i| i.section == "行政处罚"));
    assert_eq!(list.items[2].tier[0].duties.len(), 2);
}

#[test]
fn an_excel_web_page_saved_under_a_workbook_name() {
    let list = parse_fixture("excel-page.xls");
    // The title row spans the table; trailing merged places are not cells.
    assert_eq!(list.document.title, "白银市医疗保障局权责清单（2022年版）");
    let types: Vec<&str> = list.items.iter().map(|i| &*i.kind).collect();
    assert_eq!(types, ["行政处罚", "行政检查", "其他行政权力"]);
    assert_eq!(list.items[0].legal_basis[0].articles, ["第三十八条", "第三十九条"]);
    assert_eq!(list.items[1].tier[0].level, "市；县");
    assert!(list.items[2].tier[0].level.is_empty());
}

#[test]
fn a_word_document_with_merged_cells_and_numbered_lists() {
    let list = parse_fixture("word-document.docx");
    assert_eq!(list.document.title, "张掖市医疗保障局权责清单");
    assert_eq!(list.document.doc_number, "张医保发〔2023〕12号");
    assert_eq!(list.document.issuer, "张掖市医疗保障局");
    assert_eq!(list.document.date, "2023-05-08");
    // The table's last row, one merged cell, is a note.
    assert_eq!(list.document.notes, ["注：本清单随法律法规调整动态更新。"]);
    let codes: Vec<&str> = list.items.iter().map(|i| &*i.code).collect();
    assert_eq!(
        codes,
        [
            "11620700MB1950812X620236001001",
            "11620700MB1950812X620236001002",
            "11620700MB1950812X620236002000",
            "11620700MB1950812X620636001000"
        ]
    );
    let sections: Vec<&str> = list.items.iter().map(|i| &*i.section).collect();
    assert_eq!(sections, ["行政处罚", "行政处罚", "行政处罚", "行政检查"]);
    // The second sub-item sits under cells merged down from the first.
    let sub = &list.items[1];
    assert_eq!((sub.seq, &*sub.item), (Some(1), "对定点医药机构违法违规行为的处罚"));
    assert_eq!(sub.sub_item, "对重复收费、超标准收费的处罚");
    // Word's own list numbers split the duties and the liability cases.
    assert_eq!(sub.tier[0].duties.len(), 3);
    assert_eq!(sub.liability.len(), 2);
    assert_eq!(sub.liability_preamble, "因不履行或不正确履行应尽职责，有下列情形的，应承担相应责任：");
    // A tracked deletion and a field code are not text.
    assert_eq!(list.items[0].legal_basis[0].doc_number, "国务院令第735号");
    assert!(list.items[0].legal_basis[0].edition.is_empty());
    // Two citations on two lines of one cell, neither numbered.
    let titles: Vec<&str> = list.items[2].legal_basis.iter().map(|c| &*c.title).collect();
    assert_eq!(titles, ["中华人民共和国社会保险法", "医疗保障基金使用监督管理条例"]);
    assert_eq!(list.items[3].remarks, "本项目A&B两类");
}

#[test]
fn utf16_without_a_byte_order_mark_and_word_list_numbers() {
    let list = parse_fixture("tsv-utf16-word-numbers.txt");
    assert_eq!(list.document.encoding, "UTF-16LE");
    assert_eq!(list.items.len(), 3);
    let first = &list.items[0];
    // `⒈ ⒉` number the citations and duties, `⑴ ⑵` the cases.
    let titles: Vec<&str> = first.legal_basis.iter().map(|c| &*c.title).collect();
    assert_eq!(titles, ["医疗保障基金使用监督管理条例", "中华人民共和国社会保险法"]);
    assert_eq!(first.legal_basis[0].tag, "行政法规");
    assert_eq!(first.tier[0].duties.len(), 3);
    assert_eq!(first.liability.len(), 2);
    assert_eq!(first.liability[1].text, "擅自改变处罚种类、幅度的。");
    // `1）` numbers the second item's lists.
    assert_eq!(list.items[1].tier[0].duties[1].text, "调查责任：调查取证。");
    assert_eq!(list.items[1].liability.len(), 2);
    assert_eq!(list.items[2].legal_basis[0].articles, ["第一百〇四条"]);
}

#[test]
fn an_excel_unicode_text_export_with_quoted_cells() {
    let list = parse_fixture("tsv-excel-unicode-text.txt");
    assert_eq!(list.document.encoding, "UTF-16LE");
    assert_eq!(list.document.title, "某市医疗保障局权责清单");
    assert_eq!(list.items.len(), 2);
    let first = &list.items[0];
    // Cells whose line breaks made the export quote them.
    assert_eq!(first.legal_basis.len(), 2);
    assert_eq!(first.tier[0].duties.len(), 3);
    assert_eq!(first.liability_preamble, "因不履行或不正确履行行政职责，有下列情形的，应承担相应责任：");
    assert_eq!(first.liability.len(), 2);
    // A quote mark of the cell's own, doubled by the export.
    assert_eq!(list.items[1].item, "对“骗保”行为举报的奖励");
    assert_eq!(list.items[1].tier[0].duties.len(), 2);
}

#[test]
fn headings_that_count_their_items_and_a_provinces_own_type() {
    let list = parse_fixture("vertical-counted-headings.txt");
    let got: Vec<(&str, &str, &str)> = list.items.iter().map(|i| (&*i.section, &*i.kind, &*i.code)).collect();
    assert_eq!(got, [("行政备案", "行政备案", "3701003136001"), ("行政检查", "行政检查", "3701000636001")]);
    assert_eq!(list.items[0].item, "医疗保障定点医药机构备案");
}

#[test]
fn columns_the_format_does_not_name_are_kept_under_their_headers() {
    let list = parse_fixture("tsv-other-columns.txt");
    assert_eq!(list.items.len(), 2);
    let first = &list.items[0];
    let extra: Vec<(&str, &str)> = first.extra.iter().map(|c| (&*c.header, &*c.text)).collect();
    // The item's cells in column order, then the tier row's own.
    assert_eq!(
        extra,
        [("实施对象", "公民、法人和其他组织"), ("办理时限", "90日"), ("是否收费", "否"), ("办理时限", "60日")]
    );
    // The known columns around them are read as without them.
    assert_eq!(first.legal_basis[0].doc_number, "国务院令第684号");
    let levels: Vec<&str> = first.tier.iter().map(|t| &*t.level).collect();
    assert_eq!(levels, ["市", "县"]);
    assert_eq!(first.tier[1].duties[0].text, "立案责任：对辖区内违法行为依法立案。");
    assert_eq!(first.liability.len(), 1);
    assert_eq!(list.items[1].extra[1].text, "10个工作日");
    // 办理时限 has a value per tier, each naming its level; the others are the item's.
    let levels: Vec<(&str, &str)> = first.extra.iter().map(|c| (&*c.header, &*c.level)).collect();
    assert_eq!(levels, [("实施对象", ""), ("办理时限", "市"), ("是否收费", ""), ("办理时限", "县")]);
    // The note under the table, two lines, is the document's, not the last row's.
    assert_eq!(list.document.notes, ["注：1.本清单所列实施层级为市、县两级。2.办理时限均为工作日。"]);
    assert_eq!(list.items[1].extra.len(), 3);
    // Nothing is left unplaced.
    let bytes = std::fs::read(root().join("fixtures/tsv-other-columns.txt")).unwrap();
    let out = parse_bytes("t.txt", &bytes, &ParseOptions::default()).unwrap();
    assert!(out.diagnostics.iter().all(|d| d.name != "unassigned-text"), "{:?}", out.diagnostics);
}

#[test]
fn a_web_page_with_other_columns_and_a_tiers_own_cell() {
    let list = parse_fixture("web-page-other-columns.html");
    let codes: Vec<&str> = list.items.iter().map(|i| &*i.code).collect();
    assert_eq!(codes, ["3700002037001", "3700002037002"]);
    let first = &list.items[0];
    let levels: Vec<&str> = first.tier.iter().map(|t| &*t.level).collect();
    assert_eq!(levels, ["市", "县"]);
    let extra: Vec<(&str, &str)> = first.extra.iter().map(|c| (&*c.header, &*c.text)).collect();
    assert_eq!(
        extra,
        [
            ("服务对象", "参保失业人员"),
            ("承诺时限", "5个工作日"),
            ("咨询电话", "0938-12345678"),
            ("承诺时限", "3个工作日")
        ]
    );
    let levels: Vec<&str> = first.extra.iter().map(|c| &*c.level).collect();
    assert_eq!(levels, ["", "市", "", "县"]);
    // An item of one tier has no value per tier.
    assert!(list.items[1].extra.iter().all(|c| c.level.is_empty()));
}

#[test]
fn vertical_text_with_a_column_the_format_does_not_name() {
    // Seed 000's first two items with a 实施对象 column after 实施机构: its
    // word in the running header makes it a column, so its cells are no
    // longer read into the department's.
    let list = parse_fixture("vertical-other-column.txt");
    assert_eq!(list.items.len(), 2);
    for item in &list.items {
        assert_eq!(item.department, "济南市医保局");
        let extra: Vec<(&str, &str)> = item.extra.iter().map(|c| (&*c.header, &*c.text)).collect();
        assert_eq!(extra, [("实施对象", "定点医药机构")]);
        assert!(item.responsibility.starts_with("拟订全市医疗保障基金监督管理办法"));
    }
    assert_eq!(list.items[0].code, "3700000236009");
    assert_eq!(list.items[1].item, "对以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险待遇的处罚");
    assert_eq!(list.items[1].legal_basis.len(), 3);
    assert_eq!(list.items[0].tier[0].level, "市");
    // A note after the last item is not read into its last cell.
    assert_eq!(list.document.notes, ["注：本清单随法律法规调整动态更新。"]);
    assert!(list.items[1].liability.iter().all(|c| !c.text.contains("注：")));
}

/// Guangdong's lists print the basis of the duties and of the liability in
/// columns of their own (责任事项依据, 追责依据), beside 责任事项 and 追责情形.
fn assert_two_columns_of_one_field(list: &List) {
    assert_two_columns_of_one_field_in_the_first_item(list);
    let second = &list.items[1];
    assert_eq!(second.liability.len(), 2);
    assert_eq!(second.liability[0].text, "对符合法定条件的申请不予受理的。");
    assert_eq!(second.liability[1].articles, ["第七十二条"]);
    assert_eq!(second.extra[0].text, "《中华人民共和国行政许可法》第三十条");
}

fn assert_two_columns_of_one_field_in_the_first_item(list: &List) {
    let codes: Vec<&str> = list.items.iter().map(|i| &*i.code).collect();
    assert_eq!(codes, ["440183102001", "440183101002"]);
    let first = &list.items[0];
    let duties: Vec<&str> = first.tier[0].duties.iter().map(|d| &*d.text).collect();
    assert_eq!(duties, ["立案责任：发现涉嫌违法行为，依法立案。", "调查责任：依法调查取证。"]);
    // 责任事项依据 is a column the format does not name, not more duties.
    let extra: Vec<(&str, &str)> = first.extra.iter().map(|c| (&*c.header, &*c.text)).collect();
    assert_eq!(extra, [("责任事项依据", "《中华人民共和国行政处罚法》第五十四条")]);
    // 追责依据's citation is an entry of its own after the cases, not the end of the last case.
    let liability: Vec<(&str, &str)> = first.liability.iter().map(|c| (&*c.title, &*c.text)).collect();
    assert_eq!(
        liability,
        [
            ("", "没有法律和事实依据实施行政处罚的；"),
            ("", "违反法定程序实施行政处罚的。"),
            ("中华人民共和国行政处罚法", "")
        ]
    );
    assert_eq!(first.liability[2].articles, ["第七十六条"]);
}

#[test]
fn two_columns_of_one_field_in_a_tsv_table() {
    assert_two_columns_of_one_field(&parse_fixture("tsv-two-columns-of-one-field.txt"));
}

#[test]
fn two_columns_of_one_field_in_vertical_text() {
    assert_two_columns_of_one_field(&parse_fixture("vertical-two-columns-of-one-field.txt"));
}

#[test]
fn two_columns_of_one_field_in_vertical_text_without_blank_lines() {
    // The duties' citation (责任事项依据, eight characters wide) follows
    // the duties (eleven wide) after a sentence's end with no blank line:
    // a cell of its own, as it goes on at its narrower width. The first
    // case of the liability breaks its word over a line's end
    // (`没有法律和事实依` / `据`), and is known as the liability all the same.
    let list = parse_fixture("vertical-no-blank-lines-two-columns-of-one-field.txt");
    assert_two_columns_of_one_field_in_the_first_item(&list);
    let duties: Vec<&str> = list.items[1].tier[0].duties.iter().map(|d| &*d.text).collect();
    assert_eq!(duties, ["受理责任：公示依法应当提交的材料。", "审查责任：审查申请材料。"]);
}

/// 对应责任事项 over two columns, 直接实施责任 and 指导监督责任, in a
/// header of two rows: each column's duties are of its group, per tier.
fn assert_duty_group_columns(list: &List) {
    let codes: Vec<&str> = list.items.iter().map(|i| &*i.code).collect();
    assert_eq!(codes, ["3700000236009", "3700000220001"]);
    let first = &list.items[0];
    let levels: Vec<&str> = first.tier.iter().map(|t| &*t.level).collect();
    assert_eq!(levels, ["省", "市"]);
    let duties = |t: usize| -> Vec<(String, String)> {
        first.tier[t].duties.iter().map(|d| (d.group.to_string(), d.text.to_string())).collect()
    };
    let d = |g: &str, t: &str| (g.to_owned(), t.to_owned());
    assert_eq!(
        duties(0),
        [
            d("直接实施责任", "立案责任：对违法行为予以审查。"),
            d("直接实施责任", "调查责任：依法调查取证。"),
            d("指导监督责任", "指导下级行政机关开展行政处罚工作。")
        ]
    );
    assert_eq!(
        duties(1),
        [d("直接实施责任", "立案责任：对辖区内违法行为予以审查。"), d("指导监督责任", "指导县级行政机关开展工作。")]
    );
    assert_eq!(first.liability.len(), 1);
    assert_eq!(list.items[1].tier[0].duties[1].group, "指导监督责任");
}

#[test]
fn duty_group_columns_under_a_header_of_two_rows_in_tsv() {
    let list = parse_fixture("tsv-duty-group-columns.txt");
    assert_duty_group_columns(&list);
    // The group names are the header's, not a row's text.
    let bytes = std::fs::read(root().join("fixtures/tsv-duty-group-columns.txt")).unwrap();
    let out = parse_bytes("t.txt", &bytes, &ParseOptions::default()).unwrap();
    assert!(out.diagnostics.iter().all(|d| d.name != "unassigned-text"), "{:?}", out.diagnostics);
}

#[test]
fn duty_group_columns_under_merged_header_cells_of_a_web_page() {
    assert_duty_group_columns(&parse_fixture("web-page-duty-group-columns.html"));
}

#[test]
fn duty_group_columns_named_in_a_vertical_header() {
    let list = parse_fixture("vertical-duty-group-columns.txt");
    assert_eq!(list.items.len(), 4);
    let groups: Vec<(&str, &str)> = list.items[0].tier[0].duties.iter().map(|d| (&*d.group, &*d.text)).collect();
    assert_eq!(
        groups,
        [
            ("直接实施责任", "立案责任：对违法行为予以审查。"),
            ("直接实施责任", "调查责任：依法调查取证。"),
            ("指导监督责任", "指导下级行政机关开展行政处罚工作。")
        ]
    );
    // The guidance cell is no longer read into the liability after it.
    assert_eq!(list.items[0].liability.len(), 1);
    assert_eq!(list.items[0].liability[0].text, "没有法律和事实依据实施行政处罚的；");
    assert_eq!(list.items[1].tier[0].duties[1].text, "制定全省经办规程。");
}

/// A province's list in vertical text: an item's 省, 市 and 县 rows follow
/// its first, each with its own level, scope and duties, the item's other
/// cells printed once.
#[test]
fn tier_rows_in_vertical_text() {
    let list = parse_fixture("vertical-tier-rows.txt");
    let codes: Vec<&str> = list.items.iter().map(|i| &*i.code).collect();
    assert_eq!(codes, ["3700000236009", "3700000220001", "3700000636003"]);
    let tiers: Vec<Vec<(&str, &str, usize)>> =
        list.items.iter().map(|i| i.tier.iter().map(|t| (&*t.level, &*t.scope, t.duties.len())).collect()).collect();
    assert_eq!(
        tiers,
        [
            vec![
                ("省", "负责省本级医疗保障经办机构违法行为的处罚", 2),
                ("市", "负责本市医疗保障经办机构违法行为的处罚", 2),
                ("县", "负责本县医疗保障经办机构违法行为的处罚", 1)
            ],
            vec![("省", "负责省本级参保单位的参保登记", 2), ("市", "负责本市参保单位的参保登记", 1)],
            vec![("省", "负责全省定点医药机构的监督检查", 1)],
        ]
    );
    assert_eq!(list.items[0].tier[2].duties[0].text, "立案责任：对本县违法行为予以审查。");
    assert_eq!(list.items[0].liability.len(), 2);
    assert_eq!(list.items[1].legal_basis[0].articles, ["第五十七条"]);
}

/// A table with no type column, divided by headings that name the types
/// (`一、行政许可（共1项）`): each item takes its heading's type, reported.
#[test]
fn types_named_only_by_section_headings() {
    let list = parse_fixture("tsv-types-in-section-headings.txt");
    let kinds: Vec<(&str, &str)> = list.items.iter().map(|i| (&*i.section, &*i.kind)).collect();
    assert_eq!(kinds, [("行政许可", "行政许可"), ("行政处罚", "行政处罚"), ("行政处罚", "行政处罚")]);
    let bytes = std::fs::read(root().join("fixtures/tsv-types-in-section-headings.txt")).unwrap();
    let out = parse_bytes("t.txt", &bytes, &ParseOptions::default()).unwrap();
    let reported: Vec<(usize, &str)> = out
        .diagnostics
        .iter()
        .filter(|d| d.name == "type-completed")
        .map(|d| (d.line_cols().map_or(0, |(start, _)| start.line), d.message.en.as_str()))
        .collect();
    assert_eq!(
        reported,
        [
            (3, "no type printed for the item: 行政许可, from its section heading"),
            (6, "no type printed for the item: 行政处罚, from its section heading"),
            (6, "no type printed for the item: 行政处罚, from its section heading")
        ]
    );
}

/// The list's title printed again at the head of a page, inside a table
/// (in vertical text, inside a cell that runs on over the page break), is
/// page furniture, reported, not text of the cell before it.
#[test]
fn the_title_repeated_at_the_head_of_a_page_is_furniture() {
    for fixture in ["vertical-title-repeated-on-each-page.txt", "tsv-title-repeated-on-each-page.txt"] {
        let list = parse_fixture(fixture);
        assert!(list.items.len() >= 3, "{fixture}");
        for item in &list.items {
            assert_eq!(item.legal_basis.len(), 1, "{fixture}: {}", item.item);
            assert_eq!(item.legal_basis[0].title, "中华人民共和国食品安全法", "{fixture}");
            assert!(item.legal_basis[0].text.is_empty(), "{fixture}: {}", item.legal_basis[0].text);
        }
        assert_eq!(list.items[1].legal_basis[0].articles, ["第一百二十四条"], "{fixture}");
        let bytes = std::fs::read(root().join("fixtures").join(fixture)).unwrap();
        let out = parse_bytes(fixture, &bytes, &ParseOptions::default()).unwrap();
        assert!(
            out.diagnostics
                .iter()
                .any(|d| d.name == "page-furniture" && d.message.en.contains("湖南省某县市场监督管理局权责清单")),
            "{fixture}: {:?}",
            out.diagnostics.iter().map(|d| &d.message.en).collect::<Vec<_>>()
        );
    }
}

/// A table printed with its cells wrapped over lines, each line a row of
/// the text (tab-separated, or set out in columns by spaces), reads as the
/// same table printed a line per row: a code's, a level's and a citation's
/// lines are one cell again, and each of two columns of one field, and a
/// column the format does not name, keeps its own lines.
#[test]
fn cells_wrapped_over_lines_read_as_the_table_one_line_per_row() {
    for (wrapped, whole) in [
        ("tsv-cells-wrapped-over-lines.txt", "tsv-one-line-per-row.txt"),
        ("space-aligned-cells-wrapped-other-columns.txt", "tsv-one-line-per-row-other-columns.txt"),
        // Cells centred in their rows: an item's taller cells begin on lines
        // above its 序号, after the lines that end the item before.
        ("tsv-cells-centred-in-their-rows.txt", "tsv-one-line-per-row.txt"),
        ("space-aligned-cells-centred-in-their-rows.txt", "tsv-one-line-per-row-three-items.txt"),
        // Sub-items (子项) under merged item cells, their names and codes
        // wrapped too, under a header whose 子项地方权力编码 wraps to a second line.
        ("tsv-sub-items-wrapped-over-lines.txt", "tsv-sub-items.txt"),
        ("space-aligned-sub-items-wrapped.txt", "tsv-sub-items.txt"),
        // Two items under a section heading and a repeated header: their
        // wrapped lines hold a code's `001` and a liability's `行政处罚的；`.
        ("tsv-cells-wrapped-under-section-headings.txt", "tsv-types-in-section-headings.txt"),
        // Types in headings of numbered parts (`第一部分 行政许可`).
        ("tsv-types-in-part-headings.txt", "tsv-types-in-section-headings.txt"),
        // A header of two rows set out by spaces: 对应责任事项 centred over
        // the groups of duties that are its columns.
        ("space-aligned-duty-group-columns.txt", "tsv-duty-group-columns.txt"),
        // Tier rows (省/市/县), each centred in its own row, or under an
        // item's cells merged over all its tiers and centred on them.
        ("tsv-tier-rows-centred.txt", "tsv-tier-rows.txt"),
        ("space-aligned-tier-rows-centred-over-merged-cells.txt", "tsv-tier-rows.txt"),
        // Sub-items centred on their levels' lines; tier rows whose cells
        // stand at the foot of their rows.
        ("space-aligned-sub-items-centred-in-their-rows.txt", "tsv-sub-items.txt"),
        ("tsv-duty-group-columns-at-the-foot-of-their-rows.txt", "tsv-duty-group-columns.txt"),
        // Header words centred over their columns, the cells below them
        // starting further left.
        ("space-aligned-header-centred-over-its-columns.txt", "tsv-one-line-per-row.txt"),
        // A row's wrapped cells split by a page break: the page number, the
        // title and the header again, then the rest of the row's lines.
        ("tsv-row-split-over-a-page-break.txt", "tsv-one-line-per-row.txt"),
        ("space-aligned-row-split-over-a-page-break.txt", "tsv-one-line-per-row.txt"),
        // Cells at the foot of their rows, a blank line between rows: an
        // item's name taller than its other cells opens on a line of its own.
        ("tsv-cells-at-the-foot-of-their-rows.txt", "tsv-one-line-per-row-hyphenated-codes.txt"),
        ("space-aligned-cells-at-the-foot-of-their-rows.txt", "tsv-one-line-per-row-hyphenated-codes.txt"),
        // No blank lines: the pairs of items whose cut is plain (the next
        // item's lists open right under the 序号 above) say how the others go.
        ("tsv-cells-at-the-foot-of-their-rows-no-blank-lines.txt", "tsv-one-line-per-row-hyphenated-codes.txt"),
        ("space-aligned-tier-rows-at-the-foot-of-their-rows.txt", "tsv-tier-rows.txt"),
        // Sections of one item: no second 序号 to say how cells stand in their rows.
        ("space-aligned-sections-of-one-item-at-the-foot-of-their-rows.txt", "tsv-types-in-section-headings.txt"),
        // Tier rows with a column the format does not name (办理时限) that
        // each tier fills, centred or at the foot of their rows.
        // Tables drawn in text, their bars and rules in box-drawing
        // characters, in ASCII (`+----+`, `|`) or in full-width bars without
        // rules: the same tables as their tab-separated prints.
        ("box-drawn-table-cells-wrapped-over-lines.txt", "tsv-one-line-per-row.txt"),
        ("grid-table-sub-items-wrapped-over-lines.txt", "tsv-sub-items.txt"),
        ("fullwidth-bar-table-tier-rows-centred.txt", "tsv-tier-rows.txt"),
        // Columns aligned with ideographic spaces (U+3000), as a word
        // processor aligns them: a column exactly filled leaves one between cells.
        ("space-aligned-with-ideographic-spaces.txt", "space-aligned.txt"),
        ("space-aligned-wrapped-with-ideographic-spaces.txt", "space-aligned-wrapped.txt"),
        ("tsv-tier-rows-at-the-foot-of-their-rows-other-columns.txt", "tsv-other-columns.txt"),
        ("space-aligned-tier-rows-centred-other-columns.txt", "tsv-other-columns.txt"),
        // A level broken over lines in a narrow column (`设区的市` / `级`,
        // `县（市、` / `区）`): its next line's piece opens no tier.
        ("space-aligned-tier-rows-levels-broken-over-lines.txt", "tsv-tier-rows-levels-in-other-words.txt"),
        ("grid-table-tier-rows-levels-broken-over-lines.txt", "tsv-tier-rows-levels-in-other-words.txt"),
        // Header words wrapped in narrow columns (`权力事项` / `类型`, `办事层` / `级`),
        // the first part naming a column another header cell names (事项名称).
        ("space-aligned-sub-items-header-words-wrapped.txt", "tsv-sub-items.txt"),
        // … and over three lines (`权力` / `事项` / `类型`).
        ("space-aligned-header-words-wrapped-over-three-lines.txt", "tsv-department-and-office.txt"),
        // A header of two rows, both wrapped (`实施层` / `级`, `指导监督责` / `任`).
        ("space-aligned-duty-group-columns-header-words-wrapped.txt", "tsv-duty-group-columns.txt"),
        ("grid-table-duty-group-columns-header-words-wrapped.txt", "tsv-duty-group-columns.txt"),
        ("grid-table-narrow-columns-header-words-wrapped-over-lines.txt", "tsv-duty-group-columns.txt"),
    ] {
        assert_reads_as(wrapped, whole);
    }
    let list = parse_fixture("tsv-cells-wrapped-over-lines.txt");
    let first = &list.items[0];
    assert_eq!(first.code, "330216001000");
    assert_eq!(first.item, "对擅自占用公路的处罚");
    assert_eq!(first.tier[0].level, "市、县");
    let titles: Vec<&str> = first.legal_basis.iter().map(|c| &*c.title).collect();
    assert_eq!(titles, ["中华人民共和国公路法", "中华人民共和国公路法", "路政管理规定"]);
    assert_eq!(first.liability.len(), 2);
}

#[test]
fn citations_in_other_forms_are_one_entry_each() {
    // Labels naming the basis, lists numbered （1） and ①, tags with no
    // separator before them, a comma after an article; items listed and a
    // run of articles in one reference.
    let list = parse_fixture("tsv-citations-in-other-forms.txt");
    assert_eq!(list.items.len(), 7);
    let cited = |i: usize| -> Vec<(String, Vec<String>)> {
        list.items[i]
            .legal_basis
            .iter()
            .map(|c| (c.title.to_string(), c.articles.iter().map(|a| a.to_string()).collect()))
            .collect()
    };
    let two = vec![
        ("中华人民共和国社会保险法".to_owned(), vec!["第八十七条".to_owned()]),
        ("医疗保障基金使用监督管理条例".to_owned(), vec!["第三十八条".to_owned()]),
    ];
    for i in 0..5 {
        assert_eq!(cited(i), two, "item {}", i + 1);
    }
    // The labels stay with their citations, in the text as printed.
    assert_eq!(list.items[0].legal_basis[1].text, "实施依据：《医疗保障基金使用监督管理条例》第三十八条。");
    assert_eq!(list.items[3].legal_basis[1].tag, "行政法规");
    assert_eq!(
        cited(5),
        [("中华人民共和国药品管理法".to_owned(), vec!["第一百二十四条第一款第（一）、（二）项".to_owned()])]
    );
    assert_eq!(cited(6), [("中华人民共和国社会保险法".to_owned(), vec!["第七十七条至第七十九条".to_owned()])]);
    assert!(list.items.iter().flat_map(|i| &i.legal_basis).filter(|c| c.title.is_empty()).count() == 0);
}

#[test]
fn liability_in_other_forms_is_one_entry_per_case_and_per_citation() {
    // Cases numbered （一）, ① or 一、, under a label (`追责情形：`), and the
    // citations printed after the last case: after a label (`追责依据：`,
    // numbered or not) or a tag.
    let list = parse_fixture("tsv-liability-in-other-forms.txt");
    let entries = |i: usize| -> Vec<(String, String)> {
        list.items[i].liability.iter().map(|c| (c.title.to_string(), c.articles.join(""))).collect()
    };
    let cases = |i: usize| -> Vec<String> {
        list.items[i].liability.iter().filter(|c| c.title.is_empty()).map(|c| c.text.to_string()).collect()
    };
    let two = ["没有法律和事实依据实施行政处罚的；", "违反法定程序实施行政处罚的。"];
    assert_eq!(
        cases(0),
        ["没有法律和事实依据实施行政处罚的；", "违反法定程序实施行政处罚的；", "其他违反法律法规规章规定的行为。"]
    );
    assert_eq!(cases(3), ["没有法律和事实依据实施行政处罚的；", "违反法定程序实施行政处罚的；", "其他违法情形。"]);
    for i in [1, 2, 4] {
        assert_eq!(cases(i), two, "item {}", i + 1);
    }
    let law = |t: &str, a: &str| (t.to_owned(), a.to_owned());
    assert_eq!(entries(1)[2..], [law("中华人民共和国行政处罚法", "第七十六条")]);
    assert_eq!(entries(2)[2..], [law("中华人民共和国行政处罚法", "第七十六条")]);
    assert_eq!(list.items[2].liability[2].tag, "法律");
    assert_eq!(
        entries(4)[2..],
        [law("中华人民共和国行政处罚法", "第七十六条"), law("中华人民共和国公务员法", "第五十九条")]
    );
    assert_eq!(list.items[4].liability_preamble, "追责情形：");
    assert!(list.items[0].liability_preamble.ends_with("应承担相应责任："));
}

#[test]
fn duties_in_other_forms_are_one_entry_each() {
    // Unnumbered under stage headings with no break between them, numbered
    // （一） or ①, and under groups (直接实施责任：1.…).
    let list = parse_fixture("tsv-duties-in-other-forms.txt");
    let duties = |i: usize| -> Vec<(String, String)> {
        list.items[i].tier[0].duties.iter().map(|d| (d.group.to_string(), d.text.to_string())).collect()
    };
    let d = |g: &str, t: &str| (g.to_owned(), t.to_owned());
    let stages = ["受理阶段责任：公示依法应当提交的材料", "审查阶段责任：对申请材料进行审查", "决定阶段责任：作出决定"];
    for i in 0..3 {
        let got: Vec<String> = duties(i).iter().map(|(_, t)| t.trim_end_matches(['。', '；']).to_owned()).collect();
        assert_eq!(got, stages, "item {}", i + 1);
    }
    assert_eq!(
        duties(3),
        [
            d("直接实施责任", "受理阶段责任：公示依法应当提交的材料。"),
            d("直接实施责任", "审查阶段责任：对申请材料进行审查。"),
            d("指导监督责任", "决定阶段责任：作出决定。")
        ]
    );
}

#[test]
fn a_seq_in_chinese_numerals_is_read_as_its_number_and_quoted() {
    let name = "tsv-seq-in-chinese-numerals.txt";
    let bytes = std::fs::read(root().join("fixtures").join(name)).unwrap();
    let out = parse_bytes(name, &bytes, &ParseOptions::default()).unwrap();
    let seqs: Vec<Option<u64>> = out.list.items.iter().map(|i| i.seq).collect();
    assert_eq!(seqs, [Some(1), Some(2)]);
    // Otherwise the items are those of the table numbered in digits.
    let mut items = out.list.items.clone();
    let twin = parse_fixture("tsv-one-line-per-row.txt");
    items.iter_mut().zip(&twin.items).for_each(|(i, t)| i.seq = t.seq);
    assert_eq!(items, twin.items);
    let quoted: Vec<&str> =
        out.diagnostics.iter().filter(|d| d.code == "QP014").map(|d| d.message.en.as_str()).collect();
    assert_eq!(quoted, ["序号 printed `一`, read as 1", "序号 printed `二`, read as 2"]);
    assert!(out.diagnostics.iter().all(|d| d.name != "missing-seq"));
}

#[test]
fn levels_named_in_other_words_open_tier_rows_as_short_ones_do() {
    // 设区的市级 for 市级, 县（市、区） for 县级: the same tier rows, each
    // level as printed without 级.
    for (fixture, twin) in [
        ("tsv-tier-rows-levels-in-other-words.txt", "tsv-tier-rows.txt"),
        ("vertical-tier-rows-levels-in-other-words.txt", "vertical-tier-rows.txt"),
    ] {
        let (list, twin_list) = (parse_fixture(fixture), parse_fixture(twin));
        let renamed = |level: &str| match level {
            "市" => "设区的市".to_owned(),
            "县" => "县（市、区）".to_owned(),
            other => other.to_owned(),
        };
        let levels = |l: &List, rename: bool| -> Vec<Vec<String>> {
            l.items
                .iter()
                .map(|i| i.tier.iter().map(|t| if rename { renamed(&t.level) } else { t.level.to_string() }).collect())
                .collect()
        };
        assert_eq!(levels(&list, false), levels(&twin_list, true), "{fixture}");
        assert!(levels(&list, false).concat().contains(&"县（市、区）".to_owned()), "{fixture}");
        // All else as the twin reads it.
        let without_levels = |l: &List<'static>| {
            let mut items = l.items.clone();
            items.iter_mut().flat_map(|i| i.tier.iter_mut()).for_each(|t| t.level = Default::default());
            items
        };
        assert_eq!(without_levels(&list), without_levels(&twin_list), "{fixture}");
    }
}

/// Asserts that a fixture gives the items of the same table printed one line per row (two or more).
fn assert_reads_as(fixture: &str, whole: &str) {
    let (list, whole_list) = (parse_fixture(fixture), parse_fixture(whole));
    assert_eq!(list.items, whole_list.items, "{fixture}");
    assert!(whole_list.items.len() >= 2, "{whole}");
}

#[test]
fn vertical_text_reads_as_the_table_one_line_per_row() {
    for (vertical, whole) in [
        // A column the format does not name (是否收费) last in the header,
        // its word wrapped over two lines: the header runs on to its end.
        ("vertical-other-columns-last-in-the-header.txt", "tsv-other-columns.txt"),
        // Tables under section headings that name their type.
        ("vertical-types-in-section-headings.txt", "tsv-types-in-section-headings.txt"),
        // … with page numbers between cells as word processors and offices
        // print them (`― 2 ―`, `第 3 页 共 5 页`, `Page 4 of 5`, `· 5 ·`).
        ("vertical-page-numbers-in-other-forms.txt", "tsv-types-in-section-headings.txt"),
        // … under headers in other lists' words: 编号 for 序号 (once split
        // over two lines), 权责事项名称 for 事项名称.
        ("vertical-header-words-of-other-lists.txt", "tsv-types-in-section-headings.txt"),
        // Duties, liability and citations in other forms, their cells
        // wrapped at their columns' widths: headings, markers and article
        // numbers broken over lines (`审查阶段责` / `任：`, `（二` / `）`,
        // `三` / `、`, `第八` / `十七条，`), a level's bracket (`县（市、` / `区）`).
        ("vertical-duties-in-other-forms.txt", "tsv-duties-in-other-forms.txt"),
        ("vertical-liability-in-other-forms.txt", "tsv-liability-in-other-forms.txt"),
        ("vertical-no-blank-lines-liability-in-other-forms.txt", "tsv-liability-in-other-forms.txt"),
        // No blank lines, and lists numbered （一）, 一、 and ①: each opens
        // a cell after a sentence's end, as `1.` does.
        ("vertical-no-blank-lines-other-list-markers.txt", "tsv-other-list-markers.txt"),
        ("vertical-citations-in-other-forms.txt", "tsv-citations-in-other-forms.txt"),
        ("vertical-tier-rows-levels-wrapped.txt", "tsv-tier-rows-levels-in-other-words.txt"),
        // … without blank lines: `设区的` / `市级` is one level, though `市级`
        // alone would be one too; `县（市` / `、区）` another.
        ("vertical-no-blank-lines-tier-rows-levels-wrapped.txt", "tsv-tier-rows-levels-in-other-words.txt"),
        // Duties in a column five characters wide: a marker ends a line and
        // the stage's heading fills the next (`…审查。2.` / `决定责任：`), a
        // heading, not a group's.
        ("vertical-tier-rows-duties-in-a-narrow-column.txt", "tsv-tier-rows.txt"),
        // A level broken after its separator (`市级、` / `县级`), with and
        // without blank lines: one cell, as a bracket left open is.
        ("vertical-level-broken-after-a-separator.txt", "tsv-one-line-per-row.txt"),
        ("vertical-no-blank-lines-level-broken-after-a-separator.txt", "tsv-one-line-per-row.txt"),
        // 序号 in Chinese numerals (`一`, `二`), with and without blank
        // lines: each a cell of its own, not a piece of the code after it.
        ("vertical-seq-in-chinese-numerals.txt", "tsv-seq-in-chinese-numerals.txt"),
        ("vertical-no-blank-lines-seq-in-chinese-numerals.txt", "tsv-seq-in-chinese-numerals.txt"),
        // Without blank lines, liability after duties: the duties' last line
        // ends a sentence short of the column's width, or (a wide column) the
        // duties are one line.
        ("vertical-no-blank-lines-duties-ending-short-of-the-column.txt", "tsv-other-list-markers.txt"),
        ("vertical-no-blank-lines-cells-of-one-line.txt", "tsv-other-list-markers.txt"),
        // Without blank lines, a citation broken inside a title (`…《…管理条`
        // / `例》第三十八条`), then the department: the title's end is the
        // citation's, not the department's.
        ("vertical-no-blank-lines-citations-broken-inside-a-title.txt", "tsv-citations-in-other-forms.txt"),
        // … and codes of 31 characters in pieces of 20 (`11620500MB1617096736`
        // / `20236002000`): pieces of a code still, not of the name before.
        ("vertical-no-blank-lines-sub-items-codes-in-wide-pieces.txt", "tsv-sub-items.txt"),
        // Without blank lines, a column the format does not name answered
        // `否` (是否收费) after the liability's last case: a cell of its own.
        ("vertical-no-blank-lines-other-columns.txt", "tsv-other-columns.txt"),
        // A tag broken over lines (`…第八十七条【` / `行政法规】《…》`).
        ("vertical-citations-tag-broken-over-lines.txt", "tsv-citations-in-other-forms.txt"),
        // An item's code in three pieces (`11620500MB1617` / `…236003` /
        // `000`) under a header naming sub-items' codes, as a sub-item's
        // code is read in pieces as the code and its tail: the item's own.
        ("vertical-sub-items-codes-in-three-pieces.txt", "tsv-sub-items.txt"),
        // Sub-items (子项) under an item's merged cells: a sub-item's row
        // brings no 序号 and no type; a 31-character code in three pieces.
        ("vertical-sub-items.txt", "tsv-sub-items.txt"),
        // A citation of the duties' basis (责任事项依据) ending `第三十条` at
        // its column's full width, then the liability's numbered list.
        ("vertical-two-columns-of-one-field-citation-before-a-list.txt", "tsv-two-columns-of-one-field.txt"),
        // Without blank lines, a duties' citation (责任事项依据, a column the
        // format does not name, headed as a basis) before a liability whose
        // cases name no liability (`1.对符合法定条件的申请不予受理的。`):
        // the column holds citations, so the citation is its cell, not the
        // liability's first.
        ("vertical-no-blank-lines-two-columns-of-one-field.txt", "tsv-two-columns-of-one-field.txt"),
        // … and the duties' last line full, the citation's column a character
        // wider than the duties': the citation's first line, wider than
        // every line of the duties, begins its cell.
        ("vertical-no-blank-lines-citation-column-a-character-wider.txt", "tsv-two-columns-of-one-field.txt"),
        // … and the duties' last entry a short line ending a sentence
        // (`2.调查责任：依法调查取证。`), then the citation, narrower than
        // its column: a citation may open a cell after a short line, unless
        // the cell so far is itself of citations.
        ("vertical-no-blank-lines-citation-after-a-short-last-line.txt", "tsv-two-columns-of-one-field.txt"),
        // No header, and codes of capitals and digits joined by hyphens
        // (`XK-0001-000`): known as codes by their shape alone.
        ("vertical-no-header-hyphenated-codes.txt", "tsv-one-line-per-row-hyphenated-codes.txt"),
        // No blank line between cells: a cell ends after a line that falls
        // short (its last), or where a narrower column's cell begins after
        // a sentence's end.
        ("vertical-no-blank-lines-types-in-section-headings.txt", "tsv-types-in-section-headings.txt"),
        ("vertical-no-blank-lines-sub-items.txt", "tsv-sub-items.txt"),
        // … and in columns four characters wide: the item's name and its
        // sub-item's wrapped at one width (`…的处罚` / `对…`), the codes in
        // pieces of eight, each code's last piece narrower.
        ("vertical-no-blank-lines-sub-items-names-at-one-width.txt", "tsv-sub-items.txt"),
        // … and a citation ending `第八十六条`, then duties numbered `（一）`:
        // a list's first marker after an article's number opens a cell.
        ("vertical-no-blank-lines-list-after-an-article-number.txt", "tsv-other-list-markers.txt"),
        // Without blank lines, duties numbered （一） then the liability, all
        // lines at one width: the liability's preamble opens a line after the
        // duties' last sentence; a marker ending a line (`…（三）`) and a later
        // entry opening one (`（三）决定责任：…`) go on in the duties.
        ("vertical-no-blank-lines-liability-preamble-after-a-full-line.txt", "tsv-other-list-markers.txt"),
        ("vertical-no-blank-lines-list-marker-ending-a-line.txt", "tsv-other-list-markers.txt"),
        ("vertical-no-blank-lines-list-entry-opening-a-line.txt", "tsv-other-list-markers.txt"),
        // Without blank lines, a citation wrapped after its article's number
        // (`…第七十七条至` / `第七十九条`, `《…食品` / `安全法》第三十五条`),
        // then the department's name alone on its line: 实施主体's cell.
        ("vertical-no-blank-lines-citation-wrapped-before-the-department.txt", "tsv-citations-in-other-forms.txt"),
        ("vertical-no-blank-lines-narrow-hyphenated-codes.txt", "tsv-one-line-per-row-hyphenated-codes.txt"),
        // … and names justified with spaces (`县 市 场 监 督 管 理 局`).
        ("vertical-no-blank-lines-justified-lines.txt", "tsv-one-line-per-row-hyphenated-codes.txt"),
        // A page break inside a cell, the header repeated on the next page,
        // with and without blank lines: the lines after the header go on with
        // the cell though they hold header words (依据, 实施, 责任), and the
        // repeated header ends where it repeats the first.
        ("vertical-cells-going-on-after-a-repeated-header.txt", "tsv-liability-in-other-forms.txt"),
        ("vertical-no-blank-lines-cells-going-on-after-a-repeated-header.txt", "tsv-duties-in-other-forms.txt"),
        // A liability broken by a page break after a full line (`…不予` /
        // header / `受理的；2.…`), the item's 责任事项 empty: one cell still.
        ("vertical-cell-broken-by-a-page-break.txt", "tsv-one-line-per-row.txt"),
        // Without blank lines, around a page break: a citation's short last
        // line on the next page ends its cell, the department's name after
        // it in two pieces (`省医保` / `局`); a duty's heading ending the
        // page (`2.审查责任：`) goes on over it; a duty stage ending the page
        // after the citations is the duties', as is the first stage after
        // citations going on over a page; a code ending a page is followed
        // by the department in two pieces, not joined by its first.
        ("vertical-no-blank-lines-short-last-line-after-a-page-break.txt", "tsv-citations-in-other-forms.txt"),
        ("vertical-no-blank-lines-duty-heading-ending-a-page.txt", "tsv-one-line-per-row-other-columns.txt"),
        ("vertical-no-blank-lines-duty-stage-at-a-page-s-foot.txt", "tsv-duties-stages-after-the-basis.txt"),
        ("vertical-no-blank-lines-duties-after-the-basis-over-a-page.txt", "tsv-duties-stages-after-the-basis.txt"),
        ("vertical-no-blank-lines-code-at-a-page-s-foot-department-in-pieces.txt", "tsv-sub-items.txt"),
        // Without blank lines, a citation's article number ending its line in
        // a colon: the article's quoted text on the next lines is the citation's.
        ("vertical-no-blank-lines-article-text-after-its-number-s-colon.txt", "tsv-duties-stages-after-the-basis.txt"),
        // A code broken by a page after a full piece (`33022000` / header /
        // `2000`, `3700000220` / header / `001`), with and without blank
        // lines: the piece opening the next page ends the code, not the name
        // or the type after it.
        ("vertical-code-broken-by-a-page-break.txt", "tsv-one-line-per-row.txt"),
        ("vertical-no-blank-lines-code-broken-by-a-page-break.txt", "tsv-tier-rows.txt"),
        // Stages' headings ending their lines after a sentence
        // (`…材料。审查阶段责任：` / `对申请…`): each heads its stage's
        // entry, not a group (this text made parse panic once).
        ("vertical-duties-stage-headings-ending-lines.txt", "tsv-duties-in-other-forms.txt"),
        // A label naming the basis broken over lines (`…第八十七条。实` /
        // `施依据：《…》`): a citation of its own still.
        ("vertical-citation-labels-broken-over-lines.txt", "tsv-citations-in-other-forms.txt"),
        // … and a numbered list begun afresh (`1.`) may open a cell after
        // any line: here each tier's duties after its scope.
        ("vertical-no-blank-lines-tier-rows.txt", "tsv-tier-rows.txt"),
        // The header cut off before the type's column, and each type set
        // over two or three narrow lines (`其他` / `行政` / `权力`) straight
        // after the name: spelled whole, it is a cell of its own. The code's
        // first piece is all digits (`11620` / `725MB`), yet no 序号.
        ("vertical-no-blank-lines-header-cut-off-types-over-lines.txt", "tsv-one-line-per-row-types-in-full.txt"),
        // Every code in three pieces (`11620700MB1617` / `09673620236003` /
        // `000`) under a header naming sub-items' codes, none filled, with
        // and without blank lines: no whole code to learn a code's length
        // from, yet only the three pieces together fit a province's code
        // grammar. The last is the code's, not a sub-item's code.
        ("vertical-codes-in-pieces-sub-item-columns-empty.txt", "tsv-sub-item-columns-empty.txt"),
        ("vertical-no-blank-lines-codes-in-pieces-sub-item-columns-empty.txt", "tsv-sub-item-columns-empty.txt"),
        // Without blank lines, 实施主体 then 承办机构 (`市医保局` /
        // `基金监管科`), the department's name a character short of its
        // column or filling it: the name alone on its line is a cell.
        ("vertical-no-blank-lines-department-then-office.txt", "tsv-department-and-office.txt"),
        ("vertical-no-blank-lines-department-then-office-names-at-full-width.txt", "tsv-department-and-office.txt"),
        // … and 承办机构 naming three offices (`医药管理科、` / `规划财务科、` /
        // `基金监管科`) before a numbered citation: one office cell, as a
        // cell naming several departments is one.
        ("vertical-no-blank-lines-several-offices-in-one-cell.txt", "tsv-department-and-office.txt"),
        // A group's heading broken inside 责任, a colon never opening a line
        // (`…审查。指导监督责` / `任：1.决定阶段责任：…`): still the group's.
        ("vertical-duties-group-heading-broken-before-its-colon.txt", "tsv-duties-in-other-forms.txt"),
        // Without blank lines, a citation broken after its article's 第
        // (`…条例》第` / `三十八条`), then the department's name at the same
        // width: the number alone ends an article's number as well.
        ("vertical-no-blank-lines-article-number-alone-before-the-department.txt", "tsv-citations-in-other-forms.txt"),
        // Without blank lines, a citation's last sentence (`…的罚款。”`) on
        // a line not short of the column, then the duties opening with a
        // stage's heading (`立案阶段责任：…`): the heading opens their cell.
        ("vertical-no-blank-lines-duty-stage-heading-after-the-basis.txt", "tsv-duties-stages-after-the-basis.txt"),
        // … and the citation broken by a page (`…“以欺诈、伪造证明` / header /
        // `材料或者…罚款。”`): the heading after it still opens the duties,
        // the cell that goes on over the page being one of citations.
        ("vertical-no-blank-lines-citation-going-on-over-a-page-break.txt", "tsv-duties-stages-after-the-basis.txt"),
        // Without blank lines, a type broken by a page (`行政` / header /
        // `许可`), the department's name after it: the two pieces spell the
        // type, as two lines one after the other do.
        ("vertical-no-blank-lines-type-broken-by-a-page-break.txt", "tsv-duties-in-other-forms.txt"),
        // A citation's full line closing a bracket at a page's foot
        // (`…诊所、卫生所（室）` / header / `以及急救站等医疗机构。`): its
        // text goes on over the page, not into the duties after it.
        ("vertical-citation-closing-a-bracket-at-a-page-s-foot.txt", "tsv-department-and-office.txt"),
    ] {
        assert_reads_as(vertical, whole);
    }
    let list = parse_fixture("vertical-other-columns-last-in-the-header.txt");
    let headers: Vec<&str> = list.items[0].extra.iter().map(|c| &*c.header).collect();
    assert!(headers.contains(&"是否收费"), "{headers:?}");
}

#[test]
fn a_note_under_the_table_is_one_note_whatever_pages_part_it() {
    let whole = parse_fixture("tsv-other-columns.txt");
    assert_eq!(whole.document.notes.len(), 1, "{:?}", whole.document.notes);
    for fixture in [
        // The note ending the table, then the page's number (`2.办理时限均为工作日。` / `— 3 —`).
        "vertical-page-number-after-the-note.txt",
        // The note in the table's last row, going on over a page: its first
        // entry, the page's number, the header printed again, its second (`2.…`).
        "vertical-note-going-on-over-a-page.txt",
    ] {
        let list = parse_fixture(fixture);
        assert_eq!(list.items, whole.items, "{fixture}");
        assert_eq!(list.document.notes, whole.document.notes, "{fixture}");
    }
}

#[test]
fn a_pipe_table_without_borders_reads_as_the_tab_separated_table() {
    // The header's second row opens with an empty cell: its first bar ends
    // that cell, as in every other row, and is no border.
    let (piped, tabbed) =
        (parse_fixture("pipe-table-without-borders-two-row-header.txt"), parse_fixture("tsv-duty-group-columns.txt"));
    assert_eq!(piped.items, tabbed.items);
    let groups: Vec<&str> = piped.items[0].tier[0].duties.iter().map(|d| &*d.group).collect();
    assert_eq!(groups, ["直接实施责任", "直接实施责任", "指导监督责任"]);
}

#[test]
fn vertical_text_without_a_header_whose_codes_come_before_the_names() {
    // The header is lost; each code is printed in two pieces (`C192` /
    // `3400`) before the item's name, the department after the basis.
    let list = parse_fixture("vertical-no-header-code-before-the-name.txt");
    let whole = parse_fixture("tsv-one-line-per-row-three-items.txt");
    let keys = |l: &List| -> Vec<(u64, String, String, String)> {
        l.items
            .iter()
            .map(|i| (i.seq.unwrap_or(0), i.item.to_string(), i.code.to_string(), i.kind.to_string()))
            .collect()
    };
    assert_eq!(keys(&list), keys(&whole));
    assert!(list.items.iter().all(|i| i.department == "区市场监督管理局"));
    // Printed without blank lines, each 序号 runs straight into its code's
    // first piece (`1` / `C192` / `3400`), and is still told apart from it.
    let dense = parse_fixture("vertical-no-blank-lines-no-header-code-before-the-name.txt");
    assert_eq!(keys(&dense), keys(&whole));
    // A basis of one paragraph ends two characters short of its full lines:
    // the department on the next line is a cell of its own.
    assert!(dense.items.iter().all(|i| i.department == "区市场监督管理局"), "{:?}", dense.items);
}

/// A table drawn in box-drawing characters: every rule line (`┌──┬──┐`,
/// `├──┼──┤`, `└──┴──┘`) is set aside as furniture, quoted in a note, and
/// no bar or rule character is left in any field.
#[test]
fn the_rules_of_a_table_drawn_in_text_are_furniture() {
    let name = "box-drawn-table-cells-wrapped-over-lines.txt";
    let bytes = std::fs::read(root().join("fixtures").join(name)).unwrap();
    let out = parse_bytes(name, &bytes, &ParseOptions::default()).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let rules = text.lines().filter(|l| l.starts_with(['┌', '├', '└'])).count();
    assert_eq!(rules, 4);
    let furniture: Vec<&str> =
        out.diagnostics.iter().filter(|d| d.name == "page-furniture").map(|d| &*d.message.en).collect();
    assert_eq!(furniture.iter().filter(|m| m.contains("──")).count(), rules, "{furniture:?}");
    let yaml = qingdan::yaml::to_canonical_string(&out.list);
    assert!(!yaml.contains(|c: char| ('\u{2500}'..='\u{257F}').contains(&c)), "{yaml}");
    assert_eq!(out.list.items.len(), 2);
    assert_eq!(out.list.items[0].code, "330216001000");
    assert_eq!(out.list.items[1].item, "超限运输车辆行驶公路许可");
}

/// Codes whose hyphens are printed as other dashes (full-width －, ‐, –, —)
/// read as the codes printed with `-`, each repair noted with the code as printed.
#[test]
fn codes_printed_with_other_dashes_read_with_hyphens() {
    let name = "tsv-one-line-per-row-codes-printed-with-other-dashes.txt";
    assert_eq!(parse_fixture(name).items, parse_fixture("tsv-one-line-per-row-hyphenated-codes.txt").items);
    let bytes = std::fs::read(root().join("fixtures").join(name)).unwrap();
    let out = parse_bytes(name, &bytes, &ParseOptions::default()).unwrap();
    let notes: Vec<&str> = out.diagnostics.iter().filter(|d| d.name == "code-dash").map(|d| &*d.message.en).collect();
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(notes[0].contains("XK－0001‐000"), "{notes:?}");
    // Vertical text without a header, whose first item is found by its
    // code: a code in pieces over lines, its hyphens full width.
    assert_eq!(
        parse_fixture("vertical-no-header-codes-printed-with-other-dashes.txt").items,
        parse_fixture("vertical-no-header-hyphenated-codes.txt").items
    );
}
