//! Finding the plan directory, and the files in it that are not plan files:
//! each gives a clear message and exit code, never a panic or a hang.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const PLAN: &str = r#"[plan]
title = "Test plan"
start = 2012-04-01
end = 2013-03-31
"#;

fn plan(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(args)
        .current_dir(cwd)
        .env_remove("PLAN_DIR")
        .env("NO_COLOR", "1")
        .output()
        .expect("run plan")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn walks_up_to_the_nearest_plan_toml() {
    let root = tempfile::tempdir().unwrap();
    fs::write(root.path().join("plan.toml"), PLAN).unwrap();
    let deep = root.path().join("cards/old");
    fs::create_dir_all(&deep).unwrap();
    let out = plan(&deep, &["check", "--format", "short"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn looks_inside_a_plans_directory_on_the_way_up() {
    let root = tempfile::tempdir().unwrap();
    fs::create_dir_all(root.path().join("plans")).unwrap();
    fs::write(root.path().join("plans/plan.toml"), PLAN).unwrap();
    // An error in plans/ proves that plans/ was the directory read.
    fs::write(root.path().join("plans/bad.toml"), "[card\n").unwrap();
    fs::create_dir_all(root.path().join("src")).unwrap();
    let out = plan(&root.path().join("src"), &["check", "--format", "short"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("bad.toml:1:"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn plan_dir_from_the_environment() {
    let root = tempfile::tempdir().unwrap();
    fs::write(root.path().join("plan.toml"), PLAN).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["check"])
        .current_dir(elsewhere.path())
        .env("PLAN_DIR", root.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn no_plan_anywhere_says_where_it_looked() {
    let empty = tempfile::tempdir().unwrap();
    let out = plan(empty.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("no plan found"), "{stderr}");
    assert!(
        stderr.contains(&empty.path().display().to_string()),
        "{stderr}"
    );
}

#[test]
fn a_directory_with_no_toml_files() {
    let empty = tempfile::tempdir().unwrap();
    let out = plan(empty.path(), &["--dir", ".", "check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no *.toml files"));
}

#[test]
fn hidden_and_target_directories_are_skipped() {
    let root = tempfile::tempdir().unwrap();
    fs::write(root.path().join("plan.toml"), PLAN).unwrap();
    for dir in [".git", "target"] {
        fs::create_dir_all(root.path().join(dir)).unwrap();
        fs::write(root.path().join(dir).join("junk.toml"), "not = [toml").unwrap();
    }
    let out = plan(root.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

#[test]
fn a_file_too_large_is_refused_unread() {
    let root = tempfile::tempdir().unwrap();
    fs::write(root.path().join("plan.toml"), PLAN).unwrap();
    let big = "# padding\n".repeat(3_400_000);
    fs::write(root.path().join("huge.toml"), big).unwrap();
    let out = plan(root.path(), &["check", "--format", "short"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "huge.toml:1:1: error[file-too-large]: file is over 32 MiB; not read\n"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_an_error_not_a_hang() {
    let root = tempfile::tempdir().unwrap();
    fs::write(root.path().join("plan.toml"), PLAN).unwrap();
    let fifo = root.path().join("pipe.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let out = plan(root.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not a regular file"),
        "{}",
        text(&out.stderr)
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_an_error_not_a_hang() {
    let root = tempfile::tempdir().unwrap();
    fs::write(root.path().join("plan.toml"), PLAN).unwrap();
    fs::create_dir(root.path().join("cards")).unwrap();
    std::os::unix::fs::symlink(root.path(), root.path().join("cards/loop")).unwrap();
    let out = plan(root.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("directory loop"),
        "{}",
        text(&out.stderr)
    );
}

#[cfg(unix)]
#[test]
fn two_ways_to_one_directory_read_it_once() {
    let root = tempfile::tempdir().unwrap();
    fs::write(root.path().join("plan.toml"), PLAN).unwrap();
    fs::create_dir(root.path().join("cards")).unwrap();
    fs::write(
        root.path().join("cards/ej.toml"),
        "[card]\nid = \"EJ\"\ntitle = \"Effective Justice\"\n",
    )
    .unwrap();
    // A link to a sibling, and a second link to it: no loop, one card.
    std::os::unix::fs::symlink("cards", root.path().join("cards-too")).unwrap();
    std::os::unix::fs::symlink(root.path().join("cards"), root.path().join("more")).unwrap();
    let out = plan(root.path(), &["check", "--format", "short"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(text(&out.stdout).is_empty(), "{}", text(&out.stdout));
}

#[test]
fn a_plan_two_hundred_directories_deep_is_refused_quickly() {
    let root = tempfile::tempdir().unwrap();
    fs::write(root.path().join("plan.toml"), PLAN).unwrap();
    let mut deep = root.path().to_path_buf();
    for _ in 0..200 {
        deep.push("d");
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(
        deep.join("card.toml"),
        "[card]\nid = \"EJ\"\ntitle = \"t\"\n",
    )
    .unwrap();
    let started = std::time::Instant::now();
    let out = plan(root.path(), &["check"]);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("more than 64 directories deep"), "{stderr}");
    assert!(stderr.contains("d/d/d/d"), "{stderr}");
}
