//! Literal escape sequences left by an export: a backslash followed by `n`
//! (or `r\n`) stands for a line break, `\t` for a tab.

use super::{apply_edits, Change, ChangeKind};
use crate::text::Text;

/// False when `s` surely holds no literal escape for [`literal_escapes`]:
/// it has no backslash.
pub fn may_hold_escapes(s: &str) -> bool {
    crate::text::any_byte(s, |b| b == b'\\')
}

/// Turns literal `\n`, `\r\n`, `\r` and `\t` into what they stand for.
pub fn literal_escapes(text: Text, changes: &mut Vec<Change>) -> Text {
    let s = text.as_str();
    if !may_hold_escapes(s) {
        return text;
    }
    let bytes = s.as_bytes();
    let mut edits = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let (len, rep) = if s[i..].starts_with("\\r\\n") {
            (4, "\n")
        } else {
            match bytes[i + 1] {
                b'n' | b'r' => (2, "\n"),
                b't' => (2, "\t"),
                _ => {
                    i += 1;
                    continue;
                }
            }
        };
        // `\name` in a path or a word is not an escape.
        if bytes.get(i + len).is_some_and(|b| b.is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        edits.push((i..i + len, rep.to_owned()));
        i += len;
    }
    apply_edits(text, ChangeKind::LiteralEscape, changes, edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backslash_n_becomes_a_line_break() {
        let mut ch = Vec::new();
        let t = literal_escapes(Text::from_source("和管理情况进行审计。\\n 第三十三条"), &mut ch);
        assert_eq!(t.as_str(), "和管理情况进行审计。\n 第三十三条");
        assert_eq!(ch.len(), 1);
        assert_eq!(ch[0].before, "\\n");
    }

    #[test]
    fn paths_are_left_alone() {
        let mut ch = Vec::new();
        let t = literal_escapes(Text::from_source("C:\\new\\table"), &mut ch);
        assert_eq!(t.as_str(), "C:\\new\\table");
        assert!(ch.is_empty());
    }
}
