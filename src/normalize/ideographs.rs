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

/// Maps radicals and compatibility ideographs to unified ideographs.
pub fn ideographs(text: Text, changes: &mut Vec<Change>) -> Text {
    map_chars(text, ChangeKind::CompatIdeograph, changes, |c| unified_ideograph(c).map(CharEdit::Replace))
}

#[cfg(test)]
mod tests {
    use super::*;

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
