//! HTML character references, as left in exported cells and in web pages.

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
