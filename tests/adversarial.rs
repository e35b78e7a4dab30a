//! Hostile and broken inputs: each gets a clear message naming the file, the
//! right exit code, no panic (the harness fails on `panicked` in stderr), and
//! no partial output file.

mod common;

use common::*;
use std::path::Path;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn parse_refused(path: &Path, extra: &[&str], needle: &str) {
    let dir = temp_dir(&format!("adv-out-{}", path.file_name().unwrap().to_string_lossy()));
    let out_file = dir.join("out.yaml");
    let mut args = vec!["parse", path.to_str().unwrap(), "-o", out_file.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = qingdan(&args);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(path.file_name().unwrap().to_str().unwrap()), "names the file: {err}");
    assert!(err.contains(needle), "says `{needle}`: {err}");
    assert!(!out_file.exists(), "no output file left behind");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "no temporary file left behind");
}

#[test]
fn empty_and_blank_files() {
    let dir = temp_dir("adv-empty");
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("blank.txt"), " \n\t\r\n\u{3000}\n").unwrap();
    parse_refused(&dir.join("empty.txt"), &[], "empty");
    parse_refused(&dir.join("blank.txt"), &[], "empty");
}

#[test]
fn binary_and_undecodable() {
    let dir = temp_dir("adv-binary");
    std::fs::write(dir.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").unwrap();
    parse_refused(&dir.join("image.png"), &[], "binary data at byte 8");
    let mut bad = "序号\t事项名称\n".as_bytes().to_vec();
    bad.extend_from_slice(b"\xff\xfe\xfd");
    std::fs::write(dir.join("bad-utf8.txt"), &bad).unwrap();
    parse_refused(&dir.join("bad-utf8.txt"), &["--encoding", "utf-8"], "invalid UTF-8 at byte 20");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "序号\t事项名称".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    utf16.push(0x41);
    std::fs::write(dir.join("truncated-utf16.txt"), &utf16).unwrap();
    parse_refused(&dir.join("truncated-utf16.txt"), &[], "invalid UTF-16LE");
    let out = qingdan(&["parse", "--encoding", "klingon", dir.join("image.png").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown encoding `klingon`"));
}

#[test]
fn too_large_input_is_refused_by_size() {
    let dir = temp_dir("adv-large");
    let p = dir.join("large.txt");
    // Larger than the limit given; the default limit works the same way on a 200 MB file.
    std::fs::write(&p, "医".repeat(400_000)).unwrap();
    parse_refused(&p, &["--max-input-bytes", "1000000"], "over the limit of 1000000 bytes");
}

#[test]
fn no_table_is_a_clear_error() {
    let dir = temp_dir("adv-notable");
    std::fs::write(dir.join("prose.txt"), "这是一段普通的文字，没有任何表格。\n第二行。\n").unwrap();
    parse_refused(&dir.join("prose.txt"), &[], "no 权责清单 table found");
}

#[test]
fn wrong_paths() {
    let dir = temp_dir("adv-paths");
    let out = qingdan(&["parse", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("directory"), "{}", stderr(&out));
    let seed = &list_seeds()[0];
    let missing = dir.join("no/such/dir/out.yaml");
    let out = qingdan(&["parse", seed.to_str().unwrap(), "-o", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
    assert!(!missing.exists());
}

#[test]
fn hostile_yaml_is_refused_as_a_finding() {
    let dir = temp_dir("adv-yaml");
    let mut bomb = String::from("qingdan: 1\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for i in 1..30 {
        bomb.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n",
            p = i - 1
        ));
    }
    std::fs::write(dir.join("bomb.yaml"), &bomb).unwrap();
    std::fs::write(dir.join("deep.yaml"), format!("qingdan: 1\nitems: {}{}\n", "[".repeat(50_000), "]".repeat(50_000)))
        .unwrap();
    std::fs::write(
        dir.join("huge.yaml"),
        format!("qingdan: 1\nitems:\n  - item: {}\n    code: \"1\"\n    type: 行政处罚\n", "医".repeat(3_000_000)),
    )
    .unwrap();
    std::fs::write(dir.join("dup.yaml"), "qingdan: 1\nitems: []\nitems: []\n").unwrap();
    for name in ["bomb.yaml", "deep.yaml", "dup.yaml"] {
        let out = qingdan(&["validate", "--format", "concise", dir.join(name).to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        assert!(String::from_utf8_lossy(&out.stdout).contains("QD100"), "{name}");
        assert!(String::from_utf8_lossy(&out.stdout).contains(name));
    }
    // A huge scalar is a list like any other: read, checked, no crash.
    let out = qingdan(&["validate", "--format", "concise", dir.join("huge.yaml").to_str().unwrap()]);
    assert!(out.status.code().is_some_and(|c| c <= 1));
    let out = qingdan(&["fmt", "--check", dir.join("bomb.yaml").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bomb.yaml"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_in_walks() {
    let dir = temp_dir("adv-loop");
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::copy(root().join("fixtures/clean.yaml"), dir.join("a/list.yaml")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("a/loop")).unwrap();
    let out = qingdan(&["validate", "--format", "concise", dir.to_str().unwrap()]);
    assert!(out.status.code().is_some_and(|c| c <= 2));
    assert!(stderr(&out).contains("1 file"), "{}", stderr(&out));
    let out = qingdan(&["fmt", "--check", dir.to_str().unwrap()]);
    assert!(out.status.code().is_some_and(|c| c <= 2));
}

#[test]
fn pathological_cells_for_the_scramble_search() {
    let dir = temp_dir("adv-scramble");
    let same = "医".repeat(20_000);
    let long: String = "对医疗保险经办机构的处罚".repeat(2000);
    let text = format!("序号\t事项名称\t事项编码\t事项类型\t部门职责\n1\t{same}\t3700000236009\t行政处罚\t{long}\n2\t{long}\t3700000236010\t行政处罚\t{same}\n");
    let p = dir.join("pathological.txt");
    std::fs::write(&p, text).unwrap();
    let out = qingdan(&["parse", "-q", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(yaml.contains(&same), "nothing lost");
}

#[test]
fn hostile_web_pages() {
    let dir = temp_dir("adv-pages");
    let cases = [
        ("deep.html", format!("<html>{}", "<table><tr><td>".repeat(50_000))),
        ("spans.html", format!("<html><table>{}", "<td rowspan=0 colspan=100000>x".repeat(5_000))),
        ("unclosed.html", format!("<html><table><tr><td>{}", "<a x=\"".repeat(100_000))),
        ("scripts.html", format!("<html><table>{}", "<script>".repeat(100_000))),
        ("no-cells.html", "<!DOCTYPE html><html><body><p>某局权责清单</p></body></html>".to_owned()),
    ];
    for (name, text) in &cases {
        std::fs::write(dir.join(name), text).unwrap();
        let out = qingdan(&["parse", "-q", dir.join(name).to_str().unwrap()]);
        // No list in any of them: refused by name, never a panic.
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains(name), "{name}: {}", stderr(&out));
    }
}
