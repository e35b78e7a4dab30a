//! Unusual spaces: U+3000, U+00A0 and the other Unicode spaces become an
//! ASCII space; zero-width characters are removed.

use super::{map_chars, Change, ChangeKind, CharEdit};
use crate::text::Text;

/// Normalises spaces.
pub fn spaces(text: Text, changes: &mut Vec<Change>) -> Text {
    map_chars(text, ChangeKind::Space, changes, SPACE_LEADS, space_edit)
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
    fn ideographic_and_no_break_spaces() {
        let mut ch = Vec::new();
        let t = spaces(Text::from_source("济南市\u{3000}医保局\u{A0}1\u{200B}2"), &mut ch);
        assert_eq!(t.as_str(), "济南市 医保局 12");
        assert_eq!(ch.len(), 3);
        let one = t.as_str().find('1').unwrap();
        assert_eq!(t.source_offset(one + 1), "济南市\u{3000}医保局\u{A0}1\u{200B}".len());
    }
}
