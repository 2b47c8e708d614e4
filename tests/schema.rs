//! Every plan file the project holds validates against `plan schema`, and
//! the schema rejects what `plan check` rejects for shape.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn schema() -> jsonschema::Validator {
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .arg("schema")
        .output()
        .unwrap();
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    jsonschema::draft202012::new(&schema).expect("a valid JSON Schema")
}

/// TOML as editors see it: dates are strings.
fn json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(s) => s.into(),
        toml::Value::Integer(i) => i.into(),
        toml::Value::Float(f) => f.into(),
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(a) => a.into_iter().map(json).collect(),
        toml::Value::Table(t) => t.into_iter().map(|(k, v)| (k, json(v))).collect(),
    }
}

fn errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let value: toml::Value = toml::from_str(text).unwrap();
    validator
        .iter_errors(&json(value))
        .map(|e| e.to_string())
        .collect()
}

fn files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, found);
        } else if path.extension().is_some_and(|e| e == "toml") {
            found.push(path);
        }
    }
}

#[test]
fn every_bundled_plan_file_validates() {
    let validator = schema();
    let mut all = Vec::new();
    files(Path::new("plans"), &mut all);
    files(Path::new("tests/cmd/reports/plan"), &mut all);
    files(Path::new("tests/cmd/check/valid.in"), &mut all);
    // The invented example holds every key of a task's history (docs/history.md).
    files(Path::new("examples/quarterly"), &mut all);
    // The invented plan in two languages holds every translation key.
    files(Path::new("examples/bilingual"), &mut all);
    assert!(all.len() >= 10);
    for file in all {
        let text = fs::read_to_string(&file).unwrap();
        assert_eq!(
            errors(&validator, &text),
            Vec::<String>::new(),
            "{}",
            file.display()
        );
    }
}

#[test]
fn the_schema_rejects_typos_and_bad_values() {
    let validator = schema();
    for bad in [
        "[plan]\ntitle = \"t\"\nstart = 2012-04-01\nend = 2013-03-31\nowners = \"x\"\n",
        "[[agency]]\nid = \"SWP\"\n",
        "[card]\nid = \"EJ\"\ntitle = \"t\"\n[[priority]]\nid = 1\ntitle = \"p\"\n[[priority.action]]\nid = 1\ntitle = \"a\"\n[[priority.action.task]]\nid = \"a\"\ntext = \"t\"\nlead = [\"SWP\"]\nrag = \"purple\"\n",
        "[[recommendation]]\nid = \"R1\"\ntext = \"t\"\nresponse = \"agreed\"\n",
        "[card]\nid = \"EJ\"\ntitle = \"t\"\n[[priority]]\nid = 1\ntitle = \"p\"\n[[priority.action]]\nid = 1\ntitle = \"a\"\n[[priority.action.task]]\nid = \"a\"\ntext = \"t\"\nlead = [\"SWP\"]\nstatus = \"paused\"\n[[priority.action.task.update]]\nnote = \"no date\"\n",
    ] {
        assert!(!errors(&validator, bad).is_empty(), "{bad}");
    }
}
