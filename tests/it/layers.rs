//! The layers point one way (CONTRIBUTING.md): `cli` → the domain (`check`,
//! `render`, `edit`, `region`) → `model`, `repo`, `diagnostic`, `fsutil`,
//! and all of them may use `messages` (kring's words in Dutch and English);
//! nothing below `cli` talks to the terminal. Read from the source, so that
//! a new `use` that breaks the rule fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What each top-level module may use of the others.
const ALLOWED: &[(&str, &[&str])] = &[
    ("messages", &[]),
    ("diagnostic", &["messages"]),
    ("fsutil", &[]),
    ("model", &["messages"]),
    ("repo", &["model", "fsutil", "messages"]),
    ("region", &["model", "repo", "diagnostic", "messages"]),
    (
        "render",
        &["model", "repo", "diagnostic", "fsutil", "messages"],
    ),
    (
        "check",
        &["model", "repo", "diagnostic", "render", "messages"],
    ),
    (
        "edit",
        &["model", "repo", "diagnostic", "fsutil", "check", "messages"],
    ),
    // Sending: what is due (model), the documents (render), the record
    // (edit), the check's diagnostics (diagnostic).
    (
        "send",
        &[
            "model",
            "repo",
            "diagnostic",
            "fsutil",
            "render",
            "edit",
            "messages",
        ],
    ),
];

/// Things only `cli` (and `main.rs`) may touch: the terminal and the
/// progress bar.
const TERMINAL: &[&str] = &[
    "ewrite!",
    "ewriteln!",
    "eprint",
    "println!",
    "print!(",
    "std::io::stderr",
    "std::io::stdout",
    "IsTerminal",
    "indicatif",
];

/// Each top-level module's source, without its unit tests.
fn sources() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut by_module: BTreeMap<String, String> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(&src).unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = top.trim_end_matches(".rs").to_string();
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
        by_module.entry(module).or_default().push_str(code);
    }
    by_module
}

#[test]
fn modules_use_only_the_layers_below_them() {
    let sources = sources();
    let modules: BTreeSet<&str> = sources.keys().map(String::as_str).collect();
    let mut wrong = Vec::new();
    for (module, code) in &sources {
        if ["cli", "lib", "main"].contains(&module.as_str()) {
            continue;
        }
        let allowed = ALLOWED
            .iter()
            .find(|(m, _)| m == module)
            .unwrap_or_else(|| panic!("src/{module} has no row in ALLOWED"))
            .1;
        for used in code.split("crate::").skip(1) {
            let name: String = used
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if modules.contains(name.as_str())
                && name != *module
                && !allowed.contains(&name.as_str())
            {
                wrong.push(format!("{module} uses {name}"));
            }
        }
        for word in TERMINAL {
            if code.contains(word) {
                wrong.push(format!("{module} touches the terminal ({word})"));
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(wrong.is_empty(), "{wrong:#?}");
}
