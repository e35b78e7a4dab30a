//! `qingdan parse` as a user runs it.

mod common;

use common::*;

#[test]
fn output_is_byte_identical_across_runs() {
    for seed in list_seeds() {
        let a = qingdan(&["parse", seed.to_str().unwrap()]);
        let b = qingdan(&["parse", seed.to_str().unwrap()]);
        assert_eq!(a.stdout, b.stdout, "{}", seed.display());
        assert!(!a.stdout.is_empty());
    }
}

#[test]
fn stdin_and_file_give_the_same_items() {
    let seed = &list_seeds()[0];
    let bytes = std::fs::read(seed).unwrap();
    let from_stdin = qingdan_with_stdin(&["parse", "-"], Some(&bytes));
    let from_file = qingdan(&["parse", seed.to_str().unwrap()]);
    let items = |o: &std::process::Output| {
        let s = String::from_utf8_lossy(&o.stdout).into_owned();
        s[s.find("items:").unwrap()..].to_owned()
    };
    assert_eq!(items(&from_stdin), items(&from_file));
}

#[test]
fn out_dir_writes_one_file_per_input() {
    let dir = temp_dir("outdir");
    let seeds = list_seeds();
    let mut args = vec!["parse", "--out-dir", dir.to_str().unwrap()];
    let names: Vec<String> = seeds.iter().map(|s| s.to_str().unwrap().to_owned()).collect();
    args.extend(names.iter().map(String::as_str));
    let out = qingdan(&args);
    assert!(out.status.code().is_some_and(|c| c <= 1), "{}", String::from_utf8_lossy(&out.stderr));
    for s in &seeds {
        let stem = s.file_stem().unwrap().to_string_lossy();
        let written = std::fs::read_to_string(dir.join(format!("{stem}.yaml"))).unwrap();
        assert!(written.starts_with("qingdan: 1\n"));
    }
}

#[test]
fn several_inputs_without_out_dir_is_a_usage_error() {
    let seeds = list_seeds();
    let out = qingdan(&["parse", seeds[0].to_str().unwrap(), seeds[1].to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out-dir"));
}

#[test]
fn missing_file_names_the_file() {
    let out = qingdan(&["parse", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
}

#[test]
fn binary_input_is_refused_with_its_offset() {
    let dir = temp_dir("binary");
    let p = dir.join("image.png");
    std::fs::write(&p, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let out = qingdan(&["parse", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("image.png") && err.contains("byte 8"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn gbk_input_is_decoded_and_recorded() {
    let seed = list_seeds().into_iter().find(|p| p.to_string_lossy().contains("003_")).unwrap();
    let text = std::fs::read_to_string(&seed).unwrap();
    let (gbk, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad);
    let dir = temp_dir("gbk");
    let p = dir.join("list-gbk.txt");
    std::fs::write(&p, &gbk).unwrap();
    let out = qingdan(&["parse", p.to_str().unwrap()]);
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(yaml.contains("encoding: GB18030"), "{yaml}");
    let utf8 = String::from_utf8(qingdan(&["parse", seed.to_str().unwrap()]).stdout).unwrap();
    assert_eq!(&yaml[yaml.find("items:").unwrap()..], &utf8[utf8.find("items:").unwrap()..]);
}

#[test]
fn version_and_help() {
    let out = qingdan(&["--version"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("qingdan "));
    let out = qingdan(&["--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("parse") && help.contains("schema") && help.contains("Examples"));
}

#[test]
fn a_web_page_from_stdin_is_read_and_its_warnings_point_into_the_page() {
    let page = "<!DOCTYPE html>\n<html><body>\n<table>\n<tr><th>序号</th><th>事项名称</th><th>事项编码</th><th>事项类型</th></tr>\n<tr><td>1</td><td>对甲的处罚</td><td>3701000236001</td><td>行政处罚</td></tr>\n<tr><td></td><td>对乙的处罚</td>\n  <td>3701000236002</td><td>行政处罚</td></tr>\n</table>\n</body></html>\n";
    let out = qingdan_with_stdin(&["parse", "--format", "json", "-"], Some(page.as_bytes()));
    assert_eq!(out.status.code(), Some(0));
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(yaml.contains("code: \"3701000236002\""), "{yaml}");
    let diags: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    let missing_seq =
        diags.as_array().unwrap().iter().find(|d| d["name"] == "missing-seq").expect("the second item has no 序号");
    // Line 6 of the page, at the item's name inside its <td>.
    assert_eq!(missing_seq["line"], 6);
    assert_eq!(missing_seq["column"], 18);
}

#[test]
fn comma_separated_text_on_stdin_is_read_as_csv() {
    let csv = "序号,事项名称,事项编码,事项类型,责任事项\n1,对甲的处罚,3701000236001,行政处罚,\"1.立案责任：予以立案。\n2.调查责任：调查取证。\"\n";
    let out = qingdan_with_stdin(&["parse", "-q", "-"], Some(csv.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let yaml = String::from_utf8(out.stdout).unwrap();
    assert!(yaml.contains("code: \"3701000236001\"") && yaml.contains("text: 调查责任：调查取证。"), "{yaml}");
}
