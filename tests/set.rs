//! `plan set` on a copy of the bundled plan: only the task's changed lines
//! change, comments survive, concurrent edits all land, and a refused edit
//! leaves the file's bytes as they were.

mod common;

use common::{copy_dir, git_on, plan_in as plan};
use std::fs;
use std::path::Path;
use std::process::Command;

const CARD: &str = "cards/effective-justice.toml";

fn git(dir: &Path, args: &[&str]) -> String {
    git_on(dir, None, args)
}

/// A git repository holding a copy of `plans/`, committed.
fn repository() -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    copy_dir(Path::new("plans"), repo.path());
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-qm", "plan"]);
    repo
}

/// The lines `git diff` adds and removes, without context.
fn changed_lines(repo: &Path) -> Vec<String> {
    // Split on "\n" only: a line's "\r" is part of what changed.
    git(repo, &["diff", "--unified=0"])
        .split('\n')
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn only_the_task_s_changed_and_added_lines_change() {
    let repo = repository();
    let out = plan(
        repo.path(),
        &[
            "set",
            "EJ-1.1.a",
            "--rag",
            "amber",
            "--note",
            "Roath briefed; Bay in January",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "EJ-1.1.a: rag amber, note, updated 2012-12-01 (cards/effective-justice.toml)\n"
    );
    assert_eq!(
        changed_lines(repo.path()),
        [
            "+rag = \"amber\"",
            "+updated = 2012-12-01",
            "+",
            "+[[priority.action.task.update]]",
            "+date = 2012-12-01",
            "+rag = \"amber\"",
            "+note = \"Roath briefed; Bay in January\"",
        ]
    );
    // The task now reads as set.
    let show = plan(repo.path(), &["show", "EJ-1.1.a", "--format", "json"]);
    let task: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(task["rag"], "amber");
    assert_eq!(task["state"], "open");
    // The file stays in `plan fmt`'s layout.
    let fmt = plan(repo.path(), &["fmt", "--check"]);
    assert_eq!(
        fmt.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&fmt.stdout)
    );
}

#[test]
fn a_byte_order_mark_stays() {
    let repo = repository();
    let path = repo.path().join(CARD);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("\u{feff}{text}")).unwrap();
    git(repo.path(), &["commit", "-qam", "BOM"]);
    let out = plan(repo.path(), &["set", "EJ-1.1.a", "--rag", "amber"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        changed_lines(repo.path()),
        ["+rag = \"amber\"", "+updated = 2012-12-01"]
    );
    assert!(fs::read_to_string(&path).unwrap().starts_with('\u{feff}'));
}

#[test]
fn each_line_keeps_its_own_line_end() {
    let repo = repository();
    let path = repo.path().join(CARD);
    let text = fs::read_to_string(&path).unwrap();
    let due = "due = \"Summer 2012 & On-going\"\n";
    let mixed = text.replacen("[card]\n", "[card]\r\n", 1).replacen(
        due,
        "due = \"Summer 2012 & On-going\"\r\n",
        1,
    );
    assert_eq!(mixed.matches("\r\n").count(), 2);
    fs::write(&path, &mixed).unwrap();
    git(repo.path(), &["commit", "-qam", "two CRLF lines"]);
    let out = plan(
        repo.path(),
        &[
            "set",
            "EJ-1.1.a",
            "--due",
            "Autumn 2012 & On-going",
            "--note",
            "n",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The edited line keeps its "\r\n"; the added lines take their neighbours' "\n".
    assert_eq!(
        changed_lines(repo.path()),
        [
            "-due = \"Summer 2012 & On-going\"\r",
            "+due = \"Autumn 2012 & On-going\"\r",
            "+updated = 2012-12-01",
            "+original_due = \"Summer 2012 & On-going\"",
            "+due_revisions = 1",
            "+",
            "+[[priority.action.task.update]]",
            "+date = 2012-12-01",
            "+note = \"n\"",
        ]
    );
    // `plan fmt` of a file in its layout already changes nothing.
    let fmt = plan(repo.path(), &["fmt", CARD]);
    assert_eq!(
        fmt.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&fmt.stderr)
    );
    assert_eq!(changed_lines(repo.path()).len(), 9);
}

#[test]
fn a_comment_inside_the_task_survives() {
    let repo = repository();
    let path = repo.path().join(CARD);
    let text = fs::read_to_string(&path).unwrap();
    let with_comment = text.replacen(
        "lead = [\"SL\", \"NE\"]\ndue = \"Summer 2012 & On-going\"",
        "lead = [\"SL\", \"NE\"] # both sectors\n# agreed at the May forum\ndue = \"Summer 2012 & On-going\"",
        1,
    );
    assert_ne!(text, with_comment);
    fs::write(&path, &with_comment).unwrap();
    git(repo.path(), &["commit", "-qam", "comment"]);
    let out = plan(
        repo.path(),
        &[
            "set",
            "ej-1.1.A",
            "--due",
            "Autumn 2012 & On-going",
            "--rag",
            "green",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        changed_lines(repo.path()),
        [
            "-due = \"Summer 2012 & On-going\"",
            "+due = \"Autumn 2012 & On-going\"",
            "+rag = \"green\"",
            "+updated = 2012-12-01",
            "+original_due = \"Summer 2012 & On-going\"",
            "+due_revisions = 1",
        ]
    );
    let after = fs::read_to_string(&path).unwrap();
    assert!(after.contains("lead = [\"SL\", \"NE\"] # both sectors\n# agreed at the May forum\n"));
}

#[test]
fn a_refused_change_leaves_the_file_byte_for_byte() {
    let repo = repository();
    let path = repo.path().join(CARD);
    let before = fs::read(&path).unwrap();
    for change in [
        &["set", "EJ-1.1.a", "--lead", "Nobody Ltd"][..],
        &["set", "EJ-1.1.a", "--due", "Soonish"][..],
        &["set", "EJ-1.1.a", "--due", "2 weeks after EJ-1.1.a"][..],
    ] {
        let out = plan(repo.path(), change);
        assert_eq!(out.status.code(), Some(1), "{change:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("refused"), "{stderr}");
        assert_eq!(fs::read(&path).unwrap(), before, "{change:?}");
    }
    let unknown = plan(repo.path(), &["set", "EJ-9.9.z", "--rag", "red"]);
    assert_eq!(unknown.status.code(), Some(2));
    let nothing = plan(repo.path(), &["set", "EJ-1.1.a"]);
    assert_eq!(nothing.status.code(), Some(2));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn done_marks_a_task_complete() {
    let repo = repository();
    let out = plan(repo.path(), &["set", "EJ-4.3.a", "--done", "2012-11-15"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let show = plan(repo.path(), &["show", "EJ-4.3.a", "--format", "json"]);
    let task: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(task["state"], "done");
    // EJ-4.4.a counts from the first pilot's completion: once `plan event`
    // records it, the task is due 6 months later.
    let event = plan(
        repo.path(),
        &["event", "first-pilot-completed", "2012-11-15"],
    );
    assert_eq!(
        event.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&event.stderr)
    );
    let show = plan(repo.path(), &["show", "EJ-4.4.a", "--format", "json"]);
    let task: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(task["deadline"], "2013-05-15");
    assert_eq!(task["state"], "open");
}

#[test]
fn twenty_concurrent_edits_all_land() {
    let repo = repository();
    let tasks = [
        "EJ-1.1.a",
        "EJ-1.1.b",
        "EJ-1.1.c",
        "EJ-1.2.a",
        "EJ-1.2.b",
        "EJ-1.2.c",
        "EJ-1.3.a",
        "EJ-1.3.b",
        "EJ-1.3.c",
        "EJ-1.4.a",
        "EJ-1.5.a",
        "EJ-2.1.a",
        "EJ-2.1.a2",
        "EJ-2.1.b",
        "EJ-2.2.a",
        "EJ-2.3.a",
        "EJ-3.1.a",
        "EJ-3.2.a",
        "EJ-3.2.b",
        "EJ-3.3.a",
    ];
    let children: Vec<_> = tasks
        .iter()
        .map(|task| {
            Command::new(env!("CARGO_BIN_EXE_plan"))
                .args([
                    "--as-of",
                    "2012-12-01",
                    "set",
                    task,
                    "--note",
                    &format!("reviewed {task}"),
                ])
                .current_dir(repo.path())
                .env_remove("PLAN_DIR")
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        assert!(child.wait_with_output().unwrap().status.success());
    }
    let text = fs::read_to_string(repo.path().join(CARD)).unwrap();
    for task in tasks {
        assert!(
            text.contains(&format!("note = \"reviewed {task}\"")),
            "{task} lost"
        );
    }
    assert_eq!(plan(repo.path(), &["check"]).status.code(), Some(0));
}

/// Every flag of `plan set` leaves the file as `plan fmt` would write it.
#[test]
fn every_flag_leaves_the_plan_fmt_clean() {
    let changes: &[&[&str]] = &[
        &["EJ-1.1.a", "--note", "Briefed", "--done", "2012-11-20"],
        &["EJ-1.1.b", "--due", "2013-01-31"],
        &["EJ-1.1.c", "--rag", "Green"],
        &["EJ-1.2.a", "--clear-rag", "--note", "Reset"],
        &["EJ-1.2.b", "--lead", "SWP", "SL", "--note", "Both"],
    ];
    for change in changes {
        let repo = repository();
        let mut args = vec!["set"];
        args.extend_from_slice(change);
        let out = plan(repo.path(), &args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{change:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let check = plan(repo.path(), &["fmt", "--check"]);
        assert_eq!(
            check.status.code(),
            Some(0),
            "{change:?} is not fmt-clean: {}{}",
            String::from_utf8_lossy(&check.stdout),
            git(repo.path(), &["diff"])
        );
    }
}

#[test]
fn values_in_any_case_and_clear_refusals() {
    let repo = repository();
    let out = plan(repo.path(), &["set", "EJ-1.1.a", "--rag", "AMBER"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = plan(repo.path(), &["set", "EJ-1.1.a", "--done", "2012-11-31"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("2012-11-31 is not a day of the calendar"),
        "{stderr}"
    );

    let out = plan(repo.path(), &["set", "EJ-1.1", "--rag", "red"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("EJ-1.1 is an action"), "{stderr}");
    assert!(stderr.contains("EJ-1.1.a"), "{stderr}");
}
