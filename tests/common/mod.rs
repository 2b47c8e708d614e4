//! Helpers the integration tests share. Each test file uses some of them.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Copies a directory tree (a plan) into another directory.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target: PathBuf = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs git in `dir` with an identity of its own (a fresh machine has no git
/// configuration) and, when `day` is given, commits dated that day. Its output.
pub fn git_on(dir: &Path, day: Option<&str>, args: &[&str]) -> String {
    let mut git = Command::new("git");
    git.args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@t")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@t");
    if let Some(day) = day {
        git.env("GIT_AUTHOR_DATE", format!("{day}T12:00:00"))
            .env("GIT_COMMITTER_DATE", format!("{day}T12:00:00"));
    }
    let out = git.output().unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `plan --dir REPO --as-of AS_OF ARGS`, without colour.
pub fn plan_at(repo: &Path, as_of: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .arg("--dir")
        .arg(repo)
        .args(["--as-of", as_of])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// The standard output of a run that must have succeeded (exit 0); its
/// output and errors in the failure's message otherwise.
pub fn ok(out: &Output) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Runs `plan --as-of 2012-12-01 ARGS` in `dir`, finding the plan from there.
pub fn plan_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--as-of", "2012-12-01"])
        .args(args)
        .current_dir(dir)
        .env_remove("PLAN_DIR")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// A test that cannot run here because `missing` (a program or package
/// that .ci/run installs) is not installed. Locally it says so on the
/// terminal (past the test harness's capture, so it is seen in a passing
/// run) and the test returns; with `CI` set it fails, since a silent skip
/// in CI would hide a broken install step.
pub fn skip(test: &str, missing: &str) {
    use std::io::Write;
    assert!(
        std::env::var_os("CI").is_none(),
        "{test} needs {missing}, which is not installed: .ci/run must install it"
    );
    let _ = writeln!(
        std::io::stderr().lock(),
        "skipped {test}: {missing} not found (.ci/run installs it; with CI set this fails)"
    );
}

/// Whether `python3` can import every module named.
pub fn python_has(modules: &[&str]) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {}", modules.join(", "))])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Debian's chromium, or another browser of the same family.
pub fn browser() -> Option<PathBuf> {
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .find_map(|name| {
        let out = Command::new("which").arg(name).output().ok()?;
        out.status
            .success()
            .then(|| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
    })
}

/// Headless Chromium, quiet (no network, no first-run pages), with its
/// profile in `profile`.
pub fn headless(browser: &Path, profile: &Path) -> Command {
    let mut command = Command::new(browser);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()));
    command
}

/// The share of a screenshot's pixels that are inked, and whether a red
/// RAG badge is there (the report's #c0392b or the site's #a93226).
pub fn inked(shot: &Path) -> (f64, bool) {
    let decoder = png::Decoder::new(std::io::BufReader::new(fs::File::open(shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    let pixels = &pixels[..info.buffer_size()];
    let channels = info.color_type.samples();
    let inked = pixels
        .chunks(channels)
        .filter(|p| p[..3].iter().any(|&c| c < 200))
        .count();
    // The red badge: #a93226.
    let red = pixels
        .chunks(channels)
        .any(|p| p[0] > 150 && p[1] < 70 && p[2] < 60);
    (inked as f64 / (pixels.len() / channels) as f64, red)
}

/// Asserts that no bidi override, embedding or isolate of the plan's text
/// acts in an HTML page: each is shown as an escape (`\u{202e}`), since
/// even inside a `<bdi>` one turns the rest of its own field around;
/// `name` says which page.
pub fn no_bidi_override_acts(html: &str, name: &str) {
    if let Some(at) = html.find(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
    {
        panic!(
            "{name}: an override that acts, near {}",
            &html[at.saturating_sub(80)..at]
        );
    }
    assert!(
        html.contains("\\u{202e}"),
        "{name}: the override is not shown"
    );
}

/// The widths every page is checked at: a desktop, a phone, the narrowest
/// phone WCAG's reflow asks for.
pub const WIDTHS: &str = "--widths=1280,375,320";

/// Chromium and axe-core's script (`AXE_CORE_JS`, else where .ci/run
/// installs it), with Python's websocket-client that tests/axe.py drives
/// them with; `None`, said once, where one is missing.
pub fn axe_tools(test: &str) -> Option<(PathBuf, PathBuf)> {
    let Some(browser) = browser() else {
        skip(test, "chromium");
        return None;
    };
    let script = std::env::var_os("AXE_CORE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/axe/node_modules/axe-core/axe.min.js"));
    if !script.is_file() {
        skip(test, "axe-core (npm install --prefix target/axe axe-core)");
        return None;
    }
    if !python_has(&["websocket"]) {
        skip(test, "Python's websocket-client");
        return None;
    }
    Some((browser, script))
}

/// axe-core's report on each page at each of [`WIDTHS`], from
/// tests/axe.py: one browser, every impact from minor to critical.
pub fn axe(browser: &Path, script: &Path, pages: &[PathBuf]) -> Vec<serde_json::Value> {
    let out = Command::new("python3")
        .arg("tests/axe.py")
        .arg(browser)
        .arg(script)
        .arg(WIDTHS)
        .args(pages)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reports: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(reports.len(), 3 * pages.len());
    reports
}

/// Each violation and overflow axe found, but on `bad`, the page made to
/// show the harness sees them.
pub fn axe_failures(reports: &[serde_json::Value], bad: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    for report in reports {
        let page = report["page"].as_str().unwrap();
        if Path::new(page) == bad {
            continue;
        }
        let width = &report["width"];
        assert!(report["error"].is_null(), "{page}: {report}");
        for violation in report["violations"].as_array().unwrap() {
            failures.push(format!("{page} at {width} px: {violation}"));
        }
        if report["overflow"].as_i64().unwrap() > 0 {
            failures.push(format!(
                "{page}: wider than {width} px by {}",
                report["overflow"]
            ));
        }
    }
    failures
}

/// The Nu HTML Checker's errors on the pages (npm's vnu-jar, which .ci/run
/// installs into target/vnu, run by Java), once it has shown it sees the
/// error in a broken page; `None`, said once, where it is missing.
pub fn validator_errors(test: &str, pages: &[PathBuf]) -> Option<Vec<String>> {
    let jar = Path::new("target/vnu/node_modules/vnu-jar/build/dist/vnu.jar");
    if !jar.is_file() || Command::new("java").arg("-version").output().is_err() {
        skip(
            test,
            "the Nu HTML Checker (java, and npm install --prefix target/vnu vnu-jar)",
        );
        return None;
    }
    let check = |pages: &[PathBuf]| -> Vec<String> {
        let out = Command::new("java")
            .arg("-jar")
            .arg(jar)
            .args(["--errors-only", "--format", "gnu"])
            .args(pages)
            .output()
            .unwrap();
        let mut said = String::from_utf8_lossy(&out.stderr).into_owned();
        said.push_str(&String::from_utf8_lossy(&out.stdout));
        said.lines()
            .filter(|l| l.contains("error"))
            .map(str::to_string)
            .collect()
    };
    let work = tempfile::tempdir().unwrap();
    let broken = work.path().join("broken.html");
    fs::write(
        &broken,
        "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><p></div></body></html>",
    )
    .unwrap();
    assert!(
        !check(&[broken]).is_empty(),
        "the Nu HTML Checker saw no error in a broken page"
    );
    Some(check(pages))
}

/// Whether a recurring target's next eight occurrences end in the months
/// named (any, where none are) and each lasts as long as the cadence says:
/// how the real-world date tests (English and Welsh) check a reading.
pub fn occurs(recurrence: &plan::dates::Recurrence, months: &[u32], cadence: Option<&str>) -> bool {
    use chrono::Datelike;
    let mut day = recurrence.from;
    (0..8).all(|_| {
        let Some(next) = recurrence.around(day).1 else {
            return false;
        };
        day = next.to.succ_opt().unwrap();
        let days = (next.to - next.from).num_days() + 1;
        let month = months.is_empty() || months.contains(&next.to.month());
        let length = match cadence {
            Some("weekly") => days == 7,
            Some("monthly") => (28..=31).contains(&days) && next.from.day() == 1,
            Some("quarterly") => (89..=92).contains(&days) && next.from.day() == 1,
            _ => true,
        };
        month && length
    })
}

/// A fixture of the partners' round trip (tests/fixtures/apply/NAME).
pub fn apply_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/apply")
        .join(name)
}

/// A git repository holding a copy of the round trip's fixture plan (and
/// its signing key), committed.
pub fn apply_repository() -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    copy_dir(&apply_fixture("plan"), repo.path());
    git_on(repo.path(), None, &["init", "-q"]);
    git_on(repo.path(), None, &["add", "-A"]);
    git_on(repo.path(), None, &["commit", "-qm", "plan"]);
    repo
}

/// The end of a table test of real target-date cells: says how many of
/// `total` read right and prints each misreading (marking those the
/// readers' own table disagrees with, `disagree`), then fails on any
/// misreading not among those.
#[allow(clippy::print_stderr)] // the count is the test's report, seen with --nocapture
pub fn misreadings(
    what: &str,
    right: usize,
    total: usize,
    wrong: &[(String, String)],
    disagree: &[(&str, &str)],
) {
    eprintln!("{right} of {total} {what} read as their pages mean");
    let known = |text: &str| disagree.iter().any(|(t, _)| *t == text);
    for (text, why) in wrong {
        eprintln!("  {}{why}", if known(text) { "(known) " } else { "" });
    }
    let unexpected: Vec<_> = wrong.iter().filter(|(text, _)| !known(text)).collect();
    assert!(
        unexpected.is_empty(),
        "{} rows misread: {unexpected:#?}",
        unexpected.len()
    );
}

/// `file` (a workbook) opened and saved again by LibreOffice as `.xlsx`,
/// as a partner's office software would: the re-saved copy in
/// `work/resaved`, or `None` (skipped) where LibreOffice is not installed.
pub fn resaved_by_libreoffice(test: &str, work: &Path, file: &Path) -> Option<PathBuf> {
    let resaved = work.join("resaved");
    let soffice = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            work.join("profile").display()
        ))
        .args(["--headless", "--convert-to", "xlsx", "--outdir"])
        .arg(&resaved)
        .arg(file)
        .output();
    let Ok(soffice) = soffice else {
        skip(test, "LibreOffice (soffice)");
        return None;
    };
    let name = file.with_extension("xlsx");
    let name = name.file_name().unwrap();
    assert!(
        soffice.status.success() && resaved.join(name).exists(),
        "LibreOffice did not re-save {name:?}: {}",
        String::from_utf8_lossy(&soffice.stderr)
    );
    Some(resaved.join(name))
}
