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

use super::spans::{SpanIndex, TreeBuilder, NONE as NONE_NODE};
use crate::model::{Citation, Document, Duty, ExtraCell, Item, List, Text, Tier};
use std::borrow::Cow;
use std::ops::Range;

/// A line of content: its indentation and what follows it, and what the
/// reader learnt of its key, for the span index.
#[derive(Clone, Copy)]
struct Line<'a> {
    indent: usize,
    body: &'a str,
    key: KeyOnLine,
}

/// The key a content line holds (after its dash, on a sequence's first
/// entry), as the reader or the index found it: the span index walks these
/// instead of reading each line's text again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KeyOnLine {
    /// The key's slot in [`KEY_TABLE`]; [`NO_KEY`] for a line without one.
    slot: u8,
    /// Whether the line starts with a sequence's dash (`- `).
    dash: bool,
    /// Whether the key's value on the line is a flow sequence (`[`).
    flow: bool,
}

/// [`KeyOnLine::slot`] of a line without a key.
const NO_KEY: u8 = u8::MAX;
const _: () = assert!(KEY_SLOTS < NO_KEY as usize);

struct Reader<'a> {
    lines: Vec<Line<'a>>,
    at: usize,
}

/// Gives up on the fast path.
struct Outside;

type R<T> = Result<T, Outside>;

/// Reads `text` if it is in the canonical form; `None` when it is not (or
/// is not a list at all), for the full reader to take.
pub fn read_canonical(text: &str) -> Option<List<'_>> {
    read_canonical_keeping_lines(text, crate::text::split_lines(text)).map(|(list, _)| list)
}

/// The content lines of a list the canonical reader read, as offsets into
/// its text (so they can be kept beside it): the span index walks them
/// instead of cutting the text into lines again.
#[derive(Debug)]
pub(crate) struct ContentLines(Vec<LineAt>);

/// One content line: its indentation, where its body starts and how long
/// it is, and its key.
#[derive(Debug, Clone, Copy)]
struct LineAt {
    indent: u32,
    start: u32,
    len: u32,
    key: KeyOnLine,
}

/// [`read_canonical`] of a text already cut into `raw_lines` (as
/// [`crate::text::split_lines`] cuts it), with the content lines it found;
/// `None` for them past the 4 GiB their offsets can hold.
pub(crate) fn read_canonical_keeping_lines<'a>(
    text: &'a str,
    raw_lines: impl Iterator<Item = &'a str>,
) -> Option<(List<'a>, Option<ContentLines>)> {
    if has_tab_or_cr(text) {
        return None;
    }
    let mut lines = Vec::with_capacity(text.len() / 40);
    for raw in raw_lines {
        let body = raw.trim_start_matches(' ');
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        if body.ends_with(char::is_whitespace) {
            return None; // trailing spaces: leave the fine points to the full reader
        }
        let key = KeyOnLine { slot: NO_KEY, dash: body.starts_with("- "), flow: false };
        lines.push(Line { indent: raw.len() - body.len(), body, key });
    }
    let mut r = Reader { lines, at: 0 };
    let list = r.list().ok()?;
    let kept = (u32::try_from(text.len()).is_ok()).then(|| {
        // Each body is a slice of `text`: where it starts is how far its first byte is from the text's.
        let base = text.as_ptr() as usize;
        let at = |l: &Line| LineAt {
            indent: l.indent as u32,
            start: (l.body.as_ptr() as usize - base) as u32,
            len: l.body.len() as u32,
            key: l.key,
        };
        ContentLines(r.lines.iter().map(at).collect())
    });
    Some((list, kept))
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
        // The keys met, by their slots: a key met twice is not the canonical
        // form, and neither is a key the format does not have.
        let mut seen = 0u128;
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
            let (slot, key) = known_slot(key).ok_or(Outside)?;
            if seen & (1 << slot) != 0 {
                return Err(Outside);
            }
            seen |= 1 << slot;
            // The entry's line is the last one taken, a dash's line included.
            let line = &mut self.lines[self.at - 1].key;
            line.slot = slot as u8;
            line.flow = rest.starts_with('[');
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

    fn list(&mut self) -> R<List<'a>> {
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

    fn document(&mut self, parent: usize) -> R<Document<'a>> {
        let mut d = Document::default();
        // `document:` with nothing under it is null to YAML, which no struct reads.
        if self.peek().is_none_or(|l| l.indent != parent + 2) {
            return Err(Outside);
        }
        self.entries(parent + 2, None, |r, key, value| {
            let field = match key {
                "notes" => {
                    r.sequence(value.block()?, |_, _, first| {
                        d.notes.push(scalar(first)?);
                        Ok(())
                    })?;
                    return Ok(());
                }
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

    fn item(&mut self, indent: usize, first: &'a str) -> R<Item<'a>> {
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
                "extra" => {
                    item.extra = r.string_maps(value.block()?, extra_field)?;
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

    fn citations(&mut self, parent: usize) -> R<Vec<Citation<'a>>> {
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

    /// A block sequence under a key at `parent` indentation of mappings whose
    /// values are all strings: `field` gives each key's place, `None` for a
    /// key the mapping does not have.
    fn string_maps<T: Default>(
        &mut self,
        parent: usize,
        field: for<'x> fn(&'x mut T, &str) -> Option<&'x mut Text<'a>>,
    ) -> R<Vec<T>> {
        let mut out = Vec::new();
        self.sequence(parent, |r, indent, first| {
            let mut value_of = T::default();
            r.entries(indent, Some(first), |_, key, value| {
                *field(&mut value_of, key).ok_or(Outside)? = scalar(value.inline()?)?;
                Ok(())
            })?;
            out.push(value_of);
            Ok(())
        })?;
        Ok(out)
    }

    fn tier(&mut self, indent: usize, first: &'a str) -> R<Tier<'a>> {
        let mut t = Tier::default();
        self.entries(indent, Some(first), |r, key, value| {
            match key {
                "level" => t.level = scalar(value.inline()?)?,
                "scope" => t.scope = scalar(value.inline()?)?,
                "duties" => t.duties = r.string_maps(value.block()?, duty_field)?,
                _ => return Err(Outside),
            }
            Ok(())
        })?;
        Ok(t)
    }
}

/// The field of a duty entry under `key`.
fn duty_field<'x, 'a>(d: &'x mut Duty<'a>, key: &str) -> Option<&'x mut Text<'a>> {
    match key {
        "group" => Some(&mut d.group),
        "text" => Some(&mut d.text),
        _ => None,
    }
}

/// The field of an extra cell under `key`.
fn extra_field<'x, 'a>(c: &'x mut ExtraCell<'a>, key: &str) -> Option<&'x mut Text<'a>> {
    match key {
        "header" => Some(&mut c.header),
        "level" => Some(&mut c.level),
        "text" => Some(&mut c.text),
        _ => None,
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

/// The bytes keys are made of (lower-case letters, digits and `_`), by
/// value: one look-up a byte where three ranges were compared.
const KEY_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_';
        b += 1;
    }
    table
};

/// `key: rest` or `key:`; keys are lower-case words.
fn split_key(body: &str) -> R<(&str, &str)> {
    // A key is lower-case letters, digits and `_`, ended by the colon: the
    // scan stops at the first other byte instead of searching the line.
    let colon = body.bytes().position(|b| !KEY_BYTES[usize::from(b)]).ok_or(Outside)?;
    if colon == 0 || body.as_bytes()[colon] != b':' {
        return Err(Outside);
    }
    let key = &body[..colon];
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
/// Borrowed from the text unless escapes change it.
fn scalar(s: &str) -> R<Text<'_>> {
    if let Some(inner) = s.strip_prefix('"') {
        return double_quoted(inner);
    }
    plain(s).map(Cow::Borrowed)
}

/// A plain scalar that YAML reads as this very string: no white space
/// around it, no indicator first, no `: ` or ` #` inside, and nothing that could be a number, null, a
/// boolean or a date.
fn plain(s: &str) -> R<&str> {
    let first = s.chars().next().ok_or(Outside)?;
    // YAML skips the white space around a value; the canonical form has none.
    if first.is_whitespace() || s.ends_with(char::is_whitespace) {
        return Err(Outside);
    }
    // YAML's indicators, all ASCII: compared as bytes, without a search.
    let indicator = first.is_ascii() && b"-?:,[]{}#&*!|>'\"%@`".contains(&(first as u8));
    if indicator || s.ends_with(':') || has_comment_or_mapping_sign(s) {
        return Err(Outside);
    }
    // Numbers, dates, times and null are ASCII: a value that starts like one
    // is taken here when it holds other text (`2018年12月修改`) or is not one
    // of YAML's forms (a file name `000-00.txt`, a SHA-256 `3ee1…`).
    if (first.is_ascii_digit() || matches!(first, '+' | '.' | '~')) && s.is_ascii() && number_or_time(s) {
        return Err(Outside);
    }
    const WORDS: [&str; 11] = ["null", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf"];
    if s.len() <= 5 && WORDS.iter().any(|w| w.eq_ignore_ascii_case(s)) {
        return Err(Outside);
    }
    Ok(s)
}

/// Whether YAML (1.1 or 1.2) could read `s` as a number, a time, a date
/// or null rather than as text: its integers (binary, octal, hex, decimal,
/// sexagesimal, with `_`), floats (with exponents, `.inf`, `.nan`),
/// timestamps and `~`. Generous where the two versions differ: a value
/// it takes goes to the full reader, which costs time, never a wrong value.
fn number_or_time(s: &str) -> bool {
    static FORMS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(concat!(
            r"^(?:~",
            r"|[-+]?(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+",
            // YAML 1.1's floats allow any dots after the first (`1.2.3`).
            r"|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9._]*)?(?:[eE][-+]?[0-9]+)?",
            r"|\.[0-9._]*(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF|nan|NaN|NAN))",
            r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt 	].*)?)$",
        ))
        .expect("a valid pattern")
    });
    FORMS.is_match(s)
}

/// Whether `s` holds `: ` or ` #`, which would make a plain scalar a
/// mapping or end it in a comment. Both are rare in list text (Chinese
/// writes `：`), so the two signs are searched for with a vectorised scan
/// and only the places found are looked at.
fn has_comment_or_mapping_sign(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(b':', b'#', b).any(|i| {
        if b[i] == b':' {
            b.get(i + 1) == Some(&b' ')
        } else {
            i > 0 && b[i - 1] == b' '
        }
    })
}

/// Whether `s` holds a tab or a carriage return, which the canonical form
/// never has outside comments (a vectorised byte search: both are ASCII).
fn has_tab_or_cr(s: &str) -> bool {
    memchr::memchr2(b'\t', b'\r', s.as_bytes()).is_some()
}

/// The rest of a double-quoted scalar after its opening quote: it must close
/// at the end of the line.
fn double_quoted(inner: &str) -> R<Text<'_>> {
    let body = inner.strip_suffix('"').ok_or(Outside)?;
    if !body.bytes().any(|b| b == b'\\' || b == b'"') {
        return Ok(Cow::Borrowed(body));
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
    Ok(Cow::Owned(out))
}

/// `[a, b]`: plain tokens without commas or brackets.
fn flow(s: &str) -> R<Vec<Text<'_>>> {
    let inner = s.strip_prefix('[').and_then(|s| s.strip_suffix(']')).ok_or(Outside)?;
    if inner.is_empty() {
        return Ok(Vec::new());
    }
    // Split at the commas, each but the first token then starting with the
    // space of `, `: a search for the two-byte separator costs more to set
    // up than the scan, on lists of one or two tokens.
    inner
        .split(',')
        .enumerate()
        .map(|(k, t)| if k == 0 { Some(t) } else { t.strip_prefix(' ') })
        .map(|t| {
            let t = t.ok_or(Outside)?;
            if t.is_empty() || t.contains(['[', ']', '{', '}', '"', '\'']) || t.trim() != t {
                Err(Outside)
            } else {
                plain(t).map(Cow::Borrowed)
            }
        })
        .collect()
}

/// Every key the format has: the tree form of the span index names keys by these.
const KEYS: &[&str] = &[
    "qingdan",
    "document",
    "items",
    "source",
    "sha256",
    "encoding",
    "title",
    "issuer",
    "doc_number",
    "date",
    "notes",
    "seq",
    "section",
    "item",
    "sub_item",
    "code",
    "sub_code",
    "type",
    "department",
    "office",
    "responsibility",
    "legal_basis",
    "tier",
    "liability_preamble",
    "liability",
    "remarks",
    "extra",
    "header",
    "ignore",
    "tag",
    "edition",
    "articles",
    "text",
    "level",
    "scope",
    "duties",
    "group",
];

/// Slots of [`KEY_TABLE`].
const KEY_SLOTS: usize = 128;

/// Where a key of this length, first and last byte stands in [`KEY_TABLE`].
const fn key_slot(len: usize, first: u8, last: u8) -> usize {
    (len + first as usize * 7 + last as usize * 20) % KEY_SLOTS
}

/// The format's keys by [`key_slot`]: every key has a slot of its own,
/// which the build checks.
const KEY_TABLE: [&str; KEY_SLOTS] = {
    let mut table = [""; KEY_SLOTS];
    let mut i = 0;
    while i < KEYS.len() {
        let k = KEYS[i].as_bytes();
        let slot = key_slot(k.len(), k[0], k[k.len() - 1]);
        assert!(table[slot].is_empty(), "two keys of the format share a slot: change key_slot");
        table[slot] = KEYS[i];
        i += 1;
    }
    table
};

/// The format's own `&'static` name of `key`, with its slot in
/// [`KEY_TABLE`], which no other key has: one slot to look at and one
/// comparison, for a list has a key on nearly every line.
fn known_slot(key: &str) -> Option<(usize, &'static str)> {
    let b = key.as_bytes();
    let slot = key_slot(b.len(), *b.first()?, *b.last()?);
    let known = KEY_TABLE[slot];
    (known == key).then_some((slot, known))
}

/// Where each value of a canonical list stands, found by walking its lines
/// (as [`crate::text::split_lines`] cuts them): the same answers the full
/// reader's events give, at a fraction of the cost. `None` when the text is
/// not in the canonical form.
pub(crate) fn index_canonical<'a>(text: &'a str, raw_lines: impl Iterator<Item = &'a str>) -> Option<SpanIndex> {
    u32::try_from(text.len()).ok()?;
    let mut lines = Vec::with_capacity(text.len() / 40);
    let mut offset = 0;
    // Tabs and carriage returns are let alone only in comments.
    let any_tab_or_cr = has_tab_or_cr(text);
    for raw in raw_lines {
        let start = offset;
        offset += raw.len() + 1;
        let body = raw.trim_start_matches(' ');
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        if any_tab_or_cr && has_tab_or_cr(raw) {
            return None;
        }
        let indent = raw.len() - body.len();
        let dash = body.starts_with("- ");
        let entry = if dash { &body[2..] } else { body };
        let key = match split_key(entry).ok().and_then(|(key, rest)| Some((known_slot(key)?.0, rest))) {
            Some((slot, rest)) => KeyOnLine { slot: slot as u8, dash, flow: rest.starts_with('[') },
            None => KeyOnLine { slot: NO_KEY, dash, flow: false },
        };
        lines.push(LineAt { indent: indent as u32, start: (start + indent) as u32, len: body.len() as u32, key });
    }
    walk_lines(text, &lines)
}

/// [`index_canonical`] of a list the canonical reader read, from the
/// content lines it kept: they are the lines `index_canonical` would cut
/// (the reader skips the same blank and comment lines, and reads no text
/// with a tab or a carriage return), and their keys are those it read, so
/// the walk reads no text but flow sequences'.
pub(crate) fn index_canonical_lines(text: &str, kept: &ContentLines) -> Option<SpanIndex> {
    walk_lines(text, &kept.0)
}

/// The span index of a canonical list from its content lines.
fn walk_lines(text: &str, lines: &[LineAt]) -> Option<SpanIndex> {
    let capacity = lines.len() * 2;
    let mut w = Walker { text, lines, at: 0, tree: TreeBuilder::new(text.len(), capacity)? };
    w.map(0, 0, false).ok()?;
    (w.at == w.lines.len()).then(|| w.tree.finish())
}

struct Walker<'a> {
    text: &'a str,
    lines: &'a [LineAt],
    at: usize,
    tree: TreeBuilder,
}

impl Walker<'_> {
    /// A block mapping at `indent`, the children of `node`, whose first entry
    /// may share a dash's line (`after_dash`: that entry follows the dash
    /// of the line last taken). Returns the mapping's byte range.
    fn map(&mut self, indent: usize, node: u32, after_dash: bool) -> R<Range<usize>> {
        let mut start = None;
        let mut end = 0;
        let mut after_dash = after_dash;
        let mut before = NONE_NODE;
        loop {
            let (line_start, l) = if std::mem::take(&mut after_dash) {
                let l = self.lines[self.at - 1];
                (l.start as usize + 2, l)
            } else {
                match self.lines.get(self.at) {
                    Some(&l) if l.indent as usize == indent && !l.key.dash => {
                        self.at += 1;
                        (l.start as usize, l)
                    }
                    Some(l) if l.indent as usize > indent => return Err(Outside),
                    _ => break,
                }
            };
            let key = *KEY_TABLE.get(usize::from(l.key.slot)).ok_or(Outside)?;
            let line_end = l.start as usize + l.len as usize;
            // `key:` then nothing, or `key: value`.
            let value_start = line_start + key.len() + 2;
            start.get_or_insert(line_start);
            let child = self.tree.add(node, before, Some(key), 0);
            before = child;
            let value = if value_start > line_end {
                match self.lines.get(self.at) {
                    // `notes` is the one sequence of plain values in the format.
                    Some(n) if n.indent as usize == indent + 2 && n.key.dash => {
                        self.seq(indent + 2, child, key == "notes")?
                    }
                    Some(n) if n.indent as usize == indent + 2 => self.map(indent + 2, child, false)?,
                    _ => return Err(Outside),
                }
            } else {
                if l.key.flow {
                    self.flow(child, value_start..line_end)?;
                }
                value_start..line_end
            };
            end = value.end;
            self.tree.set_span(child, value, Some(line_start));
        }
        Ok(start.unwrap_or(0)..end)
    }

    /// A block sequence with dashes at `indent`, the children of `node`: of
    /// mappings, or with `plain` of scalars.
    fn seq(&mut self, indent: usize, node: u32, plain: bool) -> R<Range<usize>> {
        let mut start = None;
        let mut end = 0;
        let mut k = 0;
        let mut before = NONE_NODE;
        while let Some(&l) = self.lines.get(self.at) {
            if l.indent as usize != indent || !l.key.dash {
                break;
            }
            let line_start = l.start as usize;
            start.get_or_insert(line_start);
            let scalar = line_start + 2..line_start + l.len as usize;
            self.at += 1;
            let child = self.tree.add(node, before, None, k);
            before = child;
            let value = if plain { scalar } else { self.map(indent + 2, child, true)? };
            end = value.end;
            self.tree.set_span(child, value, None);
            k += 1;
        }
        self.tree.end_sequence(node, k);
        Ok(start.ok_or(Outside)?..end)
    }

    /// The elements of the flow sequence `[a, b]` at `range`, the children
    /// of `node`; one that does not close on its line is not the canonical form.
    fn flow(&mut self, node: u32, range: Range<usize>) -> R<()> {
        let at = range.start;
        let text = self.text.get(range).ok_or(Outside)?;
        let inner = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')).ok_or(Outside)?;
        // The reader took tokens without commas, each after the first
        // following `, `: cut at the commas, the space left before each.
        let mut offset = at + 1;
        let mut before = NONE_NODE;
        let mut len = 0;
        for (k, piece) in inner.split(',').enumerate() {
            let token = if k == 0 { piece } else { piece.strip_prefix(' ').unwrap_or(piece) };
            if !token.is_empty() {
                let start = offset + piece.len() - token.len();
                let child = self.tree.add(node, before, None, k as u32);
                self.tree.set_span(child, start..start + token.len(), None);
                before = child;
                len += 1;
            }
            offset += piece.len() + 1;
        }
        self.tree.end_sequence(node, len);
        Ok(())
    }
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
            // White space YAML skips around a value.
            "qingdan: 1\ndocument:\n  notes:\n    -  '#'\nitems: []\n",
            "qingdan: 1\ndocument:\n  notes:\n    -  x\nitems: []\n",
            // Flow sequences other than `[a, b]`.
            "qingdan: 1\nitems:\n  - ignore: [QD101,QD102]\n",
            "qingdan: 1\nitems:\n  - ignore: [QD101,, QD102]\n",
            "qingdan: 1\nitems:\n  - ignore: [QD101 ,QD102]\n",
            "qingdan: 1\nitems:\n  - ignore: [QD101,  QD102]\n",
            "qingdan: 1\nitems:\n  - ignore: [QD101, ]\n",
            "qingdan: 1\nitems:\n  - ignore: [, QD101]\n",
        ] {
            assert!(read_canonical(odd).is_none(), "{odd}");
        }
        let list = read_canonical("qingdan: 1\nitems:\n  - ignore: [QD101, QD102, code-length]\n").unwrap();
        assert_eq!(list.items[0].ignore, ["QD101", "QD102", "code-length"]);
    }

    #[test]
    fn span_index_agrees_with_the_full_readers() {
        let mut texts = vec![LIST.to_owned()];
        for seed in ["000_", "003_", "004_"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
            let path = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(seed))
                .unwrap();
            let parsed =
                crate::parse::parse_bytes("s", &std::fs::read(path).unwrap(), &Default::default()).unwrap().list;
            texts.push(crate::yaml::to_canonical_string(&parsed));
        }
        for text in &texts {
            let fast = index_canonical(text, crate::text::split_lines(text)).expect("canonical");
            let full = crate::yaml::load_full(text, &Default::default()).unwrap();
            let full = full.spans();
            assert_eq!(fast.len(), full.len());
            for (path, span) in full.iter() {
                let path = path.as_str();
                let mine = fast.get(path).unwrap_or_else(|| panic!("{path}"));
                assert_eq!(mine.key, span.key, "{path}");
                // Scalars exactly; collections from the same place.
                assert_eq!(mine.value.start, span.value.start, "{path}");
                if !text[span.value.clone()].contains('\n') {
                    assert_eq!(mine.value, span.value, "{path}");
                }
                assert_eq!(fast.keys_of(path), full.keys_of(path), "{path}");
            }
            // From the lines the reader kept, the same index.
            let with_comments =
                format!("# a comment\n\n{}\n# the end\n", text.replace("\nitems:", "\n\n# items\nitems:"));
            for text in [text.as_str(), &with_comments] {
                // Lists the reader leaves to the full reader keep no lines.
                let Some((_, kept)) = read_canonical_keeping_lines(text, crate::text::split_lines(text)) else {
                    assert!(!text.contains("对“骗保”的处罚"), "the reader reads the example list");
                    continue;
                };
                let from_kept = index_canonical_lines(text, &kept.expect("lines kept")).expect("an index");
                let cut_again = index_canonical(text, crate::text::split_lines(text)).expect("an index");
                assert_eq!(from_kept.iter(), cut_again.iter());
            }
        }
    }

    #[test]
    fn mapping_and_comment_signs_are_found_where_a_pairwise_scan_finds_them() {
        let pairwise =
            |s: &str| crate::text::any_byte_pair(s, |a, b| (a == b':' && b == b' ') || (a == b' ' && b == b'#'));
        let pieces = ["", ":", "#", " ", "a", "：", "＃", "第一条", "x: y", "x #y", "a:b", "a#b", "# ", " :"];
        for x in pieces {
            for y in pieces {
                for z in pieces {
                    let s = format!("{x}{y}{z}");
                    assert_eq!(has_comment_or_mapping_sign(&s), pairwise(&s), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn numbers_and_times_are_told_from_text_that_starts_like_them() {
        let numbers = [
            "0",
            "123",
            "007",
            "1_000",
            "-5",
            "+1",
            "0b101",
            "0o17",
            "0x1F",
            "0xdead_beef",
            "3.0",
            "1.",
            ".5",
            "1e3",
            "1.5E-3",
            "+.inf",
            ".NaN",
            "12:30",
            "1:20:30",
            "1:20:30.5",
            "2019-07-30",
            "2019-7-3",
            "2001-12-14t21:59:43.10-05:00",
            "2001-12-14 21:59:43.10 -5",
            "~",
            "1.2.3.4",
            "..",
        ];
        for s in numbers {
            assert!(number_or_time(s), "{s}");
            assert!(plain(s).is_err(), "{s}");
        }
        let texts = [
            "000-00000.txt",
            "3ee173ebb06cc90cc09a3cfba88bdbfcdff8342a57ad6be779cccd24f21bdb20",
            "1e3x",
            "12:30pm",
            "2019-07-30x",
            "0x",
            "2018年12月修改",
            "3A",
            "123abc",
            ".5a",
            "1.5.x",
        ];
        for s in texts {
            assert!(!number_or_time(s), "{s}");
            assert_eq!(plain(s).ok(), Some(s), "{s}");
        }
    }

    fn known_key(key: &str) -> Option<&'static str> {
        known_slot(key).map(|(_, known)| known)
    }

    #[test]
    fn every_key_of_the_format_is_known_and_nothing_else() {
        for key in KEYS {
            assert_eq!(known_key(key), Some(*key));
            assert_eq!(known_key(&key.to_uppercase()), None);
            assert_eq!(known_key(&format!("{key}_x")), None);
            assert_eq!(known_key(&key[1..]), None, "{key}");
        }
        for other in ["", "x", "codes", "tiers", "ext", "sub", "qingdan_"] {
            assert_eq!(known_key(other), None, "{other}");
        }
    }

    #[test]
    fn escapes_in_double_quotes() {
        assert_eq!(double_quoted("a\\\"b\\\\c\\u00e9\"").ok().as_deref(), Some("a\"b\\cé"));
        assert!(double_quoted("a\\qb\"").is_err());
    }
}
