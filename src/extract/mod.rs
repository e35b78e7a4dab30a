//! Extraction: from a laid-out record to an [`Item`], and from the covering
//! notice to the document's metadata.

mod citations;
mod entries;
mod metadata;

pub use citations::{parse_citation, split_per_article};
pub use entries::{split_entries, Entry, Unnumbered};
pub use metadata::extract_metadata;

use crate::layout::{section_heading, Column, Record};
use crate::model::{Citation, Duty, ExtraCell, Item, Tier};
use crate::normalize::{self, Change};
use crate::text::{Text, TextBuilder};

/// Something extraction noticed, located in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A code was put together from pieces on several lines or rows.
    CodeReassembled {
        /// Source range of the whole code.
        source: std::ops::Range<usize>,
        /// How many pieces.
        pieces: usize,
    },
    /// A dash of a code printed as another glyph (`XK－0001－000`) was made `-`.
    CodeDash {
        /// Source range of the whole code.
        source: std::ops::Range<usize>,
        /// The code as printed, its pieces joined.
        printed: String,
    },
    /// A 序号 printed otherwise than as a number (`十二`, `1-1`), quoted as
    /// printed: the number read from it, if any, does not say all it does.
    SeqAsPrinted {
        /// Source range of the 序号 cell.
        source: std::ops::Range<usize>,
        /// The cell as printed.
        printed: String,
        /// The number read from it.
        seq: Option<u32>,
    },
    /// A record had no 序号.
    MissingSeq {
        /// Source range of the record.
        source: std::ops::Range<usize>,
    },
    /// A record had no code.
    MissingCode {
        /// Source range of the record.
        source: std::ops::Range<usize>,
    },
    /// An entry of a list cell stops mid-sentence where its siblings end
    /// theirs: the cell was cut off (an overflowing PDF cell, a lost page).
    Truncated {
        /// Source range of the entry's last characters.
        source: std::ops::Range<usize>,
        /// Those characters.
        tail: String,
    },
}

/// What extraction gives for one record.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The item.
    pub item: Item<'static>,
    /// Repairs made by the normalisation passes.
    pub changes: Vec<Change>,
    /// Notes.
    pub notes: Vec<Note>,
}

/// One line of clean text from a cell: cell passes, lines joined, inline passes.
pub fn clean_value(cell: &Text, changes: &mut Vec<Change>) -> Text {
    let t = normalize::cell(cell.clone(), changes);
    let t = normalize::join_lines(&t);
    normalize::inline(t, changes)
}

/// The cells of `column`, one group per column of that name: a table with
/// two columns under names of one field (追责情形 and 追责依据, 设定依据 and
/// 实施依据) gives each row two cells of it, and each column's entries are
/// read on their own, so that a citation in the second does not run on from
/// the last case of the first. Rows with one cell add it to the first group.
fn column_groups(record: &Record, column: Column) -> Vec<Vec<&Text>> {
    let mut groups: Vec<Vec<&Text>> = Vec::new();
    for row in &record.rows {
        for (k, (_, t)) in row.iter().filter(|(c, _)| *c == column).enumerate() {
            if groups.len() <= k {
                groups.push(Vec::new());
            }
            groups[k].push(t);
        }
    }
    groups
}

fn value(record: &Record, column: Column, changes: &mut Vec<Change>) -> String {
    let cells: Vec<&Text> = record.cells(column).collect();
    if cells.is_empty() {
        return String::new();
    }
    clean_value(&Text::joined_as_lines(cells), changes).into_string()
}

/// Extracts one record; `extra_headers` names the columns the format does
/// not name ([`Column::Extra`]) and the groups of duties printed as columns
/// ([`Column::DutyGroup`]).
pub fn extract_record(record: &Record, extra_headers: &[String]) -> Extracted {
    let mut changes = Vec::new();
    let mut notes = Vec::new();
    let mut item = Item::default();
    let span = record.span().unwrap_or(0..0);

    let seq_text = value(record, Column::Seq, &mut changes);
    let (seq, as_printed) = seq_of(&seq_text);
    item.seq = seq.map(u64::from);
    if as_printed {
        let cells = record.cells(Column::Seq).map(Text::span);
        let source = cells.reduce(|a, b| a.start.min(b.start)..a.end.max(b.end)).unwrap_or(span.clone());
        notes.push(Note::SeqAsPrinted { source, printed: seq_text.trim().to_owned(), seq });
    }
    if item.seq.is_none() {
        notes.push(Note::MissingSeq { source: span.clone() });
    }
    if let Some(section) = &record.section {
        item.section = section_heading(section.as_str()).unwrap_or(section.as_str().trim()).to_owned().into();
    }
    item.item = value(record, Column::Item, &mut changes).into();
    item.sub_item = value(record, Column::SubItem, &mut changes).into();
    item.code = code(record, Column::Code, &mut notes).into();
    if item.code.is_empty() {
        notes.push(Note::MissingCode { source: span.clone() });
    }
    item.sub_code = code(record, Column::SubCode, &mut notes).into();
    item.kind = crate::layout::columns::compact(&value(record, Column::Type, &mut changes)).into();
    item.department = value(record, Column::Department, &mut changes).into();
    item.office = value(record, Column::Office, &mut changes).into();
    item.responsibility = value(record, Column::Responsibility, &mut changes).into();
    item.remarks = value(record, Column::Remarks, &mut changes).into();
    item.extra = extra_cells(record, extra_headers, &mut changes);

    for basis in column_groups(record, Column::LegalBasis) {
        item.legal_basis.extend(citations_of(&Text::joined_as_lines(basis), &mut changes, &mut notes));
    }
    for liability in column_groups(record, Column::Liability) {
        let (preamble, entries) = liability_of(&Text::joined_as_lines(liability), &mut changes, &mut notes);
        if item.liability_preamble.is_empty() {
            item.liability_preamble = preamble.into();
        } else if !preamble.is_empty() {
            // A second preamble is no case; kept as an entry, not lost.
            item.liability.push(Citation { text: preamble.into(), ..Citation::default() });
        }
        item.liability.extend(entries);
    }
    item.tier = tiers(record, extra_headers, &mut changes, &mut notes);
    Extracted { item, changes, notes }
}

/// Cells of columns the format does not name, each under its header, in
/// row and column order (a tier row's own cell after its item's). A column
/// with a cell on a row after the first holds a value per tier: each of its
/// cells names the level of its row.
fn extra_cells(record: &Record, headers: &[String], changes: &mut Vec<Change>) -> Vec<ExtraCell<'static>> {
    let per_tier: Vec<u8> = record
        .rows
        .iter()
        .skip(1)
        .flatten()
        .filter_map(|(c, _)| match c {
            Column::Extra(i) => Some(*i),
            _ => None,
        })
        .collect();
    let mut out: Vec<ExtraCell> = Vec::new();
    let mut level = String::new();
    for row in &record.rows {
        // A row without a level goes on with the tier above it, as in `tiers`.
        if let Some((_, t)) = row.iter().find(|(c, _)| *c == Column::Level) {
            // Its repairs are reported once, by the tier's own level.
            level = level_of(&clean_value(t, &mut Vec::new()).into_string());
        }
        for (column, cell) in row {
            let Column::Extra(i) = *column else { continue };
            let Some(header) = headers.get(usize::from(i)) else { continue };
            let text = clean_value(cell, changes).into_string();
            if !text.is_empty() {
                let level = if per_tier.contains(&i) { level.clone() } else { String::new() };
                out.push(ExtraCell { header: header.clone().into(), level: level.into(), text: text.into() });
            }
        }
    }
    out
}

/// A sub-item (子项) printed under its item with the item's cells merged
/// above it (so empty in its own row) takes them from the item before it:
/// name, type, department, office and responsibility, the code when the
/// sub-item has none of its own (some lists give each sub-item its code in
/// the code column), and legal basis, liability and tiers when it has none.
pub fn inherit_merged_cells(sub: &mut Extracted, parent: &Item<'static>) {
    let item = &mut sub.item;
    if !(item.is_sub_item() && parent.is_sub_item() && item.item.is_empty()) {
        return;
    }
    item.item.clone_from(&parent.item);
    if item.seq.is_none() {
        item.seq = parent.seq;
    }
    let fill = |own: &mut crate::model::Text<'static>, from: &crate::model::Text<'static>| {
        if own.is_empty() {
            own.clone_from(from);
        }
    };
    fill(&mut item.code, &parent.code);
    fill(&mut item.kind, &parent.kind);
    fill(&mut item.department, &parent.department);
    fill(&mut item.office, &parent.office);
    fill(&mut item.responsibility, &parent.responsibility);
    if item.legal_basis.is_empty() {
        item.legal_basis.clone_from(&parent.legal_basis);
    }
    if item.liability.is_empty() && item.liability_preamble.is_empty() {
        item.liability.clone_from(&parent.liability);
        item.liability_preamble.clone_from(&parent.liability_preamble);
    }
    if item.tier.is_empty() {
        item.tier.clone_from(&parent.tier);
    }
    sub.notes.retain(|n| !matches!(n, Note::MissingCode { .. } | Note::MissingSeq { .. }));
}

/// The 序号 a cell prints, and whether the note of it must quote the cell:
/// `12`, `12.`, `12、` and `（12）` are 12 as printed; `十二` is 12 and
/// `1-1` is 1, each quoted, as the number does not say all the cell does;
/// a cell with no number is quoted too.
fn seq_of(text: &str) -> (Option<u32>, bool) {
    let t = text.trim();
    if t.is_empty() {
        return (None, false);
    }
    let core = t.trim_end_matches(['.', '．', '、']).trim_start_matches(['（', '(']).trim_end_matches(['）', ')']);
    if !core.is_empty() && core.chars().all(|c| c.is_ascii_digit()) {
        return (core.parse().ok(), false);
    }
    if let Some(n) = crate::text::chinese_number(core).filter(|_| core.chars().all(|c| !c.is_ascii_digit())) {
        return (Some(n), true);
    }
    let leading = t.split(|c: char| !c.is_ascii_digit()).next().filter(|p| !p.is_empty());
    (leading.and_then(|p| p.parse().ok()), true)
}

/// The code: every piece of the code cells, white space removed.
fn code(record: &Record, column: Column, notes: &mut Vec<Note>) -> String {
    let cells: Vec<&Text> = record.cells(column).collect();
    let mut code = String::new();
    let mut pieces = 0;
    let mut source: Option<std::ops::Range<usize>> = None;
    for cell in &cells {
        let mut changes = Vec::new();
        let t = normalize::cell((*cell).clone(), &mut changes);
        for piece in t.as_str().split_whitespace() {
            pieces += 1;
            code.push_str(piece);
        }
        let span = cell.span();
        source = Some(match source {
            None => span,
            Some(s) => s.start.min(span.start)..s.end.max(span.end),
        });
    }
    if pieces > 1 {
        notes.push(Note::CodeReassembled { source: source.clone().unwrap_or(0..0), pieces });
    }
    match with_ascii_hyphens(&code) {
        Some(hyphenated) => {
            notes.push(Note::CodeDash { source: source.unwrap_or(0..0), printed: code });
            hyphenated
        }
        None => code,
    }
}

/// `code` with each dash of another glyph ([`crate::text::is_dash_variant`])
/// that stands between two ASCII letters or digits made `-`, if it has any.
fn with_ascii_hyphens(code: &str) -> Option<String> {
    if code.is_ascii() {
        return None;
    }
    let chars: Vec<char> = code.chars().collect();
    let between = |i: usize| {
        i > 0 && i + 1 < chars.len() && chars[i - 1].is_ascii_alphanumeric() && chars[i + 1].is_ascii_alphanumeric()
    };
    let dashes: Vec<usize> =
        (0..chars.len()).filter(|&i| crate::text::is_dash_variant(chars[i]) && between(i)).collect();
    if dashes.is_empty() {
        return None;
    }
    let mut out = chars;
    for i in dashes {
        out[i] = '-';
    }
    Some(out.into_iter().collect())
}

/// Whether an entry's text ends a sentence (or a quotation, or a bracket).
fn ends_a_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['。', '；', ';', '！', '？', '!', '?', '”', '’', '）', ')', '》', '」', '…', '.'])
}

/// Whether an entry's text stops where no sentence stops: inside a word or
/// after a comma, an enumeration mark, a colon or an opening bracket.
fn ends_mid_sentence(s: &str) -> bool {
    s.trim_end().chars().last().is_some_and(|c| {
        crate::text::is_han(c) || matches!(c, '，' | '、' | ',' | '：' | ':' | '（' | '(' | '“' | '《')
    })
}

/// Notes the entries of one list cell that look cut off: with siblings that
/// all end a sentence, one that stops mid-sentence; alone, one that stops
/// after a comma, colon or opening bracket (no cell ends so). Whether a
/// character ends a word is for the caller to judge, which knows the document.
/// The entries come with their lines joined, as they are kept.
fn note_truncated(entries: &[Text], notes: &mut Vec<Note>) {
    let ends: Vec<bool> = entries.iter().map(|e| ends_a_sentence(e.as_str())).collect();
    for (i, entry) in entries.iter().enumerate() {
        let s = entry.as_str().trim_end();
        let siblings_end = entries.len() >= 2 && ends.iter().enumerate().all(|(k, &e)| k == i || e);
        let lone_break = entries.len() == 1 && !s.ends_with(|c: char| crate::text::is_han(c)) && ends_mid_sentence(s);
        if ends_mid_sentence(s) && (siblings_end || lone_break) {
            let start = s.char_indices().rev().nth(5).map_or(0, |(i, _)| i);
            notes.push(Note::Truncated { source: entry.source_range(start..s.len()), tail: s[start..].to_owned() });
        }
    }
}

fn citations_of(cell: &Text, changes: &mut Vec<Change>, notes: &mut Vec<Note>) -> Vec<Citation<'static>> {
    let cell = normalize::cell(cell.clone(), changes);
    let mut out = Vec::new();
    let entries = split_entries(&cell, Unnumbered::Citations);
    let joined: Vec<Text> = entries.iter().map(|e| normalize::join_lines(&e.text)).collect();
    note_truncated(&joined, notes);
    for entry in joined {
        let text = normalize::inline(entry, changes);
        out.extend(split_per_article(parse_citation(text.as_str())));
    }
    out
}

fn is_liability_preamble(s: &str) -> bool {
    (s.ends_with('：') || s.ends_with(':'))
        && (s.contains("下列情形") || s.contains("相应责任") || s.contains("追究") || is_cell_label(s))
}

/// A label heading a liability cell's cases or citations (`追责情形：`,
/// `责任追究：`, `追责依据：`): a few ideographs naming them, and a colon.
fn is_cell_label(s: &str) -> bool {
    let label = s.trim_end_matches(['：', ':']);
    label.len() < s.len()
        && (2..=8).contains(&label.chars().count())
        && label.chars().all(crate::text::is_han)
        && ["情形", "依据", "追究", "问责"].iter().any(|w| label.ends_with(w))
}

/// A liability entry's citations printed after its case (`…的。追责依据：
/// 《办法》第七十六条`, `…的。【法律】《…》`): the case, then each citation,
/// a label with no citation of its own going with the one after it.
fn case_and_citations(text: &str) -> Vec<Citation<'static>> {
    // An entry opening with a citation may hold the next one too
    // (`…第七十六条。【法律】《…》`): only if it holds another title or tag.
    let opens_citation = text.starts_with(['《', '【']) && text[3..].contains(['《', '【']);
    let Some(at) = entries::citations_after_a_sentence(text).or(opens_citation.then_some(0)) else {
        return split_per_article(parse_citation(text));
    };
    let mut out: Vec<Citation<'static>> =
        if at == 0 { Vec::new() } else { vec![parse_citation(text[..at].trim_end())] };
    let tail = Text::from_source(&text[at..]);
    let mut label = String::new();
    for entry in split_entries(&tail, Unnumbered::Citations) {
        let entry = normalize::join_lines(&entry.text);
        let entry = entry.as_str().trim();
        if !entry.contains(['《', '【']) && is_cell_label(entry) {
            label.push_str(entry);
            continue;
        }
        out.extend(split_per_article(parse_citation(&(std::mem::take(&mut label) + entry))));
    }
    if !label.is_empty() {
        out.push(parse_citation(&label));
    }
    out
}

fn liability_of(cell: &Text, changes: &mut Vec<Change>, notes: &mut Vec<Note>) -> (String, Vec<Citation<'static>>) {
    let cell = normalize::cell(cell.clone(), changes);
    let mut preamble = String::new();
    let mut out = Vec::new();
    let entries = split_entries(&cell, Unnumbered::Sentences);
    let joined: Vec<Text> = entries.iter().map(|e| normalize::join_lines(&e.text)).collect();
    // The preamble ends with a colon by nature: it is no entry to judge.
    let cases: Vec<Text> = entries
        .iter()
        .zip(&joined)
        .filter(|(e, text)| !(e.marker.is_none() && is_liability_preamble(text.as_str().trim())))
        .map(|(_, text)| text.clone())
        .collect();
    note_truncated(&cases, notes);
    for (i, (entry, joined)) in entries.into_iter().zip(joined).enumerate() {
        let mut text = normalize::inline(joined, changes).into_string();
        if i == 0 && entry.marker.is_none() {
            if is_liability_preamble(&text) {
                preamble = text;
                continue;
            }
            // `……应承担相应责任：受理和查处举报的单位……`: the preamble, then a first case.
            if let Some(colon) = text.find('：') {
                let head = &text[..colon + '：'.len_utf8()];
                if is_liability_preamble(head) {
                    preamble = head.to_owned();
                    text = text[head.len()..].trim().to_owned();
                    if text.is_empty() {
                        continue;
                    }
                }
            }
        }
        out.extend(case_and_citations(&text));
    }
    (preamble, out)
}

fn duties_of(cells: &[&Text], changes: &mut Vec<Change>, notes: &mut Vec<Note>) -> Vec<Duty<'static>> {
    if cells.is_empty() {
        return Vec::new();
    }
    let cell = normalize::cell(Text::joined_as_lines(cells.iter().copied()), changes);
    let entries = split_entries(&cell, Unnumbered::Sentences);
    let joined: Vec<Text> = entries.iter().map(|e| normalize::join_lines(&e.text)).collect();
    note_truncated(&joined, notes);
    entries
        .into_iter()
        .zip(joined)
        .map(|(e, text)| {
            let group = e
                .group
                .map(|g| normalize::inline(normalize::join_lines(&g), changes).into_string())
                .unwrap_or_default();
            Duty { group: group.into(), text: normalize::inline(text, changes).into_string().into() }
        })
        .filter(|d| !d.text.is_empty())
        .collect()
}

/// A level as printed without 级, also in a cell naming several (`市级、县级` → `市、县`).
fn level_of(s: &str) -> String {
    let t = crate::layout::columns::compact(s);
    let mut out = String::with_capacity(t.len());
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        let ends_part = chars.peek().is_none_or(|n| crate::model::LEVEL_SEPARATORS.contains(n));
        if !(c == '级' && ends_part && !out.is_empty()) {
            out.push(c);
        }
    }
    out
}

/// A cell of duties under the column of a group (直接实施责任) as the group
/// prints in one cell: under its heading.
fn under_heading(cell: &Text, group: &str) -> Text {
    let mut b = TextBuilder::new();
    let at = cell.source_offset(0);
    b.push_str_at(&format!("{group}：\n"), at..at);
    b.push_text(cell);
    b.finish()
}

/// Tiers: one per row holding a 实施层级 value; scope and duties in rows
/// without one continue the tier above. `headers` names the groups of
/// [`Column::DutyGroup`] cells.
fn tiers(record: &Record, headers: &[String], changes: &mut Vec<Change>, notes: &mut Vec<Note>) -> Vec<Tier<'static>> {
    let mut groups: Vec<(Option<&Text>, Vec<&Text>, Vec<Text>)> = Vec::new();
    for row in &record.rows {
        let level = row.iter().find(|(c, _)| *c == Column::Level).map(|(_, t)| t);
        let scope: Vec<&Text> = row.iter().filter(|(c, _)| *c == Column::Scope).map(|(_, t)| t).collect();
        let duties: Vec<Text> = row
            .iter()
            .filter_map(|(c, t)| match c {
                Column::Duties => Some(t.clone()),
                Column::DutyGroup(i) => {
                    Some(headers.get(usize::from(*i)).map_or_else(|| t.clone(), |g| under_heading(t, g)))
                }
                _ => None,
            })
            .collect();
        if level.is_some() || groups.is_empty() {
            groups.push((level, scope, duties));
        } else if let Some(g) = groups.last_mut() {
            g.1.extend(scope);
            g.2.extend(duties);
        }
    }
    groups
        .into_iter()
        .map(|(level, scope, duties)| Tier {
            level: level.map(|l| level_of(&clean_value(l, changes).into_string())).unwrap_or_default().into(),
            scope: if scope.is_empty() {
                String::new().into()
            } else {
                clean_value(&Text::joined_as_lines(scope), changes).into_string().into()
            },
            duties: duties_of(&duties.iter().collect::<Vec<_>>(), changes, notes),
        })
        .filter(|t| !(t.level.is_empty() && t.scope.is_empty() && t.duties.is_empty()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_of_other_glyphs_between_a_codes_letters_and_digits_become_hyphens() {
        for printed in ["XK－0001－000", "XK‐0001‑000", "XK–0001—000", "XK−0001﹣000"] {
            assert_eq!(with_ascii_hyphens(printed).as_deref(), Some("XK-0001-000"), "{printed}");
        }
        // Nothing to do, or a dash not between a code's characters: left as printed.
        for code in ["XK-0001-000", "3700000236009", "－0001", "0001－", "甲－乙"] {
            assert_eq!(with_ascii_hyphens(code), None, "{code}");
        }
    }

    #[test]
    fn a_case_and_the_citations_printed_after_it_are_entries_of_their_own() {
        let read = |t: &str| -> Vec<(String, String)> {
            case_and_citations(t).into_iter().map(|c| (c.title.into_owned(), c.text.into_owned())).collect()
        };
        let e = |t: &str, x: &str| (t.to_owned(), x.to_owned());
        assert_eq!(
            read("违反法定程序的。追责依据：1.《行政处罚法》第七十六条；2.《公务员法》第五十九条。"),
            [e("", "违反法定程序的。"), e("行政处罚法", "追责依据：《行政处罚法》第七十六条；"), e("公务员法", "")]
        );
        assert_eq!(
            read("违反法定程序的。【法律】《行政处罚法》第七十六条"),
            [e("", "违反法定程序的。"), e("行政处罚法", "")]
        );
        // A title inside the case, or a citation with no case before it: one entry.
        assert_eq!(read("违反《行政处罚法》规定程序的。"), [e("行政处罚法", "违反《行政处罚法》规定程序的。")]);
        assert_eq!(read("《行政处罚法》第七十六条。【法律】《公务员法》"), [e("行政处罚法", ""), e("公务员法", "")]);
    }

    #[test]
    fn a_seq_printed_otherwise_than_as_a_number_is_quoted() {
        for (printed, want) in
            [("12", Some(12)), ("12.", Some(12)), ("12、", Some(12)), ("（12）", Some(12)), ("", None)]
        {
            assert_eq!(seq_of(printed), (want, false), "{printed}");
        }
        for (printed, want) in [("十二", Some(12)), ("1-1", Some(1)), ("2 2", Some(2)), ("一.1", None), ("新增", None)]
        {
            assert_eq!(seq_of(printed), (want, true), "{printed}");
        }
    }

    #[test]
    fn labels_heading_a_liability_cell() {
        for label in ["追责情形：", "责任追究：", "问责依据:", "追责情形及依据："] {
            assert!(is_cell_label(label), "{label}");
        }
        for not in ["九十三条：", "追责情形", "受理责任：", "追责依据是："] {
            assert!(!is_cell_label(not), "{not}");
        }
    }

    fn notes_for(entries: &[&str]) -> Vec<String> {
        let texts: Vec<Text> = entries.iter().map(|e| normalize::join_lines(&Text::from_source(e))).collect();
        let mut notes = Vec::new();
        note_truncated(&texts, &mut notes);
        notes
            .into_iter()
            .map(|n| match n {
                Note::Truncated { tail, .. } => tail,
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn each_of_two_liability_columns_is_read_on_its_own() {
        let cell = |c: Column, t: &str| (c, Text::from_source(t));
        let record = Record {
            section: None,
            rows: vec![vec![
                cell(Column::Item, "某事项"),
                cell(Column::Liability, "1.违反法定程序的；\n2.滥用职权的。"),
                cell(Column::Liability, "《中华人民共和国行政处罚法》第七十六条"),
            ]],
        };
        let item = extract_record(&record, &[]).item;
        let texts: Vec<&str> = item.liability.iter().map(|c| &*c.text).collect();
        assert_eq!(texts, ["违反法定程序的；", "滥用职权的。", ""]);
        assert_eq!(item.liability[2].title, "中华人民共和国行政处罚法");
        // Cells of one column on several rows are one text, as before.
        let record = Record {
            section: None,
            rows: vec![
                vec![cell(Column::Item, "某事项"), cell(Column::Liability, "1.违反法定程序的；")],
                vec![cell(Column::Liability, "2.滥用职权的。")],
            ],
        };
        assert_eq!(extract_record(&record, &[]).item.liability.len(), 2);
    }

    #[test]
    fn levels_lose_their_suffix_each() {
        assert_eq!(level_of("市级"), "市");
        assert_eq!(level_of("市级；县级"), "市；县");
        assert_eq!(level_of("省级、市级、县级"), "省、市、县");
        assert_eq!(level_of("县 级"), "县");
        assert_eq!(level_of("级"), "级");
    }

    #[test]
    fn an_entry_stopping_mid_sentence_among_whole_ones() {
        assert_eq!(notes_for(&["依法受理。", "依法审查。", "指导下级，不断"]), ["导下级，不断"]);
        assert_eq!(notes_for(&["依法受理。", "对服务对象信息的真实性、"]), ["息的真实性、"]);
        // Siblings that do not end sentences say nothing either way.
        assert!(notes_for(&["依法受理", "依法审查"]).is_empty());
        // Alone: only a comma, colon or opening bracket gives it away.
        assert_eq!(notes_for(&["第三十八条：定点医药机构有下列情形之一的，"]), ["情形之一的，"]);
        assert!(notes_for(&["负责本市行政区域内的处罚"]).is_empty());
        // Lines of the source are joined before judging.
        assert!(notes_for(&["依法受理。", "依法审\n查。"]).is_empty());
    }
}
