//! `qingdan validate`, `qingdan rule` and `qingdan law import` as CI and
//! users run them.

mod common;

use common::*;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The seeds parsed once into a directory of lists, for every test of the
/// run: under Cargo's directory for the temporary files of integration
/// tests, made afresh by each run, since a static is never dropped.
fn parsed_lists() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("validate-lists");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mut args = vec!["parse".to_owned(), "-q".to_owned(), "--out-dir".to_owned(), dir.display().to_string()];
        args.extend(list_seeds().iter().map(|p| p.display().to_string()));
        let out = qingdan(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(out.status.code().is_some_and(|c| c <= 1));
        dir
    })
}

fn list(prefix: &str) -> String {
    let dir = parsed_lists();
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap()
        .display()
        .to_string()
}

fn json(args: &[&str]) -> (Option<i32>, Vec<Value>) {
    let mut all = vec!["validate", "--format", "json"];
    all.extend_from_slice(args);
    let out = qingdan(&all);
    let v: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code(), v.as_array().unwrap().clone())
}

fn has(diags: &[Value], code: &str, needle: &str) -> bool {
    diags.iter().any(|d| d["code"] == code && d["message"].as_str().unwrap().contains(needle))
}

#[test]
fn a_clean_list_gets_no_diagnostic() {
    let (code, diags) = json(&["fixtures/clean.yaml"]);
    assert_eq!(code, Some(0));
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn tianshui_defects() {
    let (code, d) = json(&[&list("003_")]);
    assert_eq!(code, Some(1));
    assert!(has(&d, "QD201", "26 characters"), "{d:#?}");
    assert!(has(&d, "QD304", "第六49号"));
    assert!(has(&d, "QD302", "20017"));
    assert!(has(&d, "QD305", "（"), "the unclosed （甘政发〔2012〕64号：");
    assert!(has(&d, "QD309", "第八十七条"), "第七十七条 quoting article 87");
    assert!(has(&d, "QD303", "国务院令149号"));
}

#[test]
fn jinan_defects() {
    let (_, d) = json(&[&list("000_")]);
    assert!(has(&d, "QD307", "劳动部令第16号"), "【法律】 on a ministry's rule");
    assert!(has(&d, "QD307", "山东省人民政府令"), "【部门规章】 on a provincial government's rule");
    assert!(d.iter().any(|x| x["code"] == "QD306"), "《关于印发《…》的通知》");
    assert!(has(&d, "QD302", "2017年鲁人社规14号"));
}

#[test]
fn shandan_defects() {
    let (_, d) = json(&[&list("004_")]);
    assert!(has(&d, "QD106", "行政监督"));
    assert!(has(&d, "QD204", "09"));
    assert!(d.iter().any(|x| x["code"] == "QD306"), "《《中华人民共和国社会保险法》》");
}

#[test]
fn shandong_tag_defect() {
    let (_, d) = json(&[&list("001_")]);
    assert!(
        has(&d, "QD307", "山东省人民政府令第345号"),
        "{:#?}",
        d.iter().filter(|x| x["code"] == "QD307").collect::<Vec<_>>()
    );
}

#[test]
fn json_shape() {
    let (_, d) = json(&[&list("003_")]);
    for x in &d {
        for key in [
            "code",
            "name",
            "severity",
            "message",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "item",
            "path",
            "fixable",
        ] {
            assert!(x.get(key).is_some(), "{key} missing in {x}");
        }
        assert!(x["code"].as_str().unwrap().starts_with("QD"));
        assert!(x["line"].as_u64().unwrap() >= 1);
    }
    let short = d.iter().find(|x| x["code"] == "QD201").unwrap();
    assert_eq!(short["item"], "11620500MB1673620836001000");
    assert!(short["path"].as_str().unwrap().ends_with(".code"));
}

#[test]
fn sarif_shape() {
    let out = qingdan(&["validate", "--format", "sarif", &list("003_")]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "qingdan");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
        assert!(matches!(r["level"].as_str().unwrap(), "error" | "warning" | "note"));
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn github_annotations_are_chosen_on_actions() {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_qingdan"));
    let out = cmd.args(["validate", &list("004_")]).current_dir(root()).env("GITHUB_ACTIONS", "true").output().unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.lines().any(|l| l.starts_with("::error file=") && l.contains("title=QD106")), "{s}");
}

#[test]
fn select_ignore_strict_and_exit_zero() {
    let f = list("004_");
    let (_, d) = json(&["--select", "QD1", &f]);
    assert!(d.iter().all(|x| x["code"].as_str().unwrap().starts_with("QD1")));
    let (_, d) = json(&["--ignore", "QD104,unknown-type", &f]);
    assert!(d.iter().all(|x| x["code"] != "QD104" && x["code"] != "QD106"));
    let (code, _) = json(&["--select", "QD103", &f]);
    assert_eq!(code, Some(0), "warnings only");
    let (code, _) = json(&["--select", "QD103", "--strict", &f]);
    assert_eq!(code, Some(1));
    let (code, _) = json(&["--exit-zero", &f]);
    assert_eq!(code, Some(0));
    let out = qingdan(&["validate", "--select", "QD999", &f]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn configuration_file_and_directory_walk() {
    let dir = temp_dir("config");
    std::fs::create_dir_all(dir.join("lists/old")).unwrap();
    std::fs::copy(list("004_"), dir.join("lists/shandan.yaml")).unwrap();
    std::fs::copy(list("004_"), dir.join("lists/old/ignored.yaml")).unwrap();
    std::fs::write(dir.join(".gitignore"), "old/\n").unwrap();
    std::fs::write(
        dir.join("qingdan.toml"),
        "ignore = [\"QD104\"]\n[severity]\nQD106 = \"warning\"\nQD204 = \"off\"\n",
    )
    .unwrap();
    // The walk honours .gitignore only inside a git work tree or with the file beside: ignore reads it either way.
    let out = qingdan(&["validate", "--format", "json", dir.to_str().unwrap()]);
    let d: Vec<Value> = serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone();
    assert!(d.iter().all(|x| !x["file"].as_str().unwrap().contains("ignored.yaml")), "gitignored file checked");
    assert!(d.iter().any(|x| x["code"] == "QD106" && x["severity"] == "warning"));
    assert!(d.iter().all(|x| x["code"] != "QD104" && x["code"] != "QD204"));
}

#[test]
fn max_diagnostics_says_it_cut() {
    let out = qingdan(&["validate", "--format", "concise", "--max-diagnostics", "2", &list("000_")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("more not shown"));
}

#[test]
fn broken_yaml_is_a_diagnostic_not_a_crash() {
    let dir = temp_dir("broken");
    let p = dir.join("broken.yaml");
    std::fs::write(&p, "qingdan: 1\nitems:\n  - item: 甲\n    colour: red\n").unwrap();
    let (code, d) = json(&[p.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert_eq!(d[0]["code"], "QD100");
    assert_eq!(d[0]["line"], 4);
    let (code, _) = json(&["no/such/dir"]);
    assert_eq!(code, Some(2));
}

#[test]
fn a_list_that_is_not_utf8_is_named_with_the_bad_byte() {
    let dir = temp_dir("not-utf8");
    let p = dir.join("gbk.yaml");
    let mut bytes = "qingdan: 1\nitems:\n  - item: ".as_bytes().to_vec();
    // 医保 in GBK: its first two bytes happen to be a UTF-8 character (ҽ),
    // the third is where UTF-8 breaks.
    let at = bytes.len() + 2;
    bytes.extend_from_slice(&[0xd2, 0xbd, 0xb1, 0xa3, b'\n']);
    std::fs::write(&p, bytes).unwrap();
    let out = qingdan(&["validate", "--format", "concise", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("gbk.yaml") && err.contains(&format!("not UTF-8 at byte {at}")), "{err}");
}

#[test]
fn rules_are_documented() {
    let out = qingdan(&["rule", "--list"]);
    let s = String::from_utf8(out.stdout).unwrap();
    for meta in qingdan::rules::registry::RULES.iter().filter(|m| m.code.starts_with("QD")) {
        assert!(s.contains(meta.code) && s.contains(meta.name));
    }
    let out = qingdan(&["rule", "code-length"]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("QD201 code-length"));
    assert!(s.contains("## Bad") && s.contains("## Good"));
    assert_eq!(qingdan(&["rule", "QD999"]).status.code(), Some(2));
}

#[test]
fn law_import_of_the_regulation_seed() {
    let seed = root()
        .join("seeds")
        .read_dir()
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("002_"))
        .unwrap();
    let out = qingdan(&["law", "import", seed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let toml = String::from_utf8(out.stdout).unwrap();
    assert!(toml.contains("title = \"山东省医疗保障基金监督管理办法\""));
    assert!(toml.contains("promulgation = \"山东省人民政府令第345号\""));
    assert!(toml.contains("articles = 37"));
    assert!(toml.contains("\"第三十七条\" = \"本办法自2022年5月1日起施行。\""));
    // The shipped entry is this import.
    let shipped = std::fs::read_to_string(root().join("schema/laws/shandong-345.toml")).unwrap();
    assert_eq!(shipped.lines().skip(1).collect::<Vec<_>>(), toml.lines().skip(1).collect::<Vec<_>>());
}

/// A directory where one list cites a quotation under another article than
/// the other lists do, among copies of a clean list.
fn quotation_tree() -> TestDir {
    let dir = temp_dir("corpus");
    let quote = "社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的，由社会保险行政部门责令退回骗取的社会保险金。";
    let list = |article: &str, code: &str| {
        format!(
            "qingdan: 1\nitems:\n  - seq: 1\n    item: 对骗取社会保险基金支出的处罚\n    code: \"{code}\"\n    type: 行政处罚\n    legal_basis:\n      - tag: 法律\n        title: 某省医疗保障基金监督办法\n        articles: [{article}]\n        text: {quote}\n"
        )
    };
    std::fs::write(dir.join("a.yaml"), list("第八十七条", "3700000236001")).unwrap();
    std::fs::write(dir.join("b.yaml"), list("第八十七条", "3700000236002")).unwrap();
    std::fs::write(dir.join("c.yaml"), list("第九十条", "3700000236003")).unwrap();
    let clean = std::fs::read(root().join("fixtures/clean.yaml")).unwrap();
    for i in 0..40 {
        std::fs::write(dir.join(format!("d{i:02}.yaml")), &clean).unwrap();
    }
    dir
}

#[test]
fn a_quotation_cited_under_another_article_elsewhere_in_the_run() {
    let dir = quotation_tree();
    let (_, d) = json(&["--select", "QD309", dir.to_str().unwrap()]);
    let across: Vec<&Value> =
        d.iter().filter(|x| x["message"].as_str().unwrap().contains("across the lists of this run")).collect();
    assert_eq!(across.len(), 1, "{d:?}");
    let x = across[0];
    assert!(x["file"].as_str().unwrap().ends_with("c.yaml"), "{x}");
    assert_eq!(x["path"], "items[0].legal_basis[0].articles[0]");
    assert_eq!(x["line"], 10, "the article's line in c.yaml");
    // The graphical report shows the line of the file it read again.
    let out = qingdan(&["validate", "--select", "QD309", "--format", "human", dir.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("articles: [第九十条]"), "{text}");
}

#[test]
fn the_report_is_the_same_whatever_the_thread_count() {
    let dir = quotation_tree();
    let run = |threads: &str| {
        let out = qingdan_with_env(
            &["validate", "--format", "concise", "--exit-zero", dir.to_str().unwrap()],
            None,
            &[("QINGDAN_THREADS", threads)],
        );
        out.stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("2"));
    assert_eq!(one, run("4"));
    // The option says the same as the variable.
    let by_option = qingdan(&["validate", "-j", "3", "--format", "concise", "--exit-zero", dir.to_str().unwrap()]);
    assert_eq!(one, by_option.stdout);
    // The human format is rendered on the threads that check: the same
    // report, whole or cut short, whatever their number.
    for limit in ["1000", "2"] {
        let human = |threads: &str| {
            let args =
                ["validate", "-j", threads, "--format", "human", "--max-diagnostics", limit, dir.to_str().unwrap()];
            qingdan(&args).stdout
        };
        let one = human("1");
        assert!(String::from_utf8_lossy(&one).contains("QD"), "{}", String::from_utf8_lossy(&one));
        assert_eq!(one, human("4"), "--max-diagnostics {limit}");
    }
}

#[test]
fn no_threads_is_refused() {
    let out = qingdan(&["validate", "--threads", "0", "."]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--threads"), "{err}");
}

#[test]
fn text_rules_check_the_cells_of_other_columns_at_their_place() {
    let dir = temp_dir("extra-html");
    let clean = std::fs::read_to_string(root().join("fixtures/clean.yaml")).unwrap();
    assert!(clean.contains("text: 定点医药机构、参保人员"));
    let p = dir.join("list.yaml");
    std::fs::write(&p, clean.replace("text: 定点医药机构、参保人员", "text: 定点医药机构<br>参保人员")).unwrap();
    let (code, d) = json(&[p.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{d:#?}");
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0]["name"], "residual-html");
    assert_eq!(d[0]["path"], "items[0].extra[0].text");
    let line = clean.lines().position(|l| l.contains("定点医药机构")).unwrap() + 1;
    assert_eq!(d[0]["line"], line as u64);
    assert_eq!(d[0]["column"], 21);
}

#[test]
fn text_rules_check_the_documents_notes_at_their_place() {
    let dir = temp_dir("note-html");
    let clean = std::fs::read_to_string(root().join("fixtures/clean.yaml")).unwrap();
    let note = "注：本清单随法律法规和机构职能调整动态更新。";
    assert!(clean.contains(note));
    let p = dir.join("list.yaml");
    std::fs::write(&p, clean.replace(note, "注：本清单随法律法规和机构职能调整动态更新&nbsp;。")).unwrap();
    let (_, d) = json(&[p.to_str().unwrap()]);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0]["name"], "residual-html");
    assert_eq!(d[0]["path"], "document.notes[0]");
    let line = clean.lines().position(|l| l.contains(note)).unwrap() + 1;
    assert_eq!(d[0]["line"], line as u64);
}

/// A report as the tests compare it: each diagnostic's code, place, path,
/// message, help and whether it is fixable.
fn shown(report: &qingdan::validate::FileReport) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let at = d.location.as_ref().map(|l| l.range.clone());
            format!("{} {:?} {:?} {} {:?} {}", d.code, at, d.path, d.message.en, d.help, d.fixable)
        })
        .collect()
}

#[test]
fn values_met_again_in_a_run_get_the_findings_of_a_fresh_check() {
    // Each list seed as parse writes it, with ASCII commas for the text rules to find.
    let lists: Vec<String> = list_seeds()
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            let parsed = qingdan::parse::parse_bytes(&p.to_string_lossy(), &bytes, &Default::default()).unwrap();
            qingdan::yaml::to_canonical_string(&parsed.list).replacen('，', ",", 60)
        })
        .collect();
    let engine = || qingdan::validate::Engine::new(Default::default(), 2026).unwrap();
    let run = engine();
    // Each list after the ones before it (the values they share come from the
    // run's memo), then each again, against each in a run of its own.
    let first: Vec<_> = lists.iter().map(|l| shown(&run.check_text("list.yaml", l))).collect();
    for (list, first) in lists.iter().zip(&first) {
        assert_eq!(&shown(&run.check_text("list.yaml", list)), first);
        assert_eq!(&shown(&engine().check_text("list.yaml", list)), first);
    }
    let all: Vec<&String> = first.iter().flatten().collect();
    assert!(all.iter().filter(|d| d.starts_with("QD30")).count() >= 5, "{all:#?}");
    assert!(all.iter().filter(|d| d.starts_with("QD404")).count() >= 10, "{all:#?}");
}

#[test]
fn a_reader_that_goes_away_stops_the_run() {
    // 200 lists of 50 items with a code too short: far more report than
    // the pipe and the output buffer hold.
    let dir = temp_dir("reader-gone");
    let mut list = String::from("qingdan: 1\nitems:\n");
    for seq in 1..=50 {
        list.push_str(&format!(
            "  - seq: {seq}\n    item: 对违法行为{seq}的处罚\n    code: \"37{seq}\"\n    type: 行政处罚\n"
        ));
    }
    for i in 0..200 {
        std::fs::write(dir.join(format!("l{i:03}.yaml")), &list).unwrap();
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_qingdan"))
        .args(["validate", "--format", "concise", "--lang", "en", dir.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut first).unwrap();
    assert!(first.contains("QD"), "{first}");
    // The reader is gone now: the run stops without a summary, and without a panic.
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("200 files"), "it ran to the end: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.status.code().is_some(), "ended by a signal");
}
