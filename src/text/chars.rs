//! Character classes that CJK typography rules need.

/// A Han ideograph (unified, extensions, compatibility), or 〇.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3007
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x323AF)
}

/// CJK punctuation: the CJK Symbols and Punctuation block, the full-width
/// forms, and the general punctuation that Chinese text uses (“”‘’…—·).
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32,
        0x3001..=0x303F
        | 0xFE10..=0xFE1F
        | 0xFE30..=0xFE6F
        | 0xFF01..=0xFF0F
        | 0xFF1A..=0xFF20
        | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65
        | 0x2014
        | 0x2018..=0x201F
        | 0x2026
        | 0x00B7)
}

/// A dash printed where a code has `-`: the full-width hyphen-minus －, the
/// hyphens ‐ ‑, the dashes ‒ – —, the minus sign − and the small ﹣.
pub fn is_dash_variant(c: char) -> bool {
    matches!(c, '－' | '‐' | '‑' | '‒' | '–' | '—' | '−' | '﹣')
}

/// A Han ideograph or CJK punctuation.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_han('医'));
        assert!(!is_han('，'));
        assert!(is_cjk_punct('，'));
        assert!(is_cjk_punct('〔'));
        assert!(is_cjk_punct('“'));
        assert!(is_cjk_punct('《'));
        assert!(!is_cjk('a'));
        assert!(!is_cjk('1'));
        assert!(!is_cjk(','));
    }
}
