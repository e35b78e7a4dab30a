//! QD403 layout-space.

use super::check_with_pass;
use crate::normalize::{layout_spaces, may_hold_layout_spaces, ChangeKind};
use crate::rules::{RuleDoc, Value, ValueFinding, ValueRule};

/// Finds justification spaces in text values.
pub struct LayoutSpace;

static DOC: RuleDoc = RuleDoc {
    explanation: "PDF extraction spreads justified Chinese text with spaces (`对 医 疗 保`, `2018 年 12 月`). Chinese has no spaces between words: they are layout, and they break search and comparison. fmt removes them.",
    explanation_zh: "PDF 提取会用空格撑开两端对齐的中文（`对 医 疗 保`、`2018 年 12 月`）。中文词间没有空格：这些空格只是排版，会妨碍检索和比对。fmt 会去掉它们。",
    bad: "qingdan: 1\nitems:\n  - item: 对 医 疗 保 险 经 办 机 构 的 处 罚\n    code: \"3700000236009\"\n    type: 行政处罚\n",
    good: "qingdan: 1\nitems:\n  - item: 对医疗保险经办机构的处罚\n    code: \"3700000236009\"\n    type: 行政处罚\n",
};

impl ValueRule for LayoutSpace {
    fn code(&self) -> &'static str {
        "QD403"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check_value(&self, value: &Value, out: &mut Vec<ValueFinding>) {
        check_with_pass(
            value,
            out,
            ChangeKind::LayoutSpace,
            (may_hold_layout_spaces, layout_spaces),
            ("justification spaces", "排版空格"),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::LayoutSpace);
    }
}
