//! What a coordinator hit in a month of real use (issue #10): ids in any
//! case for every letter, counts in words, terminals that report no size.

mod common;

use common::plan_in as plan;
use std::fs;

const WELSH: &str = r#"[plan]
title = "Cynllun"
owner = "Fforwm"
start = 2012-04-01
end = 2013-03-31

[[agency]]
id = "SL"
name = "Safer Wales StreetLife"

[card]
id = "DŴR"
title = "Dŵr"

[[priority]]
id = 1
title = "P"

[[priority.action]]
id = 1
title = "A"

[[priority.action.task]]
id = "a"
text = "Water"
lead = ["SL"]
due = 2012-06-30
"#;

const OTHER: &str = r#"[card]
id = "DÂR"
title = "Dâr"

[[priority]]
id = 1
title = "P"

[[priority.action]]
id = 1
title = "A"

[[priority.action.task]]
id = "a"
text = "Oak"
lead = ["SL"]
due = 2012-06-30
"#;

fn welsh_plan() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("plan.toml"), WELSH).unwrap();
    fs::write(dir.path().join("other.toml"), OTHER).unwrap();
    dir
}

fn stdout(out: &std::process::Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn ids_match_in_any_case_for_every_letter() {
    let dir = welsh_plan();
    let shown = stdout(&plan(dir.path(), &["show", "dŵr-1.1.a"]));
    assert!(shown.contains("DŴR-1.1.a"), "{shown}");
    let tasks = stdout(&plan(dir.path(), &["tasks", "--card", "dŵr"]));
    assert!(tasks.contains("DŴR-1.1.a"), "{tasks}");
}

#[test]
fn calendar_uids_keep_every_character() {
    let dir = welsh_plan();
    let ics = stdout(&plan(dir.path(), &["export", "--format", "ics"]));
    let uids: Vec<&str> = ics.lines().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids.len(), 2, "{ics}");
    assert_ne!(uids[0], uids[1]);
}

#[test]
fn one_task_is_one_task() {
    let dir = welsh_plan();
    let tasks = stdout(&plan(dir.path(), &["tasks", "--card", "DŴR"]));
    assert!(
        tasks.contains("1 task") && !tasks.contains("1 tasks"),
        "{tasks}"
    );
}

#[test]
fn a_terminal_of_no_size_is_not_one_column_wide() {
    let dir = welsh_plan();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--as-of", "2012-12-01", "overdue"])
        .current_dir(dir.path())
        .env_remove("PLAN_DIR")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "0")
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("DŴR-1.1.a"), "{text}");
}

#[test]
fn better_way_is_a_boolean() {
    let out = plan(std::path::Path::new("."), &["measures", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let first = &rows.as_array().unwrap()[0];
    assert!(
        first["better_way"].is_boolean() || first["better_way"].is_null(),
        "{first}"
    );
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .all(|r| !r["better_way"].is_string()),
        "{rows}"
    );
}

#[test]
fn a_csv_file_has_a_byte_order_mark_and_stdout_has_none() {
    let dir = welsh_plan();
    let file = dir.path().join("tasks.csv");
    let file_arg = file.to_str().unwrap();
    stdout(&plan(
        dir.path(),
        &["export", "--format", "csv", "-o", file_arg],
    ));
    assert!(
        fs::read(&file)
            .unwrap()
            .starts_with("\u{feff}card,".as_bytes())
    );
    let piped = stdout(&plan(dir.path(), &["export", "--format", "csv"]));
    assert!(piped.starts_with("card,"), "{piped}");
}

#[test]
fn an_agency_or_a_card_gets_its_own_calendar() {
    let dir = welsh_plan();
    let ics = stdout(&plan(
        dir.path(),
        &["export", "--format", "ics", "--card", "dâr"],
    ));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1, "{ics}");
    let csv = stdout(&plan(
        dir.path(),
        &["export", "--format", "csv", "--lead", "SL", "--card", "DŴR"],
    ));
    assert_eq!(csv.lines().count(), 2, "{csv}");
}

#[test]
fn today_long_after_the_plan_says_so_in_one_line() {
    let dir = welsh_plan();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["overdue"])
        .current_dir(dir.path())
        .env_remove("PLAN_DIR")
        .env_remove("PLAN_AS_OF")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("--as-of 2013-03-31"), "{stderr}");
    // Not when a day is asked for.
    let asked = plan(dir.path(), &["overdue"]);
    assert!(asked.stderr.is_empty());
}

fn overdue_at(columns: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--as-of", "2012-12-01", "overdue", "--card", "EJ"])
        .env_remove("PLAN_DIR")
        .env("NO_COLOR", "1")
        .env("COLUMNS", columns)
        .output()
        .unwrap();
    stdout(&out)
}

#[test]
fn at_80_columns_ids_and_dates_stay_whole() {
    let text = overdue_at("80");
    let boxed = |l: &&str| l.starts_with(['│', '┌', '└', '╞']);
    assert!(
        text.lines().filter(boxed).all(|l| l.chars().count() <= 80),
        "{text}"
    );
    // Every id and deadline whole on its line.
    for id in ["EJ-1.2.b", "EJ-1.1.a", "EJ-3.2.a"] {
        assert!(text.contains(&format!("│ {id} ")), "{id}: {text}");
    }
    assert_eq!(text.matches("2012-05-01").count(), 7, "{text}");
    assert!(!text.contains("2012-05-0 "), "{text}");
}

/// Where the columns cannot stand side by side whole, a block per task,
/// folded at word boundaries to the width: no line wider than the terminal.
#[test]
fn at_50_columns_a_table_is_a_block_per_task_folded_to_the_width() {
    let text = overdue_at("50");
    assert!(!text.contains('│'), "{text}");
    assert!(
        text.contains(
            "EJ-1.2.b — Develop an integrated system noting\n  \
             which sex workers have been informed\n  \
             Leads: SL · Due: Immediate\n  \
             Deadline: 2012-05-01 · Days overdue: 214\n  \
             RAG: not rated\n"
        ),
        "{text}"
    );
    assert!(text.lines().all(|l| l.chars().count() <= 50), "{text}");
}

#[test]
fn tables_show_the_last_note_with_notes_and_machines_always_get_it() {
    let reports = std::path::Path::new("tests/cmd/reports/plan");
    let dir = ["--dir", reports.to_str().unwrap()];
    let run = |args: &[&str]| {
        let mut all = dir.to_vec();
        all.extend_from_slice(args);
        stdout(&plan(std::path::Path::new("."), &all))
    };
    let plain = run(&["overdue"]);
    assert!(!plain.contains("Last note"), "{plain}");
    for command in [
        &["overdue", "--notes"][..],
        &["tasks", "--notes"],
        &["agency", "SL", "--notes"],
    ] {
        let text = run(command);
        assert!(text.contains("Last note"), "{command:?}: {text}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&run(&["tasks", "--format", "json"])).unwrap();
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .all(|r| r.get("note").is_some()),
        "{json}"
    );
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .any(|r| r["note"].is_string()),
        "{json}"
    );
    let csv = run(&["overdue", "--format", "csv"]);
    assert!(csv.lines().next().unwrap().contains(",note"), "{csv}");
}

#[test]
fn a_nested_list_keeps_its_nesting_in_a_terminal() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--as-of", "2012-12-01", "show", "R3"])
        .env_remove("PLAN_DIR")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        text.contains("┆ \u{a0}\u{a0}- i. key partner agencies"),
        "{text}"
    );
}
