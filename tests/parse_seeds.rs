//! The seeds, parsed: the facts that matter asserted plainly, and each whole
//! output kept as a snapshot that was read against its source.

mod common;

use common::*;
use qingdan::model::List;
use qingdan::parse::{parse_bytes, ParseOptions};

fn seed(prefix: &str) -> std::path::PathBuf {
    list_seeds().into_iter().find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix)).unwrap()
}

fn parse_seed(prefix: &str) -> List<'static> {
    let path = seed(prefix);
    let bytes = std::fs::read(&path).unwrap();
    parse_bytes(&path.to_string_lossy(), &bytes, &ParseOptions::default()).unwrap().list
}

#[test]
fn jinan_2019_vertical() {
    let list = parse_seed("000_");
    assert_eq!(list.items.len(), 18);
    assert_eq!(list.document.title, "济南市医疗保障局权责清单");
    assert_eq!(list.document.doc_number, "济医保发〔2019〕9号");
    assert_eq!(list.document.date, "2019-07-30");
    let sections: Vec<&str> = list.items.iter().map(|i| &*i.section).collect();
    let mut distinct = sections.clone();
    distinct.dedup();
    assert_eq!(distinct, ["行政处罚", "行政强制", "行政给付", "行政检查", "公共服务"]);
    let codes: Vec<&str> = list.items.iter().map(|i| &*i.code).collect();
    assert_eq!(&codes[..4], ["3700000236009", "3700000236010", "3700000236011", "3700000336004"]);
    assert_eq!(codes[17], "3700002036032");
    for item in &list.items {
        assert_eq!(item.department, "济南市医保局");
        assert_eq!(item.kind, item.section, "type of {}", item.code);
        assert_eq!(item.tier.len(), 1);
        assert_eq!(item.tier[0].level, "市");
    }
    let first = &list.items[0];
    assert_eq!(first.seq, Some(1));
    assert_eq!(first.item, "对医疗保险经办机构以及医疗机构、药品经营单位等医疗保险服务机构以欺诈、伪造证明材料或者其他手段骗取医疗保险、生育保险基金支出的处罚");
    assert_eq!(first.legal_basis.len(), 3);
    assert_eq!(first.legal_basis[0].tag, "法律");
    assert_eq!(first.legal_basis[0].title, "社会保险法");
    assert_eq!(first.legal_basis[0].edition, "2018年12月修改");
    assert_eq!(first.legal_basis[0].articles, ["第八十七条"]);
    assert_eq!(first.legal_basis[2].doc_number, "济南市人民政府令第168号");
    let duties = &first.tier[0].duties;
    assert_eq!(duties.len(), 5);
    assert_eq!(duties[0].group, "直接实施责任");
    assert_eq!(duties[3].group, "指导监督责任");
    assert_eq!(first.liability.len(), 4);
    assert_eq!(first.liability[3].title, "监察法");
    assert_eq!(first.liability[3].text, "规定的追责情形");
    // Seq restarts in each section.
    assert_eq!(list.items[3].seq, Some(1));
    assert_eq!(list.items[17].seq, Some(11));
}

#[test]
fn tianshui_tsv_with_html() {
    let list = parse_seed("003_");
    assert_eq!(list.items.len(), 16);
    let seqs: Vec<u64> = list.items.iter().filter_map(|i| i.seq).collect();
    assert_eq!(seqs, (4160..=4175).collect::<Vec<_>>());
    assert_eq!(list.document.title, "天水市医保局权责清单");
    // Item 4166's code is five characters short, as printed.
    let short = list.items.iter().find(|i| i.seq == Some(4166)).unwrap();
    assert_eq!(short.code, "11620500MB1673620836001000");
    assert!(list.items.iter().filter(|i| i.seq != Some(4166)).all(|i| i.code.len() == 31));
    let first = &list.items[0];
    assert_eq!(first.office, "基金监管科");
    assert_eq!(first.tier[0].level, "市");
    assert_eq!(first.legal_basis.len(), 2, "one citation per quoted article");
    assert_eq!(first.legal_basis[0].articles, ["第七十七条"]);
    assert_eq!(first.legal_basis[1].articles, ["第八十八条"]);
    assert_eq!(first.tier[0].duties.len(), 8);
    assert!(first.tier[0].duties[0].text.starts_with("立案阶段责任："));
    assert!(first.liability_preamble.starts_with("因不履行或不正确履行行政职责"));
    assert_eq!(first.liability.len(), 12);
    let yaml = qingdan::yaml::to_canonical_string(&list);
    assert!(!yaml.contains('<'), "HTML left in the output");
    assert!(yaml.contains("国务院令第六49号"), "wording is never corrected");
}

#[test]
fn shandan_county_vertical_without_header_start() {
    let list = parse_seed("004_");
    assert_eq!(list.items.len(), 14);
    assert_eq!(list.items.iter().filter(|i| i.seq.is_none()).count(), 8);
    for item in &list.items {
        assert_eq!(item.code.len(), 31, "{}", item.item);
        assert!(item.code.starts_with("11620725MB1728597R4"));
        assert_eq!(item.department, "山丹县医保局");
        assert_eq!(item.office, "山丹县医保局");
        assert!(!item.liability.is_empty(), "{}", item.item);
    }
    let third = &list.items[2];
    assert_eq!(third.kind, "行政监督");
    assert_eq!(third.item, "对医疗保险定点医疗机构和定点零售药店服务监督检查");
    let fourth = &list.items[3];
    assert_eq!(fourth.seq, Some(4));
    assert!(fourth.tier[0].duties[0].text.contains("《《中华人民共和国社会保险法》》"));
}

#[test]
fn shandong_tiers_and_scrambled_cells() {
    let list = parse_seed("001_");
    assert_eq!(list.document.doc_number, "鲁医保发〔2023〕39号");
    let first = &list.items[0];
    assert_eq!(first.code, "3700000236009");
    assert_eq!(first.kind, "行政处罚");
    // The scrambled name, read back.
    assert_eq!(first.item, "对医疗保险经办机构以及医疗机构、药品经营单位等医疗保险服务机构以欺诈、伪造证明材料或者其他手段骗取医疗保障基金支出的处罚");
    assert!(first.responsibility.starts_with("拟订全省医疗保障基金监督管理办法并组织实施"));
    let levels: Vec<&str> = first.tier.iter().map(|t| &*t.level).collect();
    assert_eq!(levels, ["省", "市", "县"]);
    assert_eq!(first.tier[0].scope, "负责实施本系统跨区域、重大事项的处罚");
    assert_eq!(first.tier[1].scope, "按照属地监管原则，负责市级行政区域内违法行为的处罚");
    assert!(list.items.iter().any(|i| i.code == "3700002036033"));
    // Types broken by OCR (`上罚`, `公服`, `政`) are read whole by the code's type digits.
    for item in &list.items {
        assert!(qingdan::model::ITEM_TYPES.contains(&item.kind.as_ref()), "{} {}", item.code, item.kind);
    }
}

/// Cells cut off in the source are reported where they stop; whole entries
/// that merely lack a full stop (`……规定的追责情形`, `直接实施责任：无`) are not.
#[test]
fn truncated_cells_reported_at_their_end() {
    let truncated = |prefix: &str| -> Vec<String> {
        let path = seed(prefix);
        let bytes = std::fs::read(&path).unwrap();
        let parsed = parse_bytes(&path.to_string_lossy(), &bytes, &ParseOptions::default()).unwrap();
        parsed
            .diagnostics
            .iter()
            .filter(|d| d.name == "truncated-cell")
            .map(|d| {
                let loc = d.location.as_ref().unwrap();
                loc.file.text()[loc.range.clone()].to_owned()
            })
            .collect()
    };
    let cut = truncated("001_");
    for tail in ["不断", "使用监", "行政处", "真实性、"] {
        assert!(cut.iter().any(|t| t.ends_with(tail)), "{tail} in {cut:?}");
    }
    assert!(!cut.iter().any(|t| t.ends_with('无')), "{cut:?}");
    for prefix in ["000_", "003_", "004_"] {
        assert_eq!(truncated(prefix), Vec::<String>::new(), "{prefix}");
    }
}

/// The vertical seeds printed without a blank line between cells (as some
/// extractors give them) read exactly as they do with them: the cells are
/// cut by the lines themselves, by types and levels spelled whole, by lists
/// begun after a sentence's end.
#[test]
fn vertical_seeds_without_blank_lines_read_as_with_them() {
    for prefix in ["000_", "004_"] {
        let path = seed(prefix);
        let text = std::fs::read_to_string(&path).unwrap();
        let dense: String = text.lines().filter(|l| !l.trim().is_empty()).map(|l| format!("{l}\n")).collect();
        assert!(dense.lines().count() + 100 < text.lines().count(), "{prefix}: blank lines removed");
        let list = parse_bytes("dense.txt", dense.as_bytes(), &ParseOptions::default()).unwrap().list;
        assert_eq!(list.items, parse_seed(prefix).items, "{prefix}");
    }
}

#[test]
fn snapshots() {
    for prefix in ["000_", "001_", "003_", "004_"] {
        let yaml = qingdan::yaml::to_canonical_string(&parse_seed(prefix));
        insta::assert_snapshot!(format!("parse_{}", prefix.trim_end_matches('_')), yaml);
    }
}
