//! QD102 duplicate-code.

use crate::rules::{Context, Finding, Rule, RuleDoc};
use std::collections::HashMap;

/// Two items share a code (and sub-code).
pub struct DuplicateCode;

static DOC: RuleDoc = RuleDoc {
    explanation: "A code names one item. Two items with the same code (and the same sub-code) are a copy left in, or a code mistyped.",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n  - item: 乙\n    code: \"3700000236009\"\n    type: 行政处罚\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n  - item: 乙\n    code: \"3700000236010\"\n    type: 行政处罚\n",
};

impl Rule for DuplicateCode {
    fn code(&self) -> &'static str {
        "QD102"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for (i, item) in cx.items() {
            if item.code.is_empty() {
                continue;
            }
            let key = (item.code.as_str(), item.sub_code.as_str());
            match seen.get(&key) {
                Some(&first) => {
                    let who = cx.list.items[first].seq.map_or(format!("item {}", first + 1), |s| format!("序号 {s}"));
                    out.push(Finding::new(
                        format!("items[{i}].code"),
                        Some(i),
                        format!("code {} is already used by {who}", item.code),
                    ));
                }
                None => {
                    seen.insert(key, i);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::DuplicateCode);
    }
}
