//! QD202 code-region.

use crate::rules::{Context, Finding, Rule, RuleDoc};
use crate::validate::regions::region_name;

/// The code's GB/T 2260 region part does not exist.
pub struct CodeRegion;

static DOC: RuleDoc = RuleDoc {
    explanation: "The region part of a code (Shandong's first six digits; in Gansu codes, the region inside the social credit code) is a GB/T 2260 division code, and Gansu's province digits must be its province. A code with a region that does not exist was mistyped.",
    explanation_zh: "编码的区划部分（山东编码的前六位；甘肃编码中统一社会信用代码里的区划）是 GB/T 2260 行政区划代码，甘肃编码的省级代码必须是其所属省份。区划不存在的编码是录错了。",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3799000236009\"\n    type: 行政处罚\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n",
};

impl Rule for CodeRegion {
    fn code(&self) -> &'static str {
        "QD202"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let Some(p) = cx.profile else { return };
        let Some([start, end]) = p.segments.region else { return };
        for (i, item) in cx.items() {
            let code = &*item.code;
            if !p.fits(code) {
                continue;
            }
            let Some(region) = p.region(code) else { continue };
            // Spelt out only for a finding: most codes have none.
            let path = || format!("items[{i}].code");
            if region_name(region).is_none() {
                out.push(
                    Finding::new(
                        path(),
                        Some(i),
                        crate::tr!(
                            "region {region} is not a GB/T 2260 division",
                            "区划代码 {region} 不是 GB/T 2260 行政区划"
                        ),
                    )
                    .part(start..end),
                );
                continue;
            }
            if let (Some(province), Some([ps, pe])) =
                (code.get(p.segments.province.map_or(0..0, |[a, b]| a..b)), p.segments.province)
            {
                if !province.is_empty() && !region.starts_with(province) {
                    out.push(
                        Finding::new(
                            path(),
                            Some(i),
                            crate::tr!(
                                "province digits {province} disagree with the region {region}",
                                "省级代码 {province} 与区划代码 {region} 不一致"
                            ),
                        )
                        .part(ps..pe),
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
        crate::rules::testing::check_examples(&super::CodeRegion);
    }
}
