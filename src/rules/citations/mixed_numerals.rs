//! QD304 mixed-numerals.

use crate::rules::{RuleDoc, Value, ValueFinding, ValueRule};
use regex::Regex;
use std::sync::LazyLock;

/// Chinese and Arabic numerals mixed in one number, or Arabic in an article number.
pub struct MixedNumerals;

static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"第([一二三四五六七八九十百千零〇两0-9]+)([条款项章节号])").expect("valid pattern"));

static DOC: RuleDoc = RuleDoc {
    explanation: "Article numbers are Chinese numerals (第八十七条); order numbers are one system or the other (国务院令第649号). `第六49号` mixes both, and `第87条` writes an article in Arabic: both are slips of extraction or typing.",
    explanation_zh: "条号用汉字数字（第八十七条）；令号只用一种数字（国务院令第649号）。`第六49号` 混用了两种，`第87条` 用阿拉伯数字写条号：都是提取或录入的差错。",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 社会救助暂行办法\n        doc_number: 国务院令第六49号\n        articles: [第87条]\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 社会救助暂行办法\n        doc_number: 国务院令第649号\n        articles: [第八十七条]\n",
};

impl ValueRule for MixedNumerals {
    fn code(&self) -> &'static str {
        "QD304"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check_value(&self, value: &Value, out: &mut Vec<ValueFinding>) {
        let t = value;
        // Both findings need an Arabic digit in the number.
        if !super::has_digit(t.text) {
            return;
        }
        for c in NUMBERED.captures_iter(t.text) {
            let num = &c[1];
            let arabic = num.chars().any(|ch| ch.is_ascii_digit());
            let chinese = num.chars().any(|ch| !ch.is_ascii_digit());
            let m = c.get(0).expect("match");
            if arabic && chinese {
                out.push(
                    ValueFinding::new(crate::tr!(
                        "`{}` mixes Chinese and Arabic numerals",
                        "`{}` 混用了汉字数字和阿拉伯数字",
                        m.as_str()
                    ))
                    .part(m.range()),
                );
            } else if arabic && matches!(&c[2], "条" | "款" | "章" | "节") {
                out.push(
                    ValueFinding::new(crate::tr!(
                        "`{}` writes an article number in Arabic numerals",
                        "`{}` 的条号用了阿拉伯数字",
                        m.as_str()
                    ))
                    .part(m.range()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::MixedNumerals);
    }
}
