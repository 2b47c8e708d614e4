//! `plan requests` writes one sheet and one message per agency (issue 23,
//! item 7): agency ids that make the same file name (`A.B`, `A_B`) are
//! numbered, never as another agency's name (`A_B-2`), the count says what
//! was written, and each sheet is applied as its own
//! agency's. An `email` holding more than the address it names adds no
//! recipient.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const PLAN: &str = r#"[plan]
title = "Names"
start = 2012-04-01
end = 2013-03-31

[[agency]]
id = "A.B"
name = "Dotted"
email = "dotted@a.example>, thief@evil.example"

[[agency]]
id = "A_B"
name = "Underscored"
email = "under@a.example"

[[agency]]
id = "A_B-2"
name = "Numbered"

[card]
id = "EJ"
title = "E"

[[priority]]
id = 1
title = "P"

[[priority.action]]
id = 1
title = "A"
"#;

fn plan(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .arg("--dir")
        .arg(dir)
        .args(["--as-of", "2012-12-01"])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn a_plan() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut text = PLAN.to_string();
    for (n, lead) in ["A.B", "A_B", "A_B-2"].iter().enumerate() {
        text.push_str(&format!(
            "\n[[priority.action.task]]\nid = \"{}\"\ntext = \"Task of {lead}\"\nlead = [\"{lead}\"]\ndue = 2013-01-15\n",
            (b'a' + n as u8) as char
        ));
    }
    fs::write(dir.path().join("plan.toml"), text).unwrap();
    dir
}

#[test]
fn ids_that_make_one_file_name_get_a_file_each() {
    let dir = a_plan();
    let sent = dir.path().join("sent");
    let out = plan(dir.path(), &["requests", "-o", sent.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("3 requests written"), "{}", text(&out));
    assert!(
        text(&out).contains("note: A_B's files are named A_B-3"),
        "{}",
        text(&out)
    );
    let mut names: Vec<String> = fs::read_dir(&sent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let want = [
        "A_B-2.eml",
        "A_B-2.xlsx",
        "A_B-3.eml",
        "A_B-3.xlsx",
        "A_B.eml",
        "A_B.xlsx",
    ];
    assert_eq!(names, want);
    // Each sheet is its own agency's: the signed agency, not the name.
    for (file, agency, other) in [
        ("A_B.xlsx", "A.B", "A_B"),
        ("A_B-3.xlsx", "A_B", "A.B"),
        ("A_B-2.xlsx", "A_B-2", "A.B"),
    ] {
        let sheet = sent.join(file);
        let sheet = sheet.to_str().unwrap();
        let out = plan(dir.path(), &["apply", sheet, "--dry-run"]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", text(&out));
        let out = plan(dir.path(), &["apply", sheet, "--agency", other]);
        assert!(
            text(&out).contains(&format!("for {agency}, not for {other}")),
            "{file}: {}",
            text(&out)
        );
    }
}

#[test]
fn an_email_holding_more_than_its_address_adds_no_recipient() {
    let dir = a_plan();
    let out = plan(dir.path(), &["check"]);
    assert!(text(&out).contains("bad-email"), "{}", text(&out));
    let sent = dir.path().join("sent");
    let out = plan(dir.path(), &["requests", "-o", sent.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let eml = fs::read_to_string(sent.join("A_B.eml")).unwrap();
    assert!(!eml.contains("evil.example"), "{eml}");
    assert!(!eml.contains("dotted@a.example"), "{eml}");
    assert!(!eml.lines().any(|l| l.starts_with("To:")), "{eml}");
    let eml = fs::read_to_string(sent.join("A_B-3.eml")).unwrap();
    assert!(eml.contains("under@a.example"), "{eml}");
}
