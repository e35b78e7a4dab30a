//! The JSON Schema: `qingdan schema` prints the shipped file, and every
//! parse output and YAML fixture satisfies it.

mod common;

use common::*;

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("schema/qingdan.schema.json")).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema is valid JSON Schema")
}

fn check(v: &jsonschema::Validator, yaml: &str, what: &str) {
    let instance: serde_json::Value = serde_saphyr::from_str(yaml).unwrap_or_else(|e| panic!("{what}: not YAML: {e}"));
    let errors: Vec<String> = v.iter_errors(&instance).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} does not satisfy the schema:\n{}", errors.join("\n"));
}

#[test]
fn schema_command_prints_the_file() {
    let out = qingdan(&["schema"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        std::fs::read_to_string(root().join("schema/qingdan.schema.json")).unwrap()
    );
}

#[test]
fn every_seed_parse_satisfies_the_schema() {
    let v = validator();
    let seeds = list_seeds();
    assert_eq!(seeds.len(), 4);
    for seed in seeds {
        let yaml = parse_yaml(&seed);
        // Run in the repository, the list points editors at the repository's schema.
        assert!(
            yaml.starts_with("# yaml-language-server: $schema=schema/qingdan.schema.json\nqingdan: 1\n"),
            "{}",
            seed.display()
        );
        check(&v, &yaml, &seed.display().to_string());
    }
}

#[test]
fn every_fixture_satisfies_the_schema() {
    let v = validator();
    for f in yaml_fixtures() {
        check(&v, &std::fs::read_to_string(&f).unwrap(), &f.display().to_string());
    }
    for f in text_fixtures() {
        let yaml = parse_yaml(&f);
        check(&v, &yaml, &f.display().to_string());
    }
}

#[test]
fn the_schema_rejects_what_the_format_forbids() {
    let v = validator();
    for bad in [
        "qingdan: 2\nitems: []\n",
        "qingdan: 1\nitems:\n  - item: 甲\n    code: \"1\"\n",
        "qingdan: 1\nitems:\n  - item: 甲\n    code: 1\n    type: 行政处罚\n",
        "qingdan: 1\nitems:\n  - item: 甲\n    code: \"1\"\n    type: 行政处罚\n    colour: red\n",
        "qingdan: 1\nitems:\n  - item: \"甲\\n乙\"\n    code: \"1\"\n    type: 行政处罚\n",
    ] {
        let instance: serde_json::Value = serde_saphyr::from_str(bad).unwrap();
        assert!(!v.is_valid(&instance), "accepted: {bad}");
    }
}

/// The schema reference a written list carries, if any.
fn modeline_of(path: &std::path::Path) -> Option<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let first = text.lines().next()?.to_owned();
    first.strip_prefix("# yaml-language-server: $schema=").map(str::to_owned)
}

#[test]
fn parse_points_each_list_at_the_nearest_schema() {
    let seed = list_seeds().into_iter().next().unwrap();
    let dir = temp_dir("modeline-parse");
    let lists = dir.join("lists");
    std::fs::create_dir_all(&lists).unwrap();
    let out = lists.join("a.yaml");
    let run = |extra: &[&str]| {
        let mut args = vec!["parse", seed.to_str().unwrap(), "-o", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        assert!(qingdan(&args).status.code().unwrap() <= 1);
    };
    // No schema anywhere above: no line, and the list starts with its version.
    run(&[]);
    assert_eq!(modeline_of(&out), None);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("qingdan: 1\n"));
    // `qingdan schema > qingdan.schema.json` at the top: every list below points at it.
    let schema = qingdan(&["schema"]).stdout;
    std::fs::write(dir.join("qingdan.schema.json"), &schema).unwrap();
    run(&[]);
    let reference = modeline_of(&out).unwrap();
    assert_eq!(reference, "../qingdan.schema.json");
    assert!(lists.join(&reference).is_file(), "the reference resolves from the list's folder");
    // qingdan.toml can name it (a path relative to the toml, or a URL); --schema overrides both.
    std::fs::write(dir.join("qingdan.toml"), "schema = \"https://example.org/qingdan/v1.json\"\n").unwrap();
    run(&[]);
    assert_eq!(modeline_of(&out).unwrap(), "https://example.org/qingdan/v1.json");
    run(&["--schema", "https://example.org/other.json"]);
    assert_eq!(modeline_of(&out).unwrap(), "https://example.org/other.json");
    // The line is a comment: the list still validates and satisfies the schema.
    let v = validator();
    check(&v, &std::fs::read_to_string(&out).unwrap(), "with modeline");
}

#[test]
fn fmt_adds_the_line_and_keeps_one_that_is_there() {
    let dir = temp_dir("modeline-fmt");
    std::fs::create_dir_all(dir.join("schema")).unwrap();
    std::fs::write(dir.join("schema/qingdan.schema.json"), qingdan(&["schema"]).stdout).unwrap();
    let list = dir.join("list.yaml");
    let clean = std::fs::read_to_string(root().join("fixtures/clean.yaml")).unwrap();
    let without_line: String = clean.lines().skip_while(|l| l.starts_with('#')).map(|l| format!("{l}\n")).collect();
    std::fs::write(&list, without_line).unwrap();
    let check = qingdan(&["fmt", "--check", list.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1), "a list without the line is not canonical");
    assert!(qingdan(&["fmt", list.to_str().unwrap()]).status.success());
    assert_eq!(modeline_of(&list).unwrap(), "schema/qingdan.schema.json");
    assert_eq!(qingdan(&["fmt", "--check", list.to_str().unwrap()]).status.code(), Some(0), "idempotent");
    // A line the user wrote stays as written.
    let text = std::fs::read_to_string(&list).unwrap();
    let own = text.replacen("schema/qingdan.schema.json", "https://example.org/s.json", 1);
    std::fs::write(&list, &own).unwrap();
    assert_eq!(qingdan(&["fmt", "--check", list.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(modeline_of(&list).unwrap(), "https://example.org/s.json");
}
