//! A task's history, revised targets and statuses, and `plan record`, on
//! copies of the invented example (examples/quarterly): each edit keeps the
//! file `plan fmt`-clean and its comments, and the reports show it.

mod common;

use common::copy_dir;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// `plan ARGS` in `dir`, as of 2012-12-01 unless ARGS start with `--as-of DAY`.
fn plan(dir: &Path, args: &[&str]) -> Output {
    let (day, args) = match args {
        ["--as-of", day, rest @ ..] => (*day, rest),
        _ => ("2012-12-01", args),
    };
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--as-of", day])
        .args(args)
        .current_dir(dir)
        .env_remove("PLAN_DIR")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new("examples/quarterly"), dir.path());
    dir
}

fn ok(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn fmt_clean(dir: &Path) {
    ok(&plan(dir, &["fmt", "--check"]));
}

#[test]
fn record_adds_and_replaces_a_value_keeping_comments_and_layout() {
    let dir = example();
    let measures = dir.path().join("measures.toml");
    let out = plan(
        dir.path(),
        &[
            "record",
            "m2",
            "--period",
            "q1 2013-14",
            "--value",
            "12",
            "--note",
            "Invented",
        ],
    );
    assert_eq!(ok(&out), "M2: q1 2013-14 = 12 added (measures.toml)\n");
    let text = fs::read_to_string(&measures).unwrap();
    assert!(text.starts_with("# Invented figures (see plan.toml).\n"));
    assert!(text.contains("  { period = \"Q4 2012-13\", value = 38 },\n  { period = \"q1 2013-14\", value = 12, note = \"Invented\" },\n]"), "{text}");
    fmt_clean(dir.path());
    // The same quarter, written another way, is replaced.
    let out = plan(
        dir.path(),
        &["record", "M2", "--period", "Q1 2013/14", "--value", "13.5"],
    );
    assert_eq!(ok(&out), "M2: Q1 2013/14 = 13.5 replaced (measures.toml)\n");
    let text = fs::read_to_string(&measures).unwrap();
    assert!(
        text.contains("{ period = \"q1 2013-14\", value = 13.5 },\n"),
        "{text}"
    );
    fmt_clean(dir.path());
}

#[test]
fn record_warns_of_a_month_among_quarters_and_refuses_what_is_not_a_period() {
    let dir = example();
    let out = plan(
        dir.path(),
        &["record", "M2", "--period", "Jan 2013", "--value", "3"],
    );
    ok(&out);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "warning[mixed-periods]: measure M2's value for `Jan 2013` is a month among quarters"
        ),
        "{err}"
    );
    let before = fs::read_to_string(dir.path().join("measures.toml")).unwrap();
    let out = plan(
        dir.path(),
        &["record", "M2", "--period", "soon", "--value", "3"],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = plan(
        dir.path(),
        &["record", "M9", "--period", "Q1 2012-13", "--value", "3"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(dir.path().join("measures.toml")).unwrap(),
        before
    );
}

#[test]
fn set_note_appends_to_the_history_that_show_lists_newest_first() {
    let dir = example();
    let card = dir.path().join("cards/safer-streets.toml");
    for (day, note) in [
        ("2013-03-20", "Patrols doubled"),
        ("2013-03-27", "Easter rota agreed"),
    ] {
        ok(&plan(
            dir.path(),
            &["--as-of", day, "set", "SS-1.1.a", "--note", note],
        ));
    }
    fmt_clean(dir.path());
    let text = fs::read_to_string(&card).unwrap();
    assert!(text.starts_with("# Invented (see plan.toml).\n"));
    assert_eq!(
        text.matches("[[priority.action.task.update]]").count(),
        3,
        "{text}"
    );
    let show = ok(&plan(
        dir.path(),
        &[
            "--as-of",
            "2013-03-31",
            "show",
            "SS-1.1.a",
            "--format",
            "json",
        ],
    ));
    let task: serde_json::Value = serde_json::from_str(&show).unwrap();
    let notes: Vec<&str> = task["updates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["note"].as_str().unwrap())
        .collect();
    assert_eq!(
        notes,
        [
            "Easter rota agreed",
            "Patrols doubled",
            "12 joint patrols this quarter"
        ]
    );
    assert_eq!(task["note"], "Easter rota agreed");
}

#[test]
fn set_due_keeps_the_original_and_overdue_original_judges_by_it() {
    let dir = example();
    ok(&plan(
        dir.path(),
        &[
            "--as-of",
            "2013-03-31",
            "set",
            "SS-1.1.c",
            "--due",
            "Q1 2013-14",
        ],
    ));
    ok(&plan(
        dir.path(),
        &[
            "--as-of",
            "2013-03-31",
            "set",
            "SS-1.1.c",
            "--due",
            "Q2 2013-14",
        ],
    ));
    fmt_clean(dir.path());
    let text = fs::read_to_string(dir.path().join("cards/safer-streets.toml")).unwrap();
    assert!(text.contains("due = \"Q2 2013-14\"\n"), "{text}");
    assert!(
        text.contains("original_due = \"Q3 2012-13\"\ndue_revisions = 2\n"),
        "{text}"
    );
    let rows = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["--as-of", "2013-03-31"];
        all.extend_from_slice(args);
        serde_json::from_str(&ok(&plan(dir.path(), &all))).unwrap()
    };
    let tasks = rows(&["tasks", "--format", "json"]);
    let c = tasks
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "SS-1.1.c")
        .unwrap();
    assert_eq!(c["original_deadline"], "2012-12-31");
    assert_eq!(c["due_revisions"], 2);
    assert_eq!(c["days_slipped"], 273);
    assert_eq!(c["status"], "active");
    let overdue = rows(&["overdue", "--format", "json"]);
    assert!(
        !overdue
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == "SS-1.1.c")
    );
    let original = rows(&["overdue", "--original", "--format", "json"]);
    let late = original
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "SS-1.1.c")
        .unwrap();
    assert_eq!(late["state"], "overdue");
    assert_eq!(late["days_overdue"], 90);
}
