//! QD104 missing-seq.

use crate::rules::{Context, Finding, Rule, RuleDoc};

/// An item has no 序号 while the list's other items do.
pub struct MissingSeq;

static DOC: RuleDoc = RuleDoc {
    explanation: "When a list numbers its items, an item without 序号 lost its number in extraction or was added without one.",
    explanation_zh: "清单为事项编了序号时，没有序号的事项是在提取中丢了序号，或是后来添加时没有编号。",
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
                    crate::tr!(
                        "item has no 序号 while other items of the list do",
                        "本事项没有序号，而清单中其他事项有"
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
        crate::rules::testing::check_examples(&super::MissingSeq);
    }
}
