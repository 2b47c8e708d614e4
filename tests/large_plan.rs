//! A plan large enough to be read, parsed and checked on every core says
//! exactly what the same cards say checked one at a time: the same
//! findings, in file and position order, and the links between cards.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;

// Enough files to be read on every core (64), bytes to be parsed so (256 KiB)
// and tasks to be checked so (2,000).
const CARDS: usize = 70;
const TASKS_A_CARD: usize = 100;

const PLAN: &str = "[plan]\ntitle = \"Large\"\nstart = 2012-04-01\nend = 2013-03-31\n\n\
    [[agency]]\nid = \"SWP\"\nname = \"South Wales Police\"\n\n\
    [[agency]]\nid = \"HB\"\nname = \"Health Board\"\n";

/// Card `n`: with `flaws`, tasks with a finding now and then (an unknown
/// lead, a target date that is no date, a RAG that is no RAG, an id given twice).
fn card(n: usize, flaws: bool) -> String {
    let mut card = format!(
        "[card]\nid = \"C{n:02}\"\ntitle = \"Card {n}\"\n\n[[priority]]\nid = 1\ntitle = \"We will\"\n"
    );
    for action in 0..TASKS_A_CARD / 10 {
        let id = action + 1;
        write!(card, "\n[[priority.action]]\nid = {id}\ntitle = \"Act\"\n").unwrap();
        for task in 0..10 {
            let i = action * 10 + task;
            let flawed = |every: usize| flaws && (n + i).is_multiple_of(every);
            let pick = |every: usize, bad: &'static str, good: &'static str| match flawed(every) {
                true => bad,
                false => good,
            };
            let letter = if flawed(37) {
                'a'
            } else {
                (b'a' + task as u8) as char
            };
            let lead = pick(11, "SWPP", "SWP");
            let due = pick(13, "Sumer 2012", "June 2012");
            let rag = pick(17, "purple", "green");
            write!(
                card,
                "\n[[priority.action.task]]\nid = \"{letter}\"\ntext = \"Task {i}\"\n\
                 lead = [\"{lead}\", \"HB\"]\ndue = \"{due}\"\nrag = \"{rag}\"\n"
            )
            .unwrap();
        }
    }
    card
}

fn write_plan(dir: &Path, cards: impl IntoIterator<Item = usize>) {
    fs::create_dir_all(dir.join("cards")).unwrap();
    fs::write(dir.join("plan.toml"), PLAN).unwrap();
    for n in cards {
        fs::write(dir.join(format!("cards/c{n:02}.toml")), card(n, true)).unwrap();
    }
}

/// `plan check --format short` in `dir`: its finding lines (no summary).
fn findings(dir: &Path) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .current_dir(dir)
        .args(["--dir", ".", "check", "--format", "short"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    stdout
        .lines()
        .filter(|line| line.starts_with("cards/"))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_large_plan_says_what_its_cards_say_one_by_one() {
    let root = tempfile::tempdir().unwrap();
    let whole = root.path().join("whole");
    write_plan(&whole, 0..CARDS);
    let mut one_by_one = Vec::new();
    for n in 0..CARDS {
        let alone = root.path().join(format!("alone{n}"));
        write_plan(&alone, [n]);
        one_by_one.extend(findings(&alone));
    }
    let all = findings(&whole);
    assert!(
        all.len() > 4 * CARDS,
        "too few findings to mean much: {}",
        all.len()
    );
    for kind in ["unknown-lead", "bad-date", "bad-rag", "duplicate-id"] {
        assert!(
            all.iter().any(|l| l.contains(kind)),
            "no {kind} in {all:#?}"
        );
    }
    assert_eq!(all, one_by_one);
}

#[test]
fn tasks_of_a_large_plan_can_wait_for_tasks_of_other_cards() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("cards")).unwrap();
    fs::write(dir.path().join("plan.toml"), PLAN).unwrap();
    let mut waits = String::new();
    for n in 0..CARDS {
        let text = card(n, false);
        fs::write(dir.path().join(format!("cards/c{n:02}.toml")), text).unwrap();
    }
    // The last card waits for the first, and the first for the last.
    for (from, to) in [(0, CARDS - 1), (CARDS - 1, 0)] {
        let path = dir.path().join(format!("cards/c{from:02}.toml"));
        let text = fs::read_to_string(&path).unwrap();
        let text = text.replacen(
            "due = \"June 2012\"",
            &format!("due = \"2 months after C{to:02}-1.1.b\""),
            1,
        );
        fs::write(path, text).unwrap();
        writeln!(waits, "C{from:02}-1.1.a").unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--dir"])
        .arg(dir.path())
        .args(["check", "--format", "short"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    for id in waits.lines() {
        let show = Command::new(env!("CARGO_BIN_EXE_plan"))
            .args(["--as-of", "2012-12-01", "--dir"])
            .arg(dir.path())
            .args(["show", id])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&show.stdout);
        assert!(text.contains("2 months after C"), "{id}: {text}");
    }
}
