//! QD202 code-region.

use crate::rules::{Context, Finding, Rule, RuleDoc};
use crate::validate::regions::region_name;

/// The code's GB/T 2260 region part does not exist.
pub struct CodeRegion;

static DOC: RuleDoc = RuleDoc {
    explanation: "The region part of a code (Shandong's first six digits; in Gansu codes, the region inside the social credit code) is a GB/T 2260 division code, and Gansu's province digits must be its province. A code with a region that does not exist was mistyped.",
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
            let code = item.code.as_str();
            if !p.fits(code) {
                continue;
            }
            let Some(region) = p.region(code) else { continue };
            let path = format!("items[{i}].code");
            if region_name(region).is_none() {
                out.push(
                    Finding::new(path.clone(), Some(i), format!("region {region} is not a GB/T 2260 division"))
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
                            path,
                            Some(i),
                            format!("province digits {province} disagree with the region {region}"),
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
