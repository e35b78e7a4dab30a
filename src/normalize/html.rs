//! HTML left in cells: tags are removed, block boundaries (`<p>`, `<li>`,
//! `<br>` …) become line breaks so that list entries stay apart, and
//! entities are decoded.

use super::{Change, ChangeKind};
use crate::text::{entity_at, HTML_BLOCK_TAGS};
use crate::text::{Text, TextBuilder};
use std::borrow::Cow;

/// Tags that are removed without a trace.
const INLINE_TAGS: &[&str] = &[
    "span", "b", "i", "u", "em", "strong", "font", "a", "sub", "sup", "small", "big", "s", "strike", "label", "code",
    "mark", "abbr", "img", "o:p", "html", "body", "head", "meta", "style", "colgroup", "col",
];
/// Longest tag qingdan will take for markup.
const MAX_TAG_LEN: usize = 512;

/// False when `s` surely holds no tag or entity for [`html`] to strip:
/// it has no `<` and no `&` (one scan of its bytes).
pub fn may_hold_html(s: &str) -> bool {
    crate::text::any_byte(s, |b| (b == b'<') | (b == b'&'))
}

/// Removes tags and decodes entities.
pub fn html(text: Text, changes: &mut Vec<Change>) -> Text {
    let s = text.as_str();
    if !may_hold_html(s) {
        return text;
    }
    let bytes = s.as_bytes();
    let mut b: Option<TextBuilder> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let found = match bytes[i] {
            b'<' => tag_at(s, i).map(|(end, block)| (end, Cow::Borrowed(if block { "\n" } else { "" }))),
            b'&' => entity_at(s, i),
            _ => None,
        };
        let Some((end, replacement)) = found else {
            i += 1;
            continue;
        };
        let builder = b.get_or_insert_with(|| TextBuilder::with_capacity(s.len()));
        builder.push_copy(&text, copied..i);
        // A block boundary at the start of the text or right after a line
        // break would only add an empty line.
        let at_line_start = builder.as_str().is_empty() || builder.as_str().ends_with('\n');
        let replacement = if replacement == "\n" && at_line_start { Cow::Borrowed("") } else { replacement };
        builder.push_replace(&text, i..end, &replacement);
        changes.push(Change {
            kind: ChangeKind::Html,
            source: text.source_range(i..end),
            before: s[i..end].to_owned(),
            after: replacement.into_owned(),
        });
        copied = end;
        i = end;
    }
    match b {
        None => text,
        Some(mut builder) => {
            builder.push_copy(&text, copied..s.len());
            builder.finish()
        }
    }
}

/// A tag starting at `start`: its end, and whether it is a block tag.
fn tag_at(s: &str, start: usize) -> Option<(usize, bool)> {
    let rest = &s[start + 1..];
    if let Some(comment) = rest.strip_prefix("!--") {
        return comment.find("-->").map(|e| (start + 4 + e + 3, false));
    }
    let close = rest.find('>')?;
    if close > MAX_TAG_LEN {
        return None;
    }
    let inner = &rest[..close];
    if inner.contains(['<', '\n']) {
        return None;
    }
    let name_part = inner.strip_prefix('/').unwrap_or(inner);
    let name: String = name_part
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() {
        return None;
    }
    // The name must end the tag or be followed by white space or `/`.
    let after = &name_part[name.len()..];
    if !(after.is_empty() || after.starts_with([' ', '\t', '/'])) {
        return None;
    }
    let end = start + 1 + close + 1;
    if HTML_BLOCK_TAGS.contains(&name.as_str()) {
        Some((end, true))
    } else if INLINE_TAGS.contains(&name.as_str()) {
        Some((end, false))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> (String, usize) {
        let mut ch = Vec::new();
        let t = html(Text::from_source(s), &mut ch);
        (t.into_string(), ch.len())
    }

    #[test]
    fn paragraphs_and_lists_become_lines() {
        let (t, n) = run("<p>因不履行或不正确履行行政职责，应承担相应责任：</p> <ol style=\"list-style-type: none\"><li>没有法律依据的；</li><li>显失公正的；</li></ol>");
        assert_eq!(t, "因不履行或不正确履行行政职责，应承担相应责任：\n \n没有法律依据的；\n显失公正的；\n");
        assert_eq!(n, 8);
    }

    #[test]
    fn entities() {
        let (t, _) = run("&ldquo; 双随机一公开 &rdquo;&#8220;&#x201D;&amp;");
        assert_eq!(t, "“ 双随机一公开 ”“”&");
    }

    #[test]
    fn text_that_is_not_markup_stays() {
        let (t, n) = run("a < b & c; <社会保险法> <2018> &unknown;");
        assert_eq!(t, "a < b & c; <社会保险法> <2018> &unknown;");
        assert_eq!(n, 0);
    }

    #[test]
    fn offsets_point_at_the_markup() {
        let src = "<p>甲</p>";
        let mut ch = Vec::new();
        let t = html(Text::from_source(src), &mut ch);
        assert_eq!(t.as_str(), "甲\n");
        assert_eq!(t.source_offset(0), 3);
        assert_eq!(ch[1].source, 6..10);
    }
}
