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
        assert!(yaml.starts_with("qingdan: 1\n"), "{}", seed.display());
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
