//! The bundled plan (plans/) against its source document: readings that a
//! line-by-line comparison settled, pinned so that they do not drift back.

mod common;

use std::path::Path;

use serde_json::Value;

/// `plan --as-of 2012-12-01 ARGS` on the bundled plan, its stdout as JSON.
fn json(args: &[&str]) -> Value {
    let out = common::plan_in(Path::new(env!("CARGO_MANIFEST_DIR")), args);
    assert!(
        out.status.success(),
        "plan {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn recommendation(id: &str) -> Value {
    json(&["recs", "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .find(|rec| rec["id"] == id)
        .unwrap_or_else(|| panic!("no recommendation {id}"))
        .clone()
}

#[test]
fn r9_is_delivered_by_the_police_relationship_action() {
    // R9's response: "a dedicated taskforce has been established to
    // strengthen the relationship between the police and street sex workers".
    let rec = recommendation("R9");
    let actions: Vec<&str> = rec["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        ["EJ-1.2", "EJ-1.3", "EJ-1.4", "EJ-1.5", "RH-1.1"],
        "R9's actions"
    );

    let action = json(&["show", "EJ-1.5", "--format", "json"]);
    assert_eq!(
        action["title"],
        "Improve and sustain the relationship between local street sex workers and police"
    );
}

#[test]
fn sc_3_1_a_reads_as_the_first_copy_of_the_source() {
    // The first copy (the source's lines 121-512) reads "DSVa MARAC"; the
    // second (lines 513-901) "DSVARAC", no name of a MARAC process.
    let task = json(&["show", "SC-3.1.a", "--format", "json"]);
    assert_eq!(
        task["text"],
        "Replicate the DSVa MARAC Process once that has been achieved successfully"
    );
}

#[test]
fn organisations_named_only_in_task_text_take_no_share_of_all() {
    // EJ-1.3.c's lead "Each Partners agency" (`all`) goes to every
    // organisation in the registry: Barnardo's and Gibran UK are named only
    // inside task text, so they are not in it.
    let agencies = json(&["agencies", "--format", "json"]);
    let names: Vec<&str> = agencies
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 27, "{names:?}");
    for absent in ["Barnardo's", "Gibran UK"] {
        assert!(!names.contains(&absent), "{absent} is in the registry");
    }
}
