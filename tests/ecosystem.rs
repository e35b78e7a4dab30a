//! Completions, the man page and the pre-commit hooks.

mod common;

use common::*;

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = qingdan(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(
            s.contains("validate")
                && s.contains("parse")
                && s.contains("fmt")
                && s.contains("diff")
                && s.contains("export"),
            "{shell}"
        );
    }
}

#[test]
fn man_page_in_chinese_under_a_chinese_locale() {
    let out = qingdan_with_env(&["man"], None, &[("LANG", "zh_CN.UTF-8")]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains(".TH qingdan 1") && s.contains("把权责清单文件转为规范的 YAML 清单"), "{s}");
}

#[test]
fn man_page() {
    let out = qingdan(&["man"]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains(".TH qingdan 1"));
    assert!(s.contains("validate"));
}

#[test]
fn pre_commit_hooks_name_real_commands() {
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let list: Vec<serde_json::Value> = serde_saphyr::from_str(&hooks).unwrap();
    let ids: Vec<&str> = list.iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["qingdan-validate", "qingdan-fmt"]);
    for h in &list {
        let entry: Vec<&str> = h["entry"].as_str().unwrap().split_whitespace().skip(1).collect();
        let mut args = entry.clone();
        args.push("fixtures/clean.yaml");
        let out = qingdan(&args);
        assert_eq!(out.status.code(), Some(0), "{entry:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
}
