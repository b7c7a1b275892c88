//! The JSON Schemas of `kring schema`, checked with an independent JSON
//! Schema validator (the `jsonschema` crate) on the demo and the rule
//! fixtures, converted from TOML to JSON the way editors do: a TOML date or
//! time becomes a JSON string.

use std::path::Path;

use serde_json::Value;

use crate::support::{demo_dir, files_below, fixture_dir, kring};

fn schema_from_binary(args: &[&str]) -> Value {
    let output = kring().arg("schema").args(args).output().unwrap();
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).unwrap()
}

fn validator(schema: &Value) -> jsonschema::Validator {
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::draft7::new(schema).expect("a valid draft-07 schema")
}

/// TOML as JSON: dates and times as strings, as taplo presents them.
fn to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(table) => {
            Value::Object(table.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

fn read_toml(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).ok()?;
    text.parse::<toml::Table>()
        .ok()
        .map(|t| to_json(toml::Value::Table(t)))
}

/// The rule codes a fixture file expects (`# expect: K002`).
fn expected_codes(path: &Path) -> Vec<String> {
    let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
    text.lines()
        .filter_map(|l| l.split("# expect: ").nth(1))
        .map(|c| c.trim().to_string())
        .collect()
}

#[test]
fn every_demo_case_and_setting_validates() {
    let cases = validator(&schema_from_binary(&[]));
    let settings = validator(&schema_from_binary(&["--settings"]));
    let demo = demo_dir();
    let mut count = 0;
    for file in files_below(&demo.join("cases")) {
        let json = read_toml(&demo.join("cases").join(&file)).unwrap();
        let errors: Vec<String> = cases.iter_errors(&json).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
        count += 1;
    }
    assert_eq!(count, 5);
    let json = read_toml(&demo.join("kring.toml")).unwrap();
    assert!(settings.is_valid(&json));
    let bad = serde_json::json!({"language": "nl", "timezone": 5, "colour": "red"});
    assert!(!settings.is_valid(&bad));
}

/// Every file that `kring check` rejects as the wrong shape (K002) is
/// rejected by the schema too, and every fixture file kring reads without
/// a shape or id error passes it. The one exception: a date in quotes
/// (`received = "2026-10-01"`). JSON has no dates, so a TOML date and a
/// quoted one are the same JSON string; the schema cannot tell them apart
/// and `kring check` reports it.
#[test]
fn the_schema_agrees_with_the_shape_rules() {
    let cases = validator(&schema_from_binary(&[]));
    let fixtures = fixture_dir("rules");
    let (mut rejected, mut accepted) = (0, 0);
    for file in files_below(&fixtures) {
        let path = fixtures.join(&file);
        if !file.contains("/cases/") || !file.ends_with(".toml") {
            continue;
        }
        let codes = expected_codes(&path);
        let Some(json) = read_toml(&path) else {
            assert!(
                codes.iter().any(|c| c == "K001"),
                "{file} is not TOML yet expects no K001"
            );
            continue;
        };
        if codes.iter().any(|c| c == "K002") {
            if file.ends_with("2026-062-date.toml") {
                assert!(cases.is_valid(&json), "{file}");
                continue;
            }
            assert!(!cases.is_valid(&json), "{file} should be rejected");
            rejected += 1;
        } else if !codes
            .iter()
            .any(|c| ["K001", "K003", "K005"].contains(&c.as_str()))
        {
            let errors: Vec<String> = cases.iter_errors(&json).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{file}: {errors:?}");
            accepted += 1;
        }
    }
    assert_eq!(rejected, 4);
    assert!(accepted >= 35, "{accepted}");
}

#[test]
fn init_writes_the_schemas_and_the_taplo_configuration() {
    let dir = tempfile::tempdir().unwrap();
    kring().arg("init").arg(dir.path()).assert().success();
    let written: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join(".kring/case.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(written, schema_from_binary(&[]));
    let settings: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join(".kring/settings.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(settings, schema_from_binary(&["--settings"]));
    let taplo: toml::Table = std::fs::read_to_string(dir.path().join(".taplo.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let rules = taplo["rule"].as_array().unwrap();
    assert_eq!(rules[0]["include"][0].as_str(), Some("cases/**/*.toml"));
    assert_eq!(
        rules[0]["schema"]["path"].as_str(),
        Some(".kring/case.schema.json")
    );
    assert_eq!(
        rules[1]["schema"]["path"].as_str(),
        Some(".kring/settings.schema.json")
    );

    // A file kring new writes validates, as soon as it is written.
    kring()
        .current_dir(dir.path())
        .args(["new", "2026-001-test", "--variant", "restorative"])
        .assert()
        .success();
    let json = read_toml(&dir.path().join("cases/2026-001-test.toml")).unwrap();
    assert!(validator(&written).is_valid(&json));
}

#[test]
fn the_demo_roster_validates_and_k601_files_do_not() {
    let roster = validator(&schema_from_binary(&["--roster"]));
    let folder = demo_dir().join("coordinators");
    let files = files_below(&folder);
    assert_eq!(files.len(), 7);
    for file in files {
        let json = read_toml(&folder.join(&file)).unwrap();
        let errors: Vec<String> = roster.iter_errors(&json).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
    let broken = fixture_dir("rules").join("K601/coordinators/kapot.toml");
    assert!(!roster.is_valid(&read_toml(&broken).unwrap()));
}
