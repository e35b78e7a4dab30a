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

pub use article_mismatch::{similarity, Quote, QuoteIndex};

use super::Rule;
use regex::Regex;
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

/// The [`DOC_NUMBER`] matches in `text`, the pattern run only where one can be.
pub(crate) fn doc_numbers(text: &str) -> impl Iterator<Item = regex::Captures<'_>> {
    may_hold_doc_number(text).then(|| DOC_NUMBER.captures_iter(text)).into_iter().flatten()
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
