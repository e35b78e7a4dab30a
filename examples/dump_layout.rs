//! Prints the cells the layout stage finds in a document: a tool for
//! looking at how a new document is read.
//!
//! `cargo run --example dump_layout -- FILE`

use qingdan::layout::lay_out;
use qingdan::normalize;
use qingdan::text::Text;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump_layout FILE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let decoded = match qingdan::decode::decode(&bytes, None) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let text = normalize::document(Text::from_source(&decoded.text), &mut Vec::new());
    let profiles = qingdan::validate::profile::builtin_profiles();
    let Some(laid) = lay_out(&text, &|code| profiles.iter().any(|p| p.fits(code))) else {
        eprintln!("{path}: no table found");
        std::process::exit(1);
    };
    println!("layout: {}", laid.kind.name());
    for (i, rec) in laid.records.iter().enumerate() {
        println!("== record {i}");
        for (r, row) in rec.rows.iter().enumerate() {
            for (col, cell) in row {
                let flat: String = cell.as_str().replace('\n', "⏎");
                let limit = if std::env::var_os("FULL").is_some() { usize::MAX } else { 70 };
                let short: String = flat.chars().take(limit).collect();
                println!("  [{r}] {col:?}: {short}");
            }
        }
    }
}
