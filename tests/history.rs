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
            &["--as-of", day, "set", "SS-2.1.c", "--note", note],
        ));
    }
    fmt_clean(dir.path());
    let text = fs::read_to_string(&card).unwrap();
    assert!(text.starts_with("# Invented (see plan.toml).\n"));
    assert_eq!(
        text.matches("[[priority.action.task.update]]").count(),
        3 + 3,
        "{text}"
    );
    let show = ok(&plan(
        dir.path(),
        &[
            "--as-of",
            "2013-03-31",
            "show",
            "SS-2.1.c",
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
            "Fieldwork moved to March after the snow"
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
    // People read the first target beside the revised one; CSV keeps the due as written.
    let table = ok(&plan(
        dir.path(),
        &[
            "--as-of",
            "2013-03-31",
            "tasks",
            "--card",
            "SS",
            "--format",
            "markdown",
        ],
    ));
    assert!(
        table.contains("| Q2 2013-14 (first Q3 2012-13; slipped 273 days) |"),
        "{table}"
    );
    let csv = ok(&plan(
        dir.path(),
        &[
            "--as-of",
            "2013-03-31",
            "tasks",
            "--card",
            "SS",
            "--format",
            "csv",
        ],
    ));
    assert!(csv.contains(",Q2 2013-14,dated,2013-09-30,"), "{csv}");
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

#[test]
fn overdue_lists_tasks_on_hold_and_reviews_due_in_sections_of_their_own() {
    let dir = example();
    let table = ok(&plan(
        dir.path(),
        &["--as-of", "2013-03-31", "overdue", "--format", "markdown"],
    ));
    let on_hold = &table[table.find("### On hold (1)").expect(&table)..];
    assert!(
        on_hold.contains("| SS-1.2.d | Open a drop-in for victims at the library |"),
        "{on_hold}"
    );
    assert!(
        on_hold
            .contains("| The library's refurbishment is delayed to the summer | 2013-01-14 | 76 |"),
        "{on_hold}"
    );
    let review = &table[table
        .find("### Review due: done, review date passed (1)")
        .expect(&table)..];
    assert!(
        review.contains("| YP-1.2.b | Healthy relationships sessions in year 9 |"),
        "{review}"
    );
    // Neither is overdue, and a withdrawn task is nowhere.
    let overdue = &table[..table.find("### Stale").unwrap()];
    assert!(
        !overdue.contains("SS-1.2.d") && !table.contains("SS-1.2.e"),
        "{table}"
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&plan(
        dir.path(),
        &["--as-of", "2013-03-31", "overdue", "--format", "json"],
    )))
    .unwrap();
    let held = json
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "SS-1.2.d")
        .unwrap();
    assert_eq!(held["state"], "on-hold");
    assert_eq!(held["status"], "on-hold");
    assert_eq!(held["days_on_hold"], 76);
}

#[test]
fn the_example_report_shows_each_part_of_the_history() {
    let report = fs::read_to_string("examples/quarterly-report-Q4-2012-13.md").unwrap();
    for line in [
        "## Not updated this quarter",
        "| YS Youth Service | 67 | 6 |",
        "- **Rated:** 9 of 10 tasks",
        "- **Sponsor:** Cabinet Member for Community Safety (invented)",
        "| SS-1.2.b | Agree a referral pathway from the police to support services; slipped 90 days (1 revision) |",
        "| SS-1.2.d | Open a drop-in for victims at the library | The library's refurbishment is delayed to the summer | 2013-01-14 | 76 |",
        "| SS-1.2.e | Text-message alerts for repeat victims | withdrawn | Duplicates the police's own alert service | 2012-11-28 |  |",
        "| YP-1.1.d | Find a partner for the girls' group | carried-forward |",
    ] {
        assert!(report.contains(line), "{line}");
    }
}

#[test]
fn an_agency_shows_what_it_sponsors() {
    let dir = example();
    let out = ok(&plan(
        dir.path(),
        &[
            "--as-of",
            "2013-03-31",
            "agency",
            "police",
            "--format",
            "markdown",
        ],
    ));
    assert!(
        out.contains("NP is the sponsor of: SS-1.1 Joint patrols and CCTV."),
        "{out}"
    );
    let show = ok(&plan(dir.path(), &["show", "SS-1.1.a", "--format", "json"]));
    let task: serde_json::Value = serde_json::from_str(&show).unwrap();
    assert_eq!(task["sponsor"], "NP");
    assert_eq!(task["updates"][0]["by"], "NP");
    assert_eq!(
        task["updates"][0]["evidence"],
        "https://example.org/northgate/patrol-log-q4 (invented)"
    );
}
