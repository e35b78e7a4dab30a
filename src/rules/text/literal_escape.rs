//! QD402 literal-escape.

use super::check_with_pass;
use crate::normalize::{literal_escapes, may_hold_escapes, ChangeKind};
use crate::rules::{RuleDoc, Value, ValueFinding, ValueRule};

/// Finds a literal escape sequence in text values.
pub struct LiteralEscape;

static DOC: RuleDoc = RuleDoc {
    explanation: "An export that wrote line breaks as the two characters `\\n` leaves them in the text. fmt turns them back into what they stood for.",
    explanation_zh: "把换行写成 `\\n` 两个字符的导出会把它们留在文字里。fmt 会把它们还原成原本代表的字符。",
    bad: "qingdan: 1\nitems:\n  - item: 和管理情况进行审计。\\n第三十三条\n    code: \"3700000236009\"\n    type: 行政处罚\n",
    good: "qingdan: 1\nitems:\n  - item: 和管理情况进行审计。第三十三条\n    code: \"3700000236009\"\n    type: 行政处罚\n",
};

impl ValueRule for LiteralEscape {
    fn code(&self) -> &'static str {
        "QD402"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check_value(&self, value: &Value, out: &mut Vec<ValueFinding>) {
        check_with_pass(
            value,
            out,
            ChangeKind::LiteralEscape,
            (may_hold_escapes, literal_escapes),
            ("a literal escape sequence", "字面转义序列"),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::LiteralEscape);
    }
}
