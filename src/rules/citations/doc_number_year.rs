//! QD302 doc-number-year.

use crate::rules::{RuleDoc, Value, ValueFinding, ValueRule};
use regex::Regex;
use std::sync::LazyLock;

/// A document number's year is not four digits in 1949 to this year, or
/// stands outside the brackets.
pub struct DocNumberYear;

/// `2017年鲁人社规14号`: the year written before the agency, not in brackets.
static YEAR_OUTSIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4})年([\p{Han}]{2,10}?(?:发|规|字|函|办|通))([0-9]+)号").expect("valid pattern")
});

static DOC: RuleDoc = RuleDoc {
    explanation: "The year of a 发文字号 is four digits, from 1949 to this year, inside 〔〕 after the agency: 民发〔2017〕101号. `〔20017〕` has a digit too many; `2017年鲁人社规14号` puts the year outside.",
    explanation_zh: "发文字号的年份是四位数字，在 1949 年到今年之间，写在机关代字后的〔〕内：民发〔2017〕101号。`〔20017〕` 多了一位；`2017年鲁人社规14号` 把年份写在了外面。",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 关于做好工作的通知\n        doc_number: 民发〔20017〕101号\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 关于做好工作的通知\n        doc_number: 民发〔2017〕101号\n",
};

impl ValueRule for DocNumberYear {
    fn code(&self) -> &'static str {
        "QD302"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check_value(&self, value: &Value, out: &mut Vec<ValueFinding>) {
        let t = value;
        if !super::has_digit(t.text) {
            return;
        }
        for c in super::doc_numbers(value) {
            if c[7].is_empty() {
                continue;
            }
            let year = c.get(3).expect("group");
            let value: i32 = year.as_str().parse().unwrap_or(0);
            if year.as_str().len() != 4 || !(1949..=t.this_year).contains(&value) {
                out.push(
                    ValueFinding::new(crate::tr!(
                        "document number year {} is not a year from 1949 to {}",
                        "文号年份 {} 不在 1949 至 {} 年之间",
                        year.as_str(),
                        t.this_year
                    ))
                    .part(year.range()),
                );
            }
        }
        for c in YEAR_OUTSIDE.captures_iter(t.text) {
            let m = c.get(0).expect("match");
            out.push(
                ValueFinding::new(crate::tr!(
                    "year written outside the brackets: `{}` should read {}〔{}〕{}号",
                    "年份写在了括号外：`{}` 应为 {}〔{}〕{}号",
                    m.as_str(),
                    &c[2],
                    &c[1],
                    &c[3]
                ))
                .part(m.range()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::run;

    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::DocNumberYear);
    }

    #[test]
    fn year_outside_brackets() {
        let f =
            run(&super::DocNumberYear, "qingdan: 1\nitems:\n  - item: 甲\n    remarks: 依据2017年鲁人社规14号执行\n");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.en.contains("鲁人社规〔2017〕14号"));
    }
}
