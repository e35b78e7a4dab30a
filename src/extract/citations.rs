//! Citations: `1.【法律】《社会保险法》（2018年12月修改）第八十七条：……`
//! becomes tag, title, edition, document number, articles and text.

use crate::model::{Citation, Text};
use regex::Regex;
use std::sync::LazyLock;

/// An article reference, with the paragraphs (款) and items (项) it narrows
/// to, several of them listed (`第（一）、（二）项`), or a run of articles
/// (`第十条至第十五条`): one reference as printed.
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"第[一二三四五六七八九十百千零〇两0-9]+条",
        r"(?:第?[（(]?[一二三四五六七八九十0-9]+[）)]?(?:[、和及][（(]?[一二三四五六七八九十0-9]+[）)]?)*[款项])*",
        r"(?:[（(][一二三四五六七八九十]+[）)])?",
        r"(?:至第?[一二三四五六七八九十百千零〇两0-9]+条)?"
    ))
    .expect("valid pattern")
});
static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"[\p{Han}]*(?:令|函|发|字|规|办|通|告)[〔\[［【﹝(（{]?\s*[0-9]{2,5}\s*[〕\]］】﹞)）}]?\s*(?:第\s*)?[0-9一二三四五六七八九十百零]+\s*号令?",
        r"|[\p{Han}]*令\s*(?:第\s*)?[0-9一二三四五六七八九十百零]+\s*号",
        r"|[\p{Han}]*政府\s*[0-9]+\s*号令",
        r"|[\p{Han}]*[0-9]{4}\s*年\s*[\p{Han}]+[0-9]+\s*号",
        r"|[\p{Han}]+[〔\[［【﹝(（]\s*[0-9]{4}\s*[〕\]］】﹞)）]\s*[0-9]+\s*号",
        r"|[\p{Han}]+(?:发|字|函|规)\s*[0-9]+\s*号"
    ))
    .expect("valid pattern")
});

/// The text between a title mark at `open` and its match, nesting counted.
fn title_end(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s[open..].char_indices() {
        match c {
            '《' => depth += 1,
            '》' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits one normalised citation entry into its parts. Text that is not a
/// citation (no title, no tag) comes back as `text` alone.
pub fn parse_citation(entry: &str) -> Citation<'static> {
    let mut c = Citation::default();
    let mut rest = entry.trim();
    if let Some(after) = rest.strip_prefix('【') {
        if let Some(end) = after.find('】') {
            c.tag = after[..end].trim().to_owned().into();
            rest = after[end + '】'.len_utf8()..].trim_start();
        }
    }
    let Some(open) = rest.find('《') else {
        c.text = rest.to_owned().into();
        if c.tag.is_empty() {
            if let Some(m) = ARTICLE.find(rest) {
                if m.start() == 0 {
                    c.articles = ARTICLE.find_iter(rest).map(|m| m.as_str().to_owned().into()).collect();
                }
            }
        }
        return c;
    };
    // Text before the title (`依据` …) stays in the text.
    let lead = rest[..open].trim();
    let Some(close) = title_end(rest, open) else {
        // An unclosed title: keep everything as text, for the bracket rule to report.
        c.text = rest.to_owned().into();
        return c;
    };
    c.title = rest[open + '《'.len_utf8()..close].trim().to_owned().into();
    let mut tail = rest[close + '》'.len_utf8()..].trim_start();
    // The parenthesised note right after the title: edition and/or document number.
    if tail.starts_with(['（', '(']) && matching_paren(tail).is_some() {
        // An unclosed note stays in the text as printed, for the bracket rule to see.
        let close_paren = matching_paren(tail);
        let inner_end = close_paren.unwrap_or(tail.len());
        let inner = tail[tail.chars().next().map_or(1, char::len_utf8)..inner_end].trim();
        let (doc_number, edition) = split_doc_number(inner);
        c.doc_number = doc_number.into();
        c.edition = edition.into();
        tail = match close_paren {
            Some(e) => tail[e..].trim_start_matches([')', '）']).trim_start(),
            None => "",
        };
    }
    let articles: Vec<_> = ARTICLE.find_iter(tail).collect();
    // Articles cited at the head of the tail, before the provision's text.
    let mut text_start = 0;
    for m in &articles {
        let between = tail[text_start..m.start()].trim_matches(|ch: char| {
            ch.is_whitespace()
                || matches!(ch, '、' | '，' | ',' | '和' | '及' | '第' | '款' | '项')
                || ch.is_ascii_digit()
        });
        let between_is_clause = between.chars().all(|ch| "一二三四五六七八九十百零（）()款项第".contains(ch));
        if m.start() == text_start || between_is_clause {
            c.articles.push(m.as_str().to_owned().into());
            text_start = m.end();
        } else {
            break;
        }
    }
    let mut text = tail[text_start..].trim_start();
    text = text.trim_start_matches(['：', ':', '，', ',']).trim();
    // The full stop that ends `…第三十八条。` is no provision text.
    if text.chars().all(|c| matches!(c, '。' | '；' | ';' | '，' | ',' | '.' | '、')) {
        text = "";
    }
    if !lead.is_empty() {
        // Prose that names the instrument mid-sentence (`按照……《办法》规定`):
        // the sentence stays whole as the text; title and numbers are still read out.
        c.text = rest.to_owned().into();
    } else {
        c.text = text.to_owned().into();
    }
    c
}

fn matching_paren(s: &str) -> Option<usize> {
    let mut depth = 0;
    for (i, ch) in s.char_indices() {
        match ch {
            '（' | '(' => depth += 1,
            '）' | ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits a parenthesised note into a document number and the edition.
fn split_doc_number(inner: &str) -> (String, String) {
    match DOC_NUMBER.find(inner) {
        Some(m) if m.as_str().contains('号') => {
            let mut start = m.start();
            // `2000年12月1日济南市人民政府令…`: the date's 日 is not the issuer's.
            while inner[..start].ends_with(|c: char| c.is_ascii_digit())
                && inner[start..].starts_with(['日', '月', '年'])
            {
                start += '日'.len_utf8();
            }
            let number = inner[start..m.end()].trim().to_owned();
            let edition = format!("{}{}", &inner[..start], &inner[m.end()..])
                .trim()
                .trim_matches(['，', ',', '、', ' '])
                .to_owned();
            (number, edition)
        }
        _ => (String::new(), inner.to_owned()),
    }
}

/// Splits an entry citing several articles of one law, each with its own
/// quoted provision (`第七十七条：“…”；第八十八条：“…”`), into one citation per article.
pub fn split_per_article(c: Citation<'static>) -> Vec<Citation<'static>> {
    if c.title.is_empty() || c.articles.len() != 1 {
        return vec![c];
    }
    let mut out = Vec::new();
    let text = c.text.clone();
    let mut pieces: Vec<(Text, String)> = Vec::new();
    let mut last_article = c.articles[0].clone();
    let mut start = 0;
    for m in ARTICLE.find_iter(&text) {
        let after = text[m.end()..].trim_start();
        let before = text[..m.start()].trim_end();
        // A new article's provision: `；第八十八条：“` after the end of a
        // quotation, or `。”第七十九条社会保险…` — but not `。第七十九条规定的…`.
        let ends = before.ends_with('；') || before.ends_with('”') || before.ends_with('。') || before.ends_with(';');
        let opens = after.starts_with(['：', ':', '“'])
            || after.chars().next().is_some_and(|c| crate::text::is_han(c) && !"规的之中至和及或项款第".contains(c));
        if ends && opens {
            pieces.push((last_article.clone(), text[start..m.start()].trim().trim_end_matches(['；', ';']).to_owned()));
            last_article = m.as_str().to_owned().into();
            let skip = if after.starts_with(['：', ':']) { after.chars().next().map_or(0, char::len_utf8) } else { 0 };
            start = m.end() + skip + (text[m.end()..].len() - after.len());
        }
    }
    if pieces.is_empty() {
        return vec![c];
    }
    pieces.push((last_article, text[start..].trim().to_owned()));
    for (article, piece) in pieces {
        out.push(Citation { articles: vec![article], text: piece.into(), ..c.clone() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagged_citation_with_edition() {
        let c = parse_citation(
            "【法律】《社会保险法》（2018年12月修改）第八十七条：社会保险经办机构以及医疗机构骗取的，处罚。",
        );
        assert_eq!(c.tag, "法律");
        assert_eq!(c.title, "社会保险法");
        assert_eq!(c.edition, "2018年12月修改");
        assert_eq!(c.articles, vec!["第八十七条"]);
        assert_eq!(c.text, "社会保险经办机构以及医疗机构骗取的，处罚。");
    }

    #[test]
    fn doc_number_in_the_note() {
        let c = parse_citation("【市政府规章】《济南市城镇企业职工生育保险暂行办法》（2000年12月1日济南市人民政府令第168号）第十七条医疗机构及其工作人员弄虚作假的");
        assert_eq!(c.doc_number, "济南市人民政府令第168号");
        assert_eq!(c.edition, "2000年12月1日");
        assert_eq!(c.articles, vec!["第十七条"]);
        assert_eq!(c.text, "医疗机构及其工作人员弄虚作假的");
        let c = parse_citation("【市政府规章】《济南市职工基本医疗保险办法》（济南市政府252号令）第三十八条用人单位");
        assert_eq!(c.doc_number, "济南市政府252号令");
        assert_eq!(c.edition, "");
        let c = parse_citation(
            "【行政法规】《医疗保障基金使用监督管理条例》（2021年1月国务院令第735号）第三十七条：医疗保障经办机构",
        );
        assert_eq!(c.doc_number, "国务院令第735号");
        assert_eq!(c.edition, "2021年1月");
    }

    #[test]
    fn paragraphs_and_items_stay_with_their_article() {
        let c = parse_citation("《中华人民共和国行政许可法》第二十九条第一款、第三十条");
        assert_eq!(c.articles, ["第二十九条第一款", "第三十条"]);
        assert!(c.text.is_empty());
        let c = parse_citation("《办法》（省政府令第345号）第二十条第（二）项");
        assert_eq!(c.articles, ["第二十条第（二）项"]);
        let c = parse_citation("《条例》第三十八条（一）、第四十条第二款第三项：定点医药机构……");
        assert_eq!(c.articles, ["第三十八条（一）", "第四十条第二款第三项"]);
        assert_eq!(c.text, "定点医药机构……");
        assert_eq!(crate::model::article_of("第四十条第二款第三项"), "第四十条");
        let c = parse_citation("《通知》（医保供〔2022〕22号）第二条第（二）款：参保人员可以享受服务。");
        assert_eq!(c.articles, ["第二条第（二）款"]);
        assert_eq!(c.text, "参保人员可以享受服务。");
    }

    #[test]
    fn items_listed_and_runs_of_articles_are_one_reference_each() {
        let c = parse_citation("《中华人民共和国药品管理法》第一百二十四条第一款第（一）、（二）项");
        assert_eq!(c.articles, ["第一百二十四条第一款第（一）、（二）项"]);
        assert!(c.text.is_empty());
        let c = parse_citation("《社会保险法》第十条至第十五条、第二十条：参保");
        assert_eq!(c.articles, ["第十条至第十五条", "第二十条"]);
        assert_eq!(c.text, "参保");
        let c = parse_citation("《条例》第四十条至四十二条");
        assert_eq!(c.articles, ["第四十条至四十二条"]);
        // 至 that goes on to no article is the provision's word.
        let c = parse_citation("《条例》第四十条至今有效");
        assert_eq!(c.articles, ["第四十条"]);
        assert_eq!(c.text, "至今有效");
    }

    #[test]
    fn several_articles() {
        let c = parse_citation("《中华人民共和国社会保险法》第八十六条、第八十七条：用人单位未按时足额缴纳");
        assert_eq!(c.articles, vec!["第八十六条", "第八十七条"]);
        assert_eq!(c.text, "用人单位未按时足额缴纳");
    }

    #[test]
    fn one_citation_per_quoted_article() {
        let c = parse_citation(
            "《中华人民共和国社会保险法》第七十七条：“社会保险经办机构骗取的”；第八十八条：“以欺诈骗取待遇的。”",
        );
        let parts = split_per_article(c);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].articles, vec!["第七十七条"]);
        assert_eq!(parts[0].text, "“社会保险经办机构骗取的”");
        assert_eq!(parts[1].articles, vec!["第八十八条"]);
        assert_eq!(parts[1].text, "“以欺诈骗取待遇的。”");
    }

    #[test]
    fn an_unclosed_note_stays_in_the_text() {
        let c = parse_citation("《甘肃省人民政府关于加强社会保险基金监督管理工作的意见》（甘政发〔2012〕64号：“全省社会保险基金预算草案由省社会保险经办机构编制。”");
        assert_eq!(c.title, "甘肃省人民政府关于加强社会保险基金监督管理工作的意见");
        assert!(c.text.starts_with("（甘政发〔2012〕64号："), "{}", c.text);
        assert!(c.edition.is_empty() && c.doc_number.is_empty());
    }

    #[test]
    fn a_second_article_after_a_quotation() {
        let c = parse_citation("《中华人民共和国社会保险法》第七十七条县级以上人民政府社会保险行政部门应当加强监督检查。”第七十九条社会保险行政部门对社会保险基金进行监督检查。");
        let parts = split_per_article(c);
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert_eq!(parts[1].articles, vec!["第七十九条"]);
        assert_eq!(parts[1].text, "社会保险行政部门对社会保险基金进行监督检查。");
    }

    #[test]
    fn nested_titles_are_kept_as_printed() {
        let c = parse_citation("《《中华人民共和国社会保险法》》第七十七条");
        assert_eq!(c.title, "《中华人民共和国社会保险法》");
    }

    #[test]
    fn prose_keeps_its_sentence() {
        let c = parse_citation("按照人力资源社会保障部、财政部《关于开展基本医疗保险付费总额控制的意见》（人社部发〔2012〕70号）精神，开展总额控制。");
        assert_eq!(c.title, "关于开展基本医疗保险付费总额控制的意见");
        assert_eq!(c.doc_number, "人社部发〔2012〕70号");
        assert_eq!(c.text, "按照人力资源社会保障部、财政部《关于开展基本医疗保险付费总额控制的意见》（人社部发〔2012〕70号）精神，开展总额控制。");
    }

    #[test]
    fn a_full_stop_after_the_articles_is_no_text() {
        let c = parse_citation("【行政法规】《医疗保障基金使用监督管理条例》第三十八条、第三十九条。");
        assert_eq!(c.articles, ["第三十八条", "第三十九条"]);
        assert!(c.text.is_empty(), "{:?}", c.text);
    }

    #[test]
    fn plain_entry() {
        let c = parse_citation("没有法律和事实依据实施行政处罚的；");
        assert_eq!(c.text, "没有法律和事实依据实施行政处罚的；");
        assert!(c.title.is_empty());
    }
}
