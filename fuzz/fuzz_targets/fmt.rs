//! fmt on arbitrary YAML: never a panic; what it writes loads, to the same list, and is a fixed point.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qingdan::format::format_text;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(once) = format_text(text, &Default::default()) {
            let twice = format_text(&once, &Default::default()).expect("fmt output loads");
            assert_eq!(once, twice, "fmt is not idempotent");
        }
    }
});
