//! A reader that goes away (`plan tasks --format csv | head -1`) is not an
//! error: every report, in every format, stops quietly with exit 0, also
//! when the output is far larger than a pipe's buffer.

use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

/// A valid plan of `tasks` tasks, half of them overdue as of 2012-12-01 and
/// half due in March 2013 (so every report has thousands of rows).
fn big_plan(dir: &Path, tasks: usize) {
    fs::write(
        dir.join("plan.toml"),
        "[plan]\ntitle = \"Pipes\"\nstart = 2012-04-01\nend = 2013-03-31\n\n\
         [[agency]]\nid = \"SWP\"\nname = \"South Wales Police\"\n",
    )
    .unwrap();
    let mut card = String::from(
        "[card]\nid = \"EJ\"\ntitle = \"Exit\"\n\n[[priority]]\nid = 1\ntitle = \"We will\"\n",
    );
    for action in 0..tasks / 10 {
        write!(
            card,
            "\n[[priority.action]]\nid = {}\ntitle = \"Action\"\n",
            action + 1
        )
        .unwrap();
        for task in 0..10 {
            let letter = (b'a' + task as u8) as char;
            let due = if task % 2 == 0 {
                "June 2012"
            } else {
                "March 2013"
            };
            write!(
                card,
                "\n[[priority.action.task]]\nid = \"{letter}\"\ntext = \"A task with words enough to make a long row of output {action} {task}\"\nlead = [\"SWP\"]\ndue = \"{due}\"\nnote = \"a note\"\n"
            )
            .unwrap();
        }
    }
    fs::write(dir.join("ej.toml"), card).unwrap();
}

/// Runs `plan ARGS`, reads a little of its output and closes the pipe.
fn read_a_little_then_close(dir: &Path, args: &[&str]) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--as-of", "2012-12-01", "--dir"])
        .arg(dir)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    let read = stdout.read_exact(&mut first);
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(
        read.is_ok(),
        "plan {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        (out.status.code(), stderr.as_ref()),
        (Some(0), ""),
        "plan {args:?} through a closed pipe"
    );
}

#[test]
fn every_report_in_every_format_ends_quietly_when_the_reader_goes() {
    let dir = tempfile::tempdir().unwrap();
    big_plan(dir.path(), 3000);
    let reports: &[&[&str]] = &[
        &["tasks"],
        &["overdue"],
        &["agency", "SWP"],
        &["due", "--within", "365"],
    ];
    for report in reports {
        for format in ["table", "json", "csv", "markdown"] {
            let mut args = report.to_vec();
            args.extend(["--format", format]);
            read_a_little_then_close(dir.path(), &args);
        }
    }
    for format in ["csv", "ics"] {
        read_a_little_then_close(dir.path(), &["export", "--format", format]);
    }
    for format in ["markdown", "html"] {
        read_a_little_then_close(dir.path(), &["report", "--format", format]);
    }
    read_a_little_then_close(dir.path(), &["show", "EJ-1"]);
}

#[test]
fn check_ends_quietly_when_the_reader_goes() {
    let dir = tempfile::tempdir().unwrap();
    big_plan(dir.path(), 3000);
    // Every task's lead is unknown: thousands of findings.
    let card = fs::read_to_string(dir.path().join("ej.toml")).unwrap();
    fs::write(
        dir.path().join("ej.toml"),
        card.replace("\"SWP\"]", "\"XX\"]"),
    )
    .unwrap();
    for format in ["human", "short", "json", "github", "sarif"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_plan"))
            .args(["check", "--format", format, "--dir"])
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 100];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "",
            "check --format {format}"
        );
        assert_ne!(out.status.code(), Some(2), "check --format {format}");
    }
}
