//! QD104 missing-seq.

use crate::rules::{Context, Finding, Rule, RuleDoc};

/// An item has no 序号 while the list's other items do.
pub struct MissingSeq;

static DOC: RuleDoc = RuleDoc {
    explanation: "When a list numbers its items, an item without 序号 lost its number in extraction or was added without one.",
    bad: "qingdan: 1\nitems:\n  - seq: 1\n    item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n  - item: 乙\n    code: \"3700000236010\"\n    type: 行政处罚\n",
    good: "qingdan: 1\nitems:\n  - seq: 1\n    item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n  - seq: 2\n    item: 乙\n    code: \"3700000236010\"\n    type: 行政处罚\n",
};

impl Rule for MissingSeq {
    fn code(&self) -> &'static str {
        "QD104"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let numbered = cx.list.items.iter().filter(|i| i.seq.is_some()).count();
        if numbered == 0 {
            return;
        }
        for (i, item) in cx.items() {
            if item.seq.is_none() {
                out.push(Finding::new(
                    format!("items[{i}]"),
                    Some(i),
                    "item has no 序号 while other items of the list do",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::MissingSeq);
    }
}
