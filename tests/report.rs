//! The quarterly Highlight Report and the exports: true to the plan, safe
//! with hostile text, self-contained, and readable by a browser, a calendar
//! and a spreadsheet.

mod common;

use common::{browser, copy_dir, git_on, headless, inked};
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn plan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("PLAN_DIR")
        .output()
        .unwrap()
}

fn stdout(out: Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const EXAMPLE: &[&str] = &[
    "--dir",
    "examples/quarterly",
    "--as-of",
    "2013-03-31",
    "report",
    "--quarter",
    "Q4 2012-13",
];

#[test]
fn the_example_report_in_examples_is_what_plan_prints() {
    let printed = stdout(plan(EXAMPLE));
    let kept = fs::read_to_string("examples/quarterly-report-Q4-2012-13.md").unwrap();
    assert_eq!(
        printed,
        kept,
        "regenerate it with: plan {}",
        EXAMPLE.join(" ")
    );
    // What the board reads in it.
    assert!(printed.contains("- **Completed this quarter:** 1"));
    assert!(
        printed
            .contains("| SS-2.1.c | Survey residents' confidence before and after | NP, NC | 31 |")
    );
    assert!(
        printed.contains(
            "| SS-1.1.c | Apply for a dispersal order for the bus station | NP | **red** |"
        )
    );
    assert!(printed.contains(
        "M1 Reports of anti-social behaviour in the town centre (lower is better): █▆▄▁"
    ));
}

fn html_report(dir: &Path) -> String {
    let file = tempfile::NamedTempFile::new().unwrap();
    let path = file.path().to_str().unwrap();
    let mut args = vec![
        "--dir",
        dir.to_str().unwrap(),
        "--as-of",
        "2013-03-31",
        "report",
        "--quarter",
        "Q4 2012-13",
    ];
    args.extend(["--format", "html", "-o", path]);
    assert_eq!(stdout(plan(&args)), "");
    fs::read_to_string(file.path()).unwrap()
}

#[test]
fn the_html_report_is_one_self_contained_file() {
    let html = html_report(Path::new("examples/quarterly"));
    assert!(html.starts_with("<!DOCTYPE html>"));
    // A chart for every measure.
    assert_eq!(html.matches("<svg ").count(), 3);
    // Nothing fetched, nothing run.
    for banned in [
        "://", "<script", "src=", "href=", "url(", "@import", "<link", "<iframe",
    ] {
        assert!(!html.contains(banned), "the report holds `{banned}`");
    }
    assert!(html.contains("@page { size: A4"));
}

/// A copy of the example whose texts try to break out of the HTML.
fn hostile_plan() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new("examples/quarterly"), dir.path());
    let card = dir.path().join("cards/safer-streets.toml");
    let text = fs::read_to_string(&card)
        .unwrap()
        .replace(
            "title = \"Safer Streets\"",
            "title = \"Safer <script>alert(1)</script> Streets\"",
        )
        .replace(
            "note = \"Refused by the magistrates in January; re-applying with new evidence\"",
            "note = \"\\\"><img src=x onerror=alert(1)> and <b>bold</b> & more\"",
        );
    fs::write(&card, text).unwrap();
    dir
}

#[test]
fn every_piece_of_plan_text_is_escaped() {
    let dir = hostile_plan();
    let html = html_report(dir.path());
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("<b>bold</b>"));
    assert!(html.contains("Safer &lt;script&gt;alert(1)&lt;/script&gt; Streets"));
    assert!(html.contains(
        "&quot;&gt;&lt;img src=x onerror=alert(1)&gt; and &lt;b&gt;bold&lt;/b&gt; &amp; more"
    ));
    let markdown = stdout(plan(&[
        "--dir",
        dir.path().to_str().unwrap(),
        "--as-of",
        "2013-03-31",
        "report",
    ]));
    assert!(!markdown.contains("<script>") && !markdown.contains("<img"));
}

#[test]
fn a_browser_renders_the_html_report() {
    let Some(browser) = browser() else {
        return common::skip("a_browser_renders_the_html_report", "chromium");
    };
    let work = tempfile::tempdir().unwrap();
    let page = work.path().join("report.html");
    fs::write(&page, html_report(Path::new("examples/quarterly"))).unwrap();
    let shot = work.path().join("report.png");
    let status = headless(&browser, &work.path().join("profile"))
        .arg("--window-size=1000,1400")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let (share, red) = inked(&shot);
    // Text, tables and charts: a page, not a blank.
    assert!(
        share > 0.02,
        "only {:.2}% of the page is inked",
        share * 100.0
    );
    // The report's colours are there: the red RAG badge (#c0392b).
    assert!(red, "no red badge");
}

#[test]
fn the_bundled_report_for_q3_is_true_to_the_plan() {
    let report = stdout(plan(&["report", "--quarter", "Q3 2012-13"]));
    // As of the quarter's last day: every task overdue with a deadline in the quarter appears.
    let tasks: serde_json::Value = serde_json::from_str(&stdout(plan(&[
        "--as-of",
        "2012-12-31",
        "tasks",
        "--state",
        "overdue",
        "--format",
        "json",
    ])))
    .unwrap();
    let in_quarter: Vec<&str> = tasks
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| {
            t["deadline"]
                .as_str()
                .is_some_and(|d| ("2012-10-01"..="2012-12-31").contains(&d))
        })
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert!(in_quarter.len() >= 5, "{in_quarter:?}");
    for id in &in_quarter {
        assert!(report.contains(&format!("| {id} |")), "{id} missing");
    }
    assert!(report.contains(&format!(
        "- **Became overdue this quarter:** {}",
        in_quarter.len()
    )));
    // The counts agree with `plan rag`.
    let rag: serde_json::Value = serde_json::from_str(&stdout(plan(&[
        "--as-of",
        "2012-12-31",
        "rag",
        "--format",
        "json",
    ])))
    .unwrap();
    let total: i64 = rag
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["total"].as_i64().unwrap())
        .sum();
    let unrated: i64 = rag
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["not_rated"].as_i64().unwrap())
        .sum();
    assert!(report.contains(&format!("- **Tasks:** {total}")));
    assert!(report.contains(&format!("| 0 | 0 | 0 | 0 | {unrated} | {total} |")));
    assert!(report.contains(
        "Recommendations: 13 in all, 12 accepted (or partially), 7 of them with actions"
    ));
}

#[test]
fn the_calendar_parses_and_has_an_entry_per_open_task_with_a_deadline() {
    let ics = stdout(plan(&[
        "--as-of",
        "2012-12-01",
        "export",
        "--format",
        "ics",
    ]));
    let calendar: icalendar::Calendar = ics.parse().expect("a calendar a parser reads");
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            icalendar::CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    let json: serde_json::Value = serde_json::from_str(&stdout(plan(&[
        "--as-of",
        "2012-12-01",
        "tasks",
        "--format",
        "json",
    ])))
    .unwrap();
    let expected = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| !t["deadline"].is_null() && t["state"] != "done")
        .count();
    assert_eq!(events.len(), expected);
    use icalendar::Component;
    let first = events
        .iter()
        .find(|e| {
            e.get_uid() == Some("EJ-1.1.a@street-sex-work-report-card-action-plan-2012-2013.plan")
        })
        .unwrap();
    assert!(
        first
            .get_summary()
            .unwrap()
            .starts_with("EJ-1.1.a: Regular meetings")
    );
    assert_eq!(
        first.get_start(),
        Some(icalendar::DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2012, 8, 31).unwrap()
        ))
    );
    assert!(first.get_description().unwrap().contains("Leads: SL, NE"));
    // The same plan gives the same file: UIDs are stable.
    assert_eq!(
        ics,
        stdout(plan(&[
            "--as-of",
            "2012-12-01",
            "export",
            "--format",
            "ics"
        ]))
    );
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    let dir = hostile_plan();
    let card = dir.path().join("cards/young-people.toml");
    let text = fs::read_to_string(&card).unwrap().replace(
        "note = \"Delivered in all five schools\"",
        "note = \"=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")\"",
    );
    let text = text.replace(
        "text = \"Summer holiday programme\"",
        "text = \"@SUM(1+1)\"",
    );
    let text = text.replace(
        "text = \"Friday night football on the estates\"",
        "text = \"-2+3\"",
    );
    fs::write(&card, text).unwrap();
    let csv = stdout(plan(&[
        "--dir",
        dir.path().to_str().unwrap(),
        "export",
        "--format",
        "csv",
    ]));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 15);
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} would run as a formula"
            );
        }
    }
    assert!(csv.contains("'=HYPERLINK("));
    assert!(csv.contains("'@SUM(1+1)") && csv.contains("'-2+3"));
}

#[test]
fn the_previous_quarter_comes_from_git_history() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new("examples/quarterly"), dir.path());
    // At the end of Q3 (committed in December) Young People was amber at worst...
    let card = dir.path().join("cards/young-people.toml");
    let q4 = fs::read_to_string(&card).unwrap();
    fs::write(&card, q4.replace("rag = \"red\"", "rag = \"amber\"")).unwrap();
    git_on(dir.path(), Some("2012-12-20"), &["init", "-q"]);
    git_on(dir.path(), Some("2012-12-20"), &["add", "-A"]);
    git_on(dir.path(), Some("2012-12-20"), &["commit", "-qm", "Q3"]);
    // ... and in Q4 a task went red.
    fs::write(&card, &q4).unwrap();
    git_on(dir.path(), Some("2013-03-20"), &["commit", "-qam", "Q4"]);
    let report = stdout(plan(&[
        "--dir",
        dir.path().to_str().unwrap(),
        "--as-of",
        "2013-03-31",
        "report",
        "--quarter",
        "Q4 2012-13",
    ]));
    let young = &report[report.find("## YP Young People").unwrap()..];
    assert!(
        young.contains("- **Since the end of the previous quarter:** worse (was amber)"),
        "{young}"
    );
    let safer = &report[report.find("## SS Safer Streets").unwrap()..report.find("## YP").unwrap()];
    assert!(
        safer.contains("- **Since the end of the previous quarter:** no change"),
        "{safer}"
    );
    assert!(report.contains("The previous quarter's RAG is the plan as committed on 2012-12-20"));
    // Outside any repository there is no history to tell.
    let loose = tempfile::tempdir().unwrap();
    copy_dir(Path::new("examples/quarterly"), loose.path());
    let report = stdout(plan(&[
        "--dir",
        loose.path().to_str().unwrap(),
        "--as-of",
        "2013-03-31",
        "report",
    ]));
    assert!(report.contains("No history: the plan is not in a git repository"));
}

#[test]
fn a_git_failure_is_said_in_gits_words_not_as_no_repository() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new("examples/quarterly"), dir.path());
    git_on(dir.path(), Some("2012-12-20"), &["init", "-q"]);
    let bad = dir.path().join(".git/bad-config");
    fs::write(&bad, "[core\nbroken").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--as-of", "2013-03-31", "report"])
        .current_dir(dir.path())
        .env_remove("PLAN_DIR")
        .env("GIT_CONFIG_GLOBAL", &bad)
        .output()
        .unwrap();
    let report = stdout(out);
    assert!(
        report.contains("No history: git could not read the plan's history")
            && report.contains("fatal: bad config line 1"),
        "{report}"
    );
}

#[test]
fn a_previous_quarter_with_errors_is_said_so_not_shown_as_unrated() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new("examples/quarterly"), dir.path());
    // At the end of Q3 a card file had an unknown lead in it.
    let card = dir.path().join("cards/young-people.toml");
    let q4 = fs::read_to_string(&card).unwrap();
    fs::write(&card, q4.replacen("lead = [", "lead = [\"NOBODY\", ", 1)).unwrap();
    git_on(dir.path(), Some("2012-12-20"), &["init", "-q"]);
    git_on(dir.path(), Some("2012-12-20"), &["add", "-A"]);
    git_on(dir.path(), Some("2012-12-20"), &["commit", "-qm", "Q3"]);
    fs::write(&card, &q4).unwrap();
    git_on(dir.path(), Some("2013-03-20"), &["commit", "-qam", "Q4"]);
    let report = stdout(plan(&[
        "--dir",
        dir.path().to_str().unwrap(),
        "--as-of",
        "2013-03-31",
        "report",
        "--quarter",
        "Q4 2012-13",
    ]));
    assert!(
        report.contains("No history: the plan as committed on 2012-12-20")
            && report.contains("had 1 error"),
        "{report}"
    );
    assert!(!report.contains("was not rated"), "{report}");
}

/// A plan where most tasks are not rated and one green task is overdue.
fn thinly_rated_plan() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from(
        "[plan]\ntitle = \"Thin\"\nstart = 2012-04-01\nend = 2013-03-31\n\n[[agency]]\nid = \"SL\"\nname = \"Safer Wales StreetLife\"\n\n[card]\nid = \"EJ\"\ntitle = \"Effective Justice\"\nmeasures = [\"M1\", \"M2\"]\n\n[[priority]]\nid = 1\ntitle = \"P\"\n\n[[priority.action]]\nid = 1\ntitle = \"A\"\n",
    );
    // a: green but due in Q2, so overdue since then; b: amber, due in Q3;
    // c..: not rated, due at the plan's end.
    text.push_str("\n[[priority.action.task]]\nid = \"a\"\ntext = \"Old task\"\nlead = [\"SL\"]\ndue = 2012-08-31\nrag = \"green\"\n");
    text.push_str("\n[[priority.action.task]]\nid = \"b\"\ntext = \"New task\"\nlead = [\"SL\"]\ndue = 2012-11-30\n");
    for letter in ["c", "d", "e", "f"] {
        text.push_str(&format!(
            "\n[[priority.action.task]]\nid = \"{letter}\"\ntext = \"Later\"\nlead = [\"SL\"]\ndue = 2013-03-31\n"
        ));
    }
    text.push_str("\n[[measure]]\nid = \"M1\"\ntitle = \"Reports\"\nbetter = \"higher\"\n\n[[measure]]\nid = \"M2\"\ntitle = \"Referrals\"\nbetter = \"higher\"\nvalues = [{ period = \"Q1 2012-13\", value = 4 }, { period = \"Q2 2012-13\", value = 6 }]\n");
    fs::write(dir.path().join("plan.toml"), text).unwrap();
    dir
}

#[test]
fn the_report_names_every_overdue_task_and_what_its_rag_rests_on() {
    let dir = thinly_rated_plan();
    let dir_arg = dir.path().to_str().unwrap();
    let report = stdout(plan(&[
        "--dir",
        dir_arg,
        "--as-of",
        "2012-12-01",
        "report",
        "--quarter",
        "Q3 2012-13",
    ]));
    // b became overdue in Q3; a has been overdue since Q2.
    assert!(
        report.contains("### Became overdue this quarter"),
        "{report}"
    );
    assert!(
        report.contains("### Still overdue from earlier quarters"),
        "{report}"
    );
    assert!(
        report.contains("| EJ-1.1.a | Old task | SL | 92 |"),
        "{report}"
    );
    assert!(
        report.contains("| EJ-1.1.b | New task | SL | 1 |"),
        "{report}"
    );
    // Rated green, yet overdue: the board must see it.
    assert!(
        report.contains("### Rated on track but overdue"),
        "{report}"
    );
    assert!(report.contains("rated green, 92 days overdue"), "{report}");
    // One of six tasks rated: never a bare green.
    assert!(report.contains("green (1 of 6 rated)"), "{report}");
    assert!(report.contains("1 of 6 tasks rated"), "{report}");
    // A measure with no values is one line, not a chart.
    assert!(
        report.contains("M1 Reports (higher is better): no values recorded yet"),
        "{report}"
    );
    let html = stdout(plan(&[
        "--dir",
        dir_arg,
        "--as-of",
        "2012-12-01",
        "report",
        "--quarter",
        "Q3 2012-13",
        "--format",
        "html",
    ]));
    assert_eq!(html.matches("<svg").count(), 1, "one chart, for M2 only");
}

#[test]
fn the_current_quarter_is_judged_as_of_today_a_past_one_as_of_its_end() {
    let dir = thinly_rated_plan();
    let dir_arg = dir.path().to_str().unwrap();
    let today = chrono::Local::now().date_naive();
    // A past quarter: as of its last day.
    let past = stdout(plan(&[
        "--dir",
        dir_arg,
        "report",
        "--quarter",
        "Q3 2012-13",
    ]));
    assert!(past.contains("as of 2012-12-31"), "{past}");
    // The current quarter: as of today, never a day in the future.
    let current = stdout(plan(&["--dir", dir_arg, "report"]));
    assert!(current.contains(&format!("as of {today}")), "{current}");
}

#[test]
fn rag_and_show_say_what_a_roll_up_rests_on() {
    let dir = thinly_rated_plan();
    let dir_arg = dir.path().to_str().unwrap();
    let rag = stdout(plan(&[
        "--dir",
        dir_arg,
        "--as-of",
        "2012-12-01",
        "rag",
        "--format",
        "markdown",
    ]));
    assert!(rag.contains("green (1 of 6 rated)"), "{rag}");
    let json: serde_json::Value = serde_json::from_str(&stdout(plan(&[
        "--dir",
        dir_arg,
        "--as-of",
        "2012-12-01",
        "rag",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json[0]["rag"], "green");
    assert_eq!(json[0]["rated"], 1);
    let show = stdout(plan(&[
        "--dir",
        dir_arg,
        "--as-of",
        "2012-12-01",
        "show",
        "EJ",
    ]));
    assert!(show.contains("green (1 of 6 rated)"), "{show}");
    assert!(show.contains("1 of 6 tasks rated"), "{show}");
}

#[test]
fn the_overdue_table_shows_a_rated_task_that_is_overdue() {
    let dir = thinly_rated_plan();
    let dir_arg = dir.path().to_str().unwrap();
    let overdue = stdout(plan(&[
        "--dir",
        dir_arg,
        "--as-of",
        "2012-12-01",
        "overdue",
    ]));
    assert!(
        overdue.contains("rated green, 92 days overdue"),
        "{overdue}"
    );
}

/// `--quarter Q3` names no year: in a plan of one year it is that year's
/// (and the report says which), in a plan of several it is refused with
/// the years to choose from, never silently the first.
#[test]
fn a_quarter_without_its_year_is_named_or_asked_for() {
    let one_year = stdout(plan(&[
        "--dir",
        "plans",
        "--as-of",
        "2012-12-01",
        "report",
        "--quarter",
        "Q3",
    ]));
    assert!(
        one_year.starts_with("# Street Sex Work Report Card & Action Plan 2012 – 2013: Highlight Report, Q3 2012-13\n"),
        "{one_year}"
    );
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new("examples/quarterly"), dir.path());
    let file = dir.path().join("plan.toml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replace("end = 2013-03-31", "end = 2015-03-31")).unwrap();
    let out = plan(&[
        "--dir",
        dir.path().to_str().unwrap(),
        "--as-of",
        "2013-03-31",
        "report",
        "--quarter",
        "Q3",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("`Q3` names no year, and the plan runs from 2012-04-01 to 2015-03-31 (2012-13 to 2014-15)"),
        "{said}"
    );
}

/// The HTML Highlight Report is as accessible as the site: no axe-core
/// violation of any impact and no overflow at 1280, 375 and 320 px, and
/// no error from the Nu HTML Checker (which does see one in a broken page).
#[test]
fn the_html_report_passes_axe_and_the_validator_at_every_width() {
    const TEST: &str = "the_html_report_passes_axe_and_the_validator_at_every_width";
    let Some((browser, script)) = common::axe_tools(TEST) else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let mut pages = Vec::new();
    for (dir, as_of) in [
        ("examples/quarterly", "2013-03-31"),
        ("plans", "2012-12-01"),
    ] {
        let page = work.path().join(format!("{}.html", dir.replace('/', "-")));
        let out = plan(&[
            "--dir",
            dir,
            "--as-of",
            as_of,
            "report",
            "--format",
            "html",
            "-o",
            page.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0));
        pages.push(page);
    }
    let hostile = hostile_plan();
    let page = work.path().join("hostile.html");
    fs::write(&page, html_report(hostile.path())).unwrap();
    pages.push(page);
    let reports = common::axe(&browser, &script, &pages);
    let failures = common::axe_failures(&reports, Path::new("/none"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    if let Some(errors) = common::validator_errors(TEST, &pages) {
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }
}
