//! A fast reader for lists in the canonical form that `qingdan` writes (and
//! `fmt` keeps): block mappings and sequences indented by two spaces, one
//! scalar per line, plain or double-quoted, and flow sequences of plain
//! tokens. This is what committed lists look like, and reading them is most
//! of what `validate` does, so it is worth a reader that does nothing else.
//!
//! Anything outside that form (another indentation, an anchor, a multi-line
//! or single-quoted scalar, a plain scalar YAML would read as a number, null
//! or boolean, an unknown or repeated key) makes it give up, and the full
//! YAML reader takes the file: a list reads the same either way, which a
//! property test checks against serde-saphyr.

use crate::model::{Citation, Document, Duty, Item, List, Tier};

/// A line of content: its indentation and what follows it.
#[derive(Clone, Copy)]
struct Line<'a> {
    indent: usize,
    body: &'a str,
}

struct Reader<'a> {
    lines: Vec<Line<'a>>,
    at: usize,
}

/// Gives up on the fast path.
struct Outside;

type R<T> = Result<T, Outside>;

/// Reads `text` if it is in the canonical form; `None` when it is not (or
/// is not a list at all), for the full reader to take.
pub fn read_canonical(text: &str) -> Option<List> {
    let mut lines = Vec::with_capacity(text.len() / 40);
    for raw in text.split('\n') {
        if raw.contains(['\r', '\t']) {
            return None;
        }
        let body = raw.trim_start_matches(' ');
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        if body.trim_end().len() != body.len() {
            return None; // trailing spaces: leave the fine points to the full reader
        }
        lines.push(Line { indent: raw.len() - body.len(), body });
    }
    let mut r = Reader { lines, at: 0 };
    r.list().ok()
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<Line<'a>> {
        self.lines.get(self.at).copied()
    }

    /// The entries of a block mapping at `indent`; `first` is an entry that
    /// shares the line of a sequence dash.
    fn entries(
        &mut self,
        indent: usize,
        first: Option<&'a str>,
        mut on: impl FnMut(&mut Self, &'a str, Value<'a>) -> R<()>,
    ) -> R<()> {
        let mut seen: Vec<&'a str> = Vec::with_capacity(16);
        let mut pending = first;
        loop {
            let body = match pending.take() {
                Some(b) => b,
                None => match self.peek() {
                    Some(l) if l.indent == indent && !l.body.starts_with("- ") && l.body != "-" => {
                        self.at += 1;
                        l.body
                    }
                    Some(l) if l.indent > indent => return Err(Outside),
                    _ => return Ok(()),
                },
            };
            let (key, rest) = split_key(body)?;
            if seen.contains(&key) {
                return Err(Outside);
            }
            seen.push(key);
            let value = if rest.is_empty() { Value::Block(indent) } else { Value::Inline(rest) };
            on(self, key, value)?;
        }
    }

    /// The items of a block sequence under a key at `parent` indentation:
    /// dashes at `parent + 2`, each item a mapping.
    fn sequence(&mut self, parent: usize, mut item: impl FnMut(&mut Self, usize, &'a str) -> R<()>) -> R<()> {
        let dash = parent + 2;
        let mut any = false;
        while let Some(l) = self.peek() {
            if l.indent != dash || !l.body.starts_with("- ") {
                break;
            }
            self.at += 1;
            any = true;
            item(self, dash + 2, &l.body[2..])?;
        }
        if any {
            Ok(())
        } else {
            Err(Outside)
        }
    }

    fn list(&mut self) -> R<List> {
        let mut list = List::default();
        let mut version = None;
        self.entries(0, None, |r, key, value| {
            match key {
                "qingdan" => version = Some(value.inline()?.parse::<u32>().map_err(|_| Outside)?),
                "document" => list.document = r.document(value.block()?)?,
                "items" => {
                    if let Value::Inline("[]") = value {
                        return Ok(());
                    }
                    let parent = value.block()?;
                    r.sequence(parent, |r, indent, first| {
                        list.items.push(r.item(indent, first)?);
                        Ok(())
                    })?
                }
                _ => return Err(Outside),
            }
            Ok(())
        })?;
        if self.at != self.lines.len() {
            return Err(Outside);
        }
        list.qingdan = version.ok_or(Outside)?;
        Ok(list)
    }

    fn document(&mut self, parent: usize) -> R<Document> {
        let mut d = Document::default();
        self.entries(parent + 2, None, |_, key, value| {
            let field = match key {
                "source" => &mut d.source,
                "sha256" => &mut d.sha256,
                "encoding" => &mut d.encoding,
                "title" => &mut d.title,
                "issuer" => &mut d.issuer,
                "doc_number" => &mut d.doc_number,
                "date" => &mut d.date,
                _ => return Err(Outside),
            };
            *field = scalar(value.inline()?)?;
            Ok(())
        })?;
        Ok(d)
    }

    fn item(&mut self, indent: usize, first: &'a str) -> R<Item> {
        let mut item = Item::default();
        self.entries(indent, Some(first), |r, key, value| {
            let field = match key {
                "seq" => {
                    item.seq = Some(value.inline()?.parse::<u64>().map_err(|_| Outside)?);
                    return Ok(());
                }
                "legal_basis" => {
                    item.legal_basis = r.citations(value.block()?)?;
                    return Ok(());
                }
                "liability" => {
                    item.liability = r.citations(value.block()?)?;
                    return Ok(());
                }
                "tier" => {
                    let parent = value.block()?;
                    r.sequence(parent, |r, indent, first| {
                        item.tier.push(r.tier(indent, first)?);
                        Ok(())
                    })?;
                    return Ok(());
                }
                "ignore" => {
                    item.ignore = flow(value.inline()?)?;
                    return Ok(());
                }
                "section" => &mut item.section,
                "item" => &mut item.item,
                "sub_item" => &mut item.sub_item,
                "code" => &mut item.code,
                "sub_code" => &mut item.sub_code,
                "type" => &mut item.kind,
                "department" => &mut item.department,
                "office" => &mut item.office,
                "responsibility" => &mut item.responsibility,
                "liability_preamble" => &mut item.liability_preamble,
                "remarks" => &mut item.remarks,
                _ => return Err(Outside),
            };
            *field = scalar(value.inline()?)?;
            Ok(())
        })?;
        Ok(item)
    }

    fn citations(&mut self, parent: usize) -> R<Vec<Citation>> {
        let mut out = Vec::new();
        self.sequence(parent, |r, indent, first| {
            let mut c = Citation::default();
            r.entries(indent, Some(first), |_, key, value| {
                let field = match key {
                    "articles" => {
                        c.articles = flow(value.inline()?)?;
                        return Ok(());
                    }
                    "tag" => &mut c.tag,
                    "title" => &mut c.title,
                    "edition" => &mut c.edition,
                    "doc_number" => &mut c.doc_number,
                    "text" => &mut c.text,
                    _ => return Err(Outside),
                };
                *field = scalar(value.inline()?)?;
                Ok(())
            })?;
            out.push(c);
            Ok(())
        })?;
        Ok(out)
    }

    fn tier(&mut self, indent: usize, first: &'a str) -> R<Tier> {
        let mut t = Tier::default();
        self.entries(indent, Some(first), |r, key, value| {
            match key {
                "level" => t.level = scalar(value.inline()?)?,
                "scope" => t.scope = scalar(value.inline()?)?,
                "duties" => {
                    let parent = value.block()?;
                    r.sequence(parent, |r, indent, first| {
                        let mut d = Duty::default();
                        r.entries(indent, Some(first), |_, key, value| {
                            match key {
                                "group" => d.group = scalar(value.inline()?)?,
                                "text" => d.text = scalar(value.inline()?)?,
                                _ => return Err(Outside),
                            }
                            Ok(())
                        })?;
                        t.duties.push(d);
                        Ok(())
                    })?;
                }
                _ => return Err(Outside),
            }
            Ok(())
        })?;
        Ok(t)
    }
}

/// What follows a key: a scalar on the same line, or a block below a key at
/// the given indentation.
enum Value<'a> {
    Inline(&'a str),
    Block(usize),
}

impl<'a> Value<'a> {
    fn inline(&self) -> R<&'a str> {
        match self {
            Value::Inline(s) => Ok(s),
            Value::Block(_) => Err(Outside),
        }
    }

    fn block(&self) -> R<usize> {
        match self {
            Value::Block(i) => Ok(*i),
            Value::Inline(_) => Err(Outside),
        }
    }
}

/// `key: rest` or `key:`; keys are lower-case words.
fn split_key(body: &str) -> R<(&str, &str)> {
    let colon = body.find(':').ok_or(Outside)?;
    let key = &body[..colon];
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit()) {
        return Err(Outside);
    }
    let rest = &body[colon + 1..];
    if rest.is_empty() {
        return Ok((key, ""));
    }
    let value = rest.strip_prefix(' ').ok_or(Outside)?;
    if value.is_empty() || value.starts_with(' ') {
        return Err(Outside);
    }
    Ok((key, value))
}

/// A string scalar: double-quoted on one line, or plain and unambiguous.
fn scalar(s: &str) -> R<String> {
    if let Some(inner) = s.strip_prefix('"') {
        return double_quoted(inner);
    }
    plain(s).map(str::to_owned)
}

/// A plain scalar that YAML reads as this very string: no indicator first,
/// no `: ` or ` #` inside, and nothing that could be a number, null, a
/// boolean or a date.
fn plain(s: &str) -> R<&str> {
    let first = s.chars().next().ok_or(Outside)?;
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) || s.ends_with(':') || s.contains(": ") || s.contains(" #") {
        return Err(Outside);
    }
    // Numbers, dates, times and the like are ASCII: a value that starts like
    // one is taken here only when it holds other text (`2018年12月修改`).
    if (first.is_ascii_digit() || matches!(first, '+' | '.' | '~')) && s.is_ascii() {
        return Err(Outside);
    }
    let lower = s.to_ascii_lowercase();
    if matches!(lower.as_str(), "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | ".nan" | ".inf") {
        return Err(Outside);
    }
    Ok(s)
}

/// The rest of a double-quoted scalar after its opening quote: it must close
/// at the end of the line.
fn double_quoted(inner: &str) -> R<String> {
    let body = inner.strip_suffix('"').ok_or(Outside)?;
    if !body.contains(['\\', '"']) {
        return Ok(body.to_owned());
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Err(Outside),
            '\\' => {
                let e = chars.next().ok_or(Outside)?;
                match e {
                    '"' => out.push('"'),
                    '\\' => out.push('\\'),
                    '/' => out.push('/'),
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    '0' => out.push('\0'),
                    ' ' => out.push(' '),
                    'u' => {
                        let hex: String = chars.by_ref().take(4).collect();
                        let code = u32::from_str_radix(&hex, 16).map_err(|_| Outside)?;
                        out.push(char::from_u32(code).ok_or(Outside)?);
                    }
                    _ => return Err(Outside),
                }
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

/// `[a, b]`: plain tokens without commas or brackets.
fn flow(s: &str) -> R<Vec<String>> {
    let inner = s.strip_prefix('[').and_then(|s| s.strip_suffix(']')).ok_or(Outside)?;
    if inner.is_empty() {
        return Ok(Vec::new());
    }
    inner
        .split(", ")
        .map(|t| {
            if t.is_empty() || t.contains([',', '[', ']', '{', '}', '"', '\'']) || t.trim() != t {
                Err(Outside)
            } else {
                plain(t).map(str::to_owned)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "# yaml-language-server: $schema=schema/qingdan.schema.json\nqingdan: 1\ndocument:\n  title: 某市医疗保障局权责清单\n  date: \"2019-07-30\"\nitems:\n  - seq: 1\n    section: 行政处罚\n    item: 对“骗保”的处罚\n    code: \"3700000236009\"\n    type: 行政处罚\n    legal_basis:\n      - tag: 法律\n        title: 社会保险法\n        edition: 2018年12月修改\n        articles: [第八十七条, 第八十八条]\n        text: 社会保险经办机构……\n    tier:\n      - level: 市\n        scope: 按照属地管理原则\n        duties:\n          - group: 直接实施责任\n            text: 执行标准。\n    liability_preamble: 有下列情形的：\n    liability:\n      - text: 没有依据的；\n    ignore: [QD301]\n";

    #[test]
    fn reads_the_canonical_form_as_the_full_reader_does() {
        let fast = read_canonical(LIST).expect("canonical");
        let full = crate::yaml::load(LIST, &Default::default()).unwrap().list;
        assert_eq!(fast, full);
        assert_eq!(fast.items[0].legal_basis[0].articles, ["第八十七条", "第八十八条"]);
    }

    #[test]
    fn gives_up_outside_it() {
        for odd in [
            "qingdan: 1\nitems:\n  - seq: 1\n    item: &a x\n",
            "qingdan: 1\nitems:\n  - item: 'single'\n",
            "qingdan: 1\nitems:\n  - item: 2019-07-30\n",
            "qingdan: 1\nitems:\n  - item: true\n",
            "qingdan: 1\nitems:\n  - item: 123\n",
            "qingdan: 1\nitems:\n  - item: x\n    item: y\n",
            "qingdan: 1\nitems:\n  - colour: x\n",
            "qingdan: 1\nitems:\n    - item: x\n",
            "qingdan: 1\nitems:\n  - item: \"open\n",
            "qingdan: 1\nitems:\n  - item: a # comment\n",
            "qingdan: 1\r\nitems: []\r\n",
            "qingdan: 1\nitems:\n  - item: x\n---\n",
            "items:\n  - item: x\n",
        ] {
            assert!(read_canonical(odd).is_none(), "{odd}");
        }
    }

    #[test]
    fn escapes_in_double_quotes() {
        assert_eq!(double_quoted("a\\\"b\\\\c\\u00e9\"").ok(), Some("a\"b\\cé".to_owned()));
        assert!(double_quoted("a\\qb\"").is_err());
    }
}
