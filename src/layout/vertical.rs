//! Vertical PDF text: every cell of a row is spread over lines, one cell
//! after another, with the header row (itself spread) repeated on each page
//! and section headings between tables.
//!
//! The lines are grouped into blocks (runs between blank lines), and the
//! blocks are cut into cells by dynamic programming: the cut that best fits
//! the header's column order, the content each column holds (a code, a type,
//! a level, a citation …) and each column's line width, which is nearly the
//! same for every full line of a justified column. Widths are learnt from the
//! document itself in a first pass and used in a second.

use super::columns::{
    code_shaped, columns_in_running_text, compact, is_seq_text, is_whole_short_value, Column, Features,
};
use super::delimited::is_compact_page_furniture;
use super::{is_running_head_text, section_heading, starts_note, Fragment, Laid, LayoutKind, Record, SetAside};
use crate::text::{is_han, Text, TextBuilder};
use std::ops::Range;
use windows::Windows;

mod windows;

/// Most blocks one cell may span.
const MAX_CELL_BLOCKS: usize = 96;

/// The column orders tried for a table whose header is lost, as lists
/// print them: the department and 部门职责 before the name (Shandong's
/// tables), the department after the type, the type before the code with
/// the level after the liability (Gansu's), and the code, or the type and
/// the code, before the name with the department after the legal basis
/// (other provinces' lists). The one the cells fit best
/// is taken; columns a table lacks are skipped at a cost.
const HEADERLESS_ORDERS: &[&[Column]] = {
    use Column::*;
    &[
        &[
            Seq,
            Department,
            Responsibility,
            Item,
            SubItem,
            Code,
            SubCode,
            Type,
            LegalBasis,
            Level,
            Scope,
            Duties,
            Liability,
            Remarks,
        ],
        &[
            Seq, Item, SubItem, Code, SubCode, Type, Department, Office, LegalBasis, Level, Scope, Duties, Liability,
            Remarks,
        ],
        &[Seq, Item, SubItem, Type, Code, SubCode, Department, Office, LegalBasis, Duties, Liability, Level, Remarks],
        &[Seq, Code, Item, SubItem, SubCode, Type, LegalBasis, Department, Office, Level, Duties, Liability, Remarks],
        &[Seq, Type, Code, Item, SubItem, SubCode, LegalBasis, Department, Office, Level, Duties, Liability, Remarks],
    ]
};

/// Where a table without a header begins: the 序号 line before the first
/// line that reads as an item code, or the first of consecutive lines that
/// do together (a narrow cell prints `C1923` / `400`), when one stands a
/// few cells above it.
fn first_item_line(lines: &[Line]) -> Option<usize> {
    let piece = |l: &Line| {
        let mut c = l.compact.clone();
        // A code's hyphen printed as another dash (`XK－0001`) is still a hyphen.
        if !c.is_ascii() {
            c = c.chars().map(|ch| if crate::text::is_dash_variant(ch) { '-' } else { ch }).collect();
        }
        (!c.is_empty() && c.len() <= 40 && c.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase() || b == b'-'))
            .then_some(c)
    };
    let is_code = |c: &str| {
        if c.contains('-') {
            c.len() >= 8 && code_shaped(c)
        } else {
            (8..=40).contains(&c.len()) && c.bytes().filter(u8::is_ascii_digit).count() * 2 >= c.len()
        }
    };
    // Whether a code's pieces, which follow each other without a blank line, start at line `i`.
    let code_at = |i: usize| {
        let mut joined = String::new();
        for (k, l) in lines[i..].iter().enumerate().take(8) {
            if k > 0 && l.blank_before {
                break;
            }
            let Some(p) = piece(l) else { break };
            joined.push_str(&p);
            if is_code(&joined) {
                return true;
            }
        }
        false
    };
    let is_seq = |i: usize| {
        let c = &lines[i].compact;
        c.chars().count() <= 4 && is_seq_text(c)
    };
    let code = (0..lines.len()).find(|&i| code_at(i))?;
    (code.saturating_sub(40)..code).rev().find(|&i| is_seq(i)).or_else(|| {
        // Without blank lines a 序号 just before the code reads as its first
        // piece: `1` / `C192` / `3400`. Then the code starts on the next line,
        // a piece of another width (a code's pieces share their column's).
        let next = code + 1;
        (is_seq(code)
            && next < lines.len()
            && !lines[next].blank_before
            && lines[next].width != lines[code].width
            && code_at(next))
        .then_some(code)
    })
}

/// Blocks the first pass reads to learn the columns' widths: some tens of items.
const WIDTH_LEARNING_BLOCKS: usize = 1000;

/// A line of the table's body: its index, its section, and whether a hard
/// break (a heading, a repeated header) comes before it.
type BodyLine = (usize, Option<usize>, bool);

#[derive(Debug, Clone)]
struct Line {
    /// Trimmed range in the text.
    range: Range<usize>,
    /// Display width: two for wide characters, one for others.
    width: usize,
    blank_before: bool,
    /// Ends a sentence ([`ends_sentence`]).
    ends_sentence: bool,
    /// Its text without white space ([`compact`]): what most of this
    /// layout's questions of a line read, worked out once.
    compact: String,
    /// It heads a section ([`section_heading`]): asked of it by the header's
    /// search, the body's and a note's.
    heading: bool,
}

#[derive(Debug, Clone)]
struct Block {
    /// Indices into the body's lines.
    lines: Range<usize>,
    /// A blank line, header or heading stands before it (in text without
    /// blank lines between cells, not a page break's alone).
    separated: bool,
    /// Lines set aside stand between it and the body's line before it, in
    /// the same section: a page's furniture and repeated header.
    after_page_break: bool,
    /// Section heading in force.
    section: Option<usize>,
    features: Features,
    max_width: usize,
    /// Its first line opens a numbered list (`1.`) or a liability preamble.
    opens_cell: bool,
    /// Its lines spell a whole value (a type, a level, `无`), a cell of its own.
    whole_value: bool,
    /// It opens a numbered list or a liability preamble right after a
    /// sentence's end that is not a group's heading.
    list_after_sentence: bool,
    /// Its first line is a code's piece narrower than the piece right
    /// before it: the code's last.
    code_tail: bool,
}

/// Display width: two for wide characters (from U+2E80 on, where every
/// Han ideograph stands), one for others.
fn display_width(s: &str) -> usize {
    s.chars().map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 }).sum()
}

/// The text's lines that are not blank, trimmed and measured, with whether
/// a blank line precedes each.
fn lines_of(text: &Text) -> Vec<Line> {
    let s = text.as_str();
    let mut lines: Vec<Line> = Vec::new();
    let mut blank = false;
    for r in text.line_ranges() {
        let t = text.trimmed_range(r);
        if t.is_empty() {
            blank = true;
            continue;
        }
        let line = &s[t.clone()];
        lines.push(Line {
            width: display_width(line),
            ends_sentence: ends_sentence(line),
            compact: compact(line),
            heading: section_heading(line).is_some(),
            range: t,
            blank_before: blank,
        });
        blank = false;
    }
    lines
}

/// Reads vertical text. `whole_code` tells a whole item code (white
/// space removed): a code's last piece read apart is joined back to it when
/// only together are they one.
pub fn read(text: &Text, whole_code: &dyn Fn(&str) -> bool) -> Option<Laid> {
    let s = text.as_str();
    let lines = lines_of(text);
    let headers = header_runs(&lines);
    let mut extra_headers = Vec::new();
    let (columns, table_from, header_found) = match headers.first() {
        Some(first_header) => (
            columns_in_running_text(&headers_text(s, &lines, first_header), &mut extra_headers),
            first_header.start,
            true,
        ),
        // No header at all (a document's later pages): the columns in the
        // order lists print them, each cell's kind deciding which it fills.
        None => (Vec::new(), first_item_line(&lines)?, false),
    };
    if header_found && columns.len() < 3 {
        return None;
    }

    // The title printed again at the head of each page is furniture.
    let running_heads: Vec<String> =
        lines[..table_from].iter().map(|l| l.compact.clone()).filter(|t| is_running_head_text(t)).collect();
    // Preamble: everything before the first heading or header.
    let mut fragments = Vec::new();
    let mut sections: Vec<Text> = Vec::new();
    let mut body: Vec<BodyLine> = Vec::with_capacity(lines.len());
    let mut table_start: Option<usize> = None;
    let mut current_section: Option<usize> = None;
    let mut hard = true;
    // A line, by its index, that is a page's furniture or the title again.
    let is_furniture =
        |k: usize| is_compact_page_furniture(&lines[k].compact) || running_heads.contains(&lines[k].compact);
    let mut i = 0;
    while i < lines.len() {
        if let Some(h) = headers.iter().find(|h| h.start == i) {
            let range = lines[h.start].range.start..lines[h.end - 1].range.end;
            fragments.push(Fragment { text: text.slice(range), reason: SetAside::RepeatedHeader });
            table_start.get_or_insert(lines[h.start].range.start);
            hard = true;
            i = h.end;
            continue;
        }
        let line = &s[lines[i].range.clone()];
        let before_table = table_start.is_none() && i < table_from;
        if lines[i].heading {
            table_start.get_or_insert(lines[i].range.start);
            sections.push(text.slice(lines[i].range.clone()));
            fragments.push(Fragment { text: text.slice(lines[i].range.clone()), reason: SetAside::SectionHeading });
            current_section = Some(sections.len() - 1);
            hard = true;
            i += 1;
            continue;
        }
        if before_table {
            i += 1;
            continue;
        }
        if is_furniture(i) {
            fragments.push(Fragment { text: text.slice(lines[i].range.clone()), reason: SetAside::Furniture });
            i += 1;
            continue;
        }
        if !body.is_empty() && starts_note(line) {
            if let Some(end) = set_aside_note(text, &lines, &headers, i, &is_furniture, &mut fragments) {
                hard = true;
                i = end;
                continue;
            }
        }
        // Without a header, the table starts at its first body line.
        table_start.get_or_insert(lines[i].range.start);
        body.push((i, current_section, hard));
        hard = false;
        i += 1;
    }
    let preamble_end = table_start.unwrap_or(0);
    // Text printed without blank lines between cells: a cell ends where
    // its last line falls short, so such lines end blocks too.
    let blank_lines = body.iter().filter(|&&(li, _, _)| lines[li].blank_before).count();
    let dense = blank_lines * 50 < body.len();
    let blocks = make_blocks(s, &lines, &body, dense);
    if blocks.is_empty() {
        return None;
    }
    // Two passes: the first learns each column's width, the second uses it.
    // The widths are those of the table's columns, the same on every page, so
    // the first pass reads the first pages only.
    let learning = &blocks[..blocks.len().min(WIDTH_LEARNING_BLOCKS)];
    // Every search of the first pass (one per column order tried) and the
    // second one over the same blocks weigh the same windows: worked out once.
    let mut windows = Windows::new(&blocks, &lines);
    windows.keep(learning.len(), MAX_CELL_BLOCKS);
    // Where each column's score stands in a kinds' scores. A column the
    // format does not name, headed as a basis (责任事项依据), holds
    // citations: it scores as the legal basis does.
    let slots_of = |columns: &[Column]| -> Vec<usize> {
        columns
            .iter()
            .map(|&c| match c {
                Column::Extra(i) if extra_headers.get(usize::from(i)).is_some_and(|h| h.ends_with("依据")) => {
                    windows::score_slot(Column::LegalBasis)
                }
                c => windows::score_slot(c),
            })
            .collect()
    };
    let (columns, (first, _)) = if header_found {
        let spans: Vec<usize> = columns.iter().map(|&c| prior_span(c)).collect();
        let first = segment(learning, &mut windows, &columns, &slots_of(&columns), None, &spans, MAX_CELL_BLOCKS);
        (columns, first)
    } else {
        HEADERLESS_ORDERS
            .iter()
            .map(|order| {
                let spans: Vec<usize> = order.iter().map(|&c| prior_span(c)).collect();
                let first = segment(learning, &mut windows, order, &slots_of(order), None, &spans, MAX_CELL_BLOCKS);
                (order.to_vec(), first)
            })
            .max_by(|a, b| a.1 .1.total_cmp(&b.1 .1))?
    };
    let widths = learn_widths(&first, &blocks, &lines);
    // Nor does a cell of the second pass span many more blocks than the
    // longest of the first: twice as many, and a margin; per column, so
    // that a 序号 or a type is never sought across a whole citation.
    let span_of = |longest: usize| (longest * 2 + 8).min(MAX_CELL_BLOCKS);
    let longest = first.iter().flatten().flatten().map(|(_, r)| r.len()).max().unwrap_or(MAX_CELL_BLOCKS);
    let max_span = span_of(longest);
    let spans: Vec<usize> = columns
        .iter()
        .map(|c| {
            let longest = first.iter().flatten().flatten().filter(|(col, _)| col == c).map(|(_, r)| r.len()).max();
            longest.map_or(max_span, span_of)
        })
        .collect();
    let (cells, _) = segment(&blocks, &mut windows, &columns, &slots_of(&columns), Some(&widths), &spans, max_span);

    let mut records: Vec<Record> = Vec::new();
    for rec in cells {
        let mut rows = Vec::new();
        let mut section = None;
        for cut_row in rec {
            let mut row = Vec::new();
            for (col, blocks_range) in cut_row {
                let b0 = &blocks[blocks_range.start];
                section = section.or(b0.section);
                row.push((col, cell_text(text, &lines, &blocks[blocks_range])));
            }
            if !row.is_empty() {
                rows.push(row);
            }
        }
        if !rows.is_empty() {
            records.push(Record { section: section.map(|k| sections[k].clone()), rows });
        }
    }
    if records.is_empty() {
        return None;
    }
    rejoin_code_tails(&mut records, whole_code);
    mark_sub_item_rows(&mut records, &columns);
    Some(Laid {
        kind: LayoutKind::Vertical,
        preamble: text.slice(0..preamble_end),
        records,
        fragments,
        header_found,
        extra_headers,
    })
}

/// Where the header names sub-items (子项名称, 子项编码), a record that
/// brings neither a 序号 nor a type, after an item with sub-items, is that
/// item's next sub-item, its item cells merged above it. The cut reads its
/// name and code into the item's columns, which cost more to skip than the
/// sub-item's: they are the sub-item's.
fn mark_sub_item_rows(records: &mut [Record], columns: &[Column]) {
    if !(columns.contains(&Column::SubItem) && columns.contains(&Column::SubCode)) {
        return;
    }
    // Only in a list whose items bring their 序号 or type.
    let anchored = records.iter().filter(|r| r.has(Column::Seq) || r.has(Column::Type)).count();
    if anchored * 2 < records.len() {
        return;
    }
    for k in 1..records.len() {
        let r = &records[k];
        let bare = !r.has(Column::Seq) && !r.has(Column::Type) && !r.has(Column::SubItem) && r.has(Column::Item);
        if !bare || !records[k - 1].has(Column::SubItem) {
            continue;
        }
        for (column, _) in records[k].rows.iter_mut().flatten() {
            *column = match *column {
                Column::Item => Column::SubItem,
                Column::Code => Column::SubCode,
                c => c,
            };
        }
    }
}

/// A code's last piece cut off as a sub-item's code of its own (`03000`
/// after `11620500MB161` / `7096736202360`, `336004` after `3700000`):
/// the code is not of the length most of the list's codes have, and with
/// the piece it is; or, where every code is cut alike (no whole one to
/// learn the length from), neither is a whole code (`whole_code`) and
/// together they are. Joined back as the code's last line.
fn rejoin_code_tails(records: &mut [Record], whole_code: &dyn Fn(&str) -> bool) {
    let len = |t: &Text| compact(t.as_str()).chars().count();
    // A code's usual length: the longest that codes and sub-items' codes
    // have twice or more. Not the most common: a sub-item's code read in
    // pieces as the code and its tail, as the item's own may be, makes a
    // short length as common as the whole one.
    let mut lengths: Vec<usize> =
        records.iter().flat_map(|r| r.cells(Column::Code).chain(r.cells(Column::SubCode)).map(len)).collect();
    lengths.sort_unstable();
    let runs: Vec<&[usize]> = lengths.chunk_by(|a, b| a == b).collect();
    let usual = runs.iter().rev().find(|run| run.len() >= 2).or_else(|| runs.iter().max_by_key(|run| run.len()));
    let Some(usual) = usual.map(|run| run[0]) else {
        return;
    };
    for row in records.iter_mut().flat_map(|r| r.rows.iter_mut()) {
        let code = row.iter().position(|(c, _)| *c == Column::Code);
        let tail = row.iter().position(|(c, _)| *c == Column::SubCode);
        let (Some(code), Some(tail)) = (code, tail) else {
            continue;
        };
        let (a, b) = (len(&row[code].1), len(&row[tail].1));
        let pieces_of_one = || {
            let (head, piece) = (compact(row[code].1.as_str()), compact(row[tail].1.as_str()));
            !whole_code(&head) && !whole_code(&piece) && whole_code(&(head + &piece))
        };
        if (b < usual && a != usual && a + b == usual) || pieces_of_one() {
            let (_, piece) = row.remove(tail);
            let code = if tail < code { code - 1 } else { code };
            row[code].1 = Text::joined_as_lines([&row[code].1, &piece]);
        }
    }
}

/// Where a note that opens at line `from` ends, when it is one: it runs to
/// the next header, section heading or the end, and none of its lines is a
/// code or a 序号 (a cell of the table that opens with `注：` is followed by
/// more items, whose codes and numbers say so).
fn note_end(lines: &[Line], headers: &[Run], from: usize) -> Option<usize> {
    let end = (from + 1..lines.len())
        .find(|&k| headers.iter().any(|h| h.start == k) || lines[k].heading)
        .unwrap_or(lines.len());
    let item_line = |k: usize| {
        let c = &lines[k].compact;
        !c.is_empty() && c.chars().all(|ch| ch.is_ascii_alphanumeric()) && c.chars().any(|ch| ch.is_ascii_digit())
    };
    (!(from + 1..end).any(item_line)).then_some(end)
}

/// Sets aside the note opening at line `from` when it is one ([`note_end`]),
/// as one note whatever parts it: a page's number at its foot is furniture,
/// the header printed again is the header. A note in the table's last row
/// goes on over a page, the header printed again above the rest, with a
/// later entry of its list (`2.…`) and no item after it. Gives where it ends.
fn set_aside_note(
    text: &Text,
    lines: &[Line],
    headers: &[Run],
    from: usize,
    is_furniture: &dyn Fn(usize) -> bool,
    fragments: &mut Vec<Fragment>,
) -> Option<usize> {
    let s = text.as_str();
    let mut end = note_end(lines, headers, from)?;
    while let Some(h) = headers.iter().find(|h| h.start == end) {
        let goes_on = h.end < lines.len()
            && crate::text::opening_list_number(&s[lines[h.end].range.clone()]).is_some_and(|n| n >= 2);
        match note_end(lines, headers, h.end).filter(|_| goes_on) {
            Some(next) => end = next,
            None => break,
        }
    }
    let mut pieces: Vec<Text> = Vec::new();
    let (mut piece_from, mut k) = (from, from);
    while k <= end {
        let header = headers.iter().find(|h| h.start == k && k < end);
        let furniture = header.is_none() && k < end && is_furniture(k);
        if k == end || furniture || header.is_some() {
            if piece_from < k {
                pieces.push(text.slice(lines[piece_from].range.start..lines[k - 1].range.end));
            }
            let (reason, upto) = match header {
                Some(h) => (SetAside::RepeatedHeader, h.end),
                None => (SetAside::Furniture, k + 1),
            };
            if k < end {
                let range = lines[k].range.start..lines[upto - 1].range.end;
                fragments.push(Fragment { text: text.slice(range), reason });
            }
            piece_from = upto;
            k = upto;
        } else {
            k += 1;
        }
    }
    fragments.push(Fragment { text: Text::joined_as_lines(&pieces), reason: SetAside::TableNote });
    Some(end)
}

/// A header run: lines `start..end`.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
}

fn headers_text(s: &str, lines: &[Line], run: &Run) -> String {
    lines[run.start..run.end].iter().map(|l| &s[l.range.clone()]).collect::<Vec<_>>().join(" ")
}

/// Runs of short, digit-free lines that together spell at least three header words.
fn header_runs(lines: &[Line]) -> Vec<Run> {
    let candidate = |l: &Line| {
        let c = &l.compact;
        // A header's words hold no sentence's punctuation: a line with a
        // comma or a full stop is a cell's (a cell going on after a page's
        // repeated header, `列情形的，行政机关…`), whatever words it holds.
        !c.is_empty()
            && c.chars().nth(30).is_none()
            && !c.chars().any(|ch| ch.is_ascii_digit() || matches!(ch, '，' | ',' | '。' | '；' | ';'))
            && !l.heading
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !candidate(&lines[i]) || !starts_header_word(&lines[i].compact) {
            i += 1;
            continue;
        }
        // Extend while candidate; keep the shortest prefix with the most hits.
        let mut j = i;
        let mut joined = String::new();
        // The best end: most header words, then most characters inside
        // header words (`追责` + `情形` is one longer word).
        let mut best = ((0usize, 0usize), i);
        let mut coverage = super::columns::HeaderCoverage::default();
        while j < lines.len() && candidate(&lines[j]) && j - i < 60 {
            joined.push_str(&lines[j].compact);
            let score = coverage.of(&joined);
            if score > best.0 {
                best = (score, j + 1);
            }
            j += 1;
        }
        let hits = best.0 .0;
        let chars = lines[i..best.1].iter().map(|l| l.compact.chars().count()).sum::<usize>();
        if hits >= 3 && chars <= hits * 14 {
            let end = first_header_again(lines, runs.first(), i, best.1);
            runs.push(Run { start: i, end });
            i = end;
        } else {
            i += 1;
        }
    }
    runs
}

/// Where a header repeated at `start` (found to run to `end`) ends when it
/// repeats the first header word for word: there, though the lines after
/// it hold header words too (a cell going on from the page before,
/// `一、没有法律和事实依据实施…`).
fn first_header_again(lines: &[Line], first: Option<&Run>, start: usize, end: usize) -> usize {
    let Some(first) = first else { return end };
    let words: String = lines[first.start..first.end].iter().map(|l| l.compact.as_str()).collect();
    let mut so_far = String::new();
    for (k, line) in lines.iter().enumerate().take(end).skip(start) {
        so_far.push_str(&line.compact);
        if so_far == words {
            return k + 1;
        }
        if !words.starts_with(&so_far) {
            break;
        }
    }
    end
}

/// Whether a line, its white space removed (`c`), can begin a header: it
/// starts with a header word, or with the first part of one split over
/// lines (`序`, `实施`, `事项`).
fn starts_header_word(c: &str) -> bool {
    super::columns::header_keyword_at(c, 0).is_some()
        || c.starts_with(super::columns::NUMBERING_WORD)
        || (c.chars().count() <= 3
            && ["序", "编", "实施", "事项", "行使", "权力", "设定", "对应", "追责", "备"]
                .iter()
                .any(|w| c.starts_with(w)))
}

/// Blocks: runs of body lines between blank lines, split further where a
/// lone number starts the run (the 序号 cell touches the next cell) or where
/// code pieces meet text; in `dense` text (no blank lines between cells),
/// also where the lines' shape ends a cell ([`ends_dense_cell`],
/// [`repeats_block`]).
fn make_blocks(s: &str, lines: &[Line], body: &[BodyLine], dense: bool) -> Vec<Block> {
    // Room for as many blocks as there are usually (one for every two or
    // three lines) from the start: a block is large, and each doubling
    // copies every one so far.
    let mut blocks: Vec<Block> = Vec::with_capacity(body.len() / 2 + 1);
    let mut start = 0;
    let is_code_piece = |i: usize| {
        let c = &lines[i].compact;
        // Hyphens too: a code such as `XK-0001-000` on one line, or its pieces
        // (`XK-0` / `001-`); as long as a whole code, when its column is wide
        // (`11620500MB1617096736` / `20236002002`).
        !c.is_empty()
            && c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || crate::text::is_dash_variant(ch))
            && c.chars().count() <= 40
            && c.chars().any(|ch| ch.is_ascii_digit())
    };
    let is_number = |i: usize| {
        let c = &lines[i].compact;
        !c.is_empty() && c.len() <= 5 && c.chars().all(|ch| ch.is_ascii_digit())
    };
    // A line (or up to three) spelling a type or a level stands alone, as
    // such a cell is printed: a block of its own even when the next cell
    // follows without a blank line at the same width.
    // Short lines' text (a type or level is never longer).
    let texts: Vec<Option<&str>> = body
        .iter()
        .map(|&(li, _, _)| Some(lines[li].compact.as_str()).filter(|c| c.chars().nth(12).is_none()))
        .collect();
    // Whether each line spells one alone; so does a line that says a cell
    // is empty (`无`, as 备注 often is) or answers a column's question
    // (`是`, `否`, as 是否收费 does).
    let alone: Vec<bool> = texts
        .iter()
        .map(|t| t.as_deref().is_some_and(|t| is_whole_short_value(t) || matches!(t, "无" | "暂无" | "是" | "否")))
        .collect();
    // Or a run of up to three consecutive lines does (其他 / 行政 / 权力,
    // 设区的 / 市级), all but the last no longer than four characters, or
    // lines a page break parts (`行政` at a page's foot, `许可` after the
    // header repeated: a row's cells go on over the page). Each line in
    // such a run keeps where its run starts.
    let mut run: Vec<Option<usize>> = alone.iter().enumerate().map(|(k, &a)| a.then_some(k)).collect();
    for k in 0..body.len() {
        if run[k].is_some() {
            continue;
        }
        let mut joined = String::new();
        for e in k..body.len().min(k + 3) {
            let Some(t) = &texts[e] else { break };
            if e > k && body[e].0 != body[e - 1].0 + 1 && !page_break_before(body, e) {
                break;
            }
            joined.push_str(t);
            if e > k && is_whole_short_value(&joined) {
                run[k..=e].fill(Some(k));
                break;
            }
            // A line spelling a value alone ends the run, unless the lines
            // before it begin that value (`设区的` / `市级`), as above.
            if (e > k && alone[e]) || t.chars().count() > 4 {
                break;
            }
        }
    }
    // A code's pieces are as wide as its column but the last: a piece
    // narrower than the one before it ends the code, and a piece after it
    // begins the next (a sub-item's code under its item's).
    let code_ended_before = |start: usize, k: usize| {
        k >= start + 2 && {
            let (before, prev, li) = (body[k - 2].0, body[k - 1].0, body[k].0);
            before + 1 == prev
                && lines[prev].width < lines[before].width
                && is_code_piece(before)
                && is_code_piece(prev)
                && is_code_piece(li)
        }
    };
    // Where the cell the current block's lines belong to opens, as far as told.
    let mut opened = 0;
    // Room for a block's lines' text without white space, and for it joined.
    let (mut compacts, mut joined): (Vec<&str>, String) = (Vec::new(), String::new());
    for k in 0..=body.len() {
        let split = if k == body.len() {
            true
        } else if k == start {
            false
        } else {
            let (li, _, hard) = body[k];
            let (prev, _, _) = body[k - 1];
            // Inside a run spelling one value nothing else cuts; at its edges a cell ends.
            let inside_value = run[k].is_some() && run[k] == run[k - 1];
            hard || lines[li].blank_before
                || li != prev + 1
                || run[k] != run[k - 1]
                || (!inside_value
                    && (
                        // A number alone opening a block is a 序号, unless a code's
                        // next piece of its width follows it (`11620` / `725MB`).
                        (k - 1 == start
                            && is_number(prev)
                            && !is_number(li)
                            && !(is_code_piece(li) && lines[li].width == lines[prev].width))
                            || is_code_piece(prev) != is_code_piece(li)
                            || code_ended_before(start, k)
                            || width_jump(lines[prev].width, lines[li].width)
                            || (opens_cell(&s[lines[li].range.clone()]) && lines[prev].ends_sentence)
                            || (is_group_heading(&s[lines[li].range.clone()]) && lines[prev].ends_sentence)
                            || (dense
                                && (ends_dense_cell(s, lines, body, start, opened, k)
                                    || repeats_block(lines, body, start, k)))
                    ))
        };
        if split && k > start {
            let idx: Vec<usize> = body[start..k].iter().map(|b| b.0).collect();
            let first = idx[0];
            let last = *idx.last().unwrap_or(&first);
            let max_width = idx.iter().map(|&li| lines[li].width).max().unwrap_or(0);
            compacts.clear();
            compacts.extend(idx.iter().map(|&li| lines[li].compact.as_str()));
            let features =
                Features::of_lines(&s[lines[first].range.start..lines[last].range.end], &compacts, &mut joined);
            let opens = opens_cell(&s[lines[first].range.clone()]);
            let after_page_break = page_break_before(body, start);
            blocks.push(Block {
                lines: first..last + 1,
                // Without blank lines between cells, a page's furniture and the
                // header printed again bound no cell: the page ends anywhere.
                separated: (body[start].2 || lines[first].blank_before) && !(dense && after_page_break),
                after_page_break,
                section: body[start].1,
                features,
                max_width,
                opens_cell: opens,
                whole_value: run[start..k].iter().all(Option::is_some),
                code_tail: start > 0 && {
                    let prev = body[start - 1].0;
                    prev + 1 == first
                        && is_code_piece(prev)
                        && is_code_piece(first)
                        && lines[first].width < lines[prev].width
                },
                list_after_sentence: opens && start > 0 && {
                    let prev = &lines[body[start - 1].0];
                    body[start - 1].0 + 1 == first && prev.ends_sentence && !is_group_heading(&s[prev.range.clone()])
                },
            });
        }
        if split {
            // A block going on from a page's foot (no sentence ended there)
            // holds the rest of the cell the block before it belongs to.
            let goes_on = page_break_before(body, k) && !lines[body[k - 1].0].ends_sentence;
            if !goes_on {
                opened = k;
            }
            start = k;
        }
    }
    blocks
}

/// Whether a page break stands before `body[k]`: lines set aside between
/// it and the body line before (the header printed again, a page's
/// number), both in one section.
fn page_break_before(body: &[BodyLine], k: usize) -> bool {
    k > 0 && k < body.len() && body[k].0 != body[k - 1].0 + 1 && body[k].1 == body[k - 1].1
}

/// In text without blank lines between cells, whether a cell may end
/// before `body[k]`: after a line that falls short of the line before it,
/// which went on (a paragraph's last line: markedly narrower, or ending a
/// sentence two characters short or more); after a cell's only line so far
/// that ends a sentence (a cell of one line, as a wide column prints it);
/// after a sentence's end, when the line is markedly narrower (the first of
/// a narrower column's cell); and before a heading of a group of duties or
/// a numbered list begun afresh (`1.`), whatever the line before. A cell
/// that may end here need not: the search weighs both. The block begins at
/// `body[start]`, and the cell its lines belong to at `body[opened]` (the
/// block before a page break, when the text goes on over it).
fn ends_dense_cell(s: &str, lines: &[Line], body: &[BodyLine], start: usize, opened: usize, k: usize) -> bool {
    let (li, prev) = (body[k].0, body[k - 1].0);
    let narrower = |a: usize, b: usize| lines[a].width * 10 < lines[b].width * 7;
    let line = &s[lines[li].range.clone()];
    if (lines[prev].ends_sentence && narrower(li, prev)) || is_group_heading(line) || opens_cell(line) {
        return true;
    }
    // A department's name alone on its line after an article's number or a
    // sentence's end (`…第三十五条` / `县市场监督管理局`): a citation's
    // last line, then 实施主体.
    if (lines[prev].ends_sentence || ends_article_number(&s[lines[prev].range.clone()])) && names_department(line) {
        return true;
    }
    // A department's name alone on a cell's first line (`市医保局`), a
    // line after it: 实施主体's cell, then the next column's (承办机构
    // `基金监管科`). The search weighs the widths.
    if k - 1 == start && names_department(&s[lines[prev].range.clone()]) {
        return true;
    }
    // After a sentence ending a cell of citations, a line opening with a
    // duty's heading (`立案阶段责任：…`): 责任事项's first line, after 实施依据.
    // Within the duties, each stage's heading goes on in their cell.
    let opens_citation = |t: &str| {
        let t = t.trim_start().trim_start_matches(|c: char| c.is_ascii_digit() || "（）()、.．".contains(c));
        t.starts_with(['《', '【'])
    };
    let cell_of_citations = || [start, opened].iter().any(|&at| opens_citation(&s[lines[body[at].0].range.clone()]));
    if lines[prev].ends_sentence && crate::text::opens_duty_heading(line) && cell_of_citations() {
        return true;
    }
    // After a sentence, a line opening as a liability's preamble does
    // (`有下列情形之一的，…`): 追责情形 after the duties' last full line.
    if lines[prev].ends_sentence && opens_liability_preamble(line) {
        return true;
    }
    // A power's name ends in what the power does (`…的处罚`) and the next
    // name opens with its object (`对…`): an item's name and its
    // sub-item's, wrapped at one width.
    if line.trim_start().starts_with('对') && ends_power_name(&s[lines[prev].range.clone()]) {
        return true;
    }
    // A citation opening after a sentence's end on a line narrower than the
    // block's widest, and going on at that same narrower width, is a full
    // line of a narrower column: the cell of a citation column beside this one
    // (责任事项依据 after 责任事项). In one column, a citation's first line
    // is as wide as the column's, or it ends on that line.
    if lines[prev].ends_sentence && line.starts_with(['《', '【']) && body.get(k + 1).is_some_and(|n| n.0 == li + 1) {
        let widest = body[start..k].iter().map(|b| lines[b.0].width).max().unwrap_or(0);
        let next = lines[li + 1].width;
        if lines[li].width < widest && next.abs_diff(lines[li].width) <= 1 {
            return true;
        }
    }
    // After a sentence's end, a line wider by a wide character or more
    // than every line of a cell of two lines or more is a wider column's:
    // a column's lines are no wider than the column.
    if lines[prev].ends_sentence && k >= start + 2 {
        let widest = body[start..k].iter().map(|b| lines[b.0].width).max().unwrap_or(0);
        if lines[li].width >= widest + 2 {
            return true;
        }
    }
    // A paragraph's last line, after a full one: markedly narrower, or
    // ending a sentence two characters or more short of it; or a cell's
    // only line so far, ending a sentence (a wide column's cell of one
    // line), but for a colon, which announces more.
    // Not before a citation in a cell of citations, nor before one going on
    // at its line's width: a list of citations, or a paragraph of one,
    // goes on so in one column (a citation column beside it is told by its
    // width, above).
    let goes_on_at_its_width =
        body.get(k + 1).is_some_and(|n| n.0 == li + 1 && lines[n.0].width.abs_diff(lines[li].width) <= 1);
    let short_paragraph_end =
        lines[prev].ends_sentence && !(line.starts_with(['《', '【']) && (goes_on_at_its_width || cell_of_citations()));
    // A page break between the two lines parts no paragraph: the page ended the line.
    k >= 2 && {
        let before = body[k - 2].0;
        (before + 1 == prev || page_break_before(body, k - 1))
            && !lines[before].ends_sentence
            && (narrower(prev, before) || (short_paragraph_end && lines[prev].width + 4 <= lines[before].width))
    } || (k - 1 == start && short_paragraph_end && !ends_with_colon(&s[lines[prev].range.clone()]))
}

/// Whether a line ends with a colon, which announces what follows
/// (`…第八十七条：` / `“社会保险经办机构…”`): a cell's only line so far
/// that ends so goes on.
fn ends_with_colon(line: &str) -> bool {
    line.trim_end().ends_with(['：', ':'])
}

/// Whether a line is a department's name and nothing else: a few Han
/// characters ending as offices' names do (`县市场监督管理局`, `省医保局`).
fn names_department(line: &str) -> bool {
    // Read without the spaces of justified text (`县 市 场 监 督 管 理 局`).
    let t = compact(line);
    let n = t.chars().count();
    (3..=16).contains(&n)
        && t.chars().all(is_han)
        && ["局", "厅", "委", "中心", "委员会", "办公室", "政府"].iter().any(|e| t.ends_with(e))
}

/// Whether a line ends with an article's number (`第三十五条`, `第二款`).
fn ends_article_number(line: &str) -> bool {
    let t = line.trim_end();
    let Some(number) = t.strip_suffix(['条', '款', '项']) else {
        return false;
    };
    // Or the number alone, its 第 ending the line before (`…条例》第` / `三十八条`).
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十百零".contains(c);
    t.chars().rev().filter(|c| !c.is_whitespace()).take(8).any(|c| c == '第')
        || (!number.trim().is_empty() && number.trim().chars().all(numeral))
}

/// Whether a line opens as a liability's preamble does (`有下列情形之一的`,
/// `具有以下情形的`), the cases listed after it.
fn opens_liability_preamble(line: &str) -> bool {
    let t = compact(line);
    let t = t.strip_prefix("具").unwrap_or(&t);
    ["有下列情形", "有以下情形", "出现下列情形", "出现以下情形"].iter().any(|w| t.starts_with(w))
}

/// Whether a line ends as a power's name does, in what the power does
/// (`…的处罚`, `…的行政强制`, `…许可`).
fn ends_power_name(line: &str) -> bool {
    const ACTIONS: [&str; 10] = ["处罚", "许可", "强制", "措施", "征收", "征用", "给付", "检查", "确认", "裁决"];
    let t = compact(line);
    ACTIONS.iter().any(|a| t.ends_with(a))
}

/// In text without blank lines between cells, whether the lines from
/// `body[k]` on repeat the block begun at `body[start]` line for line: two
/// neighbouring cells with the same value (实施主体 and 承办机构 both
/// `山丹县医保局`), which nothing else tells apart.
fn repeats_block(lines: &[Line], body: &[BodyLine], start: usize, k: usize) -> bool {
    let m = k - start;
    m <= 4
        && k + m <= body.len()
        && (0..m).all(|d| {
            let (a, b) = (body[start + d].0, body[k + d].0);
            b == body[k].0 + d && lines[a].compact == lines[b].compact
        })
}

/// Widths so different that the lines are hardly of one column.
fn width_jump(a: usize, b: usize) -> bool {
    let (lo, hi) = (a.min(b), a.max(b));
    hi * 5 >= lo * 9 + 10
}

/// A heading of a group of duties, alone on its line: `直接实施责任:`.
fn is_group_heading(line: &str) -> bool {
    // Most lines do not end in a colon: they are told without a copy.
    if !ends_with_colon(line) {
        return false;
    }
    let c = compact(line);
    c.chars().count() <= 12 && c.contains("责任")
}

/// A line that starts a numbered list (`1.`, `1、`, `（一）`) or a liability
/// preamble (`因不履行或不正确履行行政职责…`): the start of a cell, when the
/// line before ends a sentence.
fn opens_cell(line: &str) -> bool {
    let t = line.trim_start();
    super::columns::opens_numbered_list(t) || t.starts_with("因不履行") || t.starts_with("因不正确履行")
}

/// Whether a line ends a sentence: with 。；：, a closing bracket, or one of
/// these inside closing quotation marks (`…待遇。”`).
fn ends_sentence(line: &str) -> bool {
    line.trim_end().trim_end_matches(['”', '’', '」', '』']).ends_with(['。', '；', ';', '：', ':', '）', ')'])
}

/// The text of a cell made of `blocks`, their lines kept apart.
fn cell_text(text: &Text, lines: &[Line], blocks: &[Block]) -> Text {
    let mut b = TextBuilder::new();
    for (k, block) in blocks.iter().enumerate() {
        if k > 0 {
            let at = text.source_offset(lines[block.lines.start].range.start);
            b.push_str_at("\n", at..at);
        }
        let range = lines[block.lines.start].range.start..lines[block.lines.end - 1].range.end;
        b.push_copy(text, range);
    }
    b.finish()
}

/// Whether `next` reads as the continuation of `prev`: `prev` ends in a
/// full-width line that does not end a sentence (the text was wrapped), and
/// `next` is not a code or a number, which start cells of their own.
fn continues(prev: &Block, next: &Block, lines: &[Line]) -> bool {
    let last = &lines[prev.lines.end - 1];
    // How the block before ends and this one opens, read as text once.
    let (prev_last, next_first) = (prev.features.last.as_str(), next.features.first.as_str());
    // A numbered list begun afresh (`1.`) opens a cell after a blank line,
    // whatever the line before it (a citation ends `第三十条` at full width).
    if next.separated && next.opens_cell {
        return false;
    }
    // So does a list's first marker (`1.`, `（一）`, `①` …) after an
    // article's number, blank line or none: wrapped text does not break
    // before such a marker (a list inside a cell follows its colon, and an
    // article's item is `第（一）项`), unless the marker is an item of the
    // article itself, printed without its 第 (`第八十六条（一）项`).
    if next.opens_cell && prev_last.ends_with(['条', '款', '项']) && !names_article_part(next_first) {
        return false;
    }
    // A list's marker ending a line (`…（三）` / `决定责任：…`) goes on: its
    // entry follows. So does a list's later entry (`（三）…`): a cell's
    // list begins at its first.
    let later_entry = crate::text::opening_list_number(next_first).is_some_and(|n| n >= 2);
    if (crate::text::ends_with_list_marker(prev_last) && !next.opens_cell) || later_entry {
        return true;
    }
    // Nor does a department's name after an article's number.
    if ends_article_number(prev_last)
        && next.lines.len() == 1
        && next.features.short.as_ref().is_some_and(|t| names_department(t.as_str()))
    {
        return false;
    }
    // Nor does a name, after a power's name ends (`…的处罚` / `对…`).
    if next_first.starts_with('对') && ends_power_name(prev_last) {
        return false;
    }
    let widest = prev.max_width.max(next.max_width);
    // Read as bytes: a character is an ASCII letter or digit just when its
    // one byte is, and a block's whole text is not decoded for it.
    let code_piece =
        |b: &Block| b.features.short.as_ref().is_some_and(|t| t.bytes().iter().all(u8::is_ascii_alphanumeric));
    let starts_own_cell = code_piece(next);
    // A code's pieces are as wide as its column but the last: a code broken
    // by a page after a full piece goes on in the next page's first piece,
    // no wider (`3700000220` / header / `001`).
    if next.after_page_break && code_piece(prev) && code_piece(next) {
        return !prev.code_tail && last.width == prev.max_width && next.max_width <= last.width;
    }
    // At a page's foot a full line closing a bracket (`…卫生所（室）` / header
    // / `以及…`) ends no sentence: the page ended the line, as it does any.
    // Nor does a colon (`2.审查责任：` / header / `审查申请材料。`): what it
    // introduces follows on the next page.
    let ended = if next.after_page_break {
        let foot = prev_last.trim_end();
        !ends_with_colon(foot) && ends_sentence(foot.trim_end_matches(['）', ')']))
    } else {
        last.ends_sentence
    };
    !ended && last.width * 5 >= widest * 4 && !starts_own_cell
}

/// What a cell opening at block `b` scores for the boundary before it: a
/// blank line bounds it, as surely a whole value (a type, a level, `无`) or
/// a numbered list begun after a sentence's end (not a group's heading);
/// text going on from the block before costs, and more at a page break (a
/// full line before it, no sentence ended): the page ended the line, not
/// the cell. The same for every search: [`Windows`] keeps it.
fn opening_score(blocks: &[Block], b: usize, lines: &[Line]) -> f32 {
    let bounded = blocks[b].separated
        || blocks[b].whole_value
        || blocks[b].list_after_sentence
        || (b > 0 && blocks[b - 1].whole_value);
    let bound = if bounded { 0.3 } else { -1.0 };
    let going_on = match b > 0 && continues(&blocks[b - 1], &blocks[b], lines) {
        false => 0.0,
        true if blocks[b].after_page_break => 2.2,
        true => 1.2,
    };
    bound - going_on
}

/// Whether text opening with a list's marker goes on as a part of an
/// article itself (`（一）项`, `（一）、（二）项`): the marker then names
/// the article's item, not a list's first entry.
fn names_article_part(text: &str) -> bool {
    let marker = |c: char| {
        c.is_ascii_digit() || "（）()、.．一二三四五六七八九十".contains(c) || crate::text::is_circled_number(c)
    };
    let t = text.trim_start();
    let rest = t.trim_start_matches(marker);
    // An article's items are numbered in brackets; `1.项目…` is a list's first entry.
    t[..t.len() - rest.len()].ends_with(['）', ')']) && rest.starts_with(['项', '款', '目', '至', '和', '及', '或'])
}

/// How many blocks a cell of `c` may span before any is measured: a 序号,
/// a code, a type or a level is a line or a few (a code's pieces are one
/// block), so these are never sought across a whole citation; the margin is
/// wide, as the first pass's cells set the second's spans.
fn prior_span(c: Column) -> usize {
    match c {
        Column::Seq | Column::Type | Column::Level => 8,
        Column::Code | Column::SubCode => 12,
        _ => MAX_CELL_BLOCKS,
    }
}

/// Columns whose cells are often empty cost little to skip.
fn skip_cost(c: Column) -> f32 {
    match c {
        Column::Remarks | Column::SubItem | Column::SubCode => 0.1,
        Column::Seq | Column::Office | Column::Responsibility | Column::Scope => 0.8,
        Column::Code | Column::Item => 3.0,
        _ => 1.5,
    }
}

/// Columns a document may hold without its header naming them, when the
/// header was cut off: each may fill a cell its content makes certain.
const EXTRA_COLUMNS: [Column; 6] =
    [Column::Seq, Column::Type, Column::Level, Column::Liability, Column::Duties, Column::Code];

/// A record's cells, row by row: each cell's column and blocks.
type RecordCells = Vec<Vec<(Column, Range<usize>)>>;

/// A step of the search back to the state it came from.
#[derive(Clone, Copy)]
enum Step {
    Start,
    Skip,
    Wrap,
    /// A tier row of the same record: the cells from 实施层级 on again.
    Tier,
    /// A cell from block `from`, of the column at `column` in the search's
    /// table of the columns cells fill.
    Cell {
        from: usize,
        column: usize,
    },
}

/// A [`Step`] and the state it came from, in two words, so that keeping the
/// better of two steps is a select rather than a branch the processor
/// mispredicts (nearly half the windows weighed improve on the last): the
/// block a cell starts at, and what the step is with the state.
#[derive(Clone, Copy)]
struct Back {
    from: u32,
    what: u32,
}

impl Back {
    const START: u16 = u16::MAX;
    const SKIP: u16 = u16::MAX - 1;
    const WRAP: u16 = u16::MAX - 2;
    const TIER: u16 = u16::MAX - 3;
    /// More states or columns than a step can name.
    const LIMIT: usize = (u16::MAX - 3) as usize;

    fn new(what: u16, from: usize, state: usize) -> Back {
        Back { from: from as u32, what: u32::from(what) << 16 | state as u32 & 0xFFFF }
    }

    /// A cell of the column at `column` from block `from`, after `state`.
    fn cell(column: usize, from: usize, state: usize) -> Back {
        Back::new(column as u16, from, state)
    }

    fn step(self) -> Step {
        match (self.what >> 16) as u16 {
            Back::START => Step::Start,
            Back::SKIP => Step::Skip,
            Back::WRAP => Step::Wrap,
            Back::TIER => Step::Tier,
            column => Step::Cell { from: self.from as usize, column: usize::from(column) },
        }
    }

    fn state(self) -> usize {
        usize::from(self.what as u16)
    }
}

/// The steps back of a search's table. A cell of a window's column, the
/// step the search takes most, is the same at every place of a row but for
/// the block it opens at: that block alone is kept for it (`from`), and the
/// step is the place's own (`usual`). Any other step (a skip, a wrap, a tier
/// row's level, an extra column's cell) is kept whole, its block marked
/// [`Backs::OWN`]: the window's columns are then weighed side by side with
/// one word written for each.
struct Backs {
    from: Vec<u32>,
    what: Vec<u32>,
    /// The usual step's `what` at each place of a row.
    usual: Vec<u32>,
}

impl Backs {
    /// Marks a block whose step is kept in `what`, not the place's usual one.
    const OWN: u32 = 1 << 31;

    /// `len` steps, each the start, in rows whose places' usual steps are `usual`.
    fn new(len: usize, usual: Vec<u32>) -> Backs {
        let start = Back::new(Back::START, 0, 0);
        Backs { from: vec![start.from | Backs::OWN; len], what: vec![start.what; len], usual }
    }

    fn get(&self, i: usize) -> Back {
        let from = self.from[i];
        if from & Backs::OWN != 0 {
            Back { from: from & !Backs::OWN, what: self.what[i] }
        } else {
            Back { from, what: self.usual[i % self.usual.len()] }
        }
    }

    fn set(&mut self, i: usize, back: Back) {
        self.from[i] = back.from | Backs::OWN;
        self.what[i] = back.what;
    }
}

/// What starting a tier row costs: more than a new record, which a level
/// cell (`市级`) read as the next record's would cost in skipped columns.
const TIER_ROW_COST: f32 = 1.0;

/// Cuts the blocks into cells, record after record. A cell of `columns[j]`
/// spans at most `spans[j]` blocks, and scores as the column at `slots[j]`
/// of a kinds' scores; one of a column the header lost, at most `max_span`.
/// `blocks` are the first of those of `windows`.
fn segment(
    blocks: &[Block],
    windows: &mut Windows,
    columns: &[Column],
    slots: &[usize],
    widths: Option<&[(Column, usize)]>,
    spans: &[usize],
    max_span: usize,
) -> (Vec<RecordCells>, f32) {
    let n = blocks.len();
    let k = columns.len();
    let extras: Vec<Column> = EXTRA_COLUMNS.iter().copied().filter(|c| !columns.contains(c)).collect();
    const NEG: f32 = f32::NEG_INFINITY;
    // States 0..=k: the columns filled so far in the current row; k + 1: a
    // tier row has begun, and its 实施层级 cell comes next.
    let tier_state = k + 1;
    // Flat tables, a row of `w` states per block: this loop is the vertical
    // layout's whole cost, and rows of rows cost an indirection per step.
    // A window's columns are weighed [`LANES`] at a time, a lane each, the
    // longest-spanning first: as a window grows past the shorter columns'
    // spans, fewer groups of lanes are left to weigh. The state a lane's
    // cell fills stands at `1 + lane` in a row (the row has room for every
    // lane); state 0 at 0, the tier state at `k + 1` (`stands_at`).
    let lanes = k.div_ceil(LANES) * LANES;
    let w = (k + 2).max(lanes + 1);
    let mut by_lane: Vec<usize> = (0..k).collect();
    by_lane.sort_by_key(|&j| std::cmp::Reverse(spans[j]));
    let mut stands_at = vec![0; k + 2];
    for (lane, &j) in by_lane.iter().enumerate() {
        stands_at[j + 1] = 1 + lane;
    }
    stands_at[tier_state] = tier_state;
    let mut score = vec![NEG; (n + 1) * w];
    // The columns cells fill, as steps name them: the header's, 实施层级 of a
    // tier row, then each extra column.
    let cell_columns: Vec<Column> =
        columns.iter().copied().chain([Column::Level]).chain(extras.iter().copied()).collect();
    // Blocks are counted below the mark of a step kept whole.
    if w.max(cell_columns.len()) > Back::LIMIT || u32::try_from(n).map_or(true, |n| n >= Backs::OWN) {
        return (Vec::new(), NEG);
    }
    // A place's usual step: a cell of its lane's column, after the state before it.
    let mut usual = vec![0; w];
    for (lane, &j) in by_lane.iter().enumerate() {
        usual[1 + lane] = Back::cell(j, 0, j).what;
    }
    let mut back = Backs::new((n + 1) * w, usual);
    score[0] = 0.0;
    let width_of = |c: Column| widths.and_then(|w| w.iter().find(|(col, _)| *col == c).map(|x| x.1));
    let weigh_widths = widths.is_some();
    let level = columns.iter().position(|&c| c == Column::Level);

    // Lines too wide for each column (header columns by lane, then extras), counted
    // over the blocks before each block, a row of the columns per block: a
    // window's count is a difference of two, and a window's columns read
    // their counts side by side.
    let all_columns: Vec<Column> = by_lane.iter().map(|&j| columns[j]).chain(extras.iter().copied()).collect();
    let nc = all_columns.len();
    let limits: Vec<Option<usize>> = all_columns.iter().map(|&c| width_of(c).map(|w| w + w / 8 + 2)).collect();
    // Each row has room for every lane of the header's columns.
    let nc = nc.max(lanes);
    let mut too_wide = vec![0u32; (n + 1) * nc];
    for (bi, blk) in blocks.iter().enumerate() {
        let (before, after) = too_wide[bi * nc..(bi + 2) * nc].split_at_mut(nc);
        for ((count, &so_far), limit) in after.iter_mut().zip(before.iter()).zip(&limits) {
            let wide =
                limit.map_or(0, |l| blk.lines.clone().filter(|&li| windows.lines()[li].width > l).count() as u32);
            *count = so_far + wide;
        }
    }
    let too_wide_at = |e: usize| &too_wide[e * nc..(e + 1) * nc];
    let skip_costs: Vec<f32> = columns.iter().map(|&c| skip_cost(c)).collect();
    let mut base = vec![NEG; w];
    // What a cell of each lane's column, from the block at hand, starts
    // from; each kinds' scores as the lanes read them.
    let mut from = vec![NEG; lanes];
    let mut by_column: Vec<f32> = Vec::new();
    // Whether each kinds seen is surely a cell of some extra column (scores
    // 2 or more there): no other window may fill one.
    let mut surely_extra: Vec<bool> = Vec::new();
    // The lanes by the span they stop at: the last lanes stop first.
    let lane_spans: Vec<usize> = by_lane.iter().map(|&j| spans[j]).collect();
    let mut from_b: Vec<windows::Window> = Vec::with_capacity(max_span);
    // Where each column's score stands in a kinds' row of scores: the
    // header's columns, 实施层级, then each extra column.
    let level_slot = windows::score_slot(Column::Level);
    let lane_slots: Vec<usize> = by_lane.iter().map(|&j| slots[j]).collect();
    let extra_slots: Vec<usize> = extras.iter().map(|&c| windows::score_slot(c)).collect();

    for b in 0..=n {
        let row = b * w;
        // Skips and wraps at this block, twice round so a wrap can feed skips.
        for _ in 0..2 {
            for j in 0..k {
                let v = score[row + stands_at[j]] - skip_costs[j];
                if v > score[row + stands_at[j + 1]] {
                    score[row + stands_at[j + 1]] = v;
                    back.set(row + stands_at[j + 1], Back::new(Back::SKIP, 0, j));
                }
            }
            if b < n {
                let v = score[row + stands_at[k]] - 0.5;
                if v > score[row] {
                    score[row] = v;
                    back.set(row, Back::new(Back::WRAP, 0, k));
                }
                // A row past its 实施层级 cell may be followed by the item's
                // next tier row, which opens with a level.
                if let Some(l) = level {
                    for j in l + 1..=k {
                        let v = score[row + stands_at[j]] - TIER_ROW_COST;
                        if v > score[row + tier_state] {
                            score[row + tier_state] = v;
                            back.set(row + tier_state, Back::new(Back::TIER, 0, j));
                        }
                    }
                }
            }
        }
        if b == n {
            break;
        }
        // Cells starting at block b.
        base.copy_from_slice(&score[row..row + w]);
        // Nothing can start a cell here when no state reaches this block.
        if base.iter().all(|&v| v == NEG) {
            continue;
        }
        // No cell from here spans more blocks than the longest any reached state allows.
        let reach = if extras.is_empty() {
            let tier = level.filter(|_| base[tier_state] != NEG).map_or(0, |l| spans[l]);
            (0..k).filter(|&j| base[stands_at[j]] != NEG).map(|j| spans[j]).max().unwrap_or(0).max(tier).min(max_span)
        } else {
            max_span
        };
        let boundary_bonus = windows.opening_score(b);
        // The windows from block b, gathered first, then weighed in turn.
        from_b.clear();
        windows.gather(b, (b + reach).min(n), &mut from_b);
        let seen = &windows.kinds;
        // Each column's score of every kinds seen so far, side by side.
        for place in by_column.len() / lanes..seen.len() {
            let scores = seen.scores(place as u32);
            by_column.extend(lane_slots.iter().map(|&slot| scores[slot]));
            by_column.resize((place + 1) * lanes, 0.0);
            surely_extra.push(extra_slots.iter().any(|&slot| scores[slot] >= 2.0));
        }
        // Each cell's writers come in the order they always have: a column's
        // fill, then a tier row's level, then an extra column. A window's
        // columns are weighed side by side, one lane each (a state no path
        // reaches, or a column past its span, stays at minus infinity: never
        // better), its cells a row of the table.
        for (lane, &j) in by_lane.iter().enumerate() {
            from[lane] = base[stands_at[j]];
        }
        from[k..].fill(NEG);
        let opened = b as u32;
        // The lanes still within their column's span.
        let mut live = k;
        let before = &too_wide_at(b)[..lanes];
        // The rows of the table and of `too_wide` after block b, the window
        // ending at each, and what its span costs, side by side.
        let rows = score[(b + 1) * w..].chunks_exact_mut(w).zip(back.from[(b + 1) * w..].chunks_exact_mut(w));
        let rows = rows.zip(too_wide[(b + 1) * nc..].chunks_exact(nc));
        for (i, ((window, &inner), ((score_e, from_e), wide_e))) in
            from_b.iter().zip(&INNER_COSTS).zip(rows).enumerate()
        {
            while live > 0 && lane_spans[live - 1] <= i {
                live -= 1;
                from[live] = NEG;
            }
            let shape = window.shape;
            // Each group of lanes still live: where its cells start from,
            // what the window scores in their columns, their cells' scores
            // and steps, and the lines too wide for them up to the window's
            // end and before its start.
            let groups = live.div_ceil(LANES);
            let starts = lane_groups(&from[..groups * LANES]);
            let wholes = lane_groups(&by_column[window.kinds as usize * lanes..][..lanes]);
            let scores = lane_groups_mut(&mut score_e[1..1 + lanes]);
            let froms = lane_groups_mut(&mut from_e[1..1 + lanes]);
            let ends = lane_groups(&wide_e[..lanes]);
            let weighed = starts.zip(wholes).zip(scores).zip(froms).zip(ends.zip(lane_groups(before)));
            for ((((start, whole), score), from), (ends, before)) in weighed {
                // Summed in the order the full sum takes, for the same rounding.
                let mut v: [f32; LANES] = std::array::from_fn(|l| start[l] + whole[l] + boundary_bonus - shape - inner);
                if weigh_widths {
                    v = std::array::from_fn(|l| v[l] - width_cost(ends[l] - before[l]));
                }
                keep_better(score, from, v, opened);
            }
        }
        // Without widths (the first pass) no line is too wide: nothing to count.
        // A column's count by where it stands in a row of `too_wide`.
        let wide = |e: usize, c: usize| {
            if weigh_widths {
                width_cost(too_wide_at(e)[c] - too_wide_at(b)[c])
            } else {
                0.0
            }
        };
        if let Some(l) = level.filter(|_| base[tier_state] != NEG) {
            let from = base[tier_state];
            let step = Back::cell(k, b, tier_state);
            // Where the state after a level cell stands, and the level column's lane (one less).
            let (filled, lane) = (stands_at[l + 1], stands_at[l + 1] - 1);
            for (i, window) in from_b.iter().enumerate().take(spans[l]) {
                let e = b + 1 + i;
                let fs = seen.scores(window.kinds)[level_slot];
                // Only a cell that is surely a level opens a tier row.
                if fs >= 2.0 {
                    let v = from + fs + boundary_bonus - window.shape - inner_cost(i) - wide(e, lane);
                    if v > score[e * w + filled] {
                        score[e * w + filled] = v;
                        back.set(e * w + filled, step);
                    }
                }
            }
        }
        // Without extra columns, no window is weighed for one.
        let for_extras = if extras.is_empty() { &from_b[..0] } else { &from_b[..] };
        for (i, window) in for_extras.iter().enumerate() {
            if !surely_extra[window.kinds as usize] {
                continue;
            }
            let e = b + 1 + i;
            let scores = seen.scores(window.kinds);
            for (x, (&col, &slot)) in extras.iter().zip(&extra_slots).enumerate() {
                let fs = scores[slot];
                if fs < 2.0 {
                    continue;
                }
                for j in 0..=k {
                    // 序号 opens a record; other columns follow one the header named.
                    if (col == Column::Seq) != (j == 0) || base[stands_at[j]] == NEG {
                        continue;
                    }
                    let v =
                        base[stands_at[j]] + fs - 1.2 + boundary_bonus - window.shape - inner_cost(i) - wide(e, k + x);
                    if v > score[e * w + stands_at[j]] {
                        score[e * w + stands_at[j]] = v;
                        back.set(e * w + stands_at[j], Back::cell(k + 1 + x, b, j));
                    }
                }
            }
        }
    }
    // Best end state, paying for columns left unfilled.
    let mut best = (NEG, 0);
    for j in 0..=k {
        let rest: f32 = columns[j.min(k)..].iter().map(|&c| skip_cost(c)).sum();
        let v = score[n * w + stands_at[j]] - if j == k { 0.0 } else { rest };
        if v > best.0 {
            best = (v, j);
        }
    }
    // Walk back.
    let mut records: Vec<RecordCells> = vec![vec![Vec::new()]];
    let (mut b, mut j) = (n, best.1);
    let mut guard = 0;
    while (b > 0 || j > 0) && guard < 10 * (n + 1) * (k + 2) {
        guard += 1;
        let taken = back.get(b * w + stands_at[j]);
        let (step, pj) = (taken.step(), taken.state());
        match step {
            Step::Start => break,
            Step::Skip => j = pj,
            Step::Wrap => {
                records.push(vec![Vec::new()]);
                j = pj;
            }
            Step::Tier => {
                if let Some(r) = records.last_mut() {
                    r.push(Vec::new());
                }
                j = pj;
            }
            Step::Cell { from, column } => {
                if let Some(row) = records.last_mut().and_then(|r| r.last_mut()) {
                    row.push((cell_columns[column], from..b));
                }
                b = from;
                j = pj;
            }
        }
    }
    // Walked back, so every list is last first.
    let mut out: Vec<RecordCells> = records
        .into_iter()
        .map(|r| {
            let mut rows: Vec<_> = r
                .into_iter()
                .filter(|row| !row.is_empty())
                .map(|mut row| {
                    row.reverse();
                    row
                })
                .collect();
            rows.reverse();
            rows
        })
        .filter(|r| !r.is_empty())
        .collect();
    out.reverse();
    (out, best.0)
}

/// Short lines inside a cell (not its last line) are unusual in justified
/// text: a cell mixing two widths is probably two cells. Kept as the cell
/// grows, line by line.
#[derive(Default)]
struct ShapeCost {
    /// Widths of the lines so far and whether each ends a sentence.
    lines: Vec<(u32, bool)>,
    /// The widest line so far.
    max: u32,
    /// How short the lines but the last are, measured against `max`.
    inner: f32,
}

impl ShapeCost {
    /// The most a cell's shape costs.
    const MAX_COST: f32 = 4.0;

    // Widths as `u32`: a `usize` becomes an `f32` by a dozen instructions, a
    // `u32` by one, and the windows' search makes this the most frequent sum.
    fn contribution(max: u32, width: u32, ends_sentence: bool) -> f32 {
        let (m, w) = (max.max(1) as f32, width as f32);
        // A paragraph's last line is short by nature.
        if w < m * 0.6 && !ends_sentence {
            (m - w) / m
        } else {
            0.0
        }
    }

    #[inline]
    fn push(&mut self, line: &Line) {
        if self.at_ceiling() {
            return;
        }
        let width = u32::try_from(line.width).unwrap_or(u32::MAX);
        let prev_last = self.lines.last().copied();
        self.lines.push((width, line.ends_sentence));
        if width > self.max {
            // A wider line changes every other line's measure: count again.
            self.max = width;
            let n = self.lines.len();
            self.inner = self.lines[..n - 1].iter().map(|&(w, e)| Self::contribution(self.max, w, e)).sum();
        } else if let Some((w, e)) = prev_last {
            // The line that was last is now inside the cell.
            self.inner += Self::contribution(self.max, w, e);
        }
    }

    fn cost(&self) -> f32 {
        (self.inner * 0.6).min(Self::MAX_COST)
    }

    /// Whether the cost is at its ceiling, where it stays: lines only add to
    /// `inner` (a wider line makes every other line's share larger).
    fn at_ceiling(&self) -> bool {
        self.cost() == Self::MAX_COST
    }

    /// Empty again, keeping the room its lines took.
    fn clear(&mut self) {
        self.lines.clear();
        self.max = 0;
        self.inner = 0.0;
    }
}

/// What a cell pays for each block it spans past its first, `i` blocks past
/// (fewer than [`MAX_CELL_BLOCKS`]): read from a table, as the search
/// weighs it for every window, where working it out took a conversion
/// and a product each time.
fn inner_cost(i: usize) -> f32 {
    INNER_COSTS[i]
}

/// [`inner_cost`] of each span, worked out once (in the same single-precision
/// product as at run time, so the same value to the bit).
const INNER_COSTS: [f32; MAX_CELL_BLOCKS] = {
    let mut costs = [0.0; MAX_CELL_BLOCKS];
    let mut i = 0;
    while i < MAX_CELL_BLOCKS {
        costs[i] = i as f32 * 0.1;
        i += 1;
    }
    costs
};

/// How many of a window's columns are weighed at once.
const LANES: usize = 4;

/// A row's lanes, a group of [`LANES`] at a time.
fn lane_groups<T>(row: &[T]) -> impl Iterator<Item = &[T; LANES]> {
    row.chunks_exact(LANES).map(|group| group.try_into().expect("a group's width"))
}

/// [`lane_groups`], to write.
fn lane_groups_mut<T>(row: &mut [T]) -> impl Iterator<Item = &mut [T; LANES]> {
    row.chunks_exact_mut(LANES).map(|group| group.try_into().expect("a group's width"))
}

/// Keeps, in each lane, the better of the score there and `v`, and the
/// step to it: its place's usual step, a cell from block `opened`
/// ([`Backs`]). Written as masks, not branches, so that the lanes are kept
/// side by side.
fn keep_better(score: &mut [f32; LANES], from: &mut [u32; LANES], v: [f32; LANES], opened: u32) {
    let mask: [u32; LANES] = std::array::from_fn(|l| if v[l] > score[l] { u32::MAX } else { 0 });
    let pick = |new: u32, old: u32, l: usize| new & mask[l] | old & !mask[l];
    *score = std::array::from_fn(|l| f32::from_bits(pick(v[l].to_bits(), score[l].to_bits(), l)));
    *from = std::array::from_fn(|l| pick(opened, from[l], l));
}

/// Lines wider than the column's learnt width do not belong in it.
fn width_cost(over: u32) -> f32 {
    (over as f32 * 2.0).min(8.0)
}

/// Each column's width: the widest line of most of its cells.
fn learn_widths(records: &[RecordCells], blocks: &[Block], _lines: &[Line]) -> Vec<(Column, usize)> {
    let mut per: Vec<(Column, Vec<usize>)> = Vec::new();
    for rec in records {
        for (col, range) in rec.iter().flatten() {
            let w = blocks[range.clone()].iter().map(|b| b.max_width).max().unwrap_or(0);
            match per.iter_mut().find(|(c, _)| c == col) {
                Some((_, v)) => v.push(w),
                None => per.push((*col, vec![w])),
            }
        }
    }
    per.into_iter()
        .map(|(c, mut v)| {
            v.sort_unstable();
            // The 80th percentile: most cells are full width; a few are wider by error.
            let idx = ((v.len() as f32) * 0.8).ceil() as usize;
            (c, v[idx.saturating_sub(1).min(v.len() - 1)])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) const SAMPLE: &str = "权责清单目录分表(行政处罚类)\n序\n\n号\n\n实施\n\n机构\n部门职责 事项名称\n\n事项\n\n编码\n\n事项\n类型\n设定、行使依据\n\n实施\n\n层级\n\n备\n\n注\n\n1\n济南\n市医\n保局\n\n拟订全市医疗保\n障基金监督管理\n办法。\n\n对 医 疗 保\n险 经 办 机\n构的处罚\n\n3700000\n236009\n\n行政\n处罚\n\n1.【法律】《社会保险法》第八十七条：社会保\n险经办机构以及医疗机构骗取社会保险基金\n支出的，处罚。\n\n市\n\n2\n济南\n市医\n保局\n\n拟订全市医疗保\n障基金监督管理\n办法。\n\n对以欺诈、\n伪造证明的\n处罚\n\n3700000\n236010\n\n行政\n处罚\n\n1.【法律】《社会保险法》第八十八条：以欺诈\n、伪造证明材料或者其他手段骗取社会保险待\n遇的，处罚。\n\n市\n";

    fn record(cells: &[(Column, &str)]) -> Record {
        Record { section: None, rows: vec![cells.iter().map(|&(c, t)| (c, Text::from_source(t))).collect()] }
    }

    fn columns_of(r: &Record) -> Vec<Column> {
        r.rows.iter().flatten().map(|(c, _)| *c).collect()
    }

    #[test]
    fn wide_characters_and_han_ideographs_count_two() {
        assert_eq!(display_width("行政处罚"), 8);
        assert_eq!(display_width("〇𠀀豈⺀"), 8);
        assert_eq!(display_width("A1 ·、"), 6);
        assert_eq!(display_width("（2019）"), 8);
    }

    #[test]
    fn a_step_is_its_places_usual_one_unless_kept_whole() {
        // Rows of three places; the usual step of the second and third.
        let usual = vec![0, Back::cell(4, 0, 4).what, Back::cell(5, 0, 5).what];
        let mut backs = Backs::new(2 * 3, usual);
        // The start, kept whole everywhere at first.
        assert!(matches!(backs.get(4).step(), Step::Start));
        // A lane's cell writes its block alone: the step is its place's.
        backs.from[4] = 7;
        let cell = backs.get(4);
        assert!(matches!(cell.step(), Step::Cell { from: 7, column: 4 }) && cell.state() == 4);
        backs.from[5] = 9;
        assert!(matches!(backs.get(5).step(), Step::Cell { from: 9, column: 5 }));
        // Any other step is kept whole, at any place, until a lane's cell writes there.
        backs.set(4, Back::new(Back::SKIP, 0, 3));
        assert!(matches!(backs.get(4).step(), Step::Skip) && backs.get(4).state() == 3);
        backs.set(5, Back::cell(2, 6, 1));
        assert!(matches!(backs.get(5).step(), Step::Cell { from: 6, column: 2 }) && backs.get(5).state() == 1);
        backs.from[5] = 8;
        assert!(matches!(backs.get(5).step(), Step::Cell { from: 8, column: 5 }) && backs.get(5).state() == 5);
    }

    #[test]
    fn each_lane_keeps_the_better_score_and_its_step() {
        let neg = f32::NEG_INFINITY;
        let mut score = [1.0, 2.0, neg, 0.5];
        let mut from = [7 | Backs::OWN; LANES];
        keep_better(&mut score, &mut from, [1.5, 2.0, neg, -0.0], 3);
        // Better in the first lane only: a tie, minus infinity and a worse score keep what was there.
        assert_eq!(score.map(f32::to_bits), [1.5, 2.0, neg, 0.5].map(f32::to_bits));
        assert_eq!(from, [3, 7 | Backs::OWN, 7 | Backs::OWN, 7 | Backs::OWN]);
        keep_better(&mut score, &mut from, [neg, 2.5, -1.0, 0.5], 4);
        assert_eq!(score.map(f32::to_bits), [1.5, 2.5, -1.0, 0.5].map(f32::to_bits));
        assert_eq!(from, [3, 4, 4, 7 | Backs::OWN]);
    }

    #[test]
    fn a_record_without_seq_or_type_after_an_item_with_sub_items_is_its_next_sub_item() {
        let header = [Column::Seq, Column::Item, Column::SubItem, Column::Type, Column::Code, Column::SubCode];
        let mut records = vec![
            record(&[(Column::Seq, "1"), (Column::Item, "甲"), (Column::SubItem, "甲一"), (Column::Type, "行政处罚")]),
            record(&[(Column::Item, "甲二"), (Column::Code, "3700000236002")]),
            record(&[(Column::Item, "甲三")]),
            record(&[(Column::Seq, "2"), (Column::Item, "乙"), (Column::Type, "行政许可")]),
            record(&[(Column::Item, "丙")]),
            record(&[(Column::Seq, "3"), (Column::Item, "丁"), (Column::Type, "行政确认")]),
        ];
        mark_sub_item_rows(&mut records, &header);
        assert_eq!(columns_of(&records[1]), [Column::SubItem, Column::SubCode]);
        assert_eq!(columns_of(&records[2]), [Column::SubItem]);
        // After an item without sub-items, a bare record stays as it was read.
        assert_eq!(columns_of(&records[4]), [Column::Item]);
        // Without sub-item columns in the header, nothing changes.
        let mut records = vec![
            record(&[(Column::Seq, "1"), (Column::Item, "甲"), (Column::SubItem, "甲一")]),
            record(&[(Column::Item, "甲二")]),
        ];
        mark_sub_item_rows(&mut records, &[Column::Seq, Column::Item, Column::SubItem]);
        assert_eq!(columns_of(&records[1]), [Column::Item]);
    }

    #[test]
    fn a_codes_last_piece_read_as_a_sub_items_code_goes_back_to_the_code() {
        let mut records = vec![
            record(&[(Column::Code, "11620500MB161709673620236002000")]),
            record(&[(Column::Code, "11620500MB161\n7096736202360"), (Column::SubCode, "03000")]),
            record(&[(Column::Code, "11620500MB161709673620236004000"), (Column::SubCode, "001")]),
        ];
        rejoin_code_tails(&mut records, &|_| false);
        assert_eq!(columns_of(&records[1]), [Column::Code]);
        assert_eq!(records[1].cells(Column::Code).next().unwrap().as_str(), "11620500MB161\n7096736202360\n03000");
        // A whole code keeps a short sub-item code beside it.
        assert_eq!(columns_of(&records[2]), [Column::Code, Column::SubCode]);

        // However long the piece, as long as the code is short by just as much.
        let mut records = vec![
            record(&[(Column::Code, "3700000236009")]),
            record(&[(Column::Code, "3700000"), (Column::SubCode, "336004")]),
            record(&[(Column::Code, "3700000336005")]),
            record(&[(Column::Code, "37000"), (Column::SubCode, "336006")]),
        ];
        rejoin_code_tails(&mut records, &|_| false);
        assert_eq!(columns_of(&records[1]), [Column::Code]);
        assert_eq!(records[1].cells(Column::Code).next().unwrap().as_str(), "3700000\n336004");
        // Together still short: a code and a sub-item's code, as read.
        assert_eq!(columns_of(&records[3]), [Column::Code, Column::SubCode]);

        // Every code cut alike, so that no whole one tells the length: the
        // code's grammar does. A whole code keeps its short sub-item code.
        let gansu = |c: &str| c.len() == 31 && c.bytes().all(|b| b.is_ascii_alphanumeric());
        let mut records = vec![
            record(&[(Column::Code, "11620700MB1617\n09673620236003"), (Column::SubCode, "000")]),
            record(&[(Column::Code, "11620700MB1617\n09673620636001"), (Column::SubCode, "000")]),
            record(&[(Column::Code, "11620700MB161709673620536002000"), (Column::SubCode, "001")]),
        ];
        rejoin_code_tails(&mut records, &|_| false);
        assert_eq!(columns_of(&records[0]), [Column::Code, Column::SubCode]);
        rejoin_code_tails(&mut records, &gansu);
        for r in &records[..2] {
            assert_eq!(columns_of(r), [Column::Code]);
            assert_eq!(compact(r.cells(Column::Code).next().unwrap().as_str()).len(), 31);
        }
        assert_eq!(columns_of(&records[2]), [Column::Code, Column::SubCode]);
    }

    #[test]
    fn a_table_without_a_header_begins_at_the_seq_above_its_first_code_even_in_pieces() {
        let lines_of = |s: &str| lines_of(&Text::from_source(s));
        let s = "某局职权清单\n\n1\n\nC192\n3400\n\n对甲的处罚\n";
        assert_eq!(first_item_line(&lines_of(s)), Some(1));
        // Pieces a blank line apart are two cells, not one code.
        let s = "某局职权清单\n\n1\n\nC192\n\n3400\n\n对甲的处罚\n";
        assert_eq!(first_item_line(&lines_of(s)), None);
        // Without blank lines the 序号 runs into the code's pieces.
        let s = "某局职权清单\n1\nC192\n3400\n对甲的处罚\n";
        assert_eq!(first_item_line(&lines_of(s)), Some(1));
        // A code's first piece of four digits, with no 序号 anywhere, stays the code's.
        let s = "某局职权清单\n3700\n0002\n3600\n对甲的处罚\n";
        assert_eq!(first_item_line(&lines_of(s)), None);
    }

    /// The lines and blocks of `s`, a table's body, as `read` makes them.
    pub(super) fn blocks_of(s: &str) -> (Vec<Line>, Vec<Block>) {
        let lines = lines_of(&Text::from_source(s));
        let body: Vec<BodyLine> = (0..lines.len()).map(|i| (i, None, i == 0)).collect();
        let blocks = make_blocks(s, &lines, &body, false);
        (lines, blocks)
    }

    /// The lines of `s` printed without blank lines, as `read` measures
    /// them, and a body holding them all.
    fn dense(s: &str) -> (Vec<Line>, Vec<BodyLine>) {
        let lines = lines_of(&Text::from_source(s));
        assert!(lines.iter().all(|l| !l.blank_before), "no blank lines in {s:?}");
        let body = (0..lines.len()).map(|i| (i, None, false)).collect();
        (lines, body)
    }

    /// In `s` printed without blank lines, whether a cell begun at its first
    /// line may end before line `k`.
    fn dense_cell_ends_before(s: &str, k: usize) -> bool {
        let (lines, body) = dense(s);
        ends_dense_cell(s, &lines, &body, 0, 0, k)
    }

    /// The blocks of `s` printed without blank lines.
    fn dense_blocks(s: &str) -> Vec<Block> {
        let (lines, body) = dense(s);
        make_blocks(s, &lines, &body, true)
    }

    /// In `s` printed without blank lines, whether the block starting at
    /// line `to` continues the one starting at line `from`.
    fn dense_continues(s: &str, from: usize, to: usize) -> bool {
        let (lines, body) = dense(s);
        let blocks = make_blocks(s, &lines, &body, true);
        let at = |line: usize| blocks.iter().position(|b| b.lines.start == line).expect("a block starts there");
        continues(&blocks[at(from)], &blocks[at(to)], &lines)
    }

    #[test]
    fn without_blank_lines_a_cell_ends_after_a_short_last_line_or_before_a_narrower_column() {
        // 部门职责 ends `经办服务`, short of the line before; 事项名称 follows at that width.
        let s = "负责医疗保险、生\n理以及参保人员\n经办服务\n医疗保险\n关系转入\n";
        assert!(dense_cell_ends_before(s, 3));
        assert!(!dense_cell_ends_before(s, 4));
        // A sentence ends, and a narrower column's cell begins: the line
        // after that one is not a cell of its own, though it is narrower.
        let s = "调查责任：依法调查取证。\n《中华人民共\n和国行政处罚\n法》第五十四\n条\n";
        assert!(dense_cell_ends_before(s, 1));
        assert!(!dense_cell_ends_before(s, 2));
        assert!(!dense_cell_ends_before(s, 3));
        // A heading of a group of duties starts afresh.
        let s = "按照属地管理原则，负责本统\n筹地区的报销服务\n直接实施责任:\n";
        assert!(dense_cell_ends_before(s, 2));
        // So does a numbered list, after a line that ends no sentence.
        let s = "负责本市医疗保障经办机\n构违法行为的处罚\n1.立案责任：对辖区内\n";
        assert!(dense_cell_ends_before(s, 2));
        // A paragraph's last line ending a sentence two characters short of
        // the full line before it; a cell's only line ending a sentence.
        let s = "（一）立案责任：依法立案。（二）调查责任：依\n法调查。（三）决定责任：依法决定。\n有下列情形之一的，依法追究责任：①没有法律依\n";
        assert!(dense_cell_ends_before(s, 2));
        let s = "（一）立案责任：依法立案。\n有下列情形之一的，依法追究责任：①没有法律依\n";
        assert!(dense_cell_ends_before(s, 1));
        // A sentence ending on a full line inside a paragraph ends no cell.
        let s = "依法立案。依法调查取证。依\n法作出决定。依法送达文书。\n依法执行并将结果予以公开。\n";
        assert!(!dense_cell_ends_before(s, 2));
    }

    #[test]
    fn without_blank_lines_a_cells_only_line_ending_in_a_colon_goes_on() {
        // The article's text follows its number's colon, in the same cell.
        let s = "《中华人民共和国社会保险法》第八十七条：\n“社会保险经办机构以及医疗机构、药品经营\n";
        assert!(!dense_cell_ends_before(s, 1));
        // A full stop there may end a cell of one line.
        let s = "《中华人民共和国社会保险法》第八十七条。\n“社会保险经办机构以及医疗机构、药品经营\n";
        assert!(dense_cell_ends_before(s, 1));
    }

    #[test]
    fn without_blank_lines_a_page_break_bounds_no_cell() {
        let s = "的，予以审查，决定是否立案。\n— 2 —\n序号\n调查阶段责任：对立案的案件，\n";
        let (_, blocks) = dense_blocks_around(s, 1..3);
        let last = blocks.last().expect("blocks");
        assert!(last.after_page_break && !last.separated);
        // With blank lines between cells, the header printed again bounds as one does.
        let lines = lines_of(&Text::from_source(s));
        let body: Vec<BodyLine> = vec![(0, None, false), (3, None, true)];
        let blocks = make_blocks(s, &lines, &body, false);
        assert!(blocks[1].after_page_break && blocks[1].separated);
    }

    /// The blocks of `s` printed without blank lines, its lines in `set_aside`
    /// left out of the body as a repeated header is.
    fn dense_blocks_around(s: &str, set_aside: std::ops::Range<usize>) -> (Vec<Line>, Vec<Block>) {
        let lines = lines_of(&Text::from_source(s));
        let body: Vec<BodyLine> =
            (0..lines.len()).filter(|i| !set_aside.contains(i)).map(|i| (i, None, i == set_aside.end)).collect();
        let blocks = make_blocks(s, &lines, &body, true);
        (lines, blocks)
    }

    #[test]
    fn a_type_broken_by_a_page_is_a_value_on_both_sides_of_the_break() {
        // `行政` at a page's foot, the header again, `许可` and the department's name.
        let s = "异地就医备案\n3700000136004\n行政\n序号\n事项名称\n许可\n省医保局\n";
        let (lines, blocks) = dense_blocks_around(s, 3..5);
        let texts: Vec<String> = blocks
            .iter()
            .map(|b| b.lines.clone().map(|i| &s[lines[i].range.clone()]).collect::<Vec<_>>().join("/"))
            .collect();
        assert_eq!(texts, ["异地就医备案", "3700000136004", "行政", "许可", "省医保局"]);
        assert!(blocks[2].whole_value && blocks[3].whole_value);
    }

    #[test]
    fn a_full_line_closing_a_bracket_at_a_page_s_foot_goes_on_over_the_page() {
        let s = "1.《医疗机构管理条例》第二条：本条例适\n用于从事疾病诊断、治疗活动的医院、卫生\n院、疗养院、门诊部、诊所、卫生所（室）\n序号\n事项名称\n以及急救站等医疗机构。\n";
        let (lines, blocks) = dense_blocks_around(s, 3..5);
        let last = blocks.len() - 1;
        assert!(blocks[last].after_page_break, "{:?}", blocks.iter().map(|b| b.lines.clone()).collect::<Vec<_>>());
        assert!(continues(&blocks[last - 1], &blocks[last], &lines));
        // On one page the bracket may end the cell's text (`县（市、区）`).
        let (lines, blocks) = blocks_of("院、疗养院、门诊部、诊所、卫生所（室）\n\n以及急救站等医疗机构。\n");
        assert!(!continues(&blocks[0], &blocks[1], &lines));
    }

    #[test]
    fn a_full_line_ending_in_a_colon_at_a_page_s_foot_goes_on_over_the_page() {
        let s = "建设单位应当向城市、县人民政府城乡规\n1.受理责任：公示应当提交的材料。2.审查责任：\n序号\n事项名称\n审查申请材料。\n";
        let (lines, blocks) = dense_blocks_around(s, 2..4);
        let last = blocks.len() - 1;
        assert!(blocks[last].after_page_break);
        assert!(continues(&blocks[last - 1], &blocks[last], &lines));
        // A sentence's end there may end the cell.
        let s = "建设单位应当向城市、县人民政府城乡规\n1.受理责任：公示应当提交的材料。2.审查责任：审查。\n序号\n事项名称\n《中华人民共和国行政许可法》第三十条\n";
        let (lines, blocks) = dense_blocks_around(s, 2..4);
        let last = blocks.len() - 1;
        assert!(!continues(&blocks[last - 1], &blocks[last], &lines));
    }

    #[test]
    fn a_duty_stage_heading_after_a_citation_going_on_over_a_page_may_open_a_cell() {
        let s = "市医保局\n《中华人民共和国社会保险法》第八十八条：“以欺诈、伪造证明\n序号\n事项名称\n材料或者其他手段骗取社会保险待遇的，由社会保险行政部门责令\n退回骗取的社会保险金，处骗取金额二倍以上五倍以下的罚款。”\n立案阶段责任：发现参保人员骗取医疗保险待遇的，予以审\n查，决定是否立案。\n";
        let (lines, blocks) = dense_blocks_around(s, 2..4);
        let starts: Vec<&str> = blocks.iter().map(|b| &s[lines[b.lines.start].range.clone()]).collect();
        assert!(starts.iter().any(|l| l.starts_with("立案阶段责任")), "{starts:?}");
    }

    #[test]
    fn without_blank_lines_a_duty_stage_heading_after_a_cell_of_citations_may_open_a_cell() {
        let s = "《中华人民共和国社会保险法》第八十八条：“以\n欺诈手段骗取社会保险待遇的，处罚款。”\n立案阶段责任：发现违法行为的，予以审\n查。调查阶段责任：及时调查取证。\n";
        assert!(dense_cell_ends_before(s, 2));
        // Within the duties, a stage's heading after a sentence goes on.
        let s = "立案阶段责任：发现违法行为的，予以审查，\n决定是否立案。调查阶段责任：及时调查。\n决定阶段责任：依法作出处罚决定并送达。\n";
        assert!(!dense_cell_ends_before(s, 2));
    }

    #[test]
    fn without_blank_lines_a_department_alone_on_a_cells_first_line_may_end_the_cell() {
        // 实施主体 then 承办机构, at one width or the name a character short.
        for s in ["市医保局\n基金监管\n科\n", "市医保局\n基金监管科\n"] {
            assert!(dense_cell_ends_before(s, 1), "{s}");
        }
        // Not on a later line of a cell, nor after a line that names none.
        let s = "负责指导\n全市医保局\n基金监管科\n";
        assert!(!dense_cell_ends_before(s, 2));
        let s = "基金监管科、\n规划财务科\n";
        assert!(!dense_cell_ends_before(s, 1));
    }

    #[test]
    fn without_blank_lines_a_citation_going_on_at_a_narrower_width_after_a_sentence_opens_a_cell() {
        // 责任事项 (eleven characters wide) then 责任事项依据 (eight).
        let s = "法行为，依法立案。2.调\n查责任：依法调查取证。\n《中华人民共和国\n行政处罚法》第五\n十四条\n";
        assert!(dense_cell_ends_before(s, 2));
        // 追责情形 (nine wide) ends on a shorter line, then 追责依据 (eight).
        let s = "1.对符合法定条件的\n申请不予受理的。\n《中华人民共和国\n行政许可法》第七\n十二条\n";
        assert!(dense_cell_ends_before(s, 2));
        // In one column a citation's first line is as wide as the column's,
        let s = "按规定执行。\n《中华人民共和国社会保险法》第\n八十六条：用人单位未按时足额缴\n";
        assert!(!dense_cell_ends_before(s, 1));
        // or it ends on that line, and the next goes on at another width.
        let s = "《中华人民共和国社会保险法》第八十\n六条：用人单位未按时足额缴纳。\n《社会保险稽核办法》第十条\n《工伤保险条例》第六十二条。\n";
        assert!(!dense_cell_ends_before(s, 2));
    }

    #[test]
    fn without_blank_lines_a_block_repeated_line_for_line_is_two_cells() {
        let s = "山丹县\n医保局\n山丹县\n医保局\n《中华人民共和国社会保险法》\n";
        let (lines, body) = dense(s);
        assert!(repeats_block(&lines, &body, 0, 2));
        assert!(!repeats_block(&lines, &body, 0, 1));
        assert!(!repeats_block(&lines, &body, 0, 3));
    }

    #[test]
    fn a_numbered_list_after_a_blank_line_opens_a_cell_after_a_full_width_line() {
        let line = |width: usize| Line {
            range: 0..0,
            width,
            blank_before: true,
            ends_sentence: false,
            compact: String::new(),
            heading: false,
        };
        let lines = [line(18), line(18)];
        let block = |k: usize, opens_cell: bool| Block {
            lines: k..k + 1,
            separated: true,
            after_page_break: false,
            section: None,
            features: Features::default(),
            max_width: 18,
            opens_cell,
            whole_value: false,
            list_after_sentence: false,
            code_tail: false,
        };
        // `《中华人民共和国行政许可法》第三十条` then prose at the same width: read on.
        assert!(continues(&block(0, false), &block(1, false), &lines));
        // Then `1.对符合法定条件的申请…`: a cell of its own.
        assert!(!continues(&block(0, false), &block(1, true), &lines));
    }

    #[test]
    fn a_cells_line_break_stands_in_the_source_where_its_next_line_starts() {
        // `&ldquo;` became one character, so the text's offsets and the
        // source's differ from the first line on.
        let source = Text::from_source("&ldquo;甲乙\n丙丁");
        let mut b = TextBuilder::new();
        b.push_str_at("“", 0..7);
        b.push_copy(&source, 7..source.len());
        let text = b.finish();
        let line = |range: Range<usize>| Line {
            range,
            width: 6,
            blank_before: false,
            ends_sentence: false,
            compact: String::new(),
            heading: false,
        };
        let lines = [line(0..9), line(10..16)];
        let block = |lines: Range<usize>| Block {
            lines,
            separated: false,
            after_page_break: false,
            section: None,
            features: Features::default(),
            max_width: 6,
            opens_cell: false,
            whole_value: false,
            list_after_sentence: false,
            code_tail: false,
        };
        let cell = cell_text(&text, &lines, &[block(0..1), block(1..2)]);
        assert_eq!(cell.as_str(), "“甲乙\n丙丁");
        assert_eq!(cell.source_offset(9), 14);
    }

    #[test]
    fn a_level_after_a_records_cells_opens_its_next_tier_row() {
        let sample = "序号\n事项名称\n事项编码\n实施层级\n对应责任事项\n追责情形\n\n1\n\n对甲的处罚\n\n3700000\n236009\n\n省级\n\n1.立案责任：依法立案。\n\n1.违法实施处罚的。\n\n市级\n\n1.立案责任：对辖区内违法行为立案。\n\n2\n\n对乙的处罚\n\n3700000\n236010\n\n省级\n\n1.调查责任：依法调查。\n\n1.违法实施处罚的。\n";
        let laid = read(&Text::from_source(sample), &|_| false).unwrap();
        assert_eq!(laid.records.len(), 2, "{:#?}", laid.records);
        let rows: Vec<Vec<Column>> = laid.records[0].rows.iter().map(|r| r.iter().map(|(c, _)| *c).collect()).collect();
        assert_eq!(
            rows,
            [
                vec![Column::Seq, Column::Item, Column::Code, Column::Level, Column::Duties, Column::Liability],
                vec![Column::Level, Column::Duties]
            ]
        );
        assert_eq!(laid.records[1].rows.len(), 1);
    }

    #[test]
    fn a_column_headed_as_a_basis_holds_citations() {
        // Without blank lines: the duties, their citation (责任事项依据, a
        // column the format does not name), then cases that name no
        // liability. The citation is its column's cell, not the cases' first line.
        let text = "序号\n事项名称\n对应责任事项\n责任事项依据\n追责情形\n1\n对甲的许可\n1.受理责任：公示依法应当提交\n的材料。\n《中华人民共和国行政许可法》第三十条\n1.对符合法定条件的申请不予受理的。\n2\n对乙的许可\n1.审查责任：审查申请材料，\n作出决定。\n《中华人民共和国行政许可法》第三十四条\n1.对不符合法定条件的申请人准予许可的。\n";
        let laid = read(&Text::from_source(text), &|_| false).unwrap();
        assert_eq!(laid.extra_headers, ["责任事项依据"]);
        for (r, article) in laid.records.iter().zip(["第三十条", "第三十四条"]) {
            let cells: Vec<(Column, String)> =
                r.rows.iter().flatten().map(|(c, t)| (*c, compact(t.as_str()))).collect();
            let basis = cells.iter().find(|(c, _)| *c == Column::Extra(0)).map(|(_, t)| t.as_str());
            assert!(basis.is_some_and(|t| t.starts_with('《') && t.ends_with(article)), "{cells:?}");
            let liability = cells.iter().find(|(c, _)| *c == Column::Liability).map(|(_, t)| t.as_str());
            assert!(liability.is_some_and(|t| t.starts_with("1.对")), "{cells:?}");
        }
    }

    #[test]
    fn a_note_parted_by_a_page_is_one_note() {
        // The note's first entry, the page's number, the header again, its
        // second entry and the last page's number.
        let header = &SAMPLE[SAMPLE.find('序').unwrap()..SAMPLE.find("1\n济南").unwrap()];
        let text = format!(
            "{SAMPLE}\n注：1.本清单所列实施层级为市、县两级。\n\n— 3 —\n\n{header}2.办理时限均为工作日。\n\n— 4 —\n"
        );
        let laid = read(&Text::from_source(&text), &|_| false).unwrap();
        assert_eq!(laid.records.len(), 2, "{:#?}", laid.records);
        let set_aside = |reason: fn(&SetAside) -> bool| {
            laid.fragments.iter().filter(|f| reason(&f.reason)).map(|f| compact(f.text.as_str())).collect::<Vec<_>>()
        };
        assert_eq!(
            set_aside(|r| matches!(r, SetAside::TableNote)),
            ["注：1.本清单所列实施层级为市、县两级。2.办理时限均为工作日。"]
        );
        assert_eq!(set_aside(|r| matches!(r, SetAside::Furniture)), ["—3—", "—4—"]);
        assert_eq!(set_aside(|r| matches!(r, SetAside::RepeatedHeader)).len(), 2);
    }

    #[test]
    fn cells_spread_over_lines() {
        let laid = read(&Text::from_source(SAMPLE), &|_| false).unwrap();
        assert_eq!(laid.records.len(), 2, "{:#?}", laid.records);
        let r = &laid.records[1];
        let cell = |c: Column| compact(r.cells(c).next().map(|t| t.as_str()).unwrap_or(""));
        assert_eq!(cell(Column::Seq), "2");
        assert_eq!(cell(Column::Department), "济南市医保局");
        assert_eq!(cell(Column::Code), "3700000236010");
        assert_eq!(cell(Column::Type), "行政处罚");
        assert_eq!(cell(Column::Item), "对以欺诈、伪造证明的处罚");
        assert_eq!(cell(Column::Level), "市");
        assert!(cell(Column::LegalBasis).starts_with("1.【法律】"));
        assert!(r.section.as_ref().unwrap().as_str().contains("行政处罚"));
    }

    #[test]
    fn without_blank_lines_a_type_over_three_lines_and_a_codes_digit_piece_are_blocks_of_their_own() {
        let s = "医疗保险\n参保登记\n其他\n行政\n权力\n11620\n725MB\n17285\n0\n某县医\n保局\n";
        let (lines, body) = dense(s);
        let blocks = make_blocks(s, &lines, &body, true);
        let texts: Vec<String> = blocks
            .iter()
            .map(|b| b.lines.clone().map(|li| &s[lines[li].range.clone()]).collect::<Vec<_>>().join("/"))
            .collect();
        // The code's pieces stay together although the first is a number alone
        // (its short last piece is a block of its own, as with blank lines).
        assert_eq!(texts, ["医疗保险/参保登记", "其他/行政/权力", "11620/725MB/17285", "0", "某县医/保局"]);
        let whole: Vec<bool> = blocks.iter().map(|b| b.whole_value).collect();
        assert_eq!(whole, [false, true, false, false, false]);
        // A 序号 before a code's piece of another width is a block of its own.
        let s = "1\nC192\n3400\n";
        assert_eq!(dense_blocks(s).len(), 2);
    }

    #[test]
    fn without_blank_lines_a_list_after_a_sentences_end_is_bounded_but_not_after_a_group_heading() {
        let s = "况进行指导监督。\n1.【法律】《监察法》第六十五条\n直接实施责任:\n1.依法立案。\n";
        let blocks = dense_blocks(s);
        let after: Vec<bool> = blocks.iter().map(|b| b.list_after_sentence).collect();
        assert_eq!(after, [false, true, false, false]);
    }

    #[test]
    fn a_sentence_ends_inside_closing_quotation_marks() {
        assert!(ends_sentence("时足额支付社会保险待遇。”"));
        assert!(ends_sentence("险基金支出的处罚；’ "));
        assert!(ends_sentence("第八十七条："));
        assert!(!ends_sentence("“社会保险经办机构"));
        assert!(!ends_sentence("山丹县医保局”"));
    }

    #[test]
    fn lines_beginning_a_value_that_a_line_alone_spells_are_one_block_with_it() {
        // `市级` alone is a level, and so is `设区的` / `市级`: one block.
        let s = "违反法定程序实施行政处罚的。\n设区的\n市级\n负责本市医疗保障\n";
        let blocks = dense_blocks(s);
        let level = blocks.iter().find(|b| b.lines.contains(&1)).unwrap();
        assert_eq!(level.lines, 1..3);
        assert!(level.whole_value);
        // A line that begins no such value stays apart from it.
        let s = "违反法定程序实施行政处罚的。\n本级\n市级\n负责本市医疗保障\n";
        let blocks = dense_blocks(s);
        assert!(
            blocks.iter().any(|b| b.lines == (2..3) && b.whole_value),
            "{:?}",
            blocks.iter().map(|b| &b.lines).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_list_begun_after_an_article_number_does_not_continue_it() {
        // 责任事项依据 ends `第五十四条` near its column's width; 追责情形's list follows.
        for marker in ["1.", "（一）", "一、", "①", "(1)"] {
            let s = format!("1.立案责任：发现涉嫌违法行为，依法立案。2.调\n查责任：依法调查取证。\n《中华人民共和国行政处罚法》第五十四条\n{marker}没有法律和事实依据实施行政处罚的；2.违\n反法定程序实施行政处罚的。\n");
            assert!(!dense_continues(&s, 2, 3), "{marker}");
        }
        // An item of the article printed without its 第 goes on from it.
        for part in ["（一）项", "（一）、（二）项", "（三）至（五）项"] {
            assert!(names_article_part(part), "{part}");
        }
        for list in ["（一）立案责任：依法立案。", "一、受理责任", "①没有法律依据的；", "1.项目审批"]
        {
            assert!(!names_article_part(list), "{list}");
        }
        // Wrapped text at the same width goes on.
        let s = "《中华人民共和国行政处罚法》第五十四\n条第一款规定的情形，依法予以处理。\n";
        let (lines, body) = dense(s);
        let blocks: Vec<Block> = (0..2).map(|i| make_blocks(s, &lines, &body[i..i + 1], true).remove(0)).collect();
        assert!(continues(&blocks[0], &blocks[1], &lines));
    }

    #[test]
    fn a_code_piece_narrower_than_the_one_before_ends_the_code() {
        // An item's code, then its sub-item's, in pieces of eight.
        let s = "11620500\nMB161709\n67362023\n6002000\n11620500\nMB161709\n67362023\n6002001\n";
        for blocks in [dense_blocks(s), blocks_of(&s.replace('\n', "\n\n")).1] {
            let starts: Vec<usize> = blocks.iter().map(|b| b.lines.start).collect();
            assert!(starts.contains(&4), "{starts:?}");
        }
        // Pieces of one width go on: nothing says where the code ends.
        let blocks = dense_blocks("11620500\nMB161709\n67362023\n");
        assert_eq!(blocks.len(), 1);
    }

    #[test]
    fn a_repeated_header_ends_where_it_repeats_the_first() {
        // The next page's header, then the liability going on from the page
        // before: its lines hold header words (依据, 实施, 责任) but are the cell's.
        let header = "序号\n事项名称\n事项编码\n实施主体\n追责情形及依据\n";
        let s = format!(
            "{header}1\n对骗取医保基金的处罚\n3700000236001\n省医保局\n因不履行或不正确履行行政职责，有下\n\n— 2 —\n\n{header}列情形的，行政机关及相关工作人员应\n承担相应责任\n一、没有法律和事实依据实施行政处罚\n"
        );
        let lines = lines_of(&Text::from_source(&s));
        let runs = header_runs(&lines);
        assert_eq!(runs.len(), 2);
        let text = |l: usize| compact(&s[lines[l].range.clone()]);
        assert_eq!(text(runs[1].end - 1), "追责情形及依据");
        assert_eq!(text(runs[1].end), "列情形的，行政机关及相关工作人员应");
        // Without punctuation to stop it, the first header's words still do.
        let s = s.replace("列情形的，行政机关及相关工作人员应\n", "");
        let lines = lines_of(&Text::from_source(&s));
        let runs = header_runs(&lines);
        assert_eq!(compact(&s[lines[runs[1].end].range.clone()]), "承担相应责任");
    }

    #[test]
    fn a_block_after_lines_set_aside_in_its_section_follows_a_page_break() {
        // Body lines 0, 1, then 4 (a page's furniture and header set aside), then a section's 6.
        let s = "1.对符合法定条件的申请不予\n受理的。\n— 2 —\n序号\n受理的；\n二、行政处罚\n\n1\n";
        let lines = lines_of(&Text::from_source(s));
        let body: Vec<BodyLine> = vec![(0, None, false), (1, None, false), (4, None, true), (6, Some(1), true)];
        let blocks = make_blocks(s, &lines, &body, true);
        let after: Vec<(usize, bool)> = blocks.iter().map(|b| (b.lines.start, b.after_page_break)).collect();
        assert_eq!(after, [(0, false), (1, false), (4, true), (6, false)]);
    }

    #[test]
    fn a_paragraphs_short_last_line_after_a_page_break_ends_its_cell() {
        // A citation's full line at a page's foot, its short last line on
        // the next page, then a department's name in two pieces.
        let s = "《中华人民共和国药品管理法》\n第一百二十四条第一款第（一\n— 3 —\n序号\n）、（二）项\n省医保\n局\n";
        let (_, blocks) = dense_blocks_around(s, 2..4);
        let starts: Vec<usize> = blocks.iter().map(|b| b.lines.start).collect();
        assert!(starts.contains(&5), "{starts:?}");
    }

    #[test]
    fn a_code_broken_by_a_page_after_a_full_piece_goes_on_in_the_next_page_s_first() {
        // Body lines: a name, a code's first piece, then (a page's furniture
        // and header set aside) the code's last piece, a type.
        let blocks_for = |s: &str| {
            let lines = lines_of(&Text::from_source(s));
            let body: Vec<BodyLine> = vec![(0, None, false), (1, None, false), (4, None, true), (5, None, false)];
            let blocks = make_blocks(s, &lines, &body, true);
            (lines, blocks)
        };
        let (lines, blocks) = blocks_for("基本医疗保险参保登记\n3700000220\n— 2 —\n序号\n001\n公共服务\n");
        assert_eq!(blocks.len(), 4);
        assert!(blocks[2].after_page_break && continues(&blocks[1], &blocks[2], &lines));
        // A piece wider than the one before the break is no part of it; nor
        // does anything go on after a code whose last piece fell short.
        let (lines, blocks) = blocks_for("基本医疗保险参保登记\n370000\n— 2 —\n序号\n3700000236\n公共服务\n");
        assert!(!continues(&blocks[1], &blocks[2], &lines));
        let s = "基本医疗保险参保登记\n37000002\n2000\n— 2 —\n序号\n2\n公共服务\n";
        let lines = lines_of(&Text::from_source(s));
        let body: Vec<BodyLine> = vec![(0, None, false), (1, None, false), (2, None, false), (5, None, true)];
        for dense in [false, true] {
            let blocks = make_blocks(s, &lines, &body, dense);
            let n = blocks.len();
            assert!(!continues(&blocks[n - 2], &blocks[n - 1], &lines), "{dense}");
        }
        // With no page between them, pieces are one block or stand apart.
        let (lines, blocks) = blocks_of("3700000220\n\n001\n");
        assert!(!continues(&blocks[0], &blocks[1], &lines));
    }

    #[test]
    fn without_blank_lines_a_line_wider_than_a_cell_s_after_a_sentence_may_open_a_cell() {
        // 对应责任事项 eighteen characters wide, its last line full, then
        // 责任事项依据 a character wider.
        let duties = "1.立案责任：发现涉嫌违法行为，依法立\n案。2.调查责任：依法调查取证并处理。\n";
        assert!(dense_cell_ends_before(&format!("{duties}《中华人民共和国行政处罚法》第五十四条\n"), 2));
        // Not a line as wide as the cell's widest, nor one wider by a narrow
        // character, nor after a line that goes on.
        for s in [
            format!("{duties}《中华人民共和国行政处罚法》第五十四\n"),
            format!("{duties}《中华人民共和国行政处罚法》第五十四1\n"),
            duties.replace("处理。", "处理，") + "《中华人民共和国行政处罚法》第五十四条\n",
        ] {
            assert!(!dense_cell_ends_before(&s, 2), "{s}");
        }
    }

    #[test]
    fn without_blank_lines_a_citation_after_a_short_line_opens_a_cell_unless_among_citations() {
        // A duty entry of one line ending a sentence, then 责任事项依据.
        let s = "1.立案责任：发现涉嫌违法行为，依法立案。\n2.调查责任：依法调查取证。\n《中华人民共和国行政处罚法》第五十四条\n";
        let (lines, body) = dense(s);
        assert!(ends_dense_cell(s, &lines, &body, 1, 1, 2));
        // Citations listed in one column go on so, numbered or not.
        for s in [
            "1.《中华人民共和国社会保险法》第八十七条。\n2.《医疗保障基金使用监督管理条例》第三十八条。\n《中华人民共和国行政处罚法》第五十四条\n",
            "【法律】《中华人民共和国社会保险法》第八十七条。\n【法律】《中华人民共和国行政处罚法》第五十四条。\n【行政法规】《医疗保障基金使用监督管理条例》\n",
        ] {
            let (lines, body) = dense(s);
            assert!(!ends_dense_cell(s, &lines, &body, 1, 1, 2), "{s}");
        }
    }

    #[test]
    fn a_department_s_name_after_an_article_number_may_open_a_cell() {
        // 实施依据 wrapped after `第三十五条`; 实施主体 follows at nearly its width.
        let s = "《中华人民共和国食品\n安全法》第三十五条\n县市场监督管理局\n1.受理阶段责任：公\n";
        let (lines, body) = dense(s);
        assert!(ends_dense_cell(s, &lines, &body, 0, 0, 2));
        assert!(!dense_continues(s, 0, 2));
        assert!(names_department("省医保局") && names_department("县 市 场 监 督 管 理 局 "));
        for line in ["局", "负责全市医疗保障基金监督管理的内部", "依法予以处罚", "省医保局（基金监管处）"]
        {
            assert!(!names_department(line), "{line}");
        }
        assert!(ends_article_number("安全法》第三十五条") && ends_article_number("第二款"));
        assert!(!ends_article_number("按照有关规定执行本条") && !ends_article_number("事项"));
        assert!(ends_article_number("三十八条") && ends_article_number("12条"));
        assert!(!ends_article_number("条") && !ends_article_number("第二十条至三十条款项"));
    }

    #[test]
    fn a_liability_preamble_after_a_sentence_may_open_a_cell() {
        // 对应责任事项's last line full, 追责情形 at the same width.
        let s = "（一）立案责任：依法立案。（二）调查责任\n：依法调查。（三）决定责任：依法决定。\n有下列情形之一的，依法追究责任：①没有法\n律依据实施处罚的。\n";
        let (lines, body) = dense(s);
        assert!(ends_dense_cell(s, &lines, &body, 0, 0, 2));
        assert!(!ends_dense_cell(s, &lines, &body, 0, 0, 1));
        assert!(opens_liability_preamble("具有下列情形之一的，") && !opens_liability_preamble("对有下列情形的单位"));
    }

    #[test]
    fn a_list_marker_ending_a_line_goes_on_in_the_next() {
        // `（三）`'s entry is on the next line, narrower: the duties' last line, not the liability's first.
        let s = "（一）立案责任：依法立案。（二）调查责任：依法调查。（三）\n决定责任：依法决定。\n有下列情形之一的，依法追究责任：①没有法律依据实施处罚的；②\n擅自改变处罚种类的。\n";
        assert!(dense_continues(s, 0, 1));
        assert!(!dense_continues(s, 1, 2));
        // A list's later entry opening a line goes on from the list too.
        let s = "（一）立案责任：依法立案。（二）调查责任：依法调查。\n（三）决定责任：依法决定。\n有下列情形之一的，依法追究责任：①没有法律依据实施处罚的；②\n擅自改变处罚种类的。\n";
        assert!(dense_continues(s, 0, 1));
    }

    #[test]
    fn a_name_after_a_power_s_name_at_one_width_may_open_a_cell() {
        // 事项名称 and 子项名称 wrapped at three characters.
        let s = "对违反\n医疗保\n障规定\n的处罚\n对定点\n医药机\n构的处\n罚\n";
        let (lines, body) = dense(s);
        assert!(ends_dense_cell(s, &lines, &body, 0, 0, 4));
        assert!(!dense_continues(s, 0, 4));
        // Inside a name, the object's 对 goes on from the line before.
        assert!(!ends_dense_cell(s, &lines, &body, 0, 0, 2));
        assert!(
            ends_power_name("对用人单位的行政处罚")
                && ends_power_name("的 处 罚 ")
                && !ends_power_name("依法作出处罚决定")
        );
    }

    #[test]
    fn a_line_answering_yes_or_no_is_a_block_of_its_own() {
        let s = "1.对符合法定条件的申请不予受理的；\n否\n";
        let blocks = dense_blocks(s);
        assert!(blocks.iter().any(|b| b.lines == (1..2) && b.whole_value));
    }

    #[test]
    fn a_code_in_wide_pieces_is_a_block_apart_from_the_name_before_it() {
        // The piece as wide as the name's line before it: only its kind tells them apart.
        let s = "对定点医药机构重复收\n11620500MB1617096736\n20236002002\n";
        let blocks = dense_blocks(s);
        assert!(blocks.iter().any(|b| b.lines.start == 1), "{:?}", blocks.iter().map(|b| &b.lines).collect::<Vec<_>>());
    }

    #[test]
    fn a_type_or_level_line_is_a_cell_of_its_own_without_blank_lines() {
        let text = "序号\n事项名称\n事项类型\n实施主体\n实施依据\n行使层级\n责任事项\n1\n对违法行为\n的处罚\n行政\n处罚\n张掖市医\n疗保障局\n《社会保险法》第八\n十六条：责令缴纳。\n市级\n1.立案责任：依法\n立案。\n2\n对违规行为\n的处罚\n行政处罚\n张掖市医\n疗保障局\n《社会保险法》第八\n十七条：责令退回。\n市级\n1.立案责任：依法\n立案。\n";
        let laid = read(&Text::from_source(text), &|_| false).unwrap();
        assert_eq!(laid.records.len(), 2, "{:#?}", laid.records);
        for r in &laid.records {
            let cell = |c: Column| compact(r.cells(c).next().map(|t| t.as_str()).unwrap_or(""));
            assert_eq!(cell(Column::Type), "行政处罚");
            assert_eq!(cell(Column::Department), "张掖市医疗保障局");
            assert_eq!(cell(Column::Level), "市级");
            assert!(cell(Column::Duties).starts_with("1.立案责任"));
        }
    }

    #[test]
    fn the_table_of_inner_costs_holds_each_cost_as_worked_out_at_run_time() {
        for i in 0..MAX_CELL_BLOCKS {
            let worked_out = std::hint::black_box(i as u32 as f32) * std::hint::black_box(0.1f32);
            assert_eq!(inner_cost(i).to_bits(), worked_out.to_bits(), "{i}");
        }
    }

    #[test]
    fn a_cells_shape_cost_grown_line_by_line_is_that_of_all_its_lines() {
        // From scratch: every line but the last measured against the widest.
        let reference = |lines: &[(u32, bool)]| {
            let max = lines.iter().map(|l| l.0).max().unwrap_or(0);
            let n = lines.len().saturating_sub(1);
            let inner: f32 = lines[..n].iter().map(|&(w, e)| ShapeCost::contribution(max, w, e)).sum();
            (inner * 0.6).min(ShapeCost::MAX_COST)
        };
        let mut seed = 7u64;
        let mut at_ceiling = 0;
        for _ in 0..300 {
            let mut cost = ShapeCost::default();
            let mut lines = Vec::new();
            for _ in 0..40 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let (width, ends) = ((seed >> 33) as u32 % 30, (seed >> 20) % 5 == 0);
                lines.push((width, ends));
                cost.push(&Line {
                    range: 0..0,
                    width: width as usize,
                    blank_before: false,
                    ends_sentence: ends,
                    compact: String::new(),
                    heading: false,
                });
                // Equal exactly (a zero's sign aside: an empty sum is -0).
                assert_eq!(cost.cost(), reference(&lines), "{lines:?}");
            }
            at_ceiling += usize::from(cost.cost() == ShapeCost::MAX_COST);
        }
        assert!(at_ceiling > 30, "{at_ceiling}");
    }
}
