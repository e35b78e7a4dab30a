//! Quoted cells of a tab-separated export: spreadsheet programs save a cell
//! holding a line break, a tab or a quote mark in double quotes, with its
//! quote marks doubled (`"1.立案责任。⏎2.调查责任。"`). The quotes are the
//! file's, not the cell's: they are removed, `""` becomes `"`, and the cell's
//! own line breaks and tabs become spaces, so that each row is one line again.

use super::{apply_edits, Change, ChangeKind};
use crate::text::Text;
use std::ops::Range;

/// A replacement of a source range.
type Edit = (Range<usize>, String);

/// The longest quoted cell read as one: beyond it, a quote mark that opens a
/// cell is taken as printed (and the search stays linear).
const MAX_QUOTED_CELL: usize = 64 * 1024;

/// Unquotes the quoted cells of tab-separated rows.
pub fn quoted_tab_cells(text: Text, changes: &mut Vec<Change>) -> Text {
    let s = text.as_str();
    if !(s.contains('\t') && s.contains('"')) {
        return text;
    }
    let bytes = s.as_bytes();
    let mut edits: Vec<Edit> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let field_start = i == 0 || matches!(bytes[i - 1], b'\t' | b'\n');
        if !(field_start && bytes[i] == b'"') {
            i += 1;
            continue;
        }
        match quoted_cell(s, i) {
            Some((end, inner_edits)) => {
                edits.push((i..i + 1, String::new()));
                edits.extend(inner_edits);
                edits.push((end - 1..end, String::new()));
                i = end;
            }
            None => i += 1,
        }
    }
    apply_edits(text, ChangeKind::QuotedCell, changes, edits)
}

/// The quoted cell opening at `open`: its end (after the closing quote) and
/// the edits inside it, when it is one. It must close before a tab or a line
/// end, stand in a row that has a tab, and hold what made it need quotes.
fn quoted_cell(s: &str, open: usize) -> Option<(usize, Vec<Edit>)> {
    let bytes = s.as_bytes();
    let limit = bytes.len().min(open + MAX_QUOTED_CELL);
    let mut edits = Vec::new();
    let mut needed = false;
    let mut j = open + 1;
    while j < limit {
        match bytes[j] {
            b'"' if bytes.get(j + 1) == Some(&b'"') => {
                edits.push((j..j + 1, String::new()));
                needed = true;
                j += 2;
            }
            b'"' => {
                let after = bytes.get(j + 1).copied();
                let before_tab = open > 0 && bytes[open - 1] == b'\t';
                let closes = match after {
                    Some(b'\t') => true,
                    None | Some(b'\n') => before_tab,
                    _ => false,
                };
                return (closes && needed).then_some((j + 1, edits));
            }
            b'\n' | b'\t' => {
                edits.push((j..j + 1, " ".to_owned()));
                needed = true;
                j += 1;
            }
            _ => j += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> String {
        quoted_tab_cells(Text::from_source(s), &mut Vec::new()).into_string()
    }

    #[test]
    fn cells_with_breaks_and_quotes_are_unquoted() {
        assert_eq!(
            run("序号\t责任事项\t备注\n1\t\"1.立案。\n2.调查。\"\t\"称\"\"骗保\"\"\"\n"),
            "序号\t责任事项\t备注\n1\t1.立案。 2.调查。\t称\"骗保\"\n"
        );
        // The first cell of a row, closed before a tab.
        assert_eq!(run("\"甲\n乙\"\t丙\n"), "甲 乙\t丙\n");
    }

    #[test]
    fn quotes_that_are_the_cells_own_stay() {
        for s in [
            "1\t\"骗保\"行为\t乙\n",     // closed mid-cell
            "1\t\"骗保\"\t乙\n",         // nothing that needed quotes
            "\"甲\n乙\"\n",              // no tab in the row
            "1\t\"未闭合\n的引号\t乙\n", // never closed before a tab or line end
        ] {
            assert_eq!(run(s), s);
        }
    }

    #[test]
    fn offsets_still_point_at_the_cell() {
        let src = "1\t\"甲\n乙\"\t丙\n";
        let t = quoted_tab_cells(Text::from_source(src), &mut Vec::new());
        let at = t.as_str().find('乙').unwrap();
        assert_eq!(&src[t.source_offset(at)..][..3], "乙");
    }
}
