//! `qingdan fmt`: canonical files, idempotent, lossless, atomic.

mod common;

use common::*;

#[test]
fn parse_output_is_already_canonical() {
    let dir = temp_dir("fmt-parse");
    let mut args = vec!["parse".to_owned(), "-q".to_owned(), "--out-dir".to_owned(), dir.display().to_string()];
    args.extend(list_seeds().iter().chain(text_fixtures().iter()).map(|p| p.display().to_string()));
    qingdan(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let out = qingdan(&["fmt", "--check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn fmt_fixes_idempotently_and_keeps_everything() {
    let dir = temp_dir("fmt-fix");
    let p = dir.join("messy.yaml");
    let messy = "items:\n  - type: 行政处罚\n    code: '3700000236009'\n    item: 对 医 疗 保 险 经 办 机 构&ldquo;骗保&rdquo;的处罚\n    ignore: [QD203, QD104]\n    legal_basis:\n      - doc_number: 人社部[2016]120号\n        title: 关于做好工作的通知\n        articles: [第八十七条]\nqingdan: 1\n";
    std::fs::write(&p, messy).unwrap();
    let out = qingdan(&["fmt", "--check", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), messy, "--check changes nothing");
    let out = qingdan(&["fmt", "--diff", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout)
        .lines()
        .any(|l| l.starts_with('+') && l.ends_with("item: 对医疗保险经办机构“骗保”的处罚")));
    let out = qingdan(&["fmt", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let once = std::fs::read_to_string(&p).unwrap();
    assert!(once.starts_with("qingdan: 1\nitems:\n  - item: 对医疗保险经办机构“骗保”的处罚\n    code: \"3700000236009\"\n    type: 行政处罚\n"), "{once}");
    assert!(once.contains("doc_number: 人社部〔2016〕120号"));
    assert!(once.contains("ignore: [QD203, QD104]"), "the item's ignore list survives");
    let out = qingdan(&["fmt", "--check", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "fmt is idempotent");
}

#[test]
fn round_trip_keeps_every_field_of_every_fixture() {
    for f in yaml_fixtures() {
        let text = std::fs::read_to_string(&f).unwrap();
        let before: qingdan::model::List = serde_saphyr::from_str(&text).unwrap();
        let formatted = qingdan::format::format_text(&text, &Default::default()).unwrap();
        let after: qingdan::model::List = serde_saphyr::from_str(&formatted).unwrap();
        assert_eq!(before, after, "{}", f.display());
        assert_eq!(qingdan::format::format_text(&formatted, &Default::default()).unwrap(), formatted);
    }
}

#[test]
fn rules_left_out_are_not_fixed() {
    let dir = temp_dir("fmt-select");
    let p = dir.join("a.yaml");
    std::fs::write(
        &p,
        "qingdan: 1\nitems:\n  - item: 对 医 疗,保险\n    code: \"3700000236009\"\n    type: 行政处罚\n",
    )
    .unwrap();
    qingdan(&["fmt", "--ignore", "halfwidth-punctuation", p.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&p).unwrap().contains("item: 对医疗,保险"));
}

#[test]
fn invalid_yaml_is_reported_and_left_alone() {
    let dir = temp_dir("fmt-bad");
    let p = dir.join("bad.yaml");
    std::fs::write(&p, "qingdan: 1\nitems: [\n").unwrap();
    let out = qingdan(&["fmt", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.yaml"));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "qingdan: 1\nitems: [\n");
}

#[test]
fn many_files_report_in_order_whatever_the_thread_count() {
    let dir = temp_dir("fmt-many");
    let messy = "qingdan: 1\nitems:\n  - item: 对 医 疗 保 险\n    code: '3700000236009'\n    type: 行政处罚\n";
    let clean = std::fs::read(root().join("fixtures/clean.yaml")).unwrap();
    for i in 0..30 {
        let name = dir.join(format!("l{i:02}.yaml"));
        if i % 3 == 0 {
            std::fs::write(name, messy).unwrap();
        } else {
            std::fs::write(name, &clean).unwrap();
        }
    }
    let run = |threads: &str, mode: &str| {
        qingdan_with_env(&["fmt", mode, dir.to_str().unwrap()], None, &[("QINGDAN_THREADS", threads)]).stdout
    };
    for mode in ["--check", "--diff"] {
        let one = run("1", mode);
        assert!(String::from_utf8_lossy(&one).matches(".yaml").count() >= 10, "{mode}");
        assert_eq!(one, run("4", mode), "{mode}");
    }
    let listed = String::from_utf8(run("2", "--check")).unwrap();
    let names: Vec<&str> = listed.lines().collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "in the order of the walk");
    assert_eq!(names.len(), 10);
}
