//! QD203 code-checksum.

use crate::rules::{Context, Finding, Rule, RuleDoc};

/// The check characters of the unified social credit code are wrong.
pub struct CodeChecksum;

const USCC_CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// The check character of an 18-character unified social credit code
/// (GB 32100-2015), from its first 17; `None` for a bad character.
pub fn uscc_check(code: &str) -> Option<char> {
    let mut sum = 0;
    for (c, w) in code.chars().take(17).zip(USCC_WEIGHTS) {
        sum += USCC_CHARS.find(c)? as u32 * w;
    }
    USCC_CHARS.chars().nth(((31 - sum % 31) % 31) as usize)
}

/// The check character of a 9-character organisation code (GB 11714), from its first 8.
pub fn org_code_check(code: &str) -> Option<char> {
    let mut sum = 0;
    for (c, w) in code.chars().take(8).zip(ORG_WEIGHTS) {
        let v = c.to_digit(36)?;
        sum += v * w;
    }
    Some(match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        d => char::from_digit(d, 10)?,
    })
}

static DOC: RuleDoc = RuleDoc {
    explanation: "A Gansu code begins with the issuing body's unified social credit code, whose last character is a check over the first 17, and whose characters 9 to 17 are an organisation code with its own check. A wrong check means a mistyped character; real codes occasionally fail, so this is a warning.",
    explanation_zh: "甘肃的编码以实施机关的统一社会信用代码开头，其最后一位是对前 17 位的校验，第 9 至 17 位是组织机构代码，另有自己的校验位。校验不符说明有字符录错；真实编码偶尔也不符，所以只作警告。",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"11620500MB161709683620236001000\"\n    type: 行政处罚\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"11620500MB161709673620236001000\"\n    type: 行政处罚\n",
};

impl Rule for CodeChecksum {
    fn code(&self) -> &'static str {
        "QD203"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(p) = cx.profile else { return };
        let Some([start, _]) = p.uscc else { return };
        for (i, item) in cx.items() {
            if !p.fits(&item.code) {
                continue;
            }
            let Some(uscc) = p.uscc(&item.code) else { continue };
            let path = format!("items[{i}].code");
            let org = uscc.get(8..17).unwrap_or_default();
            if let (Some(expected), Some(actual)) = (org_code_check(org), org.chars().nth(8)) {
                if expected != actual {
                    out.push(
                        Finding::new(
                            path.clone(),
                            Some(i),
                            crate::tr!(
                                "organisation code {org}: check character is {actual}, should be {expected}",
                                "组织机构代码 {org}：校验码为 {actual}，应为 {expected}"
                            ),
                        )
                        .part(start + 16..start + 17),
                    );
                }
            }
            if let (Some(expected), Some(actual)) = (uscc_check(uscc), uscc.chars().nth(17)) {
                if expected != actual {
                    out.push(
                        Finding::new(
                            path,
                            Some(i),
                            crate::tr!(
                                "social credit code {uscc}: check character is {actual}, should be {expected}",
                                "统一社会信用代码 {uscc}：校验码为 {actual}，应为 {expected}"
                            ),
                        )
                        .part(start + 17..start + 18),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&CodeChecksum);
    }

    #[test]
    fn checks_of_real_codes() {
        assert_eq!(uscc_check("11620500MB1617096"), Some('7'));
        assert_eq!(uscc_check("11620725MB1728597"), Some('R'));
        assert_eq!(org_code_check("MB161709"), Some('6'));
        assert_eq!(org_code_check("MB172859"), Some('7'));
    }
}
