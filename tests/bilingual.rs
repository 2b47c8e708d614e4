//! A plan in two languages (docs/format.md, "Languages"): the invented
//! Welsh-first example checks clean, a text with no translation is a
//! `missing-translation` warning at its key, a translation in a language
//! the plan does not declare is an error at its place, `plan fmt` puts each
//! translation after its key, `plan schema` offers them, and `plan set
//! --note-cy`/`--note-en` write them.

mod common;

use common::copy_dir;
use plan::lang::Lang;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const EXAMPLE: &str = "examples/bilingual";

/// Runs `plan --as-of 2025-01-15 ARGS` on the plan in `dir`.
fn plan(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(["--as-of", "2025-01-15", "--dir"])
        .arg(dir)
        .args(args)
        .env_remove("PLAN_DIR")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr)
}

/// A copy of the example to change.
fn copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(EXAMPLE), dir.path());
    dir
}

/// Replaces `from` (which must be there) with `to` in a file of `dir`.
fn change(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// `plan check --format short` on a copy of the example with `from`
/// changed to `to` in `file`: its findings.
fn check_changed(file: &str, from: &str, to: &str) -> String {
    let dir = copy();
    change(dir.path(), file, from, to);
    text(&plan(dir.path(), &["check", "--format", "short"]))
}

/// The 1-based line of the first line of `file` in `dir` that starts with `start`.
fn line_of(dir: &Path, file: &str, start: &str) -> usize {
    let text = fs::read_to_string(dir.join(file)).unwrap();
    1 + text
        .lines()
        .position(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("{file} has no line {start:?}"))
}

#[test]
fn the_example_checks_clean_and_uses_every_translatable_key() {
    let out = plan(Path::new(EXAMPLE), &["check", "--deny", "warnings"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("0 errors, 0 warnings"),
        "{}",
        text(&out)
    );
    let schema = plan(Path::new(EXAMPLE), &["schema"]);
    let schema: serde_json::Value = serde_json::from_slice(&schema.stdout).unwrap();
    let mut all = String::new();
    for file in ["plan.toml", "agencies.toml", "measures.toml"] {
        all += &fs::read_to_string(Path::new(EXAMPLE).join(file)).unwrap();
    }
    for file in ["cards/strydoedd.toml", "cards/pobl-ifanc.toml"] {
        all += &fs::read_to_string(Path::new(EXAMPLE).join(file)).unwrap();
    }
    // Every twin the schema offers in English is written somewhere.
    for (table, format) in schema["$defs"].as_object().unwrap() {
        for key in format["properties"].as_object().unwrap().keys() {
            if key.ends_with("_en") {
                assert!(all.contains(&format!("\n{key} = ")), "{table}.{key} unused");
            }
        }
    }
    for key in [
        "languages = [\"cy\", \"en\"]",
        "language = \"cy\"",
        "language = \"en\"",
    ] {
        assert!(all.contains(key), "{key}");
    }
}

#[test]
fn a_removed_translation_is_missing_translation_at_its_key() {
    let dir = copy();
    let card = "cards/strydoedd.toml";
    change(
        dir.path(),
        card,
        "text_en = \"Review the effect of the patrols on the number of reports\"\n",
        "",
    );
    let line = line_of(dir.path(), card, "text = \"Adolygu effaith");
    let out = plan(dir.path(), &["check", "--format", "short"]);
    let found = text(&out);
    assert_eq!(out.status.code(), Some(0), "a warning: {found}");
    let at = format!(
        "{card}:{line}:8: warning[missing-translation]: `text` in [[priority.action.task]] has no translation into English (en)"
    );
    assert!(found.contains(&at), "{found}");
    assert_eq!(found.matches("missing-translation").count(), 1, "{found}");

    // Levels as for any code: denied before publishing, allowed while translation is under way.
    let denied = plan(dir.path(), &["check", "--deny", "missing-translation"]);
    assert_eq!(denied.status.code(), Some(1), "{}", text(&denied));
    change(
        dir.path(),
        "plan.toml",
        "[plan]\n",
        "[check]\nallow = [\"missing-translation\"]\n\n[plan]\n",
    );
    let allowed = plan(dir.path(), &["check"]);
    assert!(
        !text(&allowed).contains("warning[missing-translation]"),
        "{}",
        text(&allowed)
    );
    assert!(
        text(&allowed).contains("1 finding allowed"),
        "{}",
        text(&allowed)
    );
}

#[test]
fn a_translation_into_a_language_not_declared_is_an_error_at_its_place() {
    let dir = copy();
    change(
        dir.path(),
        "plan.toml",
        "title_en = \"Cabinet approves the plan\"\n",
        "title_en = \"Cabinet approves the plan\"\ntitle_fr = \"Le Cabinet approuve le plan\"\n",
    );
    change(
        dir.path(),
        "agencies.toml",
        "name_en = \"Trefynydd Police\"\n",
        "name_en = \"Trefynydd Police\"\nid_en = \"TP\"\n",
    );
    let out = plan(dir.path(), &["check", "--format", "short"]);
    let found = text(&out);
    assert_eq!(out.status.code(), Some(1), "{found}");
    let fr = line_of(dir.path(), "plan.toml", "title_fr");
    assert!(found.contains(&format!("plan.toml:{fr}:1: error[bad-twin]: `title_fr` is a translation into `fr`, but the plan declares languages = [\"cy\", \"en\"]")), "{found}");
    let id = line_of(dir.path(), "agencies.toml", "id_en");
    assert!(
        found.contains(&format!("agencies.toml:{id}:1: error[bad-twin]: `id_en`")),
        "{found}"
    );

    // In the plan's first language, the unsuffixed key holds it already.
    let found = check_changed(
        "measures.toml",
        "title_en = \"Reports",
        "title_cy = \"Adroddiadau\"\ntitle_en = \"Reports",
    );
    assert!(
        found.contains(
            "error[bad-twin]: `title_cy` is a translation into the plan's first language"
        ),
        "{found}"
    );

    // A plan that declares no languages has no translations.
    let found = check_changed("plan.toml", "languages = [\"cy\", \"en\"]\n", "");
    assert!(
        found.contains("`title_en` is a translation into `en`, but the plan declares no languages"),
        "{found}"
    );
}

#[test]
fn unknown_repeated_and_missing_languages_are_errors_where_written() {
    let dir = copy();
    change(
        dir.path(),
        "plan.toml",
        "languages = [\"cy\", \"en\"]",
        "languages = [\"cy\", \"en\", \"fr\", \"cy\"]",
    );
    change(
        dir.path(),
        "agencies.toml",
        "language = \"en\"",
        "language = \"English\"",
    );
    let found = text(&plan(dir.path(), &["check", "--format", "short"]));
    let line = line_of(dir.path(), "plan.toml", "languages");
    assert!(
        found.contains(&format!(
            "plan.toml:{line}:26: error[bad-language]: `fr` is no language `plan` knows (cy, en)"
        )),
        "{found}"
    );
    assert!(
        found.contains(&format!(
            "plan.toml:{line}:32: error[bad-language]: `cy` is named twice"
        )),
        "{found}"
    );
    assert!(
        found.contains("error[bad-language]: `English` is no language"),
        "{found}"
    );

    let found = check_changed(
        "plan.toml",
        "languages = [\"cy\", \"en\"]",
        "languages = []",
    );
    assert!(
        found.contains("error[bad-language]: `languages` names no language"),
        "{found}"
    );
}

#[test]
fn fmt_leaves_the_example_and_puts_each_translation_after_its_key() {
    let out = plan(Path::new(EXAMPLE), &["fmt", "--check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let dir = copy();
    let card = "cards/pobl-ifanc.toml";
    change(
        dir.path(),
        card,
        "title = \"Pobl ifanc yn ddiogel ac yn cymryd rhan\"\ntitle_en = \"Young people safe and taking part\"\n",
        "title_en = \"Young people safe and taking part\"\ntitle = \"Pobl ifanc yn ddiogel ac yn cymryd rhan\"\n",
    );
    assert_eq!(plan(dir.path(), &["fmt", "--check"]).status.code(), Some(1));
    assert_eq!(plan(dir.path(), &["fmt"]).status.code(), Some(0));
    assert_eq!(
        fs::read_to_string(dir.path().join(card)).unwrap(),
        fs::read_to_string(Path::new(EXAMPLE).join(card)).unwrap()
    );
}

#[test]
fn schema_offers_each_translation_after_its_key() {
    let out = plan(Path::new(EXAMPLE), &["schema"]);
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&String> = schema["$defs"]["update"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    let at = keys.iter().position(|k| *k == "note").unwrap();
    assert_eq!(
        keys[at + 1..at + 3],
        [&"note_cy".to_string(), &"note_en".to_string()]
    );
    assert!(schema["$defs"]["agency"]["properties"]["name_en"].is_object());
    assert_eq!(
        schema["$defs"]["agency"]["properties"]["language"]["enum"],
        serde_json::json!(["cy", "en"])
    );
    assert!(
        schema["$defs"]["agency"]["properties"]
            .get("email_en")
            .is_none()
    );
}

/// The plan in `dir`, read as `plan` reads it.
fn read(dir: &Path) -> plan::model::Plan {
    let mut files = Vec::new();
    for file in [
        "plan.toml",
        "agencies.toml",
        "measures.toml",
        "cards/pobl-ifanc.toml",
        "cards/strydoedd.toml",
    ] {
        files.push((file.to_string(), fs::read(dir.join(file)).unwrap()));
    }
    let opened = plan::open::from_bytes(files);
    assert!(opened.errors().is_empty(), "{:?}", opened.errors());
    opened.plan.unwrap()
}

#[test]
fn set_writes_a_note_in_each_language_and_it_reads_back() {
    let dir = copy();
    let out = plan(
        dir.path(),
        &[
            "set",
            "PI-1.1.b",
            "--rag",
            "amber",
            "--note-cy",
            "Mae’r cyfeiriadau cyntaf wedi’u gwneud.",
            "--note-en",
            "The first referrals have been made.",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let clean = plan(dir.path(), &["check", "--deny", "warnings"]);
    assert_eq!(clean.status.code(), Some(0), "{}", text(&clean));
    let read = read(dir.path());
    let task = read.find_task("PI-1.1.b").unwrap();
    let entry = task.last_update().unwrap();
    let first = read.meta.first_language();
    assert_eq!(first, Lang::Cy);
    let welsh = entry
        .translations
        .pick("note", Lang::Cy, entry.note.as_deref().unwrap(), first);
    assert_eq!(
        (welsh.text, welsh.fell_back),
        ("Mae’r cyfeiriadau cyntaf wedi’u gwneud.", false)
    );
    let english = entry
        .translations
        .pick("note", Lang::En, entry.note.as_deref().unwrap(), first);
    assert_eq!(
        (english.text, english.fell_back),
        ("The first referrals have been made.", false)
    );

    // The card's title, asked for in English, is its twin.
    let card = &read.cards[0];
    let title = card
        .translations
        .pick("title", Lang::En, &card.title, first);
    assert_eq!(
        (title.text, title.lang, title.fell_back),
        ("Young people safe and taking part", Lang::En, false)
    );
}

#[test]
fn set_refuses_a_note_in_a_language_the_plan_does_not_declare() {
    // A plan in Welsh only.
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("plan.toml"),
        "[plan]\ntitle = \"Cynllun\"\nlanguages = [\"cy\"]\nstart = 2024-04-01\nend = 2026-03-31\n\n\
         [[agency]]\nid = \"CBST\"\nname = \"Cyngor Bwrdeistref Sirol Trefynydd\"\n\n\
         [card]\nid = \"PI\"\ntitle = \"Pobl ifanc\"\n\n[[priority]]\nid = 1\ntitle = \"Byddwn yn cynnig gweithgareddau\"\n\n\
         [[priority.action]]\nid = 1\ntitle = \"Agor clybiau ieuenctid\"\n\n\
         [[priority.action.task]]\nid = \"a\"\ntext = \"Agor clwb ieuenctid\"\nlead = [\"CBST\"]\ndue = \"Ionawr 2025\"\n",
    )
    .unwrap();
    let before = fs::read(dir.path().join("plan.toml")).unwrap();
    let out = plan(dir.path(), &["set", "PI-1.1.a", "--note-en", "Opened."]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).contains("--note-en gives the note in English, but the plan's languages are cy"),
        "{}",
        text(&out)
    );
    assert_eq!(fs::read(dir.path().join("plan.toml")).unwrap(), before);

    // Welsh is the first language: --note-cy is the entry's `note`.
    let out = plan(
        dir.path(),
        &["set", "PI-1.1.a", "--note-cy", "Agorwyd y clwb."],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let written = fs::read_to_string(dir.path().join("plan.toml")).unwrap();
    assert!(
        written.ends_with("note = \"Agorwyd y clwb.\"\n"),
        "{written}"
    );
    let twice = plan(
        dir.path(),
        &["set", "PI-1.1.a", "--note", "a", "--note-cy", "b"],
    );
    assert_eq!(twice.status.code(), Some(2), "{}", text(&twice));

    // A plan that declares no languages takes its note with --note.
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new("examples/quarterly"), dir.path());
    let out = plan(
        dir.path(),
        &["set", "SS-1.1.a", "--note-cy", "Wedi’i gwblhau"],
    );
    assert!(
        text(&out).contains("the plan declares no languages: give the note with --note"),
        "{}",
        text(&out)
    );
}

/// Takes every key ending in `_en` out of a table and the tables under it; how many.
fn strip_english(table: &mut toml_edit::Table) -> usize {
    let twins: Vec<String> = table
        .iter()
        .map(|(k, _)| k.to_string())
        .filter(|k| k.ends_with("_en"))
        .collect();
    let mut count = twins.len();
    for key in twins {
        table.remove(&key);
    }
    for (_, item) in table.iter_mut() {
        match item {
            toml_edit::Item::Table(sub) => count += strip_english(sub),
            toml_edit::Item::ArrayOfTables(subs) => {
                count += subs.iter_mut().map(strip_english).sum::<usize>()
            }
            _ => {}
        }
    }
    count
}

/// Each translation taken out of the example is one `missing-translation`
/// (so every key the file format calls translatable is checked for its
/// twin: the example uses every one).
#[test]
fn every_translation_taken_out_is_missed_once() {
    let dir = copy();
    let mut removed = 0;
    for file in [
        "plan.toml",
        "agencies.toml",
        "measures.toml",
        "cards/pobl-ifanc.toml",
        "cards/strydoedd.toml",
    ] {
        let path = dir.path().join(file);
        let mut doc: toml_edit::DocumentMut = fs::read_to_string(&path).unwrap().parse().unwrap();
        removed += strip_english(doc.as_table_mut());
        fs::write(path, doc.to_string()).unwrap();
    }
    let out = plan(dir.path(), &["check", "--format", "short"]);
    let found = text(&out);
    assert!(removed > 20, "{removed}");
    assert_eq!(
        found.matches("warning[missing-translation]").count(),
        removed,
        "{found}"
    );
    assert_eq!(found.lines().count(), removed, "{found}");
}
