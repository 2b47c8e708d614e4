//! The catalogue itself: every file parses, every message is in both
//! languages, used in the code, and says in Welsh what it says in English
//! (each of its placeables); and plurals and dates come out as each
//! language writes them.

use super::*;
use std::collections::BTreeSet;
use std::path::Path;

/// Each language's message ids, in file order.
fn ids(lang: Lang) -> Vec<String> {
    files::of(lang)
        .iter()
        .flat_map(|(_, text)| files::message_ids(text))
        .collect()
}

/// The `$variables` a message's text names, by id.
fn placeables(lang: Lang) -> std::collections::BTreeMap<String, BTreeSet<String>> {
    let mut found = std::collections::BTreeMap::new();
    for (_, text) in files::of(lang) {
        let mut id = String::new();
        for line in text.lines() {
            if let Some(start) = files::message_ids(line).pop() {
                id = start;
            }
            let names = line.split('$').skip(1).map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect::<String>()
            });
            found
                .entry(id.clone())
                .or_insert_with(BTreeSet::new)
                .extend(names);
        }
    }
    found
}

#[test]
fn every_file_parses_without_an_error() {
    for lang in Lang::ALL {
        for (name, text) in files::of(lang) {
            if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
                panic!("i18n/{lang}/{name}: {errors:?}");
            }
        }
    }
}

#[test]
fn every_message_is_in_both_languages_once() {
    let en = ids(Lang::En);
    let cy = ids(Lang::Cy);
    let unique: BTreeSet<&String> = en.iter().collect();
    assert_eq!(
        unique.len(),
        en.len(),
        "a message declared twice in English"
    );
    let en: BTreeSet<String> = en.into_iter().collect();
    let cy: BTreeSet<String> = cy.into_iter().collect();
    assert_eq!(
        en.difference(&cy).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "in English only"
    );
    assert_eq!(
        cy.difference(&en).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "in Welsh only"
    );
}

/// Every `.rs` file's text under `dir`.
fn sources(dir: &Path, texts: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, texts);
        } else if path.extension().is_some_and(|e| e == "rs")
            && !path.ends_with("catalogue/tests.rs")
        {
            texts.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn every_message_is_used_in_the_code() {
    let mut code = String::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut code,
    );
    let unused: Vec<String> = ids(Lang::En)
        .into_iter()
        .filter(|id| !code.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "messages no code asks for: {unused:?}");
}

/// A Welsh message names each variable its English twin does (a day may
/// be written in words: `$from_words` for `$from`).
#[test]
fn every_placeable_in_english_has_one_in_welsh() {
    let cy = placeables(Lang::Cy);
    for (id, names) in placeables(Lang::En) {
        let welsh = &cy[&id];
        for name in names {
            assert!(
                welsh.contains(&name) || welsh.contains(&format!("{name}_words")),
                "{id}: the Welsh has no ${name}"
            );
        }
    }
}

#[test]
fn counts_take_each_languages_plural() {
    let days = |lang, n: i64| Catalogue::of(lang).msg_with("target-slipped", &[("days", n.into())]);
    assert_eq!(days(Lang::En, 1), "; slipped 1 day");
    assert_eq!(days(Lang::En, 2), "; slipped 2 days");
    assert_eq!(days(Lang::En, 0), "; slipped 0 days");
    // Welsh keeps the singular after a number, mutated after "dau".
    assert_eq!(days(Lang::Cy, 1), "; wedi llithro 1 diwrnod");
    assert_eq!(days(Lang::Cy, 2), "; wedi llithro 2 ddiwrnod");
    assert_eq!(days(Lang::Cy, 3), "; wedi llithro 3 diwrnod");
    assert_eq!(days(Lang::Cy, 61), "; wedi llithro 61 diwrnod");
    let tasks = |n: i64| Catalogue::of(Lang::Cy).msg_with("count-tasks", &[("count", n.into())]);
    assert_eq!(tasks(1), "1 dasg");
    assert_eq!(tasks(2), "2 dasg");
    assert_eq!(tasks(3), "3 tasg");
    assert_eq!(tasks(6), "6 thasg");
    assert_eq!(tasks(67), "67 tasg");
}

#[test]
fn a_day_in_words_is_written_each_languages_way() {
    let day = NaiveDate::from_ymd_opt(2013, 3, 31).unwrap();
    assert_eq!(Catalogue::of(Lang::Cy).day_in_words(day), "31 Mawrth 2013");
    assert_eq!(Catalogue::of(Lang::En).day_in_words(day), "31 March 2013");
}

#[test]
fn no_isolation_marks_and_a_missing_message_is_its_key() {
    let en = Catalogue::of(Lang::En);
    let said = en.msg_with(
        "report-heading",
        &[
            ("plan", "P".into()),
            ("what", "w".into()),
            ("day", "d".into()),
        ],
    );
    assert_eq!(said, "P: w as of d");
    assert_eq!(en.msg("no-such-message"), "no-such-message");
}
