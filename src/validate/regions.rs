//! GB/T 2260 region codes, shipped in `schema/regions/gb2260.tsv`.

use std::collections::HashMap;
use std::sync::LazyLock;

static REGIONS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("../../schema/regions/gb2260.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .collect()
});

/// The name of a six-digit region code, if it exists (or existed).
pub fn region_name(code: &str) -> Option<&'static str> {
    REGIONS.get(code).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_regions() {
        assert_eq!(region_name("370000"), Some("山东省"));
        assert_eq!(region_name("370100"), Some("济南市"));
        assert_eq!(region_name("620500"), Some("天水市"));
        assert_eq!(region_name("620725"), Some("山丹县"));
        assert!(region_name("622226").is_some());
        assert_eq!(region_name("379999"), None);
    }
}
