//! Code profiles: the grammar of a province's item codes, its type-code
//! table and which parts are the region, the level and the department.
//! Profiles are data (`schema/profiles/*.toml`); a user supports another
//! province by adding a file.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A code profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Short name (`shandong`).
    pub name: String,
    /// What it is.
    #[serde(default)]
    pub description: String,
    /// Length of a code, in characters.
    pub length: usize,
    /// The characters a code may hold.
    pub charset: String,
    /// Where the issuing body's unified social credit code stands, if the code holds one.
    #[serde(default)]
    pub uscc: Option<[usize; 2]>,
    /// Named parts of the code.
    pub segments: Segments,
    /// Type digits and the type they stand for.
    #[serde(default)]
    pub types: BTreeMap<String, String>,
    /// Level digit and the tier it stands for.
    #[serde(default)]
    pub levels: BTreeMap<String, String>,
    /// The ASCII characters of `charset` as bits, worked out on first use:
    /// codes are ASCII, and every code rule asks whether a code fits.
    #[serde(skip)]
    ascii_charset: std::sync::OnceLock<u128>,
}

/// Character ranges of a code's parts.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segments {
    /// GB/T 2260 region.
    pub region: Option<[usize; 2]>,
    /// Item type digits.
    #[serde(rename = "type")]
    pub kind: Option<[usize; 2]>,
    /// Department digits.
    pub department: Option<[usize; 2]>,
    /// Sequence number.
    pub sequence: Option<[usize; 2]>,
    /// Level digit.
    pub level: Option<[usize; 2]>,
    /// Province digits.
    pub province: Option<[usize; 2]>,
    /// Sub-item digits.
    pub sub: Option<[usize; 2]>,
}

fn part(code: &str, r: Option<[usize; 2]>) -> Option<&str> {
    let [a, b] = r?;
    code.get(a..b)
}

impl Profile {
    /// Whether `code` has this profile's shape (length and characters).
    pub fn fits(&self, code: &str) -> bool {
        if code.is_ascii() {
            let allowed = *self.ascii_charset.get_or_init(|| {
                self.charset.chars().filter(char::is_ascii).fold(0u128, |bits, c| bits | 1 << (c as u32))
            });
            return code.len() == self.length && code.bytes().all(|b| allowed & (1 << b) != 0);
        }
        code.chars().count() == self.length && code.chars().all(|c| self.charset.contains(c))
    }

    /// The characters of `code` outside the charset, as byte ranges.
    pub fn bad_chars(&self, code: &str) -> Vec<Range<usize>> {
        code.char_indices().filter(|(_, c)| !self.charset.contains(*c)).map(|(i, c)| i..i + c.len_utf8()).collect()
    }

    /// The region part.
    pub fn region<'a>(&self, code: &'a str) -> Option<&'a str> {
        part(code, self.segments.region)
    }

    /// The type digits.
    pub fn type_digits<'a>(&self, code: &'a str) -> Option<&'a str> {
        part(code, self.segments.kind)
    }

    /// The department digits.
    pub fn department<'a>(&self, code: &'a str) -> Option<&'a str> {
        part(code, self.segments.department)
    }

    /// The level digit.
    pub fn level<'a>(&self, code: &'a str) -> Option<&'a str> {
        part(code, self.segments.level)
    }

    /// The unified social credit code inside the code.
    pub fn uscc<'a>(&self, code: &'a str) -> Option<&'a str> {
        part(code, self.uscc)
    }
}

/// The profiles shipped with qingdan, read once per process: every
/// document parsed asks for them.
pub fn builtin_profiles() -> &'static [Profile] {
    static BUILTIN: LazyLock<Vec<Profile>> = LazyLock::new(|| {
        [include_str!("../../schema/profiles/shandong.toml"), include_str!("../../schema/profiles/gansu.toml")]
            .iter()
            .map(|t| toml::from_str(t).expect("a built-in profile reads"))
            .collect()
    });
    &BUILTIN
}

/// Reads a profile file.
pub fn parse_profile(text: &str) -> Result<Profile, String> {
    toml::from_str(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_profiles_load() {
        let p = builtin_profiles();
        assert_eq!(p.len(), 2);
        let sd = &p[0];
        assert!(sd.fits("3700000236009"));
        assert_eq!(sd.region("3700000236009"), Some("370000"));
        assert_eq!(sd.type_digits("3700000236009"), Some("02"));
        assert_eq!(sd.types["02"], "行政处罚");
        let gs = &p[1];
        assert!(gs.fits("11620500MB161709673620236001000"));
        assert_eq!(gs.level("11620500MB161709673620236001000"), Some("3"));
        assert_eq!(gs.region("11620725MB1728597R4620236001000"), Some("620725"));
        assert_eq!(gs.uscc("11620725MB1728597R4620236001000"), Some("11620725MB1728597R"));
    }

    #[test]
    fn a_code_fits_by_length_and_characters_whatever_they_are() {
        let toml = "name = \"x\"\nlength = 4\ncharset = \"0123A甲\"\n[segments]\n";
        let p = parse_profile(toml).unwrap();
        // The character-by-character reading the ASCII path must agree with.
        let by_chars = |code: &str| code.chars().count() == 4 && code.chars().all(|c| p.charset.contains(c));
        for code in
            ["0123", "A000", "0124", "012", "01234", "a000", "甲000", "甲00", "０１２３", "01 3", "", "\u{7f}000"]
        {
            assert_eq!(p.fits(code), by_chars(code), "{code:?}");
        }
        assert!(p.fits("3A21") && p.fits("甲甲甲0") && !p.fits("0129"));
    }
}
