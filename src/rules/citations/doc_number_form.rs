//! QD303 doc-number-form.

use crate::rules::{RuleDoc, Value, ValueFinding, ValueRule};
use regex::Regex;
use std::sync::LazyLock;

/// A document number with 第, leading zeros or no 号, or an order number without 第.
pub struct DocNumberForm;

/// `国务院令149号`: an order (令) number needs 第.
static ORDER_WITHOUT_DI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{Han}+令[ \t]*([0-9]+)[ \t]*号").expect("valid pattern"));

static DOC: RuleDoc = RuleDoc {
    explanation: "A 发文字号 is 机关代字〔年份〕序号号: no 第 before the number, no leading zeros, and 号 at the end. An order (令) number is the other way round: 国务院令第149号, with 第.",
    explanation_zh: "发文字号的格式是“机关代字〔年份〕序号号”：序号前不加“第”，不加前导零，末尾有“号”。令号正好相反：国务院令第149号，要有“第”。",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 社会救助暂行办法\n        doc_number: 国务院令149号\n      - title: 关于做好工作的通知\n        doc_number: 鲁医保发〔2019〕第05号\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 社会救助暂行办法\n        doc_number: 国务院令第149号\n      - title: 关于做好工作的通知\n        doc_number: 鲁医保发〔2019〕5号\n",
};

impl ValueRule for DocNumberForm {
    fn code(&self) -> &'static str {
        "QD303"
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
            let m = c.get(0).expect("match");
            if c[3].len() != 4 {
                continue; // not a year: the year rule speaks of it
            }
            let number = c.get(6).expect("group");
            if !c[5].is_empty() {
                out.push(
                    ValueFinding::new(crate::tr!("document number has 第 before its number", "文号的序号前多了“第”"))
                        .part(c.get(5).expect("group").range()),
                );
            }
            if number.as_str().len() > 1 && number.as_str().starts_with('0') {
                out.push(
                    ValueFinding::new(crate::tr!(
                        "document number {} has leading zeros",
                        "文号序号 {} 有前导零",
                        number.as_str()
                    ))
                    .part(number.range()),
                );
            }
            let after = &t.text[m.end()..];
            if c[7].is_empty()
                && !after.starts_with(|ch: char| ch.is_ascii_digit())
                && (t.field == "doc_number" || after.is_empty())
            {
                out.push(ValueFinding::new(crate::tr!("document number lacks 号", "文号缺少“号”")).part(m.range()));
            }
        }
        for c in ORDER_WITHOUT_DI.captures_iter(t.text) {
            let m = c.get(0).expect("match");
            out.push(
                ValueFinding::new(crate::tr!("order number `{}` lacks 第", "令号 `{}` 缺少“第”", m.as_str()))
                    .part(m.range()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::DocNumberForm);
    }
}
