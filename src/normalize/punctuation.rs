//! Punctuation width by context: ASCII `, : ; ( ) ? ! "` in CJK text become
//! `，：；（）？！“”`. Digits and Latin text keep ASCII punctuation (`5,000`,
//! `10:30`, `http://`).

use super::{apply_edits, Change, ChangeKind};
use crate::text::{is_cjk, is_han, Text};

fn full_width(c: char) -> char {
    match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '(' => '（',
        ')' => '）',
        '?' => '？',
        '!' => '！',
        other => other,
    }
}

/// False when `s` surely holds no mark for [`punctuation_width`] to widen:
/// it has none of `,:;()?!"`.
pub fn may_hold_halfwidth_punctuation(s: &str) -> bool {
    crate::text::any_byte(s, |b| {
        (b == b',') | (b == b':') | (b == b';') | (b == b'(') | (b == b')') | (b == b'?') | (b == b'!') | (b == b'"')
    })
}

/// Makes ASCII punctuation in CJK context full width.
pub fn punctuation_width(text: Text, changes: &mut Vec<Change>) -> Text {
    let s = text.as_str();
    if !may_hold_halfwidth_punctuation(s) {
        return text;
    }
    // Each character, and where those a round may look at or change stand:
    // their places in `out` and in `s`. Rounds visit those alone.
    // Most characters of a Chinese text take three bytes.
    let mut out: Vec<char> = Vec::with_capacity(s.len() / 3 + 8);
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for (i, c) in s.char_indices() {
        if is_bracket(c) || is_mark_or_break(c) {
            marks.push((out.len(), i));
        }
        out.push(c);
    }
    // A conversion can put CJK context beside another mark (`),医` → `)，医`),
    // so decide again until nothing changes: the pass is then idempotent.
    for _ in 0..8 {
        if !widen(&mut out, &marks) {
            break;
        }
    }
    let edits = marks
        .iter()
        .filter_map(|&(k, i)| {
            let before = s[i..].chars().next()?;
            (out[k] != before).then(|| (i..i + before.len_utf8(), out[k].to_string()))
        })
        .collect();
    apply_edits(text, ChangeKind::HalfwidthPunctuation, changes, edits)
}

/// A bracket, which a round decides on as one of a pair.
fn is_bracket(c: char) -> bool {
    matches!(c, '(' | '（' | ')' | '）')
}

/// A mark a round decides on alone, or a line break, which ends a mark's
/// context and a pair.
fn is_mark_or_break(c: char) -> bool {
    matches!(c, ',' | ':' | ';' | '?' | '!' | '"' | '\n')
}

/// One round of decisions over `out`, converting in place; whether any
/// mark changed (each changes at most once a round). `marks` are the places
/// of every bracket, mark and line break, in order: no other character is
/// decided on, nor ends a pair or a line.
fn widen(out: &mut [char], marks: &[(usize, usize)]) -> bool {
    let mut changed = false;
    // Parentheses first, as pairs: a pair is CJK when it holds CJK text or follows it.
    let mut stack: Vec<usize> = Vec::new();
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    for &(k, _) in marks {
        match out[k] {
            '(' | '（' => stack.push(k),
            ')' | '）' => pairs.push((stack.pop(), Some(k))),
            '\n' => {
                pairs.extend(stack.drain(..).map(|o| (Some(o), None)));
            }
            _ => {}
        }
    }
    pairs.extend(stack.drain(..).map(|o| (Some(o), None)));
    // A mark takes its context from beyond spaces (justification spaces go
    // in a later pass, and the decision must not change when they do) and
    // beyond its run of like marks (`))))处罚`), so a whole run decides at once.
    let beyond = |k: usize, out: &[char], forward: bool, run: &[char]| -> Option<char> {
        let skip = |c: &char| matches!(c, ' ' | '\t') || run.contains(c);
        if forward {
            out.get(k + 1..).and_then(|r| r.iter().find(|c| !skip(c)).copied())
        } else {
            out[..k].iter().rev().find(|c| !skip(c)).copied()
        }
    };
    for (open, close) in pairs {
        let cjk = match (open, close) {
            (Some(o), Some(c)) => {
                out[o + 1..c].iter().any(|&ch| is_cjk(ch)) || beyond(o, out, false, &['(', '（']).is_some_and(is_cjk)
            }
            (Some(o), None) => {
                beyond(o, out, false, &['(', '（']).is_some_and(is_cjk)
                    || beyond(o, out, true, &['(', '（']).is_some_and(is_han)
            }
            (None, Some(c)) => {
                beyond(c, out, false, &[')', '）']).is_some_and(is_han)
                    || beyond(c, out, true, &[')', '）']).is_some_and(is_cjk)
            }
            (None, None) => false,
        };
        if cjk {
            for k in [open, close].into_iter().flatten() {
                let wide = full_width(out[k]);
                changed |= wide != out[k];
                out[k] = wide;
            }
        }
    }
    let mut quotes_open = false;
    for &(k, _) in marks {
        let c = out[k];
        if !is_mark_or_break(c) {
            continue;
        }
        // Marks in a run (`,,,` or `"""`) take their context from beyond the run.
        let run: &[char] = if c == '"' { &['"', '“', '”'] } else { &[c, full_width(c)] };
        let context = |out: &[char]| (beyond(k, out, false, run), beyond(k, out, true, run));
        match c {
            ',' | ':' | ';' | '?' | '!' => {
                let (p, n) = context(out);
                let after_cjk = p.is_some_and(is_cjk);
                let before_han = n.is_some_and(is_han) && !p.is_some_and(|p| p.is_ascii_alphanumeric());
                let numeric = p.is_some_and(|p| p.is_ascii_digit()) && n.is_some_and(|n| n.is_ascii_digit());
                if (after_cjk || before_han) && !numeric {
                    out[k] = full_width(c);
                    changed = true;
                }
            }
            '"' => {
                let (p, n) = context(out);
                if p.is_some_and(is_cjk) || n.is_some_and(is_cjk) {
                    out[k] = if quotes_open { '”' } else { '“' };
                    quotes_open = !quotes_open;
                    changed = true;
                }
            }
            '\n' => quotes_open = false,
            _ => {}
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> String {
        punctuation_width(Text::from_source(s), &mut Vec::new()).into_string()
    }

    #[test]
    fn cjk_context() {
        assert_eq!(
            run("《社会保险法》(2018年12月修正) 第八十七条:社会保险经办机构,药品"),
            "《社会保险法》（2018年12月修正） 第八十七条：社会保险经办机构，药品"
        );
        assert_eq!(run("直接实施责任:"), "直接实施责任：");
        assert_eq!(run("根据法律、法规、规章的\"立改废\"以及"), "根据法律、法规、规章的“立改废”以及");
        assert_eq!(run("(一)诱导、协助他人"), "（一）诱导、协助他人");
    }

    #[test]
    fn ascii_context_stays() {
        assert_eq!(run("5,000 元"), "5,000 元");
        assert_eq!(run("10:30"), "10:30");
        assert_eq!(run("see http://x.cn (a, b)"), "see http://x.cn (a, b)");
        assert_eq!(run("1) a"), "1) a");
    }

    #[test]
    fn runs_of_unmatched_brackets_decide_together() {
        let once = run("保701000236))))))))))))))))))))处罚");
        assert_eq!(run(&once), once);
        assert!(once.ends_with("））））））））））））））））））））处罚"), "{once}");
    }

    #[test]
    fn runs_of_marks_decide_together() {
        for s in [
            "t\"\"\"\"\"\"\"\"\"\"\"\"数",
            "数,,,,,,,,,,,,,,,,x",
            "x!!!!!!!!!!!!!!!!数",
            "行（（（（（（（（（（((((((((()))))))))）确认",
        ] {
            let once = run(s);
            assert_eq!(run(&once), once, "{s}");
        }
    }

    #[test]
    fn full_width_text_is_untouched() {
        let mut ch = Vec::new();
        let t = punctuation_width(Text::from_source("（一）查阅，记录：复制"), &mut ch);
        assert_eq!(t.as_str(), "（一）查阅，记录：复制");
        assert!(ch.is_empty());
    }
}
