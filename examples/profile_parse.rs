//! Parses one file over and over in one process, as the benchmark does, for profilers.
//!
//! `cargo run --release --example profile_parse -- FILE [TIMES]`

use qingdan::parse::{parse_bytes, ParseOptions};

/// The allocator the binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: profile_parse FILE [TIMES]");
        std::process::exit(2);
    };
    let times: usize = args.next().and_then(|t| t.parse().ok()).unwrap_or(100);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let start = std::time::Instant::now();
    let mut items = 0;
    for _ in 0..times {
        match parse_bytes("seed.txt", std::hint::black_box(&bytes), &ParseOptions::default()) {
            Ok(parsed) => items += parsed.list.items.len(),
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{items} items, {:.2} MB/s", (bytes.len() * times) as f64 / secs / 1e6);
}
