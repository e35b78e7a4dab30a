//! QD401 residual-html.

use super::check_with_pass;
use crate::normalize::{html, may_hold_html, ChangeKind};
use crate::rules::{RuleDoc, Value, ValueFinding, ValueRule};

/// Finds HTML tags or entities in text values.
pub struct ResidualHtml;

static DOC: RuleDoc = RuleDoc {
    explanation: "HTML left in a cell by a web export (`<p>`, `&ldquo;`) is not text: it hides the words from search and comparison. fmt removes tags and decodes entities.",
    explanation_zh: "网页导出在单元格中留下的 HTML（`<p>`、`&ldquo;`）不是文字：它让检索和比对找不到其中的词句。fmt 会去掉标签并解码实体。",
    bad: "qingdan: 1\nitems:\n  - item: 对医保定点医药机构<p>骗取医保基金支出的处罚</p>\n    code: \"3700000236009\"\n    type: 行政处罚\n",
    good: "qingdan: 1\nitems:\n  - item: 对医保定点医药机构骗取医保基金支出的处罚\n    code: \"3700000236009\"\n    type: 行政处罚\n",
};

impl ValueRule for ResidualHtml {
    fn code(&self) -> &'static str {
        "QD401"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check_value(&self, value: &Value, out: &mut Vec<ValueFinding>) {
        check_with_pass(
            value,
            out,
            ChangeKind::Html,
            (may_hold_html, html),
            ("HTML tags or entities", "HTML 标签或实体"),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::ResidualHtml);
    }
}
