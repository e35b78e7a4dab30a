//! Spreadsheets in and out: `qingdan export` and `qingdan parse` of .xlsx and .csv.

mod common;

use common::*;
use qingdan::model::List;
use qingdan::yaml::{load, YamlLimits};
use std::path::Path;

fn list_of(yaml: &[u8]) -> List<'static> {
    load(std::str::from_utf8(yaml).unwrap(), &YamlLimits::default()).unwrap().list.into_owned()
}

/// What a round trip must keep: every item, and the notice's metadata
/// (source, hash and encoding describe the file read, so they differ).
fn assert_same_list(original: &List, back: &List, what: &str) {
    assert_eq!(original.items.len(), back.items.len(), "{what}: item count");
    for (a, b) in original.items.iter().zip(&back.items) {
        assert_eq!(a, b, "{what}: item {:?} {}", a.seq, a.code);
    }
    let meta = |l: &List| {
        (
            l.document.title.to_string(),
            l.document.issuer.to_string(),
            l.document.doc_number.to_string(),
            l.document.date.to_string(),
        )
    };
    assert_eq!(meta(original), meta(back), "{what}: document");
}

fn round_trip(yaml_path: &Path, to: &str, dir: &Path) -> List<'static> {
    let stem = yaml_path.file_stem().unwrap().to_string_lossy().into_owned();
    let sheet = dir.join(format!("{stem}.{to}"));
    let out = qingdan(&["export", yaml_path.to_str().unwrap(), "--to", to, "-o", sheet.to_str().unwrap()]);
    assert!(out.status.success(), "export: {}", String::from_utf8_lossy(&out.stderr));
    let back = qingdan(&["parse", sheet.to_str().unwrap()]);
    assert!(back.status.code().is_some_and(|c| c <= 1), "parse {to}: {}", String::from_utf8_lossy(&back.stderr));
    list_of(&back.stdout)
}

fn parsed_lists(dir: &Path) -> Vec<(String, std::path::PathBuf)> {
    let mut lists: Vec<(String, std::path::PathBuf)> = list_seeds()
        .into_iter()
        .map(|seed| {
            let name = seed.file_stem().unwrap().to_string_lossy().into_owned();
            let path = dir.join(format!("{name}.yaml"));
            let out = qingdan(&["parse", seed.to_str().unwrap(), "-o", path.to_str().unwrap()]);
            assert!(out.status.code().is_some_and(|c| c <= 1));
            (name, path)
        })
        .collect();
    lists.push(("clean fixture".into(), root().join("fixtures/clean.yaml")));
    // Columns the format does not name, a tier's own cell among them; two
    // columns of one field (追责情形, 追责依据); duty groups as columns.
    for fixture in [
        "tsv-other-columns.txt",
        "web-page-other-columns.html",
        "tsv-two-columns-of-one-field.txt",
        "tsv-duty-group-columns.txt",
    ] {
        let path = dir.join(format!("{fixture}.yaml"));
        let out =
            qingdan(&["parse", root().join("fixtures").join(fixture).to_str().unwrap(), "-o", path.to_str().unwrap()]);
        assert!(out.status.code().is_some_and(|c| c <= 1));
        lists.push((fixture.into(), path));
    }
    lists
}

#[test]
fn xlsx_round_trip_reproduces_every_list() {
    let dir = temp_dir("xlsx-round-trip");
    for (name, path) in parsed_lists(&dir) {
        let original = list_of(&std::fs::read(&path).unwrap());
        let back = round_trip(&path, "xlsx", &dir);
        assert_same_list(&original, &back, &format!("{name} via xlsx"));
    }
}

#[test]
fn csv_round_trip_reproduces_every_list() {
    let dir = temp_dir("csv-round-trip");
    for (name, path) in parsed_lists(&dir) {
        let original = list_of(&std::fs::read(&path).unwrap());
        let back = round_trip(&path, "csv", &dir);
        assert_same_list(&original, &back, &format!("{name} via csv"));
    }
}

#[test]
fn xlsx_has_the_usual_header_frozen_and_sheets_per_section() {
    use calamine::Reader;
    let dir = temp_dir("xlsx-shape");
    let seed = list_seeds().into_iter().next().unwrap();
    let yaml = dir.join("list.yaml");
    assert!(qingdan(&["parse", seed.to_str().unwrap(), "-o", yaml.to_str().unwrap()]).status.code().unwrap() <= 1);
    let xlsx = dir.join("list.xlsx");
    assert!(qingdan(&["export", yaml.to_str().unwrap(), "-o", xlsx.to_str().unwrap()]).status.success());
    let bytes = std::fs::read(&xlsx).unwrap();
    let list = list_of(&std::fs::read(&yaml).unwrap());
    let mut sections: Vec<&str> = list.items.iter().map(|i| &*i.section).collect();
    sections.dedup();
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(book.sheet_names(), sections);
    let range = book.worksheet_range(&book.sheet_names()[0]).unwrap();
    let header_row = range
        .rows()
        .find(|r| r.first().is_some_and(|c| *c == "序号"))
        .expect("a header row")
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>();
    for name in
        ["序号", "事项名称", "事项编码", "事项类型", "设定依据", "实施层级", "实施权限", "责任事项", "追责情形", "备注"]
    {
        assert!(header_row.iter().any(|h| h == name), "{name} in {header_row:?}");
    }
    // The frozen pane and wrapped text live in the sheet's XML.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains(r#"state="frozen""#), "{xml}");
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains(r#"wrapText="1""#));
}

#[test]
fn csv_starts_with_a_byte_order_mark_for_excel() {
    let dir = temp_dir("csv-bom");
    let out = qingdan(&["export", root().join("fixtures/clean.yaml").to_str().unwrap(), "--to", "csv", "-o", "-"]);
    assert!(out.status.success());
    assert!(out.stdout.starts_with("\u{FEFF}".as_bytes()));
    let text = String::from_utf8(out.stdout[3..].to_vec()).unwrap();
    assert!(text.lines().any(|l| l.starts_with("序号,事项名称")), "{text}");
    drop(dir);
}

#[test]
fn output_format_follows_the_extension_and_the_default_name_follows_the_list() {
    let dir = temp_dir("export-names");
    let yaml = dir.join("dept.yaml");
    std::fs::copy(root().join("fixtures/clean.yaml"), &yaml).unwrap();
    assert!(qingdan(&["export", yaml.to_str().unwrap()]).status.success());
    assert!(std::fs::read(dir.join("dept.xlsx")).unwrap().starts_with(b"PK\x03\x04"));
    let csv = dir.join("other.csv");
    assert!(qingdan(&["export", yaml.to_str().unwrap(), "-o", csv.to_str().unwrap()]).status.success());
    assert!(std::fs::read(&csv).unwrap().starts_with("\u{FEFF}".as_bytes()));
}

#[test]
fn a_broken_list_is_refused_with_its_place() {
    let dir = temp_dir("export-broken");
    let yaml = dir.join("bad.yaml");
    std::fs::write(&yaml, "qingdan: 1\nitems:\n  - item: [unclosed\n").unwrap();
    let out = qingdan(&["export", yaml.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.yaml:"), "{err}");
    assert!(!dir.join("bad.xlsx").exists());
}

#[test]
fn a_damaged_workbook_is_refused_not_panicked_on() {
    let dir = temp_dir("bad-xlsx");
    let path = dir.join("broken.xlsx");
    std::fs::write(&path, b"PK\x03\x04 this is not a workbook").unwrap();
    let out = qingdan(&["parse", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.xlsx"));
}

#[test]
fn gbk_csv_with_a_notice_sheet_row_and_tier_rows() {
    let dir = temp_dir("gbk-csv");
    let text = "某市医疗保障局权责清单\n序号,事项名称,事项编码,事项类型,实施层级,责任事项\n\
                1,对某事的处罚,3700000236009,行政处罚,市,\"1.受理。\n2.审查。\"\n,,,,县,受理。\n\
                2,对另一事的检查,3700000636001,行政检查,市,检查。\n";
    let (bytes, _, _) = encoding_rs::GBK.encode(text);
    let path = dir.join("list.csv");
    std::fs::write(&path, &bytes).unwrap();
    let out = qingdan(&["parse", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let list = list_of(&out.stdout);
    assert_eq!(list.document.encoding, "GB18030");
    assert_eq!(list.document.title, "某市医疗保障局权责清单");
    assert_eq!(list.items.len(), 2);
    let first = &list.items[0];
    assert_eq!(first.code, "3700000236009");
    assert_eq!(first.tier.len(), 2);
    assert_eq!(first.tier[0].duties.len(), 2);
    assert_eq!(first.tier[1].level, "县");
    assert_eq!(list.items[1].kind, "行政检查");
}

/// `fixtures/workbook.xls` and `.ods` (written by `tools/gen_sheet_fixtures.py`)
/// hold the same list as departments publish it: a notice sheet, a sheet per
/// item type, item cells merged down over their tier rows, codes typed as
/// numbers, duty cells with line breaks.
#[test]
fn xls_and_ods_workbooks_as_published() {
    let mut lists = Vec::new();
    for name in ["workbook.xls", "workbook.ods"] {
        let out = qingdan(&["parse", "--format", "json", root().join("fixtures").join(name).to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let list = list_of(&out.stdout);
        let d = &list.document;
        assert_eq!((&*d.title, &*d.issuer), ("某市医疗保障局权责清单", "某市医疗保障局"), "{name}");
        assert_eq!((&*d.doc_number, &*d.date), ("某医保发〔2021〕7号", "2021-03-05"), "{name}");
        let sections: Vec<(&str, &str)> = list.items.iter().map(|i| (&*i.section, &*i.code)).collect();
        assert_eq!(
            sections,
            [("行政处罚", "3700000236001"), ("行政处罚", "3700000236002"), ("行政检查", "3700000636001")],
            "{name}"
        );
        let first = &list.items[0];
        assert_eq!(first.tier.iter().map(|t| &*t.level).collect::<Vec<_>>(), ["市", "县"], "{name}");
        assert_eq!(first.tier[1].duties.len(), 3, "{name}");
        assert_eq!(first.tier[1].duties[2].group, "指导监督责任", "{name}");
        assert_eq!(first.liability.len(), 2, "{name}");
        assert!(first.liability_preamble.ends_with("应承担相应责任："), "{name}");
        assert_eq!(list.items[1].remarks, "与公安机关协作", "{name}");
        assert_eq!(list.items[2].legal_basis[0].doc_number, "国务院令第735号", "{name}");
        // Diagnostics name the sheet.
        let diags: Vec<serde_json::Value> = serde_json::from_slice(&out.stderr).unwrap();
        assert!(diags.iter().any(|d| d["file"].as_str().unwrap().ends_with(&format!("{name}[说明]"))), "{diags:?}");
        lists.push(list.items);
    }
    assert_eq!(lists[0], lists[1]);
}
