//! Normalisation passes: small pure functions from [`Text`] to [`Text`].
//!
//! Each pass keeps the offset map (through [`TextBuilder`]) and records what
//! it changed as [`Change`]s, so `parse` can report every repair at the place
//! in the user's file where it was made. Passes never change wording: they
//! fix the form of characters, spaces and markup, nothing else. NFKC is never
//! applied to whole texts, because it would also rewrite （） to () and ﹝﹞
//! to 〔〕 and so hide real defects.
//!
//! Two groups run at different stages:
//! - [`document`] on the whole decoded input, before layout: line ends,
//!   a tab-separated export's quoted cells, unusual spaces, radicals and
//!   compatibility ideographs, full-width ASCII;
//! - [`cell`] on each cell once layout has cut the table: HTML, literal
//!   escapes; then, once lines are joined, [`inline`]: layout spaces,
//!   punctuation width, document-number brackets.

mod brackets;
mod escapes;
mod fullwidth;
mod html;
mod ideograph_table;
mod ideographs;
mod join;
mod layout_spaces;
mod line_ends;
mod punctuation;
mod quoted_cells;
mod spaces;

pub use brackets::doc_number_brackets;
pub use escapes::{literal_escapes, may_hold_escapes};
pub use fullwidth::fullwidth_alphanumerics;
pub use html::{html, may_hold_html};
pub use ideographs::{ideographs, may_hold_compat_ideographs, unified_ideograph};
pub use join::join_lines;
pub use layout_spaces::{layout_spaces, may_hold_layout_spaces};
pub use line_ends::line_ends;
pub use punctuation::{may_hold_halfwidth_punctuation, punctuation_width};
pub use quoted_cells::quoted_tab_cells;
pub use spaces::{ideographic_alignment, spaces};

use crate::text::{Text, TextBuilder};
use std::ops::Range;

/// What kind of repair a pass made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    /// CRLF, CR, form feed or a Unicode line separator became `\n`.
    LineEnd,
    /// U+3000, U+00A0 or another Unicode space became an ASCII space, or a zero-width character was removed.
    Space,
    /// A Kangxi radical, CJK radical or compatibility ideograph became its unified ideograph.
    CompatIdeograph,
    /// A full-width digit or Latin letter, or a number set in one character
    /// (`⒈`, `⑴`), became ASCII.
    FullwidthAlphanumeric,
    /// An HTML tag or entity was removed or decoded.
    Html,
    /// A literal `\n` (backslash, n) became a line break.
    LiteralEscape,
    /// Justification spaces between CJK characters or between CJK and digits were removed.
    LayoutSpace,
    /// ASCII punctuation in CJK context became full width.
    HalfwidthPunctuation,
    /// The brackets around a document number's year became 〔〕.
    DocNumberBrackets,
    /// A tab-separated export's quoted cell was unquoted.
    QuotedCell,
}

impl ChangeKind {
    /// Every kind.
    pub const ALL: [ChangeKind; 10] = [
        ChangeKind::LineEnd,
        ChangeKind::Space,
        ChangeKind::CompatIdeograph,
        ChangeKind::FullwidthAlphanumeric,
        ChangeKind::Html,
        ChangeKind::LiteralEscape,
        ChangeKind::LayoutSpace,
        ChangeKind::HalfwidthPunctuation,
        ChangeKind::DocNumberBrackets,
        ChangeKind::QuotedCell,
    ];

    /// The kebab-case name of the `validate` rule that reports the same problem, if any.
    pub fn rule_name(self) -> Option<&'static str> {
        match self {
            ChangeKind::LineEnd | ChangeKind::Space | ChangeKind::FullwidthAlphanumeric | ChangeKind::QuotedCell => {
                None
            }
            ChangeKind::CompatIdeograph => Some("compat-ideograph"),
            ChangeKind::Html => Some("residual-html"),
            ChangeKind::LiteralEscape => Some("literal-escape"),
            ChangeKind::LayoutSpace => Some("layout-space"),
            ChangeKind::HalfwidthPunctuation => Some("halfwidth-punctuation"),
            ChangeKind::DocNumberBrackets => Some("doc-number-brackets"),
        }
    }

    /// The code of the `validate` rule that reports the same problem, if any.
    pub fn rule_code(self) -> Option<&'static str> {
        match self {
            ChangeKind::LineEnd | ChangeKind::Space | ChangeKind::FullwidthAlphanumeric | ChangeKind::QuotedCell => {
                None
            }
            ChangeKind::CompatIdeograph => Some("QD405"),
            ChangeKind::Html => Some("QD401"),
            ChangeKind::LiteralEscape => Some("QD402"),
            ChangeKind::LayoutSpace => Some("QD403"),
            ChangeKind::HalfwidthPunctuation => Some("QD404"),
            ChangeKind::DocNumberBrackets => Some("QD301"),
        }
    }

    /// A short English description.
    /// What the change did, in Chinese.
    pub fn describe_zh(self) -> &'static str {
        match self {
            ChangeKind::LineEnd => "已统一换行符",
            ChangeKind::Space => "已统一非标准空格",
            ChangeKind::CompatIdeograph => "部首或兼容汉字已改为统一汉字",
            ChangeKind::FullwidthAlphanumeric => "全角或单字符的数字、字母已改为半角",
            ChangeKind::Html => "已去除 HTML 标记",
            ChangeKind::LiteralEscape => "字面转义序列已改为换行",
            ChangeKind::LayoutSpace => "已去除排版空格",
            ChangeKind::HalfwidthPunctuation => "半角标点已改为全角",
            ChangeKind::DocNumberBrackets => "文号括号已改为〔〕",
            ChangeKind::QuotedCell => "已还原制表符分隔导出文件中带引号的单元格",
        }
    }

    /// What the change did, in English.
    pub fn describe(self) -> &'static str {
        match self {
            ChangeKind::LineEnd => "line end normalised",
            ChangeKind::Space => "non-standard space normalised",
            ChangeKind::CompatIdeograph => "radical or compatibility ideograph mapped to the unified ideograph",
            ChangeKind::FullwidthAlphanumeric => "full-width or one-character digit or letter made ASCII",
            ChangeKind::Html => "HTML markup removed",
            ChangeKind::LiteralEscape => "literal escape sequence turned into a line break",
            ChangeKind::LayoutSpace => "justification spaces removed",
            ChangeKind::HalfwidthPunctuation => "half-width punctuation made full width",
            ChangeKind::DocNumberBrackets => "document-number brackets made 〔〕",
            ChangeKind::QuotedCell => "quoted cell of a tab-separated export unquoted",
        }
    }
}

/// One repair, located in the decoded source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What was repaired.
    pub kind: ChangeKind,
    /// Byte range in the decoded source.
    pub source: Range<usize>,
    /// The text before.
    pub before: String,
    /// The text after.
    pub after: String,
}

/// Passes that run on the whole decoded input.
pub fn document(text: Text, changes: &mut Vec<Change>) -> Text {
    let text = line_ends(text, changes);
    let text = quoted_tab_cells(text, changes);
    let text = ideographic_alignment(text, changes);
    characters(text, changes)
}

/// The passes on characters, which also run on one value.
fn characters(text: Text, changes: &mut Vec<Change>) -> Text {
    let text = spaces(text, changes);
    let text = ideographs(text, changes);
    fullwidth_alphanumerics(text, changes)
}

/// Passes that run on one cell's text, lines still apart.
pub fn cell(text: Text, changes: &mut Vec<Change>) -> Text {
    let text = html(text, changes);
    literal_escapes(text, changes)
}

/// Passes that run on text whose lines have been joined.
pub fn inline(text: Text, changes: &mut Vec<Change>) -> Text {
    let text = punctuation_width(text, changes);
    // Brackets before spaces: `发 [2010] 64号` becomes `发 〔2010〕 64号`, whose spaces are then layout.
    let text = doc_number_brackets(text, changes);
    layout_spaces(text, changes)
}

/// Every pass, in order, on a text that is one value (as `fmt` uses it):
/// its lines are joined before the passes that look at neighbours.
pub fn value(text: Text, changes: &mut Vec<Change>) -> Text {
    // A value is no table: it has no quoted cells.
    let text = characters(line_ends(text, changes), changes);
    let text = cell(text, changes);
    inline(join_lines(&text), changes)
}

/// What [`map_chars`] does with one char.
pub(crate) enum CharEdit {
    /// Put this char in its place.
    Replace(char),
    /// Drop it.
    Remove,
}

/// Rebuilds `text`, editing each non-ASCII char for which `map` says so.
/// Returns the text unchanged (no copy) when nothing matches. `leads` are
/// the first UTF-8 bytes of every char `map` edits: only chars beginning
/// with one of them are decoded and asked (most of a Chinese text, its Han
/// ideographs, begins with other bytes).
pub(crate) fn map_chars<F>(text: Text, kind: ChangeKind, changes: &mut Vec<Change>, leads: &[u8], mut map: F) -> Text
where
    F: FnMut(char) -> Option<CharEdit>,
{
    let s = text.as_str();
    // Leads are bytes that only ever begin a char (C2 and up): a byte found
    // in the table is where a char to ask begins.
    let mut is_lead = [false; 256];
    for &lead in leads.iter().filter(|&&b| b >= 0xC2) {
        is_lead[usize::from(lead)] = true;
    }
    let mut builder: Option<TextBuilder> = None;
    let mut copied = 0;
    for (i, &byte) in s.as_bytes().iter().enumerate() {
        if !is_lead[usize::from(byte)] {
            continue;
        }
        let Some(c) = s[i..].chars().next() else { break };
        let Some(edit) = map(c) else { continue };
        let b = builder.get_or_insert_with(|| TextBuilder::with_capacity(s.len()));
        b.push_copy(&text, copied..i);
        let end = i + c.len_utf8();
        let mut buf = [0u8; 4];
        let after: &str = match edit {
            CharEdit::Replace(r) => r.encode_utf8(&mut buf),
            CharEdit::Remove => "",
        };
        b.push_replace(&text, i..end, after);
        changes.push(Change {
            kind,
            source: text.source_range(i..end),
            before: c.to_string(),
            after: after.to_owned(),
        });
        copied = end;
    }
    match builder {
        None => text,
        Some(mut b) => {
            b.push_copy(&text, copied..s.len());
            b.finish()
        }
    }
}

/// Applies non-overlapping replacements `(range, replacement)`, sorted by range.
pub(crate) fn apply_edits(
    text: Text,
    kind: ChangeKind,
    changes: &mut Vec<Change>,
    edits: Vec<(Range<usize>, String)>,
) -> Text {
    if edits.is_empty() {
        return text;
    }
    let mut b = TextBuilder::with_capacity(text.len());
    let mut copied = 0;
    for (range, rep) in edits {
        b.push_copy(&text, copied..range.start);
        b.push_replace(&text, range.clone(), &rep);
        changes.push(Change {
            kind,
            source: text.source_range(range.clone()),
            before: text.as_str()[range.clone()].to_owned(),
            after: rep,
        });
        copied = range.end;
    }
    b.push_copy(&text, copied..text.len());
    b.finish()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Checks that every char `map` edits begins with one of `leads`, as
    /// [`map_chars`] asks only those.
    pub(crate) fn edits_begin_with_leads(map: impl Fn(char) -> Option<CharEdit>, leads: &[u8]) {
        let mut edited = 0;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| !c.is_ascii()) {
            if map(c).is_some() {
                edited += 1;
                let lead = c.to_string().as_bytes()[0];
                assert!(leads.contains(&lead), "U+{:04X} begins with {lead:#X}", c as u32);
            }
        }
        assert!(edited > 0, "nothing edited");
    }

    #[test]
    fn chars_are_asked_only_when_they_begin_with_a_lead() {
        let mut asked = Vec::new();
        let text = Text::from_source("a医\u{3000}“b”，𠀀");
        let out = map_chars(text, ChangeKind::Space, &mut Vec::new(), &[0xE3, 0xF0], |c| {
            asked.push(c);
            (c == '\u{3000}').then_some(CharEdit::Replace(' '))
        });
        assert_eq!(asked, ['\u{3000}', '𠀀']);
        assert_eq!(out.as_str(), "a医 “b”，𠀀");
    }

    #[test]
    fn the_whole_chain_keeps_offsets() {
        let src = "第 八 十 七 条:  社会&ldquo;保险&rdquo;\r\n";
        let mut changes = Vec::new();
        let t = value(Text::from_source(src), &mut changes);
        assert_eq!(t.as_str(), "第八十七条：社会“保险”");
        let i = t.as_str().find('社').unwrap();
        assert_eq!(&src[t.source_offset(i)..][..3], "社");
        let q = t.as_str().find('”').unwrap();
        assert_eq!(&src[t.source_range(q..q + 3)], "&rdquo;");
        assert!(changes.iter().any(|c| c.kind == ChangeKind::LayoutSpace));
        assert!(changes.iter().any(|c| c.kind == ChangeKind::HalfwidthPunctuation));
        assert!(changes.iter().any(|c| c.kind == ChangeKind::Html));
    }

    #[test]
    fn value_is_idempotent() {
        let src = "《社会保险法》(2018 年 12 月修正) 第八十七条:以欺诈、伪造证明材料,人社部[2016]120号";
        let mut changes = Vec::new();
        let once = value(Text::from_source(src), &mut changes).into_string();
        let mut again = Vec::new();
        let twice = value(Text::from_source(&once), &mut again).into_string();
        assert_eq!(once, twice);
        assert!(again.is_empty(), "{again:?}");
        assert_eq!(once, "《社会保险法》（2018年12月修正）第八十七条：以欺诈、伪造证明材料，人社部〔2016〕120号");
    }
}
