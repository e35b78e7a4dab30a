//! QD205 code-level-mismatch.

use crate::rules::{Context, Finding, Rule, RuleDoc};

/// The code's level digit disagrees with the tier or the department.
pub struct CodeLevelMismatch;

static DOC: RuleDoc = RuleDoc {
    explanation: "Gansu codes carry the level of the body that exercises the power (2 省, 3 地市, 4 区县 …). It must agree with the item's tier, or, without one, with the department's name (…县医保局 is 区县).",
    explanation_zh: "甘肃的编码含有行使权力的机关层级（2 省、3 地市、4 区县……）。它必须与事项的实施层级一致；没有实施层级时，与实施机构的名称一致（……县医保局是区县级）。",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"11620725MB1728597R3620236001000\"\n    type: 行政处罚\n    department: 山丹县医保局\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"11620725MB1728597R4620236001000\"\n    type: 行政处罚\n    department: 山丹县医保局\n",
};

/// The level a tier or department name implies: 省, 市 or 县.
fn level_of(name: &str) -> Option<&'static str> {
    let t = name.trim_end_matches('级');
    if t.starts_with('省') || t.contains("省医") || t.contains("厅") {
        Some("省")
    } else if t.starts_with('县') || t.starts_with('区') || t.contains('县') || t.contains("区医") {
        Some("县")
    } else if t.starts_with('市') || t.contains('市') || t.contains('州') {
        Some("市")
    } else {
        None
    }
}

impl Rule for CodeLevelMismatch {
    fn code(&self) -> &'static str {
        "QD205"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(p) = cx.profile else { return };
        let Some([start, end]) = p.segments.level else { return };
        for (i, item) in cx.items() {
            if !p.fits(&item.code) {
                continue;
            }
            let Some(digit) = p.level(&item.code) else { continue };
            let Some(code_level) = p.levels.get(digit) else {
                out.push(
                    Finding::new(
                        format!("items[{i}].code"),
                        Some(i),
                        crate::tr!("level digit {digit} is no level", "层级位 {digit} 不代表任何层级"),
                    )
                    .part(start..end),
                );
                continue;
            };
            // A tier naming several levels (`市；县`) says no one level.
            let several = |l: &str| l.contains(crate::model::LEVEL_SEPARATORS);
            let tier_levels: Vec<&str> =
                item.tier.iter().filter(|t| !several(&t.level)).filter_map(|t| level_of(&t.level)).collect();
            let (expected, from) = match tier_levels.first() {
                Some(&l) if tier_levels.len() == 1 => (Some(l), "tier"),
                _ => (level_of(&item.department), "department"),
            };
            let from_zh = match from {
                "tier" => "实施层级",
                _ => "实施机构",
            };
            if let Some(expected) = expected {
                if expected != code_level {
                    out.push(
                        Finding::new(
                            format!("items[{i}].code"),
                            Some(i),
                            crate::tr!(
                                "level digit {digit} means {code_level}, but the {from} is {expected}",
                                "层级位 {digit} 表示{code_level}级，而{from_zh}为{expected}级"
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
        crate::rules::testing::check_examples(&super::CodeLevelMismatch);
    }

    #[test]
    fn a_tier_naming_several_levels_leaves_it_to_the_department() {
        let list = |level: &str, department: &str| {
            format!("qingdan: 1\nitems:\n  - item: 甲\n    code: \"11620700MB1728597R3620236001000\"\n    type: 行政处罚\n    department: {department}\n    tier:\n      - level: {level}\n")
        };
        let run = |y: &str| crate::rules::testing::run(&super::CodeLevelMismatch, y).len();
        assert_eq!(run(&list("市；县", "张掖市医疗保障局")), 0);
        assert_eq!(run(&list("市；县", "山丹县医保局")), 1);
        assert_eq!(run(&list("县", "张掖市医疗保障局")), 1);
    }
}
