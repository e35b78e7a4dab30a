//! What the rules that read values alone found on each distinct value of a
//! run, remembered so that a value met again is not checked again.
//!
//! The texts of lists repeat: one list's items share their duties and
//! liability, a city's departments cite the same articles in the same words,
//! and every county copies its province's list. A run remembers the findings
//! per (field, text) up to a budget of bytes, and forgets a share of them
//! when it is spent, so memory stays bounded whatever the run's size.
//!
//! A text is known by its 128-bit XXH3 fingerprint (seeded by its field), as a compiler's
//! incremental cache knows its inputs: two texts of a run share one with a
//! chance below one in 10^20 even at a billion distinct values, while keeping
//! and comparing every text cost a tenth of a validate run.
//!
//! Each thread looks in a small table of its own first (what it looked up
//! recently, in its core's cache), and takes a shard's lock only when the
//! value is not there: the shared table is large and every thread writes
//! to its locks, so a look-up there costs a cache miss or two.

use super::ValueFinding;
use crate::text::CharMap;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// The findings on one value: each with the index of its rule among the
/// rules the memo's owner runs. Most values have none, and those are told
/// without a shared counter: threads handing out one shared empty list
/// would each write to the same counter for nearly every value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValueFindings(Option<Arc<[(usize, ValueFinding)]>>);

impl From<Vec<(usize, ValueFinding)>> for ValueFindings {
    fn from(found: Vec<(usize, ValueFinding)>) -> Self {
        ValueFindings((!found.is_empty()).then(|| Arc::from(found)))
    }
}

impl std::ops::Deref for ValueFindings {
    type Target = [(usize, ValueFinding)];

    fn deref(&self) -> &Self::Target {
        self.0.as_deref().unwrap_or_default()
    }
}

/// Shards, each behind its own lock, so that threads checking different
/// values seldom wait for each other.
const SHARDS: usize = 16;
const _: () = assert!(SHARDS.is_power_of_two());

/// Findings per (field, text), for one set of rules and one year: its owner
/// must not share it between runs that differ in either.
pub struct Memo {
    /// Which memo of the process this is, for the threads' front tables.
    id: u64,
    shards: Vec<Mutex<Shard>>,
    /// Bytes a shard may hold before it forgets what it holds.
    shard_budget: usize,
}

/// Numbers the memos of a process.
static NEXT_MEMO: AtomicU64 = AtomicU64::new(1);

/// Slots of a thread's front table: 256 KiB, which stays in a core's own
/// cache, where the shared memo's table (megabytes, written by every
/// thread) does not.
const FRONT_SLOTS: usize = 1 << 13;
const _: () = assert!(FRONT_SLOTS.is_power_of_two());

/// What one thread has recently looked up in one memo, by the key's low
/// bits, one entry a slot (a newer key takes the slot): a look-up found
/// here takes no lock and touches no memory another thread writes. The
/// findings are the memo's own, so an answer from here is the memo's.
struct Front {
    /// The memo the entries are of; another memo's look-up clears them.
    memo: u64,
    /// Key 0 marks an empty slot (a text whose fingerprint is 0 is only
    /// ever looked up in the memo).
    slots: Vec<(Key, ValueFindings)>,
}

thread_local! {
    static FRONT: RefCell<Front> = const { RefCell::new(Front { memo: 0, slots: Vec::new() }) };
}

impl Front {
    fn slot(&mut self, memo: u64, key: Key) -> &mut (Key, ValueFindings) {
        if self.memo != memo || self.slots.is_empty() {
            self.memo = memo;
            self.slots.clear();
            self.slots.resize(FRONT_SLOTS, (0, ValueFindings::default()));
        }
        &mut self.slots[key as usize & (FRONT_SLOTS - 1)]
    }
}

#[derive(Default)]
struct Shard {
    /// What was found on each value seen.
    entries: CharMap<Key, ValueFindings>,
    bytes: usize,
}

/// A value seen: the fingerprint of its text, seeded by its field (so the
/// same text under two fields has two), which chooses the shard too. One
/// number to hash and compare, not a number and the field's name.
type Key = u128;

impl Memo {
    /// A memo holding at most about `budget` bytes of texts and findings.
    pub fn new(budget: usize) -> Memo {
        Memo {
            id: NEXT_MEMO.fetch_add(1, Ordering::Relaxed),
            shards: (0..SHARDS).map(|_| Mutex::new(Shard::default())).collect(),
            shard_budget: budget / SHARDS,
        }
    }

    /// The findings on `text` under `field`: those remembered from the same
    /// text under the same field, or those `find` gives, then remembered.
    pub fn findings(
        &self,
        field: &'static str,
        text: &str,
        find: impl FnOnce() -> Vec<(usize, ValueFinding)>,
    ) -> ValueFindings {
        self.findings_of_parts(field, &[text], find)
    }

    /// [`Memo::findings`] of a value made of `parts`, as if joined by a
    /// character none of them holds, without joining them.
    pub fn findings_of_parts(
        &self,
        field: &'static str,
        parts: &[&str],
        find: impl FnOnce() -> Vec<(usize, ValueFinding)>,
    ) -> ValueFindings {
        if self.shard_budget == 0 {
            return ValueFindings::from(find());
        }
        let key = key_of_parts(field, parts);
        let in_front = FRONT.with_borrow_mut(|front| {
            let slot = front.slot(self.id, key);
            (slot.0 == key && key != 0).then(|| slot.1.clone())
        });
        if let Some(found) = in_front {
            return found;
        }
        let found = self.shared(key, find);
        if key != 0 {
            FRONT.with_borrow_mut(|front| *front.slot(self.id, key) = (key, found.clone()));
        }
        found
    }

    /// The findings under `key` in the shared table, or those `find` gives, then kept there.
    fn shared(&self, key: Key, find: impl FnOnce() -> Vec<(usize, ValueFinding)>) -> ValueFindings {
        // The shard by the fingerprint's top bits.
        let shard = &self.shards[(key >> (128 - SHARDS.trailing_zeros())) as usize];
        if let Some(found) = lock(shard).entries.get(&key) {
            return found.clone();
        }
        // Found outside the lock: another thread may find the same meanwhile,
        // which costs a check, never a different answer.
        let found = ValueFindings::from(find());
        let size = found
            .iter()
            .map(|(_, f)| f.message.en.len() + f.message.zh.len() + f.fix.as_ref().map_or(0, String::len))
            .sum::<usize>()
            + 64;
        let mut shard = lock(shard);
        if shard.bytes + size > self.shard_budget {
            shard.entries.clear();
            shard.bytes = 0;
        }
        if size <= self.shard_budget {
            shard.bytes += size;
            shard.entries.insert(key, found.clone());
        }
        found
    }
}

/// The key of `text` under `field`.
#[cfg(test)]
fn key_of(field: &str, text: &str) -> Key {
    key_of_parts(field, &[text])
}

/// The key of a value made of `parts` under `field`: each part but the
/// last is hashed into the seed of the next, so no part's text is copied
/// and no two lists of parts share a key but by chance.
fn key_of_parts(field: &str, parts: &[&str]) -> Key {
    let mut seed = xxhash_rust::xxh3::xxh3_64(field.as_bytes());
    let Some((last, before)) = parts.split_last() else { return u128::from(seed) };
    for p in before {
        seed = xxhash_rust::xxh3::xxh3_64_with_seed(p.as_bytes(), seed);
    }
    xxhash_rust::xxh3::xxh3_128_with_seed(last.as_bytes(), seed)
}

/// A shard's lock; a thread that panicked holding it left whole entries
/// only (it panics outside the lock, in a rule), so the shard is still sound.
fn lock(shard: &Mutex<Shard>) -> std::sync::MutexGuard<'_, Shard> {
    shard.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn finding(text: &str) -> ValueFinding {
        ValueFinding::new(crate::i18n::Message::same(text))
    }

    #[test]
    fn a_value_met_again_is_not_checked_again() {
        let memo = Memo::new(1 << 20);
        let checks = Cell::new(0);
        let check = || {
            checks.set(checks.get() + 1);
            vec![(3, finding("found"))]
        };
        let text = "依法依规实施本级行政处罚事项并公示行政处罚决定。";
        let first = memo.findings("text", text, check);
        let again = memo.findings("text", text, check);
        assert_eq!(checks.get(), 1);
        assert_eq!(first, again);
        assert_eq!(again[0].0, 3);
    }

    #[test]
    fn the_field_is_part_of_the_key() {
        let memo = Memo::new(1 << 20);
        let text = "《关于印发〈医疗保障办法〉的通知》";
        memo.findings("title", text, || vec![(0, finding("in a title"))]);
        let other = memo.findings("text", text, Vec::new);
        assert!(other.is_empty());
        assert_eq!(memo.findings("title", text, Vec::new).len(), 1);
    }

    #[test]
    fn short_values_are_remembered_too() {
        // Types, levels and article numbers repeat most of all.
        let memo = Memo::new(1 << 20);
        let checks = Cell::new(0);
        for _ in 0..3 {
            memo.findings("type", "行政处罚", || {
                checks.set(checks.get() + 1);
                Vec::new()
            });
        }
        assert_eq!(checks.get(), 1);
    }

    #[test]
    fn a_memo_without_a_budget_checks_each_time() {
        let memo = Memo::new(0);
        let checks = Cell::new(0);
        for _ in 0..2 {
            memo.findings("text", "依法依规实施本级行政处罚事项并公示行政处罚决定。", || {
                checks.set(checks.get() + 1);
                vec![(0, finding("found"))]
            });
        }
        assert_eq!(checks.get(), 2);
    }

    #[test]
    fn texts_sharing_a_front_slot_each_get_their_own_findings() {
        // Two texts whose keys take the same slot of the thread's front table.
        let mut by_slot = std::collections::HashMap::new();
        let (a, b) = (0..)
            .map(|k| format!("第{k}条"))
            .find_map(|t| {
                let slot = key_of("text", &t) as usize & (FRONT_SLOTS - 1);
                by_slot.insert(slot, t.clone()).map(|earlier| (earlier, t))
            })
            .expect("two texts share a slot");
        let memo = Memo::new(1 << 20);
        let checks = Cell::new(0);
        let check = |text: &str| {
            checks.set(checks.get() + 1);
            vec![(0, finding(text))]
        };
        for _ in 0..3 {
            for t in [&a, &b] {
                let found = memo.findings("text", t, || check(t));
                assert_eq!(found[0].1.message.en, *t);
            }
        }
        // Each was checked once: the one the front table lost came from the memo.
        assert_eq!(checks.get(), 2);
    }

    #[test]
    fn values_of_parts_are_told_apart_by_where_the_parts_end() {
        let memo = Memo::new(1 << 20);
        memo.findings_of_parts("pair", &["ab", "c"], || vec![(0, finding("ab|c"))]);
        let other = memo.findings_of_parts("pair", &["a", "bc"], || vec![(0, finding("a|bc"))]);
        assert_eq!(other[0].1.message.en, "a|bc");
        assert_eq!(memo.findings_of_parts("pair", &["ab", "c"], Vec::new)[0].1.message.en, "ab|c");
        // One part is the value itself.
        assert_eq!(key_of_parts("text", &["第一条"]), key_of("text", "第一条"));
        assert_ne!(key_of_parts("text", &["第一", "条"]), key_of("text", "第一条"));
    }

    #[test]
    fn two_memos_on_one_thread_keep_apart() {
        let text = "依法依规实施本级行政处罚事项。";
        let first = Memo::new(1 << 20);
        first.findings("text", text, || vec![(0, finding("first"))]);
        let second = Memo::new(1 << 20);
        let found = second.findings("text", text, || vec![(1, finding("second"))]);
        assert_eq!(found[0].0, 1);
        assert_eq!(first.findings("text", text, Vec::new)[0].0, 0);
    }

    #[test]
    fn memory_stays_within_the_budget() {
        let memo = Memo::new(SHARDS * 4096);
        for k in 0..10_000 {
            let text = format!("第{k}段文字，各不相同，因而每段都要检查一次。");
            memo.findings("text", &text, || vec![(0, finding("found"))]);
        }
        for shard in &memo.shards {
            assert!(lock(shard).bytes <= 4096);
        }
        // A value forgotten is checked again, with the same answer.
        let text = "第0段文字，各不相同，因而每段都要检查一次。";
        assert_eq!(memo.findings("text", text, || vec![(0, finding("found"))]).len(), 1);
    }
}
