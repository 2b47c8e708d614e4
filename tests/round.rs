//! The update round on a real partnership (issue 22): every review counts,
//! the same sheet applied twice changes nothing while the next round's
//! sheet with the same words is a new review, co-leads report side by side,
//! and a back-dated entry never moves the last review backwards. The sheets
//! are those `plan requests` writes, filled with openpyxl and re-saved by
//! LibreOffice (skipped, loudly, where either is missing).

mod common;

use common::{copy_dir, git_on, ok};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A git repository holding a copy of the partners' fixture plan.
fn repository() -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/apply/plan");
    copy_dir(&fixture, repo.path());
    git_on(repo.path(), None, &["init", "-q"]);
    git_on(repo.path(), None, &["add", "-A"]);
    git_on(repo.path(), None, &["commit", "-qm", "plan"]);
    repo
}

fn plan(repo: &Path, as_of: &str, args: &[&str]) -> Output {
    common::plan_at(repo, as_of, args)
}

fn card(repo: &Path) -> String {
    fs::read_to_string(repo.join("card.toml")).unwrap()
}

fn checks_and_is_formatted(repo: &Path) {
    ok(&plan(repo, "2013-03-31", &["check"]));
    ok(&plan(repo, "2013-03-31", &["fmt", "--check"]));
}

/// The request sheets of a round made on `as_of`, in `dir`.
fn requests(repo: &Path, as_of: &str, dir: &Path) {
    ok(&plan(
        repo,
        as_of,
        &["requests", "-o", dir.to_str().unwrap()],
    ));
}

const FILL: &str = r#"
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Return"]
header = [c.value for c in ws[1]]
col = {name: i + 1 for i, name in enumerate(header)}
rows = {ws.cell(r, col["Id"]).value: r for r in range(2, ws.max_row + 1)}
for task, rag, note in json.loads(sys.argv[3]):
    ws.cell(rows[task], col["New RAG"]).value = rag
    ws.cell(rows[task], col["Progress note"]).value = note
wb.save(sys.argv[2])
print("ok")
"#;

/// The sheet `sent` filled as a partner would, with openpyxl, then opened
/// and saved again by LibreOffice; `None` (said on stderr) without them.
fn filled(sent: &Path, rows: &[(&str, Option<&str>, Option<&str>)]) -> Option<PathBuf> {
    let work = sent.parent().unwrap().join("filled");
    fs::create_dir_all(&work).unwrap();
    let name = sent.file_name().unwrap();
    let out = work.join(name);
    let rows = serde_json::to_string(rows).unwrap();
    if !common::python_has(&["openpyxl"]) {
        common::skip("a return sheet filled by openpyxl", "Python's openpyxl");
        return None;
    }
    let python = Command::new("python3")
        .args(["-c", FILL])
        .arg(sent)
        .arg(&out)
        .arg(rows)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&python.stdout).trim(),
        "ok",
        "{}",
        String::from_utf8_lossy(&python.stderr)
    );
    common::resaved_by_libreoffice("a return sheet re-saved by LibreOffice", &work, &out)
}

fn apply(repo: &Path, on: &str, files: &[&Path]) -> String {
    let mut args = vec!["apply".to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    args.extend(["--on".to_string(), on.to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(&plan(repo, on, &args))
}

#[test]
fn a_review_that_repeats_the_rag_and_the_words_counts_once_per_round() {
    let repo = repository();
    let work = tempfile::tempdir().unwrap();
    let round1 = work.path().join("round1");
    requests(repo.path(), "2012-12-01", &round1);
    // The same RAG and the same words as the task's note, and a "No change".
    let rows = [
        (
            "EJ-1.1.b",
            Some("green"),
            Some("Sergeants in Roath briefed"),
        ),
        ("EJ-1.1.a", Some("No change"), None),
    ];
    let Some(sheet) = filled(&round1.join("SWP.xlsx"), &rows) else {
        return;
    };
    let out = apply(repo.path(), "2012-12-03", &[&sheet]);
    assert!(out.contains("2 tasks changed"), "{out}");
    let text = card(repo.path());
    assert!(
        text.contains("rag = \"green\"\nupdated = 2012-12-03"),
        "{text}"
    );
    assert_eq!(text.matches("by = \"SWP\"").count(), 2, "{text}");
    checks_and_is_formatted(repo.path());
    let show = ok(&plan(
        repo.path(),
        "2012-12-03",
        &["tasks", "--format", "json"],
    ));
    assert!(!show.contains("\"stale\""), "{show}");
    // The accountability score counts both reviews (two of its three tasks).
    let agencies = ok(&plan(
        repo.path(),
        "2012-12-03",
        &["agencies", "--format", "json"],
    ));
    let swp = &agencies[..agencies.find("\"SW\"").unwrap()];
    assert!(swp.contains("\"reviewed_share\": 66.7"), "{swp}");
    assert!(swp.contains("\"days_since_update\": 0"), "{swp}");

    // The same sheet again: nothing changes.
    let before = card(repo.path());
    let out = apply(repo.path(), "2012-12-10", &[&sheet]);
    assert!(
        out.contains("0 tasks changed, 2 rows already applied"),
        "{out}"
    );
    assert_eq!(card(repo.path()), before);

    // The next round's sheet with last quarter's words: a new review.
    let round2 = work.path().join("round2");
    requests(repo.path(), "2013-03-01", &round2);
    let Some(sheet) = filled(&round2.join("SWP.xlsx"), &rows[..1]) else {
        return;
    };
    let out = apply(repo.path(), "2013-03-04", &[&sheet]);
    assert!(out.contains("1 task changed"), "{out}");
    let text = card(repo.path());
    assert!(
        text.contains("rag = \"green\"\nupdated = 2013-03-04"),
        "{text}"
    );
    assert_eq!(
        text.matches("note = \"Sergeants in Roath briefed\"")
            .count(),
        3
    );
    checks_and_is_formatted(repo.path());
}

#[test]
fn a_return_applied_before_entries_kept_their_sheet_is_not_doubled() {
    let repo = repository();
    let work = tempfile::tempdir().unwrap();
    let round = work.path().join("round");
    requests(repo.path(), "2012-12-01", &round);
    let rows = [(
        "EJ-1.1.b",
        Some("amber"),
        Some("Half the sergeants briefed"),
    )];
    let Some(sheet) = filled(&round.join("SWP.xlsx"), &rows) else {
        return;
    };
    let out = apply(repo.path(), "2012-12-03", &[&sheet]);
    assert!(out.contains("1 task changed"), "{out}");
    // The entry's sheet is in the JSON of `plan show`.
    let show = ok(&plan(
        repo.path(),
        "2012-12-03",
        &["show", "EJ-1.1.b", "--format", "json"],
    ));
    let task: serde_json::Value = serde_json::from_str(&show).unwrap();
    let recorded = task["updates"][0]["sheet"].as_str().unwrap().to_string();
    assert!(recorded.contains(" row "), "{show}");
    assert_eq!(task["updates"][0]["by"], "SWP", "{show}");

    // As a `plan` from before `sheet` wrote it: the same entry, no `sheet`.
    let old = card(repo.path()).replace(&format!("sheet = \"{recorded}\"\n"), "");
    assert!(!old.contains("sheet ="), "{old}");
    fs::write(repo.path().join("card.toml"), &old).unwrap();
    checks_and_is_formatted(repo.path());
    let out = apply(repo.path(), "2012-12-03", &[&sheet]);
    assert!(
        out.contains("0 tasks changed, 1 row already applied"),
        "{out}"
    );
    assert_eq!(card(repo.path()), old);
}

#[test]
fn co_leads_report_side_by_side_and_the_worse_rag_stands() {
    let repo = repository();
    let work = tempfile::tempdir().unwrap();
    let round = work.path().join("round");
    requests(repo.path(), "2012-12-01", &round);
    let police = [("EJ-1.2.b", Some("green"), Some("Log shared with SW"))];
    let charity = [(
        "EJ-1.2.b",
        Some("amber"),
        Some("Two months of the log missing"),
    )];
    let (Some(swp), Some(sw)) = (
        filled(&round.join("SWP.xlsx"), &police),
        filled(&round.join("SW.xlsx"), &charity),
    ) else {
        return;
    };
    // One after the other: the second is no conflict.
    apply(repo.path(), "2012-12-03", &[&swp]);
    let out = apply(repo.path(), "2012-12-03", &[&sw]);
    assert!(out.contains("EJ-1.2.b: rag amber, note"), "{out}");
    let text = card(repo.path());
    assert!(text.contains("by = \"SWP\""), "{text}");
    assert!(text.contains("by = \"SW\""), "{text}");
    assert!(text.contains("due = 2013-03-31\nrag = \"amber\""), "{text}");
    checks_and_is_formatted(repo.path());
    let show = ok(&plan(repo.path(), "2012-12-03", &["show", "EJ-1.2.b"]));
    // Its Note: each co-lead's latest word, newest first.
    assert!(
        show.contains("SW: Two months of the log missing")
            && show.contains("SWP: Log shared with SW"),
        "{show}"
    );
    let report = ok(&plan(repo.path(), "2012-12-31", &["report"]));
    assert!(
        report.contains("SW: Two months of the log missing")
            && report.contains("SWP: Log shared with SW"),
        "{report}"
    );

    // Both at once, the other way round: the same outcome.
    let repo = repository();
    apply(repo.path(), "2012-12-03", &[&sw, &swp]);
    let again = card(repo.path());
    assert!(
        again.contains("due = 2013-03-31\nrag = \"amber\""),
        "{again}"
    );
    assert!(again.contains("by = \"SWP\"") && again.contains("by = \"SW\""));
}

#[test]
fn a_back_dated_note_never_moves_the_last_review_backwards() {
    let repo = repository();
    let set = |as_of: &str, note: &str| {
        ok(&plan(
            repo.path(),
            as_of,
            &["set", "EJ-1.1.b", "--note", note, "--rag", "amber"],
        ))
    };
    set("2012-12-03", "All briefed but two");
    set("2012-11-20", "Written up late: the November briefing");
    let text = card(repo.path());
    assert!(
        text.contains("rag = \"amber\"\nupdated = 2012-12-03"),
        "{text}"
    );
    let late = text.find("the November briefing").unwrap();
    let latest = text.find("All briefed but two").unwrap();
    assert!(late < latest, "in date order: {text}");
    checks_and_is_formatted(repo.path());
    let show = ok(&plan(repo.path(), "2012-12-03", &["show", "EJ-1.1.b"]));
    assert!(show.contains("All briefed but two"), "{show}");
}

#[test]
fn one_agency_returning_the_same_request_twice_differently_is_a_conflict() {
    let repo = repository();
    let work = tempfile::tempdir().unwrap();
    let round = work.path().join("round");
    requests(repo.path(), "2012-12-01", &round);
    let first = [("EJ-1.2.a", Some("green"), Some("Evenings back on"))];
    let Some(sheet) = filled(&round.join("SW.xlsx"), &first) else {
        return;
    };
    apply(repo.path(), "2012-12-03", &[&sheet]);
    let second = [("EJ-1.2.a", Some("red"), Some("Evenings stopped again"))];
    let Some(sheet) = filled(&round.join("SW.xlsx"), &second) else {
        return;
    };
    let before = card(repo.path());
    let out = plan(
        repo.path(),
        "2012-12-05",
        &["apply", sheet.to_str().unwrap(), "--on", "2012-12-05"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("conflict: SW returned this sheet before with other values for task EJ-1.2.a (the entry of 2012-12-03)"),
        "{stderr}"
    );
    assert_eq!(card(repo.path()), before);
}

#[test]
fn an_imported_progress_note_stays_in_view_after_later_notes() {
    let work = tempfile::tempdir().unwrap();
    let source = work.path().join("plan.csv");
    fs::write(
        &source,
        "Task,Lead,Due,Progress to date\nBrief every sergeant,South Wales Police,Dec 2012,Sergeants in Roath briefed\n",
    )
    .unwrap();
    let out = work.path().join("out");
    imported(&source, &out, "2012-12-01");
    ok(&plan(
        &out,
        "2012-12-05",
        &["set", "P-1.1.a", "--note", "All briefed"],
    ));
    let show = ok(&plan(&out, "2012-12-05", &["show", "P-1.1.a"]));
    assert!(
        show.contains("2012-12-01 (SWP): Progress to date: Sergeants in Roath briefed"),
        "{show}"
    );
    assert!(show.contains("2012-12-05: All briefed"), "{show}");
    ok(&plan(&out, "2012-12-05", &["fmt", "--check"]));

    // A "Last updated" column dates the note.
    fs::write(
        &source,
        "Task,Lead,Due,Progress to date,Last updated\nBrief every sergeant,South Wales Police,Dec 2012,Sergeants in Roath briefed,2012-12-03\n",
    )
    .unwrap();
    let dated = work.path().join("dated");
    imported(&source, &dated, "2012-12-10");
    let show = ok(&plan(&dated, "2012-12-10", &["show", "P-1.1.a"]));
    assert!(show.contains("Last review ┆ 2012-12-03"), "{show}");
    ok(&plan(&dated, "2012-12-10", &["check"]));
}

#[test]
fn an_imported_progress_note_is_by_the_lead_where_the_source_says_so() {
    let work = tempfile::tempdir().unwrap();
    let source = work.path().join("plan.csv");
    fs::write(
        &source,
        "Task,Lead,Due,Progress to date\n\
         Brief every sergeant,South Wales Police,Dec 2012,Sergeants in Roath briefed\n\
         Joint patrols,South Wales Police; Cardiff Council,Mar 2013,Police: 12 joint patrols\n\
         Outreach evenings,South Wales Police; Cardiff Council,Jan 2013,Both partners met\n\
         Find a venue,TBC,Jan 2013,Asked the library\n",
    )
    .unwrap();
    let out = work.path().join("out");
    imported(&source, &out, "2012-12-01");
    let by = |id: &str| {
        let show = ok(&plan(&out, "2012-12-01", &["show", id, "--format", "json"]));
        let task: serde_json::Value = serde_json::from_str(&show).unwrap();
        assert_eq!(task["updates"].as_array().unwrap().len(), 1, "{show}");
        task["updates"][0]["by"].clone()
    };
    // One lead: the note is its word.
    assert_eq!(by("P-1.1.a"), "SWP");
    // Two leads, and the note says who wrote it.
    assert_eq!(by("P-1.2.a"), "SWP");
    // Two leads, and it does not say: nobody's.
    assert_eq!(by("P-1.3.a"), serde_json::Value::Null);
    // No lead yet.
    assert_eq!(by("P-1.4.a"), serde_json::Value::Null);
    let show = ok(&plan(&out, "2012-12-01", &["show", "P-1.2.a"]));
    assert!(
        show.contains("2012-12-01 (SWP): Progress to date: Police: 12 joint patrols"),
        "{show}"
    );
    ok(&plan(&out, "2012-12-01", &["fmt", "--check"]));
}

#[test]
fn a_note_written_by_hand_beside_entries_is_shown() {
    let repo = repository();
    let text = card(repo.path()).replace(
        "updated = 2012-05-01\nnote = \"Sergeants in Roath briefed\"\n",
        "updated = 2012-05-01\nnote = \"Sergeants in Roath briefed\"\n\n\
         [[priority.action.task.update]]\ndate = 2012-11-01\nnote = \"Cathays briefed\"\n",
    );
    fs::write(repo.path().join("card.toml"), text).unwrap();
    let show = ok(&plan(repo.path(), "2012-12-03", &["show", "EJ-1.1.b"]));
    assert!(show.contains("Cathays briefed"), "{show}");
    assert!(show.contains("Sergeants in Roath briefed"), "{show}");
}

#[test]
fn the_same_target_again_changes_nothing_and_a_correction_is_no_slip() {
    let repo = repository();
    let before = card(repo.path());
    for _ in 0..3 {
        let out = ok(&plan(
            repo.path(),
            "2012-12-03",
            &["set", "EJ-1.1.a", "--due", "2012-10-01"],
        ));
        assert!(out.contains("nothing changed"), "{out}");
    }
    assert_eq!(card(repo.path()), before);

    // A target misread as October (it was agreed for December): corrected.
    ok(&plan(
        repo.path(),
        "2012-12-03",
        &["set", "EJ-1.1.a", "--due", "2012-12-10", "--correct"],
    ));
    let text = card(repo.path());
    assert!(text.contains("due = 2012-12-10 # agreed at the March forum"));
    assert!(!text.contains("original_due") && !text.contains("due_revisions"));
    assert!(
        text.contains(
            "Target corrected from \"2012-10-01\" to \"2012-12-10\": a misreading, not a revision"
        ),
        "{text}"
    );
    checks_and_is_formatted(repo.path());
    let show = ok(&plan(repo.path(), "2012-12-03", &["show", "EJ-1.1.a"]));
    assert!(
        !show.contains("slipped") && !show.contains("revised"),
        "{show}"
    );
    let check = ok(&plan(repo.path(), "2012-12-03", &["check"]));
    assert!(!check.contains("many-revisions"), "{check}");
}

#[test]
fn a_correction_is_shown_but_is_no_review() {
    let repo = repository();
    let as_of = "2013-03-20";
    // EJ-1.1.b was last reviewed on 2012-05-01: stale, and SWP is quiet.
    let quiet = |repo: &Path| {
        let show = ok(&plan(
            repo,
            as_of,
            &["show", "EJ-1.1.b", "--format", "json"],
        ));
        let task: serde_json::Value = serde_json::from_str(&show).unwrap();
        assert_eq!(task["state"], "stale", "{show}");
        assert_eq!(task["updated"], "2012-05-01", "{show}");
        assert_eq!(task["note"], "Sergeants in Roath briefed", "{show}");
        assert_eq!(task["rag"], "green", "{show}");
        let agencies = ok(&plan(repo, as_of, &["agencies", "--format", "json"]));
        let swp = &agencies[..agencies.find("\"SW\"").unwrap()];
        assert!(swp.contains("\"reviewed_share\": 0"), "{swp}");
        assert!(swp.contains("\"noted_share\": 0"), "{swp}");
        assert!(swp.contains("\"days_since_update\": 323"), "{swp}");
        let report = ok(&plan(repo, as_of, &["report"]));
        let quiet = &report[report.find("## Not updated this quarter").unwrap()..];
        assert!(
            quiet.contains("| SWP South Wales Police | 11 | 323 |"),
            "{quiet}"
        );
        task
    };
    quiet(repo.path());
    let out = ok(&plan(
        repo.path(),
        as_of,
        &[
            "set",
            "EJ-1.1.b",
            "--due",
            "Summer 2012 and ongoing",
            "--correct",
        ],
    ));
    assert!(!out.contains("updated"), "{out}");
    let text = card(repo.path());
    assert!(
        text.contains("rag = \"green\"\nupdated = 2012-05-01\n"),
        "{text}"
    );
    assert!(
        text.contains("date = 2013-03-20\nkind = \"correction\"\nnote = "),
        "{text}"
    );
    checks_and_is_formatted(repo.path());
    // Still stale, still quiet, its note and last review as they were ...
    let task = quiet(repo.path());
    // ... and the correction is there for the board to see, as one.
    assert_eq!(task["updates"][0]["kind"], "correction");
    assert_eq!(
        task["updates"][0]["note"],
        "Target corrected from \"Summer 2012 & On-going\" to \"Summer 2012 and ongoing\": a misreading, not a revision"
    );
    assert_eq!(task["updates"][1]["kind"], "review");
    let show = ok(&plan(repo.path(), as_of, &["show", "EJ-1.1.b"]));
    assert!(
        show.contains("2013-03-20 correction: Target corrected"),
        "{show}"
    );

    // An overdue task's correction reaches the Highlight Report's table.
    ok(&plan(
        repo.path(),
        as_of,
        &["set", "EJ-1.1.a", "--due", "2012-12-10", "--correct"],
    ));
    let report = ok(&plan(repo.path(), as_of, &["report"]));
    assert!(
        report.contains("| EJ-1.1.a | Specific job description and named dedicated officers; Target corrected from \"2012-10-01\" to \"2012-12-10\": a misreading, not a revision (2013-03-20) | SWP |"),
        "{report}"
    );
    let show = ok(&plan(
        repo.path(),
        as_of,
        &["show", "EJ-1.1.a", "--format", "json"],
    ));
    let task: serde_json::Value = serde_json::from_str(&show).unwrap();
    assert_eq!(task["updated"], serde_json::Value::Null, "{show}");
    assert_eq!(task["note"], serde_json::Value::Null, "{show}");

    // A kind that is none is a finding at its place.
    let text = card(repo.path()).replace("kind = \"correction\"", "kind = \"erratum\"");
    fs::write(repo.path().join("card.toml"), text).unwrap();
    let check = plan(repo.path(), as_of, &["check"]);
    let said = String::from_utf8_lossy(&check.stdout).into_owned()
        + &String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(1), "{said}");
    assert!(
        said.contains("`erratum` is not a kind of update entry: review or correction"),
        "{said}"
    );
    assert!(said.contains("card.toml:"), "{said}");
}

/// `filled` converted by LibreOffice to `filter` (`ods`, `xls`, `csv:...`), named `name`.
fn converted(sheet: &Path, filter: &str, name: &str) -> PathBuf {
    let dir = sheet.parent().unwrap().join(name.replace('.', "_"));
    let profile = sheet.parent().unwrap().join("profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", filter, "--outdir"])
        .arg(&dir)
        .arg(sheet)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let made = fs::read_dir(&dir).unwrap().next().unwrap().unwrap().path();
    let named = dir.join(name);
    fs::rename(made, &named).unwrap();
    named
}

#[test]
fn returns_in_the_formats_partners_send_are_read() {
    let work = tempfile::tempdir().unwrap();
    let round = work.path().join("round");
    requests(repository().path(), "2012-12-01", &round);
    let rows = [("EJ-1.2.a", Some("red"), Some("Café closed – no evenings"))];
    let Some(sheet) = filled(&round.join("SW.xlsx"), &rows) else {
        return;
    };
    let forms = [
        ("ods", "SW.ods"),
        ("xls", "SW.xls"),
        // Excel's "CSV (Comma delimited)": Windows-1252; and semicolons.
        ("csv:Text - txt - csv (StarCalc):44,34,1", "SW.csv"),
        ("csv:Text - txt - csv (StarCalc):59,34,76", "SW-Return.csv"),
    ];
    for (filter, name) in forms {
        let file = converted(&sheet, filter, name);
        let repo = repository();
        let out = if name.ends_with(".csv") {
            // A CSV carries no signature: the coordinator says whose it is.
            let file = file.to_str().unwrap();
            let args = ["apply", file, "--on", "2012-12-03", "--agency", "SW"];
            ok(&plan(repo.path(), "2012-12-03", &args))
        } else {
            apply(repo.path(), "2012-12-03", &[&file])
        };
        assert!(out.contains("EJ-1.2.a: rag red, note"), "{name}: {out}");
        assert!(
            card(repo.path()).contains("note = \"Café closed – no evenings\""),
            "{name}"
        );
    }
    let repo = repository();
    let pdf = work.path().join("SW.pdf");
    fs::write(&pdf, b"%PDF-1.4\n\x00\x01binary").unwrap();
    let out = plan(repo.path(), "2012-12-03", &["apply", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("save it as Excel Workbook (.xlsx) or CSV UTF-8, and apply that"),
        "{out:?}"
    );
}

const HEADERS: &str = r#"
import email, sys
from email import policy
message = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
to = message["To"].addresses
assert [(a.display_name, a.addr_spec) for a in to] == [("Safer Wales", "info@saferwales.example")], to
sender = message["From"].addresses
assert [(a.display_name, a.addr_spec) for a in sender] == [("Forum", "forum@cardiff.example")], sender
body = message.get_body(preferencelist=("plain",)).get_content()
assert "1 day overdue" in body and "1 days" not in body, body
print("ok")
"#;

#[test]
fn addresses_with_names_make_headers_a_mail_program_reads() {
    let repo = repository();
    let path = repo.path().join("plan.toml");
    let text = fs::read_to_string(&path).unwrap().replace(
        "email = \"info@saferwales.example\"",
        "email = \"Safer Wales <info@saferwales.example>\"",
    );
    fs::write(&path, text).unwrap();
    let card_text = card(repo.path()).replace("due = 2013-01-15", "due = 2012-10-01");
    fs::write(repo.path().join("card.toml"), card_text).unwrap();
    let check = ok(&plan(repo.path(), "2012-10-02", &["check"]));
    assert!(!check.contains("bad-email"), "{check}");
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("sent");
    let args = ["requests", "--from", "Forum <forum@cardiff.example>", "-o"];
    let mut args: Vec<&str> = args.to_vec();
    args.push(out.to_str().unwrap());
    ok(&plan(repo.path(), "2012-10-02", &args));
    let Ok(python) = Command::new("python3")
        .args(["-c", HEADERS])
        .arg(out.join("SW.eml"))
        .output()
    else {
        return common::skip("the draft's headers read by Python's email", "python3");
    };
    assert_eq!(
        String::from_utf8_lossy(&python.stdout).trim(),
        "ok",
        "{}",
        String::from_utf8_lossy(&python.stderr)
    );
    let bad = plan(
        repo.path(),
        "2012-10-02",
        &[
            "requests",
            "--from",
            "Forum forum@cardiff.example",
            "-o",
            "x",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not an e-mail address"));
}

#[test]
fn a_task_reads_its_rag_note_and_last_review_from_its_latest_entries() {
    let repo = repository();
    // Entries written by hand, out of order, newer than the task's own keys.
    let text = card(repo.path()).replace(
        "updated = 2012-05-01\nnote = \"Sergeants in Roath briefed\"\n",
        "updated = 2012-05-01\n\n\
         [[priority.action.task.update]]\ndate = 2012-11-20\nrag = \"red\"\nnote = \"Two sergeants on leave\"\nby = \"SWP\"\n\n\
         [[priority.action.task.update]]\ndate = 2012-09-01\nrag = \"green\"\nnote = \"Roath briefed\"\n",
    );
    fs::write(repo.path().join("card.toml"), text).unwrap();
    let show = ok(&plan(repo.path(), "2012-12-03", &["show", "EJ-1.1.b"]));
    let row = |name: &str| {
        show.lines()
            .find(|l| l.contains(&format!("│ {name} ")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(row("RAG").contains("red"), "{show}");
    assert!(row("Last review").contains("2012-11-20"), "{show}");
    assert!(row("Note").contains("Two sergeants on leave"), "{show}");
}

/// `plan import SOURCE --out OUT` as of `as_of`, which must succeed.
fn imported(source: &Path, out: &Path, as_of: &str) {
    let import = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--as-of", as_of, "import"])
        .arg(source)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    ok(&import);
}
