//! Unusual spaces: U+3000, U+00A0 and the other Unicode spaces become an
//! ASCII space; zero-width characters are removed.

use super::{map_chars, Change, ChangeKind, CharEdit};
use crate::text::Text;

/// Normalises spaces.
pub fn spaces(text: Text, changes: &mut Vec<Change>) -> Text {
    map_chars(text, ChangeKind::Space, changes, SPACE_LEADS, space_edit)
}

/// A document whose lines set their words apart by gaps of ideographic
/// spaces (U+3000, alone or beside ASCII spaces) is a table aligned with
/// them, as a word processor aligns columns: each ideographic space of
/// those lines, and of every line's indent, becomes two ASCII spaces, the
/// width it takes. One ideographic space is then still a gap between two
/// cells (`序号　事项名称`, a column exactly filled), and a wrapped cell's
/// line keeps its column. Other text (an indent and one space after an
/// article's number, `　　第九十条　社会`) is left to [`spaces`], one space
/// each. A whole document's layout, so not run on one value.
pub fn ideographic_alignment(text: Text, changes: &mut Vec<Change>) -> Text {
    const IDEOGRAPHIC: &str = "\u{3000}";
    if !text.as_str().contains(IDEOGRAPHIC) {
        return text;
    }
    let s = text.as_str();
    let indent = |line: &str| line.len() - line.trim_start_matches([' ', '\t', '\u{3000}']).len();
    // A gap of an ideographic space and more (`　　`, `　 `) after the indent.
    let aligned = |line: &str| {
        let (mut width, mut ideographic) = (0, false);
        for c in line[indent(line)..].chars() {
            match c {
                '\u{3000}' => (width, ideographic) = (width + 2, true),
                ' ' | '\t' => width += 1,
                _ => (width, ideographic) = (0, false),
            }
            if ideographic && width >= 3 {
                return true;
            }
        }
        false
    };
    // One such line may be a quirk of its own; two make the document's way.
    if crate::text::split_lines(s).filter(|l| aligned(l)).take(2).count() < 2 {
        return text;
    }
    let mut edits = Vec::new();
    let mut at = 0;
    for line in s.split_inclusive('\n') {
        let reach = if aligned(line) { line.len() } else { indent(line) };
        for (i, _) in line[..reach].match_indices(IDEOGRAPHIC) {
            edits.push((at + i..at + i + IDEOGRAPHIC.len(), "  ".to_owned()));
        }
        at += line.len();
    }
    super::apply_edits(text, ChangeKind::Space, changes, edits)
}

/// The first UTF-8 bytes of the chars [`space_edit`] edits.
const SPACE_LEADS: &[u8] = &[0xC2, 0xE1, 0xE2, 0xE3, 0xEF];

fn space_edit(c: char) -> Option<CharEdit> {
    match c {
        '\u{3000}' | '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{1680}' => {
            Some(CharEdit::Replace(' '))
        }
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Some(CharEdit::Remove),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_space_edited_begins_with_a_lead() {
        crate::normalize::tests::edits_begin_with_leads(space_edit, SPACE_LEADS);
    }

    #[test]
    fn a_line_aligned_with_ideographic_spaces_keeps_their_width() {
        let mut ch = Vec::new();
        let aligned = "序号　事项名称　　　事项编码\n1　　 甲　　　　　　 370\n　　　　　 的处罚\n　　第九十条　社会\n";
        let t = spaces(ideographic_alignment(Text::from_source(aligned), &mut ch), &mut ch);
        assert_eq!(
            t.as_str(),
            "序号  事项名称      事项编码\n1     甲             370\n           的处罚\n    第九十条 社会\n"
        );
        // Without two aligned lines, one space each, as for any other space.
        let prose = Text::from_source("　　第九十条　社会保险\n第一条　　总则\n");
        let prose = spaces(ideographic_alignment(prose, &mut ch), &mut ch);
        assert_eq!(prose.as_str(), "  第九十条 社会保险\n第一条  总则\n");
        // Each space still stands for its own source character.
        let first = t.as_str().find(' ').unwrap();
        assert_eq!(t.source_range(first..first + 2), "序号".len().."序号　".len());
    }

    #[test]
    fn ideographic_and_no_break_spaces() {
        let mut ch = Vec::new();
        let t = spaces(Text::from_source("济南市\u{3000}医保局\u{A0}1\u{200B}2"), &mut ch);
        assert_eq!(t.as_str(), "济南市 医保局 12");
        assert_eq!(ch.len(), 3);
        let one = t.as_str().find('1').unwrap();
        assert_eq!(t.source_offset(one + 1), "济南市\u{3000}医保局\u{A0}1\u{200B}".len());
    }
}
