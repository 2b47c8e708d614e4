//! Reports on the bundled plan, as the coordinator runs them, and the
//! promises that hold across formats.

use std::process::{Command, Stdio};

fn plan(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--as-of", "2012-12-01"])
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("PLAN_DIR")
        .output()
        .expect("run plan")
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = plan(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn overdue_json_agrees_with_the_table() {
    let rows = json(&["overdue", "--format", "json"]);
    let overdue = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["state"] == "overdue")
        .count();
    let table = String::from_utf8(plan(&["overdue"]).stdout).unwrap();
    assert!(table.contains(&format!("Overdue ({overdue})")), "{table}");
    // 16 in Effective Justice, 6 in Reducing Harm, 5 in Safeguarding Communities.
    assert_eq!(overdue, 27);
}

#[test]
fn overdue_is_most_overdue_first_with_day_counts() {
    let rows = json(&["overdue", "--format", "json"]);
    let days: Vec<i64> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["state"] == "overdue")
        .map(|r| r["days_overdue"].as_i64().unwrap())
        .collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{days:?}");
    // SC-2.1.a: "March 2012 &" (to 2012-03-31) is 245 days before 2012-12-01.
    assert_eq!(rows[0]["id"], "SC-2.1.a");
    assert_eq!(days[0], 245);
}

#[test]
fn recommendations_are_twelve_accepted_and_one_not() {
    let rows = json(&["recs", "--format", "json"]);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 13);
    let accepted = rows.iter().filter(|r| r["response"] == "accepted").count();
    let not = rows
        .iter()
        .filter(|r| r["response"] == "not-accepted")
        .count();
    assert_eq!((accepted, not), (12, 1));
    let table = String::from_utf8(plan(&["recs"]).stdout).unwrap();
    assert!(table.contains("13 recommendations: 12 accepted, 1 not accepted."));
}

#[test]
fn an_agency_by_id_alias_or_name() {
    let by_id = json(&["agency", "SL", "--format", "json"]);
    for other in ["sl", "Safer Wales StreetLife", "safer wales sl"] {
        assert_eq!(
            json(&["agency", other, "--format", "json"]),
            by_id,
            "{other}"
        );
    }
    assert_eq!(by_id.as_array().unwrap().len(), 18);
    let unknown = plan(&["agency", "Saffer Wales"]);
    assert_eq!(unknown.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        stderr.contains("did you mean `SW` (Safer Wales)?"),
        "{stderr}"
    );
}

#[test]
fn the_detective_inspector_counts_for_south_wales_police() {
    let police = json(&["agency", "SWP", "--format", "json"]);
    let ids: Vec<&str> = police
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    // SC-2.2.b and SC-2.3.a are led by the DI, Public Protection (part of SWP).
    assert!(
        ids.contains(&"SC-2.2.b") && ids.contains(&"SC-2.3.a"),
        "{ids:?}"
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--as-of", "2012-12-01", "tasks", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before plan writes: every write fails with EPIPE.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn every_report_parses_in_every_machine_format() {
    let reports: &[&[&str]] = &[
        &["overdue"],
        &["due", "--within", "60"],
        &["rag"],
        &["rag", "--by", "priority"],
        &["rag", "--by", "agency"],
        &["agency", "CSWF"],
        &["agencies"],
        &["tasks"],
        &["recs"],
    ];
    for report in reports {
        let mut args = report.to_vec();
        args.extend(["--format", "json"]);
        let rows = json(&args);
        assert!(!rows.as_array().unwrap().is_empty(), "{report:?}");
        let mut args = report.to_vec();
        args.extend(["--format", "csv"]);
        let out = plan(&args);
        let mut reader = csv::Reader::from_reader(&out.stdout[..]);
        let records = reader.records().collect::<Result<Vec<_>, _>>().unwrap();
        assert_eq!(records.len(), rows.as_array().unwrap().len(), "{report:?}");
    }
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    // Tests run with stdout a pipe: no colour by default.
    let plain = plan(&["--dir", "tests/cmd/reports/plan", "rag"]);
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\u{1b}'));
    let coloured = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args([
            "--dir",
            "tests/cmd/reports/plan",
            "--color",
            "always",
            "rag",
        ])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&coloured.stdout);
    // A foreground colour for the RAG cells.
    assert!(text.contains("\u{1b}[38;5;"), "{text}");
    // NO_COLOR wins even over --color always.
    let no_colour = plan(&[
        "--dir",
        "tests/cmd/reports/plan",
        "--color",
        "always",
        "rag",
    ]);
    assert!(!String::from_utf8_lossy(&no_colour.stdout).contains("\u{1b}[38;5;"));
    let never = plan(&[
        "--dir",
        "tests/cmd/reports/plan",
        "--color",
        "never",
        "check",
    ]);
    assert!(!String::from_utf8_lossy(&never.stdout).contains('\u{1b}'));
}

#[test]
fn the_note_of_tasks_rated_on_track_but_overdue_names_ten_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut card = String::from(
        "[card]\nid = \"EJ\"\ntitle = \"Exit\"\n\n[[priority]]\nid = 1\ntitle = \"We will\"\n\n\
         [[priority.action]]\nid = 1\ntitle = \"Act\"\n",
    );
    // Twelve rated green, each a day less overdue than the one before.
    for (i, letter) in ('a'..='l').enumerate() {
        card.push_str(&format!(
            "\n[[priority.action.task]]\nid = \"{letter}\"\ntext = \"Task\"\nlead = [\"SWP\"]\n\
             due = 2012-06-{:02}\nrag = \"green\"\n",
            i + 1
        ));
    }
    std::fs::write(
        dir.path().join("plan.toml"),
        "[plan]\ntitle = \"Note\"\nstart = 2012-04-01\nend = 2013-03-31\n\n\
         [[agency]]\nid = \"SWP\"\nname = \"South Wales Police\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("ej.toml"), card).unwrap();
    let out = plan(&["--dir", dir.path().to_str().unwrap(), "overdue"]);
    let text = String::from_utf8_lossy(&out.stdout);
    // The note is a paragraph folded to the terminal's width: joined again.
    let at = text
        .find("Rated on track but overdue:")
        .unwrap_or_else(|| panic!("no note in {text}"));
    let paragraph = text[at..].split("\n\n").next().unwrap();
    let note = &paragraph.lines().collect::<Vec<_>>().join(" ");
    // The ten most overdue, most overdue first; then how many more, and how to list them.
    assert!(
        note.contains("EJ-1.1.a (rated green, 183 days overdue); EJ-1.1.b"),
        "{note}"
    );
    assert!(
        note.contains("EJ-1.1.j (rated green, 174 days overdue); and 2 more tasks"),
        "{note}"
    );
    assert!(!note.contains("EJ-1.1.k"), "{note}");
    assert!(
        note.contains("plan tasks --state overdue --rag green"),
        "{note}"
    );
}
