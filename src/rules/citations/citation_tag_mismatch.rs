//! QD307 citation-tag-mismatch.

use crate::rules::{Context, Finding, Rule, RuleDoc};
use crate::validate::law_import::kind_of_promulgation;
use crate::validate::laws::Law;

/// The 【tag】 disagrees with the kind of instrument cited.
pub struct CitationTagMismatch;

static DOC: RuleDoc = RuleDoc {
    explanation: "The label in 【】 says what kind of instrument a citation is, under 立法法: a 主席令 or 《…法》 is 法律; a 国务院令 is 行政法规; a ministry's 令 is 部门规章; a 省/市人民政府令 or X府令 is 地方政府规章 (【省政府规章】, 【市政府规章】, 【地方规章】); a notice with a 发文字号 is a 规范性文件. A 规章 is never titled 条例.",
    explanation_zh: "【】中的标签说明引用的是哪一类规范，依立法法：主席令或《……法》是法律；国务院令是行政法规；部委的令是部门规章；省、市人民政府令或某府令是地方政府规章（【省政府规章】、【市政府规章】、【地方规章】）；带发文字号的通知是规范性文件。规章从不以“条例”为名。",
    bad: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - tag: 部门规章\n        title: 山东省医疗保障基金监督管理办法\n        doc_number: 山东省人民政府令第345号\n",
    good: "qingdan: 1\nitems:\n  - item: 甲\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - tag: 省政府规章\n        title: 山东省医疗保障基金监督管理办法\n        doc_number: 山东省人民政府令第345号\n",
};

/// The kinds a printed tag may stand for.
fn kinds_of_tag(tag: &str) -> &'static [&'static str] {
    match tag {
        "法律" => &["法律"],
        "行政法规" => &["行政法规"],
        "法规" => &["行政法规", "地方性法规"],
        "地方性法规" | "省地方性法规" | "市地方性法规" => &["地方性法规"],
        "部门规章" | "部委规章" | "部委令" => &["部门规章"],
        "地方政府规章" | "省政府规章" | "市政府规章" | "地方规章" | "政府规章" | "省级政府规章" => {
            &["地方政府规章"]
        }
        "规章" => &["部门规章", "地方政府规章"],
        "规范性文件" | "部委文件" | "省直部门文件" | "部门文件" | "其他文件" | "文件" | "其他" | "国务院文件"
        | "政府文件" => &["规范性文件"],
        _ => &[],
    }
}

/// What a citation shows of its own kind: its promulgation number, its
/// 发文字号, the registry, or a title in 法. `numbers` are its document
/// number and edition, read as one text.
fn kind_of_citation(title: &str, numbers: [&str; 2], law: Option<&Law>) -> Option<&'static str> {
    if numbers.iter().any(|n| n.contains('令')) {
        return Some(kind_of_promulgation(&numbers.concat()));
    }
    if numbers.iter().any(|n| n.contains('〔')) && numbers.iter().any(|n| n.contains('号')) {
        return Some("规范性文件");
    }
    if let Some(law) = law {
        return match law.kind.as_str() {
            "法律" => Some("法律"),
            "行政法规" => Some("行政法规"),
            "地方性法规" => Some("地方性法规"),
            "部门规章" => Some("部门规章"),
            "地方政府规章" => Some("地方政府规章"),
            "规范性文件" => Some("规范性文件"),
            _ => None,
        };
    }
    let bare = title.strip_prefix("中华人民共和国").unwrap_or(title);
    (bare.ends_with('法') && !bare.ends_with("办法") && !bare.ends_with("方法")).then_some("法律")
}

impl Rule for CitationTagMismatch {
    fn code(&self) -> &'static str {
        "QD307"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        for c in cx.citations() {
            let cite = c.citation;
            if cite.tag.is_empty() {
                continue;
            }
            let allowed = kinds_of_tag(&cite.tag);
            if allowed.is_empty() {
                continue; // a tag qingdan does not know says nothing checkable
            }
            // The place and the numbers as one text are made only for a finding.
            let numbers = [&*cite.doc_number, &*cite.edition];
            let law = c.law;
            let path = || format!("{}.tag", c.path());
            if let Some(kind) = kind_of_citation(&cite.title, numbers, law) {
                if !allowed.contains(&kind) {
                    out.push(Finding::new(
                        path(),
                        Some(c.item),
                        crate::tr!(
                            "tagged 【{}】, but {} is a {kind}",
                            "标为【{}】，但{}是{kind}",
                            cite.tag,
                            describe(&cite.title, &numbers.concat())
                        ),
                    ));
                    continue;
                }
            }
            if allowed.iter().all(|k| k.ends_with("规章")) && cite.title.ends_with("条例") {
                out.push(Finding::new(
                    path(),
                    Some(c.item),
                    crate::tr!(
                        "tagged 【{}】, but a 规章 is never titled 条例: 《{}》",
                        "标为【{}】，但规章不以“条例”为名：《{}》",
                        cite.tag,
                        cite.title
                    ),
                ));
            }
        }
    }
}

fn describe(title: &str, numbers: &str) -> String {
    match (title.is_empty(), numbers.is_empty()) {
        (false, false) => format!("《{title}》（{numbers}）"),
        (false, true) => format!("《{title}》"),
        _ => numbers.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::run;

    #[test]
    fn examples() {
        crate::rules::testing::check_examples(&super::CitationTagMismatch);
    }

    #[test]
    fn law_and_ministry_rule() {
        let yaml = "qingdan: 1\nitems:\n  - legal_basis:\n      - tag: 法律\n        title: 社会保险稽核办法\n        doc_number: 劳动部令第16号\n      - tag: 法律\n        title: 社会保险法\n      - tag: 部门规章\n        title: 医疗保障基金使用监督管理条例\n";
        let f = run(&super::CitationTagMismatch, yaml);
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f[0].message.en.contains("部门规章"));
        assert!(f[1].path.contains("legal_basis[2]"));
    }
}
