//! The covering notice: title, 发文字号, issuer and date.

use crate::model::Document;
use crate::normalize;
use crate::text::Text;
use regex::Regex;
use std::sync::LazyLock;

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Han}]{2,12}[〔\[［【﹝(（]\s*[0-9]{4}\s*[〕\]］】﹞)）]\s*[0-9]+\s*号").expect("valid pattern")
});
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日").expect("valid pattern"));
/// A date as web pages and forms write it: `2022-03-15`, `2022/3/15`,
/// `2022.03.15`, or with 年月日.
static LABELLED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4})\s*(?:年|-|/|\.)\s*([0-9]{1,2})\s*(?:月|-|/|\.)\s*([0-9]{1,2})").expect("valid pattern")
});
/// The labels of a notice's (or a web page's) labelled fields.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(标题|清单名称|名称|发文机关|制定机关|发布机关|印发机关|填报单位|编制单位|来源|信息来源|发文字号|文号|成文日期|发文日期|印发日期|发布日期|发布时间|日期)\s*[：:]",
    )
    .expect("valid pattern")
});
static NOTICE_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"关于(?:印发|公布|调整|进一步调整)?[《<〈]?(.+?清单)[》>〉]?的通知").expect("valid pattern")
});

/// A line that is a list's title (`某局权责清单`, `某局权责清单（2023年版）`),
/// without the marks around it: a Markdown heading's `#`, an `附件1：` label.
fn list_title(line: &str) -> Option<&str> {
    let t = line.trim_start_matches(['#', ' ', '\t']).trim();
    // A web page's breadcrumb trail (`首页 > 政务公开 > 权责清单`) is not a title.
    if t.contains(['>', '＞', '»', '›']) {
        return None;
    }
    // A web page's title ends with the site's name: `某局权责清单_某市人民政府`.
    let t = match t.find(['_', '|', '｜']).or_else(|| t.find(" - ")) {
        Some(i) if i > 0 => t[..i].trim(),
        _ => t,
    };
    let t = match t.strip_prefix("附件") {
        Some(rest) => rest
            .trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
            .trim_start_matches(['：', ':'])
            .trim(),
        None => t,
    };
    let body = match t.strip_suffix(['）', ')']) {
        Some(inner) => inner.rfind(['（', '(']).map_or(t, |i| &inner[..i]),
        None => t,
    };
    let names_list =
        ["清单", "清单目录", "目录"].iter().any(|end| body.trim_end().ends_with(end)) && body.contains("清单");
    (names_list && t.chars().count() <= 40).then_some(t)
}

/// Reads the covering notice's metadata from the text before the table.
pub fn extract_metadata(preamble: &Text) -> Document<'static> {
    let mut changes = Vec::new();
    let lines: Vec<String> = preamble
        .line_ranges()
        .map(|r| normalize::inline(preamble.slice(r), &mut changes).into_string().trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    let mut doc = Document::default();
    let whole: String = lines.join("\n");
    if let Some(m) = DOC_NUMBER.find(&whole) {
        doc.doc_number = m.as_str().split_whitespace().collect();
    }
    // The list's title: from the notice's title, else a line naming a 清单.
    let joined: String = lines.concat();
    if let Some(c) = NOTICE_TITLE.captures(&joined) {
        doc.title = c[1].to_owned().into();
    } else if let Some(t) = lines.iter().find_map(|l| list_title(l)) {
        doc.title = t.to_owned().into();
    }
    // The issuer: the letterhead (`…局文件`) or the signature line above the date.
    if let Some(l) = lines.iter().find(|l| l.ends_with("文件") && l.chars().count() <= 30) {
        doc.issuer = l.trim_end_matches("文件").to_owned().into();
    }
    for (i, l) in lines.iter().enumerate() {
        if let Some(c) = DATE.captures(l) {
            if c.get(0).is_some_and(|m| m.start() == 0) {
                let (y, m, d) = (&c[1], c[2].parse::<u32>().unwrap_or(0), c[3].parse::<u32>().unwrap_or(0));
                if (1..=12).contains(&m) && (1..=31).contains(&d) {
                    doc.date = format!("{y}-{m:02}-{d:02}").into();
                }
                if doc.issuer.is_empty() && i > 0 {
                    let prev = &lines[i - 1];
                    if prev.chars().count() <= 30 && !prev.contains('：') {
                        doc.issuer = prev.clone().into();
                    }
                }
            }
        }
    }
    // Labelled fields, as spreadsheets, forms and web pages carry them
    // (`发文机关：…`, `发布日期：2022-03-15　来源：某局`), say it outright.
    let mut source_office = None;
    for l in &lines {
        let labels: Vec<regex::Captures> = LABEL.captures_iter(l).collect();
        for (k, c) in labels.iter().enumerate() {
            let whole = c.get(0).expect("a match");
            // A label is a word of its own, not the end of a longer one
            // (`事项名称：`); it may follow a value with no space between, as
            // normalising leaves `2022-03-15来源：`.
            let before = l[..whole.start()].chars().next_back();
            if before.is_some_and(crate::text::is_han) {
                continue;
            }
            let end = labels.get(k + 1).map_or(l.len(), |n| n.get(0).expect("a match").start());
            let value = l[whole.end()..end].trim().trim_end_matches(['，', ',', '；', ';']).trim();
            if value.is_empty() {
                continue;
            }
            match &c[1] {
                "标题" | "清单名称" | "名称" => doc.title = value.to_owned().into(),
                "发文机关" | "制定机关" | "发布机关" | "印发机关" | "填报单位" | "编制单位" => {
                    doc.issuer = value.to_owned().into()
                }
                "来源" | "信息来源" => source_office = Some(value.to_owned()),
                "发文字号" | "文号" => doc.doc_number = value.to_owned().into(),
                _ => {
                    if let Some(c) = LABELLED_DATE.captures(value) {
                        let (m, d) = (c[2].parse::<u32>().unwrap_or(0), c[3].parse::<u32>().unwrap_or(0));
                        if (1..=12).contains(&m) && (1..=31).contains(&d) {
                            doc.date = format!("{}-{m:02}-{d:02}", &c[1]).into();
                        }
                    }
                }
            }
        }
    }
    // Where a web page says it comes from names the issuer, when nothing else does.
    if doc.issuer.is_empty() {
        if let Some(office) = source_office {
            doc.issuer = office.into();
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covering_notice() {
        let t = Text::from_source(" 济南市医疗保障局文件 \n\n济医保发〔2019〕9号 \n\n关于印发济南市医疗保障局权责清单的通知 \n各区县：\n附件：市医疗保障局权责清单\n\n济南市医疗保障局  \n2019 年 7月 30日 \n（此件公开发布）\n");
        let d = extract_metadata(&t);
        assert_eq!(d.doc_number, "济医保发〔2019〕9号");
        assert_eq!(d.title, "济南市医疗保障局权责清单");
        assert_eq!(d.issuer, "济南市医疗保障局");
        assert_eq!(d.date, "2019-07-30");
    }

    #[test]
    fn labelled_lines() {
        let t = Text::from_source(
            "标题：某局行政权力事项目录\n发文机关：某局\n发文字号：某发〔2020〕3号\n成文日期：2020年1月2日\n",
        );
        let d = extract_metadata(&t);
        assert_eq!(d.title, "某局行政权力事项目录");
        assert_eq!(d.issuer, "某局");
        assert_eq!(d.doc_number, "某发〔2020〕3号");
        assert_eq!(d.date, "2020-01-02");
    }

    #[test]
    fn title_lines_without_their_marks() {
        assert_eq!(list_title("# 某县医疗保障局权责清单"), Some("某县医疗保障局权责清单"));
        assert_eq!(list_title("附件1：某局权责清单（2023年版）"), Some("某局权责清单（2023年版）"));
        assert_eq!(list_title("某局权责清单目录"), Some("某局权责清单目录"));
        assert_eq!(list_title("请认真抓好落实清单工作"), None);
        assert_eq!(list_title("附件：市医疗保障局权责清单"), Some("市医疗保障局权责清单"));
    }

    #[test]
    fn web_page_titles_and_fields() {
        assert_eq!(list_title("某市医疗保障局权责清单_某市人民政府"), Some("某市医疗保障局权责清单"));
        assert_eq!(list_title("某局权责清单 - 某市政府门户网站"), Some("某局权责清单"));
        assert_eq!(list_title("首页 > 政务公开 > 权责清单"), None);
        let d = extract_metadata(&Text::from_source(
            "首页 > 政务公开 > 权责清单\n某市医疗保障局权责清单\n发布日期：2022-03-15来源：某市医疗保障局\n",
        ));
        assert_eq!(d.title, "某市医疗保障局权责清单");
        assert_eq!(d.date, "2022-03-15");
        assert_eq!(d.issuer, "某市医疗保障局");
        // A label inside a longer word is not one.
        let d = extract_metadata(&Text::from_source("事项名称：某事项\n"));
        assert!(d.title.is_empty());
    }

    #[test]
    fn bare_title() {
        let d = extract_metadata(&Text::from_source("\n\n天水市医保局权责清单\n\n"));
        assert_eq!(d.title, "天水市医保局权责清单");
        assert!(d.doc_number.is_empty());
    }
}
