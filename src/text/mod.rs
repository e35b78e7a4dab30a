//! Text that remembers where it came from.
//!
//! Every stage after decoding works on [`Text`]: a string together with a map
//! from its byte offsets back to byte offsets in the decoded source. Passes
//! build new texts with [`TextBuilder`], which composes the maps as it goes,
//! so a cell cut out of a table and cleaned by five passes still points at the
//! exact place in the user's file.

mod chars;
mod hash;
mod markup;
mod numerals;
mod source;

pub use chars::{is_cjk, is_cjk_punct, is_dash_variant, is_han};
pub use hash::{CharHasher, CharMap, CharTable};
pub use markup::{entity_at, HTML_BLOCK_TAGS};
pub use numerals::{chinese_number, ends_with_list_marker, is_circled_number, opening_list_number, to_chinese};
pub(crate) use source::line_starts;
pub use source::{LineCol, SourceFile};

use std::ops::Range;

/// One run of output bytes and the source bytes it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    /// First output byte of the run.
    out: usize,
    /// First source byte.
    src: usize,
    /// End of the source range (exclusive); for a copy it is `src + run length`.
    src_end: usize,
    /// A copy maps byte for byte; otherwise the whole run stands for `src..src_end`.
    copy: bool,
}

/// A string with a map from its byte offsets to byte offsets in the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    text: String,
    segments: Vec<Segment>,
}

impl Text {
    /// A text that is its own source: every byte maps to itself.
    pub fn from_source(source: &str) -> Text {
        Text::at_offset(source, 0)
    }

    /// A text copied from the source at `offset`.
    pub fn at_offset(source: &str, offset: usize) -> Text {
        let segments = if source.is_empty() {
            Vec::new()
        } else {
            vec![Segment { out: 0, src: offset, src_end: offset + source.len(), copy: true }]
        };
        Text { text: source.to_owned(), segments }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// True when the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Consumes the text, giving the string.
    pub fn into_string(self) -> String {
        self.text
    }

    fn segment_index(&self, offset: usize) -> Option<usize> {
        if self.segments.is_empty() {
            return None;
        }
        let i = self.segments.partition_point(|s| s.out <= offset);
        Some(i.saturating_sub(1))
    }

    /// Source offset of the byte at `offset` (or of the end, when `offset == len`).
    pub fn source_offset(&self, offset: usize) -> usize {
        if offset >= self.text.len() {
            return self.source_end(self.text.len());
        }
        match self.segment_index(offset) {
            None => 0,
            Some(i) => {
                let s = self.segments[i];
                if s.copy {
                    s.src + (offset - s.out)
                } else {
                    s.src
                }
            }
        }
    }

    /// Source offset just past the byte before `end`.
    fn source_end(&self, end: usize) -> usize {
        if end == 0 {
            return self.segments.first().map_or(0, |s| s.src);
        }
        match self.segment_index(end - 1) {
            None => 0,
            Some(i) => {
                let s = self.segments[i];
                if s.copy {
                    s.src + (end - s.out)
                } else {
                    s.src_end
                }
            }
        }
    }

    /// The source byte range that the output range `range` stands for.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.source_offset(range.start);
        if range.is_empty() {
            return start..start;
        }
        let end = self.source_end(range.end).max(start);
        start..end
    }

    /// The source range of the whole text.
    pub fn span(&self) -> Range<usize> {
        self.source_range(0..self.text.len())
    }

    /// Pieces of text joined into one, a line break between each two, each
    /// break standing in the source where the piece after it starts: a
    /// cell's lines, or a column's cells, read as one text.
    pub fn joined_as_lines<'a>(pieces: impl IntoIterator<Item = &'a Text>) -> Text {
        let mut b = TextBuilder::new();
        for (i, t) in pieces.into_iter().enumerate() {
            if i > 0 {
                let at = t.source_offset(0);
                b.push_str_at("\n", at..at);
            }
            b.push_text(t);
        }
        b.finish()
    }

    /// A part of this text, keeping its map. `range` must lie on char boundaries.
    pub fn slice(&self, range: Range<usize>) -> Text {
        let mut b = TextBuilder::with_capacity(range.len());
        b.push_copy(self, range);
        b.finish()
    }

    /// The byte ranges of the lines, without their `\n`.
    pub fn line_ranges(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let bytes = self.text.as_bytes();
        // One search over the whole text, not one set up afresh for each
        // line: most lines are short, and every stage reads them all.
        let mut breaks = memchr::memchr_iter(b'\n', bytes);
        let mut start = 0;
        let mut done = bytes.is_empty();
        std::iter::from_fn(move || {
            if done {
                return None;
            }
            match breaks.next() {
                Some(i) => {
                    let r = start..i;
                    start = i + 1;
                    Some(r)
                }
                None => {
                    done = true;
                    Some(start..bytes.len())
                }
            }
        })
    }

    /// The range of the text without leading and trailing white space.
    pub fn trimmed_range(&self, range: Range<usize>) -> Range<usize> {
        let s = &self.text[range.clone()];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return range.start..range.start;
        }
        range.start + lead..range.end - trail
    }

    /// This text without leading and trailing white space.
    pub fn trim(&self) -> Text {
        self.slice(self.trimmed_range(0..self.len()))
    }
}

/// Whether `s` opens with a duty's heading: a few ideographs naming a
/// stage or a task, then `责任：` (`审查阶段责任：`, `受理责任:`), not the
/// `相应责任：` of a liability's preamble.
pub fn opens_duty_heading(s: &str) -> bool {
    // Read without line breaks: a heading may be broken (`审查阶段责` / `任：`).
    let s: String = s.chars().filter(|c| !c.is_whitespace()).take(10).collect();
    let Some(at) = s.find("责任") else { return false };
    let head = &s[..at];
    let n = head.chars().count();
    (2..=6).contains(&n)
        && head.chars().all(is_han)
        && !head.ends_with("相应")
        && s[at + "责任".len()..].starts_with(['：', ':'])
}

/// Whether any byte of `s` passes `test`. The bytes are taken 32 at a time
/// without stopping inside a block, so that the compiler can compare a
/// whole block at once: the rules' pre-checks scan every text value.
#[inline]
pub fn any_byte(s: &str, test: impl Fn(u8) -> bool) -> bool {
    let mut blocks = s.as_bytes().chunks_exact(32);
    for block in blocks.by_ref() {
        if block.iter().fold(false, |acc, &b| acc | test(b)) {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| test(b))
}

/// Whether any two neighbouring bytes of `s` pass `test`, taken 32 pairs
/// at a time like [`any_byte`].
#[inline]
pub fn any_byte_pair(s: &str, test: impl Fn(u8, u8) -> bool) -> bool {
    let b = s.as_bytes();
    let Some(n) = b.len().checked_sub(1) else { return false };
    let (firsts, seconds) = (&b[..n], &b[1..]);
    let mut at = 0;
    while at + 32 <= n {
        let hit = firsts[at..at + 32].iter().zip(&seconds[at..at + 32]).fold(false, |acc, (&x, &y)| acc | test(x, y));
        if hit {
            return true;
        }
        at += 32;
    }
    firsts[at..].iter().zip(&seconds[at..]).any(|(&x, &y)| test(x, y))
}

/// The pieces of `text` between line feeds, as `text.split('\n')` gives
/// them, found with a vectorised byte search: the readers of whole lists
/// split every file this way.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes()).map(Some).chain([None]).map(move |feed| {
        let end = feed.unwrap_or(text.len());
        let piece = &text[start..end];
        start = end + 1;
        piece
    })
}

/// The lines of `text` as [`split_lines`] gives them, from an index of where
/// each begins (`0`, then each byte after a `\n`), so a text already indexed
/// is not searched again.
pub(crate) fn lines_at<'t, 's>(text: &'t str, starts: &'s [usize]) -> impl Iterator<Item = &'t str> + use<'t, 's> {
    starts.iter().enumerate().map(move |(k, &start)| {
        let end = starts.get(k + 1).map_or(text.len(), |&next| next - 1);
        &text[start..end]
    })
}

/// Punctuation a quotation may carry or drop without changing what it quotes.
fn is_quote_punct(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '，' | '。' | '；' | '：' | '、' | '（' | '）' | '《' | '》' | '"')
}

/// The characters that identify a quotation: `s` without white space and
/// quotation punctuation.
pub fn quote_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|&c| !is_quote_gap(c))
}

/// The bytes of [`quote_chars`], appended to `out`: the runs between the
/// white space and quotation punctuation left out, copied as they stand.
/// Read a byte at a time, not a character: most of a quotation is
/// ideographs, which are never left out and need no decoding to be told so.
pub fn quote_bytes(s: &str, out: &mut Vec<u8>) {
    let gap = |s: &str, at: usize| match s.as_bytes()[at] {
        b @ 0..=0x7F => (b.is_ascii_whitespace() || b == 0x0B || b == b'"', 1),
        // U+4000..=U+9FFF: ideographs, neither space nor punctuation.
        0xE4..=0xE9 => (false, 3),
        _ => s[at..].chars().next().map_or((false, s.len() - at), |c| (is_quote_gap(c), c.len_utf8())),
    };
    for_each_run(s, gap, |run| out.extend_from_slice(run.as_bytes()));
}

/// Calls `keep` with each run of `s` between its gaps, in order (a run may
/// be empty). `gap(s, at)` tells of the char at byte `at` whether it is a
/// gap, and its length in bytes, from its first byte where that says
/// enough: text is read a byte at a time and decoded only where it must be.
#[inline]
pub fn for_each_run(s: &str, gap: impl Fn(&str, usize) -> (bool, usize), mut keep: impl FnMut(&str)) {
    let (mut run, mut at) = (0, 0);
    while at < s.len() {
        let (is_gap, len) = gap(s, at);
        if is_gap {
            keep(&s[run..at]);
            run = at + len;
        }
        at += len;
    }
    keep(&s[run..]);
}

/// White space or quotation punctuation: what a quotation's identity leaves out.
fn is_quote_gap(c: char) -> bool {
    c.is_whitespace() || is_quote_punct(c)
}

/// Two characters as one 64-bit key: a bigram hashed, sorted or compared
/// as one word.
pub fn char_pair(a: char, b: char) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// [`char::is_whitespace`], told without the Unicode table for the
/// characters most of a Chinese text is made of: no white space stands
/// above U+3000, nor among ASCII but the usual six.
#[inline]
pub fn is_white_space(c: char) -> bool {
    match u32::from(c) {
        0x09..=0x0D | 0x20 => true,
        0..=0x7F | 0x3001.. => false,
        _ => c.is_whitespace(),
    }
}

/// Bytes that may begin a white space character: ASCII's six, and the
/// first bytes of U+0085, U+00A0 (C2), U+1680 (E1), U+2000..U+205F (E2)
/// and U+3000 (E3).
const MAY_BEGIN_WHITE_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b, 0x09..=0x0D | 0x20 | 0xC2 | 0xE1 | 0xE2 | 0xE3);
        b += 1;
    }
    table
};

/// The length in bytes of the white space character ([`char::is_whitespace`])
/// that begins at byte `at` of UTF-8 text `b`, or 0: told from its bytes,
/// nothing decoded. Any byte may be asked, not only a character's first:
/// no white space begins with a byte that goes on a character.
#[inline]
pub fn white_space_len(b: &[u8], at: usize) -> usize {
    if !MAY_BEGIN_WHITE_SPACE[usize::from(b[at])] {
        return 0;
    }
    let next = |k: usize| b.get(at + k).copied().unwrap_or(0);
    match b[at] {
        0x09..=0x0D | 0x20 => 1,
        0xC2 if matches!(next(1), 0x85 | 0xA0) => 2,
        0xE1 if next(1) == 0x9A && next(2) == 0x80 => 3,
        0xE2 if next(1) == 0x80 && matches!(next(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => 3,
        0xE2 if next(1) == 0x81 && next(2) == 0x9F => 3,
        0xE3 if next(1) == 0x80 && next(2) == 0x80 => 3,
        _ => 0,
    }
}

/// `s` as [`str::escape_debug`] writes it, without the escaping work for
/// text it leaves as it is, as nearly all of a Chinese list is: the
/// standard library decides whether each character is printable by a
/// table search.
pub fn escape_debug(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(shown_as_is) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.escape_debug().to_string())
    }
}

/// Characters [`str::escape_debug`] leaves as they are, wherever they
/// stand: printable ASCII but quotes and the backslash, the Han ideographs
/// of the Basic Multilingual Plane, and the CJK punctuation Chinese text
/// uses (a test checks each against the standard library).
fn shown_as_is(c: char) -> bool {
    (matches!(c, ' '..='~') && !matches!(c, '\\' | '\'' | '"'))
        || matches!(c as u32,
            0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0x3001..=0x3011
            | 0x3014..=0x301F
            | 0xFF01..=0xFF5E
            | 0x2014
            | 0x2018..=0x201D
            | 0x2026
            | 0x00B7)
}

/// The distinct character bigrams of a quotation (see [`quote_chars`]),
/// sorted, for comparing it with [`count_shared`].
pub fn quote_bigrams(s: &str) -> Vec<u64> {
    let mut v = Vec::with_capacity(s.len() / 3);
    let mut prev: Option<char> = None;
    for c in quote_chars(s) {
        if let Some(p) = prev {
            v.push(char_pair(p, c));
        }
        prev = Some(c);
    }
    v.sort_unstable();
    v.dedup();
    v
}

/// How many elements two sorted slices share, counting repeats as often as
/// both hold them (a merge, linear in their lengths).
pub fn count_shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// Builds a [`Text`] out of pieces of other texts, composing their maps.
#[derive(Debug, Default)]
pub struct TextBuilder {
    text: String,
    segments: Vec<Segment>,
}

impl TextBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty builder with room for `bytes` bytes.
    pub fn with_capacity(bytes: usize) -> Self {
        TextBuilder { text: String::with_capacity(bytes), segments: Vec::new() }
    }

    /// What has been built so far.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    fn push_segment(&mut self, seg: Segment) {
        if let Some(last) = self.segments.last_mut() {
            // A copy that continues the previous copy extends it.
            if last.copy && seg.copy && last.src_end == seg.src && seg.out == last.out + (last.src_end - last.src) {
                last.src_end = seg.src_end;
                return;
            }
            if last.out == seg.out {
                *last = seg;
                return;
            }
        }
        self.segments.push(seg);
    }

    /// Appends `from[range]` unchanged.
    pub fn push_copy(&mut self, from: &Text, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let base = self.text.len();
        self.text.push_str(&from.text[range.clone()]);
        let Some(mut i) = from.segment_index(range.start) else {
            return;
        };
        while i < from.segments.len() {
            let s = from.segments[i];
            let seg_end = from.segments.get(i + 1).map_or(from.text.len(), |n| n.out);
            let start = s.out.max(range.start);
            let end = seg_end.min(range.end);
            if start >= range.end {
                break;
            }
            if start < end {
                let out = base + (start - range.start);
                let seg = if s.copy {
                    let src = s.src + (start - s.out);
                    Segment { out, src, src_end: src + (end - start), copy: true }
                } else {
                    Segment { out, src: s.src, src_end: s.src_end, copy: false }
                };
                self.push_segment(seg);
            }
            i += 1;
        }
    }

    /// Appends all of `from`.
    pub fn push_text(&mut self, from: &Text) {
        self.push_copy(from, 0..from.len());
    }

    /// Appends `replacement`, standing for `from[range]`.
    pub fn push_replace(&mut self, from: &Text, range: Range<usize>, replacement: &str) {
        if replacement.is_empty() {
            return;
        }
        let src = from.source_range(range);
        self.push_str_at(replacement, src);
    }

    /// Appends `s`, standing for the source range `src`.
    pub fn push_str_at(&mut self, s: &str, src: Range<usize>) {
        if s.is_empty() {
            return;
        }
        let out = self.text.len();
        self.text.push_str(s);
        self.push_segment(Segment { out, src: src.start, src_end: src.end, copy: false });
    }

    /// The finished text.
    pub fn finish(self) -> Text {
        Text { text: self.text, segments: self.segments }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn white_space_is_told_from_bytes_as_the_standard_library_tells_it() {
        let all: String = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
        let expected: String = all.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(crate::layout::columns::compact(&all), expected);
        for (i, c) in all.char_indices() {
            let len = super::white_space_len(all.as_bytes(), i);
            assert_eq!(len, if c.is_whitespace() { c.len_utf8() } else { 0 }, "U+{:04X}", c as u32);
            // No byte inside a character begins white space.
            for k in 1..c.len_utf8() {
                assert_eq!(super::white_space_len(all.as_bytes(), i + k), 0, "inside U+{:04X}", c as u32);
            }
        }
        // Cut short at the end of the text.
        assert_eq!(super::white_space_len(b"a\xE3\x80", 1), 0);
        assert_eq!(crate::layout::columns::compact(" 社 会\u{3000}保险\n"), "社会保险");
    }

    #[test]
    fn white_space_is_the_standard_librarys() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(super::is_white_space(c), c.is_whitespace(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn characters_shown_as_is_are_those_the_standard_library_leaves() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|&c| super::shown_as_is(c)) {
            let (alone, after) = (c.to_string(), format!("a{c}"));
            assert_eq!(alone.escape_debug().to_string(), alone, "U+{:04X}", c as u32);
            assert_eq!(after.escape_debug().to_string(), after, "U+{:04X}", c as u32);
        }
        for s in ["", "《社会保险法》第八十七条：", "a\tb", "引号\"与'", "\u{300}组合", "\u{3000}", "换\n行", "\\"]
        {
            assert_eq!(super::escape_debug(s), s.escape_debug().to_string(), "{s}");
        }
    }

    #[test]
    fn quote_bytes_are_the_quote_chars() {
        let check = |text: &str| {
            let mut bytes = Vec::new();
            super::quote_bytes(text, &mut bytes);
            assert_eq!(bytes, super::quote_chars(text).collect::<String>().into_bytes(), "{text:?}");
        };
        for text in ["", "“社会保险法”第八十七条：以欺诈、伪造 证明材料。", "，，", "a b\tc", "\u{3000}甲\u{85}乙\u{b}"]
        {
            check(text);
        }
        // Every character, alone and between ideographs: the byte-level
        // reading must leave out exactly what the character-level one does.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            check(&format!("{c}"));
            check(&format!("甲{c}乙{c}"));
        }
    }

    #[test]
    fn lines_split_as_str_split_does() {
        for text in ["", "\n", "a", "a\n", "\na", "序号\n事项名称\n\n编码", "a\r\nb\n"] {
            let ours: Vec<&str> = super::split_lines(text).collect();
            let std: Vec<&str> = text.split('\n').collect();
            assert_eq!(ours, std, "{text:?}");
            let indexed = super::SourceFile::new("t", text);
            let starts = indexed.line_starts();
            let at: Vec<&str> = super::lines_at(text, &starts).collect();
            assert_eq!(at, std, "{text:?}");
        }
    }

    use super::*;

    #[test]
    fn any_byte_looks_at_every_block_and_the_rest() {
        let long = "社会保险".repeat(20);
        for at in [0, 5, 31, 32, 63, long.len()] {
            let mut s = long.clone();
            s.insert(at - at % 3, '<');
            assert!(any_byte(&s, |b| b == b'<'), "at {at}");
        }
        assert!(!any_byte(&long, |b| b == b'<'));
        assert!(!any_byte("", |b| b == b'<'));
        for at in [0, 3, 30, 33, 90, long.len()] {
            let mut s = long.clone();
            s.insert_str(at, "<>");
            assert!(any_byte_pair(&s, |x, y| x == b'<' && y == b'>'), "at {at}");
        }
        assert!(!any_byte_pair(&long, |x, y| x == b'<' && y == b'>'));
        assert!(!any_byte_pair("<", |x, y| x == b'<' && y == b'>'));
    }

    #[test]
    fn identity_map() {
        let t = Text::from_source("对医疗保险");
        assert_eq!(t.source_offset(3), 3);
        assert_eq!(t.source_range(3..9), 3..9);
        assert_eq!(t.span(), 0..15);
    }

    #[test]
    fn slices_keep_their_source() {
        let t = Text::at_offset("甲乙丙丁", 100);
        let s = t.slice(3..9);
        assert_eq!(s.as_str(), "乙丙");
        assert_eq!(s.source_range(0..3), 103..106);
        assert_eq!(s.span(), 103..109);
    }

    #[test]
    fn replacements_map_to_the_whole_replaced_range() {
        let t = Text::from_source("a&amp;b");
        let mut b = TextBuilder::new();
        b.push_copy(&t, 0..1);
        b.push_replace(&t, 1..6, "&");
        b.push_copy(&t, 6..7);
        let u = b.finish();
        assert_eq!(u.as_str(), "a&b");
        assert_eq!(u.source_offset(1), 1);
        assert_eq!(u.source_range(1..2), 1..6);
        assert_eq!(u.source_offset(2), 6);
        assert_eq!(u.span(), 0..7);
    }

    #[test]
    fn maps_compose_through_several_builds() {
        let t = Text::from_source("x  y\nz");
        let mut b = TextBuilder::new();
        b.push_copy(&t, 0..1);
        b.push_copy(&t, 3..4);
        b.push_copy(&t, 5..6);
        let u = b.finish();
        assert_eq!(u.as_str(), "xyz");
        let v = u.slice(1..3);
        assert_eq!(v.as_str(), "yz");
        assert_eq!(v.source_offset(0), 3);
        assert_eq!(v.source_offset(1), 5);
        assert_eq!(v.span(), 3..6);
    }

    #[test]
    fn lines_and_trim() {
        let t = Text::from_source(" a \nb\n");
        let lines: Vec<_> = t.line_ranges().collect();
        assert_eq!(lines, vec![0..3, 4..5, 6..6]);
        assert_eq!(Text::from_source("").line_ranges().count(), 0);
        assert_eq!(Text::from_source("a").line_ranges().collect::<Vec<_>>(), vec![0..1]);
        assert_eq!(Text::from_source("\n\n").line_ranges().collect::<Vec<_>>(), vec![0..0, 1..1, 2..2]);
        assert_eq!(t.trim().as_str(), "a \nb");
        assert_eq!(t.trim().source_offset(0), 1);
    }
}
