//! QD404 halfwidth-punctuation.

use super::check_with_pass;
use crate::normalize::{may_hold_halfwidth_punctuation, punctuation_width, ChangeKind};
use crate::rules::{RuleDoc, Value, ValueFinding, ValueRule};

/// Finds ASCII punctuation in CJK text in text values.
pub struct HalfwidthPunctuation;

static DOC: RuleDoc = RuleDoc {
    explanation: "Chinese text takes full-width punctuation: ，：；（）？！“”. ASCII commas, colons and parentheses between Chinese characters come from OCR or typing. fmt makes them full width; digits and Latin text keep theirs.",
    explanation_zh: "中文用全角标点：，：；（）？！“”。汉字之间的半角逗号、冒号和括号来自 OCR 或录入。fmt 会改为全角；数字和西文保留原有标点。",
    bad: "qingdan: 1\nitems:\n  - item: 按照属地管理原则,负责本系统跨区域的处罚\n    code: \"3700000236009\"\n    type: 行政处罚\n",
    good: "qingdan: 1\nitems:\n  - item: 按照属地管理原则，负责本系统跨区域的处罚\n    code: \"3700000236009\"\n    type: 行政处罚\n",
};

impl ValueRule for HalfwidthPunctuation {
    fn code(&self) -> &'static str {
        "QD404"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check_value(&self, value: &Value, out: &mut Vec<ValueFinding>) {
        check_with_pass(
            value,
            out,
            ChangeKind::HalfwidthPunctuation,
            (may_hold_halfwidth_punctuation, punctuation_width),
            ("ASCII punctuation in CJK text", "中文中的半角标点"),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::HalfwidthPunctuation);
    }
}
