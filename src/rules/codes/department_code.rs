//! QD206 department-code.

use crate::rules::{Context, Finding, Rule, RuleDoc};
use std::collections::HashMap;

/// The code's department part differs from the rest of the document.
pub struct DepartmentCode;

static DOC: RuleDoc = RuleDoc {
    explanation: "A list is one department's: the department part of its codes (36 for 医疗保障 in both provinces' lists) is the same throughout. A code with another department part was copied from another list.",
    explanation_zh: "一份清单属于一个部门：编码中的部门代码（两省清单中医疗保障都是 36）应当处处相同。部门代码不同的编码是从别的清单抄来的。",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n  - item: 乙\n    code: \"3700000236010\"\n    type: 行政处罚\n  - item: 丙\n    code: \"3700000212011\"\n    type: 行政处罚\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n  - item: 乙\n    code: \"3700000236010\"\n    type: 行政处罚\n  - item: 丙\n    code: \"3700000236011\"\n    type: 行政处罚\n",
};

impl Rule for DepartmentCode {
    fn code(&self) -> &'static str {
        "QD206"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(p) = cx.profile else { return };
        let Some([start, end]) = p.segments.department else { return };
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (_, item) in cx.items() {
            if p.fits(&item.code) {
                if let Some(d) = p.department(&item.code) {
                    *counts.entry(d).or_default() += 1;
                }
            }
        }
        let total: usize = counts.values().sum();
        let Some((&majority, &n)) = counts.iter().max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k))) else { return };
        // Only a clear majority says what the department is.
        if n * 2 <= total {
            return;
        }
        for (i, item) in cx.items() {
            if !p.fits(&item.code) {
                continue;
            }
            if let Some(d) = p.department(&item.code) {
                if d != majority {
                    out.push(
                        Finding::new(
                            format!("items[{i}].code"),
                            Some(i),
                            crate::tr!(
                                "department part {d} differs from the list's {majority}",
                                "部门代码 {d} 与清单中多数事项的 {majority} 不同"
                            ),
                        )
                        .part(start..end),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::DepartmentCode);
    }
}
