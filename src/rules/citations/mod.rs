//! Citations: document numbers, numerals, brackets, title marks, tags and
//! articles.

mod article_mismatch;
mod article_out_of_range;
mod citation_tag_mismatch;
mod doc_number_brackets;
mod doc_number_form;
mod doc_number_year;
mod mixed_numerals;
mod nested_title_marks;
mod unbalanced_brackets;

pub use article_mismatch::{similarity, QuoteIndex, Quotes};

use super::Rule;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A document number: agency, opening bracket, year, closing bracket,
/// an optional 第, the number, and 号 when present.
pub(crate) static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Han})[ \t]*([\[［【﹝(（〔{｛])[ \t]*([0-9]{2,6})[ \t]*([\]］】﹞)）〕}｝])[ \t]*(第?)[ \t]*([0-9]+)[ \t]*(号?)").expect("valid pattern")
});

/// Whether `text` can hold a [`DOC_NUMBER`] match: it needs ASCII digits
/// and an opening bracket. Most text values have neither, and this costs a
/// fraction of running the pattern.
fn may_hold_doc_number(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit()) && text.contains(['[', '［', '【', '﹝', '(', '（', '〔', '{', '｛'])
}

/// The [`DOC_NUMBER`] matches in `text`, the pattern run only where one can
/// be, each as the byte ranges of the whole match and its seven groups.
pub(crate) fn doc_number_ranges(text: &str) -> Vec<[Range<usize>; 8]> {
    if !may_hold_doc_number(text) {
        return Vec::new();
    }
    DOC_NUMBER.captures_iter(text).map(|c| std::array::from_fn(|i| c.get(i).map_or(0..0, |m| m.range()))).collect()
}

/// A document number found in a text value, read by the rules on 发文字号
/// (brackets, year, form) from one search shared by all three.
pub(crate) struct DocNumber<'t> {
    text: &'t str,
    groups: &'t [Range<usize>; 8],
}

/// A part of a [`DocNumber`]: its text and where it is.
pub(crate) struct Part<'t> {
    text: &'t str,
    range: Range<usize>,
}

impl<'t> Part<'t> {
    pub(crate) fn as_str(&self) -> &'t str {
        &self.text[self.range.clone()]
    }
    pub(crate) fn start(&self) -> usize {
        self.range.start
    }
    pub(crate) fn end(&self) -> usize {
        self.range.end
    }
    pub(crate) fn range(&self) -> Range<usize> {
        self.range.clone()
    }
}

impl<'t> DocNumber<'t> {
    /// Group `i` (0 the whole match); every group of the pattern takes part.
    pub(crate) fn get(&self, i: usize) -> Option<Part<'t>> {
        self.groups.get(i).map(|r| Part { text: self.text, range: r.clone() })
    }
}

impl std::ops::Index<usize> for DocNumber<'_> {
    type Output = str;
    fn index(&self, i: usize) -> &str {
        &self.text[self.groups[i].clone()]
    }
}

/// The document numbers in `value`.
pub(crate) fn doc_numbers<'v>(value: &'v super::Value) -> impl Iterator<Item = DocNumber<'v>> {
    let text = value.text;
    value.doc_number_ranges().iter().map(move |groups| DocNumber { text, groups })
}

/// Whether `text` has an ASCII digit, which every number pattern here needs.
pub(crate) fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

pub(super) fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(doc_number_brackets::DocNumberBrackets),
        Box::new(doc_number_year::DocNumberYear),
        Box::new(doc_number_form::DocNumberForm),
        Box::new(mixed_numerals::MixedNumerals),
        Box::new(unbalanced_brackets::UnbalancedBrackets),
        Box::new(nested_title_marks::NestedTitleMarks),
        Box::new(citation_tag_mismatch::CitationTagMismatch),
        Box::new(article_out_of_range::ArticleOutOfRange),
        Box::new(article_mismatch::ArticleMismatch),
    ]
}
