//! Full-width digits and Latin letters (１２３ＡＢ) become ASCII.

use super::{map_chars, Change, ChangeKind, CharEdit};
use crate::text::Text;

/// Makes full-width digits and letters ASCII.
pub fn fullwidth_alphanumerics(text: Text, changes: &mut Vec<Change>) -> Text {
    map_chars(text, ChangeKind::FullwidthAlphanumeric, changes, |c| match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0).map(CharEdit::Replace),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_letters() {
        let mut ch = Vec::new();
        let t = fullwidth_alphanumerics(Text::from_source("第１６８号１１６２０７２５ＭＢ（一）"), &mut ch);
        assert_eq!(t.as_str(), "第168号11620725MB（一）");
        assert_eq!(ch.len(), 13);
    }
}
