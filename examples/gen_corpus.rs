//! Builds synthetic but realistic corpora from the seeds' own items, for the
//! benchmarks:
//!
//! - `text/`: extracted-text files in each seed layout (the seeds with their
//!   codes renumbered), totalling at least `--text-mb` megabytes;
//! - `lists/`: a tree of YAML lists (16 cities × counties × departments)
//!   holding at least `--items` items drawn from the seeds, with defects
//!   sprinkled in (wrong brackets, type digits, missing 序号, duplicate codes);
//! - with `--big-copies N`, `big/<layout>-xN.txt`: one document per seed
//!   layout made of N copies of its seed, each copy after the first with
//!   the characters of its prose renamed, so that the document's vocabulary
//!   grows with it as a real list's does (copies alone would repeat the
//!   seed's few thousand character pairs however long they grew).
//!
//! `cargo run --release --example gen_corpus -- OUT_DIR [--text-mb 50] [--items 200000] [--lists N] [--per-list 100] [--big-copies N]`
//!
//! The output is the same for the same arguments: a fixed-seed generator.

use qingdan::model::{Item, List};
use qingdan::parse::{parse_bytes, ParseOptions};
use std::path::{Path, PathBuf};

/// A small deterministic generator (xorshift), so corpora can be rebuilt exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn arg(args: &[String], name: &str, default: usize) -> usize {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn seeds(root: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root.join("seeds"))
        .expect("seeds/ beside the manifest")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.file_name().is_some_and(|f| f.to_string_lossy().starts_with("002_")))
        .collect();
    v.sort();
    v
}

/// Renumbers the digits of 13- and 31-character codes, keeping their shape.
fn renumber(text: &str, rng: &mut Rng) -> String {
    let re = regex::Regex::new(r"\b(37\d{5}\s*\d{6}|11620[0-9A-Z]{26})\b").expect("valid pattern");
    re.replace_all(text, |c: &regex::Captures| {
        let code = &c[0];
        let tail: String = (0..3).map(|_| char::from(b'0' + rng.below(10) as u8)).collect();
        format!("{}{tail}", &code[..code.len() - 3])
    })
    .into_owned()
}

/// Characters a copy keeps: those the layouts and the extraction read
/// (citation grammar, types, tiers, header words, numerals, punctuation).
const KEPT_CHARS: &str = "第条款项目章节法律条例办法规定规章决定通知意见实施细则行政处罚许可强制征收给付检查确认奖励裁决其他\
    权力公共服务省市县级区乡镇街道一二三四五六七八九十百千零〇年月日号责任事项追究依据编码类型层级名称序备注部门职责机构主体承办";

/// `text` with the characters of its prose renamed, the same way throughout
/// (a name and its scrambled copy stay alike), a new way for each `copy`;
/// the first copy as it is. Lines of up to twelve characters (header words,
/// types, levels, code pieces) and [`KEPT_CHARS`] are kept.
fn renamed(text: &str, copy: usize, rng: &mut Rng) -> String {
    if copy == 0 {
        return text.to_owned();
    }
    let mut kept: std::collections::HashSet<char> = KEPT_CHARS.chars().collect();
    for line in text.lines().filter(|l| l.trim().chars().count() <= 12) {
        kept.extend(line.chars());
    }
    let pool: Vec<char> = ('\u{4E00}'..='\u{9FA5}').filter(|c| !kept.contains(c)).collect();
    let mut names: std::collections::HashMap<char, char> = std::collections::HashMap::new();
    text.chars()
        .map(|c| {
            if kept.contains(&c) || !('\u{4E00}'..='\u{9FA5}').contains(&c) {
                c
            } else {
                *names.entry(c).or_insert_with(|| pool[rng.below(pool.len())])
            }
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(out) = args.get(1).filter(|a| !a.starts_with("--")) else {
        eprintln!(
            "usage: gen_corpus OUT_DIR [--text-mb 50] [--items 200000] [--lists N] [--per-list 100] [--big-copies N]"
        );
        std::process::exit(2);
    };
    let out = PathBuf::from(out);
    let text_mb = arg(&args, "--text-mb", 50);
    let want_items = arg(&args, "--items", 200_000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);

    // (a) Text in each seed layout.
    let text_dir = out.join("text");
    std::fs::create_dir_all(&text_dir).expect("create the output directory");
    let seed_texts: Vec<(String, String)> = seeds(&root)
        .iter()
        .map(|p| {
            (
                p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
                std::fs::read_to_string(p).expect("seed is UTF-8"),
            )
        })
        .collect();
    let mut written = 0usize;
    let mut k = 0usize;
    while written < text_mb * 1_000_000 {
        for (stem, text) in &seed_texts {
            let body = renumber(text, &mut rng);
            let path = text_dir.join(format!("{}-{k:05}.txt", &stem[..3]));
            std::fs::write(&path, &body).expect("write a text file");
            written += body.len();
        }
        k += 1;
    }
    eprintln!("text: {} files, {:.1} MB", k * seed_texts.len(), written as f64 / 1e6);

    let copies = arg(&args, "--big-copies", 0);
    if copies > 0 {
        let big_dir = out.join("big");
        std::fs::create_dir_all(&big_dir).expect("create the output directory");
        for (stem, text) in &seed_texts {
            let body: Vec<String> = (0..copies).map(|c| renumber(&renamed(text, c, &mut rng), &mut rng)).collect();
            let path = big_dir.join(format!("{}-x{copies}.txt", &stem[..3]));
            std::fs::write(&path, body.join("\n")).expect("write a text file");
        }
        eprintln!("big: {} documents of {copies} copies", seed_texts.len());
    }

    // (b) A tree of lists made of the seeds' items.
    let mut pool: Vec<Item> = Vec::new();
    for (stem, text) in &seed_texts {
        if let Ok(p) = parse_bytes(stem, text.as_bytes(), &ParseOptions::default()) {
            pool.extend(p.list.items.into_iter().filter(|i| !i.code.is_empty() && !i.kind.is_empty()));
        }
    }
    let lists_dir = out.join("lists");
    let per_list = arg(&args, "--per-list", 100);
    // At least 2,000 lists (a province's tree) unless `--lists` asks for another count.
    let n_lists = arg(&args, "--lists", want_items.div_ceil(per_list).max(2000));
    let mut items_total = 0usize;
    for l in 0..n_lists {
        let city = l % 16;
        let county = (l / 16) % 9;
        let dir = lists_dir.join(format!("city{city:02}")).join(format!("county{county}"));
        std::fs::create_dir_all(&dir).expect("create a list directory");
        let mut list = List { qingdan: 1, ..List::default() };
        list.document.title = format!("第{l}号部门权责清单").into();
        for s in 0..per_list {
            let mut item = pool[rng.below(pool.len())].clone();
            item.seq = Some(s as u64 + 1);
            // Keep the code's shape, change its sequence so codes differ.
            let n = item.code.len();
            if n >= 3 {
                let tail = format!("{:03}", (s + l) % 1000);
                item.code = format!("{}{tail}", &item.code[..n - 3]).into();
            }
            match rng.below(50) {
                0 => item.seq = None,
                1 => {
                    if let Some(c) = item.legal_basis.first_mut() {
                        c.doc_number = "人社部[2016]120号".into();
                    }
                }
                2 => item.kind = "行政监督".into(),
                3 => item.item = item.item.replace('，', ",").into(),
                _ => {}
            }
            list.items.push(item);
        }
        items_total += list.items.len();
        std::fs::write(dir.join(format!("list{l:05}.yaml")), qingdan::yaml::to_canonical_string(&list))
            .expect("write a list");
    }
    eprintln!("lists: {n_lists} files, {items_total} items");
}
