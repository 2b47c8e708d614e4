//! `plan site` on a bilingual plan (examples/bilingual, Welsh first): every
//! page in both languages, the Welsh at the root and the English under
//! `en/`; each page's `<html lang>` right; each page linking to its
//! counterpart (`<link rel="alternate" hreflang>`, which resolve and link
//! back, and a visible link named in the other language); the same links,
//! menus and layout in both; no English word of the site's own on a Welsh
//! page; and axe-core and the Nu HTML Checker clean in both languages.

mod common;

use scraper::{ElementRef, Html, Selector};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The example's site, built as of a day in its third quarter.
fn built() -> tempfile::TempDir {
    built_from(Path::new("examples/bilingual"))
}

fn built_from(plan: &Path) -> tempfile::TempDir {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("site");
    let run = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--dir", plan.to_str().unwrap(), "--as-of", "2024-12-31"])
        .args(["site", "-o", out.to_str().unwrap()])
        .env("NO_COLOR", "1")
        .env_remove("PLAN_DIR")
        .env_remove("PLAN_AS_OF")
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    work
}

/// Every `.html` file under `dir`, by its path from `dir` (`en/index.html`).
fn pages(dir: &Path) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if path.is_dir() {
            for (inner, html) in pages(&path) {
                found.insert(format!("{name}/{inner}"), html);
            }
        } else if name.ends_with(".html") {
            found.insert(name, fs::read_to_string(&path).unwrap());
        }
    }
    found
}

fn select<'h>(html: &'h Html, css: &str) -> Vec<ElementRef<'h>> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector).collect()
}

/// `href`, written in the page at `page` (a path from the site's root),
/// as a path from the root, without its `#place`.
fn resolve(page: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap();
    if href.is_empty() {
        return page.to_string();
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in href.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "" | "." => {}
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// The page's language from its path: English under `en/`, else Welsh.
fn lang_of(page: &str) -> &'static str {
    if page.starts_with("en/") { "en" } else { "cy" }
}

#[test]
fn every_page_is_in_both_languages_and_links_to_its_counterpart() {
    let site = built();
    let dir = site.path().join("site");
    let all = pages(&dir);
    let welsh: Vec<&String> = all.keys().filter(|p| !p.starts_with("en/")).collect();
    assert!(welsh.len() >= 10, "{welsh:?}");
    for page in &welsh {
        assert!(all.contains_key(&format!("en/{page}")), "no English {page}");
    }
    assert_eq!(all.len(), 2 * welsh.len(), "an English page with no Welsh");
    // The downloads are written once, at the root.
    assert!(dir.join("tasks.csv").is_file() && dir.join("plan.ics").is_file());
    assert!(!dir.join("en/tasks.csv").exists());
    let mut alternates: BTreeMap<&str, BTreeMap<String, String>> = BTreeMap::new();
    for (page, text) in &all {
        let html = Html::parse_document(text);
        let lang = select(&html, "html")[0].value().attr("lang").unwrap();
        assert_eq!(lang, lang_of(page), "{page}");
        let mut langs = BTreeMap::new();
        for link in select(&html, "link[rel=alternate]") {
            let href = resolve(page, link.value().attr("href").unwrap());
            assert!(dir.join(&href).is_file(), "{page}: {href} does not resolve");
            let hreflang = link.value().attr("hreflang").unwrap().to_string();
            assert_eq!(lang_of(&href), hreflang, "{page}: {href}");
            langs.insert(hreflang, href);
        }
        assert_eq!(
            langs.get(lang_of(page)),
            Some(page),
            "{page} names not itself"
        );
        assert_eq!(langs.len(), 2, "{page}: {langs:?}");
        // The visible link to the other language, named in it.
        let other = if lang == "cy" { "en" } else { "cy" };
        let visible = select(&html, &format!("header a[hreflang={other}][lang={other}]"));
        assert_eq!(visible.len(), 1, "{page}: no visible link to {other}");
        let name = visible[0].text().collect::<String>();
        assert_eq!(name, if other == "cy" { "Cymraeg" } else { "English" });
        let href = resolve(page, visible[0].value().attr("href").unwrap());
        assert_eq!(Some(&href), langs.get(other), "{page}");
        alternates.insert(page, langs);
    }
    // Each counterpart links back.
    for (page, langs) in &alternates {
        for href in langs.values() {
            assert_eq!(
                alternates[href.as_str()].get(lang_of(page)),
                Some(&page.to_string()),
                "{href} does not link back to {page}"
            );
        }
    }
}

/// The page's shape: each element's name, and each link's target as a
/// path from the root with the language folder taken off.
fn shape(page: &str, text: &str) -> Vec<String> {
    let html = Html::parse_document(text);
    select(&html, "*")
        .into_iter()
        .map(|e| match e.value().attr("href") {
            Some(href) => {
                let to = resolve(page, href);
                let to = to.strip_prefix("en/").unwrap_or(&to).to_string();
                let place = href.split_once('#').map(|(_, p)| p).unwrap_or("");
                format!("{} {to}#{place}", e.value().name())
            }
            None => e.value().name().to_string(),
        })
        .collect()
}

#[test]
fn both_languages_have_the_same_links_menus_and_layout() {
    let site = built();
    let all = pages(&site.path().join("site"));
    for (page, welsh) in all.iter().filter(|(p, _)| !p.starts_with("en/")) {
        let english_page = format!("en/{page}");
        let english = &all[&english_page];
        assert_eq!(
            shape(page, welsh),
            shape(&english_page, english),
            "{page} and its English differ"
        );
        assert_ne!(welsh, english, "{page} is the same in both");
    }
}

/// Each message of a catalogue file: its id and the literal words of its
/// text (every variant of a plural), without its placeables.
fn messages(file: &str) -> BTreeMap<String, Vec<String>> {
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut id = String::new();
    for line in fs::read_to_string(file).unwrap().lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let text = match line.split_once(" = ") {
            Some((key, value)) if !line.starts_with(' ') => {
                id = key.to_string();
                value
            }
            _ => line.trim().trim_start_matches('*'),
        };
        let text = match text.strip_prefix('[') {
            Some(rest) => rest.split_once(']').map_or("", |(_, t)| t),
            None => text,
        };
        let mut depth = 0;
        let mut words = String::new();
        for c in text.chars() {
            match c {
                '{' => {
                    depth += 1;
                    words.push('\n');
                }
                '}' => depth -= 1,
                _ if depth == 0 => words.push(c),
                _ => {}
            }
        }
        let entry = found.entry(id.clone()).or_default();
        entry.extend(
            words
                .split('\n')
                .map(|w| w.trim().trim_matches(['(', ')', ',', ';', ':', '.', ' ']))
                .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
                .map(str::to_string),
        );
    }
    found
}

/// Whether `words` occur in `text` as whole words (not in a file's name,
/// such as `tasks.csv`, which is the same in every language).
fn has_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let mut after = text[at + words.len()..].chars();
        let next = after.next();
        let extension = next == Some('.') && after.next().is_some_and(char::is_alphanumeric);
        !before.is_some_and(char::is_alphanumeric)
            && !next.is_some_and(char::is_alphanumeric)
            && !extension
    })
}

/// What a reader meets on a page: its text, its title, and its accessible names.
fn readable(text: &str) -> String {
    let html = Html::parse_document(text);
    let mut said: Vec<String> = select(&html, "title, body")
        .iter()
        // Each piece of text apart: a chart's labels are next to each other.
        .map(|e| e.text().collect::<Vec<_>>().join("\n"))
        .collect();
    for e in select(&html, "[aria-label]") {
        said.push(e.value().attr("aria-label").unwrap().to_string());
    }
    said.join("\n")
}

#[test]
fn a_welsh_page_holds_no_english_word_of_the_sites_own() {
    // The site's words, and those it shares with the reports (RAG words,
    // states, responses) and the Highlight Report (its charts' words).
    let (mut english, mut welsh) = (BTreeMap::new(), BTreeMap::new());
    for file in ["site.ftl", "words.ftl", "highlight.ftl"] {
        english.extend(messages(&format!("i18n/en/{file}")));
        welsh.extend(messages(&format!("i18n/cy/{file}")));
    }
    assert!(english.len() > 200, "{}", english.len());
    // The words of each English message that its Welsh does not share.
    let mut differ: Vec<(&String, &String)> = Vec::new();
    for (id, words) in &english {
        let theirs = welsh.get(id).map(|w| w.join("\n")).unwrap_or_default();
        differ.extend(
            words
                .iter()
                .filter(|w| !has_words(&theirs, w))
                .map(|w| (id, w)),
        );
    }
    for words in ["overdue first", "lower is better", "on-hold"] {
        assert!(
            differ.iter().any(|(_, w)| *w == words),
            "{words}: {differ:?}"
        );
    }
    let site = built();
    let all = pages(&site.path().join("site"));
    let mut found = Vec::new();
    for (page, text) in &all {
        let said = readable(text);
        let ours = differ.iter().filter(|(_, w)| has_words(&said, w));
        if page.starts_with("en/") {
            // The test sees them: the English pages are full of them.
            assert!(ours.count() > 5, "{page}: no English word found");
        } else {
            found.extend(ours.map(|(id, w)| format!("{page}: {id}: {w:?}")));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// A text with no translation is shown in the language it was written in,
/// in an element that says which (for a screen reader's voice), and with
/// words that tell the reader it is not translated; never passed off as
/// a translation.
#[test]
fn a_text_not_translated_is_shown_marked() {
    let plan = tempfile::tempdir().unwrap();
    common::copy_dir(Path::new("examples/bilingual"), plan.path());
    let card = plan.path().join("cards/strydoedd.toml");
    let text = fs::read_to_string(&card).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("story_en") && *l != "title_en = \"A safer town centre\"")
        .collect();
    assert_eq!(kept.len() + 2, text.lines().count());
    fs::write(&card, kept.join("\n") + "\n").unwrap();
    let site = built_from(plan.path());
    let all = pages(&site.path().join("site"));
    let english = &all["en/card-sd.html"];
    let html = Html::parse_document(english);
    let h1 = &select(&html, "h1")[0];
    let welsh = select(&html, "h1 [lang=cy]");
    assert_eq!(welsh.len(), 1, "{}", h1.html());
    assert_eq!(
        welsh[0].text().collect::<String>(),
        "Canol y dref yn fwy diogel"
    );
    assert!(
        h1.text().collect::<String>().ends_with(" (Welsh only)"),
        "{}",
        h1.html()
    );
    // The story too, and the card's title where another page links to it.
    let story = select(&html, "main p [lang=cy]");
    assert!(!story.is_empty() && english.contains("(Welsh only)</span></p>"));
    let index = &all["en/index.html"];
    assert!(index.contains("<a href=\"card-sd.html\" lang=\"cy\"><bdi>Canol y dref yn fwy diogel</bdi></a> <span class=\"untranslated\">(Welsh only)</span>"));
    // The Welsh pages are as before: nothing there fell back.
    assert!(!all["card-sd.html"].contains("untranslated"));
}

#[test]
fn axe_and_the_validator_find_nothing_in_either_language() {
    const TEST: &str = "axe_and_the_validator_find_nothing_in_either_language";
    let Some((browser, script)) = common::axe_tools(TEST) else {
        return;
    };
    let site = built();
    let dir = site.path().join("site");
    // First, a page that shows the harness sees a violation: no language.
    let bad = site.path().join("bad.html");
    fs::write(
        &bad,
        "<!DOCTYPE html>\n<html><head><title>t</title></head><body><input type=\"text\"></body></html>",
    )
    .unwrap();
    let mut files: Vec<PathBuf> = vec![bad];
    files.extend(pages(&dir).into_keys().map(|p| dir.join(p)));
    assert!(files.iter().any(|f| f.starts_with(dir.join("en"))));
    let reports = common::axe(&browser, &script, &files);
    assert!(!reports[0]["violations"].as_array().unwrap().is_empty());
    let mut failures = common::axe_failures(&reports, &files[0]);
    if let Some(errors) = common::validator_errors(TEST, &files[1..]) {
        failures.extend(errors);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
