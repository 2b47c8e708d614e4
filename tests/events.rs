//! Target dates counted from events (`6 months after exec-decision`): the
//! tasks wait until `plan event` records the day, then count from it.

mod common;

use common::plan_in;
use std::fs;

const PLAN: &str = r#"[plan]
title = "Events"
start = 2012-04-01
end = 2013-03-31

[[agency]]
id = "SWP"
name = "South Wales Police"

[[event]]
id = "exec-decision"
title = "The Executive's decision"

[[event]]
id = "review-published"
title = "The review is published"
date = 2012-09-14

[card]
id = "EJ"
title = "Exit"

[[priority]]
id = 1
title = "We will"

[[priority.action]]
id = 1
title = "Act"

[[priority.action.task]]
id = "a"
text = "Waits for the decision"
lead = ["SWP"]
due = "6 months after exec-decision"

[[priority.action.task]]
id = "b"
text = "Counted from the review"
lead = ["SWP"]
due = "10 working days after review-published"
"#;

fn rows(dir: &std::path::Path) -> Vec<(String, String, String)> {
    let out = plan_in(dir, &["tasks", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let text = |k: &str| r[k].as_str().unwrap_or("").to_string();
            (text("id"), text("state"), text("deadline"))
        })
        .collect()
}

#[test]
fn a_task_waits_for_its_event_then_counts_from_its_day() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("plan.toml"), PLAN).unwrap();
    // 14 September 2012 was a Friday: ten working days later is the 28th.
    assert_eq!(
        rows(dir.path()),
        vec![
            ("EJ-1.1.a".into(), "waiting".into(), "".into()),
            ("EJ-1.1.b".into(), "overdue".into(), "2012-09-28".into()),
        ]
    );
    let out = plan_in(dir.path(), &["event", "EXEC-DECISION", "2012-10-01"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        rows(dir.path())[0],
        ("EJ-1.1.a".into(), "open".into(), "2013-04-01".into())
    );
    let text = fs::read_to_string(dir.path().join("plan.toml")).unwrap();
    assert!(text.contains("title = \"The Executive's decision\"\ndate = 2012-10-01\n"));
    assert_eq!(
        plan_in(dir.path(), &["fmt", "--check"]).status.code(),
        Some(0)
    );
    // Taken back: the task waits again.
    assert_eq!(
        plan_in(dir.path(), &["event", "exec-decision", "--clear"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(rows(dir.path())[0].1, "waiting");
}

#[test]
fn an_event_no_table_declares_is_an_error_that_shows_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let text = PLAN.replace(
        "10 working days after review-published",
        "within six months of the Executive decision",
    );
    fs::write(dir.path().join("plan.toml"), text).unwrap();
    let out = plan_in(dir.path(), &["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout.contains("error[bad-date]"), "{stdout}");
    assert!(
        stdout.contains("[[event]] id = \"executive-decision\""),
        "{stdout}"
    );
    // `plan event` of an event the plan does not declare names those it does.
    let out = plan_in(dir.path(), &["event", "decision", "2012-10-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("exec-decision, review-published"));
}

#[test]
fn an_event_recorded_keeps_the_files_mark_and_line_ends() {
    // Saved by a Windows editor: a byte order mark and "\r\n".
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.toml");
    let windows = format!("\u{feff}{}", PLAN.replace('\n', "\r\n"));
    fs::write(&path, &windows).unwrap();
    assert_eq!(
        plan_in(dir.path(), &["fmt", "--check"]).status.code(),
        Some(0)
    );
    for args in [
        &["event", "exec-decision", "2012-11-05"][..],
        &["event", "review-published", "--clear"][..],
    ] {
        let out = plan_in(dir.path(), args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let written = fs::read_to_string(&path).unwrap();
    assert!(written.starts_with('\u{feff}'), "the mark was lost");
    assert_eq!(
        written.matches('\n').count(),
        written.matches("\r\n").count(),
        "a line lost its \\r\\n:\n{written:?}"
    );
    assert!(written.contains(
        "id = \"exec-decision\"\r\ntitle = \"The Executive's decision\"\r\ndate = 2012-11-05\r\n"
    ));
    assert!(!written.contains("2012-09-14"));
    // Only the event lines changed, and the file is still as `fmt` lays it out.
    assert_eq!(windows.lines().count(), written.lines().count());
    let out = plan_in(dir.path(), &["fmt", "--check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
