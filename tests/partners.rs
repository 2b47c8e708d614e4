//! The update round end to end: `plan requests` writes sheets, other
//! software fills them (the committed fixtures in tests/fixtures/apply/,
//! made by its make.sh with openpyxl and LibreOffice), `plan apply` takes
//! them back. Only the changed tasks' lines change, the plan still checks
//! and is still formatted, and hostile returns never half-apply.

mod common;

use common::{apply_fixture as fixture, apply_repository as repository, git_on};
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// `plan --dir REPO --as-of 2012-12-03 ARGS`.
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

fn apply(repo: &Path, files: &[&str], flags: &[&str]) -> Output {
    let paths: Vec<String> = files
        .iter()
        .map(|f| fixture(f).display().to_string())
        .collect();
    let mut args = vec!["apply"];
    args.extend(paths.iter().map(String::as_str));
    args.extend(flags);
    plan(repo, &args)
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The lines `git diff` adds and removes, without context.
fn changed_lines(repo: &Path) -> Vec<String> {
    git_on(repo, None, &["diff", "--unified=0"])
        .lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .map(str::to_string)
        .collect()
}

fn assert_checks_and_is_formatted(repo: &Path) {
    let check = plan(repo, &["check"]);
    assert_eq!(check.status.code(), Some(0), "{:?}", text(&check));
    let fmt = plan(repo, &["fmt", "--check"]);
    assert_eq!(fmt.status.code(), Some(0), "{:?}", text(&fmt));
}

#[test]
fn a_sheet_openpyxl_filled_is_applied_and_only_its_tasks_change() {
    let repo = repository();
    let out = apply(repo.path(), &["swp-openpyxl.xlsx"], &[]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("EJ-1.1.a: rag amber, note, updated 2012-12-03"),
        "{stdout}"
    );
    assert!(
        stdout.contains("EJ-1.1.b: rag blue, done 2012-11-20, note"),
        "{stdout}"
    );
    assert_eq!(
        changed_lines(repo.path()),
        [
            // Each returned note is an entry of the task's update history
            // (dated the day it came back, by the agency); a task's old
            // single note becomes its first entry.
            "+rag = \"amber\"",
            "+updated = 2012-12-03",
            "+",
            "+[[priority.action.task.update]]",
            "+date = 2012-12-03",
            "+rag = \"amber\"",
            "+note = \"Two officers named; job description with HR\"",
            "+by = \"SWP\"",
            "+sheet = \"67d3322345681800 row 2\"",
            "+rag = \"blue\"",
            "+done = 2012-11-20",
            "+updated = 2012-12-03",
            "+",
            "+[[priority.action.task.update]]",
            "+date = 2012-05-01",
            "-updated = 2012-05-01",
            "+[[priority.action.task.update]]",
            "+date = 2012-12-03",
            "+rag = \"blue\"",
            "+note = \"All sergeants briefed\"",
            "+by = \"SWP\"",
            "+sheet = \"67d3322345681800 row 3\"",
            "+",
        ]
    );
    assert!(
        fs::read_to_string(repo.path().join("card.toml"))
            .unwrap()
            .contains("due = 2012-10-01 # agreed at the March forum"),
        "comments stay"
    );
    assert_checks_and_is_formatted(repo.path());

    // The same sheet again, another day: nothing changes.
    let again = plan(
        repo.path(),
        &[
            "apply",
            fixture("swp-openpyxl.xlsx").to_str().unwrap(),
            "--on",
            "2012-12-10",
        ],
    );
    let (stdout, stderr) = text(&again);
    assert_eq!(again.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("0 tasks changed, 2 rows already applied"),
        "{stdout}"
    );
    assert_eq!(changed_lines(repo.path()).len(), 23);
}

#[test]
fn a_sheet_libreoffice_saved_and_its_csv_are_applied() {
    // A CSV has no signature: the coordinator says whose it is.
    for (file, flags) in [
        ("sw-libreoffice.xlsx", &[][..]),
        ("SW.csv", &["--agency", "SW"]),
    ] {
        let repo = repository();
        let out = apply(repo.path(), &[file], flags);
        let (stdout, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(0), "{file}: {stdout}{stderr}");
        assert_eq!(
            changed_lines(repo.path()),
            [
                "-rag = \"amber\"",
                "+rag = \"green\"",
                "+updated = 2012-12-03",
                "+",
                "+[[priority.action.task.update]]",
                "+date = 2012-12-03",
                "+rag = \"green\"",
                "+note = \"Evenings back on: every other Tuesday; 14 women seen in November\"",
                "+by = \"SW\"",
                // The same request, re-saved as xlsx or as CSV: one fingerprint.
                "+sheet = \"d822100a0f7af4d2 row 2\"",
            ],
            "{file}"
        );
        assert_checks_and_is_formatted(repo.path());
    }
}

#[test]
fn a_dry_run_writes_nothing() {
    let repo = repository();
    let out = apply(repo.path(), &["swp-openpyxl.xlsx"], &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
    assert!(text(&out).0.contains("2 tasks would change"));
    assert!(changed_lines(repo.path()).is_empty());
}

#[test]
fn hostile_rows_are_refused_one_by_one_with_their_cell() {
    let repo = repository();
    let out = apply(repo.path(), &["hostile.xlsx"], &[]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    for expected in [
        "sheet Returned by SWP, row 2, cell J2: a formula",
        "row 4, cell J4: `purple` is not a RAG status",
        "row 5, cell L5: done on 2013-06-01, after the day the sheet came back",
        "row 6, cell B6: no task `EJ-9.9.z` in the plan",
        "row 7, cell K7: the progress note is 2500 characters long",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    // The renamed sheet, the moved columns and the date typed as text are read.
    assert!(
        stdout.contains("EJ-1.1.b: rag blue, done 2012-11-20"),
        "{stdout}"
    );
    assert_checks_and_is_formatted(repo.path());

    let strict = repository();
    let out = apply(strict.path(), &["hostile.xlsx"], &["--all-or-nothing"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).1.contains("nothing was written"));
    assert!(changed_lines(strict.path()).is_empty());
}

#[test]
fn a_task_another_agency_leads_needs_any_lead() {
    let repo = repository();
    let out = apply(repo.path(), &["other-lead.xlsx"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out)
            .1
            .contains("task EJ-1.1.a is led by SWP, not SW: give --any-lead"),
        "{:?}",
        text(&out)
    );
    assert!(changed_lines(repo.path()).is_empty());
    // The row was pasted in: it has no fingerprint, so it is stale too.
    let out = apply(repo.path(), &["other-lead.xlsx"], &["--any-lead"]);
    assert_eq!(out.status.code(), Some(1), "{:?}", text(&out));
    assert!(
        text(&out)
            .1
            .contains("stale: the row for task EJ-1.1.a has no fingerprint")
    );
    let out = apply(
        repo.path(),
        &["other-lead.xlsx"],
        &["--any-lead", "--force"],
    );
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
    // A RAG alone is a review: an entry by the agency, from its sheet's row.
    assert_eq!(
        changed_lines(repo.path()),
        [
            "+rag = \"red\"",
            "+updated = 2012-12-03",
            "+",
            "+[[priority.action.task.update]]",
            "+date = 2012-12-03",
            "+rag = \"red\"",
            "+by = \"SW\"",
            "+sheet = \"11282ac7715492f6 row 4\""
        ]
    );
}

#[test]
fn a_task_changed_since_the_sheet_was_made_is_a_conflict() {
    let repo = repository();
    // A review given since (the coordinator's RAG) is no conflict ...
    let set = plan(repo.path(), &["set", "EJ-1.2.a", "--rag", "red"]);
    assert_eq!(set.status.code(), Some(0), "{:?}", text(&set));
    let out = apply(repo.path(), &["sw-libreoffice.xlsx"], &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
    // ... a target moved since is.
    let set = plan(repo.path(), &["set", "EJ-1.2.a", "--due", "2013-02-28"]);
    assert_eq!(set.status.code(), Some(0), "{:?}", text(&set));
    git_on(repo.path(), None, &["commit", "-qam", "set"]);
    let out = apply(repo.path(), &["sw-libreoffice.xlsx"], &[]);
    let stderr = text(&out).1;
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("conflict: task EJ-1.2.a changed since the sheet was made (sheet: due \"2013-01-15\", active; plan now: due \"2013-02-28\", active)"),
        "{stderr}"
    );
    assert!(changed_lines(repo.path()).is_empty());
    let out = apply(repo.path(), &["sw-libreoffice.xlsx"], &["--force"]);
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
    assert!(changed_lines(repo.path()).contains(&"+rag = \"green\"".to_string()));
}

#[test]
fn two_sheets_that_disagree_about_a_task_are_both_refused() {
    let repo = repository();
    let out = apply(repo.path(), &["swp-openpyxl.xlsx", "hostile.xlsx"], &[]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert_eq!(
        stderr.matches("sets task EJ-1.1.b differently").count(),
        2,
        "{stderr}"
    );
    assert!(!stdout.contains("EJ-1.1.b:"), "{stdout}");
    assert!(stdout.contains("EJ-1.1.a: rag amber"), "{stdout}");
}

#[test]
fn a_zip_bomb_and_a_huge_sheet_are_not_read_and_nothing_is_written() {
    let repo = repository();
    let out = apply(repo.path(), &["swp-openpyxl.xlsx", "zipbomb.xlsx"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).1.contains("zip bomb"), "{:?}", text(&out));
    assert!(changed_lines(repo.path()).is_empty());

    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("SWP.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, name) in ["Id", "New RAG", "Progress note", "Done on"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *name).unwrap();
    }
    for row in 1..=100_000u32 {
        sheet.write_string(row, 0, "EJ-1.1.a").unwrap();
        sheet.write_string(row, 1, "red").unwrap();
    }
    book.save(&huge).unwrap();
    let out = plan(repo.path(), &["apply", huge.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).1.contains("100000 rows below its header"),
        "{:?}",
        text(&out)
    );
    assert!(changed_lines(repo.path()).is_empty());
}

#[test]
fn requests_go_to_each_lead_with_a_sheet_and_a_draft() {
    let repo = repository();
    let out_dir = tempfile::tempdir().unwrap();
    let out = plan(
        repo.path(),
        &["requests", "-o", out_dir.path().to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
    let mut names: Vec<String> = fs::read_dir(out_dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "CC.eml", "CC.xlsx", "SW.eml", "SW.xlsx", "SWP.eml", "SWP.xlsx"
        ]
    );
    let eml = fs::read_to_string(out_dir.path().join("SWP.eml")).unwrap();
    assert!(eml.contains("X-Unsent: 1"));
    assert!(
        eml.contains("To: \"Inspector Jones\" <ppu@police.example>"),
        "{eml}"
    );
    assert!(eml.contains("filename=\"SWP.xlsx\""), "{eml}");
    parsed_by_python_email(
        &out_dir.path().join("SWP.eml"),
        &out_dir.path().join("SWP.xlsx"),
    );

    let md = tempfile::tempdir().unwrap();
    let out = plan(
        repo.path(),
        &[
            "requests",
            "--lead",
            "police",
            "--format",
            "markdown",
            "-o",
            md.path().to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
    let body = fs::read_to_string(md.path().join("SWP.md")).unwrap();
    assert!(body.starts_with("# Update Round Test Plan"), "{body}");
    assert!(body.contains("Dear Inspector Jones,"), "{body}");
    assert!(
        body.contains("## Overdue\n\n- **EJ-1.1.a** Specific job description"),
        "{body}"
    );
    assert!(
        body.contains("## Not reviewed lately\n\n- **EJ-1.1.b**"),
        "{body}"
    );
    assert!(body.contains("back by 2012-12-17"), "{body}");
}

#[test]
fn a_task_one_day_overdue_reads_1_day_in_the_message() {
    // EJ-1.1.a is due 2012-10-01: on the 2nd it is one day overdue.
    let repo = repository();
    let md = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .arg("--dir")
        .arg(repo.path())
        .args(["--as-of", "2012-10-02", "requests", "--lead", "SWP"])
        .args(["--format", "markdown", "-o"])
        .arg(md.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
    assert_eq!(
        text(&out).0.lines().next(),
        Some(&*format!("1 request written to {}", md.path().display()))
    );
    let body = fs::read_to_string(md.path().join("SWP.md")).unwrap();
    assert!(body.contains("due 2012-10-01, 1 day overdue"), "{body}");
    assert!(!body.contains(" 1 days"), "{body}");
}

#[test]
fn a_plan_that_uses_contacts_warns_of_a_lead_without_one() {
    let repo = repository();
    let plan_toml = repo.path().join("plan.toml");
    let text_before = fs::read_to_string(&plan_toml).unwrap();
    fs::write(
        &plan_toml,
        text_before.replace("email = \"partnerships@cardiff.example\"\n", ""),
    )
    .unwrap();
    let out = plan(repo.path(), &["check", "--format", "short"]);
    let stdout = text(&out).0;
    assert!(
        stdout.contains("warning[no-contact]: agency `CC` leads 1 open task but has no `email`"),
        "{stdout}"
    );
    // A plan with no email at all is not told about contacts.
    let none = text_before
        .lines()
        .filter(|l| !l.starts_with("email"))
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(&plan_toml, none + "\n").unwrap();
    let out = plan(repo.path(), &["check", "--format", "short"]);
    assert!(!text(&out).0.contains("no-contact"), "{:?}", text(&out));
}

#[test]
fn the_xlsx_export_writes_formulas_as_text() {
    let repo = repository();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    let out = plan(
        repo.path(),
        &["export", "--format", "xlsx", "-o", path.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Tasks", "EJ", "Agencies", "Recommendations"]
    );
    let formulas = book.worksheet_formula("Tasks").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    let tasks = book.worksheet_range("Tasks").unwrap();
    assert!(
        tasks
            .used_cells()
            .any(|(_, _, v)| v.to_string().starts_with("=HYPERLINK"))
    );
    let no_output = plan(repo.path(), &["export", "--format", "xlsx"]);
    assert_eq!(no_output.status.code(), Some(2));
}

#[test]
fn ids_and_rags_in_another_case_are_read_and_a_bare_csv_needs_force() {
    let repo = repository();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("SW.csv");
    fs::write(&csv, "Id,New RAG,Progress note,Done on\nej-1.2.A,GREEN,,\n").unwrap();
    // A file's name says nothing of whose it is: --agency does.
    let out = plan(repo.path(), &["apply", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{:?}", text(&out));
    assert!(text(&out).1.contains("give --agency ID"));
    // No fingerprint: whether the task moved since cannot be told, so the
    // row is refused as stale unless --force.
    let csv = csv.to_str().unwrap();
    let out = plan(repo.path(), &["apply", csv, "--agency", "SW"]);
    assert_eq!(out.status.code(), Some(1), "{:?}", text(&out));
    assert!(
        text(&out)
            .1
            .contains("stale: the row for task EJ-1.2.a has no fingerprint")
    );
    let out = plan(repo.path(), &["apply", csv, "--agency", "sw", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
    assert_eq!(
        changed_lines(repo.path()),
        [
            "-rag = \"amber\"",
            "+rag = \"green\"",
            "+updated = 2012-12-03",
            "+",
            "+[[priority.action.task.update]]",
            "+date = 2012-12-03",
            "+rag = \"green\"",
            "+by = \"SW\"",
            "+sheet = \"1ad49bc6e4b06986 row 2\""
        ]
    );
}

/// Python's `email` package (a real mail client's parser) reads the draft:
/// its headers, its text, and its attachment, byte for byte the sheet.
fn parsed_by_python_email(eml: &Path, sheet: &Path) {
    let script = r#"
import email, sys
from email import policy
message = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
assert message["X-Unsent"] == "1", message["X-Unsent"]
assert "ppu@police.example" in str(message["To"]), message["To"]
body = message.get_body(preferencelist=("plain",)).get_content()
assert "Dear Inspector Jones" in body, body
parts = [p for p in message.iter_attachments()]
assert len(parts) == 1, len(parts)
assert parts[0].get_filename() == "SWP.xlsx", parts[0].get_filename()
assert parts[0].get_content() == open(sys.argv[2], "rb").read()
print("ok")
"#;
    let Ok(out) = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(eml)
        .arg(sheet)
        .output()
    else {
        return common::skip("parsed_by_python_email", "python3");
    };
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "ok",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A sheet `plan requests` wrote, filled by openpyxl in the 1904 date
/// system (as Excel for Mac once saved by default): the done date is the
/// day typed, not four years and a day earlier.
#[test]
fn a_1904_date_return_filled_by_openpyxl_records_the_right_day() {
    let repo = repository();
    let sent = tempfile::tempdir().unwrap();
    let out = plan(
        repo.path(),
        &["requests", "-o", sent.path().to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{:?}", text(&out));
    let script = r#"
import datetime, sys
import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
wb = openpyxl.load_workbook(sys.argv[1])
wb.epoch = CALENDAR_MAC_1904
ws = wb["Return"]
header = [c.value for c in ws[1]]
col = {name: i + 1 for i, name in enumerate(header)}
row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, col["Id"]).value == "EJ-1.1.a")
ws.cell(row, col["Done on"]).value = datetime.date(2012, 12, 3)
wb.save(sys.argv[2])
print("ok")
"#;
    let filled = sent.path().join("filled").join("SWP.xlsx");
    fs::create_dir(filled.parent().unwrap()).unwrap();
    if !common::python_has(&["openpyxl"]) {
        return common::skip("a 1904-date return sheet", "Python's openpyxl");
    }
    let ran = Command::new("python3")
        .args(["-c", script])
        .arg(sent.path().join("SWP.xlsx"))
        .arg(&filled)
        .output()
        .unwrap();
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&ran.stdout).trim(), "ok");
    let out = plan(repo.path(), &["apply", filled.to_str().unwrap()]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("EJ-1.1.a: rag blue, done 2012-12-03"),
        "{stdout}"
    );
    let card = fs::read_to_string(repo.path().join("card.toml")).unwrap();
    assert!(card.contains("done = 2012-12-03"), "{card}");
}
