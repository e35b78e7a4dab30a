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
) -> RuleMeta {
    RuleMeta { code, name, family, severity, summary }
}

use Family::*;
use Severity::*;

/// Every rule, by code.
pub static RULES: &[RuleMeta] = &[
    rule("QP001", "missing-header", Parse, Warning, "no header row was found; columns were recognised from content"),
    rule("QP002", "code-reassembled", Parse, Info, "a code was put together from pieces on several lines"),
    rule("QP003", "scrambled-cell", Parse, Warning, "a cell read column-major was recovered, or could not be"),
    rule("QP004", "unassigned-text", Parse, Warning, "text that could not be placed in any field"),
    rule("QP005", "page-furniture", Parse, Info, "page numbers and running heads removed"),
    rule("QP006", "header-row", Parse, Info, "a header row, recognised and set aside"),
    rule("QP007", "missing-code", Parse, Error, "an item whose code could not be found"),
    rule("QP008", "malformed-bytes", Parse, Warning, "bytes invalid in the detected encoding, replaced"),
    rule("QP009", "section-heading", Parse, Info, "a section heading, recognised and kept in each item's section"),
    rule(
        "QD100",
        "invalid-list",
        Structure,
        Error,
        "the file is not a list of the format: YAML syntax, an unknown key, a wrong type or version",
    ),
    rule("QD101", "missing-field", Structure, Error, "an item lacks item, code or type"),
    rule("QD102", "duplicate-code", Structure, Error, "two items share a code"),
    rule("QD103", "seq-order", Structure, Warning, "序号 duplicated, skipped or out of order"),
    rule("QD104", "missing-seq", Structure, Warning, "an item has no 序号 while others do"),
    rule("QD105", "empty-legal-basis", Structure, Error, "an item cites no legal basis"),
    rule("QD106", "unknown-type", Structure, Error, "the type is not in the national list nor 公共服务"),
    rule("QD107", "sub-code-parent", Structure, Error, "a sub-item's code does not extend its item's code"),
    rule("QD201", "code-length", Codes, Error, "the code's shape does not fit its profile"),
    rule("QD202", "code-region", Codes, Error, "the code's GB/T 2260 region prefix does not exist"),
    rule("QD203", "code-checksum", Codes, Warning, "the USCC or organisation-code check character is wrong"),
    rule("QD204", "type-code-mismatch", Codes, Error, "the code's type digits disagree with the printed type"),
    rule(
        "QD205",
        "code-level-mismatch",
        Codes,
        Warning,
        "the code's level digit disagrees with the tier or department",
    ),
    rule("QD206", "department-code", Codes, Warning, "the code's department part differs from the document's majority"),
    rule("QD301", "doc-number-brackets", Citations, Warning, "a document number's year is not in 〔〕"),
    rule(
        "QD302",
        "doc-number-year",
        Citations,
        Error,
        "a document number's year is not four digits in range, or stands outside the brackets",
    ),
    rule(
        "QD303",
        "doc-number-form",
        Citations,
        Warning,
        "a document number has 第, leading zeros, no 号, or an order number without 第",
    ),
    rule("QD304", "mixed-numerals", Citations, Warning, "Chinese and Arabic numerals mixed in one number"),
    rule("QD305", "unbalanced-brackets", Citations, Error, "《》, （）, “” or 〔〕 do not balance in a field"),
    rule("QD306", "nested-title-marks", Citations, Warning, "《 inside 《》 where 〈〉 belongs"),
    rule(
        "QD307",
        "citation-tag-mismatch",
        Citations,
        Warning,
        "the 【tag】 disagrees with the kind of instrument cited",
    ),
    rule("QD308", "article-out-of-range", Citations, Error, "an article beyond the law's article count"),
    rule("QD309", "article-mismatch", Citations, Warning, "the quoted text belongs to another article of the law"),
    rule("QD401", "residual-html", Text, Warning, "HTML tags or entities in text"),
    rule("QD402", "literal-escape", Text, Warning, "a literal \\n or \\t in text"),
    rule("QD403", "layout-space", Text, Warning, "justification spaces between CJK characters or CJK and digits"),
    rule("QD404", "halfwidth-punctuation", Text, Warning, "ASCII punctuation in CJK text"),
    rule(
        "QD405",
        "compat-ideograph",
        Text,
        Warning,
        "a Kangxi radical or compatibility ideograph for a unified ideograph",
    ),
];

/// Stands in for a name missing from [`RULES`]; a test keeps every name used registered.
pub static UNREGISTERED: RuleMeta = rule("QP000", "internal", Parse, Warning, "a finding without a registered rule");

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
