//! Chinese numerals as written in article numbers (第一百零四条).

/// A circled number, `①` to `⑳`, as a list marker.
pub fn is_circled_number(c: char) -> bool {
    ('\u{2460}'..='\u{2473}').contains(&c)
}

/// Whether `s` ends with a list marker (`2.`, `2、`, `（二）`, `(2)`, `二、`,
/// `②`), white space after it left out.
pub fn ends_with_list_marker(s: &str) -> bool {
    let t = s.trim_end();
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let before = |rest: &str| rest.trim_end().chars().next_back();
    if let Some(rest) = t.strip_suffix(['.', '．', '、']) {
        return before(rest).is_some_and(numeral);
    }
    if let Some(rest) = t.strip_suffix(['）', ')']) {
        let number = rest.trim_end_matches(|c: char| numeral(c) || c.is_whitespace());
        return number.len() < rest.len() && number.ends_with(['（', '(']);
    }
    t.chars().next_back().is_some_and(is_circled_number)
}

/// The number of the list marker `s` opens with (`3.`, `3、`, `（三）`,
/// `(3)`, `三、`, `③`), white space before it left out.
pub fn opening_list_number(s: &str) -> Option<u32> {
    let t = s.trim_start();
    let first = t.chars().next()?;
    if is_circled_number(first) {
        return Some(first as u32 - 0x2460 + 1);
    }
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    if let Some(inner) = t.strip_prefix(['（', '(']) {
        let end = inner.find(|c: char| !numeral(c))?;
        return (end > 0 && end <= 9 && inner[end..].starts_with(['）', ')']))
            .then(|| chinese_number(&inner[..end]))?;
    }
    let end = t.find(|c: char| !numeral(c))?;
    let (number, rest) = t.split_at(end);
    let digits = number.bytes().all(|b| b.is_ascii_digit());
    // `3.` but not `3.5`; a Chinese numeral's marker is `三、` alone.
    let marked = if digits {
        rest.starts_with('、')
            || (rest.starts_with(['.', '．'])
                && !rest[rest.chars().next()?.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()))
    } else {
        rest.starts_with('、')
    };
    (end > 0 && end <= 9 && marked).then(|| chinese_number(number))?
}

/// The value of a Chinese numeral (一 … 九千九百九十九, with 零 and 两),
/// or of ASCII digits. `None` for anything else.
pub fn chinese_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    for c in s.chars() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        // 十 alone at the start means 一十.
        total += digit.take().unwrap_or(1) * unit;
    }
    Some(total + digit.unwrap_or(0))
}

/// The Chinese numeral for `n` (1 to 9999), as article numbers write it.
pub fn to_chinese(n: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n == 0 {
        return "零".into();
    }
    let parts = [(n / 1000, '千'), (n / 100 % 10, '百'), (n / 10 % 10, '十'), (n % 10, ' ')];
    let mut out = String::new();
    let mut pending_zero = false;
    for (i, &(d, unit)) in parts.iter().enumerate() {
        if d == 0 {
            if !out.is_empty() {
                pending_zero = true;
            }
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        // 10–19 are written 十, 十一 … without a leading 一.
        if !(unit == '十' && d == 1 && out.is_empty() && i == 2) {
            out.push(DIGITS[d as usize]);
        }
        if unit != ' ' {
            out.push(unit);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_marker_opening_text_gives_its_number() {
        for (text, n) in [
            ("3.决定", 3),
            ("12、", 12),
            ("（三）决定", 3),
            ("(2)不予", 2),
            ("二、办理", 2),
            ("③违反", 3),
            (" 1．立案", 1),
        ] {
            assert_eq!(opening_list_number(text), Some(n), "{text}");
        }
        for text in ["3.5万元", "2019年", "（2018年修正）", "三是", "第三条", "决定", ""] {
            assert_eq!(opening_list_number(text), None, "{text}");
        }
    }

    #[test]
    fn a_list_marker_ending_text() {
        for text in ["予以审查。2.", "（三）", "二、 ", "②"] {
            assert!(ends_with_list_marker(text), "{text}");
        }
        for text in ["第三条", "（试行）", ""] {
            assert!(!ends_with_list_marker(text), "{text}");
        }
    }

    #[test]
    fn values() {
        assert_eq!(chinese_number("八十七"), Some(87));
        assert_eq!(chinese_number("一百零四"), Some(104));
        assert_eq!(chinese_number("一百一十"), Some(110));
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("十七"), Some(17));
        assert_eq!(chinese_number("三十七"), Some(37));
        assert_eq!(chinese_number("87"), Some(87));
        assert_eq!(chinese_number("六49"), None);
    }

    #[test]
    fn round_trip() {
        for n in 1..=1200 {
            assert_eq!(chinese_number(&to_chinese(n)), Some(n), "{n} {}", to_chinese(n));
        }
        assert_eq!(to_chinese(104), "一百零四");
        assert_eq!(to_chinese(17), "十七");
        assert_eq!(to_chinese(110), "一百一十");
    }
}
