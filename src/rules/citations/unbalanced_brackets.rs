//! QD305 unbalanced-brackets.

use crate::rules::{RuleDoc, Value, ValueFinding, ValueRule};

/// 《》, （）, “” or 〔〕 do not balance within a field.
pub struct UnbalancedBrackets;

const PAIRS: [(char, char); 4] = [('《', '》'), ('（', '）'), ('“', '”'), ('〔', '〕')];

static DOC: RuleDoc = RuleDoc {
    explanation: "Within one field, every 《 closes with 》, every （ with ）, every “ with ” and every 〔 with 〕, in order. An unclosed bracket means text was cut off (`（甘政发〔2012〕64号：`) or two fields ran together.",
    explanation_zh: "同一字段内，每个《都要有》、每个（都要有）、每个“都要有”、每个〔都要有〕，且次序相符。括号不闭合说明文字被截断了（`（甘政发〔2012〕64号：`），或两个字段连在了一起。",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 甘肃省医疗保障办法\n        text: （甘政发〔2012〕64号：参保人员的待遇\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 甘肃省医疗保障办法\n        text: （甘政发〔2012〕64号）参保人员的待遇\n",
};

/// The first bracket of `text` that does not balance: its byte range and the char.
pub fn first_unbalanced(text: &str) -> Option<(std::ops::Range<usize>, char)> {
    let mut stack: Vec<(usize, char)> = Vec::new();
    for (i, c) in text.char_indices() {
        if let Some(&(open, _)) = PAIRS.iter().find(|(o, _)| *o == c) {
            stack.push((i, open));
        } else if let Some(&(open, _)) = PAIRS.iter().find(|(_, cl)| *cl == c) {
            match stack.last() {
                Some(&(_, o)) if o == open => {
                    stack.pop();
                }
                // A closing mark of another kind inside: look for its opener deeper.
                _ => {
                    if let Some(pos) = stack.iter().rposition(|&(_, o)| o == open) {
                        let (at, o) = stack[pos + 1];
                        return Some((at..at + o.len_utf8(), o));
                    }
                    return Some((i..i + c.len_utf8(), c));
                }
            }
        }
    }
    stack.first().map(|&(i, c)| (i..i + c.len_utf8(), c))
}

impl ValueRule for UnbalancedBrackets {
    fn code(&self) -> &'static str {
        "QD305"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check_value(&self, value: &Value, out: &mut Vec<ValueFinding>) {
        let t = value;
        if let Some((range, c)) = first_unbalanced(t.text) {
            out.push(
                ValueFinding::new(crate::tr!("`{c}` does not balance in this field", "`{c}` 在此字段中不成对"))
                    .part(range),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&UnbalancedBrackets);
    }

    #[test]
    fn finds_the_culprit() {
        assert_eq!(first_unbalanced("《社会保险法》（2018年修正）"), None);
        assert_eq!(first_unbalanced("（甘政发〔2012〕64号：").map(|r| r.1), Some('（'));
        assert_eq!(first_unbalanced("规定》第三条").map(|r| r.1), Some('》'));
        assert_eq!(first_unbalanced("“立改废”"), None);
    }
}
