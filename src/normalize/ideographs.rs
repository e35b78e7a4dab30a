//! Kangxi radicals, CJK radicals and compatibility ideographs become the
//! unified ideographs they stand for (Unicode's Equivalent_Unified_Ideograph
//! and the compatibility decompositions; ⼾ becomes 户 in simplified text).

use super::ideograph_table::IDEOGRAPH_EQUIVALENTS;
use super::{map_chars, Change, ChangeKind, CharEdit};
use crate::text::Text;

/// The unified ideograph that `c` stands for, when `c` is a radical or a
/// compatibility ideograph.
pub fn unified_ideograph(c: char) -> Option<char> {
    let cp = c as u32;
    if !(0x2E80..=0x2FDF).contains(&cp) && !(0xF900..=0xFAFF).contains(&cp) && !(0x2F800..=0x2FA1F).contains(&cp) {
        return None;
    }
    IDEOGRAPH_EQUIVALENTS.binary_search_by_key(&c, |&(from, _)| from).ok().map(|i| IDEOGRAPH_EQUIVALENTS[i].1)
}

/// False when `s` surely holds no character [`unified_ideograph`] maps: no
/// UTF-8 sequence opens a character of U+2E80..U+2FFF, U+F900..U+FAFF or
/// U+2F800..U+2FA1F (a scan of byte pairs, no decoding).
pub fn may_hold_compat_ideographs(s: &str) -> bool {
    crate::text::any_byte_pair(s, |x, y| {
        ((x == 0xE2) & (y >= 0xBA)) | ((x == 0xEF) & (y.wrapping_sub(0xA4) < 8)) | ((x == 0xF0) & (y == 0xAF))
    })
}

/// The first UTF-8 bytes of the chars [`unified_ideograph`] maps.
const IDEOGRAPH_LEADS: &[u8] = &[0xE2, 0xEF, 0xF0];

/// Maps radicals and compatibility ideographs to unified ideographs.
pub fn ideographs(text: Text, changes: &mut Vec<Change>) -> Text {
    if !may_hold_compat_ideographs(text.as_str()) {
        return text;
    }
    map_chars(text, ChangeKind::CompatIdeograph, changes, IDEOGRAPH_LEADS, |c| {
        unified_ideograph(c).map(CharEdit::Replace)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ideograph_mapped_begins_with_a_lead() {
        crate::normalize::tests::edits_begin_with_leads(
            |c| unified_ideograph(c).map(CharEdit::Replace),
            IDEOGRAPH_LEADS,
        );
    }

    #[test]
    fn kangxi_and_supplement_radicals() {
        assert_eq!(unified_ideograph('⼈'), Some('人'));
        assert_eq!(unified_ideograph('⼾'), Some('户'));
        assert_eq!(unified_ideograph('⻓'), Some('长'));
        assert_eq!(unified_ideograph('⻔'), Some('门'));
        assert_eq!(unified_ideograph('⻅'), Some('见'));
        assert_eq!(unified_ideograph('⻝'), Some('食'));
        assert_eq!(unified_ideograph('\u{F900}'), Some('\u{8C48}'));
        assert_eq!(unified_ideograph('人'), None);
        for c in ['⼈', '⻓', '\u{F900}', '\u{FA6D}', '\u{2F800}', '\u{2FA1D}'] {
            assert!(may_hold_compat_ideographs(&format!("甲{c}乙")), "{c}");
        }
        assert!(!may_hold_compat_ideographs("人社局（社保）“、”…—"));
    }

    #[test]
    fn pass_maps_and_records() {
        let mut ch = Vec::new();
        let t = ideographs(Text::from_source("参保⼈员⼾籍"), &mut ch);
        assert_eq!(t.as_str(), "参保人员户籍");
        assert_eq!(ch.len(), 2);
        assert_eq!(ch[0].before, "⼈");
        assert_eq!(ch[0].source, 6..9);
    }
}
