//! Delimited tables: rows split by tabs or `|`, under a header row that may
//! repeat, with continuation and tier rows below an item's first row.
//!
//! Cells are matched to columns by a monotone alignment of each row's cells
//! against the header's columns, scored by what each cell holds, so a merged
//! or scrambled header, a lost header or a row with a missing cell still
//! lands every cell in its column.

use super::columns::{
    columns_in_header, compact, header_index, is_level_text, is_type_name, kind_score, level_goes_on, numbering_is_seq,
    Column, Features, Kinds, NUMBERING_WORD,
};
use super::{is_running_head_text, section_heading, starts_note, Fragment, Laid, LayoutKind, Record, Row, SetAside};
use crate::text::Text;
use std::ops::Range;

/// The delimiter of a delimited table, if the text is one.
pub fn detect(text: &Text) -> Option<char> {
    let mut tabs = 0;
    let mut pipes = 0;
    // A text holding no tab, or no bar, has no line holding one: its lines
    // are not searched for them (most documents hold neither).
    let s = text.as_str();
    let (may_tab, may_bar) = (memchr::memchr(b'\t', s.as_bytes()).is_some(), may_hold_bars(s));
    if may_tab || may_bar {
        for r in text.line_ranges() {
            let line = &s[r];
            if may_tab && memchr::memchr_iter(b'\t', line.as_bytes()).nth(1).is_some() {
                tabs += 1;
            }
            if may_bar && bars_in(line) >= 3 {
                pipes += 1;
            }
        }
    }
    if tabs >= 2 && tabs >= pipes {
        Some('\t')
    } else if pipes >= 2 {
        Some('|')
    } else if is_space_aligned(text) {
        Some(' ')
    } else {
        None
    }
}

/// A table whose columns are set apart by runs of spaces: a header line
/// that splits into three or more header words, and rows that split too.
fn is_space_aligned(text: &Text) -> bool {
    let s = text.as_str();
    let mut header = false;
    let mut rows = 0;
    let two_spaces = memchr::memmem::Finder::new(b"  ");
    for r in text.line_ranges() {
        // Cells are set apart by a tab or two spaces: a line with neither is one cell.
        let line = s[r.clone()].as_bytes();
        if memchr::memchr(b'\t', line).is_none() && two_spaces.find(line).is_none() {
            continue;
        }
        let cells = split_aligned(s, r.clone());
        if cells.len() >= 3 {
            rows += 1;
            let words: Vec<&str> = cells.iter().map(|(c, _)| &s[c.clone()]).collect();
            header |= header_columns(&words).is_some();
        }
    }
    header && rows >= 2
}

/// Pieces of a line between runs of two or more spaces (or tabs), with the
/// display column each starts at.
fn split_aligned(text: &str, range: Range<usize>) -> Vec<(Range<usize>, usize)> {
    let line = &text[range.clone()];
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    let mut spaces = 0;
    let mut col = 0;
    let mut last_end = 0;
    for (i, c) in line.char_indices() {
        if c == ' ' || c == '\t' {
            spaces += if c == '\t' { 2 } else { 1 };
        } else {
            if spaces >= 2 {
                if let Some((b, bc)) = start.take() {
                    out.push((range.start + b..range.start + last_end, bc));
                }
            }
            if start.is_none() {
                start = Some((i, col));
            }
            spaces = 0;
            last_end = i + c.len_utf8();
        }
        col += if crate::text::is_cjk(c) { 2 } else { 1 };
    }
    if let Some((b, bc)) = start {
        out.push((range.start + b..range.start + last_end, bc));
    }
    out
}

/// Display width of text, as [`split_aligned`] counts columns.
fn display_width(text: &str) -> usize {
    text.chars().map(|c| if crate::text::is_cjk(c) { 2 } else { 1 }).sum()
}

/// The display columns a piece of an aligned line covers, from its start.
fn piece_span(s: &str, (range, start): &(Range<usize>, usize)) -> Range<usize> {
    *start..start + display_width(&s[range.clone()])
}

/// How many display columns lie between two spans: none where they touch or overlap.
fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.start.saturating_sub(b.end).max(b.start.saturating_sub(a.end))
}

/// The pieces of a space-aligned line: each one's text, and the display
/// columns it covers.
fn aligned_pieces(s: &str, line: Range<usize>) -> Vec<(String, Range<usize>)> {
    split_aligned(s, line).iter().map(|p| (s[p.0.clone()].to_owned(), piece_span(s, p))).collect()
}

/// A space-aligned row of header words wrapped over two lines (`指导监督责`
/// over `任`): each piece of the next line joined to the piece of the first
/// it stands under (or the nearest), the first's place kept. `None` unless
/// every piece of the next line is a word's short end ([`is_word_end`]).
fn join_aligned_pieces(
    first: &[(String, Range<usize>)],
    next: &[(String, Range<usize>)],
) -> Option<Vec<(String, Range<usize>)>> {
    if first.is_empty() || next.is_empty() || !next.iter().all(|(t, _)| is_word_end(t)) {
        return None;
    }
    let mut joined = first.to_vec();
    for (piece, span) in next {
        let under = (0..joined.len()).min_by_key(|&i| gap(&joined[i].1, span))?;
        joined[under].0.push_str(piece.trim());
    }
    Some(joined)
}

/// The most lines a header's second row wraps over, past its first.
const MAX_WRAPPED_HEADER_LINES: usize = 3;

/// Whether a cell could be the end of a header word wrapped at its
/// column's width: up to six Han characters (brackets aside), spaces aside.
fn is_word_end(cell: &str) -> bool {
    let mut chars = cell.chars().filter(|&c| !crate::text::is_white_space(c));
    chars.by_ref().take(6).all(|c| crate::text::is_han(c) || "（）()".contains(c)) && chars.next().is_none()
}

/// Places the pieces of an aligned row under the header cells (`header`,
/// the display columns each word covers) they stand below; pieces under one
/// header cell are one cell. A piece goes under the header word it overlaps
/// (of several, the last starting at or before it: a wide cell runs on under
/// the next word); a piece under none, under the nearest. Header words are
/// often centred over their columns, so a cell may start well left of its
/// word.
fn slot_aligned(s: &str, pieces: &[(Range<usize>, usize)], header: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut slots: Vec<Option<Range<usize>>> = vec![None; header.len()];
    for piece in pieces {
        let span = piece_span(s, piece);
        let overlaps = |h: &Range<usize>| h.start < span.end && span.start < h.end;
        let k = header
            .iter()
            .rposition(|h| overlaps(h) && h.start <= span.start + 1)
            .or_else(|| header.iter().position(overlaps))
            .or_else(|| (0..header.len()).min_by_key(|&k| gap(&header[k], &span)))
            .unwrap_or(0);
        if let Some(slot) = slots.get_mut(k) {
            *slot = Some(match slot.take() {
                Some(prev) => prev.start..piece.0.end,
                None => piece.0.clone(),
            });
        }
    }
    slots.into_iter().map(|r| r.unwrap_or(0..0)).collect()
}

/// A header's second row under its first: per column, the first row's
/// columns, the second row's text, and the display columns the column's
/// words cover (space-aligned rows alone).
type SecondRow = (Vec<Vec<Column>>, Vec<String>, Vec<Range<usize>>);

/// A space-aligned header's second row set out under its first: each piece
/// of `below` goes under the first row's piece it overlaps most (or the
/// nearest before it; a group of duties, under the cell naming duties), and
/// a first-row piece over two or more of them is a
/// merged cell (`对应责任事项` over `直接实施责任` and `指导监督责任`), each
/// of its parts a column of its own, where the part's word stands.
/// Returns, per column, the first row's columns (empty where a merged cell
/// spreads), the second row's text, and the display columns the column's
/// words cover.
fn aligned_second_header(
    s: &str,
    first: &[(Range<usize>, usize)],
    first_columns: &[Vec<Column>],
    below: &[(String, Range<usize>)],
) -> SecondRow {
    let mut parts: Vec<Vec<(&str, Range<usize>)>> = vec![Vec::new(); first.len()];
    for (piece, span) in below {
        let span = span.clone();
        let overlap = |word| {
            let above = piece_span(s, word);
            span.end.min(above.end).saturating_sub(span.start.max(above.start))
        };
        // A group of duties belongs under 对应责任事项, wherever that word is centred.
        let duties =
            duty_group_name(piece).and_then(|_| first_columns.iter().position(|c| c.contains(&Column::Duties)));
        let owner = duties
            .or_else(|| (0..first.len()).filter(|&i| overlap(&first[i]) > 0).max_by_key(|&i| overlap(&first[i])))
            .or_else(|| first.iter().rposition(|(_, b)| *b <= span.start))
            .unwrap_or(0);
        if let Some(p) = parts.get_mut(owner) {
            p.push((piece, span));
        }
    }
    let (mut columns, mut texts, mut spans) = (Vec::new(), Vec::new(), Vec::new());
    for (i, (word, under)) in first.iter().zip(&parts).enumerate() {
        let own = first_columns.get(i).cloned().unwrap_or_default();
        match under.split_first() {
            None => {
                columns.push(own);
                texts.push(String::new());
                spans.push(piece_span(s, word));
            }
            // One word below: the column is where either stands.
            Some(((text, at), [])) => {
                let above = piece_span(s, word);
                columns.push(own);
                texts.push(text.to_string());
                spans.push(above.start.min(at.start)..above.end.max(at.end));
            }
            // A merged cell: its parts are the columns.
            Some(((text, at), rest)) => {
                columns.push(own);
                texts.push(text.to_string());
                spans.push(at.clone());
                for (text, at) in rest {
                    columns.push(Vec::new());
                    texts.push(text.to_string());
                    spans.push(at.clone());
                }
            }
        }
    }
    (columns, texts, spans)
}

struct Line {
    range: Range<usize>,
    cells: Vec<Range<usize>>,
}

fn split_cells(text: &str, range: Range<usize>, delimiter: char, bordered: bool) -> Vec<Range<usize>> {
    let line = &text[range.clone()];
    let mut cells = Vec::new();
    let mut start = 0;
    let mut cut = |(i, bar): (usize, &str)| {
        cells.push(range.start + start..range.start + i);
        start = i + bar.len();
    };
    // A single delimiter is searched for as a byte, not a character at a time.
    if delimiter == '|' {
        line.match_indices(is_bar).for_each(&mut cut);
    } else {
        line.match_indices(delimiter).for_each(&mut cut);
    }
    cells.push(range.start + start..range.end);
    if delimiter == '|' {
        // `| a | b |` has an empty cell before the first and after the last
        // bar. Without a bar before the first cell a last bar ends an empty
        // cell (`a | b |`, the row's 备注 left blank), not a border. In a
        // table without borders, a bar first on a line ends an empty first cell.
        if bordered && line.trim_start().starts_with(is_bar) && !cells.is_empty() {
            cells.remove(0);
            if line.trim_end().ends_with(is_bar) && !cells.is_empty() {
                cells.pop();
            }
        }
    }
    cells
}

/// Whether `c` sets cells apart in a table delimited by `delimiter`: `|`
/// stands for every bar glyph ([`is_bar`]).
pub(crate) fn is_delimiter(delimiter: char, c: char) -> bool {
    if delimiter == '|' {
        is_bar(c)
    } else {
        c == delimiter
    }
}

/// A bar between the cells of a table drawn in text: `|`, its full-width
/// form, and the vertical lines of box drawing (`│┃║`, dashed `┆┊╎` …),
/// which text exports of ruled tables print. Tables are told by bars
/// whichever of them a document uses.
fn is_bar(c: char) -> bool {
    matches!(c, '|' | '｜' | '│' | '┃' | '║' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏')
}

/// Whether `s` may hold a bar ([`is_bar`]): `|`, or the first two bytes of
/// `｜` or of a box-drawing bar (E2 94, E2 95), found by one search each.
fn may_hold_bars(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr(b'|', b).is_some()
        || memchr::memmem::find(b, "｜".as_bytes()).is_some()
        || memchr::memmem::find(b, &[0xE2, 0x94]).is_some()
        || memchr::memmem::find(b, &[0xE2, 0x95]).is_some()
}

/// How many bars ([`is_bar`]) `line` holds. Every bar is `|` or begins with
/// the byte E2 or EF, so only characters that begin so are decoded: the
/// search runs over every line of every document.
fn bars_in(line: &str) -> usize {
    let bytes = line.as_bytes();
    let (mut count, mut from) = (0, 0);
    while let Some(k) = memchr::memchr3(b'|', 0xE2, 0xEF, &bytes[from..]) {
        // A byte found is `|` or a lead byte, never inside a character.
        let c = line[from + k..].chars().next().unwrap_or(' ');
        count += usize::from(is_bar(c));
        from += k + c.len_utf8();
    }
    count
}

/// A character of the box-drawing block: lines, corners, crossings.
fn is_box_drawing(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c)
}

/// A character of a table's drawn rules: `-=+:` of text tables and box drawing.
fn is_rule_char(c: char) -> bool {
    matches!(c, '-' | ':' | '=' | '+' | ' ' | '\t') || is_box_drawing(c)
}

fn is_separator_row(cells: &[&str]) -> bool {
    cells.iter().all(|c| c.trim().chars().all(is_rule_char))
}

/// A line that draws a rule of a table and holds nothing else: `+----+----+`,
/// `├────┼────┤`, `|----|----|`. At least three characters, so that a lone
/// `-` (an empty cell's mark) is not taken for one.
fn is_rule_line(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() >= 3
        && line.chars().all(|c| is_rule_char(c) || is_bar(c))
        && line.contains(|c: char| c == '-' || c == '=' || (is_box_drawing(c) && !is_bar(c)))
}

/// Header columns of a row, if it is a header: each cell's columns.
fn header_columns(cells: &[&str]) -> Option<Vec<Vec<Column>>> {
    // A header holds no long cell; body rows, which do, are passed over
    // before their cells are matched against every header word.
    if cells.iter().any(|c| c.chars().filter(|ch| !ch.is_whitespace()).count() > 24) {
        return None;
    }
    let mut per_cell: Vec<Vec<Column>> = cells.iter().map(|c| columns_in_header(c)).collect();
    if numbering_is_seq(&per_cell.concat()) {
        if let Some(at) = cells.iter().position(|c| compact(c) == NUMBERING_WORD) {
            per_cell[at] = vec![Column::Seq];
        }
    }
    let mut distinct: Vec<Column> = per_cell.iter().flatten().copied().collect();
    distinct.sort();
    distinct.dedup();
    (distinct.len() >= 3).then_some(per_cell)
}

/// A header cell that names no column the format knows but reads as a
/// header word (`实施对象`, `办理时限（工作日）`): its column is kept, under
/// this header, as one the format does not name.
fn other_header(cell: &str) -> Option<String> {
    let c = compact(cell);
    let n = c.chars().count();
    ((2..=20).contains(&n) && c.chars().any(crate::text::is_han) && !c.contains(['《', '》', '【', '】'])).then_some(c)
}

/// Gives each header cell that names no known column an extra column of
/// its own, its header recorded in `headers` (once per distinct header); a
/// cell naming a group of duties (直接实施责任) is a column of that group.
fn name_other_columns(per_cell: &mut [Vec<Column>], cells: &[&str], headers: &mut Vec<String>) {
    for (columns, cell) in per_cell.iter_mut().zip(cells) {
        if !columns.is_empty() {
            continue;
        }
        let column = if let Some(group) = duty_group_name(cell) {
            header_index(headers, group).map(Column::DutyGroup)
        } else {
            other_header(cell).and_then(|h| header_index(headers, h)).map(Column::Extra)
        };
        columns.extend(column);
    }
}

/// The name of a group of duties (`直接实施责任`, `指导监督责任`) that a
/// header cell is, if it is one.
fn duty_group_name(cell: &str) -> Option<String> {
    let c = compact(cell);
    let name = c.trim_end_matches([':', '：']);
    let n = name.chars().count();
    ((4..=12).contains(&n) && name.ends_with("责任") && name.chars().all(crate::text::is_han)).then(|| name.to_owned())
}

/// A header whose cells wrap over two lines (`子项地方权力编` over `码`):
/// `below`, the line under the header row `above`, goes on with its words
/// when every filled cell is a short run of Han characters, and with each
/// joined to the word above it a cell names a column it did not before, and
/// the header none fewer. Returns the joined header's columns per cell, and its
/// words.
fn wrapped_header(above: &[String], below: &[&str]) -> Option<(Vec<Vec<Column>>, Vec<String>)> {
    // Told from the cells as they stand, stopping at a seventh character:
    // the line under a header is mostly a body row of long cells, not worth copying.
    if below.len() > above.len()
        || below.iter().all(|c| c.chars().all(crate::text::is_white_space))
        || !below.iter().all(|c| is_word_end(c))
    {
        return None;
    }
    let pieces: Vec<String> = below.iter().map(|c| compact(c)).collect();
    let words: Vec<String> = above
        .iter()
        .enumerate()
        .map(|(i, a)| format!("{}{}", compact(a), pieces.get(i).map_or("", String::as_str)))
        .collect();
    // A cell may name another column once whole (`权力事项` / `类型`: an item,
    // then a type) where another cell names the first (`事项名称`).
    let (mut named_before, mut named_after) = (Vec::new(), Vec::new());
    let mut completes = false;
    for (a, w) in above.iter().zip(&words) {
        let (before, after) = (columns_in_header(a), columns_in_header(w));
        completes |= after.iter().any(|c| !before.contains(c));
        named_before.extend(before);
        named_after.extend(after);
    }
    if named_before.iter().any(|c| !named_after.contains(c)) {
        return None;
    }
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    completes.then(|| header_columns(&refs)).flatten().map(|per_cell| (per_cell, words))
}

/// A header's second row, if `cells` is one under `first_row`: every
/// non-empty cell a short header word. Returns the header per cell, each
/// cell of the second row naming the columns under the first row's. Under
/// 对应责任事项, the names of groups of duties are columns of those groups,
/// their names kept in `headers`.
fn second_header_row(first_row: &[Vec<Column>], cells: &[&str], headers: &mut Vec<String>) -> Option<Vec<Vec<Column>>> {
    let width = first_row.len().max(cells.len());
    // The first row's columns over each place: a merged cell's spread right, over the empty ones.
    let mut over: Vec<&[Column]> = Vec::with_capacity(width);
    for i in 0..width {
        let own = first_row.get(i).map_or(&[][..], Vec::as_slice);
        let spread = if own.is_empty() { over.last().copied().unwrap_or(&[]) } else { own };
        over.push(spread);
    }
    // Names are added only when the row is a header's second.
    let mut names = headers.clone();
    // Each cell of the second row: the columns it names, or None when empty.
    let mut below: Vec<Option<Vec<Column>>> = Vec::with_capacity(width);
    for (i, above) in over.iter().enumerate() {
        let cell = cells.get(i).map_or("", |c| c.trim());
        if cell.is_empty() {
            below.push(None);
            continue;
        }
        if let Some(name) = duty_group_name(cell).filter(|_| above.contains(&Column::Duties)) {
            below.push(Some(header_index(&mut names, name).map(Column::DutyGroup).into_iter().collect()));
            continue;
        }
        let named = columns_in_header(cell);
        if named.is_empty() || compact(cell).chars().count() > 12 {
            return None;
        }
        below.push(Some(named));
    }
    let named_below: Vec<Column> = below.iter().flatten().flatten().copied().collect();
    if named_below.is_empty() {
        return None;
    }
    *headers = names;
    // A column named below leaves the first row's merged cell that held it.
    let merged = below
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            b.unwrap_or_else(|| {
                let mut above = first_row.get(i).cloned().unwrap_or_default();
                above.retain(|c| !named_below.contains(c));
                above
            })
        })
        .collect();
    Some(merged)
}

/// Reads a delimited table. With `grid`, the text is a spreadsheet's
/// (see [`super::lay_out_grid`]): cells sit under the header cell of their
/// own position, and an item's rows are those up to the next row that
/// brings other item cells.
pub fn read(text: &Text, delimiter: char, grid: bool) -> Option<Laid> {
    let s = text.as_str();
    // A `|` table has borders when most of its lines open with a bar.
    let bordered = delimiter == '|' && {
        // Rule lines aside: a ruled table's rules open with a corner, not a bar.
        let barred = text.line_ranges().map(|r| s[r].trim()).filter(|l| l.contains(is_bar) && !is_rule_line(l));
        let (open, all) = barred.fold((0, 0), |(open, all), l| (open + usize::from(l.starts_with(is_bar)), all + 1));
        open * 2 > all
    };
    let lines: Vec<Line> = text
        .line_ranges()
        .map(|r| {
            let cells = if delimiter == ' ' {
                split_aligned(s, r.clone()).into_iter().map(|(c, _)| c).collect()
            } else {
                split_cells(s, r.clone(), delimiter, bordered)
            };
            Line { cells, range: r }
        })
        .collect();
    // The display columns each header word of an aligned table covers.
    let mut header_spans: Vec<Range<usize>> = Vec::new();
    // An aligned row's pieces go under the header cells they stand below.
    let row_cells = |line: &Line, spans: &[Range<usize>]| -> Vec<Range<usize>> {
        if delimiter == ' ' && !spans.is_empty() {
            slot_aligned(s, &split_aligned(s, line.range.clone()), spans)
        } else {
            line.cells.clone()
        }
    };
    let mut fragments = Vec::new();
    let mut records: Vec<Record> = Vec::new();
    let mut header: Option<Vec<Column>> = None;
    // Each header cell's column, when every header cell names one (or none): the grid's positions.
    let mut positions: Option<Vec<Option<Column>>> = None;
    let mut header_found = false;
    let mut extra_headers: Vec<String> = Vec::new();
    let mut first_table_line: Option<usize> = None;
    // Lines before the table that pages may repeat at their head: the title.
    let mut running_heads: Vec<String> = Vec::new();
    let mut section: Option<Text> = None;
    let mut table_rows: Vec<Vec<Range<usize>>> = Vec::new();
    // The note under a table being read, from its first line to its last.
    let mut note: Option<Range<usize>> = None;

    let flush = |rows: &mut Vec<Vec<Range<usize>>>,
                 header: &Option<Vec<Column>>,
                 positions: &Option<Vec<Option<Column>>>,
                 section: &Option<Text>,
                 records: &mut Vec<Record>,
                 fragments: &mut Vec<Fragment>| {
        if rows.is_empty() {
            return;
        }
        let (recs, unplaced) = match positions {
            Some(positions) => {
                let mut slots = positions.clone();
                adopt_synonyms(s, rows, &mut slots, false);
                grid_records(text, rows, &slots, section)
            }
            None => {
                let mut slots: Vec<Option<Column>> = header.iter().flatten().map(|&c| Some(c)).collect();
                adopt_synonyms(s, rows, &mut slots, true);
                let cols: Vec<Column> = slots.into_iter().flatten().collect();
                build_records(text, rows, &cols, section, delimiter == ' ')
            }
        };
        records.extend(recs);
        fragments.extend(unplaced);
        rows.clear();
    };

    // The header row just read, per cell, while the next row may be its second row.
    let mut open_header: Option<Vec<Vec<Column>>> = None;
    // The line of the header row just read.
    let mut header_line: Range<usize> = 0..0;
    // The columns of the table's header row (its first, if it has two), while the table goes on.
    let mut last_header_row: Option<Vec<Vec<Column>>> = None;
    // The header row just read, cell by cell, while its next line may go
    // on with its words (a header cell wrapped over two lines).
    let mut header_words: Option<Vec<String>> = None;
    // The last line read already with one before it (a header's wrapped second row).
    let mut skip_through: Option<usize> = None;
    'lines: for (idx, line) in lines.iter().enumerate() {
        if skip_through.is_some_and(|last| idx <= last) {
            continue;
        }
        let cell_texts: Vec<&str> = line.cells.iter().map(|r| &s[r.clone()]).collect();
        let trimmed = s[line.range.clone()].trim();
        if trimmed.is_empty() {
            continue;
        }
        // A table drawn in text rules its rows off (`+----+----+`, `├──┼──┤`).
        if delimiter == '|' && is_rule_line(trimmed) {
            fragments.push(Fragment {
                text: text.slice(text.trimmed_range(line.range.clone())),
                reason: SetAside::Furniture,
            });
            continue;
        }
        // A note under a table (`注：1.…`), and the one-cell lines that go on
        // with it, is the document's, not the last row's continuation.
        let one_cell = cell_texts.iter().filter(|c| !c.trim().is_empty()).count() <= 1;
        let has_rows = !table_rows.is_empty() || !records.is_empty();
        // The list's title again at the head of a page is furniture too.
        let furniture = is_page_furniture(trimmed)
            || (one_cell && first_table_line.is_some() && running_heads.contains(&compact(trimmed)));
        if one_cell && section_heading(trimmed).is_none() && !furniture {
            let starts = has_rows && starts_note(trimmed);
            match &mut note {
                Some(range) if !starts => {
                    range.end = line.range.end;
                    continue;
                }
                _ if starts => {
                    if let Some(range) = note.replace(line.range.clone()) {
                        fragments.push(Fragment {
                            text: text.slice(text.trimmed_range(range)),
                            reason: SetAside::TableNote,
                        });
                    }
                    continue;
                }
                _ => {}
            }
        }
        if let Some(range) = note.take() {
            fragments.push(Fragment { text: text.slice(text.trimmed_range(range)), reason: SetAside::TableNote });
        }
        if let Some(above) = header_words.take() {
            let below: Vec<&str> = if delimiter == ' ' {
                row_cells(line, &header_spans).into_iter().map(|r| &s[r]).collect()
            } else {
                cell_texts.clone()
            };
            if let Some((mut per_cell, words)) = wrapped_header(&above, &below) {
                let word_refs: Vec<&str> = words.iter().map(String::as_str).collect();
                name_other_columns(&mut per_cell, &word_refs, &mut extra_headers);
                // Its next line may go on with its words again (`权力` / `事项` / `类型`).
                header_words = Some(words);
                open_header = Some(per_cell.clone());
                positions = (grid && per_cell.iter().all(|c| c.len() <= 1))
                    .then(|| per_cell.iter().map(|c| c.first().copied()).collect());
                header = Some(per_cell.into_iter().flatten().collect());
                fragments.push(Fragment { text: text.slice(line.range.clone()), reason: SetAside::RepeatedHeader });
                continue;
            }
        }
        if let Some(first_row) = open_header.take() {
            // A header of two rows: a merged cell (`实施层级及权限`) over the
            // cells that name its parts (`层级`, `权限`). Its words may be
            // wrapped too (`指导监督责` / `任`): the row, with its next lines
            // joined, up to the first with which it reads as a second row.
            let first = (delimiter == ' ').then(|| split_aligned(s, header_line.clone()));
            let row_with = |next: &[Line]| -> Option<SecondRow> {
                if let Some(first) = &first {
                    let mut pieces = aligned_pieces(s, line.range.clone());
                    for next in next {
                        pieces = join_aligned_pieces(&pieces, &aligned_pieces(s, next.range.clone()))?;
                    }
                    return Some(aligned_second_header(s, first, &first_row, &pieces));
                }
                let mut cells: Vec<String> = cell_texts.iter().map(|c| c.to_string()).collect();
                for next in next {
                    let ends: Vec<&str> = next.cells.iter().map(|r| &s[r.clone()]).collect();
                    if ends.len() > cells.len() || !ends.iter().all(|c| is_word_end(c)) {
                        return None;
                    }
                    cells.iter_mut().zip(&ends).for_each(|(c, end)| c.push_str(end.trim()));
                }
                Some((first_row.clone(), cells, Vec::new()))
            };
            for wrapped in 0..=MAX_WRAPPED_HEADER_LINES.min(lines.len() - idx - 1) {
                let next = &lines[idx + 1..idx + 1 + wrapped];
                let Some((first_row, below, spans)) = row_with(next) else { break };
                let below: Vec<&str> = below.iter().map(String::as_str).collect();
                let Some(per_cell) = second_header_row(&first_row, &below, &mut extra_headers) else { continue };
                positions = grid.then(|| per_cell.iter().map(|c| c.first().copied()).collect());
                header = Some(per_cell.into_iter().flatten().collect());
                if delimiter == ' ' {
                    header_spans = spans;
                }
                for l in std::iter::once(line).chain(next) {
                    fragments.push(Fragment { text: text.slice(l.range.clone()), reason: SetAside::RepeatedHeader });
                }
                skip_through = Some(idx + wrapped);
                continue 'lines;
            }
        }
        if line.cells.len() >= 2 {
            if let Some(mut per_cell) = header_columns(&cell_texts) {
                header_words = Some(cell_texts.iter().map(|c| c.to_string()).collect());
                name_other_columns(&mut per_cell, &cell_texts, &mut extra_headers);
                open_header = Some(per_cell.clone());
                header_line = line.range.clone();
                // The same header again is the table going on over a page
                // break, perhaps in the middle of a row's wrapped cells.
                if last_header_row.as_ref() != Some(&per_cell) {
                    flush(&mut table_rows, &header, &positions, &section, &mut records, &mut fragments);
                    last_header_row = Some(per_cell.clone());
                }
                positions = (grid && per_cell.iter().all(|c| c.len() <= 1))
                    .then(|| per_cell.iter().map(|c| c.first().copied()).collect());
                let cols: Vec<Column> = per_cell.into_iter().flatten().collect();
                fragments.push(Fragment { text: text.slice(line.range.clone()), reason: SetAside::RepeatedHeader });
                first_table_line.get_or_insert(idx);
                header = Some(cols);
                header_found = true;
                if delimiter == ' ' {
                    header_spans = split_aligned(s, line.range.clone()).iter().map(|p| piece_span(s, p)).collect();
                }
                continue;
            }
            if is_separator_row(&cell_texts) {
                fragments.push(Fragment { text: text.slice(line.range.clone()), reason: SetAside::Furniture });
                continue;
            }
            let filled = cell_texts.iter().filter(|c| !c.trim().is_empty()).count();
            // A heading row of a table, its other cells empty (`一、行政许可\t\t\t`).
            let heading_row = filled == 1 && section_heading(trimmed).is_some();
            if filled >= 1 && !heading_row && (first_table_line.is_some() || line.cells.len() >= 3) {
                first_table_line.get_or_insert(idx);
                table_rows.push(row_cells(line, &header_spans));
                continue;
            }
        }
        if section_heading(trimmed).is_some() {
            // A heading opens a table when a header or rows follow it closely.
            let opens_table = lines[idx + 1..]
                .iter()
                .filter(|l| !s[l.range.clone()].trim().is_empty())
                .take(3)
                .any(|l| l.cells.len() >= 3);
            if first_table_line.is_some() || opens_table {
                flush(&mut table_rows, &header, &positions, &section, &mut records, &mut fragments);
                first_table_line.get_or_insert(idx);
                let heading = text.slice(text.trimmed_range(line.range.clone()));
                fragments.push(Fragment { text: heading.clone(), reason: SetAside::SectionHeading });
                section = Some(heading);
                continue;
            }
        }
        if first_table_line.is_none() {
            if one_cell && is_running_head_text(&compact(trimmed)) {
                running_heads.push(compact(trimmed));
            }
            continue; // preamble
        }
        if furniture {
            fragments.push(Fragment { text: text.slice(line.range.clone()), reason: SetAside::Furniture });
            continue;
        }
        // A one-cell line inside a table continues the last row's first non-empty column.
        table_rows.push(row_cells(line, &header_spans));
    }
    if let Some(range) = note.take() {
        fragments.push(Fragment { text: text.slice(text.trimmed_range(range)), reason: SetAside::TableNote });
    }
    flush(&mut table_rows, &header, &positions, &section, &mut records, &mut fragments);
    let first = first_table_line?;
    if records.is_empty() {
        return None;
    }
    let preamble_end = lines[first].range.start;
    Some(Laid {
        kind: LayoutKind::Delimited(delimiter),
        preamble: text.slice(0..preamble_end),
        records,
        fragments,
        header_found,
        extra_headers,
    })
}

/// Page numbers and running heads (`- 3 -`, `— 3 —`, `第 3 页`, `3/12`),
/// and a web page's footer lines (`版权所有：…`).
/// A bare number is not furniture: in a table it is as likely a 序号.
pub fn is_page_furniture(line: &str) -> bool {
    may_be_furniture(line) && is_furniture_text(&compact(line))
}

/// [`is_page_furniture`] of a line given as its text without white space.
pub fn is_compact_page_furniture(t: &str) -> bool {
    may_be_furniture(t) && is_furniture_text(t)
}

/// Whether a line (or its text without white space: the answer is the
/// same) may be furniture, told without copying it.
fn may_be_furniture(line: &str) -> bool {
    // Past 120 characters only a rule of dashes, digits and slashes can be
    // furniture: a long row of a table is not.
    if line.len() > FURNITURE_CHARS
        && line.chars().filter(|c| !c.is_whitespace()).nth(FURNITURE_CHARS).is_some()
        && !line.chars().all(|c| c.is_whitespace() || c.is_ascii_digit() || c == '/' || is_page_rule(c))
    {
        return false;
    }
    // Furniture is numbered or opens as a footer does: a line with neither a
    // digit nor a footer word's first character is not.
    line.chars().any(|c| c.is_ascii_digit() || FOOTER_INITIALS.contains(&c))
}

/// [`is_page_furniture`] of a line's text without white space.
fn is_furniture_text(t: &str) -> bool {
    if is_site_footer(t) {
        return true;
    }
    let digits = t.chars().filter(char::is_ascii_digit).count();
    if t.is_empty() || digits == 0 || digits > 8 {
        return false;
    }
    // A number between rules (`- 3 -`, `— 3 —`, `―3―`, `·3·`), as a page is numbered.
    let core = t.trim_matches(is_page_rule);
    if core.len() < t.len()
        && t.starts_with(is_page_rule)
        && t.ends_with(is_page_rule)
        && digits <= 4
        && core.chars().all(|c| c.is_ascii_digit())
    {
        return true;
    }
    // `第3页`, `第3页，共20页`, `共20页 第3页`: the words of a page count and its numbers.
    if core.contains('页') {
        return core.chars().count() <= 16
            && core.chars().all(|c| c.is_ascii_digit() || matches!(c, '第' | '页' | '共' | '，' | ',' | '、' | '/'));
    }
    // `3/20`.
    let fraction = core.chars().all(|c| c.is_ascii_digit() || c == '/')
        && core.matches('/').count() == 1
        && !core.starts_with('/')
        && !core.ends_with('/');
    fraction || (core.starts_with(['P', 'p']) && is_english_page_number(core))
}

/// `Page 3`, `Page 3 of 20` (white space left out), in any case.
fn is_english_page_number(t: &str) -> bool {
    let Some(rest) = t.get(..4).filter(|head| head.eq_ignore_ascii_case("page")).map(|_| &t[4..]) else {
        return false;
    };
    let number = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    match rest.split_once("of").or_else(|| rest.split_once("OF")) {
        Some((page, pages)) => number(page) && number(pages),
        None => number(rest),
    }
}

/// The most characters (white space left out) of a site's footer line.
const FURNITURE_CHARS: usize = 120;

/// A dash, bar or dot that rules off a page number (`- 3 -`, `—3—`,
/// `―3―`, `━3━`, `·3·`).
fn is_page_rule(c: char) -> bool {
    c == '-' || crate::text::is_dash_variant(c) || matches!(c, '―' | '─' | '━' | '·' | '•' | '・' | '‧')
}

/// A web site's footer line under a page's table: `版权所有：某市人民政府`,
/// `主办单位：…`, `网站标识码…`, an ICP or 公网安备 number.
fn is_site_footer(t: &str) -> bool {
    t.chars().nth(FURNITURE_CHARS).is_none()
        && (FOOTER_OPENINGS.iter().any(|w| t.starts_with(w)) || FOOTER_INSIDE.iter().any(|w| t.contains(w)))
}

/// The words a footer line opens with.
const FOOTER_OPENINGS: &[&str] = &[
    "版权所有",
    "Copyright",
    "copyright",
    "©",
    "主办单位",
    "主办：",
    "承办单位",
    "网站标识码",
    "技术支持",
    "网站地图",
];

/// Words a footer line holds anywhere.
const FOOTER_INSIDE: &[&str] = &["ICP备", "公网安备"];

/// The first character of each footer word: a line holding none of them
/// (nor a digit) is no furniture.
const FOOTER_INITIALS: &[char] = &['版', 'C', 'c', '©', '主', '承', '网', '技', 'I', '公'];

/// Level rank for detecting where a new item's tier rows begin.
fn level_rank(cell: &str) -> Option<u8> {
    let t = compact(cell);
    let first = t.chars().next()?;
    match first {
        '国' => Some(0),
        '省' => Some(1),
        '市' | '州' | '盟' | '地' | '设' => Some(2),
        '县' | '区' | '旗' => Some(3),
        '乡' | '镇' | '街' => Some(4),
        '村' | '社' => Some(5),
        _ => None,
    }
}

/// What cell `text` looks like, worked out once for scoring it in every
/// column; `None` for a blank cell, which fits every column alike.
fn cell_kinds(text: &str) -> Option<Kinds> {
    (!text.trim().is_empty()).then(|| Kinds::of(&Features::of(text)))
}

/// Score for a cell of these kinds in column `col`.
fn cell_score(kinds: &Option<Kinds>, col: Column) -> f32 {
    kinds.as_ref().map_or(0.0, |k| kind_score(col, k))
}

/// Cost of a header column that has no cell in a row.
const SKIP_COLUMN: f32 = 0.6;
/// What a cell gains in the column of its place, in a row cut under the
/// header's cells: much, though content that surely belongs elsewhere (a
/// header centred over its column) still wins.
const PLACE_BONUS: f32 = 2.0;

/// Aligns cells (by their score table) to the header's columns, monotone.
/// `scores[p][j]` is the score of cell `p` in header column `j`;
/// `extra[p]` the best column outside the header for cell `p` and its score.
/// With `by_place`, the row holds a cell for each header column in order.
/// Returns, for each cell, the column chosen (or `None` for no column) and
/// its place: `2i + 1` in header column `i`, `2i` between header columns
/// `i - 1` and `i`.
fn align(
    scores: &[Vec<f32>],
    header: &[Column],
    extra: &[Option<(Column, f32)>],
    nonempty: &[bool],
    by_place: bool,
) -> Vec<Option<(Column, usize)>> {
    let m = scores.len();
    let n = header.len();
    const NEG: f32 = f32::NEG_INFINITY;
    let mut dp = vec![vec![NEG; n + 1]; m + 1];
    let mut back = vec![vec![0u8; n + 1]; m + 1];
    dp[0][0] = 0.0;
    for p in 0..=m {
        for j in 0..=n {
            let cur = dp[p][j];
            if cur == NEG {
                continue;
            }
            // Rows hold a cell, maybe empty, for each column: a column with
            // no cell is a lost cell, which happens but costs.
            if j < n && cur - SKIP_COLUMN > dp[p][j + 1] {
                dp[p][j + 1] = cur - SKIP_COLUMN;
                back[p][j + 1] = 1; // skip a header column
            }
            if p < m {
                if j < n {
                    // The header's word counts for something; an empty cell holds a column's place.
                    let place = if by_place && p == j { PLACE_BONUS } else { 0.0 };
                    let v = cur + place + if nonempty[p] { scores[p][j] + 0.75 } else { 0.3 };
                    if v > dp[p + 1][j + 1] {
                        dp[p + 1][j + 1] = v;
                        back[p + 1][j + 1] = 2; // cell p in header column j
                    }
                }
                let own = if nonempty[p] { extra[p].map_or(-0.5, |(_, s)| (s - 1.0).max(-0.5)) } else { 0.0 };
                let v = cur + own;
                if v > dp[p + 1][j] {
                    dp[p + 1][j] = v;
                    back[p + 1][j] = 3; // cell p outside the header
                }
            }
        }
    }
    let mut out = vec![None; m];
    let (mut p, mut j) = (m, n);
    while p > 0 || j > 0 {
        match back[p][j] {
            1 => j -= 1,
            2 => {
                out[p - 1] = Some((header[j - 1], 2 * j - 1));
                p -= 1;
                j -= 1;
            }
            3 => {
                out[p - 1] = extra[p - 1].and_then(|(c, s)| (s >= 1.5).then_some((c, 2 * j)));
                p -= 1;
            }
            _ => break,
        }
    }
    out
}

/// A spreadsheet's rows: each cell under the header cell of its position.
/// A row starts a new item when it brings item cells (序号, 事项名称 …) other
/// than the current item's; rows with only per-tier cells, or that repeat
/// the item's cells unmerged, are its tier rows.
fn grid_records(
    text: &Text,
    rows: &[Vec<Range<usize>>],
    positions: &[Option<Column>],
    section: &Option<Text>,
) -> (Vec<Record>, Vec<Fragment>) {
    let mut records: Vec<Record> = Vec::new();
    let mut unplaced = Vec::new();
    for cells in rows {
        let mut row: Row = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            let range = text.trimmed_range(cell.clone());
            if range.is_empty() {
                continue;
            }
            match positions.get(i).copied().flatten() {
                Some(column) => row.push((column, text.slice(range))),
                None => unplaced.push(Fragment { text: text.slice(range), reason: SetAside::Unassigned }),
            }
        }
        let first = records.last().and_then(|r| r.rows.first());
        let same = |col: Column, t: &Text| {
            first.is_some_and(|f| f.iter().any(|(c, u)| *c == col && compact(u.as_str()) == compact(t.as_str())))
        };
        // Columns the format does not name may hold a tier's own value
        // (办理时限 per level): they neither start an item nor are dropped.
        let other = |c: &Column| matches!(c, Column::Extra(_));
        let item_cells: Vec<bool> =
            row.iter().filter(|(c, _)| !c.is_per_tier() && !other(c)).map(|(c, t)| same(*c, t)).collect();
        if records.is_empty() || item_cells.iter().any(|same| !same) {
            if !row.is_empty() {
                records.push(Record { section: section.clone(), rows: vec![row] });
            }
            continue;
        }
        // Item cells repeated on a tier row are the item's own, once.
        row.retain(|(c, t)| c.is_per_tier() || (other(c) && !same(*c, t)));
        if let Some(record) = records.last_mut() {
            if !row.is_empty() {
                record.rows.push(row);
            }
        }
    }
    (records, unplaced)
}

/// A column under a header word the format does not name whose cells
/// nearly all read surely as one of the format's columns the header lacks
/// is that column under a name not known as its synonym (a type, a code, a
/// citation, duties, liability, a department): it takes that column. `slots`
/// are the header's columns by cell position; with `exact`, only rows of as
/// many cells as the header say which cell stands under which.
fn adopt_synonyms(s: &str, rows: &[Vec<Range<usize>>], slots: &mut [Option<Column>], exact: bool) {
    /// A score this high is content that is surely of the column.
    const SURE: f32 = 2.0;
    for p in 0..slots.len() {
        if !matches!(slots[p], Some(Column::Extra(_))) {
            continue;
        }
        let named: Vec<Column> = slots.iter().flatten().copied().collect();
        // Numbers running 1, 2, 3 … down a column (under 编号, 排序) are the
        // 序号 a header without one lost; a count or a time limit does not run so.
        let numbers: Vec<Option<u32>> = rows
            .iter()
            .filter(|r| !exact || r.len() == slots.len())
            .filter_map(|r| r.get(p).map(|cell| s[cell.clone()].trim()))
            .filter(|t| !t.is_empty())
            .map(|t| (t.len() <= 5).then(|| t.parse::<u32>().ok()).flatten())
            .collect();
        if !named.contains(&Column::Seq) && runs_in_order(&numbers) {
            slots[p] = Some(Column::Seq);
            continue;
        }
        let mut filled = 0usize;
        let mut votes: Vec<(Column, usize)> = Vec::new();
        for row in rows.iter().filter(|r| !exact || r.len() == slots.len()) {
            let kinds = row.get(p).and_then(|cell| cell_kinds(&s[cell.clone()]));
            if kinds.is_none() {
                continue;
            }
            filled += 1;
            // A bare number is as likely a count or a time limit as a 序号.
            if let Some((c, _)) = best_extra(&kinds, &named).filter(|&(c, v)| v >= SURE && c != Column::Seq) {
                match votes.iter_mut().find(|(v, _)| *v == c) {
                    Some((_, n)) => *n += 1,
                    None => votes.push((c, 1)),
                }
            }
        }
        if let Some(&(column, n)) = votes.iter().max_by_key(|(_, n)| *n) {
            if n * 5 >= filled * 4 {
                slots[p] = Some(column);
            }
        }
    }
}

/// Whether a column's cells are all numbers that go up, nearly all by one:
/// a 序号 (a few may be missing).
fn runs_in_order(numbers: &[Option<u32>]) -> bool {
    let Some(values) = numbers.iter().copied().collect::<Option<Vec<u32>>>() else { return false };
    if values.len() < 2 {
        return false;
    }
    let steps: Vec<i64> = values.windows(2).map(|w| i64::from(w[1]) - i64::from(w[0])).collect();
    let by_one = steps.iter().filter(|&&d| d == 1).count();
    steps.iter().all(|&d| d > 0) && by_one * 5 >= steps.len() * 4
}

/// The column outside `header` that a cell of these kinds fits best, and how well.
fn best_extra(kinds: &Option<Kinds>, header: &[Column]) -> Option<(Column, f32)> {
    Column::ALL
        .iter()
        .filter(|c| !header.contains(c))
        .map(|&c| (c, cell_score(kinds, c)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

/// How surely a cell's line is the first of its cell: the first entry of a
/// numbered list (`1.`, `（一）`, `①`) or a liability preamble surely, a
/// citation's title or tag (`《`, `【`) likely.
fn first_line_weight(line: &str) -> f32 {
    let t = line.trim_start();
    let first_entry = ["1.", "1、", "1．", "（一）", "(一)", "一、", "①", "因不履行", "因不正确履行"];
    if first_entry.iter().any(|p| t.starts_with(p)) && !t.starts_with("1.0") {
        1.0
    } else if t.starts_with(['《', '【']) {
        0.5
    } else {
        0.0
    }
}

/// How well the lines between two items' anchor rows (the rows holding
/// their 序号) read when the first `split` go to the item above and the rest
/// to the item below: each column's first line below should open its cell,
/// and no column's lines may run on where the anchor row on their side has
/// none of that column (a cell centred in its row always crosses the
/// anchor row).
fn split_score(above: &PlacedRow, between: &[PlacedRow], below: &PlacedRow, split: usize) -> f32 {
    let has = |row: &PlacedRow, place: usize| row.places.contains(&place);
    let mut score = 0.0;
    let mut places: Vec<usize> = between.iter().chain([below]).flat_map(|r| r.places.iter().copied()).collect();
    places.sort_unstable();
    places.dedup();
    for place in places {
        let first_below = between[split..]
            .iter()
            .chain([below])
            .find_map(|r| r.places.iter().position(|&p| p == place).map(|k| r.cells[k].1.as_str()));
        score += first_below.map_or(0.0, first_line_weight);
        if between[split..].iter().any(|r| has(r, place)) && !has(below, place) {
            score -= 2.0;
        }
        if between[..split].iter().any(|r| has(r, place)) && !has(above, place) {
            score -= 2.0;
        }
    }
    score
}

/// What a blank line above a cut counts for, below a cell's first entry (1.0).
const BLANK_LINE_BONUS: f32 = 0.75;

/// The most lines between two anchor rows that are cut between their items.
const MAX_LINES_BETWEEN_ANCHORS: usize = 64;

/// Where each item starts, when the table centres its cells in their rows:
/// an item's single-line cells (its 序号, type, level) stand on its anchor
/// row, and its taller cells begin on lines above it, so the lines between
/// two anchor rows are the end of the item above and the start of the item
/// below. The table is taken as centred when, between most pairs of anchor
/// rows, the cells of the item below read as opening on lines above its
/// anchor row; each item then starts where they do, the number of lines
/// the item above printed over its own anchor row deciding between equals.
/// `None` when the table is not centred (its items start at their anchor
/// rows, or it has fewer than two).
fn centred_item_starts(rows: &[PlacedRow]) -> Option<Vec<usize>> {
    let anchors: Vec<usize> =
        (0..rows.len()).filter(|&i| rows[i].cells.iter().any(|(c, _)| *c == Column::Seq)).collect();
    let cuts = centred_cuts(rows, &anchors)?;
    (cuts.centred > 0 && cuts.centred >= 2 * cuts.top).then_some(cuts.starts)
}

/// Where the rows between anchor rows are best cut, if cells are centred
/// on their anchor rows, and how many pairs of anchors read as centred and
/// as top-aligned.
struct CentredCuts {
    /// The first row of each part: 0, then one cut between each pair of anchors.
    starts: Vec<usize>,
    centred: usize,
    top: usize,
}

/// Each cut's score between two anchor rows (see [`split_score`]), from
/// all lines to the part below to all to the part above; `None` when more
/// lines stand between them than any row has.
fn pair_scores(rows: &[PlacedRow], above: usize, below: usize) -> Option<Vec<f32>> {
    let between = &rows[above + 1..below];
    (between.len() <= MAX_LINES_BETWEEN_ANCHORS)
        .then(|| (0..=between.len()).map(|split| split_score(&rows[above], between, &rows[below], split)).collect())
}

/// The cut that reads better than every other by a whole point, if one does.
fn decisive_split(scores: &[f32]) -> Option<usize> {
    let best = (0..scores.len()).max_by(|&a, &b| scores[a].total_cmp(&scores[b]))?;
    scores.iter().enumerate().all(|(k, &v)| k == best || v + 1.0 <= scores[best]).then_some(best)
}

/// Whether the cuts that decide, between anchor rows, all leave nothing
/// under the anchor row above: a table whose cells stand at the foot of
/// their rows, its anchor rows each an item's last line.
fn cells_at_foot(scores: &[Option<Vec<f32>>]) -> bool {
    let decided: Vec<usize> =
        scores.iter().flatten().filter(|s| s.len() > 1).filter_map(|s| decisive_split(s)).collect();
    !decided.is_empty() && decided.iter().all(|&split| split == 0)
}

/// Cuts `rows` between each pair of `anchors` where the lines below read
/// best as opening the cells of the anchor row below (see
/// [`centred_item_starts`]). Between cuts that read alike, a table whose
/// cells stand at the foot of their rows (where the cuts that decide say
/// so, [`cells_at_foot`]) is cut under the anchor row above. `None` with
/// fewer than two anchors.
fn centred_cuts(rows: &[PlacedRow], anchors: &[usize]) -> Option<CentredCuts> {
    let pairs: Vec<Option<Vec<f32>>> = anchors.windows(2).map(|p| pair_scores(rows, p[0], p[1])).collect();
    let at_foot = cells_at_foot(&pairs);
    scored_cuts(rows, anchors, pairs, at_foot)
}

/// [`centred_cuts`] with each pair's cut scores ([`pair_scores`]) worked out.
fn scored_cuts(
    rows: &[PlacedRow],
    anchors: &[usize],
    pairs: Vec<Option<Vec<f32>>>,
    at_foot: bool,
) -> Option<CentredCuts> {
    if anchors.len() < 2 {
        return None;
    }
    let mut starts = vec![0];
    // Pairs whose lines read as cut above the anchor row below (centred),
    // and pairs whose anchor row below opens its cells (not centred).
    let (mut centred, mut top) = (0usize, 0usize);
    // Lines of the part above printed over its anchor row.
    let mut over_anchor = anchors[0];
    for (pair, scores) in anchors.windows(2).zip(pairs) {
        let (above, below) = (pair[0], pair[1]);
        let between = &rows[above + 1..below];
        // Each cut is scored over every line between: a run of lines longer
        // than any row's is no item's end and start, and is left whole.
        let Some(scores) = scores else {
            starts.push(below);
            over_anchor = 0;
            continue;
        };
        let all_above = scores[between.len()];
        let best_cut = scores[..between.len()].iter().copied().fold(f32::NEG_INFINITY, f32::max);
        // Anchor rows next to each other read alike either way: no vote.
        if !between.is_empty() && best_cut >= all_above + 1.0 {
            centred += 1;
        } else if !between.is_empty() && all_above > best_cut {
            top += 1;
        }
        // The best cut; between equals, the one that leaves the part above
        // as many lines under its anchor row as over it (or none, at the
        // foot). A blank line is where a row's border left a gap in the
        // text: it decides between cuts that read alike (cells that open
        // with no list marker), never against a cell's first entry, and
        // casts no vote on whether the table is centred (a top-aligned
        // table has one above each anchor row).
        let blank =
            |split: usize| if between.get(split).unwrap_or(&rows[below]).blank_before { BLANK_LINE_BONUS } else { 0.0 };
        let keeps = |kept: usize, other: usize| {
            if at_foot {
                kept <= other
            } else {
                kept.abs_diff(over_anchor) <= other.abs_diff(over_anchor)
            }
        };
        let split = (0..=between.len())
            .map(|split| (scores[split] + blank(split), split))
            .fold(None, |best: Option<(f32, usize)>, (v, split)| match best {
                Some((b, k)) if b > v || (b == v && keeps(k, split)) => Some((b, k)),
                _ => Some((v, split)),
            })
            .map_or(between.len(), |(_, split)| split);
        over_anchor = between.len() - split;
        starts.push(above + 1 + split);
    }
    Some(CentredCuts { starts, centred, top })
}

/// The rank of the level a row's level cells name, if one does.
fn named_level(row: &Row) -> Option<u8> {
    row.iter().filter(|(c, _)| *c == Column::Level).find_map(|(_, t)| level_rank(t.as_str()))
}

/// A level cell broken over lines (`县（市、` / `区）`, `设区的市` / `级`)
/// made one again, on the row of its first line: its next line's piece,
/// on the row below, would otherwise name a level of its own (`区）`,
/// `设区的` / `市级`) or open a tier with none (`级`). The piece is one when
/// the cell above goes on, or when the two are one level together and not
/// both one alone.
fn join_broken_levels(rows: &mut [PlacedRow]) {
    let level_at = |row: &PlacedRow| row.cells.iter().position(|(c, _)| *c == Column::Level);
    // The row holding the level cell the line above ended: that line's own,
    // or the one its piece joined (`设区` / `的市` / `级`).
    let mut holder: Option<(usize, usize)> = None;
    for i in 0..rows.len() {
        let (done, rest) = rows.split_at_mut(i);
        let below = &mut rest[0];
        let Some(b) = level_at(below) else {
            holder = None;
            continue;
        };
        if let Some((h, a)) = holder.filter(|_| !below.blank_before) {
            let above = &mut done[h];
            let (first, piece) = (compact(above.cells[a].1.as_str()), compact(below.cells[b].1.as_str()));
            let goes_on = level_goes_on(&first)
                || ((!is_level_text(&first) || !is_level_text(&piece)) && is_level_text(&(first + &piece)));
            if goes_on {
                let (_, piece) = below.cells.remove(b);
                below.places.remove(b);
                above.cells[a].1 = Text::joined_as_lines([&above.cells[a].1, &piece]);
                continue;
            }
        }
        holder = Some((i, b));
    }
}

/// Whether a column's cells are a tier's own (its level, scope and duties),
/// not the item's.
fn is_tier_column(c: Column) -> bool {
    matches!(c, Column::Level | Column::Scope | Column::Duties | Column::DutyGroup(_))
}

/// A tiered table whose cells are centred in their rows, read line by line,
/// as records of rows. Each tier's cells are centred on the line of its
/// level; an item's own cells (its name, code, citations) on its lines as a
/// whole, whether they span all its tiers or only its first. An item opens
/// at a level no lower than the one before (`省` after `县`). The lines
/// between two levels of one item are cut where the tier below's cells
/// open, counting the tiers' cells alone; between two items, where the
/// item below's cells open, counting them all. The rows back, as they came,
/// when the table does not read as centred (see [`centred_item_starts`]).
fn centred_tiered_records(rows: Vec<PlacedRow>) -> Result<Vec<Vec<Row>>, Vec<PlacedRow>> {
    let anchors: Vec<(usize, u8)> =
        rows.iter().enumerate().filter_map(|(i, r)| named_level(&r.cells).map(|k| (i, k))).collect();
    // A column the format does not name (办理时限) is a tier's own when
    // more levels' lines hold a cell of it than there are items.
    let items = 1 + anchors.windows(2).filter(|p| p[1].1 <= p[0].1).count();
    let mut on_levels: Vec<(Column, usize)> = Vec::new();
    for &(i, _) in &anchors {
        let mut seen: Vec<Column> =
            rows[i].cells.iter().map(|(c, _)| *c).filter(|c| matches!(c, Column::Extra(_))).collect();
        seen.sort_unstable();
        seen.dedup();
        for c in seen {
            match on_levels.iter_mut().find(|(d, _)| *d == c) {
                Some((_, n)) => *n += 1,
                None => on_levels.push((c, 1)),
            }
        }
    }
    let per_tier_extras: Vec<Column> = on_levels.into_iter().filter(|&(_, n)| n > items).map(|(c, _)| c).collect();
    let is_tiers = |c: Column| is_tier_column(c) || per_tier_extras.contains(&c);
    let tier_only = |r: &PlacedRow| {
        let (cells, places) =
            r.cells.iter().zip(&r.places).filter(|((c, _), _)| is_tiers(*c)).map(|(c, p)| (c.clone(), *p)).unzip();
        PlacedRow { cells, places, blank_before: r.blank_before }
    };
    let tiers: Vec<PlacedRow> = rows.iter().map(tier_only).collect();
    // Each pair of levels cut on its own: across items on whole lines, within one on the tiers' cells.
    let (mut centred, mut top) = (0, 0);
    let mut item_starts = vec![0];
    let mut tier_starts = Vec::new();
    let pair_rows = |pair: &[(usize, u8)]| if pair[1].1 <= pair[0].1 { &rows } else { &tiers };
    // Where the cuts that decide leave nothing under the level above, every cut does.
    let pairs: Vec<Option<Vec<f32>>> =
        anchors.windows(2).map(|pair| pair_scores(pair_rows(pair), pair[0].0, pair[1].0)).collect();
    let at_foot = cells_at_foot(&pairs);
    for (pair, scores) in anchors.windows(2).zip(pairs) {
        let ((above, _), (below, rank)) = (pair[0], pair[1]);
        let opens_item = rank <= pair[0].1;
        let Some(cuts) = scored_cuts(pair_rows(pair), &[above, below], vec![scores], at_foot) else {
            continue;
        };
        centred += cuts.centred;
        top += cuts.top;
        if opens_item {
            item_starts.push(cuts.starts[1]);
        } else {
            tier_starts.push(cuts.starts[1]);
        }
    }
    if !(centred > 0 && centred >= 2 * top) {
        return Err(rows);
    }
    item_starts.push(rows.len());
    let mut records = Vec::new();
    let mut rows = rows.into_iter().enumerate().peekable();
    for item in item_starts.windows(2) {
        let (start, end) = (item[0], item[1]);
        // The item's parts: its first (its own cells and its first tier's), then one per further tier.
        let cuts: Vec<usize> = tier_starts.iter().copied().filter(|&t| t > start && t < end).collect();
        let mut parts: Vec<Vec<PlacedRow>> = (0..=cuts.len()).map(|_| Vec::new()).collect();
        while let Some((line, row)) = rows.next_if(|(line, _)| *line < end) {
            let tier = cuts.iter().filter(|&&t| t <= line).count();
            let (mut own, mut tier_cells) = (PlacedRow::default(), PlacedRow::default());
            for (cell, place) in row.cells.into_iter().zip(row.places) {
                let part = if tier == 0 || !is_tiers(cell.0) { &mut own } else { &mut tier_cells };
                part.cells.push(cell);
                part.places.push(place);
            }
            parts[0].push(own);
            parts[tier].push(tier_cells);
        }
        records.push(parts.into_iter().flat_map(fold_wrapped_lines).collect());
    }
    Ok(records)
}

/// An item's rows read line by line under the header: each column's lines
/// joined into one cell, the cells in the order of their places. A line
/// that names a level again opens a row of its own, the item's next tier.
fn fold_wrapped_lines(rows: Vec<PlacedRow>) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    let mut open: Vec<(usize, Column, Text)> = Vec::new();
    let close = |open: &mut Vec<(usize, Column, Text)>, out: &mut Vec<Row>| {
        open.sort_by_key(|(place, _, _)| *place);
        if !open.is_empty() {
            out.push(open.drain(..).map(|(_, c, t)| (c, t)).collect());
        }
    };
    for row in rows {
        let opens_tier = named_level(&row.cells).is_some() && open.iter().any(|(_, c, _)| *c == Column::Level);
        if opens_tier {
            close(&mut open, &mut out);
        }
        for ((column, cell), place) in row.cells.into_iter().zip(row.places) {
            match open.iter_mut().find(|(p, c, _)| *p == place && *c == column) {
                Some((_, _, t)) => *t = Text::joined_as_lines([&*t, &cell]),
                None => open.push((place, column, cell)),
            }
        }
    }
    close(&mut open, &mut out);
    out
}

/// Whether two code cells start alike, as two codes of one list do: their
/// first six characters (all of the shorter's, when shorter) agree.
fn starts_alike(a: &str, b: &str) -> bool {
    let (a, b) = (compact(a), compact(b));
    let n = a.chars().count().min(b.chars().count()).min(6);
    n > 0 && a.chars().take(n).eq(b.chars().take(n))
}

/// Whether a row holds a type cell naming a whole type (`行政处罚`, not the
/// `处罚` a narrow cell wraps to).
fn has_whole_type(row: &Row) -> bool {
    row.iter().any(|(c, t)| *c == Column::Type && is_type_name(&compact(t.as_str())))
}

/// A row's cells in their columns, and each cell's place in the row (see
/// [`align`]), which tells two columns of one name apart.
#[derive(Default)]
struct PlacedRow {
    cells: Row,
    places: Vec<usize>,
    /// A blank line stands above the row's line: where a document leaves
    /// one between rows and none inside them, a row starts here.
    blank_before: bool,
}

/// What each cell of a row scores in each header column, and outside the
/// header, worked out once whether or not places then count.
struct RowScores {
    scores: Vec<Vec<f32>>,
    extra: Vec<Option<(Column, f32)>>,
    nonempty: Vec<bool>,
}

impl RowScores {
    fn of(s: &str, row: &[Range<usize>], known: &[Column]) -> RowScores {
        let kinds: Vec<Option<Kinds>> = row.iter().map(|cell| cell_kinds(&s[cell.clone()])).collect();
        // Nothing is known of what a column the format does not name holds,
        // so a cell's place under its header counts for it, against all but
        // content surely of another column (a code, a type).
        let score = |k: &Option<Kinds>, c: Column| match c {
            Column::Extra(_) if k.is_some() => 1.0,
            // A group's duties (指导、监督下级…) read less surely as duties
            // than the group's name says they are.
            Column::DutyGroup(_) if k.is_some() => cell_score(k, c).max(1.0),
            c => cell_score(k, c),
        };
        RowScores {
            scores: kinds.iter().map(|k| known.iter().map(|&c| score(k, c)).collect()).collect(),
            extra: kinds.iter().map(|k| best_extra(k, known)).collect(),
            nonempty: row.iter().map(|cell| !s[cell.clone()].trim().is_empty()).collect(),
        }
    }
}

/// Each row's cells placed in the header's columns (empty cells left
/// out), and the cells that fit none. Each row is aligned on its own: rows
/// of one table differ in how many cells they hold (a lost or merged cell
/// shifts the rest), and their content is what says where each cell
/// belongs. With `by_place`, a row of as many cells as the header's stands
/// under it, and a cell's place counts for much.
fn map_rows(
    text: &Text,
    rows: &[Vec<Range<usize>>],
    scored: &[RowScores],
    known: &[Column],
    by_place: bool,
) -> (Vec<PlacedRow>, Vec<Fragment>) {
    let s = text.as_str();
    let mut unplaced = Vec::new();
    let mapped = rows
        .iter()
        .zip(scored)
        .map(|(r, sc)| {
            let map = align(&sc.scores, known, &sc.extra, &sc.nonempty, by_place && r.len() == known.len());
            let mut row = PlacedRow { blank_before: blank_line_before(s, r), ..PlacedRow::default() };
            for (cell, col) in r.iter().zip(map) {
                if s[cell.clone()].trim().is_empty() {
                    continue;
                }
                match col {
                    Some((c, place)) => {
                        row.cells.push((c, text.slice(cell.clone())));
                        row.places.push(place);
                    }
                    None => unplaced.push(Fragment {
                        text: text.slice(text.trimmed_range(cell.clone())),
                        reason: SetAside::Unassigned,
                    }),
                }
            }
            row
        })
        .collect();
    (mapped, unplaced)
}

/// Whether the line a row's cells stand on has a blank line (or a page
/// break) above it.
fn blank_line_before(s: &str, row: &[Range<usize>]) -> bool {
    let Some(start) = row.iter().filter(|c| !s[(*c).clone()].trim().is_empty()).map(|c| c.start).min() else {
        return false;
    };
    let line_start = s[..start].rfind('\n').map_or(0, |i| i + 1);
    let above = &s[..line_start.saturating_sub(1)];
    let prev_line = &above[above.rfind('\n').map_or(0, |i| i + 1)..];
    line_start > 0 && prev_line.trim().is_empty()
}

/// Whether a table's full rows (as many cells as the header, three or more
/// of them filled) stand under the header as their content allows: in four
/// in five filled cells or more, the content scores in the column of the
/// cell's place within [`PLACE_BONUS`] of its best column, so that counting
/// the place would not overrule it. A wrapped cell's next lines are
/// fragments whose best column by content alone is often wrong (`001` under
/// a code, `行政处罚的；` ending a liability), but seldom surely so; a table
/// whose cells were shifted by a lost or merged cell puts whole cells under
/// other columns' headers.
fn rows_keep_their_places(rows: &[Vec<Range<usize>>], scored: &[RowScores], known: &[Column], s: &str) -> bool {
    let (mut at_home, mut filled) = (0usize, 0usize);
    for (r, sc) in rows.iter().zip(scored) {
        let cells: Vec<&str> = r.iter().map(|c| s[c.clone()].trim()).collect();
        if r.len() != known.len() || cells.iter().filter(|c| !c.is_empty()).count() < 3 {
            continue;
        }
        for (p, scores) in sc.scores.iter().enumerate().filter(|(p, _)| !cells[*p].is_empty()) {
            let best = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            filled += 1;
            at_home += usize::from(scores[p] >= best - PLACE_BONUS);
        }
    }
    filled >= 6 && at_home * 5 >= filled * 4
}

/// Maps a table's rows to columns and groups them into records.
fn build_records(
    text: &Text,
    rows: &[Vec<Range<usize>>],
    header: &[Column],
    section: &Option<Text>,
    slotted: bool,
) -> (Vec<Record>, Vec<Fragment>) {
    let s = text.as_str();
    let known: Vec<Column> = header.to_vec();
    // Space-aligned rows were cut under the header cells they stand below,
    // so a cell's place counts for much. Tab-separated rows may have lost or
    // merged a cell, which shifts the rest: their places count only where
    // the table's full rows stand where the header says, and then they
    // decide where a wrapped cell's next lines go.
    let scored: Vec<RowScores> = rows.iter().map(|r| RowScores::of(s, r, &known)).collect();
    let (by_place, (mut mapped, unplaced)) = if slotted {
        (true, map_rows(text, rows, &scored, &known, true))
    } else {
        let by_place = rows_keep_their_places(rows, &scored, &known, s);
        (by_place, map_rows(text, rows, &scored, &known, by_place))
    };
    join_broken_levels(&mut mapped);
    let level_rows = mapped.iter().filter(|r| named_level(&r.cells).is_some()).count();
    let seq_rows = mapped.iter().filter(|r| r.cells.iter().any(|(c, _)| *c == Column::Seq)).count();
    let tiered = level_rows >= 2 && level_rows * 2 > seq_rows * 3;

    // Each record's rows, with their cells' places.
    let mut records: Vec<Vec<PlacedRow>> = Vec::new();
    let mut last_rank: Option<u8> = None;
    let mapped: Vec<PlacedRow> = mapped.into_iter().filter(|r| !r.cells.is_empty()).collect();
    // A table centred in its rows is cut at the items' starts; any other,
    // row by row, by what each row brings.
    let mut rest = mapped;
    // Where lines are rows, each tier's level stands on a line of its own:
    // one more level than items already makes tiers, if cells are centred.
    if by_place && level_rows >= 2 && level_rows > seq_rows {
        match centred_tiered_records(rest) {
            Ok(records) => {
                let records = records.into_iter().map(|rows| Record { section: section.clone(), rows }).collect();
                return (records, unplaced);
            }
            Err(rows) => rest = rows,
        }
    }
    if let Some(starts) = if by_place && !tiered { centred_item_starts(&rest) } else { None } {
        for &start in starts.iter().skip(1).rev() {
            records.push(rest.split_off(start));
        }
        records.push(std::mem::take(&mut rest));
        records.reverse();
    }
    for placed in rest {
        let row = &placed.cells;
        if row.is_empty() {
            continue;
        }
        let rank = row.iter().find(|(c, _)| *c == Column::Level).and_then(|(_, t)| level_rank(t.as_str()));
        let has = |col: Column| row.iter().any(|(c, _)| *c == col);
        let current_has =
            |col: Column| records.last().is_some_and(|r| r.iter().any(|row| row.cells.iter().any(|(c, _)| *c == col)));
        let first_of = |col: Column| {
            records.last().and_then(|r| r.iter().flat_map(|row| &row.cells).find(|(c, _)| *c == col)).map(|(_, t)| t)
        };
        let cell_of = |col: Column| row.iter().find(|(c, _)| *c == col).map(|(_, t)| t);
        // Where lines are rows, a code's next piece is a line of the code
        // above, not a code of its own: a code of a list starts as its
        // neighbours' do (the issuer's prefix), a piece does not.
        let continues_code = |col: Column| {
            by_place
                && cell_of(col)
                    .zip(first_of(col))
                    .is_some_and(|(piece, first)| !starts_alike(piece.as_str(), first.as_str()))
        };
        // A sub-item's name wrapped over lines: a line of the name that
        // brings no code of its own (none, or a piece of the code above),
        // where the table has sub-item codes.
        let wraps_sub_item =
            || known.contains(&Column::SubCode) && (!has(Column::SubCode) || continues_code(Column::SubCode));
        // Lines above a table's first 序号 where lines are rows: the upper
        // lines of that item's cells, centred or set at the foot of its
        // rows (a table of one item casts no vote on that), unless they
        // bring an item of their own, its code alike the one below.
        let upper_lines_of_first_item = by_place
            && records.len() == 1
            && has(Column::Seq)
            && !current_has(Column::Seq)
            && !cell_of(Column::Code)
                .zip(first_of(Column::Code))
                .is_some_and(|(code, above)| starts_alike(code.as_str(), above.as_str()));
        let new_record = match records.last() {
            None => true,
            Some(_) if tiered => match (rank, last_rank) {
                (Some(r), Some(l)) => r <= l,
                _ => false,
            },
            Some(_) if upper_lines_of_first_item => false,
            Some(_) => {
                (has(Column::Seq) && current_has(Column::Seq))
                    // The next sub-item (子项) of the same item, its item cells merged above it.
                    || (has(Column::SubCode) && current_has(Column::SubCode) && !continues_code(Column::SubCode))
                    || (has(Column::SubItem)
                        && current_has(Column::SubItem)
                        && !has(Column::Item)
                        && !(by_place && wraps_sub_item()))
                    // An item after a sub-item row.
                    || (has(Column::Item)
                        && (has(Column::Seq) || has(Column::Code))
                        && !current_has(Column::Item)
                        && (current_has(Column::SubItem) || current_has(Column::SubCode)))
                    // An item without a 序号 in a list whose items have one
                    // brings its type: a code's and a name's next lines alone
                    // are the wrapped cells of the item above.
                    || (has(Column::Code)
                        && current_has(Column::Code)
                        && has(Column::Item)
                        && (!current_has(Column::Seq) || has_whole_type(row)))
                    || (!current_has(Column::Seq) && has(Column::Seq) && current_has(Column::Item) && has(Column::Item))
            }
        };
        if rank.is_some() {
            last_rank = rank;
        }
        if new_record {
            records.push(vec![placed]);
        } else if let Some(r) = records.last_mut() {
            r.push(placed);
        }
    }
    let records = records
        .into_iter()
        .map(|rows| Record {
            section: section.clone(),
            // Rows cut line by line under the header are an item's cells
            // wrapped over lines: each column's lines are one cell again.
            rows: if by_place && !tiered {
                fold_wrapped_lines(rows)
            } else {
                rows.into_iter().map(|r| r.cells).collect()
            },
        })
        .collect();
    (records, unplaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_footer_word_begins_with_a_footer_initial() {
        for word in FOOTER_OPENINGS.iter().chain(FOOTER_INSIDE) {
            let first = word.chars().next().unwrap();
            assert!(FOOTER_INITIALS.contains(&first), "{word}");
        }
        assert!(is_page_furniture("版 权 所 有：某市人民政府"));
        assert!(is_page_furniture("— 3 —"));
        assert!(!is_page_furniture("对医疗保险经办机构的处罚"));
    }

    #[test]
    fn a_line_is_furniture_as_its_text_without_white_space_is() {
        let long_rule = format!("{} 3 {}", "-".repeat(70), "-".repeat(70));
        let long_row = format!("1 {}", "对医疗保险经办机构的处罚 ".repeat(12));
        for line in [
            "— 3 —",
            "- 12 -",
            "第 3 页，共 20 页",
            "3 / 20",
            "Page 3 of 20",
            "版 权 所 有：某市人民政府",
            "主办单位：某市人民政府办公室",
            "对医疗保险经办机构的处罚",
            "1. 依法受理",
            "3700000 236009",
            "",
            long_rule.as_str(),
            long_row.as_str(),
        ] {
            assert_eq!(is_compact_page_furniture(&compact(line)), is_page_furniture(line), "{line}");
        }
        assert!(is_compact_page_furniture(&compact(&long_rule)) && !is_page_furniture(&long_row));
    }

    #[test]
    fn a_line_without_a_tab_or_two_spaces_is_one_aligned_cell() {
        for line in ["对 医 疗 保", " a b c ", "社会保险 法 第 八 条", "x", " ", ""] {
            assert!(split_aligned(line, 0..line.len()).len() <= 1, "{line:?}");
        }
        for line in ["a  b  c", "a\tb\tc", "a \tb  c"] {
            assert_eq!(split_aligned(line, 0..line.len()).len(), 3, "{line:?}");
        }
    }

    fn read_str(s: &str) -> Laid {
        let t = Text::from_source(s);
        read(&t, detect(&t).unwrap(), false).unwrap()
    }

    #[test]
    fn numbering_is_the_seq_where_the_code_has_a_column_of_its_own() {
        let laid = read_str("编号\t事项名称\t事项编码\t事项类型\n1\t对骗保的处罚\t3700000236009\t行政处罚\n2\t封存资料\t3700000336001\t行政强制\n");
        let r = &laid.records[1];
        assert_eq!(r.cells(Column::Seq).next().unwrap().as_str(), "2");
        assert_eq!(r.cells(Column::Code).next().unwrap().as_str(), "3700000336001");
        // Without a code's column it may be the code: a column of its own, as printed.
        let laid = read_str("编号\t事项名称\t事项类型\t实施依据\nXK-001\t甲的许可\t行政许可\t《某法》第一条\nCF-002\t乙的处罚\t行政处罚\t《某法》第二条\n");
        assert!(laid.records[0].cells(Column::Seq).next().is_none());
        assert_eq!(laid.extra_headers, ["编号"]);
    }

    #[test]
    fn other_columns_in_a_grid_keep_a_tiers_own_cell_and_start_no_item() {
        let t = Text::from_source(
            "序号\t事项名称\t事项编码\t实施层级\t办理时限\t实施对象\n1\t甲\t3700000236001\t市\t5日\t公民\n\t\t\t县\t3日\t公民\n2\t乙\t3700000236002\t市\t1日\t法人\n",
        );
        let laid = read(&t, '\t', true).unwrap();
        assert_eq!(laid.extra_headers, ["办理时限", "实施对象"]);
        assert_eq!(laid.records.len(), 2);
        let first = &laid.records[0];
        assert_eq!(first.rows.len(), 2);
        // The tier's own 办理时限 stays; the repeated 实施对象 is the item's, once.
        let second_row: Vec<(Column, &str)> = first.rows[1].iter().map(|(c, t)| (*c, t.as_str())).collect();
        assert_eq!(second_row, [(Column::Level, "县"), (Column::Extra(0), "3日")]);
    }

    #[test]
    fn a_header_word_the_format_does_not_name_is_an_extra_column_only_in_a_header() {
        assert_eq!(other_header("办理时限（工作日）").as_deref(), Some("办理时限（工作日）"));
        assert_eq!(other_header(" 实施 对象 ").as_deref(), Some("实施对象"));
        for not in ["", "1", "AB", "《社会保险法》", "一二三四五六七八九十一二三四五六七八九十一"]
        {
            assert_eq!(other_header(not), None, "{not}");
        }
        let laid = read_str("序号\t事项名称\t事项编码\t咨询电话\n1\t甲\t3700000236001\t0938-1234567\n");
        assert_eq!(laid.extra_headers, ["咨询电话"]);
        assert_eq!(laid.records[0].cells(Column::Extra(0)).next().unwrap().as_str(), "0938-1234567");
    }

    #[test]
    fn a_column_under_an_unknown_name_whose_cells_are_surely_of_one_column_is_that_column() {
        // 职权性质 is no known header, but its cells are types; 服务对象 stays a column of its own.
        let laid = read_str(
            "序号\t事项名称\t职权性质\t编码\t服务对象\n1\t对甲的处罚\t行政处罚\t3700000236001\t公民\n2\t乙的许可\t行政许可\t3700000101002\t法人\n",
        );
        assert_eq!(laid.records.len(), 2);
        let cell = |r: &Record, c: Column| r.cells(c).next().map(|t| t.as_str().to_owned());
        assert_eq!(cell(&laid.records[0], Column::Type).as_deref(), Some("行政处罚"));
        assert_eq!(cell(&laid.records[1], Column::Type).as_deref(), Some("行政许可"));
        assert_eq!(cell(&laid.records[1], Column::Extra(1)).as_deref(), Some("法人"));
        // A time limit of bare numbers is not taken for a 序号.
        let laid = read_str("事项名称\t事项编码\t事项类型\t办结天数\n甲的处罚\t3700000236001\t行政处罚\t20\n乙的许可\t3700000101002\t行政许可\t15\n");
        assert!(laid.records.iter().all(|r| !r.has(Column::Seq)));
        assert_eq!(cell(&laid.records[0], Column::Extra(0)).as_deref(), Some("20"));
        // Numbers running 1, 2, 3 under a name not known as 序号's are the 序号.
        let laid = read_str("编号\t事项名称\t事项编码\t事项类型\n1\t甲的处罚\t3700000236001\t行政处罚\n2\t乙的许可\t3700000101002\t行政许可\n");
        assert_eq!(cell(&laid.records[1], Column::Seq).as_deref(), Some("2"));
        assert!(laid.records.iter().all(|r| !r.has(Column::Extra(0))));
    }

    #[test]
    fn numbers_run_in_order_when_they_go_up_nearly_all_by_one() {
        let run = |v: &[u32]| runs_in_order(&v.iter().map(|&n| Some(n)).collect::<Vec<_>>());
        assert!(run(&[1, 2, 3, 4, 5]));
        assert!(run(&[4160, 4161, 4162, 4163, 4164, 4166]));
        assert!(!run(&[20, 15, 30]));
        assert!(!run(&[1, 1, 2]));
        assert!(!run(&[1, 5, 9, 13]));
        assert!(!run(&[7]));
        assert!(!runs_in_order(&[Some(1), None, Some(3)]));
    }

    #[test]
    fn every_bar_begins_with_a_byte_bars_in_looks_for() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|&c| is_bar(c)) {
            assert!(matches!(c.to_string().as_bytes()[0], b'|' | 0xE2 | 0xEF), "U+{:04X}", c as u32);
        }
        assert_eq!(bars_in("│序号│事项名称｜编码|“类型”，（甲）┼─"), 4);
        assert_eq!(bars_in("对违法行为的处罚，“责令改正”。"), 0);
    }

    #[test]
    fn a_text_without_a_bar_is_known_by_its_bytes() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|&c| is_bar(c)) {
            assert!(may_hold_bars(&format!("对违法行为{c}的处罚")), "U+{:04X}", c as u32);
        }
        assert!(!may_hold_bars("对违法行为的处罚，“责令改正”……——（甲）"));
    }

    #[test]
    fn bars_of_every_glyph_split_cells_and_rules_are_told_from_rows() {
        for line in ["│1│甲的处罚│县级│", "｜1｜甲的处罚｜县级｜", "┃1┃甲的处罚║县级┃", "|1|甲的处罚|县级|"]
        {
            let cells: Vec<&str> = split_cells(line, 0..line.len(), '|', true).into_iter().map(|r| &line[r]).collect();
            assert_eq!(cells, ["1", "甲的处罚", "县级"], "{line}");
        }
        // Tab-separated text keeps its bars as text.
        let tabbed = "1\t甲｜乙\t县级";
        assert_eq!(split_cells(tabbed, 0..tabbed.len(), '\t', false).len(), 3);
        for rule in ["┌────┬────┐", "├──┼──┤", "└─┴─┘", "+----+----+", "|---|:--:|", "+====+====+", "╞══╪══╡", "---"]
        {
            assert!(is_rule_line(rule), "{rule}");
        }
        // A lone mark of an empty cell, an empty row and a row of text are no rules.
        for line in ["-", "--", "| | |", "│ │ │", "│1│-│", "+", "a-b-c"] {
            assert!(!is_rule_line(line), "{line}");
        }
    }

    #[test]
    fn a_table_drawn_in_box_characters_reads_as_its_tab_separated_print() {
        let tabbed = "序号\t事项名称\t事项编码\t事项类型\n1\t对违法行为的处罚\t3700000236009\t行政处罚\n";
        let drawn = "┌──┬────────┬─────────────┬────────┐\n│序号│事项名称│事项编码│事项类型│\n├──┼────────┼─────────────┼────────┤\n│1 │对违法行为的处罚│3700000236009│行政处罚│\n└──┴────────┴─────────────┴────────┘\n";
        let text = Text::from_source(drawn);
        assert_eq!(detect(&text), Some('|'));
        let (a, b) = (read_str(tabbed), read_str(drawn));
        let cells = |l: &Laid| -> Vec<(Column, String)> {
            l.records
                .iter()
                .flat_map(|r| r.rows.iter().flatten())
                .map(|(c, t)| (*c, t.as_str().trim().to_owned()))
                .collect()
        };
        assert_eq!(cells(&a), cells(&b));
        let rules = b.fragments.iter().filter(|f| f.reason == SetAside::Furniture).count();
        assert_eq!(rules, 3);
    }

    #[test]
    fn a_last_bar_without_a_first_ends_an_empty_cell() {
        let s =
            "序号|事项名称|事项编码|追责情形|备注\n1|甲的处罚|3700000236001|1.没有法律和事实依据实施行政处罚的；|\n";
        let t = Text::from_source(s);
        let row = split_cells(s, t.line_ranges().nth(1).unwrap(), '|', false);
        assert_eq!(row.len(), 5);
        assert_eq!(&s[row[4].clone()], "");
        let bordered = "| 1 | 甲 |";
        assert_eq!(split_cells(bordered, 0..bordered.len(), '|', true).len(), 2);
        // Without borders, a bar first on the line ends an empty first cell.
        let open = " | 甲 | ";
        assert_eq!(split_cells(open, 0..open.len(), '|', false).len(), 3);
        let laid = read_str(s);
        let liability: Vec<&str> = laid.records[0].cells(Column::Liability).map(|t| t.as_str()).collect();
        assert_eq!(liability, ["1.没有法律和事实依据实施行政处罚的；"]);
        assert!(!laid.records[0].has(Column::Remarks));
    }

    #[test]
    fn grid_rows_repeating_the_item_cells_are_its_tiers() {
        let t = Text::from_source(
            "序号\t事项名称\t事项编码\t实施层级\t责任事项\n1\t甲\t3700000236001\t市\t受理。\n1\t甲\t3700000236001\t县\t审查。\n2\t乙\t3700000236002\t市\t检查。\n",
        );
        let laid = read(&t, '\t', true).unwrap();
        assert_eq!(laid.records.len(), 2);
        let first = &laid.records[0];
        assert_eq!(first.rows.len(), 2);
        assert_eq!(first.cells(Column::Item).count(), 1, "the repeated name is kept once");
        assert_eq!(first.cells(Column::Level).map(|t| t.as_str()).collect::<Vec<_>>(), ["市", "县"]);
        // A cell under a header cell that names no column is set aside, not guessed.
        let t = Text::from_source("序号\t事项名称\t事项编码\t事项类型\t\n1\t甲\t3700000236001\t行政处罚\t旁注\n");
        let laid = read(&t, '\t', true).unwrap();
        assert!(laid.fragments.iter().any(|f| f.reason == SetAside::Unassigned && f.text.as_str() == "旁注"));
    }

    #[test]
    fn a_tab_separated_table_wrapped_line_by_line_keeps_each_line_in_its_column() {
        // The department's next line ends in 所, as a department does; the
        // code's next line is a short number, as a 序号 is; the citation's
        // last line stands alone. Each stays in the column of its place.
        let laid = read_str(concat!(
            "序号\t事项编码\t事项名称\t事项类型\t实施依据\t实施主体\n",
            "1\t33021600\t对擅自占用公\t行政处罚\t《中华人民共和国公路法》\t县交通运输\n",
            "\t1000\t路的处罚\t\t第七十六条：由交通主管部门\t局公路管理所\n",
            "\t\t\t\t责令停止违法行为。\t\n",
            "2\t33022000\t超限运输车辆\t行政许可\t《中华人民共和国公路法》\t县交通运输\n",
            "\t2000\t行驶公路许可\t\t第五十条\t局\n",
        ));
        assert_eq!(laid.records.len(), 2);
        let first = &laid.records[0];
        assert_eq!(first.rows.len(), 1);
        let cell = |c: Column| first.cells(c).map(|t| t.as_str().to_owned()).collect::<Vec<_>>();
        assert_eq!(cell(Column::Code), ["33021600\n1000"]);
        assert_eq!(cell(Column::Item), ["对擅自占用公\n路的处罚"]);
        assert_eq!(cell(Column::Department), ["县交通运输\n局公路管理所"]);
        assert_eq!(
            cell(Column::LegalBasis),
            ["《中华人民共和国公路法》\n第七十六条：由交通主管部门\n责令停止违法行为。"]
        );
    }

    #[test]
    fn wrapped_fragments_that_read_as_other_columns_keep_the_table_read_by_place() {
        // Read alone, `001` is a 序号 and `行政处罚的；` a type; neither is
        // surely so, and with two items only they are a third of the cells.
        let laid = read_str(concat!(
            "序号\t事项名称\t事项编码\t实施依据\t实施主体\t追责情形\n",
            "1\t对用人单位违反\tCF-0102-\t《中华人民共和国劳动合同\t县人社局\t1.没有法律和事实依据实施\n",
            "\t劳动合同法的处\t001\t法》第八十条\t\t行政处罚的；\n",
            "\t罚\t\t\t\t\n",
            "2\t对用人单位未依\tCF-0102-\t《中华人民共和国社会保险\t县人社局\t1.没有法律和事实依据实施\n",
            "\t法缴纳社会保险\t002\t法》第八十六条\t\t行政处罚的；\n",
            "\t费的处罚\t\t\t\t\n",
        ));
        let cells = |c: Column| -> Vec<String> {
            laid.records.iter().flat_map(|r| r.cells(c).map(|t| t.as_str().replace('\n', ""))).collect()
        };
        assert_eq!(cells(Column::Item), ["对用人单位违反劳动合同法的处罚", "对用人单位未依法缴纳社会保险费的处罚"]);
        assert_eq!(cells(Column::Code), ["CF-0102-001", "CF-0102-002"]);
        assert_eq!(cells(Column::Liability), ["1.没有法律和事实依据实施行政处罚的；"; 2]);
    }

    /// Whether the table's body rows keep their places, as
    /// [`rows_keep_their_places`] judges.
    fn keep_places(header: &[Column], body: &str) -> bool {
        let mut rows = Vec::new();
        let mut at = 0;
        for line in body.split_inclusive('\n') {
            rows.push(split_cells(body, at..at + line.trim_end_matches('\n').len(), '\t', false));
            at += line.len();
        }
        let scored: Vec<RowScores> = rows.iter().map(|r| RowScores::of(body, r, header)).collect();
        rows_keep_their_places(&rows, &scored, header, body)
    }

    #[test]
    fn a_table_keeps_its_places_unless_cells_surely_belong_to_other_columns() {
        use Column::*;
        let header = [Seq, Item, Code, Type, Department];
        let wrapped = concat!(
            "1\t对用人单位违反\tCF-0102-\t行政处罚\t县人社局\n",
            "\t劳动合同法的处\t001\t\t劳动保障监察\n",
            "2\t对用人单位未依\tCF-0102-\t行政处罚\t县人社局\n",
            "\t法缴纳社会保险\t002\t\t劳动保障监察\n",
        );
        assert!(keep_places(&header, wrapped));
        // A lost cell shifts the rest: codes stand under 事项名称, types
        // under 实施主体.
        let shifted = concat!(
            "1\t3700000236001\t对甲的处罚\t县人社局\t行政处罚\n",
            "2\t3700000236002\t对乙的处罚\t县人社局\t行政处罚\n",
        );
        assert!(!keep_places(&header, shifted));
        // Too few cells to judge.
        assert!(!keep_places(&header, "1\t对甲的处罚\t3700000236001\t\t\n"));
    }

    #[test]
    fn aligned_cells_go_under_the_header_word_they_stand_below_wherever_it_is_centred() {
        // Words centred over their columns: 事项名称 over a name column from 6, 事项编码 over one from 28.
        let s = "序号      事项名称            事项编码\n1     对擅自占用公路的处罚  330216001000\n      路的处罚\n";
        let lines: Vec<Range<usize>> = Text::from_source(s).line_ranges().collect();
        let header: Vec<Range<usize>> = split_aligned(s, lines[0].clone()).iter().map(|p| piece_span(s, p)).collect();
        let cells = |line: usize| -> Vec<&str> {
            slot_aligned(s, &split_aligned(s, lines[line].clone()), &header).into_iter().map(|r| &s[r]).collect()
        };
        assert_eq!(cells(1), ["1", "对擅自占用公路的处罚", "330216001000"]);
        // A wrapped line starting left of the word is still under it.
        assert_eq!(cells(2), ["", "路的处罚", ""]);
        // Left-aligned words: a wide cell running on under the next word stays in its own column.
        let s = "序号  事项名称  事项编码\n1     对擅自占用公路的处罚  330216001000\n";
        let lines: Vec<Range<usize>> = Text::from_source(s).line_ranges().collect();
        let header: Vec<Range<usize>> = split_aligned(s, lines[0].clone()).iter().map(|p| piece_span(s, p)).collect();
        let row: Vec<&str> =
            slot_aligned(s, &split_aligned(s, lines[1].clone()), &header).into_iter().map(|r| &s[r]).collect();
        assert_eq!(row, ["1", "对擅自占用公路的处罚", "330216001000"]);
    }

    #[test]
    fn a_space_aligned_merged_header_cell_splits_into_the_columns_of_the_row_below() {
        let s = concat!(
            "序号  事项名称        对应责任事项                追责情形\n",
            "                  直接实施责任        指导监督责任\n",
        );
        let lines: Vec<Range<usize>> = Text::from_source(s).line_ranges().collect();
        let first = split_aligned(s, lines[0].clone());
        let columns: Vec<Vec<Column>> = first.iter().map(|(r, _)| columns_in_header(&s[r.clone()])).collect();
        let (per_cell, below, spans) = aligned_second_header(s, &first, &columns, &aligned_pieces(s, lines[1].clone()));
        assert_eq!(below, ["", "", "直接实施责任", "指导监督责任", ""]);
        assert_eq!(per_cell[3], []);
        // The merged cell's parts are where their words stand, the first left of the centred word.
        assert_eq!(spans, [0..4, 6..14, 18..30, 38..50, 50..58]);
        let mut headers = Vec::new();
        let below: Vec<&str> = below.iter().map(String::as_str).collect();
        let header: Vec<Column> =
            second_header_row(&per_cell, &below, &mut headers).unwrap().into_iter().flatten().collect();
        assert_eq!(header, [Column::Seq, Column::Item, Column::DutyGroup(0), Column::DutyGroup(1), Column::Liability]);
        assert_eq!(headers, ["直接实施责任", "指导监督责任"]);
    }

    #[test]
    fn tiers_centred_in_their_rows_are_cut_at_their_levels_and_items_where_a_level_comes_round_again() {
        // Each item's name is merged over its two tiers and centred on them.
        // Each tier's duties are centred on its level.
        let laid = read_str(concat!(
            "序号\t事项名称\t实施层级\t对应责任事项\n",
            "\t\t\t1.受理责任：一次性告\n",
            "\t\t省级\t知所需材料。\n",
            "\t对用人单位违法\t\t2.审查责任：依法审\n",
            "1\t行为的处罚\t\t查材料。\n",
            "\t\t\t1.受理责任：一次性告\n",
            "\t\t市级\t知所需材料。\n",
            "\t\t\t2.决定责任：依法作\n",
            "\t\t\t出决定。\n",
            "\t\t\t1.受理责任：一次性告\n",
            "\t\t省级\t知所需材料。\n",
            "\t对用人单位未依\t\t2.审查责任：依法审\n",
            "2\t法参保的处罚\t\t查材料。\n",
            "\t\t县级\t1.检查责任：依法检查。\n",
        ));
        let tiers: Vec<Vec<(String, String)>> = laid
            .records
            .iter()
            .map(|r| {
                r.rows
                    .iter()
                    .map(|row| {
                        let cell = |c: Column| {
                            row.iter()
                                .find(|(col, _)| *col == c)
                                .map_or(String::new(), |(_, t)| t.as_str().replace('\n', ""))
                        };
                        (cell(Column::Level), cell(Column::Duties))
                    })
                    .collect()
            })
            .collect();
        assert_eq!(
            tiers,
            [
                vec![
                    ("省级".to_owned(), "1.受理责任：一次性告知所需材料。2.审查责任：依法审查材料。".to_owned()),
                    ("市级".to_owned(), "1.受理责任：一次性告知所需材料。2.决定责任：依法作出决定。".to_owned()),
                ],
                vec![
                    ("省级".to_owned(), "1.受理责任：一次性告知所需材料。2.审查责任：依法审查材料。".to_owned()),
                    ("县级".to_owned(), "1.检查责任：依法检查。".to_owned()),
                ],
            ]
        );
        let names: Vec<String> = laid
            .records
            .iter()
            .map(|r| r.cells(Column::Item).map(|t| t.as_str().replace('\n', "")).collect())
            .collect();
        assert_eq!(names, ["对用人单位违法行为的处罚", "对用人单位未依法参保的处罚"]);
    }

    #[test]
    fn cells_centred_in_their_rows_start_above_their_items_anchor_row() {
        // Each item's 序号 and type stand on the middle line of its row; its
        // name and its lists begin on the line above.
        let laid = read_str(concat!(
            "序号\t事项名称\t事项类型\t实施依据\t追责情形\n",
            "\t对骗取医疗保\t\t《中华人民共和国社会保\t1.没有法律依据实施\n",
            "1\t障基金支出的\t行政处罚\t险法》第八十七条：社会\t处罚的；2.擅自改变\n",
            "\t处罚\t\t保险经办机构骗取基金。\t处罚种类的。\n",
            "\t对违规使用医\t\t《医疗保障基金使用监督\t1.不履行检查职责的；\n",
            "2\t保基金的处罚\t行政处罚\t管理条例》第三十八条\t2.滥用职权的。\n",
        ));
        let names: Vec<String> = laid
            .records
            .iter()
            .map(|r| r.cells(Column::Item).map(|t| t.as_str().replace('\n', "")).collect())
            .collect();
        assert_eq!(names, ["对骗取医疗保障基金支出的处罚", "对违规使用医保基金的处罚"]);
        let liability = laid.records[1].cells(Column::Liability).next().unwrap().as_str().to_owned();
        assert_eq!(liability, "1.不履行检查职责的；\n2.滥用职权的。");
    }

    fn names(laid: &Laid) -> Vec<String> {
        laid.records.iter().map(|r| r.cells(Column::Item).map(|t| t.as_str().replace('\n', "")).collect()).collect()
    }

    #[test]
    fn a_blank_line_between_rows_cuts_cells_at_the_foot_of_their_rows_where_their_lines_read_alike() {
        // The second item's name is its tallest cell: its first line stands
        // alone, and reads as well at the end of the first item's name.
        let text = concat!(
            "序号\t事项名称\t事项编码\t追责情形\n",
            "\n",
            "\t对甲的\tXK-0001-\t1.不予受理的；\n",
            "1\t许可\t000\t2.超期的。\n",
            "\n",
            "\t对生产经营不符\n",
            "\t合标准的食品\tCF-0102-\t1.没有依据实施\n",
            "2\t的处罚\t001\t处罚的。\n",
        );
        assert_eq!(names(&read_str(text)), ["对甲的许可", "对生产经营不符合标准的食品的处罚"]);
        // Without the blank lines, the lines between the 序号 are shared out evenly.
        assert_eq!(names(&read_str(&text.replace("\n\n", "\n"))), ["对甲的许可对生产经营不符", "合标准的食品的处罚"]);
    }

    #[test]
    fn cells_stand_at_the_foot_of_their_rows_where_every_cut_that_decides_leaves_nothing_under_the_anchor_above() {
        assert_eq!(decisive_split(&[2.0, 0.5, 0.0]), Some(0));
        assert_eq!(decisive_split(&[2.0, 1.5, 0.0]), None);
        assert_eq!(decisive_split(&[0.0, 0.0, 3.0]), Some(2));
        let at_foot = |pairs: &[&[f32]]| cells_at_foot(&pairs.iter().map(|p| Some(p.to_vec())).collect::<Vec<_>>());
        assert!(at_foot(&[&[2.5, 2.5, 0.0], &[2.5, 1.0]]));
        // A pair cut under the anchor above, or none that decides: not at the foot.
        assert!(!at_foot(&[&[2.5, 1.0], &[0.0, 2.0, 0.0]]));
        assert!(!at_foot(&[&[2.5, 2.5, 0.0]]));
        // Anchor rows next to each other decide nothing.
        assert!(!at_foot(&[&[1.0]]));
        // Where they do, a tie is cut under the anchor row above.
        let text = concat!(
            "序号\t事项名称\t事项编码\t追责情形\n",
            "\t对甲的\tXK-0001-\t1.不予受理的；\n",
            "1\t许可\t000\t2.超期的。\n",
            "\t对生产经营不符\n",
            "\t合标准的食品\tCF-0102-\t1.没有依据实施\n",
            "2\t的处罚\t001\t处罚的。\n",
            "\t对乙的\tJC-0003-\t1.不履行检查\n",
            "3\t检查\t000\t职责的。\n",
        );
        assert_eq!(names(&read_str(text)), ["对甲的许可", "对生产经营不符合标准的食品的处罚", "对乙的检查"]);
    }

    #[test]
    fn lines_above_a_tables_only_seq_are_its_items_upper_lines() {
        let text = concat!(
            "序号\t事项名称\t事项编码\t追责情形\n",
            "\t对用人单位违反\n",
            "\t劳动合同法的处\tCF-0102-\t1.没有依据实施\n",
            "1\t罚\t001\t处罚的。\n",
        );
        let laid = read_str(text);
        assert_eq!(names(&laid), ["对用人单位违反劳动合同法的处罚"]);
        assert_eq!(laid.records[0].cells(Column::Code).next().unwrap().as_str(), "CF-0102-\n001");
        // An item of its own above, its code alike the one below, stays one.
        let laid = read_str(concat!(
            "序号\t事项名称\t事项编码\t追责情形\n",
            "\t对甲的处罚\tCF-0102-001\t1.没有依据实施处罚的。\n",
            "1\t对乙的处罚\tCF-0102-002\t1.没有依据实施处罚的。\n",
        ));
        assert_eq!(names(&laid), ["对甲的处罚", "对乙的处罚"]);
    }

    #[test]
    fn a_column_the_format_does_not_name_is_a_tiers_own_where_each_level_fills_it() {
        // 办理时限 on each level's line, 实施对象 once per item; each row's
        // cells at its foot.
        let laid = read_str(concat!(
            "序号\t事项名称\t实施对象\t实施层级\t办理时限\n",
            "\t对甲的\t\t\t\n",
            "1\t处罚\t公民\t市级\t90日\n",
            "\t\t\t县级\t60日\n",
            "\t乙的\t\t\t\n",
            "2\t许可\t法人\t市级\t10日\n",
            "\t\t\t县级\t5日\n",
        ));
        let tiers: Vec<Vec<Vec<String>>> = laid
            .records
            .iter()
            .map(|r| r.rows.iter().map(|row| row.iter().map(|(_, t)| t.as_str().replace('\n', "")).collect()).collect())
            .collect();
        assert_eq!(tiers[0], [vec!["1", "对甲的处罚", "公民", "市级", "90日"], vec!["县级", "60日"]]);
        assert_eq!(tiers[1], [vec!["2", "乙的许可", "法人", "市级", "10日"], vec!["县级", "5日"]]);
    }

    #[test]
    fn a_header_cell_wrapped_to_a_second_line_is_one_word() {
        let above = ["序号", "子项名称", "子项地方权力编", "实施主体"].map(String::from);
        let (per_cell, words) = wrapped_header(&above, &["", "", "码", ""]).unwrap();
        assert_eq!(words[2], "子项地方权力编码");
        assert_eq!(per_cell[2], [Column::SubCode]);
        // A first row of data under the header is no part of it.
        assert!(wrapped_header(&above, &["1", "对甲的处罚", "", "市医保局"]).is_none());
        assert!(wrapped_header(&above, &["", "对骗取医疗保", "", ""]).is_none());
        // Up to six characters go on a word, spaces aside; a seventh is a cell of its own.
        let above = ["序号", "事项名称", "子项地", "实施主体"].map(String::from);
        assert_eq!(wrapped_header(&above, &["", "", "方权力 编码", ""]).unwrap().1[2], "子项地方权力编码");
        let above = ["序号", "事项名称", "子", "实施主体"].map(String::from);
        assert!(wrapped_header(&above, &["", "", "项地方权力编码", ""]).is_none());
        assert!(wrapped_header(&above, &["", "", "项编码", ""]).is_some());
        // A cell naming another column once whole (`权力事项` / `类型`), the
        // first named by another cell: the header loses none.
        let above = ["序号", "事项名称", "权力事项", "办事层"].map(String::from);
        let (per_cell, words) = wrapped_header(&above, &["", "", "类型", "级"]).unwrap();
        assert_eq!((&*words[2], &*words[3]), ("权力事项类型", "办事层级"));
        assert_eq!((&per_cell[2][..], &per_cell[3][..]), (&[Column::Type][..], &[Column::Level][..]));
        // Where no other cell names it, the cell's first column is lost: no header goes on so.
        let above = ["序号", "权力事项", "实施主体"].map(String::from);
        assert!(wrapped_header(&above, &["", "类型", ""]).is_none());
    }

    #[test]
    fn a_space_aligned_row_of_header_words_joins_its_next_line_under_its_words() {
        let piece = |t: &str, at: Range<usize>| (t.to_owned(), at);
        let first = [piece("直接实施责任", 32..44), piece("指导监督责", 52..62)];
        // `任` under `指导监督责`; a piece under none goes to the nearest.
        let joined = join_aligned_pieces(&first, &[piece("任", 52..54)]).unwrap();
        assert_eq!(joined, [piece("直接实施责任", 32..44), piece("指导监督责任", 52..62)]);
        let joined = join_aligned_pieces(&first, &[piece("任", 64..66)]).unwrap();
        assert_eq!(joined[1].0, "指导监督责任");
        // A body row's first line is no word's end.
        assert!(join_aligned_pieces(&first, &[piece("1.立案责任：依法立案。", 32..54)]).is_none());
        assert!(join_aligned_pieces(&first, &[]).is_none());
    }

    #[test]
    fn a_header_s_second_row_wrapped_over_lines_is_read_whole() {
        let laid = read_str(concat!(
            "序号\t事项名称\t对应责任事项\t\t追责情形\n",
            "\t\t直接实施责任\t指导\t\n",
            "\t\t\t监督\t\n",
            "\t\t\t责任\t\n",
            "1\t对甲的处罚\t1.立案责任：依法立案。\t1.指导下级。\t1.没有依据的。\n",
            "2\t对乙的处罚\t1.调查责任：依法调查。\t1.监督下级。\t1.违反程序的。\n",
        ));
        assert_eq!(laid.extra_headers, ["直接实施责任", "指导监督责任"]);
        assert_eq!(laid.records.len(), 2);
        let guided: Vec<&str> =
            laid.records.iter().flat_map(|r| r.cells(Column::DutyGroup(1))).map(|t| t.as_str()).collect();
        assert_eq!(guided, ["1.指导下级。", "1.监督下级。"]);
        assert!(laid.fragments.iter().filter(|f| f.reason == SetAside::RepeatedHeader).count() >= 4);
    }

    #[test]
    fn a_header_cell_wrapped_over_three_lines_is_one_word() {
        let laid = read_str(concat!(
            "序号  事项名称    权力  地方权力编码                     实施主体\n",
            "                  事项\n",
            "                  类型\n",
            "1     对甲的处罚  行政  11620500MB161709673620236001000  市医保局\n",
            "                  处罚\n",
            "2     乙的给付    行政  11620500MB161709673620536001000  市医保局\n",
            "                  给付\n",
        ));
        assert_eq!(laid.records.len(), 2);
        let types: Vec<&str> = laid.records.iter().flat_map(|r| r.cells(Column::Type)).map(|t| t.as_str()).collect();
        assert_eq!(types, ["行政\n处罚", "行政\n给付"]);
        let items: Vec<&str> = laid.records.iter().flat_map(|r| r.cells(Column::Item)).map(|t| t.as_str()).collect();
        assert_eq!(items, ["对甲的处罚", "乙的给付"]);
    }

    #[test]
    fn tsv_with_repeated_header() {
        let laid = read_str("天水市医保局权责清单\n\n序号\t事项名称\t权力事项类型\t地方权力编码\t实施主体\n4160\t对骗取医保基金支出的处罚\t行政处罚\t11620500MB161709673620236001000\t市医保局\n\n序号\t事项名称\t权力事项类型\t地方权力编码\t实施主体\n4161\t医疗救助对象救助金给付\t行政给付\t11620500MB161709673620536001000\t市医保局\n");
        assert_eq!(laid.records.len(), 2);
        assert_eq!(laid.preamble.as_str().trim(), "天水市医保局权责清单");
        let r = &laid.records[1];
        assert_eq!(r.cells(Column::Code).next().unwrap().as_str(), "11620500MB161709673620536001000");
        assert_eq!(r.cells(Column::Item).next().unwrap().as_str(), "医疗救助对象救助金给付");
        assert_eq!(laid.fragments.iter().filter(|f| f.reason == SetAside::RepeatedHeader).count(), 2);
    }

    #[test]
    fn pipe_table_in_another_column_order() {
        let laid = read_str("| 事项类型 | 事项编码 | 事项名称 | 序号 |\n|---|---|---|---|\n| 行政处罚 | 3700000236009 | 对骗保的处罚 | 1 |\n| 行政强制 | 3700000336001 | 封存资料 | 2 |\n");
        assert_eq!(laid.records.len(), 2);
        assert_eq!(laid.records[1].cells(Column::Type).next().unwrap().as_str().trim(), "行政强制");
        assert_eq!(laid.records[1].cells(Column::Seq).next().unwrap().as_str().trim(), "2");
    }

    #[test]
    fn numbered_type_headings_divide_one_table() {
        let laid = read_str(
            "序号\t事项名称\t事项编码\t事项类型\n一、行政许可（共1项）\t\t\t\n1\t定点许可\t3700000136001\t行政许可\n二、行政处罚\n1\t对甲的处罚\t3700000236009\t行政处罚\n",
        );
        let sections: Vec<&str> =
            laid.records.iter().map(|r| section_heading(r.section.as_ref().unwrap().as_str()).unwrap()).collect();
        assert_eq!(sections, ["行政许可", "行政处罚"]);
    }

    #[test]
    fn a_header_of_two_rows() {
        let laid = read_str(
            "序号\t事项名称\t事项编码\t实施层级及权限\t\t备注\n\t\t\t层级\t权限\t\n1\t对甲的处罚\t3700000236009\t省\t负责全省\t无\n",
        );
        assert_eq!(laid.records.len(), 1);
        let r = &laid.records[0];
        let cell = |c: Column| r.cells(c).next().map(|t| t.as_str().to_owned()).unwrap_or_default();
        assert_eq!(cell(Column::Level), "省");
        assert_eq!(cell(Column::Scope), "负责全省");
        assert_eq!(cell(Column::Remarks), "无");
        assert_eq!(laid.fragments.iter().filter(|f| matches!(f.reason, SetAside::RepeatedHeader)).count(), 2);
    }

    #[test]
    fn groups_of_duties_named_under_a_merged_header_cell_are_columns_of_those_groups() {
        let laid = read_str(concat!(
            "序号\t事项名称\t事项编码\t对应责任事项\t\t备注\n",
            "\t\t\t直接实施责任\t指导监督责任\t\n",
            "1\t对甲的处罚\t3700000236009\t1.立案责任：对违法行为予以审查。\t1.指导下级行政机关开展工作。\t无\n",
        ));
        assert_eq!(laid.extra_headers, ["直接实施责任", "指导监督责任"]);
        let row: Vec<(Column, &str)> = laid.records[0].rows[0].iter().map(|(c, t)| (*c, t.as_str())).collect();
        assert_eq!(
            row[3..],
            [
                (Column::DutyGroup(0), "1.立案责任：对违法行为予以审查。"),
                (Column::DutyGroup(1), "1.指导下级行政机关开展工作。"),
                (Column::Remarks, "无")
            ]
        );
        // Or as columns of a header of one row.
        let laid = read_str(
            "序号\t事项名称\t事项编码\t直接实施责任\t指导监督责任\n1\t对甲的处罚\t3700000236009\t1.立案责任：依法立案。\t1.指导下级行政机关开展工作。\n",
        );
        let row: Vec<Column> = laid.records[0].rows[0].iter().map(|(c, _)| *c).collect();
        assert_eq!(row, [Column::Seq, Column::Item, Column::Code, Column::DutyGroup(0), Column::DutyGroup(1)]);
        // A group's name is a column only under 对应责任事项.
        let laid = read_str("序号\t事项名称\t备注\t\n\t\t直接实施责任\t\n1\t对甲的处罚\t无\t\n");
        assert!(laid.extra_headers.is_empty());
    }

    #[test]
    fn a_level_broken_over_lines_is_one_cell_on_its_first_line() {
        let row = |level: &'static str, scope: &'static str, blank_before: bool| PlacedRow {
            cells: vec![(Column::Level, Text::from_source(level)), (Column::Scope, Text::from_source(scope))],
            places: vec![1, 3],
            blank_before,
        };
        let levels = |rows: &[PlacedRow]| -> Vec<String> {
            rows.iter()
                .map(|r| r.cells.iter().filter(|(c, _)| *c == Column::Level).map(|(_, t)| t.as_str()).collect())
                .collect()
        };
        // The cell above goes on (`、`, an open bracket), or the piece is no
        // level alone and the two are one together.
        let mut rows = vec![
            row("设区的市", "负责本市", false),
            row("级", "医疗保障", false),
            row("县（市、", "负责本县", false),
            row("区）", "医疗保障", false),
            row("市级、", "负责", false),
            row("县级", "审核", false),
            row("设区的", "负责", false),
            row("市级", "本市", false),
            row("设区", "负责", false),
            row("的市", "本市", false),
            row("级", "医疗", false),
        ];
        join_broken_levels(&mut rows);
        assert_eq!(
            levels(&rows),
            [
                "设区的市\n级",
                "",
                "县（市、\n区）",
                "",
                "市级、\n县级",
                "",
                "设区的\n市级",
                "",
                "设区\n的市\n级",
                "",
                ""
            ]
        );
        assert_eq!(rows[1].cells.len(), 1);
        assert_eq!(rows[1].places, [3]);
        // Two whole levels are two tiers; a blank line between parts two rows.
        let mut rows =
            vec![row("市级", "负责本市", false), row("县级", "负责本县", false), row("设区的市", "a", false)];
        rows.push(row("级", "b", true));
        join_broken_levels(&mut rows);
        assert_eq!(levels(&rows), ["市级", "县级", "设区的市", "级"]);
    }

    #[test]
    fn tier_rows_group_under_their_item() {
        let laid = read_str("序号\t事项名称\t事项编码\t事项类型\t实施层级\t实施权限\n1\t对骗保的处罚\t3700000 236009\t行政处罚\t省\t负责全省\n\t\t\t\t市\t负责本市\n\t\t\t\t县\t负责本县\n2\t封存资料\t3700000 336001\t行政强制\t省\t负责全省\n");
        assert_eq!(laid.records.len(), 2);
        assert_eq!(laid.records[0].cells(Column::Level).count(), 3);
    }

    #[test]
    fn misaligned_header_is_overruled_by_content() {
        // The header lost 序号 and merged 实施层级 with 实施权限.
        let laid = read_str("F.\t部门 职责\t事项 名称\t事项编码\t事项类型\t\t施层级 权限\n1\t拟订全省医疗保障基金监督管理办法并组织实施，建立健全医疗保障基金安全防控机制\t对骗保的处罚\t3700000 236009\t行政处罚\t省\t负责全省\n2\t拟订全省医疗保障基金监督管理办法并组织实施，建立健全医疗保障基金安全防控机制\t封存资料\t3700000 336001\t行政强制\t省\t负责全省\n");
        let r = &laid.records[0];
        assert_eq!(r.cells(Column::Seq).next().unwrap().as_str(), "1");
        assert_eq!(r.cells(Column::Code).next().unwrap().as_str(), "3700000 236009");
        assert_eq!(r.cells(Column::Level).next().unwrap().as_str(), "省");
        assert_eq!(r.cells(Column::Scope).next().unwrap().as_str(), "负责全省");
    }

    #[test]
    fn furniture() {
        assert!(is_page_furniture("- 3 -"));
        assert!(is_page_furniture("第 3 页"));
        assert!(is_page_furniture("3/12"));
        assert!(!is_page_furniture("1.【法律】"));
        assert!(!is_page_furniture("3700002"));
        assert!(!is_page_furniture("12"));
        // Long lines: a rule of dashes round a number still is, a row is not,
        // nor a footer past 120 characters.
        let rule = format!("{}3{}", "-".repeat(100), "—".repeat(100));
        assert!(is_page_furniture(&rule));
        assert!(!is_page_furniture(&format!("1\t{}\t3/12", "行政处罚".repeat(40))));
        assert!(is_page_furniture(&format!("版权所有：{}", "某".repeat(115))));
        assert!(!is_page_furniture(&format!("版权所有：{}", "某".repeat(116))));
        assert!(is_page_furniture("版权所有：某市人民政府 © 2022"));
        assert!(is_page_furniture("网站标识码：3701000001 鲁ICP备05001234号"));
        assert!(!is_page_furniture("主办机构负责审核"));
    }

    #[test]
    fn page_numbers_as_offices_and_word_processors_print_them() {
        for line in [
            "― 3 ―",
            "━3━",
            "·3·",
            "• 12 •",
            "－ 3 －",
            "第123页 共456页",
            "共20页 第3页",
            "第3页，共20页",
            "Page 3",
            "page 3 of 20",
            "PAGE 3 OF 20",
            "— 第3页 —",
            "- 3/20 -",
            "- Page 3 -",
        ] {
            assert!(is_page_furniture(line), "{line}");
        }
        for line in [
            "·",
            "―3",
            "3―",
            "第三页",
            "共3项",
            "1、2",
            "Page",
            "page three",
            "Pages 3",
            "第12345678页 共9页",
            "— 12345 —",
        ] {
            assert!(!is_page_furniture(line), "{line}");
        }
    }
}
