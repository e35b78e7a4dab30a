//! A fast hash for counting characters and pairs of characters.
//!
//! Per-document statistics (bigrams, word ends) hash every character of the
//! text; std's SipHash, made to resist collisions chosen by an attacker,
//! cost more than all the counting. Keys here are characters of the user's
//! own document, so a multiply-and-rotate hash (rustc's "Fx" hash) serves.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A [`HashMap`] under [`CharHasher`].
pub type CharMap<K, V> = HashMap<K, V, BuildHasherDefault<CharHasher>>;

/// Fx hashing: each word rotated in and multiplied by an odd constant; the
/// result's high half folded into its low half, where tables place keys.
#[derive(Debug, Default, Clone, Copy)]
pub struct CharHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl CharHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for CharHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.add(u64::from_le_bytes(word.try_into().expect("eight bytes")));
        }
        // The last bytes, zero-padded, as a word of their own.
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    /// Two words, low first: what `write` makes of its bytes, without the loop.
    fn write_u128(&mut self, n: u128) {
        self.add(n as u64);
        self.add((n >> 64) as u64);
    }

    /// The high half folded into the low: a product's low bits depend
    /// only on the key's low bits, and a table placing keys by them would
    /// put every pair ending in one character (`char_pair` keeps the
    /// second in the low half) in one place.
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
}

/// A value per character: those of `FIRST..=LAST` (the characters a text is
/// mostly made of) in a table by their code, made on the first entry and
/// reached without hashing; the others in a [`CharMap`].
#[derive(Debug, Default)]
pub struct CharTable<V, const FIRST: u32, const LAST: u32> {
    /// Empty until the first entry.
    table: Vec<V>,
    others: CharMap<char, V>,
}

impl<V: Copy + Default, const FIRST: u32, const LAST: u32> CharTable<V, FIRST, LAST> {
    /// Where `c` stands in the table, when it is of the table's range.
    #[inline]
    fn slot(c: char) -> Option<usize> {
        let code = u32::from(c);
        (FIRST..=LAST).contains(&code).then(|| (code - FIRST) as usize)
    }

    /// The value of `c`, to change; the default until then.
    #[inline]
    pub fn entry(&mut self, c: char) -> &mut V {
        match Self::slot(c) {
            Some(i) => {
                if self.table.is_empty() {
                    self.table = vec![V::default(); (LAST - FIRST) as usize + 1];
                }
                &mut self.table[i]
            }
            None => self.others.entry(c).or_default(),
        }
    }

    /// The value of `c`: the default for a character never entered.
    #[inline]
    pub fn get(&self, c: char) -> V {
        match Self::slot(c) {
            Some(i) => self.table.get(i).copied().unwrap_or_default(),
            None => self.others.get(&c).copied().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_char_table_keeps_values_inside_and_outside_its_range() {
        let mut t: CharTable<u32, 0x3400, 0x9FFF> = CharTable::default();
        assert_eq!(t.get('医'), 0, "nothing entered yet");
        for c in ['医', '医', '\u{3400}', '\u{9FFF}', 'a', '𠀀', '\u{33FF}', '\u{A000}'] {
            *t.entry(c) += 1;
        }
        for (c, n) in [
            ('医', 2),
            ('\u{3400}', 1),
            ('\u{9FFF}', 1),
            ('a', 1),
            ('𠀀', 1),
            ('\u{33FF}', 1),
            ('\u{A000}', 1),
            ('保', 0),
        ] {
            assert_eq!(t.get(c), n, "{c}");
        }
        assert_eq!(t.others.len(), 4, "only the characters outside the range are hashed");
    }

    #[test]
    fn counts_like_a_std_map() {
        let text = "对医疗保险经办机构以及医疗机构的处罚对医疗";
        let mut fast: CharMap<(char, char), u32> = CharMap::default();
        let mut std_map: HashMap<(char, char), u32> = HashMap::new();
        let chars: Vec<char> = text.chars().collect();
        for w in chars.windows(2) {
            *fast.entry((w[0], w[1])).or_default() += 1;
            *std_map.entry((w[0], w[1])).or_default() += 1;
        }
        assert_eq!(fast.len(), std_map.len());
        assert!(std_map.iter().all(|(k, v)| fast.get(k) == Some(v)));
        assert_eq!(fast[&('对', '医')], 2);
    }

    #[test]
    fn different_keys_hash_apart() {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let b = BuildHasherDefault::<CharHasher>::default();
        assert_ne!(b.hash_one(('医', '保')), b.hash_one(('保', '医')));
        assert_ne!(b.hash_one("处罚"), b.hash_one("处分"));
    }

    #[test]
    fn pairs_ending_in_one_character_spread_over_a_tables_places() {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let b = BuildHasherDefault::<CharHasher>::default();
        // 256 pairs ending in `的`, placed by the low 10 bits as a table of
        // 1,024 places would: they must take many places, not one.
        let places: std::collections::HashSet<u64> =
            ('\u{4E00}'..='\u{4EFF}').map(|p| b.hash_one(crate::text::char_pair(p, '的')) & 1023).collect();
        assert!(places.len() > 150, "{} places", places.len());
    }

    #[test]
    fn a_wide_number_hashes_as_its_bytes() {
        for n in [0u128, 1, u128::MAX, 0x0123_4567_89AB_CDEF_FEDC_BA98_7654_3210, 1 << 64] {
            let (mut by_number, mut by_bytes) = (CharHasher::default(), CharHasher::default());
            by_number.write_u128(n);
            by_bytes.write(&n.to_le_bytes());
            assert_eq!(by_number.finish(), by_bytes.finish(), "{n:#x}");
        }
    }
}
