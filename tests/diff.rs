//! `plan diff` in a git repository whose plan lives in a `plans/`
//! sub-directory, as in this one.

mod common;

use common::{copy_dir, git_on, plan_in as plan};
use std::fs;
use std::path::Path;
use std::process::Output;

/// A repository with the bundled plan in plans/, committed on `day`.
fn repository(day: &str) -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    let plans = repo.path().join("plans");
    fs::create_dir(&plans).unwrap();
    copy_dir(Path::new("plans"), &plans);
    git_on(repo.path(), Some(day), &["init", "-q"]);
    git_on(repo.path(), Some(day), &["add", "-A"]);
    git_on(repo.path(), Some(day), &["commit", "-qm", "plan"]);
    repo
}

fn json(out: &Output) -> serde_json::Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_known_change_and_nothing_else() {
    let repo = repository("2012-12-01");
    let set = plan(
        repo.path(),
        &[
            "set",
            "EJ-1.1.a",
            "--rag",
            "amber",
            "--note",
            "Roath briefed",
        ],
    );
    assert_eq!(set.status.code(), Some(0));
    git_on(
        repo.path(),
        Some("2012-12-01"),
        &["commit", "-qam", "review"],
    );
    let changes = json(&plan(repo.path(), &["diff", "HEAD~1", "--format", "json"]));
    assert_eq!(
        changes,
        serde_json::json!([
            {"id": "EJ-1.1.a", "change": "rag", "before": null, "after": "amber"},
            {"id": "EJ-1.1.a", "change": "note", "before": null, "after": "Roath briefed"},
            // Summer 2012 & On-going, never rated, was overdue; rated, it is ongoing.
            {"id": "EJ-1.1.a", "change": "no-longer-overdue", "before": "overdue by 92 days", "after": "open"},
        ])
    );
    // Between two revisions, from inside the plan directory.
    let between = json(&plan(
        &repo.path().join("plans/cards"),
        &["diff", "HEAD~1", "HEAD", "--format", "json"],
    ));
    assert_eq!(between, changes);
}

#[test]
fn tasks_added_removed_and_become_overdue() {
    let repo = repository("2012-09-01");
    let path = repo.path().join("plans/cards/effective-justice.toml");
    let text = fs::read_to_string(&path).unwrap();
    // Take EJ-2.3.a out, add EJ-2.3.b.
    let text = text.replace(
        "id = \"a\"\ntext = \"To attend first meeting\"",
        "id = \"b\"\ntext = \"To attend every meeting\"",
    );
    fs::write(&path, text).unwrap();
    git_on(
        repo.path(),
        Some("2012-11-15"),
        &["commit", "-qam", "later"],
    );
    let changes = json(&plan(
        repo.path(),
        &["diff", "HEAD~1", "HEAD", "--format", "json"],
    ));
    let rows = changes.as_array().unwrap();
    let of = |kind: &str| -> Vec<&str> {
        rows.iter()
            .filter(|r| r["change"] == kind)
            .map(|r| r["id"].as_str().unwrap())
            .collect()
    };
    assert_eq!(of("added"), ["EJ-2.3.b"]);
    assert_eq!(of("removed"), ["EJ-2.3.a"]);
    // Due in October 2012: open on 2012-09-01, overdue on 2012-11-15.
    assert!(of("became-overdue").contains(&"EJ-3.2.a"), "{rows:?}");
    // Due in the summer: overdue on both days, so it did not *become* overdue.
    assert!(!of("became-overdue").contains(&"EJ-4.2.a"));
}

#[test]
fn no_repository_or_no_revision_is_a_clear_error() {
    let repo = repository("2012-12-01");
    let bad = plan(repo.path(), &["diff", "no-such-branch"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no revision `no-such-branch`"));

    let outside = tempfile::tempdir().unwrap();
    fs::write(
        outside.path().join("plan.toml"),
        "[plan]\ntitle = \"t\"\nstart = 2012-04-01\nend = 2013-03-31\n",
    )
    .unwrap();
    let out = plan(outside.path(), &["diff", "HEAD"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not in a git repository"));
}

/// `plan diff` in `dir`, with git's global configuration read from `config`.
fn diff_with_git_config(dir: &Path, config: &Path) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--as-of", "2012-12-01", "diff", "HEAD"])
        .current_dir(dir)
        .env_remove("PLAN_DIR")
        .env("GIT_CONFIG_GLOBAL", config)
        .output()
        .unwrap()
}

#[test]
fn a_git_failure_is_reported_in_gits_words_not_as_no_repository() {
    let repo = repository("2012-12-01");
    let config = tempfile::tempdir().unwrap();
    let bad = config.path().join("bad");
    fs::write(&bad, "[core\nbroken").unwrap();
    let out = diff_with_git_config(repo.path(), &bad);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("fatal: bad config line 1"), "{stderr}");
    assert!(!stderr.contains("not in a git repository"), "{stderr}");

    // A repository owned by another user: git refuses it ("dubious
    // ownership") unless `safe.directory` says otherwise. Only root can
    // give a directory away, so elsewhere this half is left out.
    let empty = config.path().join("empty");
    fs::write(&empty, "").unwrap();
    let nobody = 65534;
    let given = [repo.path().to_path_buf(), repo.path().join(".git")]
        .iter()
        .all(|dir| std::os::unix::fs::chown(dir, Some(nobody), Some(nobody)).is_ok());
    if given {
        let out = diff_with_git_config(repo.path(), &empty);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("dubious ownership"), "{stderr}");
        assert!(stderr.contains("safe.directory"), "{stderr}");
    }
}

#[test]
fn a_revision_with_errors_is_not_compared_and_says_why() {
    let repo = repository("2012-11-01");
    // An old revision held a file that is not UTF-8: on disk that is a
    // `not-utf8` finding, and in history too.
    fs::write(repo.path().join("plans/latin1.toml"), b"# caf\xe9\n").unwrap();
    git_on(repo.path(), Some("2012-11-02"), &["add", "-A"]);
    git_on(
        repo.path(),
        Some("2012-11-02"),
        &["commit", "-qm", "latin-1"],
    );
    fs::remove_file(repo.path().join("plans/latin1.toml")).unwrap();
    let out = plan(repo.path(), &["diff", "HEAD"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the plan as committed on 2012-11-02 (HEAD) had 1 error")
            && stderr.contains("latin1.toml: file is not UTF-8 text")
            && stderr.contains("not compared"),
        "{stderr}"
    );
}

#[test]
fn without_git_the_message_says_git_is_not_installed() {
    let repo = repository("2012-11-01");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["diff", "HEAD"])
        .current_dir(repo.path())
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("git is not installed"), "{stderr}");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn tasks_changed_counts_tasks_and_an_overdue_task_done_is_no_longer_overdue() {
    let repo = repository("2012-12-01");
    // EJ-1.2.b is overdue (due "Immediate"); it gets three changes and is done.
    let set = plan(
        repo.path(),
        &[
            "set",
            "EJ-1.2.b",
            "--done",
            "2012-11-30",
            "--note",
            "Built",
            "--due",
            "Oct 2012",
        ],
    );
    assert_eq!(
        set.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let out = plan(repo.path(), &["diff", "HEAD", "--format", "markdown"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Tasks changed (1)"), "{text}");
    assert!(
        text.contains("| EJ-1.2.b | rag | not rated | blue |"),
        "{text}"
    );
    assert!(text.contains("No longer overdue (1)"), "{text}");
    assert!(
        text.contains("| EJ-1.2.b | no-longer-overdue | overdue by 214 days | done |"),
        "{text}"
    );
    // Machines still read an absent RAG as null.
    let changes = json(&plan(repo.path(), &["diff", "HEAD", "--format", "json"]));
    let rag = changes
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["change"] == "rag")
        .unwrap();
    assert_eq!(rag["before"], serde_json::Value::Null);
}

#[test]
fn one_day_overdue_is_one_day() {
    let repo = repository("2012-11-30");
    // SC-2.3.a is due 2012-11-30: overdue by 1 day on 2012-12-01.
    let out = plan(repo.path(), &["diff", "HEAD", "--format", "json"]);
    let changes = json(&out);
    let became = changes
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "SC-2.3.a")
        .unwrap();
    assert_eq!(became["after"], "overdue by 1 day");
}

/// A repository may hold file names that are not UTF-8 (a partner's
/// `notes-\xff.txt`, even a plan file): `plan diff` and the report read the
/// history all the same.
#[test]
fn a_file_name_that_is_not_utf8_in_the_history_breaks_nothing() {
    use std::os::unix::ffi::OsStrExt;
    let repo = repository("2012-11-01");
    let odd = std::ffi::OsStr::from_bytes(b"notes-\xff.txt");
    fs::write(repo.path().join("plans").join(odd), "minutes").unwrap();
    let card = std::ffi::OsStr::from_bytes(b"extra-\xe9.toml");
    fs::write(
        repo.path().join("plans").join(card),
        "# a comment\n[[event]]\nid = \"x\"\ntitle = \"X\"\n",
    )
    .unwrap();
    git_on(repo.path(), Some("2012-11-02"), &["add", "-A"]);
    git_on(
        repo.path(),
        Some("2012-11-02"),
        &["commit", "-qm", "odd names"],
    );
    let diff = plan(repo.path(), &["diff", "HEAD~1"]);
    assert_eq!(
        diff.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&diff.stderr)
    );
    let report = plan(repo.path(), &["report", "--quarter", "Q4 2012-13"]);
    let text = String::from_utf8_lossy(&report.stdout);
    assert_eq!(
        report.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    assert!(!text.contains("No history"), "{text}");
}
