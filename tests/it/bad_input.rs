//! Any bytes in a case file give diagnostics and an exit code: never a
//! panic, a hang or a changed file.

use std::path::{Path, PathBuf};

use kring::HumanRenderer;
use kring::check_cases;
use kring::{Settings, parse_case_bytes};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

use crate::support::{TODAY, demo_dir, fixture_dir, kring};

/// Every case file of the demo and the fixtures: realistic starting points.
fn seeds() -> Vec<Vec<u8>> {
    let today = TODAY.parse().unwrap();
    let mut seeds: Vec<Vec<u8>> = kring::Variant::ALL
        .into_iter()
        .map(|v| kring::skeleton("2026-001-x", v, Some("Zoë"), "nl", today).into_bytes())
        .collect();
    for root in [demo_dir(), fixture_dir("rules")]
        .into_iter()
        .filter(|r| r.is_dir())
    {
        for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "toml")
            {
                seeds.push(std::fs::read(entry.path()).unwrap());
            }
        }
    }
    assert!(seeds.len() > 40, "seeds found: {}", seeds.len());
    seeds
}

/// One random change of the kind an editor, a bad merge or a broken disk makes.
fn mutate(rng: &mut StdRng, input: &[u8]) -> Vec<u8> {
    let mut bytes = input.to_vec();
    let len = bytes.len().max(1);
    match rng.random_range(0..10) {
        0 => bytes.truncate(rng.random_range(0..len)),
        1 => {
            for _ in 0..rng.random_range(1..8) {
                if !bytes.is_empty() {
                    let i = rng.random_range(0..bytes.len());
                    bytes[i] ^= 1 << rng.random_range(0..8);
                }
            }
        }
        2 => {
            let i = rng.random_range(0..=bytes.len());
            let junk: Vec<u8> = (0..rng.random_range(1..32)).map(|_| rng.random()).collect();
            bytes.splice(i..i, junk);
        }
        3 => bytes = swap_lines(rng, &bytes),
        4 => bytes = swap_keys(rng, &bytes),
        5 => {
            // A huge array where a list is expected.
            let n = rng.random_range(1_000..5_000);
            let items = vec!["\"oma\""; n].join(", ");
            bytes.extend_from_slice(format!("\n[[participant]]\nid = \"x\"\nname = \"X\"\nrole = \"family\"\navoid = [{items}]\n").as_bytes());
        }
        6 => {
            // Deep nesting.
            let n = rng.random_range(10..5_000);
            bytes.extend_from_slice(
                format!("\nnest = {}{}\n", "[".repeat(n), "]".repeat(n)).as_bytes(),
            );
        }
        7 => {
            // A value of another type.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let replacement = [
                "1",
                "true",
                "[]",
                "{}",
                "1979-05-27T07:32:00Z",
                "\"\"",
                "15:00:00",
                "-0",
                "nan",
            ][rng.random_range(0..9)];
            let lines: Vec<String> = text
                .lines()
                .map(|l| match l.split_once(" = ") {
                    Some((k, _)) if rng.random_range(0..6) == 0 => format!("{k} = {replacement}"),
                    _ => l.to_string(),
                })
                .collect();
            bytes = lines.join("\n").into_bytes();
        }
        8 => {
            bytes = (0..rng.random_range(0..2_000))
                .map(|_| rng.random())
                .collect()
        }
        _ => {
            // Duplicate a random line (a repeated key or table).
            bytes = duplicate_line(rng, &bytes);
        }
    }
    bytes
}

fn split_lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

fn swap_lines(rng: &mut StdRng, bytes: &[u8]) -> Vec<u8> {
    let mut lines = split_lines(bytes);
    if lines.len() > 1 {
        let (a, b) = (
            rng.random_range(0..lines.len()),
            rng.random_range(0..lines.len()),
        );
        lines.swap(a, b);
    }
    lines.join(&b'\n')
}

fn swap_keys(rng: &mut StdRng, bytes: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let keyed: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].contains(" = "))
        .collect();
    if keyed.len() > 1 {
        let a = keyed[rng.random_range(0..keyed.len())];
        let b = keyed[rng.random_range(0..keyed.len())];
        let (ka, va) = lines[a]
            .split_once(" = ")
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .unwrap();
        let (kb, vb) = lines[b]
            .split_once(" = ")
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .unwrap();
        lines[a] = format!("{kb} = {va}");
        lines[b] = format!("{ka} = {vb}");
    }
    lines.join("\n").into_bytes()
}

fn duplicate_line(rng: &mut StdRng, bytes: &[u8]) -> Vec<u8> {
    let mut lines = split_lines(bytes);
    if !lines.is_empty() {
        let i = rng.random_range(0..lines.len());
        let line = lines[i].clone();
        lines.insert(rng.random_range(0..=lines.len()), line);
    }
    lines.join(&b'\n')
}

/// Loads, checks and prints diagnostics for a few thousand broken files, in
/// process, so that a panic anywhere fails the test with its input.
#[test]
fn thousands_of_mutated_files_never_panic() {
    let seeds = seeds();
    let settings = Settings::default();
    let today = TODAY.parse().unwrap();
    let renderer = HumanRenderer::new(false, kring::Lang::En);
    let mut rng = StdRng::seed_from_u64(2026);
    let mut diagnostics = 0;
    for round in 0..4_000 {
        let seed = &seeds[rng.random_range(0..seeds.len())];
        let mut bytes = mutate(&mut rng, seed);
        if rng.random_range(0..3) == 0 {
            bytes = mutate(&mut rng, &bytes);
        }
        let loaded = parse_case_bytes("cases/x.toml", bytes.clone());
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let report = check_cases(std::slice::from_ref(&loaded), &settings, today);
            for d in report.diagnostics.iter().take(100) {
                renderer.render(d, loaded.file.text.as_deref());
            }
            if let Ok(case) = &loaded.case {
                kring::checklist_tasks(case);
                case.phase(today);
            }
            report.diagnostics.len()
        }));
        match result {
            Ok(n) => diagnostics += n,
            Err(_) => panic!(
                "round {round} panicked on this input:\n{}",
                String::from_utf8_lossy(&bytes)
            ),
        }
    }
    assert!(
        diagnostics > 4_000,
        "mutations found problems: {diagnostics}"
    );
}

fn repo_with(files: &[(&str, Vec<u8>)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kring.toml"), "").unwrap();
    for (name, bytes) in files {
        let path = dir.path().join("cases").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
    }
    let root = dir.path().to_path_buf();
    (dir, root)
}

fn json_check(root: &Path) -> (Option<i32>, serde_json::Value) {
    let output = kring()
        .args(["check", "--format", "json", "--today", TODAY])
        .arg(root)
        .output()
        .unwrap();
    (
        output.status.code(),
        serde_json::from_slice(&output.stdout).unwrap(),
    )
}

#[test]
fn a_file_over_1_mib_is_k005_and_the_others_are_still_checked() {
    let mut big = b"id = \"groot\"\nvariant = \"family\"\n# ".to_vec();
    big.resize(1024 * 1024 + 1, b'x');
    let (_dir, root) = repo_with(&[("groot.toml", big), ("leeg.toml", b"id = 3\n".to_vec())]);
    let (code, json) = json_check(&root);
    assert_eq!(code, Some(1));
    let codes: Vec<_> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        // Every shape problem of leeg.toml: `id` is a number, `variant`
        // and `request` are missing.
        [
            ("cases/groot.toml".into(), "K005".into()),
            ("cases/leeg.toml".into(), "K002".into()),
            ("cases/leeg.toml".into(), "K002".into()),
            ("cases/leeg.toml".into(), "K002".into())
        ]
    );
    let k005 = &json["diagnostics"][0];
    assert_eq!(
        (
            k005["line"].as_u64(),
            k005["column"].as_u64(),
            &k005["case"]
        ),
        (Some(1), Some(1), &serde_json::Value::Null)
    );
}

#[test]
fn a_file_that_is_not_utf8_is_k005_and_is_left_unchanged() {
    let bytes = b"id = \"latin\"\nvariant = \"family\"\n# caf\xe9\n".to_vec();
    let (_dir, root) = repo_with(&[("latin.toml", bytes.clone())]);
    let (code, json) = json_check(&root);
    assert_eq!(code, Some(1));
    assert_eq!(json["diagnostics"][0]["code"], "K005");
    assert!(
        json["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("line 3")
    );
    assert_eq!(std::fs::read(root.join("cases/latin.toml")).unwrap(), bytes);
}

#[test]
fn exactly_1_mib_is_allowed() {
    let mut text =
        b"id = \"precies\"\nvariant = \"community\"\n[request]\nreceived = 2026-09-01\n# ".to_vec();
    text.resize(1024 * 1024 - 1, b'x');
    text.push(b'\n');
    let (_dir, root) = repo_with(&[("precies.toml", text)]);
    let (code, json) = json_check(&root);
    assert_eq!(code, Some(0), "{json}");
}

#[test]
fn a_line_of_nearly_1_mib_with_thousands_of_problems_is_reported_in_full() {
    let n = 30_000;
    let ids: Vec<String> = (0..n).map(|i| format!("\"p{i}\"")).collect();
    let text = format!(
        "id = \"lang\"\nvariant = \"community\"\n[request]\nreceived = 2026-09-01\n\
         [[participant]]\nid = \"a\"\nname = \"A\"\nrole = \"resident\"\navoid = [{}]\n",
        ids.join(",")
    );
    assert!(text.len() < 1024 * 1024, "{}", text.len());
    let (_dir, root) = repo_with(&[("lang.toml", text.into_bytes())]);
    let (code, json) = json_check(&root);
    assert_eq!(code, Some(1));
    assert_eq!(json["errors"], n);
    let human = kring()
        .args(["check", "--today", TODAY])
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(human.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&human.stderr);
    assert_eq!(stderr.matches("error[K102]").count(), n);
    assert!(
        stderr.lines().all(|l| l.len() < 1_000),
        "long lines are cut to a window"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = 200_000;
    let arrays = format!(
        "id = \"2026-300-diep\"\nvariant = \"family\"\na = {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let tables = format!(
        "a = {}1{}\n",
        "{b = ".repeat(depth / 2),
        "}".repeat(depth / 2)
    );
    let (dir, _) = repo_with(&[
        ("cases/arrays.toml", arrays.into_bytes()),
        ("cases/tables.toml", tables.into_bytes()),
    ]);
    let (code, json) = json_check(dir.path());
    assert_eq!(code, Some(1));
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["K001", "K001"]);
    for command in [vec!["fmt", "--check"], vec!["render"], vec!["status"]] {
        let output = kring()
            .current_dir(dir.path())
            .args(&command)
            .args(["--today", TODAY])
            .output()
            .unwrap();
        assert!(
            matches!(output.status.code(), Some(0..=2)),
            "{command:?} crashed: {output:?}"
        );
    }
}

/// A case of 10,000 participants (within the 1 MiB limit) and an array of
/// 50,000 items load, check, format and render their checklist.
#[test]
fn ten_thousand_participants_and_huge_arrays() {
    let mut text = String::from(
        "id = \"2026-301-groot\"\nvariant = \"community\"\n\n[request]\nreceived = 2026-09-01\n\
         question = \"Hoe verder?\"\nquestion_agreed = 2026-09-02\nconsent = 2026-09-02\n\n\
         [conference]\ndate = 2027-03-10\nstart = 15:00:00\nend = 17:00:00\nlocation = \"Plein\"\n\
         arrangements = [",
    );
    text.push_str(&vec!["\"x\""; 50_000].join(", "));
    text.push_str("]\n");
    for i in 0..10_000 {
        text.push_str(&format!(
            "\n[[participant]]\nid = \"p{i}\"\nname = \"B {i}\"\nrole = \"resident\"\n"
        ));
    }
    assert!(text.len() < 1024 * 1024, "{}", text.len());
    let (dir, _) = repo_with(&[("cases/groot.toml", text.clone().into_bytes())]);
    let (code, json) = json_check(dir.path());
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(json["cases"], 1);
    let formatted = kring::format(&text).unwrap();
    assert_eq!(kring::format(&formatted).unwrap(), formatted);
    kring()
        .current_dir(dir.path())
        .args(["render", "--only", "checklist", "--today", TODAY])
        .assert()
        .success();
    let checklist =
        std::fs::read_to_string(dir.path().join("out/2026-301-groot/checklist.md")).unwrap();
    assert!(checklist.contains("- **B 9999**"));
}
