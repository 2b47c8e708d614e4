//! Hostile input: whatever a person or a broken tool writes into a plan
//! directory gives a clear finding or error and exit 1 or 2, quickly; never
//! a panic, never a hang.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const PLAN: &str = "[plan]\ntitle = \"Hostile\"\nstart = 2012-04-01\nend = 2013-03-31\n\n[[agency]]\nid = \"SWP\"\nname = \"South Wales Police\"\n";

/// Runs `plan check` on a directory holding plan.toml and `extra`; checks it
/// finished within `limit` and did not panic.
fn check(extra: &[(&str, &[u8])], limit: Duration) -> Output {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("plan.toml"), PLAN).unwrap();
    for (name, bytes) in extra {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    run(dir.path(), limit)
}

fn run(dir: &Path, limit: Duration) -> Output {
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["check", "--format", "short"])
        .arg("--dir")
        .arg(dir)
        .output()
        .unwrap();
    let took = started.elapsed();
    assert!(took < limit, "took {took:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn card(tasks: &str) -> String {
    format!(
        "[card]\nid = \"EJ\"\ntitle = \"t\"\n\n[[priority]]\nid = 1\ntitle = \"p\"\n\n[[priority.action]]\nid = 1\ntitle = \"a\"\n{tasks}"
    )
}

#[test]
fn a_file_of_50_megabytes() {
    let big = "# ".repeat(25 * 1024 * 1024);
    let out = check(&[("big.toml", big.as_bytes())], Duration::from_secs(10));
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error[file-too-large]"));
}

#[test]
fn a_line_of_10_megabytes() {
    let note = "x".repeat(10 * 1024 * 1024);
    let fine = card(&format!(
        "[[priority.action.task]]\nid = \"a\"\ntext = \"t\"\nlead = [\"SWP\"]\ndue = \"Oct 2012\"\nnote = \"{note}\"\n"
    ));
    let out = check(&[("card.toml", fine.as_bytes())], Duration::from_secs(10));
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // The same line as a target date: a finding that quotes its start only.
    let bad = card(&format!(
        "[[priority.action.task]]\nid = \"a\"\ntext = \"t\"\nlead = [\"SWP\"]\ndue = \"{note}\"\n"
    ));
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("plan.toml"), PLAN).unwrap();
    fs::write(dir.path().join("card.toml"), &bad).unwrap();
    let started = Instant::now();
    let human = Command::new(env!("CARGO_BIN_EXE_plan"))
        .arg("--dir")
        .arg(dir.path())
        .arg("check")
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(human.status.code(), Some(1));
    assert!(
        human.stdout.len() < 10_000,
        "{} bytes of findings",
        human.stdout.len()
    );
    assert!(stdout(&human).contains("error[bad-date]"));
}

#[test]
fn ten_thousand_nested_arrays() {
    let nested = format!("x = {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let out = check(&[("deep.toml", nested.as_bytes())], Duration::from_secs(10));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("error[toml-syntax]"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_nul_byte_and_invalid_utf8() {
    let out = check(
        &[
            ("nul.toml", b"title = \"a\0b\"\n"),
            ("latin1.toml", b"title = \"caf\xe9\"\n"),
        ],
        Duration::from_secs(10),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("nul.toml:1:11: error[binary-file]"), "{text}");
    assert!(text.contains("latin1.toml:1:13: error[not-utf8]"), "{text}");
}

#[test]
fn a_file_that_cannot_be_read() {
    // Root reads any file whatever its mode: a link to nowhere cannot be read by anyone.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("plan.toml"), PLAN).unwrap();
    std::os::unix::fs::symlink("/nonexistent/plan-file", dir.path().join("gone.toml")).unwrap();
    let out = run(dir.path(), Duration::from_secs(10));
    // A finding about that file, not the end of the run.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(
        text.contains("gone.toml:1:1: error[unreadable-file]"),
        "{text}"
    );
}

#[test]
fn a_link_to_nowhere_that_is_no_plan_file_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("plan.toml"), PLAN).unwrap();
    std::os::unix::fs::symlink("/nonexistent", dir.path().join("notes.txt")).unwrap();
    fs::create_dir(dir.path().join("cards")).unwrap();
    std::os::unix::fs::symlink("/nonexistent", dir.path().join("cards/old")).unwrap();
    let out = run(dir.path(), Duration::from_secs(10));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_hundred_thousand_tasks_under_one_action() {
    let mut tasks = String::with_capacity(100_000 * 80);
    for i in 0..100_000 {
        tasks.push_str(&format!(
            "[[priority.action.task]]\nid = \"t{i}\"\ntext = \"Task {i}\"\nlead = [\"SWP\"]\ndue = \"Oct 2012\"\n"
        ));
    }
    let out = check(
        &[("card.toml", card(&tasks).as_bytes())],
        Duration::from_secs(20),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn ids_that_differ_only_by_case_collide() {
    let tasks = "[[priority.action.task]]\nid = \"a\"\ntext = \"t\"\nlead = [\"SWP\"]\ndue = \"Oct 2012\"\n\n[[priority.action.task]]\nid = \"A\"\ntext = \"t\"\nlead = [\"SWP\"]\ndue = \"Oct 2012\"\n";
    let out = check(
        &[("card.toml", card(tasks).as_bytes())],
        Duration::from_secs(10),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error[duplicate-id]: duplicate task id `A`"));
}

#[test]
fn a_due_of_one_megabyte() {
    let due = "Summer ".repeat(150_000);
    let tasks = format!(
        "[[priority.action.task]]\nid = \"a\"\ntext = \"t\"\nlead = [\"SWP\"]\ndue = \"{due}\"\n"
    );
    let out = check(
        &[("card.toml", card(&tasks).as_bytes())],
        Duration::from_secs(10),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("error[bad-date]"));
    assert!(
        text.len() < 1_000,
        "the finding quotes {} bytes",
        text.len()
    );
}
