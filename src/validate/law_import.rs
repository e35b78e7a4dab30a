//! `qingdan law import`: a regulation's text becomes a registry entry, its
//! articles split and numbered, gaps in the numbering reported.

use super::laws::Law;
use crate::text::{chinese_number, to_chinese};
use regex::Regex;
use std::sync::LazyLock;

static ARTICLE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t\u{3000}]*第([一二三四五六七八九十百千零〇两]+)条[ \t\u{3000}]*").expect("valid pattern")
});
static PROMULGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([\p{Han}]*(?:主席令|国务院令|政府令|部令|府令|局令|委令)\s*第?\s*[0-9一二三四五六七八九十百零]+\s*号)",
    )
    .expect("valid pattern")
});

/// What importing found.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The entry.
    pub law: Law,
    /// Article numbers missing between the first and the last.
    pub gaps: Vec<u32>,
    /// Article numbers that came out of order or twice.
    pub out_of_order: Vec<u32>,
}

/// The kind of instrument a promulgation number says it is.
pub fn kind_of_promulgation(number: &str) -> &'static str {
    if number.contains("主席令") {
        "法律"
    } else if number.contains("国务院令") {
        "行政法规"
    } else if number.contains("政府") || number.contains("府令") {
        "地方政府规章"
    } else if number.contains('令') {
        "部门规章"
    } else {
        "规范性文件"
    }
}

/// Reads a regulation's text into a law entry.
pub fn import_law(text: &str) -> Option<Imported> {
    let title = text.lines().map(|l| l.split_whitespace().collect::<String>()).find(|l| !l.is_empty())?;
    let title = title.trim_matches(['《', '》']).to_owned();
    let head_end = ARTICLE_START.find(text).map_or(text.len(), |m| m.start());
    let head = &text[..head_end];
    let head_compact: String = head.split_whitespace().collect();
    // `2022年3月3日山东省人民政府令…`: the date's 日 is not part of the issuer.
    let promulgation = PROMULGATION
        .find(&head_compact)
        .map(|m| m.as_str().trim_start_matches(['日', '月', '年']).to_owned())
        .unwrap_or_default();
    let mut law = Law::new(title, kind_of_promulgation(&promulgation).to_owned());
    law.promulgation = promulgation;
    let starts: Vec<(usize, usize, u32)> = ARTICLE_START
        .captures_iter(text)
        .filter_map(|c| Some((c.get(0)?.start(), c.get(0)?.end(), chinese_number(&c[1])?)))
        .collect();
    let mut numbers = Vec::new();
    for (k, &(_, body_start, n)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |s| s.0);
        let body: String = text[body_start..end]
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !is_heading(l))
            .collect::<Vec<_>>()
            .join("");
        let body: String = body.split_whitespace().collect::<Vec<_>>().join("");
        law.text.insert(format!("第{}条", to_chinese(n)), body);
        numbers.push(n);
    }
    let max = numbers.iter().copied().max()?;
    law.articles = Some(max);
    let mut out_of_order = Vec::new();
    for w in numbers.windows(2) {
        if w[1] <= w[0] {
            out_of_order.push(w[1]);
        }
    }
    let gaps = (1..=max).filter(|n| !numbers.contains(n)).collect();
    Some(Imported { law, gaps, out_of_order })
}

/// Chapter and section headings (`第二章 筹集与使用`) between articles.
fn is_heading(line: &str) -> bool {
    let c: String = line.split_whitespace().collect();
    c.starts_with('第') && (c.contains('章') || c.contains('节')) && c.chars().count() <= 20 && !c.contains('条')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_articles() {
        let text = " 某办法 \n（2022年3月3日山东省人民政府令第 345号公布）\n第一章 总  则\n第一条  为了加强管理，\n制定本办法。\n第二条  本办法适用于本省。\n第四条  附则。\n";
        let imp = import_law(text).unwrap();
        assert_eq!(imp.law.title, "某办法");
        assert_eq!(imp.law.promulgation, "山东省人民政府令第345号");
        assert_eq!(imp.law.kind, "地方政府规章");
        assert_eq!(imp.law.articles, Some(4));
        assert_eq!(imp.law.text["第一条"], "为了加强管理，制定本办法。");
        assert_eq!(imp.gaps, vec![3]);
    }

    #[test]
    fn kinds() {
        assert_eq!(kind_of_promulgation("国务院令第735号"), "行政法规");
        assert_eq!(kind_of_promulgation("人社部令第13号"), "部门规章");
        assert_eq!(kind_of_promulgation("渝府令第231号"), "地方政府规章");
        assert_eq!(kind_of_promulgation("主席令第三十五号"), "法律");
        assert_eq!(kind_of_promulgation("济南市政府252号令"), "地方政府规章");
    }
}
