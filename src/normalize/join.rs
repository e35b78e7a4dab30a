//! Joining the lines of a wrapped cell into one line of text.

use crate::text::{Text, TextBuilder};

/// Joins the lines of `text` into one line: each line is trimmed, and lines
/// meet without a space, except between two ASCII letters or digits, where
/// the line break stood for a space.
pub fn join_lines(text: &Text) -> Text {
    let mut b = TextBuilder::with_capacity(text.len());
    let mut last: Option<char> = None;
    let mut break_at: Option<usize> = None;
    let mut last_line = 0..0;
    for range in text.line_ranges() {
        let range = text.trimmed_range(range.clone());
        let line = &text.as_str()[range.clone()];
        let Some(first) = line.chars().next() else {
            break_at = Some(range.start);
            continue;
        };
        if let Some(prev) = last {
            // Words of Latin letters keep a space; a number broken over lines
            // inside running text (`国务院令第73` / `5号`) is one number, but
            // lines that are only numbers (cells of 序号) stay apart.
            let only_digits = |l: &str| l.chars().all(|c| c.is_ascii_digit());
            let split_number = prev.is_ascii_digit()
                && first.is_ascii_digit()
                && !only_digits(line)
                && !only_digits(&text.as_str()[last_line.clone()]);
            if prev.is_ascii_alphanumeric() && first.is_ascii_alphanumeric() && !split_number {
                let at = text.source_offset(break_at.unwrap_or(range.start));
                b.push_str_at(" ", at..at);
            }
        }
        b.push_copy(text, range.clone());
        last = line.chars().next_back();
        break_at = Some(range.end);
        last_line = range;
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
    fn a_number_broken_over_lines_is_one_number() {
        let t = Text::from_source("（国务院令第73\n5号）");
        assert_eq!(join_lines(&t).as_str(), "（国务院令第735号）");
        assert_eq!(join_lines(&Text::from_source("2\n2")).as_str(), "2 2");
        assert_eq!(join_lines(&Text::from_source("3700000\n236009")).as_str(), "3700000 236009");
    }

    #[test]
    fn ascii_words_keep_a_space() {
        let t = Text::from_source("Article\n12\n条");
        assert_eq!(join_lines(&t).as_str(), "Article 12条");
    }
}
