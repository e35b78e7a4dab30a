//! QD308 article-out-of-range.

use crate::rules::{Context, Finding, Rule, RuleDoc};
use crate::text::chinese_number;

/// An article beyond the law's article count.
pub struct ArticleOutOfRange;

static DOC: RuleDoc = RuleDoc {
    explanation: "When the law registry knows how many articles a law has (社会保险法 98, 医疗保障基金使用监督管理条例 50 …), a citation of an article beyond it is wrong: a digit slipped, or another law was meant.",
    explanation_zh: "法规库知道某部法律共有多少条时（社会保险法 98 条，医疗保障基金使用监督管理条例 50 条……），引用超出条数的条文就是错的：数字写错了，或本该是另一部法律。",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 医疗保障基金使用监督管理条例\n        articles: [第五十八条]\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 医疗保障基金使用监督管理条例\n        articles: [第三十八条]\n",
};

impl Rule for ArticleOutOfRange {
    fn code(&self) -> &'static str {
        "QD308"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for c in cx.citations() {
            let Some(law) = c.law else { continue };
            let Some(count) = law.article_count(&c.citation.edition) else { continue };
            for (k, art) in c.citation.articles.iter().enumerate() {
                let article = crate::model::article_of(art);
                let number = |a: &str| a.strip_prefix('第').and_then(|a| a.strip_suffix('条')).and_then(chinese_number);
                // A run of articles (`第十条至第十五条`) ends at an article too.
                let last = art.split_once('至').and_then(|(_, end)| {
                    let end = end.strip_prefix('第').unwrap_or(end);
                    end.find('条').and_then(|i| chinese_number(&end[..i]))
                });
                let Some(n) = number(article) else { continue };
                if n > count || n == 0 || last.is_some_and(|l| l > count) {
                    out.push(Finding::new(
                        format!("{}.articles[{k}]", c.path()),
                        Some(c.item),
                        crate::tr!("{art}: 《{}》 has {count} articles", "{art}：《{}》只有 {count} 条", law.title),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::ArticleOutOfRange);
    }

    #[test]
    fn a_run_of_articles_is_out_of_range_where_it_ends_past_the_last() {
        let list = |articles: &str| {
            format!("qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - title: 医疗保障基金使用监督管理条例\n        articles: [{articles}]\n")
        };
        let found = |articles: &str| crate::rules::testing::run(&super::ArticleOutOfRange, &list(articles)).len();
        assert_eq!(found("第四十条至第五十条"), 0);
        assert_eq!(found("第四十条至五十条"), 0);
        assert_eq!(found("第四十条至第五十二条"), 1);
        assert_eq!(found("第四十条至五十二条"), 1);
    }
}
