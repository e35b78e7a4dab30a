//! Decode, normalise and parse arbitrary bytes: never a panic; conservation holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qingdan::parse::{check_conservation, parse_bytes, InputKind, ParseOptions};

fuzz_target!(|data: &[u8]| {
    let options = ParseOptions::default();
    if let Ok(parsed) = parse_bytes("fuzz.txt", data, &options) {
        let yaml = qingdan::yaml::to_canonical_string(&parsed.list);
        let back = qingdan::yaml::load(&yaml, &Default::default()).expect("parse output loads");
        assert_eq!(back.list, parsed.list, "parse → YAML → load changed the list");
        // Conservation is the text layouts' property; cells are typed, not laid out.
        if parsed.input != InputKind::Cells {
            let lost = check_conservation(data, &options).expect("a parsed input lays out again");
            assert!(lost.is_empty(), "text lost or doubled: {lost:?}");
        }
    }
});
