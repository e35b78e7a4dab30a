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

use super::ValueFinding;
use crate::text::CharMap;
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
    shards: Vec<Mutex<Shard>>,
    /// Bytes a shard may hold before it forgets what it holds.
    shard_budget: usize,
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
        Memo { shards: (0..SHARDS).map(|_| Mutex::new(Shard::default())).collect(), shard_budget: budget / SHARDS }
    }

    /// The findings on `text` under `field`: those remembered from the same
    /// text under the same field, or those `find` gives, then remembered.
    pub fn findings(
        &self,
        field: &'static str,
        text: &str,
        find: impl FnOnce() -> Vec<(usize, ValueFinding)>,
    ) -> ValueFindings {
        if self.shard_budget == 0 {
            return ValueFindings::from(find());
        }
        let seed = xxhash_rust::xxh3::xxh3_64(field.as_bytes());
        let key: Key = xxhash_rust::xxh3::xxh3_128_with_seed(text.as_bytes(), seed);
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
