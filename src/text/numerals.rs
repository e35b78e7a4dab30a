//! Chinese numerals as written in article numbers (第一百零四条).

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
