//! QD306 nested-title-marks.

use crate::rules::{RuleDoc, Value, ValueFinding, ValueRule};

/// 《 inside 《》, where 〈〉 belongs.
pub struct NestedTitleMarks;

static DOC: RuleDoc = RuleDoc {
    explanation: "A title inside a title takes 〈〉: 《关于修改〈社会保险法〉的决定》. `《《…》》` and `《关于印发《…》的通知》` are defects of typing.",
    explanation_zh: "书名中的书名用〈〉：《关于修改〈社会保险法〉的决定》。`《《……》》` 和 `《关于印发《……》的通知》` 是录入的差错。",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 关于印发《济南市医疗保障办法》的通知\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 关于印发〈济南市医疗保障办法〉的通知\n",
};

impl ValueRule for NestedTitleMarks {
    fn code(&self) -> &'static str {
        "QD306"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check_value(&self, value: &Value, out: &mut Vec<ValueFinding>) {
        let t = value;
        // A title is what stood inside the outermost 《》: any mark in it is nested.
        let mut depth = usize::from(t.field == "title");
        for (i, c) in t.text.char_indices() {
            match c {
                '《' => {
                    if depth >= 1 {
                        out.push(
                            ValueFinding::new(crate::tr!(
                                "《 inside a title: a title within a title takes 〈〉",
                                "书名号内又有《：书名中的书名应用〈〉"
                            ))
                            .part(i..i + c.len_utf8()),
                        );
                        break;
                    }
                    depth += 1;
                }
                '》' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::NestedTitleMarks);
    }
}
