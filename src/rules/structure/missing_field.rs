//! QD101 missing-field.

use crate::rules::{Context, Finding, Rule, RuleDoc};

/// An item lacks its name, code or type.
pub struct MissingField;

static DOC: RuleDoc = RuleDoc {
    explanation: "Every item needs `item` (事项名称), `code` (事项编码) and `type` (事项类型): without them it cannot be found, matched or checked.",
    explanation_zh: "每个事项都需要 `item`（事项名称）、`code`（事项编码）和 `type`（事项类型）：缺了它们，事项就无法查找、匹配和检查。",
    bad: "qingdan: 1\nitems:\n  - item: 对骗取医保基金支出的处罚\n    type: 行政处罚\n",
    good: "qingdan: 1\nitems:\n  - item: 对骗取医保基金支出的处罚\n    code: \"3700000236009\"\n    type: 行政处罚\n",
};

impl Rule for MissingField {
    fn code(&self) -> &'static str {
        "QD101"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, item) in cx.items() {
            for (key, value, name) in
                [("item", &item.item, "事项名称"), ("code", &item.code, "事项编码"), ("type", &item.kind, "事项类型")]
            {
                if value.trim().is_empty() {
                    out.push(Finding::new(
                        format!("items[{i}].{key}"),
                        Some(i),
                        crate::tr!("item has no `{key}` ({name})", "事项缺少 `{key}`（{name}）"),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::MissingField);
    }
}
