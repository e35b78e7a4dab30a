//! Splitting a list cell into its entries: numbered markers (`1.` `2、`
//! `（一）`), group headings (`直接实施责任：`), and unnumbered entries that
//! an HTML list left separated by spaces.

use crate::layout::columns::compact;
use crate::text::{ends_with_list_marker, is_circled_number, opens_duty_heading, Text};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The `1.` markers of a text, each from its number to the end of its mark,
/// one after another as the pattern
/// `(?m)(?:^|[\s。；;：:])[ \t]*[0-9]{1,3}[ \t]*\n?[ \t]*[.．、]` finds them:
/// a number of up to three digits, at a line's start or after white space
/// or a stop, then its mark (`.`, `．`, `、`), perhaps on the next line.
/// Scanned by hand: the pattern has no literal to look for, and a regex
/// engine walked every byte of every cell through it.
fn numbered_markers(s: &str) -> Vec<Range<usize>> {
    let b = s.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(at) = b[i..].iter().position(u8::is_ascii_digit) {
        let from = i + at;
        i = from + b[from..].iter().take_while(|d| d.is_ascii_digit()).count();
        // What stands before a number is never part of the marker before it,
        // which ends in its mark.
        let opens = s[..from].chars().next_back().is_none_or(|c| c.is_whitespace() || "。；;：:".contains(c));
        if i - from > 3 || !opens {
            continue;
        }
        // Past spaces and tabs, a line break, spaces and tabs again.
        let past_blanks = |j: usize| j + b[j..].iter().take_while(|&&c| c == b' ' || c == b'\t').count();
        let mut j = past_blanks(i);
        if b.get(j) == Some(&b'\n') {
            j = past_blanks(j + 1);
        }
        let mark = [".", "．", "、"].iter().find(|m| b[j..].starts_with(m.as_bytes()));
        if let Some(mark) = mark {
            i = j + mark.len();
            found.push(from..i);
        }
    }
    found
}

static GROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        // The name may be broken over two lines (`指导监` / `督责任：`,
        // `指导监督` / `责任：`, `指导监督责` / `任：`: a colon never opens a line).
        r"(?m)(?:^|[\s。；;])[ \t]*([\p{Han}]{1,9}(?:[ \t]*\n[ \t]*[\p{Han}]{0,9})?责(?:[ \t]*\n[ \t]*)?任)[ \t]*[:：][ \t]*(?:\n|$|[0-9]{1,3}[ \t]*\n?[ \t]*[.．、])",
    )
    .expect("valid pattern")
});

/// List markers other than `1.`, each family numbered on its own:
/// `（一）`/`(1)`, `一、`, `①`, `1)` and the enumerating `一是` (`一是…；二是…`).
static OTHER_MARKERS: LazyLock<[Regex; 5]> = LazyLock::new(|| {
    let before = r"(?:^|[\s。；;：:，,])";
    [
        // A line may break inside the brackets (`（二` / `）审查`).
        Regex::new(&format!(
            r"{before}([（(][ \t]*\n?[ \t]*(?:[一二三四五六七八九十]{{1,3}}|[0-9]{{1,2}})[ \t]*\n?[ \t]*[）)])"
        )),
        // A line may break between the numeral and its 、 (`三` / `、其他`).
        Regex::new(&format!(r"{before}([一二三四五六七八九十]{{1,3}}[ \t]*\n?[ \t]*、)")),
        Regex::new(&format!(r"{before}?([\u{{2460}}-\u{{2473}}])")),
        Regex::new(&format!(r"{before}([0-9]{{1,2}}[）)])")),
        Regex::new(&format!(r"{before}([一二三四五六七八九十]{{1,3}}是)")),
    ]
    .map(|r| r.expect("valid pattern"))
});

/// Bytes each family of [`OTHER_MARKERS`] cannot match without (one of
/// them): a cell without them is not searched. `①`…`⑳` all begin with the
/// bytes E2 91.
const OTHER_MARKERS_NEED: [&[&[u8]]; 5] =
    [&["（".as_bytes(), b"("], &["、".as_bytes()], &[&[0xE2, 0x91]], &["）".as_bytes(), b")"], &["是".as_bytes()]];

/// The number a marker of [`OTHER_MARKERS`] gives: `（三）` 3, `(12)` 12, `十一、` 11, `④` 4.
fn other_marker_number(marker: &str) -> Option<usize> {
    let core: String = marker.chars().filter(|c| !c.is_whitespace()).collect();
    let core = core.trim_matches(['（', '(', '）', ')', '、', '是']);
    if let Some(c) = core.chars().next().filter(|&c| is_circled_number(c)) {
        return Some(c as usize - 0x2460 + 1);
    }
    if core.chars().all(|c| c.is_ascii_digit()) {
        return core.parse().ok();
    }
    let digit = |c: char| "一二三四五六七八九".chars().position(|d| d == c).map(|p| p + 1);
    let chars: Vec<char> = core.chars().collect();
    match chars.as_slice() {
        [d] => digit(*d).or((*d == '十').then_some(10)),
        ['十', d] => digit(*d).map(|n| 10 + n),
        [t, '十'] => digit(*t).map(|n| n * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        _ => None,
    }
}

/// Markers of another family than `1.`, numbered 1, 2, 3 …: the family
/// with the longest such run, when it has two entries or more.
fn other_markers(s: &str) -> Vec<Range<usize>> {
    let mut best: Vec<Range<usize>> = Vec::new();
    for (family, needs) in OTHER_MARKERS.iter().zip(OTHER_MARKERS_NEED) {
        if !needs.iter().any(|n| memchr::memmem::find(s.as_bytes(), n).is_some()) {
            continue;
        }
        let mut run = Vec::new();
        let mut expected = 1;
        for c in family.captures_iter(s) {
            let m = c.get(1).expect("marker");
            if other_marker_number(m.as_str()) == Some(expected) {
                run.push(m.range());
                expected += 1;
            }
        }
        if run.len() >= 2 && run.len() > best.len() {
            best = run;
        }
    }
    best
}

/// One entry of a list cell.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The group heading the entry sits under.
    pub group: Option<Text>,
    /// The entry's text, marker removed, lines not yet joined.
    pub text: Text,
    /// The marker's source range, when there was one.
    pub marker: Option<Range<usize>>,
}

/// Where a list without numbers breaks into entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unnumbered {
    /// At sentence ends followed by white space (a flattened HTML list of duties or cases).
    Sentences,
    /// Only where a new citation (《 or 【) begins after a sentence end.
    Citations,
}

/// Whether the text before a heading ends its line with a list's marker and
/// a few ideographs (`…。1.决` and a line break): the heading's name begins there.
fn name_broken_after_marker(before: &str) -> bool {
    let line = before.trim_end_matches([' ', '\t', '\u{3000}']);
    let Some(line) = line.strip_suffix('\n') else {
        return false;
    };
    let line = line.trim_end_matches([' ', '\t', '\r', '\u{3000}']);
    let marker = line.trim_end_matches(crate::text::is_han);
    (1..=3).contains(&line[marker.len()..].chars().count()) && ends_with_list_marker(marker)
}

/// Splits `cell` into entries. Numbers must run 1, 2, 3 … so a `3.` inside
/// a sentence (`第3.2条`) does not start an entry.
pub fn split_entries(cell: &Text, unnumbered: Unnumbered) -> Vec<Entry> {
    let s = cell.as_str();
    // Group headings, by position.
    // Neither pattern can match without its words or digits: most cells are not searched.
    let (may_head, may_number) = (s.contains("责任"), crate::text::any_byte(s, |b| b.is_ascii_digit()));
    let groups: Vec<(Range<usize>, Range<usize>)> = GROUP
        .captures_iter(if may_head { s } else { "" })
        // Each heading's name, its match's end, and its name without spaces,
        // which every rule below reads.
        .map(|c| {
            let name = c.get(1).expect("group");
            (name, c.get(0).expect("match").end(), compact(name.as_str()))
        })
        // `…应承担相应责任：` ends a liability preamble; it heads no group,
        // wherever its line is broken (`…应承担相` / `应责任：`).
        .filter(|(name, _, compact_name)| {
            let before = s[..name.start()].trim_end().chars().next_back();
            !format!("{}{}", before.unwrap_or(' '), compact_name).ends_with("相应责任")
        })
        // A heading right after a marker, on the next line (`2.` / `决定责任：`),
        // is that entry's own, as it is on the marker's line; so is one whose
        // first characters end the marker's line (`1.决` / `定阶段责任：`), a
        // narrow column having broken the name, unless it names a group.
        .filter(|(name, _, compact_name)| {
            let before = &s[..name.start()];
            let names_a_group = crate::model::DUTY_GROUPS.contains(&compact_name.as_str());
            !ends_with_list_marker(before) && (names_a_group || !name_broken_after_marker(before))
        })
        // A heading after a sentence on its line, ending that line with no
        // list after it, is a stage's (`…材料。审查阶段责任：` / `对申请…`):
        // the line was wrapped there. A group's heads its line or a list, or
        // is named as groups are; a stage's (`立案阶段责任：`) heads a list
        // only: alone on its line, it filled a narrow column's line.
        .filter(|(name, _, compact_name)| {
            if crate::model::DUTY_GROUPS.contains(&compact_name.as_str()) {
                return true;
            }
            let begins_line = s[..name.start()].trim_end_matches([' ', '\t', '\u{3000}']).ends_with('\n')
                || s[..name.start()].trim().is_empty();
            let after = s[name.end()..].trim_start_matches([':', '：', ' ', '\t', '\n', '\r', '\u{3000}']);
            (begins_line && !compact_name.ends_with("阶段责任"))
                || after.is_empty()
                || after.starts_with(|ch: char| ch.is_ascii_digit())
        })
        .map(|(name, end, _)| {
            // The heading ends after its colon; a marker matched after it is not part of it.
            let colon = s[name.end()..end]
                .find([':', '：'])
                .map_or(end, |i| name.end() + i + s[name.end() + i..].chars().next().map_or(1, char::len_utf8));
            (name.start()..colon, name.range())
        })
        .collect();
    // Markers numbered in sequence. When the first entry is a tagged or
    // titled citation (`1.【法律】`, `1.《条例》`), later entries are too, so a
    // numbered list quoted inside a provision does not split it.
    // The number is the match's only run of digits: what stands before it is
    // white space or a mark, so it is read off the match, without the
    // slower search for the pattern's group.
    let candidates: Vec<(Range<usize>, usize, Option<char>)> = numbered_markers(if may_number { s } else { "" })
        .into_iter()
        .map(|marker| {
            let from = marker.start;
            let digits = s[from..].bytes().take_while(u8::is_ascii_digit).count();
            let next = s[marker.end..].chars().find(|ch| !ch.is_whitespace());
            (marker, s[from..from + digits].parse().unwrap_or(0), next)
        })
        .collect();
    let required = candidates.iter().find(|c| c.1 == 1).and_then(|c| c.2).filter(|ch| matches!(ch, '【' | '《'));
    let mut markers: Vec<(Range<usize>, usize)> = Vec::new();
    let mut expected = 1;
    for (range, num, next) in candidates {
        // Numbering may start again at 1 right under a group heading.
        let restarts = num == 1
            && expected > 1
            && groups.iter().any(|(g, _)| g.end <= range.start && s[g.end..range.start].trim().is_empty());
        if restarts {
            expected = 1;
        }
        if num == expected && (required.is_none() || next == required) {
            markers.push((range, num));
            expected += 1;
        }
    }
    if markers.is_empty() {
        // A list numbered `（一）`, `一、` or `①`, unless it is inside a quoted
        // provision (a title before it: its items are the provision's). Of
        // citations, only a list whose every entry opens with a title or a
        // tag (`（1）《条例》`), as with `1.`.
        // Of citations, the markers are sought only where a title or a tag
        // follows what may end one (`）《`, `、【`, `①《`): most cells of
        // citations hold brackets (`（2018年修正）`), few such lists.
        let sought = match unnumbered {
            Unnumbered::Sentences => true,
            Unnumbered::Citations => s.match_indices(['《', '【']).any(|(i, _)| {
                s[..i]
                    .trim_end()
                    .chars()
                    .next_back()
                    .is_some_and(|c| matches!(c, '）' | ')' | '、') || is_circled_number(c))
            }),
        };
        let others = if sought { other_markers(s) } else { Vec::new() };
        let opens_citation = |m: &Range<usize>| s[m.end..].trim_start().starts_with(['《', '【']);
        let fits = match unnumbered {
            Unnumbered::Sentences => true,
            Unnumbered::Citations => others.iter().all(opens_citation),
        };
        if fits && others.first().is_some_and(|m| !s[..m.start].contains('《')) {
            markers = others.into_iter().enumerate().map(|(i, r)| (r, i + 1)).collect();
        }
    }
    let mut bounds: Vec<(usize, Boundary)> = Vec::new();
    for (whole, name) in &groups {
        bounds.push((whole.start, Boundary::Group(whole.clone(), name.clone())));
    }
    for (r, _) in &markers {
        if !groups.iter().any(|(g, _)| g.start <= r.start && r.start < g.end) {
            bounds.push((r.start, Boundary::Marker(r.clone())));
        }
    }
    if markers.is_empty() {
        let breaks = match unnumbered {
            Unnumbered::Sentences => unnumbered_breaks(s),
            Unnumbered::Citations => citation_breaks(s),
        };
        for r in breaks {
            bounds.push((r.start, Boundary::Break(r)));
        }
    }
    bounds.sort_by_key(|b| b.0);

    let mut entries = Vec::new();
    let mut group: Option<Text> = None;
    let mut start = 0;
    let mut marker: Option<Range<usize>> = None;
    let push = |entries: &mut Vec<Entry>, group: &Option<Text>, range: Range<usize>, marker: Option<Range<usize>>| {
        let r = cell.trimmed_range(range);
        if !r.is_empty() {
            entries.push(Entry {
                group: group.clone(),
                text: cell.slice(r),
                marker: marker.map(|m| cell.source_range(m)),
            });
        }
    };
    for (pos, b) in bounds {
        // A boundary inside the one before it (a break within a heading) adds nothing.
        if pos < start {
            continue;
        }
        push(&mut entries, &group, start..pos, marker.take());
        match b {
            Boundary::Group(whole, name) => {
                group = Some(cell.slice(name));
                start = whole.end;
            }
            Boundary::Marker(r) => {
                marker = Some(r.clone());
                start = r.end;
            }
            Boundary::Break(r) => start = r.end,
        }
    }
    push(&mut entries, &group, start..s.len(), marker.take());
    entries
}

enum Boundary {
    Group(Range<usize>, Range<usize>),
    Marker(Range<usize>),
    Break(Range<usize>),
}

/// Breaks before a citation that starts after a sentence end (`…。《条例》…`),
/// after an article reference and a comma or a break (`…第八十七条，《条例》`),
/// at a tag wherever it stands (`…第八十七条【行政法规】《条例》`), or at a
/// label naming the basis (`…。实施依据：《条例》`).
fn citation_breaks(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut last_non_space: Option<char> = None;
    // Where the last character stands.
    let mut last_at = 0;
    let mut gap_start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            gap_start.get_or_insert(i);
            continue;
        }
        // Most characters follow none that may end a citation's lead: passed over at once.
        if !matches!(c, '《' | '【')
            && !matches!(last_non_space, Some('。' | '；' | ';' | '，' | ',' | '条' | '款' | '项'))
        {
            gap_start = None;
            last_non_space = Some(c);
            last_at = i;
            continue;
        }
        let article_end = |c: Option<char>| matches!(c, Some('条' | '款' | '项'));
        let sentence_end = matches!(last_non_space, Some('。' | '；' | ';'));
        // After a sentence, or after an article reference and a break (a
        // cell's line break read as a space): `…第八十八条 《条例》第四十一条`.
        let after_article = (gap_start.is_some() && article_end(last_non_space))
            || (matches!(last_non_space, Some('，' | ',')) && ends_article_reference(&s[..last_at]));
        let opens = match c {
            '《' => sentence_end || after_article,
            '【' => last_non_space.is_some() && (sentence_end || after_article || opens_tag(&s[i..])),
            _ => (sentence_end || after_article) && opens_label(&s[i..]),
        };
        if opens {
            let start = gap_start.unwrap_or(i);
            out.push(start..i);
        }
        gap_start = None;
        last_non_space = Some(c);
        last_at = i;
    }
    out
}

/// Whether `s` ends with an article reference's last part (`第八十七条`,
/// `第二款`, `第（二）项`), not a word such as `本条`.
fn ends_article_reference(s: &str) -> bool {
    let s = s.trim_end();
    let Some(rest) = s.strip_suffix(['条', '款', '项']) else { return false };
    // A line may break inside the number (`第八` / `十七条`).
    let number = rest.trim_end_matches(|c: char| {
        "一二三四五六七八九十百千零〇两（）()".contains(c) || c.is_ascii_digit() || c.is_whitespace()
    });
    number.len() < rest.len() && number.ends_with('第')
}

/// Where citations begin after a sentence of other text (`…的。追责依据：
/// 《办法》…`, `…的。【法律】《…》`, `…的。《…》`), if they do.
pub fn citations_after_a_sentence(s: &str) -> Option<usize> {
    // Only a break before the first title or tag, after a sentence's end:
    // an article's comma or break belongs to a citation already. The text
    // is read no further than that title or tag (both three bytes long).
    let first = s.find(['《', '【'])?;
    citation_breaks(&s[..first + 3])
        .into_iter()
        .map(|r| r.end)
        .find(|&at| s[..at].trim_end().ends_with(['。', '；', ';']))
}

/// Whether `s` opens with a tag (`【行政法规】`) and a title after it.
fn opens_tag(s: &str) -> bool {
    let Some(inner) = s.strip_prefix('【') else { return false };
    // A tag is a few characters, perhaps broken over lines (`【` / `行政法规】`):
    // no need to look further for its end.
    let head = inner.char_indices().nth(15).map_or(inner, |(i, _)| &inner[..i]);
    let Some(end) = head.find('】') else { return false };
    let mut tag = inner[..end].chars().filter(|c| !c.is_whitespace());
    (2..=10).contains(&tag.clone().count())
        && tag.all(crate::text::is_han)
        && inner[end + '】'.len_utf8()..].trim_start().starts_with('《')
}

/// Whether `s` opens with a label naming a citation's kind of basis
/// (`实施依据：`, `法律依据:`) and a title or a tag after it.
fn opens_label(s: &str) -> bool {
    // A label is a few characters, perhaps broken over lines (`实` /
    // `施依据：`): its colon is sought no further.
    let head = s.char_indices().nth(12).map_or(s, |(i, _)| &s[..i]);
    let Some(colon) = head.find(['：', ':']) else { return false };
    let label: String = s[..colon].chars().filter(|c| !c.is_whitespace()).collect();
    let n = label.chars().count();
    let after = s[colon..].trim_start_matches(['：', ':']).trim_start();
    // The citations may be numbered: `追责依据：1.《办法》…`.
    let after = after
        .trim_start_matches(|c: char| c.is_ascii_digit() || is_circled_number(c))
        .trim_start_matches(['.', '．', '、'])
        .trim_start();
    (3..=8).contains(&n)
        && label.ends_with("依据")
        && label.chars().all(crate::text::is_han)
        && after.starts_with(['《', '【'])
}

/// Breaks between unnumbered entries: a line break, or spaces after a
/// sentence end (。；) — an HTML list flattened into one line — or a
/// duty's heading right after one (`…材料。审查阶段责任：…`).
fn unnumbered_breaks(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut prev, mut before_prev): (Option<char>, Option<char>) = (None, None);
    let mut run: Option<usize> = None;
    let mut run_has_newline = false;
    // Where the text since the last sentence's end or line break begins.
    let (mut clause, mut clause_before_run) = (0, 0);
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if run.is_none() {
                run = Some(i);
                run_has_newline = false;
                clause_before_run = clause;
            }
            run_has_newline |= c == '\n';
            if c == '\n' {
                clause = i + 1;
            }
            continue;
        }
        if let Some(start) = run.take() {
            // A quotation closed after its sentence's end (`…罚款。”`); one
            // closed inside a sentence (`违反“罚缴分离”` / `规定，…`) goes on.
            let closes_quoted_sentence =
                prev == Some('”') && before_prev.is_some_and(|p| matches!(p, '。' | '；' | ';' | '！' | '？'));
            // A duty's heading ending its line (`审查阶段责任：` / `对申请…`)
            // goes on in the next: the colon is the heading's.
            let heading_ends_line = prev == Some('：') && opens_duty_heading(&s[clause_before_run..start]);
            let after_sentence = prev.is_some_and(|p| matches!(p, '。' | '；' | ';' | '：'));
            if start > 0
                && !heading_ends_line
                && (after_sentence
                    || (run_has_newline
                        && (prev.is_some_and(|p| matches!(p, '。' | '；' | ';' | '：')) || closes_quoted_sentence)))
            {
                out.push(start..i);
            }
        } else if prev.is_some_and(|p| matches!(p, '。' | '；' | ';')) && opens_duty_heading(&s[i..]) {
            out.push(i..i);
        }
        if matches!(c, '。' | '；' | ';') {
            clause = i + c.len_utf8();
        }
        (before_prev, prev) = (prev, Some(c));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_marker_holds_what_its_family_needs() {
        let samples = "（一）受理；(2)审查、二、决定，①送达 ⑳ 3）执行 12)监督 十一、其他 (十)事后；三是公开";
        for (i, (family, needs)) in OTHER_MARKERS.iter().zip(OTHER_MARKERS_NEED).enumerate() {
            let found: Vec<&str> = family.find_iter(samples).map(|m| m.as_str()).collect();
            assert!(!found.is_empty(), "family {i} finds nothing");
            for m in found {
                assert!(needs.iter().any(|n| memchr::memmem::find(m.as_bytes(), n).is_some()), "{m} in family {i}");
            }
        }
        for m in GROUP.find_iter("直接实施责任：\n1.受理\n指导监督责任：2.监督") {
            assert!(m.as_str().contains("责任"), "{}", m.as_str());
        }
    }

    /// Texts of every sort a list's cells hold around their markers: each
    /// character of `pieces` and runs of them, in every order up to a length.
    fn marker_texts() -> Vec<String> {
        let pieces = [
            "1", "12", "123", "1234", ".", "．", "、", " ", "\t", "\n", "\u{3000}", "\u{a0}", "。", "；", ";", "：",
            ":", "，", "受", "A", "（", "）", "\r",
        ];
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..4 {
            last = last.iter().flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}"))).collect();
            texts.extend(last.iter().cloned());
        }
        texts
    }

    #[test]
    fn markers_are_found_as_the_pattern_finds_them() {
        let pattern =
            Regex::new(r"(?m)(?:^|[\s。；;：:])[ \t]*[0-9]{1,3}[ \t]*\n?[ \t]*[.．、]").expect("valid pattern");
        let mut texts = marker_texts();
        texts.extend(
            ["1.受理 。2、审查\n3\n．决定", "x 1 \n 2.", "1234.5.", "a\n 12 \n\t．b", "1.2.3.", "；1、；2、"]
                .map(String::from),
        );
        for text in &texts {
            let want: Vec<Range<usize>> = pattern
                .find_iter(text)
                .map(|m| m.start() + m.as_str().find(|c: char| c.is_ascii_digit()).unwrap_or(0)..m.end())
                .collect();
            assert_eq!(numbered_markers(text), want, "{text:?}");
        }
        assert_eq!(numbered_markers("1.受理 。2、审查\n3\n．决定"), [0..2, 12..16, 23..28]);
    }

    fn texts(s: &str) -> Vec<(Option<String>, String)> {
        split_entries(&Text::from_source(s), Unnumbered::Sentences)
            .into_iter()
            .map(|e| (e.group.map(|g| g.into_string()), e.text.into_string()))
            .collect()
    }

    #[test]
    fn a_heading_broken_after_its_markers_first_characters_is_the_entrys_own() {
        // A narrow column: `1.决` / `定阶段责任：` / `作出决定。`.
        let got = texts("指导监督责任：\n1.决\n定阶段责任：\n作出决定。");
        assert_eq!(got, [(Some("指导监督责任".to_owned()), "决\n定阶段责任：\n作出决定。".to_owned())]);
        // A group's own heading after an entry's short last line stays a group's.
        let got = texts("直接实施责任：\n1.受理\n指导监督责任：\n1.监督");
        let groups: Vec<Option<&str>> = got.iter().map(|(g, _)| g.as_deref()).collect();
        assert_eq!(groups, [Some("直接实施责任"), Some("指导监督责任")]);
    }

    #[test]
    fn a_group_s_heading_broken_before_its_last_word_heads_its_group() {
        let got = texts("直接实施责任：\n1.审查。指导监督\n责任：1.决定阶段责任：作出决定。");
        let groups: Vec<Option<String>> = got.iter().map(|(g, _)| g.as_deref().map(compact)).collect();
        assert_eq!(groups, [Some("直接实施责任".into()), Some("指导监督责任".into())], "{got:?}");
    }

    #[test]
    fn a_stage_s_heading_alone_on_its_line_heads_no_group_but_over_a_list() {
        let got = texts("立案阶段责任：\n发现违法行为的，予以审查。调查\n阶段责任：及时调查取证。");
        assert!(got.iter().all(|(g, _)| g.is_none()), "{got:?}");
        let got = texts("事前阶段责任：\n1.公示依法应当提交的材料。\n2.审查。");
        assert!(got.iter().all(|(g, _)| g.as_deref() == Some("事前阶段责任")), "{got:?}");
        // Other headings alone on their line head a group, as before.
        let got = texts("组织协调责任：\n发现违法行为的，予以审查。");
        assert_eq!(got[0].0.as_deref(), Some("组织协调责任"), "{got:?}");
    }

    #[test]
    fn a_line_ending_in_a_closing_quote_ends_an_entry_only_after_a_sentence() {
        let got = texts("违反法定的行政处罚程序的； 违反“罚缴分离”\n规定，擅自收取罚款的； 不使用罚款单据的；");
        let got: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(got, ["违反法定的行政处罚程序的；", "违反“罚缴分离”\n规定，擅自收取罚款的；", "不使用罚款单据的；"]);
        let got = texts("依照“有关规定执行。”\n依法送达。");
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn numbering_restarts_under_each_group() {
        let got = texts("直接实施责任： 1.甲。 2.乙。 指导监督责任： 1.丙。 2.丁。");
        let g = |n: &str, t: &str| (Some(n.to_owned()), t.to_owned());
        assert_eq!(
            got,
            vec![
                g("直接实施责任", "甲。"),
                g("直接实施责任", "乙。"),
                g("指导监督责任", "丙。"),
                g("指导监督责任", "丁。")
            ]
        );
        // A heading right after a sentence's end, with no space between.
        let got = texts("直接实施责任：1.甲。2.乙。指导监督责任：3.丙。");
        assert_eq!(got.last(), Some(&g("指导监督责任", "丙。")));
        assert_eq!(got[1], g("直接实施责任", "乙。"));
        // A 1. inside an entry, not under a heading, is no restart.
        assert_eq!(texts("1.甲，含 1.乙。 2.丙。").len(), 2);
    }

    #[test]
    fn numbered_with_groups() {
        let got = texts("直接实施责任:  \n1.执行省级制定的行政处罚标准\n规范。  \n2.依法依规实施。  \n指导监督责任:  \n3.加强指导。");
        assert_eq!(
            got,
            vec![
                (Some("直接实施责任".into()), "执行省级制定的行政处罚标准\n规范。".into()),
                (Some("直接实施责任".into()), "依法依规实施。".into()),
                (Some("指导监督责任".into()), "加强指导。".into()),
            ]
        );
    }

    #[test]
    fn a_heading_after_a_marker_on_the_line_before_heads_no_group() {
        // As `2.决定责任：` on one line: the heading is the entry's, not a group's.
        let got = texts("1.立案责任：予以审查。2.\n决定责任：\n依法作出决定。");
        assert_eq!(got, [(None, "立案责任：予以审查。".into()), (None, "决定责任：\n依法作出决定。".into())]);
        for before in ["2.", "2、", "（二）", "(2)", "二、", "②"] {
            assert!(ends_with_list_marker(&format!("予以审查。{before}\n")), "{before}");
        }
        for before in ["予以审查。", "第二条", "（试行）", ""] {
            assert!(!ends_with_list_marker(before), "{before}");
        }
        // A group's heading after a sentence still heads its group.
        let got = texts("直接实施责任：\n1.依法实施。\n指导监督责任：\n1.加强指导。");
        assert_eq!(got[1].0.as_deref(), Some("指导监督责任"));
    }

    #[test]
    fn a_stage_heading_ending_a_line_after_a_sentence_heads_no_group() {
        // Unnumbered stages wrapped after a heading's colon: three entries, no group.
        let got =
            texts("受理阶段责任：公示依法应当提交的材料。审查阶段责任：\n对申请材料进行审查。决定阶段责任：作出决定。");
        assert_eq!(
            got,
            [
                (None, "受理阶段责任：公示依法应当提交的材料。".into()),
                (None, "审查阶段责任：\n对申请材料进行审查。".into()),
                (None, "决定阶段责任：作出决定。".into()),
            ]
        );
        // A group's heading after a sentence, a list after it, heads its group.
        let got = texts("直接实施责任：1.依法实施。指导监督责任：\n1.加强指导。");
        assert_eq!(got[1].0.as_deref(), Some("指导监督责任"));
    }

    #[test]
    fn inline_markers() {
        let got =
            texts("直接实施责任: 1. 依法依规实施本级行政处罚事项。 指导监督责任: 2. 建立健全制度。 3. 制定公布规则。");
        assert_eq!(got.len(), 3);
        assert_eq!(got[1], (Some("指导监督责任".into()), "建立健全制度。".into()));
    }

    #[test]
    fn other_marker_families() {
        let entries = |s: &str| texts(s).into_iter().map(|e| e.1).collect::<Vec<_>>();
        assert_eq!(
            entries("（一）立案责任：依法立案。（二）调查责任：依法调查。"),
            ["立案责任：依法立案。", "调查责任：依法调查。"]
        );
        assert_eq!(entries("一、受理。二、办理。三、送达。"), ["受理。", "办理。", "送达。"]);
        assert_eq!(entries("依法追究：①没有依据的；②擅自改变的。"), ["依法追究：", "没有依据的；", "擅自改变的。"]);
        assert_eq!(entries("(1)不予受理的；(2)未按时办结的。"), ["不予受理的；", "未按时办结的。"]);
        assert_eq!(entries("1）不予受理的；2）未按时办结的。"), ["不予受理的；", "未按时办结的。"]);
        assert_eq!(entries("1)受理。 2)办理。"), ["受理。", "办理。"]);
        assert_eq!(
            entries("加强监管：一是严格审查材料；二是依法作出决定；三是强化事后监管。"),
            ["加强监管：", "严格审查材料；", "依法作出决定；", "强化事后监管。"]
        );
        // `是` after a numeral inside a word (`统一是`), or a lone `一是`, is no list.
        assert_eq!(entries("标准统一是前提，二是其次。").len(), 1);
        assert_eq!(entries("一是严格审查材料。").len(), 1);
        // `(1)` is not `1)` with a bracket before it.
        assert_eq!(other_markers("甲(1)乙(2)").len(), 0);
        // A provision's own items stay in it.
        assert_eq!(entries("《条例》第四十条：（一）诱导他人；（二）伪造资料。").len(), 1);
        // `1.` numbering comes first: items inside an entry stay in it.
        assert_eq!(entries("1.有下列情形：（一）甲；（二）乙。2.其他。").len(), 2);
        assert_eq!(other_marker_number("十一、"), Some(11));
        assert_eq!(other_marker_number("（二十）"), Some(20));
        assert_eq!(other_marker_number("⑫"), Some(12));
        assert_eq!(other_marker_number("十二是"), Some(12));
    }

    #[test]
    fn a_marker_broken_over_lines() {
        let got = texts("责任：1\n.对符合条件的申\n请不予受理的；2.未按时办\n结的。");
        let entries: Vec<&str> = got.iter().map(|e| e.1.as_str()).collect();
        assert_eq!(entries, ["责任：", "对符合条件的申\n请不予受理的；", "未按时办\n结的。"]);
    }

    #[test]
    fn numbers_out_of_sequence_stay_in_text() {
        let got = texts("1.依照第3.2条规定办理。2.其他。");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, "依照第3.2条规定办理。");
    }

    #[test]
    fn a_list_quoted_inside_a_citation_stays_in_it() {
        let got = texts(
            "1.【部委文件】《规程》第七条：接续手续：1.核对信息；2.计入账户；3.存档。\n2.【市政府规章】《办法》全文",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].1.contains("3.存档"));
    }

    #[test]
    fn markers_and_article_numbers_broken_over_lines() {
        let got = texts("一、没有依据的；二、违反程序的；三\n、其他违法情形。");
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[2].1, "其他违法情形。");
        let t = Text::from_source("《社会保险法》第八\n十七条，《条例》第三十八条");
        assert_eq!(split_entries(&t, Unnumbered::Citations).len(), 2);
    }

    #[test]
    fn headings_and_markers_broken_over_lines() {
        let got = texts("受理阶段责任：公示材料。审查阶段责\n任：审查材料。");
        assert_eq!(got.len(), 2, "{got:?}");
        let got =
            texts("（一）受理阶段责任：公示材料；（二\n）审查阶段责任：审查材料；（三）决定阶\n段责任：作出决定。");
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[1].1, "审查阶段责任：审查材料；");
        let got = texts("直接实施责任：1.受理责任：公示材料。2.审查责任：审查材料。指导监\n督责任：1.指导下级。");
        let groups: Vec<Option<&str>> = got.iter().map(|(g, _)| g.as_deref()).collect();
        assert_eq!(groups, [Some("直接实施责任"), Some("直接实施责任"), Some("指导监\n督责任")], "{got:?}");
        // Broken inside 责任, as a colon never opens a line (`指导监督责` / `任：`).
        let got = texts("直接实施责任：1.受理责任：公示材料。2.审查责任：审查材料。指导监督责\n任：1.指导下级。");
        let groups: Vec<Option<&str>> = got.iter().map(|(g, _)| g.as_deref()).collect();
        assert_eq!(groups, [Some("直接实施责任"), Some("直接实施责任"), Some("指导监督责\n任")], "{got:?}");
        assert_eq!(got[2].1, "指导下级。");
        // A liability's preamble so broken heads no group, nor broken before 应.
        for cell in [
            "违法的。应承担相应责\n任：\n1.未依法受理的。",
            "行政机关及相关工作人员应承担相\n应责任： 1. 未依法受理的。",
        ] {
            let got = texts(cell);
            assert!(got.iter().all(|(g, _)| g.is_none()), "{got:?}");
            assert!(compact(&got[0].1).ends_with("相应责任："), "{got:?}");
        }
    }

    #[test]
    fn a_duty_heading_after_a_sentence_opens_an_entry() {
        let got = texts("受理阶段责任：公示依法应当提交的材料。审查阶段责任：对申请材料进行审查；决定责任：作出决定。");
        let got: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            got,
            ["受理阶段责任：公示依法应当提交的材料。", "审查阶段责任：对申请材料进行审查；", "决定责任：作出决定。"]
        );
        // Not mid-sentence, nor a liability's preamble, nor a heading of no stage.
        for cell in ["受理责任：公示材料，审查责任：审查。", "违法的。应承担相应责任：", "公示材料。责任：审查。"]
        {
            assert_eq!(texts(cell).len(), 1, "{cell}");
        }
    }

    #[test]
    fn flattened_html_list() {
        let got = texts("立案阶段责任：发现违法行为予以立案。 调查阶段责任：及时调查取证。 其他责任。");
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].1, "立案阶段责任：发现违法行为予以立案。");
        let got = texts("没有法律和事实依据实施行政处罚的； 行政处罚显失公正的；");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn unnumbered_citations_split_only_at_a_new_title() {
        let t = Text::from_source("《社会保险法》第七十七条：县级以上。\n第七十九条：社会保险行政部门；\n（一）查阅；\n《社会保险稽核办法》第三条");
        let got: Vec<String> =
            split_entries(&t, Unnumbered::Citations).into_iter().map(|e| e.text.into_string()).collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].starts_with("《社会保险稽核办法》"));
    }

    #[test]
    fn a_title_after_an_article_and_a_break_is_a_new_citation() {
        let t = Text::from_source(
            "《社会保险法》第八十八条 《医疗保障基金使用监督管理条例》第四十一条第一款 《办法》第三条",
        );
        let got: Vec<String> =
            split_entries(&t, Unnumbered::Citations).into_iter().map(|e| e.text.into_string()).collect();
        assert_eq!(
            got,
            ["《社会保险法》第八十八条", "《医疗保障基金使用监督管理条例》第四十一条第一款", "《办法》第三条"]
        );
        // After a comma, at a tag, at a label naming the basis, and in a
        // list numbered otherwise than `1.`: a new citation too.
        for (cell, want) in [
            ("《社会保险法》第八十七条，《条例》第三十八条", vec!["《社会保险法》第八十七条，", "《条例》第三十八条"]),
            (
                "【法律】《社会保险法》第八十七条【行政法规】《条例》第三十八条",
                vec!["【法律】《社会保险法》第八十七条", "【行政法规】《条例》第三十八条"],
            ),
            (
                "设定依据：《社会保险法》第八十七条。实施依据：《条例》第三十八条。",
                vec!["设定依据：《社会保险法》第八十七条。", "实施依据：《条例》第三十八条。"],
            ),
            (
                "（1）《社会保险法》第八十七条；（2）《条例》第三十八条。",
                vec!["《社会保险法》第八十七条；", "《条例》第三十八条。"],
            ),
            ("①《社会保险法》第八十七条②《条例》第三十八条", vec!["《社会保险法》第八十七条", "《条例》第三十八条"]),
            // A tag broken over lines, as a narrow column prints it.
            (
                "【法律】《社会保险法》第八十七条【\n行政法规】《条例》第三十八条",
                vec!["【法律】《社会保险法》第八十七条", "【\n行政法规】《条例》第三十八条"],
            ),
            // So is a label.
            (
                "设定依据：《社会保险法》第八十七条。实\n施依据：《条例》第三十八条。",
                vec!["设定依据：《社会保险法》第八十七条。", "实\n施依据：《条例》第三十八条。"],
            ),
        ] {
            let got: Vec<String> = split_entries(&Text::from_source(cell), Unnumbered::Citations)
                .into_iter()
                .map(|e| e.text.into_string())
                .collect();
            assert_eq!(got, want, "{cell}");
        }
        // A list in a provision, a tag-like bracket that is a year, a comma
        // inside the provision's text: no new citation.
        for cell in [
            "《条例》第三条：有下列情形之一的：（1）骗取；（2）伪造。",
            "《通知》（人社部发【2016】94号）第三条",
            "《条例》第三条：依照本条，《办法》另有规定的除外",
            "《条例》第三条：依据下列规定：《办法》",
        ] {
            assert_eq!(split_entries(&Text::from_source(cell), Unnumbered::Citations).len(), 1, "{cell}");
        }
        // Without a break, or after an article's text, the title is part of the provision.
        let t = Text::from_source("《社会保险法》第八十八条《条例》 依照《条例》第三条的规定");
        assert_eq!(split_entries(&t, Unnumbered::Citations).len(), 1);
    }
}
