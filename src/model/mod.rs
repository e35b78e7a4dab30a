//! The canonical list model: the Rust form of the `qingdan: 1` YAML format.
//!
//! Every text field is a [`Text`] that is empty when absent, so a list that
//! lacks a required field still loads and the rule that reports it can point
//! at the item. The writer leaves empty fields out.
//!
//! A text borrows from the YAML it was read from where the YAML spells it
//! as it is (most values), so reading a list copies only what escapes or
//! quoting changed; a list built by parse owns its texts.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A text value of a list: borrowed from the YAML read, or owned.
pub type Text<'a> = Cow<'a, str>;

/// The item types a list may use: the national list of 事项类型 and 公共服务.
pub const ITEM_TYPES: &[&str] = &[
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政征收",
    "行政给付",
    "行政检查",
    "行政确认",
    "行政奖励",
    "行政裁决",
    "其他行政权力",
    "公共服务",
];

/// Names lists give groups of duties (a duty's `group`): 直接实施责任 and
/// 指导监督责任, and the same split in other words.
pub const DUTY_GROUPS: &[&str] = &["直接实施责任", "指导监督责任", "监督指导责任", "组织实施责任", "监督管理责任"];

/// The only format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole list file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct List<'a> {
    /// Format version; always [`FORMAT_VERSION`] when written.
    pub qingdan: u32,
    /// Where the list came from.
    #[serde(default, skip_serializing_if = "Document::is_empty")]
    pub document: Document<'a>,
    /// The items, in the document's order.
    #[serde(default)]
    pub items: Vec<Item<'a>>,
}

/// Metadata of the source document. Every key is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document<'a> {
    /// Input file name as given, without directories.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub source: Text<'a>,
    /// SHA-256 of the input bytes, lower-case hex.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub sha256: Text<'a>,
    /// The encoding the input was decoded from.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub encoding: Text<'a>,
    /// Title of the list or of its covering notice.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub title: Text<'a>,
    /// Issuing body.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub issuer: Text<'a>,
    /// 发文字号 of the covering notice.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub doc_number: Text<'a>,
    /// Date of issue, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub date: Text<'a>,
    /// Notes printed under a table (`注：…`, `说明：…`), one entry per note, as printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text<'a>>,
}

impl Document<'_> {
    /// True when no key is set.
    pub fn is_empty(&self) -> bool {
        self == &Document::default()
    }
}

/// One power or responsibility of the list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item<'a> {
    /// Printed 序号; `None` when the document lost it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq: Option<u64>,
    /// The table heading the item sat under.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub section: Text<'a>,
    /// 事项名称.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub item: Text<'a>,
    /// 子项名称.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub sub_item: Text<'a>,
    /// 事项编码 / 地方权力编码.
    #[serde(default, skip_serializing_if = "str::is_empty", serialize_with = "quoted")]
    pub code: Text<'a>,
    /// 子项编码.
    #[serde(default, skip_serializing_if = "str::is_empty", serialize_with = "quoted")]
    pub sub_code: Text<'a>,
    /// 事项类型 / 权力事项类型.
    #[serde(rename = "type", default, skip_serializing_if = "str::is_empty")]
    pub kind: Text<'a>,
    /// 实施机构 / 实施主体 / 行使主体.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub department: Text<'a>,
    /// 承办机构.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub office: Text<'a>,
    /// 部门职责.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub responsibility: Text<'a>,
    /// 设定、行使依据: one entry per citation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_basis: Vec<Citation<'a>>,
    /// 实施层级 rows: one entry per level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tier: Vec<Tier<'a>>,
    /// The sentence that introduces the liability cases.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub liability_preamble: Text<'a>,
    /// 追责情形及依据: one entry per numbered case or citation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub liability: Vec<Citation<'a>>,
    /// 备注.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub remarks: Text<'a>,
    /// Cells of columns this format does not name (实施对象, 办理时限 …),
    /// under their printed headers, in the document's column order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<ExtraCell<'a>>,
    /// Rule codes silenced for this item.
    #[serde(default, skip_serializing_if = "Vec::is_empty", serialize_with = "flow")]
    pub ignore: Vec<Text<'a>>,
}

impl Item<'_> {
    /// Whether the item is a sub-item (子项): it has a 子项名称 or 子项编码.
    pub fn is_sub_item(&self) -> bool {
        !(self.sub_item.is_empty() && self.sub_code.is_empty())
    }
}

/// A citation of a legal instrument, or a plain numbered entry (only `text`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation<'a> {
    /// The label printed in 【】, as printed.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub tag: Text<'a>,
    /// The title inside the outermost 《》.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub title: Text<'a>,
    /// The parenthesised version note.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub edition: Text<'a>,
    /// Promulgation or document number.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub doc_number: Text<'a>,
    /// Every 第…条 cited, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty", serialize_with = "flow")]
    pub articles: Vec<Text<'a>>,
    /// The quoted or paraphrased provision.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub text: Text<'a>,
}

/// What stands between the levels of a cell naming several (`市级；县级`, `省、市、县`).
pub const LEVEL_SEPARATORS: &[char] = &['、', '，', ',', '/', '；', ';', '和', '及', '与'];

/// The article (`第二十九条`) of an article reference that may go on to a
/// paragraph or item (`第二十九条第一款`, `第二十条第（二）项`).
pub fn article_of(reference: &str) -> &str {
    // A plain scan for the character's three bytes: a reference is a few
    // characters, on which a vectorised search costs more to set up.
    const TIAO: &[u8] = "条".as_bytes();
    let end = reference.as_bytes().windows(TIAO.len()).position(|w| w == TIAO).map(|i| i + TIAO.len());
    end.map_or(reference, |end| &reference[..end])
}

/// One 实施层级 row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier<'a> {
    /// 省 / 市 / 县 …, as printed without 级.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub level: Text<'a>,
    /// 实施权限 / 服务内容.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub scope: Text<'a>,
    /// 对应责任事项.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duties: Vec<Duty<'a>>,
}

/// A cell of a column the format does not name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraCell<'a> {
    /// The column's header, as printed (white space removed).
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub header: Text<'a>,
    /// The 实施层级 whose own value this is, when the column holds one per
    /// tier (a cell on a tier row); empty for the item's.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub level: Text<'a>,
    /// The cell's text.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub text: Text<'a>,
}

/// One duty entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Duty<'a> {
    /// The heading the duty sits under (直接实施责任 / 指导监督责任).
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub group: Text<'a>,
    /// The duty, without its list marker.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub text: Text<'a>,
}

/// A text that owns its characters, borrowed or not before.
fn owned(text: Text<'_>) -> Text<'static> {
    Cow::Owned(text.into_owned())
}

fn owned_all(texts: Vec<Text<'_>>) -> Vec<Text<'static>> {
    texts.into_iter().map(owned).collect()
}

impl List<'_> {
    /// The list with every text owned, free of the YAML it was read from.
    pub fn into_owned(self) -> List<'static> {
        let d = self.document;
        let document = Document {
            source: owned(d.source),
            sha256: owned(d.sha256),
            encoding: owned(d.encoding),
            title: owned(d.title),
            issuer: owned(d.issuer),
            doc_number: owned(d.doc_number),
            date: owned(d.date),
            notes: owned_all(d.notes),
        };
        List { qingdan: self.qingdan, document, items: self.items.into_iter().map(Item::into_owned).collect() }
    }
}

impl Item<'_> {
    /// The item with every text owned.
    pub fn into_owned(self) -> Item<'static> {
        Item {
            seq: self.seq,
            section: owned(self.section),
            item: owned(self.item),
            sub_item: owned(self.sub_item),
            code: owned(self.code),
            sub_code: owned(self.sub_code),
            kind: owned(self.kind),
            department: owned(self.department),
            office: owned(self.office),
            responsibility: owned(self.responsibility),
            legal_basis: self.legal_basis.into_iter().map(Citation::into_owned).collect(),
            tier: self.tier.into_iter().map(Tier::into_owned).collect(),
            liability_preamble: owned(self.liability_preamble),
            liability: self.liability.into_iter().map(Citation::into_owned).collect(),
            remarks: owned(self.remarks),
            extra: self
                .extra
                .into_iter()
                .map(|c| ExtraCell { header: owned(c.header), level: owned(c.level), text: owned(c.text) })
                .collect(),
            ignore: owned_all(self.ignore),
        }
    }
}

impl Citation<'_> {
    /// The citation with every text owned.
    pub fn into_owned(self) -> Citation<'static> {
        Citation {
            tag: owned(self.tag),
            title: owned(self.title),
            edition: owned(self.edition),
            doc_number: owned(self.doc_number),
            articles: owned_all(self.articles),
            text: owned(self.text),
        }
    }
}

impl Tier<'_> {
    /// The tier with every text owned.
    pub fn into_owned(self) -> Tier<'static> {
        Tier {
            level: owned(self.level),
            scope: owned(self.scope),
            duties: self.duties.into_iter().map(|d| Duty { group: owned(d.group), text: owned(d.text) }).collect(),
        }
    }
}

/// Codes are always written double-quoted, so that no YAML reader takes one for a number.
fn quoted<S: serde::Serializer>(value: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serde_saphyr::DoubleQuoted(value).serialize(serializer)
}

/// Short lists of tokens are written on one line: `[第八十七条, 第八十八条]`.
fn flow<S: serde::Serializer>(value: &[Text], serializer: S) -> Result<S::Ok, S::Error> {
    serde_saphyr::FlowSeq(value).serialize(serializer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_of_a_reference() {
        for (reference, article) in [
            ("第二十九条", "第二十九条"),
            ("第二十九条第一款", "第二十九条"),
            ("第二十条第（二）项", "第二十条"),
            ("第二款", "第二款"),
            ("条", "条"),
            ("", ""),
        ] {
            assert_eq!(article_of(reference), article, "{reference}");
        }
    }

    #[test]
    fn a_list_owned_is_the_same_list() {
        let text = "qingdan: 1\ndocument:\n  title: 标题\n  notes:\n    - 注\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    legal_basis:\n      - title: 社会保险法\n        articles: [第八十七条]\n    tier:\n      - level: 市\n        duties:\n          - text: 受理\n    extra:\n      - header: 办理时限\n        text: 5日\n    ignore: [QD203]\n";
        let read = crate::yaml::load(text, &Default::default()).unwrap().list;
        assert!(matches!(read.items[0].item, Cow::Borrowed(_)), "read values borrow from the text");
        let owned = read.clone().into_owned();
        assert_eq!(owned, read);
        assert!(matches!(owned.items[0].legal_basis[0].articles[0], Cow::Owned(_)));
        assert!(matches!(owned.items[0].tier[0].duties[0].text, Cow::Owned(_)));
    }
}
