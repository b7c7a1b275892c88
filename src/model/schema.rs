//! JSON Schemas (draft-07) of the case file and of `kring.toml`, generated
//! from the model types. Editors that speak JSON Schema (taplo, Even Better
//! TOML in VS Code) validate and complete while the coordinator types.
//!
//! The descriptions are the doc comments of the model's fields; `kring new`
//! writes the same texts as comments in its skeleton.

use std::sync::LazyLock;

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::model::Case;
use crate::model::Settings;

/// Where `kring init` puts the schemas, relative to the repository root.
pub const CASE_SCHEMA_FILE: &str = ".kring/case.schema.json";
pub const SETTINGS_SCHEMA_FILE: &str = ".kring/settings.schema.json";
pub const ROSTER_SCHEMA_FILE: &str = ".kring/coordinator.schema.json";

/// The schema of a case file.
/// Every schema `kring init` writes, with its file in the repository.
pub fn files() -> [(&'static str, Value); 3] {
    [
        (CASE_SCHEMA_FILE, case()),
        (SETTINGS_SCHEMA_FILE, settings()),
        (ROSTER_SCHEMA_FILE, roster()),
    ]
}

pub fn case() -> Value {
    let mut schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Case>();
    schema.insert("title".into(), "kring case file".into());
    without_null(schema.to_value())
}

/// The schema without `null`, which TOML does not have: an optional key is
/// one that may be left out. schemars writes an optional table as
/// `anyOf: [{$ref}, {type: null}]`, and for a wrong key inside it an editor
/// then says only that the table "is not valid under any of the schemas
/// listed in the 'anyOf' keyword"; with `allOf: [{$ref}]` it names the key.
fn without_null(mut schema: Value) -> Value {
    fn visit(node: &mut Value) {
        match node {
            Value::Object(object) => {
                let is_null = |v: &Value| v.get("type").and_then(Value::as_str) == Some("null");
                if let Some(Value::Array(branches)) = object.get("anyOf")
                    && branches.len() == 2
                    && branches.iter().any(is_null)
                {
                    let other = branches.iter().find(|b| !is_null(b)).cloned();
                    object.remove("anyOf");
                    match other {
                        Some(Value::Object(other))
                            if other.len() == 1 && other.contains_key("$ref") =>
                        {
                            object.insert("allOf".into(), Value::Array(vec![Value::Object(other)]));
                        }
                        Some(Value::Object(other)) => {
                            for (key, value) in other {
                                object.entry(key).or_insert(value);
                            }
                        }
                        _ => {}
                    }
                }
                if let Some(Value::Array(types)) = object.get_mut("type") {
                    types.retain(|t| t != "null");
                    if types.len() == 1 {
                        let only = types.remove(0);
                        object.insert("type".into(), only);
                    }
                }
                object.values_mut().for_each(visit);
            }
            Value::Array(items) => items.iter_mut().for_each(visit),
            _ => {}
        }
    }
    visit(&mut schema);
    schema
}

/// The schema of `kring.toml`.
pub fn settings() -> Value {
    let mut schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Settings>();
    schema.insert(
        "title".into(),
        "kring repository settings (kring.toml)".into(),
    );
    without_null(schema.to_value())
}

/// The schema of a coordinator file of the roster (`coordinators/*.toml`).
pub fn roster() -> Value {
    let mut schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<crate::model::roster::RosterEntry>();
    schema.insert(
        "title".into(),
        "kring coordinator (coordinators/*.toml)".into(),
    );
    without_null(schema.to_value())
}

/// A schema as the text written to a file: pretty JSON and a final newline.
pub fn to_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The description of a key of the case file, by its dotted path
/// (`request.question`, `participant.role`, `plan.agreement.who`), as the
/// skeleton of `kring new` shows it.
pub fn describe(path: &str) -> Option<String> {
    static CASE: LazyLock<Value> = LazyLock::new(case);
    let root = &*CASE;
    let mut object = root;
    let mut description = None;
    for key in path.split('.') {
        let property = object.get("properties")?.get(key)?;
        description = property.get("description").and_then(Value::as_str);
        object = object_of(root, property).unwrap_or(property);
    }
    description.map(str::to_string)
}

/// The object schema a property holds: itself, or what its `$ref`, `items`
/// or `allOf`/`anyOf` branches lead to.
fn object_of<'a>(root: &'a Value, node: &'a Value) -> Option<&'a Value> {
    if node.get("properties").is_some() {
        return Some(node);
    }
    if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next()?;
        return object_of(root, root.get("definitions")?.get(name)?);
    }
    if let Some(items) = node.get("items") {
        return object_of(root, items);
    }
    ["allOf", "anyOf", "oneOf"]
        .iter()
        .filter_map(|key| node.get(*key)?.as_array())
        .flatten()
        .find_map(|branch| object_of(root, branch))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_a_description() {
        fn walk(root: &Value, node: &Value, path: &str, seen: &mut Vec<String>) {
            let Some(object) = object_of(root, node) else {
                return;
            };
            let Some(properties) = object.get("properties").and_then(Value::as_object) else {
                return;
            };
            for (key, property) in properties {
                let here = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                assert!(
                    property
                        .get("description")
                        .and_then(Value::as_str)
                        .is_some_and(|d| !d.is_empty()),
                    "{here} has no description"
                );
                seen.push(here.clone());
                walk(root, property, &here, seen);
            }
        }
        let root = case();
        let mut seen = Vec::new();
        walk(&root, &root, "", &mut seen);
        assert!(seen.len() > 70, "{}", seen.len());
        assert!(seen.contains(&"plan.agreement.who".to_string()));
        assert!(seen.contains(&"conference.part.kind".to_string()));
        let settings = settings();
        for key in [
            "organisation",
            "language",
            "timezone",
            "cases",
            "out",
            "followup_days",
            "retention_days",
        ] {
            assert!(
                settings["properties"][key]["description"].is_string(),
                "{key}"
            );
        }
    }

    #[test]
    fn descriptions_by_path() {
        assert_eq!(
            describe("request.question").as_deref(),
            Some("The question the circle makes a plan for; needed before anyone is invited")
        );
        assert!(
            describe("participant.role")
                .unwrap()
                .starts_with("central | family")
        );
        assert_eq!(
            describe("plan.agreement.who").as_deref(),
            Some("Participant ids of who does it")
        );
        assert_eq!(describe("nothing.here"), None);
    }

    #[test]
    fn no_schema_mentions_null() {
        for (file, schema) in files() {
            let text = schema.to_string();
            assert!(!text.contains("\"null\""), "{file}");
        }
    }

    #[test]
    fn the_schema_is_draft_07_and_closed() {
        let schema = case();
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(schema["additionalProperties"], false);
        assert_eq!(
            schema["required"],
            serde_json::json!(["id", "variant", "request"])
        );
    }
}
