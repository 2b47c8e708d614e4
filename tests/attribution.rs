//! Whose return a sheet is comes from what `plan requests` signed, never
//! from what a partner can edit (issue 23, item 6): an About sheet edited
//! to name another agency, an About sheet deleted and the file named after
//! another agency, a Fingerprint cell blanked or changed: each refused, and
//! the plan unchanged. The sheets are edited with openpyxl (skipped, loudly,
//! where it is missing).

mod common;

use common::{apply_fixture as fixture, apply_repository as repository, git_on};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TEST: &str = "a return sheet edited with openpyxl";

fn plan(repo: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .arg("--dir")
        .arg(repo)
        .args(["--as-of", "2012-12-03"])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Whether the plan's files are as committed.
fn unchanged(repo: &Path) -> bool {
    git_on(repo, None, &["status", "--porcelain"])
        .trim()
        .is_empty()
}

/// `swp-openpyxl.xlsx` (SWP's filled sheet) edited by `script` (Python with
/// `wb`, the workbook, and `ws`, its Return sheet), saved as `name`.
fn edited(dir: &Path, name: &str, script: &str) -> Option<PathBuf> {
    if !common::python_has(&["openpyxl"]) {
        common::skip(TEST, "Python's openpyxl");
        return None;
    }
    let out = dir.join(name);
    let program = format!(
        "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb['Return']\n\
         {script}\nwb.save(sys.argv[2])\n"
    );
    let python = Command::new("python3")
        .args(["-c", &program])
        .arg(fixture("swp-openpyxl.xlsx"))
        .arg(&out)
        .output()
        .unwrap();
    assert!(python.status.success(), "{}", stderr(&python));
    Some(out)
}

/// `plan apply SHEET --any-lead` on the round's plan refuses the sheet,
/// saying `says`, and changes nothing.
fn refused_whole(sheet: &Path, says: &str) {
    let repo = repository();
    let out = plan(
        repo.path(),
        &["apply", sheet.to_str().unwrap(), "--any-lead"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains(says), "{}", stderr(&out));
    assert!(unchanged(repo.path()));
}

#[test]
fn the_signed_sheet_is_applied_as_its_agency() {
    let repo = repository();
    let out = plan(
        repo.path(),
        &["apply", fixture("swp-openpyxl.xlsx").to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(git_on(repo.path(), None, &["diff"]).contains("+by = \"SWP\""));
}

#[test]
fn an_about_sheet_edited_to_name_another_agency_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let script = "about = wb['About']\n\
        for row in about.iter_rows():\n    if row[0].value == 'agency': row[1].value = 'SW'";
    let Some(sheet) = edited(dir.path(), "SW.xlsx", script) else {
        return;
    };
    refused_whole(
        &sheet,
        "this sheet was not made by `plan requests` for SW, or was changed",
    );
}

#[test]
fn an_about_sheet_deleted_and_the_file_named_for_another_agency_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let Some(sheet) = edited(dir.path(), "SW.xlsx", "del wb['About']") else {
        return;
    };
    refused_whole(&sheet, "carries no signature of `plan requests`");
    // A signed sheet is its agency's, whatever --agency says.
    let signed = fixture("swp-openpyxl.xlsx");
    let repo = repository();
    let out = plan(
        repo.path(),
        &["apply", signed.to_str().unwrap(), "--agency", "SW"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("was made by `plan requests` for SWP, not for SW"));
    assert!(unchanged(repo.path()));
}

/// The script that sets the Fingerprint cell of task EJ-1.1.a's row.
fn set_fingerprint(value: &str) -> String {
    format!(
        "header = [c.value for c in ws[1]]\n\
         col = header.index('Fingerprint') + 1\n\
         for r in range(2, ws.max_row + 1):\n    \
         if ws.cell(r, 1).value == 'EJ-1.1.a': ws.cell(r, col).value = {value}"
    )
}

#[test]
fn a_blanked_fingerprint_is_stale_after_the_target_moved() {
    let dir = tempfile::tempdir().unwrap();
    let Some(sheet) = edited(dir.path(), "SWP.xlsx", &set_fingerprint("None")) else {
        return;
    };
    let repo = repository();
    let set = plan(repo.path(), &["set", "EJ-1.1.a", "--due", "2013-02-28"]);
    assert_eq!(set.status.code(), Some(0), "{}", stderr(&set));
    git_on(repo.path(), None, &["commit", "-qam", "target moved"]);
    let out = plan(repo.path(), &["apply", sheet.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("stale: the row for task EJ-1.1.a has no fingerprint"),
        "{}",
        stderr(&out)
    );
    let after = git_on(repo.path(), None, &["diff"]);
    assert!(!after.contains("Two officers named"), "{after}");
}

#[test]
fn a_fingerprint_changed_to_another_is_not_taken_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let script = set_fingerprint("'0000000000000000'");
    let Some(sheet) = edited(dir.path(), "SWP.xlsx", &script) else {
        return;
    };
    let repo = repository();
    let out = plan(repo.path(), &["apply", sheet.to_str().unwrap(), "--force"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("are not ones `plan requests` wrote into this sheet"),
        "{}",
        stderr(&out)
    );
    let after = git_on(repo.path(), None, &["diff"]);
    assert!(!after.contains("Two officers named"), "{after}");
}

#[test]
fn the_first_requests_make_a_private_key_that_git_ignores() {
    let repo = repository();
    std::fs::remove_file(repo.path().join(".plan-key")).unwrap();
    std::fs::remove_file(repo.path().join(".gitignore")).unwrap();
    git_on(repo.path(), None, &["commit", "-qam", "no key"]);
    let sent = tempfile::tempdir().unwrap();
    let out = plan(
        repo.path(),
        &["requests", "-o", sent.path().to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("the key that signs the return sheets"));
    let key = repo.path().join(".plan-key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let status = git_on(repo.path(), None, &["status", "--porcelain"]);
    assert_eq!(status.trim(), "?? .gitignore", "the key itself is ignored");
    // The key made, the sheets it signed are applied; a second run keeps it.
    let text = std::fs::read_to_string(&key).unwrap();
    let out = plan(
        repo.path(),
        &["requests", "-o", sent.path().to_str().unwrap()],
    );
    assert!(!stderr(&out).contains("the key"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&key).unwrap(), text);
    let sheet = sent.path().join("SWP.xlsx");
    let out = plan(repo.path(), &["apply", sheet.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Without the key a signed sheet cannot be checked, and is not read.
    std::fs::remove_file(&key).unwrap();
    let out = plan(repo.path(), &["apply", sheet.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("has no key (.plan-key)"),
        "{}",
        stderr(&out)
    );
}
