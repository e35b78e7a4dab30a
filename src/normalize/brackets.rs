//! Document-number brackets: a 发文字号 writes its year in 〔〕 (GB/T 9704).
//! `人社部[2016]120号`, `【2016】`, `﹝2019﹞` and `（2022）5号` become 〔〕.
//! Only the brackets change; a wrong year such as `〔20017〕` is left for the
//! doc-number-year rule to report.

use super::{apply_edits, Change, ChangeKind};
use crate::text::Text;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The brackets that may open a document number's year.
const OPENING: [char; 9] = ['[', '［', '【', '﹝', '(', '（', '{', '｛', '〔'];

/// The brackets that may close it.
const CLOSING: [char; 9] = [']', '］', '】', '﹞', ')', '）', '}', '｝', '〕'];

/// Whether `c` is of the Han script, as the patterns' `\p{Han}` says.
fn is_han_script(c: char) -> bool {
    static HAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Han}$").expect("valid pattern"));
    HAN.is_match(c.encode_utf8(&mut [0; 4]))
}

/// The brackets round each document number's year in `s`, in order: a Han
/// character, then the year in brackets (an opening one, four digits, a
/// closing one), then the number and 号, white space allowed between them
/// (only spaces and tabs after the Han character), as in
/// `人社部[2016]120号`. A number's 号 may not stand for the Han character
/// of the next. Each year is sought, then what stands round it: a
/// pattern of the same shape has no literal to look for, and the search
/// for its brackets would walk every cell holding 号.
fn doc_number_years(s: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let bytes = s.as_bytes();
    let mut years = Vec::new();
    let (mut at, mut matched_to) = (0, 0);
    while let Some(offset) = bytes[at..].iter().position(u8::is_ascii_digit) {
        let year = at + offset;
        at = year + bytes[year..].iter().take_while(|b| b.is_ascii_digit()).count();
        if at - year != 4 {
            continue;
        }
        // The closing bracket, then the number and 号.
        let close_at = s.len() - s[at..].trim_start().len();
        let Some(close) = s[close_at..].chars().next().filter(|c| CLOSING.contains(c)) else {
            continue;
        };
        let close = close_at..close_at + close.len_utf8();
        let number = s[close.end..].trim_start();
        let digits = number.bytes().take_while(u8::is_ascii_digit).count();
        let Some(end) =
            number[digits..].trim_start().strip_prefix('号').filter(|_| digits > 0).map(|rest| s.len() - rest.len())
        else {
            continue;
        };
        // The opening bracket, then the Han character before it.
        let before = s[..year].trim_end();
        let Some(open) = before.chars().next_back().filter(|c| OPENING.contains(c)) else {
            continue;
        };
        let open = before.len() - open.len_utf8()..before.len();
        let head = s[..open.start].trim_end_matches([' ', '\t']);
        let Some(han) = head.chars().next_back().filter(|&c| is_han_script(c)) else {
            continue;
        };
        if head.len() - han.len_utf8() < matched_to {
            continue;
        }
        matched_to = end;
        years.push((open, close));
    }
    years
}

/// Puts document-number years in 〔〕.
pub fn doc_number_brackets(text: Text, changes: &mut Vec<Change>) -> Text {
    let s = text.as_str();
    if !s.contains('号') {
        return text;
    }
    let mut edits = Vec::new();
    for (open, close) in doc_number_years(s) {
        if &s[open.clone()] != "〔" {
            edits.push((open, "〔".to_owned()));
        }
        if &s[close.clone()] != "〕" {
            edits.push((close, "〕".to_owned()));
        }
    }
    apply_edits(text, ChangeKind::DocNumberBrackets, changes, edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the brackets of document numbers' years are, as a pattern says.
    static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\p{Han}[ \t]*([\[［【﹝(（{｛〔])\s*([0-9]{4})\s*([\]］】﹞)）}｝〕])\s*[0-9]+\s*号")
            .expect("valid pattern")
    });

    fn by_pattern(s: &str) -> Vec<(Range<usize>, Range<usize>)> {
        DOC_NUMBER
            .captures_iter(s)
            .map(|c| (c.get(1).expect("group").range(), c.get(3).expect("group").range()))
            .collect()
    }

    #[test]
    fn years_are_found_as_the_pattern_finds_them() {
        // Every text of these pieces, in this order, any of them left out,
        // once and twice over (a number's 号 before the next one's year).
        let slots: [&[&str]; 10] = [
            &["发", "a", "", "⺀", "〆"],
            &["", " ", "\t", "\n"],
            &["[", "【", "（", "〔", "a", ""],
            &["", " ", "\u{3000}"],
            &["2016", "201", "20161"],
            &["", " ", "\n"],
            &["]", "】", "）", "〕", "a", ""],
            &["", " "],
            &["5", "", "a", "12"],
            &["号", ""],
        ];
        let mut texts = vec![String::new()];
        for slot in slots {
            texts = texts.iter().flat_map(|t| slot.iter().map(move |p| format!("{t}{p}"))).collect();
        }
        let mut found = 0;
        for (i, t) in texts.iter().enumerate() {
            let years = doc_number_years(t);
            assert_eq!(years, by_pattern(t), "{t:?}");
            found += years.len();
            let twice = format!("{t}{}", texts[(i * 7919) % texts.len()]);
            assert_eq!(doc_number_years(&twice), by_pattern(&twice), "{twice:?}");
        }
        assert!(found > 1000, "{found}");
        for t in ["发[2016]5号[2017]6号", "发[2016]5号 发[2017]6号", "号[2016]5号", "发（2016）5号（2017）6号"]
        {
            assert_eq!(doc_number_years(t), by_pattern(t), "{t}");
        }
        assert_eq!(doc_number_years("发[2016]5号[2017]6号").len(), 1);
    }

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
