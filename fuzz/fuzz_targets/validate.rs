//! Load arbitrary YAML and run every rule: never a panic, every location in range.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qingdan::validate::{Config, Engine};
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(|| Engine::new(Config::default(), 2026).expect("built-in data loads"));
    if let Ok(text) = std::str::from_utf8(data) {
        let report = engine.check_text("fuzz.yaml", text);
        for d in &report.diagnostics {
            if let Some(loc) = &d.location {
                assert!(loc.range.start <= loc.range.end && loc.range.end <= text.len());
            }
        }
        let _ = qingdan::diagnostic::render(&report.diagnostics, qingdan::diagnostic::Format::Sarif, &Default::default());
    }
});
