//! QD102 duplicate-code.

use crate::rules::{Context, Finding, Rule, RuleDoc};
use std::collections::HashMap;

/// Two items share a code (and sub-code).
pub struct DuplicateCode;

static DOC: RuleDoc = RuleDoc {
    explanation: "A code names one item. Two items with the same code (and the same sub-code) are a copy left in, or a code mistyped.",
    explanation_zh: "一个编码只对应一个事项。两个事项编码相同（子项编码也相同），是多留了一份副本，或编码录错了。",
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
            let key = (&*item.code, &*item.sub_code);
            match seen.get(&key) {
                Some(&first) => {
                    let who = cx.list.items[first].seq.map_or(crate::tr!("item {}", "第 {} 项", first + 1), |s| {
                        crate::i18n::Message::same(format!("序号 {s}"))
                    });
                    out.push(Finding::new(format!("items[{i}].code"), Some(i), {
                        let (code, who_en, who_zh) = (&item.code, who.en, who.zh);
                        crate::tr!("code {code} is already used by {who_en}", "编码 {code} 已被{who_zh}使用")
                    }));
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
