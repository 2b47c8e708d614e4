//! `plan check --format sarif`: a SARIF 2.1.0 log code-scanning tools read.

mod common;

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

/// `plan check --format sarif` run from elsewhere, with the plan given by
/// its absolute path: each location is the file's path from the git top
/// level, as GitHub code scanning places it (and so is `--format github`'s).
#[test]
fn locations_are_paths_from_the_repository_root() {
    let repo = tempfile::tempdir().unwrap();
    let plan_dir = repo.path().join("council").join("plan");
    std::fs::create_dir_all(&plan_dir).unwrap();
    common::copy_dir(
        std::path::Path::new("tests/cmd/check/duplicate-id.in"),
        &plan_dir,
    );
    common::git_on(repo.path(), None, &["init", "-q"]);
    let elsewhere = tempfile::tempdir().unwrap();
    let run = |format: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_plan"))
            .arg("--dir")
            .arg(&plan_dir)
            .args(["check", "--format", format])
            .current_dir(elsewhere.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stdout).unwrap()
    };
    let log: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    let uri = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri, "council/plan/plan.toml");
    assert!(
        run("github").starts_with("::error file=council/plan/plan.toml,"),
        "{}",
        run("github")
    );
    // Outside git, the working directory is the root.
    let bare = tempfile::tempdir().unwrap();
    common::copy_dir(
        std::path::Path::new("tests/cmd/check/duplicate-id.in"),
        bare.path(),
    );
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--dir", "."])
        .args(["check", "--format", "github"])
        .current_dir(bare.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("::error file=plan.toml,"));
}

/// Every rule has the full description and help GitHub requires, and the
/// SARIF Multitool (npm's @microsoft/sarif-multitool, which .ci/run installs
/// into target/sarif) finds no error under its SARIF and GitHub rules.
#[test]
fn the_sarif_multitool_finds_no_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .arg("--dir")
        .arg(std::fs::canonicalize("tests/cmd/check/duplicate-id.in").unwrap())
        .args(["check", "--format", "sarif"])
        .output()
        .unwrap();
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for rule in log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
    {
        let id = rule["id"].as_str().unwrap();
        let full = rule["fullDescription"]["text"].as_str().unwrap();
        assert!(full.contains(id) && full.len() > 40, "{full}");
        assert!(rule["help"]["text"].as_str().unwrap().contains("--explain"));
    }
    let tool = std::path::Path::new(
        "target/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool",
    );
    if !tool.is_file() {
        return common::skip(
            "the_sarif_multitool_finds_no_error",
            "the SARIF Multitool (npm install --prefix target/sarif @microsoft/sarif-multitool)",
        );
    }
    let work = tempfile::tempdir().unwrap();
    let log_file = work.path().join("plan.sarif");
    std::fs::write(&log_file, &out.stdout).unwrap();
    let report = work.path().join("report.sarif");
    let run = Command::new(tool)
        .arg("validate")
        .arg(&log_file)
        .args(["--rule-kind", "Gh;Sarif", "--output"])
        .arg(&report)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{said}");
    let errors: Vec<&str> = said.lines().filter(|l| l.contains(": error ")).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(said.contains("1 files scanned"), "{said}");
}
