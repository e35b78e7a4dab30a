//! HTML as left in exported cells and as web pages are written: the tags
//! that end a block of text, and character references.

/// Tags whose boundary ends a block of text (a paragraph, a list entry, a
/// line break, a table's row or cell).
pub const HTML_BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "li",
    "ol",
    "ul",
    "div",
    "tr",
    "td",
    "th",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dd",
    "dt",
    "dl",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "main",
    "center",
    "form",
    "blockquote",
    "pre",
    "hr",
    "title",
];

use std::borrow::Cow;

/// Named entities seen in exported lists, with what they stand for.
const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("ensp", " "),
    ("emsp", " "),
    ("thinsp", " "),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("hellip", "…"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("middot", "·"),
    ("times", "×"),
    ("divide", "÷"),
    ("deg", "°"),
    ("plusmn", "±"),
    ("permil", "‰"),
    ("sect", "§"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("bull", "•"),
    ("copy", "©"),
    ("reg", "®"),
    ("yen", "¥"),
];

/// An HTML character reference (`&nbsp;`, `&#26469;`, `&#x6765;`) starting
/// at byte `start` of `s`: its end and the text it stands for.
pub fn entity_at(s: &str, start: usize) -> Option<(usize, Cow<'static, str>)> {
    let rest = &s[start + 1..];
    let semi = rest.get(..12).unwrap_or(rest).find(';')?;
    let body = &rest[..semi];
    let end = start + 1 + semi + 1;
    if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        let c = char::from_u32(code)?;
        return Some((end, Cow::Owned(c.to_string())));
    }
    ENTITIES.iter().find(|(name, _)| *name == body).map(|(_, v)| (end, Cow::Borrowed(*v)))
}
