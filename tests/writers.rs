//! Writers of a plan (`plan set`, `plan fmt`) from anywhere: each takes the
//! lock of the plan that holds the file it writes, whatever the current
//! directory, says so when it has to wait, and writes a plan file that is a
//! link through to the link's target.

mod common;

use common::{copy_dir, plan_in as plan};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// A copy of `plans/`.
fn copy_of_the_plan() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new("plans"), dir.path());
    dir
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The first `n` task ids of the plan in `dir`.
fn task_ids(dir: &Path, n: usize) -> Vec<String> {
    let out = plan(dir, &["tasks", "--format", "json"]);
    let tasks: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<String> = tasks
        .iter()
        .map(|task| task["id"].as_str().unwrap().to_string())
        .take(n)
        .collect();
    assert_eq!(ids.len(), n);
    ids
}

#[test]
fn sets_and_fmts_run_from_elsewhere_all_land() {
    let repo = copy_of_the_plan();
    let elsewhere = tempfile::tempdir().unwrap();
    let tasks = task_ids(repo.path(), 30);
    let cards: Vec<PathBuf> = [
        "effective-justice",
        "reducing-harm",
        "safeguarding-communities",
    ]
    .iter()
    .map(|card| repo.path().join(format!("cards/{card}.toml")))
    .collect();
    // A due written as text is one `fmt` rewrites as a date: every set
    // leaves work for the formatters, so they write while the sets do.
    let sets: Vec<_> = tasks
        .iter()
        .map(|task| {
            Command::new(env!("CARGO_BIN_EXE_plan"))
                .args(["--as-of", "2012-12-01", "set", task, "--due", "2012-10-15"])
                .args(["--note", &format!("reviewed {task}")])
                .current_dir(repo.path())
                .env_remove("PLAN_DIR")
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let formatters: Vec<_> = (0..5)
        .map(|_| {
            let cards = cards.clone();
            let cwd = elsewhere.path().to_path_buf();
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for _ in 0..6 {
                    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
                        .arg("fmt")
                        .args(&cards)
                        .current_dir(&cwd)
                        .env_remove("PLAN_DIR")
                        .output()
                        .unwrap();
                    if !out.status.success() {
                        failures.push(stderr(&out));
                    }
                }
                failures
            })
        })
        .collect();
    let set_results: Vec<_> = sets
        .into_iter()
        .map(|child| child.wait_with_output().unwrap())
        .collect();
    let fmt_failures: Vec<String> = formatters
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    let text: String = cards
        .iter()
        .map(|c| fs::read_to_string(c).unwrap())
        .collect();
    let lost: Vec<&String> = tasks
        .iter()
        .filter(|task| !text.contains(&format!("note = \"reviewed {task}\"")))
        .collect();
    assert!(lost.is_empty(), "notes lost: {lost:?}");
    for out in set_results {
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert!(fmt_failures.is_empty(), "{fmt_failures:?}");
    assert_eq!(plan(repo.path(), &["check"]).status.code(), Some(0));
}

#[cfg(unix)]
#[test]
fn a_writer_that_must_wait_says_so_then_writes() {
    let repo = copy_of_the_plan();
    let held = fs::File::open(repo.path()).unwrap();
    held.lock().unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args([
            "--as-of",
            "2012-12-01",
            "set",
            "EJ-1.1.a",
            "--note",
            "waited",
        ])
        .current_dir(repo.path())
        .env_remove("PLAN_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    let card = repo.path().join("cards/effective-justice.toml");
    assert!(!fs::read_to_string(&card).unwrap().contains("waited"));
    held.unlock().unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert_eq!(
        said.matches("waiting for another plan command to finish writing")
            .count(),
        1,
        "{said}"
    );
    assert!(
        fs::read_to_string(&card)
            .unwrap()
            .contains("note = \"waited\"")
    );
}

#[cfg(unix)]
#[test]
fn a_plan_file_that_is_a_link_stays_a_link() {
    let repo = copy_of_the_plan();
    let outside = tempfile::tempdir().unwrap();
    let card = repo.path().join("cards/effective-justice.toml");
    let target = outside.path().join("ej.toml");
    fs::rename(&card, &target).unwrap();
    std::os::unix::fs::symlink(&target, &card).unwrap();
    let out = plan(
        repo.path(),
        &["set", "EJ-1.1.a", "--note", "through the link"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&card)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&target)
            .unwrap()
            .contains("note = \"through the link\"")
    );
    // Nothing was left beside the target.
    assert_eq!(fs::read_dir(outside.path()).unwrap().count(), 1);
}

#[test]
fn a_plan_directory_without_plan_toml_at_its_top() {
    // `plan.toml` one level down: the card's lock (its own directory) is
    // not the plan directory's, so `plan set` takes both, in order.
    let repo = copy_of_the_plan();
    fs::create_dir(repo.path().join("meta")).unwrap();
    fs::rename(
        repo.path().join("plan.toml"),
        repo.path().join("meta/plan.toml"),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--as-of", "2012-12-01", "--dir"])
        .arg(repo.path())
        .args(["set", "EJ-1.1.a", "--note", "two locks"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let card = fs::read_to_string(repo.path().join("cards/effective-justice.toml")).unwrap();
    assert!(card.contains("note = \"two locks\""));
}

#[test]
fn outputs_written_beside_a_writer_all_land() {
    // `plan set` sweeps the temporary files killed writers left in the
    // plan directory; an export written there meanwhile is not one.
    let repo = copy_of_the_plan();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let setter = {
        let dir = repo.path().to_path_buf();
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut failures = Vec::new();
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) || n < 3 {
                let note = format!("pass {n}");
                let out = plan(&dir, &["set", "EJ-1.1.a", "--note", &note]);
                if !out.status.success() {
                    failures.push(stderr(&out));
                }
                n += 1;
            }
            failures
        })
    };
    let exports: Vec<_> = (0..20)
        .map(|n| {
            Command::new(env!("CARGO_BIN_EXE_plan"))
                .args(["--as-of", "2012-12-01", "export", "--format", "xlsx", "-o"])
                .arg(repo.path().join(format!("tasks-{n}.xlsx")))
                .current_dir(repo.path())
                .env_remove("PLAN_DIR")
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let failed: Vec<String> = exports
        .into_iter()
        .map(|child| child.wait_with_output().unwrap())
        .filter(|out| !out.status.success())
        .map(|out| stderr(&out))
        .collect();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let set_failures = setter.join().unwrap();
    assert!(
        failed.is_empty(),
        "{} of 20 failed: {failed:?}",
        failed.len()
    );
    assert!(set_failures.is_empty(), "{set_failures:?}");
    for n in 0..20 {
        let written = fs::read(repo.path().join(format!("tasks-{n}.xlsx"))).unwrap();
        assert!(written.starts_with(b"PK"), "tasks-{n}.xlsx");
    }
    let left: Vec<_> = fs::read_dir(repo.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".plan-tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
