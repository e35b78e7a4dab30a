//! QD301 doc-number-brackets.

use crate::normalize::doc_number_brackets;
use crate::rules::{RuleDoc, Value, ValueFinding, ValueRule};
use crate::text::Text;

/// A document number's year is not in 〔〕.
pub struct DocNumberBrackets;

static DOC: RuleDoc = RuleDoc {
    explanation: "GB/T 9704-2012 writes the year of a 发文字号 in 〔〕 (U+3014, U+3015): 人社厅发〔2016〕94号. Square brackets, 【】, ﹝﹞ or （） are typing habits that break search and comparison. fmt puts them right.",
    explanation_zh: "按 GB/T 9704-2012，发文字号的年份用六角括号〔〕（U+3014、U+3015）：人社厅发〔2016〕94号。方括号、【】、﹝﹞或（）是录入习惯，会妨碍检索和比对。fmt 会改正。",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 关于做好工作的通知\n        doc_number: 人社部[2016]120号\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 关于做好工作的通知\n        doc_number: 人社部〔2016〕120号\n",
};

impl ValueRule for DocNumberBrackets {
    fn code(&self) -> &'static str {
        "QD301"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check_value(&self, value: &Value, out: &mut Vec<ValueFinding>) {
        let t = value;
        for c in super::doc_numbers(value) {
            let (open, year, close) = (c.get(2).expect("group"), &c[3], c.get(4).expect("group"));
            if c[7].is_empty() || year.len() != 4 || (open.as_str() == "〔" && close.as_str() == "〕") {
                continue;
            }
            let fixed = doc_number_brackets(Text::from_source(t.text), &mut Vec::new()).into_string();
            out.push(
                ValueFinding::new(crate::tr!(
                    "document number year in {}{} instead of 〔〕",
                    "文号年份用了{}{}，应用〔〕",
                    open.as_str(),
                    close.as_str()
                ))
                .part(open.start()..close.end())
                .fix(fixed),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::DocNumberBrackets);
    }
}
