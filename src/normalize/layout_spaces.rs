//! Justification spaces: PDF extraction spreads CJK text with spaces
//! (`对 医 疗 保`, `2018 年 12 月`, `第 168 号`). Chinese has no spaces
//! between words, so a run of spaces between two CJK characters, or between
//! CJK and a digit, is layout, not text.

use super::{apply_edits, Change, ChangeKind};
use crate::text::{is_cjk, Text};

fn is_layout_space(left: char, right: char) -> bool {
    (is_cjk(left) && (is_cjk(right) || right.is_ascii_digit())) || (left.is_ascii_digit() && is_cjk(right))
}

/// False when `s` surely holds no space for [`layout_spaces`] to remove:
/// it has no space or tab.
pub fn may_hold_layout_spaces(s: &str) -> bool {
    crate::text::any_byte(s, |b| (b == b' ') | (b == b'\t'))
}

/// Removes justification spaces.
pub fn layout_spaces(text: Text, changes: &mut Vec<Change>) -> Text {
    let s = text.as_str();
    if !may_hold_layout_spaces(s) {
        return text;
    }
    // Each run of spaces and tabs, found by a byte search, is judged by the
    // characters on either side of it: the rest of the text is not read.
    let bytes = s.as_bytes();
    let mut edits = Vec::new();
    let mut at = 0;
    while let Some(found) = memchr::memchr2(b' ', b'\t', &bytes[at..]) {
        let start = at + found;
        let end = start + bytes[start..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        if let (Some(left), Some(right)) = (s[..start].chars().next_back(), s[end..].chars().next()) {
            if is_layout_space(left, right) {
                edits.push((start..end, String::new()));
            }
        }
        at = end;
    }
    apply_edits(text, ChangeKind::LayoutSpace, changes, edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> String {
        layout_spaces(Text::from_source(s), &mut Vec::new()).into_string()
    }

    #[test]
    fn justified_cjk() {
        assert_eq!(run("对 医 疗 保险 经 办 机构"), "对医疗保险经办机构");
        assert_eq!(run("（2018 年 12 月修改）"), "（2018年12月修改）");
        assert_eq!(run("济南市人民政府令第 168 号"), "济南市人民政府令第168号");
        assert_eq!(run("第八十七条： 国家工作人员"), "第八十七条：国家工作人员");
    }

    #[test]
    fn other_spaces_stay() {
        assert_eq!(run("1. 依法依规"), "1. 依法依规");
        assert_eq!(run("3700000 236009"), "3700000 236009");
        assert_eq!(run("山丹县 MB 局"), "山丹县 MB 局");
        assert_eq!(run("甲\n乙"), "甲\n乙");
    }

    #[test]
    fn records_each_run() {
        let mut ch = Vec::new();
        let t = layout_spaces(Text::from_source("对 医  疗"), &mut ch);
        assert_eq!(t.as_str(), "对医疗");
        assert_eq!(ch.len(), 2);
        assert_eq!(ch[1].source, 7..9);
    }
}
