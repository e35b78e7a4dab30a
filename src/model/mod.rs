//! The canonical list model: the Rust form of the `qingdan: 1` YAML format.
//!
//! Every text field is a `String` that is empty when absent, so a list that
//! lacks a required field still loads and the rule that reports it can point
//! at the item. The writer leaves empty fields out.

use serde::{Deserialize, Serialize};

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

/// The only format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole list file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct List {
    /// Format version; always [`FORMAT_VERSION`] when written.
    pub qingdan: u32,
    /// Where the list came from.
    #[serde(default, skip_serializing_if = "Document::is_empty")]
    pub document: Document,
    /// The items, in the document's order.
    #[serde(default)]
    pub items: Vec<Item>,
}

/// Metadata of the source document. Every key is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Input file name as given, without directories.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// SHA-256 of the input bytes, lower-case hex.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sha256: String,
    /// The encoding the input was decoded from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub encoding: String,
    /// Title of the list or of its covering notice.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Issuing body.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub issuer: String,
    /// 发文字号 of the covering notice.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub doc_number: String,
    /// Date of issue, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// Notes printed under a table (`注：…`, `说明：…`), one entry per note, as printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Document {
    /// True when no key is set.
    pub fn is_empty(&self) -> bool {
        self == &Document::default()
    }
}

/// One power or responsibility of the list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Printed 序号; `None` when the document lost it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq: Option<u64>,
    /// The table heading the item sat under.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub section: String,
    /// 事项名称.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub item: String,
    /// 子项名称.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sub_item: String,
    /// 事项编码 / 地方权力编码.
    #[serde(default, skip_serializing_if = "String::is_empty", serialize_with = "quoted")]
    pub code: String,
    /// 子项编码.
    #[serde(default, skip_serializing_if = "String::is_empty", serialize_with = "quoted")]
    pub sub_code: String,
    /// 事项类型 / 权力事项类型.
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    /// 实施机构 / 实施主体 / 行使主体.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub department: String,
    /// 承办机构.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub office: String,
    /// 部门职责.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub responsibility: String,
    /// 设定、行使依据: one entry per citation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_basis: Vec<Citation>,
    /// 实施层级 rows: one entry per level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tier: Vec<Tier>,
    /// The sentence that introduces the liability cases.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub liability_preamble: String,
    /// 追责情形及依据: one entry per numbered case or citation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub liability: Vec<Citation>,
    /// 备注.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub remarks: String,
    /// Cells of columns this format does not name (实施对象, 办理时限 …),
    /// under their printed headers, in the document's column order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<ExtraCell>,
    /// Rule codes silenced for this item.
    #[serde(default, skip_serializing_if = "Vec::is_empty", serialize_with = "flow")]
    pub ignore: Vec<String>,
}

impl Item {
    /// Whether the item is a sub-item (子项): it has a 子项名称 or 子项编码.
    pub fn is_sub_item(&self) -> bool {
        !(self.sub_item.is_empty() && self.sub_code.is_empty())
    }
}

/// A citation of a legal instrument, or a plain numbered entry (only `text`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The label printed in 【】, as printed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tag: String,
    /// The title inside the outermost 《》.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The parenthesised version note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub edition: String,
    /// Promulgation or document number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub doc_number: String,
    /// Every 第…条 cited, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty", serialize_with = "flow")]
    pub articles: Vec<String>,
    /// The quoted or paraphrased provision.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// What stands between the levels of a cell naming several (`市级；县级`, `省、市、县`).
pub const LEVEL_SEPARATORS: &[char] = &['、', '，', ',', '/', '；', ';', '和', '及', '与'];

/// The article (`第二十九条`) of an article reference that may go on to a
/// paragraph or item (`第二十九条第一款`, `第二十条第（二）项`).
pub fn article_of(reference: &str) -> &str {
    reference.find('条').map_or(reference, |i| &reference[..i + '条'.len_utf8()])
}

/// One 实施层级 row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// 省 / 市 / 县 …, as printed without 级.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub level: String,
    /// 实施权限 / 服务内容.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scope: String,
    /// 对应责任事项.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duties: Vec<Duty>,
}

/// A cell of a column the format does not name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraCell {
    /// The column's header, as printed (white space removed).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub header: String,
    /// The 实施层级 whose own value this is, when the column holds one per
    /// tier (a cell on a tier row); empty for the item's.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub level: String,
    /// The cell's text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// One duty entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    /// The heading the duty sits under (直接实施责任 / 指导监督责任).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
    /// The duty, without its list marker.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// Codes are always written double-quoted, so that no YAML reader takes one for a number.
fn quoted<S: serde::Serializer>(value: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serde_saphyr::DoubleQuoted(value).serialize(serializer)
}

/// Short lists of tokens are written on one line: `[第八十七条, 第八十八条]`.
fn flow<S: serde::Serializer>(value: &[String], serializer: S) -> Result<S::Ok, S::Error> {
    serde_saphyr::FlowSeq(value).serialize(serializer)
}
