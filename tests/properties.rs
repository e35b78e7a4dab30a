//! Properties that hold for any input: normalisation is idempotent and its
//! offset maps are monotone and in range; parse → YAML → load gives the same
//! list; fmt is idempotent; every table, in each layout, keeps its text.

use proptest::prelude::*;
use qingdan::model::{Citation, Duty, ExtraCell, Item, List, Tier};
use qingdan::normalize;
use qingdan::parse::{check_conservation, parse_bytes, ParseOptions};
use qingdan::text::Text;

/// Text with what real cells hold: CJK, CJK and ASCII punctuation, digits,
/// spaces, radicals, full-width digits, HTML and escapes.
fn messy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "医", "疗", "保", "险", "基", "金", "处", "罚", "《", "》", "（", "）", "“", "”", "，", "。", "：", "〔", "〕",
        ",", ":", ";", "(", ")", "\"", " ", "  ", "\t", "1", "2", "0", "１", "Ａ", "⼈", "⻔", "\u{3000}", "\u{a0}",
        "<p>", "</p>", "&ldquo;", "&amp;", "\\n", "[2016]", "号", "第", "条", "a", "-", "\n",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256), ..ProptestConfig::default() })]

    #[test]
    fn normalise_is_idempotent(s in messy_text()) {
        let once = normalize::join_lines(&normalize::value(Text::from_source(&s), &mut Vec::new())).into_string();
        let twice = normalize::join_lines(&normalize::value(Text::from_source(&once), &mut Vec::new())).into_string();
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn offset_maps_are_monotone_and_in_range(s in messy_text()) {
        let t = normalize::value(Text::from_source(&s), &mut Vec::new());
        let mut last = 0;
        for (i, _) in t.as_str().char_indices() {
            let src = t.source_offset(i);
            prop_assert!(src <= s.len());
            prop_assert!(s.is_char_boundary(src));
            prop_assert!(src >= last, "offset of byte {} went back: {} < {}", i, src, last);
            last = src;
            let r = t.source_range(i..i + 1);
            prop_assert!(r.start <= r.end && r.end <= s.len());
        }
    }

    #[test]
    fn fmt_is_idempotent(list in arbitrary_list()) {
        let yaml = qingdan::yaml::to_canonical_string(&list);
        let once = qingdan::format::format_text(&yaml, &Default::default()).unwrap();
        let twice = qingdan::format::format_text(&once, &Default::default()).unwrap();
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn yaml_round_trips(list in arbitrary_list()) {
        let yaml = qingdan::yaml::to_canonical_string(&list);
        let back = qingdan::yaml::load(&yaml, &Default::default()).unwrap().list;
        prop_assert_eq!(back, list);
    }

    #[test]
    fn written_lists_take_the_fast_reader(list in arbitrary_list()) {
        let yaml = qingdan::yaml::to_canonical_string(&list);
        prop_assert_eq!(qingdan::yaml::read_canonical(&yaml), Some(list));
    }

    #[test]
    fn the_fast_reader_agrees_with_the_full_one(list in tricky_list(), cut in 0usize..400, junk in prop::sample::select(vec!["", " ", "\n", "  ", "- ", ": ", "#", "\"", "'", "[", "&a ", "\t"])) {
        let yaml = qingdan::yaml::to_canonical_string(&list);
        let full = qingdan::yaml::load_full(&yaml, &Default::default()).unwrap().list;
        prop_assert_eq!(&full, &list);
        if let Some(fast) = qingdan::yaml::read_canonical(&yaml) {
            prop_assert_eq!(fast, list);
        }
        // An edited text: whenever the fast reader takes it, it reads what the full one reads.
        let mut at = cut.min(yaml.len());
        while !yaml.is_char_boundary(at) {
            at -= 1;
        }
        let edited = format!("{}{junk}{}", &yaml[..at], &yaml[at..]);
        if let Some(fast) = qingdan::yaml::read_canonical(&edited) {
            let full = qingdan::yaml::load_full(&edited, &Default::default());
            prop_assert!(full.is_ok(), "fast took what the full reader refuses:\n{}", edited);
            prop_assert_eq!(fast, full.unwrap().list, "{}", edited);
        }
    }

    #[test]
    fn generated_tables_keep_their_text(rows in prop::collection::vec(row(), 1..6), delimiter in prop::sample::select(vec!['\t', '|', ' ', 'v'])) {
        let text = if delimiter == 'v' { vertical(&rows) } else { table(&rows, delimiter) };
        let lost = check_conservation(text.as_bytes(), &ParseOptions::default()).unwrap();
        prop_assert!(lost.is_empty(), "{:?}\n{}", lost, text);
        let parsed = parse_bytes("t.txt", text.as_bytes(), &ParseOptions::default()).unwrap();
        prop_assert_eq!(parsed.list.items.len(), rows.len());
        let yaml = qingdan::yaml::to_canonical_string(&parsed.list);
        let back = qingdan::yaml::load(&yaml, &Default::default()).unwrap().list;
        prop_assert_eq!(back, parsed.list);
    }
}

fn word() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "医疗", "保险", "基金", "处罚", "经办", "机构", "，", "。", "（", "）", "监督", "检查", "1", "号",
        ]),
        1..8,
    )
    .prop_map(|v| v.concat())
}

fn arbitrary_list() -> impl Strategy<Value = List<'static>> {
    let citation = (
        word(),
        word(),
        prop::collection::vec(prop::sample::select(vec!["第一条", "第八十七条", "第一百零四条"]), 0..3),
    )
        .prop_map(|(title, text, articles)| Citation {
            title: title.into(),
            text: text.into(),
            articles: articles.into_iter().map(Into::into).collect(),
            ..Default::default()
        });
    let extra =
        (prop::sample::select(vec!["实施对象", "办理时限"]), prop::sample::select(vec!["", "市", "县"]), word())
            .prop_map(|(header, level, text)| ExtraCell {
                header: header.into(),
                level: level.into(),
                text: text.into(),
            });
    let item = (
        word(),
        "[0-9]{13}",
        prop::sample::select(vec!["行政处罚", "公共服务"]),
        prop::collection::vec(citation, 0..3),
        prop::option::of(1u64..500),
        word(),
        prop::collection::vec(extra, 0..3),
    )
        .prop_map(|(name, code, kind, legal_basis, seq, duty, extra)| Item {
            seq,
            item: name.into(),
            code: code.into(),
            kind: kind.to_owned().into(),
            legal_basis,
            tier: vec![Tier {
                level: "市".into(),
                scope: Default::default(),
                duties: vec![Duty { group: Default::default(), text: duty.into() }],
            }],
            extra,
            ignore: vec!["QD203".into()],
            ..Default::default()
        });
    let notes = prop::collection::vec(word(), 0..2);
    (prop::collection::vec(item, 0..5), notes).prop_map(|(items, notes)| List {
        qingdan: 1,
        document: qingdan::model::Document { notes: notes.into_iter().map(Into::into).collect(), ..Default::default() },
        items,
    })
}

/// Values that YAML treats specially when plain: they must be quoted by the
/// writer and either read exactly or left to the full reader.
fn tricky() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "医疗",
            "yes",
            "no",
            "null",
            "~",
            "true",
            "1",
            "0x1F",
            "1.5",
            "2019-07-30",
            "12:30",
            ": ",
            " #",
            "#",
            "- ",
            "-",
            "[",
            "]",
            "{",
            "}",
            "&a",
            "*b",
            "!t",
            "|",
            ">",
            "'",
            "\"",
            "\\",
            "\n",
            "\t",
            " ",
            "%",
            "@",
            "`",
            ",",
            "?",
            "é",
            "😀",
            "\u{85}",
            "\u{2028}",
            "\u{feff}",
            "2018年",
            "第八十七条",
        ]),
        1..5,
    )
    .prop_map(|v| v.concat())
}

fn tricky_list() -> impl Strategy<Value = List<'static>> {
    let citation = (tricky(), tricky(), prop::collection::vec(tricky(), 0..3), tricky()).prop_map(
        |(title, text, articles, edition)| Citation {
            title: title.into(),
            text: text.into(),
            articles: articles.into_iter().map(Into::into).collect(),
            edition: edition.into(),
            ..Default::default()
        },
    );
    let extra = prop::collection::vec(
        (tricky(), tricky(), tricky()).prop_map(|(header, level, text)| ExtraCell {
            header: header.into(),
            level: level.into(),
            text: text.into(),
        }),
        0..2,
    );
    let item = (tricky(), tricky(), tricky(), prop::collection::vec(citation, 0..3), tricky(), tricky(), extra)
        .prop_map(|(name, code, kind, legal_basis, level, duty, extra)| Item {
            item: name.into(),
            code: code.into(),
            kind: kind.into(),
            legal_basis,
            tier: vec![Tier {
                level: level.into(),
                scope: Default::default(),
                duties: vec![Duty { group: Default::default(), text: duty.into() }],
            }],
            extra,
            ..Default::default()
        });
    (tricky(), prop::collection::vec(tricky(), 0..2), prop::collection::vec(item, 0..4)).prop_map(
        |(title, notes, items)| List {
            qingdan: 1,
            document: qingdan::model::Document {
                title: title.into(),
                notes: notes.into_iter().map(Into::into).collect(),
                ..Default::default()
            },
            items,
        },
    )
}

#[derive(Debug, Clone)]
struct Row {
    name: String,
    code: String,
    kind: &'static str,
    basis: String,
}

fn row() -> impl Strategy<Value = Row> {
    (word(), "[0-9]{13}", prop::sample::select(vec!["行政处罚", "行政强制", "公共服务"]), word()).prop_map(
        |(name, code, kind, basis)| Row {
            name: format!("对{name}的处罚"),
            code,
            kind,
            basis: format!("《社会保险法》第八十七条：{basis}"),
        },
    )
}

/// The same table as vertical PDF text: each cell's lines one after another.
fn vertical(rows: &[Row]) -> String {
    let wrap = |s: &str, w: usize| -> String {
        let chars: Vec<char> = s.chars().collect();
        chars.chunks(w).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("\n")
    };
    let mut out =
        String::from("某局权责清单\n\n序\n\n号\n\n事项\n\n名称\n\n事项\n\n编码\n\n事项\n\n类型\n\n设定依据\n\n");
    for (i, r) in rows.iter().enumerate() {
        out.push_str(&format!(
            "{}\n\n{}\n\n{}\n{}\n\n{}\n\n{}\n\n",
            i + 1,
            wrap(&r.name, 5),
            &r.code[..7],
            &r.code[7..],
            wrap(r.kind, 2),
            wrap(&r.basis, 18)
        ));
    }
    out
}

/// Display width: two for CJK characters.
fn width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 }).sum()
}

/// The table with its columns padded to line up, as a space-aligned export writes it.
fn aligned(rows: &[Row]) -> String {
    let header = ["序号", "事项名称", "事项编码", "事项类型", "设定依据"];
    let cells: Vec<[String; 5]> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| [(i + 1).to_string(), r.name.clone(), r.code.clone(), r.kind.to_owned(), r.basis.clone()])
        .collect();
    let widths: Vec<usize> =
        (0..5).map(|k| cells.iter().map(|c| width(&c[k])).chain([width(header[k])]).max().unwrap_or(0) + 2).collect();
    let line = |c: &[&str]| {
        c.iter()
            .zip(&widths)
            .map(|(s, w)| format!("{s}{}", " ".repeat(w - width(s))))
            .collect::<String>()
            .trim_end()
            .to_owned()
    };
    let mut out = String::from("某局权责清单\n\n");
    out.push_str(&line(&header));
    out.push('\n');
    for c in &cells {
        out.push_str(&line(&c.iter().map(String::as_str).collect::<Vec<_>>()));
        out.push('\n');
    }
    out
}

fn table(rows: &[Row], d: char) -> String {
    if d == ' ' {
        return aligned(rows);
    }
    let sep = if d == '|' { " | " } else { "\t" };
    let line = |cells: &[&str]| if d == '|' { format!("| {} |", cells.join(sep)) } else { cells.join(sep) };
    let mut out = String::from("某局权责清单\n\n");
    out.push_str(&line(&["序号", "事项名称", "事项编码", "事项类型", "设定依据"]));
    out.push('\n');
    for (i, r) in rows.iter().enumerate() {
        let n = (i + 1).to_string();
        out.push_str(&line(&[&n, &r.name, &r.code, r.kind, &r.basis]));
        out.push('\n');
    }
    out
}
