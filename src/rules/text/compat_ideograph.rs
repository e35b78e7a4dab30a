//! QD405 compat-ideograph.

use super::check_with_pass;
use crate::normalize::{ideographs, may_hold_compat_ideographs, ChangeKind};
use crate::rules::{RuleDoc, Value, ValueFinding, ValueRule};

/// Finds a radical or compatibility ideograph in text values.
pub struct CompatIdeograph;

static DOC: RuleDoc = RuleDoc {
    explanation: "PDF extraction often gives Kangxi radicals (⼈ U+2F08) or CJK compatibility ideographs for ordinary characters. They look the same but compare, sort and search differently. fmt maps them to the unified ideographs (⼾ becomes 户).",
    explanation_zh: "PDF 提取常把普通汉字提取成康熙部首（⼈ U+2F08）或 CJK 兼容汉字。它们看起来一样，但比较、排序和检索时并不相同。fmt 会把它们改为统一汉字（⼾ 改为 户）。",
    bad: "qingdan: 1\nitems:\n  - item: 参保⼈员的医疗费⽤\n    code: \"3700000236009\"\n    type: 行政处罚\n",
    good: "qingdan: 1\nitems:\n  - item: 参保人员的医疗费用\n    code: \"3700000236009\"\n    type: 行政处罚\n",
};

impl ValueRule for CompatIdeograph {
    fn code(&self) -> &'static str {
        "QD405"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check_value(&self, value: &Value, out: &mut Vec<ValueFinding>) {
        check_with_pass(
            value,
            out,
            ChangeKind::CompatIdeograph,
            (may_hold_compat_ideographs, ideographs),
            ("a radical or compatibility ideograph", "部首或兼容汉字"),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::CompatIdeograph);
    }
}
