//! QD401 residual-html.

use super::check_with_pass;
use crate::normalize::{html, ChangeKind};
use crate::rules::{Context, Finding, Rule, RuleDoc};

/// Finds HTML tags or entities in text values.
pub struct ResidualHtml;

static DOC: RuleDoc = RuleDoc {
    explanation: "HTML left in a cell by a web export (`<p>`, `&ldquo;`) is not text: it hides the words from search and comparison. fmt removes tags and decodes entities.",
    bad: "qingdan: 1\nitems:\n  - item: 对医保定点医药机构<p>骗取医保基金支出的处罚</p>\n    code: \"3700000236009\"\n    type: 行政处罚\n",
    good: "qingdan: 1\nitems:\n  - item: 对医保定点医药机构骗取医保基金支出的处罚\n    code: \"3700000236009\"\n    type: 行政处罚\n",
};

impl Rule for ResidualHtml {
    fn code(&self) -> &'static str {
        "QD401"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        check_with_pass(cx, out, ChangeKind::Html, html, "HTML tags or entities");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::ResidualHtml);
    }
}
