//! QD201 code-length.

use crate::rules::{Context, Finding, Rule, RuleDoc};

/// The code's shape does not fit the document's profile.
pub struct CodeLength;

static DOC: RuleDoc = RuleDoc {
    explanation: "Codes follow their province's grammar: Shandong's are 13 digits, Gansu's 31 characters of the social-credit-code alphabet. The profile is the one most of the list's codes fit (or the one configured). A code of another length, or with characters outside the alphabet, was cut, doubled or mistyped.",
    explanation_zh: "编码遵循所在省份的规则：山东为 13 位数字，甘肃为 31 位统一社会信用代码字符。所用配置是清单中多数编码符合的那一个（或配置文件指定的）。长度不同或含有其他字符的编码是被截断、重复或录错了。",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"11620500MB161709673620236001000\"\n    type: 行政处罚\n  - item: 乙\n    code: \"11620500MB1673620836001000\"\n    type: 行政奖励\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"11620500MB161709673620236001000\"\n    type: 行政处罚\n  - item: 乙\n    code: \"11620500MB161709673620836001000\"\n    type: 行政奖励\n",
};

impl Rule for CodeLength {
    fn code(&self) -> &'static str {
        "QD201"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(p) = cx.profile else { return };
        for (i, item) in cx.items() {
            let code = &*item.code;
            if code.is_empty() || p.fits(code) {
                continue;
            }
            let n = code.chars().count();
            let path = format!("items[{i}].code");
            if in_number_notation(code) {
                out.push(Finding::new(
                    path,
                    Some(i),
                    crate::tr!(
                        "code `{code}` is in a spreadsheet's number notation: the sheet stored it as a number and lost its digits; take it from the source document",
                        "编码 `{code}` 是电子表格的数字记法：表格把它存为数字，丢了其中的数位；请从原文件中取回编码"
                    ),
                ));
            } else if n != p.length {
                out.push(Finding::new(
                    path,
                    Some(i),
                    crate::tr!(
                        "code has {n} characters; the {} profile wants {}",
                        "编码有 {n} 位；{} 配置要求 {} 位",
                        p.name,
                        p.length
                    ),
                ));
            } else {
                let bad = p.bad_chars(code);
                let chars: String = bad.iter().map(|r| &code[r.clone()]).collect();
                let mut f = Finding::new(
                    path,
                    Some(i),
                    crate::tr!(
                        "code holds `{chars}`, outside the {} profile's characters",
                        "编码含有 `{chars}`，不在 {} 配置允许的字符之内",
                        p.name
                    ),
                );
                if let Some(first) = bad.first() {
                    f = f.part(first.clone());
                }
                out.push(f);
            }
        }
    }
}

/// A code a spreadsheet stored as a number and printed as one: `3.70000E+12`.
fn in_number_notation(code: &str) -> bool {
    let Some((mantissa, exponent)) = code.split_once(['E', 'e']) else { return false };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, "0"));
    digits(whole) && digits(fraction) && digits(exponent.trim_start_matches('+'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::CodeLength);
    }

    #[test]
    fn a_code_in_number_notation_is_named_as_such() {
        let found = crate::rules::testing::run(
            &super::CodeLength,
            "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n  - item: 乙\n    code: \"3.70000E+12\"\n    type: 行政处罚\n",
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].message.en.contains("number notation"), "{:?}", found[0].message);
        assert!(super::in_number_notation("3.7E+12") && super::in_number_notation("37e12"));
        assert!(!super::in_number_notation("11620500MB161709673620236001000"));
        assert!(!super::in_number_notation("E+12"));
    }
}
