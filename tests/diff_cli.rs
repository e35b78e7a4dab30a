//! `qingdan diff`: kinds of change, formats, directories, git's diff driver.

mod common;

use common::*;
use serde_json::Value;

const OLD: &str = "fixtures/diff/old.yaml";
const NEW: &str = "fixtures/diff/new.yaml";

#[test]
fn every_kind_of_change() {
    let out = qingdan(&["diff", "--format", "json", OLD, NEW]);
    assert_eq!(out.status.code(), Some(1), "different lists exit 1");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v[0]["items"].as_array().unwrap();
    let kinds = |code: &str| -> Vec<String> {
        items
            .iter()
            .filter(|i| i["code"] == code)
            .flat_map(|i| i["changes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_owned()))
            .collect()
    };
    assert!(kinds("3701000236009").contains(&"renamed".into()));
    assert!(kinds("3701000536009").contains(&"recoded".into()), "matched by name");
    assert!(kinds("3701000336004").contains(&"retyped".into()));
    assert!(kinds("3701000336004").contains(&"moved".into()) || kinds("3701000236009").contains(&"moved".into()));
    assert_eq!(kinds("3701002036001"), ["added"]);
    assert_eq!(kinds("3701000736001"), ["removed"]);
    let fields = items.iter().find(|i| i["code"] == "3701000236009").unwrap()["fields"].as_array().unwrap();
    let has = |kind: &str, needle: &str| fields.iter().any(|f| f["kind"] == kind && f.to_string().contains(needle));
    assert!(has("articles", "第八十八条"), "{fields:#?}");
    assert!(has("removed", "监察法"));
    assert!(has("added", "医疗保障基金使用监督管理条例"));
    assert!(has("text", "tier[市].scope"));
    assert!(has("removed", "审查案件"));
    assert!(has("added", "送达决定书"));
    assert!(has("added", "县级"));
    assert_eq!(v[0]["stat"]["added"], 1);
    assert_eq!(v[0]["stat"]["removed"], 1);
}

#[test]
fn same_lists_exit_zero() {
    let out = qingdan(&["diff", OLD, OLD]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn human_marks_characters() {
    let out = qingdan(&["diff", "--color", "never", OLD, NEW]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("3701000236009 对骗取医疗保障基金支出的处罚"));
    assert!(s.contains("item: 对骗取医疗保[-险-]{+障+}基金支出的处罚"), "{s}");
    let out = qingdan(&["diff", "--color", "always", OLD, NEW]);
    assert!(String::from_utf8(out.stdout).unwrap().contains("\x1b[32m"));
}

#[test]
fn markdown_and_stat() {
    let out = qingdan(&["diff", "--format", "markdown", OLD, NEW]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("### qingdan diff"));
    assert!(s.contains("#### `3701000236009` 对骗取医疗保障基金支出的处罚"));
    assert!(s.contains("~~险~~**障**"));
    let out = qingdan(&["diff", "--stat", OLD, NEW]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("1 added, 1 removed"), "{s}");
}

#[test]
fn directories_pair_files_by_name() {
    let a = temp_dir("diff-a");
    let b = temp_dir("diff-b");
    std::fs::copy(root().join(OLD), a.join("list.yaml")).unwrap();
    std::fs::copy(root().join(NEW), b.join("list.yaml")).unwrap();
    std::fs::copy(root().join(OLD), a.join("gone.yaml")).unwrap();
    let out = qingdan(&["diff", "--stat", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("/dev/null: 0 added, 4 removed"), "{s}");
    assert_eq!(qingdan(&["diff", "no/such.yaml", NEW]).status.code(), Some(2));
}

#[test]
fn seeds_shared_codes_snapshots() {
    let dir = temp_dir("diff-seeds");
    let seeds = list_seeds();
    let mut args = vec!["parse".to_owned(), "-q".to_owned(), "--out-dir".to_owned(), dir.display().to_string()];
    args.extend(seeds.iter().map(|p| p.display().to_string()));
    qingdan(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let stem = |prefix: &str| {
        seeds
            .iter()
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .unwrap()
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    let old = dir.join(format!("{}.yaml", stem("000_")));
    let new = dir.join(format!("{}.yaml", stem("001_")));
    for (name, fmt) in [("human", "human"), ("markdown", "markdown"), ("json", "json")] {
        let out = qingdan(&[
            "diff",
            "--shared",
            "--color",
            "never",
            "--format",
            fmt,
            old.to_str().unwrap(),
            new.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8(out.stdout).unwrap().replace(dir.to_str().unwrap(), "<dir>");
        insta::assert_snapshot!(format!("diff_000_001_{name}"), text);
    }
}

#[test]
fn git_uses_it_as_diff_driver() {
    if std::process::Command::new("git").arg("--version").output().is_err() {
        return;
    }
    let repo = temp_dir("diff-git");
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(args)
            .current_dir(&repo)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", &repo)
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    git(&["init", "-q"]);
    git(&["config", "user.email", "clerk@example.invalid"]);
    git(&["config", "user.name", "clerk"]);
    std::fs::write(repo.join(".gitattributes"), "*.yaml diff=qingdan\n").unwrap();
    git(&["config", "diff.qingdan.command", &format!("{} diff --git-external", env!("CARGO_BIN_EXE_qingdan"))]);
    std::fs::copy(root().join(OLD), repo.join("list.yaml")).unwrap();
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "list"]);
    std::fs::copy(root().join(NEW), repo.join("list.yaml")).unwrap();
    let out = git(&["-c", "color.ui=never", "diff", "--ext-diff"]);
    assert!(out.contains("+++ b/list.yaml"), "{out}");
    assert!(out.contains("对骗取医疗保[-险-]{+障+}基金支出的处罚") || out.contains("对骗取医疗保"), "{out}");
    assert!(out.contains("3701002036001"));
}
