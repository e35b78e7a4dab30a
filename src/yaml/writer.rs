//! Writes a [`List`] in the canonical form of FORMAT.md: fixed key order,
//! empty fields left out, codes double-quoted, each text value on one line,
//! the same bytes for the same data.

use crate::model::{List, FORMAT_VERSION};
use serde_saphyr::SerializerOptions;

/// The canonical YAML text of `list`.
pub fn to_canonical_string(list: &List) -> String {
    let mut options = SerializerOptions::default();
    options.prefer_block_scalars = false;
    options.compact_list_indent = false;
    options.indent_step = 2;
    // Serialising plain structs of strings and integers cannot fail; an
    // error here would be a bug in the serializer, so it is not hidden.
    let write =
        |list: &List| serde_saphyr::to_string_with_options(list, options).expect("the list model always serialises");
    if list.qingdan == FORMAT_VERSION {
        write(list)
    } else {
        // Written under the version this build writes: a copy, as the list is borrowed.
        let mut list = list.clone();
        list.qingdan = FORMAT_VERSION;
        write(&list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, Duty, Item, Tier};

    fn sample() -> List<'static> {
        let mut list = List { qingdan: 1, ..Default::default() };
        list.document.source = "000.txt".into();
        list.document.date = "2019-07-30".into();
        list.items.push(Item {
            seq: Some(1),
            section: "行政处罚".into(),
            item: "对医疗保险经办机构骗取基金支出的处罚".into(),
            code: "3700000236009".into(),
            kind: "行政处罚".into(),
            legal_basis: vec![Citation {
                tag: "法律".into(),
                title: "社会保险法".into(),
                edition: "2018年12月修改".into(),
                articles: vec!["第八十七条".into()],
                text: "社会保险经办机构以及医疗机构……的，由社会保险行政部门责令退回".into(),
                ..Default::default()
            }],
            tier: vec![Tier {
                level: "市".into(),
                scope: "".into(),
                duties: vec![Duty {
                    group: "直接实施责任".into(), text: "执行省级制定的行政处罚标准规范。".into()
                }],
            }],
            ignore: vec!["QD301".into()],
            ..Default::default()
        });
        list
    }

    #[test]
    fn canonical_form() {
        let out = to_canonical_string(&sample());
        let expected = "\
qingdan: 1
document:
  source: 000.txt
  date: \"2019-07-30\"
items:
  - seq: 1
    section: 行政处罚
    item: 对医疗保险经办机构骗取基金支出的处罚
    code: \"3700000236009\"
    type: 行政处罚
    legal_basis:
      - tag: 法律
        title: 社会保险法
        edition: 2018年12月修改
        articles: [第八十七条]
        text: 社会保险经办机构以及医疗机构……的，由社会保险行政部门责令退回
    tier:
      - level: 市
        duties:
          - group: 直接实施责任
            text: 执行省级制定的行政处罚标准规范。
    ignore: [QD301]
";
        assert_eq!(out, expected);
    }

    #[test]
    fn ambiguous_scalars_are_quoted_and_round_trip() {
        let mut list = sample();
        list.items[0].item = "yes".into();
        list.items[0].remarks = "010: #1 'a' \"b\"".into();
        list.items[0].legal_basis[0].text = "x".repeat(300).into();
        let out = to_canonical_string(&list);
        assert!(out.contains("item: \"yes\"") || out.contains("item: 'yes'"), "{out}");
        assert!(out.lines().any(|l| l.trim_start().starts_with("text: xxx")), "long text stays on one line");
        let back: List = serde_saphyr::from_str(&out).unwrap();
        assert_eq!(back, list);
    }

    #[test]
    fn same_data_same_bytes() {
        assert_eq!(to_canonical_string(&sample()), to_canonical_string(&sample().clone()));
    }
}
