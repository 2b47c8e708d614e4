//! `plan site`: the static website of the whole plan. Every page parses as
//! HTML without an error, links only to the site's own files (and every
//! link resolves), is accessible (one `h1`, ordered headings, tables with
//! captions and header cells, charts with a title and description, no
//! serious or critical axe-core violation) and safe with hostile text; the
//! same plan gives the same bytes; the directory is replaced whole or not
//! at all.

mod common;

use common::{browser, copy_dir, headless, inked, no_bidi_override_acts};
use scraper::{ElementRef, Html, Selector};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn plan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("PLAN_DIR")
        .env_remove("PLAN_AS_OF")
        .output()
        .unwrap()
}

/// Builds the site of the plan in `dir` as of `as_of` into `out`.
fn build(dir: &Path, as_of: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "--dir",
        dir.to_str().unwrap(),
        "--as-of",
        as_of,
        "site",
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    plan(&args)
}

fn built(dir: &Path, as_of: &str, extra: &[&str]) -> tempfile::TempDir {
    let work = tempfile::tempdir().unwrap();
    let out = build(dir, as_of, &work.path().join("site"), extra);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    work
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

/// The site's files: name -> text.
fn files(site: &Path) -> BTreeMap<String, String> {
    fs::read_dir(site)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().into_string().unwrap();
            (name, fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// Every check one page must pass on its own; its ids, for links into it.
fn check_page(name: &str, text: &str, as_of: &str) -> HashSet<String> {
    let html = Html::parse_document(text);
    assert!(html.errors.is_empty(), "{name}: {:?}", html.errors);
    assert!(
        text.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{name}"
    );
    let csp = select(&html, "meta[http-equiv=Content-Security-Policy]");
    assert_eq!(csp.len(), 1, "{name}");
    assert!(
        csp[0]
            .attr("content")
            .unwrap()
            .starts_with("default-src 'none'")
    );
    // Nothing fetched, nothing run: no element that loads or runs anything.
    let loaders = "script, link, iframe, img, object, embed, base, form, [src], [srcset], [style]";
    assert!(select(&html, loaders).is_empty(), "{name}");
    for style in select(&html, "style") {
        let css: String = style.text().collect();
        assert!(!css.contains("url(") && !css.contains("@import"), "{name}");
    }
    assert!(!text.contains("<script"), "{name}");
    assert_eq!(select(&html, "h1").len(), 1, "{name}: one h1");
    let mut level = 1;
    for h in select(&html, "h1, h2, h3, h4, h5, h6") {
        let next: usize = h.value().name()[1..].parse().unwrap();
        assert!(next <= level + 1, "{name}: h{next} after h{level}");
        level = next;
    }
    for table in select(&html, "table") {
        let caption = table.select(&Selector::parse("caption").unwrap()).count();
        assert_eq!(caption, 1, "{name}: a table without a caption");
    }
    for th in select(&html, "th") {
        assert!(th.attr("scope").is_some(), "{name}: a th without scope");
    }
    let ids: Vec<String> = select(&html, "[id]")
        .iter()
        .map(|e| e.attr("id").unwrap().to_string())
        .collect();
    let unique: HashSet<String> = ids.iter().cloned().collect();
    assert_eq!(unique.len(), ids.len(), "{name}: an id used twice");
    for svg in select(&html, "svg") {
        let labels = svg.attr("aria-labelledby").unwrap();
        for id in labels.split(' ') {
            assert!(unique.contains(id), "{name}: svg label {id}");
        }
        let title = svg.select(&Selector::parse("title").unwrap()).next();
        let desc = svg.select(&Selector::parse("desc").unwrap()).next();
        assert!(
            title.is_some() && desc.is_some(),
            "{name}: svg without title/desc"
        );
        let desc: String = desc.unwrap().text().collect();
        assert!(
            desc.contains("latest value") || desc.contains("no values recorded yet"),
            "{name}: {desc}"
        );
    }
    for badge in select(&html, ".rag") {
        let word: String = badge.text().collect();
        assert!(
            ["red", "amber", "green", "blue", "not rated"].contains(&word.as_str()),
            "{name}: a badge says {word:?}"
        );
    }
    let footer: String = select(&html, "footer")[0].text().collect();
    assert!(
        footer.contains(&format!("As of {as_of}")),
        "{name}: {footer}"
    );
    assert_eq!(select(&html, "a.skip[href='#main']").len(), 1, "{name}");
    unique
}

/// Checks every page and every link of a site; the links of the index.
fn check_site(site: &Path, as_of: &str) -> HashSet<String> {
    let files = files(site);
    for fixed in [
        "index.html",
        "agencies.html",
        "recommendations.html",
        "measures.html",
        "tasks.csv",
        "plan.ics",
        ".plan-site",
    ] {
        assert!(files.contains_key(fixed), "no {fixed}");
    }
    let ids: HashMap<&str, HashSet<String>> = files
        .iter()
        .filter(|(name, _)| name.ends_with(".html"))
        .map(|(name, text)| (name.as_str(), check_page(name, text, as_of)))
        .collect();
    let mut from_index = HashSet::new();
    for (name, text) in files.iter().filter(|(n, _)| n.ends_with(".html")) {
        let html = Html::parse_document(text);
        for a in select(&html, "a") {
            let href = a.attr("href").expect("a link without href");
            let (file, fragment) = href.split_once('#').unwrap_or((href, ""));
            let file = if file.is_empty() { name.as_str() } else { file };
            assert!(
                !file.contains(['/', '\\', ':']) && files.contains_key(file),
                "{name}: a link to {href}"
            );
            if !fragment.is_empty() {
                assert!(
                    ids[file].contains(fragment),
                    "{name}: a link to {href}, which has no such place"
                );
            }
            if name == "index.html" {
                from_index.insert(file.to_string());
            }
        }
    }
    for name in files.keys().filter(|n| !n.starts_with('.')) {
        assert!(from_index.contains(name), "the index has no link to {name}");
    }
    from_index
}

fn head_commit() -> String {
    let out = Command::new("git")
        .args(["rev-parse", "HEAD"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn the_bundled_plans_site_is_whole_valid_and_linked() {
    let work = built(Path::new("plans"), "2012-12-01", &[]);
    let site = work.path().join("site");
    check_site(&site, "2012-12-01");
    let files = files(&site);
    // A page per card, agency and measure.
    assert_eq!(files.keys().filter(|n| n.starts_with("card-")).count(), 3);
    assert_eq!(
        files.keys().filter(|n| n.starts_with("agency-")).count(),
        27
    );
    assert_eq!(
        files.keys().filter(|n| n.starts_with("measure-")).count(),
        6
    );
    let index = &files["index.html"];
    assert!(
        index.contains(
            "<h1><bdi>Street Sex Work Report Card &amp; Action Plan 2012 – 2013</bdi></h1>"
        )
    );
    assert!(index.contains("Cardiff Sex Work Forum"));
    assert!(index.contains(
        "from <span class=\"date\">2012-04-01</span> to <span class=\"date\">2013-03-31</span>"
    ));
    // The commit it was built from (this repository's HEAD), where git has one.
    let commit = head_commit();
    if !commit.is_empty() {
        assert!(index.contains(&format!("built from commit {commit}")));
    }
    // Every task is on its card's page, with its lead linked.
    let ej = &files["card-ej.html"];
    assert!(ej.contains("<tr id=\"task-EJ-1.1.a\""));
    assert!(ej.contains("<a href=\"agency-sl.html\"><bdi>Safer Wales StreetLife</bdi></a>"));
    // Pages and links name things by their titles, not by the plan's ids
    // (an imported plan's ids are made from file names: "rural-scraip").
    assert!(ej.contains("<title>Effective Justice – "), "card title");
    assert!(!ej.contains("<bdi>SL</bdi>"), "a lead shown by its id");
    let agency = &files["agency-swp.html"];
    assert!(
        agency.contains("<title>South Wales Police – "),
        "agency title"
    );
    for (name, page) in &files {
        assert!(
            !page.contains("<title>IE IE"),
            "{name} repeats an id as its name"
        );
    }
    assert!(ej.contains("Summer 2012 &amp; On-going"));
    // The exports are those of `plan export`.
    let csv = plan(&["--as-of", "2012-12-01", "export", "--format", "csv"]);
    assert_eq!(files["tasks.csv"].as_bytes(), csv.stdout);
    let ics = plan(&["--as-of", "2012-12-01", "export", "--format", "ics"]);
    assert_eq!(files["plan.ics"].as_bytes(), ics.stdout);
}

#[test]
fn the_example_plans_site_shows_overdue_tasks_first_and_every_value() {
    let work = built(
        Path::new("examples/quarterly"),
        "2013-03-31",
        &["--title", "Northgate's scorecard"],
    );
    let site = work.path().join("site");
    check_site(&site, "2013-03-31");
    let files = files(&site);
    assert!(files["index.html"].contains("<h1><bdi>Northgate&#39;s scorecard</bdi></h1>"));
    assert!(
        files["card-ss.html"].contains("<title>Safer Streets – Northgate&#39;s scorecard</title>")
    );
    assert!(
        files["index.html"].contains("built from a plan not in git") || !head_commit().is_empty()
    );
    // Within action SS-1.1, the overdue task comes first, and says so.
    let card = Html::parse_document(&files["card-ss.html"]);
    let rows = select(&card, "tr[id^='task-SS-1.1.']");
    let ids: Vec<&str> = rows.iter().map(|r| r.attr("id").unwrap()).collect();
    assert_eq!(ids, ["task-SS-1.1.c", "task-SS-1.1.a", "task-SS-1.1.b"]);
    let first: String = rows[0].text().collect();
    assert!(first.contains("overdue by 90 days"), "{first}");
    assert_eq!(rows[0].attr("class"), Some("alert"));
    // Every value of a measure is in a table beside its chart.
    let m1 = &files["measure-m1.html"];
    for value in ["140", "131", "118", "104"] {
        assert!(
            m1.contains(&format!("<td class=\"number\">{value}</td>")),
            "{value}"
        );
    }
    assert!(m1.contains("<desc id=\"x1-d\">latest value 104 reports (Q4 2012-13); target 100 reports by 2012-13; lower is better</desc>"));
    // The agency page says how each task counts for it.
    assert!(files["agency-np.html"].contains("<td>lead</td>"));
}

#[test]
fn the_same_plan_and_day_give_the_same_bytes() {
    let a = built(Path::new("examples/quarterly"), "2013-03-31", &[]);
    let b = built(Path::new("examples/quarterly"), "2013-03-31", &[]);
    assert_eq!(files(&a.path().join("site")), files(&b.path().join("site")));
    let c = built(Path::new("examples/quarterly"), "2013-03-30", &[]);
    assert_ne!(files(&a.path().join("site")), files(&c.path().join("site")));
}

/// Every payload of tests/hostile_text.rs, in every kind of text a page shows.
const PAYLOAD: &str = r#"\u001b[2J\r\u0007\u202e\u200b<br><script>alert(1)</script>[x](http://e) ![](http://i)\u000b \"><img src=x onerror=alert(1)> &amp; ＝1+1"#;

/// What an id may still hold: visible text (hidden and control characters
/// in an id are refused by `plan check`).
const ID_PAYLOAD: &str =
    r#"<br><script>alert(1)</script>[x](http://e) \"><img src=x onerror=alert(1)> &amp; ＝1+1"#;

fn hostile_plan() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = PAYLOAD;
    let plan = format!(
        "[plan]\ntitle = \"Title \\u202eevil {p}\"\nowner = \"Owner {p}\"\nstart = 2012-04-01\nend = 2013-03-31\n\n\
         [[agency]]\nid = \"SWP\"\nname = \"Police {p}\"\naliases = [\"Alias {p}\"]\n\n\
         [[agency]]\nid = \"..etc..x\"\nname = \"Dots\"\npart_of = \"SWP\"\n\n\
         [[agency]]\nid = \"A.B\"\nname = \"Dot\"\n\n[[agency]]\nid = \"A-B\"\nname = \"Dash\"\n\n\
         [[agency]]\nid = \"A_B\"\nname = \"Underscore\"\n\n\
         [[measure]]\nid = \"M1 {ID_PAYLOAD}\"\ntitle = \"Measure {p}\"\nbetter = \"higher\"\nunit = \"u {p}\"\n\
         values = [{{ period = \"Q1 2012-13\", value = 1.999, note = \"n {p}\" }}, {{ period = \"Q2 2012-13\", value = 2.999 }}]\n\
         target = {{ period = \"2012-13\", value = 12.999 }}\n\n\
         [[recommendation]]\nid = \"R1 {ID_PAYLOAD}\"\ntext = \"Rec {p}\"\nresponse = \"accepted\"\nresponse_text = \"Resp {p}\"\nowner = \"O {p}\"\nactions = [\"EJ-1.1\"]\n"
    );
    let card = format!(
        "[card]\nid = \"EJ\"\ntitle = \"Card {p}\"\noutcomes = [\"Out {p}\"]\narea = \"Area {p}\"\nmeasures = [\"M1 {ID_PAYLOAD}\"]\n\
         story = \"Story {p}\"\nchallenges = [\"Ch {p}\"]\nmain_actions = [\"Main {p}\"]\n\n\
         [[priority]]\nid = 1\ntitle = \"p {p}\"\n\n[[priority.action]]\nid = 1\ntitle = \"a {p}\"\n\n\
         [[priority.action.task]]\nid = \"a\"\ntext = \" =1+1 {p}\"\nlead = [\"SWP\", \"A.B\", \"A-B\", \"A_B\"]\ndue = \"Oct 2012\"\nrag = \"red\"\n\
         note = \"note {p}\"\nresources = \"r {p}\"\n\n\
         [[priority.action.task]]\nid = \"b\"\ntext = \"t\"\nlead = [\"..etc..x\"]\ndue = \"Nov 2012\"\nrag = \"amber\"\nnote = \"\\u00a0@SUM(A1)\"\n"
    );
    fs::write(dir.path().join("plan.toml"), plan).unwrap();
    fs::write(dir.path().join("card.toml"), card).unwrap();
    dir
}

#[test]
fn every_piece_of_plan_text_is_escaped_on_every_page() {
    let dir = hostile_plan();
    let work = built(dir.path(), "2012-12-01", &[]);
    let site = work.path().join("site");
    check_site(&site, "2012-12-01");
    let files = files(&site);
    let names: Vec<&String> = files.keys().collect();
    // Five agencies, five files: none outside the site, none overwriting
    // another. (An id holds letters, digits, `-`, `_` and `.` only: `bad-id`
    // refuses a slash or a bracket; dots and ids alike but for punctuation
    // remain.)
    let agencies: Vec<&&String> = names.iter().filter(|n| n.starts_with("agency-")).collect();
    assert_eq!(agencies.len(), 5, "{names:?}");
    assert!(
        names.contains(&&"agency-etc-x.html".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&&"agency-a-b.html".to_string())
            && names.contains(&&"agency-a-b-2.html".to_string())
            && names.contains(&&"agency-a-b-3.html".to_string()),
        "{names:?}"
    );
    for (name, text) in files.iter().filter(|(n, _)| n.ends_with(".html")) {
        assert!(
            text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{name}"
        );
        assert!(text.contains("&quot;&gt;&lt;img src=x"), "{name}");
        for c in text.chars() {
            assert!(!c.is_control() || c == '\n', "{name}: {c:?}");
        }
        // No right-to-left override acts: each is shown.
        no_bidi_override_acts(text, name);
        let title = text
            .split("<title>")
            .nth(1)
            .unwrap()
            .split("</title>")
            .next()
            .unwrap();
        assert!(
            !title.contains('\u{202e}') && title.contains("\\u{202e}"),
            "{name}: {title}"
        );
    }
}

#[test]
fn a_directory_gets_the_sites_files_and_keeps_every_other() {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("site");
    let example = Path::new("examples/quarterly");
    // Not a site: refused, and left as it was.
    fs::create_dir(&out).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    let refused = build(example, "2013-03-31", &out, &[]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("`plan site` did not write there") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(fs::read_dir(&out).unwrap().count(), 1);
    // Forced: the site is written beside what is there.
    assert_eq!(
        build(example, "2013-03-31", &out, &["--force"])
            .status
            .code(),
        Some(0)
    );
    assert!(out.join("notes.txt").exists() && out.join("index.html").exists());
    // Rebuilt without --force: a page the last build wrote (it is in the
    // list) and this one does not goes; the rest stays.
    fs::write(out.join("card-gone.html"), "old").unwrap();
    let mut list = fs::read_to_string(out.join(".plan-site")).unwrap();
    list.push_str("card-gone.html\n");
    fs::write(out.join(".plan-site"), list).unwrap();
    assert_eq!(
        build(example, "2013-03-31", &out, &[]).status.code(),
        Some(0)
    );
    assert!(!out.join("card-gone.html").exists() && out.join("index.html").exists());
    assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
    // A plan with errors writes nothing at all.
    let broken = tempfile::tempdir().unwrap();
    copy_dir(example, broken.path());
    fs::write(
        broken.path().join("bad.toml"),
        "[card]\nid = \"X\"\ntitle = 3\n",
    )
    .unwrap();
    let fresh = work.path().join("fresh");
    assert_eq!(
        build(broken.path(), "2013-03-31", &fresh, &[])
            .status
            .code(),
        Some(1)
    );
    assert!(!fresh.exists());
    // Nothing temporary is left beside it.
    let left: Vec<String> = fs::read_dir(work.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
    // The site is never written where the plan is.
    let plan_dir = tempfile::tempdir().unwrap();
    copy_dir(example, plan_dir.path());
    let into_plan = build(plan_dir.path(), "2013-03-31", plan_dir.path(), &["--force"]);
    assert_eq!(into_plan.status.code(), Some(2));
    assert!(plan_dir.path().join("plan.toml").exists());
}

#[test]
fn a_browser_renders_the_index_and_a_card_page() {
    let Some(browser) = browser() else {
        return common::skip("a_browser_renders_the_index_and_a_card_page", "chromium");
    };
    let work = built(Path::new("examples/quarterly"), "2013-03-31", &[]);
    for (page, width) in [
        ("index.html", 1000),
        ("card-ss.html", 1000),
        ("card-ss.html", 320),
    ] {
        let shot = work.path().join(format!("{page}-{width}.png"));
        let out = headless(&browser, &work.path().join("profile"))
            .arg(format!("--window-size={width},1400"))
            .arg(format!("--screenshot={}", shot.display()))
            .arg(format!(
                "file://{}",
                work.path().join("site").join(page).display()
            ))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (share, red) = inked(&shot);
        assert!(
            share > 0.02,
            "{page} at {width}px: only {:.2}% inked",
            share * 100.0
        );
        assert!(red, "{page} at {width}px: no red badge");
    }
    // Printed, a card page is on A4 (595 × 842 points).
    let pdf = work.path().join("card.pdf");
    let out = headless(&browser, &work.path().join("profile"))
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!(
            "file://{}",
            work.path().join("site/card-ss.html").display()
        ))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = String::from_utf8_lossy(&fs::read(&pdf).unwrap()).into_owned();
    let boxes: Vec<&str> = pdf
        .match_indices("/MediaBox [")
        .map(|(at, _)| &pdf[at..at + 40])
        .collect();
    assert!(!boxes.is_empty());
    for media in boxes {
        assert!(
            media.starts_with("/MediaBox [0 0 594.9") && media.contains(" 841.9"),
            "{media}"
        );
    }
}

#[test]
fn axe_and_the_validator_find_nothing_on_any_page() {
    const TEST: &str = "axe_and_the_validator_find_nothing_on_any_page";
    let Some((browser, script)) = common::axe_tools(TEST) else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    // First, that the harness sees violations: no language, a field without a label, too wide.
    let bad = work.path().join("bad.html");
    fs::write(
        &bad,
        "<!DOCTYPE html>\n<html><head><title>t</title><style>div { width: 2000px }</style></head>\
         <body><input type=\"text\"><div>wide</div></body></html>",
    )
    .unwrap();
    let mut pages = vec![bad];
    let mut sites = Vec::new();
    // The example, the bundled plan, and a plan of hostile text.
    let hostile = hostile_plan();
    let plans = [
        (Path::new("examples/quarterly"), "2013-03-31"),
        (Path::new("plans"), "2012-12-01"),
        (hostile.path(), "2012-12-01"),
    ];
    for (plan_dir, as_of) in plans {
        let site = built(plan_dir, as_of, &[]);
        let dir = site.path().join("site");
        pages.extend(
            files(&dir)
                .into_keys()
                .filter(|n| n.ends_with(".html"))
                .map(|n| dir.join(n)),
        );
        sites.push(site);
    }
    let reports = common::axe(&browser, &script, &pages);
    assert!(
        reports[0]["violations"].as_array().unwrap().len() >= 2,
        "{}",
        reports[0]
    );
    assert!(
        reports[0]["overflow"].as_i64().unwrap() > 0,
        "{}",
        reports[0]
    );
    let mut failures = common::axe_failures(&reports, &pages[0]);
    if let Some(errors) = common::validator_errors(TEST, &pages[1..]) {
        failures.extend(errors);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The site's edges: a measure with no figures says so in a sentence (no
/// empty chart frame), dates never break on a phone, and the footer says
/// when the plan has changes not yet committed.
#[test]
fn the_sites_edges() {
    let bundled = built(Path::new("plans"), "2012-12-01", &[]);
    let index = &files(&bundled.path().join("site"))["index.html"];
    // The bundled plan's six measures have no figures: six sentences, no chart.
    assert_eq!(index.matches("No figures recorded yet.").count(), 6);
    assert!(!index.contains("<svg"), "an empty chart frame on the index");
    let example = built(Path::new("examples/quarterly"), "2013-03-31", &[]);
    let card = &files(&example.path().join("site"))["card-ss.html"];
    assert!(
        card.contains("<span class=\"date\">2013-"),
        "dates not kept whole"
    );
    // Built from a repository: clean, then with a change not committed.
    let repo = tempfile::tempdir().unwrap();
    copy_dir(Path::new("examples/quarterly"), repo.path());
    common::git_on(repo.path(), None, &["init", "-q"]);
    common::git_on(repo.path(), None, &["add", "."]);
    common::git_on(repo.path(), Some("2013-03-31"), &["commit", "-qm", "plan"]);
    let footer = |site: &tempfile::TempDir| {
        let index = &files(&site.path().join("site"))["index.html"];
        let at = index.find("<footer>").unwrap();
        index[at..].to_string()
    };
    let clean = footer(&built(repo.path(), "2013-03-31", &[]));
    assert!(clean.contains("built from commit "), "{clean}");
    assert!(!clean.contains("uncommitted"), "{clean}");
    let file = repo.path().join("plan.toml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, format!("{text}\n# a change\n")).unwrap();
    let dirty = footer(&built(repo.path(), "2013-03-31", &[]));
    assert!(dirty.contains("with uncommitted changes"), "{dirty}");
}
