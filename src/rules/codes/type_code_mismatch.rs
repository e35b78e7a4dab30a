//! QD204 type-code-mismatch.

use crate::rules::{Context, Finding, Rule, RuleDoc};

/// The code's type digits disagree with the printed type.
pub struct TypeCodeMismatch;

static DOC: RuleDoc = RuleDoc {
    explanation: "The type digits of a code (02 行政处罚, 03 行政强制 … 20 公共服务, by the profile's table) must name the type printed for the item. A disagreement means the wrong code or the wrong type was copied.",
    explanation_zh: "编码中的类型位（02 行政处罚、03 行政强制……20 公共服务，以配置中的对照表为准）必须与事项所印的类型一致。不一致说明抄错了编码或类型。",
    bad: "qingdan: 1\nitems:\n  - item: 对定点医药机构服务监督检查\n    code: \"3700000936003\"\n    type: 行政检查\n",
    good: "qingdan: 1\nitems:\n  - item: 对定点医药机构服务监督检查\n    code: \"3700000636003\"\n    type: 行政检查\n",
};

impl Rule for TypeCodeMismatch {
    fn code(&self) -> &'static str {
        "QD204"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(p) = cx.profile else { return };
        let Some([start, end]) = p.segments.kind else { return };
        for (i, item) in cx.items() {
            if item.kind.is_empty() || !p.fits(&item.code) {
                continue;
            }
            let Some(digits) = p.type_digits(&item.code) else { continue };
            match p.types.get(digits) {
                Some(name) if *name == item.kind => {}
                Some(name) => out.push(
                    Finding::new(
                        format!("items[{i}].code"),
                        Some(i),
                        crate::tr!(
                            "type digits {digits} mean {name}, but the item's type is {}",
                            "类型位 {digits} 表示{name}，而事项类型是{}",
                            item.kind
                        ),
                    )
                    .part(start..end),
                ),
                None => out.push(
                    Finding::new(
                        format!("items[{i}].code"),
                        Some(i),
                        crate::tr!(
                            "type digits {digits} are no type of the {} profile",
                            "类型位 {digits} 不是 {} 配置中的类型",
                            p.name
                        ),
                    )
                    .part(start..end),
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::TypeCodeMismatch);
    }
}
