//! QD105 empty-legal-basis.

use crate::rules::{Context, Finding, Rule, RuleDoc};

/// An item cites no legal basis.
pub struct EmptyLegalBasis;

static DOC: RuleDoc = RuleDoc {
    explanation: "A power exists only by law: every item cites the law, regulation or rule that sets it (设定依据). An item without one cannot be justified.",
    explanation_zh: "权力必须有法律依据：每个事项都要引用设定它的法律、法规或规章（设定依据）。没有依据的事项无从成立。",
    bad: "qingdan: 1\nitems:\n  - item: 对骗取医保基金支出的处罚\n    code: \"3700000236009\"\n    type: 行政处罚\n",
    good: "qingdan: 1\nitems:\n  - item: 对骗取医保基金支出的处罚\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - tag: 法律\n        title: 社会保险法\n        articles: [第八十七条]\n",
};

impl Rule for EmptyLegalBasis {
    fn code(&self) -> &'static str {
        "QD105"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, item) in cx.items() {
            if item.legal_basis.iter().all(|c| c.title.is_empty() && c.text.is_empty() && c.doc_number.is_empty()) {
                out.push(Finding::new(
                    format!("items[{i}]"),
                    Some(i),
                    crate::tr!("item cites no legal basis", "事项没有设定依据"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::EmptyLegalBasis);
    }
}
