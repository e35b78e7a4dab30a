//! QD103 seq-order.

use crate::rules::{Context, Finding, Rule, RuleDoc};

/// 序号 duplicated, skipped or out of order within a section.
pub struct SeqOrder;

static DOC: RuleDoc = RuleDoc {
    explanation: "序号 count 1, 2, 3 … within a section (they may restart in each section, or run on through the list). A number repeated, skipped or going backwards means an item was lost, doubled or moved.",
    explanation_zh: "序号在每个分表内按 1、2、3……计数（可以每个分表重新开始，也可以全表连续）。序号重复、跳号或倒退，说明有事项丢失、重复或移位。",
    bad: "qingdan: 1\nitems:\n  - seq: 1\n    item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n  - seq: 3\n    item: 乙\n    code: \"3700000236010\"\n    type: 行政处罚\n",
    good: "qingdan: 1\nitems:\n  - seq: 1\n    item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n  - seq: 2\n    item: 乙\n    code: \"3700000236010\"\n    type: 行政处罚\n",
};

impl Rule for SeqOrder {
    fn code(&self) -> &'static str {
        "QD103"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let mut prev: Option<(u64, &str, &str)> = None;
        for (i, item) in cx.items() {
            let Some(seq) = item.seq else { continue };
            // Spelt out only for a finding: most items have none.
            let path = || format!("items[{i}].seq");
            if let Some((p, section, code)) = prev {
                let same_section = section == item.section;
                let restart = !same_section && seq == 1;
                // Sub-items (子项) of one item share its 序号.
                let sibling = seq == p && code == item.code && item.is_sub_item();
                if !restart && !sibling {
                    if seq == p {
                        out.push(Finding::new(
                            path(),
                            Some(i),
                            crate::tr!("序号 {seq} repeats the item before", "序号 {seq} 与上一事项重复"),
                        ));
                    } else if seq < p {
                        out.push(Finding::new(
                            path(),
                            Some(i),
                            crate::tr!("序号 {seq} comes after {p}", "序号 {seq} 排在 {p} 之后"),
                        ));
                    } else if seq > p + 1 {
                        let missing = if seq == p + 2 {
                            crate::i18n::Message::same(format!("{}", p + 1))
                        } else {
                            crate::tr!("{} to {}", "{} 至 {}", p + 1, seq - 1)
                        };
                        out.push(Finding::new(path(), Some(i), {
                            let (en, zh) = (missing.en, missing.zh);
                            crate::tr!("序号 jumps from {p} to {seq}: {en} missing", "序号从 {p} 跳到 {seq}：缺少 {zh}")
                        }));
                    }
                }
            }
            prev = Some((seq, &*item.section, &*item.code));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::run;

    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::SeqOrder);
    }

    #[test]
    fn sub_items_of_one_item_share_its_number() {
        let sub = |s: &str| format!("  - seq: 1\n    item: 甲\n    sub_item: {s}\n    code: \"3700000236009\"\n");
        let yaml = format!(
            "qingdan: 1\nitems:\n{}{}  - seq: 1\n    item: 乙\n    code: \"3700000236010\"\n",
            sub("子一"),
            sub("子二")
        );
        let f = run(&super::SeqOrder, &yaml);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].path, "items[2].seq");
    }

    #[test]
    fn sections_may_restart_and_lists_may_start_anywhere() {
        let yaml = "qingdan: 1\nitems:\n  - seq: 4160\n    section: 行政处罚\n  - seq: 4161\n    section: 行政处罚\n  - seq: 1\n    section: 行政强制\n  - seq: 1\n    section: 行政强制\n";
        let f = run(&super::SeqOrder, yaml);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].path, "items[3].seq");
    }
}
