//! Joining the lines of a wrapped cell into one line of text.

use crate::text::{Text, TextBuilder};

/// Joins the lines of `text` into one line: each line is trimmed, and lines
/// meet without a space, except between two ASCII letters or digits, where
/// the line break stood for a space.
pub fn join_lines(text: &Text) -> Text {
    let mut b = TextBuilder::with_capacity(text.len());
    let mut last: Option<char> = None;
    let mut break_at: Option<usize> = None;
    for range in text.line_ranges() {
        let range = text.trimmed_range(range.clone());
        let line = &text.as_str()[range.clone()];
        let Some(first) = line.chars().next() else {
            break_at = Some(range.start);
            continue;
        };
        if let Some(prev) = last {
            if prev.is_ascii_alphanumeric() && first.is_ascii_alphanumeric() {
                let at = text.source_offset(break_at.unwrap_or(range.start));
                b.push_str_at(" ", at..at);
            }
        }
        b.push_copy(text, range.clone());
        last = line.chars().next_back();
        break_at = Some(range.end);
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_wrapped_cjk() {
        let t = Text::from_source("对 医 疗 保\n险 经 办 机\n\n构 ");
        let j = join_lines(&t);
        assert_eq!(j.as_str(), "对 医 疗 保险 经 办 机构");
        let k = j.as_str().find('险').unwrap();
        assert_eq!(j.source_offset(k), "对 医 疗 保\n".len());
    }

    #[test]
    fn ascii_words_keep_a_space() {
        let t = Text::from_source("Article\n12\n条");
        assert_eq!(join_lines(&t).as_str(), "Article 12条");
    }
}
