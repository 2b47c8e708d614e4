//! Hostile input: whatever a person or a broken tool writes into a plan
//! directory gives a clear finding or error and exit 1 or 2, quickly; never
//! a panic, never a hang.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The tests here time `plan` against bounds: one runs at a time, so that
/// they do not measure one another.
fn alone() -> MutexGuard<'static, ()> {
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

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
    let _alone = alone();
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
    let _alone = alone();
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

#[test]
fn a_megabyte_lead_against_a_megabyte_agency_id() {
    // "Did you mean" compared them character by character: over 15 minutes.
    let id = "S".repeat(1_000_000);
    let agency = format!("[[agency]]\nid = \"{id}T\"\nname = \"Big\"\n");
    let tasks = format!(
        "[[priority.action.task]]\nid = \"a\"\ntext = \"t\"\nlead = [\"{id}\"]\ndue = \"Oct 2012\"\n"
    );
    let out = check(
        &[
            ("agency.toml", agency.as_bytes()),
            ("card.toml", card(&tasks).as_bytes()),
        ],
        Duration::from_secs(10),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error[unknown-lead]"));
}

#[test]
fn a_key_of_one_megabyte() {
    let key = "k".repeat(1_000_000);
    let tasks = format!(
        "[[priority.action.task]]\nid = \"a\"\ntext = \"t\"\nlead = [\"SWP\"]\ndue = \"Oct 2012\"\n{key} = 1\n"
    );
    let out = check(
        &[("card.toml", card(&tasks).as_bytes())],
        Duration::from_secs(10),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error[unknown-key]"));
}

#[test]
fn a_hundred_thousand_unknown_leads_on_one_line() {
    // Each finding's column was counted from the start of its line: quadratic.
    let leads: Vec<String> = (0..100_000).map(|i| format!("\"X{i}\"")).collect();
    let tasks = format!(
        "[[priority.action.task]]\nid = \"a\"\ntext = \"t\"\ndue = \"Oct 2012\"\nlead = [{}]\n",
        leads.join(", ")
    );
    let out = check(
        &[("card.toml", card(&tasks).as_bytes())],
        Duration::from_secs(30),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.matches("error[unknown-lead]").count(), 100_000);
    let last = tasks.lines().nth(4).unwrap().find("\"X99999\"").unwrap() + 1;
    let at = format!(":16:{last}: error[unknown-lead]: `X99999`");
    assert!(text.contains(&at), "{at}");
}

/// Every text value of a plan, each holding a zero-width space: each is
/// warned of on its own line, at the character.
#[test]
fn a_hidden_character_in_any_text_is_warned_of_where_it_is() {
    let plan = "[plan]\ntitle = \"Hid\u{200b}den\"\nowner = \"Bo\u{200b}ard\"\nstart = 2012-04-01\nend = 2013-03-31\n\n\
        [[agency]]\nid = \"SWP\"\nname = \"South Wales \u{200b}Police\"\naliases = [\"Po\u{200b}lice\",\n  \"Cops\u{200b}\"]\n\n\
        [card]\nid = \"EJ\"\ntitle = \"Ju\u{200b}stice\"\noutcomes = [\"Out\u{200b}come\"]\narea = \"Ar\u{200b}ea\"\nmeasures = [\"M1\"]\n\
        main_actions = [\"Ma\u{200b}in\"]\nstory = \"\"\"\nA long\u{200b}\nstory\"\"\"\nchallenges = ['Chal\u{200b}lenge']\n\n\
        [[priority]]\nid = 1\ntitle = \"Pri\u{200b}ority\"\n\n[[priority.action]]\nid = 1\ntitle = \"Ac\u{200b}tion\"\n\n\
        [[priority.action.task]]\nid = \"a\"\ntext = \"Ta\u{200b}sk\"\nlead = [\"SWP\"]\ndue = \"Oct 2012\"\n\
        resources = \"Mo\u{200b}ney\"\nnote = \"\\u200bNote\"\n\n\
        [[priority.action.task]]\nid = \"b\"\ntext = \"t\"\nlead = \"SWP\u{200b}\"\ndue = \"Oct 2012\u{200b}\"\nrag = \"red\u{200b}\"\n\n\
        [[recommendation]]\nid = \"R1\"\ntext = \"Re\u{200b}c\"\nresponse = \"accepted\"\nresponse_text = \"Yes\u{200b}\"\n\
        owner = \"Ow\u{200b}ner\"\nactions = [\"EJ-1.1\"]\n\n\
        [[measure]]\nid = \"M1\"\ntitle = \"Mea\u{200b}sure\"\nbetter = \"higher\"\nunit = \"u\u{200b}\"\n\
        values = [{ period = \"Q1 2012-13\", value = 1, note = \"No\u{200b}te\" }]\n";
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("plan.toml"), plan).unwrap();
    let out = run(dir.path(), Duration::from_secs(10));
    let text = stdout(&out);
    let mut want: Vec<String> = Vec::new();
    for (n, line) in plan.lines().enumerate() {
        let column = match line.find('\u{200b}') {
            Some(at) => line[..at].chars().count() + 1,
            None if line.contains("\\u200b") => line.find('"').unwrap() + 1,
            None => continue,
        };
        want.push(format!(
            "plan.toml:{}:{column}: warning[control-character]",
            n + 1
        ));
    }
    assert_eq!(want.len(), 25);
    let found = text.matches("warning[control-character]").count();
    for at in &want {
        assert!(
            text.contains(&format!("{at}: the text holds U+200B ZERO WIDTH SPACE")),
            "{at}\n{text}"
        );
    }
    assert_eq!(found, want.len(), "{text}");
}

#[test]
fn ids_of_mixed_scripts_that_look_alike_or_hide_characters() {
    let agencies = "[[agency]]\nid = \"SW\u{420}\"\nname = \"Cyrillic\"\n\n\
        [[agency]]\nid = \"\u{405}\u{412}\"\nname = \"All Cyrillic\"\n\n\
        [[agency]]\nid = \"SB\"\nname = \"Latin\"\n\n\
        [[agency]]\nid = \"S\u{200b}WP2\"\nname = \"Hidden\"\n\n\
        [[measure]]\nid = \"M1\"\ntitle = \"m\"\nbetter = \"higher\"\n\n\
        [[measure]]\nid = \"\u{41c}1\"\ntitle = \"m\"\nbetter = \"higher\"\n";
    let out = check(
        &[("more.toml", agencies.as_bytes())],
        Duration::from_secs(10),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    // more.toml is read before plan.toml, so plan.toml's SWP comes second.
    for finding in [
        "more.toml:2:6: error[mixed-script-id]: agency id `SW\u{420}` mixes Latin with Cyrillic: U+0420",
        "more.toml:10:6: error[confusable-id]: agency id `SB` reads the same as another agency id (`sb`)",
        "more.toml:14:6: error[bad-value]: agency id `S\\u{200b}WP2` holds U+200B ZERO WIDTH SPACE, which does not show",
        "more.toml:23:6: error[confusable-id]: measure id `\u{41c}1` reads the same as another measure id (`m1` in Latin letters; not Latin: U+041C)",
        "plan.toml:7:6: error[confusable-id]: agency id `SWP` reads the same as another agency id (`swp`)",
    ] {
        assert!(text.contains(finding), "{finding}\n{text}");
    }
    assert!(!text.contains("`\u{405}\u{412}` mixes"), "{text}");
}

/// Every command on one plan holding a 5 MB note, a 1 MB task id, 50,000
/// aliases and 100,000 leads in one task: each in time linear in the input.
#[test]
fn big_texts_and_lists_through_every_command() {
    let aliases: Vec<String> = (0..50_000).map(|i| format!("\"Alias {i}\"")).collect();
    let plan = format!("{PLAN}aliases = [{}]\n", aliases.join(", "));
    let tasks = format!(
        "[[priority.action.task]]\nid = \"a\"\ntext = \"t\"\nlead = [\"SWP\"]\ndue = \"Oct 2012\"\nrag = \"red\"\nnote = \"{}\"\n\n\
         [[priority.action.task]]\nid = \"{}\"\ntext = \"t\"\nlead = [\"SWP\"]\ndue = \"Nov 2012\"\n\n\
         [[priority.action.task]]\nid = \"c\"\ntext = \"t\"\nlead = [{}]\ndue = \"Dec 2012\"\n",
        "x".repeat(5_000_000),
        "i".repeat(1_000_000),
        vec!["\"SWP\""; 100_000].join(", ")
    );
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("plan.toml"), plan).unwrap();
    fs::write(dir.path().join("card.toml"), card(&tasks)).unwrap();
    let word = dir.path().join("report.docx");
    let word = word.to_str().unwrap();
    for args in [
        &["check"][..],
        &["tasks"],
        &["overdue"],
        &["show", "EJ-1.1"],
        &["show", "SWP"],
        &["report"],
        &["report", "--format", "html"],
        &["report", "--format", "docx", "-o", word],
        &["export", "--format", "csv"],
        &["export", "--format", "ics"],
        &["fmt", "--check"],
        &["agencies"],
    ] {
        let _alone = alone();
        let started = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_plan"))
            .args(["--as-of", "2013-01-01", "--dir"])
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        let took = started.elapsed();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(took < Duration::from_secs(30), "{args:?} took {took:?}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        // `fmt --check` finds the file not in the canonical layout: exit 1.
        let want = if args[0] == "fmt" { 1 } else { 0 };
        assert_eq!(out.status.code(), Some(want), "{args:?}: {stderr}");
    }
}
