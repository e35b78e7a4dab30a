//! QD107 sub-code-parent.

use crate::rules::{Context, Finding, Rule, RuleDoc};

/// A sub-item's code does not extend its item's code.
pub struct SubCodeParent;

static DOC: RuleDoc = RuleDoc {
    explanation: "A 子项编码 is its item's code with the sub-item part filled in: everything before the sub-item part must be the item's. A sub-code that differs there belongs to another item.",
    explanation_zh: "子项编码是在所属事项编码的基础上填入子项部分：子项部分之前的各位必须与事项编码相同。在这部分不同的子项编码属于别的事项。",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    sub_item: 甲之一\n    code: \"11620500MB161709673620236001000\"\n    sub_code: \"11620500MB161709673620236002001\"\n    type: 行政处罚\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    sub_item: 甲之一\n    code: \"11620500MB161709673620236001000\"\n    sub_code: \"11620500MB161709673620236001001\"\n    type: 行政处罚\n",
};

impl Rule for SubCodeParent {
    fn code(&self) -> &'static str {
        "QD107"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, item) in cx.items() {
            if item.sub_code.is_empty() || item.code.is_empty() {
                continue;
            }
            // The parent part: up to the profile's sub-item part, else the whole code.
            let prefix_len = cx.profile.and_then(|p| p.segments.sub).map_or(item.code.len(), |[start, _]| start);
            let ok = item.code.get(..prefix_len).is_some_and(|prefix| item.sub_code.starts_with(prefix))
                && item.sub_code != item.code;
            if !ok {
                out.push(Finding::new(
                    format!("items[{i}].sub_code"),
                    Some(i),
                    crate::tr!(
                        "sub-code {} does not extend the item's code {}",
                        "子项编码 {} 不是在事项编码 {} 之后延伸的",
                        item.sub_code,
                        item.code
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::SubCodeParent);
    }
}
