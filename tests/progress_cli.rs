//! Feedback on long runs: a progress bar on a terminal only, silenced by
//! `--quiet`, and timing and counts in the summary line.

mod common;

use common::*;
use std::process::Command;

/// A directory of `n` copies of the clean fixture.
fn many_lists(n: usize) -> TestDir {
    let dir = temp_dir("progress");
    let clean = std::fs::read(root().join("fixtures/clean.yaml")).unwrap();
    for i in 0..n {
        std::fs::write(dir.join(format!("list{i:03}.yaml")), &clean).unwrap();
    }
    dir
}

/// Runs qingdan with stderr (and stdout) on a pseudo-terminal, through
/// util-linux `script`, and returns what the terminal received.
fn on_terminal(args: &str) -> String {
    let bin = env!("CARGO_BIN_EXE_qingdan");
    let out = Command::new("script")
        .args(["-qec", &format!("env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 {bin} {args}"), "/dev/null"])
        .current_dir(root())
        .output()
        .expect("util-linux `script` runs (it gives the test a terminal)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn bar_is_drawn_on_a_terminal() {
    let dir = many_lists(30);
    let screen = on_terminal(&format!("validate --format concise {}", dir.display()));
    assert!(screen.contains("validating"), "{screen}");
    assert!(screen.contains("/30 files"), "{screen}");
    let screen = on_terminal(&format!("fmt --check {}", dir.display()));
    assert!(screen.contains("formatting"), "{screen}");
}

#[test]
fn quiet_silences_the_bar() {
    let dir = many_lists(30);
    let screen = on_terminal(&format!("validate -q --format concise {}", dir.display()));
    assert!(!screen.contains("validating"), "{screen}");
    assert!(!screen.contains("files,"), "{screen}");
}

#[test]
fn no_bar_when_stderr_is_not_a_terminal() {
    let dir = many_lists(30);
    let out = qingdan(&["validate", "--format", "concise", dir.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("validating"), "{err}");
    assert!(!err.contains('\r'), "{err:?}");
    // The summary line carries the counts and the time.
    let summary = err.lines().last().unwrap();
    assert!(summary.starts_with("30 files, 60 items: 0 errors, 0 warnings ("), "{summary}");
    assert!(summary.ends_with(" ms)"), "{summary}");
    let out = qingdan(&["fmt", "--check", dir.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("30 files checked, 0 would be reformatted ("), "{err}");
}

#[test]
fn several_inputs_parse_in_parallel_into_a_directory_in_order() {
    let out_dir = temp_dir("parse-many");
    let inputs = list_seeds();
    let mut args = vec!["parse", "--format", "concise", "--out-dir", out_dir.to_str().unwrap()];
    let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    let a = qingdan(&args);
    let b = qingdan(&args);
    // The report lists the inputs in the order given, run after run: the
    // same but for the summary's time, whose digits may differ in number.
    let report = String::from_utf8_lossy(&a.stderr);
    let without_time = |r: &str| r.lines().filter(|l| !l.contains(" ms)")).collect::<Vec<_>>().join("\n");
    assert_eq!(without_time(&report), without_time(&String::from_utf8_lossy(&b.stderr)));
    let firsts: Vec<usize> =
        inputs.iter().filter_map(|p| report.find(p.file_name().unwrap().to_str().unwrap())).collect();
    assert!(firsts.windows(2).all(|w| w[0] < w[1]), "{report}");
    for p in &inputs {
        assert!(out_dir.join(format!("{}.yaml", p.file_stem().unwrap().to_string_lossy())).exists());
    }
}
