//! Hostile text in a plan (terminal escapes, carriage returns, bidi
//! overrides, zero-width characters, HTML, Markdown links, spreadsheet
//! formulas) comes out of every format harmless: shown, never obeyed.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Every payload at once, as a TOML basic string (escapes spelled out).
const PAYLOAD: &str = r#"\u001b[2J\r\u0007\u202e\u200b<br><script>alert(1)</script>[x](http://e) ![](http://i)\u000b ＝1+1"#;

fn plan_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let plan = format!(
        "[plan]\ntitle = \"Title \\u202eevil\\u001b[2J {PAYLOAD}\"\nstart = 2012-04-01\nend = 2013-03-31\n\n\
         [[agency]]\nid = \"SWP\"\nname = \"Police {PAYLOAD}\"\n\n\
         [[measure]]\nid = \"M1\"\ntitle = \"Measure {PAYLOAD}\"\nbetter = \"higher\"\nunit = \"u\"\n\
         values = [{{ period = \"Q1 2012-13\", value = 1.999 }}, {{ period = \"Q2 2012-13\", value = 2.999 }}]\n\
         target = {{ period = \"2012-13\", value = 12.999 }}\n"
    );
    let card = format!(
        "[card]\nid = \"EJ\"\ntitle = \"Card {PAYLOAD}\"\nmeasures = [\"M1\"]\n\n\
         [[priority]]\nid = 1\ntitle = \"p\"\n\n[[priority.action]]\nid = 1\ntitle = \"a\"\n\n\
         [[priority.action.task]]\nid = \"a\"\ntext = \" =1+1 {PAYLOAD}\"\nlead = [\"SWP\"]\ndue = \"Oct 2012\"\nrag = \"red\"\n\
         note = \"＝1+1\\u000b\\r# heading | cell {PAYLOAD}\"\n\n\
         [[priority.action.task]]\nid = \"b\"\ntext = \"\\u200b=1+1\"\nlead = [\"SWP\"]\ndue = \"Nov 2012\"\nrag = \"amber\"\nnote = \"\\u00a0@SUM(A1)\"\n"
    );
    fs::write(dir.path().join("plan.toml"), plan).unwrap();
    fs::write(dir.path().join("card.toml"), card).unwrap();
    dir
}

fn plan(dir: &Path, args: &[&str]) -> String {
    let out = common::plan_in(dir, &[&["--color", "never"], args].concat());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "plan {args:?}: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

/// No character that a terminal obeys or that reorders or hides text.
fn assert_inert(what: &str, text: &str) {
    for (at, c) in text.char_indices() {
        let hidden = (c.is_control() && c != '\n')
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{feff}');
        assert!(
            !hidden,
            "{what}: {c:?} at {at} in\n{}",
            &text[at.saturating_sub(80)..(at + 80).min(text.len())]
        );
    }
}

#[test]
fn terminal_tables_show_controls_as_escapes() {
    let dir = plan_dir();
    for args in [
        &["tasks"][..],
        &["overdue"],
        &["show", "EJ-1.1.a"],
        &["show", "SWP"],
        &["show", "EJ"],
        &["agency", "SWP"],
        &["rag"],
        &["measures"],
        &["recs"],
    ] {
        let text = plan(dir.path(), args);
        assert_inert(&format!("{args:?}"), &text);
    }
    let tasks = plan(dir.path(), &["tasks"]);
    assert!(tasks.contains("\\u{1b}[2J"), "{tasks}");
    assert!(tasks.contains("\\u{202e}"), "{tasks}");
    assert!(tasks.contains("\\u{200b}"), "{tasks}");
    assert!(tasks.contains("\\r"), "{tasks}");
}

#[test]
fn markdown_keeps_hostile_text_inside_its_cell() {
    let dir = plan_dir();
    for args in [
        &["tasks", "--format", "markdown"][..],
        &["show", "EJ-1.1.a", "--format", "markdown"],
        &["agency", "SWP", "--format", "markdown"],
        &["report", "--quarter", "Q3 2012-13", "--format", "markdown"],
    ] {
        let text = plan(dir.path(), args);
        assert_inert(&format!("{args:?}"), &text);
        for (at, _) in text.match_indices(['[', ']', '<', '`']) {
            let raw = &text[at..];
            let escaped = text[..at].ends_with('\\') || raw.starts_with("<br>");
            assert!(escaped, "{args:?}: unescaped {}", &raw[..raw.len().min(20)]);
        }
        for line in text.lines().filter(|l| l.starts_with('|')) {
            assert!(line.ends_with(" |"), "{args:?}: a row split: {line}");
        }
        for line in text.lines().filter(|l| l.starts_with('#')) {
            assert!(!line.contains("# heading"), "{args:?}: injected {line}");
        }
    }
}

#[test]
fn html_isolates_plan_text_and_escapes_it() {
    let dir = plan_dir();
    let html = plan(
        dir.path(),
        &["report", "--quarter", "Q3 2012-13", "--format", "html"],
    );
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("&lt;script&gt;"));
    // The heading's own words stay outside the isolated title.
    let h1 = html
        .split("<h1>")
        .nth(1)
        .unwrap()
        .split("</h1>")
        .next()
        .unwrap();
    assert!(h1.starts_with("<bdi>"), "{h1}");
    assert!(h1.contains("</bdi>: Highlight Report"), "{h1}");
    // Every right-to-left override sits inside a <bdi> (or is shown as text).
    common::no_bidi_override_acts(&html, "the Highlight Report");
    let title = html
        .split("<title>")
        .nth(1)
        .unwrap()
        .split("</title>")
        .next()
        .unwrap();
    assert!(!title.contains('\u{202e}'), "{title}");
    for c in html.chars() {
        assert!(
            !c.is_control() || c == '\n' || c == '\t',
            "{c:?} in the HTML"
        );
    }
}

#[test]
fn csv_neutralises_formulas_behind_blanks_and_full_width_signs() {
    let dir = plan_dir();
    for args in [
        &["tasks", "--format", "csv"][..],
        &["export", "--format", "csv"],
    ] {
        let text = plan(dir.path(), args);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        for record in reader.records() {
            let record = record.unwrap();
            for (key, cell) in headers.iter().zip(record.iter()) {
                let first = cell.chars().find(|c| {
                    !(c.is_whitespace()
                        || c.is_control()
                        || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'))
                });
                if matches!(first, Some('=' | '+' | '@' | '＝' | '＋' | '－' | '＠')) {
                    assert!(cell.starts_with('\''), "{args:?} {key}: {cell:?}");
                }
            }
        }
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{b}'));
    }
}

#[test]
fn ics_holds_no_control_characters() {
    let dir = plan_dir();
    let ics = plan(dir.path(), &["export", "--format", "ics"]);
    assert!(ics.contains("BEGIN:VEVENT"));
    for c in ics.replace("\r\n", "").chars() {
        assert!(!c.is_control(), "{c:?} in\n{ics}");
    }
}

#[test]
fn json_keeps_the_text_as_it_is() {
    let dir = plan_dir();
    let text = plan(dir.path(), &["tasks", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(
        value[0]["text"]
            .as_str()
            .unwrap()
            .contains("\u{1b}[2J\r\u{7}\u{202e}")
    );
}

#[test]
fn numbers_that_round_to_whole_have_no_trailing_dot() {
    let dir = plan_dir();
    let measures = plan(dir.path(), &["measures", "--format", "markdown"]);
    let report = plan(
        dir.path(),
        &["report", "--quarter", "Q3 2012-13", "--format", "markdown"],
    );
    let show = plan(dir.path(), &["show", "M1", "--format", "markdown"]);
    assert!(
        measures.contains("13 by 2012-13") && measures.contains("+1"),
        "{measures}"
    );
    assert!(
        !measures.contains("3.") && !measures.contains("1."),
        "{measures}"
    );
    assert!(
        show.contains("2<br>Q2 2012-13: 3 |") && show.contains("2012-13: 13 |"),
        "{show}"
    );
    assert!(
        report.contains("Q2 2012-13 3; target 13 by 2012-13.") && !report.contains("3.."),
        "{report}"
    );
}

/// A finding's text (here, an unknown lead) and a file's name with a new
/// line in them stay on their finding's line in every format.
#[test]
fn check_output_lines_cannot_be_forged() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("plan.toml"),
        "[plan]\ntitle = \"t\"\nstart = 2012-04-01\nend = 2013-03-31\n\n[[agency]]\nid = \"SWP\"\nname = \"n\"\n",
    )
    .unwrap();
    let card = "[card]\nid = \"EJ\"\ntitle = \"t\"\n\n[[priority]]\nid = 1\ntitle = \"p\"\n\n[[priority.action]]\nid = 1\ntitle = \"a\"\n\n\
                [[priority.action.task]]\nid = \"a\"\ntext = \"t\"\nlead = [\"X\\n::warning file=forged.toml::forged\\u001b[2J\"]\ndue = \"Oct 2012\"\n";
    fs::write(dir.path().join("card\n::warning file=evil::x.toml"), card).unwrap();
    for format in ["short", "github", "human"] {
        let out = common::plan_in(
            dir.path(),
            &["--color", "never", "check", "--format", format],
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(1), "{text}");
        assert_inert(format, &text);
        for line in text.lines() {
            // `github` writes its own warnings (the ESC): none of the forged ones.
            let forged = ["::warning file=forged", "::warning file=evil"];
            assert!(
                !forged.iter().any(|f| line.starts_with(f)),
                "{format}: forged {line:?}"
            );
        }
        if format == "short" {
            // The unknown lead, and the ESC it holds (control-character).
            assert_eq!(text.lines().count(), 2, "{text}");
        }
    }
}

/// Runs `plan` in `dir`, killing it after `limit`.
fn run_within(dir: &Path, args: &[&str], limit: Duration) -> (Duration, Output) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--as-of", "2012-12-01", "--color", "never"])
        .args(args)
        .current_dir(dir)
        .env_remove("PLAN_DIR")
        .env("COLUMNS", "120")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let reader = {
        let mut stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut stdout, &mut bytes).unwrap();
            bytes
        })
    };
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("plan {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let took = started.elapsed();
    let stdout = reader.join().unwrap();
    let out = child.wait_with_output().unwrap();
    (took, Output { stdout, ..out })
}

#[test]
fn a_megabyte_cell_is_cut_and_quick() {
    let dir = tempfile::tempdir().unwrap();
    let id = "a".repeat(1 << 20);
    let text = "x".repeat(1 << 20);
    fs::write(
        dir.path().join("plan.toml"),
        format!(
            "[plan]\ntitle = \"t\"\nstart = 2012-04-01\nend = 2013-03-31\n\n[[agency]]\nid = \"SWP\"\nname = \"n\"\n\n\
             [card]\nid = \"EJ\"\ntitle = \"t\"\n\n[[priority]]\nid = 1\ntitle = \"p\"\n\n[[priority.action]]\nid = 1\ntitle = \"a\"\n\n\
             [[priority.action.task]]\nid = \"{id}\"\ntext = \"{text}\"\nlead = [\"SWP\"]\ndue = \"Oct 2012\"\n"
        ),
    )
    .unwrap();
    let (took, out) = run_within(dir.path(), &["tasks"], Duration::from_secs(10));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(took < Duration::from_secs(10), "took {took:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.len() < 100_000, "{} bytes", text.len());
    assert!(text.contains('…'));
}

/// A deadline past year 9999 (here 96,000 months from the plan's start)
/// has no DATE in iCalendar: the task gets no event, and a note says so.
#[test]
fn ics_leaves_out_days_past_year_9999() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("plan.toml"),
        "[plan]\ntitle = \"t\"\nstart = 2012-04-01\nend = 2013-03-31\n\n[[agency]]\nid = \"SWP\"\nname = \"n\"\n\n\
         [card]\nid = \"EJ\"\ntitle = \"t\"\n\n[[priority]]\nid = 1\ntitle = \"p\"\n\n[[priority.action]]\nid = 1\ntitle = \"a\"\n\n\
         [[priority.action.task]]\nid = \"far\"\ntext = \"t\"\nlead = [\"SWP\"]\ndue = \"96000 months\"\n\n\
         [[priority.action.task]]\nid = \"last\"\ntext = \"t\"\nlead = [\"SWP\"]\ndue = \"31 Dec 9999\"\n",
    )
    .unwrap();
    let out = common::plan_in(dir.path(), &["export", "--format", "ics"]);
    assert_eq!(out.status.code(), Some(0));
    let ics = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!ics.contains('+') && !ics.contains("EJ-1.1.far"), "{ics}");
    assert!(
        ics.contains("DTSTART;VALUE=DATE:99991231\r\nSUMMARY"),
        "{ics}"
    );
    assert_eq!(
        stderr,
        "note: no event for EJ-1.1.far (+10012-04-01): a calendar holds years 0000 to 9999 only\n"
    );
}
