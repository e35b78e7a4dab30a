//! Line ends: CRLF, CR, form feed, vertical tab and the Unicode line and
//! paragraph separators all become `\n`.

use super::{Change, ChangeKind};
use crate::text::{Text, TextBuilder};

/// Makes every line end a single `\n`.
pub fn line_ends(text: Text, changes: &mut Vec<Change>) -> Text {
    let s = text.as_str();
    // Byte searches: the separators are found as their UTF-8 bytes, not by
    // decoding every character.
    let needs = crate::text::any_byte(s, |b| matches!(b, b'\r' | b'\x0b' | b'\x0c'))
        || ["\u{2028}", "\u{2029}", "\u{85}"]
            .iter()
            .any(|sep| memchr::memmem::find(s.as_bytes(), sep.as_bytes()).is_some());
    if !needs {
        return text;
    }
    let mut b = TextBuilder::with_capacity(s.len());
    let mut copied = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let end = match c {
            '\r' => match iter.peek() {
                Some(&(j, '\n')) => {
                    iter.next();
                    j + 1
                }
                _ => i + 1,
            },
            '\x0b' | '\x0c' | '\u{2028}' | '\u{2029}' | '\u{85}' => i + c.len_utf8(),
            _ => continue,
        };
        b.push_copy(&text, copied..i);
        b.push_replace(&text, i..end, "\n");
        changes.push(Change {
            kind: ChangeKind::LineEnd,
            source: text.source_range(i..end),
            before: s[i..end].to_owned(),
            after: "\n".into(),
        });
        copied = end;
    }
    b.push_copy(&text, copied..s.len());
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_cr_and_form_feed() {
        let mut ch = Vec::new();
        let t = line_ends(Text::from_source("序号\r\n事项\r编码\x0c备注"), &mut ch);
        assert_eq!(t.as_str(), "序号\n事项\n编码\n备注");
        assert_eq!(ch.len(), 3);
        // 事 sits at byte 8 of the source, after 序号 and CRLF.
        assert_eq!(t.source_offset(7), 8);
        assert_eq!(ch[0].source, 6..8);
    }

    #[test]
    fn plain_text_is_not_copied() {
        let mut ch = Vec::new();
        let t = line_ends(Text::from_source("a\nb"), &mut ch);
        assert_eq!(t.as_str(), "a\nb");
        assert!(ch.is_empty());
    }
}
