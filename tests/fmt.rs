//! `plan fmt`: idempotent on every plan file the project holds, silent on
//! the bundled plan, and a layout change only: the plan means the same after.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn toml_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            toml_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "toml") {
            found.push(path);
        }
    }
}

#[test]
fn formatting_twice_changes_nothing_the_second_time() {
    let mut files = Vec::new();
    toml_files(Path::new("plans"), &mut files);
    toml_files(Path::new("tests/cmd"), &mut files);
    toml_files(Path::new("examples"), &mut files);
    let mut formatted_some = 0;
    for file in files {
        let Ok(text) = fs::read_to_string(&file) else {
            continue; // the not-UTF-8 and binary fixtures
        };
        let Ok(once) = plan::format::format_text(&text) else {
            continue; // the invalid-TOML fixtures
        };
        let twice = plan::format::format_text(&once).unwrap();
        assert_eq!(once, twice, "{}", file.display());
        formatted_some += 1;
    }
    assert!(formatted_some > 30, "{formatted_some}");
}

#[test]
fn the_bundled_plan_is_formatted() {
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["fmt", "--check"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn fmt_rewrites_layout_not_meaning() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("plan.toml"),
        "[plan]\nend = 2013-03-31\nstart=2012-04-01\ntitle   = \"Messy\"\n[[agency]]\nname = \"South Wales Police\"\nid = \"SWP\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("card.toml"),
        "[card]\ntitle = \"Effective Justice\"\nid = \"EJ\"\n[[priority]]\ntitle = \"P\"\nid = 1\n[[priority.action]]\nid = 1\ntitle = \"A\"\n[[priority.action.task]]\ndue = \"2012-10-15\"  # agreed\nlead = \"SWP\"\ntext = \"t\"\nid = \"a\"\n",
    )
    .unwrap();
    let plan = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_plan"))
            .args(["--as-of", "2012-12-01", "--dir"])
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    let before = plan(&["tasks", "--format", "json"]).stdout;
    let check = plan(&["fmt", "--check"]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&check.stdout).lines().count(), 2);
    assert_eq!(plan(&["fmt"]).status.code(), Some(0));
    assert_eq!(plan(&["fmt", "--check"]).status.code(), Some(0));
    assert_eq!(plan(&["tasks", "--format", "json"]).stdout, before);
    assert_eq!(
        fs::read_to_string(dir.path().join("card.toml")).unwrap(),
        "[card]\nid = \"EJ\"\ntitle = \"Effective Justice\"\n\n[[priority]]\nid = 1\ntitle = \"P\"\n\n[[priority.action]]\nid = 1\ntitle = \"A\"\n\n[[priority.action.task]]\nid = \"a\"\ntext = \"t\"\nlead = [\"SWP\"]\ndue = 2012-10-15 # agreed\n"
    );
}

#[test]
fn a_file_that_is_not_toml_is_reported_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.toml");
    fs::write(&path, "[plan\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["fmt"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot format it"));
    assert_eq!(fs::read_to_string(&path).unwrap(), "[plan\n");
}

#[test]
fn a_file_that_cannot_be_read_is_an_io_failure() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["fmt", "nonexist.toml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot read nonexist.toml"), "{stderr}");
}
