//! Scrambled cells: some extractors read a narrow cell column-major — the
//! first character of every line, then the second of every line, and so on,
//! with a space where a line was short. The characters are an exact
//! permutation of the text, so the text can be recovered by laying them back
//! out line by line.
//!
//! A cell is suspect when its character bigrams are improbable under the
//! statistics of the document's own text. For each column count `W` (2 to
//! 12) there is exactly one way to lay `N` characters out column-major with
//! only the last line short, so the search is linear in the cell's length;
//! the layout whose text is most probable wins, and only when it is much
//! more probable than the cell as read. A recovered text that also appears
//! elsewhere in the document is taken as confirmed.

use super::{Column, Laid};
use crate::text::{char_pair, is_white_space, CharHasher, CharMap, CharTable, Text, TextBuilder};

/// Widest column layout tried.
const MAX_WIDTH: usize = 12;
/// Shortest cell worth examining, in characters.
const MIN_CHARS: usize = 6;
/// Longest cell examined: longer cells are prose, not narrow cells.
const MAX_CHARS: usize = 2000;
/// How much more probable (mean log-probability per bigram) a recovered
/// text must be than the text as read.
const MIN_GAIN: f64 = 2.5;
/// How much more probable the best layout must be than the next best: a
/// true recovery stands out; a random permutation does not.
const MIN_PEAK: f64 = 1.0;
/// How far below the document's typical prose a recovered text may score.
const MAX_BELOW_TYPICAL: f64 = -5.5;
/// Fewest characters for a recovery without confirmation: short cells
/// have too few bigrams to tell.
const MIN_RECOVER_CHARS: usize = 10;
/// Below this mean log-probability a cell that could not be recovered is
/// reported as garbled.
const GARBLED: f64 = -7.0;

/// Character bigram statistics of one document.
#[derive(Debug, Default)]
pub struct BigramModel {
    unigrams: Unigrams,
    /// Each bigram the document has, by [`char_pair`] (one word to hash per
    /// look-up, not two characters): its place in `log_probs`.
    pair_ids: CharMap<u64, u32>,
    /// The log-probability of each bigram the document has, worked out once
    /// per pair, not once per occurrence scored.
    log_probs: Vec<f64>,
    /// The pairs of `pair_ids` again, in a table small enough to stay in
    /// the cache: most pairs a wrong layout makes were never seen, and this
    /// tells so without a look-up in the map.
    seen: PairFilter,
    total: u32,
}

/// A set of character pairs that may answer "perhaps" but never wrongly
/// "no": a bit per hash of a pair (a Bloom filter of one hash), sixteen
/// bits per pair it holds, so that about one pair in sixteen not held is
/// passed on to the exact look-up.
#[derive(Debug, Default)]
struct PairFilter {
    bits: Vec<u64>,
    /// How far a pair's hash is shifted down to a bit's place.
    shift: u32,
}

impl PairFilter {
    /// The filter of `pairs`.
    fn of(pairs: impl ExactSizeIterator<Item = u64>) -> Self {
        let places = (pairs.len() * 16).next_power_of_two().max(64);
        let mut filter = PairFilter { bits: vec![0; places / 64], shift: 64 - places.trailing_zeros() };
        for pair in pairs {
            let at = filter.place(pair);
            filter.bits[at / 64] |= 1 << (at % 64);
        }
        filter
    }

    fn place(&self, pair: u64) -> usize {
        // The high bits of the pairs' own hash: they depend on every bit of the pair.
        let hash = std::hash::BuildHasher::hash_one(&std::hash::BuildHasherDefault::<CharHasher>::default(), pair);
        (hash >> self.shift) as usize
    }

    /// False only for a pair not in the set.
    fn may_hold(&self, pair: u64) -> bool {
        if self.bits.is_empty() {
            return false;
        }
        let at = self.place(pair);
        self.bits[at / 64] & (1 << (at % 64)) != 0
    }
}

/// The bigrams of each text a model was trained on, as places in its
/// `log_probs`: a text of the training is scored again by indexing, without
/// hashing a pair.
#[derive(Debug, Default)]
struct TrainedPairs {
    ids: Vec<u32>,
    /// Each text's run of `ids`.
    texts: Vec<std::ops::Range<usize>>,
}

/// How often each character occurs: those of the Basic Multilingual Plane
/// (nearly all of a Chinese document) counted without hashing.
#[derive(Debug, Default)]
struct Unigrams {
    counts: CharTable<u32, 0, 0xFFFF>,
    /// Distinct characters counted.
    distinct: usize,
}

impl Unigrams {
    #[inline]
    fn add(&mut self, c: char) {
        let count = self.counts.entry(c);
        self.distinct += usize::from(*count == 0);
        *count += 1;
    }

    fn get(&self, c: char) -> u32 {
        self.counts.get(c)
    }
}

impl BigramModel {
    /// Counts the characters of `texts`, white space skipped.
    pub fn train<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        Self::train_keeping_pairs(texts).0
    }

    /// [`BigramModel::train`], also giving each text's bigrams by their
    /// places in the model.
    fn train_keeping_pairs<'a>(texts: impl IntoIterator<Item = &'a str>) -> (Self, TrainedPairs) {
        let texts: Vec<&str> = texts.into_iter().collect();
        let mut m = BigramModel::default();
        let mut trained = TrainedPairs { ids: Vec::new(), texts: Vec::with_capacity(texts.len()) };
        // Room for the pairs a text of this size has, up to a small table,
        // so that the map does not hash every pair again each time it
        // doubles; a pair takes at least two characters of three bytes.
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        m.pair_ids.reserve((bytes / 6).min(1 << 15));
        trained.ids.reserve(bytes / 3);
        // Each pair's count and its characters, by the pair's place.
        let mut pair_counts: Vec<u32> = Vec::new();
        let mut pairs: Vec<(char, char)> = Vec::new();
        for t in texts {
            let start = trained.ids.len();
            let mut prev: Option<char> = None;
            for c in t.chars().filter(|&c| !is_white_space(c)) {
                m.unigrams.add(c);
                m.total += 1;
                if let Some(p) = prev {
                    let id = *m.pair_ids.entry(char_pair(p, c)).or_insert_with(|| {
                        pair_counts.push(0);
                        pairs.push((p, c));
                        (pairs.len() - 1) as u32
                    });
                    pair_counts[id as usize] += 1;
                    trained.ids.push(id);
                }
                prev = Some(c);
            }
            trained.texts.push(start..trained.ids.len());
        }
        let total = m.smoothed_total();
        m.log_probs = pairs
            .iter()
            .zip(&pair_counts)
            .map(|(&(p, c), &n)| Self::log_prob(f64::from(n), m.count(c), m.count(p), total))
            .collect();
        m.seen = PairFilter::of(pairs.iter().map(|&(p, c)| char_pair(p, c)));
        (m, trained)
    }

    /// [`BigramModel::score`] of the `i`th text the model was trained on.
    fn score_trained(&self, trained: &TrainedPairs, i: usize) -> Option<f64> {
        let ids = &trained.ids[trained.texts[i].clone()];
        // Summed in the order of the text, as `score` sums.
        let sum = ids.iter().fold(0.0, |sum, &id| sum + self.log_probs[id as usize]);
        (!ids.is_empty()).then(|| sum / ids.len() as f64)
    }

    /// The count of every character, plus one for each character of the
    /// vocabulary and one for those never seen.
    fn smoothed_total(&self) -> f64 {
        let vocab = self.unigrams.distinct as f64 + 1.0;
        f64::from(self.total) + vocab
    }

    /// The log-probability of `c` after `p`, from the pair's count and
    /// theirs, interpolated with the unigram so that unseen pairs are
    /// unlikely but possible.
    fn log_prob(count_pc: f64, count_c: f64, count_p: f64, total: f64) -> f64 {
        let uni_c = (count_c + 1.0) / total;
        ((count_pc + 2.0 * uni_c) / (count_p + 2.0)).ln()
    }

    /// Mean log-probability per bigram of `text` (white space skipped);
    /// `None` for fewer than two characters.
    pub fn score(&self, text: &str) -> Option<f64> {
        self.score_counted(text.chars().filter(|&c| !is_white_space(c)).map(|c| self.terms(c)))
    }

    /// How often `c` occurs in the document.
    fn count(&self, c: char) -> f64 {
        f64::from(self.unigrams.get(c))
    }

    /// What scoring `c` in any pair needs of it, looked up once.
    fn terms(&self, c: char) -> CharTerms {
        let count = self.count(c);
        // `log_prob` of a pair never seen, as a difference of two logarithms,
        // one for each character: a cell's layouts order the same characters
        // and meet mostly pairs never seen, which then cost no logarithm each.
        let uni = (count + 1.0) / self.smoothed_total();
        CharTerms { c, unseen_as_next: (2.0 * uni).ln(), unseen_as_prev: (count + 2.0).ln() }
    }

    /// [`BigramModel::score`] of characters given with their terms, so that
    /// the layouts of one cell, each an order of the same characters, look
    /// each character up once.
    fn score_counted(&self, chars: impl Iterator<Item = CharTerms>) -> Option<f64> {
        let mut prev: Option<CharTerms> = None;
        let mut sum = 0.0;
        let mut n = 0usize;
        for c in chars {
            if let Some(p) = prev {
                let pair = char_pair(p.c, c.c);
                let id = if self.seen.may_hold(pair) { self.pair_ids.get(&pair) } else { None };
                sum += match id {
                    Some(&id) => self.log_probs[id as usize],
                    None => c.unseen_as_next - p.unseen_as_prev,
                };
                n += 1;
            }
            prev = Some(c);
        }
        (n > 0).then(|| sum / n as f64)
    }
}

/// A character and its share of the log-probability of a pair the model
/// has not seen, as the pair's second character and as its first.
#[derive(Debug, Clone, Copy)]
struct CharTerms {
    c: char,
    unseen_as_next: f64,
    unseen_as_prev: f64,
}

/// The order in which the characters of a `len`-character cell laid out
/// `width` characters per line, read column-major, stand in the text: the
/// text is `order.map(|i| cell[i])`. Only the last line is short.
pub fn column_major_order(len: usize, width: usize) -> Option<Vec<usize>> {
    column_major_positions(len, width).map(Iterator::collect)
}

/// [`column_major_order`], one position at a time: each layout of a
/// suspect cell is scored as it is read, with nothing to allocate.
fn column_major_positions(len: usize, width: usize) -> Option<ColumnMajor> {
    if width < 2 || len < width + 1 {
        return None;
    }
    let lines = (len - 1) / width + 1;
    // Characters on the last line, 1..=width.
    let last = len - (lines - 1) * width;
    Some(ColumnMajor { lines, width, last, line: 0, column: 0 })
}

/// The positions [`column_major_positions`] gives, line by line of the
/// cell as laid out: a plain counter, which the scoring loop takes in whole.
struct ColumnMajor {
    lines: usize,
    width: usize,
    /// Characters on the last line.
    last: usize,
    line: usize,
    column: usize,
}

impl Iterator for ColumnMajor {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.line == self.lines {
            return None;
        }
        // Column j holds `lines` characters when the last line reaches it,
        // else one fewer: it starts after j full columns, less one for each
        // column before it the last line does not reach.
        let j = self.column;
        let position = j * self.lines - j.saturating_sub(self.last) + self.line;
        self.column += 1;
        if self.column == if self.line + 1 < self.lines { self.width } else { self.last } {
            (self.line, self.column) = (self.line + 1, 0);
        }
        Some(position)
    }
}

/// A cell's text read back line by line, for `width` characters per line.
pub fn unscramble(text: &str, width: usize) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let order = column_major_order(chars.len(), width)?;
    Some(order.into_iter().map(|i| chars[i]).filter(|c| !c.is_whitespace()).collect())
}

/// What happened to one suspect cell.
#[derive(Debug, Clone)]
pub struct Repair {
    /// The cell as read.
    pub raw: Text,
    /// The recovered text, when recovery was confident.
    pub recovered: Option<String>,
    /// Characters per line of the recovered layout.
    pub width: usize,
    /// Whether the recovered text also stands elsewhere in the document.
    pub confirmed: bool,
}

/// Columns narrow enough in printed lists to be read column-major.
fn may_be_narrow(c: Column) -> bool {
    matches!(
        c,
        Column::Item | Column::SubItem | Column::Responsibility | Column::Scope | Column::Department | Column::Office
    )
}

/// Finds scrambled cells in `laid` and recovers those it can, in place.
pub fn repair_scrambled(laid: &mut Laid, document: &str) -> Vec<Repair> {
    // Only a narrow cell of one line, as long as a scrambled cell may be, is
    // read again: without one there is nothing to learn the statistics for.
    if !laid.records.iter().flat_map(|r| r.rows.iter().flatten()).any(|(c, t)| may_be_scrambled(*c, t).is_some()) {
        return Vec::new();
    }
    // The statistics come from the wide columns (citations, duties), which
    // are read line by line, and from the covering notice.
    let wide = || laid.records.iter().flat_map(|r| r.rows.iter().flatten()).filter(|(c, _)| !may_be_narrow(*c));
    let (model, trained) = BigramModel::train_keeping_pairs(
        wide().map(|(_, t)| t.as_str()).chain(std::iter::once(laid.preamble.as_str())),
    );
    // What clean cells of the document score: the bar a recovered text must reach.
    let mut clean: Vec<f64> = wide()
        .enumerate()
        // Four bytes a character at most: a long cell is not counted.
        .filter(|(_, (_, t))| t.len() >= 80 || t.as_str().chars().count() >= 20)
        .filter_map(|(i, _)| model.score_trained(&trained, i))
        .collect();
    clean.sort_by(f64::total_cmp);
    let typical = if clean.is_empty() { -4.0 } else { clean[clean.len() / 2] };
    let mut occurrences = Occurrences::new(document);

    let mut repairs = Vec::new();
    for record in &mut laid.records {
        for row in &mut record.rows {
            for (column, cell) in row.iter_mut() {
                let Some((line, n)) = may_be_scrambled(*column, cell) else { continue };
                // The cell and each of its layouts are scored straight from its
                // characters, each looked up once; only the winner is written out.
                let counted: Vec<CharTerms> = line.chars().map(|c| model.terms(c)).collect();
                let as_read = counted.iter().copied().filter(|t| !is_white_space(t.c));
                let Some(raw_score) = model.score_counted(as_read) else { continue };
                if raw_score > typical - 1.0 {
                    continue; // reads as well as the document's own prose
                }
                let mut best: Option<(f64, usize)> = None;
                let mut runner_up = f64::NEG_INFINITY;
                for width in 2..=MAX_WIDTH.min(n - 1) {
                    let Some(order) = column_major_positions(n, width) else { continue };
                    let laid_out = order.map(|i| counted[i]).filter(|t| !is_white_space(t.c));
                    let Some(s) = model.score_counted(laid_out) else { continue };
                    if best.is_none_or(|b| s > b.0) {
                        if let Some(b) = best {
                            runner_up = runner_up.max(b.0);
                        }
                        best = Some((s, width));
                    } else {
                        runner_up = runner_up.max(s);
                    }
                }
                let trimmed = cell.trim();
                let Some((score, width)) = best else { continue };
                let Some(candidate) = unscramble(line, width) else { continue };
                let gain = score - raw_score;
                let confident = n >= MIN_RECOVER_CHARS
                    && gain >= MIN_GAIN
                    && score - runner_up >= MIN_PEAK
                    && score >= typical + MAX_BELOW_TYPICAL;
                // Confirmation matters only where it could make or mark a repair.
                let confirmed = (confident || gain > 0.0)
                    && candidate.chars().count() >= SHINGLE
                    && occurrences.contains(&candidate);
                if confident || (confirmed && gain > 0.0) {
                    *cell = permuted(&trimmed, width).unwrap_or_else(|| trimmed.clone());
                    repairs.push(Repair { raw: trimmed, recovered: Some(candidate), width, confirmed });
                } else if raw_score <= GARBLED {
                    repairs.push(Repair { raw: trimmed, recovered: None, width: 0, confirmed: false });
                }
            }
        }
    }
    repairs
}

/// A cell that may have been read column-major: a narrow column's, of one
/// line as long as such a cell may be. Its text, trimmed, and its length.
fn may_be_scrambled(column: Column, cell: &Text) -> Option<(&str, usize)> {
    if !may_be_narrow(column) {
        return None;
    }
    let line = cell.as_str().trim();
    let n = line.chars().count();
    ((MIN_CHARS..=MAX_CHARS).contains(&n) && !line.contains('\n')).then_some((line, n))
}

/// Where text occurs in the document (white space removed), for confirming
/// a recovered name by its clean copy elsewhere. The first look-ups scan
/// the document (a vectorised substring search), until they have read it
/// [`SCAN_PASSES`] times over in all; past them, every run of eight
/// characters is hashed and sorted with where it starts, so that each
/// look-up costs the places its first eight characters occur, not a scan.
/// A long document, with many names to confirm, stays linear, and one with
/// a few dozen does not pay for sorting the whole of it.
struct Occurrences<'a> {
    document: &'a str,
    /// The document without white space, made on the first look-up.
    compact: Option<String>,
    /// Bytes the scans have read so far.
    scanned: usize,
    /// (hash of eight characters, byte offset in `compact`), sorted.
    index: Option<Vec<(u64, u32)>>,
}

/// Characters that key the index.
const SHINGLE: usize = 8;

/// How many times over the scans may read the document before the index
/// is built.
const SCAN_PASSES: usize = 64;

impl<'a> Occurrences<'a> {
    fn new(document: &'a str) -> Self {
        Occurrences { document, compact: None, scanned: 0, index: None }
    }

    fn key(chars: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = crate::text::CharHasher::default();
        chars.hash(&mut h);
        h.finish()
    }

    /// Whether `needle` (at least eight characters, no white space) occurs.
    fn contains(&mut self, needle: &str) -> bool {
        let document = self.document;
        let compact = self.compact.get_or_insert_with(|| crate::layout::columns::compact(document));
        // The index is built only once the scans have read their fill.
        if self.scanned < SCAN_PASSES * compact.len() {
            let found = memchr::memmem::find(compact.as_bytes(), needle.as_bytes());
            self.scanned += found.map_or(compact.len(), |at| at + needle.len());
            return found.is_some();
        }
        let index = self.index.get_or_insert_with(|| {
            let starts: Vec<usize> = compact.char_indices().map(|(i, _)| i).chain([compact.len()]).collect();
            let mut index: Vec<(u64, u32)> =
                starts.windows(SHINGLE + 1).map(|w| (Self::key(&compact[w[0]..w[SHINGLE]]), w[0] as u32)).collect();
            index.sort_unstable();
            index
        });
        let head_end = needle.char_indices().nth(SHINGLE).map_or(needle.len(), |(i, _)| i);
        let key = Self::key(&needle[..head_end]);
        let from = index.partition_point(|&(k, _)| k < key);
        index[from..].iter().take_while(|&&(k, _)| k == key).any(|&(_, p)| compact[p as usize..].starts_with(needle))
    }
}

/// The cell's characters in recovered order, each keeping its source position.
fn permuted(cell: &Text, width: usize) -> Option<Text> {
    let s = cell.as_str();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let order = column_major_order(chars.len(), width)?;
    let mut b = TextBuilder::with_capacity(s.len());
    for i in order {
        let (at, c) = chars[i];
        if !c.is_whitespace() {
            b.push_copy(cell, at..at + c.len_utf8());
        }
    }
    Some(b.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_find_what_a_scan_finds() {
        let doc = "对医疗保险经办机构以及医疗机构、\n药品经营单位的处罚。对参保人员骗取医疗保障基金的处罚。";
        let compact: String = doc.chars().filter(|c| !c.is_whitespace()).collect();
        let mut occ = Occurrences::new(doc);
        let needles = [
            "以及医疗机构、药品经营单位",
            "对参保人员骗取医疗保障基金的处罚。",
            "对参保人员骗取医疗保障基金的处罚罚",
            "经办机构以及医疗机构",
            "机构、药品经营单位的处罚",
            "以及医疗机构药品经营单位",
        ];
        // By scanning, then by the index once the scans have read the
        // document as many times over as they may.
        let mut indexed = false;
        for round in 0..4 * SCAN_PASSES {
            let needle = needles[round % needles.len()];
            let scanning = occ.scanned < SCAN_PASSES * compact.len();
            assert_eq!(occ.contains(needle), compact.contains(needle), "{needle} in round {round}");
            assert_eq!(occ.index.is_some(), !scanning);
            indexed |= !scanning;
        }
        assert!(indexed, "the index was never built");
    }

    #[test]
    fn counts_are_those_of_a_plain_count() {
        let texts = ["社会保险法第八十七条", "𠀀𠀁𠀀 a b\u{10FFFF}", "", "法法法"];
        let model = BigramModel::train(texts);
        let mut counts: std::collections::HashMap<char, u32> = Default::default();
        for c in texts.iter().flat_map(|t| t.chars()).filter(|c| !c.is_whitespace()) {
            *counts.entry(c).or_default() += 1;
        }
        for c in ['社', '法', '𠀀', '𠀁', 'a', '\u{10FFFF}', '甲', '𠀂', '\0'] {
            assert_eq!(model.count(c), f64::from(counts.get(&c).copied().unwrap_or(0)), "{c}");
        }
        let total: u32 = counts.values().sum();
        assert_eq!(model.smoothed_total(), f64::from(total) + counts.len() as f64 + 1.0);
        // A pair seen has its own log-probability; one never seen, the unigram's share.
        let seen = model.score("社会").unwrap();
        let unseen = model.score("会社").unwrap();
        assert!(seen > unseen, "{seen} {unseen}");
        // ... the same as the formula of a pair with no count gives.
        let by_formula = BigramModel::log_prob(0.0, model.count('社'), model.count('会'), model.smoothed_total());
        assert!((unseen - by_formula).abs() < 1e-12, "{unseen} {by_formula}");
        // A model of nothing counts nothing.
        assert_eq!(BigramModel::default().count('法'), 0.0);
    }

    #[test]
    fn the_pair_filter_holds_every_pair_and_passes_few_others() {
        let pairs: Vec<u64> = (0..500u32).map(|i| char_pair(char::from_u32(0x4E00 + i).unwrap(), '法')).collect();
        let filter = PairFilter::of(pairs.iter().copied());
        assert!(pairs.iter().all(|&p| filter.may_hold(p)));
        let others = (0..10_000u32).map(|i| char_pair('法', char::from_u32(0x4E00 + i).unwrap()));
        let passed = others.filter(|&p| filter.may_hold(p)).count();
        assert!(passed < 1_000, "{passed} of 10,000 pairs not held passed");
        assert!(!PairFilter::default().may_hold(char_pair('社', '会')));
        assert!(!PairFilter::of(std::iter::empty::<u64>()).may_hold(char_pair('社', '会')));
    }

    #[test]
    fn a_trained_text_scores_by_its_pairs_as_by_its_characters() {
        let texts = ["社会保险法第八十七条：社会保险经办机构", "", "法", " 法 律 ", "𠀀𠀁𠀀 a b\u{10FFFF}法律法规"];
        let (model, trained) = BigramModel::train_keeping_pairs(texts);
        for (i, t) in texts.iter().enumerate() {
            let (by_pairs, by_chars) = (model.score_trained(&trained, i), model.score(t));
            assert_eq!(by_pairs.map(f64::to_bits), by_chars.map(f64::to_bits), "{t}");
        }
        assert!(model.score_trained(&trained, 0).is_some() && model.score_trained(&trained, 2).is_none());
    }

    #[test]
    fn lays_characters_back_out() {
        assert_eq!(
            unscramble("负施统域大的责本跨、事处实系区重项罚", 3).unwrap(),
            "负责实施本系统跨区域、重大事项的处罚"
        );
        assert_eq!(
            unscramble("按地原负级区违为罚照监则责行域法的属管,市政内行处", 3).unwrap(),
            "按照属地监管原则,负责市级行政区域内违法行为的处罚"
        );
        // A short line inside the cell left a space; the last line is short.
        assert_eq!(
            unscramble("对保办以疗构品单医险机欺伪明或他骗疗基出罚医险机及机、经位疗服构诈造材者手取保金的疗经构医 药营等保务以、证料其段医障支处", 3).unwrap(),
            "对医疗保险经办机构以及医疗机构、药品经营单位等医疗保险服务机构以欺诈、伪造证明材料或者其他手段骗取医疗保障基金支出的处罚"
        );
    }

    #[test]
    fn positions_are_those_of_the_columns_laid_out() {
        // Written out as the cell is read: each column's characters in turn,
        // the columns the last line does not reach one shorter.
        for len in 3..60 {
            for width in 2..=MAX_WIDTH {
                let Some(order) = column_major_order(len, width) else { continue };
                let lines = (len - 1) / width + 1;
                let last = len - (lines - 1) * width;
                let mut read = vec![(0, 0); len];
                let mut at = 0;
                for j in 0..width {
                    for i in 0..if j < last { lines } else { lines - 1 } {
                        read[at] = (i, j);
                        at += 1;
                    }
                }
                let text_order: Vec<(usize, usize)> = order.iter().map(|&p| read[p]).collect();
                let mut lines_first = text_order.clone();
                lines_first.sort_unstable();
                assert_eq!(text_order, lines_first, "len {len} width {width}");
            }
        }
    }

    #[test]
    fn order_is_a_permutation() {
        for len in 3..60 {
            for w in 2..8 {
                if let Some(o) = column_major_order(len, w) {
                    let mut sorted = o.clone();
                    sorted.sort_unstable();
                    assert_eq!(sorted, (0..len).collect::<Vec<_>>(), "len {len} width {w}");
                }
            }
        }
    }

    #[test]
    fn the_model_prefers_the_recovered_text() {
        let m = BigramModel::train([
            "按照属地管理原则，负责本系统跨区域、重大事项的实施处罚",
            "负责实施本级行政处罚事项",
            "按照属地监管原则，负责市级行政区域内违法行为的处罚",
        ]);
        let raw = m.score("负施统域大的责本跨、事处实系区重项罚").unwrap();
        let fixed = m.score("负责实施本系统跨区域、重大事项的处罚").unwrap();
        assert!(fixed - raw > MIN_GAIN, "{raw} {fixed}");
    }

    #[test]
    fn long_uniform_text_stays_linear_and_safe() {
        let s = "医".repeat(5000);
        let m = BigramModel::train([s.as_str()]);
        assert!(m.score(&s).is_some());
        for w in 2..=MAX_WIDTH {
            assert_eq!(unscramble(&s, w).unwrap().chars().count(), 5000);
        }
    }
}
