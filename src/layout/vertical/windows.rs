//! What each window of blocks holds, for the searches that cut the blocks
//! into cells.
//!
//! A window's content (the kinds of its text and the shape of its lines)
//! depends on its blocks alone, not on the search weighing it, yet every
//! search weighs the same windows: the first pass once per column order it
//! tries, the second pass again. The windows from each block the first pass
//! reads are worked out once, here, and read back by every search.

use super::{Block, Line, ShapeCost};
use crate::layout::columns::{
    whole_cell_score, Column, Ending, Features, Junction, Kinds, LongCellKey, Opening, Tally, EDGE, JUNCTION_REACH,
};
use crate::text::CharMap;
use std::ops::RangeInclusive;

/// A window's content: its kinds, by their place in [`KindsSeen`], and the
/// cost of its lines' shape.
#[derive(Debug, Clone, Copy)]
pub(super) struct Window {
    pub kinds: u32,
    pub shape: f32,
}

/// Where a column's score stands in a row of [`KindsSeen`]'s scores: the
/// columns in [`Column::ALL`]'s order, then one for every column the format
/// does not name (they score alike). A duty group scores as 对应责任事项.
pub(super) fn score_slot(column: Column) -> usize {
    match column {
        Column::Extra(_) => Column::ALL.len(),
        Column::DutyGroup(_) => score_slot(Column::Duties),
        c => Column::ALL.iter().position(|&a| a == c).unwrap_or(Column::ALL.len()),
    }
}

/// How many scores a kinds has: one per slot of [`score_slot`].
pub(super) const SCORE_SLOTS: usize = Column::ALL.len() + 1;

/// The kinds of content windows have shown, each once, by place, with what
/// each scores as a whole cell of every column: a search compares a
/// window's kinds with the last one's, and looks up their scores, by place.
/// Every search (one per column order the first pass tries, then the
/// second pass) reads the same scores.
#[derive(Debug, Default)]
pub(super) struct KindsSeen {
    scores: Vec<[f32; SCORE_SLOTS]>,
    places: CharMap<u128, u32>,
}

impl KindsSeen {
    /// The place of `kinds`, whose key is `key`, given it (and its scores) on first sight.
    fn place(&mut self, kinds: Kinds, key: u128) -> u32 {
        let next = self.scores.len() as u32;
        let place = *self.places.entry(key).or_insert(next);
        if place == next {
            let mut scores = [0.0; SCORE_SLOTS];
            for (slot, &column) in Column::ALL.iter().chain([Column::Extra(0)].iter()).enumerate() {
                scores[slot] = whole_cell_score(column, &kinds);
            }
            self.scores.push(scores);
        }
        place
    }

    /// The place of the kinds whose key is `key`, when they have been seen.
    fn place_of(&self, key: u128) -> Option<u32> {
        self.places.get(&key).copied()
    }

    /// How many kinds have been seen: their places run up to it.
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    /// What the kinds at `place` score as a whole cell of each column, by [`score_slot`].
    pub fn scores(&self, place: u32) -> &[f32; SCORE_SLOTS] {
        &self.scores[place as usize]
    }
}

/// The places in [`KindsSeen`] of long windows' kinds, by key and opening
/// ([`LongCellKey::with_opening`]). The key changes at one window in four,
/// unforeseeably, between the same few: each window's is looked up in a
/// small table by its hash, where it is nearly always found, rather than
/// compared with the last (a branch mispredicted at every change) and
/// looked up in the map when changed.
#[derive(Debug)]
struct LongKinds {
    /// The keys and places last found, a slot each by the key's hash.
    recent: Vec<(u64, u32)>,
    places: CharMap<u64, u32>,
}

impl Default for LongKinds {
    fn default() -> Self {
        LongKinds { recent: vec![(LongCellKey::NONE, 0); LongKinds::RECENT], places: CharMap::default() }
    }
}

impl LongKinds {
    /// How many slots the table of recent keys has: a power of two.
    const RECENT: usize = 1024;

    fn slot(key: u64) -> usize {
        // The product's high bits hang on every bit of the key.
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - LongKinds::RECENT.trailing_zeros())) as usize
    }

    /// The place of the kinds of `key`, when they have been worked out.
    #[inline]
    fn find(&mut self, key: u64) -> Option<u32> {
        let slot = &mut self.recent[LongKinds::slot(key)];
        if slot.0 == key {
            return Some(slot.1);
        }
        let place = *self.places.get(&key)?;
        *slot = (key, place);
        Some(place)
    }

    /// Keeps `place` as that of the kinds of `key`.
    fn insert(&mut self, key: u64, place: u32) {
        self.places.insert(key, place);
        self.recent[LongKinds::slot(key)] = (key, place);
    }
}

/// A cell longer than any column's widest: a window holding more runs on no further.
const LONGEST_CELL_CHARS: usize = 4000;

/// The windows of a document's blocks.
pub(super) struct Windows<'a> {
    blocks: &'a [Block],
    lines: &'a [Line],
    /// What the last characters of all the text up to each block's end say:
    /// the same as a window's ending there, once the window holds [`EDGE`] characters.
    endings: Vec<Ending>,
    /// The words running across each block's start from the text before
    /// it: the same as a window's, once the window holds
    /// [`JUNCTION_REACH`] characters before it.
    junctions: Vec<Junction>,
    /// What each block adds to a long window's tally, the words across its
    /// start from the text before it included ([`Tally::of_next`]).
    growth: Vec<Tally>,
    pub kinds: KindsSeen,
    /// The kinds of long windows: as each grows, its last characters (a
    /// colon, a 、) and its lists change its kinds at every few blocks,
    /// between the same few, and they are worked out once.
    long_kinds: LongKinds,
    /// What a cell opening at each block scores for the boundary before it
    /// ([`super::opening_score`]).
    openings: Vec<f32>,
    /// For each block of the first ones: where its windows stand in
    /// `cached`, how many there are, and whether the last is as long as
    /// a cell gets (no longer window from the block is ever weighed).
    cached_from: Vec<(u32, u32, bool)>,
    cached: Vec<Window>,
    shape_cost: ShapeCost,
}

impl<'a> Windows<'a> {
    /// The windows of `blocks`, none worked out yet.
    pub fn new(blocks: &'a [Block], lines: &'a [Line]) -> Self {
        let mut so_far = Features::default();
        let (endings, junctions): (Vec<Ending>, Vec<Junction>) = blocks
            .iter()
            .map(|blk| {
                let junction = Junction::of(&so_far, &blk.features);
                so_far.extend_across(&blk.features, junction);
                (Ending::of(so_far.last.bytes()), junction)
            })
            .unzip();
        let growth =
            blocks.iter().zip(&junctions).map(|(blk, &junction)| Tally::of_next(&blk.features, junction)).collect();
        Windows {
            blocks,
            lines,
            endings,
            junctions,
            growth,
            kinds: KindsSeen::default(),
            long_kinds: LongKinds::default(),
            openings: (0..blocks.len()).map(|b| super::opening_score(blocks, b, lines)).collect(),
            cached_from: Vec::new(),
            cached: Vec::new(),
            shape_cost: ShapeCost::default(),
        }
    }

    /// The lines the blocks hold.
    pub fn lines(&self) -> &'a [Line] {
        self.lines
    }

    /// What a cell opening at block `b` scores for the boundary before it.
    pub fn opening_score(&self, b: usize) -> f32 {
        self.openings[b]
    }

    /// Works out, once, the windows from each of the first `upto` blocks
    /// that end there too and span at most `span` blocks.
    pub fn keep(&mut self, upto: usize, span: usize) {
        let mut cached = std::mem::take(&mut self.cached);
        // Room for every window up front: the table is large, and each doubling copied it.
        cached.reserve((0..upto).map(|b| span.min(upto - b)).sum());
        let cached_from = (0..upto)
            .map(|b| {
                let start = cached.len();
                let stopped = self.work_out(b, (b + span).min(upto), &mut cached);
                (start as u32, (cached.len() - start) as u32, stopped)
            })
            .collect();
        self.cached = cached;
        self.cached_from = cached_from;
    }

    /// Appends to `windows` each window from block `b` in turn, one block
    /// longer each time, up to the one ending at block `end` or the first as
    /// long as a cell gets: the `i`th ends at block `b + 1 + i` (exclusive).
    /// Their kinds stand in [`Windows::kinds`].
    pub fn gather(&mut self, b: usize, end: usize, windows: &mut Vec<Window>) {
        if let Some(&(start, count, stopped)) = self.cached_from.get(b) {
            let (start, count) = (start as usize, count as usize);
            if stopped || b + count >= end {
                let upto = count.min(end - b);
                windows.extend_from_slice(&self.cached[start..start + upto]);
                return;
            }
        }
        self.work_out(b, end, windows);
    }

    /// [`Windows::gather`], working each window out; whether the last was as
    /// long as a cell gets.
    fn work_out(&mut self, b: usize, end: usize, windows: &mut Vec<Window>) -> bool {
        let mut f = Features::default();
        self.shape_cost.clear();
        let mut kept_opening: Option<Opening> = None;
        // The last window's kinds, by key (one number compared, not every
        // field), and their place.
        let mut last: Option<(u128, u32)> = None;
        for e in b + 1..=end {
            let blk = &self.blocks[e - 1];
            if f.is_long() {
                // Its edges are known without it: `kept_opening` and `endings`.
                f.extend_counts(&blk.features, self.junctions[e - 1]);
            } else if f.chars >= EDGE {
                f.extend_past_edges(&blk.features, self.junctions[e - 1]);
            } else {
                let junction =
                    if f.chars >= JUNCTION_REACH { self.junctions[e - 1] } else { Junction::of(&f, &blk.features) };
                f.extend_across(&blk.features, junction);
            }
            for li in blk.lines.clone() {
                self.shape_cost.push(&self.lines[li]);
            }
            // Once a window holds EDGE characters its first ones stay, and its
            // last ones are those of all the text up to its end.
            let opening = match kept_opening {
                Some(o) => o,
                None => {
                    let o = Opening::of(f.first.bytes());
                    if f.chars >= EDGE {
                        kept_opening = Some(o);
                    }
                    o
                }
            };
            let ending = if f.chars >= EDGE { self.endings[e - 1] } else { Ending::of(f.last.bytes()) };
            let kinds = Kinds::with_edges(&f, opening, ending);
            let key = kinds.key();
            let place = match last {
                Some((k, place)) if k == key => place,
                _ => self.kinds.place(kinds, key),
            };
            last = Some((key, place));
            windows.push(Window { kinds: place, shape: self.shape_cost.cost() });
            if f.chars > LONGEST_CELL_CHARS {
                return true;
            }
            // A long window keeps its kinds over many blocks (a long cell's do
            // not change with its length): from here on they are worked out
            // only when what they hang on changes.
            if let (Some(opening), Some(long_key)) = (kept_opening, Kinds::long_cell_key(&f, ending)) {
                return self.grow_long(f, opening, (long_key, place), e + 1..=end, windows);
            }
        }
        false
    }

    /// [`Windows::work_out`] for the windows ending at `ends`, grown from
    /// one already long (`f`), whose kinds hang on its key and `opening`
    /// alone ([`Kinds::long_cell_key`]): `grown_from` is its key and the
    /// place of its kinds. The key changes every few blocks (a colon or a 、
    /// ends the window, a list begins) between the same few, so their
    /// kinds are worked out once for every window ([`Windows::long_kinds`]).
    /// The window grows by its tally; its features are brought up to date
    /// only to work kinds out.
    fn grow_long(
        &mut self,
        mut f: Features,
        opening: Opening,
        grown_from: (LongCellKey, u32),
        ends: RangeInclusive<usize>,
        windows: &mut Vec<Window>,
    ) -> bool {
        let (first, end) = (*ends.start(), *ends.end());
        let mut tally = f.tally();
        let key = grown_from.0.with_opening(opening);
        if self.long_kinds.find(key).is_none() {
            self.long_kinds.insert(key, grown_from.1);
        }
        // The blocks `f` covers end here.
        let mut f_end = first - 1;
        let mut bring_up_to = |f: &mut Features, end: usize| {
            for blk in f_end..end {
                f.extend_counts(&self.blocks[blk].features, self.junctions[blk]);
            }
            f_end = end;
        };
        // A long window's shape soon costs all it can, and stays there: its
        // lines are then no longer read.
        let mut shape = self.shape_cost.cost();
        let mut shape_settled = self.shape_cost.at_ceiling();
        // The blocks the window grows by, one a window.
        let added = first - 1..end.max(first - 1);
        windows.reserve(added.len());
        for (e, (&growth, &ending)) in (first..).zip(self.growth[added.clone()].iter().zip(&self.endings[added])) {
            tally = tally.then(growth);
            if !shape_settled {
                for li in self.blocks[e - 1].lines.clone() {
                    self.shape_cost.push(&self.lines[li]);
                }
                shape = self.shape_cost.cost();
                shape_settled = self.shape_cost.at_ceiling();
            }
            // Long, as the window it grew from.
            let key = LongCellKey::of_tally(tally, ending).with_opening(opening);
            let place = match self.long_kinds.find(key) {
                Some(place) => place,
                None => {
                    bring_up_to(&mut f, e);
                    let kinds = Kinds::with_edges(&f, opening, ending);
                    let place = self.kinds.place(kinds, kinds.key());
                    self.long_kinds.insert(key, place);
                    place
                }
            };
            if cfg!(debug_assertions) {
                bring_up_to(&mut f, e);
                debug_assert_eq!(f.tally(), tally, "a long cell's tally");
                debug_assert_eq!(
                    self.kinds.place_of(Kinds::with_edges(&f, opening, ending).key()),
                    Some(place),
                    "a long cell's kinds"
                );
            }
            windows.push(Window { kinds: place, shape });
            if tally.chars > LONGEST_CELL_CHARS {
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::blocks_of;
    use super::*;

    /// Every window from every block, worked out afresh.
    fn worked_out(windows: &mut Windows, span: usize) -> Vec<Vec<(usize, u32, f32)>> {
        let n = windows.blocks.len();
        (0..n)
            .map(|b| {
                let mut from_b = Vec::new();
                windows.work_out(b, (b + span).min(n), &mut from_b);
                from_b.iter().enumerate().map(|(i, w)| (b + 1 + i, w.kinds, w.shape)).collect()
            })
            .collect()
    }

    #[test]
    fn windows_kept_are_those_worked_out_and_the_rest_are_worked_out() {
        let text = super::super::tests::SAMPLE;
        let (lines, blocks) = blocks_of(text);
        assert!(blocks.len() > 20, "{}", blocks.len());
        let mut fresh = Windows::new(&blocks, &lines);
        let expected = worked_out(&mut fresh, 9);
        let scores_of = |w: &Windows, place: u32| w.kinds.scores(place).map(f32::to_bits);
        let n = blocks.len();
        for upto in [0, 7, n] {
            let mut kept = Windows::new(&blocks, &lines);
            kept.keep(upto, 5);
            for (b, want) in expected.iter().enumerate() {
                let mut from_b = Vec::new();
                kept.gather(b, (b + 9).min(n), &mut from_b);
                let got: Vec<_> =
                    from_b.iter().enumerate().map(|(i, w)| (b + 1 + i, scores_of(&kept, w.kinds), w.shape)).collect();
                let want: Vec<_> = want.iter().map(|&(e, k, s)| (e, scores_of(&fresh, k), s)).collect();
                assert_eq!(got.len(), want.len(), "block {b}, {upto} kept");
                for (g, w) in got.iter().zip(&want) {
                    assert!(g.0 == w.0 && g.1 == w.1 && g.2.to_bits() == w.2.to_bits(), "block {b}, {upto} kept");
                }
            }
        }
        // Scores are kept once per kinds.
        assert!(fresh.kinds.scores.len() < expected.iter().map(Vec::len).sum::<usize>());
    }

    #[test]
    fn long_kinds_are_found_by_key_whichever_share_a_slot() {
        let mut long = LongKinds::default();
        assert_eq!(long.find(0), None);
        // Keys sharing a slot of the recent ones, and keys that do not.
        let keys: Vec<u64> = (0..5000u64).map(|i| (i << 16) | (i % 16)).collect();
        let mut in_slot = vec![0; LongKinds::RECENT];
        keys.iter().for_each(|&k| in_slot[LongKinds::slot(k)] += 1);
        assert!(in_slot.iter().any(|&n| n > 1));
        for (place, &key) in keys.iter().enumerate() {
            long.insert(key, place as u32);
        }
        for _ in 0..2 {
            for (place, &key) in keys.iter().enumerate() {
                assert_eq!(long.find(key), Some(place as u32));
            }
        }
        assert_eq!(long.find(LongCellKey::NONE), None);
        assert_eq!(long.find(5000 << 16), None);
    }

    #[test]
    fn a_window_past_the_longest_cell_is_the_last() {
        let long = "社会保险经办机构以及医疗机构骗取社会保险基金支出的处罚。\n\n".repeat(200);
        let (lines, blocks) = blocks_of(&long);
        let mut windows = Windows::new(&blocks, &lines);
        let mut worked_out = Vec::new();
        let stopped = windows.work_out(0, blocks.len(), &mut worked_out);
        let count = worked_out.len();
        assert!(stopped && count < blocks.len(), "{count} of {}", blocks.len());
        windows.keep(blocks.len(), blocks.len());
        let mut kept = Vec::new();
        windows.gather(0, blocks.len(), &mut kept);
        assert_eq!(kept.len(), count);
    }
}
