//! QD106 unknown-type.

use super::KNOWN_TYPES;
use crate::rules::{Context, Finding, Rule, RuleDoc};

/// The type is not one of the national list, nor 公共服务.
pub struct UnknownType;

static DOC: RuleDoc = RuleDoc {
    explanation: "事项类型 comes from a closed list: 行政许可, 行政处罚, 行政强制, 行政征收, 行政给付, 行政检查, 行政确认, 行政奖励, 行政裁决, 其他行政权力, and 公共服务 (a profile may add its own). `行政监督` is not a type: such items are usually 行政检查.",
    explanation_zh: "事项类型取自一个封闭的列表：行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、行政确认、行政奖励、行政裁决、其他行政权力，以及公共服务（配置可增加自己的类型）。`行政监督` 不是事项类型：这类事项通常是行政检查。",
    bad: "qingdan: 1\nitems:\n  - item: 对定点医药机构服务监督检查\n    code: \"3700000636003\"\n    type: 行政监督\n",
    good: "qingdan: 1\nitems:\n  - item: 对定点医药机构服务监督检查\n    code: \"3700000636003\"\n    type: 行政检查\n",
};

impl Rule for UnknownType {
    fn code(&self) -> &'static str {
        "QD106"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for (i, item) in cx.items() {
            let t = &*item.kind;
            if t.is_empty() || KNOWN_TYPES.contains(&t) || cx.profile.is_some_and(|p| p.types.values().any(|v| v == t))
            {
                continue;
            }
            out.push(Finding::new(
                format!("items[{i}].type"),
                Some(i),
                crate::tr!("`{t}` is not an item type", "`{t}` 不是事项类型"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::UnknownType);
    }
}
