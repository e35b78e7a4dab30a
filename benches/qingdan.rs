//! Throughput of each stage on the seeds' own text and items:
//! parse MB/s per layout, normalise MB/s, validate items/s, fmt --check
//! files/s, and diff of two 10,000-item lists.
//!
//! `cargo bench` (add `-- --quick` for a short run).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use qingdan::model::List;
use qingdan::parse::{parse_bytes, ParseOptions};
use std::hint::black_box;
use std::path::PathBuf;

/// The allocator the `qingdan` binary uses, so that what is measured is what it runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn seed(prefix: &str) -> Vec<u8> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    std::fs::read(path).unwrap()
}

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    for (name, prefix) in
        [("vertical", "000_"), ("tsv-tiers", "001_"), ("tsv-html", "003_"), ("vertical-narrow", "004_")]
    {
        let bytes = seed(prefix);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| parse_bytes("seed.txt", black_box(&bytes), &ParseOptions::default()).unwrap())
        });
    }
    g.finish();
}

fn normalise(c: &mut Criterion) {
    let text = String::from_utf8(seed("000_")).unwrap();
    let mut g = c.benchmark_group("normalise");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("document+value", |b| {
        b.iter(|| qingdan::normalize::value(qingdan::text::Text::from_source(black_box(&text)), &mut Vec::new()))
    });
    g.finish();
}

/// A list of `n` items drawn from the seeds, codes made distinct.
fn big_list(n: usize) -> List<'static> {
    let mut pool = Vec::new();
    for p in ["000_", "003_", "004_"] {
        pool.extend(parse_bytes("s", &seed(p), &ParseOptions::default()).unwrap().list.items);
    }
    let mut list = List { qingdan: 1, ..List::default() };
    for k in 0..n {
        let mut item = pool[k % pool.len()].clone();
        let len = item.code.len();
        item.code = format!("{}{:05}", &item.code[..len.saturating_sub(5)], k % 100_000).into();
        item.seq = Some(k as u64 + 1);
        list.items.push(item);
    }
    list
}

fn validate(c: &mut Criterion) {
    let list = big_list(1000);
    let yaml = qingdan::yaml::to_canonical_string(&list);
    let engine = qingdan::validate::Engine::new(Default::default(), 2026).unwrap();
    let mut g = c.benchmark_group("validate");
    g.throughput(Throughput::Elements(list.items.len() as u64));
    g.sample_size(10);
    // A run checks each distinct text value once: the list alone, in a run
    // of its own, and the list again in a run that has met its values.
    g.bench_function("1000 items, every rule, a run of its own", |b| {
        b.iter_batched(
            || qingdan::validate::Engine::new(Default::default(), 2026).unwrap(),
            |fresh| fresh.check_text("list.yaml", black_box(&yaml)),
            BatchSize::LargeInput,
        )
    });
    g.bench_function("1000 items, every rule, values met before", |b| {
        b.iter(|| engine.check_text("list.yaml", black_box(&yaml)))
    });
    g.finish();
}

fn fmt_check(c: &mut Criterion) {
    let yaml = qingdan::yaml::to_canonical_string(&big_list(100));
    let mut g = c.benchmark_group("fmt");
    g.throughput(Throughput::Elements(1));
    g.sample_size(10);
    g.bench_function("check one 100-item file", |b| {
        b.iter(|| qingdan::format::format_text(black_box(&yaml), &Default::default()).unwrap() == yaml)
    });
    g.finish();
}

fn diff(c: &mut Criterion) {
    let old = big_list(10_000);
    let mut new = old.clone();
    for (k, item) in new.items.iter_mut().enumerate() {
        if k % 10 == 0 {
            item.item.to_mut().push('。');
        }
        if k % 97 == 0 {
            item.code.to_mut().push('9');
        }
    }
    new.items.rotate_left(37);
    let mut g = c.benchmark_group("diff");
    g.sample_size(10);
    g.bench_function("two 10k-item lists", |b| {
        b.iter_batched(|| (), |_| qingdan::diff::diff_lists(black_box(&old), black_box(&new)), BatchSize::SmallInput)
    });
    g.finish();
}

criterion_group!(benches, parse, normalise, validate, fmt_check, diff);
criterion_main!(benches);
