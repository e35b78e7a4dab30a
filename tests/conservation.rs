//! Nothing lost: every non-space character of the list part of each seed
//! and fixture is in exactly one cell or in a set-aside fragment that a
//! warning quotes.

mod common;

use common::*;
use qingdan::parse::{check_conservation, ParseOptions};

#[test]
fn every_seed_and_fixture_conserves_its_text() {
    let mut files = list_seeds();
    files.extend(text_fixtures());
    let mut failures = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        match check_conservation(&bytes, &ParseOptions::default()) {
            Ok(problems) if problems.is_empty() => {}
            Ok(problems) => failures.push(format!(
                "{}:\n  {}",
                f.display(),
                problems.iter().take(20).cloned().collect::<Vec<_>>().join("\n  ")
            )),
            Err(e) => failures.push(format!("{}: {e}", f.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
