//! `plan check --format sarif`: a SARIF 2.1.0 log code-scanning tools read.

use std::process::Command;

#[test]
fn findings_as_a_sarif_log() {
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args([
            "--dir",
            "tests/cmd/check/duplicate-id.in",
            "check",
            "--format",
            "sarif",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "plan");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    let result = &results[0];
    assert_eq!(result["ruleId"], "duplicate-id");
    assert_eq!(result["level"], "error");
    // ruleIndex points at the rule of the same id.
    let index = result["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], "duplicate-id");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(35), Some(6))
    );
    let related = &result["relatedLocations"][0];
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 29);
    assert_eq!(related["message"]["text"], "first defined here");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "tests/cmd/check/duplicate-id.in/plan.toml"
    );
}
