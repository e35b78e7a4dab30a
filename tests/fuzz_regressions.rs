//! Inputs the fuzzers found, kept as tests (`fixtures/fuzz/`).

mod common;

use common::*;

fn files(ext: &str) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(root().join("fixtures/fuzz"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

/// fmt was not idempotent on runs of unmatched brackets (`))))处罚`).
#[test]
fn fmt_is_a_fixed_point_on_fuzzed_lists() {
    for f in files("yaml") {
        let text = std::fs::read_to_string(&f).unwrap();
        if let Ok(once) = qingdan::format::format_text(&text, &Default::default()) {
            assert_eq!(qingdan::format::format_text(&once, &Default::default()).unwrap(), once, "{}", f.display());
        }
    }
}

/// Slow under the old vertical layout search; parsed and conserved now.
#[test]
fn fuzzed_documents_parse_and_conserve() {
    for f in files("txt") {
        let bytes = std::fs::read(&f).unwrap();
        let options = qingdan::parse::ParseOptions::default();
        let parsed = qingdan::parse::parse_bytes("fuzz.txt", &bytes, &options);
        if parsed.is_ok_and(|p| p.input != qingdan::parse::InputKind::Cells) {
            assert!(qingdan::parse::check_conservation(&bytes, &options).unwrap().is_empty(), "{}", f.display());
        }
    }
}

/// The span index cut a flow sequence that closes on a later line
/// (`articles: [第八十七条` … `]`) inside a character.
#[test]
fn validate_reads_fuzzed_lists_without_panicking() {
    let engine = qingdan::validate::Engine::new(Default::default(), 2026).unwrap();
    for f in files("yaml") {
        let text = std::fs::read_to_string(&f).unwrap();
        let _ = engine.check_text("fuzz.yaml", &text);
    }
}
