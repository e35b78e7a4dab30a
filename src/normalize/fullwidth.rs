//! Full-width digits and Latin letters (１２３ＡＢ) become ASCII, and so do
//! the numbers set in one character that word processors number lists with
//! (`⒈` for `1.`, `⑴` for `(1)`), so that such a list splits as typed ones do.

use super::{apply_edits, map_chars, Change, ChangeKind, CharEdit};
use crate::text::Text;
use unicode_normalization::UnicodeNormalization;

/// The first UTF-8 bytes of the chars [`fullwidth_edit`] edits.
const FULLWIDTH_LEADS: &[u8] = &[0xEF];

fn fullwidth_edit(c: char) -> Option<CharEdit> {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0).map(CharEdit::Replace),
        _ => None,
    }
}

/// Makes full-width digits and letters, and numbers in one character, ASCII.
pub fn fullwidth_alphanumerics(text: Text, changes: &mut Vec<Change>) -> Text {
    let text = map_chars(text, ChangeKind::FullwidthAlphanumeric, changes, FULLWIDTH_LEADS, fullwidth_edit);
    // ⑴ … ⒇ and ⒈ … ⒛: their compatibility forms are `(1)` and `1.`.
    // They begin with the bytes E2 91 or E2 92; text without those has none.
    if !crate::text::any_byte_pair(text.as_str(), |x, y| (x == 0xE2) & ((y == 0x91) | (y == 0x92))) {
        return text;
    }
    let edits: Vec<_> = text
        .as_str()
        .char_indices()
        .filter(|(_, c)| ('\u{2474}'..='\u{249B}').contains(c))
        .map(|(i, c)| (i..i + c.len_utf8(), std::iter::once(c).nfkc().collect::<String>()))
        .collect();
    apply_edits(text, ChangeKind::FullwidthAlphanumeric, changes, edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fullwidth_char_edited_begins_with_a_lead() {
        crate::normalize::tests::edits_begin_with_leads(fullwidth_edit, FULLWIDTH_LEADS);
    }

    #[test]
    fn digits_and_letters() {
        let mut ch = Vec::new();
        let t = fullwidth_alphanumerics(Text::from_source("第１６８号１１６２０７２５ＭＢ（一）"), &mut ch);
        assert_eq!(t.as_str(), "第168号11620725MB（一）");
        assert_eq!(ch.len(), 13);
    }

    #[test]
    fn numbers_in_one_character() {
        let mut ch = Vec::new();
        let t = fullwidth_alphanumerics(Text::from_source("⒈立案；⒛决定；⑴甲⒇乙①丙"), &mut ch);
        assert_eq!(t.as_str(), "1.立案；20.决定；(1)甲(20)乙①丙");
        assert_eq!(ch.len(), 4);
        let at = t.as_str().find("20.").unwrap();
        assert_eq!(t.source_range(at..at + 3), "⒈立案；".len().."⒈立案；⒛".len());
    }
}
