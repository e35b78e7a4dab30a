//! Every rule and parse diagnostic qingdan reports: stable code, kebab-case
//! name, family and default severity. Codes never change meaning.

use crate::diagnostic::Severity;

/// What a rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMeta {
    /// Stable code (`QD201`, or `QP…` for parse's own findings).
    pub code: &'static str,
    /// Kebab-case name.
    pub name: &'static str,
    /// Family.
    pub family: Family,
    /// Default severity.
    pub severity: Severity,
    /// One line saying what it finds.
    pub summary: &'static str,
    /// The same line in Chinese.
    pub summary_zh: &'static str,
}

/// Rule families.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Family {
    /// What parse itself found.
    Parse,
    /// Structure of the list.
    Structure,
    /// Codes.
    Codes,
    /// Citations.
    Citations,
    /// Text form.
    Text,
}

impl Family {
    /// Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            Family::Parse => "解析",
            Family::Structure => "结构",
            Family::Codes => "编码",
            Family::Citations => "引用",
            Family::Text => "文字",
        }
    }

    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Parse => "parse",
            Family::Structure => "structure",
            Family::Codes => "codes",
            Family::Citations => "citations",
            Family::Text => "text",
        }
    }
}

const fn rule(
    code: &'static str,
    name: &'static str,
    family: Family,
    severity: Severity,
    summary: &'static str,
    summary_zh: &'static str,
) -> RuleMeta {
    RuleMeta { code, name, family, severity, summary, summary_zh }
}

use Family::*;
use Severity::*;

/// Every rule, by code.
pub static RULES: &[RuleMeta] = &[
    rule(
        "QP001",
        "missing-header",
        Parse,
        Warning,
        "no header row was found; columns were recognised from content",
        "没有找到表头行；各列按内容识别",
    ),
    rule(
        "QP002",
        "code-reassembled",
        Parse,
        Info,
        "a code was put together from pieces on several lines",
        "编码由分在几行的片段拼合而成",
    ),
    rule(
        "QP003",
        "scrambled-cell",
        Parse,
        Warning,
        "a cell read column-major was recovered, or could not be",
        "按列读出的错乱单元格已还原，或无法还原",
    ),
    rule(
        "QP004",
        "unassigned-text",
        Parse,
        Warning,
        "text that could not be placed in any field",
        "无法归入任何字段的文字",
    ),
    rule("QP005", "page-furniture", Parse, Info, "page numbers and running heads removed", "已去除页码和页眉"),
    rule("QP006", "header-row", Parse, Info, "a header row, recognised and set aside", "已识别并略去的表头行"),
    rule("QP007", "missing-code", Parse, Error, "an item whose code could not be found", "找不到编码的事项"),
    rule(
        "QP008",
        "malformed-bytes",
        Parse,
        Warning,
        "bytes invalid in the detected encoding, replaced",
        "在所识别的编码中无效的字节，已替换",
    ),
    rule(
        "QP009",
        "section-heading",
        Parse,
        Info,
        "a section heading, recognised and kept in each item's section",
        "已识别的分表标题，记入各事项的 section",
    ),
    rule(
        "QP010",
        "truncated-cell",
        Parse,
        Warning,
        "an entry of a list cell stops mid-sentence: the cell looks cut off",
        "列表单元格中的条目在句中中断：单元格似乎被截断",
    ),
    rule(
        "QP011",
        "type-completed",
        Parse,
        Warning,
        "a type cell that is no type was read as the type it holds, or completed by the code's type digits; an item printed without a type took its section heading's",
        "不是事项类型的类型单元格，按其中所含的类型或编码的类型位读出；未印类型的事项取其分表标题的类型",
    ),
    rule(
        "QP012",
        "table-note",
        Parse,
        Info,
        "a note printed under a table (注：…, 说明：…), kept in document.notes",
        "表格下方的注释（注：…、说明：…），记入 document.notes",
    ),
    rule(
        "QP013",
        "code-dash",
        Parse,
        Info,
        "a code's hyphen printed as another dash (－, ‐, –, —, −) was read as `-`",
        "编码中印作其他字形（－、‐、–、—、−）的连字符已按 `-` 读出",
    ),
    rule(
        "QP014",
        "seq-as-printed",
        Parse,
        Warning,
        "a 序号 printed otherwise than as a number (`十二`, `1-1`) was read as the number it holds or starts with, and quoted as printed",
        "未印作数字的序号（`十二`、`1-1`）已按其所含或开头的数字读出，并照印引出",
    ),
    rule(
        "QD100",
        "invalid-list",
        Structure,
        Error,
        "the file is not a list of the format: YAML syntax, an unknown key, a wrong type or version",
        "文件不是本格式的清单：YAML 语法、未知的键、错误的类型或版本",
    ),
    rule(
        "QD101",
        "missing-field",
        Structure,
        Error,
        "an item lacks item, code or type",
        "事项缺少事项名称、编码或类型",
    ),
    rule("QD102", "duplicate-code", Structure, Error, "two items share a code", "两个事项编码相同"),
    rule(
        "QD103",
        "seq-order",
        Structure,
        Warning,
        "序号 duplicated, skipped or out of order",
        "序号重复、跳号或顺序错乱",
    ),
    rule(
        "QD104",
        "missing-seq",
        Structure,
        Warning,
        "an item has no 序号 while others do",
        "其他事项有序号而本事项没有",
    ),
    rule("QD105", "empty-legal-basis", Structure, Error, "an item cites no legal basis", "事项没有引用设定依据"),
    rule(
        "QD106",
        "unknown-type",
        Structure,
        Error,
        "the type is not in the national list nor 公共服务",
        "类型既不在国家事项类型中，也不是公共服务",
    ),
    rule(
        "QD107",
        "sub-code-parent",
        Structure,
        Error,
        "a sub-item's code does not extend its item's code",
        "子项编码不是在所属事项编码上延伸的",
    ),
    rule("QD201", "code-length", Codes, Error, "the code's shape does not fit its profile", "编码的形式不符合其配置"),
    rule(
        "QD202",
        "code-region",
        Codes,
        Error,
        "the code's GB/T 2260 region prefix does not exist",
        "编码的 GB/T 2260 区划前缀不存在",
    ),
    rule(
        "QD203",
        "code-checksum",
        Codes,
        Warning,
        "the USCC or organisation-code check character is wrong",
        "统一社会信用代码或组织机构代码的校验位不对",
    ),
    rule(
        "QD204",
        "type-code-mismatch",
        Codes,
        Error,
        "the code's type digits disagree with the printed type",
        "编码的类型位与所印的类型不一致",
    ),
    rule(
        "QD205",
        "code-level-mismatch",
        Codes,
        Warning,
        "the code's level digit disagrees with the tier or department",
        "编码的层级位与实施层级或实施机构不一致",
    ),
    rule(
        "QD206",
        "department-code",
        Codes,
        Warning,
        "the code's department part differs from the document's majority",
        "编码的部门代码与文件中多数事项不同",
    ),
    rule(
        "QD301",
        "doc-number-brackets",
        Citations,
        Warning,
        "a document number's year is not in 〔〕",
        "文号年份没有用〔〕",
    ),
    rule(
        "QD302",
        "doc-number-year",
        Citations,
        Error,
        "a document number's year is not four digits in range, or stands outside the brackets",
        "文号年份不是范围内的四位数字，或写在了括号外",
    ),
    rule(
        "QD303",
        "doc-number-form",
        Citations,
        Warning,
        "a document number has 第, leading zeros, no 号, or an order number without 第",
        "文号有“第”、前导零或缺“号”，或令号缺“第”",
    ),
    rule(
        "QD304",
        "mixed-numerals",
        Citations,
        Warning,
        "Chinese and Arabic numerals mixed in one number",
        "同一编号中混用汉字数字和阿拉伯数字",
    ),
    rule(
        "QD305",
        "unbalanced-brackets",
        Citations,
        Error,
        "《》, （）, “” or 〔〕 do not balance in a field",
        "字段中的《》、（）、“”或〔〕不成对",
    ),
    rule(
        "QD306",
        "nested-title-marks",
        Citations,
        Warning,
        "《 inside 《》 where 〈〉 belongs",
        "《》中又用《，应当用〈〉",
    ),
    rule(
        "QD307",
        "citation-tag-mismatch",
        Citations,
        Warning,
        "the 【tag】 disagrees with the kind of instrument cited",
        "【标签】与所引规范的类别不符",
    ),
    rule(
        "QD308",
        "article-out-of-range",
        Citations,
        Error,
        "an article beyond the law's article count",
        "条号超出该法律的条数",
    ),
    rule(
        "QD309",
        "article-mismatch",
        Citations,
        Warning,
        "the quoted text belongs to another article of the law",
        "引文属于该法律的另一条",
    ),
    rule("QD401", "residual-html", Text, Warning, "HTML tags or entities in text", "文字中有 HTML 标签或实体"),
    rule("QD402", "literal-escape", Text, Warning, "a literal \\n or \\t in text", "文字中有字面的 \\n 或 \\t"),
    rule(
        "QD403",
        "layout-space",
        Text,
        Warning,
        "justification spaces between CJK characters or CJK and digits",
        "汉字之间、汉字与数字之间的排版空格",
    ),
    rule("QD404", "halfwidth-punctuation", Text, Warning, "ASCII punctuation in CJK text", "中文中的半角标点"),
    rule(
        "QD405",
        "compat-ideograph",
        Text,
        Warning,
        "a Kangxi radical or compatibility ideograph for a unified ideograph",
        "用康熙部首或兼容汉字代替了统一汉字",
    ),
];

/// Stands in for a name missing from [`RULES`]; a test keeps every name used registered.
pub static UNREGISTERED: RuleMeta =
    rule("QP000", "internal", Parse, Warning, "a finding without a registered rule", "没有登记规则的发现");

/// The rule with this kebab-case name.
pub fn by_name(name: &str) -> Option<&'static RuleMeta> {
    RULES.iter().find(|r| r.name == name)
}

/// Whether `fmt` can fix what the rule finds.
pub fn is_fixable(code: &str) -> bool {
    matches!(code, "QD301" | "QD401" | "QD402" | "QD403" | "QD404" | "QD405")
}

/// The rule with this code (case-insensitive).
pub fn by_code(code: &str) -> Option<&'static RuleMeta> {
    RULES.iter().find(|r| r.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_both_texts() {
        let chinese = |s: &str| s.chars().filter(|&c| crate::text::is_han(c)).count() >= 4;
        for meta in RULES.iter().chain([&UNREGISTERED]) {
            assert!(meta.summary.split_whitespace().count() >= 3, "{}: summary", meta.code);
            assert!(chinese(meta.summary_zh), "{}: summary_zh {:?}", meta.code, meta.summary_zh);
        }
        let rules = crate::rules::all();
        assert_eq!(rules.len(), RULES.iter().filter(|m| m.code.starts_with("QD") && m.code != "QD100").count());
        for rule in rules {
            let doc = rule.doc();
            assert!(doc.explanation.split_whitespace().count() >= 8, "{}: explanation", rule.code());
            assert!(chinese(doc.explanation_zh), "{}: explanation_zh", rule.code());
            for lang in [crate::i18n::Lang::En, crate::i18n::Lang::Zh] {
                let page = crate::rules::render_doc(rule.as_ref(), lang);
                assert!(page.contains(rule.code()) && page.contains(doc.bad) && page.contains(doc.good));
            }
        }
    }

    #[test]
    fn codes_and_names_are_unique() {
        for (i, a) in RULES.iter().enumerate() {
            for b in &RULES[i + 1..] {
                assert_ne!(a.code, b.code);
                assert_ne!(a.name, b.name);
            }
            assert!(a.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        }
    }

    #[test]
    fn change_kinds_name_and_code_the_same_registered_rule() {
        for k in crate::normalize::ChangeKind::ALL {
            assert_eq!(k.rule_name().and_then(by_name).map(|m| m.code), k.rule_code());
            if let Some(name) = k.rule_name() {
                assert!(by_name(name).is_some(), "{name}");
            }
            if let Some(code) = k.rule_code() {
                assert!(is_fixable(code));
            }
        }
    }
}
