//! Chinese and English: the locale picks the language, `--lang` overrides
//! it, and codes and JSON keys are the same in both.

mod common;

use common::*;
use serde_json::Value;

const ZH: &[(&str, &str)] = &[("LANG", "zh_CN.UTF-8")];

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Everything a run printed: validate's report goes to stdout, its summary to stderr.
fn all(o: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// A list with defects of several families, and the directory holding it
/// (the list goes with it when it is dropped).
fn defective_list() -> (TestDir, std::path::PathBuf) {
    let dir = temp_dir("i18n");
    let path = dir.join("list.yaml");
    std::fs::write(
        &path,
        "qingdan: 1\nitems:\n  - seq: 1\n    item: 甲\n    code: \"3700000236009\"\n    type: 行政监督\n    legal_basis:\n      - title: 社会保险法\n        doc_number: 人社部[2016]120号\n        articles: [第一百条]\n",
    )
    .unwrap();
    (dir, path)
}

#[test]
fn chinese_under_a_chinese_locale_and_english_otherwise() {
    let (_dir, list) = defective_list();
    let args = ["validate", "--format", "concise", list.to_str().unwrap()];
    let zh = qingdan_with_env(&args, None, ZH);
    let en = qingdan(&args);
    assert_eq!(zh.status.code(), en.status.code());
    assert!(all(&zh).contains("不是事项类型"), "{}", all(&zh));
    assert!(all(&zh).contains("个文件"), "{}", all(&zh));
    assert!(all(&en).contains("is not an item type"), "{}", all(&en));
    assert!(all(&en).contains("1 file, 1 item"), "{}", all(&en));
    // LC_ALL outranks LANG, and LC_MESSAGES outranks LANG too.
    let c = qingdan_with_env(&args, None, &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")]);
    assert!(all(&c).contains("is not an item type"));
    let messages = qingdan_with_env(&args, None, &[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "zh_CN.UTF-8")]);
    assert!(all(&messages).contains("不是事项类型"));
}

#[test]
fn lang_flag_overrides_the_locale() {
    let (_dir, list) = defective_list();
    let en = qingdan_with_env(&["validate", "--lang", "en", "--format", "concise", list.to_str().unwrap()], None, ZH);
    assert!(all(&en).contains("is not an item type"), "{}", all(&en));
    let zh = qingdan(&["validate", "--lang=zh", "--format", "concise", list.to_str().unwrap()]);
    assert!(all(&zh).contains("不是事项类型"), "{}", all(&zh));
    let bad = qingdan(&["validate", "--lang", "fr", list.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn codes_and_json_keys_are_the_same_in_both_languages() {
    let (_dir, list) = defective_list();
    let args = ["validate", "--format", "json", list.to_str().unwrap()];
    let parse = |o: &std::process::Output| -> Vec<Value> { serde_json::from_str(&stdout(o)).unwrap() };
    let en = parse(&qingdan(&args));
    let zh = parse(&qingdan_with_env(&args, None, ZH));
    assert_eq!(en.len(), zh.len());
    assert!(en.len() >= 3);
    for (e, z) in en.iter().zip(&zh) {
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(e), keys(z));
        for key in ["code", "name", "severity", "line", "column", "path", "fixable"] {
            assert_eq!(e[key], z[key], "{key}");
        }
        assert!(has_han(z["message"].as_str().unwrap()), "{}", z["message"]);
        assert_ne!(e["message"], z["message"]);
    }
}

#[test]
fn help_is_chinese_under_a_chinese_locale() {
    for args in
        [vec!["--help"], vec!["parse", "--help"], vec!["validate", "-h"], vec!["export", "--help"], vec!["help"]]
    {
        let out = qingdan_with_env(&args, None, ZH);
        assert!(out.status.success(), "{args:?}");
        let text = stdout(&out);
        assert!(text.contains("用法："), "{args:?}: {text}");
        assert!(text.contains("显示帮助"), "{args:?}: {text}");
        assert!(!text.contains("Print help"), "{args:?}: {text}");
        assert!(!text.contains("Possible values"), "{args:?}: {text}");
    }
    let top = stdout(&qingdan_with_env(&["--help"], None, ZH));
    assert!(top.contains("示例："));
    let en = stdout(&qingdan(&["parse", "--help"]));
    assert!(en.contains("Usage:") && !en.contains("用法"));
}

#[test]
fn rule_pages_and_the_rule_list_in_both() {
    let zh = stdout(&qingdan_with_env(&["rule", "QD301"], None, ZH));
    assert!(zh.contains("## 错误示例") && zh.contains("GB/T 9704-2012"), "{zh}");
    let en = stdout(&qingdan(&["rule", "QD301"]));
    assert!(en.contains("## Bad"));
    let list = stdout(&qingdan_with_env(&["rule", "--list"], None, ZH));
    for line in list.lines() {
        assert!(has_han(line), "{line}");
    }
    let missing = qingdan_with_env(&["rule", "QD999"], None, ZH);
    assert!(stderr(&missing).contains("没有规则"));
}

#[test]
fn parse_warnings_and_errors_in_chinese() {
    let out = qingdan_with_env(&["parse", "--format", "concise", "no-such-file.txt"], None, ZH);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("错误：no-such-file.txt：文件或目录不存在"), "{}", stderr(&out));
    let seed = list_seeds().into_iter().next().unwrap();
    let out = qingdan_with_env(&["parse", "-v", "--format", "concise", seed.to_str().unwrap()], None, ZH);
    let text = stderr(&out);
    assert!(text.lines().filter(|l| l.contains("[QP") || l.contains("[QD")).all(has_han), "{text}");
    assert!(text.contains("个事项"), "{text}");
}

#[test]
fn diff_reports_in_both() {
    let (old, new) = ("fixtures/diff/old.yaml", "fixtures/diff/new.yaml");
    let zh = stdout(&qingdan_with_env(&["diff", "--stat", old, new], None, ZH));
    assert!(zh.contains("新增") && zh.contains("未变"), "{zh}");
    let human = stdout(&qingdan_with_env(&["diff", "--color", "never", old, new], None, ZH));
    assert!(human.contains("修改") || human.contains("新增"), "{human}");
    let en = stdout(&qingdan(&["diff", "--stat", old, new]));
    assert!(en.contains("added") && en.contains("unchanged"), "{en}");
}
