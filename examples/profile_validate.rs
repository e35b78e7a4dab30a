//! Where validate's time goes: reading, span indexing, the rules that read
//! values alone (together, as the engine runs them) and each other rule,
//! over the lists given (files or directories of *.yaml).
//!
//! `cargo run --release --example profile_validate -- LISTS…`

use qingdan::rules::{self, Context, Memo};
use qingdan::validate::laws::LawRegistry;
use qingdan::validate::profile::builtin_profiles;
use std::time::{Duration, Instant};

fn main() {
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        let p = std::path::PathBuf::from(&arg);
        if p.is_dir() {
            for e in walkdir::WalkDir::new(&p).into_iter().filter_map(Result::ok) {
                if e.path().extension().is_some_and(|x| x == "yaml") {
                    files.push(e.path().to_path_buf());
                }
            }
        } else {
            files.push(p);
        }
    }
    files.sort();
    let texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let laws = LawRegistry::builtin();
    let profiles = builtin_profiles();
    let all = rules::all();
    let mut load = Duration::ZERO;
    let mut spans = Duration::ZERO;
    let mut per_rule = vec![Duration::ZERO; all.len()];
    // The rules run as the engine runs them, with a memo for the run: those
    // that read values alone once per distinct value.
    let by_value: Vec<&dyn rules::Rule> = all.iter().filter(|r| r.reads_values_alone()).map(|r| r.as_ref()).collect();
    let memo = Memo::new(16 << 20);
    let mut values = Duration::ZERO;
    let mut items = 0;
    let mut findings = 0;
    for text in &texts {
        let t = Instant::now();
        let loaded = qingdan::yaml::load(text, &Default::default()).unwrap();
        load += t.elapsed();
        items += loaded.list.items.len();
        let t = Instant::now();
        let _ = loaded.spans().len();
        spans += t.elapsed();
        let cx = Context::new(&loaded.list, profiles, None, &laws, 2026).with_memo(&memo);
        let t = Instant::now();
        rules::check_values(&by_value, &cx, Some(&memo), |_, _| findings += 1);
        values += t.elapsed();
        for (k, rule) in all.iter().enumerate().filter(|(_, r)| !r.reads_values_alone()) {
            let t = Instant::now();
            let mut out = Vec::new();
            rule.check(&cx, &mut out);
            per_rule[k] += t.elapsed();
            findings += out.len();
        }
    }
    let secs = |d: Duration| d.as_secs_f64();
    println!("{} files, {items} items, {:.1} MB, {findings} findings", texts.len(), bytes as f64 / 1e6);
    println!("load   {:>8.3} s  {:>8.1} MB/s", secs(load), bytes as f64 / 1e6 / secs(load));
    println!("spans  {:>8.3} s", secs(spans));
    let mut ranked: Vec<(usize, Duration)> = per_rule.into_iter().enumerate().collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
    let total: Duration = ranked.iter().map(|r| r.1).sum();
    println!("rules  {:>8.3} s", secs(total + values));
    println!("  {:<8} {:>8.3} s", "values", secs(values));
    for (k, d) in ranked.iter().take(12) {
        println!("  {:<8} {:>8.3} s", all[*k].code(), secs(*d));
    }
}
