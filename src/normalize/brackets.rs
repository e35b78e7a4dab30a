//! Document-number brackets: a 发文字号 writes its year in 〔〕 (GB/T 9704).
//! `人社部[2016]120号`, `【2016】`, `﹝2019﹞` and `（2022）5号` become 〔〕.
//! Only the brackets change; a wrong year such as `〔20017〕` is left for the
//! doc-number-year rule to report.

use super::{apply_edits, Change, ChangeKind};
use crate::text::Text;
use regex::Regex;
use std::sync::LazyLock;

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Han}[ \t]*([\[［【﹝(（{｛〔])\s*([0-9]{4})\s*([\]］】﹞)）}｝〕])\s*[0-9]+\s*号")
        .expect("valid pattern")
});

/// Puts document-number years in 〔〕.
pub fn doc_number_brackets(text: Text, changes: &mut Vec<Change>) -> Text {
    let s = text.as_str();
    if !s.contains('号') {
        return text;
    }
    let mut edits = Vec::new();
    for caps in DOC_NUMBER.captures_iter(s) {
        let (open, close) = (caps.get(1).expect("group"), caps.get(3).expect("group"));
        if open.as_str() != "〔" {
            edits.push((open.range(), "〔".to_owned()));
        }
        if close.as_str() != "〕" {
            edits.push((close.range(), "〕".to_owned()));
        }
    }
    apply_edits(text, ChangeKind::DocNumberBrackets, changes, edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> (String, usize) {
        let mut ch = Vec::new();
        let t = doc_number_brackets(Text::from_source(s), &mut ch);
        (t.into_string(), ch.len())
    }

    #[test]
    fn wrong_brackets() {
        assert_eq!(run("人社部[2016]120号").0, "人社部〔2016〕120号");
        assert_eq!(run("鲁医保发【2016】 5号").0, "鲁医保发〔2016〕 5号");
        assert_eq!(run("甘医保发﹝2019﹞12号").0, "甘医保发〔2019〕12号");
        assert_eq!(run("鲁政办字（2022）5号").0, "鲁政办字〔2022〕5号");
        assert_eq!(run("人社部[2016〕120号"), ("人社部〔2016〕120号".into(), 1));
        assert_eq!(run("卫规财发 [2010] 64号").0, "卫规财发 〔2010〕 64号");
    }

    #[test]
    fn right_or_other_text_stays() {
        assert_eq!(run("人社厅发〔2016〕94号"), ("人社厅发〔2016〕94号".into(), 0));
        assert_eq!(run("民发〔20017〕101号").1, 0);
        assert_eq!(run("《社会保险法》（2018年12月修改）").1, 0);
        assert_eq!(run("（2022）").1, 0);
    }
}
